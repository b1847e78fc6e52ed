//! Published figures the default calibration must land near (docs/sources.md sections 3 and 4).
//! Each tolerance is written in the test.

mod common;
use common::{cohen_d, default_run, habit_days, skill_after_training};
use undercurrent::metrics::recorder::metric_index;
use undercurrent::model::employees::habit_rate_for_days;

/// Asserts that the baseline's mean of `metric` over all recorded days and replications lies
/// in `range`.
fn assert_baseline_in(metric: &str, range: std::ops::RangeInclusive<f64>) {
    let m = baseline_mean(metric);
    assert!(
        range.contains(&m),
        "baseline {metric} = {m}, expected {range:?}"
    );
}

fn baseline_mean(metric: &str) -> f64 {
    let r = default_run();
    let m = metric_index(metric).unwrap();
    let mut sum = 0.0;
    let mut n = 0.0;
    for x in &r.results {
        let s = &x.series[0];
        for rec in 0..s.days.len() {
            sum += s.value(rec, m);
            n += 1.0;
        }
    }
    sum / n
}

#[test]
fn training_effect_size_at_the_peak_is_near_arthur_2003() {
    // Arthur, Bennett, Edens & Bell 2003: d ≈ 0.62 on on-the-job behaviour. Tolerance ±0.15.
    let d = default_run().mean("training_only", "effect_size_d_B_peak");
    assert!((d - 0.62).abs() <= 0.15, "d at peak = {d}");
}

#[test]
fn habit_reaches_95_percent_of_its_asymptote_in_about_66_days_with_daily_practice() {
    // Lally et al. 2010: median 66 days. With daily practice (share 1) from H = 0, the median
    // person's habit passes 95% on day 66 (±1).
    let rate = habit_rate_for_days(66.0) as f32;
    let mut h = 0.0f32;
    let mut day = 0;
    while h < 0.95 {
        h += rate * (1.0 - h);
        day += 1;
    }
    assert!((65..=67).contains(&day), "95% after {day} days");
}

#[test]
fn habit_days_across_people_have_median_66_and_range_18_to_254() {
    let days = habit_days(0);
    let median = days[days.len() / 2];
    assert!(
        (56.0..=76.0).contains(&median),
        "median habit days {median}"
    );
    assert!(days[0] >= 17.9 && *days.last().unwrap() <= 254.1);
    let p5 = days[days.len() / 20];
    let p95 = days[days.len() * 19 / 20];
    assert!(
        p5 < 35.0 && p95 > 120.0,
        "spread too narrow: 5%-95% = {p5}-{p95}"
    );
}

#[test]
fn about_20_percent_fully_recognise_role_model_behaviour() {
    assert_baseline_in("recognition_share", 0.15..=0.25);
}

#[test]
fn managers_rate_themselves_always_about_half_and_almost_always_about_a_third() {
    let r = default_run();
    let n = r.results.len() as f64;
    let always: f64 = r.results.iter().map(|x| x.self_rating.0).sum::<f64>() / n;
    let almost: f64 = r.results.iter().map(|x| x.self_rating.1).sum::<f64>() / n;
    assert!((0.40..=0.60).contains(&always), "always {always}");
    assert!((0.25..=0.42).contains(&almost), "almost always {almost}");
}

#[test]
fn baseline_nps_lies_in_the_benchmark_range() {
    // Average company NPS ≈ 5-10 (Bain / Satmetrix benchmarks); tolerance 0-15.
    assert_baseline_in("nps", 0.0..=15.0);
}

#[test]
fn about_14_percent_hold_a_strong_norm() {
    assert_baseline_in("strong_norm_share", 0.09..=0.19);
}

#[test]
fn the_baseline_is_steady() {
    let r = default_run();
    let a = 0;
    let drift = r
        .durability
        .iter()
        .find(|x| x.arm == a && x.metric == "drift_B")
        .unwrap();
    assert!(
        drift.summary.mean.abs() < 0.02,
        "baseline B drifts by {}",
        drift.summary.mean
    );
}

/// Cohen's d of skill K in the training-only arm between the day after a two-day training
/// and `later` working days after it, over every employee of `reps` replications (pooled sd).
fn skill_decay_d(use_protection: f64, later: i64, reps: usize) -> f64 {
    let (x, y): (Vec<Vec<f64>>, Vec<Vec<f64>>) = skill_after_training(use_protection, later, reps)
        .into_iter()
        .unzip();
    cohen_d(&x.concat(), &y.concat())
}

#[test]
fn trained_skill_decays_over_more_than_a_year_and_faster_when_unused() {
    // Arthur, Bennett, Stanush & McNelly 1998: from d ≈ 0 right after training to d ≈ -1.4
    // after more than a year of non-use. In the model the decay cannot exceed the trained
    // gain itself (K falls back toward K0, and the two-day training moves K by d ≈ 0.9), so
    // it reaches about half the published figure (-0.68 unused, -0.59 with daily use, 300
    // working days later): a documented deviation (docs/model.md, section 8). What must hold:
    // no decay right after, a clear decay after more than a year of non-use (d ≤ -0.5), and
    // use slowing it.
    let used = skill_decay_d(0.5, 300, 3);
    let unused = skill_decay_d(0.0, 300, 3);
    let soon = skill_decay_d(0.5, 5, 3);
    println!("skill decay d: 5 days {soon:.2}; 300 days with use {used:.2}, without {unused:.2}");
    assert!(
        soon > -0.1,
        "right after the training the skill has not decayed: d = {soon}"
    );
    assert!(
        unused <= -0.5,
        "more than a year later, unused: d = {unused}"
    );
    assert!(used <= -0.4, "more than a year later, with use: d = {used}");
    assert!(unused < used - 0.05, "use slows decay: {unused} vs {used}");
}
