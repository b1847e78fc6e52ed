//! The small dense linear algebra ABC-SMC needs: a weighted covariance and its Cholesky
//! factor, and solving with it. Parameters are few (a handful), so plain loops suffice.

/// Weighted covariance (weights normalised to sum 1, the "population" form) of `points`
/// (each of length `d`), row-major `d × d`.
pub fn weighted_cov(points: &[Vec<f64>], weights: &[f64], d: usize) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    let mut mean = vec![0.0; d];
    for (p, &w) in points.iter().zip(weights) {
        for k in 0..d {
            mean[k] += w / total * p[k];
        }
    }
    let mut cov = vec![0.0; d * d];
    for (p, &w) in points.iter().zip(weights) {
        for a in 0..d {
            for b in 0..d {
                cov[a * d + b] += w / total * (p[a] - mean[a]) * (p[b] - mean[b]);
            }
        }
    }
    cov
}

/// Lower-triangular Cholesky factor `L` (`L Lᵀ = m`) of a symmetric `d × d` matrix, or
/// `None` when it is not positive definite.
pub fn cholesky(m: &[f64], d: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; d * d];
    for i in 0..d {
        for j in 0..=i {
            let mut s = m[i * d + j];
            for k in 0..j {
                s -= l[i * d + k] * l[j * d + k];
            }
            if i == j {
                if !(s > 0.0 && s.is_finite()) {
                    return None;
                }
                l[i * d + i] = s.sqrt();
            } else {
                l[i * d + j] = s / l[j * d + j];
            }
        }
    }
    Some(l)
}

/// Cholesky factor of `m`, adding a growing ridge to the diagonal until it is positive
/// definite (a population collapsed on a line or a point). `scale[k]` is a typical squared
/// size of coordinate k (the ridge is relative to it).
pub fn cholesky_ridged(m: &[f64], d: usize, scale: &[f64]) -> Vec<f64> {
    if let Some(l) = cholesky(m, d) {
        return l;
    }
    let mut ridge = 1e-12;
    loop {
        let mut r = m.to_vec();
        for k in 0..d {
            r[k * d + k] += ridge * scale[k].max(f64::MIN_POSITIVE);
        }
        if let Some(l) = cholesky(&r, d) {
            return l;
        }
        ridge *= 10.0;
        if ridge > 1e6 {
            // Unreachable for a finite matrix; a diagonal factor keeps the sampler going.
            let mut l = vec![0.0; d * d];
            for k in 0..d {
                l[k * d + k] = scale[k].max(f64::MIN_POSITIVE).sqrt();
            }
            return l;
        }
    }
}

/// `L · z` for lower-triangular `L`.
pub fn lower_mul(l: &[f64], z: &[f64], d: usize) -> Vec<f64> {
    (0..d)
        .map(|i| (0..=i).map(|k| l[i * d + k] * z[k]).sum())
        .collect()
}

/// The squared Mahalanobis norm `|L⁻¹ x|²` by forward substitution.
pub fn mahalanobis2(l: &[f64], x: &[f64], d: usize) -> f64 {
    let mut y = vec![0.0; d];
    let mut s = 0.0;
    for i in 0..d {
        let mut v = x[i];
        for k in 0..i {
            v -= l[i * d + k] * y[k];
        }
        y[i] = v / l[i * d + i];
        s += y[i] * y[i];
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cholesky_reconstructs_and_solves() {
        let m = [4.0, 2.0, 2.0, 3.0];
        let l = cholesky(&m, 2).unwrap();
        assert!((l[0] - 2.0).abs() < 1e-12 && (l[2] - 1.0).abs() < 1e-12);
        assert!((l[3] - 2f64.sqrt()).abs() < 1e-12 && l[1] == 0.0);
        // x = L z, so |L⁻¹ x|² = |z|².
        let x = lower_mul(&l, &[1.0, -2.0], 2);
        assert!((mahalanobis2(&l, &x, 2) - 5.0).abs() < 1e-12);
        assert!(cholesky(&[1.0, 2.0, 2.0, 1.0], 2).is_none());
        let r = cholesky_ridged(&[1.0, 1.0, 1.0, 1.0], 2, &[1.0, 1.0]);
        assert!(r.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn weighted_covariance() {
        let pts = vec![vec![0.0, 0.0], vec![2.0, 4.0]];
        let c = weighted_cov(&pts, &[1.0, 1.0], 2);
        assert_eq!(c, vec![1.0, 2.0, 2.0, 4.0]);
        let c = weighted_cov(&pts, &[3.0, 1.0], 2);
        assert!((c[0] - 0.75).abs() < 1e-12);
    }
}
