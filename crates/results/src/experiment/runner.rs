//! Runs every replication of a scenario in parallel; results come back in replication order,
//! whatever order they finished in.

use rayon::prelude::*;

use super::replication::{run_replication_with, Collect, ReplicationResult, SnapshotSink};
use super::scenario::Scenario;
use crate::model::rng::replication_seed;
use crate::model::Consts;

/// A stop that never says stop.
fn never() -> bool {
    false
}

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
    match run_scenario_with(s, progress, sink, &never) {
        Some(r) => r,
        None => unreachable!("a run that is never stopped finishes"),
    }
}

/// [`run_scenario`], checking `stop` before every simulated day: `None` soon after it says
/// stop (a Python caller's Ctrl-C), else the results `run_scenario` gives.
pub fn run_scenario_unless(
    s: &Scenario,
    progress: &(dyn Fn() + Sync),
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<ReplicationResult>> {
    run_scenario_with(s, progress, &Collect, stop)
}

/// The run the functions above make: snapshots to `sink`, `stop` checked every day.
pub fn run_scenario_with(
    s: &Scenario,
    progress: &(dyn Fn() + Sync),
    sink: &dyn SnapshotSink,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<ReplicationResult>> {
    let params = s.params();
    let consts = Consts::new(&params);
    let plans = s.plans();
    let settings = s.run_settings();
    (0..s.replications as u64)
        .into_par_iter()
        .map(|r| {
            let out = run_replication_with(
                &params,
                &consts,
                &plans,
                replication_seed(s.seed, r),
                &settings,
                (r as usize, sink),
                stop,
            )?;
            progress();
            Some(out)
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
    match run_each_with(seed, scenarios, progress, sink, &never) {
        Some(r) => r,
        None => unreachable!("a run that is never stopped finishes"),
    }
}

/// [`run_each`], checking `stop` before every simulated day: `None` soon after it says stop.
pub fn run_each_unless(
    seed: u64,
    scenarios: &[Scenario],
    progress: &(dyn Fn() + Sync),
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<ReplicationResult>> {
    run_each_with(seed, scenarios, progress, &Collect, stop)
}

/// The run the `run_each` functions make: snapshots to `sink`, `stop` checked every day.
pub fn run_each_with(
    seed: u64,
    scenarios: &[Scenario],
    progress: &(dyn Fn() + Sync),
    sink: &dyn SnapshotSink,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<ReplicationResult>> {
    scenarios
        .par_iter()
        .enumerate()
        .map(|(r, s)| {
            let params = s.params();
            let consts = Consts::new(&params);
            let out = run_replication_with(
                &params,
                &consts,
                &s.plans(),
                replication_seed(seed, r as u64),
                &s.run_settings(),
                (r, sink),
                stop,
            )?;
            progress();
            Some(out)
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
    fn a_run_told_to_stop_returns_nothing_and_one_never_stopped_the_same_results() {
        use super::{run_scenario, run_scenario_unless};
        use crate::experiment::scenario::Scenario;
        let s = Scenario::parse(
            "name = \"t\"\nreplications = 2\nhorizon_days = 30\nburn_in_days = 10\n\
             [organisation]\nemployees = 16\nteam_size = 8\n\
             [[arms]]\nname = \"training\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 5\nduration = 2\n",
            "t.toml",
        )
        .unwrap();
        let days = std::sync::atomic::AtomicUsize::new(0);
        let stop_after_a_few_days = || days.fetch_add(1, std::sync::atomic::Ordering::Relaxed) > 5;
        assert!(run_scenario_unless(&s, &|| {}, &stop_after_a_few_days).is_none());
        // Compared as printed: a result holds NaN (a half-life not reached), never equal to itself.
        assert_eq!(
            format!("{:?}", run_scenario_unless(&s, &|| {}, &|| false)),
            format!("{:?}", Some(run_scenario(&s, &|| {})))
        );
    }

    #[test]
    fn threads_are_the_request_else_every_core_and_at_least_one() {
        assert_eq!(threads_or_all_cores(Some(3)), 3);
        assert_eq!(threads_or_all_cores(Some(0)), 1);
        assert!(threads_or_all_cores(None) >= 1);
    }
}
