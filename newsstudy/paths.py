"""Where things live. Locations are found from the package, never hard-coded.

The study's seeds and notebooks live at the root of a checkout (``seeds/``,
``notebooks/``); a built package (wheel or ``pip install .``) carries copies of
them in ``newsstudy/bundle/`` (``setup.py`` puts them there), so the bundled
study runs from any folder. Outputs are never written into the package or the
checkout unless asked: the defaults are folders of the working directory
(``./results``, ``./figures``, ``./report``), resolved when they are used.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
DATA_DIR: Path = PACKAGE_DIR / "data"
#: The checkout this package runs from, or the folder the installed package sits in.
REPO_ROOT: Path = PACKAGE_DIR.parent
#: Copies of ``seeds/`` and ``notebooks/`` inside a built package.
BUNDLE_DIR: Path = PACKAGE_DIR / "bundle"


def in_checkout() -> bool:
    """Whether the package runs from a source checkout (an editable install) rather than a build."""
    return (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "seeds").is_dir()


def _resource(name: str) -> Path:
    return REPO_ROOT / name if in_checkout() else BUNDLE_DIR / name


SEEDS_DIR: Path = _resource("seeds")
NOTEBOOKS_DIR: Path = _resource("notebooks")
#: Hand-written gold (``tests/gold``) and the ANT sample it scores (``tests/fixtures/ant``).
GOLD_DIR: Path = _resource("tests") / "gold"
ANT_FIXTURES: Path = _resource("tests") / "fixtures" / "ant"
#: Default output folders, relative to the working directory.
RESULTS_DIR: Path = Path("results")
FIGURES_DIR: Path = Path("figures")
REPORT_DIR: Path = Path("report")
SHARED_DIR: Path = REPO_ROOT.parent / "shared"
ANT_CORPUS: Path = SHARED_DIR / "corpora" / "ant-multisource-v2.1.jsonl.gz"


def display_path(path: str | Path) -> str:
    """A path as written into result tables: relative to the working folder or the study's seeds.

    Absolute paths would make results differ between two clones or two machines:
    a seed is written as ``seeds/<name>`` wherever the package is, a path under
    the working folder relative to it, any other path as given.

    >>> display_path(SEEDS_DIR / "a.txt")
    'seeds/a.txt'
    >>> display_path("/elsewhere/b.txt")
    '/elsewhere/b.txt'
    """
    resolved = Path(path).resolve()
    for base, prefix in ((SEEDS_DIR.resolve(), "seeds"), (Path.cwd().resolve(), "")):
        try:
            relative = resolved.relative_to(base).as_posix()
        except ValueError:
            continue
        return f"{prefix}/{relative}".lstrip("/") if relative != "." else (prefix or ".")
    return str(path)
