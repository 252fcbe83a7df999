from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import glossary
from checker import Config, Finding, Segment, check

FIXTURES = Path(__file__).parent / "fixtures"


def segment(source: str, target: str, direction: str = "zh-en", **kw: object) -> Segment:
    source_lang, target_lang = direction.split("-")
    return Segment(source, target, source_lang, target_lang, "t.po", 7, **kw)  # type: ignore[arg-type]


Run = Callable[..., list[Finding]]


@pytest.fixture(scope="session")
def terms() -> glossary.Glossary:
    return glossary.load(FIXTURES / "glossary.tsv")


@pytest.fixture
def run(terms: glossary.Glossary) -> Run:
    """Check segments with one rule (or prefix) selected; return its findings."""

    def run_rule(code: str, *segments: Segment, **config: object) -> list[Finding]:
        report = check(segments, glossary=terms, config=Config(select=(code,), **config))  # type: ignore[arg-type]
        return report.findings

    return run_rule
