"""Real reports for the renderer tests, checked with paths relative to the project root.

Relative paths are what users pass on the command line and what SARIF
expresses against %SRCROOT%.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from checker import Config, Report, check

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).parent.relative_to(ROOT) / "fixtures"
FAULTY = "tests/checker/fixtures/faulty.po"
BROKEN = "tests/checker/fixtures/broken.po"
ARTICLES = "corpora/articles"
TERMS_AND_LEFTOVERS = Config(select=("T", "U"))  # the rule families these tests rely on


def check_from_root(*paths: str | Path, config: Config = TERMS_AND_LEFTOVERS) -> Report:
    with contextlib.chdir(ROOT):
        return check([str(p) for p in paths], config=config)
