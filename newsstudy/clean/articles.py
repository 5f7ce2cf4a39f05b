"""From labelled lines back to text: the cleaned article per document, and the raw text rebuilt."""

from __future__ import annotations

import hashlib

import pandas as pd

from newsstudy.clean.features import _dateline_match
from newsstudy.clean.labels import ARTICLE_COLUMNS, KEPT_LABELS
from newsstudy.clean.lexicons import _lexicons
from newsstudy.normalize import for_matching, for_matching_with_offsets


def _dateline_text(raw: str) -> str:
    """The dateline at the start of a raw line, as written ("" if none)."""
    if not _dateline_match(for_matching(raw), _lexicons()):
        return ""  # the cheap test first: offsets are computed only for real datelines
    mapped = for_matching_with_offsets(raw)
    m = _dateline_match(mapped.text, _lexicons())
    if not m:
        return ""
    start, end = mapped.raw_span(*m.span("d"))
    return raw[start:end].strip()


def _article(doc_id: str, labels: list[str], texts: list[str]) -> tuple:
    pairs = list(zip(texts, labels, strict=True))
    kept = [t.strip() for t, lab in pairs if lab in KEPT_LABELS]
    headline = next((t.strip() for t, lab in pairs if lab == "headline"), "")
    dateline = next((t.strip() for t, lab in pairs if lab == "dateline"), "")
    if not dateline:
        first = next((t for t, lab in pairs if lab == "content"), "")
        dateline = _dateline_text(first) if first else ""
    credits = " | ".join(t.strip() for t, lab in pairs if lab == "credit")
    return (doc_id, headline, dateline, credits, "\n".join(kept), len(kept))


def cleaned(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per document: the cleaned article and its metadata.

    ``headline`` is the first ``headline`` line; ``dateline`` is the first
    ``dateline`` line, else a dateline prefix at the start of the first content
    line (the line itself stays ``content``); ``credits`` joins the ``credit``
    lines with ``" | "``; ``text`` joins the headline and content lines (each
    stripped) with ``"\\n"``; ``n_lines_kept`` counts them.

    >>> from newsstudy.clean import label_lines
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "قطر تستضيف محادثات\\nالدوحة - (رويترز) - قال مسؤول إن المحادثات تبدأ الأربعاء في الدوحة.\\n"
    ...     "المصدر: رويترز"]})
    >>> row = cleaned(label_lines(docs)).iloc[0]
    >>> row["headline"], row["dateline"], row["credits"], int(row["n_lines_kept"])
    ('قطر تستضيف محادثات', 'الدوحة - (رويترز)', 'المصدر: رويترز', 2)
    """
    ordered = lines.sort_values(["doc_id", "line"], kind="stable")
    rows = []
    doc_ids = ordered["doc_id"].astype(str).tolist()
    labels = ordered["label"].tolist()
    texts = ordered["text"].tolist()
    start = 0
    # One pass over plain lists: a groupby over tens of thousands of documents is slow.
    while start < len(doc_ids):
        stop = start
        while stop < len(doc_ids) and doc_ids[stop] == doc_ids[start]:
            stop += 1
        rows.append(_article(doc_ids[start], labels[start:stop], texts[start:stop]))
        start = stop
    frame = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    frame["n_lines_kept"] = frame["n_lines_kept"].astype("int64")
    return frame


def rebuild(lines: pd.DataFrame) -> pd.Series:
    """The raw text of each document, rebuilt from its lines (exactly the input).

    >>> from newsstudy.clean import label_lines
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["عنوان\\n\\nنص  \\n"]})
    >>> rebuild(label_lines(docs))["a"] == docs["text"][0]
    True
    """
    ordered = lines.sort_values(["doc_id", "line"], kind="stable")
    parts: dict[str, list[str]] = {}
    for doc_id, text in zip(ordered["doc_id"].astype(str).tolist(), ordered["text"].tolist(), strict=True):
        parts.setdefault(doc_id, []).append(text)
    texts = {doc_id: "\n".join(lines_) for doc_id, lines_ in parts.items()}
    return pd.Series(texts, name="text", dtype=object).rename_axis("doc_id")


_NEWLINES = {"LF": "\n", "none": "\n", "CRLF": "\r\n", "CR": "\r"}


def rebuilds_raw(lines: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    """Whether each document's raw input is rebuilt byte for byte from its lines.

    The lines rebuild the text (:func:`rebuild`); the text, written with the
    document's newline convention in its encoding, must have the SHA-256 the
    loader recorded of the raw file (or of the UTF-8 text cell of tabular
    input). Only a table of the run is needed, not the corpus. A document whose
    newlines were ``mixed`` cannot be checked this way (``<NA>``: the text
    keeps the line breaks, not which convention each one had).

    >>> from newsstudy.clean import label_lines
    >>> from newsstudy.corpus import load_corpus
    >>> from newsstudy.paths import SEEDS_DIR
    >>> docs = load_corpus(SEEDS_DIR)
    >>> bool(rebuilds_raw(label_lines(docs), docs).all())
    True
    """
    texts = rebuild(lines)
    verdicts = {}
    for doc in documents.itertuples(index=False):
        newline = _NEWLINES.get(doc.newlines)
        if newline is None or doc.doc_id not in texts.index:
            verdicts[doc.doc_id] = pd.NA
            continue
        text = texts[doc.doc_id].replace("\n", newline)
        tabular = getattr(doc, "row", 0) not in (0, None)
        data = text.encode("utf-8", "surrogatepass") if tabular else text.encode(doc.encoding)
        verdicts[doc.doc_id] = hashlib.sha256(data).hexdigest() == doc.sha256
    return pd.Series(verdicts, dtype="boolean", name="rebuilt").rename_axis("doc_id")


def as_uncleaned(lines: pd.DataFrame) -> pd.DataFrame:
    """The lines table as a count on raw text would see it: every non-blank line is article text.

    Blank lines stay ``blank`` and the headline stays ``headline``; every other
    line (boilerplate, repeats, appended articles) becomes ``content``, so
    comparing a count on this table with one on ``lines`` shows exactly what
    cleaning removed.

    >>> lines = pd.DataFrame({"doc_id": ["a"] * 3, "line": [1, 2, 3], "label": ["headline", "nav", "blank"],
    ...                       "rule": ["shape:first_line_headline", "lexicon:nav", "shape:blank"],
    ...                       "text": ["عنوان", "شارك", ""]})
    >>> as_uncleaned(lines)[["label", "rule"]].to_dict("records")[1:]
    [{'label': 'content', 'rule': 'uncleaned'}, {'label': 'blank', 'rule': 'shape:blank'}]
    """
    keep = lines["label"].isin(["blank", "headline"])
    return lines.assign(
        label=lines["label"].where(keep, "content"), rule=lines["rule"].where(keep, "uncleaned")
    )
