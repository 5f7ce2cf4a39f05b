"""Fit the thresholds of the body-text test of ``newsstudy.clean`` on the DEV half of the line gold.

A line is *body text* (an anchor of the article run, ``clean._is_body_text``) when it has at least
``good_min_words`` words and a function-word share of at least ``good_min_density``, or at least
``long_min_words`` words. This script scores every combination of a fixed grid on the gold lines of the
development outlets only (``tests/gold/lines/*.json`` with ``"corpus": "shared-sample"`` and
``"split": "dev"``; the test outlets are never read) and writes the best one, with its provenance, to
``newsstudy/data/clean/line_thresholds.json``.

Which lines: every line that the rules before the context pass leave as ``content`` (the candidates of
that pass). Objective: ``TP - cost * FP``, where TP are candidates called body text whose gold label is
``content`` and FP those whose gold label is anything else (furniture taken for body text would anchor
the article in the wrong place, so it costs ``--cost`` times more than a body line missed). Ties go to the
first combination of the grid in the order written below, so the fit is deterministic.

Usage::

    python scripts/fit_line_thresholds.py [--cost 10] [--dry-run]

Needs the shared corpora (``newsstudy.evaluation.available()``); prints counts only, never text.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from dataclasses import replace
from pathlib import Path

from newsstudy import clean, evaluation
from newsstudy.paths import GOLD_DIR

OUT = clean.CLEAN_DATA_DIR / "line_thresholds.json"
GRID_WORDS = range(4, 17)
GRID_DENSITY = [round(0.02 * k, 2) for k in range(0, 16)]
GRID_LONG = range(15, 45, 5)


def dev_gold_files(*, supplement: bool = False) -> list[Path]:
    """The development outlets' gold: the random sample's dev part, and with ``supplement`` the
    targeted development supplement (``corpus: "dev-supplement"``, development outlets only too)."""
    files = []
    for path in sorted((GOLD_DIR / "lines").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        sample_dev = rec.get("corpus") == evaluation.SAMPLE_CORPUS and rec.get("split") == "dev"
        if sample_dev or (supplement and rec.get("corpus") == evaluation.SUPPLEMENT_CORPUS):
            files.append(path)
    return files


def candidates(files: list[Path]) -> list[tuple[clean._Line, bool]]:
    """(line, gold is content) for every line the passes before the context pass leave as content."""
    gold = {}
    for path in files:
        rec = json.loads(path.read_text(encoding="utf-8"))
        gold[rec["doc_id"]] = {g["line"]: g["label"] for g in rec["lines"]}
    docs = evaluation.documents(gold)
    params = replace(clean._Params(), context=False)
    out = []
    for doc in docs.itertuples(index=False):
        title = getattr(doc, "title", None)
        title = title if isinstance(title, str) and title.strip() else None
        for n, line in enumerate(clean._label_document(doc.text, title, params), start=1):
            if line.label == "content":
                out.append((line, gold[doc.doc_id][n] == "content"))
    return out


def fit(lines: list[tuple[clean._Line, bool]], cost: float) -> tuple[dict, dict]:
    lex = clean._lexicons()
    best, best_score, best_counts = None, float("-inf"), {}
    for words in GRID_WORDS:
        for density in GRID_DENSITY:
            for long in GRID_LONG:
                if long <= words:
                    continue
                p = replace(
                    clean._Params(), good_min_words=words, good_min_density=density, long_min_words=long
                )
                tp = fp = 0
                for line, is_content in lines:
                    if clean._is_body_text(line, lex, p):
                        tp += is_content
                        fp += not is_content
                score = tp - cost * fp
                if score > best_score:
                    best, best_score = (words, density, long), score
                    best_counts = {"true_positives": tp, "false_positives": fp}
    words, density, long = best
    return {"good_min_words": words, "good_min_density": density, "long_min_words": long}, best_counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cost", type=float, default=10.0)
    parser.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    parser.add_argument(
        "--with-supplement", action="store_true", help="also fit on the targeted development supplement"
    )
    args = parser.parse_args(argv)
    if not evaluation.available():
        print(f"SKIP: {evaluation.skip_message()}")
        return 0
    files = dev_gold_files(supplement=args.with_supplement)
    lines = candidates(files)
    values, counts = fit(lines, args.cost)
    n_content = sum(is_content for _, is_content in lines)
    record = {
        name: {"value": value, "description": desc}
        for (name, value), desc in zip(
            values.items(),
            [
                "fewest words of a body-text line (with enough function words)",
                "least share of Arabic function words (function_words.txt) of a body-text line",
                "a line of at least this many words is body text whatever its function words",
            ],
            strict=True,
        )
    }
    record["provenance"] = {
        "script": "scripts/fit_line_thresholds.py",
        "date": datetime.date.today().isoformat(),
        "gold_files": [f"tests/gold/lines/{p.name}" for p in files],
        "split": "dev (development outlets only: shared-sample dev part"
        + (" and the dev-supplement)" if args.with_supplement else ")"),
        "objective": f"true_positives - {args.cost:g} * false_positives over the candidate lines",
        "grid": {
            "good_min_words": [GRID_WORDS.start, GRID_WORDS.stop - 1],
            "good_min_density": [GRID_DENSITY[0], GRID_DENSITY[-1], 0.02],
            "long_min_words": [GRID_LONG.start, GRID_LONG.stop - 1, GRID_LONG.step],
        },
        "candidate_lines": len(lines),
        "candidate_lines_gold_content": n_content,
        **counts,
    }
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    print(text)
    if not args.dry_run:
        OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
