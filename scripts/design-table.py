#!/usr/bin/env python3
"""Prints the README's table of shipped designs on the baseline city.

Runs each design once (seed 1, the scenario's 365 days) with the govsim binary given as the
first argument (default build/cli/govsim) and prints one Markdown row per design from its
summary.json, in the README's columns.
"""
import json
import subprocess
import sys
import tempfile

DESIGNS = [
    ("fragmented", "fragmented (today)"),
    ("grid-one-branch", "grid, one grid one branch"),
    ("grid-multi-branch", "grid, several grids one branch"),
    ("grid-volunteers", "+ trained volunteers"),
    ("grid-mediators", "+ professional mediators"),
    ("grid-legal", "+ legal clarity"),
    ("grid-platform", "+ digital platform"),
    ("modern", "full modern design"),
]


def pct(x):
    return "n/a" if x is None or x != x else f"{100 * x:.0f} %"


def thousands(n):
    return f"{int(n):,}".replace(",", " ")


def row(label, s):
    return (
        f"| {label} | {s['disputes_per_10k_year']:.1f} | {s['reported_disputes_per_10k_year']:.1f} "
        f"| {pct(s['reported_share'])} | {s['response_time_p50_h']:.1f} / {s['response_time_p90_h']:.1f} "
        f"| {s['resolution_time_mean_h']:.1f} | {pct(s['within_deadline_share'])} "
        f"| {pct(s['overdue_share'])} | {pct(s['stayed_in_grid_share'])} | {thousands(s['bounced'])} "
        f"| {thousands(s['dropped'])} | {s['trust_mean']:.2f} | {s['gain_mean']:.2f} "
        f"| {s['happiness_mean']:.2f} | {s['security_mean']:.2f} | {s['cost_per_resident_year']:.0f} |"
    )


def main():
    govsim = sys.argv[1] if len(sys.argv) > 1 else "build/cli/govsim"
    print("| design | disputes arising /10k/yr | reported | share reported | response p50 / p90 (h) "
          "| resolution mean (h) | within deadline | overdue | small kept in grid | bounced | dropped "
          "| trust | gain | happiness | security | cost CNY/resident-yr |")
    print("|" + "---|" * 16)
    with tempfile.TemporaryDirectory() as tmp:
        for name, label in DESIGNS:
            out = f"{tmp}/{name}"
            subprocess.run([govsim, "run", name, "--out", out], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(f"{out}/summary.json") as f:
                print(row(label, json.load(f)))


if __name__ == "__main__":
    main()
