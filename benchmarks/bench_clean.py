"""Benchmark: load + count (corpus evidence) + label the lines of a corpus, report MB/s and documents/s.

Usage::

    python benchmarks/bench_clean.py [CORPUS]

CORPUS defaults to the ANT corpus (``newsstudy.paths.ANT_CORPUS``, JSON Lines with
``TEXT`` and ``DOCNO``). When it is absent the benchmark says so and exits 0.
MB are megabytes (10**6 bytes) of UTF-8 article text; timings are wall-clock on
one core (labelling is single-threaded), best of ``--repeat`` runs; the CPU time of the
process is printed too, as the per-core figure (wall time inflates when the machine is busy).
Labelling is timed with corpus evidence, as a run labels (the counting pass over the corpus,
``newsstudy.line_evidence``, per outlet: the ``SRC`` column of ANT, else ``--outlet-column``,
else the default of ``line_evidence.outlets``), and without it (``--no-evidence``: one document
at a time).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import pandas as pd

from newsstudy import clean
from newsstudy.normalize import for_matching_all
from newsstudy.paths import ANT_CORPUS


def load(path: Path) -> pd.DataFrame:
    """The documents table of ``path`` (the project loader if present, else gzip + json)."""
    try:
        from newsstudy.corpus import load_corpus
    except ImportError:  # the loader is not there yet: read the ANT JSON Lines directly
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        return pd.DataFrame(
            {
                "doc_id": [r["DOCNO"] for r in rows],
                "text": [r["TEXT"] for r in rows],
                "title": [r.get("TITLE") for r in rows],
            }
        )
    # A few ANT rows have empty text: report them and label the rest.
    documents, problems = load_corpus(path, text_column="TEXT", id_column="DOCNO", on_error="report")
    if len(problems):
        print(f"skipped {len(problems)} unreadable rows (e.g. {problems['reason'].iloc[0]})")
    return documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ANT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="label this many times, report the best")
    parser.add_argument("--outlet-column", default=None, help="documents column naming the outlet")
    parser.add_argument("--no-evidence", action="store_true", help="label without corpus evidence")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"SKIP: corpus not found at {args.corpus} (pass its path as the first argument)")
        return 0
    t0, c0 = time.perf_counter(), time.process_time()
    documents = load(args.corpus)
    if args.limit is not None:
        documents = documents.head(args.limit)
    t_load, c_load = time.perf_counter() - t0, time.process_time() - c0
    evidence, t_count, c_count = None, 0.0, 0.0
    if not args.no_evidence:
        t0, c0 = time.perf_counter(), time.process_time()
        evidence = clean.corpus_evidence(documents, outlet_column=args.outlet_column)
        t_count, c_count = time.perf_counter() - t0, time.process_time() - c0
    megabytes = sum(len(t.encode("utf-8")) for t in documents["text"]) / 1e6
    best = best_cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        t1, c1 = time.perf_counter(), time.process_time()
        lines = clean.label_lines(documents, evidence=evidence)
        best = min(best, time.perf_counter() - t1)
        best_cpu = min(best_cpu, time.process_time() - c1)
    n_docs = len(documents)
    total = t_load + t_count + best
    print(f"corpus: {args.corpus}")
    print(f"documents: {n_docs:,}  lines: {len(lines):,}  text: {megabytes:.1f} MB")
    print(f"load:  {t_load:6.2f} s")
    if evidence is not None:
        print(f"count: {t_count:6.2f} s  -> {megabytes / max(t_count, 1e-9):5.1f} MB/s (corpus evidence)")
    print(f"label: {best:6.2f} s  -> {megabytes / best:5.1f} MB/s, {n_docs / best:8,.0f} documents/s")
    what = "load + label" if evidence is None else "load + count + label"
    print(f"{what}: {total:6.2f} s  -> {megabytes / total:5.1f} MB/s, {n_docs / total:8,.0f} documents/s")
    # CPU time of this process: the per-core figure, less disturbed by other load on the machine.
    # CPU time of this process: the per-core figures, less disturbed by other load on the machine.
    print(f"load CPU time: {c_load:6.2f} s")
    if evidence is not None:
        print(f"count CPU time: {c_count:6.2f} s  -> {megabytes / max(c_count, 1e-9):5.1f} MB/s per core")
    print(f"label CPU time: {best_cpu:6.2f} s  -> {megabytes / best_cpu:5.1f} MB/s per core")
    both = c_load + c_count + best_cpu
    print(f"{what} CPU time: {both:6.2f} s  -> {megabytes / both:5.1f} MB/s per core  (target >= 10)")
    if evidence is not None:
        fired = lines["rule"].str.startswith("corpus:")
        print(f"lines decided by corpus evidence: {int(fired.sum()):,}")
    # For scale: matching normalisation alone, which labelling applies to every line
    # (in batches across documents, as label_lines does).
    texts = [line for text in documents["text"] for line in text.split("\n")]
    c2 = time.process_time()
    for start in range(0, len(texts), 20_000):
        for_matching_all(texts[start : start + 20_000])
    norm_cpu = time.process_time() - c2
    print(f"for_matching_all alone (CPU): {norm_cpu:6.2f} s  -> {megabytes / norm_cpu:5.1f} MB/s per core")
    print("labels:", ", ".join(f"{k}={v}" for k, v in lines["label"].value_counts().sort_index().items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
