//! The report, the one-page summary and the printed table in every language (issue 20): in
//! the pseudo-language no word a person reads is left plain, so none bypassed the catalogue;
//! in Dutch the numbers are written the Dutch way and a censored half-life is "meer dan"; in
//! English the library writes what `run` wrote before languages existed (the other tests pin
//! those bytes).
//!
//! The charts' own lettering is the plot module's and is checked there: the SVG is left out
//! here.

use std::path::{Path, PathBuf};
use std::process::Command;

use undercurrent::report::{html, summary};
use undercurrent::text::{plain_words, Lang};

/// Coaching to ten days before the end (its half-life cannot be seen to end) and a
/// one-off training: three replications, small enough for seconds.
const SCENARIO: &str = r#"
name = "censored"
seed = 7
replications = 3
horizon_days = 300
burn_in_days = 50
[organisation]
employees = 80
team_size = 8
[[arms]]
name = "coaching"
[[arms.interventions]]
kind = "coaching"
start = 20
duration = 270
interval = 10
cost_per_person = 100.0
[[arms]]
name = "training_only"
[[arms.interventions]]
kind = "training"
start = 20
duration = 2
cost_per_person = 300.0
"#;

/// Runs the scenario once with `--lang` (and the report), returning its directory and what
/// it printed.
fn run(name: &str, lang: &str) -> (PathBuf, String) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("scenario.toml");
    std::fs::write(&file, SCENARIO).unwrap();
    let out = dir.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--lang", lang])
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (out, String::from_utf8(o.stdout).unwrap())
}

/// Removes every `<tag ...>...</tag>` element (its content too).
fn drop_elements(html: &str, tag: &str) -> String {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        out.push_str(&rest[..i]);
        match rest[i..].find(&close) {
            Some(j) => rest = &rest[i + j + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a reader sees of a page: no style, script or chart, no tag or attribute, entities
/// decoded. A `<details>` keeps its `<summary>` line: the rest of it is the table of every
/// parameter by its TOML key, identifiers by design.
fn visible(html: &str) -> String {
    let mut page = html.to_string();
    for tag in ["style", "script", "svg", "code"] {
        page = drop_elements(&page, tag);
    }
    let page = page
        .split("<details>")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                return part.to_string();
            }
            let summary_end = part.find("</summary>").map_or(0, |j| j + 10);
            let after = part.find("</details>").map_or(part.len(), |j| j + 10);
            format!("{} {}", &part[..summary_end], &part[after..])
        })
        .collect::<String>();
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Words that are names, not text: the scenario's name, the tool, file names and the
/// command line and build that made the run, as the manifest records them.
fn identifiers(dir: &Path) -> Vec<String> {
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let mut words: Vec<String> = ["censored", "undercurrent", "NA", "NPS", "csv", "html"]
        .map(String::from)
        .to_vec();
    for field in ["command", "tool", "version", "git_commit", "finished"] {
        if let Some(s) = m.get(field).and_then(serde_json::Value::as_str) {
            words.extend(
                s.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(String::from),
            );
        }
    }
    // The files the run wrote, by name (`durability.csv`).
    if let Some(files) = m.get("files").and_then(serde_json::Value::as_array) {
        for f in files.iter().filter_map(serde_json::Value::as_str) {
            words.extend(f.split('.').map(String::from));
        }
    }
    words
}

fn plain(text: &str, dir: &Path) -> Vec<String> {
    let allowed = identifiers(dir);
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    plain_words(text, &allowed)
}

#[test]
fn in_the_pseudo_language_no_word_of_the_summary_report_or_table_bypasses_the_catalogue() {
    let (dir, printed) = run("report_languages_pseudo", "qps");
    let table = printed
        .lines()
        .filter(|l| !l.contains("manifest.json"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!table.trim().is_empty());
    assert_eq!(plain(&table, &dir), Vec::<String>::new(), "{table}");
    for (what, page) in [
        (
            "summary",
            summary::render_summary(Lang::Pseudo, &dir).unwrap(),
        ),
        ("report", html::render_report(Lang::Pseudo, &dir).unwrap()),
    ] {
        assert!(page.contains("<html lang=\"qps\">"), "{what}");
        let text = visible(&page);
        assert_eq!(plain(&text, &dir), Vec::<String>::new(), "{what}: {text}");
    }
}

#[test]
fn in_dutch_numbers_have_a_decimal_comma_and_an_unended_half_life_is_meer_dan() {
    let (dir, printed) = run("report_languages_nl", "nl");
    let page = summary::render_summary(Lang::Nl, &dir).unwrap();
    assert!(page.contains("<html lang=\"nl\">"));
    let text = visible(&page);
    // The coaching runs to ten days before the end: its half-life is "more than" half a month.
    assert!(text.contains("meer dan 0,"), "{text}");
    assert!(text.contains("maanden"), "{text}");
    assert!(!text.contains("more than"), "{text}");
    assert!(text.contains("herhalingen per programma"), "{text}");
    // The file the run wrote in Dutch is this page.
    assert_eq!(
        std::fs::read_to_string(dir.join("summary.html")).unwrap(),
        page
    );
    let report = html::render_report(Lang::Nl, &dir).unwrap();
    assert!(report.contains("<html lang=\"nl\">"));
    assert!(visible(&report).contains("Wat de cijfers zeggen"));
    assert!(printed.contains("halfwaardetijd"), "{printed}");
    assert!(printed.contains("meer dan 0,"), "{printed}");
    assert!(
        printed.contains("95%-betrouwbaarheidsinterval"),
        "{printed}"
    );
}

#[test]
fn in_english_the_library_writes_what_the_run_wrote() {
    let (dir, printed) = run("report_languages_en", "en");
    assert_eq!(
        std::fs::read_to_string(dir.join("summary.html")).unwrap(),
        summary::render_summary(Lang::En, &dir).unwrap()
    );
    let report = html::render_report(Lang::En, &dir).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(
        std::fs::read_to_string(dir.join("report.html")).unwrap(),
        report
    );
    assert!(printed.contains("more than 0."), "{printed}");
    assert!(printed.contains("95% confidence interval"), "{printed}");
}
