"""What a document has said so far: its sources, people, titles and outlets, and the country it is about.

:class:`_State` is kept per document while its lines are read: a later bare ``الوزير``, ``بلينكن`` or
``الصحيفة`` takes the affiliation or outlet named earlier (:func:`_resolve_anaphor`), and a source
whose phrase names no entity takes the country the document is about (:func:`_document_country`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice

import regex

from newsstudy.attribution import gazetteer
from newsstudy.attribution.classification import (
    _PLURAL_SOURCES,
    _affiliation,
    _bare,
    _given_name_after_title,
    _head,
    _head_form,
    _is_definite,
    _namelike,
    _outlet_label,
    _plural,
    _Source,
    _surname,
    _unplaced,
)
from newsstudy.attribution.lexicon import _PREPOSITIONS, _Lexicon, _lexicon, _Outlet
from newsstudy.attribution.tokens import _COMPLEMENT, _NONSPACE, _STOPS, _STRIP


@dataclass
class _State:
    last: _Source | None = None
    by_class: dict[str, _Source] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # matching forms of the counted lines read so far
    people_upto: int = 0
    outlet_cache: tuple[int, _Outlet | None] = (-1, None)
    people: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # head noun -> entity (وزير الصحة الأردني: وزير, JO)

    by_head: dict[str, _Source] = field(default_factory=dict)  # head noun -> the last source it headed
    bodies: dict[str, _Source] = field(default_factory=dict)  # head noun -> the last body it headed

    def remember(self, src: _Source) -> None:
        self.last = src
        if src.cls and (src.affiliation != "unknown" or src.cls not in self.by_class):
            self.by_class[src.cls] = src
        first = src.text.split(maxsplit=1)[:1]
        form = _head_form(first[0], _lexicon()) if first else None
        if form is not None and src.source_type in _PEOPLE_TYPES:
            self.by_head[form] = src
        if form is not None and src.cls == "institution":
            if src.affiliation != "unknown" or form not in self.bodies:
                self.bodies[form] = src


#: Source types of people, whom a later mention by their head noun alone (``الوزير``, ``رجل الدين``) names,
#: from the least to the most specific.
_PEOPLE_TYPES = {"anonymous_source": 0, "anonymous_official": 1, "named_person": 2}


def _earlier_mention(src: _Source, words: list[str], lex: _Lexicon, state: _State) -> _Source | None:
    """The source an anaphor by head noun names: ``الوزير`` after ``وزير الخارجية الأمريكي أنتوني
    بلينكن``, ``رجل الدين`` after ``رجل دين يشغل منصباً كبيراً``.

    The anaphor is definite (``الوزير``, or a construct ``رجل الدين``), at most two words, each of
    which (without its clitics) is a word of the earlier source's phrase or a modifier word of the
    vocabulary; the earlier source is the last one of the document with the same head noun.
    """
    # the words before a preposition: تساءل الشيخ عن سبب ... names the cleric
    words = words[: next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))]
    if src.source_type not in _PEOPLE_TYPES or len(words) > 2:
        return None
    if not (_is_definite(words[0]) or (len(words) == 2 and _is_definite(words[1]))):
        return None
    form = _head_form(words[0], lex)
    earlier = state.by_head.get(form) if form is not None else None
    if earlier is None or earlier.text == src.text:
        return None
    seen = set(earlier.text.split())
    for w in words[1:]:
        if not any(c in seen or c in lex.vocabulary for c in _bare(w, lex)):
            return None
    return earlier


#: "The same" after a definite noun (``المصدر نفسه``, ``المتحدث ذاته``, ``المسؤول عينه``).
_SAME_WORDS = frozenset({"ذاته", "ذاتها", "نفسه", "نفسها", "عينه", "عينها"})


def _same_as_last(words: list[str], state: _State) -> _Source | None:
    """The source ``المصدر نفسه`` / ``المتحدث ذاته`` ("the same source/speaker") takes back: the
    document's last source, whatever its type (a named person, an official, a body, an outlet)."""
    if len(words) != 2 or words[1] not in _SAME_WORDS or not _is_definite(words[0]) or state.last is None:
        return None
    if _plural(words[0]) or _bare(words[0], _lexicon())[-1] in _PLURAL_SOURCES:
        return None  # المصادر ذاتها: the sources named before, not necessarily the last one
    return state.last


#: Generic office nouns that, definite and with an entity, can stand for any office holder named before.
_GENERIC_OFFICIALS = frozenset({"مسؤول", "مسؤوله", "دبلوماسي", "دبلوماسيه"})


def _generic_mention(src: _Source, words: list[str], lex: _Lexicon, state: _State) -> _Source | None:
    """The named person a definite generic office noun with an entity stands for: ``المسؤول الأممي``
    after ``وكيل الأمين العام للأمم المتحدة ... مارك لوكوك`` (the last source, named, of the same entity).

    Only a definite ``المسؤول``/``الدبلوماسي`` whose phrase names the entity of the document's last source,
    itself a named person: ``المسؤول الكبير`` (no entity) or an official of another entity is someone else.
    """
    last = state.last
    if (
        last is None
        or last.source_type != "named_person"
        or src.source_type != "anonymous_official"
        or src.affiliation in ("unknown", None)
        or src.affiliation != last.affiliation
        or len(words) != 2
        or not _is_definite(words[0])
        or _head_form(words[0], lex) not in _GENERIC_OFFICIALS
    ):
        return None
    return last


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
        learnt: list[str] = []
        for found in islice(_NONSPACE.finditer(norm, m.end()), n):
            w = _STRIP.sub("", found.group())
            if _head(w, lex) and _head(w, lex)[0] == "title":
                if taken:
                    if title is None and _office_of_body(norm, found.end()):
                        for name in learnt:  # الفرنسي دوران المدير الفني للهلال: he speaks for the club
                            if state.people.get(name) == label:
                                del state.people[name]
                    break  # نتنياهو رئيس الوزراء: a title after the name ends it
                continue
            if _COMPLEMENT.fullmatch(w):
                break  # جان دوبون إن: the name ends at the complementiser
            if taken and _surname(w, lex):
                if w not in state.people:
                    learnt.append(w)
                state.people.setdefault(w, label)  # خالد السعدي: an al- surname ends the name
                break
            if _namelike(w, lex):
                if w not in state.people:
                    learnt.append(w)
                state.people.setdefault(w, label)
                taken += 1
                if taken >= lex.max_name_words:
                    break
            elif w in ("بن", "عبد", "ال"):
                continue
            else:
                break


def _office_of_body(norm: str, pos: int) -> bool:
    """Whether the office title that ends at ``pos`` is held in a body named with لـ (``المدير الفني للهلال``,
    ``مدرب لمنتخب``), within the next three words.

    A bare nationality before a name (``الفرنسي دوران``, "the Frenchman") says where the person is from;
    an office in a body after the name says whom they speak for (the club, not France). A state office is
    written as a construct (``وزير الخارجية``) and keeps the nationality.
    """
    return any(w.startswith("ل") and len(w) > 3 for w in norm[pos : pos + 60].split()[:3])


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
            if lex.heads[form][0] == "institution":
                continue  # وزير الصحة الأردني: the portfolio is the title's complement
            return form if lex.heads[form][0] in ("title", "official") else None
    return None


def _adjective_matches(norm: str, lex: _Lexicon) -> Iterable[regex.Match]:
    """``lex.adjective_re.finditer(norm)``, run only on the tokens that hold an adjective.

    A document's lines are read twice (for the people it names, :func:`_learn_people`, and for the
    country it is about, :func:`_document_country`), so the matches of the last lines are kept.

    Every match holds one of the adjectives as written (its group ``a``) and never crosses a space, so
    its token holds that adjective. Those tokens are found by one ``re`` search for the adjectives
    (:data:`_Lexicon.adjective_stem_re`, run in C; most lines hold none), and the pattern is run on them
    alone (a space is neither a letter nor a digit, so its look-arounds see the same at a token's ends
    as in the whole line). A token is searched once however many adjectives it holds, so a long token
    costs its length once.
    """
    if lex is _lexicon():
        return _adjective_matches_cached(norm)
    return _find_adjectives(norm, lex)


@lru_cache(maxsize=512)
def _adjective_matches_cached(norm: str) -> tuple[regex.Match, ...]:
    return tuple(_find_adjectives(norm, _lexicon()))


def _find_adjectives(norm: str, lex: _Lexicon) -> Iterator[regex.Match]:
    """:func:`_adjective_matches` computed afresh."""
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


def _repeated_anaphor(src: _Source, words: list[str], lex: _Lexicon, state: _State) -> None:
    """``المصدر`` again after an ``المصدر`` that took an official's type from its antecedent (``مصدر في
    الوزارة ... المصدر ... المصدر``): the repeated anaphor is the same official (its type only; the
    entity is resolved as for any anaphor)."""
    if len(words) != 1 or not _is_definite(words[0]) or src.source_type != "anonymous_source":
        return
    form = _head_form(words[0], lex)
    earlier = state.by_head.get(form) if form is not None else None
    if earlier is not None and earlier.text == src.text and earlier.source_type == "anonymous_official":
        src.source_type = "anonymous_official"


def _resolve_anaphor(src: _Source, words: list[str], lex: _Lexicon, state: _State) -> _Source:
    """``المسؤول``/``المصادر``/``الصحيفة`` with no other information: take what the document already said."""
    same = _same_as_last(words, state)
    if same is not None:
        src.source_type, src.affiliation, src.outlet = same.source_type, same.affiliation, same.outlet
        return src
    _repeated_anaphor(src, words, lex, state)
    earlier = _earlier_mention(src, words, lex, state) or _generic_mention(src, words, lex, state)
    if earlier is not None:
        # the type only ever becomes more specific: المسؤول في حركة حماس أسامة حمدان stays named
        if _PEOPLE_TYPES[earlier.source_type] > _PEOPLE_TYPES[src.source_type]:
            src.source_type = earlier.source_type
        if src.affiliation == "unknown":
            src.affiliation = earlier.affiliation
        return src
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
    if src.cls == "institution" and src.affiliation == "unknown":
        # الصندوق after صندوق النقد الدولي (and a council of it cited since), الوكالة after وكالة فيتش: the
        # last body the same head noun named, cited as a source or named by the gazetteer; a body named by
        # another head noun (البلدية after الاتحاد الدولي لكرة القدم) is another body, which takes the
        # country the document is about
        form = _head_form(words[0], lex)
        body = state.bodies.get(form) if form is not None else None
        if body is not None and body.affiliation != "unknown":
            src.affiliation = body.affiliation
        elif form is not None and (entity := _named_body(form, state, lex)) is not None:
            src.affiliation = entity
        return src
    if prev is not None and src.affiliation == "unknown":
        src.affiliation = prev.affiliation
    return src


#: Words that name a source through the body last cited: its spokesperson (متحدث باسمها).
_OF_IT = frozenset({"باسمها", "باسمه", "باسمهم"})


def _body_of_pronoun(src: _Source, words: list[str], state: _State) -> None:
    """A source named through a pronoun of the body last cited (``متحدث باسمها``, ``مديرتها العامة``)
    speaks for that body's entity, not for the country the document is about, nor for the place it is
    posted in (``ممثلها في كندا``, ``ممثلة البرنامج في <country>``: the phrase's entity came only from a
    place after a preposition of place, :func:`~newsstudy.attribution.classification._unplaced`)."""
    if src.source_type not in ("named_person", "anonymous_official"):
        return
    lex = _lexicon()
    if src.affiliation != "unknown":
        kept = _unplaced(words, lex)
        if len(kept) == len(words) or _affiliation(kept, lex) is not None:
            return  # the phrase names whom it speaks for, not only where it is
        words = kept
    body = state.by_class.get("institution")
    if body is not None and body.affiliation != "unknown":
        for i, w in enumerate(words[:3]):
            if w in _OF_IT or (i == 0 and w.endswith(("ها", "هم")) and _head(w, lex) is not None):
                src.affiliation = body.affiliation
                return
        # an office of the body last cited, named by its head noun: الأمين العام للمنظمة after منظمة أوبك,
        # ممثلة البرنامج after برنامج الأغذية العالمي
        first = body.text.split()[0] if body.text else ""
        if len(first) > 2 and not first.startswith("ال") and _head(words[0], lex) is not None:
            for w in words[1:3]:
                if w in ("ال" + first, "لل" + first):
                    src.affiliation = body.affiliation
                    return
    if len(words) > 1 and _head(words[0], lex) is not None:
        for i, w in enumerate(words[1:3], start=1):
            # the noun alone ends the phrase (الأمين العام للمنظمة، مندوب في المنظمة في فيينا): no name of
            # its own follows it (المتحدث باسم الاتحاد من أجل ...: a body named there)
            alone = i + 1 == len(words) or words[i + 1] == "في"
            if alone and w.startswith(("ال", "لل")) and (entity := _named_body(w[2:], state, lex)):
                src.affiliation = entity
                return


@cache
def _bodies_by_noun() -> dict[str, frozenset[str]]:
    """Each noun that opens the gazetteer name of an organisation (``منظمه`` of ``منظمة الدول المصدرة
    للنفط``, ``مجموعه`` of ``المجموعة الاقتصادية لدول غرب أفريقيا``), without the article, -> those
    organisations (not countries, places or people)."""
    lex = _lexicon()
    countries = {e for e, k in _entity_kinds().items() if k == "country"}
    found: dict[str, set[str]] = {}
    for name, (entity, kind) in lex.names.items():
        if kind == "person" or entity in countries or " " not in name:
            continue
        first = name.split()[0]
        found.setdefault(first.removeprefix("ال"), set()).add(entity)
    return {noun: frozenset(ids) for noun, ids in found.items()}


#: How many lines back a body noun's antecedent is looked for.
_BODY_WINDOW = 40


@lru_cache(maxsize=512)
def _names_of_line(norm: str) -> tuple[tuple[int, str, str], ...]:
    """:func:`_name_mentions` of a line (default lexicon) with each name's entity, kept for the lines
    read again."""
    lex = _lexicon()
    return tuple((start, name, lex.names[name][0]) for start, name in _name_mentions(norm, lex))


#: The clitics of a body noun that introduces a body (منظمة، ومنظمة، بمنظمة): indefinite, a name follows.
_NOUN_CLITICS = ("", "و", "ب", "ل", "ف", "وب", "ول")


def _named_body(noun: str, state: _State, lex: _Lexicon) -> str | None:
    """The organisation a definite body noun in an office's phrase stands for (``الأمين العام للمنظمة``,
    ``رئيس مفوضية المجموعة``): the one the document named last with a name of the gazetteer that this
    noun opens (``منظمة البلدان المصدرة للنفط (أوبك)``) or by another of its names (``أوبك``), when the
    body the noun last introduced is that one; a body the gazetteer does not know, introduced by the
    noun later (``منظمة <unknown name>``), is another body (None)."""
    bodies = _bodies_by_noun().get(noun)
    if bodies is None:
        return None
    for norm in islice(reversed(state.history), _BODY_WINDOW):
        # a mention by a name the noun opens, or by a one-word name (أوبك، إيكواس); not by a name of another
        # head (الاتحاد الأوروبي is no mention of an agency, وكالة, of the EU)
        events: list[tuple[int, str | None]] = [
            (start, entity)
            for start, name, entity in _names_of_line(norm)
            if entity in bodies and (" " not in name or name.split()[0].removeprefix("ال") == noun)
        ]
        named = {start for start, _ in events}
        for m in _NONSPACE.finditer(norm) if noun in norm else ():
            token = _STRIP.sub("", m.group())
            if token.endswith(noun) and token[: len(token) - len(noun)] in _NOUN_CLITICS:
                if m.start() not in named:
                    events.append((m.start(), None))  # introduces a body the gazetteer does not name
        if events:
            return max(events, key=lambda e: e[0])[1]
    return None


def _person_affiliation(src: _Source, words: list[str], state: _State) -> None:
    _body_of_pronoun(src, words, state)
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


#: Source types whose affiliation, when the phrase names none, is the country the document is about.
_CONTEXT_TYPES = frozenset({"named_person", "anonymous_official", "institution"})
#: The document's country: the one most mentioned, at least this many times and either this share of
#: the country mentions or this many times as often as the next country.
_CONTEXT_MIN_MENTIONS = 2
_CONTEXT_MIN_SHARE = 0.5
_CONTEXT_MIN_LEAD = 2.0


_NAME_CLITICS = ("", "و", "ب", "ل", "ال", "وال", "بال", "لل")
_ARTICLE_CLITICS = frozenset({"ال", "وال", "بال", "لل"})


def _country_names(norm: str, lex: _Lexicon) -> Iterator[tuple[int, str]]:
    """The entities of the place, body and person names a line mentions, for :func:`_document_country`,
    each with the offset of its token.

    The names as written are found by the plain trie search (in C); a one-word name counts when it is
    its whole token (after a clitic, before punctuation), a longer one when the full pattern matches at
    its token's start.
    """
    for start, name in _name_mentions(norm, lex):
        yield start, lex.names[name][0]


def _name_mentions(norm: str, lex: _Lexicon) -> Iterator[tuple[int, str]]:
    """The gazetteer names a line mentions (:func:`_country_names`), as matched, with their offsets."""
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
            if prefix in _ARTICLE_CLITICS and name in gazetteer.no_article_forms():
                continue  # المالي "the financial", not Mali
            end = stem.end()
        yield start, name


def _line_countries(norm: str, lex: _Lexicon) -> tuple[str, ...]:
    """The home country of each mention of a line, in the order the line names them: nationality
    adjectives (not a given name so spelled, :func:`_given_name_at`) and the names of places, national
    bodies and people (:func:`_country_names`); international bodies have none and are left out."""
    if lex is _lexicon():
        return _line_countries_cached(norm)
    return _find_line_countries(norm, lex)


@lru_cache(maxsize=512)
def _line_countries_cached(norm: str) -> tuple[str, ...]:
    """:func:`_line_countries` of the default lexicon, kept for the lines a document's later calls of
    :func:`_document_country` scan again (the whole text, then all lines but one)."""
    return _find_line_countries(norm, _lexicon())


def _find_line_countries(norm: str, lex: _Lexicon) -> tuple[str, ...]:
    homes = _home_countries()
    found = [
        (m.start(), home)
        for m in _adjective_matches(norm, lex)
        if (home := homes.get(lex.adjectives[m.group("a")])) is not None and not _given_name_at(norm, m, lex)
    ]
    found += [
        (start, home) for start, name in _country_names(norm, lex) if (home := homes.get(name)) is not None
    ]
    return tuple(home for _, home in sorted(found, key=lambda f: f[0]))


@cache
def _entity_kinds() -> dict[str, str]:
    """Each gazetteer entity's kind (``country`` or an organisation's kind)."""
    table = gazetteer.entities()
    return dict(zip(table["entity"], table["kind"], strict=True))


@cache
def _home_countries() -> dict[str, str]:
    """Each entity's country: a country is its own; a national body's (a party, a movement, a club) is
    the country of ``organisations.tsv``; an international body (the UN, the EU) has none."""
    kinds = _entity_kinds()
    homes = {e: e for e, k in kinds.items() if k == "country"}
    orgs = gazetteer._read("organisations.tsv")
    homes.update({o: c for o, c in zip(orgs["id"], orgs["country"], strict=True) if c in homes})
    return homes


def _document_country(
    norms: list[str], lex: _Lexicon, *, min_mentions: int = _CONTEXT_MIN_MENTIONS
) -> str | None:
    """The country a document is about: the one its text mentions most (names, capitals, adjectives).

    A named person, official or body whose own phrase names no affiliation speaks, in most news
    articles, for the country the article is about (the Tunisian minister of an article on Tunisian
    elections). Countries are compared by the lines that name them, each line once: a line that names
    one country again and again (its army, its organisation and its towns in one sentence) is one line
    of the story, not its setting; between countries on as many lines, the more often named is ahead.
    The country needs at least :data:`_CONTEXT_MIN_MENTIONS` mentions, and either dominates
    (:data:`_CONTEXT_MIN_SHARE` of the country lines or :data:`_CONTEXT_MIN_LEAD` times those of the
    next country) or is, among those on the most lines, the one the text names first (a story's lead
    names its country first); otherwise the affiliation stays unknown. A national body or a political figure
    (``التيار الوطني الحر``, a party of Lebanon) counts for its country; international bodies (the
    EU, the UN) are not countries and are not counted, however often a story names them.
    ``min_mentions=1`` is the weaker default for a state office (:func:`_state_office`).
    """
    lines: dict[str, int] = {}  # the lines naming each country (not EU, UN, AU: they have no home country)
    mentions: dict[str, int] = {}  # its mentions, however many a line holds
    for norm in norms:
        named = _line_countries(norm, lex)
        for home in named:
            mentions[home] = mentions.get(home, 0) + 1
        for home in dict.fromkeys(named):
            lines[home] = lines.get(home, 0) + 1
    if not lines:
        return None
    # the most named: on the most lines, then with the most mentions, then the first named
    ranked = sorted(lines, key=lambda e: (-lines[e], -mentions[e]))
    best = ranked[0]
    n = lines[best]
    runner_up = lines[ranked[1]] if len(ranked) > 1 else 0
    if n < _CONTEXT_MIN_SHARE * sum(lines.values()) and n < _CONTEXT_MIN_LEAD * runner_up:
        # no country dominates: the one the text names first, if it is on as many lines as any
        best = next(iter(lines))
        if lines[best] < n:
            return None
    return best if mentions[best] >= min_mentions else None


def _given_name_at(norm: str, m: regex.Match, lex: _Lexicon) -> bool:
    """Whether an adjective match of a line is a given name spelled like a nationality adjective: the
    bare word (no clitic, no ending) after a title and before a name (``العقيد الركن تركي المالكي``,
    ``الأمير تركي الفيصل``: a man called Turki, no mention of Turkey), as
    :func:`~newsstudy.attribution.classification._given_name_after_title` reads it in a source's phrase.

    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> lex = _lexicon()
    >>> def at(s): return _given_name_at(s, lex.adjective_re.search(s), lex)
    >>> at("قال الامير تركي الفيصل"), at("مسؤول تركي كبير")
    (True, False)
    """
    if m.group() != m.group("a") or norm[m.end() : m.end() + 1] != " ":
        return False  # التركي، تركية: the adjective (no given name is so written); تركي،: no name after
    before = norm[max(0, m.start() - 60) : m.start()].split()[-2:]
    while before and before[0][-1:] in _STOPS:
        before = before[1:]  # a comma or a stop ends the title's phrase
    if not before or before[-1][-1:] in _STOPS:
        return False
    after = norm[m.end() : m.end() + 60].split()[:1]
    words = [*before, m.group(), *(_STRIP.sub("", w) for w in after)]
    return _given_name_after_title(words, len(before), lex)


def _state_office(phrase: str, lex: _Lexicon) -> bool:
    """Whether a normalised source phrase is headed by a state's office or body (``state_offices.txt``).

    One of its first three words, without clitics and article, is such a head noun: ``وزير
    الداخلية``, ``مدير أمن المحافظة``, ``وقالت الشرطة``, ``الداخلية``.

    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> _state_office("وزير الداخليه", _lexicon()), _state_office("مدير امن المحافظه", _lexicon())
    (True, True)
    >>> _state_office("متعامل في السوق", _lexicon()), _state_office("", _lexicon())
    (False, False)
    """
    offices = lex.state_offices
    return any(c in offices for word in phrase.split()[:3] for c in _bare(word, lex))
