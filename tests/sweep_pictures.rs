//! Sweep charts from the files alone: response curves for one swept parameter, heatmaps for
//! a two-parameter grid, Sobol bars and the Morris μ*–σ plot from `sensitivity.csv`.

use std::path::{Path, PathBuf};
use std::process::Command;

use undercurrent::plot::sweep::{load_sweep_dir, sweep_charts, SweepChart};

fn fresh(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("sweep-pictures-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `points.csv` of a design over `axes` with the given points, two arms, two metrics whose
/// means follow simple functions of the parameters.
fn write_points(dir: &Path, axes: &[&str], points: &[Vec<f64>]) {
    let mut s = format!(
        "point,{},arm,metric,mean,sd,ci_lo,ci_hi,n\n",
        axes.join(",")
    );
    for (p, x) in points.iter().enumerate() {
        let vals: Vec<String> = x.iter().map(|v| v.to_string()).collect();
        for arm in ["baseline", "coaching"] {
            for metric in ["B_mean", "gain_12m_B"] {
                let m = match (arm, metric) {
                    ("baseline", "gain_12m_B") => {
                        s.push_str(&format!(
                            "{p},{},{arm},{metric},NA,NA,NA,NA,0\n",
                            vals.join(",")
                        ));
                        continue;
                    }
                    ("baseline", _) => 0.4 + 0.1 * x[0],
                    (_, "B_mean") => 0.5 + 0.1 * x[0] + 0.05 * x.get(1).unwrap_or(&0.0),
                    _ => 0.1 * x[0] * (1.0 + x.get(1).unwrap_or(&0.0)),
                };
                s.push_str(&format!(
                    "{p},{},{arm},{metric},{m},0.01,{},{},10\n",
                    vals.join(","),
                    m - 0.01,
                    m + 0.01
                ));
            }
        }
    }
    std::fs::write(dir.join("points.csv"), s).unwrap();
    std::fs::write(dir.join("manifest.json"), "{\"name\": \"synthetic\"}").unwrap();
}

fn plot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let out = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .arg("plot")
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("plots"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    for (name, bytes) in &files {
        if name.ends_with(".png") {
            let img = image::load_from_memory(bytes).expect("valid PNG");
            assert_eq!((img.width(), img.height()), (1200, 700), "{name}");
        } else {
            let text = std::str::from_utf8(bytes).unwrap();
            roxmltree::Document::parse(text).expect("well-formed SVG");
        }
    }
    files
}

#[test]
fn a_one_parameter_sweep_gets_response_curves_and_redraws_byte_identical() {
    let d = fresh("response");
    let pts: Vec<Vec<f64>> = (0..5).map(|i| vec![0.2 + 0.15 * i as f64]).collect();
    write_points(&d, &["role_model_mean"], &pts);
    let data = load_sweep_dir(&d).unwrap();
    assert_eq!(
        sweep_charts(&data),
        vec![
            SweepChart::Response {
                metric: "gain_12m_B".into()
            },
            SweepChart::Response {
                metric: "B_mean".into()
            },
        ]
    );
    let first = plot(&d);
    assert_eq!(first.len(), 4);
    let again = plot(&d);
    assert!(first == again, "redraw differs");
}

#[test]
fn a_two_parameter_grid_gets_a_heatmap_per_arm_and_metric() {
    let d = fresh("heatmap");
    let mut pts = Vec::new();
    for a in [0.5, 1.0, 1.5] {
        for b in [0.3, 0.45, 0.6, 0.75] {
            pts.push(vec![a, b]);
        }
    }
    write_points(&d, &["coaching_intensity", "role_model_mean"], &pts);
    // The manifest ties a column to its registry key: the axis takes the registry's unit.
    std::fs::write(
        d.join("manifest.json"),
        r#"{"name": "synthetic", "axes": [{"name": "role_model_mean", "key": "managers.role_model_mean"}]}"#,
    )
    .unwrap();
    let files = plot(&d);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for stem in [
        "heatmap_coaching_gain_12m_B",
        "heatmap_coaching_B_mean",
        "heatmap_baseline_B_mean",
    ] {
        assert!(names.contains(&format!("{stem}.png").as_str()), "{names:?}");
    }
    // The baseline has no gain: no empty heatmap for it.
    assert!(!names.iter().any(|n| n.starts_with("heatmap_baseline_gain")));
    let svg = String::from_utf8(
        files
            .iter()
            .find(|(n, _)| n == "heatmap_coaching_B_mean.svg")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(
        svg.contains("coaching intensity") && svg.contains("role model mean (level in [0, 1])"),
        "axes are named in words, with the registry's unit where the manifest gives a key"
    );
}

#[test]
fn sensitivity_results_get_sobol_bars_and_a_morris_plot() {
    let d = fresh("sensitivity");
    // A scattered (Latin hypercube-like) design: neither response curve nor heatmap fits.
    let pts: Vec<Vec<f64>> = (0..7)
        .map(|i| vec![i as f64 / 7.0, (i * 3 % 7) as f64 / 7.0, 0.5])
        .collect();
    write_points(&d, &["a", "b", "c"], &pts);
    let mut s = String::from("arm,metric,parameter,index,estimate,ci_lo,ci_hi,note\n");
    for (p, s1, st) in [("a", 0.6, 0.7), ("b", 0.2, 0.25), ("c", 0.0, 0.02)] {
        s.push_str(&format!(
            "coaching,gain_12m_B,{p},S1,{s1},{},{},\n",
            s1 - 0.05,
            s1 + 0.05
        ));
        s.push_str(&format!(
            "coaching,gain_12m_B,{p},ST,{st},{},{},\n",
            st - 0.05,
            st + 0.05
        ));
        s.push_str(&format!(
            "coaching,B_mean,{p},mu_star,{},NA,NA,\n",
            st * 0.1
        ));
        s.push_str(&format!("coaching,B_mean,{p},mu,{},NA,NA,\n", st * 0.1));
        s.push_str(&format!("coaching,B_mean,{p},sigma,{},NA,NA,\n", s1 * 0.05));
    }
    std::fs::write(d.join("sensitivity.csv"), s).unwrap();
    let data = load_sweep_dir(&d).unwrap();
    let charts = sweep_charts(&data);
    assert!(charts.contains(&SweepChart::Sobol {
        arm: "coaching".into(),
        metric: "gain_12m_B".into()
    }));
    assert!(charts.contains(&SweepChart::Morris {
        arm: "coaching".into(),
        metric: "B_mean".into()
    }));
    // A scattered design also gets the metric against each parameter, per arm with values.
    let scatters = charts
        .iter()
        .filter(|c| matches!(c, SweepChart::Scatter { .. }))
        .count();
    assert_eq!(scatters, 3, "{charts:?}");
    let files = plot(&d);
    assert_eq!(files.len(), 2 * charts.len());

    // The sweep's report: every chart inline, the indices in a table, nothing outside.
    let out = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .arg("report")
        .arg(&d)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(d.join("report.html")).unwrap();
    assert_eq!(html.matches("<svg").count(), charts.len());
    assert!(html.contains("Sensitivity indices") && html.contains("mu_star"));
    for outside in ["http:", "https:", "src=", "<script", "<link", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
}

#[test]
fn a_malformed_points_file_is_reported_with_its_line() {
    let d = fresh("malformed");
    std::fs::write(
        d.join("points.csv"),
        "point,a,arm,metric,mean,sd,ci_lo,ci_hi,n\n0,0.5,x,B_mean,zero,0,0,0,1\n",
    )
    .unwrap();
    let err = load_sweep_dir(&d).unwrap_err().to_string();
    assert!(
        err.contains("points.csv") && err.contains("line 2"),
        "{err}"
    );
}
