//! Prints the calibration targets (docs/sources.md sections 3 and 4) for the default parameters.
//! `cargo run --release --example calibrate -- [replications]`
use rayon::prelude::*;
use undercurrent::experiment::replication::{run_replication, RunSettings};
use undercurrent::metrics::durability::DURABILITY_METRICS;
use undercurrent::metrics::recorder::metric_index;
use undercurrent::model::rng::replication_seed;
use undercurrent::model::{ArmPlan, Consts, InterventionSpec, Kind, Params, Schedule};

fn main() {
    let reps: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let params: Params = match std::env::args().nth(2) {
        Some(path) => toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap(),
        None => Params::default(),
    };
    // The model assumes validated parameters (e.g. customer memories stay in [0, 1]).
    let mut check = undercurrent::model::validate::Check::default();
    params.check(&mut check);
    if !check.is_ok() {
        for p in &check.problems {
            eprintln!("error: {p}");
        }
        std::process::exit(2);
    }
    let consts = Consts::new(&params);
    let n_teams = 20;
    let arms: Vec<(&str, Vec<InterventionSpec>)> = vec![
        ("baseline", vec![]),
        (
            "training_only",
            vec![InterventionSpec::new(Kind::Training, Some(50), 2, 1)],
        ),
        (
            "coaching",
            vec![InterventionSpec::new(Kind::Coaching, Some(50), 120, 10)],
        ),
        (
            "reinf_cont",
            vec![InterventionSpec::new(
                Kind::Reinforcement,
                Some(50),
                120,
                20,
            )],
        ),
        (
            "reinf_var",
            vec![
                InterventionSpec::new(Kind::Reinforcement, Some(50), 120, 20)
                    .with_schedule(Schedule::VariableRatio, 3.0),
            ],
        ),
        (
            "full_method",
            vec![
                InterventionSpec::new(Kind::Training, Some(50), 2, 1),
                InterventionSpec::new(Kind::Coaching, None, 120, 10),
                InterventionSpec::new(Kind::Reflection, None, 120, 20),
            ],
        ),
    ];
    let plans: Vec<ArmPlan> = arms
        .iter()
        .map(|(_, s)| ArmPlan::resolve(s, n_teams))
        .collect();
    let burn: i64 = std::env::var("BURN")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(250);
    let settings = RunSettings {
        horizon: 750,
        burn_in: burn,
        record_every: 5,
        snapshot_days: vec![],
        teams: false,
    };
    let t0 = std::time::Instant::now();
    let results: Vec<_> = (0..reps)
        .into_par_iter()
        .map(|r| run_replication(&params, &consts, &plans, replication_seed(42, r), &settings))
        .collect();
    eprintln!("{} reps in {:.2}s", reps, t0.elapsed().as_secs_f64());
    let base_metrics = [
        "B",
        "N",
        "H",
        "E",
        "U",
        "P",
        "recognition_share",
        "strong_norm_share",
        "oriented_share",
        "mean_score",
        "nps",
        "promoter_share",
        "detractor_share",
        "rule_breaks_per_1000",
        "active_customers",
        "churned_per_day",
    ];
    for m in base_metrics {
        let i = metric_index(m).unwrap();
        let first: f64 = results.iter().map(|r| r.series[0].value(0, i)).sum::<f64>() / reps as f64;
        let last: f64 = results
            .iter()
            .map(|r| {
                let s = &r.series[0];
                s.value(s.days.len() - 1, i)
            })
            .sum::<f64>()
            / reps as f64;
        println!("baseline {m:24} day0 {first:8.3}  last {last:8.3}");
    }
    if std::env::var("TRAJ").is_ok() {
        let i = metric_index("strong_norm_share").unwrap();
        let j = metric_index("recognition_share").unwrap();
        let s0 = &results[0].series[0];
        for r in (0..s0.days.len()).step_by(15) {
            let avg = |m: usize| {
                results.iter().map(|x| x.series[0].value(r, m)).sum::<f64>() / reps as f64
            };
            println!(
                "day {} strong {:.3} recog {:.3} N {:.3}",
                s0.days[r],
                avg(i),
                avg(j),
                avg(3)
            );
        }
    }
    let sd: f64 = results
        .iter()
        .map(|r| r.series[0].daily_b_var[0].sqrt())
        .sum::<f64>()
        / reps as f64;
    println!("baseline sd_B across employees {sd:.3}");
    let (al, alm): (f64, f64) = results.iter().fold((0.0, 0.0), |a, r| {
        (a.0 + r.self_rating.0, a.1 + r.self_rating.1)
    });
    println!(
        "self-rating always {:.2} almost {:.2}",
        al / reps as f64,
        alm / reps as f64
    );
    for (a, (name, _)) in arms.iter().enumerate().skip(1) {
        print!("{name:12}");
        for (k, m) in DURABILITY_METRICS.iter().enumerate() {
            if [
                "peak_gain_B",
                "days_to_peak_B",
                "half_life_days_B",
                "half_life_censored_share_B",
                "gain_12m_B",
                "retained_12m_B",
                "effect_size_d_B_peak",
                "peak_gain_nps",
                "retained_12m_nps",
            ]
            .contains(m)
            {
                let v: f64 =
                    results.iter().map(|r| r.durability[a - 1][k]).sum::<f64>() / reps as f64;
                print!(" {}={:.3}", m.trim_end_matches("_B"), v);
            }
        }
        println!();
    }
}
