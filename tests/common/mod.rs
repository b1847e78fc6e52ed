//! Shared fixture: the default scenario run once per test binary.
#![allow(dead_code)]

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
