//! The final files of a sweep, written from the journal in run order.
//!
//! Everything written here is a function of the experiment and the *set* of journal lines:
//! rows are read back by run index (through [`JournalSet`]), never in the order they were
//! appended, and no file holds a clock time or a thread count. So an uninterrupted sweep, a
//! resumed one and merged shards write byte-identical files. The volatile facts (when, how
//! fast, how many threads) go to `timing.json`, which is not part of that promise.
//!
//! Memory: one design point's replications at a time (points are contiguous in run order),
//! plus, for Sobol and Morris designs, the per-point means of the sensitivity outputs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::agents;
use super::analysis;
use super::analysis::Censoring;
use super::experiment::censor_flag;
use super::experiment::Experiment;
use super::journal::JournalSet;
use super::state::EXPERIMENT;
use super::summary::{record_days, SeriesMetric};
use super::{io_err, SweepError};
use crate::metrics::aggregate::{summarize_censored, summarize_metric};
use crate::metrics::stats::summarize;
use crate::output::files::AtomicFile;
use crate::output::manifest::{self, now_rfc3339};
use crate::output::tables::censored_fields;
use crate::output::tables::num;
use crate::output::write_atomic;

pub const RUNS: &str = "runs.csv";
pub const POINTS: &str = "points.csv";
pub const TIMESERIES: &str = "timeseries.csv";
pub const RUN_SERIES: &str = "run_series.csv";
pub use crate::output::manifest::MANIFEST;
pub const TIMING: &str = "timing.json";

/// The volatile facts of a sweep, for `timing.json`.
#[derive(Debug, Clone)]
pub struct Timing {
    pub started: String,
    pub t0: Instant,
    pub threads: usize,
    pub command: String,
    pub runs_computed: usize,
    pub runs_resumed: usize,
}

/// Parses a number as written by [`num`]: `NA` is NaN.
pub fn parse_num(s: &str) -> Option<f64> {
    if s == "NA" {
        Some(f64::NAN)
    } else {
        s.parse().ok()
    }
}

/// Parses `n` comma-separated numbers into `out`.
fn parse_fields(text: &str, n: usize, out: &mut [f64]) -> bool {
    if n == 0 {
        return text.is_empty();
    }
    let mut k = 0;
    for f in text.split(',') {
        if k == n {
            return false;
        }
        match parse_num(f) {
            Some(v) => out[k] = v,
            None => return false,
        }
        k += 1;
    }
    k == n
}

/// Writes the final files (all but `timing.json` and the manifest) from `journals`, every
/// run of the experiment being in them.
pub fn finish(
    exp: &Experiment,
    journals: &[PathBuf],
    out: &Path,
    timing: Option<&Timing>,
) -> Result<Vec<String>, SweepError> {
    let mut set = JournalSet::open(journals, exp.hash_u64(), exp.runs())?;
    let missing: Vec<usize> = set.missing().collect();
    if let Some(&first) = missing.first() {
        return Err(SweepError::Incomplete {
            missing: missing.len(),
            total: exp.runs(),
            first,
        });
    }
    let mut files = vec![EXPERIMENT.to_string()];
    files.extend(write_outputs(exp, &mut set, out)?);
    // Each run's team and employee rows sit beside the journal that holds the run.
    let dirs: Vec<PathBuf> = journals
        .iter()
        .map(|j| j.parent().unwrap_or(Path::new(".")).to_path_buf())
        .collect();
    files.extend(agents::write_all(exp, &set, &dirs, out)?);
    if let Some(t) = timing {
        write_timing(exp, out, t)?;
    }
    write_manifest(exp, out, &files)?;
    Ok(files)
}

/// `runs.csv`, `points.csv`, `timeseries.csv` and `run_series.csv` (when kept) and
/// `sensitivity.csv` (Sobol and Morris designs); returns their names.
pub fn write_outputs(
    exp: &Experiment,
    set: &mut JournalSet,
    out: &Path,
) -> Result<Vec<String>, SweepError> {
    let reps = exp.replications();
    let ncol = exp.columns.len();
    let arms = exp.arm_names();
    let col_names = exp.column_names();
    let axis_names: Vec<&str> = exp.axes.iter().map(|a| a.name.as_str()).collect();

    let runs_path = out.join(RUNS);
    let points_path = out.join(POINTS);
    let ts_path = out.join(TIMESERIES);
    let rs_path = out.join(RUN_SERIES);
    let mut runs_f = AtomicFile::create(&runs_path).map_err(io_err(&runs_path))?;
    let mut points_f = AtomicFile::create(&points_path).map_err(io_err(&points_path))?;
    let mut ts_f = if exp.file.timeseries {
        Some(AtomicFile::create(&ts_path).map_err(io_err(&ts_path))?)
    } else {
        None
    };
    let mut rs_f = if exp.file.run_series {
        Some(AtomicFile::create(&rs_path).map_err(io_err(&rs_path))?)
    } else {
        None
    };
    let axes_header: String = axis_names.iter().map(|a| format!(",{a}")).collect();
    let w =
        |f: &mut AtomicFile, path: &Path, s: &str| f.write_all(s.as_bytes()).map_err(io_err(path));
    w(
        &mut runs_f,
        &runs_path,
        &format!("point,replication{axes_header},{}\n", col_names.join(",")),
    )?;
    w(
        &mut points_f,
        &points_path,
        &format!(
            "point{axes_header},arm,metric,mean,sd,ci_lo,ci_hi,n,km_median,km_lo,km_hi,followup,censored_share\n"
        ),
    )?;
    if let Some(f) = ts_f.as_mut() {
        w(f, &ts_path, "point,arm,day,metric,mean,sd,ci_lo,ci_hi,n\n")?;
    }
    if let Some(f) = rs_f.as_mut() {
        w(
            f,
            &rs_path,
            &format!("point,replication{axes_header},arm,day,metric,value\n"),
        )?;
    }

    let sensitivity = exp.design.kind.sensitivity();
    // Every run's value of every sensitivity output, point-major: the Sobol bootstrap
    // resamples replications as well as base rows.
    let mut runs_of_outputs: Vec<Vec<f64>> = if sensitivity {
        vec![Vec::with_capacity(exp.runs()); exp.outputs.len()]
    } else {
        Vec::new()
    };
    let mut means: Vec<Vec<f64>> = if sensitivity {
        vec![vec![f64::NAN; exp.points()]; exp.outputs.len()]
    } else {
        Vec::new()
    };
    let mut output_slot = vec![None; ncol];
    for (o, &c) in exp.outputs.iter().enumerate() {
        output_slot[c] = Some(o);
    }
    // Censorable durations and the column of their flag; per output, runs censored and runs.
    let flag_of: Vec<Option<usize>> = (0..ncol).map(|c| censor_flag(&exp.columns, c)).collect();
    let mut censored = vec![Censoring::default(); exp.outputs.len()];
    let mut flags = Vec::with_capacity(reps);

    let mut vals = vec![f64::NAN; reps * ncol];
    let mut ts_vals: Vec<f64> = Vec::new();
    let mut buf = Vec::new();
    let mut col = Vec::with_capacity(reps);
    let mut line = String::new();
    for (p, _) in exp.design.points.iter().enumerate() {
        // What was simulated (a drive-mix weight as its share), not the raw design value.
        let point = exp.simulated_point(p);
        let ptext: String = exp
            .axes
            .iter()
            .zip(&point)
            .map(|(a, &v)| format!(",{}", a.text(v)))
            .collect();
        let layout = if exp.keeps_series() {
            Some(series_layout(exp, p)?)
        } else {
            None
        };
        let cells = layout.as_ref().map(|l| l.cells.len()).unwrap_or(0);
        ts_vals.clear();
        ts_vals.resize(reps * cells, f64::NAN);
        for r in 0..reps {
            let run = p * reps + r;
            let e = set.read(run, &mut buf)?;
            if !parse_fields(e.values, ncol, &mut vals[r * ncol..(r + 1) * ncol]) {
                return Err(bad_run(super::reasons::JournalReason::Values { run }));
            }
            if cells > 0 && !parse_fields(e.series, cells, &mut ts_vals[r * cells..(r + 1) * cells])
            {
                return Err(bad_run(super::reasons::JournalReason::Series { run }));
            }
            line.clear();
            line.push_str(&format!("{p},{r}{ptext},{}\n", e.values));
            w(&mut runs_f, &runs_path, &line)?;
            if let (Some(f), Some(layout)) = (rs_f.as_mut(), layout.as_ref()) {
                line.clear();
                let values = &ts_vals[r * cells..(r + 1) * cells];
                for ((arm, day, metric), v) in layout.cells.iter().zip(values) {
                    line.push_str(&format!(
                        "{p},{r}{ptext},{},{day},{},{}\n",
                        arms[*arm],
                        exp.series[*metric].0,
                        num(*v)
                    ));
                }
                w(f, &rs_path, &line)?;
            }
        }
        line.clear();
        for (c, name) in exp.columns.iter().enumerate() {
            col.clear();
            col.extend((0..reps).map(|r| vals[r * ncol + c]));
            let (s, km, point_value) = match flag_of[c] {
                Some(f) => {
                    flags.clear();
                    flags.extend((0..reps).map(|r| vals[r * ncol + f]));
                    let (s, km) = summarize_censored(&col, &flags);
                    // Sensitivity needs a number per point: the mean of the durations cut at
                    // the horizon (a restricted mean), with its censored share reported.
                    (s, km, summarize(&col).mean)
                }
                None => {
                    let s = summarize_metric(name.metric, &col);
                    (s, None, s.mean)
                }
            };
            let [km_median, km_lo, km_hi, followup, share] = censored_fields(km.as_ref());
            line.push_str(&format!(
                "{p}{ptext},{},{},{},{},{},{},{},{km_median},{km_lo},{km_hi},{followup},{share}\n",
                arms[name.arm],
                name.metric,
                num(s.mean),
                num(s.sd),
                num(s.ci_lo),
                num(s.ci_hi),
                s.n
            ));
            if let Some(o) = output_slot[c] {
                if sensitivity {
                    means[o][p] = point_value;
                    runs_of_outputs[o].extend_from_slice(&col);
                    if let Some(km) = &km {
                        censored[o].add(km.censored, km.n);
                    }
                }
            }
        }
        w(&mut points_f, &points_path, &line)?;
        if let (Some(f), Some(layout)) = (ts_f.as_mut(), layout.as_ref()) {
            line.clear();
            for (i, (arm, day, metric)) in layout.cells.iter().enumerate() {
                col.clear();
                col.extend((0..reps).map(|r| ts_vals[r * cells + i]));
                let s = summarize_metric(&exp.series[*metric].0, &col);
                line.push_str(&format!(
                    "{p},{},{day},{},{},{},{},{},{}\n",
                    arms[*arm],
                    exp.series[*metric].0,
                    num(s.mean),
                    num(s.sd),
                    num(s.ci_lo),
                    num(s.ci_hi),
                    s.n
                ));
            }
            w(f, &ts_path, &line)?;
        }
    }
    runs_f.commit().map_err(io_err(&runs_path))?;
    points_f.commit().map_err(io_err(&points_path))?;
    let mut files = vec![RUNS.to_string(), POINTS.to_string()];
    if exp.file.parquet {
        let name = crate::output::parquet::parquet_name(RUNS);
        crate::output::parquet::csv_to_parquet(
            &runs_path,
            &out.join(&name),
            crate::output::parquet::RUNS,
        )
        .map_err(|e| io_err(&runs_path)(std::io::Error::from(e)))?;
        files.push(name);
    }
    if let Some(f) = ts_f {
        f.commit().map_err(io_err(&ts_path))?;
        files.push(TIMESERIES.to_string());
    }
    if let Some(f) = rs_f {
        f.commit().map_err(io_err(&rs_path))?;
        files.push(RUN_SERIES.to_string());
        if exp.file.parquet {
            let name = crate::output::parquet::parquet_name(RUN_SERIES);
            crate::output::parquet::csv_to_parquet(
                &rs_path,
                &out.join(&name),
                crate::output::parquet::RUN_SERIES,
            )
            .map_err(|e| io_err(&rs_path)(std::io::Error::from(e)))?;
            files.push(name);
        }
    }
    if sensitivity {
        let sens = exp.sensitivity();
        analysis::write(
            exp,
            out,
            &exp.outputs,
            &means,
            &runs_of_outputs,
            &censored,
            sens.bootstrap,
        )?;
        files.push(analysis::FILE.to_string());
    }
    Ok(files)
}

fn bad_run(reason: super::reasons::JournalReason) -> SweepError {
    SweepError::JournalCorrupt {
        path: PathBuf::from(super::journal::JOURNAL),
        line: 0,
        reason,
    }
}

/// The time-series cells of a point's runs in journal order: (arm, day, metric position).
struct SeriesLayout {
    cells: Vec<(usize, i64, usize)>,
}

fn series_layout(exp: &Experiment, p: usize) -> Result<SeriesLayout, SweepError> {
    let s = exp.scenario_at(p).map_err(|message| SweepError::Run {
        run: p * exp.replications(),
        reason: super::reasons::RunReason::Point(message),
    })?;
    let days = record_days(s.horizon_days, s.record_every);
    let mut cells = Vec::new();
    for arm in 0..s.arms.len() {
        for &d in &days {
            for (m, (_, metric)) in exp.series.iter().enumerate() {
                if arm == 0 && matches!(metric, SeriesMetric::Gain(_)) {
                    continue;
                }
                cells.push((arm, d, m));
            }
        }
    }
    Ok(SeriesLayout { cells })
}

#[derive(Serialize)]
struct AxisInfo<'a> {
    name: &'a str,
    key: &'a str,
    integer: bool,
    min: f64,
    max: f64,
}

#[derive(Serialize)]
struct SweepManifest<'a> {
    tool: &'static str,
    kind: &'static str,
    version: &'static str,
    /// Commit the binary was built from; empty when unknown.
    git_commit: &'static str,
    /// Uncommitted changes in the build's working tree; left out when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    git_dirty: Option<bool>,
    name: &'a str,
    description: &'a str,
    experiment_hash: &'a str,
    design: &'static str,
    points: usize,
    replications: usize,
    runs: usize,
    seed: u64,
    common_random_numbers: bool,
    seeds: String,
    axes: Vec<AxisInfo<'a>>,
    arms: Vec<String>,
    columns: Vec<String>,
    /// Files that are a function of the experiment alone: byte-identical whatever the
    /// threads, interruptions or shards. `timing.json` is not among them.
    files: &'a [String],
    /// The resolved experiment (also in `experiment.toml`).
    experiment: &'a super::experiment::ExperimentFile,
}

/// Writes `manifest.json` last: its presence marks a complete sweep.
pub fn write_manifest(exp: &Experiment, out: &Path, files: &[String]) -> Result<(), SweepError> {
    let seeds = if exp.file.common_random_numbers {
        "replication r of every point runs with seed key(seed, 1, r), the seed `undercurrent run` gives replication r (common random numbers across points and arms)".to_string()
    } else {
        "replication r of point p runs with seed key(seed, SWEEP_PS, p, r) (independent across points; common random numbers across arms)".to_string()
    };
    let m = SweepManifest {
        tool: "undercurrent",
        kind: "sweep",
        version: manifest::version(),
        git_commit: manifest::git_commit(),
        git_dirty: manifest::git_dirty(),
        name: &exp.file.name,
        description: &exp.file.description,
        experiment_hash: &exp.hash,
        design: exp.design.kind.name(),
        points: exp.points(),
        replications: exp.replications(),
        runs: exp.runs(),
        seed: exp.file.seed,
        common_random_numbers: exp.file.common_random_numbers,
        seeds,
        axes: exp
            .axes
            .iter()
            .map(|a| AxisInfo {
                name: &a.name,
                key: &a.key,
                integer: a.integer(),
                min: a.lo,
                max: a.hi,
            })
            .collect(),
        arms: exp.arm_names(),
        columns: exp.column_names(),
        files,
        experiment: &exp.file,
    };
    let path = out.join(MANIFEST);
    let json = serde_json::to_vec_pretty(&m).map_err(|e| SweepError::Io {
        path: path.clone(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(&path, &json).map_err(io_err(&path))
}

#[derive(Serialize)]
struct TimingFile<'a> {
    started: &'a str,
    finished: String,
    wall_seconds: f64,
    threads: usize,
    runs_computed: usize,
    runs_resumed: usize,
    command: &'a str,
    experiment_hash: &'a str,
}

fn write_timing(exp: &Experiment, out: &Path, t: &Timing) -> Result<(), SweepError> {
    let path = out.join(TIMING);
    let tf = TimingFile {
        started: &t.started,
        finished: now_rfc3339(),
        wall_seconds: t.t0.elapsed().as_secs_f64(),
        threads: t.threads,
        runs_computed: t.runs_computed,
        runs_resumed: t.runs_resumed,
        command: &t.command,
        experiment_hash: &exp.hash,
    };
    let json = serde_json::to_vec_pretty(&tf).map_err(|e| SweepError::Io {
        path: path.clone(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(&path, &json).map_err(io_err(&path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_parse_exactly_what_num_wrote() {
        let xs = [0.1, 1.0 / 3.0, -2.5e-12, 1e300, f64::NAN];
        let text: Vec<String> = xs.iter().map(|&x| num(x)).collect();
        let mut out = [0.0; 5];
        assert!(parse_fields(&text.join(","), 5, &mut out));
        for (a, b) in xs.iter().zip(&out) {
            assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()));
        }
        assert!(!parse_fields("1,2", 3, &mut out));
        assert!(!parse_fields("1,2,3,4", 3, &mut out));
        assert!(!parse_fields("1,x,3", 3, &mut out));
    }
}
