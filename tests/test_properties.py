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
