//! Ready-made stories, one per source article: scenario files in `experiments/explorer/`,
//! embedded in the binary. Being ordinary scenario files, each also runs as it is with
//! `undercurrent run experiments/explorer/<file>`, and the explorer fills its form from them.

use serde_json::{json, Value as Json};

/// One story: the scenario file and what a consultant says about it.
pub struct Story {
    pub id: &'static str,
    pub article: &'static str,
    pub title: &'static str,
    /// What to point at on the screen.
    pub look_for: &'static str,
    pub toml: &'static str,
}

pub const STORIES: [Story; 5] = [
    Story {
        id: "000_training_vs_full_method",
        article: "000",
        title: "Training alone vs the full method",
        look_for: "B rises within weeks after the training and falls back within months; the full method rises slowly, moves the norm N below the waterline and keeps most of its gain a year later (gain 12 months after, half-life).",
        toml: include_str!("../../../experiments/explorer/000_training_vs_full_method.toml"),
    },
    Story {
        id: "001_drive_mix_shared_definition",
        article: "001",
        title: "Drive mix, with and without a shared definition",
        look_for: "B, norms and habits are the same with and without the shared definition: it changes what employees do when they act customer-oriented, not how often. Customers notice: compare the NPS gain. The Drives tab shows which drives the coaching reaches; change the drive mix and run again.",
        toml: include_str!("../../../experiments/explorer/001_drive_mix_shared_definition.toml"),
    },
    Story {
        id: "002_role_models_by_sector",
        article: "002",
        title: "Role-model programme by sector and size",
        look_for: "In government few managers are role models; the programme lifts B and habits through what employees see of their manager, and sharing customer feedback adds to it through the norm N. Switch the sector (retail, hospitality) or the maturity phase, or change the size, and run again.",
        toml: include_str!("../../../experiments/explorer/002_role_models_by_sector.toml"),
    },
    Story {
        id: "003_reinforcement_schedules",
        article: "003",
        title: "Reinforcement: schedules, withdrawal, gaming",
        look_for: "Rewards lift B fast and it falls after they stop (extinction); rewards at random (variable ratio) fall more slowly; with gaming the rewards, and the cost, rise without the customers noticing (NPS).",
        toml: include_str!("../../../experiments/explorer/003_reinforcement_schedules.toml"),
    },
    Story {
        id: "004_sanctions_vs_learning",
        article: "004",
        title: "Sanctions vs reflection, practice and feedback culture",
        look_for: "Sanctions cut rule breaks only while enforced and erode the norm N; reflection, practising alternatives and a feedback culture give employees alternatives (P) and understanding (U) that last.",
        toml: include_str!("../../../experiments/explorer/004_sanctions_vs_learning.toml"),
    },
];

/// A story's scenario as the JSON the explorer's form edits (and `/api/run` takes).
pub fn scenario_json(s: &Story) -> Result<Json, String> {
    let table: toml::Table = toml::from_str(s.toml).map_err(|e| format!("{}: {e}", s.id))?;
    serde_json::to_value(&table).map_err(|e| format!("{}: {e}", s.id))
}

/// Every story for `/api/stories`.
pub fn all_json() -> Result<Json, String> {
    let items = STORIES
        .iter()
        .map(|s| {
            Ok(json!({
                "id": s.id,
                "article": s.article,
                "title": s.title,
                "look_for": s.look_for,
                "scenario": scenario_json(s)?,
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
            let r = from_json(j, &Limits::default())
                .unwrap_or_else(|e| panic!("{}: {}", s.id, e.message));
            assert!(
                r.scenario.arms.len() >= 3,
                "{}: a story compares at least two programmes",
                s.id
            );
        }
    }
}
