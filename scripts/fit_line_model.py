"""Fit the line model of ``newsstudy.clean.line_model`` on the DEVELOPMENT line gold only.

Training lines: every text line of at most ``--max-words`` words of the development gold, as the rules
label them (``newsstudy.clean`` with the model pass off), with its gold label:

- the seeds (``corpus: "seeds"``);
- the shared sample's development outlets (``corpus: "shared-sample"``, ``split: "dev"``), the
  development supplement, the fresh sample and the line-model audit sample (development outlets
  only);
- the development outlets of the invented sets (``split: "dev"``).

No test outlet of any set is read. Model: scikit-learn's multinomial ``LogisticRegression`` (lbfgs,
``C``) on standardised :data:`~newsstudy.clean.line_model.FEATURES`; deterministic. The threshold
``max_content`` (relabel a default-``content`` line when the model gives ``content`` at most this
probability) is chosen by leave-one-outlet-out over the development outlets: each outlet is scored by
a model fitted without it, and the value of the grid is kept that catches the most furniture lines
net of ``--lost-cost`` (3) times the true content lines it relabels (a quotation lost costs a
researcher more than a menu line kept), among those that relabel at most ``--max-lost`` of the
development content lines (content recall kept); ties go to the lower value. The content
lines being those :func:`~newsstudy.clean.line_model.candidates` gives (short lines kept as
``content`` by no rule or by a shape rule, next to furniture). Writes
``newsstudy/data/clean/line_model.json`` with the weights, the files' counts, the grid and the held-out
counts of every value.

Usage::

    python scripts/fit_line_model.py [--dry-run]

Needs the shared corpora (``newsstudy.evaluation.available()``); prints counts only, never text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from newsstudy import clean, evaluation
from newsstudy.clean.line_model import FEATURES, MODEL_PATH, candidates, line_features
from newsstudy.paths import SEEDS_DIR

GRID = [round(0.05 * k, 2) for k in range(1, 11)]


def development_documents() -> list[tuple[str, str, str, str | None, dict[int, str]]]:
    """(set, outlet, text, title, gold labels by line number) of every development gold document."""
    out = []
    for rec in evaluation.gold_records("seeds"):
        text = (SEEDS_DIR / f"{rec['doc_id']}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
        out.append(("seeds", rec["doc_id"], text, None, rec))
    shared = {
        r["doc_id"]: r for r in evaluation.gold_records(evaluation.SAMPLE_CORPUS) if r.get("split") == "dev"
    }
    docs = evaluation.sample_documents()
    for d in docs[docs["doc_id"].isin(shared)].itertuples(index=False):
        out.append(("shared-sample", d.sample_outlet, d.text, getattr(d, "title", None), shared[d.doc_id]))
    for corpus in (evaluation.SUPPLEMENT_CORPUS, evaluation.FRESH_CORPUS, evaluation.AUDIT_CORPUS):
        recs = {r["doc_id"]: r for r in evaluation.gold_records(corpus)}
        for d in evaluation.documents(list(recs)).itertuples(index=False):
            out.append((corpus, recs[d.doc_id]["outlet"], d.text, getattr(d, "title", None), recs[d.doc_id]))
    for corpus in evaluation.INVENTED_CORPORA:
        recs = {r["doc_id"]: r for r in evaluation.gold_records(corpus) if r["split"] == "dev"}
        pages = evaluation.invented_pages(corpus)
        for d in pages[pages["doc_id"].isin(recs)].itertuples(index=False):
            out.append((corpus, recs[d.doc_id]["outlet"], d.text, getattr(d, "title", None), recs[d.doc_id]))
    return [
        (
            s,
            o,
            t,
            ti if isinstance(ti, str) and ti.strip() else None,
            {g["line"]: g["label"] for g in r["lines"]},
        )
        for s, o, t, ti, r in out
    ]


def training_lines(max_words: int):
    """Features, gold labels, outlet groups and "a default-content candidate" flags of the training lines."""
    lex = clean._lexicons()
    params = replace(clean._Params(), line_model=False)
    X, y, groups, candidate, content_total = [], [], [], [], Counter()
    for set_name, outlet, text, title, gold in development_documents():
        lines = clean._label_document(text, title, params)
        wanted = [
            i
            for i, ln in enumerate(lines)
            if ln.n_words > 0 and ln.label != "blank" and gold.get(i + 1) not in (None, "blank")
        ]
        group = f"{set_name}:{outlet}"
        content_total[group] += sum(1 for i in wanted if gold[i + 1] == "content")
        wanted = [i for i in wanted if lines[i].n_words <= max_words]
        can = set(candidates(lines, lex, params, max_words))
        for i, x in line_features(lines, wanted, lex, params).items():
            X.append(x)
            y.append(gold[i + 1])
            groups.append(group)
            candidate.append(i in can)
    return np.array(X), np.array(y), np.array(groups), np.array(candidate), content_total


def fit(X, y, c: float):
    scaler = StandardScaler().fit(X)
    model = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(X), y)
    return scaler, model


def held_out_content(X, y, groups, c: float) -> np.ndarray:
    """P(content) of every line from a model fitted without its outlet (leave one outlet out)."""
    out = np.zeros(len(y))
    for group in sorted(set(groups)):
        train, held = groups != group, groups == group
        scaler, model = fit(X[train], y[train], c)
        column = list(model.classes_).index("content")
        out[held] = model.predict_proba(scaler.transform(X[held]))[:, column]
    return out


def build(
    max_words: int = 25, c: float = 1.0, max_lost: float = 0.005, lost_cost: float = 3.0
) -> tuple[dict | None, list[str]]:
    """The model file's contents (None when no threshold keeps the content lost within ``max_lost``)
    and the report lines (counts only)."""
    X, y, groups, candidate, content_total = training_lines(max_words)
    p_content = held_out_content(X, y, groups, c)
    n_content = sum(content_total.values())
    held_out, chosen, best = [], None, float("-inf")
    for t in GRID:
        flip = candidate & (p_content <= t)
        lost, caught = int((flip & (y == "content")).sum()), int((flip & (y != "content")).sum())
        held_out.append({"max_content": t, "content_lost": lost, "furniture_caught": caught})
        gain = caught - lost_cost * lost
        if lost <= max_lost * n_content and gain > best:  # ties go to the lower threshold
            chosen, best = t, gain
    furniture = int((candidate & (y != "content")).sum())
    report = [
        f"{len(y)} training lines from {len(set(groups))} outlets; {n_content} development content lines",
        f"candidate furniture lines left by the rules: {furniture}",
    ]
    for row in held_out:
        caught, lost = row["furniture_caught"], row["content_lost"]
        report.append(f"  max_content {row['max_content']:.2f}: caught {caught}, lost {lost}")
    if chosen is None:
        return None, [*report, "no threshold keeps the content lost within max_lost"]
    scaler, model = fit(X, y, c)
    sets = Counter(g.split(":")[0] for g in groups)
    data = {
        "about": "newsstudy.clean.line_model: multinomial logistic regression on standardised features; "
        "written by scripts/fit_line_model.py from the development gold only",
        "features": list(FEATURES),
        "classes": [str(k) for k in model.classes_],
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "coef": [[round(float(v), 6) for v in row] for row in model.coef_],
        "intercept": [round(float(v), 6) for v in model.intercept_],
        "max_words": max_words,
        "max_content": chosen,
        "fit": {
            "C": c,
            "training_lines_by_set": dict(sorted(sets.items())),
            "outlets": len(set(groups)),
            "development_content_lines": n_content,
            "max_lost_share": max_lost,
            "lost_cost": lost_cost,
            "held_out_by_threshold": held_out,
            "labels": dict(sorted(Counter(str(v) for v in y).items())),
        },
    }
    return data, [*report, f"chosen max_content {chosen}"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-words", type=int, default=25)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--max-lost", type=float, default=0.005, help="share of development content lines")
    ap.add_argument("--lost-cost", type=float, default=3.0, help="a content line lost counts this many")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    if not evaluation.available():
        print(evaluation.skip_message())
        return 1
    data, report = build(args.max_words, args.c, args.max_lost, args.lost_cost)
    print("\n".join(report))
    if data is None:
        return 1
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
