"""Reproduction: `newsstudy run` is byte-for-byte repeatable, and the committed outputs equal a fresh run.

The fresh runs are the bare command in an empty folder, as a reader would type it: it writes
``./results`` and ``./figures`` there and nowhere else. ``run.json`` is compared without its timings
(the one part of a run that differs between two runs).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsstudy.paths import REPO_ROOT
from newsstudy.results import MANIFEST, read_manifest

COMMITTED = {"results": REPO_ROOT / "results", "figures": REPO_ROOT / "figures"}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[Path, Path]:
    """Two runs in separate processes with different hash seeds (set iteration order differs)."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path_factory.mktemp(f"run-{seed}")
        result = subprocess.run(
            [sys.executable, "-m", "newsstudy", "run"],
            cwd=out,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in out.iterdir()) == ["figures", "results"]
        outs.append(out)
    return outs[0], outs[1]


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST}


def manifest(folder: Path) -> dict:
    record = read_manifest(folder)
    assert set(record["timings_seconds"]) >= {"documents", "write"}
    return {key: value for key, value in record.items() if key != "timings_seconds"}


@pytest.mark.parametrize("kind", ["results", "figures"])
def test_two_runs_give_identical_bytes(two_runs, kind):
    first, second = (files(run / kind) for run in two_runs)
    assert first, f"no {kind} written"
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{kind}/{name} differs between two runs"


def test_two_runs_give_the_same_manifest_but_for_timings(two_runs):
    assert manifest(two_runs[0] / "results") == manifest(two_runs[1] / "results")


def test_the_committed_manifest_is_a_fresh_runs(two_runs):
    assert manifest(COMMITTED["results"]) == manifest(two_runs[0] / "results"), "re-run `newsstudy run`"


@pytest.mark.parametrize(("kind", "committed"), list(COMMITTED.items()))
def test_committed_outputs_equal_a_fresh_run(two_runs, kind, committed):
    fresh = files(two_runs[0] / kind)
    stored = {name: data for name, data in files(committed).items() if name.endswith((".csv", ".png"))}
    assert stored.keys() == fresh.keys(), f"{committed.name}/ and a fresh run list different files"
    stale = [name for name in fresh if fresh[name] != stored[name]]
    assert not stale, f"stale committed {kind} (re-run `newsstudy run`): {', '.join(stale)}"
