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


@pytest.mark.parametrize("source", ["أخبار الواحة – القاهرة", "نبض المدينة – دمشق"])
def test_an_outlet_and_its_city_under_the_headline_are_no_headline(source: str) -> None:
    # the story opening with its own dateline right under it (what lets a headline run on to a 2nd line)
    text = "\n".join([HEAD, source, "دمشق – " + BODY_1.removeprefix("الواحة – "), BODY_2])
    assert _rows(text)["label"].tolist()[:2] == ["headline", "dateline"]


def test_a_headline_second_line_after_a_dash_stays_the_headline() -> None:
    second = "المزارعون يطالبون بتوسيع الدعم في الموسم المقبل –"
    text = "\n".join([HEAD, second, BODY_1, BODY_2])
    assert _rows(text)["label"].tolist()[:2] == ["headline", "headline"]


def test_the_writers_box_at_the_foot_of_the_story_is_credit() -> None:
    box = ["سالم الحداد", "محرر الشؤون الزراعية في أخبار الواحة"]
    text = "\n".join([HEAD, BODY_1, BODY_2, *box, "التعليقات (0)", "أضف تعليقك"])
    assert _rows(text)["rule"].tolist()[3:5] == ["context:writer_box"] * 2
    assert _rows(text)["label"].tolist()[3:5] == ["credit", "credit"]


def test_a_name_and_a_post_inside_the_story_stay_content() -> None:
    # a list of speakers with the text going on under it is the story's own
    lines = ["سالم الحداد", "مدير مديرية الزراعة في الواحة", BODY_2]
    text = "\n".join([HEAD, BODY_1, *lines])
    assert "context:writer_box" not in _rows(text)["rule"].tolist()


def test_a_span_of_dates_with_english_month_abbreviations_is_a_stamp() -> None:
    text = "\n".join(["Wadi News", "12 Dec 2015 - 9 Sep 2021", HEAD, BODY_1, BODY_2])
    assert _rows(text)["label"].tolist()[1] == "nav"


@pytest.mark.parametrize("line", ["منقول عن: موقع أخبار الواحة – دمشق", "كتبه: سالم يوسف الحداد"])
def test_a_repost_credit_and_a_byline_with_its_verb_are_credit(line: str) -> None:
    text = "\n".join([HEAD, BODY_1, BODY_2, line])
    assert _rule_of(text, 3) == ("credit", "pattern:credit")


def test_a_posters_box_under_the_headline_is_no_deck() -> None:
    box = ["سالم_الواحة · مشرف قسم الأخبار", "تاريخ التسجيل: Mar 2011 · المشاركات: 4,512"]
    text = "\n".join([HEAD, *box, "منقول عن: موقع أخبار الواحة – دمشق", BODY_1, BODY_2])
    labels = _rows(text)["label"].tolist()
    assert labels[0] == "headline"
    assert "headline" not in labels[1:3]
    assert labels[3] == "credit"


@pytest.mark.parametrize(
    "signature",
    ["wadi_bakery · Instagram · 6 أغسطس 2020", "— سالم الحداد | Salem Haddad · Facebook · 20 October 2015"],
)
def test_a_post_signature_as_a_row_of_items_makes_an_embed(signature: str) -> None:
    post = "شكراً لكل من ساعد في موسم الحصاد هذا العام! الفرحة فرحتكم 🌴"
    text = "\n".join([HEAD, BODY_1, post, signature, BODY_2])
    rows = _rows(text)
    assert rows["label"].tolist()[2:4] == ["embed", "embed"]
    assert rows["rule"].tolist()[3] == "pattern:post_signature"


def test_a_story_line_naming_a_platform_and_a_date_is_no_post_signature() -> None:
    line = "وقالت الشركة في بيان على فيسبوك إنها ستفتتح فرعاً جديداً في 6 أغسطس 2020."
    text = "\n".join([HEAD, BODY_1, line, BODY_2])
    assert _rows(text)["label"].tolist()[2] == "content"


# A "more news" list of one section under the article: the ledes of other stories, several on one
# subject (they share words with each other, none with the article's lead).
_SECTION_LEDES = [
    "تأهل منتخب الجزر لكرة اليد، السبت، إلى المربع الذهبي في الدورة الإقليمية بعد فوزه على نظيره "
    "الساحلي في مباراة مثيرة.",
    "يستعد منتخب الجزر لكرة اليد لخوض مواجهة المربع الذهبي في الدورة الإقليمية أمام حامل اللقب في العاصمة "
    "بعد غد.",
    "اختار الاتحاد القاري لكرة اليد حارس منتخب الجزر ضمن التشكيلة المثالية للدور الأول من البطولة "
    "القارية هذا العام.",
]


def test_ledes_of_one_section_after_the_article_are_related_though_they_share_words() -> None:
    body = [
        BODY_1,
        BODY_2,
        "وأوضح أن الدعم سيصرف على ثلاث دفعات، تبدأ الأولى بعد تسجيل الطلبات وتنتهي الأخيرة مع جني "
        "المحصول في الصيف.",
        "وأشار إلى أن مزارعي النخيل في الجنوب سيحصلون على نصيب أكبر بسبب الأضرار التي خلفها الجفاف "
        "العام الماضي.",
        "وكانت نقابة المزارعين قد طالبت الحكومة مرارا بزيادة الدعم ودفع التعويضات المتأخرة عن "
        "المواسم السابقة.",
    ]
    rows = _rows("\n".join([HEAD, *body, *_SECTION_LEDES]))
    assert rows["label"].tolist()[-3:] == ["related"] * 3
    assert rows["rule"].iloc[-2].startswith("structure:trailing_teaser")
    assert set(rows["label"].iloc[1:6]) == {"content"}


def test_a_line_going_on_from_the_lead_stops_the_section_list() -> None:
    # The closing paragraph shares the next line's words but also the lead's: it is the article's, and
    # the run above the two ledes it would need is not there.
    closing = (
        "قال الوزير إن منتخب الجزر لكرة اليد سيزور مزارعي الواحة بعد البطولة القارية لدعم خطة "
        "الزراعة الجديدة."
    )
    body = [BODY_1, BODY_2, BODY_1.replace("أعلن", "وأكد"), BODY_2.replace("وأضاف", "وتابع"), closing]
    rows = _rows("\n".join([HEAD, *body, _SECTION_LEDES[1]]))
    assert rows["label"].iloc[5] == "content"


@pytest.mark.parametrize(
    "scene",
    [
        "قنوات ري جافة على أطراف الواحة صباح اليوم",
        "مزارعون ينتظرون أمام مبنى الوزارة مساء الخميس",
        "حقول النخيل خالية من العمال أمس",
    ],
)
def test_a_scene_set_off_between_headline_and_story_saying_when_is_the_lead_photo_caption(scene: str) -> None:
    # The stamp stands over the headline, so nothing but the line itself says it is a caption: it
    # closes on the time the picture was taken (a word of date_words.txt, with or without the article).
    text = "\n".join(["الأحد، 12 مارس 2023", "", HEAD, "", scene, "", BODY_1, BODY_2])
    assert _rule_of(text, 4) == ("caption", "structure:lead_photo_caption")


def test_a_deck_set_off_between_headline_and_story_is_no_caption() -> None:
    # A deck names what the story says, not where or when a picture was taken.
    deck = "الحكومة تخصص مبالغ إضافية لحفر الآبار وإصلاح القنوات"
    text = "\n".join(["الأحد، 12 مارس 2023", "", HEAD, "", deck, "", BODY_1, BODY_2])
    assert _rows(text)["label"].iloc[4] != "caption"


def test_a_text_browsers_reference_list_after_the_article_is_nav() -> None:
    refs = [
        "References",
        "",
        "   1. http://wadi-news.example/2021/03/12/plan",
        "   7. https://wadi-news.example/",
    ]
    text = "\n".join([HEAD, BODY_1, BODY_2, "© 2021 أخبار الواحة", "", *refs])
    rows = _rows(text)
    assert rows["label"].tolist()[5:] == ["nav", "blank", "nav", "nav"]
    assert rows["rule"].tolist()[5] == "shape:link_references"


def test_a_numbered_url_inside_the_story_is_not_taken_for_a_reference_list() -> None:
    line = "وقال الوزير إن الاستمارة متاحة على موقع الوزارة للمزارعين جميعاً حتى نهاية الشهر المقبل."
    text = "\n".join([HEAD, BODY_1, line, BODY_2])
    assert "shape:link_references" not in _rows(text)["rule"].tolist()


def test_a_text_browsers_menu_row_and_first_link_over_the_headline_are_nav() -> None:
    chrome = [
        "   [1]انتقل إلى المحتوى",
        "   [2][شعار أخبار الواحة]",
        "   [3]الرئيسية [4]محليات [5]اقتصاد [6]رياضة",
    ]
    tags = "الكلمات الدلالية: [7]الزراعة [8]الواحة [9]المياه"
    text = "\n".join([*chrome, "", HEAD, "   الأحد 12 مارس 2021 - 10:15", BODY_1, BODY_2, tags])
    rows = _rows(text)
    assert rows["label"].tolist()[0] == "nav"
    assert rows["label"].tolist()[2] == "nav"
    assert rows["rule"].tolist()[0] == "shape:link_row"
    assert rows["label"].tolist()[-1] == "tags"


def test_a_text_browsers_menu_row_kept_as_text_is_made_nav() -> None:
    from newsstudy.clean.features import _make_line
    from newsstudy.clean.furniture_shapes import _link_row

    assert _link_row(_make_line("   [3]الرئيسية [4]ليبيا [5]اقتصاد [6]رياضة [7]اتصل بنا", ""))
    assert not _link_row(_make_line("وسوم: [14]وقف إطلاق النار [15]جنيف [16]اللجنة", ""))
    assert not _link_row(
        _make_line("قال الوزير [3]خلال لقاء مع الصحفيين صباحا [4]إن الخطة جاهزة [5]للتنفيذ", "")
    )
