//! The parameter registry: every parameter declared once, in `params.rs`, through
//! [`param_section!`], which writes from that one declaration the section's struct (fields,
//! doc comments, serde defaults), its `Default`, its f32 view for the daily loop and its
//! rows of this registry: key path, allowed values, unit, symbol, meaning and source.
//!
//! Everything that needs to know about parameters reads them from here: validation
//! ([`ParamSpec::check`], with the located messages of [`Check`]), the presets (which set
//! values by key through [`set`]), the parameter tables of `docs/model.md`
//! ([`markdown_table`], checked by `tests/parameters.rs`), the explorer's form bounds
//! (`/api/meta`) and, next, the priors of a calibration (bounds of every real parameter).

use std::fmt;
use std::sync::OnceLock;

use super::drives::{DriveMix, DriveTable, Lens, N_DRIVES, N_FACETS};
use super::params::Params;
use super::validate::Check;

/// The values a parameter may take. Each variant is one of [`Check`]'s rules, so that its
/// message (allowed range, hint) is the one a scenario file has always been answered with.
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    /// A finite number in the closed interval [lo, hi].
    Range(f64, f64),
    /// A probability or share in [0, 1].
    Unit,
    /// A Beta mean: strictly inside (0, 1).
    OpenUnit,
    /// A daily rate (the share of a gap closed per working day) in [0, 1].
    Rate,
    /// A positive number of at most 1e9: (0, 1e9].
    Positive,
    /// A whole number in [lo, hi].
    Whole(u64, u64),
    /// A compound value (a drive mix, a lens, the drive table) with a check of its own.
    Custom(CustomCheck),
}

/// The check of a compound parameter.
#[derive(Debug, Clone, Copy)]
pub struct CustomCheck {
    /// Adds every problem of the parameter at `key` in `p` to the check.
    pub check: fn(&mut Check, &str, &Params),
    /// The allowed values in words, for the docs and the explorer.
    pub allowed: &'static str,
}

/// The largest value [`Rule::Positive`] admits.
pub const POSITIVE_MAX: f64 = 1e9;

/// Numeric bounds of a parameter, each end open or closed as its check has it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
    pub min_open: bool,
    pub max_open: bool,
}

impl Bounds {
    const fn closed(min: f64, max: f64) -> Bounds {
        Bounds {
            min,
            max,
            min_open: false,
            max_open: false,
        }
    }

    pub fn contains(&self, x: f64) -> bool {
        let above = if self.min_open {
            x > self.min
        } else {
            x >= self.min
        };
        let below = if self.max_open {
            x < self.max
        } else {
            x <= self.max
        };
        above && below
    }
}

impl fmt::Display for Bounds {
    /// Interval notation: `[0, 1]`, `(0, 1)`, `(0, 1e9]` (a million and more as a power).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.min_open { '(' } else { '[' };
        let close = if self.max_open { ')' } else { ']' };
        let num = |x: f64| {
            if x.abs() >= 1e6 {
                format!("{x:e}")
            } else {
                format!("{x}")
            }
        };
        write!(f, "{open}{}, {}{close}", num(self.min), num(self.max))
    }
}

impl Rule {
    /// Numeric bounds; `None` for a compound parameter.
    pub fn bounds(&self) -> Option<Bounds> {
        match *self {
            Rule::Range(lo, hi) => Some(Bounds::closed(lo, hi)),
            Rule::Unit | Rule::Rate => Some(Bounds::closed(0.0, 1.0)),
            Rule::OpenUnit => Some(Bounds {
                min: 0.0,
                max: 1.0,
                min_open: true,
                max_open: true,
            }),
            Rule::Positive => Some(Bounds {
                min: 0.0,
                max: POSITIVE_MAX,
                min_open: true,
                max_open: false,
            }),
            Rule::Whole(lo, hi) => Some(Bounds::closed(lo as f64, hi as f64)),
            Rule::Custom(_) => None,
        }
    }

    /// The allowed values in words: interval notation, "whole" for whole numbers.
    pub fn allowed(&self) -> String {
        match (self, self.bounds()) {
            (Rule::Custom(c), _) => c.allowed.to_string(),
            (Rule::Whole(lo, hi), _) => format!("whole, [{lo}, {hi}]"),
            (_, Some(b)) => b.to_string(),
            (_, None) => String::new(),
        }
    }

    /// Checks `v` at `key`; a value of the wrong kind cannot occur (the registry reads it
    /// from the field the rule was declared with).
    fn check(&self, c: &mut Check, key: &str, v: Value) {
        match (*self, v) {
            (Rule::Range(lo, hi), Value::Real(x)) => c.range(key, x, lo, hi),
            (Rule::Unit, Value::Real(x)) => c.unit(key, x),
            (Rule::OpenUnit, Value::Real(x)) => c.open_unit(key, x),
            (Rule::Rate, Value::Real(x)) => c.rate(key, x),
            (Rule::Positive, Value::Real(x)) => c.positive(key, x),
            (Rule::Whole(lo, hi), Value::Whole(n)) => {
                c.range_usize(key, n as usize, lo as usize, hi as usize)
            }
            // An optional value that is not given has nothing to check.
            (_, Value::Absent) => {}
            (rule, v) => debug_assert!(false, "{key}: rule {rule:?} on {v:?}"),
        }
    }
}

/// A parameter's value, read from or written to [`Params`] by key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Real(f64),
    Whole(u64),
    /// Shares of the drives, in [`super::drives::DRIVE_NAMES`] order.
    Mix([f64; N_DRIVES]),
    /// An optional value that is not set (the hiring mix: the organisation's own then).
    Absent,
    /// Facet weights, in [`super::drives::FACET_NAMES`] order.
    Lens([f64; N_FACETS]),
    /// The per-drive trait table (documented as a table of its own).
    Table,
}

impl Value {
    /// The value as one number, when it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Real(x) => Some(x),
            Value::Whole(n) => Some(n as f64),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    /// As the docs show a default: `0.6`, `200.0` (a real keeps its point), `200`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, xs: &[f64]| {
            let parts: Vec<String> = xs.iter().map(|x| format!("{x}")).collect();
            write!(f, "{}", parts.join(" / "))
        };
        match self {
            Value::Real(x) => write!(f, "{x:?}"),
            Value::Whole(n) => write!(f, "{n}"),
            Value::Mix(m) => list(f, m),
            Value::Absent => write!(f, "absent"),
            Value::Lens(l) => list(f, l),
            Value::Table => write!(f, "table above"),
        }
    }
}

/// A field type the registry can read and write as a [`Value`].
pub trait ParamType: Sized {
    fn to_value(&self) -> Value;
    /// `None` when `v` is not a value of this type.
    fn from_value(v: Value) -> Option<Self>;
}

impl ParamType for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Real(x) => Some(x),
            _ => None,
        }
    }
}

impl ParamType for usize {
    fn to_value(&self) -> Value {
        Value::Whole(*self as u64)
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Whole(n) => usize::try_from(n).ok(),
            _ => None,
        }
    }
}

impl ParamType for u32 {
    fn to_value(&self) -> Value {
        Value::Whole(u64::from(*self))
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Whole(n) => u32::try_from(n).ok(),
            _ => None,
        }
    }
}

/// An optional number (a value the organisation may give): absent, or a real checked by
/// its rule.
impl ParamType for Option<f64> {
    fn to_value(&self) -> Value {
        match self {
            Some(x) => Value::Real(*x),
            None => Value::Absent,
        }
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Absent => Some(None),
            Value::Real(x) => Some(Some(x)),
            _ => None,
        }
    }
}

impl ParamType for DriveMix {
    fn to_value(&self) -> Value {
        Value::Mix(self.as_array())
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Mix(a) => Some(DriveMix::from_array(a)),
            _ => None,
        }
    }
}

impl ParamType for Option<DriveMix> {
    fn to_value(&self) -> Value {
        match self {
            Some(m) => m.to_value(),
            None => Value::Absent,
        }
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Absent => Some(None),
            v => DriveMix::from_value(v).map(Some),
        }
    }
}

impl ParamType for Lens {
    fn to_value(&self) -> Value {
        Value::Lens(self.as_array())
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Lens([speed, care, correctness, solution]) => {
                Some(Lens::new(speed, care, correctness, solution))
            }
            _ => None,
        }
    }
}

impl ParamType for DriveTable {
    fn to_value(&self) -> Value {
        Value::Table
    }
    /// The table is set row by row in a scenario file, never as one value.
    fn from_value(_: Value) -> Option<Self> {
        None
    }
}

/// How a field appears among the constants of the daily loop: a real as `f32` (the one
/// conversion the loop's constants have always used), a count as itself, a compound value
/// not at all (the loop reads what it needs of those through its own conversion).
pub trait Hot {
    type Hot: fmt::Debug + Clone + Copy + PartialEq;
    fn hot(&self) -> Self::Hot;
}

impl Hot for f64 {
    type Hot = f32;
    #[inline]
    fn hot(&self) -> f32 {
        *self as f32
    }
}

impl Hot for usize {
    type Hot = usize;
    fn hot(&self) -> usize {
        *self
    }
}

impl Hot for u32 {
    type Hot = u32;
    fn hot(&self) -> u32 {
        *self
    }
}

macro_rules! not_hot {
    ($($t:ty),*) => {$(
        impl Hot for $t {
            type Hot = ();
            fn hot(&self) {}
        }
    )*};
}
not_hot!(DriveMix, Option<DriveMix>, Lens, Option<f64>);

/// One parameter, as declared in `params.rs`.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// Dotted key path as written in a scenario file (`customers.contacts_per_day`).
    pub key: &'static str,
    pub rule: Rule,
    pub unit: &'static str,
    /// Symbol in the equations of `docs/model.md` (may be empty).
    pub symbol: &'static str,
    /// One line on what the parameter means.
    pub meaning: &'static str,
    /// Where its default comes from: an article, a study, "calibrated", "assumption".
    pub source: &'static str,
    /// The subsection of `docs/model.md` whose parameter table lists it (`"7.4"`).
    pub topic: &'static str,
    pub get: fn(&Params) -> Value,
    /// Writes the value; false when it is not of the parameter's type.
    pub set: fn(&mut Params, Value) -> bool,
}

impl ParamSpec {
    /// The section (`customers`) of the key path.
    pub fn section(&self) -> &'static str {
        self.key.split_once('.').map_or(self.key, |(s, _)| s)
    }

    /// The field name (`contacts_per_day`) of the key path.
    pub fn name(&self) -> &'static str {
        self.key.split_once('.').map_or(self.key, |(_, n)| n)
    }

    /// The default, read from `Params::default()` (the declaration's `= value`).
    pub fn default_value(&self) -> Value {
        (self.get)(&Params::default())
    }

    pub fn bounds(&self) -> Option<Bounds> {
        self.rule.bounds()
    }

    /// True for a parameter that takes whole numbers only.
    pub fn is_whole(&self) -> bool {
        matches!(self.rule, Rule::Whole(..))
    }

    /// Adds this parameter's problems in `p` (if any) to `c`.
    pub fn check(&self, p: &Params, c: &mut Check) {
        match self.rule {
            Rule::Custom(custom) => (custom.check)(c, self.key, p),
            rule => rule.check(c, self.key, (self.get)(p)),
        }
    }
}

/// A section of [`Params`] and its rows of the registry.
pub trait Section {
    const SPECS: &'static [ParamSpec];
}

/// Every parameter, in the order of [`Params`]'s sections and their fields.
pub fn parameters() -> &'static [ParamSpec] {
    static ALL: OnceLock<Vec<ParamSpec>> = OnceLock::new();
    ALL.get_or_init(|| Params::SECTION_SPECS.concat())
}

/// The parameter at a dotted key path.
pub fn find(key: &str) -> Option<&'static ParamSpec> {
    parameters().iter().find(|p| p.key == key)
}

/// Why [`set`] refused a value.
#[derive(Debug, Clone, PartialEq)]
pub enum SetError {
    UnknownKey(String),
    WrongType { key: String, value: Value },
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetError::UnknownKey(k) => write!(f, "`{k}` is not a parameter"),
            SetError::WrongType { key, value } => {
                write!(f, "`{key}` cannot take the value {value:?}")
            }
        }
    }
}

impl std::error::Error for SetError {}

/// Sets the parameter at `key` in `p`.
pub fn set(p: &mut Params, key: &str, v: Value) -> Result<(), SetError> {
    let spec = find(key).ok_or_else(|| SetError::UnknownKey(key.to_string()))?;
    if (spec.set)(p, v) {
        Ok(())
    } else {
        Err(SetError::WrongType {
            key: key.to_string(),
            value: v,
        })
    }
}

/// The topics (subsections of `docs/model.md`) that have a parameter table, in order.
pub fn topics() -> Vec<&'static str> {
    let mut t: Vec<&'static str> = parameters().iter().map(|p| p.topic).collect();
    t.sort_by_key(|s| {
        s.split('.')
            .map(|n| n.parse::<u32>().unwrap_or(u32::MAX))
            .collect::<Vec<_>>()
    });
    t.dedup();
    t
}

/// The parameter table of one subsection of `docs/model.md`, as markdown.
pub fn markdown_table(topic: &str) -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let code = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!("`{s}`")
        }
    };
    let mut out = String::from(
        "| TOML key | symbol | default | allowed | unit | meaning | source |\n|---|---|---|---|---|---|---|\n",
    );
    for p in parameters().iter().filter(|p| p.topic == topic) {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} |\n",
            p.key,
            code(p.symbol),
            cell(&p.default_value().to_string()),
            cell(&p.rule.allowed()),
            cell(p.unit),
            cell(p.meaning),
            cell(p.source),
        ));
    }
    out
}

/// Declares one section of [`Params`]: the struct (fields in order, doc comments, serde
/// defaults, unknown keys refused), its `Default`, its f32 view `$hot` (see [`Hot`]) and its
/// rows of the registry. Each field is written once:
///
/// ```text
/// /// Doc comment of the field.
/// name: f64 = 0.5 => {
///     rule: Unit, unit: "share of contacts", symbol: "χ", topic: "7.5",
///     meaning: "one line for the docs and the explorer",
///     source: "003, assumption",
/// },
/// ```
macro_rules! param_section {
    (
        $(#[$meta:meta])*
        pub struct $name:ident in $section:ident => $hot:ident {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $ty:ty = $default:expr => {
                    rule: $rule:expr, unit: $unit:expr, symbol: $symbol:expr, topic: $topic:expr,
                    meaning: $meaning:expr,
                    source: $source:expr $(,)?
                }
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name { $( $field: $default, )* }
            }
        }

        #[doc = concat!("The `", stringify!($section), "` section as the daily loop reads it: ")]
        #[doc = "every real as f32, counts as they are, compound values left out."]
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct $hot {
            $( pub $field: <$ty as super::registry::Hot>::Hot, )*
        }

        impl $name {
            /// The section as the daily loop's constants: each real converted to f32 once.
            pub fn to_f32(&self) -> $hot {
                $hot { $( $field: super::registry::Hot::hot(&self.$field), )* }
            }
        }

        impl super::registry::Section for $name {
            const SPECS: &'static [super::registry::ParamSpec] = &[ $(
                super::registry::ParamSpec {
                    key: concat!(stringify!($section), ".", stringify!($field)),
                    rule: $rule,
                    unit: $unit,
                    symbol: $symbol,
                    meaning: $meaning,
                    source: $source,
                    topic: $topic,
                    get: |p| super::registry::ParamType::to_value(&p.$section.$field),
                    set: |p, v| match super::registry::ParamType::from_value(v) {
                        Some(x) => {
                            p.$section.$field = x;
                            true
                        }
                        None => false,
                    },
                },
            )* ];
        }
    };
}
pub(crate) use param_section;
