"""Tests for newsstudy.normalize (ANNOTATION.md section 6)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsstudy import normalize as N

# Arabic-heavy text: letters, marks, tatweel, digits, quotes, invisible marks and spaces.
ARABIC_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةیک"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳"
    "«»“”‘’\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad"
    " \t\n\u00a0ﻻﷲ-.،؟"
)
arabic_text = st.text(alphabet=ARABIC_ALPHABET, max_size=80)
any_text = st.text()  # arbitrary Unicode, including surrogates' neighbours and controls


@pytest.mark.parametrize(
    ("func", "text_in", "expected"),
    [
        (N.tatweel, "مـــرحبا", "مرحبا"),
        (N.tatweel, "بدون", "بدون"),
        (N.diacritics, "مُحَمَّدٌ", "محمد"),
        (N.diacritics, "رَحْمٰن", "رحمن"),
        (N.diacritics, "abc", "abc"),
        (N.alef, "أحمد إلى آخر ٱلله", "احمد الى اخر الله"),
        (N.alef, "ا", "ا"),
        (N.alef_maqsura, "على مستشفى", "علي مستشفي"),
        (N.ta_marbuta, "مدينة جميلة", "مدينه جميله"),
        (N.persian_letters, "فی کتاب", "في كتاب"),
        (N.digits, "٢٠٢٤", "2024"),
        (N.digits, "۱۲۳", "123"),
        (N.digits, "2024", "2024"),
        (N.quotes, "«نص»", '"نص"'),
        (N.quotes, "“a” ‘b’", "\"a\" 'b'"),
        (N.invisible, "a\u200fb\u200bc\ufeff", "abc"),
        (N.invisible, "\u00adكلمة\u200c", "كلمة"),
        (N.whitespace, "  a \t\u00a0 b\n", "a b"),
        (N.whitespace, "\n\n", ""),
        (N.nfkc, "ﻻ", "لا"),
        (N.nfkc, "ﷲ", "الله"),
        (N.nfkc, "Ａ", "A"),
    ],
)
def test_small_functions(func, text_in: str, expected: str) -> None:
    assert func(text_in) == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("قالَ  مسؤولٌ أميركيّ ـ «رويترز» ٢٠٢٤", 'قال مسؤول اميركي "رويترز" 2024'),
        ("إقرأ أيضاً:", "اقرا ايضا:"),
        ("المحتوى!", "المحتوي!"),
        ("\u200f  ", ""),
        ("", ""),
        ("ﻻ إله", "لا اله"),
        ("فی الدوحة", "في الدوحه"),
    ],
)
def test_for_matching(text_in: str, expected: str) -> None:
    assert N.for_matching(text_in) == expected


def test_for_matching_composes_the_small_functions_on_arabic() -> None:
    text = "«أَحمـدُ» فی مدينةِ ٢٠٢٤\u200f"
    composed = N.nfkc(text)
    for step in (N.invisible, N.tatweel, N.diacritics, N.alef, N.alef_maqsura, N.ta_marbuta):
        composed = step(composed)
    for step in (N.persian_letters, N.digits, N.quotes, N.whitespace):
        composed = step(composed)
    assert N.for_matching(text) == composed


@settings(max_examples=400, deadline=None)
@given(any_text | arabic_text)
@example("ﷺ ﷲ ﻻ")
@example("\u0627\u0654")
def test_for_matching_never_raises_and_is_idempotent(text: str) -> None:
    once = N.for_matching(text)
    assert isinstance(once, str)
    assert N.for_matching(once) == once


def _translated(text: str) -> str:
    """The reference definition: the per-character table through str.translate, then split/join."""
    return " ".join(text.translate(N._TABLE).split())


@settings(max_examples=400, deadline=None)
@given(st.lists(any_text | arabic_text, max_size=5))
@example(["ﷺ ﷲ ﻻ", "  قالَ  ", ""])
@example(["\u200f \u200f", " x" * 40])
def test_for_matching_all_equals_the_translate_definition(texts: list[str]) -> None:
    # The vectorised batch path and the per-text path both equal the plain definition.
    expected = [_translated(t) for t in texts]
    assert N.for_matching_all(texts) == expected
    assert [N.for_matching(t) for t in texts] == expected


def test_for_matching_all_on_long_arabic_text() -> None:
    text = "  قالَ   مسؤولٌ ـ أميركيّ\t«لرويترز» ٢٠٢٤ \u200f\n" * 50
    assert len(text) > N._VECTOR_MIN
    assert N.for_matching(text) == _translated(text)
    assert N.for_matching(text).startswith('قال مسؤول اميركي "لرويترز" 2024 قال')


@settings(max_examples=400, deadline=None)
@given(any_text | arabic_text | st.text(alphabet=" \t\n\u064e\u0651\u200f\u0640قال أ«»ﻻ", max_size=60))
@example("  أَحمد   ﻻ")
@example("\u064e قال\u064e\u0651  \u200f")
def test_vectorised_offsets_equal_the_character_loop(text: str) -> None:
    # The array path (used for long texts) gives exactly the loop's map, or defers to it.
    vectorised = N._offsets_vectorised(text)
    if vectorised is None:  # a character with a multi-character image: the loop is used
        assert any(len(N._char_image(c)) > 1 for c in text)
    else:
        assert vectorised == N._offsets_by_character(text)


@settings(max_examples=400, deadline=None)
@given(any_text | arabic_text)
def test_offsets_text_equals_for_matching(text: str) -> None:
    assert N.for_matching_with_offsets(text).text == N.for_matching(text)


@settings(max_examples=300, deadline=None)
@given(any_text | arabic_text, st.data())
def test_raw_spans_are_inside_the_raw_text(text: str, data) -> None:
    mapped = N.for_matching_with_offsets(text)
    n = len(mapped.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    raw_start, raw_end = mapped.raw_span(start, end)
    assert 0 <= raw_start <= raw_end <= len(text)


@settings(max_examples=300, deadline=None)
@given(arabic_text | any_text)
def test_a_word_raw_slice_normalises_back_to_the_word(text: str) -> None:
    mapped = N.for_matching_with_offsets(text)
    for match in regex.finditer(r"\S+", mapped.text):
        raw_start, raw_end = mapped.raw_span(*match.span())
        assert N.for_matching(text[raw_start:raw_end]) == match.group(), (text, match.group())


def test_raw_span_rejects_spans_outside_the_text() -> None:
    mapped = N.for_matching_with_offsets("قال")
    with pytest.raises(ValueError, match="outside"):
        mapped.raw_span(0, 4)
    with pytest.raises(ValueError):
        mapped.raw_span(2, 1)


def test_raw_span_keeps_a_words_own_diacritics() -> None:
    raw = "قالَ مسؤولٌ"
    mapped = N.for_matching_with_offsets(raw)
    start, end = mapped.raw_span(4, 9)
    assert raw[start:end] == "مسؤولٌ"
