//! Why a sweep cannot continue in its output directory (the directory holds another
//! experiment, another shard, another build's runs, this sweep without `--resume`, or other
//! files), as data: `Display` is the English the tool has always printed, [`DirReason::said`]
//! the same in the user's language (`sweep-dir-*` in `sweep-dir.ftl`).

use undercurrent_text::{text, text_with, tr, Args, Lang};

/// Why the directory cannot take this sweep.
#[derive(Debug, Clone, PartialEq)]
pub enum DirReason {
    /// Files, none of them a sweep's (the first five named).
    NotEmpty { entries: String },
    /// A sweep of another experiment (names and hashes).
    OtherExperiment {
        have_name: String,
        have_hash: String,
        want_name: String,
        want_hash: String,
    },
    /// This very sweep, asked for without `--resume`.
    AlreadyHere { done: usize, runs: usize },
    /// Another share of the sweep (`None`: the whole sweep).
    OtherShard {
        have: Option<String>,
        want: Option<String>,
    },
    /// Runs of another build.
    OtherBuild {
        have_version: String,
        have_commit: String,
        want_version: String,
        want_commit: String,
    },
}

impl DirReason {
    /// In `lang`; in English exactly the `Display`.
    pub fn said(&self, lang: Lang) -> String {
        let mut a = Args::new();
        let share = |s: &Option<String>| match s {
            Some(s) => tr!(lang, "sweep-dir-shard", shard = s.clone()),
            None => text(lang, "sweep-dir-whole"),
        };
        let commit = |c: &str| match c {
            "" => text(lang, "sweep-dir-unknown-commit"),
            c => c.to_string(),
        };
        let id = match self {
            DirReason::NotEmpty { entries } => {
                a.set("entries", entries.clone());
                "sweep-dir-not-empty"
            }
            DirReason::OtherExperiment {
                have_name,
                have_hash,
                want_name,
                want_hash,
            } => {
                a.set("have_name", have_name.clone());
                a.set("have_hash", have_hash.clone());
                a.set("want_name", want_name.clone());
                a.set("want_hash", want_hash.clone());
                "sweep-dir-other-experiment"
            }
            DirReason::AlreadyHere { done, runs } => {
                a.set("done", done.to_string());
                a.set("runs", runs.to_string());
                "sweep-dir-already-here"
            }
            DirReason::OtherShard { have, want } => {
                a.set("have", share(have));
                a.set("want", share(want));
                "sweep-dir-other-shard"
            }
            DirReason::OtherBuild {
                have_version,
                have_commit,
                want_version,
                want_commit,
            } => {
                a.set("have_version", have_version.clone());
                a.set("have_commit", commit(have_commit));
                a.set("want_version", want_version.clone());
                a.set("want_commit", commit(want_commit));
                "sweep-dir-other-build"
            }
        };
        text_with(lang, id, &a)
    }
}

impl std::fmt::Display for DirReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_reason() -> Vec<DirReason> {
        vec![
            DirReason::NotEmpty {
                entries: "notes.txt".into(),
            },
            DirReason::OtherExperiment {
                have_name: "a".into(),
                have_hash: "h1".into(),
                want_name: "b".into(),
                want_hash: "h2".into(),
            },
            DirReason::AlreadyHere { done: 3, runs: 8 },
            DirReason::OtherShard {
                have: Some("1/2".into()),
                want: None,
            },
            DirReason::OtherBuild {
                have_version: "0.1.0".into(),
                have_commit: "".into(),
                want_version: "0.1.0".into(),
                want_commit: "abc".into(),
            },
        ]
    }

    #[test]
    fn the_english_is_what_the_sweep_always_said() {
        let english: Vec<String> = every_reason().iter().map(|r| r.to_string()).collect();
        assert_eq!(english[0], "the directory is not empty (notes.txt) and holds no sweep (sweep.json is missing); choose another --out");
        assert_eq!(english[1], "the directory holds a sweep of another experiment ('a', hash h1; this one is 'b', hash h2); a sweep can only be resumed with exactly the same experiment (base scenario included): choose another --out");
        assert_eq!(english[2], "the directory already holds this sweep (3 of 8 runs done); add --resume to continue it, or choose another --out");
        assert_eq!(english[3], "the directory holds shard 1/2, not the whole sweep (no --shard); resume it with the same --shard");
        assert_eq!(english[4], "the sweep was started by undercurrent 0.1.0 (commit unknown); this is 0.1.0 (commit abc): runs from two builds could differ, so finish it with the build that started it, or start again in another --out");
    }

    #[test]
    fn dutch_says_every_reason_in_its_own_words_keeping_names_and_flags() {
        for r in every_reason() {
            let dutch = r.said(Lang::Nl);
            assert_ne!(dutch, r.to_string());
            for word in ["the directory", "choose another", "holds", "resume it"] {
                assert!(!dutch.contains(word), "{dutch}");
            }
            assert!(dutch.contains("--"), "{dutch}");
        }
    }
}
