//! The sensitivity estimators a Sobol or Morris sweep uses, on the Ishigami function
//! (a = 7, b = 0.1) against its analytic indices, through the sweep's own design layer:
//! unit-cube designs scaled to each axis's [min, max], as a sweep builds its points.

use std::f64::consts::PI;

use undercurrent::experiment::sensitivity::{morris_indices, sobol_indices};
use undercurrent::experiment::sweep::design::{scale, sensitivity_unit_design, DesignKind};

/// Ishigami & Homma (1990) with a = 7, b = 0.1, on parameter values (not unit coordinates).
fn ishigami(x: &[f64]) -> f64 {
    x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin()
}

/// Analytic indices for a = 7, b = 0.1: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
/// V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50).
fn analytic() -> ([f64; 3], [f64; 3]) {
    let (a, b) = (7.0, 0.1);
    let pi4 = PI.powi(4);
    let v1 = 0.5 * (1.0 + b * pi4 / 5.0).powi(2);
    let v2 = a * a / 8.0;
    let v13 = b * b * pi4 * pi4 * (1.0 / 18.0 - 1.0 / 50.0);
    let v = v1 + v2 + v13;
    ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v])
}

fn evaluate(unit: &[Vec<f64>]) -> Vec<f64> {
    unit.iter()
        .map(|u| {
            let x: Vec<f64> = u.iter().map(|&c| scale(c, -PI, PI, false)).collect();
            ishigami(&x)
        })
        .collect()
}

#[test]
fn sobol_indices_match_the_analytic_ishigami_values() {
    let (s1, st) = analytic();
    assert!((s1[0] - 0.3139).abs() < 1e-4 && (st[2] - 0.2437).abs() < 1e-4);
    let unit = sensitivity_unit_design(DesignKind::Sobol, 3, 4096, 0, 11).unwrap();
    assert_eq!(unit.len(), 4096 * (3 + 2));
    let idx = sobol_indices(3, &evaluate(&unit), 500, 3).unwrap();
    for i in 0..3 {
        let s = idx[i];
        assert!((s.s1 - s1[i]).abs() < 0.03, "S1[{i}] {} vs {}", s.s1, s1[i]);
        assert!((s.st - st[i]).abs() < 0.03, "ST[{i}] {} vs {}", s.st, st[i]);
        assert!(
            s.s1_ci_lo <= s1[i] && s1[i] <= s.s1_ci_hi,
            "S1[{i}] CI misses"
        );
        assert!(
            s.st_ci_lo <= st[i] && st[i] <= s.st_ci_hi,
            "ST[{i}] CI misses"
        );
    }
}

#[test]
fn morris_ranks_the_ishigami_parameters() {
    let unit = sensitivity_unit_design(DesignKind::Morris, 3, 500, 4, 5).unwrap();
    let idx = morris_indices(3, &unit, &evaluate(&unit)).unwrap();
    // x2 acts alone and non-monotonically; x3 only through its interaction with x1.
    assert!((idx[1].mu_star - 7.875).abs() < 1e-9, "{}", idx[1].mu_star);
    assert!(idx[2].mu_star < idx[0].mu_star && idx[2].mu_star < idx[1].mu_star);
    assert!(idx[2].sigma > idx[2].mu_star);
    assert!(idx[0].mu == idx[0].mu_star);
}
