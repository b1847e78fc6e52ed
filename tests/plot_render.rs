mod plot_common;

use std::fs;
use std::path::{Path, PathBuf};

use plot_common::{fixture, fresh_dir};
use undercurrent::plot::{
    available_charts, load_run_dir, plot_run_dir, render_svg_string, svg_strings, ChartKind,
    PlotError,
};
use undercurrent::text::Lang;

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.len() > 24, "PNG too short");
    assert_eq!(&bytes[..8], &PNG_SIGNATURE, "not a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "first chunk is not IHDR");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (w, h)
}

fn check_svg(text: &str, what: &str) {
    let t = text.trim_start();
    assert!(
        t.starts_with("<svg") || t.starts_with("<?xml"),
        "{what}: does not start like SVG"
    );
    assert!(
        text.trim_end().ends_with("</svg>"),
        "{what}: no closing </svg>"
    );
    let lower = text.to_ascii_lowercase();
    for bad in [
        "href=\"http",
        "href='http",
        "xlink:href",
        "url(",
        "@font-face",
        "@import",
        "<image",
        "file:",
    ] {
        assert!(
            !lower.contains(bad),
            "{what}: references external content ({bad})"
        );
    }
    // Tags balance roughly: every opened <text> is closed.
    assert_eq!(
        text.matches("<text").count(),
        text.matches("</text>").count(),
        "{what}: unbalanced <text>"
    );
}

fn expected_stems() -> Vec<String> {
    let mut stems: Vec<String> = [
        "timeseries_B",
        "timeseries_N",
        "timeseries_nps",
        "timeseries_rule_breaks_per_1000",
        "timeseries_gain_B",
        "timeseries_gain_N",
        "timeseries_gain_nps",
        "timeseries_cost_cumulative",
        "timeseries_mystery_metric",
        "durability",
        "drives_B",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    stems.extend(fixture::ARMS.iter().map(|a| format!("iceberg_{a}")));
    stems
}

fn fixture_dir(name: &str) -> PathBuf {
    let dir = fresh_dir(name);
    fixture::write_fixture(&dir);
    dir
}

#[test]
fn fixture_renders_every_chart_as_png_and_svg() {
    let dir = fixture_dir("all_charts");
    let paths = plot_run_dir(&dir, Lang::En).expect("plot_run_dir");
    let plots = dir.join("plots");
    for stem in expected_stems() {
        for ext in ["png", "svg"] {
            let p = plots.join(format!("{stem}.{ext}"));
            assert!(p.is_file(), "missing {}", p.display());
            assert!(paths.contains(&p), "not returned: {}", p.display());
        }
    }
    let data = load_run_dir(&dir).unwrap();
    let charts = available_charts(&data);
    assert_eq!(paths.len(), 2 * charts.len());
    // B by drive is shown in the drives chart, not one file per drive.
    assert!(!plots.join("timeseries_B_purple.png").exists());
    for p in &paths {
        assert!(p.is_file(), "returned path does not exist: {}", p.display());
        match p.extension().and_then(|e| e.to_str()) {
            Some("png") => {
                let size = png_size(&fs::read(p).unwrap());
                assert_eq!(size, (1200, 700), "{}", p.display());
            }
            Some("svg") => check_svg(&fs::read_to_string(p).unwrap(), &p.display().to_string()),
            other => panic!("unexpected extension {other:?}"),
        }
    }
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn rendering_is_byte_identical() {
    let dir = fixture_dir("determinism");
    plot_run_dir(&dir, Lang::En).unwrap();
    let first = read_all(&dir.join("plots"));
    fs::remove_dir_all(dir.join("plots")).unwrap();
    plot_run_dir(&dir, Lang::En).unwrap();
    let second = read_all(&dir.join("plots"));
    assert_eq!(first.len(), second.len());
    for ((n1, b1), (n2, b2)) in first.iter().zip(&second) {
        assert_eq!(n1, n2);
        assert!(b1 == b2, "{n1} differs between two renders");
    }
    // The in-memory SVG strings are the same documents as the files.
    for (stem, svg) in svg_strings(&dir, Lang::En).unwrap() {
        let file = first
            .iter()
            .find(|(n, _)| *n == format!("{stem}.svg"))
            .unwrap_or_else(|| panic!("no file for {stem}"));
        assert!(file.1 == svg.as_bytes(), "{stem}: string differs from file");
    }
}

#[test]
fn svg_string_api_and_titles() {
    let dir = fixture_dir("svg_string");
    let data = load_run_dir(&dir).unwrap();
    assert_eq!(data.scenario, fixture::SCENARIO);
    assert_eq!(data.arms, fixture::ARMS.to_vec());
    let svg = render_svg_string(&data, &ChartKind::Durability, Lang::En).unwrap();
    check_svg(&svg, "durability");
    assert!(
        !svg.contains(fixture::SCENARIO),
        "the title says what the chart shows, not the scenario's identifier"
    );
    assert!(svg.contains("Durability of the gain in B"));
    assert!(svg.contains("Half-life"));
    let svg = render_svg_string(
        &data,
        &ChartKind::Timeseries {
            metric: "nps".into(),
        },
        Lang::En,
    )
    .unwrap();
    assert!(svg.contains("NPS points"));
    assert!(svg.contains("months since start of recorded period"));
    let err = render_svg_string(
        &data,
        &ChartKind::Timeseries {
            metric: "no_such_metric".into(),
        },
        Lang::En,
    )
    .unwrap_err();
    assert!(matches!(err, PlotError::NoData(_)), "{err}");
}

#[test]
fn missing_files_are_typed_errors() {
    let dir = fresh_dir("missing");
    match plot_run_dir(&dir, Lang::En) {
        Err(PlotError::MissingFile { path }) => assert!(path.ends_with("timeseries.csv")),
        other => panic!("expected MissingFile, got {other:?}"),
    }
    fs::write(dir.join("timeseries.csv"), fixture::timeseries_csv()).unwrap();
    match plot_run_dir(&dir, Lang::En) {
        Err(PlotError::MissingFile { path }) => assert!(path.ends_with("durability.csv")),
        other => panic!("expected MissingFile, got {other:?}"),
    }
}

fn write_inputs(dir: &Path, ts: &str, dur: &str) {
    fs::write(dir.join("timeseries.csv"), ts).unwrap();
    fs::write(dir.join("durability.csv"), dur).unwrap();
}

const TS_HEADER: &str = "arm,day,metric,mean,sd,ci_lo,ci_hi,n\n";
const DUR_HEADER: &str = "arm,metric,mean,sd,ci_lo,ci_hi,n\n";

fn expect_malformed(dir: &Path, file: &str, line: u64) -> String {
    match plot_run_dir(dir, Lang::En) {
        Err(PlotError::MalformedCsv {
            path,
            line: l,
            message,
        }) => {
            assert!(path.ends_with(file), "{}", path.display());
            assert_eq!(l, line, "{message}");
            message
        }
        other => panic!("expected MalformedCsv, got {other:?}"),
    }
}

#[test]
fn malformed_csv_reports_the_line() {
    let dir = fresh_dir("malformed");
    let good = "baseline,0,B,0.5,0.1,0.45,0.55,30\n";
    write_inputs(
        &dir,
        &format!("{TS_HEADER}{good}baseline,5,B,abc,0.1,0.4,0.6,30\n"),
        DUR_HEADER,
    );
    let msg = expect_malformed(&dir, "timeseries.csv", 3);
    assert!(msg.contains("abc"), "{msg}");

    write_inputs(
        &dir,
        &format!("{TS_HEADER}{good}{good}baseline,5,B,0.5\n"),
        DUR_HEADER,
    );
    expect_malformed(&dir, "timeseries.csv", 4);

    write_inputs(&dir, &format!("arm,day,metric,value\n{good}"), DUR_HEADER);
    let msg = expect_malformed(&dir, "timeseries.csv", 1);
    assert!(msg.contains("mean"), "{msg}");

    write_inputs(&dir, "", DUR_HEADER);
    expect_malformed(&dir, "timeseries.csv", 1);

    write_inputs(
        &dir,
        &format!("{TS_HEADER}{good}"),
        &format!("{DUR_HEADER}coaching,cost,1,NA,NA,NA,2.5\n"),
    );
    expect_malformed(&dir, "durability.csv", 2);

    write_inputs(
        &dir,
        &format!("{TS_HEADER}baseline,NA,B,0.5,NA,NA,NA,30\n"),
        DUR_HEADER,
    );
    expect_malformed(&dir, "timeseries.csv", 2);
}

#[test]
fn malformed_manifest_is_an_error_missing_one_is_not() {
    let dir = fresh_dir("manifest_dir_name");
    write_inputs(
        &dir,
        &format!(
            "{TS_HEADER}baseline,0,B,0.5,0.1,0.45,0.55,30\nbaseline,5,B,0.52,0.1,0.47,0.57,30\n"
        ),
        DUR_HEADER,
    );
    let data = load_run_dir(&dir).unwrap();
    assert_eq!(data.scenario, "manifest_dir_name");
    fs::write(dir.join("manifest.json"), "{\"scenario\": {}}").unwrap();
    assert_eq!(load_run_dir(&dir).unwrap().scenario, "manifest_dir_name");
    fs::write(dir.join("manifest.json"), "{not json").unwrap();
    assert!(matches!(
        load_run_dir(&dir),
        Err(PlotError::MalformedJson { .. })
    ));
}

#[test]
fn sparse_input_with_na_and_unknown_metrics_renders() {
    let dir = fresh_dir("sparse");
    let mut ts = String::from(TS_HEADER);
    for day in (0..=100).step_by(10) {
        let m = 0.5 + day as f64 / 1000.0;
        // CI missing on some days, the mean missing on one, extra whitespace, empty fields.
        let ci = if day % 20 == 0 {
            "NA,NA".to_string()
        } else {
            format!("{:.3},{:.3}", m - 0.02, m + 0.02)
        };
        let mean = if day == 50 {
            "NA".to_string()
        } else {
            format!("{m:.3}")
        };
        ts.push_str(&format!("baseline, {day} ,B,{mean},0.1,{ci},30\n"));
        ts.push_str(&format!("intervention,{day},B,{:.3},,{ci},\n", m + 0.05));
        ts.push_str(&format!(
            "intervention,{day},gain_B,{:.3},0.01,NA,NA,30\n",
            0.05 + day as f64 * 0.001
        ));
        ts.push_str(&format!(
            "intervention,{day},weird metric/x,{day},1,NA,NA,30\n"
        ));
        ts.push_str(&format!("baseline,{day},all_na,NA,NA,NA,NA,NA\n"));
    }
    // A single-point series and an arm that only has drive data.
    ts.push_str("intervention,0,N,0.4,0.1,0.3,0.5,30\n");
    ts.push_str("drive_only,0,B_red,0.4,0.1,0.3,0.5,30\ndrive_only,10,B_red,0.45,0.1,0.3,0.5,30\n");
    let dur = format!(
        "{DUR_HEADER}baseline,drift_B,NA,NA,NA,NA,30\nintervention,peak_gain_B,0.05,0.01,NA,NA,30\nintervention,half_life_days_B,NA,NA,NA,NA,30\nintervention,some_future_metric,1,1,1,1,30\n"
    );
    write_inputs(&dir, &ts, &dur);
    let paths = plot_run_dir(&dir, Lang::En).expect("sparse input must render");
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for expected in [
        "timeseries_B.png",
        "timeseries_gain_B.svg",
        "timeseries_N.png",
        "timeseries_weird_metric_x.png",
        "iceberg_baseline.png",
        "iceberg_intervention.svg",
        "durability.png",
        "drives_B.png",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "missing {expected} in {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n.contains("all_na")),
        "all-NA metric charted"
    );
    for p in &paths {
        if p.extension().unwrap() == "png" {
            let (w, h) = png_size(&fs::read(p).unwrap());
            assert_eq!((w, h), (1200, 700));
        } else {
            check_svg(&fs::read_to_string(p).unwrap(), &p.display().to_string());
        }
    }
}

#[test]
fn header_only_input_is_no_data_not_a_panic() {
    let dir = fresh_dir("empty");
    write_inputs(&dir, TS_HEADER, DUR_HEADER);
    assert!(matches!(
        plot_run_dir(&dir, Lang::En),
        Err(PlotError::NoData(_))
    ));
}
