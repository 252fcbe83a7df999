"""--format json: SPEC.md's document, plus the input errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring  # what json.dumps uses for a str (C when built)

from checker.report import Report

_HOLE = '"findings": []'  # where the findings go in the document without them


def render_json(report: Report, version: str, color: bool = False) -> str:
    return "".join(json_chunks(report, version, color))


def json_chunks(report: Report, version: str, color: bool = False) -> Iterator[str]:
    """The document a finding at a time (written as made: they may be many).

    Each finding is dumped alone and indented to its depth (two levels): what
    `json.dumps` of the whole document writes, as no string holds a raw newline.
    """
    document = {
        "tool": "glosscheck",
        "version": version,
        "findings": [],
        "summary": report.summary(),
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors],
    }
    head, tail = _dumps(document).split(_HOLE, 1)  # the key: a string value escapes its quotes
    yield head + _HOLE[:-1]
    separator = "\n    "
    for f in report.each():
        yield separator + indented(f.to_json(), 2)
        separator = ",\n    "
    yield ("]" if separator == "\n    " else "\n  ]") + tail + "\n"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def indented(value: object, depth: int) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` as written at `depth` levels of
    nesting. json.dumps takes its pure-Python encoder when it indents: a third of the
    time of writing a big catalog's findings went there."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = "\n" + "  " * (depth + 1)
    if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        items = [encode_basestring(k) + ": " + indented(v, depth + 1) for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * depth + "}"
    if isinstance(value, list | tuple) and value:
        items = [indented(v, depth + 1) for v in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * depth + "]"
    return _dumps(value).replace("\n", "\n" + "  " * depth)  # floats, empty containers…
