"""Benchmark: TF-IDF + NMF over the ANT corpus, Arabic tokenizer vs scikit-learn's default.

Usage (from the repository root)::

    python benchmarks/bench_topics.py [CORPUS] [--limit N] [--k 20]

CORPUS defaults to ``paths.ANT_CORPUS`` (gzip JSON lines; the ``TEXT`` field
is used). Both pipelines see the same texts in the same run, with the same
vectoriser settings (``min_df``, ``max_df``, ``sublinear_tf``); they differ only
in tokenisation: ``newsstudy.topics`` (for_matching normalisation + one regex +
stopwords) versus ``TfidfVectorizer()``'s default lowercase + ``\\b\\w\\w+\\b``.

Time is wall-clock (``time.perf_counter``) without tracing; the TF-IDF fits
of the two pipelines are interleaved ``--repeat`` times and the fastest run of
each is reported (the machine may be shared; the minimum is the least noisy
estimate), NMF is fitted once per pipeline. Peak memory is
measured in a second, separate pass with :mod:`tracemalloc` (Python and numpy
allocations), because tracing slows pure-Python code and would distort the
times.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer

from newsstudy import topics
from newsstudy.paths import ANT_CORPUS

VECTORIZER_SETTINGS = {"min_df": 5, "max_df": 0.5, "sublinear_tf": True}


def read_texts(path: Path, limit: int | None) -> pd.DataFrame:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            rec = json.loads(line)
            rows.append((rec["DOCNO"], rec.get("TEXT") or ""))
    return pd.DataFrame(rows, columns=["doc_id", "text"]).drop_duplicates("doc_id")


def default_tfidf(articles: pd.DataFrame):
    vec = TfidfVectorizer(**VECTORIZER_SETTINGS)
    return vec, vec.fit_transform(articles["text"].tolist())


def arabic_tfidf(articles: pd.DataFrame):
    return topics.tfidf(articles, **VECTORIZER_SETTINGS)


def nmf(matrix, k: int) -> None:
    # A fixed iteration budget for both pipelines: the comparison is of cost,
    # so not converging within it (sklearn warns) is expected, not an error.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        NMF(n_components=k, init="nndsvda", random_state=0, max_iter=200).fit(matrix)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def peak_mib(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ANT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="TF-IDF timing runs per pipeline (best kept)")
    args = parser.parse_args(argv)

    articles = read_texts(args.corpus, args.limit)
    n_chars = int(articles["text"].str.len().sum())
    print(f"corpus: {args.corpus.name}: {len(articles)} articles, {n_chars / 1e6:.1f} M characters")
    print(f"vectoriser settings: {VECTORIZER_SETTINGS}; NMF k={args.k}, init=nndsvda, max_iter=200")
    print(f"tfidf time: best of {args.repeat} interleaved runs; NMF time: one run")

    pipelines = {"sklearn default": default_tfidf, "newsstudy arabic": arabic_tfidf}
    best = dict.fromkeys(pipelines, float("inf"))
    fitted = {}
    for _ in range(max(1, args.repeat)):
        for name, fit in pipelines.items():
            t_vec, fitted[name] = timed(lambda fit=fit: fit(articles))
            best[name] = min(best[name], t_vec)
    results = {}
    for name, fit in pipelines.items():
        vec, matrix = fitted[name]
        t_nmf, _ = timed(lambda matrix=matrix: nmf(matrix, args.k))
        mem_vec = peak_mib(lambda fit=fit: fit(articles))
        mem_nmf = peak_mib(lambda matrix=matrix: nmf(matrix, args.k))
        results[name] = (best[name], t_nmf, mem_vec, mem_nmf, len(vec.vocabulary_), matrix.nnz)

    print()
    header = f"{'pipeline':<18}{'tfidf s':>9}{'nmf s':>9}{'total s':>9}{'tfidf MiB':>11}{'nmf MiB':>9}"
    print(header + f"{'vocab':>9}{'nnz':>12}")
    for name, (t_vec, t_nmf, m_vec, m_nmf, vocab, nnz) in results.items():
        print(
            f"{name:<18}{t_vec:>9.1f}{t_nmf:>9.1f}{t_vec + t_nmf:>9.1f}{m_vec:>11.0f}{m_nmf:>9.0f}"
            f"{vocab:>9}{nnz:>12}"
        )
    base, ours = results["sklearn default"], results["newsstudy arabic"]
    print()
    print(f"tokenizer cost (tfidf time, arabic / default): {ours[0] / base[0]:.2f}x  (target <= 2x)")
    print(f"tfidf peak memory (arabic / default):          {ours[2] / base[2]:.2f}x")
    print(f"total time incl. NMF (arabic / default):       {(ours[0] + ours[1]) / (base[0] + base[1]):.2f}x")


if __name__ == "__main__":
    main()
