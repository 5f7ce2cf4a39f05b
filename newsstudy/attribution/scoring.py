"""Scoring an extraction against hand-annotated gold (``tests/gold/attributions``)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from newsstudy.study import Study, default_study


def match(extracted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs (extracted row, gold row) on the same document and line whose cue spans overlap.

    Greedy one-to-one, in order of position, so one extraction never matches two gold attributions.

    >>> e = pd.DataFrame({"doc_id": ["d"], "line": [1], "start": [0], "end": [4]})
    >>> g = pd.DataFrame({"doc_id": ["d"], "line": [1], "start": [1], "end": [4]})
    >>> match(e, g)
    [(0, 0)]
    """
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    gold_by_line: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    for gi, (d, ln, s, e) in enumerate(
        zip(gold["doc_id"], gold["line"], gold["start"], gold["end"], strict=True)
    ):
        gold_by_line.setdefault((str(d), int(ln)), []).append((int(s), int(e), gi))
    for ei, (d, ln, s, e) in enumerate(
        zip(extracted["doc_id"], extracted["line"], extracted["start"], extracted["end"], strict=True)
    ):
        for gs, ge, gi in gold_by_line.get((str(d), int(ln)), []):
            if gi not in used and int(s) < ge and gs < int(e):
                pairs.append((ei, gi))
                used.add(gi)
                break
    return pairs


def evaluate(extracted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of detection, and attribute accuracy on matched pairs.

    Parameters
    ----------
    extracted, gold : DataFrame
        Attribution tables with at least ``doc_id``, ``line``, ``start``, ``end``, ``source_type``,
        ``affiliation``, ``conduit`` (and ``anonymity_reason`` if present in both).

    Returns
    -------
    DataFrame
        Columns ``metric``, ``value``, ``n``: precision (n = extracted), recall (n = gold), f1, and
        ``<attribute>_accuracy`` over the n matched pairs.

    >>> g = pd.DataFrame({"doc_id": ["d", "d"], "line": [1, 2], "start": [0, 0], "end": [3, 3],
    ...     "source_type": ["media_outlet", "document"], "affiliation": ["US", "unknown"],
    ...     "conduit": [None, None]})
    >>> evaluate(g.iloc[:1], g).set_index("metric")["value"].round(2).to_dict()["f1"]
    0.67
    """
    pairs = match(extracted, gold)
    tp = len(pairs)
    precision = tp / len(extracted) if len(extracted) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    rows = [
        {"metric": "precision", "value": precision, "n": len(extracted)},
        {"metric": "recall", "value": recall, "n": len(gold)},
        {"metric": "f1", "value": f1, "n": tp},
    ]
    attrs = [
        a
        for a in ("source_type", "affiliation", "conduit", "anonymity_reason")
        if a in extracted and a in gold
    ]
    for attr in attrs:
        same = 0
        for ei, gi in pairs:
            ev, gv = extracted[attr].iloc[ei], gold[attr].iloc[gi]
            ev = None if pd.isna(ev) else ev
            gv = None if pd.isna(gv) else gv
            same += ev == gv
        rows.append({"metric": f"{attr}_accuracy", "value": same / tp if tp else 0.0, "n": tp})
    return pd.DataFrame(rows, columns=["metric", "value", "n"])


def _same(a: object, b: object) -> bool:
    a = None if a is None or (isinstance(a, float) and pd.isna(a)) else a
    b = None if b is None or (isinstance(b, float) and pd.isna(b)) else b
    return a == b


_SCORED_FIELDS = ("source_type", "affiliation_entity", "affiliation", "conduit")


def _detection_scores(extracted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    pairs = match(extracted.reset_index(drop=True), gold.reset_index(drop=True))
    tp = len(pairs)
    precision = tp / len(extracted) if len(extracted) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    row: dict[str, float] = {
        "gold": len(gold),
        "found": len(extracted),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }
    for field_name in _SCORED_FIELDS:
        same = sum(_same(extracted[field_name].iloc[e], gold[field_name].iloc[g]) for e, g in pairs)
        row[field_name] = same / tp if tp else float("nan")
    return row


def score_table(
    extracted: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    groups: pd.Series | None = None,
    study: Study | None = None,
) -> pd.DataFrame:
    """Detection and typing scores of an extraction against gold, per group (e.g. outlet) and overall.

    Columns: ``gold`` and ``found`` (attributions), ``precision``, ``recall`` and ``f1`` of
    detection (cue spans overlapping on the same line, :func:`match`), and the accuracy of
    ``source_type``, ``affiliation_entity``, ``affiliation`` and ``conduit`` on the matched pairs.
    Gold that gives only ``affiliation_entity`` gets its ``affiliation`` from the ``study``'s
    categories (default: ANNOTATION.md's). ``groups`` maps doc_id to a group; the last row is ``all``.

    >>> g = pd.DataFrame({"doc_id": ["d", "e"], "line": [1, 1], "start": [0, 0], "end": [3, 3],
    ...     "source_type": ["named_person"] * 2, "affiliation_entity": ["SA", None], "conduit": [None, None]})
    >>> e = g.iloc[:1].assign(affiliation="other")
    >>> t = score_table(e, g, groups=pd.Series({"d": "X", "e": "Y"}))
    >>> t["recall"].to_dict(), float(t.loc["all", "affiliation"])
    ({'X': 1.0, 'Y': 0.0, 'all': 0.5}, 1.0)
    """
    study = study or default_study()
    gold = gold.reset_index(drop=True)
    if "affiliation" not in gold.columns:
        gold = gold.assign(affiliation=study.affiliations(gold["affiliation_entity"]))
    extracted = extracted.reset_index(drop=True)
    rows = {}
    if groups is not None:
        eg = extracted["doc_id"].astype(str).map(groups)
        gg = gold["doc_id"].astype(str).map(groups)
        for name in sorted(set(gg.dropna()) | set(eg.dropna())):
            rows[name] = _detection_scores(extracted[eg == name], gold[gg == name])
    rows["all"] = _detection_scores(extracted, gold)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "group"
    return table.astype({"gold": "int64", "found": "int64"})


def read_gold(directory: Path, *, corpus: str | None = None) -> pd.DataFrame:
    """Read hand-annotated gold attributions (one JSON file per document) as one table.

    Columns: ``doc_id`` and the gold fields (``line``, ``cue``, ``start``, ``end``,
    ``source_text``, ``source_type``, ``affiliation``, ``conduit``,
    ``anonymity_reason``); the format is in ``tests/gold/attributions/README.md``.

    >>> from newsstudy.paths import REPO_ROOT
    >>> gold = read_gold(REPO_ROOT / "tests" / "gold" / "attributions", corpus="seeds")
    >>> gold["doc_id"].nunique() == 5 and {"line", "start", "end", "source_type"} <= set(gold.columns)
    True
    """
    rows = []
    for path in sorted(Path(directory).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if corpus is None or record.get("corpus") == corpus:
            rows.extend({"doc_id": record["doc_id"], **item} for item in record["attributions"])
    return pd.DataFrame(rows)
