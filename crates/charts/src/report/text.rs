//! The durability table printed at the end of a run: what a consultant reads first, in a
//! terminal of 100 columns. Each programme takes three lines (its name, the means, their
//! intervals) so that six columns of figures with their intervals fit; the footnotes say in
//! words what each column is, in which unit, and what the intervals cover. Everything else
//! (days to peak, the share kept, NPS a year on, ...) is in `durability.csv` and the report.

use undercurrent_text::{numbers as n, tr, Lang};

use super::censored::{self, censored_text, CensoredText};
use super::reading::arm_label;
use super::{interval_band, verdict_name};
use crate::experiment::claims::{ClaimRow, Verdict};
use crate::experiment::scenario::Scenario;
use crate::metrics::aggregate::DurabilityRow;
use crate::metrics::registry::{BaselineMetric, DurabilityMetric};
use crate::metrics::survival::CensoredMedian;
use crate::plot::data::{Intervals, DAYS_PER_MONTH};

/// The widest line the table and its notes may take: a terminal's 100 columns.
pub const MAX_WIDTH: usize = 100;

/// Width of one column of figures and the indent of a programme's figures under its name.
const COLUMN: usize = 16;
const INDENT: usize = 2;

/// How a column writes its figures.
#[derive(Clone, Copy)]
enum Unit {
    /// As measured, decimals by size.
    Plain,
    /// Working days shown in months.
    Months,
    /// Whole euros.
    Euro,
}

/// The columns: metric, the catalogue ids of its two header lines (quantity, then unit), unit.
const SHOWN: [(DurabilityMetric, &str, &str, Unit); 6] = [
    (
        DurabilityMetric::PeakGainB,
        "table-head-peak-gain",
        "table-unit-peak-gain",
        Unit::Plain,
    ),
    (
        DurabilityMetric::Gain12mB,
        "table-head-gain-12m",
        "table-unit-gain-12m",
        Unit::Plain,
    ),
    (
        DurabilityMetric::HalfLifeDaysB,
        "table-head-half-life",
        "table-unit-half-life",
        Unit::Months,
    ),
    (
        DurabilityMetric::EffectSizeDBPeak,
        "table-head-effect-size",
        "table-unit-effect-size",
        Unit::Plain,
    ),
    (
        DurabilityMetric::MeanGainNps,
        "table-head-nps-gain",
        "table-unit-nps-gain",
        Unit::Plain,
    ),
    (
        DurabilityMetric::CostPerNpsPoint,
        "table-head-cost-per-point",
        "table-unit-cost-per-point",
        Unit::Euro,
    ),
];

fn write(lang: Lang, x: f64, unit: Unit) -> String {
    match unit {
        Unit::Plain => n::sig(lang, x),
        Unit::Months => n::fixed(lang, x / DAYS_PER_MONTH, 1),
        Unit::Euro => n::euro(lang, x),
    }
}

/// The two lines of one cell: the figure and its interval. A half-life is its Kaplan-Meier
/// median, or "more than" the follow-up when half the replications had not halved.
fn cell(lang: Lang, r: Option<&DurabilityRow>, unit: Unit) -> (String, String) {
    let Some(r) = r else {
        return (n::missing(lang).into(), String::new());
    };
    if let Some(c) = r.censored.as_ref().filter(|c| c.n > 0) {
        return censored_cell(lang, c, unit);
    }
    let s = &r.summary;
    // Money's interval without the currency sign, which the column's heading gives: with it
    // the interval of a six-figure cost would not fit the last column.
    let bound = |x: f64| match unit {
        Unit::Euro => n::fixed(lang, x, 0),
        _ => write(lang, x, unit),
    };
    let interval = if s.ci_lo.is_finite() && s.ci_hi.is_finite() {
        n::interval(lang, s.ci_lo, s.ci_hi, bound)
    } else {
        String::new()
    };
    (write(lang, s.mean, unit), interval)
}

fn censored_cell(lang: Lang, c: &CensoredMedian, unit: Unit) -> (String, String) {
    let CensoredText { head, interval, .. } =
        censored_text(lang, c, censored::TABLE, |v| write(lang, v, unit));
    let mark = if c.censored > 0 { "*" } else { "" };
    (format!("{head}{mark}"), interval)
}

/// Pads `cells` to the column width and joins them after the indent.
fn line(cells: &[String]) -> String {
    let mut s = " ".repeat(INDENT);
    for c in cells {
        s.push_str(&format!("{c:<COLUMN$}"));
    }
    s.trim_end().to_string()
}

/// Wraps `text` after `head` (kept as written: an indent, a label) into lines of at most
/// [`MAX_WIDTH`] characters, later lines indented by `hang` spaces; every line ends in a
/// newline. A word longer than a line stands on its own.
fn wrap(head: &str, text: &str, hang: usize) -> String {
    let mut out = String::new();
    let mut current = head.to_string();
    let mut words = 0;
    for word in text.split_whitespace() {
        if words > 0 && current.chars().count() + 1 + word.chars().count() > MAX_WIDTH {
            out.push_str(&current);
            out.push('\n');
            current = " ".repeat(hang);
            words = 0;
        }
        if words > 0 {
            current.push(' ');
        }
        current.push_str(word);
        words += 1;
    }
    if !current.is_empty() {
        out.push_str(&current);
        out.push('\n');
    }
    out
}

/// `text` wrapped at word boundaries into lines of at most [`MAX_WIDTH`] columns, each ending
/// in a newline: for what the CLI prints about a run.
pub fn wrapped(text: &str) -> String {
    wrap("", text, 0)
}

/// The verdict of each claim, wrapped within [`MAX_WIDTH`] under its first word, printed
/// after the table: `  agrees     1. Training alone has a best-before date: …`. Empty
/// without claims. The checks and their numbers are in `claims.csv` and the report. The
/// claims themselves are the scenario's words and stay as written.
pub fn claims_lines(lang: Lang, s: &Scenario, rows: &[ClaimRow]) -> String {
    if s.claims.is_empty() {
        return String::new();
    }
    // The catalogue breaks the intro's two lines itself, within the width.
    let mut out = tr!(lang, "table-claims-intro", csv = "claims.csv") + "\n";
    for (i, claim) in s.claims.iter().enumerate() {
        let verdict = rows
            .iter()
            .find(|r| r.claim == i)
            .map_or(Verdict::Undecided, |r| r.claim_verdict);
        let head = format!("  {:<10} {}. ", verdict_name(lang, verdict), i + 1);
        let hang = head.chars().count();
        out.push_str(&wrap(&head, &claim.says, hang));
    }
    out
}

/// The printed table: per intervention arm its name, then the means of six durability
/// figures, then their intervals (`intervals` says which kind), then footnotes in words, all
/// in `lang`. No line is wider than [`MAX_WIDTH`].
pub fn durability_table(
    lang: Lang,
    arms: &[String],
    rows: &[DurabilityRow],
    intervals: Intervals,
) -> String {
    let find =
        |a: usize, m: DurabilityMetric| rows.iter().find(|r| r.arm == a && r.metric == m.name());
    let mut out = String::new();
    let heads: Vec<String> = SHOWN.iter().map(|s| tr!(lang, s.1)).collect();
    let units: Vec<String> = SHOWN.iter().map(|s| tr!(lang, s.2)).collect();
    out.push_str(&line(&heads));
    out.push('\n');
    out.push_str(&line(&units));
    out.push('\n');
    out.push_str(&"-".repeat(INDENT + COLUMN * SHOWN.len()));
    out.push('\n');
    let mut censored: Vec<String> = Vec::new();
    let mut replications = 0;
    for (a, name) in arms.iter().enumerate().skip(1) {
        let (values, bounds): (Vec<String>, Vec<String>) = SHOWN
            .iter()
            .map(|&(m, _, _, unit)| cell(lang, find(a, m), unit))
            .unzip();
        out.push_str(&arm_label(lang, name));
        out.push('\n');
        out.push_str(&line(&values));
        out.push('\n');
        out.push_str(&line(&bounds));
        out.push('\n');
        if let Some(c) = find(a, DurabilityMetric::HalfLifeDaysB)
            .and_then(|r| r.censored.as_ref())
            .filter(|c| c.censored > 0)
        {
            censored.push(tr!(
                lang,
                "table-censored-arm",
                arm = arm_label(lang, name),
                censored = c.censored.to_string(),
                n = c.n.to_string(),
            ));
        }
        if let Some(r) = find(a, DurabilityMetric::PeakGainB) {
            replications = replications.max(r.summary.n);
        }
    }
    out.push('\n');
    let mut notes = vec![tr!(
        lang,
        "table-note-mean",
        replications = replications.to_string(),
        interval = interval_band(lang, intervals),
    )];
    notes.push(tr!(
        lang,
        "table-note-gains",
        days = n::fixed(lang, DAYS_PER_MONTH, 1),
        short = tr!(lang, "table-not-reached-short"),
    ));
    if !censored.is_empty() {
        notes.push(tr!(lang, "table-note-censored", arms = censored.join(", ")));
    }
    notes.push(tr!(
        lang,
        "table-note-effect-size",
        small = n::fixed(lang, 0.2, 1),
        medium = n::fixed(lang, 0.5, 1),
        large = n::fixed(lang, 0.8, 1),
    ));
    notes.push(tr!(lang, "table-note-nps"));
    if let Some(d) = rows
        .iter()
        .find(|r| r.arm == 0 && r.metric == BaselineMetric::DriftB.name())
    {
        let s = &d.summary;
        notes.push(tr!(
            lang,
            "table-note-drift",
            drift = n::sig(lang, s.mean),
            interval = n::interval(lang, s.ci_lo, s.ci_hi, |x| n::sig(lang, x)),
        ));
    }
    notes.push(tr!(
        lang,
        "table-note-more",
        csv = "durability.csv",
        report = "report.html",
    ));
    for note in notes {
        out.push_str(&wrap("", &note, 2));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::stats::Summary;

    fn row(arm: usize, m: DurabilityMetric, mean: f64) -> DurabilityRow {
        DurabilityRow {
            arm,
            metric: m.name(),
            summary: Summary {
                mean,
                sd: 0.1,
                ci_lo: mean * 0.9,
                ci_hi: mean * 1.1,
                n: 20,
            },
            censored: None,
        }
    }

    fn table(censor: bool) -> String {
        let arms: Vec<String> = ["baseline", "training_only", "reinforcement_continuous"]
            .map(String::from)
            .to_vec();
        let mut rows = Vec::new();
        for a in 1..3 {
            for (m, _, _, _) in SHOWN {
                rows.push(row(a, m, 12_345.678 / a as f64));
            }
        }
        for r in rows.iter_mut() {
            if r.metric == DurabilityMetric::HalfLifeDaysB.name() {
                r.summary.mean = f64::NAN;
                r.censored = Some(CensoredMedian {
                    median: if censor && r.arm == 2 {
                        None
                    } else {
                        Some(200.0)
                    },
                    lo: Some(150.0),
                    hi: None,
                    followup: 458.0,
                    n: 20,
                    censored: if censor && r.arm == 2 { 15 } else { 0 },
                });
            }
        }
        durability_table(Lang::En, &arms, &rows, Intervals::Chance)
    }

    #[test]
    fn no_line_is_wider_than_a_terminal_of_100_columns() {
        for t in [table(false), table(true)] {
            for l in t.lines() {
                assert!(
                    l.chars().count() <= MAX_WIDTH,
                    "{} wide: {l}",
                    l.chars().count()
                );
            }
        }
    }

    #[test]
    fn durations_are_in_months_and_money_in_euro() {
        let t = table(false);
        // 200 working days are 9.6 months.
        assert!(t.contains("9.6 "), "{t}");
        assert!(t.contains("€12,346"), "{t}");
        assert!(t.contains("[11,111, 13,580]"), "{t}");
        assert!(t.contains("(months)"));
    }

    #[test]
    fn a_censored_half_life_is_more_than_and_footnoted() {
        let t = table(true);
        assert!(t.contains("more than 22.0*"), "{t}");
        assert!(t.contains("reinforcement continuous 15 of 20"), "{t}");
        assert!(!t.contains("22.0 ["), "{t}");
    }

    #[test]
    fn cohens_d_is_explained_in_a_footnote() {
        let t = table(false);
        assert!(t.contains("Cohen's d"), "{t}");
        assert!(t.contains("95% confidence interval"), "{t}");
    }
}
