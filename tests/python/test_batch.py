"""compare, sweep and open_results: the same tables as `govsim compare/sweep` and `export`."""

import io
import os

import pandas as pd
import pytest

import govsim

# Columns that differ between any two executions of the same run (when and where it ran).
TIMING = ["started_utc", "wall_seconds", "host"]


def export(cli, db, folder):
    cli("export", db, "--csv", folder)
    return {name: (folder / f"{name}.csv").read_text()
            for name in ("runs", "summaries", "statistics", "series")}


@pytest.fixture(scope="module")
def compared(cli, tmp_path_factory):
    """`govsim compare fragmented modern -r 3 --days 60` and the same from Python."""
    folder = tmp_path_factory.mktemp("compare")
    db = folder / "cli.db"
    cli("compare", "fragmented", "modern", "-r", "3", "--days", "60", "--db", db, "--quiet")
    files = export(cli, db, folder)
    return files, govsim.compare(["fragmented", "modern"], replications=3, days=60,
                                 db=folder / "py.db"), folder


def test_compare_tables_equal_the_clis_export_row_for_row(compared):
    files, results, _ = compared
    assert results.to_csv("summaries") == files["summaries"]
    assert results.to_csv("statistics") == files["statistics"]
    assert results.to_csv("series") == files["series"]
    mine = pd.read_csv(io.StringIO(results.to_csv("runs"))).drop(columns=TIMING)
    theirs = pd.read_csv(io.StringIO(files["runs"])).drop(columns=TIMING)
    pd.testing.assert_frame_equal(mine, theirs)


def test_compare_frames(compared):
    _, results, _ = compared
    s = results.summaries
    assert list(s.columns) == ["run_key", "design", "label", "replication", "seed", "metric",
                               "value"]
    assert str(s["value"].dtype) == "float64"
    assert set(s["label"]) == {"fragmented", "modern"}
    assert sorted(set(s["replication"])) == [1, 2, 3]
    wide = results.summary_table()
    assert len(wide) == 6
    assert wide["response_time_p50_h"].dtype == "float64"
    assert wide["state_hash"].str.fullmatch("[0-9a-f]{16}").all()
    stats = results.statistics
    row = stats[(stats["label"] == "modern") & (stats["metric"] == "response_time_p50_h")]
    assert row["n"].item() == 3
    assert row["mean"].item() == pytest.approx(
        wide.loc[wide["label"] == "modern", "response_time_p50_h"].mean(), rel=1e-12)


def test_the_python_store_is_the_clis(compared, cli, tmp_path):
    files, results, folder = compared
    again = export(cli, folder / "py.db", tmp_path)
    assert again["summaries"] == files["summaries"]
    opened = govsim.open_results(folder / "cli.db")
    pd.testing.assert_frame_equal(opened.summaries, results.summaries)
    pd.testing.assert_frame_equal(opened.statistics, results.statistics)


def test_sweep_equals_the_clis(cli, tmp_path):
    db = tmp_path / "cli.db"
    cli("sweep", "classroom-town", "--vary", "governance.platform.level=0,0.8",
        "--vary", "governance.volunteers.per_1k=2:4:2", "-r", "2", "--days", "100", "--db", db,
        "--quiet")
    files = export(cli, db, tmp_path)
    results = govsim.sweep("classroom-town",
                           {"governance.platform.level": [0, 0.8],
                            "governance.volunteers.per_1k": "2:4:2"},
                           replications=2, days=100)
    assert results.to_csv("summaries") == files["summaries"]
    assert results.to_csv("statistics") == files["statistics"]
    runs = results.runs
    assert "governance.platform.level" in runs.columns
    assert len(runs) == 8


def test_batch_errors():
    with pytest.raises(govsim.ScenarioError):
        govsim.compare(["fragmented", "modren"], replications=2, days=20)
    with pytest.raises(govsim.ScenarioError, match="replications"):
        govsim.compare(["fragmented"], replications=0, days=20)
    with pytest.raises(govsim.ScenarioError):
        govsim.open_results("/nonexistent/store.db")


def test_seek_equals_the_clis(cli, tmp_path):
    """The same search, the same path and answer: seek.csv and every table, as the CLI's."""
    over = "governance.staffing.street_officials_per_10k=5:25:5"
    db = tmp_path / "cli.db"
    done = cli("seek", "classroom-town", "--target", "response_time_p90_h<=23", "--over", over,
               "-r", "3", "--days", "100", "--db", db)
    files = export(cli, db, tmp_path)
    files["seek"] = (tmp_path / "seek.csv").read_text()
    results = govsim.seek("classroom-town", {"governance.staffing.street_officials_per_10k":
                                             "5:25:5"},
                          "response_time_p90_h<=23", replications=3, days=100)
    for table in ("seek", "summaries", "statistics"):
        assert results.to_csv(table) == files[table], table
    answer = results.answer
    assert answer is not None
    assert f"answer: {answer['label']}" in done.stdout
    assert answer["feasible"] == 1 and answer["bound"] <= 23
    path = results.seek
    assert list(path["step"]) == list(range(1, len(path) + 1))
    assert path["governance.staffing.street_officials_per_10k"].dtype == object
    assert govsim.open_results(db).answer == answer


def test_seek_within_a_budget_equals_the_clis(cli, tmp_path):
    """`seek --budget ... --maximize ...` from Python: the CLI's path, answer and mode."""
    over = "governance.staffing.street_officials_per_10k=5:25:10"
    budget = "cost_total_cny_year<=1e12"
    db = tmp_path / "cli.db"
    done = cli("seek", "classroom-town", "--budget", budget, "--maximize", "trust_mean", "--over",
               over, "-r", "2", "--days", "100", "--db", db)
    assert "within the budget" in done.stdout
    cli("export", db, "--csv", tmp_path)
    results = govsim.seek("classroom-town", {"governance.staffing.street_officials_per_10k":
                                             "5:25:10"},
                          budget=budget, maximize="trust_mean", replications=2, days=100)
    assert results.to_csv("seek") == (tmp_path / "seek.csv").read_text()
    path = results.seek
    assert (path["mode"] == "budget").all() and (path["maximize"] == 1).all()
    assert (path["minimize"] == "trust_mean").all()
    answer = results.answer
    assert answer is not None
    assert answer["cost_mean"] == path[path["feasible"] == 1]["cost_mean"].max()
    assert f"answer: {answer['label']}" in done.stdout


def test_seek_errors():
    with pytest.raises(govsim.ScenarioError, match="at least 2 replications"):
        govsim.seek("classroom-town", {"governance.platform.level": [0, 1]},
                    "response_time_p90_h<=23", replications=1, days=100)
    with pytest.raises(govsim.ScenarioError, match="confidence"):
        govsim.seek("classroom-town", {"governance.platform.level": [0, 1]},
                    "response_time_p90_h<=23", confidence=0.3, days=100)
    with pytest.raises(govsim.ScenarioError):
        govsim.seek("classroom-town", {"governance.platform.level": [0, 1]},
                    "response_tim_p90_h<=23", days=100)
    with pytest.raises(govsim.ScenarioError, match="a budget is an upper limit"):
        govsim.seek("classroom-town", {"governance.platform.level": [0, 1]},
                    budget="cost_total_cny_year>=1e7", maximize="trust_mean", days=100)
    with pytest.raises(ValueError, match="not both"):
        govsim.seek("classroom-town", {"governance.platform.level": [0, 1]},
                    "response_time_p90_h<=23", budget="cost_total_cny_year<=1e7", days=100)


CTRL_C_BATCH = r"""
import sys, govsim
db = sys.argv[1]
print("start", flush=True)
try:
    govsim.compare(["fragmented", "modern"], replications=40, days=60, db=db, jobs=1)
    print("finished")
except KeyboardInterrupt:
    done = govsim.open_results(db).runs
    print("interrupted", len(done), (done["status"] == "done").all())
"""


def test_ctrl_c_interrupts_an_experiment_and_resume_finishes_it(python, python_env, tmp_path):
    import signal
    import subprocess
    import time

    db = tmp_path / "stopped.db"
    child = subprocess.Popen([python, "-c", CTRL_C_BATCH, str(db)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=python_env)
    assert child.stdout.readline().strip() == "start"
    time.sleep(3)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    words = out.split()
    assert words[0] == "interrupted", (out, err)
    kept = int(words[1])
    assert 0 < kept < 80 and words[2] == "True"
    resumed = govsim.compare(["fragmented", "modern"], replications=40, days=60, db=db,
                             resume=True)
    assert len(resumed.runs) == 80
