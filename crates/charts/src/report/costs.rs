//! The report's "Cost and benefit" section: what each arm cost in its parts, and per
//! programme its cost against the gain it leaves 12 months after it ends; with the
//! scenario's `[economics]`, the net value and the month it breaks even. Every figure is a
//! row of `durability.csv` or `timeseries.csv`, so the section says nothing the run did not
//! measure.

use std::fmt::Write as _;

use serde_json::Value;
use undercurrent_text::{numbers as n, tr, Lang};

use super::html::{escape, figure, stat_cell, ReportError, Scale};
use super::interval_long;
use super::reading::arm_label;
use crate::metrics::registry::DurabilityMetric;
use crate::output::manifest::ManifestRecord;
use crate::plot::data::{Durability, RunData, DAYS_PER_MONTH};
use crate::plot::ChartKind;

/// Columns of the cost-against-benefit table: metric, the catalogue id of its heading (with
/// its unit), scale.
const TABLE: [(DurabilityMetric, &str, Scale); 6] = [
    (
        DurabilityMetric::Cost,
        "costs-col-intervention",
        Scale::Plain,
    ),
    (
        DurabilityMetric::ExtraRuleBreakCost,
        "costs-col-rule-breaks",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Gain12mB,
        "costs-col-gain-12m",
        Scale::Plain,
    ),
    (
        DurabilityMetric::Gain12mNps,
        "costs-col-nps-12m",
        Scale::Plain,
    ),
    (
        DurabilityMetric::CostPerLastingNpsPoint,
        "costs-col-per-point",
        Scale::Plain,
    ),
    (
        DurabilityMetric::NetValue,
        "costs-col-net-value",
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
pub fn break_even_text(lang: Lang, d: &Durability, arm: &str, horizon_months: f64) -> String {
    let share = d.get(arm, DurabilityMetric::BreakEvenShare.name());
    let days = d.get(arm, DurabilityMetric::BreakEvenDays.name());
    let month = |x: f64| n::fixed(lang, x / DAYS_PER_MONTH, 1);
    let horizon = n::fixed(lang, horizon_months, 0);
    match share.and_then(|s| s.mean) {
        None => n::missing(lang).into(),
        Some(s) if s <= 0.0 => tr!(lang, "costs-break-even-never", horizon = horizon),
        Some(s) if s >= 1.0 => match days.and_then(|d| d.mean.map(|m| (m, d.ci()))) {
            Some((m, Some((lo, hi)))) => tr!(
                lang,
                "costs-break-even-month-interval",
                month = month(m),
                interval = n::interval(lang, lo, hi, month),
            ),
            Some((m, None)) => tr!(lang, "costs-break-even-month", month = month(m)),
            None => n::missing(lang).into(),
        },
        Some(s) => tr!(
            lang,
            "costs-break-even-some",
            share = n::percent(lang, s, 0),
            horizon = horizon,
        ),
    }
}

/// The scenario's values of a gain, as a sentence part (`value_per_customer_per_year =
/// 120 euro`), from the manifest.
fn valuation_words(lang: Lang, m: Option<&ManifestRecord>) -> String {
    let e = m
        .and_then(|m| m.scenario.as_ref())
        .and_then(|s| s.get("economics"));
    let mut parts = Vec::new();
    for (key, id) in [
        ("value_per_customer_per_year", "costs-value-per-customer"),
        ("value_per_nps_point_per_year", "costs-value-per-nps-point"),
    ] {
        if let Some(v) = e.and_then(|e| e.get(key)).and_then(Value::as_f64) {
            let value = match lang {
                Lang::Nl => v.to_string().replace('.', ","),
                Lang::En | Lang::Pseudo => v.to_string(),
            };
            parts.push(tr!(
                lang,
                id,
                value = value,
                key = format!("economics.{key}")
            ));
        }
    }
    parts.join(&format!(" {} ", tr!(lang, "costs-and")))
}

/// Writes the section into `html`, in `lang`; nothing when the run has no programme with a
/// cost.
pub fn cost_section(
    html: &mut String,
    lang: Lang,
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
    let _ = write!(html, "<h2>{}</h2>", escape(&tr!(lang, "costs-heading")));
    if charts.contains(&ChartKind::Costs) {
        figure(html, lang, data, &ChartKind::Costs)?;
    }
    if programmes.is_empty() {
        return Ok(());
    }
    let horizon_months = data.timeseries.max_day().max(1.0) / DAYS_PER_MONTH;
    let priced = valued(d, &data.arms);
    let _ = write!(
        html,
        "<p>{} ",
        tr!(
            lang,
            "costs-intro",
            interval = interval_long(lang, data.intervals)
        )
    );
    if priced {
        let _ = write!(
            html,
            "{}</p>",
            tr!(
                lang,
                "costs-valued",
                values = escape(&valuation_words(lang, m)),
                months = format!("{horizon_months:.0}"),
            )
        );
    } else {
        let _ = write!(
            html,
            "{}</p>",
            tr!(
                lang,
                "costs-not-valued",
                section = "<code>[economics]</code>"
            )
        );
    }
    let _ = write!(
        html,
        "<table><tr><th>{}</th>",
        escape(&tr!(lang, "costs-col-programme"))
    );
    let shown: Vec<&(DurabilityMetric, &str, Scale)> = TABLE
        .iter()
        .filter(|(metric, _, _)| priced || !metric.needs_valuation())
        .collect();
    for (_, head, _) in &shown {
        let _ = write!(html, "<th>{}</th>", escape(&tr!(lang, head)));
    }
    if priced {
        let _ = write!(html, "<th>{}</th>", tr!(lang, "costs-col-break-even"));
    }
    html.push_str("</tr>");
    for a in programmes {
        let _ = write!(html, "<tr><th>{}</th>", escape(&arm_label(lang, a)));
        for (metric, _, scale) in &shown {
            html.push_str(&stat_cell(lang, d.get(a, metric.name()), *scale));
        }
        if priced {
            let _ = write!(
                html,
                "<td class=\"n\">{}</td>",
                escape(&break_even_text(lang, d, a, horizon_months))
            );
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    if charts.contains(&ChartKind::CostBenefit) {
        figure(html, lang, data, &ChartKind::CostBenefit)?;
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
            break_even_text(Lang::En, &d, "never", 36.0),
            "not within the horizon (36 months)"
        );
        assert_eq!(
            break_even_text(Lang::En, &d, "always", 36.0),
            "month 6.0 [5.0, 7.0]"
        );
        assert_eq!(
            break_even_text(Lang::En, &d, "some", 36.0),
            "in 60% of runs within the horizon (36 months)"
        );
    }
}
