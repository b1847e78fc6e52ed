//! A half-life cut off by the horizon is "more than", never a measurement (issue 19): on a
//! scenario whose coaching runs to ten days before the horizon, so that no replication's gain
//! can halve, the printed table, `durability.csv`, `report.html`, the explorer's JSON and a
//! sweep's `points.csv` and heatmap all say "more than" (or leave the mean out), and none
//! shows the horizon as if it were the half-life.

use std::path::PathBuf;
use std::process::Command;

mod serve_common;
use serve_common::Server;

/// Coaching from day 20 to day 289 of a 300-day horizon: ten days left to halve in.
const SCENARIO: &str = r#"
name = "censored"
seed = 7
replications = 3
horizon_days = 300
burn_in_days = 50
[organisation]
employees = 80
team_size = 8
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 20
duration = 270
interval = 10
cost_per_person = 100.0
"#;

fn fresh(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The half-life row of `durability.csv` for the coaching arm, by column name.
fn half_life_row(csv: &str) -> Vec<(String, String)> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row = lines
        .find(|l| l.starts_with("coaching,half_life_days_B,"))
        .expect("a half-life row");
    header
        .iter()
        .zip(row.split(','))
        .map(|(h, v)| (h.to_string(), v.to_string()))
        .collect()
}

fn field<'a>(row: &'a [(String, String)], name: &str) -> &'a str {
    &row.iter().find(|(h, _)| h == name).unwrap().1
}

#[test]
fn a_run_never_prints_a_censored_half_life_as_a_number() {
    let dir = fresh("censoring-run");
    let scenario = dir.join("censored.toml");
    std::fs::write(&scenario, SCENARIO).unwrap();
    let out = dir.join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--threads", "1", "--out"])
        .arg(&out)
        .arg(&scenario)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    // The premise: every replication censored, at ten days.
    let csv = std::fs::read_to_string(out.join("durability.csv")).unwrap();
    let row = half_life_row(&csv);
    assert_eq!(field(&row, "censored_share"), "1", "{row:?}");
    assert_eq!(field(&row, "followup"), "10");
    // No mean, sd or interval of horizons; the median and its interval not reached.
    for col in [
        "mean",
        "sd",
        "ci_lo",
        "ci_hi",
        "km_median",
        "km_lo",
        "km_hi",
    ] {
        assert_eq!(field(&row, col), "NA", "{col} in {row:?}");
    }

    // The printed table: the half-life column of the coaching row says "more than".
    let table = String::from_utf8(run.stdout).unwrap();
    let header = table.lines().find(|l| l.contains("half-life")).unwrap();
    let at = header.find("half-life").expect("a half-life column");
    let mut lines = table.lines().skip_while(|l| *l != "coaching").skip(1);
    let (values, bounds) = (lines.next().unwrap(), lines.next().unwrap());
    assert!(
        values[at..].starts_with("more than 0.5*"),
        "half-life cell: {}",
        &values[at..]
    );
    assert!(bounds[at..].starts_with("not reached"), "{bounds}");
    assert!(
        table.contains("had not halved by the end of the run: coaching 3 of 3"),
        "{table}"
    );
    assert!(table.contains("Kaplan-Meier median"), "{table}");

    // The report: the cell, and the reading's sentence.
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let cells: Vec<&str> = html.split("<td class=\"n censored\">").skip(1).collect();
    assert_eq!(cells.len(), 1, "one censored cell");
    assert!(
        cells[0].starts_with("more than 0.5<br><span class=\"ci\">interval not reached</span><br><span class=\"ci note\">3 of 3 runs not halved by the end"),
        "{}",
        &cells[0][..120.min(cells[0].len())]
    );
    assert!(
        html.contains("its median half-life is more than 0.5 months"),
        "the reading says more than"
    );
    // The old forms: the horizon as a mean with a zero-width interval.
    assert!(!html.contains("0.5<br><span class=\"ci\">[0.5, 0.5]"));
    assert!(!html.contains("halves in 0.5 months"));
}

#[test]
fn the_explorer_sends_words_not_a_mean_for_a_censored_half_life() {
    let s = Server::start(&[]);
    let body = serde_json::json!({
        "name": "censored",
        "seed": 7,
        "replications": 3,
        "horizon_days": 300,
        "burn_in_days": 50,
        "organisation": {"employees": 80, "team_size": 8},
        "arms": [{"name": "coaching", "interventions": [
            {"kind": "coaching", "start": 20, "duration": 270, "interval": 10, "cost_per_person": 100.0}
        ]}]
    });
    let r = s.post_json("/api/run", &body.to_string());
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    let j = &j["result"];
    let row = j["durability"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["metric"] == "half_life_days_B")
        .expect("a half-life row");
    let v = &row["values"][1];
    assert!(v.get("mean").is_none(), "no mean of horizons: {v}");
    assert_eq!(v["median"], serde_json::Value::Null);
    assert_eq!(v["censored"], 3);
    assert_eq!(v["text"], "more than 10 (interval not reached)");
    let reading = j["reading"].to_string();
    assert!(reading.contains("more than 0.5 months"), "{reading}");
}

#[test]
fn a_sweep_marks_censored_cells() {
    let dir = fresh("censoring-sweep");
    std::fs::write(dir.join("censored.toml"), SCENARIO).unwrap();
    let exp = "name = \"censored_grid\"\nbase = \"censored.toml\"\nreplications = 2\nkeep_metrics = [\"half_life_days_B\"]\n[sweep]\ndesign = \"grid\"\n[[sweep.axes]]\nkey = \"arms.coaching.interventions.0.intensity\"\nvalues = [1.0, 2.0]\n[[sweep.axes]]\nkey = \"managers.role_model_mean\"\nvalues = [0.4, 0.6]\n";
    let file = dir.join("grid.toml");
    std::fs::write(&file, exp).unwrap();
    let out = dir.join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["sweep", "--threads", "1", "--out"])
        .arg(&out)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let points = std::fs::read_to_string(out.join("points.csv")).unwrap();
    let header: Vec<&str> = points.lines().next().unwrap().split(',').collect();
    assert!(header.ends_with(&["km_median", "km_lo", "km_hi", "followup", "censored_share"]));
    // The flag was kept beside the half-life though only the half-life was asked for.
    assert!(points.contains(",coaching,half_life_censored_share_B,"));
    let rows: Vec<&str> = points
        .lines()
        .filter(|l| l.contains(",half_life_days_B,"))
        .collect();
    assert_eq!(rows.len(), 4);
    for r in rows {
        let f: Vec<&str> = r.split(',').collect();
        let col = |name: &str| f[header.iter().position(|h| *h == name).unwrap()];
        assert_eq!(col("censored_share"), "1", "{r}");
        assert_eq!((col("mean"), col("km_median")), ("NA", "NA"), "{r}");
        assert_eq!(col("followup"), "10", "{r}");
    }
    // The heatmap labels every cell "> 10.0", hatched, never "10.0" alone.
    let svg =
        std::fs::read_to_string(out.join("plots/heatmap_coaching_half_life_days_B.svg")).unwrap();
    assert_eq!(
        svg.matches("&gt; 10.0").count(),
        4,
        "four cells beyond the horizon"
    );
    assert_eq!(
        svg.matches("2/2 not halved").count(),
        4,
        "each cell: both runs not halved"
    );
}
