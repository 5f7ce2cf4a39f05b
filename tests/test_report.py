"""The HTML report: real tables, nothing loaded from elsewhere, linked sections, checked in Chromium.

The report is rendered once, by the ``newsstudy report`` command, from two small fixture notebooks
(``tests/fixtures/report-notebooks/``: an Arabic table with numbers, a figure, links between them), in a few
seconds; ``tests/test_notebooks.py`` renders the study's own notebooks. The browser tests need
Debian's ``chromium`` (``apt-get install chromium``) and are skipped, saying so, without it.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from newsstudy.cli import main
from newsstudy.display import Table, show, table_html
from newsstudy.paths import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "report-notebooks"
NOTEBOOKS = sorted(FIXTURES.glob("*.ipynb"))

# The fixture's table (00-first.ipynb), as to_string would write its values.
SOURCES_HEADER = ["outlet", "attributions", "source", "share"]
SOURCES_ROWS = [
    ["الجزيرة", "12", "مسؤول أمريكي", "0.500"],
    ["العربية", "3", "وزير الخارجية القطري", "0.125"],
    ["CNN بالعربية", "105", "رويترز", "1.000"],
]
NUMERIC = {"attributions", "share"}


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


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("report")
    result = subprocess.run(
        [sys.executable, "-m", "newsstudy", "report", "--notebooks", *map(str, NOTEBOOKS), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return out / "report.html", result


@pytest.fixture(scope="module")
def report(rendered) -> Path:
    return rendered[0]


@pytest.fixture(scope="module")
def page(report) -> Page:
    return Page(report.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- the page as written


def test_the_command_prints_one_line_per_notebook_and_no_kernel_warning(rendered):
    report, result = rendered
    assert result.stderr.splitlines() == [
        "newsstudy: executing 00-first.ipynb (1/2)",
        "newsstudy: executing 01-second.ipynb (2/2)",
        f"newsstudy: report written to {report}",
    ]


def test_a_missing_notebook_is_an_error_not_a_traceback(tmp_path, capsys):
    assert main(["report", "--notebooks", str(tmp_path / "99-none.ipynb"), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"newsstudy: error: no such notebook: {tmp_path / '99-none.ipynb'}\n"


def assert_self_contained(page: Page, css: str) -> None:
    assert "script" not in page.tags and "link" not in page.tags and "iframe" not in page.tags
    for tag, url in page.urls:
        assert not url.startswith(("http:", "https:", "//")), f"<{tag}> loads {url}"
    assert "@import" not in css and "url(http" not in css and "url(//" not in css


def test_the_page_loads_nothing_from_elsewhere(report, page):
    html = report.read_text(encoding="utf-8")
    assert_self_contained(page, html)
    images = [url for tag, url in page.urls if tag == "img"]
    assert images and all(url.startswith("data:image/png;base64,") for url in images)


def test_the_page_is_titled_english_left_to_right_with_contents(page):
    assert page.title == "A small study of sources"
    assert page.html_attrs.get("lang") == "en" and page.html_attrs.get("dir") == "ltr"
    sections = [p.stem for p in NOTEBOOKS]
    assert [i for i in page.ids if i in sections] == sections
    contents = [url for tag, url in page.urls if tag == "a" and url in {f"#{s}" for s in sections}]
    assert contents[:2] == ["#00-first", "#01-second"]


def test_links_between_notebooks_lead_to_their_sections(report, page):
    internal = [url[1:] for tag, url in page.urls if tag == "a" and url.startswith("#")]
    assert {"00-first", "01-second"} <= set(internal)
    assert set(internal) <= set(page.ids), "a link leads to no id of the page"
    outside = [url for tag, url in page.urls if tag == "a" and url.endswith(".ipynb")]
    # A notebook that is not in the report: a link to the file, from where the report is.
    assert [(report.parent / url).resolve() for url in outside] == [FIXTURES / "extra" / "other.ipynb"]


def assert_sources_table(rows: list[list[tuple[str, dict, str]]]) -> None:
    """The fixture's table: every value in its column, each cell with its direction and alignment."""
    assert texts(rows) == [SOURCES_HEADER, *SOURCES_ROWS]
    for row in rows:
        for (tag, attrs, text), column in zip(row, SOURCES_HEADER, strict=True):
            assert attrs.get("dir") in ("auto", "rtl"), f"<{tag}> {text!r} has no direction"
            if attrs["dir"] == "rtl":
                assert attrs.get("lang") == "ar"
            style = attrs.get("style") or ""
            if column in NUMERIC:
                assert "text-align: right" in style and "tabular-nums" in style, (column, text)
    assert rows[1][0][1] == {"dir": "rtl", "lang": "ar", "style": "text-align: right"}
    assert rows[1][1][1]["dir"] == "auto"


def test_tables_are_html_tables_with_every_value_in_its_column(page):
    assert_sources_table(page.tables[0])
    series = texts(page.tables[1])
    assert series == [["", "attributions"], ["outlet", ""], *([r[0], r[1]] for r in SOURCES_ROWS)]


def test_printed_text_has_its_own_direction(page):
    assert ({"dir": "auto"}, "قال مسؤول أمريكي إن 3 من 12 مصدرا مجهولة\n") in page.printed


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


# ----------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium): the report was not opened")
    return found


def run_browser(browser: str, profile: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium on a local page, without any of its own network traffic."""
    return subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--window-size=1280,2000",
            *args,
            url,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture(scope="module")
def dom(browser, report, tmp_path_factory) -> Page:
    result = run_browser(browser, tmp_path_factory.mktemp("profile"), report.as_uri(), "--dump-dom")
    assert "<table" in result.stdout, result.stderr
    return Page(result.stdout)


def test_in_the_browser_every_value_is_in_its_column_and_nothing_comes_from_elsewhere(dom, page):
    assert dom.title == "A small study of sources"
    assert_sources_table(dom.tables[0])
    assert_self_contained(dom, "")
    internal = {url[1:] for tag, url in dom.urls if tag == "a" and url.startswith("#")}
    assert internal <= set(dom.ids)


# Measures the first table and the printed line as laid out; the numbers, as JSON, become the page's title.
MEASURE = """
<script>
const box = (node) => {
  const r = document.createRange(); r.selectNodeContents(node); return r.getBoundingClientRect();
};
const word = (cell, text) => {
  const node = cell.firstChild, start = node.data.indexOf(text), r = document.createRange();
  r.setStart(node, start); r.setEnd(node, start + text.length); return r.getBoundingClientRect();
};
const table = document.querySelector("table.newsstudy-table");
const heads = [...table.tHead.rows[0].cells].map((th) => th.getBoundingClientRect());
const cells = [...table.tBodies[0].rows].flatMap((row) => [...row.cells].map((cell, column) => {
  const edge = cell.getBoundingClientRect(), text = box(cell), style = getComputedStyle(cell);
  return {column, text: cell.textContent, direction: style.direction,
          left: edge.left, right: edge.right, headLeft: heads[column].left, headRight: heads[column].right,
          textLeft: text.left, textRight: text.right,
          contentRight: edge.right - parseFloat(style.paddingRight)};
}));
const cnn = [...table.querySelectorAll("td")].find((td) => td.textContent === "CNN بالعربية");
const pre = [...document.querySelectorAll("pre[dir]")].find((p) => p.textContent.startsWith("قال"));
document.title = JSON.stringify({cells, cnn: word(cnn, "CNN"), arabic: word(cnn, "بالعربية"),
                                 printed: getComputedStyle(pre).direction});
</script>
"""


@pytest.fixture(scope="module")
def measured(browser, report, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("measured")
    page = folder / "report.html"
    page.write_text(
        report.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8"
    )
    result = run_browser(browser, folder / "profile", page.as_uri(), "--dump-dom")
    measures = Page(result.stdout).title
    assert measures.startswith("{"), result.stderr
    return json.loads(measures)


def test_as_laid_out_each_value_sits_under_its_header_numbers_right_aligned(measured):
    for cell in measured["cells"]:
        column = SOURCES_HEADER[cell["column"]]
        assert abs(cell["left"] - cell["headLeft"]) < 1 and abs(cell["right"] - cell["headRight"]) < 1, cell
        assert cell["left"] <= cell["textLeft"] and cell["textRight"] <= cell["right"], cell
        if column in NUMERIC:
            assert abs(cell["textRight"] - cell["contentRight"]) < 1.5, cell
            assert cell["direction"] == "ltr"
        else:
            assert cell["direction"] == "rtl", cell


def test_as_laid_out_arabic_reads_right_to_left(measured):
    # "CNN بالعربية" is an Arabic name: read right to left, "CNN" comes first, on the right.
    assert measured["cnn"]["left"] >= measured["arabic"]["right"] - 0.5
    assert measured["printed"] == "rtl"


def test_a_screenshot_of_the_report(browser, report, tmp_path):
    shot = tmp_path / "report.png"
    result = run_browser(browser, tmp_path / "profile", report.as_uri(), f"--screenshot={shot}")
    assert shot.is_file(), result.stderr
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", header[16:24]) == (1280, 2000)
