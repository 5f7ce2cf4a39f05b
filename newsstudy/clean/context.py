"""Pass 4: line signals and context (jusText's method): the article is the longest run of body text;
what lies outside it needs evidence to be kept."""

from __future__ import annotations

import itertools

import regex

from newsstudy.clean.features import (
    _SOCIAL_ANY,
    _TOKEN,
    _dateline_match,
    _dateline_shaped,
    _has_full_date,
    _headline_like,
    _initials_only,
    _is_body_text,
    _Line,
    _make_line,
    _name_shaped,
    _next_text_line,
    _opens_with_place,
    _overlap,
    _previous_text_line,
    _SignalCache,
    _Signals,
    _signals,
    _source_and_date,
    _stamp_shaped,
    _stems,
    _tag_line_shaped,
    _tag_shaped,
    _trailing_time,
    _without_trailing_time,
)
from newsstudy.clean.lexicons import _key, _Lexicons
from newsstudy.clean.params import _Params
from newsstudy.clean.structure import _ENDS_WITH_COLON, _PHOTO_CREDIT_END, _goes_on, _key_stems

# Labels that end the article's run of body text when they come between two body lines.
# An inline related link ("للمزيد: <headline>") sits inside the body and does not end it.
_BREAK_RULES = frozenset(
    {
        "lexicon:related_header",
        "shape:related_header",
        "shape:more_from_header",
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

    headlines = {ln.norm for ln in lines if ln.label == "headline"}

    def is_body(i: int) -> bool:
        # A headline-like line followed by its own stamp is a listed headline, and a repeat of the
        # headline is the headline again: neither is body text.
        return (
            _is_body_text(lines[i], lex, p)
            and not _listed_with_stamp(lines, i, lex, p)
            and lines[i].norm not in headlines
            and not (_ends_dated(lines[i]) and _dated_headline(lines[i], signals[i], lex, p))
        )

    signals = _SignalCache(lines, lex)
    if is_body(candidates[0]) and is_body(candidates[-1]) and not any(_breaks_run(ln) for ln in lines):
        # The usual case: body text from the first content line to the last, nothing outside.
        _bylines_in_text(lines, candidates[0], candidates[-1], signals, lex, p)
        return
    body = [i for i in candidates if is_body(i)]
    if not body:
        return
    # Runs of body text, cut where page furniture stands between two body lines.
    runs: list[list[int]] = [[body[0]]]
    for a, b in itertools.pairwise(body):
        if (
            b > a + 1
            and any(_breaks_run(lines[j]) for j in range(a + 1, b))
            and not _resumes(lines, a, b, lex)
        ):
            runs.append([])
        runs[-1].append(b)
    article = max(runs, key=lambda run: (sum(lines[i].n_words for i in run), -run[0]))
    start, end = article[0], article[-1]
    outside = [i for i in candidates if not start <= i <= end]
    if not outside:
        _bylines_in_text(lines, start, end, signals, lex, p)
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
    _bylines_in_text(lines, start, end, signals, lex, p)
    _tail_lists(lines, end, signals, p)
    _tail_headlines(lines, end, signals, stems, keys, lex, p)


def _top_bylines(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """Bylines in the byline's place (under the headline and its stamp, right above the story) that the
    name shape alone does not take: ``كتب <name>`` (a reporting verb first), ``<writer> - <city>`` (which
    the dateline shape would take), ``<writer> - <post>`` (function words in the post). Decided before the
    article's run is found: a byline with a post can be long and dense enough to read as body text."""
    last = -1
    for i in range(min(len(lines), 4 * p.byline_search_lines)):
        if lines[i].label == "headline":
            last = i
    if last < 0:
        return  # no headline line (a corpus that stores the title apart): no byline slot under it
    seen = 0
    for i in range(last + 1, len(lines)):
        line = lines[i]
        if line.label == "blank":
            continue
        seen += 1
        if seen > p.byline_search_lines:
            break
        if not (line.label == "content" or _soft_related(line)) or line.n_words > p.byline_max_words + 2:
            continue
        if not _in_byline_slot(lines, i, lex):
            continue
        s = _signals(line, lex)
        if line.n_words <= 3 and _EMAIL.search(line.raw):
            line.label, line.rule = "credit", "context:contact_address"  # the writer's address
        elif _outlet_with_dash(line, s, lex):
            line.label, line.rule = "dateline", "context:outlet_dateline"
        elif _writer_and_place(line, s, lex, p):
            line.label, line.rule = "credit", "context:writer_and_place"
        elif _writer_and_post(line, lex):
            line.label, line.rule = "credit", "context:writer_and_post"
        elif _byline_with_verb(line, lex, p):
            line.label, line.rule = "credit", "context:byline_verb"
        elif _place_then_byline_verb(line, lex, p):
            line.label, line.rule = "credit", "context:place_and_byline_verb"
        elif _co_authors(line, lex, p):
            line.label, line.rule = "credit", "context:co_authors"
        elif _dated_byline(line, s, lex, p):
            line.label, line.rule = "credit", "context:dated_byline"


def _soft_related(line: _Line) -> bool:
    """A short line the structure pass took for another story's headline from its vocabulary alone (it
    shares little with its neighbours): a byline shares none either, so the byline rules may take it."""
    return line.label == "related" and line.rule.startswith("structure:injected_headline")


# A byline's words are a name and a word or two ("by", a post): at most one word in five a function word.
_DATED_BYLINE_MAX_FUNCTION_SHARE = 0.2
# The words that introduce a writer's name in a byline (English, French and Arabic: "by", "par", "بقلم").
_BYLINE_MARKS = frozenset({"by", "par", "بقلم"})


def _dated_byline(line: _Line, s: _Signals, lex: _Lexicons, p: _Params) -> bool:
    """A byline with its date in the byline's slot (``<posted on> <day month year> <by> <name>``): a
    whole calendar date and at least two other words, one a given name or a word introducing one
    (:data:`_BYLINE_MARKS`; a date with the outlet's name or the issue number is a stamp), no final
    stop, no reporting verb and few function words (a name, not a clause)."""
    if s.ends_sentence or s.reporting_cue or not _has_full_date(line, lex):
        return False
    others = [t for t in _TOKEN.findall(line.norm.casefold()) if not t.isdigit() and t not in lex.date_words]
    return (
        len(others) >= 2
        and s.function_share <= _DATED_BYLINE_MAX_FUNCTION_SHARE
        # a writer named (a given name, or the word that introduces one), not an outlet or an issue
        and any(t in _BYLINE_MARKS or t in lex.given_names for t in others)
    )


_CO_AUTHOR_TAIL = regex.compile(r"\s+[\-–—]\s+(?:\p{L}+\s*){1,3}$")


def _co_authors(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """Two writers joined by و in the byline's place (``context:co_authors``): a given name first, a given
    name after the joining و, two to ``byline_max_words`` + 2 words with no function word, number,
    comma or final stop, a place or desk after a dash at most: ``<name> و<name> - <city>``."""
    text = _CO_AUTHOR_TAIL.sub("", line.norm.strip(" •●▪-–—*·\t"))
    words = _key(text).split()
    if not 3 <= len(words) <= p.byline_max_words + 2 or any(c.isdigit() for c in text) or "،" in text:
        return False
    if words[0] not in lex.given_names or _FINAL_STOP_ANY.search(text):
        return False
    joined = [k for k, w in enumerate(words[1:], 1) if w.startswith("و") and w[1:] in lex.given_names]
    # (a given name that is also a function word's matching form, علي, counts as the name)
    listed = any(w in lex.function_words and w not in lex.given_names for w in words)
    return bool(joined) and 1 < joined[0] < len(words) - 1 and not listed


_FINAL_STOP_ANY = regex.compile(r"[.!?؟…:؛]\W*$")


def _bylines_in_text(
    lines: list[_Line], start: int, end: int, signals: _SignalCache, lex: _Lexicons, p: _Params
) -> None:
    """Bylines inside the article (between its first and last line) and the deck over them."""
    for i in range(start + 1, end):
        line = lines[i]
        if (
            line.label != "content"
            or line.n_words > p.byline_max_words
            or not _ENDS_WITH_COLON.search(line.norm)
        ):
            continue  # the cheap tests first: most lines are long or do not end with a colon
        decided = _byline_in_text(lines, i, signals[i], lex, p)
        if decided:
            line.label, line.rule = decided
            _deck_above(lines, i, p)


# A dash between two words (not a bullet opening the line).
_DASH = regex.compile(r"[\p{L}\p{N})]\s*[\-–—]+\s*[\p{L}(]")


def _deck_above(lines: list[_Line], i: int, p: _Params) -> None:
    """The story opens at a byline: the few content lines between the headline and it are the
    headline's deck (a summary printed over the byline)."""
    above = [j for j in range(i) if lines[j].label != "blank"]
    heads = [j for j in above if lines[j].label == "headline"]
    if not heads:
        return
    deck = [j for j in above if j > heads[-1]]
    if 0 < len(deck) <= p.deck_max_lines and all(lines[j].label == "content" for j in deck):
        for j in deck:
            lines[j].label, lines[j].rule = "headline", "context:deck_above_byline"


def _byline_in_text(
    lines: list[_Line], i: int, s: _Signals, lex: _Lexicons, p: _Params
) -> tuple[str, str] | None:
    """Inside the article, ``<name>-<source>-<paper>:`` over the text it introduces: a byline (or, opened
    by a place, a dateline), not a subheading: name-shaped, cut by dashes, ending with a colon."""
    line = lines[i]
    if not _ENDS_WITH_COLON.search(line.norm) or not _DASH.search(line.norm):
        return None
    if not _name_shaped(line, s, lex, p):
        return None
    if _opens_with_place(line, lex):
        return "dateline", "context:byline_in_text"
    return "credit", "context:byline_in_text"


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
    if i > 0 and lines[i - 1].label == "headline" and _headline_like(line, lex, p):
        # Set right under the headline with no blank between: the headline's own second line or deck,
        # whatever words it shares (another story's headline stands apart from it).
        return "headline", f"context:deck(overlap={score:.2f})"
    if score < p.foreign_max_overlap and _headline_like(line, lex, p):
        return "related", f"context:headline_before_body(overlap={score:.2f})"
    if before is not None and before.label == "headline" and score >= p.subhead_min_overlap:
        return "headline", f"context:deck(overlap={score:.2f})"
    return None


_LINK_BLOCK_RULES = frozenset(
    {
        "lexicon:related_header",
        "shape:related_header",
        "shape:more_from_header",
        "structure:after_related_header",
    }
)


def _resumes(lines: list[_Line], a: int, b: int, lex: _Lexicons) -> bool:
    """Whether body line ``b`` takes the article up again after a block of related links.

    Only links stand between the two body lines (a related header and the headlines under it), and
    line ``b`` opens by going on with what came before (``وتقول``, ``كما``): a new story would open
    with a lede. A box between paragraphs (a paywall prompt, a call to action) is passed over too. A nav
    bar or a credit line between them still ends the run.
    """
    between = [lines[j] for j in range(a + 1, b) if lines[j].label != "blank"]
    return all(ln.rule in _LINK_BLOCK_RULES or _box_between(ln) for ln in between) and _goes_on(lines[b], lex)


def _box_between(line: _Line) -> bool:
    """A box a page sets between paragraphs: a metered-paywall prompt or a call to action (donate,
    subscribe), after which the story goes on."""
    return line.label == "login_wall" or line.rule == "shape:call_to_action"


def _outside_line(
    lines: list[_Line], i: int, s: _Signals, lex: _Lexicons, p: _Params, *, before: bool
) -> tuple[str, str] | None:
    line = lines[i]
    if _dateline_shaped(line, s, lex, p, before=before):
        return "dateline", "context:dateline_shape"
    if not before and _initials_only(s, line):
        return "credit", "context:initials"
    if not before and _source_and_date(line, lex, p):
        return "credit", "context:source_and_date"
    if _stamp_shaped(s, p):
        return "nav", "context:stamp_shape"
    if not before and _form_fields(line, lex):
        return "comment_form", "context:form_fields"
    if not before and (_tag_line_shaped(line, s, p) or _HASHTAGS_ONLY.fullmatch(line.raw)):
        return "tags", "context:tag_line"  # (before the signature: a list of items or hashtags is no name)
    if not before and _signature(lines, i, s, lex, p):
        return "credit", "context:signature"
    if not before and s.words <= p.signature_max_words + 1 and _EMAIL.search(line.raw):
        return "credit", "context:contact_address"  # the writer's (or desk's) address under the story
    if (
        not before
        and _ASTERISK_NOTE.match(line.raw)
        and s.words <= p.credit_max_words
        and not s.ends_sentence
    ):
        # "* <writer's post and affiliation>": the note on the writer printed under a column.
        return "credit", "context:asterisk_note"
    if before and _name_shaped(line, s, lex, p) and _in_byline_slot(lines, i, lex):
        if _opens_with_place(line, lex):
            if _place_and_writer(line, s, lex, p):
                return "credit", "context:place_and_writer"
            if _place_and_unlisted_name(lines, i, lex):
                return "credit", "context:place_and_unlisted_name"
            # "<place>: <agency or paper>", "<place> - <office>": where the story was filed, and by whom.
            return "dateline", "context:place_and_source"
        return "credit", "context:byline"
    if not before and _dated_headline(line, s, lex, p):
        return "related", "context:listed_headline_with_date"
    if s.words >= _LISTED_MIN_WORDS and _listed_with_stamp(lines, i, lex, p) and not s.reporting_cue:
        return "related", "context:listed_headline_with_stamp"
    return None


def _writer_post(line: _Line, s: _Signals, p: _Params) -> bool:
    """After the article, a short line opened by a newsroom post (``محرر الشؤون الاقتصادية في <outlet>``,
    ``مراسل <outlet> في <city>``): at most ``byline_max_words`` + 2 words, no final stop, no reporting verb
    or number: the writer's post under the story (a byline set at its foot)."""
    words = line.key.split()
    return (
        bool(words)
        and _in(words[0], _NEWSROOM_POSTS)
        and 2 <= s.words <= p.byline_max_words + 2
        and not s.ends_sentence
        and not s.reporting_cue
        and not any(w.isdigit() for w in words)
        and not _COMMA_ANY.search(line.norm)
    )


def _writer_boxes(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """The writer's box at the story's foot (``credit``, ``context:writer_box``): a name-shaped content line
    of at most ``signature_max_words`` words right over a writer's post (:func:`_writer_post`, no blank
    between), under a line of body text and with no content line right after the post (page furniture,
    a blank, the end). Comments under the story may read as body text and stretch the article's run over
    the box, so it is found apart from the run."""
    for i in range(len(lines) - 1):
        line, below = lines[i], lines[i + 1]
        if line.label != "content" or below.label != "content" or line.n_words > p.signature_max_words:
            continue
        s = _signals(line, lex)
        if not _name_shaped(line, s, lex, p) or not _writer_post(below, _signals(below, lex), p):
            continue
        before = _previous_text_line(lines, i)
        if before is None or before.label != "content" or not _is_body_text(before, lex, p):
            continue
        if i + 2 < len(lines) and lines[i + 2].label == "content":
            continue  # the text goes on under it: a name and a post in the story (a list of speakers)
        for box in (line, below):
            box.label, box.rule = "credit", "context:writer_box"


def _byline_with_verb(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """``كتب محمد عبد الرحمن``, ``إعداد وتقديم <name>``: a byline word, then a name-shaped rest (one to
    five words, no function word, number, reporting verb or comma, no sentence end). ``كتب`` also opens
    sentences (``كتب الوزير في تغريدة أن ...``); those have function words and run longer."""
    words = line.key.split()
    if not words or words[0] not in lex.byline_openers:
        return False
    k = 1
    while k < len(words) and words[k][0] == "و" and words[k][1:] in lex.byline_openers:
        k += 1
    rest = words[k:]
    if not 1 <= len(rest) <= p.signature_max_words or _COMMA_ANY.search(line.norm):
        return False
    if _FINAL_STOP_NOT_COLON.search(line.norm):
        return False
    fw, cues = lex.function_words, lex.reporting_cues
    # A word after بن / بنت / ابن / ابو is a name whatever else it may read as (``بن علي``: not ``على``).
    named = {k for k in range(1, len(rest)) if rest[k - 1] in _NASAB}
    return not any(
        w.isdigit() or (w in fw and k not in named) or w in cues or w in lex.date_words
        for k, w in enumerate(rest)
    )


_NASAB = frozenset({"بن", "بنت", "ابن", "ابو"})


def _place_then_byline_verb(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """``<city> - متابعة: <name>``: a known place, a dash, then a byline with its byline word
    (:func:`_byline_with_verb` on the rest): where the story was filed and who wrote it."""
    parts = _DASH_SPLIT_PARTS.split(line.norm.strip(), maxsplit=1)
    if len(parts) != 2 or _key(parts[0]) not in lex.places:
        return False
    return _byline_with_verb(_make_line(parts[1]), lex, p)


_COMMA_ANY = regex.compile(r"[،,]")
_FINAL_STOP_NOT_COLON = regex.compile(r"[.!?؟…؛;][\"'»”’)\]]*\s*$")


_ENDS_WITH_DASH_ONLY = regex.compile(r"[\p{L}\p{N})]\s*[\-–—]+\s*$")


def _outlet_with_dash(line: _Line, s: _Signals, lex: _Lexicons) -> bool:
    """``<outlet> -`` over the story (``المدار نت -``): one or two words, no function word, number or
    verb of speech, no other separator, not opened by a given name (``<writer> -`` is a byline), ending
    with a dash: the outlet's dateline, set on its own line before the body."""
    words = line.key.split()
    return (
        1 <= s.words <= 2
        and bool(words)
        and words[0] not in lex.given_names
        and len(_DASH_SPLIT_PARTS.split(line.norm.strip(" \t-–—*"))) == 1
        and "/" not in line.norm
        and s.function_share == 0.0
        and s.digit_share == 0.0
        and not s.reporting_cue
        and bool(_ENDS_WITH_DASH_ONLY.search(line.norm))
    )


def _writer_and_place(line: _Line, s: _Signals, lex: _Lexicons, p: _Params) -> bool:
    """``<writer> - <city>`` (``محمد عبد الرحمن - القاهرة``): a name opened by a given name, a dash, a known
    place: the writer and where the story was filed, a byline (an outlet and its city, with no given
    name, stays a dateline)."""
    parts = [x for x in _DASH_SPLIT_PARTS.split(line.norm.strip()) if _TOKEN_RE.search(x)]
    if len(parts) != 2 or not _name_shaped(line, s, lex, p):
        return False
    name, place = (_key(x) for x in parts)
    first = name.split(maxsplit=1)[0] if name else ""
    return place in lex.places and first in lex.given_names and 2 <= len(name.split()) <= 4


def _place_and_writer(line: _Line, s: _Signals, lex: _Lexicons, p: _Params) -> bool:
    """``<city> - <writer>`` (``الرياض - سعد المطيري``): a known place, a dash, a name of two to four words
    opened by a given name and holding no agency word: where the story was filed and who wrote it, a
    byline (``<place> - <agency or office>`` stays a dateline)."""
    parts = [x for x in _DASH_SPLIT_PARTS.split(line.norm.strip()) if _TOKEN_RE.search(x)]
    if len(parts) != 2:
        return False
    place, name = (_key(x) for x in parts)
    words = name.split()
    return (
        place in lex.places
        and 2 <= len(words) <= 4
        and words[0] in lex.given_names
        and not any(w in lex.agency_words for w in words)
    )


def _place_and_unlisted_name(lines: list[_Line], i: int, lex: _Lexicons) -> bool:
    """``<city> - <who>`` where ``<who>`` (two to four words, no agency word) is printed nowhere else on
    the page: a writer or a desk (``<city> - <reporter>``, ``<city> - <coverage team>``). An outlet's own
    name recurs in its masthead, copyright or credit line (``<city> - <site>`` stays a dateline)."""
    line = lines[i]
    parts = [x for x in _DASH_SPLIT_PARTS.split(line.norm.strip()) if _TOKEN_RE.search(x)]
    if len(parts) != 2:
        return False
    who = _key(parts[1])
    words = who.split()
    if not 2 <= len(words) <= 4 or any(w in lex.agency_words for w in words):
        return False
    pattern = regex.compile(r"(?:^| )" + regex.escape(who) + r"(?: |$)")
    return not any(pattern.search(other.key) for j, other in enumerate(lines) if j != i and other.key)


# Form fields in a row: "<add a comment>: <name> | <e-mail> | <comment> | <send>".
_FIELD_SEPARATOR = regex.compile(r"\s*[|•·:：/]\s*")


def _form_fields(line: _Line, lex: _Lexicons) -> bool:
    """A comment form's fields set off by bars (``<add a comment>: <name> | <e-mail> | <comment> | ...``):
    at least three items, at least two and half of them comment-form entries (comment_form.txt); a tag
    line of the same shape has none."""
    if "|" not in line.norm and "•" not in line.norm:
        return False
    items = [x for x in _FIELD_SEPARATOR.split(line.norm.strip()) if _TOKEN_RE.search(x)]
    fields = sum(1 for x in items if lex.comment_form.fullmatch(_key(x)))
    return len(items) >= 3 and fields >= 2 and 2 * fields >= len(items)


# Posts of the newsroom, in matching form without the article: who signs a story.
_NEWSROOM_POSTS = frozenset(
    "مراسل مراسله محرر محرره صحفي صحفيه كاتب كاتبه مدير رئيس مندوب مندوبه موفد موفده مصور مصوره".split()
)


_POST_FORMS = frozenset(pre + w for w in _NEWSROOM_POSTS for pre in ("", "ال", "و", "ف", "وال", "فال"))


def _writer_and_post(line: _Line, lex: _Lexicons) -> bool:
    """``<writer> - <post>`` (``<given name> <name> - مراسل <outlet> في <city>``): a name of two to four
    words (no function word, number or verb of speech), a dash, then at most six words opened by a
    newsroom post."""
    parts = [x for x in _DASH_SPLIT_PARTS.split(line.norm.strip()) if _TOKEN_RE.search(x)]
    if len(parts) != 2 or _COMMA_ANY.search(line.norm) or _FINAL_STOP_NOT_COLON.search(line.norm):
        return False
    name, post = (_key(x).split() for x in parts)
    # The post after the dash says a writer is named before it: the name need not open with a given
    # name of the list (most names are not in it), only read as a name (no function word or number).
    return (
        2 <= len(name) <= 4
        and not any(w in lex.function_words or w.isdigit() or w in lex.reporting_cues for w in name)
        and 1 <= len(post) <= 6
        and _in(post[0], _NEWSROOM_POSTS)
    )


_DASH_SPLIT_PARTS = regex.compile(r"\s*[\-–—]+\s*")
_TOKEN_RE = regex.compile(r"[\p{L}\p{N}]")


# A line of hashtags only ("#<tag> #<tag>"): the story's tags however few.
_HASHTAGS_ONLY = regex.compile(r"\s*(?:#[\p{L}\p{N}_]{2,}\s*)+")
_EMAIL = regex.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_ASTERISK_NOTE = regex.compile(r"^\s*\*+\s*\S")


def _signature(lines: list[_Line], i: int, s: _Signals, lex: _Lexicons, p: _Params) -> bool:
    """The writer's name closing the article: right after a line of body text, name-shaped and short, the
    document's last text line set apart by a blank line or opened by a given name, or a line opened by a
    given name with no body text after it (a short link, a tag list, related links: a short line of
    another shape there may be a tag); or a name over the writer's e-mail address."""
    after = _next_text_line(lines, i)
    if s.words > p.signature_max_words:
        return False
    if after is not None and _EMAIL.search(after.raw):
        return _name_shaped(lines[i], s, lex, p)  # a name over an e-mail address: who wrote it
    if any(ln.label == "content" and _is_body_text(ln, lex, p) for ln in lines[i + 1 :]):
        return False  # no body text after it: the article's last line
    before = _previous_text_line(lines, i)
    if before is None or before.label != "content" or not _is_body_text(before, lex, p):
        return False
    if not _name_shaped(lines[i], s, lex, p) or lines[i].key.startswith("وال"):
        return False  # (the conjunction and the article open no name: a closing formula goes on)
    given = lines[i].key.split(maxsplit=1)[0] in lex.given_names
    return given or (after is None and lines[i - 1].label == "blank")


def _in_byline_slot(lines: list[_Line], i: int, lex: _Lexicons) -> bool:
    """Below the headline (with at most credit, stamp or nav lines between) and right above the story's
    first line: where a page prints its byline."""
    heads = {ln.norm for ln in lines[:i] if ln.label == "headline"}

    def between(line: _Line) -> bool:
        # A repeat of the headline is still content here (the duplicate rule runs last).
        return line.label in ("blank", "credit", "nav", "dateline") or (
            line.label == "content" and line.norm in heads
        )

    j = i - 1
    while j >= 0 and between(lines[j]):
        j -= 1
    if j < 0 or lines[j].label != "headline":
        return False
    k = i + 1  # the next text line, past a stamp or an issue line under the byline
    while k < len(lines) and (lines[k].label == "blank" or lines[k].rule in _STAMP_RULES):
        k += 1
    return k < len(lines) and (
        lines[k].label in ("content", "dateline", "credit", "caption")
        # a short line under the byline the structure pass took for another story's headline (a caption)
        or lines[k].rule.startswith("structure:injected_headline")
    )


_STAMP_RULES = frozenset({"shape:stamp", "shape:published_stamp", "shape:reading_time", "shape:issue_line"})


# A date closing a line: "02/08/2021", "2021-08-02", "(3-8-2021)", "[12.03.2024]".
_TRAILING_DATE = regex.compile(r"\s[(\[]?\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}[)\]]?\s*$")


def _ends_dated(line: _Line) -> bool:
    """Cheap test before :func:`_dated_headline` (and before the line's signals are computed): the
    line ends with a digit or a closing bracket."""
    last = line.norm.rstrip()[-1:]
    return last.isdigit() or (last in ")]" and last != "")


def _dated_headline(line: _Line, s: _Signals, lex: _Lexicons, p: _Params) -> bool:
    """After the article, a headline-shaped line (at least four words before it, no reporting verb)
    closed by a numeric date: an item of a list of other stories printed with their dates."""
    if not _ends_dated(line):
        return False
    m = _TRAILING_DATE.search(line.norm)
    if m is None or s.reporting_cue:
        return False
    head = _make_line(line.norm[: m.start()])
    return head.n_words >= 4 and _headline_like(head, lex, p)


#: A listed headline has a few words: one to three over a date are a menu's label ("Archives") or a
#: calendar's month names, not another story.
_LISTED_MIN_WORDS = 4


def _listed_with_stamp(lines: list[_Line], i: int, lex: _Lexicons, p: _Params) -> bool:
    nxt = _next_text_line(lines, i)
    return nxt is not None and nxt.rule == "shape:stamp" and _headline_like(lines[i], lex, p)


def _tail_lists(lines: list[_Line], end: int, signals: _SignalCache, p: _Params) -> None:
    """After the last line of the article: a run of short noun phrases is a tag list, and so is a
    single one under a tag header. A lone place or agency name the dateline shape took stands among
    the tags as one of them (jusText's neighbour rule: a short line takes its neighbours' label)."""
    run: list[int] = []
    headed = False

    def close() -> None:
        if len(run) >= p.tag_min_run or (headed and run):
            for j in run:
                lines[j].label, lines[j].rule = "tags", "context:tag_list"
        run.clear()

    for i in range(end + 1, len(lines)):
        line = lines[i]
        if line.label == "blank":
            continue
        if (line.label == "content" or line.rule == "context:dateline_shape") and _tag_shaped(
            line, signals[i], p
        ):
            run.append(i)
        elif line.label == "tags":
            close()
            headed = line.rule == "lexicon:tags"  # a tag header (or a tag line) opens what follows
        else:
            close()
            headed = False
    close()


# A running time or clock time set off by a bar or dash before a listed headline ("03:10 | <headline>").
_LEADING_TIME = regex.compile(r"^\W*\d{1,2}:\d{2}(?::\d{2})?\s*[|•·\-–—]\s*(?=\S)")


def _after_leading_time(line: _Line) -> _Line | None:
    """The line without its leading time (``03:10 | <headline>``: a video box's duration), or None."""
    m = _LEADING_TIME.match(line.norm)
    return _make_line(line.raw, line.norm[m.end() :]) if m else None


def _timed_lists(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """A run of headline-like lines each ending with its own time (``<headline> منذ 3 ساعات``,
    ``<headline> | 14:05``) or opened by one set off by a bar (``03:10 | <headline>``) is a box of
    listed headlines (``related``), wherever it stands: an article's sentences do not end with a time
    one after the other, and a headline of the story is never listed with its stamp among others'."""
    run: list[int] = []
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        label = line.label
        if label == "blank" or (label == "nav" and line.rule == "shape:stamp"):
            continue
        if (
            (label == "content" or label == "related")
            and line.n_words <= p.headline_max_words + 4
            and (
                (_trailing_time(line) and _headline_like(_without_trailing_time(line), lex, p))
                or ((rest := _after_leading_time(line)) is not None and _headline_like(rest, lex, p))
            )
        ):
            run.append(i)
        elif run:
            runs.append(run)
            run = []
    runs.append(run)
    for found in runs:
        if len(found) >= p.timed_list_min_run:
            for j in found:
                if lines[j].label == "content":  # a line an earlier rule made related keeps its rule
                    lines[j].label, lines[j].rule = "related", "context:timed_headline_list"


def _tail_headlines(lines, end, signals, stems, keys, lex, p) -> None:
    """After the article's last body-text line, a run of headline-like lines (no final stop, no comma,
    enough words to be a headline rather than a name) that ends the document's text and shares little
    with the article's key terms is a list of other stories' headlines whose header was lost
    (``related``): jusText's rule that short lines after the last paragraph are not body text, with the
    overlap as the evidence. A run followed by more of the document's own lines (a list going on
    under its next heading) is left as it is."""
    run: list[int] = []

    def close(last: bool = False) -> None:
        if last and len(run) >= p.tail_headlines_min_run:
            k = keys()
            scores = [len(k & stems(j)) / len(k) if k else 1.0 for j in run]
            if max(scores) < p.tail_headlines_max_overlap:
                for j, score in zip(run, scores, strict=True):
                    if lines[j].label == "content":  # a line an earlier rule made related keeps its rule
                        lines[j].label, lines[j].rule = (
                            "related",
                            f"context:tail_headlines(overlap={score:.2f})",
                        )
        run.clear()

    for i in range(end + 1, len(lines)):
        line = lines[i]
        if line.label == "blank" or line.rule == "shape:stamp":
            continue
        s = signals[i]
        if (
            line.label in ("content", "related")
            and _headline_like(line, lex, p)
            and len(stems(i)) >= p.injected_min_words
            and not s.reporting_cue
        ):
            run.append(i)
        elif line.label == "content":
            close()  # the document's own text goes on after the run
        # furniture (credit, nav, tags, a comment form) after the run leaves it the text's end
    close(last=True)


# A caption ends with no sentence stop ("." "!" "?" ":" ";" "…"); a parenthesis after it is allowed.
_CAPTION_STOP = regex.compile(r"[.!?؟:;؛…][\"'»”’)\]]*\s*$")
_QUOTATION = regex.compile(r"[\"«»“”]")


def _unmarked_captions(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """Label ``caption`` the photo captions that carry no marker word (caption_shapes.txt).

    A short ``content`` line of a caption's shape (who is where in the picture, "a view of", someone
    "during their visit", people holding a banner) that reads as no sentence: no final stop, no
    quotation, no reporting verb, not opened by a conjunction; and set against the article: right
    under the headline, or near a body paragraph at least twice its length.
    """
    shapes = lex.caption_shape
    if not shapes:
        return
    for i, line in enumerate(lines):
        if not 2 <= line.n_words <= p.unmarked_caption_max_words:
            continue
        credited = _PHOTO_CREDIT_END.search(line.norm) and not _CAPTION_STOP.search(
            _PHOTO_CREDIT_END.sub("", line.norm)
        )
        # A photo's credit closing the line outweighs the structure pass's reading of a short line as
        # another story's headline (a listed headline carries no photographer).
        injected = line.label == "related" and line.rule.startswith("structure:injected_headline")
        if line.label != "content" and not (credited and injected):
            continue
        if credited:
            rule = "context:photo_credit_caption"  # "<what it shows> (<site>/ <photographer>)"
        elif any(s.search(line.norm) for s in shapes):
            rule = "context:unmarked_caption"
        elif (
            line.n_words <= p.scene_caption_max_words
            and _scene_caption(line, lex)
            and any(ln.label == "content" and _is_body_text(ln, lex, p) for ln in lines[i + 1 :])
        ):
            rule = "context:scene_caption"  # in the story, not a signature closing it
        else:
            continue
        if _reads_as_caption(line, lex) and _against_article(lines, i, p):
            line.label, line.rule = "caption", rule


# Who a photo shows, in matching form without the article: titles and posts (a closed class of the
# language of news), and the groups pictured in crowds. A caption names them first.
_TITLES = frozenset(
    "رئيس رئيسه وزير وزيره مدير مديره نائب نائبه سفير سفيره امين ملك امير اميره شيخ دكتور لواء عميد عقيد "
    "محافظ قائد مفتي بطريرك مستشار مستشاره مندوب ممثل عضو مساعد ناطق متحدث متحدثه".split()
)
_GROUPS = frozenset(
    "وفد اعضاء طلاب متظاهرون متظاهرين محتجون محتجين مشاركون مشاركين عمال لاعبو لاعبي لاعبون جماهير "
    "مواطنون مواطنين اطفال نساء مسؤولون مسؤولين جنود عناصر".split()
)
# Present-tense verbs of what a photo shows (receiving, meeting, speaking, shaking hands, chairing,
# inspecting, signing, opening, honouring), without the ي/ت prefix and the plural or dual ending.
_SCENE_VERBS = frozenset(
    "ستقبل لتقي تحدث صافح تراس تفقد لقي شارك توسط دشن فتتح تسلم سلم كرم وقع زور ستمع حضر لوح جتمع ودع".split()
)
_DURING = frozenset({"خلال", "اثناء", "لدي", "عقب", "قبيل"})


def _scene_verb(word: str) -> bool:
    if len(word) < 4 or word[0] not in "يت":
        return False
    stem = word[1:]
    for ending in ("ون", "ان", "ن"):
        if stem.endswith(ending) and stem[: -len(ending)] in _SCENE_VERBS:
            return True
    return stem in _SCENE_VERBS


def _scene_caption(line: _Line, lex: _Lexicons) -> bool:
    """Who is pictured doing what, in a caption's grammar: a title, a given name or a group first
    (``مدير الوكالة``, ``الرئيس``, ``طلاب``), then within four words a present-tense verb of a scene
    (``يستقبل``, ``يتحدث``, ``يصافح``) or ``خلال``/``أثناء`` and an event (``خلال الندوة الصحفية``);
    or a title and a name only (``وزير الطاقة <given name> <name>``). A subheading names a topic."""
    words = line.key.split()
    if len(words) < 2:
        return False
    titled = _in(words[0], _TITLES)
    if not (titled or _in(words[0], _GROUPS) or words[0] in lex.given_names):
        return False
    for k, w in enumerate(words[1:5], start=1):
        if _scene_verb(w) or (w in _DURING and k + 1 < len(words)):
            return True
    # A title and a name only: short, the given name right after the title or its complement.
    return titled and len(words) <= 4 and any(w in lex.given_names for w in words[1:3])


def _reads_as_caption(line: _Line, lex: _Lexicons) -> bool:
    """No sentence: no final stop, no quotation, no reporting verb, no opening conjunction."""
    if _CAPTION_STOP.search(line.norm) or _QUOTATION.search(line.raw):
        return False
    words = line.key.split()
    if not words or any(
        w in lex.reporting_cues and not _scene_verb(w) and w not in lex.function_words for w in words
    ):
        return False  # a verb of speech, but "<someone> يتحدث" is what a photo shows (and بين "between")
    first = line.norm.split(maxsplit=2)
    if first[0] in lex.body_openers or " ".join(first[:2]) in lex.body_openers:
        return False
    word = words[0]
    return not (word[0] in "وف" and len(word) > 3 and word not in lex.waw_nouns)


def _against_article(lines: list[_Line], i: int, p: _Params, window: int = 3) -> bool:
    """Right under the headline, or within ``window`` text lines of a body paragraph twice as long."""
    longer = max(p.body_min_words, 2 * lines[i].n_words)
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(lines) and seen < window:
            other = lines[j]
            if other.label != "blank":
                if step == -1 and seen == 0 and other.label == "headline":
                    return True
                if other.label == "content" and other.n_words >= longer:
                    return True
                seen += 1
            j += step
    return False


def _forms(word: str) -> tuple[str, ...]:
    """A word as written and without a leading و/ف and article (``والموقع`` → ``موقع``), when three
    letters remain; both are looked up, since و and ف may be the root's (``وكالة``, ``وزير``)."""
    for prefix in ("وال", "فال", "ال", "و", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return (word, word[len(prefix) :])
    return (word,)


def _in(word: str, words: frozenset[str]) -> bool:
    return any(f in words for f in _forms(word))


def _opens_about(line: _Line, lex: _Lexicons) -> bool:
    """The cheap first test of :func:`_self_described` (asked of every document's last lines): an outlet
    noun among the first three words, or a newsroom post first."""
    opening = line.norm.split(maxsplit=3)[:3]
    return bool(opening) and (opening[0] in _POST_FORMS or not lex.outlet_nouns.isdisjoint(opening))


def _self_described(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """A paragraph in which an outlet describes itself: a word naming an outlet (``موقع``, ``قناة``,
    ``صحيفة``: outlet_nouns.txt) among its first four words, and a word of founding, launch,
    independence or coverage (``انطلق``, ``تأسس``, ``مستقل``, ``يغطي``: self_description.txt)."""
    if not p.about_min_words <= line.n_words <= p.related_max_words or not _opens_about(line, lex):
        return False
    if _QUOTATION.search(line.raw):
        return False
    words = line.key.split()
    first = words[0]
    if (first[0] in "وف" and len(first) > 3 and first not in lex.waw_nouns) or first in lex.function_words:
        return False  # "وقالت المجلة ...", "لكن الصحيفة ...": the story goes on about an outlet
    if _signals(line, lex).reporting_cue:
        return False  # an outlet the story quotes ("صحيفة ... قالت إن"), not the page's own outlet
    return any(_in(w, lex.self_description) for w in words)


_OUTSIDE = "context:outside_article"


def _closing_furniture(line: _Line) -> bool:
    """A line the earlier passes decided is page furniture that closes a page (a related block, a tag
    list, a comment form, a copyright or credit line): the "about" box is looked for above it."""
    return line.label in ("related", "tags", "comment_form", "login_wall") or line.rule == "pattern:credit"


def _about_outlet(lines: list[_Line], title: str | None, lex: _Lexicons, p: _Params) -> None:
    """The "about the outlet" footer: among the document's last ``about_tail_lines`` text lines, a
    paragraph describing the outlet (:func:`_self_described`) after the story's body text, sharing
    less than ``tail_headlines_max_overlap`` of the story's key terms, is site chrome (``nav``,
    ``context:about_outlet``), and a short name-like line right above it (the site's name printed
    over its description, often the name the dateline credits) is chrome too
    (``context:outlet_name``)."""
    if not lex.outlet_nouns:
        return
    text: list[int] = []  # the last text lines, walked from the end (most documents stop here)
    j = len(lines) - 1
    while j >= 0 and len(text) < p.about_tail_lines:
        if lines[j].label != "blank" and not _closing_furniture(lines[j]):
            text.append(j)
        j -= 1
    text.reverse()
    for i in text:
        line = lines[i]
        if not (line.label in ("content", "appended_article") or line.rule.startswith(_OUTSIDE)) or not (
            p.about_min_words <= line.n_words
        ):
            continue  # (after a related block, a paragraph foreign to the story was taken for another's)
        if not _opens_about(line, lex) or not _self_described(line, lex, p):
            continue
        if any(lines[k].label == "content" and _is_body_text(lines[k], lex, p) for k in text if k > i):
            continue  # the story goes on after it: a paragraph of the story about an outlet
        story = [j for j in range(i) if lines[j].label in ("content", "headline")]
        if not any(lines[j].label == "content" and _is_body_text(lines[j], lex, p) for j in story):
            continue
        title_stems = _stems(_make_line(title), lex, p) if title else frozenset()
        keys = _key_stems([_stems(lines[j], lex, p) for j in story], title_stems, p.outside_key_terms)
        score = len(keys & _stems(line, lex, p)) / len(keys) if keys else 0.0
        if score >= p.tail_headlines_max_overlap:
            continue
        writer = _in(line.key.split()[0], _NEWSROOM_POSTS)  # "صحفية في ... تغطي ...": the writer's bio
        kind = "about_writer" if writer else "about_outlet"
        # The writer's bio is byline information (a credit); the outlet's self-description is chrome.
        line.label, line.rule = ("credit" if writer else "nav"), f"context:{kind}(overlap={score:.2f})"
        j = i - 1
        while j >= 0 and lines[j].label == "blank":
            j -= 1
        above = lines[j] if j >= 0 else None
        if (
            above is not None
            and above.label in ("content", "appended_article")
            and above.n_words <= p.kicker_max_words + 2
            and not _SOCIAL_ANY.search(above.raw)  # hashtags over it are the story's tags
            and _tag_shaped(above, _signals(above, lex), p)
        ):
            # The site's name over its description (chrome), the writer's name over the bio (a credit).
            above.label, above.rule = (
                ("credit", "context:writer_name") if writer else ("nav", "context:outlet_name")
            )
