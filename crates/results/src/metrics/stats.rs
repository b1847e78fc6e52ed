//! Summary statistics across simulation replications.
//!
//! An agent-based model is stochastic, so a single run says little; what a
//! study reports is the distribution of an output across independent
//! replications. Replication counts are usually small (5–50), which is why the
//! confidence interval uses Student's t rather than the normal 1.96: with ten
//! replications the normal interval would be about 12% too narrow and would
//! overstate how well the mean is known.
//!
//! Non-finite values are *skipped* rather than propagated. A replication that
//! blew up (division by zero in an output metric, an empty population) should
//! not silently turn the whole table into NaN; instead `Summary::n` reports how
//! many values actually entered the estimate, so a caller can compare it with
//! the number of replications that were run and notice the loss.

/// Two-sided 95% normal quantile, Φ⁻¹(0.975), to full double precision.
///
/// Kept as a literal because both the large-df t expansion and the Wilson
/// interval are defined in terms of it, and recomputing it would add an error
/// term to every result for no benefit.
const Z_975: f64 = 1.959_963_984_540_054;

/// Degrees of freedom above which the Cornish–Fisher expansion replaces the
/// exact series. At 1000 the first omitted term of the expansion is below
/// 1e-14, while the exact series would need ever more terms as df grows.
const EXACT_DF_LIMIT: usize = 1000;

/// Mean, spread and 95% confidence interval of the mean of one output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Arithmetic mean of the finite values (NaN when `n == 0`).
    pub mean: f64,
    /// Sample standard deviation with the n−1 divisor, because replications
    /// are a sample of the model's output distribution, not the whole of it
    /// (NaN when `n < 2`).
    pub sd: f64,
    /// Lower end of the 95% t interval of the mean (NaN when `n < 2`).
    pub ci_lo: f64,
    /// Upper end of the 95% t interval of the mean (NaN when `n < 2`).
    pub ci_hi: f64,
    /// Number of finite values that entered the estimate.
    pub n: usize,
}

impl Summary {
    /// The all-NaN summary for an empty sample: a mean of nothing is not
    /// zero, and reporting zero would look like a real measurement.
    fn empty() -> Self {
        Summary {
            mean: f64::NAN,
            sd: f64::NAN,
            ci_lo: f64::NAN,
            ci_hi: f64::NAN,
            n: 0,
        }
    }

    /// Builds the summary from the three sufficient statistics, so that the
    /// batch and streaming paths share one definition of the interval and can
    /// only differ in how they accumulated `mean` and the sum of squares.
    fn from_moments(n: usize, mean: f64, sum_sq_dev: f64) -> Self {
        match n {
            0 => Summary::empty(),
            1 => Summary {
                mean,
                sd: f64::NAN,
                ci_lo: f64::NAN,
                ci_hi: f64::NAN,
                n,
            },
            _ => {
                let nf = n as f64;
                // Rounding can leave a tiny negative sum for constant data.
                let sd = (sum_sq_dev.max(0.0) / (nf - 1.0)).sqrt();
                let half = t_quantile_975(n - 1) * sd / nf.sqrt();
                Summary {
                    mean,
                    sd,
                    ci_lo: mean - half,
                    ci_hi: mean + half,
                    n,
                }
            }
        }
    }
}

/// Summarises `values`, skipping NaN and ±∞.
///
/// Uses separate passes (mean first, then squared deviations) because simulation
/// outputs often have a large mean relative to their spread (population
/// counts, cumulative totals), and the one-pass textbook formula loses most of
/// its digits in exactly that case.
pub fn summarize(values: &[f64]) -> Summary {
    let mut n = 0usize;
    let mut sum = 0.0;
    for &v in values.iter().filter(|v| v.is_finite()) {
        n += 1;
        sum += v;
    }
    if n == 0 {
        return Summary::empty();
    }
    // One refinement step (the "corrected two-pass" mean): the naive mean of
    // identical values need not equal them (17 × 0.1 / 17 ≠ 0.1), which would
    // report a spurious non-zero sd for an output that never varied.
    let rough = sum / n as f64;
    let correction: f64 = values
        .iter()
        .filter(|v| v.is_finite())
        .map(|&v| v - rough)
        .sum::<f64>()
        / n as f64;
    let mean = rough + correction;
    let sum_sq_dev: f64 = values
        .iter()
        .filter(|v| v.is_finite())
        .map(|&v| (v - mean) * (v - mean))
        .sum();
    Summary::from_moments(n, mean, sum_sq_dev)
}

/// Summarises the ratio `Σ num / Σ den` of paired values (pairs with both finite): the
/// ratio of the two means, so that it is exactly `summarize(num).mean /
/// summarize(den).mean` on those pairs, with the linearised (delta-method) 95% t interval
/// of a ratio estimator: `sd` is the sd of `num − R·den` divided by the mean denominator.
/// NaN when the mean denominator is not positive (nothing was bought, so no price per unit).
pub fn summarize_ratio(num: &[f64], den: &[f64]) -> Summary {
    let (n, d): (Vec<f64>, Vec<f64>) = num
        .iter()
        .zip(den)
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .map(|(a, b)| (*a, *b))
        .unzip();
    let (sn, sd) = (summarize(&n), summarize(&d));
    if n.is_empty() || sd.mean.is_nan() || sd.mean <= 0.0 {
        return Summary {
            n: n.len(),
            ..Summary::empty()
        };
    }
    let ratio = sn.mean / sd.mean;
    let residuals: Vec<f64> = n.iter().zip(&d).map(|(a, b)| a - ratio * b).collect();
    let spread = summarize(&residuals).sd / sd.mean;
    let half = t_quantile_975(n.len() - 1) * spread / (n.len() as f64).sqrt();
    Summary {
        mean: ratio,
        sd: spread,
        ci_lo: ratio - half,
        ci_hi: ratio + half,
        n: n.len(),
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom, i.e. the
/// multiplier of the standard error for a two-sided 95% interval.
///
/// Returns NaN for `df == 0` (no interval exists). Accurate to about 1e-12
/// for every `df ≥ 1`: for `df ≤ 1000` the quantile is found by safeguarded
/// Newton iteration on the *closed-form* t distribution function for integer
/// degrees of freedom (Abramowitz & Stegun 26.7.3–4), so no incomplete-beta
/// or log-gamma approximation limits the accuracy; above that the
/// Cornish–Fisher expansion (A&S 26.7.5) to order df⁻⁴ is already exact to
/// double precision and avoids a series whose length grows with df.
pub fn t_quantile_975(df: usize) -> f64 {
    match df {
        0 => f64::NAN,
        // Cauchy: closed form, and the one case where Newton would have to
        // cover a wide bracket.
        1 => (0.475 * std::f64::consts::PI).tan(),
        d if d <= EXACT_DF_LIMIT => t_quantile_975_exact(d),
        d => t_quantile_975_cornish_fisher(d),
    }
}

/// Cornish–Fisher expansion of the t quantile around the normal quantile.
fn t_quantile_975_cornish_fisher(df: usize) -> f64 {
    let z = Z_975;
    let z2 = z * z;
    let z3 = z2 * z;
    let z5 = z3 * z2;
    let z7 = z5 * z2;
    let z9 = z7 * z2;
    let g1 = (z3 + z) / 4.0;
    let g2 = (5.0 * z5 + 16.0 * z3 + 3.0 * z) / 96.0;
    let g3 = (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / 384.0;
    let g4 = (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / 92160.0;
    let v = df as f64;
    z + (g1 + (g2 + (g3 + g4 / v) / v) / v) / v
}

/// P(|T| ≤ t) for integer `df ≥ 1`, by the finite trigonometric series.
///
/// Every term of the series is positive, so summation is stable and the
/// result carries only a few ulps of rounding error.
fn t_two_sided_cdf(t: f64, df: usize) -> f64 {
    let theta = (t / (df as f64).sqrt()).atan();
    let (s, c) = theta.sin_cos();
    let c2 = c * c;
    if df % 2 == 1 {
        let mut series = 0.0;
        if df > 1 {
            let mut term = c;
            series = term;
            for j in 1..=(df - 3) / 2 {
                let jf = j as f64;
                term *= c2 * (2.0 * jf) / (2.0 * jf + 1.0);
                series += term;
            }
        }
        std::f64::consts::FRAC_2_PI * (theta + s * series)
    } else {
        let mut term = 1.0;
        let mut series = 1.0;
        for j in 1..=(df - 2) / 2 {
            let jf = j as f64;
            term *= c2 * (2.0 * jf - 1.0) / (2.0 * jf);
            series += term;
        }
        s * series
    }
}

/// Density of t at `t`, needed only as the Newton slope; its normalising
/// constant Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) is built by the exact recurrence in ν
/// so no gamma-function approximation enters.
fn t_density(t: f64, df: usize) -> f64 {
    // r(ν) = Γ((ν+1)/2) / Γ(ν/2); r(ν+2) = r(ν)·(ν+1)/ν.
    let (mut r, start) = if df % 2 == 1 {
        (1.0 / std::f64::consts::PI.sqrt(), 1usize)
    } else {
        (std::f64::consts::PI.sqrt() / 2.0, 2usize)
    };
    let mut v = start;
    while v < df {
        r *= (v as f64 + 1.0) / v as f64;
        v += 2;
    }
    let nu = df as f64;
    r / (nu * std::f64::consts::PI).sqrt() * (1.0 + t * t / nu).powf(-(nu + 1.0) / 2.0)
}

/// Inverts the two-sided distribution function at 0.95.
///
/// The bracket [Φ⁻¹(0.975), t₁] holds for every df ≥ 1 because the quantile
/// falls monotonically from the Cauchy value to the normal one; a Newton step
/// that would leave the bracket is replaced by bisection, so convergence is
/// guaranteed even where the heavy tail makes plain Newton overshoot.
fn t_quantile_975_exact(df: usize) -> f64 {
    let mut lo = Z_975;
    let mut hi = 12.8;
    let mut t = t_quantile_975_cornish_fisher(df).clamp(lo, hi);
    for _ in 0..200 {
        let f = t_two_sided_cdf(t, df) - 0.95;
        if f > 0.0 {
            hi = t;
        } else {
            lo = t;
        }
        let slope = 2.0 * t_density(t, df);
        let newton = t - f / slope;
        let next = if newton > lo && newton < hi && newton.is_finite() {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if (next - t).abs() <= 1e-15 * t {
            return next;
        }
        t = next;
    }
    t
}

/// Streaming mean and variance (Welford 1962), for summarising replications
/// as they finish without keeping every value, and for combining partial
/// results from parallel workers with [`Welford::merge`].
///
/// For the same values pushed in the same order the summary agrees with
/// [`summarize`] to about 1e-12 relative on ordinary data (the two differ only
/// in rounding; the agreement degrades gracefully when the mean is many
/// orders of magnitude larger than the spread).
///
/// **Order matters for bit-identical output.** Floating-point addition is not
/// associative, so pushing the same values in a different order, or merging
/// worker accumulators in a different order (`a.merge(b)` then `c` versus
/// `a.merge(c)` then `b`), gives results that differ in the last bits. A
/// simulation that promises reproducible tables from a seed must therefore
/// merge partial accumulators in a fixed order (e.g. by replication index),
/// not in the order threads happen to finish.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Welford {
    n: usize,
    mean: f64,
    /// Sum of squared deviations from the running mean.
    m2: f64,
}

impl Welford {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one value; NaN and ±∞ are skipped, as in [`summarize`].
    pub fn push(&mut self, x: f64) {
        if !x.is_finite() {
            return;
        }
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    /// Folds another accumulator into this one (Chan, Golub & LeVeque 1979),
    /// as if its values had been pushed here. See the type docs for why the
    /// merge order must be fixed when bit-identical results are required.
    pub fn merge(&mut self, other: &Welford) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = *other;
            return;
        }
        let n = self.n + other.n;
        let (na, nb, nf) = (self.n as f64, other.n as f64, n as f64);
        let delta = other.mean - self.mean;
        self.mean += delta * nb / nf;
        self.m2 += other.m2 + delta * delta * na * nb / nf;
        self.n = n;
    }

    /// Number of finite values seen so far.
    pub fn count(&self) -> usize {
        self.n
    }

    /// The same summary [`summarize`] would give for the values seen.
    pub fn summary(&self) -> Summary {
        Summary::from_moments(self.n, self.mean, self.m2)
    }
}

/// A summary of a 0/1 outcome per replication: mean and sd as [`summarize`] gives them,
/// the interval the Wilson score interval of the share (a t interval would leave [0, 1]
/// and collapse to a point at 0/n and n/n). Values other than 0 and 1 fall back to the
/// t interval.
pub fn summarize_share(values: &[f64]) -> Summary {
    let mut s = summarize(values);
    let finite = values.iter().filter(|v| v.is_finite());
    if s.n > 0 && finite.clone().all(|&v| v == 0.0 || v == 1.0) {
        let successes = finite.filter(|&&v| v == 1.0).count();
        (s.ci_lo, s.ci_hi) = proportion_ci(successes, s.n);
    }
    s
}

/// Wilson score 95% interval for a binomial proportion.
///
/// Used for outcomes counted across replications ("in how many runs had the gain not
/// yet halved by the horizon?"). The Wilson interval is preferred over the textbook
/// Wald interval p ± z√(p(1−p)/n) because with the small n and extreme
/// proportions typical of replication studies Wald collapses to a zero-width
/// interval at 0/n or n/n and under-covers elsewhere; Wilson stays inside
/// [0, 1] and keeps close to nominal coverage.
///
/// Returns `(NaN, NaN)` when `n == 0` or `successes > n`, since no proportion
/// is defined; the bounds are clamped to [0, 1] against rounding.
pub fn proportion_ci(successes: usize, n: usize) -> (f64, f64) {
    if n == 0 || successes > n {
        return (f64::NAN, f64::NAN);
    }
    let nf = n as f64;
    let p = successes as f64 / nf;
    let z2 = Z_975 * Z_975;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = Z_975 * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    let lo = if successes == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let hi = if successes == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    (lo, hi)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_ratio_is_the_ratio_of_the_means_with_an_interval_around_it() {
        // Costs 100 each; gains 1, 2, 3, 4 (and a pair with a NaN, left out): the mean of
        // the per-replication ratios would be 52.08, the ratio of the means is 40.
        let num = [100.0, 100.0, 100.0, 100.0, 100.0];
        let den = [1.0, 2.0, 3.0, 4.0, f64::NAN];
        let s = summarize_ratio(&num, &den);
        assert_eq!(s.n, 4);
        assert_eq!(
            s.mean,
            summarize(&num[..4]).mean / summarize(&den[..4]).mean
        );
        assert_eq!(s.mean, 40.0);
        assert!(s.ci_lo < 40.0 && s.ci_hi > 40.0, "{s:?}");
        // Residuals 100 − 40·d: 60, 20, −20, −60; sd 51.64; divided by the mean gain 2.5.
        let sd = (((60.0f64.powi(2) + 20.0f64.powi(2)) * 2.0) / 3.0).sqrt() / 2.5;
        assert!((s.sd - sd).abs() < 1e-9, "{} vs {sd}", s.sd);
    }

    #[test]
    fn a_ratio_without_a_positive_divisor_has_no_value() {
        let s = summarize_ratio(&[100.0, 100.0], &[-1.0, 0.5]);
        assert!(s.mean.is_nan() && s.ci_lo.is_nan());
        assert_eq!(s.n, 2);
    }

    use super::*;

    fn rel_close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
    }

    #[test]
    fn t_quantile_matches_reference_table() {
        let table = [
            (1, 12.706_204_736),
            (2, 4.302_652_730),
            (3, 3.182_446_305),
            (4, 2.776_445_105),
            (5, 2.570_581_836),
            (10, 2.228_138_852),
            (19, 2.093_024_054),
            (30, 2.042_272_456),
            (100, 1.983_971_519),
            (1000, 1.962_339_081),
        ];
        for (df, want) in table {
            let got = t_quantile_975(df);
            // Table values are given to 9 decimals (the brief asks for 1e-6).
            assert!((got - want).abs() < 2e-9, "df={df}: got {got}, want {want}");
        }
    }

    #[test]
    fn t_quantile_zero_df_is_nan() {
        assert!(t_quantile_975(0).is_nan());
    }

    #[test]
    fn t_quantile_inverts_the_cdf() {
        // The defining property, checked independently of any table.
        for df in [2, 3, 7, 8, 29, 64, 333, 1000] {
            let t = t_quantile_975(df);
            let p = t_two_sided_cdf(t, df);
            assert!((p - 0.95).abs() < 1e-13, "df={df}: cdf(t)={p}");
        }
        let p1 = t_two_sided_cdf(t_quantile_975(1), 1);
        assert!((p1 - 0.95).abs() < 1e-13);
    }

    #[test]
    fn t_cdf_series_agrees_with_closed_forms() {
        // ν = 2: P(|T| ≤ t) = t / √(2 + t²); ν = 1: (2/π) atan t.
        for t in [0.1f64, 1.0, 3.0, 10.0] {
            let two = t / (2.0 + t * t).sqrt();
            assert!((t_two_sided_cdf(t, 2) - two).abs() < 1e-15);
            let one = std::f64::consts::FRAC_2_PI * f64::atan(t);
            assert!((t_two_sided_cdf(t, 1) - one).abs() < 1e-15);
        }
    }

    #[test]
    fn t_density_integrates_to_the_cdf() {
        // Simpson's rule on the density must reproduce the series CDF, which
        // checks the recurrence for the normalising constant.
        for df in [1, 2, 5, 12] {
            let b = 2.5;
            let m = 2000;
            let h = b / m as f64;
            let mut acc = t_density(0.0, df) + t_density(b, df);
            for i in 1..m {
                let w = if i % 2 == 1 { 4.0 } else { 2.0 };
                acc += w * t_density(i as f64 * h, df);
            }
            let integral = 2.0 * acc * h / 3.0;
            assert!((integral - t_two_sided_cdf(b, df)).abs() < 1e-10, "df={df}");
        }
    }

    #[test]
    fn t_quantile_is_continuous_and_monotone_across_the_method_switch() {
        let exact = t_quantile_975_exact(EXACT_DF_LIMIT + 1);
        let cf = t_quantile_975(EXACT_DF_LIMIT + 1);
        assert!((exact - cf).abs() < 1e-12, "exact {exact} vs CF {cf}");
        // Cornish–Fisher alone is already within 1e-6 at df = 30 and 1e-8 at 100.
        assert!((t_quantile_975_cornish_fisher(30) - t_quantile_975(30)).abs() < 1e-6);
        assert!((t_quantile_975_cornish_fisher(100) - t_quantile_975(100)).abs() < 1e-8);
        let mut prev = f64::INFINITY;
        for df in (1..3000).chain([10_000, 1_000_000, usize::MAX]) {
            let t = t_quantile_975(df);
            assert!(
                t <= prev && t >= Z_975,
                "df={df}: {t} not in [{Z_975}, {prev}]"
            );
            prev = t;
        }
    }

    #[test]
    fn summarize_basic_values() {
        let s = summarize(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert_eq!(s.n, 8);
        assert!((s.mean - 5.0).abs() < 1e-15);
        // Sum of squared deviations is 32, so sd = √(32/7).
        assert!((s.sd - (32.0f64 / 7.0).sqrt()).abs() < 1e-14);
        let half = 2.364_624_251_592_785 * s.sd / 8f64.sqrt();
        assert!((s.ci_lo - (5.0 - half)).abs() < 1e-9);
        assert!((s.ci_hi - (5.0 + half)).abs() < 1e-9);
    }

    #[test]
    fn summarize_skips_non_finite_values() {
        let s = summarize(&[1.0, f64::NAN, 3.0, f64::INFINITY, f64::NEG_INFINITY]);
        assert_eq!(s.n, 2);
        assert_eq!(s.mean, 2.0);
        assert!((s.sd - 2f64.sqrt()).abs() < 1e-15);
        assert_eq!(summarize(&[1.0, 3.0]), s);
    }

    #[test]
    fn summarize_degenerate_sizes() {
        let empty = summarize(&[]);
        assert_eq!(empty.n, 0);
        assert!(empty.mean.is_nan() && empty.sd.is_nan());
        assert!(empty.ci_lo.is_nan() && empty.ci_hi.is_nan());

        let only_nan = summarize(&[f64::NAN, f64::INFINITY]);
        assert_eq!(only_nan.n, 0);
        assert!(only_nan.mean.is_nan());

        let one = summarize(&[f64::NAN, 42.5]);
        assert_eq!(one.n, 1);
        assert_eq!(one.mean, 42.5);
        assert!(one.sd.is_nan() && one.ci_lo.is_nan() && one.ci_hi.is_nan());
    }

    #[test]
    fn summarize_constant_values_has_zero_width_interval() {
        let s = summarize(&[0.1; 17]);
        assert_eq!(s.sd, 0.0);
        assert_eq!(s.ci_lo, s.mean);
        assert_eq!(s.ci_hi, s.mean);
    }

    #[test]
    fn summarize_is_accurate_with_large_offset() {
        // The naive Σx² − n·mean² formula returns garbage here.
        let base = 1e9;
        let v: Vec<f64> = [1.0, 2.0, 3.0, 4.0, 5.0].iter().map(|x| base + x).collect();
        let s = summarize(&v);
        assert!((s.mean - (base + 3.0)).abs() < 1e-6);
        assert!((s.sd - 2.5f64.sqrt()).abs() < 1e-9);
    }

    #[test]
    fn ci_covers_true_mean_at_nominal_rate() {
        // Coverage of the t interval for normal data with n = 5 should be 95%;
        // the z interval would cover only ~88%. 4000 trials: sd of the
        // coverage estimate is ~0.35%.
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
        let trials = 4000;
        let mut covered = 0;
        for _ in 0..trials {
            let xs: Vec<f64> = (0..5)
                .map(|_| {
                    // Box–Muller keeps this test free of extra dependencies.
                    let u1: f64 = 1.0 - rng.random::<f64>();
                    let u2: f64 = rng.random::<f64>();
                    10.0 + 3.0 * (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
                })
                .collect();
            let s = summarize(&xs);
            if s.ci_lo <= 10.0 && 10.0 <= s.ci_hi {
                covered += 1;
            }
        }
        let rate = covered as f64 / trials as f64;
        assert!((0.935..=0.965).contains(&rate), "coverage {rate}");
    }

    fn sample_data() -> Vec<f64> {
        // Deterministic, irregular, moderately offset data.
        (0..1000)
            .map(|i| 250.0 + 37.0 * ((i as f64) * 0.731).sin() + (i % 7) as f64)
            .collect()
    }

    fn assert_summaries_close(a: &Summary, b: &Summary, tol: f64) {
        assert_eq!(a.n, b.n);
        for (x, y, name) in [
            (a.mean, b.mean, "mean"),
            (a.sd, b.sd, "sd"),
            (a.ci_lo, b.ci_lo, "ci_lo"),
            (a.ci_hi, b.ci_hi, "ci_hi"),
        ] {
            assert!(rel_close(x, y, tol), "{name}: {x} vs {y}");
        }
    }

    #[test]
    fn welford_matches_summarize() {
        let data = sample_data();
        let mut w = Welford::new();
        for &x in &data {
            w.push(x);
        }
        assert_eq!(w.count(), data.len());
        assert_summaries_close(&w.summary(), &summarize(&data), 1e-12);
    }

    #[test]
    fn welford_skips_non_finite_and_handles_small_n() {
        let mut w = Welford::new();
        assert_eq!(w.summary().n, 0);
        assert!(w.summary().mean.is_nan());
        w.push(f64::NAN);
        w.push(3.5);
        w.push(f64::INFINITY);
        let s = w.summary();
        assert_eq!((s.n, s.mean), (1, 3.5));
        assert!(s.sd.is_nan() && s.ci_lo.is_nan());
        w.push(5.5);
        assert_summaries_close(&w.summary(), &summarize(&[3.5, 5.5]), 1e-15);
    }

    #[test]
    fn welford_merge_matches_summarize() {
        let data = sample_data();
        let mut parts: Vec<Welford> = data
            .chunks(137)
            .map(|c| {
                let mut w = Welford::new();
                c.iter().for_each(|&x| w.push(x));
                w
            })
            .collect();
        let mut total = Welford::new();
        for p in &parts {
            total.merge(p);
        }
        assert_summaries_close(&total.summary(), &summarize(&data), 1e-12);

        // A different merge order still agrees to rounding ...
        parts.reverse();
        let mut reversed = Welford::new();
        for p in &parts {
            reversed.merge(p);
        }
        assert_summaries_close(&reversed.summary(), &total.summary(), 1e-12);
        // ... and the same order is bit-identical.
        parts.reverse();
        let mut again = Welford::new();
        for p in &parts {
            again.merge(p);
        }
        assert_eq!(again, total);
    }

    #[test]
    fn welford_merge_with_empty_is_identity() {
        let mut w = Welford::new();
        [1.0, 2.0, 4.0].iter().for_each(|&x| w.push(x));
        let before = w;
        w.merge(&Welford::new());
        assert_eq!(w, before);
        let mut e = Welford::new();
        e.merge(&before);
        assert_eq!(e, before);
    }

    #[test]
    fn wilson_reference_values() {
        // Reference values evaluated independently from the Wilson formula
        // (5/10 gives the textbook 0.2366–0.7634).
        let (lo, hi) = proportion_ci(5, 10);
        assert!((lo - 0.236_593_090).abs() < 1e-8, "{lo}");
        assert!((hi - 0.763_406_910).abs() < 1e-8, "{hi}");
        let (lo, hi) = proportion_ci(0, 10);
        assert_eq!(lo, 0.0);
        assert!((hi - 0.277_532_799).abs() < 1e-8, "{hi}");
        let (lo, hi) = proportion_ci(10, 10);
        assert!((lo - 0.722_467_201).abs() < 1e-8, "{lo}");
        assert_eq!(hi, 1.0);
        let (lo, hi) = proportion_ci(1, 3);
        assert!((lo - 0.061_491_944).abs() < 1e-8, "{lo}");
        assert!((hi - 0.792_340_399).abs() < 1e-8, "{hi}");
    }

    #[test]
    fn wilson_is_symmetric_and_inside_unit_interval() {
        for n in 1..60 {
            for s in 0..=n {
                let (lo, hi) = proportion_ci(s, n);
                let (lo2, hi2) = proportion_ci(n - s, n);
                assert!(0.0 <= lo && lo <= hi && hi <= 1.0);
                let p = s as f64 / n as f64;
                assert!(lo <= p && p <= hi);
                assert!((lo - (1.0 - hi2)).abs() < 1e-12);
                assert!((hi - (1.0 - lo2)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn a_share_of_replications_has_a_wilson_interval_inside_zero_and_one() {
        let s = summarize_share(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert!((s.mean - 0.1).abs() < 1e-15);
        assert_eq!((s.ci_lo, s.ci_hi), proportion_ci(1, 10));
        assert!(s.ci_lo > 0.0 && s.ci_hi < 0.5);
        // The t interval of the same values goes below zero.
        assert!(summarize(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]).ci_lo < 0.0);
        // None of 20: the share may still be up to about 16%.
        let none = summarize_share(&[0.0; 20]);
        assert_eq!(none.ci_lo, 0.0);
        assert!((none.ci_hi - 0.161).abs() < 0.001, "{}", none.ci_hi);
        // Not a 0/1 outcome: the t interval.
        assert_eq!(summarize_share(&[0.2, 0.4]), summarize(&[0.2, 0.4]));
    }

    #[test]
    fn wilson_invalid_input_is_nan_not_panic() {
        let (lo, hi) = proportion_ci(0, 0);
        assert!(lo.is_nan() && hi.is_nan());
        let (lo, hi) = proportion_ci(5, 3);
        assert!(lo.is_nan() && hi.is_nan());
    }
}
