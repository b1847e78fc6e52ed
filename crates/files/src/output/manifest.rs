//! `manifest.json`: what was run, with what, by which build, when and how fast.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::experiment::scenario::Scenario;

#[derive(Debug, Clone, Serialize)]
pub struct Manifest<'a> {
    pub tool: &'static str,
    pub version: &'static str,
    /// Commit the binary was built from; empty when unknown.
    pub git_commit: &'static str,
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

pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

pub fn git_commit() -> &'static str {
    env!("UNDERCURRENT_GIT_COMMIT")
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
    #[test]
    fn formats_known_instants() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_795_478_400), "2026-11-24T00:00:00Z");
    }
}
