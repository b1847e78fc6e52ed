//! What makes the package citable and its documentation self-contained: `CITATION.cff` names
//! the version Cargo builds (so a result's `manifest.json` version can be cited as is), the
//! licence files are exactly the ones the manifest's SPDX expression declares, and the
//! documentation cites the sources themselves rather than a design file the repository does
//! not hold.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> String {
    let path = root().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A top-level scalar of `CITATION.cff` (`key: value`, quotes removed). The file is YAML, but
/// its top-level scalars are one per line, which is all these tests read.
fn cff_scalar(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .map(|v| v.trim().trim_matches('"').to_string())
}

/// The file that carries an SPDX licence's text in this repository.
fn licence_file(spdx: &str) -> &'static str {
    match spdx {
        "MIT" => "LICENSE-MIT",
        "Apache-2.0" => "LICENSE-APACHE",
        other => panic!("no licence file known for SPDX identifier {other}"),
    }
}

#[test]
fn citation_names_the_version_and_licence_cargo_builds() {
    let cff = read("CITATION.cff");
    assert_eq!(cff_scalar(&cff, "cff-version").as_deref(), Some("1.2.0"));
    assert_eq!(
        cff_scalar(&cff, "version").as_deref(),
        Some(env!("CARGO_PKG_VERSION")),
        "CITATION.cff's version must be the workspace version in Cargo.toml"
    );
    assert_eq!(
        cff_scalar(&cff, "license").as_deref(),
        Some(env!("CARGO_PKG_LICENSE"))
    );
    for key in ["title", "abstract", "authors"] {
        assert!(
            cff.lines().any(|l| l.starts_with(&format!("{key}:"))),
            "CITATION.cff has no {key}"
        );
    }
}

#[test]
fn the_licence_files_are_the_ones_the_manifest_declares() {
    let expression = env!("CARGO_PKG_LICENSE");
    let declared: Vec<&str> = expression
        .split(" OR ")
        .map(|id| licence_file(id.trim()))
        .collect();
    assert_eq!(declared, ["LICENSE-MIT", "LICENSE-APACHE"], "{expression}");
    let mit = read("LICENSE-MIT");
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    assert!(mit.contains("Copyright (c) 2026 the undercurrent developers"));
    let apache = read("LICENSE-APACHE");
    assert!(apache.contains("Apache License\n                        Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
    // No licence file ships that the manifest does not declare.
    let mut present: Vec<String> = std::fs::read_dir(root())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("LICENSE") || n.starts_with("COPYING"))
        .collect();
    present.sort();
    let mut want: Vec<String> = declared.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(present, want);
}

#[test]
fn the_changelog_states_its_version_rule_and_the_current_version() {
    let log = read("CHANGELOG.md");
    assert!(log.contains("Changed results"));
    assert!(
        log.contains(&format!("[{}]", env!("CARGO_PKG_VERSION")))
            || log.contains(&format!("({})", env!("CARGO_PKG_VERSION"))),
        "CHANGELOG.md has no section for version {}",
        env!("CARGO_PKG_VERSION")
    );
}

/// Every Markdown file of the documentation a reader gets: `docs/`, the top-level guides and
/// the results' and experiments' READMEs.
fn documentation() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [
        "README.md",
        "ARCHITECTURE.md",
        "BENCHMARKS.md",
        "CHANGELOG.md",
        "results/README.md",
        "experiments/README.md",
    ]
    .iter()
    .map(|f| root().join(f))
    .collect();
    let mut stack = vec![root().join("docs")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    files
}

#[test]
fn the_documentation_cites_no_design_file_outside_the_repository() {
    // The design notes the model was written from are not shipped; the documentation cites
    // the articles and the literature themselves (docs/sources.md) instead.
    let absent = ["MODEL", ".md"].concat();
    let files = documentation();
    assert!(files.iter().any(|f| f.ends_with("docs/model.md")));
    assert!(files.iter().any(|f| f.ends_with("docs/sources.md")));
    let citing: Vec<String> = files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()))
                .contains(&absent)
        })
        .map(|f| f.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    assert!(
        citing.is_empty(),
        "these files cite {absent}, which is not in the repository: {citing:?}"
    );
}
