"""--format json: SPEC.md's document, plus the input errors."""

from __future__ import annotations

import json
from collections.abc import Iterator

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
        yield separator + _dumps(f.to_json()).replace("\n", "\n    ")
        separator = ",\n    "
    yield ("]" if separator == "\n    " else "\n  ]") + tail + "\n"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
