"""The study's plan, and who runs it: in this process, in worker processes, or on a Dask cluster.

The plan is one: a first pass that counts the corpus evidence of the cleaner
(:func:`count_lines`: the documents of each outlet holding each line, the
headlines; reading and hashing only, in the workers), per-document stages on
chunks of documents (:func:`process_chunk`: cleaning with those counts, label
counts, attribution, the features of duplicate detection), then
the cross-document stages once at the end (duplicates, text reuse, copies,
source counts, terms, topics, similarity). Three executors run it and give the
same tables (tests):

In process (:func:`run_in_process`)
    A ``documents`` table, one chunk, tables returned in memory; what
    :func:`newsstudy.pipeline.run_study` calls.
Streaming (:func:`run_streaming`, ``newsstudy run``)
    Reads the corpus in chunks (:func:`newsstudy.corpus.iter_corpus`), runs the
    per-document stages on each chunk in ``n_jobs`` worker processes, and
    appends the per-row tables to their files as chunks finish, so the memory
    of these stages does not grow with the corpus. The workers also compute
    what the cross-document stages need (:func:`newsstudy.duplicates.chunk_features`:
    MinHash signatures, word counts, 12-word anchors); the main process spills
    the bulky part of it to a hidden temporary folder in the run's staging
    folder (:class:`newsstudy.duplicates.OutOfCoreIndex`: kept lines, and
    anchors in hash partitions) and keeps only a few numbers per document and
    line. The cross-document stages run once at the end, one partition at a time.
Dask (:func:`run_dask`)
    The per-document stages and the MinHash signatures run per partition on a
    Dask cluster (a local ``distributed.LocalCluster`` by default); LSH banding
    groups the band keys of every document through Dask's shuffle. The rest is
    the streaming engine's, so the tables are identical.

Files written (``out_dir``)
---------------------------
Every table is CSV (UTF-8, header; :mod:`newsstudy.results`), written into a
staging folder moved into place with ``run.json`` when the run is complete.
The per-row tables (``documents`` without its ``text``: ``lines`` rebuilds it;
``lines``, ``articles``, ``attributions``, ``label_counts``) are appended chunk
by chunk in corpus order, so the bytes do not depend on the chunk size or the
number of workers; the other tables are sorted by their keys.

Choices of the plan at scale
---------------------------
- ``similarity`` follows :func:`~newsstudy.pipeline.similarity_table` (every
  pair up to ``StudyOptions.max_all_pairs`` documents, nearest neighbours
  above), over the articles the topics are fitted on.
- Topics and top terms are fitted on all articles up to ``max_topic_docs``
  (default 50,000) and above that on a fixed sample of that many articles:
  those with the smallest stable hash of their ``doc_id`` (the same sample
  whatever the corpus order or chunk size).
- The per-row tables are in corpus order (``run_study`` sorts its documents
  by ``doc_id`` first, so there the two orders agree).
- Memory of the cross-document stages: per document about 0.6 KB (id, MinHash
  signature, counts, date) and per kept line 16 bytes stay in memory; kept lines
  and anchors (16 bytes per word) are on disk. What still grows with the
  corpus is the output: passage rows are written to ``reuse_passages.csv`` per
  partition, but their numeric columns (about 100 bytes a row) are kept for
  ``reused_share`` and ``copied_lines``, and ``duplicate_pairs``, like the
  in-memory function, holds every LSH candidate pair. Corpora in which every
  article has many near copies (the replicated benchmark corpora) make these
  grow with the square of the number of copies (``benchmarks/README.md``).

Where the time goes (ANT, 2 cores): the per-document stages take about 4 ms
of CPU per article, most of it cleaning and ``attribution.extract``; the final
stages are led by ``duplicates.reuse_passages`` (mostly
``normalize.for_matching_with_offsets`` on the lines of the documents that
share passages); the topic model is fitted in another process meanwhile.
"""

from __future__ import annotations

import heapq
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from newsstudy import attribution, clean, duplicates, line_evidence, results
from newsstudy.corpus import iter_corpus
from newsstudy.errors import CorpusError
from newsstudy.paths import display_path
from newsstudy.pipeline import StudyOptions, label_counts
from newsstudy.pipeline import term_tables as pipeline_term_tables
from newsstudy.results import MemoryTables, RunFolder

__all__ = [
    "ChunkTables",
    "anonymous_share_by_outlet",
    "count_lines",
    "kept_lines",
    "parsed_dates",
    "process_chunk",
    "progress_bar",
    "read_table",
    "reuse_matrix",
    "run_dask",
    "run_in_process",
    "run_streaming",
    "sources_by_outlet",
]

#: Where the plan writes its tables: a run's folder (files) or memory (``run_in_process``).
Sink = RunFolder | MemoryTables

#: The study's defaults (ANNOTATION.md), shared by every engine call that gives no options.
DEFAULT_OPTIONS = StudyOptions()

Progress = Callable[[str], None] | Any


# --------------------------------------------------------------------------- per-chunk work
@dataclass
class ChunkTables:
    """What one chunk of documents yields: its per-row tables and the compact cross-document state."""

    documents: pd.DataFrame
    lines: pd.DataFrame
    articles: pd.DataFrame
    label_counts: pd.DataFrame
    attributions: pd.DataFrame
    dates: pd.DataFrame | None  # doc_id, date
    n_bytes: int = 0
    features: duplicates.ChunkFeatures | None = None  # what the cross-document stages need (spilled)
    extra: dict[str, Any] = field(default_factory=dict)


def kept_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``lines`` the cross-document stages read: kept lines, and line 1 of every document.

    Line 1 keeps a document with no kept line in the ``doc_id`` list (its
    ``reused_share`` row is then 0 words), as in the full ``lines`` table.

    >>> lines = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...     "label": ["nav", "content", "blank"], "rule": ["r"] * 3, "text": ["x", "y", ""]})
    >>> kept_lines(lines)[["doc_id", "line"]].values.tolist()
    [['a', 1], ['a', 2], ['b', 1]]
    """
    mask = lines["label"].isin(duplicates.KEPT_LABELS) | (lines["line"] == 1)
    return lines.loc[mask, ["doc_id", "line", "label", "text"]].reset_index(drop=True)


def parsed_dates(dated: pd.DataFrame) -> pd.DataFrame:
    """``doc_id`` and ``date`` parsed as the duplicates stage parses it (UTC; NaT when unreadable).

    Parsing once per chunk, in the workers, spares the final stages from
    parsing every date string again; they read the parsed dates as they are.

    >>> parsed_dates(pd.DataFrame({"doc_id": ["a", "b"], "date": ["Wed, 13 Jun 2018 15:14:11 GMT", "?"]}))
      doc_id                      date
    0      a 2018-06-13 15:14:11+00:00
    1      b                       NaT
    """
    found = duplicates._document_dates(dated)
    ids = dated["doc_id"].astype(str)
    values = pd.to_datetime(pd.Series([found.get(d) for d in ids], dtype=object), utc=True)
    return pd.DataFrame({"doc_id": ids.to_numpy(), "date": values.to_numpy()}).astype(
        {"doc_id": "str", "date": "datetime64[ns, UTC]"}
    )


def _in_corpus_order(table: pd.DataFrame, position: pd.Series) -> pd.DataFrame:
    """``table``'s rows in the order of their documents in the corpus (each document's rows as they were).

    Per-row tables follow the corpus, not the chunk: a run writes the same bytes
    whatever its chunk size.
    """
    keys = position.reindex(table["doc_id"].astype(str).to_numpy()).to_numpy()
    return table.iloc[keys.argsort(kind="stable")].reset_index(drop=True)


def _as_written(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents table as a run writes it: paths as ``paths.display_path`` writes them."""
    if "path" not in documents.columns:
        return documents
    return documents.assign(path=documents["path"].map(display_path))


def process_chunk(
    documents: pd.DataFrame,
    options: StudyOptions = DEFAULT_OPTIONS,
    evidence: line_evidence.CorpusEvidence | None = None,
) -> ChunkTables:
    """Run the per-document stages on one chunk of the ``documents`` table.

    ``evidence`` is the whole corpus's line counts (:func:`count_lines`), given to the cleaner.

    >>> from newsstudy.corpus import load_corpus
    >>> from newsstudy.paths import SEEDS_DIR
    >>> part = process_chunk(load_corpus(SEEDS_DIR))
    >>> len(part.documents), part.lines["doc_id"].nunique()
    (5, 5)
    """
    lines = clean.label_lines(documents, evidence=evidence)
    kept = kept_lines(lines)
    dates = None
    if options.date_column in documents.columns:
        dates = parsed_dates(
            documents[["doc_id", options.date_column]].rename(columns={options.date_column: "date"})
        )
    position = pd.Series(range(len(documents)), index=documents["doc_id"].astype(str).to_numpy())
    ordered = partial(_in_corpus_order, position=position)
    return ChunkTables(
        documents=_as_written(documents.drop(columns=["text"])),
        lines=ordered(lines),
        articles=ordered(clean.cleaned(lines)),
        label_counts=ordered(label_counts(lines)),
        attributions=ordered(
            attribution.extract(lines, study=options.study())[list(attribution.STUDY_COLUMNS)]
        ),
        dates=dates,
        n_bytes=int(sum(len(t.encode("utf-8")) for t in documents["text"])),
        features=duplicates.chunk_features(
            kept,
            min_words=options.min_reuse_words,
            num_perm=options.num_perm,
            shingle_size=options.shingle_size,
            seed=options.seed,
        ),
    )


# --------------------------------------------------------------------------- corpus evidence
def _count_chunk(documents: pd.DataFrame, options: StudyOptions) -> line_evidence.LineCounts:
    return line_evidence.count_lines(documents, outlet_column=options.outlet_column)


def count_lines(
    chunks: Iterable[pd.DataFrame], options: StudyOptions = DEFAULT_OPTIONS, *, submit: Callable | None = None
) -> line_evidence.CorpusEvidence | None:
    """The first pass of a run: the corpus evidence of the cleaner, counted chunk by chunk.

    ``submit(fn, *args)`` runs the counting of a chunk elsewhere (a worker) and
    returns a future; the counts are merged in chunk order as they come, and the
    merge does not depend on the order, so neither the chunk size nor the
    workers change them. None when ``options.corpus_evidence`` is off.

    >>> from newsstudy.corpus import load_corpus
    >>> from newsstudy.paths import SEEDS_DIR
    >>> count_lines([load_corpus(SEEDS_DIR)]).counts.n_documents
    5
    """
    if not options.corpus_evidence:
        return None
    counts = line_evidence.merge_counts([])
    submit = submit or _run_now
    for part in _ordered_results(chunks, lambda docs: submit(_count_chunk, docs, options), _result, 4):
        counts = line_evidence.merge_counts([counts, part])
    return line_evidence.CorpusEvidence.from_counts(counts, outlet_column=options.outlet_column)


def _result(future: Any) -> Any:
    return future.result()


# --------------------------------------------------------------------------- writing
#: Read back a table of a run (``results.read_table``: the values and types it was written with).
read_table = results.read_table


# --------------------------------------------------------------------------- progress
class _Progress:
    """Report to a ``progress`` that is a callable (given messages) or tqdm-like (``update``).

    Also times the run's stages (``timings``, seconds by stage, for ``run.json``):
    a stage lasts from its :meth:`stage` call to the next one (the first,
    ``documents``, from the start: reading and the per-document stages).
    """

    def __init__(self, progress: Progress | None) -> None:
        self.target = progress
        self.timings: dict[str, float] = {}
        self._current: str | None = "documents"
        self._since = time.perf_counter()

    def _clock(self, name: str | None) -> None:
        now = time.perf_counter()
        if self._current is not None:
            self.timings[self._current] = self.timings.get(self._current, 0.0) + now - self._since
        self._current, self._since = name, now

    def finish(self) -> None:
        """End the current stage's clock."""
        self._clock(None)

    def documents(self, n: int, message: str) -> None:
        if self.target is None:
            return
        if hasattr(self.target, "update"):
            self.target.update(n)
            if hasattr(self.target, "set_postfix_str"):
                self.target.set_postfix_str(message, refresh=False)
        else:
            self.target(message)

    def stage(self, message: str) -> None:
        self._clock(message)
        if self.target is None:
            return
        if hasattr(self.target, "set_description_str"):
            self.target.set_description_str(message)
        elif not hasattr(self.target, "update"):
            self.target(message)


def progress_bar(*, stream=None, total: int | None = None):
    """A tqdm bar counting documents on ``stream`` (stderr), or None when it is not a terminal.

    >>> import io
    >>> progress_bar(stream=io.StringIO()) is None
    True
    """
    stream = sys.stderr if stream is None else stream
    if not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="newsstudy", unit="doc", file=stream, leave=False)


# --------------------------------------------------------------------------- cross-document state
def _doc_key(doc_id: str) -> int:
    return duplicates.stable_hash(doc_id)


class _TopicSample:
    """The ``limit`` articles with the smallest stable hash of their doc_id (order-independent)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._heap: list[tuple[int, str, str]] = []  # (-key, doc_id, text): a max-heap on key
        self.seen = 0

    def add(self, articles: pd.DataFrame) -> None:
        for doc_id, text in zip(articles["doc_id"].astype(str), articles["text"].astype(str), strict=True):
            self.seen += 1
            item = (-_doc_key(doc_id), doc_id, text)
            if len(self._heap) < self.limit:
                heapq.heappush(self._heap, item)
            elif item > self._heap[0]:
                heapq.heapreplace(self._heap, item)

    def articles(self) -> pd.DataFrame:
        rows = sorted((doc_id, text) for _, doc_id, text in self._heap)
        return pd.DataFrame(rows, columns=["doc_id", "text"]).astype({"doc_id": "str", "text": "str"})


@dataclass
class _State:
    """What the cross-document stages need, gathered chunk by chunk (the bulky part on disk)."""

    index: duplicates.OutOfCoreIndex
    dates: list[pd.DataFrame] = field(default_factory=list)
    problems: list[pd.DataFrame] = field(default_factory=list)
    n_docs: int = 0
    n_bytes: int = 0


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def _run_now(fn: Callable, *args: Any) -> _Done:
    return _Done(fn(*args))


def _final_tables(
    state: _State,
    sample: _TopicSample,
    sink: Sink,
    options: StudyOptions,
    *,
    report: _Progress,
    candidates: pd.DataFrame | None = None,
    submit: Callable | None = None,
) -> None:
    """Cross-document stages on the gathered state; writes the small tables.

    ``submit(fn, *args)`` runs the topic model elsewhere (a process pool, a Dask
    cluster) and returns a future; by default it runs here.
    """
    index = state.index
    dated = pd.concat(state.dates, ignore_index=True) if state.dates else None
    index.set_dates(dated)

    # Terms, topics and similarity need only the articles and the MinHash signatures: they are
    # computed by the in-memory pipeline's own function, beside the duplicates stage (on another core).
    articles = sample.articles()
    term_tables = (submit or _run_now)(pipeline_term_tables, articles, index.signatures(), options)

    report.stage("duplicates")
    # Passage rows go to the CSV as each pair partition is done; only the columns the
    # per-document and per-line summaries need stay in memory.
    spans = []
    for frame in index.reuse_passages(min_words=options.min_reuse_words):
        sink.write("reuse_passages", frame, append=True)
        spans.append(index.compact_passages(frame))
    passages = pd.concat(spans, ignore_index=True)
    del spans
    copies = index.copied_lines(passages)
    sink.write("reused_share", index.reused_share(passages))
    del passages
    pairs = index.duplicate_pairs(
        threshold=options.near_threshold, shingle_size=options.shingle_size, candidates=candidates
    )
    sink.write("duplicate_pairs", pairs)
    sink.write("copied_lines", copies)

    report.stage("sources")
    counted = ["doc_id", "line", "source_type", "affiliation"]
    found = sink.read("attributions", counted) if "attributions" in sink else pd.DataFrame(columns=counted)
    sink.write(
        "source_counts",
        attribution.count_sources(found, by=["doc_id", "source_type", "affiliation"], copies=copies),
    )
    sink.write("anonymous_share", attribution.anonymous_share(found, copies=copies))
    del found

    report.stage("topics")
    terms = term_tables.result()
    for name in ("top_terms", "topic_terms", "document_topics", "similarity"):
        sink.write(name, terms[name])


def _add_chunk(part: ChunkTables, state: _State, sample: _TopicSample, sink: Sink) -> None:
    for name in ("documents", "lines", "articles", "attributions", "label_counts"):
        sink.write(name, getattr(part, name), append=True)
    state.index.add(part.features)
    if part.dates is not None:
        state.dates.append(part.dates)
    sample.add(part.articles)
    state.n_docs += len(part.documents)
    state.n_bytes += part.n_bytes


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


def _new_state(out: Path) -> _State:
    """A state whose spilled files live in a hidden temporary folder of ``out`` (removed by ``_close``)."""
    folder = Path(tempfile.mkdtemp(prefix=".newsstudy-", dir=out))
    return _State(index=duplicates.OutOfCoreIndex(folder / "index"))


def _close(state: _State) -> None:
    state.index.close()
    shutil.rmtree(state.index.directory.parent, ignore_errors=True)


def _problem_tracking(
    chunks: Iterator[tuple[pd.DataFrame, pd.DataFrame]], state: _State, *, strict: bool = False
) -> Iterator[pd.DataFrame]:
    for docs, problems in chunks:
        if len(problems):
            if strict:
                first = problems.iloc[0]
                raise CorpusError(first["path"], first["reason"])
            state.problems.append(problems)
        if len(docs):
            yield docs


def _finish(
    state: _State,
    sample: _TopicSample,
    sink: Sink,
    options: StudyOptions,
    *,
    report: _Progress,
    candidates: pd.DataFrame | None = None,
    submit: Callable | None = None,
) -> None:
    problems = (
        pd.concat(state.problems, ignore_index=True)
        if state.problems
        else pd.DataFrame({"path": pd.Series(dtype="str"), "reason": pd.Series(dtype="str")})
    )
    problems = problems.assign(path=problems["path"].map(display_path))
    sink.write("problems", problems.sort_values(["path", "reason"], ignore_index=True))
    if state.n_docs:
        _final_tables(
            state, sample, sink, options, report=report,
            candidates=candidates, submit=submit,
        )  # fmt: skip
    report.finish()


#: One short document whose processing compiles every lexicon and pattern the stages cache.
_WARM_UP = pd.DataFrame({"doc_id": ["warm-up"], "text": ["قال المتحدث إن الاجتماع انتهى.\nعاجل"]})


def _warm_up(options: StudyOptions) -> None:
    """Build the stages' cached lexicons (seconds of regex compilation) in this process.

    Worker processes are forked from this one: built here, they are built once,
    not once per worker (and once per run in a process that runs many).
    """
    process_chunk(_WARM_UP, options)


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
        Documents per chunk (memory of the per-document stages grows with it,
        not with the corpus).
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
    ...     print(len(read_table(Path(out) / "run", "documents")), written["lines"].name)
    5 lines.csv
    """
    report = _Progress(progress)
    folder = RunFolder(Path(out_dir), figures)
    with folder:
        state = _new_state(folder.staged)
        sample = _TopicSample(max_topic_docs)
        chunks = _problem_tracking(_chunks(corpus, options, chunk_size), state, strict=strict)
        start = time.perf_counter()
        pool: Executor | None = None
        if n_jobs > 1:
            _warm_up(options)  # compiled once here, inherited by every forked worker
            pool = ProcessPoolExecutor(n_jobs, initializer=_end_with_parent, initargs=(os.getpid(),))
        try:
            report.stage("line counts")
            evidence = count_lines(
                (docs for docs, _ in _chunks(corpus, options, chunk_size) if len(docs)),
                options,
                submit=None if pool is None else pool.submit,
            )
            report._clock("documents")  # back to the documents' clock, without a message
            if pool is None:
                parts: Iterable[ChunkTables] = (process_chunk(docs, options, evidence) for docs in chunks)
            else:
                parts = _ordered_results(
                    chunks,
                    lambda docs: pool.submit(process_chunk, docs, options, evidence),
                    lambda f: f.result(),
                    2 * n_jobs,
                )
            for part in parts:
                _add_chunk(part, state, sample, folder)
                rate = state.n_bytes / 1e6 / max(time.perf_counter() - start, 1e-9)
                report.documents(len(part.documents), f"{state.n_docs:,} documents, {rate:.2f} MB/s")
            _finish(
                state, sample, folder, options, report=report,
                submit=None if pool is None else pool.submit,
            )  # fmt: skip
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            _close(state)
        _complete(folder, state, corpus, options, report, command=command)
    return folder.paths


def _chunks(corpus: str | Path, options: StudyOptions, chunk_size: int) -> Iterator:
    return iter_corpus(
        corpus, chunk_size=chunk_size, text_column=options.text_column, id_column=options.id_column
    )


def _complete(
    folder: RunFolder,
    state: _State,
    corpus: str | Path,
    options: StudyOptions,
    report: _Progress,
    *,
    command: Mapping[str, Any] | None,
) -> None:
    """Draw the figures and move the run into place with its manifest; a corpus with no document fails."""
    if not state.n_docs:
        raise CorpusError(corpus, "no readable document")
    if folder.figures is not None:
        from newsstudy import figures

        report.stage("figures")
        tables = {name: folder.read(name) for name in figures.FIGURE_TABLES if name in folder}
        figures.write_figures(tables, folder.figures)
    report.stage("write")
    report.finish()
    counts = {"documents": state.n_docs, "problems": sum(len(p) for p in state.problems)}
    folder.commit(results.manifest_record(Path(corpus), options, counts, report.timings, command))


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
            _finish(state, sample, sink, options, report=report)
        finally:
            state.index.close()
    return sink.tables()


# --------------------------------------------------------------------------- Dask
def _chunk_with_bands(
    documents: pd.DataFrame, options: StudyOptions, bands: int, rows: int, evidence=None
) -> tuple:
    """Per-partition work on a Dask worker: the per-document stages plus MinHash band keys."""
    part = process_chunk(documents, options, evidence)
    # The chunk's signatures are those duplicates.duplicate_pairs computes, so the band keys match its own.
    keys = duplicates.band_keys(part.features.signatures, bands=bands, rows=rows)
    doc_ids = pd.Series(part.features.ids[keys["row"].to_numpy()], dtype="str")
    return part, pd.DataFrame({"band": keys["band"], "key": keys["key"], "doc_id": doc_ids})


def _pairs_in_partition(frame: pd.DataFrame) -> pd.DataFrame:
    """Candidate pairs (``doc_a`` < ``doc_b``) of documents sharing a band key, in one shuffled partition."""
    rows = []
    for _, ids in frame.groupby(["band", "key"], sort=False)["doc_id"]:
        if len(ids) < 2:
            continue
        members = sorted(set(ids.astype(str)))
        rows.extend((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return pd.DataFrame(rows, columns=["doc_a", "doc_b"], dtype="str")


def run_dask(
    corpus: str | Path,
    out_dir: str | Path,
    options: StudyOptions = DEFAULT_OPTIONS,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    chunk_size: int = 5000,
    progress: Progress | None = None,
    max_topic_docs: int = 50_000,
    processes: bool = True,
    figures: str | Path | None = None,
    strict: bool = False,
    command: Mapping[str, Any] | None = None,
) -> dict[str, Path]:
    """Run the study on a Dask cluster and write the same tables as :func:`run_streaming`.

    Chunks of the corpus are read here and sent to the workers, which clean,
    attribute and compute MinHash band keys per partition; the band keys are
    grouped through Dask's shuffle into LSH candidate pairs. Needs the ``dask``
    extra (``pip install newsstudy[dask]``).

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler (``tcp://host:8786``); by default a
        ``distributed.LocalCluster`` of ``n_workers`` workers (one thread each)
        is started for the run and closed after.
    processes : bool, default True
        Local cluster only: worker processes (True) or threads in this process.
    Other parameters as for :func:`run_streaming`.

    Examples
    --------
    >>> from newsstudy.paths import SEEDS_DIR
    >>> written = run_dask(SEEDS_DIR, "results-dask", n_workers=2)  # doctest: +SKIP
    """
    try:
        import dask.dataframe as dd
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ImportError("the Dask engine needs the 'dask' extra: pip install 'newsstudy[dask]'") from exc

    import logging

    # Every shuffle logs two WARNING lines on the scheduler about its own life cycle: not the user's concern.
    logging.getLogger("distributed.shuffle._scheduler_plugin").setLevel(logging.ERROR)
    report = _Progress(progress)
    folder = RunFolder(Path(out_dir), figures)
    bands, rows = duplicates.lsh_params(
        options.near_threshold, options.num_perm, weights=duplicates.LSH_WEIGHTS
    )
    with folder:
        state = _new_state(folder.staged)
        sample = _TopicSample(max_topic_docs)
        cluster = None
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=processes, dashboard_address=":0"
            )
        client = Client(scheduler if scheduler is not None else cluster)
        try:
            report.stage("line counts")
            evidence = count_lines(
                (docs for docs, _ in _chunks(corpus, options, chunk_size) if len(docs)),
                options,
                submit=lambda fn, docs, *args: client.submit(fn, client.scatter(docs), *args, pure=False),
            )
            report._clock("documents")  # back to the documents' clock, without a message
            shared = None if evidence is None else client.scatter(evidence, broadcast=True)
            chunks = _problem_tracking(_chunks(corpus, options, chunk_size), state, strict=strict)
            band_futures = []

            def submit(docs: pd.DataFrame):
                # Scattered first: a chunk embedded in the task graph is sent through the scheduler.
                data = client.scatter(docs)
                future = client.submit(_chunk_with_bands, data, options, bands, rows, shared, pure=False)
                band_futures.append(client.submit(lambda r: r[1], future, pure=False))
                return future

            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            for part, _ in _ordered_results(chunks, submit, lambda f: f.result(), 2 * workers):
                _add_chunk(part, state, sample, folder)
                report.documents(len(part.documents), f"{state.n_docs:,} documents")
            candidates = None
            if band_futures:
                report.stage("lsh")
                meta = pd.DataFrame(
                    {"band": pd.Series(dtype="int64"), "key": pd.Series(dtype="uint64"),
                     "doc_id": pd.Series(dtype="str")}
                )  # fmt: skip
                keys = dd.from_delayed(band_futures, meta=meta, verify_meta=False)
                shuffled = keys.shuffle(on=["band", "key"], npartitions=max(keys.npartitions, 1))
                found = shuffled.map_partitions(
                    _pairs_in_partition, meta=pd.DataFrame({"doc_a": pd.Series(dtype="str"),
                                                            "doc_b": pd.Series(dtype="str")})
                ).compute()  # fmt: skip
                candidates = found.drop_duplicates().sort_values(["doc_a", "doc_b"], ignore_index=True)
            _finish(
                state, sample, folder, options, report=report,
                candidates=candidates, submit=lambda fn, *args: client.submit(fn, *args, pure=False),
            )  # fmt: skip
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            _close(state)
        _complete(folder, state, corpus, options, report, command=command)
    return folder.paths


# --------------------------------------------------------------------------- summaries of a run by outlet
def _outlets(out_dir: Path, column: str) -> pd.Series:
    docs = read_table(out_dir, "documents")[["doc_id", column]]
    return docs.set_index(docs["doc_id"].astype(str))[column].astype(str)


def _uncopied_attributions(out_dir: Path) -> pd.DataFrame:
    found = read_table(out_dir, "attributions")[["doc_id", "line", "source_type"]]
    copies = read_table(out_dir, "copied_lines")
    return attribution._drop_copies(found, copies)


def sources_by_outlet(out_dir: str | Path, *, outlet_column: str = "outlet") -> pd.DataFrame:
    """Attributions per publishing outlet and source type in a run's tables (copied lines counted once).

    Returns ``publisher``, ``source_type``, ``n`` and ``share`` (of the
    outlet's attributions), sorted by publisher then ``n`` descending.
    ``outlet_column`` is the documents column naming the publisher (``SRC``
    in the ANT corpus).

    >>> import tempfile
    >>> from newsstudy.paths import SEEDS_DIR
    >>> with tempfile.TemporaryDirectory() as out:
    ...     _ = run_streaming(SEEDS_DIR, out, n_jobs=1)
    ...     table = sources_by_outlet(out, outlet_column="encoding")
    >>> table.columns.tolist(), table["share"].sum().round(6)
    (['publisher', 'source_type', 'n', 'share'], np.float64(1.0))
    """
    found = _uncopied_attributions(Path(out_dir))
    found = found.assign(publisher=found["doc_id"].astype(str).map(_outlets(Path(out_dir), outlet_column)))
    counts = found.groupby(["publisher", "source_type"], sort=True).size().rename("n").reset_index()
    counts["share"] = counts["n"] / counts.groupby("publisher")["n"].transform("sum")
    return counts.sort_values(
        ["publisher", "n", "source_type"], ascending=[True, False, True], ignore_index=True
    )


def anonymous_share_by_outlet(out_dir: str | Path, *, outlet_column: str = "outlet") -> pd.DataFrame:
    """Per publishing outlet: documents, attributions, anonymous ones and their share (copies once).

    Anonymous means ``anonymous_official`` or ``anonymous_source`` (as
    :func:`newsstudy.attribution.anonymous_share`).

    >>> import tempfile
    >>> from newsstudy.paths import SEEDS_DIR
    >>> with tempfile.TemporaryDirectory() as out:
    ...     _ = run_streaming(SEEDS_DIR, out, n_jobs=1)
    ...     anonymous_share_by_outlet(out, outlet_column="encoding").columns.tolist()
    ['publisher', 'documents', 'attributions', 'anonymous', 'share']
    """
    outlets = _outlets(Path(out_dir), outlet_column)
    found = _uncopied_attributions(Path(out_dir))
    anon = found["source_type"].isin(["anonymous_official", "anonymous_source"])
    table = (
        pd.DataFrame({"publisher": found["doc_id"].astype(str).map(outlets), "anon": anon})
        .groupby("publisher", sort=True)
        .agg(attributions=("anon", "size"), anonymous=("anon", "sum"))
    )
    table.insert(0, "documents", outlets.value_counts().reindex(table.index).fillna(0).astype("int64"))
    table["anonymous"] = table["anonymous"].astype("int64")
    table["share"] = table["anonymous"] / table["attributions"]
    return table.reset_index()


def reuse_matrix(out_dir: str | Path, *, outlet_column: str = "outlet") -> pd.DataFrame:
    """Document pairs sharing a reused passage, by the two documents' outlets (a symmetric matrix).

    Each unordered pair of documents with at least one passage counts once;
    the diagonal counts pairs within one outlet.

    >>> import tempfile
    >>> from newsstudy.paths import SEEDS_DIR
    >>> with tempfile.TemporaryDirectory() as out:
    ...     _ = run_streaming(SEEDS_DIR, out, n_jobs=1)
    ...     reuse_matrix(out, outlet_column="encoding").to_numpy().tolist()
    [[0]]
    """
    outlets = _outlets(Path(out_dir), outlet_column)
    passages = read_table(out_dir, "reuse_passages")
    pairs = passages[["doc_a", "doc_b"]].astype(str).drop_duplicates()
    a = pairs["doc_a"].map(outlets)
    b = pairs["doc_b"].map(outlets)
    names = sorted(set(outlets))
    both = pd.concat([pd.DataFrame({"a": a, "b": b}), pd.DataFrame({"a": b[a != b], "b": a[a != b]})])
    matrix = pd.crosstab(both["a"], both["b"]).reindex(index=names, columns=names, fill_value=0)
    matrix.index.name, matrix.columns.name = "outlet", "outlet"
    return matrix.astype("int64")
