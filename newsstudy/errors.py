"""The package's exception for bad input."""

from __future__ import annotations

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
