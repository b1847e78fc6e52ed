//! A standard normal in f32 from 32 random bits: a 256-layer ziggurat (Marsaglia & Tsang 2000).
//!
//! The score noise of every contact needs one normal; `rand_distr`'s `StandardNormal` for f32
//! samples an f64 ziggurat from a whole 64-bit draw and converts. Here the fast path (taken
//! for 98.8% of draws) needs only 32 bits, which the contact's three words have to spare: 8
//! bits pick the layer and 24 bits give a signed uniform in [-1, 1). The rare rejections
//! (the base layer's tail and the wedges) are decided in f64 with further words from
//! `more`, so the result is exact to the algorithm: the only approximation is the f32
//! rounding of the layer widths in the fast-path test (relative 6e-8) and the 24-bit grid of
//! the uniform (steps of 2^-23 of a layer's width). `tests` check the moments, the tails and
//! the equal areas of the layers.

use super::ziggurat_tables::{F, R, X};

/// The layer widths in f32, for the fast path.
static X32: [f32; 257] = to_f32(&X);

const fn to_f32(x: &[f64; 257]) -> [f32; 257] {
    let mut out = [0.0f32; 257];
    let mut i = 0;
    while i < 257 {
        out[i] = x[i] as f32;
        i += 1;
    }
    out
}

/// 2^-23: turns a 24-bit integer into [0, 2).
const TWO_POW_M23: f32 = 1.0 / 8_388_608.0;

/// A standard normal from the 32 bits `bits` (layer from the low 8, uniform from the high
/// 24), drawing further 64-bit words from `more` only when the fast path rejects.
#[inline(always)]
pub fn standard_normal(bits: u32, more: &mut impl FnMut() -> u64) -> f32 {
    let i = (bits & 0xff) as usize;
    let u = (bits >> 8) as f32 * TWO_POW_M23 - 1.0;
    let x = u * X32[i];
    if x.abs() < X32[i + 1] {
        return x;
    }
    rejected(i, u as f64, more)
}

/// The ziggurat's slow path for a draw in layer `i` with uniform `u` that fell outside the
/// layer's rectangle: the tail beyond R for the base layer, the wedge test otherwise, and a
/// fresh draw (from a 64-bit word) when the wedge test rejects.
#[cold]
#[inline(never)]
fn rejected(mut i: usize, mut u: f64, more: &mut impl FnMut() -> u64) -> f32 {
    loop {
        let x = u * X[i];
        if x.abs() < X[i + 1] {
            return x as f32;
        }
        if i == 0 {
            return tail(u, more) as f32;
        }
        if F[i + 1] + (F[i] - F[i + 1]) * unit_open(more()) < (-0.5 * x * x).exp() {
            return x as f32;
        }
        let w = more();
        i = (w & 0xff) as usize;
        u = (w >> 11) as f64 * (1.0 / 4_503_599_627_370_496.0) - 1.0;
    }
}

/// A draw from the normal's tail beyond R, on the side of `u` (Marsaglia 1964).
fn tail(u: f64, more: &mut impl FnMut() -> u64) -> f64 {
    loop {
        let x = unit_open(more()).ln() / R;
        let y = unit_open(more()).ln();
        if -2.0 * y >= x * x {
            return if u < 0.0 { x - R } else { R - x };
        }
    }
}

/// A uniform in the open interval (0, 1) from the top 53 bits of `w`.
#[inline]
fn unit_open(w: u64) -> f64 {
    ((w >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::mix64;

    /// `n` normals from a SplitMix64 counter stream, with the number of extra words used.
    fn sample(n: usize, seed: u64) -> (Vec<f64>, u64) {
        let mut c = seed;
        let mut next = || {
            c = c.wrapping_add(0x9E37_79B9_7F4A_7C15);
            mix64(c)
        };
        let mut out = Vec::with_capacity(n);
        let mut extra = 0u64;
        for _ in 0..n {
            let bits = next() as u32;
            let mut more = || {
                extra += 1;
                next_word(&mut extra)
            };
            out.push(standard_normal(bits, &mut more) as f64);
        }
        (out, extra)
    }

    /// Words for the slow path, from a separate counter (only their count matters here).
    fn next_word(k: &mut u64) -> u64 {
        mix64(k.wrapping_mul(0xD6E8_FEB8_6659_FD93))
    }

    #[test]
    fn every_layer_of_the_ziggurat_has_the_same_area() {
        let f = |x: f64| (-0.5 * x * x).exp();
        let v = X[1] * (F[2] - F[1]);
        for i in 1..256 {
            let area = X[i] * (F[i + 1] - F[i]);
            assert!((area - v).abs() < 1e-8 * v, "layer {i}: {area} vs {v}");
        }
        // The base layer: its rectangle to R plus the tail beyond R.
        let tail = (std::f64::consts::PI / 2.0).sqrt() * libm_erfc(R / 2f64.sqrt());
        assert!((R * f(R) + tail - X[0] * f(R)).abs() < 1e-12);
        assert!((X[0] * f(R) - v).abs() < 1e-9, "{} vs {v}", X[0] * f(R));
    }

    /// erfc by its continued fraction (accurate to 1e-15 for the x ≈ 2.6 used here).
    fn libm_erfc(x: f64) -> f64 {
        let mut t = 0.0;
        for k in (1..200).rev() {
            t = (k as f64 / 2.0) / (x + t);
        }
        (-x * x).exp() / std::f64::consts::PI.sqrt() / (x + t)
    }

    #[test]
    fn moments_match_the_standard_normal() {
        let n = 2_000_000;
        let (z, _) = sample(n, 1);
        let mean = z.iter().sum::<f64>() / n as f64;
        let m2 = z.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        let m3 = z.iter().map(|x| (x - mean).powi(3)).sum::<f64>() / n as f64;
        let m4 = z.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n as f64;
        // Standard errors at n = 2e6: mean 7e-4, variance 1e-3, skewness 1.7e-3, kurtosis 3.5e-3
        // (as multiples of the moments); the bounds are about five of them.
        assert!(mean.abs() < 0.0035, "mean {mean}");
        assert!((m2 - 1.0).abs() < 0.005, "variance {m2}");
        assert!(
            (m3 / m2.powf(1.5)).abs() < 0.009,
            "skewness {}",
            m3 / m2.powf(1.5)
        );
        assert!(
            (m4 / (m2 * m2) - 3.0).abs() < 0.03,
            "kurtosis {}",
            m4 / (m2 * m2)
        );
    }

    #[test]
    fn tail_and_band_shares_match_the_standard_normal() {
        let n = 4_000_000;
        let (z, extra) = sample(n, 2);
        let share = |f: &dyn Fn(f64) -> bool| z.iter().filter(|&&x| f(x)).count() as f64 / n as f64;
        // P(|Z| > c) = erfc(c / √2), compared within four binomial standard errors.
        for c in [0.5, 1.0, 1.96, 3.0, 3.654, 4.0] {
            let p = libm_erfc(c / 2f64.sqrt());
            let se = (p * (1.0 - p) / n as f64).sqrt();
            let got = share(&|x: f64| x.abs() > c);
            assert!(
                (got - p).abs() < 4.0 * se + 1e-7,
                "P(|Z| > {c}) = {got}, expected {p}"
            );
        }
        // Both signs equally often, and the tail beyond R (the base layer's slow path) is reached.
        let up = share(&|x: f64| x > 0.0);
        assert!(
            (up - 0.5).abs() < 4.0 * (0.25 / n as f64).sqrt(),
            "P(Z > 0) = {up}"
        );
        assert!(z.iter().any(|&x| x > 4.0) && z.iter().any(|&x| x < -4.0));
        // The slow path is rare: about 1.2% of draws, a few words each.
        let per_draw = extra as f64 / n as f64;
        assert!(
            per_draw > 0.005 && per_draw < 0.05,
            "extra words per draw {per_draw}"
        );
    }

    #[test]
    fn the_fast_path_returns_values_inside_its_layer() {
        for bits in [0u32, 1, 0xff, 0x100, 0x8000_0000, u32::MAX, 0x7FFF_FF00] {
            let mut more = || panic!("fast path only for these bits? {bits:#x}");
            let i = (bits & 0xff) as usize;
            let u = (bits >> 8) as f32 * TWO_POW_M23 - 1.0;
            if (u * X32[i]).abs() < X32[i + 1] {
                let z = standard_normal(bits, &mut more);
                assert!(z.abs() < X32[i + 1]);
            }
        }
    }
}
