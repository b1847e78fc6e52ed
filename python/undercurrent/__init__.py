"""undercurrent: the agent-based simulation of customer-oriented behaviour in organisations,
from Python.

The Rust core (the same engines as the ``undercurrent`` command line) runs the simulation;
results come back as pandas (or polars) data frames with the columns of the CSV files the
command line writes. A scenario is a plain dict, a path to a TOML file, or TOML text.

    >>> import undercurrent as uc
    >>> s = uc.default_scenario()
    >>> s["replications"] = 5
    >>> r = uc.run(s, seed=7)
    >>> r.durability.head()
    >>> r.save("results/mine")      # the files of `undercurrent run --no-plots`

Charts and ``report.html`` come from the command line: ``undercurrent plot DIR`` and
``undercurrent report DIR`` on a directory written by :meth:`Result.save`.
"""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Union

from . import _core
from ._core import ExperimentError, ScenarioError

__all__ = [
    "ScenarioError",
    "ExperimentError",
    "Result",
    "SweepResult",
    "CalibrationResult",
    "default_scenario",
    "load_scenario",
    "check",
    "set_params",
    "run",
    "sweep",
    "calibrate",
    "__version__",
]

__version__: str = _core.version()

Scenario = Union[Mapping[str, Any], str, "os.PathLike[str]"]

#: The tables of a run, by the name of their CSV file without ``.csv``.
TABLES = ("timeseries", "durability", "replications", "teams", "employees")


def default_scenario() -> dict:
    """The embedded default comparison (six arms, 200 employees, 750 days, 20 replications)
    as a plain dict, every default filled in. Edit it and pass it to :func:`run`."""
    return _core.default_scenario()


def load_scenario(path: Union[str, "os.PathLike[str]"]) -> dict:
    """A scenario file (TOML), parsed and checked as ``undercurrent run FILE`` does, as a
    plain dict with every default filled in.

    Raises :class:`ScenarioError` with the command line's message (``path:line:column:``
    and the key path) when the file is invalid, :class:`OSError` when it cannot be read."""
    return _core.load_scenario(os.fspath(path))


def check(scenario: Scenario) -> dict:
    """Checks a scenario (dict, path or TOML text) as ``undercurrent run`` does and returns
    it resolved (every default filled in).

    Raises :class:`ScenarioError` naming every problem with its key path (for a file or
    text also its line and column), e.g. ``<scenario dict>: `organisation.employees` = 0:
    expected ...``."""
    return _core.check(_plain(scenario))


def set_params(scenario: Mapping[str, Any], values: Mapping[str, Any]) -> dict:
    """A copy of ``scenario`` with parameters set by key path, e.g.
    ``set_params(s, {"organisation.employees": 400, "arms[1].interventions[0].start": 20})``.

    Raises :class:`KeyError` naming the path when a part of it is not in the scenario (a
    parameter left at its default is there in a dict from :func:`default_scenario`,
    :func:`load_scenario` or :func:`check`)."""
    out = copy.deepcopy(dict(scenario))
    for path, value in values.items():
        node: Any = out
        parts = _split_key(path)
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            try:
                if last:
                    if isinstance(part, str) and part not in node:
                        raise KeyError(part)
                    node[part] = value
                else:
                    node = node[part]
            except (KeyError, IndexError, TypeError):
                raise KeyError(f"{path}: no {part!r} in the scenario at this point") from None
    return out


def _split_key(path: str) -> list:
    """``"arms[1].interventions[0].start"`` -> ``["arms", 1, "interventions", 0, "start"]``."""
    parts: list = []
    for piece in path.split("."):
        name, _, rest = piece.partition("[")
        if name:
            parts.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            parts.append(int(index))
            rest = rest.lstrip("[")
    return parts


def _plain(scenario: Any) -> Any:
    """A scenario as ``_core`` takes it: dicts and strings as they are, paths as strings."""
    if isinstance(scenario, Mapping) and not isinstance(scenario, dict):
        return dict(scenario)
    if hasattr(scenario, "__fspath__"):
        return os.fspath(scenario)
    return scenario


def _progress_bar(show: Optional[bool], unit: str) -> Optional[Callable[[int, int], None]]:
    """A progress callback drawing a tqdm bar (the notebook widget in Jupyter), or ``None``.

    ``show=None`` draws one when tqdm is installed and someone is watching: in a notebook or
    IPython, or on a terminal."""
    if show is False:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        if show:
            raise ImportError("progress=True needs tqdm (pip install tqdm)") from None
        return None
    if show is None and not ("ipykernel" in sys.modules or "IPython" in sys.modules or sys.stderr.isatty()):
        return None
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit=unit, leave=False)
        if bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _command(name: str, args: dict) -> str:
    """What the manifest and timing files record as the command."""
    shown = ", ".join(f"{k}={v!r}" for k, v in args.items() if v is not None)
    return f"python: undercurrent.{name}({shown})"


def _table(columns: list, backend: str):
    """Arrow arrays over the buffers the Rust core filled, as a pandas or polars frame."""
    import pyarrow as pa

    arrays, names = [], []
    for name, kind, data, labels in columns:
        buf = pa.py_buffer(data)
        if kind == "f64":
            arr = pa.Array.from_buffers(pa.float64(), len(data) // 8, [None, buf])
        elif kind == "i64":
            arr = pa.Array.from_buffers(pa.int64(), len(data) // 8, [None, buf])
        else:
            codes = pa.Array.from_buffers(pa.int32(), len(data) // 4, [None, buf])
            arr = pa.array(labels, pa.string()).take(codes)
        arrays.append(arr)
        names.append(name)
    table = pa.Table.from_arrays(arrays, names=names)
    if backend == "arrow":
        return table
    if backend == "polars":
        import polars as pl

        return pl.from_arrow(table)
    if backend == "pandas":
        return table.to_pandas()
    raise ValueError(f"backend is 'pandas', 'polars' or 'arrow', not {backend!r}")


class Result:
    """A finished run, in memory.

    Its tables are data frames with the columns and rows of the CSV files ``undercurrent run``
    writes (a number the file writes as ``NA`` is NaN): :attr:`timeseries`,
    :attr:`durability`, :attr:`replications`, :attr:`teams`, :attr:`employees`. Each is built
    on first use (from Arrow buffers filled by the Rust core, never through CSV text) and
    kept. :meth:`table` gives any of them as polars or a pyarrow Table. :meth:`save` writes
    the files."""

    def __init__(self, core: "_core.RunResult") -> None:
        self._core = core
        self._frames: dict = {}

    def table(self, name: str, backend: str = "pandas"):
        """Table ``name`` (one of :data:`TABLES`) as ``backend``: ``"pandas"`` (the
        default), ``"polars"`` or ``"arrow"`` (a pyarrow Table)."""
        if backend == "pandas" and name in self._frames:
            return self._frames[name]
        frame = _table(self._core.columns(name), backend)
        if backend == "pandas":
            self._frames[name] = frame
        return frame

    @property
    def timeseries(self):
        """``timeseries.csv``: per arm, recorded day and metric the mean over replications
        with its standard deviation, 95% interval and count."""
        return self.table("timeseries")

    @property
    def durability(self):
        """``durability.csv``: per programme and durability statistic (peak gain, half-life,
        effect size, NPS gain, costs...) the mean, interval and, for the half-life, the
        Kaplan-Meier median."""
        return self.table("durability")

    @property
    def replications(self):
        """``replications.csv``: every replication's value of every metric on every
        recorded day (given here even when the scenario does not write the file)."""
        return self.table("replications")

    @property
    def teams(self):
        """``teams.csv``: every team's figures (empty unless the scenario sets
        ``teams = True``)."""
        return self.table("teams")

    @property
    def employees(self):
        """``employees.csv``: every employee's state on the snapshot days (empty unless the
        scenario names ``employee_snapshots``)."""
        return self.table("employees")

    @property
    def arms(self) -> list:
        """The arms' names, baseline first."""
        return self._core.arms()

    @property
    def scenario(self) -> dict:
        """The scenario that ran (with the seed and replications asked for), as a dict."""
        return self._core.scenario()

    @property
    def seed(self) -> int:
        """The master seed the run used."""
        return self._core.seed

    @property
    def threads(self) -> int:
        """Worker threads the run used (results do not depend on it)."""
        return self._core.threads

    @property
    def wall_seconds(self) -> float:
        """Seconds the simulation and its statistics took."""
        return self._core.wall_seconds

    def save(self, out: Union[str, "os.PathLike[str]"], *, force: bool = False) -> Path:
        """Writes the data files and ``manifest.json`` that ``undercurrent run --no-plots``
        writes for the same scenario and seed (byte for byte the same data files; the
        manifest's command, times and thread count say how this run was made).

        Like the command line it writes into a staging directory and moves the result into
        place only when complete, and refuses a directory holding files it did not write
        unless ``force=True`` (they are left untouched). Draw the charts and the report with
        ``undercurrent plot DIR`` and ``undercurrent report DIR``. Returns the directory."""
        return Path(self._core.save(os.fspath(out), force))

    def __repr__(self) -> str:
        s = self._core
        return (
            f"<undercurrent.Result: {len(s.arms())} arms ({', '.join(s.arms())}), seed {s.seed}, "
            f"{s.wall_seconds:.1f} s on {s.threads} threads>"
        )


def run(
    scenario: Scenario,
    *,
    seed: Optional[int] = None,
    replications: Optional[int] = None,
    threads: Optional[int] = None,
    posterior: Optional[Union[str, "os.PathLike[str]"]] = None,
    progress: Optional[bool] = None,
) -> Result:
    """Runs a scenario's arms against its baseline, as ``undercurrent run`` does, in memory.

    ``scenario`` is a dict (e.g. from :func:`default_scenario`), a path to a TOML file or
    TOML text. ``seed`` and ``replications`` override the scenario's; ``threads`` defaults
    to every core (results never depend on it); ``posterior`` is a calibration's output
    directory whose posterior each replication draws its parameters from (``run
    --posterior DIR``). ``progress`` draws a tqdm bar (``None``: when tqdm is installed and
    in a notebook or on a terminal).

    The simulation runs without the GIL on its own threads; Ctrl-C (a notebook's
    interrupt) stops it within a simulated day and raises :class:`KeyboardInterrupt`.
    Raises :class:`ScenarioError` for an invalid scenario."""
    plain = _plain(scenario)
    command = _command(
        "run",
        {
            "scenario": plain if isinstance(plain, str) and "\n" not in plain else None,
            "seed": seed,
            "replications": replications,
            "threads": threads,
            "posterior": os.fspath(posterior) if posterior is not None else None,
        },
    )
    core = _core.run(
        plain,
        seed=seed,
        replications=replications,
        threads=threads,
        posterior=os.fspath(posterior) if posterior is not None else None,
        progress=_progress_bar(progress, "replication"),
        command=command,
    )
    return Result(core)


def _read_csv(path: Path):
    import pandas as pd

    return pd.read_csv(path) if path.is_file() else None


class SweepResult:
    """A finished sweep: its directory and the tables it wrote there (read with pandas):
    :attr:`runs` (``runs.csv``), :attr:`points` (``points.csv``), :attr:`sensitivity`
    (``sensitivity.csv`` for a Sobol or Morris design, else ``None``), :attr:`timeseries`
    (``timeseries.csv`` when the experiment keeps series, else ``None``), and, read when
    first asked for since they can be large, :attr:`teams` (``teams.csv``: every run's team
    rows, when the base scenario has ``teams = true``), :attr:`employees`
    (``employees.csv``: every run's employee snapshots, when it asks for snapshots) and
    :attr:`run_series` (``run_series.csv``: every run's own time series, when the
    experiment has ``run_series = true``); each row starts with the run's ``point``,
    ``replication`` and axis values."""

    def __init__(self, info: dict) -> None:
        self.dir = Path(info["out"])
        self.total: int = info["total"]
        self.resumed: int = info["resumed"]
        self.computed: int = info["computed"]
        self.wall_seconds: float = info["wall_seconds"]
        self.runs = _read_csv(self.dir / "runs.csv")
        self.points = _read_csv(self.dir / "points.csv")
        self.sensitivity = _read_csv(self.dir / "sensitivity.csv")
        self.timeseries = _read_csv(self.dir / "timeseries.csv")
        self._agents: dict = {}

    def _agent_table(self, name: str):
        if name not in self._agents:
            self._agents[name] = _read_csv(self.dir / f"{name}.csv")
        return self._agents[name]

    @property
    def teams(self):
        """Every run's team rows (``teams.csv``), or ``None`` when the sweep kept none."""
        return self._agent_table("teams")

    @property
    def employees(self):
        """Every run's employee snapshots (``employees.csv``), or ``None`` when it kept none."""
        return self._agent_table("employees")

    @property
    def run_series(self):
        """Every run's own time series (``run_series.csv``: ``arm, day, metric, value`` per
        run), or ``None`` when the experiment did not ask for them; its mean over
        replications is :attr:`timeseries`."""
        return self._agent_table("run_series")

    def __repr__(self) -> str:
        return (
            f"<undercurrent.SweepResult {self.dir}: {self.total} runs "
            f"({self.resumed} resumed, {self.computed} computed)>"
        )


def sweep(
    experiment: Union[str, "os.PathLike[str]", Mapping[str, Any]],
    *,
    out: Optional[Union[str, "os.PathLike[str]"]] = None,
    resume: bool = True,
    threads: Optional[int] = None,
    progress: Optional[bool] = None,
) -> SweepResult:
    """Runs an experiment (path, TOML text or dict; see ``experiments/README.md``) as
    ``undercurrent sweep`` does: design points x replications on every core, journaled in
    ``out`` (default ``results/<name>``).

    With ``resume=True`` (the default) a sweep already in ``out`` continues where it
    stopped and a complete one is read back without computing anything. Ctrl-C stops it
    between runs and raises :class:`KeyboardInterrupt`; the runs done stay in the journal.
    Charts and ``report.html``: ``undercurrent plot DIR`` / ``undercurrent report DIR``.
    Raises :class:`ExperimentError` for an invalid experiment."""
    exp = _plain(experiment)
    info = _core.sweep(
        exp,
        out=os.fspath(out) if out is not None else None,
        resume=resume,
        threads=threads,
        progress=_progress_bar(progress, "run"),
        command=_command("sweep", {"experiment": exp if isinstance(exp, str) and "\n" not in exp else None, "out": out}),
    )
    return SweepResult(info)


class CalibrationResult:
    """A finished calibration: its directory and its tables (read with pandas):
    :attr:`posterior` (``posterior.csv``), :attr:`generations` (``generations.csv``),
    :attr:`fit` (``fit.csv``), and :attr:`calibrated`, the calibrated scenario as a dict."""

    def __init__(self, info: dict) -> None:
        self.dir = Path(info["out"])
        self.stop: str = info["stop"]
        self.simulations: int = info["simulations"]
        self.wall_seconds: float = info["wall_seconds"]
        self.posterior = _read_csv(self.dir / "posterior.csv")
        self.generations = _read_csv(self.dir / "generations.csv")
        self.fit = _read_csv(self.dir / "fit.csv")
        calibrated = self.dir / "calibrated.toml"
        self.calibrated = load_scenario(calibrated) if calibrated.is_file() else None

    def __repr__(self) -> str:
        return f"<undercurrent.CalibrationResult {self.dir}: {self.simulations} simulations; stopped: {self.stop}>"


def calibrate(
    calibration: Union[str, "os.PathLike[str]", Mapping[str, Any]],
    *,
    out: Optional[Union[str, "os.PathLike[str]"]] = None,
    resume: bool = True,
    threads: Optional[int] = None,
    progress: Optional[bool] = None,
) -> CalibrationResult:
    """Calibrates parameters to observed targets by ABC-SMC, as ``undercurrent calibrate``
    does (see ``docs/calibration.md``), journaled in ``out`` (default ``results/<name>``).

    With ``resume=True`` (the default) a calibration already in ``out`` continues. Ctrl-C
    stops it between simulations and raises :class:`KeyboardInterrupt`. The progress bar
    counts simulations against the file's ``max_simulations``. Raises
    :class:`ExperimentError` for an invalid calibration file."""
    cal = _plain(calibration)
    info = _core.calibrate(
        cal,
        out=os.fspath(out) if out is not None else None,
        resume=resume,
        threads=threads,
        progress=_progress_bar(progress, "simulation"),
        command=_command("calibrate", {"calibration": cal if isinstance(cal, str) and "\n" not in cal else None, "out": out}),
    )
    return CalibrationResult(info)
