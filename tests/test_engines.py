"""Tests for newsstudy.engines: the streaming and Dask engines give run_study's tables."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newsstudy import duplicates, engines
from newsstudy.corpus import load_corpus
from newsstudy.paths import REPO_ROOT, SEEDS_DIR
from newsstudy.pipeline import StudyOptions, load_study_corpus, run_study

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "ant"
ANT_OPTIONS = StudyOptions(date_column="TIME")
_SORT_KEYS = ("doc_id", "line", "start", "rank", "topic", "doc_a", "doc_b", "line_a", "start_a", "line_b",
              "start_b", "label", "source_type", "affiliation", "path", "reason")  # fmt: skip


def _canonical(table: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order and missing values as None, so file round trips compare equal."""
    keys = [c for c in _SORT_KEYS if c in table.columns]
    table = (
        table.sort_values(keys, kind="stable", ignore_index=True) if keys else table.reset_index(drop=True)
    )
    return table.astype(object).where(table.notna(), None)


def _assert_same_tables(out: Path, expected: dict[str, pd.DataFrame]) -> None:
    for name, table in expected.items():
        got = engines.read_table(out, name)
        want = table.drop(columns=["text"]) if name == "documents" else table
        assert list(got.columns) == list(want.columns), name
        pd.testing.assert_frame_equal(
            _canonical(got), _canonical(want), check_dtype=False, rtol=1e-5, obj=name
        )


@pytest.fixture(scope="module")
def ant_sample(tmp_path_factory) -> Path:
    """The committed ANT fixture articles plus edited copies of some (so duplicates and reuse occur)."""
    rows = []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    unique = list({r["DOCNO"]: r for r in rows}.values())
    rng = random.Random(7)
    copies = []
    for r in unique[::4]:
        words = r["TEXT"].split(" ")
        words.insert(rng.randrange(len(words) + 1), "عاجل")
        copies.append({**r, "DOCNO": r["DOCNO"] + "-copy", "TEXT": " ".join(words)})
    target = tmp_path_factory.mktemp("ant") / "sample.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for r in unique + copies:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return target


@pytest.fixture(scope="module")
def ant_expected(ant_sample: Path) -> dict[str, pd.DataFrame]:
    documents, _ = load_study_corpus(ant_sample, ANT_OPTIONS)
    return run_study(documents, ANT_OPTIONS)


def test_streaming_equals_run_study_on_seeds(tmp_path: Path) -> None:
    written = engines.run_streaming(SEEDS_DIR, tmp_path, chunk_size=2, n_jobs=1)
    _assert_same_tables(tmp_path, run_study(load_corpus(SEEDS_DIR)))
    assert {p.suffix for p in written.values()} == {".csv"}


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


@pytest.mark.parametrize(("chunk_size", "n_jobs"), [(1, 1), (2, 2), (3, 1)])
def test_the_same_bytes_whatever_the_chunk_size_and_workers(tmp_path: Path, chunk_size, n_jobs) -> None:
    engines.run_streaming(SEEDS_DIR, tmp_path / "one", chunk_size=5000, n_jobs=1)
    engines.run_streaming(SEEDS_DIR, tmp_path / "many", chunk_size=chunk_size, n_jobs=n_jobs)
    one, many = _bytes(tmp_path / "one"), _bytes(tmp_path / "many")
    assert one.keys() == many.keys() and len(one) > 10
    assert [name for name in one if one[name] != many[name]] == []


def test_streaming_equals_run_study_on_ant_sample(ant_sample, ant_expected, tmp_path: Path) -> None:
    assert len(ant_expected["duplicate_pairs"]) > 0 and len(ant_expected["reuse_passages"]) > 0
    engines.run_streaming(ant_sample, tmp_path, ANT_OPTIONS, chunk_size=7, n_jobs=2)
    _assert_same_tables(tmp_path, ant_expected)


def test_chunk_size_does_not_change_results(ant_sample, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    engines.run_streaming(ant_sample, a, ANT_OPTIONS, chunk_size=5, n_jobs=1)
    engines.run_streaming(ant_sample, b, ANT_OPTIONS, chunk_size=1000, n_jobs=2)
    first, second = _bytes(a), _bytes(b)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []  # byte for byte


def test_spilled_state_is_removed_after_the_run(ant_sample, tmp_path: Path) -> None:
    engines.run_streaming(ant_sample, tmp_path, ANT_OPTIONS, chunk_size=10, n_jobs=1)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert len(engines.read_table(tmp_path, "reuse_passages")) > 0


def test_spilled_state_is_removed_when_the_run_fails(tmp_path: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(duplicates.OutOfCoreIndex, "duplicate_pairs", broken)
    with pytest.raises(RuntimeError, match="boom"):
        engines.run_streaming(SEEDS_DIR, tmp_path, chunk_size=2, n_jobs=1)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_progress_callable_and_tqdm_like(tmp_path: Path) -> None:
    messages: list[str] = []
    engines.run_streaming(SEEDS_DIR, tmp_path / "a", chunk_size=2, n_jobs=1, progress=messages.append)
    assert sum("documents" in m for m in messages) == 3
    assert "duplicates" in messages and "topics" in messages

    class Bar:
        n = 0

        def update(self, k: int) -> None:
            self.n += k

    bar = Bar()
    engines.run_streaming(SEEDS_DIR, tmp_path / "b", chunk_size=2, n_jobs=1, progress=bar)
    assert bar.n == 5


def test_progress_bar_only_on_a_terminal() -> None:
    import io

    assert engines.progress_bar(stream=io.StringIO()) is None


def test_problems_are_listed_and_run_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for src in sorted(SEEDS_DIR.glob("*.txt"))[:3]:
        (corpus / src.name).write_bytes(src.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    engines.run_streaming(corpus, tmp_path / "out", chunk_size=1, n_jobs=1)
    problems = engines.read_table(tmp_path / "out", "problems")
    assert problems["path"].str.endswith("empty.txt").tolist() == [True]
    assert len(engines.read_table(tmp_path / "out", "documents")) == 3


def test_topics_on_a_stable_sample_above_the_limit(ant_sample, tmp_path: Path) -> None:
    engines.run_streaming(ant_sample, tmp_path / "a", ANT_OPTIONS, chunk_size=4, n_jobs=1, max_topic_docs=10)
    engines.run_streaming(ant_sample, tmp_path / "b", ANT_OPTIONS, chunk_size=50, n_jobs=1, max_topic_docs=10)
    a = engines.read_table(tmp_path / "a", "top_terms")
    assert a["doc_id"].nunique() == 10
    ids = pd.read_json(ant_sample, lines=True)["DOCNO"].astype(str)
    smallest = sorted(ids, key=duplicates.stable_hash)[:10]
    assert sorted(a["doc_id"].unique()) == sorted(smallest)
    pd.testing.assert_frame_equal(_canonical(a), _canonical(engines.read_table(tmp_path / "b", "top_terms")))


def test_similarity_lists_neighbours_above_the_limit_as_run_study_does(tmp_path: Path) -> None:
    options = StudyOptions(max_all_pairs=4, min_cosine=0.15)
    engines.run_streaming(SEEDS_DIR, tmp_path, options, n_jobs=1)
    table = engines.read_table(tmp_path, "similarity")
    assert list(table.columns) == ["doc_a", "doc_b", "cosine", "jaccard"]
    assert 0 < len(table) < 5 * 4 // 2  # not every pair
    want = run_study(load_corpus(SEEDS_DIR), options)["similarity"]
    pd.testing.assert_frame_equal(_canonical(table), _canonical(want), check_dtype=False, rtol=1e-5)


def test_band_keys_give_the_lsh_candidates(ant_sample) -> None:
    docs, _ = load_study_corpus(ant_sample, ANT_OPTIONS)
    texts = docs["text"].tolist()
    sig = duplicates.minhash_signatures(texts)
    bands, rows = duplicates.lsh_params(0.8, 128, weights=duplicates.LSH_WEIGHTS)
    keys = duplicates.band_keys(sig, bands=bands, rows=rows)
    pairs = set()
    for _, members in keys.groupby(["band", "key"])["row"]:
        m = sorted(members)
        pairs.update((a, b) for i, a in enumerate(m) for b in m[i + 1 :])
    expected = {tuple(p) for p in duplicates.lsh_candidate_pairs(sig).tolist()}
    assert pairs == expected and len(expected) > 0


def test_duplicate_pairs_with_given_candidates(ant_expected) -> None:
    lines = ant_expected["lines"]
    default = duplicates.duplicate_pairs(lines)
    given = duplicates.duplicate_pairs(lines, candidates=default[["doc_a", "doc_b"]])
    pd.testing.assert_frame_equal(default, given)
    none = duplicates.duplicate_pairs(lines, candidates=pd.DataFrame({"doc_a": [], "doc_b": []}))
    assert set(none["kind"]) <= {"exact"}  # exact duplicates need no candidates
    assert np.all(none["jaccard"] == 1.0)


def test_dask_engine_equals_run_study(ant_sample, ant_expected, tmp_path: Path, monkeypatch) -> None:
    """Every table equal, with the reuse anchors grouped on the cluster (the local grouping is forbidden)."""
    pytest.importorskip(
        "distributed", reason="the Dask engine needs the 'dask' extra (pip install newsstudy[dask])"
    )
    import newsstudy.duplicates.index as index_module

    def local_grouping(*args, **kwargs):
        raise AssertionError("the local index grouped anchors itself")

    monkeypatch.setattr(index_module, "_gram_pairs", local_grouping)  # the cluster's copy is not this name
    engines.run_dask(ant_sample, tmp_path, ANT_OPTIONS, n_workers=2, processes=False, chunk_size=9)
    _assert_same_tables(tmp_path, ant_expected)
    assert len(engines.read_table(tmp_path, "reuse_passages")) > 0
    assert "reuse anchors" in json.loads((tmp_path / "run.json").read_text())["timings_seconds"]


@pytest.mark.parametrize("partitions", [1, 3])
def test_given_anchor_matches_give_the_index_own_passages(ant_expected, tmp_path: Path, partitions) -> None:
    """Matches found per gram-hash partition (as the cluster finds them) equal the index's own."""
    from newsstudy.engines.cluster import _anchor_matches_in_partition

    lines = ant_expected["lines"]
    chunks = [lines[lines["doc_id"].isin(ids)] for ids in np.array_split(sorted(set(lines["doc_id"])), 4)]
    features = [duplicates.chunk_features(c) for c in chunks]
    own = duplicates.OutOfCoreIndex(tmp_path / "own")
    given = duplicates.OutOfCoreIndex(tmp_path / "given")
    anchors = []
    for f in features:
        own.add(f)
        given.add(f)
        grams = {"gram": f.anchor_hash, "doc_id": f.ids[f.anchor_doc], "pos": f.anchor_pos}
        anchors.append(pd.DataFrame(grams))
    anchors = pd.concat(anchors, ignore_index=True)
    part = anchors["gram"].to_numpy(np.uint64) % np.uint64(partitions)
    for k in range(partitions):
        given.add_matches(_anchor_matches_in_partition(anchors[part == k], duplicates.reuse.MAX_ANCHOR_DOCS))
    expected = pd.concat(own.reuse_passages(), ignore_index=True)
    got = pd.concat(given.reuse_passages(), ignore_index=True)
    own.close()
    given.close()
    assert len(expected) > 0
    pd.testing.assert_frame_equal(got, expected)


@pytest.mark.parametrize(("chunk_size", "n_jobs"), [(1, 1), (2, 2)])
def test_the_outlet_country_field_is_the_home_of_a_state_office(tmp_path: Path, chunk_size, n_jobs) -> None:
    # issue 15: a ministry or the police naming no country, in a national paper, speaks for its country;
    # a pan-Arab outlet's and a document with no country field's speak for no one
    text = "افتتح معرض الكتاب أمس بحضور جمهور كبير في {n}.\nوقالت الشرطة إن الطرق مفتوحة أمام الزوار."
    rows = [
        {"doc_id": "a", "country": "Bahrain", "text": text.format(n="الصباح")},
        {"doc_id": "b", "country": "pan-Arab", "text": text.format(n="المساء")},
        {"doc_id": "c", "country": "", "text": text.format(n="الظهيرة")},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    engines.run_streaming(corpus, tmp_path / "one", chunk_size=5000, n_jobs=1)
    engines.run_streaming(corpus, tmp_path / "many", chunk_size=chunk_size, n_jobs=n_jobs)
    one, many = _bytes(tmp_path / "one"), _bytes(tmp_path / "many")
    assert [name for name in one if one[name] != many[name]] == []
    found = engines.read_table(tmp_path / "many", "attributions")
    entities = found.set_index("doc_id")["affiliation_entity"]
    assert entities.fillna("-").to_dict() == {"a": "BH", "b": "-", "c": "-"}
    documents, _ = load_study_corpus(corpus)
    in_memory = run_study(documents)["attributions"].set_index("doc_id")["affiliation_entity"]
    assert in_memory.fillna("-").to_dict() == {"a": "BH", "b": "-", "c": "-"}
