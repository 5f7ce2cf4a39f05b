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
