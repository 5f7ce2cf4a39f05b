"""Test-run set-up shared by every test path (tests/, notebooks/, newsstudy/).

The suite runs on every core (``-n auto --dist loadscope`` in pyproject's addopts): a test
module, a notebook (its cells share one kernel) and a module's doctests each stay on one
worker, in their order. The modules marked ``slow`` (the notebooks over all of ANT) are
collected first, so a worker starts on them at once instead of finishing the run alone.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def path(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    slow = {path(item) for item in items if item.get_closest_marker("slow")}
    # A stable sort: every file's items stay together and in their own order.
    items.sort(key=lambda item: path(item) not in slow)
