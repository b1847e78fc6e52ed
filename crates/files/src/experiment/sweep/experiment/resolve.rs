//! Resolving an experiment file against its base scenario: the scenario itself (from `base`,
//! an inline `[scenario]` or the embedded default, with the experiment's settings), each
//! axis's key in the scenario's value tree, and the names of the kept summary columns,
//! time series and sensitivity outputs.

use std::collections::BTreeSet;
use std::path::Path;

use toml::Table;

use super::error::{invalid, position, ExperimentError, Pending};
use super::{Axis, DesignKind, ExperimentFile, SensitivitySpec};
use crate::experiment::locate::closest;
use crate::experiment::locate::written_paths;
use crate::experiment::scenario::{
    read_toml_text, Scenario, ScenarioError, Toggle, DEFAULT_SCENARIO,
};
use crate::experiment::sweep::apply::{self, Seg, Target};
use crate::experiment::sweep::summary::{
    all_columns, series_metric, series_metric_names, Column, SeriesMetric,
};
use crate::metrics::outputs::NamedOutput;
use crate::metrics::registry::DurabilityMetric;

/// The base scenario with the experiment's seed, replications and recording interval, and
/// without per-replication outputs. Fills in the file's resolved form: the scenario inline,
/// no `base` or `record_every`, the design's defaults.
pub(super) fn base_scenario(
    file: &mut ExperimentFile,
    src: &str,
    origin: &str,
    dir: &Path,
) -> Result<(Scenario, BTreeSet<String>, Vec<&'static str>), ExperimentError> {
    // The keys the base's own text writes (presets fill only the others), as the scenario
    // file names them: a sweep over presets fills the rest again at every point.
    let written;
    let mut scenario = match (&file.base, file.scenario.take()) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                src,
                origin,
                vec![Pending::own(
                    "base",
                    "given with a [scenario] table".into(),
                    (
                        "either `base = \"file.toml\"` or an inline [scenario], not both".into(),
                        "",
                    ),
                    "base-or-scenario",
                    &[],
                )
                .value_words("given-with-scenario", &[])],
            ))
        }
        (Some(b), None) if b == "default" => {
            written = written_paths(DEFAULT_SCENARIO);
            Scenario::embedded_default()
        }
        (Some(b), None) => {
            let (s, text) = load_base(b, &dir.join(b), src, origin)?;
            written = written_paths(&text);
            s
        }
        (None, Some(s)) => {
            written = written_paths(src)
                .into_iter()
                .filter_map(|k| k.strip_prefix("scenario.").map(str::to_string))
                .collect();
            Scenario::finish_parsed(s, src, origin, "scenario.")?
        }
        (None, None) => {
            written = written_paths(DEFAULT_SCENARIO);
            Scenario::embedded_default()
        }
    };
    // The experiment's own named outputs join the base scenario's (the experiment's win on a
    // shared name); the resolved file holds them in its scenario.
    scenario.metrics.extend(std::mem::take(&mut file.metrics));
    scenario.seed = file.seed;
    scenario.replications = file.replications;
    if let Some(r) = file.record_every {
        scenario.record_every = r;
    }
    // Sweeps keep summaries and (optionally) aggregated series, never per-replication
    // series (`runs.csv` has every run's summary); what the base asked for of those is named,
    // so the sweep can say it is not written. `teams` and employee snapshots are kept: every
    // run writes its rows (`teams.csv`, `employees.csv`; see `sweep::agents`), within the
    // disk bound `check_data_size` sets.
    let mut dropped = Vec::new();
    if scenario.per_replication == Toggle::On {
        dropped.push("per_replication");
    }
    if !scenario.windows.is_empty() {
        dropped.push("windows");
    }
    if !scenario.claims.is_empty() {
        dropped.push("claims");
    }
    scenario.per_replication = Toggle::Off;
    scenario.windows.clear();
    // Claims are judged on one run's replications (claims.csv, the report), not per point.
    scenario.claims.clear();
    let problems = scenario.problems();
    if !problems.is_empty() {
        // Only `record_every` can be wrong here: the scenario itself passed.
        return Err(invalid(
            src,
            origin,
            problems.into_iter().map(Pending::from).collect(),
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
    Ok((scenario, written, dropped))
}

/// The scenario file named by `base`, and its text: its own errors are located in it; a file
/// that cannot be read is reported at `base`.
pub(crate) fn load_base(
    base: &str,
    path: &Path,
    src: &str,
    origin: &str,
) -> Result<(Scenario, String), ExperimentError> {
    let (text, base_origin) = read_toml_text(path, "scenario").map_err(|e| match e {
        ScenarioError::Io { path, source } => ExperimentError::BaseUnreadable {
            origin: origin.to_string(),
            position: position(src, "base"),
            base: base.to_string(),
            path,
            source,
        },
        other => other.into(),
    })?;
    let s = Scenario::parse(&text, &base_origin)?;
    Ok((s, text))
}

/// The scenario as the TOML value tree axes are resolved in and design points are set in.
pub(crate) fn value_tree(
    scenario: &Scenario,
    src: &str,
    origin: &str,
) -> Result<Table, ExperimentError> {
    Table::try_from(scenario).map_err(|e| ExperimentError::Unwritable {
        origin: origin.to_string(),
        position: position(src, "scenario").or_else(|| position(src, "base")),
        message: format!("the base scenario cannot be represented as TOML: {e}"),
    })
}

/// Each axis's key resolved in the scenario's value tree; no two axes on one parameter or
/// column, and no column named like the run's own columns.
pub(super) fn axes(file: &ExperimentFile, base: &Table) -> Result<Vec<Axis>, Vec<Pending>> {
    let mut problems = Vec::new();
    let mut axes = Vec::new();
    for (i, a) in file.sweep.axes.iter().enumerate() {
        let target = match a.levels() {
            Some(levels) => apply::resolve_levels(base, &a.key, &levels),
            None => apply::resolve(base, &a.key),
        };
        match target {
            Ok(target) => axes.push(Axis {
                name: a.name.clone().unwrap_or_else(|| a.key.clone()),
                key: a.key.clone(),
                check_key: check_key(&target),
                target,
                lo: f64::NAN,
                hi: f64::NAN,
            }),
            Err(why) => {
                let levels = a.levels().is_some();
                problems.push(unresolved(
                    &format!("sweep.axes[{i}].key"),
                    &a.key,
                    levels,
                    &why,
                ))
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for i in 0..axes.len() {
        for j in 0..i {
            if axes[i].check_key == axes[j].check_key || axes[i].name == axes[j].name {
                problems.push(Pending::own(
                    &format!("sweep.axes[{i}].key"),
                    format!("{:?}", axes[i].key),
                    (
                        "a parameter and column name no other axis has".into(),
                        &format!("sweep.axes[{j}] is the same"),
                    ),
                    "axis-unique",
                    &[("other", j.to_string())],
                ));
            }
        }
        if ["point", "replication"].contains(&axes[i].name.as_str()) {
            problems.push(Pending::own(
                &format!("sweep.axes[{i}].key"),
                format!("{:?}", axes[i].name),
                (
                    "a column name other than `point` and `replication`".into(),
                    "give the axis a `name`",
                ),
                "axis-column-free",
                &[],
            ));
        }
    }
    if problems.is_empty() {
        Ok(axes)
    } else {
        Err(problems)
    }
}

/// A key that names no parameter to sweep (or calibrate), said as data: what was expected
/// (a parameter that takes these `levels`, or a number) and why (the catalogue's
/// `hint-scenario-key` case `why.why`, with its values).
pub(crate) fn unresolved(at: &str, key: &str, levels: bool, why: &apply::Unresolved) -> Pending {
    let mut args = vec![
        ("axis", if levels { "levels" } else { "number" }.to_string()),
        ("why", why.why.to_string()),
    ];
    args.extend(why.args.iter().cloned());
    Pending::own(
        at,
        format!("{key:?}"),
        (
            if levels {
                "a parameter of the scenario that takes these values"
            } else {
                "a numeric parameter of the scenario"
            }
            .into(),
            &why.text,
        ),
        "scenario-key",
        &args,
    )
}

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

/// The position in `columns` of the censoring flag of column `j`, when `j` is a censorable
/// duration (`half_life_days_B` → `half_life_censored_share_B` of the same arm).
pub fn censor_flag(columns: &[Column], j: usize) -> Option<usize> {
    let c = columns[j];
    let flag = DurabilityMetric::from_name(c.metric)?.censored_by()?.name();
    columns
        .iter()
        .position(|o| o.arm == c.arm && o.metric == flag)
}

/// What a sweep keeps of every run: summary columns, time series, sensitivity outputs.
pub(super) struct Kept {
    pub columns: Vec<Column>,
    pub column_index: Vec<usize>,
    pub series: Vec<(String, SeriesMetric)>,
    pub outputs: Vec<usize>,
}

/// Resolves `keep_metrics`, `timeseries_metrics` and `sensitivity.outputs` by name.
pub(super) fn kept(
    file: &ExperimentFile,
    arms: &[String],
    named: &[NamedOutput],
) -> Result<Kept, Vec<Pending>> {
    let all = all_columns(arms.len(), named);
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
                    problems.push(Pending::own(
                        &format!("keep_metrics[{i}]"),
                        format!("{k:?}"),
                        (
                            "a summary metric (`B_mean`, `peak_gain_B`, ...), a named output of `[metrics]`, or `arm.metric`".into(),
                            &s.as_ref()
                                .map(|s| format!("did you mean `{s}`?"))
                                .unwrap_or_default(),
                        ),
                        "keep-metric",
                        &[("suggest", s.unwrap_or("none").to_string())],
                    ));
                }
                for j in hits {
                    wanted[j] = true;
                }
            }
            // A censorable duration is kept with the flag that says which of its values
            // are the horizon rather than a duration: without it no summary could tell.
            for j in 0..all.len() {
                if wanted[j] {
                    if let Some(flag) = censor_flag(&all, j) {
                        wanted[flag] = true;
                    }
                }
            }
            (0..all.len()).filter(|&j| wanted[j]).collect()
        }
    };
    let columns: Vec<Column> = column_index.iter().map(|&j| all[j]).collect();
    let mut series = Vec::new();
    if file.timeseries || file.run_series {
        for (i, m) in file.timeseries_metrics.iter().enumerate() {
            match series_metric(m) {
                Some(s) => series.push((m.clone(), s)),
                None => {
                    let s = closest(m, series_metric_names());
                    problems.push(Pending::own(
                        &format!("timeseries_metrics[{i}]"),
                        format!("{m:?}"),
                        (
                            "a recorded metric (B, N, nps, ...) or gain_B, gain_N, gain_nps".into(),
                            &s.map(|s| format!("did you mean `{s}`?"))
                                .unwrap_or_default(),
                        ),
                        "series-metric",
                        &[("suggest", s.unwrap_or("none").to_string())],
                    ))
                }
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
            Err((i, s)) => problems.push(Pending::own(
                &format!("sensitivity.outputs[{i}]"),
                format!("{:?}", sens.outputs[i]),
                (
                    "a kept summary column (`arm.metric`) or metric".into(),
                    &s.as_ref()
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| "not among the kept columns (see keep_metrics)".into()),
                ),
                "sensitivity-output",
                &[("suggest", s.unwrap_or_else(|| "none".into()))],
            )),
        }
    }
    if problems.is_empty() {
        Ok(Kept {
            columns,
            column_index,
            series,
            outputs,
        })
    } else {
        Err(problems)
    }
}

/// Positions in `columns` of the requested outputs (all when none are requested), or the
/// first unknown output and the kept name closest to it.
pub fn output_columns(
    columns: &[Column],
    names: &[String],
    wanted: &[String],
) -> Result<Vec<usize>, (usize, Option<String>)> {
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
            return Err((i, s.map(str::to_string)));
        }
        for j in hits {
            keep[j] = true;
        }
    }
    Ok((0..columns.len()).filter(|&j| keep[j]).collect())
}
