"""Shared fixtures: the CLI next to the module, the source tree, and running the CLI."""

import os
import subprocess
import sys

import pytest

SOURCE_DIR = os.environ.get(
    "GOVSIM_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))


@pytest.fixture(scope="session")
def cli():
    """Runs `govsim ARGS...` and returns the CompletedProcess (text)."""
    path = os.environ.get("GOVSIM_CLI", os.path.join(SOURCE_DIR, "build", "cli", "govsim"))
    assert os.path.exists(path), f"the govsim CLI is not built at {path}"

    def run(*args, check=True):
        done = subprocess.run([path, *map(str, args)], capture_output=True, text=True)
        if check:
            assert done.returncode == 0, done.stderr
        return done

    return run


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture(scope="session")
def python_env():
    """The environment that imports govsim from the build tree, for child interpreters."""
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", os.path.join(SOURCE_DIR, "build", "python"))
    return env


@pytest.fixture(scope="session")
def python():
    return sys.executable
