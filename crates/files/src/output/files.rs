//! Atomic file writes.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Name a file carries while it is being written.
pub fn partial_name(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".partial");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` through a temporary file and a rename: the final name appears
/// only once the content is complete and flushed to disk.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = partial_name(path);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A file written under its `.partial` name and renamed to its final name by
/// [`AtomicFile::commit`]: the streaming form of [`write_atomic`], for outputs too large to
/// build in memory (a sweep's `runs.csv` grows with the number of runs). Dropped without
/// commit, it removes its temporary file, so a failed or killed writer never leaves a file
/// under the final name.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    w: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> std::io::Result<AtomicFile> {
        let tmp = partial_name(path);
        let f = std::fs::File::create(&tmp)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
            w: Some(std::io::BufWriter::with_capacity(1 << 16, f)),
        })
    }

    /// Flushes, syncs and renames to the final name.
    pub fn commit(mut self) -> std::io::Result<()> {
        let Some(w) = self.w.take() else {
            return Err(std::io::Error::other("atomic file already finished"));
        };
        let result = (|| {
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
            std::fs::rename(&self.tmp, &self.path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        result
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.w.as_mut() {
            Some(w) => w.write(buf),
            None => Err(std::io::Error::other("atomic file already finished")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.w.as_mut() {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.w.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_file_appears_only_on_commit() {
        let dir = std::env::temp_dir().join(format!("uc-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.csv");
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"a,b\n").unwrap();
        assert!(!path.exists() && partial_name(&path).exists());
        f.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\n");
        assert!(!partial_name(&path).exists());
        let g = AtomicFile::create(&dir.join("y.csv")).unwrap();
        drop(g);
        assert!(!dir.join("y.csv").exists() && !partial_name(&dir.join("y.csv")).exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
