//! Scenario files, replications, seeding and the parallel runner.

pub mod locate;
pub mod replication;
pub mod runner;
pub mod scenario;
pub mod sensitivity;
pub mod sweep;
