"""The package's exception for bad input."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class CorpusError(ValueError):
    """Bad input: names the file (or corpus path) and the problem in plain words.

    Attributes
    ----------
    path : str
        The file or corpus path the problem is in.
    reason : str
        What is wrong, for a reader (also the ``reason`` column of ``problems.csv``).
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # raised in a worker process, it must cross back whole
        return type(self), (self.path, self.reason)


class OutputError(ValueError):
    """An output folder that cannot be written: names the folder and the problem.

    Raised before any work starts where it can be checked (a file where a folder
    should be, a folder that is not writable or holds other files).
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # raised in a worker process, it must cross back whole
        return type(self), (self.path, self.reason)


def check_table(table: object, name: str, columns: Iterable[str], *, example: str) -> None:
    """Raise a plain error unless ``table`` is a pandas DataFrame with ``columns``.

    A researcher in a notebook who passes a string, a path or a list where a table is expected
    gets ``TypeError`` saying what was given and how to build the table (``example``), not an
    ``AttributeError`` from deep inside pandas; a table without a needed column gets
    ``ValueError`` naming the columns it lacks and those it has.

    >>> check_table("قال مسؤول", "documents", ["doc_id", "text"], example="load_corpus(path)")
    Traceback (most recent call last):
    ...
    TypeError: documents must be a pandas DataFrame, not str: build it with load_corpus(path)
    """
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"{name} must be a pandas DataFrame, not {type(table).__name__}: build it with {example}"
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name} lacks columns {missing}; it has {list(table.columns)}")
