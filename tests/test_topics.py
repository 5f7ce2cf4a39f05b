"""Tests for newsstudy.topics: tokenizer, stopwords, stemming, TF-IDF, topics, stability."""

from __future__ import annotations

import gzip
import itertools
import json
import pickle

import numpy as np
import pandas as pd
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsstudy import normalize, topics
from newsstudy.paths import ANT_CORPUS
from newsstudy.topics import ArabicTokenizer, light_stem

# ---------------------------------------------------------------------------- tokenizer


@pytest.mark.parametrize(
    ("text_in", "options", "expected"),
    [
        # diacritics never split or change a word
        ("قالَ مسؤولٌ أميركيّ", {}, ["قال", "مسؤول", "اميركي"]),
        ("المُفاوَضات", {}, ["المفاوضات"]),
        # tatweel (kashida)
        ("المفاوضـــــات الجاريـة", {}, ["المفاوضات", "الجاريه"]),
        # alef forms, alef maqsura, ta marbuta
        ("أحمد إحمد آحمد ٱحمد", {}, ["احمد"] * 4),
        ("مستشفى المدينة", {}, ["مستشفي", "المدينه"]),
        # clitics stay attached without stemming ...
        ("والحكومة وبالمفاوضات", {}, ["والحكومه", "وبالمفاوضات"]),
        # ... and are stripped with light stemming
        ("والحكومة بالمفاوضات", {"stem": True}, ["حكوم", "مفاوض"]),
        # mixed Arabic / Latin, Latin lower-cased, kept or dropped
        ("نقلت CNN عن Hamas", {}, ["نقلت", "cnn", "hamas"]),
        ("نقلت CNN عن Hamas", {"latin": False}, ["نقلت"]),
        ("كوفيد-19 COVID", {}, ["كوفيد", "covid"]),
        # numbers: dropped by default; Arabic-Indic digits become ASCII; decimals stay whole
        ("عام ٢٠٢٤ بنسبة 3.5", {}, ["عام", "بنسبه"]),
        ("عام ٢٠٢٤ بنسبة 3.5", {"numbers": True}, ["عام", "2024", "بنسبه", "3.5"]),
        ("۱۲ شخصا", {"numbers": True}, ["12", "شخصا"]),
        # Arabic punctuation is not part of words
        ("غزة، رفح؛ هل؟ ٪٥٠", {}, ["غزه", "رفح"]),
        # presentation forms fold (NFKC); invisible marks do not split words
        ("ﻻعب مس\u200cؤول", {}, ["لاعب", "مسؤول"]),
        # single letters are dropped (min_length=2), unless asked
        ("ب غزة", {}, ["غزه"]),
        ("ب غزة", {"min_length": 1, "stopwords": ()}, ["ب", "غزه"]),
        ("", {}, []),
    ],
)
def test_tokenizer_cases(text_in, options, expected):
    assert ArabicTokenizer(**options)(text_in) == expected


def test_token_classes_match_unicode_properties():
    """The explicit code-point ranges used for speed equal the Unicode property classes."""
    tok = ArabicTokenizer(latin=True, min_length=1, stopwords=())
    arabic = regex.compile(r"(?V1)[\p{Arabic}&&[\p{L}\p{M}]]")
    latin = regex.compile(r"(?V1)[\p{Latin}&&\p{L}]")
    for cp in itertools.chain(range(0x0041, 0x0250), range(0x0600, 0x0900), range(0x1E00, 0x1F00)):
        ch = chr(cp)
        expected = bool(arabic.match(ch) or latin.match(ch))
        assert bool(tok.pattern_.fullmatch(ch)) == expected, hex(cp)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("قالمسؤولأإآىةـًٌَُِّْ abcABC٢٠،.\u200f\n")), max_size=60))
def test_tokenizer_is_invariant_to_matching_normalisation(text):
    tok = ArabicTokenizer(numbers=True)
    tokens = tok(text)
    assert tokens == tok(normalize.for_matching(text))
    assert all(t and not any(c.isspace() for c in t) for t in tokens)
    # every token is already normalised
    assert all(normalize.for_matching(t) == t for t in tokens)


def test_tokenizer_pickles_and_reprs():
    tok = ArabicTokenizer(stem=True, extra_stopwords=["غزة"])
    clone = pickle.loads(pickle.dumps(tok))
    assert clone("قالت الحكومة في غزة") == tok("قالت الحكومة في غزة") == ["قالت", "حكوم"]
    assert "stem=True" in repr(tok)


# ---------------------------------------------------------------------------- stemming


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("الحكومه", "حكوم"),
        ("والحكومه", "حكوم"),
        ("حكومات", "حكوم"),
        ("بالمفاوضات", "مفاوض"),
        ("المفاوضات", "مفاوض"),
        ("كالعاده", "عاد"),
        ("فالمسؤولون", "مسؤول"),
        ("لبنان", "لبن"),  # suffix ان is stripped: a known over-stemming of light stemmers
        ("فلسطين", "فلسط"),  # likewise ين; the leading ف is NOT stripped
        ("بيروت", "بيروت"),  # a leading ب alone is never stripped
        ("وزير", "زير"),  # Light10 strips و when 3 letters remain: known over-stemming
        ("ولد", "ولد"),  # ... but not below 3
        ("في", "في"),
    ],
)
def test_light_stem_table(token, expected):
    assert light_stem(token) == expected


def test_stemming_conflates_inflections_and_shrinks_vocabulary():
    """The effect of stemming, shown: variants of one word share one term."""
    arts = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": ["الحكومة والحكومة حكومات", "المفاوضات بالمفاوضات", "اللاعبون واللاعبين"],
        }
    )
    plain, _ = topics.tfidf(arts)
    stemmed, _ = topics.tfidf(arts, stem=True)
    assert len(plain.vocabulary_) == 7
    assert sorted(stemmed.vocabulary_) == ["حكوم", "لاعب", "مفاوض"]


# ---------------------------------------------------------------------------- stopwords


def _raw_stopword_entries(name: str) -> list[str]:
    lines = (topics.TOPICS_DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


def test_stopword_list_is_normalised_like_the_text():
    sw = topics.stopwords()
    assert len(sw) > 150
    assert all(normalize.for_matching(w) == w for w in sw)
    # written forms in the file are not literally in the set when normalisation changes them ...
    assert "إلى" not in sw and "الي" in sw
    # ... but every entry, as written in the file, is removed by the tokenizer
    tok = ArabicTokenizer()
    for entry in _raw_stopword_entries("stopwords_ar.txt"):
        assert tok(entry) == [], entry


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("ذهب إِلَى المدينة", ["ذهب", "المدينه"]),  # diacritised stopword
        ("ذهب الى المدينة", ["ذهب", "المدينه"]),  # hamza-less spelling
        ("وفي المدينة فإن الوضع", ["المدينه", "الوضع"]),  # behind و / ف
        ("هذه هــذه", []),  # tatweel inside a stopword
    ],
)
def test_stopwords_removed_after_normalisation(text_in, expected):
    assert ArabicTokenizer()(text_in) == expected


def test_stopword_options():
    text = "قال الوزير إن غزة تحتاج مساعدات"
    assert ArabicTokenizer()(text) == ["قال", "الوزير", "غزه", "تحتاج", "مساعدات"]
    assert ArabicTokenizer(reporting_verbs_as_stopwords=True)(text) == ["الوزير", "غزه", "تحتاج", "مساعدات"]
    assert ArabicTokenizer(extra_stopwords=["غزّة"])(text) == ["قال", "الوزير", "تحتاج", "مساعدات"]
    assert ArabicTokenizer(stopwords=())(text)[2] == "ان"
    for entry in _raw_stopword_entries("reporting_verbs_ar.txt"):
        assert ArabicTokenizer(reporting_verbs_as_stopwords=True)(entry) == [], entry


# ---------------------------------------------------------------------------- tf-idf tables

SPORT = [
    "فاز الفريق بالمباراة بهدفين وسجل اللاعب هدفا رائعا في الدوري",
    "المدرب أشاد باللاعبين بعد فوز الفريق في مباراة الدوري أمس",
    "سجّل اللاعبُ هدف الفوز في الدقيقة الأخيرة من المباراة",
    "الفريق يستعد لمباراة نهائي الكأس والمدرب يعلن تشكيلة اللاعبين",
]
ECONOMY = [
    "ارتفع سعر النفط في الأسواق العالمية وتراجعت أسعار الذهب",
    "البنك المركزي رفع سعر الفائدة لمواجهة التضخم وارتفاع الأسعار",
    "تراجع التضخم وارتفعت أسهم البنوك في البورصة مع ارتفاع النفط",
    "أسعار النفط والذهب في الأسواق تتأثر بقرار البنك المركزي بشأن الفائدة",
]
WEATHER = [
    "توقعات بهطول أمطار غزيرة ورياح قوية مع انخفاض درجات الحرارة",
    "الأرصاد الجوية تحذر من موجة حر وارتفاع درجات الحرارة غدا",
    "أمطار ورياح وانخفاض في درجات الحرارة على المناطق الساحلية",
    "الأرصاد تتوقع طقسا حارا ورياحا نشطة وأمطارا متفرقة",
]


@pytest.fixture
def corpus() -> pd.DataFrame:
    texts = SPORT + ECONOMY + WEATHER
    return pd.DataFrame(
        {
            "doc_id": [f"{kind}{i}" for kind in ("sport", "econ", "weather") for i in range(4)],
            "text": texts,
            "outlet": ["x", "y"] * 6,
        }
    )


def test_tfidf_matrix_rows_follow_articles(corpus):
    vec, X = topics.tfidf(corpus)
    assert X.shape == (12, len(vec.vocabulary_))
    np.testing.assert_allclose(np.sqrt(X.multiply(X).sum(axis=1)).A1, 1.0)
    terms = list(vec.get_feature_names_out())
    assert terms == sorted(terms)
    assert "في" not in vec.vocabulary_ and "النفط" in vec.vocabulary_


def test_tfidf_rejects_bad_input():
    with pytest.raises(ValueError, match="doc_id"):
        topics.tfidf(pd.DataFrame({"text": ["a"]}))
    with pytest.raises(ValueError, match="duplicate"):
        topics.tfidf(pd.DataFrame({"doc_id": ["a", "a"], "text": ["نص", "نص"]}))


def test_top_terms_tidy_and_tie_broken_by_term(corpus):
    tt = topics.top_terms(corpus, n=5)
    assert list(tt.columns) == ["doc_id", "rank", "term", "weight"]
    assert tt.groupby("doc_id")["rank"].apply(list).map(lambda r: r == [1, 2, 3, 4, 5]).all()
    for _, g in tt.groupby("doc_id"):
        pairs = list(zip(g["weight"], g["term"], strict=True))
        assert pairs == sorted(pairs, key=lambda p: (-p[0], p[1]))
    # two terms, each once, in a one-document corpus: equal weights, ranked by term
    tie = topics.top_terms(pd.DataFrame({"doc_id": ["d"], "text": ["سعر النفط"]}), n=2)
    assert tie["term"].tolist() == ["النفط", "سعر"]
    assert tie["weight"].iloc[0] == tie["weight"].iloc[1]


def test_similarity_square_symmetric(corpus):
    before = corpus.copy()
    sim = topics.similarity(corpus)
    pd.testing.assert_frame_equal(corpus, before)  # input not mutated
    assert list(sim.index) == list(sim.columns) == corpus["doc_id"].tolist()
    assert sim.index.name == sim.columns.name == "doc_id"
    np.testing.assert_allclose(sim.to_numpy(), sim.to_numpy().T)
    np.testing.assert_allclose(np.diag(sim.to_numpy()), 1.0)
    # documents are closer to their own kind than to the others
    within = sim.loc["econ0", ["econ1", "econ2", "econ3"]].mean()
    across = sim.loc["econ0", ["sport0", "weather0", "sport1", "weather1"]].mean()
    assert within > across


# ---------------------------------------------------------------------------- topics


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_topics_identical_on_every_run(corpus, method):
    a = topics.topics(corpus, 3, method=method, seed=0)
    b = topics.topics(corpus, 3, method=method, seed=0)
    pd.testing.assert_frame_equal(a.doc_topics, b.doc_topics, check_exact=True)
    pd.testing.assert_frame_equal(a.topic_terms, b.topic_terms, check_exact=True)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_topics_tables_are_tidy(corpus, method):
    res = topics.topics(corpus, 3, method=method, n_terms=4)
    assert list(res.doc_topics.columns) == ["doc_id", "topic", "weight"]
    assert list(res.topic_terms.columns) == ["topic", "rank", "term", "weight"]
    assert len(res.doc_topics) == 12 * 3
    np.testing.assert_allclose(res.doc_topics.groupby("doc_id")["weight"].sum(), 1.0)
    assert res.topic_terms.groupby("topic").size().tolist() == [4, 4, 4]


def test_nmf_topics_separate_sport_economy_weather(corpus):
    res = topics.topics(corpus, 3, method="nmf", seed=0)
    best = res.doc_topics.loc[res.doc_topics.groupby("doc_id")["weight"].idxmax()]
    kind = best["doc_id"].str.replace(r"\d", "", regex=True)
    # each kind of story maps to exactly one topic, and the three topics differ
    mapping = best.groupby(kind.to_numpy())["topic"].unique()
    assert all(len(t) == 1 for t in mapping)
    assert len({t[0] for t in mapping}) == 3
    top = res.topic_terms.loc[res.topic_terms["rank"] <= 5]
    words = {
        "sport": {"الفريق", "المباراه", "اللاعب", "الدوري", "المدرب", "اللاعبين"},
        "econ": {"النفط", "سعر", "البنك", "التضخم", "الفائده", "المركزي", "الذهب", "اسعار"},
        "weather": {"امطار", "درجات", "الحراره", "رياح", "الارصاد", "انخفاض"},
    }
    for k, t in mapping.items():
        assert set(top.loc[top["topic"] == t[0], "term"]) & words[k], k


def test_topics_rejects_bad_method(corpus):
    with pytest.raises(ValueError, match="method"):
        topics.topics(corpus, 2, method="lsa")


def test_stability_report(corpus):
    rep = topics.stability(corpus, 3, seeds=(0, 1, 2), init="random")
    assert list(rep.columns) == ["seed_a", "seed_b", "topic_a", "topic_b", "jaccard"]
    assert len(rep) == 3 * 3  # three seed pairs, three matched topics each
    assert rep.groupby(["seed_a", "seed_b"])["topic_b"].apply(lambda s: sorted(s) == [0, 1, 2]).all()
    assert rep["jaccard"].between(0, 1).all()
    # three well-separated stories: the same topics come back whatever the seed
    assert rep["jaccard"].mean() > 0.6
    with pytest.raises(ValueError, match="two distinct seeds"):
        topics.stability(corpus, 3, seeds=(1, 1))


def test_stability_detects_disagreement():
    """Random word salad has no topics to find: topics differ across seeds and the score must show it."""
    rng = np.random.default_rng(7)
    letters = [chr(c) for c in range(0x0628, 0x063A)]
    vocab = ["".join(rng.choice(letters, 3)) for _ in range(60)]
    texts = [" ".join(rng.choice(vocab, 15)) for _ in range(30)]
    arts = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(30)], "text": texts})
    rep = topics.stability(arts, 6, seeds=(0, 1, 2, 3), init="random")
    assert rep["jaccard"].mean() < 0.9


# ---------------------------------------------------------------------------- distinctive terms


def test_distinctive_terms_per_group():
    arts = pd.DataFrame(
        {
            "doc_id": list("abcdef"),
            "outlet": ["x", "x", "x", "y", "y", None],
            "text": [
                "قوات الاحتلال تقصف غزة",
                "الاحتلال يواصل القصف على غزة",
                "طائرات الاحتلال فوق غزة",
                "الجيش الإسرائيلي يقصف غزة",
                "الجيش يواصل العمليات في غزة",
                "الاحتلال الاحتلال الاحتلال",  # no outlet: left out
            ],
        }
    )
    dt = topics.distinctive_terms(arts, "outlet", n=3)
    assert list(dt.columns) == ["group", "rank", "term", "z", "count"]
    assert dt.loc[(dt["group"] == "x") & (dt["rank"] == 1), "term"].item() == "الاحتلال"
    assert dt.loc[(dt["group"] == "y") & (dt["rank"] == 1), "term"].item() == "الجيش"
    assert dt.loc[dt["term"] == "الاحتلال", "count"].item() == 3  # the outlet-less row is not counted
    # used by every document of both outlets: far less distinctive than either outlet's own word
    z = dt.set_index(["group", "term"])["z"]
    assert z.get(("x", "غزه"), 0.0) < z[("x", "الاحتلال")] / 2
    with pytest.raises(ValueError, match="no column"):
        topics.distinctive_terms(arts, "source")


# ---------------------------------------------------------------------------- real text


@pytest.mark.corpus
@pytest.mark.skipif(not ANT_CORPUS.exists(), reason=f"ANT corpus not found at {ANT_CORPUS}")
def test_tokenizer_on_real_news_text():
    with gzip.open(ANT_CORPUS, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["TEXT"] or "" for line in itertools.islice(fh, 200)]
    tok = ArabicTokenizer()
    sw = topics.stopwords()
    arabic_word = regex.compile(r"(?V1)[\p{Arabic}&&\p{L}]{2,}|[a-z\p{Latin}]{2,}")
    for text in texts:
        tokens = tok(text)
        assert all(arabic_word.fullmatch(t) for t in tokens)
        assert not sw & set(tokens)


# --------------------------------------------------------------------------- display forms


def test_display_forms_restore_the_written_spelling() -> None:
    arts = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": ["قال البيت الأبيضُ إن الخارجيّة القطرية تتابع", "بيان البيت الأبيض ووزارة الخارجية لـCNN"],
        }
    )
    forms = topics.display_forms(arts, ["الابيض", "الخارجيه", "القطريه", "cnn", "ليست"])
    assert forms.to_dict() == {
        "الابيض": "الأبيض",
        "الخارجيه": "الخارجية",
        "القطريه": "القطرية",
        "cnn": "CNN",
        "ليست": "ليست",  # no word gives it: shown as it is
    }


def test_display_forms_take_the_commonest_spelling_and_break_ties_by_order() -> None:
    arts = pd.DataFrame({"doc_id": ["a"], "text": ["أمريكا امريكا امريكا إسرائيل اسرائيل"]})
    forms = topics.display_forms(arts, ["امريكا", "اسرائيل"])
    assert forms["امريكا"] == "امريكا"  # two against one
    assert forms["اسرائيل"] == min("إسرائيل", "اسرائيل")  # one each: Unicode order decides


def test_display_forms_of_stems_are_whole_words() -> None:
    arts = pd.DataFrame({"doc_id": ["a"], "text": ["المفاوضات والمفاوضات مفاوضات"]})
    stem = ArabicTokenizer(stem=True)("المفاوضات")[0]
    assert topics.display_forms(arts, [stem], stem=True)[stem] == "المفاوضات"


def _top_terms_by_row(ids, matrix, terms, n):
    # The plain definition: per row, sort (term, weight) by descending weight then term, keep n > 0.
    rows = []
    for i, doc_id in enumerate(ids):
        row = matrix.getrow(i)
        pairs = sorted(zip(terms[row.indices], row.data, strict=True), key=lambda p: (-p[1], p[0]))
        kept = [(str(t), float(w)) for t, w in pairs[:n] if w > 0]
        rows.extend((doc_id, r, t, w) for r, (t, w) in enumerate(kept, start=1))
    table = pd.DataFrame(rows, columns=["doc_id", "rank", "term", "weight"])
    table = table.astype({"doc_id": "str", "rank": "int64", "term": "str", "weight": "float64"})
    return table.sort_values(["doc_id", "rank"], kind="mergesort").reset_index(drop=True)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([0.0, 0.25, 0.5, 1.0]), min_size=4, max_size=4), min_size=1, max_size=6
    ),
    st.integers(1, 5),
    st.permutations(["ب", "ا", "zz", "ة", "a"][:4]),
)
def test_top_terms_table_equals_the_per_row_sort(weights, n, terms):
    # Ties in weight (many here) are broken by the term in code-point order, whatever the column order.
    from scipy import sparse

    matrix = sparse.csr_matrix(np.array(weights))
    ids = [f"d{9 - i}" for i in range(len(weights))]  # ids out of row order: the table sorts by doc_id
    terms = np.array(terms, dtype=object)
    got = topics._top_terms_table(ids, matrix, terms, n)
    pd.testing.assert_frame_equal(got, _top_terms_by_row(ids, matrix, terms, n), check_exact=True)


# --------------------------------------------------------------------------- sparse neighbours


def _brute_neighbours(ids: list[str], X, k: int, least: float) -> set[tuple[str, str]]:
    sim = (X @ X.T).toarray()
    np.fill_diagonal(sim, 0.0)
    pairs = set()
    for i in range(len(ids)):
        cand = [j for j in range(len(ids)) if sim[i, j] >= least]
        for j in sorted(cand, key=lambda j: (-sim[i, j], ids[j]))[:k]:
            pairs.add((min(ids[i], ids[j]), max(ids[i], ids[j])))
    return pairs


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["نفط", "سعر", "فريق", "مباراة", "قطر", "غزة", "هدنة", "بنك"]),
            min_size=2,
            max_size=6,
        ),
        min_size=2,
        max_size=12,
    ),
    st.integers(1, 3),
)
def test_neighbours_equal_brute_force_when_every_term_makes_candidates(docs, k):
    arts = pd.DataFrame(
        {"doc_id": [f"d{i:02d}" for i in range(len(docs))], "text": [" ".join(d) for d in docs]}
    )
    _, X = topics.tfidf(arts)  # none of the words is a stopword: there is always a vocabulary
    found = topics.neighbours(
        arts["doc_id"].tolist(), X, k=k, min_cosine=0.2, max_df=len(docs), per_doc=99, min_shared=1
    )
    assert set(zip(found["doc_a"], found["doc_b"], strict=True)) == _brute_neighbours(
        arts["doc_id"].tolist(), X, k, 0.2
    )
    assert (found["doc_a"] < found["doc_b"]).all()


def test_neighbours_do_not_depend_on_row_order():
    arts = pd.DataFrame(
        {
            "doc_id": list("abcd"),
            "text": [
                "ارتفع سعر النفط في الأسواق العالمية",
                "ارتفع سعر النفط في الأسواق",
                "فاز الفريق بالمباراة",
                "فاز الفريق بالمباراة النهائية",
            ],
        }
    )
    _, X = topics.tfidf(arts)
    first = topics.neighbours(arts["doc_id"].tolist(), X)
    rev = arts.iloc[::-1].reset_index(drop=True)
    _, Y = topics.tfidf(rev)
    pd.testing.assert_frame_equal(first, topics.neighbours(rev["doc_id"].tolist(), Y))
    assert first[["doc_a", "doc_b"]].values.tolist() == [["a", "b"], ["c", "d"]]


def _top_terms_by_full_sort(ids, matrix, terms, n: int) -> pd.DataFrame:
    """Each row's first ``n`` positive entries by descending weight, ties by term: every entry sorted."""
    m = sparse_csr(matrix)
    rows = []
    for i in range(m.shape[0]):
        lo, hi = m.indptr[i], m.indptr[i + 1]
        entries = sorted(zip(-m.data[lo:hi], (terms[j] for j in m.indices[lo:hi]), strict=True))
        kept = [(t, -w) for w, t in entries if -w > 0][:n]
        rows.extend((ids[i], r, t, w) for r, (t, w) in enumerate(kept, start=1))
    table = pd.DataFrame(rows, columns=["doc_id", "rank", "term", "weight"])
    table = table.astype({"doc_id": "str", "rank": "int64", "term": "str", "weight": "float64"})
    return table.sort_values(["doc_id", "rank"], kind="mergesort").reset_index(drop=True)


def sparse_csr(matrix):
    from scipy import sparse

    return sparse.csr_matrix(matrix)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 1.0]), min_size=6, max_size=6), max_size=8
    ).filter(len),
    st.integers(min_value=1, max_value=7),
)
def test_top_terms_table_keeps_each_rows_first_n_with_ties_by_term(weights, n) -> None:
    matrix = np.array(weights)
    terms = np.array(["ج", "ب", "ا", "د", "ه", "و"], dtype=object)
    ids = [f"d{i}" for i in range(len(weights))]
    got = topics._top_terms_table(ids, sparse_csr(matrix), terms, n)
    pd.testing.assert_frame_equal(got, _top_terms_by_full_sort(ids, matrix, terms, n))


def test_array_counting_gives_scikit_learns_vocabulary_and_matrix_entry_for_entry() -> None:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    texts = [
        "قالَ وزيرُ الخارجيّة في CNN إنّ المفاوضات ستستأنف", "المفاوضات ستستأنف في الدوحة والقاهرة",
        "", "في", "وزير الخارجية وزير الخارجية قال", "Reuters رويترز reuters",
    ]  # fmt: skip
    for kind, base, options in (
        ("tfidf", TfidfVectorizer, {}),
        ("count", CountVectorizer, {"stem": True}),
        ("tfidf", TfidfVectorizer, {"ngram_range": (1, 2)}),  # the analyser's own path
    ):
        ours = topics._vectorizer(kind, options)
        theirs = base(**ours.get_params())
        X, Y = ours.fit_transform(texts), theirs.fit_transform(texts)
        assert type(ours).__name__.startswith("_Array") and ours.vocabulary_ == theirs.vocabulary_
        for part in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(X, part), getattr(Y, part)), (kind, part)
        again = pickle.loads(pickle.dumps(ours))  # a fitted vectoriser travels between processes
        assert np.array_equal(again.transform(texts).toarray(), theirs.transform(texts).toarray())
    with pytest.raises(ValueError, match="empty vocabulary"):
        topics._vectorizer("tfidf", {}).fit_transform(["في", ""])


@given(
    st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.0]), max_size=40),
    st.integers(min_value=0, max_value=12),
)
def test_heaviest_terms_give_the_full_sorts_first_n(weights, n):
    """The topic-terms prefilter keeps every term the full sort (weight, then term) puts in the first n."""
    weights = np.array(weights, dtype=np.float64)
    terms = np.array([f"t{i:02d}" for i in range(len(weights))][::-1], dtype=object)
    full = sorted(zip(terms, weights, strict=True), key=lambda p: (-p[1], p[0]))
    want = [p for p in full if p[1] > 0][:n]
    shown = topics._heaviest(weights, n)
    got = sorted(zip(terms[shown], weights[shown], strict=True), key=lambda p: (-p[1], p[0]))[:n]
    assert got == want


def test_a_fit_that_stops_before_converging_says_so_in_the_studys_words():
    arts = pd.DataFrame(
        {
            "doc_id": list("abcd"),
            "text": [
                "فاز الفريق في المباراة",
                "المباراة انتهت بفوز الفريق",
                "ارتفع سعر النفط",
                "سعر النفط ارتفع",
            ],
        }
    )
    with pytest.warns(topics.TopicsWarning, match="stopped after 1 iterations before converging"):
        topics.topics(arts, 2, max_iter=1)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # converged: no warning at all (scikit-learn's is not passed on)
        topics.topics(arts, 2)
