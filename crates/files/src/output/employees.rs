//! `employees.csv`, streamed: every arm of every replication writes its employee snapshots to
//! its own part file as they are taken, and the parts are joined in arm-then-replication order
//! once the run is done. Memory therefore stays flat however many snapshot days a scenario asks
//! for (a daily snapshot of the default scenario is 18 million rows, about 13 GB of text), and
//! the bytes are those of the table built in memory ([`super::tables::write_employees`]).
//!
//! The parts live in a folder inside the run's staging directory, so a run that fails or is
//! killed leaves none of them in a result; each part is deleted as soon as it has been joined,
//! so the disk holds the table about once, not twice.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::experiment::replication::{Snapshot, SnapshotSink, SnapshotWriter};

use super::files::AtomicFile;
use super::tables::{csv_err, employee_record, employees_header};

/// Folder of the part files inside the staging directory.
const PARTS: &str = "employees.parts";

/// A [`SnapshotSink`] that writes each arm's snapshots to a part file of its own.
#[derive(Debug)]
pub struct EmployeeParts {
    dir: PathBuf,
    arms: Vec<String>,
    /// The first write error; later rows are dropped and [`EmployeeParts::join`] reports it.
    error: Mutex<Option<std::io::Error>>,
}

impl EmployeeParts {
    /// Parts for a run into `dir` (the staging directory) with these arms.
    pub fn new(dir: &Path, arms: &[String]) -> std::io::Result<EmployeeParts> {
        let dir = dir.join(PARTS);
        std::fs::create_dir_all(&dir)?;
        Ok(EmployeeParts {
            dir,
            arms: arms.to_vec(),
            error: Mutex::new(None),
        })
    }

    fn part(&self, rep: usize, arm: usize) -> PathBuf {
        self.dir.join(format!("arm{arm}-rep{rep}.csv"))
    }

    fn fail(&self, e: std::io::Error) {
        let mut slot = self.error.lock().unwrap_or_else(|p| p.into_inner());
        slot.get_or_insert(e);
    }

    /// Joins the parts of `replications` replications into `path` under the header, deleting
    /// each part once it is in, then the parts folder. The first error of any writer wins.
    pub fn join(self, path: &Path, replications: usize) -> std::io::Result<()> {
        if let Some(e) = self.error.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return Err(e);
        }
        let mut file = AtomicFile::create(path)?;
        {
            let mut w = csv::Writer::from_writer(&mut file);
            w.write_record(employees_header()).map_err(csv_err)?;
            w.flush()?;
        }
        for arm in 0..self.arms.len() {
            for rep in 0..replications {
                let part = self.part(rep, arm);
                // An arm with no snapshot day inside its run writes no part.
                if let Ok(mut f) = File::open(&part) {
                    std::io::copy(&mut f, &mut file)?;
                    drop(f);
                    std::fs::remove_file(&part)?;
                }
            }
        }
        file.commit()?;
        std::fs::remove_dir_all(&self.dir)
    }
}

impl SnapshotSink for EmployeeParts {
    fn open(&self, rep: usize, arm: usize) -> Box<dyn SnapshotWriter + '_> {
        Box::new(PartWriter {
            parts: self,
            path: self.part(rep, arm),
            w: None,
            arm: self.arms.get(arm).cloned().unwrap_or_default(),
            rep: rep.to_string(),
            failed: false,
        })
    }
}

/// One arm's part, created at its first snapshot.
struct PartWriter<'a> {
    parts: &'a EmployeeParts,
    path: PathBuf,
    w: Option<csv::Writer<BufWriter<File>>>,
    arm: String,
    rep: String,
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
            employee_record(w, &self.arm, &self.rep, s)?;
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
            self.parts.fail(e);
        }
    }

    fn finish(mut self: Box<Self>) -> Vec<Snapshot> {
        if let Some(w) = self.w.take() {
            let done = w
                .into_inner()
                .map_err(|e| std::io::Error::other(e.to_string()))
                .and_then(|mut b| b.flush());
            if let Err(e) = done {
                self.parts.fail(e);
            }
        }
        Vec::new()
    }
}
