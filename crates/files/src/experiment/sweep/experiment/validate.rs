//! Every bound and every design point through the scenario's own validation, before the
//! first run: a sweep of hours must not stop at point 900 on a value that was out of range
//! from the start. A failure is reported at the axis value that caused it.

use rayon::prelude::*;

use super::error::{invalid, ExperimentError, Pending};
use super::{AxisValue, Experiment};
use crate::experiment::budget;
use crate::experiment::scenario::Scenario;
use crate::experiment::sweep::agents;
use crate::experiment::sweep::apply;
use crate::model::validate::{Problem, Words, GIVEN};

/// What a design point's value cannot be set for: in English, and its catalogue id.
const TAKES: (&str, &str) = ("a value the parameter takes", "parameter-takes");
/// What a bound makes of the scenario's types: in English, and its catalogue id.
const OF_ITS_TYPE: (&str, &str) = ("a value of the parameter's type", "parameter-type");

impl Experiment {
    /// For designs sampled within bounds, checks each bound on its own (the other
    /// parameters at their base values): a bound outside a parameter's allowed range is the
    /// usual mistake, and is reported once, at the bound, rather than at every point
    /// sampled beyond it.
    pub(super) fn check_bounds(&self, src: &str) -> Result<(), ExperimentError> {
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
                    Err(e) => vec![Pending::unset(&a.check_key, a.text(v), TAKES, &e).problem],
                    Ok(()) => match t.try_into::<Scenario>() {
                        Ok(s) => s.problems(),
                        Err(e) => vec![
                            Pending::mistyped(&a.check_key, a.text(v), OF_ITS_TYPE, &e).problem,
                        ],
                    },
                };
                // The base scenario is valid, so whatever fails here fails because of
                // this bound (directly, or through a constraint linking parameters).
                for pr in problems {
                    let (value, words) = if pr.key == a.check_key {
                        (
                            format!("{} (its {which})", a.text(v)),
                            Words::new("bound", &[("value", a.text(v)), ("which", which.into())]),
                        )
                    } else {
                        (
                            format!(
                                "{} (its {which}), which makes `{}` = {}",
                                a.text(v),
                                pr.key,
                                pr.value
                            ),
                            Words::new(
                                "bound-makes",
                                &[
                                    ("value", a.text(v)),
                                    ("which", which.into()),
                                    ("key", pr.key.clone()),
                                    ("made", pr.value.clone()),
                                ],
                            ),
                        )
                    };
                    out.push(
                        Pending::from(Problem {
                            key: format!("axis {} (sweep.axes[{i}])", a.key),
                            value,
                            value_said: Some(words),
                            ..pr
                        })
                        .at(format!("sweep.axes[{i}].{which}")),
                    );
                }
            }
        }
        if out.is_empty() {
            Ok(())
        } else {
            Err(invalid(src, &self.origin, out))
        }
    }

    /// Builds every point's scenario and runs the scenario's validation on it. The same
    /// problem at many points (one bad value of a grid axis spoils a whole slice of the
    /// grid) is reported once, with the points it affects.
    pub(super) fn validate_points(&self, src: &str) -> Result<(), ExperimentError> {
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
        let mut out: Vec<Pending> = groups
            .into_iter()
            .map(|(mut pr, at, points)| {
                let shown: Vec<String> = points.iter().take(8).map(|p| p.to_string()).collect();
                let hidden = points.len().saturating_sub(8);
                let more = if hidden > 0 {
                    format!(" and {hidden} more")
                } else {
                    String::new()
                };
                let s = if points.len() > 1 { "s" } else { "" };
                pr.value = pr.value.replacen(
                    "{points}",
                    &format!("design point{s} {}{more}", shown.join(", ")),
                    1,
                );
                if let Some(w) = &mut pr.value_said {
                    w.args.extend([
                        ("count", points.len().to_string()),
                        ("points", shown.join(", ")),
                        ("more", hidden.to_string()),
                    ]);
                }
                Pending { problem: pr, at }
            })
            .collect();
        if hidden > 0 {
            out.push(
                Pending::own(
                    "sweep",
                    format!(
                        "{hidden} more invalid design point{}",
                        if hidden == 1 { "" } else { "s" }
                    ),
                    ("valid parameter values at every point".into(), ""),
                    "valid-everywhere",
                    &[],
                )
                .value_words("more-invalid-points", &[("count", hidden.to_string())]),
            );
        }
        Err(invalid(src, &self.origin, out))
    }

    /// Names the axis (and where its value is written) for a problem of design point `p`.
    fn point_problem(&self, pr: Problem, values: &[f64]) -> (Problem, Option<String>) {
        match self.axes.iter().position(|a| a.check_key == pr.key) {
            Some(i) => {
                let a = &self.axes[i];
                let v = values[i];
                let spec = &self.file.sweep.axes[i];
                let at = if let Some(j) = spec.values.as_ref().and_then(|vs| {
                    if a.categorical() {
                        Some(v as usize).filter(|&j| j < vs.len())
                    } else {
                        vs.iter().position(|x| *x == AxisValue::Number(v))
                    }
                }) {
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
                        value_said: Some(Words::new("at-points", &[("value", a.text(v))])),
                        ..pr
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
                let words = Words::new(
                    "at-points-setting",
                    &[("value", pr.value.clone()), ("setting", setting.join(", "))],
                )
                .with_value(
                    pr.value_said
                        .clone()
                        .or_else(|| (pr.value == GIVEN).then(|| Words::new("given", &[]))),
                );
                (
                    Problem {
                        value: format!("{} at {{points}} ({})", pr.value, setting.join(", ")),
                        value_said: Some(words),
                        ..pr
                    },
                    Some("sweep.axes[0].key".into()),
                )
            }
        }
    }

    pub(super) fn point_problems(&self, p: usize) -> Result<Scenario, Vec<Problem>> {
        let mut t = self.base_table.clone();
        for (a, &v) in self.axes.iter().zip(&self.design.points[p]) {
            apply::set(&mut t, &a.target, v)
                .map_err(|e| vec![Pending::unset(&a.check_key, a.text(v), TAKES, &e).problem])?;
        }
        let mut s: Scenario = t.try_into().map_err(|e: toml::de::Error| {
            let key = self
                .axes
                .first()
                .map(|a| a.check_key.clone())
                .unwrap_or_default();
            vec![
                Pending::mistyped(
                    &key,
                    "a value of this design point".into(),
                    ("values of the parameters' types", "parameters-types"),
                    &e,
                )
                .value_words("this-point", &[])
                .problem,
            ]
        })?;
        if self
            .axes
            .iter()
            .any(|a| apply::PRESET_KEYS.contains(&a.check_key.as_str()))
        {
            let swept: Vec<&str> = self.axes.iter().map(|a| a.check_key.as_str()).collect();
            s.reapply_presets((self.scenario.sector, self.scenario.maturity), |k| {
                self.written.contains(k) || swept.contains(&k)
            });
        }
        let problems = s.problems();
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(problems)
        }
    }
}

impl Experiment {
    /// With `teams` or employee snapshots in the base scenario, every run writes rows of
    /// its own ([`crate::experiment::sweep::agents`]): refuses a sweep whose rows would pass
    /// [`agents::DISK_LIMIT_BYTES`] on disk (counted twice: the runs' files and the joined
    /// table), at the key that asks for them.
    pub(super) fn check_data_size(&self, src: &str) -> Result<(), ExperimentError> {
        let (teams, employees) = (agents::teams(self), agents::employees(self));
        if !teams && !employees {
            return Ok(());
        }
        let key_fields = 2 + self.axes.len();
        let per_rep: f64 = (0..self.points())
            .into_par_iter()
            .map(|p| {
                self.scenario_at(p)
                    .map(|s| agents::run_bytes(&s, teams, employees, key_fields))
                    .unwrap_or(0.0)
            })
            .sum();
        let bytes = 2.0 * per_rep * self.replications() as f64;
        if bytes <= agents::DISK_LIMIT_BYTES {
            return Ok(());
        }
        let (key, value) = if employees {
            if self.scenario.employee_snapshot_every > 0 {
                (
                    "scenario.employee_snapshot_every",
                    self.scenario.employee_snapshot_every.to_string(),
                )
            } else {
                (
                    "scenario.employee_snapshots",
                    format!("{:?}", self.scenario.employee_snapshots),
                )
            }
        } else {
            ("scenario.teams", "true".to_string())
        };
        Err(invalid(
            src,
            &self.origin,
            vec![Pending::own(
                key,
                value,
                (
                    format!(
                        "team and employee rows that fit in {} on disk (this sweep's {} runs would write about {}, held twice while they are joined)",
                        budget::human_bytes(agents::DISK_LIMIT_BYTES),
                        self.runs(),
                        budget::human_bytes(bytes / 2.0),
                    ),
                    "fewer points, replications or snapshot days (raise employee_snapshot_every or record_every), or run the points you need with `undercurrent run`",
                ),
                "rows-fit-on-disk",
                &[
                    ("limit", budget::human_bytes(agents::DISK_LIMIT_BYTES)),
                    ("runs", self.runs().to_string()),
                    ("size", budget::human_bytes(bytes / 2.0)),
                ],
            )],
        ))
    }
}
