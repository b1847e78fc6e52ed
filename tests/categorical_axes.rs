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
            "[[sweep.axes]]\nkey = \"sector\"\nvalues = [\"retail\", \"transport\"]\nmin = 0\nmax = 1\n"
                .to_string(),
            "lhs",
            "only `values` on a categorical axis",
        ),
        (
            "[[sweep.axes]]\nkey = \"sector\"\nvalues = [\"retail\"]\n".to_string(),
            "lhs",
            "at least two levels",
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

const SECTORS: &str = r#"
[[sweep.axes]]
key = "sector"
values = ["retail", "government", "transport"]
[[sweep.axes]]
key = "managers.role_model_mean"
min = 0.3
max = 0.8
"#;

fn load(d: &Path, text: &str) -> Experiment {
    let f = d.join("experiment.toml");
    std::fs::write(&f, text).unwrap();
    Experiment::load(&f).unwrap()
}

#[test]
fn a_latin_hypercube_draws_each_level_of_a_categorical_axis_equally_often() {
    let d = dir("lhs");
    let text = experiment(SECTORS, "lhs").replace("[sweep]", "[sweep]\nsamples = 9");
    let e = load(&d, &text);
    assert_eq!(e.points(), 9);
    let mut counts = std::collections::BTreeMap::new();
    for p in 0..e.points() {
        let sector = e.scenario_at(p).unwrap().sector.unwrap();
        *counts.entry(format!("{sector:?}")).or_insert(0) += 1;
    }
    assert_eq!(counts.len(), 3, "{counts:?}");
    assert!(counts.values().all(|&c| c == 3), "{counts:?}");
    let o = sweep(&d, &text);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut sectors = column(&d.join("out/points.csv"), "sector");
    sectors.sort();
    sectors.dedup();
    assert_eq!(sectors, ["government", "retail", "transport"]);
    let svg = std::fs::read_to_string(d.join("out/plots/scatter_baseline_B_mean.svg")).unwrap();
    assert!(
        ["government", "retail", "transport"]
            .iter()
            .all(|s| svg.contains(&format!("\n{s}\n"))),
        "the scatter names the levels on its axis"
    );
}

#[test]
fn a_sobol_analysis_gives_indices_for_a_categorical_axis() {
    let d = dir("sobol");
    let text = experiment(SECTORS, "sobol").replace("[sweep]", "[sweep]\nbase_samples = 8");
    let o = sweep(&d, &text);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let params = column(&d.join("out/sensitivity.csv"), "parameter");
    assert!(params.iter().any(|p| p == "sector"), "{params:?}");
    assert!(
        params.iter().any(|p| p == "managers.role_model_mean"),
        "{params:?}"
    );
}

#[test]
fn a_morris_step_moves_one_axis_and_a_categorical_one_between_its_levels() {
    let d = dir("morris");
    let text = experiment(SECTORS, "morris").replace("[sweep]", "[sweep]\ntrajectories = 4");
    let e = load(&d, &text);
    assert_eq!(e.points(), 4 * 3);
    let mut sector_moves = 0;
    for t in 0..4 {
        for step in 0..2 {
            let a = e.simulated_point(t * 3 + step);
            let b = e.simulated_point(t * 3 + step + 1);
            let moved: Vec<usize> = (0..2).filter(|&i| a[i] != b[i]).collect();
            assert_eq!(moved.len(), 1, "trajectory {t} step {step}: {a:?} -> {b:?}");
            if moved[0] == 0 {
                sector_moves += 1;
                assert!(
                    a[0].fract() == 0.0 && (0.0..3.0).contains(&b[0]),
                    "{a:?} -> {b:?}"
                );
            }
        }
    }
    assert_eq!(sector_moves, 4, "each trajectory moves the sector once");
}
