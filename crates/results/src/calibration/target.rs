//! Calibration targets as statistics of a run's in-memory results: the same numbers
//! `durability.csv` and `timeseries.csv` hold (means across replications), named by the
//! metric registry.

use crate::experiment::locate::closest;
use crate::metrics::aggregate::summarize_durability;
use crate::metrics::durability::{BASELINE_METRICS, DURABILITY_METRICS};
use crate::metrics::outputs::{self, NamedOutput};
use crate::metrics::recorder::{metric_index, METRICS};
use crate::metrics::registry::{DurabilityMetric, GAINS};
use crate::metrics::replication::ReplicationResult;
use crate::metrics::stats::summarize;

/// When a time-series metric is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When {
    /// On one recorded day.
    Day(i64),
    /// The mean over the recorded days in [first, last].
    Window(i64, i64),
}

/// What a target reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source {
    /// A durability statistic of an intervention arm (index into `DURABILITY_METRICS`).
    Durability(usize),
    /// A baseline figure of `durability.csv` (index into `BASELINE_METRICS`).
    Baseline(usize),
    /// A recorded series (index into `METRICS`).
    Series(usize, When),
    /// A gain over the baseline (index into `GAINS`), intervention arms only.
    Gain(usize, When),
    /// A named output of the scenario's `[metrics]`: its mean across replications, as
    /// `outputs.csv` has it.
    Output(outputs::Source, outputs::Reduce),
}

/// A resolved statistic: an arm (0 is the baseline) and what to read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Statistic {
    pub arm: usize,
    pub source: Source,
}

/// Why a metric name does not resolve; the message says what is allowed.
pub fn resolve(
    metric: &str,
    arm: usize,
    when: Option<When>,
    named: &[NamedOutput],
) -> Result<Source, String> {
    resolve_said(metric, arm, when, named).map_err(|e| e.text)
}

/// Why a target's metric does not resolve: the English words, and the same as data (`why`
/// names the case, `suggest` the closest known name) for a message catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved {
    pub text: String,
    pub why: &'static str,
    pub suggest: Option<&'static str>,
}

fn unresolved(text: String, why: &'static str) -> Unresolved {
    Unresolved {
        text,
        why,
        suggest: None,
    }
}

/// [`resolve`], saying why as data too.
pub fn resolve_said(
    metric: &str,
    arm: usize,
    when: Option<When>,
    named: &[NamedOutput],
) -> Result<Source, Unresolved> {
    if let Some(o) = named.iter().find(|o| o.name == metric) {
        if when.is_some() {
            return Err(unresolved(
                format!(
                    "`{metric}` is a named output, one figure per run: its day or window is in `[metrics]`"
                ),
                "named-when",
            ));
        }
        if arm == 0 && !o.for_baseline() {
            return Err(unresolved(
                format!("`{metric}` is a gain over the baseline: it needs an intervention arm"),
                "gain-baseline",
            ));
        }
        return Ok(Source::Output(o.source, o.reduce));
    }
    let with_when = |s: &dyn Fn(When) -> Source| match when {
        Some(w) => Ok(s(w)),
        None => Err(unresolved(
            format!("`{metric}` is a time series: give `day = D` or `window = [FIRST, LAST]`"),
            "series-when",
        )),
    };
    if let Some(m) = metric_index(metric) {
        return with_when(&|w| Source::Series(m, w));
    }
    if let Some(g) = GAINS.iter().position(|g| g.name == metric) {
        if arm == 0 {
            return Err(unresolved(
                format!("`{metric}` is a gain over the baseline: it needs an intervention arm"),
                "gain-baseline",
            ));
        }
        return with_when(&|w| Source::Gain(g, w));
    }
    let durable = if arm == 0 {
        BASELINE_METRICS
            .iter()
            .position(|&m| m == metric)
            .map(Source::Baseline)
    } else {
        DURABILITY_METRICS
            .iter()
            .position(|&m| m == metric)
            .map(Source::Durability)
    };
    if let Some(s) = durable {
        if when.is_some() {
            return Err(unresolved(
                format!("`{metric}` is one figure per run: no `day` or `window`"),
                "once-per-run",
            ));
        }
        return Ok(s);
    }
    let other = if arm == 0 {
        DURABILITY_METRICS.contains(&metric).then_some((
            "an intervention arm's durability statistic, not the baseline's",
            "not-baseline",
        ))
    } else {
        BASELINE_METRICS.contains(&metric).then_some((
            "a baseline figure: write arm = \"baseline\"",
            "baseline-figure",
        ))
    };
    if let Some((words, why)) = other {
        return Err(unresolved(format!("`{metric}` is {words}"), why));
    }
    let mut names = all_names(arm);
    names.extend(all_names(if arm == 0 { 1 } else { 0 }));
    let suggest = closest(metric, names.iter().copied());
    Err(Unresolved {
        text: match suggest {
            Some(c) => format!("no metric `{metric}`; did you mean `{c}`?"),
            None => format!("no metric `{metric}`"),
        },
        why: "unknown",
        suggest,
    })
}

/// Every metric name a target of `arm` may read.
pub fn all_names(arm: usize) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = METRICS.to_vec();
    if arm == 0 {
        v.extend(BASELINE_METRICS);
    } else {
        v.extend(GAINS.iter().map(|g| g.name));
        v.extend(DURABILITY_METRICS);
    }
    v
}

impl Statistic {
    /// The statistic's value over a run's replications (NaN when it has none).
    pub fn compute(&self, results: &[ReplicationResult]) -> f64 {
        let arm = self.arm;
        match self.source {
            // As `durability.csv` summarises it (a ratio as the ratio of its parts' means).
            Source::Durability(k) => {
                summarize_durability(results, arm, DurabilityMetric::ALL[k])
                    .0
                    .mean
            }
            Source::Baseline(k) => {
                let v: Vec<f64> = results.iter().map(|x| x.baseline[k]).collect();
                summarize(&v).mean
            }
            Source::Series(m, w) => over(results, w, |x, r| x.series[arm].value(r, m)),
            Source::Output(source, reduce) => {
                let v: Vec<f64> = results
                    .iter()
                    .map(|x| {
                        outputs::compute(source, reduce, &x.series[arm], &x.series[0], arm == 0)
                    })
                    .collect();
                summarize(&v).mean
            }
            Source::Gain(g, w) => {
                let m = GAINS[g].of.index();
                over(results, w, |x, r| {
                    x.series[arm].value(r, m) - x.series[0].value(r, m)
                })
            }
        }
    }
}

/// The per-day means across replications (as in `timeseries.csv`) on the day, or averaged
/// over the window's recorded days.
fn over(
    results: &[ReplicationResult],
    w: When,
    f: impl Fn(&ReplicationResult, usize) -> f64,
) -> f64 {
    let Some(first) = results.first() else {
        return f64::NAN;
    };
    let days = &first.series[0].days;
    let (a, b) = match w {
        When::Day(d) => (d, d),
        When::Window(a, b) => (a, b),
    };
    let mut sum = 0.0;
    let mut n = 0usize;
    for (r, &d) in days.iter().enumerate() {
        if d >= a && d <= b {
            let v: Vec<f64> = results.iter().map(|x| f(x, r)).collect();
            sum += summarize(&v).mean;
            n += 1;
        }
    }
    if n == 0 {
        f64::NAN
    } else {
        sum / n as f64
    }
}

/// Recorded days of a run of `horizon` days recorded every `every` days (the recorder's
/// rule: every `every`-th day and the last).
pub fn recorded_days(horizon: i64, every: i64) -> Vec<i64> {
    let mut v: Vec<i64> = (0..horizon)
        .filter(|d| d % every == 0 || *d == horizon - 1)
        .collect();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::scenario::Scenario;

    fn named() -> Vec<NamedOutput> {
        Scenario::parse(
            "[metrics.late_gain]\nof = \"gain_B\"\nat = 100\n[metrics.B_day_50]\nof = \"B\"\nat = 50\n[[arms]]\nname = \"x\"\n",
            "t.toml",
        )
        .unwrap()
        .named_outputs()
    }

    #[test]
    fn a_named_output_is_a_target_of_one_figure_per_run() {
        let n = named();
        assert!(matches!(
            resolve("late_gain", 1, None, &n),
            Ok(Source::Output(..))
        ));
        assert!(matches!(
            resolve("B_day_50", 0, None, &n),
            Ok(Source::Output(..))
        ));
        let day = resolve("late_gain", 1, Some(When::Day(5)), &n).unwrap_err();
        assert!(day.contains("named output"), "{day}");
        let base = resolve("late_gain", 0, None, &n).unwrap_err();
        assert!(base.contains("intervention arm"), "{base}");
    }
}
