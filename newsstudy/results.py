"""Where a run's tables go: a fresh folder moved into place only when complete, and its manifest.

A run never writes into the results folder it replaces. Its tables and figures
are written into a hidden staging folder beside the target
(``.results.partial-<pid>-…``); only when every table and figure is written does
the run write its manifest, ``run.json``, and move the staging folder into place.
Until then the previous results stay as they were, and a run that is killed
(Ctrl-C, ``kill -9``, a full disk) leaves them untouched. A run killed with
``kill -9`` cannot tidy up itself: a small watcher process started with the run
removes its staging folder when the run is gone (and the next run into the same
place removes any that is still left).

``run.json`` marks a run complete. It records the package version, the options,
the input files with their SHA-256, the number of documents and problems, each
table's rows, columns and SHA-256, and how long each step took (the one part of
a results folder that differs between two runs of the same input).

Spreadsheets. A CSV cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is read by Excel, LibreOffice and Google Sheets as a formula
(OWASP, "CSV Injection"), so a doc_id such as ``=HYPERLINK(…)`` would become a
live link in a student's spreadsheet. Text cells that begin with one of these
characters, or with ``'``, are written with one ``'`` in front (what OWASP
advises; spreadsheets show the cell as text and hide the quote). The escape is
exact and reversible: :func:`read_table` (and :func:`unprotect`) remove exactly
one leading ``'``, so raw text, and ``clean.rebuild``, stay exact. Numeric
columns are written as numbers (``-0.5`` is not a formula).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newsstudy.errors import OutputError

__all__ = [
    "MANIFEST",
    "MemoryTables",
    "RunFolder",
    "check_output_folder",
    "corpus_files",
    "file_digest",
    "input_record",
    "manifest_record",
    "protect",
    "read_manifest",
    "read_run",
    "read_table",
    "summary",
    "unprotect",
    "write_csv",
]

#: The manifest a complete run writes last.
MANIFEST = "run.json"

#: First characters that make a spreadsheet read a cell as a formula (OWASP), and the escape.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"

_PARTIAL = ".partial-"


# --------------------------------------------------------------------------- spreadsheet-safe cells
def protect(value: Any) -> Any:
    """A text cell a spreadsheet shows as text: one ``'`` in front of a formula start (or a ``'``).

    >>> protect("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> protect("- قال المتحدث"), protect("'quoted"), protect("قال"), protect(None)
    ("'- قال المتحدث", "''quoted", 'قال', None)
    """
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + value
    return value


def unprotect(value: Any) -> Any:
    """The exact cell :func:`protect` was given.

    >>> unprotect(protect("=1+1")), unprotect(protect("'a")), unprotect("b")
    ('=1+1', "'a", 'b')
    """
    if isinstance(value, str) and value.startswith(ESCAPE):
        return value[1:]
    return value


def _changed(column: pd.Series, starts: tuple[str, ...], change: Callable[[Any], Any]) -> pd.Series:
    """``column`` with ``change`` applied to its text cells that begin with one of ``starts``.

    The cells are found with one vectorised ``str.startswith`` (a column of non-text
    values has no ``.str`` and is changed cell by cell); the rest are left as they are.

    >>> _changed(pd.Series(["=1", "a", None, 3], dtype=object), ("=",), protect).tolist()
    ["'=1", 'a', None, 3]
    """
    try:
        hit = column.str.startswith(starts, na=False).to_numpy(dtype=bool, na_value=False)
    except AttributeError:
        return column.map(change)
    if not hit.any():
        return column
    out = column.copy()
    out[hit] = column[hit].map(change)
    return out


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [
        c for c in frame.columns if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype)
    ]


def write_csv(frame: pd.DataFrame, path: Path, *, append: bool = False, header: bool = True) -> None:
    """Write ``frame`` as UTF-8 CSV with spreadsheet-safe text cells (see the module docstring).

    The bytes are those of ``DataFrame.to_csv`` (minimal quoting, missing cells empty, floats
    ``%.6g``); a frame of text, integer, boolean and float columns is formatted with Arrow's array
    operations (:func:`_csv_bytes`), any other frame by pandas itself.
    """
    safe = frame.copy(deep=False)
    for column in _text_columns(frame):
        safe[column] = _changed(frame[column], (*FORMULA_STARTS, ESCAPE), protect)
    body = _csv_bytes(safe)
    if body is not None:
        with open(path, "ab" if append else "wb") as fh:
            if header:
                fh.write(_csv_header(safe))
            fh.write(body)
        return
    safe.to_csv(
        path,
        mode="a" if append else "w",
        header=header,
        index=False,
        encoding="utf-8",
        lineterminator="\n",
        float_format="%.6g",
    )


def _csv_header(frame: pd.DataFrame) -> bytes:
    """The header row ``to_csv`` writes: the column names, quoted as the ``csv`` module quotes."""
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([str(c) for c in frame.columns])
    return out.getvalue().encode("utf-8")


#: Characters that make the ``csv`` module quote a cell (``QUOTE_MINIMAL``, ``lineterminator="\n"``).
_CSV_QUOTED = r'[,"\n]'


def _csv_cells(column: pd.Series) -> Any:
    """The cells of ``column`` as ``to_csv`` writes them, as an Arrow string array; None if its type is
    not one of text (str or missing), integers, booleans or floats."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    dtype = column.dtype
    if pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype):
        try:
            cells = pa.array(column, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return None  # numbers or other objects among the text: pandas writes them
        if not (pa.types.is_string(cells.type) or pa.types.is_large_string(cells.type)):
            if not pa.types.is_null(cells.type):
                return None
        cells = pc.fill_null(cells.cast(pa.large_string()), "")
        needed = pc.match_substring_regex(cells, _CSV_QUOTED)
        if not pc.any(needed).as_py():
            return cells
        mark, empty = pa.scalar('"', pa.large_string()), pa.scalar("", pa.large_string())
        quoted = pc.binary_join_element_wise(mark, pc.replace_substring(cells, '"', '""'), mark, empty)
        return pc.if_else(needed, quoted, cells)
    if not isinstance(dtype, np.dtype):
        return None
    values = column.to_numpy()
    if dtype.kind in "iu":
        return pc.cast(pa.array(values), pa.large_string())
    if dtype.kind == "b":
        words = pa.scalar("True", pa.large_string()), pa.scalar("False", pa.large_string())
        return pc.if_else(pa.array(values), *words)
    if dtype == np.float64:
        # pandas' float_format applied as pandas applies it (``float_format % value``)
        cells = ["" if x != x else "%.6g" % x for x in values.tolist()]  # noqa: UP031
        return pa.array(cells, type=pa.large_string())
    return None


def _csv_bytes(frame: pd.DataFrame) -> bytes | memoryview | None:
    """The rows of ``frame`` (no header) as ``to_csv(index=False, lineterminator="\n",
    float_format="%.6g")`` writes them, or None when a column is of another type (or the frame has
    fewer than two columns: the ``csv`` module quotes a row's one empty cell)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(frame.columns) < 2:
        return None
    cells = []
    for i in range(len(frame.columns)):
        column = _csv_cells(frame.iloc[:, i])
        if column is None:
            return None
        cells.append(column)
    if not len(frame):
        return b""
    comma, line_end, empty = (pa.scalar(x, pa.large_string()) for x in (",", "\n", ""))
    rows = pc.binary_join_element_wise(*cells, comma)
    rows = pc.binary_join_element_wise(rows, empty, line_end)  # each row and its line end
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    _, offsets, data = rows.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int64)[[rows.offset, rows.offset + len(rows)]]
    return memoryview(data)[int(bounds[0]) : int(bounds[1])]


def _schema(frame: pd.DataFrame) -> dict[str, str]:
    """Column -> dtype as ``read_table`` restores it (``str?``: text with missing values)."""
    text = set(_text_columns(frame))
    return {
        str(c): ("str?" if frame[c].isna().any() else "str") if c in text else str(frame[c].dtype)
        for c in frame.columns
    }


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """A table of a complete run, with the values and types it was written with.

    Text cells are unprotected, text columns stay text (``"000"`` is not 0), and
    the numeric types of ``run.json`` are restored. Parquet tables are read as
    they are. A text cell that was missing reads as missing only in a column that
    had missing values (``str?`` in ``run.json``); otherwise it reads as ``""``.

    >>> read_table("no-such-folder", "lines")
    Traceback (most recent call last):
    ...
    FileNotFoundError: no table 'lines' in no-such-folder
    """
    folder = Path(folder)
    if (folder / f"{name}.parquet").exists():
        return pd.read_parquet(folder / f"{name}.parquet")
    path = folder / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"no table {name!r} in {folder}")
    columns = _manifest_columns(folder, name)
    if columns is None:  # a folder written before manifests: text as text, numbers inferred
        table = pd.read_csv(path, keep_default_na=False, na_values=[""], encoding="utf-8")
        return table.apply(lambda s: s.map(unprotect) if s.dtype == object else s)
    return _read_csv(path, columns)


def _read_csv(path: Path, schema: Mapping[str, str], usecols: list[str] | None = None) -> pd.DataFrame:
    """A CSV this module wrote, with the types of ``schema`` and its text cells unprotected."""
    wanted = {c: kind for c, kind in schema.items() if usecols is None or c in usecols}
    text = [c for c, kind in wanted.items() if kind.startswith("str")]
    table = pd.read_csv(
        path,
        usecols=list(wanted),
        dtype=dict.fromkeys(text, str),
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8",
    )
    for column, kind in wanted.items():
        if kind == "str":
            table[column] = _changed(table[column].fillna(""), (ESCAPE,), unprotect)
        elif kind == "str?":
            table[column] = _changed(table[column], (ESCAPE,), unprotect)
        elif not (kind.startswith(("int", "bool")) and table[column].isna().any()):
            table[column] = table[column].astype(kind)
    return table[list(wanted)]


def _merged(first: Mapping[str, str], second: Mapping[str, str]) -> dict[str, str]:
    """The schema of a table whose chunks had schemas ``first`` and ``second`` (columns of both).

    >>> _merged({"a": "str", "b": "int64", "c": "str"}, {"a": "str?", "b": "float64", "c": "float64"})
    {'a': 'str?', 'b': 'float64', 'c': 'str?'}
    """
    merged = dict(first)
    for column, kind in second.items():
        old = merged.get(column, kind)
        if old == kind:
            merged[column] = kind
        elif old.startswith("str") or kind.startswith("str"):
            merged[column] = "str?"  # text in one chunk, all missing (float) or with gaps in another
        else:
            merged[column] = "float64"
    return merged


def read_run(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of a complete run (``newsstudy run``), by name, as :func:`read_table` reads them.

    What the notebooks read: a run's tables, not a second computation of the study.

    >>> from newsstudy.paths import REPO_ROOT
    >>> tables = read_run(REPO_ROOT / "results")
    >>> len(tables["documents"]), tables["documents"]["doc_id"].iloc[0]
    (5, '000_b1f939984b1b9b8b')
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    return {name: read_table(folder, name) for name in manifest["tables"]}


def summary(folder: str | Path) -> str:
    """One line saying what a complete run read and found (for notebooks and reports).

    >>> from newsstudy.paths import REPO_ROOT
    >>> summary(REPO_ROOT / "results")
    'seeds: 5 documents, 0 problems (5 input files, 39,632 bytes; newsstudy 0.1.0)'
    """
    manifest = read_manifest(folder)
    source, counts = manifest["input"], manifest["counts"]
    return (
        f"{source['corpus']}: {counts['documents']:,} documents, {counts['problems']:,} problems "
        f"({source['n_files']:,} input files, {source['bytes']:,} bytes; newsstudy {manifest['newsstudy']})"
    )


def _manifest_columns(folder: Path, name: str) -> dict[str, str] | None:
    if not (folder / MANIFEST).exists():
        return None
    entry = read_manifest(folder).get("tables", {}).get(name)
    return None if entry is None else entry.get("columns")


def read_manifest(folder: str | Path) -> dict[str, Any]:
    """The ``run.json`` of a complete run (raises FileNotFoundError for an incomplete one)."""
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise FileNotFoundError(f"{folder}: no {MANIFEST}, so not a complete newsstudy run")
    return json.loads(path.read_text(encoding="utf-8"))


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------- output folders
def _first_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path(".")


def check_output_folder(path: Path, what: str, *, marker: str | None = MANIFEST) -> None:
    """Raise :class:`OutputError` unless ``path`` can become a results folder.

    Checked before any work starts: the path and every parent must be a folder
    (or not exist yet), the nearest existing one writable, and an existing
    folder must be empty or a folder this package wrote (``marker`` in it,
    ``run.json`` for tables; for figures only ``.png`` files), because a
    complete run replaces it.
    """
    existing = _first_existing(path.absolute())
    if not existing.is_dir():
        where = "is" if existing == path.absolute() else f"is under {existing}, which is"
        raise OutputError(path, f"{what} {where} a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(path, f"{what}: cannot write in {existing} (permission denied)")
    if existing != path.absolute() or not any(path.iterdir()):
        return
    if marker is not None and (path / marker).is_file():
        return
    if marker is None and all(p.is_file() and p.suffix == ".png" for p in path.iterdir()):
        return
    found = "run.json" if marker else "only .png files"
    raise OutputError(
        path,
        f"{what} is a folder with other files (no {found}); a run replaces its folder, so name a new "
        "or empty folder",
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale(target: Path) -> None:
    """Remove staging folders of runs into ``target`` whose process is gone (a killed run)."""
    prefix = f".{target.name}{_PARTIAL}"
    for leftover in target.parent.glob(f"{prefix}*"):
        pid = leftover.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _stage(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}{_PARTIAL}{os.getpid()}-", dir=target.parent))
    staged.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the results folder is an ordinary one
    return staged


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# A run killed with SIGKILL cannot remove its staging folder itself: a small process started with
# the run waits for the run to end and removes it if it is still there (the run stops it when it
# finishes or fails normally).
_REAPER = """
import os, shutil, sys, time
parent = int(sys.argv[1])
while os.getppid() == parent:
    time.sleep(0.5)
for folder in sys.argv[2:]:
    shutil.rmtree(folder, ignore_errors=True)
"""


def _start_reaper(folders: list[Path | None]) -> subprocess.Popen | None:
    """Start the process that removes ``folders`` if this process dies first (``kill -9``)."""
    paths = [str(folder) for folder in folders if folder is not None]
    try:
        return subprocess.Popen(
            [sys.executable, "-c", _REAPER, str(os.getpid()), *paths],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in a terminal interrupts the run, not this
        )
    except OSError:  # no process to spare: the next run into the same place tidies instead
        return None


def _replace(staged: Path, target: Path) -> None:
    """Move ``staged`` to ``target``; the old ``target`` is kept until the new one is in place."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(old / "previous")
    staged.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@dataclass
class RunFolder:
    """A run's staging folder for ``out`` (and ``figures``, if outside ``out``).

    Write tables with :meth:`write` and figures into :attr:`figures`; call
    :meth:`commit` when everything is written. Used as a context manager, a run
    that raises (or is interrupted) removes its staging folders and leaves the
    previous results as they were.
    """

    out: Path
    figures_target: Path | None = None
    staged: Path = field(init=False)
    figures: Path | None = field(init=False, default=None)
    tables: dict[str, dict[str, Any]] = field(init=False, default_factory=dict)
    _figure_stage: Path | None = field(init=False, default=None)
    _reaper: subprocess.Popen | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.out = Path(self.out)
        check_output_folder(self.out, "--out")
        if self.figures_target is not None:
            self.figures_target = Path(self.figures_target)
            inside = self._inside_out(self.figures_target)
            if not inside:
                check_output_folder(self.figures_target, "--figures", marker=None)
        self.staged = _stage(self.out)
        if self.figures_target is not None:
            relative = self._inside_out(self.figures_target)
            if relative is not None:
                self.figures = self.staged / relative
            else:
                self._figure_stage = _stage(self.figures_target)
                self.figures = self._figure_stage
            self.figures.mkdir(parents=True, exist_ok=True)
        self._reaper = _start_reaper([self.staged, self._figure_stage])

    def _inside_out(self, path: Path) -> Path | None:
        try:
            return path.absolute().relative_to(self.out.absolute())
        except ValueError:
            return None

    def write(self, name: str, frame: pd.DataFrame, *, append: bool = False) -> Path:
        """Write (or, with ``append``, add rows to) one table as CSV in the staging folder.

        Appended chunks may bring columns the table has not had: the table is then
        rewritten with every column (missing values where a chunk had none), so a
        chunked run writes the table a single call would.
        """
        path = self.staged / f"{name}.csv"
        entry = self.tables.get(name)
        if not append or entry is None:
            write_csv(frame, path)
            self.tables[name] = {"file": path.name, "rows": len(frame), "columns": _schema(frame)}
            return path
        columns = entry["columns"]
        if any(c not in columns for c in frame.columns):
            frame = pd.concat([self.read(name), frame], ignore_index=True)
            write_csv(frame, path)
            entry.update(rows=len(frame), columns=_merged(columns, _schema(frame)))
            return path
        frame = frame.reindex(columns=list(columns))
        write_csv(frame, path, append=True, header=False)
        entry.update(rows=entry["rows"] + len(frame), columns=_merged(columns, _schema(frame)))
        return path

    def read(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """A table written so far, read back as :func:`read_table` reads a complete run."""
        return _read_csv(self.staged / self.tables[name]["file"], self.tables[name]["columns"], columns)

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    @property
    def paths(self) -> dict[str, Path]:
        """Every table written, by name, where it will be once the run is in place."""
        return {name: self.out / entry["file"] for name, entry in sorted(self.tables.items())}

    def commit(self, manifest: Mapping[str, Any]) -> None:
        """Write ``run.json`` (with every table's SHA-256) and move the run into place."""
        tables = {}
        for name, entry in sorted(self.tables.items()):
            tables[name] = {**entry, "sha256": file_digest(self.staged / entry["file"])}
        record = {**manifest, "tables": tables}
        if self.figures is not None:
            record["figures"] = sorted(p.name for p in self.figures.glob("*.png"))
        text = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        (self.staged / MANIFEST).write_text(text, encoding="utf-8")
        if self._figure_stage is not None and self.figures_target is not None:
            _replace(self._figure_stage, self.figures_target)
            self._figure_stage = None
        _replace(self.staged, self.out)
        self._stop_reaper()

    def abort(self) -> None:
        """Remove the staging folders (the previous results are untouched)."""
        for folder in (self.staged, self._figure_stage):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        self._stop_reaper()

    def _stop_reaper(self) -> None:
        if self._reaper is not None:
            self._reaper.kill()
            self._reaper.wait()
            self._reaper = None

    def __enter__(self) -> RunFolder:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


def _printable(path: str) -> str:
    r"""A path that can be written as UTF-8: bytes of a name that is not UTF-8 as ``\xff`` escapes.

    >>> _printable("a\udcffb.txt")
    'a\\xffb.txt'
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


#: Input files listed one by one in ``run.json``; a larger corpus gets counts and one digest.
MAX_LISTED_FILES = 1000


def corpus_files(corpus: Path) -> list[Path]:
    """The files a run reads of a corpus path (the file, or the folder's text and tabular files), sorted.

    A folder's other files (a README beside the articles) are not read, so they are not the input:
    editing them changes no digest of the manifest.
    """
    from newsstudy.corpus import read_files

    if corpus.is_file():
        return [corpus]
    return sorted(read_files(corpus))


class MemoryTables:
    """The tables of an in-process run, kept as DataFrames (what ``pipeline.run_study`` returns).

    The same interface as :class:`RunFolder` (``write``, ``read``, ``in``), so the
    study's plan writes to either without knowing which.
    """

    def __init__(self) -> None:
        self._parts: dict[str, list[pd.DataFrame]] = {}

    def write(self, name: str, frame: pd.DataFrame, *, append: bool = False) -> None:
        if append and name in self._parts:
            self._parts[name].append(frame)
        else:
            self._parts[name] = [frame]

    def read(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        parts = self._parts[name]
        table = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
        self._parts[name] = [table]
        return table if columns is None else table[columns]

    def __contains__(self, name: str) -> bool:
        return name in self._parts

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table, by name, in the order first written."""
        return {name: self.read(name).reset_index(drop=True) for name in self._parts}


def manifest_record(
    corpus: Path,
    options: Any,
    counts: Mapping[str, int],
    timings: Mapping[str, float],
    command: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of ``run.json`` (:meth:`RunFolder.commit` adds the tables and figures)."""
    from dataclasses import asdict

    from newsstudy import __version__
    from newsstudy.paths import display_path

    settings = {
        key: (display_path(value) if isinstance(value, Path) else value)
        for key, value in asdict(options).items()
    }
    return {
        "newsstudy": __version__,
        "complete": True,
        "command": dict(command or {}),
        "options": settings,
        "input": input_record(Path(corpus), display=display_path),
        "counts": dict(counts),
        "timings_seconds": {name: round(seconds, 3) for name, seconds in timings.items()},
    }


def input_record(corpus: Path, *, display=str) -> dict[str, Any]:
    """The manifest's record of the input: files, bytes, SHA-256 each (up to 1,000) and of all; for a
    folder, its files that are not documents (``not_read``)."""
    files = [
        {"path": _printable(display(p)), "bytes": p.stat().st_size, "sha256": file_digest(p)}
        for p in corpus_files(corpus)
    ]
    combined = hashlib.sha256()
    for entry in files:
        combined.update(f"{entry['path']}\0{entry['sha256']}\n".encode())
    record: dict[str, Any] = {
        "corpus": _printable(display(corpus)),
        "n_files": len(files),
        "bytes": sum(entry["bytes"] for entry in files),
        "sha256": combined.hexdigest(),
    }
    if len(files) <= MAX_LISTED_FILES:
        record["files"] = files
    if corpus.is_dir():  # what the folder holds besides documents (a README), named so it is not lost unseen
        from newsstudy.corpus import skipped_files

        not_read = sorted(_printable(display(p)) for p in skipped_files(corpus))
        record["n_not_read"] = len(not_read)
        if len(not_read) <= MAX_LISTED_FILES:
            record["not_read"] = not_read
    return record
