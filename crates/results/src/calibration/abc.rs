//! ABC-SMC (Toni et al. 2009; importance weights of Beaumont et al. 2009), with the
//! tolerance of each generation a quantile of the previous generation's accepted distances
//! (Del Moral et al. 2012) and a multivariate normal perturbation kernel with twice the
//! previous population's weighted covariance (Filippi et al. 2013).
//!
//! Reproducibility: every random number is drawn from a stream keyed by (calibration seed,
//! purpose, generation, candidate index), a perturbation redrawn after leaving the prior's
//! support by (..., attempt), and a candidate's simulation gets a seed keyed the same way. Candidates are simulated in fixed batches of candidate indices (in parallel,
//! results collected in index order) and accepted in index order until the population is
//! full, so which candidates are simulated, and every number after, never depends on the
//! thread count or on scheduling.

use rayon::prelude::*;

use super::linalg::{cholesky_ridged, lower_mul, mahalanobis2, weighted_cov};
use super::prior::{standard_normal, Prior};
use crate::model::rng::{key, key_from, stream_from_key, unit_f64};

/// Stream-key tags: proposals and simulation seeds never share numbers.
const TAG_PROPOSE: u64 = 0x4341_4C49_425F_5052; // "CALIB_PR"
const TAG_SIMULATE: u64 = 0x4341_4C49_425F_5349; // "CALIB_SI"
const TAG_PREDICT: u64 = 0x4341_4C49_425F_5044; // "CALIB_PD"

/// The generation number under which the posterior predictive simulations are keyed.
pub const PREDICTIVE_GENERATION: u32 = u32::MAX;

/// Most proposals of one candidate before it falls back to its parent (a kernel that almost
/// never lands inside the prior's support).
const MAX_ATTEMPTS: usize = 10_000;

/// How a calibration runs and when it stops.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub seed: u64,
    /// Particles per generation.
    pub population: usize,
    /// Tolerance of generation t+1: this weighted quantile of generation t's distances.
    pub quantile: f64,
    /// Stop once a generation's tolerance is at or below this (0: no such rule).
    pub final_tolerance: f64,
    /// Most generations (generation 0, from the prior, included).
    pub max_generations: usize,
    /// Most simulations (particles' candidates, all generations; the predictive check not
    /// included). A generation the budget cuts short is dropped.
    pub max_simulations: usize,
    /// Candidates simulated at once (in parallel); a fixed number, never the thread count.
    pub batch: usize,
    /// The tolerance has stalled when it fell by less than this share over
    /// `stall_generations` generations.
    pub min_drop: f64,
    pub stall_generations: usize,
    /// Simulations of the final population for the posterior predictive check (0: none).
    pub predictive: bool,
}

impl Settings {
    /// Defaults for the optional settings: quantile 0.5, stall below a 1% drop over 2
    /// generations, batches of one population.
    pub fn new(seed: u64, population: usize) -> Settings {
        Settings {
            seed,
            population,
            quantile: 0.5,
            final_tolerance: 0.0,
            max_generations: 10,
            max_simulations: 1_000_000,
            batch: population.max(1),
            min_drop: 0.01,
            stall_generations: 2,
            predictive: true,
        }
    }
}

/// The targets: observed values and their scales (standard error or tolerance).
#[derive(Debug, Clone, PartialEq)]
pub struct Observed {
    pub values: Vec<f64>,
    pub scales: Vec<f64>,
}

impl Observed {
    /// Weighted Euclidean distance: the root of the sum of ((simulated − observed) / scale)²;
    /// infinite when a statistic is missing or not finite.
    pub fn distance(&self, stats: &[f64]) -> f64 {
        if stats.len() != self.values.len() {
            return f64::INFINITY;
        }
        let mut s = 0.0;
        for ((x, o), sc) in stats.iter().zip(&self.values).zip(&self.scales) {
            let z = (x - o) / sc;
            if !z.is_finite() {
                return f64::INFINITY;
            }
            s += z * z;
        }
        s.sqrt()
    }
}

/// Which simulation a call is: generation and candidate index (the journal's key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SimKey {
    pub generation: u32,
    pub index: u64,
}

/// The simulator: (which simulation, parameters, seed) → statistics, or why it failed.
pub type Simulate<'a> = dyn Fn(SimKey, &[f64], u64) -> Result<Vec<f64>, String> + Sync + 'a;

/// One accepted particle.
#[derive(Debug, Clone, PartialEq)]
pub struct Particle {
    pub params: Vec<f64>,
    /// Normalised importance weight (the population's weights sum to 1).
    pub weight: f64,
    pub distance: f64,
    pub stats: Vec<f64>,
}

/// One complete generation.
#[derive(Debug, Clone, PartialEq)]
pub struct Generation {
    pub index: usize,
    /// Infinite for generation 0 (every prior draw with finite statistics is accepted).
    pub tolerance: f64,
    pub particles: Vec<Particle>,
    /// Candidates considered (in index order) until the population was full.
    pub considered: usize,
    /// Candidates simulated in this generation (whole batches).
    pub simulated: usize,
    /// Simulations so far, this generation's included.
    pub simulations_total: usize,
}

impl Generation {
    pub fn acceptance_rate(&self) -> f64 {
        self.particles.len() as f64 / self.considered.max(1) as f64
    }

    /// Effective sample size, 1 / Σ w² of the normalised weights.
    pub fn ess(&self) -> f64 {
        1.0 / self
            .particles
            .iter()
            .map(|p| p.weight * p.weight)
            .sum::<f64>()
    }

    /// Weighted mean of parameter `k`.
    pub fn mean(&self, k: usize) -> f64 {
        self.particles.iter().map(|p| p.weight * p.params[k]).sum()
    }

    /// Weighted standard deviation of parameter `k`.
    pub fn sd(&self, k: usize) -> f64 {
        let m = self.mean(k);
        self.particles
            .iter()
            .map(|p| p.weight * (p.params[k] - m).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// Weighted quantile `q` of parameter `k`.
    pub fn quantile(&self, k: usize, q: f64) -> f64 {
        let values: Vec<f64> = self.particles.iter().map(|p| p.params[k]).collect();
        let weights: Vec<f64> = self.particles.iter().map(|p| p.weight).collect();
        weighted_quantile(&values, &weights, q)
    }
}

/// Why a calibration stopped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stop {
    /// The tolerance reached `final_tolerance`.
    FinalTolerance,
    MaxGenerations,
    /// The simulation budget ran out (a generation it cut short is not kept).
    Budget,
    /// The tolerance fell by less than `min_drop` over `stall_generations` generations.
    Stalled {
        from: f64,
        to: f64,
    },
}

impl Stop {
    /// Its name in the manifest (`stop.reason`) and the catalogue (`calibration-stop-<name>`),
    /// by which a report says it in the reader's language.
    pub fn key(&self) -> &'static str {
        match self {
            Stop::FinalTolerance => "final_tolerance",
            Stop::MaxGenerations => "max_generations",
            Stop::Budget => "budget",
            Stop::Stalled { .. } => "stalled",
        }
    }

    /// The tolerances a stall is named by (from, to); `None` for the other reasons.
    pub fn stalled_between(&self) -> Option<(f64, f64)> {
        match *self {
            Stop::Stalled { from, to } => Some((from, to)),
            _ => None,
        }
    }

    /// In English, as `manifest.json`'s `stopped` keeps it (the catalogue's English is the
    /// same words, tested in the report).
    pub fn describe(&self) -> String {
        match self {
            Stop::FinalTolerance => "the tolerance reached final_tolerance".into(),
            Stop::MaxGenerations => "max_generations reached".into(),
            Stop::Budget => "the simulation budget (max_simulations) ran out".into(),
            Stop::Stalled { from, to } => format!(
                "the tolerance stopped falling ({from:.6} to {to:.6}): more generations would not fit the targets more closely; the last population is the best"
            ),
        }
    }
}

/// What a calibration gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub generations: Vec<Generation>,
    pub stop: Stop,
    /// Statistics of one fresh simulation per particle of the final population (posterior
    /// predictive), in particle order; empty when not asked for.
    pub predictive: Vec<Vec<f64>>,
}

impl Outcome {
    /// The posterior: the last complete generation.
    pub fn posterior(&self) -> &Generation {
        &self.generations[self.generations.len() - 1]
    }
}

/// Progress after every batch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub generation: usize,
    pub tolerance: f64,
    pub accepted: usize,
    pub considered: usize,
    pub simulations: usize,
}

/// Why a calibration failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AbcError {
    #[error("a calibration needs at least one parameter, one target and 2 particles")]
    Empty,
    #[error("the budget of {0} simulations does not complete generation 0")]
    BudgetTooSmall(usize),
    /// Every candidate of generation 0's first batch had a target that is not a number (a
    /// statistic the run cannot measure, such as a follow-up past the horizon): indices of
    /// the targets that were never finite.
    #[error("no simulation gives a finite value for target(s) {0:?}")]
    NeverFinite(Vec<usize>),
    #[error("simulation {generation}/{index}: {message}")]
    Simulation {
        generation: u32,
        index: u64,
        message: String,
    },
}

/// Weighted quantile: the smallest value whose cumulative normalised weight reaches `q`.
pub fn weighted_quantile(values: &[f64], weights: &[f64], q: f64) -> f64 {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]).then(a.cmp(&b)));
    let total: f64 = weights.iter().sum();
    let mut acc = 0.0;
    for &i in &order {
        acc += weights[i] / total;
        if acc >= q - 1e-12 {
            return values[i];
        }
    }
    order.last().map_or(f64::NAN, |&i| values[i])
}

/// The proposal of generation ≥ 1: parents and their cumulative weights, the kernel's
/// Cholesky factor.
struct Kernel<'p> {
    prev: &'p Generation,
    cumulative: Vec<f64>,
    chol: Vec<f64>,
}

impl<'p> Kernel<'p> {
    fn new(prev: &'p Generation, priors: &[Prior]) -> Kernel<'p> {
        let d = priors.len();
        let pts: Vec<Vec<f64>> = prev.particles.iter().map(|p| p.params.clone()).collect();
        let w: Vec<f64> = prev.particles.iter().map(|p| p.weight).collect();
        let mut cov = weighted_cov(&pts, &w, d);
        for v in cov.iter_mut() {
            *v *= 2.0;
        }
        let scale: Vec<f64> = priors
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let (lo, hi) = p.support();
                let width = hi - lo;
                if width.is_finite() {
                    width * width
                } else {
                    cov[k * d + k].max(1.0)
                }
            })
            .collect();
        let chol = cholesky_ridged(&cov, d, &scale);
        let mut acc = 0.0;
        let cumulative = w
            .iter()
            .map(|x| {
                acc += x;
                acc
            })
            .collect();
        Kernel {
            prev,
            cumulative,
            chol,
        }
    }

    /// A perturbed parent inside the prior's support, from the candidate's own stream.
    /// The parent is picked from the candidate's stream `k`; attempt a's step from the
    /// stream keyed (k, a), so a redraw never shifts another candidate's numbers.
    fn propose(&self, priors: &[Prior], k: u64) -> Vec<f64> {
        let d = priors.len();
        let total = self.cumulative[self.cumulative.len() - 1];
        let u = unit_f64(&mut stream_from_key(k)) * total;
        let j = self
            .cumulative
            .partition_point(|&c| c <= u)
            .min(self.cumulative.len() - 1);
        let parent = &self.prev.particles[j].params;
        for attempt in 0..MAX_ATTEMPTS {
            let mut rng = stream_from_key(key_from(k, &[attempt as u64]));
            let z: Vec<f64> = (0..d).map(|_| standard_normal(&mut rng)).collect();
            let step = lower_mul(&self.chol, &z, d);
            let theta: Vec<f64> = parent.iter().zip(&step).map(|(a, b)| a + b).collect();
            if priors.iter().zip(&theta).all(|(p, &x)| p.contains(x)) {
                return theta;
            }
        }
        parent.clone()
    }

    /// Unnormalised importance weight prior(θ) / Σ_j w_j K(θ | θ_j).
    fn weight(&self, priors: &[Prior], theta: &[f64]) -> f64 {
        let d = priors.len();
        let prior: f64 = priors
            .iter()
            .zip(theta)
            .map(|(p, &x)| p.density(x))
            .product();
        let mut diff = vec![0.0; d];
        let mut mix = 0.0;
        for p in &self.prev.particles {
            for k in 0..d {
                diff[k] = theta[k] - p.params[k];
            }
            mix += p.weight * (-0.5 * mahalanobis2(&self.chol, &diff, d)).exp();
        }
        if mix > 0.0 {
            prior / mix
        } else {
            0.0
        }
    }
}

/// A simulated candidate.
struct Candidate {
    params: Vec<f64>,
    stats: Vec<f64>,
    distance: f64,
}

/// Runs ABC-SMC over `priors` (one per parameter, in order) against `observed`.
pub fn calibrate(
    settings: &Settings,
    priors: &[Prior],
    observed: &Observed,
    simulate: &Simulate,
    progress: &(dyn Fn(&Progress) + Sync),
) -> Result<Outcome, AbcError> {
    if priors.is_empty() || observed.values.is_empty() || settings.population < 2 {
        return Err(AbcError::Empty);
    }
    let n = settings.population;
    let batch = settings.batch.max(1);
    let mut generations: Vec<Generation> = Vec::new();
    let mut sims = 0usize;
    let stop = loop {
        let g = generations.len();
        let tolerance = match generations.last() {
            None => f64::INFINITY,
            Some(prev) => {
                let d: Vec<f64> = prev.particles.iter().map(|p| p.distance).collect();
                let w: Vec<f64> = prev.particles.iter().map(|p| p.weight).collect();
                weighted_quantile(&d, &w, settings.quantile).max(settings.final_tolerance)
            }
        };
        let kernel = generations.last().map(|prev| Kernel::new(prev, priors));
        let mut accepted: Vec<Candidate> = Vec::with_capacity(n);
        let mut considered = 0usize;
        let mut simulated = 0usize;
        let mut next = 0u64;
        let mut cut_short = false;
        while accepted.len() < n {
            let room = settings.max_simulations.saturating_sub(sims);
            let size = batch.min(room);
            if size == 0 {
                cut_short = true;
                break;
            }
            let ids: Vec<u64> = (next..next + size as u64).collect();
            next += size as u64;
            let results: Vec<Result<Candidate, AbcError>> = ids
                .par_iter()
                .map(|&i| {
                    let k = key(&[settings.seed, TAG_PROPOSE, g as u64, i]);
                    let params = match &kernel {
                        None => {
                            let mut rng = stream_from_key(k);
                            priors.iter().map(|p| p.sample(&mut rng)).collect()
                        }
                        Some(kernel) => kernel.propose(priors, k),
                    };
                    let seed = key(&[settings.seed, TAG_SIMULATE, g as u64, i]);
                    let sk = SimKey {
                        generation: g as u32,
                        index: i,
                    };
                    let stats =
                        simulate(sk, &params, seed).map_err(|message| AbcError::Simulation {
                            generation: g as u32,
                            index: i,
                            message,
                        })?;
                    let distance = observed.distance(&stats);
                    Ok(Candidate {
                        params,
                        stats,
                        distance,
                    })
                })
                .collect();
            sims += size;
            simulated += size;
            let results: Vec<Candidate> = results.into_iter().collect::<Result<_, _>>()?;
            if g == 0 && next == size as u64 && results.iter().all(|c| !c.distance.is_finite()) {
                let never: Vec<usize> = (0..observed.values.len())
                    .filter(|&k| {
                        results
                            .iter()
                            .all(|c| !c.stats.get(k).is_some_and(|v| v.is_finite()))
                    })
                    .collect();
                if !never.is_empty() {
                    return Err(AbcError::NeverFinite(never));
                }
            }
            for c in results {
                if accepted.len() == n {
                    continue;
                }
                considered += 1;
                if c.distance.is_finite() && c.distance <= tolerance {
                    accepted.push(c);
                }
            }
            progress(&Progress {
                generation: g,
                tolerance,
                accepted: accepted.len(),
                considered,
                simulations: sims,
            });
        }
        if cut_short {
            if generations.is_empty() {
                return Err(AbcError::BudgetTooSmall(settings.max_simulations));
            }
            break Stop::Budget;
        }
        let raw: Vec<f64> = match &kernel {
            None => vec![1.0; n],
            Some(k) => accepted
                .iter()
                .map(|c| k.weight(priors, &c.params))
                .collect(),
        };
        let total: f64 = raw.iter().sum();
        let particles = accepted
            .into_iter()
            .zip(&raw)
            .map(|(c, &w)| Particle {
                params: c.params,
                weight: if total > 0.0 {
                    w / total
                } else {
                    1.0 / n as f64
                },
                distance: c.distance,
                stats: c.stats,
            })
            .collect();
        generations.push(Generation {
            index: g,
            tolerance,
            particles,
            considered,
            simulated,
            simulations_total: sims,
        });
        if g >= 1 && settings.final_tolerance > 0.0 && tolerance <= settings.final_tolerance {
            break Stop::FinalTolerance;
        }
        if generations.len() >= settings.max_generations {
            break Stop::MaxGenerations;
        }
        let s = settings.stall_generations;
        if s > 0 && g > s {
            let from = generations[g - s].tolerance;
            if from - tolerance < settings.min_drop * from {
                break Stop::Stalled {
                    from,
                    to: tolerance,
                };
            }
        }
        if sims >= settings.max_simulations {
            break Stop::Budget;
        }
    };
    let predictive = if settings.predictive {
        predict(settings, &generations[generations.len() - 1], simulate)?
    } else {
        Vec::new()
    };
    Ok(Outcome {
        generations,
        stop,
        predictive,
    })
}

/// One fresh simulation per particle of `g` (new seeds): the posterior predictive.
fn predict(
    settings: &Settings,
    g: &Generation,
    simulate: &Simulate,
) -> Result<Vec<Vec<f64>>, AbcError> {
    g.particles
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let seed = key(&[settings.seed, TAG_PREDICT, i as u64]);
            let sk = SimKey {
                generation: PREDICTIVE_GENERATION,
                index: i as u64,
            };
            simulate(sk, &p.params, seed).map_err(|message| AbcError::Simulation {
                generation: PREDICTIVE_GENERATION,
                index: i as u64,
                message,
            })
        })
        .collect()
}
