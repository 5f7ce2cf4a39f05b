"""Furniture shapes of unseen outlets (newsstudy/clean/furniture_shapes.py): invented pages only."""

from __future__ import annotations

import pandas as pd
import pytest

from newsstudy import clean

HEADLINE = "المجلس البلدي يقر خطة جديدة للنقل العام في المدينة"
BODY = (
    "أقر المجلس البلدي في جلسته المسائية أمس خطة جديدة للنقل العام تشمل خطوط حافلات إضافية في الأحياء "
    "الشرقية من المدينة.",
    "وقال رئيس المجلس إن الخطة ستدخل حيز التنفيذ مطلع الشهر المقبل بعد استكمال الدراسات الفنية اللازمة "
    "لها في كل الأحياء.",
    "وأضاف أن كلفة المشروع تبلغ نحو عشرين مليون دينار تمولها البلدية من ميزانيتها السنوية ومن قروض ميسرة "
    "من المصارف المحلية.",
)


def labelled(lines: list[str]) -> list[tuple[str, str]]:
    table = clean.label_lines(pd.DataFrame({"doc_id": ["d"], "text": ["\n".join(lines)]}))
    return list(zip(table["label"], table["rule"].str.split("(").str[0], strict=True))


def test_blog_thread_in_the_template_language() -> None:
    page = [
        HEADLINE,
        *BODY,
        "Filed under: النقل, البلدية, المدينة",
        "",
        f'2 Responses to "{HEADLINE}"',
        "Omar Haddad says: March 3, 2021 at 4:10 pm",
        "خطوة ممتازة ننتظرها منذ سنوات",
        "Lina says: March 4, 2021 at 9:02 am",
        "أتمنى أن تصل الحافلات إلى حينا أيضاً",
        "Leave a Reply",
    ]
    got = labelled(page)
    assert [label for label, _ in got[:4]] == ["headline", "content", "content", "content"]
    assert got[4] == ("tags", "shape:tag_line")
    assert got[6] == ("comment_form", "shape:comments_header")
    assert got[7] == got[9] == ("comment_form", "shape:comment_opener")
    assert got[8] == got[10] == ("comment_form", "shape:comment_text")


def test_advert_promo_tags_and_a_list_of_other_stories() -> None:
    page = [
        HEADLINE,
        BODY[0],
        BODY[1],
        "Anzeige",
        "دروس خصوصية في الرياضيات لطلاب الثانوية",
        BODY[2],
        "📞 للاستفسار عن خطوط الحافلات اتصلوا بنا على 022-456 78 90",
        "Themen: النقل · البلدية · الحافلات",
        "",
        "Mehr dazu · المزيد",
        "متى تصل الحافلات الجديدة إلى الضواحي؟",
        "البلدية تفتح باب التوظيف لسائقين جدد",
        "كيف أحصل على بطاقة النقل الشهرية؟",
    ]
    got = labelled(page)
    assert got[3] == ("nav", "shape:advert_marker")
    assert got[4] == ("nav", "shape:advert_text")
    assert got[5][0] == "content"
    assert got[6] == ("nav", "shape:contact_promo")
    assert got[7] == ("tags", "shape:tag_line")
    assert got[9] == ("related", "shape:story_list_header")
    assert got[10:] == [("related", "shape:story_list_item")] * 3


def test_mailer_furniture_and_the_title_over_the_byline() -> None:
    page = [
        "هل تواجه مشكلة في قراءة الرسالة؟ اعرضها في المتصفح",
        "صباح الخير، هذه أهم أخبار المدينة اليوم.",
        "",
        "أيضاً في هذا العدد:",
        "▪ افتتاح مكتبة جديدة في الحي القديم",
        "",
        HEADLINE,
        "بقلم: سامي الحداد",
        *BODY,
        "",
        "هل أعجبتك النشرة؟ أرسلها لصديق",
    ]
    got = labelled(page)
    assert got[0][0] == got[1][0] == "nav"
    assert got[1] == ("nav", "lexicon:mailer_greeting")
    assert got[3] == ("related", "shape:story_list_header")
    assert got[4] == ("related", "shape:story_list_item")
    assert got[6][0] == "headline"
    assert got[-1] == ("nav", "lexicon:mailer")


@pytest.mark.parametrize(
    "lines",
    [
        # a list the story introduces stays the story's
        [HEADLINE, BODY[0], "وتشمل الخطة ما يلي:", "• خطوط جديدة في الأحياء", "• تذاكر مخفضة", *BODY[1:]],
        # a time code of a video is no comment's date
        [HEADLINE, *BODY, "المشهد الأول والثاني: 00:00 – 00:14", "سجل التقرير لقطات من المحطة المركزية"],
        # names listed with an Arabic comma after a colon are no tag line
        [HEADLINE, *BODY, "الحكام: سامي علي، خالد حسن، مازن سعيد"],
    ],
)
def test_the_story_keeps_its_own_lists_and_lines(lines: list[str]) -> None:
    got = labelled(lines)
    assert all(label in ("headline", "content") for label, _ in got), got


def test_forum_thread_promos_and_dotted_chrome() -> None:
    page = [
        "منتدى الساحل · ملتقى أبناء الشاطئ",
        "الرئيسية | الأخبار | اتصل بنا",
        "القسم العام · الأحد 12/05/2019",
        HEADLINE,
        BODY[0],
        "📻 تابعوا برنامجنا الصباحي كل يوم على موجات الإذاعة المحلية",
        BODY[1],
        "الحافلات الجديدة: 40% · الخطوط القديمة: 60%",
        BODY[2],
        "",
        "#2 · أبو_سامي · 12-05-2019, 10:15 AM",
        "خبر جميل إن شاء الله يطبقونه بسرعة",
        "",
        "مواضيع متشابهة",
        "البلدية تعلن موعد افتتاح المحطة الجديدة",
        "",
        "↑ أعلى الصفحة · رجوع · الأرشيف",
    ]
    got = labelled(page)
    assert got[0] == ("nav", "shape:segmented_chrome")  # the site's name and motto, not the headline
    assert got[2][0] == "nav"
    assert got[3] == ("headline", "shape:title_under_chrome")
    assert got[5] == ("nav", "shape:emoji_promo")
    assert got[7][0] == "content"  # figures set off by dots inside the story are the story's
    assert got[10] == ("comment_form", "shape:numbered_reply")
    assert got[11] == ("comment_form", "shape:comment_text")
    assert got[13] == ("related", "lexicon:related_header")
    assert got[16] == ("nav", "shape:segmented_chrome")


def test_numbered_sections_are_the_story_s() -> None:
    page = [HEADLINE, "1", BODY[0], "2", BODY[1], "3", BODY[2]]
    got = labelled(page)
    assert [got[i] for i in (1, 3, 5)] == [("content", "structure:section_number")] * 3
    # a lone number (a day of the month, a count) stays as the rules labelled it
    lone = labelled([HEADLINE, "24", *BODY])
    assert lone[1][1] != "structure:section_number"


def test_lite_page_kicker_photo_placeholder_and_tags() -> None:
    page = [
        "الرئيسية | محليات | اتصل بنا",
        "",
        "محليات — الخميس 4 مارس 2021",
        HEADLINE,
        "[صورة غير متاحة في هذه النسخة: حافلة جديدة في المحطة]",
        *BODY,
        "الكلمات: النقل · البلدية · الحافلات",
    ]
    got = labelled(page)
    assert got[2] == ("nav", "shape:section_and_date")  # a first line taken for the headline by its place
    assert got[3] == ("headline", "shape:title_under_chrome")
    assert got[4] == ("caption", "pattern:caption")
    assert got[-1][0] == "tags"


def test_forum_login_form_and_login_request() -> None:
    page = [
        "اسم المستخدم ____ كلمة المرور ____ ☐ تذكرني · دخول · تسجيل جديد · نسيت كلمة المرور",
        "منتدى الساحل › الأخبار › المدينة",
        HEADLINE,
        *BODY,
        "#2 · أبو_سامي · 12-05-2019, 10:15 AM",
        "خبر جميل إن شاء الله يطبقونه بسرعة",
        "يجب عليك تسجيل الدخول لتتمكن من كتابة رد في الموضوع.",
    ]
    got = labelled(page)
    assert got[-1] == ("login_wall", "shape:login_request")
    assert got[-3] == ("comment_form", "shape:numbered_reply")
