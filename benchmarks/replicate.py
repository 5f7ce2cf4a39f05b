"""Replicate a JSON Lines news corpus N times for scale benchmarks.

Usage (from the repository root)::

    python benchmarks/replicate.py CORPUS TARGET --scale N [--mode renamed|copies] [--edits E]

Two ways to make N copies (copy 0 is always the corpus itself; copy ``r`` of an
article gets the id ``<DOCNO>-r<r>``, and ``--edits`` random word insertions):

``renamed`` (default)
    Copy ``r`` is the corpus with its content words renamed by a bijection of
    its own: the word types outside a protected set are sorted by frequency,
    cut into bands of 64 and shuffled within each band (seeded by ``r``). The
    protected set is the ``--keep-common`` (300) most frequent types (function
    words, the common reporting verbs) plus every word of the package's
    lexicons (``newsstudy/data``: cues, outlets, nationality adjectives, page
    furniture; not its lists of ordinary nouns), also with a one- or two-letter
    prefix (``و``, ``ال``, ``وال``...).
    So each copy has the corpus's structure (line and article lengths, word
    frequencies, boilerplate, the cues the cleaning and attribution rules read,
    and the reuse between its own articles), while copies share almost no
    12-word passage or 5-word shingle with one another. A replicated archive of
    N copies then holds about N times the corpus's duplication and reuse, as a
    real archive N times the size would, and the output grows linearly.

``copies``
    Every copy is the article with ``--edits`` random insertions only, so every
    copy is a near duplicate of the other N-1: N(N-1)/2 near-duplicate pairs
    and reuse passages per article. A stress test of duplicate detection; at
    N = 32 (a million articles from ANT) the reuse table alone would have about
    200 million rows.

The ANT corpus: A. Chouigui, O. Ben Khiroun, B. Elayeb. "An Arabic Multi-source News Corpus: Experimenting on
Single-document Extractive Summarization". Arabian Journal for Science and Engineering 46(8), 2021.
DOI 10.1007/s13369-020-05258-z.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from multiprocessing import Pool
from pathlib import Path

from newsstudy.normalize import for_matching
from newsstudy.paths import DATA_DIR

WORD = re.compile(r"\w+")
TEXT_FIELDS = ("TITLE", "TEXT", "ABSTRACT")
BAND = 64
PREFIXES = ("و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "فال")
# Lists of ordinary words (nouns that are never a source's head, a vocabulary sample): protecting
# them would keep most of every article's wording and make the copies near duplicates again.
ORDINARY_WORD_LISTS = frozenset({"common_nouns.txt", "vocabulary.txt"})


def read_rows(source: Path, limit: int | None = None) -> list[dict]:
    """The JSON records of a (gzipped or not) JSON Lines file."""
    opener = gzip.open if source.read_bytes()[:2] == b"\x1f\x8b" else open
    with opener(source, "rt", encoding="utf-8") as fh:
        return [
            json.loads(line) for i, line in enumerate(fh) if line.strip() and (limit is None or i < limit)
        ]


def lexicon_words(folder: Path = DATA_DIR) -> frozenset[str]:
    """Every word of the package's language data (but its lists of ordinary words), in matching form."""
    words: set[str] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix in {".txt", ".tsv", ".json"} and path.name not in ORDINARY_WORD_LISTS:
            words.update(WORD.findall(for_matching(path.read_text(encoding="utf-8"))))
    return frozenset(words)


def word_counts(rows: Iterable[dict]) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        for field in TEXT_FIELDS:
            counts.update(WORD.findall(str(row.get(field) or "")))
    return counts


def is_protected(word: str, lexicon: frozenset[str]) -> bool:
    form = for_matching(word)
    return form in lexicon or any(form.startswith(p) and form[len(p) :] in lexicon for p in PREFIXES)


def renamable(counts: Counter, lexicon: frozenset[str], keep_common: int) -> list[str]:
    """Word types to rename, most frequent first (ties by the word)."""
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return [w for w in ranked[keep_common:] if not is_protected(w, lexicon)]


def renaming(words: list[str], seed: int) -> dict[str, str]:
    """A bijection of ``words`` that moves each word only within its band of ``BAND`` neighbours.

    Numbers are renamed among numbers, words among words, so numbers stay numbers.
    """
    rng = random.Random(seed)
    mapping: dict[str, str] = {}
    for group in ([w for w in words if w.isdigit()], [w for w in words if not w.isdigit()]):
        for lo in range(0, len(group), BAND):
            band = group[lo : lo + BAND]
            shuffled = band[:]
            rng.shuffle(shuffled)
            mapping.update(zip(band, shuffled, strict=True))
    return mapping


def edited(text: str, rng: random.Random, vocabulary: list[str], edits: int) -> str:
    """Insert ``edits`` random words at random word boundaries (an empty text stays empty)."""
    if not text.strip():
        return text
    for _ in range(edits):
        pos = text.find(" ", rng.randrange(len(text))) if text else -1
        if pos < 0:
            pos = len(text)
        text = f"{text[:pos]} {rng.choice(vocabulary)}{text[pos:]}"
    return text


_JOB: dict = {}


def _init(rows: list[dict], words: list[str], vocabulary: list[str], mode: str, edits: int) -> None:
    _JOB.update(rows=rows, words=words, vocabulary=vocabulary, mode=mode, edits=edits)


def copy_lines(r: int) -> str:
    """Copy ``r`` of the corpus as JSON Lines text."""
    rows, mode, edits = _JOB["rows"], _JOB["mode"], _JOB["edits"]
    if r == 0:
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    rng = random.Random(r)
    mapping = renaming(_JOB["words"], r) if mode == "renamed" else {}

    def rename(text: str) -> str:
        return WORD.sub(lambda m: mapping.get(m.group(), m.group()), text) if mapping else text

    out = []
    for row in rows:
        new = {**row, "DOCNO": f"{row['DOCNO']}-r{r}"}
        for field in TEXT_FIELDS:
            if isinstance(row.get(field), str):
                new[field] = rename(row[field])
        new["TEXT"] = edited(str(new.get("TEXT") or ""), rng, _JOB["vocabulary"], edits)
        out.append(json.dumps(new, ensure_ascii=False) + "\n")
    return "".join(out)


def write_replicated(
    source: Path, target: Path, scale: int, *, mode: str = "renamed", edits: int = 3,
    limit: int | None = None, keep_common: int = 300, processes: int = 2,
) -> None:  # fmt: skip
    """Write ``scale`` copies of the corpus at ``source`` to ``target`` (see the module docstring)."""
    if mode not in {"renamed", "copies"}:
        raise ValueError(f"mode must be 'renamed' or 'copies', not {mode!r}")
    rows = read_rows(source, limit)
    counts = word_counts(rows)
    words = renamable(counts, lexicon_words(), keep_common) if mode == "renamed" else []
    rng = random.Random(1)
    vocabulary = sorted(
        {w for row in rng.sample(rows, min(500, len(rows))) for w in str(row["TEXT"]).split()}
    )
    partial = target.with_name(target.name + ".partial")
    with (
        partial.open("w", encoding="utf-8") as out,
        Pool(processes, _init, (rows, words, vocabulary, mode, edits)) as pool,
    ):
        for text in pool.imap(copy_lines, range(scale)):
            out.write(text)
    partial.replace(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--mode", choices=["renamed", "copies"], default="renamed")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--keep-common", type=int, default=300)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (skipping)", file=sys.stderr)
        return 0
    write_replicated(
        args.corpus, args.target, args.scale, mode=args.mode, edits=args.edits, limit=args.limit,
        keep_common=args.keep_common,
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
