//! Per-run series in sweeps (issue 21): `run_series = true` writes every run's own time
//! series (`run_series.csv`, one row per run, arm, recorded day and metric), the rows whose
//! mean over replications is `timeseries.csv`. The file is byte-identical whatever the
//! threads, kills or shards, and an experiment that does not ask for it keeps its identity.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;
use common::cli::{bin, csv_rows, ok, sweep};

/// Two sectors × 3 replications, with both the means and the runs' own series; the Python
/// package's tests sweep the same file.
const EXPERIMENT: &str = include_str!("fixtures/sweep_run_series.toml");

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uc-run-series-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("exp.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_mean_of_the_runs_series_over_replications_is_timeseries_csv() {
    let dir = tmp("means");
    let out = dir.join("out");
    sweep(&write(&dir, EXPERIMENT), &out, &["--threads", "2"]);
    let (header, runs) = csv_rows(&out.join("run_series.csv"));
    assert_eq!(
        header,
        [
            "point",
            "replication",
            "sector",
            "arm",
            "day",
            "metric",
            "value"
        ]
    );
    // 2 points × 3 replications × 7 recorded days × (baseline: B, nps; coaching: B, nps,
    // gain_B).
    assert_eq!(runs.len(), 2 * 3 * 7 * (2 + 3));
    let mut by_cell: BTreeMap<(String, String, String, String), Vec<f64>> = BTreeMap::new();
    for r in &runs {
        let key = (r[0].clone(), r[3].clone(), r[4].clone(), r[5].clone());
        by_cell.entry(key).or_default().push(r[6].parse().unwrap());
    }
    let (_, means) = csv_rows(&out.join("timeseries.csv"));
    assert_eq!(means.len(), by_cell.len());
    for m in &means {
        let key = (m[0].clone(), m[1].clone(), m[2].clone(), m[3].clone());
        let values = &by_cell[&key];
        assert_eq!(values.len(), 3, "{key:?}");
        let mean = values.iter().sum::<f64>() / 3.0;
        let published: f64 = m[4].parse().unwrap();
        assert!(
            (mean - published).abs() <= 1e-12 * published.abs().max(1.0),
            "{key:?}: runs average {mean}, timeseries.csv says {published}"
        );
    }
    // The paired gain of a run is its arm's B minus the baseline's B in the same run.
    let value = |p: &str, r: &str, arm: &str, day: &str, metric: &str| -> f64 {
        runs.iter()
            .find(|x| x[0] == p && x[1] == r && x[3] == arm && x[4] == day && x[5] == metric)
            .unwrap()[6]
            .parse()
            .unwrap()
    };
    let gain = value("1", "2", "coaching", "50", "gain_B");
    let diff = value("1", "2", "coaching", "50", "B") - value("1", "2", "baseline", "50", "B");
    assert!((gain - diff).abs() < 1e-12, "{gain} vs {diff}");
    assert!(gain.abs() > 0.0, "coaching changes B by day 50");
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"run_series.csv\""));
}

#[test]
fn run_series_is_the_same_bytes_for_any_threads_and_after_shards_merge() {
    let dir = tmp("bytes");
    let exp = write(&dir, EXPERIMENT);
    let (one, two) = (dir.join("t1"), dir.join("t2"));
    sweep(&exp, &one, &["--threads", "1"]);
    sweep(&exp, &two, &["--threads", "2"]);
    assert!(read(&one.join("run_series.csv")) == read(&two.join("run_series.csv")));
    let (a, b, merged) = (dir.join("s1"), dir.join("s2"), dir.join("merged"));
    sweep(&exp, &a, &["--shard", "1/2", "--threads", "1"]);
    sweep(&exp, &b, &["--shard", "2/2", "--threads", "2"]);
    ok(bin().arg("merge").arg("--out").arg(&merged).arg(&a).arg(&b));
    assert!(read(&one.join("run_series.csv")) == read(&merged.join("run_series.csv")));
}

#[test]
fn run_series_alone_keeps_the_runs_rows_without_the_means() {
    let dir = tmp("alone");
    let out = dir.join("out");
    let text = EXPERIMENT.replace("timeseries = true\n", "");
    sweep(&write(&dir, &text), &out, &["--threads", "2"]);
    assert!(!out.join("timeseries.csv").exists());
    let (_, runs) = csv_rows(&out.join("run_series.csv"));
    assert_eq!(runs.len(), 2 * 3 * 7 * (2 + 3));
}

#[test]
fn an_experiment_without_run_series_keeps_its_identity_and_writes_no_rows() {
    let dir = tmp("identity");
    let hash = |text: &str, name: &str| -> String {
        let out = dir.join(name);
        sweep(&write(&dir, text), &out, &["--threads", "2"]);
        assert!(!out.join("run_series.csv").exists());
        let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
        let experiment = std::fs::read_to_string(out.join("experiment.toml")).unwrap();
        assert!(!experiment.contains("run_series"), "{experiment}");
        let at = manifest.find("\"experiment_hash\"").unwrap();
        manifest[at..].lines().next().unwrap().to_string()
    };
    let without = EXPERIMENT.replace("run_series = true\n", "");
    let written_false = EXPERIMENT.replace("run_series = true\n", "run_series = false\n");
    assert_eq!(hash(&without, "without"), hash(&written_false, "false"));
}

#[test]
fn a_misspelt_series_metric_is_refused_when_only_run_series_asks_for_series() {
    let dir = tmp("misspelt");
    let text = EXPERIMENT
        .replace("timeseries = true\n", "")
        .replace("\"nps\", \"gain_B\"", "\"nsp\"");
    let o = bin()
        .arg("sweep")
        .arg(write(&dir, &text))
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("timeseries_metrics[1]") && err.contains("did you mean `nps`?"));
}

#[test]
fn a_base_asking_for_per_replication_series_is_pointed_to_run_series() {
    let dir = tmp("hint");
    let said = |text: &str, name: &str| -> String {
        let o = sweep(&write(&dir, text), &dir.join(name), &["--threads", "2"]);
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let asking = EXPERIMENT.replace("[scenario]\n", "[scenario]\nper_replication = true\n");
    let without = said(&asking.replace("run_series = true\n", ""), "without");
    assert!(
        without.contains("`per_replication` is not written"),
        "{without}"
    );
    assert!(without.contains("`run_series = true`"), "{without}");
    let with = said(&asking, "with");
    assert!(with.contains("`per_replication` is not written"), "{with}");
    assert!(!with.contains("`run_series = true`"), "{with}");
}
