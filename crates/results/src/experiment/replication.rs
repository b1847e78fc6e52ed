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
    /// Days on which every employee's state is captured (agent-level output), sorted.
    pub snapshot_days: Vec<i64>,
    /// Record every team's series too (`teams.csv`).
    pub teams: bool,
}

/// Where the employee snapshots of an arm go as they are taken. A run that writes
/// `employees.csv` streams them to disk ([`SnapshotSink::open`] gives each arm of each
/// replication its own writer, on the thread that runs it), so that memory does not grow with
/// the number of snapshot days; [`Collect`] keeps them in the [`ArmOutput`] instead.
pub trait SnapshotSink: Sync {
    /// The writer of arm `arm` (scenario order, baseline first) of replication `rep`.
    fn open(&self, rep: usize, arm: usize) -> Box<dyn SnapshotWriter + '_>;
}

/// Takes one arm's snapshots in the order they are made (day, then team, then slot).
pub trait SnapshotWriter {
    fn push(&mut self, s: &Snapshot);
    /// The snapshots kept in memory (none for a writer that streamed them away).
    fn finish(self: Box<Self>) -> Vec<Snapshot>;
}

/// Keeps every snapshot in memory, in the arm's output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Collect;

impl SnapshotSink for Collect {
    fn open(&self, _rep: usize, _arm: usize) -> Box<dyn SnapshotWriter + '_> {
        Box::new(Vec::new())
    }
}

impl SnapshotWriter for Vec<Snapshot> {
    fn push(&mut self, s: &Snapshot) {
        Vec::push(self, s.clone());
    }
    fn finish(self: Box<Self>) -> Vec<Snapshot> {
        *self
    }
}

/// Runs one replication. `plans[0]` must be the baseline (no interventions).
pub fn run_replication(
    params: &Params,
    consts: &Consts,
    plans: &[ArmPlan],
    rep_seed: u64,
    s: &RunSettings,
) -> ReplicationResult {
    match run_replication_with(params, consts, plans, rep_seed, s, (0, &Collect), &|| false) {
        Some(r) => r,
        None => unreachable!("a replication that is never stopped finishes"),
    }
}

/// [`run_replication`], handing the employee snapshots of replication `sink.0` to `sink.1`
/// and checking `stop` before every day of the burn-in and of each arm: `None` when it said
/// stop (a Python caller's Ctrl-C). The same steps in the same order, so a replication that
/// is not stopped is the one `run_replication` returns.
pub fn run_replication_with(
    params: &Params,
    consts: &Consts,
    plans: &[ArmPlan],
    rep_seed: u64,
    s: &RunSettings,
    sink: (usize, &dyn SnapshotSink),
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<ReplicationResult> {
    let (rep, sink) = sink;
    let sim = burn_in_unless(params, consts, rep_seed, s, stop)?;
    let self_rating = sim.self_rating_shares();
    let break_cost = params.customers.break_cost;
    let arm = |sim: Simulation, a: usize| {
        let mut w = sink.open(rep, a);
        let mut out = run_arm_into(sim, &plans[a], s, break_cost, stop, w.as_mut())?;
        out.snapshots = w.finish();
        Some(out)
    };
    let outputs: Option<Vec<ArmOutput>> = if plans.len() == 1 {
        // A single arm takes the organisation itself: no copy, half the memory of a large run.
        arm(sim, 0).map(|o| vec![o])
    } else {
        (0..plans.len())
            .into_par_iter()
            .map(|a| arm(sim.clone(), a))
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
    sim: Simulation,
    plan: &ArmPlan,
    s: &RunSettings,
    break_cost: f64,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<ArmOutput> {
    let mut snaps = Vec::new();
    let mut out = run_arm_into(sim, plan, s, break_cost, stop, &mut snaps)?;
    out.snapshots = snaps;
    Some(out)
}

/// [`run_arm_unless`], handing each employee snapshot to `snaps` as it is taken (the output's
/// own `snapshots` stay empty).
pub fn run_arm_into(
    mut sim: Simulation,
    plan: &ArmPlan,
    s: &RunSettings,
    break_cost: f64,
    stop: &(dyn Fn() -> bool + Sync),
    snaps: &mut dyn SnapshotWriter,
) -> Option<ArmOutput> {
    let mut rec = Recorder::new(s.horizon, s.record_every, break_cost);
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
        if s.snapshot_days.binary_search(&day).is_ok() {
            for team in &sim.teams {
                let e = &team.employees;
                for i in 0..e.len() {
                    let mut values = [0.0f32; N_COLS];
                    for (c, v) in values.iter_mut().enumerate() {
                        *v = e.column(c)[i];
                    }
                    snaps.push(&Snapshot {
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
        snapshots: Vec::new(),
        teams,
    })
}
