"""Publication dates as corpora write them (newsstudy.dates): read, or NaT, never an error."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from newsstudy.dates import parse_dates


def test_dates_out_of_range_or_without_a_year_are_unreadable_not_errors():
    values = ["1445-09-10", "9999-12-31", "0001-01-01T00:00:00Z", "Sun, 01 Jan 1445 10:00:00 +0000",
              "10:32", "13 Jun", 10**30, float("nan"), float("inf"), -float("inf"), True]  # fmt: skip
    assert parse_dates(pd.Series(values, dtype=object)).isna().all()


def test_epoch_numbers_by_their_size_and_mixed_offsets_in_utc():
    second = 1_700_000_000
    got = parse_dates(
        pd.Series([second, second * 1000, "2023-11-14T22:13:20+00:00", "2023-11-15T01:13:20+03:00"])
    )
    assert got.nunique() == 1 and str(got.iloc[0]) == "2023-11-14 22:13:20+00:00"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.datetimes()), max_size=8
    )
)
def test_any_values_parse_to_utc_timestamps_or_nat(values):
    got = parse_dates(pd.Series(values, dtype=object))
    assert str(got.dtype) == "datetime64[ns, UTC]" and len(got) == len(values)


def test_a_chunk_with_no_readable_date_is_undated_not_an_error():
    from newsstudy.dates import document_dates

    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2024-13-45", [2024], {"day": 1}]})
    got = document_dates(docs)
    assert str(got["date"].dtype) == "datetime64[ns, UTC]" and got["date"].isna().all()
