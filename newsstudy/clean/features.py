"""One line and what can be read from it alone: its shape, its crude stems, and its language signals.

The signals (jusText's, on extracted lines) hold in any Arabic outlet: length in words, the share of
Arabic function words, the share of numbers and date words, final punctuation, reporting verbs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import regex

from newsstudy.clean.lexicons import _LETTERS, _key, _Lexicons
from newsstudy.clean.params import _Params
from newsstudy.normalize import for_matching


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

    @cached_property
    def has_digit(self) -> bool:
        """Whether the matching form holds a digit (``str.isdigit``; mapped in C, asked of most lines)."""
        return any(map(str.isdigit, self.norm))


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


# Social-media tokens (on the raw line: matching would fold some of them away). An e-mail address is
# no handle (a word character before the @), a # inside a word no hashtag.
_SOCIAL = {
    "hashtag": regex.compile(r"(?<![\w&])#[\p{L}\p{N}_]{2,}"),
    "handle": regex.compile(r"(?<![\w.])@[A-Za-z0-9_]{2,30}\b"),
    "link": regex.compile(r"https?://\S+|(?<!\w)www\.\S+"),
    # Pictographs and dingbats; not the geometric shapes and arrows (U+25A0, U+2B00 blocks), which
    # print bullets (a black square opening each item of a list) in ordinary articles.
    "emoji": regex.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF]"),
}
_SOCIAL_ANY = regex.compile("|".join(f"(?:{x.pattern})" for x in _SOCIAL.values()))


def _social_kinds(raw: str) -> list[str]:
    """Which kinds of social-media token a line holds, in a fixed order.

    >>> _social_kinds("Match day 🔥 #final https://t.co/x")
    ['hashtag', 'link', 'emoji']
    >>> _social_kinds("write to desk@example.com")
    []
    """
    return [name for name, pattern in _SOCIAL.items() if pattern.search(raw)]


def _is_stamp(norm: str, lex: _Lexicons) -> bool:
    """A publication stamp or clock time: a date or number in it and no word but date words.

    ``تاريخ النشر: 4 أغسطس 2012``, ``2012-05-28``, ``الخميس 12 يوليو 2012 - 10:30 ص``: a line
    made only of numbers and of the words of ``date_words.txt`` (months of the Gregorian, Syriac,
    French and Hijri calendars, weekdays, stamp words). A line with any other word is not a stamp.
    """
    if _RELATIVE_STAMP.fullmatch(norm):
        return True  # "منذ 3 ساعات", "قبل يومين": the relative stamp news sites print under a headline
    tokens = [_unglued(t) for t in _STAMP_TOKEN.findall(norm.lower())]
    if not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or t in lex.date_words for t in tokens)


def _unglued(token: str) -> str:
    """A year with its era letter glued on (``1444هـ``, ``2023م``) is a number."""
    return token[:-1] if len(token) > 2 and token[-1] in "هم" and token[:-1].isdigit() else token


# Units of a relative time, in matching form (ة → ه, أ → ا), singular, dual and plural: the grammar
# of Arabic time expressions, not strings of any site. A stamp counts in seconds to weeks; months and
# years end headlines too ("<first election> منذ 9 اعوام"), so they count only on a line of their own.
_SHORT_UNITS = (
    r"(?:ثانيه|ثانيتين|ثوان|ثواني|دقيقه|دقيقتين|دقايق|دقائق|ساعه|ساعتين|ساعات|يوم|يومين|ايام|"
    r"اسبوع|اسبوعين|اسابيع)"
)
_LONG_UNITS = r"(?:شهر|شهرين|اشهر|شهور|سنه|سنتين|سنوات|عام|عامين|اعوام)"
_ENGLISH_AGO = r"|\d+\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?)\s+ago"
_RELATIVE = rf"(?:منذ|قبل)\s+(?:\d+\s*)?{_SHORT_UNITS}{_ENGLISH_AGO}"
#: A line that is only a relative time (with a "published" word before it at most).
_RELATIVE_STAMP = regex.compile(
    rf"\W*(?:(?:نشر|تم النشر|اخر تحديث)\W*)?(?:(?:منذ|قبل)\s+(?:\d+\s*)?(?:{_SHORT_UNITS}|{_LONG_UNITS})"
    rf"{_ENGLISH_AGO})\W*",
    regex.IGNORECASE,
)
#: A time printed at the end of a listed headline: a relative time, a clock time or a numeric date,
#: set off by a space, a dash, a bar or a bullet.
_TRAILING_TIME = regex.compile(
    rf"(?:^|\s|[\-–—|•·])(?:{_RELATIVE}|\d{{1,2}}:\d{{2}}(?:\s*(?:ص|م|am|pm))?|"
    r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})\W*$",
    regex.IGNORECASE,
)


_TIME_TAIL_STRIP = " \t\u00a0)]\"'»”’.…"
_TIME_LAST_WORDS = frozenset(
    _SHORT_UNITS.strip("(?:)").split("|")
    + ["ago", "ص", "م", "am", "pm"]
    + [u + "s" for u in ("second", "minute", "min", "hour", "day", "week")]
    + ["second", "minute", "min", "hour", "day", "week"]
)


def _trailing_time(line: _Line) -> regex.Match | None:
    """The time at the end of a line (``<headline> منذ 3 ساعات``, ``<headline> | 14:05``), if any.

    >>> bool(_trailing_time(_make_line("ارتفاع أسعار النفط في الأسواق منذ 3 ساعات")))
    True
    >>> bool(_trailing_time(_make_line("ارتفعت أسعار النفط في الأسواق اليوم")))
    False
    """
    # Cheap gate first (this is asked of every short content line): a time ends with a digit, a unit
    # of time, "ago" or a morning/evening mark.
    tail = line.norm.rstrip(_TIME_TAIL_STRIP)
    last = tail[tail.rfind(" ") + 1 :]
    if not last or not (last[-1].isdigit() or last.casefold() in _TIME_LAST_WORDS):
        return None
    return _TRAILING_TIME.search(line.norm)


def _without_trailing_time(line: _Line) -> _Line:
    m = _trailing_time(line)
    return _make_line(line.raw, line.norm[: m.start()].rstrip(" -–—|•·")) if m else line


# Separators of the items of a one-line tag list.
_WIDE_GAP = regex.compile(r"[ \u00a0]{3,}|\t+")
_TAG_SEPARATOR = regex.compile(r"\s*(?:[،,|•·;؛/#]+|\s[\-–—]+\s)\s*")


def _tag_line_shaped(line: _Line, s: _Signals, p: _Params) -> bool:
    """A one-line list of keywords: at least three items set off by commas, bars, bullets, slashes,
    dashes or hashtags, each of at most ``tag_item_max_words`` words, almost no function word, no
    final stop and no reporting verb (a sentence listing things has verbs and function words).

    >>> from newsstudy.clean.lexicons import _lexicons
    >>> line = _make_line("الأردن، الاقتصاد الأردني، البنك المركزي، التضخم")
    >>> _tag_line_shaped(line, _signals(line, _lexicons()), _Params())
    True
    >>> line = _make_line("وقال الوزير إن الحكومة، والبنك المركزي، والمصارف ستعمل معاً")
    >>> _tag_line_shaped(line, _signals(line, _lexicons()), _Params())
    False
    """
    if not 3 <= s.words <= p.tag_line_max_words or s.ends_sentence or s.reporting_cue:
        return False
    if s.function_share > p.tag_line_max_function_share:
        return False
    # A wide gap (three spaces or a tab, which matching collapses) sets tags off on the raw line too.
    text = line.norm if not _WIDE_GAP.search(line.raw.strip()) else _WIDE_GAP.sub(" | ", line.raw.strip())
    items = [x for x in _TAG_SEPARATOR.split(text.strip()) if _TOKEN.search(x)]
    return len(items) >= p.tag_line_min_items and all(
        len(_TOKEN.findall(x)) <= p.tag_item_max_words for x in items
    )


# Clitics stripped from the front of a word before it is cut to a stem (longest first);
# only when at least three letters remain.
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def _make_line(raw: str, norm: str | None = None) -> _Line:
    norm = for_matching(raw) if norm is None else norm
    return _Line(raw, norm, norm.count(" ") + 1 if norm else 0)


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


def _previous_text_line(lines: list[_Line], i: int) -> _Line | None:
    j = i - 1
    while j >= 0 and lines[j].label == "blank":
        j -= 1
    return lines[j] if j >= 0 else None


def _without_dateline(line: _Line, lex: _Lexicons) -> _Line:
    """The line with a leading dateline removed (its place names say nothing about the topic)."""
    m = _dateline_match(line.norm, lex)
    return _make_line(line.norm[m.end() :]) if m else line


_TOKEN = regex.compile(r"[\p{L}\p{N}]+")


_FINAL_STOP = regex.compile(r"[.!?؟…:؛;][\"'»”’)\]]*\s*$")


_ENDS_COLON = regex.compile(r"[:：]\W*$")
_DASH_SPLIT = regex.compile(r"\s*[\-–—/|]\s*")
_CLOCK_OR_DATE = regex.compile(r"\d{1,4}(?:[:/.\-]\d{1,4}){1,2}")
_PART_SPLIT = regex.compile(r"\s*[\-–—/|:：]\s*")


@dataclass(frozen=True)
class _Signals:
    """What the language of one line says, each signal independent of any list of page strings."""

    words: int
    function_share: float  # share of words that are Arabic function words (stopword density)
    digit_share: float  # share of tokens that are numbers or date words
    date_words: int  # tokens that are date words (months, weekdays, stamp words), not numbers
    stamp_share: float  # share of tokens that are numbers, clock times, numeric dates or date words
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
        return _Signals(0, 0.0, 0.0, 0, 0.0, False, False)
    numbers = sum(1 for t in tokens if t.isdigit())
    # Clock times and numeric dates (14:09, 11-6-2012) count as numbers for the stamp test only.
    clock = sum(1 for t in tokens if not t.isdigit() and _CLOCK_OR_DATE.fullmatch(t))
    words = sum(1 for t in tokens if not t.isdigit() and t in lex.date_words)
    dates = numbers + words
    cues = lex.reporting_cues
    cue = any(t in cues or (len(t) > 3 and t[0] in "وف" and t[1:] in cues) for t in tokens)
    return _Signals(
        len(tokens),
        _function_share(tokens, lex.function_words),
        dates / len(tokens),
        words,
        (dates + clock) / len(tokens),
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
    # Dates do not count against the length: "<city> 12 رجب 1436 هـ الموافق 1 مايو 2015 م <agency>".
    dated = round(s.digit_share * s.words)
    if not 1 <= s.words - dated <= p.dateline_max_words or s.reporting_cue or s.function_share > 0:
        return False
    tokens = _TOKEN.findall(line.norm.casefold())
    if "بتوقيت" in tokens or "توقيت" in tokens:
        return False  # "<date> <time> بتوقيت <city>": the city names the time zone of a stamp
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


def _name_shaped(line: _Line, s: _Signals, lex: _Lexicons, p: _Params) -> bool:
    """A name or names and an outlet (``<name> - <outlet>``): a few words, none a function word,
    number or reporting verb, no comma, no sentence end but a colon (a byline's shape); each part
    between dashes, slashes or colons at most four words."""
    if not (
        2 <= s.words <= p.byline_max_words
        and s.function_share == 0.0
        and s.digit_share == 0.0
        and not s.reporting_cue
        and not _COMMA.search(line.norm)
        and not (s.ends_sentence and not _ENDS_COLON.search(line.norm))
    ):
        return False
    parts = [_key(x) for x in _PART_SPLIT.split(line.norm) if _key(x)]
    return bool(parts) and all(x.count(" ") < 4 for x in parts)


def _opens_with_place(line: _Line, lex: _Lexicons) -> bool:
    """Whether the line's first word, or first two, are a known place (``places.txt``)."""
    words = line.key.split(maxsplit=2)
    return bool(words) and (words[0] in lex.places or " ".join(words[:2]) in lex.places)


def _source_and_date(line: _Line, lex: _Lexicons, p: _Params) -> bool:
    """``<source> - <date>`` (``<outlet> - مساء 18 جويلية 2012``): a source credit with its date."""
    parts = [x for x in _DASH_SPLIT.split(line.norm.strip(" \"'«»“”")) if x.strip()]
    if len(parts) != 2 or line.n_words > p.byline_max_words + 4:
        return False
    dated = [_TOKEN.findall(x.casefold()) for x in parts]
    is_date = [
        bool(t) and any(w.isdigit() for w in t) and all(w.isdigit() or w in lex.date_words for w in t)
        for t in dated
    ]
    named = [
        bool(t) and not any(w.isdigit() or w in lex.function_words for w in t) and len(t) <= 4 for t in dated
    ]
    return (is_date[0] and named[1]) or (is_date[1] and named[0])


def _stamp_shaped(s: _Signals, p: _Params) -> bool:
    """Mostly numbers and date words, one a date word (``<weekday> 23 <month> 2012 الساعة 11:27 بتوقيت
    <city>``): a publication stamp with a few other words, which the strict rule (``shape:stamp``) leaves."""
    return (
        3 <= s.words <= p.stamp_max_words
        and s.stamp_share >= p.stamp_min_share
        and s.date_words > 0
        and not s.reporting_cue
    )


def _initials_only(s: _Signals, line: _Line) -> bool:
    """Initials of the editor or agency codes at the end of a story (``م. ف/ د.ذ``)."""
    tokens = _TOKEN.findall(line.norm)
    return 1 <= len(tokens) <= 6 and all(len(t) <= 2 and not t.isdigit() for t in tokens)


def _next_text_line(lines: list[_Line], i: int) -> _Line | None:
    j = i + 1
    while j < len(lines) and lines[j].label == "blank":
        j += 1
    return lines[j] if j < len(lines) else None


def _dateline_match(norm: str, lex: _Lexicons) -> regex.Match | None:
    for pattern in lex.dateline:
        m = pattern.search(norm)
        if m:
            return m
    return None


# A calendar date written out: a day, a month word and a year (``15 <month> 2017``), or a numeric
# date with its year (``15/10/2017``, ``2017-10-15``). Headlines name days and years apart; a line
# with the whole date is a stamp, a byline's date or a listed story's date, whatever else it holds.
_WRITTEN_DATE = regex.compile(r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month>\p{L}+)\s+(?:\d{4})(?!\d)")
_NUMERIC_DATE = regex.compile(
    r"(?<!\d)(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2})(?!\d)"
)


def _has_full_date(line: _Line, lex: _Lexicons) -> bool:
    """Whether the line holds a whole calendar date (day, month word or number, year)."""
    if _NUMERIC_DATE.search(line.norm):
        return True
    return any(m["month"].casefold() in lex.date_words for m in _WRITTEN_DATE.finditer(line.norm))
