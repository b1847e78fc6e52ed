"""The Python package against the command line: the same scenario and seed give the same
files byte for byte, errors carry the CLI's located messages, Ctrl-C stops a run, and the
thread count changes nothing.

The CLI binary is `target/release/undercurrent` of this repository (built by
`cargo test --release` or `cargo build --release`), or $UNDERCURRENT_BIN.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import undercurrent as uc

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SMALL = FIXTURES / "small.toml"

# Everything a run's manifest holds that says how, when and by which build it was made rather than
# what was computed.
HOW_MADE = {"command", "started", "finished", "wall_seconds", "threads", "git_commit", "git_dirty"}


def cli() -> Path:
    path = Path(os.environ.get("UNDERCURRENT_BIN", ROOT / "target" / "release" / "undercurrent"))
    assert path.is_file(), f"{path}: build the CLI first (cargo build --release) or set UNDERCURRENT_BIN"
    return path


def cli_run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([str(cli()), *args], capture_output=True, text=True, check=check)


def assert_same_run_files(a: Path, b: Path) -> None:
    """Every data file byte for byte; the manifest equal but for how the run was made."""
    names_a = sorted(p.name for p in a.iterdir())
    names_b = sorted(p.name for p in b.iterdir())
    assert names_a == names_b
    for name in names_a:
        if name == "manifest.json":
            continue
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    ma = json.loads((a / "manifest.json").read_text())
    mb = json.loads((b / "manifest.json").read_text())
    for m in (ma, mb):
        for k in HOW_MADE:
            m.pop(k)
    assert ma == mb


@pytest.fixture(scope="module")
def teams_scenario(tmp_path_factory) -> Path:
    """small.toml with every optional output: per-replication series, employee snapshots,
    team series, windows and a claim."""
    text = SMALL.read_text().replace(
        'per_replication = "on"',
        'per_replication = "on"\nteams = true\nwindows = [[0, 100], [150, 299]]',
    )
    text += textwrap.dedent(
        """
        [[claims]]
        says = "Training raises B at its peak"
        source = "test"
        [[claims.checks]]
        arm = "training_only"
        statistic = "peak_gain_B"
        above = 0.0
        """
    )
    path = tmp_path_factory.mktemp("scenario") / "full.toml"
    path.write_text(text)
    uc.check(path)
    return path


@pytest.fixture(scope="module")
def small_run(teams_scenario):
    return uc.run(teams_scenario, seed=11, progress=False)


def test_the_package_has_the_workspace_version():
    def version(cargo_toml: Path) -> str:
        return re.search(r'^version = "([^"]+)"', cargo_toml.read_text(), re.M).group(1)

    assert uc.__version__ == version(ROOT / "Cargo.toml") == version(ROOT / "python" / "Cargo.toml")
    from importlib.metadata import version as installed

    assert installed("undercurrent") == uc.__version__


def test_the_default_scenario_is_a_plain_dict_that_checks_as_itself():
    s = uc.default_scenario()
    assert isinstance(s, dict)
    assert s["name"] == "default"
    assert uc.check(s) == s


def test_python_saves_the_cli_files_byte_for_byte(tmp_path, teams_scenario, small_run):
    cli_run("run", str(teams_scenario), "--seed", "11", "--no-plots", "--out", str(tmp_path / "cli"))
    small_run.save(tmp_path / "py")
    assert {p.name for p in (tmp_path / "py").iterdir()} >= {
        "timeseries.csv", "durability.csv", "replications.csv", "teams.csv",
        "employees.csv", "windows.csv", "claims.csv", "manifest.json",
    }
    assert_same_run_files(tmp_path / "cli", tmp_path / "py")


def test_the_default_comparison_from_a_dict_equals_the_cli(tmp_path):
    # Fewer replications than the default's 20 keep CI short; the scenario is otherwise
    # the embedded default, given as the dict default_scenario() returns.
    cli_run("run", "--replications", "3", "--no-plots", "--out", str(tmp_path / "cli"))
    uc.run(uc.default_scenario(), replications=3, progress=False).save(tmp_path / "py")
    assert_same_run_files(tmp_path / "cli", tmp_path / "py")


def test_a_scenario_as_dict_path_or_text_runs_the_same(tmp_path, teams_scenario):
    by_path = uc.run(teams_scenario, replications=2, progress=False)
    by_text = uc.run(teams_scenario.read_text(), replications=2, progress=False)
    by_dict = uc.run(uc.load_scenario(teams_scenario), replications=2, progress=False)
    for i, r in enumerate((by_path, by_text, by_dict)):
        r.save(tmp_path / str(i))
    assert_same_run_files(tmp_path / "0", tmp_path / "1")
    assert_same_run_files(tmp_path / "0", tmp_path / "2")


@pytest.mark.parametrize("table", uc.TABLES)
def test_each_frame_is_its_csv_file_as_pandas_reads_it(tmp_path, small_run, table):
    small_run.save(tmp_path)
    from_file = pd.read_csv(tmp_path / f"{table}.csv")
    frame = small_run.table(table)
    assert len(frame) > 0
    pd.testing.assert_frame_equal(frame, from_file, check_dtype=False)
    # The same types, except that pandas guesses int64 for a float column whose every value
    # in this file happens to be whole (a count of leavers that is always 0).
    for name in frame.columns:
        ours, guessed = frame[name].dtype, from_file[name].dtype
        assert ours == guessed or (ours == "float64" and guessed == "int64"), name


def test_polars_and_arrow_hold_the_same_table(small_run):
    pl = pytest.importorskip("polars")
    frame = small_run.table("durability", backend="polars")
    assert isinstance(frame, pl.DataFrame)
    pd.testing.assert_frame_equal(frame.to_pandas(), small_run.durability, check_dtype=False)
    assert small_run.table("timeseries", backend="arrow").num_rows == len(small_run.timeseries)


def test_one_thread_and_two_give_the_same_files(tmp_path, teams_scenario):
    uc.run(teams_scenario, threads=1, progress=False).save(tmp_path / "one")
    uc.run(teams_scenario, threads=2, progress=False).save(tmp_path / "two")
    assert_same_run_files(tmp_path / "one", tmp_path / "two")


def test_an_invalid_file_raises_the_cli_message(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(SMALL.read_text().replace("team_size = 10", "team_size = 0"))
    message = cli_run("run", str(bad), "--no-plots", "--out", str(tmp_path / "out"), check=False).stderr
    with pytest.raises(uc.ScenarioError) as e:
        uc.run(bad)
    assert message == f"error: {e.value}\n"
    assert f"{bad}:" in str(e.value) and "organisation.team_size" in str(e.value)
    with pytest.raises(uc.ScenarioError) as e:
        uc.check(str(bad))
    assert message == f"error: {e.value}\n"


def test_a_dict_error_names_the_key_path():
    s = uc.default_scenario()
    s["organisation"]["employees"] = -5
    with pytest.raises(uc.ScenarioError, match=r"organisation\.employees"):
        uc.run(s)
    s = uc.default_scenario()
    s["organisation"]["employes"] = 5
    with pytest.raises(uc.ScenarioError, match="employes"):
        uc.check(s)
    with pytest.raises(uc.ScenarioError, match=r"<scenario dict>: .*organisation"):
        uc.check({"organisation": {"employees": "many"}})


def test_a_syntax_error_in_text_is_located():
    with pytest.raises(uc.ScenarioError, match=r"^<scenario text>:2:\d+: "):
        uc.check("name = 'x'\nseed = = 3\n")


def test_set_params_sets_by_key_path_and_refuses_unknown_keys():
    s = uc.set_params(uc.default_scenario(), {"organisation.employees": 120, "arms[1].name": "t"})
    assert s["organisation"]["employees"] == 120 and s["arms"][1]["name"] == "t"
    assert uc.default_scenario()["organisation"]["employees"] == 200
    with pytest.raises(KeyError, match="organisation.employes"):
        uc.set_params(s, {"organisation.employes": 1})


def test_progress_reaches_every_replication(teams_scenario):
    seen = []
    uc._core.run(str(teams_scenario), progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_tqdm_bar_is_drawn_when_asked(teams_scenario, capsys):
    pytest.importorskip("tqdm")
    uc.run(teams_scenario, progress=True)
    assert "4/4" in capsys.readouterr().err


def test_a_run_leaves_the_gil_to_other_threads():
    s = uc.default_scenario()
    s["replications"] = 4
    ticks = 0
    running = threading.Event()
    done = threading.Event()

    def count():
        nonlocal ticks
        running.set()
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    running.wait()
    t0 = time.monotonic()
    uc.run(s, progress=False)
    elapsed = time.monotonic() - t0
    done.set()
    counter.join()
    # A thread that never got the GIL during the run would tick only at its ends.
    assert elapsed > 0.2 and ticks > 50 * elapsed, (ticks, elapsed)


LONG_RUN = """
import sys, undercurrent as uc
s = uc.default_scenario()
s["replications"] = 400
print("running", flush=True)
try:
    uc.run(s, progress=False)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(3)
print("finished", flush=True)
"""


def test_ctrl_c_stops_a_long_run_promptly():
    p = subprocess.Popen([sys.executable, "-c", LONG_RUN], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "running"
    time.sleep(1.0)
    t0 = time.monotonic()
    p.send_signal(signal.SIGINT)
    try:
        code = p.wait(timeout=10)
    finally:
        p.kill()
    elapsed = time.monotonic() - t0
    assert code == 3, p.stdout.read()
    assert elapsed < 2.0, f"took {elapsed:.2f} s to stop"


SWEEP = FIXTURES / "sweep_sobol.toml"


def test_a_sweep_writes_the_cli_files_and_resumes_complete(tmp_path):
    cli_run("sweep", str(SWEEP), "--out", str(tmp_path / "cli"))
    r = uc.sweep(SWEEP, out=tmp_path / "py", progress=False)
    assert r.computed == r.total == 80
    for name in ("runs.csv", "points.csv", "sensitivity.csv"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name
    manifests = [json.loads((tmp_path / d / "manifest.json").read_text()) for d in ("cli", "py")]
    for m in manifests:
        m.pop("git_commit")
        m.pop("git_dirty", None)
    assert manifests[0] == manifests[1]
    assert set(r.sensitivity.columns) >= {"arm", "metric", "parameter", "index", "estimate"}
    again = uc.sweep(SWEEP, out=tmp_path / "py", progress=False)
    assert again.computed == 0
    pd.testing.assert_frame_equal(again.points, r.points)


TEAM_SWEEP = """
name = "team-data"
seed = 7
replications = 2
[scenario]
horizon_days = 60
burn_in_days = 20
record_every = 10
teams = true
employee_snapshots = [0, 35]
[scenario.organisation]
employees = 23
team_size = 10
[sweep]
design = "grid"
[[sweep.axes]]
key = "sector"
values = ["retail", "government"]
"""


def test_a_sweep_of_a_scenario_with_teams_gives_its_team_rows_and_snapshots(tmp_path):
    r = uc.sweep(TEAM_SWEEP, out=tmp_path / "teams", progress=False)
    assert r.teams is not None and r.employees is not None
    assert list(r.teams.columns[:3]) == ["point", "replication", "sector"]
    assert set(r.teams["sector"]) == {"retail", "government"}
    # 23 employees in 3 teams: every run's teams, on every recorded day.
    runs = r.teams.groupby(["point", "replication"])
    assert len(runs) == r.total == 4
    assert set(r.employees["day"]) == {0, 35}
    assert r.employees.groupby(["point", "replication", "day"]).size().eq(23).all()
    plain = uc.sweep(SWEEP, out=tmp_path / "plain", progress=False)
    assert plain.teams is None and plain.employees is None


def test_a_sweep_with_run_series_gives_every_runs_series_whose_mean_is_timeseries(tmp_path):
    r = uc.sweep(FIXTURES / "sweep_run_series.toml", out=tmp_path / "rs", progress=False)
    s = r.run_series
    assert list(s.columns) == ["point", "replication", "sector", "arm", "day", "metric", "value"]
    means = s.groupby(["point", "arm", "day", "metric"])["value"].mean().rename("runs_mean")
    both = r.timeseries.join(means, on=["point", "arm", "day", "metric"])
    assert len(both) == len(means) and both["runs_mean"].notna().all()
    off = (both["runs_mean"] - both["mean"]).abs()
    assert (off <= 1e-12 * both["mean"].abs().clip(lower=1.0)).all()
    plain = uc.sweep(SWEEP, out=tmp_path / "plain", progress=False)
    assert plain.run_series is None


def test_an_invalid_experiment_raises_the_cli_message(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(SWEEP.read_text().replace("base_samples = 8", "base_samples = 0"))
    message = cli_run("sweep", str(bad), "--out", str(tmp_path / "out"), check=False).stderr
    with pytest.raises(uc.ExperimentError) as e:
        uc.sweep(bad, out=tmp_path / "out2")
    assert message.startswith(f"error: {e.value}")
    assert str(bad) in str(e.value)


CALIBRATION = """
name = "tiny"
scenario = "small.toml"
population = 10
max_generations = 2
max_simulations = 60

[[parameters]]
key = "behaviour.intercept"
prior = "uniform"
lo = -4.0
hi = -1.5

[[targets]]
arm = "baseline"
metric = "B"
day = 50
observed = 0.5
scale = 0.1
"""


def test_a_calibration_writes_the_cli_files(tmp_path):
    (tmp_path / "small.toml").write_text((ROOT / "experiments" / "calibration" / "small.toml").read_text())
    cal = tmp_path / "cal.toml"
    cal.write_text(CALIBRATION)
    cli_run("calibrate", str(cal), "--out", str(tmp_path / "cli"))
    r = uc.calibrate(cal, out=tmp_path / "py", progress=False)
    for name in ("posterior.csv", "generations.csv", "fit.csv", "calibrated.toml"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name
    pd.testing.assert_frame_equal(r.posterior, pd.read_csv(tmp_path / "cli" / "posterior.csv"))
    assert r.calibrated == uc.load_scenario(tmp_path / "cli" / "calibrated.toml")
    # run --posterior: each replication's parameters drawn from that posterior.
    small = tmp_path / "small.toml"
    cli_run("run", str(small), "--posterior", str(tmp_path / "cli"), "--no-plots", "--out", str(tmp_path / "cli_run"))
    uc.run(small, posterior=tmp_path / "py", progress=False).save(tmp_path / "py_run")
    assert (tmp_path / "py_run" / "posterior_draws.csv").is_file()
    assert_same_run_files(tmp_path / "cli_run", tmp_path / "py_run")


def test_a_calibration_stopped_midway_resumes_to_the_same_files(tmp_path):
    # An exception in the progress callback stops the engine as Ctrl-C does.
    (tmp_path / "small.toml").write_text((ROOT / "experiments" / "calibration" / "small.toml").read_text())
    cal = tmp_path / "cal.toml"
    cal.write_text(CALIBRATION.replace("max_generations = 2", "max_generations = 3").replace("max_simulations = 60", "max_simulations = 90"))

    class Stop(Exception):
        pass

    def stop_once_started(done, total):
        if done > 0:
            raise Stop

    with pytest.raises(Stop):
        uc._core.calibrate(str(cal), out=str(tmp_path / "py"), progress=stop_once_started)
    assert not (tmp_path / "py" / "manifest.json").exists()
    r = uc.calibrate(cal, out=tmp_path / "py", progress=False)
    assert r.simulations > 0
    cli_run("calibrate", str(cal), "--out", str(tmp_path / "cli"))
    for name in ("posterior.csv", "generations.csv", "fit.csv", "calibrated.toml"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name


LONG_SWEEP = """
import sys, undercurrent as uc
print("running", flush=True)
try:
    uc.sweep(sys.argv[1], out=sys.argv[2], progress=False)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(3)
"""


def test_ctrl_c_stops_a_sweep_which_then_resumes_to_the_cli_files(tmp_path):
    # 40 points x 2 replications of the Sobol fixture on a larger organisation: long enough
    # to interrupt, short enough to finish afterwards.
    exp = tmp_path / "sweep.toml"
    exp.write_text(SWEEP.read_text().replace("employees = 12", "employees = 300").replace("horizon_days = 100", "horizon_days = 300"))
    p = subprocess.Popen([sys.executable, "-c", LONG_SWEEP, str(exp), str(tmp_path / "py")], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "running"
    time.sleep(1.0)
    t0 = time.monotonic()
    p.send_signal(signal.SIGINT)
    try:
        code = p.wait(timeout=20)
    finally:
        p.kill()
    assert code == 3
    assert time.monotonic() - t0 < 5.0
    assert not (tmp_path / "py" / "manifest.json").exists()
    r = uc.sweep(exp, out=tmp_path / "py", progress=False)
    assert r.resumed > 0 and r.computed > 0 and r.resumed + r.computed == r.total
    cli_run("sweep", str(exp), "--out", str(tmp_path / "cli"))
    for name in ("runs.csv", "points.csv", "sensitivity.csv"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name
