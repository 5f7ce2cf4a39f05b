"""Run every stage's benchmark on a corpus and on replicated copies; print one table.

Usage (from the repository root)::

    python benchmarks/run_all.py [CORPUS] [--scale N ...] [--edits E] [--limit L] [--n-jobs J]

``CORPUS`` defaults to the ANT corpus (``../shared/corpora/ant-multisource-v2.1.jsonl.gz``,
:data:`newsstudy.paths.ANT_CORPUS`); when it is absent the script says so and exits 0.
``--scale N`` (repeatable) also runs the benchmarks on the corpus replicated N
times by ``benchmarks/replicate.py`` (copy 0 unchanged; every other copy with a
new ``DOCNO``, ``--edits`` random word insertions and, with ``--replicate
renamed``, the default, its content words renamed by a bijection of its own so
that copies are not near duplicates of one another; ``--replicate copies``
keeps them near duplicates), written to a temporary JSON Lines file.

Each step runs in its own forked process (``benchmarks/_common.measure``), so
its peak resident memory is its own: the step's input is built inside that
process before the clock starts, and the peak includes it. Worker processes'
peaks are shown after ``+`` with a ``w``. MB are 10**6 bytes of UTF-8 article
text (title + text). Stages:

=============== =================================================================
load            ``corpus.load_corpus`` (decode, ids, hashes) of the whole file
clean           ``clean.label_lines`` + ``clean.cleaned``
attribution     ``attribution.extract`` on the labelled lines
near-dups       ``duplicates.minhash_signatures`` + ``near_duplicate_pairs`` on the
                article texts; baseline: datasketch ``MinHash`` + ``MinHashLSH``
reuse           ``duplicates.reuse_passages`` + ``copied_lines`` on the kept lines
tf-idf          ``topics.tfidf`` (Arabic tokenizer); baseline: scikit-learn's default
                ``TfidfVectorizer()`` on the same texts
end-to-end      ``engines.run_streaming`` from the corpus file to the written tables and
                figures: what the plain ``newsstudy run CORPUS`` does
end-to-end dask ``engines.run_dask`` on a 2-worker LocalCluster (``--dask``)
=============== =================================================================

Use ``--stages`` to pick stages (at large scales, ``end-to-end`` alone keeps
memory flat: the per-stage steps hold the whole corpus in memory).
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import measure, read_articles
from bench_duplicates import run_datasketch
from replicate import write_replicated

from newsstudy.paths import ANT_CORPUS

STAGES = ("load", "clean", "attribution", "near-dups", "reuse", "tf-idf", "end-to-end")
OPTIONS: dict = {}  # the plain command's defaults (ANT's TIME column is found as its date column)


# --------------------------------------------------------------------------- steps (run in a child)
def _documents(path: Path):
    from newsstudy.corpus import load_corpus

    return load_corpus(path)


def _lines(path: Path):
    from newsstudy import clean

    return clean.label_lines(_documents(path))


def _timed(prepare: Callable, work: Callable) -> dict:
    data = prepare()
    start = time.perf_counter()
    out = work(data)
    return {"seconds": time.perf_counter() - start, "out": out}


def step_load(path: Path) -> dict:
    return _timed(lambda: None, lambda _: len(_documents(path)))


def step_clean(path: Path) -> dict:
    from newsstudy import clean

    return _timed(lambda: _documents(path), lambda d: len(clean.cleaned(clean.label_lines(d))))


def step_attribution(path: Path) -> dict:
    from newsstudy import attribution

    return _timed(lambda: _lines(path), lambda lines: len(attribution.extract(lines)))


def step_near(path: Path, n_jobs: int) -> dict:
    from newsstudy import duplicates

    def work(texts: list[str]) -> int:
        sig = duplicates.minhash_signatures(texts, n_jobs=n_jobs)
        return len(duplicates.near_duplicate_pairs(sig)[0])

    return _timed(lambda: _documents(path)["text"].tolist(), work)


def step_near_datasketch(path: Path) -> dict:
    return _timed(lambda: _documents(path)["text"].tolist(), lambda t: len(run_datasketch(t, 0.8, 128, 5)))


def step_reuse(path: Path) -> dict:
    from newsstudy import duplicates
    from newsstudy.engines import kept_lines

    def prepare():
        docs = _documents(path)
        return kept_lines(_lines_of(docs)), docs[["doc_id", "TIME"]].rename(columns={"TIME": "date"})

    def work(data) -> int:
        kept, dated = data
        passages = duplicates.reuse_passages(kept, dated)
        duplicates.copied_lines(kept, dated, passages=passages)
        return len(passages)

    return _timed(prepare, work)


def _lines_of(docs):
    from newsstudy import clean

    return clean.label_lines(docs)


def step_tfidf(path: Path) -> dict:
    from newsstudy import topics

    return _timed(lambda: _documents(path)[["doc_id", "text"]], lambda a: topics.tfidf(a)[1].shape[1])


def step_tfidf_sklearn(path: Path) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return _timed(
        lambda: _documents(path)["text"].tolist(), lambda t: TfidfVectorizer().fit_transform(t).shape[1]
    )


def step_end_to_end(path: Path, n_jobs: int, chunk_size: int) -> dict:
    from newsstudy.engines import run_streaming
    from newsstudy.pipeline import StudyOptions

    with tempfile.TemporaryDirectory() as out:
        figures = Path(out) / "run" / "figures"
        return _timed(
            lambda: None,
            lambda _: len(
                run_streaming(
                    path,
                    Path(out) / "run",
                    StudyOptions(**OPTIONS),
                    n_jobs=n_jobs,
                    chunk_size=chunk_size,
                    figures=figures,
                )
            ),
        )


def step_dask(path: Path, n_workers: int, chunk_size: int) -> dict:
    from newsstudy.engines import run_dask
    from newsstudy.pipeline import StudyOptions

    with tempfile.TemporaryDirectory() as out:
        return _timed(
            lambda: None,
            lambda _: len(
                run_dask(path, out, StudyOptions(**OPTIONS), n_workers=n_workers, chunk_size=chunk_size)
            ),
        )


# --------------------------------------------------------------------------- corpora
def corpus_size(path: Path) -> tuple[int, float]:
    n = mb = 0
    for article in read_articles(path):
        n += 1
        mb += len(article["text"].encode("utf-8")) / 1e6
    return n, mb


# --------------------------------------------------------------------------- table
HEADER = (
    f"{'corpus':<14}{'stage':<13}{'method':<22}{'docs':>10}{'seconds':>9}{'docs/s':>9}{'MB/s':>7}"
    f"{'peak MB':>14}"
)


def print_row(corpus: str, stage: str, method: str, n: int, mb: float, m) -> None:
    seconds = m.result["seconds"]
    peak = f"{m.peak_mb:,.0f}" + (f"+{m.workers_peak_mb:,.0f}w" if m.workers_peak_mb else "")
    rate = f"{n / seconds:,.0f}" if seconds else "inf"
    print(
        f"{corpus:<14}{stage:<13}{method:<22}{n:>10,}{seconds:>9.1f}{rate:>9}{mb / seconds:>7.2f}{peak:>14}",
        flush=True,
    )


def run_corpus(label: str, path: Path, args: argparse.Namespace) -> None:
    n, mb = corpus_size(path)
    steps: list[tuple[str, str, Callable, tuple]] = []
    want = set(args.stages)
    if "load" in want:
        steps.append(("load", "newsstudy", step_load, (path,)))
    if "clean" in want:
        steps.append(("clean", "newsstudy", step_clean, (path,)))
    if "attribution" in want:
        steps.append(("attribution", "newsstudy", step_attribution, (path,)))
    if "near-dups" in want:
        steps.append(("near-dups", f"newsstudy ({args.n_jobs} proc)", step_near, (path, args.n_jobs)))
        if not args.skip_baselines:
            steps.append(("near-dups", "datasketch (baseline)", step_near_datasketch, (path,)))
    if "reuse" in want:
        steps.append(("reuse", "newsstudy", step_reuse, (path,)))
    if "tf-idf" in want:
        steps.append(("tf-idf", "newsstudy", step_tfidf, (path,)))
        if not args.skip_baselines:
            steps.append(("tf-idf", "sklearn default", step_tfidf_sklearn, (path,)))
    if "end-to-end" in want:
        steps.append(("end-to-end", f"streaming ({args.n_jobs} proc)", step_end_to_end,
                      (path, args.n_jobs, args.chunk_size)))  # fmt: skip
    if args.dask:
        steps.append(("end-to-end", "dask (2 workers)", step_dask, (path, 2, args.chunk_size)))
    for stage, method, fn, fargs in steps:
        print_row(label, stage, method, n, mb, measure(fn, *fargs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ANT_CORPUS)
    parser.add_argument("--scale", type=int, action="append", default=[], help="also run on N copies")
    parser.add_argument("--edits", type=int, default=3, help="random word insertions per replicated copy")
    parser.add_argument("--replicate", choices=["renamed", "copies"], default="renamed",
                        help="how copies differ (see benchmarks/replicate.py)")  # fmt: skip
    parser.add_argument("--limit", type=int, default=None, help="use only the first L articles")
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=5000)
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--scaled-stages", nargs="+", choices=STAGES, default=["end-to-end"],
                        help="stages run on the replicated corpora (default: end-to-end)")  # fmt: skip
    parser.add_argument("--dask", action="store_true", help="also run the Dask engine end to end")
    parser.add_argument("--skip-baselines", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the replicated corpora")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (skipping benchmarks)")
        return 0
    import numpy as np
    import pandas as pd

    print(f"# python {platform.python_version()}, pandas {pd.__version__}, numpy {np.__version__}, "
          f"{platform.machine()}, n_jobs {args.n_jobs}")  # fmt: skip
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        base = args.corpus
        if args.limit is not None:
            base = Path(tmp) / "limited.jsonl"
            write_replicated(args.corpus, base, 1, mode="copies", edits=0, limit=args.limit)
        run_corpus("x1", base, args)
        scaled = argparse.Namespace(**{**vars(args), "stages": args.scaled_stages, "dask": False})
        for n in args.scale:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{args.replicate}-x{n}.jsonl"
            if not target.exists():
                write_replicated(
                    args.corpus, target, n, mode=args.replicate, edits=args.edits, limit=args.limit
                )
            run_corpus(f"x{n}", target, scaled)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
