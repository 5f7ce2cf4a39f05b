"""Extraction: :func:`extract` finds every source attribution of a ``lines`` table, one row each.

:func:`highlight` marks each cue in its sentence, for reading.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import cache
from itertools import groupby
from operator import itemgetter

import pandas as pd

from newsstudy.attribution.classification import (
    _affiliation,
    _bare,
    _classify,
    _regional_envoy,
    _unnamed_envoy,
)
from newsstudy.attribution.context import (
    _CONTEXT_TYPES,
    _document_country,
    _entity_kinds,
    _State,
    _state_office,
)
from newsstudy.attribution.cues import _find_cues
from newsstudy.attribution.lexicon import _data_lines, _Lexicon, _lexicon
from newsstudy.attribution.sources import _line_attributions, _verb_form
from newsstudy.attribution.tokens import _RawMap, _sentence
from newsstudy.errors import check_table
from newsstudy.normalize import for_matching_all
from newsstudy.study import Study, default_study

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


# A full stop between two Arabic words with no space after it (``... في البلاد".وفي غضون ذلك``): scraped
# paragraphs often join sentences so. ``re``: the character classes are plain code points. The stop is
# written first and the letter before it looked behind at: a literal first character lets ``re`` skip
# from stop to stop in C (a pattern opening with a look-behind is tried at every position).
_JOINED_STOP = re.compile(r'\.(?<=[\u0621-\u064a")]\.)(?=[\u0621-\u064a])')


def _split_joined_sentences(norm: str) -> tuple[str, list[int]]:
    """``norm`` with a space after each full stop that joins two sentences, and where the spaces went.

    A stop after a one-letter token or inside a dotted abbreviation (``د.مبيض``, ``ا.ف.ب``) joins no
    sentences and is left alone. The positions are those of the inserted spaces in the new text
    (:func:`_unshift` maps offsets back).

    >>> _split_joined_sentences("قال إنه غادر.وأضاف أنه عاد ا.ف.ب د.مبيض")
    ('قال إنه غادر. وأضاف أنه عاد ا.ف.ب د.مبيض', [13])
    """
    if "." not in norm:
        return norm, []
    parts, inserted, last = [], [], 0
    for m in _JOINED_STOP.finditer(norm):
        dot = m.start()
        token = norm[norm.rfind(" ", 0, dot) + 1 : dot]
        if len(token.strip('"()')) <= 1 or "." in token or "." in norm[dot + 1 : dot + 3]:
            continue
        parts.append(norm[last : dot + 1])
        inserted.append(dot + 1 + len(inserted))
        last = dot + 1
    if not inserted:
        return norm, []
    parts.append(norm[last:])
    return " ".join(parts), inserted


def _unshift(inserted: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of :func:`_split_joined_sentences`'s text as a span of the text it was made from."""
    if not inserted:
        return start, end
    return start - bisect_left(inserted, start), end - bisect_left(inserted, end)


def _doc_rows(
    doc_id: str, lines: list[tuple[int, str, str, str]], lex: _Lexicon, home: str | None = None
) -> list[tuple]:
    """The attribution rows of one document from its lines (number, label, raw text, matching form).

    ``home`` is the home country of the document's outlet, when the researcher gives it
    (:func:`extract`): the default entity of a state office that names no country, where no
    country dominates the text.
    """
    state = _State()
    rows: list[tuple] = []
    norms: list[str] = []  # each row's source phrase, normalised
    line_numbers: list[int] = []  # the line of each state.history entry
    described: set[str] = set()  # people described as private (محمد، وهو تاجر): no document country
    offices: set[str] = set()  # people described by an office (محمد، رئيس اللجنة): speak for a body
    described_as: dict[str, str] = {}  # people whose description names an entity (الباحثة في المعهد النمساوي)
    for line_no, label, raw, matching in lines:
        norm, inserted = _split_joined_sentences(matching)
        state.history.append(norm)
        line_numbers.append(line_no)
        cues = _find_cues(norm, lex)
        if not cues and not (label == "headline" and ":" in norm):
            continue  # most lines: no cue and no headline source
        omap = None
        if any(_wasl_form(c, lex) for c in cues):
            omap = _RawMap(raw, matching)
            cues = [c for c in cues if not _first_person(c, raw, omap, inserted, lex)]
        if "ة" in raw and any(c.group("suf") == "ه" for c in cues):
            omap = omap or _RawMap(raw, matching)
            cues = [c for c in cues if not _taa_marbuta(c, raw, omap, inserted)]
        if any(c.group("verb") in lex.shadda_forms for c in cues):
            omap = omap or _RawMap(raw, matching)
            cues = [c for c in cues if not _without_shadda(c, raw, omap, inserted, lex)]
        if "\u064f" in raw:  # a damma: a perfect may be marked passive (أُعلن، ذُكر)
            omap = omap or _RawMap(raw, matching)
            cues = [c for c in cues if not _marked_passive(c, raw, omap, inserted, lex)]
        found = _line_attributions(norm, label, lex, state, cues)
        if not found:
            continue
        omap = omap or _RawMap(raw, matching)
        for f in found:
            start, end = omap.raw_span(*_unshift(inserted, f.cue_start, f.cue_end))
            if f.src_span is not None:
                s0, s1 = omap.raw_span(*_unshift(inserted, *f.src_span))
                source_text = raw[s0:s1]
            else:
                source_text = f.src.raw or f.src.text
            f.src.raw = source_text
            if f.src_span is not None and f.src.source_type == "document":
                issuer = _issuer_after(norm, f.src_span[1], lex)
                if issuer is not None:
                    f.src.source_type = issuer.source_type
                    if f.src.affiliation == "unknown":
                        f.src.affiliation = issuer.affiliation
            norms.append(f.src.text)
            if f.src_span is not None and f.src.source_type == "named_person":
                # (read in place: a copy of the rest of the line for each person is quadratic in its length)
                after = f.src_span[1]
                if _described_private(norm, lex, after):
                    described.add(f.src.text)
                kind, entity = _apposition(norm, lex, after)
                if entity is not None and f.src.affiliation == "unknown":
                    described_as.setdefault(f.src.text, entity)
                elif kind == "office":
                    offices.add(f.src.text)
            affiliation = None if f.src.affiliation == "unknown" else f.src.affiliation
            if f.src_span is not None and f.src.source_type != "media_outlet":
                affiliation = _name_across(norm, *f.src_span, lex) or affiliation
            if affiliation is None and f.src.source_type == "named_person":
                affiliation = described_as.get(f.src.text)
            elif _private_national(affiliation, f.src.source_type, f.src.text, lex):
                affiliation = None
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
                    affiliation,
                    f.conduit,
                    f.anonymous,
                    _sentence(raw, start),
                    f.src.outlet if f.src.source_type == "media_outlet" else None,
                )
            )

    def _named_elsewhere(country: str, line_no: int, phrase: str) -> bool:
        others = [h for h, n in zip(state.history, line_numbers, strict=True) if n != line_no]
        return _document_country(others, lex, min_mentions=1) == country and (
            _document_country([phrase], lex, min_mentions=1) != country
        )

    # a state's records (its statistics, figures, registers, constitution) speak for the country the
    # document is about, as its bodies do; a report, a study or a memorandum does not
    records = [r[6] == "document" and _state_record(n, lex) for r, n in zip(rows, norms, strict=True)]
    if any(r[8] is None and (r[6] in _CONTEXT_TYPES or d) for r, d in zip(rows, records, strict=True)):
        country = _document_country(state.history, lex)
        if country is not None:
            private = _private_people(rows, norms, described, lex)
            rows = [
                (*r[:8], country, *r[9:]) if r[8] is None and (r[6] in _CONTEXT_TYPES or d) and not p else r
                for r, d, p in zip(rows, records, private, strict=True)
            ]
        else:
            # No country dominates: a state office (a minister, the police) still speaks for the country
            # the document names most, however few times (a domestic story of a national paper names its
            # own rarely), and where the text names none, for the home country of its outlet where the
            # researcher gives it (the text is the evidence; the outlet's country only fills its silence:
            # a national paper's story abroad names the country it is about, if only once).
            offices = [
                r[8] is None
                and r[6] in _CONTEXT_TYPES
                and (_state_office(n, lex) or _speaks_as_body(r[6], n, lex) or n in offices)
                for r, n in zip(rows, norms, strict=True)
            ]
            if any(offices):
                country = _document_country(state.history, lex, min_mentions=1) or home
                if country is not None:
                    # (any other body needs the country named on another line than its own, and not by its
                    # own phrase: الأمير تركي الفيصل, a name read as a nationality, is no evidence)
                    offices = [
                        o
                        and (
                            _state_office(n, lex)
                            or (home is not None and not _unnamed_envoy(n.split(), lex))
                            or _named_elsewhere(country, r[1], n)
                        )
                        for o, n, r in zip(offices, norms, rows, strict=True)
                    ]
                    rows = [(*r[:8], country, *r[9:]) if o else r for r, o in zip(rows, offices, strict=True)]
    return rows


#: A relative clause of issuing right after a document's phrase: ``الأرقام التي نشرتها <body>``.
_ISSUED_BY = re.compile(
    r"\s*(?:التي|الذي)?\s*(?:اجرت|اجرا|اعدت|اعد|نشرت|نشر|اصدرت|اصدر|وضعت|وضع|اعلنت|اعلن)(?:ها|ه)\s+"
    r"([^،,.:\"«»()]+)"
)


def _issuer_after(norm: str, end: int, lex: _Lexicon):
    """The body or person a document's phrase is issued by when the phrase stops before the clause that
    names it (``الأرقام`` | ``التي نشرتها السلطة المستقلة``, ``النتائج النهائية`` | ``التي أعلنتها
    مفوضية ...``): the gold conventions give such a document the issuer's type and entity, as
    :func:`~newsstudy.attribution.classification._issuer` does for a phrase that holds the clause. The
    issuer's words stop at a complementiser.

    >>> s = "وحسب الارقام التي نشرتها السلطه المستقله علي موقعها، بلغ"
    >>> _issuer_after(s, s.index(" التي"), _lexicon()).source_type
    'institution'
    >>> _issuer_after("وحسب الارقام، بلغ", 12, _lexicon()) is None
    True
    """
    m = _ISSUED_BY.match(norm, end)
    if m is None:
        return None
    words: list[str] = []
    for w in m.group(1).split()[:8]:
        if _COMPLEMENT_WORD.fullmatch(w):
            break
        words.append(w)
    src = _classify(words, lex) if words else None
    if src is None or src.source_type not in ("institution", "named_person", "media_outlet"):
        return None
    return src


#: A complementiser with its clitics (إن، فإن، بأن، أنه) in matching form.
_COMPLEMENT_WORD = re.compile(r"[وفب]{0,2}ان(?:ه|ها|هم|هما|هن|نا|ني)?")


def _name_across(norm: str, start: int, end: int, lex: _Lexicon) -> str | None:
    """The entity of a gazetteer name that opens inside a source phrase and goes on after its end: the
    phrase was cut inside the name (``مكتب الأمم المتحدة`` | ``لحقوق الإنسان``, ``بعثة الأمم`` |
    ``المتحدة في ...``), and a name is read whole. Only the phrase's first name is read, and only when
    it opens the phrase or follows its head noun; a name that ends inside the phrase gives None (its
    entity is the phrase's own).

    >>> lex = _lexicon()
    >>> s = "دعا مكتب الامم المتحده لحقوق الانسان السلطات"
    >>> _name_across(s, 4, s.index(" لحقوق"), lex), _name_across(s, 4, s.index(" السلطات"), lex)
    ('OHCHR', None)
    """
    for m in lex.name_re.finditer(norm, start, min(len(norm), end + 80)):
        if m.start() >= end or m.end() <= end or norm.count(" ", start, m.start()) > 1:
            return None  # (a name that opens after the phrase's second word is no part of its head)
        entity, kind = lex.names[m.group("n")]
        return None if kind == "person" else entity
    return None


def _private_people(rows: list[tuple], norms: list[str], described: set[str], lex: _Lexicon) -> list[bool]:
    """Which rows are private people, who take no document country: named by a private role
    (:func:`_private_role`) or described as private (:func:`_described_private`), or named later by the
    last word of such a person's name alone (``الناير`` after ``الخبير الاقتصادي <given> الناير``,
    ``غنيم`` after ``<given> غنيم، صاحب مخبز``).

    >>> lex = _lexicon()
    >>> r = [(None,) * 6 + ("named_person",)] * 3
    >>> _private_people(r, ["الخبير الاقتصادي سامي الناير", "الناير", "الوزير"], set(), lex)
    [True, True, False]
    """
    surnames: set[str] = set()
    private = []
    for r, n in zip(rows, norms, strict=True):
        words = n.split()
        person = r[6] == "named_person"
        p = person and (_private_role(n, lex) or n in described or (len(words) == 1 and words[0] in surnames))
        p = p or (r[6] == "anonymous_official" and _regional_envoy(words, lex))
        if p and words:
            surnames.add(words[-1])
        private.append(p)
    return private


#: A person described right after the name: ``<name>، وهو/وهي [من] <noun>``.
_DESCRIBED = re.compile(r"\s*[،,]\s*(?:وهو|وهي)\s+(?:من\s+)?(\S+)")
#: ``من أصل``/``من أصول`` (of ... origin): an origin, no description of a private role.
_ORIGIN_NOUNS = frozenset({"اصل", "اصول"})
#: Head classes of an office: a person described by one of them speaks for a body.
_OFFICE_HEADS = frozenset({"title", "official", "institution"})


def _described_private(after: str, lex: _Lexicon, pos: int = 0) -> bool:
    """Whether the words after a named person's phrase describe a private person: an apposition
    ``، وهو``/``، وهي`` whose noun is no office or body (a trader, a father, a housewife, one of a town's
    notables); such a person speaks for no state and takes no document country, as a private role
    before the name does (:func:`_private_role`). ``وهو وزير سابق`` is an office, ``وهو من أصل
    فلسطيني`` an origin (of the family, not a role). The words are read from ``pos`` of ``after`` (the
    line itself, at the phrase's end: no copy of the rest of the line).

    So is an apposition with no ``وهو`` that gives an age (``، 17 عاما،``, ``(24 عاما)``), a relative
    clause naming no office (``، التي تعمل في بيت عائلة``, ``، الذي ينقل البصل``), a noun of kinship or
    ownership (``، والد إحدى الطالبات``, ``، صاحب مخبز``: ``kin_nouns.txt``) or a lay person's or a
    group's noun, alone or after ``أحد``/``إحدى`` (``، إحدى الناجيات``, ``، صياد``).

    >>> lex = _lexicon()
    >>> _described_private("، وهو تاجر في السوق", lex), _described_private("، وهي من سكان الحي", lex)
    (True, True)
    >>> _described_private("، وهو وزير سابق", lex), _described_private(" ان الوضع صعب", lex)
    (False, False)
    >>> _described_private("، وهو من اصل فلسطيني، ان", lex)
    False
    >>> _described_private(" (24 عاما)، احدي الناجيات، ان", lex), _described_private("، والد الطالب، ان", lex)
    (True, True)
    >>> _described_private("، الذي يعمل في مخبز، ان", lex), _described_private("، الذي يراس الوفد، ان", lex)
    (True, False)
    >>> _described_private("، رئيس اللجنه، ان", lex), _described_private("، في مؤتمر صحفي", lex)
    (False, False)
    """
    m = _DESCRIBED.match(after, pos)
    if m is None:
        return _private_apposition(after, lex, pos)
    if m.group(1) in ("ما", "الذي", "التي") or m.group(1) in _ORIGIN_NOUNS:
        return False  # وهو من أصل <nationality>: where the family comes from, no role
    return not _office_word(m.group(1), lex)


def _office_word(word: str, lex: _Lexicon) -> bool:
    """A word of an office or a body: a title, official or institution head, or a state office."""
    return any(
        lex.heads.get(c, ("",))[0] in _OFFICE_HEADS or c in lex.state_offices for c in _bare(word, lex)
    )


#: An age in apposition after a name: ``، 17 عاما،`` or ``(24 عاما)``.
_AGE = re.compile(r"\s*[(،,]\s*\d+\s*(?:عاما|عام|سنه|سنوات)\s*\)?")
#: The words of one apposition after a name, up to the next comma, colon, quote or parenthesis.
_SEGMENT = re.compile(r"\s*[،,]\s*([^،,:\"«»“”()]+)")
#: Relative pronouns opening a clause about a person (الذي يعمل، التي وصلت).
_RELATIVES = frozenset({"الذي", "التي"})
#: Verbs of holding an office, in a relative clause after a name (الذي يرأس الوفد).
_OFFICE_VERBS = frozenset(
    {"يراس", "تراس", "يتراس", "تتراس", "يشغل", "تشغل", "يتولي", "تتولي", "يقود", "تقود"}
)
#: One of a group (أحد السكان، إحدى الناجيات).
_ONE_OF = frozenset({"احد", "احدي"})


#: The nouns of honorifics opened by صاحب (صاحب السمو، صاحبة الجلالة): a title, no owner.
_HONORIFIC_NOUNS = frozenset(
    {"السمو", "الجلاله", "المعالي", "الفخامه", "السعاده", "الفضيله", "النيافه", "الغبطه"}
)


@cache
def _kin_nouns() -> frozenset[str]:
    """Nouns of kinship and ownership (``kin_nouns.txt``): a person described by one is a private one."""
    return frozenset(_data_lines("kin_nouns.txt"))


def _private_apposition(after: str, lex: _Lexicon, pos: int = 0) -> bool:
    """:func:`_described_private` for an apposition with no ``وهو``/``وهي``: an age, a relative clause
    naming no office, or a noun of kinship, ownership, a lay person or a group (read from ``pos``)."""
    aged = _AGE.match(after, pos)
    m = _SEGMENT.match(after, aged.end() if aged else pos)
    if m is None:
        return aged is not None  # يوسف، 17 عاما، إن: an age alone describes no office
    words = m.group(1).split()[:8]
    if not words:
        return aged is not None
    if words[0] in _RELATIVES:
        # a relative clause that holds no office or body (الذي يرأس الوفد، التي تعمل في الوزارة)
        return not any(w in _OFFICE_VERBS or _office_word(w, lex) for w in words[1:])
    first = words[1] if words[0] in _ONE_OF and len(words) > 1 else words[0]
    bare = _bare(first, lex)
    if any(c in _kin_nouns() or c in lex.lay_people for c in bare):
        return True
    if words[0] in _ONE_OF and any(lex.heads.get(c, ("",))[0] == "source" for c in bare):
        return True  # إحدى الناجيات، أحد السكان: one of a group of people
    return aged is not None and not _office_word(first, lex)


#: A description right after a person's name, up to the next comma, colon or quote.
_APPOSITION = re.compile(r"\s*[،,]\s*(?:(?:وهو|وهي)\s+)?([^،,:\"«»“”]+)")


def _apposition(after: str, lex: _Lexicon, pos: int = 0) -> tuple[str | None, str | None]:
    """What the description after a named person's phrase says: ``(kind, entity)``.

    The description is a role or office noun (a head of ``heads.tsv`` or a private role) and the words
    after it up to the next comma: ``سامي، رئيس البرنامج الوطني`` (kind ``office``: the person speaks
    for a body, as a titled one does, :func:`_speaks_as_body`), ``سامي، الباحثة في المعهد النمساوي``
    (kind ``role``; its entity AT: the description names what the person speaks for). Anything else
    (``، في مؤتمر صحفي``) is no description: ``(None, None)``. As in :func:`_described_private`, the
    words are read from ``pos`` of ``after``.

    >>> lex = _lexicon()
    >>> _apposition("، الباحثه في المعهد النمساوي للسياسه، ان", lex), _apposition("، رئيس البرنامج، ان", lex)
    (('role', 'AT'), ('office', None))
    >>> _apposition("، في مؤتمر صحفي", lex)
    (None, None)
    """
    m = _APPOSITION.match(after, pos)
    if m is None:
        return None, None
    words = m.group(1).split(maxsplit=8)[:8]  # (the first eight words, without splitting the rest)
    bare = _bare(words[0], lex) if words else ()
    heads = [lex.heads[c][0] for c in bare if c in lex.heads]
    if not heads and not any(c in lex.private_roles for c in bare):
        return None, None
    office = any(h in _OFFICE_HEADS for h in heads) or any(c in lex.state_offices for c in bare)
    kind = "role" if any(c in lex.private_roles for c in bare) or not office else "office"
    return kind, _affiliation(words, lex)


#: Head classes of a body: a private role after one of them is its genitive (رابطة اللاعبين).
_BODY_HEADS = frozenset({"institution", "document", "outlet"})


def _private_role(phrase: str, lex: _Lexicon) -> bool:
    """Whether a normalised source phrase is headed by the role of a private person (an expert, an
    analyst, a coach: ``private_roles.txt``), who speaks for no state and so takes no document country.

    >>> _private_role("الخبير الاقتصادي سامي", _lexicon()), _private_role("وزير الخارجيه", _lexicon())
    (True, False)
    >>> _private_role("صاحب احد البيوت", _lexicon()), _private_role("صاحب السمو الامير", _lexicon())
    (True, False)
    >>> _private_role("مالك احمد خان", _lexicon())
    False
    """
    roles = lex.private_roles
    words = phrase.split()
    if (
        len(words) > 1
        and any(c in _kin_nouns() for c in _bare(words[0], lex))
        and (words[1].startswith("ال") or words[1] in ("احد", "احدي"))
        and words[1] not in _HONORIFIC_NOUNS
    ):
        # صاحب أحد البيوت، والد الطالبة، الأم الثكلى: a person by kin or ownership (not صاحب السمو, an
        # honorific, nor the given name مالك before a name)
        return True
    for word in words[:3]:
        bare = _bare(word, lex)
        if any(c in roles for c in bare):
            return True
        if any(lex.heads.get(c, ("",))[0] in _BODY_HEADS for c in bare):
            return False  # رابطة اللاعبين: a body of players speaks as a body
    return False


def _state_record(phrase: str, lex: _Lexicon) -> bool:
    """Whether a document source is headed by a state's records (``state_records.txt``: statistics,
    figures, registers, a constitution, a law, a statement), its first word without clitics and article.

    >>> lex = _lexicon()
    >>> _state_record("الاحصائيات", lex), _state_record("بيانات رسميه", lex), _state_record("تقرير", lex)
    (True, True, False)
    """
    words = phrase.split()
    return bool(words) and any(c in lex.state_records for c in _bare(words[0], lex))


def _private_national(entity: str | None, source_type: str, phrase: str, lex: _Lexicon) -> bool:
    """Whether a private person's country comes only from where they live or what nationality they are:
    a phrase headed (one of its first three words, with no office or body head before it: ``وزير
    الهجرة واللاجئين الكندي`` is a minister) by a lay person's role (``lay_people.txt``: a fan, a
    fisherman, a voter, a refugee, a trader) whose entity is a country (``مشجع جزائري``,
    ``الصياد اليمني``). Such a person speaks for no state, and the gold gives null; a body they are part
    of (``خبير أممي``: the UN) or work for (a bank, a university of the country) is kept.

    >>> lex = _lexicon()
    >>> _private_national("DZ", "anonymous_source", "مشجع جزائري", lex)
    True
    >>> _private_national("UN", "anonymous_source", "خبير اممي", lex)
    False
    >>> _private_national("AT", "named_person", "الطالبه في جامعه فيينا", lex)
    False
    >>> _private_national("EG", "anonymous_official", "وزير الداخليه", lex)
    False
    >>> _private_national("CA", "named_person", "وزير الهجره واللاجئين الكندي", lex)
    False
    """
    if entity is None or source_type not in ("named_person", "anonymous_source"):
        return False
    if _entity_kinds().get(entity) != "country":
        return False
    for word in phrase.split()[:3]:
        bare = _bare(word, lex)
        if any(c in lex.lay_people for c in bare):
            break
        if any(c in lex.state_offices or lex.heads.get(c, ("",))[0] in _OFFICE_HEADS for c in bare):
            return False  # وزير الهجرة واللاجئين الكندي: the refugees are the minister's portfolio
    else:
        return False
    # one who works for a body of the country speaks from it (المحلل في بنك <adj>، أستاذ في جامعة <city>)
    return not any(
        lex.heads.get(c, ("",))[0] in _BODY_HEADS for word in phrase.split() for c in _bare(word, lex)
    )


def _speaks_as_body(source_type: str, phrase: str, lex: _Lexicon) -> bool:
    """Whether a source speaks as a body or for one: an institution, an unnamed official, or a person
    named by an office of a body (``رئيس اللجنة``, ``المتحدث باسم الوزارة``), not a private person.

    Such a source with no affiliation of its own takes the country the document names most, even once,
    as a state office does (a local body of a national story: ``نقابة المعلمين``, ``غرفة التجارة``).

    >>> lex = _lexicon()
    >>> _speaks_as_body("named_person", "رئيس اللجنه", lex), _speaks_as_body("named_person", "سامي", lex)
    (True, False)
    """
    if source_type in ("institution", "anonymous_official"):
        return not _private_role(phrase, lex)
    words = phrase.split()
    if not words or _private_role(phrase, lex):
        return False
    return any(lex.heads.get(c, ("",))[0] in ("title", "official") for c in _bare(words[0], lex))


def _wasl_form(cue, lex: _Lexicon) -> str | None:
    """The verb form of a cue whose perfect opens with hamzat al-wasl (اعتقد، اعتبر، استنكر), if it is one.

    Written in matching form, the perfect of these verbs is spelled as their 1st person singular
    imperfect: اعتقد "he believed" and أعتقد "I believe" both become اعتقد.
    """
    word = cue.group("verb")
    if word not in lex.wasl_cues:  # (one set lookup: most cues are no such perfect)
        return None
    return word if word in lex.wasl_perfects else word[1:]


def _first_person(cue, raw: str, omap: _RawMap, inserted: list[int], lex: _Lexicon) -> bool:
    """Whether a perfect of hamzat al-wasl (:func:`_wasl_form`) is written with a hamza: ``وأعتقد أن``,
    ``أعتبر أن``, the writer's own 1st person imperfect (the perfect is written with a bare alef),
    which cites no source (ANNOTATION: first-person verbs are not attributions)."""
    form = _wasl_form(cue, lex)
    if form is None:
        return False
    start, end = omap.raw_span(*_unshift(inserted, cue.start(), cue.end()))
    word = raw[start:end]
    letters = [c for c in word if c.isalpha()]
    # the alef is the first letter after the conjunction (و، ف) the cue was written with
    k = len(cue.group("verb")) - len(form)
    return len(letters) > k and letters[k] == "أ"


def _taa_marbuta(cue, raw: str, omap: _RawMap, inserted: list[int]) -> bool:
    """Whether a cue read as a verb with the pronoun ه is written with ة: a noun (إضافة، نسبة، دعوة،
    تابعة), as the matching form spells ة as ه. Text that writes ة as ه keeps the verb reading."""
    if cue.group("suf") != "ه":
        return False
    start, end = omap.raw_span(*_unshift(inserted, cue.start(), cue.end()))
    letters = [c for c in raw[start:end] if c.isalpha()]
    return bool(letters) and letters[-1] == "ة"


def _without_shadda(cue, raw: str, omap: _RawMap, inserted: list[int], lex: _Lexicon) -> bool:
    """Whether a cue of ``shadda_verbs.tsv`` (``وقدّر``, ``وردّت``) is written without its shadda: then
    it is the other word its bare spelling also is (the noun قدر، ردّ؛ وردت "was stated"), no cue."""
    if cue.group("verb") not in lex.shadda_forms:
        return False
    start, end = omap.raw_span(*_unshift(inserted, cue.start(), cue.end()))
    return "\u0651" not in raw[start:end]


def _marked_passive(cue, raw: str, omap: _RawMap, inserted: list[int], lex: _Lexicon) -> bool:
    """Whether a perfect reporting verb is written passive, a damma on its first letter (``وأُعلن``,
    ``ذُكر``): impersonal, it cites no source (``نُقل عن X`` still cites X, and is not read here). An
    active perfect never takes a damma there; active imperfects do (يُضيف), so only perfects are read."""
    word = cue.group("verb")
    if not word:
        return False
    form = _verb_form(word, lex)
    if form not in lex.passive_perfects:
        return False
    start, end = omap.raw_span(*_unshift(inserted, cue.start(), cue.end()))
    letters = raw[start:end]
    k = len(word) - len(form)  # letters of the clitics before the verb
    seen = 0
    for i, c in enumerate(letters):
        if c.isalpha():
            if seen == k:
                return letters[i + 1 : i + 2] == "\u064f"
            seen += 1
    return False


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


def extract(
    lines: pd.DataFrame, *, study: Study | None = None, home_countries: Mapping[str, str | None] | None = None
) -> pd.DataFrame:
    """Find every source attribution in the ``headline`` and ``content`` lines.

    Parameters
    ----------
    lines : DataFrame
        The ``lines`` table; only the columns ``doc_id``, ``line``, ``label`` and ``text`` are used,
        and ``norm`` if there: each line's :func:`~newsstudy.normalize.for_matching` form (as
        :func:`~newsstudy.clean.label_lines` gives them with ``norms_out=``), not computed again.
        Lines with any other label (``duplicate``, ``credit``, ``related`` ...) are ignored.
    study : Study, optional
        The study whose categories ``affiliation`` reports (:mod:`newsstudy.study`; default the
        categories of ANNOTATION.md). Its ``home_country``, if set, is every document's home country.
    home_countries : mapping, optional
        doc_id -> the ISO code of the country of the document's outlet, where the researcher knows it
        (a national paper; a pan-Arab outlet left out, or mapped to None, which no study
        ``home_country`` overrides); :func:`newsstudy.attribution.home_countries` reads them from a
        documents table's ``country`` column. A state office (a minister, ministry, governor,
        police) whose phrase names no country, in a document that no country dominates, speaks for
        the country the document names most, even once, and where the text names none, for that
        home country.

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
        ``sentence`` the raw sentence (a run-on one cut to ``tokens.SENTENCE_MAX_CHARS`` around the cue)
        and ``outlet`` the canonical name of a media-outlet source.

    >>> lines = pd.DataFrame({"doc_id": ["d", "d"], "line": [1, 2], "label": ["content", "content"],
    ...     "text": ["وقال مسؤول أميركي لرويترز إن المحادثات توقفت.", "وأضاف: \\"لا جديد\\"."]})
    >>> out = extract(lines)
    >>> out[["line", "cue", "source_text", "affiliation"]].to_numpy().tolist()
    [[1, 'وقال', 'مسؤول أميركي', 'US'], [2, 'وأضاف', 'مسؤول أميركي', 'US']]
    >>> out["conduit"].tolist()
    ['Reuters', None]
    """
    lex = _lexicon()
    check_table(
        lines, "lines", ["doc_id", "line", "label", "text"], example="newsstudy.clean.label_lines(documents)"
    )
    given = ["norm"] if "norm" in lines.columns else []  # each line's matching form, if known
    kept = lines.loc[lines["label"].isin(COUNTED_LABELS), ["doc_id", "line", "label", "text", *given]]
    kept = kept.sort_values(["doc_id", "line"], kind="stable")
    rows: list[tuple] = []
    doc_ids = kept["doc_id"].astype(str).tolist()
    texts = kept["text"].astype(str).tolist()
    records = zip(
        doc_ids,
        kept["line"].astype(int).tolist(),
        kept["label"].tolist(),
        texts,
        kept["norm"].tolist() if given else _matching_forms(texts),
        strict=True,
    )
    default_home = getattr(study, "home_country", None)
    homes = home_countries or {}
    for doc_id, group in groupby(records, key=itemgetter(0)):
        rows.extend(_doc_rows(doc_id, [rec[1:] for rec in group], lex, homes.get(doc_id, default_home)))
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
