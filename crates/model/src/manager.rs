//! Managers: a true role-model level, an inflated view of it, and a priority on customer
//! orientation (article 002).

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

use super::employees::beta_mean;
use super::params::ManagerParams;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Manager {
    /// True role-model level R: chance a telling moment shows customer-oriented leadership.
    pub role_model: f32,
    /// How far the manager's self-assessment lies above R (bias plus personal noise).
    pub self_offset: f32,
    /// Priority on customer orientation; scales how often customer feedback reaches the team.
    pub priority: f32,
}

/// How a manager rates their own role-model behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelfRating {
    Always,
    AlmostAlways,
    Less,
}

impl Manager {
    pub fn draw<R: Rng + ?Sized>(p: &ManagerParams, rng: &mut R) -> Self {
        let role_model = beta_mean(rng, p.role_model_mean, p.role_model_concentration);
        let z: f64 = StandardNormal.sample(rng);
        let priority = beta_mean(rng, p.priority_mean, p.priority_concentration);
        Manager {
            role_model: role_model as f32,
            self_offset: (p.self_bias + p.self_noise * z) as f32,
            priority: priority as f32,
        }
    }

    pub fn self_assessment(&self) -> f32 {
        (self.role_model + self.self_offset).clamp(0.0, 1.0)
    }

    pub fn self_rating(&self, p: &ManagerParams) -> SelfRating {
        let s = self.self_assessment() as f64;
        if s >= p.self_always_threshold {
            SelfRating::Always
        } else if s >= p.self_almost_always_threshold {
            SelfRating::AlmostAlways
        } else {
            SelfRating::Less
        }
    }

    pub fn is_role_model(&self, p: &ManagerParams) -> bool {
        self.role_model as f64 >= p.role_model_threshold
    }
}

/// Chance per day that an employee sees a telling moment of the manager: falls with team
/// size and with organisation size (article 002: larger organisations recognise less).
pub fn visibility(p: &ManagerParams, team_size: usize, employees: usize) -> f64 {
    let team = (p.visibility_team_ref / team_size.max(1) as f64).powf(p.visibility_team_exponent);
    let org = (p.visibility_org_ref / employees.max(1) as f64).powf(p.visibility_org_exponent);
    (p.visibility * team * org).clamp(0.0, 1.0)
}

/// Mean of the perception R̂ at its stationary state for a manager of level `r`.
pub fn stationary_perception(p: &ManagerParams, vis: f64, r: f64) -> f64 {
    let seen = vis * p.perception_rate;
    let unseen = (1.0 - vis) * p.perception_forgetting;
    if seen + unseen <= 0.0 {
        return p.perception_prior;
    }
    (seen * r + unseen * p.perception_prior) / (seen + unseen)
}
