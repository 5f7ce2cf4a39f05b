"""Pass 1: the label a line gets from itself alone (its shape, the cue lexicons and patterns)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsstudy.clean.features import _ALNUM, _ARABIC, _INVISIBLE_ONLY, _TOKEN, _is_stamp, _Line
from newsstudy.clean.lexicons import _LETTERS, _key, _Lexicons, _only_agency_words
from newsstudy.clean.params import _Params
from newsstudy.clean.web_furniture import _web_furniture


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
        triggers=_has_trigger(lowered) or bool(_LATIN_SLASH.search(joined)),
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
    # Numbers and date words only: a stamp however long (a Hijri and a Gregorian date, a time).
    if (n <= p.stamp_max_words or (n <= 2 * p.stamp_max_words and _opens_dated(norm, lex))) and _is_stamp(
        norm, lex
    ):
        return "nav", "shape:stamp"
    furniture = _web_furniture(line, lex, p)
    if furniture:
        return furniture
    if n <= 3 and not _ARABIC.search(norm) and all(len(t) <= 2 for t in norm.split()):
        return "nav", "shape:widget"
    if n <= 2 * p.chrome_max_words and _menu_bar(norm, lex):
        return "nav", "lexicon:nav_menu"
    if _player_control(line.raw, n, p):
        return "nav", "shape:player_control"
    if n <= p.form_max_words and _CALL_TO_ACTION.search(line.raw):
        return "nav", "shape:call_to_action"
    if n <= 3 * p.chrome_max_words and _readings_bar(line.raw):
        return "nav", "shape:readings_bar"
    if n <= 10 and "|" in norm and _bilingual_byline(norm):
        return "credit", "shape:bilingual_byline"
    if n <= 8 and _BRACKETED_DATELINE.match(norm) and not _FINAL_STOP.search(norm):
        return "dateline", "shape:bracketed_dateline"
    if n <= 6 and line.has_digit and _post_views(line.raw):
        return "embed", "shape:post_views"
    if n <= 4 and _COMMENT_COUNT.match(norm) and line.has_digit:
        return "comment_form", "shape:comment_count"
    if n <= 8 and "|" in norm and _counted_comments_bar(norm):
        return "comment_form", "shape:comment_count"  # "3 تعليقات | ترتيب حسب: الأقدم": count and sort
    if n <= 3 * p.stamp_max_words and _issue_line(norm, lex):
        return "nav", "shape:issue_line"
    if n <= 5 and _VIEW_COUNT.match(norm):
        return "nav", "shape:view_count"
    if n <= 2 * p.chrome_max_words and _breadcrumb(norm):
        return "nav", "shape:breadcrumb"
    if n <= p.chrome_max_words and _FOLLOW_PROMPT.match(line.key):
        return "nav", "shape:follow_prompt"
    if n > p.chrome_max_words and not _may_hold_cue(line, lex, p, cues):
        return None
    key = line.key if n <= p.form_max_words else ""
    if lex.tweet_signature.search(norm):
        return "embed", "pattern:tweet_signature"
    if lex.post_signature is not None and lex.post_signature.search(norm):
        return "embed", "pattern:post_signature"
    if any(p_.search(norm) for p_ in lex.embed):
        return "embed", "pattern:embed_link"
    if n <= p.chrome_max_words and lex.login_full.fullmatch(key):
        return "login_wall", "lexicon:login_wall"
    if n <= p.chrome_max_words and (lex.related_full.fullmatch(key) or _bilingual_header(norm, lex)):
        return "related", "lexicon:related_header"
    if n <= 6 and _RELATED_HEADER.fullmatch(key) and not lex.tags.search(norm):
        return "related", "shape:related_header"
    if n <= p.related_max_words and lex.related_start.search(norm):
        return "related", "lexicon:related_inline"
    if n <= p.form_max_words and (lex.comment_form.fullmatch(key) or lex.comment_form_long.search(norm)):
        return "comment_form", "lexicon:comment_form"
    if lex.tags.search(norm):
        return "tags", "lexicon:tags"
    if n <= p.credit_max_words and (
        any(p_.search(norm) for p_ in lex.credit)
        or (_only_agency_words(line.key, lex) and lex.credit_agency.search(norm))
    ):
        return "credit", "pattern:credit"
    if n <= p.boilerplate_max_words and lex.boilerplate.search(norm):
        return "nav", "lexicon:boilerplate"
    counted = key[-1:].isdigit() and lex.nav_full.fullmatch(key.rstrip("0123456789 "))
    if n <= p.chrome_max_words and (lex.nav_full.fullmatch(key) or counted):
        return "nav", "lexicon:nav"  # (with a count after it: "المتابعون (52)")
    if n <= 6 and _BROWSE_MORE.match(norm):
        return "nav", "lexicon:browse_more"  # (after the related headers: "شاهد المزيد" opens a list)
    if n <= p.caption_max_words and any(p_.search(norm) for p_ in lex.caption):
        return "caption", "pattern:caption"
    if 5 <= n <= p.chrome_max_words and "/ " in norm and _SLASH_CREDIT.fullmatch(norm):
        return "caption", "shape:slash_credit"
    if n <= p.chrome_max_words:
        for p_ in lex.dateline:
            m = p_.search(norm)
            if m and not _LETTERS.search(norm[m.end() :]):
                return "dateline", "pattern:dateline"
    return None


# A ticker: "breaking", "latest news", "now", "live" set off by a bar before its headline (a section
# name so set, "فيديو | <headline>", heads a listed link instead).
_TICKER = regex.compile(
    r"^\W*(?:عاجل|خبر عاجل|اخبار عاجله|اخر الاخبار|الان|مباشر|breaking)\s*\|", regex.IGNORECASE
)
# A comment counter: "12 تعليق", "عدد الردود 0", "التعليقات (3)".
_COMMENT_COUNT = regex.compile(
    r"^\W*(?:(?:\d+\s*)?(?:تعليق|تعليقات|التعليقات|ردود|الردود|رد)|عدد (?:التعليقات|الردود))\W*(?:\d+)?\W*$"
)


def _bilingual_header(norm: str, lex: _Lexicons) -> bool:
    """A related header printed in two languages set off by a bar (``Related | ذات صلة``): every item
    is a related header, so the line opens a block rather than linking one headline."""
    items = [x for x in norm.split("|") if x.strip()] if "|" in norm else []
    return len(items) >= 2 and all(lex.related_full.fullmatch(_key(x)) for x in items)


def _bilingual_byline(norm: str) -> bool:
    """A byline printed in two languages set off by a bar: two items of at most four words, one opened
    by a byline's word (``By <name> | بقلم: <name>``), none ending as a sentence."""
    items = [x.strip() for x in norm.split("|") if x.strip()]
    return (
        len(items) == 2
        and all(len(x.split()) <= 4 and not _ITEM_STOP.search(x) for x in items)
        and any(_BY_OPENER.match(x) for x in items)
    )


def _counted_comments_bar(norm: str) -> bool:
    """A comment count opening a bar of the thread's tools (sorting): the first item is a count."""
    first = norm.split("|", 1)[0].strip()
    return bool(_COMMENT_COUNT.match(first)) and any(c.isdigit() for c in first) and len(first.split()) <= 4


# A "browse more" link: "تصفح المزيد", "المزيد من أخبار <section>", "شاهد المزيد من الفيديوهات".
_BROWSE_MORE = regex.compile(
    r"^\W*(?:(?:تصفح|شاهد|اقرا|عرض|اكتشف|حمل|تحميل)\s+(?:ال)?مزيد|المزيد)(?:\s+من)?(?:\s+\p{L}+){0,3}"
    r"\s*[:»>]*\s*$"
)
# The grammar of a related-links header, of which related_headers.txt lists the common wordings: a
# plural noun of what is listed (news, articles, topics, stories, links, reports, videos), with or
# without the article and "other", then what ties them to the story (ذات صلة / علاقة, مشابهة،
# متعلقة، مرتبطة) or the reader (قد تهمك / يهمك / تعجبك), optionally "also". On the letters-only
# matching form (ة → ه, أ → ا, ى → ي). A tag header of the same words (``الموضوعات المتعلقة``,
# tags_headers.txt) stays a tag header.
_RELATED_HEADER = regex.compile(
    r"(?:ال)?(?:اخبار|مقالات|مواضيع|موضوعات|قصص|روابط|تقارير|فيديوهات|مقاطع|عناوين)(?: (?:ال)?اخري)?"
    r" (?:ذات (?:ال)?(?:صله|علاقه)|(?:ال)?(?:مشابهه|متعلقه|مرتبطه|ذات الصله)|(?:قد )?(?:تهمك|يهمك|تعجبك|يعجبك"
    r"|تهمكم|يهمكم|تعجبكم))(?: (?:ايضا|كذلك))?"
)
# A view or read counter: "عدد المشاهدات: 1843", "المشاهدات 220", "قراءات: 51", "views 1.2K".
_VIEW_COUNT = regex.compile(
    r"^\W*(?:عدد\s+)?(?:ال)?(?:مشاهدات|مشاهده|قراءات|قراءه|زيارات|القراء|قراء|views|reads)\W*"
    r"\d[\d.,]*\s*(?:k|m|الف|مليون)?\W*(?:مره|مرات)?\W*$",
    regex.IGNORECASE,
)
# A breadcrumb: three or more short items (at most three words each) joined by ">" or "»", none
# ending like a sentence: "الرئيسية > محليات > الرياض".
_CRUMB_SEPARATOR = regex.compile(r"\s*[>»›]\s*")
# A follow prompt: "follow / join / subscribe" in the plural or singular imperative (or "follow us")
# and a social or messaging platform named within the line: "تابعوا قناتنا على واتساب".
_FOLLOW_PROMPT = regex.compile(
    r"^(?:تابعوا|تابعونا|تابعنا|تابع|انضموا|انضم|اشتركوا|اشترك|حملوا|حمل|اشترك الان)\b.*\b(?:واتساب|واتس اب|"
    r"تلغرام|تليغرام|تيليجرام|تلجرام|فيسبوك|فيس بوك|يوتيوب|تويتر|اكس|انستغرام|انستجرام|تيك توك|"
    r"جوجل نيوز|غوغل نيوز|whatsapp|telegram|facebook|youtube|twitter|instagram|tiktok)\b"
)


# An issue number: "العدد 16254", "عدد رقم 512", "Issue 4512".
_ISSUE_NUMBER = regex.compile(
    r"(?:ال)?عدد(?:\s+رقم)?\s*[:：]?\s*\d+|issue\s*(?:no\.?)?\s*\d+", regex.IGNORECASE
)
_ISSUE_SPLIT = regex.compile(r"\s+[\-–—|]+\s+|\s*[|]\s*")


def _issue_line(norm: str, lex: _Lexicons) -> bool:
    """A print paper's issue line: parts set off by dashes or bars, one of them an issue number and
    the others dates (numbers and date words) but for at most one of up to three words without a
    number (the paper's name): ``<paper> - <weekday> <Hijri date> هـ - <date>م - العدد 16254``."""
    if ("عدد" not in norm and "issue" not in norm.lower()) or not _ISSUE_NUMBER.search(norm):
        return False  # (a substring test first: most lines hold neither word)
    parts = [
        x for x in _ISSUE_SPLIT.split(norm.strip()) if _LETTERS_ONLY.search(x) or any(c.isdigit() for c in x)
    ]
    if len(parts) < 2:
        return False
    issue = [x for x in parts if _ISSUE_NUMBER.fullmatch(x.strip(" :()"))]
    named = [x for x in parts if x not in issue and not _is_stamp(x, lex)]
    return (
        bool(issue)
        and len(named) <= 1
        and all(len(x.split()) <= 3 and not any(c.isdigit() for c in x) for x in named)
    )


# The view line under an embedded channel post (Telegram's eye, a count, the time it was posted):
# "👁 4.1K · 09:12", "12.3K views · 14:05".
_POST_VIEWS = regex.compile(
    r"^\W*(?P<eye>👁|👀)?\uFE0F?\s*\d+(?:[.,]\d+)?\s*(?P<unit>[KkMm]|الف|ألف)?\s*"
    r"(?P<word>views?|مشاهدة|مشاهدات)?\s*[·•|]\s*(?:\d{1,2}:\d{2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)\W*$",
    regex.IGNORECASE,
)


def _post_views(raw: str) -> bool:
    """A post's view line: a count marked as one (an eye emoji, a K/M unit or the word "views"), a dot
    or bar, and a clock time or a date; a score or a stamp has no such mark."""
    m = _POST_VIEWS.match(raw)
    return bool(m and (m["eye"] or m["unit"] or m["word"]))


# "<what the photo shows>/ <photographer or outlet>": at least four words, the slash glued to the last of
# them, a space and one to three words after it, nothing else (a dateline "<outlet>/ <city>" is shorter;
# "أيار/مايو" has no space; a title's slash, "السيد/ <name>", is no credit).
_SLASH_CREDIT = regex.compile(
    r"\W*(?:\p{L}+\s+){3,}(?!(?:ال)?(?:سيد|سيده|استاذ|استاذه|دكتور|دكتوره|شيخ|مهندس|اخ|اخت)/)\p{L}+/\s+"
    r"(?:\p{L}+\s*){1,3}"
)


def _breadcrumb(norm: str) -> bool:
    if ">" not in norm and "»" not in norm and "›" not in norm:
        return False
    items = [x for x in _CRUMB_SEPARATOR.split(norm.strip()) if x]
    if len(items) < 3 or any(len(x.split()) > 3 for x in items):
        return False
    return not regex.search(r"[.!؟?،,]$", items[-1]) and all(_LETTERS_ONLY.search(x) for x in items)


_LETTERS_ONLY = regex.compile(r"\p{L}")
_MENU_SEPARATOR = regex.compile(r"\s*[|•·:：]\s*")
_SHORT_LATIN = regex.compile(r"[A-Za-z]{1,3}")


def _opens_dated(norm: str, lex: _Lexicons) -> bool:
    """Whether a line's first token is a number or a date word (a long line is asked no more)."""
    first = norm.split(maxsplit=1)[0].strip("\"'«»“”()[].,:;،؛-–—|").lower()
    return first.isdigit() or first in lex.date_words


def _menu_bar(norm: str, lex: _Lexicons) -> bool:
    """A menu or share bar: at least three items set off by bars or bullets (a colon after a header),
    at least two of them and half of all navigation phrases (nav.txt) or a short Latin mark (``X``,
    ``FR``): ``الرئيسية | لبنان | اقتصاد | رياضة``, ``شارك على: فيسبوك | X | واتساب``. A tag line has
    no navigation phrase; a headline's own bar (``<headline> | <site>``) has two items. A navigation
    phrase set off by a bar before a headline (``عاجل | <headline>``) is a ticker."""
    if "|" not in norm and "•" not in norm and "·" not in norm:
        return False
    if "©" in norm:
        return False  # "© <site> <year> · <terms> · <privacy>": the copyright line, a credit
    if _TICKER.match(norm):
        return True  # "عاجل | <headline>": a breaking-news ticker
    items = [x for x in _MENU_SEPARATOR.split(norm.strip()) if x]
    if len(items) < 3:
        return False
    nav = sum(1 for x in items if lex.nav_full.fullmatch(_key(x)) or _SHORT_LATIN.fullmatch(x))
    return nav >= 2 and 2 * nav >= len(items)


# Substrings without which no unanchored cue pattern (photo credit "Name/ AP",
# Getty, ©, embedded-post links) can match; see caption_patterns.txt, embed_patterns.txt.
_UNANCHORED_TRIGGERS = (
    "t.co/",
    ".com/",  # twitter.com/, pic.twitter.com/, x.com/, facebook.com/, youtube.com/, tiktok.com/
    "youtu.be/",
    "©",
    "getty",
    "post shared",
    "posted by",
    "instagram",
    "انستغرام",
    "منشور",
    # a post's signature as a row of items ("<page> · Facebook · <date>", embed_patterns.txt)
    "facebook",
    "youtube",
    "tiktok",
    "linkedin",
    "فيسبوك",
    "يوتيوب",
)


_LATIN_SLASH = regex.compile(r"[A-Za-z]\s*/\s*[A-Za-z]")


def _has_trigger(lowered: str) -> bool:
    """Whether a lowered text holds any of :data:`_UNANCHORED_TRIGGERS` (lowered once, not per trigger)."""
    return any(t in lowered for t in _UNANCHORED_TRIGGERS)


def _may_hold_cue(line: _Line, lex: _Lexicons, p: _Params, cues: _DocCues) -> bool:
    """Cheap test: can any line-level cue match this (long) line at all?

    Anchored cues are tried at the start of the line (the credit patterns only on lines short enough
    for the credit rule), unanchored ones only when
    their trigger substrings occur, and the two lexicons only when the line is
    short enough for their rules (``_line_rule``) to fire.
    """
    norm, n = line.norm, line.n_words
    short = n <= p.credit_max_words
    return bool(
        (lex.any_start if short else lex.long_start).match(norm)
        or (short and _only_agency_words(line.key, lex) and lex.credit_agency.match(norm))
        or (cues.triggers and (_has_trigger(norm.lower()) or _LATIN_SLASH.search(norm)))
        or (cues.boilerplate and n <= p.boilerplate_max_words and lex.boilerplate.search(norm))
        or (cues.comment_form and n <= p.form_max_words and lex.comment_form_long.search(norm))
    )


# Separators of a bar at the top of a page (menus, breadcrumbs, tickers, weather and price bars):
# bars, bullets, arrows, double colons and spaced dashes, on the raw line (matching rewrites arrows).
# Quotation marks (« ») are no separator: a headline quotes two names.
_BAR_SEPARATORS = ("|", "◄", "►", "›", "‹", "◂", "▸", "⟫", "⟪", "•", "·", "::", " > ", " - ", " – ", " — ")
_ARROWS = frozenset("◄►›‹◂▸⟫⟪")
_DASHES = frozenset({" - ", " – ", " — "})
_FINAL_STOP = regex.compile(r"[.!?؟…][\"'»”’)\]]*\s*$")
_ITEM_STOP = regex.compile(r"[.!?؟…]\W*$")
_READING = regex.compile(r"°|[▲▼]|\d{1,2}:\d{2}|\d%")


# Symbols of a page's audio/video player and reading-time widget (listen, timer, speaker, microphone);
# a play arrow counts only with a running time in brackets, since ► and ▶ also set off list items.
_PLAYER_SYMBOL = regex.compile(
    r"[\U0001F3A7\U0001F50A\U0001F509\U0001F508\U0001F399\u23F1\u23EF\u23F5]"
    r"|^\W*[\U0001F3A5\U0001F3AC\U0001F4F9\U0001F4FA]"  # a video box's label: 🎥 🎬 📹 📺 opening the line
    r"|^\W*\U0001F4CC\W*[\p{L}\p{M}]+\W*$"  # a pin and one word: a pinned marker (📌 <pinned>)
)
# A call to action closing a line: a link arrow (← →, the way a box's button points) or a button in
# square brackets of one or two words (``[ اشترك ]``, ``[ إرسال ]``); body prose ends with neither.
_CALL_TO_ACTION = regex.compile(r"(?:[←→⟵⟶]|\[\s*\p{L}+(?:\s+\p{L}+)?\s*\])\W*$")
_PLAYED_TIME = regex.compile(r"[▶►]\D*[(\[]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[)\]]")


def _player_control(raw: str, n_words: int, p: _Params) -> bool:
    """A player or reading-time control (``shape:player_control``): a line of at most
    ``chrome_max_words`` words holding a listen, speaker or timer symbol, or a play arrow with its
    running time (``▶ <watch the report> (03:42)``), whatever its words."""
    return n_words <= p.chrome_max_words and bool(_PLAYER_SYMBOL.search(raw) or _PLAYED_TIME.search(raw))


def _bar_items(raw: str) -> tuple[str, list[str]] | None:
    """The separator a line repeats most and the items it sets off (None if it has none)."""
    counts = {sep: raw.count(sep) for sep in _BAR_SEPARATORS}
    sep = max(counts, key=lambda s: (counts[s], len(s)))
    if not counts[sep]:
        return None
    return sep, [x.strip() for x in raw.split(sep) if _TOKEN.search(x)]


def _top_bar_shaped(raw: str, p: _Params) -> bool:
    """Whether a line reads as a bar of short items set off by one repeated separator, whatever its
    words: three or more items of at most ``bar_max_item_words`` words (a menu, a ticker of short
    headlines), or two short items set off by an arrow (a breadcrumb, "now ◄ next"), or two or more
    items holding readings (degrees, clock times, percentages, ▲▼: weather, prices, prayer times)."""
    found = _bar_items(raw)
    if found is None:
        return False
    sep, items = found
    sizes = [sum(1 for w in x.split() if _TOKEN.search(w)) for x in items]
    if len(items) < 2 or max(sizes) > p.bar_max_item_words or any(_ITEM_STOP.search(x) for x in items):
        return False  # (an item ending as a sentence: a headline cut by dashes, not a bar)
    if sep in _DASHES and (max(sizes) > 3 or len(items) < p.dashed_bar_min_items):
        return False  # a dash also sets off a dateline's places and writer: a dashed bar is a long menu
    if sep in _ARROWS and max(sizes) <= 5:
        return True
    if all(_LABELLED.search(x) for x in items):
        return False  # "<role>: <name> | <role>: <name>": a credit line, not a bar
    if len(items) == 2 and any(_BY_OPENER.match(x) for x in items):
        return False  # "By <name> | بقلم: <name>": a byline in two languages, not a masthead
    if len(items) == 2 and max(sizes) <= 3 and {_script(x) for x in items} == {"arabic", "latin"}:
        return True  # "<name> | <Latin name>": a bilingual masthead
    if len(items) >= 3:
        return True
    return len(_READING.findall(raw)) >= 2


# A market or weather ticker anywhere on the page: items set off by bars holding at least two rises and
# falls (▲ ▼) or degrees with percentages or prices; news prose prints no such signs.
_RISE_FALL = regex.compile(r"[▲▼△▽↑↓]")


def _readings_bar(raw: str) -> bool:
    """A ticker of readings (``shape:readings_bar``): at least two rise or fall signs (▲ ▼), in a line
    cut by a bar or a middle dot into at least two items, none ending as a sentence."""
    if len(_RISE_FALL.findall(raw)) < 2:
        return False
    found = _bar_items(raw)
    return found is not None and len(found[1]) >= 2 and not any(_ITEM_STOP.search(x) for x in found[1])


# A dateline crediting the outlet in brackets on its own line: "<city> (<outlet>) —", "<city>، <date>
# (<outlet>) –": a bracketed name and a final dash, at most eight words.
_BRACKETED_DATELINE = regex.compile(r"^[^()]{2,60}\([^()]{2,40}\)\s*[\-–—]+\s*$")

_LABELLED = regex.compile(r"\p{L}\s*:\s")
# The word that opens a byline, in the languages of a bilingual byline (by, par, بقلم، كتب).
_BY_OPENER = regex.compile(r"(?:by|par|von|بقلم|كتب|كتبت)\b", regex.IGNORECASE)
_LATIN_WORD = regex.compile(r"[A-Za-z]")


def _script(item: str) -> str:
    if any(c.isdigit() for c in item):
        return "mixed"  # ("21H18": a time, not a name)
    arabic, latin = bool(_ARABIC.search(item)), bool(_LATIN_WORD.search(item))
    return "arabic" if arabic and not latin else "latin" if latin and not arabic else "mixed"


_BAR_RULES = frozenset({"shape:top_bar", "lexicon:nav_menu", "shape:breadcrumb"})


def _top_bars(lines: list[_Line], p: _Params) -> None:
    """Bars of short items above the article (``shape:top_bar``): before the page's first line of
    body text (``long_min_words`` words, or ``good_min_words`` ending with a full stop), any line of
    the shape of :func:`_top_bar_shaped` that no rule decided is page chrome, so that the headline is
    looked for below the run of bars."""
    text = [i for i, line in enumerate(lines) if line.label != "blank"]
    k = len(text)  # the first text line of the article's body (or the end)
    for pos, i in enumerate(text):
        line = lines[i]
        shaped = _top_bar_shaped(line.raw, p)
        if not shaped and (
            line.n_words >= p.long_min_words
            or (line.n_words >= p.good_min_words and _FINAL_STOP.search(line.raw))
        ):
            k = pos
            break
        if shaped and line.label == "content" and line.rule == "default:content":
            line.label, line.rule = "nav", "shape:top_bar"

    # A short line set between two bars (the site's name between its menus), or opening the page over
    # a run of two, is chrome too.
    def short(i: int) -> bool:
        line = lines[i]
        return (
            line.label == "content"
            and line.rule == "default:content"
            and line.n_words <= p.between_bars_max_words
        )

    nav = [lines[i].rule in _BAR_RULES for i in text[: k + 2]]
    for j in range(min(k, len(text))):
        above = nav[j - 1] if j else False
        below = nav[j + 1] if j + 1 < len(nav) else False
        after = nav[j + 2] if j + 2 < len(nav) else False
        if below and (above or (j == 0 and after)) and short(text[j]):
            lines[text[j]].label, lines[text[j]].rule = "nav", "shape:between_bars"
