//! Human titles and axis descriptions of the simulation's metrics.

use crate::plot::palette::DRIVES;

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

fn info(title: &str, y_desc: &str) -> MetricInfo {
    MetricInfo {
        title: title.to_string(),
        y_desc: y_desc.to_string(),
        zero_line: false,
    }
}

/// Name of a below/above-waterline state variable.
pub fn state_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "B" => "visible customer-oriented behaviour",
        "K" => "knowledge",
        "A" => "awareness",
        "N" => "norm",
        "H" => "habit",
        "E" => "reward expectancy",
        "U" => "understanding of intent",
        "P" => "practised alternatives",
        _ => return None,
    })
}

/// Display information of `metric`; unknown metrics get a generic description.
pub fn metric_info(metric: &str) -> MetricInfo {
    if let Some(name) = state_name(metric) {
        let mut t = format!("{metric}: {name}");
        if metric == "U" {
            t = "U: understanding of the organisation's intent".to_string();
        }
        let unit = if metric == "B" {
            "mean propensity (0–1)"
        } else {
            "mean state (0–1)"
        };
        return info(&t, unit);
    }
    if let Some(drive) = metric.strip_prefix("B_") {
        if DRIVES.contains(&drive) {
            return info(
                &format!("B among employees with dominant drive {drive}"),
                "mean propensity (0–1)",
            );
        }
    }
    if let Some(m) = summary_info(metric) {
        return m;
    }
    if let Some(base) = metric.strip_prefix("gain_") {
        let (what, unit) = match base {
            "nps" => ("NPS".to_string(), "difference in NPS points".to_string()),
            b => match state_name(b) {
                Some(_) => (b.to_string(), format!("difference in {b} (0–1 scale)")),
                None => (b.to_string(), format!("difference in {b}")),
            },
        };
        return MetricInfo {
            title: format!("Gain in {what} over baseline (paired difference)"),
            y_desc: unit,
            zero_line: true,
        };
    }
    match metric {
        "recognition_share" => info(
            "Employees who recognise role-model behaviour",
            "share of employees",
        ),
        "strong_norm_share" => info("Employees with a strong norm", "share of employees"),
        "oriented_share" => info("Customer-oriented contacts", "share of contacts"),
        "mean_score" => info("Mean customer score", "score (0–10)"),
        "nps" => info("Net Promoter Score", "NPS points"),
        "promoter_share" => info("Promoters", "share of customers"),
        "detractor_share" => info("Detractors", "share of customers"),
        "rule_breaks_per_1000" => info("Rule breaks", "rule breaks per 1000 contacts"),
        "alternatives_per_1000" => info(
            "Alternatives offered to customers",
            "alternatives per 1000 contacts",
        ),
        "active_customers" => info("Active customers", "customers"),
        "churned" => info("Churned customers", "customers"),
        "referred" => info("Referred customers", "customers"),
        "cost_cumulative" => info("Cumulative intervention cost", "euro"),
        "alignment" => info(
            "Alignment of lenses with the organisation's definition",
            "mean alignment (0–1)",
        ),
        "feedback_minded_share" => info("Highly feedback-minded employees", "share of employees"),
        "N_feedback_minded" => info("Norm N of the highly feedback-minded", "mean state (0–1)"),
        "gamed_per_1000" => info("Gamed contacts: shown without quality", "contacts per 1000"),
        other => info(other, "value"),
    }
}

/// Durability metrics (`durability.csv`) and per-run summaries of sweeps (`points.csv`).
fn summary_info(metric: &str) -> Option<MetricInfo> {
    let gain = |title: &str, unit: &str| MetricInfo {
        title: title.to_string(),
        y_desc: unit.to_string(),
        zero_line: true,
    };
    Some(match metric {
        "peak_gain_B" => gain(
            "Peak gain in B over baseline",
            "difference in B (0–1 scale)",
        ),
        "gain_end_B" => gain(
            "Gain in B at the programme's end",
            "difference in B (0–1 scale)",
        ),
        "gain_6m_B" => gain(
            "Gain in B 6 months after the programme",
            "difference in B (0–1 scale)",
        ),
        "gain_12m_B" => gain(
            "Gain in B 12 months after the programme",
            "difference in B (0–1 scale)",
        ),
        "retained_6m_B" => gain(
            "Share of the peak gain in B kept after 6 months",
            "share of peak gain",
        ),
        "retained_12m_B" => gain(
            "Share of the peak gain in B kept after 12 months",
            "share of peak gain",
        ),
        "half_life_days_B" => info(
            "Half-life of the gain in B after the programme",
            "working days",
        ),
        "days_to_peak_B" => info("Time to the peak gain in B", "working days"),
        "peak_gain_nps" => gain("Peak NPS gain over baseline", "NPS points"),
        "gain_12m_nps" => gain("NPS gain 12 months after the programme", "NPS points"),
        "mean_gain_nps" => gain("Mean NPS gain over baseline", "NPS points"),
        "cost_per_nps_point" => info("Cost per NPS point gained", "euro per NPS point"),
        "cost" => info("Intervention cost over baseline", "euro"),
        "B_mean" => info(
            "Mean visible behaviour B over the horizon",
            "mean propensity (0–1)",
        ),
        "B_end" => info("Visible behaviour B at the end", "mean propensity (0–1)"),
        "nps_mean" => info("Mean NPS over the horizon", "NPS points"),
        "nps_end" => info("NPS at the end", "NPS points"),
        "N_end" => info("Norm N at the end", "mean state (0–1)"),
        "H_end" => info("Habit H at the end", "mean state (0–1)"),
        "E_end" => info("Reward expectancy E at the end", "mean state (0–1)"),
        "U_end" => info("Understanding U at the end", "mean state (0–1)"),
        "recognition_end" => info(
            "Employees recognising role-model behaviour at the end",
            "share of employees",
        ),
        "alignment_end" => info(
            "Alignment with the organisation's definition at the end",
            "mean alignment (0–1)",
        ),
        "rule_breaks_mean" => info(
            "Rule breaks over the horizon",
            "rule breaks per 1000 contacts",
        ),
        "cost_interventions" => info("Intervention cost", "euro"),
        "cost_rule_breaks" => info("Cost of rule breaks", "euro"),
        "drift_B" => gain("Baseline drift of B", "difference in B (0–1 scale)"),
        _ => return None,
    })
}

/// Metrics charted one per file, in this order when present; further unknown metrics follow
/// in file order. Drive-specific B series are shown in the drives chart instead.
pub const PREFERRED_ORDER: [&str; 24] = [
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
    "churned",
    "referred",
    "cost_cumulative",
];

/// Whether `metric` is a B-by-drive series (`B_purple`, …).
pub fn is_drive_metric(metric: &str) -> bool {
    metric
        .strip_prefix("B_")
        .is_some_and(|d| DRIVES.contains(&d))
}
