"""Arabic normalisation for matching (ANNOTATION.md section 6).

Matching-normalised text is for comparing and searching only; it is never shown
as the article. Each small function below does one thing and can be composed;
:func:`for_matching` applies the whole matching set in one fast pass, and
:func:`for_matching_with_offsets` also returns an :class:`OffsetMap` so that a
match found in normalised text can be mapped back to character offsets in the
raw text (attribution spans and reuse passages need this).

The character tables live in ``newsstudy/data/charmap.json``.

How :func:`for_matching` works, and why: every raw character is replaced by a
fixed string (its NFKC form, then the character maps, with diacritics, tatweel
and invisible marks deleted), and then runs of whitespace are collapsed to one
space and the ends stripped. Working character by character keeps an exact
map from every output character back to the raw character it came from. It
differs from whole-string NFKC only in canonical *composition* across
characters (letter + combining mark), and since combining Arabic marks are
deleted anyway, ``ا`` + hamza-above and ``أ`` both end as ``ا``.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from newsstudy.paths import DATA_DIR

__all__ = [
    "OffsetMap",
    "alef",
    "alef_maqsura",
    "diacritics",
    "digits",
    "for_matching",
    "for_matching_all",
    "for_matching_with_offsets",
    "invisible",
    "nfkc",
    "persian_letters",
    "quotes",
    "ta_marbuta",
    "tatweel",
    "whitespace",
]


@cache
def _charmap() -> dict:
    with (DATA_DIR / "charmap.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _group(name: str) -> dict[int, str]:
    return {ord(k): v for k, v in _charmap()[name].items()}


@cache
def _diacritic_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _charmap()["diacritic_ranges"]:
        for cp in range(ord(lo), ord(hi) + 1):
            table[cp] = ""
    return table


def _translator(name: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        return text.translate(_table(name))

    return apply


@cache
def _table(name: str) -> dict[int, str]:
    return _diacritic_table() if name == "diacritics" else _group(name)


def tatweel(text: str) -> str:
    """Remove tatweel (kashida, U+0640).

    >>> tatweel("مـــرحبا")
    'مرحبا'
    """
    return text.translate(_table("tatweel"))


def diacritics(text: str) -> str:
    """Remove Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks).

    >>> diacritics("مُحَمَّدٌ")
    'محمد'
    """
    return text.translate(_table("diacritics"))


def alef(text: str) -> str:
    """Unify alef forms (أ إ آ ٱ) to bare alef ا.

    >>> alef("أحمد إلى آخر")
    'احمد الى اخر'
    """
    return text.translate(_table("alef"))


def alef_maqsura(text: str) -> str:
    """Map alef maqsura ى to ya ي.

    >>> alef_maqsura("على")
    'علي'
    """
    return text.translate(_table("alef_maqsura"))


def ta_marbuta(text: str) -> str:
    """Map ta marbuta ة to ha ه.

    >>> ta_marbuta("مدينة")
    'مدينه'
    """
    return text.translate(_table("ta_marbuta"))


def persian_letters(text: str) -> str:
    """Map Persian/Urdu ya and kaf (ی ک) to the Arabic letters (ي ك).

    >>> persian_letters("فی")
    'في'
    """
    return text.translate(_table("persian_letters"))


def digits(text: str) -> str:
    """Map Arabic-Indic and Persian digits to ASCII digits.

    >>> digits("٢٠٢٤ و۱۲")
    '2024 و12'
    """
    return text.translate(_table("digits"))


def quotes(text: str) -> str:
    """Map curly quotes and guillemets to plain ASCII quotes.

    >>> quotes("«نص» “text”")
    '"نص" "text"'
    """
    return text.translate(_table("quotes"))


def invisible(text: str) -> str:
    """Remove zero-width characters, bidi controls, soft hyphens and BOMs.

    >>> invisible("a\\u200fb\\u200bc")
    'abc'
    """
    return text.translate(_table("invisible"))


def whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends.

    Whitespace is what :meth:`str.isspace` says it is (``str.split``'s rule), the
    same rule the offset map uses, so the two never disagree.

    >>> whitespace("  a \\t\\u00a0 b\\n\\x1f")
    'a b'
    """
    return " ".join(text.split())


def nfkc(text: str) -> str:
    """Apply Unicode NFKC (folds presentation forms such as ﻻ to لا).

    >>> nfkc("ﻻ")
    'لا'
    """
    return unicodedata.normalize("NFKC", text)


_CHAR_STEPS: tuple[str, ...] = (
    "invisible",
    "tatweel",
    "diacritics",
    "alef",
    "alef_maqsura",
    "ta_marbuta",
    "persian_letters",
    "digits",
    "quotes",
)


def _char_once(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    for step in _CHAR_STEPS:
        out = out.translate(_table(step))
    # Whitespace is not touched here: it is collapsed in a second pass.
    return out


@cache
def _char_image(ch: str) -> str:
    """The fixed point of the per-character map (so normalising twice changes nothing)."""
    out = _char_once(ch)
    for _ in range(4):
        nxt = "".join(_char_once(c) for c in out)
        if nxt == out:
            return out
        out = nxt
    return out


class _LazyTable(dict):
    """A ``str.translate`` table that computes each character's image on first use."""

    def __missing__(self, cp: int) -> str | int:
        image = _char_image(chr(cp))
        value: str | int = cp if image == chr(cp) else image
        self[cp] = value
        return value


_TABLE = _LazyTable()


def for_matching(text: str) -> str:
    """Normalise text for matching: the full set of ANNOTATION.md section 6.

    Removes tatweel, diacritics and invisible marks; unifies alef forms, final
    ى, ة, Persian ی/ک; maps Arabic-Indic and Persian digits to ASCII and curly
    quotes and guillemets to plain ones; applies NFKC; collapses whitespace.

    Parameters
    ----------
    text : str
        Raw text (a line or a whole article).

    Returns
    -------
    str
        Matching-normalised text. Never shown as the article.

    >>> for_matching("قالَ  مسؤولٌ أميركيّ ـ «رويترز» ٢٠٢٤")
    'قال مسؤول اميركي "رويترز" 2024'
    """
    if len(text) < _VECTOR_MIN:
        return " ".join(text.translate(_TABLE).split())
    return for_matching_all([text])[0]


def for_matching_all(texts: Sequence[str]) -> list[str]:
    """:func:`for_matching` of each text, computed for all of them at once.

    The same result as ``[for_matching(t) for t in texts]``, several times
    faster on many texts: every character goes through one NumPy table of the
    per-character map and whitespace is collapsed with array operations, so the
    Python cost is per batch, not per character. Texts holding a character
    whose image has several characters (ligatures such as ``ﷺ``) take the plain
    path.

    Parameters
    ----------
    texts : sequence of str

    Returns
    -------
    list of str
        One matching-normalised text per input text, in order.

    >>> for_matching_all(["  قالَ  مسؤولٌ ", "", "ﻻ ٢٠٢٤"])
    ['قال مسؤول', '', 'لا 2024']
    """
    texts = list(texts)
    if not texts:
        return []
    # The texts joined by one separator character each, whose code is then set to
    # _BOUNDARY (whatever the character is, so any text is safe).
    images = _CODES.images(_codepoints("\x00".join(texts) + "\x00"))
    bounds = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1) - 1
    images[bounds] = _BOUNDARY
    multi = np.flatnonzero(images == _MULTI)
    slow: list[int] = []
    if len(multi):
        # Texts with a multi-character image come out empty here and are done apart.
        slow = np.unique(np.searchsorted(bounds, multi)).tolist()
        for i in slow:
            images[bounds[i] - len(texts[i]) : bounds[i]] = _DELETE
    images = images[images != _DELETE]
    # A space at the start of its text or after another space goes ...
    space = images == _SPACE
    drop = np.empty(len(images), dtype=bool)
    drop[0] = space[0]
    np.logical_and(space[1:], images[:-1] < 0, out=drop[1:])  # after a space or a boundary
    images = images[~drop]
    # ... and so does one left at the end of its text (just before its boundary).
    drop = np.zeros(len(images), dtype=bool)
    np.logical_and(images[:-1] == _SPACE, images[1:] == _BOUNDARY, out=drop[:-1])
    images = images[~drop]
    ends = np.flatnonzero(images == _BOUNDARY)
    images[images == _SPACE] = 0x20
    images[ends] = 0x0A
    joined = images.view(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    starts = [0, *(ends[:-1] + 1).tolist()]
    out = [joined[a:b] for a, b in zip(starts, ends.tolist(), strict=True)]
    for i in slow:
        out[i] = " ".join(texts[i].translate(_TABLE).split())
    return out


# Below these lengths the per-call cost of NumPy outweighs its speed (measured on ANT
# lines): str.translate, or the character loop for offsets, is used instead.
_VECTOR_MIN = 768
_OFFSETS_VECTOR_MIN = 192

# Codes of the code-point table (beside images >= 0, which are single code points).
_DELETE, _SPACE, _MULTI, _UNKNOWN, _BOUNDARY = -1, -2, -3, -4, -5


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


class _CodeTable:
    """The per-character map of :func:`for_matching` as a NumPy table over code points.

    Filled lazily in blocks of 256 code points from :func:`_char_image`, so the
    table and the ``str.translate`` path can never disagree. Each entry is the
    image's code point, or ``_DELETE`` (image empty), ``_SPACE`` (image is one
    whitespace character) or ``_MULTI`` (image has several characters).
    """

    def __init__(self) -> None:
        self.table = np.full(0x110000, _UNKNOWN, dtype=np.int32)

    def images(self, cps: np.ndarray) -> np.ndarray:
        """Image codes of the code points (filling the table where needed)."""
        images = self.table[cps]
        unknown = images == _UNKNOWN
        if unknown.any():
            for block in np.unique(cps[unknown] >> 8).tolist():
                self._fill(block)
            images = self.table[cps]
        return images

    def _fill(self, block: int) -> None:
        for cp in range(block << 8, (block + 1) << 8):
            image = _char_image(chr(cp))
            if image == "":
                code = _DELETE
            elif len(image) > 1:
                code = _MULTI
            elif image.isspace():
                code = _SPACE
            else:
                code = ord(image)
            self.table[cp] = code


_CODES = _CodeTable()


def image_codes(cps: np.ndarray) -> np.ndarray:
    """What :func:`for_matching` makes of each code point, as codes (for vectorised callers).

    A code point's image if it is one character, else ``-1`` (deleted), ``-2``
    (one whitespace character) or ``-3`` (several characters: such text must go
    through :func:`for_matching` itself). One table serves every caller, so they
    cannot disagree with :func:`for_matching`.

    >>> image_codes(np.array([ord("أ"), 0x064E, ord(" "), 0xFDFA], dtype=np.uint32)).tolist() == [
    ...     ord("ا"), -1, -2, -3]
    True
    """
    return _CODES.images(np.asarray(cps, dtype=np.uint32))


@dataclass(frozen=True)
class OffsetMap:
    """Normalised text plus where each of its characters came from in the raw text.

    Attributes
    ----------
    text : str
        The matching-normalised text (equal to ``for_matching(raw)``).
    starts, ends : tuple of int
        For normalised character ``i``, the raw characters ``raw[starts[i]:ends[i]]``
        produced it (``ends`` also covers marks deleted right after it, so that a
        word's span keeps its own diacritics).
    raw_length : int
        Length of the raw text.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    raw_length: int

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of normalised text to raw offsets.

        >>> m = for_matching_with_offsets("قالَ مسؤولٌ")
        >>> m.text
        'قال مسؤول'
        >>> m.raw_span(4, 9)
        (5, 11)
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside normalised text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else self.raw_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def for_matching_with_offsets(text: str) -> OffsetMap:
    """Normalise like :func:`for_matching` and keep the map back to raw offsets.

    >>> m = for_matching_with_offsets("  أَحمد   ﻻ")
    >>> m.text
    'احمد لا'
    >>> m.raw_span(0, 4), m.raw_span(5, 7)
    ((2, 7), (10, 11))
    """
    if len(text) >= _OFFSETS_VECTOR_MIN:
        mapped = _offsets_vectorised(text)
        if mapped is not None:
            return mapped
    return _offsets_by_character(text)


def _offsets_vectorised(text: str) -> OffsetMap | None:
    """:func:`for_matching_with_offsets` with array operations (None if a ligature needs the loop).

    Each kept character ``i`` spans ``[i, j)`` where ``j`` is the next raw
    character that is not deleted (so marks deleted right after it join it);
    a space stands between two kept characters with whitespace between them and
    spans from the end of the one before to the start of the one after.
    """
    images = _CODES.images(_codepoints(text))
    if (images == _MULTI).any():
        return None
    kept = np.flatnonzero((images != _DELETE) & (images != _SPACE))
    if not len(kept):
        return OffsetMap("", (), (), len(text))
    not_deleted = np.flatnonzero(images != _DELETE)
    after = np.searchsorted(not_deleted, kept, side="right")
    kept_ends = np.append(not_deleted, len(text))[after]
    spaces_before = np.concatenate(([0], np.cumsum(images == _SPACE)))
    gap = np.zeros(len(kept), dtype=bool)
    gap[1:] = spaces_before[kept[1:]] > spaces_before[kept[:-1] + 1]
    at = np.arange(len(kept)) + np.cumsum(gap)
    size = len(kept) + int(gap.sum())
    codes = np.full(size, 0x20, dtype=np.uint32)
    starts = np.empty(size, dtype=np.int64)
    ends = np.empty(size, dtype=np.int64)
    codes[at], starts[at], ends[at] = images[kept], kept, kept_ends
    spaced = np.flatnonzero(gap)
    starts[at[spaced] - 1], ends[at[spaced] - 1] = kept_ends[spaced - 1], kept[spaced]
    normalised = codes.tobytes().decode("utf-32-le", "surrogatepass")
    return OffsetMap(normalised, tuple(starts.tolist()), tuple(ends.tolist()), len(text))


def _offsets_by_character(text: str) -> OffsetMap:
    out_chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        image = _char_image(ch)
        if not image:
            # A deleted mark directly after a character of the same word joins
            # that character's span.
            if ends and ends[-1] == i and not pending_space:
                ends[-1] = i + 1
            continue
        for c in image:
            if _is_space(c):
                pending_space = bool(out_chars)
                continue
            if pending_space:
                # The space stands for the whole whitespace run between the words.
                out_chars.append(" ")
                starts.append(ends[-1])
                ends.append(max(i, ends[-1]))
                pending_space = False
            out_chars.append(c)
            starts.append(i)
            ends.append(i + 1)
    return OffsetMap("".join(out_chars), tuple(starts), tuple(ends), len(text))


def _is_space(c: str) -> bool:
    return c.isspace()
