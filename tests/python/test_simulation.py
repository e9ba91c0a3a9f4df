"""govsim.Simulation: step-wise runs, a change taking effect the next day, observe()."""

import numpy as np
import pandas as pd
import pytest

import govsim


def test_steps_add_up_to_a_run():
    sim = govsim.Simulation("classroom-town", days=100, seed=3)
    assert sim.day == 0 and not sim.done
    assert sim.step(25) == 25
    assert sim.day == 25
    assert sim.step(100) == 75  # stops at the end of the run
    assert sim.done
    whole = govsim.run("classroom-town", days=100, seed=3)
    assert sim.result().to_csv("timeseries") == whole.to_csv("timeseries")
    assert sim.result().summary == whole.summary


def test_set_takes_effect_the_next_day_as_a_scheduled_change():
    """classroom-town switches the platform on at day 90 through `changes:`; the same switch
    made by hand after 90 days gives the same run, bit for bit."""
    scheduled = govsim.run("classroom-town", days=120)
    doc = govsim.Scenario.load("classroom-town").to_dict()
    doc["changes"] = []
    doc.pop("name")
    by_hand = govsim.Simulation(govsim.Scenario.from_dict(doc), days=120)
    by_hand.step(90)
    assert by_hand.governance["platform"]["level"] == 0.0
    by_hand.set("platform.level", 0.8)
    assert by_hand.governance["platform"]["level"] == 0.0  # not before the next day
    by_hand.step(1)
    assert by_hand.governance["platform"]["level"] == 0.8
    by_hand.run_to_end()
    ts = by_hand.timeseries
    assert ts.loc[ts["policy_change"] == 1, "day"].tolist() == [90]  # the 91st day (from 0)
    mine, theirs = by_hand.result().summary, scheduled.summary
    assert mine["state_hash"] == theirs["state_hash"]
    pd.testing.assert_frame_equal(by_hand.timeseries, scheduled.timeseries, check_exact=True)


def test_set_validates_like_a_change():
    sim = govsim.Simulation("classroom-town", days=100)
    with pytest.raises(govsim.ScenarioError) as e:
        sim.set("platform.level", 3)
    assert "platform.level" in str(e.value)
    with pytest.raises(govsim.ScenarioError):
        sim.set("platform.nope", 1)
    with pytest.raises(govsim.ScenarioError):
        sim.set("platform.level: 1\n  x", 1)
    sim.set("governance.platform.level", 0.5)  # the full key works too
    sim.step(1)
    assert sim.governance["platform"]["level"] == 0.5


def test_observe():
    sim = govsim.Simulation("classroom-town", days=100)
    empty = sim.observe()
    assert empty["day"] == 0 and empty["today"] == {}
    sim.step(12)
    seen = sim.observe()
    assert seen["day"] == 12
    assert seen["today"]["day"] == sim.timeseries["day"].iloc[-1]
    assert seen["today"]["backlog"] == sim.timeseries["backlog"].iloc[-1]
    grids = seen["grids"]
    assert isinstance(grids["trust_mean"], np.ndarray)
    assert len(grids["grid"]) == 20
    assert seen["governance"]["structure"] == "fragmented"
