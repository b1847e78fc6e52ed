//! The design's points in parameter units, and each axis's range over them. Whole-number
//! parameters take whole values; a design of more than [`MAX_RUNS`] runs is refused before
//! it is built.

use super::error::{Pending, AS_SAID};
use super::{Axis, ExperimentFile, MAX_RUNS, TAG_DESIGN};
use crate::experiment::sensitivity::SensitivityError;
use crate::experiment::sweep::design::{self, Design, DesignKind};
use crate::model::rng::key;

/// Design points, one row of parameter values (or unit-cube coordinates) a point.
type Points = Vec<Vec<f64>>;

/// What a design's size is counted from, as its refusal names it.
enum Counted<'a> {
    /// A grid: its axes' numbers of values (`3 x 4`).
    Grid(&'a str),
    /// A sampled design, by its name (`lhs`).
    Design(&'a str),
}

/// The catalogue's word for a count of points too large to hold (`value-*-size`).
const TOO_MANY: &str = "many";

/// Refuses a design of more than [`MAX_RUNS`] runs before it is built.
fn check_size(
    points: Option<usize>,
    replications: usize,
    what: Counted,
) -> Result<(), Vec<Pending>> {
    match points.and_then(|p| p.checked_mul(replications)) {
        Some(runs) if runs <= MAX_RUNS => Ok(()),
        _ => {
            let (what, id, name) = match what {
                Counted::Grid(combos) => (combos.to_string(), "grid-size", ("combos", combos)),
                Counted::Design(d) => (format!("{d} design"), "design-size", ("design", d)),
            };
            let shown = points.map(|p| p.to_string());
            Err(vec![Pending::own(
                "sweep",
                format!(
                    "{what}: {} points x {replications} replication{}",
                    shown.as_deref().unwrap_or("too many"),
                    if replications == 1 { "" } else { "s" }
                ),
                (
                    format!("at most {MAX_RUNS} runs"),
                    "split the experiment into several",
                ),
                "most-runs",
                &[("max", MAX_RUNS.to_string())],
            )
            .value_words(
                id,
                &[
                    (name.0, name.1.to_string()),
                    ("points", shown.unwrap_or_else(|| TOO_MANY.into())),
                    ("replications", replications.to_string()),
                ],
            )])
        }
    }
}

/// A Saltelli or Morris design the sensitivity module cannot build, at `key`: its reason
/// said as data (`expected-design-<reason>`, `hint-design-<reason>`). The module's errors
/// of an analysis (never of building a design) keep its English sentence as the hint.
fn design_refused(key: &str, design: &str, e: &SensitivityError) -> Pending {
    let (id, mut args) = match *e {
        SensitivityError::InvalidLevels { levels } => {
            ("design-levels", vec![("levels", levels.to_string())])
        }
        SensitivityError::NoParameters => ("design-no-parameters", vec![]),
        SensitivityError::TooManyParameters { k, max } => (
            "design-too-many-parameters",
            vec![("k", k.to_string()), ("max", max.to_string())],
        ),
        SensitivityError::SobolDimension { dims, max } => (
            "design-sobol-dimension",
            vec![("dims", dims.to_string()), ("max", max.to_string())],
        ),
        SensitivityError::NoSamples => ("design-no-samples", vec![]),
        SensitivityError::SequenceExhausted { requested, max } => (
            "design-sequence-exhausted",
            vec![
                ("requested", requested.to_string()),
                ("max", max.to_string()),
            ],
        ),
        _ => {
            return Pending::own_because(
                key,
                "".into(),
                (format!("a valid {design} design"), &e.to_string()),
                ("design-other", AS_SAID),
                &[("design", design.to_string()), ("message", e.to_string())],
            )
        }
    };
    args.push(("design", design.to_string()));
    Pending::own(
        key,
        "".into(),
        (format!("a valid {design} design"), &e.to_string()),
        id,
        &args,
    )
}

/// Points of the design in parameter units, and each axis's bounds.
pub(super) fn build_design(
    file: &ExperimentFile,
    axes: &mut [Axis],
) -> Result<Design, Vec<Pending>> {
    let kind = file.sweep.design;
    let (points, unit) = if kind.discrete() {
        (listed_points(file, axes)?, Vec::new())
    } else {
        let (points, unit) = sampled_points(file, axes)?;
        (points, if kind.sensitivity() { unit } else { Vec::new() })
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

/// Grid and list designs: the product (grid) or the rows (list) of the axes' values.
fn listed_points(file: &ExperimentFile, axes: &[Axis]) -> Result<Points, Vec<Pending>> {
    let spec = &file.sweep;
    let mut problems = Vec::new();
    let mut values = Vec::with_capacity(axes.len());
    for (i, (a, s)) in axes.iter().zip(&spec.axes).enumerate() {
        let v = match (&s.values, &s.range) {
            // A categorical axis's design values are its levels' positions.
            (Some(v), _) => match s.numbers() {
                Some(x) => x,
                None => (0..v.len()).map(|j| j as f64).collect(),
            },
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
                problems.push(
                    Pending::own(
                        &format!("axis {} (sweep.axes[{i}])", a.key),
                        v[j].to_string(),
                        (
                            "a whole number".into(),
                            "the parameter is a whole number (days, people, ...)",
                        ),
                        "axis-whole-value",
                        &[],
                    )
                    .at(at),
                );
            }
        }
        values.push(v);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if spec.design == DesignKind::Grid {
        let combos = values
            .iter()
            .map(|v| v.len().to_string())
            .collect::<Vec<_>>()
            .join(" x ");
        check_size(
            design::grid_len(&values),
            file.replications,
            Counted::Grid(&combos),
        )?;
        Ok(design::grid(&values))
    } else {
        let n = values.first().map(Vec::len).unwrap_or(0);
        Ok((0..n)
            .map(|p| values.iter().map(|v| v[p]).collect())
            .collect())
    }
}

/// LHS, Sobol and Morris designs: the unit-cube design scaled into the axes' bounds.
/// Returns the points and the unit design.
fn sampled_points(file: &ExperimentFile, axes: &[Axis]) -> Result<(Points, Points), Vec<Pending>> {
    let spec = &file.sweep;
    let kind = spec.design;
    let seed = key(&[file.seed, TAG_DESIGN]);
    let k = axes.len();
    let bounds: Vec<(f64, f64)> = spec
        .axes
        .iter()
        .map(|s| (s.min.unwrap_or(0.0), s.max.unwrap_or(1.0)))
        .collect();
    // A categorical axis's unit coordinate picks one of its levels, each an equal share.
    let levels: Vec<Option<usize>> = spec
        .axes
        .iter()
        .map(|s| s.levels().map(|l| l.len()))
        .collect();
    let mut problems = Vec::new();
    for (i, (a, &(lo, hi))) in axes.iter().zip(&bounds).enumerate() {
        if levels[i].is_none() && a.integer() && hi.floor() < lo.ceil() {
            problems.push(
                Pending::own(
                    &format!("axis {} (sweep.axes[{i}])", a.key),
                    format!("min = {lo}, max = {hi}"),
                    (
                        "bounds with a whole number between them".into(),
                        "the parameter is a whole number",
                    ),
                    "axis-whole-between",
                    &[],
                )
                .at(format!("sweep.axes[{i}].min")),
            );
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
    check_size(expected, file.replications, Counted::Design(kind.name()))?;
    let unit = match kind {
        DesignKind::Lhs => design::latin_hypercube(k, spec.samples.unwrap_or(1), seed),
        DesignKind::Sobol => {
            design::sensitivity_unit_design(kind, k, spec.base_samples.unwrap_or(2), 0, seed)
                .map_err(|e| vec![design_refused("sweep.base_samples", "Saltelli", &e)])?
        }
        _ => design::sensitivity_unit_design(
            kind,
            k,
            spec.trajectories.unwrap_or(2),
            spec.levels.unwrap_or(4),
            seed,
        )
        .map_err(|e| vec![design_refused("sweep.trajectories", "Morris", &e)])?,
    };
    let points = unit
        .iter()
        .map(|u| {
            u.iter()
                .zip(axes.iter().zip(bounds.iter().zip(&levels)))
                .map(|(&x, (a, (&(lo, hi), n)))| match n {
                    Some(n) => design::level_of(x, *n) as f64,
                    None => design::scale(x, lo, hi, a.integer()),
                })
                .collect()
        })
        .collect();
    Ok((points, unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::sweep::apply::SetError;
    use crate::model::validate::Problem;
    use crate::words::problem_text;
    use undercurrent_text::Lang;

    /// English words of the refusals that must not be left in the Dutch.
    const ENGLISH: &[&str] = &[
        "expected",
        " the ",
        " must ",
        " no ",
        "not a",
        "valid",
        "among",
        "exceeds",
        "outside",
        "requested",
        "empty",
        "match",
    ];

    #[test]
    fn a_design_refused_and_a_value_not_set_read_as_before_and_all_in_dutch() {
        let refused = [
            SensitivityError::InvalidLevels { levels: 3 },
            SensitivityError::NoParameters,
            SensitivityError::TooManyParameters { k: 30, max: 20 },
            SensitivityError::SobolDimension { dims: 30, max: 21 },
            SensitivityError::NoSamples,
            SensitivityError::SequenceExhausted {
                requested: 10,
                max: 5,
            },
        ];
        let mut ps: Vec<Problem> = refused
            .iter()
            .map(|e| design_refused("sweep.base_samples", "Saltelli", e).problem)
            .collect();
        let unset = [
            SetError::EmptyPath,
            SetError::NoLevel(2.0),
            SetError::NoKey("x".into()),
            SetError::NoEntry(3),
            SetError::PathMismatch,
            SetError::NoLevelAmong {
                value: 2.5,
                levels: 3,
            },
            SetError::NotWhole(2.5),
        ];
        ps.extend(unset.iter().map(|e| {
            Pending::unset(
                "a.b",
                "2.5".into(),
                ("a value the parameter takes", "parameter-takes"),
                e,
            )
            .problem
        }));
        for p in &ps {
            assert_eq!(problem_text(p, Lang::En), p.to_string());
            let nl = problem_text(p, Lang::Nl);
            assert!(nl.contains(": verwacht een "), "{nl}");
            for w in ENGLISH {
                assert!(!nl.contains(w), "English `{w}` in {nl}");
            }
        }
        // An analysis's error (never one of building a design) is passed on as it was said.
        let other = SensitivityError::OutputLength { len: 3, block: 2 };
        let p = design_refused("sweep.trajectories", "Morris", &other).problem;
        assert_eq!(problem_text(&p, Lang::En), p.to_string());
        assert_eq!(
            problem_text(&p, Lang::Nl),
            format!("`sweep.trajectories` = : verwacht een geldig Morris-ontwerp ({other})")
        );
    }
}
