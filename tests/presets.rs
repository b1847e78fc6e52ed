//! Sector and maturity presets against article 002 (docs/sources.md section 3): about 40% of
//! government managers are role models; larger organisations recognise role-model behaviour
//! less; only the transform phase recognises it almost always.

use undercurrent::experiment::runner::run_scenario;
use undercurrent::experiment::scenario::Scenario;
use undercurrent::metrics::recorder::metric_index;
use undercurrent::model::{Consts, Simulation};

fn scenario(extra: &str) -> Scenario {
    let src = format!(
        "name = \"preset\"\nseed = 11\nreplications = 3\nhorizon_days = 20\nburn_in_days = 400\n{extra}\n"
    );
    Scenario::parse(&src, "<test>").unwrap_or_else(|e| panic!("{e}"))
}

/// Share of employees fully recognising their manager's role-model behaviour after the
/// burn-in, mean over replications (baseline arm).
fn recognition(s: &Scenario) -> f64 {
    let m = metric_index("recognition_share").unwrap();
    let results = run_scenario(s, &|| {});
    results.iter().map(|r| r.series[0].value(0, m)).sum::<f64>() / results.len() as f64
}

#[test]
fn about_40_percent_of_government_managers_are_role_models() {
    let s = scenario("sector = \"government\"");
    let params = s.params();
    let consts = Consts::new(&params);
    let shares: Vec<f64> = (0..6u64)
        .map(|seed| Simulation::new(&params, &consts, seed).role_model_share())
        .collect();
    let mean = shares.iter().sum::<f64>() / shares.len() as f64;
    // 6 organisations of 167 managers: the sampling sd of the mean is about 0.016.
    assert!(
        (0.35..=0.45).contains(&mean),
        "government role-model share {mean:.3}"
    );
}

#[test]
fn larger_organisations_recognise_role_model_behaviour_less() {
    let small = recognition(&scenario("[organisation]\nemployees = 200"));
    let large = recognition(&scenario("[organisation]\nemployees = 3000"));
    assert!(
        large < 0.75 * small,
        "recognition: 200 employees {small:.3}, 3000 employees {large:.3}"
    );
}

#[test]
fn only_the_transform_phase_recognises_role_models_almost_always() {
    let r: Vec<f64> = ["ignore", "initiate", "mobilise", "transform"]
        .iter()
        .map(|m| recognition(&scenario(&format!("maturity = \"{m}\""))))
        .collect();
    assert!(r.windows(2).all(|w| w[0] < w[1]), "phases {r:?}");
    assert!(r[3] >= 0.7, "transform recognises {:.3}", r[3]);
    assert!(r[2] <= 0.4, "mobilise recognises {:.3}", r[2]);
}

#[test]
fn government_recognises_less_than_the_sectors_with_leadership_in_order() {
    let gov = recognition(&scenario("sector = \"government\""));
    for s in ["retail", "transport", "hospitality"] {
        let other = recognition(&scenario(&format!("sector = \"{s}\"")));
        assert!(other > gov, "{s} {other:.3} vs government {gov:.3}");
    }
}

#[test]
fn a_preset_never_overrides_what_the_file_sets() {
    let s = scenario("sector = \"government\"\n[organisation]\nemployees = 150\n[managers]\nrole_model_mean = 0.7");
    assert_eq!(s.organisation.employees, 150);
    assert_eq!(s.managers.role_model_mean, 0.7);
    assert_eq!(
        s.organisation.team_size, 12,
        "the rest of the preset applies"
    );
}
