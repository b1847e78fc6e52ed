//! Every model parameter, grouped by mechanism, each declared once.
//!
//! Each field of a section is written once, in a [`param_section!`] block, with its default,
//! allowed values, unit, symbol, meaning and source; from that one declaration come the
//! section's struct and `Default`, its f32 view for the daily loop, its validation and its
//! rows of the registry ([`super::registry::parameters`]), which the presets, the tables of
//! `docs/model.md` and the explorer read. A scenario file may override any parameter and
//! nothing else (`deny_unknown_fields`), so a typo is an error rather than a silently ignored
//! setting.

use serde::{Deserialize, Serialize};

use super::drives::{DriveMix, DriveTable, Lens, DRIVE_NAMES, FACET_NAMES};
use super::registry::{self, param_section, CustomCheck, ParamSpec, ParamType, Section};
use super::validate::Check;
use registry::Rule::{Custom, OpenUnit, Positive, Range, Rate, Unit, Whole};

/// Largest organisation a scenario may ask for.
pub const MAX_EMPLOYEES: usize = 10_000_000;
/// Largest team (a manager's span of control far beyond any real one).
pub const MAX_TEAM_SIZE: usize = 10_000;
/// Most candidates screened per vacancy (each is a full person draw, at every hire).
pub const MAX_HIRING_CANDIDATES: u32 = 100;
/// Longest socialisation period (ten working years).
pub const MAX_SOCIALISATION_DAYS: f64 = 2500.0;

/// The sections of [`Params`], in order, listed once: `with_param_sections!(m! { input })`
/// expands to `m! { input sections { name: Type, ... } }`, so that [`Params`] and the
/// sections a scenario file holds (`Scenario`) are both written from this list.
#[macro_export]
macro_rules! with_param_sections {
    ($m:ident ! { $($input:tt)* }) => {
        $m! {
            $($input)*
            sections {
                organisation: OrganisationParams,
                drives: DriveTable,
                behaviour: BehaviourParams,
                state: StateParams,
                managers: ManagerParams,
                customers: CustomerParams,
                rule_breaks: RuleBreakParams,
                effects: InterventionEffects,
                economics: EconomicsParams,
            }
        }
    };
}

macro_rules! define_params {
    (sections { $($section:ident : $ty:ident),* $(,)? }) => {
        /// All parameters of one simulated organisation.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
        #[serde(default, deny_unknown_fields)]
        pub struct Params {
            $( pub $section: $ty, )*
        }

        impl Params {
            /// The registry's rows, section by section, each in field order.
            pub const SECTION_SPECS: &'static [&'static [ParamSpec]] =
                &[ $( <$ty as Section>::SPECS, )* ];
        }
    };
}

with_param_sections!(define_params! {});

param_section! {
    pub struct OrganisationParams in organisation => OrganisationF32 {
        /// Number of employees with customer contact.
        employees: usize = 200 => {
            rule: Whole(1, MAX_EMPLOYEES as u64), unit: "employees", symbol: "N_org", topic: "7.1",
            meaning: "employees with customer contact",
            source: "assumption",
        },
        /// Employees per manager; the last team takes the remainder.
        team_size: usize = 10 => {
            rule: Whole(1, MAX_TEAM_SIZE as u64), unit: "employees per team", symbol: "n", topic: "7.1",
            meaning: "employees per manager; the remainder forms a last, smaller team",
            source: "assumption",
        },
        /// Share of each drive in the organisation.
        drive_mix: DriveMix = DriveMix::default() => {
            rule: Custom(DRIVE_MIX), unit: "shares of the drives", symbol: "mix", topic: "7.1",
            meaning: "share of each drive (normalised); blue and orange dominate",
            source: "001, assumption",
        },
        /// Dirichlet concentration: profiles are drawn from Dirichlet(concentration x mix).
        /// Low values give people with one clearly dominant drive.
        drive_concentration: f64 = 3.0 => {
            rule: Positive, unit: "Dirichlet concentration", symbol: "c_w", topic: "7.1",
            meaning: "Dirichlet concentration; low = one clearly dominant drive",
            source: "assumption",
        },
        /// Facilities level F in [0, 1]: systems, time and mandate to serve customers.
        facilities: f64 = 0.6 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "F", topic: "7.3",
            meaning: "systems, time and mandate to serve customers",
            source: "002, assumption",
        },
        /// The organisation's own definition of customer orientation.
        definition: Lens = Lens::new(0.25, 0.30, 0.20, 0.25) => {
            rule: Custom(DEFINITION), unit: "facet weights", symbol: "ℓ*", topic: "7.1",
            meaning: "the organisation's definition of customer orientation (normalised)",
            source: "001, assumption",
        },
        /// Baseline share of team-days on which customer feedback reaches the team (scaled by
        /// the manager's priority).
        feedback_share: f64 = 0.2 => {
            rule: Unit, unit: "share of team-days", symbol: "fb0", topic: "7.7",
            meaning: "baseline share of team-days on which customer feedback reaches the team",
            source: "002, assumption",
        },
        /// Employees leaving per year (share of head count); each leaver is replaced at once.
        turnover_per_year: f64 = 0.10 => {
            rule: Unit, unit: "share of head count per year", symbol: "τ", topic: "7.8",
            meaning: "leavers per year as a share of head count",
            source: "assumption; sector presets",
        },
        /// Drive mix of hires; the organisation's own mix when absent.
        hiring_mix: Option<DriveMix> = None => {
            rule: Custom(HIRING_MIX), unit: "shares of the drives", symbol: "", topic: "7.8",
            meaning: "drive mix of candidates",
            source: "assumption",
        },
        /// Hiring selectivity: candidates screened per vacancy. The one with the best interview
        /// signal of customer orientation (the norm anchor N0 plus noise) is hired; 1 hires the
        /// first candidate, that is, no selection.
        hiring_candidates: u32 = 1 => {
            rule: Whole(1, MAX_HIRING_CANDIDATES as u64), unit: "candidates per vacancy", symbol: "c", topic: "7.8",
            meaning: "candidates screened per vacancy; 1 = no selection",
            source: "assumption",
        },
        /// Standard deviation of the interview signal around a candidate's N0: how well the
        /// organisation recognises customer orientation when it hires.
        hiring_screening_noise: f64 = 0.15 => {
            rule: Range(0.0, 10.0), unit: "norm level (sd)", symbol: "σscr", topic: "7.8",
            meaning: "sd of the interview signal around `N0`",
            source: "assumption",
        },
        /// Days a newcomer is being socialised: the extra pulls below act on their norm only in
        /// this period. Newcomers enter with their own norm (N = N0), not the team's.
        socialisation_days: f64 = 90.0 => {
            rule: Range(0.0, MAX_SOCIALISATION_DAYS), unit: "working days", symbol: "Tsoc", topic: "7.8",
            meaning: "days a newcomer is socialised",
            source: "onboarding practice (a 90-day onboarding), assumption",
        },
        /// Extra daily pull of a newcomer's norm toward the team's descriptive norm S (peers).
        socialisation_peer: f64 = 0.01 => {
            rule: Rate, unit: "share of the gap per day", symbol: "σpeer", topic: "7.8",
            meaning: "extra daily pull of a newcomer's `N` toward `S`",
            source: "assumption (≈ 60% of the way in 90 days)",
        },
        /// Extra daily pull of a newcomer's norm toward the manager as they perceive them (R̂),
        /// scaled by the newcomer's role-model susceptibility.
        socialisation_manager: f64 = 0.01 => {
            rule: Rate, unit: "share of the gap per day", symbol: "σmgr", topic: "7.8",
            meaning: "extra daily pull toward `R̂` (× `s_M`)",
            source: "assumption",
        },
        /// Chance a newcomer sees a telling moment of their manager on a day of the
        /// socialisation period (onboarding puts them close to the manager); at least the
        /// team's own visibility.
        socialisation_visibility: f64 = 0.6 => {
            rule: Unit, unit: "probability per day", symbol: "vsoc", topic: "7.8",
            meaning: "chance a newcomer sees a telling moment of the manager on a socialisation day",
            source: "assumption",
        },
    }
}

param_section! {
    /// Coefficients of the behaviour target
    /// `B* = σ(β0 + βN·N + βH·H + βA·A·K + βE·E + βS·(S − ½) + βR·R̂ − βC·effort·(1 − F))`.
    pub struct BehaviourParams in behaviour => BehaviourF32 {
        intercept: f64 = -2.59 => {
            rule: Range(-50.0, 50.0), unit: "log-odds", symbol: "β0", topic: "7.3",
            meaning: "intercept",
            source: "evidence calibration (baseline NPS, recognition, strong norms; results/calibration)",
        },
        norm: f64 = 3.0 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "βN", topic: "7.3",
            meaning: "weight of the norm",
            source: "000, calibrated",
        },
        habit: f64 = 1.2 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "βH", topic: "7.3",
            meaning: "weight of habit (kept moderate: tipping point, design lesson)",
            source: "calibrated",
        },
        awareness_skill: f64 = 1.25 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "βAK", topic: "7.3",
            meaning: "weight of awareness × skill",
            source: "calibrated (training d ≈ 0.62, Arthur et al. 2003)",
        },
        reward: f64 = 0.34 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "βE", topic: "7.3",
            meaning: "weight of reward expectancy",
            source: "evidence calibration (reinforcement d = 0.51, Stajkovic & Luthans 1997; results/calibration)",
        },
        peer: f64 = 1.0 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "βS", topic: "7.3",
            meaning: "weight of the descriptive norm (kept moderate)",
            source: "calibrated",
        },
        role_model: f64 = 0.8 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "βR", topic: "7.3",
            meaning: "weight of the perceived role model",
            source: "002, assumption",
        },
        effort: f64 = 1.6 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "βC", topic: "7.3",
            meaning: "weight of effort aversion × missing facilities",
            source: "003, assumption",
        },
        /// λB: share of the gap to the target closed per day.
        adjust_rate: f64 = 0.5 => {
            rule: Rate, unit: "share of the gap per day", symbol: "λB", topic: "7.3",
            meaning: "share of the gap to `B*` closed per day",
            source: "design lesson (≈ 0.5/day)",
        },
    }
}

param_section! {
    /// Rates and anchors of the below-waterline (slow) state and of A and K.
    pub struct StateParams in state => StateF32 {
        /// Resting awareness A0 that awareness decays back to.
        awareness_rest: f64 = 0.25 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "A0", topic: "7.6",
            meaning: "resting awareness",
            source: "assumption",
        },
        /// Daily decay rate of awareness toward rest.
        awareness_decay: f64 = 0.0063 => {
            rule: Rate, unit: "share of the gap per day", symbol: "δA", topic: "7.6",
            meaning: "daily decay of `A` toward `A0` (half-life ≈ 110 days)",
            source: "evidence calibration (training keeps 0.71 of its gain at 6 months, Saks & Belcourt 2006; results/calibration)",
        },
        /// Mean of the resting skill K0 (Beta distributed across people).
        knowledge_mean: f64 = 0.5 => {
            rule: OpenUnit, unit: "level in [0, 1]", symbol: "K̄0", topic: "7.6",
            meaning: "mean resting skill (Beta)",
            source: "assumption",
        },
        /// Beta concentration (a + b) of K0.
        knowledge_concentration: f64 = 8.0 => {
            rule: Positive, unit: "Beta concentration", symbol: "", topic: "7.6",
            meaning: "Beta concentration of `K0`",
            source: "assumption",
        },
        /// Daily decay rate of skill toward K0 when unused.
        knowledge_decay: f64 = 0.004 => {
            rule: Rate, unit: "share of the gap per day", symbol: "δK", topic: "7.6",
            meaning: "daily decay of `K` toward `K0` when unused (half-life ≈ 173 days)",
            source: "Arthur et al. 1998, calibrated (fact 1)",
        },
        /// Share of the decay that daily use prevents (use = oriented share of contacts).
        knowledge_use_protection: f64 = 0.5 => {
            rule: Unit, unit: "share of the decay", symbol: "πK", topic: "7.6",
            meaning: "share of the decay that daily use prevents",
            source: "Arthur et al. 1998 (non-use), assumption",
        },
        /// Mean of the personal norm anchor N0 for an average-empathy person.
        norm_anchor_mean: f64 = 0.50 => {
            rule: OpenUnit, unit: "level in [0, 1]", symbol: "N̄0", topic: "7.6",
            meaning: "mean of `N0` at empathy 0.55",
            source: "calibrated (≈14% strong norm, 002)",
        },
        /// Shift of the N0 mean per unit of empathy above 0.55.
        norm_anchor_empathy: f64 = 0.6 => {
            rule: Range(-5.0, 5.0), unit: "norm level per unit of empathy", symbol: "εN", topic: "7.6",
            meaning: "shift of the `N0` mean per unit of empathy above 0.55",
            source: "004, calibrated",
        },
        /// Beta concentration of N0: low = wide spread of personal anchors.
        norm_anchor_concentration: f64 = 2.0 => {
            rule: Positive, unit: "Beta concentration", symbol: "c_N", topic: "7.6",
            meaning: "Beta concentration of `N0` (low = wide)",
            source: "design lesson, calibrated",
        },
        /// Daily pull of N toward N0.
        norm_anchor_rate: f64 = 0.002 => {
            rule: Rate, unit: "share of the gap per day", symbol: "ρ0", topic: "7.6",
            meaning: "daily pull of `N` toward `N0`",
            source: "design lesson, calibrated",
        },
        /// Daily pull of N toward one's own oriented share (acting shapes believing).
        norm_self_rate: f64 = 0.0003 => {
            rule: Rate, unit: "share of the gap per day", symbol: "ρself", topic: "7.6",
            meaning: "pull toward one's own oriented share",
            source: "design lesson, calibrated",
        },
        /// Daily pull of N toward the team's descriptive norm S.
        norm_peer_rate: f64 = 0.0002 => {
            rule: Rate, unit: "share of the gap per day", symbol: "ρpeer", topic: "7.6",
            meaning: "pull toward `S`",
            source: "design lesson, calibrated",
        },
        /// Daily pull of N toward the perceived role model R̂ (times role-model susceptibility).
        norm_role_rate: f64 = 0.0003 => {
            rule: Rate, unit: "share of the gap per day", symbol: "ρrole", topic: "7.6",
            meaning: "pull toward `R̂` (× `s_M`)",
            source: "002, calibrated",
        },
        /// Daily pull of N toward 1 on days feedback is shared (times feedback susceptibility).
        norm_feedback_rate: f64 = 0.0015 => {
            rule: Rate, unit: "share of the gap per day", symbol: "ρfb", topic: "7.6",
            meaning: "pull toward 1 on feedback days (× `s_F`)",
            source: "002, calibrated",
        },
        /// Employees with N at or above this count as having a strong norm.
        strong_norm_threshold: f64 = 0.8 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "θN", topic: "7.6",
            meaning: "`N ≥ θN` counts as a strong norm",
            source: "002 (14%)",
        },
        /// Feedback susceptibility from which an employee counts as highly feedback-minded
        /// (enjoys working with customer feedback; article 002: about 15%).
        feedback_minded_threshold: f64 = 1.13 => {
            rule: Range(0.0, 10.0), unit: "susceptibility", symbol: "θF", topic: "7.6",
            meaning: "feedback susceptibility `s_F ≥ θF` counts as highly feedback-minded (the 85th percentile of `s_F` under the default mix)",
            source: "002 (15%), calibrated",
        },
        /// Mean of the understanding anchor U0.
        understanding_mean: f64 = 0.4 => {
            rule: OpenUnit, unit: "level in [0, 1]", symbol: "Ū0", topic: "7.6",
            meaning: "mean of `U0` (Beta)",
            source: "004, assumption",
        },
        understanding_concentration: f64 = 6.0 => {
            rule: Positive, unit: "Beta concentration", symbol: "", topic: "7.6",
            meaning: "Beta concentration of `U0`",
            source: "assumption",
        },
        /// Daily pull of U toward its anchor U0.
        understanding_rate: f64 = 0.004 => {
            rule: Rate, unit: "share of the gap per day", symbol: "ρU", topic: "7.6",
            meaning: "daily pull of `U` toward `U0`",
            source: "assumption",
        },
        /// Mean of the resting repertoire of alternatives P0.
        alternatives_mean: f64 = 0.2 => {
            rule: OpenUnit, unit: "level in [0, 1]", symbol: "P̄0", topic: "7.6",
            meaning: "mean of `P0` (Beta)",
            source: "004, assumption",
        },
        alternatives_concentration: f64 = 6.0 => {
            rule: Positive, unit: "Beta concentration", symbol: "", topic: "7.6",
            meaning: "Beta concentration of `P0`",
            source: "assumption",
        },
        /// Daily decay of P toward P0.
        alternatives_decay: f64 = 0.004 => {
            rule: Rate, unit: "share of the gap per day", symbol: "δP", topic: "7.6",
            meaning: "daily decay of `P` toward `P0`",
            source: "assumption",
        },
        /// Gain of P each time an alternative is used (times 1 − P).
        alternatives_use_gain: f64 = 0.01 => {
            rule: Unit, unit: "share of the gap per use", symbol: "gP", topic: "7.6",
            meaning: "gain per alternative used (× `1 − P`)",
            source: "004, assumption",
        },
        /// Median days to 95% of habit asymptote (Lally et al. 2010).
        habit_days_median: f64 = 66.0 => {
            rule: Range(1.0, 10_000.0), unit: "working days", symbol: "D50", topic: "7.6",
            meaning: "median days to 95% of the habit asymptote",
            source: "Lally et al. 2010",
        },
        /// Log-sd of days to 95% across people.
        habit_days_log_sd: f64 = 0.6 => {
            rule: Range(0.0, 5.0), unit: "log working days (sd)", symbol: "σD", topic: "7.6",
            meaning: "log-sd of days to 95% across people",
            source: "Lally et al. 2010 (spread), assumption",
        },
        habit_days_min: f64 = 18.0 => {
            rule: Range(1.0, 10_000.0), unit: "working days", symbol: "Dmin", topic: "7.6",
            meaning: "clip",
            source: "Lally et al. 2010",
        },
        habit_days_max: f64 = 254.0 => {
            rule: Range(1.0, 10_000.0), unit: "working days", symbol: "Dmax", topic: "7.6",
            meaning: "clip",
            source: "Lally et al. 2010",
        },
        /// Reward expectancy at rest (everyday rewards of serving customers).
        reward_rest: f64 = 0.2 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "E0", topic: "7.6",
            meaning: "reward expectancy at rest (everyday rewards of serving)",
            source: "assumption",
        },
        /// Daily learning rate of E toward today's reward outcome under a programme.
        reward_acquisition_rate: f64 = 0.15 => {
            rule: Rate, unit: "share of the gap per day", symbol: "aE", topic: "7.6",
            meaning: "daily learning rate of `E` under a programme",
            source: "003, calibrated (fact 4: fast rise)",
        },
        /// Daily extinction rate of E toward rest after continuous reinforcement.
        reward_extinction_rate: f64 = 0.011 => {
            rule: Rate, unit: "share of the gap per day", symbol: "xE", topic: "7.6",
            meaning: "daily extinction rate after continuous reinforcement (half-life ≈ 63 days)",
            source: "003, calibrated (fact 4)",
        },
        /// Partial reinforcement extinction: the extinction rate is multiplied by
        /// (experienced reward rate)^exponent, so leaner schedules extinguish more slowly.
        partial_extinction_exponent: f64 = 0.9 => {
            rule: Range(0.0, 5.0), unit: "exponent", symbol: "κ", topic: "7.6",
            meaning: "extinction rate × `r̄^κ` (at `r̄ = 1/3`: 2.7× longer half-life)",
            source: "Harris et al. 2019, design lesson",
        },
        /// Daily rate at which the experienced reward rate tracks today's ratio of rewards to
        /// oriented contacts under a programme.
        reward_rate_learning: f64 = 0.1 => {
            rule: Rate, unit: "share of the gap per day", symbol: "λr", topic: "7.6",
            meaning: "daily rate at which `r̄` tracks rewards/shown",
            source: "assumption",
        },
    }
}

param_section! {
    pub struct ManagerParams in managers => ManagerF32 {
        /// Mean true role-model level R (Beta distributed across managers).
        role_model_mean: f64 = 0.595 => {
            rule: OpenUnit, unit: "level in [0, 1]", symbol: "R̄", topic: "7.2",
            meaning: "mean true role-model level (Beta)",
            source: "002, calibrated (20% recognition; self-ratings)",
        },
        role_model_concentration: f64 = 10.0 => {
            rule: Positive, unit: "Beta concentration", symbol: "c_R", topic: "7.2",
            meaning: "Beta concentration of `R`",
            source: "calibrated",
        },
        /// Managers with R at or above this are role models (article 002: 40% in government).
        role_model_threshold: f64 = 0.6 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "θR", topic: "7.2",
            meaning: "`R ≥ θR` counts as a role model (002: 40% in government)",
            source: "002, assumption",
        },
        /// Upward bias of the self-assessment over the true level.
        self_bias: f64 = 0.21 => {
            rule: Range(-1.0, 1.0), unit: "role-model level", symbol: "b", topic: "7.2",
            meaning: "upward bias of the self-assessment",
            source: "002, calibrated (≈50% \"always\", ≈33% \"almost always\")",
        },
        /// Noise (sd) of the self-assessment.
        self_noise: f64 = 0.10 => {
            rule: Range(0.0, 1.0), unit: "role-model level (sd)", symbol: "σ_self", topic: "7.2",
            meaning: "sd of the personal self-assessment offset",
            source: "calibrated",
        },
        /// Self-assessment at or above this is "always" a role model.
        self_always_threshold: f64 = 0.8 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "θalways", topic: "7.2",
            meaning: "self-assessment for \"always\"",
            source: "002, assumption",
        },
        /// Self-assessment at or above this (and below "always") is "almost always".
        self_almost_always_threshold: f64 = 0.6 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "θalmost", topic: "7.2",
            meaning: "self-assessment for \"almost always\"",
            source: "002, assumption",
        },
        /// Mean priority on customer orientation (scales how often feedback is shared).
        priority_mean: f64 = 0.5 => {
            rule: OpenUnit, unit: "level in [0, 1]", symbol: "π̄", topic: "7.2",
            meaning: "mean priority on customer orientation (Beta)",
            source: "assumption",
        },
        priority_concentration: f64 = 6.0 => {
            rule: Positive, unit: "Beta concentration", symbol: "c_π", topic: "7.2",
            meaning: "Beta concentration of `π`",
            source: "assumption",
        },
        /// Chance per day that an employee sees a telling moment of the manager, in a team of
        /// `visibility_team_ref` in an organisation of `visibility_org_ref`.
        visibility: f64 = 0.3 => {
            rule: Unit, unit: "probability per day", symbol: "v0", topic: "7.2",
            meaning: "daily chance of seeing a telling moment at the reference sizes",
            source: "002, calibrated (recognition)",
        },
        visibility_team_ref: f64 = 10.0 => {
            rule: Positive, unit: "employees", symbol: "T_ref", topic: "7.2",
            meaning: "reference team size",
            source: "assumption",
        },
        /// Visibility scales with (team_ref / team_size)^this.
        visibility_team_exponent: f64 = 0.5 => {
            rule: Range(0.0, 5.0), unit: "exponent", symbol: "aT", topic: "7.2",
            meaning: "visibility ∝ `(T_ref/n)^aT`",
            source: "assumption",
        },
        visibility_org_ref: f64 = 200.0 => {
            rule: Positive, unit: "employees", symbol: "O_ref", topic: "7.2",
            meaning: "reference organisation size",
            source: "assumption",
        },
        /// Visibility scales with (org_ref / employees)^this.
        visibility_org_exponent: f64 = 0.15 => {
            rule: Range(0.0, 5.0), unit: "exponent", symbol: "aO", topic: "7.2",
            meaning: "visibility ∝ `(O_ref/N_org)^aO` (002: larger organisations recognise less)",
            source: "002, assumption",
        },
        /// Share of the gap to an observation closed by it.
        perception_rate: f64 = 0.05 => {
            rule: Rate, unit: "share of the gap per observation", symbol: "λR", topic: "7.2",
            meaning: "share of the gap to an observation closed by it",
            source: "calibrated",
        },
        /// Daily drift of the perception toward the prior on days nothing is seen.
        perception_forgetting: f64 = 0.01 => {
            rule: Rate, unit: "share of the gap per day", symbol: "λf", topic: "7.2",
            meaning: "daily drift toward the prior on days nothing is seen",
            source: "calibrated",
        },
        /// What employees assume of a manager they do not see.
        perception_prior: f64 = 0.3 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "R̂prior", topic: "7.2",
            meaning: "what employees assume of a manager they do not see; start value of hires",
            source: "calibrated",
        },
        /// Perception at or above this = "fully recognises role-model behaviour".
        recognition_threshold: f64 = 0.6 => {
            rule: Unit, unit: "level in [0, 1]", symbol: "θrec", topic: "7.2",
            meaning: "`R̂ ≥ θrec` = fully recognises role-model behaviour",
            source: "002, calibrated (20%)",
        },
    }
}

param_section! {
    pub struct CustomerParams in customers => CustomerF32 {
        /// Customer contacts each employee handles per day.
        contacts_per_day: usize = 8 => {
            rule: Whole(1, 1000), unit: "contacts per employee per day", symbol: "C", topic: "7.4",
            meaning: "contacts per employee per day",
            source: "assumption",
        },
        /// Initial customers per employee in a team's pool.
        pool_per_employee: f64 = 40.0 => {
            rule: Range(1.0, 100_000.0), unit: "customers per employee", symbol: "", topic: "7.5",
            meaning: "initial customers per employee",
            source: "assumption",
        },
        /// New customers per employee per day from outside (marketing, location).
        inflow_per_employee: f64 = 0.45 => {
            rule: Range(0.0, 1000.0), unit: "customers per employee per day", symbol: "ν", topic: "7.5",
            meaning: "new customers per employee per day from outside",
            source: "assumption",
        },
        /// Daily chance a customer leaves for reasons unrelated to service.
        outflow_rate: f64 = 0.01 => {
            rule: Unit, unit: "probability per customer per day", symbol: "ω", topic: "7.5",
            meaning: "daily chance a customer leaves for reasons unrelated to service",
            source: "assumption",
        },
        /// Chance a detractor (score 0-6) leaves after the contact (article 003).
        churn_detractor: f64 = 0.08 => {
            rule: Unit, unit: "probability per contact", symbol: "χ", topic: "7.5",
            meaning: "chance a detractor leaves after the contact",
            source: "003, assumption",
        },
        /// Chance a promoter (score 9-10) brings a new customer (word of mouth, article 001).
        referral_promoter: f64 = 0.05 => {
            rule: Unit, unit: "probability per contact", symbol: "ψ", topic: "7.5",
            meaning: "chance a promoter brings a new customer",
            source: "001, assumption",
        },
        /// Share of the gap between a contact's score/10 and the memory closed by the contact.
        memory_rate: f64 = 0.3 => {
            rule: Rate, unit: "share of the gap per contact", symbol: "μ", topic: "7.5",
            meaning: "share of the gap between score/10 and memory closed per contact",
            source: "assumption",
        },
        /// Satisfaction memory of a new customer.
        memory_new: f64 = 0.7 => {
            rule: Unit, unit: "satisfaction in [0, 1]", symbol: "", topic: "7.5",
            meaning: "memory of a new (and every initial) customer",
            source: "assumption",
        },
        /// Satisfaction memory of a referred customer.
        memory_referred: f64 = 0.8 => {
            rule: Unit, unit: "satisfaction in [0, 1]", symbol: "", topic: "7.5",
            meaning: "memory of a referred customer",
            source: "assumption",
        },
        /// Score of an average contact handled without customer orientation.
        score_base: f64 = 7.1 => {
            rule: Range(-20.0, 20.0), unit: "score points", symbol: "s0", topic: "7.4",
            meaning: "score of an average non-oriented contact",
            source: "calibrated (NPS ≈ 5-10, Bain/Satmetrix)",
        },
        /// Score points an oriented contact of full quality adds.
        score_oriented: f64 = 2.6 => {
            rule: Range(-20.0, 20.0), unit: "score points", symbol: "sO", topic: "7.4",
            meaning: "score points an oriented contact of full quality adds",
            source: "calibrated",
        },
        /// Score points per unit of satisfaction memory above `memory_reference`.
        score_memory: f64 = 2.0 => {
            rule: Range(-20.0, 20.0), unit: "score points", symbol: "sM", topic: "7.4",
            meaning: "score points per unit of memory above `m_ref`",
            source: "assumption",
        },
        memory_reference: f64 = 0.7 => {
            rule: Unit, unit: "satisfaction in [0, 1]", symbol: "m_ref", topic: "7.4",
            meaning: "memory at which the memory term is zero",
            source: "assumption",
        },
        /// Sd of the score noise (before rounding).
        score_noise: f64 = 1.3 => {
            rule: Range(0.0, 20.0), unit: "score points (sd)", symbol: "σs", topic: "7.4",
            meaning: "sd of the score noise before rounding",
            source: "calibrated (NPS)",
        },
        /// Weight of lens alignment in the quality of an oriented contact.
        alignment_weight: f64 = 0.5 => {
            rule: Unit, unit: "weight in [0, 1]", symbol: "w_al", topic: "7.4",
            meaning: "weight of lens alignment in quality",
            source: "001, assumption",
        },
        /// Quality an oriented contact keeps with no facilities at all.
        facilities_floor: f64 = 0.5 => {
            rule: Unit, unit: "quality in [0, 1]", symbol: "φ", topic: "7.4",
            meaning: "quality kept with no facilities",
            source: "002, assumption",
        },
        /// Share of contacts where the customer's wish conflicts with company policy (article 004).
        conflict_share: f64 = 0.1 => {
            rule: Unit, unit: "share of contacts", symbol: "", topic: "7.4",
            meaning: "share of contacts whose wish conflicts with policy",
            source: "004, assumption",
        },
        /// Score points a rule break gives the customer.
        break_gain: f64 = 1.5 => {
            rule: Range(-20.0, 20.0), unit: "score points", symbol: "g_break", topic: "7.4",
            meaning: "score points a rule break gives the customer",
            source: "004, assumption",
        },
        /// Score points a practised alternative gives the customer.
        alternative_gain: f64 = 0.8 => {
            rule: Range(-20.0, 20.0), unit: "score points", symbol: "g_alt", topic: "7.4",
            meaning: "score points a practised alternative gives",
            source: "004, assumption",
        },
        /// Score points lost when a conflict stays unresolved.
        unresolved_penalty: f64 = 2.0 => {
            rule: Range(-20.0, 20.0), unit: "score points", symbol: "pen", topic: "7.4",
            meaning: "score points lost on an unresolved conflict",
            source: "004, assumption",
        },
        /// Cost to the organisation of one rule break (euro).
        break_cost: f64 = 25.0 => {
            rule: Range(0.0, 1e9), unit: "euro per rule break", symbol: "", topic: "7.4",
            meaning: "cost of one rule break (euro)",
            source: "004, assumption",
        },
        /// Working days in the rolling NPS window.
        nps_window_days: usize = 20 => {
            rule: Whole(1, 1000), unit: "working days", symbol: "W", topic: "7.5",
            meaning: "working days in the rolling NPS window",
            source: "assumption",
        },
    }
}

param_section! {
    /// Rule-break propensity `σ(γ0 + γE·empathy − γU·U − γP·P − γρ·rule_orientation)`.
    pub struct RuleBreakParams in rule_breaks => RuleBreakF32 {
        intercept: f64 = -0.2 => {
            rule: Range(-50.0, 50.0), unit: "log-odds", symbol: "γ0", topic: "7.4",
            meaning: "intercept of the break propensity",
            source: "004, assumption",
        },
        empathy: f64 = 2.0 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "γE", topic: "7.4",
            meaning: "empathy raises breaks (costly altruism)",
            source: "004, assumption",
        },
        understanding: f64 = 2.0 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "γU", topic: "7.4",
            meaning: "understanding of intent lowers breaks",
            source: "004, assumption",
        },
        alternatives: f64 = 1.5 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "γP", topic: "7.4",
            meaning: "practised alternatives lower breaks",
            source: "004, assumption",
        },
        rule_orientation: f64 = 2.0 => {
            rule: Range(-50.0, 50.0), unit: "log-odds per unit", symbol: "γρ", topic: "7.4",
            meaning: "rule orientation lowers breaks",
            source: "004, assumption",
        },
    }
}

param_section! {
    /// Effect sizes of one session of each intervention at intensity 1 for a person of average
    /// susceptibility. Each moves a state a share of its remaining distance (to 1, or to the
    /// anchor), so repeated sessions saturate instead of overshooting.
    pub struct InterventionEffects in effects => EffectsF32 {
        training_awareness: f64 = 0.5 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_TA", topic: "7.9",
            meaning: "awareness gap share per session",
            source: "000 phase 1, calibrated (d ≈ 0.62, Arthur et al. 2003; fact 1)",
        },
        training_knowledge: f64 = 0.15 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_TK", topic: "7.9",
            meaning: "skill gap share per session",
            source: "003, calibrated (d ≈ 0.62)",
        },
        training_norm: f64 = 0.01 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_TN", topic: "7.9",
            meaning: "small norm gain of training",
            source: "000 (\"small N\"), assumption",
        },
        coaching_norm: f64 = 0.0091 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_CN", topic: "7.9",
            meaning: "norm gap share per session",
            source: "evidence calibration (coaching δ = 0.36, Jones et al. 2016; results/calibration)",
        },
        coaching_understanding: f64 = 0.04 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_CU", topic: "7.9",
            meaning: "understanding gap share per session",
            source: "000, assumption",
        },
        coaching_awareness: f64 = 0.017 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_CA", topic: "7.9",
            meaning: "awareness gap share per session",
            source: "evidence calibration (coaching δ = 0.36, Jones et al. 2016; results/calibration)",
        },
        /// Share of the gap N − N0 one coaching session writes into the anchor: coaching works
        /// below the waterline, so part of its change becomes the person's own (article 000).
        coaching_anchor: f64 = 0.04 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_C0", topic: "7.9",
            meaning: "share of `N − N0` written into the anchor per session",
            source: "000, calibrated (fact 2)",
        },
        reflection_awareness: f64 = 0.15 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_RA", topic: "7.9",
            meaning: "awareness refresh per session",
            source: "000 phase 3, assumption",
        },
        /// Share of the gap N − N0 (and U − U0) that one reflection session writes into the
        /// anchor: the change becomes the person's new normal (article 000, phase 3).
        reflection_anchor: f64 = 0.2 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_R0", topic: "7.9",
            meaning: "share of `N − N0` and `U − U0` written into the anchors",
            source: "000, design lesson, calibrated (fact 3)",
        },
        reflection_norm: f64 = 0.01 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_RN", topic: "7.9",
            meaning: "norm gap share per session",
            source: "000, assumption",
        },
        reflection_understanding: f64 = 0.03 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_RU", topic: "7.9",
            meaning: "understanding gap share per session",
            source: "004 (1), assumption",
        },
        practice_alternatives: f64 = 0.12 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_P", topic: "7.9",
            meaning: "repertoire gap share per session",
            source: "004 (2), assumption",
        },
        feedback_culture_understanding: f64 = 0.04 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_FU", topic: "7.9",
            meaning: "understanding gap share per session",
            source: "004 (3), assumption",
        },
        feedback_culture_alternatives: f64 = 0.02 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_FP", topic: "7.9",
            meaning: "repertoire gap share per session",
            source: "004 (3), assumption",
        },
        /// Shift of the rule-break log-odds per unit of sanctions susceptibility while sanctions apply.
        sanctions_break_shift: f64 = 1.5 => {
            rule: Range(0.0, 50.0), unit: "log-odds per unit of I·s_S", symbol: "δS", topic: "7.9",
            meaning: "break log-odds shift per unit of `I·s_S` while active",
            source: "004, assumption",
        },
        /// Share of N lost per session, times (1 − rule orientation) and sanctions susceptibility.
        sanctions_norm_loss: f64 = 0.02 => {
            rule: Unit, unit: "share of N per session", symbol: "e_SN", topic: "7.9",
            meaning: "share of `N` lost per session × `(1 − ρ)·s_S`",
            source: "004, assumption",
        },
        /// Share of the gap to 1 of a manager's R closed per leadership session.
        role_model_gain: f64 = 0.08 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_RM", topic: "7.9",
            meaning: "gap share of a manager's `R` per session",
            source: "002, assumption",
        },
        /// Feedback share while a share-feedback programme runs.
        shared_feedback_share: f64 = 0.8 => {
            rule: Unit, unit: "share of team-days", symbol: "f_share", topic: "7.9",
            meaning: "feedback base while a share-feedback programme runs",
            source: "002, assumption",
        },
        /// Share of the gap between a lens and the organisation's definition closed per session.
        definition_shift: f64 = 0.15 => {
            rule: Unit, unit: "share of the gap per session", symbol: "e_D", topic: "7.9",
            meaning: "lens gap share per session",
            source: "001, assumption",
        },
    }
}

// Effects are multiplied by intensity (up to 5) and susceptibility (up to 5), so a
// per-session share above 0.2 could push a state past its bound; states are clamped anyway,
// but a share outside [0, 1] is almost surely a mistake: hence `Unit` on every share above.

param_section! {
    /// What a gain is worth to the organisation: optional, read only by the cost-against-
    /// benefit figures (`net_value`, `break_even_*`), never by the simulation. Without a
    /// value the tool reports costs and lasting gains but no net value, because a net value
    /// would need a figure the model cannot know. Give one of the two values, not both: the
    /// NPS gain is what moves customers to stay and refer, so adding both would count the
    /// same benefit twice.
    pub struct EconomicsParams in economics => EconomicsF32 {
        /// Euro a customer is worth per year (margin, not revenue); the benefit is the arm's
        /// active customers over baseline, summed over the days after the programme's start.
        value_per_customer_per_year: Option<f64> = None => {
            rule: Range(0.0, 1e9), unit: "euro per customer per year", symbol: "v_c", topic: "7.11",
            meaning: "what one active customer is worth per year (margin); absent: no net value",
            source: "the organisation's own figure",
        },
        /// Euro one NPS point is worth per year; the benefit is the NPS gain over baseline,
        /// summed over the days after the programme's start.
        value_per_nps_point_per_year: Option<f64> = None => {
            rule: Range(0.0, 1e9), unit: "euro per NPS point per year", symbol: "v_NPS", topic: "7.11",
            meaning: "what one NPS point above baseline is worth per year; absent: no net value",
            source: "the organisation's own figure",
        },
    }
}

/// The drive table: a row per drive, checked field by field (`drives.blue.empathy`).
impl Section for DriveTable {
    const SPECS: &'static [ParamSpec] = &[ParamSpec {
        key: "drives",
        rule: Custom(DRIVES),
        unit: "traits per drive",
        symbol: "",
        topic: "7.1",
        meaning: "per-drive traits, susceptibilities and lens (table above); each overridable as `drives.<drive>.<trait>`",
        source: "001, assumption",
        get: |p| p.drives.to_value(),
        set: |_, _| false,
    }];
}

const DRIVE_MIX: CustomCheck = CustomCheck {
    check: |c, key, p| check_mix(c, key, &p.organisation.drive_mix),
    allowed: "shares in [0, 1e6], positive sum",
};

const HIRING_MIX: CustomCheck = CustomCheck {
    check: |c, key, p| {
        if let Some(m) = &p.organisation.hiring_mix {
            check_mix(c, key, m);
        }
    },
    allowed: "absent, or shares in [0, 1e6], positive sum",
};

const DEFINITION: CustomCheck = CustomCheck {
    check: |c, key, p| check_lens(c, key, &p.organisation.definition),
    allowed: "weights in [0, 1e6], positive sum",
};

const DRIVES: CustomCheck = CustomCheck {
    check: check_drives,
    allowed: "traits in [0, 1], susceptibilities in [0, 5], lens as `definition`",
};

/// A rule that relates two parameters.
type CrossFieldRule = fn(&Params, &mut Check);

/// Rules that relate two parameters, each run after the checks of its section.
const CROSS_FIELD_RULES: [(&str, CrossFieldRule); 4] = [
    ("organisation", team_within_organisation),
    ("state", norm_pulls_below_one),
    ("state", habit_clip_in_order),
    ("economics", one_value_of_a_gain),
];

impl Params {
    /// Semantic checks of every parameter; returns all problems, not only the first.
    pub fn check(&self, c: &mut Check) {
        let specs = registry::parameters();
        for (i, spec) in specs.iter().enumerate() {
            spec.check(self, c);
            let section = spec.section();
            if specs.get(i + 1).map(|s| s.section()) != Some(section) {
                for (_, rule) in CROSS_FIELD_RULES.iter().filter(|(s, _)| *s == section) {
                    rule(self, c);
                }
            }
        }
    }
}

/// A customer's value and an NPS point's value price the same benefit (NPS moves customers
/// to stay and refer), so a scenario gives one of them.
fn one_value_of_a_gain(p: &Params, c: &mut Check) {
    let e = &p.economics;
    if let (Some(_), Some(v)) = (
        e.value_per_customer_per_year,
        e.value_per_nps_point_per_year,
    ) {
        c.fail_own(
            "economics.value_per_nps_point_per_year",
            v.to_string(),
            (
                "absent when economics.value_per_customer_per_year is given".into(),
                "give one value of the gain: customers kept and referred are what the NPS gain is worth, so both together count it twice",
            ),
            "one-valuation",
            &[],
        );
    }
}

fn team_within_organisation(p: &Params, c: &mut Check) {
    let o = &p.organisation;
    if o.team_size > o.employees && o.employees >= 1 {
        c.fail_own(
            "organisation.team_size",
            o.team_size.to_string(),
            (
                format!("at most organisation.employees ({})", o.employees),
                "a team cannot be larger than the organisation",
            ),
            "team-size",
            &[("employees", o.employees.to_string())],
        );
    }
}

/// The norm's pulls are applied together; their sum (with the largest susceptibility) must
/// stay below 1 so that one day never overshoots its target.
fn norm_pulls_below_one(p: &Params, c: &mut Check) {
    let s = &p.state;
    let rates = [
        s.norm_anchor_rate,
        s.norm_self_rate,
        s.norm_peer_rate,
        s.norm_role_rate,
        s.norm_feedback_rate,
    ];
    let total: f64 = rates.iter().sum::<f64>() * 5.0;
    if total.is_finite() && total >= 1.0 {
        c.fail_own(
            "state.norm_anchor_rate",
            format!("{total}"),
            (
                "the norm rates summed (role-model and feedback rates times 5) below 1".into(),
                "lower the norm rates: they are daily rates, of the order of 0.001",
            ),
            "norm-rates",
            &[],
        );
    }
}

fn habit_clip_in_order(p: &Params, c: &mut Check) {
    let s = &p.state;
    if s.habit_days_min > s.habit_days_max {
        c.fail_own(
            "state.habit_days_min",
            s.habit_days_min.to_string(),
            (
                format!("at most state.habit_days_max ({})", s.habit_days_max),
                "the clip range of habit days is reversed",
            ),
            "habit-days",
            &[("max", s.habit_days_max.to_string())],
        );
    }
}

fn check_drives(c: &mut Check, key: &str, p: &Params) {
    for (name, row) in DRIVE_NAMES.iter().zip(p.drives.rows()) {
        let p = format!("{key}.{name}");
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
}

fn check_mix(c: &mut Check, key: &str, m: &DriveMix) {
    for (name, v) in DRIVE_NAMES.iter().zip(m.as_array()) {
        c.range(&format!("{key}.{name}"), v, 0.0, 1e6);
    }
    let s: f64 = m.as_array().iter().sum();
    if s.is_nan() || s <= 0.0 {
        c.fail_own(
            key,
            format!("{s}"),
            (
                "shares with a positive sum".into(),
                "give at least one drive a positive share (shares are normalised to sum 1)",
            ),
            "drive-shares",
            &[],
        );
    }
}

fn check_lens(c: &mut Check, key: &str, l: &Lens) {
    for (name, v) in FACET_NAMES.iter().zip(l.as_array()) {
        c.range(&format!("{key}.{name}"), v, 0.0, 1e6);
    }
    let s: f64 = l.as_array().iter().sum();
    if s.is_nan() || s <= 0.0 {
        c.fail_own(
            key,
            format!("{s}"),
            (
                "weights with a positive sum".into(),
                "give at least one facet a positive weight (weights are normalised to sum 1)",
            ),
            "facet-weights",
            &[],
        );
    }
}
