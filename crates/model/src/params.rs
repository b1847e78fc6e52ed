//! Every model parameter, grouped by mechanism, each with a serde default.
//!
//! Defaults and their sources are listed in `docs/model.md`; a scenario file may override any
//! of them and nothing else (`deny_unknown_fields`), so a typo is an error rather than a
//! silently ignored setting.

use serde::{Deserialize, Serialize};

use super::drives::{DriveMix, DriveTable, Lens};
use super::validate::Check;

/// All parameters of one simulated organisation.
/// Largest organisation a scenario may ask for.
pub const MAX_EMPLOYEES: usize = 10_000_000;
/// Largest team (a manager's span of control far beyond any real one).
pub const MAX_TEAM_SIZE: usize = 10_000;
/// Most candidates screened per vacancy (each is a full person draw, at every hire).
pub const MAX_HIRING_CANDIDATES: u32 = 100;
/// Longest socialisation period (ten working years).
pub const MAX_SOCIALISATION_DAYS: f64 = 2500.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    pub organisation: OrganisationParams,
    pub drives: DriveTable,
    pub behaviour: BehaviourParams,
    pub state: StateParams,
    pub managers: ManagerParams,
    pub customers: CustomerParams,
    pub rule_breaks: RuleBreakParams,
    pub effects: InterventionEffects,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationParams {
    /// Number of employees with customer contact.
    pub employees: usize,
    /// Employees per manager; the last team takes the remainder.
    pub team_size: usize,
    /// Share of each drive in the organisation.
    pub drive_mix: DriveMix,
    /// Dirichlet concentration: profiles are drawn from Dirichlet(concentration x mix).
    /// Low values give people with one clearly dominant drive.
    pub drive_concentration: f64,
    /// Facilities level F in [0, 1]: systems, time and mandate to serve customers.
    pub facilities: f64,
    /// The organisation's own definition of customer orientation.
    pub definition: Lens,
    /// Baseline share of team-days on which customer feedback reaches the team (scaled by
    /// the manager's priority).
    pub feedback_share: f64,
    /// Employees leaving per year (share of head count); each leaver is replaced at once.
    pub turnover_per_year: f64,
    /// Drive mix of hires; the organisation's own mix when absent.
    pub hiring_mix: Option<DriveMix>,
    /// Hiring selectivity: candidates screened per vacancy. The one with the best interview
    /// signal of customer orientation (the norm anchor N0 plus noise) is hired; 1 hires the
    /// first candidate, that is, no selection.
    pub hiring_candidates: u32,
    /// Standard deviation of the interview signal around a candidate's N0: how well the
    /// organisation recognises customer orientation when it hires.
    pub hiring_screening_noise: f64,
    /// Days a newcomer is being socialised: the extra pulls below act on their norm only in
    /// this period. Newcomers enter with their own norm (N = N0), not the team's.
    pub socialisation_days: f64,
    /// Extra daily pull of a newcomer's norm toward the team's descriptive norm S (peers).
    pub socialisation_peer: f64,
    /// Extra daily pull of a newcomer's norm toward the manager as they perceive them (R̂),
    /// scaled by the newcomer's role-model susceptibility.
    pub socialisation_manager: f64,
    /// Chance a newcomer sees a telling moment of their manager on a day of the
    /// socialisation period (onboarding puts them close to the manager); at least the
    /// team's own visibility.
    pub socialisation_visibility: f64,
}

impl Default for OrganisationParams {
    fn default() -> Self {
        OrganisationParams {
            employees: 200,
            team_size: 10,
            drive_mix: DriveMix::default(),
            drive_concentration: 3.0,
            facilities: 0.6,
            definition: Lens::new(0.25, 0.30, 0.20, 0.25),
            feedback_share: 0.2,
            turnover_per_year: 0.10,
            hiring_mix: None,
            hiring_candidates: 1,
            hiring_screening_noise: 0.15,
            socialisation_days: 90.0,
            socialisation_peer: 0.01,
            socialisation_manager: 0.01,
            socialisation_visibility: 0.6,
        }
    }
}

/// Coefficients of the behaviour target
/// `B* = σ(β0 + βN·N + βH·H + βA·A·K + βE·E + βS·(S − ½) + βR·R̂ − βC·effort·(1 − F))`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BehaviourParams {
    pub intercept: f64,
    pub norm: f64,
    pub habit: f64,
    pub awareness_skill: f64,
    pub reward: f64,
    pub peer: f64,
    pub role_model: f64,
    pub effort: f64,
    /// λB: share of the gap to the target closed per day.
    pub adjust_rate: f64,
}

impl Default for BehaviourParams {
    fn default() -> Self {
        BehaviourParams {
            intercept: -2.7,
            norm: 3.0,
            habit: 1.2,
            awareness_skill: 1.25,
            reward: 1.0,
            peer: 1.0,
            role_model: 0.8,
            effort: 1.6,
            adjust_rate: 0.5,
        }
    }
}

/// Rates and anchors of the below-waterline (slow) state and of A and K.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StateParams {
    /// Resting awareness A0 that awareness decays back to.
    pub awareness_rest: f64,
    /// Daily decay rate of awareness toward rest.
    pub awareness_decay: f64,
    /// Mean of the resting skill K0 (Beta distributed across people).
    pub knowledge_mean: f64,
    /// Beta concentration (a + b) of K0.
    pub knowledge_concentration: f64,
    /// Daily decay rate of skill toward K0 when unused.
    pub knowledge_decay: f64,
    /// Share of the decay that daily use prevents (use = oriented share of contacts).
    pub knowledge_use_protection: f64,
    /// Mean of the personal norm anchor N0 for an average-empathy person.
    pub norm_anchor_mean: f64,
    /// Shift of the N0 mean per unit of empathy above 0.55.
    pub norm_anchor_empathy: f64,
    /// Beta concentration of N0: low = wide spread of personal anchors.
    pub norm_anchor_concentration: f64,
    /// Daily pull of N toward N0.
    pub norm_anchor_rate: f64,
    /// Daily pull of N toward one's own oriented share (acting shapes believing).
    pub norm_self_rate: f64,
    /// Daily pull of N toward the team's descriptive norm S.
    pub norm_peer_rate: f64,
    /// Daily pull of N toward the perceived role model R̂ (times role-model susceptibility).
    pub norm_role_rate: f64,
    /// Daily pull of N toward 1 on days feedback is shared (times feedback susceptibility).
    pub norm_feedback_rate: f64,
    /// Employees with N at or above this count as having a strong norm.
    pub strong_norm_threshold: f64,
    /// Feedback susceptibility from which an employee counts as highly feedback-minded
    /// (enjoys working with customer feedback; article 002: about 15%).
    pub feedback_minded_threshold: f64,
    /// Mean of the understanding anchor U0.
    pub understanding_mean: f64,
    pub understanding_concentration: f64,
    /// Daily pull of U toward its anchor U0.
    pub understanding_rate: f64,
    /// Mean of the resting repertoire of alternatives P0.
    pub alternatives_mean: f64,
    pub alternatives_concentration: f64,
    /// Daily decay of P toward P0.
    pub alternatives_decay: f64,
    /// Gain of P each time an alternative is used (times 1 − P).
    pub alternatives_use_gain: f64,
    /// Median days to 95% of habit asymptote (Lally et al. 2010).
    pub habit_days_median: f64,
    /// Log-sd of days to 95% across people.
    pub habit_days_log_sd: f64,
    pub habit_days_min: f64,
    pub habit_days_max: f64,
    /// Reward expectancy at rest (everyday rewards of serving customers).
    pub reward_rest: f64,
    /// Daily learning rate of E toward today's reward outcome under a programme.
    pub reward_acquisition_rate: f64,
    /// Daily extinction rate of E toward rest after continuous reinforcement.
    pub reward_extinction_rate: f64,
    /// Partial reinforcement extinction: the extinction rate is multiplied by
    /// (experienced reward rate)^exponent, so leaner schedules extinguish more slowly.
    pub partial_extinction_exponent: f64,
    /// Daily rate at which the experienced reward rate tracks today's ratio of rewards to
    /// oriented contacts under a programme.
    pub reward_rate_learning: f64,
}

impl Default for StateParams {
    fn default() -> Self {
        StateParams {
            awareness_rest: 0.25,
            awareness_decay: 0.02,
            knowledge_mean: 0.5,
            knowledge_concentration: 8.0,
            knowledge_decay: 0.004,
            knowledge_use_protection: 0.5,
            norm_anchor_mean: 0.50,
            norm_anchor_empathy: 0.6,
            norm_anchor_concentration: 2.0,
            norm_anchor_rate: 0.002,
            norm_self_rate: 0.0003,
            norm_peer_rate: 0.0002,
            norm_role_rate: 0.0003,
            norm_feedback_rate: 0.0015,
            strong_norm_threshold: 0.8,
            feedback_minded_threshold: 1.13,
            understanding_mean: 0.4,
            understanding_concentration: 6.0,
            understanding_rate: 0.004,
            alternatives_mean: 0.2,
            alternatives_concentration: 6.0,
            alternatives_decay: 0.004,
            alternatives_use_gain: 0.01,
            habit_days_median: 66.0,
            habit_days_log_sd: 0.6,
            habit_days_min: 18.0,
            habit_days_max: 254.0,
            reward_rest: 0.2,
            reward_acquisition_rate: 0.15,
            reward_extinction_rate: 0.011,
            partial_extinction_exponent: 0.9,
            reward_rate_learning: 0.1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ManagerParams {
    /// Mean true role-model level R (Beta distributed across managers).
    pub role_model_mean: f64,
    pub role_model_concentration: f64,
    /// Managers with R at or above this are role models (article 002: 40% in government).
    pub role_model_threshold: f64,
    /// Upward bias of the self-assessment over the true level.
    pub self_bias: f64,
    /// Noise (sd) of the self-assessment.
    pub self_noise: f64,
    /// Self-assessment at or above this is "always" a role model.
    pub self_always_threshold: f64,
    /// Self-assessment at or above this (and below "always") is "almost always".
    pub self_almost_always_threshold: f64,
    /// Mean priority on customer orientation (scales how often feedback is shared).
    pub priority_mean: f64,
    pub priority_concentration: f64,
    /// Chance per day that an employee sees a telling moment of the manager, in a team of
    /// `visibility_team_ref` in an organisation of `visibility_org_ref`.
    pub visibility: f64,
    pub visibility_team_ref: f64,
    /// Visibility scales with (team_ref / team_size)^this.
    pub visibility_team_exponent: f64,
    pub visibility_org_ref: f64,
    /// Visibility scales with (org_ref / employees)^this.
    pub visibility_org_exponent: f64,
    /// Share of the gap to an observation closed by it.
    pub perception_rate: f64,
    /// Daily drift of the perception toward the prior on days nothing is seen.
    pub perception_forgetting: f64,
    /// What employees assume of a manager they do not see.
    pub perception_prior: f64,
    /// Perception at or above this = "fully recognises role-model behaviour".
    pub recognition_threshold: f64,
}

impl Default for ManagerParams {
    fn default() -> Self {
        ManagerParams {
            role_model_mean: 0.595,
            role_model_concentration: 10.0,
            role_model_threshold: 0.6,
            self_bias: 0.21,
            self_noise: 0.10,
            self_always_threshold: 0.8,
            self_almost_always_threshold: 0.6,
            priority_mean: 0.5,
            priority_concentration: 6.0,
            visibility: 0.3,
            visibility_team_ref: 10.0,
            visibility_team_exponent: 0.5,
            visibility_org_ref: 200.0,
            visibility_org_exponent: 0.15,
            perception_rate: 0.05,
            perception_forgetting: 0.01,
            perception_prior: 0.3,
            recognition_threshold: 0.6,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CustomerParams {
    /// Customer contacts each employee handles per day.
    pub contacts_per_day: usize,
    /// Initial customers per employee in a team's pool.
    pub pool_per_employee: f64,
    /// New customers per employee per day from outside (marketing, location).
    pub inflow_per_employee: f64,
    /// Daily chance a customer leaves for reasons unrelated to service.
    pub outflow_rate: f64,
    /// Chance a detractor (score 0-6) leaves after the contact (article 003).
    pub churn_detractor: f64,
    /// Chance a promoter (score 9-10) brings a new customer (word of mouth, article 001).
    pub referral_promoter: f64,
    /// Share of the gap between a contact's score/10 and the memory closed by the contact.
    pub memory_rate: f64,
    /// Satisfaction memory of a new customer.
    pub memory_new: f64,
    /// Satisfaction memory of a referred customer.
    pub memory_referred: f64,
    /// Score of an average contact handled without customer orientation.
    pub score_base: f64,
    /// Score points an oriented contact of full quality adds.
    pub score_oriented: f64,
    /// Score points per unit of satisfaction memory above `memory_reference`.
    pub score_memory: f64,
    pub memory_reference: f64,
    /// Sd of the score noise (before rounding).
    pub score_noise: f64,
    /// Weight of lens alignment in the quality of an oriented contact.
    pub alignment_weight: f64,
    /// Quality an oriented contact keeps with no facilities at all.
    pub facilities_floor: f64,
    /// Share of contacts where the customer's wish conflicts with company policy (article 004).
    pub conflict_share: f64,
    /// Score points a rule break gives the customer.
    pub break_gain: f64,
    /// Score points a practised alternative gives the customer.
    pub alternative_gain: f64,
    /// Score points lost when a conflict stays unresolved.
    pub unresolved_penalty: f64,
    /// Cost to the organisation of one rule break (euro).
    pub break_cost: f64,
    /// Working days in the rolling NPS window.
    pub nps_window_days: usize,
}

impl Default for CustomerParams {
    fn default() -> Self {
        CustomerParams {
            contacts_per_day: 8,
            pool_per_employee: 40.0,
            inflow_per_employee: 0.45,
            outflow_rate: 0.01,
            churn_detractor: 0.08,
            referral_promoter: 0.05,
            memory_rate: 0.3,
            memory_new: 0.7,
            memory_referred: 0.8,
            score_base: 7.1,
            score_oriented: 2.6,
            score_memory: 2.0,
            memory_reference: 0.7,
            score_noise: 1.3,
            alignment_weight: 0.5,
            facilities_floor: 0.5,
            conflict_share: 0.1,
            break_gain: 1.5,
            alternative_gain: 0.8,
            unresolved_penalty: 2.0,
            break_cost: 25.0,
            nps_window_days: 20,
        }
    }
}

/// Rule-break propensity `σ(γ0 + γE·empathy − γU·U − γP·P − γρ·rule_orientation)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleBreakParams {
    pub intercept: f64,
    pub empathy: f64,
    pub understanding: f64,
    pub alternatives: f64,
    pub rule_orientation: f64,
}

impl Default for RuleBreakParams {
    fn default() -> Self {
        RuleBreakParams {
            intercept: -0.2,
            empathy: 2.0,
            understanding: 2.0,
            alternatives: 1.5,
            rule_orientation: 2.0,
        }
    }
}

/// Effect sizes of one session of each intervention at intensity 1 for a person of average
/// susceptibility. Each moves a state a share of its remaining distance (to 1, or to the
/// anchor), so repeated sessions saturate instead of overshooting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InterventionEffects {
    pub training_awareness: f64,
    pub training_knowledge: f64,
    pub training_norm: f64,
    pub coaching_norm: f64,
    pub coaching_understanding: f64,
    pub coaching_awareness: f64,
    /// Share of the gap N − N0 one coaching session writes into the anchor: coaching works
    /// below the waterline, so part of its change becomes the person's own (article 000).
    pub coaching_anchor: f64,
    pub reflection_awareness: f64,
    /// Share of the gap N − N0 (and U − U0) that one reflection session writes into the
    /// anchor: the change becomes the person's new normal (article 000, phase 3).
    pub reflection_anchor: f64,
    pub reflection_norm: f64,
    pub reflection_understanding: f64,
    pub practice_alternatives: f64,
    pub feedback_culture_understanding: f64,
    pub feedback_culture_alternatives: f64,
    /// Shift of the rule-break log-odds per unit of sanctions susceptibility while sanctions apply.
    pub sanctions_break_shift: f64,
    /// Share of N lost per session, times (1 − rule orientation) and sanctions susceptibility.
    pub sanctions_norm_loss: f64,
    /// Share of the gap to 1 of a manager's R closed per leadership session.
    pub role_model_gain: f64,
    /// Feedback share while a share-feedback programme runs.
    pub shared_feedback_share: f64,
    /// Share of the gap between a lens and the organisation's definition closed per session.
    pub definition_shift: f64,
}

impl Default for InterventionEffects {
    fn default() -> Self {
        InterventionEffects {
            training_awareness: 0.5,
            training_knowledge: 0.15,
            training_norm: 0.01,
            coaching_norm: 0.035,
            coaching_understanding: 0.04,
            coaching_awareness: 0.05,
            coaching_anchor: 0.04,
            reflection_awareness: 0.15,
            reflection_anchor: 0.2,
            reflection_norm: 0.01,
            reflection_understanding: 0.03,
            practice_alternatives: 0.12,
            feedback_culture_understanding: 0.04,
            feedback_culture_alternatives: 0.02,
            sanctions_break_shift: 1.5,
            sanctions_norm_loss: 0.02,
            role_model_gain: 0.08,
            shared_feedback_share: 0.8,
            definition_shift: 0.15,
        }
    }
}

impl Params {
    /// Semantic checks of every parameter; returns all problems, not only the first.
    pub fn check(&self, c: &mut Check) {
        let o = &self.organisation;
        // The upper bound keeps one run within this machine's memory class (about 120 bytes
        // of state per employee plus customers, per arm in flight); see BENCHMARKS.md.
        c.range_usize("organisation.employees", o.employees, 1, MAX_EMPLOYEES);
        c.range_usize("organisation.team_size", o.team_size, 1, MAX_TEAM_SIZE);
        if o.team_size > o.employees && o.employees >= 1 {
            c.fail(
                "organisation.team_size",
                o.team_size.to_string(),
                format!("at most organisation.employees ({})", o.employees),
                "a team cannot be larger than the organisation",
            );
        }
        c.positive("organisation.drive_concentration", o.drive_concentration);
        c.unit("organisation.facilities", o.facilities);
        c.unit("organisation.feedback_share", o.feedback_share);
        c.unit("organisation.turnover_per_year", o.turnover_per_year);
        check_mix(c, "organisation.drive_mix", &o.drive_mix);
        if let Some(m) = &o.hiring_mix {
            check_mix(c, "organisation.hiring_mix", m);
        }
        c.range_usize(
            "organisation.hiring_candidates",
            o.hiring_candidates as usize,
            1,
            MAX_HIRING_CANDIDATES as usize,
        );
        c.range(
            "organisation.hiring_screening_noise",
            o.hiring_screening_noise,
            0.0,
            10.0,
        );
        c.range(
            "organisation.socialisation_days",
            o.socialisation_days,
            0.0,
            MAX_SOCIALISATION_DAYS,
        );
        c.rate("organisation.socialisation_peer", o.socialisation_peer);
        c.rate(
            "organisation.socialisation_manager",
            o.socialisation_manager,
        );
        c.unit(
            "organisation.socialisation_visibility",
            o.socialisation_visibility,
        );
        check_lens(c, "organisation.definition", &o.definition);
        for (name, row) in crate::drives::DRIVE_NAMES.iter().zip(self.drives.rows()) {
            let p = format!("drives.{name}");
            c.unit(&format!("{p}.empathy"), row.empathy);
            c.unit(&format!("{p}.effort_aversion"), row.effort_aversion);
            c.unit(&format!("{p}.rule_orientation"), row.rule_orientation);
            for (k, v) in [
                ("susceptibility_training", row.susceptibility_training),
                ("susceptibility_coaching", row.susceptibility_coaching),
                ("susceptibility_reward", row.susceptibility_reward),
                ("susceptibility_role_model", row.susceptibility_role_model),
                ("susceptibility_sanctions", row.susceptibility_sanctions),
                ("susceptibility_feedback", row.susceptibility_feedback),
            ] {
                c.range(&format!("{p}.{k}"), v, 0.0, 5.0);
            }
            check_lens(c, &format!("{p}.lens"), &row.lens);
        }
        let b = &self.behaviour;
        for (k, v) in [
            ("behaviour.intercept", b.intercept),
            ("behaviour.norm", b.norm),
            ("behaviour.habit", b.habit),
            ("behaviour.awareness_skill", b.awareness_skill),
            ("behaviour.reward", b.reward),
            ("behaviour.peer", b.peer),
            ("behaviour.role_model", b.role_model),
            ("behaviour.effort", b.effort),
        ] {
            c.range(k, v, -50.0, 50.0);
        }
        c.rate("behaviour.adjust_rate", b.adjust_rate);
        let s = &self.state;
        c.unit("state.awareness_rest", s.awareness_rest);
        c.rate("state.awareness_decay", s.awareness_decay);
        c.open_unit("state.knowledge_mean", s.knowledge_mean);
        c.positive("state.knowledge_concentration", s.knowledge_concentration);
        c.rate("state.knowledge_decay", s.knowledge_decay);
        c.unit("state.knowledge_use_protection", s.knowledge_use_protection);
        c.open_unit("state.norm_anchor_mean", s.norm_anchor_mean);
        c.range(
            "state.norm_anchor_empathy",
            s.norm_anchor_empathy,
            -5.0,
            5.0,
        );
        c.positive(
            "state.norm_anchor_concentration",
            s.norm_anchor_concentration,
        );
        let norm_rates = [
            ("state.norm_anchor_rate", s.norm_anchor_rate),
            ("state.norm_self_rate", s.norm_self_rate),
            ("state.norm_peer_rate", s.norm_peer_rate),
            ("state.norm_role_rate", s.norm_role_rate),
            ("state.norm_feedback_rate", s.norm_feedback_rate),
        ];
        for (k, v) in norm_rates {
            c.rate(k, v);
        }
        // The pulls are applied together; their sum (with the largest susceptibility) must stay
        // below 1 so that one day never overshoots its target.
        let total: f64 = norm_rates.iter().map(|(_, v)| v).sum::<f64>() * 5.0;
        if total.is_finite() && total >= 1.0 {
            c.fail(
                "state.norm_anchor_rate",
                format!("{total}"),
                "the norm rates summed (role-model and feedback rates times 5) below 1".into(),
                "lower the norm rates: they are daily rates, of the order of 0.001",
            );
        }
        c.unit("state.strong_norm_threshold", s.strong_norm_threshold);
        c.range(
            "state.feedback_minded_threshold",
            s.feedback_minded_threshold,
            0.0,
            10.0,
        );
        c.open_unit("state.understanding_mean", s.understanding_mean);
        c.positive(
            "state.understanding_concentration",
            s.understanding_concentration,
        );
        c.rate("state.understanding_rate", s.understanding_rate);
        c.open_unit("state.alternatives_mean", s.alternatives_mean);
        c.positive(
            "state.alternatives_concentration",
            s.alternatives_concentration,
        );
        c.rate("state.alternatives_decay", s.alternatives_decay);
        c.unit("state.alternatives_use_gain", s.alternatives_use_gain);
        c.range(
            "state.habit_days_median",
            s.habit_days_median,
            1.0,
            10_000.0,
        );
        c.range("state.habit_days_log_sd", s.habit_days_log_sd, 0.0, 5.0);
        c.range("state.habit_days_min", s.habit_days_min, 1.0, 10_000.0);
        c.range("state.habit_days_max", s.habit_days_max, 1.0, 10_000.0);
        if s.habit_days_min > s.habit_days_max {
            c.fail(
                "state.habit_days_min",
                s.habit_days_min.to_string(),
                format!("at most state.habit_days_max ({})", s.habit_days_max),
                "the clip range of habit days is reversed",
            );
        }
        c.unit("state.reward_rest", s.reward_rest);
        c.rate("state.reward_acquisition_rate", s.reward_acquisition_rate);
        c.rate("state.reward_extinction_rate", s.reward_extinction_rate);
        c.range(
            "state.partial_extinction_exponent",
            s.partial_extinction_exponent,
            0.0,
            5.0,
        );
        c.rate("state.reward_rate_learning", s.reward_rate_learning);

        let m = &self.managers;
        c.open_unit("managers.role_model_mean", m.role_model_mean);
        c.positive(
            "managers.role_model_concentration",
            m.role_model_concentration,
        );
        c.unit("managers.role_model_threshold", m.role_model_threshold);
        c.range("managers.self_bias", m.self_bias, -1.0, 1.0);
        c.range("managers.self_noise", m.self_noise, 0.0, 1.0);
        c.unit("managers.self_always_threshold", m.self_always_threshold);
        c.unit(
            "managers.self_almost_always_threshold",
            m.self_almost_always_threshold,
        );
        c.open_unit("managers.priority_mean", m.priority_mean);
        c.positive("managers.priority_concentration", m.priority_concentration);
        c.unit("managers.visibility", m.visibility);
        c.positive("managers.visibility_team_ref", m.visibility_team_ref);
        c.range(
            "managers.visibility_team_exponent",
            m.visibility_team_exponent,
            0.0,
            5.0,
        );
        c.positive("managers.visibility_org_ref", m.visibility_org_ref);
        c.range(
            "managers.visibility_org_exponent",
            m.visibility_org_exponent,
            0.0,
            5.0,
        );
        c.rate("managers.perception_rate", m.perception_rate);
        c.rate("managers.perception_forgetting", m.perception_forgetting);
        c.unit("managers.perception_prior", m.perception_prior);
        c.unit("managers.recognition_threshold", m.recognition_threshold);

        let cu = &self.customers;
        c.range_usize("customers.contacts_per_day", cu.contacts_per_day, 1, 1000);
        c.range(
            "customers.pool_per_employee",
            cu.pool_per_employee,
            1.0,
            100_000.0,
        );
        c.range(
            "customers.inflow_per_employee",
            cu.inflow_per_employee,
            0.0,
            1000.0,
        );
        c.unit("customers.outflow_rate", cu.outflow_rate);
        c.unit("customers.churn_detractor", cu.churn_detractor);
        c.unit("customers.referral_promoter", cu.referral_promoter);
        c.rate("customers.memory_rate", cu.memory_rate);
        c.unit("customers.memory_new", cu.memory_new);
        c.unit("customers.memory_referred", cu.memory_referred);
        c.unit("customers.memory_reference", cu.memory_reference);
        for (k, v) in [
            ("customers.score_base", cu.score_base),
            ("customers.score_oriented", cu.score_oriented),
            ("customers.score_memory", cu.score_memory),
            ("customers.break_gain", cu.break_gain),
            ("customers.alternative_gain", cu.alternative_gain),
            ("customers.unresolved_penalty", cu.unresolved_penalty),
        ] {
            c.range(k, v, -20.0, 20.0);
        }
        c.range("customers.score_noise", cu.score_noise, 0.0, 20.0);
        c.unit("customers.alignment_weight", cu.alignment_weight);
        c.unit("customers.facilities_floor", cu.facilities_floor);
        c.unit("customers.conflict_share", cu.conflict_share);
        c.range("customers.break_cost", cu.break_cost, 0.0, 1e9);
        c.range_usize("customers.nps_window_days", cu.nps_window_days, 1, 1000);

        let r = &self.rule_breaks;
        for (k, v) in [
            ("rule_breaks.intercept", r.intercept),
            ("rule_breaks.empathy", r.empathy),
            ("rule_breaks.understanding", r.understanding),
            ("rule_breaks.alternatives", r.alternatives),
            ("rule_breaks.rule_orientation", r.rule_orientation),
        ] {
            c.range(k, v, -50.0, 50.0);
        }
        let e = &self.effects;
        for (k, v) in [
            ("effects.training_awareness", e.training_awareness),
            ("effects.training_knowledge", e.training_knowledge),
            ("effects.training_norm", e.training_norm),
            ("effects.coaching_norm", e.coaching_norm),
            ("effects.coaching_understanding", e.coaching_understanding),
            ("effects.coaching_awareness", e.coaching_awareness),
            ("effects.coaching_anchor", e.coaching_anchor),
            ("effects.reflection_awareness", e.reflection_awareness),
            ("effects.reflection_anchor", e.reflection_anchor),
            ("effects.reflection_norm", e.reflection_norm),
            (
                "effects.reflection_understanding",
                e.reflection_understanding,
            ),
            ("effects.practice_alternatives", e.practice_alternatives),
            (
                "effects.feedback_culture_understanding",
                e.feedback_culture_understanding,
            ),
            (
                "effects.feedback_culture_alternatives",
                e.feedback_culture_alternatives,
            ),
            ("effects.sanctions_norm_loss", e.sanctions_norm_loss),
            ("effects.role_model_gain", e.role_model_gain),
            ("effects.shared_feedback_share", e.shared_feedback_share),
            ("effects.definition_shift", e.definition_shift),
        ] {
            // Effects are multiplied by intensity (up to 5) and susceptibility (up to 5), so a
            // per-session share above 0.2 could push a state past its bound; states are
            // clamped anyway, but such a value is almost surely a mistake.
            c.unit(k, v);
        }
        c.range(
            "effects.sanctions_break_shift",
            e.sanctions_break_shift,
            0.0,
            50.0,
        );
    }
}

fn check_mix(c: &mut Check, key: &str, m: &DriveMix) {
    for (name, v) in crate::drives::DRIVE_NAMES.iter().zip(m.as_array()) {
        c.range(&format!("{key}.{name}"), v, 0.0, 1e6);
    }
    let s: f64 = m.as_array().iter().sum();
    if s.is_nan() || s <= 0.0 {
        c.fail(
            key,
            format!("{s}"),
            "shares with a positive sum".into(),
            "give at least one drive a positive share (shares are normalised to sum 1)",
        );
    }
}

fn check_lens(c: &mut Check, key: &str, l: &Lens) {
    for (name, v) in crate::drives::FACET_NAMES.iter().zip(l.as_array()) {
        c.range(&format!("{key}.{name}"), v, 0.0, 1e6);
    }
    let s: f64 = l.as_array().iter().sum();
    if s.is_nan() || s <= 0.0 {
        c.fail(
            key,
            format!("{s}"),
            "weights with a positive sum".into(),
            "give at least one facet a positive weight (weights are normalised to sum 1)",
        );
    }
}
