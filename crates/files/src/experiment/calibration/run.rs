//! Running a calibration into its output directory: the directory's identity
//! (`calibration.json`), every simulation journaled as it finishes (the sweep journal's
//! checksummed line format, so a killed calibration resumes with `--resume` and rewrites the
//! same bytes), the ABC-SMC sampler on a thread pool, and the output files written through
//! `.partial` files with `manifest.json` last.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::failure::{unmeasurable_said, SimFailures, SimReason};
use super::file::Calibration;
use crate::calibration::abc::{calibrate, Outcome, Progress, SimKey, Stop};
use crate::calibration::{AbcError, Observed};
use crate::experiment::replication::run_replication;
use crate::experiment::scenario::Scenario;
use crate::experiment::sweep::dir_reason::{CalibratedStep, DirReason, Study};
use crate::experiment::sweep::experiment::ExperimentError;
use crate::experiment::sweep::journal;
use crate::experiment::sweep::state::real_entries;
use crate::experiment::sweep::SweepError;
use crate::model::rng::replication_seed;
use crate::model::Consts;
use crate::output::files::partial_name;
use crate::output::lock;
use crate::output::manifest::{self, now_rfc3339};
use crate::output::tables::num;
use crate::output::write_atomic;

/// State file of a calibration directory.
pub const STATE: &str = "calibration.json";
/// The resolved calibration file, written into the directory.
pub const RESOLVED: &str = "calibration.toml";
/// The simulation journal.
pub const JOURNAL: &str = "simulations.journal";
pub const POSTERIOR: &str = "posterior.csv";
pub const GENERATIONS: &str = "generations.csv";
pub const FIT: &str = "fit.csv";
pub const CALIBRATED: &str = "calibrated.toml";
pub const MANIFEST: &str = "manifest.json";
pub const TIMING: &str = "timing.json";
/// Version of the directory layout and journal format.
pub const FORMAT: u32 = 1;

/// Why a calibration stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum CalibrationError {
    /// The calibration file (or its base scenario) is invalid.
    #[error(transparent)]
    File(#[from] ExperimentError),
    /// The output directory, its lock, its journal or a file.
    #[error(transparent)]
    Files(#[from] SweepError),
    #[error("{0}")]
    Abc(#[from] AbcError),
    /// A simulation failed, for a reason kept as data ([`SimReason`]).
    #[error("simulation {generation}/{index}: {reason}")]
    Simulation {
        generation: u32,
        index: u64,
        reason: SimReason,
    },
    /// Targets (position, name) no simulation of generation 0's first batch could measure.
    #[error("{}", unmeasurable_said(undercurrent_text::Lang::En, origin, targets, *batch))]
    Unmeasurable {
        origin: String,
        targets: Vec<(usize, String)>,
        batch: usize,
    },
}

impl CalibrationError {
    /// Whether the user's input is at fault (exit code 2) rather than a failure while running.
    pub fn is_input_error(&self) -> bool {
        match self {
            CalibrationError::File(e) => e.is_input_error(),
            CalibrationError::Files(e) => e.is_input_error(),
            CalibrationError::Abc(e) => matches!(e, AbcError::BudgetTooSmall(_) | AbcError::Empty),
            CalibrationError::Simulation { .. } => false,
            CalibrationError::Unmeasurable { .. } => true,
        }
    }
}

/// How to run a calibration.
#[derive(Debug, Clone)]
pub struct CalibrateOptions {
    pub out: PathBuf,
    /// Worker threads; results do not depend on it.
    pub threads: usize,
    /// Continue the calibration already in `out`.
    pub resume: bool,
    /// The command line, for `timing.json`.
    pub command: String,
}

/// What a calibration did.
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrateReport {
    pub generations: usize,
    pub simulations: usize,
    /// Simulations read back from the journal instead of run.
    pub resumed: usize,
    pub stop: Stop,
    pub files: Vec<String>,
    pub wall_seconds: f64,
}

/// Contents of `calibration.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationState {
    pub format: u32,
    pub version: String,
    pub git_commit: String,
    pub name: String,
    pub calibration_hash: String,
}

/// The statistics of one particle: its scenario run `replications` times from `seed`, each
/// target computed over the replications (NaN for every target when the parameter values
/// make no valid scenario, so the particle is rejected).
pub fn simulate(cal: &Calibration, params: &[f64], seed: u64) -> Vec<f64> {
    match cal.scenario_with(&cal.base_table, params) {
        Ok(s) => statistics(cal, &s, seed),
        Err(_) => vec![f64::NAN; cal.targets.len()],
    }
}

fn statistics(cal: &Calibration, s: &Scenario, seed: u64) -> Vec<f64> {
    let params = s.params();
    let consts = Consts::new(&params);
    let plans = s.plans();
    let settings = s.run_settings();
    let results: Vec<_> = (0..s.replications as u64)
        .map(|r| {
            run_replication(
                &params,
                &consts,
                &plans,
                replication_seed(seed, r),
                &settings,
            )
        })
        .collect();
    cal.targets
        .iter()
        .map(|t| t.statistic.compute(&results))
        .collect()
}

fn join(v: &[f64]) -> String {
    v.iter()
        .map(|x| format!("{x}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn split(s: &str) -> Option<Vec<f64>> {
    if s.is_empty() {
        return Some(Vec::new());
    }
    s.split(',').map(|x| x.parse().ok()).collect()
}

fn journal_run(k: SimKey) -> u64 {
    (u64::from(k.generation) << 32) | k.index
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> SweepError + '_ {
    move |source| SweepError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Makes `dir` ready: a new (or empty) directory gets `calibration.json`; one holding this
/// calibration is continued only with `resume`; anything else is refused.
fn prepare(cal: &Calibration, dir: &Path, resume: bool) -> Result<(), SweepError> {
    let refused = |reason: DirReason| SweepError::Dir {
        dir: dir.to_path_buf(),
        reason: Box::new(reason),
    };
    let want = CalibrationState {
        format: FORMAT,
        version: manifest::version().to_string(),
        git_commit: manifest::git_commit().to_string(),
        name: cal.file.name.clone(),
        calibration_hash: cal.hash.clone(),
    };
    let state = dir.join(STATE);
    match std::fs::read(&state) {
        Ok(b) => {
            let have: CalibrationState = serde_json::from_slice(&b).map_err(|e| {
                refused(DirReason::Unreadable {
                    file: STATE.to_string(),
                    why: e.to_string(),
                })
            })?;
            if have.calibration_hash != want.calibration_hash {
                return Err(refused(DirReason::OtherExperiment {
                    study: Study::Calibration,
                    have_name: have.name,
                    have_hash: have.calibration_hash,
                    want_name: want.name,
                    want_hash: want.calibration_hash,
                }));
            }
            if !resume {
                return Err(refused(DirReason::CalibrationHere));
            }
            if have != want {
                return Err(refused(DirReason::OtherBuild {
                    study: Study::Calibration,
                    have_version: have.version,
                    have_commit: have.git_commit,
                    want_version: want.version,
                    want_commit: want.git_commit,
                }));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let entries = real_entries(dir)?;
            if !entries.is_empty() {
                return Err(refused(DirReason::not_empty(Study::Calibration, &entries)));
            }
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            let json = serde_json::to_vec_pretty(&want)
                .map_err(|e| io(&state)(std::io::Error::other(e)))?;
            write_atomic(&state, &json).map_err(io(&state))?;
        }
        Err(e) => return Err(io(&state)(e)),
    }
    let path = dir.join(RESOLVED);
    write_atomic(&path, cal.canonical.as_bytes()).map_err(io(&path))?;
    Ok(())
}

/// The journal's lines by simulation: (parameters as written, statistics as written).
fn read_journal(path: &Path, hash: u64) -> Result<HashMap<u64, (String, String)>, SweepError> {
    let scan = journal::scan(path, hash)?;
    journal::truncate_torn(path, &scan)?;
    let mut done = HashMap::new();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(done),
        Err(e) => return Err(io(path)(e)),
    };
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        if let Some(e) = journal::parse(hash, line) {
            done.insert(e.run, (e.values.to_string(), e.series.to_string()));
        }
    }
    Ok(done)
}

/// Runs (or resumes) a calibration into `opts.out`.
pub fn run_calibration(
    cal: &Calibration,
    opts: &CalibrateOptions,
    progress: &(dyn Fn(&Progress, f64) + Sync),
) -> Result<CalibrateReport, CalibrationError> {
    run_calibration_unless(cal, opts, progress, &|| false)
}

/// [`run_calibration`], checking `stop` before each simulation: once it says stop, no
/// simulation starts, those under way finish into the journal, and the calibration fails
/// with a simulation error (a Python caller's Ctrl-C); `resume` continues it.
pub fn run_calibration_unless(
    cal: &Calibration,
    opts: &CalibrateOptions,
    progress: &(dyn Fn(&Progress, f64) + Sync),
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<CalibrateReport, CalibrationError> {
    let t0 = Instant::now();
    let started = now_rfc3339();
    let out = &opts.out;
    let _lock = match lock::lock_beside(out) {
        Ok(l) => l,
        Err(lock::LockError::Busy(b)) => return Err(SweepError::Busy(b).into()),
        Err(lock::LockError::Unusable { dir, reason }) => {
            return Err(SweepError::Dir {
                dir,
                reason: Box::new(DirReason::Unusable(reason)),
            }
            .into())
        }
        Err(lock::LockError::Io { path, source }) => {
            return Err(SweepError::Io { path, source }.into())
        }
    };
    prepare(cal, out, opts.resume)?;
    // Outputs of an earlier run are rewritten; the manifest goes first so the directory
    // never looks complete while they are.
    let _ = std::fs::remove_file(out.join(MANIFEST));
    let jpath = out.join(JOURNAL);
    let hash = cal.hash_u64();
    let done = read_journal(&jpath, hash)?;
    let resumed_before = done.len();
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&jpath)
        .map_err(io(&jpath))?;
    let writer = Mutex::new(file);
    let reused = std::sync::atomic::AtomicUsize::new(0);
    let failures = SimFailures::default();
    let sim = |k: SimKey, params: &[f64], seed: u64| -> Result<Vec<f64>, String> {
        let run = journal_run(k);
        let fail = |reason| failures.fail(run, reason);
        let ptext = join(params);
        if let Some((p, s)) = done.get(&run) {
            if *p != ptext {
                return Err(fail(SimReason::OtherParameters {
                    journal: jpath.clone(),
                    have: p.clone(),
                    want: ptext,
                }));
            }
            reused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return split(s).ok_or_else(|| {
                fail(SimReason::UnreadableStatistics {
                    journal: jpath.clone(),
                    stats: s.clone(),
                })
            });
        }
        if stop() {
            return Err(fail(SimReason::Interrupted));
        }
        let stats = simulate(cal, params, seed);
        let line = journal::line(hash, run, &ptext, &join(&stats));
        let mut f = writer.lock().map_err(|_| fail(SimReason::WriterFailed))?;
        f.write_all(&line).map_err(|e| {
            fail(SimReason::Write {
                journal: jpath.clone(),
                why: (&e).into(),
            })
        })?;
        Ok(stats)
    };
    let observed = Observed {
        values: cal.targets.iter().map(|t| t.observed).collect(),
        scales: cal.targets.iter().map(|t| t.scale).collect(),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.max(1))
        .build()
        .map_err(|e| SweepError::Io {
            path: out.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
    let elapsed = || t0.elapsed().as_secs_f64();
    let outcome = pool
        .install(|| {
            calibrate(&cal.settings(), &cal.priors(), &observed, &sim, &|p| {
                progress(p, elapsed())
            })
        })
        .map_err(|e| match e {
            AbcError::NeverFinite(ks) => CalibrationError::Unmeasurable {
                origin: cal.origin.clone(),
                targets: ks
                    .iter()
                    .map(|&k| (k, cal.targets[k].name.clone()))
                    .collect(),
                batch: cal.settings().batch,
            },
            AbcError::Simulation {
                generation,
                index,
                message,
            } => match failures.reason(journal_run(SimKey { generation, index })) {
                Some(reason) => CalibrationError::Simulation {
                    generation,
                    index,
                    reason,
                },
                None => AbcError::Simulation {
                    generation,
                    index,
                    message,
                }
                .into(),
            },
            other => other.into(),
        })?;
    drop(writer);
    let files = write_outputs(cal, &outcome, out)?;
    let timing = serde_json::json!({
        "started": started,
        "finished": now_rfc3339(),
        "wall_seconds": t0.elapsed().as_secs_f64(),
        "threads": opts.threads,
        "simulations_from_journal": reused.load(std::sync::atomic::Ordering::Relaxed),
        "journal_lines_at_start": resumed_before,
        "command": opts.command,
    });
    let tpath = out.join(TIMING);
    write_atomic(
        &tpath,
        serde_json::to_string_pretty(&timing)
            .unwrap_or_default()
            .as_bytes(),
    )
    .map_err(io(&tpath))?;
    let post = outcome.posterior();
    Ok(CalibrateReport {
        generations: outcome.generations.len(),
        simulations: post.simulations_total,
        resumed: reused.load(std::sync::atomic::Ordering::Relaxed),
        stop: outcome.stop,
        files,
        wall_seconds: t0.elapsed().as_secs_f64(),
    })
}

/// Writes the outputs of a finished calibration, `manifest.json` last. Every byte is a
/// function of the calibration and its journal (no clock, no thread count).
pub fn write_outputs(
    cal: &Calibration,
    o: &Outcome,
    out: &Path,
) -> Result<Vec<String>, SweepError> {
    let write = |name: &str, text: String| -> Result<(), SweepError> {
        let p = out.join(name);
        let r = write_atomic(&p, text.as_bytes()).map_err(io(&p));
        let _ = std::fs::remove_file(partial_name(&p));
        r
    };
    let pnames: Vec<&str> = cal.parameters.iter().map(|p| p.name.as_str()).collect();
    let tnames: Vec<&str> = cal.targets.iter().map(|t| t.name.as_str()).collect();
    let quote = |s: &str| {
        if s.contains([',', '"']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };

    // posterior.csv: every generation's population; the posterior is the last generation.
    let mut csv = String::from("generation,particle,weight");
    for n in &pnames {
        csv.push(',');
        csv.push_str(&quote(n));
    }
    csv.push_str(",distance");
    for n in &tnames {
        csv.push(',');
        csv.push_str(&quote(n));
    }
    csv.push('\n');
    for g in &o.generations {
        for (i, p) in g.particles.iter().enumerate() {
            csv.push_str(&format!("{},{i},{}", g.index, num(p.weight)));
            for v in p.params.iter().chain([&p.distance]).chain(&p.stats) {
                csv.push(',');
                csv.push_str(&num(*v));
            }
            csv.push('\n');
        }
    }
    write(POSTERIOR, csv)?;

    let mut gens =
        String::from("generation,tolerance,acceptance_rate,ess,simulated,simulations_total\n");
    for g in &o.generations {
        gens.push_str(&format!(
            "{},{},{},{},{},{}\n",
            g.index,
            num(g.tolerance),
            num(g.acceptance_rate()),
            num(g.ess()),
            g.simulated,
            g.simulations_total
        ));
    }
    write(GENERATIONS, gens)?;

    // fit.csv: the posterior predictive (one fresh simulation per final particle, weighted).
    let post = o.posterior();
    let weights: Vec<f64> = post.particles.iter().map(|p| p.weight).collect();
    let mut fit = String::from(
        "target,arm,metric,observed,scale,predictive_mean,predictive_lo95,predictive_hi95,inside\n",
    );
    let mut fit_json = Vec::new();
    for (k, (t, spec)) in cal.targets.iter().zip(&cal.file.targets).enumerate() {
        let (vals, w): (Vec<f64>, Vec<f64>) = o
            .predictive
            .iter()
            .zip(&weights)
            .map(|(s, &w)| (s[k], w))
            .filter(|(v, _)| v.is_finite())
            .unzip();
        let wsum: f64 = w.iter().sum();
        let mean = vals.iter().zip(&w).map(|(v, w)| v * w).sum::<f64>() / wsum;
        let lo = crate::calibration::abc::weighted_quantile(&vals, &w, 0.025);
        let hi = crate::calibration::abc::weighted_quantile(&vals, &w, 0.975);
        let inside = t.observed >= lo && t.observed <= hi;
        fit.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            quote(&t.name),
            quote(&spec.arm),
            quote(&spec.metric),
            num(t.observed),
            num(t.scale),
            num(mean),
            num(lo),
            num(hi),
            inside
        ));
        fit_json.push(serde_json::json!({"target": t.name, "inside_95": inside}));
    }
    write(FIT, fit)?;

    // calibrated.toml: the base scenario with the posterior medians set.
    let medians: Vec<f64> = (0..cal.parameters.len())
        .map(|k| post.quantile(k, 0.5))
        .collect();
    let not_made = |step: CalibratedStep, message: String| SweepError::Dir {
        dir: out.to_path_buf(),
        reason: Box::new(DirReason::CalibratedNotMade { step, message }),
    };
    let base_tree = toml::Table::try_from(&cal.base)
        .map_err(|e| not_made(CalibratedStep::Base, e.to_string()))?;
    let calibrated = cal
        .scenario_with(&base_tree, &medians)
        .map_err(|e| not_made(CalibratedStep::Medians, e))?;
    let mut text = format!(
        "# Calibrated by `undercurrent calibrate` ('{}', hash {}): the base scenario with the\n# posterior medians of {}.\n",
        cal.file.name,
        cal.hash,
        cal.parameters.iter().map(|p| p.key.as_str()).collect::<Vec<_>>().join(", ")
    );
    text.push_str(
        &toml::to_string(&calibrated)
            .map_err(|e| not_made(CalibratedStep::Written, e.to_string()))?,
    );
    write(CALIBRATED, text)?;

    let params: Vec<serde_json::Value> = cal
        .parameters
        .iter()
        .enumerate()
        .map(|(k, p)| {
            serde_json::json!({
                "name": p.name, "key": p.key, "prior": p.prior.name(),
                "mean": post.mean(k), "sd": post.sd(k), "median": medians[k],
                "q05": post.quantile(k, 0.05), "q95": post.quantile(k, 0.95),
            })
        })
        .collect();
    let files = vec![
        POSTERIOR.to_string(),
        GENERATIONS.to_string(),
        FIT.to_string(),
        CALIBRATED.to_string(),
    ];
    let m = serde_json::json!({
        "kind": "calibration",
        "name": cal.file.name,
        "version": manifest::version(),
        "git_commit": manifest::git_commit(),
        "git_dirty": manifest::git_dirty(),
        "calibration_hash": cal.hash,
        "seed": cal.file.seed,
        "population": cal.file.population,
        "replications": cal.file.replications,
        "generations": o.generations.len(),
        "simulations": post.simulations_total,
        "final_tolerance_reached": post.tolerance,
        "stopped": o.stop.describe(),
        "stop": stop_record(&o.stop),
        "stalled": matches!(o.stop, Stop::Stalled { .. }),
        "parameters": params,
        "fit": fit_json,
        "files": files,
    });
    write(
        MANIFEST,
        serde_json::to_string_pretty(&m).unwrap_or_default() + "\n",
    )?;
    Ok(files)
}

/// Why the calibration stopped, as data (`manifest.json`'s `stop`): the reason's name, and
/// the tolerances of a stall, so a report can say it in its reader's language.
fn stop_record(stop: &Stop) -> serde_json::Value {
    match stop.stalled_between() {
        Some((from, to)) => serde_json::json!({ "reason": stop.key(), "from": from, "to": to }),
        None => serde_json::json!({ "reason": stop.key() }),
    }
}
