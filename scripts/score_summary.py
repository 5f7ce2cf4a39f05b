"""One line per gold set: the ``all`` row of every score table, for comparing a change with main.

    python scripts/score_summary.py            # every set
    python scripts/score_summary.py dev        # development sets only (rules may be tuned on them)
    python scripts/score_summary.py test       # held-out sets only (scored, never tuned on)

The tables themselves, per outlet, come from ``python -m newsstudy.evaluation scores|development|
invented``; this prints only their overall rows, so that two runs can be diffed line by line.
"""

from __future__ import annotations

import sys

from newsstudy import evaluation as ev

LINE_COLUMNS = {
    "lines": "n",
    "accuracy": "acc",
    "content_precision": "P",
    "content_recall": "R",
    "macro_f1": "macro",
}
ATTR_COLUMNS = {
    "gold": "gold",
    "found": "found",
    "precision": "P",
    "recall": "R",
    "f1": "F1",
    "source_type": "type",
    "affiliation_entity": "ent",
    "affiliation": "aff",
}


def _row(name: str, table, columns) -> None:
    if "all" not in table.index:
        print(f"{name:<34} (no gold)")
        return
    row = table.loc["all"]
    cells = " ".join(
        f"{short}={int(row[c])}" if c in ("lines", "gold", "found") else f"{short}={row[c]:.3f}"
        for c, short in columns.items()
    )
    print(f"{name:<34} {cells}")


def main(which: str = "all") -> None:
    if which in ("all", "dev"):
        _row("lines shared dev", ev.line_scores("dev"), LINE_COLUMNS)
        _row("attr shared dev", ev.attribution_scores("dev"), ATTR_COLUMNS)
        for corpus in (ev.SUPPLEMENT_CORPUS, ev.FRESH_CORPUS, ev.AUDIT_CORPUS):
            if ev.gold_records(corpus):
                _row(f"lines {corpus}", ev.corpus_line_scores(corpus), LINE_COLUMNS)
        for corpus in (ev.FRESH_CORPUS, ev.FRESH2_CORPUS, ev.FRESH3_CORPUS):
            if ev._gold_records_of(corpus):
                _row(f"attr {corpus}", ev.fresh_attribution_scores(corpus=corpus), ATTR_COLUMNS)
    parts = {"all": ("dev", "test"), "dev": ("dev",), "test": ("test",)}[which]
    if which in ("all", "test"):
        _row("lines shared test", ev.line_scores("test"), LINE_COLUMNS)
        _row("attr shared test", ev.attribution_scores("test"), ATTR_COLUMNS)
    for corpus in ev.INVENTED_CORPORA:
        for part in parts:
            _row(f"lines {corpus} {part}", ev.invented_line_scores(part, corpus=corpus), LINE_COLUMNS)
            _row(f"attr {corpus} {part}", ev.invented_attribution_scores(part, corpus=corpus), ATTR_COLUMNS)


if __name__ == "__main__":
    main(*sys.argv[1:2])
