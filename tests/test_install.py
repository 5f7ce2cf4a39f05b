"""A built package (a wheel, as ``pip install .`` makes it) runs the bundled study from any folder.

Issue #17: the seeds, notebooks and gold ship inside the package; ``newsstudy run`` with no
argument, in an empty folder, writes ``./results`` and ``./figures`` there (the same bytes as the
committed study) and nothing into the package; a researcher's 3-document corpus runs the same way.
The wheel is installed with ``--target`` beside this environment's dependencies, so the test needs
no download beyond what ``pip wheel`` builds with.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsstudy.paths import REPO_ROOT

_NOT_SOURCES = (
    ".*", "build", "dist", "*.egg-info", "__pycache__", "results", "figures", "report", "at-scale-results",
)  # fmt: skip


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    # Built from a copy of the sources: an in-tree build would leave build/ in the checkout, and its
    # stale files would end up in later wheels.
    source = work / "source"
    shutil.copytree(REPO_ROOT, source, ignore=shutil.ignore_patterns(*_NOT_SOURCES))
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if build.returncode != 0 and "Could not find a version" in build.stderr:
        pytest.skip(
            f"cannot build a wheel here (no package index for the build backend): {build.stderr[-300:]}"
        )
    assert build.returncode == 0, build.stderr
    (wheel,) = (work / "dist").glob("newsstudy-*.whl")
    site = work / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    return site


def _newsstudy(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "newsstudy", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_wheel_carries_the_bundled_study(installed):
    bundle = installed / "newsstudy" / "bundle"
    assert sorted(p.name for p in (bundle / "seeds").glob("*.txt")) == sorted(
        p.name for p in (REPO_ROOT / "seeds").glob("*.txt")
    )
    assert sorted(p.name for p in (bundle / "notebooks").glob("*.ipynb")) == sorted(
        p.name for p in (REPO_ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")
    )
    probe = subprocess.run(
        [sys.executable, "-c", "import newsstudy.paths as p; print(p.SEEDS_DIR, p.in_checkout())"],
        cwd=installed.parent,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
    )
    assert probe.stdout.split() == [str(bundle / "seeds"), "False"]


def test_a_bare_run_in_an_empty_folder_writes_the_committed_study_there_only(installed, tmp_path):
    package = _tree(installed)
    result = _newsstudy(installed, tmp_path, "run", "-q")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures", "results"]
    for kind, pattern in (("results", "*.csv"), ("figures", "*.png")):
        committed = {p.name: p.read_bytes() for p in (REPO_ROOT / kind).glob(pattern)}
        fresh = {p.name: p.read_bytes() for p in (tmp_path / kind).glob(pattern)}
        assert fresh == committed, f"{kind} of the installed package differ from the committed ones"
    assert _tree(installed) == package, "the run wrote into the installed package"


def test_a_three_document_corpus_from_an_empty_folder(installed, tmp_path):
    rows = [
        {"doc_id": "a", "text": "قال وزير الخارجية إن الخطة جاهزة للتنفيذ قبل نهاية العام."},
        {"doc_id": "b", "text": "أعلن المتحدث باسم الحكومة أن الاجتماع انتهى دون اتفاق."},
        {"doc_id": "c", "text": "نص ثالث قصير."},
    ]
    (tmp_path / "three.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    package = _tree(installed)
    result = _newsstudy(installed, tmp_path, "run", "three.jsonl", "--out", "mine")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "three.jsonl"]
    assert (tmp_path / "mine" / "run.json").is_file() and len(
        list((tmp_path / "mine" / "figures").glob("*.png"))
    )
    assert json.loads((tmp_path / "mine" / "run.json").read_text())["counts"]["documents"] == 3
    assert _tree(installed) == package
