//! One replication of a scenario: build the organisation, burn it in once, then run every arm
//! from that same state with the same random streams (common random numbers).

use rayon::prelude::*;

use crate::metrics::durability::{baseline_drift, durability_valued, Window};
use crate::metrics::economics::Valuation;
use crate::metrics::recorder::Recorder;
use crate::model::employees::N_COLS;
// A replication's output is a results type (statistics read it without running anything);
// it is re-exported here, where it is made.
pub use crate::metrics::replication::{ArmOutput, ReplicationResult, Snapshot, TeamRecord};
use crate::model::{ArmPlan, Consts, Params, Simulation};

/// Settings of a run that are not model parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct RunSettings {
    pub horizon: i64,
    pub burn_in: i64,
    pub record_every: i64,
    /// Days on which every employee's state is captured (agent-level output).
    pub snapshot_days: Vec<i64>,
    /// Record every team's series too (`teams.csv`).
    pub teams: bool,
}

/// Runs one replication. `plans[0]` must be the baseline (no interventions).
pub fn run_replication(
    params: &Params,
    consts: &Consts,
    plans: &[ArmPlan],
    rep_seed: u64,
    s: &RunSettings,
) -> ReplicationResult {
    match run_replication_unless(params, consts, plans, rep_seed, s, &|| false) {
        Some(r) => r,
        None => unreachable!("a replication that is never stopped finishes"),
    }
}

/// [`run_replication`], checking `stop` before every day of the burn-in and of each arm:
/// `None` when it said stop (a Python caller's Ctrl-C). The same steps in the same order, so
/// a replication that is not stopped is the one `run_replication` returns.
pub fn run_replication_unless(
    params: &Params,
    consts: &Consts,
    plans: &[ArmPlan],
    rep_seed: u64,
    s: &RunSettings,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<ReplicationResult> {
    let sim = burn_in_unless(params, consts, rep_seed, s, stop)?;
    let self_rating = sim.self_rating_shares();
    let break_cost = params.customers.break_cost;
    let outputs: Option<Vec<ArmOutput>> = if plans.len() == 1 {
        // A single arm takes the organisation itself: no copy, half the memory of a large run.
        run_arm_unless(sim, &plans[0], s, break_cost, stop).map(|o| vec![o])
    } else {
        plans
            .par_iter()
            .map(|plan| run_arm_unless(sim.clone(), plan, s, break_cost, stop))
            .collect()
    };
    Some(assemble(
        plans,
        outputs?,
        self_rating,
        &Valuation::from_params(&params.economics),
    ))
}

/// Builds the organisation of one replication and steps it through the burn-in (no
/// interventions, nothing recorded). Public with [`run_arm`] and [`assemble`] so that a
/// caller that keeps the burned-in organisation (the explorer's cache) runs exactly the
/// steps `run_replication` runs.
pub fn burn_in<'a>(
    params: &'a Params,
    consts: &'a Consts,
    rep_seed: u64,
    s: &RunSettings,
) -> Simulation<'a> {
    match burn_in_unless(params, consts, rep_seed, s, &|| false) {
        Some(sim) => sim,
        None => unreachable!("a burn-in that is never stopped finishes"),
    }
}

/// [`burn_in`], checking `stop` before every day: `None` when it said stop (the explorer's
/// request whose client has gone).
pub fn burn_in_unless<'a>(
    params: &'a Params,
    consts: &'a Consts,
    rep_seed: u64,
    s: &RunSettings,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Simulation<'a>> {
    if stop() {
        return None;
    }
    let mut sim = Simulation::new(params, consts, rep_seed);
    let none = ArmPlan::default();
    for day in -s.burn_in..0 {
        if stop() {
            return None;
        }
        sim.step(&none, day, false);
    }
    Some(sim)
}

/// A replication's result from every arm's output (in `plans` order, baseline first) and
/// the managers' self-ratings after the burn-in: durability of each arm against the
/// baseline (its money figures priced by `value`), and the baseline's drift.
pub fn assemble(
    plans: &[ArmPlan],
    outputs: Vec<ArmOutput>,
    self_rating: (f64, f64),
    value: &Valuation,
) -> ReplicationResult {
    let mut series = Vec::with_capacity(outputs.len());
    let mut snapshots = Vec::with_capacity(outputs.len());
    let mut teams = Vec::with_capacity(outputs.len());
    for o in outputs {
        series.push(o.series);
        snapshots.push(o.snapshots);
        teams.push(o.teams);
    }
    let base = &series[0];
    let durability = plans
        .iter()
        .zip(&series)
        .skip(1)
        .map(|(plan, arm)| {
            let w = Window {
                start: plan.first_day().unwrap_or(0),
                last: plan.end_day().unwrap_or(1) - 1,
            };
            durability_valued(arm, base, w, value).to_vec()
        })
        .collect();
    ReplicationResult {
        baseline: baseline_drift(base).to_vec(),
        series,
        durability,
        snapshots,
        teams,
        self_rating,
    }
}

/// Runs one arm over the recorded horizon from a burned-in organisation.
pub fn run_arm(sim: Simulation, plan: &ArmPlan, s: &RunSettings, break_cost: f64) -> ArmOutput {
    match run_arm_unless(sim, plan, s, break_cost, &|| false) {
        Some(out) => out,
        None => unreachable!("an arm that is never stopped finishes"),
    }
}

/// [`run_arm`], checking `stop` before every day: `None` when it said stop.
pub fn run_arm_unless(
    mut sim: Simulation,
    plan: &ArmPlan,
    s: &RunSettings,
    break_cost: f64,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<ArmOutput> {
    let mut rec = Recorder::new(s.horizon, s.record_every, break_cost);
    let mut snaps = Vec::new();
    // One recorder per team, built once: the same metrics from the team's own days.
    let records = (s.horizon / s.record_every.max(1) + 2) as usize;
    let mut teams: Vec<(Recorder, Vec<f64>)> = if s.teams {
        (0..sim.teams.len())
            .map(|_| {
                (
                    Recorder::new(s.horizon, s.record_every, break_cost),
                    Vec::with_capacity(records),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    for day in 0..s.horizon {
        if stop() {
            return None;
        }
        let record = rec.is_record_day(day);
        let t = sim.step(plan, day, record);
        rec.on_day(day, &t, record);
        for ((r, levels), (d, team)) in teams.iter_mut().zip(sim.team_days().iter().zip(&sim.teams))
        {
            r.on_day(day, d, record);
            if record {
                levels.push(team.manager.role_model as f64);
            }
        }
        if s.snapshot_days.contains(&day) {
            for team in &sim.teams {
                let e = &team.employees;
                for i in 0..e.len() {
                    let mut values = [0.0f32; N_COLS];
                    for (c, v) in values.iter_mut().enumerate() {
                        *v = e.column(c)[i];
                    }
                    snaps.push(Snapshot {
                        day,
                        team: team.index,
                        slot: i,
                        dominant: e.dominant[i],
                        values,
                    });
                }
            }
        }
    }
    let teams = teams
        .into_iter()
        .enumerate()
        .map(|(team, (r, role_model))| TeamRecord::from_series(team, &r.finish(), role_model))
        .collect();
    Some(ArmOutput {
        series: rec.finish(),
        snapshots: snaps,
        teams,
    })
}
