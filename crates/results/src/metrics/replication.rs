//! What one replication produced: every arm's recorded series, the durability statistics
//! against the paired baseline and the employee snapshots. Defined with the statistics, not
//! with the runner that makes it, so that `aggregate` reads it without depending upward on
//! `experiment`.

use crate::metrics::recorder::RunSeries;
use crate::model::employees::N_COLS;

/// One employee's state on a snapshot day.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub day: i64,
    pub team: usize,
    pub slot: usize,
    pub dominant: u8,
    pub values: [f32; N_COLS],
}

/// Everything one replication produced, per arm in scenario order (baseline first).
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicationResult {
    pub series: Vec<RunSeries>,
    /// Per non-baseline arm: the durability metrics ([`crate::metrics::durability::DURABILITY_METRICS`]).
    pub durability: Vec<Vec<f64>>,
    /// The baseline's drift ([`crate::metrics::durability::BASELINE_METRICS`]).
    pub baseline: Vec<f64>,
    pub snapshots: Vec<Vec<Snapshot>>,
    /// Managers' self-ratings at the start: shares "always" and "almost always".
    pub self_rating: (f64, f64),
}
