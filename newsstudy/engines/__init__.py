"""The study's plan, and who runs it: in this process, in worker processes, or on a Dask cluster.

The plan is one: a first pass that counts the corpus evidence of the cleaner
(:func:`count_lines`: the documents of each outlet holding each line, the
headlines; reading and hashing only, in the workers), per-document stages on
chunks of documents (:func:`process_chunk`: cleaning with those counts, label
counts, attribution, the features of duplicate detection), then
the cross-document stages once at the end (duplicates, text reuse, copies,
source counts, terms, topics, similarity, and the views per outlet and month
of :mod:`newsstudy.views`). Three executors run it and give the same tables
(tests):

In process (:func:`run_in_process`)
    A ``documents`` table, one chunk, tables returned in memory; what
    :func:`newsstudy.pipeline.run_study` calls.
Streaming (:func:`run_streaming`, ``newsstudy run``)
    Reads the corpus in chunks (:func:`newsstudy.corpus.iter_corpus`), runs the
    per-document stages on each chunk in ``n_jobs`` worker processes, and
    appends the per-row tables to their files as chunks finish, so the memory
    of these stages does not grow with the corpus. The workers also compute
    what the cross-document stages need (:func:`newsstudy.duplicates.chunk_features`:
    MinHash signatures, word counts, 12-word anchors); the main process spills
    the bulky part of it to a hidden temporary folder in the run's staging
    folder (:class:`newsstudy.duplicates.OutOfCoreIndex`: kept lines, and
    anchors in hash partitions) and keeps only a few numbers per document and
    line. The cross-document stages run once at the end, one partition at a time.
Dask (:func:`run_dask`)
    The per-document stages and the MinHash signatures run per partition on a
    Dask cluster (a local ``distributed.LocalCluster`` by default); LSH banding
    groups the band keys of every document through Dask's shuffle. The rest is
    the streaming engine's, so the tables are identical.

Layout
------
- :mod:`newsstudy.engines.plan`: the stages (per chunk, and once at the end) and the state they share.
- :mod:`newsstudy.engines.local`: the executors of one machine (in process, streaming with a process pool).
- :mod:`newsstudy.engines.cluster`: the Dask executor.
- :mod:`newsstudy.engines.progress`: progress messages and stage timings.
- Storage is :mod:`newsstudy.results` (the run folder, its manifest, the tables' CSV form), and the
  out-of-core state of the cross-document stages is :mod:`newsstudy.duplicates.index`.

Files written (``out_dir``)
---------------------------
Every table is CSV (UTF-8, header; :mod:`newsstudy.results`), written into a
staging folder moved into place with ``run.json`` when the run is complete.
The per-row tables (``documents`` without its ``text``: ``lines`` rebuilds it;
``lines``, ``articles``, ``attributions``, ``label_counts``) are appended chunk
by chunk in corpus order, so the bytes do not depend on the chunk size or the
number of workers; the other tables are sorted by their keys. The views
(``outlet_*``, ``term_forms``) are the size of the outlets and months, whatever
the corpus size, and the figures of a corpus are drawn from them alone.

Choices of the plan at scale
---------------------------
- ``similarity`` follows :func:`~newsstudy.pipeline.similarity_table` (every
  pair up to ``StudyOptions.max_all_pairs`` documents, nearest neighbours
  above), over the articles the topics are fitted on.
- Topics and top terms are fitted on all articles up to ``max_topic_docs``
  (default 50,000) and above that on a fixed sample of that many articles:
  those with the smallest stable hash of their ``doc_id`` (the same sample
  whatever the corpus order or chunk size).
- The per-row tables are in corpus order (``run_study`` sorts its documents
  by ``doc_id`` first, so there the two orders agree).
- Memory of the cross-document stages: per document about 0.6 KB (id, MinHash
  signature, counts, date) and per kept line 16 bytes stay in memory; kept lines
  and anchors (16 bytes per word) are on disk. What still grows with the
  corpus is the output: passage rows are written to ``reuse_passages.csv`` per
  partition, but their numeric columns (about 100 bytes a row) are kept for
  ``reused_share`` and ``copied_lines``, and ``duplicate_pairs``, like the
  in-memory function, holds every LSH candidate pair. Corpora in which every
  article has many near copies (the replicated benchmark corpora) make these
  grow with the square of the number of copies (``benchmarks/README.md``).

Where the time goes (ANT, 2 cores): the per-document stages take about 4 ms
of CPU per article, most of it cleaning and ``attribution.extract``; the final
stages are led by ``duplicates.reuse_passages`` (mostly
``normalize.for_matching_with_offsets`` on the lines of the documents that
share passages); the topic model is fitted in another process meanwhile.
"""

from __future__ import annotations

from newsstudy import results
from newsstudy.engines.cluster import run_dask
from newsstudy.engines.local import count_lines, run_in_process, run_streaming
from newsstudy.engines.plan import (
    DEFAULT_OPTIONS,
    FIRST_CHUNK,
    ChunkTables,
    Sink,
    kept_lines,
    process_chunk,
)
from newsstudy.engines.progress import Progress, progress_bar

__all__ = [
    "DEFAULT_OPTIONS",
    "FIRST_CHUNK",
    "ChunkTables",
    "Progress",
    "Sink",
    "count_lines",
    "kept_lines",
    "process_chunk",
    "progress_bar",
    "read_table",
    "run_dask",
    "run_in_process",
    "run_streaming",
]

#: Read back a table of a run (``results.read_table``: the values and types it was written with).
read_table = results.read_table
