//! The sweep directory's identity (`sweep.json`) and shards.
//!
//! `sweep.json` is written before the first run. It says which experiment (by hash), which
//! shard and which build the journal beside it belongs to, so that `--resume` never appends
//! one experiment's runs to another's journal and `merge` never combines shards that do not
//! belong together.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::dir_reason::{DirReason, Study};
use super::experiment::Experiment;
use super::journal::{self, JOURNAL};
use super::reasons::ShardReason;
use super::{io_err, SweepError};
use crate::output::files::partial_name;
use crate::output::manifest;
use crate::output::write_atomic;

/// State file of a sweep directory.
pub const STATE: &str = "sweep.json";
/// The resolved experiment, written into every sweep directory.
pub const EXPERIMENT: &str = "experiment.toml";
/// Version of the directory layout and journal format.
pub const FORMAT: u32 = 1;

/// Shard `index` of `count` (1-based): the design points `p` with `p % count == index - 1`.
///
/// Whole points, not runs, are dealt out so that a shard holds every replication of its
/// points; dealing them round-robin keeps shards balanced when run time varies smoothly
/// along the design (a grid's last axis, a Sobol block).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Parses `I/N` (1 <= I <= N).
    pub fn parse(spec: &str) -> Result<Shard, SweepError> {
        let bad = |reason: ShardReason| SweepError::BadShard {
            spec: spec.to_string(),
            reason,
        };
        let (i, n) = spec.split_once('/').ok_or_else(|| bad(ShardReason::Form))?;
        let i: usize = i.trim().parse().map_err(|_| bad(ShardReason::INotWhole))?;
        let n: usize = n.trim().parse().map_err(|_| bad(ShardReason::NNotWhole))?;
        if n == 0 || n > 1_000_000 {
            return Err(bad(ShardReason::NOutOfRange));
        }
        if i == 0 || i > n {
            return Err(bad(ShardReason::IOutOfRange { n }));
        }
        Ok(Shard { index: i, count: n })
    }

    pub fn owns_point(&self, point: usize) -> bool {
        point % self.count == self.index - 1
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Contents of `sweep.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SweepState {
    pub format: u32,
    pub version: String,
    pub git_commit: String,
    pub name: String,
    pub experiment_hash: String,
    pub shard: Option<Shard>,
    pub runs_total: usize,
    pub runs_in_shard: usize,
}

impl SweepState {
    pub fn new(exp: &Experiment, shard: Option<Shard>) -> SweepState {
        SweepState {
            format: FORMAT,
            version: manifest::version().to_string(),
            git_commit: manifest::git_commit().to_string(),
            name: exp.file.name.clone(),
            experiment_hash: exp.hash.clone(),
            shard,
            runs_total: exp.runs(),
            runs_in_shard: runs_in(exp, shard).count(),
        }
    }
}

/// The runs a shard (or the whole sweep) computes, in run order.
pub fn runs_in(exp: &Experiment, shard: Option<Shard>) -> impl Iterator<Item = usize> + '_ {
    let reps = exp.replications();
    (0..exp.runs()).filter(move |r| shard.is_none_or(|s| s.owns_point(r / reps)))
}

/// Reads `dir/sweep.json`, `None` when there is none.
pub fn read_state(dir: &Path) -> Result<Option<SweepState>, SweepError> {
    let path = dir.join(STATE);
    match std::fs::read(&path) {
        Ok(b) => {
            let damaged = |why: String| SweepError::Dir {
                dir: dir.to_path_buf(),
                reason: Box::new(DirReason::Unreadable {
                    file: STATE.to_string(),
                    why,
                }),
            };
            let st: SweepState = serde_json::from_slice(&b).map_err(|e| damaged(e.to_string()))?;
            if let Some(s) = st.shard {
                if s.count == 0 || s.index == 0 || s.index > s.count {
                    return Err(damaged(format!("shard {s} does not exist")));
                }
            }
            Ok(Some(st))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(&path)(e)),
    }
}

/// Entries of `dir` other than temporary `.partial` files, sorted.
pub(crate) fn real_entries(dir: &Path) -> Result<Vec<String>, SweepError> {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_err(dir)(e)),
    };
    let mut out = Vec::new();
    for e in rd {
        let name = e
            .map_err(io_err(dir))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !name.ends_with(".partial") {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

/// Makes `dir` ready for this sweep: a new directory gets `sweep.json`; an existing sweep
/// is continued only with `resume` and only if it is the same experiment, shard and build.
/// `experiment.toml` is (re)written either way.
pub fn prepare(
    exp: &Experiment,
    dir: &Path,
    shard: Option<Shard>,
    resume: bool,
) -> Result<(), SweepError> {
    let refused = |reason: DirReason| SweepError::Dir {
        dir: dir.to_path_buf(),
        reason: Box::new(reason),
    };
    let want = SweepState::new(exp, shard);
    match read_state(dir)? {
        None => {
            let entries = real_entries(dir)?;
            if !entries.is_empty() {
                return Err(refused(DirReason::not_empty(Study::Sweep, &entries)));
            }
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
            let json = serde_json::to_vec_pretty(&want)
                .map_err(|e| io_err(&dir.join(STATE))(std::io::Error::other(e)))?;
            write_atomic(&dir.join(STATE), &json).map_err(io_err(&dir.join(STATE)))?;
        }
        Some(have) => {
            if have.experiment_hash != want.experiment_hash {
                return Err(refused(DirReason::OtherExperiment {
                    study: Study::Sweep,
                    have_name: have.name.clone(),
                    have_hash: have.experiment_hash.clone(),
                    want_name: want.name.clone(),
                    want_hash: want.experiment_hash.clone(),
                }));
            }
            if !resume {
                let done = journal::scan(&dir.join(JOURNAL), exp.hash_u64())
                    .map(|s| s.lines.len())
                    .unwrap_or(0);
                return Err(refused(DirReason::AlreadyHere {
                    done,
                    runs: have.runs_in_shard,
                }));
            }
            if have.shard != shard {
                return Err(refused(DirReason::OtherShard {
                    have: have.shard.map(|s| s.to_string()),
                    want: shard.map(|s| s.to_string()),
                }));
            }
            if have.version != want.version
                || have.git_commit != want.git_commit
                || have.format != want.format
            {
                return Err(refused(DirReason::OtherBuild {
                    study: Study::Sweep,
                    have_version: have.version.clone(),
                    have_commit: have.git_commit.clone(),
                    want_version: want.version.clone(),
                    want_commit: want.git_commit.clone(),
                }));
            }
        }
    }
    let path = dir.join(EXPERIMENT);
    write_atomic(&path, exp.canonical.as_bytes()).map_err(io_err(&path))?;
    let _ = std::fs::remove_file(partial_name(&path));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_specs() {
        assert_eq!(Shard::parse("2/3").unwrap(), Shard { index: 2, count: 3 });
        assert_eq!(Shard::parse("1/1").unwrap(), Shard { index: 1, count: 1 });
        for bad in ["0/3", "4/3", "3", "a/3", "1/0", "-1/3", "1/x"] {
            assert!(
                matches!(Shard::parse(bad), Err(SweepError::BadShard { .. })),
                "{bad}"
            );
        }
        let s = Shard::parse("2/3").unwrap();
        assert!(s.owns_point(1) && s.owns_point(4) && !s.owns_point(0));
    }
}
