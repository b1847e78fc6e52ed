//! Cost against benefit on a real run: the cost chart's parts add up to its total, a ratio in
//! `durability.csv` is the shown numerator divided by the shown divisor, and an
//! `[economics]` section adds net value and break-even (and only it does).

use std::path::{Path, PathBuf};
use std::process::Command;

use undercurrent::metrics::registry::DurabilityMetric;
use undercurrent::plot::charts::costs::{cost_bars, cost_benefit_points};
use undercurrent::plot::{available_charts, load_run_dir, ChartKind, RunData};

const SCENARIO: &str = r#"
name = "costs"
seed = 11
replications = 4
horizon_days = 400
burn_in_days = 100
record_every = 10

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

/// Runs `text` as a scenario into a fresh directory under the test's temporary directory.
fn run(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("costs-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("scenario.toml");
    std::fs::write(&file, text).unwrap();
    let out_dir = dir.join("out");
    let out = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args([
            "run",
            file.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ])
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out_dir
}

fn mean(data: &RunData, arm: &str, m: DurabilityMetric) -> f64 {
    data.durability
        .mean(arm, m.name())
        .unwrap_or_else(|| panic!("{arm}: no {}", m.name()))
}

fn valued_dir() -> PathBuf {
    run(
        "valued",
        &format!("{SCENARIO}\n[economics]\nvalue_per_customer_per_year = 300.0\n"),
    )
}

#[test]
fn the_cost_charts_parts_sum_to_its_total_and_the_baseline_runs_no_programme() {
    let data = load_run_dir(&run("plain", SCENARIO)).unwrap();
    let bars = cost_bars(&data);
    assert_eq!(bars.len(), data.arms.len(), "one bar per arm");
    for b in &bars {
        let sum: f64 = b.parts.iter().sum();
        assert!(
            (sum - b.total).abs() <= 1e-9 * b.total.abs().max(1.0),
            "{}: parts {:?} add to {sum}, the total drawn is {}",
            b.arm,
            b.parts,
            b.total
        );
    }
    let baseline = bars.iter().find(|b| b.arm == "baseline").unwrap();
    assert_eq!(
        baseline.parts[0], 0.0,
        "the baseline has no intervention cost"
    );
    assert!(baseline.parts[1] > 0.0, "its rule breaks cost something");
    assert!(bars.iter().any(|b| b.parts[0] > 0.0));
    let charts = available_charts(&data);
    assert!(charts.contains(&ChartKind::Costs));
    assert!(charts.contains(&ChartKind::CostBenefit));
    assert_eq!(
        cost_benefit_points(&data).len(),
        2,
        "one point per programme"
    );
}

#[test]
fn a_cost_per_point_is_the_shown_cost_divided_by_the_shown_divisor() {
    let data = load_run_dir(&run("ratio", SCENARIO)).unwrap();
    let mut checked = 0;
    for arm in ["training_only", "coaching"] {
        let cost = mean(&data, arm, DurabilityMetric::Cost);
        for (ratio, divisor) in [
            (
                DurabilityMetric::CostPerNpsPoint,
                DurabilityMetric::MeanGainNps,
            ),
            (
                DurabilityMetric::CostPerLastingNpsPoint,
                DurabilityMetric::Gain12mNps,
            ),
        ] {
            assert_eq!(ratio.ratio(), Some((DurabilityMetric::Cost, divisor)));
            let d = mean(&data, arm, divisor);
            if d <= 0.0 {
                assert!(data.durability.mean(arm, ratio.name()).is_none());
                continue;
            }
            let shown = mean(&data, arm, ratio);
            // Read back from the CSV's decimal text: equal to the last bits of a division.
            assert!(
                (shown - cost / d).abs() <= 1e-12 * shown.abs(),
                "{arm} {}: {shown} is not {cost} / {d}",
                ratio.name()
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} ratios had a positive divisor");
}

#[test]
fn economics_adds_net_value_and_break_even_and_only_it_does() {
    let plain = load_run_dir(&run("no-economics", SCENARIO)).unwrap();
    for m in DurabilityMetric::ALL.iter().filter(|m| m.needs_valuation()) {
        assert!(
            plain.durability.get("training_only", m.name()).is_none(),
            "{} written without [economics]",
            m.name()
        );
    }
    let dir = valued_dir();
    let data = load_run_dir(&dir).unwrap();
    for arm in ["training_only", "coaching"] {
        let share = mean(&data, arm, DurabilityMetric::BreakEvenShare);
        assert!((0.0..=1.0).contains(&share), "{arm}: {share}");
        let days = data
            .durability
            .mean(arm, DurabilityMetric::BreakEvenDays.name());
        assert_eq!(
            share > 0.0,
            days.is_some(),
            "{arm}: share {share}, days {days:?}"
        );
        assert!(mean(&data, arm, DurabilityMetric::NetValue).is_finite());
    }
    let report = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(report.contains("<h2>Cost and benefit</h2>"));
    assert!(report.contains("300 euro per customer per year"));
    assert!(report.contains("break-even"));
}

#[test]
fn bad_economics_get_file_line_column_key_and_range() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("costs-bad");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "negative.toml",
            "[economics]\nvalue_per_customer_per_year = -5.0\n",
            "negative.toml:2:31: `economics.value_per_customer_per_year` = -5: expected a number in [0, 1000000000]",
        ),
        (
            "both.toml",
            "[economics]\nvalue_per_customer_per_year = 300.0\nvalue_per_nps_point_per_year = 1000.0\n",
            "both.toml:3:32: `economics.value_per_nps_point_per_year` = 1000: expected absent when economics.value_per_customer_per_year is given",
        ),
        (
            "typo.toml",
            "[economics]\nvalue_per_customer = 300.0\n",
            "did you mean `value_per_customer_per_year`?",
        ),
        (
            "text.toml",
            "[economics]\nvalue_per_nps_point_per_year = \"a lot\"\n",
            "text.toml:2:",
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out_dir: &Path = &dir.join("out");
        let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
            .args([
                "run",
                path.to_str().unwrap(),
                "--out",
                out_dir.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!out_dir.exists(), "{name}: nothing written");
    }
}
