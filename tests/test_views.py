"""The views per outlet and month (newsstudy.views) as the main run writes them."""

from __future__ import annotations

import pandas as pd
import pytest

from newsstudy import pipeline, views

SENTENCE = (
    "وقال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن المحادثات بين الجانبين ستستأنف الأسبوع المقبل "
    "بعد توقف دام شهرين كاملين بسبب الخلافات حول ملف الحدود والمياه"
)


def _corpus() -> pd.DataFrame:
    """Three outlets; outlet B copies A's sentence a day later; C quotes an anonymous official."""
    rows = [
        ("a1", "A", "2024-01-10", f"خبر أول\n{SENTENCE}."),
        ("b1", "B", "2024-01-11", f"خبر ثان\n{SENTENCE}."),
        (
            "c1",
            "C",
            "2024-02-01",
            "خبر ثالث\nوقال مسؤول رفض الكشف عن اسمه إن الاتفاق بات قريبا جدا من التوقيع.",
        ),
        ("c2", "C", None, "خبر رابع\nفاز الفريق المحلي بالمباراة النهائية للبطولة بعد مباراة صعبة جدا."),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "date", "text"])


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return pipeline.run_study(_corpus())


def test_every_document_has_one_outlet_and_month(tables):
    anon = tables["outlet_anonymous"]
    assert anon["documents"].sum() == 4
    assert set(zip(anon["outlet"], anon["month"], strict=True)) == {
        ("A", "2024-01"), ("B", "2024-01"), ("C", "2024-02"), ("C", "undated"),
    }  # fmt: skip


def test_outlet_counts_equal_the_per_document_counts(tables):
    assert tables["outlet_sources"]["n"].sum() == tables["source_counts"]["n"].sum()
    assert tables["outlet_anonymous"]["anonymous"].sum() == tables["anonymous_share"]["n_anonymous"].sum()
    c = tables["outlet_anonymous"].set_index(["outlet", "month"]).loc[("C", "2024-02")]
    assert (c["attributions"], c["anonymous"], c["share"]) == (1, 1, 1.0)


def test_reuse_goes_from_the_outlet_that_published_first(tables):
    reuse = tables["outlet_reuse"]
    assert reuse[["from_outlet", "to_outlet", "directed", "document_pairs"]].to_numpy().tolist() == [
        ["A", "B", True, 1]
    ]
    assert reuse["words"].iloc[0] >= 12


def test_a_copied_report_counts_once_per_outlet(tables):
    # b1's sentence copies a1's: its attribution is not counted again under B.
    by_outlet = tables["outlet_sources"].groupby("outlet")["n"].sum()
    assert by_outlet.get("A", 0) == 1 and by_outlet.get("B", 0) == 0


def test_outlet_terms_are_each_outlets_own(tables):
    terms = tables["outlet_terms"]
    assert set(terms["outlet"]) == {"A", "B", "C"}
    texts = _corpus().groupby("outlet")["text"].agg(" ".join)
    for outlet, written in zip(terms["outlet"], terms["written"], strict=True):
        assert written in texts[outlet]
    assert "المحادثات" in set(terms.loc[terms["outlet"] == "A", "written"])
    assert "المحادثات" not in set(terms.loc[terms["outlet"] == "C", "written"])


def test_outlet_comes_from_column_url_folder_or_one_group():
    def outlets(**columns):
        return views.document_outlets(pd.DataFrame(columns)).tolist()

    assert outlets(doc_id=["x"], SRC=["CNN"], url=["http://a.b/1"]) == ["CNN"]
    assert outlets(doc_id=["x", "y"], Outlet=[None, "B"], url=["http://www.a.b/1", None]) == ["a.b", "B"]
    assert outlets(doc_id=["f/x", "y", "https://c.d/9"]) == ["f", views.ONE_OUTLET, "c.d"]
    assert outlets(doc_id=["x"], url=["http://[bad/1"]) == [views.ONE_OUTLET]  # not a URL: no traceback
    named = views.document_outlets(pd.DataFrame({"doc_id": ["x", "y"], "site": [3.0, None]}), column="site")
    assert named.tolist() == ["3", "unknown"]
    assert views.document_outlets(pd.DataFrame({"doc_id": ["x"]}), column="site").tolist() == ["unknown"]


def test_outlets_do_not_depend_on_which_documents_share_a_chunk():
    docs = pd.DataFrame({"doc_id": ["a/1", "b/2", "c", "d"], "outlet": [None, None, None, "D"]})
    whole = views.document_outlets(docs).tolist()
    parts = [views.document_outlets(docs.iloc[[i]].dropna(axis=1)).tolist()[0] for i in range(len(docs))]
    assert whole == parts == ["a", "b", views.ONE_OUTLET, "D"]


def test_undirected_reuse_names_outlets_in_order():
    passages = pd.DataFrame({"doc_a": ["x"], "doc_b": ["y"], "n_words": [15], "source_doc": ["unknown"]})
    facets = pd.DataFrame({"doc_id": ["x", "y"], "outlet": ["Z", "A"], "month": ["undated"] * 2})
    row = views.outlet_reuse(passages, facets).iloc[0]
    assert (row["from_outlet"], row["to_outlet"], bool(row["directed"])) == ("A", "Z", False)


def test_similarity_shares_are_of_the_articles_that_have_text():
    """An article whose every line is furniture (no text left) is no denominator of its outlet's shares."""
    corpus = pd.concat(
        [_corpus(), pd.DataFrame({"doc_id": ["b2"], "outlet": ["B"], "date": [None], "text": ["\n\n"]})],
        ignore_index=True,
    )
    tables = pipeline.run_study(corpus)
    assert "b2" in set(tables["documents"]["doc_id"])
    shares = tables["outlet_similarity"].set_index(["outlet_a", "outlet_b"])
    # b1 copies a1 word for word: every B article with text has a close neighbour in A.
    assert shares.loc[("B", "A"), "cosine_share"] == 1.0
    assert shares.loc[("A", "B"), "cosine_share"] == 1.0
