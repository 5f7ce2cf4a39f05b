"""The Dask executor (:func:`run_dask`): per-document stages, LSH banding and reuse anchors on a cluster."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newsstudy import duplicates
from newsstudy.duplicates.reuse import MAX_ANCHOR_DOCS, _gram_pairs
from newsstudy.engines.local import _ordered_results, _result, count_lines
from newsstudy.engines.plan import (
    DEFAULT_OPTIONS,
    _add_chunk,
    _chunks,
    _close,
    _complete,
    _finish,
    _new_state,
    _problem_tracking,
    _TopicSample,
    process_chunk,
)  # fmt: skip
from newsstudy.engines.progress import Progress, _Progress
from newsstudy.pipeline import StudyOptions
from newsstudy.results import RunFolder


# --------------------------------------------------------------------------- Dask
def _chunk_with_bands(
    documents: pd.DataFrame, options: StudyOptions, bands: int, rows: int, evidence=None
) -> tuple:
    """Per-partition work on a Dask worker: the per-document stages, MinHash band keys and anchors.

    The chunk's reuse anchors (its ``min_reuse_words``-grams) leave the chunk's features: they are
    grouped on the cluster (:func:`_anchor_matches_in_partition`), not sent to the local index.
    """
    part = process_chunk(documents, options, evidence)
    features = part.features
    # The chunk's signatures are those duplicates.duplicate_pairs computes, so the band keys match its own.
    keys = duplicates.band_keys(features.signatures, bands=bands, rows=rows)
    doc_ids = pd.Series(features.ids[keys["row"].to_numpy()], dtype="str")
    anchors = pd.DataFrame(
        {
            "gram": features.anchor_hash,
            "doc_id": pd.Series(features.ids[features.anchor_doc], dtype="str"),
            "pos": features.anchor_pos,
        }
    )
    none, empty = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int32)
    part = replace(part, features=replace(features, anchor_hash=none, anchor_doc=empty, anchor_pos=empty))
    return part, pd.DataFrame({"band": keys["band"], "key": keys["key"], "doc_id": doc_ids}), anchors


def _pairs_in_partition(frame: pd.DataFrame) -> pd.DataFrame:
    """Candidate pairs (``doc_a`` < ``doc_b``) of documents sharing a band key, in one shuffled partition."""
    rows = []
    for _, ids in frame.groupby(["band", "key"], sort=False)["doc_id"]:
        if len(ids) < 2:
            continue
        members = sorted(set(ids.astype(str)))
        rows.extend((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return pd.DataFrame(rows, columns=["doc_a", "doc_b"], dtype="str")


_MATCHES_META = {"doc_a": "str", "doc_b": "str", "pa": "int32", "pb": "int32"}


def _anchor_matches_in_partition(frame: pd.DataFrame, max_anchor_docs: int) -> pd.DataFrame:
    """The anchor matches of one partition shuffled by gram: every occurrence of its grams is in it.

    Documents are numbered in doc_id order within the partition, as the index numbers them in the
    whole corpus, so each match's first document is the earlier one, as the local index finds it.
    """
    codes, names = pd.factorize(frame["doc_id"].astype(str), sort=True)
    da, db, pa, pb = _gram_pairs(
        frame["gram"].to_numpy(np.uint64), codes.astype(np.int64), frame["pos"].to_numpy(np.int64),
        max_anchor_docs=max_anchor_docs,
    )  # fmt: skip
    names = np.asarray(names, dtype=object)
    return pd.DataFrame(
        {"doc_a": names[da], "doc_b": names[db], "pa": pa, "pb": pb}, columns=list(_MATCHES_META)
    ).astype(_MATCHES_META)


def _add_anchor_matches(index: duplicates.OutOfCoreIndex, anchor_futures: list, dd) -> None:
    """Group the chunks' anchors by gram on the cluster and add their matches to the local index.

    The anchors are shuffled by gram hash, so every occurrence of a gram meets in one partition,
    where its matches are found (:func:`_anchor_matches_in_partition`); the partitions come back
    one at a time (the shuffled partitions are kept on the workers until then), so this machine holds
    one partition's matches, not the corpus's anchors. The passages are then read from the matches
    by the local index, as for a local run.
    """
    meta = pd.DataFrame(
        {"gram": pd.Series(dtype="uint64"), "doc_id": pd.Series(dtype="str"), "pos": pd.Series(dtype="int32")}
    )
    anchors = dd.from_delayed(anchor_futures, meta=meta, verify_meta=False)
    shuffled = anchors.shuffle(on="gram", npartitions=max(anchors.npartitions, 1))
    matches = shuffled.map_partitions(
        _anchor_matches_in_partition, MAX_ANCHOR_DOCS,
        meta=pd.DataFrame({k: pd.Series(dtype=v) for k, v in _MATCHES_META.items()}),
    )  # fmt: skip
    index.add_matches(pd.DataFrame(columns=list(_MATCHES_META)))  # from now on, the matches are these
    matches = matches.persist()  # the shuffle runs once, its partitions stay on the workers
    for part in matches.to_delayed():
        index.add_matches(part.compute())
    del matches


def run_dask(
    corpus: str | Path,
    out_dir: str | Path,
    options: StudyOptions = DEFAULT_OPTIONS,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    chunk_size: int = 5000,
    progress: Progress | None = None,
    max_topic_docs: int = 50_000,
    processes: bool = True,
    figures: str | Path | None = None,
    strict: bool = False,
    command: Mapping[str, Any] | None = None,
) -> dict[str, Path]:
    """Run the study on a Dask cluster and write the same tables as :func:`run_streaming`.

    Chunks of the corpus are read here and sent to the workers, which clean,
    attribute and compute MinHash band keys and reuse anchors per partition; the
    band keys are grouped through Dask's shuffle into LSH candidate pairs, and
    the anchors, shuffled by gram hash, into the anchor matches of text reuse. Needs the ``dask``
    extra (``pip install newsstudy[dask]``).

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler (``tcp://host:8786``); by default a
        ``distributed.LocalCluster`` of ``n_workers`` workers (one thread each)
        is started for the run and closed after.
    processes : bool, default True
        Local cluster only: worker processes (True) or threads in this process.
    Other parameters as for :func:`run_streaming`.

    Examples
    --------
    >>> from newsstudy.paths import SEEDS_DIR
    >>> written = run_dask(SEEDS_DIR, "results-dask", n_workers=2)  # doctest: +SKIP
    """
    try:
        import dask.dataframe as dd
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ImportError("the Dask engine needs the 'dask' extra: pip install 'newsstudy[dask]'") from exc

    import logging

    # Every shuffle logs two WARNING lines on the scheduler about its own life cycle: not the user's concern.
    logging.getLogger("distributed.shuffle._scheduler_plugin").setLevel(logging.ERROR)
    report = _Progress(progress)
    folder = RunFolder(Path(out_dir), figures)
    bands, rows = duplicates.lsh_params(
        options.near_threshold, options.num_perm, weights=duplicates.LSH_WEIGHTS
    )
    with folder:
        state = _new_state(folder.staged)
        sample = _TopicSample(max_topic_docs)
        cluster = None
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=processes, dashboard_address=":0"
            )
        client = Client(scheduler if scheduler is not None else cluster)
        try:
            report.stage("line counts")
            evidence = count_lines(
                (docs for docs, _ in _chunks(corpus, options, chunk_size) if len(docs)),
                options,
                submit=lambda fn, docs, *args: client.submit(fn, client.scatter(docs), *args, pure=False),
            )
            report._clock("documents")  # back to the documents' clock, without a message
            shared = None if evidence is None else client.scatter(evidence, broadcast=True)
            chunks = _problem_tracking(_chunks(corpus, options, chunk_size), state, strict=strict)
            band_futures: list = []
            anchor_futures: list = []

            def submit(docs: pd.DataFrame):
                # Scattered first: a chunk embedded in the task graph is sent through the scheduler.
                data = client.scatter(docs)
                future = client.submit(_chunk_with_bands, data, options, bands, rows, shared, pure=False)
                band_futures.append(client.submit(itemgetter(1), future, pure=False))
                anchor_futures.append(client.submit(itemgetter(2), future, pure=False))
                return future

            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            for part, _, _ in _ordered_results(chunks, submit, _result, 2 * workers):
                _add_chunk(part, state, sample, folder)
                report.documents(len(part.documents), f"{state.n_docs:,} documents")
            candidates = None
            if band_futures:
                report.stage("lsh")
                meta = pd.DataFrame(
                    {"band": pd.Series(dtype="int64"), "key": pd.Series(dtype="uint64"),
                     "doc_id": pd.Series(dtype="str")}
                )  # fmt: skip
                keys = dd.from_delayed(band_futures, meta=meta, verify_meta=False)
                shuffled = keys.shuffle(on=["band", "key"], npartitions=max(keys.npartitions, 1))
                found = shuffled.map_partitions(
                    _pairs_in_partition, meta=pd.DataFrame({"doc_a": pd.Series(dtype="str"),
                                                            "doc_b": pd.Series(dtype="str")})
                ).compute()  # fmt: skip
                candidates = found.drop_duplicates().sort_values(["doc_a", "doc_b"], ignore_index=True)
            if anchor_futures:
                report.stage("reuse anchors")
                _add_anchor_matches(state.index, anchor_futures, dd)
            _finish(
                state, sample, folder, options, report=report,
                candidates=candidates, submit=lambda fn, *args: client.submit(fn, *args, pure=False),
            )  # fmt: skip
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            _close(state)
        _complete(folder, state, corpus, options, report, command=command)
    return folder.paths
