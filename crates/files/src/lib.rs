//! undercurrent-files: results on disk. Run directories (CSV tables, manifest, atomic files,
//! staging), sweeps (journal, finalisation, shards and merge).
//!
//! The layers below are re-exported under their usual names (`model`, `metrics`,
//! `experiment`), so a path such as `experiment::scenario::Scenario` reads the same at every
//! layer; `experiment::sweep` is added here.

pub use undercurrent_results::{calibration, metrics, model};

/// Scenarios, replications and the runner from `undercurrent-results`, plus sweeps.
pub mod experiment {
    pub use undercurrent_results::experiment::*;
    pub mod calibration;
    pub mod sweep;
}
pub mod output;
pub mod syntax_words;
pub mod words;
