//! Why `undercurrent merge` refuses its shard directories, as data: `Display` is the English
//! the tool has always printed, [`MergeReason::said`] the same in the user's language
//! (`merge-*` in `sweep-dir.ftl`). Each names the directories at fault, so that a user with
//! forty shard directories knows which one to look at.

use std::path::PathBuf;

use undercurrent_text::{text, tr, Lang};

/// Why the shards given to `merge` do not make up one complete sweep.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeReason {
    NoShards,
    /// A path given does not exist (its job did not run, or the path is mistyped).
    Missing {
        dir: PathBuf,
    },
    IsFile {
        dir: PathBuf,
    },
    /// A directory without `sweep.json`.
    NotSweep {
        dir: PathBuf,
        state: String,
    },
    /// A sweep run without `--shard`.
    Whole {
        dir: PathBuf,
    },
    OtherExperiment {
        dir: PathBuf,
        name: String,
        hash: String,
        first_dir: PathBuf,
        first_name: String,
        first_hash: String,
    },
    OtherBuild {
        dir: PathBuf,
        version: String,
        commit: String,
        first_dir: PathBuf,
        first_version: String,
        first_commit: String,
    },
    /// Shards of two different `--shard I/N` splits.
    OtherSplit {
        dir: PathBuf,
        shard: String,
        first_dir: PathBuf,
        first_shard: String,
    },
    Twice {
        shard: String,
        first: PathBuf,
        second: PathBuf,
    },
    /// Shards of the split that nobody gave (`I/N`).
    ShardsMissing {
        shards: Vec<String>,
    },
    /// `experiment.toml` no longer has the hash `sweep.json` recorded.
    Edited {
        experiment: PathBuf,
        state: PathBuf,
    },
    /// A journal holds a run of another shard.
    ForeignRun {
        journal: PathBuf,
        run: usize,
        belongs: String,
        owner: String,
    },
    /// Shards whose journals lack some of their runs.
    Incomplete {
        shards: Vec<IncompleteShard>,
    },
}

/// A shard whose journal lacks runs, and the command that finishes it.
#[derive(Debug, Clone, PartialEq)]
pub struct IncompleteShard {
    pub shard: String,
    pub dir: PathBuf,
    pub lacking: usize,
    pub runs: usize,
    pub experiment: PathBuf,
}

impl MergeReason {
    /// In `lang`; in English exactly the `Display`.
    pub fn said(&self, lang: Lang) -> String {
        let d = |p: &PathBuf| p.display().to_string();
        match self {
            MergeReason::NoShards => text(lang, "merge-no-shards"),
            MergeReason::Missing { dir } => tr!(lang, "merge-missing", dir = d(dir)),
            MergeReason::IsFile { dir } => tr!(lang, "merge-is-file", dir = d(dir)),
            MergeReason::NotSweep { dir, state } => {
                tr!(lang, "merge-not-sweep", dir = d(dir), state = state.clone())
            }
            MergeReason::Whole { dir } => tr!(lang, "merge-whole", dir = d(dir)),
            MergeReason::OtherExperiment {
                dir,
                name,
                hash,
                first_dir,
                first_name,
                first_hash,
            } => tr!(
                lang,
                "merge-other-experiment",
                dir = d(dir),
                name = name.clone(),
                hash = hash.clone(),
                first_dir = d(first_dir),
                first_name = first_name.clone(),
                first_hash = first_hash.clone()
            ),
            MergeReason::OtherBuild {
                dir,
                version,
                commit,
                first_dir,
                first_version,
                first_commit,
            } => tr!(
                lang,
                "merge-other-build",
                dir = d(dir),
                version = version.clone(),
                commit = commit.clone(),
                first_dir = d(first_dir),
                first_version = first_version.clone(),
                first_commit = first_commit.clone()
            ),
            MergeReason::OtherSplit {
                dir,
                shard,
                first_dir,
                first_shard,
            } => tr!(
                lang,
                "merge-other-split",
                dir = d(dir),
                shard = shard.clone(),
                first_dir = d(first_dir),
                first_shard = first_shard.clone()
            ),
            MergeReason::Twice {
                shard,
                first,
                second,
            } => tr!(
                lang,
                "merge-twice",
                shard = shard.clone(),
                first = d(first),
                second = d(second)
            ),
            MergeReason::ShardsMissing { shards } => tr!(
                lang,
                "merge-shards-missing",
                count = shards.len(),
                shards = shards.join(", ")
            ),
            MergeReason::Edited { experiment, state } => tr!(
                lang,
                "merge-edited",
                experiment = d(experiment),
                state = d(state)
            ),
            MergeReason::ForeignRun {
                journal,
                run,
                belongs,
                owner,
            } => tr!(
                lang,
                "merge-foreign-run",
                journal = d(journal),
                run = run.to_string(),
                belongs = belongs.clone(),
                owner = owner.clone()
            ),
            MergeReason::Incomplete { shards } => {
                let lines: Vec<String> = shards
                    .iter()
                    .map(|s| {
                        tr!(
                            lang,
                            "merge-incomplete-shard",
                            shard = s.shard.clone(),
                            dir = d(&s.dir),
                            lacking = s.lacking.to_string(),
                            runs = s.runs.to_string(),
                            experiment = d(&s.experiment)
                        )
                    })
                    .collect();
                tr!(lang, "merge-incomplete", shards = lines.join("\n  "))
            }
        }
    }
}

undercurrent_text::said_in_english!(MergeReason);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reason, with the English the tool printed before the reasons were data.
    fn every_reason() -> Vec<(MergeReason, &'static str)> {
        vec![
            (MergeReason::NoShards, "no shard directories given"),
            (
                MergeReason::Missing { dir: "s/1".into() },
                "shard directory s/1 does not exist (did that shard's job run, and is the path right?)",
            ),
            (
                MergeReason::IsFile { dir: "s/1".into() },
                "s/1 is a file, not a shard directory",
            ),
            (
                MergeReason::NotSweep {
                    dir: "s/1".into(),
                    state: "sweep.json".into(),
                },
                "s/1 is not a sweep directory (sweep.json is missing)",
            ),
            (
                MergeReason::Whole { dir: "s/1".into() },
                "s/1 holds a whole sweep, not a shard; it needs no merge",
            ),
            (
                MergeReason::OtherExperiment {
                    dir: "s/2".into(),
                    name: "b".into(),
                    hash: "h2".into(),
                    first_dir: "s/1".into(),
                    first_name: "a".into(),
                    first_hash: "h1".into(),
                },
                "s/2 holds experiment 'b' (hash h2) but s/1 holds 'a' (hash h1): shards of different experiments cannot be merged",
            ),
            (
                MergeReason::OtherBuild {
                    dir: "s/2".into(),
                    version: "0.2.0".into(),
                    commit: "abc".into(),
                    first_dir: "s/1".into(),
                    first_version: "0.1.0".into(),
                    first_commit: "def".into(),
                },
                "s/2 was run by undercurrent 0.2.0 (commit abc) but s/1 by 0.1.0 (commit def): runs from two builds could differ",
            ),
            (
                MergeReason::OtherSplit {
                    dir: "s/2".into(),
                    shard: "2/4".into(),
                    first_dir: "s/1".into(),
                    first_shard: "1/3".into(),
                },
                "s/2 is shard 2/4 but s/1 is shard 1/3: every shard must come from the same --shard I/N split",
            ),
            (
                MergeReason::Twice {
                    shard: "2/3".into(),
                    first: "s/a".into(),
                    second: "s/b".into(),
                },
                "shard 2/3 is given twice: s/a and s/b",
            ),
            (
                MergeReason::ShardsMissing {
                    shards: vec!["2/3".into()],
                },
                "shard 2/3 is missing: give every shard directory",
            ),
            (
                MergeReason::ShardsMissing {
                    shards: vec!["2/3".into(), "3/3".into()],
                },
                "shards 2/3, 3/3 are missing: give every shard directory",
            ),
            (
                MergeReason::Edited {
                    experiment: "s/1/experiment.toml".into(),
                    state: "s/1/sweep.json".into(),
                },
                "s/1/experiment.toml does not match the hash in s/1/sweep.json of the same directory (was it edited?)",
            ),
            (
                MergeReason::ForeignRun {
                    journal: "s/1/journal.jsonl".into(),
                    run: 7,
                    belongs: "2/3".into(),
                    owner: "1/3".into(),
                },
                "s/1/journal.jsonl holds run 7, which belongs to shard 2/3, not 1/3",
            ),
            (
                MergeReason::Incomplete {
                    shards: vec![
                        IncompleteShard {
                            shard: "1/2".into(),
                            dir: "s/1".into(),
                            lacking: 3,
                            runs: 8,
                            experiment: "s/1/experiment.toml".into(),
                        },
                        IncompleteShard {
                            shard: "2/2".into(),
                            dir: "s/2".into(),
                            lacking: 1,
                            runs: 8,
                            experiment: "s/2/experiment.toml".into(),
                        },
                    ],
                },
                "incomplete shards:\n  shard 1/2 in s/1 lacks 3 of its 8 runs (finish it: undercurrent sweep s/1/experiment.toml --shard 1/2 --out s/1 --resume)\n  shard 2/2 in s/2 lacks 1 of its 8 runs (finish it: undercurrent sweep s/2/experiment.toml --shard 2/2 --out s/2 --resume)",
            ),
        ]
    }

    #[test]
    fn the_english_is_what_merge_always_said() {
        for (reason, english) in every_reason() {
            assert_eq!(reason.to_string(), english);
        }
    }

    #[test]
    fn dutch_says_every_reason_in_its_own_words_keeping_paths_and_shards() {
        for (reason, english) in every_reason() {
            let dutch = reason.said(Lang::Nl);
            assert_ne!(dutch, english);
            for word in [
                " given",
                " holds",
                "does not",
                "missing",
                "is a file",
                "lacks",
            ] {
                assert!(!dutch.contains(word), "{dutch}");
            }
            for path in ["s/1", "s/a", "2/3"] {
                if english.contains(path) {
                    assert!(dutch.contains(path), "{path} in {dutch}");
                }
            }
        }
    }
}
