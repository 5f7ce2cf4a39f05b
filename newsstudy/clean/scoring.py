"""Scores of predicted line labels against hand-written gold."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from newsstudy.clean.labels import LABELS


def _with_predictions(predicted_lines: pd.DataFrame, gold_lines: pd.DataFrame) -> pd.DataFrame:
    """Gold lines with their predicted label (``label_gold``, ``label_pred``); every one must have one."""
    merged = gold_lines[["doc_id", "line", "label"]].merge(
        predicted_lines[["doc_id", "line", "label"]],
        on=["doc_id", "line"],
        how="left",
        suffixes=("_gold", "_pred"),
        validate="one_to_one",
    )
    if merged["label_pred"].isna().any():
        missing = merged.loc[merged["label_pred"].isna(), ["doc_id", "line"]].head(3).to_dict("records")
        raise ValueError(f"gold lines without a prediction, e.g. {missing}")
    return merged


def label_scores(predicted_lines: pd.DataFrame, gold_lines: pd.DataFrame) -> pd.DataFrame:
    """Per-label precision, recall, F1 and support of predicted against gold labels.

    Lines are matched on ``doc_id`` and ``line``; every gold line must have a
    prediction. The ``macro`` row averages precision, recall and F1 over the
    labels present in the gold (labels the gold never uses cannot be judged on
    it; a predicted label absent from the gold still lowers the precision of
    nothing but shows up as a row with support 0 and is left out of the macro).

    Returns
    -------
    DataFrame
        Index ``label`` (gold labels, then predicted-only labels, then ``macro``);
        columns ``precision``, ``recall``, ``f1``, ``support``.

    >>> gold = pd.DataFrame({"doc_id": ["a"] * 3, "line": [1, 2, 3], "label": ["headline", "content", "nav"]})
    >>> pred = gold.assign(label=["headline", "content", "content"])
    >>> label_scores(pred, gold).loc["macro", "f1"].round(3)
    np.float64(0.556)
    """
    merged = _with_predictions(predicted_lines, gold_lines)
    gold = merged["label_gold"].tolist()
    pred = merged["label_pred"].tolist()
    gold_labels = [lab for lab in LABELS if lab in set(gold)] + sorted(set(gold) - set(LABELS))
    extra = sorted(set(pred) - set(gold))
    rows = {}
    for label in gold_labels + extra:
        tp = sum(1 for g, q in zip(gold, pred, strict=True) if g == label and q == label)
        n_pred = sum(1 for q in pred if q == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows[label] = (precision, recall, f1, n_gold)
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["precision", "recall", "f1", "support"])
    macro = table.loc[gold_labels, ["precision", "recall", "f1"]].mean()
    table.loc["macro"] = [macro["precision"], macro["recall"], macro["f1"], len(gold)]
    table["support"] = table["support"].astype("int64")
    table.index.name = "label"
    return table


def _scores_of(merged: pd.DataFrame, min_support: int) -> dict[str, float]:
    gold, pred = merged["label_gold"], merged["label_pred"]
    content_g, content_p = gold == "content", pred == "content"
    both = int((content_g & content_p).sum())
    table = label_scores(
        merged.rename(columns={"label_pred": "label"}), merged.rename(columns={"label_gold": "label"})
    )
    judged = [lab for lab in table.index if lab != "macro" and table.loc[lab, "support"] >= min_support]
    return {
        "lines": len(merged),
        "accuracy": float((gold == pred).mean()) if len(merged) else 0.0,
        "content_precision": both / int(content_p.sum()) if content_p.any() else 0.0,
        "content_recall": both / int(content_g.sum()) if content_g.any() else 0.0,
        "macro_f1": float(table.loc[judged, "f1"].mean()) if judged else 0.0,
    }


def score_table(
    predicted_lines: pd.DataFrame,
    gold_lines: pd.DataFrame,
    *,
    groups: pd.Series | None = None,
    min_support: int = 5,
) -> pd.DataFrame:
    """Scores of predicted line labels against gold, per group (e.g. outlet) and overall.

    Columns: ``lines`` (gold lines), ``accuracy`` (share of lines labelled as the gold),
    ``content_precision`` and ``content_recall`` (of the ``content`` label: what the study counts),
    ``macro_f1`` (mean F1 over the labels with at least ``min_support`` gold lines in the group).
    ``groups`` maps doc_id to a group name; the last row, ``all``, pools every line.

    >>> gold = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...                      "label": ["content", "nav", "content"]})
    >>> pred = gold.assign(label=["content", "content", "content"])
    >>> t = score_table(pred, gold, groups=pd.Series({"a": "X", "b": "Y"}), min_support=1)
    >>> t["accuracy"].round(2).to_dict()
    {'X': 0.5, 'Y': 1.0, 'all': 0.67}
    """
    merged = _with_predictions(predicted_lines, gold_lines)
    rows = {}
    if groups is not None:
        merged["group"] = merged["doc_id"].astype(str).map(groups)
        for name, part in merged.groupby("group", sort=True):
            rows[name] = _scores_of(part, min_support)
    rows["all"] = _scores_of(merged, min_support)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "group"
    return table.astype({"lines": "int64"})


def read_gold(directory: Path, *, corpus: str | None = None) -> pd.DataFrame:
    """Read hand-written gold line labels (one JSON file per document) as ``doc_id``, ``line``, ``label``.

    Parameters
    ----------
    directory : Path
        Folder of ``<doc_id>.json`` files (format in ``tests/gold/lines/README.md``).
    corpus : str, optional
        Keep only documents whose ``corpus`` field is this (``"seeds"``, ``"ant"``).

    >>> from newsstudy.paths import REPO_ROOT
    >>> gold = read_gold(REPO_ROOT / "tests" / "gold" / "lines", corpus="seeds")
    >>> gold["doc_id"].nunique(), list(gold.columns)
    (5, ['doc_id', 'line', 'label'])
    """
    rows = []
    for path in sorted(Path(directory).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if corpus is None or gold.get("corpus") == corpus:
            rows.extend(
                {"doc_id": gold["doc_id"], "line": item["line"], "label": item["label"]}
                for item in gold["lines"]
            )
    return pd.DataFrame(rows, columns=["doc_id", "line", "label"])
