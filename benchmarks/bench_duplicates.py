"""Benchmark near-duplicate detection: newsstudy's vectorised MinHash vs datasketch.

Usage::

    python benchmarks/bench_duplicates.py CORPUS [--scale N] [--n-jobs J] [--limit L]

``CORPUS`` is a JSON Lines corpus (gzip or plain), e.g. the ANT corpus
``../shared/corpora/ant-multisource-v2.1.jsonl.gz``; each article's text is its
title line plus its text (no cleaning stage: the benchmark measures duplicate
detection, not cleaning).

What it measures, each step in its own forked process (wall time, documents/s,
MB/s of UTF-8 text, peak resident memory of the process and of its workers):

1. exact ground truth: all pairs with exact 5-gram-shingle Jaccard >= threshold,
   by brute force (:func:`newsstudy.duplicates.exact_pairs`);
2. newsstudy: ``minhash_signatures`` + ``near_duplicate_pairs`` (1 process, and
   ``--n-jobs`` processes), from raw text to the list of pairs;
3. baseline: a straightforward datasketch ``MinHash`` + ``MinHashLSH`` on the
   same documents and the same words (5-gram shingles of the matching-
   normalised words), inserting every document, querying every document and
   keeping candidates whose estimated Jaccard >= threshold;
4. with ``--scale N``: the corpus replicated N times (copy 0 unchanged, each
   other copy with ``--edits`` random word insertions), streamed through
   newsstudy with ``--n-jobs`` processes; recall is checked on a random sample
   of (original, copy) pairs whose exact Jaccard is >= threshold.

Recall is the share of the ground-truth pairs that a method reports.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fmt_rate, measure, read_articles
from replicate import edited

from newsstudy import duplicates as D
from newsstudy.normalize import for_matching


def run_exact(texts: list[str], threshold: float, shingle_size: int) -> np.ndarray:
    pairs, _ = D.exact_pairs(texts, threshold=threshold, shingle_size=shingle_size)
    return pairs


def run_newsstudy(texts, threshold: float, num_perm: int, shingle_size: int, n_jobs: int) -> np.ndarray:
    sig = D.minhash_signatures(texts, num_perm=num_perm, shingle_size=shingle_size, n_jobs=n_jobs)
    pairs, _ = D.near_duplicate_pairs(sig, threshold=threshold)
    return pairs


def run_datasketch(texts: list[str], threshold: float, num_perm: int, shingle_size: int) -> np.ndarray:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches = []
    for i, text in enumerate(texts):
        words = D._words_of(for_matching(text))
        if len(words) >= shingle_size:
            shingles = {" ".join(words[k : k + shingle_size]) for k in range(len(words) - shingle_size + 1)}
        else:
            shingles = {" ".join(words)} if words else set()
        m = MinHash(num_perm=num_perm, seed=1)
        m.update_batch([s.encode("utf-8") for s in shingles])
        sketches.append(m)
        if shingles:
            lsh.insert(i, m)
    found = set()
    for i, m in enumerate(sketches):
        for j in lsh.query(m):
            if j > i and m.jaccard(sketches[j]) >= threshold:
                found.add((i, j))
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


def replicated(texts: list[str], scale: int, edits: int, seed: int, vocabulary: list[str]) -> Iterator[str]:
    """Copy ``r`` of document ``i`` is at index ``r * len(texts) + i``; copy 0 is the original."""
    rng = random.Random(seed)
    for r in range(scale):
        for text in texts:
            yield text if r == 0 else edited(text, rng, vocabulary, edits)


def run_scaled(
    texts: list[str], scale: int, edits: int, seed: int, vocabulary: list[str], args: argparse.Namespace
) -> dict:
    start = time.perf_counter()
    sig = D.minhash_signatures(
        replicated(texts, scale, edits, seed, vocabulary),
        num_perm=args.num_perm,
        shingle_size=args.shingle_size,
        n_jobs=args.n_jobs,
    )
    t_sig = time.perf_counter() - start
    pairs, _ = D.near_duplicate_pairs(sig, threshold=args.threshold)
    seconds = time.perf_counter() - start
    # Recall on a sample of (original, copy r) pairs, against their exact Jaccard.
    n = len(texts)
    found = np.sort(pairs[:, 0] * len(sig) + pairs[:, 1])
    all_texts = None
    rng = random.Random(seed + 1)
    sample = [(rng.randrange(n), rng.randrange(1, scale)) for _ in range(args.sample)] if scale > 1 else []
    if sample:
        wanted = {r * n + i for i, r in sample}
        all_texts = {
            k: t for k, t in enumerate(replicated(texts, scale, edits, seed, vocabulary)) if k in wanted
        }
    checked = []
    for i, r in sample:
        a, b = texts[i], all_texts[r * n + i]
        exact = D.exact_jaccard(_shingle_set(a, args.shingle_size), _shingle_set(b, args.shingle_size))
        code = i * len(sig) + r * n + i
        pos = np.searchsorted(found, code)
        checked.append((exact, bool(pos < len(found) and found[pos] == code)))
    hits = sum(f for e, f in checked if e >= args.threshold)
    total = sum(e >= args.threshold for e, _ in checked)
    hits9 = sum(f for e, f in checked if e >= args.threshold + 0.05)
    total9 = sum(e >= args.threshold + 0.05 for e, _ in checked)
    return {
        "docs": len(sig),
        "pairs": len(pairs),
        "seconds": seconds,
        "signature_seconds": t_sig,
        "sample_pairs": total,
        "recall": hits / total if total else float("nan"),
        "sample_pairs_plus": total9,
        "recall_plus": hits9 / total9 if total9 else float("nan"),
    }


def _shingle_set(text: str, k: int) -> set[tuple[str, ...]]:
    words = D._words_of(for_matching(text))
    if len(words) < k:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    t = set(map(tuple, truth.tolist()))
    f = set(map(tuple, found.tolist()))
    return len(t & f) / len(t) if t else float("nan")


def precision_vs(found: np.ndarray, near_truth: np.ndarray) -> float:
    f = set(map(tuple, found.tolist()))
    return len(f & set(map(tuple, near_truth.tolist()))) / len(f) if f else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--scale", type=int, default=0, help="replicate the corpus N times (0: skip)")
    parser.add_argument("--edits", type=int, default=3, help="random word insertions per replicated copy")
    parser.add_argument("--limit", type=int, default=None, help="use only the first L articles")
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--shingle-size", type=int, default=5)
    parser.add_argument("--sample", type=int, default=3000, help="(original, copy) pairs checked at scale")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (skipping benchmark)")
        return 0

    articles = list(read_articles(args.corpus, args.limit))
    texts = [a["text"] for a in articles]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"# {args.corpus.name}: {len(texts):,} documents, {mb:.1f} MB UTF-8")
    print(f"# python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    b, r = D.lsh_params(args.threshold, args.num_perm, weights=D.LSH_WEIGHTS)
    bd, rd = D.lsh_params(args.threshold, args.num_perm)
    print(
        f"# threshold {args.threshold}, num_perm {args.num_perm}, shingle {args.shingle_size}, "
        f"LSH newsstudy b={b} r={r}, datasketch b={bd} r={rd}"
    )

    truth = measure(run_exact, texts, args.threshold, args.shingle_size)
    # Computed in a child process too, so the parent stays small (children inherit its memory).
    near_truth = measure(run_exact, texts, args.threshold - 0.1, args.shingle_size).result
    print(
        f"exact brute force: {len(truth.result):,} pairs with Jaccard >= {args.threshold} "
        f"({truth.seconds:.1f} s, peak {truth.peak_mb:,.0f} MB)"
    )
    header = f"{'method':<28}{'docs':>10}{'seconds':>9}{'docs/s':>9}{'MB/s':>7}{'peak MB':>9}"
    header += f"{'pairs':>8}{'recall':>8}"
    print(header)

    def row(name: str, m, n_docs: int, n_mb: float, pairs: int, rec: float) -> None:
        peak = f"{m.peak_mb:,.0f}" + (f"+{m.workers_peak_mb:,.0f}w" if m.workers_peak_mb else "")
        print(
            f"{name:<28}{n_docs:>10,}{m.seconds:>9.1f}{fmt_rate(n_docs, m.seconds):>9}"
            f"{n_mb / m.seconds:>7.1f}{peak:>9}{pairs:>8,}{rec:>8.3f}"
        )

    opts = (args.threshold, args.num_perm, args.shingle_size)
    ours1 = measure(run_newsstudy, texts, *opts, 1)
    row("newsstudy (1 process)", ours1, len(texts), mb, len(ours1.result), recall(ours1.result, truth.result))
    if args.n_jobs > 1:
        oursj = measure(run_newsstudy, texts, *opts, args.n_jobs)
        name = f"newsstudy ({args.n_jobs} processes)"
        row(name, oursj, len(texts), mb, len(oursj.result), recall(oursj.result, truth.result))
    if not args.skip_baseline:
        base = measure(run_datasketch, texts, *opts)
        row(
            "datasketch MinHash+LSH",
            base,
            len(texts),
            mb,
            len(base.result),
            recall(base.result, truth.result),
        )
        print(
            f"speed-up (1 process vs datasketch): {base.seconds / ours1.seconds:.1f}x; "
            f"precision (reported pairs with exact Jaccard >= {args.threshold - 0.1:.1f}): "
            f"newsstudy {precision_vs(ours1.result, near_truth):.3f}, "
            f"datasketch {precision_vs(base.result, near_truth):.3f}"
        )

    if args.scale > 1:
        rng = random.Random(0)
        vocabulary = sorted({w for t in rng.sample(texts, min(500, len(texts))) for w in t.split()})
        scaled = measure(run_scaled, texts, args.scale, args.edits, 1, vocabulary, args)
        res = scaled.result
        peak = f"{scaled.peak_mb:,.0f}+{scaled.workers_peak_mb:,.0f}w"
        print(
            f"\nscale x{args.scale} ({args.edits} random word insertions per copy), {args.n_jobs} processes: "
            f"{res['docs']:,} documents, {mb * args.scale:,.0f} MB, {res['seconds']:.1f} s "
            f"(signatures {res['signature_seconds']:.1f} s), {fmt_rate(res['docs'], res['seconds'])} docs/s, "
            f"{mb * args.scale / res['seconds']:.1f} MB/s, peak {peak} MB, {res['pairs']:,} pairs, "
            f"recall {res['recall']:.3f} on {res['sample_pairs']:,} sampled (original, copy) pairs "
            f"with exact Jaccard >= {args.threshold} ({res['recall_plus']:.3f} on the "
            f"{res['sample_pairs_plus']:,} with Jaccard >= {args.threshold + 0.05:.2f}; "
            "decided on the MinHash estimate)"
        )
        if res["docs"] < 1_000_000:
            est = res["seconds"] * 1_000_000 / res["docs"]
            print(
                f"extrapolation (linear in documents; the pair stage grows with the number of copies): "
                f"1,000,000 documents in about {est / 60:.1f} min"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
