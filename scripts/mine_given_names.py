"""Mine Arabic given names from the corpora: the word right after a title, as in "الدكتور X Y".

Streams ../shared/corpora/ant-multisource-v2.1.jsonl.gz (field TEXT) and arabic-news-dev.jsonl.gz
(field text) in the matching form of ``newsstudy.normalize.for_matching`` and writes
newsstudy/data/attribution/given_names.txt.
The method and its thresholds: newsstudy/data/attribution/README.md ("Titles and given names").

    .venv/bin/python scripts/mine_given_names.py [--min-count 3] [--out PATH]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
from pathlib import Path

import regex

from newsstudy.normalize import for_matching

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SOURCES = [("ant-multisource-v2.1.jsonl.gz", "TEXT"), ("arabic-news-dev.jsonl.gz", "text")]
LEXICON = ROOT / "newsstudy" / "data" / "attribution"

TITLES = frozenset(
    "الدكتور الدكتوره د الشيخ السيد السيده الاستاذ المهندس العميد اللواء العقيد الفريق النائب السفير "
    "الوزير الرئيس الامير الملك الحاج".split()
)
# Function words that end a name (with vocabulary.txt, less بن/ابن, which continue one): "الرئيس ترامب ان".
STOPWORDS = frozenset(
    "ان إن اذا اذ كان كانت قد لقد لا لم لن ما ماذا هو هي هم هما نحن انا انت وقال قال قالت يقول تقول حتي ثم "
    "او ام بل لكن كما وفي وقد وهو وهي ولا ولم الا غير حيث عندما منذ بين امام نحو وذلك ذلك تلك "
    "لديه لديها".split()
)
COMPOUND_STARTS = frozenset({"عبد", "ابو"})  # "ابو" also ends names ("محمود ابو X"): no surname test
CLITICS = ("و", "ف", "ب", "ل", "ك")
TOKEN = regex.compile(r"\p{L}+|[^\p{L}\s]+")
ARTICLE_RATIO = 0.2  # a name w: count(ال+w) < 0.2 × count(w)
MIN_SHARE = 0.005  # a name w: at least 0.5% of its occurrences are right after a title
RELATED_RATIO = 0.25  # verb forms of w (w+ت, ت+w[1:]) must be rarer than 0.25 × count(w)


def read_words(name: str, column: int = 0) -> frozenset[str]:
    lines = (LEXICON / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.split("\t")[column].strip() for s in lines if s.strip() and not s.startswith("#"))


def texts():
    for name, field in SOURCES:
        with gzip.open(CORPORA / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)[field] or ""


def count_words() -> tuple[collections.Counter, collections.Counter]:
    """Every word's count and every (title, w, y) triple's count."""
    words: collections.Counter = collections.Counter()
    triples: collections.Counter = collections.Counter()
    for text in texts():
        tokens = TOKEN.findall(for_matching(text).replace("د.", "د "))
        words.update(t for t in tokens if t.isalpha())
        for i in range(len(tokens) - 2):
            title, w, y = tokens[i : i + 3]
            if title.removeprefix("و") in TITLES and w.isalpha() and y.isalpha():
                triples[title.removeprefix("و"), w, y] += 1
    return words, triples


class Miner:
    def __init__(self, words: collections.Counter, exclude: frozenset[str], nouns: frozenset[str]) -> None:
        self.words, self.exclude, self.nouns = words, exclude, nouns

    def clitic(self, w: str) -> bool:
        """w is a clitic + a word at least as frequent (واحمد، بسبب، للفوز = ل + الفوز)."""
        for p in CLITICS:
            rest = w.removeprefix(p)
            stems = [rest, "ال" + rest[1:]] if p == "ل" and rest.startswith("ل") else [rest]
            if rest != w and len(rest) >= 2 and any(self.words[s] >= self.words[w] for s in stems):
                return True
        return False

    def continues_name(self, y: str) -> bool:
        """y can be the next part of a name: بن/ابن, or not a function word, common noun or clitic form."""
        if y in ("بن", "ابن"):
            return True
        if y in self.exclude or self.clitic(y):
            return False
        return not (y.startswith("ال") and y[2:] in self.nouns)

    def inflected(self, w: str) -> bool:
        """A verb or an inflected common word: قرر/قررت، يحاول/تحاول، قدموا، جاهزا/جاهز، مباراته/مباراه."""
        n, c = self.words[w], self.words
        return (
            c[w + "ت"] >= RELATED_RATIO * n
            or (w.startswith("ي") and c["ت" + w[1:]] >= RELATED_RATIO * n)
            or (w.endswith("وا") and c[w[:-2] + "ت"] >= RELATED_RATIO * n)
            or (w.endswith("ا") and c[w[:-1]] >= 0.5 * n)
            or (w.endswith("ته") and c[w[:-2] + "ه"] >= n)
        )

    def is_name(self, w: str, after: int) -> bool:
        c = self.words
        if len(w) < 2 or w in self.exclude or w.startswith("ال") or self.clitic(w) or self.inflected(w):
            return False
        return c["ال" + w] < ARTICLE_RATIO * c[w] and after >= MIN_SHARE * c[w]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=3, help="minimum occurrences as 'title w y'")
    parser.add_argument("--out", type=Path, default=LEXICON / "given_names.txt")
    args = parser.parse_args()
    nouns = read_words("common_nouns.txt")
    lexicon = read_words("vocabulary.txt") | read_words("heads.tsv")
    verb_forms = frozenset(f for forms in read_words("verbs.tsv", 2) for f in forms.split())
    exclude = lexicon | verb_forms | nouns | STOPWORDS | TITLES
    words, triples = count_words()
    miner = Miner(words, exclude, nouns)
    after: collections.Counter = collections.Counter()
    for (_, w, y), n in triples.items():
        if miner.continues_name(y):
            after[w] += n
    candidates = [w for w, n in after.items() if n >= args.min_count]
    names = {w for w in candidates if miner.is_name(w, after[w])}
    # A surname ("الرئيس دونالد ترامب") is more often the second word after a title than the first.
    second: collections.Counter = collections.Counter()
    for (_, g, w), n in triples.items():
        if g in names:
            second[w] += n
    kept = sorted(w for w in names if w in COMPOUND_STARTS or second[w] <= after[w])
    header = [
        "# Arabic given names (matching form). Generated by scripts/mine_given_names.py: do not edit.",
        f"# 'title w y' >= {args.min_count} times in ANT v2.1 + arabic-news-dev; method: README.md.",
    ]
    args.out.write_text("\n".join([*header, *kept]) + "\n", encoding="utf-8")
    print(f"{len(after)} words after titles, {len(candidates)} candidates (>= {args.min_count}),")
    print(f"{len(names)} pass the word filters, {len(names) - len(kept)} surnames dropped, {len(kept)} kept")


if __name__ == "__main__":
    main()
