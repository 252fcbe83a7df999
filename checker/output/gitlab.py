"""--format gitlab: a GitLab Code Quality report, shown in the merge request widget.

GitLab reads a JSON array of issues, a subset of the Code Climate format. Its
documentation ("Code Quality", section "Implement a custom tool") asks each
issue for `description`, `check_name`, `fingerprint`, `severity` (info, minor,
major, critical or blocker), `location.path` relative to the project and
`location.lines.begin`; it ignores the other Code Climate fields and rejects a
file that starts with a byte order mark.

GitLab shows the issues that share a fingerprint as one entry. Identical
findings share glosscheck's fingerprint on purpose (baselines count them), so
here the repeats get `-2`, `-3`… appended: distinct, yet still free of line
numbers, so an issue keeps its identity when lines move elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from checker.finding import Finding, Severity
from checker.output.json_format import indented
from checker.report import Report
from glossary.errors import GlosscheckError

__all__ = ["INPUT_ERROR_CHECK", "gitlab_chunks", "gitlab_issues", "render_gitlab"]

# error is a wrong translation (major); critical stays for a file not checked at all.
_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
INPUT_ERROR_CHECK = "glosscheck/input-error"
_INPUT_ERROR_SEVERITY = "critical"


def _relative(path: str) -> str:
    """The path as GitLab wants it: relative to the project (the job's working directory), /."""
    if os.path.isabs(path):
        path = os.path.relpath(path)
    return os.path.normpath(path).replace(os.sep, "/")


def _location(path: str, begin: int, end: int) -> dict[str, Any]:
    return {"path": _relative(path), "lines": {"begin": begin, "end": end}}


def _issue(f: Finding, fingerprint: str) -> dict[str, Any]:
    hint = f" [fix: {f.suggestion}]" if f.fixable and f.suggestion else ""
    return {
        "description": f"{f.rule} {f.name}: {f.message}{hint}",
        "check_name": f"glosscheck/{f.rule}",
        "fingerprint": fingerprint,
        "severity": _SEVERITIES[f.severity],
        "location": _location(f.path, f.line, f.end_line),
    }


def _input_error(error: GlosscheckError) -> dict[str, Any]:
    """An unreadable file, so that the widget shows why it has no findings for it."""
    line = error.line or 1
    key = "\x1f".join((INPUT_ERROR_CHECK, _relative(error.path), error.message))
    return {
        "description": f"not checked: {error.message}",
        "check_name": INPUT_ERROR_CHECK,
        "fingerprint": hashlib.sha256(key.encode()).hexdigest()[:16],
        "severity": _INPUT_ERROR_SEVERITY,
        "location": _location(error.path, line, line),
    }


def _unique_fingerprints(findings: Iterable[Finding]) -> Iterator[tuple[Finding, str]]:
    """Each finding with its fingerprint, its second and later copies suffixed -2, -3…

    Copies need not be neighbours (the fingerprint has no line), so every
    fingerprint is counted: some 110 bytes a finding, not the finding itself.
    """
    seen: Counter[str] = Counter()
    for f in findings:
        fingerprint = f.fingerprint
        seen[fingerprint] += 1
        count = seen[fingerprint]
        yield f, fingerprint if count == 1 else f"{fingerprint}-{count}"


def _issues(report: Report) -> Iterator[dict[str, Any]]:
    for f, fingerprint in _unique_fingerprints(report.each()):
        yield _issue(f, fingerprint)
    for error in report.errors:
        if error.path:
            yield _input_error(error)


def gitlab_issues(report: Report) -> list[dict[str, Any]]:
    """The report as Code Quality issues; input errors without a file have no place here.

    Those still reach stderr, and the exit status says the run failed.
    """
    return list(_issues(report))


def render_gitlab(report: Report, version: str, color: bool = False) -> str:
    return "".join(gitlab_chunks(report, version, color))


def gitlab_chunks(report: Report, version: str, color: bool = False) -> Iterator[str]:
    """The array an issue at a time (written as made: they may be many), as
    `json.dumps(gitlab_issues(report), ensure_ascii=False, indent=2)` writes it."""
    separator = "[\n  "
    for issue in _issues(report):
        yield separator + indented(issue, 1)
        separator = ",\n  "
    yield "[]\n" if separator == "[\n  " else "\n]\n"
