"""A study's own choices, kept as data: the study file (TOML) a researcher edits.

Which affiliations a study reports is a question of the story, not of the method: a study of the
Gaza talks reports the US, Israel, Qatar, Hamas, Egypt and the Palestinian Authority; a study of
Sudan's war would report the army, the Rapid Support Forces, the UAE and Egypt. The attribution stage
finds the *entity* each source speaks for (``affiliation_entity``: a country's ISO code or an
organisation id, :mod:`newsstudy.attribution.gazetteer`); the study file maps entities onto the
study's reporting categories (``affiliation``):

.. code-block:: toml

    [affiliations]
    "Sudanese army" = ["SD"]
    "RSF" = ["RAPID_SUPPORT_FORCES"]
    "UAE" = ["AE"]

Every other known entity is ``other``; a source with no entity is ``unknown``. The default study
(``data/study/annotation.toml``) holds the categories of ANNOTATION.md.

A study file can also name its corpus, so that a bare ``newsstudy run`` in the study's folder
re-runs the study (a path is relative to the study file; the command line overrides each key):

.. code-block:: toml

    [corpus]
    path = "sudan-articles.jsonl.gz"
    text_column = "body"
    id_column = "url"
    outlet_column = "site"     # the views per outlet (newsstudy.views finds one by default)
    date_column = "published"  # the views per month and the direction of reuse

A corpus of one country's national papers can give that country, the default affiliation of a state
office (a minister, ministry, governor, police) that names none in an article no country dominates:

.. code-block:: toml

    [attribution]
    home_country = "BH"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from newsstudy.errors import CorpusError
from newsstudy.paths import DATA_DIR

__all__ = ["DEFAULT_STUDY_FILE", "OTHER", "UNKNOWN", "Study", "default_study", "read_study"]

DEFAULT_STUDY_FILE = DATA_DIR / "study" / "annotation.toml"
OTHER = "other"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Study:
    """The study's reporting categories: ``categories`` in order, and each entity's category."""

    categories: tuple[str, ...]
    entity_category: tuple[tuple[str, str], ...]  # (entity, category), sorted
    corpus: Path | None = None
    text_column: str | None = None
    id_column: str | None = None
    outlet_column: str | None = None
    date_column: str | None = None
    home_country: str | None = None  # [attribution] home_country: the corpus's outlets' country

    @property
    def labels(self) -> tuple[str, ...]:
        """Every value ``affiliation`` can take: the categories, then ``other`` and ``unknown``."""
        return (*self.categories, OTHER, UNKNOWN)

    def affiliation(self, entity: str | None) -> str:
        """The reporting category of an entity.

        >>> study = default_study()
        >>> study.affiliation("QA"), study.affiliation("SA"), study.affiliation(None)
        ('Qatar', 'other', 'unknown')
        """
        if entity is None or entity == "" or (isinstance(entity, float) and pd.isna(entity)):
            return UNKNOWN
        return dict(self.entity_category).get(entity, OTHER)

    def affiliations(self, entities: pd.Series) -> pd.Series:
        """:meth:`affiliation` of every value of a column."""
        return pd.Series([self.affiliation(e) for e in entities], index=entities.index, dtype=object)


def read_study(path: str | Path) -> Study:
    """Read a study file; a clear :class:`~newsstudy.errors.CorpusError` names the file and the problem.

    >>> read_study(DEFAULT_STUDY_FILE).categories[:3]
    ('US', 'Israel', 'Qatar')
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(path, f"cannot read the study file ({exc})") from None
    unknown = sorted(set(data) - set(_TABLES))
    if unknown:
        raise CorpusError(path, f"unknown tables {unknown}; a study file has {list(_TABLES)}")
    table = data.get("affiliations", {})
    if not isinstance(table, dict):
        raise CorpusError(path, "[affiliations] must be a table of category = [entity ids]")
    pairs: dict[str, str] = {}
    known = _known_entities() if table else frozenset()
    for category, ids in table.items():
        if category in (OTHER, UNKNOWN):
            raise CorpusError(path, f"{category!r} is reserved (every other entity / no entity)")
        if isinstance(ids, str):
            ids = [ids]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise CorpusError(path, f"category {category!r} must list entity ids as strings")
        for entity in ids:
            _check_entity(entity, category, known, path)
            if entity in pairs and pairs[entity] != category:
                raise CorpusError(path, f"entity {entity!r} is in two categories")
            pairs[entity] = category
    return Study(
        tuple(table),
        tuple(sorted(pairs.items())),
        **_corpus_keys(data.get("corpus", {}), path),
        home_country=_home_country(data.get("attribution", {}), path),
    )


#: The tables a study file may have.
_TABLES = ("affiliations", "corpus", "attribution")


def _known_entities() -> frozenset[str]:
    from newsstudy.attribution import gazetteer

    return frozenset(gazetteer.entities()["entity"])


def _check_entity(entity: str, category: str, known: frozenset[str], path: Path) -> None:
    """A category's entity must be one the gazetteer knows: a typo would silently count nothing."""
    import difflib

    if entity in known:
        return
    close = [e for e in known if e.casefold() == entity.casefold()] or difflib.get_close_matches(
        entity, sorted(known), n=1
    )
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise CorpusError(
        path,
        f"category {category!r}: {entity!r} is no entity of the gazetteer{hint}; entities are ISO 3166-1 "
        "alpha-2 codes and the ids of newsstudy/data/gazetteer/organisations.tsv",
    )


def _home_country(table: object, path: Path) -> str | None:
    """``[attribution] home_country``: the ISO code of the country of a corpus of national papers.

    A state office (a minister, ministry, governor, police) that names no country, in an article
    no country dominates, speaks for it (:func:`newsstudy.attribution.extract`). Leave it out for a
    corpus of pan-Arab or foreign outlets: the article's own country is then the better default.
    """
    if not isinstance(table, dict):
        raise CorpusError(path, "[attribution] must be a table (home_country)")
    unknown = sorted(set(table) - {"home_country"})
    if unknown:
        raise CorpusError(path, f"[attribution] has unknown keys {unknown}; it takes ['home_country']")
    code = table.get("home_country")
    if code is None:
        return None
    if not (isinstance(code, str) and len(code) == 2 and code.isascii() and code.isupper()):
        raise CorpusError(
            path, f"[attribution] home_country must be an ISO 3166-1 alpha-2 code, not {code!r}"
        )
    return code


_CORPUS_KEYS = ("path", "text_column", "id_column", "outlet_column", "date_column")


def _corpus_keys(table: object, path: Path) -> dict[str, object]:
    """The ``[corpus]`` table of a study file as :class:`Study` fields."""
    if not isinstance(table, dict):
        raise CorpusError(path, f"[corpus] must be a table ({', '.join(_CORPUS_KEYS)})")
    unknown = sorted(set(table) - set(_CORPUS_KEYS))
    if unknown:
        raise CorpusError(path, f"[corpus] has unknown keys {unknown}; it takes {list(_CORPUS_KEYS)}")
    for key, value in table.items():
        if not isinstance(value, str) or not value:
            raise CorpusError(path, f"[corpus] {key} must be a non-empty string")
    corpus = table.get("path")
    return {
        "corpus": None if corpus is None else (path.parent / corpus),
        **{key: table.get(key) for key in _CORPUS_KEYS[1:]},
    }


@cache
def default_study() -> Study:
    """The default study (the categories of ANNOTATION.md)."""
    return read_study(DEFAULT_STUDY_FILE)
