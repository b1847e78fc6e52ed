//! The durability table printed at the end of a run: what a consultant reads first.

use crate::metrics::aggregate::DurabilityRow;
use crate::metrics::registry::{BaselineMetric, DurabilityMetric};
use crate::plot::data::Intervals;

/// Metrics shown in the printed table, with their column headings (short, for a terminal;
/// titles and units are in the registry).
const SHOWN: [(DurabilityMetric, &str); 8] = [
    (DurabilityMetric::PeakGainB, "peak gain B"),
    (DurabilityMetric::DaysToPeakB, "days to peak"),
    (DurabilityMetric::HalfLifeDaysB, "half-life (d)"),
    (DurabilityMetric::Gain12mB, "gain 12m B"),
    (DurabilityMetric::Retained12mB, "retained 12m"),
    (DurabilityMetric::EffectSizeDBPeak, "d at peak"),
    // The divisor of cost/NPS pt, so that the two columns read together.
    (DurabilityMetric::MeanGainNps, "mean gain NPS"),
    (DurabilityMetric::CostPerNpsPoint, "cost/NPS pt"),
];

fn fmt(x: f64) -> String {
    crate::numbers::sig(x)
}

/// One cell: `mean [ci_lo, ci_hi]`, or for a censorable duration its Kaplan-Meier median
/// (`more than X` when not reached) with the replications censored beside it.
fn cell(r: &DurabilityRow) -> String {
    match &r.censored {
        Some(c) if c.censored > 0 => format!("{} ({}/{} cens.)", c.text(fmt), c.censored, c.n),
        Some(c) => c.text(fmt),
        None => format!(
            "{} [{}, {}]",
            fmt(r.summary.mean),
            fmt(r.summary.ci_lo),
            fmt(r.summary.ci_hi)
        ),
    }
}

/// The footnote under a table with a censorable duration: what its cell holds.
pub const CENSORED_NOTE: &str = "half-life: Kaplan-Meier median [Brookmeyer-Crowley 95% interval] over replications, in working days; \"more than\" when the gain of half the replications or more had not halved by the horizon; cens. = replications not halved by then";

/// A plain-text table: one row per intervention arm, each cell `mean [ci_lo, ci_hi]` (the
/// half-life: its Kaplan-Meier median); its last lines say what the half-life's cells and
/// the intervals hold (`intervals`).
pub fn durability_table(arms: &[String], rows: &[DurabilityRow], intervals: Intervals) -> String {
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut header = vec!["arm".to_string()];
    header.extend(SHOWN.iter().map(|(_, h)| h.to_string()));
    cells.push(header);
    for (a, name) in arms.iter().enumerate().skip(1) {
        let mut row = vec![name.clone()];
        for (metric, _) in SHOWN {
            let cell = rows
                .iter()
                .find(|r| r.arm == a && r.metric == metric.name())
                .map(cell)
                .unwrap_or_else(|| "NA".into());
            row.push(cell);
        }
        cells.push(row);
    }
    let widths: Vec<usize> = (0..cells[0].len())
        .map(|c| {
            cells
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (i, row) in cells.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
            out.push('\n');
        }
    }
    if rows.iter().any(|r| r.arm > 0 && r.censored.is_some()) {
        out.push_str(CENSORED_NOTE);
        out.push('\n');
    }
    if let Some(d) = rows
        .iter()
        .find(|r| r.arm == 0 && r.metric == BaselineMetric::DriftB.name())
    {
        out.push_str(&format!(
            "baseline drift of B over the horizon: {} [{}, {}] (values are mean [{}] over replications)\n",
            fmt(d.summary.mean),
            fmt(d.summary.ci_lo),
            fmt(d.summary.ci_hi),
            intervals.short()
        ));
    }
    out.push_str(COST_PER_POINT_NOTE);
    out
}

/// What `cost/NPS pt` divides, in words: the column a reader would otherwise misread.
pub const COST_PER_POINT_NOTE: &str = "cost/NPS pt: intervention cost (euro) / mean gain NPS (points, from the programme's start to 12 months after its end); its mean is the ratio of the two means\n";
