//! Runs every replication of a scenario in parallel; results come back in replication order,
//! whatever order they finished in.

use rayon::prelude::*;

use super::replication::{run_replication_into, Collect, ReplicationResult, SnapshotSink};
use super::scenario::Scenario;
use crate::model::rng::replication_seed;
use crate::model::Consts;

/// Runs all replications of `s`, calling `progress` as each finishes.
pub fn run_scenario(s: &Scenario, progress: &(dyn Fn() + Sync)) -> Vec<ReplicationResult> {
    run_scenario_into(s, progress, &Collect)
}

/// [`run_scenario`], handing the employee snapshots to `sink` as they are taken.
pub fn run_scenario_into(
    s: &Scenario,
    progress: &(dyn Fn() + Sync),
    sink: &dyn SnapshotSink,
) -> Vec<ReplicationResult> {
    let params = s.params();
    let consts = Consts::new(&params);
    let plans = s.plans();
    let settings = s.run_settings();
    (0..s.replications as u64)
        .into_par_iter()
        .map(|r| {
            let out = run_replication_into(
                &params,
                &consts,
                &plans,
                replication_seed(s.seed, r),
                &settings,
                (r as usize, sink),
            );
            progress();
            out
        })
        .collect()
}

/// Runs replication r of `scenarios[r]` with the seed `run_scenario` gives replication r of
/// master seed `seed`: `run --posterior`, where every replication has its own parameters
/// (the scenarios differ in parameter values only; arms are the same). Results in
/// replication order.
pub fn run_each(
    seed: u64,
    scenarios: &[Scenario],
    progress: &(dyn Fn() + Sync),
) -> Vec<ReplicationResult> {
    run_each_into(seed, scenarios, progress, &Collect)
}

/// [`run_each`], handing the employee snapshots to `sink` as they are taken.
pub fn run_each_into(
    seed: u64,
    scenarios: &[Scenario],
    progress: &(dyn Fn() + Sync),
    sink: &dyn SnapshotSink,
) -> Vec<ReplicationResult> {
    scenarios
        .par_iter()
        .enumerate()
        .map(|(r, s)| {
            let params = s.params();
            let consts = Consts::new(&params);
            let out = run_replication_into(
                &params,
                &consts,
                &s.plans(),
                replication_seed(seed, r as u64),
                &s.run_settings(),
                (r, sink),
            );
            progress();
            out
        })
        .collect()
}

/// Worker threads for a run, a sweep or the explorer: the number asked for, else every
/// core; never fewer than one. Results never depend on it.
/// Most worker threads a command accepts: far above any machine this runs on, and low
/// enough that a mistyped `--threads 1000000` is refused instead of spawning a million threads.
pub const MAX_THREADS: usize = 1024;

pub fn threads_or_all_cores(requested: Option<usize>) -> usize {
    requested
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::threads_or_all_cores;

    #[test]
    fn threads_are_the_request_else_every_core_and_at_least_one() {
        assert_eq!(threads_or_all_cores(Some(3)), 3);
        assert_eq!(threads_or_all_cores(Some(0)), 1);
        assert!(threads_or_all_cores(None) >= 1);
    }
}
