//! Titles and axis labels of charts: a lookup into the metric registry
//! ([`crate::metrics::registry`]), where every metric is declared once.

use crate::metrics::registry::{self, Recorded};
use crate::text::{term, tr, Lang};

/// Display information of one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricInfo {
    /// Chart title (without scenario).
    pub title: String,
    /// y-axis description with unit.
    pub y_desc: String,
    /// Draw a reference line at 0 and keep 0 inside the y range (paired differences).
    pub zero_line: bool,
}

/// Display information of `metric`. A name the tool never writes (a file from elsewhere)
/// is shown as it is.
///
/// In `lang`: the registry's English title and axis, or their terms in the
/// catalogue (`terms-metric.ftl`, families `metric` and `axis`).
pub fn metric_info(metric: &str, lang: Lang) -> MetricInfo {
    match registry::describe(metric) {
        Some(d) => MetricInfo {
            title: term(lang, "metric", d.name, &d.title),
            y_desc: axis_in(d.axis, lang),
            zero_line: d.zero_line,
        },
        None => MetricInfo {
            title: metric.to_string(),
            y_desc: tr!(lang, "charts-axis-value"),
            zero_line: false,
        },
    }
}

/// A registry axis label (`mean state (0–1)`, `share of employees`) in `lang`: the English
/// text is the key of its term (family `axis`), as several metrics share one axis.
pub fn axis_in(axis: &str, lang: Lang) -> String {
    term(lang, "axis", axis, axis)
}

/// A registry unit (`0–1`, `euro`, `NPS points`) in `lang` (family `unit`, keyed by the
/// English text).
pub fn unit_in(unit: &str, lang: Lang) -> String {
    term(lang, "unit", unit, unit)
}

/// Metrics charted one per file, in this order when present; further metrics follow in file
/// order. Drive-specific B series are shown in the drives chart instead.
pub const PREFERRED_ORDER: [&str; 22] = [
    "B",
    "N",
    "nps",
    "rule_breaks_per_1000",
    "gain_B",
    "gain_N",
    "gain_nps",
    "K",
    "A",
    "H",
    "E",
    "U",
    "P",
    "oriented_share",
    "recognition_share",
    "strong_norm_share",
    "mean_score",
    "promoter_share",
    "detractor_share",
    "alternatives_per_1000",
    "active_customers",
    "cost_cumulative",
];

/// Whether `metric` is a B-by-drive series (`B_purple`, …).
pub fn is_drive_metric(metric: &str) -> bool {
    matches!(Recorded::from_name(metric), Some(Recorded::DriveB(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_order_names_only_metrics_the_tool_writes() {
        for m in PREFERRED_ORDER {
            assert!(registry::describe(m).is_some(), "{m} is no metric");
        }
    }

    #[test]
    fn drive_series_are_recognised() {
        assert!(is_drive_metric("B_purple"));
        assert!(!is_drive_metric("B"));
        assert!(!is_drive_metric("B_mean"));
    }
}
