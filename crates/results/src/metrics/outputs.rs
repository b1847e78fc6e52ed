//! Named outputs: figures a scenario or experiment defines for itself under `[metrics]`,
//! such as `B_day_200` (the mean of B on day 200) or the area of the gain in NPS over a
//! window. Each is computed per arm and replication from the recorded series, so a named
//! output equals what one would compute from `replications.csv` by hand; `run` summarises
//! them in `outputs.csv`, a sweep keeps them as columns of `runs.csv` and `points.csv`, where
//! they can be the outputs of a sensitivity analysis.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::recorder::{metric_index, RunSeries, METRICS};
use crate::model::validate::{Check, GIVEN};

/// How a window is reduced to one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WindowStat {
    /// Mean over the window's recorded days.
    #[default]
    Mean,
    Min,
    Max,
    /// Trapezoid area over the window's recorded days: the metric's unit times working days.
    Area,
}

/// One named output as written: what it is `of`, and exactly one of `at`, `window`,
/// `first_day_above` or `first_day_below`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputSpec {
    /// A recorded metric (`B`, `nps`, `rule_breaks_per_1000`, ...), or `gain_<metric>`: the
    /// arm's value minus its paired baseline's (intervention arms only).
    pub of: String,
    /// The value on this recorded day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<i64>,
    /// Recorded days `[first, last]`, both included, reduced by `stat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<[i64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stat: Option<WindowStat>,
    /// The first recorded day the value is at or above this (NA when it never is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_day_above: Option<f64>,
    /// The first recorded day the value is at or below this (NA when it never is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_day_below: Option<f64>,
}

/// What an output reads: a recorded metric, of the arm or as its paired gain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub metric: usize,
    pub gain: bool,
}

/// How an output reduces its series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reduce {
    At(i64),
    Window(i64, i64, WindowStat),
    FirstAbove(f64),
    FirstBelow(f64),
}

/// A checked named output, ready to compute.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedOutput {
    pub name: String,
    pub source: Source,
    pub reduce: Reduce,
}

impl NamedOutput {
    /// What the output reads, as written (`B`, `gain_nps`).
    pub fn of(&self) -> String {
        let m = METRICS[self.source.metric];
        if self.source.gain {
            format!("gain_{m}")
        } else {
            m.to_string()
        }
    }

    /// The output in words, for a table's reader: "on day 200", "mean over days 100-300",
    /// "first recorded day at or above 0.6".
    pub fn definition(&self) -> String {
        match self.reduce {
            Reduce::At(d) => format!("on day {d}"),
            Reduce::Window(a, b, stat) => {
                let how = match stat {
                    WindowStat::Mean => "mean",
                    WindowStat::Min => "minimum",
                    WindowStat::Max => "maximum",
                    WindowStat::Area => "area (value x working days)",
                };
                format!("{how} over recorded days {a}-{b}")
            }
            Reduce::FirstAbove(t) => format!("first recorded day at or above {t}"),
            Reduce::FirstBelow(t) => format!("first recorded day at or below {t}"),
        }
    }

    /// Whether the output is defined for the baseline (a gain is not).
    pub fn for_baseline(&self) -> bool {
        !self.source.gain
    }

    /// The output of one arm of one replication against its paired baseline (NaN for a gain
    /// of the baseline itself, and for a threshold never reached).
    pub fn compute(&self, arm: &RunSeries, base: &RunSeries, is_baseline: bool) -> f64 {
        compute(self.source, self.reduce, arm, base, is_baseline)
    }
}

/// [`NamedOutput::compute`] by its parts (a calibration target keeps them, not the name).
pub fn compute(
    source: Source,
    reduce: Reduce,
    arm: &RunSeries,
    base: &RunSeries,
    is_baseline: bool,
) -> f64 {
    if source.gain && is_baseline {
        return f64::NAN;
    }
    let m = source.metric;
    let value = |k: usize| {
        let v = arm.value(k, m);
        if source.gain {
            v - base.value(k, m)
        } else {
            v
        }
    };
    let days = &arm.days;
    match reduce {
        Reduce::At(d) => days.iter().position(|&x| x == d).map_or(f64::NAN, value),
        Reduce::Window(first, last, stat) => {
            let ks: Vec<usize> = (0..days.len())
                .filter(|&k| days[k] >= first && days[k] <= last)
                .collect();
            if ks.is_empty() {
                return f64::NAN;
            }
            match stat {
                WindowStat::Mean => ks.iter().map(|&k| value(k)).sum::<f64>() / ks.len() as f64,
                WindowStat::Min => ks.iter().map(|&k| value(k)).fold(f64::INFINITY, f64::min),
                WindowStat::Max => ks
                    .iter()
                    .map(|&k| value(k))
                    .fold(f64::NEG_INFINITY, f64::max),
                WindowStat::Area => ks
                    .windows(2)
                    .map(|w| (days[w[1]] - days[w[0]]) as f64 * (value(w[0]) + value(w[1])) / 2.0)
                    .sum(),
            }
        }
        Reduce::FirstAbove(t) => (0..days.len())
            .find(|&k| value(k) >= t)
            .map_or(f64::NAN, |k| days[k] as f64),
        Reduce::FirstBelow(t) => (0..days.len())
            .find(|&k| value(k) <= t)
            .map_or(f64::NAN, |k| days[k] as f64),
    }
}

/// Every name `of` accepts: the recorded metrics and their gains.
pub fn source_names() -> Vec<String> {
    METRICS
        .iter()
        .map(|m| m.to_string())
        .chain(METRICS.iter().map(|m| format!("gain_{m}")))
        .collect()
}

/// Checks the `[metrics]` of a scenario recorded on the days `recorded(d)` says and returns
/// them resolved, in name order; problems go to `c`, keyed `metrics.<name>.<key>`. `taken`
/// are the names of the summary metrics an output may not shadow; `suggest` names the
/// closest known source of a mistyped `of`.
pub fn resolve(
    specs: &BTreeMap<String, OutputSpec>,
    horizon: i64,
    recorded: impl Fn(i64) -> bool,
    taken: &[&str],
    suggest: impl Fn(&str) -> Option<String>,
    c: &mut Check,
) -> Vec<NamedOutput> {
    let mut out = Vec::new();
    for (name, s) in specs {
        let key = |k: &str| format!("metrics.{name}.{k}");
        let mut ok = true;
        if name.is_empty()
            || !name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-')
            || taken.contains(&name.as_str())
        {
            c.fail_own(
                &format!("metrics.{name}"),
                format!("{name:?}"),
                (
                    "a name of letters, digits, `_` and `-` that no summary metric has".into(),
                    "it becomes a column name (`arm.name` in runs.csv)",
                ),
                "output-name-free",
                &[],
            );
            ok = false;
        }
        let (metric, gain) = match s.of.strip_prefix("gain_") {
            Some(m) if metric_index(m).is_some() => (metric_index(m), true),
            _ => (metric_index(&s.of), false),
        };
        let Some(metric) = metric else {
            let near = suggest(&s.of);
            let hint = near
                .as_ref()
                .map(|n| format!("did you mean `{n}`?"))
                .unwrap_or_default();
            c.fail_own(
                &key("of"),
                format!("{:?}", s.of),
                (
                    "a recorded metric (`B`, `nps`, ...) or its paired gain (`gain_B`)".into(),
                    &hint,
                ),
                "output-of",
                &[("suggest", near.unwrap_or_else(|| "none".into()))],
            );
            continue;
        };
        let given = [
            s.at.is_some(),
            s.window.is_some(),
            s.first_day_above.is_some(),
            s.first_day_below.is_some(),
        ];
        if given.iter().filter(|&&g| g).count() != 1 {
            c.fail_own(
                &key("of"),
                format!("{:?}", s.of),
                (
                    "exactly one of `at`, `window`, `first_day_above` or `first_day_below`".into(),
                    "",
                ),
                "output-one-reduction",
                &[],
            );
            continue;
        }
        if s.stat.is_some() && s.window.is_none() {
            c.fail_own(
                &key("stat"),
                GIVEN.into(),
                ("`stat` only with `window`".into(), ""),
                "output-stat-window",
                &[],
            );
            ok = false;
        }
        let day_ok = |d: i64| (0..horizon).contains(&d) && recorded(d);
        let reduce = if let Some(d) = s.at {
            if !day_ok(d) {
                c.fail_own(
                    &key("at"),
                    d.to_string(),
                    (
                        format!("a recorded day in [0, {horizon}) (every `record_every`-th day, and the last)"),
                        "",
                    ),
                    "output-at",
                    &[("horizon", horizon.to_string())],
                );
                ok = false;
            }
            Reduce::At(d)
        } else if let Some([first, last]) = s.window {
            if first < 0 || last >= horizon || first > last || !(first..=last).any(&day_ok) {
                c.fail_own(
                    &key("window"),
                    format!("[{first}, {last}]"),
                    (
                        format!(
                            "[first, last] with 0 <= first <= last < {horizon}, holding a recorded day"
                        ),
                        "",
                    ),
                    "output-window",
                    &[("horizon", horizon.to_string())],
                );
                ok = false;
            }
            Reduce::Window(first, last, s.stat.unwrap_or_default())
        } else {
            let t = s.first_day_above.or(s.first_day_below).unwrap_or(f64::NAN);
            if !t.is_finite() {
                c.fail_own(
                    &key(if s.first_day_above.is_some() {
                        "first_day_above"
                    } else {
                        "first_day_below"
                    }),
                    t.to_string(),
                    ("a finite number".into(), ""),
                    "finite-number",
                    &[],
                );
                ok = false;
            }
            if s.first_day_above.is_some() {
                Reduce::FirstAbove(t)
            } else {
                Reduce::FirstBelow(t)
            }
        };
        if ok {
            out.push(NamedOutput {
                name: name.clone(),
                source: Source { metric, gain },
                reduce,
            });
        }
    }
    out
}
