//! Problems with an input file in the user's language. The checks below say what they
//! expected in English and, for the common ones, as data ([`Expected`]); this tells the data
//! in any language of the catalogue (`locales/<lang>/errors.ftl`). The location (file, line,
//! column) and the key stay exactly as typed; a problem without data keeps its English words
//! inside the translated frame.

use crate::experiment::sweep::experiment::ExperimentError;
use undercurrent_results::experiment::scenario::{Located, ScenarioError};
use undercurrent_results::model::validate::{Expected, Problem, Words, GIVEN};
use undercurrent_text::{has, text_with, tr, Args, Lang};

/// A bound as the English has always shown it (Rust's shortest form), with the locale's
/// decimal sign.
fn bound(lang: Lang, x: f64) -> String {
    let s = x.to_string();
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En | Lang::Pseudo => s,
    }
}

/// A number with the locale's decimal sign, or a number and its unit (`200.0 GiB`) with its
/// digits as written; any other value as it is.
fn decimal(lang: Lang, v: &str) -> String {
    if let Ok(x) = v.parse::<f64>() {
        return if v.contains('.') {
            bound(lang, x)
        } else {
            v.to_string()
        };
    }
    match v.split_once(' ') {
        Some((n, u))
            if lang == Lang::Nl
                && n.contains('.')
                && n.parse::<f64>().is_ok()
                && !u.is_empty()
                && u.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            format!("{} {u}", n.replace('.', ","))
        }
        _ => v.to_string(),
    }
}

/// A check's own words (`expected-<id>`, `hint-<id>` or its own `hint-<reason>`) in `lang`,
/// its numbers with the locale's decimal sign.
fn own_text(
    lang: Lang,
    id: &str,
    args: &[(&'static str, String)],
    reason: Option<&str>,
) -> (String, String) {
    let mut a = Args::new();
    for (k, v) in args {
        a.set(*k, decimal(lang, v));
    }
    let hint = format!("hint-{}", reason.unwrap_or(id));
    (
        text_with(lang, &format!("expected-{id}"), &a),
        if has(Lang::En, &hint) {
            text_with(lang, &hint, &a)
        } else {
            String::new()
        },
    )
}

/// Words of the catalogue's `<family>-<id>` in `lang`. A whole number goes in as a number, so
/// that the words can agree with it (`1 punt`, `2 punten`); anything else as
/// [`own_text`] gives it.
fn words_text(lang: Lang, family: &str, w: &Words) -> String {
    let mut a = Args::new();
    for (k, v) in &w.args {
        match v.parse::<u32>() {
            Ok(n) if n.to_string() == *v => a.set(*k, n),
            _ => a.set(*k, decimal(lang, v)),
        }
    }
    if let Some(inner) = &w.value {
        a.set("value", words_text(lang, family, inner));
    }
    text_with(lang, &format!("{family}-{}", w.id), &a)
}

/// The value found in `lang`: as the file writes it, or the check's words for it.
fn value_text(lang: Lang, p: &Problem) -> String {
    match &p.value_said {
        Some(w) => words_text(lang, "value", w),
        // A key that should not be there has no value to show: the checks say it is `GIVEN`.
        None if p.value == GIVEN => tr!(lang, "value-given"),
        None => p.value.clone(),
    }
}

/// What a check expected, and its hint, in `lang`.
fn expected_text(lang: Lang, e: &Expected) -> (String, String) {
    let none = String::new;
    match *e {
        Expected::FiniteIn { lo, hi } => (
            tr!(
                lang,
                "expected-finite-in",
                lo = bound(lang, lo),
                hi = bound(lang, hi)
            ),
            none(),
        ),
        Expected::In { lo, hi } => (
            tr!(
                lang,
                "expected-in",
                lo = bound(lang, lo),
                hi = bound(lang, hi)
            ),
            none(),
        ),
        Expected::StrictlyInsideUnit => (
            tr!(lang, "expected-strictly-inside-unit"),
            tr!(lang, "hint-beta-mean"),
        ),
        Expected::DailyRate => (
            tr!(lang, "expected-daily-rate"),
            tr!(lang, "hint-daily-rate"),
        ),
        Expected::Positive => (tr!(lang, "expected-positive"), none()),
        Expected::WholeAtLeast { lo } => (
            tr!(lang, "expected-whole-at-least", lo = lo.to_string()),
            none(),
        ),
        Expected::WholeIn { lo, hi } => (
            tr!(
                lang,
                "expected-whole-in",
                lo = lo.to_string(),
                hi = hi.to_string()
            ),
            none(),
        ),
        Expected::Own { id, ref args, hint } => own_text(lang, id, args, hint),
    }
}

/// One problem in `lang`: `` `key` = value: expected … (hint)``.
pub fn problem_text(p: &Problem, lang: Lang) -> String {
    let (expected, mut hint) = match &p.said {
        Some(e) => expected_text(lang, e),
        None => (p.expected.clone(), p.hint.clone()),
    };
    if !p.because.is_empty() {
        hint = p
            .because
            .iter()
            .map(|b| problem_text(b, lang))
            .collect::<Vec<_>>()
            .join("; ");
    }
    let key = p.key.as_str();
    let value = value_text(lang, p);
    if hint.is_empty() {
        tr!(
            lang,
            "problem",
            key = key,
            value = value,
            expected = expected
        )
    } else {
        tr!(
            lang,
            "problem-hint",
            key = key,
            value = value,
            expected = expected,
            hint = hint
        )
    }
}

fn located_text(origin: &str, l: &Located, lang: Lang) -> String {
    match l.position {
        Some((line, col)) => format!("{origin}:{line}:{col}: {}", problem_text(&l.problem, lang)),
        None => format!("{origin}: {}", problem_text(&l.problem, lang)),
    }
}

/// A scenario's error in `lang`: its problems told from the catalogue, one a line; what the
/// TOML reader said, retold ([`crate::syntax_words`]) and located the same.
pub fn scenario_error_text(e: &ScenarioError, lang: Lang) -> String {
    match e {
        ScenarioError::Invalid { origin, problems } => problems
            .iter()
            .map(|l| located_text(origin, l, lang))
            .collect::<Vec<_>>()
            .join("\n"),
        ScenarioError::Io { path, source } if lang != Lang::En => cannot_read(lang, path, source),
        ScenarioError::Syntax {
            origin,
            line,
            column,
            message,
        } => format!(
            "{origin}:{line}:{column}: {}",
            crate::syntax_words::syntax_message(message, lang)
        ),
        other => other.to_string(),
    }
}

/// `cannot read PATH: why` in `lang` (English prints the error's own `Display`, the same).
fn cannot_read(lang: Lang, path: &std::path::Path, source: &std::io::Error) -> String {
    let mut a = Args::new();
    a.set("path", path.display().to_string());
    a.set("reason", undercurrent_text::io_reason(lang, source));
    text_with(lang, "io-cannot-read", &a)
}

/// An experiment file's error in `lang`, like [`scenario_error_text`]: its located failures
/// told from the catalogue, anything else as the library says it.
pub fn experiment_error_text(e: &ExperimentError, lang: Lang) -> String {
    match e {
        ExperimentError::Invalid { origin, failures } => failures
            .iter()
            .map(|f| match f.position {
                Some((line, col)) => {
                    format!("{origin}:{line}:{col}: {}", problem_text(&f.problem, lang))
                }
                None => format!("{origin}: {}", problem_text(&f.problem, lang)),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        ExperimentError::Io { path, source } if lang != Lang::En => cannot_read(lang, path, source),
        ExperimentError::BaseUnreadable {
            origin,
            position,
            base,
            path,
            source,
        } if lang != Lang::En => {
            let at = match position {
                Some((line, col)) => format!("{origin}:{line}:{col}"),
                None => origin.clone(),
            };
            format!(
                "{at}: `base` = {base:?}: {}",
                cannot_read(lang, path, source)
            )
        }
        ExperimentError::Syntax {
            origin,
            line,
            column,
            message,
        } => format!(
            "{origin}:{line}:{column}: {}",
            crate::syntax_words::syntax_message(message, lang)
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use undercurrent_results::model::validate::Check;

    /// Every common check, failed once.
    fn problems() -> Vec<Problem> {
        let mut c = Check::default();
        c.range("a.finite", f64::NAN, 0.0, 2.5);
        c.range("a.range", 3.0, 0.05, 2.5);
        c.unit("a.unit", 1.5);
        c.open_unit("a.beta", 1.0);
        c.rate("a.rate", 2.0);
        c.positive("a.positive", -1.0);
        c.at_least_usize("a.at_least", 0, 1);
        c.range_usize("a.whole", 0, 1, 1_000_000);
        c.problems
    }

    #[test]
    fn a_value_in_words_inside_another_is_said_in_dutch_too() {
        let at_point = |inner: Words| Problem {
            value: format!(
                "{} at design point 3 (coaching.start = 20)",
                words_text(Lang::En, "value", &inner)
            ),
            value_said: Some(
                Words::new(
                    "at-points-setting",
                    &[
                        ("value", words_text(Lang::En, "value", &inner)),
                        ("setting", "coaching.start = 20".into()),
                        ("count", "1".into()),
                        ("points", "3".into()),
                        ("more", "0".into()),
                    ],
                )
                .with_value(Some(inner)),
            ),
            ..problems().remove(0)
        };
        let none = at_point(Words::new("given", &[]));
        assert_eq!(value_text(Lang::En, &none), none.value);
        assert_eq!(
            value_text(Lang::Nl, &none),
            "opgegeven bij ontwerppunt 3 (coaching.start = 20)"
        );
        let axes = at_point(Words::new("axes", &[("count", "3".into())]));
        assert_eq!(
            value_text(Lang::En, &axes),
            "3 axes at design point 3 (coaching.start = 20)"
        );
        assert!(
            value_text(Lang::Nl, &axes).starts_with("3 assen bij"),
            "{}",
            value_text(Lang::Nl, &axes)
        );
    }

    #[test]
    fn english_from_the_catalogue_reads_as_the_checks_say_it() {
        let ps = problems();
        assert_eq!(ps.len(), 8);
        for p in &ps {
            assert!(p.said.is_some(), "{p}");
            assert_eq!(problem_text(p, Lang::En), p.to_string());
        }
    }

    #[test]
    fn dutch_tells_every_common_check_in_dutch_with_decimal_commas() {
        let ps = problems();
        let nl: Vec<String> = ps.iter().map(|p| problem_text(p, Lang::Nl)).collect();
        assert_eq!(nl[1], "`a.range` = 3: verwacht een getal in [0,05; 2,5]");
        assert!(
            nl[3].contains("een Beta-gemiddelde kan geen 0 of 1 zijn"),
            "{}",
            nl[3]
        );
        for (p, text) in ps.iter().zip(&nl) {
            assert!(text.starts_with(&format!("`{}` = ", p.key)), "{text}");
            assert!(text.contains("verwacht"), "{text}");
            let plain = undercurrent_text::plain_words(&problem_text(p, Lang::Pseudo), &[]);
            assert!(
                plain
                    .iter()
                    .all(|w| p.key.contains(w.as_str()) || p.value.contains(w.as_str())),
                "the key and the value are the user's own words, all else is translated: {plain:?}"
            );
        }
    }

    /// One scenario for each check of its own, each breaking it.
    const BROKEN: &[&str] = &[
        "horizon_days = 0",
        "burn_in_days = -1",
        "record_every = 0",
        "employee_snapshot_every = -1",
        "employee_snapshots = [99999]",
        "windows = [[5, 1]]",
        "name = \"a/b\"",
        "[organisation]\nemployees = 5\nteam_size = 10",
        "[state]\nhabit_days_min = 50\nhabit_days_max = 10",
        "[[arms]]\nname = \"x,y\"",
        "[[arms]]\nname = \"x\"\n[[arms]]\nname = \"x\"",
        "[[arms]]\nname = \"baseline\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 5\nduration = 2",
        "[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 99999\nduration = 10\ninterval = 5",
        "[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 5\nduration = 0\ninterval = 5",
        "[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 740\nduration = 100\ninterval = 5",
        "[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 5\nduration = 10\ninterval = 0",
        "[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 5\nduration = 10\ninterval = 5\ntarget = \"teams\"",
        "[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 5\nduration = 10\ninterval = 5\ntarget = \"teams\"\nteams = [999]",
        "[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 5\nduration = 10\ninterval = 5\ntarget = \"managers\"",
        "[economics]\nvalue_per_customer_per_year = 100\nvalue_per_nps_point_per_year = 5",
        "[organisation.drive_mix]\npurple = 0\nred = 0\nblue = 0\norange = 0\ngreen = 0\nyellow = 0\nturquoise = 0",
        "[organisation.definition]\nspeed = 0\ncare = 0\ncorrectness = 0\nsolution = 0",
    ];

    /// The problems of `src` that a check of its own found.
    fn own_problems(src: &str) -> Vec<Problem> {
        use undercurrent_results::experiment::scenario::Scenario;
        match Scenario::parse(src, "t.toml") {
            Err(ScenarioError::Invalid { problems, .. }) => problems
                .into_iter()
                .map(|l| l.problem)
                .filter(|p| matches!(p.said, Some(Expected::Own { .. })))
                .collect(),
            Err(e) => panic!("{src}: {e}"),
            Ok(_) => panic!("{src} is accepted"),
        }
    }

    #[test]
    fn every_check_of_its_own_reads_as_before_in_english_and_all_in_dutch() {
        let mut ids = std::collections::BTreeSet::new();
        for src in BROKEN {
            let ps = own_problems(src);
            assert!(!ps.is_empty(), "{src} breaks a check of its own");
            for p in ps {
                if let Some(Expected::Own { id, .. }) = &p.said {
                    ids.insert(*id);
                }
                assert_eq!(problem_text(&p, Lang::En), p.to_string(), "{src}");
                let nl = problem_text(&p, Lang::Nl);
                assert!(nl.contains("verwacht"), "{nl}");
                let plain = undercurrent_text::plain_words(&problem_text(&p, Lang::Pseudo), &[]);
                // Keys named in the text (horizon_days, organisation.employees) and the
                // quoted values a file holds (`"teams"`) stay as typed.
                let text = format!("{} {}", p.expected, p.hint);
                assert!(
                    plain.iter().all(|w| p.key.contains(w.as_str())
                        || p.value.contains(w.as_str())
                        || text.contains(&format!("{w}_"))
                        || text.contains(&format!("_{w}"))
                        || text.contains(&format!(".{w}"))
                        || text.contains(&format!("{w}."))
                        || text.contains(&format!("\"{w}\""))
                        || text.contains(&format!("<{w}>"))),
                    "{src}: {plain:?} in {}",
                    problem_text(&p, Lang::Pseudo)
                );
            }
        }
        assert!(ids.len() >= 21, "{ids:?}");
    }

    /// Experiment files breaking the checks of their own (a sweep's design and axes).
    const BROKEN_SWEEPS: &[&str] = &[
        "[sweep]\ndesign = \"lhs\"\ntrajectories = 4\n[[sweep.axes]]\nkey = \"organisation.facilities\"\nmin = 0.9\nmax = 0.1",
        "[sweep]\ndesign = \"morris\"\ntrajectories = 4\nlevels = 3\n[[sweep.axes]]\nkey = \"organisation.facilities\"\nmin = 0.1",
        "[sweep]\ndesign = \"grid\"",
        "[sweep]\ndesign = \"list\"\n[[sweep.axes]]\nkey = \"organisation.facilities\"\nvalues = [0.1, 0.2]\nname = \"a,b\"\n[[sweep.axes]]\nkey = \"organisation.feedback_share\"\nvalues = [0.1]",
        "[sweep]\ndesign = \"grid\"\n[[sweep.axes]]\nkey = \"organisation.facilities\"\nvalues = []\nmin = 0.1\n[sensitivity]\nbootstrap = 10",
        "[sweep]\ndesign = \"grid\"\n[[sweep.axes]]\nkey = \"organisation.facilities\"\nvalues = [0.1, \"x\"]",
        "[sweep]\ndesign = \"grid\"\n[[sweep.axes]]\nkey = \"organisation.facilities\"",
        "[sweep]\ndesign = \"lhs\"\nsamples = 4\n[[sweep.axes]]\nkey = \"sector\"\nvalues = [\"retail\"]\nmin = 0.1",
        "[sweep]\ndesign = \"lhs\"\nsamples = 4\n[[sweep.axes]]\nkey = \"organisation.facilities\"\nmin = 0.1\nmax = 0.2\nvalues = [0.1]",
    ];

    #[test]
    fn every_check_of_an_experiment_file_of_its_own_reads_as_before_and_all_in_dutch() {
        use crate::experiment::sweep::experiment::Experiment;
        let mut ids = std::collections::BTreeSet::new();
        for body in BROKEN_SWEEPS {
            let src = format!("name = \"s\"\nreplications = 2\n{body}\n");
            let failures = match Experiment::parse(&src, "e.toml", std::path::Path::new(".")) {
                Err(ExperimentError::Invalid { failures, .. }) => failures,
                Err(e) => panic!("{src}: {e}"),
                Ok(_) => panic!("{src} is accepted"),
            };
            let own: Vec<&Problem> = failures
                .iter()
                .map(|f| &f.problem)
                .filter(|p| matches!(p.said, Some(Expected::Own { .. })))
                .collect();
            assert!(!own.is_empty(), "{src} breaks a check of its own");
            for p in own {
                if let Some(Expected::Own { id, .. }) = &p.said {
                    ids.insert(*id);
                }
                assert_eq!(problem_text(p, Lang::En), p.to_string(), "{src}");
                let nl = problem_text(p, Lang::Nl);
                assert!(nl.contains("verwacht"), "{nl}");
                // The file's own words stay: keys, `values`, design names, `[sensitivity]`.
                let plain = undercurrent_text::plain_words(&problem_text(p, Lang::Pseudo), &[]);
                let text = format!("{} {}", p.expected, p.hint);
                assert!(
                    plain.iter().all(|w| p.key.contains(w.as_str())
                        || p.value.contains(w.as_str())
                        || text.contains(&format!("`{w}"))
                        || text.contains(&format!("{w}`"))
                        || text.contains(&format!("\"{w}\""))
                        || text.contains(&format!("[{w}]"))
                        || text.contains(&format!("{w}.axes"))
                        || [
                            "given", "from", "to", "step", "true", "false", "min", "max", "lhs",
                            "sobol", "morris", "grid", "list"
                        ]
                        .contains(&w.as_str())),
                    "{src}: {plain:?} in {}",
                    problem_text(p, Lang::Pseudo)
                );
            }
        }
        assert!(ids.len() >= 15, "{ids:?}");
    }
}
