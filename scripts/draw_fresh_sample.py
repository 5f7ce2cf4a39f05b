"""Draw a fresh random sample of *development-outlet* documents for an honest generalisation check.

The cleaner's rules were written while reading the random sample's development part and the
targeted supplement, so their scores there overstate how the rules transfer. This script draws
documents nobody has read yet, from development outlets only, so that they can be annotated by hand
*before* any further rule is written and scored as ``corpus: "dev-fresh"``
(:func:`newsstudy.evaluation.fresh_line_scores`):

1. candidates: documents of outlets that :func:`newsstudy.evaluation.split_of` puts in ``dev``
   with at least five documents, never a document already in another gold set of
   ``tests/gold/lines`` (the fresh sample's own files and the later audit sample's are left in, so
   the draw reproduces itself),
   and at most ``--max-lines`` raw lines (so that hand annotation stays feasible; the share of each
   outlet's documents under the cap is printed, the one bias of the draw);
2. nothing is filtered on content: each outlet's candidates are shuffled with
   ``random.Random(SEED)``, the outlets are put in a shuffled order, and documents are taken
   round-robin over the outlets until ``--n`` are drawn (so every outlet gets one before any gets two).

Usage::

    python scripts/draw_fresh_sample.py [--n 18] [--max-lines 50]

It prints ``doc_id  outlet  lines`` (doc_ids and counts only, no text).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict

from newsstudy import evaluation
from newsstudy.paths import GOLD_DIR

SEED = 20261202


def draw(n: int = 18, max_lines: int = 50) -> list[tuple[str, str, int]]:
    """``(doc_id, outlet, raw lines)`` of the fresh sample, in drawing order (deterministic)."""
    index = evaluation._index()
    splits = evaluation.split_of(evaluation.outlet_of(c, r) for c, r in index.values())
    gold = {
        rec["doc_id"]
        for path in (GOLD_DIR / "lines").glob("*.json")
        if (rec := json.loads(path.read_text(encoding="utf-8"))).get("corpus")
        not in (evaluation.FRESH_CORPUS, evaluation.AUDIT_CORPUS)
    }
    gold |= set(evaluation.draw_sample()["doc_id"])
    by_outlet: dict[str, list[tuple[str, int]]] = defaultdict(list)
    totals: dict[str, int] = defaultdict(int)
    for doc_id in sorted(index):
        corpus, rec = index[doc_id]
        outlet = evaluation.outlet_of(corpus, rec)
        if splits[outlet] != "dev":
            continue
        totals[outlet] += 1
        text = (rec["text"] if corpus == "dev" else rec["TEXT"]) or ""
        size = len(text.replace("\r\n", "\n").split("\n"))
        if doc_id in gold or size > max_lines:
            continue
        by_outlet[outlet].append((doc_id, size))
    outlets = sorted(o for o in by_outlet if totals[o] >= 5)
    rng = random.Random(SEED)
    pools = {o: rng.sample(by_outlet[o], len(by_outlet[o])) for o in outlets}
    order = rng.sample(outlets, len(outlets))
    drawn: list[tuple[str, str, int]] = []
    while len(drawn) < n and any(pools.values()):
        for outlet in order:
            if pools[outlet] and len(drawn) < n:
                doc_id, size = pools[outlet].pop(0)
                drawn.append((doc_id, outlet, size))
    for outlet in outlets:
        print(f"# {outlet}: {len(by_outlet[outlet])} of {totals[outlet]} documents under the cap")
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=18)
    parser.add_argument("--max-lines", type=int, default=50)
    args = parser.parse_args(argv)
    for doc_id, outlet, size in draw(args.n, args.max_lines):
        print(f"{doc_id}\t{outlet}\t{size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
