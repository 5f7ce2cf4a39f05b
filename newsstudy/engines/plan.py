"""The study's plan: the per-document stages of a chunk, and the cross-document stages at the end.

What every executor runs (:mod:`newsstudy.engines.local`, :mod:`newsstudy.engines.cluster`); where the
tables go is a sink (:class:`newsstudy.results.RunFolder` or :class:`~newsstudy.results.MemoryTables`).
"""

from __future__ import annotations

import heapq
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from newsstudy import attribution, clean, duplicates, line_evidence, results, views
from newsstudy.corpus import iter_corpus
from newsstudy.dates import document_dates
from newsstudy.engines.progress import _Progress
from newsstudy.errors import CorpusError
from newsstudy.paths import display_path
from newsstudy.pipeline import StudyOptions, label_counts
from newsstudy.pipeline import term_tables as pipeline_term_tables
from newsstudy.results import MemoryTables, RunFolder

#: Where the plan writes its tables: a run's folder (files) or memory (``run_in_process``).
Sink = RunFolder | MemoryTables

#: The study's defaults (ANNOTATION.md), shared by every engine call that gives no options.
DEFAULT_OPTIONS = StudyOptions()


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
    facets: pd.DataFrame  # doc_id, outlet, month (newsstudy.views)
    outlet_lines: pd.DataFrame  # this chunk's part of the outlet_lines view
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
    given = ["norm"] if "norm" in lines.columns else []  # each line's matching form, if known
    return lines.loc[mask, ["doc_id", "line", "label", "text", *given]].reset_index(drop=True)


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
    shown = {path: display_path(path) for path in documents["path"].unique()}  # one file, many rows
    return documents.assign(path=documents["path"].map(shown))


def process_chunk(
    documents: pd.DataFrame,
    options: StudyOptions = DEFAULT_OPTIONS,
    evidence: line_evidence.CorpusEvidence | None = None,
) -> ChunkTables:
    """Run the per-document stages on one chunk of the ``documents`` table.

    ``evidence`` is the whole corpus's line counts (:func:`newsstudy.engines.local.count_lines`), given
    to the cleaner.

    >>> from newsstudy.corpus import load_corpus
    >>> from newsstudy.paths import SEEDS_DIR
    >>> part = process_chunk(load_corpus(SEEDS_DIR))
    >>> len(part.documents), part.lines["doc_id"].nunique()
    (5, 5)
    """
    norms: list[str] = []
    lines = clean.label_lines(documents, evidence=evidence, norms_out=norms)
    # The lines' matching forms, computed by the cleaner, given to attribution and duplicates.
    normed = lines.assign(norm=pd.Series(norms, index=lines.index, dtype=object))
    kept = kept_lines(normed)
    dates = document_dates(documents, options.date_column)
    facets = views.document_facets(documents, dates, column=options.outlet_column)
    counts = label_counts(lines)
    position = pd.Series(range(len(documents)), index=documents["doc_id"].astype(str).to_numpy())
    ordered = partial(_in_corpus_order, position=position)
    return ChunkTables(
        documents=_as_written(documents.drop(columns=["text"])),
        lines=ordered(lines),
        articles=ordered(clean.cleaned(lines)),
        label_counts=ordered(counts),
        attributions=ordered(
            attribution.extract(
                normed, study=options.study(), home_countries=attribution.home_countries(documents)
            )[list(attribution.STUDY_COLUMNS)]
        ),
        dates=dates,
        facets=facets,
        outlet_lines=views.outlet_lines(counts, facets),
        n_bytes=int(sum(len(t.encode("utf-8")) for t in documents["text"])),
        features=duplicates.chunk_features(
            kept,
            min_words=options.min_reuse_words,
            num_perm=options.num_perm,
            shingle_size=options.shingle_size,
            seed=options.seed,
        ),
    )


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
    facets: list[pd.DataFrame] = field(default_factory=list)
    outlet_lines: list[pd.DataFrame] = field(default_factory=list)
    problems: list[pd.DataFrame] = field(default_factory=list)
    columns: set[str] = field(default_factory=set)  # every column a chunk's documents had
    n_docs: int = 0
    n_bytes: int = 0


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def _run_now(fn: Callable, *args: Any) -> _Done:
    return _Done(fn(*args))


class _TermSteps:
    """:func:`newsstudy.pipeline.term_tables` in its steps on an executor, a future of its tables.

    The TF-IDF fit (``pipeline.term_fit``) goes to a worker; when it is done, the topic model
    (``term_topics``) and the similarity and outlet terms (``term_neighbours``) go to two workers side
    by side, and their tables are put together here (``term_assembly``): the same tables as one
    ``term_tables`` call, sooner. A thread of this process waits for the steps, so that the run's
    own stages (duplicates, sources) go on meanwhile; :meth:`result` waits for the tables.
    """

    def __init__(self, submit: Callable, articles, signatures, options: StudyOptions, facets) -> None:
        self._args = (articles, signatures, options, facets)
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(submit,), name="newsstudy-terms", daemon=True)
        self._thread.start()

    def _run(self, submit: Callable) -> None:
        from newsstudy import pipeline

        articles, signatures, options, facets = self._args
        try:
            fitted = submit(pipeline.term_fit, articles).result()
            parts = (None, None)
            if fitted is not None:
                topic = submit(pipeline.term_topics, articles, fitted, options)
                near = submit(pipeline.term_neighbours, articles, signatures, options, facets, fitted)
                del fitted
                parts = (topic.result(), near.result())
            self._value = pipeline.term_assembly(articles, signatures, options, facets, *parts)
        except BaseException as exc:  # given to the caller of result()
            self._error = exc

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _final_tables(
    state: _State,
    sample: _TopicSample,
    sink: Sink,
    options: StudyOptions,
    *,
    report: _Progress,
    candidates: pd.DataFrame | None = None,
    submit: Callable | None = None,
    before_topics: Callable[[], None] | None = None,
) -> None:
    """Cross-document stages on the gathered state; writes the small tables.

    ``submit(fn, *args)`` runs the topic model elsewhere (a process pool, a Dask
    cluster) and returns a future; by default it runs here. ``before_topics()`` is
    called when every table but the topic model's is written, before waiting for it.
    """
    index = state.index
    dated = pd.concat(state.dates, ignore_index=True) if state.dates else None
    index.set_dates(dated)
    facets = pd.concat(state.facets, ignore_index=True)
    del state.facets[:]

    # Terms, topics and similarity need only the articles and the MinHash signatures: they are
    # computed by the in-memory pipeline's own function, beside the duplicates stage (on another core).
    articles = sample.articles()
    sampled = facets[facets["doc_id"].isin(articles["doc_id"])]
    if submit is None:
        term_tables: Any = _run_now(pipeline_term_tables, articles, index.signatures(), options, sampled)
    else:
        term_tables = _TermSteps(submit, articles, index.signatures(), options, sampled)

    report.stage("duplicates")
    # Passage rows go to the CSV as each pair partition is done; only the columns the
    # per-document and per-line summaries need stay in memory.
    spans = []
    reuse = views.ReuseCounter(facets)
    for frame in index.reuse_passages(min_words=options.min_reuse_words):
        sink.write("reuse_passages", frame, append=True)
        reuse.add(frame)
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
    found = attribution.drop_copies(found, copies)  # a report copied between documents counts once
    sink.write("source_counts", attribution.count_sources(found, by=["doc_id", "source_type", "affiliation"]))
    sink.write("anonymous_share", attribution.anonymous_share(found))
    sink.write("outlet_sources", views.outlet_sources(found, facets))
    sink.write("outlet_anonymous", views.outlet_anonymous(found, facets))
    del found
    lines = pd.concat(state.outlet_lines, ignore_index=True)
    sink.write("outlet_lines", lines.groupby(["outlet", "label"], sort=True).sum().reset_index())
    sink.write("outlet_reuse", reuse.table())

    report.stage("topics")
    if before_topics is not None:
        before_topics()
    terms = term_tables.result()
    for name in (
        "top_terms", "topic_terms", "document_topics", "similarity", "outlet_terms", "term_forms",
        "outlet_similarity",
    ):  # fmt: skip
        sink.write(name, terms[name])


def _add_chunk(part: ChunkTables, state: _State, sample: _TopicSample, sink: Sink) -> None:
    for name in ("documents", "lines", "articles", "attributions", "label_counts"):
        sink.write(name, getattr(part, name), append=True)
    state.index.add(part.features)
    if part.dates is not None:
        state.dates.append(part.dates)
    state.facets.append(part.facets)
    state.outlet_lines.append(part.outlet_lines)
    state.columns.update(map(str, part.documents.columns))
    sample.add(part.articles)
    state.n_docs += len(part.documents)
    state.n_bytes += part.n_bytes


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
    before_topics: Callable[[], None] | None = None,
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
            candidates=candidates, submit=submit, before_topics=before_topics,
        )  # fmt: skip
    report.finish()


#: One short document whose processing compiles every lexicon and pattern the stages cache.
_WARM_UP = pd.DataFrame({"doc_id": ["warm-up"], "text": ["قال المتحدث إن الاجتماع انتهى.\nعاجل"]})


def _warm_up(options: StudyOptions) -> None:
    """Build the stages' cached lexicons (seconds of regex compilation) in this process.

    Worker processes are forked from this one: built here, they are built once,
    not once per worker (and once per run in a process that runs many).
    """
    process_chunk(_WARM_UP, replace(options, outlet_column=None))  # its one column is not the corpus's


#: The first chunk of a run (then twice as many documents a chunk, up to ``chunk_size``): a corpus of a
#: few hundred documents keeps both workers busy, a large one is read in large chunks.
FIRST_CHUNK = 128


def _chunks(corpus: str | Path, options: StudyOptions, chunk_size: int) -> Iterator:
    return iter_corpus(
        corpus,
        chunk_size=chunk_size,
        text_column=options.text_column,
        id_column=options.id_column,
        first_chunk=FIRST_CHUNK,
    )


#: Most characters of text a run keeps of the chunks it read for the line counts, to process them
#: without reading the corpus again (a larger corpus is read twice: memory stays bounded).
REREAD_CHARS = 100_000_000


class _ReadOnce:
    """The chunks of a corpus as read for the line counts, kept for the documents pass if small.

    Iterating gives the chunks of ``chunks`` (``(documents, problems)`` pairs) and keeps them while
    their texts hold at most ``budget`` characters; :meth:`again` then gives the same chunks again,
    from memory when all were kept, else as ``read_again()`` reads them.
    """

    def __init__(self, chunks: Iterator, read_again: Callable[[], Iterator], budget: int = REREAD_CHARS):
        self._chunks, self._read_again, self._budget = chunks, read_again, budget
        self._kept: list | None = []
        self._complete = False

    def __iter__(self) -> Iterator:
        size = 0
        for docs, problems in self._chunks:
            if self._kept is not None:
                size += int(docs["text"].str.len().sum()) if len(docs) else 0
                if size <= self._budget:
                    self._kept.append((docs, problems))
                else:
                    self._kept = None
            yield docs, problems
        self._complete = self._kept is not None

    def again(self) -> Iterator:
        if not self._complete:
            self._kept = None
            yield from self._read_again()
            return
        kept, self._kept = self._kept or [], None
        kept.reverse()
        while kept:  # each chunk let go once it is given
            yield kept.pop()


#: Columns of the documents table that the loader adds (not the corpus's own fields).
_LOADER_COLUMNS = frozenset({"path", "row", "encoding", "sha256", "n_lines", "newlines", "text"})


def check_named_columns(state: _State, options: StudyOptions, corpus: str | Path) -> None:
    """A column the study names (outlet, date) that no document of the corpus has is an error, not a blank.

    Documents without the column are ``unknown`` or undated; a column that none has is a typo.
    """
    for what, name in (("outlet", options.outlet_column), ("date", options.date_column)):
        if name is not None and name not in state.columns:
            fields = ", ".join(sorted(state.columns - _LOADER_COLUMNS))
            raise CorpusError(corpus, f"no {what} column {name!r}; the documents' fields are {fields}")


def _none_readable(state: _State, corpus: str | Path) -> str:
    """Why a corpus gave no document: the first few of its problems (each with its file, in a folder)."""
    problems = pd.concat(state.problems, ignore_index=True) if state.problems else None
    if problems is None or problems.empty:
        return "no readable document (no file or record held any text)"
    whole = display_path(corpus)
    shown = "; ".join(
        r if display_path(p) == whole else f"{display_path(p)}: {r}"
        for p, r in problems[["path", "reason"]].head(3).to_numpy()
    )
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return f"no readable document: {shown}{more}"


def _complete(
    folder: RunFolder,
    state: _State,
    corpus: str | Path,
    options: StudyOptions,
    report: _Progress,
    *,
    command: Mapping[str, Any] | None,
    executor: Executor | None = None,
    drawn: Sequence[Future] = (),
) -> None:
    """Draw the figures (in ``executor``, if given) and move the run into place with its manifest.

    ``drawn`` are the futures of :func:`newsstudy.figures.start_view_figures`, if the run started
    them (those figures are not drawn again). A corpus with no document fails.
    """
    if not state.n_docs:
        raise CorpusError(corpus, _none_readable(state, corpus))
    check_named_columns(state, options, corpus)
    if folder.figures is not None:
        from newsstudy import figures

        report.stage("figures")
        tables = {name: folder.read(name) for name in figures.figure_tables(state.n_docs)}
        early = figures.VIEW_FIGURES if drawn else ()
        figures.write_figures(tables, folder.figures, executor=executor, drawn=early)
        for future in drawn:
            future.result()
    report.stage("write")
    report.finish()
    counts = {"documents": state.n_docs, "problems": sum(len(p) for p in state.problems)}
    folder.commit(results.manifest_record(Path(corpus), options, counts, report.timings, command))
