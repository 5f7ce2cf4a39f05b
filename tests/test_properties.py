"""Property tests across the stages: arbitrary Unicode never breaks them, and nothing is lost."""

from __future__ import annotations

import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsstudy import attribution, clean, duplicates, topics

# Arbitrary Unicode (no lone surrogates, which no decoder produces), with Arabic news words and
# reporting cues mixed in so that the interesting paths are reached, not only the empty ones.
NEWS_WORDS = [
    "قال",
    "وقال",
    "مسؤول",
    "أميركي",
    "لرويترز",
    "إن",
    "بحسب",
    "المصادر",
    "أكسيوس:",
    "حماس",
    "\n",
    " ",
]
TEXT = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
        st.sampled_from(NEWS_WORDS),
    ),
    max_size=30,
).map("".join)


def documents(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})


@settings(max_examples=80, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_labelling_never_raises_and_the_raw_text_is_rebuilt_exactly(texts):
    docs = documents(texts)
    lines = clean.label_lines(docs)
    assert set(lines["label"]) <= set(clean.LABELS)
    rebuilt = clean.rebuild(lines)
    for doc_id, text in zip(docs["doc_id"], texts, strict=True):
        assert rebuilt[doc_id] == text
    articles = clean.cleaned(lines)
    assert sorted(articles["doc_id"]) == sorted(docs["doc_id"])


@settings(max_examples=80, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_attribution_spans_are_always_inside_their_line(texts):
    lines = pd.DataFrame(
        {
            "doc_id": "d",
            "line": range(1, len(texts) + 1),
            "label": "content",
            "rule": "test",
            "text": [t.replace("\n", " ") for t in texts],
        }
    )
    found = attribution.extract(lines)
    raw = dict(zip(lines["line"], lines["text"], strict=True))
    for row in found.itertuples():
        assert 0 <= row.start < row.end <= len(raw[row.line])
        assert raw[row.line][row.start : row.end] == row.cue


@settings(max_examples=40, deadline=None)
@given(st.lists(TEXT, min_size=2, max_size=4))
# A 12-word passage over a line break: two rows (segments) of 1 and 11 words.
@example(["0:0:¼:0:¼:0:0:0:0:0", "0\n0:¼:0:¼:0:0:0:0:0"])
def test_duplicate_and_reuse_detection_never_raise_and_pairs_are_ordered(texts):
    lines = clean.label_lines(documents(texts))
    pairs = duplicates.duplicate_pairs(lines)
    assert (pairs["doc_a"] < pairs["doc_b"]).all()
    passages = duplicates.reuse_passages(lines)
    # One row per line segment of a passage (reuse_passages' row convention): the passage has at least
    # 12 words, its segments at least one each, and together no more than the passage (words between
    # two segments, such as a bridged gap at a line break, belong to the passage but to no segment).
    assert (passages["passage_words"] >= 12).all()
    assert (passages["n_words"] >= 1).all()
    per_passage = passages.groupby("passage").agg(words=("n_words", "sum"), length=("passage_words", "first"))
    assert (per_passage["words"] <= per_passage["length"]).all()


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_the_tokenizer_never_raises_and_returns_no_stopword(text):
    tokenizer = topics.ArabicTokenizer()
    tokens = tokenizer(text)
    assert all(token and not tokenizer.is_stopword(token) for token in tokens)


# The line signals of the generalisation pass (newsstudy.clean.features), on arbitrary lines.
SHAPE_WORDS = ["منذ", "قبل", "3", "ساعات", "يومين", "14:05", "|", "،", "#غزة", "الدوحة", "قال", "إن", "."]
LINE = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
        st.sampled_from(SHAPE_WORDS),
    ),
    max_size=20,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(LINE)
def test_a_trailing_time_is_cut_off_at_the_end_of_the_line_only(text):
    from newsstudy.clean.features import _make_line, _trailing_time, _without_trailing_time

    line = _make_line(text.replace("\n", " "))
    found = _trailing_time(line)
    rest = _without_trailing_time(line)
    if found is None:
        assert rest is line
    else:
        assert line.norm.startswith(rest.norm) and len(rest.norm) < len(line.norm)
        assert rest.raw == line.raw  # the raw line is never touched: only the signal reads the cut form


@settings(max_examples=150, deadline=None)
@given(LINE)
def test_a_tag_line_never_ends_like_a_sentence_and_has_three_items(text):
    from newsstudy.clean.features import (
        _TAG_SEPARATOR,
        _TOKEN,
        _WIDE_GAP,
        _make_line,
        _signals,
        _tag_line_shaped,
    )
    from newsstudy.clean.lexicons import _lexicons
    from newsstudy.clean.params import _Params

    line = _make_line(text.replace("\n", " "))
    signals = _signals(line, _lexicons())
    if _tag_line_shaped(line, signals, _Params()):
        assert not signals.ends_sentence and not signals.reporting_cue
        # items set off by separators, or by wide gaps of the raw line (which matching collapses)
        norm_items = [x for x in _TAG_SEPARATOR.split(line.norm.strip()) if _TOKEN.search(x)]
        gap_items = [
            x for x in _TAG_SEPARATOR.split(_WIDE_GAP.sub(" | ", line.raw.strip())) if _TOKEN.search(x)
        ]
        assert max(len(norm_items), len(gap_items)) >= 3


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["ساعات", "دقائق", "أيام", "أسابيع", "أشهر"]))
def test_a_relative_time_alone_is_a_stamp_and_with_a_word_after_it_is_not(n, unit):
    from newsstudy.clean.features import _is_stamp
    from newsstudy.clean.lexicons import _lexicons
    from newsstudy.normalize import for_matching

    assert _is_stamp(for_matching(f"منذ {n} {unit}"), _lexicons())
    assert not _is_stamp(for_matching(f"منذ {n} {unit} على الحادث"), _lexicons())


@settings(max_examples=100, deadline=None)
@given(LINE)
def test_a_line_always_repeats_itself_as_a_title(text):
    from newsstudy.clean.features import _make_line, _stems
    from newsstudy.clean.lexicons import _lexicons
    from newsstudy.clean.params import _Params
    from newsstudy.clean.structure import _matches_title

    line, lex, p = _make_line(text.replace("\n", " ")), _lexicons(), _Params()
    own = _stems(line, lex, p)
    assert _matches_title(line, own, len(text.split()), lex, p) == bool(own)


# The new text functions of the attribution stage (issue 15, generalisation pass).
ARABIC_STEM = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=2, max_size=6)


@settings(max_examples=200, deadline=None)
@given(ARABIC_STEM, ARABIC_STEM, st.booleans())
@example("قال", "قول", True)
@example("دعا", "دعو", False)
def test_feminine_plurals_are_feminine_and_end_in_nun(past, stem, is_hollow):
    from newsstudy.attribution import morphology

    forms = morphology.feminine_plural_forms(past, "ي" + stem, is_hollow=is_hollow)
    assert len(forms) == 2 and all(f.feminine and f.form.endswith("ن") for f in forms)
    assert forms[1].form.startswith("ي")
    every = morphology.verb_forms(past, ["ي" + stem], "قال" if is_hollow else "")
    assert len({f.form for f in every}) == len(every)  # each written form once


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["في", "الوقت", "ذاته", "هذا", "الصدد", "ذات", "ايضا", "قال", "ان"]), max_size=6)
)
def test_an_adverbial_filler_is_a_prefix_of_at_most_three_words(words):
    from newsstudy.attribution.sources import _adverbial_filler

    n = _adverbial_filler(words)
    assert 0 <= n <= min(3, len(words))
    assert n == 0 or words[0] in ("في", "ايضا", "كذلك", "بدوره", "بدورها", "مجددا", "كما")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', ":", " ", "قال", "نص", "."]), max_size=12).map("".join))
def test_a_quotation_span_is_inside_the_line_and_quoted(text):
    from newsstudy.attribution.sources import _quotation

    for at, char in enumerate(text):
        if char in ':"':
            start, end = _quotation(text, (at, at + 1))
            assert (start, end) == (-1, -1) or (
                at <= start < end < len(text) and text[start] == '"' == text[end]
            )


@settings(max_examples=150, deadline=None)
@given(LINE, st.sampled_from([".", "؟", "!", ":", "…"]))
def test_a_line_read_as_a_caption_is_no_sentence_and_a_stop_makes_it_one(text, stop):
    from newsstudy.clean.context import _CAPTION_STOP, _reads_as_caption
    from newsstudy.clean.features import _make_line
    from newsstudy.clean.lexicons import _lexicons

    lex = _lexicons()
    line = _make_line(text.replace("\n", " "))
    if line.norm and _reads_as_caption(line, lex):
        assert not _CAPTION_STOP.search(line.norm)
        assert not any(w in lex.reporting_cues for w in line.key.split())
        assert not any(q in line.raw for q in '"«»“”')
    # The same words ending with a sentence stop never read as a caption.
    assert not _reads_as_caption(_make_line(f"{text.replace(chr(10), ' ')}{stop}"), lex)


# --------------------------------------------------------------- clean28: generic web furniture
STAMP_PIECES = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=2030).map(str),
        st.sampled_from(["نشر", "آخر تحديث", "مايو", "الساعة", "على", "يوم", "Publié le", "à", "CET"]),
    ),
    min_size=1,
    max_size=8,
).map(lambda words: " ".join(words) + " 10:15")  # each piece of a stamp holds a number


@settings(max_examples=80, deadline=None)
@given(st.lists(STAMP_PIECES, min_size=1, max_size=3), st.sampled_from([" | ", " · ", " - "]))
def test_a_published_stamp_holds_only_numbers_and_stamp_words(pieces, sep):
    from newsstudy.clean.features import _make_line
    from newsstudy.clean.lexicons import _lexicons
    from newsstudy.clean.web_furniture import _published_stamp

    line = _make_line(sep.join([*pieces, "نشر 2024"]))
    lex = _lexicons()
    assert _published_stamp(line.norm, line.n_words, lex) is not None or line.n_words > 30
    # one word of a sentence in it, and it is no stamp
    told = _make_line(line.raw + " وأعلنت الحكومة")
    assert _published_stamp(told.norm, told.n_words, lex) is None


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_web_furniture_labels_short_lines_only_and_with_known_labels(text):
    from newsstudy.clean.features import _make_line
    from newsstudy.clean.lexicons import _lexicons
    from newsstudy.clean.params import _Params
    from newsstudy.clean.web_furniture import _web_furniture

    for raw in text.split("\n"):
        line = _make_line(raw)
        decided = _web_furniture(line, _lexicons(), _Params())
        if decided is not None:
            assert line.n_words <= 40
            assert decided[0] in clean.LABELS and decided[1] in clean.RULES
