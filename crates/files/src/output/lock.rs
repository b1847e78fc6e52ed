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
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

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
    fs::create_dir_all(&parent).map_err(|source| LockError::Io {
        path: parent.clone(),
        source,
    })?;
    DirLock::try_acquire(&lock_path(&parent, &name), dir)
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
