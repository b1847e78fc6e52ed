"""The Rust extension module behind `undercurrent` (use the package's functions instead)."""

import os
from typing import Any, Callable, Optional, Union

class ScenarioError(ValueError):
    """A scenario that cannot be run: the CLI's message, located and naming the key path."""

class ExperimentError(ValueError):
    """An experiment or calibration file that cannot be run: the CLI's message, located."""

_Progress = Optional[Callable[[int, int], None]]

class RunResult:
    """A finished run in memory."""

    seed: int
    threads: int
    wall_seconds: float
    def columns(self, name: str) -> list[tuple[str, str, bytes, Optional[list[str]]]]:
        """Table `name` as columns (name, kind "f64"/"i64"/"text", buffer, labels)."""
    def arms(self) -> list[str]:
        """The arms' names, baseline first."""
    def scenario(self) -> dict[str, Any]:
        """The scenario that ran, as a dict."""
    def save(self, out: Union[str, os.PathLike[str]], force: bool = False) -> str:
        """Writes the files of `undercurrent run --no-plots`; returns the directory."""

def version() -> str:
    """The Rust core's version."""

def default_scenario() -> dict[str, Any]:
    """The embedded default comparison as a dict."""

def load_scenario(path: Union[str, os.PathLike[str]]) -> dict[str, Any]:
    """A scenario file as a dict, checked."""

def check(scenario: Any) -> dict[str, Any]:
    """A scenario (dict, path, TOML text) checked and resolved."""

def run(
    scenario: Any,
    *,
    seed: Optional[int] = None,
    replications: Optional[int] = None,
    threads: Optional[int] = None,
    posterior: Optional[str] = None,
    progress: _Progress = None,
    command: str = "",
) -> RunResult:
    """Runs a scenario in memory."""

def sweep(
    experiment: Any,
    *,
    out: Optional[str] = None,
    resume: bool = True,
    threads: Optional[int] = None,
    progress: _Progress = None,
    command: str = "",
) -> dict[str, Any]:
    """Runs or resumes a sweep; what it did."""

def calibrate(
    calibration: Any,
    *,
    out: Optional[str] = None,
    resume: bool = True,
    threads: Optional[int] = None,
    progress: _Progress = None,
    command: str = "",
) -> dict[str, Any]:
    """Runs or resumes a calibration; what it did."""
