"""MinHash signatures of texts: seeded permutations, vectorised signatures, parallel batches."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache

import numpy as np

from newsstudy.duplicates.hashing import _MASK32, shingle_hashes, word_hashes

__all__ = ["minhash_signatures"]

_EMPTY = np.uint32(0xFFFFFFFF)


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Affine permutations ``a*x + b mod 2**32`` with odd ``a``, from BLAKE2b of the seed.

    Derived from BLAKE2b rather than a NumPy generator so that the parameters
    never change with the NumPy version.
    """
    raw = b"".join(
        hashlib.blake2b(f"newsstudy-minhash:{seed}:{i}".encode(), digest_size=8).digest()
        for i in range(num_perm)
    )
    words = np.frombuffer(raw, dtype="<u4").reshape(num_perm, 2)
    a = (words[:, 0] | np.uint32(1)).astype(np.uint32)
    b = words[:, 1].astype(np.uint32)
    return a, b


def _signatures_from_shingles(
    shingles: np.ndarray, counts: np.ndarray, *, num_perm: int, seed: int, chunk_rows: int = 1 << 14
) -> np.ndarray:
    a, b = _permutations(num_perm, seed)
    x = (shingles & _MASK32).astype(np.uint32)
    sig = np.full((len(counts), num_perm), _EMPTY, dtype=np.uint32)
    nonempty = np.flatnonzero(counts > 0)
    if len(nonempty) == 0:
        return sig
    ends = np.cumsum(counts)
    starts = ends - counts
    ne_ends = ends[nonempty]
    # Whole documents in chunks of about chunk_rows shingles: the (num_perm, chunk)
    # block stays in cache, and permutations along rows make the min-reduction contiguous.
    i = 0
    while i < len(nonempty):
        lo = starts[nonempty[i]]
        j = max(int(np.searchsorted(ne_ends, lo + chunk_rows, side="right")), i + 1)
        docs = nonempty[i:j]
        block = a[:, None] * x[None, lo : ends[docs[-1]]]
        block += b[:, None]
        sig[docs] = np.minimum.reduceat(block, starts[docs] - lo, axis=1).T
        i = j
    return sig


def minhash_signatures(
    texts: Iterable[str],
    *,
    num_perm: int = 128,
    shingle_size: int = 5,
    seed: int = 1,
    batch_size: int = 2000,
    n_jobs: int = 1,
) -> np.ndarray:
    """MinHash signatures of texts, vectorised with NumPy.

    Words are hashed with a stable polynomial hash, word shingles with a
    stable multiply-add chain, both finished with MurmurHash3's 64-bit mixer;
    each of the ``num_perm`` permutations is ``a*x + b mod 2**32`` with odd
    ``a`` (a bijection, as datasketch's default ``affine32`` scheme), and the
    signature is the minimum per permutation.  An empty text has the
    all-``0xFFFFFFFF`` signature.

    Parameters
    ----------
    texts : iterable of str
        One text per document (a generator is consumed in batches).
    num_perm, shingle_size, seed : int
        MinHash size, words per shingle, permutation seed.
    batch_size : int
        Documents hashed together (working memory is roughly 100 bytes per
        character of the batch).
    n_jobs : int
        Worker processes (batches are hashed in parallel; 1 = in this process).

    Returns
    -------
    numpy.ndarray of uint32, shape (n_documents, num_perm)

    >>> sig = minhash_signatures(["قال مسؤول أميركي كبير اليوم", "قالَ مسؤولٌ أمیركي كبير اليوم"])
    >>> sig.shape, bool((sig[0] == sig[1]).all())
    ((2, 128), True)
    """
    options = {"num_perm": num_perm, "shingle_size": shingle_size, "seed": seed}
    batches = _batched(texts, batch_size)
    if n_jobs > 1:
        out = _parallel_signatures(batches, options, n_jobs)
    else:
        out = [_batch_signatures(batch, options) for batch in batches]
    if not out:
        return np.zeros((0, num_perm), dtype=np.uint32)
    return np.concatenate(out, axis=0)


def _parallel_signatures(batches: Iterable[list[str]], options: dict, n_jobs: int) -> list[np.ndarray]:
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    out: list[np.ndarray] = []
    with ProcessPoolExecutor(n_jobs) as pool:
        # A bounded window of batches in flight keeps memory flat on a streamed corpus.
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.submit(_batch_signatures, batch, options))
            if len(pending) >= 2 * n_jobs:
                out.append(pending.popleft().result())
        out.extend(f.result() for f in pending)
    return out


def _batched(texts: Iterable[str], size: int) -> Iterable[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _batch_signatures(batch: list[str], options: dict) -> np.ndarray:
    h, n = word_hashes(batch)
    s, c = shingle_hashes(h, n, shingle_size=options["shingle_size"])
    return _signatures_from_shingles(s, c, num_perm=options["num_perm"], seed=options["seed"])
