//! The identity of an experiment (its canonical resolved text and the hash of it) is what
//! `--resume` and `merge` check a directory against: it must not change between builds, or
//! every sweep directory written before would be refused. The committed sweeps pin it.

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
        "20efe4ef7692bf91",
    ),
    ("experiments/lhs_organisation.toml", "69a67e422afebbc7"),
    ("experiments/morris_screening.toml", "ce737d286b839f00"),
    ("experiments/scale_10k_runs.toml", "2e4d60f84494e5f2"),
    (
        "experiments/sobol_coaching_durability.toml",
        "9d2d2d7c6dce5cd6",
    ),
    (
        "experiments/articles/001_drive_mix.toml",
        "b9ee344ee79cd3cd",
    ),
    (
        "experiments/articles/002_role_models_business_services.toml",
        "872548e13b221b52",
    ),
    (
        "experiments/articles/002_role_models_government.toml",
        "6781be27fb7a30b5",
    ),
    (
        "experiments/articles/002_role_models_hospitality.toml",
        "3ba6dcdf0e8797c3",
    ),
    (
        "experiments/articles/002_role_models_retail.toml",
        "bf02b4fc005f19ac",
    ),
    (
        "experiments/articles/002_role_models_transport.toml",
        "b98cf354f7a409cb",
    ),
    ("tests/fixtures/sweep_grid.toml", "58a0b0e112364ab6"),
    ("tests/fixtures/sweep_resume.toml", "b6063f454571e2f3"),
    ("tests/fixtures/sweep_slurm.toml", "ff32c6e54d28855e"),
    ("tests/fixtures/sweep_sobol.toml", "adf4ba93181d79aa"),
];

#[test]
fn example_experiments_keep_their_hash() {
    for (file, hash) in HASHES {
        let exp = Experiment::load(Path::new(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(exp.hash, hash, "{file}");
    }
}
