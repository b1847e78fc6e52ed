//! `undercurrent merge`: combines the journals of a sharded sweep into the files a sweep on
//! one machine writes, byte for byte.
//!
//! It refuses anything that would not give that: directories that are not shards, shards of
//! different experiments or builds, different shard counts, a shard given twice or missing,
//! or a shard whose journal lacks some of its runs. Every refusal names what is wrong.

use std::path::{Path, PathBuf};

use super::experiment::Experiment;
use super::finalize;
use super::journal::{JournalSet, JOURNAL};
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

/// Merges the shard directories `shards` into `out`.
pub fn merge(shards: &[PathBuf], out: &Path) -> Result<MergeReport, SweepError> {
    if shards.is_empty() {
        return Err(SweepError::Merge("no shard directories given".into()));
    }
    let mut states: Vec<(PathBuf, SweepState, Shard)> = Vec::new();
    for dir in shards {
        if !dir.exists() {
            return Err(SweepError::Merge(format!(
                "shard directory {} does not exist (did that shard's job run, and is the path right?)",
                dir.display()
            )));
        }
        if !dir.is_dir() {
            return Err(SweepError::Merge(format!(
                "{} is a file, not a shard directory",
                dir.display()
            )));
        }
        let st = read_state(dir)?.ok_or_else(|| {
            SweepError::Merge(format!(
                "{} is not a sweep directory ({} is missing)",
                dir.display(),
                state::STATE
            ))
        })?;
        let Some(sh) = st.shard else {
            return Err(SweepError::Merge(format!(
                "{} holds a whole sweep, not a shard; it needs no merge",
                dir.display()
            )));
        };
        states.push((dir.clone(), st, sh));
    }
    let (first_dir, first, first_shard) = states[0].clone();
    for (dir, st, sh) in &states[1..] {
        if st.experiment_hash != first.experiment_hash {
            return Err(SweepError::Merge(format!(
                "{} holds experiment '{}' (hash {}) but {} holds '{}' (hash {}): shards of different experiments cannot be merged",
                dir.display(),
                st.name,
                st.experiment_hash,
                first_dir.display(),
                first.name,
                first.experiment_hash
            )));
        }
        if st.version != first.version || st.git_commit != first.git_commit {
            return Err(SweepError::Merge(format!(
                "{} was run by undercurrent {} (commit {}) but {} by {} (commit {}): runs from two builds could differ",
                dir.display(),
                st.version,
                st.git_commit,
                first_dir.display(),
                first.version,
                first.git_commit
            )));
        }
        if sh.count != first_shard.count {
            return Err(SweepError::Merge(format!(
                "{} is shard {sh} but {} is shard {first_shard}: every shard must come from the same --shard I/N split",
                dir.display(),
                first_dir.display()
            )));
        }
    }
    let n = first_shard.count;
    let mut by_index: Vec<Option<&PathBuf>> = vec![None; n];
    for (dir, _, sh) in &states {
        if let Some(other) = by_index[sh.index - 1] {
            return Err(SweepError::Merge(format!(
                "shard {sh} is given twice: {} and {}",
                other.display(),
                dir.display()
            )));
        }
        by_index[sh.index - 1] = Some(dir);
    }
    let missing: Vec<String> = (0..n)
        .filter(|&i| by_index[i].is_none())
        .map(|i| format!("{}/{n}", i + 1))
        .collect();
    if !missing.is_empty() {
        return Err(SweepError::Merge(format!(
            "shard{} {} {} missing: give every shard directory",
            if missing.len() > 1 { "s" } else { "" },
            missing.join(", "),
            if missing.len() > 1 { "are" } else { "is" }
        )));
    }

    let exp = Experiment::load(&first_dir.join(EXPERIMENT))?;
    if exp.hash != first.experiment_hash {
        return Err(SweepError::Merge(format!(
            "{} does not match the hash in {} of the same directory (was it edited?)",
            first_dir.join(EXPERIMENT).display(),
            first_dir.join(state::STATE).display()
        )));
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
                return Err(SweepError::Merge(format!(
                    "{} holds run {run}, which belongs to shard {}/{n}, not {owner}",
                    journals[fi].display(),
                    (run / reps) % n + 1
                )));
            }
        }
    }
    let incomplete: Vec<String> = states
        .iter()
        .filter(|(_, _, sh)| lacking[sh.index - 1] > 0)
        .map(|(dir, st, sh)| {
            format!(
                "shard {sh} in {} lacks {} of its {} runs (finish it: undercurrent sweep {} --shard {sh} --out {} --resume)",
                dir.display(),
                lacking[sh.index - 1],
                st.runs_in_shard,
                dir.join(EXPERIMENT).display(),
                dir.display()
            )
        })
        .collect();
    if !incomplete.is_empty() {
        return Err(SweepError::Merge(format!(
            "incomplete shards:\n  {}",
            incomplete.join("\n  ")
        )));
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
    if out.join(state::STATE).exists() {
        return Err(SweepError::OutDir {
            dir: out.to_path_buf(),
            message: "the directory is a sweep or shard directory; merge into another --out".into(),
        });
    }
    let existing = std::fs::read_to_string(out.join(EXPERIMENT)).ok();
    let empty = match std::fs::read_dir(out) {
        Ok(mut rd) => rd.next().is_none(),
        Err(_) => true,
    };
    match existing {
        Some(text) if text == exp.canonical => {}
        Some(_) => {
            return Err(SweepError::OutDir {
                dir: out.to_path_buf(),
                message: "the directory holds another experiment; choose another --out".into(),
            })
        }
        None if !empty => {
            return Err(SweepError::OutDir {
                dir: out.to_path_buf(),
                message: "the directory is not empty; choose another --out".into(),
            })
        }
        None => {}
    }
    std::fs::create_dir_all(out).map_err(io_err(out))?;
    let path = out.join(EXPERIMENT);
    write_atomic(&path, exp.canonical.as_bytes()).map_err(io_err(&path))
}
