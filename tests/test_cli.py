"""The ``newsstudy`` command: tables written, problems reported, exit codes, never a traceback."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsstudy.cli import main
from newsstudy.paths import SEEDS_DIR


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsstudy", *args], capture_output=True, text=True, check=False, timeout=600
    )


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("results")
    assert main(["run", str(SEEDS_DIR), "--out", str(out), "--figures", str(out / "figures")]) == 0
    return out


def test_documents_csv_has_one_row_per_seed_with_matching_hashes(seed_run):
    docs = pd.read_csv(seed_run / "documents.csv", dtype=str, keep_default_na=False)
    assert len(docs) == 5
    for row in docs.itertuples():
        assert row.sha256 == hashlib.sha256((SEEDS_DIR / f"{row.doc_id}.txt").read_bytes()).hexdigest()
        assert row.path == f"seeds/{row.doc_id}.txt"
    problems = pd.read_csv(seed_run / "problems.csv", dtype=str)
    assert list(problems.columns) == ["path", "reason"]
    assert problems.empty


def test_a_bad_file_is_reported_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("قال مسؤول إن المحادثات توقفت.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run_cli("run", str(corpus), "--out", str(out), "--no-figures")
    assert result.returncode == 0, result.stderr
    assert "warning: skipped" in result.stderr and "empty.txt: empty file" in result.stderr
    assert "Traceback" not in result.stderr
    docs = pd.read_csv(out / "documents.csv", dtype=str)
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    assert docs["doc_id"].tolist() == ["good"]
    assert problems["reason"].tolist() == ["empty file (0 bytes)"]


def test_files_of_a_folder_that_are_not_documents_are_named_not_lost_unseen(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("قال مسؤول إن المحادثات توقفت.", encoding="utf-8")
    (corpus / "feed.jsonl").write_text('{"id": "x", "text": "نص"}\n', encoding="utf-8")
    (corpus / "README.md").write_text("notes", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("run", str(corpus), "--out", str(out), "--no-figures")
    assert result.returncode == 0, result.stderr
    assert "not read: 1 file is neither text nor a table" in result.stderr and "README.md" in result.stderr
    docs = pd.read_csv(out / "documents.csv", dtype=str)
    assert docs["doc_id"].tolist() == ["feed/x", "good"]
    source = json.loads((out / "run.json").read_text(encoding="utf-8"))["input"]
    assert source["n_files"] == 2 and source["n_not_read"] == 1
    assert [Path(p).name for p in source["not_read"]] == ["README.md"]


def test_strict_stops_at_the_first_problem_with_exit_code_2(tmp_path):
    (tmp_path / "good.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_cli("run", str(tmp_path), "--out", str(tmp_path / "o"), "--strict", "--no-figures")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"newsstudy: error: {tmp_path / 'bad.txt'}: binary file: looks like a PNG image, not text"
    ]


@pytest.mark.parametrize("kind", ["missing", "no-readable-document"])
def test_unusable_corpus_is_exit_code_2_with_one_line(tmp_path, kind):
    if kind == "missing":
        target = tmp_path / "nope"
    else:
        target = tmp_path
        (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("run", str(target), "--out", str(tmp_path / "o"), "--no-figures")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"newsstudy: error: {target}")


def test_a_corpus_of_only_problems_says_what_they_are(tmp_path):
    """No document at all: the error gives the reasons, not only 'no readable document'."""
    table = tmp_path / "articles.csv"
    table.write_text("id,body\n1,قال مسؤول إن المحادثات توقفت.\n", encoding="utf-8")
    result = run_cli("run", str(table), "--out", str(tmp_path / "o"), "--no-figures", "-q")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"newsstudy: error: {table}: no readable document: no text column 'text'; the columns are id, body; "
        "to read 'body': --text-column body (text_column='body')"
    ]


def test_a_semicolon_csv_of_one_article_runs_with_its_figures_and_says_nothing_with_q(tmp_path):
    """A spreadsheet export in a ';' locale is read; one document draws every figure without a warning."""
    table = tmp_path / "export.csv"
    article = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل."
    table.write_text(f"doc_id;text\n1;{article}\n", encoding="utf-8")
    result = run_cli("run", str(table), "--out", str(tmp_path / "o"), "-q")
    assert result.returncode == 0 and result.stderr == ""
    assert pd.read_csv(tmp_path / "o" / "documents.csv")["doc_id"].tolist() == [1]
    assert (tmp_path / "o" / "figures" / "duplication-heatmap.png").exists()


def test_help_reads_well():
    result = run_cli("run", "--help")
    assert result.returncode == 0
    for word in ("CORPUS", "--out", "--strict", "problems.csv", "seeds/"):
        assert word in result.stdout


def test_a_study_file_sets_the_reported_categories(tmp_path: Path) -> None:
    study = tmp_path / "mine.toml"
    study.write_text('[affiliations]\n"Washington" = ["US"]\n', encoding="utf-8")
    out = tmp_path / "out"
    code = main(["run", str(SEEDS_DIR), "--out", str(out), "--no-figures", "--study", str(study)])
    assert code == 0
    found = pd.read_csv(out / "attributions.csv")
    assert set(found["affiliation"]) <= {"Washington", "other", "unknown"}
    assert (found["affiliation"] == "Washington").sum() == (found["affiliation_entity"] == "US").sum() > 0


def test_a_bad_study_file_is_a_clear_error_before_any_work(tmp_path: Path) -> None:
    study = tmp_path / "broken.toml"
    study.write_text("[affiliations\n", encoding="utf-8")
    result = run_cli("run", str(SEEDS_DIR), "--out", str(tmp_path / "out"), "--study", str(study))
    assert result.returncode == 2
    assert "broken.toml" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_outlet_and_date_columns_name_the_views(tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "site": ["S1", "S2"],
            "when": ["2024-05-02", "2024-06-30"],
            "text": ["قال مسؤول إن المحادثات توقفت.", "أعلنت الوزارة أن الاجتماع تأجل."],
        }
    ).to_csv(corpus, index=False)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--no-figures", "-q",
                 "--outlet-column", "site", "--date-column", "when"]) == 0  # fmt: skip
    view = pd.read_csv(out / "outlet_anonymous.csv")
    assert view[["outlet", "month", "documents"]].to_numpy().tolist() == [
        ["S1", "2024-05", 1],
        ["S2", "2024-06", 1],
    ]
    result = run_cli(
        "run", str(corpus), "--out", str(tmp_path / "o2"), "--outlet-column", "nope", "--no-figures"
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "c.csv: no outlet column 'nope'" in result.stderr and "site" in result.stderr
    assert "sha256" not in result.stderr  # the corpus's own fields, not the loader's
    assert not (tmp_path / "o2").exists()


@pytest.mark.parametrize("quiet", [False, True])
def test_the_librarys_topic_warning_is_one_line_of_the_command(monkeypatch, capsys, quiet):
    import argparse
    import warnings

    from newsstudy import cli
    from newsstudy.topics import TopicsWarning

    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)  # restored after the test
    cli._show_study_warnings(cli._Console(argparse.Namespace(quiet=quiet, verbose=False)))
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("the topic model stopped early", TopicsWarning, stacklevel=1)
    err = capsys.readouterr().err
    assert err == ("" if quiet else "newsstudy: warning: the topic model stopped early\n")
