"""Replace passages of development-corpus text quoted in the gold's ``notes`` with where they are.

``arabic-news-dev.md`` allows no text of that corpus in the repository: gold on it names the
``doc_id``, lines and offsets. Notes written while annotating quoted some passages; each run of
three or more Arabic words in a note of a development-corpus document is replaced by its place
(``[line N, characters a-b]``, found in the document as ``newsstudy.evaluation`` loads it) or,
where the note had abridged it, by ``[a passage of the text]``. Single words and two-word names
stay (cue words, titles). Run once: ``python scripts/scrub_gold_notes.py``; a second run changes
nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import regex

from newsstudy import evaluation

#: Three or more words (Arabic letters or digits; the first and last with Arabic letters) apart by
#: spaces, punctuation or quotes.
_WORD = r"[\p{Arabic}\d]*\p{Arabic}[\p{Arabic}\d]*"
_SEP = r"[\s،,.:؛\-«»\"'“”/()]+"
RUN = regex.compile(rf"{_WORD}(?:{_SEP}[\p{{Arabic}}\d]+)+{_SEP}{_WORD}")


def _place(run: str, lines: list[str]) -> str:
    for number, line in enumerate(lines, start=1):
        start = line.find(run)
        if start >= 0:
            return f"[line {number}, characters {start}-{start + len(run)}]"
    return "[a passage of the text]"


def main() -> None:
    # Every gold file's document of the development corpus: the random sample, the supplement and
    # the fresh sample alike.
    index = evaluation._index()
    named = {
        json.loads(p.read_text(encoding="utf-8")).get("doc_id")
        for p in Path(evaluation.GOLD_DIR).glob("*/*.json")
    }
    dev_ids = {d for d in named if d in index and index[d][0] == "dev"}
    docs = evaluation.documents(sorted(dev_ids))
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    for path in sorted(Path(evaluation.GOLD_DIR).glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("doc_id") not in dev_ids or not record.get("notes"):
            continue
        lines = texts[record["doc_id"]].split("\n")
        notes = RUN.sub(lambda m, lines=lines: _place(m.group(0), lines), record["notes"])
        if notes != record["notes"]:
            record["notes"] = notes
            path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"scrubbed {path}")


if __name__ == "__main__":
    main()
