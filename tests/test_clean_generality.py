"""Cleaning rules written for any outlet (issue 14): each on invented text in the shape it generalises."""

from __future__ import annotations

import pandas as pd
import pytest

from newsstudy import clean

HEAD = "وزير المالية يعلن خطة جديدة لدعم المزارعين في الواحة"
BODY_1 = (
    "الواحة – أعلن وزير المالية اليوم الأحد خطة جديدة لدعم المزارعين في الواحة، وقال إن الحكومة "
    "ستخصص مبالغ إضافية لحفر الآبار وإصلاح قنوات الري قبل موسم الزراعة المقبل."
)
BODY_2 = (
    "وأضاف الوزير في مؤتمر صحفي أن الخطة تشمل قروضاً ميسرة للمزارعين الصغار، وأن لجنة من الوزارة "
    "ستزور القرى الأسبوع المقبل لتسجيل الطلبات."
)


def _rows(text: str) -> pd.DataFrame:
    return clean.label_lines(pd.DataFrame({"doc_id": ["d"], "text": [text]}))


def _rule_of(text: str, i: int) -> tuple[str, str]:
    row = _rows(text).iloc[i]
    return row["label"], row["rule"]


@pytest.mark.parametrize(
    "byline",
    [
        "Posted on 12 مارس 2021 by سالم يوسف الحداد",
        "3 مايو 2019 | بقلم كريم عبد الله",
        "By Leila Haddad, 4 May 2020",
    ],
)
def test_a_dated_byline_under_the_headline_is_credit_not_the_headline(byline: str) -> None:
    text = "\n".join([HEAD, byline, BODY_1, BODY_2])
    label, _ = _rule_of(text, 1)
    assert label == "credit"
    assert _rows(text)["label"].tolist()[0] == "headline"


def test_a_date_with_the_issue_number_under_the_headline_is_no_byline() -> None:
    text = "\n".join([HEAD, "الخميس 16 أبريل 2020 — العدد 1402", BODY_1, BODY_2])
    assert _rule_of(text, 1)[1] != "context:dated_byline"
    assert _rule_of(text, 1)[0] != "headline"


@pytest.mark.parametrize("credit", ["(أخبار الواحة/ سامي حداد)", "(AFP/ John Smith)"])
def test_a_line_closed_by_a_photo_credit_with_a_slash_is_a_caption(credit: str) -> None:
    caption = f"مزارعون يجمعون التمر بين النخيل قرب قناة الري {credit}"
    text = "\n".join([HEAD, caption, BODY_1, BODY_2])
    assert _rule_of(text, 1) == ("caption", "context:photo_credit_caption")
    # under a dated byline too: neither is read as the rest of the headline
    dated = "\n".join([HEAD, "Posted on 12 مارس 2021 by سالم يوسف الحداد", caption, BODY_1, BODY_2])
    assert _rows(dated)["label"].tolist()[:3] == ["headline", "credit", "caption"]


def test_a_sentence_closed_by_a_bracketed_credit_stays_content() -> None:
    sentence = "وقال المزارعون إن المياه لم تصل إلى الحقول منذ أسبوعين (أخبار الواحة/ سامي حداد)."
    text = "\n".join([HEAD, BODY_1, sentence, BODY_2])
    assert _rule_of(text, 2)[0] == "content"
