"""The study's figures, built from the tables of a run.

``newsstudy run`` writes them (:func:`write_figures`) and the notebooks show them
with :func:`study_figure`, from the same tables.
Each figure's numbers are also in a table (nbval compares text, not images).

Views that fit the corpus: up to :data:`MAX_DRAWN_DOCUMENTS` documents, the
per-document figures draw one bar or cell per document; above it they draw one
per *group* (the documents' outlet, :func:`document_groups`), at most
:data:`MAX_GROUPS` groups (the largest; the rest pooled as "other"), so every
figure costs the same whatever the corpus size.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from newsstudy import plotting, topics

__all__ = [
    "FIGURES",
    "FIGURE_TABLES",
    "GROUP_COLUMNS",
    "MAX_DRAWN_DOCUMENTS",
    "document_groups",
    "document_labels",
    "group_similarity",
    "pivot_similarity",
    "study_figure",
    "write_figures",
]

Tables = Mapping[str, pd.DataFrame]

#: Up to this many documents, figures draw one bar, panel or cell per document.
MAX_DRAWN_DOCUMENTS = 30
#: Above it, figures draw at most this many groups (outlets).
MAX_GROUPS = 20
#: Columns of the documents table that name a document's outlet, in order of preference.
GROUP_COLUMNS: tuple[str, ...] = ("outlet", "SRC", "source", "publisher", "site")
_OTHER_GROUP = "other"
_ONE_GROUP = "all documents"


def document_groups(documents: pd.DataFrame, *, limit: int = MAX_GROUPS) -> pd.Series:
    """Each document's group for the corpus-level figures: its outlet, the largest ``limit`` kept.

    The outlet comes from the first column of :data:`GROUP_COLUMNS` the table
    has; with none, every document is in one group. Groups beyond the
    ``limit`` largest (ties by name) are pooled as ``other``.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"]})
    >>> document_groups(docs, limit=1).to_dict()
    {'a': 'X', 'b': 'other', 'c': 'X'}
    """
    column = next((c for c in GROUP_COLUMNS if c in documents.columns), None)
    ids = documents["doc_id"].astype(str).to_numpy()
    if column is None:
        return pd.Series(_ONE_GROUP, index=ids, dtype=object)
    names = documents[column].astype("string").fillna("unknown").astype(str).to_numpy()
    sizes = pd.Series(names).value_counts()
    ranked = sorted(sizes.index, key=lambda g: (-sizes[g], g))
    kept = set(ranked[:limit])
    return pd.Series([n if n in kept else _OTHER_GROUP for n in names], index=ids, dtype=object)


def _by_document(tables: Tables) -> bool:
    return len(tables["articles"]) <= MAX_DRAWN_DOCUMENTS


def _groups(tables: Tables) -> pd.Series:
    return document_groups(tables["documents"])


def group_similarity(similarity: pd.DataFrame, groups: pd.Series, value: str, least: float) -> pd.DataFrame:
    """Group × group: the share of a row group's documents paired (``value`` ≥ ``least``) with the column.

    The corpus-level view of the ``similarity`` table (which lists each
    document's nearest neighbours): row *A*, column *B* is the share of *A*'s
    documents that have at least one pair with ``value`` ≥ ``least`` with a
    document of *B* (other than itself).

    >>> sim = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "cosine": [0.5]})
    >>> g = pd.Series({"a": "X", "b": "Y", "c": "Y"})
    >>> group_similarity(sim, g, "cosine", 0.3).to_numpy().tolist()
    [[0.0, 1.0], [0.5, 0.0]]
    """
    names = sorted(set(groups))
    hits = similarity.loc[similarity[value].astype(float) >= least, ["doc_a", "doc_b"]].astype(str)
    both = pd.concat(
        [
            hits.rename(columns={"doc_a": "doc", "doc_b": "other"}),
            hits.rename(columns={"doc_b": "doc", "doc_a": "other"}),
        ]
    )
    both = both.assign(row=both["doc"].map(groups), col=both["other"].map(groups)).dropna()
    reached = both.drop_duplicates(["doc", "col"]).groupby(["row", "col"]).size()
    sizes = groups.value_counts()
    matrix = reached.unstack(fill_value=0).reindex(index=names, columns=names, fill_value=0).astype(float)
    return matrix.div(sizes.reindex(names), axis=0)


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
    counts = tables["label_counts"].assign(doc_id=lambda t: t["doc_id"].astype(str).map(_groups(tables)))
    counts = counts.groupby(["doc_id", "label"], sort=True)["n_lines"].sum().reset_index()
    return plotting.line_label_bars(counts, title="Line labels per outlet")


#: Least cosine and Jaccard counted as "similar" in the corpus-level heatmaps.
_SIMILAR_COSINE = 0.3
_SHARED_TEXT_JACCARD = 0.2


def _heatmap(tables: Tables) -> tuple[Figure, object]:
    similarity = tables["similarity"]
    if _by_document(tables):
        labels = document_labels(tables["articles"], words=3)
        return plotting.similarity_heatmaps(
            pivot_similarity(similarity, "cosine", labels), pivot_similarity(similarity, "jaccard", labels)
        )
    groups = _groups(tables)
    return plotting.similarity_heatmaps(
        group_similarity(similarity, groups, "cosine", _SIMILAR_COSINE),
        group_similarity(similarity, groups, "jaccard", _SHARED_TEXT_JACCARD),
        titles=(
            f"Share of row outlet's articles with a cosine ≥ {_SIMILAR_COSINE} neighbour in column outlet",
            f"… with estimated Jaccard ≥ {_SHARED_TEXT_JACCARD} (shared running text)",
        ),
    )


def _sources_by(column: str, title: str) -> Callable[[Tables], tuple[Figure, object]]:
    def draw(tables: Tables) -> tuple[Figure, object]:
        counts = tables["source_counts"].groupby(column, sort=True)["n"].sum().reset_index()
        return plotting.source_bars(counts, by=column, title=title)

    return draw


def _anonymous(tables: Tables) -> tuple[Figure, object]:
    if _by_document(tables):
        labels = document_labels(tables["articles"])
        shares = tables["anonymous_share"].assign(label=lambda t: t["doc_id"].map(labels))
        return plotting.anonymous_share_bars(shares, label="label")
    table = tables["anonymous_share"].assign(label=lambda t: t["doc_id"].astype(str).map(_groups(tables)))
    per = table.groupby("label", sort=True)[["n", "n_anonymous"]].sum().reset_index()
    per["share"] = (per["n_anonymous"] / per["n"].where(per["n"] > 0)).fillna(0.0)
    return plotting.anonymous_share_bars(
        per, label="label", title="Share of attributions to anonymous sources, per outlet"
    )


def _as_written(terms: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The terms table with each matching-form term replaced by how the articles write it."""
    forms = topics.display_forms(articles, terms["term"])
    return terms.assign(term=terms["term"].map(forms))


def _top_terms(tables: Tables) -> tuple[Figure, object]:
    if _by_document(tables):
        labels = document_labels(tables["articles"], words=3)
        terms = _as_written(tables["top_terms"], tables["articles"])
        return plotting.top_terms_bars(terms.assign(doc_id=lambda t: t["doc_id"].map(labels)))
    # Per outlet: the terms most often among its articles' top terms (summed weight, ties by term).
    terms = tables["top_terms"].assign(doc_id=lambda t: t["doc_id"].astype(str).map(_groups(tables)))
    summed = terms.groupby(["doc_id", "term"], sort=True)["weight"].sum().reset_index()
    summed = summed.sort_values(["doc_id", "weight", "term"], ascending=[True, False, True], kind="mergesort")
    summed["rank"] = summed.groupby("doc_id").cumcount() + 1
    summed = summed[summed["rank"] <= 10]
    return plotting.top_terms_bars(_as_written(summed, tables["articles"]))


def _topics(tables: Tables) -> tuple[Figure, object]:
    return plotting.topic_bars(_as_written(tables["topic_terms"], tables["articles"]))


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


def study_figure(name: str, tables: Tables) -> tuple[Figure, object]:
    """Draw one of the study's figures (a key of :data:`FIGURES`) in the house style.

    Raises
    ------
    KeyError
        An unknown figure name; the message lists the known ones.
    """
    if name not in FIGURES:
        raise KeyError(f"unknown figure {name!r}; the figures are {', '.join(FIGURES)}")
    with plotting.style():
        return FIGURES[name](tables)


#: The tables the figures read (all of them small but ``articles``, read for labels and written forms).
FIGURE_TABLES: tuple[str, ...] = (
    "documents",
    "articles",
    "label_counts",
    "similarity",
    "source_counts",
    "anonymous_share",
    "top_terms",
    "topic_terms",
)


def write_figures(tables: Tables, directory: Path) -> list[Path]:
    """Draw every figure of :data:`FIGURES` as ``<directory>/<name>.png`` (reproducible bytes)."""
    import matplotlib.pyplot as plt

    written = []
    for name in FIGURES:
        fig, _ = study_figure(name, tables)
        written.append(plotting.save_figure(fig, name, directory=directory))
        plt.close(fig)
    return written
