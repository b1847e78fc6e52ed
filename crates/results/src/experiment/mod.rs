//! Scenario files, replications, seeding, the parallel runner and the sensitivity designs.
//! Sweeps (which write files) live a layer up, in `undercurrent-files`.

pub mod budget;
pub mod claims;
pub mod locate;
pub mod replication;
pub mod runner;
pub mod scenario;
pub mod sensitivity;
