//! The second layer of the source articles: stylized facts 6-8 (docs/sources.md section 2)
//! and the effect of every intervention and organisation mechanism that issue adds (rules and
//! sanctions, practice, feedback culture, the role-model programme, shared feedback, a shared
//! definition, gaming, turnover with hiring selectivity and socialisation).
//!
//! Each article test runs the article's own experiment file from `experiments/articles/` with
//! fewer replications, so the files the results are made from are the files tested. Effects
//! are paired differences against the baseline arm (common random numbers), with a 95%
//! interval of the mean over replications.

use undercurrent::experiment::replication::ReplicationResult;
use undercurrent::experiment::runner::run_scenario;
use undercurrent::experiment::scenario::Scenario;
use undercurrent::metrics::durability::DURABILITY_METRICS;
use undercurrent::metrics::recorder::metric_index;
use undercurrent::model::employees::Col;
use undercurrent::model::{Consts, Params, Simulation};

struct Study {
    scenario: Scenario,
    runs: Vec<ReplicationResult>,
}

/// A paired difference (arm minus baseline): mean over replications and its 95% interval.
#[derive(Debug, Clone, Copy)]
struct Paired {
    mean: f64,
    lo: f64,
    hi: f64,
}

fn paired(d: &[f64]) -> Paired {
    let n = d.len() as f64;
    let mean = d.iter().sum::<f64>() / n;
    let var = d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    // t(0.975) for the small replication counts used here is at most 2.6 (n >= 6).
    let half = 2.6 * (var / n).sqrt();
    Paired {
        mean,
        lo: mean - half,
        hi: mean + half,
    }
}

fn study(src: &str) -> Study {
    let scenario = Scenario::parse(src, "<test>").unwrap_or_else(|e| panic!("{e}"));
    let runs = run_scenario(&scenario, &|| {});
    Study { scenario, runs }
}

/// The article's experiment file with `replications` replications.
fn article(file: &str, replications: usize) -> Study {
    let path = format!("{}/experiments/articles/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut scenario =
        Scenario::load(std::path::Path::new(&path)).unwrap_or_else(|e| panic!("{e}"));
    scenario.replications = replications;
    let runs = run_scenario(&scenario, &|| {});
    Study { scenario, runs }
}

impl Study {
    fn arm(&self, name: &str) -> usize {
        self.scenario
            .arms
            .iter()
            .position(|a| a.name == name)
            .unwrap_or_else(|| panic!("no arm {name}"))
    }

    /// Per replication: the mean of `metric` over the recorded days in `[from, to]`.
    fn over(&self, arm: &str, metric: &str, from: i64, to: i64) -> Vec<f64> {
        let a = self.arm(arm);
        let m = metric_index(metric).unwrap_or_else(|| panic!("no metric {metric}"));
        self.runs
            .iter()
            .map(|r| {
                let s = &r.series[a];
                let rows: Vec<usize> = (0..s.days.len())
                    .filter(|&k| (from..=to).contains(&s.days[k]))
                    .collect();
                assert!(!rows.is_empty(), "no recorded day in [{from}, {to}]");
                rows.iter().map(|&k| s.value(k, m)).sum::<f64>() / rows.len() as f64
            })
            .collect()
    }

    /// Mean over replications of `metric` over `[from, to]`.
    fn level(&self, arm: &str, metric: &str, from: i64, to: i64) -> f64 {
        let v = self.over(arm, metric, from, to);
        v.iter().sum::<f64>() / v.len() as f64
    }

    /// `arm` minus the baseline, paired per replication, over `[from, to]`.
    fn gain(&self, arm: &str, metric: &str, from: i64, to: i64) -> Paired {
        let a = self.over(arm, metric, from, to);
        let b = self.over("baseline", metric, from, to);
        paired(&a.iter().zip(&b).map(|(x, y)| x - y).collect::<Vec<_>>())
    }

    /// Mean over replications of a durability metric of `arm`.
    fn durability(&self, arm: &str, metric: &str) -> f64 {
        let a = self.arm(arm);
        let k = DURABILITY_METRICS
            .iter()
            .position(|m| *m == metric)
            .unwrap();
        self.runs
            .iter()
            .map(|r| r.durability[a - 1][k])
            .sum::<f64>()
            / self.runs.len() as f64
    }
}

// ---------------------------------------------------------------------------------------
// Fact 6 (article 004): rules and sanctions cut rule breaks but lower norms and NPS;
// reflection + practice + feedback culture cut rule breaks while NPS holds.

#[test]
fn fact6_sanctions_cut_rule_breaks_but_lower_norms_and_nps() {
    let s = article("004_rule_breaks.toml", 8);
    let (from, to) = (60, 300); // while the sanctions are in force
    let base = s.level("baseline", "rule_breaks_per_1000", from, to);
    let breaks = s.gain("sanctions", "rule_breaks_per_1000", from, to);
    assert!(
        breaks.hi < -0.3 * base,
        "sanctions should cut rule breaks by more than 30% of {base:.1}: {breaks:?}"
    );
    let norm = s.gain("sanctions", "N", 250, 300);
    assert!(norm.hi < 0.0, "sanctions should lower norms: {norm:?}");
    let nps = s.gain("sanctions", "nps", 100, 300);
    assert!(nps.hi < 0.0, "sanctions should lower NPS: {nps:?}");
}

#[test]
fn fact6_reflection_practice_and_feedback_culture_cut_rule_breaks_while_nps_holds() {
    let s = article("004_rule_breaks.toml", 8);
    let arm = "reflection_practice_culture";
    let base = s.level("baseline", "rule_breaks_per_1000", 60, 300);
    let breaks = s.gain(arm, "rule_breaks_per_1000", 60, 300);
    assert!(
        breaks.hi < -0.2 * base,
        "the 004 method should cut rule breaks by more than 20% of {base:.1}: {breaks:?}"
    );
    let nps = s.gain(arm, "nps", 100, 300);
    assert!(nps.lo > 0.0, "NPS should hold (not fall): {nps:?}");
    let norm = s.gain(arm, "N", 250, 300);
    assert!(norm.lo > 0.0, "norms should not suffer: {norm:?}");
    // Both ways cut breaks, but only one keeps the customer: the method beats sanctions on
    // NPS by a clear margin.
    let sanctions = s.level("sanctions", "nps", 100, 300);
    let method = s.level(arm, "nps", 100, 300);
    assert!(
        method > sanctions + 3.0,
        "NPS {method:.1} vs sanctions {sanctions:.1}"
    );
}

// ---------------------------------------------------------------------------------------
// Fact 7 (article 002): raising managers' role-model level raises employee norms and the
// recognition share; the effect is weaker in larger organisations.

fn role_model_study(employees: usize) -> Study {
    study(&format!(
        r#"
name = "fact7"
seed = 702
replications = 6
horizon_days = 500
burn_in_days = 400
record_every = 10
[organisation]
employees = {employees}
[[arms]]
name = "role_model_programme"
[[arms.interventions]]
kind = "role_model_programme"
target = "managers"
start = 50
duration = 120
interval = 10
"#
    ))
}

#[test]
fn fact7_a_role_model_programme_raises_recognition_and_norms_less_so_in_large_organisations() {
    let small = role_model_study(200);
    let large = role_model_study(3000);
    let arm = "role_model_programme";
    let rec_small = small.gain(arm, "recognition_share", 170, 250);
    let rec_large = large.gain(arm, "recognition_share", 170, 250);
    let n_small = small.gain(arm, "N", 400, 499);
    let n_large = large.gain(arm, "N", 400, 499);
    assert!(
        rec_small.lo > 0.2,
        "recognition, 200 employees: {rec_small:?}"
    );
    assert!(
        rec_large.lo > 0.0,
        "recognition, 3000 employees: {rec_large:?}"
    );
    assert!(n_small.lo > 0.0, "norm, 200 employees: {n_small:?}");
    assert!(n_large.lo > 0.0, "norm, 3000 employees: {n_large:?}");
    assert!(
        rec_large.mean < 0.7 * rec_small.mean,
        "recognition gain should be weaker in the large organisation: {rec_large:?} vs {rec_small:?}"
    );
    assert!(
        n_large.mean < n_small.mean,
        "norm gain should be weaker in the large organisation: {n_large:?} vs {n_small:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Fact 8 (article 001): the effect of each intervention depends on the drive mix: coaching
// works better in a people-oriented mix, reinforcement in a results-oriented one.

fn mix_study(mix: &str) -> Study {
    study(&format!(
        r#"
name = "fact8"
seed = 801
replications = 6
horizon_days = 500
burn_in_days = 400
record_every = 10
[organisation]
drive_mix = {mix}
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 50
duration = 120
interval = 10
[[arms]]
name = "reinforcement"
[[arms.interventions]]
kind = "reinforcement"
start = 50
duration = 120
interval = 20
"#
    ))
}

const PEOPLE: &str = "{ purple = 0.25, red = 0.05, blue = 0.10, orange = 0.05, green = 0.45, yellow = 0.05, turquoise = 0.05 }";
const RESULTS: &str = "{ purple = 0.05, red = 0.30, blue = 0.10, orange = 0.45, green = 0.05, yellow = 0.03, turquoise = 0.02 }";

#[test]
fn fact8_coaching_works_better_in_a_people_mix_and_reinforcement_in_a_results_mix() {
    let people = mix_study(PEOPLE);
    let results = mix_study(RESULTS);
    for metric in ["peak_gain_B", "gain_12m_B"] {
        let (p, r) = (
            people.durability("coaching", metric),
            results.durability("coaching", metric),
        );
        assert!(
            p > 1.1 * r,
            "coaching {metric}: people mix {p:.3}, results mix {r:.3}"
        );
    }
    let (p, r) = (
        people.durability("reinforcement", "peak_gain_B"),
        results.durability("reinforcement", "peak_gain_B"),
    );
    // With the evidence-calibrated weight of reward expectancy (0.34, was 1.0) the drives'
    // susceptibility to rewards acts on a smaller lever: the results mix's lead shrank from
    // over 20% to about 6% (docs/model.md section 10, item 18). It must still lead.
    assert!(
        r > 1.03 * p,
        "reinforcement peak gain: results mix {r:.3}, people mix {p:.3}"
    );
}

// ---------------------------------------------------------------------------------------
// Single mechanisms of section 4.

fn one_arm(kind_block: &str, extra: &str) -> Study {
    study(&format!(
        r#"
name = "mechanism"
seed = 404
replications = 6
horizon_days = 300
burn_in_days = 400
record_every = 10
{extra}
[[arms]]
name = "arm"
[[arms.interventions]]
{kind_block}
"#
    ))
}

#[test]
fn practising_alternatives_builds_a_repertoire_that_replaces_rule_breaks() {
    let s = one_arm(
        "kind = \"practice\"\nstart = 50\nduration = 120\ninterval = 10",
        "",
    );
    let p = s.gain("arm", "P", 150, 170);
    let alt = s.gain("arm", "alternatives_per_1000", 100, 170);
    let breaks = s.gain("arm", "rule_breaks_per_1000", 100, 170);
    assert!(p.lo > 0.05, "P: {p:?}");
    assert!(alt.lo > 0.0, "alternatives offered: {alt:?}");
    assert!(breaks.hi < 0.0, "rule breaks: {breaks:?}");
}

#[test]
fn a_feedback_culture_raises_understanding_of_intent_and_cuts_rule_breaks() {
    let s = one_arm(
        "kind = \"feedback_culture\"\nstart = 50\nduration = 200\ninterval = 20",
        "",
    );
    let u = s.gain("arm", "U", 200, 250);
    let breaks = s.gain("arm", "rule_breaks_per_1000", 100, 250);
    assert!(u.lo > 0.0, "U: {u:?}");
    assert!(breaks.hi < 0.0, "rule breaks: {breaks:?}");
}

#[test]
fn about_15_percent_are_feedback_minded_and_shared_feedback_raises_their_norms_most() {
    let s = one_arm("kind = \"share_feedback\"\nstart = 20\nduration = 280", "");
    let share = s.level("baseline", "feedback_minded_share", 0, 0);
    assert!(
        (0.12..=0.18).contains(&share),
        "feedback-minded share {share:.3} (article 002: about 15%)"
    );
    let minded = s.gain("arm", "N_feedback_minded", 250, 299);
    let all = s.gain("arm", "N", 250, 299);
    assert!(minded.lo > 0.0, "N of the feedback-minded: {minded:?}");
    assert!(all.lo > 0.0, "N of everyone: {all:?}");
    // The feedback-minded already hold stronger norms (their drives are the empathic ones),
    // so compare the share of the remaining room to a norm of 1 that the feedback closes.
    let room_minded = 1.0 - s.level("baseline", "N_feedback_minded", 250, 299);
    let room_all = 1.0 - s.level("baseline", "N", 250, 299);
    let (closed_minded, closed_all) = (minded.mean / room_minded, all.mean / room_all);
    assert!(
        closed_minded > 1.15 * closed_all,
        "the feedback-minded should close more of their room: {closed_minded:.3} vs {closed_all:.3}"
    );
}

#[test]
fn a_shared_definition_aligns_lenses_and_makes_the_same_behaviour_count_for_more() {
    let s = one_arm(
        "kind = \"shared_definition\"\nstart = 50\nduration = 60\ninterval = 10",
        "",
    );
    let align = s.gain("arm", "alignment", 120, 299);
    let score = s.gain("arm", "mean_score", 120, 299);
    let b = s.gain("arm", "B", 120, 299);
    assert!(align.lo > 0.05, "alignment: {align:?}");
    assert!(score.lo > 0.0, "mean customer score: {score:?}");
    assert!(
        b.mean.abs() < 0.25 * score.mean.abs().max(0.01),
        "the definition changes what behaviour is worth, not how often it is shown: B {b:?}"
    );
}

#[test]
fn gaming_under_reinforcement_earns_rewards_without_customer_value() {
    let s = article("003_reinforcement.toml", 6);
    let (from, to) = (60, 170);
    assert_eq!(s.level("continuous", "gamed_per_1000", from, to), 0.0);
    let gamed = s.level("continuous_gamed", "gamed_per_1000", from, to);
    assert!(gamed > 50.0, "gamed contacts per 1000: {gamed:.1}");
    let rewards_honest = s.level("continuous", "rewards_per_1000", from, to);
    let rewards_gamed = s.level("continuous_gamed", "rewards_per_1000", from, to);
    assert!(
        rewards_gamed > rewards_honest + 0.5 * gamed,
        "rewards {rewards_gamed:.0} vs honest {rewards_honest:.0} per 1000"
    );
    // Targets met "with ease": more rewards, more cost, no more satisfied customers.
    let nps_honest = s.level("continuous", "nps", from, to);
    let nps_gamed = s.level("continuous_gamed", "nps", from, to);
    assert!(
        nps_gamed <= nps_honest + 0.5,
        "gaming should not buy NPS: {nps_gamed:.1} vs {nps_honest:.1}"
    );
    let cost_honest = s.level("continuous", "cost_interventions_cumulative", to, to);
    let cost_gamed = s.level("continuous_gamed", "cost_interventions_cumulative", to, to);
    assert!(
        cost_gamed > cost_honest,
        "cost {cost_gamed:.0} vs {cost_honest:.0}"
    );
}

#[test]
fn fact4_again_in_article_003_variable_ratio_extinguishes_more_slowly_after_withdrawal() {
    let s = article("003_reinforcement.toml", 6);
    let cont = s.durability("continuous", "retained_12m_B");
    let var = s.durability("variable_ratio", "retained_12m_B");
    assert!(
        var > cont,
        "retained after 12 months: variable {var:.3}, continuous {cont:.3}"
    );
}

#[test]
fn article_000_training_alone_fades_and_the_full_method_lasts() {
    let s = article("000_training_vs_full_method.toml", 6);
    let training = s.durability("training_only", "gain_12m_B");
    let full = s.durability("full_method", "gain_12m_B");
    // Since the evidence calibration a training keeps about 0.7 of its gain six months on
    // (Saks & Belcourt 2006), so the full method's lead a year after is about twofold, not the
    // threefold of the hand calibration before; stylized fact 3 asks that it beats each part.
    assert!(
        full > 1.5 * training.max(0.0) && full > 0.05,
        "gain 12 months after: full method {full:.3}, training {training:.3}"
    );
    let (t, f) = (
        s.durability("training_only", "half_life_days_B"),
        s.durability("full_method", "half_life_days_B"),
    );
    assert!(
        t < f,
        "half-life: training {t:.0} days, full method {f:.0} days"
    );
}

// ---------------------------------------------------------------------------------------
// Turnover, hiring selectivity and socialisation.

/// Newcomers hired 60-90 days ago at day `days`: mean of their N − N0 (how far the team has
/// moved their norm from their own disposition) over `seeds` organisations.
fn newcomers_shift(role_model_mean: f64, socialise: bool) -> f64 {
    let mut p = Params::default();
    p.organisation.employees = 1000;
    p.organisation.turnover_per_year = 0.45;
    p.managers.role_model_mean = role_model_mean;
    if !socialise {
        p.organisation.socialisation_peer = 0.0;
        p.organisation.socialisation_manager = 0.0;
    }
    let k = Consts::new(&p);
    let s = Scenario::parse("name = \"x\"", "<test>").unwrap();
    let baseline = &s.plans()[0];
    let (mut sum, mut n) = (0.0, 0usize);
    for seed in 0..3u64 {
        let mut sim = Simulation::new(&p, &k, seed);
        for day in 0..300 {
            sim.step(baseline, day, false);
        }
        for t in &sim.teams {
            let e = &t.employees;
            for i in 0..e.len() {
                let tenure = e.get(Col::Tenure, i);
                if (60.0..90.0).contains(&tenure) {
                    sum += (e.get(Col::N, i) - e.get(Col::N0, i)) as f64;
                    n += 1;
                }
            }
        }
    }
    assert!(n > 50, "only {n} newcomers");
    sum / n as f64
}

#[test]
fn socialisation_passes_the_managers_example_on_to_newcomers() {
    let strong_on = newcomers_shift(0.85, true);
    let strong_off = newcomers_shift(0.85, false);
    let weak_on = newcomers_shift(0.15, true);
    let weak_off = newcomers_shift(0.15, false);
    assert!(
        strong_on > strong_off + 0.05,
        "role-model managers should lift newcomers' norms: {strong_on:.3} vs {strong_off:.3} without socialisation"
    );
    assert!(
        weak_on < weak_off - 0.05,
        "poor role models should pull newcomers' norms down: {weak_on:.3} vs {weak_off:.3} without socialisation"
    );
    assert!(strong_on > weak_on + 0.1);
}

fn turnover_study(turnover: f64, extra: &str) -> Study {
    study(&format!(
        r#"
name = "turnover"
seed = 909
replications = 6
horizon_days = 750
burn_in_days = 300
record_every = 25
[organisation]
turnover_per_year = {turnover}
{extra}
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 50
duration = 120
interval = 10
"#
    ))
}

#[test]
fn selective_hiring_raises_the_norm_of_an_organisation_with_high_turnover() {
    let open = turnover_study(0.45, "hiring_candidates = 1");
    let selective = turnover_study(0.45, "hiring_candidates = 5");
    let n_open = open.level("baseline", "N", 700, 749);
    let n_sel = selective.level("baseline", "N", 700, 749);
    let b_open = open.level("baseline", "B", 700, 749);
    let b_sel = selective.level("baseline", "B", 700, 749);
    assert!(
        n_sel > n_open + 0.03,
        "N: selective {n_sel:.3}, open {n_open:.3}"
    );
    assert!(b_sel > b_open, "B: selective {b_sel:.3}, open {b_open:.3}");
}

#[test]
fn turnover_carries_a_coached_gain_out_of_the_door() {
    let high = turnover_study(0.45, "");
    let low = turnover_study(0.05, "");
    let g_high = high.durability("coaching", "gain_12m_B");
    let g_low = low.durability("coaching", "gain_12m_B");
    assert!(
        g_high < 0.8 * g_low,
        "gain 12 months after coaching: 45% turnover {g_high:.3}, 5% turnover {g_low:.3}"
    );
    let leavers = high.level("baseline", "leavers_per_day", 100, 749);
    // 45% of 200 a year over 250 working days: 0.36 a day.
    assert!(
        (0.28..0.44).contains(&leavers),
        "leavers per day {leavers:.3}"
    );
}
