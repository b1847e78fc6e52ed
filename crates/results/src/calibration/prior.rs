//! Priors of a calibrated parameter: uniform, log-uniform and normal, each restricted to a
//! support (the parameter's declared bounds for a truncated normal).

use crate::model::rng::{unit_f64, Stream};

/// A prior distribution over one parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prior {
    /// Uniform on [lo, hi].
    Uniform { lo: f64, hi: f64 },
    /// Uniform in log(x) on [lo, hi] (0 < lo < hi).
    LogUniform { lo: f64, hi: f64 },
    /// Normal(mean, sd) truncated to [lo, hi] (the parameter's declared bounds; infinite
    /// ends where there is no bound).
    Normal {
        mean: f64,
        sd: f64,
        lo: f64,
        hi: f64,
    },
}

/// Most redraws of a truncated normal before falling back to a uniform on the support (only
/// reached when the support holds almost none of the normal's mass).
const MAX_REDRAWS: usize = 10_000;

impl Prior {
    /// The support's ends.
    pub fn support(&self) -> (f64, f64) {
        match *self {
            Prior::Uniform { lo, hi }
            | Prior::LogUniform { lo, hi }
            | Prior::Normal { lo, hi, .. } => (lo, hi),
        }
    }

    /// Whether `x` lies in the support.
    pub fn contains(&self, x: f64) -> bool {
        let (lo, hi) = self.support();
        x.is_finite() && x >= lo && x <= hi
    }

    /// The density at `x` up to a constant factor (zero outside the support). Importance
    /// weights are normalised, so constant factors cancel.
    pub fn density(&self, x: f64) -> f64 {
        if !self.contains(x) {
            return 0.0;
        }
        match *self {
            Prior::Uniform { .. } => 1.0,
            Prior::LogUniform { .. } => 1.0 / x,
            Prior::Normal { mean, sd, .. } => {
                let z = (x - mean) / sd;
                (-0.5 * z * z).exp()
            }
        }
    }

    /// One draw from the prior, from `rng`.
    pub fn sample(&self, rng: &mut Stream) -> f64 {
        match *self {
            Prior::Uniform { lo, hi } => lo + (hi - lo) * unit_f64(rng),
            Prior::LogUniform { lo, hi } => (lo.ln() + (hi.ln() - lo.ln()) * unit_f64(rng)).exp(),
            Prior::Normal { mean, sd, lo, hi } => {
                for _ in 0..MAX_REDRAWS {
                    let x = mean + sd * standard_normal(rng);
                    if x >= lo && x <= hi {
                        return x;
                    }
                }
                lo + (hi - lo) * unit_f64(rng)
            }
        }
    }

    /// The prior's name as written in a calibration file.
    pub fn name(&self) -> &'static str {
        match self {
            Prior::Uniform { .. } => "uniform",
            Prior::LogUniform { .. } => "log_uniform",
            Prior::Normal { .. } => "normal",
        }
    }
}

/// A standard normal draw (Box–Muller, one of the pair), from two uniforms of `rng`.
pub fn standard_normal(rng: &mut Stream) -> f64 {
    // 1 - u is in (0, 1], so its logarithm is finite.
    let u1 = 1.0 - unit_f64(rng);
    let u2 = unit_f64(rng);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}
