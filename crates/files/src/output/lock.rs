//! One writer per output directory: an OS file lock on `.NAME.lock` beside the directory,
//! held for the life of a run or sweep. The lock file says which process holds it, so a
//! second process can name it; the OS releases the lock when the holder exits or is killed,
//! so a stale lock file never blocks anyone.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Another process holds the directory.
#[derive(Debug, thiserror::Error)]
#[error("{} is being written by another undercurrent process ({holder}); wait for it to finish, or choose another --out", dir.display())]
pub struct Busy {
    pub dir: PathBuf,
    pub holder: String,
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(transparent)]
    Busy(#[from] Busy),
    /// The user's choice of directory cannot be used (a file on the path, no permission to
    /// write there): said before any work is done.
    #[error("{}: {reason}; choose another --out", dir.display())]
    Unusable { dir: PathBuf, reason: Unusable },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Why the chosen directory cannot be used, as data so that it can be said in the user's
/// language ([`Unusable::said`]; `Display` is the English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// A file stands where a directory of the path should be.
    FileOnPath { file: PathBuf },
    /// The parent directory cannot be made.
    CannotCreate {
        parent: PathBuf,
        why: undercurrent_text::IoWhy,
    },
    /// The parent directory takes no lock file.
    CannotWrite {
        parent: PathBuf,
        why: undercurrent_text::IoWhy,
    },
}

impl Unusable {
    /// In `lang` (`lock-unusable-*` in `output-errors.ftl`).
    pub fn said(&self, lang: undercurrent_text::Lang) -> String {
        use undercurrent_text::tr;
        match self {
            Unusable::FileOnPath { file } => {
                tr!(
                    lang,
                    "lock-unusable-file",
                    file = file.display().to_string()
                )
            }
            Unusable::CannotCreate { parent, why } => tr!(
                lang,
                "lock-unusable-create",
                parent = parent.display().to_string(),
                reason = why.said(lang)
            ),
            Unusable::CannotWrite { parent, why } => tr!(
                lang,
                "lock-unusable-write",
                parent = parent.display().to_string(),
                reason = why.said(lang)
            ),
        }
    }
}

undercurrent_text::said_in_english!(Unusable);

/// `.NAME.lock` in `parent`.
pub fn lock_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.lock"))
}

/// The lock of the directory `dir`, beside it.
pub fn lock_beside(dir: &Path) -> Result<DirLock, LockError> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "results".into());
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Some(file) = dir.ancestors().skip(1).find(|a| a.is_file()) {
        return Err(LockError::Unusable {
            dir: dir.to_path_buf(),
            reason: Unusable::FileOnPath {
                file: file.to_path_buf(),
            },
        });
    }
    let unusable = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied
                | std::io::ErrorKind::ReadOnlyFilesystem
                | std::io::ErrorKind::NotADirectory
        )
    };
    match fs::create_dir_all(&parent) {
        Err(e) if unusable(&e) => {
            return Err(LockError::Unusable {
                dir: dir.to_path_buf(),
                reason: Unusable::CannotCreate {
                    parent: parent.clone(),
                    why: (&e).into(),
                },
            })
        }
        Err(source) => {
            return Err(LockError::Io {
                path: parent.clone(),
                source,
            })
        }
        Ok(()) => {}
    }
    match DirLock::try_acquire(&lock_path(&parent, &name), dir) {
        Err(LockError::Io { source, .. }) if unusable(&source) => Err(LockError::Unusable {
            dir: dir.to_path_buf(),
            reason: Unusable::CannotWrite {
                parent: parent.clone(),
                why: (&source).into(),
            },
        }),
        other => other,
    }
}

/// The exclusive lock on one output directory, held while this value lives.
#[derive(Debug)]
pub struct DirLock {
    _file: fs::File,
}

impl DirLock {
    /// Takes the lock at `path` for `dir` (named in the message), or says who holds it.
    pub fn try_acquire(path: &Path, dir: &Path) -> Result<DirLock, LockError> {
        let io = |source| LockError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let holder = fs::read_to_string(path).unwrap_or_default();
                let holder = holder.trim();
                return Err(Busy {
                    dir: dir.to_path_buf(),
                    holder: if holder.is_empty() {
                        "process unknown".to_string()
                    } else {
                        holder.to_string()
                    },
                }
                .into());
            }
            Err(fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        write!(file, "process {}", std::process::id()).map_err(io)?;
        Ok(DirLock { _file: file })
    }
}

impl Busy {
    /// In `lang` (`output-error-busy`); its English is the `Display`, word for word.
    pub fn said(&self, lang: undercurrent_text::Lang) -> String {
        let mut a = undercurrent_text::Args::new();
        a.set("dir", self.dir.display().to_string());
        a.set("holder", self.holder.clone());
        undercurrent_text::text_with(lang, "output-error-busy", &a)
    }
}
