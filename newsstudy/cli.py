"""The ``newsstudy`` command: arguments, progress and files only (the work is in the stages)."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsstudy import __version__, results
from newsstudy.errors import CorpusError, OutputError
from newsstudy.paths import FIGURES_DIR, REPORT_DIR, RESULTS_DIR, SEEDS_DIR, display_path
from newsstudy.pipeline import StudyOptions

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


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
            "Run every stage on CORPUS, read in chunks, and write its tables as CSV (UTF-8, with a "
            "header) to --out and its figures as PNG to --figures. A document that cannot be read is "
            "listed in problems.csv with the reason, and the run goes on (use --strict to stop instead). The "
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
        "--outlet-column",
        default=None,
        help="column naming each document's outlet, for the views per outlet and the cleaner's corpus "
        "evidence (default: outlet, SRC, source, publisher, site or domain; else the URL's host or the "
        "sub-folder; else one outlet)",
    )
    run.add_argument(
        "--date-column",
        default=None,
        help="column of publication dates, for the views per month and the direction of reuse "
        "(default: date, else published, pubdate, time, TIME …)",
    )
    run.add_argument(
        "--no-corpus-evidence",
        action="store_true",
        help="clean each document alone (no count of the lines recurring in an outlet's documents)",
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
        choices=("local", "dask"),
        default="local",
        help="who runs the study's one plan (the tables are the same): local, this machine's worker "
        "processes (default); dask, a Dask cluster (needs pip install 'newsstudy[dask]')",
    )
    run.add_argument(
        "--chunk-size",
        type=_positive,
        default=5000,
        help="documents read and processed at a time; memory grows with it, not with the corpus "
        "(default: 5000)",
    )
    run.add_argument(
        "--jobs",
        type=_positive,
        default=2,
        help="worker processes of --engine local (default: 2)",
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
        "results",
        nargs="?",
        type=Path,
        default=None,
        help="the folder of a complete run to report on (default: ./results if it holds a run, else "
        "the bundled study's)",
    )
    report.add_argument(
        "--notebooks",
        nargs="+",
        type=Path,
        default=None,
        help="notebooks to render, in this order (default: the study's numbered notebooks)",
    )
    report.add_argument(
        "--out", type=Path, default=REPORT_DIR, help="folder for report.html (default: ./report)"
    )
    _add_verbosity(report)
    return parser


class _Console:
    """What the command prints: errors always; warnings and the summary unless -q; stages with -v."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.quiet = args.quiet
        self.verbose = args.verbose

    def stage(self, message: str) -> None:
        print(f"newsstudy: {message}", file=sys.stderr)

    def warn(self, message: str) -> None:
        if not self.quiet:
            print(f"newsstudy: warning: {message}", file=sys.stderr)

    def say(self, message: str) -> None:
        if not self.quiet:
            print(f"newsstudy: {message}", file=sys.stderr)


#: Files named one by one when a corpus folder holds files that are not documents.
MAX_NAMED_FILES = 5


def _say_not_read(corpus: Path, console: _Console) -> None:
    """Name the files of a corpus folder that are not documents (a README, images), so none is lost unseen."""
    from newsstudy.corpus import skipped_files

    if not corpus.is_dir():
        return
    skipped = [display_path(p) for p in skipped_files(corpus)]
    if skipped:
        named = ", ".join(skipped[:MAX_NAMED_FILES]) + (" …" if len(skipped) > MAX_NAMED_FILES else "")
        noun = "file is" if len(skipped) == 1 else "files are"
        console.say(f"not read: {len(skipped)} {noun} neither text nor a table: {named}")


def _error(message: str) -> None:
    print(f"newsstudy: error: {message}", file=sys.stderr)


def _study_file(args: argparse.Namespace) -> Path | None:
    if args.study is not None:
        return args.study
    local = Path("study.toml")
    return local if local.is_file() else None


@dataclass
class _Plan:
    """What a run will do, settled before any work starts."""

    corpus: Path
    options: StudyOptions
    out: Path
    figures: Path | None


def _plan(args: argparse.Namespace) -> _Plan:
    """The run's corpus, options and output folders; raises CorpusError."""
    study_file = _study_file(args)
    study = StudyOptions(study_file=study_file).study()
    options = StudyOptions(
        text_column=args.text_column or study.text_column or "text",
        id_column=args.id_column or study.id_column,
        outlet_column=args.outlet_column or study.outlet_column,
        date_column=args.date_column or study.date_column,
        study_file=study_file,
        corpus_evidence=not args.no_corpus_evidence,
    )
    corpus = args.corpus or study.corpus or SEEDS_DIR
    if not (corpus.exists() or corpus.is_symlink()):
        raise CorpusError(corpus, "no such file or folder")
    out = args.out if args.out is not None else RESULTS_DIR
    figures = args.figures
    if figures is None:
        figures = FIGURES_DIR if args.out is None else out / "figures"
    # The output folders are checked by the run before any work (results.RunFolder).
    return _Plan(corpus, options, out, None if args.no_figures else figures)


def _command(args: argparse.Namespace, plan: _Plan) -> dict:
    """What run.json records of the command (the options are recorded by the run itself)."""
    return {
        "engine": args.engine,
        "chunk_size": args.chunk_size,
        "strict": args.strict,
        "figures": None if plan.figures is None else display_path(plan.figures),
    }


def _show_study_warnings(console: _Console) -> None:
    """Print the library's own warnings (an approximate topic fit) as the command's one-line warnings.

    Set before the workers are forked, so theirs are printed so too; -q silences them with the rest.
    """
    from newsstudy.topics import TopicsWarning

    shown = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, TopicsWarning):
            console.warn(str(message))
        else:
            shown(message, category, filename, lineno, file, line)

    warnings.showwarning = show


def _execute(args: argparse.Namespace, plan: _Plan, console: _Console) -> dict[str, Path]:
    from newsstudy import engines

    _show_study_warnings(console)

    bar = None if console.quiet else engines.progress_bar()
    shared = {
        "chunk_size": args.chunk_size,
        "progress": bar if bar is not None else (console.stage if console.verbose else None),
        "figures": plan.figures,
        "strict": args.strict,
        "command": _command(args, plan),
    }
    try:
        if args.engine == "dask":
            return engines.run_dask(plan.corpus, plan.out, plan.options, scheduler=args.scheduler, **shared)
        return engines.run_streaming(plan.corpus, plan.out, plan.options, n_jobs=args.jobs, **shared)
    finally:
        if bar is not None:
            bar.close()


def _run(args: argparse.Namespace) -> int:
    try:
        plan = _plan(args)
    except CorpusError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    console = _Console(args)
    try:
        _execute(args, plan, console)
    except (CorpusError, OutputError, ImportError) as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _error(f"interrupted; {plan.out} is as it was before this run")
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = exc.filename or plan.out
        _error(f"cannot write {where}: {exc.strerror or exc}; {plan.out} is as it was before this run")
        return EXIT_FAILED
    manifest = results.read_manifest(plan.out)
    for problem in results.read_table(plan.out, "problems").itertuples():
        console.warn(f"skipped {problem.path}: {problem.reason}")
    _say_not_read(Path(plan.corpus), console)
    if console.verbose:
        for stage, seconds in manifest["timings_seconds"].items():
            console.say(f"{stage}: {seconds:.1f} s")
    counts = manifest["counts"]
    console.say(f"{counts['documents']} documents, {counts['problems']} problems; tables in {plan.out}")
    return EXIT_OK


def _default_results() -> Path | None:
    """./results when it holds a complete run; else None (the notebooks read the run they name)."""
    return RESULTS_DIR if (RESULTS_DIR / results.MANIFEST).is_file() else None


def _report(args: argparse.Namespace) -> int:
    from newsstudy.report import ReportError, render_report

    try:
        target = render_report(
            args.out,
            notebooks=args.notebooks,
            results=args.results if args.results is not None else _default_results(),
            progress=None if args.quiet else (lambda line: print(f"newsstudy: {line}", file=sys.stderr)),
        )
    except ReportError as exc:
        _error(str(exc))
        return EXIT_FAILED
    if not args.quiet:
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
