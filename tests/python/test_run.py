"""govsim.run: the same bytes as `govsim run`, documented frames, the GIL released, Ctrl-C."""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pandas as pd
import pytest

import govsim


@pytest.fixture(scope="module")
def classroom(cli, tmp_path_factory):
    """The same run by the CLI and by Python: classroom-town, 120 days, seed 7."""
    out = tmp_path_factory.mktemp("cli-run")
    cli("run", "classroom-town", "--days", "120", "--seed", "7", "--out", out, "--quiet")
    return out, govsim.run("classroom-town", days=120, seed=7)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def test_csv_bytes_equal_the_clis(classroom):
    out, result = classroom
    assert result.to_csv("timeseries").encode() == read(out / "timeseries.csv")
    assert result.to_csv("grids").encode() == read(out / "grids.csv")


def test_saved_files_equal_the_clis(classroom, tmp_path):
    out, result = classroom
    result.save(tmp_path)
    for name in ("timeseries.csv", "grids.csv", "summary.json"):
        assert read(tmp_path / name) == read(out / name), name
    mine = json.loads(read(tmp_path / "manifest.json"))
    theirs = json.loads(read(out / "manifest.json"))
    for key in ("state_hash", "seed", "days", "resolved_scenario", "govsim_version"):
        assert mine[key] == theirs[key], key
    assert mine["scenario"]["hash"] == theirs["scenario"]["hash"]
    assert mine["scenario"]["overrides"] == theirs["scenario"]["overrides"]


def test_frames_equal_the_clis_csv(classroom):
    out, result = classroom
    # A CSV file carries no types: a float column whose every value is whole (a rate that is 0
    # in every grid) would be read as integers, so the columns are read as the frames type them
    # (docs/PYTHON.md's tables, checked in test_columns_and_dtypes_are_as_documented).
    for frame, name in ((result.timeseries, "timeseries.csv"), (result.grids, "grids.csv")):
        floats = {c: "float64" for c, t in frame.dtypes.items() if str(t) == "float64"}
        pd.testing.assert_frame_equal(
            frame, pd.read_csv(out / name, float_precision="round_trip", dtype=floats),
            check_exact=True)
    summary = json.loads(read(out / "summary.json"))
    assert result.summary == summary
    assert result.manifest["state_hash"] == summary["state_hash"]
    costs = result.costs
    assert list(costs["level"].unique()) == ["street", "city", "community"]
    streets = costs[costs["level"] != "community"]["cost_total_cny_year"].sum()
    assert streets == pytest.approx(summary["cost_total_cny_year"], rel=1e-9)


def documented_columns(source_dir, table):
    """The column table of docs/PYTHON.md for `table` (between its marker comments)."""
    text = open(os.path.join(source_dir, "docs", "PYTHON.md"), encoding="utf-8").read()
    block = re.search(rf"<!-- columns:{table} -->(.*?)<!-- /columns:{table} -->", text, re.S)
    assert block, f"docs/PYTHON.md has no column table for {table}"
    rows = re.findall(r"^\| `([a-z0-9_]+)` \| (int64|float64|uint64|object) \|", block.group(1), re.M)
    return rows


@pytest.mark.parametrize("table", ["timeseries", "grids"])
def test_columns_and_dtypes_are_as_documented(classroom, source_dir, table):
    _, result = classroom
    frame = getattr(result, table)
    assert frame.attrs["name"] == table
    assert [(c, str(t)) for c, t in frame.dtypes.items()] == documented_columns(source_dir, table)


def test_threads_give_the_same_bits():
    one = govsim.run("classroom-town", days=100, threads=1)
    two = govsim.run("classroom-town", days=100, threads=2)
    assert one.to_csv("timeseries") == two.to_csv("timeseries")
    assert one.summary["state_hash"] == two.summary["state_hash"]
    assert one.manifest["threads"]["used"] == 1


def test_the_acceptance_one_liner(python, python_env):
    done = subprocess.run(
        [python, "-c",
         "import govsim; print(govsim.run('baseline', days=30).summary['response_time_p50_h'])"],
        capture_output=True, text=True, env=python_env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) > 0


def test_errors_map_to_exceptions():
    with pytest.raises(govsim.ScenarioError) as e:
        govsim.run("classroom-town", days=0)
    assert e.value.key == "run.days"
    with pytest.raises(govsim.ScenarioError, match="threads"):
        govsim.run("classroom-town", threads=-1)
    with pytest.raises(govsim.ScenarioError):
        govsim.run("no-such-scenario")
    with pytest.raises(TypeError):
        govsim.run(42)


def test_the_gil_is_released_during_a_run():
    """A second Python thread counts while the engine runs; with the GIL held it could not."""
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    worker = threading.Thread(target=count)
    started = time.perf_counter()
    worker.start()
    # Three years: since the residents' update became vector code one year of the baseline takes
    # about 0.3 s, too close to the bound below.
    result = govsim.run("baseline", days=3 * 365, threads=1)
    ended = time.perf_counter()
    stop.set()
    worker.join()
    during = [t for t in ticks if started + 0.05 < t < ended - 0.05]
    assert result.summary["days"] == 3 * 365
    assert ended - started > 0.3, "the run is too short to tell"
    # At one tick a millisecond, a thread shut out by the GIL would tick at most a few times.
    assert len(during) > 0.2 * (ended - started - 0.1) * 1000, (len(during), ended - started)


CTRL_C = r"""
import sys, time, govsim
print("start", flush=True)
try:
    while True:  # runs until interrupted, however fast the engine gets
        govsim.run("baseline", days=3650, threads=1)
except KeyboardInterrupt:
    print("interrupted")
    sim = govsim.Simulation("classroom-town")
    sim.step(5)
    print("usable", sim.day)
"""


def test_ctrl_c_interrupts_a_run_cleanly(python, python_env):
    child = subprocess.Popen([python, "-c", CTRL_C], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=python_env)
    assert child.stdout.readline().strip() == "start"
    time.sleep(1.5)
    sent = time.perf_counter()
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out.split() == ["interrupted", "usable", "5"], (out, err)
    assert time.perf_counter() - sent < 10
