"""Tables in the notebooks and the report: real HTML tables, with the text table beside them.

A table printed as text (``print(df.to_string())``) lines its columns up with
spaces, and the Unicode bidi algorithm then reorders every row that mixes
Arabic and numbers: a count lands under the wrong header. :func:`show` displays
a table as an HTML ``<table>`` instead, so each value stays in its cell:

* every cell has its own direction: ``dir="auto"`` (from its first strong
  character), or ``dir="rtl" lang="ar"`` when it is mostly Arabic, so that
  "CNN بالعربية" reads right to left too;
* numeric columns, headers included, are right-aligned in tabular figures;
  columns of mostly Arabic text are right-aligned, other text left-aligned;
* numbers are written as ``to_string`` writes them (same decimals), a missing
  value as an empty cell.

The text/plain form of the same output is the ``to_string`` table, which is
what nbval compares, so a notebook's stored outputs stay stable text.

>>> import pandas as pd
>>> table = Table(pd.DataFrame({"outlet": ["الجزيرة"], "n": [12]}), index=False)
>>> print(repr(table))
 outlet  n
الجزيرة 12
>>> 'lang="ar"' in table._repr_html_()
True
"""

from __future__ import annotations

import html

import pandas as pd
import regex

__all__ = ["Table", "show", "table_html"]

#: A column's alignment: its cells' and its header's style.
_STYLES = {
    "numeric": "text-align: right; font-variant-numeric: tabular-nums",
    "right": "text-align: right",
    "left": "text-align: left",
}

_ARABIC = regex.compile(r"\p{Script=Arabic}")
_LATIN = regex.compile(r"\p{Script=Latin}")


class Table:
    """A table as a notebook output: HTML for the eye, ``to_string`` text for nbval.

    ``empty`` is shown instead of the table when it has no row.
    """

    def __init__(
        self,
        table: pd.DataFrame | pd.Series,
        *,
        index: bool = True,
        caption: str | None = None,
        empty: str | None = None,
    ) -> None:
        self.table = table
        self.index = index
        self.caption = caption
        self.empty = empty

    def _shows_message(self) -> bool:
        return self.empty is not None and len(self.table) == 0

    def __repr__(self) -> str:
        if self._shows_message():
            return self.empty
        text = self.table.to_string(index=self.index)
        return text if self.caption is None else f"{self.caption}\n{text}"

    def _repr_html_(self) -> str:
        if self._shows_message():
            return f'<p dir="auto">{html.escape(self.empty)}</p>'
        return table_html(self.table, index=self.index, caption=self.caption)


def show(
    table: pd.DataFrame | pd.Series,
    *,
    index: bool = True,
    caption: str | None = None,
    empty: str | None = None,
) -> None:
    """Display a table as an HTML table (text where there is no notebook).

    The notebooks' way to show a table: ``show(df, index=False)`` where they
    printed ``df.to_string(index=False)``. Outside IPython it prints the text.
    """
    from IPython.display import display

    display(Table(table, index=index, caption=caption, empty=empty))


def table_html(table: pd.DataFrame | pd.Series, *, index: bool = True, caption: str | None = None) -> str:
    """The HTML ``<table>`` of a data frame or series (see the module's docstring).

    >>> html = table_html(pd.Series([3, 12], index=["أ", "ب"], name="n"))
    >>> '<td dir="auto" style="text-align: right; font-variant-numeric: tabular-nums">12</td>' in html
    True
    >>> '<th dir="rtl" lang="ar" scope="row" style="text-align: right">ب</th>' in html
    True
    """
    frame = _as_frame(table)
    levels = [pd.Series(frame.index.get_level_values(i)) for i in range(frame.index.nlevels)] if index else []
    columns = [frame.iloc[:, i].reset_index(drop=True) for i in range(frame.shape[1])]
    level_aligns = [_alignment(level) for level in levels]
    column_aligns = [_alignment(column) for column in columns]

    corner = [""] * len(levels)
    if levels:
        corner[-1] = _label(frame.columns.name)
    labels = [_label(c) for c in frame.columns]
    head = [_row(corner + labels, "th", level_aligns + column_aligns, "col")]
    if levels and any(name is not None for name in frame.index.names):
        names = [_label(n) for n in frame.index.names] + [""] * len(columns)
        head.append(_row(names, "th", level_aligns + column_aligns, "col"))

    texts = [_formatted(values) for values in levels + columns]
    body = [
        _row(row[: len(levels)], "th", level_aligns, "row") + _row(row[len(levels) :], "td", column_aligns)
        for row in zip(*texts, strict=True)
    ]
    title = "" if caption is None else f"<caption{_direction(caption)}>{html.escape(caption)}</caption>"
    return (
        f'<table class="newsstudy-table">{title}<thead>{"".join(f"<tr>{r}</tr>" for r in head)}</thead>'
        f"<tbody>{''.join(f'<tr>{r}</tr>' for r in body)}</tbody></table>"
    )


def _as_frame(table: pd.DataFrame | pd.Series) -> pd.DataFrame:
    if isinstance(table, pd.Series):
        return table.to_frame(name="" if table.name is None else table.name)
    return table


def _is_numeric(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def _alignment(column: pd.Series) -> str:
    """``numeric``, or ``right`` for a column of mostly Arabic text, or ``left``."""
    if _is_numeric(column):
        return "numeric"
    texts = [str(v) for v in column if not _missing(v)]
    arabic = sum(_mostly_arabic(text) for text in texts)
    return "right" if texts and arabic * 2 > len(texts) else "left"


def _label(value: object) -> str:
    """A column or index label as written in a header (levels of a tuple joined by " / ")."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return str(value)


def _missing(value: object) -> bool:
    return pd.api.types.is_scalar(value) and bool(pd.isna(value))


def _formatted(column: pd.Series) -> list[str]:
    """The column's values as text, a missing value as nothing; numbers as ``to_string`` writes them."""
    if _is_numeric(column) and len(column):
        written = [s.strip() for s in column.to_frame().to_string(index=False, header=False).split("\n")]
    else:
        written = [str(v) for v in column]
    return ["" if _missing(v) else text for text, v in zip(written, column, strict=True)]


def _row(texts: list[str], tag: str, aligns: list[str], scope: str | None = None) -> str:
    """Cells ``<td>``/``<th>``, each with its own direction, aligned as its column."""
    scope = f' scope="{scope}"' if scope else ""
    return "".join(
        f'<{tag}{_direction(text)}{scope} style="{_STYLES[align]}">{html.escape(text)}</{tag}>'
        for text, align in zip(texts, aligns, strict=True)
    )


def _direction(text: str) -> str:
    """The attributes giving a text its direction: right to left if mostly Arabic, else its own."""
    return ' dir="rtl" lang="ar"' if _mostly_arabic(text) else ' dir="auto"'


def _mostly_arabic(text: str) -> bool:
    return len(_ARABIC.findall(text)) > len(_LATIN.findall(text))
