//! Experiments and sweeps: many scenarios (design points) × replications, run in parallel,
//! streamed to disk as they finish, resumable after a kill, splittable into shards.
//!
//! Data flow: an experiment file ([`experiment`]) → design points ([`design`]) applied to the
//! base scenario ([`apply`]) → runs computed by rayon workers ([`runner`]), each summarised
//! ([`summary`]) into one journal line handed to a single writer thread ([`journal`]) → once
//! every run is in, the final files are written in run order from the journal
//! ([`finalize`]), the sensitivity indices from them ([`analysis`]), and `manifest.json`
//! last. [`merge`] does the same from the journals of several shards.

pub mod agents;
pub mod analysis;
pub mod apply;
pub mod design;
pub mod dir_reason;
pub mod experiment;
pub mod finalize;
pub mod journal;
pub mod merge;
pub mod merge_reason;
pub mod reasons;
pub mod runner;
pub mod state;
pub mod summary;

use std::path::PathBuf;

use experiment::ExperimentError;

/// What can stop a sweep, a merge or a sensitivity analysis.
#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    /// The experiment file (or its base scenario) is invalid.
    #[error(transparent)]
    Experiment(#[from] ExperimentError),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The output directory holds something this sweep cannot continue, said as data so
    /// that it can be said in the user's language ([`dir_reason::DirReason::said`]).
    #[error("{}: {reason}", dir.display())]
    Dir {
        dir: PathBuf,
        reason: Box<dir_reason::DirReason>,
    },
    /// Another process is running or resuming the same sweep directory.
    #[error(transparent)]
    Busy(#[from] crate::output::lock::Busy),
    /// `--shard` is not of the form I/N with 1 <= I <= N.
    #[error("--shard {spec:?}: {reason}")]
    BadShard {
        spec: String,
        reason: reasons::ShardReason,
    },
    /// The shards given to `merge` do not make up one complete sweep.
    #[error("{0}")]
    Merge(Box<merge_reason::MergeReason>),
    /// A sensitivity analysis was asked of a directory that cannot give one.
    #[error("{0}")]
    Sensitivity(reasons::SensitivityReason),
    #[error("{}: {reason}", journal_location(path, *line))]
    JournalCorrupt {
        path: PathBuf,
        line: usize,
        reason: reasons::JournalReason,
    },
    #[error("{missing} of {total} runs are missing from the journal (first: run {first})")]
    Incomplete {
        missing: usize,
        total: usize,
        first: usize,
    },
    #[error("{}: {reason}", path.display())]
    Csv {
        path: PathBuf,
        reason: reasons::CsvReason,
    },
    #[error("run {run}: {reason}")]
    Run {
        run: usize,
        reason: reasons::RunReason,
    },
}

/// `PATH:LINE` of a journal line, or the path alone when no line is known (0).
fn journal_location(path: &std::path::Path, line: usize) -> String {
    match line {
        0 => path.display().to_string(),
        line => format!("{}:{line}", path.display()),
    }
}

impl SweepError {
    /// The error in `lang`; in English exactly the `Display` (tested). Paths, run numbers
    /// and flags are kept as they are.
    pub fn said(&self, lang: undercurrent_text::Lang) -> String {
        use undercurrent_text::tr;
        match self {
            SweepError::Experiment(e) => crate::words::experiment_error_text(e, lang),
            SweepError::Busy(b) => b.said(lang),
            SweepError::Dir { dir, reason } => format!("{}: {}", dir.display(), reason.said(lang)),
            SweepError::Io { path, source } => crate::output::staging::io_said(lang, path, source),
            SweepError::BadShard { spec, reason } => tr!(
                lang,
                "sweep-error-shard",
                spec = format!("{spec:?}"),
                reason = reason.said(lang)
            ),
            SweepError::Merge(reason) => reason.said(lang),
            SweepError::Sensitivity(reason) => reason.said(lang),
            SweepError::JournalCorrupt { path, line, reason } => tr!(
                lang,
                "sweep-error-journal",
                location = journal_location(path, *line),
                reason = reason.said(lang)
            ),
            SweepError::Incomplete {
                missing,
                total,
                first,
            } => tr!(
                lang,
                "sweep-error-incomplete",
                missing = missing.to_string(),
                total = total.to_string(),
                first = first.to_string()
            ),
            SweepError::Csv { path, reason } => tr!(
                lang,
                "sweep-error-csv",
                path = path.display().to_string(),
                reason = reason.said(lang)
            ),
            SweepError::Run { run, reason } => tr!(
                lang,
                "sweep-error-run",
                run = run.to_string(),
                reason = reason.said(lang)
            ),
        }
    }

    /// Whether the error is the user's input (exit code 2) rather than a failure while
    /// running (exit code 1).
    pub fn is_input_error(&self) -> bool {
        match self {
            SweepError::Experiment(e) => e.is_input_error(),
            _ => matches!(
                self,
                SweepError::Dir { .. }
                    | SweepError::Busy(_)
                    | SweepError::BadShard { .. }
                    | SweepError::Merge(_)
                    | SweepError::Sensitivity(_)
            ),
        }
    }
}

pub(crate) fn io_err(path: &std::path::Path) -> impl Fn(std::io::Error) -> SweepError + '_ {
    move |source| SweepError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::reasons::*;
    use super::*;
    use undercurrent_text::Lang;

    /// One error of every kind `said` frames itself (the reasons inside are tested in their
    /// own modules).
    fn framed() -> Vec<SweepError> {
        vec![
            SweepError::BadShard {
                spec: "5/3".into(),
                reason: ShardReason::IOutOfRange { n: 3 },
            },
            SweepError::Merge(Box::new(merge_reason::MergeReason::NoShards)),
            SweepError::Sensitivity(SensitivityReason::Design {
                kind: "grid".into(),
            }),
            SweepError::JournalCorrupt {
                path: "out/runs.journal".into(),
                line: 4,
                reason: JournalReason::TooLong,
            },
            SweepError::JournalCorrupt {
                path: "out/runs.journal".into(),
                line: 0,
                reason: JournalReason::RecordedTwice { run: 3 },
            },
            SweepError::Incomplete {
                missing: 2,
                total: 8,
                first: 5,
            },
            SweepError::Csv {
                path: "out/runs.csv".into(),
                reason: CsvReason::Columns,
            },
            SweepError::Run {
                run: 7,
                reason: RunReason::Interrupted,
            },
            SweepError::Dir {
                dir: "out".into(),
                reason: Box::new(dir_reason::DirReason::MergeNotEmpty),
            },
        ]
    }

    #[test]
    fn every_frame_says_in_english_what_the_error_displays() {
        for e in framed() {
            assert_eq!(e.said(Lang::En), e.to_string());
        }
        assert_eq!(
            framed()[3].to_string(),
            "out/runs.journal:4: line longer than 4 GiB"
        );
        assert_eq!(
            framed()[4].to_string(),
            "out/runs.journal: run 3 is recorded twice with different results"
        );
    }

    #[test]
    fn every_frame_is_dutch_around_its_dutch_reason() {
        for e in framed() {
            let dutch = e.said(Lang::Nl);
            assert_ne!(dutch, e.to_string());
            for word in [
                "missing",
                "does not",
                "must be",
                "interrupted",
                "the directory",
            ] {
                assert!(!dutch.contains(word), "{dutch}");
            }
        }
        assert_eq!(
            framed()[5].said(Lang::Nl),
            "2 van de 8 runs ontbreken in het journaal (de eerste: run 5)"
        );
    }
}
