"""The gazetteer: which country or organisation a source speaks for (``affiliation_entity``).

Data in ``newsstudy/data/gazetteer/`` (curation in the README there):

- ``countries.tsv``: every ISO 3166-1 country with its Arabic names, capitals, nationality
  adjectives (masculine singular; the extractor matches their inflections) and metonyms
  (``البيت الأبيض``, ``الكرملين``);
- ``organisations.tsv``: international, regional and non-state bodies news cites (UN and its
  agencies, IMF, EU, NATO, Arab League, GCC, armed and political movements ...);
- ``cities.tsv``: the main cities (other than capitals) of the region's countries, as places that
  stand for their country (a dateline, ``مسؤول في بنغازي``);
- ``people.tsv``: political figures news cites by name, with the entity they speak for;
- ``country_aliases.tsv``: the short forms an outlet table gives a country (``UAE``, ``KSA``, ``UK``),
  and the words that say an outlet has no home country (``pan-Arab``, ``international``), read by
  :func:`country_code`;
- ``adjectives.tsv``: adjectives of organisations and regions (``أممي`` → UN, ``أوروبي`` → EU), and
  ``دولي`` ("international", no body named) → ``INTERNATIONAL``.

Entities are ISO alpha-2 codes for countries and upper-case ids for organisations. Which of them a
study reports, and under which label, is not decided here but in the study file
(:mod:`newsstudy.study`).

Every form is matched in the matching form of :func:`newsstudy.normalize.for_matching`. A form
that two entities share (``عمان`` is Oman and Amman, the capital of Jordan) is ambiguous and is left
out, so it gives no affiliation rather than a wrong one; :func:`ambiguous_forms` lists them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import NamedTuple

import pandas as pd

from newsstudy.normalize import for_matching
from newsstudy.paths import DATA_DIR

__all__ = [
    "GAZETTEER_DIR",
    "Entry",
    "ambiguous_forms",
    "country_code",
    "entities",
    "entries",
    "home_countries",
    "no_article_forms",
    "place_forms",
]

GAZETTEER_DIR = DATA_DIR / "gazetteer"

# Names of the national humanitarian societies, each followed by its country's adjective.
_NATIONAL_SOCIETIES = ("الصليب الأحمر", "الهلال الأحمر")


class Entry(NamedTuple):
    """One matchable form: its entity, and its kind (``adj``, ``name`` or ``person``)."""

    entity: str
    kind: str


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(GAZETTEER_DIR / name, sep="\t", dtype=str, keep_default_na=False, comment=None)


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _candidates() -> dict[tuple[str, str], set[str]]:
    """(matching form, kind) -> the entities that list it."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _read("countries.tsv").itertuples(index=False):
        for column, kind in (
            ("names", "name"),
            ("capitals", "name"),
            ("metonyms", "name"),
            ("adjectives", "adj"),
        ):
            for form in _split(getattr(row, column)):
                found[(for_matching(form), kind)].add(row.code)
        # A national Red Cross or Red Crescent society speaks for its country, not for the ICRC
        # (``الصليب الأحمر`` alone): longest-match reads the adjective with the society's name.
        for adjective in _split(row.adjectives):
            for society in _NATIONAL_SOCIETIES:
                found[(for_matching(f"{society} ال{adjective}"), "name")].add(row.code)
    for row in _read("cities.tsv").itertuples(index=False):
        for form in _split(row.cities):
            found[(for_matching(form), "name")].add(row.code)
    for row in _read("organisations.tsv").itertuples(index=False):
        for form in _split(row.aliases):
            key = for_matching(form)
            # Latin acronyms are matched as written in Arabic text only when longer than two letters.
            if key.isascii() and len(key) < 3:
                continue
            found[(key, "name")].add(row.id)
    for row in _read("adjectives.tsv").itertuples(index=False):
        found[(for_matching(row.form), "adj")].add(row.entity)
    for row in _read("people.tsv").itertuples(index=False):
        found[(for_matching(row.name), "person")].add(row.entity)
    return found


@cache
def entries() -> dict[tuple[str, str], Entry]:
    """Every unambiguous matchable form: ``(form, kind)`` -> :class:`Entry`.

    >>> entries()[("سعودي", "adj")].entity, entries()[("الامم المتحده", "name")].entity
    ('SA', 'UN')
    """
    return {
        (form, kind): Entry(next(iter(ids)), kind)
        for (form, kind), ids in sorted(_candidates().items())
        if len(ids) == 1 and form
    }


@cache
@cache
def no_article_forms() -> frozenset[str]:
    """Names written without the article that, written with it, are another word (``no_article.tsv``).

    A proper name with no article of its own never takes one: ``المالي`` is "the financial", not Mali,
    and ``الحماس`` "the enthusiasm", not Hamas. Only the place and body names whose article form is
    common are listed; every person's name of ``people.tsv`` that has no article is one too, since a
    family name with the article is another family (``الشكري`` is not Shoukry).

    >>> "مالي" in no_article_forms(), "شكري" in no_article_forms()
    (True, True)
    """
    people = (for_matching(row.name) for row in _read("people.tsv").itertuples(index=False))
    return frozenset(for_matching(f) for f in _read("no_article.tsv")["form"]) | frozenset(
        name for name in people if name and not name.startswith("ال") and " " not in name
    )


@cache
def place_forms() -> frozenset[str]:
    """The matching forms that name a place: a country's names and capitals and the cities of
    ``cities.tsv`` (not its metonyms, bodies or people). After a preposition of place (``متعامل في
    أبوظبي``) such a form says where a source is, not whom it speaks for.

    >>> f = place_forms()
    >>> "دبي" in f, "القاهره" in f, "البيت الابيض" in f, "الامم المتحده" in f
    (True, True, False, False)
    """
    forms: set[str] = set()
    for row in _read("countries.tsv").itertuples(index=False):
        forms.update(for_matching(f) for f in _split(row.names) + _split(row.capitals))
    for row in _read("cities.tsv").itertuples(index=False):
        forms.update(for_matching(f) for f in _split(row.cities))
    return frozenset(f for f in forms if f)


def ambiguous_forms() -> dict[str, list[str]]:
    """Forms listed for more than one entity (left out of matching), with those entities.

    >>> "عمان" in ambiguous_forms()
    True
    """
    return {form: sorted(ids) for (form, _), ids in sorted(_candidates().items()) if len(ids) > 1}


@cache
def entities() -> pd.DataFrame:
    """One row per entity: ``entity``, ``name_en``, ``kind`` (``country`` or the organisation's kind).

    >>> entities().set_index("entity").loc["QA", "name_en"]
    'Qatar'
    """
    countries = _read("countries.tsv")
    orgs = _read("organisations.tsv")
    return pd.concat(
        [
            pd.DataFrame({"entity": countries["code"], "name_en": countries["name_en"], "kind": "country"}),
            pd.DataFrame({"entity": orgs["id"], "name_en": orgs["name_en"], "kind": orgs["kind"]}),
        ],
        ignore_index=True,
    )


# What separates the parts of a country field: ``Qatar (state-owned)``, ``Egypt / Sudan``.
_FIELD_PARTS = re.compile(r"[()\[\]/,;|\u060c\u061b&+]+")


def _field_key(value: str) -> str:
    """A country field's matching key: the matching form, case-folded, hyphens and dots as spaces."""
    folded = _FIELD_PARTS.sub(" ", for_matching(value).casefold())
    return " ".join(folded.replace("-", " ").replace(".", " ").replace("_", " ").split())


@cache
def _country_fields() -> tuple[dict[str, str], tuple[str, ...]]:
    """(key -> ISO code, the keys that say an outlet has no home) for :func:`country_code`."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in _read("countries.tsv").itertuples(index=False):
        for form in [row.code, row.name_en, *_split(row.names)]:
            found[_field_key(form)].add(row.code)
    markers = []
    for row in _read("country_aliases.tsv").itertuples(index=False):
        if row.code:
            found[_field_key(row.form)].add(row.code)
        else:
            markers.append(_field_key(row.form))
    codes = {key: next(iter(ids)) for key, ids in found.items() if key and len(ids) == 1}
    return codes, tuple(m for m in markers if m)


def country_code(value: object) -> str | None:
    """The ISO code of the country a documents field names (an outlet's ``country``), else None.

    The field is read through the gazetteer's country names: the English name, the Arabic names, the
    ISO code and the short forms of ``country_aliases.tsv`` (``UAE``, ``KSA``, ``UK``), in any case.
    A field with several parts (``Jordan (fact-checking)``) gives the one country its parts name. A
    field that names no country, or more than one, or says the outlet has no home (``pan-Arab``,
    ``international``, ``regional``: ``Qatar (pan-Arab)`` too), gives None, as any non-string does.

    >>> country_code("Morocco"), country_code("UAE"), country_code("المغرب"), country_code("qa")
    ('MA', 'AE', 'MA', 'QA')
    >>> country_code("Qatar (pan-Arab)"), country_code("Egypt / Sudan"), country_code(None)
    (None, None, None)
    """
    if not isinstance(value, str):
        return None
    key = _field_key(value)
    if not key:
        return None
    codes, markers = _country_fields()
    padded = f" {key} "
    if any(f" {marker} " in padded for marker in markers):
        return None
    if key in codes:
        return codes[key]
    named = {codes.get(_field_key(part)) for part in _FIELD_PARTS.split(value)} - {None}
    return named.pop() if len(named) == 1 else None


def home_countries(documents: object, column: str = "country") -> dict[str, str | None]:
    """doc_id -> the ISO code of each document's outlet country, from the documents' ``country`` column.

    For :func:`newsstudy.attribution.extract` (``home_countries=``). A document whose field is empty
    or missing is left out (the study file's ``home_country``, if any, is its home); one whose field
    names no single country or a pan-Arab or international outlet maps to None: it has no home. The
    column is found by name, in any case (``Country``); a table without it gives ``{}``.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "country": ["UAE", "pan-Arab", ""]})
    >>> home_countries(docs)
    {'a': 'AE', 'b': None}
    """
    if not isinstance(documents, pd.DataFrame) or "doc_id" not in documents.columns:
        return {}
    names = [c for c in documents.columns if str(c).casefold() == column.casefold()]
    if not names:
        return {}
    name = column if column in names else names[0]
    homes: dict[str, str | None] = {}
    for doc_id, value in zip(documents["doc_id"].astype(str), documents[name], strict=True):
        if isinstance(value, str) and value.strip():
            homes[doc_id] = country_code(value)
    return homes
