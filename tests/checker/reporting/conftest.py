"""One report over corpora/ for the whole package: building it checks ~1,000 segments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker import Config
from checker.reporting import build
from glossary.loading import load_default

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def corpus_report() -> dict[str, Any]:
    return build([str(ROOT / "corpora")], load_default(), Config())
