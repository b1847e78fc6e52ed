//! The reading of `report.html` does not contradict itself (issue 19), on real runs of the
//! binary: (a) a scenario with one programme has no superlative; (b) article 004 (rules and
//! sanctions, fewer replications) leads with rule breaks and NPS, says a loss as a loss and
//! never lets a censored half-life fade fastest; (c) two arms identical but for their price are
//! about the same, and the cheaper buys the same for less. The rules themselves are unit-tested
//! in `crates/charts/src/report/reading.rs`; this checks that they hold end to end.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fresh(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `scenario` into a fresh directory and returns its `report.html`.
fn run(name: &str, scenario: &str) -> String {
    let dir = fresh(name);
    let file = dir.join("scenario.toml");
    std::fs::write(&file, scenario).unwrap();
    let out = dir.join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--out"])
        .arg(&out)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(out.join("report.html")).unwrap()
}

/// The reading's paragraphs: (heading, text), HTML entities for the apostrophe undone.
fn reading(html: &str) -> Vec<(String, String)> {
    let start = html.find("<div class=\"reading\">").expect("a reading");
    let body = &html[start..];
    let body = &body[..body.find("</div>").unwrap()];
    body.split("<h3>")
        .skip(1)
        .map(|p| {
            let (head, rest) = p.split_once("</h3>").unwrap();
            let text = rest
                .trim_start_matches("<p>")
                .trim_end_matches("</p>")
                .replace("&#39;", "'");
            (head.to_string(), text)
        })
        .collect()
}

/// The checks every reading passes, whatever its scenario.
fn no_contradiction(paragraphs: &[(String, String)]) {
    let all: String = paragraphs
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    // Signs in words: never "raises … by −0.001" or "lowers … by −".
    assert!(!all.contains("by \u{2212}"), "{all}");
    assert!(!all.contains("by -"), "{all}");
    // A half-life said both as a number and as "more than" for the same arm.
    for (head, text) in paragraphs {
        if text.contains("median half-life is more than") {
            assert!(!text.contains("halves in"), "{head}: {text}");
        }
    }
    // The arm said to fade fastest has a reached half-life.
    let comparison = &paragraphs[0].1;
    if let Some(i) = comparison.find(" fades fastest") {
        let before = &comparison[..i];
        let arm = &before[before.rfind("The gain of ").unwrap() + "The gain of ".len()..];
        let (_, text) = paragraphs
            .iter()
            .find(|(h, _)| h == arm)
            .expect("a paragraph for the fastest-fading arm");
        assert!(text.contains("halves in a median of"), "{arm}: {text}");
        assert!(!text.contains("more than"), "{arm}: {text}");
    }
    // An arm is never both the largest and "about the same" in one sentence.
    for s in all.split(". ") {
        assert!(
            !(s.contains("The largest") && s.contains("about the same")),
            "{s}"
        );
    }
}

const ORGANISATION: &str = r#"
seed = 19
replications = 4
horizon_days = 500
burn_in_days = 200
record_every = 5
[organisation]
employees = 120
team_size = 10
[[arms]]
name = "baseline"
"#;

#[test]
fn one_programme_has_no_superlative() {
    let scenario = format!(
        "name = \"one\"\n{ORGANISATION}\n[[arms]]\nname = \"coaching\"\n[[arms.interventions]]\nkind = \"coaching\"\nstart = 50\nduration = 120\ninterval = 10\ncost_per_person = 120.0\n"
    );
    let html = run("reading-one", &scenario);
    let p = reading(&html);
    no_contradiction(&p);
    assert_eq!(p[0].0, "Against the baseline", "{p:?}");
    let all = format!("{p:?}");
    for word in ["largest", "fastest", "fade", "most", "Only "] {
        assert!(!all.contains(word), "{word}: {all}");
    }
    assert!(
        all.contains("It raises visible customer-oriented behaviour B by"),
        "{all}"
    );
}

#[test]
fn article_004_leads_with_rule_breaks_and_nps() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("experiments/articles/004_rule_breaks.toml");
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("\nreplications = 20\n"));
    let html = run(
        "reading-004",
        &text.replace("\nreplications = 20\n", "\nreplications = 4\n"),
    );
    let p = reading(&html);
    no_contradiction(&p);
    let comparison = &p[0].1;
    assert!(
        comparison.starts_with("This scenario is about rule breaks and customers"),
        "{comparison}"
    );
    assert!(
        comparison.contains("Rule breaks: against baseline"),
        "{comparison}"
    );
    assert!(comparison.contains("Customers:"), "{comparison}");
    // The old contradictions: fading fastest beside a half-life not reached.
    assert!(!comparison.contains("fades fastest"), "{comparison}");
    let (_, sanctions) = p.iter().find(|(h, _)| h == "sanctions").unwrap();
    assert!(
        sanctions.starts_with("It lowers the cost of rule breaks by €"),
        "{sanctions}"
    );
    assert!(
        sanctions.contains("It lowers visible customer-oriented behaviour B"),
        "{sanctions}"
    );
    assert!(!sanctions.contains("raises visible"), "{sanctions}");
    assert!(sanctions.contains("points below baseline"), "{sanctions}");
    // The durability table's caption says what the scenario is about.
    let table = &html[html.find("<h2>Durability</h2>").unwrap()..];
    let caption = &table[..table.find("</p>").unwrap()];
    assert!(
        caption.contains("about rule breaks and customers"),
        "{caption}"
    );
}

#[test]
fn arms_differing_only_in_price_buy_the_same() {
    let arm = |name: &str, cost: f64| {
        format!("\n[[arms]]\nname = \"{name}\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 50\nduration = 2\ncost_per_person = {cost:.1}\n")
    };
    let scenario = format!(
        "name = \"price\"\n{ORGANISATION}{}{}",
        arm("training_dear", 300.0),
        arm("training_cheap", 200.0)
    );
    let html = run("reading-price", &scenario);
    let p = reading(&html);
    no_contradiction(&p);
    let comparison = &p[0].1;
    assert!(
        comparison.contains(
            "Training cheap buys the same as training dear for €24,000 less (€48,000 against €72,000)"
        ),
        "{comparison}"
    );
    assert!(!comparison.contains("The largest"), "{comparison}");
    assert!(!comparison.contains("fades fastest"), "{comparison}");
    assert!(comparison.contains("about the same"), "{comparison}");
}
