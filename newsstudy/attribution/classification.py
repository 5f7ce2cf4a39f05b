"""Classification of a source phrase: its ``source_type``, its entity, its gender (ANNOTATION.md 3).

:func:`_classify` reads a phrase (normalised words) by its head noun (``heads.tsv``), the outlet
table, titles and honorifics, given names and the gazetteer; a phrase that fits none of them is no
source. :func:`_affiliation` finds the entity a phrase names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from newsstudy.attribution import gazetteer
from newsstudy.attribution.lexicon import _NOT_NAME_STARTS, _Lexicon, _lexicon, _Outlet

#: Second parts of compound names that are names whatever their first part (عطا الله، عز الدين).
_THEOPHORIC_ENDS = frozenset({"الله", "الدين"})
_QUANTIFIERS = frozenset(
    "ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره عشر اثنان اثنين عدد بعض احد مجموعه كبار اخر من "
    "كثير العديد عديد معظم غالبيه اغلب جميع كافه "
    # the feminine forms, before a feminine plural (إحدى الطالبات، ثلاث ناشطات)
    "احدي ثلاث اربع خمس سبع تسع اثنتان اثنتين".split()
)
#: God as the speaker of a Quranic verse (``قال تعالى``, ``يقول الله عز وجل``): the scripture is cited.
_SCRIPTURE = frozenset(
    {"تعالي", "الله تعالي", "الله عز وجل", "الله سبحانه وتعالي", "سبحانه وتعالي", "عز وجل"}
)
#: "One of them", "some of them" (أحدهم، إحداهن، بعضهم): an unnamed person of a group, never a name.
_ONE_OF_THEM = frozenset({"احدهم", "احداهم", "احداهن", "احدهما", "احداهما", "بعضهم", "احدهن"})
#: Adjectives of a quantifier (عدد كبير من، عدد قليل من): part of the count, not a head (كبير is a title
#: only when it heads the phrase: كبير المفاوضين).
_QUANTITY_ADJECTIVES = frozenset({"كبير", "قليل", "محدود", "متزايد"})
_VERBLIKE = regex.compile(r"[يت]\p{L}{2,}(?:ون|ان|ين)")
_NAME_CHARS = regex.compile(r"[\p{L}_]+")  # hashtags join names with _: برنارد_أوغستين
#: Second parts of compound given names (نور الدين، عطا الله، عبد الرحمن): a definite word that is no
#: construct state after a given name.
_COMPOUND_NAME_ENDS = frozenset({"الدين", "الله", "الرحمن", "الرحيم", "العزيز", "الكريم", "الحق", "الاسلام"})
_MAX_SV_TOKENS = 8
#: Given names that open a two-word given name with a definite word (عبد الله، أبو الحسن).
_NAME_OPENERS = frozenset({"عبد", "ابو"})


def _bare(word: str, lex: _Lexicon) -> list[str]:
    """Candidate dictionary forms of a word: itself, and with the clitics و ف ب ل and ال removed."""
    cands = [word]
    for pre in ("و", "ف", "ب", "ل"):
        if word.startswith(pre) and len(word) > 3:
            cands.append(word[1:])
    more = []
    for c in cands:
        if c.startswith("ال") and len(c) > 3:
            more.append(c[2:])
        if c.startswith("لل") and len(c) > 3:
            more.append(c[2:])
    return cands + more


def _head(word: str, lex: _Lexicon) -> tuple[str, str] | None:
    """The head-noun class and gender of a word (or of it without its clitics), if it is a head noun.

    Asked many times for the same words, and pure, so memoised (bounded) for the package lexicon.
    """
    if lex is not _lexicon():
        return _head_plain(word, lex)
    return _head_cached(word)


@lru_cache(maxsize=1 << 16)
def _head_cached(word: str) -> tuple[str, str] | None:
    return _head_plain(word, _lexicon())


def _head_plain(word: str, lex: _Lexicon) -> tuple[str, str] | None:
    for c in _bare(word, lex):
        if c in lex.heads:
            return lex.heads[c]
    for c in _bare(word, lex):
        # the accusative of a person's head with its tanween alef (غير أن مسؤولاً في الديوان، لكن مصدرا
        # مطلعا): the subject of إن and its sisters, or a verb's object, is written so
        if c.endswith("ا") and len(c) > 4 and lex.heads.get(c[:-1], ("",))[0] in _PERSON_HEADS:
            return lex.heads[c[:-1]]
    for c in _bare(word, lex):
        # the feminine of a person's head noun (الخبيرة، مستشارة) is that head, feminine
        # (not of a broken plural, gender p: تجارة "trade", عمالة "labour")
        if (
            c.endswith("ه")
            and lex.heads.get(c[:-1], ("", "p"))[0] in _PERSON_HEADS
            and lex.heads[c[:-1]][1] != "p"
        ):
            return lex.heads[c[:-1]][0], "f"
    for c in _bare(word, lex):
        # an officer of a body named by a possessive pronoun (مديرتها، رئيسها، ممثلهم: its director)
        if c.endswith(_POSSESSIVES) and len(c) > 4:
            stem = c[:-2]
            stem = stem[:-1] + "ه" if stem.endswith("ت") else stem  # مديرتها: مديرة + ها
            found = _head_plain(stem, lex) if not stem.endswith(_POSSESSIVES) else None
            if found is not None and found[0] in ("official", "title"):
                return found
    return None


#: The possessive pronouns of a body (ها، هم) on an officer's head noun; not ه, which is also ة.
_POSSESSIVES = ("ها", "هم")


#: Head classes of people, whose feminine in ة heads a phrase too.
_PERSON_HEADS = frozenset({"official", "title", "source"})


def _is_definite(word: str) -> bool:
    return word.startswith(("ال", "وال", "فال", "بال", "لل"))


def _namelike(word: str, lex: _Lexicon, *, strict: bool = True) -> bool:
    """A word that can be part of a personal name: letters, no article, not vocabulary or lexicon.

    ``strict`` also rejects common nouns (words that take the article elsewhere in news text); after an
    official's title a name is expected, so there names that are also words (محمود، نزال) are allowed.
    Pure and asked often for the same words, so memoised (bounded) for the package lexicon.
    """
    if lex is not _lexicon():
        return _namelike_plain(word, lex, strict=strict)
    return _namelike_cached(word, strict)


@lru_cache(maxsize=1 << 16)
def _namelike_cached(word: str, strict: bool) -> bool:
    return _namelike_plain(word, _lexicon(), strict=strict)


def _namelike_plain(word: str, lex: _Lexicon, *, strict: bool = True) -> bool:
    """:func:`_namelike` computed afresh."""
    if not word or not _NAME_CHARS.fullmatch(word) or len(word) < 2:
        return False
    if _is_definite(word) or word in lex.vocabulary or word in lex.verb_words or _VERBLIKE.fullmatch(word):
        return False
    if (strict and word in lex.common_nouns) or word.endswith(("ها", "هم", "هما")):
        return False  # names take neither the article elsewhere in news text nor possessive pronouns
    if _head(word, lex) is not None or lex.adjective_re.fullmatch(word) or lex.name_re.fullmatch(word):
        return word in lex.person_names
    return True


@dataclass
class _Source:
    text: str  # normalised source phrase (for display the raw span is used)
    source_type: str
    affiliation: str
    outlet: str | None = None
    gender: str = "m"
    cls: str = ""  # the head class used for anaphora
    raw: str = ""


def _is_name(word: str, lex: _Lexicon) -> bool:
    """Whether ``word`` is a gazetteer name (after a clitic): ``name_re.fullmatch``, gated."""
    return lex.name_re.fullmatch(word) is not None


def _outlet_at(words: list[str], lex: _Lexicon) -> tuple[_Outlet, int] | None:
    """An outlet named at the start of ``words``: the outlet and the number of words it covers."""
    joined = " ".join(words[:6]).lower()
    m = lex.outlet_re.match(joined)
    if m is None:
        return None
    return lex.outlets[m.group("o")], len(m.group().split())


def _outlet_label(outlet: _Outlet | None) -> str:
    """The entity an outlet speaks for: its country's ISO code (``unknown`` when none is given)."""
    if outlet is None or not outlet.country:
        return "unknown"
    return outlet.country


#: Nouns after which a nationality adjective is one (``السفير قطري الجنسية`` "of Qatari nationality").
_ORIGIN_NOUNS = frozenset({"الجنسيه", "الاصل", "المولد", "المنشا"})


def _given_name_after_title(words: list[str], i: int, lex: _Lexicon) -> bool:
    """Whether ``words[i]``, spelled like a nationality adjective, is a given name here.

    It is when a title or honorific (``titles.tsv``, or a definite title of ``heads.tsv``) stands just
    before it and a name-like word just after it: ``الأمير تركي الفيصل``, ``العقيد الركن تركي المالكي``
    name a man called Turki, not someone of Turkey (``مسؤول تركي كبير`` is still Turkish).
    """
    if i == 0 or i + 1 >= len(words):
        return False
    before = words[i - 1]
    titled = before in lex.titles or (i >= 2 and f"{words[i - 2]} {before}" in lex.titles)
    if not titled and _is_definite(before):
        head = _head(before, lex)
        titled = head is not None and head[0] == "title"
    if not titled:
        return False
    nxt = words[i + 1]
    if nxt in _ORIGIN_NOUNS or nxt in lex.vocabulary or _head(nxt, lex) is not None:
        return False
    if _namelike(nxt, lex, strict=False):
        return True
    # a family name with the article (الفيصل، المالكي) that is no adjective or place
    return _is_definite(nxt) and not lex.adjective_re.fullmatch(nxt) and not lex.name_re.fullmatch(nxt)


#: ``مطلع على``: what an informed source knows of (the talks, a summit and its venue), not whom it speaks for.
_INFORMED = frozenset(
    {"مطلع", "مطلعه", "مطلعون", "مطلعين", "مطلعو", "المطلع", "المطلعه", "المطلعون", "المطلعين"}
)


def _topic_of_informed(words: list[str]) -> list[str]:
    """The words before ``مطلع(ة) على ...`` (``مصادر دبلوماسية مطلعة على مفاوضات القمة في <city>``):
    the topic a source is informed on names no affiliation, its venue no country.

    >>> _topic_of_informed(["مصادر", "مطلعه", "علي", "مفاوضات", "القمه"])
    ['مصادر']
    >>> _topic_of_informed(["مصدر", "مطلع"])
    ['مصدر', 'مطلع']
    """
    for i, w in enumerate(words[:-1]):
        if w in _INFORMED and words[i + 1] == "علي":
            return words[:i]
    return words


def _portfolio_adjective(words: list[str], i: int, lex: _Lexicon) -> bool:
    """Whether the adjective ``words[i]`` qualifies the portfolio of a state office (``وزير التعاون
    الدولي``, ``وزارة التعاون الدولي``) and so names no affiliation: its entity is no country, the word
    before it is a definite noun that is no head (the caller checks that the phrase opens with a
    state office)."""
    if i < 2:
        return False
    m = lex.adjective_re.fullmatch(words[i])
    if m is None or lex.adjectives[m.group("a")] in _country_codes():
        return False
    prev = words[i - 1]
    return _is_definite(prev.removeprefix("و")) and _head(prev, lex) is None


#: Words of origin: before a nationality adjective (``من أصل سوري``) and after it (``اللبنانية الأصل``).
_ORIGIN_WORDS = ("اصل", "اصول", "الاصل", "الاصول")


def _affiliation(words: list[str], lex: _Lexicon) -> str | None:
    if "علي" in words:
        words = _topic_of_informed(words)
    if len(words) > 2 and any(c in lex.state_offices for c in _bare(words[0], lex)):
        words = ["_" if _portfolio_adjective(words, i, lex) else w for i, w in enumerate(words)]
    # An origin (``من أصل سوري``, ``اللبنانية الأصل``, ``من أصول مغربية``) is where a person's family comes
    # from, not whom they speak for: its adjectives name no affiliation.
    if any(w in _ORIGIN_WORDS for w in words):
        words = [
            "_"
            if (i and words[i - 1] in _ORIGIN_WORDS[:2])
            or (i + 1 < len(words) and words[i + 1] in _ORIGIN_WORDS[2:])
            else w
            for i, w in enumerate(words)
        ]
    # A given name spelled like an adjective after a title (الأمير تركي الفيصل) names no affiliation:
    # it is blanked out before the patterns are read.
    if any(w in lex.adjectives for w in words[1:-1]):
        words = [
            "_" if w in lex.adjectives and _given_name_after_title(words, i, lex) else w
            for i, w in enumerate(words)
        ]
    # لل + a definite name (للأمم المتحدة) is ل + ال...: written so, the name's pattern finds it.
    text = " ".join("لا" + w[1:] if w.startswith("لل") else w for w in words)
    best: tuple[int, str] | None = None
    m = lex.adjective_re.search(text)  # the first match
    if m is not None:
        best = (m.start(), lex.adjectives[m.group("a")])
    m = _first_name(text, lex)
    start = None if m is None else m.start()
    if any(w.startswith("لل") for w in words):
        # a name that holds لل itself (منظمة الخليج للاستشارات الصناعية, المفوضية السامية للأمم المتحدة
        # لشؤون اللاجئين), as written: it wins where it starts no later than the name found in the other
        # spelling and is longer (the agency, not the UN its name holds)
        written = " ".join(words)
        m2 = lex.name_re.search(written)
        if m2 is not None:
            at = written[: m2.start()].count(" ")
            word_start = len(" ".join(text.split(" ")[:at])) + (1 if at else 0)
            if m is None or (word_start <= m.start() and len(m2.group(0).split()) > len(m.group(0).split())):
                m, start = m2, word_start
    if m is not None and (best is None or start < best[0]):
        best = (start, lex.names[m.group("n")][0])
    return None if best is None else best[1]


def _first_name(text: str, lex: _Lexicon) -> regex.Match | None:
    """The first gazetteer name of a phrase (``lex.name_re``), but for a person's name right after a
    noun of a place or body named after someone (``جامعة <name>``, :data:`_NAMED_AFTER`): no mention of
    that person, whom the gazetteer may list under the same surname; nor a one-word place right after a
    given name, which is the person's family name (``محمد يوسف عدن``).

    >>> lex = _lexicon()
    >>> _first_name("استاذ في جامعه بايرو في كانو", lex).group("n")
    'كانو'
    >>> _first_name("مكتب ماكرون", lex).group("n")
    'ماكرون'
    >>> _first_name("مديره الطبيب محمد يوسف عدن", lex) is None, _first_name("محافظ عدن", lex) is None
    (True, False)
    """
    for m in lex.name_re.finditer(text):
        name = m.group("n")
        before = text[: m.start()].split()[-1:]
        if lex.names[name][1] == "person":
            if before and any(c in _NAMED_AFTER for c in _bare(before[0], lex)):
                continue
        elif before and before[0] in lex.given_names and " " not in name and name in gazetteer.place_forms():
            continue  # محمد يوسف عدن: a family name spelled like a town, after a given name
        return m
    return None


#: Nouns of the places and bodies Arabic names after people (جامعة، مستشفى، مطار، شارع <name>): the
#: person's name after one of them names the place, not the person (مكتب، إدارة، حكومة <name> are the
#: person's own office and stay theirs).
_NAMED_AFTER = frozenset(
    "جامعه مستشفي معهد مسجد مدرسه كليه مطار شارع ميدان جائزه ملعب مدينه قاعده جسر".split()
)


#: Prepositions of place: a place after one of them says where a source is (``متعامل في الكويت``).
_LOCATIVES = frozenset({"في", "داخل", "قباله"})


def _unplaced(words: list[str], lex: _Lexicon) -> list[str]:
    """The words of a phrase before the first place (a country, capital or city: ``gazetteer.place_forms``)
    that a preposition of place introduces (``في``, ``داخل``, ``قبالة``, ``بـ``): ``مدير صندوق في الكويت``,
    ``مصدر في قطاع النفط بأربيل``. A source that speaks for no body is only located by such a place.

    >>> _unplaced(["متعامل", "في", "ابوظبي"], _lexicon()), _unplaced(["مصدر", "في", "الحكومه"], _lexicon())
    (['متعامل'], ['مصدر', 'في', 'الحكومه'])
    """
    places = gazetteer.place_forms()
    for i in range(1, len(words)):
        w = words[i]
        if w in _LOCATIVES and i + 1 < len(words):
            rest = words[i + 1 :]
        elif w.startswith("ب") and len(w) > 3:
            rest = [w[1:], *words[i + 1 :]]
        else:
            continue
        m = lex.name_re.match(" ".join(rest))
        if m is not None and m.start() == 0 and m.group("n") in places:
            return words[:i]
    return words


def _placed_affiliation(words: list[str], aff: str | None, lex: _Lexicon) -> str | None:
    """The affiliation of a source that speaks for no body (an unnamed non-official source, a diplomat):
    what its phrase names before a place it is in (``عامل إغاثة في مقديشو``: none; ``دبلوماسي في
    <capital>``: none, a diplomat is posted abroad), else ``aff``."""
    if aff is None or len(words) < 3:
        return aff
    kept = _unplaced(words, lex)
    return aff if len(kept) == len(words) else _affiliation(kept, lex)


def _has_name_after(words: list[str], lex: _Lexicon) -> bool:
    """Two name-like words in a row after the head noun: ``المتحدث باسم البيت الأبيض جون كيربي``."""
    run = 0
    governed = False  # the run of name-like words opens right after a preposition: its object
    for i, w in enumerate(words[1:], start=1):
        # a first name and an al- family name ending the phrase (يوسف المحمود), or anywhere in it when the
        # first name is a known given name (المتحدث باسم الحكومة يوسف المحمود قرار الحكومة ...)
        if (
            run
            and not governed
            and (i == len(words) - 1 or words[i - 1] in lex.given_names)
            and _is_definite(w)
            and _head(w, lex) is None
        ):
            if not lex.adjective_re.fullmatch(w) and not lex.name_re.fullmatch(w):
                return True
        # a foreign surname spelled like an imperfect (يوهانسون) ends a name that a name-like word opens
        last = run and i == len(words) - 1 and _foreign_surname(w, lex)
        if last or _namelike(w, lex, strict=False) or (not run and _al_given_name(words[i:], lex)):
            if not run:
                # موظفة في قطاع الضيافة: the words after a preposition are its object, not a name
                governed = words[i - 1] in _NOT_NAME_STARTS
            run += 1
        else:
            run = 0
        if run >= 2 and not governed:
            return True
    return False


def _foreign_surname(word: str, lex: _Lexicon) -> bool:
    """A word shaped like a verb's imperfect plural or dual (``يوهانسون``, ``تيرسون``) that no verb form of
    the lexicon spells and no vocabulary word is: after a given name, a foreign surname."""
    return (
        len(word) >= 6
        and _VERBLIKE.fullmatch(word) is not None
        and word not in lex.verb_words
        and word not in lex.vocabulary
    )


def _appositive_head(word: str, lex: _Lexicon) -> bool:
    """Whether a name in apposition may follow a phrase headed by ``word``: an official's or a title's
    head noun (``المتحدثة باسم الشركة، <name>،``), or a definite singular private role (``المحلل في بنك
    <name of bank>، <name>،``: ``private_roles.txt``); not a plain source noun (``مصدر مطلع، ...``)."""
    head = _head(word, lex)
    if head is None:
        return False
    if head[0] in ("official", "title"):
        return True
    return (
        head[0] == "source"
        and _is_definite(word.removeprefix("و"))
        and not _plural(word)
        and any(c in lex.private_roles for c in _bare(word, lex))
    )


def _appositive_name(words: list[str], lex: _Lexicon) -> bool:
    """Whether the words between two commas after a role are a personal name: name-like words or al-
    surnames (no adjective), the first one name-like. After the first, a foreign surname that looks like
    a verb's imperfect (``يوهانسون``: no verb form of the lexicon) and the name ``علي`` last (spelled as
    the preposition in matching form) are parts of the name too.

    >>> lex = _lexicon()
    >>> _appositive_name(["ايبا", "يوهانسون"], lex), _appositive_name(["ادريس", "ماهر", "علي"], lex)
    (True, True)
    >>> _appositive_name(["في", "بيان"], lex), _appositive_name(["علي", "هامش"], lex)
    (False, False)

    A foreign given name written with أل (``أليخاندرو``, ``ألكسندر``) reads in matching form as a word with
    the article; it opens the name when no word of the corpora is so spelled (with or without the
    article) and a name-like word follows it (:func:`_al_given_name`).

    >>> _appositive_name(["اليخاندرو", "راميريث"], lex), _appositive_name(["الحكومه", "الجديده"], lex)
    (True, False)
    """
    if not words or not (_namelike(words[0], lex, strict=False) or _al_given_name(words, lex)):
        return False
    for i, w in enumerate(words):
        if _namelike(w, lex, strict=False) or (_is_definite(w) and not lex.adjective_re.fullmatch(w)):
            continue
        if i and w == "علي" and i == len(words) - 1:
            continue
        if i and _foreign_surname(w, lex):
            continue
        return False
    return True


def _al_given_name(words: list[str], lex: _Lexicon) -> bool:
    """Whether ``words`` open with a foreign given name in أل that matching spells like a definite word
    (``اليخاندرو راميريث``): the word is no common noun, vocabulary word, head, adjective or gazetteer
    name, with or without its ال, and a name-like word follows it."""
    w = words[0]
    return (
        len(words) > 1
        and w.startswith("ال")
        and len(w) >= 5
        and _NAME_CHARS.fullmatch(w) is not None
        and not any(c in lex.common_nouns or c in lex.vocabulary for c in (w, w[2:]))
        and _head(w, lex) is None
        and not lex.adjective_re.fullmatch(w)
        and not lex.name_re.fullmatch(w)
        and _namelike(words[1], lex, strict=False)
    )


def _titled_after(words: list[str], lex: _Lexicon) -> bool:
    """A title or honorific and a name after an official's head noun (``المتحدث باسم التحالف العقيد الركن
    تركي المالكي``): the office holder named in apposition."""
    return any(
        words[j] in lex.titles and _titled_person(words[j:], lex) is not None
        for j in range(1, len(words) - 1)
    )


def _indefinite_governing(words: list[str]) -> bool:
    """An indefinite official's head governing a preposition (``متحدث باسم الحركة``, ``مسؤولا في أحد
    المصارف``): an unnamed member of a body, after whom name-like words are the verb's object or the
    preposition's (``ونفى متحدث باسم الحركة وجود مجاعة``), not a name (a title before a name still
    names one: :func:`_titled_after`).

    >>> _indefinite_governing(["متحدث", "باسم", "الحركه", "وجود", "مجاعه"])
    True
    >>> _indefinite_governing(["المتحدث", "باسم", "الحركه", "سامي", "حداد"])
    False
    """
    return (
        len(words) > 2
        and not _is_definite(words[0])
        and not words[0].endswith(_POSSESSIVES)
        and (words[1] in _NOT_NAME_STARTS or words[1] == "باسم")
    )


def _indefinite_described(words: list[str]) -> bool:
    """An indefinite head with an indefinite nisba adjective (``دبلوماسي غربي``, ``مسؤول عربي``): an
    unnamed person, whom a relative clause may follow (``دبلوماسي غربي حضر الجلسات``), never a name.

    >>> _indefinite_described(["دبلوماسي", "غربي", "حضر", "الجلسات"])
    True
    >>> _indefinite_described(["المتحدث", "باسم", "الوزاره", "سامي", "حداد"])
    False
    """
    return (
        len(words) > 2
        and not _is_definite(words[0])
        and not _is_definite(words[1])
        and words[1].endswith(("ي", "يه"))
        and len(words[1]) > 3
        and words[1] not in ("اخري", "ثاني", "ثانيه")  # متحدثة أخرى هي الميجور ...: another, named
    )


@cache
def _country_codes() -> frozenset[str]:
    """The gazetteer's countries: a country, capital or city names a place, an organisation a body."""
    table = gazetteer.entities()
    return frozenset(table.loc[table["kind"] == "country", "entity"])


def _classify(words: list[str], lex: _Lexicon, *, headline: bool = False) -> _Source | None:
    """Classify a source phrase (normalised words, punctuation stripped), or None if it is not a source.

    The same phrases recur across a corpus (مصدر، وزارة الخارجية، a name), and the classification
    depends on the words and the lexicon alone, so it is memoised (bounded) for the package lexicon;
    the caller gets its own copy, which it may change.
    """
    if lex is not _lexicon():
        return _classify_plain(words, lex, headline=headline)
    src = _classify_cached(tuple(words), headline)
    return None if src is None else _copy(src)


@lru_cache(maxsize=1 << 15)
def _classify_cached(words: tuple[str, ...], headline: bool) -> _Source | None:
    return _classify_plain(list(words), _lexicon(), headline=headline)


#: Head nouns that are also "factor" (heads.tsv: عامل, a worker): a source only with a word after them
#: that is no adjective (عامل إغاثة، عامل في المصنع; not عامل آخر، عامل رئيسي, nor عامل alone).
_FACTOR = frozenset({"عامل"})


def _factor_reading(words: list[str]) -> bool:
    """Whether a phrase opened by a ``_FACTOR`` noun reads as "factor": nothing after it, or another
    (آخر) or a nisba adjective (رئيسي، أساسي) right after it.

    >>> _factor_reading(["عامل", "اخر"]), _factor_reading(["عامل", "اغاثه"])
    (True, False)
    """
    if len(words) < 2:
        return True
    nxt = words[1]
    return nxt in ("اخر", "مهم", "حاسم") or (not _is_definite(nxt) and nxt.endswith(("ي", "يه")))


def _classify_plain(words: list[str], lex: _Lexicon, *, headline: bool = False) -> _Source | None:
    """:func:`_classify` computed afresh."""
    words = [part for w in words if w for part in _split_abbreviation(w)]
    quantified = False
    while words and (
        words[0] in _QUANTIFIERS or words[0].isdigit() or (quantified and words[0] in _QUANTITY_ADJECTIVES)
    ):
        words, quantified = words[1:], True
    if not words:
        return None
    text = " ".join(words)
    aff = _affiliation(words, lex)
    if text in _SCRIPTURE or any(text.startswith(f"{p} ") for p in _SCRIPTURE):
        # قال تعالى: "...": a verse of the Quran is cited, a text with no speaker of the story
        return _Source(text, "document", "unknown", None, "m", "document")
    if words[0] in _ONE_OF_THEM:
        # وقال أحدهم: one of the people just mentioned, unnamed
        return _Source(text, "anonymous_source", aff or "unknown", None, "m", "source")
    if quantified and _people_plural(words[0], lex, ("ين", "ون")):
        # عدد من العاملين في القطاع، بعض المشاركين: a count of people, unnamed
        aff = _placed_affiliation(words, aff, lex)
        return _Source(text, "anonymous_source", aff or "unknown", None, "m", "source")
    found = _outlet_at(words, lex)
    if found:
        outlet = found[0]
        return _Source(text, "media_outlet", _outlet_label(outlet), outlet.canonical, "f", "outlet")
    first = words[0]
    head = _head(first, lex)
    if head is not None and _bare(first, lex)[-1] in _FACTOR and _factor_reading(words):
        return None  # ويشير عامل آخر إلى أن: a factor, no worker
    if head is not None:
        cls, gender = head
        if cls == "outlet":
            rest = _outlet_at(words[1:], lex)
            if rest is None and len(words) > 1 and len(words) > 2:
                rest = _outlet_at(words[2:], lex)
            if rest is not None:
                return _Source(
                    text, "media_outlet", _outlet_label(rest[0]), rest[0].canonical, gender, "outlet"
                )
            if "وكاله" in _bare(first, lex) and not _news_agency(words[1:3], lex):
                # وكالة موديز، وكالة الطاقة الدولية: an agency that is no news agency is a body
                return _Source(text, "institution", aff or "unknown", None, gender, "institution")
            return _Source(text, "media_outlet", aff or "unknown", None, gender, "outlet")
        if cls == "official":
            named = (
                (_has_name_after(words, lex) and not _indefinite_governing(words))
                or _titled_after(words, lex)
            ) and not _indefinite_described(words)
            kind = "named_person" if named else "anonymous_official"
            if (
                not named
                and aff is None
                and _bare(first, lex)[-1].startswith(_EMPLOYEE)
                and len(words) > 2
                and words[1] in _INSIDE
                and not _inside_state_body(words, lex)
                and _head(words[2], lex) is None
            ):
                # موظفة في قطاع الضيافة: an employee placed in a sector, in no state's office and no body
                # (موظفات في الشركة), is no official (ANNOTATION §3: officials are a body's members)
                kind = "anonymous_source"
            if not named and _bare(first, lex)[-1].startswith(_DIPLOMAT):
                aff = _placed_affiliation(words, aff, lex)
            if not named and aff in _REGIONAL_BLOCS and _regional_envoy(words, lex):
                aff = None
            return _Source(text, kind, aff or "unknown", None, gender, "official")
        if cls == "source":
            private = any(c in lex.private_roles for c in _bare(first, lex))
            if (
                any(w.startswith(_OFFICE_WORDS) for w in words[1:])
                or (_inside_state_body(words, lex) and not private)  # خبير في الاقتصاد: a field, no ministry
                or (len(words) > 1 and words[1] in lex.state_sectors)
            ):
                # مصدر يشغل منصباً في الحكومة: a source said to hold an office speaks as an official;
                # so does a source in (في، داخل، لدى، ب) a state's office or body (مصدر بوزارة المالية،
                # مصادر في البلدية), or one of a state's sectors (مصدر أمني، مصادر عسكرية,
                # ``state_sectors.txt``): an unnamed member of a body (ANNOTATION §3)
                return _Source(text, "anonymous_official", aff or "unknown", None, gender, "official")
            if (
                _bare(first, lex)[-1] not in _PLURAL_SOURCES
                and not _group_head(first, lex)
                and (
                    _name_right_after(words, lex)
                    # المحلل في بنك <name>، <given> <surname>: a private role and the name in apposition
                    or (_appositive_head(first, lex) and _has_name_after(words, lex))
                )
            ):
                # الباحث يوسف العمري، الناشطة ريم أحمد: a role and the name of the one who holds it
                return _Source(text, "named_person", aff or "unknown", None, gender, "person")
            aff = _placed_affiliation(words, aff, lex)
            return _Source(text, "anonymous_source", aff or "unknown", None, gender, "source")
        if cls == "document":
            issuer = _issuer(words, lex)
            if issuer is not None:
                issuer.text, issuer.cls = text, "document"
                issuer.affiliation = aff or issuer.affiliation
                return issuer
            return _Source(text, "document", aff or "unknown", None, gender, "document")
        if cls == "institution":
            if (
                aff is None
                and _is_definite(first)
                and not (len(words) > 1 and _is_definite(words[1]) and words[1].endswith(("ي", "يه")))
            ):
                # السلطنة alone: a state named by its title, unique in Arabic news to one state (not
                # with an adjective of its own: السلطنة العثمانية)
                aff = _UNIQUE_STATE_TITLES.get(_bare(first, lex)[-1])
            return _Source(text, "institution", aff or "unknown", None, gender, "institution")
        if cls == "title":
            unnamed = _unnamed_title(words, lex)
            if unnamed is not None:
                # مدير صندوق في الكويت، مندوب خليجي: an indefinite title with no name is someone unnamed
                if unnamed == "anonymous_source":
                    aff = _placed_affiliation(words, aff, lex)
                if aff in _REGIONAL_BLOCS and _regional_envoy(words, lex):
                    aff = None  # مندوب خليجي: a Gulf state's delegate, not the GCC's
                return _Source(text, unnamed, aff or "unknown", None, gender, "source")
            return _Source(text, "named_person", aff or "unknown", None, gender, "person")
    person = _titled_person(words, lex) or _name_then_role(words, lex)
    if person is not None:
        return _Source(text, "named_person", aff or "unknown", None, person, "person")
    if first.endswith(("ون", "ين")) and lex.adjective_re.fullmatch(first):
        return _Source(text, "anonymous_official", aff or "unknown", None, "m", "official")
    m = lex.name_re.match(text)
    if m is not None and m.start() == 0:
        label, kind = lex.names[m.group("n")]
        if kind == "person":
            return _Source(text, "named_person", label, None, "m", "person")
        if headline and label in _country_codes():
            return None  # a place before a headline colon is a location tag (a body is a source: الحوثيون:)
        return _Source(text, "institution", aff or label, None, "f", "institution")
    if headline and len(words) > 3:
        return None
    # عبد الحميد سعداوي، أبو الحسن العلوي: عبد/أبو and the definite word after them are one given name
    # (a theophoric name or a kunya), so the surname is read after both
    given = 2 if len(words) > 2 and first in _NAME_OPENERS and _is_definite(words[1]) else 1
    if (
        first in lex.given_names
        and (
            len(words) == 1
            or words[1] in _COMPOUND_NAME_ENDS
            or (given == 2 and len(words) == 3 and _surname_word(words[2], lex))
            or _namelike(words[1], lex, strict=False)
            or (len(words) == 2 and _surname(words[1], lex))  # سعد الحربي: a given name and an al- surname
        )
    ) or (
        # عطا الله، نور الدين: a theophoric compound is a name even when its first part is a word
        len(words) == 2 and words[1] in _THEOPHORIC_ENDS and _namelike(first, lex, strict=False)
    ):
        return _Source(text, "named_person", aff or "unknown", None, "m", "person")
    construct = len(words) > 1 and _is_definite(words[1]) and not words[1].endswith("ي")
    if (_namelike(first, lex) and not construct) or (
        _is_definite(first)
        and first.endswith("ي")
        and not lex.adjective_re.fullmatch(first)
        and len(words) <= 3
    ):
        return _Source(text, "named_person", aff or "unknown", None, "m", "person")
    return None


def _unnamed_title(words: list[str], lex: _Lexicon) -> str | None:
    """The type of an indefinite title that names no one (``مدير صندوق في الكويت``, ``مدير في شركة``,
    ``مندوب خليجي``), or None for a titled person (``رئيس اللجنة``, ``وزير الخارجية``, ``مدير عام الشركة
    <name>``): the title has no article, no name follows it, and the word after it is a preposition, an
    indefinite nisba adjective or an indefinite body noun that no definite word follows. An official
    when the adjective is a nationality's or a state sector's (``مندوب خليجي``, ``state_sectors.txt``) or
    the body a state's (``مدير في الوزارة``), else a source (``أستاذ جامعي``).

    >>> lex = _lexicon()
    >>> _unnamed_title(["مدير", "صندوق", "في", "دبي"], lex), _unnamed_title(["مندوب", "خليجي"], lex)
    ('anonymous_source', 'anonymous_official')
    >>> _unnamed_title(["استاذ", "جامعي"], lex), _unnamed_title(["مدير", "امني"], lex)
    ('anonymous_source', 'anonymous_official')
    >>> _unnamed_title(["رئيس", "اللجنه"], lex), _unnamed_title(["مدير", "شركه", "الساحل"], lex)
    (None, None)
    >>> _unnamed_title(["خبير", "في", "الاقتصاد"], lex), _unnamed_title(["مدير", "في", "الوزاره"], lex)
    ('anonymous_source', 'anonymous_official')
    """
    first = words[0]
    if len(words) < 2 or _is_definite(first) or first.endswith(_POSSESSIVES):
        return None  # (ممثلها في كندا: a possessive pronoun makes the title definite, the body's own)
    if _has_name_after(words, lex) or _titled_after(words, lex):
        return None
    nxt = words[1]
    if nxt in _NOT_NAME_STARTS:
        # خبير في الاقتصاد البحري: an expert in a field is no member of its ministry (a private role
        # is never an official)
        private = any(c in lex.private_roles for c in _bare(first, lex))
        inside = not private and _inside_state_body(words, lex)
        return "anonymous_official" if inside else "anonymous_source"
    if not _is_definite(nxt) and nxt.endswith(("ي", "يه")) and len(nxt) > 3 and _head(nxt, lex) is None:
        # مندوب خليجي، مبعوث أممي، مسؤول أمني: a nationality's or a state sector's adjective, an unnamed
        # office holder of a state or body; أستاذ جامعي، كاتب صحفي، رئيس تنفيذي: an unnamed source
        if nxt in lex.state_sectors or _affiliation([nxt], lex) is not None:
            return "anonymous_official"
        return "anonymous_source"
    head = _head(nxt, lex)
    if (
        head is not None
        and head[0] == "institution"
        and not _is_definite(nxt)
        and (len(words) == 2 or words[2] in _NOT_NAME_STARTS)
    ):
        return "anonymous_source"  # مدير صندوق، مدير شركة في ...: a company's or fund's unnamed manager
    return None


def _surname_word(word: str, lex: _Lexicon) -> bool:
    """A word that can follow a given name as the family name (``سعداوي``, ``الحربي``)."""
    return _namelike(word, lex, strict=False) or _surname(word, lex)


#: State titles (heads.tsv) that, alone, name one state: السلطنة is Oman (المملكة, several kingdoms, takes
#: the document's or outlet's country as any state office does).
_UNIQUE_STATE_TITLES = {"سلطنه": "OM"}

#: The regional blocs a regional adjective names (أوروبي، أفريقي، خليجي; adjectives.tsv).
_REGIONAL_BLOCS = frozenset({"EU", "AU", "GCC"})
#: Stems of the heads of a state's envoys: a diplomat, a delegate, an ambassador.
_ENVOYS = ("دبلوماسي", "مندوب", "سفير")


def _unnamed_envoy(words: list[str], lex: _Lexicon) -> bool:
    """Whether a source phrase is an unnamed envoy: an indefinite diplomat, delegate or ambassador
    (``دبلوماسي غربي شارك في المفاوضات``). Posted abroad or met abroad, such an envoy is no evidence of the
    outlet's own state: the outlet's home country (``extract(home_countries=...)``) is not given to one
    whose phrase names no country.

    >>> lex = _lexicon()
    >>> _unnamed_envoy(["دبلوماسي", "غربي"], lex), _unnamed_envoy(["السفير"], lex)
    (True, False)
    >>> _unnamed_envoy(["وزير"], lex), _unnamed_envoy([], lex)
    (False, False)
    """
    return bool(words) and not _is_definite(words[0]) and _bare(words[0], lex)[-1].startswith(_ENVOYS)


def _regional_envoy(words: list[str], lex: _Lexicon) -> bool:
    """Whether an unnamed envoy is described by a region, not a bloc: ``دبلوماسي أوروبي``, ``مندوب خليجي``
    (a European diplomat, a Gulf delegate) represent a state of the region, which the phrase does not
    name, not the EU or the GCC; the adjective right after the head is the region's (``مسؤول أوروبي``, an
    official, and ``مبعوث أممي``, a UN envoy, keep their body). Such an envoy takes no document country
    either (``extraction._private_people``).

    >>> lex = _lexicon()
    >>> _regional_envoy(["دبلوماسي", "اوروبي"], lex), _regional_envoy(["مسؤول", "اوروبي"], lex)
    (True, False)
    """
    if len(words) < 2 or _is_definite(words[0]) or not _bare(words[0], lex)[-1].startswith(_ENVOYS):
        return False
    m = lex.adjective_re.fullmatch(words[1])
    return m is not None and lex.adjectives[m.group("a")] in _REGIONAL_BLOCS


#: The stem of a diplomat's head noun (دبلوماسي، دبلوماسيون): posted abroad, the place it is in names no
#: affiliation.
_DIPLOMAT = "دبلوماسي"
_EMPLOYEE = "موظف"

#: Prepositions placing a source inside a body (مصدر في الوزارة، مصدر داخل الحكومة، مصادر لدى الشرطة).
_INSIDE = frozenset({"في", "داخل", "لدي"})
#: Words after a source noun that make it the body's neighbour, not its member (مصدر مقرب من الحكومة).
_NEAR = frozenset({"مقرب", "مقربه", "قريب", "قريبه", "مقربون", "مقربين", "قريبون", "قريبين"})


def _inside_state_body(words: list[str], lex: _Lexicon) -> bool:
    """Whether a source noun's phrase places it inside a state's office or body (``state_offices.txt``)
    within its first words: ``مصدر في وزارة الطاقة``, ``مصدر مسؤول بوزارة المالية``, ``مصادر من الحكومة``
    (من right after the noun only: ``مصدر مقرب من الحكومة`` is close to it, not in it)."""
    offices = lex.state_offices
    for i in range(1, min(len(words), 4)):
        if words[i - 1] in _NEAR:
            return False
        w = words[i]
        if w in _INSIDE or (w == "من" and i == 1):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            return any(c in offices for c in _bare(nxt, lex))
        if w.startswith("ب") and len(w) > 3:
            return any(c in offices for c in _bare(w, lex)[1:])
    return False


#: Words saying that an unnamed source holds an office (منصب، منصبا، مناصب): an official.
_OFFICE_WORDS = ("منصب", "مناصب")

_PLURAL_ENDINGS = ("ات", "ون", "ين")


#: Broken plurals of source nouns: several sources are not one named person (``مصادر عسكرية مقتل قيادي``:
#: the words after them are their modifiers and the verb's object, not a name).
_PLURAL_SOURCES = frozenset({"مصادر", "اوساط", "جهات", "دوائر", "شهود"})


def _group_head(word: str, lex: _Lexicon) -> bool:
    """A head noun of a group of people (a sound masculine plural, or a broken plural of gender p:
    متبرعون، مزارعين، تجار): what follows it is never one person's name (``متبرعون تجمعوا أمام ...``).

    >>> lex = _lexicon()
    >>> _group_head("متبرعون", lex), _group_head("تجار", lex), _group_head("الباحث", lex)
    (True, True, False)
    """
    for c in _bare(word, lex):
        head = lex.heads.get(c)
        if head is not None and (head[1] == "p" or (c.endswith(("ون", "ين")) and len(c) > 4)):
            return True
    return False


def _plural(word: str) -> bool:
    """A sound plural by its ending (الاجتماعات، المسؤولين); a short stem is a singular (الأمين، الحسين).

    A sound plural adds its ending to a singular of at least three letters, so with the article it is
    at least seven letters long (ال + three + ون).
    """
    return word.endswith(_PLURAL_ENDINGS) and len(word) - (2 if word.startswith("ال") else 0) >= 5


#: An abbreviated title written onto the name (``د.مبيض``, ``م.أحمد``): the title and the name.
_ABBREVIATED_TITLE = regex.compile(r"(د|م|ا|ا\.د)\.(\p{L}{2,})")


def _split_abbreviation(word: str) -> list[str]:
    """``د.مبيض`` -> ``["د", "مبيض"]``; any other word alone.

    >>> _split_abbreviation("د.مبيض"), _split_abbreviation("مبيض")
    (['د', 'مبيض'], ['مبيض'])
    """
    m = _ABBREVIATED_TITLE.fullmatch(word) if "." in word else None
    return [m.group(1).replace(".", ""), m.group(2)] if m else [word]


def _lone_name(word: str, lex: _Lexicon) -> bool:
    """A single word that can be a name when it is all a subject holds: letters, no article, not a
    function or vocabulary word, verb, quantifier, head noun or adjective, and not an adverb in ـًا
    (مجدداً، أيضاً)."""
    return len(word) >= 3 and not word.endswith("ا") and _name_letters_no_known_word(word, lex)


def _people_plural(word: str, lex: _Lexicon, endings: tuple[str, ...]) -> bool:
    """A definite masculine sound plural that no head noun types (المشاركون، العاملين): people.

    Only nouns of people take the masculine sound plural; ``endings`` are its cases (ون after a verb,
    ين after a preposition or a quantifier).
    """
    return (
        word.startswith("ال")
        and word.endswith(endings)
        and _plural(word)
        and _head(word, lex) is None
        and word not in lex.vocabulary
        and lex.adjective_re.fullmatch(word) is None
    )


def _subject_before_complement(
    words: list[str], lex: _Lexicon, *, bare_names: bool = False
) -> _Source | None:
    """The subject of ``VERB <phrase> أن``, when no head noun of the lexicon types it.

    Arabic news is verb-subject-complement: in ``وأكد الخياط أن``, ``قالت المفوضة التجارية في
    الاتحاد الأوروبي إن``, the words between a reporting verb and its complementiser are who
    spoke, even when the head is a role noun or an al- surname the lexicon does not list. A
    definite singular head is then a person (an identifiable role or a surname); a masculine sound
    plural (``وأكد المشاركون أن``), which Arabic gives to people only, is a group of unnamed people;
    another plural (``تشير الاجتماعات إلى أن``: meetings, reports) is not read as a source.
    """
    first = words[0]
    if len(words) > _MAX_SV_TOKENS or any(w in lex.verb_words for w in words[1:]):
        return None
    if len(words) == 1 and _lone_name(first, lex):
        # قالت مشهور: ...: one word between the verb and its complementiser is who spoke; a name that is
        # also a word (مشهور "famous") is read so there, though not elsewhere
        return _Source(first, "named_person", "unknown", None, "m", "person")
    if bare_names and 2 <= len(words) <= _MAX_BARE_NAME and _bare_name(words, lex):
        # وقال سامي نور إن، وقالت أمل أبو زيد إن: two or three words between the verb and its
        # complementiser, none of them a head, preposition, function word, verb or vocabulary word, are
        # a personal name even when each is also a common word (نور "light", أمل "hope"); only when
        # they are the whole phrase up to the complementiser (``bare_names``), not a cut of it
        gender = "f" if first.endswith("ه") else "m"
        return _Source(" ".join(words), "named_person", "unknown", None, gender, "person")
    if _people_plural(first, lex, ("ون",)) or (
        # وأفاد متطوعون في الجمعية بأن: indefinite, the plural of an agent noun (مُفعِل, مُتفعِّل: the
        # participles that name people; a stem of four letters at least, so مضمون، مليون are none)
        first.endswith("ون")
        and first.startswith("م")
        and len(first) >= 6
        and _head(first, lex) is None
        and first not in lex.vocabulary
        and first not in lex.verb_words
        and _NAME_CHARS.fullmatch(first) is not None
    ):
        # وأكد المشاركون أن: a masculine sound plural subject (nominative ون) is a group of people
        aff = _placed_affiliation(words, _affiliation(words, lex), lex)
        return _Source(" ".join(words), "anonymous_source", aff or "unknown", None, "m", "source")
    # استشاري الطب النفسي، مديرة المدرسة: an indefinite role noun in construct with a definite one is
    # as definite as the article makes it
    construct = len(words) > 1 and _construct_definite(words[1:], lex) and _role_noun(first, lex)
    if not (_is_definite(first) or construct) or _plural(first):
        return None
    if first in lex.vocabulary:
        return None
    gender = "f" if first.endswith("ه") else "m"
    return _Source(
        " ".join(words), "named_person", _affiliation(words, lex) or "unknown", None, gender, "person"
    )


#: The most words of a bare name read between a verb and its complementiser (given name, father's or
#: family name, and one more).
_MAX_BARE_NAME = 3

#: The kunya and filiation words inside a name (أبو زيد، بن علي، بنت محمد), in matching form.
_NAME_LINKS = frozenset({"ابو", "بن", "بنت", "ابن"})


def _bare_word(word: str, lex: _Lexicon) -> bool:
    """A word that can stand in a name read by its place alone: letters, no article or clitic
    pronoun, and not a vocabulary word, verb, preposition, quantifier, head noun, adjective, plural
    or adverb in ـا (common nouns, which names often are, are allowed)."""
    return (
        len(word) >= 2
        and not word.endswith(("ا", "ها", "هم", "هما"))
        and _name_letters_no_known_word(word, lex)
        and not _plural(word)
    )


def _name_letters_no_known_word(word: str, lex: _Lexicon) -> bool:
    """What :func:`_lone_name` and :func:`_bare_word` share: letters only, no article, and not a
    vocabulary word, verb, quantifier, non-name start, head noun, adjective or verb-like form."""
    return (
        _NAME_CHARS.fullmatch(word) is not None
        and not _is_definite(word)
        and word not in lex.vocabulary
        and word not in lex.verb_words
        and word not in _QUANTIFIERS
        and word not in _NOT_NAME_STARTS
        and _head(word, lex) is None
        and lex.adjective_re.fullmatch(word) is None
        and _VERBLIKE.fullmatch(word) is None
    )


def _bare_name(words: list[str], lex: _Lexicon) -> bool:
    """Whether ``words`` (2-3, all a subject holds before its complementiser) read as a personal name:
    every word :func:`_bare_word`, except a kunya or filiation word inside it (أبو، بن، بنت).

    >>> lex = _lexicon()
    >>> _bare_name(["سامي", "نور"], lex), _bare_name(["امل", "ابو", "زيد"], lex)
    (True, True)
    >>> _bare_name(["مصدر", "مطلع"], lex), _bare_name(["ابو", "زيد"], lex)
    (False, False)
    """
    if words[0] in _NAME_LINKS or words[-1] in _NAME_LINKS:
        return False
    if any(lex.name_re.fullmatch(w) for w in words):
        return False  # فريق ترامب: a gazetteer name is read by the classifier, not here
    # after the first word, a word in ة or a nisba in ي is an adjective (أخبار كاذبة، طالب جامعي)
    # unless it is a listed given name (حمزة); the first word in ة too (بورصة، عائلة: bodies)
    return all(
        w in _NAME_LINKS
        or w in lex.given_names
        or (_bare_word(w, lex) and not w.endswith("ه") and not (i and w.endswith("ي")))
        for i, w in enumerate(words)
    )


#: The most words after an indefinite head whose construct is read through a second noun (the two nouns
#: of the chain and an adjective): a longer run is an object and its own modifiers (``يهدد مرمى ... ``).
_MAX_CONSTRUCT_CHAIN = 3


def _construct_definite(rest: list[str], lex: _Lexicon) -> bool:
    """Whether the words after an indefinite head make it definite as a construct (iḍāfa): the next
    word is definite (``مديرة المدرسة``), or it is an indefinite noun in construct in turn whose
    own genitive is definite or a name (``حاكم ولاية بورنو``, ``مدير شركة النفط``): the chain is as
    definite as its last noun."""
    if _is_definite(rest[0]):
        return True
    return (
        1 < len(rest) <= _MAX_CONSTRUCT_CHAIN
        and _NAME_CHARS.fullmatch(rest[0]) is not None
        and rest[0] not in lex.vocabulary
        and rest[0] not in lex.verb_words
        and not _plural(rest[0])
        and (
            _is_definite(rest[1])
            or lex.name_re.fullmatch(rest[1]) is not None
            or _namelike(rest[1], lex, strict=False)
        )
    )


def _role_noun(word: str, lex: _Lexicon) -> bool:
    """An indefinite singular noun that can head a construct naming a person (استشاري الطب، مديرة المدرسة).

    A common noun of the corpora (it takes the article elsewhere), not a verb or number, in a shape of
    Arabic nouns of agents and roles: the participle مُفعِل (مدير، مستشار، محلل), فاعل (باحث، ناشط) or a
    nisba (استشاري، محامي). Nouns of things in construct (أصابع الاتهام، إنتاجية المياه) have none of them.
    """
    agent = (word.startswith("م") and len(word) >= 4 and not word.endswith("ه")) or (
        len(word) == 4 and word[1] == "ا"
    )
    return (
        (agent or (word.endswith("ي") and len(word) >= 5))
        and word in lex.common_nouns
        and not _plural(word)
        and word not in lex.verb_words
        and word not in _QUANTIFIERS
        and _NAME_CHARS.fullmatch(word) is not None
    )


def _nisba(word: str, lex: _Lexicon) -> bool:
    """A definite relative adjective in ـي (``السياسي``, ``الاقتصادي``, ``الحقوقي``): not a head noun, not a
    gazetteer name; an adjective of the role before it when more words follow (a last one may be a
    surname: ``الخبير الاقتصادي الحربي``)."""
    return (
        word.endswith("ي") and len(word) >= 6 and _head(word, lex) is None and not lex.name_re.fullmatch(word)
    )


def _name_right_after(words: list[str], lex: _Lexicon) -> bool:
    """A personal name right after the head noun (its adjectives skipped): ``الباحث الأردني سامر
    خليل``; not name-like words further on (``رجل الدين عن طريقة تدريس``)."""
    rest = words[1:]
    while rest and (
        (
            _is_definite(rest[0])
            and (lex.adjective_re.fullmatch(rest[0]) or (len(rest) > 1 and _nisba(rest[0], lex)))
        )
        or (len(rest) > 1 and rest[0].startswith("وال") and _nisba(rest[0][1:], lex))
    ):
        rest = rest[1:]  # الباحث الأردني، المحلل السياسي، الخبير العسكري والاستراتيجي: the role's adjectives
    if not rest or rest[0] in _NOT_NAME_STARTS:
        return False  # خبير من مؤسسة ...: a preposition, no name
    if (
        len(rest) > 2
        and len(rest) == len(words) - 1
        and not _is_definite(words[0])
        and _is_definite(rest[0])
        and _head(rest[0], lex) is None
        and not lex.adjective_re.fullmatch(rest[0])
        and not lex.name_re.fullmatch(rest[0])
        and (rest[1] in lex.given_names or _namelike(rest[1], lex, strict=False))
        and (_namelike(rest[2], lex, strict=False) or _surname(rest[2], lex))
    ):
        return True  # تاجر الأقمشة <given> <surname>: an indefinite head, its genitive, then the name
    if len(rest) > 1 and rest[0] in lex.titles and _namelike(rest[1], lex, strict=False):
        return True  # الخبير العسكري اللواء فايز الدويري: a role, then a title and a name
    if len(rest) == 1 and len(rest) < len(words) - 1 and _surname(rest[0], lex):
        return True  # الخبير الاقتصادي الحربي: a role, its adjective and a surname
    if not _plural(words[0]) and _one_word_name(words[-1], lex):
        if len(rest) == 1 and _is_definite(words[0]):
            return True  # الناخب عبدي: a definite role and a one-word name ending the phrase
        if (
            len(words) == 3
            and not _is_definite(words[0])
            and _is_definite(words[1])
            and _head(words[1], lex) is None
        ):
            return True  # سائق الشاحنة تسفاي: a role in construct and a one-word name ending the phrase
    if rest[0] in lex.given_names:
        return True
    return (
        len(rest) > 1
        and _namelike(rest[0], lex, strict=False)
        and (_namelike(rest[1], lex, strict=False) or _surname(rest[1], lex))
    )


#: A complementiser with its clitics (إن، فإن، وأنه، بأن) in matching form.
_COMPLEMENTISER = regex.compile(r"[وفب]{0,2}ان(?:ه|ها|هم|هما|هن|نا|ني)?")


def _one_word_name(word: str, lex: _Lexicon) -> bool:
    """A word that, alone after a person's role, is the person's name (``الناخب عبدي``): :func:`_lone_name`,
    and no complementiser (``فإن``) or outlet (``المصدر رويترز``: the source told Reuters).

    >>> lex = _lexicon()
    >>> _one_word_name("عبدي", lex), _one_word_name("فان", lex), _one_word_name("رويترز", lex)
    (True, False, False)
    >>> _one_word_name("نفسه", lex), _one_word_name("بدوره", lex), _one_word_name("هناك", lex)
    (False, False, False)
    """
    return (
        _lone_name(word, lex)
        and word not in _FUNCTION_WORDS
        and not _PRONOUN_ENDED.fullmatch(word)
        and not _COMPLEMENTISER.fullmatch(word)
        and _outlet_at([word], lex) is None
    )


#: Function words that can follow a subject (``وقال المسؤول هناك``, ``قال المصدر حينئذ``): no names.
_FUNCTION_WORDS = frozenset("هناك هنا حيث عندئذ حينئذ نحن هو هي انا هم كذلك ايضا".split())
#: A preposition, particle or noun of emphasis with its pronoun (عنه، معه، لكنه، نفسه، ذاته، بدوره، حينها).
_PRONOUN_ENDED = regex.compile(
    r"(?:عن|من|مع|ل|ب|الي|علي|في|لدي|عند|لكن|ذات|نفس|عين|بدور|حين|وحد|كل|بعض)(?:ه|ها|هم|هما|هن|نا|ي)"
)


def _name_then_role(words: list[str], lex: _Lexicon) -> str | None:
    """The gender of a name followed by its role in apposition (``أصلي إيدنتسباس الخبيرة في ...``,
    ``منصور رئيس لجنة التنسيق``): up to three name-like words, then a person's head noun or a definite
    role noun (:func:`_role_noun`); None for anything else."""
    for j in range(1, min(4, len(words))):
        role = words[j]
        head = _head(role, lex)
        if head is not None and head[0] in ("official", "title", "source"):
            gender = "f" if role.endswith("ه") else head[1]
        elif _is_definite(role) and _role_noun(role[2:], lex):
            gender = "f" if role.endswith("ه") else "m"
        else:
            continue
        names = words[:j]  # the role found first, the words before it are checked (the cheaper order)
        if all(
            w not in _NOT_NAME_STARTS and w not in lex.vocabulary and _namelike(w, lex, strict=False)
            for w in names
        ):
            return gender
        return None
    return None


def _article_given_name(words: list[str], lex: _Lexicon) -> bool:
    """A given name with the article after an honorific, followed by a name (``د. الطاهر سالم``, ``الشيخ
    الحسن علي``): the word is no adjective, place or head noun, and the next one is name-like (after an
    office, ``الوزير الأول``, such a word is the office's own adjective)."""
    return (
        len(words) > 1
        and _is_definite(words[0])
        and _head(words[0], lex) is None
        and not lex.adjective_re.fullmatch(words[0])
        and not lex.name_re.fullmatch(words[0])
        and _namelike(words[1], lex, strict=False)
    )


def _titled_person(words: list[str], lex: _Lexicon) -> str | None:
    """The gender of a person named by a title, or by a role noun and a name; None for anything else.

    ``الدكتور فاروق طلعت``, ``العميد يحيى سريع`` (a title or honorific of ``titles.tsv`` followed by
    a name; ``heads.tsv``'s titles identify their bearer even unnamed, ``الوزير``), and
    ``الباحث يوسف العمري`` (a definite role noun followed by a given name of ``given_names.txt``,
    or by name-like words not opened by a preposition: apposition of a role and a name).
    """
    for n in (2, 1):
        key = " ".join(words[:n])
        # A title counts with a name after it: bare ``الحاجة`` is also "the need", ``دولة`` "a state".
        if (
            len(words) > n
            and key in lex.titles
            and (
                _namelike(words[n], lex, strict=False)
                or (
                    key in lex.honorifics and (_article_given_name(words[n:], lex) or _surname(words[n], lex))
                )
                # العقيد الركن تركي المالكي: a given name spelled like a nationality adjective
                or (lex.adjective_re.fullmatch(words[n]) and _given_name_after_title(words, n, lex))
            )
        ):
            return lex.titles[key]
    first = words[0]
    if len(words) >= 2 and _is_definite(first) and _head(first, lex) is None:
        # a nationality between the role and the name: الباحث الأردني يوسف العمري
        rest = words[1:]
        while len(rest) > 1 and _is_definite(rest[0]) and lex.adjective_re.fullmatch(rest[0]):
            rest = rest[1:]
        if rest[0] in lex.given_names or (
            _namelike(rest[0], lex, strict=False) and _has_name_after([first, *rest], lex)
        ):
            return "f" if first.endswith("ه") else "m"
    return None


#: Words of issuing before عن (``الصادرة عن``, ``صدر عن``) and verbs of making a document with its
#: object pronoun (``أجرتها``, ``أعده``, ``نشرتها``): the issuer follows them.
_ISSUED = ("الصادر", "صادر", "صدر")
_MADE_BY = ("اجرت", "اجرا", "اعدت", "اعد", "نشرت", "نشر", "اصدرت", "اصدر", "وضعت", "وضع", "اعلنت", "اعلن")


_NEWS_WORDS = frozenset({"الاعلام", "للاعلام", "الصحافه", "برس", "الاخبار"})


def _news_agency(words: list[str], lex: _Lexicon) -> bool:
    """Whether the words after وكالة name a news agency: الأنباء, الإعلام, برس, or a country's name
    (وكالة البحرين، وكالة تونس إفريقيا: the national news agencies)."""
    for w in words:
        if w.endswith("انباء") or w in _NEWS_WORDS:
            return True
    if words:
        entity = lex.names.get(words[0])
        return entity is not None and _entity_is_country(entity[0])
    return False


def _entity_is_country(entity: str) -> bool:
    return len(entity) == 2 and entity.isupper()


def _issuer(words: list[str], lex: _Lexicon) -> _Source | None:
    """The named issuer of a document (``بيان الجيش``, ``الإحصائيات الصادرة عن وزارة الصحة``)."""
    cands: list[list[str]] = []
    if len(words) > 1:
        cands.append(words[1:])
        # دراسة لمجموعة صوفان، تقرير للبنك الدولي، نتائج دراسة لمجموعة ...; the document's own indefinite
        # adjectives may stand before the issuer (تقرير حديث للبنك الدولي، أرقام أولية لهيئة ...)
        k = 1
        while k < min(len(words) - 1, 3) and _document_modifier(words[k], lex):
            k += 1
        if words[k].startswith("ل") and len(words[k]) > 3:
            issuer = "ال" + words[k][2:] if words[k].startswith("لل") else words[k][1:]
            cands.append([issuer, *words[k + 1 :]])
    for i, w in enumerate(words[:-1]):
        # الصادرة عن وزارة الصحة، تقرير صدر (حديثا) عن شركة ...
        if w == "عن" and any(v.startswith(_ISSUED) for v in words[max(0, i - 2) : i]):
            cands.append(words[i + 1 :])
        # دراسة أجرتها غرفة التجارة، تقرير أعده البنك، إحصاءات نشرتها الوزارة (issue 15)
        elif i and w.startswith(_MADE_BY) and w.endswith(("ها", "ه")):
            cands.append(words[i + 1 :])
    for cand in cands:
        if len(cand) > 1 and cand[1] != "من" and _bare(cand[0], lex)[-1] in _GROUP_BODIES:
            # مجموعة صوفان، مجموعة دبي للذهب: a named group is a body (مجموعة is a quantifier elsewhere)
            return _Source(
                " ".join(cand), "institution", _affiliation(cand, lex) or "unknown", None, "f", "institution"
            )
        if (
            _outlet_at(cand, lex) is not None
            or (_head(cand[0], lex) or ("", ""))[0] in ("institution", "title", "outlet")
            or _body_name_at(cand, lex)
        ):
            src = _classify(cand, lex)
            if src is not None and src.source_type in ("media_outlet", "institution", "named_person"):
                return src
    return None


#: Nouns of a named group (``مجموعة صوفان``) that open a quantity elsewhere (``مجموعة من``): after a
#: document noun, with a name, they are its issuer.
_GROUP_BODIES = frozenset({"مجموعه"})


def _document_modifier(word: str, lex: _Lexicon) -> bool:
    """An indefinite word after a document noun that is its own modifier or a second document noun
    (``حديث``, ``أولية``, ``دراسة`` in ``نتائج دراسة لـ``), not a preposition, a verb or an issuer."""
    if (_head(word, lex) or ("",))[0] == "document":
        return True
    return (
        not _is_definite(word)
        and not word.startswith("ل")
        and word not in _NOT_NAME_STARTS
        and word not in lex.vocabulary
        and word not in lex.verb_words
        and _NAME_CHARS.fullmatch(word) is not None
        and lex.name_re.fullmatch(word) is None
    )


def _body_name_at(words: list[str], lex: _Lexicon) -> bool:
    """Whether ``words`` open with the gazetteer name of an organisation (``اليونيسف``, ``البنك الدولي``):
    a body that issues documents (a country's name after a document noun is its topic: تقرير مصر)."""
    m = lex.name_re.match(" ".join(words))
    if m is None or m.start() != 0:
        return False
    entity, kind = lex.names[m.group("n")]
    return kind != "person" and entity not in _country_codes()


def _surname(word: str, lex: _Lexicon) -> bool:
    """An al- word that can end a personal name (السعدي، الحربي): not vocabulary, a head or an adjective."""
    return (
        word.startswith("ال")
        and len(word) >= 5
        and _NAME_CHARS.fullmatch(word) is not None
        and word[2:] not in lex.vocabulary
        and word not in lex.vocabulary
        and _head(word, lex) is None
        and lex.adjective_re.fullmatch(word) is None
    )


def _head_form(word: str, lex: _Lexicon) -> str | None:
    """The dictionary form under which ``word`` (without its clitics) is a head noun, if it is one."""
    return next((c for c in _bare(word, lex) if c in lex.heads), None)


def _copy(src: _Source) -> _Source:
    return _Source(src.text, src.source_type, src.affiliation, src.outlet, src.gender, src.cls, src.raw)
