"""Hostile input: every stage survives it, and every input document is accounted for.

The bad-input corpus is written by the tests into ``tests/data/bad/`` (not
committed). Each file is either processed (in ``documents.csv``, its raw text
rebuilt exactly from ``lines.csv``) or reported in ``problems.csv`` with a reason.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsstudy import clean
from newsstudy.corpus import load_corpus
from newsstudy.pipeline import run_study

BAD_DIR = Path(__file__).parent / "data" / "bad"
ARABIC = "قال مسؤول أميركي كبير لرويترز إن قطر أبلغت حماس بضرورة مغادرة الدوحة خلال أيام."
BIG_LINE_MB = 8

# name -> (bytes, expected outcome: "ok" or a phrase of the problem's reason)
CASES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "whitespace.txt": (b" \n\t \r\n  ", "only whitespace"),
    "png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
    "nul.txt": (b"\x00\x01\x02binary\x00\xff" * 50, "NUL bytes"),
    "truncated.txt": ((ARABIC + "\nوأضاف").encode()[:-1], "truncated UTF-8"),
    "utf8.txt": (ARABIC.encode(), "ok"),
    "utf8-bom.txt": (ARABIC.encode("utf-8-sig"), "ok"),
    "utf16-le.txt": (b"\xff\xfe" + ARABIC.encode("utf-16-le"), "ok"),
    "utf16-be.txt": (b"\xfe\xff" + ARABIC.encode("utf-16-be"), "ok"),
    "cp1256.txt": (ARABIC.encode("cp1256"), "ok"),
    "iso8859-6.txt": ("قال مسؤول ان قطر ابلغت حماس بضرورة المغادرة".encode("iso8859_6"), "ok"),
    "page.txt": (b"<!DOCTYPE html>\n<html><body>" + ARABIC.encode() + b"</body></html>", "HTML"),
    "bidi-lines.txt": (f"{ARABIC}\n\u200f\u200e\u200f\n\u200b\u200c\u200d\n{ARABIC}".encode(), "ok"),
    "bidi-only.txt": ("\u200f\u200e\n\u2067\u2069\n\ufeff".encode(), "no visible text"),
    # Presentation forms, as old PDF extraction produces: "قال مسؤول" in isolated/final/medial glyphs.
    "presentation-forms.txt": ("ﻗﺎﻝ ﻣﺴﺆﻭﻝ ﺃﻣﻴﺮﻛﻲ ﺇﻥ ﻗﻄﺮ ﺃﺑﻠﻐﺖ ﺣﻤﺎﺱ\nﻻ ﺗﻌﻠﻴﻖ".encode(), "ok"),
    "latin-only.txt": (b"US officials said Qatar told Hamas to leave Doha.\nA second paragraph.", "ok"),
    "mixed-scripts.txt": (f"{ARABIC}\nאמר גורם ישראלי כי השיחות נתקעו. Reuters\n{ARABIC}".encode(), "ok"),
    "long-token.txt": ((ARABIC + " " + "ب" * 200_000 + " " + "x" * 100_000 + "\n" + ARABIC).encode(), "ok"),
}


@pytest.fixture(scope="module")
def bad_corpus() -> Path:
    BAD_DIR.mkdir(parents=True, exist_ok=True)
    for old in BAD_DIR.iterdir():
        old.unlink()
    for name, (data, _) in CASES.items():
        (BAD_DIR / name).write_bytes(data)
    # A single line of BIG_LINE_MB MB: real scrapes of whole sites sometimes come out like this.
    words = (ARABIC + " ").encode()
    (BAD_DIR / "huge-single-line.txt").write_bytes(words * (BIG_LINE_MB * 2**20 // len(words)))
    return BAD_DIR


@pytest.fixture(scope="module")
def bad_run(bad_corpus, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("bad-results")
    result = subprocess.run(
        [sys.executable, "-m", "newsstudy", "run", str(bad_corpus), "--out", str(out), "--no-figures"],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    return result, out


def test_the_run_finishes_without_a_traceback(bad_run):
    result, _ = bad_run
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_every_input_document_is_processed_or_reported(bad_corpus, bad_run):
    _, out = bad_run
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    problems = pd.read_csv(out / "problems.csv", dtype=str, keep_default_na=False)
    processed = set(docs["doc_id"])
    reported = {Path(p).stem for p in problems["path"]}
    every = {p.stem for p in bad_corpus.iterdir()}
    assert processed | reported == every
    assert not processed & reported
    reasons = dict(zip((Path(p).stem for p in problems["path"]), problems["reason"], strict=True))
    for name, (_, expected) in CASES.items():
        stem = Path(name).stem
        if expected == "ok":
            assert stem in processed, reasons.get(stem)
        else:
            assert expected in reasons[stem]
    assert "huge-single-line" in processed


def test_raw_text_is_rebuilt_exactly_from_the_lines_table(bad_corpus, bad_run):
    _, out = bad_run
    lines = pd.read_csv(out / "lines.csv", dtype={"text": str}, keep_default_na=False)
    docs = load_corpus(bad_corpus, on_error="report")[0].set_index("doc_id")
    for doc_id, group in lines.sort_values(["doc_id", "line"]).groupby("doc_id", sort=True):
        assert "\n".join(group["text"]) == docs.loc[doc_id, "text"], doc_id


def test_the_order_of_documents_does_not_change_any_table():
    docs = load_corpus(Path(__file__).parents[1] / "seeds")
    forward = run_study(docs)
    backward = run_study(docs.iloc[::-1].reset_index(drop=True))
    assert list(forward) == list(backward)
    for name in forward:
        pd.testing.assert_frame_equal(forward[name], backward[name], check_dtype=True, obj=name)


@pytest.mark.parametrize(
    ("call", "given", "needs"),
    [
        ("clean.label_lines", "قال مسؤول إن المحادثات توقفت.", "load_corpus"),
        ("attribution.extract", ["قال مسؤول"], "label_lines"),
        ("duplicates.reuse_passages", Path("lines.csv"), "label_lines"),
        ("pipeline.run_study", "seeds/", "load_corpus"),
    ],
)
def test_a_library_call_given_no_table_says_what_to_build(call, given, needs):
    # A notebook user passing a text, a list or a path gets a TypeError that names the table to build.
    import importlib

    module, name = call.split(".")
    function = getattr(importlib.import_module(f"newsstudy.{module}"), name)
    with pytest.raises(TypeError, match=rf"must be a pandas DataFrame, not {type(given).__name__}.*{needs}"):
        function(given)


def test_a_documents_table_without_its_columns_names_what_it_lacks():
    with pytest.raises(ValueError, match=r"lacks columns \['doc_id'\]; it has \['text'\]"):
        clean.label_lines(pd.DataFrame({"text": ["قال مسؤول"]}))
