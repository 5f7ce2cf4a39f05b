"""The fitted line model (``newsstudy.clean.line_model``): what it may relabel; its data is the fit's.

Every line is invented for these tests; the refit needs the shared corpora and is skipped without them.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from newsstudy import clean, evaluation
from newsstudy.clean import line_model
from newsstudy.clean.features import _make_line

BODY = [
    "أعلنت وزارة الزراعة أن موسم الحصاد في السهول الشمالية بدأ هذا الأسبوع بعد تأخر دام أسبوعين "
    "بسبب الأمطار الغزيرة التي هطلت على المنطقة.",
    "وأوضح المتحدث باسم الوزارة أن الإنتاج المتوقع من القمح يزيد على مليون طن، وأن الدولة ستشتري "
    "المحصول من المزارعين بسعر أعلى من العام الماضي.",
    "ويأمل المزارعون أن تعوض الأسعار الجديدة الخسائر التي لحقت بهم في الموسمين الماضيين، حين "
    "ضرب الجفاف معظم الحقول في المنطقة.",
]
# A page of an invented outlet: a menu over the headline, and after the story a run of short lines
# set between furniture the rules know (a share bar, a copyright line).
MENU = "الرئيسية | محليات | اقتصاد | رياضة"
SHARE = "شارك على: فيسبوك | تويتر | واتساب"
COPYRIGHT = "© 2025 جميع الحقوق محفوظة"


def page(line: str) -> str:
    """The invented page with ``line`` (line 9) between the share bar and the copyright line."""
    return "\n".join([MENU, "حصاد متأخر في السهول الشمالية", "", *BODY, "", SHARE, line, COPYRIGHT])


def label(text: str, **params) -> pd.DataFrame:
    return clean.label_lines(pd.DataFrame({"doc_id": ["d"], "text": [text]}), **params)


def test_stored_model_matches_the_feature_list() -> None:
    model = line_model._model()
    data = json.loads(line_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == line_model.FEATURES
    assert model is not None and "content" in model.classes
    assert len(model.coef) == len(model.classes) and all(
        len(r) == len(line_model.FEATURES) for r in model.coef
    )
    assert 0 < model.max_content <= 0.5  # never relabels a line the model finds more likely content
    # The provenance says which gold it was fitted on: development sets only.
    assert set(data["fit"]["training_lines_by_set"]) <= {
        "seeds",
        evaluation.SAMPLE_CORPUS,
        evaluation.SUPPLEMENT_CORPUS,
        evaluation.FRESH_CORPUS,
        evaluation.AUDIT_CORPUS,
        *evaluation.INVENTED_CORPORA,
    }


def test_probabilities_are_a_distribution() -> None:
    model = line_model._model()
    lines = [_make_line(t) for t in [MENU, "", *BODY, "", SHARE]]
    found = line_model.line_features(lines, [0, 2, 6], clean._lexicons(), clean._Params())
    for x in found.values():
        probs = model.probabilities(x)
        assert set(probs) == set(model.classes)
        assert abs(sum(probs.values()) - 1) < 1e-9 and all(0 <= v <= 1 for v in probs.values())


def test_body_lines_stay_content() -> None:
    text = "\n".join([MENU, "حصاد متأخر في السهول الشمالية", "", *BODY, "", SHARE, COPYRIGHT])
    lines = label(text)
    assert lines["label"].tolist()[3:6] == ["content"] * 3
    assert not lines["rule"].str.startswith("model:").iloc[3:6].any()


def test_candidates_are_short_default_lines_next_to_furniture() -> None:
    lex, p = clean._lexicons(), replace(clean._Params(), line_model=False)
    lines = clean._label_document(page("مواقيت الصلاة"), None, p)  # short, no rule: a candidate
    assert [ln.label for ln in lines[3:6]] == ["content"] * 3  # sanity: the rules keep the story
    assert (lines[8].label, lines[8].rule) == ("content", "default:content")
    found = line_model.candidates(lines, lex, p, 25)
    assert 8 in found
    assert 4 not in found  # a body line between body lines is never a candidate
    # The same place, but the line reports speech: never a candidate.
    lines = clean._label_document(page("وقال مزارع إن الحقول جفت"), None, p)
    assert lines[8].label == "content" and 8 not in line_model.candidates(lines, lex, p, 25)


def test_unknown_furniture_between_furniture_is_relabelled() -> None:
    """A short line no rule knows, between a share bar and a copyright line after the story."""
    for line in ("مواقيت الصلاة", "البث المباشر", "حالة الطقس: 31 درجة"):
        text = page(line)
        row = label(text).iloc[8]
        assert row["label"] not in ("content", "blank") and row["rule"].startswith("model:furniture("), line
        assert label(text, line_model=False).iloc[8]["label"] == "content"  # the rules alone keep it


def test_the_main_run_is_the_longest_stretch_of_body_text() -> None:
    lex, p = clean._lexicons(), replace(clean._Params(), line_model=False)
    # A short story of one paragraph far above the article (more than RUN_GAP short lines between).
    short = "وأعلنت البلدية أن السوق الأسبوعية ستفتح أبوابها يوم الجمعة في موعدها المعتاد."
    gap = ["المزيد", "أخبار محلية", "رياضة", "طقس"]
    lines = clean._label_document("\n".join([short, *gap, *BODY]), None, p)
    text = [i for i, ln in enumerate(lines) if ln.n_words > 0 and ln.label != "blank"]
    anchors = [i for i in text if lines[i].label == "content" and line_model._is_body_text(lines[i], lex, p)]
    assert 0 in anchors and line_model.main_run(lines, text, anchors) == (5, 7)
    assert line_model.main_run(lines, text, []) is None


def test_a_short_line_outside_the_article_is_a_candidate_even_between_content_lines() -> None:
    lex, p = clean._lexicons(), replace(clean._Params(), line_model=False)
    # After the story, a short line no rule knows, with no furniture next to it.
    lines = clean._label_document("\n".join([*BODY, "مواقيت الصلاة"]), None, p)
    assert [ln.label for ln in lines] == ["content"] * 4  # sanity: the rules keep them all
    assert line_model.candidates(lines, lex, p, 25) == [3]
    # A stretch of more than MAX_STRETCH content lines after the story is a text of its own (endnotes,
    # a poem): left to the rules.
    tail = [f"{n} : المرجع السابق" for n in range(1, line_model.MAX_STRETCH + 2)]
    lines = clean._label_document("\n".join([*BODY, *tail]), None, p)
    assert not set(line_model.candidates(lines, lex, p, 25)) & set(range(3, 3 + len(tail)))


def test_a_vowelled_line_is_never_a_candidate() -> None:
    lex, p = clean._lexicons(), replace(clean._Params(), line_model=False)
    verse = "وَالشِّعْرُ يَبْقَى"  # vowelled: verse, never page furniture
    lines = clean._label_document(page(verse), None, p)
    assert lines[8].label == "content" and 8 not in line_model.candidates(lines, lex, p, 25)
    assert line_model._vowelled(verse) and not line_model._vowelled("مواقيت الصلاة")


def test_no_article_no_relabelling() -> None:
    """Without any line of body text there is nothing to weigh a short line against."""
    lex, p = clean._lexicons(), replace(clean._Params(), line_model=False)
    lines = clean._label_document("\n".join([MENU, "مواسم الحصاد", COPYRIGHT]), None, p)
    assert line_model.candidates(lines, lex, p, 25) == []


def test_relabelled_lines_say_so_and_rebuild() -> None:
    text = page("مواقيت الصلاة")
    lines = label(text)
    assert clean.rebuild(lines)["d"] == text
    model_rows = lines[lines["rule"].str.startswith("model:furniture(content=")]
    assert set(model_rows["label"]) <= set(clean.LABELS) - {"content", "blank"}
    for rule in model_rows["rule"]:
        assert float(rule.split("=")[1].rstrip(")")) <= line_model._model().max_content
    off = label(text, line_model=False)
    changed = lines["label"] != off["label"]
    # Only the model's rows differ from a run without it, and there are some.
    assert changed.any() and changed.equals(lines["rule"].str.startswith("model:"))


@pytest.mark.skipif(not evaluation.available(), reason=evaluation.skip_message())
def test_stored_model_is_what_the_script_fits() -> None:
    """``scripts/fit_line_model.py`` refits the stored weights exactly (deterministic, development gold)."""
    path = Path(__file__).resolve().parents[1] / "scripts" / "fit_line_model.py"
    spec = importlib.util.spec_from_file_location("fit_line_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = json.loads(line_model.MODEL_PATH.read_text(encoding="utf-8"))
    fit = stored["fit"]
    data, _ = module.build(stored["max_words"], fit["C"], fit["max_lost_share"], fit["lost_cost"])
    assert data == stored
