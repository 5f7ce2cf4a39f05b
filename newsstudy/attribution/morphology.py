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

Feminine plurals (قلن، يقلن) are left out: news reports groups of women with the
masculine plural far more often, and the feminine plural imperfect is spelled like
other forms. Prefixes (و ف ل) and object pronouns are added by the cue table in
:mod:`newsstudy.attribution`, not here.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["VerbForm", "imperfect_forms", "participle_forms", "perfect_forms", "verb_forms"]

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


def verb_forms(past: str, presents: list[str]) -> list[VerbForm]:
    """Every finite 3rd-person form of a verb (perfect, then each imperfect spelling), duplicates once.

    >>> len(verb_forms("قال", ["يقول"]))
    9
    """
    seen: dict[str, VerbForm] = {}
    for form in [*perfect_forms(past), *(f for p in presents for f in imperfect_forms(p))]:
        seen.setdefault(form.form, form)
    return list(seen.values())
