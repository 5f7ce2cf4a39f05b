"""Hostile input to the loader: no row is lost, nothing tracebacks, memory and time stay bounded.

Every input document ends in the documents table or in the problems table (``path``,
``reason``), with a reason that names the line, item or row. Each fixture is written
by its test.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsstudy.corpus import load_corpus

ARTICLE = "قال مسؤول أميركي إن قطر أبلغت حماس بضرورة إغلاق مكتبها."
MIB = 2**20


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def load(path: Path, **kwargs) -> tuple[list[str], list[tuple[str, str]]]:
    """Document ids and problem rows ``(path, reason)`` of a corpus, in report mode."""
    docs, problems = load_corpus(path, on_error="report", **kwargs)
    return docs["doc_id"].tolist(), list(problems.itertuples(index=False, name=None))


def assert_problems(problems: list[tuple[str, str]], *expected: tuple[Path, str]) -> None:
    """One problem per expected ``(path, reason substring)``, in order."""
    assert len(problems) == len(expected), problems
    for (path, reason), (want_path, want_reason) in zip(problems, expected, strict=True):
        assert path == str(want_path)
        assert want_reason in reason, reason


# --- 0. the encoding sniffed from the first megabyte --------------------------------------------------


def test_utf8_with_a_bad_byte_is_a_problem_never_read_as_a_code_page(tmp_path):
    path = write(tmp_path / "t.txt", "قال\n".encode() + b"\xff")  # was read as Windows-1256 mojibake
    ids, problems = load(path)
    assert ids == []
    assert_problems(problems, (path, "byte 7 (0xff) on line 2 is not valid UTF-8, and other lines are UTF-8"))


def test_a_minified_json_array_whose_first_megabyte_ends_inside_a_character(tmp_path):
    for pad in range(2):  # one of the two puts byte 2**20 inside a two-byte letter
        items = [{"doc_id": "p", "text": "x" * (pad + 1)}] + [
            {"doc_id": f"d{i}", "text": "ب" * 1000} for i in range(1100)
        ]
        data = json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()
        ids, problems = load(write(tmp_path / f"c{pad}.json", data))
        assert len(ids) == 1101 and problems == []


def test_utf16_json_lines_without_a_bom_over_a_megabyte(tmp_path):
    text = "".join(
        json.dumps({"doc_id": f"u{i}", "text": ARTICLE}, ensure_ascii=False) + "\n" for i in range(9000)
    )
    assert len(text.encode("utf-16-le")) > MIB
    docs = load_corpus(write(tmp_path / "u.jsonl", text.encode("utf-16-le")))
    assert len(docs) == 9000 and set(docs["encoding"]) == {"utf-16-le"}
