"""Furniture every website prints, told by its shape: stamps, reading times, prompts, threads.

The rules here hold on any Arabic (or bilingual) news site, not on the strings of one outlet: a
"published / updated" stamp with its clock time, a reading-time widget, a log-in prompt behind a lock,
a short-link line, a disclaimer note, a comment thread (a commenter's name with a date and a time),
a "more from <section>" header over a list of links. Where the thing is truly a word list (platform
UI strings such as Blogger's), the words are in ``newsstudy/data/clean/`` (nav.txt, comment_form.txt,
related_headers.txt, tags_headers.txt, boilerplate.txt), not here.
"""

from __future__ import annotations

import regex

from newsstudy.clean.features import _FINAL_STOP, _headline_like, _Line
from newsstudy.clean.lexicons import _LETTERS as _WORD
from newsstudy.clean.lexicons import _Lexicons
from newsstudy.clean.params import _Params

# A reading time, on the matching form (ة → ه): "قراءه في 4 دقائق", "4 دقائق قراءه", "مده القراءه: 3
# دقائق", "Temps de lecture : 3 min", "5 min read". The grammar of the widget, in three languages.
_MINUTES = r"(?:دقائق|دقيقه|دقيقتان|دقيقتين|دقايق|د|min|mins|minutes?)"
_READ_WORD = r"(?:(?:لل|ال)?قراءه|read|reading|de lecture|lecture)"
_READING_TIME = regex.compile(
    rf"(?:(?:مده|وقت|زمن)\s+(?:ال)?قراءه|reading time|read time|temps de lecture|{_READ_WORD})?"
    rf"\s*(?:[:：]\s*)?(?:في|خلال|in)?\s*(?:\d{{1,3}}|اقل من \d{{1,3}})\s*{_MINUTES}\.?"
    rf"(?:\s+(?:{_READ_WORD}|of reading))?",
    regex.IGNORECASE,
)
# The words of a "published / updated" stamp beside numbers and date words (date_words.txt): the verbs
# and nouns of publishing in Arabic, English and French, and the little words that join them to the
# date (le, à, on, at, على), which a stamp holds and a sentence about the date would hold with others.
_STAMP_WORDS = frozenset(
    {
        "نشر",
        "النشر",
        "تم",
        "اخر",
        "تحديث",
        "التحديث",
        "محدث",
        "حدث",
        "على",
        "علي",
        "الساعه",
        "publie",
        "publié",
        "mis",
        "a",
        "à",
        "jour",
        "le",
        "du",
        "modifie",
        "modifié",
        "published",
        "updated",
        "posted",
        "last",
        "on",
        "at",
        "gmt",
        "cet",
        "cest",
        "utc",
        "est",
        "edt",
        "ksa",
    }
)
# The words that make the line a publication stamp rather than a date alone: a published or updated word.
_PUBLISHED = regex.compile(
    r"(?<!\w)(?:نشر|النشر|تحديث|التحديث|محدث|publi[eé]|mis a jour|mis à jour|modifi[eé]|published|"
    r"updated|posted)(?!\w)",
    regex.IGNORECASE,
)
_CLOCK = regex.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])|(?<!\w)\d{1,2}h\d{2}(?!\w)", regex.IGNORECASE)
# "نشر في <paper> يوم <date>": an aggregator's note of where and when the story was first published.
_PUBLISHED_IN = regex.compile(r"نشر\s+في\s+(?:\S+\s+){1,3}يوم\s+\d")
_SEGMENT = regex.compile(r"\s*(?:[|·•]|\s[\-–—]\s)\s*")
_CLOCK_H = regex.compile(r"(?<!\w)\d{1,2}h\d{2}(?!\w)", regex.IGNORECASE)
_ZONE = regex.compile(r"(?:ب)?توقيت\s+\S+(?:\s+\S+)?\s*$")
_READ_WORD = regex.compile(r"قراءه|read|lecture", regex.IGNORECASE)


def _stamp_segment(segment: str, lex: _Lexicons) -> bool:
    """A piece of a stamp line: numbers, date words and publishing words only, a digit in it; a time
    zone (``بتوقيت <place>``) may close it."""
    text = _ZONE.sub(" ", _CLOCK_H.sub(" 0 ", segment.lower()))
    tokens = _WORD.findall(text)
    if not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or t in lex.date_words or t in _STAMP_WORDS for t in tokens)


def _reading_time(segment: str) -> bool:
    """A piece that is only a reading time (``قراءه في 4 دقائق``, ``3 min read``) and marks around it."""
    if not _READ_WORD.search(segment):  # the cheap test first: most pieces hold no reading word
        return False
    m = _READING_TIME.search(segment)
    if not m:
        return False
    rest = segment[: m.start()] + segment[m.end() :]
    return not _WORD.search(rest)


def _published_stamp(norm: str, n_words: int, lex: _Lexicons) -> str | None:
    """The rule of a line made of a publication stamp and a reading time, or None.

    Every piece set off by bars, middle dots or spaced dashes is a stamp (numbers, date words, the
    words of publishing: ``نشر يوم <date> على الساعه <time>``, ``Publié le <date> à 18h40``, ``<date> |
    اخر تحديث <time> CET``) or a reading time; a published or updated word or a reading time is in it.
    A sentence about a date has other words, so it is no stamp."""
    if n_words > 30:
        return None
    segments = [s for s in _SEGMENT.split(norm.strip()) if _WORD.search(s)]
    if not segments:
        return None
    reading = stamps = 0
    for s in segments:  # each piece a reading time or a stamp; the first that is neither ends it
        if _reading_time(s):
            reading += 1
        elif _stamp_segment(s, lex):
            stamps += 1
        else:
            return None
    if reading and not stamps:
        return "shape:reading_time"
    if reading or _PUBLISHED.search(norm) or _CLOCK.search(norm):
        return "shape:published_stamp"  # (or a date with its clock time: "<date> على الساعة 13:28")
    return None


# "نشر بواسطه <name> في <time>", "Posted by <name> at <time>", "Publié par <name> le <date>": the
# platform's author line (Blogger, WordPress), a byline.
_POSTED_BY = regex.compile(
    r"^\W*(?:نشر|نشرت|نشره|نشرها|كتب|كتبه|كتبته|اضيف|posted|published|written|publi[eé])\s+"
    r"(?:بواسطه|من قبل|by|par)\s+(?P<rest>.+)$",
    regex.IGNORECASE,
)
_POSTED_AT = regex.compile(r"\s(?:في|يوم|بتاريخ|on|at|le|à|a)\s", regex.IGNORECASE)


def _posted_by(norm: str, lex: _Lexicons) -> bool:
    """A platform's author line: a posting verb, "by", a name of one to five words with no number,
    and at most a stamp after ``في``/``on``/``at``/``le``."""
    m = _POSTED_BY.match(norm)
    if not m:
        return False
    parts = _POSTED_AT.split(" " + m["rest"].strip() + " ", maxsplit=1)
    name = regex.findall(r"[\p{L}.]+", parts[0])
    if not 1 <= len(name) <= 5 or any(c.isdigit() for c in parts[0]):
        return False
    return len(parts) == 1 or not parts[1].strip() or _stamp_segment(parts[1], lex)


# A log-in or subscription prompt: a lock, or a line opened by a log-in imperative.
_LOCK = regex.compile(r"[\U0001F512\U0001F510\U0001F511]")
_LOGIN_OPENER = regex.compile(
    r"^\W*(?:سجل دخولك|سجل الدخول|قم بتسجيل الدخول|يرجي تسجيل الدخول|log in|sign in|"
    r"connectez[- ]vous|identifiez[- ]vous)(?!\w)",
    regex.IGNORECASE,
)
_LOGIN_WORD = regex.compile(
    r"(?<!\w)(?:سجل|تسجيل|الدخول|دخولك|اشترك|اشتراك|مشترك|مشتركا|للمشتركين|log in|sign in|subscribe|"
    r"subscribers?|abonn\w*|connect\w*)(?!\w)",
    regex.IGNORECASE,
)
# A short link to the page: "رابط مختصر: <url>", "Short link: <url>", "Lien court : <url>".
_SHORT_LINK = regex.compile(
    r"^\W*(?:(?:ال)?رابط\s+(?:ال)?مختصر|رابط\s+الخبر|رابط\s+المقال|short\s*link|shortlink|lien\s+court)\s*"
    r"[:：\-–—]?\s*(?:\S+)?\s*$",
    regex.IGNORECASE,
)
# A site's note on what it prints ("تنويه: <this content is for information only>"), or its disclaimer.
_DISCLAIMER = regex.compile(
    r"^\W*(?:تنويه|اخلاء (?:ال|لل)?مسؤوليه|disclaimer|avertissement)\s*[:：]", regex.IGNORECASE
)
# The note on the writer: "عن الكاتب: <bio>", "عن الكاتبه", "About the author:".
_ABOUT_WRITER = regex.compile(
    r"^\W*(?:عن (?:ال)?(?:كاتب|كاتبه|مؤلف|مؤلفه|محرر|محرره)|نبذه عن (?:ال)?(?:كاتب|كاتبه)|about the author|"
    r"l'auteur|a propos de l'auteur|à propos de l'auteur)\s*[:：]",
    regex.IGNORECASE,
)
# A comment box's opener: "أضف تعليقا (...)", "اترك رأيك", "Réagissez à cet article"; and "comments
# closed".
_FORM_OPENER = regex.compile(
    r"^\W*(?:(?:اترك|اضف|اكتب|شاركنا|شارك)\s+(?:تعليقا|تعليقك|تعليق|رايك|ردا|ردك)|"
    r"(?:ال)?تعليقات\s+(?:مغلقه|مقفله|متوقفه|معطله)|r[ée]agissez|laisser un commentaire|"
    r"comments are closed|commentaires ferm[ée]s)(?!\w)",
    regex.IGNORECASE,
)


# Share links run together by the scraper: "Share on facebookShare on twitter...", "شارك عبر فيسبوك شارك عبر".
_SHARE_ON = regex.compile(r"share\s+(?:on|via)|partager\s+sur|(?<!\w)شارك\s+(?:عبر|على|علي)(?!\w)", regex.I)


def _post_signature(norm: str, lex: _Lexicons) -> bool:
    """Facebook's "Posted by <page> on <date>" under an embedded post is the post's, not the page's."""
    return lex.post_signature is not None and bool(lex.post_signature.search(norm))


def _web_furniture(line: _Line, lex: _Lexicons, p: _Params) -> tuple[str, str] | None:
    """Label and rule of a line of generic web furniture, decided by the line alone, or None.

    >>> from newsstudy.clean.features import _make_line
    >>> from newsstudy.clean.lexicons import _lexicons
    >>> _web_furniture(_make_line("نُشر: 3 مايو 2024 · 10:15 ص | قراءة في 4 دقائق"), _lexicons(), _Params())
    ('nav', 'shape:published_stamp')
    >>> _web_furniture(_make_line("قال الوزير إن القرار نشر يوم 3 مايو"), _lexicons(), _Params()) is None
    True
    """
    norm, n = line.norm, line.n_words
    if n > 40:
        return None
    if len(_SHARE_ON.findall(norm)) >= 2:
        return "nav", "shape:share_bar"
    if line.has_digit:
        rule = _published_stamp(norm, n, lex)
        if rule:
            return "nav", rule
        if n <= 12 and _PUBLISHED_IN.search(norm):
            return "nav", "shape:published_in"
    if n <= 12 and _POSTED_BY.match(norm) and _posted_by(norm, lex) and not _post_signature(norm, lex):
        return "credit", "shape:posted_by"
    if n <= 8 and _SHORT_LINK.match(norm):
        return "nav", "shape:short_link"
    if n <= 30 and not _FINAL_STOP.search(norm) and _LOCK.search(line.raw) and _LOGIN_WORD.search(norm):
        return "login_wall", "shape:login_prompt"
    if n <= 20 and _LOGIN_OPENER.match(norm) and not _FINAL_STOP.search(norm):
        return "login_wall", "shape:login_prompt"
    if n <= 40 and _DISCLAIMER.match(norm):
        return "nav", "shape:disclaimer"
    if _ABOUT_WRITER.match(norm):
        return "credit", "shape:about_writer"
    if n <= 15 and _FORM_OPENER.match(norm):
        return "comment_form", "shape:comment_form_opener"
    return None


# ---------------------------------------------------------------------------- passes over a document
# "More from <section>" over a box of links: "المزيد من محليات", "المزيد من أخبار الرياضة" (a verb of
# browsing before it, "تصفح المزيد من ...", is a link of its own and stays lexicon:browse_more).
_MORE_FROM = regex.compile(r"^\W*المزيد\s+من\s+(?:[\p{L}\d]+\s*){1,3}\s*[:»>]*\s*$")


def _more_from_headers(lines: list[_Line], lex: _Lexicons, p: _Params) -> None:
    """A "more from <section>" link with a headline-like line right under it (blank lines skipped) is
    the header of a box of links (``shape:more_from_header``, ``related``), which opens a related block
    for the structure pass; alone (nothing listed under it) it stays a link (``nav``)."""
    for i, line in enumerate(lines):
        if line.rule != "lexicon:browse_more" or not _MORE_FROM.match(line.norm):
            continue
        nxt = next((ln for ln in lines[i + 1 :] if ln.label != "blank"), None)
        if nxt is not None and nxt.label in ("content", "related") and _headline_like(nxt, lex, p):
            line.label, line.rule = "related", "shape:more_from_header"


# A comment's header: the commenter's name (one to four words, no number), a dash, a date and a clock
# time ("<name> — 24/03/2019 à 21:14: <text>", "<name> - 18/06/2014 - 11:40"); or the name and a verb of
# saying closed by dots or a colon ("<name> يقول...", "<name> said:"), as blog platforms print it.
_DATE = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
_TIME = r"\d{1,2}[:h]\d{2}(?:\s*(?:ص|م|am|pm))?"
_COMMENT_HEADER = regex.compile(
    rf"^\W*(?P<name>[^\d:|]{{2,40}}?)\s+[\-–—]\s+{_DATE}\s*(?:à|a|في|at|on|[\-–—,،])?\s*{_TIME}\s*"
    rf"(?:[:\-–—]\s*(?P<text>.*))?$",
    regex.IGNORECASE,
)
_SAYS_HEADER = regex.compile(
    r"^\W*(?P<name>(?:\S+\s+){0,5}?\S+)\s+(?:يقول|تقول|كتب|كتبت|قال|قالت|says|said|wrote|a dit|a écrit)\s*"
    r"(?:\.{2,}|…|:)\s*$",
    regex.IGNORECASE,
)
# A comment printed as "<name>: <text>" under a comment count or another comment (one to three words
# before the colon, no number).
_NAMED_COMMENT = regex.compile(r"^\W*(?P<name>[^\d:،,.]{2,30}?)\s*:\s+\S")
_THREAD_FOLLOW_LINES = 3


def _comment_header(line: _Line) -> bool:
    """Whether a line opens a comment: a name with a date and a time, or a name and a verb of saying."""
    if line.n_words > 60:
        return False
    # Each pattern tried only on lines that hold what it needs: a digit (the date), a colon or dots.
    m = _COMMENT_HEADER.match(line.norm) if line.has_digit else None
    if m and 1 <= len(m["name"].split()) <= 4:
        return True
    norm = line.norm
    if ":" not in norm and "…" not in norm and ".." not in norm:
        return False
    m = _SAYS_HEADER.match(norm)
    return bool(m) and len(m["name"].split()) <= 4


def _comment_threads(lines: list[_Line], p: _Params) -> None:
    """Comment threads under the story (``context:comment_thread``, ``comment_form``).

    After the article's first line of body text, a comment's header (:func:`_comment_header`) and the
    short lines under it, up to the next header (at most three text lines of at most 60 words each, a
    stamp among them), are the thread; so is a ``<name>: <text>`` line right under a comment count, a
    comment box or another comment. Only where the page shows two headers or a comment box: one dated
    name alone proves no thread."""
    body = next(
        (i for i, ln in enumerate(lines) if ln.label == "content" and ln.n_words >= p.body_min_words), None
    )
    if body is None:
        return
    heads = [
        i for i in range(body + 1, len(lines)) if lines[i].label != "blank" and _comment_header(lines[i])
    ]
    has_form = any(ln.label == "comment_form" for ln in lines[body + 1 :])
    if heads and (len(heads) >= 2 or has_form):
        _take_thread(lines, heads)
    # "<name>: <text>" under a comment count, a comment box or another comment.
    last = None
    for i in range(body + 1, len(lines)):
        line = lines[i]
        if line.label == "blank":
            continue
        if (
            last is not None
            and last.label == "comment_form"
            and line.label in ("content", "related", "nav")
            and _in_thread(line)
            and line.n_words <= 60
            and (m := _NAMED_COMMENT.match(line.norm))
            and 1 <= len(m["name"].split()) <= 3
        ):
            line.label, line.rule = "comment_form", "context:comment_thread"
        last = line


def _take_thread(lines: list[_Line], heads: list[int]) -> None:
    """Label each comment header and the short lines under it, up to the next header."""
    head_set = set(heads)
    for h in heads:
        lines[h].label, lines[h].rule = "comment_form", "context:comment_thread"
        taken = 0
        for j in range(h + 1, len(lines)):
            line = lines[j]
            if line.label == "blank":
                continue
            if j in head_set or taken >= _THREAD_FOLLOW_LINES or line.n_words > 60:
                break
            stamp = line.rule in ("shape:stamp", "shape:published_stamp")
            if not stamp and (line.label not in ("content", "related", "nav") or not _in_thread(line)):
                break
            line.label, line.rule = "comment_form", "context:comment_thread"
            taken += 1


def _in_thread(line: _Line) -> bool:
    """A line a thread can hold: one that a rule of text (no lexicon or structure of other furniture)
    left as content, or took for an injected headline or a stray line outside the article."""
    return line.label == "content" or line.rule.startswith(
        ("structure:injected_headline", "context:outside_article", "model:furniture", "structure:subhead")
    )


# A photo credit line (caption_patterns.txt) and the caption's text printed right next to it.
_CREDIT_CAPTION = regex.compile(r"^\W*(?:foto|fotos|photo|cr[ée]dits?\s+photos?|الصوره|تصوير|📷|📸)", regex.I)


# Rules that keep a line as text without reading it as a sentence (no rule, or a subheading's shape).
_TEXT_RULES = ("default:content", "structure:subhead", "structure:wrapped_paragraph")


def _captions_beside_credits(lines: list[_Line], p: _Params) -> None:
    """The caption's text next to a photo credit (``context:beside_photo_credit``, ``caption``): a short
    content line (at most ``unmarked_caption_max_words`` + 5 words, no final stop) right under or over a
    caption line opened by a photo-credit word (``Foto:``, ``تصوير:``, a camera symbol), with no blank
    between, is what the photo shows."""
    limit = p.unmarked_caption_max_words + 5
    for i, line in enumerate(lines):
        if line.label != "caption" or not _CREDIT_CAPTION.match(line.norm):
            continue
        for j in (i + 1, i - 1):
            if not 0 <= j < len(lines):
                continue
            other = lines[j]
            if (
                other.label == "content"
                and other.rule.startswith(_TEXT_RULES)
                and 3 <= other.n_words <= limit
                and not _FINAL_STOP.search(other.norm)
            ):
                other.label, other.rule = "caption", "context:beside_photo_credit"
                break


# A caption closed by the site's own name in brackets: "<what it shows> (<site>)".
_BRACKETED_END = regex.compile(r"\((?P<name>[^()\d]{3,30})\)\W*$")


def _captions_with_site_credit(lines: list[_Line], p: _Params) -> None:
    """A caption credited to the site (``context:caption_with_site_credit``, ``caption``): a short content
    line (3 to ``unmarked_caption_max_words`` + 5 words, no final stop, kept by no sentence rule), not
    the headline, closed by two or three words in brackets that the page prints again on a line of
    its furniture (its masthead, dateline, copyright or footer: a nav, credit or dateline line). A
    story's line names a source in brackets too, but a source is not printed in the page's chrome; one
    word in brackets (``(رواية)``, a book's genre in a list of its details) is no name."""
    limit = p.unmarked_caption_max_words + 5
    chrome = [ln.norm for ln in lines if ln.label in ("nav", "credit", "dateline")]
    if not chrome:
        return
    for line in lines:
        # (a short line the structure pass took for another story's headline: a listed headline does not
        # carry the site's own name in brackets)
        injected = line.label == "related" and line.rule.startswith("structure:injected_headline")
        if (
            not (injected or (line.label == "content" and line.rule.startswith(_TEXT_RULES)))
            or not 3 <= line.n_words <= limit
            or _FINAL_STOP.search(line.norm.rstrip(") "))
        ):
            continue
        m = _BRACKETED_END.search(line.norm)
        if not m or not 2 <= len(m["name"].split()) <= 3:
            continue
        name = m["name"].strip()
        if any(name in other for other in chrome):
            line.label, line.rule = "caption", "context:caption_with_site_credit"
