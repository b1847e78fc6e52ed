//! The command line speaks the user's language (`--lang`, `UNDERCURRENT_LANG`): help, clap's
//! errors and what the commands print come from the catalogue; identifiers (commands, flags,
//! values, file names) and the location of an error stay as typed. The pseudo-language shows
//! that no help text or message bypasses the catalogue.

use std::path::PathBuf;
use std::process::{Command, Output};

use undercurrent::text::plain_words;

const COMMANDS: [&str; 8] = [
    "run",
    "report",
    "plot",
    "sweep",
    "sensitivity",
    "serve",
    "calibrate",
    "merge",
];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .env_remove("UNDERCURRENT_LANG")
        .args(args)
        .output()
        .expect("binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The words of `text` a person reads: without flags, value names in capitals, paths and the
/// identifiers listed.
fn bypassing(text: &str, allowed: &[&str]) -> Vec<String> {
    let readable: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let capitals_only =
                w.chars().any(|c| c.is_ascii_uppercase()) && !w.chars().any(|c| c.is_lowercase());
            !w.starts_with('-') && !w.contains('/') && !capitals_only
        })
        .collect();
    plain_words(&readable.join(" "), allowed)
}

const IDENTIFIERS: [&str; 17] = [
    "undercurrent",
    "run",
    "report",
    "plot",
    "sweep",
    "sensitivity",
    "serve",
    "calibrate",
    "merge",
    "auto",
    "on",
    "off",
    "csv",
    "parquet",
    "en",
    "nl",
    "Nederlands",
];

#[test]
fn every_help_text_goes_through_the_catalogue() {
    let mut pages = vec![vec!["--lang", "qps", "--help"]];
    for c in COMMANDS {
        pages.push(vec!["--lang", "qps", c, "--help"]);
    }
    for args in pages {
        let o = run(&args);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        let text = out(&o);
        let plain = bypassing(&text, &IDENTIFIERS);
        assert!(
            plain.is_empty(),
            "{args:?} keeps {plain:?} in English:\n{text}"
        );
    }
}

#[test]
fn dutch_help_has_dutch_headings_and_keeps_the_flags() {
    let o = run(&["--lang", "nl", "run", "--help"]);
    let text = out(&o);
    assert!(o.status.success());
    for dutch in [
        "Gebruik:",
        "Argumenten:",
        "Opties:",
        "Uitvoermap",
        "[standaard: csv]",
    ] {
        assert!(text.contains(dutch), "{dutch}: {text}");
    }
    for flag in [
        "--out <OUT>",
        "--replications",
        "--per-replication",
        "-h, --help",
    ] {
        assert!(text.contains(flag), "{flag}: {text}");
    }
    assert!(!text.contains("[possible values"), "{text}");
    // Clap's own placeholder in the usage line too.
    assert!(
        text.contains("Gebruik: undercurrent run [OPTIES] [SCENARIO]"),
        "{text}"
    );
    assert!(!text.contains("[OPTIONS]"), "{text}");
    // The environment chooses too, and `help COMMAND` works in Dutch as `COMMAND --help`.
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .env("UNDERCURRENT_LANG", "nl")
        .args(["help", "serve"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("verkenner"), "{}", out(&o));
}

#[test]
fn english_help_is_clap_s_own() {
    let o = run(&["run", "--help"]);
    let text = out(&o);
    assert!(
        text.contains("Usage: undercurrent run [OPTIONS] [SCENARIO]"),
        "{text}"
    );
    assert!(
        text.contains("[default: csv] [possible values: csv, parquet]"),
        "{text}"
    );
    assert!(text.contains("Output directory [default: results/<scenario name>/]"));
}

#[test]
fn command_line_errors_are_told_in_dutch_with_exit_code_2() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["--lang", "nl", "run", "--threads", "0"],
            "ongeldige waarde '0' voor '--threads",
        ),
        (&["--lang", "nl", "runn"], "bedoel je 'run'?"),
        (
            &["--lang", "nl", "merge"],
            "verplichte argumenten ontbreken",
        ),
        (
            &["--lang", "nl", "run", "--per-replication", "soms"],
            "[mogelijke waarden: auto, on, off]",
        ),
    ];
    for (args, says) in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(err(&o).starts_with("fout: "), "{args:?}: {}", err(&o));
        assert!(err(&o).contains(says), "{args:?}: {}", err(&o));
    }
    let o = run(&["--lang", "fr", "run"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("unknown language `fr`"), "{}", err(&o));
}

#[test]
fn a_bad_scenario_keeps_its_exact_location_in_dutch() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-lang-bad");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.toml");
    std::fs::write(&file, "name = \"x\"\nreplications = -3\n").unwrap();
    let english = err(&run(&["run", file.to_str().unwrap()]));
    let o = run(&["--lang", "nl", "run", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let dutch = err(&o);
    let located = english.trim_start_matches("error: ");
    assert!(dutch.starts_with("fout: "), "{dutch}");
    assert!(dutch.contains("bad.toml:2:"), "{dutch}");
    assert_eq!(
        dutch.lines().next().unwrap().split(": ").nth(1),
        located.lines().next().unwrap().split(": ").next(),
        "the file and place are the same in both"
    );
}

#[test]
fn what_the_toml_reader_refuses_is_told_in_dutch_at_the_same_place() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-lang-syntax");
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "kind.toml",
            "replications = \"x\"\n",
            "verkeerd soort waarde: tekst \"x\", verwacht een geheel getal",
        ),
        (
            "field.toml",
            "[organisation]\nemployes = 5\n",
            "onbekende sleutel `employes`",
        ),
        (
            "choice.toml",
            "sector = \"retale\"\n",
            "bedoel je `retail`?",
        ),
        ("broken.toml", "[organisation\n", "fout in de TOML-opmaak"),
    ];
    for (name, text, dutch_words) in cases {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let english = err(&run(&["run", file.to_str().unwrap()]));
        let o = run(&["--lang", "nl", "run", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let dutch = err(&o);
        assert!(dutch.contains(dutch_words), "{name}: {dutch}");
        let place = |s: &str| {
            s.split(": ")
                .take(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            place(&dutch)[1],
            place(&english)[1],
            "{name}: the same place"
        );
        for word in ["invalid type", "unknown", "did you mean"] {
            assert!(!dutch.contains(word), "{name}: {dutch}");
        }
    }
}

#[test]
fn a_file_that_cannot_be_read_and_a_scenario_too_large_are_told_in_dutch() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-lang-io");
    std::fs::create_dir_all(&dir).unwrap();
    let missing = dir.join("missing.toml");
    for command in ["run", "sweep", "calibrate"] {
        let english = err(&run(&[command, missing.to_str().unwrap()]));
        assert!(english.contains("No such file or directory"), "{english}");
        let o = run(&["--lang", "nl", command, missing.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{command}");
        let dutch = err(&o);
        let expected = format!(
            "kan {} niet lezen: het bestand of de map bestaat niet",
            missing.display()
        );
        assert!(dutch.contains(&expected), "{command}: {dutch}");
    }
    let large = dir.join("large.toml");
    std::fs::write(
        &large,
        "replications = 1\n[organisation]\nemployees = 100000\n[customers]\npool_per_employee = 100000\n",
    )
    .unwrap();
    let english = err(&run(&["run", large.to_str().unwrap()]));
    assert!(
        english.contains("expected a scenario that fits in 6.0 GiB"),
        "{english}"
    );
    let dutch = err(&run(&["--lang", "nl", "run", large.to_str().unwrap()]));
    assert!(
        dutch.contains("large.toml:5:21: `customers.pool_per_employee` = 100000: verwacht een scenario dat in 6,0 GiB past")
            && dutch.contains("(minder klanten per medewerker of kleinere teams)"),
        "{dutch}"
    );
    assert!(
        !dutch.contains("fits in") && !dutch.contains("fewer"),
        "{dutch}"
    );
    // Charts and a report asked of a directory that holds no result.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    for command in ["plot", "report"] {
        let english = err(&run(&[command, empty.to_str().unwrap()]));
        assert!(english.contains("missing input file"), "{english}");
        let o = run(&["--lang", "nl", command, empty.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{command}");
        let dutch = err(&o);
        assert!(
            dutch.contains("invoerbestand ontbreekt: "),
            "{command}: {dutch}"
        );
        assert!(dutch.contains("timeseries.csv"), "{command}: {dutch}");
    }
    // An output directory holding someone else's files.
    let foreign = dir.join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    let o = run(&["--lang", "nl", "run", "--out", foreign.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let dutch = err(&o);
    assert!(
        dutch.contains(
            "staan bestanden die undercurrent niet schreef (notes.txt); kies een andere --out"
        ),
        "{dutch}"
    );
    // A sweep into the same directory, and into one that holds this sweep already.
    let experiment = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sweep_run_series.toml"
    );
    let refused_in_dutch = |out: &std::path::Path| {
        let o = run(&[
            "--lang",
            "nl",
            "sweep",
            experiment,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", err(&o));
        err(&o)
    };
    let dutch = refused_in_dutch(&foreign);
    assert!(
        dutch
            .contains("de map is niet leeg (notes.txt) en bevat geen sweep (sweep.json ontbreekt)"),
        "{dutch}"
    );
    let swept = dir.join("swept");
    let _ = std::fs::remove_dir_all(&swept);
    assert!(
        run(&["sweep", experiment, "--out", swept.to_str().unwrap()])
            .status
            .success()
    );
    let dutch = refused_in_dutch(&swept);
    assert!(
        dutch.contains("de map bevat deze sweep al (6 van 6 runs klaar); voeg --resume toe"),
        "{dutch}"
    );
}

#[test]
fn merge_sensitivity_shard_and_calibration_refusals_are_told_in_dutch() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-lang-refusals");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let at = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let experiment = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sweep_run_series.toml"
    );
    // Each refusal in Dutch, and in the pseudo-language with no plain English word left (no
    // text bypasses the catalogue; paths, file names and the design's name are identifiers).
    let dutch_refusal = |args: &[&str]| {
        let mut all = vec!["--lang", "qps"];
        all.extend_from_slice(args);
        let pseudo = err(&run(&all));
        let plain = bypassing(
            &pseudo,
            &[
                "grid",
                "notes",
                "txt",
                "calibration",
                "json",
                "calibration_example",
            ],
        );
        assert!(
            plain.is_empty(),
            "{args:?} keeps {plain:?} in English:\n{pseudo}"
        );
        all[1] = "nl";
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        err(&o)
    };
    // A shard directory that is not there.
    let dutch = dutch_refusal(&["merge", "--out", &at("merged"), &at("shard-1")]);
    assert!(
        dutch.contains(&format!(
            "de map van een deel, {}, bestaat niet (is de taak van dat deel gedraaid, en klopt het pad?)",
            at("shard-1")
        )),
        "{dutch}"
    );
    // A --shard outside its split.
    let dutch = dutch_refusal(&["sweep", experiment, "--shard", "5/3", "--out", &at("s")]);
    assert!(
        dutch.contains(
            "--shard \"5/3\": I moet tussen 1 en 3 liggen: de delen zijn genummerd vanaf 1"
        ),
        "{dutch}"
    );
    // A whole sweep given to merge, and asked for sensitivity indices it cannot give.
    assert!(run(&["sweep", experiment, "--out", &at("whole")])
        .status
        .success());
    let dutch = dutch_refusal(&["merge", "--out", &at("merged"), &at("whole")]);
    assert!(
        dutch.contains("bevat een hele sweep, geen deel; samenvoegen is niet nodig"),
        "{dutch}"
    );
    let dutch = dutch_refusal(&["sensitivity", &at("whole")]);
    assert!(
        dutch.contains(
            "is een grid-sweep; gevoeligheidsindices vragen om design = \"sobol\" of \"morris\""
        ),
        "{dutch}"
    );
    // A calibration into a directory that holds other files.
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    std::fs::write(dir.join("notes").join("notes.txt"), "mine").unwrap();
    let calibration = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/experiments/calibration/example.toml"
    );
    let dutch = dutch_refusal(&["calibrate", calibration, "--out", &at("notes")]);
    assert!(
        dutch.contains(
            "de map is niet leeg (notes.txt) en bevat geen kalibratie (calibration.json ontbreekt); kies een andere --out"
        ),
        "{dutch}"
    );
}

#[test]
fn an_explorer_port_in_use_is_told_in_dutch() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .env_remove("UNDERCURRENT_LANG")
        .args(["--lang", "nl", "serve", "--port", &port, "--quiet"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let t0 = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if t0.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the explorer started on a port already in use");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let o = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(1));
    let dutch = err(&o);
    assert!(
        dutch.contains(&format!(
            "kan niet luisteren op 127.0.0.1:{port}: het adres is al in gebruik"
        )),
        "{dutch}"
    );
    drop(taken);
}

#[test]
fn a_run_tells_its_progress_in_the_chosen_language() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-lang-run");
    let _ = std::fs::remove_dir_all(&dir);
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.toml");
    let o = run(&[
        "--lang",
        "qps",
        "run",
        scenario,
        "--no-plots",
        "--replications",
        "2",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    let mut allowed: Vec<&str> = IDENTIFIERS.to_vec();
    allowed.extend(["small", "manifest", "json", "toml", "s"]);
    let plain = bypassing(&err(&o), &allowed);
    assert!(plain.is_empty(), "{plain:?}:\n{}", err(&o));
    let o = run(&[
        "--lang",
        "nl",
        "run",
        scenario,
        "--no-plots",
        "--replications",
        "2",
        "--force",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("herhalingen"), "{}", err(&o));
    assert!(err(&o).contains("resultaten in"), "{}", err(&o));
}
