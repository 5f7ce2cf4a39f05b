"""The invented benchmarks: pages of fictitious outlets in the shapes of modern Arabic news sites.

Written by the team (``tests/fixtures/invented/README.md``, ``tests/fixtures/invented-2/README.md``,
``tests/fixtures/invented-3/README.md``, ``tests/fixtures/invented-4/README.md``,
``tests/fixtures/invented-5/README.md``),
so they need no shared corpus and never skip. Each set's outlets are split by
:func:`newsstudy.evaluation.split_of` like the shared-corpora sample: rules may be developed on the
``dev`` outlets; the ``test`` outlets are only scored. The floors are regression floors a little
under today's scores.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from newsstudy import clean, evaluation

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=evaluation.INVENTED_CORPORA)
def corpus(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def pages(corpus) -> pd.DataFrame:
    return evaluation.invented_pages(corpus)


@pytest.fixture(scope="module")
def records(corpus) -> dict[str, list[dict]]:
    return {
        "lines": evaluation.gold_records(corpus),
        "attributions": evaluation._gold_records_of(corpus),
    }


def test_the_committed_pages_and_gold_are_what_the_source_files_build(corpus) -> None:
    # The hand-written sources (one line per raw line, its label and its attributions under it) are the
    # record; the pages and gold files are built from them (scripts/build_invented.py), never edited apart.
    spec = importlib.util.spec_from_file_location("build_invented", ROOT / "scripts" / "build_invented.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    files = build.build(corpus)
    assert len(files) > 1
    stale = [str(path.relative_to(ROOT)) for path, text in files.items() if path.read_text("utf-8") != text]
    assert not stale, f"rebuild with python scripts/build_invented.py {corpus}: {stale}"


def test_every_page_has_line_gold_for_every_raw_line_and_attribution_gold(pages, records) -> None:
    texts = dict(zip(pages["doc_id"], pages["text"], strict=True))
    assert sorted(r["doc_id"] for r in records["lines"]) == sorted(texts)
    assert sorted(r["doc_id"] for r in records["attributions"]) == sorted(texts)
    for rec in records["lines"]:
        raw = texts[rec["doc_id"]].split("\n")
        assert [row["line"] for row in rec["lines"]] == list(range(1, len(raw) + 1)), rec["doc_id"]
        for row in rec["lines"]:
            assert row["label"] in clean.LABELS, (rec["doc_id"], row)
            assert (row["label"] == "blank") == (raw[row["line"] - 1].strip() == ""), (rec["doc_id"], row)


def test_the_split_is_by_outlet_as_for_the_shared_sample(records) -> None:
    outlets = {r["outlet"] for r in records["lines"]}
    splits = evaluation.split_of(outlets)
    assert sorted(set(splits.values())) == ["dev", "test"]
    for rec in records["lines"] + records["attributions"]:
        assert rec["split"] == splits[rec["outlet"]], rec["doc_id"]


def test_the_sets_table_counts_each_parts_pages_and_attributions(corpus, pages, records) -> None:
    table = evaluation.invented_sets().loc[corpus]
    assert table["pages"].sum() == len(pages)
    assert table["attributions"].sum() == sum(len(r["attributions"]) for r in records["attributions"])
    for part in ("dev", "test"):
        outlets = {r["outlet"] for r in records["lines"] if r["split"] == part}
        assert table.loc[part, "outlets"] == len(outlets) > 0


def test_attribution_gold_points_at_its_cue_in_a_counted_line(pages, records) -> None:
    texts = dict(zip(pages["doc_id"], pages["text"], strict=True))
    for rec in records["attributions"]:
        raw = texts[rec["doc_id"]].split("\n")
        for a in rec["attributions"]:
            assert a["line"] in rec["counted_lines"], (rec["doc_id"], a)
            assert raw[a["line"] - 1][a["start"] : a["end"]] == a["cue"], (rec["doc_id"], a)


@pytest.mark.parametrize(
    ("corpus", "split", "accuracy", "precision", "macro_f1", "recall"),
    [
        ("invented", "dev", 0.99, 0.98, 0.99, 0.98),
        ("invented", "test", 0.91, 0.89, 0.91, 0.98),
        ("invented-2", "dev", 0.98, 0.97, 0.97, 0.98),
        ("invented-2", "test", 0.90, 0.85, 0.89, 0.98),
        ("invented-3", "dev", 0.95, 0.95, 0.92, 0.98),
        ("invented-3", "test", 0.81, 0.72, 0.77, 0.98),
        ("invented-4", "dev", 0.93, 0.95, 0.87, 0.98),
        ("invented-4", "test", 0.79, 0.66, 0.79, 0.98),
        ("invented-5", "dev", 0.92, 0.83, 0.86, 0.98),
        ("invented-5", "test", 0.73, 0.66, 0.60, 0.98),
        ("invented-6", "dev", 0.91, 0.94, 0.86, 0.98),
        ("invented-6", "test", 0.80, 0.70, 0.72, 0.97),
        ("invented-7", "dev", 0.63, 0.52, 0.54, 0.94),
        ("invented-7", "test", 0.65, 0.49, 0.56, 0.96),
        ("invented-8", "dev", 0.66, 0.62, 0.58, 0.96),
        ("invented-8", "test", 0.63, 0.56, 0.47, 0.96),
        ("invented-9", "dev", 0.81, 0.82, 0.74, 0.95),
        ("invented-9", "test", 0.83, 0.76, 0.71, 0.97),
        ("invented-10", "dev", 0.66, 0.65, 0.64, 0.98),
        ("invented-10", "test", 0.78, 0.77, 0.64, 0.98),
    ],
)
def test_line_scores_on_the_invented_pages_do_not_regress(
    corpus, split, accuracy, precision, macro_f1, recall
) -> None:
    # First set, before any rule was written on it (fixture README), accuracy / content precision /
    # macro-F1: dev 0.838 / 0.768 / 0.838, test 0.669 / 0.636 / 0.643; after the rules written on its dev
    # outlets: dev 0.997 / 0.987 / 0.999, test 0.834 / 0.660 / 0.848; after those written on the second
    # set's dev outlets (issue 14): test 0.876 / 0.737 / 0.878. Second set, before (its README): dev
    # 0.868 / 0.699 / 0.844, test 0.795 / 0.647 / 0.719; after the rules written on its dev outlets: dev
    # 1.000 / 1.000 / 1.000, test 0.813 / 0.653 / 0.736 (test only scored). Third set, before (its README):
    # dev 0.633 / 0.469 / 0.569, test 0.625 / 0.520 / 0.568. Fourth set, before (its README): dev 0.673 /
    # 0.558 / 0.586, test 0.677 / 0.525 / 0.643. Fifth set, before (its README): dev 0.619 / 0.419 /
    # 0.530, test 0.711 / 0.639 / 0.546. Floors just under these. Content recall was >= 0.99 everywhere
    # until the web-furniture batch that finds the title under long chrome and reads clock-time stamps
    # (newsstudy/data/clean/README.md): it costs the first and third sets' test outlets one body line
    # each (recall 0.986, 0.987) for +3.5 and +2 points of accuracy there, +0.3 on the shared sample's
    # test outlets (whose recall rose) and +2.7 on the sixth set's dev outlets, which no rule was written
    # on; so the floor is 0.98, not a line more. Sixth set, first scored when it came in (before any rule
    # was written on its dev outlets): dev 0.742 / 0.667 / 0.629, recall 0.967; test 0.736 / 0.643 / 0.565,
    # recall 0.979 (test only scored; its recall floor 0.97 is that first score's). After s28's rules, the
    # floors of the third to sixth sets were raised to just under their scores then. Seventh set, first
    # scored after its gold was committed (8ad8f57, before any rule was written on it): dev 0.632 / 0.525 /
    # 0.545, recall 0.943; test 0.654 / 0.497 / 0.570, recall 0.962; floors just under these. Eighth set,
    # first scored after its gold was committed (038df6d, before any rule was written on it): dev 0.668 /
    # 0.623 / 0.587, recall 0.964; test 0.638 / 0.568 / 0.472, recall 0.963; floors just under these.
    # Ninth set (ordinary article pages as scrapers extract them), first scored after its gold was
    # committed (1eff099, before any rule was written on it): dev 0.817 / 0.821 / 0.745, recall 0.956;
    # test 0.832 / 0.788 / 0.716, recall 0.978; floors just under these.
    # Its test content-precision floor 0.78 -> 0.76 when the gold changed, not the library: the cross-set
    # convention that a standfirst under the headline is `headline` (tests/gold/lines/README.md, "Gold
    # conventions (7)") relabelled three test lines that the labeller keeps as content (0.767 after).
    # Tenth set (scrapers' and exports' raw text: lynx, newspaper3k, e-paper PDF, Telegram export, full-text
    # RSS, forum mirror), first scored after its gold was committed (a0b49b1, before any rule was written on
    # it): dev 0.669 / 0.652 / 0.641, recall 0.989; test 0.788 / 0.779 / 0.663, recall 0.983; floors just
    # under these. Its test macro-F1 floor 0.66 -> 0.64 after rules were developed on its dev part and the
    # line model was refitted with it (0.651 measured; the test part is only scored, so the drop is reported).
    overall = evaluation.invented_line_scores(split, corpus=corpus).loc["all"]
    assert overall["accuracy"] >= accuracy and overall["macro_f1"] >= macro_f1, overall
    assert overall["content_precision"] >= precision and overall["content_recall"] >= recall, overall


@pytest.mark.parametrize(
    ("corpus", "split", "f1", "source_type"),
    [
        ("invented", "dev", 0.96, 0.97),
        ("invented", "test", 0.94, 0.79),
        ("invented-2", "dev", 0.93, 0.88),
        ("invented-2", "test", 0.89, 0.79),
        ("invented-3", "dev", 0.91, 0.87),
        ("invented-3", "test", 0.87, 0.83),
        ("invented-4", "dev", 0.90, 0.89),
        ("invented-4", "test", 0.86, 0.87),
        ("invented-5", "dev", 0.91, 0.84),
        ("invented-5", "test", 0.82, 0.85),
        ("invented-6", "dev", 0.93, 0.90),
        ("invented-6", "test", 0.92, 0.86),
        ("invented-7", "dev", 0.89, 0.83),
        ("invented-7", "test", 0.87, 0.79),
        ("invented-8", "dev", 0.92, 0.90),
        ("invented-8", "test", 0.91, 0.91),
        ("invented-9", "dev", 0.91, 0.83),
        ("invented-9", "test", 0.91, 0.84),
        ("invented-10", "dev", 0.95, 0.94),
        ("invented-10", "test", 0.87, 0.89),
    ],
)
def test_attribution_scores_on_the_invented_pages_do_not_regress(corpus, split, f1, source_type) -> None:
    # Before any rule was written on them: F1 dev 0.919, test 0.918; source_type 0.892, 0.795. After the
    # second fresh sample's rules: F1 0.919, 0.938; source_type 0.919, 0.789 (on more attributions found).
    # After the s25 rules written on the dev split: F1 dev 0.977, test 0.951; source_type 0.988, 0.808
    # (test source_type went down to 0.779 on the way, on one more attribution found with a wrong type).
    # Second set, before (its README): F1 dev 0.873, test 0.892; source_type 0.819, 0.800; after the rules
    # written on its dev outlets: F1 0.930, 0.899; source_type 0.875, 0.803 (test only scored). s26 (ممثل
    # as a title): dev F1 0.936, source_type 0.889, its floors raised from 0.92/0.86; test unchanged. Third
    # set, before (its README): F1 dev 0.881, test 0.889; source_type 0.843, 0.841. Fourth set, before (its
    # README): F1 dev 0.844, test 0.874; source_type 0.889, 0.889. Fifth set, before (its README): F1 dev
    # 0.885, test 0.827; source_type 0.827, 0.877. After the s28 rules written on the dev splits (relative
    # clauses, groups of people, a body's document country): F1 dev 0.918 / 0.905 / 0.917 (third, fourth,
    # fifth set), source_type 0.874 / 0.900 / 0.847, floors raised; the fifth set's test outlets F1 0.830,
    # source_type 0.855 (one more attribution found with another type), the sixth set's (unseen) F1 0.907
    # -> 0.931, source_type 0.855 -> 0.875. Sixth set, first scored when it came in: F1 dev 0.898, test
    # 0.907; source_type 0.798, 0.855; after the s28 rules (its dev outlets developed on): 0.944 / 0.937,
    # source_type 0.913 / 0.876. Seventh set, first scored after its gold was committed (8ad8f57): F1 dev
    # 0.899, test 0.877; source_type 0.832, 0.802; floors just under these. After s32's attribution rules
    # (written on the dev splits): test F1 0.892, recall 0.850 -> 0.876 (96 -> 99 matched pairs), pairs
    # typed right 77 -> 79, source_type 0.802 -> 0.798 on the larger denominator; test floor 0.80 -> 0.79.
    # Eighth set, first scored after its gold was committed (038df6d): F1 dev 0.921, test 0.918;
    # source_type 0.909, 0.911; floors just under these. Ninth set, first scored after its gold was
    # committed (1eff099): F1 dev 0.917, test 0.915; source_type 0.836, 0.850; floors just under these.
    # Tenth set, first scored after its gold was committed (a0b49b1): F1 dev 0.957, test 0.872;
    # source_type 0.947, 0.895; floors just under these.
    overall = evaluation.invented_attribution_scores(split, corpus=corpus).loc["all"]
    assert overall["f1"] >= f1 and overall["source_type"] >= source_type, overall
