//! Running a scenario into its results directory: the library's `run`, as
//! [`run_sweep`](crate::experiment::sweep::runner::run_sweep) is its `sweep`.
//!
//! The result is written into a staging directory beside the target (see [`super::staging`])
//! and handed back as a [`StagedRun`]: complete (data files and `manifest.json`) but not yet
//! in place. The caller may add files drawn from it (charts, `report.html`: this layer draws
//! nothing) and then [`StagedRun::commit`]s it; dropped instead, the previous result in the
//! target stays as it was.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::experiment::claims::ClaimRow;
use crate::experiment::replication::{Collect, SnapshotSink};
use crate::experiment::runner::{run_each_into, run_scenario_into};
use crate::experiment::scenario::Scenario;
use crate::metrics::aggregate::{self, DurabilityRow};

use super::employees::EmployeeParts;
use super::manifest::{self, Manifest, RunRecord};
use super::run_dir::{write_manifest, write_run_with};
use super::staging::{OutputError, Staged};

/// How to run a scenario.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The results directory.
    pub out: PathBuf,
    /// Write beside files undercurrent did not write (they are left untouched).
    pub force: bool,
    /// Worker threads; results do not depend on it.
    pub threads: usize,
    /// The command line, for `manifest.json`.
    pub command: String,
    /// `run --posterior DIR`: each replication's own parameters drawn from a calibration's
    /// posterior; `None` for an ordinary run.
    pub posterior: Option<PosteriorDraws>,
    /// Also write the large tables as Parquet (`--format parquet`).
    pub parquet: bool,
}

/// Per-replication scenarios drawn from a posterior, and the table of the draws
/// (`posterior_draws.csv`) written with the run.
#[derive(Debug, Clone)]
pub struct PosteriorDraws {
    /// Replication r runs `scenarios[r]`; as many as the scenario's replications.
    pub scenarios: Vec<Scenario>,
    pub table: String,
}

/// File name of the draws of `run --posterior`.
pub const POSTERIOR_DRAWS: &str = "posterior_draws.csv";

/// Progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunProgress {
    /// The output directory is ready and the replications start on `threads` threads.
    Start { threads: usize },
    /// One more replication is done.
    Replication,
}

/// Why a run could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The output directory is the user's to fix (foreign files, not a directory).
    #[error(transparent)]
    OutDir(OutputError),
    /// The staging directory could not be made.
    #[error("cannot prepare the output directory: {0}")]
    Prepare(OutputError),
    #[error(transparent)]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// Writing a result file failed.
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

impl RunError {
    /// The error in `lang`: the output directory's in its words
    /// ([`OutputError::said`]); a failure of the machine with the system's reason.
    pub fn said(&self, lang: undercurrent_text::Lang) -> String {
        match self {
            RunError::OutDir(e) => e.said(lang),
            RunError::Prepare(e) => {
                let mut a = undercurrent_text::Args::new();
                a.set("message", e.said(lang));
                undercurrent_text::text_with(lang, "output-error-prepare", &a)
            }
            RunError::Write(e) => undercurrent_text::io_reason(lang, e),
            RunError::Threads(_) => self.to_string(),
        }
    }

    /// Whether the user's input is at fault (exit code 2) rather than the machine (1).
    pub fn is_input_error(&self) -> bool {
        matches!(self, RunError::OutDir(_))
    }
}

impl From<OutputError> for RunError {
    fn from(e: OutputError) -> Self {
        if e.is_input_error() {
            RunError::OutDir(e)
        } else {
            RunError::Prepare(e)
        }
    }
}

/// What a run wrote.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// Data files written before `manifest.json`.
    pub files: Vec<String>,
    /// Seconds from the first replication to the last data file (the manifest's
    /// `wall_seconds`).
    pub wall_seconds: f64,
    pub threads: usize,
    /// The arms' names, baseline first.
    pub arms: Vec<String>,
    /// The rows of `durability.csv`, for a printed table.
    pub durability: Vec<DurabilityRow>,
    /// The judged checks of the scenario's claims (`claims.csv`), for a printed summary.
    pub claims: Vec<ClaimRow>,
}

/// A complete result in its staging directory, not yet moved into place.
#[derive(Debug)]
pub struct StagedRun {
    staged: Staged,
    pub report: RunReport,
}

impl StagedRun {
    /// Where the result is now (files drawn from it go here too).
    pub fn path(&self) -> &Path {
        self.staged.path()
    }

    /// The directory the result ends up in.
    pub fn target(&self) -> &Path {
        self.staged.target()
    }

    /// Moves the result into place; see [`Staged::commit`].
    pub fn commit(self) -> Result<PathBuf, OutputError> {
        self.staged.commit()
    }
}

/// Writes a Parquet copy of every large table among `files` (in `dir`) and returns the
/// copies' names.
pub fn parquet_copies(dir: &Path, files: &[String]) -> Result<Vec<String>, RunError> {
    let mut out = Vec::new();
    for (table, columns) in super::parquet::RUN_TABLES {
        let csv = format!("{table}.csv");
        if files.contains(&csv) {
            let name = super::parquet::parquet_name(&csv);
            super::parquet::csv_to_parquet(&dir.join(&csv), &dir.join(&name), columns)
                .map_err(std::io::Error::from)?;
            out.push(name);
        }
    }
    Ok(out)
}

/// Runs every replication of `s` on `opts.threads` threads and writes the run's files and
/// its manifest into a staging directory for `opts.out`.
pub fn run_to_dir(
    s: &Scenario,
    opts: &RunOptions,
    progress: &(dyn Fn(RunProgress) + Sync),
) -> Result<StagedRun, RunError> {
    let staged = Staged::prepare(&opts.out, opts.force)?;
    let dir = staged.path();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()?;
    let started = manifest::now_rfc3339();
    let t0 = Instant::now();
    progress(RunProgress::Start {
        threads: opts.threads,
    });
    let tick = || progress(RunProgress::Replication);
    let arms: Vec<String> = s.arms.iter().map(|a| a.name.clone()).collect();
    // Employee snapshots go to disk as they are taken, not into memory.
    let parts = if !s.has_snapshots() {
        None
    } else {
        Some(EmployeeParts::new(dir, &arms)?)
    };
    let sink: &dyn SnapshotSink = match &parts {
        Some(p) => p,
        None => &Collect,
    };
    let results = match &opts.posterior {
        None => pool.install(|| run_scenario_into(s, &tick, sink)),
        Some(p) => pool.install(|| run_each_into(s.seed, &p.scenarios, &tick, sink)),
    };
    let durability = aggregate::durability(&results, arms.len());
    let (mut files, claims) = write_run_with(dir, s, &results, &durability, parts)?;
    if opts.parquet {
        files.extend(parquet_copies(dir, &files)?);
    }
    if let Some(p) = &opts.posterior {
        let path = dir.join(POSTERIOR_DRAWS);
        crate::output::write_atomic(&path, p.table.as_bytes())?;
        files.push(POSTERIOR_DRAWS.to_string());
    }
    let wall_seconds = t0.elapsed().as_secs_f64();
    let record = RunRecord {
        command: opts.command.clone(),
        threads: opts.threads,
        started,
        finished: manifest::now_rfc3339(),
        wall_seconds,
    };
    write_manifest(dir, &Manifest::of_run(s, files.clone(), record))?;
    Ok(StagedRun {
        staged,
        report: RunReport {
            files,
            wall_seconds,
            threads: opts.threads,
            arms,
            durability,
            claims,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::manifest::read_manifest;

    const TINY: &str = r#"
name = "tiny"
seed = 3
replications = 2
horizon_days = 60
burn_in_days = 20
record_every = 10
[organisation]
employees = 16
team_size = 8
[[arms]]
name = "training"
[[arms.interventions]]
kind = "training"
start = 5
duration = 2
"#;

    fn target(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("uc-run-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn a_run_is_complete_in_staging_and_in_place_only_after_commit() {
        let s = Scenario::parse(TINY, "tiny.toml").unwrap();
        let out = target("commit");
        let opts = RunOptions {
            out: out.clone(),
            force: false,
            threads: 2,
            command: "undercurrent run tiny.toml".into(),
            posterior: None,
            parquet: false,
        };
        let ticks = std::sync::atomic::AtomicUsize::new(0);
        let progress = |p: RunProgress| {
            if p == RunProgress::Replication {
                ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        };
        let staged = run_to_dir(&s, &opts, &progress).unwrap();
        assert_eq!(ticks.into_inner(), 2);
        assert_eq!(staged.target(), out);
        assert!(staged.path().join("manifest.json").is_file());
        assert!(!out.join("manifest.json").exists());
        let r = &staged.report;
        assert_eq!(r.arms, ["baseline", "training"]);
        assert!(r
            .files
            .starts_with(&["timeseries.csv".into(), "durability.csv".into()]));
        assert!(r.durability.iter().any(|d| d.arm == 1));
        let files = r.files.clone();
        let dir = staged.commit().unwrap();
        let m = read_manifest(&dir).unwrap().unwrap();
        assert_eq!(m.scenario_name().as_deref(), Some("tiny"));
        assert_eq!(m.command.as_deref(), Some("undercurrent run tiny.toml"));
        for f in files {
            assert!(dir.join(&f).is_file(), "{f}");
        }
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn a_directory_of_foreign_files_is_the_users_to_fix() {
        let s = Scenario::parse(TINY, "tiny.toml").unwrap();
        let out = target("foreign");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("thesis.docx"), "mine").unwrap();
        let opts = RunOptions {
            out: out.clone(),
            force: false,
            threads: 1,
            command: String::new(),
            posterior: None,
            parquet: false,
        };
        let e = run_to_dir(&s, &opts, &|_| {}).unwrap_err();
        assert!(e.is_input_error(), "{e}");
        assert!(e.to_string().contains("thesis.docx"), "{e}");
        let _ = std::fs::remove_dir_all(&out);
    }
}
