"""Type stubs of the public API of `undercurrent` (docstrings in `__init__.py` and
docs/python.md)."""

import os
from pathlib import Path
from typing import Any, Literal, Mapping, Optional, Union

import pandas

from ._core import ExperimentError as ExperimentError
from ._core import ScenarioError as ScenarioError

__version__: str
TABLES: tuple[str, ...]

_PathLike = Union[str, os.PathLike[str]]
Scenario = Union[Mapping[str, Any], _PathLike]
Study = Union[Mapping[str, Any], _PathLike]
TableName = Literal["timeseries", "durability", "replications", "teams", "employees"]

def default_scenario() -> dict[str, Any]:
    """The embedded default comparison as a plain dict, every default filled in."""

def load_scenario(path: _PathLike) -> dict[str, Any]:
    """A scenario file, parsed and checked as `undercurrent run FILE` does, as a dict."""

def check(scenario: Scenario) -> dict[str, Any]:
    """Checks a scenario as `undercurrent run` does; returns it resolved. Raises ScenarioError."""

def set_params(scenario: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `scenario` with parameters set by key path ("organisation.employees")."""

class Result:
    """A finished run in memory; tables as data frames with the CSV files' columns."""

    def table(self, name: TableName, backend: Literal["pandas", "polars", "arrow"] = "pandas") -> Any:
        """Table `name` as pandas (default), polars or a pyarrow Table."""
    @property
    def timeseries(self) -> pandas.DataFrame:
        """timeseries.csv: per arm, recorded day and metric, the mean over replications."""
    @property
    def durability(self) -> pandas.DataFrame:
        """durability.csv: per programme and durability statistic."""
    @property
    def replications(self) -> pandas.DataFrame:
        """replications.csv: every replication's value of every metric on every recorded day."""
    @property
    def teams(self) -> pandas.DataFrame:
        """teams.csv: every team's figures (empty unless `teams = true`)."""
    @property
    def employees(self) -> pandas.DataFrame:
        """employees.csv: employees' states on the snapshot days (empty without snapshots)."""
    @property
    def arms(self) -> list[str]:
        """The arms' names, baseline first."""
    @property
    def scenario(self) -> dict[str, Any]:
        """The scenario that ran, as a dict."""
    @property
    def seed(self) -> int:
        """The master seed the run used."""
    @property
    def threads(self) -> int:
        """Worker threads the run used."""
    @property
    def wall_seconds(self) -> float:
        """Seconds the simulation and its statistics took."""
    def save(self, out: _PathLike, *, force: bool = False) -> Path:
        """Writes the files of `undercurrent run --no-plots` (data files and manifest.json)."""

def run(
    scenario: Scenario,
    *,
    seed: Optional[int] = None,
    replications: Optional[int] = None,
    threads: Optional[int] = None,
    posterior: Optional[_PathLike] = None,
    progress: Optional[bool] = None,
) -> Result:
    """Runs a scenario's arms against its baseline in memory (GIL released, Ctrl-C stops it)."""

class SweepResult:
    """A finished sweep: its directory and tables read from it."""

    dir: Path
    total: int
    resumed: int
    computed: int
    wall_seconds: float
    runs: pandas.DataFrame
    points: pandas.DataFrame
    sensitivity: Optional[pandas.DataFrame]
    timeseries: Optional[pandas.DataFrame]
    @property
    def teams(self) -> Optional[pandas.DataFrame]: ...
    @property
    def employees(self) -> Optional[pandas.DataFrame]: ...
    @property
    def run_series(self) -> Optional[pandas.DataFrame]: ...

def sweep(
    experiment: Study,
    *,
    out: Optional[_PathLike] = None,
    resume: bool = True,
    threads: Optional[int] = None,
    progress: Optional[bool] = None,
) -> SweepResult:
    """Runs (or resumes) an experiment as `undercurrent sweep` does."""

class CalibrationResult:
    """A finished calibration: its directory, tables and calibrated scenario."""

    dir: Path
    stop: str
    simulations: int
    wall_seconds: float
    posterior: pandas.DataFrame
    generations: pandas.DataFrame
    fit: pandas.DataFrame
    calibrated: Optional[dict[str, Any]]

def calibrate(
    calibration: Study,
    *,
    out: Optional[_PathLike] = None,
    resume: bool = True,
    threads: Optional[int] = None,
    progress: Optional[bool] = None,
) -> CalibrationResult:
    """Calibrates parameters to observed targets by ABC-SMC as `undercurrent calibrate` does."""

__all__: list[str]
