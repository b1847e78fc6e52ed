//! Runs every replication of a scenario in parallel; results come back in replication order,
//! whatever order they finished in.

use rayon::prelude::*;

use super::replication::{run_replication, ReplicationResult};
use super::scenario::Scenario;
use crate::model::rng::replication_seed;
use crate::model::Consts;

/// Runs all replications of `s`, calling `progress` as each finishes.
pub fn run_scenario(s: &Scenario, progress: &(dyn Fn() + Sync)) -> Vec<ReplicationResult> {
    let params = s.params();
    let consts = Consts::new(&params);
    let plans = s.plans();
    let settings = s.run_settings();
    (0..s.replications as u64)
        .into_par_iter()
        .map(|r| {
            let out = run_replication(
                &params,
                &consts,
                &plans,
                replication_seed(s.seed, r),
                &settings,
            );
            progress();
            out
        })
        .collect()
}
