//! The simulation itself, pure: no I/O, no CLI, no printing.
//!
//! State layout: a [`simulation::Simulation`] owns teams; a [`team::Team`] owns its
//! employees (structure of arrays, [`employees::Employees`]), its manager and its customer
//! pool. Every random number comes from a stream keyed by (replication, purpose, team, slot,
//! day) in [`rng`], so results do not depend on threads and arms share random numbers.

pub mod consts;
pub mod contacts;
pub mod customers;
pub mod days;
pub mod draws;
pub mod drives;
pub mod employees;
pub mod intervention_kinds;
pub mod interventions;
pub mod manager;
pub mod normal;
pub mod params;
pub mod prefetch;
pub mod presets;
pub mod propensity;
pub mod registry;
pub mod rng;
pub mod simulation;
pub mod team;
pub mod validate;
mod ziggurat_tables;

pub use consts::Consts;
pub use days::Days;
pub use interventions::{ArmPlan, InterventionSpec, Kind, Schedule, Target};
pub use params::Params;
pub use registry::{parameters, ParamSpec};
pub use simulation::Simulation;
