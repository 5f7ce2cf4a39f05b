"""Loading: every format, every encoding, every bad input gives a clear error."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsstudy.corpus import DOCUMENT_COLUMNS, decode_bytes, iter_corpus, load_corpus, skipped_files
from newsstudy.errors import CorpusError
from newsstudy.paths import SEEDS_DIR, SHARED_DIR

ARTICLE = "قال مسؤول أميركي إن قطر أبلغت حماس بضرورة إغلاق مكتبها.\nوأضاف أن الطلب جاء قبل عشرة أيام."


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- the seeds ---------------------------------------------------------------------------------------


def test_seeds_load_with_columns_and_hashes_of_the_shared_files():
    docs = load_corpus(SEEDS_DIR)
    assert list(docs.columns) == list(DOCUMENT_COLUMNS)
    assert docs["doc_id"].tolist() == sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    shared = SHARED_DIR / "seeds"
    for row in docs.itertuples():
        raw = (SEEDS_DIR / f"{row.doc_id}.txt").read_bytes()
        assert row.sha256 == hashlib.sha256(raw).hexdigest()
        if shared.is_dir():
            assert (shared / f"{row.doc_id}.txt").read_bytes() == raw
        assert row.text == raw.decode("utf-8")
        assert row.n_lines == len(row.text.split("\n"))
        assert row.encoding == "utf-8"


def test_readme_in_a_corpus_folder_is_not_a_document_but_is_listed():
    assert skipped_files(SEEDS_DIR) == [SEEDS_DIR / "README.md"]


# --- encodings -----------------------------------------------------------------------------------------

ENCODINGS = [
    ("utf-8", ARTICLE.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", ARTICLE.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16 LE with BOM", b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "utf-16"),
    ("utf-16 BE with BOM", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
    ("utf-16 LE without BOM", ARTICLE.encode("utf-16-le"), "utf-16-le"),
    ("windows-1256", ARTICLE.encode("cp1256"), "windows-1256"),
    ("iso-8859-6", "قال مسؤول ان قطر ابلغت حماس.\nوقال مصدر مطلع".encode("iso8859_6"), "iso-8859-6"),
]


@pytest.mark.parametrize(("name", "data", "expected"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_are_detected_and_named(tmp_path, name, data, expected):
    docs = load_corpus(write(tmp_path / "a.txt", data))
    assert docs.loc[0, "encoding"] == expected
    assert docs.loc[0, "text"].replace("\ufeff", "") == decode_bytes(data)[0].replace("\ufeff", "")
    assert "قال" in docs.loc[0, "text"]
    assert docs.loc[0, "sha256"] == hashlib.sha256(data).hexdigest()


def test_windows_1256_text_comes_back_exactly(tmp_path):
    text = "أكسيوس: رئيس وزراء قطر يلتقي مفاوضي حماس في الدوحة «اليوم»"
    docs = load_corpus(write(tmp_path / "w.txt", text.encode("cp1256")))
    assert docs.loc[0, "text"] == text


def test_newlines_are_normalised_and_the_convention_recorded(tmp_path):
    docs = load_corpus(write(tmp_path / "crlf.txt", "سطر أول\r\nسطر ثان\r\n".encode()))
    assert docs.loc[0, "text"] == "سطر أول\nسطر ثان\n"
    assert docs.loc[0, "newlines"] == "CRLF"
    assert docs.loc[0, "n_lines"] == 3


def test_unicode_line_separators_are_not_lines(tmp_path):
    docs = load_corpus(write(tmp_path / "u.txt", "فقرة\u2029ما زالت سطراً واحداً\nثم سطر".encode()))
    assert docs.loc[0, "n_lines"] == 2


# --- tabular formats -----------------------------------------------------------------------------------

RECORDS = [
    {"id": "a1", "text": ARTICLE, "outlet": "رويترز", "date": "2024-11-08"},
    {
        "id": "a2",
        "text": "وقال مصدر مطلع لرويترز إن المحادثات توقفت.",
        "outlet": "Axios",
        "date": "2024-11-09",
    },
]


def jsonl_bytes(records=RECORDS) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()


def csv_bytes(records=RECORDS) -> bytes:
    return pd.DataFrame(records).to_csv(index=False).encode()


def parquet_bytes(tmp_path: Path, records=RECORDS) -> bytes:
    pd.DataFrame(records).to_parquet(tmp_path / "tmp.parquet")
    return (tmp_path / "tmp.parquet").read_bytes()


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("fmt", ["jsonl", "json-array", "csv", "parquet"])
def test_tabular_formats_keep_other_columns(tmp_path, fmt, compressed):
    data = {
        "jsonl": jsonl_bytes(),
        "json-array": json.dumps(RECORDS, ensure_ascii=False).encode(),
        "csv": csv_bytes(),
        "parquet": parquet_bytes(tmp_path),
    }[fmt]
    suffix = {"jsonl": ".jsonl", "json-array": ".json", "csv": ".csv", "parquet": ".parquet"}[fmt]
    if compressed:
        data, suffix = gzip.compress(data, mtime=0), suffix + ".gz"
    docs = load_corpus(write(tmp_path / f"corpus{suffix}", data))
    assert docs["doc_id"].tolist() == ["a1", "a2"]
    assert docs["text"].tolist() == [r["text"] for r in RECORDS]
    assert docs["outlet"].tolist() == ["رويترز", "Axios"]
    assert docs["date"].tolist() == ["2024-11-08", "2024-11-09"]
    assert docs["row"].tolist() == [1, 2]


def test_configurable_text_and_id_columns_match_case_insensitively(tmp_path):
    records = [{"DOCNO": "x-1", "TEXT": ARTICLE}]
    docs = load_corpus(write(tmp_path / "c.jsonl", jsonl_bytes(records)), text_column="TEXT")
    assert docs["doc_id"].tolist() == ["x-1"]
    docs = load_corpus(
        write(tmp_path / "d.jsonl", jsonl_bytes(records)), text_column="text", id_column="docno"
    )
    assert docs["doc_id"].tolist() == ["x-1"]


def test_rows_without_an_id_column_get_file_and_row_ids(tmp_path):
    docs = load_corpus(write(tmp_path / "news.csv", csv_bytes([{"text": ARTICLE}, {"text": "نص ثان"}])))
    assert docs["doc_id"].tolist() == ["news-000001", "news-000002"]


def test_folder_of_gzipped_and_plain_text_files_in_name_order(tmp_path):
    write(tmp_path / "b.txt", "ب".encode())
    write(tmp_path / "a.txt.gz", gzip.compress("أ".encode(), mtime=0))
    write(tmp_path / "notes.md", b"not a document")
    docs = load_corpus(tmp_path)
    assert docs["doc_id"].tolist() == ["a", "b"]
    assert skipped_files(tmp_path) == [tmp_path / "notes.md"]


def test_a_folder_reads_its_tabular_exports_too_under_their_place_in_it(tmp_path):
    """One export per outlet beside plain articles: every row is a document, ids prefixed by the file."""
    (tmp_path / "outlet-b").mkdir()
    write(tmp_path / "a.txt", ARTICLE.encode())
    write(tmp_path / "outlet-b" / "export.jsonl", jsonl_bytes([{"id": 7, "text": ARTICLE}, {"text": "نص"}]))
    write(tmp_path / "wires.csv", csv_bytes([{"text": "نص ثالث"}]))
    write(tmp_path / "notes.md", b"not a document")
    docs = load_corpus(tmp_path)
    assert docs["doc_id"].tolist() == ["a", "outlet-b/export/7", "outlet-b/export-000002", "wires-000001"]
    assert docs["row"].tolist() == [0, 1, 2, 1]
    assert skipped_files(tmp_path) == [tmp_path / "notes.md"]


def test_a_bad_row_of_a_folders_export_is_a_problem_naming_the_file(tmp_path):
    write(tmp_path / "a.txt", ARTICLE.encode())
    write(tmp_path / "feed.jsonl", jsonl_bytes([{"text": ARTICLE}]) + b"\n{broken\n")
    docs, problems = load_corpus(tmp_path, on_error="report")
    assert docs["doc_id"].tolist() == ["a", "feed-000001"]
    assert problems["path"].tolist() == [str(tmp_path / "feed.jsonl")]
    assert problems["reason"].str.startswith("line 2: not valid JSON").all()


# --- bad input ---------------------------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("spaces.txt", b"  \n\t\n ", "only whitespace"),
    ("marks.txt", "\u200f\u200b\u200e\n\u2067".encode(), "no visible text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    ("nul.txt", b"abc\x00\x01\x02\x03\xff\xfe\x10def" * 10, "NUL bytes"),
    ("truncated.txt", "قال مسؤول".encode()[:-1], "truncated UTF-8"),
    ("latin1.txt", "Caf\xe9 \xa9 \xbf\xbf \xfc\xfd\xfe".encode("latin-1") * 5, "undecodable bytes"),
    ("page.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "HTML"),
    ("table.xlsx", b"PK\x03\x04....", "unsupported file type"),
    ("broken.jsonl", b'{"text": "ok"}\n{"text": ', "line 2: not valid JSON"),
    ("nocol.jsonl", b'{"body": "\xd9\x86\xd8\xb5"}', "no text column 'text'; the columns are body"),
    ("nocol.csv", "body,outlet\nنص,x\n".encode(), "no text column 'text'"),
    ("ragged.csv", "text,outlet\nنص,x,extra\n".encode(), "more fields than the header"),
    ("emptycell.csv", b"text,id\n,1\n", "row 1 (doc_id 1): no text"),
    ("bad.parquet", b"PAR1 this is not parquet", "not a readable Parquet file"),
    ("bad.jsonl.gz", b"\x1f\x8b\x08\x00garbage", "corrupt gzip"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_input_raises_one_clear_error_naming_the_file(tmp_path, name, data, reason):
    path = write(tmp_path / name, data)
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert info.value.path == str(path)
    assert reason in info.value.reason
    assert str(path) in str(info.value)


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_report_mode_lists_the_problem_and_keeps_the_good_documents(tmp_path, name, data, reason):
    write(tmp_path / "good.txt", ARTICLE.encode())
    folder_member = name.endswith(".txt")
    path = write(tmp_path / name, data)
    target = tmp_path if folder_member else path
    docs, problems = load_corpus(target, on_error="report")
    assert list(problems.columns) == ["path", "reason"]
    assert problems["path"].tolist() == [str(path)]
    assert reason in problems.loc[0, "reason"]
    if folder_member:
        assert docs["doc_id"].tolist() == ["good"]


def test_missing_path_is_an_error_in_both_modes(tmp_path):
    for mode in ("raise", "report"):
        with pytest.raises(CorpusError, match="no such file or folder"):
            load_corpus(tmp_path / "nope", on_error=mode)


def test_folder_without_text_files_is_an_error(tmp_path):
    write(tmp_path / "x.md", b"# notes")
    with pytest.raises(CorpusError, match=r"folder holds no documents \(\.txt, \.jsonl"):
        load_corpus(tmp_path)


def test_duplicate_doc_ids_are_reported_with_both_places(tmp_path):
    path = write(
        tmp_path / "d.jsonl", jsonl_bytes([{"id": "same", "text": "أ"}, {"id": "same", "text": "ب"}])
    )
    with pytest.raises(CorpusError, match=r"duplicate doc_id 'same' in row 2: already used by .* row 1"):
        load_corpus(path)
    docs, problems = load_corpus(path, on_error="report")
    assert docs["text"].tolist() == ["أ"]
    assert len(problems) == 1


def test_a_file_and_its_gzipped_copy_collide_rather_than_silently_merge(tmp_path):
    write(tmp_path / "a.txt", "أ".encode())
    write(tmp_path / "a.txt.gz", gzip.compress("أ".encode(), mtime=0))
    docs, problems = load_corpus(tmp_path, on_error="report")
    assert len(docs) + len(problems) == 2
    assert "duplicate doc_id 'a'" in problems.loc[0, "reason"]


def test_on_error_must_be_known():
    with pytest.raises(ValueError, match="on_error"):
        load_corpus(SEEDS_DIR, on_error="ignore")


# --- properties ----------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
@example("00A\x00")  # valid UTF-8 with a NUL, once misread as UTF-16 ("〰A")
def test_any_utf8_text_is_loaded_exactly_or_reported(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("p") / "t.txt"
    path.write_bytes(text.encode("utf-8"))
    docs, problems = load_corpus(path, on_error="report")
    assert len(docs) + len(problems) == 1
    if len(docs):
        assert docs.loc[0, "text"] == text.replace("\r\n", "\n").replace("\r", "\n")


# --- streaming -----------------------------------------------------------------------------------------


def test_streamed_chunks_add_up_to_the_whole_corpus(tmp_path):
    records = [{"id": f"d{i:03d}", "text": f"{ARTICLE} {i}"} for i in range(23)]
    path = write(tmp_path / "many.jsonl.gz", gzip.compress(jsonl_bytes(records), mtime=0))
    chunks = list(iter_corpus(path, chunk_size=5))
    assert [len(docs) for docs, _ in chunks] == [5, 5, 5, 5, 3]
    streamed = pd.concat([docs for docs, _ in chunks], ignore_index=True)
    pd.testing.assert_frame_equal(streamed, load_corpus(path))


def test_bad_bytes_part_way_through_a_large_file_are_reported_with_the_line(tmp_path):
    good = jsonl_bytes([{"id": f"r{i}", "text": ARTICLE} for i in range(40_000)])
    path = write(tmp_path / "late.jsonl", good + b'\n{"id": "bad", "text": "\xff\xfe\xfa"}\n')
    docs, problems = load_corpus(path, on_error="report")
    assert len(docs) == 40_000
    assert "line 40001: undecodable bytes" in problems.loc[0, "reason"]


def test_paragraph_separators_inside_json_strings_stay_inside_the_text(tmp_path):
    text = "فقرة أولى\u2029فقرة ثانية\u2028سطر"
    path = write(tmp_path / "u.jsonl", json.dumps({"text": text}, ensure_ascii=False).encode())
    assert load_corpus(path)["text"].tolist() == [text]


def test_a_binary_text_column_is_decoded_as_a_file_would_be(tmp_path):
    """Parquet from other tools may hold the text as bytes: UTF-8 or Windows-1256 is read, a PNG is not."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل."
    cells = [text.encode("utf-8"), text.encode("cp1256"), b"\x89PNG\r\n\x1a\n\x00\x00"]
    table = pa.table({"doc_id": ["a", "b", "c"], "text": pa.array(cells, type=pa.binary())})
    pq.write_table(table, tmp_path / "t.parquet")
    docs, problems = load_corpus(tmp_path / "t.parquet", on_error="report")
    assert docs["text"].tolist() == [text, text]
    assert docs["encoding"].tolist() == ["utf-8", "windows-1256"]
    assert problems["reason"].tolist() == [
        "row 3 (doc_id c): the text cell's bytes are not text (binary file: looks like a PNG image, not text)"
    ]


def test_json_lines_whose_first_record_is_an_array_keep_the_records_after_it(tmp_path):
    """Only a file that *is* one JSON array is read as one; a first record that is an array is a problem."""
    path = tmp_path / "a.jsonl"
    path.write_text('[1, 2]\n{"text": "نص أول"}\n{"text": "نص ثان"}\n', encoding="utf-8")
    docs, problems = load_corpus(path, on_error="report")
    assert docs["text"].tolist() == ["نص أول", "نص ثان"]
    assert problems["reason"].tolist() == ["line 1: not a JSON object but an array"]
    for name, body in (
        ("b.json", '[\n {"text": "نص"},\n {"text": "آخر"}\n]\n'),
        ("c.jsonl", '[{"text": "نص"}]'),
    ):
        (tmp_path / name).write_text(body, encoding="utf-8")
        docs, problems = load_corpus(tmp_path / name, on_error="report")
        assert len(docs) == body.count('"text"') and problems.empty


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_an_outlet_country_field_is_kept_as_a_column(tmp_path, fmt):
    # issue 15: the outlet's country (a documents field) reaches attribution as the `country` column
    records = [{**r, "country": c} for r, c in zip(RECORDS, ["UAE", "pan-Arab"], strict=True)]
    data = {
        "jsonl": jsonl_bytes(records),
        "csv": csv_bytes(records),
        "parquet": parquet_bytes(tmp_path, records),
    }
    docs = load_corpus(write(tmp_path / f"corpus.{fmt}", data[fmt]))
    assert docs["country"].tolist() == ["UAE", "pan-Arab"]
    assert "country" not in load_corpus(write(tmp_path / "plain.jsonl", jsonl_bytes())).columns
