"""Draw the *line-model audit* sample: development-outlet documents where the line model may act.

The line model (``newsstudy.clean.line_model``) relabels short ``content`` lines next to page
furniture. The random gold has few such lines, so its leave-one-outlet-out check cannot tell how often
the model would relabel real body text (a verse, a subheading, a fact-check's verdict) on pages of the
kind it has not seen. This sample gives it those lines, annotated by hand (``corpus: "dev-audit"``,
whole documents, ANNOTATION.md):

1. candidates: documents of outlets that :func:`newsstudy.evaluation.split_of` puts in ``dev``
   (either corpus), in no gold file of any corpus, with at most ``--max-lines`` raw lines, in which
   :func:`newsstudy.clean.line_model.candidates` finds at least one line on the rules' labels (the
   model pass off): the only filter, and it reads the library's labels, never a word list;
2. each outlet's candidates are sorted by doc_id and shuffled with ``random.Random(SEED)``, the outlets
   are put in a shuffled order, and documents are taken round-robin over the outlets until ``--n``.

The draw depends on the library's rules at the commit it was run (the gold files record the sample;
rerunning on later rules may pick other documents). Usage::

    python scripts/draw_audit_sample.py [--n 30] [--max-lines 50]

It prints ``doc_id  outlet  lines  candidates`` (doc_ids and counts only, no text).
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from dataclasses import replace

from newsstudy import clean, evaluation
from newsstudy.clean.line_model import candidates

SEED = 20261205


def draw(n: int = 30, max_lines: int = 50) -> list[tuple[str, str, int, int]]:
    """``(doc_id, outlet, raw lines, candidate lines)`` of the sample, in drawing order (deterministic)."""
    index = evaluation._index()
    splits = evaluation.split_of(evaluation.outlet_of(c, r) for c, r in index.values())
    taken = evaluation._gold_doc_ids(besides=()) | set(evaluation.draw_sample()["doc_id"])
    lex, params = clean._lexicons(), replace(clean._Params(), line_model=False)
    by_outlet: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for doc_id in sorted(index):
        corpus, rec = index[doc_id]
        outlet = evaluation.outlet_of(corpus, rec)
        if splits[outlet] != "dev" or doc_id in taken:
            continue
        text = ((rec["text"] if corpus == "dev" else rec["TEXT"]) or "").replace("\r\n", "\n")
        size = len(text.split("\n"))
        if size > max_lines:
            continue
        title = rec.get("title") if corpus == "dev" else rec.get("TITLE")
        found = candidates(clean._label_document(text, title, params), lex, params, 25)
        if found:
            by_outlet[outlet].append((doc_id, size, len(found)))
    rng = random.Random(SEED)
    pools = {}
    for outlet in sorted(by_outlet):
        pool = sorted(by_outlet[outlet])
        rng.shuffle(pool)
        pools[outlet] = pool
    order = sorted(pools)
    rng.shuffle(order)
    out: list[tuple[str, str, int, int]] = []
    while len(out) < n and any(pools.values()):
        for outlet in order:
            if pools[outlet] and len(out) < n:
                doc_id, size, k = pools[outlet].pop(0)
                out.append((doc_id, outlet, size, k))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--max-lines", type=int, default=50)
    args = ap.parse_args()
    if not evaluation.available():
        print(evaluation.skip_message())
        return
    for doc_id, outlet, size, k in draw(args.n, args.max_lines):
        print(f"{doc_id}\t{outlet}\t{size}\t{k}")


if __name__ == "__main__":
    main()
