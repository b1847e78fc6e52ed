//! The durability table printed at the end of a run: what a consultant reads first, in a
//! terminal of 100 columns. Each programme takes three lines (its name, the means, their
//! intervals) so that six columns of figures with their intervals fit; the footnotes say in
//! words what each column is, in which unit, and what the intervals cover. Everything else
//! (days to peak, the share kept, NPS a year on, ...) is in `durability.csv` and the report.

use crate::experiment::claims::{ClaimRow, Verdict};
use crate::experiment::scenario::Scenario;
use crate::metrics::aggregate::DurabilityRow;
use crate::metrics::registry::{BaselineMetric, DurabilityMetric};
use crate::metrics::survival::CensoredMedian;
use crate::numbers::{euro, fixed, sig};
use crate::plot::charts::common::arm_label;
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

/// The columns: metric, two header lines (quantity, then unit), unit.
const SHOWN: [(DurabilityMetric, &str, &str, Unit); 6] = [
    (
        DurabilityMetric::PeakGainB,
        "peak gain in B",
        "(0-1 scale)",
        Unit::Plain,
    ),
    (
        DurabilityMetric::Gain12mB,
        "gain in B after",
        "a year (0-1)",
        Unit::Plain,
    ),
    (
        DurabilityMetric::HalfLifeDaysB,
        "half-life",
        "(months)",
        Unit::Months,
    ),
    (
        DurabilityMetric::EffectSizeDBPeak,
        "effect size d",
        "at peak (d)",
        Unit::Plain,
    ),
    (
        DurabilityMetric::MeanGainNps,
        "NPS gain",
        "(NPS points)",
        Unit::Plain,
    ),
    (
        DurabilityMetric::CostPerNpsPoint,
        "cost per NPS",
        "point (euro)",
        Unit::Euro,
    ),
];

fn write(x: f64, unit: Unit) -> String {
    match unit {
        Unit::Plain => sig(x),
        Unit::Months => fixed(x / DAYS_PER_MONTH, 1),
        Unit::Euro => euro(x),
    }
}

/// A censored half-life's upper end that was not reached, short enough for its column.
const NOT_REACHED: &str = "n.r.";

/// The two lines of one cell: the figure and its interval. A half-life is its Kaplan-Meier
/// median, or "more than" the follow-up when half the replications had not halved.
fn cell(r: Option<&DurabilityRow>, unit: Unit) -> (String, String) {
    let Some(r) = r else {
        return ("NA".into(), String::new());
    };
    if let Some(c) = r.censored.as_ref().filter(|c| c.n > 0) {
        return censored_cell(c, unit);
    }
    let s = &r.summary;
    // Money's interval without the currency sign, which the column's heading gives: with it
    // the interval of a six-figure cost would not fit the last column.
    let bound = |x: f64| match unit {
        Unit::Euro => fixed(x, 0),
        _ => write(x, unit),
    };
    let interval = if s.ci_lo.is_finite() && s.ci_hi.is_finite() {
        format!("[{}, {}]", bound(s.ci_lo), bound(s.ci_hi))
    } else {
        String::new()
    };
    (write(s.mean, unit), interval)
}

fn censored_cell(c: &CensoredMedian, unit: Unit) -> (String, String) {
    let end = |x: Option<f64>| x.map_or_else(|| NOT_REACHED.to_string(), |v| write(v, unit));
    let value = match c.median {
        Some(m) => write(m, unit),
        None => format!("more than {}", write(c.followup, unit)),
    };
    let mark = if c.censored > 0 { "*" } else { "" };
    let interval = match c.lo {
        Some(_) => format!("[{}, {}]", end(c.lo), end(c.hi)),
        None => "not reached".to_string(),
    };
    (format!("{value}{mark}"), interval)
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
/// without claims. The checks and their numbers are in `claims.csv` and the report.
pub fn claims_lines(s: &Scenario, rows: &[ClaimRow]) -> String {
    if s.claims.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "Claims against the model (a check holds only when its whole 95% interval is on the\nclaimed side; the checks are in claims.csv and the report):\n",
    );
    for (i, claim) in s.claims.iter().enumerate() {
        let verdict = rows
            .iter()
            .find(|r| r.claim == i)
            .map_or(Verdict::Undecided, |r| r.claim_verdict);
        let head = format!("  {:<10} {}. ", verdict.name(), i + 1);
        let hang = head.chars().count();
        out.push_str(&wrap(&head, &claim.says, hang));
    }
    out
}

/// The printed table: per intervention arm its name, then the means of six durability
/// figures, then their intervals (`intervals` says which kind), then footnotes in words.
/// No line is wider than [`MAX_WIDTH`].
pub fn durability_table(arms: &[String], rows: &[DurabilityRow], intervals: Intervals) -> String {
    let find =
        |a: usize, m: DurabilityMetric| rows.iter().find(|r| r.arm == a && r.metric == m.name());
    let mut out = String::new();
    let heads: Vec<String> = SHOWN.iter().map(|s| s.1.to_string()).collect();
    let units: Vec<String> = SHOWN.iter().map(|s| s.2.to_string()).collect();
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
            .map(|&(m, _, _, unit)| cell(find(a, m), unit))
            .unzip();
        out.push_str(&arm_label(name));
        out.push('\n');
        out.push_str(&line(&values));
        out.push('\n');
        out.push_str(&line(&bounds));
        out.push('\n');
        if let Some(c) = find(a, DurabilityMetric::HalfLifeDaysB)
            .and_then(|r| r.censored.as_ref())
            .filter(|c| c.censored > 0)
        {
            censored.push(format!("{} {} of {}", arm_label(name), c.censored, c.n));
        }
        if let Some(r) = find(a, DurabilityMetric::PeakGainB) {
            replications = replications.max(r.summary.n);
        }
    }
    out.push('\n');
    let mut notes = vec![format!(
        "Each figure is the mean over {replications} replications, the line beneath it its {}.",
        intervals.band()
    )];
    notes.push(format!(
        "Gains in B (customer-oriented behaviour, 0-1) are against the baseline without a \
         programme, at its peak and 12 months after the programme ends. Half-life: months (of \
         {} working days) until half the peak gain is gone, the Kaplan-Meier median over \
         replications with its Brookmeyer-Crowley interval; \"more than\" when half the \
         replications had not halved by the end of the run; {NOT_REACHED} = not reached.",
        fixed(DAYS_PER_MONTH, 1)
    ));
    if !censored.is_empty() {
        notes.push(format!(
            "* Replications whose gain had not halved by the end of the run: {}.",
            censored.join(", ")
        ));
    }
    notes.push(
        "Effect size d (Cohen's d): the difference from the baseline in standard deviations of \
         B between employees; about 0.2 is small, 0.5 medium, 0.8 large."
            .into(),
    );
    notes.push(
        "NPS gain: mean gain in NPS points from the programme's start to 12 months after its \
         end. Cost per NPS point: the programme's cost in euro divided by that gain (the ratio \
         of the two means)."
            .into(),
    );
    if let Some(d) = rows
        .iter()
        .find(|r| r.arm == 0 && r.metric == BaselineMetric::DriftB.name())
    {
        notes.push(format!(
            "Without a programme B drifts by {} [{}, {}] over the run.",
            sig(d.summary.mean),
            sig(d.summary.ci_lo),
            sig(d.summary.ci_hi),
        ));
    }
    notes.push(
        "More figures (days to the peak, the share kept, NPS a year on, costs) are in \
         durability.csv and report.html."
            .into(),
    );
    for n in notes {
        out.push_str(&wrap("", &n, 2));
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
        durability_table(&arms, &rows, Intervals::Chance)
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
