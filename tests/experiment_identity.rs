//! The identity of an experiment (its canonical resolved text and the hash of it) is what
//! `--resume` and `merge` check a directory against: it must not change between builds, or
//! every sweep directory written before would be refused. The committed sweeps pin it. It
//! does change, on purpose, when a default parameter changes (the resolved text holds every
//! parameter): a sweep resumed across such a change would mix two models. The evidence
//! calibration of issue 17 changed five defaults and with them every hash below.

use std::path::Path;

use undercurrent::experiment::sweep::experiment::Experiment;

#[test]
fn committed_sweeps_keep_their_canonical_text_and_hash() {
    let mut dirs = Vec::new();
    let mut stack = vec![Path::new("results").to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "sweep.json") {
                dirs.push(d.clone());
            }
        }
    }
    assert!(dirs.len() >= 6, "{dirs:?}");
    for dir in dirs {
        let state: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("sweep.json")).unwrap())
                .unwrap();
        let text = std::fs::read_to_string(dir.join("experiment.toml")).unwrap();
        let exp = Experiment::load(&dir.join("experiment.toml"))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        assert_eq!(exp.canonical, text, "{}", dir.display());
        assert_eq!(
            Some(exp.hash.as_str()),
            state["experiment_hash"].as_str(),
            "{}",
            dir.display()
        );
    }
}

/// Hashes of the shipped examples and fixtures, as the format (`FORMAT_SALT` 1) wrote them.
const HASHES: [(&str, &str); 15] = [
    (
        "experiments/grid_coaching_x_role_model.toml",
        "f09f2c30a09d59ce",
    ),
    ("experiments/lhs_organisation.toml", "c53e97e8376ac4a2"),
    ("experiments/morris_screening.toml", "252bb0a90b7be62d"),
    ("experiments/scale_10k_runs.toml", "1ba40e7f14dfbeed"),
    (
        "experiments/sobol_coaching_durability.toml",
        "d35a6048f17c8459",
    ),
    (
        "experiments/articles/001_drive_mix.toml",
        "cbf9cba77b3336ee",
    ),
    (
        "experiments/articles/002_role_models_business_services.toml",
        "6dc86c6347ee086d",
    ),
    (
        "experiments/articles/002_role_models_government.toml",
        "6d04383a8d44cb3a",
    ),
    (
        "experiments/articles/002_role_models_hospitality.toml",
        "eb97722c74487a2c",
    ),
    (
        "experiments/articles/002_role_models_retail.toml",
        "a53407de669c0203",
    ),
    (
        "experiments/articles/002_role_models_transport.toml",
        "59cce56be9bfc4b4",
    ),
    ("tests/fixtures/sweep_grid.toml", "05f8b24df92b4bbf"),
    ("tests/fixtures/sweep_resume.toml", "b00a0337d888d66a"),
    ("tests/fixtures/sweep_slurm.toml", "cbd396a12cd66073"),
    ("tests/fixtures/sweep_sobol.toml", "e186fb06920ab167"),
];

#[test]
fn example_experiments_keep_their_hash() {
    // Every mismatch at once, as the lines to paste (a change of defaults changes them all).
    let changed: Vec<String> = HASHES
        .iter()
        .filter_map(|(file, hash)| {
            let exp = Experiment::load(Path::new(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            (exp.hash != *hash).then(|| format!("(\"{file}\", \"{}\"),", exp.hash))
        })
        .collect();
    assert!(
        changed.is_empty(),
        "hashes changed:\n{}",
        changed.join("\n")
    );
}
