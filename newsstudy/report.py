"""Execute the study's notebooks and render them into one self-contained HTML report.

The committed notebooks are not modified: each is executed in memory (in the
``notebooks/`` folder, as a reader would run it), checked for errors, and the
executed copies are joined, in their numbered order, into one HTML page:

* self-contained and readable offline: figures embedded as base64 PNG, the
  styles inline, and no script at all (no require.js, MathJax or mermaid
  loaded from the network);
* one ``<section id="NN-name">`` per notebook, a table of contents linking
  them, the study's name (the first notebook's first heading) as its title;
  links between notebooks (``02-duplication.ipynb``) lead to their section;
* ``lang="en" dir="ltr"`` for the English prose, ``dir="auto"`` on printed
  text; tables shown with :func:`newsstudy.display.show` are HTML tables whose
  cells carry their own direction.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import nbformat

from newsstudy.paths import NOTEBOOKS_DIR

__all__ = [
    "ReportError",
    "error_outputs",
    "execute_notebook",
    "link_notebooks",
    "notebook_title",
    "render_report",
    "study_notebooks",
]

# The kernels' debugger (debugpy) warns about frozen modules at every start: not the reader's concern.
_KERNEL_ENV = {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}

# A link target ending in .ipynb, in a Markdown link or an HTML href (not a URL: no ":" before it).
_NOTEBOOK_LINK = re.compile(
    r"(?P<before>\]\(\s*<?|href=[\"'])(?P<target>[^()\s\"'<>#:]+\.ipynb)(?P<fragment>#[^()\s\"'<>]*)?"
)

_CSS = """
body { font-family: var(--jp-content-font-family); }
main { max-width: 1200px; margin: 0 auto; }
.jp-OutputArea-output { overflow-x: auto; }
/* Printed text is wider than the page: scroll it rather than wrap rows mid-line. */
.jp-OutputArea-output pre { white-space: pre; overflow-x: auto; text-align: start; }
:lang(ar) {
  font-family: "Noto Sans Arabic", "Noto Naskh Arabic", "Geeza Pro", "Segoe UI", Tahoma, "DejaVu Sans",
    sans-serif;
}
table.newsstudy-table { margin: 0 0 1em; border-collapse: collapse; }
table.newsstudy-table caption { caption-side: top; text-align: start; font-weight: bold; padding: 0.25em 0; }
/* One line height whatever the script, so rows of Arabic and of Latin text are as tall. */
table.newsstudy-table th, table.newsstudy-table td {
  padding: 0.25em 0.6em; vertical-align: baseline; line-height: 1.6;
}
table.newsstudy-table thead { border-bottom: 1px solid var(--jp-border-color1); }
nav.newsstudy-contents { padding: 1em var(--jp-cell-padding) 0.5em; }
nav.newsstudy-contents h2 { margin: 0 0 0.5em; font-size: 1.2em; }
/* The notebooks' titles are numbered already. */
nav.newsstudy-contents ul { list-style: none; padding-left: 1em; margin: 0; }
section.newsstudy-section { border-top: 1px solid var(--jp-border-color2); padding-top: 1em; }
p.newsstudy-source { color: var(--jp-ui-font-color2); margin: 0; padding: 0 var(--jp-cell-padding); }
"""

# The lab template, less everything that loads from the network, with the page's direction, the
# styles above (after lab's, so they win), a table of contents, one <section> per notebook and
# dir="auto" on printed text.
_TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block header -%}
<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
{{ self.html_head() }}
</head>
{%- endblock header -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">{{ resources.newsstudy.css }}</style>
{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
<nav class="newsstudy-contents" aria-label="Contents">
<h2>Contents</h2>
<ul>
{%- for section in resources.newsstudy.sections %}
<li><a href="#{{ section.id }}">{{ section.title | e }}</a></li>
{%- endfor %}
</ul>
</nav>
{%- endblock body_header -%}
{%- block any_cell scoped -%}
{%- set place = cell.metadata.get('newsstudy_report', {}) -%}
{%- if place.opens %}
<section id="{{ place.opens.id }}" class="newsstudy-section">
<p class="newsstudy-source"><em>{{ place.opens.file | e }}</em></p>
{%- endif -%}
{{ super() }}
{%- if place.closes %}
</section>
{%- endif -%}
{%- endblock any_cell -%}
{%- macro text_output(mime_type, text, extra_class="") -%}
<div class="jp-RenderedText jp-OutputArea-output {{ extra_class }}" data-mime-type="{{ mime_type }}">
<pre dir="auto">
{{- text | ansi2html -}}
</pre>
</div>
{%- endmacro -%}
{%- block stream_stdout -%}{{ text_output("text/plain", output.text) }}{%- endblock stream_stdout -%}
{%- block stream_stderr -%}
{{ text_output("application/vnd.jupyter.stderr", output.text) }}
{%- endblock stream_stderr -%}
{%- block data_text scoped -%}
{{ text_output("text/plain", output.data["text/plain"], extra_class) }}
{%- endblock data_text -%}
"""


class ReportError(RuntimeError):
    """A notebook failed while the report was being built (names the notebook and the cell)."""


def study_notebooks(directory: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered study notebooks (``00-…`` to ``99-…``), in order.

    >>> [p.name for p in study_notebooks()][:1]
    ['00-overview.ipynb']
    """
    return sorted(p for p in directory.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def _kernel_config(sockets: Path):
    """Kernels talk over Unix sockets in ``sockets`` where there are any.

    The default, TCP on localhost, is unencrypted, and the kernel says so at every start.
    """
    from traitlets.config import Config

    if os.name != "posix":
        return Config()
    return Config({"KernelManager": {"transport": "ipc", "ip": str(sockets / "kernel")}})


def with_parameters(notebook: nbformat.NotebookNode, parameters: dict[str, object]) -> nbformat.NotebookNode:
    """A copy of ``notebook`` with ``parameters`` set, as papermill sets them.

    A cell assigning them is put right after the cell tagged ``parameters`` (or
    first, if there is none), tagged ``injected-parameters``.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('RESULTS = "../results"')])
    >>> nb.cells[0].metadata["tags"] = ["parameters"]
    >>> [c.source for c in with_parameters(nb, {"RESULTS": "/tmp/run"}).cells]
    ['RESULTS = "../results"', "RESULTS = '/tmp/run'"]
    """
    notebook = copy.deepcopy(notebook)
    if not parameters:
        return notebook
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["injected-parameters"]
    tagged = [
        i for i, c in enumerate(notebook.cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    notebook.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return notebook


def execute_notebook(
    path: Path, *, timeout: int = 900, parameters: dict[str, object] | None = None
) -> nbformat.NotebookNode:
    """Execute a copy of a notebook in its own folder (with ``parameters`` set) and return the copy.

    Raises
    ------
    ReportError
        A cell raised; the message names the notebook and the cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = with_parameters(nbformat.read(path, as_version=4), parameters or {})
    with tempfile.TemporaryDirectory(prefix="newsstudy-kernel-") as sockets:
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            config=_kernel_config(Path(sockets)),
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            return client.execute(env={**os.environ, **_KERNEL_ENV})
        except CellExecutionError as exc:
            raise ReportError(f"{path.name}: a cell failed:\n{exc}") from None


def error_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """Descriptions of error outputs and stderr tracebacks in an executed notebook.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> error_outputs(nb)
    []
    """
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
            elif output.get("name") == "stderr" and "Traceback" in output.get("text", ""):
                found.append(f"cell {index}: traceback on stderr")
    return found


def notebook_title(notebook: nbformat.NotebookNode, default: str) -> str:
    """The notebook's first Markdown heading, as plain text (``default`` if it has none).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 2. *Duplication*\\n\\ntext")])
    >>> notebook_title(nb, "02-duplication")
    '2. Duplication'
    """
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            heading = re.match(r"#{1,6}\s+(.+?)\s*#*\s*$", line)
            if heading:
                return re.sub(r"[*_`]", "", heading.group(1))
    return default


def link_notebooks(source: str, folder: Path, sections: dict[Path, str], out_dir: Path) -> str:
    """Markdown with its links to notebooks rewritten for the joined report.

    A link to a notebook of the report (``02-duplication.ipynb``, relative to
    ``folder``, the linking notebook's folder) leads to its section
    (``#02-duplication``); a link to any other notebook, to that file, relative
    to ``out_dir`` where the report is written.

    >>> notebooks = Path("/study/notebooks")
    >>> sections = {notebooks / "02-duplication.ipynb": "02-duplication"}
    >>> link_notebooks("[next](02-duplication.ipynb)", notebooks, sections, Path("/study/report"))
    '[next](#02-duplication)'
    >>> link_notebooks("[more](extra/at-scale.ipynb#top)", notebooks, sections, Path("/study/report"))
    '[more](../notebooks/extra/at-scale.ipynb#top)'
    """

    def rewrite(link: re.Match) -> str:
        target = Path(os.path.normpath(folder / link["target"]))
        if target in sections:
            return f"{link['before']}#{sections[target]}"
        relative = Path(os.path.relpath(target, out_dir)).as_posix()
        return f"{link['before']}{relative}{link['fragment'] or ''}"

    return _NOTEBOOK_LINK.sub(rewrite, source)


def _joined(
    executed: list[tuple[Path, nbformat.NotebookNode]], out_dir: Path
) -> tuple[nbformat.NotebookNode, list[dict]]:
    """One notebook of all the executed ones, and its sections (id and title), in order.

    Each notebook's first cell opens its section and its last closes it (cell
    metadata read by the template); links between notebooks lead to sections.
    """
    ids = {path.resolve(): path.stem for path, _ in executed}
    report = nbformat.v4.new_notebook()
    report.metadata = copy.deepcopy(executed[0][1].metadata)
    report.metadata["title"] = notebook_title(executed[0][1], "newsstudy report")
    sections = []
    for path, notebook in executed:
        cells = copy.deepcopy(notebook.cells) or [nbformat.v4.new_markdown_cell("")]
        for cell in cells:
            if cell.cell_type == "markdown":
                cell.source = link_notebooks(cell.source, path.resolve().parent, ids, out_dir.resolve())
        cells[0].metadata["newsstudy_report"] = {"opens": {"id": path.stem, "file": path.name}}
        cells[-1].metadata.setdefault("newsstudy_report", {})["closes"] = True
        sections.append({"id": path.stem, "title": notebook_title(notebook, path.name)})
        report.cells.extend(cells)
    return report, sections


def _html(report: nbformat.NotebookNode, sections: list[dict]) -> str:
    """The report page: nbconvert's lab template, through :data:`_TEMPLATE`."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"newsstudy-report.html.j2": _TEMPLATE})],
        template_file="newsstudy-report.html.j2",
        embed_images=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    resources = {"newsstudy": {"css": _CSS, "sections": sections}}
    body, _resources = exporter.from_notebook_node(report, resources=resources)
    return body


def render_report(
    out_dir: Path,
    *,
    notebooks: list[Path] | None = None,
    results: Path | None = None,
    timeout: int = 900,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Execute the numbered notebooks and write ``report.html`` into ``out_dir``.

    ``results``, the folder of a complete run (``newsstudy run``), is given to
    every notebook as its ``RESULTS`` parameter; by default the notebooks read
    the run they name themselves. ``progress``, if given, is called with one
    line before each notebook is executed. Returns the path of the HTML file.
    Raises :class:`ReportError` if ``results`` is not a complete run, or if any
    notebook fails or leaves an error output.
    """
    parameters = {}
    if results is not None:
        if not (Path(results) / "run.json").is_file():
            raise ReportError(
                f"{results}: no run.json, so not a complete run; run `newsstudy run` first, or name the "
                "--out folder of a run"
            )
        parameters["RESULTS"] = str(Path(results).resolve())
    paths = notebooks if notebooks is not None else study_notebooks()
    if not paths:
        raise ReportError(f"no numbered notebooks found in {NOTEBOOKS_DIR}")
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise ReportError("no such notebook: " + ", ".join(missing))
    executed = []
    for number, path in enumerate(paths, start=1):
        if progress is not None:
            progress(f"executing {path.name} ({number}/{len(paths)})")
        notebook = execute_notebook(path, timeout=timeout, parameters=parameters)
        problems = error_outputs(notebook)
        if problems:
            raise ReportError(f"{path.name}: " + "; ".join(problems))
        executed.append((path, notebook))
    page = _html(*_joined(executed, out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "report.html"
    target.write_text(page, encoding="utf-8")
    return target
