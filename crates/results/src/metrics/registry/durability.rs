//! The durability statistics of an intervention arm against its paired baseline, and the
//! baseline's own drift: the rows of `durability.csv` (and columns of `runs.csv`), in output
//! order. `metrics::durability` computes them, one `match` arm per variant, so a new
//! statistic without a computation does not compile.

use std::borrow::Cow;
use std::ops::Index;

use super::{declare, Better, Description, Family, Group, Kind};

/// The definition of a durability statistic.
pub struct StatDef {
    pub title: &'static str,
    pub unit: &'static str,
    pub axis: &'static str,
    pub group: Group,
    pub kind: Kind,
    pub better: Better,
    /// Charts draw 0 and keep it in range (a paired difference or a share of one).
    pub zero_line: bool,
    /// Its values are 0 or 1 per replication, so its summary is a share with a proportion's
    /// interval.
    pub share: bool,
}

const B_DIFF: &str = "difference in B (0–1 scale)";
const DAYS: &str = "working days";

declare! {
    /// A durability statistic of an intervention arm (docs/model.md 7.10), in output order.
    pub enum DurabilityMetric: StatDef {
        PeakGainB = "peak_gain_B" {
            title: "Peak gain in B over baseline", unit: "0–1", axis: B_DIFF,
            group: Group::Above, kind: Kind::Difference, better: Better::Higher,
            zero_line: true, share: false,
        }
        DaysToPeakB = "days_to_peak_B" {
            title: "Time to the peak gain in B", unit: DAYS, axis: DAYS,
            group: Group::Above, kind: Kind::Summary, better: Better::Lower,
            zero_line: false, share: false,
        }
        HalfLifeDaysB = "half_life_days_B" {
            title: "Half-life of the gain in B after the programme", unit: DAYS, axis: DAYS,
            group: Group::Above, kind: Kind::Summary, better: Better::Higher,
            zero_line: false, share: false,
        }
        HalfLifeCensoredShareB = "half_life_censored_share_B" {
            title: "Replications whose gain in B never halved within the horizon",
            unit: "share", axis: "share of replications",
            group: Group::Above, kind: Kind::Summary, better: Better::Lower,
            zero_line: false, share: true,
        }
        GainEndB = "gain_end_B" {
            title: "Gain in B at the programme's end", unit: "0–1", axis: B_DIFF,
            group: Group::Above, kind: Kind::Difference, better: Better::Higher,
            zero_line: true, share: false,
        }
        Gain6mB = "gain_6m_B" {
            title: "Gain in B 6 months after the programme", unit: "0–1", axis: B_DIFF,
            group: Group::Above, kind: Kind::Difference, better: Better::Higher,
            zero_line: true, share: false,
        }
        Gain12mB = "gain_12m_B" {
            title: "Gain in B 12 months after the programme", unit: "0–1", axis: B_DIFF,
            group: Group::Above, kind: Kind::Difference, better: Better::Higher,
            zero_line: true, share: false,
        }
        Retained6mB = "retained_6m_B" {
            title: "Share of the peak gain in B kept after 6 months", unit: "share",
            axis: "share of peak gain", group: Group::Above, kind: Kind::Summary,
            better: Better::Higher, zero_line: true, share: false,
        }
        Retained12mB = "retained_12m_B" {
            title: "Share of the peak gain in B kept after 12 months", unit: "share",
            axis: "share of peak gain", group: Group::Above, kind: Kind::Summary,
            better: Better::Higher, zero_line: true, share: false,
        }
        AucGainB = "auc_gain_B" {
            title: "Gain in B summed over the days from the programme's start",
            unit: "0–1 × working days", axis: "difference in B × working days",
            group: Group::Above, kind: Kind::Difference, better: Better::Higher,
            zero_line: true, share: false,
        }
        EffectSizeDBPeak = "effect_size_d_B_peak" {
            title: "Effect size of the gain in B at its peak", unit: "Cohen's d",
            axis: "Cohen's d", group: Group::Above, kind: Kind::Difference,
            better: Better::Higher, zero_line: true, share: false,
        }
        EffectSizeDBEnd = "effect_size_d_B_end" {
            title: "Effect size of the gain in B at the programme's end", unit: "Cohen's d",
            axis: "Cohen's d", group: Group::Above, kind: Kind::Difference,
            better: Better::Higher, zero_line: true, share: false,
        }
        EffectSizeDB12m = "effect_size_d_B_12m" {
            title: "Effect size of the gain in B 12 months after the programme",
            unit: "Cohen's d", axis: "Cohen's d", group: Group::Above,
            kind: Kind::Difference, better: Better::Higher, zero_line: true, share: false,
        }
        PeakGainNps = "peak_gain_nps" {
            title: "Peak NPS gain over baseline", unit: "NPS points", axis: "NPS points",
            group: Group::Customers, kind: Kind::Difference, better: Better::Higher,
            zero_line: true, share: false,
        }
        Gain6mNps = "gain_6m_nps" {
            title: "NPS gain 6 months after the programme", unit: "NPS points",
            axis: "NPS points", group: Group::Customers, kind: Kind::Difference,
            better: Better::Higher, zero_line: true, share: false,
        }
        Gain12mNps = "gain_12m_nps" {
            title: "NPS gain 12 months after the programme", unit: "NPS points",
            axis: "NPS points", group: Group::Customers, kind: Kind::Difference,
            better: Better::Higher, zero_line: true, share: false,
        }
        Retained12mNps = "retained_12m_nps" {
            title: "Share of the peak NPS gain kept after 12 months", unit: "share",
            axis: "share of peak gain", group: Group::Customers, kind: Kind::Summary,
            better: Better::Higher, zero_line: true, share: false,
        }
        MeanGainNps = "mean_gain_nps" {
            title: "Mean NPS gain from the programme's start to 12 months after its end",
            unit: "NPS points", axis: "NPS points",
            group: Group::Customers, kind: Kind::Difference, better: Better::Higher,
            zero_line: true, share: false,
        }
        Cost = "cost" {
            title: "Intervention cost over baseline", unit: "euro", axis: "euro",
            group: Group::Cost, kind: Kind::Difference, better: Better::Lower,
            zero_line: false, share: false,
        }
        /// `cost` ÷ `mean_gain_nps`, across replications the ratio of their means
        /// ([`DurabilityMetric::ratio`]), so the shown cost divided by the shown mean gain is
        /// the shown figure.
        CostPerNpsPoint = "cost_per_nps_point" {
            title: "Intervention cost per point of mean NPS gain (start to 12 months after)",
            unit: "euro per NPS point", axis: "euro per NPS point", group: Group::Cost,
            kind: Kind::Summary, better: Better::Lower, zero_line: false, share: false,
        }
        ExtraRuleBreakCost = "extra_rule_break_cost" {
            title: "Cost of rule breaks over baseline", unit: "euro", axis: "euro",
            group: Group::Cost, kind: Kind::Difference, better: Better::Lower,
            zero_line: true, share: false,
        }
        /// `cost` ÷ `gain_12m_nps`: what a point of NPS that lasts costs.
        CostPerLastingNpsPoint = "cost_per_lasting_nps_point" {
            title: "Intervention cost per NPS point still gained 12 months after",
            unit: "euro per NPS point", axis: "euro per NPS point", group: Group::Cost,
            kind: Kind::Summary, better: Better::Lower, zero_line: false, share: false,
        }
        /// Only with an `[economics]` value (`metrics::economics`).
        NetValue = "net_value" {
            title: "Net value over the horizon: value of the gain minus its costs",
            unit: "euro", axis: "euro", group: Group::Cost, kind: Kind::Difference,
            better: Better::Higher, zero_line: true, share: false,
        }
        BreakEvenDays = "break_even_days" {
            title: "Time from the programme's start until its net value stays positive",
            unit: DAYS, axis: DAYS, group: Group::Cost, kind: Kind::Summary,
            better: Better::Lower, zero_line: false, share: false,
        }
        BreakEvenShare = "break_even_share" {
            title: "Replications whose net value broke even within the horizon",
            unit: "share", axis: "share of replications", group: Group::Cost,
            kind: Kind::Summary, better: Better::Higher, zero_line: false, share: true,
        }
    }
}

declare! {
    /// The baseline arm's own drift over the recorded horizon, in output order.
    pub enum BaselineMetric: StatDef {
        DriftB = "drift_B" {
            title: "Baseline drift of B", unit: "0–1", axis: B_DIFF,
            group: Group::Above, kind: Kind::Difference, better: Better::Neither,
            zero_line: true, share: false,
        }
        DriftNps = "drift_nps" {
            title: "Baseline drift of NPS", unit: "NPS points", axis: "difference in NPS points",
            group: Group::Customers, kind: Kind::Difference, better: Better::Neither,
            zero_line: true, share: false,
        }
    }
}

fn describe(def: &StatDef, name: &'static str, family: Family) -> Description {
    Description {
        name,
        title: Cow::Borrowed(def.title),
        unit: def.unit,
        axis: def.axis,
        group: def.group,
        kind: def.kind,
        better: def.better,
        zero_line: def.zero_line,
        family,
    }
}

impl DurabilityMetric {
    pub fn describe(self) -> Description {
        describe(self.def(), self.name(), Family::Durability)
    }

    /// For a duration that can run past the horizon, the 0/1 statistic that says it did
    /// (censored). Across replications such a duration is summarised by its Kaplan-Meier
    /// median (`metrics::survival`), never by a mean of horizons and observed values.
    pub fn censored_by(self) -> Option<DurabilityMetric> {
        match self {
            DurabilityMetric::HalfLifeDaysB => Some(DurabilityMetric::HalfLifeCensoredShareB),
            _ => None,
        }
    }

    /// A ratio's numerator and denominator. Across replications a ratio is summarised as
    /// the ratio of their means (not the mean of per-replication ratios, which a
    /// replication with a small denominator dominates), so that a reader who divides the
    /// shown numerator by the shown denominator gets the shown ratio.
    pub fn ratio(self) -> Option<(DurabilityMetric, DurabilityMetric)> {
        use DurabilityMetric::*;
        match self {
            CostPerNpsPoint => Some((Cost, MeanGainNps)),
            CostPerLastingNpsPoint => Some((Cost, Gain12mNps)),
            _ => None,
        }
    }

    /// Whether the statistic exists only when the scenario values the gain (`[economics]`):
    /// without that section its rows are not written.
    pub fn needs_valuation(self) -> bool {
        use DurabilityMetric::*;
        matches!(self, NetValue | BreakEvenDays | BreakEvenShare)
    }
}

/// Whether `name` is a duration that can be censored at the horizon.
pub fn is_censorable(name: &str) -> bool {
    DurabilityMetric::from_name(name).is_some_and(|m| m.censored_by().is_some())
}

impl BaselineMetric {
    pub fn describe(self) -> Description {
        describe(self.def(), self.name(), Family::Baseline)
    }
}

/// Whether `name` is a 0/1 statistic summarised as a share.
pub fn is_share(name: &str) -> bool {
    DurabilityMetric::from_name(name).is_some_and(|m| m.def().share)
}

/// Named access to a replication's durability figures: `d[DurabilityMetric::HalfLifeDaysB]`.
impl Index<DurabilityMetric> for [f64] {
    type Output = f64;
    fn index(&self, m: DurabilityMetric) -> &f64 {
        &self[m as usize]
    }
}

/// Named access to the baseline's drift: `b[BaselineMetric::DriftB]`.
impl Index<BaselineMetric> for [f64] {
    type Output = f64;
    fn index(&self, m: BaselineMetric) -> &f64 {
        &self[m as usize]
    }
}
