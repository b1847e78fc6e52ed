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
