"""The notebooks as tests: nbval really compares outputs, and the HTML report renders them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from newsstudy.figures import FIGURES
from newsstudy.paths import NOTEBOOKS_DIR, REPO_ROOT
from newsstudy.report import render_report, study_notebooks

SANITIZE = REPO_ROOT / "tests" / "nbval-sanitize.cfg"


def run_nbval(notebook: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-o",
            "addopts=",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-current-env",
            f"--nbval-sanitize-with={SANITIZE}",
            str(notebook),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
        cwd=notebook.parent,
    )


def first_printed_output(notebook: nbformat.NotebookNode) -> dict:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("name") == "stdout" and "NBVAL_IGNORE_OUTPUT" not in cell.source:
                return output
    raise AssertionError("the notebook has no printed output to tamper with")


def test_every_numbered_notebook_has_stored_outputs():
    notebooks = study_notebooks()
    assert [p.name[:2] for p in notebooks] == ["00", "01", "02", "03", "04", "05"]
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        # nbval compares a cell's new outputs with the stored ones; a cell that prints or shows something
        # (display.show, plt.show)
        # but has nothing stored would be compared with nothing.
        showing = [
            c
            for c in notebook.cells
            if c.cell_type == "code" and any(call in c.source for call in ("print(", "show("))
        ]
        assert showing, f"{path.name} shows nothing"
        assert all(c.get("outputs") for c in showing), (
            f"{path.name} has a printing cell without stored output"
        )


def test_nbval_fails_when_a_stored_output_no_longer_matches(tmp_path):
    source = NOTEBOOKS_DIR / "00-overview.ipynb"  # the quickest notebook that prints the run
    honest = tmp_path / "honest" / "notebooks" / source.name
    tampered = tmp_path / "tampered" / "notebooks" / source.name
    for target in (honest, tampered):
        target.parent.mkdir(parents=True)
        shutil.copy(source, target)
        # The notebook reads the run in ../results (its RESULTS parameter).
        (target.parent.parent / "results").symlink_to(NOTEBOOKS_DIR.parent / "results")
    notebook = nbformat.read(tampered, as_version=4)
    output = first_printed_output(notebook)
    output["text"] = output["text"].replace("5 documents", "6 documents")
    assert "6 documents" in output["text"]
    nbformat.write(notebook, tampered)

    assert run_nbval(honest).returncode == 0
    result = run_nbval(tampered)
    assert result.returncode == 1
    assert "Cell outputs differ" in result.stdout and "'seeds: 6 doc" in result.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The study notebooks rendered over another corpus's run, set by their RESULTS parameter only (#17)."""
    from newsstudy.cli import main

    work = tmp_path_factory.mktemp("report")
    rows = [
        {"doc_id": "sd-1", "text": "قال المتحدث باسم الجيش السوداني إن القوات استعادت السيطرة على المدينة."},
        {"doc_id": "sd-2", "text": "أعلنت وزارة الصحة أن عدد الإصابات ارتفع خلال الأسبوع الماضي."},
        {"doc_id": "sd-3", "text": "وأضاف مسؤول في الأمم المتحدة أن المساعدات لم تصل بعد."},
    ]
    corpus = work / "sudan.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(work / "mine"), "--no-figures", "-q"]) == 0
    before = {p: p.read_bytes() for p in study_notebooks()}
    page = render_report(work / "report", results=work / "mine")
    assert {p: p.read_bytes() for p in study_notebooks()} == before, "the committed notebooks were changed"
    return page


def test_the_report_reads_the_run_it_is_given(report):
    html = report.read_text(encoding="utf-8")
    assert "3 documents, 0 problems" in html and "5 documents" not in html


def test_report_embeds_every_figure_and_no_error(report):
    html = report.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= len(FIGURES)
    for path in study_notebooks():
        assert f"<em>{path.name}</em>" in html
    assert "Traceback" not in html
    assert 'jp-OutputArea-output jp-RenderedText" data-mime-type="application/vnd.jupyter.stderr"' not in html


def test_report_opens_in_a_browser(report, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("no Chromium on this machine: the HTML report was rendered but not opened in a browser")
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,4000",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 50_000
