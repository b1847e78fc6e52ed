//! Checks of an experiment file on its own, before its base scenario is known: the design's
//! keys, every axis's values or bounds and column name, and the `[sensitivity]` table.

use super::{AxisSpec, AxisValue, DesignKind, ExperimentFile, Pending, MAX_RUNS};
use crate::experiment::sensitivity::SALTELLI_MAX_PARAMS;
use crate::experiment::sweep::design;
use crate::model::validate::{Check, GIVEN};

impl ExperimentFile {
    /// Every problem of the file on its own (empty when there is none).
    pub(super) fn check(&self) -> Vec<Pending> {
        let mut c = Check::default();
        c.output_name("name", &self.name);
        c.range_usize("replications", self.replications, 1, 1_000_000);
        self.check_design_keys(&mut c);
        self.check_axes(&mut c);
        self.check_sensitivity(&mut c);
        c.problems.into_iter().map(Pending::from).collect()
    }

    /// Each design's own keys are given, and no other design's.
    fn check_design_keys(&self, c: &mut Check) {
        let s = &self.sweep;
        let kind = s.design;
        let only = |c: &mut Check, key: &str, present: bool, designs: &str| {
            if present {
                c.fail_own(
                    &format!("sweep.{key}"),
                    GIVEN.into(),
                    (
                        format!("no `{key}` with design = \"{}\"", kind.name()),
                        &format!("`{key}` belongs to design {designs}"),
                    ),
                    "design-key-not-here",
                    &[
                        ("key", key.to_string()),
                        ("design", kind.name().to_string()),
                        ("designs", designs.to_string()),
                    ],
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
            None => c.fail_own(
                "sweep.design",
                format!("\"{}\"", kind.name()),
                (
                    format!("a `{key}` key in [sweep] (a whole number in [{lo}, {hi}])"),
                    "",
                ),
                "design-key-needed",
                &[
                    ("key", key.to_string()),
                    ("lo", lo.to_string()),
                    ("hi", hi.to_string()),
                ],
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
                        c.fail_own(
                            "sweep.levels",
                            l.to_string(),
                            (
                                "an even whole number in [2, 1000]".into(),
                                "Morris steps of half the levels land on the grid only for even levels",
                            ),
                            "morris-levels",
                            &[],
                        );
                    }
                }
            }
            DesignKind::Grid | DesignKind::List => {}
        }
    }

    /// At least one axis (at most Saltelli's limit for Sobol), each valid for the design;
    /// a list design's axes all of one length.
    fn check_axes(&self, c: &mut Check) {
        let s = &self.sweep;
        let kind = s.design;
        if s.axes.is_empty() {
            c.fail_own(
                "sweep",
                "no axes".into(),
                ("at least one [[sweep.axes]] entry".into(), ""),
                "some-axis",
                &[],
            );
            c.value_in_words("no-axes", &[]);
        }
        if kind == DesignKind::Sobol && s.axes.len() > SALTELLI_MAX_PARAMS {
            c.fail_own(
                "sweep.axes",
                format!("{} axes", s.axes.len()),
                (
                    format!("at most {SALTELLI_MAX_PARAMS} axes for a Sobol design"),
                    "",
                ),
                "sobol-axes",
                &[("max", SALTELLI_MAX_PARAMS.to_string())],
            );
            c.value_in_words("axes", &[("count", s.axes.len().to_string())]);
        }
        let mut list_len = None;
        for (i, a) in s.axes.iter().enumerate() {
            let k = format!("sweep.axes[{i}]");
            if kind.discrete() {
                check_values(c, &k, a, kind);
                if kind == DesignKind::List {
                    let n = values_len(a);
                    match list_len {
                        None => list_len = Some(n),
                        Some(m) if m != n => {
                            c.fail_own(
                                &format!("{k}.key"),
                                format!("{n} value{}", if n == 1 { "" } else { "s" }),
                                (
                                    format!("{m} values, as many as sweep.axes[0]"),
                                    "a list design takes value i of every axis for point i",
                                ),
                                "list-lengths",
                                &[("count", m.to_string())],
                            );
                            c.value_in_words("values", &[("count", n.to_string())]);
                        }
                        _ => {}
                    }
                }
            } else {
                check_bounds(c, &k, a, kind);
            }
            if let Some(n) = &a.name {
                if n.is_empty() || n.contains([',', '"', '\n']) {
                    c.fail_own(
                        &format!("{k}.name"),
                        format!("{n:?}"),
                        (
                            "a non-empty column name without commas or quotes".into(),
                            "",
                        ),
                        "column-name",
                        &[],
                    );
                }
            }
        }
    }

    /// A `[sensitivity]` table only for the designs that give indices.
    fn check_sensitivity(&self, c: &mut Check) {
        if let Some(sens) = &self.sensitivity {
            if !self.sweep.design.sensitivity() {
                c.fail_own(
                    "sensitivity",
                    GIVEN.into(),
                    (
                        "no [sensitivity] table with this design".into(),
                        "sensitivity indices need design = \"sobol\" or \"morris\"",
                    ),
                    "sensitivity-design",
                    &[],
                );
            }
            c.range_usize("sensitivity.bootstrap", sens.bootstrap, 0, 100_000);
        }
    }
}

/// Grid and list axes: exactly one of finite `values` or a valid `range`, no bounds.
fn check_values(c: &mut Check, k: &str, a: &AxisSpec, kind: DesignKind) {
    match (&a.values, &a.range) {
        (Some(_), Some(_)) | (None, None) => c.fail_own(
            &format!("{k}.key"),
            format!("{:?}", a.key),
            (
                "exactly one of `values = [...]` or `range = { from, to, step }`".into(),
                &format!("design \"{}\" takes explicit values", kind.name()),
            ),
            "values-or-range",
            &[("design", kind.name().to_string())],
        ),
        (Some(v), None) => {
            if v.is_empty() {
                c.fail_own(
                    &format!("{k}.values"),
                    "[]".into(),
                    ("at least one value".into(), ""),
                    "some-value",
                    &[],
                );
            }
            let kinds = |f: fn(&AxisValue) -> bool| v.iter().any(f);
            let numbers = kinds(|x| matches!(x, AxisValue::Number(_)));
            let text = kinds(|x| matches!(x, AxisValue::Text(_)));
            let flags = kinds(|x| matches!(x, AxisValue::Flag(_)));
            if [numbers, text, flags].iter().filter(|&&k| k).count() > 1 {
                c.fail_own(
                    &format!("{k}.values"),
                    format!("{} values of mixed kinds", v.len()),
                    (
                        "all numbers, all text or all true/false".into(),
                        "an axis sweeps one parameter, whose values are of one kind",
                    ),
                    "values-of-one-kind",
                    &[],
                );
                c.value_in_words("values-mixed", &[("count", v.len().to_string())]);
            }
            if let Some(j) = v
                .iter()
                .position(|x| matches!(x, AxisValue::Number(n) if !n.is_finite()))
            {
                c.fail_own(
                    &format!("{k}.values[{j}]"),
                    v[j].to_string(),
                    ("a finite number".into(), ""),
                    "finite-number",
                    &[],
                );
            }
        }
        (None, Some(r)) => {
            if let Err(e) = design::range_values(r.from, r.to, r.step) {
                c.fail(
                    &format!("{k}.range"),
                    format!("{{ from = {}, to = {}, step = {} }}", r.from, r.to, r.step),
                    "an increasing range with a positive step".into(),
                    &e,
                );
            }
        }
    }
    if a.min.is_some() || a.max.is_some() {
        c.fail_own(
            &format!("{k}.{}", if a.min.is_some() { "min" } else { "max" }),
            GIVEN.into(),
            (
                "`values` or `range` (min/max belong to lhs, sobol and morris)".into(),
                "",
            ),
            "no-bounds-here",
            &[],
        );
    }
}

/// The number of values a grid or list axis gives (0 when they are invalid).
fn values_len(a: &AxisSpec) -> usize {
    a.values
        .as_ref()
        .map(Vec::len)
        .or_else(|| {
            a.range.as_ref().and_then(|r| {
                design::range_values(r.from, r.to, r.step)
                    .ok()
                    .map(|v| v.len())
            })
        })
        .unwrap_or(0)
}

/// LHS, Sobol and Morris axes: finite `min` < `max`, no values or range; or, on a
/// categorical axis (text or true/false), only its `values`, at least two levels, each drawn
/// with an equal share of the unit interval.
fn check_bounds(c: &mut Check, k: &str, a: &AxisSpec, kind: DesignKind) {
    if let Some(levels) = a.levels() {
        if a.min.is_some() || a.max.is_some() || a.range.is_some() {
            let field = if a.range.is_some() {
                "range"
            } else if a.min.is_some() {
                "min"
            } else {
                "max"
            };
            c.fail_own(
                &format!("{k}.{field}"),
                GIVEN.into(),
                (
                    "only `values` on a categorical axis (its levels)".into(),
                    &format!(
                        "design \"{}\" draws each level with equal weight; bounds belong to numbers",
                        kind.name()
                    ),
                ),
                "levels-only",
                &[("design", kind.name().to_string())],
            );
        }
        if levels.len() < 2 {
            c.fail_own(
                &format!("{k}.values"),
                format!(
                    "{} level{}",
                    levels.len(),
                    if levels.len() == 1 { "" } else { "s" }
                ),
                (
                    "at least two levels".into(),
                    "one level is a setting of the base scenario, not an axis",
                ),
                "two-levels",
                &[],
            );
            c.value_in_words("levels", &[("count", levels.len().to_string())]);
        }
        return;
    }
    match (a.min, a.max) {
        (Some(lo), Some(hi)) => {
            if !(lo.is_finite() && hi.is_finite() && lo < hi) {
                c.fail_own(
                    &format!("{k}.max"),
                    format!("min = {lo}, max = {hi}"),
                    ("finite bounds with min < max".into(), ""),
                    "ordered-bounds",
                    &[],
                );
            }
        }
        _ => c.fail_own(
            &format!("{k}.key"),
            format!("{:?}", a.key),
            (
                "both `min` and `max`".into(),
                &format!(
                    "design \"{}\" samples numbers within bounds, or the `values` of a categorical axis",
                    kind.name()
                ),
            ),
            "both-bounds",
            &[("design", kind.name().to_string())],
        ),
    }
    if a.values.is_some() || a.range.is_some() {
        c.fail_own(
            &format!(
                "{k}.{}",
                if a.values.is_some() {
                    "values"
                } else {
                    "range"
                }
            ),
            GIVEN.into(),
            (
                "`min` and `max` (numeric values/range belong to grid and list)".into(),
                "",
            ),
            "bounds-not-values",
            &[],
        );
    }
}
