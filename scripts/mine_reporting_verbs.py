"""Mine candidate reporting verbs from the two development corpora.

A candidate is the first word of a window ``VERB (up to 4 words) (ان|بان|انه|انها|انهم|:)`` in the
matching form of each text (``newsstudy.normalize.for_matching``), where VERB is shaped like a 3rd-person
verb (past, or imperfect starting with ي/ت) once the conjunctions و/ف are stripped; every word that opens
such a window counts once per complementiser. Windows do not cross sentence punctuation or line breaks.
Forms are reduced to a lemma candidate (the 3rd masc. sing. past where it can be recognised, else the 3rd
masc. sing. imperfect) and counted per corpus.

Run from the repository root (about 20 s)::

    .venv/bin/python scripts/mine_reporting_verbs.py > /tmp/reporting_verb_candidates.tsv
    .venv/bin/python scripts/mine_reporting_verbs.py --top 600 --corpora ../shared/corpora

Output (stdout, TSV, sorted by the total count): ``candidate  n_ant  n_dev  forms`` where ``forms`` lists
the most frequent surface forms with their total counts. Only candidates seen conjugated (a ت/وا ending or
an imperfect prefix) are listed unless ``--all`` is given.

With ``--lexicon newsstudy/data/attribution/reporting_verbs.tsv`` it prints instead, per lexicon row,
the window counts of the forms generated from its principal parts (past, present and ``|`` variants):
these are the ``n_ant``/``n_dev`` columns of the lexicon::

    .venv/bin/python scripts/mine_reporting_verbs.py --lexicon newsstudy/data/attribution/reporting_verbs.tsv
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import regex

from newsstudy.normalize import for_matching_all

CORPORA = {"ant": ("ant-multisource-v2.1.jsonl.gz", "TEXT"), "dev": ("arabic-news-dev.jsonl.gz", "text")}
COMPLEMENTISERS = frozenset({"ان", "بان", "انه", "انها", "انهم", ":"})
WINDOW = 4  # words allowed between the verb and the complementiser
# Function words that are verb-shaped by their letters but never verbs.
FUNCTION_WORDS = frozenset(
    "علي الي عن في من مع هذا هذه ذلك تلك الذي التي الذين كما كل بعد قبل حتي حيث او ثم لكن بين عند منذ خلال"
    " ضد غير بعض اي ايضا وفق نحو لدي امام دون فيما بينما عندما اذا لان بسبب هو هي هم نحن انا انت ما لا لم لن"
    " قد اذ بل ام حين رغم مما ولكن وهو وهي وفي ومن ولا اما الا له لها لهم به بها بهم فيه فيها فيهم عليه عليها"
    " عليهم منه منها منهم عنه عنها عنهم اليه اليها لكنه لكنها لكنهم".split()
)
SENTENCE_BREAK = regex.compile(r"[.!?؟\n\r]+")
TOKEN = regex.compile(r"\p{L}+|:")
PAST_SUFFIXES = ("تا", "وا", "ت", "ا")
IMPERFECT_SUFFIXES = ("ون", "ان", "وا", "ا")


def texts(path: Path, field: str, batch: int = 500) -> Iterator[str]:
    """Yield the matching form of each record's *field*, normalised in batches."""
    buf: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            buf.append(json.loads(line).get(field) or "")
            if len(buf) == batch:
                yield from for_matching_all(buf)
                buf = []
    if buf:
        yield from for_matching_all(buf)


def verb_shaped(word: str) -> bool:
    """A rough test for a 3rd-person past or imperfect verb form."""
    if word in FUNCTION_WORDS or word in COMPLEMENTISERS or word.startswith("ال") or not 2 <= len(word) <= 9:
        return False
    if word.endswith("ه") and len(word) > 4:  # nouns in ة (matching form ه)
        return False
    if word[0] in "يت":
        return len(word) >= 3
    return len(word) <= 7


def window_forms(text: str) -> Iterator[str]:
    """Yield the verb-shaped words that open a window ending in a complementiser."""
    for sentence in SENTENCE_BREAK.split(text):
        tokens = TOKEN.findall(sentence)
        for j, tok in enumerate(tokens):
            if tok not in COMPLEMENTISERS:
                continue
            for i in range(max(0, j - WINDOW - 1), j):
                word = tokens[i]
                if word != ":" and verb_shaped(word):
                    yield word


def count_forms(corpora: Path) -> dict[str, collections.Counter[str]]:
    counts: dict[str, collections.Counter[str]] = {}
    for name, (filename, field) in CORPORA.items():
        counter: collections.Counter[str] = collections.Counter()
        for text in texts(corpora / filename, field):
            counter.update(window_forms(text))
        counts[name] = counter
        print(f"{name}: {sum(counter.values())} window words, {len(counter)} forms", file=sys.stderr)
    return counts


def strip_conjunction(form: str, seen: collections.Counter[str]) -> str:
    """Strip و/ف when the rest is an attested form too (وقال → قال, but not وافق → افق, وصف → صف)."""
    if form[0] in "وف" and len(form) >= 4 and seen[form[1:]] >= max(3, 0.01 * seen[form]):
        return form[1:]
    return form


def imperfect_lemma(form: str, seen: collections.Counter[str]) -> str | None:
    """The past (or 3rd masc. sing. imperfect) of an imperfect form, or None when it is not one."""
    stem = form[1:]
    for suffix in IMPERFECT_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2 and seen["ي" + stem[: -len(suffix)]]:
            stem = stem[: -len(suffix)]
            break
    masculine = seen["ي" + stem]
    if form[0] == "ت" and masculine < 0.05 * seen[form]:
        return None  # a past in ت- (تابع, تساءل) or a noun (ترامب), not a 3rd fem. imperfect
    candidates = ["ا" + stem, "ا" + stem[1:] if stem[0] == "ؤ" else ""]  # Form IV/VIII/X, يؤكد → اكد
    if len(stem) == 3 and stem[1] in "وي" and stem[2] not in "اوي":
        hollow = stem[0] + "ا" + stem[2]
        candidates += [hollow, "ا" + hollow]  # hollow: يقول → قال, يشير → اشار
    if stem.endswith("و"):
        candidates.append(stem[:-1] + "ا")  # defective: يدعو → دعا
    candidates.append(stem)  # Form I, II, III, V, VI: يذكر → ذكر, يتابع → تابع
    best = max((c for c in candidates if c), key=lambda c: seen[c])
    if seen[best] and seen[best] >= 0.05 * masculine:
        return best
    return "ي" + stem if masculine else None  # تقول → يقول


def lemma_candidate(form: str, seen: collections.Counter[str]) -> str:
    """Reduce a surface form to its 3rd masc. sing. past (or imperfect) when that form is attested."""
    if form[0] in "يت" and len(form) >= 4 and (lemma := imperfect_lemma(form, seen)):
        return lemma
    for suffix in PAST_SUFFIXES:
        base = form[: -len(suffix)]
        if form.endswith(suffix) and len(base) >= 2:
            for cand in (base, base + "ي", base + "ا"):  # قالت → قال, نفت → نفي, دعت → دعا
                if seen[cand] >= 0.05 * seen[form] and seen[cand]:
                    return cand
    return form


def conjugated(lemma: str, forms: collections.Counter[str]) -> bool:
    """True when the lemma is attested as a verb: a 3rd-person ending (ت, وا) or an imperfect prefix.

    This drops nouns and names that only share the window (بيان/بيانا, رئيس/رئيسا, ترامب).
    """
    return (
        any(f != lemma and ((f[0] != lemma[0] and f[0] in "يت") or f.endswith(("ت", "وا"))) for f in forms)
        or lemma[0] == "ي"
    )


def generated_forms(past: str, present: str) -> set[str]:
    """3rd-person forms from the principal parts (final ي/ا = defective; feminine plural ignored)."""
    if past[-1] in "يا":
        stem = past[:-1]
        forms = {past, stem + "ت", stem + "وا", stem + "تا"} | ({past + "ا"} if past[-1] == "ي" else set())
    else:
        forms = {past + suffix for suffix in ("", "ت", "وا", "ا", "تا")}
    for imperfect in present.split("|"):
        if imperfect == "-":
            continue  # no imperfect: it is spelled like another verb's (يرجع "goes back")
        stem = imperfect[1:]
        plural = stem[:-1] + "ون" if stem[-1] in "يو" else stem + "ون"
        forms |= {"ي" + stem, "ت" + stem, "ي" + plural, "ي" + stem + "ان", "ت" + stem + "ان"}
    return forms


def lexicon_counts(path: Path, forms: dict[str, collections.Counter[str]]) -> None:
    print("lemma\tn_ant\tn_dev")
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
            generated = generated_forms(row["past"], row["present"])
            n = [sum(forms[name][f] for f in generated) for name in ("ant", "dev")]
            print(f"{row['lemma']}\t{n[0]}\t{n[1]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--top", type=int, default=600)
    parser.add_argument("--all", action="store_true", help="keep candidates never seen conjugated")
    parser.add_argument("--lexicon", type=Path, help="count the forms of this lexicon's rows instead")
    args = parser.parse_args(argv)

    raw = count_forms(args.corpora)
    total = raw["ant"] + raw["dev"]
    forms: dict[str, collections.Counter[str]] = {n: collections.Counter() for n in raw}
    for name, counter in raw.items():
        for form, n in counter.items():
            forms[name][strip_conjunction(form, total)] += n
    if args.lexicon:
        lexicon_counts(args.lexicon, forms)
        return
    seen = forms["ant"] + forms["dev"]

    lemmas: dict[str, collections.Counter[str]] = {n: collections.Counter() for n in raw}
    surface: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, counter in forms.items():
        for form, n in counter.items():
            lemma = lemma_candidate(form, seen)
            lemmas[name][lemma] += n
            surface[lemma][form] += n
    both = lemmas["ant"] + lemmas["dev"]

    print("candidate\tn_ant\tn_dev\tforms")
    ranked = [lemma for lemma, _ in both.most_common() if args.all or conjugated(lemma, surface[lemma])]
    for lemma in ranked[: args.top]:
        top_forms = " ".join(f"{f}:{n}" for f, n in surface[lemma].most_common(6))
        print(f"{lemma}\t{lemmas['ant'][lemma]}\t{lemmas['dev'][lemma]}\t{top_forms}")


if __name__ == "__main__":
    main()
