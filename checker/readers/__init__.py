"""Readers: every input format turned into `checker.segment.Segment`s.

`plan(paths, options)` decides how each file is read (expanding directories
and pairing NAME.zh.md with NAME.en.md); `read(job, options)` yields the
segments of one job and raises `glossary.errors.InputError` (with path and
line) on malformed input. Readers are registered in `checker.readers.registry`
and imported on first use.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.readers.base import Job, Reader, ReadOptions
from checker.readers.planning import plan
from checker.readers.registry import READERS, reader
from checker.segment import Segment

__all__ = ["READERS", "Job", "ReadOptions", "Reader", "plan", "read"]


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    """The segments of `job`; InputError(message, path, line) on malformed input."""
    return reader(job.reader)(job, options)
