//! Parallelism never changes a result: teams are the unit of parallel work inside a run,
//! runs (replications and arms) inside a sweep, and neither changes a single bit.

use undercurrent::experiment::replication::ReplicationResult;
use undercurrent::experiment::runner::run_scenario;
use undercurrent::experiment::scenario::Scenario;
use undercurrent::model::{Consts, Simulation};

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

/// The team-parallel check workload (200 teams of 10, every intervention kind in one arm),
/// shortened to keep the test quick.
fn parallel_teams() -> Scenario {
    let src = std::fs::read_to_string("experiments/bench/parallel_teams.toml").unwrap();
    let mut s = Scenario::parse(&src, "parallel_teams.toml").unwrap();
    s.replications = 2;
    s.horizon_days = 80;
    s.burn_in_days = 5;
    s.employee_snapshots = vec![0, 79];
    s
}

#[test]
fn a_run_stepping_teams_in_parallel_equals_the_run_on_one_thread() {
    let s = parallel_teams();
    assert!(
        s.n_teams() >= 64 * 2,
        "enough teams to step them in parallel"
    );
    let params = s.params();
    let consts = Consts::new(&params);
    let plans = s.plans();
    let everything = plans.last().unwrap();
    let run = |threads: usize| {
        pool(threads).install(|| {
            let mut sim = Simulation::new(&params, &consts, 11);
            let days: Vec<_> = (-5..80)
                .map(|day| sim.step(everything, day, day % 5 == 0))
                .collect();
            (days, sim.teams)
        })
    };
    let (days1, teams1) = run(1);
    let (days2, teams2) = run(2);
    assert_eq!(days1, days2, "the organisation's daily totals");
    assert!(teams1 == teams2, "every team's state at the end");
}

fn bits(r: &ReplicationResult) -> Vec<u64> {
    let mut v = Vec::new();
    for s in &r.series {
        v.extend(s.days.iter().map(|&d| d as u64));
        for x in [&s.values, &s.daily_b, &s.daily_b_var, &s.daily_nps] {
            v.extend(x.iter().map(|x| x.to_bits()));
        }
        v.push(s.intervention_cost.to_bits());
        v.push(s.rule_break_cost.to_bits());
    }
    for d in &r.durability {
        v.extend(d.iter().map(|x| x.to_bits()));
    }
    v.extend(r.baseline.iter().map(|x| x.to_bits()));
    for snaps in &r.snapshots {
        for e in snaps {
            v.extend([
                e.day as u64,
                e.team as u64,
                e.slot as u64,
                e.dominant as u64,
            ]);
            v.extend(e.values.iter().map(|x| x.to_bits() as u64));
        }
    }
    v.push(r.self_rating.0.to_bits());
    v.push(r.self_rating.1.to_bits());
    v
}

#[test]
fn a_sweep_on_two_threads_equals_the_sweep_on_one() {
    // Runs in parallel (replications, and arms within one) and teams in parallel within runs.
    let s = parallel_teams();
    let a = pool(1).install(|| run_scenario(&s, &|| {}));
    let b = pool(2).install(|| run_scenario(&s, &|| {}));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(bits(x), bits(y));
    }

    // A small organisation (runs in parallel, teams on the calling thread).
    let src = std::fs::read_to_string("tests/fixtures/small.toml").unwrap();
    let small = Scenario::parse(&src, "small.toml").unwrap();
    let a = pool(1).install(|| run_scenario(&small, &|| {}));
    let b = pool(2).install(|| run_scenario(&small, &|| {}));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(bits(x), bits(y));
    }
}
