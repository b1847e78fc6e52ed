//! Team- and agent-level data in sweeps (issue 21): a base scenario's `teams = true` and
//! employee snapshots are kept in a sweep. Every run's team rows and snapshots are those
//! `undercurrent run` writes for the point's scenario (same seeds, common random numbers),
//! keyed by point, replication and the axes; the joined `teams.csv` and `employees.csv` are
//! byte-identical whatever the threads, shards or kills; an absurd size is refused before
//! the first run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

mod common;
use common::cli::{bin, csv_rows, ok, sweep};

/// The base scenario, with the manager's role-model mean to fill in (`{rm}`).
const SCENARIO: &str = r#"
seed = 7
replications = 2
horizon_days = 60
burn_in_days = 20
record_every = 10
teams = true
employee_snapshots = [0, 35]
[organisation]
employees = 23
team_size = 10
[managers]
role_model_mean = {rm}
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 5
duration = 40
interval = 5
"#;

const VALUES: [&str; 2] = ["0.3", "0.6"];

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uc-sweep-teams-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The experiment: `SCENARIO` inline, a grid over `VALUES` of the role-model mean.
const EXPERIMENT: &str = r#"
name = "team-data"
seed = 7
replications = 2
[scenario]
horizon_days = 60
burn_in_days = 20
record_every = 10
teams = true
employee_snapshots = [0, 35]
[scenario.organisation]
employees = 23
team_size = 10
[[scenario.arms]]
name = "coaching"
[[scenario.arms.interventions]]
kind = "coaching"
start = 5
duration = 40
interval = 5
[sweep]
design = "grid"
[[sweep.axes]]
key = "managers.role_model_mean"
name = "rm"
values = [0.3, 0.6]
"#;

fn experiment(dir: &Path) -> PathBuf {
    let path = dir.join("exp.toml");
    std::fs::write(&path, EXPERIMENT).unwrap();
    path
}

fn same(a: &Path, b: &Path, files: &[&str]) {
    for f in files {
        let (x, y) = (
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
        );
        assert!(
            x == y,
            "{f} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

#[test]
fn every_run_writes_the_team_rows_and_snapshots_run_writes_for_its_point() {
    let dir = tmp("points");
    let exp = experiment(&dir);
    let (one, two) = (dir.join("t1"), dir.join("t2"));
    let o = sweep(&exp, &one, &["--threads", "1"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!said.contains("`teams`"), "{said}");
    assert!(!said.contains("`employee_snapshots`"), "{said}");
    sweep(&exp, &two, &["--threads", "2"]);
    same(&one, &two, &["teams.csv", "employees.csv", "runs.csv"]);
    for d in [&one, &two] {
        assert!(!d.join("teams.runs").exists() && !d.join("employees.runs").exists());
    }
    let manifest = std::fs::read_to_string(one.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"teams.csv\"") && manifest.contains("\"employees.csv\""));

    let (th, teams) = csv_rows(&one.join("teams.csv"));
    let (eh, employees) = csv_rows(&one.join("employees.csv"));
    assert_eq!(
        &th[..6],
        ["point", "replication", "rm", "arm", "team", "day"]
    );
    assert_eq!(
        &eh[..7],
        [
            "point",
            "replication",
            "rm",
            "arm",
            "day",
            "team",
            "employee"
        ]
    );
    // Every run has rows: 2 points × 2 replications × 2 arms × 3 teams × 7 recorded days,
    // and 2 × 2 × 2 × 23 employees × 2 snapshot days.
    assert_eq!(teams.len(), 2 * 2 * 2 * 3 * 7);
    assert_eq!(employees.len(), 2 * 2 * 2 * 23 * 2);
    let runs: BTreeSet<(&str, &str)> = teams
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(runs.len(), 4);

    // The rows of point p are run's rows for the point's scenario: drop `point` and the
    // axis, put `replication` back after `arm`.
    let as_run = |r: &Vec<String>| {
        let mut v = vec![r[3].clone(), r[1].clone()];
        v.extend(r[4..].iter().cloned());
        v
    };
    for (p, rm) in VALUES.iter().enumerate() {
        let scenario = dir.join(format!("point{p}.toml"));
        std::fs::write(&scenario, SCENARIO.replace("{rm}", rm)).unwrap();
        let out = dir.join(format!("run{p}"));
        ok(bin()
            .args(["run", "--no-plots", "--threads", "2", "--out"])
            .arg(&out)
            .arg(&scenario));
        for (file, sweep_rows) in [("teams.csv", &teams), ("employees.csv", &employees)] {
            let (_, run_rows) = csv_rows(&out.join(file));
            let mut want: Vec<Vec<String>> = run_rows;
            let mut got: Vec<Vec<String>> = sweep_rows
                .iter()
                .filter(|r| r[0] == p.to_string())
                .inspect(|r| assert_eq!(r[2], *rm))
                .map(as_run)
                .collect();
            want.sort();
            got.sort();
            assert_eq!(got.len(), want.len(), "{file} of point {p}");
            assert!(got == want, "{file} of point {p} differs from run's");
        }
    }
}

#[test]
fn shards_merge_to_the_same_team_and_employee_tables() {
    let dir = tmp("shards");
    let exp = experiment(&dir);
    let whole = dir.join("whole");
    sweep(&exp, &whole, &["--threads", "2"]);
    let (a, b, merged) = (dir.join("s1"), dir.join("s2"), dir.join("merged"));
    sweep(&exp, &a, &["--shard", "1/2", "--threads", "1"]);
    sweep(&exp, &b, &["--shard", "2/2", "--threads", "2"]);
    // A shard keeps its runs' files for the merge.
    assert!(a.join("teams.runs").join("run_0.csv").exists());
    assert!(b.join("employees.runs").join("run_2.csv").exists());
    ok(bin().arg("merge").arg("--out").arg(&merged).arg(&a).arg(&b));
    same(&whole, &merged, &["teams.csv", "employees.csv", "runs.csv"]);
}

fn journal_lines(dir: &Path) -> usize {
    std::fs::read(dir.join("runs.journal"))
        .map(|b| b.iter().filter(|&&c| c == b'\n').count())
        .unwrap_or(0)
}

#[test]
fn a_killed_sweep_resumes_to_the_same_team_and_employee_tables() {
    let dir = tmp("resume");
    // The resume fixture (600 runs, a few seconds) with team rows and one snapshot day.
    let text = std::fs::read_to_string("tests/fixtures/sweep_resume.toml")
        .unwrap()
        .replace(
            "record_every = 20\n",
            "record_every = 20\nteams = true\nemployee_snapshots = [100]\n",
        );
    assert!(text.contains("teams = true"));
    let exp = dir.join("exp.toml");
    std::fs::write(&exp, text).unwrap();
    let (whole, killed) = (dir.join("whole"), dir.join("killed"));
    sweep(&exp, &whole, &["--threads", "2"]);

    let mut child = bin()
        .arg("sweep")
        .arg(&exp)
        .arg("--out")
        .arg(&killed)
        .args(["--threads", "2"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while journal_lines(&killed) < 40 {
        assert!(t0.elapsed() < Duration::from_secs(120), "no progress");
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the sweep ended ({status}) before it could be killed");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let done = journal_lines(&killed);
    assert!(done < 600, "killed too late ({done} runs)");
    assert!(!killed.join("teams.csv").exists());
    // A run not in the journal with a damaged file of its own (as a kill between the file
    // and the journal line could leave, or a disk error): computed again, overwritten.
    let journal = std::fs::read_to_string(killed.join("runs.journal")).unwrap();
    let journaled: BTreeSet<usize> = journal
        .lines()
        .map(|l| l.split('\t').next().unwrap().parse().unwrap())
        .collect();
    let stale = (0..600).find(|r| !journaled.contains(r)).unwrap();
    std::fs::write(
        killed.join("teams.runs").join(format!("run_{stale}.csv")),
        "damaged\n",
    )
    .unwrap();

    sweep(&exp, &killed, &["--threads", "1", "--resume"]);
    same(&whole, &killed, &["teams.csv", "employees.csv", "runs.csv"]);
    assert!(!killed.join("teams.runs").exists());
    let (_, teams) = csv_rows(&killed.join("teams.csv"));
    // 600 runs × 2 arms × 4 teams × 11 recorded days (every 20th and the last).
    assert_eq!(teams.len(), 600 * 2 * 4 * 11);
}

#[test]
fn a_sweep_whose_agent_rows_would_not_fit_is_refused_before_it_runs() {
    let dir = tmp("budget");
    let text = std::fs::read_to_string("tests/fixtures/sweep_resume.toml")
        .unwrap()
        .replace(
            "record_every = 20\n",
            "record_every = 20\nemployee_snapshot_every = 1\n",
        )
        .replace("employees = 40", "employees = 20000");
    let exp = dir.join("exp.toml");
    std::fs::write(&exp, &text).unwrap();
    let out = dir.join("out");
    let o = bin()
        .arg("sweep")
        .arg(&exp)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("employee_snapshot_every"), "{err}");
    let line = text
        .lines()
        .position(|l| l.starts_with("employee_snapshot_every"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("exp.toml:{line}:")), "{err}");
    assert!(err.contains("GiB") || err.contains("TiB"), "{err}");
    assert!(!out.join("runs.journal").exists());
    assert!(!err.contains("panicked"), "{err}");
}
