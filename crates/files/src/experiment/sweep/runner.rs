//! Running a sweep: rayon workers compute runs, one writer thread appends their journal
//! lines, and the final files are written once every run is in.
//!
//! Memory stays bounded whatever the number of runs: a worker holds one replication's series
//! while it summarises them, the channel to the writer holds a few lines, and nothing else
//! of a finished run stays in memory. The journal is the only record until the end.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::agents;
use super::dir_reason::DirReason;
use super::experiment::Experiment;
use super::finalize::{self, Timing, MANIFEST};
use super::journal::{self, JOURNAL};
use super::reasons::{JournalReason, RunReason};
use super::state::{self, Shard};
use super::summary;
use super::{io_err, SweepError};
use crate::experiment::replication::{run_replication, run_replication_with, RunSettings};
use crate::model::Consts;
use crate::output::lock;
use crate::output::manifest::now_rfc3339;
use crate::output::tables::num;

/// How to run a sweep.
#[derive(Debug, Clone)]
pub struct SweepOptions {
    pub out: PathBuf,
    /// Worker threads; results do not depend on it.
    pub threads: usize,
    /// Continue the sweep already in `out`.
    pub resume: bool,
    pub shard: Option<Shard>,
    /// The command line, for `timing.json`.
    pub command: String,
}

/// Progress reports, from the writer thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Runs already in the journal, and runs this sweep (or shard) has in all.
    Start { done: usize, total: usize },
    /// One more run is in the journal.
    Run { done: usize },
    /// Every run is in; the final files are being written.
    Finalizing,
}

/// What a sweep did.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepReport {
    /// Runs of this sweep (or shard).
    pub total: usize,
    /// Runs found in the journal at the start.
    pub resumed: usize,
    /// Runs computed now.
    pub computed: usize,
    /// A torn last journal line (from a kill) was dropped and its run recomputed.
    pub dropped_torn_line: bool,
    /// Final files written (empty for a shard, which only journals).
    pub files: Vec<String>,
    /// The sweep was already complete; nothing was run or written.
    pub already_complete: bool,
    pub wall_seconds: f64,
}

/// Runs (or resumes) a sweep into `opts.out`.
pub fn run_sweep(
    exp: &Experiment,
    opts: &SweepOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<SweepReport, SweepError> {
    run_sweep_unless(exp, opts, progress, &|| false)
}

/// [`run_sweep`], checking `stop` before each run: once it says stop, no run starts, those
/// under way finish into the journal, and the sweep returns [`SweepError::Run`] (a Python
/// caller's Ctrl-C); `resume` continues it like a killed sweep.
pub fn run_sweep_unless(
    exp: &Experiment,
    opts: &SweepOptions,
    progress: &(dyn Fn(Progress) + Sync),
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<SweepReport, SweepError> {
    let t0 = Instant::now();
    let started = now_rfc3339();
    let out = &opts.out;
    // One process per sweep directory: a second `--resume` while this one runs is refused.
    let _lock = match lock::lock_beside(out) {
        Ok(l) => l,
        Err(lock::LockError::Busy(b)) => return Err(b.into()),
        Err(lock::LockError::Unusable { dir, reason }) => {
            return Err(SweepError::Dir {
                dir,
                reason: Box::new(DirReason::Unusable(reason)),
            })
        }
        Err(lock::LockError::Io { path, source }) => return Err(SweepError::Io { path, source }),
    };
    state::prepare(exp, out, opts.shard, opts.resume)?;
    let jpath = out.join(JOURNAL);
    let scan = journal::scan(&jpath, exp.hash_u64())?;
    journal::truncate_torn(&jpath, &scan)?;

    let runs = exp.runs();
    let reps = exp.replications();
    let mut done = vec![false; runs];
    for &(run, _, _) in &scan.lines {
        let owned = usize::try_from(run)
            .ok()
            .filter(|&r| r < runs && opts.shard.is_none_or(|s| s.owns_point(r / reps)));
        match owned {
            Some(r) => done[r] = true,
            None => {
                return Err(SweepError::JournalCorrupt {
                    path: jpath.clone(),
                    line: 0,
                    reason: JournalReason::NotOurs { run },
                })
            }
        }
    }
    let mine: Vec<usize> = state::runs_in(exp, opts.shard).collect();
    let pending: Vec<usize> = mine.iter().copied().filter(|&r| !done[r]).collect();
    drop(done);
    let total = mine.len();
    drop(mine);
    let resumed = total - pending.len();

    if pending.is_empty() && (opts.shard.is_some() || out.join(MANIFEST).exists()) {
        if opts.shard.is_none() {
            // A sweep killed after its manifest, before it removed the runs' own files.
            agents::remove_run_files(out)?;
        }
        return Ok(SweepReport {
            total,
            resumed,
            computed: 0,
            dropped_torn_line: scan.torn,
            files: Vec::new(),
            already_complete: true,
            wall_seconds: t0.elapsed().as_secs_f64(),
        });
    }

    progress(Progress::Start {
        done: resumed,
        total,
    });
    let computed = compute(exp, &pending, out, opts.threads, resumed, progress, stop)?;

    let files = if opts.shard.is_some() {
        Vec::new()
    } else {
        progress(Progress::Finalizing);
        let timing = Timing {
            started,
            t0,
            threads: opts.threads,
            command: opts.command.clone(),
            runs_computed: computed,
            runs_resumed: resumed,
        };
        let files = finalize::finish(exp, &[jpath], out, Some(&timing))?;
        // The joined tables and the manifest are written: the runs' own files can go.
        agents::remove_run_files(out)?;
        files
    };
    Ok(SweepReport {
        total,
        resumed,
        computed,
        dropped_torn_line: scan.torn,
        files,
        already_complete: false,
        wall_seconds: t0.elapsed().as_secs_f64(),
    })
}

/// Computes `pending` runs on `threads` workers into `out`, appending each to the journal.
fn compute(
    exp: &Experiment,
    pending: &[usize],
    out: &Path,
    threads: usize,
    resumed: usize,
    progress: &(dyn Fn(Progress) + Sync),
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<usize, SweepError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .map_err(|e| SweepError::Run {
            run: 0,
            reason: RunReason::Threads {
                threads,
                message: e.to_string(),
            },
        })?;
    let jpath = &out.join(JOURNAL);
    let (tx, rx) = sync_channel::<Vec<u8>>(4 * threads.max(1));
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_lines(rx, jpath, resumed, progress));
        let worked = pool.install(|| {
            pending
                .par_iter()
                .with_max_len(1)
                .try_for_each_with(tx, |tx, &run| {
                    if stop() {
                        return Err(SweepError::Run {
                            run,
                            reason: RunReason::Interrupted,
                        });
                    }
                    let line = compute_run(exp, run, out)?;
                    tx.send(line).map_err(|_| SweepError::Run {
                        run,
                        reason: RunReason::WriterStopped,
                    })
                })
        });
        let written = writer.join().unwrap_or(Err(SweepError::Run {
            run: 0,
            reason: RunReason::WriterPanicked,
        }));
        // A writer failure (disk full, ...) is the cause; the workers' send errors follow it.
        let written = written?;
        worked.map(|()| written)
    })
}

/// Appends lines to the journal as they arrive; syncs to disk at least every second so a
/// machine crash loses at most a second of runs (a killed process loses nothing it wrote).
fn write_lines(
    rx: Receiver<Vec<u8>>,
    path: &Path,
    resumed: usize,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<usize, SweepError> {
    let mut f = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io_err(path))?;
    let mut n = 0usize;
    let mut last_sync = Instant::now();
    for line in rx {
        // One write per line, newline last: a kill leaves at most one torn line.
        f.write_all(&line).map_err(io_err(path))?;
        n += 1;
        progress(Progress::Run { done: resumed + n });
        if last_sync.elapsed() >= Duration::from_secs(1) {
            f.sync_data().map_err(io_err(path))?;
            last_sync = Instant::now();
        }
    }
    f.sync_all().map_err(io_err(path))?;
    Ok(n)
}

/// Runs one replication of one design point and returns its journal line, having written
/// its team rows and employee snapshots (when the experiment keeps them) to their files in
/// `dir`: a run in the journal always has its files.
pub fn compute_run(exp: &Experiment, run: usize, dir: &Path) -> Result<Vec<u8>, SweepError> {
    let reps = exp.replications();
    let (point, rep) = (run / reps, run % reps);
    let s = exp.scenario_at(point).map_err(|message| SweepError::Run {
        run,
        reason: RunReason::Point(message),
    })?;
    let params = s.params();
    let consts = Consts::new(&params);
    let plans = s.plans();
    // Team series and snapshots as the base scenario asks for them (on the point's days).
    let (teams, employees) = (agents::teams(exp), agents::employees(exp));
    let settings = RunSettings {
        snapshot_days: if employees {
            s.snapshot_days()
        } else {
            Vec::new()
        },
        teams,
        ..s.run_settings()
    };
    let failed = |e: std::io::Error| SweepError::Run {
        run,
        reason: RunReason::Rows {
            dir: dir.to_path_buf(),
            why: (&e).into(),
        },
    };
    let sink = if employees {
        Some(agents::RunEmployees::new(exp, dir, run).map_err(failed)?)
    } else {
        None
    };
    let res = match &sink {
        None => run_replication(
            &params,
            &consts,
            &plans,
            exp.run_seed(point, rep),
            &settings,
        ),
        Some(sink) => run_replication_with(
            &params,
            &consts,
            &plans,
            exp.run_seed(point, rep),
            &settings,
            (rep, sink),
            &|| false,
        )
        .ok_or(SweepError::Run {
            run,
            reason: RunReason::Stopped,
        })?,
    };
    if let Some(sink) = sink {
        sink.join().map_err(failed)?;
    }
    if teams {
        agents::write_teams(exp, dir, run, &res).map_err(failed)?;
    }
    let all = summary::all_values(&res, &exp.named);
    let mut values = String::with_capacity(exp.column_index.len() * 12);
    for (i, &c) in exp.column_index.iter().enumerate() {
        if i > 0 {
            values.push(',');
        }
        values.push_str(&num(all[c]));
    }
    let mut series = String::new();
    if exp.keeps_series() {
        let metrics: Vec<_> = exp.series.iter().map(|(_, m)| *m).collect();
        for (i, v) in summary::series_values(&res, &metrics).iter().enumerate() {
            if i > 0 {
                series.push(',');
            }
            series.push_str(&num(*v));
        }
    }
    Ok(journal::line(exp.hash_u64(), run as u64, &values, &series))
}
