"""Passes 2 and 3: the headline, and the state machine over related blocks, appended articles,
injected headlines, subheads, trailing teasers, tweet texts and in-document duplicates."""

from __future__ import annotations

import itertools

import regex

from newsstudy.clean.features import (
    _BULLET,
    _QUOTED,
    _SOCIAL_ANY,
    _dateline_match,
    _has_full_date,
    _headline_like,
    _is_body_text,
    _Line,
    _make_line,
    _name_shaped,
    _next_text_line,
    _opens_with_place,
    _overlap,
    _previous_text_line,
    _signals,
    _social_kinds,
    _stems,
    _without_dateline,
)
from newsstudy.clean.lexicons import _key, _Lexicons
from newsstudy.clean.params import _Params
from newsstudy.normalize import for_matching


def _login_joiners(lines: list[_Line], lex: _Lexicons) -> None:
    labels = [ln.label for ln in lines]
    for i, line in enumerate(lines):
        if line.label == "content" and line.n_words == 1 and line.key in lex.joiners:
            before = _neighbour_label(labels, i, -1)
            after = _neighbour_label(labels, i, +1)
            if before == "login_wall" and after == "login_wall":
                line.label, line.rule = "login_wall", "structure:login_wall_joiner"


def _form_buttons(lines: list[_Line]) -> None:
    """A one- or two-word navigation phrase (``إرسال``, ``أرسل``) right under comment-form lines is the
    form's button (``comment_form``): a short line takes the label of the block it closes."""
    for i, line in enumerate(lines):
        if line.rule != "lexicon:nav" or line.n_words > 2:
            continue
        j = i - 1
        while j >= 0 and lines[j].label == "blank":
            j -= 1
        if j >= 0 and lines[j].label == "comment_form":
            line.label, line.rule = "comment_form", "structure:comment_form_button"


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
        title_stems = _stems(_make_line(title), lex, p)
        title_words = len(title.split())
        matched = _matches_title(line, title_stems, title_words, lex, p)
        if matched and _headline_like(line, lex, p) and not _kicker(lines, first, lex, p):
            line.label, line.rule = "headline", "title:matches_title"
            if not _headline_continues(lines, first, lex, p) and not _head_block(lines, first, lex, p):
                _deck_over_byline(lines, first, p, lex)
            return
        if matched:
            # The title column repeats a line that does not read as a headline: the story's first
            # sentence, or a masthead over the headline (scrapers fill the title with either); the
            # page itself tells, as when there is no title.
            _headline_from_shape(lines, first, lex, p)
            return
        below = _title_below_chrome(lines, first, title_stems, title_words, lex, p)
        if below is not None:
            # Page chrome the lexicons do not know (a site name, a section, a breadcrumb) printed over
            # the title: the title is where it repeats, and the short lines above it are chrome.
            for j in range(first, below):
                if lines[j].label == "content":
                    lines[j].label, lines[j].rule = "nav", "title:above_title"
            lines[below].label, lines[below].rule = "headline", "title:matches_title_below_chrome"
            if not _headline_continues(lines, below, lex, p):
                _deck_over_byline(lines, below, p, lex)
        return
    _headline_from_shape(lines, first, lex, p)


#: Rules of what a page prints right under its headline: the publication stamp and the byline.
_UNDER_HEADLINE_RULES = frozenset({"shape:stamp", "shape:published_stamp", "pattern:credit"})


def _headline_over_stamp(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """When no headline was found (chrome the rules did not name opens the page), the headline is the
    headline-like line of at least ``injected_min_words`` words set right over the publication stamp or
    the byline, above the page's first line of body text, with the headline-like lines right over it (no
    blank between: its first line, a deck) (``structure:headline_over_stamp``)."""
    if any(ln.label == "headline" for ln in lines):
        return
    text = [i for i, ln in enumerate(lines) if ln.label != "blank"]

    def story(line: _Line) -> bool:  # a line of the story's text (as the top bars read it)
        return line.label == "content" and (
            line.n_words >= p.long_min_words
            or (line.n_words >= p.good_min_words and bool(_ENDS_SENTENCE.search(line.norm)))
        )

    for k, i in enumerate(text[:-1]):
        line = lines[i]
        if story(line):
            return  # the story has begun: a line over a stamp below it is no headline of the page
        if (
            line.label != "content"
            or line.n_words < p.injected_min_words
            or not _headline_like(line, lex, p)
            or lines[text[k + 1]].rule not in _UNDER_HEADLINE_RULES
            or not any(story(lines[j]) for j in text[k + 1 :])
        ):
            continue
        top = i
        while (
            top > 0
            and lines[top - 1].label == "content"
            and lines[top - 1].n_words >= p.injected_min_words  # (a section's one word over it is chrome)
            and _headline_like(lines[top - 1], lex, p)
        ):
            top -= 1
        for j in range(top, i + 1):
            lines[j].label, lines[j].rule = "headline", "structure:headline_over_stamp"
        return


def _story_line(line: _Line, p: _Params) -> bool:
    """A line of the story's text, as the top bars read it: long, or of ``good_min_words`` ending as a
    sentence."""
    return line.label == "content" and (
        line.n_words >= p.long_min_words
        or (line.n_words >= p.good_min_words and bool(_ENDS_SENTENCE.search(line.norm)))
    )


def _lead_photo_caption(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """The caption of the lead photo (``structure:lead_photo_caption``): between the headline block
    (the headline, then its stamp or byline) and the story's first line, a line of
    ``injected_min_words`` to ``headline_max_words`` words set off by blank lines, not ending as a
    sentence, right over the story (a stamp or marker may stand between): what the photo above the story
    shows. Where the page sets no blank under it, the line right over the story's first line is the
    caption when it reads as one (:func:`_caption_over_story`: it says where, and is no sentence)."""
    heads = [i for i, ln in enumerate(lines) if ln.label == "headline"]
    if not heads:
        return
    furniture = False  # a stamp, a byline or other furniture seen under the headline
    for i in range(heads[-1] + 1, len(lines)):
        line = lines[i]
        if line.label == "blank":
            continue
        if _story_line(line, p):
            return
        if line.label != "content":
            furniture = furniture or line.label in ("nav", "credit", "dateline")
            continue
        # the story's first line, past a stamp or marker printed over it
        after = next((j for j in range(i + 1, len(lines)) if lines[j].label not in ("blank", "nav")), None)
        shaped = (
            furniture
            and p.injected_min_words <= line.n_words <= p.headline_max_words
            and not _ENDS_SENTENCE.search(line.norm)
            and after is not None
            and _story_line(lines[after], p)
        )
        set_off = lines[i - 1].label == "blank" and i + 1 < len(lines) and lines[i + 1].label == "blank"
        # With no stamp or byline under the headline, a line set off by blanks over the story is still
        # the photo's caption when it says where or when the picture was taken (a deck says neither).
        bare = (
            not furniture
            and set_off
            and p.injected_min_words <= line.n_words <= p.headline_max_words
            and not _ENDS_SENTENCE.search(line.norm)
            and after is not None
            and _story_line(lines[after], p)
            and _caption_over_story(line, lex)
        )
        if bare or (shaped and (set_off or (after == i + 1 and _caption_over_story(line, lex)))):
            line.label, line.rule = "caption", "structure:lead_photo_caption"
            return
        furniture = True  # a short line no rule named (a byline the lexicons do not know)


# Prepositions of place and time (hamza forms of alef unified, final ى kept: على is not the name علي):
# a caption says where (and when) the picture was taken ("<who> in front of <where>", "<what> near ...").
_SCENE_PREPOSITIONS = frozenset({"في", "امام", "قرب", "على", "عند", "داخل", "خارج", "وسط", "بجوار", "خلال"})
# "in" and "during" say where only before a place: a deck over the story has them too ("<the cabinet
# passes a raise> in <next year's budget>"); a caption's في names a country or city of the gazetteer or
# a kind of place (a quarter, a square, a camp), or the caption closes on the day it was taken (أمس).
_PLACE_ONLY_PREPOSITIONS = frozenset({"في", "خلال"})
_SCENE_NOUNS = frozenset(
    {
        "حي",
        "مدينه",
        "بلده",
        "قريه",
        "مخيم",
        "شارع",
        "ساحه",
        "ميدان",
        "منطقه",
        "مستشفي",
        "مطار",
        "ميناء",
        "سوق",
        "مسجد",
        "كنيسه",
        "جامعه",
        "مدرسه",
        "قاعه",
        "مقر",
        "مبني",
        "محافظه",
        "ولايه",
        "جنوب",
        "شمال",
        "شرق",
        "غرب",
        "ضواحي",
        "حقل",
        "معبر",
        "مرفا",
        "ملعب",
        "محطه",
        "مصنع",
        "موقع",
    }
)
_WHEN_WORDS = frozenset({"امس"})
_HAMZA_ALEF = regex.compile(r"[أإآ]")
# A name in brackets closing the line, with no slash: a source the story cites (left to the site-credit
# rule, web_furniture._captions_with_site_credit); "(<site>/ <photographer>)" is a photo's credit.
_BRACKETED_SOURCE_END = regex.compile(r"\([^()/]+\)\W*$")
_DOTTED_ITEMS = regex.compile(r"\S\s+[·•]\s+\S")
_PHOTO_CREDIT_END = regex.compile(r"\([^()/]{2,40}/[^()/]{2,40}\)\W*$")


def _names_a_place(words: list[str], last: str, lex: _Lexicons) -> bool:
    """One of the (up to two) words after a preposition is a country or city of the gazetteer or a
    kind of place (``في دمشق``, ``في حي ...``, ``في ساحة ...``), or the line closes on a day
    (``أمس``, a weekday)."""
    from newsstudy.attribution.gazetteer import place_forms

    places = place_forms()
    forms = [for_matching(w) for w in words]
    end = for_matching(last)
    return any(
        f in places or f in _SCENE_NOUNS or f.removeprefix("ال") in _SCENE_NOUNS for f in forms
    ) or _closes_on_a_time(end, lex)


def _closes_on_a_time(end: str, lex: _Lexicons) -> bool:
    """A last word that says when: ``أمس``, or a word of ``date_words.txt`` with or without the article
    (``اليوم`` as ``يوم``, ``الخميس``, ``مساء``)."""
    end = end.lower()
    return end in _WHEN_WORDS or end in lex.date_words or end.removeprefix("ال") in lex.date_words


def _caption_over_story(line: _Line, lex: _Lexicons) -> bool:
    """A line set right over the story's first line with no blank between reads as a caption when it
    is no sentence of the story and says where the picture was taken: a preposition of place among its
    words, no comma, colon or dash (a byline's ``<name> - <outlet>``), no reporting verb, no quotation,
    not opened by a connective (the text going on), not closed by a source in brackets."""
    s = _signals(line, lex)
    words = _HAMZA_ALEF.sub("ا", line.raw).split()
    return (
        (
            any(
                w in _SCENE_PREPOSITIONS
                and (
                    w not in _PLACE_ONLY_PREPOSITIONS or _names_a_place(words[i + 1 : i + 3], words[-1], lex)
                )
                for i, w in enumerate(words[1:], start=1)
            )
            # "<what it shows> صباح اليوم": a scene closing on the time it was taken says when.
            or (len(words) >= 3 and _closes_on_a_time(for_matching(words[-1]), lex))
        )
        and not (s.reporting_cue or s.ends_sentence)
        and not any(ch in line.norm for ch in ':،,"«»“”')
        and not _PREFIX_DASH.search(line.norm)
        and not _BRACKETED_SOURCE_END.search(line.norm)
        and not _CONNECTIVE_START.match(line.norm)
        and not regex.search(r"[\-–—]\W*$", line.norm)
    )


def _matches_title(
    line: _Line, title_stems: frozenset[str], title_words: int, lex: _Lexicons, p: _Params
) -> bool:
    """Whether a line repeats the title: stems with a Jaccard of at least ``title_min_jaccard``, or the
    stems of one all in the other, at most ``title_max_extra_stems`` stems longer (``<title> | <site>``
    as the line, or as the title column)."""
    # A Jaccard of 0.8 is impossible when the lengths differ a lot: skip the stemming.
    if title_words > 2 * line.n_words + 2 or line.n_words > 2 * title_words + 2 + p.title_max_extra_stems:
        return False
    line_stems = _stems(line, lex, p)
    union = title_stems | line_stems
    if not union:
        return False
    if len(title_stems & line_stems) / len(union) >= p.title_min_jaccard:
        return True
    shorter, longer = sorted((title_stems, line_stems), key=len)
    # One holds the other and a few stems more: "<title> | <site>" as the line, or as the title column.
    return len(shorter) >= 3 and shorter <= longer and len(longer) - len(shorter) <= p.title_max_extra_stems


def _title_below_chrome(
    lines: list[_Line], first: int, title_stems: frozenset[str], title_words: int, lex: _Lexicons, p: _Params
) -> int | None:
    """The line repeating the title among the first ``title_search_lines`` text lines, when every text
    line above it is chrome, not the story's sentences: a line the rules labelled ``nav``, a short
    unpunctuated line, or a line of at most twice ``chrome_max_words`` cut by bars, bullets, diamonds or
    tildes that does not end a sentence (a menu, a ticker); else None."""
    seen = 0
    for j in range(first, len(lines)):
        line = lines[j]
        if line.label == "blank":
            continue
        if line.label != "content" and line.label != "nav":
            return None  # furniture the line rules know stands between: leave the page as it is
        if j > first and line.label == "content" and _matches_title(line, title_stems, title_words, lex, p):
            return j if _headline_like(line, lex, p) else None
        seen += 1
        if seen >= p.title_search_lines:
            return None
        if line.label == "nav":
            continue  # chrome the rules know (a menu bar, a stamp) however long or punctuated
        barred = _CHROME_BAR.search(line.raw) and line.n_words <= 2 * p.chrome_max_words
        if barred and not _ENDS_SENTENCE.search(line.norm):
            continue  # a menu or ticker cut by bars or diamonds that the rules did not name
        if line.n_words > p.chrome_max_words or _FINAL_STOP_OR_COMMA.search(line.norm):
            return None
    return None


# The separators of a menu or ticker line over the title (bars, bullets, diamonds, tildes).
_CHROME_BAR = regex.compile(r"\s[|•·◆◇♦~]\s")
_ENDS_SENTENCE = regex.compile(r"[.!?؟…][\"'»”’)\]]*\s*$")


_FINAL_STOP_OR_COMMA = regex.compile(r"[.!?؟…؛;،,][\"'»”’)\]]*\s*$|[،,]\s")


def _kicker(lines: list[_Line], first: int, lex: _Lexicons, p: _Params) -> bool:
    """Whether the first line is a word or two printed over a longer headline-like line (a kicker)."""
    line = lines[first]
    below = lines[first + 1] if first + 1 < len(lines) else None
    return (
        line.n_words <= p.kicker_max_words
        and below is not None
        and below.label == "content"
        and below.n_words >= 3
        and below.n_words > line.n_words
        and _headline_like(below, lex, p)
        and not _dateline_match(below.norm, lex)
    )


def _headline_from_shape(lines: list[_Line], first: int, lex: _Lexicons, p: _Params) -> None:
    """The headline found from the page's layout alone (no title column, or one that does not help)."""
    line = lines[first]
    has_body = any(ln.label == "content" for ln in lines[first + 1 :])
    if not has_body or _dateline_match(line.norm, lex):
        return
    if not _headline_like(line, lex, p):
        # "<who> to <paper>:" over the quote it introduces: a headline set on two lines, when the
        # story opens right after the second (a byline or a dateline).
        if _ENDS_WITH_COLON.search(line.norm) and _headline_like(
            _make_line(line.norm.rstrip(" :：")), lex, p
        ):
            if _headline_continues(lines, first, lex, p):
                line.label, line.rule = "headline", "structure:headline_with_colon"
        return
    if _kicker(lines, first, lex, p):
        # A word or two printed right above a longer headline-like line is its kicker (the
        # paper's name, a section), not the headline: pages set the title in the line below.
        line.label, line.rule = "nav", "shape:kicker"
        first, line = first + 1, lines[first + 1]
    line.label, line.rule = "headline", "shape:first_line_headline"
    if not _headline_continues(lines, first, lex, p):
        _deck_over_byline(lines, first, p, lex)


def _mostly_dates(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """Mostly numbers and date words, one a date word (a publication stamp with a city or a zone)."""
    s = _signals(line, lex)
    return s.stamp_share >= p.stamp_min_share and s.date_words > 0


def _deck_over_byline(lines: list[_Line], first: int, p: _Params, lex: _Lexicons) -> None:
    """The lines set between the headline and a byline or dateline that opens the story are its deck.

    A page prints headline, sub-headline and summary lines, then the byline, then the story: when
    at most ``deck_max_lines_over_byline`` text lines, set with no blank between, stand between the
    headline and a credit or dateline line, and body text follows that line, they are the headline's
    deck (``headline``, ``structure:deck_above_byline``), however long.
    """
    deck: list[int] = []
    i = first + 1
    while i < len(lines) and lines[i].label == "content" and len(deck) < p.deck_max_lines_over_byline:
        if lines[i].n_words <= p.stamp_max_words and _mostly_dates(lines[i], lex, p):
            return  # a publication stamp under the headline, not a deck line
        if _DOTTED_ITEMS.search(lines[i].raw):
            return  # items set off by spaced dots (a poster's box, a tool row), not a deck line
        deck.append(i)
        i += 1
    if not deck or i >= len(lines) or lines[i].label not in ("credit", "dateline"):
        return
    if not any(ln.label == "content" and ln.n_words >= p.body_min_words for ln in lines[i + 1 :]):
        return
    for j in deck:
        lines[j].label, lines[j].rule = "headline", "structure:deck_above_byline"


# A line ending with a dash runs on into what follows (a headline's second line set over the body).
_ENDS_WITH_DASH = regex.compile(r"\s[\-–—]+\s*$")


def _opens_body(line: _Line | None, lex: _Lexicons) -> bool:
    """Whether a line starts the story: a dateline, a credit line or a dateline opening the body."""
    if line is None:
        return False
    return (
        line.label in ("dateline", "credit")
        # the publication stamp printed between the headline and the story
        or line.rule in ("shape:stamp", "shape:published_stamp", "shape:reading_time")
        or (
            line.label == "content"
            and (bool(_dateline_match(line.norm, lex)) or _opens_own_dateline(line, lex))
        )
    )


#: Rules of page tools a page prints between its headline and the story (share, print, font rows).
_TOOL_ROWS = frozenset({"lexicon:nav_menu", "lexicon:nav", "shape:widget"})


def _headline_continues(lines: list[_Line], first: int, lex: _Lexicons, p: _Params) -> bool:
    """Headline-like lines set right under the headline (no blank between), when the story opens after
    them (a dateline or a byline) or they end with a dash, are the rest of the headline (a deck or a
    second line)."""
    i = first + 1
    while i < len(lines) and i <= first + p.deck_max_lines:
        line = lines[i]
        if line.label != "content" or line.n_words < 2 or not _headline_like(line, lex, p):
            return False
        words = line.key.split()
        if all(w in lex.place_words or w in lex.agency_words for w in words) or _source_and_place(line, lex):
            return False  # places and agencies only ("<city>/ <city>/ <agency> -"), "<outlet> – <city>"
        if _mostly_dates(line, lex, p) or _has_full_date(line, lex):
            return False  # a publication date (alone or in a byline): the stamp, not the headline
        if _PHOTO_CREDIT_END.search(line.norm):
            return False  # "<what it shows> (<site>/ <photographer>)": the lead photo's caption
        if _DOTTED_ITEMS.search(line.raw):
            return False  # items set off by spaced dots (a poster's box, a tool row): chrome, not text
        k = i + 1  # the next text line past page tools printed under the headline (a print/font row)
        while k < len(lines) and (lines[k].label == "blank" or lines[k].rule in _TOOL_ROWS):
            k += 1
        after = lines[k] if k < len(lines) else None
        if _opens_body(after, lex) or _ENDS_WITH_DASH.search(line.norm):
            for j in range(first + 1, i + 1):
                lines[j].label, lines[j].rule = "headline", "structure:headline_continues"
            return True
        if i + 1 >= len(lines) or lines[i + 1].label == "blank":
            return False
        i += 1
    return False


_DASHED = regex.compile(r"\s+[\-–—]+\s+")


def _source_and_place(line: _Line, lex: _Lexicons) -> bool:
    """``<outlet> – <city>``: one to three words with no function word or number, a spaced dash, and a known
    place closing the line: where the story was filed and for whom (a dateline or a byline), not a
    headline's second line (which names no place alone after a dash)."""
    parts = _DASHED.split(line.norm.strip())
    if len(parts) != 2:
        return False
    source, place = (_key(x).split() for x in parts)
    return (
        1 <= len(source) <= 3
        and 1 <= len(place) <= 2
        and " ".join(place) in lex.places
        and not any(w in lex.function_words or w.isdigit() for w in source)
    )


def _head_block(lines: list[_Line], first: int, lex: _Lexicons, p: _Params) -> bool:
    """The page sets its head apart: the headline and up to ``deck_max_lines_over_byline`` headline-like
    lines right under it (no blank between, none ending as a sentence) end at a blank line, and body
    text (long, ending as a sentence) follows it. The block is the headline with its deck or second
    lines (``structure:head_block``), not the story's first paragraphs; a block with a name-shaped
    line or one opened by a given name (a byline) is left to the byline rules, one of places and
    agencies or dates to the dateline and stamp rules."""
    last = first
    while (
        last + 1 < len(lines)
        and lines[last + 1].label == "content"
        and last + 1 - first <= p.deck_max_lines_over_byline
    ):
        last += 1
    if last == first or last + 1 >= len(lines) or lines[last + 1].label != "blank":
        return False
    after = _next_text_line(lines, last)
    if after is None or after.label != "content" or after.n_words < p.body_min_words:
        return False
    if not _FULL_STOP.search(after.norm):
        return False
    block = lines[first + 1 : last + 1]
    for line in block:
        if line.n_words < 2 or not _headline_like(line, lex, p) or _ENDS_SENTENCE.search(line.norm):
            return False
        if _name_shaped(line, _signals(line, lex), lex, p) or _mostly_dates(line, lex, p):
            return False
        words = line.key.split()
        if words[0] in lex.given_names or all(w in lex.place_words or w in lex.agency_words for w in words):
            return False
    for line in block:
        line.label, line.rule = "headline", "structure:head_block"
    return True


_MENU_ITEMS = regex.compile(r"\s+[·•|]\s+")


def _menu_shaped(raw: str) -> bool:
    """A bar of at least three items of at most three words set off by spaced dots or bars, none ending
    as a sentence: a menu, not a listed headline (``من نحن · اتصل بنا · أعلن معنا``)."""
    items = [x for x in _MENU_ITEMS.split(raw.strip()) if x]
    return len(items) >= 3 and all(len(x.split()) <= 3 and not regex.search(r"[.!؟?…]$", x) for x in items)


#: The rules of a related header alone on its line (it opens a related block).
_HEADER_RULES = frozenset({"lexicon:related_header", "shape:related_header", "shape:more_from_header"})


def _structure(lines: list[_Line], title: str | None, lex: _Lexicons, p: _Params) -> None:
    state = "body"
    lead_idx: list[int] = []  # lines of the lead article; their stems are computed only when needed
    stems_cache: dict[int, frozenset[str]] = {}

    def stems(i: int) -> frozenset[str]:
        if i not in stems_cache:
            stems_cache[i] = _stems(lines[i], lex, p)
        return stems_cache[i]

    for i, line in enumerate(lines):
        if line.rule in _HEADER_RULES:
            state = "related"
            continue
        if state == "related" and line.rule == "shape:stamp" and _listed_item_above(lines, i):
            # A listed headline's own date or time under it, in a block of related links: the stamp
            # is part of the list item, not the page's.
            line.label, line.rule = "related", "structure:stamp_of_listed_headline"
            continue
        if line.label in ("tags", "comment_form") and state == "related":
            # A tag header or the comment box ends a block of related links: the short lines under it
            # are tags or comments (the box of another part of the page, not more links).
            state = "body"
            continue
        if line.label not in ("content", "headline"):
            continue
        if line.label == "headline":
            lead_idx.append(i)
            continue
        if state == "related":
            if _menu_shaped(line.raw):
                state = "body"  # a bar of three or more short items (the footer's menu) ends the links
                continue
            if _headline_like(line, lex, p) or line.n_words < p.body_min_words or _BULLET.match(line.raw):
                line.label, line.rule = "related", "structure:after_related_header"
                continue
            run = [j for j in range(i, len(lines)) if lines[j].label == "content"][: p.appended_run]
            pooled = frozenset().union(*(stems(j) for j in run))
            title_stems = _stems(_make_line(title), lex, p) if title else frozenset()
            keys = _key_stems([stems(j) for j in lead_idx], title_stems, p.appended_key_terms)
            score = len(keys & pooled) / len(keys) if keys else 1.0
            # A different story opens with a lede; a line opened by a connective (و, ف, كما, ...)
            # goes on with what came before, so the article resumes whatever words it uses.
            if score == 0.0 and not _goes_on(line, lex):
                state = "appended"
                line.label, line.rule = "appended_article", f"structure:appended_article(overlap={score:.2f})"
            elif _opens_own_dateline(line, lex):
                # A story that opens with a dateline of its own after the links is another item: the
                # lead does not start again with a place and a dash, whatever words the two share.
                state = "appended"
                rule = f"structure:appended_dateline(overlap={score:.2f})"
                line.label, line.rule = "appended_article", rule
            else:
                state = "body"
                joined = ",connective" if score == 0.0 else ""
                line.rule = f"structure:body_resumes(overlap={score:.2f}{joined})"
                lead_idx.append(i)
            continue
        if state == "appended":
            line.label, line.rule = "appended_article", "structure:in_appended_article"
            continue
        if line.rule == "structure:box_row":
            lead_idx.append(i)
            continue
        if _headline_like(line, lex, p):
            decided = _mid_article_short_line(lines, i, stems, p, lex)
            if decided == "related":
                continue
        lead_idx.append(i)


def _listed_item_above(lines: list[_Line], i: int) -> bool:
    """Whether the nearest text line above line ``i`` is a listed headline of a related block."""
    above = _previous_text_line(lines, i)
    return above is not None and above.rule == "structure:after_related_header"


_PREFIX_DASH = regex.compile(r"\s[\-–—]+\s|[\-–—]+\s")
_PARENTHESISED = regex.compile(r"\([^()]{1,30}\)")


def _opens_own_dateline(line: _Line, lex: _Lexicons) -> bool:
    """Whether a body line opens with a dateline: a dateline pattern, or a known place then only
    numbers, date words, place or agency words and a short bracketed credit before a dash
    (``الخليل 22-1-2024 (كنا) - أصيب ...``, ``مصراتة - افتتح ...``)."""
    m = _PREFIX_DASH.search(line.norm)
    if m is None or m.start() == 0:
        return False
    prefix = _PARENTHESISED.sub(" ", line.norm[: m.start()])
    words = _key(prefix).split()
    if not words or len(words) > 6 or not _opens_with_place(_make_line(prefix), lex):
        return False
    return all(
        w.isdigit() or w in lex.date_words or w in lex.place_words or w in lex.agency_words for w in words
    )


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


def _mid_article_short_line(lines: list[_Line], i: int, stems, p: _Params, lex: _Lexicons) -> str | None:
    """Label a short headline-like line between body paragraphs: injected related headline or subhead."""
    line = lines[i]
    own = stems(i)
    neighbours = _neighbours(lines, i, p.neighbour_window)
    if not (any(j < i for j in neighbours) and any(j > i for j in neighbours)):
        return None
    rows = _box_rows(lines, i, p, lex)
    if rows:
        # A short label over a box of figures or numbered points set in the story ("in numbers",
        # "the results"): the box's label is page furniture, its rows are the story's own text.
        line.label, line.rule = "nav", f"structure:box_header(rows={len(rows)})"
        for j in rows:
            lines[j].rule = "structure:box_row"
        return "nav"
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
    listed = _headline_list(lines, i, lex, p)
    if listed:
        # Two to four headline-like lines set together between paragraphs: a list of links to other
        # stories (a story's own subheading is one line over its paragraph), whatever they share.
        for j in listed:
            lines[j].label, lines[j].rule = "related", f"structure:headline_list(lines={len(listed)})"
        return "related"
    if len(own) < p.injected_min_words or _QUOTED.match(line.norm):
        # Too short to judge, or a quoted subheading: the story's own subhead.
        line.rule = "structure:subhead(overlap=n/a)"
        return "content"
    reference = frozenset().union(*(stems(j) for j in neighbours))
    score = _overlap(own, reference)
    if score < p.subhead_min_overlap and _among_short_lines(lines, i, lex, p):
        # A short line between short lines is one of them (a verse, a list of events, a dialogue),
        # as jusText takes a short block's class from its neighbours: an injected link stands
        # between paragraphs of running text.
        line.rule = f"structure:among_short_lines(overlap={score:.2f})"
        return "content"
    if score < p.subhead_min_overlap and _in_wrapped_paragraph(lines, i, p):
        # Where blank lines separate the paragraphs, lines set together with no blank between are
        # one paragraph wrapped at a fixed width: a line of it is not a link, whatever it shares.
        line.rule = f"structure:wrapped_paragraph(overlap={score:.2f})"
        return "content"
    if score < p.subhead_min_overlap:
        line.label, line.rule = "related", f"structure:injected_headline(overlap={score:.2f})"
        return "related"
    line.rule = f"structure:subhead(overlap={score:.2f})"
    return "content"


_DIGIT = regex.compile(r"\d")


def _box_rows(lines: list[_Line], i: int, p: _Params, lex: _Lexicons) -> list[int]:
    """The rows of a box that line ``i`` heads, or an empty list.

    A box's label is a short noun phrase (at most ``box_header_max_words`` words, the first no function
    word, no figure, no final stop or colon, not quoted) right under a paragraph of body text; its rows
    are the content lines right under it: either numbered points (``1.``, ``2)`` ...) of any length,
    or short lines (at most ``box_row_max_words`` words, not opened by a connective) the first of
    which holds a figure
    (``<name>: 61%``, ``35 قتيلاً ...``); and a paragraph of body text follows the rows. A story's own
    subheading stands over a paragraph, not over a column of figures.
    """
    line = lines[i]
    if (
        line.n_words > p.box_header_max_words
        or _DIGIT.search(line.norm)
        or _FULL_STOP.search(line.norm)
        or _ENDS_WITH_COLON.search(line.norm)
        or _QUOTED.match(line.norm)
        or (line.key.split(maxsplit=1) or [""])[0] in lex.function_words
    ):
        return []
    before = _previous_text_line(lines, i)
    if before is None or before.label != "content" or before.n_words < p.body_min_words:
        return []
    # Only the first text lines under the label can be rows or the paragraph after them: the scan stops
    # there (every short line between paragraphs asks, so a scan to the end is quadratic in the lines).
    text = list(
        itertools.islice(
            (j for j in range(i + 1, len(lines)) if lines[j].label != "blank"), p.box_max_rows + 2
        )
    )
    if not text or lines[text[0]].label != "content":
        return []
    first = lines[text[0]]
    numbered = _number_of(first) is not None
    if not numbered and not (_DIGIT.search(first.norm) and first.n_words <= p.box_row_max_words):
        return []
    rows: list[int] = []
    for j in text:
        ln = lines[j]
        if ln.label != "content" or len(rows) >= p.box_max_rows:
            break
        if numbered:
            if _number_of(ln) != len(rows) + 1:
                break
        elif ln.n_words > p.box_row_max_words or _CONNECTIVE_START.match(ln.norm):
            break
        rows.append(j)
    if not rows:
        return []
    after = next((j for j in text if j > rows[-1]), None)
    if after is None or lines[after].label != "content" or lines[after].n_words < p.body_min_words:
        return []
    return rows


def _in_wrapped_paragraph(lines: list[_Line], i: int, p: _Params) -> bool:
    """Whether line ``i`` is a line of a hard-wrapped paragraph (the layout, not the words, tells).

    The document separates its paragraphs with blank lines (at least ``wrap_min_breaks`` blank runs
    between text lines), and line ``i`` is set with other text lines, no blank between, in a block
    that ends a sentence somewhere (a full stop, a question or exclamation mark): in that layout
    such a block is one paragraph broken at the page width. A deck of headline lines is also set
    together, but none of its lines ends like a sentence.
    """
    start, end = i, i
    while start > 0 and lines[start - 1].label != "blank":
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].label != "blank":
        end += 1
    if start == end or not any(_FULL_STOP.search(lines[k].norm) for k in range(start, end + 1)):
        return False
    first = _first_text(lines)
    breaks = sum(
        1 for k in range(first + 1, len(lines)) if lines[k].label != "blank" and lines[k - 1].label == "blank"
    )
    return breaks >= p.wrap_min_breaks


def _first_text(lines: list[_Line]) -> int:
    return next((k for k, ln in enumerate(lines) if ln.label != "blank"), len(lines))


_FULL_STOP = regex.compile(r"[.!?؟…][\"'»”’)\]]*\s*$")


_FIELD_LABEL = regex.compile(r"^\W*\p{L}+\s*[:：]")


def _figures_row(norm: str) -> bool:
    """Whether at least half the tokens of a line hold a digit (``الدائرة 7: 64% (2016: 47%)``)."""
    tokens = norm.split()
    return bool(tokens) and 2 * sum(1 for w in tokens if any(c.isdigit() for c in w)) >= len(tokens)


def _headline_list(lines: list[_Line], i: int, lex: _Lexicons, p: _Params) -> list[int]:
    """The lines of a list of other stories' headlines that starts at line ``i``, or an empty list.

    From ``i``, 2 to ``headline_list_max`` adjacent content lines (no blank between), each
    headline-like with at least ``injected_min_words`` words, neither quoted nor a question, set
    between two paragraphs of body text (at least ``body_min_words`` words, not headline-like) with
    no blank between either; not a bulleted list, nor "<label>: <value>" fields or rows of figures on
    every line, and no line reporting speech (a reporting verb:
    items of a live page, "<source> says ..."), which headlines of links rarely do.
    """
    run = []
    j = i
    while j < len(lines) and len(run) <= p.headline_list_max:
        ln = lines[j]
        if not (
            ln.label == "content"
            and ln.n_words >= p.injected_min_words
            and _headline_like(ln, lex, p)
            and not _QUOTED.match(ln.norm)
            and not _QUESTION_END.search(ln.norm)
        ):
            break
        run.append(j)
        j += 1
    if not 2 <= len(run) <= p.headline_list_max:
        return []
    if all(_FIELD_LABEL.match(lines[k].norm) or _figures_row(lines[k].norm) for k in run):
        # "<label>: <value>" or a row of figures on every line: the story's own list of details or
        # results (a headline of a link is words, not mostly numbers), not links
        return []
    signals = [_signals(lines[k], lex) for k in run]
    if any(_BULLET.match(lines[k].raw) for k in run) or any(s.reporting_cue for s in signals):
        return []  # the story's own bulleted list, or lines that report speech (live updates)

    def paragraph(k: int) -> bool:
        return (
            0 <= k < len(lines)
            and lines[k].label == "content"
            and lines[k].n_words >= p.body_min_words
            and not _headline_like(lines[k], lex, p)
        )

    return run if paragraph(i - 1) and paragraph(j) else []


def _among_short_lines(lines: list[_Line], i: int, lex: _Lexicons, p: _Params) -> bool:
    """Whether line ``i`` is one of a block of short lines (a verse, a list of events), not a link.

    Its nearest text lines on both sides are short content lines (at most ``body_min_words``), and
    either the block runs to at least ``short_block_lines`` lines, or one of the two neighbours reads
    as a sentence rather than a headline: a list of other stories' headlines is two to four
    headline-like lines between paragraphs.
    """
    before, after = _previous_text_line(lines, i), _next_text_line(lines, i)

    def short(ln: _Line | None) -> bool:
        return ln is not None and ln.label in ("content", "related") and ln.n_words <= p.body_min_words

    if not (short(before) and short(after)):
        return False
    if not (_headline_like(before, lex, p) and _headline_like(after, lex, p)):
        return True
    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and (lines[j].label == "blank" or short(lines[j])):
            run += lines[j].label != "blank"
            j += step
    return run >= p.short_block_lines


_ENDS_WITH_COLON = regex.compile(r"[:：]\W*$")


_QUESTION_END = regex.compile(r"[?؟]\W*$")


_LIST_SEPARATOR = regex.compile(r"\s[\-–—|]\s")


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


#: The rules of the document's own opening headline: a line under it is not between body paragraphs.
_OPENING_HEADLINE_RULES = frozenset(
    {"shape:first_line_headline", "title:matches_title", "title:matches_title_below_chrome"}
)


def _neighbours(lines: list[_Line], i: int, window: int) -> list[int]:
    """Indices of the nearest long body lines before and after line ``i``."""
    out: list[int] = []
    for step in (-1, 1):
        j, found = i + step, 0
        while 0 <= j < len(lines) and found < window:
            ln = lines[j]
            if ln.label in ("content", "headline") and ln.rule not in _OPENING_HEADLINE_RULES:
                out.append(j)
                found += 1
            elif ln.label not in ("blank", "caption", "embed", "related", "nav"):
                break
            j += step
    return out


# A first word that is و/ف-initial (but not the preposition في, which opens many ledes) or a connective.
_CONNECTIVE_START = regex.compile(
    r"^\W*(?:[وف](?!ي(?:\s|$))|لكن|كما|ثم|بيد|الا|اما|اذ|حيث|بينما|فيما|يذكر|يشار)"
)


_JOINING_WORDS = frozenset({"كما", "لكن", "ثم", "بيد", "اما", "اذ", "حيث", "بينما", "فيما", "يذكر", "يشار"})


def _goes_on(line: _Line, lex: _Lexicons) -> bool:
    """Whether a line opens by going on with what came before: a joining word, or و/ف attached to a
    function word, a reporting verb, or a word that opens with a verb or preposition prefix
    (``وتقول``, ``وبحسب``, ``وكانت``, ``وقال``).

    Stricter than :data:`_CONNECTIVE_START`, which takes any word opening with و or ف: the root
    letter of ``وصل`` or ``فاز`` is no conjunction, and a lede opens with such verbs.

    >>> from newsstudy.clean.lexicons import _lexicons
    >>> [_goes_on(_make_line(t), _lexicons()) for t in ("وتقول الوزيرة إن", "وصل الرئيس إلى", "كما أعلن")]
    [True, False, True]
    """
    words = line.key.split()
    if not words:
        return False
    w = words[0]
    if w in _JOINING_WORDS:
        return True
    if len(w) < 4 or w[0] not in "وف":
        return False
    rest = w[1:]
    return (
        rest in lex.function_words
        or rest in lex.reporting_cues
        or rest in _JOINING_WORDS
        or rest[0] in "تينبلكو"
        or rest.startswith("ال")
    )


def _trailing_teasers(lines: list[_Line], title: str | None, lex: _Lexicons, p: _Params) -> None:
    """Mark the lede sentences of other stories listed at the end of an article as ``related``.

    Some sites end an article with the opening sentences of other stories (a
    "more news" list whose header was lost in scraping). Each such line opens
    like a news lede (no connective), is long, and shares almost nothing with
    the lead of the article (title and first two body lines); a run of at least
    ``teaser_min_run`` of them at the end of the document is ``related``.
    """
    body = [i for i, ln in enumerate(lines) if ln.label == "content"]
    if len(body) < p.teaser_min_run + 3 or not _teaser_shaped(lines[body[-1]], p, lex):
        return
    tail = [i for i in range(body[-1] + 1, len(lines)) if lines[i].label != "blank"]
    if any(lines[i].label not in ("credit", "nav", "comment_form", "tags") for i in tail):
        return
    if p.teaser_min_run >= 2 and not _teaser_shaped(lines[body[-2]], p, lex):
        return  # a run needs two teaser-shaped lines at the end: the lead's stems are not needed
    lead = set(_stems(_without_dateline(lines[body[0]], lex), lex, p)) | _stems(lines[body[1]], lex, p)
    if title:
        lead |= _stems(_make_line(title), lex, p)
    run: list[tuple[int, float]] = []
    later: frozenset[str] | None = None
    for i in reversed(body[2:]):
        line = lines[i]
        if not _teaser_shaped(line, p, lex):
            break
        own = _stems(line, lex, p)
        score = _overlap(own, lead)
        # Teasers are different stories: neighbours in the run share little with each other too, so
        # the run (walked from the end) stops at a line that goes on with the one below it. Two ledes
        # on one subject (a list of the section's stories) share words too: a line that shares almost
        # nothing with the lead and opens as a lede of its own (no joining word) does not stop it.
        if score >= p.teaser_max_overlap or (
            later is not None
            and _overlap(later, own) >= p.teaser_max_overlap
            and (score >= p.teaser_max_mean_overlap or _goes_on(line, lex))
        ):
            break
        run.append((i, score))
        later = own
    mean = sum(score for _, score in run) / len(run) if run else 1.0
    # News ledes name the day of the event ("أعلنت الشرطة، الجمعة، ..."); the closing
    # paragraphs of a feature or an opinion piece, which can also share few words
    # with its lead, almost never do. At least one line of the run must.
    dated = any(_NAMES_A_DAY.search(" ".join(lines[i].norm.split()[: p.teaser_day_words])) for i, _ in run)
    if len(run) >= p.teaser_min_run and mean < p.teaser_max_mean_overlap and dated:
        # Above the run, a lede that names its own day is one more teaser, whatever words it shares with
        # the lead (a "more news" list often leads with a story on the same subject), unless it goes on
        # with the line below it (the same stop as in the walk).
        k = body.index(run[-1][0]) - 1
        while k >= 2 and _teaser_shaped(lines[body[k]], p, lex) and _names_its_day(lines[body[k]], p):
            own = _stems(lines[body[k]], lex, p)
            if later is not None and _overlap(later, own) >= p.teaser_max_overlap:
                break
            run.append((body[k], _overlap(own, lead)))
            later = own
            k -= 1
        for i, score in run:
            lines[i].label, lines[i].rule = "related", f"structure:trailing_teaser(overlap={score:.2f})"


def _names_its_day(line: _Line, p: _Params) -> bool:
    """A lede's opening (``<verb> <subject>، <weekday>، ...``): a weekday among its first words."""
    return bool(_NAMES_A_DAY.search(" ".join(line.norm.split()[: p.teaser_day_words])))


# Weekday names in matching form (alef and ta marbuta unified), with the article and the
# clitics و ب ف ل (bare "احد" is "someone", so the article is required).
_NAMES_A_DAY = regex.compile(r"(?<!\w)(?:[وبف]?ال|لل)(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)(?!\w)")


def _teaser_shaped(line: _Line, p: _Params, lex: _Lexicons | None = None) -> bool:
    """Long, opening like a news lede (no connective), no "Label:" start."""
    return (
        line.n_words >= p.body_min_words
        and not (
            _CONNECTIVE_START.match(line.norm)
            and not _named_subject_first(line, lex)
            and _continues(line, lex)
        )
        and ":" not in " ".join(line.norm.split()[:3])
    )


def _continues(line: _Line, lex: _Lexicons | None) -> bool:
    """Whether a line's opening و/ف is the conjunction: not when the first word is a three-letter word
    that is no function word with or without its first letter, since و/ف + two letters is no Arabic
    verb or noun: the letter is the root's (``وقع``, ``وجه``, ``وصل``, ``فاز``), and ledes open so.
    (Four letters stay ambiguous: ``وقعت`` is a root-و verb, ``ولفت`` the conjunction and a verb.)"""
    if lex is None:
        return True
    words = line.key.split(maxsplit=1)
    if not words:
        return True
    w = words[0]
    root_letter = w[0] in "وف" and len(w) == 3
    return not root_letter or w in lex.function_words or w[1:] in lex.function_words


_FIRST_WORD_COMMA = regex.compile(r"^\W*([\p{L}]+)\s*[،,]")


def _named_subject_first(line: _Line, lex: _Lexicons | None) -> bool:
    """A first word set off by a comma that is no function word once a و/ف is taken off: a name
    opening a lede in apposition ("<name>، الذي ..."), not a connective ("ولكن،", "وعليه،")."""
    m = _FIRST_WORD_COMMA.match(line.norm)
    if lex is None or not m:
        return False
    word = m.group(1)
    return word not in lex.function_words and word[1:] not in lex.function_words and len(word) > 3


_SIGNATURES = ("pattern:tweet_signature", "pattern:post_signature", "shape:post_views")


def _tweet_text(lines: list[_Line], p: _Params) -> None:
    """The line just above a post's signature is the post's text (``embed``).

    An embedded tweet ends with ``— Name (@handle) date``, an Instagram post with ``A post shared
    by ...``: what stands right above is what the post said, whatever its words, unless it is long
    enough to be a paragraph of the article. A post of emoji only is a separator by shape (no
    letter), and still the post's text.
    """
    for i, line in enumerate(lines):
        if line.rule not in _SIGNATURES:
            continue
        j = i - 1
        while j >= 0 and lines[j].label == "blank":
            j -= 1
        if j < 0 or lines[j].n_words > p.tweet_max_words:
            continue
        if lines[j].label in ("content", "related") or lines[j].rule == "shape:separator":
            lines[j].label, lines[j].rule = "embed", "structure:post_text_before_signature"


def _social_posts(lines: list[_Line], text: str, lex: _Lexicons, p: _Params) -> None:
    """A line carrying two kinds of social-media tokens (hashtags, @handles, links, emoji) is a post.

    Running news prose names a hashtag, an account or a link now and then, and some outlets write
    hashtags into their own sentences, but prose never carries emoji: a line with two of the four
    kinds is an embedded or quoted post (``embed``, ``signal:social_post(<kinds>)``) when one of them
    is an emoji, or when it does not read as body text (jusText's length and function-word density,
    :func:`_is_body_text`). Checked on the whole document first, so a document with none of the
    tokens costs one search.
    """
    if not _SOCIAL_ANY.search(text):
        return
    for line in lines[1:]:
        if line.label not in ("content", "related") and line.rule != "shape:separator":
            continue
        kinds = _social_kinds(line.raw)
        if len(kinds) < 2 or ("emoji" not in kinds and _is_body_text(line, lex, p)):
            continue
        line.label, line.rule = "embed", f"signal:social_post({'+'.join(kinds)})"


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
    _pull_quotes(lines, p)


_WHOLLY_QUOTED = regex.compile(r'^\W*"(?P<inner>[^"]+)"\W*$')


def _pull_quotes(lines: list[_Line], p: _Params) -> None:
    """A line that is only a quotation of at least ``duplicate_min_words`` words, printed word for word
    inside another kept line of the page, is a pull quote: the story's own sentence set again in large
    type (``duplicate``; the line that holds it keeps its label)."""
    kept = [(i, line.norm) for i, line in enumerate(lines, start=1) if line.label in ("content", "headline")]
    for i, line in enumerate(lines, start=1):
        m = _WHOLLY_QUOTED.match(line.norm) if line.label == "content" else None
        if not m or len(m["inner"].split()) < p.duplicate_min_words:
            continue
        inner = m["inner"].strip()
        other = next((j for j, norm in kept if j != i and inner in norm and len(norm) > len(line.norm)), None)
        if other is not None:
            line.label, line.rule = "duplicate", f"structure:pull_quote(line={other})"


# "<place> : <paper>", "<place> / <desk>", "<place> - <agency>": a short filing line split once.
_PLACE_SPLIT = regex.compile(r"\s*[:/\-–—ـ]+\s*")
_PLACE_SOURCE = "context:place_and_source"
_FINAL_STOP = regex.compile(r"[.!?؟…][\"'»”’)\]]*\s*$")


def _place_line(line: _Line, lex: _Lexicons) -> str | None:
    """For ``<known place> <: / -> <one to four words>`` (no final stop), the words after the place
    (the paper, agency or writer that filed the story), else None."""
    if line.n_words > 6 or _FINAL_STOP.search(line.norm):
        return None
    parts = _PLACE_SPLIT.split(line.norm.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    place, who = _key(parts[0]), _key(parts[1])
    if place not in lex.places or not 1 <= len(who.split()) <= 4:
        return None
    return who


def _stories_after_stories(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """A page of a paper that prints several stories one after another, each under its own short
    headline and a filing line that names the same paper or agency again (``<city> : <paper>``): from
    the first such headline-and-dateline block after the lead's body has opened, the stories are
    ``appended_article`` (their filing lines ``dateline``, a ``<place> / <writer>`` line ``credit``).
    The same source filing twice on one page after body text is the cue: a lead has one dateline."""
    filed = {i: who for i, line in enumerate(lines) if (who := _place_line(line, lex))}
    counts: dict[str, int] = {}
    for who in filed.values():
        counts[who] = counts.get(who, 0) + 1
    body = 0
    start = None
    for i, line in enumerate(lines):
        if i in filed and counts[filed[i]] >= 2 and body >= 2:
            prev = [j for j in range(i - 1, -1, -1) if lines[j].raw.strip()][:1]
            if (
                prev
                and lines[prev[0]].n_words < p.body_min_words
                and not _FINAL_STOP.search(lines[prev[0]].norm)
            ):
                start = prev[0]
                break
        if line.label == "content" and line.n_words >= p.body_min_words:
            body += 1
    if start is None:
        return
    for j in filed:
        # Above the later stories, a filing line naming a writer no other story names is the lead's byline.
        lone = counts[filed[j]] == 1
        if (
            j < start
            and lone
            and (lines[j].label in ("content", "headline") or lines[j].rule == _PLACE_SOURCE)
        ):
            lines[j].label, lines[j].rule = "credit", "structure:place_and_writer_in_appended"
    for j in range(start, len(lines)):
        line = lines[j]
        if j in filed and line.label in ("content", "headline", "dateline", "credit", "related"):
            if counts[filed[j]] >= 2:
                line.label, line.rule = "dateline", "structure:repeated_dateline"
            else:
                line.label, line.rule = "credit", "structure:place_and_writer_in_appended"
        elif line.label in ("content", "headline") or line.rule.startswith("structure:injected_headline"):
            line.label, line.rule = "appended_article", "structure:story_after_story"


def _columns_after_columns(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """A page of a paper that prints several columns one after another, each opened as the page is: the
    column's name (a word or three), its writer's name, the column's own title, then its text. The page
    opens with a byline (a ``credit`` among its first lines); after body text, the same opening again (a
    writer's name, :func:`_writer_name`, between a short line above and a short line over body text)
    starts another column: its name ``nav``, its writer ``credit``, its text ``appended_article``
    (``structure:column_after_column``), up to the end of the page. A writer's name inside one story
    has no column name over it and no title under it."""
    text = [i for i, ln in enumerate(lines) if ln.label != "blank"]
    if len(text) < 4 or lines[text[0]].n_words > 3 or lines[text[1]].label != "credit":
        return  # the page does not open with a column's name and its writer
    starts: list[int] = []
    body = 0
    for k in range(1, len(text) - 2):
        i = text[k]
        if lines[i].label == "content" and lines[i].n_words >= p.body_min_words:
            body += 1
        if body < 2 or not _writer_name(lines[i], lex):
            continue
        above, below, after = (lines[text[k + d]] for d in (-1, 1, 2))
        if (
            above.label in ("content", "nav")
            and above.n_words <= 3
            and not _FINAL_STOP.search(above.norm)
            and below.label in ("content", "headline", "related")
            and below.n_words <= p.headline_max_words
            and not _FINAL_STOP.search(below.norm)
            and after.label == "content"
            and after.n_words >= p.body_min_words
        ):
            starts.append(k)
    if not starts:
        return
    names = {text[k - 1] for k in starts}
    writers = {text[k] for k in starts}
    for i in range(text[starts[0] - 1], len(lines)):
        line = lines[i]
        if i in names:
            line.label, line.rule = "nav", "structure:column_name"
        elif i in writers:
            line.label, line.rule = "credit", "structure:column_writer"
        elif line.label in ("content", "headline") or line.rule.startswith("structure:injected_headline"):
            line.label, line.rule = "appended_article", "structure:column_after_column"


def _writer_name(line: _Line, lex: _Lexicons) -> bool:
    """A name on its own line: two to four words, no number, no punctuation, no reporting verb, at most
    one function word (a given name can share a function word's matching form: ``علي``). The mined
    given names are too few to require one."""
    words = line.key.split()
    if not 2 <= len(words) <= 4 or line.has_digit or len(line.norm.split()) != len(words):
        return False  # (punctuation of its own: a phrase, not a name)
    fw, cues = lex.function_words, lex.reporting_cues
    return sum(w in fw for w in words) <= 1 and not any(w in cues for w in words)
