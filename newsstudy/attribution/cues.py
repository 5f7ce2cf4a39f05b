"""Cue words: the table of every written cue form and the matcher that finds them in a line.

Every form of every reporting verb (with the prefixes و ف ل and an object pronoun), participle and
attributive preposition is one entry of a table (:func:`_cue_words`); one compiled pattern of its
words (:func:`_cue_token_pattern`, a trie) finds the tokens of a line that may be cues, in C, and
:func:`_cue_at` reads each of them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from newsstudy.attribution.tokens import _PUNCT, _tokens

if TYPE_CHECKING:  # the lexicon imports this module to build its cue table
    from newsstudy.attribution.lexicon import _Lexicon


#: The clitics a cue word is written with: و ف ل before a verb, و ف before a participle or a
#: preposition, and an object pronoun after a verb (قاله، كشفها).
VERB_PREFIXES = ("", "و", "ف", "ل", "ول", "فل")
OTHER_PREFIXES = ("", "و", "ف")
OBJECT_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن")


def _cue_words(
    verb_forms: dict[str, tuple[str, str, bool]],
    participles: frozenset[str],
    preps: tuple[str, ...],
    *,
    perfects: Collection[str] = frozenset(),
    object_stems: dict[str, str] | None = None,
) -> dict[str, tuple[str, str, str]]:
    """Every written cue word (with its conjunction, preposition and object-suffix variants) -> its parts.

    The forms in ``perfects`` (perfects that are no imperfect) take و and ف but not the ل of purpose,
    which governs an imperfect: ل + a perfect's spelling is a noun (لأبرز الأحداث، لنشر، لوصف).
    ``object_stems`` (:func:`~newsstudy.attribution.morphology.object_stems`) are the spellings of a
    perfect before an object pronoun (نفا of نفي): they are written only with a pronoun (نفاه، وصفوه).

    Cues are looked up word by word in this table, which is many times faster than scanning every
    character position of a line with one large regular-expression alternation.
    """
    out: dict[str, tuple[str, str, str]] = {}
    for form in verb_forms:
        for pre in OTHER_PREFIXES if form in perfects else VERB_PREFIXES:
            for suf in OBJECT_SUFFIXES:
                out.setdefault(pre + form + suf, ("verb", pre + form, suf))
    for stem, form in (object_stems or {}).items():
        if form in verb_forms:
            for pre in OTHER_PREFIXES:
                for suf in OBJECT_SUFFIXES[1:]:
                    out.setdefault(pre + stem + suf, ("verb", pre + form, suf))
    for word in participles:
        for pre in OTHER_PREFIXES:
            out.setdefault(pre + word, ("part", pre + word, ""))
    for p in preps:
        if " " not in p:
            for pre in OTHER_PREFIXES:
                out[pre + p] = ("prep", pre + p, "")
    return out


def _cue_stems(
    verb_forms: Iterable[str],
    participles: Iterable[str],
    preps: Iterable[str],
    object_stems: Iterable[str] = (),
) -> frozenset[str]:
    """The cue words without their clitics: every key of :func:`_cue_words` and :func:`_multi_preps` is
    one of them with a prefix of :data:`VERB_PREFIXES` and a suffix of :data:`OBJECT_SUFFIXES`."""
    return (
        frozenset(verb_forms)
        | frozenset(participles)
        | frozenset(p.split()[0] for p in preps)
        | frozenset(object_stems)
    )


def _multi_preps(preps: tuple[str, ...]) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for p in preps:
        words = p.split()
        if len(words) > 1:
            for pre in OTHER_PREFIXES:
                out.setdefault(pre + words[0], []).append([pre + words[0], *words[1:]])
    return out


class _Cue:
    """A cue found in a line: its span and its parts (``verb``/``part``/``prep`` and ``suf``)."""

    __slots__ = ("_end", "_groups", "_start")

    def __init__(self, start: int, end: int, groups: dict[str, str | None]) -> None:
        self._start, self._end, self._groups = start, end, groups

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: str) -> str | None:
        return self._groups.get(name)


def _find_cues(norm: str, lex: _Lexicon) -> list[_Cue]:
    """The cues of a normalised line, in order.

    A cue starts at a space-delimited token whose word (the token with its punctuation stripped) is a cue
    word or the first word of a multiword preposition, and every other token is no cue. Such tokens are
    found by one compiled pattern (:func:`_cue_token_pattern`) that the ``re`` engine runs from space to
    space in C, so no Python string is made for the other words of the line; each token found is then
    read as before (:func:`_cue_at`).
    """
    out: list[_Cue] = []
    # The pattern starts with the space before a token: the line is read with one space in front, so
    # its first token has one too, and a match at ``k`` of the padded line is the token at ``k`` of it.
    for m in lex.cue_re.finditer(" " + norm):
        pos = m.start()
        cue = _cue_at(norm, pos, norm[pos : m.end() - 1], lex)
        if cue is not None:
            out.append(cue)
    return out


def _trie_pattern(words: Iterable[str]) -> str:
    """A ``re`` alternation matching exactly ``words``, written as a trie (shared prefixes once).

    The ``re`` engine tries the alternatives of a group one after another; as a trie each character
    is compared with the few letters that can follow the prefix read so far, not with every word.

    >>> p = re.compile(_trie_pattern(["قال", "قالت", "وقال"]))
    >>> [bool(p.fullmatch(w)) for w in ["قال", "قالت", "وقال", "قا", "قالتا", ""]]
    [True, True, True, False, False, False]
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _cue_token_pattern(
    stems: Collection[str], prefixes: Collection[str] = ("",), suffixes: Collection[str] = ("",)
) -> re.Pattern:
    """The pattern of a space and then a token whose punctuation-stripped word is prefix + stem + suffix.

    A token is the text between spaces; its word is ``token.strip(_PUNCT)``. With the clitics of
    :data:`VERB_PREFIXES` and :data:`OBJECT_SUFFIXES` and the stems of :func:`_cue_stems`, every cue
    key is matched (keys hold no punctuation and no space, :func:`_checked_cue_keys`), and a few words
    that are not keys (``لبحسب``) too: :func:`_cue_at` reads each token found and drops those. The
    clitics are written once around one trie of the stems, not multiplied into every key, so the
    pattern is some thirty times smaller than a trie of the keys and compiles in a fraction of the
    time (its compilation was most of the lexicon's start-up). The pattern starts with the space
    before the token: a literal first character lets the ``re`` engine skip from space to space in
    C (:func:`_find_cues` puts a space before the line, so its first token has one too).

    >>> p = _cue_token_pattern(["قال"], ["", "و"], ["", "ه"])
    >>> [bool(p.fullmatch(" " + w)) for w in ["قال", "وقاله", "«وقال»", "فقال", "قالها"]]
    [True, True, True, False, False]
    """
    punct = "[" + re.escape(_PUNCT) + "]*"
    pre = _trie_pattern(p for p in prefixes if p)
    suf = _trie_pattern(s for s in suffixes if s)
    body = (f"(?:{pre})?" if pre else "") + f"(?:{_trie_pattern(stems)})" + (f"(?:{suf})?" if suf else "")
    return re.compile(f" {punct}{body}{punct}(?![^ ])")


def _cue_at(norm: str, pos: int, raw: str, lex: _Lexicon) -> _Cue | None:
    """The cue that the space-delimited token ``raw`` at ``pos`` of ``norm`` starts, if any."""
    cue_words, multi = lex.cue_words, lex.multi_preps
    word = raw if raw in cue_words or raw in multi else raw.strip(_PUNCT)
    hit = cue_words.get(word)
    if hit is None and word not in multi:
        return None
    start = pos + raw.find(word) if word else pos
    if hit is not None:
        kind, part, suf = hit
        # (the word's own length: a perfect before its pronoun may be spelled otherwise, نفاه of نفي)
        return _Cue(start, start + len(word), {kind: part, "suf": suf or None})
    for words in multi[word]:
        phrase = " ".join(words)
        if norm.startswith(phrase, start):  # cheap test before tokenising
            # the words' tokens end before the (n+1)-th space from ``start``: tokenise no further
            upto = start
            for _ in range(len(words) + 1):
                upto = norm.find(" ", upto + 1)
                if upto < 0:
                    upto = len(norm)
                    break
            nxt = _tokens(norm, start, upto)[: len(words)]
            if [x.text for x in nxt] == words:
                return _Cue(start, nxt[-1].end, {"prep": phrase})
    return None


def _checked_cue_keys(cue_words: dict, multi_preps: dict) -> frozenset[str]:
    """The words :func:`_find_cues` looks for (each a whole token's word: no space, no punctuation)."""
    keys = frozenset(cue_words) | frozenset(multi_preps)
    bad = sorted(k for k in keys if not k or any(c in _PUNCT or c.isspace() for c in k))
    if bad:
        raise ValueError(f"cue words may hold no space or punctuation: {bad[:5]}")
    return keys
