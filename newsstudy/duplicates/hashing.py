"""Words and their stable hashes: code-point tables, word and shingle hashes.

A *word* is a maximal run of word characters (letters, digits, combining marks,
``_``) in the text as :func:`newsstudy.normalize.for_matching` makes it. Words
are found and hashed for many texts at once through per-code-point tables
(filled lazily, one 256-character block at a time); every hash is stable
arithmetic or BLAKE2b, never Python's salted ``hash()``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from newsstudy.normalize import for_matching, image_codes

__all__ = ["shingle_hashes", "stable_hash", "word_hashes"]

_U64 = np.uint64
_MASK32 = _U64(0xFFFFFFFF)
# Odd 64-bit multipliers (from SplitMix64 / MurmurHash3); wrapping uint64
# arithmetic is the modulo 2**64, identical on every platform.
_MUL_WORD = _U64(0x9E3779B97F4A7C15)
_MUL_SHINGLE = _U64(0xBF58476D1CE4E5B9)
_FMIX_C1 = _U64(0xFF51AFD7ED558CCD)
_FMIX_C2 = _U64(0xC4CEB9FE1A85EC53)
# Codepoints at and above this are never word characters (no letters there yet).
_WORD_TABLE_SIZE = 0x30000
_TABLE_SIZE = 0x110000


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
        seen = np.zeros(len(self.done), dtype=bool)
        seen[cps >> 8] = True  # the blocks present (a scatter: cheaper than counting them)
        todo = np.flatnonzero(seen & ~self.done).tolist()
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


def _geometric(ratio: int, size: int) -> np.ndarray:
    """``ratio**i`` modulo 2**64 for ``i < size``, by doubling: ``out[k:2k] = out[:k] * ratio**k``.

    Equal to a ``cumprod`` of ``ratio`` (multiplication modulo 2**64 is exact), in ``log2(size)``
    vectorised products instead of one sequential pass (about 3 times faster).

    >>> _geometric(3, 6).tolist(), int(_geometric(2**63, 3)[2])
    ([1, 3, 9, 27, 81, 243], 0)
    """
    out = np.empty(size, dtype=np.uint64)  # each entry written once (zeroing first costs as much)
    out[:1] = 1
    k = 1
    while k < size:
        m = min(k, size - k)
        np.multiply(out[:m], _U64(pow(ratio, k, 1 << 64)), out=out[k : k + m])
        k += m
    return out


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**i`` and ``P**-i`` modulo 2**64 for ``i < n`` (P odd, so invertible), grown on demand."""
    if len(_POW[0]) < n:
        size = max(n, 2 * len(_POW[0]))
        inv = pow(int(_MUL_WORD), -1, 1 << 64)
        _POW[:] = [_geometric(int(_MUL_WORD), size), _geometric(inv, size)]
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
    # A text now holds word characters and spaces only, so its words joined are ``" ".join(part.split())``:
    # made with arrays, without a list of words per text. A space is kept right after a word character
    # only (one per run), and dropped again before a joining newline or at the end.
    space = out == 0x20
    kept = ~space
    kept[1:] |= space[1:] & ~space[:-1] & (out[:-1] != 0x0A)
    out = out[kept]
    last = np.zeros(len(out), dtype=bool)
    last[:-1] = (out[:-1] == 0x20) & (out[1:] == 0x0A)
    last[-1:] = out[-1:] == 0x20
    joined = out[~last].tobytes().decode("utf-32-le", "surrogatepass").split("\n")
    return np.array([w.count(" ") + 1 if w else 0 for w in joined], dtype=np.int64), joined


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


def _words_of(norm_text: str) -> list[str]:
    starts, ends = _word_bounds(_codepoints(norm_text))
    return [norm_text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
