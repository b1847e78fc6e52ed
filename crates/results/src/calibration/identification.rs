//! What a calibration learnt about each parameter, in words a report can state without
//! saying more than the posterior holds: how far the targets narrowed the prior, and whether
//! the posterior runs into an end of the prior's range (then the targets may favour values
//! the prior did not admit, and the posterior median is pulled by that end, not by the data).
//!
//! Both are measured on the prior's own scale: log(x) for a log-uniform prior (where it is
//! flat), x otherwise, so that "narrowed to a third" means the same for every prior kind.

use super::abc::weighted_quantile;
use super::prior::Prior;

/// Central share of the prior and of the posterior whose widths are compared.
pub const CENTRAL: f64 = 0.9;

/// Width ratio (posterior over prior, central 90%) below which the targets pinned the
/// parameter down: the posterior spans less than half of what the prior allowed.
pub const CONSTRAINED_BELOW: f64 = 0.5;

/// Width ratio at or above which the targets said little about the parameter: the posterior
/// still spans 80% or more of the prior's central range.
pub const UNINFORMED_FROM: f64 = 0.8;

/// Bins of the prior's range in which the posterior's mass near each end is weighed.
pub const EDGE_BINS: usize = 20;

/// The posterior reaches an end of the prior when its outermost bin there holds at least
/// this share of its fullest bin's weight (a posterior that falls off well inside the range
/// leaves the end bin empty).
pub const EDGE_SHARE: f64 = 0.2;

/// How strongly the targets determined a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// The posterior's central 90% spans less than half of the prior's.
    Constrained,
    /// Between half and 80% of the prior's.
    Partly,
    /// 80% or more: the posterior is about the prior.
    Uninformed,
}

/// An end of the prior's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Lower,
    Upper,
}

/// What the posterior says about one parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Identification {
    /// Posterior central-90% width over the prior's, on the prior's scale.
    pub width_ratio: f64,
    pub strength: Strength,
    /// The end of the prior's range the posterior runs into, if any (the fuller one when both).
    pub edge: Option<End>,
}

/// The prior's scale: log for a log-uniform prior, the value itself otherwise.
fn to_scale(prior: &Prior, x: f64) -> f64 {
    match prior {
        Prior::LogUniform { .. } => x.ln(),
        _ => x,
    }
}

/// The prior's `q` quantile on its own scale. A truncated normal is integrated numerically
/// over its support (cut at eight standard deviations where unbounded).
pub fn prior_quantile_on_scale(prior: &Prior, q: f64) -> f64 {
    match *prior {
        Prior::Uniform { lo, hi } => lo + q * (hi - lo),
        Prior::LogUniform { lo, hi } => lo.ln() + q * (hi.ln() - lo.ln()),
        Prior::Normal { mean, sd, lo, hi } => {
            const N: usize = 4000;
            let a = lo.max(mean - 8.0 * sd);
            let b = hi.min(mean + 8.0 * sd);
            let h = (b - a) / N as f64;
            let dens = |i: usize| prior.density(a + h * i as f64);
            let mut cum = vec![0.0; N + 1];
            for i in 1..=N {
                cum[i] = cum[i - 1] + 0.5 * (dens(i - 1) + dens(i)) * h;
            }
            let target = q * cum[N];
            let i = cum.partition_point(|&c| c < target).clamp(1, N);
            let (c0, c1) = (cum[i - 1], cum[i]);
            let frac = if c1 > c0 {
                (target - c0) / (c1 - c0)
            } else {
                0.0
            };
            a + h * ((i - 1) as f64 + frac)
        }
    }
}

/// The prior's range as binned for the edge test: its support, or the central 99.99% where
/// a normal prior is unbounded.
fn binned_range(prior: &Prior) -> (f64, f64) {
    let (lo, hi) = prior.support();
    let a = if lo.is_finite() {
        to_scale(prior, lo)
    } else {
        prior_quantile_on_scale(prior, 0.00005)
    };
    let b = if hi.is_finite() {
        to_scale(prior, hi)
    } else {
        prior_quantile_on_scale(prior, 0.99995)
    };
    (a, b)
}

/// Whether the weighted posterior `values` reaches an end of the prior's range. Only a
/// declared bound counts as an end: an unbounded normal prior cannot be run into.
fn edge(prior: &Prior, values: &[f64], weights: &[f64]) -> Option<End> {
    let (a, b) = binned_range(prior);
    if b.partial_cmp(&a) != Some(std::cmp::Ordering::Greater) {
        return None;
    }
    let mut bins = [0.0; EDGE_BINS];
    for (&v, &w) in values.iter().zip(weights) {
        let s = to_scale(prior, v);
        if s.is_finite() && w.is_finite() && s >= a && s <= b {
            let i = (((s - a) / (b - a)) * EDGE_BINS as f64) as usize;
            bins[i.min(EDGE_BINS - 1)] += w;
        }
    }
    let top = bins.iter().fold(0.0f64, |m, &x| m.max(x));
    if top <= 0.0 {
        return None;
    }
    let (lo, hi) = prior.support();
    let lower = lo.is_finite() && bins[0] >= EDGE_SHARE * top;
    let upper = hi.is_finite() && bins[EDGE_BINS - 1] >= EDGE_SHARE * top;
    match (lower, upper) {
        (true, true) if bins[EDGE_BINS - 1] > bins[0] => Some(End::Upper),
        (true, _) => Some(End::Lower),
        (false, true) => Some(End::Upper),
        (false, false) => None,
    }
}

/// What the weighted posterior sample `values` says about a parameter with `prior`.
pub fn identify(prior: &Prior, values: &[f64], weights: &[f64]) -> Identification {
    let tail = (1.0 - CENTRAL) / 2.0;
    let prior_width =
        prior_quantile_on_scale(prior, 1.0 - tail) - prior_quantile_on_scale(prior, tail);
    let scaled: Vec<f64> = values.iter().map(|&v| to_scale(prior, v)).collect();
    let post_width =
        weighted_quantile(&scaled, weights, 1.0 - tail) - weighted_quantile(&scaled, weights, tail);
    let width_ratio = if prior_width > 0.0 {
        post_width / prior_width
    } else {
        f64::NAN
    };
    let strength = if width_ratio < CONSTRAINED_BELOW {
        Strength::Constrained
    } else if width_ratio < UNINFORMED_FROM {
        Strength::Partly
    } else {
        Strength::Uninformed
    };
    Identification {
        width_ratio,
        strength,
        edge: edge(prior, values, weights),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` evenly spread values on [a, b] (on the value scale), equal weights.
    fn spread(a: f64, b: f64, n: usize) -> (Vec<f64>, Vec<f64>) {
        let v = (0..n)
            .map(|i| a + (b - a) * (i as f64 + 0.5) / n as f64)
            .collect();
        (v, vec![1.0; n])
    }

    #[test]
    fn a_posterior_as_wide_as_its_prior_is_uninformed() {
        let prior = Prior::Uniform { lo: 0.0, hi: 1.0 };
        let (v, w) = spread(0.0, 1.0, 1000);
        let id = identify(&prior, &v, &w);
        assert!((id.width_ratio - 1.0).abs() < 0.01, "{id:?}");
        assert_eq!(id.strength, Strength::Uninformed);
    }

    #[test]
    fn a_narrow_posterior_in_the_middle_is_constrained_and_touches_no_end() {
        let prior = Prior::Uniform { lo: 0.0, hi: 1.0 };
        let (v, w) = spread(0.4, 0.6, 1000);
        let id = identify(&prior, &v, &w);
        assert!((id.width_ratio - 0.2).abs() < 0.01, "{id:?}");
        assert_eq!(id.strength, Strength::Constrained);
        assert_eq!(id.edge, None);
    }

    #[test]
    fn a_posterior_piled_at_the_lower_bound_reaches_that_end() {
        let prior = Prior::Uniform { lo: 0.0, hi: 1.0 };
        let (v, w) = spread(0.0, 0.3, 1000);
        let id = identify(&prior, &v, &w);
        assert_eq!(id.edge, Some(End::Lower));
        assert_eq!(id.strength, Strength::Constrained);
        let (v, w) = spread(0.8, 1.0, 1000);
        assert_eq!(identify(&prior, &v, &w).edge, Some(End::Upper));
    }

    #[test]
    fn log_uniform_priors_are_judged_on_the_log_scale() {
        // A posterior uniform on [0.01, 0.1] in log terms spans a third of log[0.001, 1].
        let prior = Prior::LogUniform { lo: 0.001, hi: 1.0 };
        let n = 3000;
        let v: Vec<f64> = (0..n)
            .map(|i| (0.01f64.ln() + (10f64.ln()) * (i as f64 + 0.5) / n as f64).exp())
            .collect();
        let id = identify(&prior, &v, &vec![1.0; n]);
        assert!((id.width_ratio - 1.0 / 3.0).abs() < 0.01, "{id:?}");
        assert_eq!(id.edge, None);
    }

    #[test]
    fn truncated_normal_quantiles_match_the_normal_where_the_bounds_are_far() {
        let prior = Prior::Normal {
            mean: 2.0,
            sd: 0.5,
            lo: f64::NEG_INFINITY,
            hi: f64::INFINITY,
        };
        // Φ⁻¹(0.95) = 1.6448536.
        let q95 = prior_quantile_on_scale(&prior, 0.95);
        assert!((q95 - (2.0 + 0.5 * 1.644_853_6)).abs() < 1e-4, "{q95}");
        assert!((prior_quantile_on_scale(&prior, 0.5) - 2.0).abs() < 1e-6);
    }

    #[test]
    fn a_truncated_normal_cut_at_its_mean_has_its_median_at_the_upper_quartile() {
        // Normal(0, 1) on [0, ∞): the half-normal, median Φ⁻¹(0.75) = 0.6744898.
        let prior = Prior::Normal {
            mean: 0.0,
            sd: 1.0,
            lo: 0.0,
            hi: f64::INFINITY,
        };
        let m = prior_quantile_on_scale(&prior, 0.5);
        assert!((m - 0.674_489_8).abs() < 1e-4, "{m}");
    }

    #[test]
    fn an_unbounded_normal_prior_has_no_end_to_run_into() {
        let prior = Prior::Normal {
            mean: 0.0,
            sd: 1.0,
            lo: f64::NEG_INFINITY,
            hi: f64::INFINITY,
        };
        let (v, w) = spread(-4.0, -3.5, 100);
        assert_eq!(identify(&prior, &v, &w).edge, None);
    }
}
