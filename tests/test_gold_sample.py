"""Scores on the hand-annotated sample of the shared corpora, split by outlet (newsstudy.evaluation).

The texts are read from ``../shared/corpora`` (no text of the dev corpus is in the repository); every
test here skips with a clear message where the corpora are absent. The rules were developed on the
``dev`` outlets; the ``test`` outlets are only scored. Two kinds of floors:

- regression floors, a little below what the library scores today on the test part (so a change
  that makes it worse on outlets nobody tuned on fails);
- the targets of the issues (#14 cleaning, #15 attribution), asserted as strict xfails: they are not
  met yet, and the test turns red the day they are, so the floor is raised.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newsstudy import attribution, clean, evaluation

pytestmark = pytest.mark.skipif(not evaluation.available(), reason=evaluation.skip_message())

LINE_LABELS = set(clean.LABELS)


def _records(kind: str) -> list[dict]:
    return evaluation._gold_records(kind)


def test_the_sample_is_drawn_and_split_by_outlet_as_documented() -> None:
    sample = evaluation.draw_sample()
    assert len(sample) >= 60 and sample["doc_id"].is_unique
    assert sample.groupby("outlet")["split"].nunique().eq(1).all()  # an outlet is in one part only
    dev_outlets = sample.loc[sample["corpus"] == "dev", "outlet"].nunique()
    assert dev_outlets >= 10 and set(sample["corpus"]) == {"dev", "ant"}
    assert set(sample["split"]) == {"dev", "test"}


def test_every_sampled_document_has_line_and_attribution_gold() -> None:
    sample = evaluation.draw_sample().set_index("doc_id")
    lines = {r["doc_id"]: r for r in _records("lines")}
    attrs = {r["doc_id"]: r for r in _records("attributions")}
    assert set(lines) == set(sample.index) == set(attrs)
    for doc_id, rec in lines.items():
        assert rec["split"] == sample.loc[doc_id, "split"] and rec["outlet"] == sample.loc[doc_id, "outlet"]
    assert sum(len(r["attributions"]) for r in attrs.values()) >= 400


def test_line_gold_covers_every_raw_line_with_one_label() -> None:
    docs = evaluation.sample_documents().set_index("doc_id")
    for rec in _records("lines"):
        raw = docs.loc[rec["doc_id"], "text"].split("\n")
        assert [g["line"] for g in rec["lines"]] == list(range(1, len(raw) + 1)), rec["doc_id"]
        assert {g["label"] for g in rec["lines"]} <= LINE_LABELS
        for g in rec["lines"]:  # a line with nothing to read is blank, whatever the scraper left in it
            if not raw[g["line"] - 1].strip(" \t\u00a0\x00\ufeff"):
                assert g["label"] == "blank", (rec["doc_id"], g)


def test_attribution_gold_points_into_counted_lines_and_copies_no_dev_text() -> None:
    docs = evaluation.sample_documents().set_index("doc_id")
    line_gold = {r["doc_id"]: r for r in _records("lines")}
    for rec in _records("attributions"):
        counted = [
            g["line"] for g in line_gold[rec["doc_id"]]["lines"] if g["label"] in ("headline", "content")
        ]
        assert rec["counted_lines"] == counted, rec["doc_id"]
        raw = docs.loc[rec["doc_id"], "text"].split("\n")
        from_dev = docs.loc[rec["doc_id"], "corpus"] == "dev"
        for a in rec["attributions"]:
            assert a["line"] in counted
            assert 0 <= a["start"] < a["end"] <= len(raw[a["line"] - 1])
            assert a["source_type"] in attribution.SOURCE_TYPES
            if from_dev:  # arabic-news-dev.md: gold names lines and offsets, never the text
                assert "cue" not in a and "source_text" not in a, rec["doc_id"]
            else:
                assert raw[a["line"] - 1][a["start"] : a["end"]] == a["cue"]


@pytest.fixture(scope="module")
def line_scores() -> pd.DataFrame:
    return evaluation.line_scores("test")


@pytest.fixture(scope="module")
def attribution_scores() -> pd.DataFrame:
    return evaluation.attribution_scores("test")


def test_line_scores_on_the_test_outlets_do_not_regress(line_scores: pd.DataFrame) -> None:
    overall = line_scores.loc["all"]
    assert overall["accuracy"] >= 0.92 and overall["macro_f1"] >= 0.59, line_scores
    assert overall["content_precision"] >= 0.90 and overall["content_recall"] >= 0.98, line_scores
    assert len(line_scores) - 1 == evaluation.draw_sample().query("split == 'test'")["outlet"].nunique()


def test_attribution_scores_on_the_test_outlets_do_not_regress(attribution_scores: pd.DataFrame) -> None:
    overall = attribution_scores.loc["all"]
    # measured: P 0.799, R 0.661, F1 0.724, source_type 0.837, affiliation_entity 0.640, affiliation 0.680
    assert overall["f1"] >= 0.715 and overall["precision"] >= 0.79, attribution_scores
    assert overall["recall"] >= 0.65 and overall["affiliation"] >= 0.67, attribution_scores
    assert overall["source_type"] >= 0.83 and overall["affiliation_entity"] >= 0.63, attribution_scores


@pytest.mark.xfail(strict=True, reason="issue #14's targets are not met yet (see the notebook 01 table)")
def test_issue_14_cleaning_targets_on_the_test_outlets(line_scores: pd.DataFrame) -> None:
    overall = line_scores.loc["all"]
    assert overall["accuracy"] >= 0.95 and overall["macro_f1"] >= 0.85
    assert overall["content_precision"] >= 0.97 and overall["content_recall"] >= 0.97


@pytest.mark.xfail(strict=True, reason="issue #15's targets are not met yet (see the notebook 03 table)")
def test_issue_15_attribution_targets_on_the_test_outlets(attribution_scores: pd.DataFrame) -> None:
    overall = attribution_scores.loc["all"]
    assert overall["f1"] >= 0.90 and overall["source_type"] >= 0.88 and overall["affiliation"] >= 0.88


def test_gold_files_are_valid_json_with_the_sample_fields() -> None:
    for kind in ("lines", "attributions"):
        for path in sorted((evaluation.GOLD_DIR / kind).glob("*.json")):
            rec = json.loads(path.read_text(encoding="utf-8"))
            if rec.get("corpus") == evaluation.SAMPLE_CORPUS:
                assert {"doc_id", "outlet", "split", "notes"} <= set(rec), path.name


def test_the_development_supplement_is_of_development_outlets_only_and_covers_every_line() -> None:
    records = evaluation.supplement_records()
    assert len(records) >= 20
    index = evaluation._index()
    splits = evaluation.split_of(evaluation.outlet_of(c, r) for c, r in index.values())
    sampled = set(evaluation.draw_sample()["doc_id"])
    docs = evaluation.documents([r["doc_id"] for r in records]).set_index("doc_id")
    for rec in records:
        corpus, raw_rec = index[rec["doc_id"]]
        assert rec["outlet"] == evaluation.outlet_of(corpus, raw_rec) and rec["source"] == corpus
        assert splits[rec["outlet"]] == "dev" and rec["split"] == "dev", rec["doc_id"]  # never a test outlet
        assert rec["doc_id"] not in sampled  # not part of the random sample
        raw = docs.loc[rec["doc_id"], "text"].split("\n")
        assert [g["line"] for g in rec["lines"]] == list(range(1, len(raw) + 1)), rec["doc_id"]
        assert {g["label"] for g in rec["lines"]} <= LINE_LABELS
        for g in rec["lines"]:
            assert (g["label"] == "blank") == (not raw[g["line"] - 1].strip(" \t\u00a0\x00\ufeff")), rec[
                "doc_id"
            ]
        assert set(rec) == {"doc_id", "corpus", "source", "outlet", "split", "marker", "notes", "lines"}


def test_line_scores_on_the_development_supplement_do_not_regress() -> None:
    # A development measure (documents chosen for hard lines), not an estimate: it guards the rules
    # written from it (posts, decks, headline lists, hard-wrapped paragraphs, signatures).
    # Raised from 0.93/0.91/0.91/0.98 when the trailing-teaser rule learnt root-و/ف ledes (0.960, 0.947,
    # 0.945, 0.995 then).
    overall = evaluation.supplement_line_scores().loc["all"]
    assert overall["accuracy"] >= 0.95 and overall["macro_f1"] >= 0.94, overall
    assert overall["content_precision"] >= 0.94 and overall["content_recall"] >= 0.99, overall


def test_line_scores_on_the_fresh_development_sample_do_not_regress() -> None:
    # The honest within-development estimate (documents drawn at random and annotated before the rules
    # written after them): 0.972, 0.927, 0.971, 1.000 both before and after that work. Macro-F1 floor
    # 0.91 -> 0.89 when the gold changed, not the library: the cross-set convention that a city with a
    # writer's name is a byline (tests/gold/lines/README.md, "Gold conventions (8)") moved one line of
    # press-om-86 from dateline to credit, a line the labeller reads as body text (macro 0.915 -> 0.896).
    overall = evaluation.fresh_line_scores().loc["all"]
    assert overall["accuracy"] >= 0.96 and overall["macro_f1"] >= 0.89, overall
    assert overall["content_precision"] >= 0.96 and overall["content_recall"] >= 0.99, overall


def test_the_fresh_development_sample_is_drawn_as_documented_and_covers_every_line() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "draw_fresh_sample", evaluation.GOLD_DIR.parent.parent / "scripts" / "draw_fresh_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    records = evaluation.fresh_records()
    drawn = [doc_id for doc_id, _, _ in module.draw(18, 50)]
    assert sorted(r["doc_id"] for r in records) == sorted(drawn)  # exactly the documented draw
    index = evaluation._index()
    splits = evaluation.split_of(evaluation.outlet_of(c, r) for c, r in index.values())
    others = {r["doc_id"] for r in evaluation.supplement_records()} | set(evaluation.draw_sample()["doc_id"])
    docs = evaluation.documents(drawn).set_index("doc_id")
    for rec in records:
        corpus, raw_rec = index[rec["doc_id"]]
        assert rec["outlet"] == evaluation.outlet_of(corpus, raw_rec) and rec["source"] == corpus
        assert splits[rec["outlet"]] == "dev" and rec["split"] == "dev", rec["doc_id"]
        assert rec["doc_id"] not in others
        raw = docs.loc[rec["doc_id"], "text"].split("\n")
        assert [g["line"] for g in rec["lines"]] == list(range(1, len(raw) + 1)), rec["doc_id"]
        assert {g["label"] for g in rec["lines"]} <= LINE_LABELS
        for g in rec["lines"]:
            assert (g["label"] == "blank") == (not raw[g["line"] - 1].strip(" \t\u00a0\x00\ufeff"))
        assert set(rec) == {"doc_id", "corpus", "source", "outlet", "split", "notes", "lines"}


def test_the_audit_sample_is_of_development_outlets_only_and_covers_every_line() -> None:
    # Drawn by scripts/draw_audit_sample.py on the rules of its day (which lines the model may act on),
    # so a later draw may pick other documents: the files are the record, checked here for their shape.
    records = evaluation.gold_records(evaluation.AUDIT_CORPUS)
    assert len(records) >= 20
    index = evaluation._index()
    splits = evaluation.split_of(evaluation.outlet_of(c, r) for c, r in index.values())
    others = evaluation._gold_doc_ids(besides=evaluation.AUDIT_CORPUS) | set(
        evaluation.draw_sample()["doc_id"]
    )
    docs = evaluation.documents([r["doc_id"] for r in records]).set_index("doc_id")
    for rec in records:
        corpus, raw_rec = index[rec["doc_id"]]
        assert rec["outlet"] == evaluation.outlet_of(corpus, raw_rec) and rec["source"] == corpus
        assert splits[rec["outlet"]] == "dev" and rec["split"] == "dev", rec["doc_id"]  # never a test outlet
        assert rec["doc_id"] not in others  # in no other gold set
        raw = docs.loc[rec["doc_id"], "text"].split("\n")
        assert [g["line"] for g in rec["lines"]] == list(range(1, len(raw) + 1)), rec["doc_id"]
        assert {g["label"] for g in rec["lines"]} <= LINE_LABELS
        for g in rec["lines"]:
            assert (g["label"] == "blank") == (not raw[g["line"] - 1].strip(" \t\u00a0\x00\ufeff")), rec[
                "doc_id"
            ]
        assert set(rec) == {"doc_id", "corpus", "source", "outlet", "split", "notes", "lines"}


# The fresh development sample for attribution (``dev-fresh``): drawn at random from development outlets
# and annotated before any rule was changed against it, the honest within-development estimate.
# The second (``dev-fresh2``) was drawn the same way after the first had been used for rules, excluding it;
# the third (``dev-fresh3``) after the second had been, excluding both.
@pytest.mark.parametrize("corpus", list(evaluation.FRESH_SAMPLES))
def test_the_fresh_sample_is_drawn_as_documented_from_development_outlets_only(corpus) -> None:
    drawn = evaluation.draw_fresh_dev_sample(seed=evaluation.FRESH_SAMPLES[corpus])
    records = evaluation._gold_records_of(corpus)
    assert sorted(drawn["doc_id"]) == sorted(r["doc_id"] for r in records)  # reproducible from the seed
    assert drawn["outlet"].is_unique and len(drawn) >= 12 and set(drawn["split"]) == {"dev"}
    index = evaluation._index()
    splits = evaluation.split_of(evaluation.outlet_of(c, r) for c, r in index.values())
    assert {splits[o] for o in drawn["outlet"]} == {"dev"}  # never a test outlet
    assert not set(drawn["doc_id"]) & set(evaluation.draw_sample()["doc_id"])
    earlier = list(evaluation.FRESH_SAMPLES)[: list(evaluation.FRESH_SAMPLES).index(corpus)]
    for other in earlier:  # a later sample never repeats an earlier one's documents
        assert not set(drawn["doc_id"]) & {r["doc_id"] for r in evaluation._gold_records_of(other)}
    docs = evaluation.documents(drawn["doc_id"]).set_index("doc_id")
    for rec in records:
        raw = docs.loc[rec["doc_id"], "text"].split("\n")
        from_dev = docs.loc[rec["doc_id"], "corpus"] == "dev"
        assert set(rec["headline_lines"]) <= set(rec["counted_lines"])
        for a in rec["attributions"]:
            assert a["line"] in rec["counted_lines"] and 0 <= a["start"] < a["end"] <= len(raw[a["line"] - 1])
            assert a["source_type"] in attribution.SOURCE_TYPES
            if from_dev:  # arabic-news-dev.md: gold names lines and offsets, never the text
                assert "cue" not in a and "source_text" not in a, rec["doc_id"]
            else:
                assert raw[a["line"] - 1][a["start"] : a["end"]] == a["cue"]
    assert sum(len(r["attributions"]) for r in records) >= 60  # 79, 86 and 69 attributions


def test_attribution_scores_on_the_fresh_development_sample() -> None:
    # Before the rules were changed against it: P 0.847, R 0.772, F1 0.808 (gold README); a regression
    # floor a little below what the library scores now. Raised from 0.88/0.88/0.88 by s26 (P, R, F1
    # 0.911 after the لا سيما وأن conjunction rule; a development part, so the floor may follow it).
    overall = evaluation.fresh_attribution_scores().loc["all"]
    assert overall["f1"] >= 0.89 and overall["precision"] >= 0.89 and overall["recall"] >= 0.89, overall
    assert overall["source_type"] >= 0.93 and overall["affiliation_entity"] >= 0.79, overall


def test_attribution_scores_on_the_second_fresh_development_sample() -> None:
    # Before the rules were changed against it: P 0.800, R 0.744, F1 0.771 (gold README); a regression
    # floor a little below what the library scores now (0.821, 0.802, 0.812; s26: 0.826, 0.826, 0.826 after
    # the colon-continuation rule, floors raised from 0.80/0.78/0.79 on this development part).
    overall = evaluation.fresh_attribution_scores(corpus=evaluation.FRESH2_CORPUS).loc["all"]
    assert overall["f1"] >= 0.81 and overall["precision"] >= 0.81 and overall["recall"] >= 0.81, overall
    assert overall["source_type"] >= 0.95 and overall["affiliation_entity"] >= 0.83, overall


def test_attribution_scores_on_the_third_fresh_development_sample() -> None:
    # Scored once, after its gold was committed and before any rule was changed against it: P 0.793,
    # R 0.667, F1 0.724, source_type 0.500, affiliation_entity 0.500 (gold README); a regression floor
    # at the before-scores rounded down, minus 0.01. s26b (rules changed against this development part:
    # sources in a state body, nameless-head objects, state titles): P 0.800, R 0.696, F1 0.744,
    # source_type 0.771, affiliation_entity 0.667; floors raised from 0.78/0.65/0.71 and 0.49/0.49.
    overall = evaluation.fresh_attribution_scores(corpus=evaluation.FRESH3_CORPUS).loc["all"]
    assert overall["f1"] >= 0.73 and overall["precision"] >= 0.79 and overall["recall"] >= 0.68, overall
    assert overall["source_type"] >= 0.76 and overall["affiliation_entity"] >= 0.65, overall
