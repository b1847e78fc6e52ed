//! Interventions: what they are, when they run, whom they reach, and the per-team-day plan
//! the daily step reads.
//!
//! An arm is a list of interventions; an intervention without a `start` begins the day after
//! the previous one in the list ends, so a programme (training, then coaching, then
//! reflection: article 000's full method) is written as a chain of phases.

use serde::{Deserialize, Serialize};

pub use super::days::Days;
pub use super::intervention_kinds::Kind;
use super::intervention_kinds::{
    Setting, COST_PER_PERSON, COST_PER_REWARD, DURATION, GAMING, INTENSITY, INTERVAL, RATIO,
};
use super::validate::Check;

/// Reward schedule of a reinforcement programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// Every oriented contact is rewarded.
    #[default]
    Continuous,
    /// Each oriented contact is rewarded with probability 1/ratio.
    VariableRatio,
}

/// Who an intervention reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    #[default]
    All,
    /// Only the teams listed in `teams`.
    Teams,
    /// The managers (of all teams, or of the listed teams).
    Managers,
}

/// One intervention as written in a scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterventionSpec {
    pub kind: Kind,
    /// First day (day 0 is the first recorded day). Absent: the day after the previous
    /// intervention of the arm ends (day 0 for the first). Like `duration` and `interval`,
    /// working days written as a number or as text such as `"6 months"` ([`Days`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Days>,
    /// Days the intervention lasts.
    #[serde(default = "default_duration")]
    pub duration: Days,
    /// Days between sessions (1 = daily).
    #[serde(default = "default_interval")]
    pub interval: Days,
    /// Multiplier on the per-session effect.
    #[serde(default = "default_intensity")]
    pub intensity: f64,
    #[serde(default)]
    pub target: Target,
    /// Teams reached when `target` is `teams` (or whose managers, for `managers`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<usize>,
    /// Cost per person reached per session (euro).
    #[serde(default = "default_cost_per_person")]
    pub cost_per_person: f64,
    /// Reinforcement only: the reward schedule.
    #[serde(default)]
    pub schedule: Schedule,
    /// Reinforcement only: mean number of oriented contacts per reward (variable ratio).
    #[serde(default = "default_ratio")]
    pub ratio: f64,
    /// Reinforcement only: cost per reward (euro).
    #[serde(default = "default_cost_per_reward")]
    pub cost_per_reward: f64,
    /// Reinforcement only: share of non-oriented contacts dressed up to look oriented and
    /// rewarded all the same (article 003: targets met "with ease").
    #[serde(default = "default_gaming")]
    pub gaming: f64,
}

// Defaults of the settings a file may leave out, from their declarations.
fn default_duration() -> Days {
    Days::from(DURATION.default.number() as i64)
}
fn default_interval() -> Days {
    Days::from(INTERVAL.default.number() as i64)
}
fn default_intensity() -> f64 {
    INTENSITY.default.number()
}
fn default_ratio() -> f64 {
    RATIO.default.number()
}
fn default_cost_per_person() -> f64 {
    COST_PER_PERSON.default.number()
}
fn default_cost_per_reward() -> f64 {
    COST_PER_REWARD.default.number()
}
fn default_gaming() -> f64 {
    GAMING.default.number()
}

impl InterventionSpec {
    /// A minimal spec, for code that builds scenarios.
    pub fn new(kind: Kind, start: Option<i64>, duration: u32, interval: u32) -> Self {
        InterventionSpec {
            kind,
            start: start.map(Days::from),
            duration: Days::from(duration),
            interval: Days::from(interval),
            intensity: default_intensity(),
            target: if kind.acts_on_managers() {
                Target::Managers
            } else {
                Target::All
            },
            teams: Vec::new(),
            cost_per_person: default_cost_per_person(),
            schedule: Schedule::default(),
            ratio: default_ratio(),
            cost_per_reward: default_cost_per_reward(),
            gaming: default_gaming(),
        }
    }

    pub fn with_schedule(mut self, schedule: Schedule, ratio: f64) -> Self {
        self.schedule = schedule;
        self.ratio = ratio;
        self
    }
}

/// An intervention with its start resolved to an absolute day.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub spec: InterventionSpec,
    pub start: i64,
    /// First day after the intervention.
    pub end: i64,
    /// Per team: reached or not (indexed by team).
    pub reaches_team: Vec<bool>,
}

impl Resolved {
    #[inline]
    pub fn active(&self, day: i64) -> bool {
        day >= self.start && day < self.end
    }

    #[inline]
    pub fn session(&self, day: i64) -> bool {
        self.active(day) && (day - self.start) % self.spec.interval.get().max(1) == 0
    }
}

/// An arm's interventions resolved for an organisation with `n_teams` teams.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArmPlan {
    pub interventions: Vec<Resolved>,
}

impl ArmPlan {
    pub fn resolve(specs: &[InterventionSpec], n_teams: usize) -> ArmPlan {
        let mut next_start = 0i64;
        let mut interventions = Vec::with_capacity(specs.len());
        for spec in specs {
            let start = spec.start.as_ref().map_or(next_start, Days::get);
            let end = start.saturating_add(spec.duration.get());
            next_start = end;
            let reaches_team = (0..n_teams)
                .map(|t| match spec.target {
                    Target::All => true,
                    Target::Teams => spec.teams.contains(&t),
                    Target::Managers => spec.teams.is_empty() || spec.teams.contains(&t),
                })
                .collect();
            interventions.push(Resolved {
                spec: spec.clone(),
                start,
                end,
                reaches_team,
            });
        }
        ArmPlan { interventions }
    }

    /// First day any intervention runs, if there is one.
    pub fn first_day(&self) -> Option<i64> {
        self.interventions.iter().map(|r| r.start).min()
    }

    /// First day after every intervention has ended.
    pub fn end_day(&self) -> Option<i64> {
        self.interventions.iter().map(|r| r.end).max()
    }

    /// What reaches team `team` on `day`, summed over the arm's interventions.
    pub fn day_plan(&self, team: usize, day: i64) -> DayPlan {
        let mut p = DayPlan::default();
        for r in &self.interventions {
            if !r.active(day) || !r.reaches_team[team] {
                continue;
            }
            let s = &r.spec;
            let i = s.intensity as f32;
            let session = r.session(day);
            if session {
                if s.kind.acts_on_managers() {
                    p.cost_per_manager += s.cost_per_person;
                } else {
                    p.cost_per_employee += s.cost_per_person;
                }
            }
            match s.kind {
                Kind::Reinforcement => {
                    let prob = match s.schedule {
                        Schedule::Continuous => 1.0,
                        Schedule::VariableRatio => 1.0 / s.ratio.max(1.0),
                    } as f32;
                    // Several overlapping programmes: the richest schedule applies.
                    p.reward_prob = p.reward_prob.max((prob * i).min(1.0));
                    p.reward_intensity = p.reward_intensity.max(i);
                    p.gaming = p.gaming.max(s.gaming as f32);
                    p.cost_per_reward += s.cost_per_reward;
                }
                Kind::Sanctions => {
                    p.sanctions_active += i;
                    if session {
                        p.sanctions_session += i;
                    }
                }
                Kind::ShareFeedback => p.share_feedback = p.share_feedback.max(i),
                _ if !session => {}
                Kind::Training => p.training += i,
                Kind::Coaching => p.coaching += i,
                Kind::Reflection => p.reflection += i,
                Kind::Practice => p.practice += i,
                Kind::FeedbackCulture => p.feedback_culture += i,
                Kind::RoleModelProgramme => p.role_model += i,
                Kind::SharedDefinition => p.definition += i,
            }
        }
        p
    }
}

/// Intensities of everything that reaches one team on one day. Built on the stack each
/// team-day, so the daily loop allocates nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DayPlan {
    pub training: f32,
    pub coaching: f32,
    pub reflection: f32,
    pub practice: f32,
    pub feedback_culture: f32,
    pub sanctions_session: f32,
    pub sanctions_active: f32,
    pub role_model: f32,
    pub definition: f32,
    pub share_feedback: f32,
    /// Chance an oriented contact is rewarded today (0 = no programme active).
    pub reward_prob: f32,
    pub reward_intensity: f32,
    pub gaming: f32,
    /// Cost per employee reached today (sessions of employee interventions).
    pub cost_per_employee: f64,
    /// Cost per manager reached today.
    pub cost_per_manager: f64,
    pub cost_per_reward: f64,
}

impl DayPlan {
    pub fn any_session(&self) -> bool {
        self.training > 0.0
            || self.coaching > 0.0
            || self.reflection > 0.0
            || self.practice > 0.0
            || self.feedback_culture > 0.0
            || self.sanctions_session > 0.0
            || self.definition > 0.0
    }
}

/// Checks one arm's interventions against the run's horizon and organisation.
pub fn check_arm(
    c: &mut Check,
    arm_key: &str,
    specs: &[InterventionSpec],
    horizon: i64,
    n_teams: usize,
) {
    let plan = ArmPlan::resolve(specs, n_teams);
    // A horizon that is itself refused (its own problem) bounds nothing: checking days
    // against it would only add problems that vanish once it is mended.
    let horizon_known = horizon >= 1;
    for (k, (spec, r)) in specs.iter().zip(&plan.interventions).enumerate() {
        let key = format!("{arm_key}.interventions[{k}]");
        // The value as written (with its working days when written as text), and a word on
        // the other forms, so that a file in months is answered in its own terms.
        let start_shown = spec
            .start
            .as_ref()
            .map_or_else(|| r.start.to_string(), Days::shown);
        if horizon_known && (r.start < 0 || r.start >= horizon) {
            c.fail_own(
                &format!("{key}.start"),
                start_shown,
                (
                    format!("a day in [0, {}) (the recorded horizon)", horizon),
                    &format!("interventions must start inside the recorded horizon, horizon_days; {UNIT_HINT}"),
                ),
                "intervention-start",
                &[("horizon", horizon.to_string())],
            );
        }
        let (min_duration, _) = DURATION.bounds();
        if (spec.duration.get() as f64) < min_duration {
            c.fail_own(
                &format!("{key}.duration"),
                spec.duration.shown(),
                (format!("at least {}", days(min_duration)), UNIT_HINT),
                if min_duration == 1.0 {
                    "duration-at-least-one"
                } else {
                    "duration-at-least"
                },
                &[("days", min_duration.to_string())],
            );
        } else if horizon_known && r.end > horizon {
            let most = (horizon - r.start).max(0);
            c.fail_own(
                &format!("{key}.duration"),
                spec.duration.shown(),
                (
                    format!(
                        "at most {most} (the intervention must end by horizon_days = {horizon})"
                    ),
                    &format!("shorten the intervention or lengthen horizon_days; {UNIT_HINT}"),
                ),
                "duration-at-most",
                &[("most", most.to_string()), ("horizon", horizon.to_string())],
            );
        }
        let (lo, hi) = INTERVAL.bounds();
        if !(lo..=hi).contains(&(spec.interval.get() as f64)) {
            c.fail_own(
                &format!("{key}.{}", INTERVAL.key),
                spec.interval.shown(),
                (format!("a whole number of days in [{lo}, {hi}]"), UNIT_HINT),
                "interval-days-in",
                &[("lo", lo.to_string()), ("hi", hi.to_string())],
            );
        }
        in_bounds(c, &key, &INTENSITY, spec.intensity);
        in_bounds(c, &key, &COST_PER_PERSON, spec.cost_per_person);
        in_bounds(c, &key, &COST_PER_REWARD, spec.cost_per_reward);
        in_bounds(c, &key, &RATIO, spec.ratio);
        in_bounds(c, &key, &GAMING, spec.gaming);
        if spec.target == Target::Teams && spec.teams.is_empty() {
            c.fail_own(
                &format!("{key}.teams"),
                "[]".into(),
                (
                    "a non-empty list of team numbers".into(),
                    "target = \"teams\" needs the teams it reaches",
                ),
                "teams-listed",
                &[],
            );
        }
        if let Some(&t) = spec.teams.iter().find(|&&t| t >= n_teams) {
            c.fail_own(
                &format!("{key}.teams"),
                t.to_string(),
                (
                    format!("team numbers in [0, {n_teams})"),
                    "teams are numbered from 0",
                ),
                "team-numbers",
                &[("teams", n_teams.to_string())],
            );
        }
        if spec.kind.acts_on_managers() != (spec.target == Target::Managers) {
            let (expected, id) = if spec.kind.acts_on_managers() {
                (
                    "\"managers\" (this intervention acts on managers)",
                    "target-managers",
                )
            } else {
                (
                    "\"all\" or \"teams\" (this intervention acts on employees)",
                    "target-employees",
                )
            };
            c.fail_own(
                &format!("{key}.target"),
                format!("{:?}", spec.target).to_lowercase(),
                (expected.into(), ""),
                id,
                &[],
            );
        }
    }
}

/// How a day field may also be written, for the messages about one.
const UNIT_HINT: &str =
    "days are working days, also written as text such as \"6 months\", \"2 weeks\" or \"1 year\"";

/// `key.setting` within the setting's declared bounds.
fn in_bounds(c: &mut Check, key: &str, s: &Setting, v: f64) {
    let (lo, hi) = s.bounds();
    c.range(&format!("{key}.{}", s.key), v, lo, hi);
}

/// "1 day", "3 days".
fn days(n: f64) -> String {
    if n == 1.0 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_a_file_leaves_out_take_their_declared_defaults() {
        use super::super::intervention_kinds::KINDS;
        use serde::de::value::{Error, MapDeserializer};
        for k in &KINDS {
            let only_kind = MapDeserializer::<_, Error>::new([("kind", k.name)].into_iter());
            let spec = InterventionSpec::deserialize(only_kind).unwrap();
            let mut expected = InterventionSpec::new(
                k.kind,
                None,
                DURATION.default.number() as u32,
                INTERVAL.default.number() as u32,
            );
            // `new` aims a managers' kind at the managers; a file says so itself.
            expected.target = Target::default();
            assert_eq!(spec, expected, "{}", k.name);
            assert_eq!(spec.intensity, INTENSITY.default.number());
            assert_eq!(spec.ratio, RATIO.default.number());
            assert_eq!(spec.gaming, GAMING.default.number());
        }
    }

    #[test]
    fn chained_phases_start_when_the_previous_one_ends() {
        let specs = vec![
            InterventionSpec::new(Kind::Training, Some(50), 2, 1),
            InterventionSpec::new(Kind::Coaching, None, 100, 10),
            InterventionSpec::new(Kind::Reflection, None, 100, 20),
        ];
        let plan = ArmPlan::resolve(&specs, 3);
        assert_eq!(plan.interventions[1].start, 52);
        assert_eq!(plan.interventions[2].start, 152);
        assert_eq!(plan.end_day(), Some(252));
    }

    #[test]
    fn sessions_fall_on_the_interval() {
        let plan = ArmPlan::resolve(
            &[InterventionSpec::new(Kind::Coaching, Some(10), 30, 10)],
            1,
        );
        let days: Vec<i64> = (0..60)
            .filter(|&d| plan.day_plan(0, d).coaching > 0.0)
            .collect();
        assert_eq!(days, vec![10, 20, 30]);
    }
}
