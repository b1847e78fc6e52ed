//! Calibrations on disk: `CALIBRATION.toml` ([`file`]) and running one into its output
//! directory with a journal and resume ([`run`]). The sampler itself is
//! `undercurrent-results`' [`crate::calibration`] (pure computation).

pub mod failure;
pub mod file;
pub mod posterior;
pub mod run;

pub use file::Calibration;
pub use run::{
    run_calibration, run_calibration_unless, CalibrateOptions, CalibrateReport, CalibrationError,
};
