"""--format text: `path:line:col: CODE message`, one finding a line, like ruff."""

from __future__ import annotations

import click

from checker.finding import Severity
from checker.report import Report

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render_text(report: Report, version: str, color: bool = False) -> str:
    lines = []
    for f in report.findings:
        where = f"{f.path}:{f.line}:{f.column}:"
        code = f.rule
        if color:
            where = click.style(where, bold=True)
            code = click.style(code, fg=_COLORS[f.severity], bold=True)
        hint = f" [fix: {f.suggestion}]" if f.fixable and f.suggestion else ""
        lines.append(f"{where} {code} {f.message}{hint}")
    lines.append(_summary_line(report))
    return "\n".join(lines) + "\n"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _summary_line(report: Report) -> str:
    summary = report.summary()
    scope = f"in {_plural(report.files, 'file')} ({_plural(report.segments, 'segment')})"
    if summary["findings"]:
        parts = ", ".join(f"{count} {sev}" for sev, count in summary["by_severity"].items())
        line = f"Found {_plural(summary['findings'], 'finding')} ({parts}) {scope}."
    else:
        line = f"No findings {scope}."
    if report.errors:
        line += f" {_plural(len(report.errors), 'input error')}, reported on stderr."
    return line
