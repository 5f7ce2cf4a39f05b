"""Hostile input to the loader: no row is lost, nothing tracebacks, memory and time stay bounded.

Every input document ends in the documents table or in the problems table (``path``,
``reason``), with a reason that names the line, item or row. Each fixture is written
by its test.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsstudy import corpus
from newsstudy.corpus import MAX_DOCUMENT_BYTES, load_corpus, skipped_files
from newsstudy.errors import CorpusError

ARTICLE = "قال مسؤول أميركي إن قطر أبلغت حماس بضرورة إغلاق مكتبها."
LIMIT = "over the 50 MiB document size limit"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


def record(doc_id: str, text: str = ARTICLE) -> bytes:
    return json.dumps({"doc_id": doc_id, "text": text}, ensure_ascii=False).encode() + b"\n"


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


def gzip_stream(*parts: bytes | tuple[bytes, int]) -> bytes:
    """Gzip data given as parts, a ``(block, times)`` part repeated without being built in memory."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    out = io.BytesIO()
    for part in parts:
        block, times = part if isinstance(part, tuple) else (part, 1)
        for _ in range(times):
            out.write(compressor.compress(block))
    out.write(compressor.flush())
    return out.getvalue()


MIB = 2**20
OVER_LIMIT = (b"x" * MIB, MAX_DOCUMENT_BYTES // MIB + 1)  # a gzip_stream part just over the limit


def finishes(function, seconds: float = 20):
    """Run ``function`` in a thread; fail (rather than hang the suite) if it has not returned in time."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(_outcome(function)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"still running after {seconds} s"
    if isinstance(result[0], BaseException):
        raise result[0]
    return result[0]


def _outcome(function):
    try:
        return function()
    except BaseException as exc:  # handed to the test's thread
        return exc


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


# --- 1. a bad row is its own problem, the rows after it are read -------------------------------------


def test_a_bad_json_line_is_one_problem_and_the_lines_after_it_are_read(tmp_path):
    path = write(tmp_path / "c.jsonl", record("a") + b"{bad\n" + record("c"))
    ids, problems = load(path)
    assert ids == ["a", "c"]
    assert_problems(problems, (path, "line 2: not valid JSON (Expecting property name"))


BAD_LINES = [
    (b"[1, 2]", "not a JSON object but an array"),
    (b'"text"', "not a JSON object but a string"),
    (b"null", "not a JSON object but null"),
    (b"1" * 5000, "not valid JSON (Exceeds the limit (4300 digits)"),
    (b"[" * 100_000, "not valid JSON (maximum recursion depth exceeded"),
    ('{"text": "نص"'.encode(), "not valid JSON (Expecting ',' delimiter at column 14)"),
    (b'{"doc_id": "x", "text": "\xff\xfe"}', "undecodable bytes (byte 25 of the line is not valid utf-8)"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_LINES, ids=[r for _, r in BAD_LINES])
def test_each_kind_of_bad_json_line_is_a_problem_naming_its_line(tmp_path, line, reason):
    path = write(tmp_path / "c.jsonl", record("a") + b"\n" + line + b"\n" + record("c"))
    ids, problems = load(path)
    assert ids == ["a", "c"]
    assert_problems(problems, (path, f"line 3: {reason}"))


def test_the_row_number_and_default_id_count_bad_lines_too(tmp_path):
    path = write(tmp_path / "news.jsonl", jsonl({"text": "أ"}) + b"{bad\n" + jsonl({"text": "ب"}))
    docs, _ = load_corpus(path, on_error="report")
    assert docs["doc_id"].tolist() == ["news-000001", "news-000003"]
    assert docs["row"].tolist() == [1, 3]


def test_a_short_utf8_file_with_one_bad_line_keeps_its_good_lines_as_they_are(tmp_path):
    path = write(tmp_path / "c.jsonl", record("a", "ؤ") + b'{"doc_id": "b", "text": "\xff"}\n')
    docs, problems = load_corpus(path, on_error="report")
    assert docs["text"].tolist() == ["ؤ"] and docs["encoding"].tolist() == ["utf-8"]
    assert_problems(list(problems.itertuples(index=False, name=None)), (path, "line 2: undecodable bytes"))


def test_an_undecodable_csv_row_is_one_problem(tmp_path):
    path = write(tmp_path / "c.csv", b"id,text\na," + ARTICLE.encode() + b"\nb,\xff\xfe\nc,ok\n")
    ids, problems = load(path)
    assert ids == ["a", "c"]
    assert_problems(problems, (path, "line 3: undecodable bytes (byte 2 of the line is not valid utf-8)"))


def test_a_malformed_csv_row_is_one_problem_and_reading_resumes_after_its_quoted_field(tmp_path):
    data = 'id,text\na,"نص"x\nb,"سطر\nسطر ثان"\nc,"""اقتباس"" ونص"\nd,"لا نهاية\n'.encode()
    ids, problems = load(write(tmp_path / "q.csv", data))
    assert ids == ["b", "c"]
    assert_problems(
        problems,
        (tmp_path / "q.csv", "line 2: malformed CSV (',' expected after '\"')"),
        (tmp_path / "q.csv", "line 6: malformed CSV (unexpected end of data)"),
    )


def test_csv_rows_with_more_fields_are_problems_and_rows_with_fewer_are_kept(tmp_path):
    path = write(tmp_path / "r.csv", "id,text,outlet\na,نص,x\nb,نص,x,extra\nc,نص\n".encode())
    docs, problems = load_corpus(path, on_error="report")
    assert docs["doc_id"].tolist() == ["a", "c"]
    assert docs["outlet"].tolist()[0] == "x" and pd.isna(docs["outlet"].tolist()[1])  # as DictReader reads it
    assert_problems(
        list(problems.itertuples(index=False, name=None)),
        (path, "line 3: more fields than the header (4, not 3)"),
    )


# --- 2. a row without the text field -----------------------------------------------------------------


def test_a_first_row_without_text_is_a_problem_and_the_later_rows_are_read(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl({"doc_id": "a", "body": "نص"}, {"doc_id": "b", "text": "نص"}))
    ids, problems = load(path)
    assert ids == ["b"]
    assert_problems(problems, (path, "line 1: no 'text' field; the fields are doc_id, body"))


def test_rows_without_text_after_one_with_it_are_problems_each(tmp_path):
    records = [{"text": "أ"}, {"body": "ب"}, {"text": "ج"}, {"body": "د"}]
    path = write(tmp_path / "c.jsonl", jsonl(*records))
    ids, problems = load(path)
    assert ids == ["c-000001", "c-000003"]
    assert_problems(problems, (path, "line 2: no 'text' field"), (path, "line 4: no 'text' field"))


def test_a_file_where_no_row_has_the_text_field_is_one_problem_naming_the_fields(tmp_path):
    path = write(
        tmp_path / "c.jsonl", jsonl({"id": "a", "body": "نص"}, {"id": "b", "body": "نص"}) + b"{bad\n"
    )
    ids, problems = load(path)
    assert ids == []
    assert_problems(
        problems,
        (path, "line 3: not valid JSON"),
        (
            path,
            "no text column 'text'; the columns are id, body (none of the file's 2 rows has one); "
            "to read 'body': --text-column body (text_column='body')",
        ),
    )


def test_a_row_without_the_named_id_column_gets_a_file_and_row_id(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl({"text": "أ"}, {"url": "u2", "text": "ب"}))
    assert load(path, id_column="url") == (["c-000001", "u2"], [])


# --- 3. long CSV fields ------------------------------------------------------------------------------


def test_a_csv_field_over_the_csv_modules_default_limit_is_read(tmp_path):
    long_text = ARTICLE + " " + "ب" * 200_000
    path = write(tmp_path / "c.csv", f"id,text\na,{long_text}\nb,{ARTICLE}\n".encode())
    docs, problems = load_corpus(path, on_error="report")
    assert docs["text"].tolist() == [long_text, ARTICLE]
    assert problems.empty


@pytest.mark.parametrize("quoted", [False, True], ids=["one-line", "quoted-multiline"])
def test_a_csv_field_over_the_document_limit_is_a_problem_for_its_row_only(tmp_path, quoted):
    lines = (b"x" * (MIB - 1) + b"\n", MAX_DOCUMENT_BYTES // MIB + 1) if quoted else OVER_LIMIT
    body = (b'"', lines, b'"\n') if quoted else (lines, b"\n")
    data = gzip_stream(b"id,text\na,", *body, f"b,{ARTICLE}\n".encode())
    path = write(tmp_path / "c.csv.gz", data)
    ids, problems = load(path)
    assert ids == ["b"]
    assert_problems(problems, (path, f"line 2: {LIMIT}"))


# --- 4. truncated gzip -------------------------------------------------------------------------------


def test_a_truncated_jsonl_gz_keeps_every_row_before_the_cut(tmp_path):
    data = gzip.compress(b"".join(record(f"d{i}", f"{ARTICLE} {i}") for i in range(3000)))
    cut = data[: len(data) // 2]
    readable = zlib.decompressobj(31).decompress(cut)
    n = readable.count(b"\n")
    path = write(tmp_path / "c.jsonl.gz", cut)
    ids, problems = load(path)
    assert ids == [f"d{i}" for i in range(n)]
    assert_problems(
        problems,
        (path, f"corrupt gzip data after line {n}: the file is truncated"),
    )
    assert problems[0][1].endswith("; the rest of the file was not read")


def test_a_truncated_text_or_csv_gzip_is_a_problem(tmp_path):
    text = write(tmp_path / "t.txt.gz", gzip.compress(ARTICLE.encode() * 100)[:-12])
    ids, problems = load(text)
    assert ids == []
    assert_problems(problems, (text, "corrupt gzip data: the file is truncated"))
    rows = b"".join(f"r{i},{ARTICLE}\n".encode() for i in range(2000))
    table = write(tmp_path / "c.csv.gz", gzip.compress(b"id,text\n" + rows)[:-2000])
    ids, problems = load(table)
    assert ids == [f"r{i}" for i in range(len(ids))] and len(ids) > 100
    assert_problems(problems, (table, f"corrupt gzip data after line {len(ids) + 1}: the file is truncated"))


# --- 5. lone surrogates ------------------------------------------------------------------------------

SURROGATES = [
    ('{"doc_id": "b", "text": "نص \\ud800"}', "line 2: text contains a lone surrogate \\ud800"),
    ('{"doc_id": "\\udc00", "text": "نص"}', "line 2: doc_id contains a lone surrogate \\udc00"),
    (
        '{"doc_id": "b", "text": "نص", "meta": {"tags": ["\\uDBFF"]}}',
        "line 2: meta contains a lone surrogate \\udbff",
    ),
    ('{"doc_id": "b", "text": "نص", "\\ud800": 1}', "line 2: \\ud800 contains a lone surrogate \\ud800"),
]


@pytest.mark.parametrize(("line", "reason"), SURROGATES, ids=["text", "id", "nested", "key"])
def test_a_lone_surrogate_in_any_string_is_a_problem_row(tmp_path, line, reason):
    path = write(tmp_path / "s.jsonl", record("a") + line.encode() + b"\n" + record("c"))
    ids, problems = load(path)
    assert ids == ["a", "c"]
    assert_problems(problems, (path, f"{reason}, not valid Unicode"))


def test_an_escaped_surrogate_pair_is_text_and_is_kept_exactly(tmp_path):
    path = write(tmp_path / "s.jsonl", b'{"doc_id": "a", "text": "\\u0642\\u0627\\u0644 \\ud83d\\ude00"}\n')
    docs = load_corpus(path)
    assert docs["text"].tolist() == ["قال 😀"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsstudy", *args], capture_output=True, text=True, check=False, timeout=600
    )


def test_the_command_lists_a_lone_surrogate_and_strict_stops_on_it(tmp_path):
    path = write(tmp_path / "s.jsonl", record("a") + b'{"doc_id": "b", "text": "\\ud800"}\n')
    result = run_cli("run", str(path), "--out", str(tmp_path / "out"), "--no-figures")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    problems = pd.read_csv(tmp_path / "out" / "problems.csv", dtype=str)
    assert problems["reason"].tolist() == [
        "line 2: text contains a lone surrogate \\ud800, not valid Unicode"
    ]
    strict = run_cli("run", str(path), "--out", str(tmp_path / "strict"), "--no-figures", "--strict")
    assert strict.returncode == 2
    assert strict.stderr.strip().splitlines() == [
        f"newsstudy: error: {path}: line 2: text contains a lone surrogate \\ud800, not valid Unicode"
    ]


# --- 6. bounded memory and time ----------------------------------------------------------------------


def load_traced(path):
    """``load(path)`` and the peak of Python memory it allocated."""
    tracemalloc.start()
    try:
        ids, problems = load(path)
        return ids, problems, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_text_file_over_the_limit_is_a_problem_read_without_holding_it(tmp_path):
    path = write(tmp_path / "bomb.txt.gz", gzip_stream((b"a" * MIB, 400)))  # 400 MiB unpacked
    ids, problems, peak = load_traced(path)
    assert ids == []
    assert_problems(problems, (path, LIMIT))
    assert peak < 3 * MAX_DOCUMENT_BYTES, f"{peak / MIB:.0f} MiB"


def test_a_json_line_over_the_limit_is_a_problem_and_the_next_line_is_read(tmp_path):
    data = gzip_stream(record("a"), b'{"doc_id": "big", "text": "', OVER_LIMIT, b'"}\n', record("c"))
    path = write(tmp_path / "c.jsonl.gz", data)
    ids, problems, peak = load_traced(path)
    assert ids == ["a", "c"]
    assert_problems(problems, (path, f"line 2: {LIMIT}"))
    assert peak < 3 * MAX_DOCUMENT_BYTES, f"{peak / MIB:.0f} MiB"


def test_a_json_array_item_over_the_limit_stops_the_file_after_the_items_before(tmp_path):
    data = gzip_stream(b'[{"doc_id": "a", "text": "x"}, {"doc_id": "big", "text": "', OVER_LIMIT, b'"}]')
    path = write(tmp_path / "c.json.gz", data)
    ids, problems = load(path)
    assert ids == ["a"]
    assert_problems(problems, (path, f"item 2: {LIMIT}; the rest of the file was not read"))


def test_a_text_file_at_the_limit_is_read(tmp_path, monkeypatch):
    # The limit is read when a file is read: a smaller one tests the same boundary in less time.
    limit = 4 * MIB
    monkeypatch.setattr(corpus, "MAX_DOCUMENT_BYTES", limit)
    path = write(
        tmp_path / "big.txt.gz", gzip_stream(ARTICLE.encode(), (b"a", limit - len(ARTICLE.encode())))
    )
    docs = load_corpus(path)
    assert len(docs.loc[0, "text"].encode()) == limit
    over = write(
        tmp_path / "over.txt.gz", gzip_stream(ARTICLE.encode(), (b"a", limit + 1 - len(ARTICLE.encode())))
    )
    _, problems = load_corpus(over, on_error="report")
    assert problems["reason"].str.contains("over the 4 MiB document size limit").all() and len(problems) == 1


@pytest.mark.parametrize("name", ["c.jsonl", "c.csv", "c.jsonl.gz", "c.txt"])
def test_a_file_of_newlines_is_quick(tmp_path, name):
    header = b"doc_id,text\n" if ".csv" in name else b""
    last = f"z,{ARTICLE}\n".encode() if ".csv" in name else record("z")
    newlines = 64 * MIB  # took over 10 s (JSON Lines) and 19 s (CSV) before
    data = header + b"\n" * newlines + (b"" if name.endswith(".txt") else last)
    path = write(tmp_path / name, gzip.compress(data, 1) if name.endswith(".gz") else data)
    start = time.monotonic()
    ids, problems = finishes(lambda: load(path))
    assert time.monotonic() - start < 8
    if name.endswith(".txt"):
        assert_problems(problems, (path, LIMIT if newlines > MAX_DOCUMENT_BYTES else "only whitespace"))
    else:
        assert (ids, problems) == (["z"], [])


def test_line_numbers_stay_right_after_a_run_of_blank_lines(tmp_path):
    path = write(tmp_path / "c.jsonl", record("a") + b"\n \r\n\t\n" * 50_000 + b"{bad\n" + record("c"))
    ids, problems = load(path)
    assert ids == ["a", "c"]
    assert_problems(problems, (path, "line 150002: not valid JSON"))


# --- 7. folders --------------------------------------------------------------------------------------


def test_sub_folders_are_read_recursively_in_name_order_with_unique_ids(tmp_path):
    for name in ["b.txt", "Outlet/x.txt", "outlet-2/x.txt", "outlet-2/deep/y.txt.gz", "a.txt"]:
        data = ARTICLE.encode()
        write(tmp_path / name, gzip.compress(data) if name.endswith(".gz") else data)
    write(tmp_path / "outlet-2" / "notes.md", b"not a document")
    write(tmp_path / ".git" / "stray.txt", ARTICLE.encode())
    docs, problems = load_corpus(tmp_path, on_error="report")
    assert docs["doc_id"].tolist() == ["a", "b", "Outlet/x", "outlet-2/deep/y", "outlet-2/x"]
    assert docs["path"].tolist()[2] == str(tmp_path / "Outlet" / "x.txt")
    assert problems.empty
    assert skipped_files(tmp_path) == [tmp_path / ".git", tmp_path / "outlet-2" / "notes.md"]


def test_special_files_in_a_folder_are_problems_and_links_to_files_are_read(tmp_path):
    write(tmp_path / "a.txt", ARTICLE.encode())
    os.symlink(tmp_path / "a.txt", tmp_path / "b-link.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "broken.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    os.symlink(tmp_path, tmp_path / "sub-link")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock"))
        ids, problems = finishes(lambda: load(tmp_path))
    finally:
        server.close()
    assert ids == ["a", "b-link"]
    assert_problems(
        problems,
        (tmp_path / "broken.txt", "broken symbolic link"),
        (tmp_path / "fifo.txt", "not a regular file: a FIFO (named pipe)"),
        (tmp_path / "loop.txt", "symbolic link loop"),
        (tmp_path / "sock", "not a regular file: a socket"),
        (tmp_path / "sub-link", f"a link to a folder already read: {tmp_path}"),
        (tmp_path / "zero.txt", "not a regular file: a character device"),
    )


@pytest.mark.parametrize(("make", "reason"), [(os.mkfifo, "a FIFO"), (None, "a character device")])
def test_a_fifo_or_device_as_the_corpus_is_a_clear_error_not_a_hang(tmp_path, make, reason):
    path = tmp_path / "corpus.jsonl"
    if make is None:
        os.symlink("/dev/zero", path)
    else:
        make(path)
    with pytest.raises(CorpusError, match=f"not a regular file: {reason}"):
        finishes(lambda: load_corpus(path, on_error="report"))


def test_a_broken_link_as_the_corpus_is_a_clear_error(tmp_path):
    os.symlink(tmp_path / "gone.jsonl", tmp_path / "c.jsonl")
    with pytest.raises(CorpusError, match="broken symbolic link"):
        load_corpus(tmp_path / "c.jsonl")


def test_a_file_name_that_is_not_utf8_is_a_problem_and_the_command_goes_on(tmp_path):
    write(tmp_path / "corpus" / "good.txt", ARTICLE.encode())
    write(Path(os.fsdecode(os.fsencode(tmp_path / "corpus") + b"/\xff.txt")), ARTICLE.encode())
    ids, problems = load(tmp_path / "corpus")
    assert ids == ["good"]
    assert problems == [
        (f"{tmp_path / 'corpus'}/\\xff.txt", "the file name is not valid UTF-8: rename the file")
    ]
    result = run_cli("run", str(tmp_path / "corpus"), "--out", str(tmp_path / "out"), "--no-figures")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_folders_named_like_files_are_read_as_folders(tmp_path):
    write(tmp_path / "c.jsonl" / "a.txt", ARTICLE.encode())
    write(tmp_path / "c.jsonl" / "sub.txt" / "b.txt", ARTICLE.encode())
    assert load(tmp_path / "c.jsonl") == (["a", "sub.txt/b"], [])
    write(tmp_path / "d.csv" / "notes.md", b"x")
    with pytest.raises(CorpusError, match="holds no documents"):
        load_corpus(tmp_path / "d.csv")


def test_a_file_that_cannot_be_opened_is_a_problem(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", ARTICLE.encode())
    locked = write(tmp_path / "b.txt", ARTICLE.encode())
    real_open = os.open

    def denied(path, *args, **kwargs):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(corpus.os, "open", denied)
    ids, problems = load(tmp_path)
    assert ids == ["a"]
    assert_problems(problems, (locked, "cannot read file: Permission denied"))


# --- 8. more in the same spirit ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["e.jsonl", "e.csv", "e.txt", "e.json", "e.parquet"])
def test_an_empty_file_is_a_problem(tmp_path, name):
    path = write(tmp_path / name, b"")
    ids, problems = load(path)
    assert ids == []
    assert len(problems) == 1 and problems[0][0] == str(path)


def test_a_json_array_of_non_objects_gives_one_problem_per_item(tmp_path):
    items = [{"doc_id": "a", "text": "أ"}, "نص", 3, None, [1], {"doc_id": "f", "text": "و"}]
    path = write(tmp_path / "c.json", json.dumps(items, ensure_ascii=False).encode())
    ids, problems = load(path)
    assert ids == ["a", "f"]
    assert_problems(
        problems,
        (path, "item 2: not a JSON object but a string"),
        (path, "item 3: not a JSON object but a number"),
        (path, "item 4: not a JSON object but null"),
        (path, "item 5: not a JSON object but an array"),
    )


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        (b' {"doc_id": "c"}]', "item 3: not valid JSON (expecting ',' or ']', found '{')"),
        (b"", "item 3: not valid JSON (expecting ',' or ']', found the end of the file)"),
        (b"] trailing", "item 3: not valid JSON (extra data after the array)"),
    ],
    ids=["no-comma", "unclosed", "extra-data"],
)
def test_a_broken_json_array_keeps_the_items_before_the_break(tmp_path, tail, reason):
    path = write(tmp_path / "c.json", b'[{"doc_id": "a", "text": "x"}, {"doc_id": "b", "text": "y"}' + tail)
    ids, problems = load(path)
    assert ids == ["a", "b"]
    assert_problems(problems, (path, f"{reason}; the rest of the file was not read"))


def test_a_parquet_row_that_is_not_utf8_is_one_problem(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    raw = pa.array([ARTICLE.encode(), b"\xff\xfe", ARTICLE.encode()], type=pa.binary())
    text = pa.Array.from_buffers(
        pa.string(), 3, raw.buffers()
    )  # invalid UTF-8, as a careless writer leaves it
    pq.write_table(pa.table({"doc_id": ["a", "b", "c"], "text": text}), tmp_path / "c.parquet")
    ids, problems = load(tmp_path / "c.parquet")
    assert ids == ["a", "c"]
    assert_problems(problems, (tmp_path / "c.parquet", "row 2: a string is not valid UTF-8"))


def test_csv_with_a_bom_and_blank_lines_before_the_header(tmp_path):
    path = write(
        tmp_path / "c.csv", b"\xef\xbb\xbf\r\n\r\ndoc_id,text\r\n\r\na," + ARTICLE.encode() + b"\r\n"
    )
    docs = load_corpus(path)
    assert docs["doc_id"].tolist() == ["a"] and docs["text"].tolist() == [ARTICLE]


# --- properties --------------------------------------------------------------------------------------

BAD = {
    "not JSON": b"{bad",
    "not an object": b'"a string"',  # (a file that opens with "[" is read as one JSON array)
    "lone surrogate": b'{"text": "\\ud800"}',
    "undecodable": b'{"text": "\xff"}',
    "no text field": b'{"body": "\xd9\x86\xd8\xb5"}',
}
LINES = st.lists(
    st.one_of(
        st.tuples(st.just("good"), st.text(alphabet='قال مسؤول\u2029"\\\t', min_size=1).filter(str.strip)),
        st.tuples(st.sampled_from(sorted(BAD)), st.just("")),
        st.tuples(st.just("blank"), st.sampled_from(["", " ", "\t", "\r"])),
    ),
    max_size=25,
).filter(lambda lines: any(kind == "good" for kind, _ in lines))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_any_mix_of_json_lines_every_good_line_is_a_document_every_bad_one_a_problem(tmp_path, lines):
    data, good, bad = b"", [], []
    for number, (kind, text) in enumerate(lines, start=1):
        if kind == "good":
            data += record(f"d{number}", text)
            good.append((f"d{number}", text))
        else:
            data += BAD[kind] + b"\n" if kind in BAD else text.encode() + b"\n"
            bad += [f"line {number}: "] if kind in BAD else []
    path = write(tmp_path / "p.jsonl", data)
    docs, problems = load_corpus(path, on_error="report")
    assert docs["doc_id"].tolist() == [doc_id for doc_id, _ in good]
    assert docs["text"].tolist() == [text for _, text in good]
    assert len(problems) == len(bad)
    assert sorted(problems["reason"].str.extract(r"^(line \d+: )")[0]) == sorted(bad)


CSV_TEXT = st.lists(st.sampled_from(["قال", "مسؤول", ",", '"', "\n", " ", "x", "\t"]), min_size=1).map(
    "".join
)
CSV_BAD = {"undecodable": b"bad,\xff\xfe text\r\n", "malformed": b'bad,"quoted"text\r\n'}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.one_of(CSV_TEXT, st.sampled_from(sorted(CSV_BAD))), min_size=1, max_size=20))
def test_any_mix_of_csv_rows_every_good_row_is_a_document_every_bad_one_a_problem(tmp_path, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["doc_id", "text"])
    data = out.getvalue().encode()
    good, n_bad = [], 0
    for number, row in enumerate(rows, start=1):
        if row in CSV_BAD:
            data += CSV_BAD[row]
            n_bad += 1
            continue
        out = io.StringIO()
        csv.writer(out).writerow([f"r{number}", row])
        data += out.getvalue().encode()
        good.append((f"r{number}", row))
    path = write(tmp_path / "p.csv", data)
    docs, problems = load_corpus(path, on_error="report")
    readable = [(doc_id, text) for doc_id, text in good if text.strip()]  # whitespace only: a problem
    assert list(zip(docs["doc_id"], docs["text"], strict=True)) == [
        (doc_id, text.replace("\r\n", "\n").replace("\r", "\n")) for doc_id, text in readable
    ]
    assert len(problems) == n_bad + len(good) - len(readable)


def test_latin1_text_is_a_problem_not_arabic_letters_inside_latin_words(tmp_path):
    """Latin-1 bytes also decode as ISO-8859-6, an Arabic letter for é inside a Latin word (review)."""
    (tmp_path / "latin.txt").write_bytes("café naïve résumé\n".encode("latin-1"))
    (tmp_path / "arabic.txt").write_bytes("السلام عليكم\n".encode("cp1256"))
    docs, problems = load_corpus(tmp_path, on_error="report")
    assert docs["text"].tolist() == ["السلام عليكم\n"]
    assert problems["path"].str.endswith("latin.txt").tolist() == [True]
    assert "not valid UTF-8" in problems["reason"].iloc[0]
