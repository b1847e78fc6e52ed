//! undercurrent-charts: charts (plotters, PNG and SVG) and reports (printed table, reading,
//! HTML), all drawn from the files a run or sweep wrote.

pub use undercurrent_files::{calibration, experiment, metrics, model, output};

/// Words in every language (`undercurrent-text`), so the layers above need no second dependency.
pub use undercurrent_text as text;

pub mod numbers;
pub mod plot;
pub mod report;
