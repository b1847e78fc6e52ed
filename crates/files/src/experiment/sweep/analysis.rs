//! Sensitivity analysis of a Sobol or Morris sweep: `sensitivity.csv`.
//!
//! The model output at a design point is the mean over its replications (the value in
//! `points.csv`). With common random numbers across points (the default) every point sees
//! the same replication seeds, so the replication noise is the same at every point and does
//! not show up as a parameter's effect; the indices are those of the model averaged over
//! those replications.

use std::path::Path;

use super::experiment::{censor_flag, output_columns, Experiment};
use super::finalize::{parse_num, MANIFEST, RUNS};
use super::reasons::{CsvReason, SensitivityReason};
use super::state::EXPERIMENT;
use super::{io_err, SweepError};
use crate::experiment::sensitivity::{morris_indices_with_bootstrap, sobol_indices_over_seeds};
use crate::experiment::sweep::design::DesignKind;
use crate::metrics::stats::summarize;
use crate::output::files::AtomicFile;
use crate::output::tables::num;

pub const FILE: &str = "sensitivity.csv";

/// How often a censorable output was cut at the horizon, over all of a sweep's runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Censoring {
    /// Whether the output is a censorable duration at all.
    pub censorable: bool,
    pub censored: usize,
    pub runs: usize,
}

impl Censoring {
    /// Counts `censored` of `runs` more runs of a censorable output.
    pub fn add(&mut self, censored: usize, runs: usize) {
        self.censorable = true;
        self.censored += censored;
        self.runs += runs;
    }

    /// The share of runs censored; `None` for an output that cannot be.
    pub fn share(&self) -> Option<f64> {
        (self.censorable && self.runs > 0).then(|| self.censored as f64 / self.runs as f64)
    }

    /// The words of `sensitivity.csv`'s note when any run was censored.
    pub fn note(&self) -> Option<String> {
        let share = self.share().filter(|s| *s > 0.0)?;
        Some(format!(
            "censored in {}% of runs: the output is the mean of durations cut at the horizon (a restricted mean), not of the durations",
            percent(share)
        ))
    }
}

/// A share as a percentage for the notes: whole percent, but never 0% or 100% for a share
/// strictly between.
fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 1.0 {
        "<1".to_string()
    } else if p > 99.0 && p < 100.0 {
        ">99".to_string()
    } else {
        format!("{p:.0}")
    }
}

/// Warnings for a finished sensitivity analysis: one line per output censored in some runs
/// (read back from `sensitivity.csv`, so `sweep`, `merge` and `sensitivity` print the same).
pub fn censoring_warnings(dir: &Path) -> Vec<String> {
    let Ok(mut r) = csv::Reader::from_path(dir.join(FILE)) else {
        return Vec::new();
    };
    let Ok(header) = r.headers().cloned() else {
        return Vec::new();
    };
    let Some(col) = header.iter().position(|h| h == "censored_share") else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for rec in r.records().map_while(Result::ok) {
        let Some(share) = rec.get(col).and_then(parse_num).filter(|s| *s > 0.0) else {
            continue;
        };
        let line = format!(
            "warning: {}.{} was censored at the horizon in {}% of runs; its sensitivity indices apportion the mean of durations cut there, not of the durations",
            &rec[0],
            &rec[1],
            percent(share)
        );
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// Writes `sensitivity.csv` for `outputs` (positions in `exp.columns`); `means[o][p]` is
/// output `o`'s replication mean at point `p`.
///
/// Tidy long format: `arm,metric,parameter,index,estimate,ci_lo,ci_hi,note`. Sobol gives
/// `S1` and `ST` with 95% bootstrap percentile intervals that resample the replications
/// (`runs[o]`, point-major) as well as the base rows, so they cover the seeds
/// (`sensitivity::sobol_indices_over_seeds`); Morris gives `mu_star` (with a 95%
/// bootstrap percentile interval over resampled trajectories), `mu` and `sigma` (in units of
/// the output per unit of the normalised parameter range; no interval). An output the estimators cannot use (a non-finite mean at some point, or no
/// variance at all) gets `NA` estimates and the reason in `note`, so the table keeps one row
/// per output, parameter and index.
///
/// A censorable output (the half-life) is, at each point, the mean of its durations cut at
/// the horizon (a restricted mean: what the indices then apportion), and the last column,
/// `censored_share`, says in what share of all runs it was cut (NA for other outputs); its
/// `note` says so in words whenever any run was.
pub fn write(
    exp: &Experiment,
    out: &Path,
    outputs: &[usize],
    means: &[Vec<f64>],
    runs: &[Vec<f64>],
    censored: &[Censoring],
    bootstrap: usize,
) -> Result<(), SweepError> {
    let path = out.join(FILE);
    let mut w = csv::Writer::from_writer(AtomicFile::create(&path).map_err(io_err(&path))?);
    let csv_err = |e: csv::Error| SweepError::Csv {
        path: path.clone(),
        reason: CsvReason::Library(e.to_string()),
    };
    w.write_record([
        "arm",
        "metric",
        "parameter",
        "index",
        "estimate",
        "ci_lo",
        "ci_hi",
        "note",
        "censored_share",
    ])
    .map_err(csv_err)?;
    let arms = exp.arm_names();
    let k = exp.axes.len();
    let na = f64::NAN;
    for (o, &c) in outputs.iter().enumerate() {
        let col = exp.columns[c];
        let y = &means[o];
        let mut rows: Vec<(usize, &str, f64, f64, f64, String)> = Vec::new();
        match exp.design.kind {
            DesignKind::Sobol => match sobol_indices_over_seeds(
                k,
                y,
                &runs[o],
                exp.replications(),
                bootstrap,
                exp.bootstrap_seed(),
            ) {
                Ok(idx) => {
                    for (i, s) in idx.iter().enumerate() {
                        rows.push((i, "S1", s.s1, s.s1_ci_lo, s.s1_ci_hi, String::new()));
                        rows.push((i, "ST", s.st, s.st_ci_lo, s.st_ci_hi, String::new()));
                    }
                }
                Err(e) => {
                    for i in 0..k {
                        for index in ["S1", "ST"] {
                            rows.push((i, index, na, na, na, e.to_string()));
                        }
                    }
                }
            },
            DesignKind::Morris => match morris_indices_with_bootstrap(
                k,
                &exp.design.unit,
                y,
                bootstrap,
                exp.bootstrap_seed(),
            ) {
                Ok(idx) => {
                    for (i, m) in idx.iter().enumerate() {
                        rows.push((
                            i,
                            "mu_star",
                            m.mu_star,
                            m.mu_star_ci_lo,
                            m.mu_star_ci_hi,
                            String::new(),
                        ));
                        rows.push((i, "mu", m.mu, na, na, String::new()));
                        rows.push((i, "sigma", m.sigma, na, na, String::new()));
                    }
                }
                Err(e) => {
                    for i in 0..k {
                        for index in ["mu_star", "mu", "sigma"] {
                            rows.push((i, index, na, na, na, e.to_string()));
                        }
                    }
                }
            },
            _ => {
                return Err(SweepError::Sensitivity(SensitivityReason::Design {
                    kind: exp.design.kind.name().to_string(),
                }))
            }
        }
        let cens = censored[o];
        let cens_note = cens.note();
        for (i, index, est, lo, hi, note) in rows {
            let note = match (note.is_empty(), &cens_note) {
                (_, None) => note,
                (true, Some(c)) => c.clone(),
                (false, Some(c)) => format!("{note}; {c}"),
            };
            w.write_record([
                arms[col.arm].as_str(),
                col.metric,
                exp.axes[i].name.as_str(),
                index,
                &num(est),
                &num(lo),
                &num(hi),
                &note,
                &cens.share().map_or("NA".to_string(), num),
            ])
            .map_err(csv_err)?;
        }
    }
    let f = w.into_inner().map_err(|e| SweepError::Csv {
        path: path.clone(),
        reason: CsvReason::Library(e.to_string()),
    })?;
    f.commit().map_err(io_err(&path))
}

/// What `undercurrent sensitivity DIR` did.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityReport {
    pub design: DesignKind,
    pub outputs: usize,
    pub parameters: usize,
}

/// Recomputes `DIR/sensitivity.csv` from a complete sweep's `runs.csv`, for the chosen
/// outputs (default: the experiment's) and bootstrap count (default: the experiment's).
/// With the defaults it writes the same bytes the sweep wrote.
pub fn from_dir(
    dir: &Path,
    outputs: Option<&[String]>,
    bootstrap: Option<usize>,
) -> Result<SensitivityReport, SweepError> {
    if !dir.join(MANIFEST).exists() {
        return Err(SweepError::Sensitivity(SensitivityReason::Unfinished {
            dir: dir.to_path_buf(),
            manifest: MANIFEST.to_string(),
        }));
    }
    let exp = Experiment::load(&dir.join(EXPERIMENT))?;
    if !exp.design.kind.sensitivity() {
        return Err(SweepError::Sensitivity(SensitivityReason::DirDesign {
            dir: dir.to_path_buf(),
            kind: exp.design.kind.name().to_string(),
        }));
    }
    let outs = match outputs {
        None => exp.outputs.clone(),
        Some(list) => {
            output_columns(&exp.columns, &exp.column_names(), list).map_err(|(i, closest)| {
                SweepError::Sensitivity(SensitivityReason::UnknownOutput {
                    name: list[i].clone(),
                    closest,
                })
            })?
        }
    };
    let bootstrap = bootstrap.unwrap_or(exp.sensitivity().bootstrap);
    let (means, runs, censored) = point_means(&exp, &dir.join(RUNS), &outs)?;
    write(&exp, dir, &outs, &means, &runs, &censored, bootstrap)?;
    Ok(SensitivityReport {
        design: exp.design.kind,
        outputs: outs.len(),
        parameters: exp.axes.len(),
    })
}

/// Replication means of `outputs` per point and every run's value (point-major), read from
/// `runs.csv` (which must be the complete file the sweep wrote: every point's replications
/// in order), and how often each censorable output was censored.
#[allow(clippy::type_complexity)]
fn point_means(
    exp: &Experiment,
    path: &Path,
    outputs: &[usize],
) -> Result<(Vec<Vec<f64>>, Vec<Vec<f64>>, Vec<Censoring>), SweepError> {
    let bad = |reason: CsvReason| SweepError::Csv {
        path: path.to_path_buf(),
        reason,
    };
    let library = |e: csv::Error| bad(CsvReason::Library(e.to_string()));
    let mut r = csv::Reader::from_path(path).map_err(library)?;
    let header: Vec<String> = r
        .headers()
        .map_err(library)?
        .iter()
        .map(str::to_string)
        .collect();
    let mut want = vec!["point".to_string(), "replication".to_string()];
    want.extend(exp.axes.iter().map(|a| a.name.clone()));
    want.extend(exp.column_names());
    if header != want {
        return Err(bad(CsvReason::Columns));
    }
    let first = 2 + exp.axes.len();
    let reps = exp.replications();
    let mut means = vec![vec![f64::NAN; exp.points()]; outputs.len()];
    let mut runs = vec![Vec::with_capacity(exp.runs()); outputs.len()];
    let mut censored = vec![Censoring::default(); outputs.len()];
    let mut vals: Vec<Vec<f64>> = vec![Vec::with_capacity(reps); outputs.len()];
    let mut rec = csv::StringRecord::new();
    let mut row = 0usize;
    while r.read_record(&mut rec).map_err(library)? {
        let (p, rep) = (row / reps, row % reps);
        let ok = rec.get(0).and_then(|s| s.parse::<usize>().ok()) == Some(p)
            && rec.get(1).and_then(|s| s.parse::<usize>().ok()) == Some(rep);
        if !ok || p >= exp.points() {
            return Err(bad(CsvReason::RowOrder {
                row: row + 2,
                point: p,
                replication: rep,
            }));
        }
        for (o, &c) in outputs.iter().enumerate() {
            let v = rec.get(first + c).and_then(parse_num).ok_or_else(|| {
                bad(CsvReason::NotNumber {
                    row: row + 2,
                    column: first + c + 1,
                })
            })?;
            vals[o].push(v);
            if let Some(f) = censor_flag(&exp.columns, c) {
                let flag = rec.get(first + f).and_then(parse_num);
                let finite = usize::from(v.is_finite());
                censored[o].add(usize::from(flag == Some(1.0)) * finite, finite);
            }
        }
        if rep + 1 == reps {
            for (o, v) in vals.iter_mut().enumerate() {
                means[o][p] = summarize(v).mean;
                runs[o].extend_from_slice(v);
                v.clear();
            }
        }
        row += 1;
    }
    if row != exp.runs() {
        return Err(bad(CsvReason::RunCount {
            rows: row,
            runs: exp.runs(),
        }));
    }
    Ok((means, runs, censored))
}
