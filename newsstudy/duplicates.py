"""Duplication and text reuse between documents (ANNOTATION.md section 5).

Everything here works on the cleaned article: the ``headline`` and ``content``
lines of the ``lines`` table (``clean.label_lines``), normalised for matching
(:func:`newsstudy.normalize.for_matching`, ANNOTATION.md section 6).

Words
    A *word* is a maximal run of letters, digits, combining marks or ``_`` in
    the normalised text; punctuation and spaces separate words and are not
    words, so ``قال:`` and ``قال`` are the same word.  A document's words are
    the words of its kept lines in line order (shingles run across lines).

Exact duplicates
    Two documents (or two paragraphs) whose normalised words are identical,
    found through a stable 64-bit BLAKE2b hash of the words joined by spaces.

Near duplicates
    MinHash over word ``shingle_size``-gram shingles and LSH banding (tuned for
    recall, :data:`LSH_WEIGHTS`) give candidate pairs; :func:`duplicate_pairs`
    then decides on each candidate's exact Jaccard (``verify=True``), and the
    streaming path :func:`near_duplicate_pairs` on the MinHash estimate. The
    MinHash is vectorised NumPy (:func:`minhash_signatures`) rather than
    datasketch: on the ANT corpus it runs 6-10x faster than a
    straightforward ``datasketch.MinHash`` + ``MinHashLSH`` in one process
    with higher recall, and it streams a million articles in two processes
    (``benchmarks/bench_duplicates.py``). All hashes are stable arithmetic or
    BLAKE2b (never Python's salted ``hash()``), so results are identical from
    run to run and machine to machine.

Text reuse passages
    Shared runs of at least ``min_words`` (12) consecutive normalised words,
    seeded by 12-word anchors shared by two documents, chained across small
    edits (``max_gap`` differing words) and reported line by line with raw
    character offsets (see :func:`reuse_passages` for the row convention).

Direction
    With a ``documents`` table that has a ``date`` column, the earlier document
    is the likely source (``source_doc``); otherwise ``"unknown"``.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from newsstudy.normalize import for_matching, for_matching_all, for_matching_with_offsets, image_codes

__all__ = [
    "KEPT_LABELS",
    "LSH_WEIGHTS",
    "band_keys",
    "copied_lines",
    "document_signatures",
    "document_words",
    "duplicate_pairs",
    "estimated_jaccard",
    "exact_jaccard",
    "exact_pairs",
    "jaccard_matrix",
    "lsh_candidate_pairs",
    "lsh_params",
    "minhash_signatures",
    "near_duplicate_pairs",
    "pair_jaccard",
    "paragraph_duplicates",
    "reuse_passages",
    "reused_share",
    "shingle_hashes",
    "stable_hash",
    "word_hashes",
]

#: LSH tuning (false-positive weight, false-negative weight): recall first. A pair
#: missed by LSH is lost for good, while a false candidate costs one signature
#: comparison; with (0.05, 0.95) a pair at Jaccard 0.8 becomes a candidate with
#: probability 0.95 (datasketch's even weights: 0.40).
LSH_WEIGHTS: tuple[float, float] = (0.05, 0.95)

#: Line labels that form the cleaned article (ANNOTATION.md section 2).
KEPT_LABELS: tuple[str, ...] = ("headline", "content")

_U64 = np.uint64
_MASK32 = _U64(0xFFFFFFFF)
# Odd 64-bit multipliers (from SplitMix64 / MurmurHash3); wrapping uint64
# arithmetic is the modulo 2**64, identical on every platform.
_MUL_WORD = _U64(0x9E3779B97F4A7C15)
_MUL_SHINGLE = _U64(0xBF58476D1CE4E5B9)
_FMIX_C1 = _U64(0xFF51AFD7ED558CCD)
_FMIX_C2 = _U64(0xC4CEB9FE1A85EC53)
_EMPTY = np.uint32(0xFFFFFFFF)
# Codepoints at and above this are never word characters (no letters there yet).
_WORD_TABLE_SIZE = 0x30000
_TABLE_SIZE = 0x110000


# --------------------------------------------------------------------------- hashing
def stable_hash(text: str) -> int:
    """Stable 64-bit hash of a string (BLAKE2b), the same in every process.

    >>> stable_hash("نص") == stable_hash("نص")
    True
    >>> stable_hash("a") != stable_hash("b")
    True
    """
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _fmix64(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit."""
    x = x ^ (x >> _U64(33))
    x = x * _FMIX_C1
    x = x ^ (x >> _U64(33))
    x = x * _FMIX_C2
    return x ^ (x >> _U64(33))


class _BlockTables:
    """Per-code-point tables (word character? normalised image?), filled one 256-character block at a time.

    Filling lazily keeps start-up cheap: news text touches a handful of
    blocks (Basic Latin, Arabic, punctuation...), not all 196,608 code points.
    """

    def __init__(self) -> None:
        self.is_word = np.zeros(_TABLE_SIZE, dtype=bool)
        self.image = np.arange(_TABLE_SIZE, dtype=np.int32)
        self.done = np.zeros(_TABLE_SIZE >> 8, dtype=bool)
        # Code points from the first unassigned plane on are left as they are, never words.
        self.done[_WORD_TABLE_SIZE >> 8 :] = True

    def ensure(self, cps: np.ndarray) -> None:
        """Fill the blocks of these code points (and of their images)."""
        todo = np.flatnonzero((np.bincount(cps >> 8, minlength=len(self.done)) > 0) & ~self.done).tolist()
        while todo:
            block = todo.pop()
            if self.done[block]:
                continue
            for cp in range(block << 8, (block + 1) << 8):
                self.is_word[cp], self.image[cp] = _char_entry(cp)
            self.done[block] = True
            images = self.image[block << 8 : (block + 1) << 8]
            todo.extend(np.unique(images[images >= 0] >> 8).tolist())


def _char_entry(cp: int) -> tuple[bool, int]:
    """Is the character a word character, and what :func:`for_matching` makes of it.

    ``for_matching`` maps every character independently (see its module's
    docstring), so applying the images and treating whitespace as a word
    separator gives exactly the words of ``for_matching(text)``. A character
    whose image has several characters (ligatures such as ``ﷺ``) is marked
    ``_MULTI``; texts containing one go through ``for_matching`` itself.
    """
    import unicodedata

    if 0xD800 <= cp <= 0xDFFF:
        return False, cp  # lone surrogates are left as they are
    ch = chr(cp)
    is_word = ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"
    if ch.isspace():
        return False, _SPACE
    return is_word, int(image_codes(np.array([cp]))[0])


_TABLES = _BlockTables()


_POW: list[np.ndarray] = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**i`` and ``P**-i`` modulo 2**64 for ``i < n`` (P odd, so invertible), grown on demand."""
    if len(_POW[0]) < n:
        size = max(n, 2 * len(_POW[0]))
        inv = _U64(pow(int(_MUL_WORD), -1, 1 << 64))
        fwd = np.ones(size, dtype=np.uint64)
        back = np.ones(size, dtype=np.uint64)
        with np.errstate(over="ignore"):
            fwd[1:] = np.cumprod(np.full(size - 1, _MUL_WORD, dtype=np.uint64))
            back[1:] = np.cumprod(np.full(size - 1, inv, dtype=np.uint64))
        _POW[:] = [fwd, back]
    return _POW[0], _POW[1]


# Codes of the per-character normalisation table (beside mapped code points >= 0).
# The codes of normalize.image_codes (beside mapped code points >= 0).
_DELETE, _SPACE, _MULTI = -1, -2, -3


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _normalized_codepoints(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Code points of the texts mapped as ``for_matching`` maps them, joined by newlines.

    Whitespace is not collapsed (words are what matter). Returns the code
    points and the end offset of each text (after its newline) in them.
    """
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    cps = _codepoints("\n".join(texts) + "\n")
    _TABLES.ensure(cps)
    img = _TABLES.image[cps]
    ends = np.cumsum(lengths)
    multi = np.flatnonzero(img == _MULTI)
    if len(multi):
        bad = np.unique(np.searchsorted(ends, multi, side="right"))
        fixed = list(texts)
        for i in bad.tolist():
            fixed[i] = for_matching(fixed[i])
        return _normalized_codepoints(fixed)
    deleted = np.flatnonzero(img == _DELETE)
    if len(deleted):
        ends = ends - np.searchsorted(deleted, ends, side="left")
        img = np.delete(img, deleted)
    img[img == _SPACE] = 0x20
    return img.view(np.uint32), ends


def _word_strings(texts: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    r"""Each text's words (runs of word characters) joined by single spaces, and how many there are.

    For all texts in one array pass: non-word characters become spaces, the
    texts are cut apart at their joining newlines and split on whitespace.
    Equal to joining ``t[s:e]`` over ``_word_bounds(_codepoints(t))`` per text.

    >>> _word_strings(["قال، مسؤول\n«أميركي»", "", "x"])
    (array([3, 0, 1]), ['قال مسؤول أميركي', '', 'x'])
    """
    if not texts:
        return np.zeros(0, dtype=np.int64), []
    cps = _codepoints("\n".join(texts))
    _TABLES.ensure(cps)
    out = np.where(_TABLES.is_word[cps], cps, np.uint32(0x20)).astype(np.uint32)
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    out[np.cumsum(lengths[:-1]) - 1] = 0x0A  # only the joining newlines: every other one is now a space
    words = [part.split() for part in out.tobytes().decode("utf-32-le", "surrogatepass").split("\n")]
    return np.array([len(w) for w in words], dtype=np.int64), [" ".join(w) for w in words]


def _word_bounds(cps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    _TABLES.ensure(cps)
    is_word = _TABLES.is_word[cps]
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _hash_words(cps: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Hash each word ``cps[s:e]`` as ``sum(c_i * P**(i - s)) mod 2**64``, then mix.

    Computed for all words at once from one prefix sum of ``c_i * P**i``:
    the word's slice of the prefix sum times ``P**-s``.
    """
    if len(starts) == 0:
        return np.zeros(0, dtype=np.uint64)
    fwd, back = _powers(len(cps) + 1)
    prefix = np.zeros(len(cps) + 1, dtype=np.uint64)
    np.cumsum(cps.astype(np.uint64) * fwd[: len(cps)], out=prefix[1:])
    sums = (prefix[ends] - prefix[starts]) * back[starts]
    return _fmix64(sums ^ (ends - starts).astype(np.uint64))


def word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Stable 64-bit hashes of the matching-normalised words of texts.

    Vectorised: the characters are mapped as :func:`for_matching` maps them
    (through a code-point table), and each word is hashed with a polynomial
    hash of its code points, so the hashes equal those of the words of
    ``for_matching(text)`` (raw or already-normalised input gives the same).

    Parameters
    ----------
    texts : sequence of str
        One text per document.

    Returns
    -------
    hashes : numpy.ndarray of uint64
        The word hashes of all texts, concatenated in order.
    counts : numpy.ndarray of int64
        Number of words in each text.

    >>> h, n = word_hashes(["قالَ مسؤول: قال", "x", "قال"])
    >>> n.tolist(), bool(h[0] == h[2] == h[4]), bool(h[0] != h[1])
    ([3, 1, 1], True, True)
    """
    if len(texts) == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    cps, text_ends = _normalized_codepoints(texts)
    starts, ends = _word_bounds(cps)
    hashes = _hash_words(cps, starts, ends)
    before = np.searchsorted(starts, text_ends, side="left")
    counts = np.diff(np.concatenate(([0], before))).astype(np.int64)
    return hashes, counts


def shingle_hashes(
    hashes: np.ndarray, counts: np.ndarray, *, shingle_size: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of word ``shingle_size``-grams within each document.

    A document with fewer words than ``shingle_size`` (but at least one) gets
    one shingle made of all its words; an empty document gets none.

    Returns
    -------
    shingles : numpy.ndarray of uint64
    counts : numpy.ndarray of int64
        Number of shingles per document.

    >>> h, n = word_hashes(["a b c d e f", "a b", ""])
    >>> s, c = shingle_hashes(h, n, shingle_size=5)
    >>> c.tolist()
    [2, 1, 0]
    """
    k = int(shingle_size)
    if k < 1:
        raise ValueError("shingle_size must be at least 1")
    counts = np.asarray(counts, dtype=np.int64)
    doc_starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    n_sh = np.where(counts >= k, counts - k + 1, (counts > 0).astype(np.int64))
    total = int(n_sh.sum())
    # Start index of every shingle in the word array.
    sh_doc = np.repeat(np.arange(len(counts)), n_sh)
    sh_off = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(n_sh[:-1], out=sh_off[1:])
    sh_start = doc_starts[sh_doc] + (np.arange(total) - sh_off[sh_doc])
    width = np.minimum(counts, k)[sh_doc]
    padded = np.concatenate((hashes, np.zeros(k, dtype=np.uint64)))
    acc = padded[sh_start].copy()
    for j in range(1, k):
        nxt = padded[sh_start + j]
        # Words past a short document's end do not enter its shingle.
        acc = np.where(j < width, acc * _MUL_SHINGLE + nxt, acc)
    return _fmix64(acc ^ width.astype(np.uint64)), n_sh


# --------------------------------------------------------------------------- minhash
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


# --------------------------------------------------------------------------- LSH
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


# --------------------------------------------------------------------------- tables
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
    missing = {"doc_id", "line", "label", "text"} - set(lines.columns)
    if missing:
        raise ValueError(f"lines table lacks columns {sorted(missing)}")
    all_ids = sorted(pd.unique(lines["doc_id"].astype(str)))
    kept = lines.loc[lines["label"].isin(KEPT_LABELS), ["doc_id", "line", "text"]]
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
    normalised = for_matching_all(texts)  # one batch: much faster than line by line
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


def _words_of(norm_text: str) -> list[str]:
    starts, ends = _word_bounds(_codepoints(norm_text))
    return [norm_text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]


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
    doc_hashes = [
        f"{stable_hash(' '.join(_words_of(t))):016x}" if c else "" for t, c in zip(texts, n, strict=True)
    ]
    sh, counts = shingle_hashes(h, n, shingle_size=shingle_size)
    sig = _signatures_from_shingles(sh, counts, num_perm=num_perm, seed=seed)
    if candidates is not None:
        cand = _candidate_indices(docs.ids, candidates)
    else:
        cand = lsh_candidate_pairs(sig, threshold=threshold)
    if verify:
        ends = np.cumsum(counts)
        sets = [np.unique(sh[e - c : e]) for e, c in zip(ends.tolist(), counts.tolist(), strict=True)]
        jac = np.array([_set_jaccard(sets[i], sets[j]) for i, j in cand.tolist()], dtype=np.float64)
        keep = jac >= threshold
        pairs, jac = cand[keep], jac[keep]
    else:
        jac = estimated_jaccard(sig, cand)
        keep = jac >= threshold
        pairs, jac = cand[keep], jac[keep]
    found = {(int(i), int(j)): float(x) for (i, j), x in zip(pairs, jac, strict=True)}
    # Exact duplicates are pairs by definition, whatever LSH found.
    by_hash: dict[str, list[int]] = {}
    for i, key in enumerate(doc_hashes):
        if key:
            by_hash.setdefault(key, []).append(i)
    exact = {(g[x], g[y]) for g in by_hash.values() for x in range(len(g)) for y in range(x + 1, len(g))}
    rows = [(docs.ids[i], docs.ids[j], "exact", 1.0) for i, j in exact]
    rows += [(docs.ids[i], docs.ids[j], "near", x) for (i, j), x in found.items() if (i, j) not in exact]
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


# --------------------------------------------------------------------------- reuse passages
@dataclass
class _DocWords:
    hashes: np.ndarray  # word hashes (uint64)
    line: np.ndarray  # raw line number of each word
    raw_start: np.ndarray  # raw char offsets of each word in its line
    raw_end: np.ndarray
    raw_lines: dict[int, str]


def _doc_words_with_offsets(line_nos: np.ndarray, raw: list[str]) -> _DocWords:
    """The matching-normalised words of a document's kept lines, with raw line offsets.

    One pass of array operations over the raw lines joined by newlines; a
    document with a ligature (a character whose image has several characters)
    goes line by line through :func:`~newsstudy.normalize.for_matching_with_offsets`
    (:func:`_doc_words_by_line`, which this equals).
    """
    found = _doc_words_vectorised(line_nos, raw)
    return found if found is not None else _doc_words_by_line(line_nos, raw)


def _doc_words_vectorised(line_nos: np.ndarray, raw: list[str]) -> _DocWords | None:
    if not raw:
        return None
    cps = _codepoints("\n".join(raw))
    _TABLES.ensure(cps)
    img = _TABLES.image[cps]
    if (img == _MULTI).any():
        return None
    # Kept characters are those for_matching neither deletes nor turns into whitespace. A kept
    # character's span runs to the next raw character that is not deleted, so that marks deleted
    # right after it stay in its word (as OffsetMap.ends has it).
    kept = np.flatnonzero(img >= 0)
    not_deleted = np.flatnonzero(img != _DELETE)
    kept_end = np.append(not_deleted, len(cps))[np.searchsorted(not_deleted, kept, side="right")]
    codes = img[kept]
    word = _TABLES.is_word[codes]
    # Two kept characters are apart (a space between them in the normalised text) when raw
    # whitespace (the joining newlines included) lies between them.
    spaces = np.cumsum(img == _SPACE)
    apart = spaces[kept[1:]] != spaces[kept[:-1]]
    first = word & np.concatenate(([True], apart | ~word[:-1]))
    last = word & np.concatenate((apart | ~word[1:], [True]))
    starts, ends = np.flatnonzero(first), np.flatnonzero(last) + 1
    line_starts = np.cumsum([0] + [len(t) + 1 for t in raw[:-1]], dtype=np.int64)
    which = np.searchsorted(line_starts, kept[starts], side="right") - 1
    return _DocWords(
        _hash_words(codes.astype(np.uint32), starts, ends),
        np.asarray(line_nos, dtype=np.int64)[which],
        kept[starts] - line_starts[which],
        kept_end[ends - 1] - line_starts[which],
        dict(zip(np.asarray(line_nos).tolist(), raw, strict=True)),
    )


def _doc_words_by_line(line_nos: np.ndarray, raw: list[str]) -> _DocWords:
    from itertools import chain

    maps = [for_matching_with_offsets(text) for text in raw]
    if not maps:
        empty = np.zeros(0, dtype=np.int64)
        return _DocWords(np.zeros(0, dtype=np.uint64), empty, empty, empty, {})
    # All lines at once: their normalised texts joined by newlines (never part of a word), with
    # the raw offsets of each normalised character beside them (-1 for the newlines).
    joined = "\n".join(m.text for m in maps)
    cps = _codepoints(joined)
    starts, ends = _word_bounds(cps)
    raw_starts = np.fromiter(
        chain.from_iterable((*m.starts, -1) for m in maps), dtype=np.int64, count=len(cps) + 1
    )
    raw_ends = np.fromiter(
        chain.from_iterable((*m.ends, -1) for m in maps), dtype=np.int64, count=len(cps) + 1
    )
    line_starts = np.cumsum([0] + [len(m.text) + 1 for m in maps[:-1]], dtype=np.int64)
    which = np.searchsorted(line_starts, starts, side="right") - 1
    return _DocWords(
        _hash_words(cps, starts, ends),
        np.asarray(line_nos, dtype=np.int64)[which] if len(starts) else np.zeros(0, dtype=np.int64),
        raw_starts[starts],
        raw_ends[ends - 1] if len(ends) else np.zeros(0, dtype=np.int64),
        dict(zip(np.asarray(line_nos).tolist(), raw, strict=True)),
    )


def _anchor_grams(allh: np.ndarray, counts: np.ndarray, anchor: int) -> tuple[np.ndarray, ...]:
    """``anchor``-word grams of each document's words: (gram hash, document index, word position)."""
    counts = np.asarray(counts, dtype=np.int64)
    n_gram = np.maximum(counts - anchor + 1, 0)
    grams, _ = shingle_hashes(allh, counts, shingle_size=anchor)
    # shingle_hashes gives short documents one short shingle: drop those.
    keep = np.repeat(counts >= anchor, np.where(counts >= anchor, n_gram, (counts > 0).astype(np.int64)))
    grams = grams[keep]
    doc = np.repeat(np.arange(len(counts)), n_gram)
    pos = np.arange(len(doc)) - np.repeat(np.cumsum(n_gram) - n_gram, n_gram)
    return grams, doc, pos


def _gram_pairs(
    grams: np.ndarray, doc: np.ndarray, pos: np.ndarray, *, max_anchor_docs: int,
    max_anchor_occurrences: int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Every pair of occurrences of a shared, non-boilerplate gram in two documents: ``(da, db, pa, pb)``.

    All occurrences of a gram must be in the input (the boilerplate rule counts them); ``da < db``.
    """
    order = np.lexsort((pos, doc, grams))
    g, d, p = grams[order], doc[order], pos[order]
    n = len(g)
    empty = np.zeros(0, dtype=np.int64)
    if n < 2:
        return empty, empty, empty, empty
    new = np.concatenate(([True], g[1:] != g[:-1]))
    gid = np.cumsum(new) - 1
    gstart = np.flatnonzero(new)
    gsize = np.diff(np.concatenate((gstart, [n])))
    # Number of distinct documents per gram: boilerplate shared by very many is no evidence of reuse.
    dnew = new | np.concatenate(([True], d[1:] != d[:-1]))
    ndocs = np.bincount(gid, weights=dnew.astype(np.float64)).astype(np.int64)
    # A gram repeated very often (within or across documents) is boilerplate too, and pairing all its
    # occurrences would cost the square of its count.
    most = 2 * max_anchor_docs if max_anchor_occurrences is None else max_anchor_occurrences
    ok = (ndocs >= 2) & (ndocs <= max_anchor_docs) & (gsize <= most)
    sel = np.flatnonzero(ok[gid])
    remaining = (gsize[gid] - (np.arange(n) - gstart[gid]) - 1)[sel]
    left_all: list[np.ndarray] = []
    right_all: list[np.ndarray] = []
    active = np.flatnonzero(remaining > 0)
    dd = 1
    while len(active):
        li, ri = sel[active], sel[active] + dd
        diff = d[li] != d[ri]
        left_all.append(li[diff])
        right_all.append(ri[diff])
        dd += 1
        active = active[remaining[active] >= dd]
    if not left_all:
        return empty, empty, empty, empty
    li = np.concatenate(left_all)
    ri = np.concatenate(right_all)
    # Within a gram, rows are sorted by doc, so d[li] < d[ri].
    return d[li], d[ri], p[li], p[ri]


def _pair_groups(da: np.ndarray, db: np.ndarray, pa: np.ndarray, pb: np.ndarray):
    """Yield ``(i, j, matches)`` per document pair in (i, j) order; matches by diagonal, then position."""
    order = np.lexsort((pa, pb - pa, db, da))
    da, db, pa, pb = da[order], db[order], pa[order], pb[order]
    if len(da) == 0:
        return
    pair_new = np.concatenate(([True], (da[1:] != da[:-1]) | (db[1:] != db[:-1])))
    bounds = np.concatenate((np.flatnonzero(pair_new), [len(da)]))
    for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        yield int(da[s]), int(db[s]), np.stack((pa[s:e], pb[s:e]), axis=1)


def _anchor_matches(
    hashes: list[np.ndarray], *, anchor: int, max_anchor_docs: int, max_anchor_occurrences: int | None = None
) -> dict[tuple[int, int], np.ndarray]:
    """Positions of shared ``anchor``-word grams for every pair of documents sharing one.

    Returns ``{(i, j): array of (pos_i, pos_j)}`` with ``i < j``.
    """
    counts = np.array([len(h) for h in hashes], dtype=np.int64)
    allh = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    grams, doc, pos = _anchor_grams(allh, counts, anchor)
    found = _gram_pairs(
        grams, doc, pos, max_anchor_docs=max_anchor_docs, max_anchor_occurrences=max_anchor_occurrences
    )
    return {(i, j): m for i, j, m in _pair_groups(*found)}


def _blocks(matches: np.ndarray, anchor: int) -> list[list[int]]:
    """Maximal exact runs ``[start_a, start_b, length]`` from anchor positions (sorted by diagonal, pos)."""
    pa, pb = matches[:, 0], matches[:, 1]
    brk = np.concatenate(([True], ((pb - pa)[1:] != (pb - pa)[:-1]) | (pa[1:] != pa[:-1] + 1)))
    starts = np.flatnonzero(brk)
    ends = np.concatenate((starts[1:], [len(pa)])) - 1
    return [[int(pa[s]), int(pb[s]), int(pa[e] - pa[s]) + anchor] for s, e in zip(starts, ends, strict=True)]


def _match_len(ha: np.ndarray, hb: np.ndarray, i: int, j: int, step: int) -> int:
    n = 0
    while 0 <= i < len(ha) and 0 <= j < len(hb) and ha[i] == hb[j]:
        n += 1
        i += step
        j += step
    return n


def _chain(blocks: list[list[int]], ha: np.ndarray, hb: np.ndarray, *, max_gap: int, min_bridge: int):
    """Chain exact blocks into passages across gaps of at most ``max_gap`` words in each document.

    Each passage is a list of exact blocks ``[sa, sb, n]`` in order. Each
    passage is also extended at both ends over small edits followed by at
    least ``min_bridge`` matching words, which also bridges runs too short to
    hold an anchor between two edits.
    """
    passages: list[list[list[int]]] = []
    for sa, sb, n in sorted(blocks, key=lambda x: (x[0], -x[2])):
        if passages:
            p = passages[-1]
            last = p[-1]
            end_a, end_b = last[0] + last[2], last[1] + last[2]
            if sa < end_a:  # overlaps what the passage already covers in a
                cut = end_a - sa
                if cut >= n:
                    continue
                if sb - sa == last[1] - last[0]:
                    last[2] = sa + n - last[0]
                    _extend_forward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
                    continue
                sa, sb, n = sa + cut, sb + cut, n - cut
            if 0 <= sa - end_a <= max_gap and 0 <= sb - end_b <= max_gap:
                p.append([sa, sb, n])
                _extend_forward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
                continue
        p = [[sa, sb, n]]
        _extend_backward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
        _extend_forward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
        if passages:
            last = passages[-1][-1]
            ga, gb = p[0][0] - (last[0] + last[2]), p[0][1] - (last[1] + last[2])
            if 0 <= ga <= max_gap and 0 <= gb <= max_gap:
                passages[-1].extend(p)
                continue
        passages.append(p)
    return passages


def _best_bridge(ha, hb, ea: int, eb: int, step: int, max_gap: int, min_bridge: int):
    best = None
    for ga in range(max_gap + 1):
        for gb in range(max_gap + 1):
            if ga == gb == 0:
                continue
            m = _match_len(ha, hb, ea + step * ga, eb + step * gb, step)
            if m >= min_bridge and (best is None or m > best[2]):
                best = (ea + step * ga, eb + step * gb, m)
    return best


def _extend_forward(p: list[list[int]], ha, hb, *, max_gap: int, min_bridge: int) -> None:
    while True:
        last = p[-1]
        best = _best_bridge(ha, hb, last[0] + last[2], last[1] + last[2], 1, max_gap, min_bridge)
        if best is None:
            return
        p.append(list(best))


def _extend_backward(p: list[list[int]], ha, hb, *, max_gap: int, min_bridge: int) -> None:
    while True:
        first = p[0]
        best = _best_bridge(ha, hb, first[0] - 1, first[1] - 1, -1, max_gap, min_bridge)
        if best is None:
            return
        ea, eb, m = best
        p.insert(0, [ea - m + 1, eb - m + 1, m])


def _segments(p: list[list[int]], wa: _DocWords, wb: _DocWords):
    """Split a passage into one piece per (line_a, line_b): yields (ta0, ta1, tb0, tb1)."""
    pieces: list[list[int]] = []
    for sa, sb, n in p:
        k = 0
        while k < n:
            la, lb = wa.line[sa + k], wb.line[sb + k]
            m = k
            while m < n and wa.line[sa + m] == la and wb.line[sb + m] == lb:
                m += 1
            if pieces and wa.line[pieces[-1][1] - 1] == la and wb.line[pieces[-1][3] - 1] == lb:
                pieces[-1][1], pieces[-1][3] = sa + m, sb + m
            else:
                pieces.append([sa + k, sa + m, sb + k, sb + m])
            k = m
    return pieces


_PASSAGE_COLUMNS = [
    "doc_a", "line_a", "start_a", "end_a", "doc_b", "line_b", "start_b", "end_b", "n_words", "text",
    "passage", "passage_words", "share_a", "share_b", "word_a", "word_b", "n_words_b", "source_doc",
]  # fmt: skip


def _document_dates(documents: pd.DataFrame | None) -> dict[str, pd.Timestamp]:
    if documents is None or "date" not in documents.columns:
        return {}
    raw = documents["date"]
    parsed = pd.to_datetime(raw, utc=True, errors="coerce", format="mixed")
    out = {}
    for doc, value, ts in zip(documents["doc_id"].astype(str), raw, parsed, strict=True):
        if pd.isna(ts) and isinstance(value, str) and value.strip():
            try:  # RFC 2822 dates ("Sun, 18 Feb 2018 21:35:43 +0400") as in RSS feeds
                ts = pd.Timestamp(email.utils.parsedate_to_datetime(value)).tz_convert("UTC")
            except (TypeError, ValueError, IndexError):
                ts = pd.NaT
        if not pd.isna(ts):
            out[doc] = ts
    return out


def _source(a: str, b: str, dates: dict[str, pd.Timestamp]) -> str:
    da, db = dates.get(a), dates.get(b)
    if da is None or db is None or da == db:
        return "unknown"
    return a if da < db else b


def reuse_passages(
    lines: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    min_words: int = 12,
    max_gap: int = 2,
    min_bridge: int = 3,
    max_anchor_docs: int = 50,
) -> pd.DataFrame:
    """Passages of at least ``min_words`` normalised words shared by two documents.

    Candidate pairs and seeds are the ``min_words``-word grams two documents
    share (exact after normalisation); grams shared by more than
    ``max_anchor_docs`` documents, or occurring more than twice that many
    times in all, are boilerplate, not reuse, and are not seeds. Seeds on
    one diagonal make exact blocks; blocks are chained across
    gaps of at most ``max_gap`` differing words in each document (a changed,
    inserted or deleted word), and passages are extended at both ends over
    such gaps when at least ``min_bridge`` matching words follow.

    Row convention: a passage that runs over several lines is reported as one
    row per (line_a, line_b) segment, in passage order; ``passage`` numbers
    the passage and ``passage_words`` is its length in words of document a.
    ``start``/``end`` are raw character offsets (half-open) in the raw line,
    covering the segment's first to last word; ``n_words`` counts the
    segment's words in document a (``n_words_b`` in b); ``word_a``/``word_b``
    index the segment's first word in each document's word sequence.
    ``share_a``/``share_b`` are the passage's share of each document's words.
    ``text`` is document a's raw text of the segment. ``source_doc`` is the
    earlier document when ``documents`` has dates for both and they differ,
    else ``"unknown"``.

    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة منذ أيام في الدوحة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1], "label": ["content"] * 3,
    ...     "text": ["خبر أول", body, "وقالت الصحيفة: " + body.replace("كبير", "بارز")]})
    >>> r = reuse_passages(lines)
    >>> r[["doc_a", "line_a", "start_a", "end_a", "line_b", "start_b", "n_words"]].values.tolist()
    [['a', 2, 0, 88, 1, 15, 17]]
    """
    docs = _kept_docs(lines)
    dates = _document_dates(documents)
    norm_hashes = [word_hashes(n)[0] for n in docs.norm]
    matches = _anchor_matches(norm_hashes, anchor=min_words, max_anchor_docs=max_anchor_docs)
    cache_words: dict[int, _DocWords] = {}

    def words(i: int) -> _DocWords:
        if i not in cache_words:
            cache_words[i] = _doc_words_with_offsets(docs.lines[i], docs.raw[i])
        return cache_words[i]

    rows: list[tuple] = []
    pid = 0
    for (i, j), m in sorted(matches.items()):
        pid = _pair_passages(
            rows, m, words(i), words(j), docs.ids[i], docs.ids[j], pid,
            lambda i=i, j=j: _source(docs.ids[i], docs.ids[j], dates),
            min_words=min_words, max_gap=max_gap, min_bridge=min_bridge,
        )  # fmt: skip
    return _passage_frame(rows)


def _pair_passages(
    rows: list[tuple], m: np.ndarray, wa: _DocWords, wb: _DocWords, id_a: str, id_b: str, pid: int,
    source: Callable[[], str], *, min_words: int, max_gap: int, min_bridge: int,
) -> int:  # fmt: skip
    """Append the passage rows of one document pair (anchor matches ``m``); return the next passage id."""
    na, nb = len(wa.hashes), len(wb.hashes)
    src = None
    for p in _chain(_blocks(m, min_words), wa.hashes, wb.hashes, max_gap=max_gap, min_bridge=min_bridge):
        total_a = p[-1][0] + p[-1][2] - p[0][0]
        total_b = p[-1][1] + p[-1][2] - p[0][1]
        if min(total_a, total_b) < min_words:
            continue
        if src is None:
            src = source()
        for ta0, ta1, tb0, tb1 in _segments(p, wa, wb):
            la, lb = int(wa.line[ta0]), int(wb.line[tb0])
            s_a, e_a = int(wa.raw_start[ta0]), int(wa.raw_end[ta1 - 1])
            s_b, e_b = int(wb.raw_start[tb0]), int(wb.raw_end[tb1 - 1])
            rows.append((
                id_a, la, s_a, e_a, id_b, lb, s_b, e_b, ta1 - ta0,
                wa.raw_lines[la][s_a:e_a], pid, total_a, total_a / na, total_b / nb,
                ta0, tb0, tb1 - tb0, src,
            ))  # fmt: skip
        pid += 1
    return pid


def _passage_frame(rows: list[tuple]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=_PASSAGE_COLUMNS)
    ints = ["line_a", "start_a", "end_a", "line_b", "start_b", "end_b", "n_words", "passage",
            "passage_words", "word_a", "word_b", "n_words_b"]  # fmt: skip
    out = out.astype({c: "int64" for c in ints} | {"share_a": "float64", "share_b": "float64"})
    return out.astype({c: "str" for c in ("doc_a", "doc_b", "text", "source_doc")})


def reused_share(lines: pd.DataFrame, passages: pd.DataFrame | None = None, **options) -> pd.DataFrame:
    """Share of each document's words that lie in a passage shared with another document.

    Parameters
    ----------
    lines : pandas.DataFrame
        The ``lines`` table.
    passages : pandas.DataFrame, optional
        Output of :func:`reuse_passages` (computed with ``options`` when absent).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``n_words``, ``reused_words`` (words covered by at least one
        passage, counted once), ``reused_share`` (0.0 for an empty document).

    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "b"], "line": [1, 1], "label": ["content"] * 2,
    ...     "text": [body, body + " وفق ما نقلته صحيفة محلية اليوم"]})
    >>> reused_share(lines).round(3).values.tolist()
    [['a', 13, 13, 1.0], ['b', 19, 13, 0.684]]
    """
    dw = document_words(lines)
    if passages is None:
        passages = reuse_passages(lines, **options)
    covered: dict[str, set[int]] = {}
    if len(passages):
        # A passage covers its whole span in each document, the edited words inside it included.
        spans = passages.assign(
            end_wa=passages["word_a"] + passages["n_words"], end_wb=passages["word_b"] + passages["n_words_b"]
        ).groupby("passage", sort=True)
        agg = spans.agg(
            doc_a=("doc_a", "first"), wa=("word_a", "min"), ea=("end_wa", "max"),
            doc_b=("doc_b", "first"), wb=("word_b", "min"), eb=("end_wb", "max"),
        )  # fmt: skip
        for a, wa, ea, b, wb, eb in agg.itertuples(index=False):
            covered.setdefault(str(a), set()).update(range(int(wa), int(ea)))
            covered.setdefault(str(b), set()).update(range(int(wb), int(eb)))
    reused = np.array([len(covered.get(d, ())) for d in dw["doc_id"]], dtype=np.int64)
    n = dw["n_words"].to_numpy()
    share = np.divide(reused, n, out=np.zeros(len(n), dtype=np.float64), where=n > 0)
    return pd.DataFrame({"doc_id": dw["doc_id"], "n_words": n, "reused_words": reused, "reused_share": share})


def copied_lines(
    lines: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    passages: pd.DataFrame | None = None,
    min_share: float = 0.5,
    **options,
) -> pd.DataFrame:
    """Lines that copy a line of another document, for counting each report once.

    A line of the *copy* document is a copy when reuse passages shared with
    another document cover at least ``min_share`` of its words; ``copy_of_line``
    is the other document's line it overlaps most. Which document is the copy:
    the later one when ``documents`` dates both, else the second in doc_id
    order (so the first in a corpus is treated as the original).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``line``, ``copy_of_doc``, ``copy_of_line``, ``n_words``
        (copied words in the line), sorted by doc_id, line. A line copied from
        several documents names the earliest (then first in doc_id order).

    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "b", "b"], "line": [1, 1, 2], "label": ["content"] * 3,
    ...     "text": [body, "عنوان آخر", body]})
    >>> copied_lines(lines).values.tolist()
    [['b', 2, 'a', 1, 13]]
    """
    if passages is None:
        passages = reuse_passages(lines, documents, **options)
    dates = _document_dates(documents)
    words_per_line = _words_per_line(lines)
    best: dict[tuple[str, int], dict[tuple[str, int], int]] = {}
    for r in passages.itertuples(index=False):
        a, b = str(r.doc_a), str(r.doc_b)
        src = _source(a, b, dates)
        if src == "unknown":
            src = a  # doc_a < doc_b: the first in doc_id order is taken as the original
        if src == a:
            key, val, n = (b, int(r.line_b)), (a, int(r.line_a)), int(r.n_words_b)
        else:
            key, val, n = (a, int(r.line_a)), (b, int(r.line_b)), int(r.n_words)
        best.setdefault(key, {})
        best[key][val] = best[key].get(val, 0) + n
    rows = []
    for (doc, line), sources in best.items():
        total = words_per_line.get((doc, line), 0)
        # Order: most words copied, then earliest source, then doc_id, line.
        (sdoc, sline), n = min(
            sources.items(),
            key=lambda kv: (-kv[1], dates.get(kv[0][0], pd.Timestamp.max.tz_localize("UTC")), kv[0]),
        )
        copied = sum(sources.values())
        if total and min(copied, total) / total >= min_share:
            rows.append((doc, line, sdoc, sline, min(copied, total)))
    out = pd.DataFrame(rows, columns=["doc_id", "line", "copy_of_doc", "copy_of_line", "n_words"])
    out = out.astype({"doc_id": "str", "line": "int64", "copy_of_doc": "str", "copy_of_line": "int64",
                      "n_words": "int64"})  # fmt: skip
    return out.sort_values(["doc_id", "line"], kind="stable").reset_index(drop=True)


def _words_per_line(lines: pd.DataFrame) -> dict[tuple[str, int], int]:
    kept = lines[lines["label"].isin(KEPT_LABELS)]
    # word_hashes counts the words of for_matching(text) for all lines at once.
    _, counts = word_hashes([str(t) for t in kept["text"]])
    return {
        (str(d), int(n)): int(c)
        for d, n, c in zip(kept["doc_id"], kept["line"], counts.tolist(), strict=True)
    }


# --------------------------------------------------------------------------- out of core
@dataclass
class ChunkFeatures:
    """What the cross-document stages need from one chunk of documents, computed where the chunk is.

    Made by :func:`chunk_features` (in a worker process) and added to an
    :class:`OutOfCoreIndex`, which spills the bulky parts to disk.
    """

    ids: np.ndarray  # doc_id (object array of str), sorted
    records: list[bytes]  # per document: pickled (kept line numbers, raw kept lines)
    n_words: np.ndarray  # words per document, as document_words counts them
    doc_hash: np.ndarray  # uint64 stable_hash of the document's words joined by spaces
    has_words: np.ndarray  # bool: the document has a word (exact duplicates need one)
    signatures: np.ndarray  # (n, num_perm) uint32 MinHash
    line_doc: np.ndarray  # document (index into ids) of each kept line
    line_no: np.ndarray  # line number of each kept line
    line_words: np.ndarray  # words of each kept line, as copied_lines counts them
    anchor_hash: np.ndarray  # uint64 hash of each min_words-gram
    anchor_doc: np.ndarray  # its document (index into ids)
    anchor_pos: np.ndarray  # its first word in the document


def chunk_features(
    lines: pd.DataFrame, *, min_words: int = 12, num_perm: int = 128, shingle_size: int = 5, seed: int = 1
) -> ChunkFeatures:
    """The per-document inputs of the duplicates and reuse stages for one chunk of ``lines``.

    Every document of the chunk must be in it whole (its kept lines, or at
    least its line 1, as :func:`newsstudy.engines.kept_lines` keeps them).
    Hashes and signatures are those the in-memory functions compute.

    Parameters
    ----------
    lines : pandas.DataFrame
        ``doc_id``, ``line``, ``label``, ``text`` of the chunk's documents.
    min_words : int
        Anchor length of :func:`reuse_passages`.
    num_perm, shingle_size, seed : int
        MinHash parameters of :func:`duplicate_pairs`.

    Returns
    -------
    ChunkFeatures

    >>> lines = pd.DataFrame({"doc_id": ["b", "a"], "line": [1, 1], "label": ["content"] * 2,
    ...     "text": ["قال مسؤول", "نص"]})
    >>> f = chunk_features(lines)
    >>> f.ids.tolist(), f.n_words.tolist(), f.signatures.shape
    (['a', 'b'], [1, 2], (2, 128))
    """
    import pickle

    docs = _kept_docs(lines)
    texts = docs.joined()
    per_line = [len(r) for r in docs.raw]
    flat_norm = [t for norm in docs.norm for t in norm]
    line_doc = np.repeat(np.arange(len(docs.ids), dtype=np.int64), per_line)
    # Hashed once, line by line: no word crosses a line, so a document's words are its lines'
    # words in order (the hashes of word_hashes(texts)), and normalising is idempotent, so a
    # normalised line has the raw line's words.
    h, norm_counts = word_hashes(flat_norm)
    n = np.bincount(line_doc, weights=norm_counts, minlength=len(docs.ids)).astype(np.int64)
    sh, counts = shingle_hashes(h, n, shingle_size=shingle_size)
    n_words, words = _word_strings(texts)
    grams, gdoc, gpos = _anchor_grams(h, n, min_words)
    return ChunkFeatures(
        ids=docs.ids,
        records=[pickle.dumps((no, raw), protocol=5) for no, raw in zip(docs.lines, docs.raw, strict=True)],
        n_words=n_words,
        doc_hash=np.array([stable_hash(w) for w in words], dtype=np.uint64),
        has_words=n > 0,
        signatures=_signatures_from_shingles(sh, counts, num_perm=num_perm, seed=seed),
        line_doc=line_doc,
        line_no=np.concatenate(docs.lines) if docs.lines else np.zeros(0, dtype=np.int64),
        line_words=norm_counts,
        anchor_hash=grams,
        anchor_doc=gdoc.astype(np.int32),
        anchor_pos=gpos.astype(np.int32),
    )


_ANCHOR_DTYPE = np.dtype([("gram", "<u8"), ("doc", "<i4"), ("pos", "<i4")])
_MATCH_DTYPE = np.dtype([("da", "<i4"), ("db", "<i4"), ("pa", "<i4"), ("pb", "<i4")])


class OutOfCoreIndex:
    """The cross-document state of a corpus, with its bulky parts on disk (kept lines, anchors).

    Chunks of :class:`ChunkFeatures` are added in any order; the index then
    gives the same tables as the in-memory :func:`duplicate_pairs`,
    :func:`reuse_passages`, :func:`reused_share` and :func:`copied_lines`
    on the whole corpus, with memory that does not grow with the texts:

    - kept lines go to one file of pickled per-document records (read back
      only for documents that pair);
    - anchors go to ``partitions`` files by their hash; each partition holds
      every occurrence of its grams, so the boilerplate rule
      (``max_anchor_docs``) is decided there exactly, and the matching anchor
      positions of each document pair go to ``partitions`` files by ranges of
      the first document;
    - in memory stay per document: the id, MinHash signature, word counts and
      a date; per kept line: its number and word count.

    Parameters
    ----------
    directory : str or Path
        A folder for the temporary files (created; removed by :meth:`close`).
    partitions : int
        Number of anchor (and pair) partitions; each holds about
        1/``partitions`` of the anchors (16 bytes per word of the corpus).
    cache_docs : int
        Documents whose words and offsets are kept between pairs.

    Examples
    --------
    >>> import tempfile
    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "b"], "line": [1, 1], "label": ["content"] * 2,
    ...     "text": [body, body + " اليوم"]})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     index = OutOfCoreIndex(tmp + "/index")
    ...     index.add(chunk_features(lines))
    ...     passages = pd.concat(index.reuse_passages())
    ...     index.close()
    >>> passages[["doc_a", "doc_b", "n_words"]].values.tolist()
    [['a', 'b', 13]]
    """

    def __init__(self, directory, *, partitions: int = 64, cache_docs: int = 8192) -> None:
        from pathlib import Path

        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=False)
        self.partitions = int(partitions)
        self.cache_docs = cache_docs
        self._records = open(self.directory / "kept.bin", "wb")  # open until close()
        self._record_end = 0
        self._ids: list[np.ndarray] = []
        self._offsets: list[np.ndarray] = []
        names = ("n_words", "doc_hash", "has_words", "signatures", "line_doc", "line_no", "line_words")
        self._parts: dict[str, list[np.ndarray]] = {k: [] for k in names}
        self._dates: dict[str, pd.Timestamp] | None = None
        self.n_docs = 0
        self._final: dict | None = None
        self._reader = None
        self._cache: dict[int, _DocWords] = {}

    # ----------------------------------------------------------------- adding
    def add(self, features: ChunkFeatures) -> None:
        """Add one chunk's features (documents not seen before)."""
        if self._final is not None:
            raise RuntimeError("the index is finished: no more chunks")
        base = self.n_docs
        lengths = np.fromiter((len(r) for r in features.records), dtype=np.int64, count=len(features.records))
        self._records.write(b"".join(features.records))
        self._offsets.append(self._record_end + np.concatenate(([0], np.cumsum(lengths))))
        self._record_end += int(lengths.sum())
        self._ids.append(np.asarray(features.ids, dtype=object))
        for k in self._parts:
            value = getattr(features, k)
            self._parts[k].append(value + base if k == "line_doc" else value)
        rows = np.empty(len(features.anchor_hash), dtype=_ANCHOR_DTYPE)
        rows["gram"] = features.anchor_hash
        rows["doc"] = features.anchor_doc + base
        rows["pos"] = features.anchor_pos
        self._spill(rows, (features.anchor_hash >> _U64(58 - 6)) % _U64(self.partitions), "anchors")
        self.n_docs += len(features.ids)

    def _spill(self, rows: np.ndarray, part: np.ndarray, name: str) -> None:
        """Append ``rows`` to the files of their partitions."""
        if not len(rows):
            return
        order = np.argsort(part, kind="stable")
        part = part[order]
        cuts = np.flatnonzero(np.concatenate(([True], part[1:] != part[:-1]))).tolist()
        for lo, hi in zip(cuts, [*cuts[1:], len(part)], strict=True):
            with open(self.directory / f"{name}-{int(part[lo]):04d}.bin", "ab") as fh:
                fh.write(rows[order[lo:hi]].tobytes())

    # ----------------------------------------------------------------- finishing
    def _finish(self) -> dict:
        if self._final is not None:
            return self._final
        self._records.close()
        ids = np.concatenate(self._ids) if self._ids else np.zeros(0, dtype=object)
        order = np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)
        if len(set(ids.tolist())) != len(ids):
            raise ValueError("a doc_id occurs in two chunks")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[order] = np.arange(len(ids))
        offsets = [o[:-1] for o in self._offsets]
        start = np.concatenate(offsets) if offsets else np.zeros(0, dtype=np.int64)
        ends = [o[1:] for o in self._offsets]
        end = np.concatenate(ends) if ends else np.zeros(0, dtype=np.int64)

        def cat(name: str, dtype) -> np.ndarray:
            parts = self._parts.pop(name)
            return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)

        line_doc = rank[cat("line_doc", np.int64)]
        line_no = cat("line_no", np.int64)
        line_words = cat("line_words", np.int64)
        by_line = np.lexsort((line_no, line_doc))
        sig = self._parts.pop("signatures")
        self._final = {
            "ids": ids[order],
            "rank": rank,
            "start": start[order],
            "end": end[order],
            "n_words": cat("n_words", np.int64)[order],
            "doc_hash": cat("doc_hash", np.uint64)[order],
            "has_words": cat("has_words", bool)[order],
            "signatures": np.concatenate(sig)[order] if sig else None,
            "line_key": (line_doc[by_line] << 32) | line_no[by_line],
            "line_words": line_words[by_line],
        }
        self._ids, self._offsets = [], []
        return self._final

    @property
    def ids(self) -> np.ndarray:
        """The doc_ids in sorted order (the index of a document everywhere below)."""
        return self._finish()["ids"]

    def signatures(self) -> tuple[np.ndarray, np.ndarray]:
        """``(doc_ids, signatures)`` in sorted order, as :func:`document_signatures` gives them."""
        final = self._finish()
        return final["ids"], final["signatures"]

    def kept_lines(self, i: int) -> tuple[np.ndarray, list[str]]:
        """Line numbers and raw texts of document ``i``'s kept lines, read back from disk."""
        import pickle

        final = self._finish()
        if self._reader is None:
            self._reader = os.open(self.directory / "kept.bin", os.O_RDONLY)  # open until close()
        start = int(final["start"][i])
        return pickle.loads(os.pread(self._reader, int(final["end"][i]) - start, start))

    def lines(self, docs: Iterable[int] | None = None) -> pd.DataFrame:
        """A ``lines`` table (kept lines only, ``label`` ``content``) of some documents (all by default).

        For study-sized corpora: it holds their texts in memory.
        """
        rows = []
        for i in range(self.n_docs) if docs is None else docs:
            no, raw = self.kept_lines(i)
            doc = self.ids[i]
            if not len(no):  # every document has a row, as engines.kept_lines gives it line 1
                rows.append((doc, 1, "blank", ""))
            rows.extend((doc, int(n), "content", t) for n, t in zip(no.tolist(), raw, strict=True))
        return pd.DataFrame(rows, columns=["doc_id", "line", "label", "text"]).astype(
            {"doc_id": "str", "line": "int64", "label": "str", "text": "str"}
        )

    def _words(self, i: int) -> _DocWords:
        found = self._cache.get(i)
        if found is None:
            if len(self._cache) >= self.cache_docs:
                del self._cache[next(iter(self._cache))]
            found = self._cache[i] = _doc_words_with_offsets(*self.kept_lines(i))
        return found

    def set_dates(self, documents: pd.DataFrame | None) -> None:
        """Dates for the direction of reuse: a ``doc_id``, ``date`` table (as for :func:`reuse_passages`)."""
        self._dates = _document_dates(documents)

    def close(self) -> None:
        """Close and remove the temporary files."""
        import shutil

        if not self._records.closed:
            self._records.close()
        if self._reader is not None:
            os.close(self._reader)
            self._reader = None
        self._cache.clear()
        shutil.rmtree(self.directory, ignore_errors=True)

    # ----------------------------------------------------------------- tables
    def _pair_files(self, *, max_anchor_docs: int) -> list:
        """Spill the matching anchor positions of every pair, by ranges of the first document."""
        from pathlib import Path

        final = self._finish()
        n = max(self.n_docs, 1)
        for f in sorted(Path(self.directory).glob("matches-*.bin")):
            f.unlink()
        for path in sorted(Path(self.directory).glob("anchors-*.bin")):
            rows = np.fromfile(path, dtype=_ANCHOR_DTYPE)
            doc = final["rank"][rows["doc"]]
            da, db, pa, pb = _gram_pairs(rows["gram"], doc, rows["pos"], max_anchor_docs=max_anchor_docs)
            del rows, doc
            out = np.empty(len(da), dtype=_MATCH_DTYPE)
            out["da"], out["db"], out["pa"], out["pb"] = da, db, pa, pb
            self._spill(out, (da * self.partitions) // n, "matches")
        return sorted(Path(self.directory).glob("matches-*.bin"))

    def reuse_passages(
        self, *, min_words: int = 12, max_gap: int = 2, min_bridge: int = 3, max_anchor_docs: int = 50
    ) -> Iterator[pd.DataFrame]:
        """The rows of :func:`reuse_passages` on the whole corpus, in its order, as a few frames.

        ``min_words`` must be the anchor length the features were computed with.
        Dates come from :meth:`set_dates`. Concatenated, the frames (at least
        one, maybe empty) equal ``reuse_passages(lines, documents)`` of the corpus.
        """
        ids = self.ids
        dates = self._dates or {}
        pid = 0
        yielded = False
        for path in self._pair_files(max_anchor_docs=max_anchor_docs):
            m = np.fromfile(path, dtype=_MATCH_DTYPE)
            groups = _pair_groups(*(m[k].astype(np.int64) for k in ("da", "db", "pa", "pb")))
            del m
            rows: list[tuple] = []
            for i, j, matches in groups:
                pid = _pair_passages(
                    rows, matches, self._words(i), self._words(j), ids[i], ids[j], pid,
                    lambda i=i, j=j: _source(ids[i], ids[j], dates),
                    min_words=min_words, max_gap=max_gap, min_bridge=min_bridge,
                )  # fmt: skip
            path.unlink()
            yielded = True
            yield _passage_frame(rows)
        self._cache.clear()
        if not yielded:
            yield _passage_frame([])

    def duplicate_pairs(
        self, *, threshold: float = 0.8, verify: bool = True, shingle_size: int = 5,
        candidates: pd.DataFrame | None = None,
    ) -> pd.DataFrame:  # fmt: skip
        """:func:`duplicate_pairs` of the whole corpus (``shingle_size`` as the features were made with).

        Shingle sets of candidate pairs are rebuilt from the kept lines on disk.
        """
        final = self._finish()
        ids = final["ids"]
        sig = final["signatures"]
        if sig is None:
            return _pair_frame([])
        cand = _candidate_indices(ids, candidates) if candidates is not None else lsh_candidate_pairs(
            sig, threshold=threshold
        )  # fmt: skip
        if verify:
            sets: dict[int, np.ndarray] = {}

            def shingles(i: int) -> np.ndarray:
                found = sets.get(i)
                if found is None:
                    if len(sets) >= self.cache_docs:
                        del sets[next(iter(sets))]
                    _, raw = self.kept_lines(i)
                    h, n = word_hashes(["\n".join(for_matching(t) for t in raw)])
                    found = sets[i] = np.unique(shingle_hashes(h, n, shingle_size=shingle_size)[0])
                return found

            jac = np.array(
                [_set_jaccard(shingles(i), shingles(j)) for i, j in cand.tolist()], dtype=np.float64
            )
        else:
            jac = estimated_jaccard(sig, cand)
        keep = jac >= threshold
        found = {(int(i), int(j)): float(x) for (i, j), x in zip(cand[keep], jac[keep], strict=True)}
        exact = set()
        has = np.flatnonzero(final["has_words"])
        hashes = final["doc_hash"][has]
        order = np.argsort(hashes, kind="stable")
        hs, members = hashes[order], has[order]
        cuts = np.flatnonzero(np.concatenate(([True], hs[1:] != hs[:-1]))) if len(hs) else np.zeros(0, int)
        for lo, hi in zip(cuts.tolist(), [*cuts[1:].tolist(), len(hs)], strict=True):
            g = members[lo:hi].tolist()
            exact.update((g[x], g[y]) for x in range(len(g)) for y in range(x + 1, len(g)))
        rows = [(ids[i], ids[j], "exact", 1.0) for i, j in exact]
        rows += [(ids[i], ids[j], "near", x) for (i, j), x in found.items() if (i, j) not in exact]
        return _pair_frame(rows)

    def _doc_numbers(self, docs: pd.Series) -> np.ndarray:
        """Indices (into :attr:`ids`) of doc_ids, or the column itself when it holds indices already."""
        if pd.api.types.is_integer_dtype(docs.dtype):
            return docs.to_numpy(np.int64)
        return pd.Index(self.ids).get_indexer(docs).astype(np.int64)

    def compact_passages(self, passages: pd.DataFrame) -> pd.DataFrame:
        """The columns of passage rows that :meth:`reused_share` and :meth:`copied_lines` read, compactly.

        ``doc_a``/``doc_b`` become indices into :attr:`ids` (int32), the other columns int32: about
        a third of the memory of the same columns with doc_ids.
        """
        out = pd.DataFrame({c: passages[c].to_numpy(np.int32) for c in _SPAN_INTS})
        out.insert(1, "doc_a", self._doc_numbers(passages["doc_a"]).astype(np.int32))
        out.insert(5, "doc_b", self._doc_numbers(passages["doc_b"]).astype(np.int32))
        return out

    def reused_share(self, spans: pd.DataFrame) -> pd.DataFrame:
        """:func:`reused_share` from the passage spans (``passage``, ``doc_a``, ``word_a``, ``n_words``,
        ``doc_b``, ``word_b``, ``n_words_b`` of all passage rows; doc_a/doc_b as doc_ids or as indices
        into :attr:`ids`, see :meth:`compact_passages`)."""
        final = self._finish()
        ids = final["ids"]
        n = final["n_words"]
        reused = np.zeros(len(ids), dtype=np.int64)
        if len(spans):
            agg = spans.assign(
                end_wa=spans["word_a"] + spans["n_words"], end_wb=spans["word_b"] + spans["n_words_b"]
            ).groupby("passage", sort=True).agg(
                doc_a=("doc_a", "first"), wa=("word_a", "min"), ea=("end_wa", "max"),
                doc_b=("doc_b", "first"), wb=("word_b", "min"), eb=("end_wb", "max"),
            )  # fmt: skip
            doc = np.concatenate((self._doc_numbers(agg["doc_a"]), self._doc_numbers(agg["doc_b"])))
            lo = np.concatenate((agg["wa"].to_numpy(), agg["wb"].to_numpy())).astype(np.int64)
            hi = np.concatenate((agg["ea"].to_numpy(), agg["eb"].to_numpy())).astype(np.int64)
            reused = _covered_words(doc, lo, hi, len(ids))
        share = np.divide(reused, n, out=np.zeros(len(n), dtype=np.float64), where=n > 0)
        return pd.DataFrame({"doc_id": pd.Series(ids, dtype="str"), "n_words": n, "reused_words": reused,
                             "reused_share": share})  # fmt: skip

    def copied_lines(self, passages: pd.DataFrame, *, min_share: float = 0.5) -> pd.DataFrame:
        """:func:`copied_lines` from passage rows (``doc_a``, ``line_a``, ``doc_b``, ``line_b``,
        ``n_words``, ``n_words_b`` suffice; doc_a/doc_b as in :meth:`reused_share`), with the dates
        of :meth:`set_dates`."""
        final = self._finish()
        ids = final["ids"]
        columns = ["doc_id", "line", "copy_of_doc", "copy_of_line", "n_words"]
        if len(passages) == 0:
            return _copies_frame(pd.DataFrame(columns=columns))
        index = pd.Index(ids)
        a = self._doc_numbers(passages["doc_a"])
        b = self._doc_numbers(passages["doc_b"])
        dates = self._dates or {}
        stamp = np.full(len(ids), np.iinfo(np.int64).max, dtype=np.int64)
        if dates:
            known = index.get_indexer(list(dates))
            values = np.array([pd.Timestamp(v).value for v in dates.values()], dtype=np.int64)
            stamp[known[known >= 0]] = values[known >= 0]
        has = stamp != np.iinfo(np.int64).max
        ta, tb = stamp[a], stamp[b]
        # The source: the earlier when both are dated and differ, else doc_a (first in doc_id order).
        b_first = has[a] & has[b] & (tb < ta)
        la, lb = passages["line_a"].to_numpy(np.int64), passages["line_b"].to_numpy(np.int64)
        na, nb = passages["n_words"].to_numpy(np.int64), passages["n_words_b"].to_numpy(np.int64)
        frame = pd.DataFrame({
            "kd": np.where(b_first, a, b), "kl": np.where(b_first, la, lb),
            "sd": np.where(b_first, b, a), "sl": np.where(b_first, lb, la), "n": np.where(b_first, na, nb),
        })  # fmt: skip
        per_source = frame.groupby(["kd", "kl", "sd", "sl"], sort=False)["n"].sum().reset_index()
        per_source["t"] = stamp[per_source["sd"].to_numpy()]
        per_source["neg"] = -per_source["n"]
        ranked = per_source.sort_values(["kd", "kl", "neg", "t", "sd", "sl"], kind="stable")
        best = ranked.drop_duplicates(["kd", "kl"], keep="first").set_index(["kd", "kl"])
        copied = per_source.groupby(["kd", "kl"])["n"].sum()
        best = best.assign(copied=copied.reindex(best.index).to_numpy()).reset_index()
        key = (best["kd"].to_numpy(np.int64) << 32) | best["kl"].to_numpy(np.int64)
        # Words in each copied line (0 for a line that is not kept, as in copied_lines).
        line_key = np.concatenate((final["line_key"], [np.iinfo(np.int64).max]))
        line_words = np.concatenate((final["line_words"], [0]))
        pos = np.searchsorted(line_key, key)
        total = np.where(line_key[pos] == key, line_words[pos], 0)
        used = np.minimum(best["copied"].to_numpy(np.int64), total)
        ok = (total > 0) & (used / np.maximum(total, 1) >= min_share)
        best = best[ok]
        out = pd.DataFrame({
            "doc_id": ids[best["kd"].to_numpy()], "line": best["kl"].to_numpy(),
            "copy_of_doc": ids[best["sd"].to_numpy()], "copy_of_line": best["sl"].to_numpy(),
            "n_words": used[ok],
        })  # fmt: skip
        out = out.sort_values(["doc_id", "line"], kind="stable").reset_index(drop=True)
        return _copies_frame(out)


_SPAN_INTS = ["passage", "line_a", "word_a", "n_words", "line_b", "word_b", "n_words_b"]


def _copies_frame(out: pd.DataFrame) -> pd.DataFrame:
    return out.astype({"doc_id": "str", "line": "int64", "copy_of_doc": "str", "copy_of_line": "int64",
                       "n_words": "int64"})  # fmt: skip


def _pair_frame(rows: list[tuple]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=_PAIR_COLUMNS)
    out = out.astype({"doc_a": "str", "doc_b": "str", "kind": "str", "jaccard": "float64"})
    return out.sort_values(["doc_a", "doc_b"], kind="stable").reset_index(drop=True)


def _covered_words(doc: np.ndarray, lo: np.ndarray, hi: np.ndarray, n_docs: int) -> np.ndarray:
    """Per document, the number of word positions in the union of its intervals ``[lo, hi)``.

    >>> _covered_words(np.array([0, 0, 1]), np.array([0, 5, 2]), np.array([10, 12, 4]), 3).tolist()
    [12, 2, 0]
    """
    out = np.zeros(n_docs, dtype=np.int64)
    if not len(doc):
        return out
    # Offset every document's positions past the previous document's, so one running maximum
    # of the ends serves all documents: an interval adds only what lies beyond the furthest end so far.
    big = int(max(hi.max(), lo.max(), 0)) + 1
    lo2 = lo.astype(np.int64) + doc.astype(np.int64) * big
    hi2 = hi.astype(np.int64) + doc.astype(np.int64) * big
    order = np.lexsort((lo2,))
    lo2, hi2, doc = lo2[order], hi2[order], doc[order]
    reach = np.maximum.accumulate(hi2)
    prev = np.concatenate(([np.iinfo(np.int64).min], reach[:-1]))
    np.add.at(out, doc, np.maximum(hi2 - np.maximum(lo2, prev), 0))
    return out
