//! The parameter registry agrees with the parameters, their checks and their documentation.
//!
//! `UPDATE_DOCS=1 cargo test --release --test parameters` rewrites the parameter tables of
//! `docs/model.md` from the registry.

use std::collections::BTreeSet;
use std::path::PathBuf;

use undercurrent::model::params::Params;
use undercurrent::model::registry::{self, Rule, Value};
use undercurrent::model::validate::{Check, Problem};

fn problems(p: &Params) -> Vec<Problem> {
    let mut c = Check::default();
    p.check(&mut c);
    c.problems
}

#[test]
fn every_parameter_has_a_unit_a_meaning_a_source_and_a_default_within_its_bounds() {
    for p in registry::parameters() {
        assert!(!p.unit.is_empty(), "{}: no unit", p.key);
        assert!(!p.meaning.is_empty(), "{}: no meaning", p.key);
        assert!(!p.source.is_empty(), "{}: no source", p.key);
        assert!(!p.topic.is_empty(), "{}: no docs section", p.key);
        assert!(!p.rule.allowed().is_empty(), "{}: no allowed values", p.key);
        let d = p.default_value();
        match (p.bounds(), d.as_f64()) {
            (Some(b), Some(x)) => assert!(b.contains(x), "{}: default {x} outside {b}", p.key),
            (None, None) => {}
            // An optional value (what a customer is worth) is absent unless a file gives it.
            (Some(_), None) if d == Value::Absent => {}
            (b, x) => panic!("{}: bounds {b:?} but default {x:?}", p.key),
        }
        if p.is_whole() {
            assert!(
                matches!(d, Value::Whole(_)),
                "{}: whole rule on {d:?}",
                p.key
            );
        }
    }
}

#[test]
fn the_default_parameters_pass_every_check() {
    assert_eq!(problems(&Params::default()), vec![]);
}

#[test]
fn registry_keys_are_the_serialised_field_names_in_order() {
    let tree = serde_json::to_value(Params::default()).unwrap();
    let mut serialised = Vec::new();
    for (section, fields) in tree.as_object().unwrap() {
        if section == "drives" {
            // The drive table is one entry of the registry, checked row by row.
            serialised.push(section.clone());
            continue;
        }
        for field in fields.as_object().unwrap().keys() {
            serialised.push(format!("{section}.{field}"));
        }
    }
    let keys: Vec<String> = registry::parameters()
        .iter()
        .map(|p| p.key.to_string())
        .collect();
    // serde_json's map keeps keys sorted; compare as sets, then the order per section below.
    let a: BTreeSet<_> = serialised.iter().collect();
    let b: BTreeSet<_> = keys.iter().collect();
    assert_eq!(a, b);
    assert_eq!(keys.len(), b.len(), "a key is declared twice");
    let toml = toml::to_string(&Params::default()).unwrap();
    let mut order = Vec::new();
    let mut section = String::new();
    for line in toml.lines() {
        if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = s.to_string();
        } else if let Some((k, _)) = line.split_once(" = ") {
            if !section.starts_with("drives") && !section.contains('.') {
                order.push(format!("{section}.{k}"));
            }
        }
    }
    let declared: Vec<&String> = keys.iter().filter(|k| order.contains(k)).collect();
    let written: Vec<&String> = order.iter().collect();
    assert_eq!(declared, written, "registry order differs from field order");
}

#[test]
fn every_preset_key_is_a_parameter() {
    use undercurrent::model::presets::{Maturity, Sector};
    let sectors = [
        Sector::Retail,
        Sector::Transport,
        Sector::Hospitality,
        Sector::Government,
        Sector::BusinessServices,
    ];
    let phases = [
        Maturity::Ignore,
        Maturity::Initiate,
        Maturity::Mobilise,
        Maturity::Transform,
    ];
    let keys = sectors
        .iter()
        .flat_map(|s| s.values())
        .chain(phases.iter().flat_map(|m| m.values()));
    for (k, v) in keys {
        registry::set(&mut Params::default(), k, *v).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The message each rule answers a value outside its range with.
fn expected(rule: &Rule) -> String {
    match *rule {
        Rule::Range(lo, hi) => format!("a number in [{lo}, {hi}]"),
        Rule::Unit => "a number in [0, 1]".into(),
        Rule::OpenUnit => "a number strictly between 0 and 1".into(),
        Rule::Rate => "a daily rate in [0, 1]".into(),
        Rule::Positive => "a positive number (at most 1e9)".into(),
        Rule::Whole(lo, hi) => format!("a whole number in [{lo}, {hi}]"),
        Rule::Custom(_) => unreachable!(),
    }
}

#[test]
fn a_value_outside_its_range_is_named_by_key_and_range() {
    for spec in registry::parameters() {
        let Some(b) = spec.bounds() else { continue };
        let outside = [b.min - 1.0, b.max + 1.0, b.min, b.max]
            .into_iter()
            .filter(|x| !b.contains(*x));
        for x in outside {
            let mut p = Params::default();
            let v = if spec.is_whole() {
                if x < 0.0 {
                    continue;
                }
                Value::Whole(x as u64)
            } else {
                Value::Real(x)
            };
            assert!((spec.set)(&mut p, v), "{}: cannot set {v:?}", spec.key);
            let found = problems(&p);
            assert!(
                found
                    .iter()
                    .any(|q| q.key == spec.key && q.expected == expected(&spec.rule)),
                "{} = {x}: {found:?}",
                spec.key
            );
        }
    }
}

#[test]
fn a_value_at_a_closed_end_passes_its_own_rule() {
    for spec in registry::parameters() {
        let Some(b) = spec.bounds() else { continue };
        for x in [b.min, b.max].into_iter().filter(|x| b.contains(*x)) {
            let mut p = Params::default();
            let v = if spec.is_whole() {
                Value::Whole(x as u64)
            } else {
                Value::Real(x)
            };
            assert!((spec.set)(&mut p, v));
            let own = expected(&spec.rule);
            assert!(
                !problems(&p).iter().any(|q| q.expected == own),
                "{} = {x} refused",
                spec.key
            );
        }
    }
}

#[test]
fn a_compound_parameter_names_the_part_that_is_wrong() {
    let mut p = Params::default();
    p.organisation.drive_mix.blue = -1.0;
    p.organisation.definition.care = f64::NAN;
    p.drives.red.susceptibility_reward = 6.0;
    let keys: Vec<String> = problems(&p).into_iter().map(|q| q.key).collect();
    for k in [
        "organisation.drive_mix.blue",
        "organisation.definition.care",
        "drives.red.susceptibility_reward",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k} not in {keys:?}");
    }
}

const BEGIN: &str = "<!-- parameters ";
const END: &str = "<!-- end parameters -->";

#[test]
fn the_parameter_tables_of_the_model_description_are_the_registry() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/model.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = String::new();
    let mut rest = text.as_str();
    let mut topics = Vec::new();
    let mut stale = Vec::new();
    while let Some(i) = rest.find(BEGIN) {
        let line_end = i + rest[i..].find('\n').expect("marker line ends");
        let topic = rest[i + BEGIN.len()..line_end]
            .split(':')
            .next()
            .unwrap()
            .trim()
            .to_string();
        let end = line_end + rest[line_end..].find(END).expect("table has an end marker");
        let table = registry::markdown_table(&topic);
        if rest[line_end + 1..end] != table {
            stale.push(topic.clone());
        }
        out.push_str(&rest[..=line_end]);
        out.push_str(&table);
        rest = &rest[end..];
        topics.push(topic);
    }
    out.push_str(rest);
    assert_eq!(
        topics,
        registry::topics(),
        "every docs section with parameters has one generated table"
    );
    if stale.is_empty() {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, out).unwrap();
    } else {
        panic!(
            "the parameter tables of docs/model.md for sections {stale:?} differ from the declarations in src/model/params.rs; refresh them with UPDATE_DOCS=1 cargo test --release --test parameters"
        );
    }
}
