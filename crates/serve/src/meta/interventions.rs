//! `GET /api/meta`'s vocabulary sections, derived from the model's declarations so that the
//! page keeps no copy: `interventions` (every kind with its settings, defaults, bounds and
//! description, from `model::intervention_kinds`).

use serde_json::{json, Value as Json};
use undercurrent_text::{term, Lang};

use crate::model::intervention_kinds::{KindDef, KINDS};

/// The `interventions` key: one entry per kind, in declaration order, each with the settings
/// it takes (the common ones, then its own), as the composer builds its fields from them.
/// Titles, descriptions, setting labels and meanings in `lang` (Dutch from
/// `locales/nl/terms-kind.ftl`; the English stays declared once in the registry).
pub fn interventions(lang: Lang) -> Json {
    Json::Array(KINDS.iter().map(|k| kind(k, lang)).collect())
}

/// The names of a kind's words in the `kind` family of terms: the kind itself, its
/// description (`<kind>.description`), a setting's label (`setting.<key>`) and meaning
/// (`setting.<key>.meaning`), a choice (`choice.<value>`) and a susceptibility
/// (`susceptibility.<name>`).
pub fn kind_terms() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for k in KINDS.iter() {
        out.push((k.name.to_string(), k.title.to_string()));
        out.push((format!("{}.description", k.name), k.description.to_string()));
        let sus = k.susceptibility.name();
        out.push((format!("susceptibility.{sus}"), sus.to_string()));
        for s in k.settings() {
            let j = serde_json::to_value(s).unwrap_or(Json::Null);
            let key = j["key"].as_str().unwrap_or_default();
            out.push((
                format!("setting.{key}"),
                j["label"].as_str().unwrap_or_default().to_string(),
            ));
            out.push((
                format!("setting.{key}.meaning"),
                j["meaning"].as_str().unwrap_or_default().to_string(),
            ));
            for c in j["choices"].as_array().into_iter().flatten() {
                let c = c.as_str().unwrap_or_default();
                out.push((format!("choice.{c}"), c.replace('_', " ")));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn kind(k: &KindDef, lang: Lang) -> Json {
    let settings: Vec<Json> = k
        .settings()
        .map(|s| {
            let mut j = serde_json::to_value(s).unwrap_or(Json::Null);
            let key = j["key"].as_str().unwrap_or_default().to_string();
            let label = j["label"].as_str().unwrap_or_default().to_string();
            let meaning = j["meaning"].as_str().unwrap_or_default().to_string();
            j["label"] = json!(term(lang, "kind", &format!("setting.{key}"), &label));
            j["meaning"] = json!(term(
                lang,
                "kind",
                &format!("setting.{key}.meaning"),
                &meaning
            ));
            let titles: serde_json::Map<String, Json> = j["choices"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .map(|c| {
                    let english = c.replace('_', " ");
                    (
                        c.to_string(),
                        json!(term(lang, "kind", &format!("choice.{c}"), &english)),
                    )
                })
                .collect();
            j["choice_titles"] = Json::Object(titles);
            j
        })
        .collect();
    let sus = k.susceptibility.name();
    json!({
        "name": k.name,
        "title": term(lang, "kind", k.name, k.title),
        "description": term(lang, "kind", &format!("{}.description", k.name), k.description),
        "susceptibility": sus,
        "susceptibility_title": term(lang, "kind", &format!("susceptibility.{sus}"), sus),
        "acts_on_managers": k.on_managers,
        "every_active_day": k.every_active_day,
        "typical": k.typical,
        "settings": settings,
        "own_settings": k.own_settings.iter().map(|s| s.key).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::scenario::Scenario;

    #[test]
    fn every_kind_is_served_with_its_settings_and_a_typical_programme_that_parses() {
        let m = interventions(Lang::En);
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

    #[test]
    fn every_kind_its_settings_and_choices_have_a_dutch_term() {
        let missing: Vec<String> = kind_terms()
            .into_iter()
            .filter(|(key, _)| {
                !undercurrent_text::has(Lang::Nl, &undercurrent_text::term_id("kind", key))
            })
            .map(|(key, english)| {
                format!("{} = {english}", undercurrent_text::term_id("kind", &key))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "add to locales/nl/terms-kind.ftl:\n{}",
            missing.join("\n")
        );
    }
}
