//! A run's tables as columns in Arrow's memory layout, built from the in-memory results
//! (never through CSV text): numbers as little-endian f64/i64 buffers, text as a dictionary of
//! labels and i32 codes. Python wraps the buffers as pyarrow arrays without copying them
//! again and turns the table into pandas or polars.
//!
//! Each table has the columns of its CSV file, in the same order and with the same rows; a
//! number the CSV writes as `NA` (not finite) is NaN here, as pandas reads `NA`.

use undercurrent_files::experiment::replication::ReplicationResult;
use undercurrent_files::metrics::aggregate::{self, DurabilityRow};
use undercurrent_files::metrics::recorder::METRICS;
use undercurrent_files::metrics::registry::TEAM_METRICS;
use undercurrent_files::model::drives::DRIVE_NAMES;
use undercurrent_files::model::employees::COL_NAMES;
use undercurrent_files::output::tables::teams_header;

/// One column's values.
pub enum Values {
    F64(Vec<f64>),
    I64(Vec<i64>),
    /// Labels and, per row, the index of its label.
    Text(Vec<String>, Vec<i32>),
}

pub struct Column {
    pub name: String,
    pub values: Values,
}

/// The tables a run offers, by the name of their CSV file without `.csv`.
pub const TABLES: [&str; 5] = [
    "timeseries",
    "durability",
    "replications",
    "teams",
    "employees",
];

/// A number as the CSV writes it, read back: NaN where the CSV says `NA`.
fn na(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        f64::NAN
    }
}

fn f64s(name: &str, v: Vec<f64>) -> Column {
    Column {
        name: name.into(),
        values: Values::F64(v),
    }
}

fn i64s(name: &str, v: Vec<i64>) -> Column {
    Column {
        name: name.into(),
        values: Values::I64(v),
    }
}

/// Text column from codes into `labels`.
fn text(name: &str, labels: &[&str], codes: Vec<i32>) -> Column {
    Column {
        name: name.into(),
        values: Values::Text(labels.iter().map(|s| s.to_string()).collect(), codes),
    }
}

/// Codes for `&'static str` values drawn from a small set (metric names), in order of first
/// appearance.
#[derive(Default)]
struct Labels {
    labels: Vec<&'static str>,
}

impl Labels {
    fn code(&mut self, s: &'static str) -> i32 {
        let i = match self.labels.iter().position(|l| *l == s) {
            Some(i) => i,
            None => {
                self.labels.push(s);
                self.labels.len() - 1
            }
        };
        i as i32
    }
}

/// Table `name` of a run; `None` for a name that is not one.
pub fn table(
    name: &str,
    arms: &[String],
    results: &[ReplicationResult],
    durability: &[DurabilityRow],
) -> Option<Vec<Column>> {
    let arm_labels: Vec<&str> = arms.iter().map(String::as_str).collect();
    Some(match name {
        "timeseries" => timeseries(&arm_labels, results),
        "durability" => durability_columns(&arm_labels, durability),
        "replications" => replications(&arm_labels, results),
        "teams" => teams(&arm_labels, results),
        "employees" => employees(&arm_labels, results),
        _ => return None,
    })
}

/// `timeseries.csv`: `arm,day,metric,mean,sd,ci_lo,ci_hi,n`.
fn timeseries(arms: &[&str], results: &[ReplicationResult]) -> Vec<Column> {
    let rows = aggregate::timeseries(results, arms.len());
    let mut metrics = Labels::default();
    let codes: Vec<i32> = rows.iter().map(|r| metrics.code(r.metric)).collect();
    vec![
        text("arm", arms, rows.iter().map(|r| r.arm as i32).collect()),
        i64s("day", rows.iter().map(|r| r.day).collect()),
        text("metric", &metrics.labels, codes),
        f64s("mean", rows.iter().map(|r| na(r.summary.mean)).collect()),
        f64s("sd", rows.iter().map(|r| na(r.summary.sd)).collect()),
        f64s("ci_lo", rows.iter().map(|r| na(r.summary.ci_lo)).collect()),
        f64s("ci_hi", rows.iter().map(|r| na(r.summary.ci_hi)).collect()),
        i64s("n", rows.iter().map(|r| r.summary.n as i64).collect()),
    ]
}

/// `durability.csv`, its Kaplan-Meier columns NaN where the file writes `NA`.
fn durability_columns(arms: &[&str], rows: &[DurabilityRow]) -> Vec<Column> {
    let mut metrics = Labels::default();
    let codes: Vec<i32> = rows.iter().map(|r| metrics.code(r.metric)).collect();
    let km = |f: &dyn Fn(&undercurrent_files::metrics::survival::CensoredMedian) -> f64| {
        rows.iter()
            .map(|r| r.censored.as_ref().map_or(f64::NAN, |c| na(f(c))))
            .collect::<Vec<f64>>()
    };
    let reached = |x: Option<f64>| x.unwrap_or(f64::NAN);
    vec![
        text("arm", arms, rows.iter().map(|r| r.arm as i32).collect()),
        text("metric", &metrics.labels, codes),
        f64s("mean", rows.iter().map(|r| na(r.summary.mean)).collect()),
        f64s("sd", rows.iter().map(|r| na(r.summary.sd)).collect()),
        f64s("ci_lo", rows.iter().map(|r| na(r.summary.ci_lo)).collect()),
        f64s("ci_hi", rows.iter().map(|r| na(r.summary.ci_hi)).collect()),
        i64s("n", rows.iter().map(|r| r.summary.n as i64).collect()),
        f64s("km_median", km(&|c| reached(c.median))),
        f64s("km_lo", km(&|c| reached(c.lo))),
        f64s("km_hi", km(&|c| reached(c.hi))),
        f64s("followup", km(&|c| c.followup)),
        f64s("censored_share", km(&|c| c.censored_share())),
    ]
}

/// `replications.csv`: `arm,replication,day,metric,value`, whether or not the scenario
/// writes the file.
fn replications(arms: &[&str], results: &[ReplicationResult]) -> Vec<Column> {
    let (mut arm, mut rep, mut day, mut metric, mut value) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for a in 0..arms.len() {
        for (r, res) in results.iter().enumerate() {
            let s = &res.series[a];
            for (k, d) in s.days.iter().enumerate() {
                for m in 0..METRICS.len() {
                    arm.push(a as i32);
                    rep.push(r as i64);
                    day.push(*d);
                    metric.push(m as i32);
                    value.push(na(s.value(k, m)));
                }
            }
        }
    }
    vec![
        text("arm", arms, arm),
        i64s("replication", rep),
        i64s("day", day),
        text("metric", &METRICS, metric),
        f64s("value", value),
    ]
}

/// `teams.csv` (empty unless the scenario sets `teams = true`).
fn teams(arms: &[&str], results: &[ReplicationResult]) -> Vec<Column> {
    let (mut arm, mut rep, mut team, mut day) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut values: Vec<Vec<f64>> = vec![Vec::new(); TEAM_METRICS.len()];
    let mut role_model = Vec::new();
    for a in 0..arms.len() {
        for (r, res) in results.iter().enumerate() {
            for t in res.teams.get(a).into_iter().flatten() {
                for (k, d) in t.days.iter().enumerate() {
                    arm.push(a as i32);
                    rep.push(r as i64);
                    team.push(t.team as i64);
                    day.push(*d);
                    for (m, col) in values.iter_mut().enumerate() {
                        col.push(na(t.value(k, m)));
                    }
                    role_model.push(na(t.role_model[k]));
                }
            }
        }
    }
    let header = teams_header();
    let mut cols = vec![
        text(header[0], arms, arm),
        i64s(header[1], rep),
        i64s(header[2], team),
        i64s(header[3], day),
    ];
    for (name, col) in header[4..].iter().zip(values) {
        cols.push(f64s(name, col));
    }
    cols.push(f64s(header[header.len() - 1], role_model));
    cols
}

/// `employees.csv` (empty unless the scenario names `employee_snapshots`); the state columns
/// are the f32 values widened to f64, as the file writes them.
fn employees(arms: &[&str], results: &[ReplicationResult]) -> Vec<Column> {
    let (mut arm, mut rep, mut day, mut team, mut slot, mut drive) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let mut values: Vec<Vec<f64>> = vec![Vec::new(); COL_NAMES.len()];
    for a in 0..arms.len() {
        for (r, res) in results.iter().enumerate() {
            for s in &res.snapshots[a] {
                arm.push(a as i32);
                rep.push(r as i64);
                day.push(s.day);
                team.push(s.team as i64);
                slot.push(s.slot as i64);
                drive.push(s.dominant as i32);
                for (col, v) in values.iter_mut().zip(s.values.iter()) {
                    col.push(na(*v as f64));
                }
            }
        }
    }
    let mut cols = vec![
        text("arm", arms, arm),
        i64s("replication", rep),
        i64s("day", day),
        i64s("team", team),
        i64s("employee", slot),
        text("dominant_drive", &DRIVE_NAMES, drive),
    ];
    for (name, col) in COL_NAMES.iter().zip(values) {
        cols.push(f64s(name, col));
    }
    cols
}
