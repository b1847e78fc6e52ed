//! Scenario files: TOML, every key optional with a documented default, unknown keys refused.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::budget;
use super::claims::{self, Claim};
use super::locate::{
    did_you_mean, key_path_at, line_col, locate, plain_type_message, written_paths,
};
use super::replication::RunSettings;
use crate::metrics::outputs::{self, NamedOutput, OutputSpec};
use crate::metrics::registry::{ArmSummary, BaselineMetric, DurabilityMetric};
use crate::model::days::Days;
use crate::model::drives::DriveTable;
use crate::model::interventions::{check_arm, ArmPlan, InterventionSpec};
use crate::model::params::{
    BehaviourParams, CustomerParams, EconomicsParams, InterventionEffects, ManagerParams,
    OrganisationParams, Params, RuleBreakParams, StateParams, MAX_EMPLOYEES, MAX_TEAM_SIZE,
};
use crate::model::presets::{self, Maturity, Sector};
use crate::model::validate::{Check, Expected, Problem};

/// The embedded default comparison, run when `run` gets no file.
pub const DEFAULT_SCENARIO: &str = include_str!("../../../../experiments/default.toml");

/// Whether to write the per-replication time series. Read from `"auto"`, `"on"`, `"off"`
/// or, because that is what people write for a yes/no setting, `true` / `false`; always
/// written back as one of the three words, so a file's identity does not depend on which
/// spelling its author chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Toggle {
    /// On when the file stays small (at most [`AUTO_ROWS`] rows).
    #[default]
    Auto,
    On,
    Off,
}

impl<'de> Deserialize<'de> for Toggle {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Words;
        impl serde::de::Visitor<'_> for Words {
            type Value = Toggle;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`auto`, `on`, `off`, true or false")
            }
            fn visit_bool<E: serde::de::Error>(self, on: bool) -> Result<Toggle, E> {
                Ok(if on { Toggle::On } else { Toggle::Off })
            }
            fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<Toggle, E> {
                match word {
                    "auto" => Ok(Toggle::Auto),
                    "on" => Ok(Toggle::On),
                    "off" => Ok(Toggle::Off),
                    _ => Err(E::unknown_variant(word, &["auto", "on", "off"])),
                }
            }
        }
        d.deserialize_any(Words)
    }
}

/// Row limit under which `per_replication = "auto"` writes the per-replication file.
pub const AUTO_ROWS: usize = 2_000_000;

/// The description of the baseline arm added when a scenario has none: the tool's words,
/// which reports show in the reader's language.
pub const ADDED_BASELINE_DESCRIPTION: &str = "no intervention";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArmSpec {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub interventions: Vec<InterventionSpec>,
}

/// Writes a struct whose fields are `head`, then the parameter sections (listed once, in
/// [`crate::with_param_sections`]), then `tail`, each head and tail field with its default;
/// plus its `Default` (sections at their defaults) and `params` / `set_params`, which copy
/// the sections out of and back into it.
macro_rules! scenario_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$hmeta:meta])* pub $hfield:ident : $hty:ty = $hdefault:expr, )*
            ..sections..
            $( $(#[$tmeta:meta])* pub $tfield:ident : $tty:ty = $tdefault:expr, )*
        }
        sections { $($section:ident : $sty:ident),* $(,)? }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$hmeta])* pub $hfield: $hty, )*
            $( #[serde(skip_serializing_if = "unwritten")] pub $section: $sty, )*
            $( $(#[$tmeta])* pub $tfield: $tty, )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name {
                    $( $hfield: $hdefault, )*
                    $( $section: <$sty>::default(), )*
                    $( $tfield: $tdefault, )*
                }
            }
        }

        impl $name {
            /// The model parameters: the scenario's sections.
            pub fn params(&self) -> Params {
                Params { $( $section: self.$section.clone(), )* }
            }

            /// Writes the model parameters back into the scenario's sections.
            pub fn set_params(&mut self, p: Params) {
                $( self.$section = p.$section; )*
            }
        }
    };
}

/// Whether a section is left out when a scenario is written back (a manifest, an
/// experiment's canonical text): only an `[economics]` that gives no value, so that a
/// scenario without one reads, and hashes, as it did before the section existed.
trait Unwritten {
    fn unwritten(&self) -> bool {
        false
    }
}

impl Unwritten for OrganisationParams {}
impl Unwritten for DriveTable {}
impl Unwritten for BehaviourParams {}
impl Unwritten for StateParams {}
impl Unwritten for ManagerParams {}
impl Unwritten for CustomerParams {}
impl Unwritten for RuleBreakParams {}
impl Unwritten for InterventionEffects {}
impl Unwritten for EconomicsParams {
    fn unwritten(&self) -> bool {
        *self == EconomicsParams::default()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(x: &i64) -> bool {
    *x == 0
}

fn unwritten<T: Unwritten>(section: &T) -> bool {
    section.unwritten()
}

undercurrent_model::with_param_sections!(scenario_struct! {
    /// A scenario as written in a file; every field has a default.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct Scenario {
        pub name: String = "scenario".into(),
        pub description: String = String::new(),
        /// Master seed; replication r uses a seed derived from (seed, r).
        pub seed: u64 = 42,
        pub replications: usize = 20,
        /// Recorded working days (250 = one year).
        pub horizon_days: i64 = 750,
        /// Unrecorded days before day 0 that bring the baseline to its steady state.
        pub burn_in_days: i64 = 500,
        /// Record the full metric set every this many days (and on the last day).
        pub record_every: i64 = 5,
        pub per_replication: Toggle = Toggle::Auto,
        /// Days on which every employee's state is written to `employees.csv`.
        pub employee_snapshots: Vec<i64> = Vec::new(),
        /// Also every this many days from day 0 (1 = a daily snapshot); 0 = only the listed
        /// days. Not written back when 0, so older scenario files keep their identity.
        #[serde(skip_serializing_if = "is_zero")]
        pub employee_snapshot_every: i64 = 0,
        /// Write `teams.csv`: every team's state means, recognition, manager's role-model
        /// level, customers and rule breaks on every recorded day, per arm and replication
        /// (what organisations report per business unit). Not written back when off, so
        /// older scenario files keep their identity.
        #[serde(skip_serializing_if = "is_false")]
        pub teams: bool = false,
        /// Day ranges `[first, last]` (recorded days, both included) over which
        /// `windows.csv` summarises every metric: per replication its mean over the window's
        /// recorded days, then across replications, for every arm and as the paired
        /// difference from the baseline. For figures such as "rule breaks in days 100-300"
        /// that would otherwise be read off `timeseries.csv` by hand. Not written back when
        /// empty, so older scenario files keep their identity.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub windows: Vec<[i64; 2]> = Vec::new(),
        /// Named outputs (`[metrics.B_day_200] of = "B", at = 200`): a metric or its paired
        /// gain at a day, over a window, or the first day it crosses a threshold; summarised
        /// per arm in `outputs.csv`, kept as sweep columns (see [`crate::metrics::outputs`]).
        /// Not written back when empty, so older scenario files keep their identity.
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        pub metrics: BTreeMap<String, OutputSpec> = BTreeMap::new(),
        /// Sector preset: fills the organisation's shape, drive mix, turnover, facilities and
        /// leadership where the file does not set them (`docs/model.md`, presets).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub sector: Option<Sector> = None,
        /// Maturity-phase preset (ignore, initiate, mobilise, transform), applied after the sector.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub maturity: Option<Maturity> = None,
        ..sections..
        /// Arms in output order; a `baseline` arm without interventions is added first when absent.
        pub arms: Vec<ArmSpec> = Vec::new(),
        /// What a source says, as checks on this run's statistics (`claims.csv`, and a
        /// section of the report): see [`super::claims`]. Not written back when empty, so
        /// older scenario files keep their identity.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub claims: Vec<Claim> = Vec::new(),
    }
});

/// A problem with a scenario file, located in it.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", format_syntax(origin, *line, *column, message))]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", format_invalid(origin, problems))]
    Invalid {
        origin: String,
        problems: Vec<Located>,
    },
}

/// A semantic problem and where its key stands in the file (if it is written there).
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub problem: Problem,
    pub position: Option<(usize, usize)>,
}

fn format_syntax(origin: &str, line: usize, column: usize, message: &str) -> String {
    format!("{origin}:{line}:{column}: {message}")
}

fn format_invalid(origin: &str, problems: &[Located]) -> String {
    let mut s = String::new();
    for (i, l) in problems.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        match l.position {
            Some((line, col)) => s.push_str(&format!("{origin}:{line}:{col}: {}", l.problem)),
            None => s.push_str(&format!("{origin}: {}", l.problem)),
        }
    }
    s
}

/// Rewrites `arms[k]…` from the arm order after the baseline moved first to the file's order.
fn file_arm_key(key: &str, file_index: &[Option<usize>]) -> String {
    let Some(rest) = key.strip_prefix("arms[") else {
        return key.to_string();
    };
    let Some((k, tail)) = rest.split_once(']') else {
        return key.to_string();
    };
    match k
        .parse::<usize>()
        .ok()
        .and_then(|k| file_index.get(k).copied().flatten())
    {
        Some(f) => format!("arms[{f}]{tail}"),
        None => key.to_string(),
    }
}

/// A parser error located in the file, with the key it concerns when it concerns one.
pub fn syntax_error(src: &str, origin: &str, e: &toml::de::Error) -> ScenarioError {
    let offset = e.span().map(|r| r.start);
    let (line, column) = offset.map(|o| line_col(src, o)).unwrap_or((1, 1));
    let mut message = did_you_mean(&plain_type_message(e.message()));
    if let Some(key) = offset.and_then(|o| key_path_at(src, o)) {
        if !message.starts_with("unknown field") {
            message = format!("`{key}`: {message}");
        }
    }
    ScenarioError::Syntax {
        origin: origin.to_string(),
        line,
        column,
        message,
    }
}

/// Reads a TOML file as text: `(text, origin for messages)`. Bytes that are not UTF-8 are
/// reported at their line and column, naming the kind of file that was expected.
pub fn read_toml_text(path: &Path, kind: &str) -> Result<(String, String), ScenarioError> {
    let bytes = std::fs::read(path).map_err(|source| ScenarioError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let origin = path.display().to_string();
    let src = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col_bytes(e.as_bytes(), e.utf8_error().valid_up_to());
        ScenarioError::Syntax {
            origin: origin.clone(),
            line,
            column,
            message: format!("the file is not valid UTF-8 text (is it a TOML {kind} file?)"),
        }
    })?;
    Ok((src, origin))
}

impl Scenario {
    /// Reads, parses and validates a scenario file.
    pub fn load(path: &Path) -> Result<Scenario, ScenarioError> {
        let (src, origin) = read_toml_text(path, "scenario")?;
        Scenario::parse(&src, &origin)
    }

    /// The embedded default comparison.
    pub fn embedded_default() -> Scenario {
        match Scenario::parse(DEFAULT_SCENARIO, "<embedded default>") {
            Ok(s) => s,
            // The embedded file is checked by a test; reaching this is a build defect.
            Err(e) => unreachable!("embedded default scenario is invalid: {e}"),
        }
    }

    /// Parses and validates scenario text; `origin` names it in messages.
    pub fn parse(src: &str, origin: &str) -> Result<Scenario, ScenarioError> {
        if src.trim().is_empty() {
            return Err(ScenarioError::Syntax {
                origin: origin.to_string(),
                line: 1,
                column: 1,
                message: "the file is empty: a scenario needs at least a name and one arm (see experiments/default.toml, or run without a file for the embedded default)".into(),
            });
        }
        let s: Scenario = toml::from_str(src).map_err(|e| syntax_error(src, origin, &e))?;
        Scenario::finish_parsed(s, src, origin, "")
    }

    /// Completes a scenario deserialized from `src` (baseline arm first) and validates it.
    /// `prefix` is the key path of the scenario inside `src` (`"scenario."` for a scenario
    /// written inline in an experiment file, `""` for a scenario file), so that problems are
    /// located where the user wrote them.
    pub fn finish_parsed(
        mut s: Scenario,
        src: &str,
        origin: &str,
        prefix: &str,
    ) -> Result<Scenario, ScenarioError> {
        if s.sector.is_some() || s.maturity.is_some() {
            let mut p = s.params();
            let written = written_paths(src);
            presets::apply(&mut p, s.sector, s.maturity, |key| {
                written.contains(&format!("{prefix}{key}"))
            });
            s.set_params(p);
        }
        // Where each arm (after the baseline moves first) stands in the file, so that a
        // problem with `arms[k]` is reported at, and named by, the file's own index.
        let file_index = s.baseline_first();
        let problems = s.problems();
        if problems.is_empty() {
            Ok(s)
        } else {
            let problems = problems
                .into_iter()
                .map(|mut problem| {
                    problem.key = format!("{prefix}{}", file_arm_key(&problem.key, &file_index));
                    let position = locate(src, &problem.key).map(|off| line_col(src, off));
                    Located { problem, position }
                })
                .collect();
            Err(ScenarioError::Invalid {
                origin: origin.to_string(),
                problems,
            })
        }
    }

    /// Adds a `baseline` arm without interventions when there is none, and moves the
    /// baseline to the front: every comparison is against arm 0. Returns, for each arm in
    /// the new order, its index as written (`None` for an added baseline).
    pub fn baseline_first(&mut self) -> Vec<Option<usize>> {
        let mut file_index: Vec<Option<usize>> = (0..self.arms.len()).map(Some).collect();
        if let Some(i) = self.arms.iter().position(|a| a.name == "baseline") {
            let b = self.arms.remove(i);
            self.arms.insert(0, b);
            let f = file_index.remove(i);
            file_index.insert(0, f);
        } else {
            self.arms.insert(
                0,
                ArmSpec {
                    name: "baseline".into(),
                    description: ADDED_BASELINE_DESCRIPTION.into(),
                    interventions: Vec::new(),
                },
            );
            file_index.insert(0, None);
        }
        file_index
    }

    /// Every semantic problem of the scenario (empty when it is valid). Public so that a
    /// scenario built in code (a sweep's design point) passes exactly the checks a file does.
    pub fn problems(&self) -> Vec<Problem> {
        let mut c = Check::default();
        self.check(&mut c);
        c.problems
    }

    /// The scenario as TOML for a person to read (`run --print-scenario`): the canonical
    /// text, with the working days of every day field written as text as a comment beside
    /// it (`start = "6 months"  # 125 working days`, the comment as `note` words it in the
    /// reader's language). Fields written as a number of days are left as they are. A
    /// manifest stores the text without comments.
    pub fn annotated_toml(&self, note: impl Fn(i64) -> String) -> Result<String, toml::ser::Error> {
        let text = toml::to_string(self)?;
        let mut out = String::with_capacity(text.len());
        let mut in_intervention = false;
        for line in text.lines() {
            out.push_str(line);
            if line.starts_with('[') {
                in_intervention = line.trim() == "[[arms.interventions]]";
            } else if in_intervention {
                if let Some(days) = written_days(line) {
                    out.push_str(&format!("  # {}", note(days)));
                }
            }
            out.push('\n');
        }
        Ok(out)
    }

    /// Applies the scenario's presets afresh, as if its file had named its current `sector`
    /// and `maturity` from the start: every parameter that the presets `before` (the ones
    /// already applied) or the current ones fill, and that `written` does not name, goes back
    /// to its default and is then filled by the current presets. A sweep over sectors uses
    /// this, so that a point's "transport" is the transport a scenario file would get, not
    /// transport on top of the base's retail.
    pub fn reapply_presets(
        &mut self,
        before: (Option<Sector>, Option<Maturity>),
        written: impl Fn(&str) -> bool,
    ) {
        let mut p = self.params();
        let defaults = Params::default();
        let keys = [
            before.0.map(Sector::values),
            before.1.map(Maturity::values),
            self.sector.map(Sector::values),
            self.maturity.map(Maturity::values),
        ];
        for (key, _) in keys.into_iter().flatten().flatten() {
            if written(key) {
                continue;
            }
            if let Some(spec) = crate::model::registry::find(key) {
                (spec.set)(&mut p, (spec.get)(&defaults));
            }
        }
        presets::apply(&mut p, self.sector, self.maturity, &written);
        self.set_params(p);
    }

    /// The scenario's named outputs (`[metrics]`), resolved, in name order (checked when the
    /// scenario was).
    pub fn named_outputs(&self) -> Vec<NamedOutput> {
        self.resolve_outputs(&mut Check::default())
    }

    fn resolve_outputs(&self, c: &mut Check) -> Vec<NamedOutput> {
        let every = self.record_every.max(1);
        let last = self.horizon_days - 1;
        let taken: Vec<&str> = ArmSummary::NAMES
            .iter()
            .chain(DurabilityMetric::NAMES.iter())
            .chain(BaselineMetric::NAMES.iter())
            .copied()
            .collect();
        outputs::resolve(
            &self.metrics,
            self.horizon_days,
            |d| d % every == 0 || d == last,
            &taken,
            |of| {
                let names = outputs::source_names();
                super::locate::closest(of, names.iter().map(String::as_str)).map(str::to_string)
            },
            c,
        )
    }

    /// The days every employee is written on: the listed `employee_snapshots` and every
    /// `employee_snapshot_every`-th day, in order, each once.
    pub fn snapshot_days(&self) -> Vec<i64> {
        let mut days = self.employee_snapshots.clone();
        if self.employee_snapshot_every > 0 {
            days.extend((0..self.horizon_days).step_by(self.employee_snapshot_every as usize));
        }
        days.sort_unstable();
        days.dedup();
        days
    }

    /// Whether the run writes `employees.csv`.
    pub fn has_snapshots(&self) -> bool {
        !self.employee_snapshots.is_empty() || self.employee_snapshot_every > 0
    }

    /// Horizon, burn-in, recording interval and snapshot days of a replication.
    pub fn run_settings(&self) -> RunSettings {
        RunSettings {
            horizon: self.horizon_days,
            burn_in: self.burn_in_days,
            record_every: self.record_every,
            snapshot_days: self.snapshot_days(),
            teams: self.teams,
        }
    }

    pub fn n_teams(&self) -> usize {
        // Arithmetic rather than `team_sizes(..).len()`: validation calls this before the
        // organisation's size is known to be sane.
        self.organisation
            .employees
            .div_ceil(self.organisation.team_size.max(1))
    }

    /// The arms' interventions resolved to days and teams, baseline first.
    pub fn plans(&self) -> Vec<ArmPlan> {
        let n = self.n_teams();
        self.arms
            .iter()
            .map(|a| ArmPlan::resolve(&a.interventions, n))
            .collect()
    }

    fn check(&self, c: &mut Check) {
        self.params().check(c);
        c.range_usize("replications", self.replications, 1, 1_000_000);
        // Days are checked against the horizon only once it is valid itself: a refused
        // horizon (its own problem) would refuse every day with it, in words that vanish
        // once it is mended.
        let horizon_known = (1..=100_000).contains(&self.horizon_days);
        if !horizon_known {
            c.fail_own(
                "horizon_days",
                self.horizon_days.to_string(),
                ("a whole number of days in [1, 100000]".into(), ""),
                "whole-days-in",
                &[("lo", "1".into()), ("hi", "100000".into())],
            );
        }
        if !(0..=100_000).contains(&self.burn_in_days) {
            c.fail_own(
                "burn_in_days",
                self.burn_in_days.to_string(),
                ("a whole number of days in [0, 100000]".into(), ""),
                "whole-days-in",
                &[("lo", "0".into()), ("hi", "100000".into())],
            );
        }
        if horizon_known && !(1..=self.horizon_days).contains(&self.record_every) {
            c.fail_own(
                "record_every",
                self.record_every.to_string(),
                (
                    format!(
                        "a whole number of days in [1, {}] (horizon_days)",
                        self.horizon_days.max(1)
                    ),
                    "",
                ),
                "record-every",
                &[("hi", self.horizon_days.max(1).to_string())],
            );
        }
        self.resolve_outputs(c);
        if horizon_known
            && (self.employee_snapshot_every < 0
                || self.employee_snapshot_every > self.horizon_days)
        {
            c.fail_own(
                "employee_snapshot_every",
                self.employee_snapshot_every.to_string(),
                (
                    format!(
                        "a whole number of days in [0, {}] (horizon_days; 0 = only the listed days)",
                        self.horizon_days.max(0)
                    ),
                    "",
                ),
                "snapshot-every",
                &[("hi", self.horizon_days.max(0).to_string())],
            );
        }
        if let Some(d) = self
            .employee_snapshots
            .iter()
            .find(|&&d| horizon_known && (d < 0 || d >= self.horizon_days))
        {
            c.fail_own(
                "employee_snapshots",
                d.to_string(),
                (
                    format!("days in [0, {})", self.horizon_days),
                    "snapshot days must lie inside the recorded horizon",
                ),
                "snapshot-days",
                &[("horizon", self.horizon_days.to_string())],
            );
        }
        for (i, &[first, last]) in self.windows.iter().enumerate() {
            let recorded = (first..=last)
                .any(|d| d % self.record_every.max(1) == 0 || d == self.horizon_days - 1);
            if horizon_known
                && (first < 0 || last >= self.horizon_days || first > last || !recorded)
            {
                c.fail_own(
                    &format!("windows[{i}]"),
                    format!("[{first}, {last}]"),
                    (
                        format!(
                            "[first, last] with 0 <= first <= last <= {} (the last recorded day)",
                            self.horizon_days - 1
                        ),
                        "a window lies inside the recorded horizon and holds a recorded day: every record_every-th day or the last",
                    ),
                    "window",
                    &[("last", (self.horizon_days - 1).to_string())],
                );
            }
        }
        let arm_names: Vec<String> = self.arms.iter().map(|a| a.name.clone()).collect();
        let valued = self.economics.value_per_customer_per_year.is_some()
            || self.economics.value_per_nps_point_per_year.is_some();
        claims::check(&self.claims, &arm_names, &self.windows, valued, c);
        c.output_name("name", &self.name);
        // Checks below allocate or estimate in proportion to the organisation's size: they
        // run only once that size is known to be within its bounds (its problem, if any, is
        // already reported).
        let o = &self.organisation;
        if !(1..=MAX_EMPLOYEES).contains(&o.employees)
            || !(1..=MAX_TEAM_SIZE.min(o.employees)).contains(&o.team_size)
        {
            return;
        }
        let n_teams = self.n_teams();
        let mut seen = std::collections::BTreeSet::new();
        for (i, arm) in self.arms.iter().enumerate() {
            let key = format!("arms[{i}]");
            c.arm_name(&format!("{key}.name"), &arm.name);
            if !seen.insert(arm.name.clone()) {
                c.fail_own(
                    &format!("{key}.name"),
                    arm.name.clone(),
                    ("a name no other arm has".into(), "arm names must be unique"),
                    "unique-arm-name",
                    &[],
                );
            }
            if arm.name == "baseline" && !arm.interventions.is_empty() {
                c.fail_own(
                    &format!("{key}.interventions"),
                    format!(
                        "{} intervention{}",
                        arm.interventions.len(),
                        if arm.interventions.len() == 1 {
                            ""
                        } else {
                            "s"
                        }
                    ),
                    (
                        "none".into(),
                        "the baseline arm is the comparison without intervention",
                    ),
                    "baseline-bare",
                    &[],
                );
                c.value_in_words(
                    "interventions",
                    &[("count", arm.interventions.len().to_string())],
                );
            }
            check_arm(c, &key, &arm.interventions, self.horizon_days, n_teams);
        }
        if c.problems.is_empty() {
            self.check_memory(c);
        }
    }

    /// Refuses a scenario whose memory estimate ([`budget::estimate`], one replication in
    /// flight) passes [`budget::MEMORY_LIMIT_BYTES`], naming the key that weighs most.
    fn check_memory(&self, c: &mut Check) {
        let e = budget::estimate(self);
        let peak = e.peak(1);
        if peak <= budget::MEMORY_LIMIT_BYTES {
            return;
        }
        let cu = &self.customers;
        let start_pool = cu.pool_per_employee * self.organisation.team_size as f64 * 4.0 * 2.0;
        let at_once = e.organisation * e.organisations_per_replication;
        // The key that weighs most, its value, and why (the hint's id: `hint-memory-<why>`).
        let (key, value, hint, why) = if e.kept > at_once {
            if self.teams {
                (
                    "teams",
                    "true".to_string(),
                    "teams = false, fewer replications or arms, or fewer recorded days (raise record_every)",
                    "memory-teams",
                )
            } else {
                (
                    "replications",
                    self.replications.to_string(),
                    "fewer replications, arms or recorded days (raise record_every)",
                    "memory-kept",
                )
            }
        } else if cu.outflow_rate == 0.0 || e.largest_pool > 8.0 * start_pool.max(64.0) {
            ("customers.inflow_per_employee", cu.inflow_per_employee.to_string(), "the customer pools grow every day: raise customers.outflow_rate or lower the inflow", "memory-growing")
        } else if cu.pool_per_employee > 1000.0 {
            (
                "customers.pool_per_employee",
                cu.pool_per_employee.to_string(),
                "fewer customers per employee or smaller teams",
                "memory-pool",
            )
        } else {
            (
                "organisation.employees",
                self.organisation.employees.to_string(),
                "a smaller organisation or fewer arms",
                "memory-employees",
            )
        };
        let limit = budget::human_bytes(budget::MEMORY_LIMIT_BYTES);
        let needs = budget::human_bytes(peak);
        let each = budget::human_bytes(e.organisation);
        let kept = budget::human_bytes(e.kept);
        c.fail_own(
            key,
            value,
            (
                format!(
                    "a scenario that fits in {limit} (this one needs about {needs}: {each} per organisation x {} at once, {kept} of results kept)",
                    e.organisations_per_replication,
                ),
                hint,
            ),
            "memory",
            &[
                ("limit", limit.clone()),
                ("needs", needs.clone()),
                ("each", each.clone()),
                ("at_once", e.organisations_per_replication.to_string()),
                ("kept", kept.clone()),
            ],
        );
        // One expectation, five reasons: the hint is the reason's own words.
        if let Some(Problem {
            said: Some(Expected::Own { hint: reason, .. }),
            ..
        }) = c.problems.last_mut()
        {
            *reason = Some(why);
        }
    }
}

/// The working days of a line `start = "6 months"` (a day field of an intervention written
/// as text), or `None` for any other line.
fn written_days(line: &str) -> Option<i64> {
    let (key, _) = line.split_once('=')?;
    if !matches!(key.trim(), "start" | "duration" | "interval") {
        return None;
    }
    let table: toml::Table = toml::from_str(line).ok()?;
    let text = table.values().next()?.as_str()?;
    Days::parse(text).ok().map(|d| d.get())
}

/// 1-based line and column of a byte offset in bytes that may not be valid UTF-8.
pub fn line_col_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let upto = &bytes[..offset.min(bytes.len())];
    let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = upto.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}
