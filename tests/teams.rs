//! `teams.csv` (issue 21, data at team level): with `teams = true` a run writes every team's
//! state means, recognition, customers and rule breaks and its manager's role-model level,
//! per arm, replication and recorded day. The organisation is the sum of its teams: weighted
//! by head count, the teams' means are the organisation's means in `replications.csv`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use undercurrent::text::Lang;

const SCENARIO: &str = r#"
name = "teams"
seed = 5
replications = 3
horizon_days = 60
burn_in_days = 30
record_every = 10
per_replication = "on"
teams = true
[organisation]
employees = 47
team_size = 10
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 5
duration = 40
interval = 5
"#;

fn fresh(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("teams-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, toml: &str, threads: &str) -> PathBuf {
    let file = dir.join("scenario.toml");
    std::fs::write(&file, toml).unwrap();
    let out = dir.join(format!("out-{threads}"));
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--no-plots", "--threads", threads, "--out"])
        .arg(&out)
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn table(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn team_means_weighted_by_head_count_are_the_organisation_means() {
    let dir = fresh("weighted");
    let out = run(&dir, SCENARIO, "2");
    let (header, rows) = table(&out.join("teams.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        &header[..5],
        ["arm", "replication", "team", "day", "employees"]
    );
    assert_eq!(header.last().unwrap(), "role_model");
    // 47 employees in teams of 10: five teams, the last of seven.
    let teams: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r[col("team")].as_str()).collect();
    assert_eq!(teams.len(), 5);

    // (arm, replication, day) → (head count, Σ head count × mean) per state.
    let states = ["B", "K", "A", "N", "H", "E", "U", "P", "recognition_share"];
    let mut sums: BTreeMap<(String, String, String), (f64, Vec<f64>)> = BTreeMap::new();
    for r in &rows {
        let n: f64 = r[col("employees")].parse().unwrap();
        let e = sums
            .entry((r[0].clone(), r[1].clone(), r[3].clone()))
            .or_insert((0.0, vec![0.0; states.len()]));
        e.0 += n;
        for (k, s) in states.iter().enumerate() {
            e.1[k] += n * r[col(s)].parse::<f64>().unwrap();
        }
        let level: f64 = r[col("role_model")].parse().unwrap();
        assert!((0.0..=1.0).contains(&level), "a role-model level: {level}");
    }
    let (_, reps) = table(&out.join("replications.csv"));
    let mut checked = 0;
    for r in &reps {
        let (arm, rep, day, metric, value) = (&r[0], &r[1], &r[2], &r[3], &r[4]);
        let Some((n, weighted)) = sums.get(&(arm.clone(), rep.clone(), day.clone())) else {
            continue;
        };
        let value: f64 = match value.parse() {
            Ok(v) => v,
            Err(_) => continue, // NA: a gain on the baseline, a rate without contacts
        };
        if metric == "employees" {
            assert_eq!(*n, value, "head counts add up ({arm} {rep} day {day})");
            checked += 1;
        } else if let Some(k) = states.iter().position(|s| s == metric) {
            let mean = weighted[k] / n;
            assert!(
                (mean - value).abs() <= 1e-9 * value.abs().max(1.0),
                "{metric} of {arm}, replication {rep}, day {day}: teams {mean} against {value}"
            );
            checked += 1;
        }
    }
    // Two arms × three replications × seven recorded days × (head count + nine states).
    assert_eq!(checked, 2 * 3 * 7 * 10);
}

#[test]
fn teams_csv_is_the_same_on_one_thread_and_two_and_absent_unless_asked_for() {
    let dir = fresh("threads");
    let one = run(&dir, SCENARIO, "1");
    let two = run(&dir, SCENARIO, "2");
    assert_eq!(
        std::fs::read(one.join("teams.csv")).unwrap(),
        std::fs::read(two.join("teams.csv")).unwrap()
    );
    let manifest = std::fs::read_to_string(two.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"teams.csv\""));

    // Off by default: no file, and the other outputs are exactly those of a run with it.
    let plain = fresh("plain");
    let off = run(&plain, &SCENARIO.replace("teams = true\n", ""), "2");
    assert!(!off.join("teams.csv").exists());
    for f in ["timeseries.csv", "durability.csv", "replications.csv"] {
        assert_eq!(
            std::fs::read(off.join(f)).unwrap(),
            std::fs::read(two.join(f)).unwrap(),
            "{f}: recording teams changes nothing else"
        );
    }
}

/// The team chart: drawn from `teams.csv` when the run wrote one, in the report in a section
/// of its own, with replication 1's squares taking their values from the file.
#[test]
fn a_run_with_teams_has_a_team_chart_in_its_report_and_one_without_has_none() {
    use undercurrent::plot::{available_charts, data::load_run_dir, render_svg_string, ChartKind};
    let dir = fresh("chart");
    let with = run(&dir, SCENARIO, "2");
    let data = load_run_dir(&with).unwrap();
    assert!(available_charts(&data).contains(&ChartKind::Teams));
    let grid = data.teams.as_ref().unwrap();
    assert_eq!(grid.replications, 3);
    assert_eq!(grid.arms.len(), 2, "baseline and coaching");
    assert_eq!(grid.team_count(), 5, "47 employees in teams of 10");
    // A square's hover names the value teams.csv has for that team and day.
    let (header, rows) = table(&with.join("teams.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = rows
        .iter()
        .find(|r| {
            r[col("arm")] == "coaching"
                && r[col("replication")] == "0"
                && r[col("team")] == "4"
                && r[col("day")] == "59"
        })
        .expect("coaching's last team on the last day");
    let b: f64 = row[col("B")].parse().unwrap();
    let svg = render_svg_string(&data, &ChartKind::Teams, Lang::En).unwrap();
    let hover = format!("coaching, team 5, day 59: B {b:.3}");
    assert!(svg.contains(&hover), "{hover} in {svg}");
    let report =
        undercurrent::report::html::render_report(undercurrent::text::Lang::En, &with).unwrap();
    assert!(report.contains("<h2>Teams</h2>"));
    assert!(report.contains("data-stem=\"teams_B\"") || report.contains("teams_B"));

    let plain = fresh("chart-plain");
    let without = run(&plain, &SCENARIO.replace("teams = true\n", ""), "2");
    let data = load_run_dir(&without).unwrap();
    assert!(data.teams.is_none());
    assert!(!available_charts(&data).contains(&ChartKind::Teams));
}
