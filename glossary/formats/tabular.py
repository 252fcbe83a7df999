"""TSV and CSV glossaries: the canonical format (SPEC.md, "Glossary").

A header row names the columns; `zh` and `en` are required, the others
(`zh_forbidden`, `en_forbidden`, `dnt`, `case`, `boundary`, `note`, `domain`,
`pos`) optional and in any order. Lines starting with `#` and blank lines
may appear anywhere between rows. Cells are stripped of surrounding space.

TSV is read without quoting (a cell is everything between two tabs, so a
note may hold `"`), which is why a TSV cell cannot hold a tab or a line
break. CSV follows RFC 4180 quoting; a quoted cell may span lines, and
errors then name the line where its row starts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from glossary.errors import GlossaryError
from glossary.formats.common import ProblemHandler, decode_text
from glossary.formats.fields import (
    FIELD_NAMES,
    FieldValue,
    concept_from_fields,
    fields_from_concept,
)
from glossary.model import Concept, Glossary, Origin

REQUIRED_COLUMNS = ("zh", "en")
# What a writer puts in an optional column for a concept that does not use it.
_DEFAULT_CELLS = {"dnt": "no", "case": "no", "boundary": "word"}


def read_tsv(data: bytes, path: str, on_problem: ProblemHandler) -> list[Concept]:
    """Concepts of a TSV glossary; malformed rows go to `on_problem`."""
    return _read(data, path, on_problem, _TSV)


def read_csv(data: bytes, path: str, on_problem: ProblemHandler) -> list[Concept]:
    """Concepts of a CSV glossary; malformed rows go to `on_problem`."""
    return _read(data, path, on_problem, _CSV)


def write_tsv(glossary: Glossary, path: str) -> bytes:
    """`glossary` as TSV, with only the optional columns some concept uses."""
    return _write(glossary, path, _TSV)


def write_csv(glossary: Glossary, path: str) -> bytes:
    """`glossary` as CSV, with only the optional columns some concept uses."""
    return _write(glossary, path, _CSV)


class _Dialect(csv.Dialect):
    lineterminator = "\n"
    skipinitialspace = False
    doublequote = True
    strict = False


class _TSV(_Dialect):
    delimiter = "\t"
    quotechar = None  # a quote is an ordinary character in TSV
    quoting = csv.QUOTE_NONE


class _CSV(_Dialect):
    delimiter = ","
    quotechar = '"'
    quoting = csv.QUOTE_MINIMAL
    strict = True  # an unclosed quote is an error, not a cell that eats the file


class _LineFeed:
    """Physical lines for csv.reader, hiding comment and blank lines between rows.

    csv.reader pulls lines one record at a time, so the feed knows where each
    record starts; a `#` line inside a quoted multi-line cell is kept.
    """

    def __init__(self, text: str) -> None:
        self._lines = io.StringIO(text, newline="")
        self.line = 0
        self.record_start = 0
        self.between_records = True

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        while True:
            raw = next(self._lines)
            self.line += 1
            if self.between_records and (not raw.strip() or raw.lstrip().startswith("#")):
                continue
            if self.between_records:
                self.record_start = self.line
                self.between_records = False
            return raw


def _records(text: str, dialect: type[csv.Dialect], path: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) for each non-comment record."""
    feed = _LineFeed(text)
    reader = csv.reader(feed, dialect)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            message = f"malformed row (an unclosed or stray quote?): {err}"
            raise GlossaryError(message, path, feed.record_start) from None
        yield feed.record_start, cells
        feed.between_records = True


def _read(
    data: bytes, path: str, on_problem: ProblemHandler, dialect: type[csv.Dialect]
) -> list[Concept]:
    records = _records(decode_text(data, path), dialect, path)
    first = next(records, None)
    if first is None:
        raise GlossaryError("no header row: expected columns zh and en", path, 1)
    columns = _parse_header(first[1], path, first[0])
    concepts: list[Concept] = []
    for line, cells in records:
        try:
            concept = _concept(columns, cells, Origin(path, line))
        except GlossaryError as err:
            on_problem(err)
            continue
        if concept is not None:
            concepts.append(concept)
    return concepts


def _parse_header(cells: list[str], path: str, line: int) -> list[str]:
    columns = [cell.strip().lower() for cell in cells]
    for column in columns:
        if column not in FIELD_NAMES:
            known = ", ".join(FIELD_NAMES)
            raise GlossaryError(f"unknown column {column!r}; known columns: {known}", path, line)
        if columns.count(column) > 1:
            raise GlossaryError(f"column {column!r} appears twice", path, line)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise GlossaryError(f"missing required column {missing[0]!r}", path, line)
    return columns


def _concept(columns: list[str], cells: list[str], origin: Origin) -> Concept | None:
    """The row's concept; None for a row of empty cells (spreadsheets write them)."""
    extra = cells[len(columns) :]
    if any(cell.strip() for cell in extra):
        message = f"{len(cells)} cells, but the header names {len(columns)} columns"
        raise GlossaryError(message, origin.path, origin.line)
    values: dict[str, FieldValue] = {
        column: cell.strip() for column, cell in zip(columns, cells, strict=False)
    }
    if not any(values.values()):
        return None
    return concept_from_fields(values, origin)


def _write(glossary: Glossary, path: str, dialect: type[csv.Dialect]) -> bytes:
    rows = [fields_from_concept(concept) for concept in glossary]
    columns = [*REQUIRED_COLUMNS]
    columns += [c for c in FIELD_NAMES if c not in columns and any(c in row for row in rows)]
    out = io.StringIO()
    writer = csv.writer(out, dialect)
    writer.writerow(columns)
    for concept, row in zip(glossary, rows, strict=True):
        cells = [_cell(row, column) for column in columns]
        _check_cells(cells, concept, path, tabs_allowed=dialect is _CSV)
        writer.writerow(cells)
    return out.getvalue().encode("utf-8")


def _cell(row: dict[str, FieldValue], column: str) -> str:
    value = row.get(column, _DEFAULT_CELLS.get(column, ""))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "|".join(value)
    return value


def _check_cells(cells: list[str], concept: Concept, path: str, tabs_allowed: bool) -> None:
    """Refuse what would read back differently: `|` in a form, a leading `#`, tabs."""
    where = f"concept {concept.label!r}"
    for form in concept.forms:
        if "|" in form.text:
            raise GlossaryError(f"{where}: form {form.text!r} contains '|'", path)
    if cells[0].startswith("#"):
        raise GlossaryError(f"{where}: a row cannot start with '#' (it reads as a comment)", path)
    if not tabs_allowed and any(ch in cell for cell in cells for ch in "\t\r\n"):
        raise GlossaryError(f"{where}: TSV cells cannot hold tabs or line breaks", path)
