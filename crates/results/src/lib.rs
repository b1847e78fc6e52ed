//! undercurrent-results: scenarios, replications, recorded metrics and the statistics across
//! replications, above the pure model. No charts, no HTTP, no result files.
//!
//! The model is re-exported as `model`, so every layer above names it the same way.

pub use undercurrent_model as model;

pub mod calibration;
pub mod experiment;
pub mod metrics;
