//! Recording a run, and turning replications into statistics.

pub mod aggregate;
pub mod durability;
pub mod economics;
pub mod outputs;
pub mod recorder;
pub mod registry;
pub mod replication;
pub mod stats;
pub mod survival;
