"""The corpus replicator of the scale benchmarks (benchmarks/replicate.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import replicate


def test_renaming_is_a_bijection_within_bands_and_keeps_numbers_numbers():
    words = [f"w{i}" for i in range(150)] + [str(i) for i in range(70)]
    mapping = replicate.renaming(words, seed=3)
    assert sorted(mapping) == sorted(words) and sorted(mapping.values()) == sorted(words)
    assert all(k.isdigit() == v.isdigit() for k, v in mapping.items())
    letters = [w for w in words if not w.isdigit()]
    band = {w: i // replicate.BAND for i, w in enumerate(letters)}
    assert all(band[k] == band[v] for k, v in mapping.items() if not k.isdigit())
    assert mapping != replicate.renaming(words, seed=4)
    assert mapping == replicate.renaming(words, seed=3)


@pytest.mark.parametrize("mode", ["renamed", "copies"])
def test_replicated_corpus_has_new_ids_keeps_cues_and_empty_texts(tmp_path, mode):
    body = " ".join(f"كلمة{i}" for i in range(40))
    rows = [
        {"DOCNO": "a", "TITLE": "عنوان", "TEXT": f"وقال مسؤول أميركي إن {body}"},
        {"DOCNO": "b", "TITLE": "", "TEXT": "  "},
    ]
    source = tmp_path / "c.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    target = tmp_path / "x3.jsonl"
    replicate.write_replicated(source, target, 3, mode=mode, edits=2, keep_common=0, processes=1)
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["DOCNO"] for r in out] == ["a", "b", "a-r1", "b-r1", "a-r2", "b-r2"]
    assert out[:2] == rows  # copy 0 is the corpus itself
    assert all(r["TEXT"] == "  " for r in out if r["DOCNO"].startswith("b"))
    for copy in (out[2], out[4]):
        words = copy["TEXT"].split()
        assert words[:4] == ["وقال", "مسؤول", "أميركي", "إن"]  # lexicon words are kept
        assert len(words) == 44 + 2
    # Insertions keep the article's words in order; renaming permutes them (one band here).
    original = body.split()
    words = iter(out[2]["TEXT"].split())
    in_order = all(w in words for w in original)  # a subsequence test
    assert in_order == (mode == "copies")
    assert set(original) <= set(out[2]["TEXT"].split())
