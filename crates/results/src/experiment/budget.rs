//! The memory a scenario needs, computed from its parameters before anything is allocated,
//! and the bound a scenario must stay within.
//!
//! Every range check can pass while the combination cannot be allocated: 100,000 customers
//! per employee in teams of 10,000 is one pool of a billion memories (8 GB reserved), and a
//! pool with inflow and no outflow grows every day. The estimate is an upper bound of what
//! a run holds (tested against the allocated sizes), counted in reserved capacity:
//! - each organisation in flight: per team its struct, its employee table (`N_COLS` floats
//!   and two bytes an employee), its NPS window and its customer pool at the largest size
//!   the pool can reach (initial size plus inflow and referrals over every day, or the level
//!   where outflow balances them), doubled for the vector's growth; plus the day's scratch;
//! - organisations in flight per replication: the burned-in one plus one per arm;
//! - everything a run keeps until it writes: per arm and replication the recorded series
//!   (and the team series with `teams`). Employee snapshots are not kept: they are streamed
//!   to disk, and an organisation in flight holds one write buffer for them.

use crate::metrics::recorder::N_METRICS;
use crate::metrics::registry::TEAM_METRICS;
use crate::model::employees::N_COLS;
use crate::model::team::{Team, TeamDay};

use super::scenario::Scenario;

/// The bound every scenario is checked against: 6 GiB, a quarter of the 24 GiB machine
/// this project is built and tested on, so that a run on two threads (two replications in
/// flight), the system and a second program fit even when every reserved byte is touched.
pub const MEMORY_LIMIT_BYTES: f64 = 6.0 * GIB;

pub const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// The write buffer of an arm's streamed employee snapshots, with the CSV writer's own.
const SNAPSHOT_BUFFER_BYTES: f64 = 2.0 * 65536.0;

/// A scenario's memory, in bytes (f64: the inputs may be absurd and must not overflow).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// One organisation (all its teams, their pools at their largest).
    pub organisation: f64,
    /// Of which the largest single team's customer pool.
    pub largest_pool: f64,
    /// Organisations alive at once per replication in flight (burned-in plus one per arm).
    pub organisations_per_replication: f64,
    /// Series and snapshots kept for every arm and replication until written.
    pub kept: f64,
}

impl Estimate {
    /// Peak bytes with `in_flight` replications running at once.
    pub fn peak(&self, in_flight: usize) -> f64 {
        self.organisation * self.organisations_per_replication * in_flight.max(1) as f64 + self.kept
    }
}

/// Team sizes as the organisation is built: full teams of `team_size` and one smaller last
/// team (`(count of full teams, last team's size)`).
fn team_shape(employees: f64, team_size: f64) -> (f64, f64) {
    let full = (employees / team_size).floor();
    (full, employees - full * team_size)
}

/// The largest a pool of a team of `n` can grow to (customers), over `days` days.
pub fn pool_ceiling(s: &Scenario, n: f64, days: f64) -> f64 {
    let c = &s.customers;
    let start = (c.pool_per_employee * n).round();
    // New customers a day: inflow (Poisson) and referrals (at most one per contact).
    let mean_in = (c.inflow_per_employee + c.contacts_per_day as f64 * c.referral_promoter) * n;
    // A Poisson sum over the whole run stays below its mean plus 8 standard deviations.
    let total_in = mean_in * days + 8.0 * (mean_in * days).sqrt() + 16.0;
    let grown = start + total_in;
    if c.outflow_rate > 0.0 {
        // Outflow removes a share of the pool each day: the pool settles where it balances
        // the inflow (and never stays above its start when it starts higher).
        let level = mean_in / c.outflow_rate;
        let balanced = start.max(level) * 1.25 + 8.0 * level.sqrt() + 64.0;
        grown.min(balanced)
    } else {
        grown
    }
}

/// Bytes a team of `n` holds at most, its pool included (and the pool's part).
fn team_bytes(s: &Scenario, n: f64, days: f64) -> (f64, f64) {
    let start = (s.customers.pool_per_employee * n).round();
    let ceiling = pool_ceiling(s, n, days);
    // `CustomerPool::new` reserves twice the start; growth past it at most doubles the
    // largest length.
    let capacity = (2.0 * start + 16.0).max(2.0 * ceiling);
    let pool = capacity * 4.0;
    let fixed = std::mem::size_of::<Team>() as f64
        + n * (N_COLS as f64 * 4.0 + 2.0)
        + s.customers.nps_window_days.max(1) as f64 * 12.0
        + std::mem::size_of::<TeamDay>() as f64;
    (fixed + pool, pool)
}

/// The memory `s` needs (see the module's notes). No allocation, no overflow: absurd
/// inputs give an absurd (infinite at worst) estimate.
pub fn estimate(s: &Scenario) -> Estimate {
    let employees = s.organisation.employees as f64;
    let team_size = s.organisation.team_size.max(1) as f64;
    let days = (s.burn_in_days.max(0) + s.horizon_days.max(0)) as f64;
    let (full, last) = team_shape(employees, team_size);
    let (full_bytes, full_pool) = team_bytes(s, team_size, days);
    let (last_bytes, last_pool) = if last > 0.0 {
        team_bytes(s, last, days)
    } else {
        (0.0, 0.0)
    };
    // Employee snapshots are streamed to disk as they are taken (`employees.csv`): an
    // organisation in flight holds one write buffer, whatever the number of snapshot days.
    let snapshot_buffer = if !s.has_snapshots() {
        0.0
    } else {
        SNAPSHOT_BUFFER_BYTES
    };
    let organisation = full * full_bytes + last_bytes + snapshot_buffer;
    let arms = s.arms.len().max(1) as f64;
    let replications = s.replications as f64;
    let horizon = s.horizon_days.max(0) as f64;
    let records = horizon / s.record_every.max(1) as f64 + 2.0;
    let series = records * (N_METRICS as f64 + 1.0) * 8.0 + 3.0 * horizon * 8.0 + 1024.0;
    // `teams = true`: per team the team metrics and the manager's level on every recorded
    // day (`TeamRecord`).
    let teams = if s.teams {
        (employees / team_size).ceil() * records * (TEAM_METRICS.len() as f64 + 2.0) * 8.0
    } else {
        0.0
    };
    Estimate {
        organisation,
        largest_pool: full_pool.max(last_pool),
        organisations_per_replication: if arms > 1.0 { arms + 1.0 } else { 1.0 },
        kept: arms * replications * (series + teams),
    }
}

/// Bytes as people read them: `1.5 GiB`, `320 MiB`.
pub fn human_bytes(b: f64) -> String {
    if !b.is_finite() || b >= 1024.0 * GIB {
        format!("{:.0} TiB", (b / (1024.0 * GIB)).min(1e30))
    } else if b >= GIB {
        format!("{:.1} GiB", b / GIB)
    } else {
        format!("{:.0} MiB", b / (1024.0 * 1024.0))
    }
}
