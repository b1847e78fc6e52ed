//! The output directory of a run, made safe: a new result is written into a staging directory
//! next to it and moved in only once it is complete, so a failed or killed rerun leaves the
//! previous result intact; files the tool did not write are never touched, and a directory
//! holding such files is refused unless the user forces it.

use std::fs;
use std::path::{Path, PathBuf};

use super::manifest::MANIFEST;

/// Files a `run` writes at the top of its directory.
pub const RUN_FILES: [&str; 6] = [
    "timeseries.csv",
    "durability.csv",
    "replications.csv",
    "employees.csv",
    "report.html",
    "manifest.json",
];

/// The charts subdirectory; it holds nothing but `.png` and `.svg` files of the tool.
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
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
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

/// Whether `name` in a run directory (or, with `in_plots`, in its `plots/`) is the tool's.
fn is_ours(name: &str, in_plots: bool) -> bool {
    if name.ends_with(".partial") {
        return true;
    }
    if in_plots {
        name.ends_with(".png") || name.ends_with(".svg")
    } else {
        RUN_FILES.contains(&name)
    }
}

/// Entries of `dir` the tool did not write, sorted (first ten).
fn foreign_entries(dir: &Path) -> Result<Vec<String>, OutputError> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().map_err(io(dir))?.is_dir();
        if is_dir && name == PLOTS_DIR {
            let plots = entry.path();
            for p in fs::read_dir(&plots).map_err(io(&plots))? {
                let p = p.map_err(io(&plots))?;
                let n = p.file_name().to_string_lossy().into_owned();
                if p.file_type().map_err(io(&plots))?.is_dir() || !is_ours(&n, true) {
                    out.push(format!("{PLOTS_DIR}/{n}"));
                }
            }
        } else if is_dir || !is_ours(&name, false) {
            out.push(name);
        }
    }
    out.sort();
    out.truncate(10);
    Ok(out)
}

/// A result being written: files go to [`Staged::path`] until [`Staged::commit`].
#[derive(Debug)]
pub struct Staged {
    target: PathBuf,
    staging: PathBuf,
}

impl Staged {
    /// Checks `target` and creates a fresh staging directory beside it.
    pub fn prepare(target: &Path, force: bool) -> Result<Staged, OutputError> {
        if target.exists() {
            if !target.is_dir() {
                return Err(OutputError::NotADirectory(target.to_path_buf()));
            }
            let foreign = foreign_entries(target)?;
            if !foreign.is_empty() && !force {
                return Err(OutputError::Foreign {
                    dir: target.to_path_buf(),
                    files: foreign,
                });
            }
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "results".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        let staging = parent.join(format!(".{name}.partial"));
        if staging.exists() {
            // Left by a killed run into the same directory: ours by its name, and stale.
            fs::remove_dir_all(&staging).map_err(io(&staging))?;
        }
        fs::create_dir_all(&staging).map_err(io(&staging))?;
        Ok(Staged {
            target: target.to_path_buf(),
            staging,
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

    /// Moves the complete result into place. The old manifest goes first and the new one
    /// comes last, so at no moment does a mix of old and new files look complete; old files
    /// of the tool that the new result lacks are removed; no other file is touched.
    pub fn commit(self) -> Result<PathBuf, OutputError> {
        let t = &self.target;
        fs::create_dir_all(t.join(PLOTS_DIR)).map_err(io(t))?;
        let manifest = t.join(MANIFEST);
        if manifest.exists() {
            fs::remove_file(&manifest).map_err(io(&manifest))?;
        }
        let new_plots = self.staging.join(PLOTS_DIR);
        let mut new_plot_names = Vec::new();
        if new_plots.is_dir() {
            for e in fs::read_dir(&new_plots).map_err(io(&new_plots))? {
                let e = e.map_err(io(&new_plots))?;
                let name = e.file_name();
                fs::rename(e.path(), t.join(PLOTS_DIR).join(&name)).map_err(io(t))?;
                new_plot_names.push(name);
            }
        }
        let old_plots = t.join(PLOTS_DIR);
        for e in fs::read_dir(&old_plots).map_err(io(&old_plots))? {
            let e = e.map_err(io(&old_plots))?;
            let name = e.file_name();
            let n = name.to_string_lossy();
            if !new_plot_names.contains(&name) && e.path().is_file() && is_ours(&n, true) {
                fs::remove_file(e.path()).map_err(io(&old_plots))?;
            }
        }
        for name in RUN_FILES.iter().filter(|n| **n != MANIFEST) {
            let from = self.staging.join(name);
            let to = t.join(name);
            if from.exists() {
                fs::rename(&from, &to).map_err(io(&to))?;
            } else if to.exists() {
                fs::remove_file(&to).map_err(io(&to))?;
            }
        }
        let from = self.staging.join(MANIFEST);
        if from.exists() {
            fs::rename(&from, &manifest).map_err(io(&manifest))?;
        }
        // Only our own, now empty, staging tree remains.
        fs::remove_dir_all(&self.staging).map_err(io(&self.staging))?;
        let _ = fs::remove_dir(t.join(PLOTS_DIR)); // succeeds only when empty
        Ok(self.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("uc-staging-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    fn write_result(s: &Staged, marker: &str, plots: &[&str]) {
        fs::write(s.path().join("timeseries.csv"), marker).unwrap();
        fs::create_dir_all(s.path().join(PLOTS_DIR)).unwrap();
        for p in plots {
            fs::write(s.path().join(PLOTS_DIR).join(p), marker).unwrap();
        }
        fs::write(s.path().join("manifest.json"), marker).unwrap();
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
        assert_eq!(
            fs::read_to_string(target.join("thesis.docx")).unwrap(),
            "precious"
        );
        assert_eq!(
            fs::read_to_string(target.join("timeseries.csv")).unwrap(),
            "new"
        );
    }

    #[test]
    fn the_old_result_survives_until_the_new_one_is_complete() {
        let base = fresh("replace");
        let target = base.join("out");
        let s = Staged::prepare(&target, false).unwrap();
        write_result(&s, "old", &["a.png", "b.svg"]);
        s.commit().unwrap();
        // A rerun that fails before committing leaves the old result as it was.
        let failed = Staged::prepare(&target, false).unwrap();
        fs::write(failed.path().join("timeseries.csv"), "half").unwrap();
        drop(failed);
        assert_eq!(
            fs::read_to_string(target.join("timeseries.csv")).unwrap(),
            "old"
        );
        assert_eq!(
            fs::read_to_string(target.join("manifest.json")).unwrap(),
            "old"
        );
        // A successful rerun replaces it, and drops charts the new result no longer has.
        let s = Staged::prepare(&target, false).unwrap();
        write_result(&s, "new", &["a.png"]);
        s.commit().unwrap();
        assert_eq!(
            fs::read_to_string(target.join("timeseries.csv")).unwrap(),
            "new"
        );
        assert!(target.join("plots/a.png").exists());
        assert!(!target.join("plots/b.svg").exists());
        assert!(!base.join(".out.partial").exists());
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
