//! Design points of a sweep: which parameter values each point sets.
//!
//! Every design is a pure function of the experiment file and its master seed, so that a
//! resumed sweep, every shard of a sharded one and `undercurrent sensitivity` all rebuild
//! exactly the same points without storing them.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};

use crate::experiment::sensitivity::{morris_design, saltelli_design, SensitivityError};
use crate::model::rng::unit_f64;

/// How the points of a sweep are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DesignKind {
    /// Every combination of the axes' values (full factorial), first axis slowest.
    Grid,
    /// Point i takes value i of every axis (all axes list equally many values).
    List,
    /// Latin hypercube sample within each axis's [min, max].
    Lhs,
    /// Saltelli (2010) design for Sobol indices: base_samples × (k + 2) points.
    Sobol,
    /// Morris elementary-effect trajectories: trajectories × (k + 1) points.
    Morris,
}

impl DesignKind {
    pub fn name(self) -> &'static str {
        match self {
            DesignKind::Grid => "grid",
            DesignKind::List => "list",
            DesignKind::Lhs => "lhs",
            DesignKind::Sobol => "sobol",
            DesignKind::Morris => "morris",
        }
    }

    /// Designs whose axes are given as explicit values (grid, list) rather than bounds.
    pub fn discrete(self) -> bool {
        matches!(self, DesignKind::Grid | DesignKind::List)
    }

    /// Designs a sensitivity analysis can be computed from.
    pub fn sensitivity(self) -> bool {
        matches!(self, DesignKind::Sobol | DesignKind::Morris)
    }
}

/// The points of a sweep, one row of axis values per point.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    pub kind: DesignKind,
    /// Parameter values, `points[p][axis]`, in point order.
    pub points: Vec<Vec<f64>>,
    /// Unit-cube coordinates of the points (Sobol and Morris only; empty otherwise): the
    /// estimators work on these, not on parameter units.
    pub unit: Vec<Vec<f64>>,
}

/// Inclusive values `from, from + step, ..., to` (the last within a millionth of a step of
/// `to` counts as `to`).
///
/// Values are computed in integer multiples of the inputs' smallest decimal unit when the
/// inputs are short decimals, so `from = 0.1, step = 0.2` gives 0.3 and 0.7 rather than
/// 0.30000000000000004: the values appear in the CSV columns and in points a user will look
/// up by the number they wrote.
pub fn range_values(from: f64, to: f64, step: f64) -> Result<Vec<f64>, String> {
    if !(from.is_finite() && to.is_finite() && step.is_finite()) {
        return Err("from, to and step must be finite numbers".into());
    }
    if step <= 0.0 {
        return Err(format!("step must be positive, got {step}"));
    }
    if to < from {
        return Err(format!("to ({to}) must not be below from ({from})"));
    }
    let count = ((to - from) / step + 1e-6).floor() + 1.0;
    if count > MAX_AXIS_VALUES as f64 {
        return Err(format!(
            "the range has {count} values; at most {MAX_AXIS_VALUES} are allowed"
        ));
    }
    let n = count as usize;
    let decimals = decimals(from).max(decimals(step));
    let mut values: Vec<f64> = match decimals {
        Some(d) if d <= 9 => {
            let scale = 10f64.powi(d as i32);
            let (f, s) = ((from * scale).round(), (step * scale).round());
            (0..n).map(|i| (f + i as f64 * s) / scale).collect()
        }
        _ => (0..n).map(|i| from + i as f64 * step).collect(),
    };
    if let Some(last) = values.last_mut() {
        *last = last.min(to);
    }
    Ok(values)
}

/// Most values one axis may list.
pub const MAX_AXIS_VALUES: usize = 1_000_000;

/// Digits after the decimal point in the shortest representation of `x`; `None` for
/// exponent notation.
fn decimals(x: f64) -> Option<usize> {
    let s = format!("{x}");
    if s.contains(['e', 'E']) {
        return None;
    }
    Some(s.split_once('.').map(|(_, f)| f.len()).unwrap_or(0))
}

/// Full factorial product of the axes' values; the first axis varies slowest (nested loops
/// in the order the axes are written).
pub fn grid(values: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let mut points: Vec<Vec<f64>> = vec![Vec::new()];
    for axis in values {
        let mut next = Vec::with_capacity(points.len() * axis.len());
        for p in &points {
            for &v in axis {
                let mut q = p.clone();
                q.push(v);
                next.push(q);
            }
        }
        points = next;
    }
    points
}

/// Number of points [`grid`] gives, or `None` when it overflows.
pub fn grid_len(values: &[Vec<f64>]) -> Option<usize> {
    values
        .iter()
        .try_fold(1usize, |n, a| n.checked_mul(a.len()))
}

/// Latin hypercube sample of `n` points in [0, 1)^k: on every axis each of the n strata
/// [i/n, (i+1)/n) holds exactly one point, placed uniformly inside it; strata are paired
/// across axes by independent random permutations.
pub fn latin_hypercube(k: usize, n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut points = vec![vec![0.0; k]; n];
    let mut strata: Vec<usize> = (0..n).collect();
    for j in 0..k {
        strata.shuffle(&mut rng);
        for (p, &s) in points.iter_mut().zip(&strata) {
            p[j] = (s as f64 + unit_f64(&mut rng)) / n as f64;
        }
    }
    points
}

/// Unit-cube design of a Sobol or Morris sweep.
pub fn sensitivity_unit_design(
    kind: DesignKind,
    k: usize,
    count: usize,
    levels: usize,
    seed: u64,
) -> Result<Vec<Vec<f64>>, SensitivityError> {
    match kind {
        DesignKind::Sobol => saltelli_design(k, count, seed),
        DesignKind::Morris => morris_design(k, count, levels, seed),
        _ => Ok(Vec::new()),
    }
}

/// Maps a unit coordinate to [lo, hi]; whole-number parameters are rounded to the nearest
/// whole number (the estimators keep using the unit coordinate).
pub fn scale(u: f64, lo: f64, hi: f64, integer: bool) -> f64 {
    let v = lo + u * (hi - lo);
    if integer {
        v.round().clamp(lo.ceil(), hi.floor())
    } else {
        v
    }
}

/// The level a unit coordinate `u` in [0, 1] picks among `n` levels: level `j` takes
/// [j/n, (j+1)/n), the last one its upper end as well, so each is drawn with equal weight by
/// an LHS (exactly n/samples times per level when n divides the samples) and Sobol and
/// Morris points move between levels in the order written. The small allowance keeps
/// Morris grid points such as 1/3 (a rounding below) on the level they name.
pub fn level_of(u: f64, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    ((u * n as f64 + 1e-9).floor().max(0.0) as usize).min(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_level_takes_an_equal_share_of_the_unit_interval() {
        assert_eq!(level_of(0.0, 3), 0);
        assert_eq!(level_of(0.3333, 3), 0);
        assert_eq!(level_of(1.0 / 3.0, 3), 1);
        assert_eq!(level_of(2.0 / 3.0, 3), 2);
        assert_eq!(level_of(1.0, 3), 2);
        let counts = (0..300).fold([0; 3], |mut c, i| {
            c[level_of((i as f64 + 0.5) / 300.0, 3)] += 1;
            c
        });
        assert_eq!(counts, [100, 100, 100]);
    }

    #[test]
    fn range_has_inclusive_endpoints_with_a_float_step() {
        assert_eq!(
            range_values(0.1, 0.9, 0.2).unwrap(),
            vec![0.1, 0.3, 0.5, 0.7, 0.9]
        );
        assert_eq!(range_values(0.0, 1.0, 0.1).unwrap().len(), 11);
        assert_eq!(range_values(0.0, 1.0, 0.1).unwrap()[10], 1.0);
        assert_eq!(
            range_values(5.0, 20.0, 5.0).unwrap(),
            vec![5.0, 10.0, 15.0, 20.0]
        );
        // `to` need not be on the grid.
        assert_eq!(range_values(1.0, 2.0, 0.4).unwrap(), vec![1.0, 1.4, 1.8]);
        assert_eq!(range_values(3.0, 3.0, 1.0).unwrap(), vec![3.0]);
        assert!(range_values(1.0, 0.0, 0.1).is_err());
        assert!(range_values(0.0, 1.0, 0.0).is_err());
        assert!(range_values(0.0, 1.0, -0.1).is_err());
        assert!(range_values(0.0, 1e9, 1e-3).is_err());
    }

    #[test]
    fn grid_is_the_full_product_with_the_first_axis_slowest() {
        let g = grid(&[vec![1.0, 2.0], vec![10.0, 20.0, 30.0]]);
        assert_eq!(g.len(), 6);
        assert_eq!(
            g,
            vec![
                vec![1.0, 10.0],
                vec![1.0, 20.0],
                vec![1.0, 30.0],
                vec![2.0, 10.0],
                vec![2.0, 20.0],
                vec![2.0, 30.0]
            ]
        );
        assert_eq!(
            grid_len(&[vec![0.0; 3], vec![0.0; 4], vec![0.0; 5]]),
            Some(60)
        );
        assert_eq!(grid(&[vec![0.0; 3], vec![0.0; 4], vec![0.0; 5]]).len(), 60);
    }

    #[test]
    fn latin_hypercube_puts_one_point_in_every_stratum_of_every_axis() {
        let (k, n) = (4, 50);
        let pts = latin_hypercube(k, n, 9);
        assert_eq!(pts.len(), n);
        for j in 0..k {
            let mut seen = vec![false; n];
            for p in &pts {
                assert!((0.0..1.0).contains(&p[j]));
                let s = (p[j] * n as f64) as usize;
                assert!(!seen[s], "axis {j}: stratum {s} twice");
                seen[s] = true;
            }
        }
        assert_eq!(pts, latin_hypercube(k, n, 9));
        assert_ne!(pts, latin_hypercube(k, n, 10));
    }

    #[test]
    fn integer_scaling_stays_within_bounds() {
        assert_eq!(scale(0.0, 2.0, 10.0, true), 2.0);
        assert_eq!(scale(0.999, 2.0, 10.0, true), 10.0);
        assert_eq!(scale(0.5, 2.0, 10.0, true), 6.0);
        assert_eq!(scale(0.5, 2.0, 10.0, false), 6.0);
        assert_eq!(scale(0.01, 2.5, 10.0, true), 3.0);
    }
}
