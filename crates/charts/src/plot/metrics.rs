//! Titles and axis labels of charts: a lookup into the metric registry
//! ([`crate::metrics::registry`]), where every metric is declared once.

use crate::metrics::registry::{self, Recorded};

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
pub fn metric_info(metric: &str) -> MetricInfo {
    match registry::describe(metric) {
        Some(d) => MetricInfo {
            title: d.title.into_owned(),
            y_desc: d.axis.to_string(),
            zero_line: d.zero_line,
        },
        None => MetricInfo {
            title: metric.to_string(),
            y_desc: "value".to_string(),
            zero_line: false,
        },
    }
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
