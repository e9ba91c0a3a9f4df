#!/usr/bin/env python3
"""Prints the README's table of shipped designs on the baseline city.

Runs each design once (seed 1, the scenario's 365 days) with the govsim binary given as the
first argument (default build/cli/govsim) and prints one Markdown row per design from its
summary.json, in the README's columns. examples/analyse.py prints the same table from Python;
the designs and the row format are that file's.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))
from analyse import DESIGNS, HEADER, row  # noqa: E402


def main():
    govsim = sys.argv[1] if len(sys.argv) > 1 else "build/cli/govsim"
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        for name, label in DESIGNS:
            out = f"{tmp}/{name}"
            subprocess.run([govsim, "run", name, "--out", out], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(f"{out}/summary.json") as f:
                print(row(label, json.load(f)))


if __name__ == "__main__":
    main()
