//! `manifest.json`: what was run, with what, by which build, when and how fast.
//!
//! Written here for a run ([`Manifest`]) and by `experiment::sweep::finalize` for a sweep;
//! read back in one way only, [`read_manifest`] into a [`ManifestRecord`], by the charts and
//! the report (the scenario name, the sweep's name, design and axes, the build).

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::experiment::scenario::Scenario;

#[derive(Debug, Clone, Serialize)]
pub struct Manifest<'a> {
    pub tool: &'static str,
    pub version: &'static str,
    /// Commit the binary was built from; empty when unknown.
    pub git_commit: &'static str,
    /// Whether tracked files differed from that commit when the binary was built (so the
    /// commit alone does not say what ran); left out when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_dirty: Option<bool>,
    pub command: String,
    /// The fully resolved scenario: every default filled in.
    pub scenario: &'a Scenario,
    pub seed: u64,
    pub replications: usize,
    pub threads: usize,
    pub started: String,
    pub finished: String,
    pub wall_seconds: f64,
    pub files: Vec<String>,
}

/// How a run was made: what its manifest records besides the scenario and its files.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRecord {
    pub command: String,
    pub threads: usize,
    pub started: String,
    pub finished: String,
    pub wall_seconds: f64,
}

impl<'a> Manifest<'a> {
    /// The manifest of a run of `s` that wrote `files`, made as `record` says, with this
    /// build's version, commit and dirty flag: the one place `run`, the explorer's downloads
    /// and the Python package make a run's manifest.
    pub fn of_run(s: &'a Scenario, files: Vec<String>, record: RunRecord) -> Manifest<'a> {
        Manifest {
            tool: "undercurrent",
            version: version(),
            git_commit: git_commit(),
            git_dirty: git_dirty(),
            command: record.command,
            scenario: s,
            seed: s.seed,
            replications: s.replications,
            threads: record.threads,
            started: record.started,
            finished: record.finished,
            wall_seconds: record.wall_seconds,
            files,
        }
    }
}

/// The file name, in a run's and a sweep's directory alike.
pub const MANIFEST: &str = "manifest.json";

/// `manifest.json` as read back, a run's or a sweep's: the fields anything reads. Every field
/// is optional, so a directory made by hand (or by an older build) still gets its charts
/// and report; a field of the wrong type is an error like malformed JSON.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ManifestRecord {
    pub tool: Option<String>,
    /// `"sweep"` for a sweep; absent for a run.
    pub kind: Option<String>,
    pub version: Option<String>,
    pub git_commit: Option<String>,
    /// `true` when the build had uncommitted changes; absent when unknown (or older builds).
    pub git_dirty: Option<bool>,
    pub command: Option<String>,
    pub finished: Option<String>,
    /// A run's fully resolved scenario, as the JSON tree it was written as: the report shows
    /// every parameter in it, whatever the build that wrote it knew of.
    pub scenario: Option<serde_json::Value>,
    /// A sweep's experiment name.
    pub name: Option<String>,
    pub description: Option<String>,
    /// A sweep's design (`grid`, `sobol`, ...).
    pub design: Option<String>,
    pub points: Option<u64>,
    pub replications: Option<u64>,
    pub runs: Option<u64>,
    pub seed: Option<u64>,
    /// A sweep's swept parameters.
    #[serde(default)]
    pub axes: Vec<ManifestAxis>,
    /// A calibration's simulations, generations, why it stopped and the tolerance it reached.
    pub simulations: Option<u64>,
    pub generations: Option<u64>,
    pub stopped: Option<String>,
    /// Why a calibration stopped, as data (older builds wrote only `stopped`).
    pub stop: Option<StopRecord>,
    pub stalled: Option<bool>,
    pub final_tolerance_reached: Option<f64>,
}

/// Why a calibration stopped: the reason's name (`final_tolerance`, `max_generations`,
/// `budget`, `stalled`) and, for a stall, the tolerances it fell between.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct StopRecord {
    pub reason: Option<String>,
    pub from: Option<f64>,
    pub to: Option<f64>,
}

/// One swept parameter in a sweep's manifest.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ManifestAxis {
    pub name: Option<String>,
    pub key: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl ManifestRecord {
    /// A run's scenario name (`scenario.name`), trimmed, if it has a non-empty one.
    pub fn scenario_name(&self) -> Option<String> {
        self.scenario
            .as_ref()?
            .get("name")?
            .as_str()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
    }
}

/// Why `manifest.json` could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("I/O error on {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not JSON, or a field of the wrong type.
    #[error("malformed JSON {}: {message}", path.display())]
    Malformed { path: PathBuf, message: String },
}

/// Reads `dir/manifest.json`: `None` when there is none (charts and reports can be drawn
/// from the CSV files alone), an error when it is there but unreadable or malformed.
pub fn read_manifest(dir: &Path) -> Result<Option<ManifestRecord>, ManifestError> {
    let path = dir.join(MANIFEST);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(ManifestError::Io { path, source }),
    };
    // A damaged file is the user's to fix (exit 2), located like a JSON error.
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = before.len()
                - before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1)
                + 1;
            return Err(ManifestError::Malformed {
                path,
                message: format!("not UTF-8 text: an invalid byte at line {line} column {column}"),
            });
        }
    };
    serde_json::from_str(text)
        .map(Some)
        .map_err(|e| ManifestError::Malformed {
            path,
            message: e.to_string(),
        })
}

pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

pub fn git_commit() -> &'static str {
    env!("UNDERCURRENT_GIT_COMMIT")
}

/// Whether the working tree had uncommitted changes to tracked files when the binary was
/// built (`git status --porcelain --untracked-files=no` not empty); `None` when unknown.
pub fn git_dirty() -> Option<bool> {
    parse_dirty(env!("UNDERCURRENT_GIT_DIRTY"))
}

fn parse_dirty(value: &str) -> Option<bool> {
    match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Current UTC time as RFC 3339 (seconds).
pub fn now_rfc3339() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339(secs)
}

/// Formats seconds since the Unix epoch as RFC 3339 UTC (civil-from-days, H. Hinnant).
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("uc-manifest-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_written_run_manifest_reads_back() {
        let d = dir("run");
        let s = Scenario::embedded_default();
        let m = Manifest {
            tool: "undercurrent",
            version: version(),
            git_commit: "abc",
            git_dirty: Some(true),
            command: "undercurrent run".into(),
            scenario: &s,
            seed: s.seed,
            replications: s.replications,
            threads: 2,
            started: rfc3339(0),
            finished: rfc3339(60),
            wall_seconds: 60.0,
            files: vec!["timeseries.csv".into()],
        };
        crate::output::run_dir::write_manifest(&d, &m).unwrap();
        let r = read_manifest(&d).unwrap().unwrap();
        assert_eq!(r.tool.as_deref(), Some("undercurrent"));
        assert_eq!(r.git_commit.as_deref(), Some("abc"));
        assert_eq!(r.git_dirty, Some(true));
        assert_eq!(r.finished.as_deref(), Some("1970-01-01T00:01:00Z"));
        assert_eq!(r.scenario_name(), Some(s.name.clone()));
        assert_eq!(r.kind, None);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_missing_manifest_is_none_a_malformed_one_an_error() {
        let d = dir("bad");
        assert!(read_manifest(&d).unwrap().is_none());
        std::fs::write(d.join(MANIFEST), "{not json").unwrap();
        let e = read_manifest(&d).unwrap_err();
        assert!(matches!(e, ManifestError::Malformed { .. }), "{e}");
        assert!(e.to_string().starts_with("malformed JSON "), "{e}");
        std::fs::write(d.join(MANIFEST), r#"{"points": "many"}"#).unwrap();
        assert!(read_manifest(&d).is_err());
        std::fs::write(d.join(MANIFEST), r#"{"scenario": {"name": "  "}}"#).unwrap();
        assert_eq!(read_manifest(&d).unwrap().unwrap().scenario_name(), None);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn an_unknown_dirtiness_is_left_out_of_the_manifest() {
        assert_eq!(parse_dirty("true"), Some(true));
        assert_eq!(parse_dirty("false"), Some(false));
        assert_eq!(parse_dirty(""), None);
        let s = Scenario::embedded_default();
        let m = |git_dirty| Manifest {
            tool: "undercurrent",
            version: version(),
            git_commit: "",
            git_dirty,
            command: String::new(),
            scenario: &s,
            seed: 1,
            replications: 1,
            threads: 1,
            started: rfc3339(0),
            finished: rfc3339(0),
            wall_seconds: 0.0,
            files: Vec::new(),
        };
        let unknown = serde_json::to_value(m(None)).unwrap();
        assert!(unknown.get("git_dirty").is_none(), "{unknown}");
        let clean = serde_json::to_value(m(Some(false))).unwrap();
        assert_eq!(clean["git_dirty"], serde_json::Value::Bool(false));
        // Beside the commit, where a reader looks for the build.
        let text = serde_json::to_string(&m(Some(false))).unwrap();
        assert!(
            text.contains(r#""git_commit":"","git_dirty":false,"command""#),
            "{text}"
        );
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_795_478_400), "2026-11-24T00:00:00Z");
    }
}
