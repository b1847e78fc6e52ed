//! Sweeps through the real binary: thread-count independence, agreement with `run`, shards
//! and merge, the sensitivity command, and refusals of bad input (exit code 2, no panic).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uc-sweep-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn ok(args: &[&str]) -> Output {
    let o = run(args);
    assert!(
        o.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn p(x: &Path) -> &str {
    x.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn same(a: &Path, b: &Path, files: &[&str]) {
    for f in files {
        let x = std::fs::read(a.join(f)).unwrap_or_else(|e| panic!("{f} in {a:?}: {e}"));
        let y = std::fs::read(b.join(f)).unwrap_or_else(|e| panic!("{f} in {b:?}: {e}"));
        assert!(!x.is_empty());
        assert!(x == y, "{f} differs between {a:?} and {b:?}");
    }
}

const GRID_FILES: [&str; 4] = ["runs.csv", "points.csv", "manifest.json", "experiment.toml"];
const SOBOL_FILES: [&str; 5] = [
    "runs.csv",
    "points.csv",
    "sensitivity.csv",
    "manifest.json",
    "experiment.toml",
];

#[test]
fn one_and_two_threads_write_identical_files() {
    let base = tmp("threads");
    let (a, b) = (base.join("t1"), base.join("t2"));
    let exp = "tests/fixtures/sweep_grid.toml";
    ok(&["sweep", exp, "--out", p(&a), "--threads", "1"]);
    ok(&["sweep", exp, "--out", p(&b), "--threads", "2"]);
    same(&a, &b, &GRID_FILES);
    // A row per run, in run order, with every swept parameter and summary metric.
    let runs = std::fs::read_to_string(a.join("runs.csv")).unwrap();
    let mut lines = runs.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(
        &header[..4],
        &[
            "point",
            "replication",
            "managers.role_model_mean",
            "coaching_interval"
        ]
    );
    assert!(header.contains(&"coaching.half_life_days_B"));
    assert!(header.contains(&"baseline.drift_B"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 6 * 3);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.len(), header.len());
        assert_eq!(
            (r[0], r[1]),
            ((i / 3).to_string().as_str(), (i % 3).to_string().as_str())
        );
    }
    assert_eq!((rows[3][2], rows[3][3]), ("0.3", "10"));
    // The manifest reads back through the one typed reader the charts and report use.
    let m = undercurrent::output::manifest::read_manifest(&a)
        .unwrap()
        .unwrap();
    assert_eq!(m.kind.as_deref(), Some("sweep"));
    assert_eq!(m.name.as_deref(), Some("tiny_grid"));
    // The build's uncommitted changes are recorded whenever its commit is (a git checkout).
    assert_eq!(
        m.git_dirty.is_some(),
        m.git_commit.as_deref().is_some_and(|c| !c.is_empty())
    );
    assert_eq!(m.design.as_deref(), Some("grid"));
    assert_eq!(
        (m.points, m.replications, m.runs),
        (Some(6), Some(3), Some(18))
    );
    let axes: Vec<_> = m
        .axes
        .iter()
        .map(|x| (x.key.as_deref(), x.min, x.max))
        .collect();
    assert_eq!(
        axes,
        [
            (Some("managers.role_model_mean"), Some(0.3), Some(0.6)),
            (
                Some("arms.coaching.interventions.0.interval"),
                Some(5.0),
                Some(15.0)
            )
        ]
    );
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_point_equal_to_the_base_scenario_reproduces_run() {
    // Common random numbers across points: replication r of every point has the seed
    // `run` gives replication r, so the point's durability summary equals `run`'s.
    let base = tmp("vs-run");
    std::fs::create_dir_all(&base).unwrap();
    let src = std::fs::read_to_string("tests/fixtures/sweep_grid.toml")
        .unwrap()
        .replace("values = [0.3, 0.6]", "values = [0.45, 0.3]")
        .replace(
            "[scenario.organisation]",
            "[scenario.managers]\nrole_model_mean = 0.45\n[scenario.organisation]",
        )
        .replace("range = { from = 5, to = 15, step = 5 }", "values = [5]")
        .replace("design = \"grid\"", "design = \"list\"")
        .replace("values = [5]", "values = [5, 5]");
    let exp_path = base.join("exp.toml");
    std::fs::write(&exp_path, &src).unwrap();
    let sweep = base.join("sweep");
    ok(&["sweep", p(&exp_path), "--out", p(&sweep)]);
    // The resolved scenario the sweep ran, as a scenario file for `run`.
    let resolved: toml::Table = std::fs::read_to_string(sweep.join("experiment.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let scenario = toml::to_string(resolved["scenario"].as_table().unwrap()).unwrap();
    let sc_path = base.join("scenario.toml");
    std::fs::write(&sc_path, scenario).unwrap();
    let run_dir = base.join("run");
    ok(&["run", p(&sc_path), "--out", p(&run_dir)]);
    let durability = std::fs::read_to_string(run_dir.join("durability.csv")).unwrap();
    let points = std::fs::read_to_string(sweep.join("points.csv")).unwrap();
    let mut compared = 0;
    for row in durability.lines().skip(1) {
        // arm,metric,mean,sd,ci_lo,ci_hi,n  vs  point,<2 axes>,arm,metric,mean,...
        let want = format!("0,0.45,5,{row}");
        assert!(
            points.lines().any(|l| l == want),
            "no points.csv row {want}"
        );
        compared += 1;
    }
    // Two baseline rows and 22 durability metrics (the three valuation rows only with
    // `[economics]`).
    assert_eq!(compared, 2 + 22);
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn three_shards_merge_into_the_single_machine_files() {
    let base = tmp("shards");
    let exp = "tests/fixtures/sweep_sobol.toml";
    let single = base.join("single");
    ok(&["sweep", exp, "--out", p(&single), "--threads", "2"]);
    let shards: Vec<PathBuf> = (1..=3).map(|i| base.join(format!("s{i}"))).collect();
    for (i, d) in shards.iter().enumerate() {
        let spec = format!("{}/3", i + 1);
        ok(&[
            "sweep",
            exp,
            "--shard",
            &spec,
            "--out",
            p(d),
            "--threads",
            "1",
        ]);
        assert!(!d.join("runs.csv").exists(), "a shard only journals");
    }
    // Shards are disjoint and cover every run.
    let lines: usize = shards
        .iter()
        .map(|d| {
            std::fs::read_to_string(d.join("runs.journal"))
                .unwrap()
                .lines()
                .count()
        })
        .sum();
    assert_eq!(lines, 40 * 2);
    let merged = base.join("merged");
    ok(&[
        "merge",
        "--out",
        p(&merged),
        p(&shards[2]),
        p(&shards[0]),
        p(&shards[1]),
    ]);
    same(&single, &merged, &SOBOL_FILES);

    // `sensitivity DIR` recomputes the same file from runs.csv.
    let before = std::fs::read(merged.join("sensitivity.csv")).unwrap();
    ok(&["sensitivity", p(&merged)]);
    assert_eq!(
        std::fs::read(merged.join("sensitivity.csv")).unwrap(),
        before
    );
    let o = ok(&[
        "sensitivity",
        p(&merged),
        "--outputs",
        "training.peak_gain_B",
        "--bootstrap",
        "50",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 outputs x 3 parameters"));
    let sens = std::fs::read_to_string(merged.join("sensitivity.csv")).unwrap();
    assert_eq!(sens.lines().count(), 1 + 3 * 2);

    // A missing shard is named.
    let o = run(&[
        "merge",
        "--out",
        p(&base.join("m2")),
        p(&shards[0]),
        p(&shards[2]),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("shard 2/3 is missing"),
        "{}",
        stderr(&o)
    );

    // A shard path that does not exist, or is a file, is named as such (exit 2).
    let file = base.join("not_a_dir");
    std::fs::write(&file, "x").unwrap();
    for (path, expect) in [
        (base.join("no_such_shard"), "does not exist"),
        (file, "is a file, not a shard directory"),
    ] {
        let o = run(&[
            "merge",
            "--out",
            p(&base.join("m5")),
            p(&shards[0]),
            p(&path),
            p(&shards[2]),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(expect), "{}", stderr(&o));
    }

    // An incomplete shard is named, with what it lacks.
    let j = shards[1].join("runs.journal");
    let text = std::fs::read_to_string(&j).unwrap();
    let kept: Vec<&str> = text.lines().take(5).collect();
    std::fs::write(&j, kept.join("\n") + "\n").unwrap();
    let o = run(&[
        "merge",
        "--out",
        p(&base.join("m3")),
        p(&shards[0]),
        p(&shards[1]),
        p(&shards[2]),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("shard 2/3") && e.contains("lacks 21 of its 26 runs"),
        "{e}"
    );
    assert!(!base.join("m3").join("manifest.json").exists());

    // A shard of another experiment is refused.
    let other = base.join("other");
    let src = std::fs::read_to_string(exp)
        .unwrap()
        .replace("seed = 5", "seed = 6");
    let other_exp = base.join("other.toml");
    std::fs::write(&other_exp, src).unwrap();
    ok(&["sweep", p(&other_exp), "--shard", "2/3", "--out", p(&other)]);
    let o = run(&[
        "merge",
        "--out",
        p(&base.join("m4")),
        p(&shards[0]),
        p(&other),
        p(&shards[2]),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("different experiments"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn an_output_directory_is_never_mixed_up() {
    let base = tmp("outdir");
    let d = base.join("a");
    ok(&["sweep", "tests/fixtures/sweep_grid.toml", "--out", p(&d)]);
    // Again without --resume: refused, pointing at --resume.
    let o = run(&["sweep", "tests/fixtures/sweep_grid.toml", "--out", p(&d)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--resume"), "{}", stderr(&o));
    // With --resume on a finished sweep: nothing to do.
    let o = ok(&[
        "sweep",
        "tests/fixtures/sweep_grid.toml",
        "--out",
        p(&d),
        "--resume",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("already complete"));
    // Another experiment into it: refused even with --resume.
    let o = run(&[
        "sweep",
        "tests/fixtures/sweep_sobol.toml",
        "--out",
        p(&d),
        "--resume",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("another experiment"), "{}", stderr(&o));
    // A directory with other files: refused.
    let e = base.join("e");
    std::fs::create_dir_all(&e).unwrap();
    std::fs::write(e.join("notes.txt"), "mine").unwrap();
    let o = run(&["sweep", "tests/fixtures/sweep_grid.toml", "--out", p(&e)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not empty"), "{}", stderr(&o));
    // A shard directory resumed as a whole sweep: refused.
    let s = base.join("s");
    ok(&[
        "sweep",
        "tests/fixtures/sweep_grid.toml",
        "--out",
        p(&s),
        "--shard",
        "1/2",
    ]);
    let o = run(&[
        "sweep",
        "tests/fixtures/sweep_grid.toml",
        "--out",
        p(&s),
        "--resume",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("shard 1/2"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_sweep_killed_while_writing_its_files_finishes_them_on_resume() {
    // Every run is in the journal but the final files are not all written (a kill during
    // finalisation): --resume writes them again, identical, over the leftover .partial.
    let base = tmp("finalize");
    let (a, b) = (base.join("a"), base.join("b"));
    let exp = "tests/fixtures/sweep_sobol.toml";
    ok(&["sweep", exp, "--out", p(&a)]);
    ok(&["sweep", exp, "--out", p(&b)]);
    for f in ["manifest.json", "sensitivity.csv", "points.csv"] {
        std::fs::remove_file(b.join(f)).unwrap();
    }
    std::fs::write(b.join("points.csv.partial"), "point,half a file").unwrap();
    let o = ok(&["sweep", exp, "--out", p(&b), "--resume"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("80 resumed, 0 computed"));
    same(&a, &b, &SOBOL_FILES);
    assert!(!b.join("points.csv.partial").exists());
    let _ = std::fs::remove_dir_all(&base);
}

fn bad_input(name: &str, from: &str, to: &str) -> String {
    let base = tmp(name);
    std::fs::create_dir_all(&base).unwrap();
    let src = std::fs::read_to_string("tests/fixtures/sweep_grid.toml").unwrap();
    assert!(src.contains(from), "fixture lacks {from}");
    let f = base.join("bad.toml");
    std::fs::write(&f, src.replacen(from, to, 1)).unwrap();
    let o = run(&["sweep", p(&f), "--out", p(&base.join("out"))]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    assert!(!base.join("out").exists(), "nothing may run on bad input");
    let _ = std::fs::remove_dir_all(&base);
    e
}

#[test]
fn an_unknown_axis_key_is_located_with_a_suggestion() {
    let e = bad_input(
        "badkey",
        "key = \"managers.role_model_mean\"",
        "key = \"managers.role_modl_mean\"",
    );
    assert!(e.contains("bad.toml:24:7:"), "{e}");
    assert!(
        e.contains("did you mean `managers.role_model_mean`?"),
        "{e}"
    );
}

#[test]
fn a_value_out_of_range_names_axis_points_value_and_range() {
    let e = bad_input("badval", "values = [0.3, 0.6]", "values = [0.3, 1.6]");
    assert!(e.contains("bad.toml:25:16:"), "{e}");
    assert!(e.contains("managers.role_model_mean"), "{e}");
    assert!(e.contains("1.6 at design points 3, 4, 5"), "{e}");
    assert!(
        e.contains("expected a number strictly between 0 and 1"),
        "{e}"
    );
    let e = bad_input("badint", "step = 5 }", "step = 2.5 }");
    assert!(
        e.contains("coaching") && e.contains("a whole number"),
        "{e}"
    );
}

#[test]
fn other_bad_input_exits_with_2() {
    let e = bad_input("badtop", "replications = 3", "replicatons = 3");
    assert!(e.contains("did you mean `replications`?"), "{e}");
    let e = bad_input("baddesign", "design = \"grid\"", "design = \"sobol\"");
    assert!(e.contains("base_samples"), "{e}");
    let e = bad_input(
        "badmetric",
        "replications = 3",
        "replications = 3\nkeep_metrics = [\"gain_12m_b\"]",
    );
    assert!(e.contains("did you mean `gain_12m_B`?"), "{e}");
    for spec in ["0/3", "4/3", "x"] {
        let o = run(&["sweep", "tests/fixtures/sweep_grid.toml", "--shard", spec]);
        assert_eq!(o.status.code(), Some(2), "{spec}");
        assert!(stderr(&o).contains("--shard"), "{}", stderr(&o));
    }
    let o = run(&["sensitivity", p(&tmp("nothing"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no complete sweep"), "{}", stderr(&o));
}

#[test]
fn a_sweep_killed_while_drawing_its_charts_gets_them_on_resume() {
    let d = tmp("charts-resume");
    ok(&["sweep", "tests/fixtures/sweep_grid.toml", "--out", p(&d)]);
    let plots = d.join("plots");
    let mut charts: Vec<PathBuf> = std::fs::read_dir(&plots)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    charts.sort();
    assert!(charts.len() >= 2, "{charts:?}");
    let report = std::fs::read(d.join("report.html")).unwrap();
    let kept: Vec<Vec<u8>> = charts.iter().map(|c| std::fs::read(c).unwrap()).collect();
    // What a kill while drawing leaves: the sweep's files complete, half the charts and no
    // report.
    for c in charts.iter().skip(charts.len() / 2) {
        std::fs::remove_file(c).unwrap();
    }
    std::fs::remove_file(d.join("report.html")).unwrap();
    let o = ok(&[
        "sweep",
        "tests/fixtures/sweep_grid.toml",
        "--out",
        p(&d),
        "--resume",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("already complete"));
    for (c, bytes) in charts.iter().zip(&kept) {
        assert!(
            std::fs::read(c).unwrap() == *bytes,
            "{} differs",
            c.display()
        );
    }
    assert!(std::fs::read(d.join("report.html")).unwrap() == report);
}

#[test]
fn a_sweep_directory_in_use_is_refused_naming_the_process() {
    let d = tmp("busy");
    ok(&["sweep", "tests/fixtures/sweep_grid.toml", "--out", p(&d)]);
    let held = undercurrent::output::lock::lock_beside(&d).unwrap();
    let o = run(&[
        "sweep",
        "tests/fixtures/sweep_grid.toml",
        "--out",
        p(&d),
        "--resume",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let me = format!("process {}", std::process::id());
    assert!(stderr(&o).contains(&me), "{}", stderr(&o));
    drop(held);
    ok(&[
        "sweep",
        "tests/fixtures/sweep_grid.toml",
        "--out",
        p(&d),
        "--resume",
    ]);
}
