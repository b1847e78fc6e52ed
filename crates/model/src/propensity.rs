//! The two propensities of the model, written once: the behaviour target's log-odds and the
//! rule-break log-odds. The daily step and the fixed-point start both call these, so the
//! start state is the fixed point of exactly the dynamics that follow.

use super::consts::Consts;

/// Logistic function.
#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
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
    k.beta0
        + k.beta_n * x.norm
        + k.beta_h * x.habit
        + k.beta_ak * x.awareness * x.knowledge
        + k.beta_e * x.reward
        + k.beta_s * (x.peer - 0.5)
        + k.beta_r * x.role_model
        - k.beta_c * x.effort * (1.0 - k.facilities)
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
    k.gamma0 + k.gamma_e * empathy
        - k.gamma_u * understanding
        - k.gamma_p * alternatives
        - k.gamma_rule * rule
}
