//! Day fields in the units people plan in: an intervention's `start`, `duration` and
//! `interval` written as "6 months" or "2 weeks" run exactly as the same working days
//! written as numbers, are written back as they were written, and a bad one is refused at
//! its line and column with the forms it may take.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fresh(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("durations-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

/// A small scenario whose one programme has the given timing lines (on lines 10-12).
fn scenario(timing: &str) -> String {
    format!(
        "name = \"timing\"\nseed = 3\nreplications = 2\nhorizon_days = 300\nburn_in_days = 50\nrecord_every = 10\n[[arms]]\nname = \"coached\"\n[[arms.interventions]]\n{timing}\nkind = \"coaching\"\n[organisation]\nemployees = 30\nteam_size = 10\n"
    )
}

/// Runs `text` and returns its output directory.
fn run_scenario(dir: &Path, name: &str, text: &str) -> PathBuf {
    let file = write(dir, &format!("{name}.toml"), text);
    let out = dir.join(name);
    let o = run(&["run", &file, "--out", out.to_str().unwrap(), "--no-plots"]);
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    out
}

#[test]
fn months_and_weeks_run_exactly_as_their_working_days() {
    let d = fresh("same");
    let days = run_scenario(
        &d,
        "days",
        &scenario("start = 125\nduration = 20\ninterval = 5"),
    );
    let units = run_scenario(
        &d,
        "units",
        &scenario("start = \"6 months\"\nduration = \"4 weeks\"\ninterval = \"1 week\""),
    );
    for file in ["durability.csv", "timeseries.csv"] {
        let a = std::fs::read(days.join(file)).unwrap();
        let b = std::fs::read(units.join(file)).unwrap();
        assert!(
            a == b,
            "{file} differs between 125/20/5 days and 6 months/4 weeks/1 week"
        );
    }
    // A different start is a different run: the comparison above can fail.
    let later = run_scenario(
        &d,
        "later",
        &scenario("start = \"7 months\"\nduration = \"4 weeks\"\ninterval = \"1 week\""),
    );
    assert_ne!(
        std::fs::read(days.join("durability.csv")).unwrap(),
        std::fs::read(later.join("durability.csv")).unwrap()
    );
    // The manifest keeps each value as it was written.
    let manifest = |dir: &Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
    };
    let iv = |m: &serde_json::Value| m["scenario"]["arms"][1]["interventions"][0].clone();
    let (a, b) = (iv(&manifest(&days)), iv(&manifest(&units)));
    assert_eq!(
        (&a["start"], &a["duration"], &a["interval"]),
        (
            &serde_json::json!(125),
            &serde_json::json!(20),
            &serde_json::json!(5)
        )
    );
    assert_eq!(
        (&b["start"], &b["duration"], &b["interval"]),
        (
            &serde_json::json!("6 months"),
            &serde_json::json!("4 weeks"),
            &serde_json::json!("1 week")
        )
    );
}

#[test]
fn print_scenario_shows_what_was_written_and_its_working_days() {
    let d = fresh("print");
    let file = write(
        &d,
        "units.toml",
        &scenario("start = \"6 months\"\nduration = \"1.5 months\"\ninterval = 5"),
    );
    let o = run(&["run", &file, "--print-scenario"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("\nstart = \"6 months\"  # 125 working days\n"),
        "{text}"
    );
    assert!(
        text.contains("\nduration = \"1.5 months\"  # 31 working days\n"),
        "{text}"
    );
    assert!(
        text.contains("\ninterval = 5\n"),
        "a number of days has no comment: {text}"
    );
    // The printed scenario is itself a scenario file that reads back the same.
    let again = write(&d, "again.toml", &text);
    let o2 = run(&["run", &again, "--print-scenario"]);
    assert!(o2.status.success(), "{}", stderr(&o2));
    assert_eq!(stdout(&o2), text);
    // In Dutch the comment is Dutch; the file it prints is the same scenario.
    let dutch = stdout(&run(&["--lang", "nl", "run", &file, "--print-scenario"]));
    assert!(
        dutch.contains("\nstart = \"6 months\"  # 125 werkdagen\n"),
        "{dutch}"
    );
    assert_eq!(dutch.replace("werkdagen", "working days"), text);

    let file = write(&d, "days.toml", &scenario("start = 125\nduration = 20"));
    let text = stdout(&run(&["run", &file, "--print-scenario"]));
    assert!(text.contains("\nstart = 125\nduration = 20\n"), "{text}");
    assert!(!text.contains("working days"), "{text}");
}

#[test]
fn a_bad_length_of_time_is_refused_at_its_place_with_the_allowed_forms() {
    let d = fresh("bad");
    for (i, (line, column, timing, why)) in [
        (
            10,
            9,
            "start = \"6 mnths\"",
            "unknown unit `mnths` (did you mean `months`?)",
        ),
        (10, 12, "duration = \"-2 weeks\"", "not negative"),
        (
            10,
            12,
            "interval = \"six months\"",
            "does not start with a number",
        ),
        (10, 9, "start = \"2.5 days\"", "not a whole number of days"),
        (10, 9, "start = \"125\"", "no unit"),
        (10, 12, "duration = 1.5", "floating point `1.5`"),
    ]
    .into_iter()
    .enumerate()
    {
        let name = format!("bad{i}.toml");
        let file = write(&d, &name, &scenario(timing));
        let o = run(&["run", &file, "--out", d.join("out").to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{timing}: {err}");
        let key = timing.split(' ').next().unwrap();
        assert!(
            err.contains(&format!(
                "{name}:{line}:{column}: `arms[0].interventions[0].{key}`"
            )),
            "{timing}: {err}"
        );
        assert!(err.contains(why), "{timing}: {err}");
        assert!(
            err.contains("\"6 months\"") && err.contains("week(s) (5 working days)"),
            "the allowed forms are listed: {err}"
        );
        assert!(!d.join("out").exists(), "{timing}: nothing is written");
    }
}

#[test]
fn range_checks_hold_the_working_days_and_name_the_written_value() {
    let d = fresh("range");
    let file = write(
        &d,
        "late.toml",
        &scenario("start = \"2 years\"\nduration = \"4 weeks\""),
    );
    let o = run(&["run", &file]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("late.toml:10:9: `arms[0].interventions[0].start` = \"2 years\" (500 working days): expected a day in [0, 300)"),
        "{err}"
    );
    assert!(err.contains("such as \"6 months\""), "{err}");
    // Just inside: 1 year and 4 weeks end on day 270, inside the 300-day horizon.
    let file = write(
        &d,
        "inside.toml",
        &scenario("start = \"1 year\"\nduration = \"4 weeks\""),
    );
    let o = run(&["run", &file, "--print-scenario"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = write(
        &d,
        "long.toml",
        &scenario("start = \"1 year\"\nduration = \"3 months\""),
    );
    let err = stderr(&run(&["run", &file]));
    assert!(
        err.contains("`arms[0].interventions[0].duration` = \"3 months\" (63 working days): expected at most 50"),
        "{err}"
    );
}
