"""Duplication and text reuse between documents (ANNOTATION.md section 5).

Everything here works on the cleaned article: the ``headline`` and ``content``
lines of the ``lines`` table (``clean.label_lines``), normalised for matching
(:func:`newsstudy.normalize.for_matching`, ANNOTATION.md section 6).

Words
    A *word* is a maximal run of letters, digits, combining marks or ``_`` in
    the normalised text; punctuation and spaces separate words and are not
    words, so ``قال:`` and ``قال`` are the same word.  A document's words are
    the words of its kept lines in line order (shingles run across lines).

Exact duplicates
    Two documents (or two paragraphs) whose normalised words are identical,
    found through a stable 64-bit BLAKE2b hash of the words joined by spaces.

Near duplicates
    MinHash over word ``shingle_size``-gram shingles and LSH banding (tuned for
    recall, :data:`LSH_WEIGHTS`) give candidate pairs; :func:`duplicate_pairs`
    then decides on each candidate's exact Jaccard (``verify=True``), and the
    streaming path :func:`near_duplicate_pairs` on the MinHash estimate. The
    MinHash is vectorised NumPy (:func:`minhash_signatures`) rather than
    datasketch: on the ANT corpus it runs 6-10x faster than a
    straightforward ``datasketch.MinHash`` + ``MinHashLSH`` in one process
    with higher recall, and it streams a million articles in two processes
    (``benchmarks/bench_duplicates.py``). All hashes are stable arithmetic or
    BLAKE2b (never Python's salted ``hash()``), so results are identical from
    run to run and machine to machine.

Text reuse passages
    Shared runs of at least ``min_words`` (12) consecutive normalised words,
    seeded by 12-word anchors shared by two documents, chained across small
    edits (``max_gap`` differing words) and reported line by line with raw
    character offsets (see :func:`reuse_passages` for the row convention).

Direction
    With a ``documents`` table that has a ``date`` column, the earlier document
    is the likely source (``source_doc``); otherwise ``"unknown"``.

The package
    ``hashing``
        words and their stable hashes: code-point tables, :func:`word_hashes`,
        :func:`shingle_hashes`, :func:`stable_hash`.
    ``minhash``
        :func:`minhash_signatures`: seeded permutations, vectorised
        signatures, batches in parallel processes.
    ``lsh``
        on signature arrays: :func:`lsh_params`, :func:`band_keys`,
        :func:`lsh_candidate_pairs`, :func:`estimated_jaccard`,
        :func:`near_duplicate_pairs`; the brute-force reference
        :func:`exact_pairs` and :func:`exact_jaccard`.
    ``documents``
        tables by ``doc_id`` from the ``lines`` table: :func:`document_words`,
        :func:`duplicate_pairs`, :func:`jaccard_matrix`,
        :func:`document_signatures`, :func:`pair_jaccard`,
        :func:`paragraph_duplicates`.
    ``reuse``
        :func:`reuse_passages` (anchors, blocks, chaining), :func:`reused_share`,
        :func:`copied_lines`.
    ``index``
        storage for corpora larger than memory: :func:`chunk_features` per
        chunk and :class:`OutOfCoreIndex`, which spills kept lines and anchors
        to disk and gives the tables of ``documents`` and ``reuse`` through
        their per-pair logic.

Everything is importable from ``newsstudy.duplicates`` itself.
"""

# Names imported "as" themselves are not in __all__ but are used outside the package:
# the out-of-core classes by engines, the private helpers by engines, tests and benchmarks.
from newsstudy.duplicates.documents import (
    KEPT_LABELS,
    document_signatures,
    document_words,
    duplicate_pairs,
    jaccard_matrix,
    pair_jaccard,
    paragraph_duplicates,
)
from newsstudy.duplicates.hashing import _codepoints as _codepoints
from newsstudy.duplicates.hashing import _word_bounds as _word_bounds
from newsstudy.duplicates.hashing import _word_strings as _word_strings
from newsstudy.duplicates.hashing import _words_of as _words_of
from newsstudy.duplicates.hashing import shingle_hashes, stable_hash, word_hashes
from newsstudy.duplicates.index import ChunkFeatures as ChunkFeatures
from newsstudy.duplicates.index import OutOfCoreIndex as OutOfCoreIndex
from newsstudy.duplicates.index import chunk_features as chunk_features
from newsstudy.duplicates.lsh import (
    LSH_WEIGHTS,
    band_keys,
    estimated_jaccard,
    exact_jaccard,
    exact_pairs,
    lsh_candidate_pairs,
    lsh_params,
    near_duplicate_pairs,
)
from newsstudy.duplicates.minhash import _signatures_from_shingles as _signatures_from_shingles
from newsstudy.duplicates.minhash import minhash_signatures
from newsstudy.duplicates.reuse import _anchor_grams as _anchor_grams
from newsstudy.duplicates.reuse import _doc_words_by_line as _doc_words_by_line
from newsstudy.duplicates.reuse import _doc_words_vectorised as _doc_words_vectorised
from newsstudy.duplicates.reuse import _doc_words_with_offsets as _doc_words_with_offsets
from newsstudy.duplicates.reuse import _document_dates as _document_dates
from newsstudy.duplicates.reuse import _passage_frame as _passage_frame
from newsstudy.duplicates.reuse import copied_lines, reuse_passages, reused_share

__all__ = [
    "KEPT_LABELS",
    "LSH_WEIGHTS",
    "band_keys",
    "copied_lines",
    "document_signatures",
    "document_words",
    "duplicate_pairs",
    "estimated_jaccard",
    "exact_jaccard",
    "exact_pairs",
    "jaccard_matrix",
    "lsh_candidate_pairs",
    "lsh_params",
    "minhash_signatures",
    "near_duplicate_pairs",
    "pair_jaccard",
    "paragraph_duplicates",
    "reuse_passages",
    "reused_share",
    "shingle_hashes",
    "stable_hash",
    "word_hashes",
]
