"""Shared helpers of the robustness tests: fixture paths and a one-file reader."""

from __future__ import annotations

import gc
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
    """CPU time of one call, without garbage collection.

    CPU time, not wall time: another process busy on the machine must not make
    a linear loop look quadratic.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.process_time()
        call()
        return time.process_time() - start
    finally:
        if enabled:
            gc.enable()
