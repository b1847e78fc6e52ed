//! The explorer in a real browser: headless Chromium driven through chromedriver loads the
//! page, changes settings the way a consultant would (typing a coaching duration, an
//! intensity of zero, picking a story, opening a scenario file), and checks that the numbers and the charts change
//! in the expected direction; it downloads the report, summary and zip, reads the charts'
//! hover titles, and watches a large organisation answer first from one replication and
//! then refine. Screenshots go to `target/tmp/serve-e2e/`.
//!
//! Runs only with `UNDERCURRENT_E2E=1` (set by `.ci/run`, which installs `chromium` and
//! `chromium-driver`); without it the test says it is skipped, so a machine with only Rust
//! passes `cargo test`. With it and no browser the test fails.

mod serve_common;

use std::time::Duration;

use serde_json::{json, Value};
use serve_common::webdriver::Driver;
use serve_common::{fresh_dir, Server};

/// Long enough for a cold run of a story on a loaded two-core machine.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);

/// A client's scenario file: one programme reaching two of the ten teams, one reaching all
/// (its timing in weeks: the same 50 and 120 working days).
const CLIENT_TOML: &str = r#"name = "client"
replications = 10
[[arms]]
name = "two_teams_coached"
[[arms.interventions]]
kind = "coaching"
start = 50
duration = 120
interval = 10
target = "teams"
teams = [0, 2]
[[arms]]
name = "everyone_coached"
[[arms.interventions]]
kind = "coaching"
start = "10 weeks"
duration = "24 weeks"
interval = 10
"#;

/// Completed runs so far (the page counts them on `#status`).
fn runs(d: &Driver) -> u64 {
    d.exec(
        "return Number(document.getElementById('status').dataset.runs || 0);",
        json!([]),
    )
    .ok()
    .and_then(|v| v.as_u64())
    .unwrap_or(0)
}

/// Waits until a run after `before` has finished and nothing is pending.
fn wait_result(d: &Driver, before: u64) {
    d.wait_for(
        &format!(
            "return Number(document.getElementById('status').dataset.runs || 0) > {before} && document.body.dataset.busy === '0';"
        ),
        RUN_TIMEOUT,
    )
    .unwrap_or_else(|e| panic!("{e}; page status: {:?}", d.exec("return document.getElementById('status').textContent + ' | ' + document.getElementById('error').textContent;", json!([]))));
}

/// What the test reads off the page: the comparison table, arms and chart markup.
fn snapshot(d: &Driver) -> Value {
    d.exec(
        r#"
        const cell = (metric, arm) => {
          const td = document.querySelector(`#comparison tr[data-metric="${metric}"] td[data-arm="${arm}"]`);
          return td ? { mean: Number(td.dataset.mean), diff: td.dataset.diff === undefined ? null : Number(td.dataset.diff), text: td.textContent } : null;
        };
        const dur = (metric, arm) => {
          const td = document.querySelector(`#durability tr[data-metric="${metric}"] td[data-arm="${arm}"]`);
          return td && td.dataset.mean !== undefined ? Number(td.dataset.mean) : null;
        };
        const fig = document.querySelector('figure[data-stem="timeseries_B"] svg');
        return {
          cards: document.querySelectorAll('#headline .card').length,
          card_titles: [...document.querySelectorAll('#headline .card h3')].map(h => h.textContent),
          card_when: [...document.querySelectorAll('#headline .card .when')].map(p => p.textContent),
          b: cell('B', 1), n: cell('N', 1), nps: cell('nps', 1), rule_breaks: cell('rule_breaks_per_1000', 1),
          b_base: cell('B', 0),
          gamed3: cell('gamed_per_1000', 3), nps3: cell('nps', 3), b2: cell('B', 2),
          peak_gain_b: dur('peak_gain_B', 1),
          chart_b: fig ? fig.outerHTML : null,
          charts: document.querySelectorAll('#charts figure svg').length,
          error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent,
          status: document.getElementById('status').textContent,
        };
        "#,
        json!([]),
    )
    .expect("the page answers scripts")
}

fn num(v: &Value, path: &[&str]) -> f64 {
    let mut x = v;
    for p in path {
        x = &x[*p];
    }
    x.as_f64()
        .unwrap_or_else(|| panic!("{path:?} is not a number in {v}"))
}

#[test]
fn a_consultant_changes_settings_and_the_numbers_and_charts_follow() {
    if std::env::var("UNDERCURRENT_E2E").as_deref() != Ok("1") {
        println!("skipped: the browser test runs with UNDERCURRENT_E2E=1 (needs chromium and chromium-driver)");
        return;
    }
    let dir = fresh_dir("serve-e2e");
    let server = Server::start(&[]);
    let d = Driver::start(&dir.join("profile"), 1600, 2200)
        .unwrap_or_else(|e| panic!("UNDERCURRENT_E2E=1 but no browser: {e}"));
    d.goto(&server.url("/")).unwrap();

    // 1. The page runs the default programme (coaching) on load.
    wait_result(&d, 0);
    let first = snapshot(&d);
    assert_eq!(first["error"], Value::Null, "{first}");
    assert_eq!(first["cards"], 1, "{first}");
    assert!(num(&first, &["charts"]) >= 2.0, "{first}");
    let b1 = num(&first, &["b", "diff"]);
    assert!(b1 > 0.0, "coaching raises B over the baseline: {first}");
    let peak1 = num(&first, &["peak_gain_b"]);
    d.screenshot(&dir.join("1_default.png")).unwrap();

    // The take-away links download the report, the one-page summary and every file: the
    // very bytes the server gives for this answer (which tests/serve_api.rs compares with
    // `run`'s).
    let downloads = Driver::downloads(&dir.join("profile"));
    let id = d
        .exec("return lastResult.id;", json!([]))
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    for (file, saved) in [
        ("report.html", "explorer_report.html"),
        ("summary.html", "explorer_summary.html"),
        ("explorer.zip", "explorer.zip"),
    ] {
        let link = d
            .find(&format!("#downloads a[data-file='{file}']"))
            .unwrap();
        d.click(&link).unwrap();
        let path = downloads.join(saved);
        let t0 = std::time::Instant::now();
        while !path.is_file() && t0.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(100));
        }
        let got = std::fs::read(&path).unwrap_or_else(|e| panic!("{saved} downloaded: {e}"));
        let served = server.get(&format!("/api/download/{id}/{file}")).body;
        assert!(got == served, "{saved} is the file the server gives");
    }

    // On a 1440×900 screen the first view holds the programme card and most of the main
    // chart; the tables come after.
    d.set_window(1440, 900).unwrap();
    let fold = d
        .exec(
            "window.scrollTo(0, 0); const h = window.innerHeight;
             const chart = document.querySelector('#charts figure').getBoundingClientRect();
             const card = document.querySelector('#headline .card').getBoundingClientRect();
             const tables = document.getElementById('tables').getBoundingClientRect();
             return [h, card.bottom, chart.top, chart.top + 0.6 * chart.height, tables.top];",
            json!([]),
        )
        .unwrap();
    let f: Vec<f64> = fold
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    d.screenshot(&dir.join("1_first_screen.png")).unwrap();
    let (height, card_bottom, chart_top, chart_most, tables_top) = (f[0], f[1], f[2], f[3], f[4]);
    assert!(card_bottom < height, "the card is in view: {f:?}");
    assert!(
        chart_most < height,
        "most of the main chart is in view: {f:?}"
    );
    assert!(
        chart_top < tables_top,
        "the chart comes before the tables: {f:?}"
    );
    d.set_window(1600, 2200).unwrap();

    // The team view: a square per team and arm (20 teams, baseline and coaching), coloured
    // by B on the chosen day; moving the day slider to day 0 recolours them, and before the
    // programme coaching's teams are the baseline's.
    let teams = d
        .exec(
            "const sq = [...document.querySelectorAll('#teamview .sq')];
             const at = () => sq.map(s => s.dataset.value);
             const last = at();
             const slider = document.getElementById('team-day');
             slider.value = 0; slider.dispatchEvent(new Event('input'));
             const first = at();
             return { n: sq.length, last, first, day: document.getElementById('team-day-text').textContent,
                      title: sq[25].title, hidden: document.getElementById('teamview').hidden };",
            json!([]),
        )
        .unwrap();
    assert_eq!(teams["hidden"], Value::Bool(false), "{teams}");
    assert_eq!(teams["n"], 40, "{teams}");
    assert_ne!(
        teams["first"], teams["last"],
        "the slider recolours: {teams}"
    );
    assert!(
        teams["day"].as_str().unwrap().starts_with("day 0"),
        "{teams}"
    );
    let at_day0: Vec<&str> = teams["first"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        at_day0[..20],
        at_day0[20..],
        "day 0: coaching has not started"
    );
    assert!(
        teams["title"].as_str().unwrap().contains("employees"),
        "a square names its figures: {teams}"
    );
    d.screenshot(&dir.join("1_teams.png")).unwrap();

    // 2. Twice as long coaching: more gain, a different chart, the same baseline.
    let duration = d.find("#arms .arm .iv-duration").unwrap();
    let before = runs(&d);
    d.clear(&duration).unwrap();
    d.send_keys(&duration, "240").unwrap();
    wait_result(&d, before);
    let longer = snapshot(&d);
    assert_eq!(longer["error"], Value::Null, "{longer}");
    let b2 = num(&longer, &["b", "diff"]);
    assert!(
        b2 > b1,
        "longer coaching, larger average gain in B: {b1} -> {b2}"
    );
    assert!(num(&longer, &["peak_gain_b"]) > peak1, "{longer}");
    assert!(
        num(&longer, &["n", "diff"]) > num(&first, &["n", "diff"]),
        "the norm below the waterline follows"
    );
    assert_eq!(
        num(&longer, &["b_base", "mean"]),
        num(&first, &["b_base", "mean"]),
        "the baseline does not move"
    );
    assert_ne!(
        longer["chart_b"], first["chart_b"],
        "the B chart is redrawn"
    );

    // 2b. The same length in months: the field converts 240 days to 11.52 months, the page
    // sends "11.52 months", the server reads 240 working days: the same numbers.
    let set_unit = |unit: &str| {
        d.exec(
            "const s = document.querySelector('#arms .arm [data-unit-for=\"duration\"]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true})); return document.querySelector('#arms .arm .iv-duration').value;",
            json!([unit]),
        )
        .unwrap()
    };
    let before = runs(&d);
    assert_eq!(set_unit("months"), json!("11.52"));
    wait_result(&d, before);
    let months = snapshot(&d);
    assert_eq!(months["error"], Value::Null, "{months}");
    assert_eq!(
        months["b"], longer["b"],
        "11.52 months are 240 working days"
    );
    assert_eq!(months["chart_b"], longer["chart_b"]);
    let before = runs(&d);
    assert_eq!(set_unit("days"), json!("240"), "and back to days");
    wait_result(&d, before);

    // 3. Intensity 0: the programme does nothing, exactly (common random numbers).
    let before = runs(&d);
    d.exec(
        "const r = document.querySelector('#arms .arm .iv-intensity'); r.value = 0; r.dispatchEvent(new Event('input', {bubbles: true}));",
        json!([]),
    )
    .unwrap();
    wait_result(&d, before);
    let none = snapshot(&d);
    assert_eq!(
        num(&none, &["b", "diff"]),
        0.0,
        "no intensity, no effect: {none}"
    );
    assert_eq!(num(&none, &["nps", "diff"]), 0.0, "{none}");

    // 4. A bad value is refused with the field marked, and the page keeps working.
    d.clear(&duration).unwrap();
    d.send_keys(&duration, "5000").unwrap();
    d.wait_for(
        "return !document.getElementById('error').hidden && document.body.dataset.busy === '0';",
        RUN_TIMEOUT,
    )
    .unwrap();
    let bad = snapshot(&d);
    let err = bad["error"].as_str().unwrap_or_default().to_string();
    assert!(err.contains("arms[0].interventions[0].duration"), "{err}");
    let status = bad["status"].as_str().unwrap_or_default().to_string();
    assert!(
        !status.contains("HTTP") && !err.contains("HTTP"),
        "no status code in front of the client: {status} / {err}"
    );
    let marked = d
        .exec(
            "return document.querySelector('.iv-duration').classList.contains('invalid');",
            json!([]),
        )
        .unwrap();
    assert_eq!(marked, Value::Bool(true), "the duration field is marked");
    d.screenshot(&dir.join("2_error.png")).unwrap();

    // 5. A ready-made story (article 003): three programmes, rewards lift B, gaming costs.
    let before = runs(&d);
    let option = d
        .find("#story option[value='003_reinforcement_schedules']")
        .unwrap();
    d.click(&d.find("#story").unwrap()).unwrap();
    d.click(&option).unwrap();
    wait_result(&d, before);
    let story = snapshot(&d);
    assert_eq!(story["error"], Value::Null, "{story}");
    assert_eq!(story["cards"], 3, "{story}");
    assert_eq!(story["card_titles"][2], "continuous gamed", "{story}");
    assert!(num(&story, &["peak_gain_b"]) > 0.0, "{story}");
    assert!(
        num(&story, &["gamed3", "diff"]) > 0.0,
        "gaming shows as gamed contacts: {story}"
    );
    assert_eq!(
        num(&story, &["nps3", "mean"]),
        num(&story, &["nps", "mean"]),
        "gamed contacts give customers nothing: the gamed arm's NPS is the honest arm's"
    );
    assert_ne!(story["chart_b"], longer["chart_b"]);
    d.screenshot(&dir.join("3_story_003.png")).unwrap();

    // 6. Other tabs show the iceberg and durability charts.
    for tab in ["iceberg", "durability"] {
        let b = d.find(&format!("#tabs button[data-tab='{tab}']")).unwrap();
        d.click(&b).unwrap();
        let shown = d
            .exec(
                "return document.querySelectorAll('#charts figure svg').length;",
                json!([]),
            )
            .unwrap();
        assert!(shown.as_u64().unwrap_or(0) >= 1, "{tab}: {shown}");
        d.screenshot(&dir.join(format!("4_tab_{tab}.png"))).unwrap();
    }

    // 7. A scenario file opened from disk: its programmes appear, a key the form has no
    //    field for (the teams a programme reaches) is kept and shown, and the numbers
    //    follow it; a bad file is refused with its line and key.
    let file = dir.join("client.toml");
    std::fs::write(&file, CLIENT_TOML).unwrap();
    let before = runs(&d);
    let input = d.find("#open").unwrap();
    d.send_keys(&input, file.to_str().unwrap()).unwrap();
    wait_result(&d, before);
    let opened = snapshot(&d);
    assert_eq!(opened["error"], Value::Null, "{opened}");
    assert_eq!(
        opened["card_titles"],
        json!(["two teams coached", "everyone coached"]),
        "{opened}"
    );
    let text = |js: &str| {
        d.exec(js, json!([]))
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let notice = text("return document.getElementById('notice').textContent;");
    assert!(notice.contains("Opened client.toml"), "{notice}");
    let extra = text("return document.querySelector('#arms .arm .extra').textContent;");
    assert!(extra.contains("teams = [0,2]"), "{extra}");
    let timing = text(
        "const iv = document.querySelectorAll('#arms .arm')[1].querySelector('.iv'); return [iv.querySelector('.iv-start').value, iv.querySelector('[data-unit-for=\"start\"]').value, iv.querySelector('.iv-duration').value, iv.querySelector('[data-unit-for=\"duration\"]').value].join(' ');",
    );
    assert_eq!(
        timing, "10 weeks 24 weeks",
        "a file's weeks are shown as weeks"
    );
    let (some, all) = (num(&opened, &["b", "diff"]), num(&opened, &["b2", "diff"]));
    assert!(
        0.0 < some && some < all,
        "two of ten teams coached gain less than all ten: {some} vs {all}"
    );
    d.screenshot(&dir.join("5_opened_file.png")).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "replications = 3\n[organisation]\nteam_size = 0\n").unwrap();
    let input = d.find("#open").unwrap();
    d.send_keys(&input, bad.to_str().unwrap()).unwrap();
    d.wait_for(
        "return !document.getElementById('error').hidden && document.getElementById('error').textContent.includes('bad.toml');",
        RUN_TIMEOUT,
    )
    .unwrap();
    let err = text("return document.getElementById('error').textContent;");
    assert!(
        err.starts_with("bad.toml:3:") && err.contains("organisation.team_size"),
        "{err}"
    );

    // 8. The picture for the README: article 000's story, results at the top.
    d.set_window(1440, 1500).unwrap();
    let before = runs(&d);
    d.exec(
        "const s = document.getElementById('story'); s.value = '000_training_vs_full_method'; s.dispatchEvent(new Event('change')); window.scrollTo(0, 0);",
        json!([]),
    )
    .unwrap();
    wait_result(&d, before);
    let b = d.find("#tabs button[data-tab='behaviour']").unwrap();
    d.click(&b).unwrap();
    let story = snapshot(&d);
    assert_eq!(
        story["card_titles"],
        json!(["training only", "full method"]),
        "{story}"
    );
    // Every card says what its figures are and over which days.
    let when = story["card_when"].as_array().unwrap();
    assert_eq!(when.len(), 2, "{story}");
    assert!(
        when.iter()
            .all(|w| w.as_str().unwrap().contains("mean over days 50–750")),
        "{story}"
    );
    d.exec("window.scrollTo(0, 0);", json!([])).unwrap();
    d.screenshot(&dir.join("explorer.png")).unwrap();
    d.exec(
        "document.getElementById('tabs').scrollIntoView();",
        json!([]),
    )
    .unwrap();
    d.screenshot(&dir.join("explorer_charts.png")).unwrap();

    // 9. The page's address is a link to what it shows: loaded afresh, it reopens the same
    // story with the same settings and gives the same figures.
    let link = d
        .exec("return location.href;", json!([]))
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    // The link names the language too, so that it reopens in the one it was sent in.
    assert!(
        link.contains("#lang=en&story=000_training_vs_full_method&s="),
        "{link}"
    );
    d.goto("about:blank").unwrap();
    d.goto(&link).unwrap();
    wait_result(&d, 0);
    let reopened = snapshot(&d);
    assert_eq!(reopened["card_titles"], story["card_titles"], "{reopened}");
    assert_eq!(reopened["b"], story["b"], "the same figures: {reopened}");
    assert_eq!(
        text("return document.getElementById('story').value;"),
        "000_training_vs_full_method"
    );
    // A damaged link says so and shows the default comparison instead of failing.
    d.goto("about:blank").unwrap();
    d.goto(&server.url("/#s=%7Bnot%20json")).unwrap();
    wait_result(&d, 0);
    let notice = text("return document.getElementById('notice').textContent;");
    assert!(notice.contains("could not be read"), "{notice}");

    // 10. Values on hover: the charts carry titles naming figures.
    let title = text(
        "const t = document.querySelector('#charts figure svg title'); return t ? t.textContent : '';",
    );
    assert!(
        title.contains("day ") && title.contains("baseline: "),
        "{title}"
    );

    // 11. A large organisation answers progressively: a first picture from a few
    // replications, then refined ones (narrower intervals), then all of them; a change
    // while it runs aborts it and the new settings' answer follows.
    let set = |values: Value| {
        d.exec(
            "for (const [id, v] of Object.entries(arguments[0])) { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }",
            json!([values]),
        )
        .unwrap();
    };
    let before = runs(&d);
    set(json!({"employees": 2000, "replications": 12, "horizon_days": 300, "burn_in_days": 100}));
    // The damaged link's notice was about the page as opened; a change of settings ends it.
    assert_eq!(
        text("return String(document.getElementById('notice').hidden);"),
        "true"
    );
    d.wait_for(
        "return progressLog.length >= 1 && progressLog[0].done < progressLog[0].of;",
        RUN_TIMEOUT,
    )
    .unwrap();
    let first_status = text("return document.getElementById('status').textContent;");
    assert!(
        first_status.starts_with("First answer from 1 of 12 replications"),
        "{first_status}"
    );
    d.screenshot(&dir.join("6_first_answer.png")).unwrap();
    wait_result(&d, before);
    let log = d.exec("return progressLog;", json!([])).unwrap();
    let steps = log.as_array().unwrap();
    assert!(steps.len() >= 3, "{log}");
    assert_eq!(steps.last().unwrap()["done"], 12, "{log}");
    let widths: Vec<f64> = steps[1..]
        .iter()
        .map(|s| s["width"].as_f64().unwrap())
        .collect();
    assert!(
        widths.windows(2).all(|w| w[1] < w[0]),
        "the intervals narrow: {log}"
    );
    let downloads = d
        .exec(
            "return document.getElementById('downloads').hidden;",
            json!([]),
        )
        .unwrap();
    assert_eq!(
        downloads,
        Value::Bool(false),
        "the full answer has downloads"
    );
    d.screenshot(&dir.join("6_refined_answer.png")).unwrap();
    // A change during a run: the old run is aborted, the new one answers.
    let before = runs(&d);
    set(json!({"seed": 7}));
    d.wait_for(
        "return progressLog.length >= 1 && progressLog[progressLog.length - 1].done < 12;",
        RUN_TIMEOUT,
    )
    .unwrap();
    set(json!({"seed": 8}));
    wait_result(&d, before);
    let link = text("return location.hash;");
    assert!(
        link.contains("%22seed%22%3A8"),
        "the answer is the newest setting's: {link}"
    );

    // 12. In Dutch, in front of a Dutch board: article 000's story in English for the
    // picture, then the switch redraws the page in Dutch with the same settings: Dutch
    // words, decimal commas, Dutch charts, and a report and summary to take away in Dutch.
    d.set_window(1440, 1500).unwrap();
    let before = runs(&d);
    d.exec(
        "const s = document.getElementById('story'); s.value = '000_training_vs_full_method'; s.dispatchEvent(new Event('change'));",
        json!([]),
    )
    .unwrap();
    wait_result(&d, before);
    let english = snapshot(&d);
    d.exec("window.scrollTo(0, 0);", json!([])).unwrap();
    d.screenshot(&dir.join("explorer-en.png")).unwrap();
    let before = runs(&d);
    let nl = d.find("#lang-switch button[data-lang='nl']").unwrap();
    d.click(&nl).unwrap();
    // The page redraws the answer it has in Dutch words at once, then asks for the Dutch
    // answer (its charts drawn in Dutch), kept under an id of its own.
    wait_result(&d, before);
    d.wait_for(
        "return lastResult.id.endsWith('.nl') && document.body.dataset.busy === '0';",
        RUN_TIMEOUT,
    )
    .unwrap();
    let dutch = snapshot(&d);
    assert_eq!(dutch["error"], Value::Null, "{dutch}");
    assert_eq!(text("return document.documentElement.lang;"), "nl");
    assert_eq!(
        dutch["b"]["mean"], english["b"]["mean"],
        "the same settings, the same figures: {dutch}"
    );
    let b_text = dutch["b"]["text"].as_str().unwrap();
    assert!(
        b_text.contains("0,") && !b_text.contains("0."),
        "a decimal comma: {b_text}"
    );
    assert!(
        dutch["card_when"][0]
            .as_str()
            .unwrap()
            .contains("gemiddeld over dag 50–750"),
        "{dutch}"
    );
    assert!(
        dutch["status"]
            .as_str()
            .unwrap()
            .contains("tegen de nulmeting"),
        "{dutch}"
    );
    assert!(
        dutch["chart_b"]
            .as_str()
            .unwrap()
            .contains("maanden sinds het begin"),
        "the charts are Dutch too: {}",
        dutch["chart_b"]
    );
    let id = text("return lastResult.id;");
    assert!(id.ends_with(".nl"), "a Dutch answer has its own id: {id}");
    for file in ["report.html", "summary.html"] {
        let page =
            String::from_utf8(server.get(&format!("/api/download/{id}/{file}")).body).unwrap();
        assert!(page.contains("<html lang=\"nl\">"), "{file} is Dutch");
    }
    let team_day = text(
        "const s = document.getElementById('team-day'); s.value = 0; s.dispatchEvent(new Event('input')); return document.getElementById('team-day-text').textContent;",
    );
    assert!(team_day.starts_with("dag 0"), "{team_day}");
    d.exec("window.scrollTo(0, 0);", json!([])).unwrap();
    d.screenshot(&dir.join("explorer-nl.png")).unwrap();

    println!(
        "progressive answers (replications done, ms): {}",
        steps
            .iter()
            .map(|s| format!("{}:{}", s["done"], s["ms"]))
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("screenshots in {}", dir.display());
}
