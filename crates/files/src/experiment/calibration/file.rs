//! Calibration files (`CALIBRATION.toml`): the format's types, and loading as a short
//! pipeline: the file's own keys, the base scenario (a path or an inline `[scenario]`,
//! resolved as sweeps resolve theirs), every parameter's key in the scenario's value tree and
//! its prior against the parameter's declared bounds, every target's arm, metric and day.
//! Every failure is an [`ExperimentError`] located in the file (line, column, key path,
//! allowed values), before any simulation.

use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Table;

use crate::calibration::target::{self, recorded_days, Statistic, When};
use crate::calibration::{Prior, Settings};
use crate::experiment::locate::closest;
use crate::experiment::scenario::{read_toml_text, syntax_error, Scenario, Toggle};
use crate::experiment::sweep::apply::{self, Seg, Target};
use crate::experiment::sweep::experiment::error::{invalid, ExperimentError, Pending};
use crate::experiment::sweep::experiment::fnv1a;
use crate::experiment::sweep::experiment::resolve::{load_base, unresolved, value_tree};
use crate::model::intervention_kinds::Kind as InterventionKind;
use crate::model::registry;
use crate::model::validate::{Check, GIVEN};

/// What a prior's end must be, in English and by its catalogue id.
const ACCEPTS: (&str, &str) = ("a value the scenario accepts", "scenario-accepts");

/// Most particles a population may have.
pub const MAX_POPULATION: usize = 100_000;

/// A prior's family, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriorKind {
    Uniform,
    LogUniform,
    Normal,
}

/// One `[[parameters]]` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterSpec {
    /// Dotted key path of a numeric scenario parameter, as in sweep axes.
    pub key: String,
    /// Column name in the outputs; the key when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub prior: PriorKind,
    /// uniform, log_uniform: the support; normal: optional truncation inside the declared
    /// bounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lo: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hi: Option<f64>,
    /// normal: mean and standard deviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<f64>,
}

/// One `[[targets]]` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSpec {
    /// Column name in the outputs; `arm.metric` (with `@day` or `@first-last`) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// An arm of the scenario (`baseline` for the baseline's figures).
    pub arm: String,
    /// A `durability.csv` or `timeseries.csv` metric.
    pub metric: String,
    /// Time-series metrics: the recorded day ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i64>,
    /// ... or the recorded days averaged over, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<[i64; 2]>,
    pub observed: f64,
    /// Standard error or tolerance: the distance counts (simulated − observed) / scale.
    pub scale: f64,
}

fn default_seed() -> u64 {
    42
}
fn default_replications() -> usize {
    2
}
fn default_quantile() -> f64 {
    0.5
}
fn default_max_generations() -> usize {
    10
}
fn default_max_simulations() -> usize {
    100_000
}
fn default_min_drop() -> f64 {
    0.01
}

/// A calibration file as written; after loading, [`Calibration::file`] holds its resolved
/// form (the base scenario inline and complete, every default filled in).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalibrationFile<S> {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Master seed: every proposal and simulation seed is keyed from it.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Particles per generation.
    pub population: usize,
    /// Replications per particle (their mean is the particle's statistic).
    #[serde(default = "default_replications")]
    pub replications: usize,
    /// Tolerance of the next generation: this quantile of the accepted distances.
    #[serde(default = "default_quantile")]
    pub quantile: f64,
    /// Stop once the tolerance is at or below this (0: only the other rules stop).
    #[serde(default)]
    pub final_tolerance: f64,
    #[serde(default = "default_max_generations")]
    pub max_generations: usize,
    /// Most simulations (particles' candidates over all generations).
    #[serde(default = "default_max_simulations")]
    pub max_simulations: usize,
    /// Stop when the tolerance fell by less than this share over two generations.
    #[serde(default = "default_min_drop")]
    pub min_drop: f64,
    /// Candidates simulated at once (default: the population). Never the thread count, so
    /// results do not depend on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<usize>,
    /// Recording interval of the time series (overrides the scenario's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_every: Option<i64>,
    pub parameters: Vec<ParameterSpec>,
    pub targets: Vec<TargetSpec>,
    /// The base scenario: a file path (relative to the calibration file, `"default"` for the
    /// embedded default) or an inline table; the embedded default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<S>,
}

/// A parameter ready to calibrate.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub key: String,
    pub target: Target,
    pub prior: Prior,
}

/// A target ready to compute.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedTarget {
    pub name: String,
    pub statistic: Statistic,
    pub observed: f64,
    pub scale: f64,
}

/// A loaded, fully validated calibration.
#[derive(Debug, Clone)]
pub struct Calibration {
    /// The resolved file; `calibration.toml` in the output directory is this.
    pub file: CalibrationFile<Scenario>,
    pub origin: String,
    /// The scenario each particle runs (the calibration's replications, no per-replication
    /// output).
    pub scenario: Scenario,
    /// The base scenario as given (its own replications), for `calibrated.toml`.
    pub base: Scenario,
    pub base_table: Table,
    pub parameters: Vec<Parameter>,
    pub targets: Vec<ResolvedTarget>,
    /// The resolved file as TOML text, and its FNV-1a hash (16 hex digits).
    pub canonical: String,
    pub hash: String,
}

impl Calibration {
    /// Reads, parses and validates a calibration file; a scenario path is relative to it.
    pub fn load(path: &Path) -> Result<Calibration, ExperimentError> {
        let (src, origin) = read_toml_text(path, "calibration")?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Calibration::parse(&src, &origin, dir)
    }

    /// Parses and validates calibration text.
    pub fn parse(src: &str, origin: &str, dir: &Path) -> Result<Calibration, ExperimentError> {
        if src.trim().is_empty() {
            return Err(ExperimentError::Syntax {
                origin: origin.to_string(),
                line: 1,
                column: 1,
                message: "the file is empty: a calibration needs a name, a population, [[parameters]] and [[targets]] (see docs/calibration.md)".into(),
            });
        }
        let syntax = |e: toml::de::Error| ExperimentError::from(syntax_error(src, origin, &e));
        // `scenario` is a path or a table: read the file with the one it is, so the parser
        // locates its own errors in either.
        let inline = matches!(
            src.parse::<Table>().map_err(syntax)?.get("scenario"),
            Some(toml::Value::Table(_))
        );
        let (head, base) = if inline {
            let f: CalibrationFile<Scenario> = toml::from_str(src).map_err(syntax)?;
            check_file(&f, src, origin)?;
            let s = f.scenario.clone();
            let s = match s {
                Some(s) => Scenario::finish_parsed(s, src, origin, "scenario.")?,
                None => Scenario::embedded_default(),
            };
            (f.map_scenario(()), s)
        } else {
            let f: CalibrationFile<String> = toml::from_str(src).map_err(syntax)?;
            check_file(&f, src, origin)?;
            let s = match f.scenario.as_deref() {
                None | Some("default") => Scenario::embedded_default(),
                Some(p) => load_base(p, &dir.join(p), src, origin)?.0,
            };
            (f.map_scenario(()), s)
        };
        let mut scenario = base.clone();
        scenario.seed = head.seed;
        scenario.replications = head.replications;
        if let Some(r) = head.record_every {
            scenario.record_every = r;
        }
        scenario.per_replication = Toggle::Off;
        scenario.employee_snapshots.clear();
        scenario.employee_snapshot_every = 0;
        scenario.teams = false;
        scenario.windows.clear();
        // Claims are judged on one run's replications, not per simulation of a calibration.
        scenario.claims.clear();
        let problems = scenario.problems();
        if !problems.is_empty() {
            return Err(invalid(
                src,
                origin,
                problems.into_iter().map(Pending::from).collect(),
            ));
        }
        let base_table = value_tree(&scenario, src, origin)?;
        let parameters =
            resolve_parameters(&head, &base_table).map_err(|p| invalid(src, origin, p))?;
        let targets = resolve_targets(&head, &scenario).map_err(|p| invalid(src, origin, p))?;
        let mut file = head.map_scenario(scenario.clone());
        file.record_every = None;
        file.batch = Some(file.batch.unwrap_or(file.population));
        let canonical = toml::to_string(&file).map_err(|e| ExperimentError::Unwritable {
            origin: origin.to_string(),
            position: None,
            message: format!("the resolved calibration cannot be written as TOML: {e}"),
        })?;
        let hash = format!("{:016x}", fnv1a(0, canonical.as_bytes()));
        Ok(Calibration {
            file,
            origin: origin.to_string(),
            scenario,
            base,
            base_table,
            parameters,
            targets,
            canonical,
            hash,
        })
    }

    /// The hash as a number, mixed into every journal line's checksum.
    pub fn hash_u64(&self) -> u64 {
        u64::from_str_radix(&self.hash, 16).unwrap_or(0)
    }

    /// The sampler's settings.
    pub fn settings(&self) -> Settings {
        let f = &self.file;
        let mut s = Settings::new(f.seed, f.population);
        s.quantile = f.quantile;
        s.final_tolerance = f.final_tolerance;
        s.max_generations = f.max_generations;
        s.max_simulations = f.max_simulations;
        s.min_drop = f.min_drop;
        s.batch = f.batch.unwrap_or(f.population);
        s
    }

    pub fn priors(&self) -> Vec<Prior> {
        self.parameters.iter().map(|p| p.prior).collect()
    }

    /// The scenario with `values` (one per parameter) set, or why it is not a valid one.
    pub fn scenario_with(&self, base: &Table, values: &[f64]) -> Result<Scenario, String> {
        let mut t = base.clone();
        for (p, &v) in self.parameters.iter().zip(values) {
            apply::set(&mut t, &p.target, v)?;
        }
        let s: Scenario = t
            .try_into()
            .map_err(|e: toml::de::Error| e.message().to_string())?;
        let problems = s.problems();
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("; "))
        }
    }
}

impl<S> CalibrationFile<S> {
    fn map_scenario<T>(&self, s: T) -> CalibrationFile<T> {
        CalibrationFile {
            name: self.name.clone(),
            description: self.description.clone(),
            seed: self.seed,
            population: self.population,
            replications: self.replications,
            quantile: self.quantile,
            final_tolerance: self.final_tolerance,
            max_generations: self.max_generations,
            max_simulations: self.max_simulations,
            min_drop: self.min_drop,
            batch: self.batch,
            record_every: self.record_every,
            parameters: self.parameters.clone(),
            targets: self.targets.clone(),
            scenario: Some(s),
        }
    }
}

/// The file's own settings.
fn check_file<S>(f: &CalibrationFile<S>, src: &str, origin: &str) -> Result<(), ExperimentError> {
    let mut c = Check::default();
    c.output_name("name", &f.name);
    c.range_usize("population", f.population, 2, MAX_POPULATION);
    c.range_usize("replications", f.replications, 1, 10_000);
    if !(f.quantile > 0.0 && f.quantile < 1.0) {
        c.fail_own(
            "quantile",
            f.quantile.to_string(),
            (
                "a number strictly between 0 and 1".into(),
                "0.5 halves the tolerance's sample each generation",
            ),
            "quantile",
            &[],
        );
    }
    if !(f.final_tolerance >= 0.0 && f.final_tolerance.is_finite()) {
        c.fail_own(
            "final_tolerance",
            f.final_tolerance.to_string(),
            ("a finite number >= 0".into(), ""),
            "finite-not-negative",
            &[],
        );
    }
    if !(0.0..1.0).contains(&f.min_drop) {
        c.fail_own(
            "min_drop",
            f.min_drop.to_string(),
            ("a number in [0, 1)".into(), ""),
            "min-drop",
            &[],
        );
    }
    c.range_usize("max_generations", f.max_generations, 1, 1000);
    c.range_usize(
        "max_simulations",
        f.max_simulations,
        f.population.max(1),
        usize::MAX / 2,
    );
    if let Some(b) = f.batch {
        c.range_usize("batch", b, 1, 1_000_000);
    }
    if let Some(r) = f.record_every {
        if r < 1 {
            c.fail_own(
                "record_every",
                r.to_string(),
                ("a whole number >= 1".into(), ""),
                "whole-at-least-one",
                &[],
            );
        }
    }
    if f.parameters.is_empty() {
        c.fail_own(
            "parameters",
            "none".into(),
            ("at least one [[parameters]] entry".into(), ""),
            "some-parameter",
            &[],
        );
        c.value_in_words("none", &[]);
    }
    if f.targets.is_empty() {
        c.fail_own(
            "targets",
            "none".into(),
            ("at least one [[targets]] entry".into(), ""),
            "some-target",
            &[],
        );
        c.value_in_words("none", &[]);
    }
    for (i, t) in f.targets.iter().enumerate() {
        if !t.observed.is_finite() {
            c.fail_own(
                &format!("targets[{i}].observed"),
                t.observed.to_string(),
                ("a finite number".into(), ""),
                "finite-number",
                &[],
            );
        }
        if !(t.scale > 0.0 && t.scale.is_finite()) {
            c.fail_own(
                &format!("targets[{i}].scale"),
                t.scale.to_string(),
                (
                    "a finite number > 0".into(),
                    "the standard error or tolerance the distance divides by",
                ),
                "target-scale",
                &[],
            );
        }
    }
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(invalid(
            src,
            origin,
            c.problems.into_iter().map(Pending::from).collect(),
        ))
    }
}

/// The key in the form the scenario's validation and the registry name it.
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

/// The declared bounds of a parameter: the parameter registry's, or an intervention
/// setting's; `(lo, hi, lo_open, hi_open, text)`.
fn declared_bounds(check_key: &str) -> (f64, f64, bool, bool, String) {
    if let Some(spec) = registry::find(check_key) {
        if let Some(b) = spec.bounds() {
            return (b.min, b.max, b.min_open, b.max_open, b.to_string());
        }
    }
    if check_key.starts_with("arms[") {
        let last = check_key.rsplit('.').next().unwrap_or("");
        for k in InterventionKind::ALL {
            if let Some(s) = k.def().settings().find(|s| s.key == last) {
                let (lo, hi) = s.bounds();
                let text = format!("[{lo}, {hi}]");
                return (lo, hi, false, false, text);
            }
        }
    }
    (
        f64::NEG_INFINITY,
        f64::INFINITY,
        false,
        false,
        "any number".into(),
    )
}

fn resolve_parameters<S>(
    f: &CalibrationFile<S>,
    base: &Table,
) -> Result<Vec<Parameter>, Vec<Pending>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, spec) in f.parameters.iter().enumerate() {
        let k = format!("parameters[{i}]");
        let target = match apply::resolve(base, &spec.key) {
            Ok(t) if t.integer => {
                problems.push(Pending::own(
                    &format!("{k}.key"),
                    format!("{:?}", spec.key),
                    (
                        "a continuous numeric parameter".into(),
                        "a whole-number parameter cannot be given a continuous prior",
                    ),
                    "continuous-parameter",
                    &[],
                ));
                continue;
            }
            Ok(t) => t,
            Err(why) => {
                problems.push(unresolved(&format!("{k}.key"), &spec.key, false, &why));
                continue;
            }
        };
        let ck = check_key(&target);
        if out.iter().any(|p: &Parameter| check_key(&p.target) == ck) {
            problems.push(Pending::own(
                &format!("{k}.key"),
                format!("{:?}", spec.key),
                ("a parameter no other [[parameters]] entry names".into(), ""),
                "parameter-unique",
                &[],
            ));
            continue;
        }
        let (blo, bhi, lo_open, hi_open, btext) = declared_bounds(&ck);
        let inside = |x: f64| {
            (if lo_open { x > blo } else { x >= blo }) && (if hi_open { x < bhi } else { x <= bhi })
        };
        let allowed = format!("within the declared bounds of `{ck}`, {btext}");
        let in_bounds = [("key", ck.clone()), ("bounds", btext.clone())];
        let mut local = Vec::new();
        let need = |name: &str, v: Option<f64>, local: &mut Vec<Pending>| -> f64 {
            match v {
                Some(x) if x.is_finite() => x,
                Some(x) => {
                    local.push(Pending::own(
                        &format!("{k}.{name}"),
                        x.to_string(),
                        ("a finite number".into(), ""),
                        "finite-number",
                        &[],
                    ));
                    f64::NAN
                }
                None => {
                    local.push(Pending::own(
                        &format!("{k}.prior"),
                        format!("\"{}\"", prior_name(spec.prior)),
                        (format!("a `{name}` key"), prior_keys(spec.prior)),
                        "prior-key-needed",
                        &[
                            ("name", name.to_string()),
                            ("prior", prior_name(spec.prior).to_string()),
                        ],
                    ));
                    f64::NAN
                }
            }
        };
        let refuse = |name: &str, present: bool, local: &mut Vec<Pending>| {
            if present {
                local.push(Pending::own(
                    &format!("{k}.{name}"),
                    GIVEN.into(),
                    (
                        format!("no `{name}` with prior = \"{}\"", prior_name(spec.prior)),
                        prior_keys(spec.prior),
                    ),
                    "prior-key-not-here",
                    &[
                        ("name", name.to_string()),
                        ("prior", prior_name(spec.prior).to_string()),
                    ],
                ));
            }
        };
        let prior = match spec.prior {
            PriorKind::Uniform | PriorKind::LogUniform => {
                let lo = need("lo", spec.lo, &mut local);
                let hi = need("hi", spec.hi, &mut local);
                refuse("mean", spec.mean.is_some(), &mut local);
                refuse("sd", spec.sd.is_some(), &mut local);
                if local.is_empty() && lo >= hi {
                    local.push(Pending::own(
                        &format!("{k}.hi"),
                        format!("lo = {lo}, hi = {hi}"),
                        ("hi > lo".into(), ""),
                        "hi-above-lo",
                        &[],
                    ));
                }
                if local.is_empty() && spec.prior == PriorKind::LogUniform && lo <= 0.0 {
                    local.push(Pending::own(
                        &format!("{k}.lo"),
                        lo.to_string(),
                        (
                            "a number > 0".into(),
                            "a log-uniform prior needs positive bounds",
                        ),
                        "log-uniform-positive",
                        &[],
                    ));
                }
                for (name, v) in [("lo", lo), ("hi", hi)] {
                    if local.is_empty() && !inside(v) {
                        local.push(Pending::own(
                            &format!("{k}.{name}"),
                            v.to_string(),
                            (
                                allowed.clone(),
                                "a prior must lie inside the parameter's declared bounds",
                            ),
                            "prior-in-bounds",
                            &in_bounds,
                        ));
                    }
                }
                if spec.prior == PriorKind::Uniform {
                    Prior::Uniform { lo, hi }
                } else {
                    Prior::LogUniform { lo, hi }
                }
            }
            PriorKind::Normal => {
                let mean = need("mean", spec.mean, &mut local);
                let sd = need("sd", spec.sd, &mut local);
                if local.is_empty() && sd <= 0.0 {
                    local.push(Pending::own(
                        &format!("{k}.sd"),
                        sd.to_string(),
                        ("a number > 0".into(), ""),
                        "above-zero",
                        &[],
                    ));
                }
                let lo = spec.lo.unwrap_or(blo);
                let hi = spec.hi.unwrap_or(bhi);
                for (name, v, given) in
                    [("lo", lo, spec.lo.is_some()), ("hi", hi, spec.hi.is_some())]
                {
                    if given && (!v.is_finite() || !inside(v)) {
                        local.push(Pending::own(
                            &format!("{k}.{name}"),
                            v.to_string(),
                            (
                                allowed.clone(),
                                "the truncation must lie inside the parameter's declared bounds",
                            ),
                            "truncation-in-bounds",
                            &in_bounds,
                        ));
                    }
                }
                if local.is_empty() && lo >= hi {
                    local.push(Pending::own(
                        &format!("{k}.hi"),
                        format!("lo = {lo}, hi = {hi}"),
                        ("hi > lo".into(), ""),
                        "hi-above-lo",
                        &[],
                    ));
                }
                if local.is_empty() && !(mean >= lo && mean <= hi) {
                    local.push(Pending::own(
                        &format!("{k}.mean"),
                        mean.to_string(),
                        (
                            format!("inside the prior's support [{lo}, {hi}] ({allowed})"),
                            "the normal prior is truncated to the declared bounds",
                        ),
                        "mean-in-support",
                        &[
                            ("lo", lo.to_string()),
                            ("hi", hi.to_string()),
                            ("key", ck.clone()),
                            ("bounds", btext.clone()),
                        ],
                    ));
                }
                Prior::Normal { mean, sd, lo, hi }
            }
        };
        // The support's ends through the scenario's own checks (scenario-dependent limits:
        // an interval within the horizon, cross-field rules).
        if local.is_empty() {
            let (lo, hi) = prior.support();
            for (name, v) in [("lo", lo), ("hi", hi)] {
                if !v.is_finite() || !inside(v) {
                    continue;
                }
                let at =
                    if spec.prior == PriorKind::Normal && spec.lo.is_none() && spec.hi.is_none() {
                        format!("{k}.mean")
                    } else {
                        format!("{k}.{name}")
                    };
                let mut t = base.clone();
                let refused = match apply::set(&mut t, &target, v) {
                    Err(e) => Some(Pending::unset(&at, v.to_string(), ACCEPTS, &e)),
                    Ok(()) => match t.try_into::<Scenario>() {
                        Err(e) => Some(Pending::mistyped(&at, v.to_string(), ACCEPTS, &e)),
                        Ok(s) => {
                            let p = s.problems();
                            (!p.is_empty()).then(|| {
                                let why = p
                                    .iter()
                                    .map(|x| x.to_string())
                                    .collect::<Vec<_>>()
                                    .join("; ");
                                Pending::own(
                                    &at,
                                    v.to_string(),
                                    (ACCEPTS.0.into(), &why),
                                    ACCEPTS.1,
                                    &[],
                                )
                                .because(p)
                            })
                        }
                    },
                };
                local.extend(refused);
            }
        }
        if local.is_empty() {
            out.push(Parameter {
                name: spec.name.clone().unwrap_or_else(|| spec.key.clone()),
                key: spec.key.clone(),
                target,
                prior,
            });
        } else {
            problems.extend(local);
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn prior_name(p: PriorKind) -> &'static str {
    match p {
        PriorKind::Uniform => "uniform",
        PriorKind::LogUniform => "log_uniform",
        PriorKind::Normal => "normal",
    }
}

fn prior_keys(p: PriorKind) -> &'static str {
    match p {
        PriorKind::Uniform => "uniform takes `lo` and `hi`",
        PriorKind::LogUniform => "log_uniform takes `lo` and `hi` (both > 0)",
        PriorKind::Normal => {
            "normal takes `mean` and `sd` (and optionally `lo`, `hi` inside the declared bounds)"
        }
    }
}

fn resolve_targets<S>(
    f: &CalibrationFile<S>,
    s: &Scenario,
) -> Result<Vec<ResolvedTarget>, Vec<Pending>> {
    let arms: Vec<&str> = s.arms.iter().map(|a| a.name.as_str()).collect();
    let days = recorded_days(s.horizon_days, s.record_every);
    let named = s.named_outputs();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, t) in f.targets.iter().enumerate() {
        let k = format!("targets[{i}]");
        let Some(arm) = arms.iter().position(|a| *a == t.arm) else {
            let suggest = closest(&t.arm, arms.iter().copied());
            let hint = match suggest {
                Some(c) => format!("did you mean `{c}`?"),
                None => String::new(),
            };
            let list = arms
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            problems.push(Pending::own(
                &format!("{k}.arm"),
                format!("{:?}", t.arm),
                (format!("an arm of the scenario: {list}"), &hint),
                "target-arm",
                &[
                    ("arms", list.clone()),
                    ("suggest", suggest.unwrap_or("none").to_string()),
                ],
            ));
            continue;
        };
        let when = match (t.day, t.window) {
            (Some(_), Some(_)) => {
                problems.push(
                    Pending::own(
                        &format!("{k}.window"),
                        "given with `day`".into(),
                        ("either `day` or `window`, not both".into(), ""),
                        "day-or-window",
                        &[],
                    )
                    .value_words("given-with", &[("key", "day".into())]),
                );
                continue;
            }
            (Some(d), None) => {
                if !days.contains(&d) {
                    problems.push(Pending::own(
                        &format!("{k}.day"),
                        d.to_string(),
                        (
                            format!(
                                "a recorded day in [0, {}]: a multiple of record_every = {} or the last day {}",
                                s.horizon_days - 1,
                                s.record_every,
                                s.horizon_days - 1
                            ),
                            "the horizon is horizon_days recorded days from day 0",
                        ),
                        "recorded-day",
                        &[
                            ("last", (s.horizon_days - 1).to_string()),
                            ("every", s.record_every.to_string()),
                        ],
                    ));
                    continue;
                }
                Some(When::Day(d))
            }
            (None, Some([a, b])) => {
                if a < 0 || b < a || b >= s.horizon_days {
                    problems.push(Pending::own(
                        &format!("{k}.window"),
                        format!("[{a}, {b}]"),
                        (
                            format!(
                                "[first, last] with 0 <= first <= last <= {} (the horizon's last day)",
                                s.horizon_days - 1
                            ),
                            "",
                        ),
                        "window-days",
                        &[("last", (s.horizon_days - 1).to_string())],
                    ));
                    continue;
                }
                if !days.iter().any(|d| (a..=b).contains(d)) {
                    problems.push(Pending::own(
                        &format!("{k}.window"),
                        format!("[{a}, {b}]"),
                        (
                            format!(
                                "a window holding at least one recorded day (every {} days)",
                                s.record_every
                            ),
                            "",
                        ),
                        "window-recorded",
                        &[("every", s.record_every.to_string())],
                    ));
                    continue;
                }
                Some(When::Window(a, b))
            }
            (None, None) => None,
        };
        let source = match target::resolve_said(&t.metric, arm, when, &named) {
            Ok(src) => src,
            Err(e) => {
                problems.push(Pending::own(
                    &format!("{k}.metric"),
                    format!("{:?}", t.metric),
                    (
                        if arm == 0 {
                            "a timeseries.csv metric or a baseline figure of durability.csv"
                        } else {
                            "a timeseries.csv metric or gain, or a durability.csv statistic"
                        }
                        .into(),
                        &e.text,
                    ),
                    "target-metric",
                    &[
                        ("arm", if arm == 0 { "baseline" } else { "other" }.into()),
                        ("why", e.why.into()),
                        ("metric", t.metric.clone()),
                        ("suggest", e.suggest.unwrap_or("none").into()),
                    ],
                ));
                continue;
            }
        };
        let suffix = match when {
            Some(When::Day(d)) => format!("@{d}"),
            Some(When::Window(a, b)) => format!("@{a}-{b}"),
            None => String::new(),
        };
        out.push(ResolvedTarget {
            name: t
                .name
                .clone()
                .unwrap_or_else(|| format!("{}.{}{suffix}", t.arm, t.metric)),
            statistic: Statistic { arm, source },
            observed: t.observed,
            scale: t.scale,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INLINE: &str = r#"
name = "c"
population = 10
[[parameters]]
key = "organisation.facilities"
prior = "normal"
mean = 0.6
sd = 0.5
[[parameters]]
key = "arms.coaching.interventions.0.intensity"
prior = "log_uniform"
lo = 0.5
hi = 2.0
[[targets]]
arm = "coaching"
metric = "gain_B"
window = [0, 100]
observed = 0.1
scale = 0.01
[[targets]]
arm = "baseline"
metric = "drift_nps"
observed = 0.0
scale = 1.0
[scenario]
horizon_days = 200
burn_in_days = 50
[scenario.organisation]
employees = 40
[[scenario.arms]]
name = "coaching"
[[scenario.arms.interventions]]
kind = "coaching"
start = 10
duration = 50
"#;

    fn parse(src: &str) -> Result<Calibration, ExperimentError> {
        Calibration::parse(src, "c.toml", Path::new("."))
    }

    #[test]
    fn an_inline_scenario_and_priors_truncated_to_the_declared_bounds() {
        let c = parse(INLINE).unwrap();
        assert_eq!(c.scenario.organisation.employees, 40);
        assert_eq!(c.scenario.replications, 2);
        // The normal prior is truncated to facilities' declared bounds, [0, 1].
        assert_eq!(
            c.parameters[0].prior,
            Prior::Normal {
                mean: 0.6,
                sd: 0.5,
                lo: 0.0,
                hi: 1.0
            }
        );
        assert_eq!(c.targets[0].name, "coaching.gain_B@0-100");
        assert_eq!(c.targets[0].statistic.arm, 1);
        // The resolved file loads to the same calibration.
        let again = parse(&c.canonical).unwrap();
        assert_eq!(
            (again.canonical, again.hash),
            (c.canonical.clone(), c.hash.clone())
        );
        // Parameters set by key path into the scenario.
        let s = c.scenario_with(&c.base_table, &[0.3, 1.5]).unwrap();
        assert_eq!(s.organisation.facilities, 0.3);
        assert_eq!(s.arms[1].interventions[0].intensity, 1.5);
    }

    #[test]
    fn an_intervention_setting_prior_is_checked_against_the_settings_bounds() {
        let e = parse(&INLINE.replace("hi = 2.0", "hi = 20.0")).unwrap_err();
        let f = &e.failures()[0];
        assert_eq!(f.at, "parameters[1].hi");
        assert!(f.problem.expected.contains("intensity"), "{e}");
        assert_eq!(f.position, Some((13, 6)));
    }

    #[test]
    fn a_scale_or_window_that_cannot_be_used_is_located() {
        let e = parse(&INLINE.replace("window = [0, 100]", "window = [150, 250]")).unwrap_err();
        assert_eq!(e.failures()[0].at, "targets[0].window");
        assert!(e.to_string().contains("199"), "{e}");
        let e = parse(&INLINE.replace("scale = 1.0", "scale = -1.0")).unwrap_err();
        assert_eq!(e.failures()[0].at, "targets[1].scale");
    }
}
