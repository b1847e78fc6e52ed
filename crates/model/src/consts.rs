//! Parameters converted once per run into the f32 constants the daily loop reads, so the
//! step function holds no magic numbers and does no conversions.

use super::manager::visibility;
use super::params::Params;

/// Working days per year, used to turn yearly rates into daily ones.
pub const WORKING_DAYS_PER_YEAR: f64 = 250.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Consts {
    pub beta0: f32,
    pub beta_n: f32,
    pub beta_h: f32,
    pub beta_ak: f32,
    pub beta_e: f32,
    pub beta_s: f32,
    pub beta_r: f32,
    pub beta_c: f32,
    pub adjust: f32,
    pub facilities: f32,
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
    pub gamma0: f32,
    pub gamma_e: f32,
    pub gamma_u: f32,
    pub gamma_p: f32,
    pub gamma_rule: f32,
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
    pub shared_feedback_share: f32,
    pub definition_shift: f32,
    pub feedback_share: f32,
    pub priority_mean: f32,
    pub definition: [f32; 4],
    pub recognition_threshold: f32,
    pub strong_norm_threshold: f32,
    pub feedback_minded_threshold: f32,
    pub inflow_per_employee: f64,
    pub outflow_rate: f64,
    pub memory_new: f32,
    pub memory_referred: f32,
    pub pool_per_employee: f64,
}

impl Consts {
    pub fn new(p: &Params) -> Self {
        let o = &p.organisation;
        let b = &p.behaviour;
        let s = &p.state;
        let m = &p.managers;
        let c = &p.customers;
        let r = &p.rule_breaks;
        let e = &p.effects;
        let f = |x: f64| x as f32;
        let team = o.team_size.max(1).min(o.employees.max(1));
        let last = match o.employees % team {
            0 => team,
            rem => rem,
        };
        let def = o.definition.normalised();
        Consts {
            beta0: f(b.intercept),
            beta_n: f(b.norm),
            beta_h: f(b.habit),
            beta_ak: f(b.awareness_skill),
            beta_e: f(b.reward),
            beta_s: f(b.peer),
            beta_r: f(b.role_model),
            beta_c: f(b.effort),
            adjust: f(b.adjust_rate),
            facilities: f(o.facilities),
            awareness_rest: f(s.awareness_rest),
            awareness_decay: f(s.awareness_decay),
            knowledge_decay: f(s.knowledge_decay),
            knowledge_protection: f(s.knowledge_use_protection),
            norm_anchor: f(s.norm_anchor_rate),
            norm_self: f(s.norm_self_rate),
            norm_peer: f(s.norm_peer_rate),
            norm_role: f(s.norm_role_rate),
            norm_feedback: f(s.norm_feedback_rate),
            understanding_rate: f(s.understanding_rate),
            alternatives_decay: f(s.alternatives_decay),
            alternatives_gain: f(s.alternatives_use_gain),
            reward_rest: f(s.reward_rest),
            reward_acquisition: f(s.reward_acquisition_rate),
            reward_extinction: f(s.reward_extinction_rate),
            partial_exponent: f(s.partial_extinction_exponent),
            reward_rate_learning: f(s.reward_rate_learning),
            perception_rate: f(m.perception_rate),
            perception_forgetting: f(m.perception_forgetting),
            perception_prior: f(m.perception_prior),
            visibility_full: f(visibility(m, team, o.employees)),
            visibility_last: f(visibility(m, last, o.employees)),
            // Turnover as HR counts it: leavers per year over the head count. Leavers are
            // replaced at once, so the head count is constant and the daily hazard is the
            // yearly rate spread over the working days.
            leave_prob: f(o.turnover_per_year / WORKING_DAYS_PER_YEAR),
            hiring_candidates: o.hiring_candidates.max(1),
            screening_noise: f(o.hiring_screening_noise),
            socialisation_days: f(o.socialisation_days),
            socialisation_peer: f(o.socialisation_peer),
            socialisation_manager: f(o.socialisation_manager),
            socialisation_visibility: f(o.socialisation_visibility),
            contacts: c.contacts_per_day,
            score_base: f(c.score_base),
            score_oriented: f(c.score_oriented),
            score_memory: f(c.score_memory),
            memory_reference: f(c.memory_reference),
            score_noise: f(c.score_noise),
            memory_rate: f(c.memory_rate),
            alignment_weight: f(c.alignment_weight),
            facilities_quality: f(c.facilities_floor + (1.0 - c.facilities_floor) * o.facilities),
            conflict_share: f(c.conflict_share),
            break_gain: f(c.break_gain),
            alternative_gain: f(c.alternative_gain),
            unresolved_penalty: f(c.unresolved_penalty),
            churn_detractor: f(c.churn_detractor),
            referral_promoter: f(c.referral_promoter),
            gamma0: f(r.intercept),
            gamma_e: f(r.empathy),
            gamma_u: f(r.understanding),
            gamma_p: f(r.alternatives),
            gamma_rule: f(r.rule_orientation),
            training_awareness: f(e.training_awareness),
            training_knowledge: f(e.training_knowledge),
            training_norm: f(e.training_norm),
            coaching_norm: f(e.coaching_norm),
            coaching_understanding: f(e.coaching_understanding),
            coaching_awareness: f(e.coaching_awareness),
            coaching_anchor: f(e.coaching_anchor),
            reflection_awareness: f(e.reflection_awareness),
            reflection_anchor: f(e.reflection_anchor),
            reflection_norm: f(e.reflection_norm),
            reflection_understanding: f(e.reflection_understanding),
            practice_alternatives: f(e.practice_alternatives),
            feedback_culture_understanding: f(e.feedback_culture_understanding),
            feedback_culture_alternatives: f(e.feedback_culture_alternatives),
            sanctions_break_shift: f(e.sanctions_break_shift),
            sanctions_norm_loss: f(e.sanctions_norm_loss),
            role_model_gain: f(e.role_model_gain),
            shared_feedback_share: f(e.shared_feedback_share),
            definition_shift: f(e.definition_shift),
            feedback_share: f(o.feedback_share),
            priority_mean: f(m.priority_mean),
            definition: def.map(|x| x as f32),
            recognition_threshold: f(m.recognition_threshold),
            strong_norm_threshold: f(s.strong_norm_threshold),
            feedback_minded_threshold: f(s.feedback_minded_threshold),
            inflow_per_employee: c.inflow_per_employee,
            outflow_rate: c.outflow_rate,
            memory_new: f(c.memory_new),
            memory_referred: f(c.memory_referred),
            pool_per_employee: c.pool_per_employee,
        }
    }

    /// Chance that customer feedback reaches a team on a day, given its manager's priority.
    #[inline]
    pub fn feedback_prob(&self, priority: f32, share_programme: f32) -> f32 {
        let base = if share_programme > 0.0 {
            self.shared_feedback_share * share_programme.min(1.0)
                + self.feedback_share * (1.0 - share_programme.min(1.0))
        } else {
            self.feedback_share
        };
        (base * priority / self.priority_mean).clamp(0.0, 1.0)
    }
}
