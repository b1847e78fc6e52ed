//! The files of the current answer, for download: the CSV tables, `manifest.json`,
//! `report.html` and `summary.html`, each written by the very code `undercurrent run` writes
//! them with, and all of them in one zip archive.
//!
//! They are written into a temporary directory (removed at once) by `write_run`,
//! `write_manifest`, `render_report` and `render_summary`, in `run`'s order, so that the
//! bytes are `run`'s for the same scenario (the page's Export TOML) by construction, not by a
//! second implementation kept in step. What legitimately differs is what the manifest says
//! about this particular run, and the report and summary show two of those fields:
//! - `manifest.json`: `command` (the explorer writes `undercurrent run <name>.toml`, the
//!   command the exported file's header suggests), `threads`, `started`, `finished`,
//!   `wall_seconds` (the explorer's own run);
//! - `report.html`: the "command" and "run finished" rows of its Scenario table;
//! - `summary.html`: "run finished …" in its footer.
//!
//! Run with `undercurrent run <name>.toml` and the same build, the report differs in the
//! "run finished" time alone (`tests/serve_api.rs` checks every byte but those).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::metrics::aggregate;
use crate::output::manifest::{Manifest, RunRecord, MANIFEST};
use crate::output::run_dir::{write_manifest, write_run};

use super::http::ApiError;
use super::outcome::Outcome;
use super::request::file_stem;

/// When and on how many threads the explorer ran a result (for its `manifest.json`).
#[derive(Debug, Clone, Default)]
pub struct Timing {
    pub started: String,
    pub finished: String,
    pub wall_seconds: f64,
    pub threads: usize,
}

/// A run's files: `(name, bytes)` in the order `run` writes them (data files, manifest,
/// report, summary).
pub type Files = Vec<(String, Vec<u8>)>;

/// The report's and the summary's file names, as `run` names them.
pub const REPORT: &str = "report.html";
pub const SUMMARY: &str = "summary.html";

/// The archive of every file, `<name>.zip`, holding them in a folder `<name>/` so that it
/// unpacks into a run directory that `undercurrent plot` and `report` read.
pub fn zip_name(o: &Outcome) -> String {
    format!("{}.zip", file_stem(&o.scenario.name))
}

/// The outcome's files, written on first use and kept with the outcome.
pub fn files(o: &Outcome) -> Result<&Files, ApiError> {
    if let Some(f) = o.files.get() {
        return Ok(f);
    }
    let written = write(o)?;
    // Two downloads at once may both write; the bytes are the same, the first is kept.
    let _ = o.files.set(written);
    o.files
        .get()
        .ok_or_else(|| ApiError::internal("keeping the run's files"))
}

/// One file by name, or the archive of all of them.
pub fn file(o: &Outcome, name: &str) -> Result<Option<Vec<u8>>, ApiError> {
    let files = files(o)?;
    if name == zip_name(o) {
        return archive(&file_stem(&o.scenario.name), files).map(Some);
    }
    Ok(files
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, b)| b.clone()))
}

/// A temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(id: &str) -> Result<TempDir, ApiError> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "undercurrent-serve-{}-{id}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).map_err(|e| {
        eprintln!("creating {}: {e}", dir.display());
        ApiError::internal("preparing the run's files")
    })?;
    Ok(TempDir(dir))
}

fn write(o: &Outcome) -> Result<Files, ApiError> {
    let tmp = temp_dir(&o.id)?;
    let dir = tmp.0.as_path();
    let failed = |what: &str, e: &dyn std::fmt::Display| {
        eprintln!("{what}: {e}");
        ApiError::internal(what)
    };
    let s = &o.scenario;
    let durability = aggregate::durability(&o.results, s.arms.len());
    let (mut names, _claims) = write_run(dir, s, &o.results, &durability)
        .map_err(|e| failed("writing the run's tables", &e))?;
    let t = &o.timing;
    let record = RunRecord {
        command: format!("undercurrent run {}.toml", file_stem(&s.name)),
        threads: t.threads,
        started: t.started.clone(),
        finished: t.finished.clone(),
        wall_seconds: t.wall_seconds,
    };
    let m = Manifest::of_run(s, names.clone(), record);
    write_manifest(dir, &m).map_err(|e| failed("writing the manifest", &e))?;
    names.push(MANIFEST.to_string());
    let lang = o.lang;
    let report = crate::report::html::render_report(lang, dir)
        .map_err(|e| failed("writing the report", &e))?;
    let summary = crate::report::summary::render_summary(lang, dir)
        .map_err(|e| failed("writing the summary", &e))?;
    let mut out = Files::new();
    for name in names {
        let bytes = read(dir, &name).map_err(|e| failed("reading the run's tables", &e))?;
        out.push((name, bytes));
    }
    out.push((REPORT.to_string(), report.into_bytes()));
    out.push((SUMMARY.to_string(), summary.into_bytes()));
    Ok(out)
}

fn read(dir: &Path, name: &str) -> std::io::Result<Vec<u8>> {
    std::fs::read(dir.join(name))
}

/// Every file under `folder/`, deflated; entries dated 1980-01-01 (the zip format's
/// earliest), so that the same files give the same archive.
fn archive(folder: &str, files: &Files) -> Result<Vec<u8>, ApiError> {
    use zip::write::SimpleFileOptions;
    let failed = |e: &dyn std::fmt::Display| {
        eprintln!("writing the archive: {e}");
        ApiError::internal("writing the archive")
    };
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        z.start_file(format!("{folder}/{name}"), options)
            .map_err(|e| failed(&e))?;
        z.write_all(bytes).map_err(|e| failed(&e))?;
    }
    Ok(z.finish().map_err(|e| failed(&e))?.into_inner())
}
