"""The attribution lexicon: the data files of ``data/attribution/``, the gazetteer and the outlets, read once.

:func:`_lexicon` builds the :class:`_Lexicon` that every other module reads (cue table, head nouns,
titles, given names, gazetteer forms and their patterns); :func:`reporting_verbs` and
:func:`outlets_table` show two of its tables.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
import regex

from newsstudy.attribution import gazetteer, morphology
from newsstudy.attribution.cues import (
    OBJECT_SUFFIXES,
    OTHER_PREFIXES,
    VERB_PREFIXES,
    _checked_cue_keys,
    _cue_stems,
    _cue_token_pattern,
    _cue_words,
    _multi_preps,
    _trie_pattern,
)
from newsstudy.normalize import for_matching
from newsstudy.paths import DATA_DIR

ATTRIBUTION_DIR = DATA_DIR / "attribution"
_NEGATORS = frozenset({"لم", "لن", "لا", "ليس", "ولم", "ولن", "ولا", "فلم", "فلا"})
_NOT_NAME_STARTS = frozenset("عن من في علي الي بعد قبل حول ضد لدي خلال عبر بين مع منذ".split())
_PREPOSITIONS = frozenset("عن من في علي الي بعد قبل حول ضد لدي خلال عبر".split())


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
    state_offices: frozenset[str]  # head nouns of a state's offices and bodies (affiliation default)
    state_sectors: frozenset[str]  # adjectives of a state's sectors (مصدر أمني: an official)
    private_roles: frozenset[str]  # role nouns of people who speak for no state (no country default)
    lay_people: frozenset[str]  # private roles whose nationality or town is no affiliation either
    state_records: frozenset[str]  # document heads of a state's records (take the document's country)
    headline_bodies: frozenset[str]  # portfolios read as the ministry only as a headline colon's source
    participles: frozenset[str]
    honorifics: frozenset[str]  # one-word honorific titles (السيد، الشيخ، الدكتور): a name follows them
    passive_perfects: frozenset[str]  # perfect forms (not of نقل) whose passive is marked with a damma
    wasl_cues: frozenset[str]  # those perfects as cue words, with و or ف or neither
    wasl_perfects: frozenset[str]  # the perfects of verbs that open with hamzat al-wasl (اعتقد، استنكر)
    participle_frames: dict[str, tuple[str, str]]  # generated participle -> its verb's frame, preposition
    # participles spelled like a noun or adjective (guarded_participles.tsv): cues only after a comma,
    # going on an attribution of their sentence
    guarded_participles: frozenset[str]
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
    outlet_re: re.Pattern
    name_re: re.Pattern
    adjective_re: re.Pattern
    anonymity_re: regex.Pattern
    max_name_words: int = 3
    verb_words: frozenset[str] = field(default_factory=frozenset)
    cue_keys: frozenset[str] = field(default_factory=frozenset)  # cue words and multiword-preposition starts
    cue_re: re.Pattern | None = None  # _cue_token_pattern of the cue stems: every cue key, and a few more
    adjective_stem_re: re.Pattern | None = None  # the adjectives as written (see _adjective_matches)
    name_stem_re: re.Pattern | None = None  # the names as written (see context._country_names)
    titles: dict[str, str] = field(default_factory=dict)  # title or honorific (1-2 words) -> gender
    person_names: frozenset[str] = frozenset()  # the names of kind person
    given_names: frozenset[str] = field(default_factory=frozenset)
    # verb forms, with their و/ف/ل, that are cues only where the raw word writes a shadda
    # (shadda_verbs.tsv: وردّت، تقدّر): a cue's ``verb`` group
    shadda_forms: frozenset[str] = frozenset()
    # verbal nouns of a statement that جدّد takes as its object (statement_objects.txt), as written: bare,
    # with ال, and before a possessive pronoun (دعوته)
    statement_objects: frozenset[str] = field(default_factory=frozenset)
    # nouns of a norm (norms.txt) as written: after وفق/طبقا/استنادا إلى "in accordance with", no source
    norms: frozenset[str] = field(default_factory=frozenset)


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


# The gazetteer's and the outlet table's patterns are run by the standard ``re`` engine, their words
# written as a trie (:func:`_trie_pattern`): it compares each character with the few letters that
# can follow, where ``regex`` tried thousands of alternatives at every position. At one position the
# trie tries the words the text starts with from the longest down, as the longest-first alternation
# did, so the matches are the same. ``[^\W_]`` is ``re``'s letter or digit (``str.isalnum``), the
# ``\p{L}\p{N}`` of :data:`~newsstudy.attribution.tokens._L`.
_NOT_AFTER_WORD = r"(?<![^\W_])"
_NOT_BEFORE_WORD = r"(?![^\W_])"


def _word_pattern(
    group: str, words: Iterable[str], prefixes: Iterable[str], suffixes: Iterable[str] = ()
) -> re.Pattern:
    """A whole word of ``words`` (the named ``group``), after one of ``prefixes``, before one of ``suffixes``.

    The clitics (``re`` fragments: a clitic, or one with a look-ahead on what follows it) are tried in
    the order given, and may be absent.

    >>> p = _word_pattern("n", ["مصر", "مصر العربيه"], ("و", "ب"))
    >>> [m.group("n") for m in p.finditer("ومصر، مصر العربيه ومصرف")]
    ['مصر', 'مصر العربيه']
    """
    after = f"(?:{'|'.join(suffixes)})?" if suffixes else ""
    body = f"(?:{'|'.join(prefixes)})?(?P<{group}>{_trie_pattern(words)}){after}"
    return re.compile(_NOT_AFTER_WORD + body + _NOT_BEFORE_WORD)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


#: How a verb's ``frame`` in ``reporting_verbs.tsv`` is read by the extractor (see the module docstring):
#: ``speech`` needs a complementiser, ``noun`` takes a noun object, ``inform`` and ``transmit`` as named;
#: ``topic`` (speaking about: تحدث عن، تطرق إلى) needs its preposition and a person or body as subject.
_FRAMES = {
    "complement": "speech",
    "noun": "noun",
    "inform": "inform",
    "transmit": "transmit",
    "topic": "topic",
    "view": "speech",  # ذهب X إلى أن "held the view that": a complement right after its preposition only
}


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
        presents = [p for p in row.present.split("|") if p != "-"]  # - : the imperfect is another verb's
        for vf in morphology.verb_forms(row.past, presents, row.lemma):
            forms.setdefault(vf.form, (row.lemma, frame, vf.feminine))
        if row.participle not in ("", "-"):
            for f in morphology.participle_forms(row.participle):
                participles.setdefault(f.form, (frame, row.preposition.strip()))
    return forms, preps, {f: v for f, v in participles.items() if f not in forms}


@cache
def _shadda_verbs() -> dict[str, tuple[str, str, bool]]:
    """The verb forms of ``shadda_verbs.tsv`` -> (lemma, frame, feminine), as :func:`_reporting_verbs`.

    >>> forms = _shadda_verbs()
    >>> forms["تقدر"][0], forms["ردت"][2]
    ('قدّر', True)
    """
    forms: dict[str, tuple[str, str, bool]] = {}
    rows = [r.split("\t") for r in _data_lines("shadda_verbs.tsv")[1:]]  # after the header
    for lemma, past, present, _participle, _kind, frame, *_ in rows:
        presents = [p for p in present.split("|") if p != "-"]
        for vf in morphology.verb_forms(past, presents, lemma):
            forms.setdefault(vf.form, (lemma, _FRAMES[frame], vf.feminine))
    return forms


@cache
def _guarded_participles() -> dict[str, tuple[str, str]]:
    """The masculine accusative and feminine forms of ``guarded_participles.tsv`` -> (frame, preposition).

    >>> _guarded_participles()["متوقعه"]
    ('speech', '')
    """
    out: dict[str, tuple[str, str]] = {}
    for row in _data_lines("guarded_participles.tsv")[1:]:  # after the header
        participle, frame, prep, *_ = row.split("\t")
        for form in morphology.participle_forms(participle)[:2]:
            out[form.form] = (_FRAMES[frame], prep.strip())
    return out


@cache
def _perfect_only_forms() -> frozenset[str]:
    """The generated verb forms that are perfects and no imperfect of any verb (قال، أبرز، ذكرن).

    The cue table writes them without the ل of purpose (:func:`~newsstudy.attribution.cues._cue_words`):
    that ل governs an imperfect (ليؤكد) or a noun, and ل + a word spelled like a perfect is a noun
    (لأبرز الأحداث "of the most prominent events", لنشر "to publish", لوصف "to describe").
    """
    perfects: set[str] = set()
    imperfects: set[str] = set()
    for row in reporting_verbs().itertuples(index=False):
        presents = [p for p in row.present.split("|") if p != "-"]
        perfects.update(f.form for f in morphology.perfect_forms(row.past))
        is_hollow = morphology.hollow(row.lemma)
        for present in presents:
            imperfects.update(f.form for f in morphology.imperfect_forms(present))
            if not row.lemma.endswith("ّ"):
                perfect, imperfect = morphology.feminine_plural_forms(row.past, present, is_hollow=is_hollow)
                perfects.add(perfect.form)
                imperfects.add(imperfect.form)
    return frozenset(perfects - imperfects)


#: Head classes of people whose feminine sound plurals are generated (``مسؤولات``, ``ناشطات``).
_FEMININE_PLURAL_CLASSES = frozenset({"official", "source", "title"})


#: Head classes whose duals are generated (a dual of a title, وزيران, names no one person: not generated).
_DUAL_CLASSES = frozenset({"official", "source", "document", "institution"})

#: Head classes whose nouns in ة have their plural in ات generated (``الدراسات``, ``البلديات``).
_BODY_PLURAL_CLASSES = frozenset({"document", "institution"})


@cache
def _lexicon() -> _Lexicon:
    verb_forms, verb_preps, generated_participles = _reporting_verbs()
    not_cues = frozenset(_data_lines("not_cues.txt"))
    # the forms that need their shadda: those no cue of reporting_verbs.tsv, or one taken out as a collision
    shadda = {f: v for f, v in _shadda_verbs().items() if f not in verb_forms or f in not_cues}
    heads = {}
    for row in _data_lines("heads.tsv"):
        form, cls, gender = row.split("\t")
        heads[form] = (cls, gender)
    heads.update(morphology.feminine_plural_nouns(heads, _FEMININE_PLURAL_CLASSES))
    heads.update(morphology.feminine_plurals_of_bodies(heads, _BODY_PLURAL_CLASSES))
    heads.update(morphology.construct_plurals(heads, _FEMININE_PLURAL_CLASSES))
    heads.update(morphology.title_plurals(heads, frozenset({"title"})))
    heads.update(morphology.dual_nouns(heads, _DUAL_CLASSES))
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
    outlet_re = _word_pattern("o", outlets, ("و", "ب", "ل", "لل", "ال", "وال", "بال"))
    # A name with no article of its own is not read after the article (المالي "the financial", not Mali).
    no_article = gazetteer.no_article_forms() & frozenset(names)
    article = "(?:ال|وال|بال|لل)"
    if no_article:
        article += f"(?!{_trie_pattern(no_article)}{_NOT_BEFORE_WORD})"
    name_re = _word_pattern("n", names, ("و", "ب", "ل", article))
    adjective_re = _word_pattern("a", adjectives, _ADJ_PREFIXES, _ADJ_SUFFIXES)
    anonymity_re = regex.compile(_alternation(_data_lines("anonymity.txt")))
    vocabulary = frozenset(_data_lines("vocabulary.txt"))
    titles = {}
    honorifics = set()
    for row in _data_lines("titles.tsv")[1:]:  # after the header
        form, kind, gender = row.split("\t")
        titles[form] = gender
        if kind == "honorific" and " " not in form:
            honorifics.add(form)
    object_stems = {
        stem: form
        for row in reporting_verbs().itertuples(index=False)
        for stem, form in morphology.object_stems(row.past).items()
        if stem not in verb_forms
    }
    cue_words = _cue_words(
        verb_forms, participles, preps, perfects=_perfect_only_forms(), object_stems=object_stems
    )
    for word in not_cues:
        cue_words.pop(word, None)
    # (a shadda form is a cue though its bare spelling is listed there: وقدّر، the raw shadda tells them apart)
    shadda_words = {w: v for w, v in _cue_words(shadda, frozenset(), ()).items() if w not in cue_words}
    cue_words.update(shadda_words)
    verb_forms = {**verb_forms, **shadda}
    guarded = {f: v for f, v in _guarded_participles().items() if f not in cue_words}
    for word in guarded:
        for pre in OTHER_PREFIXES:
            cue_words.setdefault(pre + word, ("part", pre + word, ""))
    multi_preps = _multi_preps(preps)
    cue_keys = _checked_cue_keys(cue_words, multi_preps)
    return _Lexicon(
        verb_forms=verb_forms,
        impersonal=frozenset(_data_lines("impersonal.txt")),
        state_offices=frozenset(_data_lines("state_offices.txt")),
        state_sectors=frozenset(_data_lines("state_sectors.txt")),
        private_roles=frozenset(_data_lines("private_roles.txt")),
        lay_people=frozenset(_data_lines("lay_people.txt")),
        state_records=frozenset(_data_lines("state_records.txt")),
        headline_bodies=frozenset(_data_lines("headline_bodies.txt")),
        participles=participles,
        honorifics=frozenset(honorifics),
        # (only the masculine singular: أعتقد "I believe" is spelled as اعتقد "he believed", not as اعتقدت)
        passive_perfects=frozenset(
            f.form
            for r in reporting_verbs().itertuples(index=False)
            if r.frame != "transmit"
            for f in morphology.perfect_forms(r.past)
        ),
        wasl_perfects=(
            wasl := frozenset(r.past for r in reporting_verbs().itertuples(index=False) if r.lemma[:1] == "ا")
        ),
        wasl_cues=frozenset(pre + form for form in wasl for pre in ("", "و", "ف")),
        participle_frames={**generated_participles, **guarded},
        guarded_participles=frozenset(guarded),
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
        # (a word that is never a cue is no verb either: دان is also a name, قدر a noun)
        verb_words=frozenset(verb_forms) - not_cues - frozenset(shadda),  # (as before: no shadda forms)
        shadda_forms=frozenset(v[1] for v in shadda_words.values()),
        cue_keys=cue_keys,
        cue_re=_cue_token_pattern(
            _cue_stems(verb_forms, participles | frozenset(guarded), preps, object_stems),
            VERB_PREFIXES,
            OBJECT_SUFFIXES,
        ),
        adjective_stem_re=re.compile(_trie_pattern(adjectives)),
        name_stem_re=re.compile(_trie_pattern(names)),
        titles=titles,
        # A mined name spelled like a function word (بين: Ben, and "between") is never read as a name.
        given_names=frozenset(_data_lines("given_names.txt")) - vocabulary - _NOT_NAME_STARTS - _NEGATORS,
        person_names=frozenset(n for n, (_, k) in names.items() if k == "person"),
        statement_objects=morphology.noun_forms(_data_lines("statement_objects.txt")),
        norms=morphology.noun_forms(_data_lines("norms.txt")),
    )
