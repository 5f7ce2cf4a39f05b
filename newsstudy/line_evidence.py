"""Corpus evidence for line cleaning: lines recurring in an outlet's documents, other documents' headlines.

A researcher's corpus says what no single page can: a line that stands in many
documents of one outlet is the outlet's template (footer, navigation, "about us",
subscription text), and a line that is the headline of another document is a
link to that story. This module counts both, chunk by chunk, and hands the
counts to :func:`newsstudy.clean.label_lines` as optional evidence.

How it counts
-------------
- Each raw line is reduced to a **line key**: every run of digits replaced by
  ``0`` (so a view counter or a date is one line whatever its numbers), runs of
  whitespace collapsed, the ends stripped. A template line is written the same
  way in every page of an outlet, so nothing more is needed, and the key is cheap
  (the counting pass reads the whole corpus once more).
- The key is hashed with BLAKE2b (8 bytes), together with the document's outlet
  (:func:`outlets`): per chunk, the **documents** in which each (outlet, key)
  occurs (a line twice in one document counts once), kept as sorted ``uint64``
  keys and ``int64`` counts; chunks are merged with ``np.unique``, so memory
  grows with the distinct lines, and the result does not depend on the chunk
  size or the order of the chunks.
- Each document's **headline key** (of its title column if the corpus has one,
  else of its first non-blank line) is counted the same way, over the whole
  corpus. Headlines are compared more loosely (:func:`headline_key`: case-folded,
  tatweel and combining marks removed, punctuation a space): a title stored
  apart from the text is not always punctuated as the line that repeats it.

How the labeller uses it (:class:`CorpusEvidence`)
--------------------------------------------------
- A line that the line rules left as a body candidate and whose key occurs in at
  least ``max(min_docs, min_share × n)`` documents of its outlet (``n`` its
  outlet's documents) is ``nav`` (rule ``corpus:recurring_line(docs=N)``). A line
  of running text (body text by the cleaner's signals that ends like a sentence or
  is long) needs more, ``max(body_min_docs, body_min_share × n)``: an outlet's
  standard background paragraph ("ويذكر أن ...")
  recurs through a story's follow-ups, a template paragraph through the outlet's
  whole output. Recurrence is counted within one outlet only: wire copy that many
  outlets share is their content, not anyone's template.
- A run of at least two lines ending the document, each in at least ``min_docs``
  documents of the outlet and foreign to the article's lead, is ``related`` (rule
  ``corpus:recurring_teaser(docs=N)``): the ledes of a "more news" box.
- A short line (``min_headline_words`` words or more, not the document's own
  headline) whose key is the headline key of another document is ``related``
  (rule ``corpus:headline_of_other_document(docs=N)``).
- Without evidence (one document, a corpus too small to count) the other signals
  alone decide, as before.

>>> places = ["قطر", "مصر", "تونس", "عمان", "ليبيا", "اليمن"]
>>> docs = pd.DataFrame({"doc_id": places,
...     "text": [f"خبر من {p}\\nنص عن {p}\\nجميع الحقوق محفوظة 2024" for p in places]})
>>> counts = count_lines(docs)
>>> evidence = CorpusEvidence.from_counts(counts)
>>> evidence.recurring("all documents", line_key("جميع الحقوق محفوظة 2025"))
6
>>> evidence.recurring("all documents", line_key("نص عن قطر"))
0
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import regex

from newsstudy.views import document_outlets

__all__ = [
    "CorpusEvidence",
    "LineCounts",
    "count_lines",
    "headline_key",
    "line_key",
    "line_keys",
    "merge_counts",
    "outlets",
]

_MARKS = regex.compile(r"[\u0640\p{Mn}]+")
_DIGITS = regex.compile(r"\p{N}+")
_OTHER = regex.compile(r"[^\p{L}\p{N}]+")
_EMPTY = np.zeros(0, dtype=np.uint64)


def _squeezed(line: str) -> str:
    line = line.strip()
    return " ".join(line.split()) if "  " in line or "\t" in line or "\xa0" in line else line


def line_keys(text: str) -> list[str]:
    """The line key of every line of ``text`` (split on ``\\n``, as the ``lines`` table splits it).

    >>> line_keys("تابعونا على  فيسبوك\\r\\nعدد الزوار: 1234")
    ['تابعونا على فيسبوك', 'عدد الزوار: 0']
    """
    return [_squeezed(line) for line in _DIGITS.sub("0", text).split("\n")]


def line_key(line: str) -> str:
    """The key of one line (see the module docstring).

    >>> line_key("عدد الزوار: 12 ") == line_key("عدد  الزوار: 7")
    True
    """
    return line_keys(line.replace("\n", " "))[0]


def headline_key(line: str) -> str:
    """The looser key headlines are compared by (see the module docstring).

    >>> headline_key("«قطر» تستضيف المحادثات") == headline_key("قطر: تستضيف المحادثات!")
    True
    """
    return _OTHER.sub(" ", _DIGITS.sub("0", _MARKS.sub("", line.casefold()))).strip()


def _hash(outlet: str, key: str) -> int:
    data = f"{outlet}\x1f{key}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def outlets(documents: pd.DataFrame, outlet_column: str | None = None) -> list[str]:
    """Each document's outlet, as the views per outlet find it (:func:`newsstudy.views.document_outlets`).

    ``outlet_column`` names the column (it must exist); by default an outlet
    column, a URL's host or the sub-folder of a folder corpus's ``doc_id``, else
    the whole corpus is one outlet.

    >>> outlets(pd.DataFrame({"doc_id": ["a/1", "a/2", "b/1"]}))
    ['a', 'a', 'b']
    >>> outlets(pd.DataFrame({"doc_id": ["1"], "SRC": ["CNN"]}))
    ['CNN']
    """
    return document_outlets(documents, column=outlet_column).tolist()


def headline_column(documents: pd.DataFrame) -> str | None:
    """The title column the cleaner reads (``title`` in any case), if there is one."""
    found = [c for c in documents.columns if str(c).casefold() == "title"]
    return found[0] if len(found) == 1 else None


def own_headline(title: object, lines: list[str]) -> str:
    """A document's headline key: of its title if it has one, else of its first non-blank line."""
    if isinstance(title, str) and title.strip():
        return headline_key(title)
    return headline_key(next((line for line in lines if line.strip()), ""))


def _counted(values: Iterable[np.ndarray], weights: Iterable[np.ndarray] | None = None) -> tuple:
    values = list(values)
    if not values:
        return _EMPTY, np.zeros(0, dtype=np.int64)
    joined = np.concatenate(values)
    keys, inverse = np.unique(joined, return_inverse=True)
    if weights is None:
        docs = np.bincount(inverse, minlength=len(keys))
    else:
        docs = np.bincount(inverse, weights=np.concatenate(list(weights)), minlength=len(keys))
    return keys.astype(np.uint64), docs.astype(np.int64)


@dataclass(frozen=True, eq=False)
class LineCounts:
    """Documents per (outlet, line key) and per headline key, and documents per outlet.

    ``keys``/``docs`` are sorted ``uint64`` hashes and their document counts;
    ``headlines``/``headline_docs`` likewise for headline keys (outlet-free);
    ``outlet_names``/``outlet_docs`` the outlets, sorted, and their documents.
    """

    keys: np.ndarray = field(default_factory=lambda: _EMPTY)
    docs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    headlines: np.ndarray = field(default_factory=lambda: _EMPTY)
    headline_docs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    outlet_names: tuple[str, ...] = ()
    outlet_docs: tuple[int, ...] = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LineCounts):
            return NotImplemented
        arrays = ("keys", "docs", "headlines", "headline_docs")
        return all(np.array_equal(getattr(self, a), getattr(other, a)) for a in arrays) and (
            self.outlet_names,
            self.outlet_docs,
        ) == (other.outlet_names, other.outlet_docs)

    __hash__ = None  # type: ignore[assignment]

    @property
    def n_documents(self) -> int:
        return int(sum(self.outlet_docs))

    def compact(self, min_docs: int) -> LineCounts:
        """Only the line keys in at least ``min_docs`` documents (what the labeller can use)."""
        keep = self.docs >= min_docs
        return LineCounts(
            self.keys[keep], self.docs[keep], self.headlines, self.headline_docs,
            self.outlet_names, self.outlet_docs,
        )  # fmt: skip


def count_lines(
    documents: pd.DataFrame, *, text_column: str = "text", outlet_column: str | None = None
) -> LineCounts:
    """Count, in one chunk of documents, the documents of each (outlet, line key) and headline key.

    >>> docs = pd.DataFrame({"doc_id": ["a/1", "a/2", "b/1"], "text": ["عنوان\\nتابعونا"] * 3})
    >>> counts = count_lines(docs)
    >>> sorted(counts.docs.tolist()), counts.outlet_names, counts.outlet_docs
    ([1, 1, 2, 2], ('a', 'b'), (2, 1))
    >>> counts.headline_docs.tolist()
    [3]
    """
    names = outlets(documents, outlet_column)
    title_col = headline_column(documents)
    titles = documents[title_col].tolist() if title_col else [None] * len(documents)
    per_doc: list[np.ndarray] = []
    heads: list[int] = []
    for outlet, text, title in zip(names, documents[text_column].tolist(), titles, strict=True):
        text = "" if not isinstance(text, str) else text
        keys = line_keys(text)
        unique = {_hash(outlet, k) for k in keys if k}
        per_doc.append(np.fromiter(unique, dtype=np.uint64, count=len(unique)))
        head = own_headline(title, text.split("\n"))
        if head:
            heads.append(_hash("", head))
    keys, docs = _counted(per_doc)
    headlines, headline_docs = _counted([np.array(heads, dtype=np.uint64)])
    found = pd.Series(names).value_counts().sort_index()
    return LineCounts(
        keys, docs, headlines, headline_docs,
        tuple(str(n) for n in found.index), tuple(int(n) for n in found.to_numpy()),
    )  # fmt: skip


def merge_counts(parts: Iterable[LineCounts]) -> LineCounts:
    """The counts of several chunks as one (the same whatever their order).

    >>> a = pd.DataFrame({"doc_id": ["1", "2"], "text": ["x\\ny", "x"]})
    >>> b = pd.DataFrame({"doc_id": ["3"], "text": ["x"]})
    >>> merge_counts([count_lines(a), count_lines(b)]) == merge_counts([count_lines(b), count_lines(a)])
    True
    """
    parts = list(parts)
    keys, docs = _counted((p.keys for p in parts), (p.docs for p in parts))
    heads, head_docs = _counted((p.headlines for p in parts), (p.headline_docs for p in parts))
    outlet: dict[str, int] = {}
    for p in parts:
        for name, n in zip(p.outlet_names, p.outlet_docs, strict=True):
            outlet[name] = outlet.get(name, 0) + n
    names = tuple(sorted(outlet))
    return LineCounts(keys, docs, heads, head_docs, names, tuple(outlet[n] for n in names))


@dataclass(frozen=True, eq=False)
class CorpusEvidence:
    """What the labeller asks of the counts, with the thresholds of the rules (module docstring).

    Picklable and compact: only the line keys that can pass ``min_docs`` are
    kept. Build it with :meth:`from_counts`.
    """

    counts: LineCounts
    min_docs: int = 3
    min_share: float = 0.05
    body_min_docs: int = 5
    body_min_share: float = 0.3
    min_headline_words: int = 4
    outlet_column: str | None = None

    @classmethod
    def from_counts(cls, counts: LineCounts, **thresholds) -> CorpusEvidence:
        least = min(
            thresholds.get("min_docs", cls.min_docs), thresholds.get("body_min_docs", cls.body_min_docs)
        )
        return cls(counts.compact(least), **thresholds)

    @cached_property
    def _lines(self) -> dict[int, int]:
        return dict(zip(self.counts.keys.tolist(), self.counts.docs.tolist(), strict=True))

    @cached_property
    def _heads(self) -> dict[int, int]:
        return dict(zip(self.counts.headlines.tolist(), self.counts.headline_docs.tolist(), strict=True))

    @cached_property
    def _outlets(self) -> dict[str, int]:
        return dict(zip(self.counts.outlet_names, self.counts.outlet_docs, strict=True))

    def threshold(self, outlet: str, *, body: bool = False) -> float:
        """Fewest documents of ``outlet`` a line must be in to be its template."""
        if body:
            return max(self.body_min_docs, self.body_min_share * self._outlets.get(outlet, 0))
        return max(self.min_docs, self.min_share * self._outlets.get(outlet, 0))

    def recurring(self, outlet: str, key: str, *, body: bool = False) -> int:
        """Documents of ``outlet`` holding the line of this key, if at least the threshold; else 0."""
        if not key:
            return 0
        n = self._lines.get(_hash(outlet, key), 0)
        return n if n >= self.threshold(outlet, body=body) else 0

    def documents(self, outlet: str, key: str) -> int:
        """Documents of ``outlet`` holding the line of this key if at least ``min_docs``, else 0."""
        return self._lines.get(_hash(outlet, key), 0) if key else 0

    def headline_documents(self, key: str) -> int:
        """Documents whose headline key (:func:`headline_key`) is ``key``."""
        return self._heads.get(_hash("", key), 0) if key else 0

    def __getstate__(self) -> dict:
        # The lookup dicts are rebuilt where they are used; only the arrays travel.
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
