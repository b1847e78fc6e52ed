//! Every word of a sweep chart and a calibration chart goes through the catalogue (issue 20),
//! like the run charts' (tests/chart_words.rs): drawn in the pseudo-language, a chart's
//! visible text keeps no plain English word beyond identifiers (arm, metric, parameter and
//! target names); drawn in Dutch, a chart has Dutch words and decimal commas.

mod plot_common;

use plot_common::svg_words;
use std::path::{Path, PathBuf};

use undercurrent::calibration::Prior;
use undercurrent::plot::calibration::{
    CalibrationChart, CalibrationData, FitRow, GenerationRow, ParameterPosterior,
};
use undercurrent::plot::sweep::{load_sweep_dir, sweep_charts, sweep_svg, SweepChart, SweepData};
use undercurrent::text::{plain_words, Lang};

/// A new directory on every call: tests running at once build the same fixture (`grid()`
/// in two of them), and one rewriting a directory another is reading made a test flaky.
fn fresh(name: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let d =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("sweep-chart-words-{name}-{n}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const ARMS: [&str; 2] = ["baseline", "coaching"];
const METRICS: [&str; 3] = ["B_mean", "gain_12m_B", "half_life_days_B"];

/// A sweep directory over `axes` (the first named in the manifest by its registry key, so
/// its axis carries a unit) with `points`, two arms, two metrics with means and a half-life
/// summarised by its Kaplan-Meier median (one point not halved), and Sobol and Morris
/// indices of every parameter.
fn sweep_dir(name: &str, axes: &[&str], points: &[Vec<f64>]) -> PathBuf {
    let dir = fresh(name);
    let mut s = format!(
        "point,{},arm,metric,mean,sd,ci_lo,ci_hi,n,km_median,km_lo,km_hi,followup,censored_share\n",
        axes.join(",")
    );
    for (p, x) in points.iter().enumerate() {
        let vals: Vec<String> = x.iter().map(|v| v.to_string()).collect();
        for arm in ARMS {
            for metric in METRICS {
                let m = 0.4 + 0.1 * x[0] + 0.05 * x.get(1).unwrap_or(&0.0);
                let row = if metric == "half_life_days_B" {
                    if p == 0 {
                        "NA,NA,NA,NA,10,NA,NA,NA,300,0.7".to_string()
                    } else {
                        let d = 100.0 + 50.0 * x[0];
                        format!(
                            "{d},5,{},{},10,{d},{},{},300,0.2",
                            d - 9.0,
                            d + 9.0,
                            d - 9.0,
                            d + 9.0
                        )
                    }
                } else {
                    format!("{m},0.01,{},{},10,,,,,", m - 0.01, m + 0.01)
                };
                s.push_str(&format!("{p},{},{arm},{metric},{row}\n", vals.join(",")));
            }
        }
    }
    std::fs::write(dir.join("points.csv"), s).unwrap();
    let mut sens =
        String::from("arm,metric,parameter,index,estimate,ci_lo,ci_hi,n,censored_share\n");
    for arm in ARMS {
        for metric in METRICS {
            let censored = if metric == "half_life_days_B" {
                "0.25"
            } else {
                "0"
            };
            for (i, a) in axes.iter().enumerate() {
                let e = 0.5 / (i + 1) as f64;
                for (index, v) in [
                    ("S1", e),
                    ("ST", e + 0.1),
                    ("mu_star", 2.0 * e),
                    ("sigma", e),
                ] {
                    sens.push_str(&format!(
                        "{arm},{metric},{a},{index},{v},{},{},100,{censored}\n",
                        v - 0.05,
                        v + 0.05
                    ));
                }
            }
        }
    }
    std::fs::write(dir.join("sensitivity.csv"), sens).unwrap();
    std::fs::write(
        dir.join("manifest.json"),
        format!(
            "{{\"name\": \"synthetic\", \"axes\": [{{\"name\": \"{}\", \"key\": \"managers.role_model_mean\"}}]}}",
            axes[0]
        ),
    )
    .unwrap();
    dir
}

fn one_axis() -> PathBuf {
    let points: Vec<Vec<f64>> = (0..5).map(|i| vec![0.1 + 0.2 * i as f64]).collect();
    sweep_dir("one", &["role_model"], &points)
}

fn grid() -> PathBuf {
    let mut points = Vec::new();
    for a in [0.25, 0.5, 0.75] {
        for b in [1.5, 2.5] {
            points.push(vec![a, b]);
        }
    }
    sweep_dir("grid", &["role_model", "coaching_intensity"], &points)
}

fn sampled() -> PathBuf {
    let points: Vec<Vec<f64>> = (0..8)
        .map(|i| {
            let t = i as f64 / 8.0;
            vec![0.05 + t, 1.0 + 0.7 * t, 0.3 + (t * 3.0).fract() * 0.5]
        })
        .collect();
    sweep_dir(
        "sampled",
        &["role_model", "coaching_intensity", "habit_rate"],
        &points,
    )
}

/// Identifiers a sweep chart may show as they are: the names of arms, metrics and swept
/// parameters and their words.
fn identifiers(d: &SweepData) -> Vec<String> {
    let mut out: Vec<String> = vec![d.name.clone()];
    for s in d.arms.iter().chain(&d.metrics).chain(&d.axes) {
        out.push(s.clone());
        out.extend(s.split('_').map(str::to_string));
    }
    out
}

fn assert_sweep_words(dir: &Path, expect: impl Fn(&SweepChart) -> bool) {
    let d = load_sweep_dir(dir).unwrap();
    let charts = sweep_charts(&d);
    assert!(charts.iter().any(&expect), "{charts:?}");
    let allowed = identifiers(&d);
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    for c in &charts {
        let words = svg_words(&sweep_svg(&d, c, Lang::Pseudo).unwrap());
        assert!(!words.trim().is_empty(), "{c:?}: no text found");
        let plain = plain_words(&words, &allowed);
        assert!(
            plain.is_empty(),
            "{c:?} keeps words outside the catalogue: {plain:?}\n{words}"
        );
    }
}

#[test]
fn response_curves_and_sensitivity_charts_draw_their_words_from_the_catalogue() {
    assert_sweep_words(&one_axis(), |c| matches!(c, SweepChart::Response { .. }));
    assert_sweep_words(&one_axis(), |c| matches!(c, SweepChart::Sobol { .. }));
    assert_sweep_words(&one_axis(), |c| matches!(c, SweepChart::Morris { .. }));
}

#[test]
fn heatmaps_draw_their_words_from_the_catalogue() {
    assert_sweep_words(&grid(), |c| matches!(c, SweepChart::Heatmap { .. }));
}

#[test]
fn scatter_panels_draw_their_words_from_the_catalogue() {
    assert_sweep_words(&sampled(), |c| matches!(c, SweepChart::Scatter { .. }));
}

fn has_comma_number(words: &str) -> bool {
    words.lines().any(|l| {
        let l = l.trim();
        l.contains(',')
            && l.chars().any(|c| c.is_ascii_digit())
            && l.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '\u{2212}')
    })
}

#[test]
fn a_dutch_sweep_chart_has_dutch_words_and_decimal_commas() {
    let d = load_sweep_dir(&one_axis()).unwrap();
    let response = SweepChart::Response {
        metric: "B_mean".into(),
    };
    let words = svg_words(&sweep_svg(&d, &response, Lang::Nl).unwrap());
    assert!(words.contains("herhalingen"), "{words}");
    assert!(words.contains("betrouwbaarheidsinterval"), "{words}");
    assert!(
        words.contains("niveau in [0; 1]"),
        "the unit in Dutch:\n{words}"
    );
    assert!(has_comma_number(&words), "no decimal comma:\n{words}");
    let sobol = SweepChart::Sobol {
        arm: "coaching".into(),
        metric: "half_life_days_B".into(),
    };
    let words = svg_words(&sweep_svg(&d, &sobol, Lang::Nl).unwrap());
    assert!(words.contains("Gevoeligheid"), "{words}");
    assert!(words.contains("eerste orde S1"), "{words}");
    assert!(words.contains("gecensureerd"), "{words}");
    assert!(has_comma_number(&words), "no decimal comma:\n{words}");
    let grid = load_sweep_dir(&grid()).unwrap();
    let heatmap = SweepChart::Heatmap {
        arm: "coaching".into(),
        metric: "half_life_days_B".into(),
    };
    let words = svg_words(&sweep_svg(&grid, &heatmap, Lang::Nl).unwrap());
    assert!(words.contains("niet gehalveerd"), "{words}");
}

fn calibration() -> CalibrationData {
    let n = 60;
    let spread = |a: f64, b: f64| -> Vec<f64> {
        (0..n)
            .map(|i| a + (b - a) * (i as f64 + 0.5) / n as f64)
            .collect()
    };
    CalibrationData {
        name: "synthetic".into(),
        description: String::new(),
        generation: 2,
        parameters: vec![
            ParameterPosterior {
                name: "role_model".into(),
                key: "managers.role_model_mean".into(),
                prior: Prior::Uniform { lo: 0.0, hi: 1.0 },
                base: Some(0.5),
                values: spread(0.3, 0.6),
            },
            ParameterPosterior {
                name: "habit_rate".into(),
                key: "habit.rate".into(),
                prior: Prior::LogUniform { lo: 0.005, hi: 0.5 },
                base: Some(0.05),
                values: spread(0.01, 0.2),
            },
        ],
        weights: vec![1.0; n],
        fit: vec![
            FitRow {
                target: "nps_mean".into(),
                observed: 20.0,
                scale: 2.0,
                mean: 21.0,
                lo95: 17.5,
                hi95: 24.5,
            },
            FitRow {
                target: "B_mean".into(),
                observed: 0.5,
                scale: 0.05,
                mean: 0.62,
                lo95: 0.58,
                hi95: 0.66,
            },
        ],
        generations: (0..3)
            .map(|g| GenerationRow {
                generation: g,
                tolerance: if g == 0 { f64::NAN } else { 3.0 / g as f64 },
                acceptance_rate: 1.0 / (g + 1) as f64,
                ess: 50.0,
                simulations_total: 60.0 * (g + 1) as f64,
            })
            .collect(),
        population: n,
        replications: 2,
    }
}

#[test]
fn calibration_charts_draw_their_words_from_the_catalogue() {
    let d = calibration();
    let allowed = [
        "synthetic",
        "role_model",
        "role",
        "model",
        "habit_rate",
        "habit",
        "rate",
        "nps_mean",
        "B_mean",
    ];
    for c in CalibrationChart::ALL {
        assert!(c.applies(&d), "{c:?}");
        let words = svg_words(&c.svg(&d, Lang::Pseudo).unwrap());
        assert!(!words.trim().is_empty(), "{c:?}: no text found");
        let plain = plain_words(&words, &allowed);
        assert!(
            plain.is_empty(),
            "{c:?} keeps words outside the catalogue: {plain:?}\n{words}"
        );
    }
    let words = svg_words(&CalibrationChart::Generations.svg(&d, Lang::Nl).unwrap());
    assert!(words.contains("Tolerantie per generatie"), "{words}");
    let words = svg_words(&CalibrationChart::Posterior.svg(&d, Lang::Nl).unwrap());
    assert!(words.contains("dichtheid"), "{words}");
    assert!(has_comma_number(&words), "no decimal comma:\n{words}");
}
