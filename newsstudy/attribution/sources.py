"""Reading a cue: the source phrase, its conduit and anonymity, continuations and headline sources.

For each cue of a line (:func:`_line_attributions`), a verb's subject is read after it (verb-subject
order) or before it (subject-verb), a preposition's object after it; a cue with no subject continues
the clause's or the document's last source (:func:`_continuation`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from newsstudy.attribution.classification import (
    _COMPOUND_NAME_ENDS,
    _MAX_SV_TOKENS,
    _affiliation,
    _appositive_head,
    _appositive_name,
    _bare,
    _classify,
    _copy,
    _head,
    _is_definite,
    _namelike,
    _outlet_at,
    _plural,
    _role_noun,
    _Source,
    _subject_before_complement,
    _surname,
    _titled_person,
)
from newsstudy.attribution.context import _last_outlet, _person_affiliation, _resolve_anaphor, _State
from newsstudy.attribution.cues import _Cue, _find_cues
from newsstudy.attribution.lexicon import _NEGATORS, _PREPOSITIONS, _Lexicon
from newsstudy.attribution.tokens import (
    _CLAUSE_OPENED,
    _CLAUSE_PUNCT,
    _CLAUSE_RESET,
    _COMPLEMENT,
    _NEW_CLAUSE,
    _PUNCT,
    _ahead,
    _clause_start,
    _complement,
    _last_period,
    _last_tokens,
    _sentence_end,
    _sentence_start,
    _Tok,
    _tokens,
    _word_before,
)

_CUT_WORDS = frozenset(
    "الذي التي الذين اللذين اللتين اللواتي اللاتي يوم امس اليوم مساء صباح الاسبوع الشهر خلال عبر في_بيان "
    "السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه شريطه طلب طالبا مفضلا رافضا هذا هذه ردا "
    "بعد قبل عقب اثناء".split()
)
_TIME_AFTER_IN = frozenset(
    "بيان تصريح تصريحات تغريده مقابله وقت حديث مؤتمر كلمه ايام اسبوع اسابيع ساعات شهر اشهر عام".split()
)
_SAYING = frozenset({"قائلا", "قائله", "قائلين"})
_PRONOUN_OBJECTS = frozenset({"ه", "ها", "هم", "هما", "هن"})
_MAX_SOURCE_TOKENS = 14
_HEADLINE_PREFIX_TOKENS = 6
_HEADLINE_CONDUIT_TOKENS = 4  # ``لـ`` and an outlet name of up to three words, after the source
_LAM_QUOTE = frozenset({'ل"', "ل«", "ل“"})


@dataclass
class _Found:
    cue_start: int
    cue_end: int
    src: _Source
    src_span: tuple[int, int] | None
    conduit: str | None
    anonymous: bool
    consumes: int = -1  # a cue read as part of this one ends here (نقلت X على لسان Y: على لسان)
    relative: bool = False  # a relative clause's verb (ما نفته الوزارة): what it reports came before it
    prepositional: bool = False  # an attributive preposition's (بحسب التقرير), no verb's


#: Words inside a personal name after which a word spelled like a verb is a name (محمد بن يزيد).
_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ام"})
#: The one-letter title written with a full stop (``د. سامي``, Dr; ``titles.tsv``).
_ABBREVIATED_TITLES = frozenset({"د"})


def _phrase(toks: list[_Tok], lex: _Lexicon) -> tuple[list[_Tok], int]:
    """The source phrase at the start of ``toks``; returns it and the index where the scan stopped."""
    out: list[_Tok] = []
    quoted_name = 0
    for i, t in enumerate(toks):
        w = t.text
        if i and t.quoted and out and (_head(out[-1].text, lex) or ("", ""))[0] in ("outlet", "institution"):
            quoted_name = 3  # وكالة "فرانس برس": a quoted name of the outlet or body
        if quoted_name:
            quoted_name -= 1
            out.append(t)
            if (t.stop_after and not t.quoted) or not quoted_name:
                return out, i + 1
            continue
        if i and t.stop_before:
            return out, i
        if out and w[:1] in ("و", "ف") and lex.cue_words.get(w, ("",))[0] == "verb":
            return out, i  # وقال، فأضاف: a coordinated reporting verb opens a clause of its own
        if out and w[:1] in ("ي", "ت") and w in lex.verb_forms and out[-1].text not in _NAME_LINKS:
            return (
                out,
                i,
            )  # وتابع الشامسي يقول إن: the imperfect goes on the verb, it is no part of its subject
        if _COMPLEMENT.fullmatch(w) or w in _CUT_WORDS or not w or w.startswith(("قول", "بالقول")):
            return out, i
        if len(out) == 1 and _bare_state_title(out[0].text, w, toks[i : i + 3], lex):
            return out, i  # وأدانت السلطنة الهجمات: a state's title alone is the subject; its object follows
        if out and w == "ما":
            return out, i  # نفى مصدر مسؤول ما تردد عن: a relative ما after the subject opens the object
        if w == "في" and i + 1 < len(toks) and any(c in _TIME_AFTER_IN for c in _bare(toks[i + 1].text, lex)):
            return out, i
        if (
            out
            and w.startswith("ل")
            and len(w) > 2
            and _ends_subject(w, lex, [x.text for x in toks[i + 1 : i + 4]])
            and not _name_goes_on([x.text for x in out[-4:]], [x.text for x in toks[i : i + 4]], lex)
            and not _site_of_outlet(out[0].text, w, lex)
            and not _surname_after_given(out, w, lex)
        ):
            return out, i
        if (
            out
            and w in ("علي", "عبر")
            and i + 1 < len(toks)
            and toks[i + 1].text in ("تويتر", "اكس", "فيسبوك")
        ):
            return out, i
        out.append(t)
        if (t.stop_after and w not in _ABBREVIATED_TITLES) or len(out) >= _MAX_SOURCE_TOKENS:
            return out, i + 1  # (``د. سامي``: the stop after an abbreviated title ends no phrase)
    return out, len(toks)


def _surname_after_given(out: list[_Tok], word: str, lex: _Lexicon) -> bool:
    """Whether ``word``, a name-like word spelled with an initial ل, is the surname of the one name-like
    word that ends ``out`` after a role (``الخبير الزراعي مراد لعمامري``), not لـ and an addressee: no
    outlet, head noun or gazetteer name after the ل (``قال الوزير أحمد لرويترز``, ``قال الرئيس
    أردوغان لبوتين`` keep their conduit and addressee), and the word before it no gazetteer name either."""
    if len(out) < 2 or _head(out[0].text, lex) is None or word.startswith("لل") or word in lex.outlets:
        return False
    given, before, stem = out[-1].text, out[-2].text, word[1:]
    if not _namelike(given, lex) or given in lex.vocabulary or lex.name_re.fullmatch(given):
        return False
    if len(out) > 2 and _namelike(before, lex, strict=False) and not _is_definite(before):
        return False  # الرئيس جو بايدن لنتنياهو: the name is whole, the ل word an addressee
    if _outlet_at([stem], lex) is not None or _outlet_at(["ال" + stem], lex) is not None:
        return False
    return _head(stem, lex) is None and not lex.name_re.fullmatch(stem) and stem not in lex.given_names


def _bare_state_title(title: str, word: str, rest: list[_Tok], lex: _Lexicon) -> bool:
    """Whether ``title`` is a state's title (السلطنة، المملكة) that ``word`` does not go on: neither
    its name (المملكة العربية السعودية، المملكة المتحدة) nor an adjective of its own (السلطنة
    العثمانية). The definite noun after it then opens the verb's object (``وأدانت السلطنة
    الإجراءات الإسرائيلية``: not an Israeli source)."""
    if not any(c in _STATE_TITLES for c in _bare(title, lex)):
        return False
    if word.startswith("ال") and word.endswith("يه"):
        return False  # a nisba adjective: the title's own (العثمانية، الأردنية)
    return not _name_goes_on([title], [t.text for t in rest], lex)


#: Prepositions of a fronted topic (``وعن الشروط قال:``, ``وحول المستشفى قال:``): their object is no subject.
_TOPIC_PREPOSITIONS = frozenset({"عن", "حول", "بشان", "في", "وفي", "عما", "بخصوص"})

#: Verbal nouns read as participles (``participles.txt``): after a reporting verb of their clause they are
#: that verb's speech, not a second attribution.
_VERBAL_NOUN_CUES = frozenset({"بالقول"})

_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})

#: Prepositions that open an adverbial right after a verb (``وأشار في نهاية كلمته إلى أنه``, ``وقال من
#: جهته``): a verb followed by one has no subject of its own.
_ADVERBIAL_OPENERS = frozenset("في من خلال عقب اثناء امام عن علي الي حول".split())

#: Words that open a modifier of a subject (``سالم في حديث هاتفي``, ``الكاتب في مقاله``): a
#: phrase that is no source as a whole may be one up to them.
_MODIFIER_OPENERS = _PREPOSITIONS | {"امام", "مع", "بين"}


def _known_name(word: str, lex: _Lexicon) -> bool:
    """A given name or a gazetteer name (a person, country or body), as written or after a clitic."""
    return word in lex.given_names or lex.name_re.fullmatch(word) is not None


def _subject_words(
    words: list[str], lex: _Lexicon, *, complement: bool, bare_names: bool = False
) -> tuple[_Source, int] | None:
    """The source a subject phrase names and how many of its words it takes, or None.

    The whole phrase is classified first (:func:`_classify`), then, before a complementiser, read as
    verb-subject-complement (:func:`_subject_before_complement`). When neither reads it, the phrase
    may be a subject and a modifier (``وتوقع سالم في حديث هاتفي ... أن``, ``كما يقول الكاتب كريم
    في مقاله``): the words before its first preposition are read the same two ways.
    """
    src = _classify(words, lex)
    if src is None and complement:
        src = _subject_before_complement(words, lex, bare_names=bare_names)
    if src is not None:
        return src, len(words)
    cut = next((i for i, w in enumerate(words) if i and w in _MODIFIER_OPENERS), None)
    if cut is None and not complement:
        # ونفى المهندس سالم وجود أي عطل: with no complementiser the phrase runs on into the verb's
        # object, so a short subject is looked for at its start
        for n in (3, 2, 1):
            if n >= len(words) or (n == 1 and not _known_name(words[0], lex)):
                continue  # one word alone only when it is a known name (دعا لكلتينا: an addressee)
            src = _classify(words[:n], lex)
            if src is not None and src.source_type in ("named_person", "institution", "media_outlet"):
                return src, n
        return None
    if cut is None or _plural(words[0]):
        return None  # تشير الاجتماعات بين الطرفين إلى أن: a plural subject is no person
    src = _classify(words[:cut], lex)
    if src is None and complement:
        src = _subject_before_complement(words[:cut], lex)
    return None if src is None else (src, cut)


def _name_goes_on(before: list[str], rest: list[str], lex: _Lexicon) -> bool:
    """Whether a gazetteer name that starts in ``before`` runs on into ``rest`` (``منظمة الخليج
    للاستشارات الصناعية``: the لـ word is inside the body's name, not an addressee)."""
    for j in range(len(before)):
        head = " ".join(before[j:])
        m = lex.name_re.match(head + " " + " ".join(rest))
        if m is not None and m.end() > len(head) + 1:
            return True
    return False


def _ends_subject(word: str, lex: _Lexicon, following: list[str] = ()) -> bool:
    """لـ before an addressee or outlet ends a subject (لرويترز، للصحفيين، لبلينكن); لحركة حماس does not.

    لل + a body or a portfolio (``الأمين العام للأمم المتحدة``, ``وكيل الوزارة للشؤون الفنية``,
    ``المتحدث الرسمي للجيش``) is the genitive of an office title, not an addressee: the subject goes on.
    """
    if word in lex.outlets:
        return False  # ليكيب، لوموند: an outlet's own name that begins with ل, not لـ + an addressee
    stem = word[1:]
    if stem.startswith("ل"):
        return not _office_genitive("ا" + stem, following, lex)  # للصحيفة، للصحفيين end it
    if _outlet_at([stem], lex) is not None or _outlet_at(["ال" + stem], lex) is not None:
        return True
    head = _head(stem, lex)
    if head is not None:
        return head[0] == "outlet"
    return _namelike(stem, lex) and stem not in lex.vocabulary


#: Outlet nouns that name a part of an outlet (its site, page, account): ``الموقع الإلكتروني لصحيفة ماركا``.
_OUTLET_PARTS = frozenset({"الموقع", "موقع", "الحساب", "حساب", "الصفحه", "صفحه"})


def _site_of_outlet(first: str, word: str, lex: _Lexicon) -> bool:
    """Whether ``word`` (لـ + an outlet noun or name) is the outlet whose site the subject names.

    ``كتب الموقع الإلكتروني لصحيفة ماركا``: the site of the paper, which is the source, not a conduit
    the site spoke to (``قال الوزير لصحيفة ماركا`` is one).
    """
    if first not in _OUTLET_PARTS:
        return False
    stem = word[2:] if word.startswith("لل") else word[1:]
    return (lex.heads.get(stem) or ("",))[0] == "outlet" or _outlet_at([stem], lex) is not None


def _office_genitive(noun: str, following: list[str], lex: _Lexicon) -> bool:
    """Whether ``noun`` (ال + the word after لل) names a body or a portfolio, not an addressee."""
    if noun[2:] in lex.construct_nouns:
        return True
    head = _head(noun, lex)
    if head is not None:
        return head[0] == "institution"
    m = lex.name_re.match(" ".join([noun, *following]))
    return m is not None and lex.names[m.group("n")][1] != "person"


#: Complementisers that open reported content: never part of a name in apposition.
_THAT_WORDS = frozenset("ان فان بان وان انه انها انهم انهن فانه فانها بانه بانها بانهم بانهن".split())


def _apposition(phrase: list[_Tok], toks: list[_Tok], stop: int, lex: _Lexicon) -> list[_Tok]:
    """Add a name in apposition after a comma: ``المتحدث باسم القوات المسلحة، تامر الرفاعي،``."""
    if not phrase or not phrase[-1].stop_after or stop >= len(toks):
        return phrase
    if not _appositive_head(phrase[0].text, lex):
        return phrase
    seg: list[_Tok] = []
    for t in toks[stop : stop + 6]:
        seg.append(t)
        if t.stop_after:
            break
    if not seg or not seg[-1].stop_after or any(t.text in _THAT_WORDS for t in seg):
        return phrase  # (بحسب المتحدث، فإن ...: the content, no name)
    if len(seg) <= 6 and _titled_person([t.text for t in seg], lex) is not None:
        # المتحدث باسم التحالف، العقيد الركن تركي المالكي،: a title and a name (issue 15)
        return phrase + seg
    if len(seg) <= 4 and _appositive_name([t.text for t in seg], lex):
        return phrase + seg
    return phrase


def _conduit_at(toks: list[_Tok], lex: _Lexicon, state: _State | None) -> str | None:
    """A conduit at ``toks[0]``: ``لرويترز``, ``لصحيفة تايمز أوف إسرائيل``, ``للصحيفة``, ``مع سكاي نيوز``."""
    if not toks:
        return None
    w = toks[0].text
    words = [t.text for t in toks[:7]]
    if w in ("مع",) and len(words) > 1:
        found = _outlet_at(words[1:], lex)
        if (
            found is None
            and len(words) > 2
            and _head(words[1], lex) == ("outlet", _head(words[1], lex)[1] if _head(words[1], lex) else "")
        ):
            found = _outlet_at(words[2:], lex)
        return found[0].canonical if found else None
    if not w.startswith("ل") or len(w) < 3:
        return None
    stem = w[2:] if w.startswith("لل") else w[1:]
    found = _outlet_at([stem, *words[1:]], lex) or _outlet_at(["ال" + stem, *words[1:]], lex)
    if found is not None:
        return found[0].canonical
    head = lex.heads.get(stem)
    if head is not None and head[0] == "outlet":
        found = _outlet_at(words[1:], lex)
        if found is not None:
            return found[0].canonical
        last = _last_outlet(state, lex) if state is not None and w.startswith("لل") else None
        if last is not None:
            return last.canonical  # للصحيفة: the outlet last named
    return None


def _find_conduit(toks: list[_Tok], lex: _Lexicon, state: _State) -> str | None:
    for i, t in enumerate(toks):
        if t.text.startswith("ل") or t.text == "مع":
            c = _conduit_at(toks[i:], lex, state)
            if c is not None:
                return c
    return None


_OPENERS = frozenset({"قد", "وقد", "لقد", "فقد", "ثم"})
_OPENING_TOKENS = _MAX_SOURCE_TOKENS + 3  # the verb, then a source phrase read with one word of look-ahead


def _opening_tokens(norm: str, start: int, end: int) -> list[_Tok]:
    """The start of ``_tokens(norm, start, end)`` after any leading particles (قد، ثم), as far as is read.

    The result is that list itself, or its first ``_OPENING_TOKENS`` tokens at least: the first words are
    tokenised, and the rest of the sentence only when particles used up too many of them.
    """
    bound = _ahead(norm, start, end)
    toks = _tokens(norm, start, bound)
    k = 0
    while k < len(toks) and toks[k].text in _OPENERS:
        k += 1
    if bound < end and len(toks) - k < _OPENING_TOKENS:
        toks = _tokens(norm, start, end)
    k = 0
    while k < len(toks) and toks[k].text in _OPENERS:
        k += 1
    return toks[k:]


def _clause_subject(norm: str, pos: int, lex: _Lexicon) -> _Source | None:
    """The subject of the verb that opens the sentence holding ``pos`` (``وتعمل قطر ...، وتقول إن``)."""
    last = _last_period(norm, pos)
    start = 0 if last is None else last[1]
    if not norm[start:pos].strip() and last is not None:
        # the verb opens its sentence: look at the sentence before (the period match before the last one;
        # a match needs a space after it, so cutting the text at the last match hides none)
        before = _last_period(norm, last[0])
        start = 0 if before is None else before[1]
    return _opening_subject(_opening_tokens(norm, start, pos), lex)


def _opening_subject(toks: list[_Tok], lex: _Lexicon) -> _Source | None:
    """The subject after the verb that opens ``toks`` (a sentence's tokens, opening particles dropped)."""
    # only a conjunction is stripped from the first word: أمّن، ثمّن، زمن are no من
    first = _strip_conj(toks[0].text, _ADVERBIAL_OPENERS | _PREPOSITIONS) if toks else ""
    if first in _ADVERBIAL_OPENERS:
        # في الصيف الماضي، نالت الشابات جائزة ...، ويقلن إن: a fronted adverbial closed by a comma, then
        # the clause's verb and subject
        comma = next(
            (k for k, t in enumerate(toks[: _MAX_COMMA_ADVERBIAL + 1]) if t.stop_after),
            None,
        )
        if comma is not None:
            toks = toks[comma + 1 :]
    if len(toks) > 2 and toks[0].text in _NEGATORS:
        # ولم تذكر الحكومة ... لكنها أشارت: a negated verb cites no one, but its subject is the clause's
        toks = toks[1:]
    if len(toks) < 2 or _strip_conj(toks[0].text, _PREPOSITIONS) in _PREPOSITIONS:
        return None
    phrase, _ = _phrase(toks[1:], lex)
    words = [t.text for t in phrase]
    src = None
    for k in sorted({len(words), 3, 2, 1}, reverse=True):
        if 0 < k <= len(words):
            src = _classify(words[:k], lex)
            if src is not None:
                words = words[:k]
                break
    if src is None or src.source_type == "document":
        return None
    if src.source_type in ("institution", "named_person") and lex.name_re.match(" ".join(words)):
        m = lex.name_re.match(" ".join(words))
        src.text = m.group()
    src.raw = src.text
    return src


def _continuation(
    norm: str, pos: int, feminine: bool, lex: _Lexicon, state: _State
) -> tuple[_Source | None, tuple[int, int] | None]:
    """The source of a cue with no subject.

    Inside a sentence the verb shares the subject of the clause that opened it (``ودافع الوزير ...، وقال
    إن``); a sentence-initial continuation takes the last source, unless its gender does not agree (a
    feminine verb after a masculine source) or there is none, when the subject of the previous sentence
    is used (``وتعمل قطر ... . وتقول إن``).
    """
    sstart = _sentence_start(norm, pos)
    if norm[sstart:pos].strip():
        subj = _clause_subject(norm, pos, lex)
        if subj is not None and feminine == (subj.gender == "f"):
            if state.last is not None and state.last.text == subj.text:
                # وقال المسؤول الأممي إن ...، وحذر: the clause's subject as its attribution resolved it
                return _copy(state.last), None
            return subj, None
    last = state.last
    if last is not None and not (feminine and last.gender == "m"):
        return _copy(last), None
    subj = _clause_subject(norm, pos, lex)
    if subj is not None:
        return subj, None
    return (_copy(last), None) if last is not None else (None, None)


#: Words after which أن introduces a verb (``يجب أن تتوفر``, ``بعد أن غادر``), not reported content.
#: The longest clause-opening subject read before its verb when no head noun marks it.
_MAX_SV_OPENING = 4

_MODAL_AN = frozenset(
    [
        *"يجب ينبغي يمكن يجوز لابد بد بعد قبل منذ دون بدون يستطيع تستطيع يريد تريد غير الا رغم برغم".split(),
        # لا سيما (و)أن "especially as": a causal conjunction (164 ANT / 114 dev uses of (لا )سيما +
        # (و)أن, matching form); خاصة and خصوصا are left out: خاصة is also "private" (مصادر خاصة إن)
        "سيما",
        "لاسيما",
    ]
)
#: Words that make أن part of a conjunction (``غير أن``, ``إلا أن`` "however", ``رغم أن`` "although").
_CONJUNCTION_AN = frozenset({"غير", "الا", "رغم", "برغم"})
#: The words before أن that make it "however" (غير أن، إلا أن): a conjunction, no verb's complementiser.
_BUT_AN = frozenset({"غير", "الا"})


def _in_that_clause(norm: str, pos: int) -> bool:
    """Whether ``pos`` is inside a that-clause of its clause (after أن/إن, a colon or a quote).

    ``أن`` after a modal or a time word (``وعن الشروط التي يجب أن تتحقق ... قال:``) opens no
    content, so a cue after it still has its own source.
    """
    start = _clause_start(norm, pos)
    toks = _tokens(norm, start, pos)
    return any(
        _COMPLEMENT.fullmatch(t.text) and not (i and _strip_conj(toks[i - 1].text, _MODAL_AN) in _MODAL_AN)
        for i, t in enumerate(toks)
    )


def _antecedent(norm: str, verb: int, lex: _Lexicon) -> tuple[_Source, tuple[int, int]] | None:
    """The source a relative pronoun before the verb at ``verb`` stands for: the noun phrase before the
    pronoun (and its comma), read as a subject before a verb is (``الأمير خالد بن سلمان، الذي قال``)."""
    rel = norm.rfind(" ", 0, verb - 1)  # the space before the relative pronoun
    if rel <= 0:
        return None
    end = rel
    while end > 0 and norm[end - 1] in " ،,":
        end -= 1
    # a token of punctuation alone (``> ماذا عن``) has no word to read, and its offsets are a space's
    toks = [t for t in _last_tokens(norm, _clause_start(norm, end), end, _MAX_SV_TOKENS) if t.text]
    for k in range(len(toks)):
        words = [t.text for t in toks[k:]]
        if (
            k  # the whole phrase between its punctuation and the pronoun (خالد نور، الذي) is read as it is
            and _head(words[0], lex) is None
            and _outlet_at(words, lex) is None
            and lex.name_re.match(" ".join(words)) is None
        ):
            continue
        src = _classify(words, lex)
        if src is not None and src.source_type != "document":
            return src, (toks[k].start, toks[-1].end)
    return None


_MAX_ANONYMITY_CLAUSE = 6


def _before_anonymity_clause(norm: str, start: int, pos: int, lex: _Lexicon) -> int:
    """Where the words before a verb right after a comma end when the clause before that comma is an
    anonymity clause after another (``، طلب عدم ذكر اسمه، قال``): at its first comma; else ``pos``."""
    if start < 1 or norm[start:pos].strip() or norm[start - 1] not in "،,":
        return pos  # the verb right after a comma only
    anon = _clause_start(norm, start - 1)
    if anon < 1 or norm[anon - 1] not in "،," or len(norm[anon : start - 1].split()) > _MAX_ANONYMITY_CLAUSE:
        return pos
    return anon - 1 if lex.anonymity_re.search(norm, anon, start - 1) is not None else pos


def _sv_subject(norm: str, pos: int, lex: _Lexicon) -> tuple[_Source, tuple[int, int]] | None:
    """Subject-verb order: ``لكن المسؤولين الأميركيين يزعمون أنهم``; an anonymity clause between commas
    may stand between the subject and its verb (``لكن مسؤولاً في الهيئة، طلب عدم ذكر اسمه، قال``)."""
    start = _clause_start(norm, pos)
    end = _before_anonymity_clause(norm, start, pos, lex)
    if end != pos:
        start = _clause_start(norm, end)
    if _fronted_topic(norm, start, end):
        return None
    toks = [t for t in _last_tokens(norm, start, end, _MAX_SV_TOKENS) if t.text]  # as in _antecedent
    while toks and toks[-1].text in _OPENERS:
        toks = toks[:-1]  # وكان الوزير قد أكد: the particle of the pluperfect is no part of the subject
    topic = _amma_topic(norm, pos, lex)
    if topic is not None:
        return topic
    if not toks:
        quoted = _quoted_subject(norm, start, lex)
        if quoted is not None:
            return quoted
    for k in range(len(toks)):
        if _COMPLEMENT.fullmatch(toks[k].text):
            prev = _strip_conj(toks[k - 1].text, lex.impersonal) if k else ""
            if k >= 2 and prev == "من" and _strip_conj(toks[k - 2].text, _CONJUNCTION_AN) in ("الرغم", "رغم"):
                prev = "رغم"  # على الرغم من أن الخبراء يوصون: "although", a conjunction
            if prev in lex.impersonal or prev in _CONJUNCTION_AN:
                # ويذكر أن وزير ... أعلن: an impersonal verb cites no one, so its that-clause may
                # hold an attribution of its own; غير أن / إلا أن ("however") open a clause
                start, toks = toks[k].end, toks[k + 1 :]
                break
            return None  # أن إسرائيل تعتبر: inside a that-clause, content
        impersonal = k + 1 < len(toks) and _strip_conj(toks[k].text, lex.impersonal) in lex.impersonal
        if lex.cue_words.get(toks[k].text, ("",))[0] == "verb" and not impersonal:
            # واعتبر المدير الفاتورة منخفضة وقال: the noun phrase is the subject of the verb before it
            # (verb-subject order), and the later verb continues that subject; but a subject coordinated
            # after that verb's clause opens a clause of its own (طهران ترحب وإسرائيل تحذر من)
            j = _coordinated_subject(toks, k, lex)
            if j is None:
                return None
            bare = toks[j]._replace(text=toks[j].text[1:], start=toks[j].start + 1, rstart=toks[j].rstart + 1)
            start, toks = bare.start, [bare, *toks[j + 1 :]]
            break
    for k in range(len(toks)):
        words = [t.text for t in toks[k:]]
        if k and _strip_conj(toks[k - 1].text, _TOPIC_PREPOSITIONS) in _TOPIC_PREPOSITIONS:
            # وحول المستشفى ... قال: / وعن الشروط قال: a fronted topic, the object of its preposition
            break
        if _head(words[0], lex) is None and _outlet_at(words, lex) is None:
            continue
        if any(c in _STATE_TITLES for c in _bare(words[0], lex)):
            continue  # لندن، المملكة المتحدة (CNN) - قال: a state's title before a verb is mostly a place
        src = _classify(words, lex)
        if src is not None:
            return src, (toks[k].start, toks[-1].end)
    if toks and len(toks) <= _MAX_SV_OPENING and not norm[start : toks[0].rstart].strip():
        # The whole clause before the verb is its subject (``السفير الإيطالي يؤكد أن``, ``ألمانيا
        # تعلن``): read as a subject when it names a country, body or person of the gazetteer.
        words = [t.text for t in toks]
        named = lex.name_re.match(" ".join(words)) is not None  # ألمانيا، حزب الله
        if named or _is_definite(words[0]):  # not لكن انتخاب ترامب: the subject opens the clause
            src = _classify(words, lex) or _subject_before_complement(words, lex)
            if src is not None and src.affiliation != "unknown" and src.source_type != "document":
                return src, (toks[0].start, toks[-1].end)
    return None


def _coordinated_subject(toks: list[_Tok], verb: int, lex: _Lexicon) -> int | None:
    """The index of a subject coordinated with و after the verb at ``verb`` and before the cue (``طهران
    ترحب وإسرائيل تحذر``: واسرائيل), when no other verb stands between it and the cue: a head noun, an
    outlet, a gazetteer name or a definite noun once the و is taken off (``وليد`` is no و + ليد)."""
    for j in range(len(toks) - 1, verb, -1):
        word = toks[j].text
        if lex.cue_words.get(word, ("",))[0] == "verb" or word in lex.verb_words:
            return None
        bare = word[1:]
        if (
            word[:1] == "و"
            and len(bare) > 2
            and (
                _head(bare, lex) is not None
                or _outlet_at([bare], lex) is not None
                or lex.name_re.fullmatch(bare) is not None
                or (bare.startswith("ال") and _head(bare[2:], lex) is not None)
            )
        ):
            return j
    return None


#: The most words of a quoted subject before its verb (``"الكهرباء" تدعو``), and the most characters
#: read back for it.
_MAX_QUOTED_SUBJECT = 3
_QUOTED_SUBJECT_SPAN = 80


def _quoted_subject(norm: str, start: int, lex: _Lexicon) -> tuple[_Source, tuple[int, int]] | None:
    """A subject in quotation marks right before its verb, at the start of its clause (``و"الكهرباء"
    تدعو إلى``, a headline's short name of a body): the clause punctuation of the closing quote is no
    clause boundary then. Read as a head noun, an outlet or a gazetteer name."""
    lo = max(0, start - _QUOTED_SUBJECT_SPAN)  # (a window: a scraped line may be megabytes long)
    head = norm[lo:start].rstrip()
    if not head.endswith('"'):
        return None
    q = head.rfind('"', 0, len(head) - 1)
    if q < 0:
        return None
    before = head[:q].rstrip()
    if before.endswith("و") and (len(before) == 1 or not before[-2].isalpha()):
        before = before[:-1].rstrip()
    if (before and before[-1] not in ".:،,؛;!?؟-–—|") or (not before and lo > 0):
        return None  # (the subject opens its clause: after a stop, a comma, a colon or a dash)
    words = head[q + 1 : -1].split()
    if not 1 <= len(words) <= _MAX_QUOTED_SUBJECT or not all(w.isalpha() for w in words):
        return None
    if _head(words[0], lex) is None and _outlet_at(words, lex) is None and not lex.name_re.match(words[0]):
        return None
    src = _classify(words, lex)
    if src is None or src.source_type == "document":
        return None
    return src, (lo + q + 1, lo + len(head) - 1)


#: State titles among the institution heads (السلطنة، المملكة): subjects after their verb only.
_STATE_TITLES = frozenset({"سلطنه", "مملكه"})

_MAX_AMMA_TOKENS = 16


def _amma_topic(norm: str, pos: int, lex: _Lexicon) -> tuple[_Source, tuple[int, int]] | None:
    """``أما X فـ<verb>``: the topic that أما fronts is the subject of the verb with ف; read here when
    it is a name and its role (``أما سالم الكعبي عضو اللجنة فأكد أن``): the whole phrase, a
    named person (issue 15, fresh development sample), not the role alone."""
    if norm[pos : pos + 1] != "ف":
        return None
    amma = max(norm.rfind("اما ", 0, pos), norm.rfind("واما ", 0, pos))
    if amma < 0 or amma < _sentence_start(norm, pos) - 1:
        return None
    toks = [t for t in _last_tokens(norm, amma, pos, _MAX_AMMA_TOKENS) if t.text]
    k = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].text in ("اما", "واما")), None)
    if k is None or k + 1 >= len(toks):
        return None
    words = [t.text for t in toks[k + 1 :]]
    if amma < _clause_start(norm, pos) - 1:
        # أما المرشحة عن حزب اليسار، رشا حداد، فقالت: a role, then the person's name in apposition
        # between commas, fronted before the verb
        named = _amma_apposition(toks[k + 1 :], lex)
        if named is None:
            return None
        return named
    # Only a name followed by its role, which the subject-verb reading takes for the role alone (an
    # anonymous official); the other fronted subjects (أما الوزير فقال) it reads already.
    read = None
    if (
        len(words) > 2
        and words[0] not in lex.vocabulary
        and _head(words[0], lex) is None
        and words[1].startswith("ال")
        and any(_head(w, lex) for w in words[2:5])
    ):
        # a name and its role (سالم الكعبي عضو اللجنة): the person who holds it
        aff = _affiliation(words, lex) or "unknown"
        read = _Source(" ".join(words), "named_person", aff, None, "m", "person"), len(words)
    if read is None or read[0].source_type == "document":
        return None
    return read[0], (toks[k + 1].start, toks[k + read[1]].end)


#: The most words of a name in apposition after a fronted role (``أما <role>، <name>، فقالت``).
_MAX_APPOSED_NAME = 4


def _amma_apposition(toks: list[_Tok], lex: _Lexicon) -> tuple[_Source, tuple[int, int]] | None:
    """``<role>، <name>،`` after أما: a role opened by a head or a definite noun, then one comma-closed
    segment of a few words that can be names (the segment before ف): the named person."""
    cuts = [i for i, t in enumerate(toks) if t.stop_after]
    if len(cuts) != 2 or cuts[1] != len(toks) - 1:
        return None
    role, name = toks[: cuts[0] + 1], toks[cuts[0] + 1 :]
    if (
        not (_head(role[0].text, lex) or _is_definite(role[0].text))
        or not 1 <= len(name) <= _MAX_APPOSED_NAME
    ):
        return None
    if not all(_namelike(t.text, lex, strict=False) for t in name):
        return None
    words = [t.text for t in toks]
    aff = _affiliation(words, lex) or "unknown"
    gender = "f" if role[0].text.endswith("ه") else "m"
    return _Source(" ".join(words), "named_person", aff, None, gender, "person"), (
        toks[0].start,
        toks[-1].end,
    )


#: Prepositions that open a fronted topic of an answer (``وعن أبرز الجهات التي تدعم المستشفى قال:``).
_FRONTED_TOPIC = frozenset({"عن", "حول", "بشان", "بخصوص", "عما"})


def _fronted_topic(norm: str, start: int, pos: int) -> bool:
    """Whether the clause before the verb at ``pos`` is a fronted topic: it opens with عن/حول/بشأن.

    ``وعن أهم المؤسسات التي تمول المستشفى قال:`` ("about the bodies that support the hospital, he
    said"): every noun before the verb is inside the topic, so none is its subject (the speaker goes on).
    """
    first = norm[start:pos].split(maxsplit=1)[:1]
    return bool(first) and _strip_conj(first[0], _FRONTED_TOPIC) in _FRONTED_TOPIC


#: The most words between a coordinated verb and a complementiser it owns with no subject named between.
_MAX_OWN_OBJECT = 3


def _char_before(norm: str, pos: int) -> str:
    """The last character before ``pos`` that is no space (``""`` at the line's start), read backwards
    from ``pos`` without copying the line before it.

    >>> _char_before("قال، وأضاف", 5), _char_before("  ", 2)
    ('،', '')
    """
    k = pos
    while k and norm[k - 1].isspace():
        k -= 1
    return norm[k - 1] if k else ""


def _cues_between(cues: list[_Cue], start: int, end: int) -> list[_Cue]:
    """The cues of a line (in line order) that start in ``[start, end)``, found by bisection: a line of
    many sentences costs each attribution its own few cues, not the whole line's (``islice(cues, first,
    None)`` would step through the ``first`` cues before them: n attributions would cost n**2 steps)."""
    first = bisect_left(cues, start, key=_Cue.start)
    return cues[first : bisect_left(cues, end, lo=first, key=_Cue.start)]


def _coordinated_verb_between(
    norm: str, cues: list[_Cue], res: _Found, comp: int, send: int, lex: _Lexicon
) -> bool:
    """Whether a reporting verb coordinated after a comma stands between a cue and a complementiser, and
    owns it: with a subject of its own before it (``أعلن المترو تمديد ...، وقالت الشركة إن``) or within
    a few words of it (``ونفى المتحدث وجود مجاعة، ووصف الإعلان بأنه``). The complementiser is then
    that verb's, the nearer, not the content of the cue before. A directive (``، ودعت الإدارة إلى``)
    owns none: the word after it is the one it addresses, and it goes on with the speaker before."""
    between = _cues_between(cues, res.cue_end, comp)
    return any(
        (c.group("verb") or "")[:1] in ("و", "ف")
        and not _is_directive_form(c.group("verb") or "", lex)
        and _char_before(norm, c.start()) in ("،", ",")
        and (
            len(_tokens(norm, c.end(), comp)) <= _MAX_OWN_OBJECT or _own_subject_and_that(norm, c, send, lex)
        )
        for c in between
    )


def _coordinated_clause_between(norm: str, cues: list[_Cue], res: _Found, comp: int, lex: _Lexicon) -> bool:
    """Whether a clause of its own, a subject coordinated with و and then its reporting verb, stands
    between a cue and a complementiser (``طهران ترحب وإسرائيل تحذر من "..."``): the complementiser is that
    verb's, and the verb is read with the subject before it (:func:`_coordinated_subject`)."""
    for c in _cues_between(cues, res.cue_end, comp):
        verb = c.group("verb") or ""
        if not verb or verb[:1] in ("و", "ف"):
            continue
        toks = _last_tokens(norm, res.cue_end, c.start(), _MAX_QUOTED_SUBJECT)
        j = _coordinated_subject(toks, -1, lex) if toks else None
        if j is not None and not any(t.stop_after for t in toks[j:]):
            return True
    return False


def _is_directive_form(form: str, lex: _Lexicon) -> bool:
    """Whether a written verb form (with its و/ف/ل prefixes) is a form of a directive lemma."""
    form = _verb_form(form, lex)
    return form in lex.verb_forms and lex.verb_forms[form][0] in _directive_lemmas()


def _line_attributions(norm: str, label: str, lex: _Lexicon, state: _State, cues: list[_Cue]) -> list[_Found]:
    found: list[_Found] = []

    embedded_until = -1  # positions before this (after a complementiser) are reported content
    embedded_from = -1  # where that content starts (its complementiser)
    consumed_until = -1
    if label == "headline":
        h = _headline_source(norm, lex)
        if h is not None:
            found.append(h)
            state.remember(h.src)
    quoted = (-1, -1)  # the span of a quotation opened by an attribution
    colon_content = False  # whether the reported content now read was opened by a colon (no quote)
    for m in cues:
        if m.start() < consumed_until or quoted[0] < m.start() < quoted[1]:
            continue  # a cue inside the quoted words is the speaker's own speech, not a source
        if m.start() >= embedded_until:
            embedded_until = -1
        send = _sentence_end(norm, m.end())
        before = _word_before(norm, m.start())
        negated = (
            (before in _NEGATORS and not _punct_before(norm, m.start()))
            or (before == "ان" and _without_that(norm, m.start()))
            or before in _NOUN_NEGATORS  # طلب عدم ذكر اسمه: after عدم the word is a verbal noun
        )
        if m.group("prep"):
            res = _prep_cue(norm, m, _tokens(norm, m.end(), _ahead(norm, m.end(), send)), lex, state)
            if res is not None:
                res.prepositional = " " not in norm[res.cue_start : res.cue_end]  # (بحسب ما قال: a verb's)
        elif m.group("part"):
            sstart = _sentence_start(norm, m.start())
            initial = not norm[sstart : m.start()].strip()
            nxt = _complement(norm, m.end(), send)
            if negated:
                continue
            # the participle describes the subject of a verb: a document cited by a bare preposition
            # (تتحمل واجبها طبقا للأعراف، داعية ...) is no speaker it goes on
            speakers = found
            while speakers and speakers[-1].prepositional and speakers[-1].src.source_type == "document":
                speakers = speakers[:-1]
            if m.group("part").lstrip("وف") in lex.guarded_participles and not _guarded_participle(
                norm, m, sstart, speakers, lex
            ):
                continue  # كان متوقعا أن، مطالبة الأهالي: the adjective or the verbal noun
            if (
                m.group("part").lstrip("وف") in _VERBAL_NOUN_CUES
                and speakers
                and speakers[-1].cue_start >= sstart
                and _complement(norm, speakers[-1].cue_end, m.start()) is None
            ):
                continue  # واكتفى المتحدث بالقول: the verbal noun is the verb's own speech, counted once
            if nxt is None or (
                len(_tokens(norm, m.end(), nxt[0])) > 2
                and not _statement_adverbial(norm, m.end(), nxt[0], lex)
            ):
                # It goes on an attribution of its sentence, or opens a sentence split off from one of
                # this line (``... . . داعيا الجميع``).
                continuing = bool(speakers) and (speakers[-1].cue_start >= sstart or initial)
                if continuing and m.group("part").endswith("ه") != (speakers[-1].src.gender == "f"):
                    continue  # a feminine participle cannot go on a masculine source (nor the reverse)
                if not _participle_object(norm, m, send, lex, continuing=continuing):
                    continue  # مشيرا إلى أن / مضيفا: ... ; متابعة طويلة is a noun
            if not speakers or (speakers[-1].cue_start < sstart and not initial):
                # No attribution of this sentence to continue: the participle reports the speech of its
                # clause's subject (وتطرق الوزير إلى ...، قائلاً:), or, at a clause with none, of the
                # document's last source (an article's speaker goes on, sentence after sentence).
                subj = _clause_subject(norm, m.start(), lex)
                if (
                    subj is None
                    and state.last is not None
                    and (
                        m.group("part").lstrip("وف") not in _SAYING
                        or _elided_subject(norm, sstart, m.start())
                    )
                ):
                    subj = _copy(state.last)  # ... . وختم قائلا "...": a verb with no subject goes on
                if subj is None:
                    continue
                res = _Found(m.start(), m.end(), subj, None, None, False)
            else:
                res = _Found(m.start(), m.end(), _copy(speakers[-1].src), None, None, False)
        else:
            if (
                negated
                or before in _PREPOSITIONS
                or _strip_conj(before or "", _PREPOSITIONS) in _PREPOSITIONS
            ):
                continue  # عن كشف ملفاتها، وعن أبرز الجهات: a verbal noun or an elative after a preposition
            if not m.group("suf") and _no_speaker(norm, m, before, lex):
                continue  # مما يؤكد، أن يعلن: a fact's implication or an intent, not speech
            if before in lex.honorifics and m.group("verb")[:1] not in ("و", "ف") and not m.group("suf"):
                continue  # الشيخ يزيد: after an honorific a word spelled like a verb is a name
            coordinated = m.group("verb")[:1] in ("و", "ف")
            in_content = embedded_until > m.start()
            # في بيان نقلته الوكالة، أن: a relative clause between a verb and its complementiser is no content
            relative_only = (
                in_content and bool(m.group("suf")) and m.start() < embedded_from and not coordinated
            )
            in_content = in_content and not relative_only
            if in_content and coordinated and colon_content and _opens_colon_speech(norm, m, send):
                # قالت المعلمة: ... وأضافت الكعبية: ... : a scraped colon quotation lost its period, and
                # a coordinated verb with its own colon opens the next stretch of speech
                in_content = False
            elif (
                in_content
                and coordinated
                and not quoted[0] < m.start() < quoted[1]
                and _own_subject_and_that(norm, m, send, lex)
            ):
                # قال الوزير إن ... وأكد المدير أن ...: a run-on sentence of the national press; a coordinated
                # verb with a subject and a complementiser of its own is the next attribution, not content
                in_content = False
            if (
                in_content
                and not coordinated
                and not quoted[0] < m.start() < quoted[1]
                and _after_comma_adverbial(norm, m.start())
                and _own_subject_and_that(norm, m, send, lex)
            ):
                # ...، وفي الاتجاه نفسه أكد الخبير أن: a whole article on one line of commas; after a
                # comma and a short adverbial, a verb with its own subject and أن opens the next attribution
                in_content = False
            if in_content and not coordinated:
                continue
            res = None
            if in_content and found and not m.group("suf"):
                res = _coordinated_continuation(norm, m, send, lex, found[-1])
            if res is None:
                res = _verb_cue(
                    norm, m, before, send, lex, state, embedded=in_content, relative_only=relative_only
                )
            if (
                res is None
                and coordinated
                and not in_content
                and found
                and not m.group("suf")
                and _verb_form(m.group("verb"), lex) not in lex.impersonal  # (ويعتقد أنها: "it is believed")
            ):
                # رحبت البعثة بـ"..." التي جرى فيها التصويت، ودعت جميع الأطراف إلى: after the content a
                # quotation closed, a coordinated verb after a comma goes on the sentence's speaker too
                res = _coordinated_continuation(norm, m, send, lex, found[-1])
            if res is not None and lex.verb_forms[_verb_form(m.group("verb"), lex)][0] in _RENEW_LEMMAS:
                renewed = _renewed_statement(norm, m, send, lex)
                if renewed is not None:
                    res.cue_end = max(res.cue_end, renewed[1])  # the cue is the verb with its statement noun
        if res is None:
            continue
        if m.group("part") and m.group("part").lstrip("وف") in _VERBAL_NOUN_CUES:
            res.cue_start = _governing_verb_start(norm, m.start())
        consumed_until = max(res.cue_end, res.consumes)
        found.append(res)
        state.remember(res.src)
        comp = None if res.relative else _complement(norm, res.cue_end, send)
        if comp is not None and (
            _NEW_CLAUSE.search(norm, res.cue_end, comp[0])
            or _word_before(norm, comp[0]) in _BUT_AN  # دعت إلى ...، غير أن الوزارة ترى: "however"
            or _coordinated_verb_between(norm, cues, res, comp[0], send, lex)
            or _coordinated_clause_between(norm, cues, res, comp[0], lex)
        ):
            # وأعلنت الوزارة تعليق المساعدات، فيما قال متحدث إن ...: the complementiser is another
            # clause's (after فيما، بينما، في حين، لكن، إذ، حيث or a semicolon, _NEW_CLAUSE); that
            # clause's verb opens its own attribution
            comp = None
        if comp is not None:
            embedded_from = comp[0]  # (a relative clause before it, في بيان نقلته الوكالة، is no content)
            quoted = max(quoted, _quotation(norm, comp), key=itemgetter(1))
            colon_content = norm[comp[0]] == ":" and _quotation(norm, comp)[0] < 0
            if norm[comp[0]] == '"':
                embedded_until = comp[1]  # the quotation ends the reported content
            else:
                reset = _clause_reset(norm, comp[1], send)
                embedded_until = reset if reset is not None else send
    return found


#: The last answer of :func:`_clause_reset`: (line, end, start, where the reset starts or None).
_LAST_RESET: list = [None, -1, -1, None]


def _clause_reset(norm: str, start: int, end: int) -> int | None:
    """Where ``_CLAUSE_RESET.search(norm, start, end)`` matches (its start), or None.

    The cues of a line ask from later and later positions, to the same sentence end: while the last
    answer is still at or after ``start`` (or there was none), it is the answer again, since whether the
    pattern matches at a position does not depend on where the search began. A line of many attributions
    and no reset (a whole page of commas) is then searched once, not once per attribution to its end.
    """
    line, last_end, last_start, found = _LAST_RESET
    if line is norm and last_end == end and last_start <= start and (found is None or found >= start):
        return found
    m = _CLAUSE_RESET.search(norm, start, end)
    found = None if m is None else m.start()
    _LAST_RESET[:] = [norm, end, start, found]
    return found


#: The most words between a verb and the colon that opens its speech (``وأضافت المعلمة مريم:``).
_MAX_COLON_SUBJECT = 3


def _opens_colon_speech(norm: str, m: _Cue, send: int) -> bool:
    """Whether the verb at ``m`` is followed, after a short subject at most, by a colon that opens speech."""
    comp = _complement(norm, m.end(), send)
    return (
        comp is not None
        and norm[comp[0]] == ":"
        and len(_tokens(norm, m.end(), comp[0])) <= _MAX_COLON_SUBJECT
    )


def _colon_continuation(norm: str, m: _Cue, comp: tuple[int, int] | None, has_suffix: bool) -> bool:
    """Whether the verb at ``m`` is a coordinated, subjectless verb with its colon right after it
    (``... وأضافت: ...``): the speaker goes on with a new stretch of speech, even inside the content of an
    أن clause that came before (``حاولت أن أمزج ... وأضافت:``), as a scraped colon quotation loses its
    period."""
    return (
        not has_suffix
        and m.group("verb")[:1] in ("و", "ف")
        and comp is not None
        and norm[comp[0]] == ":"
        and not _tokens(norm, m.end(), comp[0])
    )


def _definite_after(word: str, prep: str, coordinated: bool) -> bool:
    """Whether a coordinated verb is followed right away by its one-letter preposition and a definite
    noun (``وطالبت بالإفراج``): its subject is elided, not a name spelled with that letter.

    >>> _definite_after("بالافراج", "ب", True), _definite_after("بشار", "ب", True)
    (True, False)
    """
    return coordinated and len(prep) == 1 and word.startswith(prep + "ال")


def _is_prep_word(word: str, prep: str, lex: _Lexicon) -> bool:
    """Whether ``word`` is the verb's preposition or, for a one-letter one (ب، ل), a word it opens
    (``طالب الوزير بالإفراج``): not a name spelled with that letter (بشار، بان). Read for directives with
    a subject before the word only: ``ينصح بالراحة`` is impersonal, ``تعترف الدول بالجمهورية`` an act."""
    if word == prep:
        return True
    return (
        len(prep) == 1
        and word.startswith(prep)
        and len(word) > 3
        and word not in lex.given_names
        and not _known_name(word, lex)
        and word[1:] not in lex.given_names
    )


def _speech_complement(norm: str, start: int, send: int) -> tuple[int, int] | None:
    """:func:`_complement` after a verb, passing over an أن of a conjunction or a modal (``بعد أن``,
    ``قبل أن``, ``يجب أن``): ``وقال الوزير بعد أن التقى نظيره إن ...`` reports what follows إن, and
    ``لتزيد الأسعار بعد أن`` reports nothing."""
    comp = _complement(norm, start, send)
    while comp is not None and norm[comp[0]] not in ":\"'":
        before = _word_before(norm, comp[0])
        if before is None or _strip_conj(before, _MODAL_AN) not in _MODAL_AN:
            break
        comp = _complement(norm, comp[1], send)
    return comp


#: The most words of an adverbial between a comma and a verb that opens an attribution of its own.
_MAX_COMMA_ADVERBIAL = 4


def _after_comma_adverbial(norm: str, pos: int) -> bool:
    """Whether the verb at ``pos`` follows a comma and at most a short adverbial that opens with a
    preposition (``، وفي الاتجاه نفسه أكد``, ``، من جهته قال``).

    >>> _after_comma_adverbial("النتائج جيدة، وفي الاتجاه نفسه اكد", 31)
    True
    >>> _after_comma_adverbial("النتائج جيدة، اكد", 14)
    False
    """
    comma = max(norm.rfind("،", 0, pos), norm.rfind(",", 0, pos))
    if comma < 0:
        return False
    words = norm[comma + 1 : pos].split()
    return (
        0 < len(words) <= _MAX_COMMA_ADVERBIAL
        and words[0].lstrip("و") in ("في", "من", "علي", "وفي")
        and not any(w in ("ان", "انه", "انها") for w in words)
    )


def _own_subject_and_that(norm: str, m: _Cue, send: int, lex: _Lexicon) -> bool:
    """Whether a verb is followed by a subject that names a speaker and then its own complementiser (or,
    ``وكشف الوزير ... عن``, the preposition its content takes)."""
    comp = _complement(norm, m.end(), send)
    end = comp[0] if comp is not None and norm[comp[0]] != '"' else None
    form = _verb_form(m.group("verb"), lex)
    lemma = lex.verb_forms[form][0] if form in lex.verb_forms else None
    prep = lex.verb_preps.get(lemma)
    if prep and len(prep) > 1 and lemma not in _directive_lemmas():  # ودعت الإدارة إلى: an addressee
        at = next(
            (t.start for t in _tokens(norm, m.end(), end or send)[:_MAX_SOURCE_TOKENS] if t.text == prep),
            None,
        )
        end = at if at is not None else end
    if end is None:
        return False
    toks = _tokens(norm, m.end(), end)
    if not 0 < len(toks) <= _MAX_SOURCE_TOKENS:
        return False
    if _speaker_word(toks[0].text, lex):
        return True
    # وأضاف الكعبي أن: a surname or a name the lexicon does not know, read as a subject is read
    words = [t.text for t in toks[:3]]
    src = _classify(words, lex) or _classify(words[:1], lex)
    if src is None and not _is_definite(toks[0].text):
        # وقال بائع الهواتف <name>:، وأفاد متطوعون في الجمعية بأن: a role noun in construct or a plural of
        # people, read as the subject before a complementiser is read (a bare definite noun, وانتقد
        # التحكيم وقال إنه, is as often the object)
        read = _subject_words([t.text for t in toks], lex, complement=True)
        src = read[0] if read is not None else None
    return src is not None and src.source_type != "document"


def _elided_subject(norm: str, sstart: int, pos: int) -> bool:
    """Whether the sentence before ``pos`` is only a conjoined verb, with its object pronoun at most.

    ``وختم قائلا``, ``ومضى قائلا``, ``وختم حديثه قائلا``: the verb has no subject of its own, so the
    participle goes on with the last source, as a subjectless ``وأضاف`` does.
    """
    words = norm[sstart:pos].split()
    if not words or len(words) > 2 or words[0][:1] not in ("و", "ف") or len(words[0]) < 4:
        return False
    if any(c in _CLAUSE_END_PUNCT or c in "،,:؛;" for w in words for c in w):
        return False
    return len(words) == 1 or words[1].endswith(("ه", "ها", "هم"))


#: Punctuation that ends a sentence or a quotation: a negator before it does not negate the next verb
#: (after a comma it may: ``أم لا، مكتفية بالقول``).
_CLAUSE_END_PUNCT = frozenset('.!?؟"»”')


def _punct_before(norm: str, pos: int) -> bool:
    """Whether the text just before ``pos`` (spaces aside) ends a sentence or a quotation.

    ``... سواء أراد أم لا". وأضاف "...``: the لا ends the quotation, and وأضاف is not negated.
    """
    text = norm[max(0, pos - 8) : pos].rstrip()
    return bool(text) and text[-1] in _CLAUSE_END_PUNCT


def _quotation(norm: str, comp: tuple[int, int]) -> tuple[int, int]:
    """The span of the quotation that a complementiser opens (``قال: "..."``, ``وقال "..."``), from its
    opening to its closing quote, across the sentences inside it; ``(-1, -1)`` when the complementiser
    opens none, or the line does not close it.

    >>> text = 'قال: "اعرف اللاعب جيدا... وقد اكد لي انه يفاوض". وأضاف'
    >>> start, end = _quotation(text, (3, 4))
    >>> text[start:end + 1]
    '"اعرف اللاعب جيدا... وقد اكد لي انه يفاوض"'
    >>> _quotation('قال ان "الوضع صعب"', (4, 6)), _quotation('قال: "بلا نهاية', (3, 4))
    ((-1, -1), (-1, -1))
    >>> _quotation('كتب موقع "ماركا" "النجم" واشارت الي ان', (15, 16))
    (-1, -1)
    """
    if norm[comp[0]] not in ':"':
        return -1, -1
    at = comp[0] if norm[comp[0]] == '"' else comp[1]
    while at < len(norm) and norm[at] == " ":
        at += 1
    if at >= len(norm) or norm[at] != '"' or norm.count('"', 0, at) % 2:
        return -1, -1  # no quotation, or a closing quote (``لصحيفة "آس"، ...``)
    close = norm.find('"', at + 1)
    return (at, close) if close > 0 else (-1, -1)


#: Pronouns before ``ما`` that make ``ما`` + verb a relative of a fact (``وهو ما يؤكد`` "which confirms").
_FACT_PRONOUNS = frozenset("هو وهو هي وهي هذا وهذا ذلك وذلك".split())
#: Particles after which an imperfect verb is subjunctive (``أن تهدد``, ``كي يعلن``): an intent or a
#: possibility, not a statement (the complementiser إن is spelled ان too, but no reported content opens
#: with an imperfect reporting verb).
_SUBJUNCTIVE = frozenset("ان بان لان وان كي لكي".split())


def _no_speaker(norm: str, m: _Cue, before: str | None, lex: _Lexicon) -> bool:
    """Whether a verb cue (with no object pronoun) is no attribution by the word before it.

    ``مما يؤكد``, ``وهو ما يؤكد``: the verb's subject is the fact of the clause before (a
    relative of a fact, issue 15 precision guard); ``أن يعلن``, ``كي يعلن``: an imperfect
    after a subjunctive particle is an intent or a possibility.
    """
    if before == "مما":
        return True
    if before == "ما":
        return _word_before(norm, norm.rfind("ما", 0, m.start())) in _FACT_PRONOUNS
    if before in _SUBJUNCTIVE:
        form = m.group("verb").removeprefix("و").removeprefix("ف").removeprefix("ل")
        return form[:1] == "ي" or (form[:1] == "ت" and "ي" + form[1:] in lex.verb_forms)
    return False


#: Words that may stand between the start of a clause and a verb that opens it (وقد أشار، كما قال).
_CLAUSE_OPENERS = _OPENERS | {"كما", "وكما", "لكن", "ولكن", "لكنه", "ولكنه", "بينما", "فيما", "حيث", "بل"}


def _opens_clause(norm: str, m: _Cue) -> bool:
    """Whether the verb at ``m`` is coordinated (وقال) or opens its clause, after particles at most.

    Only then can an adverbial right after it (``في ختام حديثه``) mean that its subject is elided: in
    ``لكن انتخاب ترامب ... يقلل على نحو واضح``, the words before the verb are its own subject.
    """
    if m.group("verb")[:1] in ("و", "ف"):
        return True
    return all(w in _CLAUSE_OPENERS for w in norm[_clause_start(norm, m.start()) : m.start()].split())


def _name_before_role(phrase: list[_Tok], toks: list[_Tok], stop: int, lex: _Lexicon) -> bool:
    """Whether ``phrase`` is a name that a role follows in apposition after a comma: ``مختار منير، محامي
    البحيري،`` (two or three name-like words, then a person's head noun or an agent-shaped role noun)."""
    if not (2 <= len(phrase) <= 3) or not phrase[-1].stop_after or stop >= len(toks):
        return False
    if not all(_namelike(t.text, lex, strict=False) or _surname(t.text, lex) for t in phrase):
        return False
    role = toks[stop].text
    head = _head(role, lex)
    return (head is not None and head[0] in ("official", "title", "source")) or _role_noun(role, lex)


def _bare_word_person(src: _Source, words: list[str], lex: _Lexicon) -> bool:
    """Whether ``src`` is a named person read from a bare unknown word: no given or gazetteer name, head
    noun or title, and no second name-like word after it (a first name and a surname)."""
    if src.source_type != "named_person" or src.cls != "person":
        return False
    first = words[0]
    if _known_name(first, lex) or _head(first, lex) is not None or first in lex.titles:
        return False
    if lex.name_re.match(" ".join(words)) is not None:
        return False
    return not (len(words) > 1 and (_namelike(words[1], lex, strict=False) or _surname(words[1], lex)))


def _adverb(word: str, lex: _Lexicon) -> bool:
    """An indefinite accusative of a common noun, an adverb (مجدداً، سابقاً، أيضاً: tanwin dropped, ا kept)."""
    return word.endswith("ا") and len(word) > 3 and word[:-1] in lex.common_nouns


def _coordinated_continuation(norm: str, m: _Cue, send: int, lex: _Lexicon, last: _Found) -> _Found | None:
    """``وقال X أن ... وقال إنه``: a coordinated verb with no subject, right before its complementiser, in
    the reported content of an attribution of its sentence, goes on with that attribution's source
    when their genders agree (``وقالت إن`` after a masculine source is someone the content named)."""
    if last.cue_start < _sentence_start(norm, m.start()):
        return None
    form = _verb_form(m.group("verb"), lex)
    comp = _complement(norm, m.end(), send)
    if (
        (comp is None or norm[m.end() : comp[0]].strip())
        and not _directive_after_comma(norm, m, form, send, lex)
        and not (
            _noun_object_after_comma(norm, m, form, send, lex)
            and norm.count('"', last.cue_end, m.start()) % 2 == 0  # (not inside a quotation: its words)
        )
    ):
        return None
    if lex.verb_forms[form][2] != (last.src.gender == "f"):
        return None
    return _Found(m.start(), m.end(), _copy(last.src), None, None, False)


_MAX_ADDRESSEE_TOKENS = 3


def _directive_after_comma(norm: str, m: _Cue, form: str, send: int, lex: _Lexicon) -> bool:
    """``...، وطالب الحكومة بإعادة النظر``: a coordinated directive after a comma, its addressee (up to
    :data:`_MAX_ADDRESSEE_TOKENS` words) and then its own preposition, goes on with the speaker, as a
    ``وقال إن`` does; the addressee is its object, not a new subject."""
    lemma = lex.verb_forms[form][0]
    prep = lex.verb_preps.get(lemma)
    if (
        prep is None
        or lemma not in _directive_lemmas()
        or norm[: m.start()].rstrip()[-1:] not in ("،", ",", '"')
    ):
        return False
    after = _tokens(norm, m.end(), send)[: _MAX_ADDRESSEE_TOKENS + 1]
    return any(k and (t.text == prep or _is_prep_word(t.text, prep, lex)) for k, t in enumerate(after))


def _noun_object_after_comma(norm: str, m: _Cue, form: str, send: int, lex: _Lexicon) -> bool:
    """``...، وأدانت الهجمات على المدنيين``: a coordinated verb of kind noun (condemning, praising,
    announcing) after a comma, with its object right after it and no speaker between (no title, head
    noun of a person or body, or known name: ``، وأدانت الحكومة`` may be a new subject), goes on with the
    speaker, as a ``وقال إن`` does."""
    if lex.verb_forms[form][1] != "noun" or norm[: m.start()].rstrip()[-1:] not in ("،", ","):
        return False
    after = _tokens(norm, m.end(), send)[:1]
    return bool(after) and not after[0].stop_before and not _speaker_word(after[0].text, lex)


_WITHOUT = frozenset({"دون", "بدون", "ودون", "وبدون"})
#: Nouns of negation: the word after them is a verbal noun (عدم ذكر، لعدم كشفه), never a finite verb.
_NOUN_NEGATORS = frozenset({"عدم", "وعدم", "لعدم", "بعدم"})


def _governing_verb_start(norm: str, pos: int) -> int:
    """Where the verb that governs the verbal noun at ``pos`` begins (``وختم بالقول``, ``وختم حديثه بالقول``).

    The verb, not the verbal noun, is the cue (ANNOTATION: the word that marks the attribution): when the
    clause before بالقول is a verb with at most two words after it, opening its sentence or coordinated
    (و/ف), the cue starts at that verb; otherwise at بالقول itself.
    """
    start = _clause_start(norm, pos)
    toks = _tokens(norm, start, pos)
    if not 1 <= len(toks) <= 3:
        return pos
    first = toks[0]
    if first.text[:1] in ("و", "ف") or not norm[_sentence_start(norm, pos) : first.start].strip():
        return first.start
    return pos


#: Nouns of a statement that an adverbial ``في <noun> ...`` may name between a participle and its أن.
_STATEMENT_NOUNS = frozenset("تصريح تصريحات حديث مقابله بيان كلمه تغريده منشور".split())
_MAX_STATEMENT_ADVERBIAL = 5


def _statement_adverbial(norm: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Whether the words between a participle and its complement are only the statement it was made in
    (``معتبراً في تصريح للموقع أن``, ``مؤكدا في بيان له أن``): the participle then reports that complement
    as if it stood right after it.

    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> text = "معتبرا في تصريح للموقع ان"
    >>> _statement_adverbial(text, 6, text.rfind("ان"), _lexicon())
    True
    >>> text = "معتبرا في المدينه القديمه ان"
    >>> _statement_adverbial(text, 6, text.rfind("ان"), _lexicon())
    False
    """
    toks = _tokens(norm, start, end)
    return (
        2 <= len(toks) <= _MAX_STATEMENT_ADVERBIAL
        and toks[0].text == "في"
        and any(c in _STATEMENT_NOUNS for c in _bare(toks[1].text, lex))
        and not any(t.stop_before for t in toks[1:])
    )


def _without_that(norm: str, pos: int) -> bool:
    """Whether the cue at ``pos`` follows ``دون أن``, ``بدون أن``, ``من دون أن`` ("without saying")."""
    that = norm.rfind("ان", 0, pos)
    return that > 0 and _word_before(norm, that) in _WITHOUT


def _guarded_participle(norm: str, m: _Cue, sstart: int, found: list[_Found], lex: _Lexicon) -> bool:
    """Whether a participle spelled like a noun or adjective (``guarded_participles.tsv``) is one here.

    Right after a comma, going on an attribution of its own sentence whose source agrees with it in
    gender (``...، متوقعةً أن``, ``...، متهماً الشرطة بالتقصير``); a participle whose verb has no
    preposition of its own needs a noun object, not a word opened by ب (``شاحنة ...، محملة
    بالمساعدات`` is a participle of state).

    >>> from newsstudy.attribution.cues import _find_cues
    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> def at(text, src_gender="m"):
    ...     found = [_Found(0, 1, _Source("x", "named_person", None, gender=src_gender), None, None, False)]
    ...     return _guarded_participle(text, _find_cues(text, _lexicon())[-1], 0, found, _lexicon())
    >>> at("قال الوزير ان الوضع صعب، متوقعا ان يتحسن"), at("وكان متوقعا ان يتحسن")
    (True, False)
    >>> at("قال الوزير ان الشاحنات وصلت، محملا بالمساعدات"), at("قال ان الوضع صعب، متوقعه تحسنه")
    (False, False)
    """
    if not found or found[-1].cue_start < sstart:
        return False
    if norm[: m.start()].rstrip()[-1:] not in ("،", ","):
        return False
    part = m.group("part").lstrip("وف")
    if part.endswith("ه") != (found[-1].src.gender == "f"):
        return False
    prep = lex.participle_frames.get(part, ("", ""))[1]
    if not prep:
        ahead = _tokens(norm, m.end(), _ahead(norm, m.end(), _sentence_end(norm, m.end())))
        if ahead and _is_prep_word(ahead[0].text, "ب", lex) and ahead[0].text not in lex.vocabulary:
            return False  # (بعض is no ب + noun)
    return True


def _participle_object(norm: str, m: _Cue, send: int, lex: _Lexicon, *, continuing: bool) -> bool:
    """Whether a participle with no complementiser after it introduces content as its verb does.

    ``مشيراً إلى حالة ...``, ``مشيرا لتخصيص ...``: the verb's own preposition opens the content, as after
    the verb (``وأشار إلى``). ``معلناً التزام الهيئة``: a participle of a verb of kind noun (``أعلن``,
    ``انتقد``, ``دعا``) reports a statement with its object, when it goes on an attribution of its
    sentence (with none, ``معلنا`` is as often a goal "announcing" a score).
    """
    part = m.group("part").removeprefix("و").removeprefix("ف")
    frame, prep = lex.participle_frames.get(part, ("", ""))
    if not frame:
        return False
    ahead = _tokens(norm, m.end(), _ahead(norm, m.end(), send))
    skip = _adverbial_filler([t.text for t in ahead[:5]])
    if skip and any(t.stop_before for t in ahead[1 : skip + 1]):
        skip = 0  # the filler ends the clause (``مشيرا في السياق نفسه.``)
    nxt = ahead[skip : skip + 1]
    if not nxt or (nxt[0].stop_before and not skip):
        return False
    w = nxt[0].text
    if prep == "عن" and frame == "speech" and not (continuing and _after_comma(norm, m)):
        # كاشفاً عن: of a verb that reports with أن, the participle with عن is as often an unveiling
        # (كاشفة عن فرقة جديدة) as a statement; the verb itself has a subject to check (كشف الجهاز عن).
        # Right after a comma, going on an attribution of its sentence, it goes on the statement.
        return False
    if prep and (
        w == prep or (prep == "الي" and w.startswith("ل") and len(w) > 3 and w not in lex.vocabulary)
    ):
        return True
    if not continuing or w in _PREPOSITIONS or not _adverbial_position(norm, m, lex):
        return False
    # Going on an attribution, a speech or claim participle in the singular (the adverbial accusative
    # مؤكداً، مضيفةً) reports its object as the verb does: ``مضيفا ضرورة التمويل ...`` (issue 15:
    # participles with a noun object were missed on a fresh development sample).
    return frame == "noun" or (frame == "speech" and part.endswith(("ا", "ه")))


def _after_comma(norm: str, m: _Cue) -> bool:
    """Whether the cue at ``m`` comes right after a comma."""
    return norm[: m.start()].rstrip()[-1:] in ("،", ",")


def _adverbial_position(norm: str, m: _Cue, lex: _Lexicon) -> bool:
    """Whether a participle may be circumstantial (حال) where it stands, not an adjective agreeing with
    the word before it (``تطورا لافتاً``: both indefinite accusative; ``رسوم جمركية مشددة``: both
    feminine). After a comma or a stop, with و, or after a word of another ending it may (``انقطاع في
    الكهرباء معتبرا``, copy without commas).

    >>> from newsstudy.attribution.cues import _find_cues
    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> def at(text):
    ...     return _adverbial_position(text, _find_cues(text, _lexicon())[-1], _lexicon())
    >>> at("قال ان العمل مستمر، مؤكدا اهميه الدعم"), at("قال ان تطورا لافتا حدث"), at("قال ان المياه معتبرا")
    (True, False, True)
    >>> at("وناشدت الدول ازاء القضيه داعيه"), at("وناشدت الدول ازاء قضيه داعيه")
    (True, False)
    """
    if m.group("part")[:1] == "و":
        return True
    before = norm[: m.start()].rstrip()
    if not before or before[-1] in "،,.:;؛!?؟-":
        return True
    word = _word_before(norm, m.start()) or ""
    # (the ending of the token before, also when it is no word: #رسوم_جمركية مشددة); an adjective takes
    # the article of a definite noun, so after one the bare participle is circumstantial (إزاء القضية داعية)
    return (
        lex.cue_words.get(word, ("",))[0] == "verb"
        or before[-1:] != m.group("part")[-1:]
        or (_is_definite(word) and len(word) > 4)
    )


def _written_lemmas() -> frozenset[str]:
    """The lemmas of kind ``written`` (كتب، نشر، غرّد، نصّ) in ``reporting_verbs.tsv``."""
    return _lemmas_of_kind("written")


@cache
def _lemmas_of_kind(kind: str) -> frozenset[str]:
    from newsstudy.attribution.lexicon import reporting_verbs

    verbs = reporting_verbs()
    return frozenset(verbs.loc[verbs["kind"] == kind, "lemma"])


@cache
def _view_lemmas() -> frozenset[str]:
    """The lemmas of frame ``view`` (ذهب إلى أن "held the view that"): a statement only when the
    complementiser follows their preposition at once; otherwise a motion (ذهب إلى المدينة)."""
    from newsstudy.attribution.lexicon import reporting_verbs

    verbs = reporting_verbs()
    return frozenset(verbs.loc[verbs["frame"] == "view", "lemma"])


@cache
def _object_first_lemmas() -> frozenset[str]:
    """The lemmas whose object comes before their preposition (``وصف X بـ``, ``اتّهم X بـ``, ``دعا X إلى``,
    ``طالب X بـ``): the directives, and the claims whose preposition is بـ."""
    from newsstudy.attribution.lexicon import reporting_verbs

    verbs = reporting_verbs()
    claims = verbs.loc[(verbs["kind"] == "claim") & (verbs["preposition"] == "ب"), "lemma"]
    return _directive_lemmas() | frozenset(claims)


def _object_after_comma(
    phrase: list[_Tok], region: list[_Tok], m: _Cue, norm: str, lemma: str, lex: _Lexicon
) -> bool:
    """Whether the one word after a coordinated verb that takes an object before its preposition
    (:func:`_object_first_lemmas`), right after a comma, is that object and not a subject: a definite
    word that is no head noun, gazetteer name, given name or adjective, and the whole of the words
    before the complementiser or preposition (``...، ووصف الإعلان بأنه``, ``...، ودعت الجماهير إلى``;
    ``...، ودعا الوزير إلى``, ``...، ووصف الوزير الاتفاق بأنه`` keep their subject)."""
    if len(phrase) != 1 or len(region) != 1 or lemma not in _object_first_lemmas():
        return False
    if m.group("verb")[:1] not in ("و", "ف") or not _after_comma(norm, m):
        return False
    w = phrase[0].text
    return (
        _is_definite(w)
        and _head(w, lex) is None
        and not lex.name_re.fullmatch(w)
        and w not in lex.given_names
        and not lex.adjective_re.fullmatch(w)
    )


def _directive_lemmas() -> frozenset[str]:
    """The lemmas of kind ``directive`` (دعا، طالب، ناشد، حثّ ...): their object is the one addressed."""
    return _lemmas_of_kind("directive")


#: Definite words that qualify a definite head as adjectives (الأمين العام، الوزير الأول، المتحدث الرسمي).
_HEAD_ADJECTIVES = frozenset(
    "الاول الاولي السابق السابقه الجديد الجديده العام العامه المساعد المساعده الاعلي المكلف المكلفه المنتخب "
    "المؤقت الحالي الحاليه الدائم الخاص الخاصه الاسبق المناوب الفخري المنتهيه المستقيل".split()
)


def _without_addressee(phrase: list[_Tok], lex: _Lexicon) -> list[_Tok]:
    """The subject of a directive verb without the one it addresses (``ودعا الوزير المواطنين إلى``,
    ``وطالبت وزارة الصحة المواطنين بـ``): a definite head (or a construct and its genitive, or a name)
    takes no second definite genitive, so the first definite word after it that is none of its
    adjectives opens the object (issue 15: the addressee's words were read as the source's).

    >>> from newsstudy.attribution.tokens import _tokens
    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> def cut(text):
    ...     return " ".join(t.text for t in _without_addressee(_tokens(text, 0, len(text)), _lexicon()))
    >>> cut("الوزير المواطنين"), cut("الامين العام الاطراف"), cut("وزاره الصحه المواطنين")
    ('الوزير', 'الامين العام', 'وزاره الصحه')
    >>> cut("الامم المتحده الاطراف"), cut("الرئيس الامريكي"), cut("محمد علي")
    ('الامم المتحده', 'الرئيس الامريكي', 'محمد علي')
    >>> cut("اليابان والاتحاد الاوروبي واشنطن"), cut("وزاره التجاره والاستثمار السعوديه المهتمين")
    ('اليابان والاتحاد الاوروبي واشنطن', 'وزاره التجاره والاستثمار السعوديه')
    """
    words = [t.text for t in phrase]
    if len(words) < 2:
        return phrase
    name = lex.name_re.match(" ".join(words))
    if name is not None:
        i = len(name.group().split())
    elif _head(words[0], lex) is None:
        return phrase
    elif _is_definite(words[0]):
        i = 1
    elif _is_definite(words[1]):
        i = 2  # a construct and its genitive: وزارة الصحة
    else:
        return phrase
    while i < len(words):
        w = words[i]
        if not _is_definite(w) or phrase[i - 1].stop_after:
            return phrase
        if w[:1] == "و":
            i += 1  # a coordinated subject (اليابان والاتحاد الأوروبي، وزارة التجارة والاستثمار)
            continue
        bare = w
        adjective = bare in _HEAD_ADJECTIVES or lex.adjective_re.fullmatch(w) is not None
        if not adjective and bare.endswith(("ي", "يه")) and bare not in _ADDRESSEES:
            adjective = True  # a nisba adjective: الرسمي، التنفيذي، الإقليمية
        if not adjective:
            return phrase[:i]
        i += 1
    return phrase


#: Definite plurals ending like a nisba adjective that are the people addressed (حث المحافظ الأهالي).
_ADDRESSEES = frozenset({"الاهالي", "الموالي"})


#: Adverbial phrases that may stand between a participle and its object (``مضيفا في السياق ذاته``,
#: ``مبدياً في ذات السياق ...``): the position of the word after them (0: none).
_FILLER_NOUNS = frozenset("الوقت الاطار السياق الصدد المقام الشان الاتجاه".split())
_FILLER_SAME = frozenset({"ذاته", "نفسه", "ذاتها", "نفسها"})
_FILLER_WORDS = frozenset({"ايضا", "كذلك", "بدوره", "بدورها", "مجددا", "كما"})


def _adverbial_filler(words: list[str]) -> int:
    """How many of ``words`` (the words after a participle) are an adverbial filler, 0 if none.

    >>> _adverbial_filler(["في", "الوقت", "ذاته", "x"]), _adverbial_filler(["في", "ذات", "الاطار", "x"])
    (3, 3)
    >>> _adverbial_filler(["في", "هذا", "الصدد", "x"]), _adverbial_filler(["ايضا", "ان"])
    (3, 1)
    >>> _adverbial_filler(["في", "بيان"]), _adverbial_filler([])
    (0, 0)
    """
    if not words:
        return 0
    if words[0] in _FILLER_WORDS:
        return 1
    if words[0] != "في" or len(words) < 2:
        return 0
    if words[1] in _FILLER_NOUNS:
        return 3 if len(words) > 2 and words[2] in _FILLER_SAME else 2
    if len(words) > 2 and words[1] in ("ذات", "نفس", "هذا") and words[2] in _FILLER_NOUNS:
        return 3
    return 0


#: What separates the clauses of a headline: an ellipsis, a comma, a spaced dash or bar.
_HEADLINE_SEPARATORS = ("...", "…", "..", "،", " - ", " | ")


def _headline_source(norm: str, lex: _Lexicon) -> _Found | None:
    colon = norm.find(":")
    if colon <= 0:
        return None
    found = _headline_prefix_source(norm, 0, colon, lex)
    if found is None:
        # a headline of two clauses (``إغلاق الطريق... والشرطة: ...``): the source opens the last one
        seps = [norm.rfind(sep, 0, colon) + len(sep) for sep in _HEADLINE_SEPARATORS if sep in norm[:colon]]
        if seps and max(seps) < colon:
            found = _headline_prefix_source(norm, max(seps), colon, lex)
    return found


def _headline_prefix_source(norm: str, start: int, colon: int, lex: _Lexicon) -> _Found | None:
    """The source of a headline colon whose words run from ``start`` to the colon, if they are one."""
    toks = _tokens(norm, start, colon)
    while toks and not any(c.isalpha() for c in toks[0].text):
        toks = toks[1:]  # a bullet or a dash before the source (``• الدائرة:``)
    if not toks or len(toks) > _HEADLINE_PREFIX_TOKENS + _HEADLINE_CONDUIT_TOKENS:
        return None
    words = [t.text for t in toks]
    conduit = None
    conduit_marked = False
    # ``<source> لـ<outlet>: <claim>`` (an interview headline): the outlet is the conduit. A لـ before a
    # quoted or separated name (``لـ«الأيام»``, ``لـ 14 أكتوبر``) is the interviewer even when the outlet
    # table does not know it.
    for k in range(1, len(toks)):
        if (
            words[k] == "ل"
            or words[k][:2] in _LAM_QUOTE
            or (words[k].startswith("ل") and _conduit_at(toks[k:], lex, None))
        ):
            conduit = _conduit_at(toks[k:], lex, None)
            toks, words = toks[:k], words[:k]
            conduit_marked = True
            break
    # An interview headline (a conduit after the source) may name a long office: ``مدير عام مستشفى القلب
    # الجامعي في المدينة القديمة لـ الأيام:``.
    if len(toks) > _HEADLINE_PREFIX_TOKENS + (_HEADLINE_CONDUIT_TOKENS if conduit_marked else 0):
        return None
    src = _classify(words, lex, headline=True)
    if src is None and len(words) == 1 and words[0] in lex.headline_bodies:
        src = _Source(words[0], "institution", "unknown", None, "f", "institution")
    span = (toks[0].start, toks[-1].end)
    if src is None and conduit_marked and _interviewee(words, lex):
        src = _Source(" ".join(words), "named_person", "unknown", None, "m", "person")
    if src is None and "من" in words:
        k = len(words) - 1 - words[::-1].index("من")
        src = _classify(words[k + 1 :], lex, headline=True)
        span = (toks[k + 1].start, toks[-1].end) if k + 1 < len(toks) else span
    if src is None:
        return None
    return _Found(colon, colon + 1, src, span, conduit, False)


def _interviewee(words: list[str], lex: _Lexicon) -> bool:
    """Whether the words before an interview headline's ``لـ<outlet>:`` read as a personal name.

    ``نور الدين الحربي لـ«الأيام»:``: the one interviewed is a person, so a name of up to four words
    (names, al- surnames, ``الدين``/``الله`` endings) is read as one even with no given name known.
    """
    return (
        1 <= len(words) <= 4
        and _namelike(words[0], lex, strict=False)
        and all(
            w in _COMPOUND_NAME_ENDS or _namelike(w, lex, strict=False) or _surname(w, lex) for w in words[1:]
        )
    )


def _strip_conj(word: str, known: Iterable[str]) -> str:
    return word[1:] if word not in known and word[:1] in ("و", "ف") else word


#: The attributive prepositions of conformity ("in line with"), whose object is as often a rule or a
#: method as a source (``وفق منهج``, ``طبقا للقانون``).
_CONFORMITY_PREPOSITIONS = frozenset({"وفق", "وفقا", "طبقا"})

#: The prepositions of conformity that a norm's noun (``norms.txt``) after them makes "in accordance with".
_NORM_PREPOSITIONS = _CONFORMITY_PREPOSITIONS | {"استنادا الي"}


def _common_first_word(word: str, lex: _Lexicon) -> bool:
    """Whether the first word of such a preposition's object is a common noun that names no one: no
    head noun, title or known name, and no name's shape (a word that takes the article elsewhere:
    ``منهج``). A possessive (``وفقا لتقديراته``) is left alone: the possessor may be the source."""
    return (
        _head(word, lex) is None
        and word not in lex.titles
        and not _known_name(word, lex)
        and not _namelike(word, lex)
        and not _is_definite(word)
    )


#: The verbs of ``جاء في`` / ``ورد في`` (prepositions.txt): "it was stated in" a document.
_CAME_IN = frozenset({"جاء", "ورد"})


def _prep_cue(
    norm: str, m: _Cue, after: list[_Tok], lex: _Lexicon, state: _State, *, document_after_ma: bool = True
) -> _Found | None:
    cue_end = m.end()
    toks = after
    # بحسب ما قاله / وفق ما ذكرت / حسبما قال / وفقا لما ذكرته: the verb's subject is the source.
    if toks and toks[0].text in ("ما", "لما") and len(toks) > 1:
        toks = toks[1:]
    v = lex.cue_words.get(toks[0].text) if toks else None
    if v is not None and v[1] in lex.shadda_forms:
        v = None  # على ما يقدر ثمنه، على ما ورد: a shadda form's raw spelling is not read here (no cue)
    came_in = _strip_conj(m.group("prep").split()[0], _CAME_IN) in _CAME_IN
    if (
        document_after_ma
        and toks is not after
        and len(toks) > 2
        and toks[0].text in _CAME_IN
        and toks[1].text == "في"
    ):
        # بحسب ما جاء في البيان: one cue, whose source is the document
        cue_end, toks, came_in, v = toks[1].end, toks[2:], True, None
    elif m.group("prep").endswith(" ما") and (v is None or v[0] != "verb"):
        return None  # على ما أفاد مسؤول: only a reporting verb after ما makes it a cue (على ما يبدو)
    if v is not None and v[0] == "verb":
        cue_end = toks[0].end
        toks = toks[1:]
        if (
            len(toks) > 1
            and toks[0].text in _PRONOUN_PREPOSITIONS
            and toks[0].text not in ("له", "لها", "لهم")
        ):
            toks = toks[1:]  # بحسب ما أفادت به وكالة الأنباء: the verb's complement, then its subject
    elif toks and toks[0] is not after[0] and cue_end == m.end():
        toks = after
    if not toks:
        return None
    first = toks[0].text
    if (
        first.startswith("ل")
        and _strip_conj(m.group("prep"), lex.prepositions) in ("وفقا", "طبقا", "استنادا الي")
        and len(first) > 1
    ):
        stripped = first[2:] if first.startswith("لل") else first[1:]
        if first.startswith("لل"):
            # للائحة: ل + اللائحة, the article's ل written once with a noun that opens with ل
            sun_lam = "الل" + stripped
            stripped = sun_lam if _head(sun_lam, lex) and not _head("ال" + stripped, lex) else "ال" + stripped
        toks = [
            _Tok(
                stripped,
                toks[0].start + max(0, len(first) - len(stripped)),
                toks[0].end,
                False,
                toks[0].stop_after,
            ),
            *toks[1:],
        ]
    if toks[0].text in _PRONOUN_OBJECTS or toks[0].text in ("له", "لها", "لهم"):
        src, _ = _continuation(norm, m.start(), False, lex, state)
        if src is None:
            return None
        return _Found(m.start(), cue_end, src, None, None, False)
    phrase, stop = _phrase(toks, lex)
    if not phrase:
        return None
    phrase = _apposition(phrase, toks, stop, lex)  # بحسب المتحدث باسم الوزارة، <name>، فإن
    words = [t.text for t in phrase]
    read = _subject_words(words, lex, complement=cue_end != m.end())  # بحسب ما قاله X: a verb's subject
    if read is None:
        return None
    src, n = read
    if came_in and src.source_type not in ("document", "media_outlet"):
        # جاء في المرتبة الأولى، ورد في الوقت نفسه: only a document is stated in; حسب ما جاء في منشور
        # على صفحته: not a document head, so the preposition is read as before (the page's owner)
        # (read once more without the بحسب ما جاء في reading; a second reading never recurses again)
        if cue_end == m.end() or not document_after_ma:
            return None
        return _prep_cue(norm, m, after, lex, state, document_after_ma=False)
    phrase, words = phrase[:n], words[:n]
    if (
        cue_end == m.end()
        and _strip_conj(m.group("prep"), lex.prepositions) in _NORM_PREPOSITIONS
        and words[0] in lex.norms
        and norm[_clause_start(norm, m.start()) : m.start()].strip()
    ):
        # نُفذ وفقاً للقانون الدولي، تجري وفق قانون جديد: inside its clause, "in accordance with" a norm, not
        # a source; opening the clause it frames what the norm says (وطبقاً للائحة، يكون ...: a document)
        return None
    if (
        cue_end == m.end()
        and src.source_type == "named_person"
        and _strip_conj(m.group("prep"), lex.prepositions) in _CONFORMITY_PREPOSITIONS
        and _common_first_word(words[0], lex)
        # (وفق آخر حصيلة أوردها المرصد: a document, and a reporting verb that names who gave it)
        and not any(_head(w, lex) or lex.cue_words.get(w, ("",))[0] == "verb" for w in words[1:4])
    ):
        return None  # وفق منهج سفسطي: "in line with" a thing, a common noun, no person's name
    src = _resolve_anaphor(src, words, lex, state)
    _person_affiliation(src, words, state)
    region_end = toks[min(stop + 8, len(toks) - 1)].end if toks else cue_end
    conduit = _find_conduit(toks[stop : stop + 8], lex, state) if stop < len(toks) else None
    anonymous = lex.anonymity_re.search(norm, cue_end, region_end) is not None
    return _Found(m.start(), cue_end, src, (phrase[0].start, phrase[-1].end), conduit, anonymous)


#: Verbs that report only with a statement noun as their object (جدّد تأكيده، جدّدت دعوتها).
_RENEW_LEMMAS = frozenset({"جدّد"})
#: The most words (its subject) between such a verb and its statement object.
_MAX_RENEW_SUBJECT = 10


def _reporting_clause_between(norm: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Whether a worded clause reset (``_CLAUSE_OPENED``) between ``start`` and ``end`` opens the clause
    that the complementiser at ``end`` belongs to: a reporting cue (any cue but a verb of speaking-about,
    which takes its own preposition) stands between them, or the reset's clause is not a comma-bounded
    aside closed right before the complementiser.

    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> def between(text):
    ...     return _reporting_clause_between(text, 0, text.rindex(" ان") + 1, _lexicon())
    >>> between("ويشكو التجار، اذ يقول احدهم، ان"), between("وقال الوزير، اذ كان يغادر القاعه، ان")
    (True, False)
    """
    resets = list(_CLAUSE_OPENED.finditer(norm, start, end))
    if not resets:
        return False
    if not norm[start:end].rstrip().endswith(("،", ",")):
        return True  # ...، ولكن لكل مجتهد نصيب ... سجل ": no aside closed by a comma before it
    for reset in resets:
        for cue in _find_cues(norm[reset.end() : end], lex):
            verb = cue.group("verb")
            if not verb:
                return True
            while verb not in lex.verb_forms and verb[:1] in ("و", "ف", "ل"):
                verb = verb[1:]
            if verb not in lex.verb_forms or lex.verb_forms[verb][1] != "topic":
                return True
    return False


def _renewed_statement(norm: str, m: _Cue, send: int, lex: _Lexicon) -> tuple[int, int] | None:
    """The span of a statement noun (``statement_objects.txt``) that follows the verb at ``m`` within its
    subject's length, in its clause (``وجدد وزير الخارجية تأكيده أن``, ``جددت الحركة دعوتها إلى``): its
    object, right after the verb or its subject phrase (which a preposition ends).

    >>> from newsstudy.attribution.cues import _find_cues
    >>> from newsstudy.attribution.lexicon import _lexicon
    >>> def at(text):
    ...     return _renewed_statement(text, _find_cues(text, _lexicon())[0], len(text), _lexicon())
    >>> at("وجدد الوزير تاكيده ان الحوار ضروري"), at("وجدد الجيش غاراته علي المدينه رغم الرفض الدولي")
    ((12, 18), None)
    """
    toks = _tokens(norm, m.end(), _ahead(norm, m.end(), send))[: _MAX_RENEW_SUBJECT + 1]
    for k, tok in enumerate(toks):
        if k and tok.stop_before:
            return None
        if tok.text in lex.statement_objects:
            return tok.start, tok.end
        if tok.stop_after or tok.text in _PREPOSITIONS:
            # وجدد الجيش غاراته على المدينة رغم الرفض: past a preposition the words are no more the
            # subject, and a statement noun there is not the verb's object
            return None
    return None


def _verb_cue(
    norm: str,
    m: _Cue,
    before: str | None,
    send: int,
    lex: _Lexicon,
    state: _State,
    *,
    embedded: bool,
    relative_only: bool = False,
) -> _Found | None:
    word = m.group("verb")
    form = _verb_form(word, lex)
    lemma, kind, feminine = lex.verb_forms[form]
    if form in _PREPOSITION_SPELLED and not _verb_not_preposition(norm, m, lex.verb_preps.get(lemma), send):
        return None  # checked first: بين and عبر are frequent, and mostly prepositions
    # جدّد with a statement noun as its object reports it (وجدد الوزير تأكيده، جددت دعوتها إلى); with
    # none it is read as its frame says (a complementiser of its own), not as renewing an act
    renewed = _renewed_statement(norm, m, send, lex) if lemma in _RENEW_LEMMAS else None
    if (
        lemma in _RENEW_LEMMAS
        and word == form
        and renewed is None
        and _indefinite_noun(before, lex)
        and not _punct_before(norm, m.start())
    ):
        return None  # أعضاء جدد، لاعبين جدد: the adjective "new" (plural) after an indefinite noun
    has_suffix = bool(m.group("suf"))
    if before in _RELATIVES and lemma in _directive_lemmas() and _resumptive_preposition(norm, m, lemma, lex):
        return None  # الإضراب الذي دعت إليه النقابة: what was called for is the antecedent, an act
    after_ma = before == "ما"
    after_kama = before in ("كما", "وكما")
    if after_kama and not has_suffix and _writer_aside(norm, m, form, send):
        return None  # وكما ذكرت سابقا، ...: the writer's own "as I mentioned", no source
    comp = _speech_complement(norm, m.end(), send)
    if kind == "speech" and comp is not None and _reporting_clause_between(norm, m.end(), comp[0], lex):
        # يشكو التجار من الغلاء، إذ يقول أحدهم: ...: a verb that reports with a complementiser does not
        # take the next clause's (after إذ، فيما، بينما، في حين، لكن, a cue of its own before it); an
        # aside with no cue keeps it (وقال الوزير، إذ كان يغادر القاعة، إن ...)
        comp = None
    if renewed is not None:
        comp = (
            renewed  # وجدد الوزير تأكيده أن: the statement noun opens the content, the subject is before it
        )
    comp_pos = comp[0] if comp else send
    after: list[_Tok] | None = None  # the words after the verb, tokenised once they are read
    prep = lex.verb_preps.get(lemma)
    if lemma in _view_lemmas() and (comp is None or _word_before(norm, comp[0]) != prep):
        return None  # ذهب الوزير إلى المدينة: a motion; ذهب الفقهاء إلى أن: a view
    if kind == "topic":
        after = _tokens(norm, m.end(), _ahead(norm, m.end(), send))
        j = _topic_preposition(after, prep, before, lex)
        if j is None:
            return None
        if not j and m.group("verb")[:1] not in ("و", "ف") and _sv_subject(norm, m.start(), lex) is None:
            return None  # وكانت الأمطار قد تحدثت عن: after قد only a source before the verb speaks
        comp = (after[j].start, after[j].end)
        comp_pos = comp[0]
    if prep is not None and (comp is None or kind == "noun"):
        after = _tokens(norm, m.end(), _ahead(norm, m.end(), send))
        # أشار مولر إلى إمكانية / شددت الشركة على جدية: with no أن in the sentence, the preposition opens
        # the content (with an أن later, على/إلى may belong to the subject: مصدر مطلع على المحادثات ... أن).
        # A verb of kind noun takes its own preposition whatever follows (دعت مجموعة ... إلى تسليم ...).
        directive = lemma in _directive_lemmas()
        # وطالبت بالوقف الفوري: after و/ف the subject is the one coordinated, and the preposition opens the
        # content (with its article only: وطالب بشار is a name)
        coordinated = m.group("verb")[:1] in ("و", "ف")
        j = next(
            (
                k
                for k, t in enumerate(after[:_MAX_SOURCE_TOKENS])
                if t.text == prep
                or (
                    directive
                    and (k or _definite_after(t.text, prep, coordinated))
                    and _is_prep_word(t.text, prep, lex)
                )
            ),
            None,
        )
        if j is not None and after[j].start < comp_pos:
            if any(t.text in _UNVEILED for t in after[:j]):
                return None  # كشفت الشركة النقاب عن هاتفها: an unveiling, not a statement
            if has_suffix and not j and kind == "speech":
                return None  # لعدم كشفه عن اتصالات: a pronoun and then the preposition, a verbal noun
            comp = (after[j].start, after[j].end)
            comp_pos = comp[0]
    if (
        has_suffix
        and lemma not in _written_lemmas()  # مقابلة نشرتها الصحيفة: the outlet published, it is no source
        # الاقتراح الذي كشفه الرئيس، الذي دعاه الوزير: where the content comes with the verb's preposition
        # (كشف عن، حذّر من، دعا إلى) the pronoun is what was unveiled or the one addressed
        and not (prep is not None and (kind in ("noun", "topic") or prep in ("عن", "من")))
        and (
            before in _MA_RELATIVES
            or before in _RELATIVES
            or (_indefinite_noun(before, lex) and not _punct_before(norm, m.start()))
        )
    ):
        res = _object_relative(norm, m, send, lex, state)
        if res is not None or relative_only:
            return res
    if relative_only:
        return None
    if has_suffix and not (after_ma or after_kama) and norm[m.start() : m.end()] != word + m.group("suf"):
        # أخبروهم، نفاه: a perfect spelled as before an object pronoun (morphology.object_stems) is read in
        # a relative clause or after ما/كما only; elsewhere its subject is not found by this clause
        # (تحدث المستشارون مع مسؤولين ... وأخبروهم أن: whom they spoke with is no source)
        return None
    if (
        has_suffix
        and not after_ma
        and not after_kama
        and not (comp and not _tokens(norm, m.end(), comp[0]))
        and not _suffixed_continuation(norm, m, comp)
    ):
        return None  # كشفه بايدن: an act on an object, not speech
    if has_suffix and after_kama:
        has_suffix = False  # كما تصفها الشركة، كما يصفه: "as X describes it", the subject follows the pronoun
    post_posed = comp is None and (
        _after_quotation(norm, m.start()) or (not _before_conj(m) and _post_posed_after_comma(norm, m, send))
    )
    if kind == "speech" and comp is None and not after_kama and not post_posed:
        if lemma not in _NOUN_OBJECT_SPEECH or not _speaker_opens(norm, m, send, lex):
            return None
        if "ل" in word[: len(word) - len(form)]:
            return None  # حضر ليؤكد دعمه: the ل of purpose with a noun object is an intent, not a statement
    if after is None:
        # Only the words that are read: up to the complementiser (the subject and a conduit are there),
        # or with none (or for نقل, which reads past it) the first _AHEAD_TOKENS words.
        bound = comp_pos if comp is not None and kind != "transmit" else _ahead(norm, m.end(), send)
        after = _tokens(norm, m.end(), bound)
    if kind == "transmit":
        return _transmit_cue(norm, m, after, lex, state)
    region = [t for t in after if t.end <= comp_pos]
    if (
        prep is not None
        and len(region) > 1
        and region[-1].text == prep
        and not region[-1].stop_after  # ...، إدريس ماهر علي، أن: a name before a comma
        and comp_pos < send
    ):
        region = region[:-1]  # وتشير الدراسات إلى أن: the verb's own preposition before أن ends its subject
    if word[:1] == "و" and form[:1] in ("ي", "ت") and not has_suffix and not embedded:
        opened = _subject_verb_opening(norm, m, form, lex)
        if opened is not None:
            # الوزارة تدق ناقوس الخطر وتدين الانتهاكات: the imperfect coordinated after a subject-verb
            # clause shares its subject, and the words after it are its object
            src, span = opened
            src = _resolve_anaphor(src, src.text.split(), lex, state)
            _person_affiliation(src, src.text.split(), state)
            conduit = _find_conduit(region if comp else after[:12], lex, state)
            anonymous = lex.anonymity_re.search(norm, m.end(), comp_pos if comp else send) is not None
            return _Found(m.start(), m.end(), src, span, conduit, anonymous)
    phrase, stop = _phrase(region, lex)
    if (
        all(t.text in lex.vocabulary for t in phrase)
        or (phrase and phrase[0].text in _ADVERBIAL_OPENERS and _opens_clause(norm, m))
        or (len(phrase) == 1 and _adverb(phrase[0].text, lex))
        or (
            # ينصح بتناول، ويوصي بتخزين: the verb's one-letter preposition and a common noun open its
            # content at once; there is no subject (طالب بشار: a name spelled with that letter is one)
            prep is not None
            and len(prep) == 1
            and phrase
            and phrase[0] is region[0]
            and phrase[0].text[:1] == prep
            and phrase[0].text[1:] in lex.common_nouns
        )
    ):
        phrase = []  # ويقولون جميعا إنهم، وأشار في نهاية كلمته إلى أنه: an adverbial, no subject
    if phrase and _object_after_comma(phrase, region, m, norm, lemma, lex):
        phrase = []  # ...، ووصف الإعلان بأنه، ...، ودعت الجماهير إلى: the object; the clause's source goes on
    if (
        region
        and comp is not None
        and not has_suffix
        and (not phrase or phrase[0] is region[0])
        and (
            region[0].text in _ADVERBIAL_OPENERS
            or region[0].text in _PRONOUN_PREPOSITIONS
            or (phrase and _conduit_first(region, lex))
        )
        and _opens_clause(norm, m)
    ):
        # وقال، في مؤتمر صحفي، وزير الخارجية ... إن / وقال لرويترز مدير الإدارة إن: the subject comes
        # after the circumstantial phrase or the conduit
        k = _subject_after_adverbial(region, lex)
        if k is not None:
            region = region[k:]
            phrase, stop = _phrase(region, lex)
        elif phrase and phrase[0] is region[0] and _conduit_first(region, lex):
            phrase = []  # فقالت للإذاعة إن: the conduit and no subject after it (the clause's goes on)
    if kind == "noun" and lemma in _directive_lemmas():
        phrase = _without_addressee(phrase, lex)
    phrase = _apposition(phrase, region, stop, lex)
    if kind == "speech" and comp is None and not post_posed:
        # أكد الوزير ... حرص: the noun object is no subject (after كما only a nameless head's object:
        # كما أكد المصدر أهمية ...)
        phrase = _subject_before_object(phrase, lex, nameless_only=after_kama)
    elif kind == "speech" and comp is not None and not post_posed:
        # أعلنت الهيئة بدء حملة …، مضيفة أن: a later أن does not make a nameless head's object its
        # subject
        phrase = _subject_before_object(phrase, lex, nameless_only=True)
    words = [t.text for t in phrase]
    named = _name_before_role(phrase, region, stop, lex)
    if kind == "inform" and comp is None:
        return None
    if kind == "inform" and phrase and (len(words) == 1 or lex.name_re.fullmatch(" ".join(words))):
        phrase, words = [], []  # أبلغت الدوحة بأن: one noun is the object, the subject is elided
    src: _Source | None = None
    span: tuple[int, int] | None = None
    sv: tuple[_Source, tuple[int, int]] | bool | None = False  # False: not read yet
    if (
        phrase
        and not has_suffix
        and not embedded
        and kind != "inform"
        and (
            not _opens_clause(norm, m)
            or _before_anonymity_clause(norm, _clause_start(norm, m.start()), m.start(), lex) != m.start()
        )
    ):
        # والدفاع المدني السعودي يعلن مقتل ...: a source noun phrase before a verb that does not open its
        # clause is its subject (subject-verb order), and the words after the verb are its object
        sv = _sv_subject(norm, m.start(), lex)
        if sv is not None and sv[0].source_type != "media_outlet":  # not a dateline's agency (وفا - قال)
            src, span = sv
            src = _resolve_anaphor(src, src.text.split(), lex, state)
    if src is None and phrase and not has_suffix and named and not embedded:
        # مختار منير، محامي البحيري،: a name with its role in apposition after a comma
        src = _Source(
            " ".join(words), "named_person", _affiliation(words, lex) or "unknown", None, "m", "person"
        )
        src = _resolve_anaphor(src, words, lex, state)
        span = (phrase[0].start, phrase[-1].end)
    if src is None and phrase and not has_suffix:
        src = _classify(words, lex)
        if src is not None and comp is None and _bare_word_person(src, words, lex):
            # وأعلن مقتل عشرة أشخاص، أكد حرصه على: with no complementiser the phrase runs on into the
            # object, so one unknown word is no name; the object is not the subject
            return None
        if src is not None:
            if embedded:
                return None
            src = _resolve_anaphor(src, words, lex, state)
            span = (phrase[0].start, phrase[-1].end)
    if src is None and phrase and not has_suffix and not embedded and kind != "inform":
        adjacent = comp is not None and not norm[phrase[-1].end : comp_pos].strip()
        read = _subject_words(words, lex, complement=comp is not None, bare_names=adjacent)
        if read is not None:
            src, n = read
            phrase, words = phrase[:n], words[:n]
            src = _resolve_anaphor(src, words, lex, state)
            span = (phrase[0].start, phrase[-1].end)
    if src is None:
        if phrase and not has_suffix and (_head(words[0], lex) or _namelike(words[0], lex)):
            return None
        if sv is False:
            sv = _sv_subject(norm, m.start(), lex)
        if sv is not None:
            if embedded:
                return None
            src, span = sv
            words = src.text.split()
        else:
            if form in lex.impersonal and not phrase:
                return None
            if _in_that_clause(norm, m.start()) and not _colon_continuation(norm, m, comp, has_suffix):
                return None  # أنهم يرون أن / على أن إسرائيل تعتبر: a verb inside a that-clause is content
            if phrase and not has_suffix and not kind == "inform":
                return None  # an explicit subject that is not a source: تشير الاجتماعات إلى أن
            if before in _RELATIVES:
                # الأمير خالد بن سلمان، الذي قال إن: the relative's antecedent is the subject; when it is
                # no source (جمهورية ... التي أعلنت) the verb reports no one
                ante = _antecedent(norm, m.start(), lex)
                if ante is None or embedded:
                    return None
                src, span = ante
                words = src.text.split()
                _person_affiliation(src, words, state)
                conduit = _find_conduit(after[:12], lex, state)
                return _Found(m.start(), m.end(), src, span, conduit, False)
            src, span = _continuation(norm, m.start(), feminine, lex, state)
            if src is None:
                return None
            words = src.text.split()
    _person_affiliation(src, words, state)
    conduit = _find_conduit([t for t in after if t.end <= comp_pos] if comp else after[:12], lex, state)
    if conduit is not None and conduit == src.outlet:
        conduit = None  # الموقع الإلكتروني لصحيفة ماركا: the outlet is the source, it spoke to no one
    anonymous = lex.anonymity_re.search(norm, m.end(), comp_pos if comp else send) is not None
    return _Found(m.start(), m.end(), src, span, conduit, anonymous)


def _resumptive_preposition(norm: str, m: _Cue, lemma: str, lex: _Lexicon) -> bool:
    """Whether the verb's own preposition follows it with a pronoun (``دعت إليه``, ``طالب بها``): in a
    relative clause the pronoun takes up the antecedent, which is then the verb's object, not its subject."""
    prep = lex.verb_preps.get(lemma)
    nxt = _tokens(norm, m.end(), min(len(norm), m.end() + 16))[:1]
    if prep is None or not nxt:
        return False
    word = nxt[0].text
    return word.startswith(prep) and word[len(prep) :] in _RESUMPTIVE_SUFFIXES


#: The pronouns a preposition takes up an antecedent with (إليه، إليها، بهم; الي is written اليه).
_RESUMPTIVE_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن"})

#: The most words of a subject before the imperfect that opens its clause (``وزارة الصحة العامة تعلن``).
_MAX_OPENING_SUBJECT = 4
#: The most characters from a sentence's start to a coordinated imperfect read with its opening subject
#: (a headline or a sentence's first clause; a longer stretch is read no further, a scraped line may hold
#: no sentence end at all).
_MAX_OPENING_SPAN = 400


def _subject_verb_opening(
    norm: str, m: _Cue, form: str, lex: _Lexicon
) -> tuple[_Source, tuple[int, int]] | None:
    """The subject of a subject-verb clause that opens the sentence of a coordinated imperfect cue, when
    its verb is an imperfect of the same person (``الوزارة تدق ناقوس الخطر وتدين``, ``المعارضة ترفض
    النتائج وتتهم الحكومة``): a source noun phrase of a few words, then that verb."""
    start = _sentence_start(norm, m.start())
    if m.start() - start > _MAX_OPENING_SPAN or _CLAUSE_PUNCT.search(norm, start, m.start()):
        return None  # (a comma, colon or quote between: another clause may have its own subject)
    toks = _tokens(norm, start, m.start())
    person = form[0]
    for v in range(1, min(len(toks), _MAX_OPENING_SUBJECT + 1)):
        w = toks[v].text
        if w[:1] != person or len(w) < 3 or _known_name(w, lex) or _head(w, lex) is not None:
            continue
        if lex.cue_words.get(w, ("",))[0] == "prep":
            return None
        words = [t.text for t in toks[:v]]
        if _strip_conj(words[0], _PREPOSITIONS) in _PREPOSITIONS or words[0] in _ADVERBIAL_OPENERS:
            return None
        src = _classify(words, lex)
        if src is None or src.source_type == "document" or (src.gender == "f") != (person == "ت"):
            return None
        return src, (toks[0].start, toks[v - 1].end)
    return None


#: ما with a preposition before a relative clause (``بما وصفوه بـ``, ``عما قاله``, ``مما نفاه``).
_MA_RELATIVES = frozenset({"ما", "بما", "عما", "مما", "لما", "وما"})
#: The most words of an adverbial between a coordinated verb with a pronoun and its complementiser.
_MAX_SUFFIX_ADVERBIAL = 4


def _suffixed_continuation(norm: str, m: _Cue, comp: tuple[int, int] | None) -> bool:
    """Whether a coordinated verb with an object pronoun goes on its clause's source, an adverbial and
    then its complementiser after it: ``وانتقدت الوزارة القرار، ووصفته في بيان بأنه سياسي`` (the
    pronoun is the thing described, the subject the ministry)."""
    if comp is None or m.group("verb")[:1] not in ("و", "ف"):
        return False
    between = _tokens(norm, m.end(), comp[0])
    return 0 < len(between) <= _MAX_SUFFIX_ADVERBIAL and between[0].text in _ADVERBIAL_OPENERS


#: Adverbs of an earlier mention (``كما ذكرت سابقا``, ``كما أشرت آنفا``).
_EARLIER = frozenset({"سابقا", "انفا", "اعلاه", "قبل", "من"})


def _writer_aside(norm: str, m: _Cue, form: str, send: int) -> bool:
    """Whether ``كما`` + a perfect in ت with no subject is the writer's first person (``كما ذكرت، فإن``,
    ``كما قلت سابقا``): the ت of "I", nothing after the verb but punctuation or an adverb of an earlier
    mention. With a subject (``كما ذكرت الصحيفة``) it is the 3rd person feminine."""
    if not form.endswith("ت"):
        return False
    after = _tokens(norm, m.end(), send)[:1]
    return not after or norm[m.end() : after[0].start].strip() != "" or after[0].text in _EARLIER


def _indefinite_noun(word: str | None, lex: _Lexicon) -> bool:
    """Whether ``word`` may be an indefinite noun that a relative clause with no relative pronoun follows
    (``في بيان نقلته الوكالة``, ``موسم وصفه السكان``): a word of letters with no article, no clitic
    preposition word, no negator and no cue."""
    return (
        word is not None
        and len(word) >= 3
        and word.isalpha()
        and not word.startswith(("ال", "وال", "بال", "لل", "كال", "فال", "و", "ف"))
        and word not in _PREPOSITIONS
        and word not in _NEGATORS
        and word not in lex.vocabulary
        and word not in lex.cue_words
    )


#: ل with a pronoun: the addressee of a verb, before its subject (``ما قاله لنا المسؤول``).
_ADDRESSEE_PRONOUNS = frozenset({"لنا", "لي", "له", "لها", "لهم", "لك", "لكم"})
#: Words that open a clause, never a subject after its verb (``وأنكره حتى لا أعرفه``).
_CLAUSE_WORDS = frozenset(
    "حتي كي لكي اذا اذ لان لانه لانها ان انه انها قد لا ما لم لن ثم ذلك هذا هذه تلك".split()
)
#: The most words between an attributive preposition and a relative verb of its object (بحسب الأرقام التي
#: نشرتها، وفق ما نقلته).
_COMPOUND_CUE_WORDS = 3


def _after_attributive_preposition(norm: str, pos: int, lex: _Lexicon) -> bool:
    """Whether an attributive preposition (بحسب، وفق، حسب) stands at most a few words before ``pos``."""
    words = norm[max(0, pos - 60) : pos].split()[-_COMPOUND_CUE_WORDS:]
    return any(lex.cue_words.get(w.strip(_PUNCT), ("",))[0] == "prep" for w in words)


def _verb_form(word: str, lex: _Lexicon) -> str:
    """A verb cue's form without its conjunctions (وقال → قال), as the lexicon lists it."""
    form = word
    while form not in lex.verb_forms and form[:1] in ("و", "ف", "ل"):
        form = form[1:]
    return form


def _bare_head_after_clitic(word: str, lex: _Lexicon) -> bool:
    """Whether ``word`` is ل or ب before a noun (للشركة، لشركة، بالوزارة): a preposition's object."""
    rest = word[2:] if word.startswith(("لل", "بال")) else word[1:]
    return rest.startswith("ال") or _head(rest, lex) is not None or word.startswith(("لل", "بال"))


def _object_relative(norm: str, m: _Cue, send: int, lex: _Lexicon, state: _State) -> _Found | None:
    """A reporting verb with an object pronoun in a relative clause whose subject follows it: ``وهو ما
    نفته الوزارة``, ``ما قاله المتحدث``, ``التي أعلنتها اللجنة``, ``في بيان نقلته وكالة الأنباء``. The
    pronoun is the antecedent (the thing said); the source is the noun phrase right after the verb, if it
    is one."""
    after = _tokens(norm, m.end(), _ahead(norm, m.end(), send))
    if after and after[0].text in _ADDRESSEE_PRONOUNS:
        after = after[1:]  # ما أكده لنا مصدر مطلع: the addressee, then the subject
    if not after or after[0].text in _PRONOUN_PREPOSITIONS or after[0].text in _ADVERBIAL_OPENERS:
        return None
    phrase, stop = _phrase(after, lex)
    if (
        not phrase
        or (phrase[0].text[:1] in ("ل", "ب") and _bare_head_after_clitic(phrase[0].text, lex))
        or (
            phrase[0].text[:1] in ("و", "ف")
            and (phrase[0].text[1:] in _NEGATORS or phrase[0].text in lex.cue_words)
        )
        or phrase[0].text in lex.vocabulary
        or phrase[0].text in _CLAUSE_WORDS
    ):
        return None  # تابعه لشركة النفط، تمناها ولم يتوقعها: a preposition's object or a clause, no subject
    if _after_attributive_preposition(norm, m.start(), lex):
        return None  # بحسب حصيلة أعلنها الديوان: one attribution, the preposition's (a compound cue)
    phrase = _apposition(phrase, after, stop, lex)
    words = [t.text for t in phrase]
    src = _classify(words, lex)
    if src is None:
        read = _subject_words(words, lex, complement=False)
        if read is None:
            return None
        src, n = read
        phrase, words = phrase[:n], words[:n]
    if src.source_type == "named_person" and not (_head(words[0], lex) or _known_name(words[0], lex)):
        return None  # نفاه مرارا، وصفه بنهج صارم: an adverb or the verb's own object, no name
    if words[0][:1] in ("ب", "ل") and words[0] not in lex.names and words[0] not in lex.given_names:
        return None  # وصفته بجيل جديد، وصفه لترامب: a preposition's object, not a subject (but بكين، لندن)
    if (
        lex.verb_forms[_verb_form(m.group("verb"), lex)][1] == "transmit"
        and src.source_type != "media_outlet"
    ):
        return None  # فنقلته السلطات إلى سجن: a transfer; only an outlet passes a statement on
    src = _resolve_anaphor(src, words, lex, state)
    _person_affiliation(src, words, state)
    conduit = _find_conduit(after[len(phrase) : len(phrase) + 6], lex, state)
    anonymous = lex.anonymity_re.search(norm, m.end(), send) is not None
    found = _Found(m.start(), m.end(), src, (phrase[0].start, phrase[-1].end), conduit, anonymous)
    found.relative = True
    return found


#: Objects of ``كشف ... عن`` that make it an unveiling (``كشف النقاب/الستار عن``), not a report.
_UNVEILED = frozenset({"النقاب", "الستار"})


#: Verb forms spelled like a preposition: the past of بيّن is بين "between", that of عبّر is عبر "via".
_PREPOSITION_SPELLED = frozenset({"بين", "عبر"})


def _verb_not_preposition(norm: str, m: _Cue, prep: str | None, send: int) -> bool:
    """Whether a verb form spelled like a preposition (:data:`_PREPOSITION_SPELLED`) is the verb here.

    It is where the preposition cannot stand: the word opens its clause (``وبين أنه``, ``، عبر عن``,
    ``كما بين أن``, not ``الفرق بين`` or ``يختار بين أن``) and what the verb introduces follows it at
    once: its complementiser (``بين أن``, ``بين:``) or its preposition (``عبر عن``); a preposition's
    object stands there instead (``بين البلدين``, ``عبر الهاتف``).
    """
    if m.group("suf"):
        return False  # وبينهما، بينها: "between them", "among them"
    if norm[m.end() : m.end() + 1] == ":":
        follows = prep is None  # بين: (a colon opens what was shown)
    else:
        nxt = norm[m.end() : min(send, m.end() + 24)].split(maxsplit=1)[:1]
        if prep is not None:
            # عبر عن, or, opening its clause, عبر + a subject of a few words + عن (وعبر البنك
            # الدولي عن خشيته; the topic frame then asks the subject to be a speaker, which وعبر
            # الحدود "and across the border" is not)
            # (the subject may be a name with its office: up to the topic window, as the topic frame reads)
            window = norm[m.end() : min(send, m.end() + 12 * _TOPIC_WINDOW)].split()[:_TOPIC_WINDOW]
            follows = nxt == [prep] or prep in window
        else:
            follows = bool(nxt) and _COMPLEMENT.fullmatch(nxt[0].rstrip("،,.")) is not None
    return follows and _opens_clause(norm, m)


#: Speech verbs that report a statement with a noun object too (``أكد الوزير حرص الحكومة على``), when
#: a speaker follows them (:func:`_speaker_opens`).
_NOUN_OBJECT_SPEECH = frozenset({"أكّد"})
#: Sentence adverbials that may stand before such a verb (``من جهته أكد الوزير``, ``بدوره أكد``,
#: ``من ناحيته``, ``إلى ذلك`` "besides").
_TURN_ADVERBIALS = frozenset(
    "من ومن جهته جهتها جانبه جانبها بدوره بدورها وبدوره وبدورها ناحيته ناحيتها الي والي ذلك".split()
)


def _speaker_opens(norm: str, m: _Cue, send: int, lex: _Lexicon) -> bool:
    """Whether the verb at ``m`` opens its clause and the word after it names a speaker (a title, an
    official, institution or source head noun, a given or gazetteer name): ``أكد وزير الدفاع ...
    جاهزية بلاده``, not ``أكد الحادث ضرورة`` (a noun that is no speaker) nor ``أكده`` (an object)."""
    if m.group("suf"):
        return False
    if not _opens_clause(norm, m) and not all(
        w in _TURN_ADVERBIALS or w in _CLAUSE_OPENERS
        for w in norm[_clause_start(norm, m.start()) : m.start()].split()
    ):
        return False
    nxt = _tokens(norm, m.end(), _ahead(norm, m.end(), send))[:1]
    return bool(nxt) and not nxt[0].stop_before and _speaker_word(nxt[0].text, lex)


def _subject_before_object(phrase: list[_Tok], lex: _Lexicon, *, nameless_only: bool = False) -> list[_Tok]:
    """The subject of a speech verb with a noun object: the phrase up to its first indefinite common noun
    that does not follow a head noun in construct (``مصادر عسكرية | مقتل قيادي``, ``وزير الدفاع ... ليبرمان
    | اعتراض``; ``رئيسة وزراء بريطانيا`` stays whole).

    A definite head takes no genitive and agrees with its adjectives in definiteness, so after a
    definite head that names no one (a source noun, a body, a document: ``المصدر``, ``الوزارة``,
    ``التقرير``) and its definite adjectives, the first bare indefinite word opens the object
    (``أكد المصدر | ضرورة ...``), whether or not it is a listed common noun."""
    nameless = _is_definite(phrase[0].text) and _nameless_head(phrase[0].text, lex) if phrase else False
    for i in range(1, len(phrase)):
        w = phrase[i].text
        if (
            not nameless_only
            and w in lex.common_nouns
            and _head(phrase[i - 1].text, lex) is None
            and not lex.adjective_re.fullmatch(w)  # مصادر عسكرية يمنية
        ):
            return phrase[:i]
        if nameless and (w in _PREPOSITIONS or w in _MODIFIER_OPENERS or w in ("الي", "علي")):
            return phrase  # المصدر في الوزارة، لفت التقرير إلى: a modifier, or the verb's own preposition
        if nameless and not _is_definite(w):
            if w[:1] in ("و", "ب", "ل", "ك", "ف"):
                return phrase  # المصدر بالوزارة، الوزارة وشركاؤها: a modifier or a coordinated subject
            if w in _FILLER_SAME or w in _FILLER_WORDS or phrase[i - 1].stop_after:
                return phrase
            return phrase[:i]
    return phrase


#: Head classes whose definite noun never takes a personal name after it (``المصدر``, ``الوزارة``).
_NAMELESS_CLASSES = frozenset({"institution", "document"})


def _nameless_head(word: str, lex: _Lexicon) -> bool:
    """Whether ``word`` is a head noun that takes no name after it: a body, a document, or the source
    nouns themselves (مصدر، مصادر; a named source is no source: ``الباحث سامر`` is a role and a name)."""
    head = _head(word, lex)
    if head is None:
        return False
    return head[0] in _NAMELESS_CLASSES or (head[0] == "source" and _bare(word, lex)[-1] in _SOURCE_NOUNS)


_SOURCE_NOUNS = frozenset({"مصدر", "مصادر"})


#: A preposition with an object pronoun right after a verb (``يقول عنها المدرب``, ``قال له الوزير``): a
#: complement of the verb, after which its subject comes.
_PRONOUN_PREPOSITIONS = frozenset(
    p + s for p in ("عن", "في", "ل", "ب", "علي", "الي", "من") for s in ("ه", "ها", "هم", "هما")
)
#: Words after which a speaker noun is an object or an addressee, not the verb's subject.
_GOVERNING = frozenset({"مع", "الي", "علي", "عن", "من", "لدي", "امام", "بين", "ضد", "حول"})
#: Clitics of a word that is governed or coordinated (بطوكيو، لوزير، والوزير، كالوزير), unless a given name.
_PROCLITICS = ("ب", "ل", "ك", "و", "ف")
#: Endings of a verbal noun with its pronoun (لقائه، كلمته، زيارتها): the noun after it is its object.
_POSSESSED = ("ائه", "ته", "ها", "هم", "هما")
#: The longest circumstantial phrase read before a subject (``في مؤتمر صحفي عقده أمس في العاصمة``).
_MAX_ADVERBIAL_TOKENS = 8


def _conduit_first(region: list[_Tok], lex: _Lexicon) -> bool:
    """Whether the words after a verb open with its conduit (``لرويترز``, ``لـ"الوطن"``, ``مع سكاي نيوز``)."""
    w = region[0].text
    if w[:1] not in ("ل", "م"):
        return False
    if w.startswith("لل") and (_head(w[2:], lex) or ("",))[0] == "outlet":
        return True  # للإذاعة، للصحيفة: a generic outlet noun, the outlet named earlier
    return w[:2] in _LAM_QUOTE_OPEN or _conduit_at(region, lex, None) is not None


#: ``لـ"`` and ``لـ«`` before a quoted outlet name (the tatweel is gone in matching form).
_LAM_QUOTE_OPEN = frozenset({'ل"', "ل«", "ل“"})


def _subject_after_adverbial(region: list[_Tok], lex: _Lexicon) -> int | None:
    """Where the subject starts after a circumstantial phrase or a conduit right after the verb, if one does.

    The first word that names a speaker (:func:`_speaker_word`) and is governed by nothing before it: not
    after a preposition (``في رسالة إلى وزير``: an addressee), not after a verbal noun with its pronoun
    (``خلال لقائه وزير``: an object), not itself a prepositional word (``لوزير``, ``بالوزير``).
    """
    governed = False
    for k in range(1, min(len(region), _MAX_ADVERBIAL_TOKENS + 1)):
        w, prev = region[k].text, region[k - 1].text
        if prev.endswith(_POSSESSED):
            return None  # خلال لقائه وزير، في ندوة أقامها مركز: what follows is the noun's or verb's own
        if region[k].stop_before or region[k - 1].stop_after:
            governed = False  # a comma closes the circumstantial phrase
        if prev in _GOVERNING or prev in _RELATIVES:
            # في رسالة إلى وزير: an addressee and its genitive; في الرسالة التي وجهها الوكيل: a relative
            # clause's own agent (until a comma closes it), and the verb's subject is elided
            governed = True
        if governed:
            continue
        if _speaker_word(w, lex) and not (
            w[:1] in _PROCLITICS and w not in lex.given_names and _speaker_word(w[1:], lex)
        ):
            return k  # not بطوكيو، لوزير، والوزير: governed or coordinated
    return None


def _speaker_word(w: str, lex: _Lexicon) -> bool:
    """A word that names a person or a body: a title, a head noun of those classes, a known name."""
    head = _head(w, lex)
    return (head is not None and head[0] in _SPEAKER_CLASSES) or w in lex.titles or _known_name(w, lex)


#: How many words a verb of speaking-about may have between it and its preposition (the subject).
_TOPIC_WINDOW = 10
#: Head-noun classes that make a subject a person or a body (not ``الحديث``, ``الرواية``, ``مشاكل``).
_SPEAKER_CLASSES = frozenset({"title", "official", "institution", "source", "outlet"})


def _topic_preposition(after: list[_Tok], prep: str | None, before: str | None, lex: _Lexicon) -> int | None:
    """Where the topic of a verb of speaking-about opens (``تحدث الوزير عن``, ``وتطرق إلى``), or None.

    ``تحدّث``, ``تطرّق``, ``تكلّم``, ``عبّر`` (frame ``topic``) report what was said only with their own
    preposition (``عن``, ``إلى``) and a speaker: a subject that names a person or a body (a title, an
    official or institution noun, a known name) or none at all before the preposition (a coordinated
    verb, ``وتطرق إلى``, goes on the clause's or document's source; another has its subject before it,
    which the caller checks). Without them they are no attribution: ``تحدث مع``
    (even with a topic: ``تحدث الوزير مع نظيره عن``) is a conversation, ``تحدث مشاكل`` (تَحدُث
    "occur") an event, ``تطرق الحديث إلى`` a topic, and after a relative pronoun (``المرة التي يتحدث
    فيها``) the verb describes, it does not cite.
    """
    if prep is None or before in _RELATIVES or before == "ما":
        return None
    j = next((k for k, t in enumerate(after[:_TOPIC_WINDOW]) if t.text == prep), None)
    if j is None:
        return None
    words = [t.text for t in after[:j]]
    if not words:
        # وكانت تقارير صحفية قد تحدثت عن / طهران تتحدث عن: the subject stands before the verb (the caller
        # reads it there, subject-verb order), or a coordinated verb goes on the clause's
        return j
    if "مع" in words:
        return None  # وتحدث الوزير مع نظيره عن: a conversation, not a statement
    cut = next((i for i, w in enumerate(words) if i and w in _MODIFIER_OPENERS), len(words))
    for w in words[:cut]:  # the subject, not its modifier (أعطال في الشبكة: الشبكة is no speaker)
        if _speaker_word(w, lex):
            return j
    return None


def _before_conj(m: _Cue) -> bool:
    """Whether the verb cue is written with a conjunction (وقال، فأضاف)."""
    return m.group("verb")[:1] in ("و", "ف")


#: The most words after a post-posed verb: its subject, a conduit or a time word (``، قال الوزير للصحفيين``).
_MAX_POST_POSED_TOKENS = 6


def _post_posed_after_comma(norm: str, m: _Cue, send: int) -> bool:
    """Whether a verb after a comma ends its sentence with a short subject: ``الحوار هو الحل، قال الوزير.``

    The clause before the comma is then what was said (a post-posed cue with no quotation marks); the
    clause must be a few words at least, and nothing but the subject may follow the verb.
    """
    head = norm[: m.start()].rstrip()
    if not head.endswith(("،", ",")) or m.group("verb")[:1] == "ل":
        return False  # (ليري إخوانه: the ل of purpose)
    sstart = _sentence_start(norm, m.start())
    if len(norm[sstart : len(head) - 1].split()) < 3:
        return False
    rest = norm[m.end() : send].split()
    return 0 < len(rest) <= _MAX_POST_POSED_TOKENS


def _after_quotation(norm: str, pos: int) -> bool:
    """Whether the cue at ``pos`` follows a closing quotation: ``"..."، قال المسؤول`` (a post-posed cue).

    The quotation before the verb is then the reported content, so the verb needs no complementiser.
    """
    head = norm[:pos].rstrip().rstrip("،,").rstrip()
    return head.endswith('"') and head.count('"') % 2 == 0


def _transmit_cue(norm: str, m: _Cue, after: list[_Tok], lex: _Lexicon, state: _State) -> _Found | None:
    """``نقلت X عن Y``: Y is the source, X the conduit; ``نقلت X`` alone cites X. ``نقلت X على لسان Y``
    is ``عن`` too: one attribution, whose cue is the verb (the preposition is read with it)."""
    an = next((i for i, t in enumerate(after[:14]) if t.text == "عن"), None)
    skip = 1
    if an is None:
        an = next(
            (i for i, t in enumerate(after[:13]) if t.text == "علي" and after[i + 1].text == "لسان"), None
        )
        skip = 2
    if an is not None:
        first, _ = _phrase(after[:an], lex)
        rest = after[an + skip :]
        second, stop = _phrase(rest, lex)
        second = _apposition(second, rest, stop, lex)
        if second:
            words = [t.text for t in second]
            src = _classify(words, lex)
            if src is not None:
                src = _resolve_anaphor(src, words, lex, state)
                _person_affiliation(src, words, state)
                via = _classify([t.text for t in first], lex) if first else None
                conduit = via.outlet if via is not None and via.source_type == "media_outlet" else None
                found = _Found(m.start(), m.end(), src, (second[0].start, second[-1].end), conduit, False)
                found.consumes = after[an + skip - 1].end
                return found
    phrase, _ = _phrase(after, lex)
    if not phrase:
        return None
    words = [t.text for t in phrase]
    src = _classify(words, lex)
    if src is None or src.source_type != "media_outlet":
        return None  # نقل السفارة: a transfer, not a report; only an outlet is cited by نقل without عن
    return _Found(
        m.start(),
        m.end(),
        _resolve_anaphor(src, words, lex, state),
        (phrase[0].start, phrase[-1].end),
        None,
        False,
    )
