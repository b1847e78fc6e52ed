//! Claims against the model (issue 19, "results in plain words"): a scenario's `[[claims]]`
//! are judged on the run's own 95% intervals, never saying more than the interval. Built to
//! trip each rule: a claim that holds, one that fails, one whose interval straddles its
//! bound, two identical programmes compared, a censored half-life ("more than") on both
//! sides of a bound, a windowed difference from the baseline; then the verdicts in
//! `claims.csv`, the printed lines and the report, and the located errors of bad claims.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Training at day 10 and coaching that runs until ten days before the horizon (its gain
/// cannot halve: censored), twice the same training (identical arms), a window.
const BASE: &str = r#"
name = "claims"
seed = 11
replications = 4
horizon_days = 200
burn_in_days = 50
windows = [[20, 120]]
[organisation]
employees = 80
team_size = 8
[[arms]]
name = "training"
[[arms.interventions]]
kind = "training"
start = 10
[[arms]]
name = "training_again"
[[arms.interventions]]
kind = "training"
start = 10
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 10
duration = 180
interval = 10
"#;

const CLAIMS: &str = r#"
[[claims]]
says = "Training raises B."
source = "a test"
[[claims.checks]]
arm = "training"
statistic = "peak_gain_B"
above = 0

[[claims]]
says = "Training lowers B."
[[claims.checks]]
arm = "training"
statistic = "peak_gain_B"
below = 0

[[claims]]
says = "Training's peak gain is exactly where its own interval says it is, give or take nothing."
[[claims.checks]]
arm = "training"
statistic = "peak_gain_B"
between = [-1, 0]
[[claims.checks]]
arm = "training"
statistic = "peak_gain_B"
above = 0

[[claims]]
says = "The same programme twice beats itself."
[[claims.checks]]
arm = "training_again"
statistic = "peak_gain_B"
above_arm = "training"

[[claims]]
says = "Coaching's gain halves within five days."
[[claims.checks]]
arm = "coaching"
statistic = "half_life_days_B"
below = 5

[[claims]]
says = "Coaching's gain lasts longer than five days."
[[claims.checks]]
arm = "coaching"
statistic = "half_life_days_B"
above = 5

[[claims]]
says = "Over days 20-120 training raises B over the baseline."
[[claims.checks]]
arm = "training"
statistic = "B"
window = [20, 120]
above = 0
"#;

fn fresh(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("claims-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, toml: &str) -> Output {
    let file = dir.join("scenario.toml");
    std::fs::write(&file, toml).unwrap();
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--threads", "2", "--out"])
        .arg(dir.join("out"))
        .arg(&file)
        .output()
        .unwrap()
}

/// `claims.csv` as rows of (column, value).
fn rows(dir: &Path) -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(dir.join("out/claims.csv")).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

fn get<'a>(row: &'a [(String, String)], col: &str) -> &'a str {
    &row.iter().find(|(h, _)| h == col).unwrap().1
}

fn num(row: &[(String, String)], col: &str) -> f64 {
    match get(row, col) {
        "Inf" => f64::INFINITY,
        v => v.parse().unwrap_or(f64::NAN),
    }
}

#[test]
fn claims_are_judged_on_their_intervals_and_never_say_more() {
    let dir = fresh("verdicts");
    let out = run(&dir, &format!("{BASE}{CLAIMS}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = rows(&dir);
    assert_eq!(rows.len(), 8, "one row per check");
    let verdict = |claim: &str| -> Vec<&str> {
        rows.iter()
            .filter(|r| get(r, "claim") == claim)
            .map(|r| get(r, "check_verdict"))
            .collect()
    };
    let claim_verdict = |claim: &str| {
        get(
            rows.iter().find(|r| get(r, "claim") == claim).unwrap(),
            "claim_verdict",
        )
        .to_string()
    };
    // A real gain: "raises" agrees, "lowers" disagrees.
    assert_eq!(verdict("1"), ["agrees"]);
    assert_eq!(claim_verdict("1"), "agrees");
    assert_eq!(verdict("2"), ["disagrees"]);
    assert_eq!(claim_verdict("2"), "disagrees");
    // One failing check makes the whole claim disagree, whatever the others say.
    assert_eq!(verdict("3"), ["disagrees", "agrees"]);
    assert_eq!(claim_verdict("3"), "disagrees");
    // Identical programmes: their intervals coincide, so neither is above the other.
    assert_eq!(verdict("4"), ["undecided"]);
    assert_eq!(claim_verdict("4"), "undecided");
    // A half-life that never ended is "more than" its follow-up, without an upper end.
    let censored = rows.iter().find(|r| get(r, "claim") == "5").unwrap();
    assert_eq!(get(censored, "more_than"), "true");
    assert_eq!(get(censored, "ci_hi"), "Inf");
    assert_eq!(
        verdict("5"),
        ["disagrees"],
        "more than ten days is not below five"
    );
    assert_eq!(verdict("6"), ["agrees"]);
    // The windowed difference from the baseline comes from windows.csv.
    let w = rows.iter().find(|r| get(r, "claim") == "7").unwrap();
    assert_eq!(get(w, "quantity"), "vs_baseline");
    assert_eq!(get(w, "window_first"), "20");
    let windows = std::fs::read_to_string(dir.join("out/windows.csv")).unwrap();
    let line = windows
        .lines()
        .find(|l| l.starts_with("training,20,120,B,vs_baseline,"))
        .unwrap();
    let mean: f64 = line.split(',').nth(5).unwrap().parse().unwrap();
    assert_eq!(num(w, "estimate"), mean);

    // The rule itself, on every row: a check holds only when its whole interval is on the
    // claimed side and fails only when its whole interval is on the other.
    for r in &rows {
        let (lo, hi) = (num(r, "ci_lo"), num(r, "ci_hi"));
        let v = get(r, "check_verdict");
        match get(r, "bound") {
            "above" => {
                let b = num(r, "bound_lo");
                assert_eq!(v == "agrees", lo > b, "{r:?}");
                assert_eq!(v == "disagrees", hi <= b, "{r:?}");
            }
            "below" => {
                let b = num(r, "bound_hi");
                assert_eq!(v == "agrees", hi < b, "{r:?}");
                assert_eq!(v == "disagrees", lo >= b, "{r:?}");
            }
            "between" => {
                let (a, b) = (num(r, "bound_lo"), num(r, "bound_hi"));
                assert_eq!(v == "agrees", lo >= a && hi <= b, "{r:?}");
                assert_eq!(v == "disagrees", hi < a || lo > b, "{r:?}");
            }
            "above_arm" => {
                let (olo, ohi) = (num(r, "than_ci_lo"), num(r, "than_ci_hi"));
                assert_eq!(v == "agrees", lo > ohi, "{r:?}");
                assert_eq!(v == "disagrees", hi < olo, "{r:?}");
            }
            other => panic!("unexpected bound {other}"),
        }
    }

    // Printed after the table, every line within 100 columns, verdict first.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Claims against the model"), "{stdout}");
    assert!(
        stdout.contains("  disagrees  2. Training lowers B."),
        "{stdout}"
    );
    assert!(stdout.lines().all(|l| l.chars().count() <= 100), "{stdout}");

    // The report's section: the sentence, the verdict in words, "more than" for the
    // censored half-life, and "undecided" with its reason.
    let html = std::fs::read_to_string(dir.join("out/report.html")).unwrap();
    let section = &html[html
        .find("<h2>Claims against the model</h2>")
        .expect("section")..];
    let section = &section[..section[5..].find("<h2>").unwrap() + 5];
    for want in [
        "Training raises B.",
        "The model agrees.",
        "The model disagrees.",
        "Undecided on this run.",
        "undecided: the two intervals overlap",
        "more than",
        "not reached",
        "mean over days 20–120, difference from the baseline",
    ] {
        assert!(section.contains(want), "missing {want:?} in {section}");
    }
    let manifest = std::fs::read_to_string(dir.join("out/manifest.json")).unwrap();
    assert!(
        manifest.contains("\"claims.csv\""),
        "listed among the run's files"
    );
}

#[test]
fn a_scenario_without_claims_writes_no_claims_file_and_no_section() {
    let dir = fresh("none");
    let out = run(&dir, BASE);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.join("out/claims.csv").exists());
    let html = std::fs::read_to_string(dir.join("out/report.html")).unwrap();
    assert!(!html.contains("Claims against the model"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Claims against the model"));
}

/// A bad claim is refused before anything runs: exit code 2, the file, line and column of
/// the key, the key path and what is allowed.
#[test]
fn bad_claims_are_located_errors() {
    let cases: [(&str, &str, &[&str]); 7] = [
        (
            "[[claims]]\nsays = \"x\"\n[[claims.checks]]\narm = \"trainign\"\nstatistic = \"peak_gain_B\"\nabove = 0\n",
            "claims[0].checks[0].arm",
            &["one of the scenario's arms", "`training`"],
        ),
        (
            "[[claims]]\nsays = \"x\"\n[[claims.checks]]\narm = \"training\"\nstatistic = \"peak_gain\"\nabove = 0\n",
            "claims[0].checks[0].statistic",
            &["did you mean `peak_gain_B`?"],
        ),
        (
            "[[claims]]\nsays = \"x\"\n[[claims.checks]]\narm = \"training\"\nstatistic = \"peak_gain_B\"\nabove = 0\nbelow = 1\n",
            "claims[0].checks[0].arm",
            &["exactly one of above, below, between"],
        ),
        (
            "[[claims]]\nsays = \"x\"\n[[claims.checks]]\narm = \"training\"\nstatistic = \"B\"\nwindow = [0, 10]\nabove = 0\n",
            "claims[0].checks[0].window",
            &["one of the scenario's `windows`: [20, 120]"],
        ),
        (
            "[[claims]]\nsays = \"x\"\n[[claims.checks]]\narm = \"baseline\"\nstatistic = \"B\"\nwindow = [20, 120]\nquantity = \"vs_baseline\"\nabove = 0\n",
            "claims[0].checks[0].quantity",
            &["the baseline has no difference from itself"],
        ),
        (
            "[[claims]]\nsays = \"x\"\n[[claims.checks]]\narm = \"training\"\nstatistic = \"net_value\"\nabove = 0\n",
            "claims[0].checks[0].statistic",
            &["[economics]"],
        ),
        (
            "[[claims]]\nsays = \"x\"\n[[claims.checks]]\narm = \"training\"\nstatistic = \"peak_gain_B\"\nbetween = [1, 0]\n",
            "claims[0].checks[0].between",
            &["finite lo < hi"],
        ),
    ];
    for (i, (claim, key, wants)) in cases.iter().enumerate() {
        let dir = fresh(&format!("bad-{i}"));
        let toml = format!("{BASE}{claim}");
        let out = run(&dir, &toml);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "case {i}: {err}");
        assert!(err.contains(key), "case {i}: key {key} in {err}");
        for want in *wants {
            assert!(err.contains(want), "case {i}: {want:?} in {err}");
        }
        // Located at the offending key's line in the file.
        let key_name = key.rsplit('.').next().unwrap();
        let line = toml
            .lines()
            .position(|l| {
                l.starts_with(&format!("{key_name} ="))
                    || (key_name == "arm" && l.starts_with("arm ="))
            })
            .unwrap()
            + 1;
        assert!(
            err.contains(&format!("scenario.toml:{line}:")),
            "case {i}: line {line} in {err}"
        );
        assert!(!dir.join("out").exists(), "case {i}: nothing written");
    }
}

/// Claims are judged on one run's replications: a sweep over a base scenario with claims
/// runs (its points are not single runs to judge) and writes no claims file.
#[test]
fn a_sweep_over_a_scenario_with_claims_drops_them() {
    let dir = fresh("sweep");
    std::fs::write(dir.join("base.toml"), format!("{BASE}{CLAIMS}")).unwrap();
    let exp = "name = \"claims_grid\"\nbase = \"base.toml\"\nreplications = 2\n[sweep]\ndesign = \"grid\"\n[[sweep.axes]]\nkey = \"managers.role_model_mean\"\nvalues = [0.4, 0.6]\n";
    std::fs::write(dir.join("grid.toml"), exp).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["sweep", "--threads", "2", "--out"])
        .arg(dir.join("out"))
        .arg(dir.join("grid.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("out/points.csv").is_file());
    assert!(!dir.join("out/claims.csv").exists());
}
