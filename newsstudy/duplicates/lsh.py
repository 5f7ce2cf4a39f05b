"""Candidate and near-duplicate pairs from MinHash signatures (LSH banding), and the exact reference.

Works on signature arrays and index pairs only; the tables by ``doc_id`` are in
:mod:`newsstudy.duplicates.documents`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
import pandas as pd

from newsstudy.duplicates.hashing import _MASK32, _U64, _fmix64, shingle_hashes, word_hashes
from newsstudy.duplicates.minhash import _EMPTY

__all__ = [
    "LSH_WEIGHTS",
    "band_keys",
    "estimated_jaccard",
    "exact_jaccard",
    "exact_pairs",
    "lsh_candidate_pairs",
    "lsh_params",
    "near_duplicate_pairs",
]

#: LSH tuning (false-positive weight, false-negative weight): recall first. A pair
#: missed by LSH is lost for good, while a false candidate costs one signature
#: comparison; with (0.05, 0.95) a pair at Jaccard 0.8 becomes a candidate with
#: probability 0.95 (datasketch's even weights: 0.40).
LSH_WEIGHTS: tuple[float, float] = (0.05, 0.95)


def _collision_probability(s: np.ndarray, b: int, r: int) -> np.ndarray:
    return 1.0 - (1.0 - s**r) ** b


@cache
def lsh_params(
    threshold: float, num_perm: int, *, weights: tuple[float, float] = (0.5, 0.5)
) -> tuple[int, int]:
    """Bands and rows per band for a Jaccard threshold, as datasketch's ``MinHashLSH`` picks them.

    Minimises ``w_fp * P(false positive) + w_fn * P(false negative)``, each the
    integral of the banding's collision curve below / above the threshold
    (the same search as ``datasketch.lsh._optimal_param``).

    >>> lsh_params(0.8, 128)
    (9, 13)
    """
    if not 0.0 < threshold < 1.0:
        raise ValueError("threshold must be strictly between 0 and 1")
    lo = np.linspace(0.0, threshold, 2001)
    hi = np.linspace(threshold, 1.0, 2001)
    best, best_err = (1, num_perm), np.inf
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = np.trapezoid(_collision_probability(lo, b, r), lo)
            fn = np.trapezoid(1.0 - _collision_probability(hi, b, r), hi)
            err = weights[0] * fp + weights[1] * fn
            if err < best_err:
                best, best_err = (b, r), err
    return best


def _band_keys(signatures: np.ndarray, start: int, end: int, band: int) -> np.ndarray:
    key = _fmix64(np.full(len(signatures), band + 1, dtype=np.uint64))
    for col in range(start, end):
        key = _fmix64(key ^ signatures[:, col].astype(np.uint64))
    return key


def band_keys(signatures: np.ndarray, *, bands: int, rows: int) -> pd.DataFrame:
    """The LSH band keys of each non-empty signature, for banding elsewhere (a Dask shuffle).

    Two documents are LSH candidates exactly when they share a (``band``,
    ``key``) pair, as in :func:`lsh_candidate_pairs` with ``params=(bands, rows)``.

    Returns
    -------
    pandas.DataFrame
        ``row`` (index into ``signatures``), ``band``, ``key`` (uint64), one
        row per non-empty signature and band, ordered by row then band.

    >>> from newsstudy.duplicates.minhash import minhash_signatures
    >>> sig = minhash_signatures(["a b c d e f g", "a b c d e f g"])
    >>> k = band_keys(sig, bands=9, rows=13)
    >>> len(k), bool((k[k.row == 0].key.to_numpy() == k[k.row == 1].key.to_numpy()).all())
    (18, True)
    """
    members = np.flatnonzero((signatures != _EMPTY).any(axis=1))
    sig = signatures[members]
    keys = np.stack([_band_keys(sig, b * rows, (b + 1) * rows, b) for b in range(bands)], axis=1)
    return pd.DataFrame(
        {
            "row": np.repeat(members.astype(np.int64), bands),
            "band": np.tile(np.arange(bands, dtype=np.int64), len(members)),
            "key": keys.reshape(-1) if len(members) else np.zeros(0, dtype=np.uint64),
        }
    )


def _pairs_within_groups(keys: np.ndarray, members: np.ndarray) -> np.ndarray:
    """All index pairs ``(i, j)`` (``i < j``) of members sharing a key, as codes ``i * 2**32 + j``."""
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    idx = members[order]
    n = len(k)
    if n < 2:
        return np.zeros(0, dtype=np.uint64)
    new = np.concatenate(([True], k[1:] != k[:-1]))
    gid = np.cumsum(new) - 1
    gstart = np.flatnonzero(new)
    gsize = np.diff(np.concatenate((gstart, [n])))
    pos = np.arange(n) - gstart[gid]
    remaining = gsize[gid] - pos - 1  # members after this one in its group
    active = np.flatnonzero(remaining > 0)
    codes: list[np.ndarray] = []
    d = 1
    while len(active):
        left = idx[active]
        right = idx[active + d]
        lo = np.minimum(left, right).astype(np.uint64)
        hi = np.maximum(left, right).astype(np.uint64)
        codes.append((lo << _U64(32)) | hi)
        d += 1
        active = active[remaining[active] >= d]
    return np.concatenate(codes) if codes else np.zeros(0, dtype=np.uint64)


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    # A plain sort: NumPy 2's hash-based np.unique is several times slower on large uint64 arrays.
    x = np.sort(x)
    return x[np.concatenate(([True], x[1:] != x[:-1]))] if len(x) else x


def lsh_candidate_pairs(
    signatures: np.ndarray,
    *,
    threshold: float = 0.8,
    params: tuple[int, int] | None = None,
    weights: tuple[float, float] = LSH_WEIGHTS,
) -> np.ndarray:
    """Candidate pairs from LSH banding of MinHash signatures.

    The bands are chosen by :func:`lsh_params` for ``threshold`` with
    ``weights`` (see :data:`LSH_WEIGHTS`) unless ``params`` = (bands, rows)
    is given. Empty documents (all-``0xFFFFFFFF`` signatures) are never candidates.

    Returns
    -------
    numpy.ndarray of int64, shape (n_pairs, 2)
        Row indices ``i < j``, sorted.

    >>> from newsstudy.duplicates.minhash import minhash_signatures
    >>> sig = minhash_signatures(["a b c d e f g", "a b c d e f g", "x y z w v u t"])
    >>> lsh_candidate_pairs(sig).tolist()
    [[0, 1]]
    """
    n, num_perm = signatures.shape
    if n >= 2**32:
        raise ValueError("at most 2**32 - 1 documents")
    b, r = params if params is not None else lsh_params(threshold, num_perm, weights=weights)
    members = np.flatnonzero((signatures != _EMPTY).any(axis=1))
    sig = signatures[members]
    found = np.zeros(0, dtype=np.uint64)
    for band in range(b):
        codes = _pairs_within_groups(_band_keys(sig, band * r, (band + 1) * r, band), members)
        if len(codes):
            found = _sorted_unique(np.concatenate((found, codes)))
    pairs = np.empty((len(found), 2), dtype=np.int64)
    pairs[:, 0] = (found >> _U64(32)).astype(np.int64)
    pairs[:, 1] = (found & _MASK32).astype(np.int64)
    return pairs


def estimated_jaccard(signatures: np.ndarray, pairs: np.ndarray, *, chunk: int = 1 << 16) -> np.ndarray:
    """Estimated Jaccard of each pair: the share of equal signature positions.

    >>> from newsstudy.duplicates.minhash import minhash_signatures
    >>> sig = minhash_signatures(["a b c d e f g", "a b c d e f g"])
    >>> estimated_jaccard(sig, np.array([[0, 1]])).tolist()
    [1.0]
    """
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    out = np.empty(len(pairs), dtype=np.float64)
    for lo in range(0, len(pairs), chunk):
        p = pairs[lo : lo + chunk]
        out[lo : lo + chunk] = (signatures[p[:, 0]] == signatures[p[:, 1]]).mean(axis=1)
    return out


def near_duplicate_pairs(
    signatures: np.ndarray,
    *,
    threshold: float = 0.8,
    params: tuple[int, int] | None = None,
    weights: tuple[float, float] = LSH_WEIGHTS,
) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs whose estimated Jaccard is at least ``threshold`` (LSH candidates, then estimate).

    For streams too large to keep shingle sets. The estimate has a standard
    error of ``sqrt(J(1-J)/num_perm)`` (0.035 at J = 0.8 with 128
    permutations), so pairs just above the threshold are found about half of
    the time; :func:`duplicate_pairs` verifies candidates exactly instead.

    Returns
    -------
    pairs : numpy.ndarray of int64, shape (n, 2)
    jaccard : numpy.ndarray of float64

    >>> from newsstudy.duplicates.minhash import minhash_signatures
    >>> sig = minhash_signatures(["a b c d e f g h", "a b c d e f g h", "a b c x y z w v"])
    >>> p, j = near_duplicate_pairs(sig)
    >>> p.tolist(), j.tolist()
    ([[0, 1]], [1.0])
    """
    pairs = lsh_candidate_pairs(signatures, threshold=threshold, params=params, weights=weights)
    jac = estimated_jaccard(signatures, pairs)
    keep = jac >= threshold
    return pairs[keep], jac[keep]


def exact_jaccard(a: Iterable, b: Iterable) -> float:
    """Exact Jaccard similarity of two sets (1.0 for two empty sets).

    >>> exact_jaccard({1, 2, 3}, {2, 3, 4})
    0.5
    """
    sa, sb = set(a), set(b)
    union = len(sa | sb)
    return 1.0 if union == 0 else len(sa & sb) / union


def exact_pairs(
    texts: Sequence[str], *, threshold: float = 0.8, shingle_size: int = 5, block: int = 2000
) -> tuple[np.ndarray, np.ndarray]:
    """All pairs of texts whose exact shingle Jaccard is at least ``threshold``, by brute force.

    The reference that MinHash + LSH is checked against: shingle sets as a
    sparse document x shingle matrix, intersections from its product with its
    transpose, ``block`` documents at a time (quadratic; fine for tens of
    thousands of news articles, whose shingles are mostly rare).

    Returns
    -------
    pairs : numpy.ndarray of int64, shape (n, 2)
        Index pairs ``i < j``, sorted.
    jaccard : numpy.ndarray of float64

    >>> p, j = exact_pairs(["a b c d e f", "a b c d e f", "a b c d e x"], threshold=0.5)
    >>> p.tolist(), j.tolist()
    ([[0, 1]], [1.0])
    """
    import scipy.sparse as sp

    h, n = word_hashes(texts)
    s, c = shingle_hashes(h, n, shingle_size=shingle_size)
    doc = np.repeat(np.arange(len(texts)), c)
    if len(s) == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    _, col = np.unique(s, return_inverse=True)
    x = sp.csr_matrix((np.ones(len(s), np.float32), (doc, col)), shape=(len(texts), int(col.max()) + 1))
    x.sum_duplicates()
    x.data[:] = 1.0
    size = np.asarray(x.sum(axis=1)).ravel()
    xt = x.T.tocsr()
    found_i, found_j, found_v = [], [], []
    for lo in range(0, len(texts), block):
        prod = (x[lo : lo + block] @ xt).tocoo()
        i, j, v = prod.row.astype(np.int64) + lo, prod.col.astype(np.int64), prod.data.astype(np.float64)
        jac = v / (size[i] + size[j] - v)
        keep = (i < j) & (jac >= threshold)
        found_i.append(i[keep])
        found_j.append(j[keep])
        found_v.append(jac[keep])
    pairs = np.stack((np.concatenate(found_i), np.concatenate(found_j)), axis=1)
    jac = np.concatenate(found_v)
    order = np.lexsort((pairs[:, 1], pairs[:, 0]))
    return pairs[order], jac[order]
