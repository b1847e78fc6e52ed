//! The two propensities of the model, written once: the behaviour target's log-odds and the
//! rule-break log-odds. The daily step and the fixed-point start both call these, so the
//! start state is the fixed point of exactly the dynamics that follow.

use super::consts::Consts;

/// Logistic function, `1 / (1 + e^-x)`, with [`exp_f32`] for the exponential: within 2.5e-7
/// of the exact logistic for every finite x (tested), and the same bits on every platform.
#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp_f32(-x))
}

/// `e^x` in f32 without a libm call: `e^x = 2^n · e^r` with `n = round(x / ln 2)` and
/// `r = x − n·ln 2` in [−ln2/2, ln2/2] (Cody-Waite, ln 2 split in two parts so the reduction
/// is exact to f32), `e^r` by Cephes' degree-7 polynomial, `2^n` built in the exponent bits.
/// Relative error below 2e-7 (about 2 ulp) for x in [−87, 88] (tested against f64); x is
/// clamped to that range, so the result is always a positive normal f32 (e^−87 ≈ 1.6e-38,
/// e^88 ≈ 1.7e38), which is all a logistic needs. Every step is an IEEE operation in a fixed
/// order (Rust does not contract to FMA), so the bits do not depend on the CPU or its libm.
#[inline(always)]
pub fn exp_f32(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Adding and subtracting 1.5·2^23 rounds to the nearest integer (ties to even) in f32.
    const ROUND: f32 = 12_582_912.0;
    let x = x.clamp(-87.0, 88.0);
    let t = x * LOG2_E + ROUND;
    let n = t - ROUND;
    // n as an integer, read from t's low mantissa bits (t = 1.5·2^23 + n exactly), so no
    // float-to-int conversion is needed and eight lanes compute it side by side.
    let ni = (t.to_bits() as i32).wrapping_sub(ROUND.to_bits() as i32);
    let r = (x - n * LN2_HI) - n * LN2_LO;
    // Cephes' coefficients (its 5.0000001e-1 is 0.5 in f32), evaluated by Estrin's scheme (pairs, then powers of r²) rather
    // than Horner's: a dependency chain of 6 operations instead of 10, which matters because
    // behaviour waits on this value.
    let r2 = r * r;
    let a = 0.5 + 1.666_666_5e-1 * r;
    let b = 4.166_579_6e-2 + 8.333_452e-3 * r;
    let c = 1.398_199_9e-3 + 1.987_569_1e-4 * r;
    let q = a + r2 * (b + r2 * c);
    let p = q * r2 + r + 1.0;
    let scale = f32::from_bits(((ni + 127) as u32) << 23);
    p * scale
}

/// One employee's inputs to the behaviour target.
#[derive(Debug, Clone, Copy)]
pub struct BehaviourInputs {
    pub norm: f32,
    pub habit: f32,
    pub awareness: f32,
    pub knowledge: f32,
    pub reward: f32,
    /// The team's descriptive norm S.
    pub peer: f32,
    /// Perceived role-model level R̂.
    pub role_model: f32,
    pub effort: f32,
}

/// `β0 + βN·N + βH·H + βA·A·K + βE·E + βS·(S − ½) + βR·R̂ − βC·effort·(1 − F)`.
#[inline(always)]
pub fn behaviour_logit(k: &Consts, x: &BehaviourInputs) -> f32 {
    k.behaviour.intercept
        + k.behaviour.norm * x.norm
        + k.behaviour.habit * x.habit
        + k.behaviour.awareness_skill * x.awareness * x.knowledge
        + k.behaviour.reward * x.reward
        + k.behaviour.peer * (x.peer - 0.5)
        + k.behaviour.role_model * x.role_model
        - k.behaviour.effort * x.effort * (1.0 - k.organisation.facilities)
}

/// `γ0 + γE·empathy − γU·U − γP·P − γρ·rule_orientation`, before any sanctions.
#[inline(always)]
pub fn break_logit(
    k: &Consts,
    empathy: f32,
    understanding: f32,
    alternatives: f32,
    rule: f32,
) -> f32 {
    k.rule_breaks.intercept + k.rule_breaks.empathy * empathy
        - k.rule_breaks.understanding * understanding
        - k.rule_breaks.alternatives * alternatives
        - k.rule_breaks.rule_orientation * rule
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points spread over [lo, hi]: a dense grid plus the ends.
    fn grid(lo: f32, hi: f32, n: usize) -> impl Iterator<Item = f32> {
        (0..=n).map(move |i| lo + (hi - lo) * i as f32 / n as f32)
    }

    #[test]
    fn exp_is_within_two_ten_millionths_of_the_exact_exponential() {
        let mut worst = 0.0f64;
        for x in grid(-87.0, 88.0, 2_000_000).chain([0.0, -0.0, 1e-30, -1e-30, 0.346_573_6]) {
            let exact = (x as f64).exp();
            let rel = ((exp_f32(x) as f64 - exact) / exact).abs();
            worst = worst.max(rel);
        }
        assert!(worst < 2e-7, "largest relative error {worst:e}");
        assert_eq!(exp_f32(0.0), 1.0);
    }

    #[test]
    fn exp_clamps_instead_of_overflowing() {
        for x in [-1e30f32, -200.0, -88.0, 89.0, 1e30, f32::MAX, f32::MIN] {
            let e = exp_f32(x);
            assert!(e.is_normal() && e > 0.0, "exp({x}) = {e}");
        }
        assert!(sigmoid(f32::MAX) == 1.0 && sigmoid(f32::MIN) < 1e-37);
    }

    #[test]
    fn sigmoid_is_within_a_quarter_millionth_of_the_exact_logistic() {
        let mut worst = 0.0f64;
        for x in grid(-60.0, 60.0, 2_000_000) {
            let exact = 1.0 / (1.0 + (-(x as f64)).exp());
            worst = worst.max((sigmoid(x) as f64 - exact).abs());
        }
        assert!(worst < 2.5e-7, "largest error {worst:e}");
        assert_eq!(sigmoid(0.0), 0.5);
    }
}
