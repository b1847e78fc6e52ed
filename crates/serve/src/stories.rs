//! Ready-made stories, one per source article: scenario files in `experiments/explorer/`,
//! embedded in the binary. Being ordinary scenario files, each also runs as it is with
//! `undercurrent run experiments/explorer/<file>`, and the explorer fills its form from them.

use serde_json::{json, Value as Json};
use undercurrent_text::{has, text, Lang};

/// One story: the scenario file; its title, what a consultant says about it (what to point
/// at on the screen) and its programmes' descriptions are in the catalogue
/// (`locales/<lang>/stories.ftl`: `story-<id>-title`, `story-<id>-look`,
/// `story-<id>-arm-<arm>`).
pub struct Story {
    pub id: &'static str,
    pub article: &'static str,
    pub toml: &'static str,
}

impl Story {
    /// The catalogue id of one of the story's texts (`title`, `look`, `arm-<name>`).
    pub fn text_id(&self, what: &str) -> String {
        format!("story-{}-{what}", self.id.replace('_', "-"))
    }

    /// The story's title in `lang`.
    pub fn title(&self, lang: Lang) -> String {
        text(lang, &self.text_id("title"))
    }

    /// What to point at on the screen, in `lang`.
    pub fn look_for(&self, lang: Lang) -> String {
        text(lang, &self.text_id("look"))
    }
}

pub const STORIES: [Story; 5] = [
    Story {
        id: "000_training_vs_full_method",
        article: "000",
        toml: include_str!("../../../experiments/explorer/000_training_vs_full_method.toml"),
    },
    Story {
        id: "001_drive_mix_shared_definition",
        article: "001",
        toml: include_str!("../../../experiments/explorer/001_drive_mix_shared_definition.toml"),
    },
    Story {
        id: "002_role_models_by_sector",
        article: "002",
        toml: include_str!("../../../experiments/explorer/002_role_models_by_sector.toml"),
    },
    Story {
        id: "003_reinforcement_schedules",
        article: "003",
        toml: include_str!("../../../experiments/explorer/003_reinforcement_schedules.toml"),
    },
    Story {
        id: "004_sanctions_vs_learning",
        article: "004",
        toml: include_str!("../../../experiments/explorer/004_sanctions_vs_learning.toml"),
    },
];

/// A story's scenario as the JSON the explorer's form edits (and `/api/run` takes).
pub fn scenario_json(s: &Story) -> Result<Json, String> {
    let table: toml::Table = toml::from_str(s.toml).map_err(|e| format!("{}: {e}", s.id))?;
    serde_json::to_value(&table).map_err(|e| format!("{}: {e}", s.id))
}

/// The story's scenario with its programmes' descriptions in `lang` (English: the file's
/// own words, unchanged).
fn scenario_in(s: &Story, lang: Lang) -> Result<Json, String> {
    let mut j = scenario_json(s)?;
    if lang != Lang::En {
        for arm in j["arms"].as_array_mut().into_iter().flatten() {
            let name = arm["name"].as_str().unwrap_or_default().replace('_', "-");
            let id = s.text_id(&format!("arm-{name}"));
            if arm.get("description").is_some() && has(Lang::En, &id) {
                arm["description"] = Json::String(text(lang, &id));
            }
        }
    }
    Ok(j)
}

/// Every story for `/api/stories`, its words in `lang`.
pub fn all_json(lang: Lang) -> Result<Json, String> {
    let items = STORIES
        .iter()
        .map(|s| {
            Ok(json!({
                "id": s.id,
                "article": s.article,
                "title": s.title(lang),
                "look_for": s.look_for(lang),
                "scenario": scenario_in(s, lang)?,
            }))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Json::Array(items))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::scenario::Scenario;
    use crate::request::{from_json, Limits};

    #[test]
    fn every_story_is_a_valid_scenario_within_the_explorer_limits() {
        for s in &STORIES {
            Scenario::parse(s.toml, s.id).unwrap_or_else(|e| panic!("{e}"));
            let j = scenario_json(s).unwrap();
            let r = from_json(j, &Limits::default(), Lang::En)
                .unwrap_or_else(|e| panic!("{}: {}", s.id, e.message));
            assert!(
                r.scenario.arms.len() >= 3,
                "{}: a story compares at least two programmes",
                s.id
            );
        }
    }

    #[test]
    fn every_story_has_its_words_in_english_and_dutch() {
        for s in &STORIES {
            let mut ids = vec![s.text_id("title"), s.text_id("look")];
            for arm in scenario_json(s).unwrap()["arms"].as_array().unwrap() {
                if let Some(d) = arm["description"].as_str() {
                    let id = s.text_id(&format!(
                        "arm-{}",
                        arm["name"].as_str().unwrap().replace('_', "-")
                    ));
                    assert_eq!(
                        text(Lang::En, &id),
                        d,
                        "{id}: the English is the file's own"
                    );
                    ids.push(id);
                }
            }
            for id in ids {
                for lang in [Lang::En, Lang::Nl] {
                    assert!(has(lang, &id), "{id} missing in locales/{lang}/stories.ftl");
                }
            }
        }
    }
}
