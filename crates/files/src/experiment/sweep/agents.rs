//! Team- and agent-level data of a sweep (issue 21): when the base scenario asks for `teams`
//! or employee snapshots, every run writes its team rows (`teams.csv`) and its employees'
//! snapshots (`employees.csv`) as `undercurrent run` does, keyed by the run.
//!
//! A worker writes a run's rows to a file of its own, `teams.runs/run_<index>.csv` (and
//! `employees.runs/...`), under a temporary name renamed when complete, *before* the run's
//! journal line is sent: a run in the journal always has its files, and a run computed again
//! after a kill overwrites them atomically. The files have no header. Once every run is in,
//! [`write_all`] concatenates them in run order under one header into `teams.csv` and
//! `employees.csv`, streamed (a run's file at a time, never the table in memory), so the
//! bytes do not depend on threads, interruptions or shards; the per-run folders are removed
//! after the manifest is written. A shard keeps its runs' files in its own directory and
//! `merge` reads them from there.
//!
//! Columns: the run's key as `runs.csv` writes it (`point`, `replication`, the axes as
//! simulated), then the columns of `run`'s `teams.csv` / `employees.csv` without their
//! `replication` (the sweep's replication is the key's).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::experiment::Experiment;
use super::journal::JournalSet;
use super::summary::record_days;
use super::{io_err, SweepError};
use crate::experiment::replication::{ReplicationResult, Snapshot, SnapshotSink, SnapshotWriter};
use crate::experiment::scenario::Scenario;
use crate::metrics::registry::TEAM_METRICS;
use crate::model::employees::COL_NAMES;
use crate::output::files::AtomicFile;
use crate::output::parquet;
use crate::output::tables::{csv_err, employee_fields, employees_header, num, teams_header};

/// The team rows of every run.
pub const TEAMS: &str = "teams.csv";
/// The employee snapshots of every run.
pub const EMPLOYEES: &str = "employees.csv";
/// Folder of the runs' team rows while the sweep runs.
pub const TEAM_RUNS: &str = "teams.runs";
/// Folder of the runs' employee snapshots while the sweep runs.
pub const EMPLOYEE_RUNS: &str = "employees.runs";

/// Most bytes of team and employee rows a sweep may write: 200 GiB, counted twice while the
/// runs' files are joined (the per-run files and the joined table are on disk together).
pub const DISK_LIMIT_BYTES: f64 = 200.0 * 1024.0 * 1024.0 * 1024.0;

/// Whether the experiment writes team rows.
pub fn teams(exp: &Experiment) -> bool {
    exp.scenario.teams
}

/// Whether the experiment writes employee snapshots.
pub fn employees(exp: &Experiment) -> bool {
    exp.scenario.has_snapshots()
}

/// The file of run `run` in `folder` of sweep (or shard) directory `dir`.
pub fn run_file(dir: &Path, folder: &str, run: usize) -> PathBuf {
    dir.join(folder).join(format!("run_{run}.csv"))
}

/// The key fields of run `run`: point, replication and the axes as simulated (`runs.csv`).
fn key_fields(exp: &Experiment, run: usize) -> Vec<String> {
    let reps = exp.replications();
    let (p, r) = (run / reps, run % reps);
    let mut key = vec![p.to_string(), r.to_string()];
    let point = exp.simulated_point(p);
    key.extend(exp.axes.iter().zip(&point).map(|(a, &v)| a.text(v)));
    key
}

/// A header line: the key columns, then `run`'s columns without `replication`.
fn header(exp: &Experiment, run_header: Vec<&'static str>) -> String {
    let mut h: Vec<&str> = vec!["point", "replication"];
    h.extend(exp.axes.iter().map(|a| a.name.as_str()));
    h.extend(run_header.into_iter().filter(|c| *c != "replication"));
    let mut line = h.join(",");
    line.push('\n');
    line
}

/// Writes run `run`'s team rows (no header) to its file in `dir`, atomically.
pub fn write_teams(
    exp: &Experiment,
    dir: &Path,
    run: usize,
    res: &ReplicationResult,
) -> std::io::Result<()> {
    let path = run_file(dir, TEAM_RUNS, run);
    std::fs::create_dir_all(dir.join(TEAM_RUNS))?;
    let arms = exp.arm_names();
    let key = key_fields(exp, run);
    let mut file = AtomicFile::create(&path)?;
    {
        let mut w = csv::Writer::from_writer(&mut file);
        let mut row: Vec<String> = Vec::with_capacity(key.len() + TEAM_METRICS.len() + 4);
        for (a, arm) in arms.iter().enumerate() {
            for t in res.teams.get(a).into_iter().flatten() {
                for (k, day) in t.days.iter().enumerate() {
                    row.clear();
                    row.extend(key.iter().cloned());
                    row.push(arm.clone());
                    row.push(t.team.to_string());
                    row.push(day.to_string());
                    row.extend((0..TEAM_METRICS.len()).map(|m| num(t.value(k, m))));
                    row.push(num(t.role_model[k]));
                    w.write_record(&row).map_err(csv_err)?;
                }
            }
        }
        w.flush()?;
    }
    file.commit()
}

/// A [`SnapshotSink`] for one run: each arm streams its snapshots to a part file of its own
/// (arms run in parallel), joined in arm order into the run's file by [`RunEmployees::join`].
#[derive(Debug)]
pub struct RunEmployees {
    parts: PathBuf,
    path: PathBuf,
    arms: Vec<String>,
    key: Vec<String>,
    /// The first write error; later rows are dropped and `join` reports it.
    error: Mutex<Option<std::io::Error>>,
}

impl RunEmployees {
    /// The sink of run `run` of a sweep in `dir`; parts left by a killed attempt are removed.
    pub fn new(exp: &Experiment, dir: &Path, run: usize) -> std::io::Result<RunEmployees> {
        let path = run_file(dir, EMPLOYEE_RUNS, run);
        let parts = dir.join(EMPLOYEE_RUNS).join(format!("run_{run}.parts"));
        match std::fs::remove_dir_all(&parts) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        std::fs::create_dir_all(&parts)?;
        Ok(RunEmployees {
            parts,
            path,
            arms: exp.arm_names(),
            key: key_fields(exp, run),
            error: Mutex::new(None),
        })
    }

    fn part(&self, arm: usize) -> PathBuf {
        self.parts.join(format!("arm{arm}.csv"))
    }

    /// Joins the arms' parts in arm order into the run's file (atomically), then removes
    /// them. The first error of any writer wins.
    pub fn join(self) -> std::io::Result<()> {
        if let Some(e) = self.error.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return Err(e);
        }
        let mut file = AtomicFile::create(&self.path)?;
        for arm in 0..self.arms.len() {
            // An arm with no snapshot day inside its run writes no part.
            if let Ok(mut f) = File::open(self.part(arm)) {
                std::io::copy(&mut f, &mut file)?;
            }
        }
        file.commit()?;
        std::fs::remove_dir_all(&self.parts)
    }

    fn fail(&self, e: std::io::Error) {
        let mut slot = self.error.lock().unwrap_or_else(|p| p.into_inner());
        slot.get_or_insert(e);
    }
}

impl SnapshotSink for RunEmployees {
    fn open(&self, _rep: usize, arm: usize) -> Box<dyn SnapshotWriter + '_> {
        Box::new(PartWriter {
            sink: self,
            path: self.part(arm),
            w: None,
            arm: self.arms.get(arm).cloned().unwrap_or_default(),
            failed: false,
        })
    }
}

/// One arm's part, created at its first snapshot.
struct PartWriter<'a> {
    sink: &'a RunEmployees,
    path: PathBuf,
    w: Option<csv::Writer<BufWriter<File>>>,
    arm: String,
    failed: bool,
}

impl PartWriter<'_> {
    fn write(&mut self, s: &Snapshot) -> std::io::Result<()> {
        if self.w.is_none() {
            let f = File::create(&self.path)?;
            self.w = Some(csv::Writer::from_writer(BufWriter::with_capacity(
                1 << 16,
                f,
            )));
        }
        if let Some(w) = self.w.as_mut() {
            for k in &self.sink.key {
                w.write_field(k).map_err(csv_err)?;
            }
            w.write_field(&self.arm).map_err(csv_err)?;
            employee_fields(w, s)?;
            w.write_record(None::<&[u8]>).map_err(csv_err)?;
        }
        Ok(())
    }
}

impl SnapshotWriter for PartWriter<'_> {
    fn push(&mut self, s: &Snapshot) {
        if self.failed {
            return;
        }
        if let Err(e) = self.write(s) {
            self.failed = true;
            self.sink.fail(e);
        }
    }

    fn finish(mut self: Box<Self>) -> Vec<Snapshot> {
        if let Some(w) = self.w.take() {
            let done = w
                .into_inner()
                .map_err(|e| std::io::Error::other(e.to_string()))
                .and_then(|mut b| b.flush());
            if let Err(e) = done {
                self.sink.fail(e);
            }
        }
        Vec::new()
    }
}

/// Joins the runs' files into `teams.csv` / `employees.csv` in `out`, in run order; a run's
/// file is read from the directory of the journal that holds the run (`dirs[i]` beside
/// journal `i`). Returns the names written.
pub fn write_all(
    exp: &Experiment,
    set: &JournalSet,
    dirs: &[PathBuf],
    out: &Path,
) -> Result<Vec<String>, SweepError> {
    let mut files = Vec::new();
    let tables = [
        (
            teams(exp),
            TEAM_RUNS,
            TEAMS,
            teams_header(),
            parquet::SWEEP_TEAMS,
        ),
        (
            employees(exp),
            EMPLOYEE_RUNS,
            EMPLOYEES,
            employees_header(),
            parquet::SWEEP_EMPLOYEES,
        ),
    ];
    for (on, folder, name, run_header, columns) in tables {
        if !on {
            continue;
        }
        let path = out.join(name);
        let mut file = AtomicFile::create(&path).map_err(io_err(&path))?;
        file.write_all(header(exp, run_header).as_bytes())
            .map_err(io_err(&path))?;
        for run in 0..exp.runs() {
            let dir = set.file_of(run).and_then(|i| dirs.get(i)).ok_or_else(|| {
                SweepError::Incomplete {
                    missing: 1,
                    total: exp.runs(),
                    first: run,
                }
            })?;
            let src = run_file(dir, folder, run);
            let mut f = File::open(&src).map_err(|e| SweepError::Io {
                path: src.clone(),
                source: std::io::Error::new(
                    e.kind(),
                    format!("{e}: the run is in the journal but its rows are not (was {folder} deleted?); start the sweep again in a new --out"),
                ),
            })?;
            std::io::copy(&mut f, &mut file).map_err(io_err(&path))?;
        }
        file.commit().map_err(io_err(&path))?;
        files.push(name.to_string());
        if exp.file.parquet {
            let columnar = parquet::parquet_name(name);
            parquet::csv_to_parquet(&path, &out.join(&columnar), columns)
                .map_err(|e| io_err(&path)(std::io::Error::from(e)))?;
            files.push(columnar);
        }
    }
    Ok(files)
}

/// Removes the per-run folders of a finished sweep in `out` (its joined tables are written).
pub fn remove_run_files(out: &Path) -> Result<(), SweepError> {
    for folder in [TEAM_RUNS, EMPLOYEE_RUNS] {
        let dir = out.join(folder);
        match std::fs::remove_dir_all(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_err(&dir)(e)),
            _ => {}
        }
    }
    Ok(())
}

/// Bytes of team and employee rows one run of point scenario `s` writes, estimated from
/// the rows it writes (teams × recorded days, employees × snapshot days, per arm) and a
/// generous width per field (numbers in shortest form are rarely more than 20 characters).
pub fn run_bytes(s: &Scenario, teams: bool, employees: bool, key_fields: usize) -> f64 {
    const FIELD: f64 = 20.0;
    let arms = s.arms.len().max(1) as f64;
    let mut bytes = 0.0;
    if teams {
        let days = record_days(s.horizon_days, s.record_every).len() as f64;
        let fields = (key_fields + TEAM_METRICS.len() + 4) as f64;
        bytes += arms * s.n_teams() as f64 * days * fields * FIELD;
    }
    if employees {
        let days = s.snapshot_days().len() as f64;
        let fields = (key_fields + COL_NAMES.len() + 5) as f64;
        bytes += arms * s.organisation.employees as f64 * days * fields * FIELD;
    }
    bytes
}
