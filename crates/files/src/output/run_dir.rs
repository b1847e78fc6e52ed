//! Writes every output file of a `run` into its directory.

use std::path::Path;

use crate::experiment::claims;
use crate::experiment::replication::ReplicationResult;
use crate::experiment::scenario::{Scenario, Toggle, AUTO_ROWS};
use crate::metrics::aggregate::{self, DurabilityRow};

use super::employees::EmployeeParts;
use super::manifest::{Manifest, MANIFEST};
use super::tables;

/// Data files a run writes (the manifest comes last, as the mark of a complete result), and
/// the judged claims (empty without `[[claims]]`). `durability` is `aggregate::durability`
/// of `results`, computed once by the caller, which also prints it and the claims.
pub fn write_run(
    dir: &Path,
    s: &Scenario,
    results: &[ReplicationResult],
    durability: &[DurabilityRow],
) -> std::io::Result<(Vec<String>, Vec<claims::ClaimRow>)> {
    write_run_with(dir, s, results, durability, None)
}

/// [`write_run`], with `employees.csv` joined from the parts the run streamed to `parts`
/// (`None`: from the snapshots in `results`).
pub fn write_run_with(
    dir: &Path,
    s: &Scenario,
    results: &[ReplicationResult],
    durability: &[DurabilityRow],
    parts: Option<EmployeeParts>,
) -> std::io::Result<(Vec<String>, Vec<claims::ClaimRow>)> {
    std::fs::create_dir_all(dir)?;
    let arms: Vec<String> = s.arms.iter().map(|a| a.name.clone()).collect();
    let mut files = Vec::new();
    let ts = aggregate::timeseries(results, arms.len());
    tables::write_timeseries(&dir.join("timeseries.csv"), &arms, &ts)?;
    files.push("timeseries.csv".to_string());
    tables::write_durability(&dir.join("durability.csv"), &arms, durability)?;
    files.push("durability.csv".to_string());
    let per_rep = match s.per_replication {
        Toggle::On => true,
        Toggle::Off => false,
        Toggle::Auto => tables::replication_rows(arms.len(), results) <= AUTO_ROWS,
    };
    if per_rep {
        tables::write_replications(&dir.join("replications.csv"), &arms, results)?;
        files.push("replications.csv".to_string());
    }
    let window_rows = aggregate::windows(results, arms.len(), &s.windows);
    if !s.windows.is_empty() {
        tables::write_windows(&dir.join("windows.csv"), &arms, &window_rows)?;
        files.push("windows.csv".to_string());
    }
    let outputs = s.named_outputs();
    if !outputs.is_empty() {
        let rows = aggregate::named_outputs(results, &outputs);
        tables::write_outputs(&dir.join("outputs.csv"), &arms, &outputs, &rows)?;
        files.push("outputs.csv".to_string());
    }
    let claim_rows = claims::judge(&s.claims, &arms, durability, &window_rows);
    if !s.claims.is_empty() {
        tables::write_claims(&dir.join("claims.csv"), &s.claims, &claim_rows)?;
        files.push("claims.csv".to_string());
    }
    if s.teams {
        tables::write_teams(&dir.join("teams.csv"), &arms, results)?;
        files.push("teams.csv".to_string());
    }
    if s.has_snapshots() {
        let path = dir.join("employees.csv");
        match parts {
            Some(p) => p.join(&path, results.len())?,
            None => tables::write_employees(&path, &arms, results)?,
        }
        files.push("employees.csv".to_string());
    }
    Ok((files, claim_rows))
}

/// Writes `manifest.json` last: its presence marks a complete result.
pub fn write_manifest(dir: &Path, m: &Manifest) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(m).map_err(std::io::Error::other)?;
    super::write_atomic(&dir.join(MANIFEST), &json)
}
