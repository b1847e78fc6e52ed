//! The command line as a user meets it: help, bad flags, bad and missing files, output
//! directories that hold someone else's files, and a run killed halfway.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fresh(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn every_command_has_help() {
    for cmd in [
        &["--help"][..],
        &["run", "--help"],
        &["plot", "--help"],
        &["report", "--help"],
        &["calibrate", "--help"],
    ] {
        let o = run(cmd);
        assert!(o.status.success(), "{cmd:?}");
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains("Usage"), "{cmd:?}: {text}");
    }
}

#[test]
fn bad_flags_are_usage_errors() {
    for args in [
        &["run", "--threads", "two"][..],
        &["run", "--per-replication", "sometimes"],
        &["run", "--no-such-flag"],
        &["frobnicate"],
        &["run", "--replications", "0"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_missing_file_is_named() {
    let o = run(&["run", "no/such/scenario.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/scenario.toml"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_files_get_file_line_column_key_and_range() {
    let d = fresh("bad");
    let cases = [
        (
            "neg.toml",
            "name = \"x\"\n[organisation]\nemployees = -5\n",
            "neg.toml:3:13: `organisation.employees`",
        ),
        (
            "range.toml",
            "[managers]\nrole_model_mean = 1.5\n",
            "range.toml:2:19: `managers.role_model_mean` = 1.5: expected",
        ),
        (
            "typo.toml",
            "[organisation]\nemployes = 5\n",
            "did you mean `employees`?",
        ),
        ("empty.toml", "", "empty.toml:1:1: the file is empty"),
        (
            "huge.toml",
            "[organisation]\nemployees = 1000000000000\n",
            "huge.toml:2:13: `organisation.employees` = 1000000000000: expected a whole number in [1, 10000000]",
        ),
        (
            // Once killed `run` (exit 134): the arm's check allocated one flag per team
            // before the organisation's size was refused.
            "huge_with_arm.toml",
            "[organisation]\nemployees = 1000000000000\nteam_size = 1\n[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 10\n",
            "huge_with_arm.toml:2:13: `organisation.employees` = 1000000000000: expected a whole number in [1, 10000000]",
        ),
        (
            // Passes every range check but is one pool of a billion customers.
            "pool.toml",
            "replications = 1\n[organisation]\nemployees = 10000\nteam_size = 10000\n[customers]\npool_per_employee = 100000\n",
            "pool.toml:6:21: `customers.pool_per_employee` = 100000: expected a scenario that fits in 6.0 GiB",
        ),
        (
            "growing.toml",
            "[customers]\ninflow_per_employee = 1000\noutflow_rate = 0\n[organisation]\nemployees = 100000\n",
            "growing.toml:2:23: `customers.inflow_per_employee` = 1000: expected a scenario that fits in 6.0 GiB",
        ),
        (
            "late.toml",
            "horizon_days = 100\n[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 500\n",
            "late.toml:6:9: `arms[0].interventions[0].start` = 500: expected a day in [0, 100)",
        ),
        (
            "team.toml",
            "[organisation]\nemployees = 5\nteam_size = 10\n",
            "`organisation.team_size` = 10: expected at most organisation.employees (5)",
        ),
        (
            // `per_replication` takes `"auto"`, `"on"`, `"off"`, true or false.
            "toggle.toml",
            "per_replication = \"of\"\n",
            "toggle.toml:1:19: `per_replication`: unknown variant `of`, expected one of `auto`, `on`, `off`\n  did you mean `off`?",
        ),
        (
            "toggle_number.toml",
            "per_replication = 1\n",
            "toggle_number.toml:1:19: `per_replication`: invalid type: integer `1`, expected `auto`, `on`, `off`, true or false",
        ),
        (
            "nan.toml",
            "[behaviour]\nintercept = nan\n",
            "`behaviour.intercept` = NaN: expected a finite number in [-50, 50]",
        ),
    ];
    for (name, text, expected) in cases {
        let path = write(&d, name, text);
        let o = run(&["run", &path, "--out", d.join("out").to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{name}: {}", stderr(&o));
        assert!(!d.join("out").exists(), "{name}: nothing written");
    }
    let garbage: Vec<u8> = (0..400u32).map(|i| (i * 97 % 251) as u8).collect();
    std::fs::write(d.join("garbage.toml"), garbage).unwrap();
    let o = run(&["run", d.join("garbage.toml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("garbage.toml:1:"), "{}", stderr(&o));
}

#[test]
fn a_directory_of_someone_elses_files_is_refused_unless_forced_and_never_touched() {
    let d = fresh("foreign");
    let out = d.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("thesis.docx"), "precious").unwrap();
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("thesis.docx"), "{}", stderr(&o));
    assert!(!out.join("timeseries.csv").exists());
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        out.to_str().unwrap(),
        "--force",
        "--no-plots",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("thesis.docx")).unwrap(),
        "precious"
    );
    let m = undercurrent::output::manifest::read_manifest(&out)
        .unwrap()
        .unwrap();
    // The build's uncommitted changes are recorded whenever its commit is (a git checkout).
    assert_eq!(
        m.git_dirty.is_some(),
        m.git_commit.as_deref().is_some_and(|c| !c.is_empty())
    );
}

#[test]
fn an_output_path_under_a_file_is_the_users_to_fix_and_said_before_any_work() {
    let d = fresh("unwritable");
    let file = write(&d, "plain.txt", "x");
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        &format!("{file}/out"),
        "--no-plots",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is a file, not a directory"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("plain.txt"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn a_rerun_killed_halfway_leaves_the_previous_result_intact() {
    let d = fresh("killed");
    let out = d.join("out");
    let outs = out.to_str().unwrap();
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        outs,
        "--no-plots",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before: Vec<(String, Vec<u8>)> = ["timeseries.csv", "durability.csv", "manifest.json"]
        .iter()
        .map(|f| (f.to_string(), std::fs::read(out.join(f)).unwrap()))
        .collect();
    // A long rerun into the same directory, killed (SIGKILL) while it computes.
    let mut child = bin()
        .args(["run", "--replications", "200", "--out", outs, "--no-plots"])
        .stderr(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while !staging_exists(&d) && t0.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    for (f, bytes) in &before {
        assert!(&std::fs::read(out.join(f)).unwrap() == bytes, "{f} changed");
    }
    // The next run clears the stale staging directory and completes.
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        outs,
        "--no-plots",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!staging_exists(&d));
}

/// Whether a run's staging directory (`.out.partial-PID-N`) is beside `d/out`.
fn staging_exists(d: &Path) -> bool {
    std::fs::read_dir(d).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with(".out.partial-")
    })
}

#[test]
fn files_named_like_ours_are_the_users_unless_our_marker_lists_them() {
    let d = fresh("lookalike");
    let out = d.join("out");
    std::fs::create_dir_all(out.join("plots")).unwrap();
    std::fs::write(out.join("plots/company_logo.png"), "logo").unwrap();
    std::fs::write(out.join("manifest.json"), "{}").unwrap();
    std::fs::write(out.join("report.html"), "<p>mine</p>").unwrap();
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    for f in ["plots/company_logo.png", "manifest.json", "report.html"] {
        assert!(stderr(&o).contains(f), "{f}: {}", stderr(&o));
    }
    assert_eq!(
        std::fs::read_to_string(out.join("plots/company_logo.png")).unwrap(),
        "logo"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("report.html")).unwrap(),
        "<p>mine</p>"
    );
    // A directory the tool wrote is its own: a rerun replaces it without --force.
    let ours = d.join("ours");
    let args = [
        "run",
        "tests/fixtures/small.toml",
        "--out",
        ours.to_str().unwrap(),
        "--no-plots",
    ];
    assert!(run(&args).status.success());
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_directory_another_process_writes_is_refused_naming_that_process() {
    let d = fresh("busy");
    let out = d.join("out");
    let held = undercurrent::output::lock::lock_beside(&out).unwrap();
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        out.to_str().unwrap(),
        "--no-plots",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let me = format!("process {}", std::process::id());
    assert!(
        stderr(&o).contains("another undercurrent process"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains(&me), "{}", stderr(&o));
    assert!(!out.exists());
    drop(held);
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        out.to_str().unwrap(),
        "--no-plots",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_thread_count_that_cannot_be_meant_is_refused_with_the_range() {
    for (cmd, n) in [
        ("run", "0"),
        ("run", "1000000"),
        ("sweep", "0"),
        ("serve", "5000"),
    ] {
        let mut args = vec![cmd];
        if cmd == "sweep" {
            args.push("tests/fixtures/sweep_grid.toml");
        }
        args.extend(["--threads", n]);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("from 1 to 1024"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn names_too_long_or_with_control_characters_are_refused_where_they_stand() {
    let d = fresh("names");
    let long = "x".repeat(300);
    for (file, text, at) in [
        (
            "long.toml",
            format!("name = \"{long}\"\n"),
            "long.toml:1:8: `name`",
        ),
        (
            "escape.toml",
            "name = \"a\\u001b[31mred\"\n".to_string(),
            "escape.toml:1:8: `name`",
        ),
        (
            "cr.toml",
            "name = \"a\\rb\"\n".to_string(),
            "cr.toml:1:8: `name`",
        ),
        (
            "arm.toml",
            format!("name = \"x\"\n[[arms]]\nname = \"{long}\"\n"),
            "arm.toml:3:8: `arms[0].name`",
        ),
        (
            "nul.toml",
            "name = \"x\"\n[[arms]]\nname = \"a\\u0000b\"\n".to_string(),
            "nul.toml:3:8: `arms[0].name`",
        ),
        (
            "tab.toml",
            "name = \"x\"\n[[arms]]\nname = \"a\\tb\"\n".to_string(),
            "tab.toml:3:8: `arms[0].name`",
        ),
    ] {
        let path = write(&d, file, &text);
        let o = run(&["run", &path, "--out", d.join("out").to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{file}: {}", stderr(&o));
        assert!(stderr(&o).contains(at), "{file}: {}", stderr(&o));
        assert!(stderr(&o).contains("at most 100 characters"), "{file}");
        // Shown escaped, never raw.
        assert!(!stderr(&o).contains(['\u{1b}', '\r', '\0', '\t']), "{file}");
        assert!(!d.join("out").exists(), "{file}");
    }
}

#[test]
fn a_sweep_into_a_path_under_a_file_is_refused_before_any_run() {
    let d = fresh("sweep-under-file");
    let file = write(&d, "plain.txt", "x");
    let o = run(&[
        "sweep",
        "tests/fixtures/sweep_grid.toml",
        "--out",
        &format!("{file}/out"),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is a file, not a directory"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn drive_shares_are_named_never_taken_by_position() {
    let d = fresh("mix-list");
    for (key, file) in [("drive_mix", "mix.toml"), ("hiring_mix", "hiring.toml")] {
        let path = write(
            &d,
            file,
            &format!("name = \"x\"\n[organisation]\n{key} = [1, 2, 3]\n"),
        );
        let o = run(&["run", &path, "--out", d.join("out").to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{key}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("{file}:3:"))
                && stderr(&o).contains("table of drive shares"),
            "{key}: {}",
            stderr(&o)
        );
    }
    // By name, an unnamed drive has share 0, as before.
    let path = write(
        &d,
        "named.toml",
        "name = \"x\"\n[organisation]\ndrive_mix = { blue = 1 }\n",
    );
    let o = run(&["run", &path, "--print-scenario"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("blue = 1.0"));
}

#[test]
fn a_manifest_that_is_not_utf8_is_named_and_located() {
    let d = fresh("manifest-bytes");
    let o = run(&[
        "run",
        "tests/fixtures/small.toml",
        "--out",
        d.join("out").to_str().unwrap(),
        "--no-plots",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(
        d.join("out/manifest.json"),
        b"{\"scenario\": {\"name\": \"\xff\"}}",
    )
    .unwrap();
    for cmd in ["plot", "report"] {
        let o = run(&[cmd, d.join("out").to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("manifest.json: not UTF-8 text"),
            "{cmd}: {}",
            stderr(&o)
        );
        assert!(
            stderr(&o).contains("line 1 column 24"),
            "{cmd}: {}",
            stderr(&o)
        );
    }
}

/// A read-only `--out` parent is refused at once (exit 2), not after the whole simulation.
/// Root writes anywhere, so as root the binary runs as `nobody` (through `runuser`).
#[test]
fn an_unwritable_output_directory_is_refused_before_any_work() {
    use std::os::unix::fs::PermissionsExt;
    let d = PathBuf::from("/tmp").join(format!("uc-cli-readonly-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("ro")).unwrap();
    let bin = d.join("undercurrent");
    std::fs::copy(env!("CARGO_BIN_EXE_undercurrent"), &bin).unwrap();
    let scenario = d.join("small.toml");
    std::fs::copy("tests/fixtures/small.toml", &scenario).unwrap();
    for (p, mode) in [
        (&d, 0o755),
        (&bin, 0o755),
        (&scenario, 0o644),
        (&d.join("ro"), 0o555),
    ] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let out = d.join("ro/out");
    let args = [
        "run",
        scenario.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--no-plots",
    ];
    let o = if root {
        match Command::new("runuser")
            .args(["-u", "nobody", "--"])
            .arg(&bin)
            .args(args)
            .output()
        {
            Ok(o) => o,
            Err(_) => {
                eprintln!("skipped: root without runuser cannot see a read-only directory");
                return;
            }
        }
    } else {
        Command::new(&bin).args(args).output().unwrap()
    };
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot write in"), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains("replications"),
        "it ran first: {}",
        stderr(&o)
    );
    let _ = std::fs::set_permissions(d.join("ro"), std::fs::Permissions::from_mode(0o755));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_refused_horizon_is_the_one_problem_not_every_day_checked_against_it() {
    let d = fresh("horizon");
    let path = write(
        &d,
        "horizon.toml",
        "horizon_days = -3\nrecord_every = 5\n[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 10\n",
    );
    let o = run(&["run", &path, "--out", d.join("out").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("horizon.toml:1:16: `horizon_days` = -3"),
        "{err}"
    );
    for later in [
        "record_every",
        "employee_snapshot_every",
        ".start",
        ".duration",
    ] {
        assert!(
            !err.contains(later),
            "{later} refused by a refused horizon: {err}"
        );
    }
    // Mended, the days are checked against it again.
    let path = write(
        &d,
        "short.toml",
        &std::fs::read_to_string(&path).unwrap().replace("-3", "8"),
    );
    let err = stderr(&run(&[
        "run",
        &path,
        "--out",
        d.join("out").to_str().unwrap(),
    ]));
    assert!(
        err.contains("`arms[0].interventions[0].start` = 10"),
        "{err}"
    );
}
