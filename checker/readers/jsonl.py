"""JSON Lines: one object per line with "source" and "target" strings.

Optional "source_lang"/"target_lang" give the row's languages; every other
key is kept in `meta` (non-string values as JSON). Blank lines are skipped;
anything else that is not such an object is an InputError naming its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from checker.readers.anchors import compact, unescape_with_anchors
from checker.readers.base import Job, ReadOptions
from checker.readers.fileio import iter_lines
from checker.readers.problems import raise_problems, skipping_bad
from checker.readers.rows import Row, row_segments
from checker.segment import Anchor, Segment
from glossary.errors import InputError

__all__ = ["read"]

_RESERVED = ("source", "target", "source_lang", "target_lang")
_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
# One decoded character each: a surrogate pair, a \u escape, or a short escape.
_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\"\\/bfnrt])"
)


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    problems: list[InputError] = []  # one per bad line, raised after the good rows
    yield from row_segments(_rows(job.path, problems), job.path, options)
    raise_problems(problems)


def _rows(path: str, problems: list[InputError]) -> Iterator[Row]:
    """The rows of the good lines; a bad line's error goes to `problems`."""
    lines = (
        (line_number, line)
        for line_number, line in enumerate(iter_lines(path), start=1)
        if line.strip()
    )
    numbered = enumerate(lines, start=1)
    yield from skipping_bad(numbered, lambda n: _row(n[1][1], n[1][0], n[0], path), problems)


def _row(line: str, line_number: int, number: int, path: str) -> Row:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"invalid JSON: {error.msg} (column {error.colno})", path, line_number
        ) from None
    if not isinstance(record, dict):
        raise InputError("expected a JSON object", path, line_number)
    for key in ("source", "target"):
        if not isinstance(record.get(key), str):
            problem = "missing" if key not in record else "not a string"
            raise InputError(f'"{key}" is {problem}', path, line_number)
    return Row(
        line=line_number,
        number=number,
        source=record["source"],
        target=record["target"],
        anchors=_string_anchors(line, line_number, "target", record["target"]),
        source_lang=_text(record.get("source_lang")),
        target_lang=_text(record.get("target_lang")),
        meta={key: _meta_value(value) for key, value in record.items() if key not in _RESERVED},
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _meta_value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _string_anchors(line: str, line_number: int, key: str, value: str) -> tuple[Anchor, ...]:
    """Anchors for the string value of top-level `key`, escapes accounted for."""
    start = _member_starts(line).get(key)
    if start is None:
        return ()
    end = _DECODER.raw_decode(line, start)[1]
    decoded, anchors = unescape_with_anchors(
        line[start + 1 : end - 1], _ESCAPE, _unescape, 0, line_number, start + 2
    )
    return compact(anchors) if decoded == value else ()


def _unescape(match: re.Match[str]) -> str:
    decoded = json.loads(f'"{match.group(0)}"')
    return decoded if isinstance(decoded, str) else ""


def _member_starts(line: str) -> dict[str, int]:
    """{key: offset of its value} for the members of the object on `line`."""
    starts: dict[str, int] = {}
    position = _skip_space(line, 0)
    if not line.startswith("{", position):
        return starts
    position = _skip_space(line, position + 1)
    while line.startswith('"', position):
        key, position = _DECODER.raw_decode(line, position)
        position = _skip_space(line, _skip_space(line, position) + 1)  # past ":"
        starts[key] = position
        position = _skip_space(line, _DECODER.raw_decode(line, position)[1])
        if not line.startswith(",", position):
            break
        position = _skip_space(line, position + 1)
    return starts


def _skip_space(line: str, position: int) -> int:
    match = _SPACE.match(line, position)
    return match.end() if match else position
