//! `undercurrent._core`: the Rust engines behind the Python package (`undercurrent/`).
//!
//! Every long call runs the engine on its own thread with the GIL released, and the calling
//! thread wakes every few milliseconds to check for Ctrl-C (`Python::check_signals`) and to
//! report progress; a Ctrl-C sets the engine's stop flag, waits for it to stop (it checks
//! before every simulated day) and raises `KeyboardInterrupt`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use undercurrent_files::experiment::calibration::posterior;
use undercurrent_files::experiment::replication::ReplicationResult;
use undercurrent_files::experiment::runner::{
    run_each_unless, run_scenario_unless, threads_or_all_cores, MAX_THREADS,
};
use undercurrent_files::experiment::scenario::Scenario;
use undercurrent_files::metrics::aggregate::{self, DurabilityRow};
use undercurrent_files::output::manifest::{self, Manifest, RunRecord};
use undercurrent_files::output::run::{PosteriorDraws, POSTERIOR_DRAWS};
use undercurrent_files::output::run_dir::{write_manifest, write_run};
use undercurrent_files::output::staging::Staged;

mod convert;
mod studies;
mod tables;

use convert::{scenario_from, scenario_to_py, ScenarioErrorPy};
use tables::{Column, Values};

/// How often the calling thread looks for Ctrl-C and reports progress while an engine runs.
const POLL: Duration = Duration::from_millis(20);

/// Runs `work` on its own thread with the GIL released. Every [`POLL`] the calling thread
/// checks for signals and calls `tick`; a pending Ctrl-C (or an error from `tick`) sets
/// `stop`, waits for `work` to return and raises. `work` must watch `stop`.
pub(crate) fn run_interruptibly<T: Send>(
    py: Python<'_>,
    stop: &AtomicBool,
    work: impl FnOnce() -> T + Send,
    mut tick: impl FnMut(Python<'_>) -> PyResult<()>,
) -> PyResult<T> {
    std::thread::scope(|scope| {
        let (tx, mut rx) = mpsc::channel::<()>();
        let handle = scope.spawn(move || {
            let out = work();
            let _ = tx.send(());
            out
        });
        loop {
            // The receiver travels into the GIL-free closure and back: it is Send, not Sync.
            let (finished, back) = py.allow_threads(move || {
                let r = rx.recv_timeout(POLL);
                (!matches!(r, Err(mpsc::RecvTimeoutError::Timeout)), rx)
            });
            rx = back;
            if finished {
                break;
            }
            if let Err(e) = py.check_signals().and_then(|()| tick(py)) {
                stop.store(true, Ordering::Relaxed);
                let _ = py.allow_threads(|| handle.join());
                return Err(e);
            }
        }
        // A last report, so a progress bar ends at its total.
        tick(py)?;
        py.allow_threads(|| handle.join())
            .map_err(|_| PyRuntimeError::new_err("the simulation thread panicked"))
    })
}

/// `threads`: as the CLI takes `--threads` (all cores when `None`).
pub(crate) fn thread_count(requested: Option<usize>) -> PyResult<usize> {
    match requested {
        Some(n) if !(1..=MAX_THREADS).contains(&n) => Err(PyValueError::new_err(format!(
            "threads must be a whole number from 1 to {MAX_THREADS} (None for all cores)"
        ))),
        r => Ok(threads_or_all_cores(r)),
    }
}

/// Calls the Python progress callback `(done, total)`, if there is one.
pub(crate) fn report(
    py: Python<'_>,
    progress: &Option<PyObject>,
    done: usize,
    total: usize,
) -> PyResult<()> {
    if let Some(cb) = progress {
        cb.call1(py, (done, total))?;
    }
    Ok(())
}

/// The embedded default comparison, every default filled in.
#[pyfunction]
fn default_scenario(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    scenario_to_py(py, &Scenario::embedded_default())
}

/// A scenario file, parsed and checked, every default filled in.
#[pyfunction]
fn load_scenario(py: Python<'_>, path: PathBuf) -> PyResult<Bound<'_, PyAny>> {
    let s = Scenario::load(&path).map_err(|e| convert::scenario_error(&e, false))?;
    scenario_to_py(py, &s)
}

/// Checks a scenario (dict, path or TOML text) as `undercurrent run` does; returns it
/// resolved (every default filled in), raises `ScenarioError` otherwise.
#[pyfunction]
fn check<'py>(py: Python<'py>, scenario: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let s = scenario_from(scenario)?;
    scenario_to_py(py, &s)
}

/// A finished run in memory: the scenario it ran, every replication's result and the
/// durability rows; tables on request, files on `save`.
#[pyclass(frozen, module = "undercurrent._core")]
struct RunResult {
    scenario: Scenario,
    results: Vec<ReplicationResult>,
    durability: Vec<DurabilityRow>,
    posterior: Option<PosteriorDraws>,
    threads: usize,
    started: String,
    wall_seconds: f64,
    command: String,
}

#[pymethods]
impl RunResult {
    /// Table `name` ("timeseries", "durability", "replications", "teams", "employees") as
    /// columns `(name, kind, buffer, labels)`: kind "f64" or "i64" with a little-endian
    /// buffer, or "text" with i32 codes into `labels`.
    fn columns<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
        let arms = self.arms();
        let cols =
            tables::table(name, &arms, &self.results, &self.durability).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "no table {name:?}; the tables are {}",
                    tables::TABLES.join(", ")
                ))
            })?;
        let out = PyList::empty(py);
        for Column { name, values } in cols {
            let (kind, bytes, labels): (&str, Vec<u8>, Option<Vec<String>>) = match values {
                Values::F64(v) => (
                    "f64",
                    v.iter().flat_map(|x| x.to_le_bytes()).collect(),
                    None,
                ),
                Values::I64(v) => (
                    "i64",
                    v.iter().flat_map(|x| x.to_le_bytes()).collect(),
                    None,
                ),
                Values::Text(l, c) => (
                    "text",
                    c.iter().flat_map(|x| x.to_le_bytes()).collect(),
                    Some(l),
                ),
            };
            out.append((name, kind, PyBytes::new(py, &bytes), labels))?;
        }
        Ok(out)
    }

    /// The arms' names, baseline first.
    fn arms(&self) -> Vec<String> {
        self.scenario.arms.iter().map(|a| a.name.clone()).collect()
    }

    /// The scenario that ran (after the seed and replication overrides), as a dict.
    fn scenario<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        scenario_to_py(py, &self.scenario)
    }

    #[getter]
    fn seed(&self) -> u64 {
        self.scenario.seed
    }

    #[getter]
    fn threads(&self) -> usize {
        self.threads
    }

    #[getter]
    fn wall_seconds(&self) -> f64 {
        self.wall_seconds
    }

    /// Writes the data files and `manifest.json` that `undercurrent run --no-plots` writes
    /// for the same scenario and seed, through the same staging directory (the old result
    /// replaced only when the new one is complete). Returns the directory.
    #[pyo3(signature = (out, force = false))]
    fn save(&self, py: Python<'_>, out: PathBuf, force: bool) -> PyResult<PathBuf> {
        py.allow_threads(|| self.write(&out, force))
    }
}

impl RunResult {
    fn write(&self, out: &std::path::Path, force: bool) -> PyResult<PathBuf> {
        let t0 = Instant::now();
        let io = |e: std::io::Error| PyOSError::new_err(format!("{}: {e}", out.display()));
        let staged = Staged::prepare(out, force).map_err(|e| {
            if e.is_input_error() {
                PyValueError::new_err(e.to_string())
            } else {
                PyOSError::new_err(e.to_string())
            }
        })?;
        let s = &self.scenario;
        let (mut files, _claims) =
            write_run(staged.path(), s, &self.results, &self.durability).map_err(io)?;
        if let Some(p) = &self.posterior {
            undercurrent_files::output::write_atomic(
                &staged.path().join(POSTERIOR_DRAWS),
                p.table.as_bytes(),
            )
            .map_err(io)?;
            files.push(POSTERIOR_DRAWS.to_string());
        }
        let record = RunRecord {
            command: self.command.clone(),
            threads: self.threads,
            started: self.started.clone(),
            finished: manifest::now_rfc3339(),
            wall_seconds: self.wall_seconds + t0.elapsed().as_secs_f64(),
        };
        let m = Manifest::of_run(s, files, record);
        write_manifest(staged.path(), &m).map_err(io)?;
        staged
            .commit()
            .map_err(|e| PyOSError::new_err(format!("moving the result into place: {e}")))
    }
}

/// Runs a scenario's arms against its baseline in memory; see `undercurrent.run`.
#[pyfunction]
#[pyo3(signature = (scenario, *, seed = None, replications = None, threads = None, posterior = None, progress = None, command = String::new()))]
#[allow(clippy::too_many_arguments)]
fn run(
    py: Python<'_>,
    scenario: &Bound<'_, PyAny>,
    seed: Option<u64>,
    replications: Option<usize>,
    threads: Option<usize>,
    posterior: Option<PathBuf>,
    progress: Option<PyObject>,
    command: String,
) -> PyResult<RunResult> {
    let mut s = scenario_from(scenario)?;
    if let Some(x) = seed {
        s.seed = x;
    }
    if let Some(x) = replications {
        if x == 0 {
            return Err(PyValueError::new_err("replications must be at least 1"));
        }
        s.replications = x;
    }
    let threads = thread_count(threads)?;
    let draws = match &posterior {
        None => None,
        Some(dir) => Some(
            py.allow_threads(|| posterior::draw(&s, dir))
                .map_err(|e| PyValueError::new_err(format!("posterior: {e}")))?,
        ),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
    let stop = AtomicBool::new(false);
    let done = AtomicUsize::new(0);
    let started = manifest::now_rfc3339();
    let t0 = Instant::now();
    let total = s.replications;
    report(py, &progress, 0, total)?;
    let results = run_interruptibly(
        py,
        &stop,
        || {
            let tick = || {
                done.fetch_add(1, Ordering::Relaxed);
            };
            let stopped = || stop.load(Ordering::Relaxed);
            pool.install(|| match &draws {
                None => run_scenario_unless(&s, &tick, &stopped),
                Some(p) => run_each_unless(s.seed, &p.scenarios, &tick, &stopped),
            })
        },
        |py| report(py, &progress, done.load(Ordering::Relaxed), total),
    )?
    .ok_or_else(|| PyRuntimeError::new_err("the run stopped before it finished"))?;
    let durability = py.allow_threads(|| aggregate::durability(&results, s.arms.len()));
    Ok(RunResult {
        wall_seconds: t0.elapsed().as_secs_f64(),
        scenario: s,
        results,
        durability,
        posterior: draws,
        threads,
        started,
        command,
    })
}

/// The version of the Rust core, as `undercurrent --version` prints it.
#[pyfunction]
fn version() -> &'static str {
    manifest::version()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ScenarioError", m.py().get_type::<ScenarioErrorPy>())?;
    m.add(
        "ExperimentError",
        m.py().get_type::<studies::ExperimentErrorPy>(),
    )?;
    m.add_class::<RunResult>()?;
    m.add_function(wrap_pyfunction!(default_scenario, m)?)?;
    m.add_function(wrap_pyfunction!(load_scenario, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(studies::sweep, m)?)?;
    m.add_function(wrap_pyfunction!(studies::calibrate, m)?)?;
    Ok(())
}
