//! What `GET /api/meta` says about the model's parameters: the registry, so that the form
//! takes its bounds, defaults, units and meanings from the declarations and holds no copy.

use serde_json::{json, Value as Json};
use undercurrent_text::{term, Lang};

use crate::model::drives::{DriveTable, DRIVE_NAMES, FACET_NAMES};
use crate::model::registry::{self, ParamSpec, Value};

/// `"parameters"`: one entry per parameter, in declaration order, its meaning and unit in
/// `lang` (Dutch from `locales/nl/terms-param.ftl`: the meaning under the key, the unit
/// under `unit.<unit>`).
pub fn parameters(lang: Lang) -> Json {
    Json::Array(
        registry::parameters()
            .iter()
            .map(|p| parameter(p, lang))
            .collect(),
    )
}

/// The words of the `param` family of terms: each parameter's meaning under its key, each
/// unit under `unit.<unit>`, each drive under `drive.<name>`.
pub fn param_terms() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in registry::parameters() {
        out.push((p.key.to_string(), p.meaning.to_string()));
        out.push((format!("unit.{}", p.unit), p.unit.to_string()));
    }
    for d in DRIVE_NAMES {
        out.push((format!("drive.{d}"), d.to_string()));
    }
    out.sort();
    out.dedup();
    out
}

fn parameter(p: &ParamSpec, lang: Lang) -> Json {
    let b = p.bounds();
    json!({
        "key": p.key,
        "section": p.section(),
        "name": p.name(),
        "default": default(p.default_value()),
        "min": b.map(|b| b.min),
        "max": b.map(|b| b.max),
        "min_open": b.is_some_and(|b| b.min_open),
        "max_open": b.is_some_and(|b| b.max_open),
        "whole": p.is_whole(),
        "allowed": p.rule.allowed(),
        "unit": term(lang, "param", &format!("unit.{}", p.unit), p.unit),
        "symbol": p.symbol,
        "meaning": term(lang, "param", p.key, p.meaning),
        "source": p.source,
    })
}

/// A default as the form writes the value: a number, shares by name, or null when absent.
fn default(v: Value) -> Json {
    let named = |names: &[&str], xs: &[f64]| {
        Json::Object(
            names
                .iter()
                .zip(xs)
                .map(|(n, x)| (n.to_string(), json!(x)))
                .collect(),
        )
    };
    match v {
        Value::Real(x) => json!(x),
        Value::Whole(n) => json!(n),
        Value::Mix(m) => named(&DRIVE_NAMES, &m),
        Value::Lens(l) => named(&FACET_NAMES, &l),
        Value::Absent => Json::Null,
        Value::Table => serde_json::to_value(DriveTable::default()).unwrap_or(Json::Null),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_served_with_its_bounds_unit_and_meaning() {
        let j = parameters(Lang::En);
        let all = j.as_array().unwrap();
        assert_eq!(all.len(), registry::parameters().len());
        let facilities = all
            .iter()
            .find(|p| p["key"] == "organisation.facilities")
            .unwrap();
        assert_eq!(facilities["default"], json!(0.6));
        assert_eq!(facilities["min"], json!(0.0));
        assert_eq!(facilities["max"], json!(1.0));
        let mean = all
            .iter()
            .find(|p| p["key"] == "managers.role_model_mean")
            .unwrap();
        assert_eq!(mean["min_open"], json!(true));
        for p in all {
            assert!(p["unit"].as_str().is_some_and(|u| !u.is_empty()), "{p}");
            assert!(p["meaning"].as_str().is_some_and(|u| !u.is_empty()), "{p}");
        }
    }

    #[test]
    fn every_parameter_unit_and_drive_has_a_dutch_term() {
        let missing: Vec<String> = param_terms()
            .into_iter()
            .filter(|(key, _)| {
                !undercurrent_text::has(Lang::Nl, &undercurrent_text::term_id("param", key))
            })
            .map(|(key, english)| {
                format!("{} = {english}", undercurrent_text::term_id("param", &key))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "add to locales/nl/terms-param.ftl:\n{}",
            missing.join("\n")
        );
    }
}
