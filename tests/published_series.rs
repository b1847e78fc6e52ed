//! Issue 21, data at agent level: what `run` publishes is enough to recompute its own
//! statistics, and `employees.csv` is streamed to disk without changing a byte.
//!
//! - Durability is computed from the end-of-day state, the state `replications.csv` and
//!   `employees.csv` publish: every row of `durability.csv` (gains, half-lives, effect sizes,
//!   the baseline's drift) is recomputed exactly from those two files.
//! - The streamed `employees.csv` equals the table built in memory from the same run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use undercurrent::experiment::replication::{assemble, ArmOutput};
use undercurrent::experiment::runner::run_scenario;
use undercurrent::experiment::scenario::Scenario;
use undercurrent::metrics::aggregate;
use undercurrent::metrics::economics::Valuation;
use undercurrent::metrics::recorder::RunSeries;
use undercurrent::output::tables;

const HORIZON: i64 = 90;

/// A small organisation recorded every day, with every employee written on every day.
fn scenario() -> String {
    let days: Vec<String> = (0..HORIZON).map(|d| d.to_string()).collect();
    format!(
        r#"
name = "published"
seed = 11
replications = 3
horizon_days = {HORIZON}
burn_in_days = 40
record_every = 1
per_replication = "on"
employee_snapshots = [{}]
[organisation]
employees = 37
team_size = 10
[[arms]]
name = "training"
[[arms.interventions]]
kind = "training"
start = 5
duration = 3
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 10
duration = 40
interval = 5
"#,
        days.join(", ")
    )
}

fn run(name: &str, threads: &str) -> (PathBuf, String) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("published-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let toml = scenario();
    let file = dir.join("scenario.toml");
    std::fs::write(&file, &toml).unwrap();
    let out = dir.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--no-plots", "--threads", threads, "--out"])
        .arg(&out)
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (out, toml)
}

fn rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

/// What `replications.csv` publishes of one arm in one replication, recorded every day.
#[derive(Default)]
struct Published {
    b: Vec<f64>,
    nps: Vec<f64>,
    /// The cumulative costs on the last day: the run's totals.
    cost_interventions: f64,
    cost_rule_breaks: f64,
}

/// Per (arm, replication): the daily mean of B, the NPS and the costs from `replications.csv`.
fn published_means(dir: &Path) -> BTreeMap<(String, usize), Published> {
    let (h, rows) = rows(&dir.join("replications.csv"));
    let (arm, rep, day, metric, value) = (
        col(&h, "arm"),
        col(&h, "replication"),
        col(&h, "day"),
        col(&h, "metric"),
        col(&h, "value"),
    );
    let mut out: BTreeMap<(String, usize), Published> = BTreeMap::new();
    for r in rows {
        let v: f64 = r[value].parse().unwrap_or(f64::NAN);
        let e = out
            .entry((r[arm].clone(), r[rep].parse().unwrap()))
            .or_default();
        let d: usize = r[day].parse().unwrap();
        match r[metric].as_str() {
            "B" => {
                assert_eq!(e.b.len(), d, "one B per day, in day order");
                e.b.push(v)
            }
            "nps" => e.nps.push(v),
            "cost_interventions_cumulative" => e.cost_interventions = v,
            "cost_rule_breaks_cumulative" => e.cost_rule_breaks = v,
            _ => {}
        }
    }
    out
}

/// Per (arm, replication): the daily variance of B across employees from `employees.csv`,
/// summed as the simulation sums (within a team in slot order, then team by team).
fn published_variances(dir: &Path) -> BTreeMap<(String, usize), Vec<f64>> {
    let (h, rows) = rows(&dir.join("employees.csv"));
    let (arm, rep, day, team, b) = (
        col(&h, "arm"),
        col(&h, "replication"),
        col(&h, "day"),
        col(&h, "team"),
        col(&h, "B"),
    );
    // (arm, rep, day) -> per team (n, sum, sum of squares)
    type TeamSums = Vec<(usize, f64, f64)>;
    let mut sums: BTreeMap<(String, usize, usize), TeamSums> = BTreeMap::new();
    for r in rows {
        let key = (
            r[arm].clone(),
            r[rep].parse().unwrap(),
            r[day].parse().unwrap(),
        );
        let t: usize = r[team].parse().unwrap();
        let v: f64 = r[b].parse().unwrap();
        let teams = sums.entry(key).or_default();
        if teams.len() == t {
            teams.push((0, 0.0, 0.0));
        }
        let s = &mut teams[t];
        s.0 += 1;
        s.1 += v;
        s.2 += v * v;
    }
    let mut out: BTreeMap<(String, usize), Vec<f64>> = BTreeMap::new();
    for ((arm, rep, day), teams) in sums {
        let (mut n, mut s, mut s2) = (0usize, 0.0f64, 0.0f64);
        for t in teams {
            n += t.0;
            s += t.1;
            s2 += t.2;
        }
        let n = n.max(1) as f64;
        let mean = s / n;
        let v = out.entry((arm, rep)).or_default();
        assert_eq!(v.len(), day);
        v.push((s2 / n - mean * mean).max(0.0));
    }
    out
}

#[test]
fn durability_is_recomputed_exactly_from_the_published_series() {
    let (dir, toml) = run("recompute", "2");
    let s = Scenario::parse(&toml, "published.toml").unwrap();
    let arms: Vec<String> = s.arms.iter().map(|a| a.name.clone()).collect();
    let means = published_means(&dir);
    let vars = published_variances(&dir);
    let plans = s.plans();
    let results: Vec<_> = (0..s.replications)
        .map(|rep| {
            let outputs = arms
                .iter()
                .map(|arm| {
                    let p = &means[&(arm.clone(), rep)];
                    assert_eq!(p.b.len(), HORIZON as usize);
                    ArmOutput {
                        series: RunSeries {
                            daily_b: p.b.clone(),
                            daily_b_var: vars[&(arm.clone(), rep)].clone(),
                            daily_nps: p.nps.clone(),
                            intervention_cost: p.cost_interventions,
                            rule_break_cost: p.cost_rule_breaks,
                            ..RunSeries::default()
                        },
                        ..ArmOutput::default()
                    }
                })
                .collect();
            assemble(&plans, outputs, (0.0, 0.0), &Valuation::default())
        })
        .collect();
    let rows = aggregate::durability(&results, arms.len());
    let again = dir.join("durability-recomputed.csv");
    tables::write_durability(&again, &arms, &rows).unwrap();
    let published = std::fs::read_to_string(dir.join("durability.csv")).unwrap();
    let recomputed = std::fs::read_to_string(&again).unwrap();
    assert!(published.lines().count() > 40, "{published}");
    for (p, r) in published.lines().zip(recomputed.lines()) {
        assert_eq!(p, r, "durability.csv against the published series");
    }
    assert_eq!(published, recomputed);
}

#[test]
fn streamed_employees_equal_the_table_built_in_memory_on_any_thread_count() {
    let (one, toml) = run("stream-1", "1");
    let (two, _) = run("stream-2", "2");
    let s = Scenario::parse(&toml, "published.toml").unwrap();
    let arms: Vec<String> = s.arms.iter().map(|a| a.name.clone()).collect();
    let in_memory = one.with_file_name("employees-in-memory.csv");
    tables::write_employees(&in_memory, &arms, &run_scenario(&s, &|| {})).unwrap();
    let expected = std::fs::read(&in_memory).unwrap();
    let streamed = std::fs::read(one.join("employees.csv")).unwrap();
    assert_eq!(
        expected.iter().filter(|&&c| c == b'\n').count(),
        1 + 3 * 37 * HORIZON as usize * 3,
        "a row per arm, replication, day and employee under one header"
    );
    assert!(
        streamed == expected,
        "streamed employees.csv differs from the in-memory table"
    );
    assert!(std::fs::read(two.join("employees.csv")).unwrap() == expected);
    assert!(
        !one.join("employees.parts").exists(),
        "the part files are gone once joined"
    );
}
