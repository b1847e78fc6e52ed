//! Likelihood-free Bayesian calibration by ABC-SMC: pure computation, no files.
//!
//! - [`abc`]: the sampler, generic over a simulator closure `(key, params, seed) → statistics`;
//! - [`identification`]: how far the targets narrowed each prior, and whether the posterior
//!   runs into an end of it;
//! - [`prior`]: uniform, log-uniform and truncated normal priors;
//! - [`target`]: statistics of a run (durability and time-series metrics by registry name);
//! - [`linalg`]: weighted covariance and Cholesky factor of the perturbation kernel.
//!
//! Files (`CALIBRATION.toml`, the journal, the outputs) are `undercurrent-files`'
//! `experiment::calibration`.

pub mod abc;
pub mod identification;
pub mod linalg;
pub mod prior;
pub mod target;

pub use abc::{
    calibrate, AbcError, Generation, Observed, Outcome, Particle, Progress, Settings, SimKey, Stop,
};
pub use prior::Prior;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibration::prior::standard_normal;
    use crate::model::rng::{stream_from_key, unit_f64};

    /// x̄ of `n` draws x ~ N(θ, σ²): the test-only simulator.
    fn gaussian(
        n: usize,
        sigma: f64,
    ) -> impl Fn(SimKey, &[f64], u64) -> Result<Vec<f64>, String> + Sync {
        move |_, p: &[f64], seed| {
            let mut rng = stream_from_key(seed);
            let _ = unit_f64(&mut rng);
            let mean = (0..n)
                .map(|_| p[0] + sigma * standard_normal(&mut rng))
                .sum::<f64>()
                / n as f64;
            Ok(vec![mean])
        }
    }

    fn settings(seed: u64) -> Settings {
        let mut s = Settings::new(seed, 400);
        s.max_generations = 8;
        s.min_drop = 0.0;
        s.predictive = false;
        s
    }

    /// Prior θ ~ N(μ0, τ²) (truncated far out), one observed mean of n draws with σ: the exact
    /// posterior is normal with precision 1/τ² + n/σ² and mean (μ0/τ² + n x̄/σ²) / precision.
    /// The ABC posterior with a small tolerance must be close to it.
    #[test]
    fn closed_form_normal_posterior_is_recovered() {
        let (mu0, tau, sigma, n, xbar) = (0.0, 2.0, 1.0, 4usize, 1.3);
        let prec = 1.0 / (tau * tau) + n as f64 / (sigma * sigma);
        let exact_mean = (mu0 / (tau * tau) + n as f64 * xbar / (sigma * sigma)) / prec;
        let exact_sd = (1.0 / prec).sqrt();
        let priors = [Prior::Normal {
            mean: mu0,
            sd: tau,
            lo: -50.0,
            hi: 50.0,
        }];
        // Scale: the statistic's own standard error, so distances are in its units.
        let obs = Observed {
            values: vec![xbar],
            scales: vec![sigma / (n as f64).sqrt()],
        };
        let out = calibrate(&settings(7), &priors, &obs, &gaussian(n, sigma), &|_| {}).unwrap();
        let post = out.posterior();
        let (m, sd) = (post.mean(0), post.sd(0));
        // Tolerances: ABC with a final tolerance of ~0.05 standard errors inflates the sd by
        // under 1%; 400 particles' Monte Carlo error in the mean is ~0.5/sqrt(ESS) ≈ 0.03.
        assert!(post.tolerance < 0.2, "tolerance {}", post.tolerance);
        assert!(
            (m - exact_mean).abs() < 0.08,
            "mean {m} vs exact {exact_mean}"
        );
        assert!(
            (sd / exact_sd - 1.0).abs() < 0.15,
            "sd {sd} vs exact {exact_sd}"
        );
        assert!(post.ess() > 100.0, "ess {}", post.ess());
    }

    /// Uniform wide prior: the posterior is (almost) the normal likelihood N(x̄, σ²/n).
    #[test]
    fn closed_form_under_a_wide_uniform_prior() {
        let (sigma, n, xbar) = (1.0, 4usize, -0.7);
        let priors = [Prior::Uniform {
            lo: -10.0,
            hi: 10.0,
        }];
        let obs = Observed {
            values: vec![xbar],
            scales: vec![0.5],
        };
        let out = calibrate(&settings(11), &priors, &obs, &gaussian(n, sigma), &|_| {}).unwrap();
        let post = out.posterior();
        assert!((post.mean(0) - xbar).abs() < 0.08, "{}", post.mean(0));
        assert!((post.sd(0) / 0.5 - 1.0).abs() < 0.15, "{}", post.sd(0));
    }

    /// Same seed: bit-identical generations on 1 and 2 threads (and batches smaller than the
    /// population, so acceptance spans batches).
    #[test]
    fn same_seed_same_posterior_whatever_the_thread_count() {
        let priors = [
            Prior::Uniform { lo: -5.0, hi: 5.0 },
            Prior::LogUniform { lo: 0.1, hi: 10.0 },
        ];
        let obs = Observed {
            values: vec![1.0, 2.0],
            scales: vec![0.2, 0.2],
        };
        let sim = |_: SimKey, p: &[f64], seed: u64| {
            let mut rng = stream_from_key(seed);
            Ok(vec![
                p[0] + 0.1 * standard_normal(&mut rng),
                p[1] * p[0].abs() + 0.1 * standard_normal(&mut rng),
            ])
        };
        let mut s = Settings::new(3, 60);
        s.batch = 25;
        s.max_generations = 4;
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| calibrate(&s, &priors, &obs, &sim, &|_| {}).unwrap())
        };
        let a = run(1);
        let b = run(2);
        assert_eq!(a, b);
        assert_eq!(a.generations.len(), 4);
        assert_eq!(a.predictive.len(), 60);
        let c = calibrate(
            &Settings {
                seed: 4,
                ..s.clone()
            },
            &priors,
            &obs,
            &sim,
            &|_| {},
        )
        .unwrap();
        assert_ne!(a.posterior().particles, c.posterior().particles);
    }

    #[test]
    fn a_stalled_tolerance_stops_with_its_best_population() {
        // A statistic that does not depend on θ: the tolerance cannot fall.
        let priors = [Prior::Uniform { lo: 0.0, hi: 1.0 }];
        let obs = Observed {
            values: vec![0.5],
            scales: vec![1.0],
        };
        let sim = |_: SimKey, _: &[f64], _: u64| Ok(vec![0.7]);
        let mut s = Settings::new(1, 20);
        s.max_generations = 20;
        let out = calibrate(&s, &priors, &obs, &sim, &|_| {}).unwrap();
        assert!(matches!(out.stop, Stop::Stalled { .. }), "{:?}", out.stop);
        assert!(out.generations.len() < 20);
    }

    #[test]
    fn a_target_no_simulation_measures_is_named_after_the_first_batch() {
        let priors = [Prior::Uniform { lo: 0.0, hi: 1.0 }];
        let obs = Observed {
            values: vec![0.5, 1.0],
            scales: vec![1.0, 1.0],
        };
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let sim = |_: SimKey, p: &[f64], _: u64| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(vec![p[0], f64::NAN])
        };
        let e = calibrate(&Settings::new(1, 20), &priors, &obs, &sim, &|_| {}).unwrap_err();
        assert_eq!(e, AbcError::NeverFinite(vec![1]));
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 20);
    }

    #[test]
    fn the_budget_stops_and_keeps_complete_generations() {
        let priors = [Prior::Uniform { lo: -5.0, hi: 5.0 }];
        let obs = Observed {
            values: vec![0.0],
            scales: vec![1.0],
        };
        let mut s = Settings::new(1, 50);
        s.max_simulations = 130;
        s.predictive = false;
        let out = calibrate(&s, &priors, &obs, &gaussian(1, 1.0), &|_| {}).unwrap();
        assert_eq!(out.stop, Stop::Budget);
        assert!(out.generations.iter().all(|g| g.particles.len() == 50));
        assert!(out.posterior().simulations_total <= 130);
        s.max_simulations = 49;
        assert!(matches!(
            calibrate(&s, &priors, &obs, &gaussian(1, 1.0), &|_| {}),
            Err(AbcError::BudgetTooSmall(49))
        ));
    }
}
