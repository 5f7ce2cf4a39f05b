"""Load a corpus into the ``documents`` table, decoding real-world encodings.

Accepted inputs
---------------
- a folder of ``.txt`` files (and ``.txt.gz``), read in name order, its sub-folders
  too (one per outlet, say; depth first, in name order); tabular files in it
  (``.jsonl``, ``.csv``, ``.parquet`` … as below: one export per outlet, say) are
  read too, in the same name order; other files (a ``README.md``, say) and hidden files and folders
  (``.git``) are not documents and are listed in :func:`skipped_files` (the
  command line names them) so nothing is dropped without a trace;
  symbolic links are followed, and a broken link, a FIFO, a socket or a device in
  the folder is a problem row;
- a single ``.txt`` file;
- JSON Lines (``.jsonl``, ``.ndjson``, or ``.json`` holding JSON Lines or one
  array of objects), CSV (``.csv``; ``.tsv`` is tab-separated) and Parquet
  (``.parquet``) with a text column;
- any of these compressed with gzip (detected by its magic bytes, so a ``.gz``
  suffix is optional).

The ``documents`` table
-----------------------
========== ==============================================================
doc_id     file stem (after its sub-folders in a folder: ``outlet/article``),
           or the id column of tabular input (``doc_id``/``id``/``docno`` if
           present), else ``<file stem>-<row>``; a tabular file in a folder
           puts its sub-folders and stem first (``outlet/export/<id>``,
           ``outlet/export-<row>``)
path       the file the document came from
row        record number (from 1) in tabular input, counting records that
           are problems; 0 for text files
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

Every input document ends in one of the two tables. In tabular input a record
that cannot be read is a problem of its own, naming where it is (``line 2: not
valid JSON (…)``, ``line 5: undecodable bytes (…)``, ``line 1: no 'text' field``,
``item 3: …`` in a JSON array, ``row 4: …`` in Parquet), and the records after it
are read; a file where no record has the text field is one problem naming the
fields found. Reading stops part-way only where nothing after can be trusted
(gzip data cut off or damaged, a JSON array that is not valid): the records
before are kept and one problem says where it stopped (``corrupt gzip data after
line 986: the file is truncated …; the rest of the file was not read``). A string
holding a lone surrogate (a JSON ``"\\ud800"`` escape) is not Unicode text: its
record is a problem, as no character is replaced in the raw text.

Limits
------
A document over :data:`MAX_DOCUMENT_BYTES` (50 MiB) is a problem row (``over the
50 MiB document size limit``): a text file (after gunzipping), a line of JSON
Lines, an item of a JSON array (which stops the file), or a text cell. It is found
out without holding more than the limit in memory, so a small gzip bomb costs no
more than one large document. Files and lines are streamed and runs of blank lines
skipped in bulk; the whole input is never held, except a Parquet file's row groups
as pyarrow reads them.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import functools
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tempfile
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
    "MAX_DOCUMENT_BYTES",
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
#: Column names scrapers give an article's text (news-please, trafilatura, newspaper3k, Common Crawl
#: exports …): named in the error when ``text_column`` is not there, never read without being asked.
TEXT_CANDIDATES = ("body", "content", "article", "article_text", "full_text", "maintext", "story", "raw_text")
# The largest document read, in bytes: a text file (gunzipped), a line of JSON Lines,
# an item of a JSON array, a text cell. A larger one is a problem row, and no more
# than this is held in memory to find that out.
MAX_DOCUMENT_BYTES = 50 * 2**20

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
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


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
        if _readability(text) >= 0.99 and _arabic_score(text) >= 0.97 and _in_text_blocks(text) >= 0.97:
            return text, codec
    return None


def _in_text_blocks(text: str) -> float:
    """Share of the characters in the blocks Arabic or ASCII text is written with (ASCII, Latin-1,
    the Arabic blocks, general punctuation). Misread UTF-16 gives symbols of other blocks too, which
    :func:`_arabic_score` does not see (it counts letters): ``b"00A\x00"`` read as UTF-16 is "〰A".

    >>> _in_text_blocks("قال: «نعم» - OK"), _in_text_blocks("〰A")
    (1.0, 0.5)
    """
    if not text:
        return 0.0
    good = sum(
        1
        for c in text
        if c < "\u0100" or "\u0600" <= c <= "\u08ff" or "\u2000" <= c <= "\u206f" or "\ufb50" <= c <= "\ufeff"
    )
    return good / len(text)


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
        if _readability(text) < 0.99 or not _ARABIC_LETTER.search(text) or _mixed_words(text) > 0.2:
            continue
        score = _arabic_score(text)
        if score >= 0.97 and (best is None or score > best[0]):
            best = (score, text, codec)
    return None if best is None else (best[1], best[2])


_WORD = re.compile(r"[^\W\d_]+")


def _mixed_words(text: str) -> float:
    """Share of the words with Arabic letters that hold Latin letters too.

    Arabic text in a code page has almost none; Latin-1 text read as an Arabic code page has its
    accented letters turned into Arabic ones inside Latin words (``café`` as ``cafى``).

    >>> _mixed_words("cafى naُve rىsumى"), _mixed_words("قال الوزير Biden إن")
    (1.0, 0.0)
    """
    arabic = [w for w in _WORD.findall(text) if _ARABIC_LETTER.search(w)]
    if not arabic:
        return 0.0
    return sum(1 for w in arabic if re.search(r"[A-Za-z]", w)) / len(arabic)


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is (``a FIFO (named pipe)`` …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _FILE_KINDS if test(mode)), "an unknown kind of file")


class _GzipFile(gzip.GzipFile):
    """A :class:`gzip.GzipFile` that also closes the file it reads from."""

    def close(self) -> None:
        fileobj = self.fileobj
        try:
            super().close()
        finally:
            if fileobj is not None:
                fileobj.close()


def _open_binary(path: Path) -> BinaryIO:
    """Open a regular file for streaming, transparently gunzipping it (detected by magic bytes).

    The file is opened without blocking and checked before anything is read, so a
    FIFO or a device (a ``.txt`` link to ``/dev/zero``, say) is a clear error
    rather than a hang or a read without end.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK)
    except OSError as exc:
        raise CorpusError(path, f"cannot read file: {exc.strerror or exc}") from None
    kind = _not_regular(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise CorpusError(path, f"not a regular file: {kind}")
    if _O_NONBLOCK:
        os.set_blocking(fd, True)
    handle = open(fd, "rb")
    try:
        gzipped = handle.peek(2)[:2] == b"\x1f\x8b"
    except OSError as exc:
        handle.close()
        raise CorpusError(path, f"cannot read file: {exc.strerror or exc}") from None
    return _GzipFile(fileobj=handle) if gzipped else handle  # type: ignore[return-value]


def _read_error(exc: Exception, after: str = "") -> str:
    """Why a file could not be read (on), for a problem row; ``after`` says how far it was read."""
    where = f" after {after}" if after else ""
    if isinstance(exc, EOFError):
        return f"corrupt gzip data{where}: the file is truncated ({exc})"
    if isinstance(exc, zlib.error | gzip.BadGzipFile):
        return f"corrupt gzip data{where}: {exc}"
    if isinstance(exc, UnicodeDecodeError):
        return f"undecodable bytes{where}: {exc.reason}"
    return f"cannot read file{where}: {getattr(exc, 'strerror', None) or exc}"


_READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError)


def _stopped(path: Path, exc: Exception, unit: str, count: int) -> CorpusError:
    """The error for a file whose reading stopped part-way: the records before it are kept."""
    after = f"{unit} {count}" if count else ""
    return CorpusError(path, f"{_read_error(exc, after)}; the rest of the file was not read")


def _over_limit() -> str:
    return f"over the {MAX_DOCUMENT_BYTES / 2**20:g} MiB document size limit"


def _read_document(path: Path) -> bytes:
    """The bytes of a text document (gunzipped), reading no more than the document size limit allows."""
    with _open_binary(path) as handle:
        try:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
        except _READ_ERRORS as exc:
            raise CorpusError(path, _read_error(exc)) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise CorpusError(path, _over_limit())
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


def _text_records(path: Path, doc_id: str) -> Iterator[_Doc | _Problem]:
    try:
        raw = _read_document(path)
        text, encoding = decode_bytes(raw, path=path)
        _check_text(text, path)
    except CorpusError as exc:
        yield _Problem(exc.path, exc.reason)
        return
    yield _Doc(doc_id, str(path), 0, encoding, hashlib.sha256(raw).hexdigest(), text)


def _matching(columns: tuple[str, ...] | list[str], wanted: str) -> str | None:
    """The column named ``wanted``: matched exactly, else case-insensitively if only one matches."""
    if wanted in columns:
        return wanted
    folded = [c for c in columns if str(c).casefold() == wanted.casefold()]
    return folded[0] if len(folded) == 1 else None


def _find_column(columns: list[str], wanted: str, path: Path, what: str) -> str:
    found = _matching(columns, wanted)
    if found is None:
        hint = _text_column_hint(columns) if what == "text" else ""
        names = ", ".join(map(str, columns)) or "(none)"
        raise CorpusError(path, f"no {what} column {wanted!r}; the columns are {names}{hint}")
    return found


def _text_column_hint(columns) -> str:
    """How to read the column a scraper likely put the text in (:data:`TEXT_CANDIDATES`), or ``""``."""
    names = {str(c).strip().casefold(): str(c).strip() for c in columns}
    likely = [names[c] for c in TEXT_CANDIDATES if c in names]
    return f"; to read {likely[0]!r}: --text-column {likely[0]} (text_column={likely[0]!r})" if likely else ""


def _check_columns(columns: list[str], text_column: str, id_column: str | None, path: Path) -> None:
    """Raise :class:`CorpusError` for a whole file whose header lacks the text (or the named id) column."""
    _find_column(columns, text_column, path, "text")
    if id_column is not None:
        _find_column(columns, id_column, path, "id")


@functools.lru_cache(maxsize=256)
def _row_keys(
    keys: tuple[str, ...], text_column: str, id_column: str | None
) -> tuple[str | None, str | None]:
    """The text and id fields among a row's keys (the text field is None when the row has none).

    The id field is ``id_column`` if given, else ``doc_id``, ``id`` or ``docno``; a row
    without it gets a ``<file stem>-<row>`` id. Cached: the rows of a file mostly share
    their keys.
    """
    if id_column is not None:
        id_key = _matching(keys, id_column)
    else:
        found = ([c for c in keys if str(c).casefold() == candidate] for candidate in ID_CANDIDATES)
        id_key = next((f[0] for f in found if len(f) == 1), None)
    return _matching(keys, text_column), id_key


_SNIFF_BYTES = 1 << 20
_CHUNK = 1 << 16


def _head(path: Path, size: int) -> tuple[bytes, bool]:
    """The first ``size`` bytes of a file (gunzipped) and whether more follow.

    Damaged gzip data ends the sample early without an error: the reading proper
    reports it, after the rows before it.
    """
    head = bytearray()
    with _open_binary(path) as handle:
        try:
            while len(head) <= size and (piece := handle.read(min(_CHUNK, size + 1 - len(head)))):
                head += piece
        except _READ_ERRORS as exc:
            if not head:
                raise CorpusError(path, _read_error(exc)) from None
            return bytes(head), True
    return bytes(head[:size]), len(head) > size


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


def _opens_array(text: str) -> bool:
    r"""Whether JSON text (a file's start) is one JSON array rather than JSON Lines.

    It opens with ``[`` and its first line is not a JSON value of its own (a pretty-printed array)
    or is its only line (an array on one line). JSON Lines whose first record is an array
    (``[1, 2]``, then objects) is JSON Lines: that record is a problem, the others are read.

    >>> _opens_array('[\n {"text": "a"}\n]'), _opens_array('[{"text": "a"}]')
    (True, True)
    >>> _opens_array('[1, 2]\n{"text": "a"}\n'), _opens_array('{"text": "a"}')
    (False, False)
    """
    body = text.lstrip()
    if not body.startswith("["):
        return False
    first, _, rest = body.partition("\n")
    if not rest.strip():
        return True
    try:
        json.loads(first)
    except ValueError:
        return True
    return False


def _sniff(path: Path) -> tuple[str, bool]:
    """A tabular file's encoding, detected from its first megabyte, and whether it opens a JSON array."""
    head, more = _head(path, _SNIFF_BYTES)
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, _opens_array(head.decode(codec, "replace").lstrip("\ufeff"))
    sample = head[: _sample_end(head)] if more else head
    try:
        text, encoding = decode_bytes(sample, path=path)
    except CorpusError as exc:
        if not exc.reason.startswith(("undecodable bytes", "truncated UTF-8")):
            raise
        # No encoding reads every line: read UTF-8, each line that is not a problem of its own.
        return "utf-8", _opens_array(sample.decode("utf-8", "replace"))
    return encoding, _opens_array(text)


def _table_rows(
    path: Path, fmt: str, text_column: str, id_column: str | None
) -> tuple[Iterator[tuple[str, dict[str, Any] | str]], str]:
    """Stream the records of tabular input; return them and the encoding used.

    Each record is ``(where, row)``: where it is (``line 3``, ``item 3``, ``row 3``)
    and the row as a dict, or a str saying why the record could not be read. A
    failure that stops the reading (damaged gzip data, say) raises
    :class:`CorpusError` from the iterator, after the records before it.
    """
    if fmt == "parquet":
        return _parquet_rows(path, text_column, id_column), "parquet (utf-8)"
    encoding, is_array = _sniff(path)
    if fmt == "csv":
        return _csv_rows(path, encoding, text_column, id_column), encoding
    if is_array:
        return _json_array_rows(path, encoding), encoding
    return _jsonl_rows(path, encoding), encoding


# Encodings in which b"\n" is always a line end, so lines can be split as bytes
# and decoded one by one (a bad byte is then pinned to its own line). Other
# encodings (UTF-16, UTF-32) are read through _Utf8Recoder.
_LINE_SAFE = ("utf-8", "utf-8-sig", "windows-1256", "iso-8859-6")
_UTF8_BOM = b"\xef\xbb\xbf"


class _BadLine(Exception):
    """A line that cannot be read (the message says why); the lines after it can."""


class _Utf8Recoder(io.RawIOBase):
    """A text stream read back as UTF-8 bytes, so UTF-16 and UTF-32 files are split into lines like others."""

    def __init__(self, stream: io.TextIOWrapper) -> None:
        super().__init__()
        self._stream = stream
        self._data = b""
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._offset == len(self._data):
            text = self._stream.read(_CHUNK)
            if not text:
                return 0
            self._data, self._offset = text.encode("utf-8"), 0
        size = min(len(buffer), len(self._data) - self._offset)
        buffer[:size] = self._data[self._offset : self._offset + size]
        self._offset += size
        return size

    def close(self) -> None:
        self._stream.close()
        super().close()


class _Lines:
    """The physical lines of a text file, split on ``\\n`` only and decoded one by one.

    No line is held beyond :data:`MAX_DOCUMENT_BYTES`: a longer one is read past in
    pieces and raised as :class:`_BadLine`, like a line whose bytes do not decode,
    and reading goes on after either. Runs of ``blank`` lines before a record are
    skipped a buffer at a time, so a file of newlines is quick. Kept as it goes: the
    line number (``number``), the first line of the current record (``start``) and
    the quote characters read in that record (``quotes``, for CSV).
    """

    def __init__(self, path: Path, encoding: str, blank: bytes) -> None:
        self.path = path
        self.number = self.start = self.quotes = 0
        self._encoding = encoding
        self._codec = encoding if encoding in _LINE_SAFE and encoding != "utf-8-sig" else "utf-8"
        self._blank = blank
        self._at_start = True
        handle = _open_binary(path)
        if encoding not in _LINE_SAFE:
            text = io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline="")
            handle = io.BufferedReader(_Utf8Recoder(text))  # type: ignore[assignment]
        self._handle = handle

    def __enter__(self) -> _Lines:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()

    def __iter__(self) -> _Lines:
        return self

    def new_record(self) -> None:
        """Start a record: blank lines before it are skipped, its quotes counted afresh."""
        self._at_start = True
        self.quotes = 0

    def __next__(self) -> str:
        try:
            raw = self._readline()
            if self._at_start:
                while raw and raw[0] in self._blank and not raw.strip(self._blank):
                    self._skip_blank_lines()  # blank lines before a record: the rest of the run in bulk
                    raw = self._readline()
                self._at_start = False
        except _READ_ERRORS as exc:
            raise _stopped(self.path, exc, "line", self.number) from None
        if not raw:
            raise StopIteration
        try:
            return raw.decode(self._codec)
        except UnicodeDecodeError as exc:
            raise _BadLine(
                f"undecodable bytes (byte {exc.start} of the line is not valid {self._encoding})"
            ) from None

    def _readline(self) -> bytes:
        raw = self._handle.readline(MAX_DOCUMENT_BYTES + 1)
        if not raw:
            return raw
        self.number += 1
        if self.number == 1 and self._encoding == "utf-8-sig":
            raw = raw.removeprefix(_UTF8_BOM)
        if self._at_start:
            self.start = self.number
        self.quotes += raw.count(b'"')
        if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
            self._at_start = False
            self._read_past_line()
            raise _BadLine(_over_limit())
        return raw

    def _skip_blank_lines(self) -> None:
        while (head := self._handle.peek(1)) and head[0] in self._blank:
            newlines = head.count(b"\n")
            if newlines == len(head):  # a buffer of newlines only: one quick pass
                end = len(head)
            else:
                run = len(head) - len(head.lstrip(self._blank))
                end = head.rfind(b"\n", 0, run) + 1
                if not end:
                    return
                newlines = head.count(b"\n", 0, end)
            self.number += newlines
            self._handle.read(end)

    def _read_past_line(self) -> None:
        while piece := self._handle.readline(_CHUNK):
            self.quotes += piece.count(b'"')
            if piece.endswith(b"\n"):
                return

    def finish_quoted(self) -> None:
        """After a bad CSV record, read past the rest of a quoted field it left open (odd quote count)."""
        while self.quotes % 2:
            try:
                next(self)
            except StopIteration:
                return
            except _BadLine:
                continue


# --- JSON ---------------------------------------------------------------------------------------------

_JSON_BLANK = b" \t\r\n\x0b\x0c"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Only a \uD800-\uDFFF escape gives a lone surrogate: the rows without one are not searched.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_DECODER = json.JSONDecoder()


def _jsonl_rows(path: Path, encoding: str) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """The records of a JSON Lines file, one per line; a line that is not a JSON object is its own problem.

    Records end at ``\\n`` only; U+2028/U+2029 inside strings are text, not line
    ends (``str.splitlines()`` would split on them).
    """
    with _Lines(path, encoding, _JSON_BLANK) as lines:
        while True:
            lines.new_record()
            try:
                line = next(lines)
            except StopIteration:
                return
            except _BadLine as bad:
                yield f"line {lines.start}", str(bad)
                continue
            if not line.isspace():  # isspace stops at the first visible character
                yield f"line {lines.start}", _parse_json_line(line)


def _parse_json_line(line: str) -> dict[str, Any] | str:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        column = min(exc.pos, len(line.rstrip("\r\n"))) + 1  # not past the line's end
        return f"not valid JSON ({exc.msg.removesuffix(' at')} at column {column})"
    except (ValueError, RecursionError) as exc:  # a number of over 4300 digits, nesting too deep
        return f"not valid JSON ({exc})"
    return _json_object(item, _SURROGATE_ESCAPE.search(line) is not None)


def _json_object(item: Any, escapes: bool) -> dict[str, Any] | str:
    """A parsed JSON record as a row, or why it is not one (``escapes``: its source has ``\\uDxxx``)."""
    if not isinstance(item, dict):
        return f"not a JSON object but {_json_kind(item)}"
    field = _lone_surrogate(item) if escapes else None
    if field is not None:
        return f"{field}, not valid Unicode"
    return item


def _json_kind(item: Any) -> str:
    if isinstance(item, list):
        return "an array"
    if isinstance(item, str):
        return "a string"
    if item is None or isinstance(item, bool):
        return json.dumps(item)
    return "a number"


def _lone_surrogate(item: dict[str, Any]) -> str | None:
    """Which field of a JSON object holds a lone surrogate (``text contains …``), else None.

    Such a string is not Unicode text (no encoder writes it), so the row is a problem
    rather than a silently changed text.
    """
    for key, value in item.items():
        stack = [key, value]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(value)
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str) and (found := _SURROGATE.search(value)):
                name = key.encode("utf-8", "backslashreplace").decode("utf-8")
                return f"{name} contains a lone surrogate \\u{ord(found.group()):04x}"
    return None


def _json_array_rows(path: Path, encoding: str) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """The items of a file holding one JSON array; an item that is not a JSON object is its own problem."""
    with _JsonArray(path, encoding) as array:
        for item, escapes in array.items():
            yield f"item {array.count}", _json_object(item, escapes)


class _JsonArray:
    """The items of a JSON array, parsed one at a time from a text stream: the array is never held whole.

    An item is parsed from a buffer grown until the item is complete, so an item
    over the document size limit is a problem, not memory run out. JSON that is not
    valid stops the reading (there is no telling where the next item starts).
    """

    def __init__(self, path: Path, encoding: str) -> None:
        self.path = path
        self.count = 0
        self._stream = io.TextIOWrapper(_open_binary(path), encoding=encoding, errors="strict", newline="")
        self._text = ""
        self._pos = 0
        self._eof = False

    def __enter__(self) -> _JsonArray:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()

    def items(self) -> Iterator[tuple[Any, bool]]:
        """Yield each item, and whether its source has a ``\\uDxxx`` escape (so may hold a lone surrogate)."""
        self._expect("[")
        if self._peek() == "]":
            self._pos += 1
        else:
            while True:
                yield self._item()
                separator = self._peek()
                self._expect(",]")
                if separator == "]":
                    break
        if self._peek():
            raise self._invalid("extra data after the array")

    def _item(self) -> tuple[Any, bool]:
        self._peek()
        while True:
            try:
                item, end = _JSON_DECODER.raw_decode(self._text, self._pos)
            except json.JSONDecodeError as exc:
                # Cut off by the end of the buffer (rather than wrong): read more and parse again.
                cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(self._text) - 16
                if cut and self._fill():
                    continue
                raise self._invalid(exc.msg) from None
            except (ValueError, RecursionError) as exc:
                raise self._invalid(str(exc)) from None
            if end == len(self._text) and self._fill():
                continue  # a number may go on in the next part of the stream
            escapes = _SURROGATE_ESCAPE.search(self._text, self._pos, end) is not None
            self._pos = end
            self.count += 1
            return item, escapes

    def _peek(self) -> str:
        """The next character after JSON whitespace ("" at the end of the stream)."""
        while True:
            self._pos = _JSON_SPACE.match(self._text, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._text) or not self._fill():
                return self._text[self._pos : self._pos + 1]

    def _expect(self, chars: str) -> None:
        char = self._peek()
        if not char or char not in chars:
            found = repr(char) if char else "the end of the file"
            raise self._invalid(f"expecting {' or '.join(map(repr, chars))}, found {found}")
        self._pos += 1

    def _fill(self) -> bool:
        """Read more of the stream into the buffer, dropping what is parsed; False at the end."""
        if self._eof:
            return False
        pending = len(self._text) - self._pos
        if pending > MAX_DOCUMENT_BYTES:
            raise CorpusError(
                self.path, f"item {self.count + 1}: {_over_limit()}; the rest of the file was not read"
            )
        try:  # the buffer grows to twice its size at most, and never past the limit
            more = self._stream.read(min(max(_CHUNK, pending), MAX_DOCUMENT_BYTES + 1 - pending))
        except _READ_ERRORS as exc:
            raise _stopped(self.path, exc, "item", self.count) from None
        self._text = self._text[self._pos :] + more
        self._pos = 0
        self._eof = not more
        return bool(more)

    def _invalid(self, what: str) -> CorpusError:
        return CorpusError(
            self.path, f"item {self.count + 1}: not valid JSON ({what}); the rest of the file was not read"
        )


# --- CSV ----------------------------------------------------------------------------------------------

_CSV_BLANK = b"\r\n"


def _csv_rows(
    path: Path, encoding: str, text_column: str, id_column: str | None
) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """The records of a CSV (or TSV) file after its header; a record that cannot be parsed is its own problem.

    After a bad record, reading resumes at the end of the quoted field it left open,
    so one bad record does not garble the next ones.
    """
    # The limit is on characters and is the csv module's own (process-wide): raised, never lowered.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_DOCUMENT_BYTES))
    delimiter = _delimiter(path, encoding, text_column)
    with _Lines(path, encoding, _CSV_BLANK) as lines:
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        header = _csv_header(reader, lines)
        _check_columns(header, text_column, id_column, path)
        while True:
            lines.new_record()
            try:
                fields = next(reader)
            except StopIteration:
                return
            except (_BadLine, csv.Error) as exc:
                lines.finish_quoted()
                yield f"line {lines.start}", _csv_reason(exc)
                continue
            if fields:
                yield f"line {lines.start}", _csv_row(header, fields)


#: Delimiters tried on the header row after the suffix's own (spreadsheets in many locales save ``;``).
_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(path: Path, encoding: str, text_column: str) -> str:
    """The suffix's delimiter (tab for ``.tsv``, else comma), or the first other one under which
    the header row names the text column (a ``;``-separated export saved as ``.csv``)."""
    default = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    try:
        with _Lines(path, encoding, _CSV_BLANK) as lines:
            lines.new_record()
            first = next(lines, "")
    except (_BadLine, OSError, UnicodeError, EOFError, zlib.error):
        return default  # the real read reports it
    for delimiter in (default, *(d for d in _DELIMITERS if d != default)):
        header = next(csv.reader([first], delimiter=delimiter), [])
        if text_column in header:
            return delimiter
    return default


def _csv_header(reader: Iterator[list[str]], lines: _Lines) -> list[str]:
    lines.new_record()
    try:
        return next(row for row in reader if row)
    except StopIteration:
        raise CorpusError(lines.path, "CSV file has no header row") from None
    except (_BadLine, csv.Error) as exc:
        raise CorpusError(lines.path, f"line {lines.start} (the header row): {_csv_reason(exc)}") from None


def _csv_reason(exc: Exception) -> str:
    if isinstance(exc, _BadLine):
        return str(exc)
    if str(exc).startswith("field larger than field limit"):
        return _over_limit()
    return f"malformed CSV ({exc})"


def _csv_row(header: list[str], fields: list[str]) -> dict[str, Any] | str:
    """A CSV record as a dict, as :class:`csv.DictReader` makes it (missing cells are None)."""
    if len(fields) > len(header):
        return f"more fields than the header ({len(fields)}, not {len(header)})"
    row: dict[str, Any] = dict(zip(header, fields, strict=False))
    for key in header[len(fields) :]:
        row[key] = None
    return row


# --- Parquet ------------------------------------------------------------------------------------------


def _parquet_rows(
    path: Path, text_column: str, id_column: str | None
) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """The rows of a Parquet file; a row whose strings are not valid UTF-8 is its own problem."""
    import pyarrow.parquet as pq

    number = 0
    with contextlib.ExitStack() as stack:
        try:
            parquet = pq.ParquetFile(_parquet_source(path, stack))
            stack.callback(parquet.close)
            columns = parquet.schema_arrow.names
        except CorpusError:
            raise
        except Exception as exc:  # pyarrow raises many types for bad files
            raise CorpusError(path, f"not a readable Parquet file ({type(exc).__name__}: {exc})") from None
        _check_columns(columns, text_column, id_column, path)
        try:
            for batch in parquet.iter_batches(batch_size=4096):
                for row in _batch_rows(batch):
                    number += 1
                    yield f"row {number}", row
        except Exception as exc:
            raise CorpusError(
                path,
                f"not a readable Parquet file after row {number} ({type(exc).__name__}: {exc}); "
                "the rest of the file was not read",
            ) from None


def _parquet_source(path: Path, stack: contextlib.ExitStack) -> Path | BinaryIO:
    """The file for pyarrow to read: the path, or gunzipped into a temporary file (spilled to disk)."""
    with _open_binary(path) as handle:
        if not isinstance(handle, _GzipFile):
            return path
        spool = stack.enter_context(tempfile.SpooledTemporaryFile(max_size=16 * _CHUNK))
        try:
            shutil.copyfileobj(handle, spool)
        except _READ_ERRORS as exc:
            raise CorpusError(path, _read_error(exc)) from None
    spool.seek(0)
    return spool  # type: ignore[return-value]


def _batch_rows(batch: Any) -> list[dict[str, Any] | str]:
    """A record batch as rows; where a string is not valid UTF-8, that row is a reason instead."""
    try:
        return batch.to_pylist()
    except UnicodeDecodeError:
        return [_batch_row(batch.slice(i, 1)) for i in range(batch.num_rows)]


def _batch_row(batch: Any) -> dict[str, Any] | str:
    try:
        return batch.to_pylist()[0]
    except UnicodeDecodeError as exc:
        return f"a string is not valid UTF-8 (byte {exc.start}: {exc.reason})"


# --- rows to records ----------------------------------------------------------------------------------


class _WithoutText:
    """Rows without the text field: each a problem once a row has the field, else one problem for the file.

    So a file where no row has it (a wrong ``text_column``) is one problem naming
    the fields found, not one per row.
    """

    def __init__(self, path: Path, text_column: str) -> None:
        self._path = str(path)
        self._text_column = text_column
        self._waiting: list[_Problem] = []
        self._fields = ""
        self.found = False

    def row(self, where: str, row: dict[str, Any]) -> list[_Problem]:
        fields = ", ".join(map(str, row)) or "(none)"
        problem = _Problem(self._path, f"{where}: no {self._text_column!r} field; the fields are {fields}")
        if self.found:
            return [problem]
        self._fields = self._fields or fields
        self._waiting.append(problem)
        return []

    def release(self) -> list[_Problem]:
        """A row has the field: the rows held back are problems of their own."""
        self.found = True
        waiting, self._waiting = self._waiting, []
        return waiting

    def end(self) -> list[_Problem]:
        if not self._waiting:
            return []
        n = len(self._waiting)
        hint = _text_column_hint(self._fields.split(", "))
        return [
            _Problem(
                self._path,
                f"no text column {self._text_column!r}; the columns are {self._fields} "
                f"(none of the file's {n} row{'s' if n > 1 else ''} has one){hint}",
            )
        ]


def _table_records(
    path: Path, fmt: str, text_column: str, id_column: str | None, stem: str | None = None
) -> Iterator[_Doc | _Problem]:
    """The documents and problems of one tabular file: each record ends in one of them.

    ``stem`` (the file's place in a folder, ``outlet/export``) goes before every id; else the
    file's stem names only the rows without an id.
    """
    prefix = "" if stem is None else f"{stem}/"
    stem = _stem(path) if stem is None else stem
    without_text = _WithoutText(path, text_column)
    number = 0
    try:
        rows, encoding = _table_rows(path, fmt, text_column, id_column)
        for number, (where, row) in enumerate(rows, start=1):
            if isinstance(row, str):
                yield _Problem(str(path), f"{where}: {row}")
                continue
            text_key, id_key = _row_keys(tuple(row), text_column, id_column)
            if text_key is None:
                yield from without_text.row(where, row)
                continue
            if not without_text.found:
                yield from without_text.release()
            yield _row_record(row, number, path, stem, encoding, text_key, id_key, prefix)
    except CorpusError as exc:
        yield from without_text.end()
        yield _Problem(exc.path, exc.reason)
        return
    yield from without_text.end()
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
    prefix: str = "",
) -> _Doc | _Problem:
    value = row.get(text_col)
    if id_col is not None and row.get(id_col) not in (None, ""):
        doc_id = prefix + str(row[id_col])
    else:
        doc_id = f"{stem}-{number:06d}"
    where = f"row {number} (doc_id {doc_id}): "
    if isinstance(value, bytes | bytearray):  # a binary column (Parquet, Arrow): decoded as a file is
        try:
            value, encoding = decode_bytes(bytes(value), path=path) if value else ("", encoding)
        except CorpusError as exc:
            return _Problem(str(path), f"{where}the text cell's bytes are not text ({exc.reason})")
    if not isinstance(value, str):
        kind = "missing" if value is None else f"not text ({type(value).__name__})"
        return _Problem(str(path), f"{where}the text cell is {kind}")
    raw = value.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_DOCUMENT_BYTES:
        return _Problem(str(path), f"{where}{_over_limit()}")
    try:
        _check_text(value, path, where)
    except CorpusError as exc:
        return _Problem(exc.path, exc.reason)
    extra = {k: v for k, v in row.items() if k not in (text_col, id_col)}
    return _Doc(doc_id, str(path), number, encoding, hashlib.sha256(raw).hexdigest(), value, extra)


# --- folders ------------------------------------------------------------------------------------------


def _inspect(path: Path) -> tuple[os.stat_result | None, str | None]:
    """A path's status (links followed) when it is a regular file or a folder, else why it cannot be read."""
    if _SURROGATE.search(str(path)):
        return None, "the file name is not valid UTF-8: rename the file"
    try:
        info = path.stat()
    except FileNotFoundError:
        return None, "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "symbolic link loop"
        return None, f"cannot read: {exc.strerror or exc}"
    kind = _not_regular(info.st_mode)
    if kind is not None and not stat.S_ISDIR(info.st_mode):
        return None, f"not a regular file: {kind}"
    return info, None


def _shown(path: Path) -> str:
    """A path for a problem row: bytes of a file name that are not UTF-8 shown as ``\\xff``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _children(folder: Path) -> Iterator[Path]:
    return iter(sorted(folder.iterdir(), key=_name_key))


def _walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Everything in a corpus folder and its sub-folders, depth first in name order.

    Yields ``(path, None)`` for a regular file, or a hidden entry (``.git``: not
    entered), and ``(path, reason)`` for an entry that cannot be read (a broken link,
    a FIFO, a device, a name that is not UTF-8, a folder already read through another
    link). A folder that cannot be listed raises :class:`OSError` for ``root``, else
    is such an entry.
    """
    info = root.stat()
    seen = {(info.st_dev, info.st_ino): root}
    stack = [_children(root)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            yield entry, None
            continue
        info, reason = _inspect(entry)
        if info is None or not stat.S_ISDIR(info.st_mode):
            yield entry, reason
            continue
        first = seen.setdefault((info.st_dev, info.st_ino), entry)
        if first != entry:
            yield entry, f"a link to a folder already read: {_shown(first)}"
            continue
        try:
            stack.append(_children(entry))
        except OSError as exc:
            yield entry, f"cannot read folder: {exc.strerror or exc}"


def read_files(path: str | Path) -> list[Path]:
    """The files of a corpus folder that the loader reads (text and tabular files, gzipped too), in order.

    The same walk as the loader's: hidden folders are not entered, unreadable entries are problems.

    >>> read_files("no-such-folder")
    []
    """
    folder = Path(path)
    if not folder.is_dir():
        return []
    try:
        return [p for p, reason in _walk(folder) if reason is None and _document_format(p)]
    except OSError:
        return []


def skipped_files(path: str | Path) -> list[Path]:
    """Files in a corpus folder and its sub-folders not read as documents (neither text nor tabular).

    Hidden files and folders are listed too (a hidden folder is not entered).

    >>> skipped_files("no-such-folder")
    []
    """
    folder = Path(path)
    if not folder.is_dir():
        return []
    try:
        return [p for p, reason in _walk(folder) if reason is None and not _document_format(p)]
    except OSError:
        return []


def _document_format(path: Path) -> str | None:
    """``text``, ``json``, ``csv`` or ``parquet`` for a file a folder's walk reads, else None (hidden
    files, a README, images …)."""
    if path.name.startswith("."):
        return None
    try:
        return _format_of(path)
    except CorpusError:
        return None


def _folder_id(path: Path, root: Path) -> str:
    """A document's id in a folder: its file stem, after its sub-folders (``outlet/article``) if any."""
    return "/".join((*path.relative_to(root).parent.parts, _stem(path)))


def _folder_records(root: Path, text_column: str, id_column: str | None) -> Iterator[_Doc | _Problem]:
    try:
        entries = [(p, reason, None if reason else _document_format(p)) for p, reason in _walk(root)]
    except OSError as exc:
        raise CorpusError(root, f"cannot read folder: {exc.strerror or exc}") from None
    if not any(reason is not None or fmt for _, reason, fmt in entries):
        raise CorpusError(root, "folder holds no documents (.txt, .jsonl/.json, .csv/.tsv or .parquet files)")
    for entry, reason, fmt in entries:
        if reason is not None:
            yield _Problem(_shown(entry), reason)
        elif fmt == "text":
            yield from _text_records(entry, _folder_id(entry, root))
        elif fmt:
            yield from _table_records(entry, fmt, text_column, id_column, _folder_id(entry, root))


def iter_records(
    path: str | Path, *, text_column: str = "text", id_column: str | None = None
) -> Iterator[_Doc | _Problem]:
    """Yield documents and problems one at a time, in corpus order (the streaming core).

    Raises
    ------
    CorpusError
        The path does not exist, is not a regular file or folder (a FIFO, a device,
        a broken link) or is a folder holding nothing to read.
    """
    root = Path(path)
    info, reason = _inspect(root)
    if info is None:
        raise CorpusError(_shown(root), reason or "cannot read")
    if stat.S_ISDIR(info.st_mode):
        yield from _folder_records(root, text_column, id_column)
        return
    try:
        fmt = _format_of(root)
    except CorpusError as exc:
        yield _Problem(exc.path, exc.reason)
        return
    if fmt == "text":
        yield from _text_records(root, _stem(root))
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
    first_chunk: int | None = None,
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Stream a corpus as ``(documents, problems)`` chunks of at most ``chunk_size`` documents.

    The streaming form of :func:`load_corpus` (``on_error="report"``): files and
    rows are read one at a time, so memory does not grow with the corpus. With
    ``first_chunk``, the first chunk has that many documents and each next one
    twice as many, up to ``chunk_size``: a small corpus is still cut into
    enough chunks to keep every worker busy, a large one into large chunks.

    >>> from newsstudy.paths import SEEDS_DIR
    >>> [len(docs) for docs, _ in iter_corpus(SEEDS_DIR, chunk_size=2)]
    [2, 2, 1]
    >>> [len(docs) for docs, _ in iter_corpus(SEEDS_DIR, chunk_size=4, first_chunk=1)]
    [1, 2, 2]
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    size = chunk_size if first_chunk is None else max(1, min(first_chunk, chunk_size))
    docs: list[_Doc] = []
    problems: list[_Problem] = []
    for record in _unique_ids(iter_records(path, text_column=text_column, id_column=id_column)):
        if isinstance(record, _Problem):
            problems.append(record)
            continue
        docs.append(record)
        if len(docs) == size:
            yield _documents_frame(docs), _problems_frame(problems)
            docs, problems = [], []
            size = min(2 * size, chunk_size)
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
        A folder of ``.txt`` files (and tabular exports), a ``.txt`` file, or a JSON Lines / CSV /
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
