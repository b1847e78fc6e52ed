//! The output directory of a run, made safe.
//!
//! - **Ownership by content, never by name.** A result directory holds a marker,
//!   [`MARKER`], that lists every file the tool wrote there. Only files it lists are the
//!   tool's; a `manifest.json` or `plots/logo.png` the user put there is foreign, and a
//!   directory with foreign files is refused unless the user forces it (they are then never
//!   touched).
//! - **One writer at a time.** A lock file beside the directory (`.NAME.lock`, held with an
//!   OS file lock for the life of the run) refuses a second process, naming the one that
//!   holds it. Each process stages into its own directory (`.NAME.partial-PID-N`).
//! - **An atomic switch.** A complete new result replaces the old one by exchanging the two
//!   directories in one rename (`renameat2(RENAME_EXCHANGE)` on Linux); elsewhere by moving
//!   the old one aside and the new one in, which the next run undoes if it was killed
//!   between the two. A kill at any moment leaves either the whole old result or the whole
//!   new one. Only a forced run beside foreign files switches file by file (old marker and
//!   manifest removed first, new manifest and marker last).
//! - **Nothing left behind.** A failed run removes its staging directory; stale ones of
//!   killed runs are removed by the next run into the same directory, under the lock.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::lock;

/// The file in a result directory that makes it the tool's, and says which files are.
pub const MARKER: &str = ".undercurrent-result";

/// First line of the marker: what no other program writes by accident.
const MARKER_HEAD: &str = "undercurrent result directory: the files below were written by undercurrent and are replaced by its next run into this directory";

/// Files a `run` writes at the top of its directory.
pub const RUN_FILES: [&str; 14] = [
    "timeseries.csv",
    "durability.csv",
    "windows.csv",
    "outputs.csv",
    "claims.csv",
    "replications.csv",
    "teams.csv",
    "employees.csv",
    "replications.parquet",
    "teams.parquet",
    "employees.parquet",
    "report.html",
    "summary.html",
    "manifest.json",
];

/// The charts subdirectory.
pub const PLOTS_DIR: &str = "plots";

/// Why an output directory cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "{} holds files undercurrent did not write ({}); choose another --out, or pass --force to write beside them (they are never touched)",
        dir.display(),
        files.join(", ")
    )]
    Foreign { dir: PathBuf, files: Vec<String> },
    #[error("{} exists and is not a directory", .0.display())]
    NotADirectory(PathBuf),
    #[error(transparent)]
    Busy(#[from] lock::Busy),
    #[error("{}: {reason}; choose another --out", dir.display())]
    Unusable {
        dir: PathBuf,
        reason: lock::Unusable,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl From<lock::LockError> for OutputError {
    fn from(e: lock::LockError) -> Self {
        match e {
            lock::LockError::Busy(b) => OutputError::Busy(b),
            lock::LockError::Unusable { dir, reason } => OutputError::Unusable { dir, reason },
            lock::LockError::Io { path, source } => OutputError::Io { path, source },
        }
    }
}

impl OutputError {
    /// Whether the user's choice of directory is at fault (exit code 2) rather than the
    /// machine (1).
    pub fn is_input_error(&self) -> bool {
        !matches!(self, OutputError::Io { .. })
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The files (relative paths with `/`) a marker lists, or `None` when `dir` has no valid
/// marker of ours.
pub fn owned_files(dir: &Path) -> Option<Vec<String>> {
    let text = fs::read_to_string(dir.join(MARKER)).ok()?;
    let mut lines = text.lines();
    if lines.next() != Some(MARKER_HEAD) {
        return None;
    }
    Some(
        lines
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// Whether `dir` is a complete result of the tool: a valid marker whose every file exists.
pub fn is_complete_result(dir: &Path) -> bool {
    owned_files(dir).is_some_and(|files| files.iter().all(|f| dir.join(f).is_file()))
}

/// Records files the tool wrote into an existing result directory after its run (`plot`,
/// `report` on a run directory), so that the next run knows them as its own. A directory
/// without a marker of ours is left as it is: files written there stay the user's.
pub fn adopt(dir: &Path, written: &[PathBuf]) -> Result<(), OutputError> {
    let Some(mut files) = owned_files(dir) else {
        return Ok(());
    };
    for path in written {
        if let Ok(rel) = path.strip_prefix(dir) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            if !files.contains(&rel) {
                files.push(rel);
            }
        }
    }
    files.sort();
    write_marker(dir, &files)
}

/// Every file below `dir` (relative, `/`-separated, sorted), one level of subdirectories.
fn list_files(dir: &Path) -> Result<Vec<String>, OutputError> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().map_err(io(dir))?.is_dir() {
            let sub = entry.path();
            let mut any = false;
            for e in fs::read_dir(&sub).map_err(io(&sub))? {
                let e = e.map_err(io(&sub))?;
                let n = e.file_name().to_string_lossy().into_owned();
                let kind = if e.file_type().map_err(io(&sub))?.is_dir() {
                    "/"
                } else {
                    ""
                };
                out.push(format!("{name}/{n}{kind}"));
                any = true;
            }
            if !any {
                out.push(format!("{name}/"));
            }
        } else {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

/// Entries of `dir` the tool did not write (sorted), judged by its marker alone.
fn foreign_entries(dir: &Path) -> Result<Vec<String>, OutputError> {
    let owned = owned_files(dir).unwrap_or_default();
    Ok(list_files(dir)?
        .into_iter()
        .filter(|f| f != MARKER && !owned.contains(f) && f != "plots/")
        .collect())
}

/// Names beside the target that belong to it: `.NAME.lock`, `.NAME.partial-…`, `.NAME.old-…`.
struct Siblings {
    parent: PathBuf,
    name: String,
}

impl Siblings {
    fn prefixed(&self, what: &str) -> String {
        format!(".{}.{what}-", self.name)
    }
    fn fresh(&self, what: &str) -> PathBuf {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        self.parent
            .join(format!("{}{}-{n}", self.prefixed(what), std::process::id()))
    }
    /// Existing `.NAME.WHAT-…` directories.
    fn existing(&self, what: &str) -> Result<Vec<PathBuf>, OutputError> {
        let prefix = self.prefixed(what);
        let mut out = Vec::new();
        for e in fs::read_dir(&self.parent).map_err(io(&self.parent))? {
            let e = e.map_err(io(&self.parent))?;
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                out.push(e.path());
            }
        }
        out.sort();
        Ok(out)
    }
}

/// One step of [`Staged::commit`], for tests that stop a commit part-way as a kill would.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    MarkerWritten,
    OldMovedAside,
    Switched,
    FileMoved,
}

/// A result being written: files go to [`Staged::path`] until [`Staged::commit`].
#[derive(Debug)]
pub struct Staged {
    target: PathBuf,
    staging: PathBuf,
    parent: PathBuf,
    name: String,
    _lock: lock::DirLock,
    committed: bool,
}

impl Staged {
    /// Checks `target`, takes its lock, cleans what killed runs left, and creates a staging
    /// directory of this process beside it.
    pub fn prepare(target: &Path, force: bool) -> Result<Staged, OutputError> {
        if target.exists() && !target.is_dir() {
            return Err(OutputError::NotADirectory(target.to_path_buf()));
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "results".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let lock = lock::lock_beside(target)?;
        let sib = Siblings {
            parent: parent.clone(),
            name: name.clone(),
        };
        // Under the lock, anything staged or set aside is a killed run's.
        recover(target, &sib)?;
        if target.exists() {
            let foreign = foreign_entries(target)?;
            if !foreign.is_empty() && !force {
                let mut shown = foreign;
                shown.truncate(10);
                return Err(OutputError::Foreign {
                    dir: target.to_path_buf(),
                    files: shown,
                });
            }
        }
        let staging = sib.fresh("partial");
        fs::create_dir_all(&staging).map_err(io(&staging))?;
        Ok(Staged {
            target: target.to_path_buf(),
            staging,
            parent,
            name,
            _lock: lock,
            committed: false,
        })
    }

    /// Where to write the new result.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// The directory the result ends up in.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Moves the complete result into place (see the module documentation).
    pub fn commit(self) -> Result<PathBuf, OutputError> {
        self.commit_until(|_| true)
    }

    /// [`Staged::commit`], stopping (as a kill would: nothing cleaned up) before the first
    /// step for which `go_on` answers false. For tests of kills at every step.
    #[doc(hidden)]
    pub fn commit_until(
        mut self,
        mut go_on: impl FnMut(Step) -> bool,
    ) -> Result<PathBuf, OutputError> {
        let files: Vec<String> = list_files(&self.staging)?
            .into_iter()
            .filter(|f| !f.ends_with('/'))
            .collect();
        write_marker(&self.staging, &files)?;
        if !go_on(Step::MarkerWritten) {
            return Ok(self.abandon());
        }
        let t = self.target.clone();
        let sib = Siblings {
            parent: self.parent.clone(),
            name: self.name.clone(),
        };
        let exists = t.exists();
        let foreign = if exists {
            foreign_entries(&t)?
        } else {
            Vec::new()
        };
        if !exists {
            fs::rename(&self.staging, &t).map_err(io(&t))?;
        } else if foreign.is_empty() {
            if exchange(&self.staging, &t).is_err() {
                // No atomic exchange here: old aside, new in; `recover` undoes a kill between.
                let aside = sib.fresh("old");
                fs::rename(&t, &aside).map_err(io(&t))?;
                if !go_on(Step::OldMovedAside) {
                    return Ok(self.abandon());
                }
                fs::rename(&self.staging, &t).map_err(io(&t))?;
                fs::rename(&aside, &self.staging).map_err(io(&aside))?;
            }
            if !go_on(Step::Switched) {
                return Ok(self.abandon());
            }
            // The staging path now holds the old result.
            fs::remove_dir_all(&self.staging).map_err(io(&self.staging))?;
        } else {
            self.switch_file_by_file(&files, &mut go_on)?;
            if self.committed {
                return Ok(self.target.clone());
            }
        }
        self.committed = true;
        Ok(self.target.clone())
    }

    /// Forced beside foreign files: the old marker and manifest go first, the tool's old
    /// files that the new result lacks are removed, new files move in, the new manifest and
    /// marker come last. Nothing the marker does not list is touched.
    fn switch_file_by_file(
        &mut self,
        files: &[String],
        go_on: &mut impl FnMut(Step) -> bool,
    ) -> Result<(), OutputError> {
        let t = self.target.clone();
        let old = owned_files(&t).unwrap_or_default();
        remove_if_exists(&t.join(MARKER))?;
        remove_if_exists(&t.join("manifest.json"))?;
        for f in old.iter().filter(|f| !files.contains(f)) {
            remove_if_exists(&t.join(f))?;
        }
        let last = ["manifest.json", MARKER];
        let order = files
            .iter()
            .filter(|f| !last.contains(&f.as_str()))
            .map(String::as_str)
            .chain(last);
        for f in order {
            let from = self.staging.join(f);
            if !from.exists() {
                continue;
            }
            let to = t.join(f);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir).map_err(io(dir))?;
            }
            fs::rename(&from, &to).map_err(io(&to))?;
            if !go_on(Step::FileMoved) {
                self.abandon();
                self.committed = true; // stopped as a kill would: leave everything as is
                return Ok(());
            }
        }
        fs::remove_dir_all(&self.staging).map_err(io(&self.staging))?;
        let _ = fs::remove_dir(t.join(PLOTS_DIR)); // succeeds only when empty
        Ok(())
    }

    /// Stops here without cleaning up, as a killed process would.
    fn abandon(&mut self) -> PathBuf {
        self.committed = true;
        self.target.clone()
    }
}

impl Drop for Staged {
    /// A run that failed before committing removes its own staging directory (after a full
    /// disk it would otherwise keep the space).
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

fn remove_if_exists(path: &Path) -> Result<(), OutputError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(path)(e)),
    }
}

fn write_marker(dir: &Path, files: &[String]) -> Result<(), OutputError> {
    let mut text = String::from(MARKER_HEAD);
    text.push('\n');
    for f in files {
        text.push_str(f);
        text.push('\n');
    }
    super::write_atomic(&dir.join(MARKER), text.as_bytes()).map_err(io(dir))
}

/// Undoes what a killed run left beside `target`: a result set aside but never replaced
/// is put back; staging and set-aside directories are removed.
fn recover(target: &Path, sib: &Siblings) -> Result<(), OutputError> {
    let aside = sib.existing("old")?;
    if !target.exists() {
        if let Some(last) = aside.iter().rev().find(|d| is_complete_result(d)) {
            fs::rename(last, target).map_err(io(last))?;
        }
    }
    for d in sib
        .existing("old")?
        .into_iter()
        .chain(sib.existing("partial")?)
    {
        fs::remove_dir_all(&d).map_err(io(&d))?;
    }
    Ok(())
}

/// Swaps two directories in one step (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both arguments are valid NUL-terminated paths that live across the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test's own empty directory, removed when the test ends (passed or failed).
    struct Fresh(PathBuf);

    impl std::ops::Deref for Fresh {
        type Target = PathBuf;
        fn deref(&self) -> &PathBuf {
            &self.0
        }
    }

    impl AsRef<Path> for Fresh {
        fn as_ref(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Fresh {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn fresh(name: &str) -> Fresh {
        let d = std::env::temp_dir().join(format!("uc-staging-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        Fresh(d)
    }

    fn write_result(s: &Staged, marker: &str, plots: &[&str]) {
        fs::write(s.path().join("timeseries.csv"), marker).unwrap();
        fs::create_dir_all(s.path().join(PLOTS_DIR)).unwrap();
        for p in plots {
            fs::write(s.path().join(PLOTS_DIR).join(p), marker).unwrap();
        }
        fs::write(s.path().join("manifest.json"), marker).unwrap();
    }

    fn read(p: &Path) -> String {
        fs::read_to_string(p).unwrap_or_else(|e| format!("<{e}>"))
    }

    /// What a reader sees in `dir`: every file the marker lists with one content, or None.
    fn whole_result(dir: &Path) -> Option<String> {
        let files = owned_files(dir)?;
        let contents: Vec<String> = files.iter().map(|f| read(&dir.join(f))).collect();
        let first = contents.first()?.clone();
        contents.iter().all(|c| *c == first).then_some(first)
    }

    #[test]
    fn a_directory_with_foreign_files_is_refused_and_left_alone() {
        let base = fresh("foreign");
        let target = base.join("out");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("thesis.docx"), "precious").unwrap();
        let e = Staged::prepare(&target, false).unwrap_err();
        assert!(e.to_string().contains("thesis.docx"), "{e}");
        let s = Staged::prepare(&target, true).unwrap();
        write_result(&s, "new", &["a.png"]);
        s.commit().unwrap();
        assert_eq!(read(&target.join("thesis.docx")), "precious");
        assert_eq!(read(&target.join("timeseries.csv")), "new");
    }

    #[test]
    fn files_named_like_ours_are_not_ours_without_our_marker() {
        let base = fresh("names");
        let target = base.join("out");
        fs::create_dir_all(target.join("plots")).unwrap();
        fs::write(target.join("plots/company_logo.png"), "logo").unwrap();
        fs::write(target.join("manifest.json"), "mine").unwrap();
        fs::write(target.join("report.html"), "mine").unwrap();
        let e = Staged::prepare(&target, false).unwrap_err();
        let msg = e.to_string();
        for f in ["plots/company_logo.png", "manifest.json", "report.html"] {
            assert!(msg.contains(f), "{msg}");
        }
        assert_eq!(read(&target.join("plots/company_logo.png")), "logo");
        assert_eq!(read(&target.join("manifest.json")), "mine");
        // Forced, the logo stays: it is not in any marker of ours.
        let s = Staged::prepare(&target, true).unwrap();
        write_result(&s, "new", &["a.png"]);
        s.commit().unwrap();
        assert_eq!(read(&target.join("plots/company_logo.png")), "logo");
        assert_eq!(whole_result(&target).as_deref(), Some("new"));
    }

    #[test]
    fn the_old_result_survives_until_the_new_one_is_complete() {
        let base = fresh("replace");
        let target = base.join("out");
        let s = Staged::prepare(&target, false).unwrap();
        write_result(&s, "old", &["a.png", "b.svg"]);
        s.commit().unwrap();
        // A rerun that fails before committing leaves the old result, and no staging.
        let failed = Staged::prepare(&target, false).unwrap();
        fs::write(failed.path().join("timeseries.csv"), "half").unwrap();
        drop(failed);
        assert_eq!(whole_result(&target).as_deref(), Some("old"));
        // A successful rerun replaces it, and drops charts the new result no longer has.
        let s = Staged::prepare(&target, false).unwrap();
        write_result(&s, "new", &["a.png"]);
        s.commit().unwrap();
        assert_eq!(whole_result(&target).as_deref(), Some("new"));
        assert!(target.join("plots/a.png").exists());
        assert!(!target.join("plots/b.svg").exists());
        let left: Vec<_> = fs::read_dir(&base)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("partial") || n.contains("old"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_second_writer_is_refused_while_the_first_holds_the_directory() {
        let base = fresh("busy");
        let target = base.join("out");
        let first = Staged::prepare(&target, false).unwrap();
        let e = Staged::prepare(&target, false).unwrap_err();
        assert!(matches!(e, OutputError::Busy(_)), "{e}");
        assert!(
            e.to_string()
                .contains(&format!("process {}", std::process::id())),
            "{e}"
        );
        drop(first);
        Staged::prepare(&target, false).unwrap();
    }

    #[test]
    fn a_kill_at_any_step_leaves_the_old_result_or_the_new_one_whole() {
        for forced_beside_foreign in [false, true] {
            for stop_at in 0..12 {
                let base = fresh(&format!("kill-{forced_beside_foreign}-{stop_at}"));
                let target = base.join("out");
                if forced_beside_foreign {
                    fs::create_dir_all(&target).unwrap();
                    fs::write(target.join("notes.txt"), "user").unwrap();
                }
                let s = Staged::prepare(&target, true).unwrap();
                write_result(&s, "old", &["a.png", "b.svg"]);
                s.commit().unwrap();
                let s = Staged::prepare(&target, true).unwrap();
                write_result(&s, "new", &["a.png", "c.png"]);
                let mut steps = 0;
                s.commit_until(|_| {
                    steps += 1;
                    steps <= stop_at
                })
                .unwrap();
                // The next run (or any reader after it prepares) finds a whole result.
                drop(Staged::prepare(&target, true).unwrap());
                let seen = whole_result(&target);
                if forced_beside_foreign {
                    // File by file: the manifest and marker come last, so a result without
                    // them is visibly incomplete, never a mix that looks complete.
                    let looks_complete =
                        target.join("manifest.json").exists() && owned_files(&target).is_some();
                    assert!(
                        !looks_complete || seen.is_some(),
                        "stop {stop_at}: a mix looks complete"
                    );
                    assert_eq!(read(&target.join("notes.txt")), "user");
                } else {
                    assert!(
                        matches!(seen.as_deref(), Some("old") | Some("new")),
                        "stop {stop_at}: {seen:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_fallback_switch_is_recovered_after_a_kill_between_its_renames() {
        let base = fresh("fallback");
        let target = base.join("out");
        let s = Staged::prepare(&target, false).unwrap();
        write_result(&s, "old", &["a.png"]);
        s.commit().unwrap();
        // What a kill between "old aside" and "new in" leaves: no target, the old aside.
        let sib = Siblings {
            parent: base.clone(),
            name: "out".into(),
        };
        fs::rename(&target, sib.fresh("old")).unwrap();
        assert!(!target.exists());
        drop(Staged::prepare(&target, false).unwrap());
        assert_eq!(whole_result(&target).as_deref(), Some("old"));
    }

    #[test]
    fn a_file_where_the_directory_should_be_is_an_error() {
        let base = fresh("file");
        let target = base.join("out");
        fs::write(&target, "x").unwrap();
        assert!(matches!(
            Staged::prepare(&target, false),
            Err(OutputError::NotADirectory(_))
        ));
    }
}

impl OutputError {
    /// The error in `lang` (`output-error-*` in `output-errors.ftl`); its English is the
    /// `Display` above, word for word (tested).
    pub fn said(&self, lang: undercurrent_text::Lang) -> String {
        use undercurrent_text::{text_with, Args};
        let mut a = Args::new();
        let id = match self {
            OutputError::Foreign { dir, files } => {
                a.set("dir", dir.display().to_string());
                a.set("files", files.join(", "));
                "output-error-foreign"
            }
            OutputError::NotADirectory(path) => {
                a.set("path", path.display().to_string());
                "output-error-not-a-directory"
            }
            OutputError::Busy(busy) => return busy.said(lang),
            OutputError::Unusable { dir, reason } => {
                a.set("dir", dir.display().to_string());
                a.set("reason", reason.said(lang));
                "output-error-unusable"
            }
            OutputError::Io { path, source } => return io_said(lang, path, source),
        };
        text_with(lang, id, &a)
    }
}

/// `PATH: why` for a file the system refused, in `lang` (English: the system's sentence, as
/// the errors' `Display` writes it).
pub fn io_said(lang: undercurrent_text::Lang, path: &Path, source: &std::io::Error) -> String {
    let mut a = undercurrent_text::Args::new();
    a.set("path", path.display().to_string());
    a.set("reason", undercurrent_text::io_reason(lang, source));
    undercurrent_text::text_with(lang, "output-error-io", &a)
}

#[cfg(test)]
mod said_tests {
    use super::*;
    use undercurrent_text::Lang;

    #[test]
    fn an_output_directory_refused_reads_as_before_in_english_and_in_dutch_keeps_its_paths() {
        let all = [
            OutputError::Foreign {
                dir: "out".into(),
                files: vec!["notes.txt".into(), "data.csv".into()],
            },
            OutputError::NotADirectory("out".into()),
            OutputError::Busy(lock::Busy {
                dir: "out".into(),
                holder: "pid 12 on host".into(),
            }),
            OutputError::Unusable {
                dir: "out".into(),
                reason: lock::Unusable::CannotWrite {
                    parent: ".".into(),
                    why: (&std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem)).into(),
                },
            },
            OutputError::Io {
                path: "out/x".into(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            },
        ];
        for e in all {
            assert_eq!(e.said(Lang::En), e.to_string());
            let dutch = e.said(Lang::Nl);
            assert!(dutch.contains("out"), "{dutch}");
            for word in [
                "choose another",
                "holds files",
                "is not a directory",
                "being written",
                "Permission",
                "cannot write",
                "read-only",
            ] {
                assert!(!dutch.contains(word), "{dutch}");
            }
        }
    }
}
