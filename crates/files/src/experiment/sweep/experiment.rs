//! Experiment files: a base scenario, the axes to sweep and how to sample them, replications,
//! the master seed and what to keep. See `experiments/README.md` for the format.
//!
//! Loading an experiment validates everything a sweep could trip over before the first run
//! starts, one job a module: the file's own keys ([`check`]), the base scenario, every axis
//! key (it must name a numeric parameter of the scenario) and the kept columns
//! ([`resolve`]), the design's points ([`points`]), every bound and design point through the
//! scenario's own validation ([`validate`]), and the experiment's identity ([`hash`]). Every
//! failure is an [`ExperimentError`] located in the file ([`error`]).

mod check;
pub mod error;
pub mod hash;
mod points;
pub(crate) mod resolve;
mod validate;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Table;

use super::apply::Target;
use super::design::{Design, DesignKind};
use super::summary::{Column, SeriesMetric};
use crate::experiment::scenario::{read_toml_text, syntax_error, Scenario};
use crate::metrics::outputs::{NamedOutput, OutputSpec};
use crate::model::rng::{key, replication_seed};
use error::{invalid, Pending};

pub use error::{ExperimentError, Failure};
pub use hash::fnv1a;
pub use resolve::{censor_flag, output_columns};

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

/// One value of an axis as written: a number, or a level of a categorical parameter. A list
/// of numbers writes back as it did when values were only numbers, so an experiment's
/// identity is unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AxisValue {
    Number(f64),
    Flag(bool),
    Text(String),
}

impl std::fmt::Display for AxisValue {
    /// As written in a file: `0.5`, `true`, `"retail"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AxisValue::Number(x) => write!(f, "{x}"),
            AxisValue::Flag(b) => write!(f, "{b}"),
            AxisValue::Text(t) => write!(f, "{t:?}"),
        }
    }
}

impl AxisValue {
    /// The level as a TOML value (a number stays a float).
    pub fn to_toml(&self) -> toml::Value {
        match self {
            AxisValue::Number(x) => toml::Value::Float(*x),
            AxisValue::Flag(b) => toml::Value::Boolean(*b),
            AxisValue::Text(t) => toml::Value::String(t.clone()),
        }
    }
}

impl AxisSpec {
    /// The listed values as numbers, when every one is a number.
    pub fn numbers(&self) -> Option<Vec<f64>> {
        self.values
            .as_ref()?
            .iter()
            .map(|v| match v {
                AxisValue::Number(x) => Some(*x),
                _ => None,
            })
            .collect()
    }

    /// The listed values as the levels of a categorical parameter, when any is not a number.
    pub fn levels(&self) -> Option<Vec<toml::Value>> {
        let v = self.values.as_ref()?;
        if v.iter().all(|x| matches!(x, AxisValue::Number(_))) {
            return None;
        }
        Some(v.iter().map(AxisValue::to_toml).collect())
    }
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
    /// Grid and list designs: the values: numbers, or the levels of a categorical parameter
    /// (text such as sectors and intervention kinds, or true/false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<AxisValue>>,
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
    /// Named outputs of the experiment (`[metrics.<name>]`, as in a scenario): they join the
    /// base scenario's and become summary columns.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metrics: BTreeMap<String, OutputSpec>,
    /// Summary metrics to keep (`metric` for every arm or `arm.metric`); all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_metrics: Option<Vec<String>>,
    /// Write aggregated time series per point and arm (`timeseries.csv`).
    #[serde(default)]
    pub timeseries: bool,
    /// Write every run's own time series (`run_series.csv`: one row per run, arm, recorded
    /// day and metric), the rows `timeseries.csv` averages. Not written back when false, so
    /// older experiments keep their identity.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub run_series: bool,
    /// Also write `runs.csv` as Apache Parquet (`runs.parquet`), and `teams.csv` and
    /// `employees.csv` when the sweep keeps them. Not written back when
    /// false, so older experiments keep their identity.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub parquet: bool,
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

    /// Whether the axis sweeps the levels of a categorical parameter.
    pub fn categorical(&self) -> bool {
        self.target.levels.is_some()
    }

    /// The value as written in the CSV files (a categorical level by its name).
    pub fn text(&self, v: f64) -> String {
        if let Some(l) = self.target.level(v) {
            return super::apply::level_text(l);
        }
        if self.integer() {
            format!("{}", v as i64)
        } else {
            crate::output::tables::num(v)
        }
    }
}

/// Whether `key` sets one drive's weight in a mix: `(hiring mix?, drive index)`.
fn mix_share(key: &str) -> Option<(bool, usize)> {
    let (hiring, drive) = if let Some(d) = key.strip_prefix("organisation.drive_mix.") {
        (false, d)
    } else {
        (true, key.strip_prefix("organisation.hiring_mix.")?)
    };
    crate::model::drives::DRIVE_NAMES
        .iter()
        .position(|n| *n == drive)
        .map(|d| (hiring, d))
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
    /// The keys the base scenario's text writes (a preset axis fills the others).
    written: BTreeSet<String>,
    /// The named outputs of the scenario and the experiment (summary columns).
    pub named: Vec<NamedOutput>,
    /// Keys of the base scenario a sweep does not honour (per-replication series, windows,
    /// claims), when the base sets them: the CLI says so.
    pub dropped: Vec<&'static str>,
    pub axes: Vec<Axis>,
    pub design: Design,
    /// The summary columns kept, in output order.
    pub columns: Vec<Column>,
    /// Their positions in [`all_columns`](super::summary::all_columns).
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

impl Experiment {
    /// Reads, parses and validates an experiment file; `base` paths are relative to it.
    pub fn load(path: &Path) -> Result<Experiment, ExperimentError> {
        let (src, origin) = read_toml_text(path, "experiment")?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Experiment::parse(&src, &origin, dir)
    }

    /// Parses and validates experiment text; `origin` names it in messages, `dir` is where
    /// a `base` path is resolved.
    pub fn parse(src: &str, origin: &str, dir: &Path) -> Result<Experiment, ExperimentError> {
        let mut file = parse_file(src, origin)?;
        let (scenario, written, dropped) = resolve::base_scenario(&mut file, src, origin, dir)?;
        let base_table = resolve::value_tree(&scenario, src, origin)?;
        let mut axes = resolve::axes(&file, &base_table).map_err(|p| invalid(src, origin, p))?;
        let design = points::build_design(&file, &mut axes).map_err(|p| invalid(src, origin, p))?;
        let arms: Vec<String> = scenario.arms.iter().map(|a| a.name.clone()).collect();
        let named = scenario.named_outputs();
        let kept = resolve::kept(&file, &arms, &named).map_err(|p| invalid(src, origin, p))?;
        let (canonical, hash) = hash::identity(&file).map_err(|e| ExperimentError::Unwritable {
            origin: origin.to_string(),
            position: None,
            message: format!("the resolved experiment cannot be written as TOML: {e}"),
        })?;
        let exp = Experiment {
            file,
            origin: origin.to_string(),
            scenario,
            base_table,
            written,
            dropped,
            named,
            axes,
            design,
            columns: kept.columns,
            column_index: kept.column_index,
            series: kept.series,
            outputs: kept.outputs,
            canonical,
            hash,
        };
        exp.check_bounds(src)?;
        exp.validate_points(src)?;
        exp.check_data_size(src)?;
        Ok(exp)
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

    /// The values of design point `p` as simulated, for `points.csv` and `runs.csv`. A share
    /// of a drive mix (`organisation.drive_mix.<drive>`, `organisation.hiring_mix.<drive>`) is
    /// recorded as the share the model ran with: the drive's weight divided by the sum of the
    /// mix's weights, unswept drives at their base values (a weight of 3.0 beside six drives
    /// summing to 0.8 is a share of 0.79). Every other axis is its design value.
    pub fn simulated_point(&self, p: usize) -> Vec<f64> {
        let point = &self.design.points[p];
        let mixes: Vec<Option<(bool, usize)>> =
            self.axes.iter().map(|a| mix_share(&a.key)).collect();
        if mixes.iter().all(Option::is_none) {
            return point.clone();
        }
        let Ok(s) = self.scenario_at(p) else {
            return point.clone();
        };
        let org = s.organisation.drive_mix.normalised();
        let hiring = s
            .organisation
            .hiring_mix
            .as_ref()
            .map_or(org, |m| m.normalised());
        mixes
            .iter()
            .zip(point)
            .map(|(m, &v)| match m {
                Some((false, d)) => org[*d],
                Some((true, d)) => hiring[*d],
                None => v,
            })
            .collect()
    }

    /// Whether each run's time series is journaled: for `timeseries.csv` (the per-point
    /// means) or `run_series.csv` (the runs' own rows), or both.
    pub fn keeps_series(&self) -> bool {
        self.file.timeseries || self.file.run_series
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

    /// Seed of the bootstrap resampling of the Sobol indices and of Morris μ*.
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

/// The file as written, parsed and checked on its own.
fn parse_file(src: &str, origin: &str) -> Result<ExperimentFile, ExperimentError> {
    if src.trim().is_empty() {
        return Err(ExperimentError::Syntax {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            message: "the file is empty: an experiment needs at least a name and a [sweep] with one axis (see experiments/README.md)".into(),
        });
    }
    let file: ExperimentFile =
        toml::from_str(src).map_err(|e| ExperimentError::from(syntax_error(src, origin, &e)))?;
    let problems = file.check();
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(invalid(src, origin, problems))
    }
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

    fn parse(src: &str) -> Result<Experiment, ExperimentError> {
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
        assert_eq!(s.arms[2].interventions[0].interval.get(), 10);
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

    /// The failure's position, key path in the file and allowed values.
    fn located(src: &str) -> ((usize, usize), String, String) {
        let e = parse(src).unwrap_err();
        let f = e.failures().first().unwrap_or_else(|| panic!("{e:?}"));
        (
            f.position.unwrap(),
            f.at.clone(),
            f.problem.expected.clone(),
        )
    }

    #[test]
    fn an_axis_over_an_unknown_key_is_located_at_its_key() {
        let src = GRID.replace("managers.role_model_mean", "managers.nope");
        let (pos, at, expected) = located(&src);
        assert_eq!((pos, at.as_str()), ((7, 7), "sweep.axes[0].key"));
        assert_eq!(expected, "a numeric parameter of the scenario");
    }

    #[test]
    fn a_bad_range_is_located_at_the_range() {
        let src = GRID.replace("from = 5, to = 20", "from = 20, to = 5");
        let (pos, at, expected) = located(&src);
        assert_eq!((pos, at.as_str()), ((11, 9), "sweep.axes[1].range"));
        assert_eq!(expected, "an increasing range with a positive step");
    }

    #[test]
    fn an_unknown_design_is_located_at_its_name_with_the_designs_allowed() {
        let e = parse(&GRID.replace("\"grid\"", "\"grod\"")).unwrap_err();
        assert_eq!(e.position(), Some((5, 10)), "{e}");
        assert!(
            e.to_string()
                .contains("`grid`, `list`, `lhs`, `sobol`, `morris`"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_design_point_is_located_at_the_value_that_makes_it() {
        let (pos, at, expected) = located(&GRID.replace("[0.2, 0.5]", "[0.2, 1.5]"));
        assert_eq!((pos, at.as_str()), ((8, 16), "sweep.axes[0].values[1]"));
        assert_eq!(expected, "a number strictly between 0 and 1");
    }

    #[test]
    fn a_base_file_that_cannot_be_read_is_located_at_base() {
        let e = parse(&format!("base = \"no/such.toml\"\n{GRID}")).unwrap_err();
        assert!(matches!(e, ExperimentError::BaseUnreadable { .. }), "{e:?}");
        assert_eq!(e.position(), Some((1, 8)));
        assert!(
            e.to_string()
                .starts_with("exp.toml:1:8: `base` = \"no/such.toml\": cannot read"),
            "{e}"
        );
    }

    #[test]
    fn no_failure_but_an_empty_file_is_put_at_line_1_column_1() {
        let lhs = GRID
            .replace("design = \"grid\"", "design = \"lhs\"\nsamples = 4")
            .replace("values = [0.2, 0.5]", "min = 0.2\nmax = 0.5")
            .replace(
                "range = { from = 5, to = 20, step = 5 }",
                "min = 5\nmax = 20",
            );
        let cases = [
            GRID.replace("replications = 2", "replications = 0"),
            GRID.replace("replications = 2", "replications = 2\nrecord_every = 0"),
            GRID.replace(
                "replications = 2",
                "replications = 2\nkeep_metrics = [\"x\"]",
            ),
            GRID.replace("design = \"grid\"", "design = \"list\""),
            format!("{GRID}\n[sensitivity]\nbootstrap = 10\n"),
            format!("{GRID}\n[scenario.managers]\nrole_model_mean = 3.0\n"),
            lhs.replace("max = 0.5", "max = 1.5"),
            lhs.replace("samples = 4", "samples = 9000000"),
        ];
        for src in cases {
            let e = parse(&src).unwrap_err();
            let pos = e.position();
            assert!(pos.is_some_and(|p| p != (1, 1)), "{pos:?}: {e}");
            assert!(e.failures().iter().all(|f| f.position.is_some()), "{e}");
        }
        let empty = parse("\n").unwrap_err();
        assert_eq!(empty.position(), Some((1, 1)));
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
