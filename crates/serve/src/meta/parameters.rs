//! What `GET /api/meta` says about the model's parameters: the registry, so that the form
//! takes its bounds, defaults, units and meanings from the declarations and holds no copy.

use serde_json::{json, Value as Json};

use crate::model::drives::{DriveTable, DRIVE_NAMES, FACET_NAMES};
use crate::model::registry::{self, ParamSpec, Value};

/// `"parameters"`: one entry per parameter, in declaration order.
pub fn parameters() -> Json {
    Json::Array(registry::parameters().iter().map(parameter).collect())
}

fn parameter(p: &ParamSpec) -> Json {
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
        "unit": p.unit,
        "symbol": p.symbol,
        "meaning": p.meaning,
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
        let j = parameters();
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
}
