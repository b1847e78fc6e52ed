//! What one replication produced: every arm's recorded series, the durability statistics
//! against the paired baseline and the employee snapshots. Defined with the statistics, not
//! with the runner that makes it, so that `aggregate` reads it without depending upward on
//! `experiment`.

use crate::metrics::recorder::RunSeries;
use crate::metrics::registry::TEAM_METRICS;
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

/// One team's recorded series in one arm of one replication (`teams = true`): the team
/// metrics of the registry ([`TEAM_METRICS`]), computed exactly as the organisation's are but
/// from the team's own days, and its manager's role-model level on each recorded day. Only
/// those columns are kept (not every recorded metric), so that a run with teams stays small.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRecord {
    pub team: usize,
    pub days: Vec<i64>,
    /// `days.len() × TEAM_METRICS.len()` values, row-major.
    pub values: Vec<f64>,
    /// The manager's true role-model level R on each recorded day.
    pub role_model: Vec<f64>,
}

impl TeamRecord {
    /// Keeps the team metrics of a team's full recorded series.
    pub fn from_series(team: usize, series: &RunSeries, role_model: Vec<f64>) -> TeamRecord {
        let mut values = Vec::with_capacity(series.days.len() * TEAM_METRICS.len());
        for k in 0..series.days.len() {
            values.extend(TEAM_METRICS.iter().map(|m| series.value(k, m.index())));
        }
        TeamRecord {
            team,
            days: series.days.clone(),
            values,
            role_model,
        }
    }

    /// Team metric `m` (its position in [`TEAM_METRICS`]) on recorded day `k`.
    pub fn value(&self, k: usize, m: usize) -> f64 {
        self.values[k * TEAM_METRICS.len() + m]
    }
}

/// What one arm of one replication produced besides its organisation-wide series.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArmOutput {
    pub series: RunSeries,
    pub snapshots: Vec<Snapshot>,
    /// Per team (when asked for), in team order.
    pub teams: Vec<TeamRecord>,
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
    /// Per arm, per team (empty unless the scenario asks for `teams`).
    pub teams: Vec<Vec<TeamRecord>>,
    /// Managers' self-ratings at the start: shares "always" and "almost always".
    pub self_rating: (f64, f64),
}
