"""Source typing and affiliation in context (issue 15): what a document said earlier, appositions and
the gazetteer. Invented sentences only (ANNOTATION.md section 3)."""

from __future__ import annotations

import pandas as pd

from newsstudy import attribution as A


def extracted(texts: list[str]) -> pd.DataFrame:
    lines = pd.DataFrame({"doc_id": "d", "line": range(1, len(texts) + 1), "label": "content", "text": texts})
    return A.extract(lines)


def entities(texts: list[str]) -> list[tuple[str, str | None]]:
    out = extracted(texts)
    return [
        (r.source_text, None if pd.isna(r.affiliation_entity) else r.affiliation_entity)
        for r in out.itertuples()
    ]


def test_a_body_named_by_another_head_noun_is_not_the_body_cited_before() -> None:
    # الجيش after منظمة اليونيسف is the country's army, not UNICEF; الوزارة after وزارة الصحة is that ministry
    texts = [
        "قالت منظمة اليونيسف إن آلاف الأطفال في نيجيريا بحاجة إلى مساعدة.",
        "وتشهد نيجيريا منذ أشهر موجة خطف في ولايات الشمال النيجيري.",
        "وقال الجيش إن العملية مستمرة.",
        "وقالت وزارة الصحة الكينية إن اللقاحات وصلت.",
        "وأضافت الوزارة أن الحملة تبدأ غدا.",
    ]
    assert entities(texts) == [
        ("منظمة اليونيسف", "UNICEF"),
        ("الجيش", "NG"),
        ("وزارة الصحة الكينية", "KE"),
        ("الوزارة", "KE"),
    ]


TUNISIAN_STORY = [
    "تشهد تونس منذ أسبوع نقصا في الخبز في عدة مدن تونسية.",
    "وتقول الحكومة التونسية إن الأزمة عابرة.",
]


def test_a_person_described_in_apposition_as_private_takes_no_document_country() -> None:
    # an owner, an age and one of a group, a relative clause naming no office: private people (the
    # gold gives them null); an office in apposition still speaks for the story's country
    texts = [
        *TUNISIAN_STORY,
        "وقال محمد الشعري، صاحب مخبز في المدينة، إن الطلب تضاعف.",
        "وقالت فاطمة علي (24 عاماً)، إحدى الناجيات، إن القارب انقلب.",
        "وقال حمادو كاكا، الذي ينقل البصل منذ عشرين عاماً، إن حمولته تلفت.",
        "وقال يوسف، 17 عاماً، إنه سبح ساعة كاملة.",
        "وقال سامي حداد، رئيس لجنة المتابعة، إن الوضع تحت السيطرة.",
    ]
    found = dict(entities(texts)[1:])
    assert [found[k] for k in ("محمد الشعري", "فاطمة علي", "حمادو كاكا", "يوسف")] == [None] * 4
    assert found["سامي حداد"] == "TN"


def test_a_later_mention_by_surname_of_a_private_person_stays_private() -> None:
    texts = [
        *TUNISIAN_STORY,
        "وقال الخبير الاقتصادي محمد الناير إن الأسعار سترتفع.",
        "وأضاف الناير أن الحل في دعم المخابز.",
        "وقال الوزير إن الحكومة ستتدخل.",
    ]
    assert entities(texts)[1:] == [
        ("الخبير الاقتصادي محمد الناير", None),
        ("الناير", None),
        ("الوزير", "TN"),
    ]


def test_an_office_of_the_body_the_document_named_speaks_for_it() -> None:
    # للمنظمة after a gazetteer body that no attribution cited: that body; after a body the gazetteer does
    # not know, introduced later by the same noun: not the earlier one
    texts = [
        "قررت منظمة البلدان المصدرة للنفط (أوبك) في اجتماعها خفض الإنتاج.",
        "وقال الأمين العام للمنظمة إن الاتفاق تاريخي.",
        "وتأسست منظمة أصدقاء البحر قبل عامين.",
        "وقال المدير التنفيذي للمنظمة إن حملتها ستبدأ غدا.",
    ]
    assert entities(texts) == [("الأمين العام للمنظمة", "OPEC"), ("المدير التنفيذي للمنظمة", None)]


def test_a_body_noun_followed_by_its_own_name_is_no_anaphor() -> None:
    texts = [
        "وقال الاتحاد الأفريقي إنه يتابع الانتخابات.",
        "وقال المتحدث باسم الاتحاد من أجل الأغلبية، سامي داود، إن المشاركة كبيرة.",
    ]
    assert entities(texts)[1][1] != "AU"


def test_a_name_cut_by_the_source_phrase_is_read_whole() -> None:
    texts = [
        "ودعت بعثة الأمم المتحدة في جنوب السودان الطرفين إلى فتح الطرق.",
        "فيما دعا مكتب الأمم المتحدة لحقوق الإنسان السلطات إلى ضمان حق التظاهر.",
    ]
    assert [e for _, e in entities(texts)] == ["UN", "OHCHR"]


def test_a_commissioner_is_an_office_holder() -> None:
    # المفوض/المفوضة: a titled office holder (named_person), of the body the phrase names
    out = extracted(
        [
            "كما طالبت المفوضة السامية لحقوق الإنسان بتحقيق مستقل وسريع.",
            "وقال المفوض الأوروبي للطاقة إن الوقت يضيق.",
        ]
    )
    assert list(zip(out["source_type"], out["affiliation_entity"], strict=True)) == [
        ("named_person", "OHCHR"),
        ("named_person", "EU"),
    ]


def types(texts: list[str]) -> list[tuple[str, str]]:
    return [(r.source_text, r.source_type) for r in extracted(texts).itertuples()]


def test_an_accusative_head_noun_is_still_a_head() -> None:
    # the subject of لكن/غير أن takes the accusative, written with its tanween alef (مسؤولاً، مصدراً)
    texts = ["لكن مسؤولا في أحد المصارف التجارية، فضّل حجب اسمه، قال إن السيولة لا تكفي."]
    assert types(texts)[0][1] == "anonymous_official"


def test_a_lay_person_by_trade_is_a_source_and_named_by_one_word_a_person() -> None:
    texts = [
        "وقال ناخب من حي الزهور إنه انتظر ساعات.",
        "ويقول الناخب عبدي إنه جاء للتصويت.",
        "ويقول سائق الشاحنة تسفاي إنه ينتظر منذ أيام.",
        "وأبلغ المصدر رويترز أن الشحنة وصلت.",
    ]
    assert [t for _, t in types(texts)] == [
        "anonymous_source",
        "named_person",
        "named_person",
        "anonymous_source",  # رويترز is whom the source told, no name
    ]


def test_a_bare_body_noun_is_the_last_body_it_named() -> None:
    # الصندوق: the fund cited before, though a council was cited since; الوكالة: the agency the text
    # named without citing it (the EU named on the way is no agency)
    texts = [
        "دعا صندوق النقد الدولي الحكومة الجزائرية إلى خفض الدعم.",
        "وقال المجلس التنفيذي للصندوق في تقييمه إن النمو ضعيف في الجزائر.",
        "واعتبر الصندوق أن الإصلاحات ضرورية.",
        "ورفعت وكالة فيتش تصنيف اليونان بعد اتفاقها مع الاتحاد الأوروبي.",
        "وقالت الوكالة إن الآفاق مستقرة.",
    ]
    found = entities(texts)
    assert found[2] == ("الصندوق", "IMF")
    assert found[-1] == ("الوكالة", "FITCH")


def test_a_person_a_place_is_named_after_is_no_affiliation() -> None:
    # مستشفى <surname of a gazetteer politician>: the hospital, not the politician; مكتب <name>: their office
    texts = [
        "وقال مدير مستشفى ماكرون في كانو إن الجرحى بالعشرات.",
        "وقال مكتب ماكرون إن الرئيس سيزور المدينة.",
    ]
    assert [e for _, e in entities(texts)] == ["NG", "FR"]


def test_a_person_by_kin_or_ownership_takes_no_document_country() -> None:
    texts = [
        *TUNISIAN_STORY,
        "وقال والد الطالبة إن ابنته لم تعد.",
        "وقال صاحب أحد المخابز إن الطلب تضاعف.",
        "وقال مدير المخبز إن الطلب تضاعف.",
    ]
    assert [e for _, e in entities(texts)[1:]] == [None, None, "TN"]


def test_a_document_cut_before_its_issuing_clause_takes_the_issuer() -> None:
    texts = ["وحسب الأرقام التي نشرتها الهيئة العليا للانتخابات على موقعها، بلغت المشاركة 40 في المئة."]
    assert types(texts) == [("الأرقام", "institution")]


def test_a_spanish_city_and_a_regional_community_are_in_the_gazetteer() -> None:
    texts = [
        "يشهد المغرب جدلا حول المعابر الحدودية مع مدن المغرب الشمالية وتطوان.",
        "وقال رئيس مدينة سبتة إن السلطات المحلية لن تترك أحداً في الشارع.",
        "ودعت الجماعة الاقتصادية لدول وسط أفريقيا الأطراف إلى الحوار.",
    ]
    out = extracted(texts)
    assert list(zip(out["source_type"], out["affiliation_entity"], strict=True)) == [
        ("named_person", "ES"),
        ("institution", "ECCAS"),
    ]


def test_a_foreign_given_name_in_al_is_a_name_in_apposition() -> None:
    # أليخاندرو reads as a word with the article in matching form; between commas after a spokesman's
    # office it is the spokesman's name
    texts = ["ورأى الناطق باسم حكومة المدينة، أليخاندرو راميريث، أن المدينة تحتاج إلى حدود حديثة."]
    assert types(texts)[0][1] == "named_person"


def test_a_family_name_spelled_like_a_town_is_no_place() -> None:
    # عدن after the given name يوسف is the doctor's family name, not Aden: the story's country stays
    texts = [
        "شهدت العاصمة الصومالية مقديشو انفجارا كبيرا، وأعلنت الحكومة الصومالية الحداد.",
        "وقال الطبيب محمد يوسف عدن إن المستشفى استقبل عشرات الجرحى.",
    ]
    assert entities(texts)[-1] == ("الطبيب محمد يوسف عدن", "SO")


def test_a_protester_by_role_speaks_for_no_state() -> None:
    texts = [
        "تشهد الخرطوم منذ أيام اعتصاما أمام مقر القيادة، وتقول الحكومة السودانية إن الحوار مستمر.",
        "وقالت المعتصمة آمنة عثمان الطيب إن المعتصمين باقون.",
        "وقالت متظاهرة إن الشرطة أطلقت الغاز.",
    ]
    out = extracted(texts)
    rows = [
        (r.source_type, None if pd.isna(r.affiliation_entity) else r.affiliation_entity)
        for r in out.itertuples()
    ]
    assert rows[1:] == [("named_person", None), ("anonymous_source", None)]


def test_an_expert_in_a_field_is_no_official_of_its_ministry() -> None:
    texts = [
        "وقال خبير في الاقتصاد البحري إن المفاوضات قد تتعثر.",
        "وقال مصدر في وزارة الاقتصاد إن المفاوضات مستمرة.",
    ]
    assert [t for _, t in types(texts)] == ["anonymous_source", "anonymous_official"]


def test_an_envoy_described_by_a_region_speaks_for_no_bloc() -> None:
    # دبلوماسي أوروبي، مندوب خليجي: a state's envoy from the region (the gold: null), not the EU or the
    # GCC, and not the story's country; مسؤول أوروبي stays the EU's
    texts = [
        "تستضيف واشنطن محادثات بين الولايات المتحدة وشركائها حول التجارة الأمريكية.",
        "وأوضح دبلوماسي أوروبي، طلب عدم الكشف عن هويته، أن الخلاف قائم.",
        "وكشف مندوب خليجي في المنظمة أن إيران حصلت على استثناء.",
        "وقال مسؤول أوروبي إن الاتفاق قريب.",
    ]
    assert [e for _, e in entities(texts)] == [None, None, "EU"]
