//! Synthetic but plausible result files for tests and visual inspection.
//!
//! Six arms, days 0..=750 in steps of 5, every metric of the input contract, a few NA
//! values, one unknown metric, and matching `durability.csv` / `manifest.json`.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

pub const ARMS: [&str; 6] = [
    "baseline",
    "training_only",
    "coaching",
    "reinforcement_continuous",
    "reinforcement_variable",
    "full_method",
];
pub const SCENARIO: &str = "fixture interventions";
pub const LAST_DAY: u32 = 750;
pub const STEP: u32 = 5;
const RUNS: f64 = 30.0;
const DRIVES: [(&str, f64, f64); 7] = [
    ("purple", -0.04, 0.8),
    ("red", -0.09, 0.5),
    ("blue", 0.03, 1.2),
    ("orange", 0.06, 1.0),
    ("green", 0.09, 1.3),
    ("yellow", 0.015, 0.9),
    ("turquoise", 0.045, 1.1),
];

/// Deterministic noise in [-0.5, 0.5) (splitmix64 of the inputs).
fn noise(a: u64, b: u64, c: u64) -> f64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add(c.wrapping_mul(0x94D0_49BB_1331_11EB))
        .wrapping_add(0x2545_F491_4F6C_DD1D);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64 - 0.5
}

fn rise(t: f64, peak_day: f64) -> f64 {
    (std::f64::consts::FRAC_PI_2 * (t / peak_day).min(1.0)).sin()
}

/// Gain in B over baseline of arm `a` at day `t`.
pub fn gain_b(a: usize, t: f64) -> f64 {
    let half = |t0: f64, hl: f64| 0.5f64.powf(((t - t0) / hl).max(0.0));
    match ARMS[a] {
        "baseline" => 0.0,
        "training_only" => 0.10 * rise(t, 52.0) * half(52.0, 100.0),
        "coaching" => 0.08 * (1.0 - (-t / 110.0).exp()),
        "reinforcement_continuous" => rise(t, 52.0) * (0.045 + 0.055 * half(52.0, 120.0)),
        "reinforcement_variable" => {
            rise(t, 60.0) * (0.055 + 0.035 * half(60.0, 200.0)) + 0.004 * (t / 30.0).sin()
        }
        "full_method" => {
            0.13 * (1.0 - (-t / 45.0).exp()) + 0.015 * (-((t - 90.0) / 40.0).powi(2)).exp()
        }
        _ => 0.0,
    }
}

fn n_factor(a: usize) -> f64 {
    [0.0, 0.45, 1.0, 0.9, 0.95, 1.15][a]
}

/// Days of the recorded period.
pub fn days() -> Vec<u32> {
    (0..=LAST_DAY).step_by(STEP as usize).collect()
}

/// Slow, lagged below-waterline gain driven by the B gain.
fn gain_n_series(a: usize) -> Vec<f64> {
    let mut g = 0.0;
    days()
        .iter()
        .map(|&d| {
            let target = n_factor(a) * gain_b(a, d as f64);
            g += STEP as f64 / 150.0 * (target - g);
            g
        })
        .collect()
}

fn fmt(v: f64) -> String {
    format!("{v:.6}")
}

fn row(out: &mut String, arm: &str, day: u32, metric: &str, mean: f64, sd: f64, na_ci: bool) {
    let half = 1.96 * sd / RUNS.sqrt();
    let (lo, hi) = if na_ci {
        ("NA".to_string(), "NA".to_string())
    } else {
        (fmt(mean - half), fmt(mean + half))
    };
    writeln!(
        out,
        "{arm},{day},{metric},{},{},{lo},{hi},30",
        fmt(mean),
        fmt(sd)
    )
    .unwrap();
}

/// Writes `timeseries.csv`, `durability.csv` and `manifest.json` into `dir`.
pub fn write_fixture(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("timeseries.csv"), timeseries_csv()).unwrap();
    fs::write(dir.join("durability.csv"), durability_csv()).unwrap();
    fs::write(
        dir.join("manifest.json"),
        format!("{{\"scenario\": {{\"name\": \"{SCENARIO}\", \"arms\": 6}}, \"seed\": 42}}\n"),
    )
    .unwrap();
}

pub fn timeseries_csv() -> String {
    let mut out = String::from("arm,day,metric,mean,sd,ci_lo,ci_hi,n\n");
    let days = days();
    let nps_of = |a: usize, i: usize, gn: &[f64]| {
        let t = days[i] as f64;
        12.0 + 180.0 * gain_b(a, t) + 80.0 * gn[i] + 0.6 * noise(a as u64, i as u64, 99)
    };
    let base_gn = gain_n_series(0);
    for (a, arm) in ARMS.iter().enumerate() {
        let gn = gain_n_series(a);
        let mut churned = 0.0;
        let mut referred = 0.0;
        for (i, &day) in days.iter().enumerate() {
            let t = day as f64;
            let gb = gain_b(a, t);
            let g = gn[i];
            let e = |k: u64| noise(a as u64, i as u64, k);
            let b = 0.55 + gb + 0.003 * e(1);
            let state = [
                ("B", b),
                ("K", 0.50 + 1.3 * gb + 0.3 * g + 0.003 * e(2)),
                ("A", 0.42 + 1.8 * gb - 0.5 * g + 0.003 * e(3)),
                ("N", 0.45 + g + 0.002 * e(4)),
                ("H", 0.35 + 0.9 * g + 0.002 * e(5)),
                ("E", 0.50 + 0.6 * gb + 0.4 * g + 0.002 * e(6)),
                ("U", 0.40 + 0.8 * g + 0.002 * e(7)),
                ("P", 0.20 + 0.5 * g + 0.002 * e(8)),
            ];
            for (m, v) in state {
                row(&mut out, arm, day, m, v, 0.04, false);
            }
            row(
                &mut out,
                arm,
                day,
                "recognition_share",
                0.40 + 1.2 * g,
                0.05,
                false,
            );
            row(
                &mut out,
                arm,
                day,
                "strong_norm_share",
                0.15 + 1.5 * g,
                0.04,
                false,
            );
            row(&mut out, arm, day, "oriented_share", b - 0.05, 0.04, false);
            row(
                &mut out,
                arm,
                day,
                "mean_score",
                7.2 + 6.0 * gb + 3.0 * g,
                0.2,
                false,
            );
            let nps = nps_of(a, i, &gn);
            row(&mut out, arm, day, "nps", nps, 6.0, false);
            row(
                &mut out,
                arm,
                day,
                "promoter_share",
                0.38 + 0.9 * gb,
                0.03,
                false,
            );
            row(
                &mut out,
                arm,
                day,
                "detractor_share",
                0.26 - 0.9 * gb,
                0.03,
                false,
            );
            row(
                &mut out,
                arm,
                day,
                "rule_breaks_per_1000",
                14.0 + 40.0 * gb - 50.0 * g + 0.4 * e(9),
                2.5,
                false,
            );
            row(
                &mut out,
                arm,
                day,
                "alternatives_per_1000",
                6.0 + 60.0 * g,
                1.5,
                false,
            );
            churned += 4.0 * (1.0 - 3.0 * gb);
            referred += 1.5 * (1.0 + 8.0 * gb);
            row(
                &mut out,
                arm,
                day,
                "active_customers",
                10_000.0 - churned + referred,
                60.0,
                false,
            );
            row(&mut out, arm, day, "churned", churned, 15.0, false);
            row(&mut out, arm, day, "referred", referred, 10.0, false);
            let cost = match *arm {
                "baseline" => 0.0,
                "training_only" => 60_000.0,
                "coaching" => 400.0 * t,
                "reinforcement_continuous" => 60_000.0 + 150.0 * t,
                "reinforcement_variable" => 60_000.0 + 100.0 * t,
                _ => 90_000.0 + 300.0 * t,
            };
            row(
                &mut out,
                arm,
                day,
                "cost_cumulative",
                cost,
                cost * 0.02,
                false,
            );
            if a > 0 {
                row(&mut out, arm, day, "gain_B", gb, 0.03, day == 0);
                row(&mut out, arm, day, "gain_N", g - base_gn[i], 0.02, day == 0);
                let d_nps = nps - nps_of(0, i, &base_gn);
                row(&mut out, arm, day, "gain_nps", d_nps, 5.0, day == 0);
            }
            for (k, (d, off, resp)) in DRIVES.iter().enumerate() {
                let v = b + off + (resp - 1.0) * gb + 0.004 * e(20 + k as u64);
                row(&mut out, arm, day, &format!("B_{d}"), v, 0.06, false);
            }
            if a == 0 {
                row(&mut out, arm, day, "mystery_metric", 3.0 + e(50), 0.5, true);
            }
        }
    }
    out
}

pub fn durability_csv() -> String {
    let mut out = String::from("arm,metric,mean,sd,ci_lo,ci_hi,n\n");
    let mut d = |arm: &str, metric: &str, mean: Option<f64>, sd: f64| {
        let half = 1.96 * sd / RUNS.sqrt();
        match mean {
            Some(m) => writeln!(
                out,
                "{arm},{metric},{},{},{},{},30",
                fmt(m),
                fmt(sd),
                fmt(m - half),
                fmt(m + half)
            ),
            None => writeln!(out, "{arm},{metric},NA,NA,NA,NA,30"),
        }
        .unwrap();
    };
    d("baseline", "drift_B", Some(0.004), 0.01);
    d("baseline", "drift_nps", Some(0.3), 2.0);
    let days = days();
    for (a, arm) in ARMS.iter().enumerate().skip(1) {
        let g: Vec<f64> = days.iter().map(|&t| gain_b(a, t as f64)).collect();
        let (ipk, peak) =
            g.iter().copied().enumerate().fold(
                (0, f64::MIN),
                |acc, (i, v)| if v > acc.1 { (i, v) } else { acc },
            );
        let half_life = g[ipk..]
            .iter()
            .position(|&v| v <= peak / 2.0)
            .map(|k| (k as u32 * STEP) as f64);
        let at = |day: u32| g[(day / STEP) as usize];
        d(arm, "peak_gain_B", Some(peak), 0.025);
        d(arm, "days_to_peak_B", Some(days[ipk] as f64), 12.0);
        let censored = match half_life {
            Some(_) if *arm == "training_only" => 0.0,
            Some(_) => 0.35,
            None => 1.0,
        };
        d(arm, "half_life_days_B", half_life, 40.0);
        d(arm, "half_life_censored_share_B", Some(censored), 0.0);
        d(arm, "gain_6m_B", Some(at(125)), 0.03);
        d(arm, "gain_12m_B", Some(at(250)), 0.03);
        d(arm, "retained_6m_B", Some(at(125) / peak), 0.1);
        d(arm, "retained_12m_B", Some(at(250) / peak), 0.1);
        d(
            arm,
            "auc_gain_B",
            Some(g.iter().sum::<f64>() * STEP as f64),
            5.0,
        );
        d(arm, "effect_size_d_B_peak", Some(peak / 0.04), 0.3);
        d(arm, "effect_size_d_B_end", Some(g[g.len() - 1] / 0.04), 0.3);
        d(arm, "effect_size_d_B_12m", Some(at(250) / 0.04), 0.3);
        d(arm, "peak_gain_nps", Some(180.0 * peak), 4.0);
        d(arm, "retained_12m_nps", Some(at(250) / peak), 0.1);
        let cost = [0.0, 60_000.0, 300_000.0, 172_500.0, 135_000.0, 315_000.0][a];
        d(arm, "cost", Some(cost), cost * 0.02);
        d(
            arm,
            "cost_per_nps_point",
            if a == 2 {
                None
            } else {
                Some(cost / (180.0 * at(250)))
            },
            500.0,
        );
    }
    out
}
