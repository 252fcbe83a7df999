"""Session-wide reports for the renderer tests (built once: the articles load jieba)."""

from __future__ import annotations

import pytest

from checker import Report
from tests.checker.output.reports import ARTICLES, BROKEN, FAULTY, FIXTURES, check_from_root


@pytest.fixture(scope="session")
def mixed_report() -> Report:
    """Findings of every T and U rule (two fixable), an info finding and an input error."""
    return check_from_root(ARTICLES, FAULTY, BROKEN, FIXTURES)
