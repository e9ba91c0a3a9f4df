"""examples/analyse.py prints the README's design table, as scripts/design-table.py does from
the CLI, character for character."""

import os
import subprocess


def test_analyse_prints_the_design_table_of_the_cli(python, python_env, source_dir):
    cli = os.environ.get("GOVSIM_CLI", os.path.join(source_dir, "build", "cli", "govsim"))
    ours = subprocess.run([python, os.path.join(source_dir, "examples", "analyse.py")],
                          capture_output=True, text=True, env=python_env, timeout=280)
    assert ours.returncode == 0, ours.stderr
    theirs = subprocess.run([python, os.path.join(source_dir, "scripts", "design-table.py"), cli],
                            capture_output=True, text=True, timeout=280)
    assert theirs.returncode == 0, theirs.stderr
    lines = ours.stdout.splitlines()
    assert len(lines) == 10 and lines[2].startswith("| fragmented (today) | ")
    assert ours.stdout == theirs.stdout
