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
