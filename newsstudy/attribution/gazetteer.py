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
    "entities",
    "entries",
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
