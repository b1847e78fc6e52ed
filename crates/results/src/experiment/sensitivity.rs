//! Global sensitivity analysis for simulation parameters, following the
//! estimators SALib uses.
//!
//! An agent-based model has many uncertain parameters and interactions between
//! them, so one-at-a-time sweeps around a baseline miss most of what matters.
//! Two complementary global methods are provided:
//!
//! - **Morris screening** ([`morris_design`], [`morris_indices`]): cheap,
//!   k+1 runs per trajectory, used first to discard parameters that do not
//!   matter before spending a large budget.
//! - **Sobol variance decomposition** ([`saltelli_design`], [`sobol_indices`]):
//!   n·(k+2) runs, giving the share of output variance due to each parameter
//!   alone (S1) and including all its interactions (ST).
//!
//! All designs live in the unit hypercube; the caller maps each coordinate to
//! its parameter range with [`scale`] (or any inverse CDF), so the sampling
//! and estimation code never needs to know parameter units.
//!
//! Functions return [`SensitivityError`] instead of panicking on bad
//! arguments: these are called from long-running batch drivers where a
//! mismatched output vector should be a reportable error, not an abort that
//! throws away hours of simulation.

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// Why a design could not be built or an analysis could not be run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SensitivityError {
    /// `k` was zero.
    #[error("the number of parameters k must be at least 1")]
    NoParameters,
    /// The Saltelli design needs 2k Sobol dimensions and the table is finite.
    #[error("k = {k} parameters exceeds the maximum of {max} for the Saltelli design")]
    TooManyParameters {
        /// Requested number of parameters.
        k: usize,
        /// Largest supported number of parameters.
        max: usize,
    },
    /// `dims` was zero or larger than the Sobol direction-number table.
    #[error("Sobol dimension {dims} is outside 1..={max}")]
    SobolDimension {
        /// Requested dimension.
        dims: usize,
        /// Largest supported dimension.
        max: usize,
    },
    /// `n_base` or `trajectories` was zero.
    #[error("the design must have at least one base sample or trajectory")]
    NoSamples,
    /// More points were requested than the 32-bit Sobol sequence holds.
    #[error("{requested} Sobol points requested but at most {max} are available")]
    SequenceExhausted {
        /// Points needed (including the skipped first point).
        requested: u64,
        /// Points available.
        max: u64,
    },
    /// Morris levels must be even (so every step of Δ lands on the grid) and ≥ 2.
    #[error("Morris levels must be even and at least 2, got {levels}")]
    InvalidLevels {
        /// Requested number of levels.
        levels: usize,
    },
    /// The output vector is not a whole number of design blocks.
    #[error("output length {len} is not a positive multiple of the block size {block}")]
    OutputLength {
        /// Length of `y`.
        len: usize,
        /// Rows per block (k+2 for Saltelli, k+1 for Morris).
        block: usize,
    },
    /// The design and the output vector have different lengths.
    #[error("design has {design_rows} rows but there are {outputs} outputs")]
    DesignOutputMismatch {
        /// Rows in the design.
        design_rows: usize,
        /// Length of `y`.
        outputs: usize,
    },
    /// A design row does not have k columns.
    #[error("design row {row} has {got} columns, expected {expected}")]
    RowWidth {
        /// Offending row.
        row: usize,
        /// k.
        expected: usize,
        /// Actual length.
        got: usize,
    },
    /// A model output was NaN or infinite.
    #[error("output {index} is not finite")]
    NonFiniteOutput {
        /// Index into `y`.
        index: usize,
    },
    /// A design value was NaN or infinite.
    #[error("design row {row} contains a non-finite value")]
    NonFiniteDesign {
        /// Offending row.
        row: usize,
    },
    /// Every output was identical, so there is no variance to apportion.
    #[error("the output has zero variance; sensitivity indices are undefined")]
    ConstantOutput,
    /// Consecutive Morris points differ in other than exactly one parameter.
    #[error("trajectory {trajectory}, step {step}: {changed} parameters changed, expected 1")]
    NotOneAtATime {
        /// Trajectory index.
        trajectory: usize,
        /// Step within the trajectory (0-based).
        step: usize,
        /// Number of coordinates that changed.
        changed: usize,
    },
    /// A Morris trajectory moved the same parameter twice (so another one never moved).
    #[error("trajectory {trajectory} moves parameter {param} more than once")]
    ParameterRepeated {
        /// Trajectory index.
        trajectory: usize,
        /// Parameter index.
        param: usize,
    },
}

/// Maps a unit-cube coordinate to a uniform parameter range.
///
/// Kept as a separate step (rather than taking bounds in the design
/// functions) so the same design can be mapped through non-uniform inverse
/// CDFs, and so sensitivity estimates, which only see outputs, are unaffected
/// by the choice.
pub fn scale(unit: f64, lo: f64, hi: f64) -> f64 {
    lo + unit * (hi - lo)
}

/// Bits of resolution of the Sobol generator; 2³² points is far more than any
/// simulation budget, and 32 bits is what the Joe–Kuo reference code uses, so
/// the points agree exactly with it.
const SOBOL_BITS: usize = 32;

/// Largest Sobol dimension supported: the first dimension (van der Corput)
/// plus one per row of the Joe–Kuo table below.
pub const SOBOL_MAX_DIM: usize = 1 + JOE_KUO.len();

/// Largest k for [`saltelli_design`], which consumes 2k Sobol dimensions.
pub const SALTELLI_MAX_PARAMS: usize = SOBOL_MAX_DIM / 2;

/// Joe & Kuo (2008) direction numbers, file `new-joe-kuo-6.21201`,
/// dimensions 2..=101 (all primitive polynomials up to degree 9). Each row is
/// `[a, m_1, ..., m_s]`: `a` encodes the inner coefficients of the primitive
/// polynomial of degree `s` (= number of `m` values) and `m_i` are the initial
/// direction integers. These were chosen by Joe & Kuo to optimise
/// two-dimensional projections, which matters here because Saltelli
/// estimators pair columns of A and B.
#[rustfmt::skip]
const JOE_KUO: &[&[u32]] = &[
    &[0, 1],
    &[1, 1, 3],
    &[1, 1, 3, 1],
    &[2, 1, 1, 1],
    &[1, 1, 1, 3, 3],
    &[4, 1, 3, 5, 13],
    &[2, 1, 1, 5, 5, 17],
    &[4, 1, 1, 5, 5, 5],
    &[7, 1, 1, 7, 11, 19],
    &[11, 1, 1, 5, 1, 1],
    &[13, 1, 1, 1, 3, 11],
    &[14, 1, 3, 5, 5, 31],
    &[1, 1, 3, 3, 9, 7, 49],
    &[13, 1, 1, 1, 15, 21, 21],
    &[16, 1, 3, 1, 13, 27, 49],
    &[19, 1, 1, 1, 15, 7, 5],
    &[22, 1, 3, 1, 15, 13, 25],
    &[25, 1, 1, 5, 5, 19, 61],
    &[1, 1, 3, 7, 11, 23, 15, 103],
    &[4, 1, 3, 7, 13, 13, 15, 69],
    &[7, 1, 1, 3, 13, 7, 35, 63],
    &[8, 1, 3, 5, 9, 1, 25, 53],
    &[14, 1, 3, 1, 13, 9, 35, 107],
    &[19, 1, 3, 1, 5, 27, 61, 31],
    &[21, 1, 1, 5, 11, 19, 41, 61],
    &[28, 1, 3, 5, 3, 3, 13, 69],
    &[31, 1, 1, 7, 13, 1, 19, 1],
    &[32, 1, 3, 7, 5, 13, 19, 59],
    &[37, 1, 1, 3, 9, 25, 29, 41],
    &[41, 1, 3, 5, 13, 23, 1, 55],
    &[42, 1, 3, 7, 3, 13, 59, 17],
    &[50, 1, 3, 1, 3, 5, 53, 69],
    &[55, 1, 1, 5, 5, 23, 33, 13],
    &[56, 1, 1, 7, 7, 1, 61, 123],
    &[59, 1, 1, 7, 9, 13, 61, 49],
    &[62, 1, 3, 3, 5, 3, 55, 33],
    &[14, 1, 3, 1, 15, 31, 13, 49, 245],
    &[21, 1, 3, 5, 15, 31, 59, 63, 97],
    &[22, 1, 3, 1, 11, 11, 11, 77, 249],
    &[38, 1, 3, 1, 11, 27, 43, 71, 9],
    &[47, 1, 1, 7, 15, 21, 11, 81, 45],
    &[49, 1, 3, 7, 3, 25, 31, 65, 79],
    &[50, 1, 3, 1, 1, 19, 11, 3, 205],
    &[52, 1, 1, 5, 9, 19, 21, 29, 157],
    &[56, 1, 3, 7, 11, 1, 33, 89, 185],
    &[67, 1, 3, 3, 3, 15, 9, 79, 71],
    &[70, 1, 3, 7, 11, 15, 39, 119, 27],
    &[84, 1, 1, 3, 1, 11, 31, 97, 225],
    &[97, 1, 1, 1, 3, 23, 43, 57, 177],
    &[103, 1, 3, 7, 7, 17, 17, 37, 71],
    &[115, 1, 3, 1, 5, 27, 63, 123, 213],
    &[122, 1, 1, 3, 5, 11, 43, 53, 133],
    &[8, 1, 3, 5, 5, 29, 17, 47, 173, 479],
    &[13, 1, 3, 3, 11, 3, 1, 109, 9, 69],
    &[16, 1, 1, 1, 5, 17, 39, 23, 5, 343],
    &[22, 1, 3, 1, 5, 25, 15, 31, 103, 499],
    &[25, 1, 1, 1, 11, 11, 17, 63, 105, 183],
    &[44, 1, 1, 5, 11, 9, 29, 97, 231, 363],
    &[47, 1, 1, 5, 15, 19, 45, 41, 7, 383],
    &[52, 1, 3, 7, 7, 31, 19, 83, 137, 221],
    &[55, 1, 1, 1, 3, 23, 15, 111, 223, 83],
    &[59, 1, 1, 5, 13, 31, 15, 55, 25, 161],
    &[62, 1, 1, 3, 13, 25, 47, 39, 87, 257],
    &[67, 1, 1, 1, 11, 21, 53, 125, 249, 293],
    &[74, 1, 1, 7, 11, 11, 7, 57, 79, 323],
    &[81, 1, 1, 5, 5, 17, 13, 81, 3, 131],
    &[82, 1, 1, 7, 13, 23, 7, 65, 251, 475],
    &[87, 1, 3, 5, 1, 9, 43, 3, 149, 11],
    &[91, 1, 1, 3, 13, 31, 13, 13, 255, 487],
    &[94, 1, 3, 3, 1, 5, 63, 89, 91, 127],
    &[103, 1, 1, 3, 3, 1, 19, 123, 127, 237],
    &[104, 1, 1, 5, 7, 23, 31, 37, 243, 289],
    &[109, 1, 1, 5, 11, 17, 53, 117, 183, 491],
    &[122, 1, 1, 1, 5, 1, 13, 13, 209, 345],
    &[124, 1, 1, 3, 15, 1, 57, 115, 7, 33],
    &[137, 1, 3, 1, 11, 7, 43, 81, 207, 175],
    &[138, 1, 3, 1, 1, 15, 27, 63, 255, 49],
    &[143, 1, 3, 5, 3, 27, 61, 105, 171, 305],
    &[145, 1, 1, 5, 3, 1, 3, 57, 249, 149],
    &[152, 1, 1, 3, 5, 5, 57, 15, 13, 159],
    &[157, 1, 1, 1, 11, 7, 11, 105, 141, 225],
    &[167, 1, 3, 3, 5, 27, 59, 121, 101, 271],
    &[173, 1, 3, 5, 9, 11, 49, 51, 59, 115],
    &[176, 1, 1, 7, 1, 23, 45, 125, 71, 419],
    &[181, 1, 1, 3, 5, 23, 5, 105, 109, 75],
    &[182, 1, 1, 7, 15, 7, 11, 67, 121, 453],
    &[185, 1, 3, 7, 3, 9, 13, 31, 27, 449],
    &[191, 1, 3, 1, 15, 19, 39, 39, 89, 15],
    &[194, 1, 1, 1, 1, 1, 33, 73, 145, 379],
    &[199, 1, 3, 1, 15, 15, 43, 29, 13, 483],
    &[218, 1, 1, 7, 3, 19, 27, 85, 131, 431],
    &[220, 1, 3, 3, 3, 5, 35, 23, 195, 349],
    &[227, 1, 3, 3, 7, 9, 27, 39, 59, 297],
    &[229, 1, 1, 3, 9, 11, 17, 13, 241, 157],
    &[230, 1, 3, 7, 15, 25, 57, 33, 189, 213],
    &[234, 1, 1, 7, 1, 9, 55, 73, 83, 217],
    &[236, 1, 3, 3, 13, 19, 27, 23, 113, 249],
    &[241, 1, 3, 5, 3, 23, 43, 3, 253, 479],
    &[244, 1, 1, 5, 5, 11, 5, 45, 117, 217],
    &[253, 1, 3, 3, 7, 29, 37, 33, 123, 147],
];

/// Unscrambled Sobol low-discrepancy sequence with Joe–Kuo direction numbers,
/// in Gray-code order (the order of the Joe–Kuo reference implementation and
/// of SciPy's `qmc.Sobol(scramble=False)`), starting from the all-zero point.
///
/// A low-discrepancy sequence rather than pseudo-random sampling is used
/// because Sobol-index estimators converge roughly like 1/n on it instead of
/// 1/√n, which for a simulation costing seconds per run is the difference
/// between an overnight batch and a week.
#[derive(Debug, Clone)]
pub struct Sobol {
    /// Direction integers, one row of `SOBOL_BITS` per dimension.
    v: Vec<[u32; SOBOL_BITS]>,
    /// Current point as integers (before the optional digital shift).
    x: Vec<u32>,
    /// XOR mask applied on output; all zeros for the plain sequence.
    shift: Vec<u32>,
    /// Index of the point the next call returns; `None` once exhausted.
    next_index: Option<u64>,
}

impl Sobol {
    /// The plain Sobol sequence in `dims` dimensions (1..=[`SOBOL_MAX_DIM`]).
    pub fn new(dims: usize) -> Result<Self, SensitivityError> {
        if dims == 0 || dims > SOBOL_MAX_DIM {
            return Err(SensitivityError::SobolDimension {
                dims,
                max: SOBOL_MAX_DIM,
            });
        }
        let v = (0..dims).map(direction_integers).collect();
        Ok(Sobol {
            v,
            x: vec![0; dims],
            shift: vec![0; dims],
            next_index: Some(0),
        })
    }

    /// The Sobol sequence with a seeded random digital shift: every
    /// coordinate's 32-bit integer is XOR-ed with a random mask.
    ///
    /// A digital shift keeps the net structure (every dyadic box still gets
    /// its share of points) but moves points off the exact dyadic values
    /// 0.5, 0.25, ... that the plain sequence hits over and over; model
    /// parameters sitting exactly on round values can trigger special cases
    /// (ties, thresholds) that are not representative. Different seeds also
    /// give independent randomised-QMC replicates of a whole study.
    pub fn with_digital_shift(dims: usize, seed: u64) -> Result<Self, SensitivityError> {
        let mut s = Self::new(dims)?;
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        for m in s.shift.iter_mut() {
            *m = rng.random::<u32>();
        }
        Ok(s)
    }

    /// Number of dimensions of each point.
    pub fn dims(&self) -> usize {
        self.v.len()
    }

    /// Total number of points the sequence can produce (2³²).
    pub const MAX_POINTS: u64 = 1 << SOBOL_BITS;

    /// Writes the next point into `out` (which must have [`Sobol::dims`]
    /// entries) and returns `false`, leaving `out` untouched, once the
    /// sequence is exhausted or when `out` has the wrong length.
    pub fn next_into(&mut self, out: &mut [f64]) -> bool {
        let Some(i) = self.next_index else {
            return false;
        };
        if out.len() != self.x.len() {
            return false;
        }
        const INV: f64 = 1.0 / (1u64 << SOBOL_BITS) as f64;
        for ((o, &x), &m) in out.iter_mut().zip(&self.x).zip(&self.shift) {
            *o = f64::from(x ^ m) * INV;
        }
        // Gray-code update: point i+1 differs from point i by the direction
        // integer indexed by the lowest zero bit of i.
        let c = i.trailing_ones() as usize;
        if c >= SOBOL_BITS {
            self.next_index = None;
        } else {
            for (x, v) in self.x.iter_mut().zip(&self.v) {
                *x ^= v[c];
            }
            self.next_index = Some(i + 1);
        }
        true
    }
}

impl Iterator for Sobol {
    type Item = Vec<f64>;

    fn next(&mut self) -> Option<Vec<f64>> {
        let mut p = vec![0.0; self.dims()];
        self.next_into(&mut p).then_some(p)
    }
}

/// Direction integers for 0-based dimension `d`, scaled to `SOBOL_BITS`.
/// `d` must be below `SOBOL_MAX_DIM` (checked by the caller).
fn direction_integers(d: usize) -> [u32; SOBOL_BITS] {
    let mut v = [0u32; SOBOL_BITS];
    if d == 0 {
        // First dimension: van der Corput in base 2, all m_i = 1.
        for (i, vi) in v.iter_mut().enumerate() {
            *vi = 1 << (SOBOL_BITS - 1 - i);
        }
        return v;
    }
    let row = JOE_KUO[d - 1];
    let a = row[0];
    let m = &row[1..];
    let s = m.len();
    for i in 0..SOBOL_BITS {
        v[i] = if i < s {
            m[i] << (SOBOL_BITS - 1 - i)
        } else {
            let mut x = v[i - s] ^ (v[i - s] >> s);
            for k in 1..s {
                if (a >> (s - 1 - k)) & 1 == 1 {
                    x ^= v[i - k];
                }
            }
            x
        };
    }
    v
}

/// Saltelli (2010) design for first- and total-order Sobol indices.
///
/// Layout: for each base row j = 0..n_base, k+2 consecutive rows
///
/// ```text
/// row j*(k+2)         : A_j
/// row j*(k+2) + 1 + i : AB_j^(i)  (A_j with column i taken from B_j), i = 0..k
/// row j*(k+2) + k + 1 : B_j
/// ```
///
/// where (A_j, B_j) are the first and last k coordinates of the (j+1)-th
/// point of a digitally shifted 2k-dimensional Sobol sequence (the first
/// point, index 0, is skipped as SALib historically does, because in the
/// plain sequence it is the corner of the cube). This is SALib's layout with
/// `calc_second_order=False`, so outputs are interchangeable with it, and
/// keeping each base row's k+2 runs adjacent lets [`sobol_indices`]
/// bootstrap by resampling whole blocks.
///
/// Returns n_base·(k+2) rows of k values in [0, 1). Prefer a power of two
/// for `n_base`, where the Sobol points are best balanced. `seed` selects the
/// digital shift (see [`Sobol::with_digital_shift`]); the same seed always
/// gives the same design.
pub fn saltelli_design(
    k: usize,
    n_base: usize,
    seed: u64,
) -> Result<Vec<Vec<f64>>, SensitivityError> {
    if k == 0 {
        return Err(SensitivityError::NoParameters);
    }
    if k > SALTELLI_MAX_PARAMS {
        return Err(SensitivityError::TooManyParameters {
            k,
            max: SALTELLI_MAX_PARAMS,
        });
    }
    if n_base == 0 {
        return Err(SensitivityError::NoSamples);
    }
    let requested = (n_base as u64).saturating_add(1);
    if requested > Sobol::MAX_POINTS {
        return Err(SensitivityError::SequenceExhausted {
            requested,
            max: Sobol::MAX_POINTS,
        });
    }
    let mut seq = Sobol::with_digital_shift(2 * k, seed)?;
    let mut point = vec![0.0; 2 * k];
    // Skip the first point (index 0).
    seq.next_into(&mut point);
    let mut rows = Vec::with_capacity(n_base * (k + 2));
    for _ in 0..n_base {
        if !seq.next_into(&mut point) {
            return Err(SensitivityError::SequenceExhausted {
                requested,
                max: Sobol::MAX_POINTS,
            });
        }
        let (a, b) = point.split_at(k);
        rows.push(a.to_vec());
        for i in 0..k {
            let mut ab = a.to_vec();
            ab[i] = b[i];
            rows.push(ab);
        }
        rows.push(b.to_vec());
    }
    Ok(rows)
}

/// First- and total-order Sobol index of one parameter with 95% bootstrap
/// percentile intervals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SobolIndex {
    /// First-order index: share of variance explained by this parameter alone.
    pub s1: f64,
    /// 2.5th bootstrap percentile of `s1`.
    pub s1_ci_lo: f64,
    /// 97.5th bootstrap percentile of `s1`.
    pub s1_ci_hi: f64,
    /// Total-order index: share of variance involving this parameter at all,
    /// including interactions. `st − s1` measures how much of its influence
    /// runs through interactions.
    pub st: f64,
    /// 2.5th bootstrap percentile of `st`.
    pub st_ci_lo: f64,
    /// 97.5th bootstrap percentile of `st`.
    pub st_ci_hi: f64,
}

/// Sobol indices from outputs evaluated on a [`saltelli_design`] (same row
/// order), one [`SobolIndex`] per parameter.
///
/// Estimators are the ones SALib uses: first order from Saltelli et al.
/// (2010), S1ᵢ = mean(f_B·(f_ABᵢ − f_A)) / V, and total order from Jansen
/// (1999), STᵢ = mean((f_A − f_ABᵢ)²) / 2V, with V the population variance of
/// all f_A and f_B values. The outputs are first centred on their overall
/// mean: the S1 estimator is not shift-invariant in finite samples, and an
/// output such as a population size with a large mean would otherwise inflate
/// its error (SALib standardises for the same reason).
///
/// Intervals are 95% bootstrap percentile intervals from `n_bootstrap`
/// resamples of whole base rows (A, AB₁..AB_k, B together, since they share
/// their inputs), drawn from a generator seeded with `seed` so results are
/// reproducible. Percentile intervals are used rather than SALib's normal
/// approximation because the sampling distribution of S1 for unimportant
/// parameters is skewed near zero. With `n_bootstrap == 0` the interval
/// fields are NaN.
///
/// Estimates are noisy and can fall slightly outside [0, 1]; they are not
/// clamped so that a negative S1 remains visible as a sign of too few runs.
pub fn sobol_indices(
    k: usize,
    y: &[f64],
    n_bootstrap: usize,
    seed: u64,
) -> Result<Vec<SobolIndex>, SensitivityError> {
    if k == 0 {
        return Err(SensitivityError::NoParameters);
    }
    // Saturating: an absurd k must give an error below, not an overflow panic.
    let block = k.saturating_add(2);
    if y.is_empty() || !y.len().is_multiple_of(block) {
        return Err(SensitivityError::OutputLength {
            len: y.len(),
            block,
        });
    }
    if let Some(index) = y.iter().position(|v| !v.is_finite()) {
        return Err(SensitivityError::NonFiniteOutput { index });
    }
    let n = y.len() / block;
    let centre = y.iter().sum::<f64>() / y.len() as f64;
    let at = |row: usize, col: usize| y[row * block + col] - centre;
    let fa: Vec<f64> = (0..n).map(|j| at(j, 0)).collect();
    let fb: Vec<f64> = (0..n).map(|j| at(j, k + 1)).collect();
    let fab: Vec<Vec<f64>> = (0..k)
        .map(|i| (0..n).map(|j| at(j, i + 1)).collect())
        .collect();
    let data = SaltelliOutputs {
        fa: &fa,
        fb: &fb,
        fab: &fab,
    };

    let all: Vec<usize> = (0..n).collect();
    let (s1, st) = data.estimate(&all);
    if s1.iter().chain(&st).any(|v| !v.is_finite()) {
        return Err(SensitivityError::ConstantOutput);
    }

    let mut boot_s1 = vec![Vec::with_capacity(n_bootstrap); k];
    let mut boot_st = vec![Vec::with_capacity(n_bootstrap); k];
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut idx = vec![0usize; n];
    for _ in 0..n_bootstrap {
        for r in idx.iter_mut() {
            *r = rng.random_range(0..n);
        }
        let (b1, bt) = data.estimate(&idx);
        for i in 0..k {
            // A resample can be constant (tiny n); leave it out rather than
            // poisoning the percentiles with NaN.
            if b1[i].is_finite() {
                boot_s1[i].push(b1[i]);
            }
            if bt[i].is_finite() {
                boot_st[i].push(bt[i]);
            }
        }
    }

    Ok((0..k)
        .map(|i| SobolIndex {
            s1: s1[i],
            s1_ci_lo: percentile(&mut boot_s1[i], 0.025),
            s1_ci_hi: percentile(&mut boot_s1[i], 0.975),
            st: st[i],
            st_ci_lo: percentile(&mut boot_st[i], 0.025),
            st_ci_hi: percentile(&mut boot_st[i], 0.975),
        })
        .collect())
}

/// Stream tag of the replication draws of [`sobol_indices_over_seeds`], kept apart from
/// the base-row draws so that with one replication the intervals are those of
/// [`sobol_indices`] exactly.
const TAG_SEED_DRAWS: u64 = 0x5345_4544_5F44_5257; // "SEED_DRW"

/// [`sobol_indices`] whose bootstrap also resamples the replications. With common random
/// numbers every replication is the whole design run on one seed, so resampling base rows
/// alone gives an interval conditional on the seeds used: a minor parameter's ST can differ
/// two-fold between replications and that interval does not show it. Here every bootstrap
/// draw takes the base rows *and* the replications with replacement and averages the drawn
/// replications' outputs at each point (a two-stage bootstrap), so the interval covers the
/// seeds as well. `y` are the point values the estimates use (the replication means);
/// `runs` the replications' own values, `runs[p * reps + r]` (non-finite ones are left out of
/// a point's average). The estimates are those of [`sobol_indices`] on `y`.
pub fn sobol_indices_over_seeds(
    k: usize,
    y: &[f64],
    runs: &[f64],
    reps: usize,
    n_bootstrap: usize,
    seed: u64,
) -> Result<Vec<SobolIndex>, SensitivityError> {
    if reps <= 1 || runs.len() != y.len() * reps {
        return sobol_indices(k, y, n_bootstrap, seed);
    }
    let point = sobol_indices(k, y, 0, seed)?;
    let block = k + 2;
    let n = y.len() / block;
    let mut rows_rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut reps_rng =
        Xoshiro256PlusPlus::seed_from_u64(crate::model::rng::key(&[seed, TAG_SEED_DRAWS]));
    let mut idx = vec![0usize; n];
    let mut picks = vec![0usize; reps];
    let mut yb = vec![0.0; y.len()];
    let mut fa = vec![0.0; n];
    let mut fb = vec![0.0; n];
    let mut fab = vec![vec![0.0; n]; k];
    let mut boot_s1 = vec![Vec::with_capacity(n_bootstrap); k];
    let mut boot_st = vec![Vec::with_capacity(n_bootstrap); k];
    for _ in 0..n_bootstrap {
        for r in idx.iter_mut() {
            *r = rows_rng.random_range(0..n);
        }
        for r in picks.iter_mut() {
            *r = reps_rng.random_range(0..reps);
        }
        for (p, v) in yb.iter_mut().enumerate() {
            let (mut sum, mut m) = (0.0, 0usize);
            for &r in &picks {
                let x = runs[p * reps + r];
                if x.is_finite() {
                    sum += x;
                    m += 1;
                }
            }
            *v = if m == 0 { f64::NAN } else { sum / m as f64 };
        }
        if yb.iter().any(|v| !v.is_finite()) {
            continue;
        }
        let centre = yb.iter().sum::<f64>() / yb.len() as f64;
        for j in 0..n {
            fa[j] = yb[j * block] - centre;
            fb[j] = yb[j * block + k + 1] - centre;
            for (i, col) in fab.iter_mut().enumerate() {
                col[j] = yb[j * block + i + 1] - centre;
            }
        }
        let data = SaltelliOutputs {
            fa: &fa,
            fb: &fb,
            fab: &fab,
        };
        let (b1, bt) = data.estimate(&idx);
        for i in 0..k {
            if b1[i].is_finite() {
                boot_s1[i].push(b1[i]);
            }
            if bt[i].is_finite() {
                boot_st[i].push(bt[i]);
            }
        }
    }
    Ok(point
        .into_iter()
        .enumerate()
        .map(|(i, x)| SobolIndex {
            s1_ci_lo: percentile(&mut boot_s1[i], 0.025),
            s1_ci_hi: percentile(&mut boot_s1[i], 0.975),
            st_ci_lo: percentile(&mut boot_st[i], 0.025),
            st_ci_hi: percentile(&mut boot_st[i], 0.975),
            ..x
        })
        .collect())
}

/// Centred outputs of a Saltelli design, split by matrix.
struct SaltelliOutputs<'a> {
    fa: &'a [f64],
    fb: &'a [f64],
    fab: &'a [Vec<f64>],
}

impl SaltelliOutputs<'_> {
    /// (S1, ST) for every parameter over the base rows listed in `idx`
    /// (with repetition, for the bootstrap). NaN where the variance is zero.
    fn estimate(&self, idx: &[usize]) -> (Vec<f64>, Vec<f64>) {
        let m = idx.len() as f64;
        let mut sum = 0.0;
        for &j in idx {
            sum += self.fa[j] + self.fb[j];
        }
        let mean = sum / (2.0 * m);
        let mut ss = 0.0;
        for &j in idx {
            let da = self.fa[j] - mean;
            let db = self.fb[j] - mean;
            ss += da * da + db * db;
        }
        let var = ss / (2.0 * m);
        if var <= 0.0 {
            let nan = vec![f64::NAN; self.fab.len()];
            return (nan.clone(), nan);
        }
        self.fab
            .iter()
            .map(|fab| {
                let mut first = 0.0;
                let mut total = 0.0;
                for &j in idx {
                    let (a, b, ab) = (self.fa[j], self.fb[j], fab[j]);
                    first += b * (ab - a);
                    total += (a - ab) * (a - ab);
                }
                (first / m / var, total / m / (2.0 * var))
            })
            .unzip()
    }
}

/// Linear-interpolation percentile (NumPy's default), NaN for no values.
fn percentile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let pos = q * (values.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let frac = pos - lo as f64;
    values[lo] + frac * (values[hi] - values[lo])
}

/// Morris (1991) one-at-a-time design: `trajectories` blocks of k+1 points on
/// a `levels`-level grid in [0, 1]ᵏ.
///
/// Each trajectory starts at a random grid point and moves every parameter
/// exactly once, in random order and random direction, by
/// Δ = levels / (2·(levels − 1)). That Δ (Morris's recommendation for even
/// `levels`) makes every level equally likely to be sampled, and stepping in
/// both directions keeps the design symmetric, which is why `levels` must be
/// even. Trajectories of k+1 points give k elementary effects for the price of
/// k+1 runs, the cheapest way to screen many parameters. Unlike SALib, no
/// trajectory-spreading optimisation (Campolongo 2007) is done.
///
/// Rows are grouped per trajectory: rows t·(k+1) ..= t·(k+1)+k. Values are
/// exact grid points j/(levels−1).
pub fn morris_design(
    k: usize,
    trajectories: usize,
    levels: usize,
    seed: u64,
) -> Result<Vec<Vec<f64>>, SensitivityError> {
    if k == 0 {
        return Err(SensitivityError::NoParameters);
    }
    if trajectories == 0 {
        return Err(SensitivityError::NoSamples);
    }
    if levels < 2 || !levels.is_multiple_of(2) {
        return Err(SensitivityError::InvalidLevels { levels });
    }
    // Work in integer level indices so every point is exactly on the grid;
    // Δ is `half` levels.
    let half = levels / 2;
    let denom = (levels - 1) as f64;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut rows = Vec::new();
    let mut order: Vec<usize> = (0..k).collect();
    for _ in 0..trajectories {
        // Base level in 0..half so that base + Δ stays on the grid.
        let mut level: Vec<usize> = (0..k).map(|_| rng.random_range(0..half)).collect();
        let up: Vec<bool> = (0..k).map(|_| rng.random::<bool>()).collect();
        order.shuffle(&mut rng);
        for (l, &u) in level.iter_mut().zip(&up) {
            if !u {
                *l += half;
            }
        }
        rows.push(level.iter().map(|&l| l as f64 / denom).collect());
        for &i in &order {
            if up[i] {
                level[i] += half;
            } else {
                level[i] -= half;
            }
            rows.push(level.iter().map(|&l| l as f64 / denom).collect());
        }
    }
    Ok(rows)
}

/// Morris screening measures for one parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MorrisIndex {
    /// Mean elementary effect; near zero for non-monotone effects even when
    /// they are large, which is why `mu_star` is the ranking measure.
    pub mu: f64,
    /// Mean absolute elementary effect (Campolongo 2007): overall importance.
    pub mu_star: f64,
    /// Sample standard deviation (n−1) of the elementary effects: large
    /// relative to `mu_star` signals interactions or non-linearity. NaN with a
    /// single trajectory.
    pub sigma: f64,
    /// 2.5th and 97.5th percentile of `mu_star` over bootstrap resamples of the parameter's
    /// elementary effects (trajectories drawn with replacement); NaN without a bootstrap.
    /// SALib's `mu_star_conf` is the normal-approximation half-width of the same resampling
    /// (1.96 × its standard deviation); the percentile interval is used here, as for Sobol,
    /// because μ* of a minor parameter sits near zero and its resamples are skewed.
    pub mu_star_ci_lo: f64,
    pub mu_star_ci_hi: f64,
}

/// Morris elementary-effect statistics from outputs `y` evaluated on `design`
/// (rows grouped into trajectories of k+1 points, as [`morris_design`]
/// produces).
///
/// Each elementary effect is (y_after − y_before) / (x_after − x_before) in
/// unit-cube coordinates, so a step down is divided by a negative Δ and the
/// sign of the effect always refers to *increasing* the parameter. Effects
/// are per unit of the normalised range (as SALib reports them), which makes
/// parameters with different units comparable.
///
/// The design is validated rather than trusted because it usually makes a
/// round trip through files and a job scheduler before the outputs come back.
pub fn morris_indices(
    k: usize,
    design: &[Vec<f64>],
    y: &[f64],
) -> Result<Vec<MorrisIndex>, SensitivityError> {
    morris_indices_with_bootstrap(k, design, y, 0, 0)
}

/// [`morris_indices`] with a 95% bootstrap percentile interval for `mu_star` from
/// `n_bootstrap` resamples (seeded by `seed`, so the interval is reproducible).
pub fn morris_indices_with_bootstrap(
    k: usize,
    design: &[Vec<f64>],
    y: &[f64],
    n_bootstrap: usize,
    seed: u64,
) -> Result<Vec<MorrisIndex>, SensitivityError> {
    if k == 0 {
        return Err(SensitivityError::NoParameters);
    }
    if design.len() != y.len() {
        return Err(SensitivityError::DesignOutputMismatch {
            design_rows: design.len(),
            outputs: y.len(),
        });
    }
    let block = k.saturating_add(1);
    if y.is_empty() || !y.len().is_multiple_of(block) {
        return Err(SensitivityError::OutputLength {
            len: y.len(),
            block,
        });
    }
    for (row, x) in design.iter().enumerate() {
        if x.len() != k {
            return Err(SensitivityError::RowWidth {
                row,
                expected: k,
                got: x.len(),
            });
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(SensitivityError::NonFiniteDesign { row });
        }
    }
    if let Some(index) = y.iter().position(|v| !v.is_finite()) {
        return Err(SensitivityError::NonFiniteOutput { index });
    }

    let r = y.len() / block;
    let mut effects = vec![Vec::with_capacity(r); k];
    for t in 0..r {
        let mut moved = vec![false; k];
        for step in 0..k {
            let row = t * block + step;
            let (before, after) = (&design[row], &design[row + 1]);
            let mut changed = before
                .iter()
                .zip(after)
                .enumerate()
                .filter(|(_, (b, a))| a != b)
                .map(|(i, _)| i);
            let (Some(i), None) = (changed.next(), changed.next()) else {
                let changed = before.iter().zip(after).filter(|(b, a)| a != b).count();
                return Err(SensitivityError::NotOneAtATime {
                    trajectory: t,
                    step,
                    changed,
                });
            };
            if moved[i] {
                return Err(SensitivityError::ParameterRepeated {
                    trajectory: t,
                    param: i,
                });
            }
            moved[i] = true;
            effects[i].push((y[row + 1] - y[row]) / (after[i] - before[i]));
        }
    }

    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut boot = Vec::with_capacity(n_bootstrap);
    Ok(effects
        .iter()
        .map(|ee| {
            let m = ee.len() as f64;
            let mu = ee.iter().sum::<f64>() / m;
            let mu_star = ee.iter().map(|e| e.abs()).sum::<f64>() / m;
            let sigma = if ee.len() > 1 {
                (ee.iter().map(|e| (e - mu) * (e - mu)).sum::<f64>() / (m - 1.0)).sqrt()
            } else {
                f64::NAN
            };
            boot.clear();
            for _ in 0..n_bootstrap {
                let sum: f64 = (0..ee.len())
                    .map(|_| ee[rng.random_range(0..ee.len())].abs())
                    .sum();
                boot.push(sum / m);
            }
            MorrisIndex {
                mu,
                mu_star,
                sigma,
                mu_star_ci_lo: percentile(&mut boot, 0.025),
                mu_star_ci_hi: percentile(&mut boot, 0.975),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    /// Ishigami & Homma (1990) test function with the usual a = 7, b = 0.1,
    /// on unit-cube inputs mapped to [−π, π]³.
    fn ishigami(u: &[f64]) -> f64 {
        let x: Vec<f64> = u.iter().map(|&v| scale(v, -PI, PI)).collect();
        x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin()
    }

    /// Analytic indices for a = 7, b = 0.1.
    const ISHIGAMI_S1: [f64; 3] = [0.3139, 0.4424, 0.0];
    const ISHIGAMI_ST: [f64; 3] = [0.5576, 0.4424, 0.2437];

    // ---------------------------------------------------------------- Sobol

    #[test]
    fn sobol_first_points_match_joe_kuo_reference() {
        let pts: Vec<Vec<f64>> = Sobol::new(3).unwrap().skip(1).take(3).collect();
        assert_eq!(pts[0], vec![0.5, 0.5, 0.5]);
        assert_eq!(pts[1], vec![0.75, 0.25, 0.25]);
        assert_eq!(pts[2], vec![0.25, 0.75, 0.75]);
    }

    #[test]
    fn sobol_two_dimensional_reference_prefix() {
        // SciPy qmc.Sobol(d=2, scramble=False).random(8).
        let want = [
            [0.0, 0.0],
            [0.5, 0.5],
            [0.75, 0.25],
            [0.25, 0.75],
            [0.375, 0.375],
            [0.875, 0.875],
            [0.625, 0.125],
            [0.125, 0.625],
        ];
        let got: Vec<Vec<f64>> = Sobol::new(2).unwrap().take(8).collect();
        for (g, w) in got.iter().zip(want.iter()) {
            assert_eq!(g.as_slice(), w.as_slice());
        }
    }

    /// Returns true when the binary polynomial `poly` (bit i = coefficient of
    /// xⁱ) of degree `s` is primitive, i.e. x has order 2ˢ − 1 modulo it.
    fn is_primitive(poly: u32, s: usize) -> bool {
        let period = (1u32 << s) - 1;
        let mut r = 1u32; // x⁰
        for j in 1..=period {
            r <<= 1;
            if r & (1 << s) != 0 {
                r ^= poly;
            }
            if r == 1 {
                return j == period;
            }
        }
        false
    }

    #[test]
    fn joe_kuo_table_is_well_formed() {
        // Transcription check: every polynomial primitive, listed in order,
        // and the count per degree equals φ(2ˢ − 1)/s.
        let expected_count = [
            (1, 1),
            (2, 1),
            (3, 2),
            (4, 2),
            (5, 6),
            (6, 6),
            (7, 18),
            (8, 16),
            (9, 48),
        ];
        let mut prev = (0usize, 0u32);
        for (d, row) in JOE_KUO.iter().enumerate() {
            let a = row[0];
            let m = &row[1..];
            let s = m.len();
            assert!(s >= 1 && a < (1 << (s - 1)).max(1), "dim {}: a={a}", d + 2);
            let poly = (1 << s) | (a << 1) | 1;
            assert!(is_primitive(poly, s), "dim {}: not primitive", d + 2);
            assert!((s, a) > prev, "dim {}: out of order", d + 2);
            prev = (s, a);
            for (i, &mi) in m.iter().enumerate() {
                assert!(
                    mi % 2 == 1 && mi < (1 << (i + 1)),
                    "dim {}: m_{}={mi}",
                    d + 2,
                    i + 1
                );
            }
        }
        for (s, count) in expected_count {
            let got = JOE_KUO.iter().filter(|r| r.len() - 1 == s).count();
            assert_eq!(got, count, "degree {s}");
        }
        assert_eq!(SOBOL_MAX_DIM, 101);
    }

    #[test]
    fn sobol_is_stratified_in_every_dimension() {
        // The first 2^m points of each coordinate hit every dyadic interval
        // of width 2^-m exactly once.
        let m = 10;
        let n = 1usize << m;
        let pts: Vec<Vec<f64>> = Sobol::new(SOBOL_MAX_DIM).unwrap().take(n).collect();
        for d in 0..SOBOL_MAX_DIM {
            let mut seen = vec![false; n];
            for p in &pts {
                let cell = (p[d] * n as f64) as usize;
                assert!(!seen[cell], "dim {d}: cell {cell} hit twice");
                seen[cell] = true;
            }
        }
    }

    #[test]
    fn sobol_first_two_dimensions_form_a_0_2_net() {
        // Every elementary box of area 2^-m holds exactly one of the first
        // 2^m points: the defining property of a (0, m, 2)-net.
        let m = 8;
        let n = 1usize << m;
        let pts: Vec<Vec<f64>> = Sobol::new(2).unwrap().take(n).collect();
        for a in 0..=m {
            let (nx, ny) = (1usize << a, 1usize << (m - a));
            let mut count = vec![0; n];
            for p in &pts {
                let cx = (p[0] * nx as f64) as usize;
                let cy = (p[1] * ny as f64) as usize;
                count[cx * ny + cy] += 1;
            }
            assert!(count.iter().all(|&c| c == 1), "boxes 2^{a} x 2^{}", m - a);
        }
    }

    #[test]
    fn sobol_rejects_bad_dimensions_and_wrong_buffers() {
        assert!(matches!(
            Sobol::new(0),
            Err(SensitivityError::SobolDimension { .. })
        ));
        assert!(matches!(
            Sobol::new(SOBOL_MAX_DIM + 1),
            Err(SensitivityError::SobolDimension { .. })
        ));
        let mut s = Sobol::new(3).unwrap();
        let mut wrong = [0.0; 2];
        assert!(!s.next_into(&mut wrong));
    }

    #[test]
    fn sobol_sequence_ends_cleanly() {
        // Jump to the last point instead of generating 2^32 of them.
        let mut s = Sobol::new(1).unwrap();
        s.next_index = Some(Sobol::MAX_POINTS - 1);
        let mut p = [0.0];
        assert!(s.next_into(&mut p));
        assert!(!s.next_into(&mut p));
        assert_eq!(s.next(), None);
    }

    #[test]
    fn digital_shift_preserves_stratification() {
        let n = 256;
        let pts: Vec<Vec<f64>> = Sobol::with_digital_shift(4, 99).unwrap().take(n).collect();
        for d in 0..4 {
            let mut cells: Vec<usize> = pts.iter().map(|p| (p[d] * n as f64) as usize).collect();
            cells.sort_unstable();
            cells.dedup();
            assert_eq!(cells.len(), n, "dim {d}");
        }
    }

    // ------------------------------------------------------ Saltelli design

    #[test]
    fn saltelli_layout_is_a_ab_b() {
        let k = 4;
        let n = 16;
        let design = saltelli_design(k, n, 3).unwrap();
        assert_eq!(design.len(), n * (k + 2));
        for block in design.chunks(k + 2) {
            let (a, b) = (&block[0], &block[k + 1]);
            for i in 0..k {
                let ab = &block[1 + i];
                for c in 0..k {
                    let want = if c == i { b[c] } else { a[c] };
                    assert_eq!(ab[c], want);
                }
            }
            assert!(block.iter().flatten().all(|&v| (0.0..1.0).contains(&v)));
        }
    }

    #[test]
    fn saltelli_base_rows_are_the_shifted_sobol_points_after_the_first() {
        let (k, seed) = (2, 17);
        let design = saltelli_design(k, 5, seed).unwrap();
        let pts: Vec<Vec<f64>> = Sobol::with_digital_shift(2 * k, seed)
            .unwrap()
            .skip(1)
            .take(5)
            .collect();
        for (j, p) in pts.iter().enumerate() {
            assert_eq!(design[j * (k + 2)], p[..k].to_vec());
            assert_eq!(design[j * (k + 2) + k + 1], p[k..].to_vec());
        }
    }

    #[test]
    fn saltelli_design_is_deterministic() {
        assert_eq!(saltelli_design(5, 64, 42), saltelli_design(5, 64, 42));
        assert_ne!(saltelli_design(5, 64, 42), saltelli_design(5, 64, 43));
    }

    #[test]
    fn saltelli_design_argument_errors() {
        assert_eq!(
            saltelli_design(0, 8, 0),
            Err(SensitivityError::NoParameters)
        );
        assert_eq!(saltelli_design(2, 0, 0), Err(SensitivityError::NoSamples));
        assert_eq!(
            saltelli_design(SALTELLI_MAX_PARAMS + 1, 8, 0),
            Err(SensitivityError::TooManyParameters {
                k: SALTELLI_MAX_PARAMS + 1,
                max: SALTELLI_MAX_PARAMS
            })
        );
        assert!(matches!(
            saltelli_design(1, usize::MAX, 0),
            Err(SensitivityError::SequenceExhausted { .. })
        ));
        // The largest supported k works.
        assert_eq!(
            saltelli_design(SALTELLI_MAX_PARAMS, 2, 0).map(|d| d.len()),
            Ok(2 * (SALTELLI_MAX_PARAMS + 2))
        );
    }

    #[test]
    fn scale_maps_unit_interval_onto_range() {
        assert_eq!(scale(0.0, -2.0, 6.0), -2.0);
        assert_eq!(scale(1.0, -2.0, 6.0), 6.0);
        assert_eq!(scale(0.25, -2.0, 6.0), 0.0);
    }

    // -------------------------------------------------------- Sobol indices

    #[test]
    fn ishigami_sobol_indices_match_analytic_values() {
        let k = 3;
        let design = saltelli_design(k, 4096, 2024).unwrap();
        let y: Vec<f64> = design.iter().map(|u| ishigami(u)).collect();
        let idx = sobol_indices(k, &y, 500, 7).unwrap();
        assert_eq!(idx.len(), k);
        for (i, s) in idx.iter().enumerate() {
            let (s1, st) = (ISHIGAMI_S1[i], ISHIGAMI_ST[i]);
            assert!((s.s1 - s1).abs() < 0.03, "x{}: S1 {} vs {s1}", i + 1, s.s1);
            assert!((s.st - st).abs() < 0.03, "x{}: ST {} vs {st}", i + 1, s.st);
            assert!(
                s.s1_ci_lo <= s1 && s1 <= s.s1_ci_hi,
                "x{}: S1 CI [{}, {}] misses {s1}",
                i + 1,
                s.s1_ci_lo,
                s.s1_ci_hi
            );
            assert!(
                s.st_ci_lo <= st && st <= s.st_ci_hi,
                "x{}: ST CI [{}, {}] misses {st}",
                i + 1,
                s.st_ci_lo,
                s.st_ci_hi
            );
            assert!(s.s1_ci_lo <= s.s1 && s.s1 <= s.s1_ci_hi);
            assert!(s.st_ci_lo <= s.st && s.st <= s.st_ci_hi);
            // Intervals are informative, not vacuous.
            assert!(s.s1_ci_hi - s.s1_ci_lo < 0.15);
            assert!(s.st_ci_hi - s.st_ci_lo < 0.15);
        }
    }

    #[test]
    fn additive_model_has_equal_first_and_total_indices() {
        // f = Σ cᵢ uᵢ with independent uniforms: Sᵢ = STᵢ = cᵢ² / Σc².
        let c = [1.0, 2.0, 0.0, -3.0];
        let total: f64 = c.iter().map(|v| v * v).sum();
        let design = saltelli_design(c.len(), 1024, 5).unwrap();
        // A large offset checks that centring keeps S1 accurate.
        let y: Vec<f64> = design
            .iter()
            .map(|u| 1e6 + u.iter().zip(&c).map(|(x, ci)| x * ci).sum::<f64>())
            .collect();
        let idx = sobol_indices(c.len(), &y, 0, 0).unwrap();
        for (s, ci) in idx.iter().zip(&c) {
            let want = ci * ci / total;
            assert!((s.s1 - want).abs() < 0.01, "S1 {} vs {want}", s.s1);
            assert!((s.st - want).abs() < 0.01, "ST {} vs {want}", s.st);
            assert!(s.s1_ci_lo.is_nan() && s.st_ci_hi.is_nan());
        }
        // A parameter the model ignores gets exactly zero total effect.
        assert_eq!(idx[2].st, 0.0);
    }

    #[test]
    fn sobol_indices_are_deterministic() {
        let design = saltelli_design(3, 256, 1).unwrap();
        let y: Vec<f64> = design.iter().map(|u| ishigami(u)).collect();
        let a = sobol_indices(3, &y, 100, 11).unwrap();
        let b = sobol_indices(3, &y, 100, 11).unwrap();
        assert_eq!(a, b);
        let c = sobol_indices(3, &y, 100, 12).unwrap();
        assert_ne!(a, c);
        // The seed only affects the intervals.
        assert_eq!(a[0].s1, c[0].s1);
    }

    #[test]
    fn sobol_indices_argument_errors() {
        assert_eq!(
            sobol_indices(0, &[1.0, 2.0], 0, 0),
            Err(SensitivityError::NoParameters)
        );
        assert_eq!(
            sobol_indices(2, &[1.0; 9], 0, 0),
            Err(SensitivityError::OutputLength { len: 9, block: 4 })
        );
        assert_eq!(
            sobol_indices(2, &[], 0, 0),
            Err(SensitivityError::OutputLength { len: 0, block: 4 })
        );
        let mut y = vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];
        y[5] = f64::NAN;
        assert_eq!(
            sobol_indices(2, &y, 0, 0),
            Err(SensitivityError::NonFiniteOutput { index: 5 })
        );
        assert_eq!(
            sobol_indices(2, &[3.0; 8], 10, 0),
            Err(SensitivityError::ConstantOutput)
        );
    }

    #[test]
    fn sobol_indices_survive_constant_bootstrap_resamples() {
        // One base row with A ≠ B, one with A = B: some resamples have zero
        // variance; they must be dropped, not turn the interval into NaN.
        let y = [0.0, 1.0, 1.0, 5.0, 5.0, 5.0];
        let idx = sobol_indices(1, &y, 200, 3).unwrap();
        assert!(idx[0].s1_ci_lo.is_finite() && idx[0].st_ci_hi.is_finite());
    }

    #[test]
    fn percentile_interpolates_like_numpy() {
        let mut v = vec![4.0, 1.0, 3.0, 2.0];
        assert_eq!(percentile(&mut v, 0.0), 1.0);
        assert_eq!(percentile(&mut v, 1.0), 4.0);
        assert_eq!(percentile(&mut v, 0.5), 2.5);
        assert!((percentile(&mut v, 0.025) - 1.075).abs() < 1e-12);
        assert!(percentile(&mut [], 0.5).is_nan());
    }

    // ---------------------------------------------------------------- Morris

    #[test]
    fn morris_design_is_one_at_a_time_on_the_grid() {
        let (k, r, p) = (5, 20, 4);
        let design = morris_design(k, r, p, 9).unwrap();
        assert_eq!(design.len(), r * (k + 1));
        let delta = p as f64 / (2.0 * (p - 1) as f64);
        for traj in design.chunks(k + 1) {
            let mut moved = vec![0; k];
            for w in traj.windows(2) {
                let changed: Vec<usize> = (0..k).filter(|&i| w[0][i] != w[1][i]).collect();
                assert_eq!(changed.len(), 1);
                let i = changed[0];
                assert!(((w[1][i] - w[0][i]).abs() - delta).abs() < 1e-12);
                moved[i] += 1;
            }
            assert!(moved.iter().all(|&m| m == 1));
            for x in traj.iter().flatten() {
                let level = x * (p - 1) as f64;
                assert!((level - level.round()).abs() < 1e-12 && (0.0..=1.0).contains(x));
            }
        }
        // Both directions and all levels actually occur.
        let mut level_seen = [false; 4];
        for x in design.iter().flatten() {
            level_seen[(x * 3.0).round() as usize] = true;
        }
        assert!(level_seen.iter().all(|&s| s));
    }

    #[test]
    fn morris_design_is_deterministic() {
        assert_eq!(morris_design(4, 10, 6, 5), morris_design(4, 10, 6, 5));
        assert_ne!(morris_design(4, 10, 6, 5), morris_design(4, 10, 6, 6));
    }

    #[test]
    fn morris_design_argument_errors() {
        assert_eq!(
            morris_design(0, 5, 4, 0),
            Err(SensitivityError::NoParameters)
        );
        assert_eq!(morris_design(3, 0, 4, 0), Err(SensitivityError::NoSamples));
        for levels in [0, 1, 3, 5] {
            assert_eq!(
                morris_design(3, 5, levels, 0),
                Err(SensitivityError::InvalidLevels { levels })
            );
        }
        // Two levels: Δ = 1, every move goes corner to corner.
        let d = morris_design(2, 3, 2, 0).unwrap();
        assert!(d.iter().flatten().all(|&x| x == 0.0 || x == 1.0));
    }

    #[test]
    fn morris_linear_model_recovers_coefficients_with_sign() {
        // For f = Σ cᵢ xᵢ every elementary effect is exactly cᵢ, whichever
        // way the step goes.
        let c = [2.0, -3.0, 0.0];
        let design = morris_design(3, 30, 4, 1).unwrap();
        let y: Vec<f64> = design
            .iter()
            .map(|x| x.iter().zip(&c).map(|(a, b)| a * b).sum())
            .collect();
        let idx = morris_indices(3, &design, &y).unwrap();
        for (m, ci) in idx.iter().zip(&c) {
            assert!((m.mu - ci).abs() < 1e-12);
            assert!((m.mu_star - ci.abs()).abs() < 1e-12);
            assert!(m.sigma.abs() < 1e-12);
        }
    }

    fn morris_ishigami(trajectories: usize, seed: u64) -> Vec<MorrisIndex> {
        let design = morris_design(3, trajectories, 4, seed).unwrap();
        let y: Vec<f64> = design.iter().map(|u| ishigami(u)).collect();
        morris_indices(3, &design, &y).unwrap()
    }

    /// Ishigami outputs of a Saltelli design, each replication with its own noise of sd
    /// `noise` (the seed's share of the output), and their means.
    fn noisy_ishigami(n: usize, reps: usize, noise: f64) -> (Vec<f64>, Vec<f64>) {
        let design = saltelli_design(3, n, 5).unwrap();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(99);
        let mut runs = Vec::with_capacity(design.len() * reps);
        for u in &design {
            let f = ishigami(u);
            for _ in 0..reps {
                // Uniform noise with standard deviation `noise`.
                let u: f64 = rng.random();
                runs.push(f + noise * (u - 0.5) * 12f64.sqrt());
            }
        }
        let means = runs
            .chunks(reps)
            .map(|c| c.iter().sum::<f64>() / reps as f64)
            .collect();
        (means, runs)
    }

    #[test]
    fn sobol_intervals_over_seeds_are_wider_when_seeds_matter_and_equal_with_one() {
        let (y, runs) = noisy_ishigami(256, 8, 3.0);
        let conditional = sobol_indices(3, &y, 400, 17).unwrap();
        let over_seeds = sobol_indices_over_seeds(3, &y, &runs, 8, 400, 17).unwrap();
        let width = |lo: f64, hi: f64| hi - lo;
        for (c, s) in conditional.iter().zip(&over_seeds) {
            assert_eq!((c.s1, c.st), (s.s1, s.st), "the same estimates");
        }
        // x3 has no first-order effect: its S1 is all noise, and the seeds add to it.
        let (c3, s3) = (&conditional[2], &over_seeds[2]);
        assert!(
            width(s3.s1_ci_lo, s3.s1_ci_hi) > width(c3.s1_ci_lo, c3.s1_ci_hi),
            "{c3:?} {s3:?}"
        );
        // One replication: exactly the conditional interval.
        let (y1, runs1) = noisy_ishigami(64, 1, 3.0);
        assert_eq!(
            sobol_indices_over_seeds(3, &y1, &runs1, 1, 200, 3).unwrap(),
            sobol_indices(3, &y1, 200, 3).unwrap()
        );
    }

    #[test]
    fn morris_mu_star_interval_covers_it_narrows_with_trajectories_and_repeats() {
        let interval = |trajectories: usize| {
            let design = morris_design(3, trajectories, 4, 7).unwrap();
            let y: Vec<f64> = design.iter().map(|u| ishigami(u)).collect();
            morris_indices_with_bootstrap(3, &design, &y, 500, 11).unwrap()
        };
        let (few, many) = (interval(10), interval(200));
        for m in few.iter().chain(&many) {
            assert!(
                m.mu_star_ci_lo <= m.mu_star && m.mu_star <= m.mu_star_ci_hi,
                "{m:?}"
            );
        }
        // x1's effects vary (it interacts with x3): more trajectories, a narrower interval.
        let width = |m: &MorrisIndex| m.mu_star_ci_hi - m.mu_star_ci_lo;
        assert!(
            width(&many[0]) < 0.5 * width(&few[0]),
            "{:?} {:?}",
            few[0],
            many[0]
        );
        // x2's absolute effects are all 7.875: every resample gives it (up to rounding).
        assert!(width(&many[1]) < 1e-12, "{:?}", many[1]);
        assert_eq!(interval(10), few, "the same seed gives the same interval");
        let none = morris_ishigami(10, 7);
        assert!(none.iter().all(|m| m.mu_star_ci_lo.is_nan()));
    }

    #[test]
    fn morris_ishigami_screening_behaviour() {
        // On the 4-level grid (x ∈ {±π, ±π/3}, Δ = 2/3) the elementary
        // effects of the Ishigami function are known exactly:
        //   x1: 1.5·sin(π/3)·(1 + 0.1·x3⁴) > 0 always  → monotone, μ = μ*;
        //   x2: ±7·0.75/(2/3) = ±7.875                  → μ* = 7.875, μ ≈ 0;
        //   x3: ±12.5 when sin x1 ≠ 0, else 0            → pure interaction,
        //       μ ≈ 0 and σ > μ*.
        let m = morris_ishigami(50, 2024);
        let (x1, x2, x3) = (m[0], m[1], m[2]);

        assert_eq!(x1.mu, x1.mu_star, "x1 should only have positive effects");
        assert!(x1.sigma > 0.0, "x1 interacts with x3");

        assert!((x2.mu_star - 7.875).abs() < 1e-9, "x2 mu* = {}", x2.mu_star);
        assert!(x2.mu.abs() < 0.5 * x2.mu_star, "x2 is non-monotone");

        assert!(x3.mu.abs() < 0.5 * x3.mu_star, "x3 mu = {}", x3.mu);
        assert!(x3.sigma > x3.mu_star, "x3 acts through interaction");
        assert!(x3.sigma / x3.mu_star > x1.sigma / x1.mu_star);
        assert!(x3.mu_star < x1.mu_star && x3.mu_star < x2.mu_star);
    }

    #[test]
    fn morris_ishigami_mu_star_converges_to_grid_expectation() {
        // Expected μ* on the 4-level grid (x3 uniform over its four levels,
        // sin x1 ≠ 0 half the time):
        //   x1: 1.5·(√3/2)·(1 + 0.1·π⁴·(1 + 3⁻⁴)/2) ≈ 7.704
        //   x2: 7.875
        //   x3: 1.5·0.1·(√3/2)·0.5·π⁴·(1 − 3⁻⁴)      ≈ 6.249
        // so x3 is ranked last, with x1 and x2 close together.
        let s = 3f64.sqrt() / 2.0;
        let pi4 = PI.powi(4);
        let want = [
            1.5 * s * (1.0 + 0.1 * pi4 * (1.0 + 1.0 / 81.0) / 2.0),
            7.875,
            1.5 * 0.1 * s * 0.5 * pi4 * (1.0 - 1.0 / 81.0),
        ];
        let m = morris_ishigami(2000, 77);
        for i in 0..3 {
            assert!(
                (m[i].mu_star - want[i]).abs() < 0.5,
                "x{}: mu* {} vs {}",
                i + 1,
                m[i].mu_star,
                want[i]
            );
        }
        assert!(m[2].mu_star < m[0].mu_star.min(m[1].mu_star));
    }

    #[test]
    fn morris_indices_validate_inputs() {
        let design = morris_design(2, 2, 4, 0).unwrap();
        let y = vec![0.0; design.len()];
        assert_eq!(
            morris_indices(0, &design, &y),
            Err(SensitivityError::NoParameters)
        );
        assert_eq!(
            morris_indices(2, &design, &y[..5]),
            Err(SensitivityError::DesignOutputMismatch {
                design_rows: 6,
                outputs: 5
            })
        );
        assert_eq!(
            morris_indices(2, &design[..5], &y[..5]),
            Err(SensitivityError::OutputLength { len: 5, block: 3 })
        );
        assert_eq!(
            morris_indices(2, &[], &[]),
            Err(SensitivityError::OutputLength { len: 0, block: 3 })
        );

        let mut narrow = design.clone();
        narrow[4].pop();
        assert_eq!(
            morris_indices(2, &narrow, &y),
            Err(SensitivityError::RowWidth {
                row: 4,
                expected: 2,
                got: 1
            })
        );

        let mut nan_y = y.clone();
        nan_y[3] = f64::INFINITY;
        assert_eq!(
            morris_indices(2, &design, &nan_y),
            Err(SensitivityError::NonFiniteOutput { index: 3 })
        );

        let mut nan_x = design.clone();
        nan_x[1][0] = f64::NAN;
        assert_eq!(
            morris_indices(2, &nan_x, &y),
            Err(SensitivityError::NonFiniteDesign { row: 1 })
        );

        let still = vec![vec![0.0, 0.0]; 3];
        assert_eq!(
            morris_indices(2, &still, &[0.0; 3]),
            Err(SensitivityError::NotOneAtATime {
                trajectory: 0,
                step: 0,
                changed: 0
            })
        );
        let both = vec![vec![0.0, 0.0], vec![1.0, 1.0], vec![1.0, 0.0]];
        assert_eq!(
            morris_indices(2, &both, &[0.0; 3]),
            Err(SensitivityError::NotOneAtATime {
                trajectory: 0,
                step: 0,
                changed: 2
            })
        );
        let repeat = vec![vec![0.0, 0.0], vec![1.0, 0.0], vec![0.0, 0.0]];
        assert_eq!(
            morris_indices(2, &repeat, &[0.0; 3]),
            Err(SensitivityError::ParameterRepeated {
                trajectory: 0,
                param: 0
            })
        );
    }

    #[test]
    fn absurd_k_is_an_error_not_an_overflow() {
        assert!(matches!(
            sobol_indices(usize::MAX, &[1.0; 8], 0, 0),
            Err(SensitivityError::OutputLength { .. })
        ));
        assert!(matches!(
            morris_indices(usize::MAX, &[vec![0.0]], &[1.0]),
            Err(SensitivityError::OutputLength { .. })
        ));
    }

    #[test]
    fn morris_single_trajectory_has_nan_sigma() {
        let m = morris_ishigami(1, 3);
        assert!(m.iter().all(|x| x.sigma.is_nan() && x.mu_star.is_finite()));
    }

    #[test]
    fn errors_have_readable_messages() {
        let e = SensitivityError::OutputLength { len: 9, block: 4 };
        assert_eq!(
            e.to_string(),
            "output length 9 is not a positive multiple of the block size 4"
        );
    }
}
