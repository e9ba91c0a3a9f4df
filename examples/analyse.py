#!/usr/bin/env python3
"""The README's table of shipped designs on the baseline city, from Python.

Runs the eight designs once each (seed 1, the scenario's 365 days) in one call of
govsim.compare, whose runs go in parallel over every core, and prints one Markdown row per design
from the summary table, in the README's columns. scripts/design-table.py prints the same table
from the govsim command; tests/python/test_examples.py checks that the two agree.

    PYTHONPATH=build/python python3 examples/analyse.py
"""

import sys

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

HEADER = ("| design | disputes arising /10k/yr | reported | share reported | response p50 / p90 (h) "
          "| resolution mean (h) | within deadline | overdue | small kept in grid | bounced | dropped "
          "| trust | gain | happiness | security | cost CNY/resident-yr |\n" + "|" + "---|" * 16)


def pct(x):
    return "n/a" if x is None or x != x else f"{100 * x:.0f} %"


def thousands(n):
    return f"{int(n):,}".replace(",", " ")


def row(label, s):
    """One Markdown row from a run's summary (a dict or a pandas row of summary figures)."""
    return (
        f"| {label} | {s['disputes_per_10k_year']:.1f} | {s['reported_disputes_per_10k_year']:.1f} "
        f"| {pct(s['reported_share'])} | {s['response_time_p50_h']:.1f} / {s['response_time_p90_h']:.1f} "
        f"| {s['resolution_time_mean_h']:.1f} | {pct(s['within_deadline_share'])} "
        f"| {pct(s['overdue_share'])} | {pct(s['stayed_in_grid_share'])} | {thousands(s['bounced'])} "
        f"| {thousands(s['dropped'])} | {s['trust_mean']:.2f} | {s['gain_mean']:.2f} "
        f"| {s['happiness_mean']:.2f} | {s['security_mean']:.2f} | {s['cost_per_resident_year']:.0f} |"
    )


def main():
    import govsim

    results = govsim.compare([name for name, _ in DESIGNS], replications=1, seed=1,
                             series=False)
    table = results.summary_table().set_index("label")  # one row per design: one replication
    print(HEADER)
    for name, label in DESIGNS:
        print(row(label, table.loc[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
