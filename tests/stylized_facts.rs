//! Stylized facts 1-5 (docs/sources.md section 2), checked on the embedded default scenario
//! (20 replications, 200 employees, three years). Tolerances are written in each test.

mod common;
use common::default_run;

const MONTH: f64 = 250.0 / 12.0;

#[test]
fn fact1_training_gain_peaks_within_weeks_then_fades_with_a_half_life_of_3_to_15_months() {
    let r = default_run();
    // Within weeks: at most two months of working days.
    let days_to_peak = r.mean("training_only", "days_to_peak_B");
    assert!(
        days_to_peak <= 2.0 * MONTH,
        "peak after {days_to_peak} days, not within weeks"
    );
    let (half_life, beyond) = r.half_life("training_only");
    assert!(!beyond, "training's gain never halves within the horizon");
    assert!(
        (3.0 * MONTH..=15.0 * MONTH).contains(&half_life),
        "half-life {half_life} days is outside 3-15 months"
    );
    assert_eq!(r.mean("training_only", "half_life_censored_share_B"), 0.0);
    // It fades faster than the gain of coaching or of the full method: a shorter half-life
    // (the full method's is often beyond the horizon, so compare the shares kept too).
    for other in ["coaching", "full_method"] {
        // Beyond the horizon, `h` is a lower bound: below it is below the half-life.
        let (h, _) = r.half_life(other);
        assert!(
            half_life < h,
            "training's half-life {half_life} is not below {other}'s {h}"
        );
        let (t, o) = (
            r.mean("training_only", "retained_12m_B"),
            r.mean(other, "retained_12m_B"),
        );
        assert!(t < o, "training keeps {t} after 12 months, {other} {o}");
    }
}

#[test]
fn fact2_coaching_rises_slowly_and_keeps_most_of_its_gain_12_months_after_the_programme() {
    let r = default_run();
    assert!(
        r.mean("coaching", "days_to_peak_B") > 3.0 * r.mean("training_only", "days_to_peak_B"),
        "coaching should rise more slowly than training"
    );
    let retained = r.mean("coaching", "retained_12m_B");
    assert!(
        retained > 0.5,
        "coaching keeps only {retained} of its peak gain after 12 months"
    );
    // A clearly larger share than training keeps: at least a fifth more.
    let training = r.mean("training_only", "retained_12m_B");
    assert!(
        retained >= 1.2 * training,
        "coaching keeps {retained}, training {training}: not clearly more"
    );
}

#[test]
fn fact3_the_full_method_beats_each_part_alone_on_the_gain_12_months_after() {
    let r = default_run();
    let full = r.mean("full_method", "gain_12m_B");
    for part in ["training_only", "coaching"] {
        let g = r.mean(part, "gain_12m_B");
        assert!(
            full > g * 1.2,
            "full method {full} does not clearly beat {part} {g}"
        );
    }
    // Paired per replication, not only on average.
    let f = r.values("full_method", "gain_12m_B");
    let c = r.values("coaching", "gain_12m_B");
    let wins = f.iter().zip(&c).filter(|(a, b)| a > b).count();
    assert!(
        wins >= 18,
        "full method beats coaching in only {wins} of 20 replications"
    );
}

#[test]
fn fact4_reinforcement_rises_fast_extinguishes_after_withdrawal_and_variable_ratio_lasts_longer() {
    let r = default_run();
    let s = &r.scenario;
    for arm in ["reinforcement_continuous", "reinforcement_variable"] {
        // Fast rise: within 20 working days the gain reaches half its peak.
        let a = r.arm(arm);
        let start = s.plans()[a].first_day().unwrap() as usize;
        let peak = r.mean(arm, "peak_gain_B");
        let early: f64 = r
            .results
            .iter()
            .map(|x| x.series[a].daily_b[start + 20] - x.series[0].daily_b[start + 20])
            .sum::<f64>()
            / r.results.len() as f64;
        assert!(
            early > peak / 2.0,
            "{arm}: gain {early} after 20 days, peak {peak}"
        );
        // Extinction: less than half the gain is left 12 months after withdrawal.
        let retained = r.mean(arm, "retained_12m_B");
        assert!(
            retained < 0.5,
            "{arm} keeps {retained} of its gain 12 months after withdrawal"
        );
    }
    let (cont, cont_beyond) = r.half_life("reinforcement_continuous");
    let (var, _) = r.half_life("reinforcement_variable");
    assert!(!cont_beyond, "continuous reinforcement's gain never halves");
    assert!(
        var > 1.5 * cont,
        "variable ratio half-life {var} is not clearly above continuous {cont}"
    );
}

#[test]
fn of_training_coaching_and_the_full_method_training_fades_fastest_and_the_full_method_keeps_most()
{
    // Stylized facts 1 and 3 (docs/sources.md section 2). Reinforcement is left out: its gain
    // extinguishes after withdrawal by design (fact 4), on its own time scale.
    let r = default_run();
    let arms = ["training_only", "coaching", "full_method"];
    let shortest = arms
        .iter()
        .min_by(|a, b| r.half_life(a).0.total_cmp(&r.half_life(b).0))
        .unwrap();
    assert_eq!(*shortest, "training_only");
    let all: Vec<&str> = r
        .scenario
        .arms
        .iter()
        .skip(1)
        .map(|a| a.name.as_str())
        .collect();
    let best = all
        .iter()
        .max_by(|a, b| r.mean(a, "gain_12m_B").total_cmp(&r.mean(b, "gain_12m_B")))
        .unwrap();
    assert_eq!(*best, "full_method");
}
