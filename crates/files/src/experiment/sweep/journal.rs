//! The run journal: one line per finished run, appended as runs finish, in whatever order
//! they finish.
//!
//! A line is `run \t values \t series \t checksum \n`: the run index, the run's summary values
//! already formatted as they appear in `runs.csv`, its time-series values (empty unless the
//! experiment keeps them), and an FNV-1a checksum of everything before it, seeded with the
//! experiment hash. The newline is written last, so a process killed mid-write leaves a last
//! line without one (a *torn* line), which is dropped on resume and recomputed; a line with a
//! newline and a wrong checksum cannot come from a kill and is reported as corruption, never
//! silently used. Seeding the checksum with the experiment hash makes a line from another
//! experiment's journal fail the check too.
//!
//! The final files are built from the *set* of lines, ordered by run index, never from the
//! order they were appended: that is why a resumed or sharded sweep writes byte-identical
//! files.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::experiment::fnv1a;
use super::reasons::JournalReason;
use super::SweepError;

/// File name of the journal in a sweep directory.
pub const JOURNAL: &str = "runs.journal";

/// One journal line (without its newline) for run `run`.
pub fn line(exp_hash: u64, run: u64, values: &str, series: &str) -> Vec<u8> {
    let mut body = format!("{run}\t{values}\t{series}");
    let h = fnv1a(exp_hash, body.as_bytes());
    body.push_str(&format!("\t{h:016x}\n"));
    body.into_bytes()
}

/// A verified journal line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub run: u64,
    pub values: &'a str,
    pub series: &'a str,
}

/// Parses and verifies a line (without its newline); `None` when it is malformed or its
/// checksum does not match.
pub fn parse(exp_hash: u64, line: &[u8]) -> Option<Entry<'_>> {
    let text = std::str::from_utf8(line).ok()?;
    let (body, sum) = text.rsplit_once('\t')?;
    let sum = u64::from_str_radix(sum, 16).ok()?;
    if sum != fnv1a(exp_hash, body.as_bytes()) {
        return None;
    }
    let mut parts = body.splitn(3, '\t');
    let run = parts.next()?.parse().ok()?;
    let values = parts.next()?;
    let series = parts.next()?;
    Some(Entry {
        run,
        values,
        series,
    })
}

/// What reading a journal from the start found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scan {
    /// Every valid line: (run, byte offset, length without the newline), in file order.
    pub lines: Vec<(u64, u64, u32)>,
    /// Bytes up to the end of the last complete line: where appending resumes.
    pub valid_len: u64,
    /// The file ended in a line without its newline (a write cut short by a kill).
    pub torn: bool,
}

/// Reads a journal; a missing file is an empty journal.
pub fn scan(path: &Path, exp_hash: u64) -> Result<Scan, SweepError> {
    let io = |source| SweepError::Io {
        path: path.to_path_buf(),
        source,
    };
    let f = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Scan::default()),
        Err(e) => return Err(io(e)),
    };
    let mut r = BufReader::with_capacity(1 << 16, f);
    let mut scan = Scan::default();
    let mut buf = Vec::new();
    let mut offset = 0u64;
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if buf.last() != Some(&b'\n') {
            scan.torn = true;
            break;
        }
        let body = &buf[..n - 1];
        let Some(e) = parse(exp_hash, body) else {
            return Err(SweepError::JournalCorrupt {
                path: path.to_path_buf(),
                line: line_no,
                reason: JournalReason::Checksum,
            });
        };
        let len = u32::try_from(body.len()).map_err(|_| SweepError::JournalCorrupt {
            path: path.to_path_buf(),
            line: line_no,
            reason: JournalReason::TooLong,
        })?;
        scan.lines.push((e.run, offset, len));
        offset += n as u64;
        scan.valid_len = offset;
    }
    Ok(scan)
}

/// Cuts a torn last line off so that appending starts on a fresh line.
pub fn truncate_torn(path: &Path, scan: &Scan) -> Result<(), SweepError> {
    if !scan.torn {
        return Ok(());
    }
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| {
            f.set_len(scan.valid_len)?;
            f.sync_all()?;
            Ok(f)
        });
    f.map(|_| ()).map_err(|source| SweepError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Loc {
    file: u32,
    len: u32,
    offset: u64,
}

const MISSING: Loc = Loc {
    file: u32::MAX,
    len: 0,
    offset: 0,
};

/// Where every run's line is, across one journal or several (a sharded sweep's), so the
/// final files can be written in run order while holding only this index in memory
/// (16 bytes per run), not the lines.
pub struct JournalSet {
    exp_hash: u64,
    paths: Vec<PathBuf>,
    files: Vec<File>,
    locs: Vec<Loc>,
}

impl JournalSet {
    /// Indexes `paths` for an experiment of `runs` runs. A run recorded twice with the same
    /// content counts once; with different content it is an error (the model is
    /// deterministic, so that means a damaged or foreign journal).
    pub fn open(paths: &[PathBuf], exp_hash: u64, runs: usize) -> Result<JournalSet, SweepError> {
        let mut set = JournalSet {
            exp_hash,
            paths: paths.to_vec(),
            files: Vec::new(),
            locs: vec![MISSING; runs],
        };
        for (fi, path) in paths.iter().enumerate() {
            let scan = scan(path, exp_hash)?;
            let f = File::open(path).map_err(|source| SweepError::Io {
                path: path.clone(),
                source,
            })?;
            set.files.push(f);
            for (run, offset, len) in scan.lines {
                let Some(slot) = usize::try_from(run).ok().filter(|&r| r < runs) else {
                    return Err(SweepError::JournalCorrupt {
                        path: path.clone(),
                        line: 0,
                        reason: JournalReason::NoSuchRun { run, runs },
                    });
                };
                let loc = Loc {
                    file: fi as u32,
                    len,
                    offset,
                };
                if set.locs[slot] == MISSING {
                    set.locs[slot] = loc;
                } else {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let old = set.locs[slot];
                    set.read_at(old, &mut a)?;
                    set.read_at(loc, &mut b)?;
                    if a != b {
                        return Err(SweepError::JournalCorrupt {
                            path: path.clone(),
                            line: 0,
                            reason: JournalReason::RecordedTwice { run },
                        });
                    }
                }
            }
        }
        Ok(set)
    }

    /// Whether run `run` is recorded.
    pub fn has(&self, run: usize) -> bool {
        self.locs[run] != MISSING
    }

    /// Which journal file holds run `run`.
    pub fn file_of(&self, run: usize) -> Option<usize> {
        (self.locs[run] != MISSING).then_some(self.locs[run].file as usize)
    }

    /// Runs not recorded in any journal.
    pub fn missing(&self) -> impl Iterator<Item = usize> + '_ {
        self.locs
            .iter()
            .enumerate()
            .filter(|(_, l)| **l == MISSING)
            .map(|(i, _)| i)
    }

    fn read_at(&mut self, loc: Loc, buf: &mut Vec<u8>) -> Result<(), SweepError> {
        let path = &self.paths[loc.file as usize];
        let f = &mut self.files[loc.file as usize];
        buf.resize(loc.len as usize, 0);
        f.seek(SeekFrom::Start(loc.offset))
            .and_then(|_| f.read_exact(buf))
            .map_err(|source| SweepError::Io {
                path: path.clone(),
                source,
            })
    }

    /// Reads and verifies run `run`'s line into `buf`.
    pub fn read<'b>(&mut self, run: usize, buf: &'b mut Vec<u8>) -> Result<Entry<'b>, SweepError> {
        let loc = self.locs[run];
        if loc == MISSING {
            return Err(SweepError::Incomplete {
                missing: 1,
                total: self.locs.len(),
                first: run,
            });
        }
        self.read_at(loc, buf)?;
        let path = self.paths[loc.file as usize].clone();
        match parse(self.exp_hash, buf) {
            Some(e) if e.run == run as u64 => Ok(e),
            _ => Err(SweepError::JournalCorrupt {
                path,
                line: 0,
                reason: JournalReason::ChangedAfterIndex { run },
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("uc-journal-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d.join(JOURNAL)
    }

    #[test]
    fn lines_round_trip_and_detect_changes() {
        let l = line(7, 12, "1,2,NA", "");
        assert!(l.ends_with(b"\n"));
        let body = &l[..l.len() - 1];
        let e = parse(7, body).unwrap();
        assert_eq!((e.run, e.values, e.series), (12, "1,2,NA", ""));
        assert!(parse(8, body).is_none(), "another experiment's line");
        let mut bad = body.to_vec();
        bad[4] = b'3';
        assert!(parse(7, &bad).is_none());
    }

    #[test]
    fn a_torn_last_line_is_dropped_and_cut_off() {
        let p = tmp("torn");
        let mut f = File::create(&p).unwrap();
        f.write_all(&line(1, 0, "1,2", "")).unwrap();
        f.write_all(&line(1, 3, "3,4", "")).unwrap();
        let third = line(1, 1, "5,6", "");
        f.write_all(&third[..third.len() / 2]).unwrap();
        drop(f);
        let s = scan(&p, 1).unwrap();
        assert!(s.torn);
        assert_eq!(s.lines.iter().map(|l| l.0).collect::<Vec<_>>(), vec![0, 3]);
        truncate_torn(&p, &s).unwrap();
        let mut f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
        f.write_all(&third).unwrap();
        drop(f);
        let s = scan(&p, 1).unwrap();
        assert!(!s.torn);
        assert_eq!(s.lines.len(), 3);
        let mut set = JournalSet::open(std::slice::from_ref(&p), 1, 4).unwrap();
        assert_eq!(set.missing().collect::<Vec<_>>(), vec![2]);
        let mut buf = Vec::new();
        assert_eq!(set.read(1, &mut buf).unwrap().values, "5,6");
        assert_eq!(set.read(3, &mut buf).unwrap().values, "3,4");
    }

    #[test]
    fn a_damaged_complete_line_is_an_error_naming_its_line() {
        let p = tmp("bad");
        let mut f = File::create(&p).unwrap();
        f.write_all(&line(1, 0, "1,2", "")).unwrap();
        let mut l = line(1, 1, "3,4", "");
        l[3] = b'9';
        f.write_all(&l).unwrap();
        drop(f);
        match scan(&p, 1) {
            Err(SweepError::JournalCorrupt { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn duplicates_count_once_unless_they_differ() {
        let p = tmp("dup");
        let mut f = File::create(&p).unwrap();
        f.write_all(&line(1, 0, "1,2", "")).unwrap();
        f.write_all(&line(1, 0, "1,2", "")).unwrap();
        drop(f);
        let set = JournalSet::open(std::slice::from_ref(&p), 1, 1).unwrap();
        assert_eq!(set.missing().count(), 0);
        let mut f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
        f.write_all(&line(1, 0, "1,3", "")).unwrap();
        drop(f);
        assert!(matches!(
            JournalSet::open(&[p], 1, 1),
            Err(SweepError::JournalCorrupt { .. })
        ));
    }
}
