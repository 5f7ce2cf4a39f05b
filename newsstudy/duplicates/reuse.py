"""Text reuse: passages two documents share, the share of each document reused, copied lines.

Anchors (``min_words``-word grams shared by two documents) seed exact blocks,
which are chained across small edits into passages and reported line by line
with raw character offsets. The same per-pair steps serve the in-memory
:func:`reuse_passages` and :meth:`newsstudy.duplicates.index.OutOfCoreIndex.reuse_passages`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newsstudy.dates import parse_dates
from newsstudy.duplicates.documents import KEPT_LABELS, _kept_docs, document_words
from newsstudy.duplicates.hashing import (
    _DELETE,
    _MULTI,
    _SPACE,
    _TABLES,
    _codepoints,
    _hash_words,
    _word_bounds,
    shingle_hashes,
    word_hashes,
)
from newsstudy.normalize import for_matching_with_offsets

__all__ = ["copied_lines", "reuse_passages", "reused_share"]


@dataclass
class _DocWords:
    hashes: np.ndarray  # word hashes (uint64)
    line: np.ndarray  # raw line number of each word
    raw_start: np.ndarray  # raw char offsets of each word in its line
    raw_end: np.ndarray
    raw_lines: dict[int, str]


def _doc_words_with_offsets(line_nos: np.ndarray, raw: list[str]) -> _DocWords:
    """The matching-normalised words of a document's kept lines, with raw line offsets.

    One pass of array operations over the raw lines joined by newlines; a
    document with a ligature (a character whose image has several characters)
    goes line by line through :func:`~newsstudy.normalize.for_matching_with_offsets`
    (:func:`_doc_words_by_line`, which this equals).
    """
    found = _doc_words_vectorised(line_nos, raw)
    return found if found is not None else _doc_words_by_line(line_nos, raw)


def _doc_words_vectorised(line_nos: np.ndarray, raw: list[str]) -> _DocWords | None:
    if not raw:
        return None
    cps = _codepoints("\n".join(raw))
    _TABLES.ensure(cps)
    img = _TABLES.image[cps]
    if (img == _MULTI).any():
        return None
    # Kept characters are those for_matching neither deletes nor turns into whitespace. A kept
    # character's span runs to the next raw character that is not deleted, so that marks deleted
    # right after it stay in its word (as OffsetMap.ends has it).
    kept = np.flatnonzero(img >= 0)
    not_deleted = np.flatnonzero(img != _DELETE)
    kept_end = np.append(not_deleted, len(cps))[np.searchsorted(not_deleted, kept, side="right")]
    codes = img[kept]
    word = _TABLES.is_word[codes]
    # Two kept characters are apart (a space between them in the normalised text) when raw
    # whitespace (the joining newlines included) lies between them.
    spaces = np.cumsum(img == _SPACE)
    apart = spaces[kept[1:]] != spaces[kept[:-1]]
    first = word & np.concatenate(([True], apart | ~word[:-1]))
    last = word & np.concatenate((apart | ~word[1:], [True]))
    starts, ends = np.flatnonzero(first), np.flatnonzero(last) + 1
    line_starts = np.cumsum([0] + [len(t) + 1 for t in raw[:-1]], dtype=np.int64)
    which = np.searchsorted(line_starts, kept[starts], side="right") - 1
    return _DocWords(
        _hash_words(codes.astype(np.uint32), starts, ends),
        np.asarray(line_nos, dtype=np.int64)[which],
        kept[starts] - line_starts[which],
        kept_end[ends - 1] - line_starts[which],
        dict(zip(np.asarray(line_nos).tolist(), raw, strict=True)),
    )


def _doc_words_by_line(line_nos: np.ndarray, raw: list[str]) -> _DocWords:
    from itertools import chain

    maps = [for_matching_with_offsets(text) for text in raw]
    if not maps:
        empty = np.zeros(0, dtype=np.int64)
        return _DocWords(np.zeros(0, dtype=np.uint64), empty, empty, empty, {})
    # All lines at once: their normalised texts joined by newlines (never part of a word), with
    # the raw offsets of each normalised character beside them (-1 for the newlines).
    joined = "\n".join(m.text for m in maps)
    cps = _codepoints(joined)
    starts, ends = _word_bounds(cps)
    raw_starts = np.fromiter(
        chain.from_iterable((*m.starts, -1) for m in maps), dtype=np.int64, count=len(cps) + 1
    )
    raw_ends = np.fromiter(
        chain.from_iterable((*m.ends, -1) for m in maps), dtype=np.int64, count=len(cps) + 1
    )
    line_starts = np.cumsum([0] + [len(m.text) + 1 for m in maps[:-1]], dtype=np.int64)
    which = np.searchsorted(line_starts, starts, side="right") - 1
    return _DocWords(
        _hash_words(cps, starts, ends),
        np.asarray(line_nos, dtype=np.int64)[which] if len(starts) else np.zeros(0, dtype=np.int64),
        raw_starts[starts],
        raw_ends[ends - 1] if len(ends) else np.zeros(0, dtype=np.int64),
        dict(zip(np.asarray(line_nos).tolist(), raw, strict=True)),
    )


def _anchor_grams(allh: np.ndarray, counts: np.ndarray, anchor: int) -> tuple[np.ndarray, ...]:
    """``anchor``-word grams of each document's words: (gram hash, document index, word position)."""
    counts = np.asarray(counts, dtype=np.int64)
    n_gram = np.maximum(counts - anchor + 1, 0)
    grams, _ = shingle_hashes(allh, counts, shingle_size=anchor)
    # shingle_hashes gives short documents one short shingle: drop those.
    keep = np.repeat(counts >= anchor, np.where(counts >= anchor, n_gram, (counts > 0).astype(np.int64)))
    grams = grams[keep]
    doc = np.repeat(np.arange(len(counts)), n_gram)
    pos = np.arange(len(doc)) - np.repeat(np.cumsum(n_gram) - n_gram, n_gram)
    return grams, doc, pos


def _gram_pairs(
    grams: np.ndarray, doc: np.ndarray, pos: np.ndarray, *, max_anchor_docs: int,
    max_anchor_occurrences: int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Every pair of occurrences of a shared, non-boilerplate gram in two documents: ``(da, db, pa, pb)``.

    All occurrences of a gram must be in the input (the boilerplate rule counts them); ``da < db``.
    """
    order = np.lexsort((pos, doc, grams))
    g, d, p = grams[order], doc[order], pos[order]
    n = len(g)
    empty = np.zeros(0, dtype=np.int64)
    if n < 2:
        return empty, empty, empty, empty
    new = np.concatenate(([True], g[1:] != g[:-1]))
    gid = np.cumsum(new) - 1
    gstart = np.flatnonzero(new)
    gsize = np.diff(np.concatenate((gstart, [n])))
    # Number of distinct documents per gram: boilerplate shared by very many is no evidence of reuse.
    dnew = new | np.concatenate(([True], d[1:] != d[:-1]))
    ndocs = np.bincount(gid, weights=dnew.astype(np.float64)).astype(np.int64)
    # A gram repeated very often (within or across documents) is boilerplate too, and pairing all its
    # occurrences would cost the square of its count.
    most = 2 * max_anchor_docs if max_anchor_occurrences is None else max_anchor_occurrences
    ok = (ndocs >= 2) & (ndocs <= max_anchor_docs) & (gsize <= most)
    sel = np.flatnonzero(ok[gid])
    remaining = (gsize[gid] - (np.arange(n) - gstart[gid]) - 1)[sel]
    left_all: list[np.ndarray] = []
    right_all: list[np.ndarray] = []
    active = np.flatnonzero(remaining > 0)
    dd = 1
    while len(active):
        li, ri = sel[active], sel[active] + dd
        diff = d[li] != d[ri]
        left_all.append(li[diff])
        right_all.append(ri[diff])
        dd += 1
        active = active[remaining[active] >= dd]
    if not left_all:
        return empty, empty, empty, empty
    li = np.concatenate(left_all)
    ri = np.concatenate(right_all)
    # Within a gram, rows are sorted by doc, so d[li] < d[ri].
    return d[li], d[ri], p[li], p[ri]


def _pair_groups(da: np.ndarray, db: np.ndarray, pa: np.ndarray, pb: np.ndarray):
    """Yield ``(i, j, matches)`` per document pair in (i, j) order; matches by diagonal, then position."""
    order = np.lexsort((pa, pb - pa, db, da))
    da, db, pa, pb = da[order], db[order], pa[order], pb[order]
    if len(da) == 0:
        return
    pair_new = np.concatenate(([True], (da[1:] != da[:-1]) | (db[1:] != db[:-1])))
    bounds = np.concatenate((np.flatnonzero(pair_new), [len(da)]))
    for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        yield int(da[s]), int(db[s]), np.stack((pa[s:e], pb[s:e]), axis=1)


def _anchor_matches(
    hashes: list[np.ndarray], *, anchor: int, max_anchor_docs: int, max_anchor_occurrences: int | None = None
) -> dict[tuple[int, int], np.ndarray]:
    """Positions of shared ``anchor``-word grams for every pair of documents sharing one.

    Returns ``{(i, j): array of (pos_i, pos_j)}`` with ``i < j``.
    """
    counts = np.array([len(h) for h in hashes], dtype=np.int64)
    allh = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    grams, doc, pos = _anchor_grams(allh, counts, anchor)
    found = _gram_pairs(
        grams, doc, pos, max_anchor_docs=max_anchor_docs, max_anchor_occurrences=max_anchor_occurrences
    )
    return {(i, j): m for i, j, m in _pair_groups(*found)}


def _blocks(matches: np.ndarray, anchor: int) -> list[list[int]]:
    """Maximal exact runs ``[start_a, start_b, length]`` from anchor positions (sorted by diagonal, pos)."""
    pa, pb = matches[:, 0], matches[:, 1]
    brk = np.concatenate(([True], ((pb - pa)[1:] != (pb - pa)[:-1]) | (pa[1:] != pa[:-1] + 1)))
    starts = np.flatnonzero(brk)
    ends = np.concatenate((starts[1:], [len(pa)])) - 1
    return [[int(pa[s]), int(pb[s]), int(pa[e] - pa[s]) + anchor] for s, e in zip(starts, ends, strict=True)]


def _match_len(ha: np.ndarray, hb: np.ndarray, i: int, j: int, step: int) -> int:
    n = 0
    while 0 <= i < len(ha) and 0 <= j < len(hb) and ha[i] == hb[j]:
        n += 1
        i += step
        j += step
    return n


def _chain(blocks: list[list[int]], ha: np.ndarray, hb: np.ndarray, *, max_gap: int, min_bridge: int):
    """Chain exact blocks into passages across gaps of at most ``max_gap`` words in each document.

    Each passage is a list of exact blocks ``[sa, sb, n]`` in order. Each
    passage is also extended at both ends over small edits followed by at
    least ``min_bridge`` matching words, which also bridges runs too short to
    hold an anchor between two edits.
    """
    passages: list[list[list[int]]] = []
    for sa, sb, n in sorted(blocks, key=lambda x: (x[0], -x[2])):
        if passages:
            p = passages[-1]
            last = p[-1]
            end_a, end_b = last[0] + last[2], last[1] + last[2]
            if sa < end_a:  # overlaps what the passage already covers in a
                cut = end_a - sa
                if cut >= n:
                    continue
                if sb - sa == last[1] - last[0]:
                    last[2] = sa + n - last[0]
                    _extend_forward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
                    continue
                sa, sb, n = sa + cut, sb + cut, n - cut
            if 0 <= sa - end_a <= max_gap and 0 <= sb - end_b <= max_gap:
                p.append([sa, sb, n])
                _extend_forward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
                continue
        p = [[sa, sb, n]]
        _extend_backward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
        _extend_forward(p, ha, hb, max_gap=max_gap, min_bridge=min_bridge)
        if passages:
            last = passages[-1][-1]
            ga, gb = p[0][0] - (last[0] + last[2]), p[0][1] - (last[1] + last[2])
            if 0 <= ga <= max_gap and 0 <= gb <= max_gap:
                passages[-1].extend(p)
                continue
        passages.append(p)
    return passages


def _best_bridge(ha, hb, ea: int, eb: int, step: int, max_gap: int, min_bridge: int):
    best = None
    for ga in range(max_gap + 1):
        for gb in range(max_gap + 1):
            if ga == gb == 0:
                continue
            m = _match_len(ha, hb, ea + step * ga, eb + step * gb, step)
            if m >= min_bridge and (best is None or m > best[2]):
                best = (ea + step * ga, eb + step * gb, m)
    return best


def _extend_forward(p: list[list[int]], ha, hb, *, max_gap: int, min_bridge: int) -> None:
    while True:
        last = p[-1]
        best = _best_bridge(ha, hb, last[0] + last[2], last[1] + last[2], 1, max_gap, min_bridge)
        if best is None:
            return
        p.append(list(best))


def _extend_backward(p: list[list[int]], ha, hb, *, max_gap: int, min_bridge: int) -> None:
    while True:
        first = p[0]
        best = _best_bridge(ha, hb, first[0] - 1, first[1] - 1, -1, max_gap, min_bridge)
        if best is None:
            return
        ea, eb, m = best
        p.insert(0, [ea - m + 1, eb - m + 1, m])


def _segments(p: list[list[int]], wa: _DocWords, wb: _DocWords):
    """Split a passage into one piece per (line_a, line_b): yields (ta0, ta1, tb0, tb1)."""
    pieces: list[list[int]] = []
    for sa, sb, n in p:
        k = 0
        while k < n:
            la, lb = wa.line[sa + k], wb.line[sb + k]
            m = k
            while m < n and wa.line[sa + m] == la and wb.line[sb + m] == lb:
                m += 1
            if pieces and wa.line[pieces[-1][1] - 1] == la and wb.line[pieces[-1][3] - 1] == lb:
                pieces[-1][1], pieces[-1][3] = sa + m, sb + m
            else:
                pieces.append([sa + k, sa + m, sb + k, sb + m])
            k = m
    return pieces


_PASSAGE_COLUMNS = [
    "doc_a", "line_a", "start_a", "end_a", "doc_b", "line_b", "start_b", "end_b", "n_words", "text",
    "passage", "passage_words", "share_a", "share_b", "word_a", "word_b", "n_words_b", "source_doc",
]  # fmt: skip


def _document_dates(documents: pd.DataFrame | None) -> dict[str, pd.Timestamp]:
    if documents is None or "date" not in documents.columns:
        return {}
    parsed = parse_dates(documents["date"].reset_index(drop=True))
    ids = documents["doc_id"].astype(str).to_numpy()
    return {doc: ts for doc, ts in zip(ids, parsed, strict=True) if not pd.isna(ts)}


def _source(a: str, b: str, dates: dict[str, pd.Timestamp]) -> str:
    da, db = dates.get(a), dates.get(b)
    if da is None or db is None or da == db:
        return "unknown"
    return a if da < db else b


#: Grams shared by more documents than this are boilerplate, not evidence of reuse (:func:`reuse_passages`).
MAX_ANCHOR_DOCS = 50


def reuse_passages(
    lines: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    min_words: int = 12,
    max_gap: int = 2,
    min_bridge: int = 3,
    max_anchor_docs: int = MAX_ANCHOR_DOCS,
) -> pd.DataFrame:
    """Passages of at least ``min_words`` normalised words shared by two documents.

    Candidate pairs and seeds are the ``min_words``-word grams two documents
    share (exact after normalisation); grams shared by more than
    ``max_anchor_docs`` documents, or occurring more than twice that many
    times in all, are boilerplate, not reuse, and are not seeds. Seeds on
    one diagonal make exact blocks; blocks are chained across
    gaps of at most ``max_gap`` differing words in each document (a changed,
    inserted or deleted word), and passages are extended at both ends over
    such gaps when at least ``min_bridge`` matching words follow.

    Row convention: a passage that runs over several lines is reported as one
    row per (line_a, line_b) segment, in passage order; ``passage`` numbers
    the passage and ``passage_words`` is its length in words of document a.
    ``start``/``end`` are raw character offsets (half-open) in the raw line,
    covering the segment's first to last word; ``n_words`` counts the
    segment's words in document a (``n_words_b`` in b); ``word_a``/``word_b``
    index the segment's first word in each document's word sequence.
    ``share_a``/``share_b`` are the passage's share of each document's words.
    ``text`` is document a's raw text of the segment. ``source_doc`` is the
    earlier document when ``documents`` has dates for both and they differ,
    else ``"unknown"``.

    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة منذ أيام في الدوحة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1], "label": ["content"] * 3,
    ...     "text": ["خبر أول", body, "وقالت الصحيفة: " + body.replace("كبير", "بارز")]})
    >>> r = reuse_passages(lines)
    >>> r[["doc_a", "line_a", "start_a", "end_a", "line_b", "start_b", "n_words"]].values.tolist()
    [['a', 2, 0, 88, 1, 15, 17]]
    """
    docs = _kept_docs(lines)
    dates = _document_dates(documents)
    norm_hashes = [word_hashes(n)[0] for n in docs.norm]
    matches = _anchor_matches(norm_hashes, anchor=min_words, max_anchor_docs=max_anchor_docs)
    cache_words: dict[int, _DocWords] = {}

    def words(i: int) -> _DocWords:
        if i not in cache_words:
            cache_words[i] = _doc_words_with_offsets(docs.lines[i], docs.raw[i])
        return cache_words[i]

    rows: list[tuple] = []
    pid = 0
    for (i, j), m in sorted(matches.items()):
        pid = _pair_passages(
            rows, m, words(i), words(j), docs.ids[i], docs.ids[j], pid,
            lambda i=i, j=j: _source(docs.ids[i], docs.ids[j], dates),
            min_words=min_words, max_gap=max_gap, min_bridge=min_bridge,
        )  # fmt: skip
    return _passage_frame(rows)


def _pair_passages(
    rows: list[tuple], m: np.ndarray, wa: _DocWords, wb: _DocWords, id_a: str, id_b: str, pid: int,
    source: Callable[[], str], *, min_words: int, max_gap: int, min_bridge: int,
) -> int:  # fmt: skip
    """Append the passage rows of one document pair (anchor matches ``m``); return the next passage id."""
    na, nb = len(wa.hashes), len(wb.hashes)
    src = None
    for p in _chain(_blocks(m, min_words), wa.hashes, wb.hashes, max_gap=max_gap, min_bridge=min_bridge):
        total_a = p[-1][0] + p[-1][2] - p[0][0]
        total_b = p[-1][1] + p[-1][2] - p[0][1]
        if min(total_a, total_b) < min_words:
            continue
        if src is None:
            src = source()
        for ta0, ta1, tb0, tb1 in _segments(p, wa, wb):
            la, lb = int(wa.line[ta0]), int(wb.line[tb0])
            s_a, e_a = int(wa.raw_start[ta0]), int(wa.raw_end[ta1 - 1])
            s_b, e_b = int(wb.raw_start[tb0]), int(wb.raw_end[tb1 - 1])
            rows.append((
                id_a, la, s_a, e_a, id_b, lb, s_b, e_b, ta1 - ta0,
                wa.raw_lines[la][s_a:e_a], pid, total_a, total_a / na, total_b / nb,
                ta0, tb0, tb1 - tb0, src,
            ))  # fmt: skip
        pid += 1
    return pid


def _passage_frame(rows: list[tuple]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=_PASSAGE_COLUMNS)
    ints = ["line_a", "start_a", "end_a", "line_b", "start_b", "end_b", "n_words", "passage",
            "passage_words", "word_a", "word_b", "n_words_b"]  # fmt: skip
    out = out.astype({c: "int64" for c in ints} | {"share_a": "float64", "share_b": "float64"})
    return out.astype({c: "str" for c in ("doc_a", "doc_b", "text", "source_doc")})


def reused_share(lines: pd.DataFrame, passages: pd.DataFrame | None = None, **options) -> pd.DataFrame:
    """Share of each document's words that lie in a passage shared with another document.

    Parameters
    ----------
    lines : pandas.DataFrame
        The ``lines`` table.
    passages : pandas.DataFrame, optional
        Output of :func:`reuse_passages` (computed with ``options`` when absent).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``n_words``, ``reused_words`` (words covered by at least one
        passage, counted once), ``reused_share`` (0.0 for an empty document).

    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "b"], "line": [1, 1], "label": ["content"] * 2,
    ...     "text": [body, body + " وفق ما نقلته صحيفة محلية اليوم"]})
    >>> reused_share(lines).round(3).values.tolist()
    [['a', 13, 13, 1.0], ['b', 19, 13, 0.684]]
    """
    dw = document_words(lines)
    if passages is None:
        passages = reuse_passages(lines, **options)
    covered: dict[str, set[int]] = {}
    if len(passages):
        for a, wa, ea, b, wb, eb in _passage_extents(passages).itertuples(index=False):
            covered.setdefault(str(a), set()).update(range(int(wa), int(ea)))
            covered.setdefault(str(b), set()).update(range(int(wb), int(eb)))
    reused = np.array([len(covered.get(d, ())) for d in dw["doc_id"]], dtype=np.int64)
    n = dw["n_words"].to_numpy()
    share = np.divide(reused, n, out=np.zeros(len(n), dtype=np.float64), where=n > 0)
    return pd.DataFrame({"doc_id": dw["doc_id"], "n_words": n, "reused_words": reused, "reused_share": share})


def copied_lines(
    lines: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    passages: pd.DataFrame | None = None,
    min_share: float = 0.5,
    **options,
) -> pd.DataFrame:
    """Lines that copy a line of another document, for counting each report once.

    A line of the *copy* document is a copy when reuse passages shared with
    another document cover at least ``min_share`` of its words; ``copy_of_line``
    is the other document's line it overlaps most. Which document is the copy:
    the later one when ``documents`` dates both, else the second in doc_id
    order (so the first in a corpus is treated as the original).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``line``, ``copy_of_doc``, ``copy_of_line``, ``n_words``
        (copied words in the line), sorted by doc_id, line. A line copied from
        several documents names the earliest (then first in doc_id order).

    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "b", "b"], "line": [1, 1, 2], "label": ["content"] * 3,
    ...     "text": [body, "عنوان آخر", body]})
    >>> copied_lines(lines).values.tolist()
    [['b', 2, 'a', 1, 13]]
    """
    if passages is None:
        passages = reuse_passages(lines, documents, **options)
    dates = _document_dates(documents)
    words_per_line = _words_per_line(lines)
    best: dict[tuple[str, int], dict[tuple[str, int], int]] = {}
    for r in passages.itertuples(index=False):
        a, b = str(r.doc_a), str(r.doc_b)
        src = _source(a, b, dates)
        if src == "unknown":
            src = a  # doc_a < doc_b: the first in doc_id order is taken as the original
        if src == a:
            key, val, n = (b, int(r.line_b)), (a, int(r.line_a)), int(r.n_words_b)
        else:
            key, val, n = (a, int(r.line_a)), (b, int(r.line_b)), int(r.n_words)
        best.setdefault(key, {})
        best[key][val] = best[key].get(val, 0) + n
    rows = []
    for (doc, line), sources in best.items():
        total = words_per_line.get((doc, line), 0)
        # Order: most words copied, then earliest source, then doc_id, line.
        (sdoc, sline), n = min(
            sources.items(),
            key=lambda kv: (-kv[1], dates.get(kv[0][0], pd.Timestamp.max.tz_localize("UTC")), kv[0]),
        )
        copied = sum(sources.values())
        if total and min(copied, total) / total >= min_share:
            rows.append((doc, line, sdoc, sline, min(copied, total)))
    out = _copies_frame(
        pd.DataFrame(rows, columns=["doc_id", "line", "copy_of_doc", "copy_of_line", "n_words"])
    )
    return out.sort_values(["doc_id", "line"], kind="stable").reset_index(drop=True)


def _passage_extents(passages: pd.DataFrame) -> pd.DataFrame:
    """Per passage (in passage order), its words in each document: ``doc_a``, ``wa``, ``ea``, ``doc_b``,
    ``wb``, ``eb`` (word ranges ``[wa, ea)`` and ``[wb, eb)``), for :func:`reused_share`.

    A passage covers its whole span in each document, the edited words inside it included.
    """
    return passages.assign(
        end_wa=passages["word_a"] + passages["n_words"], end_wb=passages["word_b"] + passages["n_words_b"]
    ).groupby("passage", sort=True).agg(
        doc_a=("doc_a", "first"), wa=("word_a", "min"), ea=("end_wa", "max"),
        doc_b=("doc_b", "first"), wb=("word_b", "min"), eb=("end_wb", "max"),
    )  # fmt: skip


def _copies_frame(out: pd.DataFrame) -> pd.DataFrame:
    return out.astype({"doc_id": "str", "line": "int64", "copy_of_doc": "str", "copy_of_line": "int64",
                       "n_words": "int64"})  # fmt: skip


def _words_per_line(lines: pd.DataFrame) -> dict[tuple[str, int], int]:
    kept = lines[lines["label"].isin(KEPT_LABELS)]
    # word_hashes counts the words of for_matching(text) for all lines at once.
    _, counts = word_hashes([str(t) for t in kept["text"]])
    return {
        (str(d), int(n)): int(c)
        for d, n, c in zip(kept["doc_id"], kept["line"], counts.tolist(), strict=True)
    }
