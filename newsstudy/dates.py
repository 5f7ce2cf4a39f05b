"""Publication dates as corpora write them, parsed once and fast.

Scraped corpora write dates as ISO 8601 (``2024-03-01T10:00:00Z``), as RSS
feeds do (RFC 2822: ``Sun, 18 Feb 2018 21:35:43 +0400``), or in some other
shape (``13 Jun 2018``, ``03/01/2024``). :func:`parse_dates` tries the two
standard forms first, with vectorised or dedicated parsers, and gives only
what is left to pandas' per-value ``format="mixed"`` parser (dateutil), which
costs about 0.2 ms a value: on a corpus of RSS dates the standard forms make
parsing about eight times faster. Every date is UTC; what no parser reads is
``NaT``.
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterable

import pandas as pd

__all__ = ["DATE_COLUMNS", "date_column", "parse_dates"]

#: Columns that give an article's publication date in corpora as they come, in order of preference.
DATE_COLUMNS: tuple[str, ...] = (
    "date", "published", "published_at", "publish_date", "pubdate", "datetime", "time", "timestamp",
    "TIME", "DATE",
)  # fmt: skip


def date_column(columns: Iterable[str], preferred: str = "date") -> str | None:
    """The corpus's date column: ``preferred`` if present, else the first of :data:`DATE_COLUMNS`.

    >>> date_column(["DOCNO", "TEXT", "TIME"]), date_column(["text"])
    ('TIME', None)
    """
    columns = list(columns)
    return next((c for c in (preferred, *DATE_COLUMNS) if c in columns), None)


def _rfc2822(value: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(email.utils.parsedate_to_datetime(value)).tz_convert("UTC")
    except (TypeError, ValueError, IndexError, OverflowError):
        return pd.NaT


def _utc(parsed: pd.Series) -> pd.Series:
    return parsed.astype("datetime64[ns, UTC]")


def parse_dates(values: pd.Series) -> pd.Series:
    """``values`` (strings, timestamps or missing) as UTC timestamps, ``NaT`` where unreadable.

    Order: ISO 8601, then RFC 2822 (for what ISO did not read), then pandas'
    ``format="mixed"`` for the rest. The index of ``values`` is kept.

    >>> dates = parse_dates(pd.Series(["2018-06-13T15:14:11Z", "Wed, 13 Jun 2018 17:14:11 +0200",
    ...                                "13 Jun 2018", "?", None]))
    >>> [str(d) for d in dates]
    ['2018-06-13 15:14:11+00:00', '2018-06-13 15:14:11+00:00', '2018-06-13 00:00:00+00:00', 'NaT', 'NaT']
    """
    values = pd.Series(values, dtype=object)
    parsed = _utc(pd.to_datetime(values, utc=True, errors="coerce", format="ISO8601"))
    left = parsed.isna() & values.map(lambda v: isinstance(v, str) and bool(v.strip()))
    if left.any():
        rfc = pd.to_datetime(
            pd.Series([_rfc2822(v) for v in values[left]], index=values.index[left], dtype=object), utc=True
        )
        parsed[left] = _utc(rfc)
        left &= parsed.isna()
    if left.any():
        parsed[left] = _utc(pd.to_datetime(values[left], utc=True, errors="coerce", format="mixed"))
    non_strings = parsed.isna() & values.notna() & ~values.map(lambda v: isinstance(v, str))
    if non_strings.any():  # datetime objects, numbers pandas reads
        parsed[non_strings] = _utc(
            pd.to_datetime(values[non_strings], utc=True, errors="coerce", format="mixed")
        )
    return parsed
