"""Duplicates between documents and paragraphs, as tables by ``doc_id`` from the ``lines`` table.

The cleaned article of each document (its kept lines, :data:`KEPT_LABELS`),
its words, exact and near-duplicate document pairs, estimated Jaccard of
document pairs, and paragraphs repeated exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newsstudy.duplicates.hashing import (
    _words_of,
    shingle_hashes,
    stable_hash,
    word_hashes,
)
from newsstudy.duplicates.lsh import estimated_jaccard, lsh_candidate_pairs
from newsstudy.duplicates.minhash import _EMPTY, _signatures_from_shingles, minhash_signatures
from newsstudy.errors import check_table
from newsstudy.normalize import for_matching, for_matching_all

__all__ = [
    "KEPT_LABELS",
    "document_signatures",
    "document_words",
    "duplicate_pairs",
    "jaccard_matrix",
    "pair_jaccard",
    "paragraph_duplicates",
]

#: Line labels that form the cleaned article (ANNOTATION.md section 2).
KEPT_LABELS: tuple[str, ...] = ("headline", "content")


@dataclass(frozen=True)
class _Docs:
    """The kept, normalised text of each document, in doc_id order."""

    ids: np.ndarray  # doc_id (object array of str)
    lines: list[np.ndarray]  # kept raw line numbers per doc
    raw: list[list[str]]  # kept raw lines per doc
    norm: list[list[str]]  # normalised kept lines per doc

    def joined(self) -> list[str]:
        return ["\n".join(n) for n in self.norm]


def _kept_docs(lines: pd.DataFrame) -> _Docs:
    check_table(
        lines, "lines", ["doc_id", "line", "label", "text"], example="newsstudy.clean.label_lines(documents)"
    )
    all_ids = sorted(pd.unique(lines["doc_id"].astype(str)))
    given = ["norm"] if "norm" in lines.columns else []  # each line's matching form, if known
    kept = lines.loc[lines["label"].isin(KEPT_LABELS), ["doc_id", "line", "text", *given]]
    kept = kept.assign(doc_id=kept["doc_id"].astype(str)).sort_values(["doc_id", "line"], kind="stable")
    # Slices of whole-table arrays rather than a groupby: one sub-frame per document is slow.
    doc = kept["doc_id"].to_numpy(dtype=object)
    line_no = kept["line"].to_numpy(dtype=np.int64)
    texts = [str(t) for t in kept["text"]]
    spans: dict[str, tuple[int, int]] = {}
    if len(doc):
        cuts = (np.flatnonzero(doc[1:] != doc[:-1]) + 1).tolist()
        for lo, hi in zip([0, *cuts], [*cuts, len(doc)], strict=True):
            spans[doc[lo]] = (lo, hi)
    # (one batch: much faster than line by line)
    normalised = kept["norm"].tolist() if given else for_matching_all(texts)
    ids, line_nos, raws, norms = [], [], [], []
    for d in all_ids:
        lo, hi = spans.get(d, (0, 0))
        ids.append(d)
        line_nos.append(line_no[lo:hi])
        raws.append(texts[lo:hi])
        norms.append(normalised[lo:hi])
    return _Docs(np.array(ids, dtype=object), line_nos, raws, norms)


def document_words(lines: pd.DataFrame) -> pd.DataFrame:
    """Normalised words of each document's cleaned article (headline + content lines).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``text`` (the normalised words joined by one space),
        ``n_words``, ``hash`` (hex of :func:`stable_hash` of ``text``).

    >>> lines = pd.DataFrame({"doc_id": ["a", "a"], "line": [1, 2],
    ...     "label": ["headline", "nav"], "text": ["قالَ: أحمد", "شارك"]})
    >>> document_words(lines)[["doc_id", "text", "n_words"]].values.tolist()
    [['a', 'قال احمد', 2]]
    """
    docs = _kept_docs(lines)
    texts = [" ".join(_words_of(t)) for t in docs.joined()]
    return pd.DataFrame(
        {
            "doc_id": pd.Series(docs.ids, dtype="str"),
            "text": pd.Series(texts, dtype="str"),
            "n_words": np.array([len(t.split()) for t in texts], dtype=np.int64),
            "hash": pd.Series([f"{stable_hash(t):016x}" for t in texts], dtype="str"),
        }
    )


_PAIR_COLUMNS = ["doc_a", "doc_b", "kind", "jaccard"]


def duplicate_pairs(
    lines: pd.DataFrame,
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    shingle_size: int = 5,
    seed: int = 1,
    verify: bool = True,
    candidates: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Exact and near-duplicate document pairs.

    Candidates come from MinHash + LSH (tuned for recall, :data:`LSH_WEIGHTS`);
    with ``verify`` each candidate's exact Jaccard of shingle sets decides and
    is reported (so no pair is reported below the threshold, and pairs just
    above it are not lost to estimation noise); without it, the MinHash
    estimate is used.

    Parameters
    ----------
    lines : pandas.DataFrame
        The ``lines`` table; only ``headline`` and ``content`` lines are used.
    threshold : float
        Minimum Jaccard of word shingles for a near duplicate.
    num_perm, shingle_size, seed : int
        MinHash parameters.
    verify : bool
        Decide on the exact Jaccard of each candidate pair (default) rather
        than on the estimate.
    candidates : pandas.DataFrame, optional
        LSH candidate pairs (``doc_a``, ``doc_b``) found elsewhere, e.g. by
        banding :func:`band_keys` through a Dask shuffle; by default they are
        found here with :func:`lsh_candidate_pairs`.

    Returns
    -------
    pandas.DataFrame
        ``doc_a`` < ``doc_b``, ``kind`` (``exact``: same normalised words;
        ``near``: Jaccard >= threshold), ``jaccard`` (1.0 for exact pairs, else
        the exact or, without ``verify``, estimated Jaccard). Sorted by doc_a,
        doc_b. Documents with no words never pair.

    >>> t = "قال مسؤول أميركي كبير إن المحادثات مستمرة في الدوحة منذ أيام"
    >>> lines = pd.DataFrame({"doc_id": ["a", "b", "c"], "line": [1, 1, 1],
    ...     "label": ["content"] * 3, "text": [t, t.replace("أ", "ا"), "نص آخر لا علاقة له بالموضوع"]})
    >>> duplicate_pairs(lines).values.tolist()
    [['a', 'b', 'exact', 1.0]]
    """
    docs = _kept_docs(lines)
    texts = docs.joined()
    h, n = word_hashes(texts)
    doc_hash = np.array(
        [stable_hash(" ".join(_words_of(t))) if c else 0 for t, c in zip(texts, n, strict=True)],
        dtype=np.uint64,
    )
    sh, counts = shingle_hashes(h, n, shingle_size=shingle_size)
    sig = _signatures_from_shingles(sh, counts, num_perm=num_perm, seed=seed)
    sets: list[np.ndarray] = []
    if verify:
        ends = np.cumsum(counts)
        sets = [np.unique(sh[e - c : e]) for e, c in zip(ends.tolist(), counts.tolist(), strict=True)]
    return _pair_table(
        docs.ids,
        sig,
        doc_hash,
        n > 0,
        sets.__getitem__,
        threshold=threshold,
        verify=verify,
        candidates=candidates,
    )


def _pair_table(
    ids: np.ndarray,
    signatures: np.ndarray,
    doc_hash: np.ndarray,
    has_words: np.ndarray,
    shingles: Callable[[int], np.ndarray],
    *,
    threshold: float,
    verify: bool,
    candidates: pd.DataFrame | None,
) -> pd.DataFrame:
    """The :func:`duplicate_pairs` table from per-document state, wherever it is kept.

    The one decision of the stage, for :func:`duplicate_pairs` and
    :meth:`~newsstudy.duplicates.index.OutOfCoreIndex.duplicate_pairs`: ``ids``
    and ``signatures`` in doc_id order, ``doc_hash`` the :func:`stable_hash` of
    each document's words joined by spaces (used where ``has_words``), and
    ``shingles(i)`` document ``i``'s set of shingle hashes (asked for only with ``verify``).
    """
    if candidates is not None:
        cand = _candidate_indices(ids, candidates)
    else:
        cand = lsh_candidate_pairs(signatures, threshold=threshold)
    if verify:
        jac = np.array([_set_jaccard(shingles(i), shingles(j)) for i, j in cand.tolist()], dtype=np.float64)
    else:
        jac = estimated_jaccard(signatures, cand)
    keep = jac >= threshold
    found = {(int(i), int(j)): float(x) for (i, j), x in zip(cand[keep], jac[keep], strict=True)}
    # Exact duplicates are pairs by definition, whatever LSH found.
    exact = _exact_duplicates(doc_hash, has_words)
    rows = [(ids[i], ids[j], "exact", 1.0) for i, j in exact]
    rows += [(ids[i], ids[j], "near", x) for (i, j), x in found.items() if (i, j) not in exact]
    return _pair_frame(rows)


def _exact_duplicates(doc_hash: np.ndarray, has_words: np.ndarray) -> set[tuple[int, int]]:
    """Index pairs ``i < j`` of documents with words whose word hashes are equal.

    >>> hashes = np.array([7, 3, 7, 7], dtype=np.uint64)
    >>> sorted(_exact_duplicates(hashes, np.array([True, True, False, True])))
    [(0, 3)]
    """
    exact: set[tuple[int, int]] = set()
    has = np.flatnonzero(has_words)
    hashes = doc_hash[has]
    order = np.argsort(hashes, kind="stable")
    hs, members = hashes[order], has[order]
    if not len(hs):  # no document has a word (the out-of-core path raised here before)
        return exact
    cuts = np.flatnonzero(np.concatenate(([True], hs[1:] != hs[:-1])))
    for lo, hi in zip(cuts.tolist(), [*cuts[1:].tolist(), len(hs)], strict=True):
        g = members[lo:hi].tolist()
        exact.update((g[x], g[y]) for x in range(len(g)) for y in range(x + 1, len(g)))
    return exact


def _pair_frame(rows: list[tuple]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=_PAIR_COLUMNS)
    out = out.astype({"doc_a": "str", "doc_b": "str", "kind": "str", "jaccard": "float64"})
    return out.sort_values(["doc_a", "doc_b"], kind="stable").reset_index(drop=True)


def _candidate_indices(ids: np.ndarray, candidates: pd.DataFrame) -> np.ndarray:
    """Row-index pairs ``i < j`` (sorted, unique) of candidate doc_id pairs; unknown ids are dropped."""
    index = {d: i for i, d in enumerate(ids.tolist())}
    codes = set()
    for a, b in zip(candidates["doc_a"].astype(str), candidates["doc_b"].astype(str), strict=True):
        i, j = index.get(a), index.get(b)
        if i is not None and j is not None and i != j:
            codes.add((min(i, j), max(i, j)))
    return np.array(sorted(codes), dtype=np.int64).reshape(-1, 2)


def _set_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return 1.0 if union == 0 else inter / union


def jaccard_matrix(
    lines: pd.DataFrame, *, num_perm: int = 128, shingle_size: int = 5, seed: int = 1
) -> pd.DataFrame:
    """Estimated Jaccard similarity of every pair of documents (doc x doc), for a heatmap.

    The diagonal is 1.0 (0.0 for a document with no words); quadratic in the
    number of documents, so meant for study-sized corpora.

    >>> lines = pd.DataFrame({"doc_id": ["a", "b"], "line": [1, 1],
    ...     "label": ["content"] * 2, "text": ["a b c d e f g", "a b c d e f g"]})
    >>> jaccard_matrix(lines).values.tolist()
    [[1.0, 1.0], [1.0, 1.0]]
    """
    docs = _kept_docs(lines)
    sig = minhash_signatures(docs.joined(), num_perm=num_perm, shingle_size=shingle_size, seed=seed)
    empty = ~(sig != _EMPTY).any(axis=1)
    mat = (sig[:, None, :] == sig[None, :, :]).mean(axis=2)
    mat[empty, :] = 0.0
    mat[:, empty] = 0.0
    ids = pd.Index(docs.ids, dtype="str", name="doc_id")
    return pd.DataFrame(mat, index=ids, columns=ids.rename("other"))


def document_signatures(
    lines: pd.DataFrame, *, num_perm: int = 128, shingle_size: int = 5, seed: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """``(doc_ids, signatures)``: each document's MinHash signature of its kept lines, ids sorted.

    The signatures :func:`jaccard_matrix` compares (a document with no words
    has the empty signature).

    >>> lines = pd.DataFrame({"doc_id": ["b", "a"], "line": [1, 1], "label": ["content"] * 2,
    ...     "text": ["a b c d e f g", "x y z w v u t"]})
    >>> ids, sig = document_signatures(lines, num_perm=16)
    >>> ids.tolist(), sig.shape
    (['a', 'b'], (2, 16))
    """
    docs = _kept_docs(lines)
    sig = minhash_signatures(docs.joined(), num_perm=num_perm, shingle_size=shingle_size, seed=seed)
    return docs.ids, sig


def pair_jaccard(ids: np.ndarray, signatures: np.ndarray, pairs: pd.DataFrame) -> np.ndarray:
    """Estimated Jaccard of the listed document pairs (``doc_a``, ``doc_b``) from their signatures.

    The values of :func:`jaccard_matrix` for those pairs only: one comparison
    per pair (0.0 for a document with no words or not among ``ids``).

    >>> lines = pd.DataFrame({"doc_id": ["a", "b", "c"], "line": [1, 1, 1], "label": ["content"] * 3,
    ...     "text": ["a b c d e f g", "a b c d e f g", ""]})
    >>> ids, sig = document_signatures(lines)
    >>> pair_jaccard(ids, sig, pd.DataFrame({"doc_a": ["a", "a"], "doc_b": ["b", "c"]})).tolist()
    [1.0, 0.0]
    """
    empty = ~(signatures != _EMPTY).any(axis=1)
    index = pd.Index(np.asarray(ids).astype(str))
    a = index.get_indexer(pairs["doc_a"].astype(str))
    b = index.get_indexer(pairs["doc_b"].astype(str))
    known = (a >= 0) & (b >= 0)
    idx = np.column_stack([a[known], b[known]])
    out = np.zeros(len(pairs), dtype=np.float64)
    values = estimated_jaccard(signatures, idx)
    out[known] = np.where(empty[idx[:, 0]] | empty[idx[:, 1]], 0.0, values)
    return out


def paragraph_duplicates(lines: pd.DataFrame, *, min_words: int = 3, unit: str = "line") -> pd.DataFrame:
    """Paragraphs of the cleaned articles repeated exactly (after normalisation).

    With ``unit="line"`` (default) each kept (headline/content) line is a
    paragraph: most scraped Arabic news has one paragraph per line, and many
    pages have no blank lines at all, which would make the whole article one
    "paragraph". With ``unit="block"`` a paragraph is a maximal run of
    consecutive kept lines (ANNOTATION.md section 1; a blank or any other line
    ends it). Paragraphs with fewer than ``min_words`` words are ignored
    (short formulae such as ``وأضاف:`` repeat by chance).

    Returns
    -------
    pandas.DataFrame
        One row per occurrence of a repeated paragraph: ``doc_id``, ``line``
        (first line), ``end_line``, ``hash`` (hex), ``n_words``,
        ``n_occurrences``, ``copy_of_doc`` / ``copy_of_line`` (the first
        occurrence in doc_id, line order; empty for the first itself).

    >>> p = "قال مسؤول أميركي إن المحادثات مستمرة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...     "label": ["content"] * 3, "text": [p, "نص آخر هنا", p]})
    >>> paragraph_duplicates(lines)[["doc_id", "line", "copy_of_doc", "copy_of_line"]].values.tolist()
    [['a', 1, '', 0], ['b', 1, 'a', 1]]
    """
    df = lines[["doc_id", "line", "label", "text"]].copy()
    df["doc_id"] = df["doc_id"].astype(str)
    df = df.sort_values(["doc_id", "line"], kind="stable").reset_index(drop=True)
    kept = df["label"].isin(KEPT_LABELS).to_numpy()
    doc = df["doc_id"].to_numpy()
    line = df["line"].to_numpy(dtype=np.int64)
    prev_same = np.zeros(len(df), dtype=bool)
    prev_same[1:] = kept[:-1] & kept[1:] & (doc[1:] == doc[:-1]) & (line[1:] == line[:-1] + 1)
    if unit == "line":
        prev_same[:] = False
    elif unit != "block":
        raise ValueError(f"unit must be 'line' or 'block', not {unit!r}")
    para = np.cumsum(~prev_same)
    rows = []
    for _pid, idx in pd.Series(np.arange(len(df))).groupby(para):
        first = int(idx.iloc[0])
        if not kept[first]:
            continue
        words = [w for i in idx for w in _words_of(for_matching(str(df.at[int(i), "text"])))]
        if len(words) < min_words:
            continue
        rows.append(
            (
                doc[first],
                int(line[first]),
                int(line[int(idx.iloc[-1])]),
                f"{stable_hash(' '.join(words)):016x}",
                len(words),
            )
        )
    out = pd.DataFrame(rows, columns=["doc_id", "line", "end_line", "hash", "n_words"])
    counts = out.groupby("hash")["hash"].transform("size") if len(out) else pd.Series(dtype="int64")
    out = out[counts >= 2].copy() if len(out) else out
    out["n_occurrences"] = out.groupby("hash")["hash"].transform("size").astype("int64")
    first_doc = out.groupby("hash")["doc_id"].transform("first")
    first_line = out.groupby("hash")["line"].transform("first")
    is_first = (out["doc_id"] == first_doc) & (out["line"] == first_line)
    out["copy_of_doc"] = first_doc.where(~is_first, "")
    out["copy_of_line"] = first_line.where(~is_first, 0).astype("int64")
    out = out.astype({"doc_id": "str", "hash": "str", "copy_of_doc": "str"})
    return out.sort_values(["doc_id", "line"], kind="stable").reset_index(drop=True)
