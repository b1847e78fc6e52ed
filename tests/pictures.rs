//! `run` draws its charts and report; `plot` and `report` redraw them from the CSV files alone,
//! byte for byte; the report is one file that references nothing outside itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// One run of the small fixture scenario shared by every test in this file.
fn run_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pictures-run");
        let _ = std::fs::remove_dir_all(&dir);
        let out = bin(&[
            "run",
            "tests/fixtures/small.toml",
            "--out",
            dir.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn copy_csvs(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for f in ["timeseries.csv", "durability.csv", "manifest.json"] {
        std::fs::copy(from.join(f), to.join(f)).unwrap();
    }
}

#[test]
fn run_draws_the_charts_the_issue_names_as_valid_png_and_svg() {
    let plots = files_in(&run_dir().join("plots"));
    for stem in [
        "timeseries_B",
        "timeseries_N",
        "timeseries_nps",
        "timeseries_rule_breaks_per_1000",
        "iceberg_baseline",
        "iceberg_training_only",
        "iceberg_reinforcement_variable",
        "durability",
        "drives_B",
    ] {
        let png = &plots[&format!("{stem}.png")];
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{stem}.png signature");
        let img = image::load_from_memory(png).expect("PNG decodes");
        assert!(
            img.width() >= 1000 && img.height() >= 600,
            "{stem}.png size"
        );
        let svg = String::from_utf8(plots[&format!("{stem}.svg")].clone()).unwrap();
        let doc = roxmltree::Document::parse(&svg).expect("SVG is well-formed XML");
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(svg.contains("<text"), "{stem}.svg has text");
    }
    assert!(
        !plots.keys().any(|k| k.ends_with(".partial")),
        "no temporary file left behind"
    );
}

#[test]
fn plot_redraws_byte_identical_charts_from_the_csv_files_alone() {
    let fresh = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pictures-redraw");
    copy_csvs(run_dir(), &fresh);
    let out = bin(&["plot", fresh.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let original = files_in(&run_dir().join("plots"));
    let redrawn = files_in(&fresh.join("plots"));
    assert_eq!(
        original.keys().collect::<Vec<_>>(),
        redrawn.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &original {
        assert!(bytes == &redrawn[name], "{name} differs after redraw");
    }
}

#[test]
fn the_report_is_one_self_contained_html_file() {
    let html = std::fs::read_to_string(run_dir().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for outside in [
        "http:", "https:", "src=", "<script", "<link", "url(", "@import",
    ] {
        assert!(!html.contains(outside), "report contains {outside:?}");
    }
    // Every href is an in-page anchor (there are none today, but a future link must stay local).
    for (i, _) in html.match_indices("href=") {
        assert_eq!(&html[i + 6..i + 7], "#");
    }
    let charts = std::fs::read_dir(run_dir().join("plots"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "svg")
        })
        .count();
    assert_eq!(html.matches("<svg").count(), charts, "every chart inline");
    for section in ["What the numbers say", "Durability", "Parameters", "Arms"] {
        assert!(html.contains(section), "report has section {section}");
    }
    assert!(html.contains("keeps"), "the reading states what is kept");
}

#[test]
fn report_redraws_byte_identical_from_the_same_files() {
    let fresh = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pictures-report");
    copy_csvs(run_dir(), &fresh);
    let out = bin(&["report", fresh.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = std::fs::read(run_dir().join("report.html")).unwrap();
    let b = std::fs::read(fresh.join("report.html")).unwrap();
    assert!(a == b, "report.html differs");
}

#[test]
fn plotting_a_directory_without_results_is_a_usage_error() {
    let empty = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pictures-empty");
    let _ = std::fs::remove_dir_all(&empty);
    std::fs::create_dir_all(&empty).unwrap();
    for cmd in ["plot", "report"] {
        let out = bin(&[cmd, empty.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("timeseries.csv"), "{cmd}: {err}");
    }
}
