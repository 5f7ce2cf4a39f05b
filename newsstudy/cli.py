"""The ``newsstudy`` command: arguments, progress and files only (the work is in the stages)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from newsstudy import __version__, attribution, results
from newsstudy.errors import CorpusError, OutputError
from newsstudy.paths import FIGURES_DIR, REPORT_DIR, RESULTS_DIR, SEEDS_DIR, display_path
from newsstudy.pipeline import StudyOptions, load_study_corpus, run_study
from newsstudy.results import RunFolder

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

# Columns of the documents table that are not written to documents.csv: the raw
# text is in lines.csv (one row per raw line), which rebuilds it exactly.
_DOCUMENT_CSV_DROP = ("text",)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _add_verbosity(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    group.add_argument("-v", "--verbose", action="store_true", help="print each step and its time")


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
            "and its figures as PNG to --figures. A document that cannot be read is listed in "
            "problems.csv with the reason, and the run goes on (use --strict to stop instead). The "
            "run is written into a new folder and moved into place when complete, with its manifest "
            "run.json; until then the previous results stay as they were."
        ),
    )
    run.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=None,
        help="a folder of .txt files, a .txt file, or a JSON Lines / CSV / Parquet file, optionally "
        "gzip-compressed (default: the corpus of ./study.toml, else the bundled study's seeds/ folder)",
    )
    run.add_argument("--out", type=Path, default=None, help="folder for the tables (default: ./results)")
    run.add_argument(
        "--figures",
        type=Path,
        default=None,
        help="folder for the figures (default: ./figures, or OUT/figures when --out is given)",
    )
    run.add_argument("--text-column", default=None, help="text column of tabular input (default: text)")
    run.add_argument(
        "--id-column", default=None, help="id column of tabular input (default: doc_id, id or docno)"
    )
    run.add_argument(
        "--study",
        type=Path,
        default=None,
        help="study file (TOML): the affiliation categories to report and optionally the corpus "
        "(default: ./study.toml if there, else the categories of ANNOTATION.md; see "
        "newsstudy/data/study/annotation.toml)",
    )
    run.add_argument(
        "--strict", action="store_true", help="stop with exit code 2 if any document cannot be read"
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
        type=_positive,
        default=5000,
        help="documents per chunk with --engine local/dask (default: 5000)",
    )
    run.add_argument(
        "--scheduler", default=None, help="Dask scheduler address (default: a local 2-worker cluster)"
    )
    _add_verbosity(run)
    report = sub.add_parser(
        "report",
        help="execute the notebooks and render them into one HTML report",
        description=(
            "Execute the numbered notebooks (copies; the committed notebooks are not changed) and "
            "render them into one self-contained HTML file, figures embedded."
        ),
    )
    report.add_argument(
        "--out", type=Path, default=REPORT_DIR, help="folder for report.html (default: ./report)"
    )
    _add_verbosity(report)
    return parser


class _Console:
    """What the command prints: errors always; warnings and the summary unless -q; steps with -v.

    On a terminal a progress bar counts the steps (loading, the stages, writing, figures).
    """

    def __init__(self, args: argparse.Namespace, total: int) -> None:
        self.quiet = args.quiet
        self.verbose = args.verbose
        self.timings: dict[str, float] = {}
        self._bar = None
        if not self.quiet and sys.stderr.isatty():
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, desc="newsstudy", unit="step", file=sys.stderr, leave=False)
        self._clock = time.perf_counter()

    def step(self, name: str) -> None:
        """Mark the end of step ``name`` (its time is from the end of the previous step)."""
        now = time.perf_counter()
        self.timings[name] = round(now - self._clock, 3)
        self._clock = now
        if self._bar is not None:
            self._bar.set_description_str(f"newsstudy: {name} done")
            self._bar.update(1)
        elif self.verbose:
            print(f"newsstudy: {name}: {self.timings[name]:.1f} s", file=sys.stderr)

    def warn(self, message: str) -> None:
        if not self.quiet:
            print(f"newsstudy: warning: {message}", file=sys.stderr)

    def say(self, message: str) -> None:
        if not self.quiet:
            print(f"newsstudy: {message}", file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _error(message: str) -> None:
    print(f"newsstudy: error: {message}", file=sys.stderr)


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


def _study_file(args: argparse.Namespace) -> Path | None:
    if args.study is not None:
        return args.study
    local = Path("study.toml")
    return local if local.is_file() else None


@dataclass
class _Plan:
    """What a run will do, settled (and checked) before any work starts."""

    corpus: Path
    options: StudyOptions
    folder: RunFolder


def _plan(args: argparse.Namespace) -> _Plan:
    """The run's corpus, options and output folder; raises CorpusError / OutputError."""
    study_file = _study_file(args)
    study = StudyOptions(study_file=study_file).study()
    options = StudyOptions(
        text_column=args.text_column or study.text_column or "text",
        id_column=args.id_column or study.id_column,
        study_file=study_file,
    )
    corpus = args.corpus or study.corpus or SEEDS_DIR
    if not (corpus.exists() or corpus.is_symlink()):
        raise CorpusError(corpus, "no such file or folder")
    out = args.out if args.out is not None else RESULTS_DIR
    figures = args.figures
    if figures is None:
        figures = FIGURES_DIR if args.out is None else out / "figures"
    # The streaming engines write no figures (yet): their large tables are Parquet, read on demand.
    draw = not args.no_figures and args.engine == "memory"
    folder = RunFolder(out, figures if draw else None)
    return _Plan(corpus, options, folder)


def _manifest(args: argparse.Namespace, plan: _Plan, counts: dict[str, int], console: _Console) -> dict:
    options = {
        key: (display_path(value) if isinstance(value, Path) else value)
        for key, value in asdict(plan.options).items()
    }
    return {
        "newsstudy": __version__,
        "complete": True,
        "command": {
            "engine": args.engine,
            "chunk_size": args.chunk_size if args.engine != "memory" else None,
            "strict": args.strict,
            "figures": None
            if plan.folder.figures_target is None
            else display_path(plan.folder.figures_target),
        },
        "options": options,
        "input": results.input_record(plan.corpus, display=display_path),
        "counts": counts,
        "timings_seconds": console.timings,
    }


def _study_tables(args: argparse.Namespace, plan: _Plan, console: _Console) -> dict | int:
    """Load and run the study in memory; the tables to write, or an exit code."""
    documents, problems = load_study_corpus(plan.corpus, plan.options)
    console.step("load")
    if args.strict and len(problems):
        first = problems.iloc[0]
        _error(f"{first.path}: {first.reason}")
        return EXIT_BAD_INPUT
    for problem in problems.itertuples():
        console.warn(f"skipped {problem.path}: {problem.reason}")
    if documents.empty:
        _error(f"{plan.corpus}: no readable document")
        return EXIT_BAD_INPUT
    tables = dict(run_study(documents, plan.options, progress=console.step))
    tables["documents"] = tables["documents"].drop(columns=list(_DOCUMENT_CSV_DROP))
    tables["documents"]["path"] = tables["documents"]["path"].map(display_path)
    tables["attributions"] = tables["attributions"][list(attribution.STUDY_COLUMNS)]
    tables["problems"] = problems.assign(path=problems["path"].map(display_path)).sort_values(
        ["path", "reason"], ignore_index=True
    )
    return tables


def _run_memory(args: argparse.Namespace, plan: _Plan, console: _Console) -> dict[str, int] | int:
    tables = _study_tables(args, plan, console)
    if isinstance(tables, int):
        return tables
    for name, table in tables.items():
        plan.folder.table(name, table)
    console.step("write")
    if plan.folder.figures is not None:
        _write_figures(tables, plan.folder.figures)
        console.step("figures")
    return {"documents": len(tables["documents"]), "problems": len(tables["problems"])}


def _run_engine(args: argparse.Namespace, plan: _Plan, console: _Console) -> dict[str, int] | int:
    from newsstudy import engines

    bar = None if console.quiet else engines.progress_bar()
    staged = plan.folder.staged
    try:
        if args.engine == "local":
            written = engines.run_streaming(
                plan.corpus, staged, plan.options, chunk_size=args.chunk_size, progress=bar
            )
        else:
            written = engines.run_dask(
                plan.corpus, staged, plan.options, scheduler=args.scheduler,
                chunk_size=args.chunk_size, progress=bar,
            )  # fmt: skip
    finally:
        if bar is not None:
            bar.close()
    console.step("study")
    problems = engines.read_table(staged, "problems")
    if args.strict and len(problems):
        first = problems.iloc[0]
        _error(f"{first.path}: {first.reason}")
        return EXIT_BAD_INPUT
    for problem in problems.itertuples():
        console.warn(f"skipped {problem.path}: {problem.reason}")
    n_documents = len(engines.read_table(staged, "documents")) if "documents" in written else 0
    if not n_documents:
        _error(f"{plan.corpus}: no readable document")
        return EXIT_BAD_INPUT
    for name, path in written.items():
        plan.folder.note_file(name, path)
    return {"documents": n_documents, "problems": len(problems)}


def _run(args: argparse.Namespace) -> int:
    try:
        plan = _plan(args)
    except (CorpusError, OutputError) as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    console = _Console(args, total=7 if args.engine == "memory" else 1)
    target = plan.folder.out
    try:
        with plan.folder:
            run = _run_memory if args.engine == "memory" else _run_engine
            counts = run(args, plan, console)
            if isinstance(counts, int):
                plan.folder.abort()
                return counts
            plan.folder.commit(_manifest(args, plan, counts, console))
    except CorpusError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except ImportError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _error(f"interrupted; {target} is as it was before this run")
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = exc.filename or target
        _error(f"cannot write {where}: {exc.strerror or exc}; {target} is as it was before this run")
        return EXIT_FAILED
    finally:
        console.close()
    console.say(f"{counts['documents']} documents, {counts['problems']} problems; tables in {target}")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from newsstudy.report import ReportError, render_report

    try:
        target = render_report(args.out)
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
