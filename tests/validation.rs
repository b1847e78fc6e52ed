//! `docs/validation.md`: every published figure the model is held to (`docs/sources.md`
//! sections 3 and 4), its source, the model's value with its 95% interval, and whether it
//! lies in the range the figure allows. One declaration per figure, below; the document is
//! generated from them.
//!
//! `UPDATE_DOCS=1 cargo test --release --test validation` rewrites the document; without it the
//! test fails when the document differs from what the model now gives. Figures that the model
//! is expected to meet are also asserted, so a change that moves one out fails here.

mod common;

use common::{cohen_d, default_run, habit_days, skill_after_training};
use undercurrent::experiment::scenario::Scenario;
use undercurrent::metrics::recorder::metric_index;
use undercurrent::metrics::stats::{summarize, Summary};
use undercurrent::model::{Consts, Simulation};

/// How a figure entered the defaults.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// The defaults were set by hand to meet it (docs/model.md names it as the source).
    CalibratedByHand,
    /// A target of the evidence calibration (`experiments/calibration/evidence.toml`,
    /// `results/calibration/`), whose posterior medians are the defaults.
    Evidence,
    /// Held to as a check, not used to set a parameter.
    Check,
    /// Not yet met: the evidence calibration (issue 17) is to bring it in range.
    NotYetMet,
    /// A known deviation, documented in docs/model.md.
    Deviation,
}

impl Role {
    fn words(self) -> &'static str {
        match self {
            Role::CalibratedByHand => "calibration target (set by hand)",
            Role::Evidence => "target of the evidence calibration",
            Role::Check => "check",
            Role::NotYetMet => "target of the evidence calibration, not yet met",
            Role::Deviation => "documented deviation (docs/model.md)",
        }
    }

    /// Whether the test asserts the figure lies in its range.
    fn must_hold(self) -> bool {
        matches!(self, Role::CalibratedByHand | Role::Evidence | Role::Check)
    }
}

/// A value the model gave, with its 95% interval over replications (or organisations).
struct Measured {
    value: f64,
    lo: f64,
    hi: f64,
}

impl From<Summary> for Measured {
    fn from(s: Summary) -> Self {
        Measured {
            value: s.mean,
            lo: s.ci_lo,
            hi: s.ci_hi,
        }
    }
}

struct Figure {
    published: &'static str,
    source: &'static str,
    /// What the model measures for it, in words.
    quantity: &'static str,
    /// The range that counts as meeting the figure, and its unit in words.
    range: (f64, f64),
    unit: &'static str,
    role: Role,
    measure: fn() -> Measured,
}

const FIGURES: &[Figure] = &[
    Figure {
        published: "training effect on on-the-job behaviour right after training, d ≈ 0.62",
        source: "Arthur, Bennett, Edens & Bell 2003, J. Applied Psychology 88:234",
        quantity: "Cohen's d of B, training-only arm against the paired baseline, at the peak",
        range: (0.47, 0.77),
        unit: "d",
        role: Role::Evidence,
        measure: || durability("training_only", "effect_size_d_B_peak"),
    },
    Figure {
        published: "share of trainees applying what they learned, 62% right after and 44% six months later (≈ 0.71 of the gain kept)",
        source: "Saks & Belcourt 2006, Human Resource Management 45:629",
        quantity: "share of the training-only arm's peak gain in B still there six months after",
        range: (0.55, 0.87),
        unit: "share",
        role: Role::Evidence,
        measure: || durability("training_only", "retained_6m_B"),
    },
    Figure {
        published: "workplace coaching, effect on outcomes after the programme, δ ≈ 0.36",
        source: "Jones, Woods & Guillaume 2016, J. Occupational and Organizational Psychology 89:249",
        quantity: "Cohen's d of B, coaching arm against the paired baseline, at the programme's end",
        range: (0.20, 0.60),
        unit: "d",
        role: Role::Evidence,
        measure: || durability("coaching", "effect_size_d_B_end"),
    },
    Figure {
        published: "contingent reinforcement on task performance, d ≈ 0.51",
        source: "Stajkovic & Luthans 1997, Academy of Management Journal 40:1122",
        quantity: "Cohen's d of B, continuous-reinforcement arm against the paired baseline, at the programme's end",
        range: (0.30, 0.75),
        unit: "d",
        role: Role::Evidence,
        measure: || durability("reinforcement_continuous", "effect_size_d_B_end"),
    },
    Figure {
        published: "partial reinforcement extinguishes more slowly the lower the reward rate",
        source: "Harris et al. 2019 and the classical literature",
        quantity: "half-life of the gain after withdrawal, variable ratio (1 in 3) divided by continuous",
        range: (1.2, f64::INFINITY),
        unit: "ratio",
        role: Role::Check,
        measure: half_life_ratio,
    },
    Figure {
        published: "skill decay with non-use: from d ≈ 0 right after training to d ≈ -1.4 after more than a year",
        source: "Arthur, Bennett, Stanush & McNelly 1998, Human Performance 11:57",
        quantity: "Cohen's d of skill K between the day after a two-day training and 300 working days later, without use",
        range: (-1.8, -1.0),
        unit: "d",
        role: Role::Deviation,
        measure: || skill_decay(0.0, 300),
    },
    Figure {
        published: "habit formation: days to 95% of asymptotic automaticity, median ≈ 66",
        source: "Lally et al. 2010, European J. Social Psychology 40:998",
        quantity: "median over the default organisation's employees of the days their habit takes to reach 95% with daily practice",
        range: (56.0, 76.0),
        unit: "days",
        role: Role::CalibratedByHand,
        measure: habit_days_median,
    },
    Figure {
        published: "share of employees fully recognising management role-model behaviour, 20%",
        source: "Nationale Klantgedrevenheid Monitor 2018 (article 002)",
        quantity: "baseline recognition share, mean over the recorded days",
        range: (0.15, 0.25),
        unit: "share",
        role: Role::Evidence,
        measure: || baseline("recognition_share"),
    },
    Figure {
        published: "managers rating their own role-model behaviour \"always\", ≈ 50%",
        source: "Nationale Klantgedrevenheid Monitor 2018 (article 002)",
        quantity: "share of managers whose self-rating is \"always\"",
        range: (0.40, 0.60),
        unit: "share",
        role: Role::CalibratedByHand,
        measure: || self_rating(true),
    },
    Figure {
        published: "managers rating their own role-model behaviour \"almost always\", ≈ 33%",
        source: "Nationale Klantgedrevenheid Monitor 2018 (article 002)",
        quantity: "share of managers whose self-rating is \"almost always\"",
        range: (0.25, 0.42),
        unit: "share",
        role: Role::CalibratedByHand,
        measure: || self_rating(false),
    },
    Figure {
        published: "about 14% of employees hold a strong norm (N ≥ 0.8)",
        source: "article 002, 2018 survey (docs/sources.md)",
        quantity: "baseline share with N ≥ 0.8, mean over the recorded days",
        range: (0.09, 0.19),
        unit: "share",
        role: Role::Evidence,
        measure: || baseline("strong_norm_share"),
    },
    Figure {
        published: "about 15% of employees are highly feedback-minded",
        source: "article 002, 2018 survey (docs/sources.md)",
        quantity: "baseline share of highly feedback-minded employees, mean over the recorded days",
        range: (0.10, 0.20),
        unit: "share",
        role: Role::CalibratedByHand,
        measure: || baseline("feedback_minded_share"),
    },
    Figure {
        published: "average company NPS ≈ 5-10",
        source: "Net Promoter benchmark pages (Bain / Satmetrix)",
        quantity: "baseline NPS over the last 20 working days, mean over the recorded days",
        range: (5.0, 10.0),
        unit: "NPS points",
        role: Role::Evidence,
        measure: || baseline("nps"),
    },
    Figure {
        published: "government: about 40% of managers are role models",
        source: "article 002 (docs/sources.md)",
        quantity: "share of managers who are role models in the government preset (1,000 employees, 6 organisations)",
        range: (0.35, 0.45),
        unit: "share",
        role: Role::CalibratedByHand,
        measure: government_role_models,
    },
];

/// A durability statistic of the default run, with its interval over replications.
fn durability(arm: &str, metric: &str) -> Measured {
    summarize(&default_run().values(arm, metric)).into()
}

/// The baseline's mean of a recorded metric over all recorded days, per replication, then
/// its interval over replications.
fn baseline(metric: &str) -> Measured {
    let m = metric_index(metric).unwrap();
    let per_rep: Vec<f64> = default_run()
        .results
        .iter()
        .map(|r| {
            let s = &r.series[0];
            (0..s.days.len()).map(|d| s.value(d, m)).sum::<f64>() / s.days.len() as f64
        })
        .collect();
    summarize(&per_rep).into()
}

fn half_life_ratio() -> Measured {
    let r = default_run();
    let v = r.values("reinforcement_variable", "half_life_days_B");
    let c = r.values("reinforcement_continuous", "half_life_days_B");
    let ratios: Vec<f64> = v.iter().zip(&c).map(|(a, b)| a / b).collect();
    summarize(&ratios).into()
}

fn self_rating(always: bool) -> Measured {
    let shares: Vec<f64> = default_run()
        .results
        .iter()
        .map(|x| {
            if always {
                x.self_rating.0
            } else {
                x.self_rating.1
            }
        })
        .collect();
    summarize(&shares).into()
}

fn habit_days_median() -> Measured {
    let medians: Vec<f64> = (0..5u64)
        .map(|rep| {
            let days = habit_days(rep);
            days[days.len() / 2]
        })
        .collect();
    summarize(&medians).into()
}

fn government_role_models() -> Measured {
    let s = Scenario::parse(
        "name = \"gov\"\nseed = 11\nsector = \"government\"\n[organisation]\nemployees = 1000\n",
        "<validation>",
    )
    .unwrap();
    let params = s.params();
    let consts = Consts::new(&params);
    let shares: Vec<f64> = (0..6u64)
        .map(|seed| Simulation::new(&params, &consts, seed).role_model_share())
        .collect();
    summarize(&shares).into()
}

/// Cohen's d of skill K between the day after a two-day training and `later` working days
/// after it (pooled sd over every employee), per replication, then its interval.
fn skill_decay(use_protection: f64, later: i64) -> Measured {
    let ds: Vec<f64> = skill_after_training(use_protection, later, 5)
        .iter()
        .map(|(x, y)| cohen_d(x, y))
        .collect();
    summarize(&ds).into()
}

/// A number for the table: three significant digits, as the reports round.
fn fmt(x: f64) -> String {
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    match x.abs() {
        a if a >= 100.0 => format!("{x:.0}"),
        a if a >= 10.0 => format!("{x:.1}"),
        a if a >= 1.0 => format!("{x:.2}"),
        _ => format!("{x:.3}"),
    }
}

fn document(rows: &[(&Figure, Measured)]) -> String {
    let mut out = String::from(
        "# Validation: the published figures the model is held to\n\n\
         Generated by `UPDATE_DOCS=1 cargo test --release --test validation` from the declarations in\n\
         `tests/validation.rs`; the same test fails when this file no longer matches the model. The\n\
         model's values come from the embedded default scenario (`experiments/default.toml`, 20\n\
         replications, seed as in the file) unless the quantity says otherwise; the interval is the\n\
         95% t interval of the mean over replications (or over organisations where so stated). \"In\"\n\
         means the model's mean lies in the range the figure allows; the range is this project's\n\
         reading of the published figure and its uncertainty (`docs/sources.md` sections 3 and 4).\n\n\
         | published figure | source | model quantity | allowed range | model: mean [95% interval] | in range | role |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for (f, m) in rows {
        let inside = m.value >= f.range.0 && m.value <= f.range.1;
        let range = if f.range.1.is_infinite() {
            format!("above {} ({})", fmt(f.range.0), f.unit)
        } else {
            format!("{} to {} ({})", fmt(f.range.0), fmt(f.range.1), f.unit)
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} [{}, {}] | {} | {} |\n",
            f.published,
            f.source,
            f.quantity,
            range,
            fmt(m.value),
            fmt(m.lo),
            fmt(m.hi),
            if inside { "in" } else { "**out**" },
            f.role.words()
        ));
    }
    let out_count = rows
        .iter()
        .filter(|(f, m)| !(m.value >= f.range.0 && m.value <= f.range.1))
        .count();
    out.push_str(&format!(
        "\n{} of {} figures lie in their range.",
        rows.len() - out_count,
        rows.len()
    ));
    let out_with = |role: Role| {
        rows.iter()
            .any(|(f, m)| f.role == role && !(m.value >= f.range.0 && m.value <= f.range.1))
    };
    if out_with(Role::NotYetMet) {
        out.push_str(
            " Out of range and not yet met: figures the evidence calibration (issue 17) is to \
             bring in; the model's programme effects are larger than field research measured.",
        );
    }
    if out_with(Role::Deviation) {
        out.push_str(
            " Skill decay is a documented deviation: in this model the decay cannot exceed the \
             trained gain itself (docs/model.md).",
        );
    }
    out.push_str(
        " The evidence calibration's targets and result: `experiments/calibration/evidence.toml`, \
         `results/calibration/`.\n",
    );
    out.push_str(
        "\nNot in the table: the share of organisations in the top maturity phase (≈ 9%, a share \
         of organisations, which one simulated organisation cannot show; the maturity presets are \
         tested in `tests/presets.rs`), and \"larger organisations recognise role-model behaviour \
         less\" (a comparison: `tests/presets.rs` and `results/article_002`). The stylized facts \
         of `docs/sources.md` section 2 are tested in `tests/stylized_facts.rs`.\n",
    );
    out
}

#[test]
fn the_published_figures_the_model_must_meet_lie_in_their_ranges_and_the_document_is_current() {
    let rows: Vec<(&Figure, Measured)> = FIGURES.iter().map(|f| (f, (f.measure)())).collect();
    let failing: Vec<String> = rows
        .iter()
        .filter(|(f, m)| f.role.must_hold() && !(m.value >= f.range.0 && m.value <= f.range.1))
        .map(|(f, m)| format!("{}: {} outside {:?}", f.published, m.value, f.range))
        .collect();
    assert!(failing.is_empty(), "figures out of range: {failing:#?}");
    let text = document(&rows);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/validation.md");
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != text {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, text).unwrap();
        } else {
            panic!(
                "docs/validation.md differs from what the model now gives; refresh it with \
                 UPDATE_DOCS=1 cargo test --release --test validation"
            );
        }
    }
}
