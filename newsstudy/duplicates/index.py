"""Out-of-core storage of the cross-document stages: per-chunk features and an index spilled to disk.

:func:`chunk_features` computes, where a chunk of documents is, what the
duplicates and reuse stages need of it; an :class:`OutOfCoreIndex` collects the
chunks, keeps the bulky parts (kept lines, anchors) in files, and gives the
same tables as the in-memory functions of :mod:`~newsstudy.duplicates.documents`
and :mod:`~newsstudy.duplicates.reuse`, running their per-pair logic.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newsstudy.duplicates.documents import _kept_docs, _pair_frame, _pair_table
from newsstudy.duplicates.hashing import _U64, _word_strings, shingle_hashes, stable_hash, word_hashes
from newsstudy.duplicates.minhash import _signatures_from_shingles
from newsstudy.duplicates.reuse import (
    MAX_ANCHOR_DOCS,
    _anchor_grams,
    _copies_frame,
    _doc_words_with_offsets,
    _document_dates,
    _DocWords,
    _gram_pairs,
    _pair_groups,
    _pair_passages,
    _passage_extents,
    _passage_frame,
    _source,
)
from newsstudy.normalize import for_matching

__all__ = ["ChunkFeatures", "OutOfCoreIndex", "chunk_features"]


@dataclass
class ChunkFeatures:
    """What the cross-document stages need from one chunk of documents, computed where the chunk is.

    Made by :func:`chunk_features` (in a worker process) and added to an
    :class:`OutOfCoreIndex`, which spills the bulky parts to disk.
    """

    ids: np.ndarray  # doc_id (object array of str), sorted
    records: list[bytes]  # per document: pickled (kept line numbers, raw kept lines)
    n_words: np.ndarray  # words per document, as document_words counts them
    doc_hash: np.ndarray  # uint64 stable_hash of the document's words joined by spaces
    has_words: np.ndarray  # bool: the document has a word (exact duplicates need one)
    signatures: np.ndarray  # (n, num_perm) uint32 MinHash
    line_doc: np.ndarray  # document (index into ids) of each kept line
    line_no: np.ndarray  # line number of each kept line
    line_words: np.ndarray  # words of each kept line, as copied_lines counts them
    anchor_hash: np.ndarray  # uint64 hash of each min_words-gram
    anchor_doc: np.ndarray  # its document (index into ids)
    anchor_pos: np.ndarray  # its first word in the document


def chunk_features(
    lines: pd.DataFrame, *, min_words: int = 12, num_perm: int = 128, shingle_size: int = 5, seed: int = 1
) -> ChunkFeatures:
    """The per-document inputs of the duplicates and reuse stages for one chunk of ``lines``.

    Every document of the chunk must be in it whole (its kept lines, or at
    least its line 1, as :func:`newsstudy.engines.kept_lines` keeps them).
    Hashes and signatures are those the in-memory functions compute.

    Parameters
    ----------
    lines : pandas.DataFrame
        ``doc_id``, ``line``, ``label``, ``text`` of the chunk's documents.
    min_words : int
        Anchor length of :func:`reuse_passages`.
    num_perm, shingle_size, seed : int
        MinHash parameters of :func:`duplicate_pairs`.

    Returns
    -------
    ChunkFeatures

    >>> lines = pd.DataFrame({"doc_id": ["b", "a"], "line": [1, 1], "label": ["content"] * 2,
    ...     "text": ["قال مسؤول", "نص"]})
    >>> f = chunk_features(lines)
    >>> f.ids.tolist(), f.n_words.tolist(), f.signatures.shape
    (['a', 'b'], [1, 2], (2, 128))
    """
    import pickle

    docs = _kept_docs(lines)
    texts = docs.joined()
    per_line = [len(r) for r in docs.raw]
    flat_norm = [t for norm in docs.norm for t in norm]
    line_doc = np.repeat(np.arange(len(docs.ids), dtype=np.int64), per_line)
    # Hashed once, line by line: no word crosses a line, so a document's words are its lines'
    # words in order (the hashes of word_hashes(texts)), and normalising is idempotent, so a
    # normalised line has the raw line's words.
    h, norm_counts = word_hashes(flat_norm)
    n = np.bincount(line_doc, weights=norm_counts, minlength=len(docs.ids)).astype(np.int64)
    sh, counts = shingle_hashes(h, n, shingle_size=shingle_size)
    n_words, words = _word_strings(texts)
    grams, gdoc, gpos = _anchor_grams(h, n, min_words)
    return ChunkFeatures(
        ids=docs.ids,
        records=[pickle.dumps((no, raw), protocol=5) for no, raw in zip(docs.lines, docs.raw, strict=True)],
        n_words=n_words,
        doc_hash=np.array([stable_hash(w) for w in words], dtype=np.uint64),
        has_words=n > 0,
        signatures=_signatures_from_shingles(sh, counts, num_perm=num_perm, seed=seed),
        line_doc=line_doc,
        line_no=np.concatenate(docs.lines) if docs.lines else np.zeros(0, dtype=np.int64),
        line_words=norm_counts,
        anchor_hash=grams,
        anchor_doc=gdoc.astype(np.int32),
        anchor_pos=gpos.astype(np.int32),
    )


_ANCHOR_DTYPE = np.dtype([("gram", "<u8"), ("doc", "<i4"), ("pos", "<i4")])
_MATCH_DTYPE = np.dtype([("da", "<i4"), ("db", "<i4"), ("pa", "<i4"), ("pb", "<i4")])


class OutOfCoreIndex:
    """The cross-document state of a corpus, with its bulky parts on disk (kept lines, anchors).

    Chunks of :class:`ChunkFeatures` are added in any order; the index then
    gives the same tables as the in-memory :func:`duplicate_pairs`,
    :func:`reuse_passages`, :func:`reused_share` and :func:`copied_lines`
    on the whole corpus, with memory that does not grow with the texts:

    - kept lines go to one file of pickled per-document records (read back
      only for documents that pair);
    - anchors go to ``partitions`` files by their hash; each partition holds
      every occurrence of its grams, so the boilerplate rule
      (``max_anchor_docs``) is decided there exactly, and the matching anchor
      positions of each document pair go to ``partitions`` files by ranges of
      the first document;
    - in memory stay per document: the id, MinHash signature, word counts and
      a date; per kept line: its number and word count.

    Parameters
    ----------
    directory : str or Path
        A folder for the temporary files (created; removed by :meth:`close`).
    partitions : int
        Number of anchor (and pair) partitions; each holds about
        1/``partitions`` of the anchors (16 bytes per word of the corpus).
    cache_docs : int
        Documents whose words and offsets are kept between pairs.
    frame_rows : int
        Passage rows gathered before :meth:`reuse_passages` yields them as a frame (its memory).

    Examples
    --------
    >>> import tempfile
    >>> body = "قال مسؤول أميركي كبير إن المحادثات بشأن وقف إطلاق النار في غزة مستمرة"
    >>> lines = pd.DataFrame({"doc_id": ["a", "b"], "line": [1, 1], "label": ["content"] * 2,
    ...     "text": [body, body + " اليوم"]})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     index = OutOfCoreIndex(tmp + "/index")
    ...     index.add(chunk_features(lines))
    ...     passages = pd.concat(index.reuse_passages())
    ...     index.close()
    >>> passages[["doc_a", "doc_b", "n_words"]].values.tolist()
    [['a', 'b', 13]]
    """

    def __init__(
        self, directory, *, partitions: int = 64, cache_docs: int = 8192, frame_rows: int = 100_000
    ) -> None:
        from pathlib import Path

        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=False)
        self.partitions = int(partitions)
        self.cache_docs = cache_docs
        self.frame_rows = int(frame_rows)
        self._records = open(self.directory / "kept.bin", "wb")  # open until close()
        self._record_end = 0
        self._ids: list[np.ndarray] = []
        self._offsets: list[np.ndarray] = []
        names = ("n_words", "doc_hash", "has_words", "signatures", "line_doc", "line_no", "line_words")
        self._parts: dict[str, list[np.ndarray]] = {k: [] for k in names}
        self._dates: dict[str, pd.Timestamp] | None = None
        self.n_docs = 0
        self._final: dict | None = None
        self._reader = None
        self._cache: dict[int, _DocWords] = {}
        self._given_matches = False  # add_matches was called: the anchor matches are given, not computed

    # ----------------------------------------------------------------- adding
    def add(self, features: ChunkFeatures) -> None:
        """Add one chunk's features (documents not seen before)."""
        if self._final is not None:
            raise RuntimeError("the index is finished: no more chunks")
        base = self.n_docs
        lengths = np.fromiter((len(r) for r in features.records), dtype=np.int64, count=len(features.records))
        self._records.write(b"".join(features.records))
        self._offsets.append(self._record_end + np.concatenate(([0], np.cumsum(lengths))))
        self._record_end += int(lengths.sum())
        self._ids.append(np.asarray(features.ids, dtype=object))
        for k in self._parts:
            value = getattr(features, k)
            self._parts[k].append(value + base if k == "line_doc" else value)
        rows = np.empty(len(features.anchor_hash), dtype=_ANCHOR_DTYPE)
        rows["gram"] = features.anchor_hash
        rows["doc"] = features.anchor_doc + base
        rows["pos"] = features.anchor_pos
        self._spill(rows, (features.anchor_hash >> _U64(58 - 6)) % _U64(self.partitions), "anchors")
        self.n_docs += len(features.ids)

    def _spill(self, rows: np.ndarray, part: np.ndarray, name: str) -> None:
        """Append ``rows`` to the files of their partitions."""
        if not len(rows):
            return
        order = np.argsort(part, kind="stable")
        part = part[order]
        cuts = np.flatnonzero(np.concatenate(([True], part[1:] != part[:-1]))).tolist()
        for lo, hi in zip(cuts, [*cuts[1:], len(part)], strict=True):
            with open(self.directory / f"{name}-{int(part[lo]):04d}.bin", "ab") as fh:
                fh.write(rows[order[lo:hi]].tobytes())

    # ----------------------------------------------------------------- finishing
    def _finish(self) -> dict:
        if self._final is not None:
            return self._final
        self._records.close()
        ids = np.concatenate(self._ids) if self._ids else np.zeros(0, dtype=object)
        order = np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)
        if len(set(ids.tolist())) != len(ids):
            raise ValueError("a doc_id occurs in two chunks")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[order] = np.arange(len(ids))
        offsets = [o[:-1] for o in self._offsets]
        start = np.concatenate(offsets) if offsets else np.zeros(0, dtype=np.int64)
        ends = [o[1:] for o in self._offsets]
        end = np.concatenate(ends) if ends else np.zeros(0, dtype=np.int64)

        def cat(name: str, dtype) -> np.ndarray:
            parts = self._parts.pop(name)
            return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)

        line_doc = rank[cat("line_doc", np.int64)]
        line_no = cat("line_no", np.int64)
        line_words = cat("line_words", np.int64)
        by_line = np.lexsort((line_no, line_doc))
        sig = self._parts.pop("signatures")
        self._final = {
            "ids": ids[order],
            "rank": rank,
            "start": start[order],
            "end": end[order],
            "n_words": cat("n_words", np.int64)[order],
            "doc_hash": cat("doc_hash", np.uint64)[order],
            "has_words": cat("has_words", bool)[order],
            "signatures": np.concatenate(sig)[order] if sig else None,
            "line_key": (line_doc[by_line] << 32) | line_no[by_line],
            "line_words": line_words[by_line],
        }
        self._ids, self._offsets = [], []
        return self._final

    @property
    def ids(self) -> np.ndarray:
        """The doc_ids in sorted order (the index of a document everywhere below)."""
        return self._finish()["ids"]

    def _id_index(self) -> pd.Index:
        """:attr:`ids` as an index (its hash table built once, not for every frame of passages)."""
        final = self._finish()
        if "id_index" not in final:
            final["id_index"] = pd.Index(final["ids"])
        return final["id_index"]

    def signatures(self) -> tuple[np.ndarray, np.ndarray]:
        """``(doc_ids, signatures)`` in sorted order, as :func:`document_signatures` gives them."""
        final = self._finish()
        return final["ids"], final["signatures"]

    def kept_lines(self, i: int) -> tuple[np.ndarray, list[str]]:
        """Line numbers and raw texts of document ``i``'s kept lines, read back from disk."""
        import pickle

        final = self._finish()
        if self._reader is None:
            self._reader = os.open(self.directory / "kept.bin", os.O_RDONLY)  # open until close()
        start = int(final["start"][i])
        return pickle.loads(os.pread(self._reader, int(final["end"][i]) - start, start))

    def lines(self, docs: Iterable[int] | None = None) -> pd.DataFrame:
        """A ``lines`` table (kept lines only, ``label`` ``content``) of some documents (all by default).

        For study-sized corpora: it holds their texts in memory.
        """
        rows = []
        for i in range(self.n_docs) if docs is None else docs:
            no, raw = self.kept_lines(i)
            doc = self.ids[i]
            if not len(no):  # every document has a row, as engines.kept_lines gives it line 1
                rows.append((doc, 1, "blank", ""))
            rows.extend((doc, int(n), "content", t) for n, t in zip(no.tolist(), raw, strict=True))
        return pd.DataFrame(rows, columns=["doc_id", "line", "label", "text"]).astype(
            {"doc_id": "str", "line": "int64", "label": "str", "text": "str"}
        )

    def _words(self, i: int) -> _DocWords:
        found = self._cache.get(i)
        if found is None:
            if len(self._cache) >= self.cache_docs:
                del self._cache[next(iter(self._cache))]
            found = self._cache[i] = _doc_words_with_offsets(*self.kept_lines(i))
        return found

    def set_dates(self, documents: pd.DataFrame | None) -> None:
        """Dates for the direction of reuse: a ``doc_id``, ``date`` table (as for :func:`reuse_passages`)."""
        self._dates = _document_dates(documents)

    def close(self) -> None:
        """Close and remove the temporary files."""
        import shutil

        if not self._records.closed:
            self._records.close()
        if self._reader is not None:
            os.close(self._reader)
            self._reader = None
        self._cache.clear()
        shutil.rmtree(self.directory, ignore_errors=True)

    # ----------------------------------------------------------------- tables
    def _pair_files(self, *, max_anchor_docs: int) -> list:
        """Spill the matching anchor positions of every pair, by ranges of the first document.

        When the matches were computed elsewhere and given with :meth:`add_matches` (the Dask
        executor groups the anchors on its cluster), their files are used as they are.
        """
        from pathlib import Path

        if self._given_matches:
            return sorted(Path(self.directory).glob("matches-*.bin"))
        final = self._finish()
        for f in sorted(Path(self.directory).glob("matches-*.bin")):
            f.unlink()
        for path in sorted(Path(self.directory).glob("anchors-*.bin")):
            rows = np.fromfile(path, dtype=_ANCHOR_DTYPE)
            doc = final["rank"][rows["doc"]]
            da, db, pa, pb = _gram_pairs(rows["gram"], doc, rows["pos"], max_anchor_docs=max_anchor_docs)
            del rows, doc
            self._spill_matches(da, db, pa, pb)
        return sorted(Path(self.directory).glob("matches-*.bin"))

    def _spill_matches(self, da: np.ndarray, db: np.ndarray, pa: np.ndarray, pb: np.ndarray) -> None:
        """Append anchor matches (documents as indices into :attr:`ids`) to their first document's file."""
        out = np.empty(len(da), dtype=_MATCH_DTYPE)
        out["da"], out["db"], out["pa"], out["pb"] = da, db, pa, pb
        self._spill(out, (np.asarray(da, dtype=np.int64) * self.partitions) // max(self.n_docs, 1), "matches")

    def add_matches(self, matches: pd.DataFrame) -> None:
        """Add anchor matches computed outside the index: ``doc_a``, ``doc_b`` (doc_ids), ``pa``, ``pb``.

        The rows must be those :func:`~newsstudy.duplicates.reuse._gram_pairs` gives on all the
        anchors of the corpus (every occurrence of a gram grouped together, so its boilerplate
        limit is decided on all of them), in any order and in any number of calls. The index's
        own anchors are then not used: the chunks should have been added without them.
        """
        if not self._given_matches:
            from pathlib import Path

            for f in sorted(Path(self.directory).glob("matches-*.bin")):
                f.unlink()
            self._given_matches = True
        if not len(matches):
            return
        ids = self._id_index()
        da, db = ids.get_indexer(matches["doc_a"]), ids.get_indexer(matches["doc_b"])
        if (da < 0).any() or (db < 0).any():
            raise ValueError("anchor matches name a document that is not in the index")
        self._spill_matches(da, db, matches["pa"].to_numpy(), matches["pb"].to_numpy())

    def reuse_passages(
        self,
        *,
        min_words: int = 12,
        max_gap: int = 2,
        min_bridge: int = 3,
        max_anchor_docs: int = MAX_ANCHOR_DOCS,
    ) -> Iterator[pd.DataFrame]:
        """The rows of :func:`reuse_passages` on the whole corpus, in its order, as a few frames.

        ``min_words`` must be the anchor length the features were computed with.
        Dates come from :meth:`set_dates`. Concatenated, the frames (at least
        one, maybe empty) equal ``reuse_passages(lines, documents)`` of the corpus.
        """
        ids = self.ids
        dates = self._dates or {}
        pid = 0
        rows: list[tuple] = []
        for path in self._pair_files(max_anchor_docs=max_anchor_docs):
            m = np.fromfile(path, dtype=_MATCH_DTYPE)
            groups = _pair_groups(*(m[k].astype(np.int64) for k in ("da", "db", "pa", "pb")))
            del m
            for i, j, matches in groups:
                pid = _pair_passages(
                    rows, matches, self._words(i), self._words(j), ids[i], ids[j], pid,
                    lambda i=i, j=j: _source(ids[i], ids[j], dates),
                    min_words=min_words, max_gap=max_gap, min_bridge=min_bridge,
                )  # fmt: skip
            path.unlink()
            # Partitions' rows are gathered into frames of about FRAME_ROWS: each frame costs its
            # callers a fixed overhead (types, a group-by, a CSV write), which tiny frames multiply.
            if len(rows) >= self.frame_rows:
                yield _passage_frame(rows)
                rows = []
        self._cache.clear()
        if rows or not pid:
            yield _passage_frame(rows)

    def duplicate_pairs(
        self, *, threshold: float = 0.8, verify: bool = True, shingle_size: int = 5,
        candidates: pd.DataFrame | None = None,
    ) -> pd.DataFrame:  # fmt: skip
        """:func:`duplicate_pairs` of the whole corpus (``shingle_size`` as the features were made with).

        Shingle sets of candidate pairs are rebuilt from the kept lines on disk.
        """
        final = self._finish()
        ids = final["ids"]
        sig = final["signatures"]
        if sig is None:
            return _pair_frame([])
        sets: dict[int, np.ndarray] = {}

        def shingles(i: int) -> np.ndarray:
            found = sets.get(i)
            if found is None:
                if len(sets) >= self.cache_docs:
                    del sets[next(iter(sets))]
                _, raw = self.kept_lines(i)
                h, n = word_hashes(["\n".join(for_matching(t) for t in raw)])
                found = sets[i] = np.unique(shingle_hashes(h, n, shingle_size=shingle_size)[0])
            return found

        return _pair_table(
            ids, sig, final["doc_hash"], final["has_words"], shingles,
            threshold=threshold, verify=verify, candidates=candidates,
        )  # fmt: skip

    def _doc_numbers(self, docs: pd.Series) -> np.ndarray:
        """Indices (into :attr:`ids`) of doc_ids, or the column itself when it holds indices already."""
        if pd.api.types.is_integer_dtype(docs.dtype):
            return docs.to_numpy(np.int64)
        return self._id_index().get_indexer(docs).astype(np.int64)

    def compact_passages(self, passages: pd.DataFrame) -> pd.DataFrame:
        """The columns of passage rows that :meth:`reused_share` and :meth:`copied_lines` read, compactly.

        ``doc_a``/``doc_b`` become indices into :attr:`ids` (int32), the other columns int32: about
        a third of the memory of the same columns with doc_ids.
        """
        out = pd.DataFrame({c: passages[c].to_numpy(np.int32) for c in _SPAN_INTS})
        out.insert(1, "doc_a", self._doc_numbers(passages["doc_a"]).astype(np.int32))
        out.insert(5, "doc_b", self._doc_numbers(passages["doc_b"]).astype(np.int32))
        return out

    def reused_share(self, spans: pd.DataFrame) -> pd.DataFrame:
        """:func:`reused_share` from the passage spans (``passage``, ``doc_a``, ``word_a``, ``n_words``,
        ``doc_b``, ``word_b``, ``n_words_b`` of all passage rows; doc_a/doc_b as doc_ids or as indices
        into :attr:`ids`, see :meth:`compact_passages`)."""
        final = self._finish()
        ids = final["ids"]
        n = final["n_words"]
        reused = np.zeros(len(ids), dtype=np.int64)
        if len(spans):
            agg = _passage_extents(spans)
            doc = np.concatenate((self._doc_numbers(agg["doc_a"]), self._doc_numbers(agg["doc_b"])))
            lo = np.concatenate((agg["wa"].to_numpy(), agg["wb"].to_numpy())).astype(np.int64)
            hi = np.concatenate((agg["ea"].to_numpy(), agg["eb"].to_numpy())).astype(np.int64)
            reused = _covered_words(doc, lo, hi, len(ids))
        share = np.divide(reused, n, out=np.zeros(len(n), dtype=np.float64), where=n > 0)
        return pd.DataFrame({"doc_id": pd.Series(ids, dtype="str"), "n_words": n, "reused_words": reused,
                             "reused_share": share})  # fmt: skip

    def copied_lines(self, passages: pd.DataFrame, *, min_share: float = 0.5) -> pd.DataFrame:
        """:func:`copied_lines` from passage rows (``doc_a``, ``line_a``, ``doc_b``, ``line_b``,
        ``n_words``, ``n_words_b`` suffice; doc_a/doc_b as in :meth:`reused_share`), with the dates
        of :meth:`set_dates`."""
        final = self._finish()
        ids = final["ids"]
        columns = ["doc_id", "line", "copy_of_doc", "copy_of_line", "n_words"]
        if len(passages) == 0:
            return _copies_frame(pd.DataFrame(columns=columns))
        index = pd.Index(ids)
        a = self._doc_numbers(passages["doc_a"])
        b = self._doc_numbers(passages["doc_b"])
        dates = self._dates or {}
        stamp = np.full(len(ids), np.iinfo(np.int64).max, dtype=np.int64)
        if dates:
            known = index.get_indexer(list(dates))
            values = np.array([pd.Timestamp(v).value for v in dates.values()], dtype=np.int64)
            stamp[known[known >= 0]] = values[known >= 0]
        has = stamp != np.iinfo(np.int64).max
        ta, tb = stamp[a], stamp[b]
        # The source: the earlier when both are dated and differ, else doc_a (first in doc_id order).
        b_first = has[a] & has[b] & (tb < ta)
        la, lb = passages["line_a"].to_numpy(np.int64), passages["line_b"].to_numpy(np.int64)
        na, nb = passages["n_words"].to_numpy(np.int64), passages["n_words_b"].to_numpy(np.int64)
        frame = pd.DataFrame({
            "kd": np.where(b_first, a, b), "kl": np.where(b_first, la, lb),
            "sd": np.where(b_first, b, a), "sl": np.where(b_first, lb, la), "n": np.where(b_first, na, nb),
        })  # fmt: skip
        per_source = frame.groupby(["kd", "kl", "sd", "sl"], sort=False)["n"].sum().reset_index()
        per_source["t"] = stamp[per_source["sd"].to_numpy()]
        per_source["neg"] = -per_source["n"]
        ranked = per_source.sort_values(["kd", "kl", "neg", "t", "sd", "sl"], kind="stable")
        best = ranked.drop_duplicates(["kd", "kl"], keep="first").set_index(["kd", "kl"])
        copied = per_source.groupby(["kd", "kl"])["n"].sum()
        best = best.assign(copied=copied.reindex(best.index).to_numpy()).reset_index()
        key = (best["kd"].to_numpy(np.int64) << 32) | best["kl"].to_numpy(np.int64)
        # Words in each copied line (0 for a line that is not kept, as in copied_lines).
        line_key = np.concatenate((final["line_key"], [np.iinfo(np.int64).max]))
        line_words = np.concatenate((final["line_words"], [0]))
        pos = np.searchsorted(line_key, key)
        total = np.where(line_key[pos] == key, line_words[pos], 0)
        used = np.minimum(best["copied"].to_numpy(np.int64), total)
        ok = (total > 0) & (used / np.maximum(total, 1) >= min_share)
        best = best[ok]
        out = pd.DataFrame({
            "doc_id": ids[best["kd"].to_numpy()], "line": best["kl"].to_numpy(),
            "copy_of_doc": ids[best["sd"].to_numpy()], "copy_of_line": best["sl"].to_numpy(),
            "n_words": used[ok],
        })  # fmt: skip
        out = out.sort_values(["doc_id", "line"], kind="stable").reset_index(drop=True)
        return _copies_frame(out)


_SPAN_INTS = ["passage", "line_a", "word_a", "n_words", "line_b", "word_b", "n_words_b"]


def _covered_words(doc: np.ndarray, lo: np.ndarray, hi: np.ndarray, n_docs: int) -> np.ndarray:
    """Per document, the number of word positions in the union of its intervals ``[lo, hi)``.

    >>> _covered_words(np.array([0, 0, 1]), np.array([0, 5, 2]), np.array([10, 12, 4]), 3).tolist()
    [12, 2, 0]
    """
    out = np.zeros(n_docs, dtype=np.int64)
    if not len(doc):
        return out
    # Offset every document's positions past the previous document's, so one running maximum
    # of the ends serves all documents: an interval adds only what lies beyond the furthest end so far.
    big = int(max(hi.max(), lo.max(), 0)) + 1
    lo2 = lo.astype(np.int64) + doc.astype(np.int64) * big
    hi2 = hi.astype(np.int64) + doc.astype(np.int64) * big
    order = np.lexsort((lo2,))
    lo2, hi2, doc = lo2[order], hi2[order], doc[order]
    reach = np.maximum.accumulate(hi2)
    prev = np.concatenate(([np.iinfo(np.int64).min], reach[:-1]))
    np.add.at(out, doc, np.maximum(hi2 - np.maximum(lo2, prev), 0))
    return out
