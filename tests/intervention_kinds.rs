//! `docs/model.md` section 7.9 agrees with the intervention declarations
//! (`src/model/intervention_kinds.rs`): the settings table is the generated one, and the
//! kinds table has one row per kind, in order, with its title, TOML name and susceptibility.

use undercurrent::model::intervention_kinds::{settings_table, KINDS};

const MODEL_MD: &str = include_str!("../docs/model.md");

/// The rows of the markdown table whose header line starts with `header`, as cells.
fn table_rows(header: &str) -> Vec<Vec<String>> {
    let mut lines = MODEL_MD
        .lines()
        .skip_while(|l| !l.starts_with(header))
        .skip(2); // header and separator
    let mut rows = Vec::new();
    for l in lines.by_ref() {
        if !l.starts_with('|') {
            break;
        }
        rows.push(
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect(),
        );
    }
    rows
}

#[test]
fn the_settings_table_of_the_docs_is_the_generated_one() {
    let table = settings_table();
    assert!(
        MODEL_MD.contains(&table),
        "docs/model.md section 7.9 should hold the settings table generated from the declarations:\n{table}"
    );
}

#[test]
fn the_kinds_table_of_the_docs_names_every_kind_its_title_and_susceptibility() {
    let rows = table_rows("| kind | TOML name |");
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    let expected: Vec<String> = KINDS.iter().map(|k| format!("`{}`", k.name)).collect();
    assert_eq!(names, expected, "one row per kind, in declaration order");
    for (row, k) in rows.iter().zip(&KINDS) {
        assert_eq!(row[0], k.title, "title of {}", k.name);
        assert!(
            row[3].starts_with(k.susceptibility.name()),
            "susceptibility of {}: the docs say {:?}, the declaration {:?}",
            k.name,
            row[3],
            k.susceptibility.name()
        );
    }
}
