"""One way through the study: chain the stages and return their tables.

The command line (``newsstudy run``) and the notebooks both call
:func:`run_study`, so a number in a notebook and a row in ``results/`` come from
the same code. Stages talk only through the tables they return.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsstudy.corpus import load_corpus

__all__ = ["StudyOptions", "load_study_corpus", "run_study"]

Progress = Callable[[str], None]


@dataclass(frozen=True)
class StudyOptions:
    """Parameters of a study run (defaults follow ANNOTATION.md)."""

    text_column: str = "text"
    id_column: str | None = None


def load_study_corpus(
    path: str | Path, options: StudyOptions = StudyOptions()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load a corpus for a study: ``(documents, problems)``; bad files are reported, not raised.

    >>> from newsstudy.paths import SEEDS_DIR
    >>> docs, problems = load_study_corpus(SEEDS_DIR)
    >>> len(docs), len(problems)
    (5, 0)
    """
    return load_corpus(path, text_column=options.text_column, id_column=options.id_column, on_error="report")


def run_study(
    documents: pd.DataFrame,
    options: StudyOptions = StudyOptions(),
    *,
    progress: Progress | None = None,
) -> dict[str, pd.DataFrame]:
    """Run every stage over a ``documents`` table and return the study's tables by name.

    Tables are sorted by ``doc_id`` (then line), never by arrival order, so the
    same corpus given in another order gives the same tables.

    >>> from newsstudy.paths import SEEDS_DIR
    >>> tables = run_study(load_corpus(SEEDS_DIR))
    >>> list(tables)[:1]
    ['documents']
    """
    step = progress or (lambda _name: None)
    documents = documents.sort_values("doc_id", kind="stable", ignore_index=True)
    step("documents")
    return {"documents": documents}
