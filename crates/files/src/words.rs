//! Problems with an input file in the user's language. The checks below say what they
//! expected in English and, for the common ones, as data ([`Expected`]); this tells the data
//! in any language of the catalogue (`locales/<lang>/errors.ftl`). The location (file, line,
//! column) and the key stay exactly as typed; a problem without data keeps its English words
//! inside the translated frame.

use undercurrent_results::experiment::scenario::{Located, ScenarioError};
use undercurrent_results::model::validate::{Expected, Problem};
use undercurrent_text::{tr, Lang};

/// A bound as the English has always shown it (Rust's shortest form), with the locale's
/// decimal sign.
fn bound(lang: Lang, x: f64) -> String {
    let s = x.to_string();
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En | Lang::Pseudo => s,
    }
}

/// What a common check expected, and its hint, in `lang`.
fn expected_text(lang: Lang, e: Expected) -> (String, String) {
    let none = String::new;
    match e {
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
    }
}

/// One problem in `lang`: `` `key` = value: expected … (hint)``.
pub fn problem_text(p: &Problem, lang: Lang) -> String {
    let (expected, hint) = match p.said {
        Some(e) => expected_text(lang, e),
        None => (p.expected.clone(), p.hint.clone()),
    };
    let key = p.key.as_str();
    let value = p.value.as_str();
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

/// A scenario's error in `lang`: its problems told from the catalogue, one a line; a syntax
/// or reading error as the parser said it (in English), located the same.
pub fn scenario_error_text(e: &ScenarioError, lang: Lang) -> String {
    match e {
        ScenarioError::Invalid { origin, problems } => problems
            .iter()
            .map(|l| located_text(origin, l, lang))
            .collect::<Vec<_>>()
            .join("\n"),
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
}
