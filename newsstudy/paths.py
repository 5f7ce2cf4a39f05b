"""Where things live. Locations are found from the package, never hard-coded."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
DATA_DIR: Path = PACKAGE_DIR / "data"
REPO_ROOT: Path = PACKAGE_DIR.parent
SEEDS_DIR: Path = REPO_ROOT / "seeds"
RESULTS_DIR: Path = REPO_ROOT / "results"
FIGURES_DIR: Path = REPO_ROOT / "figures"
NOTEBOOKS_DIR: Path = REPO_ROOT / "notebooks"
REPORT_DIR: Path = REPO_ROOT / "report"
SHARED_DIR: Path = REPO_ROOT.parent / "shared"
ANT_CORPUS: Path = SHARED_DIR / "corpora" / "ant-multisource-v2.1.jsonl.gz"


def display_path(path: str | Path) -> str:
    """A path as written into result tables: relative to the repository when inside it.

    Absolute paths would make committed results differ between two clones.

    >>> display_path(SEEDS_DIR / "a.txt")
    'seeds/a.txt'
    >>> display_path("/elsewhere/b.txt")
    '/elsewhere/b.txt'
    """
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)
