"""Baselines: accept today's findings, report only new ones (`--write-baseline`, `--baseline`).

A baseline stores findings by fingerprint, which holds no line numbers, so
edits elsewhere in a file do not bring accepted findings back. Identical
findings (one fingerprint: the same English word left twice in one msgstr)
are counted, so a copy beyond the recorded count is reported as new.

    {"tool": "glosscheck", "version": "0.1.0",
     "fingerprints": {"d9d0e7e544e79eaa": {"path": "po/zh.po", "rule": "U102", "count": 1}}}

`path` and `rule` are there for people reading a diff of the baseline; only
the fingerprint and count decide.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.finding import Finding
from checker.report import Report
from checker.version import VERSION
from glossary.errors import GlosscheckError

__all__ = ["apply_baseline", "read_baseline", "write_baseline"]

PathArg = str | os.PathLike[str]
_NEW_FILE_MODE = 0o644


def _document(findings: list[Finding], tool_version: str) -> dict[str, Any]:
    counts = Counter(f.fingerprint for f in findings)
    first = {f.fingerprint: f for f in reversed(findings)}  # the first of identical findings
    order = sorted(counts, key=lambda fp: (first[fp].path, first[fp].rule, fp))  # stable diffs
    entries = {
        fp: {"path": first[fp].path, "rule": first[fp].rule, "count": counts[fp]} for fp in order
    }
    return {"tool": "glosscheck", "version": tool_version, "fingerprints": entries}


def write_baseline(report: Report, path: PathArg, *, tool_version: str | None = None) -> None:
    """Record the report's findings in `path`, replacing it atomically (temp file + rename).

    A failed write leaves an existing baseline as it was; its mode is kept.
    """
    document = _document(report.findings, tool_version or VERSION)
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    try:
        _replace(Path(path), data)
    except OSError as error:
        message = f"cannot write baseline: {error.strerror or error}"
        raise GlosscheckError(message, os.fspath(path)) from None


def _replace(target: Path, data: bytes) -> None:
    """Write next to `target`, then rename over it: readers never see half a file."""
    mode = target.stat().st_mode & 0o7777 if target.exists() else _NEW_FILE_MODE
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _parse(text: str, name: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        message = f"baseline is not valid JSON: {error.msg}"
        raise GlosscheckError(message, name, error.lineno) from None


def _counts(document: object, name: str) -> Counter[str]:
    """Fingerprint → accepted count; anything but our own format is an error, not ignored."""
    if not isinstance(document, dict) or document.get("tool") != "glosscheck":
        raise GlosscheckError('not a glosscheck baseline (no "tool": "glosscheck")', name)
    entries = document.get("fingerprints")
    if not isinstance(entries, dict):
        raise GlosscheckError('baseline has no "fingerprints" object', name)
    counts: Counter[str] = Counter()
    for fingerprint, entry in entries.items():
        count = entry.get("count") if isinstance(entry, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise GlosscheckError(f"baseline entry {fingerprint!r} needs a positive count", name)
        counts[fingerprint] = count
    return counts


def read_baseline(path: PathArg) -> Counter[str]:
    """The accepted findings in `path`: fingerprint → how many of them."""
    name = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise GlosscheckError(f"cannot read baseline: {error.strerror or error}", name) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise GlosscheckError("baseline is not UTF-8", name, line) from None
    return _counts(_parse(text, name), name)


def apply_baseline(report: Report, path: PathArg) -> Report:
    """The report with only new findings: unknown fingerprints, or more copies than recorded.

    Of identical findings the first ones (in report order) count as the
    accepted ones. Errors and counts of files and segments are kept.
    """
    remaining = read_baseline(path)
    new = []
    for finding in report.findings:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            new.append(finding)
    return replace(report, findings=new, errors=list(report.errors))
