//! What a scenario says about itself (its description, its arms') in the reader's language.
//! A user's own words are shown as written: the tool cannot translate them. The tool's own
//! words come from the catalogue: the embedded default's descriptions
//! (`default-scenario.ftl`, the English there the file's word for word) and the description of
//! the baseline added when a scenario has none.

use std::sync::OnceLock;

use undercurrent_text::{text, tr, Lang};

use crate::experiment::scenario::{Scenario, ADDED_BASELINE_DESCRIPTION};

/// The embedded default, whose descriptions the catalogue knows.
fn default_scenario() -> &'static Scenario {
    static DEFAULT: OnceLock<Scenario> = OnceLock::new();
    DEFAULT.get_or_init(Scenario::embedded_default)
}

/// A scenario's description in `lang`: the default's in the catalogue's words, any other as
/// written.
pub fn scenario_description(lang: Lang, written: &str) -> String {
    if lang != Lang::En && written == default_scenario().description {
        text(lang, "default-description")
    } else {
        written.to_string()
    }
}

/// Arm `arm`'s description in `lang`: the added baseline's and the default's arms' in the
/// catalogue's words (only when the text is the default's, word for word), any other as
/// written.
pub fn arm_description(lang: Lang, arm: &str, written: &str) -> String {
    if arm == "baseline" && written == ADDED_BASELINE_DESCRIPTION {
        return tr!(lang, "report-added-baseline");
    }
    let is_default = default_scenario()
        .arms
        .iter()
        .any(|a| a.name == arm && a.description == written);
    if lang != Lang::En && is_default {
        text(lang, &format!("default-arm-{arm}"))
    } else {
        written.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogues_english_is_the_default_files_word_for_word() {
        let d = default_scenario();
        assert_eq!(text(Lang::En, "default-description"), d.description);
        for a in &d.arms {
            assert_eq!(
                text(Lang::En, &format!("default-arm-{}", a.name)),
                a.description
            );
        }
    }

    #[test]
    fn the_defaults_words_are_said_in_dutch_and_a_users_as_written() {
        let d = default_scenario();
        let coaching = &d
            .arms
            .iter()
            .find(|a| a.name == "coaching")
            .unwrap()
            .description;
        let nl = arm_description(Lang::Nl, "coaching", coaching);
        assert!(nl.contains("waterlijn"), "{nl}");
        assert_eq!(arm_description(Lang::En, "coaching", coaching), *coaching);
        assert!(scenario_description(Lang::Nl, &d.description).starts_with("Zes varianten"));
        // The same arm name with the user's own words: shown as written.
        let own = "onze eigen coaching";
        assert_eq!(arm_description(Lang::Nl, "coaching", own), own);
        assert_eq!(
            scenario_description(Lang::Nl, "mijn scenario"),
            "mijn scenario"
        );
    }
}
