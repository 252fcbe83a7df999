"""A big .po catalog read in parts by several processes (--jobs), as `po.read` reads it.

The process that plans reads the header and cuts the file at lines that follow
a blank line, near even offsets; each part is read from there with the line
number, catalog and Plural-Forms of the whole file. Where a part starts is
checked by the part before it: it reads on past that line unless its last entry
is complete there and the line begins another, so a cut inside an entry only
costs the part that started there (its reading is not used). What the lints of
the parts found adds up in file order; duplicates need every msgid, so when two
parts' keys may repeat, the whole file is linted again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from checker.readers.base import Job, ReadOptions
from checker.readers.po import _Catalog, _catalog, _metadata, _Stream, plural_forms_line
from checker.readers.po_lint import Lint, LintPart, declared_plurals
from checker.readers.po_parser import Parser, parse
from checker.readers.po_text import (
    catalog_blocks,
    entry_starts,
    line_at,
    splittable_encoding,
    text_between,
)
from checker.readers.problems import raise_problems
from checker.segment import Segment
from glossary.errors import InputError

__all__ = ["Part", "PartEnd", "Taken", "read_part", "split"]

_HEADER_BYTES = 1 << 16  # where the header is looked for


@dataclass(frozen=True)
class Part:
    """Where one part of a catalog starts, and what it needs of the rest of the file."""

    path: str
    encoding: str
    start: int  # a byte offset
    lines_before: int
    stops: tuple[int, ...]  # where the later parts start, then the file's size
    catalog: _Catalog | None  # None in the first part: it reads the header itself
    nplurals: int | None  # the header's


@dataclass
class PartEnd:
    """What reading a part leaves besides its segments: where it stopped (a later
    part's start, or the file's size) and what its lint found."""

    stop: int = 0
    lint: LintPart | None = None


def split(job: Job, options: ReadOptions, part_bytes: int) -> list[Part]:
    """`job`'s catalog in parts of about `part_bytes`, the last ones smaller (see
    `_targets`); none when it is better read whole: a .mo file, an encoding whose bytes
    cannot be cut at any newline, a header that is not the first entry, a catalog
    `po.read` refuses, a file it cannot read."""
    path = job.path
    encoding = splittable_encoding(path) if not path.lower().endswith(".mo") else None
    if encoding is None:
        return []
    try:
        metadata = _header(path, encoding)
        if metadata is None:
            return []
        catalog = _catalog(path, metadata, options)
        size = os.path.getsize(path)
        starts = entry_starts(path, _targets(size, part_bytes))
    except (InputError, OSError):
        return []
    if not starts:
        return []
    stops = [offset for offset, _ in starts] + [size]
    nplurals = declared_plurals(metadata)
    first = Part(path, encoding, 0, 0, tuple(stops), None, nplurals)
    return [first] + [
        Part(path, encoding, offset, lines, tuple(stops[n:]), catalog, nplurals)
        for n, (offset, lines) in enumerate(starts, 1)
    ]


def _targets(size: int, part_bytes: int) -> list[int]:
    """Where parts should start: every `part_bytes`, then, over the last few, half of
    what is left each time, so that the processes reading them finish together."""
    targets, left = [], size
    while left > part_bytes // 8:
        left -= min(part_bytes, max(left // 2, part_bytes // 8))
        targets.append(size - left)
    return targets


def _header(path: str, encoding: str) -> dict[str, str] | None:
    """The header's metadata when the header is the catalog's first entry."""
    with open(path, "rb") as handle:
        head = handle.read(_HEADER_BYTES)
    whole_lines = head[: head.rfind(b"\n") + 1]
    text = text_between(path, encoding, 0, len(whole_lines))
    first = next(Parser(Lint(path)).feed(text), None)  # its problems: the first part's
    if first is None or first.obsolete or first.msgid:
        return None
    return _metadata(first.msgstr)


def read_part(part: Part, options: ReadOptions, end: PartEnd) -> Iterator[Segment]:
    """The segments of one part, as `po.read` gives them; raises its syntax error.

    The part ends at the first of its `stops` where its last entry is complete
    and the next line begins another (at the file's end at the latest): `end`
    says where, with what its lint found there.
    """
    path, start = part.path, part.start
    lint = Lint(path, part.stops[0] - start, part.nplurals)
    stream = _Stream(path, options, lint, part.catalog)
    parser = Parser(lint, part.lines_before, resumed=start > 0)
    for stop in part.stops:
        for entry in parser.feed(text_between(path, part.encoding, start, stop)):
            yield from stream.add(entry)
        start = stop
        if stop == part.stops[-1]:
            last = parser.end()
        elif parser.begins_entry(line_at(path, part.encoding, stop)):
            last = parser.cut()
        else:
            continue  # not where an entry begins: read on into the next part
        for entry in last:
            yield from stream.add(entry)
        yield from stream.end()
        end.stop, end.lint = stop, lint.part()
        return


class Taken:
    """The parts of a catalog taken in, in file order, as they come back: a part counts
    unless the part before read on past its start, or stopped at an error."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._at = 0  # where the next part to take in starts
        self._lints: list[LintPart] = []
        self._stopped = False

    def takes(self, part: Part) -> bool:
        return not self._stopped and part.start == self._at

    def take(self, end: PartEnd, failed: bool) -> None:
        """Take in a part that `takes`: where it ended, or that it ended with an error."""
        self._stopped = failed
        if end.lint is not None:
            self._at = end.stop
            self._lints.append(end.lint)

    def raise_problems(self) -> None:
        """Raise what `po.read` raises after the last segment (no error stopped the parts)."""
        lint = Lint(self.path)
        for part in self._lints:
            lint.add_part(part)
        if lint.repeats_keys():
            lint = _linted(self.path)
        raise_problems(lint.problems())


def _linted(path: str) -> Lint:
    """The whole catalog's lint, as `po.read` makes it (its header comes first)."""
    lint = Lint(path, os.path.getsize(path))
    entries = parse(catalog_blocks(path), lint)
    header = next(entries)
    lint.header(_metadata(header.msgstr), lambda: plural_forms_line(path))
    for entry in entries:
        lint.entry(entry)
    return lint
