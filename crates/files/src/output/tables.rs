//! The CSV tables of a run, written atomically (built in memory, or streamed where they grow
//! large).

use std::path::Path;

use crate::experiment::claims::{Bound, Claim, ClaimRow, Measured};
use crate::experiment::replication::{ReplicationResult, Snapshot};
use crate::metrics::aggregate::{DurabilityRow, OutputRow, SeriesRow, WindowRow};
use crate::metrics::outputs::NamedOutput;
use crate::metrics::recorder::METRICS;
use crate::metrics::registry::TEAM_METRICS;
use crate::metrics::stats::Summary;
use crate::metrics::survival::CensoredMedian;
use crate::model::drives::DRIVE_NAMES;
use crate::model::employees::COL_NAMES;

use super::write_atomic;

/// Formats a number for CSV: shortest round-trip form, `NA` for missing (read as NaN by
/// pandas and as NA by R).
pub fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "NA".to_string()
    }
}

fn summary_fields(s: &Summary) -> [String; 5] {
    [
        num(s.mean),
        num(s.sd),
        num(s.ci_lo),
        num(s.ci_hi),
        s.n.to_string(),
    ]
}

fn finish(w: csv::Writer<Vec<u8>>, path: &Path) -> std::io::Result<()> {
    let bytes = w
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    write_atomic(path, &bytes)
}

pub(crate) fn csv_err(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// `timeseries.csv`: `arm,day,metric,mean,sd,ci_lo,ci_hi,n`.
pub fn write_timeseries(path: &Path, arms: &[String], rows: &[SeriesRow]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["arm", "day", "metric", "mean", "sd", "ci_lo", "ci_hi", "n"])
        .map_err(csv_err)?;
    for r in rows {
        let [mean, sd, lo, hi, n] = summary_fields(&r.summary);
        w.write_record([
            arms[r.arm].as_str(),
            &r.day.to_string(),
            r.metric,
            &mean,
            &sd,
            &lo,
            &hi,
            &n,
        ])
        .map_err(csv_err)?;
    }
    finish(w, path)
}

/// `durability.csv`: `arm,metric,mean,sd,ci_lo,ci_hi,n,km_median,km_lo,km_hi,followup,
/// censored_share`. The last five belong to a censorable duration (the half-life) and are NA
/// on every other row: its Kaplan-Meier median and Brookmeyer-Crowley interval, NA where
/// not reached (the value is more than `followup`, the longest duration observed), and the
/// share of replications censored. Such a row's `mean`, `sd` and interval are NA unless no
/// replication was censored.
pub fn write_durability(
    path: &Path,
    arms: &[String],
    rows: &[DurabilityRow],
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(DURABILITY_HEADER).map_err(csv_err)?;
    for r in rows {
        let [mean, sd, lo, hi, n] = summary_fields(&r.summary);
        let [km, km_lo, km_hi, followup, share] = censored_fields(r.censored.as_ref());
        w.write_record([
            arms[r.arm].as_str(),
            r.metric,
            &mean,
            &sd,
            &lo,
            &hi,
            &n,
            &km,
            &km_lo,
            &km_hi,
            &followup,
            &share,
        ])
        .map_err(csv_err)?;
    }
    finish(w, path)
}

/// Writes `windows.csv`: one row per window, arm, metric and quantity (`level`, or
/// `vs_baseline` for the paired difference from the baseline).
pub fn write_windows(path: &Path, arms: &[String], rows: &[WindowRow]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(WINDOWS_HEADER).map_err(csv_err)?;
    for r in rows {
        let [mean, sd, lo, hi, n] = summary_fields(&r.summary);
        w.write_record([
            arms[r.arm].as_str(),
            &r.first_day.to_string(),
            &r.last_day.to_string(),
            r.metric,
            r.quantity,
            &mean,
            &sd,
            &lo,
            &hi,
            &n,
        ])
        .map_err(csv_err)?;
    }
    finish(w, path)
}

/// The header of `outputs.csv`.
pub const OUTPUTS_HEADER: [&str; 10] = [
    "arm",
    "output",
    "of",
    "mean",
    "sd",
    "ci_lo",
    "ci_hi",
    "n",
    "missing",
    "definition",
];

/// `outputs.csv`: the scenario's named outputs per arm, across replications.
pub fn write_outputs(
    path: &Path,
    arms: &[String],
    outputs: &[NamedOutput],
    rows: &[OutputRow],
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(OUTPUTS_HEADER).map_err(csv_err)?;
    for r in rows {
        let o = &outputs[r.output];
        let [mean, sd, lo, hi, n] = summary_fields(&r.summary);
        w.write_record([
            arms[r.arm].as_str(),
            &o.name,
            &o.of(),
            &mean,
            &sd,
            &lo,
            &hi,
            &n,
            &r.missing.to_string(),
            &o.definition(),
        ])
        .map_err(csv_err)?;
    }
    finish(w, path)
}

/// The header of `teams.csv`: the row's place, the team metrics of the registry, the
/// manager's level.
pub fn teams_header() -> Vec<&'static str> {
    let mut h = vec!["arm", "replication", "team", "day"];
    h.extend(TEAM_METRICS.iter().map(|m| m.name()));
    h.push("role_model");
    h
}

/// Writes `teams.csv`: one row per arm, replication, team and recorded day (wide: one column
/// per team metric), streamed to the file as rows are formatted (never the whole table in
/// memory), replaced atomically.
pub fn write_teams(
    path: &Path,
    arms: &[String],
    results: &[ReplicationResult],
) -> std::io::Result<()> {
    let mut file = crate::output::files::AtomicFile::create(path)?;
    {
        let mut w = csv::Writer::from_writer(&mut file);
        w.write_record(teams_header()).map_err(csv_err)?;
        let mut row: Vec<String> = Vec::with_capacity(TEAM_METRICS.len() + 5);
        for (a, arm) in arms.iter().enumerate() {
            for (r, res) in results.iter().enumerate() {
                for t in res.teams.get(a).into_iter().flatten() {
                    for (k, day) in t.days.iter().enumerate() {
                        row.clear();
                        row.push(arm.clone());
                        row.push(r.to_string());
                        row.push(t.team.to_string());
                        row.push(day.to_string());
                        row.extend((0..TEAM_METRICS.len()).map(|m| num(t.value(k, m))));
                        row.push(num(t.role_model[k]));
                        w.write_record(&row).map_err(csv_err)?;
                    }
                }
            }
        }
        w.flush()?;
    }
    file.commit()
}

/// Writes `claims.csv`: one row per check of every claim, with the statistic's estimate and
/// 95% interval, the check's verdict and the claim's (repeated on each of its rows).
pub fn write_claims(path: &Path, claims: &[Claim], rows: &[ClaimRow]) -> std::io::Result<()> {
    // An interval without an upper end (a median not reached) is `Inf`, which pandas and R
    // read as infinity; `NA` would say it is unknown.
    let bound_num = |x: f64| {
        if x == f64::INFINITY {
            "Inf".to_string()
        } else {
            num(x)
        }
    };
    let measured = |m: Option<&Measured>| match m {
        Some(m) => [num(m.estimate), bound_num(m.lo), bound_num(m.hi)],
        None => ["NA".into(), "NA".into(), "NA".into()],
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CLAIMS_HEADER).map_err(csv_err)?;
    for r in rows {
        let (kind, lo, hi, than) = match &r.bound {
            Bound::Above(v) => ("above", num(*v), "NA".into(), ""),
            Bound::Below(v) => ("below", "NA".into(), num(*v), ""),
            Bound::Between(a, b) => ("between", num(*a), num(*b), ""),
            Bound::AboveArm(o) => ("above_arm", "NA".into(), "NA".into(), o.as_str()),
            Bound::BelowArm(o) => ("below_arm", "NA".into(), "NA".into(), o.as_str()),
        };
        let [estimate, ci_lo, ci_hi] = measured(Some(&r.measured));
        let [o_estimate, o_lo, o_hi] = measured(r.other.as_ref());
        let (first, last) = match r.window {
            Some([f, l]) => (f.to_string(), l.to_string()),
            None => ("NA".into(), "NA".into()),
        };
        let more_than = if r.measured.lower_bound_only {
            "true"
        } else {
            "false"
        };
        w.write_record([
            (r.claim + 1).to_string().as_str(),
            claims[r.claim].says.as_str(),
            claims[r.claim].source.as_str(),
            &(r.check + 1).to_string(),
            &r.arm,
            &r.statistic,
            &first,
            &last,
            &r.quantity,
            kind,
            &lo,
            &hi,
            than,
            &estimate,
            &ci_lo,
            &ci_hi,
            more_than,
            &o_estimate,
            &o_lo,
            &o_hi,
            r.verdict.name(),
            r.claim_verdict.name(),
        ])
        .map_err(csv_err)?;
    }
    finish(w, path)
}

/// The header of `claims.csv` (claims and checks numbered from 1, as a reader counts them).
pub const CLAIMS_HEADER: [&str; 22] = [
    "claim",
    "says",
    "source",
    "check",
    "arm",
    "statistic",
    "window_first",
    "window_last",
    "quantity",
    "bound",
    "bound_lo",
    "bound_hi",
    "than_arm",
    "estimate",
    "ci_lo",
    "ci_hi",
    "more_than",
    "than_estimate",
    "than_ci_lo",
    "than_ci_hi",
    "check_verdict",
    "claim_verdict",
];

/// The header of `windows.csv`.
pub const WINDOWS_HEADER: [&str; 10] = [
    "arm",
    "first_day",
    "last_day",
    "metric",
    "quantity",
    "mean",
    "sd",
    "ci_lo",
    "ci_hi",
    "n",
];

/// The header of `durability.csv`.
pub const DURABILITY_HEADER: [&str; 12] = [
    "arm",
    "metric",
    "mean",
    "sd",
    "ci_lo",
    "ci_hi",
    "n",
    "km_median",
    "km_lo",
    "km_hi",
    "followup",
    "censored_share",
];

/// The Kaplan-Meier columns of a row: NA for a figure not reached (and for every column of
/// a row that is not a censorable duration).
pub fn censored_fields(c: Option<&CensoredMedian>) -> [String; 5] {
    let reached = |x: Option<f64>| x.map_or("NA".to_string(), num);
    match c {
        Some(c) => [
            reached(c.median),
            reached(c.lo),
            reached(c.hi),
            num(c.followup),
            num(c.censored_share()),
        ],
        None => std::array::from_fn(|_| "NA".to_string()),
    }
}

/// `replications.csv`: `arm,replication,day,metric,value`, one row per replication.
pub fn write_replications(
    path: &Path,
    arms: &[String],
    results: &[ReplicationResult],
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["arm", "replication", "day", "metric", "value"])
        .map_err(csv_err)?;
    for (a, arm) in arms.iter().enumerate() {
        for (rep, res) in results.iter().enumerate() {
            let s = &res.series[a];
            for (r, day) in s.days.iter().enumerate() {
                for (m, metric) in METRICS.iter().enumerate() {
                    w.write_record([
                        arm.as_str(),
                        &rep.to_string(),
                        &day.to_string(),
                        metric,
                        &num(s.value(r, m)),
                    ])
                    .map_err(csv_err)?;
                }
            }
        }
    }
    finish(w, path)
}

/// Rows `replications.csv` would have.
pub fn replication_rows(arms: usize, results: &[ReplicationResult]) -> usize {
    results.first().map(|r| r.series[0].days.len()).unwrap_or(0)
        * METRICS.len()
        * arms
        * results.len()
}

/// The header of `employees.csv`.
pub fn employees_header() -> Vec<&'static str> {
    let mut header = vec![
        "arm",
        "replication",
        "day",
        "team",
        "employee",
        "dominant_drive",
    ];
    header.extend(COL_NAMES);
    header
}

/// One row of `employees.csv`: the snapshot of arm `arm` in replication `rep`.
pub fn employee_record<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    arm: &str,
    rep: &str,
    s: &Snapshot,
) -> std::io::Result<()> {
    w.write_field(arm).map_err(csv_err)?;
    w.write_field(rep).map_err(csv_err)?;
    employee_fields(w, s)?;
    w.write_record(None::<&[u8]>).map_err(csv_err)
}

/// The fields of an `employees.csv` row after its arm and replication (day, team, employee,
/// dominant drive, state), the record left open: a sweep writes its own key columns first.
pub fn employee_fields<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    s: &Snapshot,
) -> std::io::Result<()> {
    w.write_field(s.day.to_string()).map_err(csv_err)?;
    w.write_field(s.team.to_string()).map_err(csv_err)?;
    w.write_field(s.slot.to_string()).map_err(csv_err)?;
    w.write_field(DRIVE_NAMES[s.dominant as usize])
        .map_err(csv_err)?;
    for &v in &s.values {
        w.write_field(num(v as f64)).map_err(csv_err)?;
    }
    Ok(())
}

/// `employees.csv` from snapshots kept in memory (a run streams it instead, through
/// [`super::employees::EmployeeParts`], to the same bytes).
pub fn write_employees(
    path: &Path,
    arms: &[String],
    results: &[ReplicationResult],
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(employees_header()).map_err(csv_err)?;
    for (a, arm) in arms.iter().enumerate() {
        for (rep, res) in results.iter().enumerate() {
            let rep = rep.to_string();
            for s in &res.snapshots[a] {
                employee_record(&mut w, arm, &rep, s)?;
            }
        }
    }
    finish(w, path)
}
