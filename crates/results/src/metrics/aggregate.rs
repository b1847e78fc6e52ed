//! Statistics across replications: the rows of `timeseries.csv` and `durability.csv`.

use super::durability::BASELINE_METRICS;
use super::recorder::METRICS;
use super::registry::{durability::is_share, DurabilityMetric, GAINS};
use super::replication::ReplicationResult;
use super::stats::{summarize, summarize_ratio, summarize_share, Summary};

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
    pub summary: Summary,
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
/// a ratio ([`DurabilityMetric::ratio`]) as the ratio of its parts' means, anything else by
/// [`summarize_metric`].
pub fn summarize_durability(
    results: &[ReplicationResult],
    arm: usize,
    m: DurabilityMetric,
) -> Summary {
    let column = |k: DurabilityMetric| -> Vec<f64> {
        results
            .iter()
            .map(|x| x.durability[arm - 1][k as usize])
            .collect()
    };
    match m.ratio() {
        Some((num, den)) => summarize_ratio(&column(num), &column(den)),
        None => summarize_metric(m.name(), &column(m)),
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
            rows.push(DurabilityRow {
                arm,
                metric: m.name(),
                summary: summarize_durability(results, arm, m),
            });
        }
    }
    rows
}
