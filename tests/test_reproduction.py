"""Reproduction: `newsstudy run` is byte-for-byte repeatable, and the committed outputs equal a fresh run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsstudy.paths import FIGURES_DIR, RESULTS_DIR


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[Path, Path]:
    """Two runs in separate processes with different hash seeds (set iteration order differs)."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path_factory.mktemp(f"run-{seed}")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "newsstudy",
                "run",
                "--out",
                str(out / "results"),
                "--figures",
                str(out / "figures"),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        outs.append(out)
    return outs[0], outs[1]


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("kind", ["results", "figures"])
def test_two_runs_give_identical_bytes(two_runs, kind):
    first, second = (files(run / kind) for run in two_runs)
    assert first, f"no {kind} written"
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{kind}/{name} differs between two runs"


@pytest.mark.parametrize(("kind", "committed"), [("results", RESULTS_DIR), ("figures", FIGURES_DIR)])
def test_committed_outputs_equal_a_fresh_run(two_runs, kind, committed):
    fresh = files(two_runs[0] / kind)
    stored = {name: data for name, data in files(committed).items() if name.endswith((".csv", ".png"))}
    assert stored.keys() == fresh.keys(), f"{committed.name}/ and a fresh run list different files"
    stale = [name for name in fresh if fresh[name] != stored[name]]
    assert not stale, f"stale committed {kind} (re-run `newsstudy run`): {', '.join(stale)}"
