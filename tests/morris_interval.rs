//! Morris μ* with a bootstrap interval (issue 21, "sensitivity a reviewer accepts"): a Morris
//! sweep's `sensitivity.csv` gives every `mu_star` a 95% interval that contains it, the same
//! bytes on every run, while `mu` and `sigma` stay without one.

use std::path::PathBuf;
use std::process::Command;

const EXPERIMENT: &str = r#"
name = "tiny_morris"
seed = 9
replications = 2

[scenario]
horizon_days = 100
burn_in_days = 30
record_every = 25
[scenario.organisation]
employees = 12
team_size = 6
[[scenario.arms]]
name = "training"
[[scenario.arms.interventions]]
kind = "training"
start = 5
duration = 2

[sweep]
design = "morris"
trajectories = 8
levels = 4
[[sweep.axes]]
key = "managers.role_model_mean"
min = 0.2
max = 0.8
[[sweep.axes]]
key = "effects.training_awareness"
min = 0.1
max = 0.6

[sensitivity]
outputs = ["training.peak_gain_B", "B_mean"]
bootstrap = 300
"#;

fn sweep(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("morris-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("morris.toml"), EXPERIMENT).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["sweep", "--threads", "2", "--out"])
        .arg(dir.join("out"))
        .arg(dir.join("morris.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(dir.join("out/sensitivity.csv")).unwrap()
}

#[test]
fn every_mu_star_has_a_bootstrap_interval_that_contains_it() {
    let csv = sweep("a");
    let mut mu_stars = 0;
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (index, est, lo, hi) = (f[3], f[4], f[5], f[6]);
        match index {
            "mu_star" => {
                let (est, lo, hi): (f64, f64, f64) = (
                    est.parse().unwrap(),
                    lo.parse().unwrap(),
                    hi.parse().unwrap(),
                );
                assert!(lo <= est && est <= hi, "{line}");
                mu_stars += 1;
            }
            "mu" | "sigma" => assert_eq!((lo, hi), ("NA", "NA"), "{line}"),
            other => panic!("unexpected index {other}"),
        }
    }
    // Two parameters × three outputs: training's peak gain, B_mean of baseline and training.
    assert_eq!(mu_stars, 6);
    assert_eq!(sweep("b"), csv, "the interval is reproducible");
}
