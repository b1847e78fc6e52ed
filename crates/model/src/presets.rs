//! Sector and maturity-phase presets (article 002): named starting points for an
//! organisation. A preset fills only the parameters a scenario does not set itself, so a
//! user can start from "government, initiate phase" and still change any single value.
//!
//! Sources: the sector contrasts and the phases are article 002's (Nationale
//! Klantgedrevenheid Monitor 2018): retail, transport and hospitality have customer-oriented
//! leadership and resources in order, government does not and only 40% of its managers are
//! role models; only in the transform phase is role-model behaviour almost always recognised
//! and are facilities sufficient. Sizes, drive mixes and turnover are assumptions, documented
//! per value in `docs/model.md`.

use serde::{Deserialize, Serialize};

use super::params::Params;
use super::registry::{self, Value};

/// A sector preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Retail,
    Transport,
    Hospitality,
    Government,
    BusinessServices,
}

/// A maturity phase of customer orientation (article 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Maturity {
    Ignore,
    Initiate,
    Mobilise,
    Transform,
}

use Value::{Mix, Real as Num, Whole as Count};

/// Drive mixes in the order purple, red, blue, orange, green, yellow, turquoise.
const PEOPLE_AND_RESULTS: [f64; 7] = [0.15, 0.15, 0.15, 0.25, 0.20, 0.07, 0.03];
const ORDER_HEAVY: [f64; 7] = [0.10, 0.10, 0.35, 0.20, 0.15, 0.07, 0.03];
const PEOPLE_HEAVY: [f64; 7] = [0.20, 0.10, 0.10, 0.15, 0.35, 0.07, 0.03];
const RULES_AND_CARE: [f64; 7] = [0.10, 0.05, 0.40, 0.15, 0.20, 0.07, 0.03];
const RESULTS_AND_AUTONOMY: [f64; 7] = [0.03, 0.10, 0.20, 0.35, 0.18, 0.12, 0.02];

impl Sector {
    /// `(key, value)` pairs, keys as written in a scenario file.
    pub fn values(self) -> &'static [(&'static str, Value)] {
        match self {
            Sector::Retail => &[
                ("organisation.employees", Count(300)),
                ("organisation.team_size", Count(12)),
                ("organisation.drive_mix", Mix(PEOPLE_AND_RESULTS)),
                ("organisation.turnover_per_year", Num(0.30)),
                ("organisation.facilities", Num(0.70)),
                ("managers.role_model_mean", Num(0.65)),
            ],
            Sector::Transport => &[
                ("organisation.employees", Count(800)),
                ("organisation.team_size", Count(15)),
                ("organisation.drive_mix", Mix(ORDER_HEAVY)),
                ("organisation.turnover_per_year", Num(0.10)),
                ("organisation.facilities", Num(0.70)),
                ("managers.role_model_mean", Num(0.65)),
            ],
            Sector::Hospitality => &[
                ("organisation.employees", Count(120)),
                ("organisation.team_size", Count(8)),
                ("organisation.drive_mix", Mix(PEOPLE_HEAVY)),
                ("organisation.turnover_per_year", Num(0.45)),
                ("organisation.facilities", Num(0.65)),
                ("managers.role_model_mean", Num(0.65)),
            ],
            Sector::Government => &[
                ("organisation.employees", Count(2000)),
                ("organisation.team_size", Count(12)),
                ("organisation.drive_mix", Mix(RULES_AND_CARE)),
                ("organisation.turnover_per_year", Num(0.05)),
                ("organisation.facilities", Num(0.45)),
                // Beta(0.56·10, 0.44·10): 40% of managers at or above the 0.6 threshold.
                ("managers.role_model_mean", Num(0.56)),
                ("managers.priority_mean", Num(0.4)),
            ],
            Sector::BusinessServices => &[
                ("organisation.employees", Count(250)),
                ("organisation.team_size", Count(10)),
                ("organisation.drive_mix", Mix(RESULTS_AND_AUTONOMY)),
                ("organisation.turnover_per_year", Num(0.15)),
                ("organisation.facilities", Num(0.65)),
            ],
        }
    }
}

impl Maturity {
    /// `(key, value)` pairs; applied after the sector's, so a phase overrides a sector on
    /// the leadership and resource values both set.
    pub fn values(self) -> &'static [(&'static str, Value)] {
        match self {
            Maturity::Ignore => &[
                ("managers.role_model_mean", Num(0.45)),
                ("managers.priority_mean", Num(0.3)),
                ("organisation.facilities", Num(0.40)),
                ("organisation.feedback_share", Num(0.05)),
            ],
            Maturity::Initiate => &[
                ("managers.role_model_mean", Num(0.55)),
                ("managers.priority_mean", Num(0.45)),
                ("organisation.facilities", Num(0.50)),
                ("organisation.feedback_share", Num(0.15)),
            ],
            Maturity::Mobilise => &[
                ("managers.role_model_mean", Num(0.62)),
                ("managers.priority_mean", Num(0.6)),
                ("organisation.facilities", Num(0.65)),
                ("organisation.feedback_share", Num(0.30)),
            ],
            Maturity::Transform => &[
                ("managers.role_model_mean", Num(0.80)),
                ("managers.priority_mean", Num(0.8)),
                ("managers.visibility", Num(0.6)),
                ("organisation.facilities", Num(0.85)),
                ("organisation.feedback_share", Num(0.60)),
            ],
        }
    }
}

/// Applies the sector's, then the phase's values to `p`, skipping every key for which
/// `written(key)` is true (the scenario sets it itself).
pub fn apply(
    p: &mut Params,
    sector: Option<Sector>,
    maturity: Option<Maturity>,
    written: impl Fn(&str) -> bool,
) {
    let sector = sector.map(Sector::values).unwrap_or(&[]);
    let phase = maturity.map(Maturity::values).unwrap_or(&[]);
    for (key, v) in sector.iter().chain(phase) {
        if !written(key) {
            // Every preset key is a parameter of the right type (tested).
            let known = registry::set(p, key, *v);
            debug_assert!(known.is_ok(), "{known:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Check;

    const SECTORS: [Sector; 5] = [
        Sector::Retail,
        Sector::Transport,
        Sector::Hospitality,
        Sector::Government,
        Sector::BusinessServices,
    ];
    const PHASES: [Maturity; 4] = [
        Maturity::Ignore,
        Maturity::Initiate,
        Maturity::Mobilise,
        Maturity::Transform,
    ];

    #[test]
    fn every_preset_key_is_a_parameter_of_its_type_and_every_combination_is_valid() {
        for s in SECTORS {
            for (k, v) in s.values() {
                registry::set(&mut Params::default(), k, *v)
                    .unwrap_or_else(|e| panic!("{s:?}: {e}"));
            }
            for m in PHASES {
                for (k, v) in m.values() {
                    registry::set(&mut Params::default(), k, *v)
                        .unwrap_or_else(|e| panic!("{m:?}: {e}"));
                }
                let mut p = Params::default();
                apply(&mut p, Some(s), Some(m), |_| false);
                let mut c = Check::default();
                p.check(&mut c);
                assert!(c.problems.is_empty(), "{s:?}+{m:?}: {:?}", c.problems);
            }
        }
    }

    #[test]
    fn a_preset_value_lands_in_its_field() {
        let mut p = Params::default();
        apply(
            &mut p,
            Some(Sector::Retail),
            Some(Maturity::Transform),
            |_| false,
        );
        assert_eq!(p.organisation.team_size, 12);
        assert_eq!(p.organisation.drive_mix.as_array(), PEOPLE_AND_RESULTS);
        assert_eq!(p.managers.visibility, 0.6);
        assert_eq!(p.organisation.feedback_share, 0.60);
    }

    #[test]
    fn a_value_the_scenario_sets_itself_is_kept() {
        let mut p = Params::default();
        apply(&mut p, Some(Sector::Government), None, |k| {
            k == "organisation.employees"
        });
        assert_eq!(
            p.organisation.employees,
            Params::default().organisation.employees
        );
        assert_eq!(p.organisation.team_size, 12);
    }

    #[test]
    fn the_phase_overrides_the_sector_on_leadership() {
        let mut p = Params::default();
        apply(
            &mut p,
            Some(Sector::Government),
            Some(Maturity::Transform),
            |_| false,
        );
        assert_eq!(p.managers.role_model_mean, 0.80);
        assert_eq!(p.organisation.employees, 2000);
    }
}
