"""What every reader takes: the options from the command line and one job."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checker.segment import Segment

__all__ = ["Job", "ReadOptions", "Reader"]


@dataclass(frozen=True)
class ReadOptions:
    """--source-lang/--target-lang ("zh" | "en"), --target-only and --pair SRC TGT,
    and which files a directory walk keeps (globs relative to `root`)."""

    source_lang: str | None = None
    target_lang: str | None = None
    target_only: bool = False
    pairs: tuple[tuple[str, str], ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    root: str = "."


@dataclass(frozen=True)
class Job:
    """One unit of reading: a file, or a pair of documents.

    `path` holds the target text (or is the single file); `partner` is the
    source document of a pair.
    """

    reader: str  # a name in checker.readers.registry.READERS
    path: str
    partner: str | None = None


Reader = Callable[[Job, ReadOptions], Iterator[Segment]]
