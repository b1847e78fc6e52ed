//! `POST /api/import`: a scenario file opened in the page, so that a scenario written for
//! `undercurrent run` (or exported earlier) can be shown and changed live.
//!
//! The file is checked exactly as `run` checks it, so its errors name the file, line,
//! column and key; then it is held to the explorer's limits. The answer is the file's own
//! table as JSON (what the form edits and `/api/run` takes), not the resolved scenario:
//! keys the file leaves out keep following the presets and defaults.

use serde::Deserialize;
use serde_json::{json, Value as Json};

use super::http::ApiError;
use super::request::{from_json, refused_why, scenario_error, Limits, REFUSED_KEYS};
use crate::experiment::scenario::Scenario;
use undercurrent_text::{tr, Lang};

/// The page sends the file's name (for messages) and its text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportBody {
    #[serde(default)]
    name: Option<String>,
    toml: String,
}

/// The longest file name echoed in messages.
const MAX_NAME_CHARS: usize = 80;

/// Parses an import request: `{"name": "file.toml", "toml": "..."}` →
/// `{"scenario": {...}, "notes": [...]}`.
pub fn import(body: &[u8], limits: &Limits, lang: Lang) -> Result<Json, ApiError> {
    let req: ImportBody = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(tr!(lang, "serve-error-import-body", reason = e.to_string()))
    })?;
    let origin = display_name(req.name.as_deref());
    let table = toml::from_str::<toml::Table>(&req.toml);
    if table.as_ref().is_ok_and(|t| t.contains_key("sweep")) {
        return Err(ApiError::unprocessable(tr!(
            lang,
            "serve-error-import-sweep",
            origin = origin.clone()
        )));
    }
    // The scenario parser also locates syntax errors, with line and column.
    Scenario::parse(&req.toml, &origin).map_err(|e| scenario_error(e, true))?;
    let mut table = table.map_err(|_| ApiError::internal("reading the scenario file"))?;
    let mut notes = Vec::new();
    for key in REFUSED_KEYS {
        if table.remove(key).is_some() {
            let why = refused_why(lang, key);
            notes.push(tr!(
                lang,
                "serve-note-left-out",
                key = key,
                origin = origin.clone(),
                why = why
            ));
        }
    }
    let scenario = serde_json::to_value(&table)
        .map_err(|_| ApiError::internal("turning the scenario into JSON"))?;
    from_json(scenario.clone(), limits, lang).map_err(|e| ApiError {
        message: format!("{origin}: {}", e.message),
        ..e
    })?;
    Ok(json!({ "name": origin, "scenario": scenario, "notes": notes }))
}

/// The file's name as given, without directories, for messages (never used as a path).
fn display_name(name: Option<&str>) -> String {
    let base = name
        .and_then(|n| n.rsplit(['/', '\\']).next())
        .map(|n| {
            n.chars()
                .filter(|c| !c.is_control())
                .take(MAX_NAME_CHARS)
                .collect::<String>()
        })
        .unwrap_or_default();
    if base.trim().is_empty() {
        "scenario.toml".to_string()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(name: &str, toml: &str) -> Vec<u8> {
        json!({"name": name, "toml": toml}).to_string().into_bytes()
    }

    #[test]
    fn a_scenario_file_comes_back_as_the_table_the_form_edits() {
        let toml = "name = \"mine\"\nsector = \"retail\"\n[[arms]]\nname = \"c\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 20\nduration = 60\ntarget = \"teams\"\nteams = [0, 2]\n";
        let r = import(&body("dir/mine.toml", toml), &Limits::default(), Lang::En).unwrap();
        assert_eq!(r["name"], "mine.toml");
        assert_eq!(r["scenario"]["sector"], "retail");
        assert_eq!(
            r["scenario"]["arms"][0]["interventions"][0]["teams"],
            json!([0, 2])
        );
        assert!(
            r["scenario"].get("replications").is_none(),
            "defaults are not filled in"
        );
    }

    #[test]
    fn errors_name_the_file_line_column_and_key() {
        let e = import(
            &body("x.toml", "[organisation]\nteam_size = 0\n"),
            &Limits::default(),
            Lang::En,
        )
        .unwrap_err();
        assert_eq!(e.status, 422);
        assert!(e.message.starts_with("x.toml:2:"), "{}", e.message);
        assert!(
            e.message.contains("organisation.team_size"),
            "{}",
            e.message
        );
        assert_eq!(e.keys, vec!["organisation.team_size".to_string()]);

        let e = import(&body("y.toml", "name = \n"), &Limits::default(), Lang::En).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e.message.starts_with("y.toml:1:"), "{}", e.message);

        let e = import(
            &body("s.toml", "[sweep]\ndesign = \"grid\"\n"),
            &Limits::default(),
            Lang::En,
        )
        .unwrap_err();
        assert!(e.message.contains("experiment file"), "{}", e.message);

        let e = import(
            &body("big.toml", "[organisation]\nemployees = 100000\n"),
            &Limits::default(),
            Lang::En,
        )
        .unwrap_err();
        assert!(e.message.starts_with("big.toml: "), "{}", e.message);
        assert!(e.message.contains("at most 20000"), "{}", e.message);

        let e = import(b"{\"toml\": 3}", &Limits::default(), Lang::En).unwrap_err();
        assert_eq!(e.status, 400);
    }

    #[test]
    fn file_only_keys_are_left_out_with_a_note() {
        let r = import(
            &body("f.toml", "per_replication = \"on\"\nreplications = 3\n"),
            &Limits::default(),
            Lang::En,
        )
        .unwrap();
        assert!(r["scenario"].get("per_replication").is_none());
        assert_eq!(r["scenario"]["replications"], 3);
        assert!(r["notes"][0].as_str().unwrap().contains("per_replication"));
    }

    #[test]
    fn a_file_name_is_only_shown_never_used_as_a_path() {
        assert_eq!(display_name(Some("../../etc/passwd")), "passwd");
        assert_eq!(display_name(Some("C:\\x\\a.toml")), "a.toml");
        assert_eq!(display_name(Some("")), "scenario.toml");
        assert_eq!(display_name(None), "scenario.toml");
    }
}
