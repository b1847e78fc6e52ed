//! Sweeps and calibrations from Python: the CLI's engines (`run_sweep`, `run_calibration`)
//! with their journals, locks and resume, run off the GIL and stopped by Ctrl-C between
//! simulations (what they journaled stays; `resume=True` continues).
//!
//! Their results are the files they write; Python reads the tables from those files.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use undercurrent_files::calibration::Progress as CalProgress;
use undercurrent_files::experiment::calibration::{
    run_calibration_unless, CalibrateOptions, Calibration, CalibrationError,
};
use undercurrent_files::experiment::sweep::experiment::{Experiment, ExperimentError};
use undercurrent_files::experiment::sweep::runner::{run_sweep_unless, Progress, SweepOptions};
use undercurrent_files::experiment::sweep::SweepError;

use crate::{report, run_interruptibly, thread_count};

pyo3::create_exception!(
    _core,
    ExperimentErrorPy,
    PyValueError,
    "An experiment or calibration file that cannot be run: the CLI's message, located in the file."
);

/// An experiment or calibration given as a path, TOML text or a dict: `(text, origin, dir)`,
/// `dir` being where a relative `base` scenario path is looked up.
fn study_text(obj: &Bound<'_, PyAny>, kind: &str) -> PyResult<(String, String, PathBuf)> {
    let here = std::env::current_dir().unwrap_or_default();
    if let Ok(d) = obj.downcast::<PyDict>() {
        let text = crate::convert::toml_text(d)?;
        return Ok((text, format!("<{kind} dict>"), here));
    }
    let path: PathBuf = if let Ok(s) = obj.downcast::<PyString>() {
        let s = s.to_cow()?;
        if (s.contains('\n') || s.contains('=')) && !Path::new(s.as_ref()).is_file() {
            return Ok((s.into_owned(), format!("<{kind} text>"), here));
        }
        PathBuf::from(s.as_ref())
    } else if obj.hasattr("__fspath__")? {
        obj.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "an {kind} is a path, TOML text or a dict, not {}",
            obj.get_type().name()?
        )));
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| PyOSError::new_err(format!("cannot read {}: {e}", path.display())))?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok((text, path.display().to_string(), dir))
}

fn experiment_error(e: &ExperimentError) -> PyErr {
    if e.is_input_error() {
        ExperimentErrorPy::new_err(e.to_string())
    } else {
        PyOSError::new_err(e.to_string())
    }
}

fn sweep_error(e: SweepError) -> PyErr {
    match e {
        SweepError::Experiment(e) => experiment_error(&e),
        e if e.is_input_error() => PyValueError::new_err(e.to_string()),
        e => PyRuntimeError::new_err(e.to_string()),
    }
}

/// Runs (or resumes) a sweep; returns what it did as a dict. See `undercurrent.sweep`.
#[pyfunction]
#[pyo3(signature = (experiment, *, out = None, resume = true, threads = None, progress = None, command = String::new()))]
pub fn sweep<'py>(
    py: Python<'py>,
    experiment: &Bound<'py, PyAny>,
    out: Option<PathBuf>,
    resume: bool,
    threads: Option<usize>,
    progress: Option<PyObject>,
    command: String,
) -> PyResult<Bound<'py, PyDict>> {
    let (text, origin, dir) = study_text(experiment, "experiment")?;
    let exp = Experiment::parse(&text, &origin, &dir).map_err(|e| experiment_error(&e))?;
    let out = out.unwrap_or_else(|| PathBuf::from("results").join(&exp.file.name));
    let opts = SweepOptions {
        out: out.clone(),
        threads: thread_count(threads)?,
        resume,
        shard: None,
        command,
    };
    let stop = AtomicBool::new(false);
    let (done, total) = (AtomicUsize::new(0), AtomicUsize::new(exp.runs()));
    let on_progress = |p: Progress| match p {
        Progress::Start { done: d, total: t } => {
            done.store(d, Ordering::Relaxed);
            total.store(t, Ordering::Relaxed);
        }
        Progress::Run { done: d } => done.store(d, Ordering::Relaxed),
        Progress::Finalizing => {}
    };
    let r = run_interruptibly(
        py,
        &stop,
        || run_sweep_unless(&exp, &opts, &on_progress, &|| stop.load(Ordering::Relaxed)),
        |py| {
            report(
                py,
                &progress,
                done.load(Ordering::Relaxed),
                total.load(Ordering::Relaxed),
            )
        },
    )?
    .map_err(sweep_error)?;
    let d = PyDict::new(py);
    d.set_item("out", out)?;
    d.set_item("total", r.total)?;
    d.set_item("resumed", r.resumed)?;
    d.set_item("computed", r.computed)?;
    d.set_item("already_complete", r.already_complete)?;
    d.set_item("files", r.files)?;
    d.set_item("wall_seconds", r.wall_seconds)?;
    Ok(d)
}

/// Runs (or resumes) a calibration; returns what it did as a dict. See
/// `undercurrent.calibrate`.
#[pyfunction]
#[pyo3(signature = (calibration, *, out = None, resume = true, threads = None, progress = None, command = String::new()))]
pub fn calibrate<'py>(
    py: Python<'py>,
    calibration: &Bound<'py, PyAny>,
    out: Option<PathBuf>,
    resume: bool,
    threads: Option<usize>,
    progress: Option<PyObject>,
    command: String,
) -> PyResult<Bound<'py, PyDict>> {
    let (text, origin, dir) = study_text(calibration, "calibration")?;
    let cal = Calibration::parse(&text, &origin, &dir).map_err(|e| experiment_error(&e))?;
    let out = out.unwrap_or_else(|| PathBuf::from("results").join(&cal.file.name));
    let opts = CalibrateOptions {
        out: out.clone(),
        threads: thread_count(threads)?,
        resume,
        command,
    };
    let budget = cal.file.max_simulations;
    let stop = AtomicBool::new(false);
    let simulations = AtomicUsize::new(0);
    let on_progress = |p: &CalProgress, _secs: f64| {
        simulations.store(p.simulations, Ordering::Relaxed);
    };
    let r = run_interruptibly(
        py,
        &stop,
        || run_calibration_unless(&cal, &opts, &on_progress, &|| stop.load(Ordering::Relaxed)),
        |py| report(py, &progress, simulations.load(Ordering::Relaxed), budget),
    )?
    .map_err(|e: CalibrationError| {
        if e.is_input_error() {
            ExperimentErrorPy::new_err(e.to_string())
        } else {
            PyRuntimeError::new_err(e.to_string())
        }
    })?;
    let d = PyDict::new(py);
    d.set_item("out", out)?;
    d.set_item("generations", r.generations)?;
    d.set_item("simulations", r.simulations)?;
    d.set_item("resumed", r.resumed)?;
    d.set_item("stop", r.stop.describe())?;
    d.set_item("files", r.files)?;
    d.set_item("wall_seconds", r.wall_seconds)?;
    Ok(d)
}
