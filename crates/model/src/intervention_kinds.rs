//! The intervention kinds and their settings, each declared once.
//!
//! A kind is one entry of [`intervention_kinds!`] below: its TOML name, title, one-line
//! description, the susceptibility it acts through, whom it reaches, when it acts, its own
//! settings and a typical programme. The [`Kind`] enum (and so the scenario parser) comes
//! from the same entry. A setting (`duration`, `intensity`, `ratio`, ...) is one [`Setting`]
//! constant: key, default, bounds, unit and meaning. From these come the serde defaults of
//! [`InterventionSpec`](super::interventions::InterventionSpec), the bounds that
//! [`check_arm`](super::interventions::check_arm) holds a file to, the explorer's composer
//! (served by `/api/meta`), and the settings table of `docs/model.md` ([`settings_table`],
//! checked by `tests/intervention_kinds.rs`).
//!
//! What a kind *does* is code, not data: its field of
//! [`DayPlan`](super::interventions::DayPlan), its arm in `ArmPlan::day_plan` (an exhaustive
//! match, so a new kind does not compile until it has one), its effect in the daily step
//! (`team.rs`) and its effect parameters (`params.rs`).

use serde::{Deserialize, Serialize};

use super::employees::Col;

/// The trait a kind's effect is scaled by, person by person (`s` in `docs/model.md` 7.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Susceptibility {
    Training,
    Coaching,
    Reward,
    RoleModel,
    Sanctions,
    Feedback,
    /// The effect is the same for everyone it reaches.
    None,
}

impl Susceptibility {
    /// The word `docs/model.md` uses for it.
    pub fn name(self) -> &'static str {
        match self {
            Susceptibility::Training => "training",
            Susceptibility::Coaching => "coaching",
            Susceptibility::Reward => "reward",
            Susceptibility::RoleModel => "role model",
            Susceptibility::Sanctions => "sanctions",
            Susceptibility::Feedback => "feedback",
            Susceptibility::None => "none",
        }
    }

    /// The employee column holding it.
    pub fn column(self) -> Option<Col> {
        match self {
            Susceptibility::Training => Some(Col::SusTraining),
            Susceptibility::Coaching => Some(Col::SusCoaching),
            Susceptibility::Reward => Some(Col::SusReward),
            Susceptibility::RoleModel => Some(Col::SusRoleModel),
            Susceptibility::Sanctions => Some(Col::SusSanctions),
            Susceptibility::Feedback => Some(Col::SusFeedback),
            Susceptibility::None => None,
        }
    }
}

/// A setting's value when the file leaves it out. Serialised as the value itself (a number,
/// a string, an empty list), or null where there is none (required, chained).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DefaultValue {
    /// The file must give it.
    Required,
    /// The day after the previous intervention of the arm ends (day 0 for the first).
    Chained,
    Number(f64),
    /// One of the setting's `choices`.
    Choice(&'static str),
    /// An empty list.
    Empty,
}

impl DefaultValue {
    /// The number, for numeric settings (NaN otherwise).
    pub const fn number(self) -> f64 {
        match self {
            DefaultValue::Number(x) => x,
            _ => f64::NAN,
        }
    }
}

impl Serialize for DefaultValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            DefaultValue::Required | DefaultValue::Chained => s.serialize_none(),
            DefaultValue::Number(x) => s.serialize_f64(x),
            DefaultValue::Choice(c) => s.serialize_str(c),
            DefaultValue::Empty => s.collect_seq(std::iter::empty::<f64>()),
        }
    }
}

/// How a form asks for a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// A whole number.
    Whole,
    /// A length of time: a number and a unit (days, weeks, months, years; the units of
    /// [`DAY_UNITS`](super::days::DAY_UNITS)), sent as days or as text such as `"6 months"`.
    Days,
    /// Any number within the bounds.
    Number,
    /// A number within two bounds, dragged: the setting one turns up and down.
    Slider,
    /// One of `choices`.
    Choice,
    /// Not offered by the explorer's composer (`kind` has its own selector; `target` and
    /// `teams` come from a file and are kept as they are).
    None,
}

/// One setting of `[[arms.interventions]]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Setting {
    /// The TOML key.
    pub key: &'static str,
    /// A short label for a form field.
    pub label: &'static str,
    pub default: DefaultValue,
    /// Fixed bounds (inclusive); `None` where there is none or it depends on the scenario
    /// (then `limit` says what it is).
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// A bound that depends on the scenario, in words ("" if none).
    pub limit: &'static str,
    /// A sensible increment for a form.
    pub step: Option<f64>,
    /// The allowed values of a choice.
    pub choices: &'static [&'static str],
    pub unit: &'static str,
    pub meaning: &'static str,
    pub input: Input,
}

impl Setting {
    /// The fixed bounds as a closed interval (unbounded sides infinite).
    pub fn bounds(&self) -> (f64, f64) {
        (
            self.min.unwrap_or(f64::NEG_INFINITY),
            self.max.unwrap_or(f64::INFINITY),
        )
    }
}

const fn setting(key: &'static str, label: &'static str, default: DefaultValue) -> Setting {
    Setting {
        key,
        label,
        default,
        min: None,
        max: None,
        limit: "",
        step: None,
        choices: &[],
        unit: "",
        meaning: "",
        input: Input::None,
    }
}

pub const KIND: Setting = Setting {
    meaning: "what the intervention is: one of the kinds below",
    ..setting("kind", "Intervention", DefaultValue::Required)
};

pub const START: Setting = Setting {
    min: Some(0.0),
    limit: "inside the recorded horizon",
    step: Some(1.0),
    unit: "day",
    meaning: "first day; left out: the day after the previous intervention of the arm ends (day 0 for the first)",
    input: Input::Days,
    ..setting("start", "Start", DefaultValue::Chained)
};

pub const DURATION: Setting = Setting {
    min: Some(1.0),
    limit: "must end by `horizon_days`",
    step: Some(1.0),
    unit: "days",
    meaning: "days active",
    input: Input::Days,
    ..setting("duration", "Duration", DefaultValue::Number(1.0))
};

pub const INTERVAL: Setting = Setting {
    min: Some(1.0),
    max: Some(10_000.0),
    step: Some(1.0),
    unit: "days",
    meaning: "days between sessions (1 = daily)",
    input: Input::Days,
    ..setting("interval", "Every", DefaultValue::Number(1.0))
};

pub const INTENSITY: Setting = Setting {
    min: Some(0.0),
    max: Some(5.0),
    step: Some(0.1),
    unit: "×",
    meaning: "multiplier `I` on the per-session effect",
    input: Input::Slider,
    ..setting("intensity", "Intensity", DefaultValue::Number(1.0))
};

pub const TARGET: Setting = Setting {
    choices: &["all", "teams", "managers"],
    meaning: "who is reached: `teams` with `teams`; `managers` for, and only for, the kinds that act on managers",
    ..setting("target", "Target", DefaultValue::Choice("all"))
};

pub const TEAMS: Setting = Setting {
    limit: "team numbers from 0, below the number of teams",
    meaning: "the teams reached (for `managers`: whose managers; empty = all)",
    ..setting("teams", "Teams", DefaultValue::Empty)
};

pub const COST_PER_PERSON: Setting = Setting {
    min: Some(0.0),
    max: Some(1e9),
    step: Some(10.0),
    unit: "euro",
    meaning: "per person reached per session (team size × cost; one manager for kinds that act on managers)",
    input: Input::Number,
    ..setting("cost_per_person", "€ / person", DefaultValue::Number(0.0))
};

pub const SCHEDULE: Setting = Setting {
    choices: &["continuous", "variable_ratio"],
    meaning: "reward schedule: every oriented contact, or each with probability 1/`ratio`",
    input: Input::Choice,
    ..setting("schedule", "Schedule", DefaultValue::Choice("continuous"))
};

pub const RATIO: Setting = Setting {
    min: Some(1.0),
    max: Some(1000.0),
    step: Some(0.5),
    unit: "contacts",
    meaning: "mean oriented contacts per reward under `variable_ratio`",
    input: Input::Number,
    ..setting("ratio", "Ratio", DefaultValue::Number(3.0))
};

pub const COST_PER_REWARD: Setting = Setting {
    min: Some(0.0),
    max: Some(1e9),
    step: Some(0.1),
    unit: "euro",
    meaning: "per reward",
    input: Input::Number,
    ..setting("cost_per_reward", "€ / reward", DefaultValue::Number(0.0))
};

pub const GAMING: Setting = Setting {
    min: Some(0.0),
    max: Some(1.0),
    step: Some(0.05),
    unit: "share",
    meaning:
        "share `g` of non-oriented contacts dressed up to look oriented and rewarded all the same",
    input: Input::Number,
    ..setting("gaming", "Gaming", DefaultValue::Number(0.0))
};

/// Settings every kind takes, in the order of a file (and of the docs table).
pub const COMMON_SETTINGS: [Setting; 8] = [
    KIND,
    START,
    DURATION,
    INTERVAL,
    INTENSITY,
    TARGET,
    TEAMS,
    COST_PER_PERSON,
];

/// A typical programme of a kind (the default scenario's where it has the kind): what a
/// new one in the explorer's composer starts from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Typical {
    pub duration: u32,
    pub interval: u32,
    pub cost_per_person: f64,
}

/// Everything about a kind that is data rather than code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindDef {
    pub kind: Kind,
    /// The TOML identifier (`kind = "..."`).
    pub name: &'static str,
    pub title: &'static str,
    /// What it does in one line, with the source articles.
    pub description: &'static str,
    pub susceptibility: Susceptibility,
    /// Reaches managers (`target = "managers"`) rather than employees.
    pub on_managers: bool,
    /// Acts on every active day, not only on session days (`interval` then sets only when
    /// `cost_per_person` is charged).
    pub every_active_day: bool,
    /// Settings only this kind takes, beyond [`COMMON_SETTINGS`].
    pub own_settings: &'static [Setting],
    pub typical: Typical,
}

impl KindDef {
    /// Every setting this kind takes: the common ones, then its own.
    pub fn settings(&self) -> impl Iterator<Item = &'static Setting> {
        COMMON_SETTINGS.iter().chain(self.own_settings)
    }
}

/// Declares the kinds: the [`Kind`] enum (serde names = TOML names), [`Kind::ALL`] and
/// [`KINDS`], one entry each.
macro_rules! intervention_kinds {
    ($($(#[$doc:meta])* $variant:ident = $name:literal { $($field:ident: $value:expr,)+ })+) => {
        /// An intervention kind (declared with its data in [`KINDS`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum Kind {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)+
        }

        /// Every kind, in declaration order (`KINDS[k as usize].kind == k`).
        pub const KINDS: [KindDef; [$($name,)+].len()] = [
            $(KindDef { kind: Kind::$variant, name: $name, $($field: $value,)+ },)+
        ];

        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: [Kind; KINDS.len()] = [$(Kind::$variant,)+];
        }
    };
}

intervention_kinds! {
    /// Awareness and skill up at once, a little norm (000 phase 1, 003).
    Training = "training" {
        title: "Training",
        description: "awareness and skill up at once, a little norm (000, 003)",
        susceptibility: Susceptibility::Training,
        on_managers: false,
        every_active_day: false,
        own_settings: &[],
        typical: Typical { duration: 2, interval: 1, cost_per_person: 300.0 },
    }
    /// Norm and understanding up per session, durably (000 phase 2).
    Coaching = "coaching" {
        title: "Coaching",
        description: "norm and understanding up per session, durably (000)",
        susceptibility: Susceptibility::Coaching,
        on_managers: false,
        every_active_day: false,
        own_settings: &[],
        typical: Typical { duration: 120, interval: 10, cost_per_person: 120.0 },
    }
    /// Rewards for oriented contacts on a schedule while active; extinction after (003).
    Reinforcement = "reinforcement" {
        title: "Reinforcement (rewards)",
        description: "rewards for customer-oriented contacts while active; extinction after (003)",
        susceptibility: Susceptibility::Reward,
        on_managers: false,
        every_active_day: true,
        own_settings: &[SCHEDULE, RATIO, GAMING, COST_PER_REWARD],
        typical: Typical { duration: 120, interval: 20, cost_per_person: 20.0 },
    }
    /// Refresh awareness and write the current norm into the personal anchor (000 phase 3, 004).
    Reflection = "reflection" {
        title: "Reflection",
        description: "refreshes awareness and anchors the current norm (000, 004)",
        susceptibility: Susceptibility::Coaching,
        on_managers: false,
        every_active_day: false,
        own_settings: &[],
        typical: Typical { duration: 120, interval: 20, cost_per_person: 60.0 },
    }
    /// Practising alternatives to breaking a rule (004 part 2).
    Practice = "practice" {
        title: "Practising alternatives",
        description: "alternatives to breaking a rule (004)",
        susceptibility: Susceptibility::Training,
        on_managers: false,
        every_active_day: false,
        own_settings: &[],
        typical: Typical { duration: 60, interval: 10, cost_per_person: 80.0 },
    }
    /// Routine discussion of dilemmas: understanding and alternatives up (004 part 3).
    FeedbackCulture = "feedback_culture" {
        title: "Feedback culture",
        description: "routine discussion of dilemmas: understanding and alternatives up (004)",
        susceptibility: Susceptibility::Feedback,
        on_managers: false,
        every_active_day: false,
        own_settings: &[],
        typical: Typical { duration: 250, interval: 20, cost_per_person: 20.0 },
    }
    /// Rules and sanctions: fewer rule breaks, lower norms for the less rule-minded (004).
    Sanctions = "sanctions" {
        title: "Rules and sanctions",
        description: "fewer rule breaks while enforced, lower norms for the less rule-minded (004)",
        susceptibility: Susceptibility::Sanctions,
        on_managers: false,
        every_active_day: true,
        own_settings: &[],
        typical: Typical { duration: 250, interval: 20, cost_per_person: 15.0 },
    }
    /// Leadership programme for managers: role-model level up (002).
    RoleModelProgramme = "role_model_programme" {
        title: "Role-model programme",
        description: "leadership programme: managers' role-model level up (002)",
        susceptibility: Susceptibility::None,
        on_managers: true,
        every_active_day: false,
        own_settings: &[],
        typical: Typical { duration: 250, interval: 20, cost_per_person: 500.0 },
    }
    /// Customer feedback shared with staff while active (002).
    ShareFeedback = "share_feedback" {
        title: "Share customer feedback",
        description: "customer feedback reaches the teams while active (002)",
        susceptibility: Susceptibility::Feedback,
        on_managers: false,
        every_active_day: true,
        own_settings: &[],
        typical: Typical { duration: 250, interval: 20, cost_per_person: 10.0 },
    }
    /// A shared definition: lenses move toward the organisation's (001).
    SharedDefinition = "shared_definition" {
        title: "Shared definition",
        description: "everyone's view of customer orientation moves toward the organisation's (001)",
        susceptibility: Susceptibility::None,
        on_managers: false,
        every_active_day: false,
        own_settings: &[],
        typical: Typical { duration: 120, interval: 20, cost_per_person: 40.0 },
    }
}

impl Kind {
    /// This kind's declaration.
    pub fn def(self) -> &'static KindDef {
        &KINDS[self as usize]
    }

    /// The TOML identifier.
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// Kinds that act on managers rather than employees.
    pub fn acts_on_managers(self) -> bool {
        self.def().on_managers
    }
}

/// A default as `docs/model.md` writes it.
fn default_text(d: DefaultValue) -> String {
    match d {
        DefaultValue::Required => "required".into(),
        DefaultValue::Chained => "chained".into(),
        DefaultValue::Number(x) => x.to_string(),
        DefaultValue::Choice(c) => format!("`{c}`"),
        DefaultValue::Empty => "`[]`".into(),
    }
}

/// Bounds and choices as `docs/model.md` writes them.
fn allowed_text(s: &Setting) -> String {
    let mut parts = Vec::new();
    match (s.min, s.max) {
        (Some(lo), Some(hi)) => parts.push(format!("[{lo}, {hi}]")),
        (Some(lo), None) => parts.push(format!("≥ {lo}")),
        (None, Some(hi)) => parts.push(format!("≤ {hi}")),
        (None, None) => {}
    }
    if !s.choices.is_empty() {
        let c: Vec<String> = s.choices.iter().map(|c| format!("`{c}`")).collect();
        parts.push(c.join(", "));
    }
    if !s.limit.is_empty() {
        parts.push(s.limit.to_string());
    }
    parts.join("; ")
}

/// The settings table of `docs/model.md` (section 7.9), generated from the declarations:
/// the common settings, then each kind's own (its meaning prefixed by the kind).
pub fn settings_table() -> String {
    let mut out =
        String::from("| key | default | allowed | unit | meaning |\n|---|---|---|---|---|\n");
    let own = KINDS
        .iter()
        .flat_map(|k| k.own_settings.iter().map(move |s| (Some(k.name), s)));
    for (kind, s) in COMMON_SETTINGS.iter().map(|s| (None, s)).chain(own) {
        let meaning = match kind {
            Some(k) => format!("{k} only: {}", s.meaning),
            None => s.meaning.to_string(),
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            s.key,
            default_text(s.default),
            allowed_text(s),
            s.unit,
            meaning
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error, StrDeserializer};
    use serde::de::IntoDeserializer;

    use super::super::interventions::{Schedule, Target};

    fn parse<'a, T: Deserialize<'a>>(name: &'a str) -> Result<T, Error> {
        let d: StrDeserializer<'a, Error> = name.into_deserializer();
        T::deserialize(d)
    }

    #[test]
    fn every_kind_is_read_by_its_name_and_declared_at_its_place() {
        for (i, k) in Kind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
            assert_eq!(k.def().kind, *k);
            assert_eq!(parse::<Kind>(k.name()).unwrap(), *k);
        }
        assert!(parse::<Kind>("nothing").is_err());
    }

    #[test]
    fn choices_are_the_names_the_parser_reads_and_defaults_are_among_them() {
        for c in SCHEDULE.choices {
            parse::<Schedule>(c).unwrap();
        }
        for c in TARGET.choices {
            parse::<Target>(c).unwrap();
        }
        assert_eq!(
            parse::<Schedule>("continuous").unwrap(),
            Schedule::default()
        );
        assert_eq!(parse::<Target>("all").unwrap(), Target::default());
        for s in KINDS.iter().flat_map(|k| k.settings()) {
            if let DefaultValue::Choice(c) = s.default {
                assert!(s.choices.contains(&c), "{}", s.key);
            }
        }
    }

    #[test]
    fn every_setting_a_form_offers_has_its_bounds_and_a_typical_programme_fits_them() {
        for k in &KINDS {
            for s in k.settings() {
                match s.input {
                    Input::Slider => assert!(s.min.is_some() && s.max.is_some(), "{}", s.key),
                    Input::Number | Input::Whole | Input::Days => {
                        assert!(s.min.is_some() && s.step.is_some(), "{}", s.key)
                    }
                    Input::Choice => assert!(!s.choices.is_empty(), "{}", s.key),
                    Input::None => {}
                }
                if let DefaultValue::Number(x) = s.default {
                    let (lo, hi) = s.bounds();
                    assert!(lo <= x && x <= hi, "{}", s.key);
                }
            }
            let t = k.typical;
            assert!(t.duration as f64 >= DURATION.bounds().0, "{}", k.name);
            let (lo, hi) = INTERVAL.bounds();
            assert!((lo..=hi).contains(&(t.interval as f64)), "{}", k.name);
            assert!(t.cost_per_person >= 0.0, "{}", k.name);
            assert!(!k.title.is_empty() && !k.description.is_empty());
        }
    }

    #[test]
    fn every_susceptibility_but_none_is_an_employee_column() {
        for k in &KINDS {
            let s = k.susceptibility;
            assert_eq!(
                s.column().is_none(),
                s == Susceptibility::None,
                "{}",
                k.name
            );
        }
    }

    #[test]
    fn the_settings_table_has_one_row_per_setting() {
        let t = settings_table();
        let own: usize = KINDS.iter().map(|k| k.own_settings.len()).sum();
        assert_eq!(t.lines().count(), 2 + COMMON_SETTINGS.len() + own);
        assert!(t.contains(
            "| `intensity` | 1 | [0, 5] | × | multiplier `I` on the per-session effect |"
        ));
        assert!(t.contains("| `ratio` | 3 | [1, 1000] | contacts | reinforcement only: "));
    }
}
