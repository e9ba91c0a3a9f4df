"""Scenario: loading, changes, the schema, YAML round trips, and errors as the CLI reports them."""

import os

import pandas as pd
import pytest

import govsim


def test_load_shipped_and_baseline():
    modern = govsim.Scenario.load("modern")
    assert modern.name == "modern"
    assert modern.days == 365
    assert govsim.Scenario.load().name == "baseline"
    assert "modern" in govsim.scenarios().index


def test_set_returns_a_validated_copy():
    base = govsim.Scenario.load("modern")
    changed = base.set("governance.platform.level", 0.25).set("run.days", 40)
    assert changed.get("governance.platform.level") == 0.25
    assert changed.days == 40
    assert base.days == 365 and base.get("governance.platform.level") != 0.25
    assert changed.hash != base.hash
    assert changed.overrides == ["governance.platform.level=0.25", "run.days=40"]


def test_set_errors_name_the_key_as_the_cli_does(cli):
    with pytest.raises(govsim.ScenarioError) as e:
        govsim.Scenario.load("modern").set("governance.platform.levle", 0.5)
    err = e.value
    assert isinstance(err, ValueError)
    assert err.key == "governance.platform.levle"
    assert err.file == "<command line>"
    cli_err = cli("check", "modern", "--set", "governance.platform.levle=0.5", check=False)
    assert cli_err.returncode == 2
    assert cli_err.stderr.strip() == "govsim: error: " + str(err)
    with pytest.raises(govsim.ScenarioError) as e:
        govsim.Scenario.load("modern").set("governance.platform.level", 7)
    assert e.value.key == "governance.platform.level"
    assert "[0, 1]" in str(e.value) or "1" in e.value.problem


def test_file_errors_carry_file_line_column_and_key(tmp_path, cli):
    path = tmp_path / "bad.yaml"
    path.write_text("extends: baseline\nrun:\n  days: 30\n  warmup_days: -4\n")
    with pytest.raises(govsim.ScenarioError) as e:
        govsim.Scenario.from_yaml(path)
    err = e.value
    assert err.file == str(path)
    assert (err.line, err.column) == (4, 16)
    assert err.key == "run.warmup_days"
    cli_err = cli("check", path, check=False)
    assert cli_err.returncode == 2
    assert cli_err.stderr.strip() == "govsim: error: " + str(err)


def test_unknown_scenario():
    with pytest.raises(govsim.ScenarioError, match="unknown scenario|no such"):
        govsim.Scenario.load("modren")


def test_from_dict_and_its_errors():
    s = govsim.Scenario.from_dict({"extends": "modern", "run": {"days": 50}})
    assert s.days == 50 and s.source == "<dict>"
    assert s.hash == govsim.Scenario.load("modern").set("run.days", 50).hash
    with pytest.raises(govsim.ScenarioError) as e:
        govsim.Scenario.from_dict({"extends": "modern", "run": {"dayz": 50}})
    assert e.value.file == "<dict>"
    assert e.value.key == "run.dayz"
    assert e.value.line is not None


@pytest.mark.parametrize("name", ["classroom-town", "modern", "baseline"])
def test_to_yaml_loads_back_to_the_same_scenario(name, tmp_path):
    s = govsim.Scenario.load(name).set("run.seed", 9)
    path = tmp_path / "again.yaml"
    path.write_text(s.to_yaml())
    again = govsim.Scenario.from_yaml(path)
    assert again.hash == s.hash
    assert again.to_dict()["changes"] == s.to_dict()["changes"]


def test_keys_are_the_schema(cli):
    keys = govsim.Scenario.keys()
    assert isinstance(keys, pd.DataFrame)
    assert list(keys.columns) == ["type", "default", "range", "unit", "doc", "source"]
    level = keys.loc["governance.platform.level"]
    assert level["type"] == "number"
    assert level["range"] == "[0, 1]"
    assert keys.loc["run.days", "type"] == "integer"
    # The same keys as `govsim keys`.
    listed = cli("keys").stdout
    for key in ("governance.platform.level", "run.days", "city.residents"):
        assert key in listed
    assert len(keys) > 100
