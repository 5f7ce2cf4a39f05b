"""Shared helpers for the benchmarks: timing and peak memory of one measured step.

Each step runs in a fresh forked process so that its peak resident memory is
its own (``ru_maxrss`` cannot be reset inside one process); the memory of any
worker processes it starts is reported beside it.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import resource
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Measurement:
    """What one measured step returned, how long it took and its peak memory."""

    result: Any
    seconds: float
    peak_mb: float  # peak resident memory of the step's own process
    workers_peak_mb: float  # largest peak of any worker process it started (0 if none)


def _child(conn, fn: Callable, args: tuple, kwargs: dict) -> None:
    try:
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        seconds = time.perf_counter() - start
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        conn.send(("ok", Measurement(result, seconds, own, workers)))
    except BaseException:
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def measure(fn: Callable, *args, **kwargs) -> Measurement:
    """Run ``fn(*args, **kwargs)`` in a forked process; return its result, wall time and peak memory.

    The result must be picklable (return summaries, not big arrays).
    """
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args, kwargs))
    proc.start()
    child.close()
    status, payload = parent.recv()
    proc.join()
    if status != "ok":
        raise RuntimeError(f"measured step failed:\n{payload}")
    return payload


def read_articles(path: Path, limit: int | None = None) -> Iterator[dict]:
    """Articles of a JSON Lines corpus (gzip or plain): dicts with ``doc_id``, ``text`` and ``date``.

    Understands the ANT fields (``DOCNO``, ``TITLE``, ``TEXT``, ``TIME``) and
    plain ``doc_id``/``title``/``text``/``date``; the title, when present, is
    the first line (as the cleaning stage makes it the headline).
    """
    with path.open("rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if not line.strip():
                continue
            d = json.loads(line)
            title = d.get("TITLE", d.get("title", ""))
            text = d.get("TEXT", d.get("text", ""))
            yield {
                "doc_id": str(d.get("DOCNO", d.get("doc_id", i))),
                "text": f"{title}\n{text}" if title else text,
                "date": d.get("TIME", d.get("date")),
            }


def fmt_rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds > 0 else "inf"
