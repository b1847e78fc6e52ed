//! The limit probe (BENCHMARKS.md, "Fraction of the limit"): the tightest straightforward loop
//! that does the daily step's random draws and arithmetic per employee-day and per contact,
//! with no model structure around it.
//!
//! Per employee-day it does the baseline path of `Team::step` with the same constants
//! (`Consts` of the default parameters), the same formulas and the same building blocks of the
//! model: the employee-day's counter-based stream keyed as the model keys it, its two day
//! uniforms, the perception update, the behaviour sigmoid, quality, the rule-break sigmoid, and
//! the slow-state updates (habit, awareness, skill, norm with its four pulls, understanding,
//! alternatives, extinction of reward expectancy), over the 21 columns the baseline reads. Per
//! contact it uses the model's own pieces: blocks of eight contacts' draws
//! (`DayStream::block`, AVX2 where the CPU has it), the f32 ziggurat normal, a customer from a
//! team-sized pool (40 per employee, the model's footprint, walked in team order), and the
//! model's contact kernel (`contacts::contacts`: score, memory, counts; eight in lanes where it
//! can). What it leaves out is the model's structure: teams as objects and their prefetching,
//! the three passes over chunks of employees, intervention plans and sessions, the removal of
//! churners (it only clears their flags), the customer flows (two Poisson draws a team-day), the
//! NPS window, turnover and hiring, the descriptive norm, the day's totals, recording.
//!
//! `probe/<employees>/threads/<t>`, throughput in employee-days per second, 5 days per
//! iteration like `throughput`. `cargo bench --bench probe` takes about a minute.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use undercurrent::model::contacts::{employee_day, Churners, Employee, Tally};
use undercurrent::model::draws::{mid24, top24, DayStream, Isa};
use undercurrent::model::propensity::sigmoid;
use undercurrent::model::rng::{key, key_step, mix64, Purpose};
use undercurrent::model::{Consts, Params};

const DAYS: i64 = 5;
const POOL_PER_EMPLOYEE: usize = 40;
const TEAM: usize = 10;

/// Columns the baseline step reads, and the customer memories, flat.
const COLS: usize = 21;

struct Flat {
    state: Vec<Vec<f32>>,
    pool: Vec<f32>,
}

impl Flat {
    fn new(n: usize) -> Flat {
        // Plausible values; the probe's cost does not depend on them.
        let start = [
            0.4, 0.5, 0.3, 0.5, 0.4, 0.2, 0.5, 0.3, 0.5, 0.5, 0.4, 1.0, 0.02, 0.5, 0.5, 0.5, 1.0,
            1.0, 0.7, 0.5, 0.3,
        ];
        Flat {
            state: start.iter().map(|&v| vec![v; n]).collect(),
            pool: vec![0.7; n * POOL_PER_EMPLOYEE],
        }
    }
}

/// Employees `lo..lo + state[0].len()` for one day; `pool` starts at employee `lo`'s team.
/// Returns a checksum of the counts so nothing is optimised away.
fn probe_day(k: &Consts, state: &mut [&mut [f32]], pool: &mut [f32], lo: usize, day: u64) -> u64 {
    let [b, kk, a, nn, h, e, u, p, n0, u0, rhat, rrate, hrate, emp, effort, rule, s_rm, s_fb, align, k0, p0] =
        state
    else {
        unreachable!("21 columns")
    };
    let prefix = key(&[1, Purpose::EmployeeDay as u64, 0]);
    let day_mixed = mix64(day);
    let (s, role_model, vis, feedback_today) = (0.5f32, 0.5f32, 0.3f32, false);
    let isa = Isa::preferred();
    let mut c = [0u64; 10];
    for i in 0..b.len() {
        let mut ds = DayStream::new(
            key_step(key_step(prefix, mix64((lo + i) as u64)), day_mixed),
            k.contacts,
        );
        let (w0, w1) = (ds.word(0), ds.word(1));
        let (u_leave, u_see, u_moment) = (top24(w0), mid24(w0), top24(w1));
        c[0] += (u_leave < k.leave_prob) as u64;
        if u_see < vis {
            let x = if u_moment < role_model { 1.0 } else { 0.0 };
            rhat[i] += k.perception_rate * (x - rhat[i]);
        } else {
            rhat[i] += k.perception_forgetting * (k.perception_prior - rhat[i]);
        }
        let x = k.behaviour.intercept
            + k.behaviour.norm * nn[i]
            + k.behaviour.habit * h[i]
            + k.behaviour.awareness_skill * a[i] * kk[i]
            + k.behaviour.reward * e[i]
            + k.behaviour.peer * (s - 0.5)
            + k.behaviour.role_model * rhat[i]
            - k.behaviour.effort * effort[i] * (1.0 - k.organisation.facilities);
        b[i] += k.adjust * (sigmoid(x) - b[i]);
        let bi = b[i];
        let quality = kk[i]
            * (1.0 - k.alignment_weight + k.alignment_weight * align[i])
            * k.facilities_quality;
        let gain = k.score_oriented * quality;
        let p_break = sigmoid(
            k.rule_breaks.intercept + k.rule_breaks.empathy * emp[i]
                - k.rule_breaks.understanding * u[i]
                - k.rule_breaks.alternatives * p[i]
                - k.rule_breaks.rule_orientation * rule[i],
        );
        let p_alt = p_break + (1.0 - p_break) * p[i];
        let team = (lo + i) / TEAM - lo / TEAM;
        let mem = &mut pool[team * TEAM * POOL_PER_EMPLOYEE..(team + 1) * TEAM * POOL_PER_EMPLOYEE];
        let emp_day = Employee {
            b: bi,
            visible: bi,
            oriented_gain: gain,
            p_break,
            p_alt,
            rewarding: false,
            reward_prob: 0.0,
        };
        let mut tally = Tally::default();
        let mut at = [0u32; 64];
        let mut churners = Churners {
            at: &mut at,
            count: 0,
        };
        employee_day(isa, k, &emp_day, &mut ds, mem, &mut tally, &mut churners);
        // The probe keeps no churn flags: clear them so memories stay in [0, 1].
        let churned = churners.count;
        for &ci in &at[..churned.min(64)] {
            mem[ci as usize] -= 2.0;
        }
        let (genuine, shown, alts) = (tally.genuine, tally.shown, tally.alternatives);
        c[1] += tally.conflicts as u64;
        c[2] += tally.breaks as u64;
        c[3] += tally.score_sum as u64;
        c[4] += tally.promoters as u64;
        c[5] += tally.referred as u64;
        c[6] += tally.detractors as u64;
        c[7] += churned as u64;
        let share = genuine as f32 / k.contacts as f32;
        h[i] += hrate[i] * (share - h[i]);
        a[i] += k.awareness_decay * (k.awareness_rest - a[i]);
        kk[i] += k.knowledge_decay * (1.0 - k.knowledge_protection * share) * (k0[i] - kk[i]);
        let mut dn = k.norm_anchor * (n0[i] - nn[i])
            + k.norm_self * (share - nn[i])
            + k.norm_peer * (s - nn[i])
            + k.norm_role * s_rm[i] * (rhat[i] - nn[i]);
        if feedback_today {
            dn += k.norm_feedback * s_fb[i] * (1.0 - nn[i]);
        }
        nn[i] = (nn[i] + dn).clamp(0.0, 1.0);
        u[i] += k.understanding_rate * (u0[i] - u[i]);
        p[i] += k.alternatives_decay * (p0[i] - p[i])
            + (k.alternatives_gain * alts as f32).min(1.0) * (1.0 - p[i]);
        let rate = if rrate[i] == 1.0 {
            k.reward_extinction
        } else {
            k.reward_extinction * rrate[i].max(1e-3).powf(k.partial_exponent)
        };
        e[i] += rate.min(1.0) * (k.reward_rest - e[i]);
        c[9] += shown as u64 + (bi as f64 * 1e6) as u64;
    }
    c.iter().sum()
}

/// One day of all employees on `threads` threads (contiguous halves of whole teams).
fn day(k: &Consts, f: &mut Flat, day: u64, threads: usize) -> u64 {
    let n = f.state[0].len();
    let half = if threads == 1 { n } else { n / TEAM / 2 * TEAM };
    let mut lo: Vec<&mut [f32]> = Vec::with_capacity(COLS);
    let mut hi: Vec<&mut [f32]> = Vec::with_capacity(COLS);
    for col in f.state.iter_mut() {
        let (x, y) = col.split_at_mut(half);
        lo.push(x);
        hi.push(y);
    }
    let (p0, p1) = f.pool.split_at_mut(half * POOL_PER_EMPLOYEE);
    if threads == 1 {
        return probe_day(k, &mut lo, p0, 0, day);
    }
    std::thread::scope(|sc| {
        let h = sc.spawn(|| probe_day(k, &mut hi, p1, half, day));
        probe_day(k, &mut lo, p0, 0, day) + h.join().expect("probe thread")
    })
}

fn probe(c: &mut Criterion) {
    for employees in [10_000usize, 100_000, 1_000_000] {
        let k = Consts::new(&Params::default());
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
                            black_box(day(&k, &mut f, d, threads));
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
