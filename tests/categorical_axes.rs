//! Issue 21, the experiment language: an axis sweeps any parameter a scenario can hold, text
//! and true/false as well as numbers. A sector swept as a level is the sector a scenario file
//! names (its preset fills what the base does not write), and the outputs carry the level's
//! name.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use undercurrent::experiment::scenario::Scenario;
use undercurrent::experiment::sweep::experiment::Experiment;

const BASE: &str = r#"
name = "small"
seed = 3
replications = 2
horizon_days = 60
burn_in_days = 20
record_every = 10
[organisation]
employees = 30
team_size = 10
[[arms]]
name = "reinforcement"
[[arms.interventions]]
kind = "reinforcement"
start = 5
duration = 40
interval = 10
schedule = "continuous"
"#;

fn experiment(axes: &str, design: &str) -> String {
    format!(
        r#"
name = "levels"
base = "base.toml"
seed = 9
replications = 2
[sweep]
design = "{design}"
{axes}
"#
    )
}

const GRID: &str = r#"
[[sweep.axes]]
key = "sector"
values = ["retail", "government"]
[[sweep.axes]]
key = "arms.reinforcement.interventions.0.schedule"
name = "schedule"
values = ["continuous", "variable_ratio"]
"#;

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("levels-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("base.toml"), BASE).unwrap();
    d
}

fn sweep(d: &Path, text: &str) -> Output {
    let file = d.join("experiment.toml");
    std::fs::write(&file, text).unwrap();
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["sweep", "--threads", "2", "--out"])
        .arg(d.join("out"))
        .arg(&file)
        .output()
        .unwrap()
}

fn column(path: &Path, name: &str) -> Vec<String> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let i = r.headers().unwrap().iter().position(|h| h == name).unwrap();
    r.records().map(|x| x.unwrap()[i].to_string()).collect()
}

#[test]
fn a_grid_over_sectors_and_schedules_names_its_levels_in_the_outputs() {
    let d = dir("grid");
    let o = sweep(&d, &experiment(GRID, "grid"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("no charts drawn"), "{err}");
    let out = d.join("out");
    assert!(out.join("plots/heatmap_reinforcement_B_mean.svg").is_file());
    let svg = std::fs::read_to_string(out.join("plots/heatmap_reinforcement_B_mean.svg")).unwrap();
    assert!(
        svg.contains("government") && svg.contains("variable_ratio"),
        "levels named on the axes"
    );
    let mut sectors = column(&out.join("points.csv"), "sector");
    sectors.dedup();
    assert_eq!(sectors, ["retail", "government"]);
    let mut schedules = column(&out.join("runs.csv"), "schedule");
    schedules.sort();
    schedules.dedup();
    assert_eq!(schedules, ["continuous", "variable_ratio"]);
    // Four points, two replications each.
    assert_eq!(column(&out.join("runs.csv"), "point").len(), 8);
}

#[test]
fn a_swept_sector_is_the_sector_a_scenario_file_names() {
    let d = dir("preset");
    let e = Experiment::load(&{
        let f = d.join("experiment.toml");
        std::fs::write(&f, experiment(GRID, "grid")).unwrap();
        f
    })
    .unwrap();
    for (p, sector) in [(0, "retail"), (2, "government")] {
        let at = e.scenario_at(p).unwrap();
        let mut text = BASE.replace(
            "record_every = 10",
            "record_every = 10\nsector = \"SECTOR\"",
        );
        text = text.replace("SECTOR", sector);
        let file = Scenario::parse(&text, "base.toml").unwrap();
        assert_eq!(at.sector, file.sector);
        assert_eq!(at.params(), file.params(), "{sector}");
    }
    // The base writes the organisation's size: no preset overrides it.
    assert_eq!(e.scenario_at(2).unwrap().organisation.employees, 30);
    // Government's preset differs from retail's where the base is silent.
    assert_ne!(
        e.scenario_at(0).unwrap().params(),
        e.scenario_at(2).unwrap().params()
    );
}

#[test]
fn bad_levels_are_located_errors() {
    let cases = [
        (
            GRID.replace("\"government\"", "\"govenment\""),
            "grid",
            "govenment",
        ),
        (
            "[[sweep.axes]]\nkey = \"sector\"\nvalues = [\"retail\", 0.5]\n".to_string(),
            "grid",
            "mixed kinds",
        ),
        (
            "[[sweep.axes]]\nkey = \"organisation.employees\"\nvalues = [\"many\", \"few\"]\n"
                .to_string(),
            "grid",
            "not a categorical parameter",
        ),
        (
            "[[sweep.axes]]\nkey = \"sector\"\nvalues = [\"retail\", \"transport\"]\n".to_string(),
            "lhs",
            "grid or list design",
        ),
    ];
    for (i, (axes, design, says)) in cases.iter().enumerate() {
        let d = dir(&format!("bad-{i}"));
        let o = sweep(&d, &experiment(axes, design));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "case {i}: {err}");
        assert!(err.contains("experiment.toml:"), "located: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
