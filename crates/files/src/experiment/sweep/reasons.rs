//! Why a sweep's journal, one of its runs, a `runs.csv` it reads back, a `--shard` or a
//! sensitivity analysis failed, as data: `Display` is the English the tool has always
//! printed, `said(lang)` the same in the user's language (`sweep-error-*` in
//! `sweep-errors.ftl`). What another library said (the CSV reader, the thread pool, the
//! scenario's checks) is kept as it said it, inside words that say whose they are.

use std::path::PathBuf;

use undercurrent_text::{text, tr, IoWhy, Lang};

/// Why the journal cannot be trusted. A kill only ever tears its last line (which is
/// dropped and computed again), so each of these means the file was changed or damaged.
#[derive(Debug, Clone, PartialEq)]
pub enum JournalReason {
    Checksum,
    TooLong,
    NoSuchRun {
        run: u64,
        runs: usize,
    },
    RecordedTwice {
        run: u64,
    },
    ChangedAfterIndex {
        run: usize,
    },
    /// A run of another shard (or of no run of this sweep).
    NotOurs {
        run: u64,
    },
    /// A run's summary values are not the experiment's columns.
    Values {
        run: usize,
    },
    /// A run's time series are not the experiment's series.
    Series {
        run: usize,
    },
}

impl JournalReason {
    pub fn said(&self, lang: Lang) -> String {
        match self {
            JournalReason::Checksum => text(lang, "journal-checksum"),
            JournalReason::TooLong => text(lang, "journal-too-long"),
            JournalReason::NoSuchRun { run, runs } => tr!(
                lang,
                "journal-no-such-run",
                run = run.to_string(),
                runs = runs.to_string()
            ),
            JournalReason::RecordedTwice { run } => {
                tr!(lang, "journal-twice", run = run.to_string())
            }
            JournalReason::ChangedAfterIndex { run } => {
                tr!(lang, "journal-changed", run = run.to_string())
            }
            JournalReason::NotOurs { run } => tr!(lang, "journal-not-ours", run = run.to_string()),
            JournalReason::Values { run } => tr!(lang, "journal-values", run = run.to_string()),
            JournalReason::Series { run } => tr!(lang, "journal-series", run = run.to_string()),
        }
    }
}

/// Why a run of a sweep did not finish.
#[derive(Debug, Clone, PartialEq)]
pub enum RunReason {
    /// The design point makes no valid scenario (the checks' English).
    Point(String),
    /// The worker threads could not be started (the thread pool's English).
    Threads {
        threads: usize,
        message: String,
    },
    /// The caller asked the sweep to stop (a Python user's Ctrl-C).
    Interrupted,
    /// The thread that writes the journal is gone.
    WriterStopped,
    WriterPanicked,
    /// Its team or employee rows could not be written.
    Rows {
        dir: PathBuf,
        why: IoWhy,
    },
    /// Stopped before it gave its summary.
    Stopped,
}

impl RunReason {
    pub fn said(&self, lang: Lang) -> String {
        match self {
            RunReason::Point(m) => tr!(lang, "run-failed-point", message = m.clone()),
            RunReason::Threads { threads, message } => tr!(
                lang,
                "run-failed-threads",
                threads = threads.to_string(),
                message = message.clone()
            ),
            RunReason::Interrupted => text(lang, "run-failed-interrupted"),
            RunReason::WriterStopped => text(lang, "run-failed-writer-stopped"),
            RunReason::WriterPanicked => text(lang, "run-failed-writer-panicked"),
            RunReason::Rows { dir, why } => tr!(
                lang,
                "run-failed-rows",
                dir = dir.display().to_string(),
                reason = why.said(lang)
            ),
            RunReason::Stopped => text(lang, "run-failed-stopped"),
        }
    }
}

/// Why a sweep's `runs.csv` (read back for a sensitivity analysis) or a table it writes is
/// not what the sweep wrote.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvReason {
    /// What the CSV library said.
    Library(String),
    /// The header is not the experiment's columns.
    Columns,
    RowOrder {
        row: usize,
        point: usize,
        replication: usize,
    },
    NotNumber {
        row: usize,
        column: usize,
    },
    RunCount {
        rows: usize,
        runs: usize,
    },
}

impl CsvReason {
    pub fn said(&self, lang: Lang) -> String {
        match self {
            CsvReason::Library(m) => tr!(lang, "csv-library", message = m.clone()),
            CsvReason::Columns => text(lang, "csv-columns"),
            CsvReason::RowOrder {
                row,
                point,
                replication,
            } => tr!(
                lang,
                "csv-row-order",
                row = row.to_string(),
                point = point.to_string(),
                replication = replication.to_string()
            ),
            CsvReason::NotNumber { row, column } => tr!(
                lang,
                "csv-not-number",
                row = row.to_string(),
                column = column.to_string()
            ),
            CsvReason::RunCount { rows, runs } => tr!(
                lang,
                "csv-run-count",
                rows = rows.to_string(),
                runs = runs.to_string()
            ),
        }
    }
}

/// Why `--shard` is not of the form I/N with 1 <= I <= N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardReason {
    Form,
    INotWhole,
    NNotWhole,
    NOutOfRange,
    IOutOfRange { n: usize },
}

impl ShardReason {
    pub fn said(&self, lang: Lang) -> String {
        match self {
            ShardReason::Form => text(lang, "shard-form"),
            ShardReason::INotWhole => text(lang, "shard-i-not-whole"),
            ShardReason::NNotWhole => text(lang, "shard-n-not-whole"),
            ShardReason::NOutOfRange => text(lang, "shard-n-range"),
            ShardReason::IOutOfRange { n } => tr!(lang, "shard-i-range", n = n.to_string()),
        }
    }
}

/// Why a sensitivity analysis cannot be made of a directory.
#[derive(Debug, Clone, PartialEq)]
pub enum SensitivityReason {
    /// The experiment's design gives no indices.
    Design { kind: String },
    /// The directory holds no finished sweep.
    Unfinished { dir: PathBuf, manifest: String },
    /// The directory's sweep has a design that gives no indices.
    DirDesign { dir: PathBuf, kind: String },
    /// An output asked for with `--outputs` is not among the sweep's columns.
    UnknownOutput {
        name: String,
        closest: Option<String>,
    },
}

impl SensitivityReason {
    pub fn said(&self, lang: Lang) -> String {
        match self {
            SensitivityReason::Design { kind } => {
                tr!(lang, "sensitivity-design", kind = kind.clone())
            }
            SensitivityReason::Unfinished { dir, manifest } => tr!(
                lang,
                "sensitivity-unfinished",
                dir = dir.display().to_string(),
                manifest = manifest.clone()
            ),
            SensitivityReason::DirDesign { dir, kind } => tr!(
                lang,
                "sensitivity-dir-design",
                dir = dir.display().to_string(),
                kind = kind.clone()
            ),
            SensitivityReason::UnknownOutput { name, closest } => {
                let why = match closest {
                    Some(c) => tr!(lang, "sensitivity-output-closest", closest = c.clone()),
                    None => text(lang, "sensitivity-output-not-kept"),
                };
                tr!(lang, "sensitivity-output", name = name.clone(), why = why)
            }
        }
    }
}

undercurrent_text::said_in_english!(
    JournalReason,
    RunReason,
    CsvReason,
    ShardReason,
    SensitivityReason
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reason (as the English and Dutch it says), with the English the tool printed
    /// before the reasons were data.
    fn every_reason() -> Vec<(String, String, &'static str)> {
        fn both<T: std::fmt::Display>(
            r: T,
            said: impl Fn(&T, Lang) -> String,
            english: &'static str,
        ) -> (String, String, &'static str) {
            assert_eq!(r.to_string(), said(&r, Lang::En));
            (r.to_string(), said(&r, Lang::Nl), english)
        }
        let j = |r: JournalReason, e| both(r, JournalReason::said, e);
        let run = |r: RunReason, e| both(r, RunReason::said, e);
        let csv = |r: CsvReason, e| both(r, CsvReason::said, e);
        let shard = |r: ShardReason, e| both(r, ShardReason::said, e);
        let sens = |r: SensitivityReason, e| both(r, SensitivityReason::said, e);
        vec![
            j(JournalReason::Checksum, "the line's checksum does not match its content (or it belongs to another experiment); a kill cannot cause this, so the file was changed or damaged"),
            j(JournalReason::TooLong, "line longer than 4 GiB"),
            j(JournalReason::NoSuchRun { run: 9, runs: 8 }, "run 9 does not exist (the experiment has 8)"),
            j(JournalReason::RecordedTwice { run: 3 }, "run 3 is recorded twice with different results"),
            j(JournalReason::ChangedAfterIndex { run: 3 }, "run 3's line changed after it was indexed"),
            j(JournalReason::NotOurs { run: 3 }, "run 3 does not belong to this sweep or shard"),
            j(JournalReason::Values { run: 3 }, "run 3: its summary values do not match the experiment's columns"),
            j(JournalReason::Series { run: 3 }, "run 3: its time series do not match the experiment's series"),
            run(RunReason::Point("coaching.intensity = 2 is above 1".into()), "coaching.intensity = 2 is above 1"),
            run(RunReason::Threads { threads: 4, message: "no memory".into() }, "cannot start 4 worker threads: no memory"),
            run(RunReason::Interrupted, "interrupted"),
            run(RunReason::WriterStopped, "the journal writer stopped"),
            run(RunReason::WriterPanicked, "the journal writer thread panicked"),
            run(
                RunReason::Rows {
                    dir: "out/teams".into(),
                    why: (&std::io::Error::from(std::io::ErrorKind::PermissionDenied)).into(),
                },
                "cannot write its team or employee rows in out/teams: permission denied",
            ),
            run(RunReason::Stopped, "stopped"),
            csv(CsvReason::Library("found record with 3 fields".into()), "found record with 3 fields"),
            csv(CsvReason::Columns, "its columns are not those of the experiment in experiment.toml"),
            csv(CsvReason::RowOrder { row: 5, point: 1, replication: 2 }, "row 5 should be point 1, replication 2"),
            csv(CsvReason::NotNumber { row: 5, column: 7 }, "row 5: column 7 is not a number"),
            csv(CsvReason::RunCount { rows: 6, runs: 8 }, "6 runs, expected 8"),
            shard(ShardReason::Form, "expected I/N, for example 2/4 (shard 2 of 4)"),
            shard(ShardReason::INotWhole, "I must be a whole number"),
            shard(ShardReason::NNotWhole, "N must be a whole number"),
            shard(ShardReason::NOutOfRange, "N must be in [1, 1000000]"),
            shard(ShardReason::IOutOfRange { n: 3 }, "I must be in [1, 3]: shards are numbered from 1"),
            sens(SensitivityReason::Design { kind: "grid".into() }, "sensitivity indices need a sobol or morris design, not grid"),
            sens(
                SensitivityReason::Unfinished { dir: "out".into(), manifest: "manifest.json".into() },
                "out holds no complete sweep (manifest.json is missing); finish it first (undercurrent sweep ... --resume)",
            ),
            sens(
                SensitivityReason::DirDesign { dir: "out".into(), kind: "grid".into() },
                "out is a grid sweep; sensitivity indices need design = \"sobol\" or \"morris\"",
            ),
            sens(
                SensitivityReason::UnknownOutput { name: "nps".into(), closest: Some("NPS".into()) },
                "--outputs: `nps`: did you mean `NPS`?",
            ),
            sens(
                SensitivityReason::UnknownOutput { name: "xyz".into(), closest: None },
                "--outputs: `xyz`: not among the kept columns (see keep_metrics)",
            ),
        ]
    }

    #[test]
    fn the_english_is_what_the_sweep_always_said() {
        for (english, _, before) in every_reason() {
            assert_eq!(english, before);
        }
    }

    #[test]
    fn dutch_says_every_reason_in_its_own_words() {
        for (english, dutch, _) in every_reason() {
            assert_ne!(dutch, english);
            for word in [
                "does not",
                "cannot",
                "must be",
                "the journal",
                "its columns",
                "should be",
                "expected",
                "need",
                "did you mean",
                "stopped",
                "interrupted",
            ] {
                assert!(!dutch.contains(word), "{dutch}");
            }
        }
    }
}
