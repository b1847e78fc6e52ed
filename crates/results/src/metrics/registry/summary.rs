//! What a sweep keeps of every arm of a run instead of its time series (the per-arm columns
//! of `runs.csv` and metrics of `points.csv`), each bound to its computation from the arm's
//! [`RunSeries`], in output order.
//!
//! Means run over the whole recorded horizon and `_end` values are the last recorded day;
//! the states below the waterline (N, H, E, U) are the slow variables whose end value says
//! where the organisation is heading. `cost_*` are the arm's own totals (durability's `cost`
//! is the difference from the baseline).

use std::borrow::Cow;

use super::{declare, Better, Description, Family, Group, Kind, Metric};
use crate::metrics::recorder::RunSeries;

/// The definition of an arm summary.
pub struct SummaryDef {
    pub title: &'static str,
    pub unit: &'static str,
    pub axis: &'static str,
    pub group: Group,
    pub better: Better,
    pub compute: fn(&RunSeries) -> f64,
}

fn mean(x: &[f64]) -> f64 {
    if x.is_empty() {
        f64::NAN
    } else {
        x.iter().sum::<f64>() / x.len() as f64
    }
}

/// `m` on the last recorded day.
fn last_recorded(s: &RunSeries, m: Metric) -> f64 {
    match s.days.len().checked_sub(1) {
        Some(r) => s.value(r, m.index()),
        None => f64::NAN,
    }
}

/// Mean of `m` over the recorded days (flows are totals over each recording interval, so no
/// event is lost).
fn recorded_mean(s: &RunSeries, m: Metric) -> f64 {
    mean(
        &(0..s.days.len())
            .map(|r| s.value(r, m.index()))
            .collect::<Vec<_>>(),
    )
}

const STATE: &str = "mean state (0–1)";

declare! {
    /// A summary every arm of a sweep's run gets (the baseline included), in output order.
    pub enum ArmSummary: SummaryDef {
        BMean = "B_mean" {
            title: "Mean visible behaviour B over the horizon", unit: "0–1",
            axis: "mean propensity (0–1)", group: Group::Above, better: Better::Higher,
            compute: |s| mean(&s.daily_b),
        }
        BEnd = "B_end" {
            title: "Visible behaviour B at the end", unit: "0–1", axis: "mean propensity (0–1)",
            group: Group::Above, better: Better::Higher,
            compute: |s| s.daily_b.last().copied().unwrap_or(f64::NAN),
        }
        NpsMean = "nps_mean" {
            title: "Mean NPS over the horizon", unit: "NPS points", axis: "NPS points",
            group: Group::Customers, better: Better::Higher,
            compute: |s| mean(&s.daily_nps),
        }
        NpsEnd = "nps_end" {
            title: "NPS at the end", unit: "NPS points", axis: "NPS points",
            group: Group::Customers, better: Better::Higher,
            compute: |s| s.daily_nps.last().copied().unwrap_or(f64::NAN),
        }
        NEnd = "N_end" {
            title: "Norm N at the end", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher,
            compute: |s| last_recorded(s, Metric::N),
        }
        HEnd = "H_end" {
            title: "Habit H at the end", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher,
            compute: |s| last_recorded(s, Metric::H),
        }
        EEnd = "E_end" {
            title: "Reward expectancy E at the end", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher,
            compute: |s| last_recorded(s, Metric::E),
        }
        UEnd = "U_end" {
            title: "Understanding U at the end", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher,
            compute: |s| last_recorded(s, Metric::U),
        }
        RecognitionEnd = "recognition_end" {
            title: "Employees recognising role-model behaviour at the end", unit: "share",
            axis: "share of employees", group: Group::Below, better: Better::Higher,
            compute: |s| last_recorded(s, Metric::RecognitionShare),
        }
        AlignmentEnd = "alignment_end" {
            title: "Alignment with the organisation's definition at the end", unit: "0–1",
            axis: "mean alignment (0–1)", group: Group::Below, better: Better::Higher,
            compute: |s| last_recorded(s, Metric::Alignment),
        }
        RuleBreaksMean = "rule_breaks_mean" {
            title: "Rule breaks over the horizon", unit: "per 1000 contacts",
            axis: "rule breaks per 1000 contacts", group: Group::Rules, better: Better::Lower,
            compute: |s| recorded_mean(s, Metric::RuleBreaksPer1000),
        }
        ActiveCustomersEnd = "active_customers_end" {
            title: "Active customers at the end", unit: "customers", axis: "customers",
            group: Group::Customers, better: Better::Higher,
            compute: |s| last_recorded(s, Metric::ActiveCustomers),
        }
        CostInterventions = "cost_interventions" {
            title: "Intervention cost", unit: "euro", axis: "euro",
            group: Group::Cost, better: Better::Lower,
            compute: |s| s.intervention_cost,
        }
        CostRuleBreaks = "cost_rule_breaks" {
            title: "Cost of rule breaks", unit: "euro", axis: "euro",
            group: Group::Cost, better: Better::Lower,
            compute: |s| s.rule_break_cost,
        }
    }
}

impl ArmSummary {
    /// Its value for one arm of one run.
    pub fn compute(self, s: &RunSeries) -> f64 {
        (self.def().compute)(s)
    }

    pub fn describe(self) -> Description {
        let d = self.def();
        Description {
            name: self.name(),
            title: Cow::Borrowed(d.title),
            unit: d.unit,
            axis: d.axis,
            group: d.group,
            kind: Kind::Summary,
            better: d.better,
            zero_line: false,
            family: Family::Summary,
        }
    }
}
