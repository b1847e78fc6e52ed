//! The limit probe (BENCHMARKS.md, "Fraction of the limit"): the tightest straightforward loop
//! that does the daily step's random draws and arithmetic per employee-day and per contact,
//! with no model structure around it.
//!
//! Per employee-day it seeds the employee-day stream exactly as the model does (key folded
//! per employee and day, Xoshiro256++ seeded through SplitMix64), draws the two pairs of
//! uniforms of the day, evaluates the behaviour and the rule-break sigmoids and the slow-state
//! updates on eight state values; per contact it draws the three pairs of uniforms and the
//! ziggurat normal, picks a customer from the team-sized pool (40 per employee, 400 per 10
//! employees, the model's footprint), computes, rounds and clamps the score and updates the
//! customer's memory, branch-free. What it leaves out is the model's structure: teams as
//! objects, intervention plans, churn flags, the customer flows and pool compaction, the NPS
//! window, turnover and hiring, the descriptive norm, recording.
//!
//! `probe/<employees>/threads/<t>`, throughput in employee-days per second, 5 days per
//! iteration like `throughput`. `cargo bench --bench probe` takes about a minute.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use rand_distr::{Distribution, StandardNormal};
use undercurrent::model::rng::{key, key_step, mix64, stream_from_key, two_units, Purpose};

const DAYS: i64 = 5;
const CONTACTS: usize = 8;
const POOL_PER_EMPLOYEE: usize = 40;
const TEAM: usize = 10;

/// Eight state columns and the customer memories, flat.
struct Flat {
    state: [Vec<f32>; 8],
    pool: Vec<f32>,
}

impl Flat {
    fn new(n: usize) -> Flat {
        let col = |v: f32| vec![v; n];
        Flat {
            state: [
                col(0.4),
                col(0.5),
                col(0.3),
                col(0.5),
                col(0.4),
                col(0.2),
                col(0.5),
                col(0.3),
            ],
            pool: vec![0.7; n * POOL_PER_EMPLOYEE],
        }
    }
}

#[inline(always)]
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Employees `lo..hi` of `f` (whose slices start at employee `lo`) for one day; returns the
/// score sum so nothing is optimised away.
fn probe_day(state: [&mut [f32]; 8], pool: &mut [f32], lo: usize, day: u64) -> u64 {
    let [b, k, a, nn, h, e, u, p] = state;
    let prefix = key(&[1, Purpose::EmployeeDay as u64, 0]);
    let day_mixed = mix64(day);
    let mut score_sum = 0u64;
    let mut promoters = 0u32;
    for i in 0..b.len() {
        let mut rng = stream_from_key(key_step(
            key_step(prefix, mix64((lo + i) as u64)),
            day_mixed,
        ));
        let (u_leave, u_see) = two_units(&mut rng);
        let (u_moment, _) = two_units(&mut rng);
        let seen = if u_see < 0.3 && u_moment < 0.5 {
            1.0
        } else {
            0.0
        };
        let x = -1.0 + 2.0 * nn[i] + 1.0 * h[i] + 1.5 * a[i] * k[i] + 0.8 * e[i] + 0.5 * seen
            - 0.6 * u_leave;
        b[i] += 0.1 * (sigmoid(x) - b[i]);
        let bi = b[i];
        let p_break = sigmoid(-0.2 + 2.0 * 0.5 - 2.0 * u[i] - 1.5 * p[i] - 2.0 * 0.5);
        let p_alt = p_break + (1.0 - p_break) * p[i];
        let gain = 2.6 * k[i] * 0.75;
        let team = (lo + i) / TEAM;
        let base = team * TEAM * POOL_PER_EMPLOYEE - lo / TEAM * TEAM * POOL_PER_EMPLOYEE;
        let mem = &mut pool[base..base + TEAM * POOL_PER_EMPLOYEE];
        let len = mem.len();
        let mut genuine = 0u32;
        for _ in 0..CONTACTS {
            let (u_orient, u_cust) = two_units(&mut rng);
            let (u_conflict, u_resolve) = two_units(&mut rng);
            let (u_fate, _u_reward) = two_units(&mut rng);
            let z: f32 = StandardNormal.sample(&mut rng);
            let oriented = u_orient < bi;
            genuine += oriented as u32;
            let ci = ((u_cust * len as f32) as usize).min(len - 1);
            let m = mem[ci];
            let mut score = 7.1 + 2.0 * (m - 0.7) + 1.3 * z;
            score += if oriented { gain } else { 0.0 };
            let conflict = u_conflict < 0.1;
            score += if !conflict {
                0.0
            } else if u_resolve < p_break {
                1.5
            } else if u_resolve < p_alt {
                0.8
            } else {
                -2.0
            };
            let r = ((score.max(0.0) as f64 + 0.5) as u32).min(10);
            score_sum += r as u64;
            promoters += (r >= 9 && u_fate < 0.05) as u32;
            mem[ci] = m + 0.3 * (r as f32 * 0.1 - m);
        }
        let share = genuine as f32 / CONTACTS as f32;
        h[i] += 0.02 * (share - h[i]);
        a[i] += 0.05 * (0.3 - a[i]);
        k[i] += 0.01 * (1.0 - 0.5 * share) * (0.5 - k[i]);
        nn[i] = (nn[i] + 0.002 * (0.5 - nn[i]) + 0.01 * (share - nn[i])).clamp(0.0, 1.0);
        u[i] += 0.01 * (0.5 - u[i]);
        e[i] += 0.01 * (0.2 - e[i]);
        p[i] += 0.01 * (0.3 - p[i]);
    }
    score_sum + promoters as u64
}

/// One day of all employees on `threads` threads (contiguous halves of whole teams).
fn day(f: &mut Flat, day: u64, threads: usize) -> u64 {
    let n = f.state[0].len();
    if threads == 1 {
        let [b, k, a, nn, h, e, u, p] = &mut f.state;
        return probe_day([b, k, a, nn, h, e, u, p], &mut f.pool, 0, day);
    }
    let half = n / TEAM / 2 * TEAM;
    let (s0, s1) = split_state(&mut f.state, half);
    let (p0, p1) = f.pool.split_at_mut(half * POOL_PER_EMPLOYEE);
    std::thread::scope(|sc| {
        let h = sc.spawn(|| probe_day(s1, p1, half, day));
        probe_day(s0, p0, 0, day) + h.join().expect("probe thread")
    })
}

type Cols<'a> = [&'a mut [f32]; 8];

fn split_state(s: &mut [Vec<f32>; 8], at: usize) -> (Cols<'_>, Cols<'_>) {
    let [c0, c1, c2, c3, c4, c5, c6, c7] = s;
    let (a0, b0) = c0.split_at_mut(at);
    let (a1, b1) = c1.split_at_mut(at);
    let (a2, b2) = c2.split_at_mut(at);
    let (a3, b3) = c3.split_at_mut(at);
    let (a4, b4) = c4.split_at_mut(at);
    let (a5, b5) = c5.split_at_mut(at);
    let (a6, b6) = c6.split_at_mut(at);
    let (a7, b7) = c7.split_at_mut(at);
    (
        [a0, a1, a2, a3, a4, a5, a6, a7],
        [b0, b1, b2, b3, b4, b5, b6, b7],
    )
}

fn probe(c: &mut Criterion) {
    for employees in [10_000usize, 100_000, 1_000_000] {
        let mut f = Flat::new(employees);
        let mut d = 0u64;
        let mut g = c.benchmark_group(format!("probe/{employees}"));
        g.throughput(Throughput::Elements(employees as u64 * DAYS as u64));
        g.sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(if employees >= 1_000_000 {
                10
            } else {
                3
            }));
        for threads in [1, 2] {
            g.bench_function(BenchmarkId::new("threads", threads), |bch| {
                bch.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        for _ in 0..DAYS {
                            black_box(day(&mut f, d, threads));
                            d += 1;
                        }
                    }
                    start.elapsed()
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, probe);
criterion_main!(benches);
