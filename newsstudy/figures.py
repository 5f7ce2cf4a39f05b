"""The study's figures, built from the tables of a run.

``newsstudy run`` writes them (:func:`write_figures`) and the notebooks show them
with :func:`study_figure`, from the same tables.
Each figure's numbers are also in a table (nbval compares text, not images).

Views that fit the corpus: up to :data:`MAX_DRAWN_DOCUMENTS` documents, the
per-document figures draw one bar or cell per document. Above it they draw one
per *outlet*, at most :data:`MAX_GROUPS` outlets (the largest; in the bars the
rest are pooled as "(other outlets)", the heatmaps and term panels leave them
out), from the run's views per outlet and month (:mod:`newsstudy.views`),
and two more figures are drawn (:data:`CORPUS_FIGURES`: the anonymous share per
outlet over time, and reuse between outlets with its direction). A corpus's
figures read only those views (:func:`figure_tables`), never a per-document
table, so every figure costs the same whatever the corpus size.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from newsstudy import plotting, topics

__all__ = [
    "CORPUS_FIGURES",
    "CORPUS_TABLES",
    "DOCUMENT_TABLES",
    "FIGURES",
    "MAX_DRAWN_DOCUMENTS",
    "document_labels",
    "figure_names",
    "figure_tables",
    "largest_outlets",
    "n_documents",
    "pivot_similarity",
    "reuse_flows",
    "study_figure",
    "write_figures",
]

Tables = Mapping[str, pd.DataFrame]

#: Up to this many documents, figures draw one bar, panel or cell per document.
MAX_DRAWN_DOCUMENTS = 30
#: Above it, figures draw at most this many outlets (the largest; the rest pooled as "(other outlets)").
MAX_GROUPS = 20
_OTHER_GROUP = "(other outlets)"  # not a name an outlet could have


def n_documents(tables: Tables) -> int:
    """Documents of the run (from its ``outlet_anonymous`` view, which has every document once)."""
    return int(tables["outlet_anonymous"]["documents"].sum())


def _by_document(tables: Tables) -> bool:
    return n_documents(tables) <= MAX_DRAWN_DOCUMENTS


def largest_outlets(tables: Tables, *, limit: int = MAX_GROUPS) -> list[str]:
    """The ``limit`` outlets with most documents (ties by name), from the ``outlet_anonymous`` view.

    >>> view = pd.DataFrame({"outlet": ["X", "Y", "Y", "Z"], "documents": [5, 2, 2, 1]})
    >>> largest_outlets({"outlet_anonymous": view}, limit=2)
    ['X', 'Y']
    """
    sizes = tables["outlet_anonymous"].groupby("outlet", sort=True)["documents"].sum()
    return sorted(sizes.index, key=lambda g: (-sizes[g], g))[:limit]


def _shown_outlets(pooled: pd.DataFrame, kept: list[str]) -> list[str]:
    """The bars of a per-outlet figure: the kept outlets, then "(other outlets)" if any was pooled."""
    return [*kept, _OTHER_GROUP] if (pooled["outlet"] == _OTHER_GROUP).any() else kept


def _pooled(table: pd.DataFrame, keys: list[str], values: list[str], kept: list[str]) -> pd.DataFrame:
    """``table`` summed by ``keys`` with every outlet outside ``kept`` pooled as "(other outlets)"."""
    outlet = table["outlet"].where(table["outlet"].isin(kept), _OTHER_GROUP)
    return table.assign(outlet=outlet).groupby(keys, sort=True)[values].sum().reset_index()


def document_labels(articles: pd.DataFrame, *, words: int = 6) -> pd.Series:
    """A short readable label per document: the id's first part and the headline's first words.

    Falls back to the cleaned text when a document has no headline.

    >>> arts = pd.DataFrame({"doc_id": ["003_ab"], "headline": ["أكسيوس: رئيس وزراء قطر يلتقي مفاوضي حماس"],
    ...                      "text": ["..."]})
    >>> document_labels(arts, words=4).tolist()
    ['003 أكسيوس: رئيس وزراء قطر…']
    """

    def label(row: pd.Series) -> str:
        source = (
            row["headline"] if isinstance(row["headline"], str) and row["headline"].strip() else row["text"]
        )
        tokens = str(source).split()
        text = " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")
        return f"{str(row['doc_id']).split('_')[0]} {text}"

    return pd.Series(
        [label(row) for _, row in articles.iterrows()], index=articles["doc_id"].tolist(), dtype=object
    )


def pivot_similarity(similarity: pd.DataFrame, value: str, labels: pd.Series | None = None) -> pd.DataFrame:
    """A square document × document matrix from the long ``similarity`` table (diagonal 1).

    >>> long = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "cosine": [0.25], "jaccard": [0.0]})
    >>> pivot_similarity(long, "cosine").to_numpy().tolist()
    [[1.0, 0.25], [0.25, 1.0]]
    """
    ids = sorted(set(similarity["doc_a"]) | set(similarity["doc_b"]))
    matrix = pd.DataFrame(1.0, index=ids, columns=ids)
    for row in similarity.itertuples(index=False):
        matrix.loc[row.doc_a, row.doc_b] = matrix.loc[row.doc_b, row.doc_a] = float(getattr(row, value))
    if labels is not None:
        matrix = matrix.rename(index=labels.to_dict(), columns=labels.to_dict())
    return matrix


def _cleaning(tables: Tables) -> tuple[Figure, object]:
    if _by_document(tables):
        return plotting.line_label_bars(
            tables["label_counts"], doc_labels=document_labels(tables["articles"])
        )
    kept = largest_outlets(tables)
    counts = _pooled(tables["outlet_lines"], ["outlet", "label"], ["n_lines"], kept)
    shown = _shown_outlets(counts, kept)
    # Shares, not numbers of lines: how much of each outlet's page is article reads at a glance.
    return plotting.share_bars(
        counts, group="outlet", by="label", value="n_lines", groups=shown, colours=plotting.LABEL_COLOURS,
        title="Line labels per outlet", xlabel="share of the raw lines (their number at the right)",
    )  # fmt: skip


#: Least cosine and Jaccard counted as "similar" in the corpus-level heatmaps.
_SIMILAR_COSINE = 0.3
_SHARED_TEXT_JACCARD = 0.2


def _heatmap(tables: Tables) -> tuple[Figure, object]:
    if _by_document(tables):
        similarity = tables["similarity"]
        labels = document_labels(tables["articles"], words=3)
        return plotting.similarity_heatmaps(
            pivot_similarity(similarity, "cosine", labels), pivot_similarity(similarity, "jaccard", labels)
        )
    kept = largest_outlets(tables)
    long = tables["outlet_similarity"]
    long = long[long["outlet_a"].isin(kept) & long["outlet_b"].isin(kept)]

    def square(value: str) -> pd.DataFrame:
        return long.pivot(index="outlet_a", columns="outlet_b", values=value).reindex(
            index=kept, columns=kept
        )

    return plotting.similarity_heatmaps(
        square("cosine_share"),
        square("jaccard_share"),
        titles=(
            f"Share of row outlet's articles with a cosine ≥ {_SIMILAR_COSINE} neighbour in column outlet",
            f"… with estimated Jaccard ≥ {_SHARED_TEXT_JACCARD} (shared running text)",
        ),
    )


def _sources_by(column: str, title: str) -> Callable[[Tables], tuple[Figure, object]]:
    """Counts of attributions by ``column``; for a corpus of several outlets, their shares per outlet."""

    def draw(tables: Tables) -> tuple[Figure, object]:
        view = tables["outlet_sources"]
        if _by_document(tables) or view["outlet"].nunique() < 2:
            counts = view.groupby(column, sort=True)["n"].sum().reset_index()
            return plotting.source_bars(counts, by=column, title=title)
        kept = largest_outlets(tables)
        pooled = _pooled(view, ["outlet", column], ["n"], kept)
        shown = _shown_outlets(pooled, kept)
        return plotting.share_bars(
            pooled, group="outlet", by=column, groups=shown, title=f"{title}, per outlet"
        )

    return draw


def _anonymous(tables: Tables) -> tuple[Figure, object]:
    if _by_document(tables):
        labels = document_labels(tables["articles"])
        shares = tables["anonymous_share"].assign(label=lambda t: t["doc_id"].map(labels))
        return plotting.anonymous_share_bars(shares, label="label")
    kept = largest_outlets(tables)
    per = _pooled(tables["outlet_anonymous"], ["outlet"], ["attributions", "anonymous"], kept)
    per["share"] = (per["anonymous"] / per["attributions"].where(per["attributions"] > 0)).fillna(0.0)
    return plotting.anonymous_share_bars(
        per, label="outlet", title="Share of attributions to anonymous sources, per outlet"
    )


def _anonymous_over_time(tables: Tables) -> tuple[Figure, object]:
    view = tables["outlet_anonymous"]
    return plotting.share_over_time(view[view["outlet"].isin(largest_outlets(tables))])


def reuse_flows(view: pd.DataFrame, kept: list[str], value: str = "passages") -> pd.DataFrame:
    """The ``outlet_reuse`` view as a matrix: row = reusing outlet, column = outlet published first.

    Directed rows only; outlets outside ``kept`` are pooled as "(other outlets)".

    >>> view = pd.DataFrame({"from_outlet": ["X", "X"], "to_outlet": ["Y", "Z"], "directed": [True, True],
    ...                      "passages": [4, 1]})
    >>> reuse_flows(view, ["X", "Y"]).to_numpy().tolist()
    [[0, 0, 0], [4, 0, 0], [1, 0, 0]]
    """
    directed = view[view["directed"].astype(bool)]
    names = (
        [*kept, _OTHER_GROUP]
        if not set(directed[["from_outlet", "to_outlet"]].stack()) <= set(kept)
        else kept
    )
    pool = {n: n for n in kept}
    frm = directed["from_outlet"].map(lambda o: pool.get(o, _OTHER_GROUP))
    to = directed["to_outlet"].map(lambda o: pool.get(o, _OTHER_GROUP))
    summed = directed.assign(frm=frm, to=to).groupby(["to", "frm"], sort=True)[value].sum()
    matrix = summed.unstack(fill_value=0).reindex(index=names, columns=names, fill_value=0).astype("int64")
    matrix.index.name, matrix.columns.name = "reusing outlet", "outlet published first"
    return matrix


def _reuse(tables: Tables) -> tuple[Figure, object]:
    return plotting.flow_heatmap(reuse_flows(tables["outlet_reuse"], largest_outlets(tables)))


def _as_written(terms: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The terms table with each matching-form term replaced by how the articles write it."""
    forms = topics.display_forms(articles, terms["term"])
    return terms.assign(term=terms["term"].map(forms))


def _written(terms: pd.DataFrame, forms: pd.DataFrame) -> pd.DataFrame:
    """The terms table with each term as the run's ``term_forms`` table says it is written."""
    written = forms.set_index("term")["written"]
    return terms.assign(term=terms["term"].map(written).fillna(terms["term"]))


def _top_terms(tables: Tables) -> tuple[Figure, object]:
    if _by_document(tables):
        labels = document_labels(tables["articles"], words=3)
        terms = _as_written(tables["top_terms"], tables["articles"])
        return plotting.top_terms_bars(terms.assign(doc_id=lambda t: t["doc_id"].map(labels)))
    kept = largest_outlets(tables)
    terms = tables["outlet_terms"]
    terms = terms[terms["outlet"].isin(kept)].assign(term=lambda t: t["written"])
    return plotting.top_terms_bars(terms.rename(columns={"outlet": "doc_id"}))


def _topics(tables: Tables) -> tuple[Figure, object]:
    if _by_document(tables):
        return plotting.topic_bars(_as_written(tables["topic_terms"], tables["articles"]))
    return plotting.topic_bars(_written(tables["topic_terms"], tables["term_forms"]))


#: Figure name (the PNG's file stem in ``figures/``) → function drawing it from the study's tables.
FIGURES: dict[str, Callable[[Tables], tuple[Figure, object]]] = {
    "cleaning-line-labels": _cleaning,
    "duplication-heatmap": _heatmap,
    "sources-by-type": _sources_by("source_type", "Attributions by source type"),
    "sources-by-affiliation": _sources_by("affiliation", "Attributions by affiliation of the source"),
    "anonymous-share": _anonymous,
    "top-terms": _top_terms,
    "topics": _topics,
}
#: Figures of a corpus only (more than :data:`MAX_DRAWN_DOCUMENTS` documents): the views over time
#: and between outlets, which a handful of documents has nothing to show in.
CORPUS_FIGURES: dict[str, Callable[[Tables], tuple[Figure, object]]] = {
    "anonymous-share-over-time": _anonymous_over_time,
    "reuse-between-outlets": _reuse,
}


def figure_names(n: int) -> list[str]:
    """The figures of a run of ``n`` documents: :data:`FIGURES`, and :data:`CORPUS_FIGURES` for a corpus."""
    return [*FIGURES, *(CORPUS_FIGURES if n > MAX_DRAWN_DOCUMENTS else {})]


def study_figure(name: str, tables: Tables) -> tuple[Figure, object]:
    """Draw one of the study's figures (:data:`FIGURES`, :data:`CORPUS_FIGURES`) in the house style.

    Raises
    ------
    KeyError
        An unknown figure name; the message lists the known ones.
    """
    known = {**FIGURES, **CORPUS_FIGURES}
    if name not in known:
        raise KeyError(f"unknown figure {name!r}; the figures are {', '.join(known)}")
    with plotting.style():
        return known[name](tables)


#: The tables the figures of a corpus read: the views, each a size of outlets × months, not documents.
CORPUS_TABLES: tuple[str, ...] = (
    "outlet_lines",
    "outlet_sources",
    "outlet_anonymous",
    "outlet_reuse",
    "outlet_terms",
    "outlet_similarity",
    "topic_terms",
    "term_forms",
)
#: What the per-document figures of a handful of documents read besides.
DOCUMENT_TABLES: tuple[str, ...] = ("articles", "label_counts", "similarity", "anonymous_share", "top_terms")


def figure_tables(n: int) -> tuple[str, ...]:
    """The tables the figures of a run of ``n`` documents read (never a per-document table for a corpus)."""
    return CORPUS_TABLES + (DOCUMENT_TABLES if n <= MAX_DRAWN_DOCUMENTS else ())


def _draw(name: str, tables: Tables, directory: Path) -> Path:
    import matplotlib.pyplot as plt

    fig, _ = study_figure(name, tables)
    try:
        return plotting.save_figure(fig, name, directory=directory)
    finally:
        plt.close(fig)


#: The figures of a corpus (more than :data:`MAX_DRAWN_DOCUMENTS` documents) drawn from the views of
#: :data:`VIEW_TABLES` alone, none from a table of the topics stage: a run draws them while its topic
#: model is still being fitted (:func:`start_view_figures`).
VIEW_FIGURES: tuple[str, ...] = (
    "cleaning-line-labels",
    "sources-by-type",
    "sources-by-affiliation",
    "anonymous-share",
    "anonymous-share-over-time",
    "reuse-between-outlets",
)
VIEW_TABLES: tuple[str, ...] = ("outlet_lines", "outlet_sources", "outlet_anonymous", "outlet_reuse")


def start_view_figures(read: Callable[[str], pd.DataFrame], directory: Path, executor: Executor) -> list:
    """Start drawing :data:`VIEW_FIGURES` in ``executor`` from the tables ``read(name)`` gives.

    For a corpus only: returns the futures (give their names to :func:`write_figures` as ``drawn``),
    or none for a handful of documents, whose figures read per-document tables.
    """
    tables = {name: read(name) for name in VIEW_TABLES}
    if n_documents(tables) <= MAX_DRAWN_DOCUMENTS:
        return []
    return [executor.submit(_draw, name, tables, directory) for name in VIEW_FIGURES]


def write_figures(
    tables: Tables, directory: Path, *, executor: Executor | None = None, drawn: Sequence[str] = ()
) -> list[Path]:
    """Draw the run's figures (:func:`figure_names`) as ``<directory>/<name>.png``, reproducible bytes.

    With an ``executor`` (a process pool) the figures are drawn there, several at once; each
    file is the same as one drawn here. The figures named in ``drawn`` are left out (drawn already).
    """
    import itertools

    names = [name for name in figure_names(n_documents(tables)) if name not in drawn]
    if executor is None or len(names) < 2:
        return [_draw(name, tables, directory) for name in names]
    return list(executor.map(_draw, names, itertools.repeat(tables), itertools.repeat(directory)))
