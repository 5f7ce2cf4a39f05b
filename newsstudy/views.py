"""The study's questions per outlet and per month: the corpus-level views of a run.

A handful of documents is read document by document (the per-document tables
and figures). A corpus is read per **outlet** (who published it) and per
**month**: these functions turn the run's per-document and per-row tables into
small tables whose size grows with the outlets and months, not with the
documents, and every corpus-level figure is drawn from them.

- :func:`document_facets`: each document's outlet and month (``YYYY-MM``).
- :func:`outlet_lines`: line labels per outlet (what cleaning removed where).
- :func:`outlet_sources`: attributions per outlet, month, source type and
  affiliation, each copied report counted once.
- :func:`outlet_anonymous`: the share of attributions to anonymous sources per
  outlet and month.
- :func:`outlet_reuse`: passages reused between outlets, with their direction
  (from the outlet that published first to the one that published later).
- :func:`outlet_terms`: each outlet's most characteristic terms (its mean TF-IDF).
- :func:`outlet_similarity`: how many of an outlet's articles have a close
  neighbour in another outlet.

**Outlet**, read per document from its own fields: the documents column
named by ``column`` (the study's ``outlet_column``; ``unknown`` where a
document has none); by default the first non-empty of :data:`OUTLET_COLUMNS`
(any case), else the host of its URL column (``www.`` dropped), else the host
of a ``doc_id`` that is a URL, else the first folder of a ``doc_id`` made from
a folder tree (``aljazeera/0001``), else :data:`ONE_OUTLET`.
**Month** is the publication date's UTC month, ``undated`` where the corpus
gives no readable date.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from newsstudy import topics
from newsstudy.attribution import ANONYMOUS_TYPES

__all__ = [
    "ONE_OUTLET",
    "OUTLET_COLUMNS",
    "URL_COLUMNS",
    "ReuseCounter",
    "document_facets",
    "document_outlets",
    "outlet_anonymous",
    "outlet_lines",
    "outlet_reuse",
    "outlet_similarity",
    "outlet_sources",
    "outlet_terms",
]

#: Columns of a corpus that name a document's outlet, in order of preference.
OUTLET_COLUMNS: tuple[str, ...] = ("outlet", "SRC", "source", "publisher", "site", "domain")
#: Columns holding the article's address, whose host names the outlet when no outlet column exists.
URL_COLUMNS: tuple[str, ...] = ("url", "URL", "link")
#: The outlet of every document of a corpus that names none.
ONE_OUTLET = "all documents"
UNDATED = "undated"


def _host(url: object) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:  # not a URL after all ("http://[bad")
        return None
    return host.removeprefix("www.") if host else None


def _columns(columns: Iterable[object], names: tuple[str, ...]) -> list[str]:
    """Those of ``names`` among ``columns``, in the order of ``names``: as written, else in another case."""
    columns = [str(c) for c in columns]
    by_fold = {c.casefold(): c for c in reversed(columns)}
    found = [n if n in columns else by_fold.get(n.casefold()) for n in names]
    return list(dict.fromkeys(c for c in found if c is not None))


def _named(values: pd.Series) -> pd.Series:
    """A column's values as outlet names: stripped strings, integers without ``.0``, None where empty."""

    def name(v: object) -> str | None:
        if v is None or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        text = str(v).strip()
        return text or None

    return values.map(name).astype(object)


def document_outlets(documents: pd.DataFrame, *, column: str | None = None) -> pd.Series:
    """Each document's outlet (see the module docstring), indexed by ``doc_id``.

    The rules are read per document, from its own fields: a chunk of a corpus
    gets the outlets the whole corpus would. With ``column``, its value, or
    ``unknown`` where the document has none.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "url": ["https://www.x.com/1", None]})
    >>> document_outlets(docs).tolist()
    ['x.com', 'all documents']
    >>> document_outlets(pd.DataFrame({"doc_id": ["aljazeera/1", "https://hespress.com/2"]})).tolist()
    ['aljazeera', 'hespress.com']
    >>> document_outlets(pd.DataFrame({"doc_id": ["a", "b"], "site": ["S", None]}), column="site").tolist()
    ['S', 'unknown']
    """
    ids = documents["doc_id"].astype(str)
    found = pd.Series(None, index=documents.index, dtype=object)
    if column is not None:
        if column in documents.columns:
            found = _named(documents[column])
        return pd.Series(found.fillna("unknown").to_numpy(dtype=object), index=ids.to_numpy(), name="outlet")
    for name in _columns(documents.columns, OUTLET_COLUMNS):
        found = found.fillna(_named(documents[name]))
    for name in _columns(documents.columns, URL_COLUMNS):
        found = found.fillna(documents[name].map(_host).astype(object))
    found = found.fillna(ids.map(lambda d: _host(d) if "://" in d else None).astype(object))
    folder = ids.map(lambda d: d.split("/", 1)[0] if "/" in d and "://" not in d else None).astype(object)
    found = found.fillna(folder).fillna(ONE_OUTLET)
    return pd.Series(found.to_numpy(dtype=object), index=ids.to_numpy(), name="outlet", dtype=object)


def document_facets(
    documents: pd.DataFrame, dates: pd.DataFrame | None = None, *, column: str | None = None
) -> pd.DataFrame:
    """``doc_id``, ``outlet`` and ``month`` of each document (``dates``: ``doc_id``, parsed UTC ``date``).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"]})
    >>> dates = pd.DataFrame({"doc_id": ["a"], "date": pd.to_datetime(["2024-03-31T23:00:00Z"])})
    >>> document_facets(docs, dates).to_numpy().tolist()
    [['a', 'X', '2024-03'], ['b', 'Y', 'undated']]
    """
    outlets = document_outlets(documents, column=column)
    months = pd.Series(UNDATED, index=outlets.index, dtype=object)
    if dates is not None and len(dates):
        stamp = pd.to_datetime(dates["date"], utc=True)
        known = stamp.notna().to_numpy()
        by_doc = pd.Series(
            stamp[known].dt.strftime("%Y-%m").to_numpy(), index=dates["doc_id"].astype(str).to_numpy()[known]
        )
        found = by_doc.reindex(outlets.index)
        months = found.where(found.notna(), UNDATED).astype(object)
    return pd.DataFrame(
        {"doc_id": outlets.index.to_numpy(), "outlet": outlets.to_numpy(), "month": months.to_numpy()}
    ).astype({"doc_id": "str", "outlet": "str", "month": "str"})


def _joined(
    table: pd.DataFrame, facets: pd.DataFrame, columns: Iterable[str] = ("outlet", "month")
) -> pd.DataFrame:
    keyed = facets.set_index("doc_id")
    ids = table["doc_id"].astype(str).to_numpy()
    return table.assign(**{c: keyed[c].reindex(ids).to_numpy() for c in columns})


def _sorted(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return table.sort_values(keys, kind="mergesort", ignore_index=True)


def outlet_lines(label_counts: pd.DataFrame, facets: pd.DataFrame) -> pd.DataFrame:
    """``outlet``, ``label``, ``documents`` (with such a line) and ``n_lines``.

    >>> counts = pd.DataFrame({"doc_id": ["a", "a", "b"], "label": ["content", "nav", "content"],
    ...                        "n_lines": [5, 1, 2]})
    >>> facets = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"], "month": ["undated"] * 2})
    >>> outlet_lines(counts, facets).to_numpy().tolist()
    [['X', 'content', 2, 7], ['X', 'nav', 1, 1]]
    """
    joined = _joined(label_counts, facets, ["outlet"])
    table = joined.groupby(["outlet", "label"], sort=True).agg(
        documents=("doc_id", "nunique"), n_lines=("n_lines", "sum")
    )
    return table.reset_index().astype({"documents": "int64", "n_lines": "int64"})


def outlet_sources(attributions: pd.DataFrame, facets: pd.DataFrame) -> pd.DataFrame:
    """Attributions per ``outlet``, ``month``, ``source_type`` and ``affiliation``: ``n``.

    ``attributions`` are those to count (copied lines removed by
    :func:`newsstudy.attribution.drop_copies`).

    >>> found = pd.DataFrame({"doc_id": ["a", "a", "b"], "source_type": ["named_person"] * 3,
    ...                       "affiliation": ["US", "US", None]})
    >>> facets = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "month": ["2024-01"] * 2})
    >>> outlet_sources(found, facets).to_numpy().tolist()
    [['X', '2024-01', 'named_person', 'US', 2], ['Y', '2024-01', 'named_person', 'none', 1]]
    """
    keys = ["outlet", "month", "source_type", "affiliation"]
    joined = _joined(attributions, facets)
    frame = joined[keys].astype(object).where(joined[keys].notna(), "none")
    counts = frame.groupby(keys, sort=True).size().rename("n").reset_index()
    return counts.astype({"n": "int64"})


def outlet_anonymous(attributions: pd.DataFrame, facets: pd.DataFrame) -> pd.DataFrame:
    """Per ``outlet`` and ``month``: ``documents``, ``attributions``, ``anonymous`` and their ``share``.

    Every outlet-month with a document has a row (``share`` is empty where it
    has no attribution). ``attributions`` as for :func:`outlet_sources`.

    >>> found = pd.DataFrame({"doc_id": ["a", "a"], "source_type": ["anonymous_source", "named_person"]})
    >>> facets = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "month": ["2024-01"] * 2})
    >>> outlet_anonymous(found, facets).to_numpy().tolist()
    [['X', '2024-01', 1, 2, 1, 0.5], ['Y', '2024-01', 1, 0, 0, nan]]
    """
    keys = ["outlet", "month"]
    docs = facets.groupby(keys, sort=True).size().rename("documents")
    joined = _joined(attributions, facets)
    anonymous = joined["source_type"].isin(ANONYMOUS_TYPES)
    found = (
        pd.DataFrame({"outlet": joined["outlet"], "month": joined["month"], "anonymous": anonymous})
        .groupby(keys, sort=True)
        .agg(attributions=("anonymous", "size"), anonymous=("anonymous", "sum"))
    )
    table = pd.concat([docs, found], axis=1).fillna(0).astype("int64").reset_index()
    table["share"] = table["anonymous"] / table["attributions"].where(table["attributions"] > 0)
    return table


class ReuseCounter:
    """Reused passages between outlets, counted frame by frame (the passages table streams past).

    ``add`` takes frames of ``reuse_passages`` (``doc_a``, ``doc_b``,
    ``n_words``, ``source_doc``); :meth:`table` gives :func:`outlet_reuse`'s
    table. Memory grows with the outlet pairs and the document pairs (their
    two ids, kept once per frame), not with the passages.
    """

    _KEYS: ClassVar[list[str]] = ["from_outlet", "to_outlet", "directed"]

    def __init__(self, facets: pd.DataFrame) -> None:
        self._outlet = facets.set_index("doc_id")["outlet"]
        self._sums: list[pd.DataFrame] = []
        self._pairs: list[pd.DataFrame] = []

    def add(self, passages: pd.DataFrame) -> None:
        if passages.empty:
            return
        a = passages["doc_a"].astype(str)
        b = passages["doc_b"].astype(str)
        source = passages["source_doc"].astype(str)
        from_b = (source == b).to_numpy()
        directed = (source == a).to_numpy() | from_b
        oa = self._outlet.reindex(a.to_numpy()).fillna("unknown").to_numpy(dtype=object)
        ob = self._outlet.reindex(b.to_numpy()).fillna("unknown").to_numpy(dtype=object)
        first = np.where(from_b, ob, oa)
        second = np.where(from_b, oa, ob)
        swap = ~directed & (first > second)  # undirected pairs: outlets in name order
        frame = pd.DataFrame(
            {
                "from_outlet": np.where(swap, second, first),
                "to_outlet": np.where(swap, first, second),
                "directed": directed,
                "words": passages["n_words"].astype("int64").to_numpy(),
                "pair": (a + "\x00" + b).to_numpy(),
            }
        )
        self._sums.append(
            frame.groupby(self._KEYS, sort=False).agg(passages=("words", "size"), words=("words", "sum"))
        )
        self._pairs.append(frame[[*self._KEYS, "pair"]].drop_duplicates())

    def table(self) -> pd.DataFrame:
        columns = [*self._KEYS, "document_pairs", "passages", "words"]
        if not self._sums:
            return pd.DataFrame(
                {c: pd.Series(dtype="bool" if c == "directed" else "str") for c in columns[:3]}
            ).assign(
                document_pairs=pd.Series(dtype="int64"),
                passages=pd.Series(dtype="int64"),
                words=pd.Series(dtype="int64"),
            )
        sums = pd.concat(self._sums).groupby(self._KEYS, sort=True).sum()
        pairs = pd.concat(self._pairs).drop_duplicates().groupby(self._KEYS, sort=True).size()
        table = sums.assign(document_pairs=pairs.reindex(sums.index).to_numpy()).reset_index()
        return table[columns].astype({"document_pairs": "int64", "passages": "int64", "words": "int64"})


def outlet_reuse(passages: pd.DataFrame, facets: pd.DataFrame) -> pd.DataFrame:
    """Passages reused between outlets: ``from_outlet``, ``to_outlet``, ``directed``, counts.

    A passage shared by two dated documents goes from the outlet of the one
    published first to the outlet of the other (``directed`` true); between
    documents with no dates or the same date it is undirected, its two
    outlets in name order. ``document_pairs`` counts each pair of documents
    once, ``passages`` and ``words`` every passage. Within-outlet reuse is the
    rows whose two outlets are the same.

    >>> p = pd.DataFrame({"doc_a": ["a", "a"], "doc_b": ["b", "b"], "n_words": [12, 20],
    ...                   "source_doc": ["b", "b"]})
    >>> f = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "month": ["2024-01"] * 2})
    >>> outlet_reuse(p, f).to_numpy().tolist()
    [['Y', 'X', True, 1, 2, 32]]
    """
    counter = ReuseCounter(facets)
    counter.add(passages)
    return counter.table()


def _top_rows(sums, sizes: np.ndarray, names: list[str], terms: np.ndarray, n: int) -> pd.DataFrame:
    """Each row's ``n`` largest means (``sums`` row / its size; CSR, outlets × terms), ties by term.

    Only a row's non-zero entries are read, so the cost is the matrix's entries, not outlets × vocabulary.
    """
    rows = []
    for i, outlet in enumerate(names):
        lo, hi = sums.indptr[i], sums.indptr[i + 1]
        idx, weights = sums.indices[lo:hi], sums.data[lo:hi] / sizes[i]
        order = np.lexsort((terms[idx], -weights))[:n]
        rows.extend(
            (outlet, rank, terms[idx[k]], float(weights[k]))
            for rank, k in enumerate(order, 1)
            if weights[k] > 0
        )
    return pd.DataFrame(rows, columns=["outlet", "rank", "term", "weight"]).astype({"rank": "int64"})


def outlet_terms(
    articles: pd.DataFrame,
    facets: pd.DataFrame,
    fitted: tuple,
    *,
    n: int = 10,
    forms: pd.Series | None = None,
) -> pd.DataFrame:
    """Each outlet's ``n`` terms of highest mean TF-IDF over its articles, and how they are written.

    ``fitted`` is :func:`newsstudy.topics.tfidf` of ``articles`` (row *i* is
    article *i*). Columns ``outlet``, ``rank``, ``term`` (matching form),
    ``written`` (:func:`newsstudy.topics.display_forms`, or ``forms``: the
    written form by term, when the caller has them) and ``weight``; ties by term.

    >>> arts = pd.DataFrame({"doc_id": ["a", "b"], "text": ["فاز الفريق بالمباراة", "ارتفع سعر النفط"]})
    >>> facets = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "month": ["undated"] * 2})
    >>> table = outlet_terms(arts, facets, topics.tfidf(arts), n=1)
    >>> table[["outlet", "rank", "written"]].to_numpy().tolist()
    [['X', 1, 'الفريق'], ['Y', 1, 'ارتفع']]
    """
    vectorizer, matrix = fitted
    outlets = (
        _joined(articles[["doc_id"]], facets, ["outlet"])["outlet"].fillna("unknown").to_numpy(dtype=object)
    )
    names = sorted(set(outlets))
    code = {name: i for i, name in enumerate(names)}
    rows = np.array([code[o] for o in outlets], dtype=np.int64)
    from scipy import sparse

    member = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, np.arange(len(rows)))), shape=(len(names), len(rows))
    )
    sizes = np.asarray(member.sum(axis=1)).ravel()
    sums = sparse.csr_matrix(member @ matrix)
    sums.sum_duplicates()
    table = _top_rows(sums, sizes, names, vectorizer.get_feature_names_out(), n)
    if forms is None:
        forms = topics.display_forms(articles, table["term"])
    written = table["term"].map(forms).astype(object)
    table.insert(3, "written", written.where(written.notna(), table["term"]).astype(str))
    return table


def outlet_similarity(
    similarity: pd.DataFrame, facets: pd.DataFrame, *, cosine: float = 0.3, jaccard: float = 0.2
) -> pd.DataFrame:
    """Outlet × outlet, long: the share of ``outlet_a``'s articles with a close neighbour in ``outlet_b``.

    ``similarity`` is the run's table of each document's nearest neighbours
    (``doc_a``, ``doc_b``, ``cosine``, ``jaccard``); "close" is a TF-IDF cosine
    of at least ``cosine`` (``cosine_share``) or an estimated Jaccard of at least
    ``jaccard`` (``jaccard_share``: shared running text). Shares are of the
    outlet's documents in ``facets`` (the documents the similarity was
    computed on).

    >>> sim = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "cosine": [0.5], "jaccard": [0.0]})
    >>> facets = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Y"], "month": ["-"] * 3})
    >>> outlet_similarity(sim, facets).to_numpy().tolist()
    [['X', 'X', 0.0, 0.0], ['X', 'Y', 1.0, 0.0], ['Y', 'X', 0.5, 0.0], ['Y', 'Y', 0.0, 0.0]]
    """
    groups = facets.set_index("doc_id")["outlet"]
    names = sorted(set(groups))
    sizes = groups.value_counts().reindex(names)
    shares = {}
    for value, least in (("cosine", cosine), ("jaccard", jaccard)):
        hits = similarity.loc[similarity[value].astype(float) >= least, ["doc_a", "doc_b"]].astype(str)
        both = pd.concat(
            [
                hits.rename(columns={"doc_a": "doc", "doc_b": "other"}),
                hits.rename(columns={"doc_b": "doc", "doc_a": "other"}),
            ]
        )
        both = both.assign(row=both["doc"].map(groups), col=both["other"].map(groups)).dropna()
        reached = both.drop_duplicates(["doc", "col"]).groupby(["row", "col"]).size()
        matrix = reached.unstack(fill_value=0).reindex(index=names, columns=names, fill_value=0).astype(float)
        shares[f"{value}_share"] = matrix.div(sizes, axis=0).stack()
    table = pd.DataFrame(shares)
    table.index.names = ["outlet_a", "outlet_b"]
    return table.reset_index()
