//! Every word of a chart goes through the catalogue (issue 20): drawn in the pseudo-language,
//! a chart's visible text (`<text>`) and hover text (`<title>`) keep no plain English word
//! beyond identifiers (arm and metric keys); drawn in Dutch, a chart has Dutch words and
//! decimal commas.

mod plot_common;

use plot_common::svg_words;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use undercurrent::plot::{available_charts, load_run_dir, render_svg_string, ChartKind, RunData};
use undercurrent::text::{plain_words, Lang};

const SCENARIO: &str = r#"
name = "words"
seed = 3
replications = 3
horizon_days = 300
burn_in_days = 60
record_every = 10
teams = true

[organisation]
employees = 40
team_size = 10

[[arms]]
name = "training_only"
[[arms.interventions]]
kind = "training"
start = 20
duration = 2
cost_per_person = 300.0

[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 20
duration = 60
interval = 5
cost_per_person = 120.0
"#;

/// One small run with two programmes and team rows, shared by the tests of this file.
fn run_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = plot_common::fresh_dir("chart-words");
        let file = dir.join("scenario.toml");
        std::fs::write(&file, SCENARIO).unwrap();
        let out = dir.join("out");
        let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
            .args(["run", "--no-plots", "--out"])
            .arg(&out)
            .arg(&file)
            .output()
            .expect("binary runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out
    })
}

/// Identifiers a chart may show as they are: arm names (and their words, as a label writes
/// `training_only` as `training only`) and metric keys.
fn identifiers(data: &RunData) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in &data.arms {
        out.push(a.clone());
        out.extend(a.split('_').map(str::to_string));
    }
    out.extend(data.timeseries.metrics.iter().cloned());
    out
}

fn assert_no_plain_words(data: &RunData, kinds: &[ChartKind], what: &str) {
    let allowed = identifiers(data);
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    for kind in kinds {
        let svg = render_svg_string(data, kind, Lang::Pseudo).expect("renders");
        let words = svg_words(&svg);
        assert!(!words.trim().is_empty(), "{what} {kind:?}: no text found");
        let plain = plain_words(&words, &allowed);
        assert!(
            plain.is_empty(),
            "{what} {kind:?} keeps words outside the catalogue: {plain:?}\n{words}"
        );
    }
}

#[test]
fn every_run_chart_draws_its_words_from_the_catalogue() {
    let data = load_run_dir(run_dir()).unwrap();
    let kinds = available_charts(&data);
    for expected in [
        ChartKind::Durability,
        ChartKind::Drives,
        ChartKind::Costs,
        ChartKind::CostBenefit,
    ] {
        assert!(
            kinds.contains(&expected),
            "the run has no {expected:?} chart"
        );
    }
    assert!(kinds.iter().any(|k| matches!(k, ChartKind::Iceberg { .. })));
    assert_no_plain_words(&data, &kinds, "run");
}

#[test]
fn the_fixtures_charts_with_an_unknown_metric_draw_their_words_from_the_catalogue() {
    let dir = plot_common::fresh_dir("chart-words-fixture");
    plot_common::fixture::write_fixture(&dir);
    let data = load_run_dir(&dir).unwrap();
    assert_no_plain_words(&data, &available_charts(&data), "fixture");
}

#[test]
fn a_dutch_chart_has_a_dutch_title_and_decimal_commas() {
    let data = load_run_dir(run_dir()).unwrap();
    let kind = ChartKind::Timeseries {
        metric: "B".to_string(),
    };
    let words = svg_words(&render_svg_string(&data, &kind, Lang::Nl).unwrap());
    assert!(
        words.contains("B: zichtbaar klantgericht gedrag"),
        "{words}"
    );
    assert!(
        words.contains("maanden sinds het begin van de meetperiode"),
        "{words}"
    );
    let comma_tick = words.lines().any(|l| {
        let l = l.trim();
        l.contains(',') && l.chars().all(|c| c.is_ascii_digit() || c == ',')
    });
    assert!(comma_tick, "no axis label with a decimal comma:\n{words}");
    assert!(!words.contains("0.5"), "an English decimal point:\n{words}");
}

#[test]
fn every_metric_of_the_registry_has_a_dutch_name_axis_and_unit() {
    use undercurrent::metrics::registry;
    use undercurrent::text::{has, term_id};
    for d in registry::all() {
        for (family, key) in [("metric", d.name), ("axis", d.axis), ("unit", d.unit)] {
            let id = term_id(family, key);
            assert!(has(Lang::Nl, &id), "{}: no Dutch `{id}`", d.name);
        }
    }
}
