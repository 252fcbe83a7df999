"""--format sarif: a SARIF 2.1.0 log, for code-scanning dashboards and SARIF viewers.

One run. Its driver lists every registered rule, so a viewer can explain a
result (and a rule that found nothing) without glosscheck installed. Columns
count code points, as everywhere in glosscheck, and the run says so
(`columnKind`): SARIF's default would be UTF-16 code units, which differ for
characters outside the BMP (rare Han characters in CJK Extension B and up).
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker.finding import Finding, Fix, Severity
from checker.output.json_format import indented
from checker.report import Report
from checker.rules import RULES, Rule
from checker.rules.docs import doc, examples, summary
from glossary.errors import GlosscheckError

__all__ = ["SCHEMA_URI", "render_sarif", "sarif_chunks", "sarif_log"]

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "glosscheck/v1"  # bump with any change to Finding.fingerprint
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Characters a format writes escaped or quoted, by file extension: SARIF
# consumers insert a replacement verbatim, so one holding them is left to
# --fix, which escapes per format. Control characters count everywhere.
_ESCAPED_IN = {".po": '"\\', ".pot": '"\\', ".jsonl": '"\\', ".csv": '",'}
_ESCAPED_IN.update(dict.fromkeys((".tmx", ".xlf", ".xliff"), "&<>"))
_HOLE = '"results": []'  # where the results go in the log without them


def _help(rule: type[Rule]) -> str:
    """The rule's examples as a flagged/accepted list: what a viewer shows as help."""
    lines = [summary(rule), ""]
    for example in examples(rule):
        label = "Flagged" if example.expect_finding else "Accepted"
        lines.append(f"{label}: {example.source} → {example.target}")
    return "\n".join(lines).rstrip()


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": doc(rule)},
        "help": {"text": _help(rule)},
        "defaultConfiguration": {
            "level": _LEVELS[rule.severity],
            "enabled": rule.default_enabled,
        },
        "properties": {"fixable": rule.fixable},
    }


def _artifact(path: str) -> dict[str, str]:
    """A relative path stays relative to %SRCROOT% (the checkout); an absolute one is a file URI."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


def _region(f: Finding) -> dict[str, int]:
    """SARIF's endColumn is one past the region, like our end_column."""
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }


def _fix_region(fix: Fix) -> dict[str, int] | None:
    """Where the fix's text stands in the file, if it stands there verbatim on one line.

    The rule records file positions (`fix.line` > 0); a region wider than the
    replaced text holds escapes (`\\"` in a PO string), which --fix handles
    and a verbatim replacement would get wrong.
    """
    verbatim = fix.end_column - fix.column == fix.end - fix.start
    if not fix.line or fix.line != fix.end_line or not verbatim:
        return None
    return {
        "startLine": fix.line,
        "startColumn": fix.column,
        "endLine": fix.end_line,
        "endColumn": fix.end_column,
    }


def _verbatim(text: str, path: str) -> bool:
    """`text` can go into the file at `path` as it is, unescaped."""
    special = _ESCAPED_IN.get(os.path.splitext(path)[1].lower(), "")
    return not any(c in special or unicodedata.category(c) == "Cc" for c in text)


def _fixes(f: Finding) -> list[dict[str, Any]]:
    """The fix as a SARIF replacement, when the file takes it verbatim at a known region."""
    fix = f.fix
    region = _fix_region(fix) if fix else None
    if fix is None or region is None or not _verbatim(fix.replacement, f.path):
        return []
    old = f.target[fix.start : fix.end]
    replacement = {"deletedRegion": region, "insertedContent": {"text": fix.replacement}}
    change = {"artifactLocation": _artifact(f.path), "replacements": [replacement]}
    description = {"text": f'Replace "{old}" with "{fix.replacement}"'}
    return [{"description": description, "artifactChanges": [change]}]


def _result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": f.rule}
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    result["level"] = _LEVELS[f.severity]
    result["message"] = {"text": f.message}
    where = {"artifactLocation": _artifact(f.path), "region": _region(f)}
    result["locations"] = [{"physicalLocation": where}]
    result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if fixes := _fixes(f):
        result["fixes"] = fixes
    return result


def _notification(error: GlosscheckError) -> dict[str, Any]:
    """An unreadable input: reported by the tool, not a result about the text."""
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.path:
        location: dict[str, Any] = {"artifactLocation": _artifact(error.path)}
        if error.line is not None:
            location["region"] = {"startLine": error.line}
        notification["locations"] = [{"physicalLocation": location}]
    return notification


def _invocation(report: Report) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [_notification(e) for e in report.errors]
    return invocation


def sarif_log(report: Report, version: str) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict, all results in it (for tests and the API)."""
    log = _log_without_results(report, version)
    rule_index = _rule_index()
    log["runs"][0]["results"] = [_result(f, rule_index) for f in report.each()]
    return log


def _rule_index() -> dict[str, int]:
    """Each rule's place in the driver's list: every registered rule, not only those found."""
    return {code: i for i, code in enumerate(sorted(RULES))}


def _log_without_results(report: Report, version: str) -> dict[str, Any]:
    rules = [_descriptor(RULES[code]) for code in sorted(RULES)]
    driver = {"name": "glosscheck", "version": version, "rules": rules}
    run = {
        "tool": {"driver": driver},
        "invocations": [_invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": [],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, version: str, color: bool = False) -> str:
    return "".join(sarif_chunks(report, version, color))


def sarif_chunks(report: Report, version: str, color: bool = False) -> Iterator[str]:
    """The log a result at a time (written as made: they may be many).

    The head (driver, invocation) depends on no finding, so it is dumped once
    with the results left empty; each result is then dumped alone, indented to
    its depth (four levels: runs, run, results): what `json.dumps` of the
    whole log writes, as no string holds a raw newline.
    """
    log = json.dumps(_log_without_results(report, version), ensure_ascii=False, indent=2)
    head, tail = log.split(_HOLE, 1)  # the key: a string value escapes its quotes
    yield head + _HOLE[:-1]
    rule_index = _rule_index()
    separator = "\n        "
    for f in report.each():
        yield separator + indented(_result(f, rule_index), 4)
        separator = ",\n        "
    yield ("]" if separator == "\n        " else "\n      ]") + tail + "\n"
