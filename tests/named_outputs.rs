//! Issue 21, outputs of one's own: `[metrics]` in a scenario or an experiment defines named
//! outputs (a metric or its paired gain at a day, over a window, or the first day it crosses
//! a threshold). `run` summarises them in `outputs.csv`; a sweep keeps them as columns of
//! `runs.csv` and `points.csv`, where a sensitivity analysis can take them as outputs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use undercurrent::metrics::stats::summarize;
use undercurrent::output::tables::num;

const SCENARIO: &str = r#"
name = "named"
seed = 4
replications = 4
horizon_days = 100
burn_in_days = 30
record_every = 5
per_replication = "on"
[organisation]
employees = 40
team_size = 10
[metrics.B_day_50]
of = "B"
at = 50
[metrics.gain_window]
of = "gain_B"
window = [20, 60]
[metrics.peak_nps_gain]
of = "gain_nps"
window = [0, 99]
stat = "max"
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 10
duration = 40
interval = 5
"#;

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("named-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn undercurrent(d: &Path, args: &[&str], file: &str, text: &str) -> Output {
    std::fs::write(d.join(file), text).unwrap();
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(args)
        .arg("--out")
        .arg(d.join("out"))
        .arg(d.join(file))
        .output()
        .unwrap()
}

fn records(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let h = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (h, rows)
}

fn at(h: &[String], name: &str) -> usize {
    h.iter().position(|x| x == name).unwrap()
}

#[test]
fn a_windowed_gain_equals_the_value_computed_from_the_per_replication_series() {
    let d = dir("run");
    let o = undercurrent(&d, &["run", "--no-plots"], "s.toml", SCENARIO);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = d.join("out");
    // B per (arm, replication, day) from replications.csv.
    let (h, rows) = records(&out.join("replications.csv"));
    let mut b: BTreeMap<(String, usize, i64), f64> = BTreeMap::new();
    let mut nps: BTreeMap<(String, usize, i64), f64> = BTreeMap::new();
    for r in &rows {
        let key = (
            r[at(&h, "arm")].clone(),
            r[at(&h, "replication")].parse().unwrap(),
            r[at(&h, "day")].parse().unwrap(),
        );
        match r[at(&h, "metric")].as_str() {
            "B" => b.insert(key, r[at(&h, "value")].parse().unwrap()),
            "nps" => nps.insert(key, r[at(&h, "value")].parse().unwrap()),
            _ => None,
        };
    }
    let gain = |m: &BTreeMap<(String, usize, i64), f64>, rep: usize, day: i64| {
        m[&("coaching".into(), rep, day)] - m[&("baseline".into(), rep, day)]
    };
    let window: Vec<f64> = (0..4)
        .map(|rep| {
            let days: Vec<i64> = (20..=60).step_by(5).collect();
            days.iter().map(|&d| gain(&b, rep, d)).sum::<f64>() / days.len() as f64
        })
        .collect();
    let peak: Vec<f64> = (0..4)
        .map(|rep| {
            (0..100)
                .filter(|d| d % 5 == 0 || *d == 99)
                .map(|d| gain(&nps, rep, d))
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .collect();
    let day50: Vec<f64> = (0..4).map(|rep| b[&("baseline".into(), rep, 50)]).collect();

    let (h, rows) = records(&out.join("outputs.csv"));
    let row = |arm: &str, output: &str| {
        rows.iter()
            .find(|r| r[0] == arm && r[1] == output)
            .unwrap_or_else(|| panic!("{arm} {output}"))
    };
    let s = summarize(&window);
    let r = row("coaching", "gain_window");
    assert_eq!(r[at(&h, "mean")], num(s.mean));
    assert_eq!(r[at(&h, "ci_lo")], num(s.ci_lo));
    assert_eq!(r[at(&h, "definition")], "mean over recorded days 20-60");
    assert_eq!(
        row("coaching", "peak_nps_gain")[at(&h, "mean")],
        num(summarize(&peak).mean)
    );
    assert_eq!(
        row("baseline", "B_day_50")[at(&h, "mean")],
        num(summarize(&day50).mean)
    );
    assert!(
        !rows
            .iter()
            .any(|r| r[0] == "baseline" && r[1] == "gain_window"),
        "a gain has no baseline row"
    );
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("outputs.csv"));
}

#[test]
fn a_sweep_keeps_named_outputs_as_columns_and_takes_them_as_sensitivity_outputs() {
    let d = dir("sweep");
    std::fs::write(d.join("base.toml"), SCENARIO).unwrap();
    let experiment = r#"
name = "named_sobol"
base = "base.toml"
seed = 2
replications = 1
keep_metrics = ["gain_window", "B_day_50", "late_gain"]
[metrics.late_gain]
of = "gain_B"
at = 95
[sweep]
design = "sobol"
base_samples = 4
[[sweep.axes]]
key = "managers.role_model_mean"
min = 0.3
max = 0.8
[[sweep.axes]]
key = "arms.coaching.interventions.0.intensity"
min = 0.5
max = 1.5
[sensitivity]
outputs = ["coaching.late_gain", "coaching.gain_window"]
bootstrap = 20
"#;
    let o = undercurrent(&d, &["sweep", "--threads", "2"], "e.toml", experiment);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = d.join("out");
    let (h, rows) = records(&out.join("runs.csv"));
    for c in [
        "baseline.B_day_50",
        "coaching.B_day_50",
        "coaching.gain_window",
        "coaching.late_gain",
    ] {
        assert!(h.contains(&c.to_string()), "{c} in {h:?}");
    }
    assert!(!h.contains(&"baseline.gain_window".to_string()));
    assert_eq!(rows.len(), 4 * 4);
    let sens = std::fs::read_to_string(out.join("sensitivity.csv")).unwrap();
    assert!(sens.contains("coaching,late_gain,") && sens.contains("coaching,gain_window,"));
    let points = std::fs::read_to_string(out.join("points.csv")).unwrap();
    assert!(points.contains(",coaching,late_gain,"));
}

#[test]
fn bad_named_outputs_are_located_errors() {
    let cases = [
        (
            "of = \"B\"\nat = 50",
            "of = \"Bb\"\nat = 50",
            "did you mean `B`",
        ),
        (
            "of = \"B\"\nat = 50",
            "of = \"B\"\nat = 52",
            "a recorded day",
        ),
        (
            "of = \"B\"\nat = 50",
            "of = \"B\"\nat = 50\nfirst_day_above = 0.5",
            "exactly one of",
        ),
        (
            "[metrics.B_day_50]",
            "[metrics.B_mean]",
            "no summary metric has",
        ),
        (
            "of = \"B\"\nat = 50",
            "of = \"B\"\nat = 50\nmode = 1",
            "mode",
        ),
    ];
    for (i, (from, to, says)) in cases.iter().enumerate() {
        let d = dir(&format!("bad-{i}"));
        let o = undercurrent(
            &d,
            &["run", "--no-plots"],
            "s.toml",
            &SCENARIO.replacen(from, to, 1),
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "case {i}: {err}");
        assert!(err.contains(says), "case {i}: {err}");
        assert!(err.contains("s.toml:"), "case {i} located: {err}");
    }
}
