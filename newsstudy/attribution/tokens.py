"""Tokens, sentences and clauses of a line's matching form, and raw offsets.

A line is read in its matching form (:func:`newsstudy.normalize.for_matching`); its space-delimited
tokens are cut sentence by sentence and only as far as a cue asks (:func:`_tokens`), sentence and
clause bounds are found once per line, and :class:`_RawMap` maps a span of the matching form back to
the raw line word by word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, itemgetter
from typing import NamedTuple

import numpy as np
import regex

from newsstudy.normalize import for_matching_with_offsets

_L = r"\p{L}\p{N}"
# بينما and في حين ("while") open a new clause with or without a comma before them; فيما is also "in what",
# and إذ ("as, since") is one only after a comma (the word ends there: إذا is "if").
# (في حين is a whole word: في حينه / في حينها is "at the time"); after a comma, وهو ما / وهي ما / وهذا ما
# ("which is what") opens a clause about the statement before (``اتهمت ...، وهو ما نفته الوزارة``).
_CLAUSE_WORDS_RESET = (
    r"[،,]\s*(?:و?لكن|فيما|غير ان|الا ان|اذ(?=\s)|(?:وهو|وهي|وهذا) ما(?=\s))"
    r"|(?:[،,]\s*|(?<=\s))(?:بينما|في حين)(?![^\W_])"
)
_CLAUSE_RESET = regex.compile(r"[؛;]|" + _CLAUSE_WORDS_RESET)
# The clause resets that are words (a semicolon may stand for a colon: ``وأضاف قائلا؛ "...``).
_CLAUSE_OPENED = regex.compile(_CLAUSE_WORDS_RESET)
# Where a new clause opens between a cue and a complementiser, which is then that clause's own: the
# resets above and حيث ("as, whereby": ``حسب الدراسة، ستسجل البلاد نمواً حيث توقع الصندوق أن``).
_NEW_CLAUSE = regex.compile(_CLAUSE_RESET.pattern + r"|(?<=\s)حيث(?=\s)")
# A full stop after the one-letter title د (``د. سامي``: Dr, ``titles.tsv``) is no
# sentence end: the sentence-end patterns below skip it.
_ABBREV = r"(?<!^د\.)(?<![^\S\x1c-\x1f]د\.)"
_PERIOD = regex.compile(r"[.!?؟](?=\s)")
_CLAUSE_PUNCT = regex.compile(r"[.!?؟،,؛;:\"]")
# The same patterns searched backwards ((?r)): the last match before a point is found directly, without
# running through every match from the start of a long line.
_LAST_PERIOD = regex.compile(r"(?r)[.!?؟](?=\s)" + _ABBREV.replace(r"\x1c-\x1f", ""))
_LAST_CLAUSE_PUNCT = regex.compile(r"(?r)[.!?؟،,؛;:\"]")
# Written for the standard ``re`` module (faster to scan a whole line); ``[^\S\x1c-\x1f]`` is exactly
# ``regex``'s ``\s`` (``str.isspace`` less the information separators U+001C..U+001F).
_SENTENCE_END = re.compile(r"[.!?؟](?=[^\S\x1c-\x1f]|$)" + _ABBREV + "|$")
_PUNCT_END = re.compile(r"[.!?؟](?=[^\S\x1c-\x1f]|$)" + _ABBREV)  # its first branch (see _sentence_ends)
# A single quote opening a word after a space (``ويقول المدرب 'هناك التزام'``, the Palestinian agencies'
# quotation mark) opens speech as a double one does.
_COMPLEMENT = re.compile(
    r"(?<![^\W_])(?:ب|و)?ان(?:ه|ها|هم|هما|هن|نا|ني)?(?![^\W_])|[:\"]|(?<=\s)'(?=[\u0621-\u064a])"
)
_COMPLEMENT_HINT = re.compile("ان|[:\"']")  # what every match of _COMPLEMENT holds (see _complement)
_MIN_QUOTE_WORDS = 4


class _Tok(NamedTuple):
    text: str  # the word without surrounding punctuation
    start: int
    end: int
    stop_before: bool  # punctuation right before the word
    stop_after: bool  # punctuation right after the word
    quoted: bool = False  # the word opens a quotation
    rstart: int = 0  # where the whitespace-delimited token starts (with its punctuation)


_new_tok = tuple.__new__  # _new_tok(_Tok, fields) builds a token without the Python-level __new__

_STRIP = re.compile(r"^[\W_]+|[\W_]+$")


_TOK_CACHE: dict = {}
_RSTART, _END = itemgetter(6), itemgetter(2)  # _Tok.rstart and _Tok.end, read in C


def _tokens(norm: str, start: int, end: int) -> list[_Tok]:
    """The tokens of ``norm`` starting at or after ``start`` and ending by ``end`` (tokenised once a line).

    Tokens are the space-delimited words of the whole line: exactly the tokens ``t`` of
    ``_tokenise(norm)`` with ``t.rstart >= start`` and ``t.end <= end``. They are tokenised and cached
    sentence by sentence (a sentence boundary ". " is a space, so this is the same split), and inside a
    sentence only as far as asked: from the token holding the first ``start`` asked for to the space after
    the furthest ``end``, extended in either direction when a later call asks for more. Most cues read a
    few words around them, so the rest of a long sentence is never tokenised.
    """
    if _TOK_CACHE.get("") is not norm:
        _TOK_CACHE.clear()  # only the line being read is kept
        _TOK_CACHE[""] = norm
    out: list[_Tok] = []
    lo = _window_start(norm, start)
    while lo < len(norm):
        # cached: (tokens, their rstarts, their ends, window end, first token start, covered end); the
        # tokens are those of norm[first:covered], where ``covered`` is a space or the window end.
        cached = _TOK_CACHE.get(lo)
        first = max(lo, norm.rfind(" ", lo, start) + 1) if start > lo else lo
        if cached is None:
            hi = _window_end(norm, lo)
            covered = _space_at_or_after(norm, max(end, first), hi)
            toks = _tokenise(norm, first, covered)
            cached = (toks, list(map(_RSTART, toks)), list(map(_END, toks)), hi, first, covered)
            _TOK_CACHE[lo] = cached
        else:
            toks, starts, ends, hi, cfirst, covered = cached
            if first < cfirst or (covered < hi and end > covered):
                if first < cfirst:  # the tokens before the cached ones (which start after a space)
                    more = _tokenise(norm, first, cfirst - 1)
                    toks, starts, ends = (
                        more + toks,
                        list(map(_RSTART, more)) + starts,
                        list(map(_END, more)) + ends,
                    )
                    cfirst = first
                if covered < hi and end > covered:  # the tokens after them (after the space ``covered``)
                    upto = _space_at_or_after(norm, end, hi)
                    more = _tokenise(norm, covered + 1, upto)
                    toks, starts, ends = (
                        toks + more,
                        starts + list(map(_RSTART, more)),
                        ends + list(map(_END, more)),
                    )
                    covered = upto
                cached = (toks, starts, ends, hi, cfirst, covered)
                _TOK_CACHE[lo] = cached
        toks, starts, ends, hi, _, covered = cached
        # Token starts and ends both increase, so the tokens wanted are one slice found by bisection.
        i = bisect_left(starts, start)
        j = bisect_right(ends, end, i)
        out.extend(toks[i:j])
        if j < len(toks) or covered < hi:
            return out  # a token of this window ends after ``end`` (one starts after ``covered >= end``)
        lo = hi + 1
        if hi >= end:
            break
    return out


def _word_before(norm: str, pos: int) -> str | None:
    """The word of the last token of ``_tokens(norm, max(0, pos - 12), pos)`` (None if there is none).

    Only that word is read before a cue (a negation, a preposition, ما, كما), so it is found directly: it is
    the token holding ``pos`` when that ends by ``pos``, else the token before it.
    """
    if not norm:
        return None  # _tokens finds no token in an empty line
    lo = max(0, pos - 12)
    space = norm.rfind(" ", 0, pos)  # the token holding pos starts after this space
    nxt = norm.find(" ", space + 1)
    raw = norm[space + 1 : nxt if nxt >= 0 else len(norm)]
    core = raw.strip(_PUNCT)
    rstart = space + 1
    if rstart >= lo and rstart + len(raw) - len(raw.lstrip(_PUNCT)) + len(core) <= pos:
        return core
    if space < 0:
        return None
    prev = norm.rfind(" ", 0, space) + 1  # the token before: norm[prev:space], ending before pos
    return norm[prev:space].strip(_PUNCT) if prev >= lo else None


def _space_at_or_after(norm: str, pos: int, hi: int) -> int:
    """The first space of ``norm[pos:hi]``, or ``hi``: where tokenising up to ``pos`` can stop."""
    at = norm.find(" ", pos, hi)
    return hi if at < 0 else at


# Every step after a cue reads at most this many words past it when it reads no further than a
# complementiser (_phrase 15, then 8 more for a conduit; نقل X عن Y: 14 to عن and 15 after it); the rest
# of a long sentence is not tokenised.
_AHEAD_TOKENS = 32
_WORDS_AHEAD = re.compile(f"(?:[^ ]* ){{{_AHEAD_TOKENS}}}")


def _ahead(norm: str, pos: int, send: int) -> int:
    """Where the words read after a cue at ``pos`` end: the ``_AHEAD_TOKENS``-th space on, or ``send``.

    ``_tokens(norm, pos, _ahead(norm, pos, send))`` is the start of ``_tokens(norm, pos, send)``, at least
    ``_AHEAD_TOKENS - 1`` tokens long when that is longer.
    """
    m = _WORDS_AHEAD.match(norm, pos, send)
    return send if m is None else m.end() - 1


_STOP_SPACE = re.compile(r"[.?!] ")  # plain characters: the standard ``re`` scans faster


@lru_cache(maxsize=16)
def _stops(norm: str) -> list[int]:
    """Offsets of ". ", "? " and "! " in a normalised line, found once per line (not once per cue)."""
    return [m.start() for m in _STOP_SPACE.finditer(norm)]


def _window_start(norm: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (tokenising sentence by sentence keeps long lines cheap)."""
    stops = _stops(norm)
    i = bisect_right(stops, pos - 2) - 1
    return 0 if i < 0 else stops[i] + 2


def _window_end(norm: str, lo: int) -> int:
    stops = _stops(norm)
    i = bisect_left(stops, lo)
    return stops[i] + 1 if i < len(stops) else len(norm)


_PUNCT = "\"'«»“”()[]{}<>،,:;؛.!?؟-–—_/\\|*#@…ـ+=~`^&%$"
_STOPS = frozenset('،,؛;.:!?؟()[]"«»“”')
assert _STOPS.union('"«“') <= set(_PUNCT)  # _tokenise's fast path relies on it


def _tokenise(norm: str, lo: int = 0, hi: int | None = None) -> list[_Tok]:
    """The space-delimited tokens of ``norm[lo:hi]``, each with its punctuation stripped.

    This is the innermost step of the extractor (about a million tokens on the ANT corpus). A plain
    loop measured faster here than ``map``/``zip`` over columns or a cache of token shapes (the cache's
    memory traffic costs more than the few string methods it saves); tokens are built with
    :data:`_new_tok`, which skips the Python-level ``__new__`` of the named tuple.
    """
    out = []
    pos = lo
    for raw in norm[lo:hi].split(" "):
        core = raw.strip(_PUNCT)
        if core is raw and raw:
            # Most tokens: no punctuation to strip (``str.strip`` then returns the string itself), so no
            # stop and no quote at either end (the stops and quotes are punctuation).
            n = len(raw)
            fields = (raw, pos, pos + n, False, False, False, pos)
        else:
            n = len(raw)
            start = pos + n - len(raw.lstrip(_PUNCT))
            first = raw[:1]
            fields = (
                core,
                start,
                start + len(core),
                first in _STOPS,
                raw[-1:] in _STOPS,
                first in '"«“',
                pos,
            )
        out.append(_new_tok(_Tok, fields))
        pos += n + 1
    return out


_NONSPACE = re.compile(r"\S+")  # ``re``'s ``\s`` is ``str.isspace``: the words of ``str.split()``


def _clause_start(norm: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last clause punctuation before ``pos`` (or 0).

    That is ``_LAST_CLAUSE_PUNCT.search(norm, 0, pos).end()``, looked up in the line's punctuation found
    once (:func:`_punct_starts`): the backward search runs back to the start of a line without any.
    """
    starts = _punct_starts(norm)
    i = bisect_left(starts, pos) - 1  # a one-character match before ``pos``
    return 0 if i < 0 else starts[i] + 1


@lru_cache(maxsize=16)
def _punct_starts(norm: str) -> list[int]:
    """Where ``_CLAUSE_PUNCT`` matches in ``norm`` (single characters, so every one), in order."""
    return [m.start() for m in _CLAUSE_PUNCT.finditer(norm)]


#: ``_LAST_PERIOD`` forwards: its matches are single characters, so ``finditer`` finds every one.
_PERIOD_AT = regex.compile(r"[.!?؟](?=\s)" + _ABBREV.replace(r"\x1c-\x1f", ""))


@lru_cache(maxsize=16)
def _period_starts(norm: str) -> list[int]:
    """Where ``_LAST_PERIOD`` can match in ``norm`` (searched to the line's end), in order."""
    return [m.start() for m in _PERIOD_AT.finditer(norm)]


def _last_period(norm: str, pos: int) -> tuple[int, int] | None:
    """The span of ``_LAST_PERIOD.search(norm, 0, pos)``: the last sentence stop before ``pos``.

    Looked up in the line's stops found once (:func:`_period_starts`), as :func:`_sentence_end` is:
    searched backwards from every cue of a line without a full stop, the pattern ran back to the line's
    start each time (quadratic on a whole page scraped as one line of commas). A stop counts when the
    space after it is before ``pos`` too (the search sees nothing from ``pos`` on).

    >>> text = "قال د. سامي إن الوضع صعب. وأضاف"
    >>> [_last_period(text, k) for k in (5, 25, 26, len(text))]
    [None, None, (24, 25), (24, 25)]
    """
    starts = _period_starts(norm)
    i = bisect_right(starts, pos - 2) - 1
    return None if i < 0 else (starts[i], starts[i] + 1)


def _last_tokens(norm: str, start: int, end: int, n: int) -> list[_Tok]:
    """``_tokens(norm, start, end)[-n:]``, tokenising no further back than those ``n`` tokens.

    They all start after the (n + 1)-th space before ``end`` (the token holding ``end`` may be one of
    them, and the n before it lie between those spaces).
    """
    near = end
    for _ in range(n + 1):
        near = norm.rfind(" ", 0, near)
        if near < 0:
            break
    return _tokens(norm, max(start, near + 1), end)[-n:] if n > 0 else []


@lru_cache(maxsize=16)
def _sentence_ends(norm: str) -> list[int]:
    """Where ``_SENTENCE_END`` matches in ``norm``, in order: found once per line, not once per cue.

    Its matches are single characters or empty (``$``), so every position where it can match is a match
    start. The punctuation branch is searched alone (it starts with a character class, which the ``re``
    engine scans for in a tight loop); ``$`` matches before a final newline and at the end, after any
    punctuation match (a newline is no punctuation).
    """
    ends = [m.start() for m in _PUNCT_END.finditer(norm)]
    if norm.endswith("\n"):
        ends.append(len(norm) - 1)
    ends.append(len(norm))
    return ends


def _sentence_end(norm: str, pos: int) -> int:
    """``_SENTENCE_END.search(norm, pos).start()``: the first sentence end at or after ``pos``.

    Looked up in :func:`_sentence_ends` (a search from each cue would rescan the rest of a sentence as
    long as the line once per cue: quadratic on a megabyte line with no full stop).
    """
    ends = _sentence_ends(norm)
    i = bisect_left(ends, pos)
    return ends[i] if i < len(ends) else len(norm)


@lru_cache(maxsize=64)  # asked twice per cue (by the cue and by the line's reading of it): pure, so cached
def _complement(norm: str, start: int, end: int) -> tuple[int, int] | None:
    """The first complementiser in ``norm[start:end]``: إن/أن/بأن, a colon, or a quote opening speech.

    A quote opens reported speech when the quoted words are at least ``_MIN_QUOTE_WORDS`` or run to the end
    of the sentence; a short quoted name (``حساب "دوحة ترايثلون" على تويتر``) does not. Returns the span of
    the complementiser, extended to the closing quote for a quotation.
    """
    hint = _COMPLEMENT_HINT.search(norm, start, end)
    if hint is None:
        return None
    # Every match holds "ان" at its start or one character in (after ب/و), or is ":" or '"', so none
    # starts before the first of these less one: the slower ``regex`` scan starts there (its
    # look-behind still sees the text before its start, so it matches there as from ``start``).
    closes: dict[int, int] = {}  # the closing quotes of short quoted names, and their opening ones
    for m in _COMPLEMENT.finditer(norm, max(start, hint.start() - 1), end):
        if m.group() != '"':
            return m.start(), m.end()
        close = norm.find('"', m.end(), end)
        inner = norm[m.end() : close if close >= 0 else end]
        if close < 0 or len(inner.split()) >= _MIN_QUOTE_WORDS or not norm[close + 1 : end].strip(" .،,"):
            if m.start() in closes:
                # الشركة "<name>" إن: the closing quote of a short quoted name opens nothing when a
                # complementiser (إن/أن, a colon) follows it; else it is read as before, as opening speech
                # (read within a window: the complementiser that counts is a few words on, and a line of
                # many short quoted names must not recurse once per name to its end)
                later = _complement(norm, m.end(), min(end, m.end() + _LATER_WINDOW))
                if later is not None and norm[later[0]] != '"' and _name_goes_on_to(norm, m.end(), later[0]):
                    return later
                if _after_preposition(norm, closes[m.start()]):
                    # دعا إلى "ضبط النفس"، فيما قالت / اتهمت الإدارة بـ"تسخير وسائل الدولة" لصالح ...: a
                    # short quotation that a preposition governs is the content; its closing quote opens
                    # no speech
                    return closes[m.start()], m.end()
            return m.start(), (close + 1 if close >= 0 else end)
        closes[close] = m.start()
    return None


_MAX_AFTER_QUOTED_NAME = 3
#: How far after a short quoted name its complementiser is looked for (its few words, with room).
_LATER_WINDOW = 200
_COMMA_LIKE = frozenset("،,؛;")


def _name_goes_on_to(norm: str, lo: int, hi: int) -> bool:
    """Whether the words between a short quoted name's closing quote and a complementiser are few and
    unbroken by a comma (``الشركة "<name>" إن``, ``صحيفة "<name>" الفرنسية أن``): the name belongs to
    the subject; after a comma (``تحدث إلى "<name>"، مؤكداً أن``) the complementiser is another clause's."""
    between = norm[lo:hi]
    return not any(c in _COMMA_LIKE for c in between) and len(between.split()) <= _MAX_AFTER_QUOTED_NAME


_QUOTE_PREPOSITIONS = frozenset({"الي", "علي", "عن", "من", "في", "ب", "ل", "وب"})


def _after_preposition(norm: str, pos: int) -> bool:
    """Whether a preposition governs the quotation opening at ``pos`` (``إلى "..."``, ``بـ"..."``)."""
    before = norm[max(0, pos - 12) : pos]
    if before[-1:] in ("ب", "ل"):
        return True  # بـ"..." (the tatweel is gone in matching form): the letter joined to the quote
    words = before.split()
    return bool(words) and before[-1:].isspace() and words[-1] in _QUOTE_PREPOSITIONS


def _sentence_start(norm: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last sentence end before ``pos`` (or 0)."""
    last = _last_period(norm, pos)
    return 0 if last is None else last[1]


# The whitespace after a sentence's end (group 1): ``regex``'s ``\s+``, for the faster ``re``. The stop
# is matched, not looked behind at, so ``re`` skips in C to the next stop instead of trying every position.
_SENT_SPLIT = re.compile(r"[.!?؟]([^\S\x1c-\x1f]+)")


@lru_cache(maxsize=16)
def _sentence_bounds(raw: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the sentences of a line, found once per line (not once per cue)."""
    starts, ends = [0], []
    for m in _SENT_SPLIT.finditer(raw):
        ends.append(m.start(1))
        starts.append(m.end(1))
    ends.append(len(raw))
    return starts, ends


#: The longest ``sentence`` an attribution carries, in characters: a run-on "sentence" (a scraped page
#: of one line with no full stop) is cut to this window around the cue, at spaces, so that the output is
#: linear in the text and not one whole line per attribution (quadratic on a megabyte line).
SENTENCE_MAX_CHARS = 1000


def _sentence(raw: str, pos: int) -> str:
    """The sentence of ``raw`` that a cue at ``pos`` stands in, cut to :data:`SENTENCE_MAX_CHARS`.

    >>> _sentence("قال الوزير إن الوضع هادئ. وأضاف أنه سيسافر.", 27)
    'وأضاف أنه سيسافر.'
    >>> run_on = "، ".join(f"قال مصدر إن الطريق {i} مغلق" for i in range(200))
    >>> cut = _sentence(run_on, 2400)
    >>> len(cut) <= SENTENCE_MAX_CHARS, cut in run_on, run_on.find(cut) <= 2400 < run_on.find(cut) + len(cut)
    (True, True, True)
    """
    starts, ends = _sentence_bounds(raw)
    i = bisect_left(ends, pos)
    start, end = starts[i], ends[i]
    if end - start > SENTENCE_MAX_CHARS:
        half = SENTENCE_MAX_CHARS // 2
        lo = max(start, min(pos - half, end - SENTENCE_MAX_CHARS))
        hi = min(end, lo + SENTENCE_MAX_CHARS)
        if lo > start:  # start at a word: after the first space of the window (if it has one near)
            space = raw.find(" ", lo, min(hi, lo + 50))
            lo = space + 1 if space >= 0 else lo
        if hi < end:
            space = raw.rfind(" ", max(lo, hi - 50), hi)
            hi = space if space >= 0 else hi
        start, end = lo, hi
    return raw[start:end].strip()


# The whitespace that separates raw words: ``regex``'s ``\s`` (``str.isspace`` less the information
# separators U+001C..U+001F), written for the standard ``re`` module, whose ``split`` is faster here.
_RAW_SPACE = re.compile(r"([^\S\x1c-\x1f]+)")  # captured: split keeps the whitespace runs
# Words repeat (وقال، مسؤول), so their offset maps are computed once (OffsetMap is immutable).
_word_offsets = lru_cache(maxsize=1 << 16)(for_matching_with_offsets)


class _RawMap:
    """Map spans of ``for_matching(raw)`` back to ``raw``, word by word.

    Normalisation keeps a one-to-one correspondence between the words of the raw line and of its matching
    form (it only deletes marks and maps characters), so a span is mapped by locating its word and mapping
    inside that word alone with :func:`for_matching_with_offsets`; this costs a few words instead of the
    whole line. When the correspondence does not hold (a raw word that normalises to nothing or to
    several words) the whole-line :class:`~newsstudy.normalize.OffsetMap` is used.
    """

    def __init__(self, raw: str, norm: str) -> None:
        self.raw, self.norm = raw, norm
        self.words: list[str] | None = None  # the raw words (None: not split yet)
        self.starts: list[int] = []  # where each raw word starts
        self.aligned = True  # False once the raw and normalised words are known not to correspond
        self.full = None
        self.spaces: np.ndarray | None = None  # positions of the spaces of ``norm`` (long lines only)

    def _word_list(self) -> list[str] | None:
        if self.words is None and self.aligned:
            words = self.raw.split()
            n = len(words)
            if n and self.raw.count(" ") == n - 1 and len(self.raw) == sum(map(len, words)) + n - 1:
                # Most lines: words joined by single spaces (n - 1 characters besides the words, all of
                # them spaces, so none at either end). ``str.split`` cuts at ``str.isspace``, which holds
                # ``regex``'s ``\s`` and U+001C..U+001F; these words hold none of either, so they are the
                # words of ``_RAW_SPACE`` too, and each starts one space after the end of the one before.
                starts = list(accumulate(map(add, map(len, words), repeat(1)), initial=0))
                del starts[-1]
                return self._aligned(words, starts)
            # Raw words and their offsets from one split (words and whitespace alternate), in C.
            pieces = _RAW_SPACE.split(self.raw)
            offsets = list(accumulate(map(len, pieces), initial=0))
            words, starts = pieces[0::2], offsets[0::2]
            if words and not words[-1]:  # whitespace at the end (or an empty line)
                del words[-1], starts[-1]
            if words and not words[0]:  # whitespace at the start
                del words[0], starts[0]
            return self._aligned(words, starts)
        return self.words

    def _aligned(self, words: list[str], starts: list[int]) -> list[str] | None:
        # Same number of words: the correspondence holds (checked again on the words actually used).
        if len(words) != self.norm.count(" ") + 1:
            self.aligned = False
            return None
        self.words, self.starts = words, starts
        return words

    def _point(self, pos: int, *, end: bool) -> int | None:
        words = self._word_list()
        if words is None:
            return None
        # The word holding the point: its index is the number of spaces before it, its bounds the
        # spaces around it (``norm`` has single spaces); str.count and str.find do this in C.
        at = max(pos - 1 if end else pos, 0)
        k, wstart, nend = self._word_at(at)
        rstart, rword = self.starts[k], words[k]
        local = _word_offsets(rword)
        if local.text != self.norm[wstart : nend if nend >= 0 else len(self.norm)]:
            return None
        # ``local.raw_span(i, i + 1)`` is ``(local.starts[i], local.ends[i])`` for a character ``i`` of
        # the word; read directly (the method, which also raises outside the word, is called otherwise).
        i = pos - 1 - wstart if end else pos - wstart
        if 0 <= i < len(local.text):
            return rstart + (local.ends[i] if end else local.starts[i])
        return None  # a point on the space between two words: the whole line's map places it

    def _word_at(self, at: int) -> tuple[int, int, int]:
        """Index of the word of ``norm`` holding position ``at``, its start, and the next space (-1: none).

        On a short line ``str.count`` and ``str.find`` are cheapest; on a long one they would rescan the
        line for every cue (quadratic on a line of megabytes), so the spaces are indexed once.
        """
        if len(self.norm) < _LONG_LINE:
            return self.norm.count(" ", 0, at), self.norm.rfind(" ", 0, at) + 1, self.norm.find(" ", at)
        if self.spaces is None:
            codes = np.frombuffer(self.norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            self.spaces = np.flatnonzero(codes == 0x20)
        k = int(np.searchsorted(self.spaces, at, side="left"))  # spaces before ``at``
        wstart = int(self.spaces[k - 1]) + 1 if k else 0
        return k, wstart, int(self.spaces[k]) if k < len(self.spaces) else -1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        a = self._point(start, end=False) if start < end else None
        b = self._point(end, end=True) if a is not None else None
        if a is None or b is None:
            if self.full is None:
                self.full = for_matching_with_offsets(self.raw)
            return self.full.raw_span(start, end)
        return a, b


# From this length a line's spaces are indexed once instead of counted per cue.
_LONG_LINE = 4096
