"""Benchmark attribution.extract over a JSON-lines news corpus (such as ANT v2.1).

Usage::

    python benchmarks/bench_attribution.py ../shared/corpora/ant-multisource-v2.1.jsonl.gz [--limit N]

Every article becomes a document whose first line is its title (``headline``) and whose text lines are
``content`` (blank lines ``blank``), so the whole text goes through the extractor. Throughput is UTF-8
megabytes of headline and content text per second, both of wall time and of the process's CPU time
(``time.process_time()``; the extractor is single-threaded, so this is MB/s per core and does not
depend on what else the machine is running). Reading and parsing the corpus is not timed.

The ANT corpus: A. Chouigui, O. Ben Khiroun, B. Elayeb. "An Arabic Multi-source News Corpus: Experimenting on
Single-document Extractive Summarization". Arabian Journal for Science and Engineering 46(8), 2021.
DOI 10.1007/s13369-020-05258-z.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import pandas as pd

from newsstudy import attribution


def lines_table(path: Path, *, limit: int | None = None) -> pd.DataFrame:
    """The ``lines`` table of a JSON-lines corpus with TITLE and TEXT fields (title = headline)."""
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, raw in enumerate(fh):
            if limit is not None and i >= limit:
                break
            rec = json.loads(raw)
            doc_id = str(rec.get("DOCNO", i))
            texts = [rec.get("TITLE", ""), *str(rec.get("TEXT", "")).split("\n")]
            for n, text in enumerate(texts, start=1):
                label = "blank" if not text.strip() else ("headline" if n == 1 else "content")
                rows.append((doc_id, n, label, text))
    return pd.DataFrame(rows, columns=["doc_id", "line", "label", "text"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (skipping benchmark)", file=sys.stderr)
        return 0
    lines = lines_table(args.corpus, limit=args.limit)
    counted = lines.loc[lines["label"].isin(["headline", "content"]), "text"]
    megabytes = sum(len(t.encode("utf-8")) for t in counted) / 1e6
    attribution.extract(lines.head(200))  # load and compile the lexicons outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    out = attribution.extract(lines)
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    n_docs = lines["doc_id"].nunique()
    print(f"documents: {n_docs}  lines: {len(counted)}  text: {megabytes:.1f} MB")
    print(f"attributions: {len(out)}  ({len(out) / max(n_docs, 1):.2f} per document)")
    print(f"time: {seconds:.1f} s  throughput: {megabytes / seconds:.2f} MB/s (wall, one core)")
    # CPU time is the fair figure on a shared machine: wall time also counts other processes' turns.
    print(
        f"cpu time: {cpu_seconds:.1f} s  throughput: {megabytes / cpu_seconds:.2f} MB/s per core of CPU time"
    )
    print(attribution.count_sources(out, "source_type").to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
