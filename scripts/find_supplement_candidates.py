"""List documents of the *development* outlets that show the kinds of lines the random sample lacks.

The random gold sample (``newsstudy.evaluation.draw_sample``) has almost no embedded posts,
appended articles, multi-line headlines, captions or datelines of other shapes in its
development part, because the development outlets rarely carry them. This script finds
candidates for a targeted development supplement (``tests/gold/lines``, ``corpus:
"dev-supplement"``) reproducibly:

1. only documents of outlets that :func:`newsstudy.evaluation.split_of` puts in ``dev``,
   never one already in the random sample, and at most ``--max-lines`` raw lines;
2. each document is tagged with the markers below, computed on its raw lines (structural
   signals and the package's own lexicons, nothing copied from a document);
3. for each marker, in a fixed order, ``--per-marker`` documents are drawn with
   ``random.Random(SEED)``, round-robin over outlets so no outlet dominates, skipping
   documents already drawn for an earlier marker.

Usage::

    python scripts/find_supplement_candidates.py [--per-marker 4] [--max-lines 60]

It prints ``marker  doc_id  outlet  lines`` (doc_ids and counts only, no text).
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict

from newsstudy import evaluation
from newsstudy.clean import lexicons
from newsstudy.normalize import for_matching

SEED = 20261201

EMBED = re.compile(
    r"pic\.twitter\.com|twitter\.com/|instagram\.com|youtube\.com|youtu\.be|\(@\w{1,30}\)", re.IGNORECASE
)
CAPTION = re.compile(r"تصوير|صورة|الصورة|\bphoto\b|getty|\bAFP\b", re.IGNORECASE)
FINAL = re.compile(r"[.!?؟:…]\W*$")
MARKERS = ("embed", "appended", "tags", "multi_headline", "caption", "short_dateline")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", for_matching(text)).split())


def _starts_with_any(line: str, heads: tuple[str, ...]) -> bool:
    form = _key(line)
    return any(form == h or form.startswith(h + " ") for h in heads)


def markers(lines: list[str], related: tuple[str, ...], tags: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    words = [len(line.split()) for line in lines]
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if any(EMBED.search(line) for line in lines):
        found.add("embed")
    for i in nonblank:
        if words[i] <= 4 and _starts_with_any(lines[i], related):
            if any(words[j] >= 20 for j in nonblank if j > i):
                found.add("appended")
        if words[i] <= 6 and _starts_with_any(lines[i], tags):
            found.add("tags")
        if words[i] <= 12 and CAPTION.search(lines[i]):
            found.add("caption")
    first = nonblank[:3]
    if len(first) >= 2 and all(words[i] <= 15 and not FINAL.search(lines[i]) for i in first[:2]):
        found.add("multi_headline")
    if any(1 <= words[i] <= 5 and re.search(r"[-–—ـ/:]", lines[i]) for i in nonblank[1:6]):
        found.add("short_dateline")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-marker", type=int, default=4)
    parser.add_argument("--max-lines", type=int, default=60)
    args = parser.parse_args(argv)
    index = evaluation._index()
    splits = split_of_all(index)
    sampled = set(evaluation.draw_sample()["doc_id"])
    related = tuple(_key(h) for h in lexicons._read_list("related_headers.txt"))
    tags = tuple(_key(h) for h in lexicons._read_list("tags_headers.txt"))
    by_marker: dict[str, dict[str, list[str]]] = {m: defaultdict(list) for m in MARKERS}
    sizes: dict[str, int] = {}
    for doc_id in sorted(index):
        corpus, rec = index[doc_id]
        outlet = evaluation.outlet_of(corpus, rec)
        if splits[outlet] != "dev" or doc_id in sampled:
            continue
        text = (rec["text"] if corpus == "dev" else rec["TEXT"]) or ""
        lines = text.replace("\r\n", "\n").split("\n")
        if len(lines) > args.max_lines:
            continue
        sizes[doc_id] = len(lines)
        for m in markers(lines, related, tags):
            by_marker[m][outlet].append(doc_id)
    rng = random.Random(SEED)
    chosen: set[str] = set()
    for m in MARKERS:
        pools = {o: rng.sample(ids, len(ids)) for o, ids in sorted(by_marker[m].items())}
        got = 0
        while got < args.per_marker and any(pools.values()):
            for outlet in sorted(pools):
                while pools[outlet] and pools[outlet][0] in chosen:
                    pools[outlet].pop(0)
                if pools[outlet] and got < args.per_marker:
                    doc_id = pools[outlet].pop(0)
                    chosen.add(doc_id)
                    got += 1
                    print(f"{m}\t{doc_id}\t{outlet}\t{sizes[doc_id]}")
        counts = {o: len(ids) for o, ids in sorted(by_marker[m].items())}
        print(f"# {m}: candidates per outlet {counts}")
    return 0


def split_of_all(index: dict) -> dict[str, str]:
    return evaluation.split_of(evaluation.outlet_of(c, r) for c, r in index.values())


if __name__ == "__main__":
    raise SystemExit(main())
