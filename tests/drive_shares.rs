//! A swept drive-mix weight is recorded as the share the model ran with (issue 21): the
//! default mix's weights sum to 1, so a red weight of 3.0 is a share of 3.0 / 3.9.

use std::path::PathBuf;
use std::process::Command;

const EXPERIMENT: &str = r#"
name = "mix"
seed = 3
replications = 2
[scenario]
horizon_days = 60
burn_in_days = 20
[scenario.organisation]
employees = 20
team_size = 10
[[scenario.arms]]
name = "coaching"
[[scenario.arms.interventions]]
kind = "coaching"
start = 5
duration = 20
[sweep]
design = "list"
[[sweep.axes]]
key = "organisation.drive_mix.red"
values = [0.1, 3.0]
"#;

#[test]
fn a_swept_drive_weight_is_recorded_as_the_share_that_was_simulated() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("drive-shares");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mix.toml"), EXPERIMENT).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["sweep", "--threads", "2", "--out"])
        .arg(dir.join("out"))
        .arg(dir.join("mix.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let share = |file: &str, point: &str, col: usize| -> f64 {
        let text = std::fs::read_to_string(dir.join("out").join(file)).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{point},")))
            .unwrap()
            .to_string();
        line.split(',').nth(col).unwrap().parse().unwrap()
    };
    // The default mix sums to 1: a weight of 0.1 is a share of 0.1, 3.0 one of 3.0 / 3.9.
    assert!((share("points.csv", "0", 1) - 0.1).abs() < 1e-12);
    assert!((share("points.csv", "1", 1) - 3.0 / 3.9).abs() < 1e-12);
    // runs.csv: point, replication, then the axes.
    assert!((share("runs.csv", "1", 2) - 3.0 / 3.9).abs() < 1e-12);
}
