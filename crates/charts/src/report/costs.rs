//! The report's "Cost and benefit" section: what each arm cost in its parts, and per
//! programme its cost against the gain it leaves 12 months after it ends; with the
//! scenario's `[economics]`, the net value and the month it breaks even. Every figure is a
//! row of `durability.csv` or `timeseries.csv`, so the section says nothing the run did not
//! measure.

use std::fmt::Write as _;

use serde_json::Value;

use super::html::{escape, figure, stat_cell, ReportError, Scale};
use super::reading::arm_label;
use crate::metrics::registry::DurabilityMetric;
use crate::output::manifest::ManifestRecord;
use crate::plot::data::{Durability, RunData, DAYS_PER_MONTH};
use crate::plot::ChartKind;

/// Columns of the cost-against-benefit table: metric, heading (with its unit), scale.
const TABLE: [(DurabilityMetric, &str, Scale); 6] = [
    (
        DurabilityMetric::Cost,
        "intervention cost (euro)",
        Scale::Plain,
    ),
    (
        DurabilityMetric::ExtraRuleBreakCost,
        "extra rule-break cost (euro)",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Gain12mB,
        "gain in B at 12 months (0–1)",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Gain12mNps,
        "NPS gain at 12 months (points)",
        Scale::Plain,
    ),
    (
        DurabilityMetric::CostPerLastingNpsPoint,
        "euro per lasting NPS point",
        Scale::Plain,
    ),
    (
        DurabilityMetric::NetValue,
        "net value over the horizon (euro)",
        Scale::Plain,
    ),
];

/// Whether the run priced its gains (the scenario had an `[economics]` value).
fn valued(d: &Durability, arms: &[String]) -> bool {
    arms.iter()
        .any(|a| d.get(a, DurabilityMetric::BreakEvenShare.name()).is_some())
}

/// The break-even cell in words: a month with its interval when every run broke even, "not
/// within the horizon" when none did, and the share of runs otherwise (a mean over only the
/// runs that broke even would hide the others).
pub fn break_even_text(d: &Durability, arm: &str, horizon_months: f64) -> String {
    let share = d.get(arm, DurabilityMetric::BreakEvenShare.name());
    let days = d.get(arm, DurabilityMetric::BreakEvenDays.name());
    match share.and_then(|s| s.mean) {
        None => "NA".into(),
        Some(s) if s <= 0.0 => format!("not within the horizon ({horizon_months:.0} months)"),
        Some(s) if s >= 1.0 => match days.and_then(|d| d.mean.map(|m| (m, d.ci()))) {
            Some((m, Some((lo, hi)))) => format!(
                "month {:.1} [{:.1}, {:.1}]",
                m / DAYS_PER_MONTH,
                lo / DAYS_PER_MONTH,
                hi / DAYS_PER_MONTH
            ),
            Some((m, None)) => format!("month {:.1}", m / DAYS_PER_MONTH),
            None => "NA".into(),
        },
        Some(s) => format!(
            "in {:.0}% of runs within the horizon ({horizon_months:.0} months)",
            100.0 * s
        ),
    }
}

/// The scenario's values of a gain, as a sentence part (`value_per_customer_per_year =
/// 120 euro`), from the manifest.
fn valuation_words(m: Option<&ManifestRecord>) -> String {
    let e = m
        .and_then(|m| m.scenario.as_ref())
        .and_then(|s| s.get("economics"));
    let mut parts = Vec::new();
    for (key, unit) in [
        ("value_per_customer_per_year", "euro per customer per year"),
        (
            "value_per_nps_point_per_year",
            "euro per NPS point per year",
        ),
    ] {
        if let Some(v) = e.and_then(|e| e.get(key)).and_then(Value::as_f64) {
            parts.push(format!("{v} {unit} (economics.{key})"));
        }
    }
    parts.join(" and ")
}

/// Writes the section into `html`; nothing when the run has no programme with a cost.
pub fn cost_section(
    html: &mut String,
    data: &RunData,
    m: Option<&ManifestRecord>,
) -> Result<(), ReportError> {
    let d = &data.durability;
    let programmes: Vec<&String> = data
        .arms
        .iter()
        .filter(|a| d.get(a, DurabilityMetric::Cost.name()).is_some())
        .collect();
    let charts = crate::plot::available_charts(data);
    if programmes.is_empty() && !charts.contains(&ChartKind::Costs) {
        return Ok(());
    }
    html.push_str("<h2>Cost and benefit</h2>");
    if charts.contains(&ChartKind::Costs) {
        figure(html, data, &ChartKind::Costs)?;
    }
    if programmes.is_empty() {
        return Ok(());
    }
    let horizon_months = data.timeseries.max_day().max(1.0) / DAYS_PER_MONTH;
    let priced = valued(d, &data.arms);
    let _ = write!(
        html,
        "<p>Per programme, what it cost against what it leaves behind 12 months after it ends (mean over runs with its {} in brackets). The intervention cost is what the programme's sessions, coaching and rewards cost; the extra rule-break cost is what the arm's rule breaks cost beyond the baseline's. Euro per lasting NPS point is the intervention cost divided by the NPS gain at 12 months: its mean is the ratio of the two means shown, so dividing the two columns gives it. ",
        data.intervals.long()
    );
    if priced {
        let _ = write!(
            html,
            "The gain is valued at {}: net value is that value of the gain from the programme's start to the end of the recorded period ({horizon_months:.0} months), minus the intervention cost and the extra rule-break cost; nothing after the horizon is counted. Break-even is the month, counted from the programme's start, from which the net value stays above zero.</p>",
            escape(&valuation_words(m))
        );
    } else {
        html.push_str("No net value is given: the scenario does not say what a customer or an NPS point is worth (an <code>[economics]</code> section would).</p>");
    }
    html.push_str("<table><tr><th>programme</th>");
    let shown: Vec<&(DurabilityMetric, &str, Scale)> = TABLE
        .iter()
        .filter(|(metric, _, _)| priced || !metric.needs_valuation())
        .collect();
    for (_, head, _) in &shown {
        let _ = write!(html, "<th>{}</th>", escape(head));
    }
    if priced {
        html.push_str("<th>break-even (months from the programme's start)</th>");
    }
    html.push_str("</tr>");
    for a in programmes {
        let _ = write!(html, "<tr><th>{}</th>", escape(&arm_label(a)));
        for (metric, _, scale) in &shown {
            html.push_str(&stat_cell(d.get(a, metric.name()), *scale));
        }
        if priced {
            let _ = write!(
                html,
                "<td class=\"n\">{}</td>",
                escape(&break_even_text(d, a, horizon_months))
            );
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    if charts.contains(&ChartKind::CostBenefit) {
        figure(html, data, &ChartKind::CostBenefit)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::data::Stat;

    fn stat(mean: f64, ci: Option<(f64, f64)>) -> Stat {
        Stat {
            mean: Some(mean),
            ci_lo: ci.map(|c| c.0),
            ci_hi: ci.map(|c| c.1),
            ..Stat::default()
        }
    }

    #[test]
    fn break_even_says_when_it_is_not_reached() {
        let mut d = Durability::default();
        let share = DurabilityMetric::BreakEvenShare.name();
        let days = DurabilityMetric::BreakEvenDays.name();
        d.insert("never", share, stat(0.0, Some((0.0, 0.16))));
        d.insert("always", share, stat(1.0, Some((0.84, 1.0))));
        d.insert(
            "always",
            days,
            stat(125.0, Some((104.166_666_666_666_67, 145.833_333_333_333_3))),
        );
        d.insert("some", share, stat(0.6, Some((0.39, 0.78))));
        d.insert("some", days, stat(300.0, Some((250.0, 350.0))));
        assert_eq!(
            break_even_text(&d, "never", 36.0),
            "not within the horizon (36 months)"
        );
        assert_eq!(break_even_text(&d, "always", 36.0), "month 6.0 [5.0, 7.0]");
        assert_eq!(
            break_even_text(&d, "some", 36.0),
            "in 60% of runs within the horizon (36 months)"
        );
    }
}
