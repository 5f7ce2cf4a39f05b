"""Tests for newsstudy.duplicates (exact and near duplicates, reuse passages)."""

from __future__ import annotations

import gzip
import json
import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsstudy import duplicates as D
from newsstudy import normalize as N
from newsstudy.normalize import for_matching
from newsstudy.paths import ANT_CORPUS

# Arabic-looking vocabulary for synthetic articles (no real text needed: only word identity matters).
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _vocabulary(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 7))))
    return sorted(words)


VOCAB = _vocabulary(3000, seed=7)


def _article(rng: random.Random, n_paragraphs: int = 6, words: int = 30) -> list[str]:
    return [" ".join(rng.choice(VOCAB) for _ in range(words)) for _ in range(n_paragraphs)]


def _lines(docs: dict[str, list[str]], label: str = "content") -> pd.DataFrame:
    """A lines table: every non-blank line is `label`, as the cleaning stage would give for clean text."""
    rows = []
    for doc_id, paragraphs in docs.items():
        for i, text in enumerate(paragraphs, start=1):
            rows.append((doc_id, i, label if text.strip() else "blank", "test", text))
    return pd.DataFrame(rows, columns=["doc_id", "line", "label", "rule", "text"])


def _pair_set(pairs: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(pairs["doc_a"], pairs["doc_b"], strict=True))


def _shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = D._words_of(for_matching(text))
    if len(words) < k:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


# --------------------------------------------------------------------------- words and hashes
@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("قالَ مسؤولٌ: «نعم»", ["قال", "مسؤول", "نعم"]),
        ("أحمد إلى آخر ٱلكتاب", ["احمد", "الي", "اخر", "الكتاب"]),
        ("مـــدينة ٢٠٢٤", ["مدينه", "2024"]),
        ("فی کتاب", ["في", "كتاب"]),
        ("ﻻ شيء", ["لا", "شيء"]),
        ("النبي ﷺ قال", ["النبي", "صلي", "الله", "عليه", "وسلم", "قال"]),
        ("a\u200fb c\u00a0d", ["ab", "c", "d"]),
        # Characters whose image starts with a space split the word, as in for_matching.
        ("x\ufe70y", ["x", "y"]),
        ("ab\u00a8cd", ["ab", "\u0308cd"]),
        ("", []),
        ("، . !", []),
    ],
)
def test_word_hashes_are_the_hashes_of_the_normalised_words(text_in, expected):
    assert D._words_of(for_matching(text_in)) == expected
    fast, counts = D.word_hashes([text_in])
    slow, _ = D.word_hashes([" ".join(expected)])
    assert counts.tolist() == [len(expected)]
    assert np.array_equal(fast, slow)


def test_word_hashes_keep_documents_apart_and_are_stable():
    h, n = D.word_hashes(["a b", "", "c"])
    assert n.tolist() == [2, 0, 1]
    assert len(set(h.tolist())) == 3
    # Pinned values: a change of hash or permutations would silently change every stored result.
    assert int(D.word_hashes(["a"])[0][0]) == 3682641831224766729
    sig = D.minhash_signatures(["قال مسؤول أميركي كبير اليوم"])
    assert sig[0, :3].tolist() == [1516993207, 3445437618, 4068753532]


def test_stable_hash_is_blake2b():
    import hashlib

    expected = int.from_bytes(hashlib.blake2b("نص".encode(), digest_size=8).digest(), "little")
    assert D.stable_hash("نص") == expected


# --------------------------------------------------------------------------- MinHash accuracy
def test_minhash_estimates_are_within_the_expected_error_of_exact_jaccard():
    num_perm = 128
    rng = random.Random(3)
    errors = []
    for _ in range(60):
        base = [rng.choice(VOCAB) for _ in range(rng.randint(40, 400))]
        other = list(base)
        # Edit a random share of positions: Jaccard anywhere from ~0 to 1.
        rate = rng.random() * 0.3
        for i in range(len(other)):
            if rng.random() < rate:
                other[i] = rng.choice(VOCAB)
        a, b = " ".join(base), " ".join(other)
        exact = D.exact_jaccard(_shingles(a), _shingles(b))
        sig = D.minhash_signatures([a, b], num_perm=num_perm)
        est = float(D.estimated_jaccard(sig, np.array([[0, 1]]))[0])
        sd = np.sqrt(exact * (1 - exact) / num_perm)
        # 4 standard deviations (plus one slot of rounding) bounds each estimate.
        assert abs(est - exact) <= 4 * sd + 1 / num_perm, (exact, est)
        errors.append(est - exact)
    errors = np.array(errors)
    # The estimator is unbiased and its spread is about sqrt(J(1-J)/k) <= 0.044.
    assert abs(errors.mean()) < 0.015
    assert np.sqrt((errors**2).mean()) < 0.045


def test_minhash_error_shrinks_with_num_perm():
    rng = random.Random(11)
    pairs = []
    for _ in range(40):
        base = [rng.choice(VOCAB) for _ in range(200)]
        other = [w if rng.random() > 0.08 else rng.choice(VOCAB) for w in base]
        pairs.append((" ".join(base), " ".join(other)))
    exact = np.array([D.exact_jaccard(_shingles(a), _shingles(b)) for a, b in pairs])

    def rmse(num_perm: int) -> float:
        est = []
        for a, b in pairs:
            sig = D.minhash_signatures([a, b], num_perm=num_perm)
            est.append(D.estimated_jaccard(sig, np.array([[0, 1]]))[0])
        return float(np.sqrt(((np.array(est) - exact) ** 2).mean()))

    assert rmse(256) < rmse(16)


def test_signatures_do_not_depend_on_batching_or_processes():
    rng = random.Random(5)
    texts = [" ".join(_article(rng, 2, 20)) for _ in range(25)] + [""]
    one = D.minhash_signatures(texts)
    assert np.array_equal(one, D.minhash_signatures(texts, batch_size=3))
    assert np.array_equal(one, D.minhash_signatures(iter(texts), batch_size=4, n_jobs=2))
    assert (one[-1] == 0xFFFFFFFF).all()
    assert not np.array_equal(one, D.minhash_signatures(texts, seed=2))


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9])
def test_lsh_params_match_datasketch(threshold):
    lsh = pytest.importorskip("datasketch.lsh")
    assert D.lsh_params(threshold, 128) == lsh._optimal_param(threshold, 128, 0.5, 0.5)


# --------------------------------------------------------------------------- duplicate pairs
def _edited(paragraphs: list[str], rng: random.Random, n_edits: int) -> list[str]:
    words = [p.split() for p in paragraphs]
    for _ in range(n_edits):
        p = rng.randrange(len(words))
        words[p][rng.randrange(len(words[p]))] = rng.choice(VOCAB)
    return [" ".join(w) for w in words]


def test_synthetic_pairs_with_known_overlap_are_found_and_unrelated_are_not():
    rng = random.Random(1)
    original = _article(rng, 8, 30)
    with_marks = [p.replace("ا", "أ", 3).replace("ي", "ى") + "ً" for p in original]
    docs = {
        "orig": original,
        "diacritics": ["ـ" + p.replace("ل", "لَ") for p in with_marks],  # tatweel, harakat, alef, maqsura
        "reordered": original[4:] + original[:4],
        "light_edits": _edited(original, rng, 2),  # exact Jaccard about 0.9
        "unrelated_1": _article(rng, 8, 30),
        "unrelated_2": _article(rng, 8, 30),
    }
    pairs = D.duplicate_pairs(_lines(docs))
    found = {(a, b): (k, j) for a, b, k, j in pairs.itertuples(index=False)}
    assert found[("diacritics", "orig")] == ("exact", 1.0)
    assert found[("orig", "reordered")][0] == "near"
    assert found[("light_edits", "orig")][0] == "near"
    assert all("unrelated" not in a + b for a, b in found)
    # Reported Jaccard is the exact one (verified), and the estimate-only path agrees closely.
    for a, b, _kind, jac in pairs.itertuples(index=False):
        exact = D.exact_jaccard(_shingles(" ".join(docs[a])), _shingles(" ".join(docs[b])))
        assert jac == pytest.approx(exact) and exact >= 0.8
    estimated = D.duplicate_pairs(_lines(docs), verify=False)
    assert _pair_set(estimated) == _pair_set(pairs)
    assert np.allclose(estimated["jaccard"], pairs["jaccard"], atol=0.15)


def test_pairs_just_above_the_threshold_are_found():
    # Exact Jaccard between 0.8 and 0.9: where estimation noise and LSH banding lose pairs.
    rng = random.Random(21)
    docs, expected = {}, set()
    for k in range(40):
        base = _article(rng, 6, 30)
        edited = _edited(base, rng, rng.choice([2, 3, 4]))
        exact = D.exact_jaccard(_shingles(" ".join(base)), _shingles(" ".join(edited)))
        docs[f"p{k:02d}a"], docs[f"p{k:02d}b"] = base, edited
        if exact >= 0.8:
            expected.add((f"p{k:02d}a", f"p{k:02d}b"))
    assert len(expected) >= 20
    found = _pair_set(D.duplicate_pairs(_lines(docs)))
    assert found <= expected  # verified: nothing below the threshold
    assert len(found & expected) / len(expected) >= 0.9


def test_only_headline_and_content_lines_are_compared():
    rng = random.Random(2)
    boiler = _article(rng, 6, 30)
    lines = pd.concat([_lines({"a": boiler}, "nav"), _lines({"b": boiler}, "related")])
    lines = pd.concat([lines, _lines({"a": _article(rng, 1, 20), "b": _article(rng, 1, 20)})])
    assert D.duplicate_pairs(lines).empty
    assert D.reuse_passages(lines).empty


def test_empty_and_short_documents():
    lines = _lines({"e1": ["، ."], "e2": ["، ."], "s1": ["كلمة واحدة"], "s2": ["كلمة واحدة"], "s3": ["كلمة"]})
    pairs = D.duplicate_pairs(lines)
    # Empty documents never pair; short ones (fewer words than a shingle) pair only when equal.
    assert _pair_set(pairs) == {("s1", "s2")}
    assert pairs["kind"].tolist() == ["exact"]


def test_jaccard_matrix_is_symmetric_with_unit_diagonal():
    rng = random.Random(4)
    a = _article(rng, 4, 25)
    m = D.jaccard_matrix(_lines({"x": a, "y": _edited(a, rng, 3), "z": _article(rng, 4, 25)}))
    assert list(m.index) == ["x", "y", "z"]
    assert np.allclose(m.to_numpy(), m.to_numpy().T)
    assert np.allclose(np.diag(m.to_numpy()), 1.0)
    assert m.loc["x", "y"] > 0.6 > 0.1 > m.loc["x", "z"]


_doc_strategy = st.lists(st.integers(0, 5), min_size=2, max_size=7)


@settings(max_examples=25, deadline=None)
@given(
    choices=_doc_strategy,
    order=st.randoms(use_true_random=False),
)
def test_duplicate_detection_is_symmetric_in_document_order(choices, order):
    # Documents drawn from six templates (with light edits) so pairs exist; names are then
    # permuted so that the documents' order changes; the set of pairs must follow the names.
    rng = random.Random(9)
    templates = [_article(rng, 3, 25) for _ in range(6)]
    docs = {f"d{i}": _edited(templates[c], random.Random(i), i % 2) for i, c in enumerate(choices)}
    names = list(docs)
    shuffled = names[:]
    order.shuffle(shuffled)
    rename = dict(zip(names, [f"r{k}" for k in range(len(names))], strict=True))
    rename = {old: rename[new] for old, new in zip(names, shuffled, strict=True)}
    back = {v: k for k, v in rename.items()}
    first = D.duplicate_pairs(_lines(docs))
    rows = list(_lines({rename[k]: v for k, v in docs.items()}).itertuples(index=False))
    order.shuffle(rows)
    second = D.duplicate_pairs(pd.DataFrame(rows))
    as_set = {frozenset(p) for p in _pair_set(first)}
    assert as_set == {frozenset((back[a], back[b])) for a, b in _pair_set(second)}


# --------------------------------------------------------------------------- exact paragraphs
def test_paragraph_duplicates_within_and_across_documents():
    rng = random.Random(6)
    shared = " ".join(rng.choice(VOCAB) for _ in range(15))
    docs = {
        "a": ["عنوان الخبر هنا اليوم", shared, "نص آخر مختلف تماما هنا"],
        "b": ["فقرة خاصة بهذه الوثيقة وحدها", "ـ" + shared.replace("ا", "أ") + "،"],
        "c": [shared, "قال", "قال"],
    }
    out = D.paragraph_duplicates(_lines(docs))
    got = out[["doc_id", "line", "copy_of_doc", "copy_of_line"]].values.tolist()
    # "قال" is shorter than min_words and is not reported.
    assert got == [["a", 2, "", 0], ["b", 2, "a", 2], ["c", 1, "a", 2]]
    assert set(out["n_occurrences"]) == {3}
    assert out["hash"].nunique() == 1


def test_paragraph_blocks_follow_blank_lines():
    docs = {"a": ["واحد اثنان ثلاثة", "أربعة خمسة ستة", "", "سبعة ثمانية تسعة"], "b": ["سبعة ثمانية تسعة"]}
    out = D.paragraph_duplicates(_lines(docs), unit="block")
    assert out[["doc_id", "line", "end_line"]].values.tolist() == [["a", 4, 4], ["b", 1, 1]]
    with pytest.raises(ValueError, match="unit"):
        D.paragraph_duplicates(_lines(docs), unit="sentence")


# --------------------------------------------------------------------------- reuse passages
def _check_offsets(passages: pd.DataFrame, lines: pd.DataFrame) -> None:
    """Every reported span, cut from the raw line, holds the reported words."""
    raw = {(d, n): t for d, n, t in zip(lines["doc_id"], lines["line"], lines["text"], strict=True)}
    for r in passages.itertuples(index=False):
        seg_a = raw[(r.doc_a, r.line_a)][r.start_a : r.end_a]
        seg_b = raw[(r.doc_b, r.line_b)][r.start_b : r.end_b]
        assert seg_a == r.text
        assert len(D._words_of(for_matching(seg_a))) == r.n_words
        assert len(D._words_of(for_matching(seg_b))) == r.n_words_b


def test_copied_paragraph_is_found_with_raw_offsets():
    rng = random.Random(8)
    a = _article(rng, 5, 30)
    copied = a[2]
    # The copy has diacritics and a lead-in, sits on another line, and the rest is unrelated.
    b = _article(rng, 3, 30)
    b.insert(1, "وقالت الصحيفة: " + copied.replace("ب", "بَ") + " (رويترز)")
    lines = _lines({"a": a, "b": b})
    r = D.reuse_passages(lines)
    assert len(r) == 1
    row = r.iloc[0]
    assert (row.doc_a, row.line_a, row.doc_b, row.line_b) == ("a", 3, "b", 2)
    assert (row.start_a, row.end_a) == (0, len(copied))
    assert row.start_b == len("وقالت الصحيفة: ")
    assert row.n_words == row.passage_words == 30
    assert row.share_a == pytest.approx(30 / 150)
    assert row.source_doc == "unknown"
    _check_offsets(r, lines)


def test_passage_tolerates_small_edits_and_spans_lines():
    rng = random.Random(10)
    a = _article(rng, 4, 20)
    b_words = " ".join(a).split()
    b_words[25] = "مختلفة"  # a changed word
    del b_words[50]  # a deleted word
    b_words.insert(60, "زائدة")  # an inserted word
    # Re-wrap b into lines of a different length, so passage segments cross line boundaries.
    b = [" ".join(b_words[i : i + 15]) for i in range(0, len(b_words), 15)]
    lines = _lines({"a": a, "b": b})
    r = D.reuse_passages(lines)
    assert r["passage"].nunique() == 1
    assert r["passage_words"].iloc[0] == 80
    # One row per (line_a, line_b) segment, in order, covering all of a.
    assert r["n_words"].sum() == 80
    assert r[["line_a", "line_b"]].drop_duplicates().shape[0] == len(r)
    assert r["line_a"].is_monotonic_increasing and r["line_b"].is_monotonic_increasing
    _check_offsets(r, lines)
    share = D.reused_share(lines, r)
    assert share["reused_share"].tolist() == [1.0, 1.0]


def test_short_shared_runs_are_not_passages():
    rng = random.Random(12)
    common = " ".join(rng.choice(VOCAB) for _ in range(11))
    lines = _lines({"a": [common + " " + " ".join(_article(rng, 1, 20))], "b": [common + " كلمة أخرى هنا"]})
    assert D.reuse_passages(lines).empty
    assert D.reuse_passages(lines, min_words=8).shape[0] == 1


def test_boilerplate_shared_by_many_documents_is_not_reuse():
    rng = random.Random(13)
    boiler = " ".join(rng.choice(VOCAB) for _ in range(20))
    docs = {f"d{i}": [boiler, " ".join(_article(rng, 1, 30))] for i in range(6)}
    assert len(D.reuse_passages(_lines(docs), max_anchor_docs=10)) == 15
    assert D.reuse_passages(_lines(docs), max_anchor_docs=5).empty


def test_reuse_direction_and_copied_lines_follow_dates():
    rng = random.Random(14)
    story = _article(rng, 3, 25)
    docs = {"early": story + _article(rng, 1, 25), "late": _article(rng, 1, 25) + story}
    lines = _lines(docs)
    dated = pd.DataFrame(
        {"doc_id": ["late", "early"], "date": ["Mon, 19 Feb 2018 10:00:00 +0000", "2018-02-18"]}
    )
    r = D.reuse_passages(lines, dated)
    assert set(r["source_doc"]) == {"early"}
    copies = D.copied_lines(lines, dated, passages=r)
    assert copies[["doc_id", "line", "copy_of_doc", "copy_of_line"]].values.tolist() == [
        ["late", 2, "early", 1],
        ["late", 3, "early", 2],
        ["late", 4, "early", 3],
    ]
    # Swap the dates: the other document is now the copy.
    swapped = dated.assign(date=dated["date"].iloc[::-1].to_numpy())
    assert set(D.copied_lines(lines, swapped)["doc_id"]) == {"early"}
    # No dates: direction unknown, the second document in doc_id order is taken as the copy.
    assert set(D.reuse_passages(lines)["source_doc"]) == {"unknown"}
    assert set(D.copied_lines(lines)["doc_id"]) == {"late"}


def test_required_table_columns():
    rng = random.Random(15)
    a = _article(rng, 2, 20)
    lines = _lines({"a": a, "b": a})
    assert list(D.duplicate_pairs(lines).columns) == ["doc_a", "doc_b", "kind", "jaccard"]
    cols = list(D.reuse_passages(lines).columns)
    required = [
        "doc_a",
        "line_a",
        "start_a",
        "end_a",
        "doc_b",
        "line_b",
        "start_b",
        "end_b",
        "n_words",
        "text",
    ]
    assert cols[: len(required)] == required
    assert list(D.copied_lines(lines).columns)[:4] == ["doc_id", "line", "copy_of_doc", "copy_of_line"]
    assert list(D.reused_share(lines).columns) == ["doc_id", "n_words", "reused_words", "reused_share"]


def test_inputs_are_not_mutated():
    rng = random.Random(16)
    a = _article(rng, 2, 20)
    lines = _lines({"b": a, "a": a}).iloc[::-1]
    before = lines.copy()
    D.duplicate_pairs(lines)
    D.reuse_passages(lines)
    D.paragraph_duplicates(lines)
    pd.testing.assert_frame_equal(lines, before)


# --------------------------------------------------------------------------- ANT corpus
def _ant_texts(limit: int | None = None) -> list[str]:
    texts = []
    with gzip.open(ANT_CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            d = json.loads(line)
            texts.append(d["TITLE"] + "\n" + d["TEXT"])
    return texts


def _exact_pairs(texts: list[str], threshold: float) -> set[tuple[int, int]]:
    return set(map(tuple, D.exact_pairs(texts, threshold=threshold)[0].tolist()))


def test_exact_pairs_agree_with_set_jaccard():
    rng = random.Random(17)
    base = [_article(rng, 2, 20) for _ in range(4)]
    texts = [" ".join(b) for b in base] + [" ".join(_edited(b, rng, 1)) for b in base]
    pairs, jac = D.exact_pairs(texts, threshold=0.3)
    brute = {
        (i, j): D.exact_jaccard(_shingles(texts[i]), _shingles(texts[j]))
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
    }
    assert {p: round(x, 9) for p, x in zip(map(tuple, pairs.tolist()), jac, strict=True)} == {
        p: round(x, 9) for p, x in brute.items() if x >= 0.3
    }


@pytest.mark.corpus
@pytest.mark.skipif(not ANT_CORPUS.exists(), reason=f"ANT corpus not found at {ANT_CORPUS}")
def test_recall_of_near_duplicates_on_ant_sample():
    # A sample of 12,000 ANT articles (the first ones, so wire copies of the same days are in it),
    # checked against brute-force exact Jaccard.
    texts = _ant_texts(12000)
    truth = _exact_pairs(texts, 0.8)
    assert len(truth) >= 50  # the corpus has real duplicates; a sample without any would test nothing
    sig = D.minhash_signatures(texts)
    pairs, _ = D.near_duplicate_pairs(sig, threshold=0.8)
    found = set(map(tuple, pairs.tolist()))
    recall = len(truth & found) / len(truth)
    assert recall >= 0.95, recall
    # Precision in the same sense: reported pairs are truly near 0.8 or above.
    near_truth = _exact_pairs(texts, 0.7)
    assert len(found - near_truth) / max(len(found), 1) < 0.02


# --------------------------------------------------------------------------- out of core
def _out_of_core_tables(
    lines, documents, folder, *, n_chunks=3, partitions=4, cache_docs=3, frame_rows=2, **reuse
):
    """The four tables from an OutOfCoreIndex fed with the documents in shuffled chunks.

    ``frame_rows`` is small, so the passages come in several frames (gathered across partitions).
    """
    ids = sorted(lines["doc_id"].astype(str).unique())
    random.Random(n_chunks).shuffle(ids)
    index = D.OutOfCoreIndex(
        folder / "index", partitions=partitions, cache_docs=cache_docs, frame_rows=frame_rows
    )
    for k in range(n_chunks):
        part = lines[lines["doc_id"].isin(ids[k::n_chunks])]
        index.add(D.chunk_features(part, min_words=reuse.get("min_words", 12)))
    index.set_dates(documents)
    passages = pd.concat(list(index.reuse_passages(**reuse)), ignore_index=True)
    assert len(list(folder.glob("index/matches-*"))) == 0  # each pair partition is removed once read
    tables = {
        "reuse_passages": passages,
        "copied_lines": index.copied_lines(passages),
        "reused_share": index.reused_share(passages),
        "duplicate_pairs": index.duplicate_pairs(),
    }
    compact = index.compact_passages(passages)  # doc indices instead of doc_ids: the same tables
    pd.testing.assert_frame_equal(index.copied_lines(compact), tables["copied_lines"])
    pd.testing.assert_frame_equal(index.reused_share(compact), tables["reused_share"])
    index.close()
    assert not (folder / "index").exists()
    return tables


def _in_memory_tables(lines, documents, **reuse):
    passages = D.reuse_passages(lines, documents, **reuse)
    return {
        "reuse_passages": passages,
        "copied_lines": D.copied_lines(lines, documents, passages=passages),
        "reused_share": D.reused_share(lines, passages),
        "duplicate_pairs": D.duplicate_pairs(lines),
    }


def _assert_same(got: dict, want: dict) -> None:
    for name, table in want.items():
        pd.testing.assert_frame_equal(got[name], table, check_exact=True, obj=name)


def _planted_corpus(seed: int = 21) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles with planted reuse: copied and edited paragraphs, exact copies, boilerplate, dates."""
    rng = random.Random(seed)
    boiler = " ".join(rng.choice(VOCAB) for _ in range(15))
    docs: dict[str, list[str]] = {}
    for i in range(40):
        docs[f"n{i:02d}"] = _article(rng, rng.randint(1, 5), rng.randint(5, 40))
    for i in range(0, 40, 3):  # a paragraph copied into another article, with an edit and on another line
        words = docs[f"n{i:02d}"][0].split()
        words[len(words) // 2 : len(words) // 2 + 1] = ["بدلا"]
        docs[f"n{(i * 7 + 5) % 40:02d}"].insert(1, "قال: " + " ".join(words))
    for i in range(0, 40, 2):  # boilerplate in every other article: over the anchor cap below
        docs[f"n{i:02d}"].append(boiler)
    docs["n99"] = list(docs["n03"])  # an exact copy
    docs["empty"] = [""]
    lines = _lines(docs)
    days = [f"2018-02-{rng.randint(1, 3):02d}" if rng.random() < 0.8 else "" for _ in docs]
    return lines, pd.DataFrame({"doc_id": list(docs), "date": days})


def test_out_of_core_index_equals_in_memory_on_planted_reuse(tmp_path):
    lines, dated = _planted_corpus()
    want = _in_memory_tables(lines, dated, max_anchor_docs=10)
    assert len(want["reuse_passages"]) > 10 and len(want["copied_lines"]) > 5
    assert "exact" in set(want["duplicate_pairs"]["kind"])
    assert {"unknown"} < set(want["reuse_passages"]["source_doc"])
    for chunks, parts in ((1, 1), (4, 3), (7, 16)):
        got = _out_of_core_tables(
            lines,
            dated,
            tmp_path / f"{chunks}-{parts}",
            n_chunks=chunks,
            partitions=parts,
            max_anchor_docs=10,
        )
        _assert_same(got, want)


def test_out_of_core_index_equals_in_memory_on_seeds(tmp_path):
    from newsstudy import clean
    from newsstudy.corpus import load_corpus
    from newsstudy.paths import SEEDS_DIR

    lines = clean.label_lines(load_corpus(SEEDS_DIR))
    want = _in_memory_tables(lines, None)
    _assert_same(_out_of_core_tables(lines, None, tmp_path / "frames"), want)  # in frames of 2 rows
    _assert_same(_out_of_core_tables(lines, None, tmp_path / "one", frame_rows=10**6), want)  # one


def test_out_of_core_index_equals_in_memory_on_ant_fixtures(tmp_path):
    from newsstudy import clean
    from newsstudy.corpus import load_corpus
    from newsstudy.paths import REPO_ROOT

    rows = {}
    for path in sorted((REPO_ROOT / "tests" / "fixtures" / "ant").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows[r["DOCNO"]] = r
    rng = random.Random(3)
    for r in list(rows.values())[::3]:  # edited copies, so that reuse and near duplicates occur
        words = r["TEXT"].split(" ")
        words.insert(rng.randrange(len(words) + 1), "عاجل")
        rows[r["DOCNO"] + "-copy"] = {**r, "DOCNO": r["DOCNO"] + "-copy", "TEXT": " ".join(words)}
    corpus = tmp_path / "ant.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows.values()), "utf-8")
    documents = load_corpus(corpus)
    lines = clean.label_lines(documents)
    dated = documents[["doc_id", "TIME"]].rename(columns={"TIME": "date"})
    want = _in_memory_tables(lines, dated)
    assert len(want["reuse_passages"]) > 0 and len(want["duplicate_pairs"]) > 0
    _assert_same(_out_of_core_tables(lines, dated, tmp_path, n_chunks=5, partitions=8), want)


def test_out_of_core_index_of_nothing(tmp_path):
    index = D.OutOfCoreIndex(tmp_path / "index")
    frames = list(index.reuse_passages())
    assert len(frames) == 1 and frames[0].empty
    assert list(frames[0].columns) == list(D.reuse_passages(_lines({})).columns)
    assert index.duplicate_pairs().empty and index.reused_share(D._passage_frame([])).empty
    index.close()
    assert not (tmp_path / "index").exists()


def test_out_of_core_index_of_documents_without_words(tmp_path):
    # No document has a word: no exact duplicates to group (this raised in the index before).
    lines = _lines({"a": [":"], "b": ["؟ ، ."]})
    _assert_same(
        _out_of_core_tables(lines, None, tmp_path, n_chunks=2),
        _in_memory_tables(lines, None),
    )


# --------------------------------------------------------------------------- document words, vectorised
_LINE_TEXT = st.text() | st.text(alphabet=" \t\u064e\u0651\u200f\u0640قال أ«»ﻻ.،0١x", max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_TEXT, max_size=5))
def test_document_words_in_one_pass_equal_the_line_by_line_definition(raw):
    # The array pass over the joined lines gives every word's hash, line and raw span exactly as
    # normalising each line with its offset map does, or defers to that path (ligatures).
    line_nos = np.arange(1, len(raw) + 1) * 2
    fast = D._doc_words_vectorised(line_nos, raw)
    slow = D._doc_words_by_line(line_nos, raw)
    if fast is None:
        assert not raw or any(len(N._char_image(c)) > 1 for c in "".join(raw))
        return
    for field in ("hashes", "line", "raw_start", "raw_end"):
        got, want = getattr(fast, field), getattr(slow, field)
        assert got.dtype == want.dtype and got.tolist() == want.tolist(), field
    assert fast.raw_lines == slow.raw_lines


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_TEXT, max_size=5))
def test_word_strings_of_all_texts_equal_the_per_text_definition(texts):
    def words(text):
        starts, ends = D._word_bounds(D._codepoints(text))
        return [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]

    counts, joined = D._word_strings(texts)
    assert counts.tolist() == [len(words(t)) for t in texts]
    assert joined == [" ".join(words(t)) for t in texts]


_NEWS_LINE = st.lists(
    st.sampled_from(["قال", "مسؤول", "أميركيّ", "إن", "غزة", "،", "x", "١٢", "ﻻ", "\u0640"]), max_size=30
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_LINE_TEXT | _NEWS_LINE, min_size=1, max_size=4), min_size=1, max_size=3))
def test_chunk_features_hash_each_line_once_yet_match_the_per_text_definitions(docs):
    # chunk_features hashes the normalised lines once; its document words, shingles and line
    # word counts must equal hashing each document's joined text and each raw line.
    rows = [(f"d{i}", n, "content", t) for i, doc in enumerate(docs) for n, t in enumerate(doc, start=1)]
    lines = pd.DataFrame(rows, columns=["doc_id", "line", "label", "text"])
    features = D.chunk_features(lines)
    joined = ["\n".join(for_matching(t) for t in doc) for doc in docs]
    h, n = D.word_hashes(joined)
    assert features.has_words.tolist() == (n > 0).tolist()
    assert features.line_words.tolist() == D.word_hashes([t for doc in docs for t in doc])[1].tolist()
    sh, counts = D.shingle_hashes(h, n, shingle_size=5)
    signatures = D._signatures_from_shingles(sh, counts, num_perm=128, seed=1)
    assert np.array_equal(features.signatures, signatures)
    grams, gdoc, gpos = D._anchor_grams(h, n, 12)
    assert features.anchor_hash.tolist() == grams.tolist() and features.anchor_pos.tolist() == gpos.tolist()
    assert features.anchor_doc.tolist() == gdoc.tolist()
