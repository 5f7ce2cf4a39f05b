"""Execute the notebooks in notebooks/extra/ with nbval when the data they need is present.

They are outside the default ``pytest --nbval`` run (pyproject's ``norecursedirs``)
because they need the ANT corpus (``../shared/corpora/``), which is not in the
repository. This test runs ``pytest --nbval`` on them in a subprocess, so the
outputs saved in the notebook are compared as in the default run.

The notebooks are executed (``jupyter nbconvert --to notebook --execute --inplace
notebooks/extra/at-scale.ipynb``) and checked with whatever string-hash seed
Python picks: no count may depend on set iteration order, at any corpus size.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from newsstudy import clean, results
from newsstudy.paths import ANT_CORPUS, NOTEBOOKS_DIR, REPO_ROOT

EXTRA = NOTEBOOKS_DIR / "extra"
# (notebook, seconds one cell may take)
NOTEBOOKS = [("at-scale.ipynb", 1200), ("topics-ant.ipynb", 600)]

needs_ant = pytest.mark.skipif(
    not ANT_CORPUS.exists(),
    reason=f"notebooks/extra/ not run: they need the ANT corpus at {ANT_CORPUS} (absent)",
)


def _run_with_nbval(name: str, cell_timeout: int) -> None:
    pytest.importorskip("nbval", reason="nbval is not installed (pip install newsstudy[test])")
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
            "--nbval-current-env", "--nbval-sanitize-with", str(REPO_ROOT / "tests" / "nbval-sanitize.cfg"),
            "--override-ini", "addopts=", "--nbval-cell-timeout", str(cell_timeout), str(EXTRA / name),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


# One class per notebook: pytest-xdist (--dist loadscope) keeps a class on one worker, so the two
# notebooks run on two workers at once, and the check of the at-scale run follows its notebook.
@pytest.mark.slow
@pytest.mark.corpus
@needs_ant
class TestAtScale:
    def test_notebook_runs_with_nbval(self) -> None:
        _run_with_nbval(*NOTEBOOKS[0])

    def test_every_ant_article_is_in_the_run_and_rebuilt_exactly(self) -> None:
        """All 31,525 ANT articles of the run the notebook just made: each is a document or a problem,
        and each document's raw text comes back byte for byte from ``lines.csv`` alone (its SHA-256)."""
        run = EXTRA / "at-scale-results"
        if not (run / "run.json").exists():
            pytest.skip("the at-scale notebook's run is not there (the notebook runs just before)")
        manifest = results.read_manifest(run)
        assert [f["sha256"] for f in manifest["input"]["files"]] == [results.file_digest(ANT_CORPUS)], (
            "another corpus"
        )
        with gzip.open(ANT_CORPUS, "rb") as handle:
            records = sum(1 for line in handle if line.strip())
        documents = results.read_table(run, "documents")
        problems = results.read_table(run, "problems")
        assert len(documents) + len(problems) == records
        assert documents["doc_id"].is_unique
        rebuilt = clean.rebuilds_raw(results.read_table(run, "lines"), documents)
        wrong = rebuilt[rebuilt.ne(True)]  # not rebuilt, or no raw text to compare with
        assert wrong.empty, wrong.index[:5].tolist()


@pytest.mark.slow
@pytest.mark.corpus
@needs_ant
class TestTopicsAnt:
    def test_notebook_runs_with_nbval(self) -> None:
        _run_with_nbval(*NOTEBOOKS[1])


@pytest.mark.parametrize("name", [n for n, _ in NOTEBOOKS])
def test_extra_notebook_is_saved_with_outputs_and_cites_the_corpus(name: str) -> None:
    cells = json.loads((EXTRA / name).read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code and all(c.get("execution_count") for c in code), "execute it with jupyter nbconvert --execute"
    assert "10.1007/s13369-020-05258-z" in "".join("".join(c["source"]) for c in cells)
