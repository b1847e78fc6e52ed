//! Experiment files: a base scenario, the axes to sweep and how to sample them, replications,
//! the master seed and what to keep. See `experiments/README.md` for the format.
//!
//! Loading an experiment validates everything a sweep could trip over before the first run
//! starts: the file's own keys, the base scenario, every axis key (it must name a numeric
//! parameter of the scenario) and every design point (each is built and passed through the
//! scenario's own validation). A sweep of hours must not stop at point 900 on a value that
//! was out of range from the start.

use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use toml::Table;

use super::apply::{self, Seg, Target};
use super::design::{self, Design, DesignKind};
use super::summary::{all_columns, series_metric, series_metric_names, Column, SeriesMetric};
use crate::experiment::locate::{closest, line_col, locate};
use crate::experiment::scenario::{syntax_error, Located, Scenario, ScenarioError, Toggle};
use crate::experiment::sensitivity::SALTELLI_MAX_PARAMS;
use crate::model::rng::{key, replication_seed};
use crate::model::validate::{Check, Problem};

/// Time-series metrics kept per point when `timeseries = true` and none are named.
pub const DEFAULT_SERIES_METRICS: [&str; 5] = ["B", "N", "nps", "gain_B", "gain_nps"];

/// Most runs (points × replications) one sweep may have: its journal index costs 16 bytes a
/// run in memory.
pub const MAX_RUNS: usize = 10_000_000;

/// Stream-key tags, so that design sampling, bootstrap resampling and per-point seeds never
/// share numbers with each other or with the model's streams.
const TAG_DESIGN: u64 = 0x5357_4545_505F_4453; // "SWEEP_DS"
const TAG_POINT_SEED: u64 = 0x5357_4545_505F_5053; // "SWEEP_PS"
const TAG_BOOTSTRAP: u64 = 0x5357_4545_505F_4253; // "SWEEP_BS"

/// `range = { from, to, step }`: inclusive values from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeSpec {
    pub from: f64,
    pub to: f64,
    pub step: f64,
}

/// One `[[sweep.axes]]` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AxisSpec {
    /// Dotted path of a numeric scenario parameter (`managers.role_model_mean`,
    /// `arms.coaching.interventions.0.interval`).
    pub key: String,
    /// Column name in the outputs; the key when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Grid and list designs: the values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<f64>>,
    /// Grid and list designs: inclusive range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<RangeSpec>,
    /// LHS, Sobol and Morris designs: bounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// The `[sweep]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepSpec {
    pub design: DesignKind,
    /// LHS: number of points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples: Option<usize>,
    /// Sobol: base samples N (N·(k+2) points); a power of two balances the Sobol points best.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_samples: Option<usize>,
    /// Morris: number of trajectories r (r·(k+1) points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trajectories: Option<usize>,
    /// Morris: grid levels p (even; default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<usize>,
    #[serde(default)]
    pub axes: Vec<AxisSpec>,
}

/// The `[sensitivity]` table (Sobol and Morris designs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SensitivitySpec {
    /// Outputs to analyse: `arm.metric` columns or metric names (all arms); all kept
    /// columns when empty.
    pub outputs: Vec<String>,
    /// Bootstrap resamples for the Sobol indices' 95% intervals (0: no intervals).
    pub bootstrap: usize,
}

impl Default for SensitivitySpec {
    fn default() -> Self {
        SensitivitySpec {
            outputs: Vec::new(),
            bootstrap: 1000,
        }
    }
}

fn default_seed() -> u64 {
    42
}
fn default_replications() -> usize {
    10
}
fn default_series_metrics() -> Vec<String> {
    DEFAULT_SERIES_METRICS
        .iter()
        .map(|s| s.to_string())
        .collect()
}
fn yes() -> bool {
    true
}

/// An experiment file as written. After loading, [`Experiment::file`] holds its resolved
/// form: the base scenario inline and complete, every default filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExperimentFile {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Master seed of the sweep.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Replications per design point.
    #[serde(default = "default_replications")]
    pub replications: usize,
    /// Recording interval of the time series (overrides the scenario's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_every: Option<i64>,
    /// Summary metrics to keep (`metric` for every arm or `arm.metric`); all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_metrics: Option<Vec<String>>,
    /// Write aggregated time series per point and arm (`timeseries.csv`).
    #[serde(default)]
    pub timeseries: bool,
    #[serde(default = "default_series_metrics")]
    pub timeseries_metrics: Vec<String>,
    /// Replication r of every point uses the same seed (common random numbers across
    /// points); false: every (point, replication) gets its own seed.
    #[serde(default = "yes")]
    pub common_random_numbers: bool,
    /// Base scenario file, relative to the experiment file; `"default"` for the embedded
    /// default. Absent with no `[scenario]`: the embedded default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    pub sweep: SweepSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<SensitivitySpec>,
    /// Inline base scenario: the keys of a scenario file under `[scenario]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
}

/// A swept parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Column name in the outputs.
    pub name: String,
    /// Key path as written.
    pub key: String,
    pub target: Target,
    /// The key in the form the scenario's validation names it (`arms[2].interventions[0].interval`).
    pub check_key: String,
    /// Smallest and largest value the design gives it.
    pub lo: f64,
    pub hi: f64,
}

impl Axis {
    pub fn integer(&self) -> bool {
        self.target.integer
    }

    /// The value as written in the CSV files.
    pub fn text(&self, v: f64) -> String {
        if self.integer() {
            format!("{}", v as i64)
        } else {
            crate::output::tables::num(v)
        }
    }
}

/// A loaded, fully validated experiment.
#[derive(Debug, Clone)]
pub struct Experiment {
    /// The resolved file (base scenario inline, defaults filled in); `experiment.toml` in
    /// the output directory is this, and loading that file gives the same experiment.
    pub file: ExperimentFile,
    /// Where it was read from, for messages.
    pub origin: String,
    /// The base scenario (the same as `file.scenario`).
    pub scenario: Scenario,
    base_table: Table,
    pub axes: Vec<Axis>,
    pub design: Design,
    /// The summary columns kept, in output order.
    pub columns: Vec<Column>,
    /// Their positions in [`all_columns`].
    pub column_index: Vec<usize>,
    /// Time-series metrics (when `timeseries`), by name.
    pub series: Vec<(String, SeriesMetric)>,
    /// Sensitivity outputs: positions in `columns` (Sobol and Morris designs).
    pub outputs: Vec<usize>,
    /// The resolved file as TOML text: the identity of the experiment.
    pub canonical: String,
    /// Hash of `canonical`, 16 hex digits.
    pub hash: String,
}

/// A parser error located in the file, named by its key path (the scenario parser's
/// formatting, so that both kinds of file read alike).
fn syntax(src: &str, origin: &str, e: toml::de::Error) -> ScenarioError {
    syntax_error(src, origin, &e)
}

fn located(src: &str, origin: &str, problems: Vec<(Problem, Option<String>)>) -> ScenarioError {
    ScenarioError::Invalid {
        origin: origin.to_string(),
        problems: problems
            .into_iter()
            .map(|(problem, at)| {
                let path = at.unwrap_or_else(|| problem.key.clone());
                let position = locate(src, &path).map(|off| line_col(src, off));
                Located { problem, position }
            })
            .collect(),
    }
}

fn problem(key: &str, value: String, expected: impl Into<String>, hint: &str) -> Problem {
    Problem {
        key: key.to_string(),
        value,
        expected: expected.into(),
        hint: hint.to_string(),
    }
}

/// FNV-1a, 64 bits: a stable hash (unlike `std`'s, which may change between Rust
/// releases) for identities written to disk.
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl ExperimentFile {
    /// Checks of the file on its own (before the base scenario is known).
    fn check(&self, c: &mut Check) {
        c.output_name("name", &self.name);
        c.range_usize("replications", self.replications, 1, 1_000_000);
        let s = &self.sweep;
        let kind = s.design;
        let only = |c: &mut Check, key: &str, present: bool, designs: &str| {
            if present {
                c.fail(
                    &format!("sweep.{key}"),
                    "given".into(),
                    format!("no `{key}` with design = \"{}\"", kind.name()),
                    &format!("`{key}` belongs to design {designs}"),
                );
            }
        };
        only(
            c,
            "samples",
            s.samples.is_some() && kind != DesignKind::Lhs,
            "\"lhs\"",
        );
        only(
            c,
            "base_samples",
            s.base_samples.is_some() && kind != DesignKind::Sobol,
            "\"sobol\"",
        );
        only(
            c,
            "trajectories",
            s.trajectories.is_some() && kind != DesignKind::Morris,
            "\"morris\"",
        );
        only(
            c,
            "levels",
            s.levels.is_some() && kind != DesignKind::Morris,
            "\"morris\"",
        );
        let need = |c: &mut Check, key: &str, v: Option<usize>, lo: usize, hi: usize| match v {
            None => c.fail(
                "sweep.design",
                format!("\"{}\"", kind.name()),
                format!("a `{key}` key in [sweep] (a whole number in [{lo}, {hi}])"),
                "",
            ),
            Some(v) => c.range_usize(&format!("sweep.{key}"), v, lo, hi),
        };
        match kind {
            DesignKind::Lhs => need(c, "samples", s.samples, 1, MAX_RUNS),
            DesignKind::Sobol => need(c, "base_samples", s.base_samples, 2, MAX_RUNS),
            DesignKind::Morris => {
                need(c, "trajectories", s.trajectories, 2, MAX_RUNS);
                if let Some(l) = s.levels {
                    if l < 2 || l % 2 != 0 || l > 1000 {
                        c.fail(
                            "sweep.levels",
                            l.to_string(),
                            "an even whole number in [2, 1000]".into(),
                            "Morris steps of half the levels land on the grid only for even levels",
                        );
                    }
                }
            }
            DesignKind::Grid | DesignKind::List => {}
        }
        if s.axes.is_empty() {
            c.fail(
                "sweep",
                "no axes".into(),
                "at least one [[sweep.axes]] entry".into(),
                "",
            );
        }
        if kind == DesignKind::Sobol && s.axes.len() > SALTELLI_MAX_PARAMS {
            c.fail(
                "sweep.axes",
                format!("{} axes", s.axes.len()),
                format!("at most {SALTELLI_MAX_PARAMS} axes for a Sobol design"),
                "",
            );
        }
        let mut list_len = None;
        for (i, a) in s.axes.iter().enumerate() {
            let k = format!("sweep.axes[{i}]");
            if kind.discrete() {
                match (&a.values, &a.range) {
                    (Some(_), Some(_)) | (None, None) => c.fail(
                        &format!("{k}.key"),
                        format!("{:?}", a.key),
                        "exactly one of `values = [...]` or `range = { from, to, step }`".into(),
                        &format!("design \"{}\" takes explicit values", kind.name()),
                    ),
                    (Some(v), None) => {
                        if v.is_empty() {
                            c.fail(
                                &format!("{k}.values"),
                                "[]".into(),
                                "at least one value".into(),
                                "",
                            );
                        }
                        if let Some(j) = v.iter().position(|x| !x.is_finite()) {
                            c.fail(
                                &format!("{k}.values[{j}]"),
                                v[j].to_string(),
                                "a finite number".into(),
                                "",
                            );
                        }
                    }
                    (None, Some(r)) => {
                        if let Err(e) = design::range_values(r.from, r.to, r.step) {
                            c.fail(
                                &format!("{k}.range"),
                                format!(
                                    "{{ from = {}, to = {}, step = {} }}",
                                    r.from, r.to, r.step
                                ),
                                "an increasing range with a positive step".into(),
                                &e,
                            );
                        }
                    }
                }
                if a.min.is_some() || a.max.is_some() {
                    c.fail(
                        &format!("{k}.{}", if a.min.is_some() { "min" } else { "max" }),
                        "given".into(),
                        "`values` or `range` (min/max belong to lhs, sobol and morris)".into(),
                        "",
                    );
                }
                if kind == DesignKind::List {
                    let n = a
                        .values
                        .as_ref()
                        .map(Vec::len)
                        .or_else(|| {
                            a.range.as_ref().and_then(|r| {
                                design::range_values(r.from, r.to, r.step)
                                    .ok()
                                    .map(|v| v.len())
                            })
                        })
                        .unwrap_or(0);
                    match list_len {
                        None => list_len = Some(n),
                        Some(m) if m != n => c.fail(
                            &format!("{k}.key"),
                            format!("{n} values"),
                            format!("{m} values, as many as sweep.axes[0]"),
                            "a list design takes value i of every axis for point i",
                        ),
                        _ => {}
                    }
                }
            } else {
                match (a.min, a.max) {
                    (Some(lo), Some(hi)) => {
                        if !(lo.is_finite() && hi.is_finite() && lo < hi) {
                            c.fail(
                                &format!("{k}.max"),
                                format!("min = {lo}, max = {hi}"),
                                "finite bounds with min < max".into(),
                                "",
                            );
                        }
                    }
                    _ => c.fail(
                        &format!("{k}.key"),
                        format!("{:?}", a.key),
                        "both `min` and `max`".into(),
                        &format!("design \"{}\" samples within bounds", kind.name()),
                    ),
                }
                if a.values.is_some() || a.range.is_some() {
                    c.fail(
                        &format!(
                            "{k}.{}",
                            if a.values.is_some() {
                                "values"
                            } else {
                                "range"
                            }
                        ),
                        "given".into(),
                        "`min` and `max` (values/range belong to grid and list)".into(),
                        "",
                    );
                }
            }
            if let Some(n) = &a.name {
                if n.is_empty() || n.contains([',', '"', '\n']) {
                    c.fail(
                        &format!("{k}.name"),
                        format!("{n:?}"),
                        "a non-empty column name without commas or quotes".into(),
                        "",
                    );
                }
            }
        }
        if let Some(sens) = &self.sensitivity {
            if !kind.sensitivity() {
                c.fail(
                    "sensitivity",
                    "given".into(),
                    "no [sensitivity] table with this design".into(),
                    "sensitivity indices need design = \"sobol\" or \"morris\"",
                );
            }
            c.range_usize("sensitivity.bootstrap", sens.bootstrap, 0, 100_000);
        }
    }
}

impl Experiment {
    /// Reads, parses and validates an experiment file; `base` paths are relative to it.
    pub fn load(path: &Path) -> Result<Experiment, ScenarioError> {
        let (src, origin) = crate::experiment::scenario::read_toml_text(path, "experiment")?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Experiment::parse(&src, &origin, dir)
    }

    /// Parses and validates experiment text; `origin` names it in messages, `dir` is where
    /// a `base` path is resolved.
    pub fn parse(src: &str, origin: &str, dir: &Path) -> Result<Experiment, ScenarioError> {
        if src.trim().is_empty() {
            return Err(ScenarioError::Syntax {
                origin: origin.to_string(),
                line: 1,
                column: 1,
                message: "the file is empty: an experiment needs at least a name and a [sweep] with one axis (see experiments/README.md)".into(),
            });
        }
        let mut file: ExperimentFile = toml::from_str(src).map_err(|e| syntax(src, origin, e))?;
        let mut c = Check::default();
        file.check(&mut c);
        if !c.is_ok() {
            return Err(located(
                src,
                origin,
                c.problems.into_iter().map(|p| (p, None)).collect(),
            ));
        }

        // The base scenario.
        let mut scenario = match (&file.base, file.scenario.take()) {
            (Some(_), Some(_)) => {
                return Err(located(
                    src,
                    origin,
                    vec![(
                        problem(
                            "base",
                            "given with a [scenario] table".into(),
                            "either `base = \"file.toml\"` or an inline [scenario], not both",
                            "",
                        ),
                        None,
                    )],
                ))
            }
            (Some(b), None) if b == "default" => Scenario::embedded_default(),
            (Some(b), None) => Scenario::load(&dir.join(b))?,
            (None, Some(s)) => Scenario::finish_parsed(s, src, origin, "scenario.")?,
            (None, None) => Scenario::embedded_default(),
        };
        scenario.seed = file.seed;
        scenario.replications = file.replications;
        if let Some(r) = file.record_every {
            scenario.record_every = r;
        }
        // Sweeps keep summaries and (optionally) aggregated series, never per-replication
        // series or agent snapshots: those would grow with runs × days × employees.
        scenario.per_replication = Toggle::Off;
        scenario.employee_snapshots.clear();
        let problems = scenario.problems();
        if !problems.is_empty() {
            // Only `record_every` can be wrong here: the scenario itself passed.
            return Err(located(
                src,
                origin,
                problems.into_iter().map(|p| (p, None)).collect(),
            ));
        }
        file.base = None;
        file.record_every = None;
        if file.sweep.design == DesignKind::Morris && file.sweep.levels.is_none() {
            file.sweep.levels = Some(4);
        }
        if file.sweep.design.sensitivity() && file.sensitivity.is_none() {
            file.sensitivity = Some(SensitivitySpec::default());
        }
        file.scenario = Some(scenario.clone());

        let base_table = Table::try_from(&scenario).map_err(|e| ScenarioError::Syntax {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            message: format!("the base scenario cannot be represented as TOML: {e}"),
        })?;

        // Axes.
        let mut problems = Vec::new();
        let mut axes = Vec::new();
        for (i, a) in file.sweep.axes.iter().enumerate() {
            match apply::resolve(&base_table, &a.key) {
                Ok(target) => axes.push(Axis {
                    name: a.name.clone().unwrap_or_else(|| a.key.clone()),
                    key: a.key.clone(),
                    check_key: check_key(&target),
                    target,
                    lo: f64::NAN,
                    hi: f64::NAN,
                }),
                Err(msg) => problems.push((
                    problem(
                        &format!("sweep.axes[{i}].key"),
                        format!("{:?}", a.key),
                        "a numeric parameter of the scenario",
                        &msg,
                    ),
                    None,
                )),
            }
        }
        if problems.is_empty() {
            for i in 0..axes.len() {
                for j in 0..i {
                    if axes[i].check_key == axes[j].check_key || axes[i].name == axes[j].name {
                        problems.push((
                            problem(
                                &format!("sweep.axes[{i}].key"),
                                format!("{:?}", axes[i].key),
                                "a parameter and column name no other axis has",
                                &format!("sweep.axes[{j}] is the same"),
                            ),
                            None,
                        ));
                    }
                }
                if ["point", "replication"].contains(&axes[i].name.as_str()) {
                    problems.push((
                        problem(
                            &format!("sweep.axes[{i}].key"),
                            format!("{:?}", axes[i].name),
                            "a column name other than `point` and `replication`",
                            "give the axis a `name`",
                        ),
                        None,
                    ));
                }
            }
        }
        if !problems.is_empty() {
            return Err(located(src, origin, problems));
        }

        // The design.
        let design = build_design(&file, &mut axes).map_err(|p| located(src, origin, p))?;
        // Columns, series, outputs.
        let arms: Vec<String> = scenario.arms.iter().map(|a| a.name.clone()).collect();
        let all = all_columns(arms.len());
        let names: Vec<String> = all
            .iter()
            .map(|c| format!("{}.{}", arms[c.arm], c.metric))
            .collect();
        let mut problems = Vec::new();
        let column_index: Vec<usize> = match &file.keep_metrics {
            None => (0..all.len()).collect(),
            Some(keep) => {
                let mut wanted = vec![false; all.len()];
                for (i, k) in keep.iter().enumerate() {
                    let hits: Vec<usize> = (0..all.len())
                        .filter(|&j| names[j] == *k || all[j].metric == k)
                        .collect();
                    if hits.is_empty() {
                        let metrics = all.iter().map(|c| c.metric);
                        let s = closest(k, metrics.chain(names.iter().map(String::as_str)));
                        problems.push((
                            problem(
                                &format!("keep_metrics[{i}]"),
                                format!("{k:?}"),
                                "a summary metric (`B_mean`, `peak_gain_B`, ...) or `arm.metric`",
                                &s.map(|s| format!("did you mean `{s}`?"))
                                    .unwrap_or_default(),
                            ),
                            None,
                        ));
                    }
                    for j in hits {
                        wanted[j] = true;
                    }
                }
                (0..all.len()).filter(|&j| wanted[j]).collect()
            }
        };
        let columns: Vec<Column> = column_index.iter().map(|&j| all[j]).collect();
        let mut series = Vec::new();
        if file.timeseries {
            for (i, m) in file.timeseries_metrics.iter().enumerate() {
                match series_metric(m) {
                    Some(s) => series.push((m.clone(), s)),
                    None => problems.push((
                        problem(
                            &format!("timeseries_metrics[{i}]"),
                            format!("{m:?}"),
                            "a recorded metric (B, N, nps, ...) or gain_B, gain_N, gain_nps",
                            &closest(m, series_metric_names())
                                .map(|s| format!("did you mean `{s}`?"))
                                .unwrap_or_default(),
                        ),
                        None,
                    )),
                }
            }
        }
        let kept_names: Vec<String> = columns
            .iter()
            .map(|c| format!("{}.{}", arms[c.arm], c.metric))
            .collect();
        let mut outputs = Vec::new();
        if let Some(sens) = &file.sensitivity {
            match output_columns(&columns, &kept_names, &sens.outputs) {
                Ok(o) => outputs = o,
                Err((i, msg)) => problems.push((
                    problem(
                        &format!("sensitivity.outputs[{i}]"),
                        format!("{:?}", sens.outputs[i]),
                        "a kept summary column (`arm.metric`) or metric",
                        &msg,
                    ),
                    None,
                )),
            }
        }
        if !problems.is_empty() {
            return Err(located(src, origin, problems));
        }

        let canonical = toml::to_string(&file).map_err(|e| ScenarioError::Syntax {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            message: format!("the resolved experiment cannot be written as TOML: {e}"),
        })?;
        let hash = format!("{:016x}", fnv1a(FORMAT_SALT, canonical.as_bytes()));
        let exp = Experiment {
            file,
            origin: origin.to_string(),
            scenario,
            base_table,
            axes,
            design,
            columns,
            column_index,
            series,
            outputs,
            canonical,
            hash,
        };
        exp.check_bounds(src)?;
        exp.validate_points(src)?;
        Ok(exp)
    }

    /// For designs sampled within bounds, checks each bound on its own (the other
    /// parameters at their base values): a bound outside a parameter's allowed range is the
    /// usual mistake, and is reported once, at the bound, rather than at every point
    /// sampled beyond it.
    fn check_bounds(&self, src: &str) -> Result<(), ScenarioError> {
        if self.design.kind.discrete() {
            return Ok(());
        }
        let mut out = Vec::new();
        for (i, (a, spec)) in self.axes.iter().zip(&self.file.sweep.axes).enumerate() {
            for (which, bound) in [("min", spec.min), ("max", spec.max)] {
                let Some(mut v) = bound else { continue };
                if a.integer() {
                    v = if which == "min" { v.ceil() } else { v.floor() };
                }
                let mut t = self.base_table.clone();
                let problems = match apply::set(&mut t, &a.target, v) {
                    Err(e) => vec![problem(
                        &a.check_key,
                        a.text(v),
                        "a value the parameter takes",
                        &e,
                    )],
                    Ok(()) => match t.try_into::<Scenario>() {
                        Ok(s) => s.problems(),
                        Err(e) => vec![problem(
                            &a.check_key,
                            a.text(v),
                            "a value of the parameter's type",
                            e.message().trim(),
                        )],
                    },
                };
                // The base scenario is valid, so whatever fails here fails because of
                // this bound (directly, or through a constraint linking parameters).
                for pr in problems {
                    let value = if pr.key == a.check_key {
                        format!("{} (its {which})", a.text(v))
                    } else {
                        format!(
                            "{} (its {which}), which makes `{}` = {}",
                            a.text(v),
                            pr.key,
                            pr.value
                        )
                    };
                    out.push((
                        Problem {
                            key: format!("axis {} (sweep.axes[{i}])", a.key),
                            value,
                            expected: pr.expected,
                            hint: pr.hint,
                        },
                        Some(format!("sweep.axes[{i}].{which}")),
                    ));
                }
            }
        }
        if out.is_empty() {
            Ok(())
        } else {
            Err(located(src, &self.origin, out))
        }
    }

    /// Builds every point's scenario and runs the scenario's validation on it. The same
    /// problem at many points (one bad value of a grid axis spoils a whole slice of the
    /// grid) is reported once, with the points it affects.
    fn validate_points(&self, src: &str) -> Result<(), ScenarioError> {
        let mut bad: Vec<(usize, Vec<Problem>)> = (0..self.points())
            .into_par_iter()
            .filter_map(|p| self.point_problems(p).err().map(|e| (p, e)))
            .collect();
        if bad.is_empty() {
            return Ok(());
        }
        bad.sort_by_key(|(p, _)| *p);
        // (problem without its point, where, points)
        let mut groups: Vec<(Problem, Option<String>, Vec<usize>)> = Vec::new();
        let n_bad = bad.len();
        let mut shown_points = std::collections::BTreeSet::new();
        for (p, problems) in bad {
            for pr in problems {
                let (pr, at) = self.point_problem(pr, &self.design.points[p]);
                match groups.iter().position(|(q, a, _)| *q == pr && *a == at) {
                    Some(g) => {
                        groups[g].2.push(p);
                        shown_points.insert(p);
                    }
                    None if groups.len() < 5 => {
                        groups.push((pr, at, vec![p]));
                        shown_points.insert(p);
                    }
                    None => {}
                }
            }
        }
        let hidden = n_bad - shown_points.len();
        let mut out: Vec<(Problem, Option<String>)> = groups
            .into_iter()
            .map(|(mut pr, at, points)| {
                let shown: Vec<String> = points.iter().take(8).map(|p| p.to_string()).collect();
                let more = if points.len() > 8 {
                    format!(" and {} more", points.len() - 8)
                } else {
                    String::new()
                };
                let s = if points.len() > 1 { "s" } else { "" };
                pr.value = pr.value.replacen(
                    "{points}",
                    &format!("design point{s} {}{more}", shown.join(", ")),
                    1,
                );
                (pr, at)
            })
            .collect();
        if hidden > 0 {
            out.push((
                problem(
                    "sweep",
                    format!("{hidden} more invalid design points"),
                    "valid parameter values at every point",
                    "",
                ),
                None,
            ));
        }
        Err(located(src, &self.origin, out))
    }

    /// Names the axis (and where its value is written) for a problem of design point `p`.
    fn point_problem(&self, pr: Problem, values: &[f64]) -> (Problem, Option<String>) {
        match self.axes.iter().position(|a| a.check_key == pr.key) {
            Some(i) => {
                let a = &self.axes[i];
                let v = values[i];
                let spec = &self.file.sweep.axes[i];
                let at = if let Some(j) = spec
                    .values
                    .as_ref()
                    .and_then(|vs| vs.iter().position(|&x| x == v))
                {
                    format!("sweep.axes[{i}].values[{j}]")
                } else if spec.range.is_some() {
                    format!("sweep.axes[{i}].range")
                } else if (v - a.lo).abs() <= (v - a.hi).abs() {
                    format!("sweep.axes[{i}].min")
                } else {
                    format!("sweep.axes[{i}].max")
                };
                (
                    Problem {
                        key: format!("axis {} (sweep.axes[{i}])", a.key),
                        value: format!("{} at {{points}}", a.text(v)),
                        expected: pr.expected,
                        hint: pr.hint,
                    },
                    Some(at),
                )
            }
            None => {
                let setting: Vec<String> = self
                    .axes
                    .iter()
                    .zip(values)
                    .map(|(a, &v)| format!("{} = {}", a.key, a.text(v)))
                    .collect();
                (
                    Problem {
                        key: pr.key,
                        value: format!("{} at {{points}} ({})", pr.value, setting.join(", ")),
                        expected: pr.expected,
                        hint: pr.hint,
                    },
                    Some("sweep.axes[0].key".into()),
                )
            }
        }
    }

    fn point_problems(&self, p: usize) -> Result<Scenario, Vec<Problem>> {
        let mut t = self.base_table.clone();
        for (a, &v) in self.axes.iter().zip(&self.design.points[p]) {
            apply::set(&mut t, &a.target, v).map_err(|e| {
                vec![problem(
                    &a.check_key,
                    a.text(v),
                    "a value the parameter takes",
                    &e,
                )]
            })?;
        }
        let s: Scenario = t.try_into().map_err(|e: toml::de::Error| {
            vec![problem(
                &self
                    .axes
                    .first()
                    .map(|a| a.check_key.clone())
                    .unwrap_or_default(),
                "a value of this design point".into(),
                "values of the parameters' types",
                e.message().trim(),
            )]
        })?;
        let problems = s.problems();
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(problems)
        }
    }

    /// The scenario of design point `p` (validated when the experiment was loaded).
    pub fn scenario_at(&self, p: usize) -> Result<Scenario, String> {
        self.point_problems(p).map_err(|ps| {
            ps.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    pub fn points(&self) -> usize {
        self.design.points.len()
    }

    pub fn replications(&self) -> usize {
        self.file.replications
    }

    /// Number of runs: points × replications. Run `i` is replication `i % R` of point
    /// `i / R`, so a point's runs are contiguous.
    pub fn runs(&self) -> usize {
        self.points() * self.replications()
    }

    pub fn arm_names(&self) -> Vec<String> {
        self.scenario.arms.iter().map(|a| a.name.clone()).collect()
    }

    /// Names of the kept summary columns: `<arm>.<metric>`.
    pub fn column_names(&self) -> Vec<String> {
        let arms = self.arm_names();
        self.columns
            .iter()
            .map(|c| format!("{}.{}", arms[c.arm], c.metric))
            .collect()
    }

    /// Seed of replication `rep` of point `point`.
    ///
    /// With common random numbers (the default) it is the seed `undercurrent run` gives
    /// replication `rep`, whatever the point: differences between points are then the
    /// parameters' effect and not sampling noise, which is what a response surface or a
    /// Sobol index is meant to measure, and a point equal to the base scenario reproduces
    /// `run` exactly. Without, every (point, replication) gets an independent seed.
    pub fn run_seed(&self, point: usize, rep: usize) -> u64 {
        if self.file.common_random_numbers {
            replication_seed(self.file.seed, rep as u64)
        } else {
            key(&[self.file.seed, TAG_POINT_SEED, point as u64, rep as u64])
        }
    }

    /// Seed of the bootstrap resampling of the Sobol indices.
    pub fn bootstrap_seed(&self) -> u64 {
        key(&[self.file.seed, TAG_BOOTSTRAP])
    }

    /// The experiment hash as a number, mixed into every journal line's checksum.
    pub fn hash_u64(&self) -> u64 {
        u64::from_str_radix(&self.hash, 16).unwrap_or(0)
    }

    /// The sensitivity settings (Sobol and Morris designs).
    pub fn sensitivity(&self) -> SensitivitySpec {
        self.file.sensitivity.clone().unwrap_or_default()
    }
}

/// Bumped when the meaning of the files changes, so an old journal is never resumed by a
/// binary that would read it differently.
const FORMAT_SALT: u64 = 1;

/// The key in the form `Check` names it: `arms[2].interventions[0].interval`.
fn check_key(t: &Target) -> String {
    let mut s = String::new();
    for seg in &t.segs {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Positions in `columns` of the requested outputs (all when none are requested).
pub fn output_columns(
    columns: &[Column],
    names: &[String],
    wanted: &[String],
) -> Result<Vec<usize>, (usize, String)> {
    if wanted.is_empty() {
        return Ok((0..columns.len()).collect());
    }
    let mut keep = vec![false; columns.len()];
    for (i, w) in wanted.iter().enumerate() {
        let hits: Vec<usize> = (0..columns.len())
            .filter(|&j| names[j] == *w || columns[j].metric == w)
            .collect();
        if hits.is_empty() {
            let s = closest(
                w,
                names
                    .iter()
                    .map(String::as_str)
                    .chain(columns.iter().map(|c| c.metric)),
            );
            return Err((
                i,
                s.map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| "not among the kept columns (see keep_metrics)".into()),
            ));
        }
        for j in hits {
            keep[j] = true;
        }
    }
    Ok((0..columns.len()).filter(|&j| keep[j]).collect())
}

/// Refuses a design of more than [`MAX_RUNS`] runs before it is built.
fn check_size(
    points: Option<usize>,
    replications: usize,
    what: &str,
) -> Result<(), Vec<(Problem, Option<String>)>> {
    match points.and_then(|p| p.checked_mul(replications)) {
        Some(runs) if runs <= MAX_RUNS => Ok(()),
        _ => Err(vec![(
            problem(
                "sweep",
                format!(
                    "{what}: {} points x {replications} replications",
                    points
                        .map(|p| p.to_string())
                        .unwrap_or_else(|| "too many".into())
                ),
                format!("at most {MAX_RUNS} runs"),
                "split the experiment into several",
            ),
            None,
        )]),
    }
}

/// Points of the design in parameter units, and each axis's bounds.
fn build_design(
    file: &ExperimentFile,
    axes: &mut [Axis],
) -> Result<Design, Vec<(Problem, Option<String>)>> {
    let spec = &file.sweep;
    let kind = spec.design;
    let seed = key(&[file.seed, TAG_DESIGN]);
    let k = axes.len();
    let mut problems = Vec::new();
    let (points, unit) = if kind.discrete() {
        let mut values = Vec::with_capacity(k);
        for (i, (a, s)) in axes.iter().zip(&spec.axes).enumerate() {
            let v = match (&s.values, &s.range) {
                (Some(v), _) => v.clone(),
                (None, Some(r)) => design::range_values(r.from, r.to, r.step).unwrap_or_default(),
                (None, None) => Vec::new(),
            };
            if a.integer() {
                if let Some(j) = v.iter().position(|x| x.fract() != 0.0) {
                    let at = if s.values.is_some() {
                        format!("sweep.axes[{i}].values[{j}]")
                    } else {
                        format!("sweep.axes[{i}].range")
                    };
                    problems.push((
                        problem(
                            &format!("axis {} (sweep.axes[{i}])", a.key),
                            v[j].to_string(),
                            "a whole number",
                            "the parameter is a whole number (days, people, ...)",
                        ),
                        Some(at),
                    ));
                }
            }
            values.push(v);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let points = if kind == DesignKind::Grid {
            let combos = values
                .iter()
                .map(|v| v.len().to_string())
                .collect::<Vec<_>>()
                .join(" x ");
            check_size(design::grid_len(&values), file.replications, &combos)?;
            design::grid(&values)
        } else {
            let n = values.first().map(Vec::len).unwrap_or(0);
            (0..n)
                .map(|p| values.iter().map(|v| v[p]).collect())
                .collect()
        };
        (points, Vec::new())
    } else {
        let bounds: Vec<(f64, f64)> = spec
            .axes
            .iter()
            .map(|s| (s.min.unwrap_or(0.0), s.max.unwrap_or(1.0)))
            .collect();
        for (i, (a, &(lo, hi))) in axes.iter().zip(&bounds).enumerate() {
            if a.integer() && hi.floor() < lo.ceil() {
                problems.push((
                    problem(
                        &format!("axis {} (sweep.axes[{i}])", a.key),
                        format!("min = {lo}, max = {hi}"),
                        "bounds with a whole number between them",
                        "the parameter is a whole number",
                    ),
                    Some(format!("sweep.axes[{i}].min")),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // Check the size before building: a typo in base_samples must be an error, not an
        // attempt to allocate the design.
        let expected = match kind {
            DesignKind::Lhs => spec.samples,
            DesignKind::Sobol => spec.base_samples.and_then(|n| n.checked_mul(k + 2)),
            _ => spec.trajectories.and_then(|r| r.checked_mul(k + 1)),
        };
        check_size(
            expected,
            file.replications,
            &format!("{} design", kind.name()),
        )?;
        let unit = match kind {
            DesignKind::Lhs => design::latin_hypercube(k, spec.samples.unwrap_or(1), seed),
            DesignKind::Sobol => {
                design::sensitivity_unit_design(kind, k, spec.base_samples.unwrap_or(2), 0, seed)
                    .map_err(|e| {
                        vec![(
                            problem(
                                "sweep.base_samples",
                                "".into(),
                                "a valid Saltelli design",
                                &e.to_string(),
                            ),
                            None,
                        )]
                    })?
            }
            _ => design::sensitivity_unit_design(
                kind,
                k,
                spec.trajectories.unwrap_or(2),
                spec.levels.unwrap_or(4),
                seed,
            )
            .map_err(|e| {
                vec![(
                    problem(
                        "sweep.trajectories",
                        "".into(),
                        "a valid Morris design",
                        &e.to_string(),
                    ),
                    None,
                )]
            })?,
        };
        let points = unit
            .iter()
            .map(|u| {
                u.iter()
                    .zip(axes.iter().zip(&bounds))
                    .map(|(&x, (a, &(lo, hi)))| design::scale(x, lo, hi, a.integer()))
                    .collect()
            })
            .collect();
        let unit = if kind.sensitivity() { unit } else { Vec::new() };
        (points, unit)
    };
    for (i, a) in axes.iter_mut().enumerate() {
        a.lo = points
            .iter()
            .map(|p: &Vec<f64>| p[i])
            .fold(f64::INFINITY, f64::min);
        a.hi = points
            .iter()
            .map(|p: &Vec<f64>| p[i])
            .fold(f64::NEG_INFINITY, f64::max);
    }
    Ok(Design { kind, points, unit })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GRID: &str = r#"
name = "g"
replications = 2
[sweep]
design = "grid"
[[sweep.axes]]
key = "managers.role_model_mean"
values = [0.2, 0.5]
[[sweep.axes]]
key = "arms.coaching.interventions.0.interval"
range = { from = 5, to = 20, step = 5 }
"#;

    fn parse(src: &str) -> Result<Experiment, ScenarioError> {
        Experiment::parse(src, "exp.toml", Path::new("."))
    }

    #[test]
    fn grid_experiment_on_the_embedded_default() {
        let e = parse(GRID).unwrap();
        assert_eq!(e.points(), 8);
        assert_eq!(e.runs(), 16);
        assert_eq!(e.design.points[1], vec![0.2, 10.0]);
        assert!(e.axes[1].integer());
        let s = e.scenario_at(5).unwrap();
        assert_eq!(s.managers.role_model_mean, 0.5);
        assert_eq!(s.arms[2].interventions[0].interval, 10);
        assert_eq!(e.column_names()[0], "baseline.B_mean");
    }

    #[test]
    fn the_resolved_file_loads_to_the_same_experiment() {
        let e = parse(GRID).unwrap();
        let again = parse(&e.canonical).unwrap();
        assert_eq!(again.canonical, e.canonical);
        assert_eq!(again.hash, e.hash);
        assert_eq!(again.design, e.design);
        assert_eq!(again.scenario, e.scenario);
    }

    #[test]
    fn an_unknown_axis_key_is_located_with_a_suggestion() {
        let src = GRID.replace("managers.role_model_mean", "managers.role_model_men");
        let e = parse(&src).unwrap_err().to_string();
        assert!(e.starts_with("exp.toml:7:7:"), "{e}");
        assert!(e.contains("did you mean `managers.role_model_mean`"), "{e}");
    }

    #[test]
    fn a_point_out_of_range_names_axis_point_value_and_range() {
        let src = GRID.replace("[0.2, 0.5]", "[0.2, 1.5]");
        let e = parse(&src).unwrap_err().to_string();
        assert!(e.contains("exp.toml:8:16:"), "{e}");
        assert!(e.contains("managers.role_model_mean"), "{e}");
        assert!(e.contains("1.5 at design points 4, 5, 6, 7"), "{e}");
        assert_eq!(e.lines().count(), 1, "{e}");
        assert!(e.contains("strictly between 0 and 1"), "{e}");
    }

    #[test]
    fn whole_number_parameters_refuse_fractions() {
        let src = GRID.replace("step = 5 }", "step = 2.5 }");
        let e = parse(&src).unwrap_err().to_string();
        assert!(e.contains("a whole number"), "{e}");
    }

    #[test]
    fn design_keys_must_match_the_design() {
        let src = GRID.replace("design = \"grid\"", "design = \"grid\"\nsamples = 5");
        let e = parse(&src).unwrap_err().to_string();
        assert!(e.contains("sweep.samples"), "{e}");
        let src = GRID.replace("design = \"grid\"", "design = \"lhs\"\nsamples = 5");
        let e = parse(&src).unwrap_err().to_string();
        assert!(e.contains("both `min` and `max`"), "{e}");
    }

    #[test]
    fn list_and_lhs_designs() {
        let list = GRID
            .replace("design = \"grid\"", "design = \"list\"")
            .replace("values = [0.2, 0.5]", "values = [0.2, 0.5, 0.7, 0.4]");
        let e = parse(&list).unwrap();
        assert_eq!(e.points(), 4);
        assert_eq!(e.design.points[2], vec![0.7, 15.0]);
        // 2 values against the range's 4.
        let uneven = GRID.replace("design = \"grid\"", "design = \"list\"");
        assert!(parse(&uneven)
            .unwrap_err()
            .to_string()
            .contains("as many as sweep.axes[0]"));

        let lhs = GRID
            .replace("design = \"grid\"", "design = \"lhs\"\nsamples = 30")
            .replace("values = [0.2, 0.5]", "min = 0.2\nmax = 0.5")
            .replace(
                "range = { from = 5, to = 20, step = 5 }",
                "min = 5\nmax = 20",
            );
        let e = parse(&lhs).unwrap();
        assert_eq!(e.points(), 30);
        for p in &e.design.points {
            assert!((0.2..=0.5).contains(&p[0]), "{p:?}");
            assert!((5.0..=20.0).contains(&p[1]) && p[1].fract() == 0.0, "{p:?}");
        }
        // Stratified on the continuous axis: one point per tenth of [0.2, 0.5] x 3.
        let mut strata: Vec<usize> = e
            .design
            .points
            .iter()
            .map(|p| ((p[0] - 0.2) / 0.3 * 30.0) as usize)
            .collect();
        strata.sort_unstable();
        assert_eq!(strata, (0..30).collect::<Vec<_>>());
        // Deterministic by seed, different for another seed.
        assert_eq!(parse(&lhs).unwrap().design, e.design);
        let other = parse(&lhs.replace("name = \"g\"", "name = \"g\"\nseed = 43")).unwrap();
        assert_ne!(other.design, e.design);
    }

    #[test]
    fn seeds_depend_on_point_and_replication_only_as_configured() {
        let e = parse(GRID).unwrap();
        // Common random numbers: the same seed for a replication at every point, and the
        // seed `run` gives that replication.
        assert_eq!(e.run_seed(0, 1), e.run_seed(5, 1));
        assert_eq!(e.run_seed(3, 1), replication_seed(42, 1));
        assert_ne!(e.run_seed(0, 0), e.run_seed(0, 1));
        let src = GRID.replace(
            "replications = 2",
            "replications = 2\ncommon_random_numbers = false",
        );
        let f = parse(&src).unwrap();
        assert_ne!(f.run_seed(0, 1), f.run_seed(5, 1));
        assert_ne!(f.run_seed(0, 0), f.run_seed(0, 1));
        assert_eq!(f.run_seed(4, 1), parse(&src).unwrap().run_seed(4, 1));
        assert_ne!(f.hash, e.hash);
    }

    #[test]
    fn an_oversized_design_is_refused_before_it_is_built() {
        let src = GRID
            .replace(
                "design = \"grid\"",
                "design = \"sobol\"\nbase_samples = 9000000",
            )
            .replace("values = [0.2, 0.5]", "min = 0.2\nmax = 0.5")
            .replace(
                "range = { from = 5, to = 20, step = 5 }",
                "min = 5\nmax = 20",
            );
        let e = parse(&src).unwrap_err().to_string();
        assert!(e.contains("at most 10000000 runs"), "{e}");
    }

    #[test]
    fn keep_metrics_filters_and_checks() {
        let src = GRID.replace(
            "replications = 2",
            "replications = 2\nkeep_metrics = [\"peak_gain_B\", \"baseline.B_mean\"]",
        );
        let e = parse(&src).unwrap();
        assert_eq!(e.columns.len(), 1 + 5);
        let src = GRID.replace(
            "replications = 2",
            "replications = 2\nkeep_metrics = [\"peak_gain_b\"]",
        );
        let e = parse(&src).unwrap_err().to_string();
        assert!(e.contains("did you mean `peak_gain_B`"), "{e}");
    }

    #[test]
    fn sobol_and_morris_point_counts() {
        let sobol = r#"
name = "s"
replications = 1
[sweep]
design = "sobol"
base_samples = 8
[[sweep.axes]]
key = "managers.role_model_mean"
min = 0.2
max = 0.8
[[sweep.axes]]
key = "organisation.team_size"
min = 5
max = 20
[[sweep.axes]]
key = "state.habit_days_median"
min = 30
max = 120
"#;
        let e = parse(sobol).unwrap();
        assert_eq!(e.points(), 8 * (3 + 2));
        assert!(e.design.points.iter().all(|p| p[1].fract() == 0.0));
        let morris = sobol
            .replace("\"sobol\"", "\"morris\"")
            .replace("base_samples = 8", "trajectories = 6");
        let m = parse(&morris).unwrap();
        assert_eq!(m.points(), 6 * (3 + 1));
        for traj in m.design.unit.chunks(4) {
            for w in traj.windows(2) {
                let changed = (0..3).filter(|&i| w[0][i] != w[1][i]).count();
                assert_eq!(changed, 1);
            }
        }
        assert_eq!(m.file.sweep.levels, Some(4));
    }
}
