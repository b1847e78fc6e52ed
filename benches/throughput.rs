//! Throughput of the model (BENCHMARKS.md has the figures and the method).
//!
//! - `run/<employees>/threads/<t>`: one baseline run of the full model (every state variable,
//!   the full metric set recorded every 5 days) at 200, 10,000, 100,000 and 1,000,000
//!   employees in teams of 10, on 1 and 2 threads. One iteration is 5 days; the throughput
//!   criterion prints is in employee-days per second (contacts per second are 8 times that:
//!   8 contacts a day by default). The organisation is built once, outside the timing, and
//!   runs on from day to day, so the figure is the steady-state cost of the daily step.
//! - `sweep/default/threads/<t>`: the default scenario (six arms, 200 employees, 500-day
//!   burn-in, 750 days) at 4 replications, i.e. 24 runs per iteration (a run = one
//!   replication of one arm); throughput in runs per second, on 1 and 2 threads.
//!
//! `cargo bench --bench throughput` takes about four minutes on the 2-core machine;
//! `cargo bench --bench throughput -- run/10000` runs one group.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use undercurrent::experiment::runner::run_scenario;
use undercurrent::experiment::scenario::Scenario;
use undercurrent::metrics::recorder::Recorder;
use undercurrent::model::{ArmPlan, Consts, Params, Simulation};

/// Days per timed iteration: one recording interval.
const DAYS: i64 = 5;

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
}

fn run(c: &mut Criterion) {
    for employees in [200usize, 10_000, 100_000, 1_000_000] {
        let mut params = Params::default();
        params.organisation.employees = employees;
        params.organisation.team_size = 10;
        let consts = Consts::new(&params);
        let plan = ArmPlan::default();
        let mut sim = pool(2).install(|| Simulation::new(&params, &consts, 1));
        let mut day = 0i64;
        let mut g = c.benchmark_group(format!("run/{employees}"));
        g.throughput(Throughput::Elements(employees as u64 * DAYS as u64));
        g.sample_size(10);
        if employees >= 100_000 {
            g.sampling_mode(SamplingMode::Flat)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(if employees >= 1_000_000 {
                    20
                } else {
                    5
                }));
        } else {
            g.warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(3));
        }
        for threads in [1, 2] {
            let p = pool(threads);
            g.bench_function(BenchmarkId::new("threads", threads), |b| {
                b.iter_custom(|iters| {
                    p.install(|| {
                        let start = Instant::now();
                        for _ in 0..iters {
                            let mut rec = Recorder::new(DAYS, DAYS, 25.0);
                            for d in 0..DAYS {
                                let record = d == DAYS - 1;
                                let t = sim.step(&plan, day, record);
                                rec.on_day(d, &t, record);
                                day += 1;
                            }
                            black_box(rec.finish());
                        }
                        start.elapsed()
                    })
                })
            });
        }
        g.finish();
    }
}

fn sweep(c: &mut Criterion) {
    let mut s = Scenario::embedded_default();
    s.replications = 4;
    let runs = (s.replications * s.arms.len()) as u64;
    let mut g = c.benchmark_group("sweep/default");
    g.throughput(Throughput::Elements(runs));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    for threads in [1, 2] {
        let p = pool(threads);
        g.bench_function(BenchmarkId::new("threads", threads), |b| {
            b.iter(|| p.install(|| black_box(run_scenario(&s, &|| {}))))
        });
    }
    g.finish();
}

criterion_group!(benches, run, sweep);
criterion_main!(benches);
