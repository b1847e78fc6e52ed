//! One declaration per metric: every figure the tool writes (a column of `timeseries.csv`,
//! `durability.csv`, `runs.csv`, `points.csv`) is declared once here with its name, title,
//! unit, axis label, group, kind and the direction that counts as better; the recorded time
//! series and the sweep summaries also carry how they are computed (a name bound to its
//! computation, like Mesa's `DataCollector` reporters). The recorder, the CSV headers, the
//! charts, the printed table, the report, the sweep summaries and the explorer (`/api/meta`)
//! all read this table, so a new metric is one entry here.
//!
//! - [`series`]: the recorded time series ([`Metric`], the per-drive family [`Recorded::DriveB`])
//!   and the paired gains over the baseline ([`GAINS`]);
//! - [`durability`]: the durability statistics of an arm ([`DurabilityMetric`]) and the
//!   baseline's drift ([`BaselineMetric`]);
//! - [`summary`]: what a sweep keeps of every arm of a run ([`ArmSummary`]).

pub mod durability;
pub mod series;
pub mod summary;

use std::borrow::Cow;

pub use durability::{BaselineMetric, DurabilityMetric, StatDef};
pub use series::{
    Compute, Flows, Gain, Metric, Recorded, SeriesDef, Stocks, GAINS, N_RECORDED, RECORDED_NAMES,
    TEAM_METRICS,
};
pub use summary::{ArmSummary, SummaryDef};

/// Where a metric belongs when figures are shown together (the explorer's table, its tabs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Visible behaviour: what a customer sees.
    Above,
    /// The state below the waterline that carries behaviour: norm, habit, understanding.
    Below,
    Customers,
    Rules,
    Cost,
    People,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Above,
        Group::Below,
        Group::Customers,
        Group::Rules,
        Group::Cost,
        Group::People,
    ];

    /// The identifier (`above`, `below`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Group::Above => "above",
            Group::Below => "below",
            Group::Customers => "customers",
            Group::Rules => "rules",
            Group::Cost => "cost",
            Group::People => "people",
        }
    }

    /// A heading for a reader.
    pub fn title(self) -> &'static str {
        match self {
            Group::Above => "Above the waterline",
            Group::Below => "Below the waterline",
            Group::Customers => "Customers",
            Group::Rules => "Rules",
            Group::Cost => "Cost",
            Group::People => "People",
        }
    }
}

/// What kind of quantity a metric is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A level read on the recorded day itself (a state mean, the NPS window, a running total).
    Stock,
    /// Events summed over the recording interval, so a coarse interval loses none.
    Flow,
    /// An arm minus its paired baseline (same seed, common random numbers).
    Difference,
    /// A figure that sums up a whole run or arm (a half-life, a mean over the horizon).
    Summary,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Stock => "stock",
            Kind::Flow => "flow",
            Kind::Difference => "difference",
            Kind::Summary => "summary",
        }
    }
}

/// Which direction of change counts as an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
    /// Neither good nor bad in itself (head count, rewards paid, drift).
    Neither,
}

impl Better {
    pub fn name(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
            Better::Neither => "neither",
        }
    }
}

/// Which output a metric is a column of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Recorded per day (`timeseries.csv`).
    Series,
    /// A paired gain over the baseline, per day (`timeseries.csv`, intervention arms).
    Gain,
    /// A durability statistic of an intervention arm (`durability.csv`, `runs.csv`).
    Durability,
    /// The baseline's own drift (`durability.csv`, `runs.csv`).
    Baseline,
    /// A sweep's summary of an arm of a run (`runs.csv`, `points.csv`).
    Summary,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Series => "series",
            Family::Gain => "gain",
            Family::Durability => "durability",
            Family::Baseline => "baseline",
            Family::Summary => "summary",
        }
    }
}

/// Everything a reader needs to know about one metric, whatever its family.
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    /// The identifier in the CSV files.
    pub name: &'static str,
    /// What it is, in words (a chart's title).
    pub title: Cow<'static, str>,
    /// The unit, short (`0–1`, `euro`, `NPS points`).
    pub unit: &'static str,
    /// The y-axis label of its charts.
    pub axis: &'static str,
    pub group: Group,
    pub kind: Kind,
    pub better: Better,
    /// Charts draw a reference line at 0 and keep 0 in range.
    pub zero_line: bool,
    pub family: Family,
}

impl Description {
    /// The range the quantity can take, where its unit bounds it: 0–1 for states and shares,
    /// 0–10 for customer scores, −100 to 100 for an NPS level. A level chart keeps a fair part
    /// of this range in view so that small movements are not drawn as large ones.
    pub fn scale(&self) -> Option<(f64, f64)> {
        if self.zero_line {
            return None;
        }
        match self.unit {
            "0–1" | "share" => Some((0.0, 1.0)),
            "0–10" => Some((0.0, 10.0)),
            "NPS points" => Some((-100.0, 100.0)),
            _ => None,
        }
    }
}

/// Every metric the tool writes, in output order within each family: recorded series,
/// gains, durability, baseline drift, sweep summaries.
pub fn all() -> Vec<Description> {
    let mut out: Vec<Description> = Recorded::all().map(Recorded::describe).collect();
    out.extend(GAINS.iter().map(Gain::describe));
    out.extend(DurabilityMetric::ALL.map(DurabilityMetric::describe));
    out.extend(BaselineMetric::ALL.map(BaselineMetric::describe));
    out.extend(ArmSummary::ALL.map(ArmSummary::describe));
    out
}

/// The description of the metric called `name`, if the tool writes one by that name.
pub fn describe(name: &str) -> Option<Description> {
    if let Some(r) = Recorded::from_name(name) {
        return Some(r.describe());
    }
    if let Some(g) = GAINS.iter().find(|g| g.name == name) {
        return Some(g.describe());
    }
    if let Some(m) = DurabilityMetric::from_name(name) {
        return Some(m.describe());
    }
    if let Some(m) = BaselineMetric::from_name(name) {
        return Some(m.describe());
    }
    ArmSummary::from_name(name).map(ArmSummary::describe)
}

/// Declares an enum of metrics and, in the same breath, the table of their definitions:
/// `Variant = "csv_name" { field: value, ... }` gives the variant, its name and its
/// definition (a `$Def` built from the fields), so the three cannot drift apart.
macro_rules! declare {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Enum:ident: $Def:ident {
            $( $(#[$vmeta:meta])* $Variant:ident = $name:literal { $($field:ident: $value:expr),* $(,)? } )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $Enum { $( $(#[$vmeta])* $Variant, )* }

        impl $Enum {
            /// Every variant, in output order.
            pub const ALL: [$Enum; [$($name),*].len()] = [$($Enum::$Variant),*];
            /// Their names, in output order.
            pub const NAMES: [&'static str; [$($name),*].len()] = [$($name),*];

            /// The identifier in the CSV files.
            pub const fn name(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// The definition: title, unit, ... and (where the family has one) computation.
            pub fn def(self) -> &'static $Def {
                static DEFS: [$Def; [$($name),*].len()] = [$($Def { $($field: $value),* }),*];
                &DEFS[self as usize]
            }

            /// The variant called `name`.
            pub fn from_name(name: &str) -> Option<$Enum> {
                Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
            }
        }
    };
}
pub(crate) use declare;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_has_a_title_a_unit_and_an_axis_label() {
        for d in all() {
            assert!(!d.title.trim().is_empty(), "{} has no title", d.name);
            assert!(!d.unit.trim().is_empty(), "{} has no unit", d.name);
            assert!(!d.axis.trim().is_empty(), "{} has no axis label", d.name);
            assert_ne!(d.title, d.name, "{}: the title is the raw name", d.name);
            assert_ne!(d.axis, "value", "{}: the axis says only 'value'", d.name);
        }
    }

    #[test]
    fn levels_on_bounded_scales_know_their_range_and_differences_do_not() {
        let scale = |n: &str| describe(n).unwrap().scale();
        assert_eq!(scale("B"), Some((0.0, 1.0)));
        assert_eq!(scale("recognition_share"), Some((0.0, 1.0)));
        assert_eq!(scale("mean_score"), Some((0.0, 10.0)));
        assert_eq!(scale("nps"), Some((-100.0, 100.0)));
        assert_eq!(scale("gain_nps"), None, "a difference is drawn around 0");
        assert_eq!(scale("employees"), None);
    }

    #[test]
    fn names_are_unique_across_families() {
        let all = all();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.name, b.name, "two metrics are called {}", a.name);
            }
        }
    }

    #[test]
    fn describe_finds_every_metric_by_its_name() {
        for d in all() {
            assert_eq!(describe(d.name).as_ref(), Some(&d));
        }
        assert_eq!(describe("churned"), None);
    }
}
