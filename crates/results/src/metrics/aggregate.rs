//! Statistics across replications: the rows of `timeseries.csv` and `durability.csv`.

use super::durability::BASELINE_METRICS;
use super::outputs::NamedOutput;
use super::recorder::METRICS;
use super::registry::{durability::is_share, DurabilityMetric, GAINS};
use super::replication::ReplicationResult;
use super::stats::{summarize, summarize_ratio, summarize_share, Summary};
use super::survival::{km_median, CensoredMedian, Duration};

/// One row of `timeseries.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRow {
    pub arm: usize,
    pub day: i64,
    pub metric: &'static str,
    pub summary: Summary,
}

/// One row of `durability.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct DurabilityRow {
    pub arm: usize,
    pub metric: &'static str,
    /// Mean and t interval (a share's interval for 0/1 metrics). For a censorable duration
    /// it is the mean of the durations only when none was censored; otherwise its mean, sd
    /// and interval are NaN (a mean of horizons is not a mean duration) and `censored`
    /// holds the estimate.
    pub summary: Summary,
    /// For a censorable duration, the Kaplan-Meier median across replications.
    pub censored: Option<CensoredMedian>,
}

/// Summaries per arm, recorded day and metric (gains for intervention arms after the metrics).
pub fn timeseries(results: &[ReplicationResult], n_arms: usize) -> Vec<SeriesRow> {
    let mut rows = Vec::new();
    let Some(first) = results.first() else {
        return rows;
    };
    let days = &first.series[0].days;
    let gains: Vec<(&str, usize)> = GAINS.iter().map(|g| (g.name, g.of.index())).collect();
    let mut buf = Vec::with_capacity(results.len());
    for arm in 0..n_arms {
        for (r, &day) in days.iter().enumerate() {
            for (m, &name) in METRICS.iter().enumerate() {
                buf.clear();
                buf.extend(results.iter().map(|x| x.series[arm].value(r, m)));
                rows.push(SeriesRow {
                    arm,
                    day,
                    metric: name,
                    summary: summarize(&buf),
                });
            }
            if arm == 0 {
                continue;
            }
            for &(gain, m) in &gains {
                buf.clear();
                buf.extend(
                    results
                        .iter()
                        .map(|x| x.series[arm].value(r, m) - x.series[0].value(r, m)),
                );
                rows.push(SeriesRow {
                    arm,
                    day,
                    metric: gain,
                    summary: summarize(&buf),
                });
            }
        }
    }
    rows
}

/// One row of `outputs.csv`: a named output of an arm across replications.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputRow {
    pub arm: usize,
    /// Position in the scenario's named outputs.
    pub output: usize,
    pub summary: Summary,
    /// Replications with no value (a threshold never reached).
    pub missing: usize,
}

/// Every named output of every arm it is defined for (a gain not for the baseline), in arm
/// then output order, summarised across replications.
pub fn named_outputs(results: &[ReplicationResult], outputs: &[NamedOutput]) -> Vec<OutputRow> {
    let n_arms = results.first().map_or(0, |r| r.series.len());
    let mut rows = Vec::new();
    let mut buf = Vec::with_capacity(results.len());
    for arm in 0..n_arms {
        for (o, out) in outputs.iter().enumerate() {
            if arm == 0 && !out.for_baseline() {
                continue;
            }
            buf.clear();
            buf.extend(
                results
                    .iter()
                    .map(|r| out.compute(&r.series[arm], &r.series[0], arm == 0)),
            );
            rows.push(OutputRow {
                arm,
                output: o,
                summary: summarize(&buf),
                missing: buf.iter().filter(|v| !v.is_finite()).count(),
            });
        }
    }
    rows
}

/// One row of `windows.csv`: a metric of an arm averaged over a window of recorded days.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowRow {
    pub arm: usize,
    pub first_day: i64,
    pub last_day: i64,
    pub metric: &'static str,
    /// `level`: the arm's own value; `vs_baseline`: its paired difference from the baseline
    /// of the same replication (common random numbers), for intervention arms.
    pub quantity: &'static str,
    pub summary: Summary,
}

/// Per replication the mean of `metric` over the recorded days in `[first, last]` (of `arm`,
/// or of `arm` minus the baseline), summarised across replications.
pub fn windows(
    results: &[ReplicationResult],
    n_arms: usize,
    windows: &[[i64; 2]],
) -> Vec<WindowRow> {
    let mean_over = |x: &ReplicationResult, arm: usize, m: usize, first: i64, last: i64| {
        let s = &x.series[arm];
        let (mut sum, mut n) = (0.0, 0usize);
        for (r, &d) in s.days.iter().enumerate() {
            if (first..=last).contains(&d) {
                sum += s.value(r, m);
                n += 1;
            }
        }
        if n == 0 {
            f64::NAN
        } else {
            sum / n as f64
        }
    };
    let mut rows = Vec::new();
    for &[first, last] in windows {
        for arm in 0..n_arms {
            for (m, &name) in METRICS.iter().enumerate() {
                let level: Vec<f64> = results
                    .iter()
                    .map(|x| mean_over(x, arm, m, first, last))
                    .collect();
                rows.push(WindowRow {
                    arm,
                    first_day: first,
                    last_day: last,
                    metric: name,
                    quantity: "level",
                    summary: summarize(&level),
                });
                if arm == 0 {
                    continue;
                }
                let diff: Vec<f64> = results
                    .iter()
                    .zip(&level)
                    .map(|(x, l)| l - mean_over(x, 0, m, first, last))
                    .collect();
                rows.push(WindowRow {
                    arm,
                    first_day: first,
                    last_day: last,
                    metric: name,
                    quantity: "vs_baseline",
                    summary: summarize(&diff),
                });
            }
        }
    }
    rows
}

/// The summary of one metric across replications: a share's interval for the 0/1 metrics,
/// the mean's t interval for the rest.
pub fn summarize_metric(metric: &str, values: &[f64]) -> Summary {
    if is_share(metric) {
        summarize_share(values)
    } else {
        summarize(values)
    }
}

/// The summary of durability statistic `m` of intervention arm `arm` across replications:
/// a ratio ([`DurabilityMetric::ratio`]) as the ratio of its parts' means, a censorable
/// duration by [`summarize_censored`] (with its Kaplan-Meier median), anything else by
/// [`summarize_metric`].
pub fn summarize_durability(
    results: &[ReplicationResult],
    arm: usize,
    m: DurabilityMetric,
) -> (Summary, Option<CensoredMedian>) {
    let column = |k: DurabilityMetric| -> Vec<f64> {
        results
            .iter()
            .map(|x| x.durability[arm - 1][k as usize])
            .collect()
    };
    match (m.ratio(), m.censored_by()) {
        (Some((num, den)), _) => (summarize_ratio(&column(num), &column(den)), None),
        (None, Some(flag)) => summarize_censored(&column(m), &column(flag)),
        (None, None) => (summarize_metric(m.name(), &column(m)), None),
    }
}

/// Summaries of the durability metrics per intervention arm, and the baseline's drift. The
/// money figures that need a value of the gain are left out when no replication has one
/// (the scenario has no `[economics]`).
pub fn durability(results: &[ReplicationResult], n_arms: usize) -> Vec<DurabilityRow> {
    let mut rows = Vec::new();
    let mut buf = Vec::with_capacity(results.len());
    for (k, &name) in BASELINE_METRICS.iter().enumerate() {
        buf.clear();
        buf.extend(results.iter().map(|x| x.baseline[k]));
        rows.push(DurabilityRow {
            arm: 0,
            metric: name,
            summary: summarize(&buf),
            censored: None,
        });
    }
    let valued = results.iter().any(|x| {
        x.durability
            .iter()
            .any(|d| d[DurabilityMetric::BreakEvenShare as usize].is_finite())
    });
    for arm in 1..n_arms {
        for m in DurabilityMetric::ALL {
            if m.needs_valuation() && !valued {
                continue;
            }
            let (summary, censored) = summarize_durability(results, arm, m);
            rows.push(DurabilityRow {
                arm,
                metric: m.name(),
                summary,
                censored,
            });
        }
    }
    rows
}

/// A censorable duration across replications (`flags[i]` is 1 when `values[i]` is the
/// horizon, not the duration): its Kaplan-Meier median, and its mean summary only when no
/// value was censored (NaN mean, sd and interval otherwise, with `n` kept). A replication
/// whose duration is undefined (NaN: nothing to halve) enters neither.
pub fn summarize_censored(values: &[f64], flags: &[f64]) -> (Summary, Option<CensoredMedian>) {
    let durations: Vec<Duration> = values
        .iter()
        .zip(flags)
        .filter(|(v, _)| v.is_finite())
        .map(|(&time, &flag)| Duration {
            time,
            ended: flag != 1.0,
        })
        .collect();
    let km = km_median(&durations);
    let mut summary = summarize(values);
    if km.censored > 0 {
        summary = Summary {
            mean: f64::NAN,
            sd: f64::NAN,
            ci_lo: f64::NAN,
            ci_hi: f64::NAN,
            n: summary.n,
        };
    }
    (summary, Some(km))
}
