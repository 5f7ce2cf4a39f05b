"""A run is complete or leaves the previous results untouched; its tables are safe to open in a spreadsheet.

Each case writes its own fixture (issue #18): output paths that cannot be written,
a run interrupted (Ctrl-C), killed (``kill -9``) or out of disk space, stale
tables of an earlier run, cells that a spreadsheet would read as formulas, and
the streaming engine on a tiny corpus.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsstudy import cli, engines, results
from newsstudy.results import MANIFEST, protect, read_table, unprotect

ARTICLE = "قال المتحدث باسم الوزارة إن الاجتماع انتهى دون اتفاق على موعد جديد للمفاوضات."


def _corpus(folder: Path, rows: list[dict]) -> Path:
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _corpus(tmp_path, [{"doc_id": f"d{i}", "text": f"{ARTICLE}\nسطر {i}"} for i in range(3)])


def _run(*args: str | Path) -> int:
    return cli.main(["run", *map(str, args), "--no-figures", "-q"])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".partial-" in p.name or ".old-" in p.name)


# --------------------------------------------------------------------------- spreadsheet-safe cells
@given(st.text())
def test_protect_is_exactly_reversible(value):
    assert unprotect(protect(value)) == value
    assert not protect(value).startswith(results.FORMULA_STARTS)


def test_formula_cells_are_escaped_in_csv_and_exact_when_read_back(tmp_path, capsys):
    ids = ['=HYPERLINK("http://example.com","x")', "+1", "-2", "@SUM(A1)", "'quoted", "000"]
    path = _corpus(tmp_path, [{"doc_id": i, "text": f"- {ARTICLE}"} for i in ids])
    assert _run(path, "--out", tmp_path / "out") == 0
    raw = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8").splitlines()[1:]
    cells = sorted(line.split(",", 1)[0].strip('"') for line in raw)
    assert all(not c.startswith(results.FORMULA_STARTS) for c in cells)
    assert "'=HYPERLINK(" in "".join(cells) and "'+1" in cells and "''quoted" in cells
    documents = read_table(tmp_path / "out", "documents")
    assert sorted(documents["doc_id"]) == sorted(ids)  # exact, and "000" stays text
    lines = read_table(tmp_path / "out", "lines")
    assert (lines.loc[lines["line"] == 1, "text"] == f"- {ARTICLE}").all()
    assert documents["n_lines"].dtype == "int64"


def test_read_table_restores_types_and_missing_values(tmp_path):
    frame = pd.DataFrame(
        {
            "doc_id": ["001", "=x"],
            "note": [None, "b"],
            "n": [1, 2],
            "share": [0.5, -0.25],
            "ok": [True, False],
        }
    )
    folder = results.RunFolder(tmp_path / "out")
    folder.write("t", frame)
    folder.commit({"newsstudy": "test"})
    back = read_table(tmp_path / "out", "t")
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    assert back["n"].dtype == "int64" and back["ok"].dtype == bool


# --------------------------------------------------------------------------- checked before any work
def _a_file(folder: Path) -> Path:
    (folder / "file").write_text("x")
    return folder / "file"


def _under_a_file(folder: Path) -> Path:
    return _a_file(folder) / "sub"


def _folder_with_notes(folder: Path) -> Path:
    (folder / "mine").mkdir()
    (folder / "mine" / "notes.txt").write_text("x")
    return folder / "mine"


@pytest.mark.parametrize(
    ("option", "make", "message"),
    [
        ("--out", _a_file, "--out is a file, not a folder"),
        ("--out", _under_a_file, "which is a file"),
        ("--figures", _under_a_file, "which is a file"),
        ("--out", _folder_with_notes, "a folder with other files"),
    ],
    ids=["out-is-file", "out-under-file", "figures-under-file", "out-holds-other-files"],
)
def test_output_paths_that_cannot_be_written_are_refused_first(
    tmp_path, corpus, capsys, option, make, message
):
    target = make(tmp_path)
    args = ["run", str(corpus), option, str(target), "-q"]
    if option == "--figures":
        args += ["--out", str(tmp_path / "out")]
    assert cli.main(args) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and str(target) in err
    assert not (tmp_path / "out").exists()


def test_chunk_size_zero_is_a_usage_error(corpus, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsstudy",
            "run",
            str(corpus),
            "--chunk-size",
            "0",
            "--out",
            str(tmp_path / "o"),
        ],
        capture_output=True,
        text=True,
    )
    assert (
        result.returncode == 2 and "must be 1 or more" in result.stderr and "Traceback" not in result.stderr
    )


def test_missing_corpus_is_one_line(tmp_path, capsys):
    assert _run(tmp_path / "nowhere.jsonl", "--out", tmp_path / "o") == cli.EXIT_BAD_INPUT
    assert "nowhere.jsonl: no such file or folder" in capsys.readouterr().err


# --------------------------------------------------------------------------- complete or untouched
def test_a_run_replaces_stale_tables_and_writes_its_manifest(tmp_path, corpus):
    out = tmp_path / "out"
    assert _run(corpus, "--out", out) == 0
    (out / "stale_table.csv").write_text("old\n")
    assert _run(corpus, "--out", out) == 0
    assert not (out / "stale_table.csv").exists()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["complete"] is True and manifest["counts"] == {"documents": 3, "problems": 0}
    assert manifest["input"]["files"][0]["sha256"] == results.file_digest(corpus)
    for name, entry in manifest["tables"].items():
        assert entry["sha256"] == results.file_digest(out / entry["file"]), name
    assert {"documents", "duplicates", "topics", "write"} <= set(manifest["timings_seconds"])
    assert _leftovers(tmp_path) == []


def test_an_interrupted_run_leaves_the_previous_results(tmp_path, corpus, monkeypatch, capsys):
    out = tmp_path / "out"
    assert _run(corpus, "--out", out) == 0
    before = _snapshot(out)

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engines.local, "process_chunk", interrupted)  # where the streaming executor calls it
    assert _run(corpus, "--out", out, "--jobs", "1") == cli.EXIT_INTERRUPTED
    assert "interrupted" in capsys.readouterr().err
    assert _snapshot(out) == before and _leftovers(tmp_path) == []


def test_a_full_disk_is_one_line_and_leaves_the_previous_results(tmp_path, corpus, monkeypatch, capsys):
    out = tmp_path / "out"
    assert _run(corpus, "--out", out) == 0
    before = _snapshot(out)
    real = results.write_csv

    def full(frame, path, **kwargs):
        if path.name == "lines.csv":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(frame, path, **kwargs)

    monkeypatch.setattr(results, "write_csv", full)
    assert _run(corpus, "--out", out) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _snapshot(out) == before and _leftovers(tmp_path) == []


_KILL_MID_RUN = """
import os, signal, sys
from newsstudy import cli
from newsstudy.engines import local
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
local.process_chunk = killed
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_run_killed_mid_way_leaves_the_previous_results_and_the_next_run_tidies(tmp_path, corpus):
    out = tmp_path / "out"
    assert _run(corpus, "--out", out) == 0
    before = _snapshot(out)
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            _KILL_MID_RUN,
            "run",
            str(corpus),
            "--out",
            str(out),
            "--no-figures",
            "--jobs",
            "1",
        ],
        capture_output=True,
    )
    assert killed.returncode == -9
    assert _snapshot(out) == before
    deadline = time.monotonic() + 10
    while _leftovers(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _leftovers(tmp_path) == []  # the run's watcher removed its staging folder
    assert _run(corpus, "--out", out) == 0


def test_a_staging_folder_whose_run_is_gone_is_removed_by_the_next_run(tmp_path, corpus):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    leftover = tmp_path / f".out.partial-{gone.pid}-abc"
    (leftover / "lines.csv").parent.mkdir()
    (leftover / "lines.csv").write_text("half a table")
    assert _run(corpus, "--out", tmp_path / "out") == 0
    assert not leftover.exists() and _leftovers(tmp_path) == []


# --------------------------------------------------------------------------- the streaming engine
def test_streaming_engine_on_two_documents(tmp_path, capsys):
    path = _corpus(tmp_path, [{"doc_id": "a", "text": ARTICLE}, {"doc_id": "b", "text": f"{ARTICLE}\nسطر"}])
    assert _run(path, "--out", tmp_path / "out", "--engine", "local") == 0
    assert sorted(read_table(tmp_path / "out", "documents")["doc_id"]) == ["a", "b"]
    assert "Traceback" not in capsys.readouterr().err


def test_streaming_engine_honours_strict_and_an_empty_corpus(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "text": "نص"}\n{bad\n', encoding="utf-8")
    assert _run(bad, "--out", tmp_path / "out", "--engine", "local", "--strict") == cli.EXIT_BAD_INPUT
    assert "bad.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("{bad\n", encoding="utf-8")
    assert _run(empty, "--out", tmp_path / "out", "--engine", "local") == cli.EXIT_BAD_INPUT
    assert "no readable document" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


_KILL_WITH_WORKERS = """
import multiprocessing, os, signal, sys
from pathlib import Path
from newsstudy import cli
from newsstudy.engines import local
def killed(*args, **kwargs):
    pids = [p.pid for p in multiprocessing.active_children()]
    Path(sys.argv[1]).write_text(" ".join(map(str, pids)))
    os.kill(os.getpid(), signal.SIGKILL)
local._add_chunk = killed
sys.exit(cli.main(sys.argv[2:]))
"""


def _ended(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in state  # a zombie has ended; only its exit status is left to collect


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_no_worker_outlives_a_killed_run(tmp_path, corpus):
    pids_file = tmp_path / "pids"
    out = tmp_path / "out"
    args = ["run", str(corpus), "--out", str(out), "--no-figures", "--jobs", "2", "--chunk-size", "1"]
    # Not through pipes: a worker that outlived the run would hold them open, and this test would hang.
    killed = subprocess.run(
        [sys.executable, "-c", _KILL_WITH_WORKERS, str(pids_file), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=300,
    )
    assert killed.returncode == -9
    workers = [int(p) for p in pids_file.read_text().split()]
    assert workers, "the run had no worker process to end"
    deadline = time.monotonic() + 10
    while not all(_ended(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = [pid for pid in workers if not _ended(pid)]
    for pid in alive:  # do not leave them behind when the test fails
        os.kill(pid, 9)
    assert not alive, f"workers {alive} outlived their run"
    assert not out.exists()
    deadline = time.monotonic() + 10
    while _leftovers(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _leftovers(tmp_path) == [], "the killed run's staging folder outlived it"


def test_the_manifest_lists_the_files_a_folder_run_reads(tmp_path):
    """A folder's README or hidden files are not the input: only the .txt files read are listed."""
    folder = tmp_path / "corpus"
    (folder / "outlet").mkdir(parents=True)
    (folder / ".cache").mkdir()
    (folder / "outlet" / "a.txt").write_text("قال مسؤول إن المحادثات مستمرة.\n", encoding="utf-8")
    (folder / "b.txt").write_text("أعلنت الوزارة افتتاح المدرسة.\n", encoding="utf-8")
    (folder / "README.md").write_text("notes\n", encoding="utf-8")
    (folder / ".cache" / "c.txt").write_text("hidden\n", encoding="utf-8")
    record = results.input_record(folder)
    assert [Path(f["path"]).name for f in record["files"]] == ["b.txt", "a.txt"]
    before = record["sha256"]
    (folder / "README.md").write_text("edited notes\n", encoding="utf-8")
    assert results.input_record(folder)["sha256"] == before


def _pandas_csv(frame: pd.DataFrame, *, header: bool = True) -> bytes:
    """What ``DataFrame.to_csv`` writes for ``frame`` (text cells protected, as ``write_csv`` does)."""
    safe = frame.copy()
    for column in results._text_columns(frame):
        safe[column] = frame[column].map(protect)
    return safe.to_csv(index=False, header=header, lineterminator="\n", float_format="%.6g").encode("utf-8")


_CELL_TEXT = st.text(alphabet=st.sampled_from(list(",\"\n\r\t =+-@' aبقال،\u2028\x00")), max_size=6)


@settings(deadline=None)  # a shared machine's pauses are no failure
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), _CELL_TEXT),
            st.integers(-(2**62), 2**62),
            st.booleans(),
            st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.none()),
        ),
        max_size=8,
    ),
    st.booleans(),
)
def test_write_csv_writes_the_bytes_of_pandas_to_csv(tmp_path_factory, rows, arrow_text):
    """The Arrow formatting of ``write_csv`` gives the bytes of ``to_csv``: quotes, missing cells, floats."""
    frame = pd.DataFrame(rows, columns=["te,xt", "n", "flag", "x"]).astype(
        {"n": "int64", "flag": "bool", "x": "float64", "te,xt": "str" if arrow_text else object}
    )
    frame["doc_id"] = [f"=d{i}" for i in range(len(frame))]
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    assert results._csv_bytes(frame) is not None  # the fast path, not pandas
    results.write_csv(frame, path)
    results.write_csv(frame, path, append=True, header=False)
    assert path.read_bytes() == _pandas_csv(frame) + _pandas_csv(frame, header=False)


def test_write_csv_leaves_other_columns_to_pandas(tmp_path):
    """Objects other than text, dates, and a frame of one column (its empty cell is quoted) go to pandas."""
    frames = [
        pd.DataFrame({"a": ["x", 1, None], "b": [1, 2, 3]}),
        pd.DataFrame({"a": pd.to_datetime(["2024-01-02", None, "2024-03-04"]), "b": ["", "y", None]}),
        pd.DataFrame({"a": ["", None, "=1"]}),
        pd.DataFrame({"a": pd.array([1, None, 3], dtype="Int64"), "b": [0.5, 1e-9, 123456789.0]}),
    ]
    for frame in frames:
        assert results._csv_bytes(frame) is None
        results.write_csv(frame, tmp_path / "t.csv")
        assert (tmp_path / "t.csv").read_bytes() == _pandas_csv(frame)
