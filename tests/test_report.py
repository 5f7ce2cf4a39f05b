"""The display helper of the notebooks and the report: HTML tables whose values stay in their columns."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

from newsstudy.display import Table, show, table_html

# A table of Arabic and numbers, as to_string would write its values.
SOURCES_HEADER = ["outlet", "attributions", "source", "share"]
SOURCES_ROWS = [
    ["الجزيرة", "12", "مسؤول أمريكي", "0.500"],
    ["العربية", "3", "وزير الخارجية القطري", "0.125"],
    ["CNN بالعربية", "105", "رويترز", "1.000"],
]


class Page(HTMLParser):
    """What the tests read from a page: title, ids, links, scripts, tables, printed text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.html_attrs: dict[str, str | None] = {}
        self.ids: list[str] = []
        self.urls: list[tuple[str, str]] = []  # (tag, href or src)
        self.tags: list[str] = []
        self.tables: list[list[list[tuple[str, dict, str]]]] = []  # rows of (tag, attrs, text)
        self.printed: list[tuple[dict, str]] = []  # <pre dir=…> of stdout: (attrs, text)
        self._open: list[str] = []
        self._cell: list | None = None
        self._pre: list | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        self._open.append(tag)
        if tag == "html":
            self.html_attrs = a
        if a.get("id"):
            self.ids.append(a["id"])
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.urls.append((tag, a[name]))
        if tag == "table" and "newsstudy-table" in (a.get("class") or ""):
            self.tables.append([])
        elif tag == "tr" and self.tables and "table" in self._open:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and "table" in self._open:
            self._cell = [tag, a, ""]
        elif tag == "pre" and "dir" in a:
            self._pre = [a, ""]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(tuple(self._cell))
            self._cell = None
        elif tag == "pre" and self._pre is not None:
            self.printed.append(tuple(self._pre))
            self._pre = None
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == "title":
            self.title += data
        if self._cell is not None:
            self._cell[2] += data
        if self._pre is not None:
            self._pre[1] += data


def texts(rows: list[list[tuple[str, dict, str]]]) -> list[list[str]]:
    return [[text for _tag, _attrs, text in row] for row in rows]


# ----------------------------------------------------------------------------- the display helper


def test_show_gives_an_html_table_and_the_to_string_text():
    from IPython.core.interactiveshell import InteractiveShell

    frame = pd.DataFrame([row[:2] for row in SOURCES_ROWS], columns=SOURCES_HEADER[:2]).astype(
        {"attributions": int}
    )
    data, _metadata = InteractiveShell.instance().display_formatter.format(
        Table(frame, index=False, caption="المصادر")
    )
    # nbval compares text/plain: the text table, as printed before.
    assert data["text/plain"] == "المصادر\n" + frame.to_string(index=False)
    assert data["text/html"] == table_html(frame, index=False, caption="المصادر")
    header = Page(data["text/html"]).tables[0][0]
    assert header[0] == ("th", {"dir": "auto", "scope": "col", "style": "text-align: right"}, "outlet")


def test_an_empty_table_can_say_so():
    empty = pd.DataFrame({"doc_a": [], "doc_b": []})
    table = Table(empty, index=False, empty="no duplicate pairs")
    assert repr(table) == "no duplicate pairs"
    assert table._repr_html_() == '<p dir="auto">no duplicate pairs</p>'


def test_numbers_are_written_as_to_string_writes_them_and_missing_values_left_empty():
    frame = pd.DataFrame({"doc": ["a", "b", "c"], "score": [0.5, 0.125, float("nan")], "n": [1, 20, 300]})
    rows = texts(Page(table_html(frame, index=False)).tables[0])
    assert rows == [["doc", "score", "n"], ["a", "0.500", "1"], ["b", "0.125", "20"], ["c", "", "300"]]


def test_a_pivot_keeps_its_header_rows_and_a_multiindex_its_levels():
    pivot = pd.DataFrame({"doc_id": ["a", "a", "b"], "label": ["x", "y", "x"], "n": [1, 2, 3]}).pivot(
        index="doc_id", columns="label", values="n"
    )
    assert texts(Page(table_html(pivot)).tables[0]) == [
        ["label", "x", "y"],
        ["doc_id", "", ""],
        ["a", "1.0", "2.0"],
        ["b", "3.0", ""],
    ]
    pairs = pd.Series([0.5, 0.25], index=pd.MultiIndex.from_tuples([(0, 1), (0, 2)], names=["a", "b"]))
    assert texts(Page(table_html(pairs.rename("mean"))).tables[0]) == [
        ["", "", "mean"],
        ["a", "b", ""],
        ["0", "1", "0.50"],
        ["0", "2", "0.25"],
    ]


def test_show_prints_the_text_outside_a_notebook(capsys):
    show(pd.Series({"رويترز": 3}, name="n"))
    assert capsys.readouterr().out == pd.Series({"رويترز": 3}, name="n").to_string() + "\n"
