#!/usr/bin/env python3
"""govsim.run against `govsim run`: the cost of calling the engine from Python.

Runs the baseline city for 365 days (the scenario's own length, seed 1, every core) alternately
with the CLI (`govsim run baseline --quiet --out DIR`, timed from outside: process start and the
four files included) and in this interpreter (`govsim.run("baseline")` and `Result.save(DIR)`,
the same four files; the call alone is reported too), REPEATS times each, and compares the
medians. Exits 1 when Python's median (run and save) is more than 5 % above the CLI's.
`make bench` runs it after govsim-bench:

    PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py --cli build/cli/govsim
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time

import govsim


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default="build/cli/govsim")
    parser.add_argument("--scenario", default="baseline")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--limit", type=float, default=0.05, help="allowed overhead (0.05 = 5 %%)")
    parser.add_argument("--out", help="write the figures here (JSON)")
    args = parser.parse_args()

    cli, python, call = [], [], []
    govsim.run(args.scenario, days=30)  # load the module's code and the shipped scenario once
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeats):
            started = time.perf_counter()
            subprocess.run([args.cli, "run", args.scenario, "--quiet", "--out", folder],
                           check=True)
            cli.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = govsim.run(args.scenario)
            call.append(time.perf_counter() - started)
            result.save(folder)
            python.append(time.perf_counter() - started)
    cli_median, python_median = statistics.median(cli), statistics.median(python)
    call_median = statistics.median(call)
    overhead = python_median / cli_median - 1
    figures = {"scenario": args.scenario, "days": result.summary["days"],
               "threads": result.manifest["threads"]["used"], "repeats": args.repeats,
               "cli_seconds": cli, "python_seconds": python, "python_call_seconds": call,
               "cli_median_s": cli_median, "python_median_s": python_median,
               "python_call_median_s": call_median, "overhead": overhead}
    print(f"python overhead: {args.scenario}, {figures['days']} days, "
          f"{figures['threads']} threads, {args.repeats} runs each: "
          f"govsim run {cli_median:.3f} s, govsim.run + save {python_median:.3f} s "
          f"(the call alone {call_median:.3f} s; medians), "
          f"{100 * overhead:+.1f} % ({'within' if overhead <= args.limit else 'OVER'} "
          f"{100 * args.limit:.0f} %)")
    if args.out:
        with open(args.out, "w") as f:
            json.dump(figures, f, indent=2)
            f.write("\n")
    return 0 if overhead <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
