"""Execute the study's notebooks and render them into one self-contained HTML report.

The committed notebooks are not modified: each is executed in memory (in the
``notebooks/`` folder, as a reader would run it), checked for errors, and the
executed copies are joined, in their numbered order, into one HTML file whose
figures are embedded as base64 PNG.
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from newsstudy.paths import NOTEBOOKS_DIR

__all__ = ["ReportError", "error_outputs", "execute_notebook", "render_report", "study_notebooks"]


_TABLE_CSS = ".jp-OutputArea-output pre { white-space: pre; overflow-x: auto; }"


class ReportError(RuntimeError):
    """A notebook failed while the report was being built (names the notebook and the cell)."""


def study_notebooks(directory: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered study notebooks (``00-…`` to ``99-…``), in order.

    >>> [p.name for p in study_notebooks()][:1]
    ['00-overview.ipynb']
    """
    return sorted(p for p in directory.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def execute_notebook(path: Path, *, timeout: int = 900) -> nbformat.NotebookNode:
    """Execute a copy of a notebook in its own folder and return the executed copy.

    Raises
    ------
    ReportError
        A cell raised; the message names the notebook and the cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        copy.deepcopy(notebook),
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        return client.execute()
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


def _joined(executed: list[tuple[Path, nbformat.NotebookNode]]) -> nbformat.NotebookNode:
    report = nbformat.v4.new_notebook()
    report.metadata = copy.deepcopy(executed[0][1].metadata)
    for path, notebook in executed:
        divider = f"<a id='{path.stem}'></a>\n\n---\n\n*{path.name}*"
        report.cells.append(nbformat.v4.new_markdown_cell(divider))
        report.cells.extend(copy.deepcopy(notebook.cells))
    return report


def render_report(out_dir: Path, *, notebooks: list[Path] | None = None, timeout: int = 900) -> Path:
    """Execute the numbered notebooks and write ``report.html`` into ``out_dir``.

    Returns the path of the HTML file. Raises :class:`ReportError` if any
    notebook fails or leaves an error output.
    """
    from nbconvert import HTMLExporter

    paths = notebooks if notebooks is not None else study_notebooks()
    if not paths:
        raise ReportError(f"no numbered notebooks found in {NOTEBOOKS_DIR}")
    executed = []
    for path in paths:
        notebook = execute_notebook(path, timeout=timeout)
        problems = error_outputs(notebook)
        if problems:
            raise ReportError(f"{path.name}: " + "; ".join(problems))
        executed.append((path, notebook))
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _resources = exporter.from_notebook_node(_joined(executed))
    # Printed tables are wider than the page: scroll them rather than wrap rows mid-line.
    body = body.replace("</head>", f"<style>{_TABLE_CSS}</style></head>", 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "report.html"
    target.write_text(body, encoding="utf-8")
    return target
