"""Line labelling for scraped Arabic news, with an audit trail (ANNOTATION.md section 2).

Every raw line of every document gets exactly one label and the name of the rule
that decided it, so a reader of the ``lines`` table can see *why* a line was kept
or dropped, and :func:`rebuild` gives back the raw text byte for byte.

The rules run in three passes over a document:

1. **Line rules** look at one line: its shape (blank, a separator made of
   punctuation only) and the cue lexicons and patterns kept as data files in
   ``newsstudy/data/clean/`` (related headers, nav, boilerplate sentences,
   comment forms, login walls, tag headers, credit lines, photo captions, embedded
   posts, datelines). Lexicons are matched on the matching form of the line
   (:func:`newsstudy.normalize.for_matching`), so spelling variants of one cue
   are one entry. Every lexicon is compiled into one regular expression.
2. **Headline**: the first non-chrome line is the headline when it is short,
   does not end like a sentence, is not opened by a body connective and is
   followed by body text. When the corpus gives each document a title (a
   ``title`` column), that first line is the headline only if it repeats the
   title (most scraped corpora store the title apart from the text).
3. **Structure** walks the document with a small state machine:

   - after a related-links header, short headline-like lines (or bulleted
     lines) are ``related``; the first long body line ends the block: if the run
     of body text from there contains none of the lead article's key terms (the
     stems found in the most lead lines) it is an ``appended_article`` (and so is
     everything after it until the next header), otherwise the article resumes
     as ``content``;
   - a short headline-like line between body paragraphs that shares little
     vocabulary with its neighbours is an injected ``related`` headline; one
     that shares vocabulary (or is too short to judge, or is quoted) is a
     subheading of the story and stays ``content``;
   - a run of at least two long lines ending the document, each opening like a
     news lede and sharing almost nothing with the article's lead, is a list of
     other stories' ledes (``related``);
   - the line just before a tweet signature is the tweet's text (``embed``);
   - a content line whose matching form equals an earlier headline or content
     line of the same document is a ``duplicate`` (the first copy keeps its
     label).

4. **Line signals and context** (jusText's method on extracted lines): each line's
   length in words, share of Arabic function words (``function_words.txt``), share of
   numbers and date words, final punctuation and reporting verbs. A *body-text* line is
   long and dense in function words (thresholds fitted on the development gold by
   ``scripts/fit_line_thresholds.py``, stored with their provenance in
   ``line_thresholds.json``). The article is the longest run of body text not cut by page
   furniture (related headers, tag and nav lexicons, credit lines, comment forms); a short
   line inside it stays ``content``, and what lies outside it needs evidence to be kept:
   after it, a run of short noun phrases is ``tags``, a line followed by its own stamp is a
   listed ``related`` headline, body text with none of the article's key terms is ``nav``;
   before it, a headline-like line sharing no vocabulary with the headline and lead is
   another story's ``related`` headline, one sharing it right under the headline is a
   ``headline`` deck; on either side a line of place/agency/date words only is a
   ``dateline``.

5. **Corpus evidence** (optional, ``label_lines(..., evidence=...)``; counted over the
   whole corpus by :mod:`newsstudy.line_evidence`, a first pass of every run): right
   after the line rules, a body candidate that recurs in enough documents of its
   outlet is the outlet's template (``nav``: it then cuts the article's run like other
   furniture); after the headline, a headline-like line that is another document's
   headline is ``related``; after the context pass, a run of lines ending the document,
   each recurring in the outlet and foreign to the lead, is a "more news" box
   (``related``). Without evidence these rules do not fire.

Vocabulary overlap uses sets of crude stems: matching-normalised words, minus a
small stopword list, with common clitics stripped and cut to
``stem_length`` letters. It is a deliberately simple measure of "same story".

Decisions on cases ANNOTATION.md leaves open (also in ``data/clean/README.md``):

- a subheading of the same story (a short line between paragraphs that shares
  vocabulary with them) is ``content``: it is the article's own text;
- separator lines made only of punctuation (``-----``, ``×××``) are ``nav``;
- site disclaimers and app-download footers are ``nav`` (site chrome);
  bylines, copyright lines and "published in cooperation with" lines are
  ``credit``;
- the headline of another story placed directly under a related header is
  ``related`` (it belongs to the headline list), its body is
  ``appended_article``.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import pandas as pd
import regex

from newsstudy import line_evidence
from newsstudy.corpus import _string_array
from newsstudy.line_evidence import CorpusEvidence
from newsstudy.normalize import for_matching, for_matching_all, for_matching_with_offsets
from newsstudy.paths import DATA_DIR

__all__ = [
    "ARTICLE_COLUMNS",
    "LABELS",
    "LINE_COLUMNS",
    "RULES",
    "as_uncleaned",
    "cleaned",
    "corpus_evidence",
    "label_lines",
    "label_scores",
    "read_gold",
    "rebuild",
    "rebuilds_raw",
    "rules_table",
    "score_table",
]

CLEAN_DATA_DIR = DATA_DIR / "clean"

LABELS: tuple[str, ...] = (
    "headline",
    "content",
    "dateline",
    "credit",
    "nav",
    "related",
    "appended_article",
    "tags",
    "embed",
    "caption",
    "comment_form",
    "login_wall",
    "duplicate",
    "blank",
)
KEPT_LABELS: frozenset[str] = frozenset({"headline", "content"})
LINE_COLUMNS: tuple[str, ...] = ("doc_id", "line", "label", "rule", "text")
ARTICLE_COLUMNS: tuple[str, ...] = ("doc_id", "headline", "dateline", "credits", "text", "n_lines_kept")

#: Every rule name that can appear in the ``rule`` column, with what it means.
#: ``N`` in a name stands for a line number; ``x.xx`` for a measured overlap.
RULES: dict[str, str] = {
    "shape:blank": "blank: the line is empty or whitespace (or only invisible marks)",
    "shape:separator": "nav: the line has no letters or digits (-----, ×××, ***, a lone tatweel ـ)",
    "shape:stamp": "nav: a publication stamp or clock time: numbers and date words only (date_words.txt)",
    "shape:widget": "nav: a page widget: at most three tokens of one or two characters, no Arabic (A+ A-)",
    "shape:first_line_headline": "headline: first non-chrome line, short, not ending like a sentence, "
    "followed by body text",
    "title:matches_title": "headline: the first line repeats the document's title column",
    "lexicon:related_header": "related: a read-also/related header alone on its line (opens a related block)",
    "lexicon:related_inline": "related: a related header followed by a headline on the same line",
    "lexicon:nav": "nav: the line is made only of navigation phrases (nav.txt)",
    "lexicon:boilerplate": "nav: a site disclaimer or app-download sentence (boilerplate.txt)",
    "lexicon:comment_form": "comment_form: comment-box text (comment_form.txt)",
    "lexicon:login_wall": "login_wall: the line is made only of login/registration phrases (login_wall.txt)",
    "structure:login_wall_joiner": "login_wall: 'أو'/'or' alone between login-wall lines",
    "lexicon:tags": "tags: a tag header such as 'كلمات دلالية:' (tags_headers.txt)",
    "pattern:credit": "credit: a credit/byline/copyright line (credit_patterns.txt)",
    "pattern:caption": "caption: a photo caption or photo credit (caption_patterns.txt)",
    "pattern:tweet_signature": "embed: '— Name (@handle) Month D, YYYY' under an embedded tweet",
    "pattern:embed_link": "embed: a link only embedded posts carry (t.co, pic.twitter.com, Instagram)",
    "pattern:dateline": "dateline: the line is only a dateline (dateline_patterns.txt)",
    "structure:trailing_teaser(overlap=x.xx)": "related: one of at least two lede sentences of other "
    "stories ending the document (no connective, long, sharing almost nothing with the lead; one of them "
    "names a weekday early, as news ledes do)",
    "structure:tweet_text_before_signature": "embed: the line just above a tweet signature (the tweet text)",
    "structure:after_related_header": "related: a short headline-like or bulleted line in a related block",
    "structure:appended_article(overlap=x.xx)": "appended_article: long body text after a related header "
    "containing none of the lead article's key terms (first line of the run; overlap = share of key terms)",
    "structure:in_appended_article": "appended_article: a later line of an appended article",
    "structure:body_resumes(overlap=x.xx)": "content: body text after a related block that contains "
    "key terms of the lead article",
    "structure:injected_headline(overlap=x.xx)": "related: a short headline-like line between body "
    "paragraphs sharing little vocabulary with its neighbours",
    "structure:subhead(overlap=x.xx)": "content: a short headline-like line between body paragraphs "
    "that shares vocabulary with its neighbours (a subheading of the story)",
    "structure:introduced_by_colon": "content: a short line between body paragraphs after a line ending "
    "with a colon (a quote, a verse, list items)",
    "structure:list_item": "content: a short line between body paragraphs in a list: a run of same-shaped "
    "lines separated by dashes, or numbered next to the line numbered one less or one more (notes)",
    "structure:question": "content: a short line between body paragraphs ending with a question mark (an "
    "interviewer's question)",
    "structure:repeat_of_line_N": "duplicate: the matching form equals headline/content line N",
    "context:tag_list": "tags: after the article's last body-text line, a run of at least two short noun "
    "phrases (at most four words, no function word, number, comma, reporting verb or final punctuation)",
    "context:listed_headline_with_stamp": "related: after the article, a line followed by its own date or "
    "time stamp (a listed headline of another story)",
    "context:dateline_shape": "dateline: outside the article, a line of place, agency and date words and "
    "numbers only, or '<name> – <place>'",
    "context:initials": "credit: after the article, initials or codes only (every word one or two letters)",
    "context:outside_article(overlap=x.xx)": "nav: body text cut from the article by page furniture, "
    "after it, containing none of the article's key terms (an 'about the outlet' footer)",
    "context:headline_before_body(overlap=x.xx)": "related: a headline-like line between the headline and "
    "the article sharing (almost) no vocabulary with the headline and lead (another story's headline)",
    "context:deck(overlap=x.xx)": "headline: a line right under the headline, before the article, "
    "sharing vocabulary with the headline and lead (a sub-headline deck)",
    "corpus:recurring_line(docs=N)": "nav: the line (digits aside) stands in N documents of its outlet, at "
    "least max(min_docs, min_share × the outlet's documents), a higher share for body text "
    "(newsstudy.line_evidence): the outlet's template",
    "corpus:recurring_teaser(docs=N)": "related: one of at least two lines ending the document (after "
    "the article), each in at least min_docs documents of its outlet and sharing little with the article's "
    "lead (the ledes of a 'more news' box)",
    "corpus:headline_of_other_document(docs=N)": "related: a short headline-like line that is the headline "
    "of N other documents of the corpus (a link to another story)",
    "default:content": "content: no other rule fired",
}


def rules_table() -> pd.DataFrame:
    """The rule names and their meaning as a table (``rule``, ``description``).

    >>> rules_table().query("rule == 'shape:blank'")["description"].str.startswith("blank").item()
    True
    """
    return pd.DataFrame(list(RULES.items()), columns=["rule", "description"])


# ----------------------------------------------------------------------------- data


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
    body_openers: frozenset[str]
    waw_nouns: frozenset[str]
    stopwords: frozenset[str]
    date_words: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    agency_words: frozenset[str] = frozenset()
    reporting_cues: frozenset[str] = frozenset()


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
    credit = joined("credit_patterns.txt")
    caption = compiled("caption_patterns.txt")
    related_start = regex.compile(
        rf"^\W*(?:{related})\s*(?:[:|：»/\-–—…]|\.\.|(?<=[a-z])\s*(?=\p{{Arabic}}))", flags
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
        tweet_signature=embed[0],
        embed=(regex.compile("|".join(f"(?:{x.pattern})" for x in embed[1:]), flags),),
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


@cache
def _fitted() -> dict:
    """The fitted thresholds of the line signals (``data/clean/line_thresholds.json``)."""
    return json.loads((CLEAN_DATA_DIR / "line_thresholds.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- lines


@dataclass
class _Line:
    raw: str
    norm: str
    n_words: int
    label: str = "content"
    rule: str = "default:content"

    @cached_property
    def key(self) -> str:
        """Letters-and-digits-only matching form (computed only when a rule needs it)."""
        return " ".join(_LETTERS.findall(self.norm.casefold()))


_SENTENCE_END = regex.compile(r"[.،,:;؛…][\"'»”’)\]]*\s*$")
_LIVE_MINUTE = regex.compile(r"^\W*(?:د|الدقيقه)\s?\d{1,3}(?:\+\d)?\s*[:\-–]")
_COMMA = regex.compile(r"[،,]\s")
_QUOTED = regex.compile(r"^\W*[\"'«“‘].*[\"'»”’]\W*$")
_BULLET = regex.compile(r"^\s*(?:[•●▪◦■□►▸◄\-–—*·]|\d{1,2}[.)\-])\s*\S")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
# Control and format characters only (a NUL left by the scraper, a lone BOM): nothing to read.
_INVISIBLE_ONLY = regex.compile(r"[\s\p{Cc}\p{Cf}]+")
_STAMP_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_ARABIC = regex.compile(r"\p{Arabic}")


def _is_stamp(norm: str, lex: _Lexicons) -> bool:
    """A publication stamp or clock time: a date or number in it and no word but date words.

    ``تاريخ النشر: 4 أغسطس 2012``, ``2012-05-28``, ``الخميس 12 يوليو 2012 - 10:30 ص``: a line
    made only of numbers and of the words of ``date_words.txt`` (months of the Gregorian, Syriac,
    French and Hijri calendars, weekdays, stamp words). A line with any other word is not a stamp.
    """
    tokens = _STAMP_TOKEN.findall(norm.lower())
    if not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or t in lex.date_words for t in tokens)


# Clitics stripped from the front of a word before it is cut to a stem (longest first);
# only when at least three letters remain.
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def _make_line(raw: str, norm: str | None = None) -> _Line:
    norm = for_matching(raw) if norm is None else norm
    return _Line(raw, norm, norm.count(" ") + 1 if norm else 0)


@dataclass(frozen=True)
class _DocCues:
    """Which unanchored cues occur anywhere in a document (tested once on the whole text).

    Lines of a document where none occurs skip those searches: most documents hold
    none, so most lines cost one anchored match instead of a dozen searches.
    """

    boilerplate: bool = True
    comment_form: bool = True
    triggers: bool = True


def _doc_cues(lines: list[_Line], lex: _Lexicons, p: _Params) -> _DocCues:
    # Each lexicon is looked for only in the lines short enough for its rule to fire.
    joined = "\n".join(line.norm for line in lines)
    lowered = joined.lower()
    boilerplate = "\n".join(line.norm for line in lines if line.n_words <= p.boilerplate_max_words)
    form = "\n".join(line.norm for line in lines if line.n_words <= p.form_max_words)
    return _DocCues(
        boilerplate=lex.boilerplate.occurs_in(boilerplate, boilerplate.lower()),
        comment_form=lex.comment_form_long.occurs_in(form, form.lower()),
        triggers=any(t in lowered for t in _UNANCHORED_TRIGGERS) or bool(_LATIN_SLASH.search(joined)),
    )


def _line_rule(
    line: _Line, lex: _Lexicons, p: _Params, cues: _DocCues = _DocCues()
) -> tuple[str, str] | None:
    """Label and rule decided by the line alone, or None for a body candidate."""
    if not line.norm or _INVISIBLE_ONLY.fullmatch(line.norm):
        if line.raw and not _INVISIBLE_ONLY.fullmatch(line.raw):
            return "nav", "shape:separator"  # only tatweel or marks, which matching deletes: drawn, not empty
        return "blank", "shape:blank"
    if not _ALNUM.search(line.norm):
        return "nav", "shape:separator"
    norm, n = line.norm, line.n_words
    if n <= p.stamp_max_words and _is_stamp(norm, lex):
        return "nav", "shape:stamp"
    if n <= 3 and not _ARABIC.search(norm) and all(len(t) <= 2 for t in norm.split()):
        return "nav", "shape:widget"
    if n > p.chrome_max_words and not _may_hold_cue(line, lex, p, cues):
        return None
    key = line.key if n <= p.form_max_words else ""
    if lex.tweet_signature.search(norm):
        return "embed", "pattern:tweet_signature"
    if any(p_.search(norm) for p_ in lex.embed):
        return "embed", "pattern:embed_link"
    if n <= p.chrome_max_words and lex.login_full.fullmatch(key):
        return "login_wall", "lexicon:login_wall"
    if n <= p.chrome_max_words and lex.related_full.fullmatch(key):
        return "related", "lexicon:related_header"
    if n <= p.related_max_words and lex.related_start.search(norm):
        return "related", "lexicon:related_inline"
    if n <= p.form_max_words and (lex.comment_form.fullmatch(key) or lex.comment_form_long.search(norm)):
        return "comment_form", "lexicon:comment_form"
    if lex.tags.search(norm):
        return "tags", "lexicon:tags"
    if n <= p.credit_max_words and any(p_.search(norm) for p_ in lex.credit):
        return "credit", "pattern:credit"
    if n <= p.boilerplate_max_words and lex.boilerplate.search(norm):
        return "nav", "lexicon:boilerplate"
    if n <= p.chrome_max_words and lex.nav_full.fullmatch(key):
        return "nav", "lexicon:nav"
    if n <= p.caption_max_words and any(p_.search(norm) for p_ in lex.caption):
        return "caption", "pattern:caption"
    if n <= p.chrome_max_words:
        for p_ in lex.dateline:
            m = p_.search(norm)
            if m and not _LETTERS.search(norm[m.end() :]):
                return "dateline", "pattern:dateline"
    return None


# Substrings without which no unanchored cue pattern (photo credit "Name/ AP",
# Getty, ©, embedded-post links) can match; see caption_patterns.txt, embed_patterns.txt.
_UNANCHORED_TRIGGERS = (
    "t.co/",
    "twitter.com/",
    "©",
    "getty",
    "post shared",
    "instagram",
    "انستغرام",
    "منشور",
)
_LATIN_SLASH = regex.compile(r"[A-Za-z]\s*/\s*[A-Za-z]")


def _may_hold_cue(line: _Line, lex: _Lexicons, p: _Params, cues: _DocCues) -> bool:
    """Cheap test: can any line-level cue match this (long) line at all?

    Anchored cues are tried at the start of the line, unanchored ones only when
    their trigger substrings occur, and the two lexicons only when the line is
    short enough for their rules (``_line_rule``) to fire.
    """
    norm, n = line.norm, line.n_words
    return bool(
        lex.any_start.match(norm)
        or (
            cues.triggers
            and (any(t in norm.lower() for t in _UNANCHORED_TRIGGERS) or _LATIN_SLASH.search(norm))
        )
        or (cues.boilerplate and n <= p.boilerplate_max_words and lex.boilerplate.search(norm))
        or (cues.comment_form and n <= p.form_max_words and lex.comment_form_long.search(norm))
    )


def _headline_like(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """Short, not ending like a sentence, not opened by a body connective."""
    if not line.norm or line.n_words > p.headline_max_words:
        return False
    if _SENTENCE_END.search(line.norm):
        # Includes a final "..." (a sentence trailing off), but not ".." inside a headline.
        return False
    if _LIVE_MINUTE.match(line.norm):
        # Live match commentary ("د 50: ...", minute 50) is body text, not a headline.
        return False
    if _COMMA.search(line.norm):
        # Headlines almost never carry a comma (0.2% of ANT titles); body lines often do.
        return False
    first = line.norm.split(maxsplit=2)
    if first[0] in lex.body_openers or " ".join(first[:2]) in lex.body_openers:
        return False
    word = first[0]
    # Headlines do not open with the conjunction و ("وأضاف", "ويوضح", "وشدد").
    return not (word.startswith("و") and len(word) > 3 and word not in lex.waw_nouns)


def _stems(line: _Line, lex: _Lexicons, p: _Params) -> frozenset[str]:
    stem = _stemmer(lex.stopwords, p.stem_length)
    return frozenset(filter(None, map(stem, line.key.split())))


@cache
def _stemmer(stopwords: frozenset[str], length: int):
    """A cached word -> crude stem function ("" for words left out of overlap)."""

    @cache
    def stem(word: str) -> str:
        if word in stopwords or word.isdigit() or len(word) < 2:
            return ""
        for prefix in _CLITICS:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        return word[:length]

    return stem


def _overlap(words: frozenset[str], reference: set[str] | frozenset[str]) -> float:
    return len(words & reference) / len(words) if words else 1.0


@dataclass(frozen=True)
class _Params:
    headline_max_words: int = 20
    related_max_words: int = 80
    chrome_max_words: int = 12
    form_max_words: int = 25
    credit_max_words: int = 15
    stamp_max_words: int = 12
    caption_max_words: int = 60
    boilerplate_max_words: int = 45
    body_min_words: int = 12
    subhead_min_overlap: float = 0.25
    appended_key_terms: int = 5
    appended_run: int = 3
    neighbour_window: int = 2
    stem_length: int = 5
    tweet_max_words: int = 60
    duplicate_min_words: int = 6
    title_min_jaccard: float = 0.8
    injected_min_words: int = 5
    teaser_min_run: int = 2
    teaser_max_overlap: float = 0.3
    teaser_max_mean_overlap: float = 0.15
    teaser_day_words: int = 15
    # Line signals and context (fitted thresholds in data/clean/line_thresholds.json).
    context: bool = True
    good_min_words: int = field(default_factory=lambda: _fitted()["good_min_words"]["value"])
    good_min_density: float = field(default_factory=lambda: _fitted()["good_min_density"]["value"])
    long_min_words: int = field(default_factory=lambda: _fitted()["long_min_words"]["value"])
    tag_max_words: int = 4
    tag_min_run: int = 2
    dateline_max_words: int = 8
    outside_key_terms: int = 8
    foreign_max_overlap: float = 0.1


@dataclass(frozen=True)
class _Corpus:
    """The corpus evidence of one document: the counts and the document's outlet."""

    evidence: CorpusEvidence
    outlet: str


def _label_document(
    text: str,
    title: str | None,
    p: _Params,
    norms: list[str] | None = None,
    corpus: _Corpus | None = None,
) -> list[_Line]:
    """Label the lines of one document; ``norms`` are their ``for_matching`` forms if known."""
    lex = _lexicons()
    raw_lines = text.split("\n")
    if norms is None:
        norms = for_matching_all(raw_lines)
    lines = [_make_line(raw, norm) for raw, norm in zip(raw_lines, norms, strict=True)]
    cues = _doc_cues(lines, lex, p)
    for line in lines:
        decided = _line_rule(line, lex, p, cues)
        if decided:
            line.label, line.rule = decided
    _login_joiners(lines, lex)
    keys = line_evidence.line_keys(text) if corpus is not None else []
    if corpus is not None:
        _recurring_lines(lines, keys, corpus, lex, p)
    _headline(lines, title, lex, p)
    if corpus is not None:
        _other_headlines(lines, title, corpus, lex, p)
    _structure(lines, title, lex, p)
    if p.context:
        _context(lines, title, lex, p)
    if corpus is not None:
        _recurring_tail(lines, keys, title, corpus, lex, p)
    _trailing_teasers(lines, title, lex, p)
    _tweet_text(lines, p)
    _duplicates(lines, p)
    return lines


def _recurring_lines(
    lines: list[_Line], keys: list[str], corpus: _Corpus, lex: _Lexicons, p: _Params
) -> None:
    """Body candidates that recur across the outlet's documents are its template (``nav``)."""
    for line, key in zip(lines, keys, strict=True):
        if line.label != "content" or not key:
            continue
        n = corpus.evidence.recurring(corpus.outlet, key)
        if n and _running_text(line, lex, p):
            n = corpus.evidence.recurring(corpus.outlet, key, body=True)
        if n:
            line.label, line.rule = "nav", f"corpus:recurring_line(docs={n})"


def _recurring_tail(
    lines: list[_Line], keys: list[str], title: str | None, corpus: _Corpus, lex: _Lexicons, p: _Params
) -> None:
    """A run of lines ending the document, each recurring in the outlet and foreign to the lead: teasers.

    A "more news" box scraped with the article lists the ledes of other stories
    of the day; each stands in the few documents scraped while it was shown, so
    each recurs in the outlet (in at least ``min_docs`` documents, far below the
    template's share) and shares almost nothing with the article's lead. A
    background paragraph that recurs through a story's follow-ups shares the
    story's vocabulary and stays ``content``.
    """
    body = [i for i, ln in enumerate(lines) if ln.label == "content"]
    if len(body) < p.teaser_min_run + 1:
        return
    tail = [i for i in range(body[-1] + 1, len(lines)) if lines[i].label != "blank"]
    if any(lines[i].label not in ("credit", "nav", "comment_form", "tags") for i in tail):
        return
    run: list[tuple[int, int]] = []
    for i in reversed(body):
        n = corpus.evidence.documents(corpus.outlet, keys[i])
        if not n or (
            run and i < run[-1][0] - 1 and any(ln.label != "blank" for ln in lines[i + 1 : run[-1][0]])
        ):
            break
        run.append((i, n))
    if len(run) < p.teaser_min_run or len(run) == len(body):
        return
    first = [i for i in body if i < run[-1][0]][:2]
    lead = frozenset().union(*(_stems(lines[i], lex, p) for i in first))
    if title:
        lead |= _stems(_make_line(title), lex, p)
    if any(_overlap(_stems(lines[i], lex, p), lead) >= p.teaser_max_overlap for i, _ in run):
        return
    for i, n in run:
        lines[i].label, lines[i].rule = "related", f"corpus:recurring_teaser(docs={n})"


def _running_text(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """Body text that reads as a sentence: ends like one, or is long (a recurring one may be content)."""
    return _is_body_text(line, lex, p) and (
        line.n_words >= p.long_min_words or bool(_FINAL_STOP.search(line.norm))
    )


def _other_headlines(
    lines: list[_Line], title: str | None, corpus: _Corpus, lex: _Lexicons, p: _Params
) -> None:
    """A headline-like line that is another document's headline is a link to that story (``related``)."""
    own = line_evidence.own_headline(title, [line.raw for line in lines])
    for line in lines:
        if line.label != "content" or line.n_words < corpus.evidence.min_headline_words:
            continue
        if not _headline_like(line, lex, p):
            continue
        key = line_evidence.headline_key(line.raw)
        n = corpus.evidence.headline_documents(key) - (key == own)
        if n > 0:
            line.label, line.rule = "related", f"corpus:headline_of_other_document(docs={n})"


def _login_joiners(lines: list[_Line], lex: _Lexicons) -> None:
    labels = [ln.label for ln in lines]
    for i, line in enumerate(lines):
        if line.label == "content" and line.n_words == 1 and line.key in lex.joiners:
            before = _neighbour_label(labels, i, -1)
            after = _neighbour_label(labels, i, +1)
            if before == "login_wall" and after == "login_wall":
                line.label, line.rule = "login_wall", "structure:login_wall_joiner"


def _neighbour_label(labels: list[str], i: int, step: int) -> str | None:
    j = i + step
    while 0 <= j < len(labels):
        if labels[j] != "blank":
            return labels[j]
        j += step
    return None


def _headline(lines: list[_Line], title: str | None, lex: _Lexicons, p: _Params) -> None:
    first = next((i for i, ln in enumerate(lines) if ln.label not in ("blank", "nav")), None)
    if first is None or lines[first].label != "content":
        return
    line = lines[first]
    if title:
        title_words = len(title.split())
        # A Jaccard of 0.8 is impossible when the lengths differ a lot: skip the stemming.
        if line.n_words > 2 * title_words + 2 or title_words > 2 * line.n_words + 2:
            return
        title_stems = _stems(_make_line(title), lex, p)
        line_stems = _stems(line, lex, p)
        union = title_stems | line_stems
        if union and len(title_stems & line_stems) / len(union) >= p.title_min_jaccard:
            line.label, line.rule = "headline", "title:matches_title"
        return
    has_body = any(ln.label == "content" for ln in lines[first + 1 :])
    if has_body and _headline_like(line, lex, p) and not _dateline_match(line.norm, lex):
        line.label, line.rule = "headline", "shape:first_line_headline"


def _structure(lines: list[_Line], title: str | None, lex: _Lexicons, p: _Params) -> None:
    state = "body"
    lead_idx: list[int] = []  # lines of the lead article; their stems are computed only when needed
    stems_cache: dict[int, frozenset[str]] = {}

    def stems(i: int) -> frozenset[str]:
        if i not in stems_cache:
            stems_cache[i] = _stems(lines[i], lex, p)
        return stems_cache[i]

    for i, line in enumerate(lines):
        if line.rule == "lexicon:related_header":
            state = "related"
            continue
        if line.label not in ("content", "headline"):
            continue
        if line.label == "headline":
            lead_idx.append(i)
            continue
        if state == "related":
            if _headline_like(line, lex, p) or line.n_words < p.body_min_words or _BULLET.match(line.raw):
                line.label, line.rule = "related", "structure:after_related_header"
                continue
            run = [j for j in range(i, len(lines)) if lines[j].label == "content"][: p.appended_run]
            pooled = frozenset().union(*(stems(j) for j in run))
            title_stems = _stems(_make_line(title), lex, p) if title else frozenset()
            keys = _key_stems([stems(j) for j in lead_idx], title_stems, p.appended_key_terms)
            score = len(keys & pooled) / len(keys) if keys else 1.0
            if score == 0.0:
                state = "appended"
                line.label, line.rule = "appended_article", f"structure:appended_article(overlap={score:.2f})"
            else:
                state = "body"
                line.rule = f"structure:body_resumes(overlap={score:.2f})"
                lead_idx.append(i)
            continue
        if state == "appended":
            line.label, line.rule = "appended_article", "structure:in_appended_article"
            continue
        if _headline_like(line, lex, p):
            decided = _mid_article_short_line(lines, i, stems, p)
            if decided == "related":
                continue
        lead_idx.append(i)


def _key_stems(lead_lines: list[frozenset[str]], title_stems: frozenset[str], k: int) -> frozenset[str]:
    """The lead article's ``k`` key terms: the stems found in the most lead lines.

    A stem in the title counts as two extra lines; ties go to the stem seen first.
    What the story is about (its main actors and places) recurs through the lead, so
    a continuation of the story mentions at least one of them, and another story
    usually mentions none.
    """
    counts: dict[str, int] = {s: 2 for s in title_stems}
    for stems in lead_lines:
        for s in stems:
            counts[s] = counts.get(s, 0) + 1
    # Ties broken by the stem itself: iteration order of a set depends on PYTHONHASHSEED.
    ranked = sorted(counts, key=lambda s: (-counts[s], s))
    return frozenset(ranked[:k])


def _mid_article_short_line(lines: list[_Line], i: int, stems, p: _Params) -> str | None:
    """Label a short headline-like line between body paragraphs: injected related headline or subhead."""
    line = lines[i]
    own = stems(i)
    neighbours = _neighbours(lines, i, p.neighbour_window)
    if not (any(j < i for j in neighbours) and any(j > i for j in neighbours)):
        return None
    introduced = _introduced_by_colon(lines, i)
    if introduced or _in_separator_list(lines, i) or _in_numbered_list(lines, i):
        # What a colon introduces (a quote, a verse, list items) or an item of a
        # list of same-shaped short lines is the story's own text, not a link.
        line.rule = "structure:introduced_by_colon" if introduced else "structure:list_item"
        return "content"
    if _QUESTION_END.search(line.norm):
        # A question between paragraphs is an interviewer's question, not a link to a story.
        line.rule = "structure:question"
        return "content"
    if len(own) < p.injected_min_words or _QUOTED.match(line.norm):
        # Too short to judge, or a quoted subheading: the story's own subhead.
        line.rule = "structure:subhead(overlap=n/a)"
        return "content"
    reference = frozenset().union(*(stems(j) for j in neighbours))
    score = _overlap(own, reference)
    if score < p.subhead_min_overlap:
        line.label, line.rule = "related", f"structure:injected_headline(overlap={score:.2f})"
        return "related"
    line.rule = f"structure:subhead(overlap={score:.2f})"
    return "content"


_ENDS_WITH_COLON = regex.compile(r"[:：]\W*$")
_QUESTION_END = regex.compile(r"[?؟]\W*$")
_LIST_SEPARATOR = regex.compile(r"\s[\-–—|]\s")


def _previous_text_line(lines: list[_Line], i: int) -> _Line | None:
    j = i - 1
    while j >= 0 and lines[j].label == "blank":
        j -= 1
    return lines[j] if j >= 0 else None


def _introduced_by_colon(lines: list[_Line], i: int) -> bool:
    """Whether the body line before ends with a colon, or is itself introduced that way."""
    before = _previous_text_line(lines, i)
    if before is None or before.label not in ("content", "headline"):
        return False
    return bool(_ENDS_WITH_COLON.search(before.norm)) or before.rule == "structure:introduced_by_colon"


_NUMBERED = regex.compile(r"^\W*(\d{1,3})\s*[:.)\-–]")


def _number_of(line: _Line | None) -> int | None:
    m = _NUMBERED.match(line.norm) if line is not None else None
    return int(m.group(1)) if m else None


def _in_numbered_list(lines: list[_Line], i: int) -> bool:
    """A line numbered ``N:`` (``N.``, ``N)``) next to the line numbered N-1 or N+1: a list item (notes)."""
    n = _number_of(lines[i])
    if n is None:
        return False
    return (
        _number_of(_previous_text_line(lines, i)) == n - 1 or _number_of(_next_text_line(lines, i)) == n + 1
    )


def _in_separator_list(lines: list[_Line], i: int, *, min_run: int = 3) -> bool:
    """Whether line ``i`` is in a run of ``min_run``+ short lines each cut by two or more separators.

    Lists of films, results or schedules ("Title – Director – Country") are
    written that way; injected headlines almost never hold two separators.
    """

    def listed(j: int) -> bool:
        ln = lines[j]
        return ln.label not in ("blank",) and len(_LIST_SEPARATOR.findall(ln.norm)) >= 2

    if not listed(i):
        return False
    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and (lines[j].label == "blank" or listed(j)):
            run += lines[j].label != "blank"
            j += step
    return run >= min_run


def _neighbours(lines: list[_Line], i: int, window: int) -> list[int]:
    """Indices of the nearest long body lines before and after line ``i``."""
    out: list[int] = []
    for step in (-1, 1):
        j, found = i + step, 0
        while 0 <= j < len(lines) and found < window:
            ln = lines[j]
            if ln.label in ("content", "headline") and ln.rule != "shape:first_line_headline":
                out.append(j)
                found += 1
            elif ln.label not in ("blank", "caption", "embed", "related", "nav"):
                break
            j += step
    return out


def _without_dateline(line: _Line, lex: _Lexicons) -> _Line:
    """The line with a leading dateline removed (its place names say nothing about the topic)."""
    m = _dateline_match(line.norm, lex)
    return _make_line(line.norm[m.end() :]) if m else line


_CONNECTIVE_START = regex.compile(r"^\W*(?:[وف]|لكن|كما|ثم|بيد|الا|اما|اذ|حيث|بينما|فيما|يذكر|يشار)")


def _trailing_teasers(lines: list[_Line], title: str | None, lex: _Lexicons, p: _Params) -> None:
    """Mark the lede sentences of other stories listed at the end of an article as ``related``.

    Some sites end an article with the opening sentences of other stories (a
    "more news" list whose header was lost in scraping). Each such line opens
    like a news lede (no connective), is long, and shares almost nothing with
    the lead of the article (title and first two body lines); a run of at least
    ``teaser_min_run`` of them at the end of the document is ``related``.
    """
    body = [i for i, ln in enumerate(lines) if ln.label == "content"]
    if len(body) < p.teaser_min_run + 3 or not _teaser_shaped(lines[body[-1]], p):
        return
    lead = set(_stems(_without_dateline(lines[body[0]], lex), lex, p)) | _stems(lines[body[1]], lex, p)
    if title:
        lead |= _stems(_make_line(title), lex, p)
    tail = [i for i in range(body[-1] + 1, len(lines)) if lines[i].label != "blank"]
    if any(lines[i].label not in ("credit", "nav", "comment_form", "tags") for i in tail):
        return
    run: list[tuple[int, float]] = []
    for i in reversed(body[2:]):
        line = lines[i]
        if not _teaser_shaped(line, p):
            break
        score = _overlap(_stems(line, lex, p), lead)
        if score >= p.teaser_max_overlap:
            break
        run.append((i, score))
    mean = sum(score for _, score in run) / len(run) if run else 1.0
    # Teasers are different stories: neighbours in the run share little with each other too.
    stems = [_stems(lines[i], lex, p) for i, _ in run]
    pairwise = [_overlap(a, b) for a, b in itertools.pairwise(stems)]
    if pairwise and max(pairwise) >= p.teaser_max_overlap:
        return
    # News ledes name the day of the event ("أعلنت الشرطة، الجمعة، ..."); the closing
    # paragraphs of a feature or an opinion piece, which can also share few words
    # with its lead, almost never do. At least one line of the run must.
    dated = any(_NAMES_A_DAY.search(" ".join(lines[i].norm.split()[: p.teaser_day_words])) for i, _ in run)
    if len(run) >= p.teaser_min_run and mean < p.teaser_max_mean_overlap and dated:
        for i, score in run:
            lines[i].label, lines[i].rule = "related", f"structure:trailing_teaser(overlap={score:.2f})"


# Weekday names in matching form (alef and ta marbuta unified), with the article and the
# clitics و ب ف ل (bare "احد" is "someone", so the article is required).
_NAMES_A_DAY = regex.compile(r"(?<!\w)(?:[وبف]?ال|لل)(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)(?!\w)")


def _teaser_shaped(line: _Line, p: _Params) -> bool:
    """Long, opening like a news lede (no connective), no "Label:" start."""
    return (
        line.n_words >= p.body_min_words
        and not _CONNECTIVE_START.match(line.norm)
        and ":" not in " ".join(line.norm.split()[:3])
    )


# ----------------------------------------------------------------------------- line signals and context
#
# jusText's idea (Pomikálek 2011) on extracted lines: a line of running text is long and
# dense in function words; a tag, a listed headline or a caption is short and has few. The
# article is the longest coherent run of such lines; a short line inside it takes the label
# of its neighbours (content), and what lies outside it needs evidence to be kept.

_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_FINAL_STOP = regex.compile(r"[.!?؟…:؛;][\"'»”’)\]]*\s*$")
_DASH_SPLIT = regex.compile(r"\s*[\-–—/|]\s*")


@dataclass(frozen=True)
class _Signals:
    """What the language of one line says, each signal independent of any list of page strings."""

    words: int
    function_share: float  # share of words that are Arabic function words (stopword density)
    digit_share: float  # share of tokens that are numbers or date words
    ends_sentence: bool
    reporting_cue: bool


_PUNCT = "\"'«»“”‘’()[]{}.,:;!?؟،؛…-–—/|*•"


def _function_share(tokens: list[str], fw: frozenset[str]) -> float:
    n = sum(1 for t in tokens if t in fw or (len(t) > 2 and t[0] in "وف" and t[1:] in fw))
    return n / len(tokens) if tokens else 0.0


def _signals(line: _Line, lex: _Lexicons) -> _Signals:
    # str.split and strip, not a regex: this runs on every short line of every document.
    tokens = [t for t in (w.strip(_PUNCT) for w in line.norm.casefold().split()) if t]
    if not tokens:
        return _Signals(0, 0.0, 0.0, False, False)
    dates = sum(1 for t in tokens if t.isdigit() or t in lex.date_words)
    cues = lex.reporting_cues
    cue = any(t in cues or (len(t) > 3 and t[0] in "وف" and t[1:] in cues) for t in tokens)
    return _Signals(
        len(tokens),
        _function_share(tokens, lex.function_words),
        dates / len(tokens),
        bool(_FINAL_STOP.search(line.norm)),
        cue,
    )


class _SignalCache(dict):
    """Signals of the lines of one document, computed when first asked for."""

    def __init__(self, lines: list[_Line], lex: _Lexicons) -> None:
        super().__init__()
        self.lines, self.lex = lines, lex

    def __missing__(self, i: int) -> _Signals:
        self[i] = value = _signals(self.lines[i], self.lex)
        return value


def _is_body_text(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """A line of running text: long enough and dense enough in function words (fitted thresholds)."""
    if line.n_words >= p.long_min_words:
        return True
    if line.n_words < p.good_min_words:
        return False
    tokens = [t for t in (w.strip(_PUNCT) for w in line.norm.split()) if t]
    return (
        len(tokens) >= p.good_min_words and _function_share(tokens, lex.function_words) >= p.good_min_density
    )


def _tag_shaped(line: _Line, s: _Signals, p: _Params) -> bool:
    """A short noun phrase: a few words, no function word, no number, no final punctuation."""
    return (
        1 <= s.words <= p.tag_max_words
        and s.function_share == 0.0
        and s.digit_share == 0.0
        and not s.ends_sentence
        and not s.reporting_cue
        and not _COMMA.search(line.norm)
    )


def _dateline_shaped(line: _Line, s: _Signals, lex: _Lexicons, p: _Params, *, before: bool = True) -> bool:
    """Only place, agency and date words, numbers and Latin agency codes (``الرياض 12 رجب واس``),
    or ``<name> – <place>`` (an outlet and a city): a dateline or agency marker on its own line."""
    if not 1 <= s.words <= p.dateline_max_words or s.reporting_cue or s.function_share > 0:
        return False
    tokens = _TOKEN.findall(line.norm.casefold())
    # After the article a lone place name is more often a tag: there only agency markers count.
    named = [t for t in tokens if (before and t in lex.place_words) or t in lex.agency_words]
    rest = [
        t
        for t in tokens
        if not (t in lex.place_words or t in lex.agency_words or t.isdigit() or t in lex.date_words)
    ]
    if named and all(regex.fullmatch(r"[a-z]{2,5}", t) for t in rest):
        return True
    parts = [x for x in _DASH_SPLIT.split(line.norm.strip(" \"'«»“”")) if x]
    return before and 2 <= len(parts) <= 3 and _key(parts[-1]) in lex.places and s.words <= 6


def _initials_only(s: _Signals, line: _Line) -> bool:
    """Initials of the editor or agency codes at the end of a story (``م. ف/ د.ذ``)."""
    tokens = _TOKEN.findall(line.norm)
    return 1 <= len(tokens) <= 6 and all(len(t) <= 2 and not t.isdigit() for t in tokens)


# Labels that end the article's run of body text when they come between two body lines.
# An inline related link ("للمزيد: <headline>") sits inside the body and does not end it.
_BREAK_RULES = frozenset(
    {
        "lexicon:related_header",
        "structure:after_related_header",
        "lexicon:nav",
        "lexicon:boilerplate",
        "pattern:credit",
    }
)


def _breaks_run(line: _Line) -> bool:
    return (
        line.label in ("tags", "comment_form", "login_wall", "appended_article")
        or line.rule in _BREAK_RULES
        or line.rule.startswith("corpus:recurring_line")  # the outlet's template
    )


def _context(lines: list[_Line], title: str | None, lex: _Lexicons, p: _Params) -> None:
    """Label the short or outlying ``content`` lines by where they are in relation to the article."""
    candidates = [i for i, ln in enumerate(lines) if ln.label == "content"]
    if not candidates:
        return

    def is_body(i: int) -> bool:
        # A headline-like line followed by its own stamp is a listed headline, never body text.
        return _is_body_text(lines[i], lex, p) and not _listed_with_stamp(lines, i, lex, p)

    if is_body(candidates[0]) and is_body(candidates[-1]) and not any(_breaks_run(ln) for ln in lines):
        return  # the usual case: body text from the first content line to the last, nothing outside
    signals = _SignalCache(lines, lex)
    body = [i for i in candidates if is_body(i)]
    if not body:
        return
    # Runs of body text, cut where page furniture stands between two body lines.
    runs: list[list[int]] = [[body[0]]]
    for a, b in itertools.pairwise(body):
        if b > a + 1 and any(_breaks_run(lines[j]) for j in range(a + 1, b)):
            runs.append([])
        runs[-1].append(b)
    article = max(runs, key=lambda run: (sum(lines[i].n_words for i in run), -run[0]))
    start, end = article[0], article[-1]
    outside = [i for i in candidates if not start <= i <= end]
    if not outside:
        return  # the usual case: every content line is inside the article
    stems_cache: dict[int, frozenset[str]] = {}

    def stems(i: int) -> frozenset[str]:
        if i not in stems_cache:
            stems_cache[i] = _stems(lines[i], lex, p)
        return stems_cache[i]

    heads = [i for i, ln in enumerate(lines) if ln.label == "headline"]
    known: dict[str, frozenset[str]] = {}

    def title_stems() -> frozenset[str]:
        if "title" not in known:
            known["title"] = _stems(_make_line(title), lex, p) if title else frozenset()
        return known["title"]

    def keys() -> frozenset[str]:
        """The article's key terms (computed only when a line outside it needs them)."""
        if "keys" not in known:
            lead_lines = [stems(i) for i in heads + article]
            known["keys"] = _key_stems(lead_lines, title_stems(), p.outside_key_terms)
        return known["keys"]

    def lead() -> frozenset[str]:
        if "lead" not in known:
            known["lead"] = title_stems().union(*(stems(i) for i in heads + article[:2]))
        return known["lead"]

    body_set = set(body)
    # Inside the article a short line takes the label of its neighbours (content); outside it,
    # a line needs evidence to be kept.
    for i in outside:
        line, s = lines[i], signals[i]
        decided = _outside_line(lines, i, s, lex, p, before=i < start)
        if decided is None and i > end and i in body_set:
            score = len(keys() & stems(i)) / len(keys()) if keys() else 1.0
            if score == 0.0:
                decided = "nav", f"context:outside_article(overlap={score:.2f})"
        if decided is None and i < start:
            decided = _before_body(lines, i, s, stems, lead, heads, lex, p)
        if decided:
            line.label, line.rule = decided
    _tail_lists(lines, end, signals, p)


def _before_body(lines, i, s, stems, lead, heads, lex, p) -> tuple[str, str] | None:
    """A line between the headline and the article: a deck of the headline or another story's headline."""
    line = lines[i]
    if s.words > p.headline_max_words or (s.ends_sentence and not _headline_like(line, lex, p)):
        return None
    own = stems(i)
    if len(own) < p.injected_min_words:
        return None
    if _dateline_match(line.norm, lex) or any(lines[h].norm == line.norm for h in heads):
        return None  # a repeat of the headline: the duplicate rule decides it
    score = _overlap(own, lead())
    before = _previous_text_line(lines, i)
    if score < p.foreign_max_overlap and _headline_like(line, lex, p):
        return "related", f"context:headline_before_body(overlap={score:.2f})"
    if before is not None and before.label == "headline" and score >= p.subhead_min_overlap:
        return "headline", f"context:deck(overlap={score:.2f})"
    return None


def _outside_line(
    lines: list[_Line], i: int, s: _Signals, lex: _Lexicons, p: _Params, *, before: bool
) -> tuple[str, str] | None:
    line = lines[i]
    if _dateline_shaped(line, s, lex, p, before=before):
        return "dateline", "context:dateline_shape"
    if not before and _initials_only(s, line):
        return "credit", "context:initials"
    if _listed_with_stamp(lines, i, lex, p) and not s.reporting_cue:
        return "related", "context:listed_headline_with_stamp"
    return None


def _listed_with_stamp(lines: list[_Line], i: int, lex: _Lexicons, p: _Params) -> bool:
    nxt = _next_text_line(lines, i)
    return nxt is not None and nxt.rule == "shape:stamp" and _headline_like(lines[i], lex, p)


def _next_text_line(lines: list[_Line], i: int) -> _Line | None:
    j = i + 1
    while j < len(lines) and lines[j].label == "blank":
        j += 1
    return lines[j] if j < len(lines) else None


def _tail_lists(lines: list[_Line], end: int, signals: _SignalCache, p: _Params) -> None:
    """After the last line of the article: a run of short noun phrases is a tag list."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= p.tag_min_run:
            for j in run:
                lines[j].label, lines[j].rule = "tags", "context:tag_list"
        run.clear()

    for i in range(end + 1, len(lines)):
        line = lines[i]
        if line.label == "blank":
            continue
        if line.label == "content" and _tag_shaped(line, signals[i], p):
            run.append(i)
        elif line.label == "tags":
            continue  # a tag header or a tag line already decided belongs to the run
        else:
            close()
    close()


def _tweet_text(lines: list[_Line], p: _Params) -> None:
    for i, line in enumerate(lines):
        if line.rule != "pattern:tweet_signature":
            continue
        j = i - 1
        while j >= 0 and lines[j].label == "blank":
            j -= 1
        if j >= 0 and lines[j].label in ("content", "related") and lines[j].n_words <= p.tweet_max_words:
            lines[j].label, lines[j].rule = "embed", "structure:tweet_text_before_signature"


def _duplicates(lines: list[_Line], p: _Params) -> None:
    seen: dict[str, int] = {}
    for i, line in enumerate(lines, start=1):
        if line.label not in ("content", "headline") or line.n_words < p.duplicate_min_words:
            continue
        first = seen.get(line.norm)
        if first is None:
            seen[line.norm] = i
        elif line.label == "content":
            line.label, line.rule = "duplicate", f"structure:repeat_of_line_{first}"


def _dateline_match(norm: str, lex: _Lexicons) -> regex.Match | None:
    for pattern in lex.dateline:
        m = pattern.search(norm)
        if m:
            return m
    return None


# ----------------------------------------------------------------------------- API


def _text(value: object) -> str:
    """A document's text cell as a string (a missing cell is an empty document)."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _matching_lines(bodies: Iterable[object], *, batch_chars: int = 1 << 20) -> Iterator[list[str]]:
    """``for_matching`` of every line of every document, one list per document.

    Lines are normalised in batches of about ``batch_chars`` characters across
    documents (one vectorised :func:`~newsstudy.normalize.for_matching_all` call
    per batch), which costs much less than one call per line or per document.
    """
    batch: list[list[str]] = []
    size = 0
    for body in bodies:
        raw_lines = _text(body).split("\n")
        batch.append(raw_lines)
        size += sum(map(len, raw_lines))
        if size >= batch_chars:
            yield from _split_back(batch)
            batch, size = [], 0
    yield from _split_back(batch)


def _split_back(batch: list[list[str]]) -> Iterator[list[str]]:
    norms = for_matching_all([line for raw_lines in batch for line in raw_lines])
    start = 0
    for raw_lines in batch:
        yield norms[start : start + len(raw_lines)]
        start += len(raw_lines)


def label_lines(
    corpus: pd.DataFrame,
    *,
    text_column: str = "text",
    use_title: bool = True,
    headline_max_words: int = 20,
    body_min_words: int = 12,
    subhead_min_overlap: float = 0.25,
    appended_key_terms: int = 5,
    appended_run: int = 3,
    neighbour_window: int = 2,
    stem_length: int = 5,
    duplicate_min_words: int = 6,
    evidence: CorpusEvidence | None = None,
) -> pd.DataFrame:
    """Label every raw line of every document (ANNOTATION.md section 2).

    Parameters
    ----------
    corpus : DataFrame
        The ``documents`` table: ``doc_id`` and the text column. If it has a
        ``title`` column (any case) and ``use_title`` is true, the first line is
        a headline only when it repeats the title.
    text_column : str, default "text"
    use_title : bool, default True
    headline_max_words : int, default 20
        Longest line (in words) that can be a headline or a related headline.
    body_min_words : int, default 12
        In a related block, a line shorter than this is a listed headline.
    subhead_min_overlap : float, default 0.25
        Share of a short mid-article line's stems found in its neighbours at or
        above which it is a subheading (``content``); below it, an injected
        ``related`` headline.
    appended_key_terms : int, default 5
        The run of body text after a related header is an ``appended_article``
        when it contains none of the lead article's this many key terms (the
        stems found in the most lead lines, title stems weighted up).
    appended_run : int, default 3
        How many body lines after the header are pooled for that decision.
    neighbour_window : int, default 2
        Body lines on each side compared with a short mid-article line.
    stem_length : int, default 5
        Letters kept of each clitic-stripped word for overlap.
    duplicate_min_words : int, default 6
        Shorter repeated lines are not marked ``duplicate``.
    evidence : CorpusEvidence, optional
        Corpus evidence (:mod:`newsstudy.line_evidence`): the documents of each
        outlet holding each line, and the corpus's headlines, counted over the
        whole corpus (:func:`corpus_evidence`, or chunk by chunk with
        :func:`newsstudy.line_evidence.count_lines`). A body candidate recurring
        in enough documents of its outlet is ``nav``, a headline-like line that
        is another document's headline ``related``. Without it the other signals
        alone decide.

    Returns
    -------
    DataFrame
        ``doc_id``, ``line`` (from 1), ``label``, ``rule``, ``text`` (the raw line),
        sorted by ``doc_id`` and ``line``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "اخر الاخبار\\nقطر تستضيف محادثات جديدة\\n"
    ...     "قال مسؤول إن قطر تستضيف جولة جديدة من المحادثات يوم الأربعاء في الدوحة.\\n\\nاترك تعليقاً"]})
    >>> lines = label_lines(docs)
    >>> lines["label"].tolist()
    ['nav', 'headline', 'content', 'blank', 'comment_form']
    >>> lines["rule"].tolist()[:2]
    ['lexicon:nav', 'shape:first_line_headline']
    """
    if "doc_id" not in corpus.columns or text_column not in corpus.columns:
        raise ValueError(f"corpus needs columns 'doc_id' and {text_column!r}; it has {list(corpus.columns)}")
    params = _Params(
        headline_max_words=headline_max_words,
        body_min_words=body_min_words,
        subhead_min_overlap=subhead_min_overlap,
        appended_key_terms=appended_key_terms,
        appended_run=appended_run,
        neighbour_window=neighbour_window,
        stem_length=stem_length,
        duplicate_min_words=duplicate_min_words,
    )
    title_col = line_evidence.headline_column(corpus) if use_title else None
    ids = corpus["doc_id"].astype(str).tolist()
    bodies = corpus[text_column].tolist()
    titles = corpus[title_col].tolist() if title_col else [None] * len(corpus)
    names = line_evidence.outlets(corpus, evidence.outlet_column) if evidence is not None else None
    doc_ids, numbers, labels, rules, texts = [], [], [], [], []
    # Documents in doc_id order, so the rows come out sorted without sorting the table.
    order = sorted(range(len(ids)), key=ids.__getitem__)
    for k, norms in zip(order, _matching_lines(bodies[k] for k in order), strict=True):
        doc_id, text, title = ids[k], _text(bodies[k]), titles[k]
        title = title if isinstance(title, str) and title.strip() else None
        known = None if names is None else _Corpus(evidence, names[k])
        document = _label_document(text, title, params, norms, known)
        doc_ids.extend([doc_id] * len(document))
        numbers.extend(range(1, len(document) + 1))
        for line in document:
            labels.append(line.label)
            rules.append(line.rule)
            texts.append(line.raw)
    # Dtypes stated rather than inferred: several times faster on a large corpus.
    return pd.DataFrame(
        {
            "doc_id": pd.array(doc_ids, dtype="str"),
            "line": pd.array(numbers, dtype="int64"),
            "label": pd.array(labels, dtype="str"),
            "rule": pd.array(rules, dtype="str"),
            "text": _string_array(texts),
        },
        columns=list(LINE_COLUMNS),
    )


def corpus_evidence(
    corpus: pd.DataFrame, *, text_column: str = "text", outlet_column: str | None = None, **thresholds
) -> CorpusEvidence:
    """The corpus evidence of an in-memory ``documents`` table, for :func:`label_lines`.

    ``outlet_column`` names the column of each document's outlet (default: see
    :func:`newsstudy.line_evidence.outlets`); ``thresholds`` are those of
    :class:`~newsstudy.line_evidence.CorpusEvidence`.

    >>> docs = pd.DataFrame({"doc_id": [f"site/{i}" for i in range(6)], "text": [
    ...     f"خبر {w}\\nقال مسؤول إن {w} تستضيف جولة جديدة من المحادثات يوم الأربعاء في العاصمة.\\n"
    ...     "تابعونا على تطبيق الموقع" for w in ["قطر", "مصر", "تونس", "عمان", "ليبيا", "اليمن"]]})
    >>> label_lines(docs)["label"].tolist()[:3]
    ['headline', 'content', 'content']
    >>> lines = label_lines(docs, evidence=corpus_evidence(docs))
    >>> lines["label"].tolist()[:3], lines["rule"][2]
    (['headline', 'content', 'nav'], 'corpus:recurring_line(docs=6)')
    """
    counts = line_evidence.count_lines(corpus, text_column=text_column, outlet_column=outlet_column)
    return CorpusEvidence.from_counts(counts, outlet_column=outlet_column, **thresholds)


def _dateline_text(raw: str) -> str:
    """The dateline at the start of a raw line, as written ("" if none)."""
    if not _dateline_match(for_matching(raw), _lexicons()):
        return ""  # the cheap test first: offsets are computed only for real datelines
    mapped = for_matching_with_offsets(raw)
    m = _dateline_match(mapped.text, _lexicons())
    if not m:
        return ""
    start, end = mapped.raw_span(*m.span("d"))
    return raw[start:end].strip()


def _article(doc_id: str, labels: list[str], texts: list[str]) -> tuple:
    pairs = list(zip(texts, labels, strict=True))
    kept = [t.strip() for t, lab in pairs if lab in KEPT_LABELS]
    headline = next((t.strip() for t, lab in pairs if lab == "headline"), "")
    dateline = next((t.strip() for t, lab in pairs if lab == "dateline"), "")
    if not dateline:
        first = next((t for t, lab in pairs if lab == "content"), "")
        dateline = _dateline_text(first) if first else ""
    credits = " | ".join(t.strip() for t, lab in pairs if lab == "credit")
    return (doc_id, headline, dateline, credits, "\n".join(kept), len(kept))


def cleaned(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per document: the cleaned article and its metadata.

    ``headline`` is the first ``headline`` line; ``dateline`` is the first
    ``dateline`` line, else a dateline prefix at the start of the first content
    line (the line itself stays ``content``); ``credits`` joins the ``credit``
    lines with ``" | "``; ``text`` joins the headline and content lines (each
    stripped) with ``"\\n"``; ``n_lines_kept`` counts them.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "قطر تستضيف محادثات\\nالدوحة - (رويترز) - قال مسؤول إن المحادثات تبدأ الأربعاء في الدوحة.\\n"
    ...     "المصدر: رويترز"]})
    >>> row = cleaned(label_lines(docs)).iloc[0]
    >>> row["headline"], row["dateline"], row["credits"], int(row["n_lines_kept"])
    ('قطر تستضيف محادثات', 'الدوحة - (رويترز)', 'المصدر: رويترز', 2)
    """
    ordered = lines.sort_values(["doc_id", "line"], kind="stable")
    rows = []
    doc_ids = ordered["doc_id"].astype(str).tolist()
    labels = ordered["label"].tolist()
    texts = ordered["text"].tolist()
    start = 0
    # One pass over plain lists: a groupby over tens of thousands of documents is slow.
    while start < len(doc_ids):
        stop = start
        while stop < len(doc_ids) and doc_ids[stop] == doc_ids[start]:
            stop += 1
        rows.append(_article(doc_ids[start], labels[start:stop], texts[start:stop]))
        start = stop
    frame = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    frame["n_lines_kept"] = frame["n_lines_kept"].astype("int64")
    return frame


def rebuild(lines: pd.DataFrame) -> pd.Series:
    """The raw text of each document, rebuilt from its lines (exactly the input).

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["عنوان\\n\\nنص  \\n"]})
    >>> rebuild(label_lines(docs))["a"] == docs["text"][0]
    True
    """
    ordered = lines.sort_values(["doc_id", "line"], kind="stable")
    parts: dict[str, list[str]] = {}
    for doc_id, text in zip(ordered["doc_id"].astype(str).tolist(), ordered["text"].tolist(), strict=True):
        parts.setdefault(doc_id, []).append(text)
    texts = {doc_id: "\n".join(lines_) for doc_id, lines_ in parts.items()}
    return pd.Series(texts, name="text", dtype=object).rename_axis("doc_id")


_NEWLINES = {"LF": "\n", "none": "\n", "CRLF": "\r\n", "CR": "\r"}


def rebuilds_raw(lines: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    """Whether each document's raw input is rebuilt byte for byte from its lines.

    The lines rebuild the text (:func:`rebuild`); the text, written with the
    document's newline convention in its encoding, must have the SHA-256 the
    loader recorded of the raw file (or of the UTF-8 text cell of tabular
    input). Only a table of the run is needed, not the corpus. A document whose
    newlines were ``mixed`` cannot be checked this way (``<NA>``: the text
    keeps the line breaks, not which convention each one had).

    >>> from newsstudy.corpus import load_corpus
    >>> from newsstudy.paths import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> bool(rebuilds_raw(label_lines(docs), docs).all())
    True
    """
    texts = rebuild(lines)
    verdicts = {}
    for doc in documents.itertuples(index=False):
        newline = _NEWLINES.get(doc.newlines)
        if newline is None or doc.doc_id not in texts.index:
            verdicts[doc.doc_id] = pd.NA
            continue
        text = texts[doc.doc_id].replace("\n", newline)
        tabular = getattr(doc, "row", 0) not in (0, None)
        data = text.encode("utf-8", "surrogatepass") if tabular else text.encode(doc.encoding)
        verdicts[doc.doc_id] = hashlib.sha256(data).hexdigest() == doc.sha256
    return pd.Series(verdicts, dtype="boolean", name="rebuilt").rename_axis("doc_id")


def _with_predictions(predicted_lines: pd.DataFrame, gold_lines: pd.DataFrame) -> pd.DataFrame:
    """Gold lines with their predicted label (``label_gold``, ``label_pred``); every one must have one."""
    merged = gold_lines[["doc_id", "line", "label"]].merge(
        predicted_lines[["doc_id", "line", "label"]],
        on=["doc_id", "line"],
        how="left",
        suffixes=("_gold", "_pred"),
        validate="one_to_one",
    )
    if merged["label_pred"].isna().any():
        missing = merged.loc[merged["label_pred"].isna(), ["doc_id", "line"]].head(3).to_dict("records")
        raise ValueError(f"gold lines without a prediction, e.g. {missing}")
    return merged


def label_scores(predicted_lines: pd.DataFrame, gold_lines: pd.DataFrame) -> pd.DataFrame:
    """Per-label precision, recall, F1 and support of predicted against gold labels.

    Lines are matched on ``doc_id`` and ``line``; every gold line must have a
    prediction. The ``macro`` row averages precision, recall and F1 over the
    labels present in the gold (labels the gold never uses cannot be judged on
    it; a predicted label absent from the gold still lowers the precision of
    nothing but shows up as a row with support 0 and is left out of the macro).

    Returns
    -------
    DataFrame
        Index ``label`` (gold labels, then predicted-only labels, then ``macro``);
        columns ``precision``, ``recall``, ``f1``, ``support``.

    >>> gold = pd.DataFrame({"doc_id": ["a"] * 3, "line": [1, 2, 3], "label": ["headline", "content", "nav"]})
    >>> pred = gold.assign(label=["headline", "content", "content"])
    >>> label_scores(pred, gold).loc["macro", "f1"].round(3)
    np.float64(0.556)
    """
    merged = _with_predictions(predicted_lines, gold_lines)
    gold = merged["label_gold"].tolist()
    pred = merged["label_pred"].tolist()
    gold_labels = [lab for lab in LABELS if lab in set(gold)] + sorted(set(gold) - set(LABELS))
    extra = sorted(set(pred) - set(gold))
    rows = {}
    for label in gold_labels + extra:
        tp = sum(1 for g, q in zip(gold, pred, strict=True) if g == label and q == label)
        n_pred = sum(1 for q in pred if q == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows[label] = (precision, recall, f1, n_gold)
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["precision", "recall", "f1", "support"])
    macro = table.loc[gold_labels, ["precision", "recall", "f1"]].mean()
    table.loc["macro"] = [macro["precision"], macro["recall"], macro["f1"], len(gold)]
    table["support"] = table["support"].astype("int64")
    table.index.name = "label"
    return table


def _scores_of(merged: pd.DataFrame, min_support: int) -> dict[str, float]:
    gold, pred = merged["label_gold"], merged["label_pred"]
    content_g, content_p = gold == "content", pred == "content"
    both = int((content_g & content_p).sum())
    table = label_scores(
        merged.rename(columns={"label_pred": "label"}), merged.rename(columns={"label_gold": "label"})
    )
    judged = [lab for lab in table.index if lab != "macro" and table.loc[lab, "support"] >= min_support]
    return {
        "lines": len(merged),
        "accuracy": float((gold == pred).mean()) if len(merged) else 0.0,
        "content_precision": both / int(content_p.sum()) if content_p.any() else 0.0,
        "content_recall": both / int(content_g.sum()) if content_g.any() else 0.0,
        "macro_f1": float(table.loc[judged, "f1"].mean()) if judged else 0.0,
    }


def score_table(
    predicted_lines: pd.DataFrame,
    gold_lines: pd.DataFrame,
    *,
    groups: pd.Series | None = None,
    min_support: int = 5,
) -> pd.DataFrame:
    """Scores of predicted line labels against gold, per group (e.g. outlet) and overall.

    Columns: ``lines`` (gold lines), ``accuracy`` (share of lines labelled as the gold),
    ``content_precision`` and ``content_recall`` (of the ``content`` label: what the study counts),
    ``macro_f1`` (mean F1 over the labels with at least ``min_support`` gold lines in the group).
    ``groups`` maps doc_id to a group name; the last row, ``all``, pools every line.

    >>> gold = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...                      "label": ["content", "nav", "content"]})
    >>> pred = gold.assign(label=["content", "content", "content"])
    >>> t = score_table(pred, gold, groups=pd.Series({"a": "X", "b": "Y"}), min_support=1)
    >>> t["accuracy"].round(2).to_dict()
    {'X': 0.5, 'Y': 1.0, 'all': 0.67}
    """
    merged = _with_predictions(predicted_lines, gold_lines)
    rows = {}
    if groups is not None:
        merged["group"] = merged["doc_id"].astype(str).map(groups)
        for name, part in merged.groupby("group", sort=True):
            rows[name] = _scores_of(part, min_support)
    rows["all"] = _scores_of(merged, min_support)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "group"
    return table.astype({"lines": "int64"})


def as_uncleaned(lines: pd.DataFrame) -> pd.DataFrame:
    """The lines table as a count on raw text would see it: every non-blank line is article text.

    Blank lines stay ``blank`` and the headline stays ``headline``; every other
    line (boilerplate, repeats, appended articles) becomes ``content``, so
    comparing a count on this table with one on ``lines`` shows exactly what
    cleaning removed.

    >>> lines = pd.DataFrame({"doc_id": ["a"] * 3, "line": [1, 2, 3], "label": ["headline", "nav", "blank"],
    ...                       "rule": ["shape:first_line_headline", "lexicon:nav", "shape:blank"],
    ...                       "text": ["عنوان", "شارك", ""]})
    >>> as_uncleaned(lines)[["label", "rule"]].to_dict("records")[1:]
    [{'label': 'content', 'rule': 'uncleaned'}, {'label': 'blank', 'rule': 'shape:blank'}]
    """
    keep = lines["label"].isin(["blank", "headline"])
    return lines.assign(
        label=lines["label"].where(keep, "content"), rule=lines["rule"].where(keep, "uncleaned")
    )


def read_gold(directory: Path, *, corpus: str | None = None) -> pd.DataFrame:
    """Read hand-written gold line labels (one JSON file per document) as ``doc_id``, ``line``, ``label``.

    Parameters
    ----------
    directory : Path
        Folder of ``<doc_id>.json`` files (format in ``tests/gold/lines/README.md``).
    corpus : str, optional
        Keep only documents whose ``corpus`` field is this (``"seeds"``, ``"ant"``).

    >>> from newsstudy.paths import REPO_ROOT
    >>> gold = read_gold(REPO_ROOT / "tests" / "gold" / "lines", corpus="seeds")
    >>> gold["doc_id"].nunique(), list(gold.columns)
    (5, ['doc_id', 'line', 'label'])
    """
    rows = []
    for path in sorted(Path(directory).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if corpus is None or gold.get("corpus") == corpus:
            rows.extend(
                {"doc_id": gold["doc_id"], "line": item["line"], "label": item["label"]}
                for item in gold["lines"]
            )
    return pd.DataFrame(rows, columns=["doc_id", "line", "label"])
