//! undercurrent: a fast, reproducible agent-based simulation of customer-oriented behaviour
//! in organisations. See `ARCHITECTURE.md` for the map and `docs/model.md` for the model.
//!
//! This crate gathers the workspace's layers under one name. The arrows run one way and the
//! compiler keeps them so, because each layer is its own crate: `undercurrent-model` (pure
//! simulation) ← `undercurrent-results` (scenarios, replications, statistics) ←
//! `undercurrent-files` (run directories, sweeps) ← `undercurrent-charts` (charts, reports;
//! feature `charts`) ← `undercurrent-serve` (the explorer; feature `serve`) ← the CLI.
//! `cargo build --no-default-features` builds the library without plotters and the server.

pub use undercurrent_files::{calibration, experiment, metrics, model, output, words};

/// Words in every language: the message catalogue, locale number formats (`undercurrent-text`).
pub use undercurrent_text as text;

#[cfg(feature = "charts")]
pub use undercurrent_charts::{plot, report};

#[cfg(feature = "serve")]
pub use undercurrent_serve as serve;
