"""Shared helpers of the robustness tests: fixture paths and a one-file reader."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from checker.readers import Job, ReadOptions, read
from checker.segment import Segment

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def read_file(reader: str, path: str) -> list[Segment]:
    """Every segment of one file (raising the reader's error at the end, if any)."""
    return list(read(Job(reader, path), ReadOptions()))


def seconds(call: Callable[[], object]) -> float:
    """Wall time of one call."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start
