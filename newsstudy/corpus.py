"""Load a corpus into the ``documents`` table, decoding real-world encodings.

Accepted inputs
---------------
- a folder of ``.txt`` files (and ``.txt.gz``), read in name order; other files in
  the folder (a ``README.md``, say) are not documents and are listed in
  :func:`skipped_files` so nothing is dropped without a trace;
- a single ``.txt`` file;
- JSON Lines (``.jsonl``, ``.ndjson``, or ``.json`` holding JSON Lines or one
  array of objects), CSV (``.csv``; ``.tsv`` is tab-separated) and Parquet
  (``.parquet``) with a text column;
- any of these compressed with gzip (detected by its magic bytes, so a ``.gz``
  suffix is optional).

The ``documents`` table
-----------------------
========== ==============================================================
doc_id     file stem, or the id column of tabular input (``doc_id``/``id``/
           ``docno`` if present), else ``<file stem>-<row>``
path       the file the document came from
row        row number (from 1) in tabular input; 0 for text files
encoding   the encoding actually used (``utf-8``, ``utf-8-sig``, ``utf-16``,
           ``utf-16-le``, ``utf-16-be``, ``windows-1256``, ``iso-8859-6`` …)
sha256     SHA-256 of the file's raw bytes (text files) or of the UTF-8 bytes
           of the text cell (tabular input)
text       decoded text, with ``\\r\\n`` and lone ``\\r`` turned into ``\\n``
           and nothing else changed
n_lines    number of lines: ``len(text.split("\\n"))``
newlines   the newline convention found: ``LF``, ``CRLF``, ``CR``, ``mixed``
           or ``none``
...        every other column of tabular input, unchanged
========== ==============================================================

Bad input (a missing path, an empty, whitespace-only or binary file, an HTML
page, undecodable or truncated bytes, a missing text column, an empty text
cell, a duplicate ``doc_id``) raises :class:`~newsstudy.errors.CorpusError`
naming the file and the problem; with ``on_error="report"`` the good documents
come back with a ``problems`` table (``path``, ``reason``) instead.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal, overload

import pandas as pd
import regex

from newsstudy.errors import CorpusError

__all__ = [
    "DOCUMENT_COLUMNS",
    "PROBLEM_COLUMNS",
    "decode_bytes",
    "iter_corpus",
    "iter_records",
    "load_corpus",
    "skipped_files",
]

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "path",
    "row",
    "encoding",
    "sha256",
    "text",
    "n_lines",
    "newlines",
)
PROBLEM_COLUMNS: tuple[str, ...] = ("path", "reason")

TEXT_SUFFIXES = (".txt",)
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES = (".csv", ".tsv")
PARQUET_SUFFIXES = (".parquet", ".pq")
ID_CANDIDATES = ("doc_id", "id", "docno")

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Single-byte Arabic code pages tried, in order, when the bytes are not UTF-8.
_LEGACY_ARABIC = ("windows-1256", "iso-8859-6")
_ARABIC_LETTER = regex.compile(r"[\u0621-\u064A]")
# A plain character class: the standard library's re scans for it about 2.5x faster than regex.
_SUSPICIOUS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_HTML_START = regex.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<\?xml)", regex.IGNORECASE)


@dataclass(frozen=True)
class _Doc:
    doc_id: str
    path: str
    row: int
    encoding: str
    sha256: str
    text: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Problem:
    path: str
    reason: str


def decode_bytes(data: bytes, *, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes as text, detecting the encoding; return ``(text, encoding)``.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; UTF-16
    without BOM when NUL bytes alternate; then the Arabic single-byte code pages
    (Windows-1256, ISO-8859-6), kept only when the result reads as Arabic.
    Newlines are left as they are.

    Raises
    ------
    CorpusError
        Empty or binary data, or bytes no supported encoding decodes.

    >>> decode_bytes("قال".encode("utf-8"))
    ('قال', 'utf-8')
    >>> decode_bytes("قال مسؤول".encode("cp1256"))
    ('قال مسؤول', 'windows-1256')
    >>> decode_bytes("\\ufeffقال".encode("utf-16"))[1]
    'utf-16'
    """
    if not data:
        raise CorpusError(path, "empty file (0 bytes)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise CorpusError(path, f"binary file: looks like {what}, not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    path, f"starts with a {codec} byte-order mark but byte {exc.start} is not valid {codec}"
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error: UnicodeDecodeError | None = exc
    else:
        # Arabic in UTF-16 without a BOM is also valid (control-character-laden)
        # UTF-8, so UTF-8 wins only when it reads as text.
        if _readability(text) >= 0.99:
            return text, "utf-8"
        utf8_error = None
    guess = _utf16_without_bom(data)
    if guess is not None:
        return guess
    if utf8_error is None:
        raise CorpusError(path, "binary data: too many control characters for text")
    if b"\x00" in data:
        raise CorpusError(path, "binary file: contains NUL bytes and is not UTF-16 text")
    if utf8_error.reason == "unexpected end of data" and utf8_error.end == len(data):
        raise CorpusError(
            path,
            f"truncated UTF-8: the last {len(data) - utf8_error.start} byte(s) are an incomplete "
            "character (was the file cut off?)",
        )
    if _has_utf8_line(data):
        # Some non-ASCII lines are UTF-8, so this is UTF-8 with bad bytes, not a code page to be
        # guessed: a legacy decoding would silently turn the good lines into mojibake.
        line = data.count(b"\n", 0, utf8_error.start) + 1
        raise CorpusError(
            path,
            f"undecodable bytes: byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) on line {line} "
            "is not valid UTF-8, and other lines are UTF-8",
        )
    best = _best_legacy_decoding(data)
    if best is not None:
        return best
    raise CorpusError(
        path,
        f"undecodable bytes: byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) is not valid UTF-8, "
        "and the text is neither UTF-16 nor Windows-1256 / ISO-8859-6 Arabic",
    )


def _has_utf8_line(data: bytes) -> bool:
    """Whether a line with non-ASCII bytes is valid UTF-8 (a line of Arabic in a code page never is)."""
    for line in data.split(b"\n"):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark, accepted only when it reads as Arabic or ASCII text."""
    if len(data) % 2 or len(data) < 4:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _readability(text) >= 0.99 and _arabic_score(text) >= 0.97:
            return text, codec
    return None


def _readability(text: str) -> float:
    """Share of characters that are not control characters or replacement marks."""
    if not text:
        return 0.0
    if not _SUSPICIOUS.search(text):
        return 1.0
    return 1.0 - len(_SUSPICIOUS.findall(text)) / len(text)


def _arabic_score(text: str) -> float:
    """How much a candidate decoding reads as Arabic (or plain ASCII) text, from 0 to 1.

    A wrong Arabic code page turns Arabic letters into accented Latin letters
    (à, é, ï …) and CJK or other scripts appear when UTF-16 is misread, so the
    score is the share of letters that are ASCII or Arabic.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    good = sum(1 for c in letters if c < "\x80" or "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return good / len(letters)


def _best_legacy_decoding(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for codec in _LEGACY_ARABIC:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _readability(text) < 0.99 or not _ARABIC_LETTER.search(text):
            continue
        score = _arabic_score(text)
        if score >= 0.97 and (best is None or score > best[0]):
            best = (score, text, codec)
    return None if best is None else (best[1], best[2])


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read file: {exc.strerror or exc}") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise CorpusError(path, f"corrupt gzip data: {exc}") from None
    return data


def _format_of(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    for fmt, known in (
        ("text", TEXT_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("csv", CSV_SUFFIXES),
        ("parquet", PARQUET_SUFFIXES),
    ):
        if suffix in known:
            return fmt
    raise CorpusError(
        path,
        f"unsupported file type {suffix or '(no suffix)'!r}: expected .txt, .jsonl/.json, .csv/.tsv or "
        ".parquet, optionally gzip-compressed",
    )


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name.removesuffix(suffix)
    return name or path.name


def _normalise_newlines(text: str) -> str:
    if "\r" not in text:  # the common case: one scan instead of two replacements
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _newline_style(text: str) -> str:
    if "\r" not in text:
        return "LF" if "\n" in text else "none"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


def _check_text(text: str, path: str | Path, where: str = "") -> None:
    if not text or text.isspace():
        raise CorpusError(path, f"{where}no text: only whitespace")
    if not _VISIBLE.search(text):
        raise CorpusError(path, f"{where}no visible text: only zero-width or bidi control characters")
    if _HTML_START.match(text):
        raise CorpusError(path, f"{where}an HTML/XML page, not article text: extract the article text first")
    if _readability(text) < 0.99:
        raise CorpusError(path, f"{where}binary data: too many control characters for text")


_VISIBLE = regex.compile(r"[^\s\u200b-\u200f\u2060\ufeff\u061c\u00ad\u202a-\u202e\u2066-\u2069]")


def _text_records(path: Path) -> Iterator[_Doc | _Problem]:
    try:
        raw = _read_bytes(path)
        text, encoding = decode_bytes(raw, path=path)
        _check_text(text, path)
    except CorpusError as exc:
        yield _Problem(exc.path, exc.reason)
        return
    yield _Doc(_stem(path), str(path), 0, encoding, hashlib.sha256(raw).hexdigest(), text)


def _find_column(columns: list[str], wanted: str, path: Path, what: str) -> str:
    if wanted in columns:
        return wanted
    folded = [c for c in columns if str(c).casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    raise CorpusError(
        path, f"no {what} column {wanted!r}; the columns are {', '.join(map(str, columns)) or '(none)'}"
    )


def _id_column(columns: list[str], id_column: str | None, path: Path) -> str | None:
    if id_column is not None:
        return _find_column(columns, id_column, path, "id")
    for candidate in ID_CANDIDATES:
        found = [c for c in columns if str(c).casefold() == candidate]
        if len(found) == 1:
            return found[0]
    return None


_SNIFF_BYTES = 1 << 20


def _open_binary(path: Path) -> BinaryIO:
    """Open a file for streaming, transparently gunzipping it (detected by magic bytes)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise CorpusError(path, f"cannot read file: {exc.strerror or exc}") from None
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    handle.seek(0)
    return handle


def _stream_encoding(path: Path) -> str:
    """Detect a tabular file's encoding from its first megabyte."""
    try:
        with _open_binary(path) as handle:
            head = handle.read(_SNIFF_BYTES)
            more = bool(handle.read(1))
    except (OSError, EOFError, zlib.error) as exc:
        raise CorpusError(path, f"corrupt gzip data: {exc}") from None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    if more:
        head = head[: _sample_end(head)]
    return decode_bytes(head, path=path)[1]


def _sample_end(head: bytes) -> int:
    """Where to cut a sample so that no character is split: after its last line end if it has one."""
    if b"\n" not in head:
        # No line end (minified JSON, say): drop a UTF-8 character the cut may have split.
        end = len(head)
        while end > len(head) - 3 and 0x80 <= head[end - 1] < 0xC0:
            end -= 1
        return end - 1 if head[end - 1] >= 0xC0 else end
    end = head.rindex(b"\n") + 1
    return end + 1 if end % 2 and head[end : end + 1] == b"\x00" else end  # "\n" in UTF-16-LE is 0a 00


def _table_rows(path: Path, fmt: str) -> tuple[Iterator[dict[str, Any]], str]:
    """Stream the rows of tabular input as dicts; return them and the encoding used.

    Bad bytes or malformed records met part-way raise :class:`CorpusError`
    from the iterator, naming the row.
    """
    if fmt == "parquet":
        return _parquet_rows(path), "parquet (utf-8)"
    encoding = _stream_encoding(path)
    if fmt == "json" and _starts_with_array(path, encoding):
        return iter(_json_array(path, encoding)), encoding
    reader = _csv_rows if fmt == "csv" else _jsonl_rows
    return reader(path, encoding), encoding


# Encodings in which b"\n" is always a line end, so lines can be split as bytes
# and decoded one by one (a bad byte is then pinned to its own line).
_LINE_SAFE = ("utf-8", "utf-8-sig", "windows-1256", "iso-8859-6")


def _text_stream(path: Path, encoding: str, newline: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(_open_binary(path), encoding=encoding, errors="strict", newline=newline)


def _text_lines(path: Path, encoding: str) -> Iterator[str]:
    """Decoded lines of a file, each ending in its ``\n``; split on ``\n`` only."""
    if encoding not in _LINE_SAFE:
        with _text_stream(path, encoding, "\n") as stream:
            yield from _guarded(stream, path)
        return
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    number = 0
    with _open_binary(path) as handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and encoding == "utf-8-sig":
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                try:
                    yield raw.decode(codec)
                except UnicodeDecodeError as exc:
                    raise CorpusError(
                        path,
                        f"undecodable bytes on line {number} (byte {exc.start} of the line is not valid "
                        f"{encoding}); the rest of the file was not read",
                    ) from None
        except (OSError, EOFError, zlib.error) as exc:
            raise CorpusError(
                path, f"corrupt gzip data after line {number}: {exc}; the rest of the file was not read"
            ) from None


def _starts_with_array(path: Path, encoding: str) -> bool:
    with _text_stream(path, encoding, "\n") as stream:
        return stream.read(4096).lstrip().startswith("[")


def _json_array(path: Path, encoding: str) -> list[dict[str, Any]]:
    with _text_stream(path, encoding, "\n") as stream:
        try:
            data = json.load(stream)
        except json.JSONDecodeError as exc:
            raise CorpusError(path, f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise CorpusError(path, "a JSON array must hold one object per document")
    return data


def _jsonl_rows(path: Path, encoding: str) -> Iterator[dict[str, Any]]:
    # Records end at "\n" only; U+2028/U+2029 inside strings are text, not line
    # ends (str.splitlines() would split on them).
    for number, line in enumerate(_text_lines(path, encoding), start=1):
        if not line or line.isspace():  # isspace stops at the first visible character
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(path, f"invalid JSON on line {number}: {exc.msg}") from None
        if not isinstance(item, dict):
            raise CorpusError(path, f"line {number} is not a JSON object")
        yield item


def _csv_rows(path: Path, encoding: str) -> Iterator[dict[str, Any]]:
    delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    reader = csv.DictReader(_text_lines(path, encoding), delimiter=delimiter, strict=True)
    try:
        if reader.fieldnames is None:
            raise CorpusError(path, "CSV file has no header row")
        for row in reader:
            if None in row:
                raise CorpusError(
                    path, f"malformed CSV: line {reader.line_num} has more fields than the header"
                )
            yield row
    except csv.Error as exc:
        raise CorpusError(path, f"malformed CSV near line {reader.line_num}: {exc}") from None


def _guarded(lines: Iterator[str], path: Path) -> Iterator[str]:
    """Pass lines through, turning a decoding or gzip failure part-way into a clear error."""
    number = 0
    try:
        for number, line in enumerate(lines, start=1):  # noqa: B007
            yield line
    except UnicodeDecodeError as exc:
        raise CorpusError(
            path, f"undecodable bytes after line {number}: {exc.reason}; the rest of the file was not read"
        ) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise CorpusError(
            path, f"corrupt gzip data after line {number}: {exc}; the rest of the file was not read"
        ) from None


def _parquet_rows(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    try:
        with _open_binary(path) as handle:
            source = io.BytesIO(handle.read()) if isinstance(handle, gzip.GzipFile) else path
        parquet = pq.ParquetFile(source)
        for batch in parquet.iter_batches(batch_size=4096):
            yield from batch.to_pylist()
    except CorpusError:
        raise
    except Exception as exc:  # pyarrow raises many types for bad files
        raise CorpusError(path, f"not a readable Parquet file ({type(exc).__name__}: {exc})") from None


def _table_records(
    path: Path, fmt: str, text_column: str, id_column: str | None
) -> Iterator[_Doc | _Problem]:
    stem = _stem(path)
    number = 0
    try:
        rows, encoding = _table_rows(path, fmt)
        text_col = id_col = None
        for number, row in enumerate(rows, start=1):
            if text_col is None:
                columns = list(row)
                text_col = _find_column(columns, text_column, path, "text")
                id_col = _id_column(columns, id_column, path)
            yield _row_record(row, number, path, stem, encoding, text_col, id_col)
    except CorpusError as exc:
        yield _Problem(exc.path, exc.reason)
        return
    if number == 0:
        yield _Problem(str(path), "no rows")


def _row_record(
    row: dict[str, Any],
    number: int,
    path: Path,
    stem: str,
    encoding: str,
    text_col: str,
    id_col: str | None,
) -> _Doc | _Problem:
    value = row.get(text_col)
    if id_col is not None and row.get(id_col) not in (None, ""):
        doc_id = str(row[id_col])
    else:
        doc_id = f"{stem}-{number:06d}"
    where = f"row {number} (doc_id {doc_id}): "
    if not isinstance(value, str):
        kind = "missing" if value is None else f"not text ({type(value).__name__})"
        return _Problem(str(path), f"{where}the text cell is {kind}")
    try:
        _check_text(value, path, where)
    except CorpusError as exc:
        return _Problem(exc.path, exc.reason)
    extra = {k: v for k, v in row.items() if k not in (text_col, id_col)}
    sha = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
    return _Doc(doc_id, str(path), number, encoding, sha, value, extra)


def skipped_files(path: str | Path) -> list[Path]:
    """Files in a corpus folder that are not read as documents (not ``.txt``/``.txt.gz``).

    >>> skipped_files("no-such-folder")
    []
    """
    folder = Path(path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not _is_text_document(p))


def _is_text_document(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and (name.endswith(".txt") or name.endswith(".txt.gz"))


def iter_records(
    path: str | Path, *, text_column: str = "text", id_column: str | None = None
) -> Iterator[_Doc | _Problem]:
    """Yield documents and problems one at a time, in corpus order (the streaming core)."""
    root = Path(path)
    if not root.exists():
        raise CorpusError(root, "no such file or folder")
    if root.is_dir():
        files = sorted((p for p in root.iterdir() if p.is_file() and _is_text_document(p)), key=_name_key)
        if not files:
            raise CorpusError(root, "folder holds no .txt files")
        for file in files:
            yield from _text_records(file)
        return
    try:
        fmt = _format_of(root)
    except CorpusError as exc:
        yield _Problem(exc.path, exc.reason)
        return
    if fmt == "text":
        yield from _text_records(root)
    else:
        yield from _table_records(root, fmt, text_column, id_column)


def _name_key(path: Path) -> tuple[str, str]:
    return (path.name.casefold(), path.name)


def _documents_frame(docs: list[_Doc]) -> pd.DataFrame:
    # Built column by column with the dtypes stated: much faster than inferring
    # them from a list of records (the text column alone is most of the corpus).
    texts = [_normalise_newlines(doc.text) for doc in docs]
    data: dict[str, Any] = {
        "doc_id": pd.array([doc.doc_id for doc in docs], dtype="str"),
        "path": pd.array([doc.path for doc in docs], dtype="str"),
        "row": pd.array([doc.row for doc in docs], dtype="int64"),
        "encoding": pd.array([doc.encoding for doc in docs], dtype="str"),
        "sha256": pd.array([doc.sha256 for doc in docs], dtype="str"),
        "text": _string_array(texts),
        "n_lines": pd.array([text.count("\n") + 1 for text in texts], dtype="int64"),
        "newlines": pd.array([_newline_style(doc.text) for doc in docs], dtype="str"),
    }
    extra = _columns(docs)[len(DOCUMENT_COLUMNS) :]
    frame = pd.DataFrame(data, columns=list(DOCUMENT_COLUMNS))
    if extra:
        rows = pd.DataFrame.from_records([doc.extra for doc in docs], columns=extra)
        frame = pd.concat([frame, rows.set_axis(frame.index)], axis=1)
    return frame


def _string_array(values: list[str]) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype="str")``, built through Arrow: six times faster on a corpus's texts."""
    import pyarrow as pa

    array = pd.array(pa.array(values, type=pa.large_string()), dtype="str")
    if array.dtype != pd.StringDtype(na_value=float("nan")):  # pragma: no cover - other storage
        return pd.array(values, dtype="str")
    return array


def _columns(docs: list[_Doc]) -> list[str]:
    extra = dict.fromkeys(k for d in docs for k in d.extra if k not in DOCUMENT_COLUMNS)
    return [*DOCUMENT_COLUMNS, *extra]


def _unique_ids(records: Iterator[_Doc | _Problem]) -> Iterator[_Doc | _Problem]:
    """Pass records through, turning a repeated ``doc_id`` into a problem naming both places."""
    seen: dict[str, tuple[str, int]] = {}
    for record in records:
        if isinstance(record, _Problem):
            yield record
            continue
        first = seen.setdefault(record.doc_id, (record.path, record.row))
        if first == (record.path, record.row):
            yield record
            continue
        where = f"row {record.row}" if record.row else "this file"
        first_where = first[0] + (f" row {first[1]}" if first[1] else "")
        yield _Problem(
            record.path, f"duplicate doc_id {record.doc_id!r} in {where}: already used by {first_where}"
        )


def _problems_frame(problems: list[_Problem]) -> pd.DataFrame:
    return pd.DataFrame(
        [(p.path, p.reason) for p in problems], columns=list(PROBLEM_COLUMNS), dtype=object
    ).astype(str)


def iter_corpus(
    path: str | Path,
    *,
    chunk_size: int = 5000,
    text_column: str = "text",
    id_column: str | None = None,
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Stream a corpus as ``(documents, problems)`` chunks of at most ``chunk_size`` documents.

    The streaming form of :func:`load_corpus` (``on_error="report"``): files and
    rows are read one at a time, so memory does not grow with the corpus.

    >>> from newsstudy.paths import SEEDS_DIR
    >>> [len(docs) for docs, _ in iter_corpus(SEEDS_DIR, chunk_size=2)]
    [2, 2, 1]
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    docs: list[_Doc] = []
    problems: list[_Problem] = []
    for record in _unique_ids(iter_records(path, text_column=text_column, id_column=id_column)):
        if isinstance(record, _Problem):
            problems.append(record)
            continue
        docs.append(record)
        if len(docs) == chunk_size:
            yield _documents_frame(docs), _problems_frame(problems)
            docs, problems = [], []
    if docs or problems:
        yield _documents_frame(docs), _problems_frame(problems)


@overload
def load_corpus(
    path: str | Path,
    *,
    text_column: str = ...,
    id_column: str | None = ...,
    on_error: Literal["raise"] = ...,
) -> pd.DataFrame: ...


@overload
def load_corpus(
    path: str | Path,
    *,
    text_column: str = ...,
    id_column: str | None = ...,
    on_error: Literal["report"],
) -> tuple[pd.DataFrame, pd.DataFrame]: ...


def load_corpus(
    path: str | Path,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    on_error: Literal["raise", "report"] = "raise",
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load a corpus into the ``documents`` table (columns in the module docstring).

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files, a ``.txt`` file, or a JSON Lines / CSV /
        Parquet file (optionally gzip-compressed).
    text_column : str, default "text"
        Column holding the article text in tabular input (matched exactly, else
        case-insensitively).
    id_column : str, optional
        Column holding the document id; by default ``doc_id``, ``id`` or
        ``docno`` if present, else ``<file stem>-<row>``.
    on_error : {"raise", "report"}
        ``"raise"``: the first bad file raises :class:`CorpusError`.
        ``"report"``: return ``(documents, problems)``, where ``problems`` has
        one row (``path``, ``reason``) per file or row that could not be read.

    Raises
    ------
    CorpusError
        The path does not exist or holds no documents (always), or a file or row
        is bad (with ``on_error="raise"``).

    Examples
    --------
    >>> from newsstudy.paths import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> first = docs.iloc[0]
    >>> print(first.doc_id, first.encoding, first.n_lines)
    000_b1f939984b1b9b8b utf-8 21
    """
    if on_error not in ("raise", "report"):
        raise ValueError(f"on_error must be 'raise' or 'report', not {on_error!r}")
    docs: list[_Doc] = []
    problems: list[_Problem] = []
    for record in _unique_ids(iter_records(path, text_column=text_column, id_column=id_column)):
        if isinstance(record, _Problem):
            if on_error == "raise":
                raise CorpusError(record.path, record.reason)
            problems.append(record)
        else:
            docs.append(record)
    documents = _documents_frame(docs)
    if on_error == "raise":
        return documents
    return documents, _problems_frame(problems)
