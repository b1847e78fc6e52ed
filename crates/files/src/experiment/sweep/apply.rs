//! Setting one numeric parameter of a scenario by its dotted key path.
//!
//! A design point is applied to the *value tree* of the fully resolved base scenario (the
//! TOML table `--print-scenario` shows), which is then deserialized and validated exactly as
//! a scenario file is. Going through the tree rather than through a hand-written setter per
//! field means every numeric parameter, present and future, can be swept, with the types the
//! scenario declares: a whole-number parameter (`organisation.team_size`, an intervention's
//! `interval`) stays a whole number, and anything that is not a number is refused. An
//! intervention's day field written as text (`start = "6 months"`) is a whole number of
//! working days here: swept or calibrated, it is set as a number of days.

use std::fmt;

use toml::{Table, Value};

use crate::experiment::locate::edit_distance;
use crate::model::days::Days;

/// The keys of an intervention whose value may be text meaning working days.
const DAY_KEYS: [&str; 3] = ["start", "duration", "interval"];

/// The working days of a day field written as text (`"6 months"`), if `v` is one at a path
/// ending in `last`.
fn text_days(last: &str, v: &Value) -> Option<i64> {
    match v {
        Value::String(s) if DAY_KEYS.contains(&last) => Days::parse(s).ok().map(|d| d.get()),
        _ => None,
    }
}

/// One step of a key path: a table key or an array position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A resolved parameter: where it sits in the scenario tree and whether it is whole-numbered.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub segs: Vec<Seg>,
    /// The parameter is an integer in the scenario (a count of days, people, ...).
    pub integer: bool,
    /// A categorical parameter (text or true/false): its levels, in the order written. The
    /// design's value of such an axis is the level's position.
    pub levels: Option<Vec<Value>>,
}

impl Target {
    /// The level a design value stands for, on a categorical axis.
    pub fn level(&self, v: f64) -> Option<&Value> {
        let l = self.levels.as_ref()?;
        (v >= 0.0).then(|| l.get(v as usize)).flatten()
    }
}

/// Top-level keys a resolved scenario leaves out while unset that can still be swept as
/// levels: the presets. Setting one fills the parameters the base scenario does not write
/// from that preset ([`crate::experiment::scenario::Scenario::reapply_presets`]).
pub const PRESET_KEYS: [&str; 2] = ["sector", "maturity"];

/// A level as written in a CSV cell: text without quotes, `true`/`false`.
pub fn level_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Top-level keys a sweep sets itself or that are not model parameters.
const NOT_SWEEPABLE: [(&str, &str); 9] = [
    (
        "seed",
        "the experiment's top-level `seed` is the master seed of the sweep",
    ),
    (
        "replications",
        "set `replications` at the experiment's top level",
    ),
    (
        "record_every",
        "set `record_every` at the experiment's top level",
    ),
    ("per_replication", "it is not a model parameter"),
    ("employee_snapshots", "it is not a model parameter"),
    ("employee_snapshot_every", "it is not a model parameter"),
    ("windows", "it is not a model parameter"),
    ("name", "it is not a model parameter"),
    ("description", "it is not a model parameter"),
];

/// Why a key is no parameter to sweep or calibrate: the English words, and the same as
/// data (`why` names the case in the catalogue's `hint-scenario-key`, `args` its values).
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved {
    pub text: String,
    pub why: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Unresolved {
    fn new(text: String, why: &'static str, args: &[(&'static str, &str)]) -> Unresolved {
        Unresolved {
            text,
            why,
            args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }
}

impl fmt::Display for Unresolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Splits `arms[2].interventions[0].interval` or `arms.coaching.interventions.0.interval`
/// into parts; brackets become separate parts.
fn parts(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in key.split('.') {
        match p.find('[') {
            Some(i) => {
                out.push(p[..i].to_string());
                for idx in p[i..].split('[').skip(1) {
                    out.push(idx.trim_end_matches(']').to_string());
                }
            }
            None => out.push(p.to_string()),
        }
    }
    out
}

/// Resolves `key` against the scenario tree `root`. The error message says what is wrong
/// and, when a known key is close, which one was meant.
pub fn resolve(root: &Table, key: &str) -> Result<Target, Unresolved> {
    let (segs, cur, last) = walk(root, key)?;
    numeric(key, segs, cur, &last)
}

/// Resolves `key` for a categorical axis over `levels` (all text, or all true/false): a
/// preset key, or a parameter whose value is of the levels' kind.
pub fn resolve_levels(root: &Table, key: &str, levels: &[Value]) -> Result<Target, Unresolved> {
    let text = levels.iter().all(|v| matches!(v, Value::String(_)));
    let flags = levels.iter().all(|v| matches!(v, Value::Boolean(_)));
    if !text && !flags {
        return Err(Unresolved::new(
            format!(
                "the values of `{key}` mix kinds; give all numbers, all text or all true/false"
            ),
            "levels-mixed",
            &[("key", key)],
        ));
    }
    let target = |segs| Target {
        segs,
        integer: false,
        levels: Some(levels.to_vec()),
    };
    if PRESET_KEYS.contains(&key) && text {
        return Ok(target(vec![Seg::Key(key.to_string())]));
    }
    let (segs, cur, _) = walk(root, key)?;
    match (cur, text) {
        (Value::String(_), true) | (Value::Boolean(_), false) => Ok(target(segs)),
        (Value::String(s), false) => Err(Unresolved::new(
            format!("`{key}` is text ({s:?}); its values must be text too"),
            "levels-text",
            &[("key", key), ("text", &format!("{s:?}"))],
        )),
        (Value::Boolean(_), true) => Err(Unresolved::new(
            format!("`{key}` is true/false; its values must be true or false"),
            "levels-flag",
            &[("key", key)],
        )),
        (other, _) => {
            let (kind, name) = kind_name(other);
            Err(Unresolved::new(
                format!("`{key}` is {name}, not a categorical parameter; give numbers for it"),
                "levels-not-categorical",
                &[("key", key), ("kind", kind)],
            ))
        }
    }
}

/// The kind of a value (the catalogue's selector) and its English name.
fn kind_name(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Integer(_) | Value::Float(_) => ("number", "a number"),
        Value::Table(_) => ("section", "a section"),
        Value::Array(_) => ("list", "a list"),
        Value::Datetime(_) => ("date", "a date"),
        Value::String(_) => ("text", "text"),
        Value::Boolean(_) => ("flag", "true/false"),
    }
}

/// Follows `key` through the scenario tree: its segments, the value there and the last part.
fn walk<'a>(root: &'a Table, key: &str) -> Result<(Vec<Seg>, &'a Value, String), Unresolved> {
    let ps = parts(key);
    if ps.iter().any(|p| p.is_empty()) {
        return Err(Unresolved::new(
            format!(
                "`{key}` is not a key path (write sections and keys separated by dots, like `managers.role_model_mean`)"
            ),
            "not-key-path",
            &[("key", key)],
        ));
    }
    if let Some((first, why)) = NOT_SWEEPABLE.iter().find(|(k, _)| *k == ps[0]) {
        return Err(Unresolved::new(
            format!("`{key}` cannot be swept: {why}"),
            "not-sweepable",
            &[("key", key), ("first", first)],
        ));
    }
    let mut segs = Vec::with_capacity(ps.len());
    let empty = Value::Table(Table::new());
    let mut cur: Option<&'a Value> = None;
    let mut at_root = true;
    let mut walked = String::new();
    for part in &ps {
        let next = if at_root {
            root.get(part.as_str()).map(|v| (v, Seg::Key(part.clone())))
        } else {
            match cur {
                Some(Value::Table(t)) => t.get(part.as_str()).map(|v| (v, Seg::Key(part.clone()))),
                Some(Value::Array(items)) => match part.parse::<usize>() {
                    Ok(i) => items.get(i).map(|v| (v, Seg::Index(i))),
                    Err(_) => items
                        .iter()
                        .position(|it| it.get("name").and_then(Value::as_str) == Some(part))
                        .map(|i| (&items[i], Seg::Index(i))),
                },
                _ => {
                    return Err(Unresolved::new(
                        format!("`{walked}` is a number; it has no `{part}` inside it"),
                        "inside-number",
                        &[("walked", &walked), ("part", part)],
                    ))
                }
            }
        };
        let Some((v, seg)) = next else {
            return Err(not_found(
                root,
                key,
                &walked,
                part,
                cur.unwrap_or(&empty),
                at_root,
            ));
        };
        at_root = false;
        if !walked.is_empty() {
            walked.push('.');
        }
        walked.push_str(part);
        segs.push(seg);
        cur = Some(v);
    }
    let last = ps.last().cloned().unwrap_or_default();
    match cur {
        Some(v) => Ok((segs, v, last)),
        None => Err(Unresolved::new(
            format!("`{key}` names nothing"),
            "names-nothing",
            &[("key", key)],
        )),
    }
}

/// The target of a numeric axis at `cur`, or why the parameter there is not a number.
fn numeric(key: &str, segs: Vec<Seg>, cur: &Value, last: &str) -> Result<Target, Unresolved> {
    let integer = match cur {
        Value::Integer(_) => true,
        v if text_days(last, v).is_some() => true,
        Value::Float(_) => false,
        Value::Table(t) => {
            let keys: Vec<&str> = t
                .iter()
                .filter(|(_, v)| matches!(v, Value::Integer(_) | Value::Float(_)))
                .map(|(k, _)| k.as_str())
                .collect();
            return Err(if keys.is_empty() {
                Unresolved::new(
                    format!("`{key}` is a section, not a number"),
                    "section",
                    &[("key", key)],
                )
            } else {
                let list = keys
                    .iter()
                    .map(|k| format!("`{key}.{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                Unresolved::new(
                    format!("`{key}` is a section, not a number; its numeric keys are {list}"),
                    "section-keys",
                    &[("key", key), ("keys", &list)],
                )
            });
        }
        Value::Array(_) => {
            return Err(Unresolved::new(
                format!("`{key}` is a list, not a number"),
                "list",
                &[("key", key)],
            ))
        }
        Value::String(s) => {
            return Err(Unresolved::new(
                format!(
                    "`{key}` is text ({s:?}), not a number; list its levels as text (`values = [\"...\", \"...\"]`) instead of numbers"
                ),
                "text",
                &[("key", key), ("text", &format!("{s:?}"))],
            ))
        }
        Value::Boolean(_) => {
            return Err(Unresolved::new(
                format!(
                    "`{key}` is true/false, not a number; list `values = [true, false]` instead of numbers"
                ),
                "flag",
                &[("key", key)],
            ))
        }
        Value::Datetime(_) => {
            return Err(Unresolved::new(
                format!("`{key}` is a date, not a number"),
                "date",
                &[("key", key)],
            ))
        }
    };
    Ok(Target {
        segs,
        integer,
        levels: None,
    })
}

fn not_found(
    root: &Table,
    key: &str,
    walked: &str,
    part: &str,
    cur: &Value,
    at_root: bool,
) -> Unresolved {
    let where_ = if walked.is_empty() {
        "the scenario".to_string()
    } else {
        format!("`{walked}`")
    };
    let top = if walked.is_empty() { "yes" } else { "no" };
    let suggested = suggest(root, key);
    let did_you_mean = suggested
        .as_ref()
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    let suggest = suggested.as_deref().unwrap_or("none");
    match (at_root, cur) {
        (false, Value::Array(items)) => {
            let names: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, it)| match it.get("name").and_then(Value::as_str) {
                    Some(n) => format!("{n} ({i})"),
                    None => i.to_string(),
                })
                .collect();
            let arms = walked == "arms";
            let by_name = if arms {
                " (address an arm by its name, `arms.<name>`: a position counts the baseline, which comes first)"
            } else {
                ""
            };
            let entries = names.join(", ");
            Unresolved::new(
                format!(
                    "{where_} has no entry `{part}`; its entries are {entries}{by_name}{did_you_mean}"
                ),
                "no-entry",
                &[
                    ("top", top),
                    ("walked", walked),
                    ("part", part),
                    ("entries", &entries),
                    ("arms", if arms { "yes" } else { "no" }),
                    ("suggest", suggest),
                ],
            )
        }
        _ => Unresolved::new(
            format!("{where_} has no key `{part}`{did_you_mean}"),
            "no-key",
            &[
                ("top", top),
                ("walked", walked),
                ("part", part),
                ("suggest", suggest),
            ],
        ),
    }
}

/// The numeric parameter a mistyped key most likely meant: the closest full path, or one
/// whose last part is the key's last part (a missing section).
pub fn suggest(root: &Table, key: &str) -> Option<String> {
    let mut leaves = Vec::new();
    collect_leaves(&Value::Table(root.clone()), String::new(), &mut leaves);
    let best = leaves
        .iter()
        .map(|l| (edit_distance(key, l), l))
        .filter(|(d, l)| *d <= 2usize.max(l.len() / 6))
        .min();
    if let Some((_, l)) = best {
        return Some(l.clone());
    }
    let last = key.rsplit('.').next().unwrap_or(key);
    let same: Vec<&String> = leaves
        .iter()
        .filter(|l| l.rsplit('.').next() == Some(last))
        .collect();
    match same.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// Every numeric leaf's path, with arms addressed by name.
fn collect_leaves(v: &Value, prefix: String, out: &mut Vec<String>) {
    match v {
        Value::Integer(_) | Value::Float(_) if !prefix.is_empty() => out.push(prefix),
        v if text_days(prefix.rsplit('.').next().unwrap_or(""), v).is_some() => out.push(prefix),
        Value::Table(t) => {
            for (k, v) in t {
                if prefix.is_empty() && NOT_SWEEPABLE.iter().any(|(n, _)| n == k) {
                    continue;
                }
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                collect_leaves(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, it) in items.iter().enumerate() {
                let name = it
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| i.to_string());
                collect_leaves(it, format!("{prefix}.{name}"), out);
            }
        }
        _ => {}
    }
}

/// The number at `t` in the tree (what a calibration's report shows as the value before
/// calibration); `None` where the path holds no number.
pub fn get(root: &Table, t: &Target) -> Option<f64> {
    let (Seg::Key(first), rest) = t.segs.split_first()? else {
        return None;
    };
    let mut cur = root.get(first.as_str())?;
    for seg in rest {
        cur = match (seg, cur) {
            (Seg::Key(k), Value::Table(tab)) => tab.get(k.as_str())?,
            (Seg::Index(i), Value::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    let last = match t.segs.last() {
        Some(Seg::Key(k)) => k.as_str(),
        _ => "",
    };
    match cur {
        Value::Float(x) => Some(*x),
        Value::Integer(i) => Some(*i as f64),
        v => text_days(last, v).map(|d| d as f64),
    }
}

/// Why [`set`] cannot write a value: a key resolved against the base scenario no longer
/// fits the tree, or the value is not one the parameter takes. Rare (resolving and the
/// design rule most of it out), but said as data so the user reads it in their language.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SetError {
    #[error("empty key path")]
    EmptyPath,
    #[error("no level {0}")]
    NoLevel(f64),
    #[error("no key `{0}`")]
    NoKey(String),
    #[error("no entry {0}")]
    NoEntry(usize),
    #[error("the key path does not match the scenario")]
    PathMismatch,
    #[error("no level {value} among the {levels} values")]
    NoLevelAmong { value: f64, levels: usize },
    #[error("{0} is not a whole number")]
    NotWhole(f64),
}

impl SetError {
    /// Its words in the catalogue (`expected-takes-<reason>`, `hint-takes-<reason>`) and the
    /// values they name.
    pub fn said(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            SetError::EmptyPath => ("takes-empty-path", vec![]),
            SetError::NoLevel(v) => ("takes-no-level", vec![("value", v.to_string())]),
            SetError::NoKey(k) => ("takes-no-key", vec![("key", k.clone())]),
            SetError::NoEntry(i) => ("takes-no-entry", vec![("index", i.to_string())]),
            SetError::PathMismatch => ("takes-path-mismatch", vec![]),
            SetError::NoLevelAmong { value, levels } => (
                "takes-no-level-among",
                vec![("value", value.to_string()), ("levels", levels.to_string())],
            ),
            SetError::NotWhole(v) => ("takes-not-whole", vec![("value", v.to_string())]),
        }
    }
}

/// Callers that only pass the reason on keep it in English (a calibration's simulations).
impl From<SetError> for String {
    fn from(e: SetError) -> String {
        e.to_string()
    }
}

/// Writes `v` at `t` in the tree. Whole-number parameters get an integer (the design makes
/// sure `v` is whole for them).
pub fn set(root: &mut Table, t: &Target, v: f64) -> Result<(), SetError> {
    let Some((Seg::Key(first), rest)) = t.segs.split_first() else {
        return Err(SetError::EmptyPath);
    };
    if rest.is_empty() && t.levels.is_some() && PRESET_KEYS.contains(&first.as_str()) {
        let level = t.level(v).ok_or(SetError::NoLevel(v))?;
        root.insert(first.clone(), level.clone());
        return Ok(());
    }
    let mut cur = root
        .get_mut(first.as_str())
        .ok_or_else(|| SetError::NoKey(first.clone()))?;
    for seg in rest {
        cur = match (seg, cur) {
            (Seg::Key(k), Value::Table(tab)) => tab
                .get_mut(k.as_str())
                .ok_or_else(|| SetError::NoKey(k.clone()))?,
            (Seg::Index(i), Value::Array(items)) => {
                items.get_mut(*i).ok_or(SetError::NoEntry(*i))?
            }
            _ => return Err(SetError::PathMismatch),
        };
    }
    if let Some(levels) = &t.levels {
        let level = t.level(v).ok_or(SetError::NoLevelAmong {
            value: v,
            levels: levels.len(),
        })?;
        *cur = level.clone();
        return Ok(());
    }
    *cur = if t.integer {
        if v.fract() != 0.0 || !(-9.0e15..=9.0e15).contains(&v) {
            return Err(SetError::NotWhole(v));
        }
        Value::Integer(v as i64)
    } else {
        Value::Float(v)
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::scenario::Scenario;

    fn tree() -> Table {
        Table::try_from(Scenario::embedded_default()).unwrap()
    }

    #[test]
    fn a_day_field_written_in_months_is_a_whole_number_of_days() {
        let s = Scenario::parse(
            "name = \"m\"\n[[arms]]\nname = \"c\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = \"6 months\"\nduration = \"2 weeks\"\n",
            "m",
        )
        .unwrap();
        let mut t = Table::try_from(s).unwrap();
        let start = resolve(&t, "arms.c.interventions.0.start").unwrap();
        assert!(start.integer);
        assert_eq!(get(&t, &start), Some(125.0));
        set(&mut t, &start, 130.0).unwrap();
        assert_eq!(get(&t, &start), Some(130.0));
        let duration = resolve(&t, "arms.c.interventions.0.duration").unwrap();
        assert_eq!(get(&t, &duration), Some(10.0));
        assert_eq!(
            suggest(&t, "arms.c.interventions.0.duraton").as_deref(),
            Some("arms.c.interventions.0.duration")
        );
    }

    #[test]
    fn get_reads_back_what_set_wrote() {
        let mut t = tree();
        let a = resolve(&t, "managers.role_model_mean").unwrap();
        set(&mut t, &a, 0.625).unwrap();
        assert_eq!(get(&t, &a), Some(0.625));
        let b = resolve(&t, "arms.coaching.interventions.0.interval").unwrap();
        set(&mut t, &b, 7.0).unwrap();
        assert_eq!(get(&t, &b), Some(7.0));
    }

    #[test]
    fn resolves_sections_arms_by_name_and_by_index() {
        let t = tree();
        let a = resolve(&t, "managers.role_model_mean").unwrap();
        assert!(!a.integer);
        let b = resolve(&t, "organisation.team_size").unwrap();
        assert!(b.integer);
        let c = resolve(&t, "arms.coaching.interventions.0.interval").unwrap();
        let d = resolve(&t, "arms[2].interventions[0].interval").unwrap();
        assert_eq!(c, d);
        assert!(c.integer);
        assert!(resolve(&t, "horizon_days").unwrap().integer);
    }

    #[test]
    fn refuses_unknown_and_non_numeric_keys_with_a_suggestion() {
        let t = tree();
        let e = resolve(&t, "managers.role_model_men").unwrap_err().text;
        assert!(e.contains("did you mean `managers.role_model_mean`"), "{e}");
        let e = resolve(&t, "role_model_mean").unwrap_err().text;
        assert!(e.contains("did you mean `managers.role_model_mean`"), "{e}");
        let e = resolve(&t, "organisation.definition").unwrap_err().text;
        assert!(e.contains("section"), "{e}");
        let e = resolve(&t, "arms.coaching.interventions.0.kind")
            .unwrap_err()
            .text;
        assert!(e.contains("text"), "{e}");
        let e = resolve(&t, "arms.nope.interventions.0.interval")
            .unwrap_err()
            .text;
        assert!(e.contains("coaching (2)"), "{e}");
        let e = resolve(&t, "replications").unwrap_err().text;
        assert!(e.contains("cannot be swept"), "{e}");
    }

    #[test]
    fn set_keeps_integers_integer_and_round_trips_through_the_scenario() {
        let mut t = tree();
        let a = resolve(&t, "managers.role_model_mean").unwrap();
        let b = resolve(&t, "organisation.team_size").unwrap();
        set(&mut t, &a, 0.3).unwrap();
        set(&mut t, &b, 20.0).unwrap();
        assert!(set(&mut t, &b, 2.5).is_err());
        let s: Scenario = t.try_into().unwrap();
        assert_eq!(s.managers.role_model_mean, 0.3);
        assert_eq!(s.organisation.team_size, 20);
        // Nothing else moved.
        let mut want = Scenario::embedded_default();
        want.managers.role_model_mean = 0.3;
        want.organisation.team_size = 20;
        assert_eq!(s, want);
    }
}
