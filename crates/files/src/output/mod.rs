//! Writing results: tidy CSV that pandas and R read directly, and a JSON manifest.
//!
//! Every file is written under a temporary name and renamed when complete, so a killed run
//! never leaves a half-written file under a final name.

pub mod employees;
pub mod files;
pub mod lock;
pub mod manifest;
pub mod parquet;
pub mod run;
pub mod run_dir;
pub mod staging;
pub mod tables;

pub use files::write_atomic;
