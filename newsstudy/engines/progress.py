"""Progress of a run: messages or a tqdm bar, and the time each stage took (``run.json``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

Progress = Callable[[str], None] | Any


# --------------------------------------------------------------------------- progress
class _Progress:
    """Report to a ``progress`` that is a callable (given messages) or tqdm-like (``update``).

    Also times the run's stages (``timings``, seconds by stage, for ``run.json``):
    a stage lasts from its :meth:`stage` call to the next one (the first,
    ``documents``, from the start: reading and the per-document stages).
    """

    def __init__(self, progress: Progress | None) -> None:
        self.target = progress
        self.timings: dict[str, float] = {}
        self._current: str | None = "documents"
        self._since = time.perf_counter()

    def _clock(self, name: str | None) -> None:
        now = time.perf_counter()
        if self._current is not None:
            self.timings[self._current] = self.timings.get(self._current, 0.0) + now - self._since
        self._current, self._since = name, now

    def finish(self) -> None:
        """End the current stage's clock."""
        self._clock(None)

    def documents(self, n: int, message: str) -> None:
        if self.target is None:
            return
        if hasattr(self.target, "update"):
            self.target.update(n)
            if hasattr(self.target, "set_postfix_str"):
                self.target.set_postfix_str(message, refresh=False)
        else:
            self.target(message)

    def stage(self, message: str) -> None:
        self._clock(message)
        if self.target is None:
            return
        if hasattr(self.target, "set_description_str"):
            self.target.set_description_str(message)
        elif not hasattr(self.target, "update"):
            self.target(message)


def progress_bar(*, stream=None, total: int | None = None):
    """A tqdm bar counting documents on ``stream`` (stderr), or None when it is not a terminal.

    >>> import io
    >>> progress_bar(stream=io.StringIO()) is None
    True
    """
    stream = sys.stderr if stream is None else stream
    if not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="newsstudy", unit="doc", file=stream, leave=False)
