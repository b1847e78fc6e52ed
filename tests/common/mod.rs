//! Shared fixture: the default scenario run once per test binary.
#![allow(dead_code)]

pub mod cli;

use std::sync::OnceLock;

use undercurrent::experiment::replication::ReplicationResult;
use undercurrent::experiment::runner::run_scenario;
use undercurrent::experiment::scenario::Scenario;
use undercurrent::metrics::aggregate::{self, DurabilityRow};
use undercurrent::metrics::durability::DURABILITY_METRICS;

pub struct DefaultRun {
    pub scenario: Scenario,
    pub results: Vec<ReplicationResult>,
    pub durability: Vec<DurabilityRow>,
}

pub fn default_run() -> &'static DefaultRun {
    static RUN: OnceLock<DefaultRun> = OnceLock::new();
    RUN.get_or_init(|| {
        let scenario = Scenario::embedded_default();
        let results = run_scenario(&scenario, &|| {});
        let durability = aggregate::durability(&results, scenario.arms.len());
        DefaultRun {
            scenario,
            results,
            durability,
        }
    })
}

impl DefaultRun {
    pub fn arm(&self, name: &str) -> usize {
        self.scenario
            .arms
            .iter()
            .position(|a| a.name == name)
            .unwrap_or_else(|| panic!("no arm {name}"))
    }

    /// Mean over replications of a durability metric.
    pub fn mean(&self, arm: &str, metric: &str) -> f64 {
        let a = self.arm(arm);
        self.durability
            .iter()
            .find(|r| r.arm == a && r.metric == metric)
            .map(|r| r.summary.mean)
            .unwrap_or_else(|| panic!("no {metric} for {arm}"))
    }

    /// The half-life across replications as `durability.csv` gives it: the Kaplan-Meier
    /// median, or where that is not reached the longest follow-up, a lower bound (`true` in
    /// the second place). A mean of horizons would not be a half-life.
    pub fn half_life(&self, arm: &str) -> (f64, bool) {
        let a = self.arm(arm);
        let km = self
            .durability
            .iter()
            .find(|r| r.arm == a && r.metric == "half_life_days_B")
            .and_then(|r| r.censored)
            .unwrap_or_else(|| panic!("no half-life for {arm}"));
        match km.median {
            Some(m) => (m, false),
            None => (km.followup, true),
        }
    }

    /// Per-replication values of a durability metric.
    pub fn values(&self, arm: &str, metric: &str) -> Vec<f64> {
        let a = self.arm(arm);
        let k = DURABILITY_METRICS
            .iter()
            .position(|m| *m == metric)
            .unwrap();
        self.results
            .iter()
            .map(|r| r.durability[a - 1][k])
            .collect()
    }
}

/// Skill K of every employee of the training-only arm, per replication: on the day after a
/// two-day training (day 52) and `later` working days after it (skill decay with non-use,
/// Arthur et al. 1998; docs/sources.md section 4).
pub fn skill_after_training(
    use_protection: f64,
    later: i64,
    reps: usize,
) -> Vec<(Vec<f64>, Vec<f64>)> {
    use undercurrent::model::employees::Col;
    let after = 52;
    let text = format!(
        "name = \"skill_decay\"\nreplications = {reps}\nhorizon_days = {h}\nemployee_snapshots = [{after}, {l}]\n\
         [state]\nknowledge_use_protection = {use_protection}\n\
         [[arms]]\nname = \"training_only\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 50\nduration = 2\n",
        h = after + later + 1,
        l = after + later
    );
    let scenario = Scenario::parse(&text, "skill_decay").unwrap();
    let k = Col::K as usize;
    run_scenario(&scenario, &|| {})
        .iter()
        .map(|r| {
            let on = |day: i64| -> Vec<f64> {
                r.snapshots[1]
                    .iter()
                    .filter(|s| s.day == day)
                    .map(|s| s.values[k] as f64)
                    .collect()
            };
            (on(after), on(after + later))
        })
        .collect()
}

/// Cohen's d of `y` against `x` with the pooled (population) sd.
pub fn cohen_d(x: &[f64], y: &[f64]) -> f64 {
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let var = |v: &[f64]| {
        let m = mean(v);
        v.iter().map(|a| (a - m) * (a - m)).sum::<f64>() / v.len() as f64
    };
    (mean(y) - mean(x)) / ((var(x) + var(y)) / 2.0).sqrt()
}

/// Days each employee of the default organisation (replication `rep` of master seed 1) needs
/// to reach 95% of habit with daily practice, sorted (Lally et al. 2010).
pub fn habit_days(rep: u64) -> Vec<f64> {
    use undercurrent::model::employees::Col;
    use undercurrent::model::rng::replication_seed;
    use undercurrent::model::{Consts, Params, Simulation};
    let params = Params::default();
    let consts = Consts::new(&params);
    let sim = Simulation::new(&params, &consts, replication_seed(1, rep));
    let mut days: Vec<f64> = sim
        .teams
        .iter()
        .flat_map(|t| t.employees.col(Col::HabitRate).to_vec())
        .map(|r| (0.05f64).ln() / (1.0 - r as f64).ln())
        .collect();
    days.sort_by(f64::total_cmp);
    days
}
