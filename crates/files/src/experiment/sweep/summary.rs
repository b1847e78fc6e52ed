//! The summary metrics of one run (one replication of one design point): what a sweep keeps
//! of a replication instead of its time series, so that its memory and its files grow with
//! the number of runs, not with runs × days.

use crate::experiment::replication::ReplicationResult;
use crate::metrics::durability::{BASELINE_METRICS, DURABILITY_METRICS};
use crate::metrics::outputs::NamedOutput;
use crate::metrics::recorder::{metric_index, RunSeries, METRICS};
use crate::metrics::registry::{ArmSummary, Recorded, GAINS};

/// Metrics every arm gets (the baseline included), in output order; declared, with their
/// computation, in [`crate::metrics::registry::summary`].
pub const ARM_METRICS: [&str; N_ARM_METRICS] = ArmSummary::NAMES;

/// Number of [`ARM_METRICS`].
pub const N_ARM_METRICS: usize = ArmSummary::ALL.len();

/// [`ARM_METRICS`] of one arm of one run.
pub fn arm_metrics(s: &RunSeries) -> [f64; N_ARM_METRICS] {
    ArmSummary::ALL.map(|m| m.compute(s))
}

/// One summary column: a metric of an arm. Written `<arm>.<metric>` in `runs.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub arm: usize,
    pub metric: &'static str,
}

/// Every summary column of a scenario with `n_arms` arms (arm 0 the baseline), in output
/// order: per arm its [`ARM_METRICS`], then the baseline's drift or the arm's durability,
/// then the scenario's named outputs (a gain not for the baseline).
pub fn all_columns(n_arms: usize, named: &[NamedOutput]) -> Vec<Column> {
    let mut out = Vec::new();
    for arm in 0..n_arms {
        out.extend(ARM_METRICS.iter().map(|&metric| Column { arm, metric }));
        let more: &[&'static str] = if arm == 0 {
            &BASELINE_METRICS
        } else {
            &DURABILITY_METRICS
        };
        out.extend(more.iter().map(|&metric| Column { arm, metric }));
        out.extend(
            named
                .iter()
                .filter(|o| arm > 0 || o.for_baseline())
                .map(|o| Column {
                    arm,
                    metric: intern(&o.name),
                }),
        );
    }
    out
}

/// Values of every column of [`all_columns`], in the same order.
pub fn all_values(r: &ReplicationResult, named: &[NamedOutput]) -> Vec<f64> {
    let mut out = Vec::new();
    let base = &r.series[0];
    for (arm, s) in r.series.iter().enumerate() {
        out.extend(arm_metrics(s));
        if arm == 0 {
            out.extend(&r.baseline);
        } else {
            out.extend(&r.durability[arm - 1]);
        }
        out.extend(
            named
                .iter()
                .filter(|o| arm > 0 || o.for_baseline())
                .map(|o| o.compute(s, base, arm == 0)),
        );
    }
    out
}

/// A named output's name with the life of the program, so that a [`Column`] stays a plain
/// copyable pair. Each distinct name is kept once, however many experiments name it.
fn intern(name: &str) -> &'static str {
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(&n) = names.get(name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(n);
    n
}

/// A metric of the optional per-point time series: a recorded metric, or the paired gain
/// over the baseline (intervention arms only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesMetric {
    Recorded(usize),
    Gain(usize),
}

/// Resolves a time-series metric name (`B`, `nps`, `gain_B`, ...).
pub fn series_metric(name: &str) -> Option<SeriesMetric> {
    if let Some(m) = metric_index(name) {
        return Some(SeriesMetric::Recorded(m));
    }
    GAINS
        .iter()
        .find(|g| g.name == name)
        .map(|g| SeriesMetric::Gain(Recorded::Metric(g.of).index()))
}

/// Every name [`series_metric`] accepts.
pub fn series_metric_names() -> Vec<&'static str> {
    METRICS
        .iter()
        .copied()
        .chain(GAINS.iter().map(|g| g.name))
        .collect()
}

/// The time-series values of one run, arm-major, then recorded day, then metric; gains are
/// left out for the baseline. `names` are the metric names matching `metrics`.
pub fn series_values(r: &ReplicationResult, metrics: &[SeriesMetric]) -> Vec<f64> {
    let mut out = Vec::new();
    let base = &r.series[0];
    for (arm, s) in r.series.iter().enumerate() {
        for rec in 0..s.days.len() {
            for m in metrics {
                match *m {
                    SeriesMetric::Recorded(i) => out.push(s.value(rec, i)),
                    SeriesMetric::Gain(i) if arm > 0 => {
                        out.push(s.value(rec, i) - base.value(rec, i))
                    }
                    SeriesMetric::Gain(_) => {}
                }
            }
        }
    }
    out
}

/// Recorded days of a run of `horizon` days recording every `every` days (the recorder's
/// rule: every `every`-th day from day 0, and the last day).
pub fn record_days(horizon: i64, every: i64) -> Vec<i64> {
    let every = every.max(1);
    (0..horizon)
        .filter(|d| d % every == 0 || *d == horizon - 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::recorder::Recorder;

    #[test]
    fn column_and_value_order_agree() {
        let s = RunSeries {
            daily_b: vec![0.5, 0.7],
            daily_nps: vec![10.0, 20.0],
            ..RunSeries::default()
        };
        let r = ReplicationResult {
            series: vec![s.clone(), s],
            durability: vec![vec![1.0; DURABILITY_METRICS.len()]],
            baseline: vec![2.0; BASELINE_METRICS.len()],
            snapshots: vec![Vec::new(), Vec::new()],
            teams: vec![Vec::new(), Vec::new()],
            self_rating: (0.0, 0.0),
        };
        let cols = all_columns(2, &[]);
        let vals = all_values(&r, &[]);
        assert_eq!(cols.len(), vals.len());
        assert_eq!(cols[0].metric, "B_mean");
        assert!((vals[0] - 0.6).abs() < 1e-12);
        assert_eq!(vals[3], 20.0);
        let drift = cols.iter().position(|c| c.metric == "drift_B").unwrap();
        assert_eq!(vals[drift], 2.0);
        let peak = cols
            .iter()
            .position(|c| c.arm == 1 && c.metric == "peak_gain_B")
            .unwrap();
        assert_eq!(vals[peak], 1.0);
    }

    #[test]
    fn record_days_follow_the_recorder() {
        let rec = Recorder::new(23, 5, 0.0);
        let want: Vec<i64> = (0..23).filter(|&d| rec.is_record_day(d)).collect();
        assert_eq!(record_days(23, 5), want);
    }

    #[test]
    fn series_metrics_resolve() {
        assert_eq!(series_metric("B"), Some(SeriesMetric::Recorded(0)));
        assert!(matches!(
            series_metric("gain_nps"),
            Some(SeriesMetric::Gain(_))
        ));
        assert_eq!(series_metric("nope"), None);
    }
}
