"""The cue lexicons and patterns of ``newsstudy/data/clean/``, compiled once, and the fitted thresholds.

Lexicons are matched on the matching form of a line (:func:`newsstudy.normalize.for_matching`), so
spelling variants of one cue are one entry; each lexicon is one regular expression."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from newsstudy.normalize import for_matching
from newsstudy.paths import DATA_DIR

CLEAN_DATA_DIR = DATA_DIR / "clean"


def _read_list(name: str) -> list[str]:
    path = CLEAN_DATA_DIR / name
    items = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            items.append(line)
    return items


_LETTERS = regex.compile(r"[\p{L}\p{N}]+")


def _key(text: str) -> str:
    """Letters-and-digits-only matching form, words joined by one space."""
    return " ".join(_LETTERS.findall(for_matching(text).casefold()))


# First words of the read-prompt headers (letters-only form): read, watch, follow, see.
_READ_PROMPTS = frozenset({"اقرا", "شاهد", "تابع", "read", "see", "lire", "voir"})


def _alternation(phrases: Iterable[str]) -> str:
    """One alternation of the phrases in letters-only form (for whole-line matches)."""
    keys = sorted({_key(p) for p in phrases if _key(p)}, key=len, reverse=True)
    return "|".join(regex.escape(k) for k in keys)


class _PhraseSearch:
    """Search a line for any of a set of phrases (matching form, whole words).

    A plain substring test over the phrases runs first: most lines contain none,
    and Python's ``in`` is far cheaper than a large regex alternation.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        forms = sorted({for_matching(p) for p in phrases if for_matching(p)}, key=len, reverse=True)
        self.arabic = tuple(f for f in forms if not regex.search(r"[A-Za-z]", f))
        self.latin = tuple(f.lower() for f in forms if regex.search(r"[A-Za-z]", f))
        alternation = "|".join(regex.escape(f) for f in forms)
        self.pattern = regex.compile(rf"(?<!\w)(?:{alternation})(?!\w)", regex.IGNORECASE)

    def search(self, norm: str) -> regex.Match | None:
        if self.occurs_in(norm, norm.lower() if self.latin else norm):
            return self.pattern.search(norm)
        return None

    def occurs_in(self, text: str, lowered: str) -> bool:
        """Whether any phrase occurs in ``text`` at all (a whole document at once)."""
        return any(f in text for f in self.arabic) or any(f in lowered for f in self.latin)


@dataclass(frozen=True)
class _Lexicons:
    related_full: regex.Pattern
    related_start: regex.Pattern
    nav_full: regex.Pattern
    boilerplate: _PhraseSearch
    comment_form: regex.Pattern
    comment_form_long: _PhraseSearch
    login_full: regex.Pattern
    joiners: frozenset[str]
    tags: regex.Pattern
    credit: tuple[regex.Pattern, ...]
    caption: tuple[regex.Pattern, ...]
    tweet_signature: regex.Pattern
    embed: tuple[regex.Pattern, ...]
    dateline: tuple[regex.Pattern, ...]
    any_start: regex.Pattern
    credit_agency: regex.Pattern
    agency_tokens: frozenset[str]
    long_start: regex.Pattern
    body_openers: frozenset[str]
    waw_nouns: frozenset[str]
    stopwords: frozenset[str]
    date_words: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    agency_words: frozenset[str] = frozenset()
    reporting_cues: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    post_signature: regex.Pattern | None = None
    caption_shape: tuple[regex.Pattern, ...] = ()
    outlet_nouns: frozenset[str] = frozenset()
    self_description: frozenset[str] = frozenset()
    byline_openers: frozenset[str] = frozenset()


#: How the credit pattern of "a line of agency names only" starts (credit_patterns.txt).
_AGENCY_ONLY = r"^\W*(?:{AGENCY})"


def _only_agency_words(key: str, lex: _Lexicons) -> bool:
    """Whether every word of a line's letters-only form is a word of an agency or outlet name (or one
    with a joining و): the necessary condition for the agency-names credit pattern to match."""
    tokens = lex.agency_tokens
    return all(w in tokens or (w[0] == "و" and w[1:] in tokens) for w in key.split())


def _expand(pattern: str, agency: str) -> str:
    return pattern.replace("{AGENCY}", agency).replace("{PLACE}", _place_alternation())


@cache
def _outlet_names() -> set[str]:
    """Every Arabic or Latin alias of the outlet table (``data/outlets.csv``) of three letters or more."""
    with (DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as fh:
        aliases = {a.strip() for row in csv.DictReader(fh) for a in row["aliases"].split("|")}
    return {for_matching(a) for a in aliases if len(for_matching(a).replace(" ", "")) >= 3}


def _place_alternation() -> str:
    places = sorted({for_matching(p) for p in _read_list("places.txt")}, key=len, reverse=True)
    return "|".join(regex.escape(p) for p in places)


@cache
def _lexicons() -> _Lexicons:
    names = {for_matching(a) for a in _read_list("agencies.txt")} | _outlet_names()
    agencies = sorted(names, key=len, reverse=True)
    agency = "|".join(regex.escape(a) for a in agencies)
    related = _alternation(_read_list("related_headers.txt"))
    # The read prompts among the headers (read / watch / follow): only they may name where the link is
    # before their colon ("<read also> <in the site>: <headline>"); a header such as "deaths" or "also"
    # followed by a preposition is a body line ("deaths in a road accident: ...").
    read_prompt = _alternation(
        h
        for h in _read_list("related_headers.txt")
        if _key(h).split()[:1] and _key(h).split()[0] in _READ_PROMPTS
    )
    nav = _alternation(_read_list("nav.txt"))
    login = _alternation(_read_list("login_wall.txt"))
    form_phrases = _read_list("comment_form.txt")
    form = _alternation(form_phrases)
    form_long = [p for p in form_phrases if len(_key(p).split()) >= 3]
    tags = "|".join(
        regex.escape(for_matching(t)) for t in sorted(_read_list("tags_headers.txt"), key=len, reverse=True)
    )
    flags = regex.IGNORECASE | regex.VERSION1

    def compiled(name: str) -> tuple[regex.Pattern, ...]:
        return tuple(regex.compile(_expand(p, agency), flags) for p in _read_list(name))

    def joined(name: str) -> tuple[regex.Pattern, ...]:
        # One compiled alternation per file: one search per line instead of one per pattern.
        patterns = [f"(?:{_expand(p, agency)})" for p in _read_list(name)]
        return (regex.compile("|".join(patterns), flags),)

    embed = compiled("embed_patterns.txt")
    # The credit pattern of a line made only of agency names is kept apart: it is tried only on lines
    # whose every word is a word of an agency name (a set lookup), since its alternation of every
    # agency and outlet is the costliest regular expression of the cleaner.
    credit_lines = _read_list("credit_patterns.txt")
    only_agencies = [c for c in credit_lines if c.startswith(_AGENCY_ONLY)]
    credit = (
        regex.compile(
            "|".join(f"(?:{_expand(c, agency)})" for c in credit_lines if c not in only_agencies), flags
        ),
    )
    credit_agency = regex.compile("|".join(f"(?:{_expand(c, agency)})" for c in only_agencies), flags)
    caption = compiled("caption_patterns.txt")
    related_start = regex.compile(
        rf"^\W*(?:(?:{related})\s*(?:[:|：»/\-–—…]|\.\.|(?<=[a-z])\s*(?=\p{{Arabic}}))"
        # "<read prompt> <in/on the site>: <headline>" (a place named between the header and its link)
        rf"|(?:{read_prompt})\s+(?:في|على|علي|من|عن)\s+\S+(?:\s+\S+)?\s*[:：|»\-–—]\s*(?=\S))",
        flags,
    )
    tags_start = regex.compile(rf"^\W*(?:{tags})\s*(?:[:：\-–—]|$)", flags)
    # Every cue pattern anchored at the start of the line, as one alternation tried
    # only at position 0: a cheap test that most body lines fail.
    anchored = [
        related_start,
        tags_start,
        embed[0],
        *credit,
        *(c for c in caption if c.pattern.startswith("^")),
    ]
    any_start = regex.compile("|".join(f"(?:{x.pattern})" for x in anchored), flags)
    # The same without the credit patterns, for lines too long for the credit rule: the agency-names
    # alternation is by far the costliest branch, and most lines are long.
    long_start = regex.compile("|".join(f"(?:{x.pattern})" for x in anchored if x not in credit), flags)
    return _Lexicons(
        related_full=regex.compile(rf"(?:{related})", flags),
        # A header at the start followed by a separator, or a Latin header followed
        # by Arabic text (the change of script is the separator).
        related_start=related_start,
        nav_full=regex.compile(rf"(?:{nav})(?: (?:{nav}))*", flags),
        boilerplate=_PhraseSearch(_read_list("boilerplate.txt")),
        comment_form=regex.compile(rf"(?:{form})(?: (?:{form}))*", flags),
        # Long form phrases ("لن يتم نشر عنوان بريدك الإلكتروني") also match inside a line.
        comment_form_long=_PhraseSearch(form_long),
        login_full=regex.compile(rf"(?:{login})(?: (?:{login}))*", flags),
        joiners=frozenset(_key(j) for j in _read_list("login_wall_joiners.txt")),
        tags=tags_start,
        credit=credit,
        caption=(regex.compile("|".join(f"(?:{c.pattern})" for c in caption), flags),),
        any_start=any_start,
        credit_agency=credit_agency,
        agency_tokens=frozenset(w for a in names for w in _key(a).split()),
        long_start=long_start,
        tweet_signature=embed[0],
        post_signature=embed[1],
        embed=(regex.compile("|".join(f"(?:{x.pattern})" for x in embed[2:]), flags),),
        dateline=compiled("dateline_patterns.txt"),
        body_openers=frozenset(for_matching(w) for w in _read_list("body_openers.txt")),
        waw_nouns=frozenset(for_matching(w) for w in _read_list("waw_nouns.txt")),
        stopwords=frozenset(_key(w) for w in _read_list("stopwords.txt")),
        date_words=frozenset(for_matching(w).lower() for w in _read_list("date_words.txt")),
        function_words=frozenset(_key(w) for w in _read_list("function_words.txt")),
        places=frozenset(_key(p) for p in _read_list("places.txt")),
        place_words=frozenset(w for p in _read_list("places.txt") for w in _key(p).split()),
        agency_words=frozenset(w for a in names for w in _key(a).split() if len(w) >= 2),
        reporting_cues=_reporting_cues(),
        given_names=_given_names(),
        # Arabic only, so compiled without IGNORECASE, and tried one by one: several times faster
        # than one case-insensitive alternation on the short lines it is tried on.
        caption_shape=tuple(regex.compile(c, regex.VERSION1) for c in _read_list("caption_shapes.txt")),
        # With the article and a joining و/ف in front, so that a word is looked up as it stands.
        outlet_nouns=frozenset(
            pre + _key(w)
            for w in _read_list("outlet_nouns.txt")
            for pre in ("", "ال", "و", "ف", "وال", "فال")
        ),
        self_description=frozenset(_key(w) for w in _read_list("self_description.txt")),
        byline_openers=frozenset(_key(w) for w in _read_list("byline_openers.txt")),
    )


def _reporting_cues() -> frozenset[str]:
    """Past and present forms of the reporting verbs (``data/attribution/reporting_verbs.tsv``).

    Read as data (the attribution stage's lexicon, not its code): a line that uses one is
    reporting speech, which page furniture never does.
    """
    with (DATA_DIR / "attribution" / "reporting_verbs.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    forms = {f for row in rows for col in ("past", "present") for f in row[col].split("|") if f and f != "-"}
    return frozenset(_key(f) for f in forms if _key(f))


def _given_names() -> frozenset[str]:
    """Arabic given names (``data/attribution/given_names.txt``, matching form), read as data: a short
    line after the article that opens with one is the writer's name."""
    path = DATA_DIR / "attribution" / "given_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(_key(w) for w in lines if w.strip() and not w.startswith("#"))


@cache
def _fitted() -> dict:
    """The fitted thresholds of the line signals (``data/clean/line_thresholds.json``)."""
    return json.loads((CLEAN_DATA_DIR / "line_thresholds.json").read_text(encoding="utf-8"))
