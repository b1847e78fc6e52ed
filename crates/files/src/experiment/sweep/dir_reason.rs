//! Why a sweep, a merge or a calibration cannot continue in its output directory (the
//! directory holds another experiment, another shard, another build's runs, this sweep
//! without `--resume`, or other files), as data: `Display` is the English the tool has always
//! printed, [`DirReason::said`] the same in the user's language (`sweep-dir-*`,
//! `calibration-dir-*` and `merge-out-*` in `sweep-dir.ftl`).

use crate::output::lock::Unusable;
use undercurrent_text::{text, text_with, tr, Args, Lang};

/// Which kind of directory refuses: a sweep's and a calibration's refuse for the same
/// reasons, each in words of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Study {
    Sweep,
    Calibration,
}

/// Why the directory cannot take this sweep, merge or calibration.
#[derive(Debug, Clone, PartialEq)]
pub enum DirReason {
    /// Files, none of them the study's (the first five named).
    NotEmpty { study: Study, entries: String },
    /// A study of another file (names and hashes).
    OtherExperiment {
        study: Study,
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
    /// Started by another build.
    OtherBuild {
        study: Study,
        have_version: String,
        have_commit: String,
        want_version: String,
        want_commit: String,
    },
    /// The directory cannot be made or written at all (a file on its path, no permission).
    Unusable(Unusable),
    /// The directory's state file (`sweep.json`, `calibration.json`) is not what this tool
    /// wrote: what the JSON reader said of it.
    Unreadable { file: String, why: String },
    /// `merge --out` names a sweep or shard directory.
    MergeIntoSweep,
    /// `merge --out` holds the merge of another experiment.
    MergeOtherExperiment,
    /// `merge --out` holds files, none of them a merge.
    MergeNotEmpty,
    /// This very calibration, asked for without `--resume`.
    CalibrationHere,
    /// `calibrated.toml` could not be made (what the TOML writer or the scenario's checks
    /// said, in English).
    CalibratedNotMade {
        step: CalibratedStep,
        message: String,
    },
}

/// Which step of writing `calibrated.toml` failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalibratedStep {
    /// The base scenario as a TOML table.
    Base,
    /// The base scenario with the posterior medians set, checked.
    Medians,
    /// The calibrated scenario as TOML text.
    Written,
}

impl DirReason {
    /// Files of the user's in the directory, the first five named.
    pub fn not_empty(study: Study, entries: &[String]) -> DirReason {
        DirReason::NotEmpty {
            study,
            entries: entries
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

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
            DirReason::NotEmpty { study, entries } => {
                a.set("entries", entries.clone());
                match study {
                    Study::Sweep => "sweep-dir-not-empty",
                    Study::Calibration => "calibration-dir-not-empty",
                }
            }
            DirReason::OtherExperiment {
                study,
                have_name,
                have_hash,
                want_name,
                want_hash,
            } => {
                a.set("have_name", have_name.clone());
                a.set("have_hash", have_hash.clone());
                a.set("want_name", want_name.clone());
                a.set("want_hash", want_hash.clone());
                match study {
                    Study::Sweep => "sweep-dir-other-experiment",
                    Study::Calibration => "calibration-dir-other",
                }
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
                study,
                have_version,
                have_commit,
                want_version,
                want_commit,
            } => {
                a.set("have_version", have_version.clone());
                a.set("have_commit", commit(have_commit));
                a.set("want_version", want_version.clone());
                a.set("want_commit", commit(want_commit));
                match study {
                    Study::Sweep => "sweep-dir-other-build",
                    Study::Calibration => "calibration-dir-other-build",
                }
            }
            DirReason::Unusable(why) => {
                a.set("reason", why.said(lang));
                "dir-unusable"
            }
            DirReason::Unreadable { file, why } => {
                a.set("file", file.clone());
                a.set("why", why.clone());
                "dir-unreadable"
            }
            DirReason::MergeIntoSweep => "merge-out-sweep",
            DirReason::MergeOtherExperiment => "merge-out-other-experiment",
            DirReason::MergeNotEmpty => "merge-out-not-empty",
            DirReason::CalibrationHere => "calibration-dir-already-here",
            DirReason::CalibratedNotMade { step, message } => {
                a.set("message", message.clone());
                match step {
                    CalibratedStep::Base => "calibrated-base-not-toml",
                    CalibratedStep::Medians => "calibrated-medians-invalid",
                    CalibratedStep::Written => "calibrated-not-toml",
                }
            }
        };
        text_with(lang, id, &a)
    }
}

undercurrent_text::said_in_english!(DirReason);

#[cfg(test)]
mod tests {
    use super::*;

    fn every_reason() -> Vec<DirReason> {
        vec![
            DirReason::Unusable(Unusable::FileOnPath {
                file: "notes.txt".into(),
            }),
            DirReason::Unreadable {
                file: "sweep.json".into(),
                why: "EOF while parsing".into(),
            },
            DirReason::MergeIntoSweep,
            DirReason::MergeOtherExperiment,
            DirReason::MergeNotEmpty,
            DirReason::OtherExperiment {
                study: Study::Calibration,
                have_name: "a".into(),
                have_hash: "h1".into(),
                want_name: "b".into(),
                want_hash: "h2".into(),
            },
            DirReason::CalibrationHere,
            DirReason::OtherBuild {
                study: Study::Calibration,
                have_version: "0.1.0".into(),
                have_commit: "abc".into(),
                want_version: "0.2.0".into(),
                want_commit: "def".into(),
            },
            DirReason::not_empty(Study::Calibration, &["notes.txt".into()]),
            DirReason::CalibratedNotMade {
                step: CalibratedStep::Base,
                message: "unsupported".into(),
            },
            DirReason::CalibratedNotMade {
                step: CalibratedStep::Medians,
                message: "too high".into(),
            },
            DirReason::CalibratedNotMade {
                step: CalibratedStep::Written,
                message: "unsupported".into(),
            },
            DirReason::not_empty(Study::Sweep, &["notes.txt".into()]),
            DirReason::OtherExperiment {
                study: Study::Sweep,
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
                study: Study::Sweep,
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
        let (earlier, english) = english.split_at(12);
        assert_eq!(earlier, [
            "notes.txt is a file, not a directory; choose another --out",
            "sweep.json is unreadable (EOF while parsing); was it edited?",
            "the directory is a sweep or shard directory; merge into another --out",
            "the directory holds another experiment; choose another --out",
            "the directory is not empty; choose another --out",
            "the directory holds another calibration ('a', hash h1; this one is 'b', hash h2): choose another --out",
            "the directory already holds this calibration; add --resume to continue it (or to rewrite its outputs), or choose another --out",
            "the calibration was started by undercurrent 0.1.0 (commit abc); this is 0.2.0 (commit def): finish it with the build that started it, or choose another --out",
            "the directory is not empty (notes.txt) and holds no calibration (calibration.json is missing); choose another --out",
            "the base scenario cannot be written as TOML: unsupported",
            "the posterior medians make no valid scenario: too high",
            "the calibrated scenario cannot be written as TOML: unsupported",
        ]);
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
            for word in [
                "the directory",
                "choose another",
                "holds",
                "resume it",
                "cannot",
            ] {
                assert!(!dutch.contains(word), "{dutch}");
            }
        }
    }
}
