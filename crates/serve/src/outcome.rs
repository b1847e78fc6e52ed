//! A finished run as the explorer shows it: the comparison with the baseline above and below
//! the waterline, the durability table with confidence intervals, the plain-language
//! reading, and the charts as SVG drawn by the same code as `run`'s (PNG on request).

use rayon::prelude::*;
use serde_json::{json, Value as Json};

use crate::experiment::replication::ReplicationResult;
use crate::experiment::scenario::ArmSpec;
use crate::metrics::aggregate;
use crate::metrics::registry::{self, DurabilityMetric, Group, Metric};
use crate::metrics::stats::{summarize, Summary};
use crate::metrics::survival::CensoredMedian;
use crate::plot::data::{programme_windows, RunData, Stat, Timeseries, TsPoint};
use crate::plot::{self, ChartKind, Durability};
use crate::report::censored;
use crate::report::reading::reading;

use super::http::ApiError;
use super::request::ScenarioRequest;
use undercurrent_text::{tr, Lang};

/// Organisations with more teams than this get no team view (a grid of thousands of teams
/// says nothing a chart does not, and its data would outweigh the rest of the answer).
pub const MAX_TEAMS_SHOWN: usize = 400;

/// Recorded days the team view offers at most (evenly spaced, the last one included).
const TEAM_VIEW_DAYS: usize = 60;

/// What the team view colours a team by, from the registry's team metrics.
const TEAM_VIEW_METRICS: [Metric; 3] = [Metric::B, Metric::N, Metric::RecognitionShare];

/// Replication 0's teams per arm on up to [`TEAM_VIEW_DAYS`] recorded days: head count and
/// the metrics of [`TEAM_VIEW_METRICS`] (three decimals), or `null` when none were recorded.
fn team_view(results: &[ReplicationResult]) -> Json {
    let Some(first) = results.first() else {
        return Json::Null;
    };
    let Some(days) = first.teams.first().and_then(|t| t.first()).map(|t| &t.days) else {
        return Json::Null;
    };
    let step = days.len().div_ceil(TEAM_VIEW_DAYS).max(1);
    let mut picks: Vec<usize> = (0..days.len()).step_by(step).collect();
    if picks.last() != Some(&(days.len() - 1)) {
        picks.push(days.len() - 1);
    }
    let col = |m: Metric| {
        registry::TEAM_METRICS
            .iter()
            .position(|t| *t == m)
            .expect("a team-view metric is a team metric")
    };
    let employees = col(Metric::Employees);
    let shown = TEAM_VIEW_METRICS.map(|m| (m.name(), col(m)));
    let round = |x: f64| {
        if x.is_finite() {
            (x * 1000.0).round() / 1000.0
        } else {
            f64::NAN
        }
    };
    let arms: Vec<Json> = first
        .teams
        .iter()
        .map(|teams| {
            Json::Array(
                teams
                    .iter()
                    .map(|t| {
                        let mut o = serde_json::Map::new();
                        o.insert("team".into(), json!(t.team));
                        o.insert(
                            "employees".into(),
                            json!(t.value(*picks.last().unwrap_or(&0), employees)),
                        );
                        for (name, c) in shown {
                            let v: Vec<Json> = picks
                                .iter()
                                .map(|&k| {
                                    let x = round(t.value(k, c));
                                    if x.is_finite() {
                                        json!(x)
                                    } else {
                                        Json::Null
                                    }
                                })
                                .collect();
                            o.insert(name.into(), Json::Array(v));
                        }
                        o.insert(
                            "role_model".into(),
                            json!(round(t.role_model.first().copied().unwrap_or(f64::NAN))),
                        );
                        Json::Object(o)
                    })
                    .collect(),
            )
        })
        .collect();
    json!({
        "days": picks.iter().map(|&k| days[k]).collect::<Vec<_>>(),
        "metrics": TEAM_VIEW_METRICS.iter().map(|m| m.name()).collect::<Vec<_>>(),
        "arms": arms,
    })
}

/// A finished run, kept for chart and file downloads.
pub struct Outcome {
    pub id: String,
    pub data: RunData,
    /// Charts shown, in display order.
    pub charts: Vec<ChartKind>,
    /// The answer without timings, as JSON text (serialised once, sent many times).
    pub json_text: String,
    pub toml: String,
    /// The scenario run, and its replications without their team records (the explorer
    /// refuses `teams`, so `run` writes none): what [`crate::download`] writes the run's
    /// files from, as `run` does.
    pub scenario: crate::experiment::scenario::Scenario,
    pub results: Vec<ReplicationResult>,
    /// When and how the run was made, for the downloaded `manifest.json`; set by the engine.
    pub timing: crate::download::Timing,
    /// The run's files, written on the first download and kept.
    pub files: std::sync::OnceLock<crate::download::Files>,
    /// The language of the answer's words, charts, report and summary.
    pub lang: Lang,
}

/// Rows of the comparison table, by group: (metric, how it is summarised, whether the
/// headline card shows it). Titles, units, groups and the better direction come from the
/// registry (the page reads them from `/api/meta`). `Mean` averages the recorded days from
/// the first programme day to the horizon, `End` takes the last recorded day (cumulative
/// costs).
const COMPARISON: [(Metric, Agg, bool); 17] = [
    (Metric::B, Agg::Mean, true),
    (Metric::K, Agg::Mean, false),
    (Metric::A, Agg::Mean, false),
    (Metric::N, Agg::Mean, true),
    (Metric::H, Agg::Mean, true),
    (Metric::E, Agg::Mean, false),
    (Metric::U, Agg::Mean, false),
    (Metric::P, Agg::Mean, false),
    (Metric::Alignment, Agg::Mean, false),
    (Metric::RecognitionShare, Agg::Mean, false),
    (Metric::Nps, Agg::Mean, true),
    (Metric::GamedPer1000, Agg::Mean, false),
    (Metric::RuleBreaksPer1000, Agg::Mean, true),
    (Metric::RewardsPer1000, Agg::Mean, false),
    (Metric::CostInterventionsCumulative, Agg::End, true),
    (Metric::CostRuleBreaksCumulative, Agg::End, false),
    (Metric::CostCumulative, Agg::End, false),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Agg {
    Mean,
    End,
}

/// Durability rows shown, and whether the headline card shows it.
/// The money figures that need `[economics]` are shown only when the scenario has it.
const DURABILITY: [(DurabilityMetric, bool); 18] = [
    (DurabilityMetric::PeakGainB, false),
    (DurabilityMetric::DaysToPeakB, false),
    (DurabilityMetric::GainEndB, false),
    (DurabilityMetric::Gain6mB, false),
    (DurabilityMetric::Gain12mB, true),
    (DurabilityMetric::Retained12mB, false),
    (DurabilityMetric::HalfLifeDaysB, false),
    (DurabilityMetric::HalfLifeCensoredShareB, false),
    (DurabilityMetric::PeakGainNps, false),
    (DurabilityMetric::MeanGainNps, false),
    (DurabilityMetric::Cost, false),
    (DurabilityMetric::CostPerNpsPoint, false),
    (DurabilityMetric::ExtraRuleBreakCost, false),
    (DurabilityMetric::Gain12mNps, false),
    (DurabilityMetric::CostPerLastingNpsPoint, false),
    (DurabilityMetric::NetValue, false),
    (DurabilityMetric::BreakEvenDays, false),
    (DurabilityMetric::BreakEvenShare, false),
];

/// Time series charted, in display order.
const SERIES_CHARTS: [&str; 9] = [
    "B",
    "gain_B",
    "N",
    "H",
    "nps",
    "gain_nps",
    "rule_breaks_per_1000",
    "cost_interventions_cumulative",
    "U",
];

/// The page's chart tabs, in order: (identifier, heading).
pub const CHART_TABS: [(&str, &str); 8] = [
    ("behaviour", "Behaviour (B)"),
    ("below", "Below the waterline"),
    ("nps", "NPS"),
    ("rules_cost", "Rule breaks & cost"),
    ("other", "Other"),
    ("iceberg", "Iceberg"),
    ("durability", "Durability"),
    ("drives", "Drives"),
];

fn num(x: f64) -> Json {
    if x.is_finite() {
        json!(x)
    } else {
        Json::Null
    }
}

fn stat_json(s: &Summary) -> Json {
    json!({"mean": num(s.mean), "lo": num(s.ci_lo), "hi": num(s.ci_hi), "n": s.n})
}

/// A censorable duration (the half-life) for the page: its Kaplan-Meier median in days
/// (`null` when not reached, with `followup` the horizon it exceeds), interval, the runs
/// censored, and `text` in working days (the row's unit), in the words of the printed table,
/// which the page shows instead of a number. There is no `mean`: the page cannot print a censored duration as a measurement.
fn censored_json(c: &CensoredMedian, lang: Lang) -> Json {
    let opt = |x: Option<f64>| x.map_or(Json::Null, num);
    json!({
        "median": opt(c.median), "median_lo": opt(c.lo), "median_hi": opt(c.hi),
        "followup": num(c.followup), "n": c.n, "censored": c.censored,
        "text": censored_text(c, lang),
        "note": tr!(lang, "report-censored-note", censored = c.censored.to_string(), n = c.n.to_string()),
    })
}

/// [`CensoredMedian::text`] in `lang`, in whole working days: the median and its interval,
/// `more than` the follow-up when the median was not reached.
fn censored_text(c: &CensoredMedian, lang: Lang) -> String {
    if c.n == 0 {
        return "NA".to_string();
    }
    censored::censored_text(lang, c, censored::REPORT, |d| format!("{d:.0}")).line()
}

fn to_stat(s: &Summary) -> Stat {
    let opt = |x: f64| x.is_finite().then_some(x);
    Stat {
        mean: opt(s.mean),
        sd: opt(s.sd),
        ci_lo: opt(s.ci_lo),
        ci_hi: opt(s.ci_hi),
        n: Some(s.n as u64),
        censored: None,
    }
}

/// The chart data `run` would load back from its CSV files, built in memory. Numbers are the
/// same (the CSV keeps every digit), so the charts are byte-identical to `run`'s (tested).
pub fn run_data(
    name: &str,
    arms: &[String],
    specs: &[ArmSpec],
    results: &[ReplicationResult],
) -> RunData {
    let mut ts = Timeseries::default();
    for r in aggregate::timeseries(results, arms.len()) {
        ts.insert(
            &arms[r.arm],
            r.metric,
            TsPoint {
                day: r.day as f64,
                stat: to_stat(&r.summary),
            },
        );
    }
    let mut du = Durability::default();
    for r in aggregate::durability(results, arms.len()) {
        let mut stat = to_stat(&r.summary);
        stat.censored = r.censored;
        du.insert(&arms[r.arm], r.metric, stat);
    }
    let mut all = ts.arms.clone();
    for a in &du.arms {
        if !all.contains(a) {
            all.push(a.clone());
        }
    }
    RunData {
        dir: std::path::PathBuf::new(),
        intervals: Default::default(),
        scenario: name.to_string(),
        arms: all,
        timeseries: ts,
        durability: du,
        windows: programme_windows(specs),
        // The explorer shows its team view on the page; `teams.csv` is not among its files.
        teams: None,
    }
}

/// Per replication, `metric` of `arm` summarised over recorded days `from..` (or the last).
fn per_replication(
    results: &[ReplicationResult],
    arm: usize,
    metric: usize,
    agg: Agg,
    from: i64,
) -> Vec<f64> {
    results
        .iter()
        .map(|x| {
            let s = &x.series[arm];
            match agg {
                Agg::End => s
                    .days
                    .len()
                    .checked_sub(1)
                    .map_or(f64::NAN, |last| s.value(last, metric)),
                Agg::Mean => {
                    let (mut sum, mut n) = (0.0, 0usize);
                    for (r, &d) in s.days.iter().enumerate() {
                        let v = s.value(r, metric);
                        if d >= from && v.is_finite() {
                            sum += v;
                            n += 1;
                        }
                    }
                    if n == 0 {
                        f64::NAN
                    } else {
                        sum / n as f64
                    }
                }
            }
        })
        .collect()
}

impl Outcome {
    /// Aggregates, draws and writes the answer of a finished run.
    pub fn build(
        id: String,
        req: &ScenarioRequest,
        results: &[ReplicationResult],
        lang: Lang,
    ) -> Result<Outcome, ApiError> {
        let s = &req.scenario;
        let arms: Vec<String> = s.arms.iter().map(|a| a.name.clone()).collect();
        let data = run_data(&s.name, &arms, &s.arms, results);
        let plans = s.plans();
        // One window for every arm, so that their averages compare: from the first day any
        // programme runs (day 0 when none does) to the horizon.
        let from = plans
            .iter()
            .filter_map(|p| p.first_day())
            .min()
            .unwrap_or(0);

        let mut comparison = Vec::new();
        for (metric, agg, headline) in COMPARISON {
            let m = metric.index();
            let base = per_replication(results, 0, m, agg, from);
            let mut values = Vec::new();
            let mut diffs = Vec::new();
            for a in 0..arms.len() {
                let v = per_replication(results, a, m, agg, from);
                values.push(stat_json(&summarize(&v)));
                if a > 0 {
                    let d: Vec<f64> = v.iter().zip(&base).map(|(x, b)| x - b).collect();
                    diffs.push(stat_json(&summarize(&d)));
                } else {
                    diffs.push(Json::Null);
                }
            }
            comparison.push(json!({
                "metric": metric.name(), "headline": headline,
                "summary": if agg == Agg::Mean { "mean" } else { "end" },
                "values": values, "diff": diffs,
            }));
        }

        let durability: Vec<Json> = DURABILITY
            .iter()
            .filter(|(metric, _)| {
                !metric.needs_valuation()
                    || arms
                        .iter()
                        .any(|a| data.durability.get(a, metric.name()).is_some())
            })
            .map(|&(metric, headline)| {
                let values: Vec<Json> = arms
                    .iter()
                    .map(|a| match data.durability.get(a, metric.name()) {
                        Some(st) => match &st.censored {
                            Some(c) => censored_json(c, lang),
                            None => json!({
                                "mean": st.mean, "lo": st.ci_lo, "hi": st.ci_hi, "n": st.n,
                            }),
                        },
                        None => Json::Null,
                    })
                    .collect();
                json!({"metric": metric.name(), "headline": headline, "values": values})
            })
            .collect();

        let paragraphs: Vec<Json> = reading(lang, &data.durability, &arms)
            .into_iter()
            .map(|p| json!({"heading": p.heading, "sentences": p.sentences}))
            .collect();

        let charts = chart_list(&data);
        let svgs: Vec<Result<String, plot::PlotError>> = charts
            .par_iter()
            .map(|k| plot::render_svg_string(&data, k, lang))
            .collect();
        let mut chart_json = Vec::new();
        for (k, svg) in charts.iter().zip(svgs) {
            let svg = svg.map_err(|e| {
                eprintln!("drawing {}: {e}", k.file_stem());
                ApiError::internal(&format!("drawing the chart {}", k.file_stem()))
            })?;
            chart_json.push(json!({
                "stem": k.file_stem(),
                "title": chart_title(k, lang),
                "group": chart_group(k),
                "svg": svg,
            }));
        }

        let mix = s.organisation.drive_mix.normalised();
        let json = json!({
            "id": id,
            "name": s.name,
            "file_stem": super::request::file_stem(&s.name),
            "arms": s.arms.iter().map(|a| json!({"name": a.name, "description": a.description})).collect::<Vec<_>>(),
            "organisation": {
                "employees": s.organisation.employees,
                "team_size": s.organisation.team_size,
                "teams": s.n_teams(),
                "drive_mix": crate::model::drives::DRIVE_NAMES.iter().zip(mix).map(|(d, x)| (d.to_string(), json!(x))).collect::<serde_json::Map<_, _>>(),
                "facilities": s.organisation.facilities,
                "turnover_per_year": s.organisation.turnover_per_year,
                "role_model_mean": s.managers.role_model_mean,
            },
            "replications": s.replications,
            "horizon_days": s.horizon_days,
            "burn_in_days": s.burn_in_days,
            "window_from_day": from,
            "comparison": comparison,
            "durability": durability,
            "reading": paragraphs,
            "charts": chart_json,
            "teams": team_view(results),
            "toml": req.toml,
        });
        let json_text = serde_json::to_string(&json)
            .map_err(|_| ApiError::internal("writing the result as JSON"))?;
        Ok(Outcome {
            lang,
            id,
            data,
            charts,
            json_text,
            toml: req.toml.clone(),
            scenario: req.scenario.clone(),
            results: results
                .iter()
                .map(|r| ReplicationResult {
                    teams: Vec::new(),
                    ..r.clone()
                })
                .collect(),
            timing: crate::download::Timing::default(),
            files: std::sync::OnceLock::new(),
        })
    }

    /// The chart with file stem `stem`, if this result has it.
    pub fn chart(&self, stem: &str) -> Option<&ChartKind> {
        self.charts.iter().find(|k| k.file_stem() == stem)
    }
}

/// The charts a consultant needs, in display order: behaviour and its gain, the state below
/// the waterline, NPS, rule breaks, cost, each arm's iceberg, durability and drives.
fn chart_list(data: &RunData) -> Vec<ChartKind> {
    let available = plot::available_charts(data);
    let mut out: Vec<ChartKind> = SERIES_CHARTS
        .iter()
        .map(|m| ChartKind::Timeseries {
            metric: m.to_string(),
        })
        .filter(|k| available.contains(k))
        .collect();
    out.extend(
        available
            .iter()
            .filter(|k| matches!(k, ChartKind::Iceberg { .. }))
            .cloned(),
    );
    for k in [
        ChartKind::Costs,
        ChartKind::CostBenefit,
        ChartKind::Durability,
        ChartKind::Drives,
    ] {
        if available.contains(&k) {
            out.push(k);
        }
    }
    out
}

fn chart_title(k: &ChartKind, lang: Lang) -> String {
    match k {
        ChartKind::Timeseries { metric } => crate::plot::metrics::metric_info(metric, lang).title,
        ChartKind::Iceberg { arm } => tr!(lang, "serve-chart-iceberg", arm = arm.replace('_', " ")),
        ChartKind::Durability => tr!(lang, "serve-chart-durability"),
        ChartKind::Drives => tr!(lang, "serve-chart-drives"),
        ChartKind::Costs => tr!(lang, "serve-chart-costs"),
        ChartKind::CostBenefit => tr!(lang, "serve-chart-cost-benefit"),
        ChartKind::Teams => tr!(lang, "serve-chart-teams"),
    }
}

/// Which tab of the page ([`CHART_TABS`]) a chart belongs to: a time series by its
/// metric's group.
fn chart_group(k: &ChartKind) -> &'static str {
    match k {
        ChartKind::Timeseries { metric } => match registry::describe(metric).map(|d| d.group) {
            Some(Group::Above) => "behaviour",
            Some(Group::Below) => "below",
            Some(Group::Customers) => "nps",
            Some(Group::Rules | Group::Cost) => "rules_cost",
            Some(Group::People) | None => "other",
        },
        ChartKind::Iceberg { .. } => "iceberg",
        ChartKind::Durability => "durability",
        ChartKind::Drives => "drives",
        ChartKind::Costs | ChartKind::CostBenefit => "rules_cost",
        ChartKind::Teams => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_shown_is_a_metric_with_a_tab() {
        let tabs: Vec<&str> = CHART_TABS.iter().map(|t| t.0).collect();
        for m in SERIES_CHARTS {
            assert!(registry::describe(m).is_some(), "{m} is no metric");
            let k = ChartKind::Timeseries {
                metric: m.to_string(),
            };
            assert!(tabs.contains(&chart_group(&k)), "{m}");
        }
    }

    #[test]
    fn comparison_groups_are_contiguous() {
        let groups: Vec<Group> = COMPARISON.iter().map(|c| c.0.def().group).collect();
        for (i, g) in groups.iter().enumerate().skip(1) {
            assert!(
                groups[i - 1] == *g || !groups[..i].contains(g),
                "group {g:?} appears twice"
            );
        }
    }
}
