//! `windows = [[first, last], ...]` makes `run` write `windows.csv`: every metric averaged
//! over a window of recorded days, per arm and as the paired difference from the baseline,
//! so that figures such as "rule breaks per 1000 contacts in days 100-300" come from a file
//! the tool writes, not from reading `timeseries.csv` by hand (issue 19).

use std::path::PathBuf;
use std::process::Command;

const SCENARIO: &str = r#"
name = "windowed"
seed = 11
replications = 4
horizon_days = 120
burn_in_days = 60
windows = [[20, 60], [119, 119]]
[organisation]
employees = 40
team_size = 8
[[arms]]
name = "sanctions"
[[arms.interventions]]
kind = "sanctions"
start = 10
duration = 60
interval = 10
"#;

fn fresh(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &std::path::Path, text: &str) -> std::process::Output {
    let file = dir.join("scenario.toml");
    std::fs::write(&file, text).unwrap();
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .arg("run")
        .arg(&file)
        .args(["--no-plots", "--out"])
        .arg(dir.join("out"))
        .output()
        .unwrap()
}

/// `(arm, first, last, metric, quantity) -> mean` from `windows.csv`.
fn rows(csv: &str) -> Vec<(Vec<String>, f64)> {
    csv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<String> = l.split(',').map(String::from).collect();
            let mean = f[5].parse().unwrap_or(f64::NAN);
            (f[..5].to_vec(), mean)
        })
        .collect()
}

#[test]
fn a_window_mean_is_the_mean_of_the_recorded_days_in_it() {
    let dir = fresh("windows-mean");
    let out = run(&dir, SCENARIO);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(dir.join("out/windows.csv")).unwrap();
    assert!(csv.starts_with("arm,first_day,last_day,metric,quantity,mean,sd,ci_lo,ci_hi,n\n"));
    let w = rows(&csv);
    // The mean over replications of per-replication window means equals the mean over the
    // window's recorded days of the per-day means in timeseries.csv (both are linear).
    let ts = std::fs::read_to_string(dir.join("out/timeseries.csv")).unwrap();
    for arm in ["baseline", "sanctions"] {
        let days: Vec<f64> = ts
            .lines()
            .filter(|l| l.starts_with(&format!("{arm},")))
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                let day: i64 = f[1].parse().unwrap();
                (f[2] == "rule_breaks_per_1000" && (20..=60).contains(&day))
                    .then(|| f[3].parse::<f64>().unwrap())
            })
            .collect();
        assert_eq!(days.len(), 9, "recorded days 20, 25, ..., 60");
        let want = days.iter().sum::<f64>() / days.len() as f64;
        let got = w
            .iter()
            .find(|(k, _)| {
                k[0] == arm
                    && k[1] == "20"
                    && k[2] == "60"
                    && k[3] == "rule_breaks_per_1000"
                    && k[4] == "level"
            })
            .unwrap()
            .1;
        assert!(
            (got - want).abs() < 1e-9 * want.abs().max(1.0),
            "{arm}: {got} vs {want}"
        );
    }
}

#[test]
fn intervention_arms_get_the_paired_difference_and_the_baseline_does_not() {
    let dir = fresh("windows-diff");
    let out = run(&dir, SCENARIO);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let w = rows(&std::fs::read_to_string(dir.join("out/windows.csv")).unwrap());
    let get = |arm: &str, q: &str| {
        w.iter()
            .find(|(k, _)| {
                k[0] == arm && k[1] == "20" && k[3] == "rule_breaks_per_1000" && k[4] == q
            })
            .map(|x| x.1)
    };
    assert!(get("baseline", "vs_baseline").is_none());
    let (lvl, base, diff) = (
        get("sanctions", "level").unwrap(),
        get("baseline", "level").unwrap(),
        get("sanctions", "vs_baseline").unwrap(),
    );
    assert!(
        (diff - (lvl - base)).abs() < 1e-9,
        "{diff} vs {lvl} - {base}"
    );
    // Sanctions while they run cut rule breaks.
    assert!(diff < 0.0, "sanctions change rule breaks by {diff}");
    // A one-day window on the last recorded day is allowed.
    assert!(w.iter().any(|(k, _)| k[1] == "119" && k[2] == "119"));
}

#[test]
fn a_window_outside_the_horizon_is_a_located_error_before_any_simulation() {
    let dir = fresh("windows-bad");
    let text = SCENARIO.replace("[119, 119]", "[100, 130]");
    let out = run(&dir, &text);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("windows[1]"), "{err}");
    assert!(err.contains("scenario.toml:7:22"), "{err}");
    assert!(err.contains("119"), "{err}");
    assert!(!dir.join("out/manifest.json").exists());
}
