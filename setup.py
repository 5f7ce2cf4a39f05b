"""Build hook: a built package carries the study's seeds, notebooks and gold (``newsstudy/bundle/``).

Everything else is in ``pyproject.toml``. In a checkout (editable install) the
package reads these from the checkout itself (``newsstudy.paths``).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: What the bundle holds: (folder of the checkout, glob of its files).
BUNDLED = (
    ("seeds", "*"),
    ("notebooks", "[0-9][0-9]-*.ipynb"),
    ("results", "*"),  # the committed run the notebooks read by default (RESULTS = "../results")
    ("tests/gold", "**/*.json"),
    ("tests/fixtures/ant", "*"),
    ("tests/fixtures/invented", "*"),  # the invented benchmarks' pages and READMEs (src/ not needed)
    ("tests/fixtures/invented-2", "*"),
    ("tests/fixtures/invented-3", "*"),
    ("tests/fixtures/invented-4", "*"),
    ("tests/fixtures/invented-5", "*"),
    ("tests/fixtures/invented-6", "*"),
)


class BuildWithStudy(build_py):
    """``build_py`` that also copies the bundled study into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        bundle = Path(self.build_lib) / "newsstudy" / "bundle"
        for folder, pattern in BUNDLED:
            for source in sorted((ROOT / folder).glob(pattern)):
                if source.is_file():
                    target = bundle / folder / source.relative_to(ROOT / folder)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)


setup(cmdclass={"build_py": BuildWithStudy})
