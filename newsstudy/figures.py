"""The study's figures, built from :func:`newsstudy.pipeline.run_study`'s tables.

``newsstudy run`` and the notebooks both draw a figure with :func:`study_figure`,
so the PNG a notebook saves and the one the command writes are the same bytes.
Each figure's numbers are also in a table (nbval compares text, not images).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from matplotlib.figure import Figure

from newsstudy import plotting, topics

__all__ = ["FIGURES", "document_labels", "pivot_similarity", "study_figure"]

Tables = Mapping[str, pd.DataFrame]


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
    return plotting.line_label_bars(tables["label_counts"], doc_labels=document_labels(tables["articles"]))


def _heatmap(tables: Tables) -> tuple[Figure, object]:
    labels = document_labels(tables["articles"], words=3)
    similarity = tables["similarity"]
    return plotting.similarity_heatmaps(
        pivot_similarity(similarity, "cosine", labels), pivot_similarity(similarity, "jaccard", labels)
    )


def _sources_by(column: str, title: str) -> Callable[[Tables], tuple[Figure, object]]:
    def draw(tables: Tables) -> tuple[Figure, object]:
        counts = tables["source_counts"].groupby(column, sort=True)["n"].sum().reset_index()
        return plotting.source_bars(counts, by=column, title=title)

    return draw


def _anonymous(tables: Tables) -> tuple[Figure, object]:
    labels = document_labels(tables["articles"])
    shares = tables["anonymous_share"].assign(label=lambda t: t["doc_id"].map(labels))
    return plotting.anonymous_share_bars(shares, label="label")


def _as_written(terms: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The terms table with each matching-form term replaced by how the articles write it."""
    forms = topics.display_forms(articles, terms["term"])
    return terms.assign(term=terms["term"].map(forms))


def _top_terms(tables: Tables) -> tuple[Figure, object]:
    labels = document_labels(tables["articles"], words=3)
    terms = _as_written(tables["top_terms"], tables["articles"])
    return plotting.top_terms_bars(terms.assign(doc_id=lambda t: t["doc_id"].map(labels)))


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
