"""Tables of segments: .tsv (tab-separated, no quoting) and .csv (RFC 4180 quoting).

The first non-blank line is the header (see `columns.py`); every other
non-blank row is a segment whose `line` is where the row starts. A row with
the wrong number of fields is an InputError naming its line.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator

from checker.readers.base import Job, ReadOptions
from checker.readers.columns import Columns, columns
from checker.readers.csv_fields import field_anchors
from checker.readers.fileio import iter_lines
from checker.readers.problems import raise_problems, skipping_bad
from checker.readers.rows import Row, row_segments
from checker.segment import Anchor, Segment
from glossary.errors import InputError

__all__ = ["read_csv", "read_tsv"]

_Record = tuple[int, list[str], list[str]]  # (first line, cells, raw lines)
# (raw lines of the row, its first line, field index, field value) → anchors
_Locator = Callable[[list[str], int, int, str], tuple[Anchor, ...]]


def read_tsv(job: Job, options: ReadOptions) -> Iterator[Segment]:
    records = (
        (number, line.split("\t"), [line]) for number, line in enumerate(iter_lines(job.path), 1)
    )
    yield from _segments(records, job.path, options, _tsv_anchors, [])


def read_csv(job: Job, options: ReadOptions) -> Iterator[Segment]:
    problems: list[InputError] = []
    records = _csv_records(job.path, problems)
    yield from _segments(records, job.path, options, field_anchors, problems)


def _segments(
    records: Iterator[_Record],
    path: str,
    options: ReadOptions,
    locate: _Locator,
    problems: list[InputError],
) -> Iterator[Segment]:
    """Segments of the good rows; bad rows are reported together at the end."""
    records = (record for record in records if any(cell.strip() for cell in record[1]))
    first = next(records, None)
    if first is None:
        raise_problems(problems)
        return
    table = columns(first[1], options, path, first[0])
    rows = skipping_bad(
        enumerate(records, 1),
        lambda numbered: _row(numbered[1], numbered[0], table, path, locate),
        problems,
    )
    langs = (table.source_lang, table.target_lang)
    yield from row_segments(rows, path, options, langs, table.target_locale)
    raise_problems(problems)


def _row(record: _Record, number: int, table: Columns, path: str, locate: _Locator) -> Row:
    line, cells, raw_lines = record
    if len(cells) != len(table.names):
        raise InputError(
            f"row has {len(cells)} fields, the header has {len(table.names)}", path, line
        )
    return Row(
        line=line,
        number=number,
        source=cells[table.source],
        target=cells[table.target],
        anchors=locate(raw_lines, line, table.target, cells[table.target]),
        source_lang=_cell(cells, table.source_lang_column),
        target_lang=_cell(cells, table.target_lang_column),
        meta=table.meta(cells),
    )


def _cell(cells: list[str], index: int | None) -> str | None:
    return cells[index].strip() or None if index is not None else None


def _tsv_anchors(raw_lines: list[str], line: int, index: int, value: str) -> tuple[Anchor, ...]:
    """TSV cells are verbatim: the column is the length of the cells before plus tabs."""
    column = sum(len(cell) + 1 for cell in raw_lines[0].split("\t")[:index]) + 1
    return ((0, line, column),)


class _LineFeed:
    """Feeds csv.reader line by line and remembers the lines of the current row."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line + "\n"


def _csv_records(path: str, problems: list[InputError]) -> Iterator[_Record]:
    """The CSV's records; a syntax error goes to `problems` and reading goes on after it."""
    feed = _LineFeed(iter_lines(path))
    reader = csv.reader(feed, strict=True)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(InputError(f"CSV syntax error: {error}", path, reader.line_num))
            feed.taken = []
            continue
        raw_lines, feed.taken = feed.taken, []
        yield reader.line_num - len(raw_lines) + 1, cells, raw_lines
