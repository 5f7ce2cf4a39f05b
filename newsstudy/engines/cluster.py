"""The Dask executor (:func:`run_dask`): the plan, its per-document stages and LSH banding on a cluster."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from newsstudy import duplicates
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
    """Per-partition work on a Dask worker: the per-document stages plus MinHash band keys."""
    part = process_chunk(documents, options, evidence)
    # The chunk's signatures are those duplicates.duplicate_pairs computes, so the band keys match its own.
    keys = duplicates.band_keys(part.features.signatures, bands=bands, rows=rows)
    doc_ids = pd.Series(part.features.ids[keys["row"].to_numpy()], dtype="str")
    return part, pd.DataFrame({"band": keys["band"], "key": keys["key"], "doc_id": doc_ids})


def _pairs_in_partition(frame: pd.DataFrame) -> pd.DataFrame:
    """Candidate pairs (``doc_a`` < ``doc_b``) of documents sharing a band key, in one shuffled partition."""
    rows = []
    for _, ids in frame.groupby(["band", "key"], sort=False)["doc_id"]:
        if len(ids) < 2:
            continue
        members = sorted(set(ids.astype(str)))
        rows.extend((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return pd.DataFrame(rows, columns=["doc_a", "doc_b"], dtype="str")


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
    attribute and compute MinHash band keys per partition; the band keys are
    grouped through Dask's shuffle into LSH candidate pairs. Needs the ``dask``
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
            band_futures = []

            def submit(docs: pd.DataFrame):
                # Scattered first: a chunk embedded in the task graph is sent through the scheduler.
                data = client.scatter(docs)
                future = client.submit(_chunk_with_bands, data, options, bands, rows, shared, pure=False)
                band_futures.append(client.submit(lambda r: r[1], future, pure=False))
                return future

            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            for part, _ in _ordered_results(chunks, submit, _result, 2 * workers):
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
