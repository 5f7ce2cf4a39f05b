"""The ``newsstudy`` command: arguments, progress and files only (the work is in the stages)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from newsstudy import __version__, attribution
from newsstudy.errors import CorpusError
from newsstudy.paths import FIGURES_DIR, REPORT_DIR, RESULTS_DIR, SEEDS_DIR, display_path
from newsstudy.pipeline import StudyOptions, load_study_corpus, run_study

EXIT_OK = 0
EXIT_BAD_INPUT = 2

# Columns of the documents table that are not written to documents.csv: the raw
# text is in lines.csv (one row per raw line), which rebuilds it exactly.
_DOCUMENT_CSV_DROP = ("text",)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsstudy",
        description=(
            "Study how Arabic-language news media report a story: load and clean a corpus, find "
            "duplication and text reuse, count who is cited, and find terms and topics."
        ),
    )
    parser.add_argument("--version", action="version", version=f"newsstudy {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    run = sub.add_parser(
        "run",
        help="run the whole study on a corpus and write tables and figures",
        description=(
            "Run every stage on CORPUS and write its tables as CSV (UTF-8, with a header) to --out "
            "and its figures as PNG to --figures. A file that cannot be read is listed in "
            "problems.csv with the reason, and the run goes on (use --strict to stop instead)."
        ),
    )
    run.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=SEEDS_DIR,
        help="a folder of .txt files, a .txt file, or a JSON Lines / CSV / Parquet file, optionally "
        "gzip-compressed (default: the study's seeds/ folder)",
    )
    run.add_argument(
        "--out", type=Path, default=RESULTS_DIR, help="folder for the tables (default: results/)"
    )
    run.add_argument(
        "--figures", type=Path, default=FIGURES_DIR, help="folder for the figures (default: figures/)"
    )
    run.add_argument("--text-column", default="text", help="text column of tabular input (default: text)")
    run.add_argument(
        "--id-column", default=None, help="id column of tabular input (default: doc_id, id or docno)"
    )
    run.add_argument(
        "--study",
        type=Path,
        default=None,
        help="study file (TOML) with the affiliation categories to report (default: ./study.toml if "
        "there, else the categories of ANNOTATION.md; see newsstudy/data/study/annotation.toml)",
    )
    run.add_argument(
        "--strict", action="store_true", help="stop with exit code 2 at the first file that cannot be read"
    )
    run.add_argument("--no-figures", action="store_true", help="write the tables only")
    run.add_argument(
        "--engine",
        choices=("memory", "local", "dask"),
        default="memory",
        help="memory: load the corpus at once (default; figures too); local: stream it in chunks on this "
        "machine (Parquet for the large tables, no figures); dask: per-document stages on a Dask cluster "
        "(needs pip install 'newsstudy[dask]')",
    )
    run.add_argument(
        "--chunk-size",
        type=int,
        default=5000,
        help="documents per chunk with --engine local/dask (default: 5000)",
    )
    run.add_argument(
        "--scheduler", default=None, help="Dask scheduler address (default: a local 2-worker cluster)"
    )
    report = sub.add_parser(
        "report",
        help="execute the notebooks and render them into one HTML report",
        description=(
            "Execute the numbered notebooks in notebooks/ (copies; the committed notebooks are not "
            "changed) and render them into one self-contained HTML file, figures embedded."
        ),
    )
    report.add_argument(
        "notebooks",
        nargs="*",
        type=Path,
        help="notebooks to render, in this order (default: the numbered notebooks in notebooks/)",
    )
    report.add_argument(
        "--out", type=Path, default=REPORT_DIR, help="folder for report.html (default: report/)"
    )
    return parser


def _progress_bar(total: int):
    if not sys.stderr.isatty():
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="newsstudy", unit="stage", file=sys.stderr, leave=False)


def _write_table(table: pd.DataFrame, path: Path) -> None:
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", float_format="%.6g")


def _write_figures(tables: dict[str, pd.DataFrame], directory: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from newsstudy.figures import FIGURES, study_figure
    from newsstudy.plotting import save_figure

    for name in FIGURES:
        fig, _ = study_figure(name, tables)
        save_figure(fig, name, directory=directory)
        plt.close(fig)


def _run_engine(args: argparse.Namespace, options: StudyOptions) -> int:
    from newsstudy import engines

    bar = engines.progress_bar()
    try:
        if args.engine == "local":
            written = engines.run_streaming(
                args.corpus, args.out, options, chunk_size=args.chunk_size, progress=bar
            )
        else:
            written = engines.run_dask(
                args.corpus,
                args.out,
                options,
                scheduler=args.scheduler,
                chunk_size=args.chunk_size,
                progress=bar,
            )
    except CorpusError as exc:
        print(f"newsstudy: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ImportError as exc:
        print(f"newsstudy: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        if bar is not None:
            bar.close()
    problems = engines.read_table(args.out, "problems")
    for problem in problems.itertuples():
        print(f"newsstudy: warning: skipped {problem.path}: {problem.reason}", file=sys.stderr)
    print(f"newsstudy: {len(written)} tables in {args.out}", file=sys.stderr)
    return EXIT_OK


def _study_file(args: argparse.Namespace) -> Path | None:
    if args.study is not None:
        return args.study
    local = Path("study.toml")
    return local if local.is_file() else None


def _run(args: argparse.Namespace) -> int:
    options = StudyOptions(
        text_column=args.text_column, id_column=args.id_column, study_file=_study_file(args)
    )
    try:
        options.study()
    except CorpusError as exc:
        print(f"newsstudy: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.engine != "memory":
        return _run_engine(args, options)
    try:
        documents, problems = load_study_corpus(args.corpus, options)
    except CorpusError as exc:
        print(f"newsstudy: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.strict and len(problems):
        first = problems.iloc[0]
        print(f"newsstudy: error: {first.path}: {first.reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for problem in problems.itertuples():
        print(f"newsstudy: warning: skipped {problem.path}: {problem.reason}", file=sys.stderr)
    if documents.empty:
        print(f"newsstudy: error: {args.corpus}: no readable document", file=sys.stderr)
        return EXIT_BAD_INPUT

    bar = _progress_bar(total=8)
    tables = run_study(documents, options, progress=(lambda _name: bar.update(1)) if bar else None)
    if bar is not None:
        bar.close()

    args.out.mkdir(parents=True, exist_ok=True)
    tables = dict(tables)
    tables["documents"] = tables["documents"].drop(columns=list(_DOCUMENT_CSV_DROP))
    tables["documents"]["path"] = tables["documents"]["path"].map(display_path)
    tables["attributions"] = tables["attributions"][list(attribution.STUDY_COLUMNS)]
    tables["problems"] = problems.assign(path=problems["path"].map(display_path)).sort_values(
        ["path", "reason"], ignore_index=True
    )
    for name, table in tables.items():
        _write_table(table, args.out / f"{name}.csv")
    if not args.no_figures:
        _write_figures(tables, args.figures)
    print(
        f"newsstudy: {len(documents)} documents, {len(problems)} problems; tables in {args.out}",
        file=sys.stderr,
    )
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from newsstudy.report import ReportError, render_report

    try:
        target = render_report(
            args.out,
            notebooks=args.notebooks or None,
            progress=lambda line: print(f"newsstudy: {line}", file=sys.stderr),
        )
    except ReportError as exc:
        print(f"newsstudy: error: {exc}", file=sys.stderr)
        return 1
    print(f"newsstudy: report written to {target}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsstudy`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "report":
        return _report(args)
    raise AssertionError(f"unknown command {args.command}")  # argparse rejects it first


if __name__ == "__main__":
    sys.exit(main())
