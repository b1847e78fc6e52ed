//! `GET /api/meta`'s vocabulary sections, derived from the model's declarations so that the
//! page keeps no copy: `interventions` (every kind with its settings, defaults, bounds and
//! description, from `model::intervention_kinds`).

use serde_json::{json, Value as Json};

use crate::model::intervention_kinds::{KindDef, KINDS};

/// The `interventions` key: one entry per kind, in declaration order, each with the settings
/// it takes (the common ones, then its own), as the composer builds its fields from them.
pub fn interventions() -> Json {
    Json::Array(KINDS.iter().map(kind).collect())
}

fn kind(k: &KindDef) -> Json {
    json!({
        "name": k.name,
        "title": k.title,
        "description": k.description,
        "susceptibility": k.susceptibility.name(),
        "acts_on_managers": k.on_managers,
        "every_active_day": k.every_active_day,
        "typical": k.typical,
        "settings": k.settings().collect::<Vec<_>>(),
        "own_settings": k.own_settings.iter().map(|s| s.key).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::scenario::Scenario;

    #[test]
    fn every_kind_is_served_with_its_settings_and_a_typical_programme_that_parses() {
        let m = interventions();
        let kinds = m.as_array().unwrap();
        assert_eq!(kinds.len(), KINDS.len());
        let reinforcement = kinds.iter().find(|k| k["name"] == "reinforcement").unwrap();
        let keys: Vec<&str> = reinforcement["settings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["key"].as_str().unwrap())
            .collect();
        assert!(keys.contains(&"ratio") && keys.contains(&"intensity"));
        let intensity = &reinforcement["settings"][4];
        assert_eq!(intensity["key"], "intensity");
        assert_eq!(intensity["max"], 5.0);
        assert_eq!(intensity["default"], 1.0);
        for k in kinds {
            let name = k["name"].as_str().unwrap();
            let t = &k["typical"];
            let target = if k["acts_on_managers"] == true {
                "target = \"managers\"\n"
            } else {
                ""
            };
            let src = format!(
                "name = \"k\"\n[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"{name}\"\nstart = 10\nduration = {}\ninterval = {}\ncost_per_person = {}\n{target}",
                t["duration"], t["interval"], t["cost_per_person"]
            );
            Scenario::parse(&src, name).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
