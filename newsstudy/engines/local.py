"""Executors on this machine: in this process (:func:`run_in_process`) or in worker processes (streaming)."""

from __future__ import annotations

import itertools
import os
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

from newsstudy import duplicates, line_evidence, results
from newsstudy.engines.plan import (
    DEFAULT_OPTIONS,
    ChunkTables,
    _add_chunk,
    _chunks,
    _close,
    _complete,
    _finish,
    _new_state,
    _problem_tracking,
    _ReadOnce,
    _run_now,
    _State,
    _TopicSample,
    _warm_up,
    check_named_columns,
    process_chunk,
)  # fmt: skip
from newsstudy.engines.progress import Progress, _Progress
from newsstudy.pipeline import StudyOptions
from newsstudy.results import RunFolder

#: Most documents a worker is given at a time. A chunk read is cut into pieces of about this many
#: (of equal size) for the workers, so that they finish together: the last chunk of a run on one
#: worker would otherwise leave the other idle for seconds. The tables do not depend on it.
PIECE_DOCS = 1024


def _pieces(chunks: Iterable[pd.DataFrame], size: int | None = None) -> Iterator[pd.DataFrame]:
    """Each chunk in corpus order, cut into consecutive pieces of at most ``size`` documents.

    >>> [len(p) for p in _pieces([pd.DataFrame({"a": range(5)}), pd.DataFrame({"a": [1]})], 2)]
    [1, 2, 2, 1]
    """
    size = size or PIECE_DOCS
    for docs in chunks:
        n = -(-len(docs) // size)
        if n <= 1:
            yield docs
            continue
        bounds = [len(docs) * k // n for k in range(n + 1)]
        for lo, hi in itertools.pairwise(bounds):
            yield docs.iloc[lo:hi].reset_index(drop=True)


def _ordered_results(
    chunks: Iterable[pd.DataFrame], submit: Callable[[pd.DataFrame], Any], resolve: Callable, window: int
) -> Iterator[ChunkTables]:
    """Submit chunks as they are read, with at most ``window`` in flight; yield results in order."""
    pending: deque = deque()
    for docs in chunks:
        pending.append(submit(docs))
        if len(pending) >= window:
            yield resolve(pending.popleft())
    while pending:
        yield resolve(pending.popleft())


# --------------------------------------------------------------------------- corpus evidence
def _count_chunk(documents: pd.DataFrame, options: StudyOptions) -> line_evidence.LineCounts:
    return line_evidence.count_lines(documents, outlet_column=options.outlet_column)


def count_lines(
    chunks: Iterable[pd.DataFrame], options: StudyOptions = DEFAULT_OPTIONS, *, submit: Callable | None = None
) -> line_evidence.CorpusEvidence | None:
    """The first pass of a run: the corpus evidence of the cleaner, counted chunk by chunk.

    ``submit(fn, *args)`` runs the counting of a chunk elsewhere (a worker) and
    returns a future; the counts are merged as they come (as a binary counter
    adds), and the merge does not depend on the order or grouping, so neither
    the chunk size nor the workers change them. None when ``options.corpus_evidence`` is off.

    >>> from newsstudy.corpus import load_corpus
    >>> from newsstudy.paths import SEEDS_DIR
    >>> count_lines([load_corpus(SEEDS_DIR)]).counts.n_documents
    5
    """
    if not options.corpus_evidence:
        return None
    submit = submit or _run_now
    # Merged as a binary counter merges: a part absorbs the next only when they hold as many chunks, so
    # every chunk's keys are re-sorted O(log chunks) times, not once per later chunk.
    stack: list[tuple[int, line_evidence.LineCounts]] = []
    for part in _ordered_results(chunks, lambda docs: submit(_count_chunk, docs, options), _result, 4):
        size = 1
        while stack and stack[-1][0] == size:
            size += stack[-1][0]
            part = line_evidence.merge_counts([stack.pop()[1], part])
        stack.append((size, part))
    counts = line_evidence.merge_counts([p for _, p in stack])
    return line_evidence.CorpusEvidence.from_counts(counts, outlet_column=options.outlet_column)


def _result(future: Any) -> Any:
    return future.result()


#: The corpus evidence of this worker process's run (:func:`_start_worker`).
_WORKER_EVIDENCE: line_evidence.CorpusEvidence | None = None


def _start_worker(parent: int, evidence: line_evidence.CorpusEvidence | None) -> None:
    """Worker initializer of the per-document pool: keep the run's evidence, end with the parent."""
    global _WORKER_EVIDENCE
    _WORKER_EVIDENCE = evidence
    _end_with_parent(parent)


def _process_with_evidence(documents: pd.DataFrame, options: StudyOptions) -> ChunkTables:
    return process_chunk(documents, options, _WORKER_EVIDENCE)


def _preload(figures: bool) -> None:
    """Import what the run's last stages use (scikit-learn; matplotlib and the Arabic font, with figures).

    Called in the run's process while its workers process the documents (it waits for them
    anyway): a pool forked afterwards for the topics and figures inherits the modules, so
    neither worker imports them again (seconds each, on a small corpus most of a run).
    """
    import importlib

    modules = ["sklearn.decomposition", "sklearn.feature_extraction.text", "sklearn.metrics.pairwise"]
    for name in modules + (["newsstudy.figures"] if figures else []):
        importlib.import_module(name)
    if figures:
        from newsstudy import plotting

        plotting.native_arabic_shaping()  # the Arabic font loaded, its shaping checked


def _calling_after(items: Iterable[Any], n: int, action: Callable[[], None]) -> Iterator[Any]:
    """The items, calling ``action()`` once: after the ``n``-th is taken, or at the end if fewer.

    >>> calls = []
    >>> [x for x in _calling_after("abc", 2, lambda: calls.append(len(calls)))], calls
    (['a', 'b', 'c'], [0])
    >>> list(_calling_after("a", 2, lambda: calls.append("end"))), calls
    (['a'], [0, 'end'])
    """
    taken = 0
    for item in items:
        yield item
        taken += 1
        if taken == n:
            action()
    if taken < n:
        action()


def _end_with_parent(parent: int) -> None:
    """Worker initializer: the worker ends itself when the run that started it is gone (``kill -9``).

    A pool's workers otherwise wait for work forever once their parent is killed.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="newsstudy-parent-watch", daemon=True).start()


def run_streaming(
    corpus: str | Path,
    out_dir: str | Path,
    options: StudyOptions = DEFAULT_OPTIONS,
    *,
    chunk_size: int = 5000,
    progress: Progress | None = None,
    n_jobs: int = 2,
    max_topic_docs: int = 50_000,
    figures: str | Path | None = None,
    strict: bool = False,
    command: Mapping[str, Any] | None = None,
) -> dict[str, Path]:
    """Run the study over a corpus path in chunks and write its tables to ``out_dir``.

    The run is written into a staging folder beside ``out_dir`` and moved into
    place, with its manifest ``run.json``, only when complete
    (:class:`newsstudy.results.RunFolder`): a run that fails or is interrupted
    leaves ``out_dir`` as it was.

    Parameters
    ----------
    corpus : str or Path
        Anything :func:`newsstudy.corpus.iter_corpus` reads (folder, JSON Lines,
        CSV, Parquet, gzip or not). Unreadable files and rows go to ``problems``.
    out_dir : str or Path
        Folder for the tables (created if needed; a complete run replaces it, so
        it must be new, empty or an earlier run's).
    options : StudyOptions
        The study's parameters, as for :func:`~newsstudy.pipeline.run_study`.
    chunk_size : int, default 5000
        Most documents per chunk (memory of the per-document stages grows with
        it, not with the corpus). Chunks start at :data:`FIRST_CHUNK` documents
        and double up to it; the tables do not depend on either.
    progress : callable or tqdm-like, optional
        A callable gets a message per chunk and stage; an object with
        ``update(n)`` (a tqdm bar, see :func:`progress_bar`) is advanced by the
        documents of each chunk.
    n_jobs : int, default 2
        Worker processes for the per-document stages (1 = in this process).
    max_topic_docs : int
        Size limit of the topic model (see the module docstring).
    figures : str or Path, optional
        Folder for the figures (none drawn by default).
    strict : bool
        Stop with :class:`~newsstudy.errors.CorpusError` at the first document
        that cannot be read, instead of listing it in ``problems``.
    command : mapping, optional
        What ``run.json`` records of the command that started the run.

    Returns
    -------
    dict of str to Path
        Every table written, by name.

    Raises
    ------
    CorpusError
        The corpus has no readable document (or, with ``strict``, a bad one).

    >>> import tempfile
    >>> from newsstudy.paths import SEEDS_DIR
    >>> with tempfile.TemporaryDirectory() as out:
    ...     written = run_streaming(SEEDS_DIR, Path(out) / "run", chunk_size=2, n_jobs=1)
    ...     print(len(results.read_table(Path(out) / "run", "documents")), written["lines"].name)
    5 lines.csv
    """
    report = _Progress(progress)
    folder = RunFolder(Path(out_dir), figures)
    with folder:
        state = _new_state(folder.staged)
        sample = _TopicSample(max_topic_docs)
        read = _ReadOnce(_chunks(corpus, options, chunk_size), lambda: _chunks(corpus, options, chunk_size))
        chunks = _problem_tracking(read.again(), state, strict=strict)
        start = time.perf_counter()
        pool: Executor | None = None
        if n_jobs > 1:
            _warm_up(options)  # compiled once here, inherited by every forked worker
            pool = ProcessPoolExecutor(n_jobs, initializer=_end_with_parent, initargs=(os.getpid(),))
        try:
            report.stage("line counts")
            evidence = count_lines(
                (docs for docs, _ in read if len(docs)),  # kept for the documents pass if small
                options,
                submit=None if pool is None else pool.submit,
            )
            report._clock("documents")  # back to the documents' clock, without a message
            if pool is None:
                parts: Iterable[ChunkTables] = (process_chunk(docs, options, evidence) for docs in chunks)
            else:
                # A new pool: its workers get the corpus evidence once, as they start, not with each chunk.
                pool.shutdown()
                pool = ProcessPoolExecutor(
                    n_jobs, initializer=_start_worker, initargs=(os.getpid(), evidence)
                )
                window = 2 * n_jobs
                parts = _ordered_results(
                    # Once the workers have a window of chunks, this process imports what the last
                    # stages need (it would only wait for them meanwhile).
                    _calling_after(_pieces(chunks), window, lambda: _preload(folder.figures is not None)),
                    lambda docs: pool.submit(_process_with_evidence, docs, options),
                    _result,
                    window,
                )
            for part in parts:
                _add_chunk(part, state, sample, folder)
                rate = state.n_bytes / 1e6 / max(time.perf_counter() - start, 1e-9)
                report.documents(len(part.documents), f"{state.n_docs:,} documents, {rate:.2f} MB/s")
            if pool is not None:
                # The topics and figures run in a pool forked now, which inherits those modules.
                pool.shutdown()
                pool = ProcessPoolExecutor(n_jobs, initializer=_end_with_parent, initargs=(os.getpid(),))
            drawn: list = []  # the figures of the views, drawn while the topic model is fitted

            def draw_views() -> None:
                if pool is not None and folder.figures is not None:
                    from newsstudy import figures

                    drawn.extend(figures.start_view_figures(folder.read, folder.figures, pool))

            _finish(
                state, sample, folder, options, report=report,
                submit=None if pool is None else pool.submit, before_topics=draw_views,
            )  # fmt: skip
            # The spilled index lives in the staged folder: removed before the folder is moved into place.
            # The figures are drawn by the run's own workers.
            _close(state)
            _complete(folder, state, corpus, options, report, command=command, executor=pool, drawn=drawn)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            _close(state)
    return folder.paths


def run_in_process(
    documents: pd.DataFrame,
    options: StudyOptions = DEFAULT_OPTIONS,
    *,
    progress: Progress | None = None,
    max_topic_docs: int = 50_000,
) -> dict[str, pd.DataFrame]:
    """The study's plan on a ``documents`` table in this process: its tables, by name, in memory.

    The same stages, in the same order, as :func:`run_streaming` (one chunk, no
    worker), so a table here equals the one a run writes. What
    :func:`newsstudy.pipeline.run_study` and the notebooks call.

    >>> from newsstudy.corpus import load_corpus
    >>> from newsstudy.paths import SEEDS_DIR
    >>> tables = run_in_process(load_corpus(SEEDS_DIR))
    >>> len(tables["documents"]), len(tables["attributions"])
    (5, 57)
    """
    sink = results.MemoryTables()
    report = _Progress(progress)
    with tempfile.TemporaryDirectory(prefix="newsstudy-") as spill:
        state = _State(index=duplicates.OutOfCoreIndex(Path(spill) / "index"))
        sample = _TopicSample(max_topic_docs)
        try:
            if len(documents):
                report.stage("line counts")
                evidence = count_lines([documents], options)
                report._clock("documents")  # back to the documents' clock, without a message
                _add_chunk(process_chunk(documents, options, evidence), state, sample, sink)
                check_named_columns(state, options, "documents")
            _finish(state, sample, sink, options, report=report)
        finally:
            state.index.close()
    return sink.tables()
