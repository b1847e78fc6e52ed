//! The recorded time series (docs/model.md section 7.10), each bound to its computation from the
//! day's totals, in output order, and the paired gains over the baseline.
//!
//! A metric's [`Compute`] says whether it is a stock (read from the recorded day) or a flow
//! (summed since the last recorded day, so a coarse recording interval loses no event); the
//! kind cannot disagree with the computation because it is the computation's type.

use std::borrow::Cow;

use super::{declare, Better, Description, Family, Group, Kind};
use crate::model::customers::nps;
use crate::model::drives::{DRIVE_NAMES, N_DRIVES};
use crate::model::team::TeamDay;

/// What a stock is read from: the recorded day's totals and the run's running costs.
pub struct Stocks<'a> {
    pub today: &'a TeamDay,
    /// Intervention cost of the run so far (euro).
    pub cost_interventions: f64,
    /// Cost of the run's rule breaks so far (euro).
    pub cost_rule_breaks: f64,
}

impl Stocks<'_> {
    /// Head count, at least 1 (a denominator).
    pub fn employees(&self) -> f64 {
        self.today.employees.max(1) as f64
    }

    /// Customers scored in the NPS window, at least 1 (a denominator).
    pub fn scored(&self) -> f64 {
        self.today.nps_window[2].max(1) as f64
    }
}

/// What a flow is summed from: the totals since the last recorded day.
pub struct Flows<'a> {
    pub since_last: &'a TeamDay,
    /// Days in that interval.
    pub days: u32,
}

impl Flows<'_> {
    /// Contacts in the interval, at least 1 (a denominator).
    pub fn contacts(&self) -> f64 {
        self.since_last.contacts.max(1) as f64
    }

    /// Days in the interval, at least 1 (a denominator).
    pub fn days(&self) -> f64 {
        self.days.max(1) as f64
    }
}

/// How a recorded metric is computed; the variant is its [`Kind`].
#[derive(Clone, Copy)]
pub enum Compute {
    Stock(fn(&Stocks) -> f64),
    Flow(fn(&Flows) -> f64),
}

impl Compute {
    pub fn kind(self) -> Kind {
        match self {
            Compute::Stock(_) => Kind::Stock,
            Compute::Flow(_) => Kind::Flow,
        }
    }
}

/// The definition of a recorded metric.
pub struct SeriesDef {
    pub title: &'static str,
    pub unit: &'static str,
    pub axis: &'static str,
    pub group: Group,
    pub better: Better,
    pub compute: Compute,
}

/// Mean over employees of state variable `i` (B, K, A, N, H, E, U, P).
fn state(s: &Stocks, i: usize) -> f64 {
    s.today.state_sums[i] / s.employees()
}

const STATE: &str = "mean state (0–1)";
const PROPENSITY: &str = "mean propensity (0–1)";

declare! {
    /// A recorded metric (the per-drive family aside: [`Recorded::DriveB`]), in output order.
    pub enum Metric: SeriesDef {
        B = "B" {
            title: "B: visible customer-oriented behaviour", unit: "0–1", axis: PROPENSITY,
            group: Group::Above, better: Better::Higher, compute: Compute::Stock(|s| state(s, 0)),
        }
        K = "K" {
            title: "K: knowledge", unit: "0–1", axis: STATE,
            group: Group::Above, better: Better::Higher, compute: Compute::Stock(|s| state(s, 1)),
        }
        A = "A" {
            title: "A: awareness", unit: "0–1", axis: STATE,
            group: Group::Above, better: Better::Higher, compute: Compute::Stock(|s| state(s, 2)),
        }
        N = "N" {
            title: "N: norm", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher, compute: Compute::Stock(|s| state(s, 3)),
        }
        H = "H" {
            title: "H: habit", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher, compute: Compute::Stock(|s| state(s, 4)),
        }
        E = "E" {
            title: "E: reward expectancy", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher, compute: Compute::Stock(|s| state(s, 5)),
        }
        U = "U" {
            title: "U: understanding of the organisation's intent", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher, compute: Compute::Stock(|s| state(s, 6)),
        }
        P = "P" {
            title: "P: practised alternatives", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher, compute: Compute::Stock(|s| state(s, 7)),
        }
        RecognitionShare = "recognition_share" {
            title: "Employees who recognise role-model behaviour", unit: "share",
            axis: "share of employees", group: Group::Below, better: Better::Higher,
            compute: Compute::Stock(|s| s.today.recognised as f64 / s.employees()),
        }
        StrongNormShare = "strong_norm_share" {
            title: "Employees with a strong norm", unit: "share", axis: "share of employees",
            group: Group::Below, better: Better::Higher,
            compute: Compute::Stock(|s| s.today.strong_norm as f64 / s.employees()),
        }
        OrientedShare = "oriented_share" {
            title: "Customer-oriented contacts", unit: "share", axis: "share of contacts",
            group: Group::Above, better: Better::Higher,
            compute: Compute::Flow(|f| f.since_last.oriented as f64 / f.contacts()),
        }
        GamedPer1000 = "gamed_per_1000" {
            title: "Gamed contacts: shown without quality", unit: "per 1000 contacts",
            axis: "contacts per 1000", group: Group::Customers, better: Better::Lower,
            compute: Compute::Flow(|f| 1000.0 * f.since_last.gamed as f64 / f.contacts()),
        }
        MeanScore = "mean_score" {
            title: "Mean customer score", unit: "0–10", axis: "score (0–10)",
            group: Group::Customers, better: Better::Higher,
            compute: Compute::Flow(|f| f.since_last.score_sum as f64 / f.contacts()),
        }
        Nps = "nps" {
            title: "Net Promoter Score", unit: "NPS points", axis: "NPS points",
            group: Group::Customers, better: Better::Higher,
            compute: Compute::Stock(|s| {
                let w = s.today.nps_window;
                nps(w[0], w[1], w[2])
            }),
        }
        PromoterShare = "promoter_share" {
            title: "Promoters", unit: "share", axis: "share of customers",
            group: Group::Customers, better: Better::Higher,
            compute: Compute::Stock(|s| s.today.nps_window[0] as f64 / s.scored()),
        }
        DetractorShare = "detractor_share" {
            title: "Detractors", unit: "share", axis: "share of customers",
            group: Group::Customers, better: Better::Lower,
            compute: Compute::Stock(|s| s.today.nps_window[1] as f64 / s.scored()),
        }
        RuleBreaksPer1000 = "rule_breaks_per_1000" {
            title: "Rule breaks", unit: "per 1000 contacts", axis: "rule breaks per 1000 contacts",
            group: Group::Rules, better: Better::Lower,
            compute: Compute::Flow(|f| 1000.0 * f.since_last.breaks as f64 / f.contacts()),
        }
        AlternativesPer1000 = "alternatives_per_1000" {
            title: "Alternatives offered to customers", unit: "per 1000 contacts",
            axis: "alternatives per 1000 contacts", group: Group::Rules, better: Better::Higher,
            compute: Compute::Flow(|f| 1000.0 * f.since_last.alternatives as f64 / f.contacts()),
        }
        RewardsPer1000 = "rewards_per_1000" {
            title: "Rewards paid for customer-oriented contacts", unit: "per 1000 contacts",
            axis: "rewards per 1000 contacts", group: Group::Rules, better: Better::Neither,
            compute: Compute::Flow(|f| 1000.0 * f.since_last.rewards as f64 / f.contacts()),
        }
        ActiveCustomers = "active_customers" {
            title: "Active customers", unit: "customers", axis: "customers",
            group: Group::Customers, better: Better::Higher,
            compute: Compute::Stock(|s| s.today.customers as f64),
        }
        ChurnedPerDay = "churned_per_day" {
            title: "Churned customers", unit: "customers per working day",
            axis: "customers per working day", group: Group::Customers, better: Better::Lower,
            compute: Compute::Flow(|f| f.since_last.churned as f64 / f.days()),
        }
        ReferredPerDay = "referred_per_day" {
            title: "Referred customers", unit: "customers per working day",
            axis: "customers per working day", group: Group::Customers, better: Better::Higher,
            compute: Compute::Flow(|f| f.since_last.referred as f64 / f.days()),
        }
        LeaversPerDay = "leavers_per_day" {
            title: "Employees leaving", unit: "employees per working day",
            axis: "employees per working day", group: Group::People, better: Better::Lower,
            compute: Compute::Flow(|f| f.since_last.leavers as f64 / f.days()),
        }
        CostInterventionsCumulative = "cost_interventions_cumulative" {
            title: "Cumulative intervention cost", unit: "euro", axis: "euro",
            group: Group::Cost, better: Better::Lower,
            compute: Compute::Stock(|s| s.cost_interventions),
        }
        CostRuleBreaksCumulative = "cost_rule_breaks_cumulative" {
            title: "Cumulative cost of rule breaks", unit: "euro", axis: "euro",
            group: Group::Cost, better: Better::Lower,
            compute: Compute::Stock(|s| s.cost_rule_breaks),
        }
        CostCumulative = "cost_cumulative" {
            title: "Cumulative cost: interventions and rule breaks", unit: "euro", axis: "euro",
            group: Group::Cost, better: Better::Lower,
            compute: Compute::Stock(|s| s.cost_interventions + s.cost_rule_breaks),
        }
        Employees = "employees" {
            title: "Employees", unit: "employees", axis: "employees",
            group: Group::People, better: Better::Neither,
            compute: Compute::Stock(|s| s.today.employees as f64),
        }
        Alignment = "alignment" {
            title: "Alignment of lenses with the organisation's definition", unit: "0–1",
            axis: "mean alignment (0–1)", group: Group::Below, better: Better::Higher,
            compute: Compute::Stock(|s| s.today.alignment_sum / s.employees()),
        }
        FeedbackMindedShare = "feedback_minded_share" {
            title: "Highly feedback-minded employees", unit: "share", axis: "share of employees",
            group: Group::People, better: Better::Higher,
            compute: Compute::Stock(|s| s.today.feedback_minded as f64 / s.employees()),
        }
        NFeedbackMinded = "N_feedback_minded" {
            title: "Norm N of the highly feedback-minded", unit: "0–1", axis: STATE,
            group: Group::Below, better: Better::Higher,
            compute: Compute::Stock(|s| {
                let t = s.today;
                if t.feedback_minded > 0 {
                    t.feedback_minded_norm_sum / t.feedback_minded as f64
                } else {
                    f64::NAN
                }
            }),
        }
    }
}

impl Metric {
    /// Its column among the recorded metrics.
    pub const fn index(self) -> usize {
        self as usize
    }

    pub fn describe(self) -> Description {
        let d = self.def();
        Description {
            name: self.name(),
            title: Cow::Borrowed(d.title),
            unit: d.unit,
            axis: d.axis,
            group: d.group,
            kind: d.compute.kind(),
            better: d.better,
            zero_line: false,
            family: Family::Series,
        }
    }
}

/// The metrics of a team's row in `teams.csv`, in column order (after `arm, replication,
/// team, day`; the manager's role-model level follows them): what organisations report per
/// business unit, computed for a team exactly as for the whole organisation.
pub const TEAM_METRICS: [Metric; 16] = [
    Metric::Employees,
    Metric::B,
    Metric::K,
    Metric::A,
    Metric::N,
    Metric::H,
    Metric::E,
    Metric::U,
    Metric::P,
    Metric::RecognitionShare,
    Metric::OrientedShare,
    Metric::Nps,
    Metric::MeanScore,
    Metric::RuleBreaksPer1000,
    Metric::ActiveCustomers,
    Metric::LeaversPerDay,
];

/// Names of the per-drive family, in the order of [`DRIVE_NAMES`] (tested).
const DRIVE_B_NAMES: [&str; N_DRIVES] = [
    "B_purple",
    "B_red",
    "B_blue",
    "B_orange",
    "B_green",
    "B_yellow",
    "B_turquoise",
];

/// Number of recorded metrics: the table, then B per dominant drive.
pub const N_RECORDED: usize = Metric::ALL.len() + N_DRIVES;

/// One recorded column: a [`Metric`], or B among employees of one dominant drive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recorded {
    Metric(Metric),
    /// B among employees whose dominant drive is `DRIVE_NAMES[d]`.
    DriveB(usize),
}

/// Every recorded name, in output order (the `metric` values of `timeseries.csv`).
pub const RECORDED_NAMES: [&str; N_RECORDED] = {
    let mut out = [""; N_RECORDED];
    let mut i = 0;
    while i < Metric::ALL.len() {
        out[i] = Metric::NAMES[i];
        i += 1;
    }
    while i < N_RECORDED {
        out[i] = DRIVE_B_NAMES[i - Metric::ALL.len()];
        i += 1;
    }
    out
};

impl Recorded {
    /// Every recorded column, in output order.
    pub fn all() -> impl Iterator<Item = Recorded> {
        Metric::ALL
            .into_iter()
            .map(Recorded::Metric)
            .chain((0..N_DRIVES).map(Recorded::DriveB))
    }

    /// Its column in a recorded row.
    pub fn index(self) -> usize {
        match self {
            Recorded::Metric(m) => m.index(),
            Recorded::DriveB(d) => Metric::ALL.len() + d,
        }
    }

    pub fn name(self) -> &'static str {
        RECORDED_NAMES[self.index()]
    }

    pub fn from_name(name: &str) -> Option<Recorded> {
        Recorded::all().find(|r| r.name() == name)
    }

    /// Its value on a recorded day.
    pub fn compute(self, stocks: &Stocks, flows: &Flows) -> f64 {
        match self {
            Recorded::Metric(m) => match m.def().compute {
                Compute::Stock(f) => f(stocks),
                Compute::Flow(f) => f(flows),
            },
            Recorded::DriveB(d) => {
                let t = stocks.today;
                if t.drive_n[d] > 0 {
                    t.drive_b[d] / t.drive_n[d] as f64
                } else {
                    f64::NAN
                }
            }
        }
    }

    pub fn describe(self) -> Description {
        match self {
            Recorded::Metric(m) => m.describe(),
            Recorded::DriveB(d) => Description {
                name: self.name(),
                title: Cow::Owned(format!(
                    "B among employees with dominant drive {}",
                    DRIVE_NAMES[d]
                )),
                unit: "0–1",
                axis: PROPENSITY,
                group: Group::Above,
                kind: Kind::Stock,
                better: Better::Higher,
                zero_line: false,
                family: Family::Series,
            },
        }
    }
}

/// A paired difference to the baseline written for intervention arms after the recorded
/// metrics of each day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gain {
    pub name: &'static str,
    /// The recorded metric whose difference it is.
    pub of: Metric,
    pub title: &'static str,
    pub unit: &'static str,
    pub axis: &'static str,
}

/// The gains of `timeseries.csv`, in output order.
pub const GAINS: [Gain; 3] = [
    Gain {
        name: "gain_B",
        of: Metric::B,
        title: "Gain in B over baseline (paired difference)",
        unit: "0–1",
        axis: "difference in B (0–1 scale)",
    },
    Gain {
        name: "gain_N",
        of: Metric::N,
        title: "Gain in N over baseline (paired difference)",
        unit: "0–1",
        axis: "difference in N (0–1 scale)",
    },
    Gain {
        name: "gain_nps",
        of: Metric::Nps,
        title: "Gain in NPS over baseline (paired difference)",
        unit: "NPS points",
        axis: "difference in NPS points",
    },
];

impl Gain {
    pub fn describe(&self) -> Description {
        let of = self.of.def();
        Description {
            name: self.name,
            title: Cow::Borrowed(self.title),
            unit: self.unit,
            axis: self.axis,
            group: of.group,
            kind: Kind::Difference,
            better: of.better,
            zero_line: true,
            family: Family::Gain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drive_metrics_follow_the_drive_names() {
        for (d, name) in DRIVE_NAMES.iter().enumerate() {
            assert_eq!(Recorded::DriveB(d).name(), format!("B_{name}"));
        }
    }

    #[test]
    fn recorded_columns_are_numbered_in_output_order() {
        for (i, r) in Recorded::all().enumerate() {
            assert_eq!(r.index(), i);
            assert_eq!(Recorded::from_name(r.name()), Some(r));
        }
        assert_eq!(Recorded::all().count(), N_RECORDED);
    }

    #[test]
    fn a_gain_is_titled_by_what_it_is_a_gain_in() {
        for g in GAINS {
            assert_eq!(g.name, format!("gain_{}", g.of.name()));
        }
    }
}
