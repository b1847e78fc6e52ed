//! Parameters converted once per run into the f32 constants the daily loop reads, so the
//! step function holds no magic numbers and does no conversions.

use super::manager::visibility;
use super::params::{
    BehaviourF32, CustomerF32, EffectsF32, ManagerF32, OrganisationF32, Params, RuleBreakF32,
    StateF32,
};

/// Working days per year, used to turn yearly rates into daily ones.
pub const WORKING_DAYS_PER_YEAR: f64 = 250.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Consts {
    /// Every section as f32, written from the parameter declarations (`to_f32`): a new
    /// parameter is read here (`k.state.new_rate`) without a line in this file. The named
    /// fields below are the constants the daily step read before the sections existed, kept
    /// so that its code and the order of its f32 operations stay as they are; they are the
    /// same conversions, or quantities derived from several parameters.
    pub organisation: OrganisationF32,
    pub behaviour: BehaviourF32,
    pub state: StateF32,
    pub managers: ManagerF32,
    pub customers: CustomerF32,
    pub rule_breaks: RuleBreakF32,
    pub effects: EffectsF32,
    pub adjust: f32,
    pub awareness_rest: f32,
    pub awareness_decay: f32,
    pub knowledge_decay: f32,
    pub knowledge_protection: f32,
    pub norm_anchor: f32,
    pub norm_self: f32,
    pub norm_peer: f32,
    pub norm_role: f32,
    pub norm_feedback: f32,
    pub understanding_rate: f32,
    pub alternatives_decay: f32,
    pub alternatives_gain: f32,
    pub reward_rest: f32,
    pub reward_acquisition: f32,
    pub reward_extinction: f32,
    pub partial_exponent: f32,
    pub reward_rate_learning: f32,
    pub perception_rate: f32,
    pub perception_forgetting: f32,
    pub perception_prior: f32,
    /// Visibility of the manager in a full team, and in the last team, which may be smaller.
    pub visibility_full: f32,
    pub visibility_last: f32,
    pub leave_prob: f32,
    pub hiring_candidates: u32,
    pub screening_noise: f32,
    pub socialisation_days: f32,
    pub socialisation_peer: f32,
    pub socialisation_manager: f32,
    pub socialisation_visibility: f32,
    pub contacts: usize,
    pub score_base: f32,
    pub score_oriented: f32,
    pub score_memory: f32,
    pub memory_reference: f32,
    pub score_noise: f32,
    pub memory_rate: f32,
    pub alignment_weight: f32,
    pub facilities_quality: f32,
    pub conflict_share: f32,
    pub break_gain: f32,
    pub alternative_gain: f32,
    pub unresolved_penalty: f32,
    pub churn_detractor: f32,
    pub referral_promoter: f32,
    pub training_awareness: f32,
    pub training_knowledge: f32,
    pub training_norm: f32,
    pub coaching_norm: f32,
    pub coaching_understanding: f32,
    pub coaching_awareness: f32,
    pub coaching_anchor: f32,
    pub reflection_awareness: f32,
    pub reflection_anchor: f32,
    pub reflection_norm: f32,
    pub reflection_understanding: f32,
    pub practice_alternatives: f32,
    pub feedback_culture_understanding: f32,
    pub feedback_culture_alternatives: f32,
    pub sanctions_break_shift: f32,
    pub sanctions_norm_loss: f32,
    pub role_model_gain: f32,
    pub definition_shift: f32,
    pub definition: [f32; 4],
    pub recognition_threshold: f32,
    pub strong_norm_threshold: f32,
    pub feedback_minded_threshold: f32,
    pub inflow_per_employee: f64,
    pub outflow_rate: f64,
    /// `e^−outflow_rate`: a customer's chance of not leaving in the background on a day,
    /// whose power gives the Poisson outflow's zero term without an `exp` every team-day.
    pub outflow_keep: f64,
    pub memory_new: f32,
    pub memory_referred: f32,
    pub pool_per_employee: f64,
}

impl Consts {
    pub fn new(p: &Params) -> Self {
        let o = &p.organisation;
        let m = &p.managers;
        let c = &p.customers;
        let (o32, b, s, m32, c32, e) = (
            o.to_f32(),
            p.behaviour.to_f32(),
            p.state.to_f32(),
            m.to_f32(),
            c.to_f32(),
            p.effects.to_f32(),
        );
        let f = |x: f64| x as f32;
        let team = o.team_size.max(1).min(o.employees.max(1));
        let last = match o.employees % team {
            0 => team,
            rem => rem,
        };
        let def = o.definition.normalised();
        Consts {
            organisation: o32,
            behaviour: b,
            state: s,
            managers: m32,
            customers: c32,
            rule_breaks: p.rule_breaks.to_f32(),
            effects: e,
            adjust: b.adjust_rate,
            awareness_rest: s.awareness_rest,
            awareness_decay: s.awareness_decay,
            knowledge_decay: s.knowledge_decay,
            knowledge_protection: s.knowledge_use_protection,
            norm_anchor: s.norm_anchor_rate,
            norm_self: s.norm_self_rate,
            norm_peer: s.norm_peer_rate,
            norm_role: s.norm_role_rate,
            norm_feedback: s.norm_feedback_rate,
            understanding_rate: s.understanding_rate,
            alternatives_decay: s.alternatives_decay,
            alternatives_gain: s.alternatives_use_gain,
            reward_rest: s.reward_rest,
            reward_acquisition: s.reward_acquisition_rate,
            reward_extinction: s.reward_extinction_rate,
            partial_exponent: s.partial_extinction_exponent,
            reward_rate_learning: s.reward_rate_learning,
            perception_rate: m32.perception_rate,
            perception_forgetting: m32.perception_forgetting,
            perception_prior: m32.perception_prior,
            visibility_full: f(visibility(m, team, o.employees)),
            visibility_last: f(visibility(m, last, o.employees)),
            // Turnover as HR counts it: leavers per year over the head count. Leavers are
            // replaced at once, so the head count is constant and the daily hazard is the
            // yearly rate spread over the working days.
            leave_prob: f(o.turnover_per_year / WORKING_DAYS_PER_YEAR),
            hiring_candidates: o.hiring_candidates.max(1),
            screening_noise: o32.hiring_screening_noise,
            socialisation_days: o32.socialisation_days,
            socialisation_peer: o32.socialisation_peer,
            socialisation_manager: o32.socialisation_manager,
            socialisation_visibility: o32.socialisation_visibility,
            contacts: c.contacts_per_day,
            score_base: c32.score_base,
            score_oriented: c32.score_oriented,
            score_memory: c32.score_memory,
            memory_reference: c32.memory_reference,
            score_noise: c32.score_noise,
            memory_rate: c32.memory_rate,
            alignment_weight: c32.alignment_weight,
            facilities_quality: f(c.facilities_floor + (1.0 - c.facilities_floor) * o.facilities),
            conflict_share: c32.conflict_share,
            break_gain: c32.break_gain,
            alternative_gain: c32.alternative_gain,
            unresolved_penalty: c32.unresolved_penalty,
            churn_detractor: c32.churn_detractor,
            referral_promoter: c32.referral_promoter,
            training_awareness: e.training_awareness,
            training_knowledge: e.training_knowledge,
            training_norm: e.training_norm,
            coaching_norm: e.coaching_norm,
            coaching_understanding: e.coaching_understanding,
            coaching_awareness: e.coaching_awareness,
            coaching_anchor: e.coaching_anchor,
            reflection_awareness: e.reflection_awareness,
            reflection_anchor: e.reflection_anchor,
            reflection_norm: e.reflection_norm,
            reflection_understanding: e.reflection_understanding,
            practice_alternatives: e.practice_alternatives,
            feedback_culture_understanding: e.feedback_culture_understanding,
            feedback_culture_alternatives: e.feedback_culture_alternatives,
            sanctions_break_shift: e.sanctions_break_shift,
            sanctions_norm_loss: e.sanctions_norm_loss,
            role_model_gain: e.role_model_gain,
            definition_shift: e.definition_shift,
            definition: def.map(|x| x as f32),
            recognition_threshold: m32.recognition_threshold,
            strong_norm_threshold: s.strong_norm_threshold,
            feedback_minded_threshold: s.feedback_minded_threshold,
            inflow_per_employee: c.inflow_per_employee,
            outflow_rate: c.outflow_rate,
            outflow_keep: (-c.outflow_rate).exp(),
            memory_new: c32.memory_new,
            memory_referred: c32.memory_referred,
            pool_per_employee: c.pool_per_employee,
        }
    }

    /// Chance that customer feedback reaches a team on a day, given its manager's priority.
    #[inline]
    pub fn feedback_prob(&self, priority: f32, share_programme: f32) -> f32 {
        let base = if share_programme > 0.0 {
            self.effects.shared_feedback_share * share_programme.min(1.0)
                + self.organisation.feedback_share * (1.0 - share_programme.min(1.0))
        } else {
            self.organisation.feedback_share
        };
        (base * priority / self.managers.priority_mean).clamp(0.0, 1.0)
    }
}
