"""Source attribution: who does an Arabic news text rely on (ANNOTATION.md sections 3 and 4)?

:func:`extract` finds every attribution in the ``headline`` and ``content`` lines of a ``lines`` table
(never in ``duplicate`` or any other label) and returns one row per attribution; :func:`count_sources`
and :func:`anonymous_share` count them; :func:`evaluate` scores an extraction against gold.

How it works
------------
1. **Cues.** Every written form of every cue (the reporting verbs of ``data/attribution/verbs.tsv`` in
   all listed conjugations with the prefixes و ف ل and an optional object suffix, the participles of
   ``participles.txt``, the attributive prepositions of ``prepositions.txt``) is expanded once into a
   table, and the words of the matching form of each line (:func:`newsstudy.normalize.for_matching`,
   computed once per line) are looked up in it: one compiled pattern of the table's words (a trie) finds
   the tokens whose word is in it, in C, and only those tokens are then read. In a headline, a short
   source phrase before a colon (``Source:``) is a cue too. Raw offsets are recovered word by word
   (:func:`newsstudy.normalize.for_matching_with_offsets` on the cue's word only, cached per word).
2. **Source phrase.** Arabic news is mostly verb-subject: the source is the words after the verb, up to
   the complementiser (إن/أن/بأن, a colon, a quote), a conduit (لـ + outlet), a comma, a relative pronoun,
   an anonymity clause or a time word. For a preposition it is its object.
3. **Classification** by the head noun (``heads.tsv``): official → ``anonymous_official`` (or
   ``named_person`` when a name follows the noun), source → ``anonymous_source``, document → ``document``
   (or the issuer's type when the issuer is named: ``بيان الجيش`` is the army), institution →
   ``institution``, title → ``named_person`` (a titled person is identifiable), a known outlet or a
   news-organisation noun → ``media_outlet``; a country, capital or organisation name → ``institution``; a
   plural nationality noun (``قطريون``) → ``anonymous_official``; otherwise a bare word that is not
   vocabulary → ``named_person``. A phrase that fits none of these is not a source and the cue is
   dropped (``تشير الاجتماعات إلى أن``, ``حسب الخطة``).
4. **Affiliation**: the entity (``affiliation_entity``: a country's ISO code or an organisation id)
   of the first nationality adjective, country, capital, organisation or political figure in the phrase
   (the gazetteer, :mod:`newsstudy.attribution.gazetteer`); for a named person without one, the
   document's own earlier mentions (``وزير الخارجية الأمريكي أنتوني بلينكن`` makes a later bare
   ``بلينكن`` US); for an outlet, its country in ``data/outlets.csv``; for a person, official or body
   with none of these, the country the document is about when one dominates its text. The study file
   (:mod:`newsstudy.study`) maps the entity onto the study's categories (``affiliation``).
5. **Coreference.** A cue with no subject (``وأضاف:``, ``وتقول إن``, ``لكنه قال``) takes, inside a
   sentence, the subject of the clause that opened it, and at the start of a sentence the last source of
   the document (or the previous sentence's subject when gender or absence rules that out); a participle
   (``مشيراً``) continues the last attribution of its sentence. Subject-verb order (``لكن المسؤولين
   الأميركيين يزعمون أن``) is read from the noun phrase just before the verb.

Decisions where ANNOTATION.md is silent (a media researcher's reading; kept consistent in the gold)
------------------------------------------------------------------------------------------------------
- ``قال X لرويترز``: X is the source, Reuters the conduit. ``نقلت X عن Y``: Y is the source and X the
  conduit; ``نقلت X`` with no ``عن`` cites X itself (media outlet).
- ``بحسب ما قاله مسؤولون ... لصحيفة تايمز أوف إسرائيل`` is one attribution: the cue is the whole
  ``بحسب ما قاله`` (preposition + ما + verb), the source the verb's subject, the conduit the newspaper.
- A bare definite anaphor (``المسؤول``, ``المصادر``, ``الصحيفة``, ``البيان``) keeps its own type and takes
  the affiliation of the last source of the same kind; ``الصحيفة``/``الموقع``/``للصحيفة`` resolve to the
  outlet last named in the document (``وتقول الصحيفة`` after ``صحيفة واشنطن بوست`` is The Washington Post).
- A subjectless feminine verb cannot continue a masculine source: ``وتقول إن`` after ``وتعمل قطر ...``
  resolves to the subject of the clause that opened the sentence (Qatar), not to the last official.
- Negated cues (``لم يقل``, ``لا يعتقد``, ``لم تؤكد``) are not attributions (a non-statement, like
  ``لم يرد``); ``نفى`` is (a denial is a statement).
- ``أبلغ`` (informed) is an attribution only when it introduces what was said (``بأن``/``أن``/``:``); with a
  noun (``أبلغت قطر حماس بضرورة ...``) it reports a diplomatic act. ``طلب`` is never a cue. A one-noun
  phrase before the complementiser of ``أبلغ`` is its object, so the subject is resolved as for a
  continuation.
- A cue whose verb carries an object pronoun counts only after ``ما`` (``بحسب ما قاله``) or before a
  complementiser: ``الاقتراح الذي كشفه بايدن`` is an act of unveiling, not speech.
- Reported speech inside reported speech is content, not a source: a cue with its own subject after the
  complementiser of another attribution in the same sentence is not counted (``قال مسؤول إن قطر أبلغت
  واشنطن أنها ...`` counts the official only); a coordinated continuation (``..., وأكد أنه``) and a new
  clause after ``، لكن``/``بينما``/``في حين`` are counted.
- Impersonal forms with no source (``ويعتقد أن``, ``ويذكر أن``, ``قيل``) are not attributions.
- Speech verbs need a complementiser after them in the sentence (``كما قال X``, "as X said", needs none).
  Verbs of kind ``noun`` in ``verbs.tsv`` (``أعلن``, ``نفى``, ``حذر من``, ``أعرب عن``) report a statement
  with a noun object and need none. A verb's own preposition (``أشار إلى``, ``أكد على``, ``شدد على``)
  opens the content when the sentence has no أن: ``وأشار مولر إلى إمكانية استدعاء ترامب`` reports what
  Mueller said. A post-posed cue right after a closing quotation (``"..."، قال المسؤول.``) takes the
  quotation as its content and needs no complementiser.
- A verb followed by a subject phrase and its complementiser (``وأكد الطباع أن``, ``قالت المفوضة التجارية
  في الاتحاد الأوروبي إن``) cites that subject even when the lexicon types none of its words: a definite
  singular head is a person (a role or an al- surname); a plural one (``تشير الاجتماعات إلى أن``) is not.
- A participle with no attribution of its sentence to continue (``..., مشيراً إلى أن``) reports the
  subject of its clause, or else the document's last source.
- A quotation opens reported speech when it is at least four words long or ends the sentence; a short
  quoted name (``حساب "دوحة ترايثلون" على تويتر``) is not a complementiser.
- Participles continue an attribution of their own sentence (or open a sentence split off from it);
  ``قائلاً``/``قائلة`` ("saying") introduces speech even with no attribution before it, by the subject
  of its clause (``وتطرق الوزير إلى التدريبات، قائلاً: ...``).
- An outlet's correspondent (``مراسل سكاي نيوز عربية``, ``مراسلنا``) is the outlet (``media_outlet``).
- A verbal noun after a preposition (``عن كشف ملفاتها``, ``بعد متابعة``) is not a cue.
- Two cues in one sentence are two attributions (``وأفادت وسائل إعلام أمريكية نقلاً عن مصدر مطلع``: the
  media cited, and the source they quote).
- In a headline, ``X:`` is a source only if X is an outlet, a person or a source noun; a bare place name
  (``مصر: مقتل 12 مسلحا``) is a location tag. ``تأكيد جديد من مسؤول أميركي:`` takes the phrase after من.
- Several affiliations in one phrase (``مسؤولون إسرائيليون وأمريكيون``): the first named.
- A media outlet's affiliation is the outlet's country mapped onto the label set (US outlets → US,
  Reuters → other).
"""

from __future__ import annotations

import csv
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, groupby, islice, repeat
from operator import add, itemgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import regex

from newsstudy.attribution import gazetteer, morphology
from newsstudy.normalize import for_matching, for_matching_all, for_matching_with_offsets
from newsstudy.paths import DATA_DIR
from newsstudy.study import Study, default_study

__all__ = [
    "AFFILIATIONS",
    "ANONYMOUS_TYPES",
    "COLUMNS",
    "SOURCE_TYPES",
    "STUDY_COLUMNS",
    "anonymous_share",
    "count_sources",
    "drop_copies",
    "evaluate",
    "extract",
    "highlight",
    "match",
    "outlets_table",
    "read_gold",
    "reporting_verbs",
    "score_table",
]

ATTRIBUTION_DIR = DATA_DIR / "attribution"

#: The columns ANNOTATION.md and the study define (``results/attributions.csv``).
STUDY_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "line",
    "start",
    "end",
    "cue",
    "source_text",
    "source_type",
    "affiliation",
    "affiliation_entity",
    "conduit",
    "anonymity_reason",
    "sentence",
)
#: The columns of :func:`extract`'s table: the study's, plus the cited outlet's canonical name.
COLUMNS: tuple[str, ...] = (*STUDY_COLUMNS, "outlet")
SOURCE_TYPES: tuple[str, ...] = (
    "named_person",
    "anonymous_official",
    "anonymous_source",
    "media_outlet",
    "institution",
    "document",
)
#: The ``affiliation`` values of the default study (ANNOTATION.md): its categories, ``other``, ``unknown``.
AFFILIATIONS: tuple[str, ...] = default_study().labels
COUNTED_LABELS = frozenset({"headline", "content"})

_L = r"\p{L}\p{N}"
_NEGATORS = frozenset({"لم", "لن", "لا", "ليس", "ولم", "ولن", "ولا", "فلم", "فلا"})
_CLAUSE_RESET = regex.compile(r"[؛;]|[،,]\s*(?:و?لكن|بينما|فيما|في حين|غير ان|الا ان)")
_PERIOD = regex.compile(r"[.!?؟](?=\s)")
_CLAUSE_PUNCT = regex.compile(r"[.!?؟،,؛;:\"]")
# The same patterns searched backwards ((?r)): the last match before a point is found directly, without
# running through every match from the start of a long line.
_LAST_PERIOD = regex.compile(r"(?r)[.!?؟](?=\s)")
_LAST_CLAUSE_PUNCT = regex.compile(r"(?r)[.!?؟،,؛;:\"]")
# Written for the standard ``re`` module (faster to scan a whole line); ``[^\S\x1c-\x1f]`` is exactly
# ``regex``'s ``\s`` (``str.isspace`` less the information separators U+001C..U+001F).
_SENTENCE_END = re.compile(r"[.!?؟](?=[^\S\x1c-\x1f]|$)|$")
_PUNCT_END = re.compile(r"[.!?؟](?=[^\S\x1c-\x1f]|$)")  # its first branch (see _sentence_ends)
_COMPLEMENT = regex.compile(rf"(?<![{_L}])(?:ب|و)?ان(?:ه|ها|هم|هما|نا|ني)?(?![{_L}])|[:\"]")
_COMPLEMENT_HINT = re.compile('ان|[:"]')  # what every match of _COMPLEMENT holds (see _complement)
_CUT_WORDS = frozenset(
    "الذي التي الذين اللذين اللتين اللواتي اللاتي يوم امس اليوم مساء صباح الاسبوع الشهر خلال عبر في_بيان "
    "السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه شريطه طلب طالبا مفضلا رافضا هذا هذه ردا "
    "بعد قبل عقب اثناء".split()
)
_TIME_AFTER_IN = frozenset(
    "بيان تصريح تصريحات تغريده مقابله وقت حديث مؤتمر كلمه ايام اسبوع اسابيع ساعات شهر اشهر عام".split()
)
_QUANTIFIERS = frozenset(
    "ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره عشر اثنان اثنين عدد بعض احد مجموعه كبار اخر من".split()
)
_VERBLIKE = regex.compile(r"[يت]\p{L}{2,}(?:ون|ان|ين)")
_NAME_CHARS = regex.compile(r"[\p{L}_]+")  # hashtags join names with _: برنارد_أوغستين
_SAYING = frozenset({"قائلا", "قائله", "قائلين"})
_PRONOUN_OBJECTS = frozenset({"ه", "ها", "هم", "هما", "هن"})
_MAX_SOURCE_TOKENS = 14
#: Second parts of compound given names (نور الدين، جودة الله، عبد الرحمن): a definite word that is no
#: construct state after a given name.
_COMPOUND_NAME_ENDS = frozenset({"الدين", "الله", "الرحمن", "الرحيم", "العزيز", "الكريم", "الحق", "الاسلام"})
_MIN_QUOTE_WORDS = 4
_MAX_SV_TOKENS = 8
_NOT_NAME_STARTS = frozenset("عن من في علي الي بعد قبل حول ضد لدي خلال عبر بين مع منذ".split())
_PREPOSITIONS = frozenset("عن من في علي الي بعد قبل حول ضد لدي خلال عبر".split())
_HEADLINE_PREFIX_TOKENS = 6
_HEADLINE_CONDUIT_TOKENS = 4  # ``لـ`` and an outlet name of up to three words, after the source
_LAM_QUOTE = frozenset({'ل"', "ل«", "ل“"})


def _data_lines(name: str) -> list[str]:
    text = (ATTRIBUTION_DIR / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class _Outlet:
    canonical: str
    country: str


@dataclass
class _Lexicon:
    verb_forms: dict[str, tuple[str, str, bool]]  # form -> (lemma, kind, feminine)
    impersonal: frozenset[str]
    participles: frozenset[str]
    participle_frames: dict[str, tuple[str, str]]  # generated participle -> its verb's frame, preposition
    prepositions: tuple[str, ...]
    heads: dict[str, tuple[str, str]]
    adjectives: dict[str, str]
    names: dict[str, tuple[str, str]]  # normalised multiword name -> (label, kind)
    vocabulary: frozenset[str]
    common_nouns: frozenset[str]
    construct_nouns: frozenset[str]  # after لل, continue an office title (للشؤون)
    outlets: dict[str, _Outlet]
    cue_words: dict[str, tuple[str, str, str]]  # word -> (kind, cue part, object suffix)
    verb_preps: dict[str, str]  # lemma -> preposition that can open the content (أشار إلى، شدد على)
    multi_preps: dict[str, list[list[str]]]  # first word -> the words of multiword prepositions
    outlet_re: regex.Pattern
    name_re: regex.Pattern
    adjective_re: regex.Pattern
    anonymity_re: regex.Pattern
    max_name_words: int = 3
    verb_words: frozenset[str] = field(default_factory=frozenset)
    cue_keys: frozenset[str] = field(default_factory=frozenset)  # cue words and multiword-preposition starts
    cue_re: re.Pattern | None = None  # _cue_token_pattern(cue_keys)
    adjective_stem_re: re.Pattern | None = None  # the adjectives as written (see _adjective_matches)
    name_stem_re: re.Pattern | None = None  # the names as written (see _gated)
    outlet_stem_re: re.Pattern | None = None  # the outlet names as written (see _gated)
    titles: dict[str, str] = field(default_factory=dict)  # title or honorific (1-2 words) -> gender
    person_names: frozenset[str] = frozenset()  # the names of kind person
    given_names: frozenset[str] = field(default_factory=frozenset)


def _cue_words(
    verb_forms: dict[str, tuple[str, str, bool]], participles: frozenset[str], preps: tuple[str, ...]
) -> dict[str, tuple[str, str, str]]:
    """Every written cue word (with its conjunction, preposition and object-suffix variants) -> its parts.

    Cues are looked up word by word in this table, which is many times faster than scanning every
    character position of a line with one large regular-expression alternation.
    """
    out: dict[str, tuple[str, str, str]] = {}
    for form in verb_forms:
        for pre in ("", "و", "ف", "ل", "ول", "فل"):
            for suf in ("", "ه", "ها", "هم", "هما", "هن"):
                out.setdefault(pre + form + suf, ("verb", pre + form, suf))
    for word in participles:
        for pre in ("", "و", "ف"):
            out.setdefault(pre + word, ("part", pre + word, ""))
    for p in preps:
        if " " not in p:
            for pre in ("", "و", "ف"):
                out[pre + p] = ("prep", pre + p, "")
    return out


def _multi_preps(preps: tuple[str, ...]) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for p in preps:
        words = p.split()
        if len(words) > 1:
            for pre in ("", "و", "ف"):
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


def _cue_token_pattern(keys: Collection[str]) -> re.Pattern:
    """The pattern of a space and then a token whose punctuation-stripped word is one of ``keys``.

    A token is the text between spaces; its word is ``token.strip(_PUNCT)``, which is one of ``keys``
    exactly when the token is some punctuation, a key, and some punctuation (keys hold no punctuation
    and no space, :func:`_checked_cue_keys`). The pattern starts with the space before the token: a
    literal first character lets the ``re`` engine skip from space to space in C. One pattern, not a
    second one for the line's first token (:func:`_find_cues` puts a space before the line): its
    compilation is most of the lexicon's start-up time.
    """
    punct = "[" + re.escape(_PUNCT) + "]*"
    return re.compile(f" {punct}(?:{_trie_pattern(keys)}){punct}(?![^ ])")


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
        return _Cue(start, start + len(part) + len(suf), {kind: part, "suf": suf or None})
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


def outlets_table() -> pd.DataFrame:
    """The outlet table: canonical English name, country, and every alias in Arabic and Latin script.

    Returns
    -------
    DataFrame
        Columns ``canonical``, ``country``, ``country_code`` (ISO 3166-1 alpha-2), ``alias`` (one row per
        alias, as written in the data file).

    >>> t = outlets_table()
    >>> sorted(t.loc[t["alias"].isin(["رويترز", "Reuters"]), "canonical"].unique())
    ['Reuters']
    """
    rows = []
    with (DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            for alias in rec["aliases"].split("|"):
                rows.append(
                    {
                        "canonical": rec["canonical"],
                        "country": rec["country"],
                        "country_code": rec.get("country_code") or "",
                        "alias": alias.strip(),
                    }
                )
    return pd.DataFrame(rows, columns=["canonical", "country", "country_code", "alias"])


# The clitics and endings a nationality adjective is matched with (الأمريكي، وأمريكيون، لبنانية،
# المغربيات: the feminine plural, after a feminine plural noun such as ``جمعية المهندسات المغربيات``).
_ADJ_PREFIXES = ("و", "ب", "ل", "ال", "وال", "بال", "لل")
_ADJ_SUFFIXES = ("ه", "ون", "ين", "ان", "تان", "تين", "ات")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


#: How a verb's ``frame`` in ``reporting_verbs.tsv`` is read by the extractor (see the module docstring):
#: ``speech`` needs a complementiser, ``noun`` takes a noun object, ``inform`` and ``transmit`` as named.
_FRAMES = {"complement": "speech", "noun": "noun", "inform": "inform", "transmit": "transmit"}


def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon as a table: ``lemma``, ``past``, ``present``, ``participle``, ``kind``, ...

    One row per lemma of ``data/attribution/reporting_verbs.tsv`` (how it was curated is in the
    README there); :mod:`newsstudy.attribution.morphology` generates each lemma's forms.

    >>> verbs = reporting_verbs()
    >>> len(verbs) >= 120, sorted(verbs["kind"].unique())
    (True, ['claim', 'denial', 'directive', 'speech', 'written'])
    """
    table = pd.read_csv(ATTRIBUTION_DIR / "reporting_verbs.tsv", sep="\t", dtype=str, keep_default_na=False)
    return table.drop(columns=[c for c in ("n_ant", "n_dev") if c in table.columns])


@cache
def _reporting_verbs() -> tuple[dict[str, tuple[str, str, bool]], dict[str, str], dict[str, tuple[str, str]]]:
    """Every generated verb form -> (lemma, frame, feminine); lemma -> its preposition; participle -> the
    frame and preposition of its verb."""
    forms: dict[str, tuple[str, str, bool]] = {}
    preps: dict[str, str] = {}
    participles: dict[str, tuple[str, str]] = {}
    for row in reporting_verbs().itertuples(index=False):
        frame = _FRAMES[row.frame]
        if row.preposition.strip():
            preps[row.lemma] = row.preposition.strip()
        for vf in morphology.verb_forms(row.past, row.present.split("|")):
            forms.setdefault(vf.form, (row.lemma, frame, vf.feminine))
        if row.participle not in ("", "-"):
            for f in morphology.participle_forms(row.participle):
                participles.setdefault(f.form, (frame, row.preposition.strip()))
    return forms, preps, {f: v for f, v in participles.items() if f not in forms}


@cache
def _lexicon() -> _Lexicon:
    verb_forms, verb_preps, generated_participles = _reporting_verbs()
    heads = {}
    for row in _data_lines("heads.tsv"):
        form, cls, gender = row.split("\t")
        heads[form] = (cls, gender)
    adjectives: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}
    for (form, kind), entry in gazetteer.entries().items():
        if kind == "adj":
            adjectives[form] = entry.entity
        else:
            names.setdefault(form, (entry.entity, kind))
    outlets: dict[str, _Outlet] = {}
    for rec in outlets_table().itertuples():
        key = for_matching(rec.alias).lower()
        if key:
            outlets.setdefault(key, _Outlet(rec.canonical, rec.country_code or rec.country))
    preps = tuple(sorted(_data_lines("prepositions.txt"), key=len, reverse=True))
    participles = frozenset(_data_lines("participles.txt")) | frozenset(generated_participles)
    outlet_re = regex.compile(rf"(?<![{_L}])(?:و|ب|ل|لل|ال|وال|بال)?(?P<o>{_alternation(outlets)})(?![{_L}])")
    name_re = regex.compile(rf"(?<![{_L}])(?:و|ب|ل|ال|وال|بال|لل)?(?P<n>{_alternation(names)})(?![{_L}])")
    adjective_re = regex.compile(
        rf"(?<![{_L}])(?:{'|'.join(_ADJ_PREFIXES)})?(?P<a>{_alternation(adjectives)})"
        rf"(?:{'|'.join(_ADJ_SUFFIXES)})?(?![{_L}])"
    )
    anonymity_re = regex.compile(_alternation(_data_lines("anonymity.txt")))
    vocabulary = frozenset(_data_lines("vocabulary.txt"))
    titles = {}
    for row in _data_lines("titles.tsv")[1:]:  # after the header
        form, _kind, gender = row.split("\t")
        titles[form] = gender
    cue_words = _cue_words(verb_forms, participles, preps)
    multi_preps = _multi_preps(preps)
    cue_keys = _checked_cue_keys(cue_words, multi_preps)
    return _Lexicon(
        verb_forms=verb_forms,
        impersonal=frozenset(_data_lines("impersonal.txt")),
        participles=participles,
        participle_frames=generated_participles,
        prepositions=preps,
        heads=heads,
        adjectives=adjectives,
        names=names,
        vocabulary=vocabulary,
        common_nouns=frozenset(_data_lines("common_nouns.txt")),
        construct_nouns=frozenset(_data_lines("construct_nouns.txt")),
        outlets=outlets,
        cue_words=cue_words,
        verb_preps=verb_preps,
        multi_preps=multi_preps,
        outlet_re=outlet_re,
        name_re=name_re,
        adjective_re=adjective_re,
        anonymity_re=anonymity_re,
        verb_words=frozenset(verb_forms),
        cue_keys=cue_keys,
        cue_re=_cue_token_pattern(cue_keys),
        adjective_stem_re=re.compile(_trie_pattern(adjectives)),
        name_stem_re=re.compile(_trie_pattern(names)),
        outlet_stem_re=re.compile(_trie_pattern(outlets)),
        titles=titles,
        # A mined name spelled like a function word (بين: Ben, and "between") is never read as a name.
        given_names=frozenset(_data_lines("given_names.txt")) - vocabulary - _NOT_NAME_STARTS - _NEGATORS,
        person_names=frozenset(n for n, (_, k) in names.items() if k == "person"),
    )


# --------------------------------------------------------------------------------------------------
# Tokens of a normalised line


class _Tok(NamedTuple):
    text: str  # the word without surrounding punctuation
    start: int
    end: int
    stop_before: bool  # punctuation right before the word
    stop_after: bool  # punctuation right after the word
    quoted: bool = False  # the word opens a quotation
    rstart: int = 0  # where the whitespace-delimited token starts (with its punctuation)


_new_tok = tuple.__new__  # _new_tok(_Tok, fields) builds a token without the Python-level __new__

_STRIP = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")


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


def _bare(word: str, lex: _Lexicon) -> list[str]:
    """Candidate dictionary forms of a word: itself, and with the clitics و ف ب ل and ال removed."""
    cands = [word]
    for pre in ("و", "ف", "ب", "ل"):
        if word.startswith(pre) and len(word) > 3:
            cands.append(word[1:])
    more = []
    for c in cands:
        if c.startswith("ال") and len(c) > 3:
            more.append(c[2:])
        if c.startswith("لل") and len(c) > 3:
            more.append(c[2:])
    return cands + more


def _head(word: str, lex: _Lexicon) -> tuple[str, str] | None:
    """The head-noun class and gender of a word (or of it without its clitics), if it is a head noun.

    Asked many times for the same words, and pure, so memoised (bounded) for the package lexicon.
    """
    if lex is not _lexicon():
        return _head_plain(word, lex)
    return _head_cached(word)


@lru_cache(maxsize=1 << 16)
def _head_cached(word: str) -> tuple[str, str] | None:
    return _head_plain(word, _lexicon())


def _head_plain(word: str, lex: _Lexicon) -> tuple[str, str] | None:
    for c in _bare(word, lex):
        if c in lex.heads:
            return lex.heads[c]
    return None


def _is_definite(word: str) -> bool:
    return word.startswith(("ال", "وال", "فال", "بال", "لل"))


def _namelike(word: str, lex: _Lexicon, *, strict: bool = True) -> bool:
    """A word that can be part of a personal name: letters, no article, not vocabulary or lexicon.

    ``strict`` also rejects common nouns (words that take the article elsewhere in news text); after an
    official's title a name is expected, so there names that are also words (محمود، نزال) are allowed.
    Pure and asked often for the same words, so memoised (bounded) for the package lexicon.
    """
    if lex is not _lexicon():
        return _namelike_plain(word, lex, strict=strict)
    return _namelike_cached(word, strict)


@lru_cache(maxsize=1 << 16)
def _namelike_cached(word: str, strict: bool) -> bool:
    return _namelike_plain(word, _lexicon(), strict=strict)


def _namelike_plain(word: str, lex: _Lexicon, *, strict: bool = True) -> bool:
    """:func:`_namelike` computed afresh."""
    if not word or not _NAME_CHARS.fullmatch(word) or len(word) < 2:
        return False
    if _is_definite(word) or word in lex.vocabulary or word in lex.verb_words or _VERBLIKE.fullmatch(word):
        return False
    if (strict and word in lex.common_nouns) or word.endswith(("ها", "هم", "هما")):
        return False  # names take neither the article elsewhere in news text nor possessive pronouns
    if _head(word, lex) is not None or lex.adjective_re.fullmatch(word) or lex.name_re.fullmatch(word):
        return word in lex.person_names
    return True


# --------------------------------------------------------------------------------------------------
# Classification


@dataclass
class _Source:
    text: str  # normalised source phrase (for display the raw span is used)
    source_type: str
    affiliation: str
    outlet: str | None = None
    gender: str = "m"
    cls: str = ""  # the head class used for anaphora
    raw: str = ""


def _outlet_at(words: list[str], lex: _Lexicon) -> tuple[_Outlet, int] | None:
    """An outlet named at the start of ``words``: the outlet and the number of words it covers."""
    joined = " ".join(words[:6]).lower()
    m = _gated(lex.outlet_stem_re, lex.outlet_re.match, joined)
    if m is None:
        return None
    return lex.outlets[m.group("o")], len(m.group().split())


def _outlet_label(outlet: _Outlet | None) -> str:
    """The entity an outlet speaks for: its country's ISO code (``unknown`` when none is given)."""
    if outlet is None or not outlet.country:
        return "unknown"
    return outlet.country


def _gated(stems: re.Pattern, method: Callable[[str], regex.Match | None], text: str) -> regex.Match | None:
    """``method(text)`` (search, match or fullmatch of a lexicon pattern), or None if ``stems`` finds nothing.

    Every match of ``adjective_re`` (``name_re``, ``outlet_re``) holds one of the adjectives (names, outlet
    names) as written, so a text where the plain ``re`` search ``stems`` (:func:`_trie_pattern` of them)
    finds none has no match; most texts hold none, and that search in C is cheaper than the pattern's own
    with its look-arounds and long alternations.
    """
    return method(text) if stems.search(text) is not None else None


def _affiliation(words: list[str], lex: _Lexicon) -> str | None:
    # لل + a definite name (للأمم المتحدة) is ل + ال...: written so, the name's pattern finds it.
    text = " ".join("لا" + w[1:] if w.startswith("لل") else w for w in words)
    best: tuple[int, str] | None = None
    m = _gated(lex.adjective_stem_re, lex.adjective_re.search, text)  # the first match
    if m is not None:
        best = (m.start(), lex.adjectives[m.group("a")])
    m = _gated(lex.name_stem_re, lex.name_re.search, text)
    if m is None and any(w.startswith("لل") for w in words):
        # a name that holds لل itself (منظمة الخليج للاستشارات الصناعية), as written
        m = _gated(lex.name_stem_re, lex.name_re.search, " ".join(words))
    if m is not None and (best is None or m.start() < best[0]):
        best = (m.start(), lex.names[m.group("n")][0])
    return None if best is None else best[1]


def _has_name_after(words: list[str], lex: _Lexicon) -> bool:
    """Two name-like words in a row after the head noun: ``المتحدث باسم البيت الأبيض جون كيربي``."""
    run = 0
    for i, w in enumerate(words[1:], start=1):
        if run and i == len(words) - 1 and _is_definite(w) and _head(w, lex) is None:
            if not lex.adjective_re.fullmatch(w) and not lex.name_re.fullmatch(w):
                return True  # a first name and an al- family name ending the phrase: يوسف المحمود
        run = run + 1 if _namelike(w, lex, strict=False) else 0
        if run >= 2:
            return True
    return False


def _classify(words: list[str], lex: _Lexicon, *, headline: bool = False) -> _Source | None:
    """Classify a source phrase (normalised words, punctuation stripped), or None if it is not a source.

    The same phrases recur across a corpus (مصدر، وزارة الخارجية، a name), and the classification
    depends on the words and the lexicon alone, so it is memoised (bounded) for the package lexicon;
    the caller gets its own copy, which it may change.
    """
    if lex is not _lexicon():
        return _classify_plain(words, lex, headline=headline)
    src = _classify_cached(tuple(words), headline)
    return None if src is None else _copy(src)


@lru_cache(maxsize=1 << 15)
def _classify_cached(words: tuple[str, ...], headline: bool) -> _Source | None:
    return _classify_plain(list(words), _lexicon(), headline=headline)


def _classify_plain(words: list[str], lex: _Lexicon, *, headline: bool = False) -> _Source | None:
    """:func:`_classify` computed afresh."""
    words = [w for w in words if w]
    while words and (words[0] in _QUANTIFIERS or words[0].isdigit()):
        words = words[1:]
    if not words:
        return None
    text = " ".join(words)
    aff = _affiliation(words, lex)
    found = _outlet_at(words, lex)
    if found:
        outlet = found[0]
        return _Source(text, "media_outlet", _outlet_label(outlet), outlet.canonical, "f", "outlet")
    first = words[0]
    head = _head(first, lex)
    if head is not None:
        cls, gender = head
        if cls == "outlet":
            rest = _outlet_at(words[1:], lex)
            if rest is None and len(words) > 1 and len(words) > 2:
                rest = _outlet_at(words[2:], lex)
            if rest is not None:
                return _Source(
                    text, "media_outlet", _outlet_label(rest[0]), rest[0].canonical, gender, "outlet"
                )
            if _bare(first, lex)[-1] == "وكاله" and not any(w.endswith("انباء") for w in words[1:3]):
                return _Source(text, "institution", aff or "unknown", None, gender, "institution")
            return _Source(text, "media_outlet", aff or "unknown", None, gender, "outlet")
        if cls == "official":
            kind = "named_person" if _has_name_after(words, lex) else "anonymous_official"
            return _Source(text, kind, aff or "unknown", None, gender, "official")
        if cls == "source":
            if any(w.startswith(_OFFICE_WORDS) for w in words[1:]):
                # مصدر يشغل منصباً في الحكومة: a source said to hold an office speaks as an official
                return _Source(text, "anonymous_official", aff or "unknown", None, gender, "official")
            return _Source(text, "anonymous_source", aff or "unknown", None, gender, "source")
        if cls == "document":
            issuer = _issuer(words, lex)
            if issuer is not None:
                issuer.text, issuer.cls = text, "document"
                issuer.affiliation = aff or issuer.affiliation
                return issuer
            return _Source(text, "document", aff or "unknown", None, gender, "document")
        if cls == "institution":
            return _Source(text, "institution", aff or "unknown", None, gender, "institution")
        if cls == "title":
            return _Source(text, "named_person", aff or "unknown", None, gender, "person")
    person = _titled_person(words, lex)
    if person is not None:
        return _Source(text, "named_person", aff or "unknown", None, person, "person")
    if first.endswith(("ون", "ين")) and _gated(lex.adjective_stem_re, lex.adjective_re.fullmatch, first):
        return _Source(text, "anonymous_official", aff or "unknown", None, "m", "official")
    m = _gated(lex.name_stem_re, lex.name_re.match, text)
    if m is not None and m.start() == 0:
        label, kind = lex.names[m.group("n")]
        if kind == "person":
            return _Source(text, "named_person", label, None, "m", "person")
        if headline:
            return None  # a place before a headline colon is a location tag
        return _Source(text, "institution", aff or label, None, "f", "institution")
    if headline and len(words) > 3:
        return None
    if first in lex.given_names and (
        len(words) == 1
        or words[1] in _COMPOUND_NAME_ENDS
        or _namelike(words[1], lex, strict=False)
        or (len(words) == 2 and _surname(words[1], lex))  # سعد الحربي: a given name and an al- surname
    ):
        return _Source(text, "named_person", aff or "unknown", None, "m", "person")
    construct = len(words) > 1 and _is_definite(words[1]) and not words[1].endswith("ي")
    if (_namelike(first, lex) and not construct) or (
        _is_definite(first)
        and first.endswith("ي")
        and not _gated(lex.adjective_stem_re, lex.adjective_re.fullmatch, first)
        and len(words) <= 3
    ):
        return _Source(text, "named_person", aff or "unknown", None, "m", "person")
    return None


#: Words saying that an unnamed source holds an office (منصب، منصبا، مناصب): an official.
_OFFICE_WORDS = ("منصب", "مناصب")

_PLURAL_ENDINGS = ("ات", "ون", "ين")


def _plural(word: str) -> bool:
    """A sound plural by its ending (الاجتماعات، المسؤولين); a short stem is a singular (الأمين، الحسين).

    A sound plural adds its ending to a singular of at least three letters, so with the article it is
    at least seven letters long (ال + three + ون).
    """
    return word.endswith(_PLURAL_ENDINGS) and len(word) - (2 if word.startswith("ال") else 0) >= 5


def _subject_before_complement(words: list[str], lex: _Lexicon) -> _Source | None:
    """The subject of ``VERB <phrase> أن``, when no head noun of the lexicon types it.

    Arabic news is verb-subject-complement: in ``وأكد الطباع أن``, ``قالت المفوضة التجارية في
    الاتحاد الأوروبي إن``, the words between a reporting verb and its complementiser are who
    spoke, even when the head is a role noun or an al- surname the lexicon does not list. A
    definite singular head is then a person (an identifiable role or a surname); a plural one
    (``تشير الاجتماعات إلى أن``: meetings, reports) is not read as a source.
    """
    first = words[0]
    if not _is_definite(first) or _plural(first) or first in lex.vocabulary:
        return None
    if len(words) > _MAX_SV_TOKENS or any(w in lex.verb_words for w in words[1:]):
        return None
    gender = "f" if first.endswith("ه") else "m"
    return _Source(
        " ".join(words), "named_person", _affiliation(words, lex) or "unknown", None, gender, "person"
    )


def _titled_person(words: list[str], lex: _Lexicon) -> str | None:
    """The gender of a person named by a title, or by a role noun and a name; None for anything else.

    ``الدكتور فاروق طلعت``, ``العميد يحيى سريع`` (a title or honorific of ``titles.tsv`` followed by
    a name; ``heads.tsv``'s titles identify their bearer even unnamed, ``الوزير``), and
    ``الباحث سليمان نصيرات`` (a definite role noun followed by a given name of ``given_names.txt``,
    or by name-like words not opened by a preposition: apposition of a role and a name).
    """
    for n in (2, 1):
        key = " ".join(words[:n])
        # A title counts with a name after it: bare ``الحاجة`` is also "the need", ``دولة`` "a state".
        if len(words) > n and key in lex.titles and _namelike(words[n], lex, strict=False):
            return lex.titles[key]
    first = words[0]
    if len(words) >= 2 and _is_definite(first) and _head(first, lex) is None:
        # a nationality between the role and the name: الباحث الأردني سليمان نصيرات
        rest = words[1:]
        while (
            len(rest) > 1
            and _is_definite(rest[0])
            and _gated(lex.adjective_stem_re, lex.adjective_re.fullmatch, rest[0])
        ):
            rest = rest[1:]
        if rest[0] in lex.given_names or (
            _namelike(rest[0], lex, strict=False) and _has_name_after([first, *rest], lex)
        ):
            return "f" if first.endswith("ه") else "m"
    return None


def _issuer(words: list[str], lex: _Lexicon) -> _Source | None:
    """The named issuer of a document (``بيان الجيش``, ``الإحصائيات الصادرة عن وزارة الصحة``)."""
    cands: list[list[str]] = []
    if len(words) > 1:
        cands.append(words[1:])
    for i, w in enumerate(words[:-1]):
        if w == "عن" and i > 0 and words[i - 1].startswith(("الصادر", "صادر")):
            cands.append(words[i + 1 :])
    for cand in cands:
        if _outlet_at(cand, lex) is not None or (_head(cand[0], lex) or ("", ""))[0] in (
            "institution",
            "title",
        ):
            src = _classify(cand, lex)
            if src is not None and src.source_type in ("media_outlet", "institution", "named_person"):
                return src
    return None


# --------------------------------------------------------------------------------------------------
# Per-document state


@dataclass
class _State:
    last: _Source | None = None
    by_class: dict[str, _Source] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # matching forms of the counted lines read so far
    people_upto: int = 0
    outlet_cache: tuple[int, _Outlet | None] = (-1, None)
    people: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # head noun -> entity (وزير الصحة الأردني: وزير, JO)

    def remember(self, src: _Source) -> None:
        self.last = src
        if src.cls and (src.affiliation != "unknown" or src.cls not in self.by_class):
            self.by_class[src.cls] = src


def _learn_people(norm: str, lex: _Lexicon, state: _State) -> None:
    """Remember names introduced with a nationality: ``وزير الخارجية الأمريكي أنتوني بلينكن``.

    Every document line is read here once a named source needs it, so the nationality pattern is run
    only on the tokens that hold an adjective (:func:`_adjective_matches`).
    """
    n = lex.max_name_words + 2
    for m in _adjective_matches(norm, lex):
        label = lex.adjectives[m.group("a")]
        title = _title_before(norm, m.start(), lex)
        if title is not None:
            state.titles[title] = label  # the latest wins: a later bare ``الوزير`` is the last one named
        # the first n words after the match (``norm[m.end():].split(None, n)[:n]``), read one by one
        # as the loop needs them, without copying the rest of the line (a line can be megabytes long
        # and hold many matches)
        taken = 0
        for found in islice(_NONSPACE.finditer(norm, m.end()), n):
            w = _STRIP.sub("", found.group())
            if _head(w, lex) and _head(w, lex)[0] == "title":
                if taken:
                    break  # نتنياهو رئيس الوزراء: a title after the name ends it
                continue
            if _COMPLEMENT.fullmatch(w):
                break  # جان دوبون إن: the name ends at the complementiser
            if taken and _surname(w, lex):
                state.people.setdefault(w, label)  # خالد السعدي: an al- surname ends the name
                break
            if _namelike(w, lex):
                state.people.setdefault(w, label)
                taken += 1
                if taken >= lex.max_name_words:
                    break
            elif w in ("بن", "عبد", "ال"):
                continue
            else:
                break


def _surname(word: str, lex: _Lexicon) -> bool:
    """An al- word that can end a personal name (السعدي، الحربي): not vocabulary, a head or an adjective."""
    return (
        word.startswith("ال")
        and len(word) >= 5
        and _NAME_CHARS.fullmatch(word) is not None
        and word[2:] not in lex.vocabulary
        and word not in lex.vocabulary
        and _head(word, lex) is None
        and lex.adjective_re.fullmatch(word) is None
    )


#: How many words before a nationality adjective its title noun may stand (وزير الصحة الأردني: two).
_TITLE_WINDOW = 3


def _title_before(norm: str, pos: int, lex: _Lexicon) -> str | None:
    """The title or official head noun (dictionary form) of the phrase a nationality adjective ends.

    ``وزير الصحة الأردني`` gives ``وزير``; the words read stop at punctuation.
    """
    words = norm[max(0, pos - 60) : pos].split()[-_TITLE_WINDOW:]
    for w in reversed(words):
        if w[-1:] in _STOPS or lex.adjective_re.fullmatch(w):
            break  # مسؤولون إسرائيليون وأمريكيون: the title takes the first nationality only
        form = _head_form(w, lex)
        if form is not None:
            return form if lex.heads[form][0] in ("title", "official") else None
    return None


def _head_form(word: str, lex: _Lexicon) -> str | None:
    """The dictionary form under which ``word`` (without its clitics) is a head noun, if it is one."""
    return next((c for c in _bare(word, lex) if c in lex.heads), None)


_NONSPACE = re.compile(r"\S+")  # ``re``'s ``\s`` is ``str.isspace``: the words of ``str.split()``


def _adjective_matches(norm: str, lex: _Lexicon) -> Iterator[regex.Match]:
    """``lex.adjective_re.finditer(norm)``, run only on the tokens that hold an adjective.

    Every match holds one of the adjectives as written (its group ``a``) and never crosses a space, so
    its token holds that adjective. Those tokens are found by one ``re`` search for the adjectives
    (:data:`_Lexicon.adjective_stem_re`, run in C; most lines hold none), and the pattern is run on them
    alone (a space is neither a letter nor a digit, so its look-arounds see the same at a token's ends
    as in the whole line). A token is searched once however many adjectives it holds, so a long token
    costs its length once.
    """
    end = -1
    for m in lex.adjective_stem_re.finditer(norm):
        if m.start() < end:
            continue  # inside the token just searched
        start = norm.rfind(" ", 0, m.start()) + 1
        end = norm.find(" ", m.end())
        if end < 0:
            end = len(norm)
        yield from lex.adjective_re.finditer(norm, start, end)


def _last_outlet(state: _State, lex: _Lexicon) -> _Outlet | None:
    """The outlet named last in the document so far (scanned only when a generic outlet noun needs it)."""
    n = len(state.history)
    if state.outlet_cache[0] == n:
        return state.outlet_cache[1]
    found = None
    for norm in reversed(state.history):
        if lex.outlet_stem_re.search(norm) is None:
            continue  # no outlet named (every match holds an outlet name as written)
        hits = list(lex.outlet_re.finditer(norm))
        if hits:
            found = lex.outlets[hits[-1].group("o")]
            break
    state.outlet_cache = (n, found)
    return found


def _people(state: _State, lex: _Lexicon) -> dict[str, str]:
    """Names introduced with a nationality so far in the document (scanned lazily)."""
    for norm in state.history[state.people_upto :]:
        _learn_people(norm, lex, state)
    state.people_upto = len(state.history)
    return state.people


# --------------------------------------------------------------------------------------------------
# Extraction


@dataclass
class _Found:
    cue_start: int
    cue_end: int
    src: _Source
    src_span: tuple[int, int] | None
    conduit: str | None
    anonymous: bool


def _phrase(toks: list[_Tok], lex: _Lexicon) -> tuple[list[_Tok], int]:
    """The source phrase at the start of ``toks``; returns it and the index where the scan stopped."""
    out: list[_Tok] = []
    quoted_name = 0
    for i, t in enumerate(toks):
        w = t.text
        if i and t.quoted and out and (_head(out[-1].text, lex) or ("", ""))[0] in ("outlet", "institution"):
            quoted_name = 3  # وكالة "فرانس برس": a quoted name of the outlet or body
        if quoted_name:
            quoted_name -= 1
            out.append(t)
            if (t.stop_after and not t.quoted) or not quoted_name:
                return out, i + 1
            continue
        if i and t.stop_before:
            return out, i
        if out and w[:1] in ("و", "ف") and lex.cue_words.get(w, ("",))[0] == "verb":
            return out, i  # وقال، فأضاف: a coordinated reporting verb opens a clause of its own
        if _COMPLEMENT.fullmatch(w) or w in _CUT_WORDS or not w or w.startswith(("قول", "بالقول")):
            return out, i
        if w == "في" and i + 1 < len(toks) and any(c in _TIME_AFTER_IN for c in _bare(toks[i + 1].text, lex)):
            return out, i
        if (
            out
            and w.startswith("ل")
            and len(w) > 2
            and _ends_subject(w, lex, [x.text for x in toks[i + 1 : i + 4]])
            and not _name_goes_on([x.text for x in out[-2:]], [x.text for x in toks[i : i + 4]], lex)
        ):
            return out, i
        if (
            out
            and w in ("علي", "عبر")
            and i + 1 < len(toks)
            and toks[i + 1].text in ("تويتر", "اكس", "فيسبوك")
        ):
            return out, i
        out.append(t)
        if t.stop_after or len(out) >= _MAX_SOURCE_TOKENS:
            return out, i + 1
    return out, len(toks)


def _name_goes_on(before: list[str], rest: list[str], lex: _Lexicon) -> bool:
    """Whether a gazetteer name that starts in ``before`` runs on into ``rest`` (``منظمة الخليج
    للاستشارات الصناعية``: the لـ word is inside the body's name, not an addressee)."""
    for j in range(len(before)):
        head = " ".join(before[j:])
        m = lex.name_re.match(head + " " + " ".join(rest))
        if m is not None and m.end() > len(head) + 1:
            return True
    return False


def _ends_subject(word: str, lex: _Lexicon, following: list[str] = ()) -> bool:
    """لـ before an addressee or outlet ends a subject (لرويترز، للصحفيين، لبلينكن); لحركة حماس does not.

    لل + a body or a portfolio (``الأمين العام للأمم المتحدة``, ``وكيل الوزارة للشؤون الفنية``,
    ``المتحدث الرسمي للجيش``) is the genitive of an office title, not an addressee: the subject goes on.
    """
    stem = word[1:]
    if stem.startswith("ل"):
        return not _office_genitive("ا" + stem, following, lex)  # للصحيفة، للصحفيين end it
    if _outlet_at([stem], lex) is not None or _outlet_at(["ال" + stem], lex) is not None:
        return True
    head = _head(stem, lex)
    if head is not None:
        return head[0] == "outlet"
    return _namelike(stem, lex) and stem not in lex.vocabulary


def _office_genitive(noun: str, following: list[str], lex: _Lexicon) -> bool:
    """Whether ``noun`` (ال + the word after لل) names a body or a portfolio, not an addressee."""
    if noun[2:] in lex.construct_nouns:
        return True
    head = _head(noun, lex)
    if head is not None:
        return head[0] == "institution"
    m = _gated(lex.name_stem_re, lex.name_re.match, " ".join([noun, *following]))
    return m is not None and lex.names[m.group("n")][1] != "person"


def _apposition(phrase: list[_Tok], toks: list[_Tok], stop: int, lex: _Lexicon) -> list[_Tok]:
    """Add a name in apposition after a comma: ``المتحدث باسم القوات المسلحة، تامر الرفاعي،``."""
    if not phrase or not phrase[-1].stop_after or stop >= len(toks):
        return phrase
    if (_head(phrase[0].text, lex) or ("", ""))[0] not in ("official", "title"):
        return phrase
    seg: list[_Tok] = []
    for t in toks[stop : stop + 4]:
        seg.append(t)
        if t.stop_after:
            break
    if not seg or not seg[-1].stop_after or not _namelike(seg[0].text, lex, strict=False):
        return phrase
    if all(
        _namelike(t.text, lex, strict=False)
        or (_is_definite(t.text) and not lex.adjective_re.fullmatch(t.text))
        for t in seg
    ):
        return phrase + seg
    return phrase


def _conduit_at(toks: list[_Tok], lex: _Lexicon, state: _State | None) -> str | None:
    """A conduit at ``toks[0]``: ``لرويترز``, ``لصحيفة تايمز أوف إسرائيل``, ``للصحيفة``, ``مع سكاي نيوز``."""
    if not toks:
        return None
    w = toks[0].text
    words = [t.text for t in toks[:7]]
    if w in ("مع",) and len(words) > 1:
        found = _outlet_at(words[1:], lex)
        if (
            found is None
            and len(words) > 2
            and _head(words[1], lex) == ("outlet", _head(words[1], lex)[1] if _head(words[1], lex) else "")
        ):
            found = _outlet_at(words[2:], lex)
        return found[0].canonical if found else None
    if not w.startswith("ل") or len(w) < 3:
        return None
    stem = w[2:] if w.startswith("لل") else w[1:]
    found = _outlet_at([stem, *words[1:]], lex) or _outlet_at(["ال" + stem, *words[1:]], lex)
    if found is not None:
        return found[0].canonical
    head = lex.heads.get(stem)
    if head is not None and head[0] == "outlet":
        found = _outlet_at(words[1:], lex)
        if found is not None:
            return found[0].canonical
        last = _last_outlet(state, lex) if state is not None and w.startswith("لل") else None
        if last is not None:
            return last.canonical  # للصحيفة: the outlet last named
    return None


def _find_conduit(toks: list[_Tok], lex: _Lexicon, state: _State) -> str | None:
    for i, t in enumerate(toks):
        if t.text.startswith("ل") or t.text == "مع":
            c = _conduit_at(toks[i:], lex, state)
            if c is not None:
                return c
    return None


def _resolve_anaphor(src: _Source, words: list[str], lex: _Lexicon, state: _State) -> _Source:
    """``المسؤول``/``المصادر``/``الصحيفة`` with no other information: take what the document already said."""
    if len(words) > 2 or not _is_definite(words[0]):
        return src
    if any(not any(c in lex.vocabulary for c in _bare(w, lex)) for w in words[1:]):
        return src
    last = _last_outlet(state, lex) if src.source_type == "media_outlet" and src.outlet is None else None
    if last is not None:
        src.outlet = last.canonical
        if last.country:
            src.affiliation = _outlet_label(last)
        elif "outlet" in state.by_class:
            src.affiliation = state.by_class["outlet"].affiliation
        return src
    prev = state.by_class.get(src.cls)
    if src.affiliation == "unknown" and src.source_type in ("named_person", "anonymous_official"):
        # السعدي / الوزير: the person, or the title, named earlier with a nationality, before the last
        # source of the same class when that one is someone else (the minister, then a foreign lawyer)
        _people(state, lex)
        for w in words:
            if w in state.people and _head(w, lex) is None:
                src.affiliation = state.people[w]
                return src
        form = _head_form(words[0], lex) if len(words) == 1 else None
        if (
            form is not None
            and form in state.titles
            and (prev is None or _head_form(prev.text.split()[0], lex) != form)
        ):
            src.affiliation = state.titles[form]
            return src
    if prev is not None and src.affiliation == "unknown":
        src.affiliation = prev.affiliation
    return src


def _person_affiliation(src: _Source, words: list[str], state: _State) -> None:
    if src.source_type == "named_person" and src.affiliation == "unknown":
        _people(state, _lexicon())
    _person_affiliation_known(src, words, state)


def _person_affiliation_known(src: _Source, words: list[str], state: _State) -> None:
    """A named person's affiliation from earlier in the document: a name or a title phrase seen before."""
    if src.source_type != "named_person":
        return
    key = " ".join(words[:2])
    if src.affiliation == "unknown":
        for w in words:
            if w in state.people:
                src.affiliation = state.people[w]
                return
        if len(words) >= 2 and key in state.people:
            src.affiliation = state.people[key]
    elif len(words) >= 2:
        state.people.setdefault(key, src.affiliation)


_OPENERS = frozenset({"قد", "وقد", "لقد", "فقد", "ثم"})
_OPENING_TOKENS = _MAX_SOURCE_TOKENS + 3  # the verb, then a source phrase read with one word of look-ahead


def _opening_tokens(norm: str, start: int, end: int) -> list[_Tok]:
    """The start of ``_tokens(norm, start, end)`` after any leading particles (قد، ثم), as far as is read.

    The result is that list itself, or its first ``_OPENING_TOKENS`` tokens at least: the first words are
    tokenised, and the rest of the sentence only when particles used up too many of them.
    """
    bound = _ahead(norm, start, end)
    toks = _tokens(norm, start, bound)
    k = 0
    while k < len(toks) and toks[k].text in _OPENERS:
        k += 1
    if bound < end and len(toks) - k < _OPENING_TOKENS:
        toks = _tokens(norm, start, end)
    k = 0
    while k < len(toks) and toks[k].text in _OPENERS:
        k += 1
    return toks[k:]


def _clause_subject(norm: str, pos: int, lex: _Lexicon) -> _Source | None:
    """The subject of the verb that opens the sentence holding ``pos`` (``وتعمل قطر ...، وتقول إن``)."""
    last = _LAST_PERIOD.search(norm, 0, pos)
    start = 0 if last is None else last.end()
    if not norm[start:pos].strip() and last is not None:
        # the verb opens its sentence: look at the sentence before (the period match before the last one;
        # a match needs a space after it, so cutting the text at the last match hides none)
        before = _LAST_PERIOD.search(norm, 0, last.start())
        start = 0 if before is None else before.end()
    return _opening_subject(_opening_tokens(norm, start, pos), lex)


def _opening_subject(toks: list[_Tok], lex: _Lexicon) -> _Source | None:
    """The subject after the verb that opens ``toks`` (a sentence's tokens, opening particles dropped)."""
    if len(toks) < 2 or toks[0].text in _PREPOSITIONS or toks[0].text[1:] in _PREPOSITIONS:
        return None
    phrase, _ = _phrase(toks[1:], lex)
    words = [t.text for t in phrase]
    src = None
    for k in sorted({len(words), 3, 2, 1}, reverse=True):
        if 0 < k <= len(words):
            src = _classify(words[:k], lex)
            if src is not None:
                words = words[:k]
                break
    if src is None or src.source_type == "document":
        return None
    if src.source_type in ("institution", "named_person") and lex.name_re.match(" ".join(words)):
        m = lex.name_re.match(" ".join(words))
        src.text = m.group()
    src.raw = src.text
    return src


def _continuation(
    norm: str, pos: int, feminine: bool, lex: _Lexicon, state: _State
) -> tuple[_Source | None, tuple[int, int] | None]:
    """The source of a cue with no subject.

    Inside a sentence the verb shares the subject of the clause that opened it (``ودافع الوزير ...، وقال
    إن``); a sentence-initial continuation takes the last source, unless its gender does not agree (a
    feminine verb after a masculine source) or there is none, when the subject of the previous sentence
    is used (``وتعمل قطر ... . وتقول إن``).
    """
    sstart = _sentence_start(norm, pos)
    if norm[sstart:pos].strip():
        subj = _clause_subject(norm, pos, lex)
        if subj is not None and feminine == (subj.gender == "f"):
            return subj, None
    last = state.last
    if last is not None and not (feminine and last.gender == "m"):
        return _copy(last), None
    subj = _clause_subject(norm, pos, lex)
    if subj is not None:
        return subj, None
    return (_copy(last), None) if last is not None else (None, None)


def _clause_start(norm: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last clause punctuation before ``pos`` (or 0)."""
    m = _LAST_CLAUSE_PUNCT.search(norm, 0, pos)
    return 0 if m is None else m.end()


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


#: Words after which أن introduces a verb (``يجب أن تتوفر``, ``بعد أن غادر``), not reported content.
_MODAL_AN = frozenset("يجب ينبغي يمكن يجوز لابد بد بعد قبل منذ دون بدون يستطيع تستطيع يريد تريد".split())


def _in_that_clause(norm: str, pos: int) -> bool:
    """Whether ``pos`` is inside a that-clause of its clause (after أن/إن, a colon or a quote).

    ``أن`` after a modal or a time word (``وعن الشروط التي يجب أن تتحقق ... قال:``) opens no
    content, so a cue after it still has its own source.
    """
    start = _clause_start(norm, pos)
    toks = _tokens(norm, start, pos)
    return any(
        _COMPLEMENT.fullmatch(t.text) and not (i and _strip_conj(toks[i - 1].text, _MODAL_AN) in _MODAL_AN)
        for i, t in enumerate(toks)
    )


def _sv_subject(norm: str, pos: int, lex: _Lexicon) -> tuple[_Source, tuple[int, int]] | None:
    """Subject-verb order: ``لكن المسؤولين الأميركيين يزعمون أنهم``."""
    toks = _last_tokens(norm, _clause_start(norm, pos), pos, _MAX_SV_TOKENS)
    for k in range(len(toks)):
        if _COMPLEMENT.fullmatch(toks[k].text):
            return None  # أن إسرائيل تعتبر: inside a that-clause, content
        if lex.cue_words.get(toks[k].text, ("",))[0] == "verb":
            # واعتبر المدير الفاتورة منخفضة وقال: the noun phrase is the subject of the verb before it
            # (verb-subject order), and the later verb continues that subject
            return None
    for k in range(len(toks)):
        words = [t.text for t in toks[k:]]
        if _head(words[0], lex) is None and _outlet_at(words, lex) is None:
            continue
        src = _classify(words, lex)
        if src is not None:
            return src, (toks[k].start, toks[-1].end)
    return None


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


def _line_attributions(norm: str, label: str, lex: _Lexicon, state: _State, cues: list[_Cue]) -> list[_Found]:
    found: list[_Found] = []

    embedded_until = -1  # positions before this (after a complementiser) are reported content
    consumed_until = -1
    if label == "headline":
        h = _headline_source(norm, lex)
        if h is not None:
            found.append(h)
            state.remember(h.src)
    for m in cues:
        if m.start() < consumed_until:
            continue
        if m.start() >= embedded_until:
            embedded_until = -1
        send = _sentence_end(norm, m.end())
        before = _word_before(norm, m.start())
        negated = before in _NEGATORS or (before == "ان" and _without_that(norm, m.start()))
        if m.group("prep"):
            res = _prep_cue(norm, m, _tokens(norm, m.end(), _ahead(norm, m.end(), send)), lex, state)
        elif m.group("part"):
            sstart = _sentence_start(norm, m.start())
            initial = not norm[sstart : m.start()].strip()
            nxt = _complement(norm, m.end(), send)
            if negated:
                continue
            if nxt is None or len(_tokens(norm, m.end(), nxt[0])) > 2:
                continuing = bool(found) and found[-1].cue_start >= sstart
                if continuing and m.group("part").endswith("ه") != (found[-1].src.gender == "f"):
                    continue  # a feminine participle cannot go on a masculine source (nor the reverse)
                if not _participle_object(norm, m, send, lex, continuing=continuing):
                    continue  # مشيرا إلى أن / مضيفا: ... ; متابعة طويلة is a noun
            if not found or (found[-1].cue_start < sstart and not initial):
                # No attribution of this sentence to continue: the participle reports the speech of its
                # clause's subject (وتطرق الوزير إلى ...، قائلاً:), or, at a clause with none, of the
                # document's last source (an article's speaker goes on, sentence after sentence).
                subj = _clause_subject(norm, m.start(), lex)
                if subj is None and m.group("part").lstrip("وف") not in _SAYING and state.last is not None:
                    subj = _copy(state.last)
                if subj is None:
                    continue
                res = _Found(m.start(), m.end(), subj, None, None, False)
            else:
                res = _Found(m.start(), m.end(), _copy(found[-1].src), None, None, False)
        else:
            if negated or before in _PREPOSITIONS:
                continue  # عن كشف ملفاتها: a verbal noun after a preposition, not a verb
            coordinated = m.group("verb")[:1] in ("و", "ف")
            in_content = embedded_until > m.start()
            if in_content and not coordinated:
                continue
            res = _verb_cue(norm, m, before, send, lex, state, embedded=in_content)
        if res is None:
            continue
        consumed_until = res.cue_end
        found.append(res)
        state.remember(res.src)
        comp = _complement(norm, res.cue_end, send)
        if comp is not None:
            if norm[comp[0]] == '"':
                embedded_until = comp[1]  # the quotation ends the reported content
            else:
                reset = _CLAUSE_RESET.search(norm, comp[1], send)
                embedded_until = reset.start() if reset else send
    return found


_WITHOUT = frozenset({"دون", "بدون", "ودون", "وبدون"})


def _without_that(norm: str, pos: int) -> bool:
    """Whether the cue at ``pos`` follows ``دون أن``, ``بدون أن``, ``من دون أن`` ("without saying")."""
    that = norm.rfind("ان", 0, pos)
    return that > 0 and _word_before(norm, that) in _WITHOUT


def _participle_object(norm: str, m: _Cue, send: int, lex: _Lexicon, *, continuing: bool) -> bool:
    """Whether a participle with no complementiser after it introduces content as its verb does.

    ``مشيراً إلى حالة ...``, ``مشيرا لتخصيص ...``: the verb's own preposition opens the content, as after
    the verb (``وأشار إلى``). ``معلناً التزام الهيئة``: a participle of a verb of kind noun (``أعلن``,
    ``انتقد``, ``دعا``) reports a statement with its object, when it goes on an attribution of its
    sentence (with none, ``معلنا`` is as often a goal "announcing" a score).
    """
    frame, prep = lex.participle_frames.get(m.group("part").removeprefix("و").removeprefix("ف"), ("", ""))
    if not frame:
        return False
    nxt = _tokens(norm, m.end(), _ahead(norm, m.end(), send))[:1]
    if not nxt or nxt[0].stop_before:
        return False
    w = nxt[0].text
    if prep and (
        w == prep or (prep == "الي" and w.startswith("ل") and len(w) > 3 and w not in lex.vocabulary)
    ):
        return True
    return frame == "noun" and continuing and w not in _PREPOSITIONS


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
    for m in _COMPLEMENT.finditer(norm, max(start, hint.start() - 1), end):
        if m.group() != '"':
            return m.start(), m.end()
        close = norm.find('"', m.end(), end)
        inner = norm[m.end() : close if close >= 0 else end]
        if close < 0 or len(inner.split()) >= _MIN_QUOTE_WORDS or not norm[close + 1 : end].strip(" .،,"):
            return m.start(), (close + 1 if close >= 0 else end)
    return None


def _sentence_start(norm: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last sentence end before ``pos`` (or 0)."""
    m = _LAST_PERIOD.search(norm, 0, pos)
    return 0 if m is None else m.end()


def _copy(src: _Source) -> _Source:
    return _Source(src.text, src.source_type, src.affiliation, src.outlet, src.gender, src.cls, src.raw)


def _headline_source(norm: str, lex: _Lexicon) -> _Found | None:
    colon = norm.find(":")
    if colon <= 0:
        return None
    toks = _tokens(norm, 0, colon)
    if not toks or len(toks) > _HEADLINE_PREFIX_TOKENS + _HEADLINE_CONDUIT_TOKENS:
        return None
    words = [t.text for t in toks]
    conduit = None
    conduit_marked = False
    # ``<source> لـ<outlet>: <claim>`` (an interview headline): the outlet is the conduit. A لـ before a
    # quoted or separated name (``لـ«الأيام»``, ``لـ 14 أكتوبر``) is the interviewer even when the outlet
    # table does not know it.
    for k in range(1, len(toks)):
        if (
            words[k] == "ل"
            or words[k][:2] in _LAM_QUOTE
            or (words[k].startswith("ل") and _conduit_at(toks[k:], lex, None))
        ):
            conduit = _conduit_at(toks[k:], lex, None)
            toks, words = toks[:k], words[:k]
            conduit_marked = True
            break
    # An interview headline (a conduit after the source) may name a long office: ``مدير عام مستشفى
    # الأمراض الصدرية في المدينة القديمة لـ الأيام:``.
    if len(toks) > _HEADLINE_PREFIX_TOKENS + (_HEADLINE_CONDUIT_TOKENS if conduit_marked else 0):
        return None
    src = _classify(words, lex, headline=True)
    span = (toks[0].start, toks[-1].end)
    if src is None and conduit_marked and _interviewee(words, lex):
        src = _Source(" ".join(words), "named_person", "unknown", None, "m", "person")
    if src is None and "من" in words:
        k = len(words) - 1 - words[::-1].index("من")
        src = _classify(words[k + 1 :], lex, headline=True)
        span = (toks[k + 1].start, toks[-1].end) if k + 1 < len(toks) else span
    if src is None:
        return None
    return _Found(colon, colon + 1, src, span, conduit, False)


def _interviewee(words: list[str], lex: _Lexicon) -> bool:
    """Whether the words before an interview headline's ``لـ<outlet>:`` read as a personal name.

    ``نور الدين الحربي لـ«الأيام»:``: the one interviewed is a person, so a name of up to four words
    (names, al- surnames, ``الدين``/``الله`` endings) is read as one even with no given name known.
    """
    return (
        1 <= len(words) <= 4
        and _namelike(words[0], lex, strict=False)
        and all(
            w in _COMPOUND_NAME_ENDS or _namelike(w, lex, strict=False) or _surname(w, lex) for w in words[1:]
        )
    )


def _strip_conj(word: str, known: Iterable[str]) -> str:
    return word[1:] if word not in known and word[:1] in ("و", "ف") else word


def _prep_cue(norm: str, m: _Cue, after: list[_Tok], lex: _Lexicon, state: _State) -> _Found | None:
    cue_end = m.end()
    toks = after
    # بحسب ما قاله / وفق ما ذكرت / حسبما قال: the verb's subject is the source.
    if toks and toks[0].text == "ما" and len(toks) > 1:
        toks = toks[1:]
    v = lex.cue_words.get(toks[0].text) if toks else None
    if v is not None and v[0] == "verb":
        cue_end = toks[0].end
        toks = toks[1:]
    elif toks and toks[0] is not after[0]:
        toks = after
    if not toks:
        return None
    first = toks[0].text
    if (
        first.startswith("ل")
        and _strip_conj(m.group("prep"), lex.prepositions) in ("وفقا", "طبقا", "استنادا الي")
        and len(first) > 1
    ):
        stripped = first[2:] if first.startswith("لل") else first[1:]
        if first.startswith("لل"):
            stripped = "ال" + stripped
        toks = [
            _Tok(
                stripped, toks[0].start + (len(first) - len(stripped)), toks[0].end, False, toks[0].stop_after
            ),
            *toks[1:],
        ]
    if toks[0].text in _PRONOUN_OBJECTS or toks[0].text in ("له", "لها", "لهم"):
        src, _ = _continuation(norm, m.start(), False, lex, state)
        if src is None:
            return None
        return _Found(m.start(), cue_end, src, None, None, False)
    phrase, stop = _phrase(toks, lex)
    if not phrase:
        return None
    words = [t.text for t in phrase]
    src = _classify(words, lex)
    if src is None:
        return None
    src = _resolve_anaphor(src, words, lex, state)
    _person_affiliation(src, words, state)
    region_end = toks[min(stop + 8, len(toks) - 1)].end if toks else cue_end
    conduit = _find_conduit(toks[stop : stop + 8], lex, state) if stop < len(toks) else None
    anonymous = lex.anonymity_re.search(norm, cue_end, region_end) is not None
    return _Found(m.start(), cue_end, src, (phrase[0].start, phrase[-1].end), conduit, anonymous)


def _verb_cue(
    norm: str,
    m: _Cue,
    before: str | None,
    send: int,
    lex: _Lexicon,
    state: _State,
    *,
    embedded: bool,
) -> _Found | None:
    word = m.group("verb")
    form = word
    while form not in lex.verb_forms and form[:1] in ("و", "ف", "ل"):
        form = form[1:]
    lemma, kind, feminine = lex.verb_forms[form]
    has_suffix = bool(m.group("suf"))
    after_ma = before == "ما"
    after_kama = before in ("كما", "وكما")
    comp = _complement(norm, m.end(), send)
    comp_pos = comp[0] if comp else send
    after: list[_Tok] | None = None  # the words after the verb, tokenised once they are read
    prep = lex.verb_preps.get(lemma)
    if prep is not None and (comp is None or kind == "noun"):
        after = _tokens(norm, m.end(), _ahead(norm, m.end(), send))
        # أشار مولر إلى إمكانية / شددت الشركة على جدية: with no أن in the sentence, the preposition opens
        # the content (with an أن later, على/إلى may belong to the subject: مصدر مطلع على المحادثات ... أن).
        # A verb of kind noun takes its own preposition whatever follows (دعت مجموعة ... إلى تسليم ...).
        j = next((k for k, t in enumerate(after[:_MAX_SOURCE_TOKENS]) if t.text == prep), None)
        if j is not None and after[j].start < comp_pos:
            comp = (after[j].start, after[j].end)
            comp_pos = comp[0]
    if has_suffix and not after_ma and not (comp and not _tokens(norm, m.end(), comp[0])):
        return None  # كشفه بايدن: an act on an object, not speech
    post_posed = comp is None and _after_quotation(norm, m.start())
    if kind == "speech" and comp is None and not after_kama and not post_posed:
        return None
    if after is None:
        # Only the words that are read: up to the complementiser (the subject and a conduit are there),
        # or with none (or for نقل, which reads past it) the first _AHEAD_TOKENS words.
        bound = comp_pos if comp is not None and kind != "transmit" else _ahead(norm, m.end(), send)
        after = _tokens(norm, m.end(), bound)
    if kind == "transmit":
        return _transmit_cue(norm, m, after, lex, state)
    region = [t for t in after if t.end <= comp_pos]
    phrase, stop = _phrase(region, lex)
    if all(t.text in lex.vocabulary for t in phrase):
        phrase = []  # ويقولون جميعا إنهم: an adverb, no subject
    phrase = _apposition(phrase, region, stop, lex)
    words = [t.text for t in phrase]
    if kind == "inform" and comp is None:
        return None
    if kind == "inform" and phrase and (len(words) == 1 or lex.name_re.fullmatch(" ".join(words))):
        phrase, words = [], []  # أبلغت الدوحة بأن: one noun is the object, the subject is elided
    src: _Source | None = None
    span: tuple[int, int] | None = None
    if phrase and not has_suffix:
        src = _classify(words, lex)
        if src is not None:
            if embedded:
                return None
            src = _resolve_anaphor(src, words, lex, state)
            span = (phrase[0].start, phrase[-1].end)
    if src is None and phrase and not has_suffix and not embedded and comp is not None and kind != "inform":
        src = _subject_before_complement(words, lex)
        if src is not None:
            src = _resolve_anaphor(src, words, lex, state)
            span = (phrase[0].start, phrase[-1].end)
    if src is None:
        if phrase and not has_suffix and (_head(words[0], lex) or _namelike(words[0], lex)):
            return None
        sv = _sv_subject(norm, m.start(), lex)
        if sv is not None:
            if embedded:
                return None
            src, span = sv
            words = src.text.split()
        else:
            if form in lex.impersonal and not phrase:
                return None
            if _in_that_clause(norm, m.start()):
                return None  # أنهم يرون أن / على أن إسرائيل تعتبر: a verb inside a that-clause is content
            if phrase and not has_suffix and not kind == "inform":
                return None  # an explicit subject that is not a source: تشير الاجتماعات إلى أن
            src, span = _continuation(norm, m.start(), feminine, lex, state)
            if src is None:
                return None
            words = src.text.split()
    _person_affiliation(src, words, state)
    conduit = _find_conduit([t for t in after if t.end <= comp_pos] if comp else after[:12], lex, state)
    anonymous = lex.anonymity_re.search(norm, m.end(), comp_pos if comp else send) is not None
    return _Found(m.start(), m.end(), src, span, conduit, anonymous)


def _after_quotation(norm: str, pos: int) -> bool:
    """Whether the cue at ``pos`` follows a closing quotation: ``"..."، قال المسؤول`` (a post-posed cue).

    The quotation before the verb is then the reported content, so the verb needs no complementiser.
    """
    head = norm[:pos].rstrip().rstrip("،,").rstrip()
    return head.endswith('"') and head.count('"') % 2 == 0


def _transmit_cue(norm: str, m: _Cue, after: list[_Tok], lex: _Lexicon, state: _State) -> _Found | None:
    """``نقلت X عن Y``: Y is the source, X the conduit; ``نقلت X`` alone cites X."""
    an = next((i for i, t in enumerate(after[:14]) if t.text == "عن"), None)
    if an is not None:
        first, _ = _phrase(after[:an], lex)
        second, _ = _phrase(after[an + 1 :], lex)
        if second:
            words = [t.text for t in second]
            src = _classify(words, lex)
            if src is not None:
                src = _resolve_anaphor(src, words, lex, state)
                _person_affiliation(src, words, state)
                via = _classify([t.text for t in first], lex) if first else None
                conduit = via.outlet if via is not None and via.source_type == "media_outlet" else None
                return _Found(m.start(), m.end(), src, (second[0].start, second[-1].end), conduit, False)
    phrase, _ = _phrase(after, lex)
    if not phrase:
        return None
    words = [t.text for t in phrase]
    src = _classify(words, lex)
    if src is None or src.source_type != "media_outlet":
        return None  # نقل السفارة: a transfer, not a report; only an outlet is cited by نقل without عن
    return _Found(
        m.start(),
        m.end(),
        _resolve_anaphor(src, words, lex, state),
        (phrase[0].start, phrase[-1].end),
        None,
        False,
    )


_SENT_SPLIT = re.compile(r"(?<=[.!?؟])[^\S\x1c-\x1f]+")  # ``regex``'s ``\s+``, for the faster ``re``


@lru_cache(maxsize=16)
def _sentence_bounds(raw: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the sentences of a line, found once per line (not once per cue)."""
    starts, ends = [0], []
    for m in _SENT_SPLIT.finditer(raw):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(raw))
    return starts, ends


def _sentence(raw: str, pos: int) -> str:
    """The sentence of ``raw`` that a cue at ``pos`` stands in."""
    starts, ends = _sentence_bounds(raw)
    i = bisect_left(ends, pos)
    return raw[starts[i] : ends[i]].strip()


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
        if end:
            return rstart + local.raw_span(pos - 1 - wstart, pos - wstart)[1]
        return rstart + local.raw_span(pos - wstart, pos - wstart + 1)[0]

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


def _doc_rows(doc_id: str, lines: list[tuple[int, str, str, str]], lex: _Lexicon) -> list[tuple]:
    """The attribution rows of one document from its lines (number, label, raw text, matching form)."""
    state = _State()
    rows: list[tuple] = []
    for line_no, label, raw, norm in lines:
        state.history.append(norm)
        cues = _find_cues(norm, lex)
        if not cues and not (label == "headline" and ":" in norm):
            continue  # most lines: no cue and no headline source
        found = _line_attributions(norm, label, lex, state, cues)
        if not found:
            continue
        omap = _RawMap(raw, norm)
        for f in found:
            start, end = omap.raw_span(f.cue_start, f.cue_end)
            if f.src_span is not None:
                s0, s1 = omap.raw_span(*f.src_span)
                source_text = raw[s0:s1]
            else:
                source_text = f.src.raw or f.src.text
            f.src.raw = source_text
            rows.append(
                (  # in the order of COLUMNS
                    doc_id,
                    line_no,
                    start,
                    end,
                    raw[start:end],
                    source_text,
                    f.src.source_type,
                    None,  # the study's category, set by extract()
                    None if f.src.affiliation == "unknown" else f.src.affiliation,
                    f.conduit,
                    f.anonymous,
                    _sentence(raw, start),
                    f.src.outlet if f.src.source_type == "media_outlet" else None,
                )
            )
    if any(r[8] is None and r[6] in _CONTEXT_TYPES for r in rows):
        country = _document_country(state.history, lex)
        if country is not None:
            rows = [(*r[:8], country, *r[9:]) if r[8] is None and r[6] in _CONTEXT_TYPES else r for r in rows]
    return rows


#: Source types whose affiliation, when the phrase names none, is the country the document is about.
_CONTEXT_TYPES = frozenset({"named_person", "anonymous_official", "institution"})
#: The document's country: the one most mentioned, at least this many times and either this share of
#: the country mentions or this many times as often as the next country.
_CONTEXT_MIN_MENTIONS = 2
_CONTEXT_MIN_SHARE = 0.5
_CONTEXT_MIN_LEAD = 2.0


_NAME_CLITICS = ("", "و", "ب", "ل", "ال", "وال", "بال", "لل")


def _country_names(norm: str, lex: _Lexicon) -> Iterator[str]:
    """The entities of the place and body names (not persons) a line mentions, for :func:`_document_country`.

    The names as written are found by the plain trie search (in C); a one-word name counts when it is
    its whole token (after a clitic, before punctuation), a longer one when the full pattern matches at
    its token's start.
    """
    end = -1
    for stem in lex.name_stem_re.finditer(norm):
        start = norm.rfind(" ", 0, stem.start()) + 1
        if start <= end:
            continue
        name = stem.group()
        if " " in name:
            m = lex.name_re.match(norm, start)
            if m is None:
                continue
            end, name = m.end(), m.group("n")
        else:
            stop = norm.find(" ", stem.end())
            token = _STRIP.sub("", norm[start : stop if stop >= 0 else len(norm)])
            prefix = token[: len(token) - len(name)] if token.endswith(name) else None
            if prefix not in _NAME_CLITICS or name not in lex.names:
                continue
            end = stem.end()
        entity, kind = lex.names[name]
        if kind != "person":
            yield entity


@cache
def _entity_kinds() -> dict[str, str]:
    """Each gazetteer entity's kind (``country`` or an organisation's kind)."""
    table = gazetteer.entities()
    return dict(zip(table["entity"], table["kind"], strict=True))


def _document_country(norms: list[str], lex: _Lexicon) -> str | None:
    """The country a document is about: the one its text mentions most (names, capitals, adjectives).

    A named person, official or body whose own phrase names no affiliation speaks, in most news
    articles, for the country the article is about (the Tunisian minister of an article on Tunisian
    elections); when no country clearly dominates (at least :data:`_CONTEXT_MIN_MENTIONS` mentions,
    and :data:`_CONTEXT_MIN_SHARE` of the country mentions or :data:`_CONTEXT_MIN_LEAD` times those
    of the next country), the affiliation stays unknown. Organisations (the EU, the UN) are not
    countries and are not counted, however often a story names them.
    """
    counts: dict[str, int] = {}
    for norm in norms:
        for m in _adjective_matches(norm, lex):
            entity = lex.adjectives[m.group("a")]
            counts[entity] = counts.get(entity, 0) + 1
        for name in _country_names(norm, lex):
            counts[name] = counts.get(name, 0) + 1
    kinds = _entity_kinds()
    countries = {e: n for e, n in counts.items() if kinds.get(e) == "country"}  # not EU, UN, AU
    if not countries:
        return None
    ranked = sorted(countries, key=lambda e: (-countries[e], e))
    best = ranked[0]
    n = countries[best]
    runner_up = countries[ranked[1]] if len(ranked) > 1 else 0
    if n < _CONTEXT_MIN_MENTIONS:
        return None
    if n < _CONTEXT_MIN_SHARE * sum(countries.values()) and n < _CONTEXT_MIN_LEAD * runner_up:
        return None
    return best


def _matching_forms(texts: list[str], *, batch: int = 4096) -> list[str]:
    """:func:`~newsstudy.normalize.for_matching` of every text, computed in batches.

    :func:`~newsstudy.normalize.for_matching_all` gives the same result several times faster than one
    call per line; batches of ``batch`` lines bound the memory of its arrays.

    >>> _matching_forms(["قالَ  مسؤولٌ", "", "ﻻ ٢٠٢٤"], batch=2)
    ['قال مسؤول', '', 'لا 2024']
    """
    out: list[str] = []
    for i in range(0, len(texts), batch):
        out.extend(for_matching_all(texts[i : i + batch]))
    return out


def extract(lines: pd.DataFrame, *, study: Study | None = None) -> pd.DataFrame:
    """Find every source attribution in the ``headline`` and ``content`` lines.

    Parameters
    ----------
    lines : DataFrame
        The ``lines`` table; only the columns ``doc_id``, ``line``, ``label`` and ``text`` are used.
        Lines with any other label (``duplicate``, ``credit``, ``related`` ...) are ignored.
    study : Study, optional
        The study whose categories ``affiliation`` reports (:mod:`newsstudy.study`; default the
        categories of ANNOTATION.md).

    Returns
    -------
    DataFrame
        One row per attribution, in document and line order, with the columns of :data:`COLUMNS`:
        ``start``/``end`` are raw character offsets of the cue in the line, ``cue`` the cue as written,
        ``source_text`` the source as written (for a continuation, the resolved earlier source),
        ``source_type`` one of :data:`SOURCE_TYPES`, ``affiliation_entity`` the country (ISO code) or
        organisation the source speaks for (None when none is found), ``affiliation`` its category in
        the study (``study.labels``; :data:`AFFILIATIONS` for the default study),
        ``conduit`` the canonical outlet the source spoke to (or None), ``anonymity_reason`` (bool),
        ``sentence`` the raw sentence and ``outlet`` the canonical name of a media-outlet source.

    >>> lines = pd.DataFrame({"doc_id": ["d", "d"], "line": [1, 2], "label": ["content", "content"],
    ...     "text": ["وقال مسؤول أميركي لرويترز إن المحادثات توقفت.", "وأضاف: \\"لا جديد\\"."]})
    >>> out = extract(lines)
    >>> out[["line", "cue", "source_text", "affiliation"]].to_numpy().tolist()
    [[1, 'وقال', 'مسؤول أميركي', 'US'], [2, 'وأضاف', 'مسؤول أميركي', 'US']]
    >>> out["conduit"].tolist()
    ['Reuters', None]
    """
    lex = _lexicon()
    need = {"doc_id", "line", "label", "text"}
    missing = need - set(lines.columns)
    if missing:
        raise ValueError(f"lines table lacks columns {sorted(missing)}")
    kept = lines.loc[lines["label"].isin(COUNTED_LABELS), ["doc_id", "line", "label", "text"]]
    kept = kept.sort_values(["doc_id", "line"], kind="stable")
    rows: list[tuple] = []
    doc_ids = kept["doc_id"].astype(str).tolist()
    texts = kept["text"].astype(str).tolist()
    records = zip(
        doc_ids,
        kept["line"].astype(int).tolist(),
        kept["label"].tolist(),
        texts,
        _matching_forms(texts),
        strict=True,
    )
    for doc_id, group in groupby(records, key=itemgetter(0)):
        rows.extend(_doc_rows(doc_id, [rec[1:] for rec in group], lex))
    if not rows:
        out = pd.DataFrame([], columns=list(COLUMNS))
        for col in ("affiliation", "affiliation_entity", "conduit", "outlet"):
            out[col] = pd.Series([], index=out.index, dtype=object)
        return out.astype({"line": "int64", "start": "int64", "end": "int64", "anonymity_reason": "bool"})
    # Column by column: pandas builds a frame from lists faster than from rows (with the same dtypes).
    columns: dict[str, list | pd.Series] = dict(zip(COLUMNS, map(list, zip(*rows, strict=True)), strict=True))
    for col in ("affiliation_entity", "conduit", "outlet"):  # missing means "none": None, not NaN
        columns[col] = pd.Series(columns[col], dtype=object)
    columns["affiliation"] = (study or default_study()).affiliations(columns["affiliation_entity"])
    return pd.DataFrame(columns, columns=list(COLUMNS))


# --------------------------------------------------------------------------------------------------
# Counting


#: Source types counted as anonymous (:func:`anonymous_share`, the views per outlet).
ANONYMOUS_TYPES: tuple[str, ...] = ("anonymous_official", "anonymous_source")


def drop_copies(attributions: pd.DataFrame, copies: pd.DataFrame | None) -> pd.DataFrame:
    """``attributions`` without those on lines copying another document's (``copies``: doc_id, line).

    What the counts read, so a report copied from one outlet to another counts once.

    >>> found = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1]})
    >>> drop_copies(found, pd.DataFrame({"doc_id": ["a"], "line": [2]}))["line"].tolist()
    [1, 1]
    """
    if copies is None or copies.empty or attributions.empty:
        return attributions
    copied = pd.MultiIndex.from_arrays([copies["doc_id"].astype(str), copies["line"].astype("int64")])
    keys = pd.MultiIndex.from_arrays(
        [attributions["doc_id"].astype(str), attributions["line"].astype("int64")]
    )
    return attributions.loc[~keys.isin(copied)]


def count_sources(
    attributions: pd.DataFrame, by: str | list[str] = "source_type", *, copies: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Count attributions by one or more columns, counting each copied report once.

    Parameters
    ----------
    attributions : DataFrame
        Output of :func:`extract`.
    by : str or list of str
        Column(s) to group by: ``doc_id``, ``source_type``, ``affiliation``, ``conduit``, ``outlet`` (the
        cited outlet), or any other column (for example a document's publishing outlet joined on).
    copies : DataFrame, optional
        Lines that copy a line of another document (``doc_id``, ``line``, as from
        ``duplicates.copied_lines``); attributions on them are not counted, so a report copied from one
        outlet to another counts once.

    Returns
    -------
    DataFrame
        The ``by`` columns and ``n``, sorted by ``n`` descending then the keys. Missing values (no conduit)
        are counted under ``"none"``.

    >>> a = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...     "source_type": ["anonymous_official", "anonymous_official", "media_outlet"]})
    >>> count_sources(a).to_numpy().tolist()
    [['anonymous_official', 2], ['media_outlet', 1]]
    >>> count_sources(a, copies=pd.DataFrame({"doc_id": ["a"], "line": [2]})).to_numpy().tolist()
    [['anonymous_official', 1], ['media_outlet', 1]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    kept = drop_copies(attributions, copies)
    frame = kept[keys].astype(object).where(kept[keys].notna(), "none")
    counts = frame.groupby(keys, sort=True).size().rename("n").reset_index()
    return counts.sort_values(
        ["n", *keys], ascending=[False, *([True] * len(keys))], kind="stable"
    ).reset_index(drop=True)


def anonymous_share(attributions: pd.DataFrame, *, copies: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per document: attributions, anonymous ones (``anonymous_official`` + ``anonymous_source``), share.

    >>> a = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...     "source_type": ["anonymous_official", "named_person", "anonymous_source"]})
    >>> anonymous_share(a).to_numpy().tolist()
    [['a', 2, 1, 0.5], ['b', 1, 1, 1.0]]
    """
    kept = drop_copies(attributions, copies)
    anon = kept["source_type"].isin(ANONYMOUS_TYPES)
    out = (
        pd.DataFrame({"doc_id": kept["doc_id"], "anon": anon})
        .groupby("doc_id", sort=True)
        .agg(n=("anon", "size"), n_anonymous=("anon", "sum"))
        .reset_index()
    )
    out["n_anonymous"] = out["n_anonymous"].astype("int64")
    out["share"] = out["n_anonymous"] / out["n"]
    return out


# --------------------------------------------------------------------------------------------------
# Evaluation


def match(extracted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs (extracted row, gold row) on the same document and line whose cue spans overlap.

    Greedy one-to-one, in order of position, so one extraction never matches two gold attributions.

    >>> e = pd.DataFrame({"doc_id": ["d"], "line": [1], "start": [0], "end": [4]})
    >>> g = pd.DataFrame({"doc_id": ["d"], "line": [1], "start": [1], "end": [4]})
    >>> match(e, g)
    [(0, 0)]
    """
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    gold_by_line: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    for gi, (d, ln, s, e) in enumerate(
        zip(gold["doc_id"], gold["line"], gold["start"], gold["end"], strict=True)
    ):
        gold_by_line.setdefault((str(d), int(ln)), []).append((int(s), int(e), gi))
    for ei, (d, ln, s, e) in enumerate(
        zip(extracted["doc_id"], extracted["line"], extracted["start"], extracted["end"], strict=True)
    ):
        for gs, ge, gi in gold_by_line.get((str(d), int(ln)), []):
            if gi not in used and int(s) < ge and gs < int(e):
                pairs.append((ei, gi))
                used.add(gi)
                break
    return pairs


def evaluate(extracted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of detection, and attribute accuracy on matched pairs.

    Parameters
    ----------
    extracted, gold : DataFrame
        Attribution tables with at least ``doc_id``, ``line``, ``start``, ``end``, ``source_type``,
        ``affiliation``, ``conduit`` (and ``anonymity_reason`` if present in both).

    Returns
    -------
    DataFrame
        Columns ``metric``, ``value``, ``n``: precision (n = extracted), recall (n = gold), f1, and
        ``<attribute>_accuracy`` over the n matched pairs.

    >>> g = pd.DataFrame({"doc_id": ["d", "d"], "line": [1, 2], "start": [0, 0], "end": [3, 3],
    ...     "source_type": ["media_outlet", "document"], "affiliation": ["US", "unknown"],
    ...     "conduit": [None, None]})
    >>> evaluate(g.iloc[:1], g).set_index("metric")["value"].round(2).to_dict()["f1"]
    0.67
    """
    pairs = match(extracted, gold)
    tp = len(pairs)
    precision = tp / len(extracted) if len(extracted) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    rows = [
        {"metric": "precision", "value": precision, "n": len(extracted)},
        {"metric": "recall", "value": recall, "n": len(gold)},
        {"metric": "f1", "value": f1, "n": tp},
    ]
    attrs = [
        a
        for a in ("source_type", "affiliation", "conduit", "anonymity_reason")
        if a in extracted and a in gold
    ]
    for attr in attrs:
        same = 0
        for ei, gi in pairs:
            ev, gv = extracted[attr].iloc[ei], gold[attr].iloc[gi]
            ev = None if pd.isna(ev) else ev
            gv = None if pd.isna(gv) else gv
            same += ev == gv
        rows.append({"metric": f"{attr}_accuracy", "value": same / tp if tp else 0.0, "n": tp})
    return pd.DataFrame(rows, columns=["metric", "value", "n"])


def _same(a: object, b: object) -> bool:
    a = None if a is None or (isinstance(a, float) and pd.isna(a)) else a
    b = None if b is None or (isinstance(b, float) and pd.isna(b)) else b
    return a == b


_SCORED_FIELDS = ("source_type", "affiliation_entity", "affiliation", "conduit")


def _detection_scores(extracted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    pairs = match(extracted.reset_index(drop=True), gold.reset_index(drop=True))
    tp = len(pairs)
    precision = tp / len(extracted) if len(extracted) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    row: dict[str, float] = {
        "gold": len(gold),
        "found": len(extracted),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }
    for field_name in _SCORED_FIELDS:
        same = sum(_same(extracted[field_name].iloc[e], gold[field_name].iloc[g]) for e, g in pairs)
        row[field_name] = same / tp if tp else float("nan")
    return row


def score_table(
    extracted: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    groups: pd.Series | None = None,
    study: Study | None = None,
) -> pd.DataFrame:
    """Detection and typing scores of an extraction against gold, per group (e.g. outlet) and overall.

    Columns: ``gold`` and ``found`` (attributions), ``precision``, ``recall`` and ``f1`` of
    detection (cue spans overlapping on the same line, :func:`match`), and the accuracy of
    ``source_type``, ``affiliation_entity``, ``affiliation`` and ``conduit`` on the matched pairs.
    Gold that gives only ``affiliation_entity`` gets its ``affiliation`` from the ``study``'s
    categories (default: ANNOTATION.md's). ``groups`` maps doc_id to a group; the last row is ``all``.

    >>> g = pd.DataFrame({"doc_id": ["d", "e"], "line": [1, 1], "start": [0, 0], "end": [3, 3],
    ...     "source_type": ["named_person"] * 2, "affiliation_entity": ["SA", None], "conduit": [None, None]})
    >>> e = g.iloc[:1].assign(affiliation="other")
    >>> t = score_table(e, g, groups=pd.Series({"d": "X", "e": "Y"}))
    >>> t["recall"].to_dict(), float(t.loc["all", "affiliation"])
    ({'X': 1.0, 'Y': 0.0, 'all': 0.5}, 1.0)
    """
    study = study or default_study()
    gold = gold.reset_index(drop=True)
    if "affiliation" not in gold.columns:
        gold = gold.assign(affiliation=study.affiliations(gold["affiliation_entity"]))
    extracted = extracted.reset_index(drop=True)
    rows = {}
    if groups is not None:
        eg = extracted["doc_id"].astype(str).map(groups)
        gg = gold["doc_id"].astype(str).map(groups)
        for name in sorted(set(gg.dropna()) | set(eg.dropna())):
            rows[name] = _detection_scores(extracted[eg == name], gold[gg == name])
    rows["all"] = _detection_scores(extracted, gold)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "group"
    return table.astype({"gold": "int64", "found": "int64"})


def highlight(
    attributions: pd.DataFrame, lines: pd.DataFrame | None = None, *, width: int | None = None
) -> pd.DataFrame:
    """The attributions with their cue marked ``[[…]]`` inside ``sentence``, for reading.

    With the ``lines`` table the mark is placed at the cue's own offsets; without
    it, at the first occurrence of the cue in the sentence. With ``width``, the
    sentence is cut to about that many characters around the cue (``…`` marks a cut).

    >>> found = extract(pd.DataFrame({"doc_id": ["a"], "line": [1], "label": ["content"],
    ...                               "text": ["وقال مسؤول أميركي إن المحادثات توقفت."]}))
    >>> highlight(found)["sentence"].tolist()
    ['[[وقال]] مسؤول أميركي إن المحادثات توقفت.']
    >>> highlight(found, width=20)["sentence"].tolist()
    ['[[وقال]] مسؤول أميركي إن…']
    """
    raw = {}
    if lines is not None:
        raw = {(d, n): t for d, n, t in zip(lines["doc_id"], lines["line"], lines["text"], strict=True)}

    def mark(row: pd.Series) -> str:
        sentence, cue = str(row["sentence"]), str(row["cue"])
        line = raw.get((row["doc_id"], row["line"]))
        at = line.find(sentence) if line is not None else -1
        if at >= 0 and at <= row["start"] and row["end"] <= at + len(sentence):
            start, end = row["start"] - at, row["end"] - at
        else:
            start = max(sentence.find(cue), 0)
            end = start + len(cue) if cue in sentence else start
        marked = f"{sentence[:start]}[[{sentence[start:end]}]]{sentence[end:]}"
        if width is None or len(sentence) <= width:
            return marked
        left = max(0, start - width // 3)
        right = min(len(marked), left + width + 4)
        return ("…" if left else "") + marked[left:right].strip() + ("…" if right < len(marked) else "")

    if attributions.empty:
        return attributions.copy()
    return attributions.assign(sentence=attributions.apply(mark, axis=1))


def read_gold(directory: Path, *, corpus: str | None = None) -> pd.DataFrame:
    """Read hand-annotated gold attributions (one JSON file per document) as one table.

    Columns: ``doc_id`` and the gold fields (``line``, ``cue``, ``start``, ``end``,
    ``source_text``, ``source_type``, ``affiliation``, ``conduit``,
    ``anonymity_reason``); the format is in ``tests/gold/attributions/README.md``.

    >>> from newsstudy.paths import REPO_ROOT
    >>> gold = read_gold(REPO_ROOT / "tests" / "gold" / "attributions", corpus="seeds")
    >>> gold["doc_id"].nunique() == 5 and {"line", "start", "end", "source_type"} <= set(gold.columns)
    True
    """
    rows = []
    for path in sorted(Path(directory).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if corpus is None or record.get("corpus") == corpus:
            rows.extend({"doc_id": record["doc_id"], **item} for item in record["attributions"])
    return pd.DataFrame(rows)
