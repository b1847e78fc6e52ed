//! `undercurrent merge`: combines the journals of a sharded sweep into the files a sweep on
//! one machine writes, byte for byte.
//!
//! It refuses anything that would not give that: directories that are not shards, shards of
//! different experiments or builds, different shard counts, a shard given twice or missing,
//! or a shard whose journal lacks some of its runs. Every refusal names what is wrong.

use std::path::{Path, PathBuf};

use super::dir_reason::DirReason;
use super::experiment::Experiment;
use super::finalize;
use super::journal::{JournalSet, JOURNAL};
use super::merge_reason::{IncompleteShard, MergeReason};
use super::state::{self, read_state, Shard, SweepState, EXPERIMENT};
use super::{io_err, SweepError};
use crate::output::write_atomic;

/// What a merge did.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeReport {
    pub shards: usize,
    pub runs: usize,
    pub files: Vec<String>,
}

fn refused(reason: MergeReason) -> SweepError {
    SweepError::Merge(Box::new(reason))
}

/// Merges the shard directories `shards` into `out`.
pub fn merge(shards: &[PathBuf], out: &Path) -> Result<MergeReport, SweepError> {
    if shards.is_empty() {
        return Err(refused(MergeReason::NoShards));
    }
    let mut states: Vec<(PathBuf, SweepState, Shard)> = Vec::new();
    for dir in shards {
        if !dir.exists() {
            return Err(refused(MergeReason::Missing { dir: dir.clone() }));
        }
        if !dir.is_dir() {
            return Err(refused(MergeReason::IsFile { dir: dir.clone() }));
        }
        let st = read_state(dir)?.ok_or_else(|| {
            refused(MergeReason::NotSweep {
                dir: dir.clone(),
                state: state::STATE.to_string(),
            })
        })?;
        let Some(sh) = st.shard else {
            return Err(refused(MergeReason::Whole { dir: dir.clone() }));
        };
        states.push((dir.clone(), st, sh));
    }
    let (first_dir, first, first_shard) = states[0].clone();
    for (dir, st, sh) in &states[1..] {
        if st.experiment_hash != first.experiment_hash {
            return Err(refused(MergeReason::OtherExperiment {
                dir: dir.clone(),
                name: st.name.clone(),
                hash: st.experiment_hash.clone(),
                first_dir: first_dir.clone(),
                first_name: first.name.clone(),
                first_hash: first.experiment_hash.clone(),
            }));
        }
        if st.version != first.version || st.git_commit != first.git_commit {
            return Err(refused(MergeReason::OtherBuild {
                dir: dir.clone(),
                version: st.version.clone(),
                commit: st.git_commit.clone(),
                first_dir: first_dir.clone(),
                first_version: first.version.clone(),
                first_commit: first.git_commit.clone(),
            }));
        }
        if sh.count != first_shard.count {
            return Err(refused(MergeReason::OtherSplit {
                dir: dir.clone(),
                shard: sh.to_string(),
                first_dir: first_dir.clone(),
                first_shard: first_shard.to_string(),
            }));
        }
    }
    let n = first_shard.count;
    let mut by_index: Vec<Option<&PathBuf>> = vec![None; n];
    for (dir, _, sh) in &states {
        if let Some(other) = by_index[sh.index - 1] {
            return Err(refused(MergeReason::Twice {
                shard: sh.to_string(),
                first: other.clone(),
                second: dir.clone(),
            }));
        }
        by_index[sh.index - 1] = Some(dir);
    }
    let missing: Vec<String> = (0..n)
        .filter(|&i| by_index[i].is_none())
        .map(|i| format!("{}/{n}", i + 1))
        .collect();
    if !missing.is_empty() {
        return Err(refused(MergeReason::ShardsMissing { shards: missing }));
    }

    let exp = Experiment::load(&first_dir.join(EXPERIMENT))?;
    if exp.hash != first.experiment_hash {
        return Err(refused(MergeReason::Edited {
            experiment: first_dir.join(EXPERIMENT),
            state: first_dir.join(state::STATE),
        }));
    }

    // Every shard must hold all of its own runs, and only those.
    let journals: Vec<PathBuf> = states.iter().map(|(d, _, _)| d.join(JOURNAL)).collect();
    let set = JournalSet::open(&journals, exp.hash_u64(), exp.runs())?;
    let reps = exp.replications();
    let mut lacking = vec![0usize; n];
    for (_, _, sh) in &states {
        lacking[sh.index - 1] = state::runs_in(&exp, Some(*sh))
            .filter(|&run| !set.has(run))
            .count();
    }
    for run in 0..exp.runs() {
        if let Some(fi) = set.file_of(run) {
            let owner = states[fi].2;
            if !owner.owns_point(run / reps) {
                return Err(refused(MergeReason::ForeignRun {
                    journal: journals[fi].clone(),
                    run,
                    belongs: format!("{}/{n}", (run / reps) % n + 1),
                    owner: owner.to_string(),
                }));
            }
        }
    }
    let incomplete: Vec<IncompleteShard> = states
        .iter()
        .filter(|(_, _, sh)| lacking[sh.index - 1] > 0)
        .map(|(dir, st, sh)| IncompleteShard {
            shard: sh.to_string(),
            dir: dir.clone(),
            lacking: lacking[sh.index - 1],
            runs: st.runs_in_shard,
            experiment: dir.join(EXPERIMENT),
        })
        .collect();
    if !incomplete.is_empty() {
        return Err(refused(MergeReason::Incomplete { shards: incomplete }));
    }
    drop(set);

    prepare_out(&exp, out)?;
    let files = finalize::finish(&exp, &journals, out, None)?;
    Ok(MergeReport {
        shards: n,
        runs: exp.runs(),
        files,
    })
}

/// `out` must be new, empty, or an earlier merge of the same experiment.
fn prepare_out(exp: &Experiment, out: &Path) -> Result<(), SweepError> {
    let out_refused = |reason: DirReason| SweepError::Dir {
        dir: out.to_path_buf(),
        reason: Box::new(reason),
    };
    if out.join(state::STATE).exists() {
        return Err(out_refused(DirReason::MergeIntoSweep));
    }
    let existing = std::fs::read_to_string(out.join(EXPERIMENT)).ok();
    let empty = match std::fs::read_dir(out) {
        Ok(mut rd) => rd.next().is_none(),
        Err(_) => true,
    };
    match existing {
        Some(text) if text == exp.canonical => {}
        Some(_) => return Err(out_refused(DirReason::MergeOtherExperiment)),
        None if !empty => return Err(out_refused(DirReason::MergeNotEmpty)),
        None => {}
    }
    std::fs::create_dir_all(out).map_err(io_err(out))?;
    let path = out.join(EXPERIMENT);
    write_atomic(&path, exp.canonical.as_bytes()).map_err(io_err(&path))
}
