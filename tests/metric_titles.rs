//! Every metric the tool writes has a title and a unit from the registry, and no chart shows a
//! raw metric name as its title or "value" as its axis label: checked on the files and charts
//! of a real run and a real sweep, not on a list kept beside the code.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use undercurrent::metrics::registry::{self, Recorded};
use undercurrent::plot::sweep::{load_sweep_dir, sweep_charts, sweep_svg, SweepChart};
use undercurrent::plot::{available_charts, load_run_dir, render_svg_string, ChartKind};
use undercurrent::text::Lang;

fn bin(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(args)
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fresh(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// A run of the small fixture scenario.
fn run_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = fresh("metric-titles-run");
        bin(&[
            "run",
            "tests/fixtures/small.toml",
            "--out",
            d.to_str().unwrap(),
        ]);
        d
    })
}

/// A tiny two-parameter sweep keeping every summary metric and some time series.
fn sweep_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = fresh("metric-titles-sweep");
        let exp = std::fs::read_to_string("tests/fixtures/sweep_grid.toml")
            .unwrap()
            .replace(
                "record_every = 20\n",
                "record_every = 20\ntimeseries = true\n",
            );
        let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("metric_titles_grid.toml");
        std::fs::write(&file, exp).unwrap();
        bin(&[
            "sweep",
            file.to_str().unwrap(),
            "--out",
            d.to_str().unwrap(),
        ]);
        d
    })
}

/// The distinct values of column `col` of a CSV file (plain: no quoted commas in these).
fn column(path: &Path, col: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let k = header.iter().position(|h| *h == col).unwrap();
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let v = l.split(',').nth(k).unwrap().to_string();
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn assert_described(file: &str, metric: &str) {
    let d = registry::describe(metric)
        .unwrap_or_else(|| panic!("{file}: metric {metric} is not declared in the registry"));
    assert!(!d.title.trim().is_empty(), "{file}: {metric} has no title");
    assert!(!d.unit.trim().is_empty(), "{file}: {metric} has no unit");
}

#[test]
fn every_metric_a_run_writes_has_a_title_and_a_unit() {
    for file in ["timeseries.csv", "durability.csv"] {
        let metrics = column(&run_dir().join(file), "metric");
        assert!(!metrics.is_empty());
        for m in metrics {
            assert_described(file, &m);
        }
    }
}

#[test]
fn every_metric_a_sweep_writes_has_a_title_and_a_unit() {
    let dir = sweep_dir();
    for file in ["points.csv", "timeseries.csv"] {
        for m in column(&dir.join(file), "metric") {
            assert_described(file, &m);
        }
    }
    // runs.csv: `<arm>.<metric>` after the design columns.
    let runs = std::fs::read_to_string(dir.join("runs.csv")).unwrap();
    let header = runs.lines().next().unwrap();
    let mut seen = 0;
    for col in header.split(',') {
        match col.split_once('.') {
            Some((arm, metric)) if ["baseline", "coaching"].contains(&arm) => {
                assert_described("runs.csv", metric);
                seen += 1;
            }
            _ => {} // point, replication, the swept parameters
        }
    }
    assert!(seen > 20, "{header}");
}

#[test]
fn the_recorded_columns_follow_the_registry_order() {
    let metrics = column(&run_dir().join("timeseries.csv"), "metric");
    let recorded: Vec<&str> = Recorded::all().map(Recorded::name).collect();
    // The baseline's rows come first: exactly the recorded metrics, in registry order.
    assert_eq!(&metrics[..recorded.len()], &recorded[..]);
    let gains: Vec<&str> = registry::GAINS.iter().map(|g| g.name).collect();
    assert_eq!(&metrics[recorded.len()..], &gains[..]);
    let durability = column(&run_dir().join("durability.csv"), "metric");
    let mut want: Vec<&str> = registry::BaselineMetric::NAMES.to_vec();
    // The money figures that need a value of the gain are written only with `[economics]`,
    // which this run's scenario has not.
    want.extend(
        registry::DurabilityMetric::ALL
            .iter()
            .filter(|m| !m.needs_valuation())
            .map(|m| m.name()),
    );
    assert_eq!(durability, want);
}

/// The texts of an SVG document, in document order.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .map(|t| t.text().unwrap_or(""))
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

/// The chart's title names no raw metric and no text is the bare label "value".
fn assert_titled(what: &str, svg: &str, names: &[String]) {
    let t = texts(svg);
    let title = t.first().unwrap_or_else(|| panic!("{what}: no text"));
    for part in title.split(" · ") {
        assert!(
            !names.iter().any(|n| n == part.trim()),
            "{what}: the title {title:?} is a raw metric name"
        );
    }
    assert!(
        !t.iter().any(|x| x == "value"),
        "{what}: an axis is labelled \"value\""
    );
    for header in t.iter().take(2) {
        assert!(
            !header.ends_with('…'),
            "{what}: the header {header:?} is cut off"
        );
    }
}

#[test]
fn no_run_chart_has_a_raw_metric_name_as_title_or_value_as_axis() {
    let data = load_run_dir(run_dir()).unwrap();
    let names = data.timeseries.metrics.clone();
    let mut charts = available_charts(&data);
    // Every series, also those not drawn by default (the drive family).
    for m in &names {
        let k = ChartKind::Timeseries { metric: m.clone() };
        if !charts.contains(&k) {
            charts.push(k);
        }
    }
    for k in &charts {
        let Ok(svg) = render_svg_string(&data, k, Lang::En) else {
            continue; // a series without values (a drive nobody in this small run has)
        };
        assert_titled(&k.file_stem(), &svg, &names);
    }
}

#[test]
fn no_sweep_chart_has_a_raw_metric_name_as_title_or_value_as_axis() {
    let data = load_sweep_dir(sweep_dir()).unwrap();
    let names = data.metrics.clone();
    let mut charts = sweep_charts(&data);
    assert!(!charts.is_empty());
    // Every kept metric of every arm, not just the headline ones.
    for arm in &data.arms {
        for m in &names {
            let has_values = data
                .stats
                .get(&(arm.clone(), m.clone()))
                .is_some_and(|v| v.iter().any(|(_, s)| s.mean.is_some()));
            if !has_values {
                continue; // the baseline has no durability or gains
            }
            charts.push(SweepChart::Heatmap {
                arm: arm.clone(),
                metric: m.clone(),
            });
        }
    }
    for c in &charts {
        let svg = sweep_svg(&data, c, Lang::En).unwrap();
        assert_titled(&c.file_stem(), &svg, &names);
    }
}

/// A scenario's name is an identifier (`story_000_training_vs_full_method`), not words for a
/// client: a chart's title says what it shows, and no header is cut off.
const LONG_NAME: &str = "story_000_training_vs_full_method_with_reflection";

#[test]
fn titles_say_what_a_chart_shows_not_the_scenario_name_and_are_never_cut_off() {
    let mut data = load_run_dir(run_dir()).unwrap();
    data.scenario = LONG_NAME.to_string();
    let names = data.timeseries.metrics.clone();
    for k in &available_charts(&data) {
        let svg = render_svg_string(&data, k, Lang::En).unwrap();
        assert!(
            !svg.contains(LONG_NAME),
            "{}: names the scenario",
            k.file_stem()
        );
        assert_titled(&k.file_stem(), &svg, &names);
    }
    let mut sweep = load_sweep_dir(sweep_dir()).unwrap();
    sweep.name = LONG_NAME.to_string();
    for c in &sweep_charts(&sweep) {
        let svg = sweep_svg(&sweep, c, Lang::En).unwrap();
        assert!(
            !svg.contains(LONG_NAME),
            "{}: names the sweep",
            c.file_stem()
        );
        assert_titled(&c.file_stem(), &svg, &names);
    }
}
