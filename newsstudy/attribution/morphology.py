"""Reporting-verb morphology: every written form of a verb from its principal parts.

The lexicon (``data/attribution/reporting_verbs.tsv``) lists each verb once, by its
3rd-person masculine singular perfect and imperfect and its active participle, in the
matching form of :func:`newsstudy.normalize.for_matching`. The forms that report speech
in news are generated here by the rules of Arabic conjugation rather than typed out:

- **perfect**, 3rd person: masculine and feminine singular, feminine dual and plural
  (قال قالت قالتا قالوا); a defective verb drops its final weak letter before
  the suffixes (نفي → نفت نفوا; دعا → دعت دعوا), a hollow one keeps its long vowel
  (قال → قالت قالوا). The masculine dual (قالا) is left out: it is rare in news and
  spelled like common nouns and adjectives (ذكرا "male", كتبا "books", حذرا "cautious");
- **imperfect**, 3rd person: masculine and feminine singular, dual and masculine
  plural (يقول تقول يقولان تقولان يقولون; ينفي → ينفون, يدعو → يدعون);
- **active participle**: accusative singular (the tanwin is dropped by
  normalisation, so مؤكداً and مؤكدًا are both مؤكدا), feminine (مؤكده), and the
  oblique plural and dual (مؤكدين).

- **feminine plural**, perfect and imperfect (قلن يقلن، أكدن يؤكدن): a hollow verb
  shortens its long vowel before the suffix (قال → قلن، يقول → يقلن), a defective one keeps
  its final ي (نفى → نفين، ينفي → ينفين) or, with و, is spelled like the masculine plural
  (يدعون). News reports groups of women with the masculine plural far more often, but a story
  about women (students, nurses, mothers) uses these (issue 15: a fresh development sample
  missed ويقلن أن). Where a feminine plural is spelled like another form of the table, the other
  form's reading is kept.

Prefixes (و ف ل) and object pronouns are added by the cue table in
:mod:`newsstudy.attribution`, not here; :func:`object_stems` gives the perfects that change their
spelling before an object pronoun (نفى → نفاه، وصفوا → وصفوه), which the cue table then suffixes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

__all__ = [
    "VerbForm",
    "construct_plurals",
    "dual_nouns",
    "feminine_plural_forms",
    "feminine_plural_nouns",
    "feminine_plurals_of_bodies",
    "hollow",
    "imperfect_forms",
    "object_stems",
    "participle_forms",
    "perfect_forms",
    "title_plurals",
    "verb_forms",
]

_WEAK_FINAL = ("ي", "ا", "و")


class VerbForm(NamedTuple):
    """One written form of a verb and whether it agrees with a feminine subject."""

    form: str
    feminine: bool


def perfect_forms(past: str) -> list[VerbForm]:
    """The 3rd-person perfect forms of a verb from its masculine singular (matching form).

    >>> [f.form for f in perfect_forms("اكد")]
    ['اكد', 'اكدت', 'اكدتا', 'اكدوا']
    >>> [f.form for f in perfect_forms("نفي")]
    ['نفي', 'نفت', 'نفتا', 'نفوا']
    >>> [f.form for f in perfect_forms("دعا")]
    ['دعا', 'دعت', 'دعتا', 'دعوا']
    """
    base = past[:-1] if past.endswith(_WEAK_FINAL[:2]) and len(past) > 2 else past
    return [
        VerbForm(past, False),
        VerbForm(base + "ت", True),
        VerbForm(base + "تا", True),
        VerbForm(base + "وا", False),
    ]


def object_stems(past: str) -> dict[str, str]:
    """The perfects spelled otherwise before an object pronoun -> the form they are (matching form).

    A defective verb's final ى is written ا before the pronoun (نفى → نفاه، روى → رواه، ادّعى →
    ادّعاه), and the masculine plural loses its silent alef (وصفوا → وصفوه، نفوا → نفوه). The
    pronoun itself is added by the cue table (``ما نفاه المصدر``, ``بما وصفوه بـ``).

    >>> object_stems("نفي")
    {'نفا': 'نفي', 'نفو': 'نفوا'}
    >>> object_stems("وصف")
    {'وصفو': 'وصفوا'}
    """
    out = {}
    if past.endswith("ي") and len(past) > 2:
        out[past[:-1] + "ا"] = past
    plural = perfect_forms(past)[3].form
    out[plural[:-1]] = plural
    return out


def imperfect_forms(present: str) -> list[VerbForm]:
    """The 3rd-person imperfect forms from the masculine singular with its ي (matching form).

    >>> [f.form for f in imperfect_forms("يقول")]
    ['يقول', 'تقول', 'يقولان', 'تقولان', 'يقولون']
    >>> [f.form for f in imperfect_forms("يدعو")]
    ['يدعو', 'تدعو', 'يدعوان', 'تدعوان', 'يدعون']
    >>> [f.form for f in imperfect_forms("ينفي")][-1]
    'ينفون'
    """
    if not present.startswith("ي"):
        raise ValueError(f"an imperfect 3rd person masculine begins with ي: {present!r}")
    stem = present[1:]
    plural = stem[:-1] + "ون" if stem.endswith(_WEAK_FINAL) and len(stem) > 2 else stem + "ون"
    return [
        VerbForm("ي" + stem, False),
        VerbForm("ت" + stem, True),
        VerbForm("ي" + stem + "ان", False),
        VerbForm("ت" + stem + "ان", True),
        VerbForm("ي" + plural, False),
    ]


def participle_forms(participle: str) -> list[VerbForm]:
    """The active participle's forms that continue a source (``مؤكداً أن``, ``مشيرةً إلى``).

    >>> [f.form for f in participle_forms("مؤكد")]
    ['مؤكدا', 'مؤكده', 'مؤكدين', 'مؤكدتين']
    >>> [f.form for f in participle_forms("داعي")]
    ['داعيا', 'داعيه', 'داعين', 'داعيتين']
    """
    plural = participle[:-1] + "ين" if participle.endswith("ي") else participle + "ين"
    return [
        VerbForm(participle + "ا", False),
        VerbForm(participle + "ه", True),
        VerbForm(plural, False),
        VerbForm(participle + "تين", True),
    ]


_LONG_VOWELS = ("ا", "و", "ي")
_DIACRITICS = "ًٌٍَُِْ"  # the short vowels and sukun (not the shadda, which marks a doubled letter)


def hollow(lemma: str) -> bool:
    """Whether a lemma (as the lexicon writes it, with its hamza and shadda) is a hollow verb.

    Form I with a long vowel in the middle (قال، زاد، صاح) or form IV (أضاف، أشار، أجاب); not a
    verb whose و or ي is a consonant doubled (نوّه، بيّن) nor one whose ا is a hamza (سأل).

    >>> [hollow(w) for w in ("قال", "أضاف", "نوّه", "سأل", "أكّد", "تابع", "رأى")]
    [True, True, False, False, False, False, False]
    """
    word = "".join(c for c in lemma if c not in _DIACRITICS)
    if "ّ" in word:
        return False
    if len(word) == 3:
        return word[1] in _LONG_VOWELS and word[0] not in _LONG_VOWELS and word[2] not in "ىاي"
    return len(word) == 4 and word[0] in "أا" and word[2] == "ا" and word[3] not in "ىاي"


def feminine_plural_forms(past: str, present: str, *, is_hollow: bool = False) -> list[VerbForm]:
    """The 3rd-person feminine plural perfect and imperfect forms (matching form), all feminine.

    A hollow verb (:func:`hollow`) shortens its long vowel before the suffix; a defective one keeps
    its final ي or و (ا becomes و in the perfect).

    >>> [f.form for f in feminine_plural_forms("قال", "يقول", is_hollow=True)]
    ['قلن', 'يقلن']
    >>> [f.form for f in feminine_plural_forms("اضاف", "يضيف", is_hollow=True)]
    ['اضفن', 'يضفن']
    >>> [f.form for f in feminine_plural_forms("اكد", "يؤكد")]
    ['اكدن', 'يؤكدن']
    >>> [f.form for f in feminine_plural_forms("نفي", "ينفي")]
    ['نفين', 'ينفين']
    >>> [f.form for f in feminine_plural_forms("دعا", "يدعو")]
    ['دعون', 'يدعون']
    >>> [f.form for f in feminine_plural_forms("راي", "يري")]
    ['راين', 'يرين']
    """
    if not present.startswith("ي"):
        raise ValueError(f"an imperfect 3rd person masculine begins with ي: {present!r}")
    stem = present[1:]
    if past.endswith("ا") and len(past) > 2:
        perfect = past[:-1] + "ون"
    elif is_hollow and len(past) in (3, 4):
        perfect = past[:-2] + past[-1] + "ن"
    else:
        perfect = past + "ن"
    if is_hollow and len(stem) == 3 and stem[1] in _LONG_VOWELS:
        imperfect = stem[0] + stem[2] + "ن"
    elif stem.endswith("ا") and len(stem) > 2:
        imperfect = stem[:-1] + "ين"
    else:
        imperfect = stem + "ن"
    # (تقلن is the 2nd person, not the 3rd: the 3rd person feminine plural imperfect takes ي)
    return [VerbForm(perfect, True), VerbForm("ي" + imperfect, True)]


def verb_forms(past: str, presents: list[str], lemma: str = "") -> list[VerbForm]:
    """Every finite 3rd-person form of a verb (perfect, then each imperfect spelling, then the
    feminine plurals), duplicates once: a feminine plural spelled like another form gives way.
    ``lemma`` (as the lexicon writes it) tells a hollow verb (:func:`hollow`).

    >>> len(verb_forms("قال", ["يقول"], "قال"))
    11
    >>> [f.form for f in verb_forms("قال", ["يقول"], "قال")][-2:]
    ['قلن', 'يقلن']
    >>> [f.form for f in verb_forms("دعا", ["يدعو"])][-2:]
    ['يدعون', 'دعون']
    """
    seen: dict[str, VerbForm] = {}
    forms = [*perfect_forms(past), *(f for p in presents for f in imperfect_forms(p))]
    is_hollow = hollow(lemma) if lemma else False
    if not lemma.endswith("ّ"):
        # (a doubled verb, ألحّ، ظنّ، أصرّ, undoes its doubling: ألححن; not generated)
        forms += [f for p in presents for f in feminine_plural_forms(past, p, is_hollow=is_hollow)]
    for form in forms:
        seen.setdefault(form.form, form)
    return list(seen.values())


def feminine_plural_nouns(
    heads: dict[str, tuple[str, str]], classes: frozenset[str]
) -> dict[str, tuple[str, str]]:
    """The feminine sound plurals (ـات) of the person head nouns of ``classes``, with their class, feminine.

    A masculine sound plural in ون/ين (مسؤولون، ناشطين), or a singular whose plural in ون is listed, gives
    stem + ات (مسؤولات، ناشطات): women reported as a group (``وقالت مسؤولات``) are typed like the men. A
    defective stem (محامون، آخرون: محاميات، أخريات) is not generated, nor a form the table already has
    (منظمات is the organisations, not the organisers).

    >>> people = frozenset({"official", "source"})
    >>> feminine_plural_nouns({"مسؤول": ("official", "m"), "مسؤولون": ("official", "m")}, people)
    {'مسؤولات': ('official', 'f')}
    >>> feminine_plural_nouns({"محاميه": ("source", "f"), "محامون": ("source", "m"),
    ...     "منظمون": ("source", "m"), "منظمات": ("institution", "f")}, people)
    {}
    """
    out: dict[str, tuple[str, str]] = {}
    for form, (cls, _gender) in heads.items():
        if cls not in classes:
            continue
        if form.endswith(("ون", "ين")) and len(form) >= 5:
            stem = form[:-2]
        elif form + "ون" in heads:
            stem = form
        else:
            continue
        if stem + "يه" in heads or stem.startswith("اخر"):
            continue  # محامون (of محامي, feminine محامية), آخرون: their feminine plurals are محاميات، أخريات
        out.setdefault(stem + "ات", (cls, "f"))
    return {f: v for f, v in out.items() if f not in heads}


def feminine_plurals_of_bodies(
    heads: dict[str, tuple[str, str]], classes: frozenset[str]
) -> dict[str, tuple[str, str]]:
    """The sound feminine plurals (ـة → ـات) of the head nouns of ``classes`` that end in ة (matching
    form ه), with their class, feminine: ``الدراسات`` and ``المذكرات`` cite documents as ``الدراسة``
    does, ``البلديات`` speak as bodies as ``البلدية`` does. A form the table already has is kept as it is.

    >>> table = {"دراسه": ("document", "f"), "بيان": ("document", "m"),
    ...     "منظمه": ("institution", "f"), "منظمات": ("institution", "f")}
    >>> feminine_plurals_of_bodies(table, frozenset({"document", "institution"}))
    {'دراسات': ('document', 'f')}
    """
    out: dict[str, tuple[str, str]] = {}
    for form, (cls, _gender) in heads.items():
        if cls in classes and form.endswith("ه") and len(form) >= 4:
            out.setdefault(form[:-1] + "ات", (cls, "f"))
    return {f: v for f, v in out.items() if f not in heads}


def title_plurals(heads: dict[str, tuple[str, str]], classes: frozenset[str]) -> dict[str, tuple[str, str]]:
    """The masculine sound plurals (ـون، ـين) of the title heads of ``classes`` that are participles
    (a singular in م: مندوب، مبعوث، محقق), with the class ``source``: a title marks one named person, its
    plural with no name an unnamed group (``وأفاد مندوبون في مراكز الفرز``), not a named person. A form
    the table already has is kept as it is; a title that is no participle (وزير، سفير) has a broken
    plural and is not generated.

    >>> title_plurals({"مندوب": ("title", "m"), "وزير": ("title", "m"), "محقق": ("title", "m"),
    ...     "محققون": ("official", "m")}, frozenset({"title"}))
    {'مندوبون': ('source', 'm'), 'مندوبين': ('source', 'm'), 'محققين': ('source', 'm')}
    """
    out: dict[str, tuple[str, str]] = {}
    for form, (cls, gender) in heads.items():
        if cls in classes and gender == "m" and form.startswith("م") and len(form) >= 4 and form[-1] != "ي":
            for ending in ("ون", "ين"):
                out.setdefault(form + ending, ("source", "m"))
    return {f: v for f, v in out.items() if f not in heads}


def dual_nouns(heads: dict[str, tuple[str, str]], classes: frozenset[str]) -> dict[str, tuple[str, str]]:
    """The nominative duals (ـان; ة → ـتان) of the head nouns of ``classes``, with their class and gender:
    ``تحدث مسؤولان``, ``قال مصدران``, ``أكدت دراستان`` are typed as their singulars (the oblique ـين is
    the plural's spelling and is listed). A form the table already has is kept as it is.

    >>> dual_nouns({"مسؤول": ("official", "m"), "دراسه": ("document", "f"), "مسؤولون": ("official", "m")},
    ...     frozenset({"official", "document"}))
    {'مسؤولان': ('official', 'm'), 'دراستان': ('document', 'f')}
    """
    out: dict[str, tuple[str, str]] = {}
    for form, (cls, gender) in heads.items():
        if cls not in classes or len(form) < 3 or form.endswith(("ون", "ين", "ات", "ي", "و")):
            continue
        out.setdefault(form[:-1] + "تان" if form.endswith("ه") else form + "ان", (cls, gender))
    return {f: v for f, v in out.items() if f not in heads}


def construct_plurals(
    heads: dict[str, tuple[str, str]], classes: frozenset[str]
) -> dict[str, tuple[str, str]]:
    """The construct state of the masculine sound plurals in ون of the person heads of ``classes`` (the ن
    drops before a genitive): ``محللو السوق``, ``ناشطو الحي`` are typed as ``محللون``, ``ناشطون``. Only
    people take that plural (``قانون``, ``تلفزيون`` are singulars of other classes). A form the table
    already has is kept as it is.

    >>> people = frozenset({"official", "source"})
    >>> construct_plurals({"محللون": ("source", "m"), "مسؤولو": ("official", "m"),
    ...     "مسؤولون": ("official", "m"), "قانون": ("document", "m")}, people)
    {'محللو': ('source', 'm')}
    """
    out = {
        form[:-1]: v
        for form, v in heads.items()
        if v[0] in classes and form.endswith("ون") and len(form) >= 5
    }
    return {f: v for f, v in out.items() if f not in heads}


#: The possessive pronouns a noun takes (دعوته، موقفها، التزامهم).
POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")


def noun_forms(nouns: Iterable[str]) -> frozenset[str]:
    """The written forms of singular nouns (matching form) as an object: bare or in construct, with the
    article, and with a possessive pronoun, before which a final ة (ه in matching form) is written ت.

    >>> sorted(noun_forms(["دعوه"]))
    ['الدعوه', 'دعوته', 'دعوتها', 'دعوتهم', 'دعوتهما', 'دعوتهن', 'دعوه']
    >>> sorted(noun_forms(["موقف"]))[:3]
    ['الموقف', 'موقف', 'موقفه']
    """
    out: set[str] = set()
    for noun in nouns:
        stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
        out.update((noun, "ال" + noun))
        out.update(stem + suf for suf in POSSESSIVE_SUFFIXES)
    return frozenset(out)
