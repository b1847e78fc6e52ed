//! The workspace's arrows run one way, and the model stays pure. The crate graph itself is
//! enforced by Cargo (a crate can only name what it depends on); these tests pin which
//! dependencies each layer may have, so a new arrow upward, or an I/O crate in the model,
//! fails here instead of slipping in through a `Cargo.toml` edit.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The names under `[dependencies]` of a crate's manifest (not dev-dependencies).
fn dependencies(krate: &str) -> BTreeSet<String> {
    let path = root().join("crates").join(krate).join("Cargo.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let manifest: toml::Table = toml::from_str(&text).unwrap();
    manifest
        .get("dependencies")
        .and_then(|d| d.as_table())
        .map(|t| t.keys().cloned().collect())
        .unwrap_or_default()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_model_depends_only_on_what_the_simulation_needs() {
    let allowed = set(&["rand", "rand_distr", "rand_xoshiro", "rayon", "serde"]);
    let deps = dependencies("model");
    let extra: Vec<_> = deps.difference(&allowed).collect();
    assert!(extra.is_empty(), "the model crate depends on {extra:?}");
}

#[test]
fn each_layer_names_only_the_layers_below_it() {
    let layers = [
        ("model", set(&[])),
        ("results", set(&["undercurrent-model"])),
        (
            "files",
            set(&[
                "undercurrent-model",
                "undercurrent-results",
                "undercurrent-text",
            ]),
        ),
        ("charts", set(&["undercurrent-files", "undercurrent-text"])),
        ("serve", set(&["undercurrent-charts", "undercurrent-text"])),
        // Words in every language: a leaf every layer above the model may use.
        ("text", set(&[])),
    ];
    for (krate, allowed) in layers {
        let ours: BTreeSet<String> = dependencies(krate)
            .into_iter()
            .filter(|d| d.starts_with("undercurrent"))
            .collect();
        assert!(
            ours.is_subset(&allowed),
            "{krate} depends on {ours:?}; allowed {allowed:?}"
        );
    }
}

#[test]
fn only_the_top_layers_draw_charts_or_serve_http() {
    for krate in ["model", "results", "files"] {
        let deps = dependencies(krate);
        for heavy in ["plotters", "image", "hyper", "tokio", "indicatif", "clap"] {
            assert!(!deps.contains(heavy), "{krate} depends on {heavy}");
        }
    }
    for krate in ["model", "results"] {
        let deps = dependencies(krate);
        for io in ["csv", "serde_json"] {
            assert!(!deps.contains(io), "{krate} depends on {io}");
        }
    }
}

#[test]
fn the_model_source_does_no_io_and_prints_nothing() {
    let forbidden = [
        "std::fs",
        "std::io",
        "std::net",
        "std::process",
        "std::env",
        "println!",
        "eprintln!",
        "print!",
        "dbg!",
    ];
    let dir = root().join("crates/model/src");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for word in forbidden {
                assert!(!text.contains(word), "{} contains {word}", path.display());
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 10,
        "only {checked} model files found in {}",
        dir.display()
    );
}

/// Every `.rs` file below `dir`.
fn sources(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

#[test]
fn within_a_crate_the_modules_point_down_too() {
    // (module directory, what it must not name): statistics do not reach into the runner,
    // result files do not reach into sweeps, charts do not reach into the report.
    let rules = [
        ("crates/results/src/metrics", "crate::experiment"),
        ("crates/files/src/output", "experiment::sweep"),
        ("crates/charts/src/plot", "crate::report"),
    ];
    for (dir, forbidden) in rules {
        let files = sources(&root().join(dir));
        assert!(!files.is_empty(), "{dir} has no sources");
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            // Code, not comments: a doc link to a sibling layer is no dependency.
            let code = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .any(|l| l.contains(forbidden));
            assert!(!code, "{} names {forbidden}", path.display());
        }
    }
}

/// The normal dependencies of the root library built with `--no-default-features`, by
/// `cargo tree` (offline, no build).
fn tree_without_default_features() -> Option<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .current_dir(root())
        .args([
            "tree",
            "--offline",
            "-p",
            "undercurrent",
            "--no-default-features",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_library_without_default_features_has_no_plotting_or_server() {
    let Some(tree) = tree_without_default_features() else {
        // Without cargo on the PATH (an installed test binary) there is nothing to ask.
        eprintln!("skipped: cargo tree did not run");
        return;
    };
    assert!(tree.contains("undercurrent-model"), "{tree}");
    for heavy in [
        "plotters",
        "hyper",
        "tokio",
        "undercurrent-charts",
        "undercurrent-serve",
    ] {
        assert!(
            !tree.lines().any(|l| l.starts_with(heavy)),
            "{heavy} in the tree without default features:\n{tree}"
        );
    }
}
