"""Count how many gazetteer forms occur in the two development corpora.

Reads ``newsstudy/data/gazetteer/{countries,organisations,people}.tsv``, samples documents from
``ant-multisource-v2.1.jsonl.gz`` (field ``TEXT``) and ``arabic-news-dev.jsonl.gz`` (field ``text``),
normalises forms and texts with :func:`newsstudy.normalize.for_matching` and counts the occurrences of each
form as a word (with clitics and nisba endings; ``--substring`` for plain substrings; Latin forms such as
``UN`` as whole words). Prints, per file and corpus, how many forms occur at least once, and optionally the
most frequent nisba adjectives and ``منظمة|حركة|جماعة|وكالة`` names that the gazetteer does not cover.

Usage::

    python scripts/count_gazetteer.py --corpora ../shared/corpora --sample 5000 --candidates 30

No corpus text is written anywhere; only counts and single forms are printed.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import random
import re
from pathlib import Path

from newsstudy.normalize import for_matching, for_matching_all

GAZETTEER = Path(__file__).resolve().parents[1] / "newsstudy" / "data" / "gazetteer"
CORPORA = {
    "ant": ("ant-multisource-v2.1.jsonl.gz", "TEXT"),
    "dev": ("arabic-news-dev.jsonl.gz", "text"),
}
FORM_COLUMNS = {
    "countries.tsv": ("names", "capitals", "adjectives", "metonyms"),
    "organisations.tsv": ("aliases",),
    "people.tsv": ("name",),
}

# Nouns after which a nisba adjective usually names a country ("وزير الخارجية الأمريكي").
ADJ_TRIGGERS = (
    "الرئيس|رئيس الوزراء|وزير الخارجيه|وزاره الخارجيه|الخارجيه|الحكومه|الجيش|القوات|السفير|السفاره|"
    "البرلمان|النظام|المسؤول|مسؤول|مسؤولون|مسؤولين|الشعب|السلطات|الامن|المعارضه|الدبلوماسي|دبلوماسي"
)
ADJ_RE = re.compile(rf"(?:{ADJ_TRIGGERS}) (?:ال)?([^\W\d_]{{3,}}ي)(?:ه|ون|ين)?(?![^\W\d_])")
ORG_RE = re.compile(r"(?:منظمه|حركه|جماعه|وكاله) ((?:ال)?[^\W\d_]{3,}(?: (?:ال)?[^\W\d_]{3,})?)")
# Adjectives that follow the trigger nouns but do not name a country or a body.
GENERIC_ADJ = set(
    for_matching(w)
    for w in (
        "التي الذي حالي سابق عسكري وطني دولي محلي رسمي إعلامي أمني سياسي شرعي انتقالي تنفيذي عربي إسلامي "
        "أوروبي أفريقي إفريقي غربي شرقي جنوبي شمالي خليجي إقليمي كردي ثوري شعبي حكومي ديمقراطي "
        "ديموقراطي جمهوري تشريعي قضائي إداري مدني عمومي فعلي ميداني إنساني رئيسي أساسي قومي إرهابي "
        "احتياطي جوي بحري بري اقتصادي مالي تجاري عادي استثنائي مصرفي تقني فني طبي صحي بيئي اجتماعي "
        "ثقافي رياضي علمي ديني ملكي أميري رئاسي دستوري نيابي برلماني حزبي ائتلافي أممي شيعي سني علوي "
        "درزي مسيحي يهودي غذائي داخلي خارجي نظامي سيبراني إلكتروني عالمي اتحادي فيدرالي فدرالي معني "
        "جماعي مركزي طاقي دبلوماسي منتهي قبلي روحي تربوي استعماري أجنبي انتخابي قانوني هوائي شمسي "
        "قوي نازي علماني يميني يساري تشغيلي دفاعي موالي شيوعي اشتراكي مسؤولي نووي جنائي"
    ).split()
)
ORG_STOP = set(
    for_matching(w)
    for w in "التي الذي على في من إلى عن مع بعد قبل بين أن إن هذه هذا كانت كان وقد الى".split()
)


def read_forms(gazetteer: Path) -> dict[str, dict[str, str]]:
    """Map each file name to ``{normalised form: display form}``."""
    forms: dict[str, dict[str, str]] = {}
    for name, columns in FORM_COLUMNS.items():
        table: dict[str, str] = {}
        with open(gazetteer / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                for column in columns:
                    for form in filter(None, row[column].split("|")):
                        table.setdefault(for_matching(form), form)
        forms[name] = table
    return forms


def read_texts(path: Path, field: str, sample: int, seed: int) -> list[str]:
    """Normalised texts of ``sample`` random documents (all of them when ``sample`` is 0)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        texts = [json.loads(line).get(field) or "" for line in handle if line.strip()]
    if 0 < sample < len(texts):
        texts = random.Random(seed).sample(texts, sample)
    return for_matching_all(texts)


# What may stand before a form: conjunction, preposition and, before forms without it, the article.
ARTICLE_PREFIX = re.compile(r"[وف]?(?:[بك]?ال|لل|[بلك])?")
BARE_PREFIX = re.compile(r"[وف]?[بلك]?")
# What may follow it: nisba, feminine, plural, dual or pronoun endings.
SUFFIX = re.compile(r"(?:يه|يون|يين|يات|يان|ه|ها|هم|ون|ين|ان|ات)?")


def _attached(text: str, start: int, end: int) -> tuple[str, str]:
    """The letters attached to ``text[start:end]`` on its left and on its right."""
    left, right = start, end
    while left > 0 and text[left - 1].isalpha():
        left -= 1
    while right < len(text) and text[right].isalpha():
        right += 1
    return text[left:start], text[end:right]


def count(form: str, joined: str, substring: bool = False) -> int:
    """Occurrences of a normalised form in the joined normalised texts.

    Latin-script forms count as whole words. Arabic forms count as substrings with ``substring``,
    otherwise as whole words that may carry a proclitic (و ف ب ل ك, ``لل`` for ``ال``, and ``ال``
    before forms without it) and a nisba, feminine, plural or pronoun suffix.
    """
    if form.isascii():
        return len(re.findall(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", joined))
    if substring:
        return joined.count(form)
    has_article = form.startswith("ال")
    core = form[2:] if has_article else form
    total, start = 0, joined.find(core)
    while start != -1:
        before, after = _attached(joined, start, start + len(core))
        if has_article:
            ok_before = before.endswith(("ال", "لل")) and BARE_PREFIX.fullmatch(before[:-2]) is not None
        else:
            ok_before = ARTICLE_PREFIX.fullmatch(before) is not None
        if ok_before and SUFFIX.fullmatch(after):
            total += 1
        start = joined.find(core, start + 1)
    return total


def candidates(texts: list[str], known: set[str], aliases: list[str], top: int) -> tuple[list, list]:
    """Frequent nisba adjectives and organisation names that the gazetteer does not cover."""
    adjectives: collections.Counter[str] = collections.Counter()
    organisations: collections.Counter[str] = collections.Counter()
    covered: dict[str, bool] = {}
    skip = known | GENERIC_ADJ
    for text in texts:
        for match in ADJ_RE.finditer(text):
            base = match.group(1)
            bare = re.sub(r"^و?ال", "", base)
            if not {base, bare} & skip:
                adjectives[base] += 1
        for match in ORG_RE.finditer(text):
            words = match.group(1).split()
            while words and words[-1] in ORG_STOP:
                words.pop()
            if not words:
                continue
            phrase = " ".join(words)
            key = match.group(0).split()[0] + " " + phrase
            if key not in covered:
                covered[key] = any(phrase in alias or alias in key for alias in aliases)
            if not covered[key]:
                organisations[key] += 1
    return adjectives.most_common(top), organisations.most_common(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--gazetteer", type=Path, default=GAZETTEER)
    parser.add_argument("--sample", type=int, default=5000, help="documents per corpus (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--candidates", type=int, default=0, help="list this many uncovered forms")
    parser.add_argument("--dump", type=Path, help="write per-form counts to this TSV file")
    parser.add_argument("--substring", action="store_true", help="plain substring counts for Arabic forms")
    args = parser.parse_args()

    forms = read_forms(args.gazetteer)
    adjectives = set()
    with open(args.gazetteer / "countries.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            adjectives.update(for_matching(a).split()[0] for a in filter(None, row["adjectives"].split("|")))
    adjectives.update(re.sub(r"^ال", "", word) for form in forms["people.tsv"] for word in form.split())
    aliases = [form for table in forms.values() for form in table if not form.isascii()]

    print("| file | forms | " + " | ".join(f"in {name} (>=1)" for name in CORPORA) + " |")
    print("|---|---:|" + "---:|" * len(CORPORA))
    results: dict[str, dict[str, int]] = {}
    texts_by_corpus: dict[str, list[str]] = {}
    for name, (file_name, field) in CORPORA.items():
        path = args.corpora / file_name
        if not path.exists():
            print(f"skipping {name}: {path} not found")
            continue
        texts_by_corpus[name] = read_texts(path, field, args.sample, args.seed)
        joined = "\n".join(texts_by_corpus[name])
        results[name] = {
            form: count(form, joined, args.substring) for table in forms.values() for form in table
        }
    for file_name, table in forms.items():
        cells = [str(sum(1 for form in table if results[name][form] > 0)) for name in results]
        print(f"| {file_name} | {len(table)} | " + " | ".join(cells) + " |")

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            out.write("file\tform\t" + "\t".join(results) + "\n")
            for file_name, table in forms.items():
                for form, display in table.items():
                    counts = "\t".join(str(results[name][form]) for name in results)
                    out.write(f"{file_name}\t{display}\t{counts}\n")

    for name, texts in texts_by_corpus.items():
        print(f"\n## {name}: most frequent forms")
        ranked = sorted(results[name].items(), key=lambda item: -item[1])[:15]
        print(", ".join(f"{form} {n}" for form, n in ranked))
        if args.candidates:
            adj, org = candidates(texts, adjectives, aliases, args.candidates)
            print(f"\n## {name}: uncovered adjectives\n" + ", ".join(f"{form} {n}" for form, n in adj))
            print(f"\n## {name}: uncovered organisation names\n" + ", ".join(f"{f} {n}" for f, n in org))


if __name__ == "__main__":
    main()
