"""--format json: SPEC.md's document, plus the input errors."""

from __future__ import annotations

import json

from checker.report import Report


def render_json(report: Report, version: str, color: bool = False) -> str:
    document = report.to_json(version)
    document["errors"] = [
        {"path": e.path, "line": e.line, "message": e.message} for e in report.errors
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
