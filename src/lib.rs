//! undercurrent: a fast, reproducible agent-based simulation of customer-oriented behaviour
//! in organisations. See `ARCHITECTURE.md` for the map and `docs/model.md` for the model.

pub mod experiment;
pub mod metrics;
pub mod model;
pub mod output;
pub mod plot;
pub mod report;
pub mod serve;
