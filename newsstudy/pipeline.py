"""One way through the study: one plan of stages, whatever runs it.

The plan (:mod:`newsstudy.engines`) runs the per-document stages (cleaning,
attribution, the features of duplicate detection) on chunks of documents and
the cross-document stages (duplicates, text reuse, source counts, terms,
topics, similarity) once at the end. ``newsstudy run`` streams a corpus through
it in chunks and writes the tables (``engines.run_streaming``, or
``engines.run_dask`` on a cluster); :func:`run_study` runs the same plan on a
``documents`` table in this process (``engines.run_in_process``). The
notebooks read the tables a run wrote. Stages talk only through their tables.

Tables returned by :func:`run_study` (the documents sorted by ``doc_id``; the
per-row tables in that order, the others sorted by their keys):

=================== =================================================================
documents           ``corpus.load_corpus``: one row per document
lines               ``clean.label_lines``: one row per raw line with its label and rule
articles            ``clean.cleaned``: the cleaned article and its metadata, per document
label_counts        lines per document and label (``doc_id``, ``label``, ``n_lines``)
duplicate_pairs     ``duplicates.duplicate_pairs``: exact and near-duplicate document pairs
reuse_passages      ``duplicates.reuse_passages``: shared passages of ≥ 12 words
reused_share        ``duplicates.reused_share``: per document, the share of words reused
copied_lines        ``duplicates.copied_lines``: lines that copy a line of another document
similarity          document pairs with TF-IDF ``cosine`` and estimated ``jaccard``: every
                    pair up to ``max_all_pairs`` documents, else each one's nearest neighbours
attributions        ``attribution.extract``: one row per attribution
source_counts       attributions per document, source type and affiliation (copies once)
anonymous_share     per document, the share of attributions to anonymous sources
top_terms           ``topics.top_terms``: the highest TF-IDF terms per document
topic_terms         ``topics.topics``: top terms per topic
document_topics     ``topics.topics``: topic weights per document
=================== =================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from newsstudy import duplicates, topics
from newsstudy.corpus import load_corpus
from newsstudy.errors import check_table
from newsstudy.study import Study, default_study, read_study

__all__ = [
    "StudyOptions",
    "label_counts",
    "load_study_corpus",
    "run_study",
    "similarity_pairs",
    "similarity_table",
]

Progress = Callable[[str], None]

STAGES: tuple[str, ...] = ("clean", "duplicates", "attribution", "topics")


@dataclass(frozen=True)
class StudyOptions:
    """Parameters of a study run (defaults follow ANNOTATION.md).

    Attributes
    ----------
    text_column, id_column : str
        Columns of tabular input (see :func:`newsstudy.corpus.load_corpus`).
    date_column : str, optional
        Column with publication dates, used for the direction of text reuse and
        the views per month; by default each document's first readable date
        among :data:`newsstudy.dates.DATE_COLUMNS` (``date``, ``published``,
        ``TIME`` …).
    near_threshold, num_perm, shingle_size, seed :
        Near-duplicate detection (ANNOTATION.md section 5).
    min_reuse_words : int
        Shortest reused passage, in normalised words.
    n_topics, topic_method, topic_seed, n_terms :
        Topic model; with a handful of documents, topics are thin.
    outlet_column : str, optional
        The documents column naming each document's outlet, for the views per
        outlet and the cleaner's corpus evidence; by default found as
        :mod:`newsstudy.views` describes.
    study_file : Path, optional
        The study file (TOML) with the affiliation categories to report; default
        the categories of ANNOTATION.md (:mod:`newsstudy.study`).
    max_all_pairs : int
        Up to this many documents, ``similarity`` lists every pair (and the
        heatmap figure draws them); above it, each document's ``neighbours``
        most similar documents with a TF-IDF cosine of at least
        ``min_cosine`` (:func:`newsstudy.topics.neighbours`), so the table
        and its cost grow with the corpus, not with its square.
    corpus_evidence : bool
        Count each outlet's recurring lines and the corpus's headlines before
        cleaning and give them to :func:`newsstudy.clean.label_lines`
        (:mod:`newsstudy.line_evidence`); False cleans each document alone.
    """

    text_column: str = "text"
    id_column: str | None = None
    date_column: str | None = None
    near_threshold: float = 0.8
    num_perm: int = 128
    shingle_size: int = 5
    seed: int = 1
    min_reuse_words: int = 12
    n_topics: int = 3
    topic_method: str = "nmf"
    topic_seed: int = 0
    n_terms: int = 10
    max_all_pairs: int = 50
    neighbours: int = 10
    min_cosine: float = 0.3
    outlet_column: str | None = None
    study_file: Path | None = None
    corpus_evidence: bool = True

    def study(self) -> Study:
        """The study whose reporting categories ``affiliation`` uses (:mod:`newsstudy.study`)."""
        return default_study() if self.study_file is None else read_study(self.study_file)


def load_study_corpus(
    path: str | Path, options: StudyOptions = StudyOptions()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load a corpus for a study: ``(documents, problems)``; bad files are reported, not raised.

    >>> from newsstudy.paths import SEEDS_DIR
    >>> docs, problems = load_study_corpus(SEEDS_DIR)
    >>> len(docs), len(problems)
    (5, 0)
    """
    return load_corpus(path, text_column=options.text_column, id_column=options.id_column, on_error="report")


def label_counts(lines: pd.DataFrame) -> pd.DataFrame:
    """Lines per document and label: ``doc_id``, ``label``, ``n_lines`` (zero counts left out).

    >>> lines = pd.DataFrame({"doc_id": ["a", "a", "a"], "label": ["headline", "blank", "blank"]})
    >>> label_counts(lines).to_dict("records")
    [{'doc_id': 'a', 'label': 'blank', 'n_lines': 2}, {'doc_id': 'a', 'label': 'headline', 'n_lines': 1}]
    """
    counts = lines.groupby(["doc_id", "label"], sort=True).size().rename("n_lines").reset_index()
    return counts.astype({"n_lines": "int64"})


def similarity_pairs(cosine: pd.DataFrame, jaccard: pd.DataFrame) -> pd.DataFrame:
    """Both similarity matrices as one long table: ``doc_a``, ``doc_b``, ``cosine``, ``jaccard``.

    Only pairs with ``doc_a < doc_b`` are listed (the matrices are symmetric).

    >>> m = pd.DataFrame([[1.0, 0.5], [0.5, 1.0]], index=["a", "b"], columns=["a", "b"])
    >>> similarity_pairs(m, m * 0.5).to_dict("records")
    [{'doc_a': 'a', 'doc_b': 'b', 'cosine': 0.5, 'jaccard': 0.25}]
    """
    ids = np.array(sorted(cosine.index), dtype=object)
    i, j = np.triu_indices(len(ids), k=1)
    cos = cosine.loc[ids, ids].to_numpy(dtype=np.float64)
    jac = jaccard.reindex(index=ids, columns=ids, fill_value=0.0).to_numpy(dtype=np.float64)
    return pd.DataFrame(
        {
            "doc_a": pd.Series(ids[i], dtype=object),
            "doc_b": pd.Series(ids[j], dtype=object),
            "cosine": cos[i, j],
            "jaccard": jac[i, j],
        }
    )


_SIMILARITY_COLUMNS = ["doc_a", "doc_b", "cosine", "jaccard"]


def similarity_table(
    texts: pd.DataFrame,
    ids: list[str],
    options: StudyOptions = StudyOptions(),
    *,
    fitted: tuple | None = None,
) -> pd.DataFrame:
    """The document pairs of the ``similarity`` table with their TF-IDF ``cosine`` (no ``jaccard`` yet).

    Every pair of ``ids`` when there are at most ``options.max_all_pairs``
    (a document without text has cosine 0), else each document's nearest
    neighbours (:func:`newsstudy.topics.neighbours`). ``texts`` are the
    articles with text (``doc_id``, ``text``); ``fitted`` their TF-IDF fit.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b"], "text": ["ارتفع سعر النفط", "ارتفع سعر النفط"]})
    >>> similarity_table(arts, ["a", "b", "c"]).round(2).values.tolist()
    [['a', 'b', 1.0], ['a', 'c', 0.0], ['b', 'c', 0.0]]
    """
    fitted = fitted if fitted is not None else topics.tfidf(texts)
    if len(ids) <= options.max_all_pairs:
        cosine = topics.similarity_of(texts["doc_id"], fitted[1]).reindex(
            index=ids, columns=ids, fill_value=0.0
        )
        zero = pd.DataFrame(0.0, index=ids, columns=ids)
        return similarity_pairs(cosine, zero).drop(columns="jaccard")
    return topics.neighbours(
        texts["doc_id"].astype(str).tolist(), fitted[1], k=options.neighbours, min_cosine=options.min_cosine
    )


#: Articles per outlet read for how terms are written (``term_forms``): the common written form of a
#: term an outlet uses often is plain in a thousand of its articles, and reading every article of a
#: large corpus again would cost as much as the TF-IDF fit.
FORMS_PER_OUTLET = 1000


def term_tables(
    articles: pd.DataFrame,
    signatures: tuple[np.ndarray, np.ndarray],
    options: StudyOptions,
    facets: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Top terms, topics, ``similarity`` and the terms and similarity per outlet, robust to tiny corpora.

    The number of topics is lowered to what the corpus allows (no more than its
    documents with text or its vocabulary); a corpus whose articles have no term
    left after stopwords gets empty tables and zero similarity, not an error.
    One TF-IDF fit serves top terms, NMF topics, similarity and ``outlet_terms``
    (:func:`newsstudy.views.outlet_terms`; ``facets`` give the outlets, by
    default one). ``term_forms`` says how each topic and outlet term is written
    in the articles (:func:`newsstudy.topics.display_forms` on the first
    :data:`FORMS_PER_OUTLET` articles of each outlet, by ``doc_id``).

    The work is four functions in three stages, which a run gives to its workers: :func:`term_fit`,
    then :func:`term_topics` and :func:`term_neighbours` side by side on its fit, then
    :func:`term_assembly` of their results.
    """
    fitted = term_fit(articles)
    if fitted is None:
        return term_assembly(articles, signatures, options, facets, None, None)
    return term_assembly(
        articles, signatures, options, facets,
        term_topics(articles, fitted, options),
        term_neighbours(articles, signatures, options, facets, fitted),
    )  # fmt: skip


def _with_text(articles: pd.DataFrame) -> pd.DataFrame:
    return articles[articles["text"].str.strip() != ""]


def term_fit(articles: pd.DataFrame) -> tuple | None:
    """Step 1 of :func:`term_tables`: the TF-IDF fit of the articles with text (None: no term at all)."""
    try:
        return topics.tfidf(_with_text(articles))
    except ValueError as exc:
        if "empty vocabulary" not in str(exc):
            raise
        return None


def term_topics(articles: pd.DataFrame, fitted: tuple, options: StudyOptions) -> tuple:
    """Step 2 of :func:`term_tables`: top terms and the topic model, on the fit of :func:`term_fit`."""
    texts = _with_text(articles)
    vectorizer, _ = fitted
    k = min(options.n_topics, len(texts), len(vectorizer.vocabulary_))
    return topics.terms_and_topics(
        texts,
        k,
        method=options.topic_method,
        seed=options.topic_seed,
        n=options.n_terms,
        n_terms=options.n_terms,
        fitted=fitted,
    )


def _facets_of(articles: pd.DataFrame, facets: pd.DataFrame | None) -> pd.DataFrame:
    from newsstudy import views

    return views.document_facets(articles[["doc_id"]]) if facets is None else facets


def term_neighbours(
    articles: pd.DataFrame,
    signatures: tuple[np.ndarray, np.ndarray],
    options: StudyOptions,
    facets: pd.DataFrame | None,
    fitted: tuple,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Step 3 of :func:`term_tables` (beside step 2): the similarity pairs, the outlet terms, and how
    every term is written (:func:`newsstudy.topics.written_forms` of the articles read for it)."""
    from newsstudy import views

    facets = _facets_of(articles, facets)
    texts = _with_text(articles)
    pairs = similarity_table(texts, articles["doc_id"].tolist(), options, fitted=fitted)
    pairs["jaccard"] = duplicates.pair_jaccard(*signatures, pairs)
    by_outlet = views.outlet_terms(texts, facets, fitted, n=options.n_terms, forms=pd.Series(dtype=str))
    # How the terms are written, read from up to FORMS_PER_OUTLET articles of each outlet (one pass).
    outlet = texts["doc_id"].map(facets.set_index("doc_id")["outlet"]).fillna("")
    shown = texts[outlet.groupby(outlet, sort=False).cumcount().to_numpy() < FORMS_PER_OUTLET]
    return pairs, by_outlet, topics.written_forms(shown)


def term_assembly(
    articles: pd.DataFrame,
    signatures: tuple[np.ndarray, np.ndarray],
    options: StudyOptions,
    facets: pd.DataFrame | None,
    topic_part: tuple | None,
    neighbour_part: tuple | None,
) -> dict[str, pd.DataFrame]:
    """Step 4 of :func:`term_tables`: its tables from the results of :func:`term_topics` and
    :func:`term_neighbours` (both None when :func:`term_fit` found no term)."""
    facets = _facets_of(articles, facets)
    ids = articles["doc_id"].tolist()
    texts = _with_text(articles)
    if topic_part is None or neighbour_part is None:
        empty = {
            "top_terms": pd.DataFrame(columns=["doc_id", "rank", "term", "weight"]),
            "topic_terms": pd.DataFrame(columns=["topic", "rank", "term", "weight"]),
            "document_topics": pd.DataFrame(columns=["doc_id", "topic", "weight"]),
            "outlet_terms": pd.DataFrame(columns=["outlet", "rank", "term", "written", "weight"]),
            "term_forms": pd.DataFrame(columns=["term", "written"]),
        }
        if len(ids) <= options.max_all_pairs:
            zero = pd.DataFrame(0.0, index=ids, columns=ids)  # n x n: built only when all pairs are listed
            pairs = similarity_pairs(zero, zero)
        else:
            pairs = pd.DataFrame(columns=_SIMILARITY_COLUMNS)
        return {**empty, "similarity": pairs, "outlet_similarity": _outlet_similarity(pairs, facets, texts)}
    top, model = topic_part
    pairs, by_outlet, forms_of = neighbour_part
    terms = sorted(set(model.topic_terms["term"].astype(str)) | set(by_outlet["term"]))
    written = pd.Series([forms_of.get(t, t) for t in terms], index=terms, dtype=object)
    by_outlet["written"] = by_outlet["term"].map(written).astype(str)
    forms = pd.DataFrame({"term": terms, "written": written.to_numpy()})
    return {
        "top_terms": top,
        "topic_terms": model.topic_terms,
        "document_topics": model.doc_topics,
        "similarity": pairs,
        "outlet_terms": by_outlet,
        "term_forms": forms.astype(str),
        "outlet_similarity": _outlet_similarity(pairs, facets, texts),
    }


def _outlet_similarity(pairs: pd.DataFrame, facets: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """:func:`newsstudy.views.outlet_similarity`: shares of the articles the similarity was computed on."""
    from newsstudy import views

    return views.outlet_similarity(pairs, facets[facets["doc_id"].isin(texts["doc_id"])])


def run_study(
    documents: pd.DataFrame,
    options: StudyOptions = StudyOptions(),
    *,
    progress: Progress | None = None,
) -> dict[str, pd.DataFrame]:
    """Run every stage over a ``documents`` table and return the study's tables by name.

    The same corpus given in another order gives the same tables.

    >>> from newsstudy.paths import SEEDS_DIR
    >>> tables = run_study(load_corpus(SEEDS_DIR))
    >>> list(tables)[:3]
    ['documents', 'lines', 'articles']
    """
    from newsstudy.engines import run_in_process

    check_table(documents, "documents", ["doc_id", "text"], example="newsstudy.corpus.load_corpus(path)")
    documents = documents.sort_values("doc_id", kind="stable", ignore_index=True)
    tables = run_in_process(documents, options, progress=progress)
    # The documents table of a run leaves the text out (``lines`` rebuilds it); in memory it is kept.
    tables["documents"] = tables["documents"].assign(text=documents["text"].to_numpy())
    return tables
