//! The registries' part of `GET /api/meta`, so the page holds no copy of them: the metric
//! table ([`metrics`]), the parameters with their bounds ([`parameters`]) and the
//! intervention kinds with their settings ([`interventions`]).

mod interventions;
mod metrics;
mod parameters;

pub use interventions::{interventions, kind_terms};
pub use metrics::{chart_tabs, metric_groups, metrics};
pub use parameters::{param_terms, parameters};
