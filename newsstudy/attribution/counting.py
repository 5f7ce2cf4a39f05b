"""Counting attributions: by source type, affiliation or any column, with copied reports counted once."""

from __future__ import annotations

import pandas as pd

#: Source types counted as anonymous (:func:`anonymous_share`, the views per outlet).
ANONYMOUS_TYPES: tuple[str, ...] = ("anonymous_official", "anonymous_source")


def drop_copies(attributions: pd.DataFrame, copies: pd.DataFrame | None) -> pd.DataFrame:
    """``attributions`` without those on lines copying another document's (``copies``: doc_id, line).

    What the counts read, so a report copied from one outlet to another counts once.

    >>> found = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1]})
    >>> drop_copies(found, pd.DataFrame({"doc_id": ["a"], "line": [2]}))["line"].tolist()
    [1, 1]
    """
    if copies is None or copies.empty or attributions.empty:
        return attributions
    copied = pd.MultiIndex.from_arrays([copies["doc_id"].astype(str), copies["line"].astype("int64")])
    keys = pd.MultiIndex.from_arrays(
        [attributions["doc_id"].astype(str), attributions["line"].astype("int64")]
    )
    return attributions.loc[~keys.isin(copied)]


def count_sources(
    attributions: pd.DataFrame, by: str | list[str] = "source_type", *, copies: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Count attributions by one or more columns, counting each copied report once.

    Parameters
    ----------
    attributions : DataFrame
        Output of :func:`extract`.
    by : str or list of str
        Column(s) to group by: ``doc_id``, ``source_type``, ``affiliation``, ``conduit``, ``outlet`` (the
        cited outlet), or any other column (for example a document's publishing outlet joined on).
    copies : DataFrame, optional
        Lines that copy a line of another document (``doc_id``, ``line``, as from
        ``duplicates.copied_lines``); attributions on them are not counted, so a report copied from one
        outlet to another counts once.

    Returns
    -------
    DataFrame
        The ``by`` columns and ``n``, sorted by ``n`` descending then the keys. Missing values (no conduit)
        are counted under ``"none"``.

    >>> a = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...     "source_type": ["anonymous_official", "anonymous_official", "media_outlet"]})
    >>> count_sources(a).to_numpy().tolist()
    [['anonymous_official', 2], ['media_outlet', 1]]
    >>> count_sources(a, copies=pd.DataFrame({"doc_id": ["a"], "line": [2]})).to_numpy().tolist()
    [['anonymous_official', 1], ['media_outlet', 1]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    kept = drop_copies(attributions, copies)
    frame = kept[keys].astype(object).where(kept[keys].notna(), "none")
    counts = frame.groupby(keys, sort=True).size().rename("n").reset_index()
    return counts.sort_values(
        ["n", *keys], ascending=[False, *([True] * len(keys))], kind="stable"
    ).reset_index(drop=True)


def anonymous_share(attributions: pd.DataFrame, *, copies: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per document: attributions, anonymous ones (``anonymous_official`` + ``anonymous_source``), share.

    >>> a = pd.DataFrame({"doc_id": ["a", "a", "b"], "line": [1, 2, 1],
    ...     "source_type": ["anonymous_official", "named_person", "anonymous_source"]})
    >>> anonymous_share(a).to_numpy().tolist()
    [['a', 2, 1, 0.5], ['b', 1, 1, 1.0]]
    """
    kept = drop_copies(attributions, copies)
    anon = kept["source_type"].isin(ANONYMOUS_TYPES)
    out = (
        pd.DataFrame({"doc_id": kept["doc_id"], "anon": anon})
        .groupby("doc_id", sort=True)
        .agg(n=("anon", "size"), n_anonymous=("anon", "sum"))
        .reset_index()
    )
    out["n_anonymous"] = out["n_anonymous"].astype("int64")
    out["share"] = out["n_anonymous"] / out["n"]
    return out
