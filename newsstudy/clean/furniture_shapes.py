"""Furniture of unseen outlets told by its shape, in any language of the furniture (issue 14, clean33).

A blog platform, a mailer or an ad server prints the same few shapes on every site it serves, in the
language of the site's template, which need not be the story's. The rules here read those shapes,
not the strings of one outlet:

- a comments header repeats the page's own headline inside quotes after a count (``3 <noun> to
  "<headline>"``), or is a count of comments (``<n> <comment noun>``);
- a comment opens with ``<name> <one word>: <date and time>`` or ``<name> · <relative time> — <text>``,
  and the short lines under it, up to the next opener, comment box or blank, are the comment;
- a comment box runs on over the short form lines right under its lexicon line (field names, a button);
- after the article, ``<one or two words>: <item> · <item> …`` (items of a few words, no digits, no
  sentence) is a tag line whatever the header word;
- a header line set outside the article's main run of body text, with a run of short items under it
  (bullets, questions, headline-shaped lines), is a list of other stories (``related``; items that are
  whole sentences are those stories' text, ``appended_article``);
- an advertisement marker and the short ad under it, a contact promo (an emoji, then a phone number or
  short code), a mailer's furniture are ``nav``;
- the page's dateline ``<place> – <the page's own name>`` (the name printed in its chrome) right over
  the body is a ``dateline``;
- the title over a byline or photo stack that leads into the article, on a page where no line was
  taken for the headline, is the ``headline``;
- a line that opens with an emoji shown as a picture (📻, 📲, 🌡) and is no counter is a promo or a
  widget of the page (``nav``): body text opens with a word;
- a forum's numbered reply ``#<n> · <name> · <date and time>`` (n ≥ 2) under the thread's first post
  opens a reply (``comment_form``), with the short lines under it;
- outside the article's main run, a line of pieces set off by middle dots or bars (``<item> · <item>``,
  no piece a sentence, no ``<header>: <items>`` tag shape) is the page's chrome (``nav``);
- a one-to-three-word line over a list (bullets, dated items) inside the story is the box's header
  (``nav``); the list is the story's;
- rows of figures taken for a headline list are a table of the story (``content``), its header ``nav``;
- a text browser's dump (``lynx -dump``): after the article, its list of the page's links, one
  numbered URL a line (``12. http://…``), and the one-word header over it (``References``) are ``nav``;
  above the article, a row of its numbered links (``[3]<item> [4]<item> [5]<item>``, each item a word
  or two) is the page's menu (``nav``), and so is the page's first link on its first line
  (``[1]<a few words>``: a skip link, the logo).

The few truly lexical cues (advertisement markers, comment nouns, mailer phrases, greetings) are in
``newsstudy/data/clean/furniture_words.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from newsstudy.clean.features import (
    _BULLET,
    _FINAL_STOP,
    _RELATIVE,
    _headline_like,
    _is_body_text,
    _Line,
    _next_text_line,
)
from newsstudy.clean.lexicons import _LETTERS as _WORD
from newsstudy.clean.lexicons import CLEAN_DATA_DIR, _Lexicons
from newsstudy.clean.line_model import RUN_GAP, _vowelled
from newsstudy.clean.params import _Params
from newsstudy.normalize import for_matching

_SEGMENTS = regex.compile(r"\s*(?:[|·•]|\s[\-–—]\s)\s*")
_EMOJI = regex.compile(r"\p{Extended_Pictographic}")
# An emoji shown as a picture by default (📲, 💬), not a text symbol such as a bullet (▪).
_EMOJI_OPEN = regex.compile(r"^\s*\p{Emoji_Presentation}")
# A phone number or an SMS short code: five digits or more, spaces or dashes allowed between groups.
_PHONE = regex.compile(r"(?<!\d)\d{2,4}(?:[\s\-]\d{2,4}){2,4}(?!\d)|(?<!\d)\d{5,}(?!\d)")
_QUOTED_TAIL = regex.compile(r"[\"“«”](?P<inner>.+)[\"”»“]\W*$")
_CLOCK = regex.compile(r"(?<!\d)\d{1,2}[:h.]\d{2}(?!\d)")
_YEAR = regex.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
# "<name> <one word>: <date and time>" (a blog's "<name> says: May 24, 2012 at 1:12 am").
_DATED_OPENER = regex.compile(
    r"^\W*(?P<name>[^\d:|·]{2,40}?)\s+(?P<verb>[^\s\d:]+)\s*[:：]\s*(?P<stamp>.*\d.*)$"
)
# "<name> · <relative time> — <text>" (a comment widget's "<name> · 2 hours ago — <text>").
_WIDGET_OPENER = regex.compile(
    rf"^\W*(?P<name>[^\d:|·]{{2,40}}?)\s*[·|•]\s*(?P<time>{_RELATIVE})\s*[\-–—:]\s*\S",
    regex.IGNORECASE,
)
_STAMP_GLUE = frozenset(
    {"at", "on", "am", "pm", "a", "à", "le", "في", "الساعه", "h", "kl", "um", "om", "ص", "م"}
)
# "<header>: <item> · <item> …" after the story.
_TAG_LINE = regex.compile(r"^\W*(?P<head>[^:：\d]{2,30}?)\s*[:：]\s*(?P<items>.+)$")
# Pieces set off by a middle dot, a bar, a bullet or a Latin comma (an Arabic comma lists a sentence's
# names and things: "<the referees>: <name>، <name>").
_TAG_ITEMS = regex.compile(r"\s*[·,|•]\s*")
# A dated list item: "<day> <month>: <text>", "<date> - <text>".
_DATED_ITEM = regex.compile(r"^\W*\d{1,2}\s+(?P<month>[^\s\d:]+)(?:\s+\d{4})?\s*[:\-–—]\s*\S")
_NUMBER = regex.compile(r"\d[\d,.]*%?")
_PLACE_SOURCE = regex.compile(r"^\W*(?P<place>[^\d\-–—:]{2,30}?)\s+[\-–—]\s+(?P<name>[^\d\-–—:]{2,40}?)\W*$")


@dataclass(frozen=True)
class _Words:
    advert: frozenset[str]
    advert_first: frozenset[str]
    comment_noun: frozenset[str]
    comment_count: regex.Pattern
    count_word: frozenset[str]
    newsletter: tuple[str, ...]
    mailer: regex.Pattern
    greeting: tuple[str, ...]


def _key(text: str) -> str:
    """Letters and digits of a raw text's matching form, words joined by one space."""
    return _norm_key(for_matching(text))


def _norm_key(norm: str) -> str:
    """The same of a text already in matching form (a line's ``norm`` or a piece of it)."""
    return " ".join(_WORD.findall(norm.casefold()))


@cache
def _words() -> _Words:
    kinds: dict[str, list[str]] = {}
    for raw in (CLEAN_DATA_DIR / "furniture_words.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, phrase = line.partition(":")
        kinds.setdefault(kind.strip(), []).append(_key(phrase))
    return _Words(
        advert=frozenset(kinds.get("advert", [])),
        advert_first=frozenset(k.split()[0] for k in kinds.get("advert", [])),
        comment_noun=frozenset(kinds.get("comment_noun", [])),
        comment_count=regex.compile(
            r"\d\s*(?:{})(?!\w)".format("|".join(map(regex.escape, kinds.get("comment_noun", [])))),
            regex.IGNORECASE,
        ),
        count_word=frozenset(kinds.get("count_word", [])),
        newsletter=tuple(kinds.get("newsletter", [])),
        mailer=regex.compile(
            r"(?<!\w)(?:{})(?!\w)".format("|".join(map(regex.escape, kinds.get("newsletter", [])))),
            regex.IGNORECASE,
        ),
        greeting=tuple(kinds.get("greeting", [])),
    )


# Rules that kept a line as text without reading it (no rule, a shape of text, the model's guess).
_UNDECIDED = (
    "default:content",
    "structure:",
    "model:furniture",
    "context:outside_article",
    "context:headline_before_body",
    "context:listed_headline_with_stamp",
)


def _open(line: _Line) -> bool:
    """A text line no rule of a lexicon or a pattern decided (one the rules kept by its shape alone)."""
    return line.n_words > 0 and line.label != "blank" and line.rule.startswith(_UNDECIDED)


def _segments(line: _Line) -> list[str]:
    return [s for s in _SEGMENTS.split(line.norm.strip()) if _WORD.search(s)]


def _stamp_text(text: str, lex: _Lexicons) -> bool:
    """Numbers, date words and the little words that join them: a date (a year or a month's name) with
    a clock time. A clock alone is a time code (``00:00 – 00:14``), not a comment's date."""
    if not _CLOCK.search(text):
        return False
    tokens = _WORD.findall(text.lower())
    if not tokens or not all(t.isdigit() or t in lex.date_words or t in _STAMP_GLUE for t in tokens):
        return False
    return bool(_YEAR.search(text)) or any(not t.isdigit() and t in lex.date_words for t in tokens)


def _comment_opener(line: _Line, lex: _Lexicons) -> bool:
    """``<name> <one word>: <date and time>`` or ``<name> · <relative time> — <text>``."""
    if line.n_words > 60:
        return False
    m = _DATED_OPENER.match(line.norm) if line.has_digit and ":" in line.norm else None
    if m and 1 <= len(m["name"].split()) <= 4 and _stamp_text(m["stamp"], lex):
        return True
    if not any(mark in line.norm for mark in "·|•"):
        return False
    m = _WIDGET_OPENER.match(line.norm)
    return bool(m) and 1 <= len(m["name"].split()) <= 3


def _comments_header(line: _Line, headline: str | None, words: _Words) -> bool:
    """A count of comments: ``<n> <noun> to "<the page's headline>"`` or a piece ``<n> <comment noun>``."""
    if line.n_words > 40 or not (line.has_digit or '"' in line.norm) or _EMOJI.search(line.raw):
        return False  # a count beside a reaction sign is a post's counters (an embed), not a thread
    if headline and '"' in line.norm:
        m = _QUOTED_TAIL.search(line.norm)
        if m:
            before = _WORD.findall(line.norm[: m.start()].casefold())
            inner = _norm_key(m["inner"])
            if (
                1 <= len(before) <= 4
                and (before[0].isdigit() or before[0] in words.count_word)
                and inner
                and (inner == headline or (len(inner) >= 0.8 * len(headline) and inner in headline))
            ):
                return True
    if not line.has_digit or not words.comment_count.search(line.norm):
        return False
    for segment in _segments(line):
        tokens = _WORD.findall(segment.casefold())
        if len(tokens) == 2 and tokens[0].isdigit() and tokens[1] in words.comment_noun:
            return True
    return False


def _set(line: _Line, label: str, rule: str) -> None:
    line.label, line.rule = label, rule


def _text_indices(lines: list[_Line]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.n_words > 0 and ln.label != "blank"]


_CUTTING = frozenset({"nav", "related", "tags", "comment_form", "login_wall", "appended_article"})


def _article_run(lines: list[_Line], text: list[int], anchors: list[int]) -> tuple[int, int] | None:
    """The article's main run of body text (:func:`newsstudy.clean.line_model.main_run`), cut also by any
    line of page furniture between two body lines: a mailer or a blog sets its boxes of other stories
    between runs of body text, and a stretch across them is no one article."""
    if not anchors:
        return None
    rank = {i: k for k, i in enumerate(text)}
    runs: list[list[int]] = [[anchors[0]]]
    for a in anchors[1:]:
        prev = runs[-1][-1]
        cut = any(
            lines[k].label in _CUTTING and not lines[k].rule.startswith("structure:box_header")
            for k in range(prev + 1, a)
        )  # a box's label inside the story (structure:box_header) does not end the article
        if not cut and rank[a] - rank[prev] - 1 <= RUN_GAP:
            runs[-1].append(a)
        else:
            runs.append([a])
    best = max(runs, key=lambda run: (sum(lines[i].n_words for i in run), -run[0]))
    return best[0], best[-1]


_KEPT_ONLY = frozenset({"headline", "content", "blank"})


def furniture_shapes(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """Label the furniture shapes of the module docstring, in place (each with its rule name).

    Only on a page: a document in which the rules found some furniture (a line that is not headline,
    content or blank). Running text with nothing else around it is a clean article, where these
    shapes would be the story's own (and most of a corpus of clean texts is read at no cost)."""
    if all(ln.label in _KEPT_ONLY for ln in lines):
        return
    text = _text_indices(lines)
    # Body text that reads as a sentence: a title over the byline is long enough to pass for body text.
    short = p.good_min_words  # a shorter line is never body text: not asked (most lines of a page)
    anchors = [
        i
        for i in text
        if lines[i].n_words >= short and lines[i].label == "content" and _is_body_text(lines[i], lex, p)
    ]
    anchors = [i for i in anchors if not _headline_like(lines[i], lex, p)] or anchors
    run = _article_run(lines, text, anchors)
    if run is None:
        return
    words = _words()
    first, last = run
    _tables(lines)
    _adverts_and_promos(lines, lex, p, words, first, last)
    _dateline_over_body(lines, first)
    _headline_over_stack(lines, lex, p, anchors, first)
    _comments(lines, lex, p, words, last)
    _tag_lines(lines, lex, p, last)
    _story_lists(lines, lex, p, first, last)
    _box_headers(lines, lex, p, first, last)
    _page_links(lines, last)
    _emoji_promos(lines)
    _numbered_replies(lines, first)
    _login_requests(lines, lex)
    _segmented_chrome(lines, lex, p, first, last)
    _section_and_date_over_title(lines, lex, p, first)
    _menu_kickers(lines)
    _bylines_by_photo(lines)
    _links_and_dates_over_the_title(lines, lex, first)
    _text_browser_links(lines, first, last)


# A text browser's numbered list of the page's links: "   12. http://…", nothing else on the line.
_NUMBERED_URL = regex.compile(r"^\s*\d{1,4}\.\s+(?:https?|ftp|file|mailto):\S+\s*$", regex.IGNORECASE)
# Its mark of a link inside the text: "[12]" set right before the link's words.
_LINK_MARK = regex.compile(r"\[\d{1,4}\]")
_ARABIC = regex.compile(r"\p{Arabic}")


def _link_row(line: _Line) -> bool:
    """``[3]<item> [4]<item> [5]<item>``: three or more marked links, each of a word or two, and
    nothing before the first (a ``<header>: [n]<tag> …`` line is a tag line, not a menu)."""
    pieces = _LINK_MARK.split(line.raw.strip())
    if len(pieces) < 4 or pieces[0].strip():
        return False
    return all(0 < len(_WORD.findall(piece)) <= 2 for piece in pieces[1:])


def _text_browser_links(lines: list[_Line], first: int, last: int) -> None:
    """A text browser's link furniture (``lynx -dump``): the numbered URLs after the article and the
    header over them, a row of numbered menu links above it (``nav``)."""
    listed = [i for i in range(last + 1, len(lines)) if _NUMBERED_URL.match(lines[i].raw)]
    for i in listed:
        _set(lines[i], "nav", "shape:link_references")
    if listed:
        above = next((k for k in range(listed[0] - 1, last, -1) if lines[k].n_words > 0), None)
        # The list's header: one word of the browser's own language, none of the page's script.
        if above is not None and above not in listed:
            header = lines[above].raw.strip()
            if len(header.split()) == 1 and not _ARABIC.search(header) and not header[-1].isdigit():
                _set(lines[above], "nav", "shape:link_references")
    for i in range(first):
        if lines[i].label in ("content", "related") and _link_row(lines[i]):
            _set(lines[i], "nav", "shape:link_row")
    # The page's first link ("[1]<a few words>" on its first line): a skip link or the logo, the
    # browser's numbering starting at the top of the page's chrome.
    top = next((i for i in range(first) if lines[i].n_words > 0), None)
    taken = top is not None and (
        lines[top].label in ("content", "related") or lines[top].rule == "shape:first_line_headline"
    )
    if taken:
        pieces = _LINK_MARK.split(lines[top].raw.strip())
        if (
            lines[top].raw.strip().startswith("[1]")
            and len(pieces) == 2
            and len(_WORD.findall(pieces[1])) <= 4
        ):
            _set(lines[top], "nav", "shape:link_row")


# "« <previous post> | <next post> »": a blog's links to the posts on either side.
_PREVIOUS_NEXT = regex.compile(r"^\s*«\s*\S.*\|.*\S\s*»\s*$")


def _page_links(lines: list[_Line], last: int) -> None:
    """A blog's links to the previous and next posts under the story are other stories (``related``)."""
    for i in range(last + 1, len(lines)):
        line = lines[i]
        if line.label in ("content", "nav") and _open(line) and _PREVIOUS_NEXT.match(line.raw):
            _set(line, "related", "shape:previous_next_posts")


def _menu_kickers(lines: list[_Line]) -> None:
    """A short line over the headline that repeats an item of the page's menu bar is the section's
    label (``nav``): the page marks where the story is filed."""
    head = next((i for i, ln in enumerate(lines) if ln.label == "headline"), None)
    if head is None:
        return
    menu = {
        _norm_key(s)
        for ln in lines[:head]
        if ln.label == "nav" and ln.rule.startswith("shape:top_bar")
        for s in _segments(ln)
    }
    menu.discard("")
    for i in range(head):
        line = lines[i]
        if (
            not _open(line)
            or line.n_words > 4
            or line.label not in ("content", "credit", "caption", "related")
        ):
            continue
        segments = _segments(line)
        if segments and _norm_key(segments[0]) in menu:
            _set(line, "nav", "shape:menu_item_kicker")


# "<one word>: <a name>": the writer's line (``Text: <name>``, ``تقرير: <name> – <place>``).
_WORD_COLON_NAME = regex.compile(r"^\W*[\p{L}]+\s*[:：]\s*[^\d:]{2,60}$")


def _bylines_by_photo(lines: list[_Line]) -> None:
    """A line the photo-credit rule took for a caption that reads ``<one word>: <a name of at most six
    words>`` is the story's byline (``credit``): a caption shows, it is not introduced by a word."""
    for line in lines:
        if (
            line.rule == "context:beside_photo_credit"
            and line.n_words <= 7
            and _WORD_COLON_NAME.match(line.norm)
            and not _FINAL_STOP.search(line.norm)
        ):
            _set(line, "credit", "shape:byline_by_photo")


def _first_word(line: _Line) -> str:
    """The line's first word, in matching form, lower case, without the marks around it."""
    return line.norm.split(None, 1)[0].strip(_MARKS).casefold() if line.norm.strip() else ""


_MARKS = "\"'«»“”‘’()[]{}.,:;!?؟،؛…-–—/|*•·▪►#"


def _mailer_line(line: _Line, words: _Words) -> bool:
    """A short line holding a mailer's phrase as whole words (``newsletter`` in furniture_words.txt)."""
    if line.n_words > 25:
        return False
    folded = line.norm.casefold()
    return any(phrase in folded for phrase in words.newsletter) and bool(words.mailer.search(folded))


def _adverts_and_promos(
    lines: list[_Line], lex: _Lexicons, p: _Params, words: _Words, first: int, last: int
) -> None:
    """Advertisement markers and their ads, contact promos, a mailer's furniture (all ``nav``)."""
    for i, line in enumerate(lines):
        if line.n_words == 0 or line.label == "blank" or line.n_words > 40:
            continue
        if (
            line.label in ("content", "related", "nav", "credit", "caption", "embed")
            and _first_word(line) in words.advert_first
        ):
            segments = _segments(line)
            if segments and _norm_key(segments[0]) in words.advert:
                _set(line, "nav", "shape:advert_marker")
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                if (
                    len(segments) == 1
                    and nxt is not None
                    and _open(nxt)
                    and nxt.label in ("content", "related")
                    and nxt.n_words <= 20
                    and not _FINAL_STOP.search(nxt.norm)
                ):
                    _set(nxt, "nav", "shape:advert_text")
                continue
        if line.rule == "shape:first_line_headline" and _mailer_line(line, words):
            _set(line, "nav", "lexicon:mailer")  # a mailer's first line, taken for the title by its place
            continue
        if not _open(line):
            continue
        if line.n_words <= 25 and line.has_digit and _EMOJI_OPEN.match(line.raw) and _PHONE.search(line.norm):
            _set(line, "nav", "shape:contact_promo")
            continue
        if first <= i <= last:
            continue
        if _mailer_line(line, words):
            _set(line, "nav", "lexicon:mailer")
        elif i < first and line.norm.casefold().startswith(words.greeting):
            _set(line, "nav", "lexicon:mailer_greeting")


def _comments(lines: list[_Line], lex: _Lexicons, p: _Params, words: _Words, last: int) -> None:
    """Comments headers, comment openers and the lines under them, a comment box's fields (all
    ``comment_form``), below the article's main run (a thread stands under the story)."""
    first = last
    headline = next((ln.key for ln in lines if ln.label == "headline"), None)
    starts = []
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if line.n_words == 0 or line.label == "blank":
            continue
        if line.label not in ("content", "related", "nav", "tags", "credit") or line.rule.startswith(
            "lexicon:"
        ):
            continue
        if _comments_header(line, headline, words):
            _set(line, "comment_form", "shape:comments_header")
            starts.append(i)
    has_box = starts or any(ln.label == "comment_form" for ln in lines[first + 1 :])
    openers = [
        i
        for i in range(first + 1, len(lines))
        if lines[i].label in ("content", "related", "nav", "tags") and _comment_opener(lines[i], lex)
    ]
    if openers and (has_box or len(openers) >= 2):
        opener_set = set(openers)
        for h in openers:
            _set(lines[h], "comment_form", "shape:comment_opener")
            for j in range(h + 1, min(h + 4, len(lines))):
                nxt = lines[j]
                if j in opener_set or not _open(nxt) or nxt.n_words > 60:
                    break
                if nxt.label not in ("content", "related", "nav") or nxt.n_words > 25:
                    break
                _set(nxt, "comment_form", "shape:comment_text")
    # The form runs on over its short field lines and button right under its lexicon line.
    for i, line in enumerate(lines):
        if line.rule != "lexicon:comment_form" or i < first:
            continue
        for j in range(i + 1, min(i + 3, len(lines))):
            nxt = lines[j]
            if (
                not _open(nxt)
                or nxt.n_words > 12
                or _FINAL_STOP.search(nxt.norm)
                or _is_body_text(nxt, lex, p)
            ):
                break
            if not nxt.rule.startswith("model:furniture"):
                break
            _set(nxt, "comment_form", "shape:comment_form_fields")


def _tag_lines(lines: list[_Line], lex: _Lexicons, p: _Params, last: int) -> None:
    for i in range(last + 1, len(lines)):
        line = lines[i]
        if not _open(line) or line.n_words > 25 or _vowelled(line.raw):
            continue
        # (a line of tags under the story may have been taken for another story's stray headline)
        if line.label != "content" and not line.rule.startswith("structure:injected_headline"):
            continue
        m = _TAG_LINE.match(line.norm)
        if not m or not 1 <= len(m["head"].split()) <= 2:
            continue
        items = [s.strip() for s in _TAG_ITEMS.split(m["items"]) if _WORD.search(s)]
        if len(items) >= 2 and all(
            len(s.split()) <= 4 and not _FINAL_STOP.search(s) and not s[0].isdigit() and ":" not in s
            for s in items
        ):
            if not regex.search(r"[·,،|•;؛]", m["head"]):
                _set(line, "tags", "shape:tag_line")


def _dateline_over_body(lines: list[_Line], first: int) -> None:
    """``<place> – <the page's own name>`` right over the article's first body line."""
    prev = next((j for j in range(first - 1, -1, -1) if lines[j].label != "blank"), None)
    if prev is None or first - prev != 1:
        return
    line = lines[prev]
    if not _open(line) or line.label != "content" or line.n_words > 7:
        return
    m = _PLACE_SOURCE.match(line.norm)
    if not m or len(m["place"].split()) > 2:
        return
    name = m["name"].strip()
    chrome = [ln.norm for k, ln in enumerate(lines) if k != prev and ln.label in ("nav", "credit", "caption")]
    if any(name in other for other in chrome):
        _set(line, "dateline", "shape:place_and_own_name")


_STACK = frozenset({"credit", "caption", "nav", "dateline", "embed"})


def _headline_over_stack(
    lines: list[_Line], lex: _Lexicons, p: _Params, anchors: list[int], first: int
) -> None:
    """The title over the byline and photo stack that leads into the article, when no line is the headline.

    The first line of body text (up to the main run's first) with a stack right above it (credit,
    caption, nav, dateline or embed lines, no blank, a credit or a caption among them) and a
    headline-like content line over the stack, not itself under another content line."""
    if any(ln.label == "headline" for ln in lines):
        return
    for a in anchors:
        if a > first:
            return
        j = a - 1
        stacked = set()
        while j >= 0 and lines[j].label in _STACK and lines[j].n_words > 0:
            stacked.add(lines[j].label)
            j -= 1
        if j < 0 or not stacked & {"credit", "caption"}:
            continue
        line = lines[j]
        if (
            line.label == "content"
            and _open(line)
            and _headline_like(line, lex, p)
            and (j == 0 or lines[j - 1].label != "content")
        ):
            _set(line, "headline", "shape:title_over_byline")
            return


def _list_item(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """A question or a headline-like line of four words or more, not vowelled (verse is vowelled)."""
    if not _open(line) or line.label not in ("content", "related", "nav") or line.n_words < 4:
        return False
    if _vowelled(line.raw):
        return False
    return (
        bool(_BULLET.match(line.raw))
        or line.norm.rstrip().endswith(("?", "؟"))
        or _headline_like(line, lex, p)
    )


def _figures_item(line: _Line) -> bool:
    """An item with a figure that is no sentence (a score, a date of a fixture, a vote count)."""
    return line.has_digit and not _FINAL_STOP.search(line.norm)


#: A box of other stories lists a few; a longer run of items (a squad, a fixture list) is the story's.
_LIST_MAX_ITEMS = 6


def _story_lists(lines: list[_Line], lex: _Lexicons, p: _Params, first: int, last: int) -> None:
    """A header outside the main run with a run of short items under it: a list of other stories."""
    head = next((i for i, ln in enumerate(lines) if ln.label == "headline"), None)
    past_furniture = False  # a line of cutting furniture seen after the main run
    for i, line in enumerate(lines):
        if i > last + 1 and lines[i - 1].label in _CUTTING:
            past_furniture = True
        if first <= i <= last or not _open(line) or line.label != "content" or line.n_words > 5:
            continue
        if _FINAL_STOP.search(line.norm) and not line.norm.rstrip().endswith((":", "：")):
            continue
        if _BULLET.match(line.raw) or _comment_opener(line, lex):
            continue
        if i > 0 and lines[i - 1].label == "content":
            continue  # a box opens after a blank or furniture; under a content line it is the text's
        if i < first and (head is None or i > head):
            continue  # before the story, a list of the other stories stands over its title
        if i > last and not past_furniture:
            continue  # after it, the list stands past the page's furniture, not in the story's text
        items, closed = [], True
        for j in range(i + 1, len(lines)):
            nxt = lines[j]
            if nxt.n_words == 0 or nxt.label == "blank":
                break
            bullet = bool(_BULLET.match(nxt.raw))
            if i < first and not bullet:
                break
            if bullet and _open(nxt) and nxt.label in ("content", "related"):
                items.append(j)
            elif _list_item(nxt, lex, p):
                items.append(j)
            else:
                closed = nxt.label != "content"  # a list ends at a blank or furniture, not in running text
                break
        if (
            not closed
            or not items
            or len(items) > _LIST_MAX_ITEMS
            or 2 * sum(map(_figures_item, (lines[j] for j in items))) > len(items)
            or (len(items) < 2 and not all(_BULLET.match(lines[j].raw) for j in items))
        ):
            continue
        _set(line, "related", "shape:story_list_header")
        for j in items:
            item = lines[j]
            if (
                _FINAL_STOP.search(item.norm)
                and not item.norm.rstrip().endswith(("?", "؟"))
                and item.n_words > 12
            ):
                _set(item, "appended_article", "shape:story_list_text")
            else:
                _set(item, "related", "shape:story_list_item")


def _box_headers(lines: list[_Line], lex: _Lexicons, p: _Params, first: int, last: int) -> None:
    """A one-to-three-word line over a list inside the story is the list box's header (``nav``)."""
    for i in range(first + 1, len(lines) - 2):
        line = lines[i]
        if line.n_words > 4 or line.label != "content" or not _open(line) or line.has_digit:
            continue
        items = [lines[i + 1], lines[i + 2]]
        if not all(ln.label == "content" and ln.n_words > 0 for ln in items):
            continue
        if _BULLET.match(line.raw) or _FINAL_STOP.search(line.norm):
            continue
        segments = _segments(line)
        if not segments or any(len(s.split()) > 2 for s in segments):
            continue
        # A timeline (dated items) under its label, or a bulleted box under a label printed in two
        # languages (two pieces); a subheading of the story over a list of its own is one piece.
        dated = all((m := _DATED_ITEM.match(ln.norm)) and m["month"] in lex.date_words for ln in items)
        bulleted = len(segments) >= 2 and all(_BULLET.match(ln.raw) for ln in items)
        if dated or bulleted:
            _set(line, "nav", "shape:box_header")


def _tables(lines: list[_Line]) -> None:
    """Rows of figures a headline-list rule took for other stories are a table of the story."""
    i = 0
    while i < len(lines):
        if not lines[i].rule.startswith("structure:headline_list"):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].rule.startswith("structure:headline_list"):
            j += 1
        block = lines[i:j]
        rows = block[1:]
        if len(rows) >= 2 and all(len(_NUMBER.findall(r.norm)) >= 2 for r in rows):
            _set(block[0], "nav", "shape:table_header")
            for r in rows:
                _set(r, "content", "shape:table_row")
        i = j


_URL = regex.compile(r"https?://|www\.", regex.IGNORECASE)
_URL_TOKEN = regex.compile(r"(?:https?://|www\.)\S*", regex.IGNORECASE)


def _links_and_dates_over_the_title(lines: list[_Line], lex: _Lexicons, first: int) -> None:
    """Over the article, a line holding a web address that a rule took for another story's headline,
    and a line of date words and numbers only (a month bar, a span of dates) that a rule took for a
    dateline or a listed headline, are the page's chrome (``nav``): a headline has no address, a
    dateline names a place."""
    for i in range(min(first, len(lines))):
        line = lines[i]
        if line.rule.startswith("context:headline_before_body") and _URL.search(line.norm):
            words_beside = _WORD.findall(_URL_TOKEN.sub(" ", line.norm))
            if len(words_beside) >= 2:  # a bare address alone may be a link to a story: left as it was
                _set(line, "nav", "shape:address_over_title")
        elif line.rule.startswith(("context:dateline_shape", "context:listed_headline_with_stamp")):
            tokens = _WORD.findall(line.norm.casefold())
            if tokens and all(t.isdigit() or t in lex.date_words for t in tokens):
                _set(line, "nav", "shape:dates_over_title")


#: Rules whose line a promo or chrome shape may take over (besides the undecided ones): a photo-credit
#: neighbour rule and the context's tag-line rule read the neighbours, not the line.
_NEIGHBOUR_GUESSES = ("context:beside_photo_credit", "context:tag_line", "context:deck")


def _emoji_promos(lines: list[_Line]) -> None:
    """A line of three words or more that opens with an emoji shown as a picture, is no counter (a
    number right after the emoji: a post's reactions) and does not end a sentence is the page's
    promo or widget (``nav``): a radio, an app, a weather strip, a live page. No line of body text of
    the development gold opens so (5,000 lines); a social post's counters are left to the embed rules."""
    for line in lines:
        if line.label not in ("content", "related", "caption") or line.n_words < 3 or line.n_words > 25:
            continue
        if not (_open(line) or line.rule.startswith(_NEIGHBOUR_GUESSES)):
            continue
        if not _EMOJI_OPEN.match(line.raw) or _FINAL_STOP.search(line.norm):
            continue
        rest = _EMOJI_OPEN.sub("", line.raw, count=1).lstrip("\ufe0f ").lstrip()
        if not rest or rest[0].isdigit() or not _WORD.search(rest):
            continue
        _set(line, "nav", "shape:emoji_promo")


# "#2 · <name> · 26-10-2019, 10:02 AM": a forum reply's number, poster and date (the first post is #1).
_NUMBERED_REPLY = regex.compile(
    r"^\W*#\s*(?P<n>\d{1,5})\s*[·|•\-–—]\s*(?P<name>[^·|•]{2,40}?)\s*[·|•\-–—]\s*(?P<stamp>.*\d.*)$"
)
_DATE = regex.compile(r"(?<!\d)\d{1,4}[\-/.]\d{1,2}[\-/.]\d{2,4}(?!\d)")


def _numbered_replies(lines: list[_Line], first: int) -> None:
    """A forum's numbered reply under the thread's first post opens a reply (``comment_form``), and
    the short lines under it up to the next reply, a blank or a line a rule read are the reply's."""
    openers = [
        i
        for i in range(first + 1, len(lines))
        if lines[i].n_words <= 15
        and lines[i].label in ("content", "related", "nav")
        and (m := _NUMBERED_REPLY.match(lines[i].norm))
        and int(m["n"]) >= 2
        and (_DATE.search(m["stamp"]) or _CLOCK.search(m["stamp"]))
        and len(m["name"].split()) <= 3
    ]
    opener_set = set(openers)
    for h in openers:
        _set(lines[h], "comment_form", "shape:numbered_reply")
        for j in range(h + 1, min(h + 4, len(lines))):
            nxt = lines[j]
            if j in opener_set or not _open(nxt) or nxt.label not in ("content", "related", "nav"):
                break
            if nxt.n_words > 40:
                break
            _set(nxt, "comment_form", "shape:comment_text")


_PIECES = regex.compile(r"\s+[·|]\s+")
# A mark no tag list holds: an arrow, a bracket, an at sign, a registered or degree sign.
_SYMBOL = regex.compile(r"[\p{Sm}\p{So}()\[\]@®°←↑→↓]")


def _stamp_piece(piece: str) -> bool:
    """A piece that is a clock time or a date and nothing else."""
    tokens = _WORD.findall(piece)
    return (
        bool(tokens)
        and bool(_CLOCK.search(piece) or _DATE.search(piece))
        and all(t.isdigit() for t in tokens)
    )


def _segmented_chrome(lines: list[_Line], lex: _Lexicons, p: _Params, first: int, last: int) -> None:
    """Outside the article's main run, a line of two pieces or more set off by middle dots or bars,
    none a sentence and none longer than eight words, is the page's chrome (``nav``): a site's name
    and motto, a section and its date, a forum's counters and clock, a footer's links. A line whose
    first piece is ``<header>:`` with short items is a tag line (left to the tag rules), one under a
    list's header an item of that list."""
    demoted = False
    for i, line in enumerate(lines):
        if first <= i <= last or line.n_words == 0 or line.n_words > 25:
            continue
        if line.label not in ("content", "related", "tags", "headline"):
            continue
        site_name = line.label == "headline" and line.rule.startswith("shape:first_line_headline")
        if not (_open(line) or line.rule.startswith(_NEIGHBOUR_GUESSES) or site_name):
            continue
        if line.rule.startswith(
            ("structure:after_related_header", "structure:headline_list", "structure:box_row")
        ):
            continue
        if line.label == "headline" and not (line.rule.startswith("context:deck") or site_name):
            continue
        pieces = [s for s in _PIECES.split(line.norm.strip()) if s.strip()]
        if len(pieces) < 2 or not all(_WORD.search(s) for s in pieces):
            continue
        if any(len(s.split()) > 8 or _FINAL_STOP.search(s) for s in pieces):
            continue
        if _TAG_LINE.match(pieces[0]) and not any(ch.isdigit() for ch in line.norm):
            continue
        if line.label == "tags" and not (line.has_digit or any(_SYMBOL.search(s) for s in pieces)):
            continue  # plain words set off by bars are a tag list; figures, arrows or an address are not
        if any(_stamp_piece(s) for s in (pieces[0], pieces[-1])) and any(len(s.split()) >= 4 for s in pieces):
            continue  # "<time> | <headline>": a listed story with its stamp
        if site_name and (i >= first or any(len(s.split()) > 4 for s in pieces)):
            continue  # a first line "<section> | <the story's title>" is the headline
        _set(line, "nav", "shape:segmented_chrome")
        demoted = demoted or site_name
    if demoted and not any(ln.label == "headline" for ln in lines):
        _title_under_chrome(lines, lex, p, first)


def _title_under_chrome(lines: list[_Line], lex: _Lexicons, p: _Params, first: int) -> None:
    """When the first line was page chrome taken for the headline (a site's name and motto, a section
    and its date), the headline-like line right over the article's first body line, or over the byline
    and photo stack above it, is the ``headline``."""
    j = next((k for k in range(first - 1, -1, -1) if lines[k].label != "blank"), None)
    while j is not None and j > 0 and lines[j].label in _STACK and lines[j].n_words > 0:
        j -= 1  # over the byline and photo stack
    if j is None:
        return
    line = lines[j]
    if line.label == "content" and _open(line) and _headline_like(line, lex, p):
        _set(line, "headline", "shape:title_under_chrome")


# A number alone on its line, bare or in brackets: "2", "(3)", "4." (a column's section number).
_SECTION_NUMBER = regex.compile(r"^\s*[(\[]?\s*(?P<n>\d{1,2})\s*[)\]]?\s*[.\-]?\s*$")


def section_numbers(lines: list[_Line]) -> None:
    """Numbers alone on their lines counting 1, 2, 3 … down a document, each over a line of text, are
    the story's own section numbers (``content``), not stamps: a column or a list of items numbered in
    order. A lone number, a count that does not start at 1 or skips, a number over another number (a
    pager) are left as the rules labelled them."""
    found = []
    for i, line in enumerate(lines):
        if line.n_words == 1 and line.has_digit and (m := _SECTION_NUMBER.match(line.norm)):
            found.append((i, int(m["n"])))
    if len(found) < 2 or [n for _, n in found] != list(range(1, len(found) + 1)):
        return
    for i, _ in found:
        nxt = _next_text_line(lines, i)
        if nxt is None or nxt.n_words < 3:
            return
    if not any(ln.label == "content" and ln.n_words >= 12 for ln in lines):
        return
    for i, _ in found:
        if lines[i].label == "nav" and lines[i].rule == "shape:stamp":
            _set(lines[i], "content", "structure:section_number")


def _section_and_date_over_title(lines: list[_Line], lex: _Lexicons, p: _Params, first: int) -> None:
    """Right over the headline, ``<a section or a place> — <a date>`` (two pieces set off by a dash, a dot
    or a bar: one of at most three words without a figure, the other figures and date words only) is
    the page's kicker with its date (``nav``), not a second headline: a dateline stands under the title,
    at the body's head."""
    for i, line in enumerate(lines):
        if line.label not in ("headline", "content", "related") or line.n_words > 10 or not line.has_digit:
            continue
        first_line = line.rule.startswith("shape:first_line_headline")  # taken for the title by its place
        if i >= first or not (
            _open(line) or line.rule.startswith("structure:headline_over_stamp") or first_line
        ):
            continue
        nxt = _next_text_line(lines, i)
        if nxt is None or (nxt.label != "headline" and not first_line):
            continue
        pieces = _segments(line)
        if len(pieces) != 2:
            continue
        kinds = []
        for piece in pieces:
            tokens = _WORD.findall(piece.casefold())
            dated = any(t.isdigit() for t in tokens) and all(
                t.isdigit() or t in lex.date_words for t in tokens
            )
            named = 1 <= len(tokens) <= 3 and not any(ch.isdigit() for ch in piece)
            kinds.append("date" if dated else "name" if named else "")
        if sorted(kinds) == ["date", "name"]:
            _set(line, "nav", "shape:section_and_date")
            if first_line and not any(ln.label == "headline" for ln in lines):
                _title_under_chrome(lines, lex, p, first)


# "<please / you must> ... log in ...": a request to log in (a forum's or a paywall's), any wording after it.
_LOGIN_ASK = regex.compile(r"^\W*(?:من فضلك|رجاء|يرجي|يجب عليك|عليك|please|you must)\b", regex.IGNORECASE)
_LOGIN_ACT = regex.compile(r"(?:تسجيل الدخول|سجل الدخول|تسجيل دخول|log ?in|sign in)", regex.IGNORECASE)


def _login_requests(lines: list[_Line], lex: _Lexicons) -> None:
    """A short line that opens with a request word (please, you must) and asks the reader to log in is
    a login wall (``login_wall``), whatever it says the login is for (to reply, to read, to see links).
    A bar of the page made only of login-wall phrases (field names, blanks to fill, buttons: a forum's
    login form set in its top bar, longer than a chrome line) is one too."""
    for line in lines:
        if (
            line.label == "nav"
            and line.rule.startswith("shape:top_bar")
            and line.n_words <= 25
            and lex.login_full.fullmatch(line.key)
        ):
            _set(line, "login_wall", "shape:login_form_bar")
            continue
        if line.n_words == 0 or line.n_words > 20 or line.label not in ("content", "comment_form", "nav"):
            continue
        if not (_open(line) or line.rule == "shape:comment_text"):
            continue
        if _LOGIN_ASK.match(line.norm) and _LOGIN_ACT.search(line.norm):
            _set(line, "login_wall", "shape:login_request")
