"""--format text: `path:line:col: CODE message`, then the source and target with carets.

The first line of a finding is the same in both forms, so `grep` and editors
that jump to `path:line:col` keep working. The full form (the default, like
ruff's since 0.5) adds the two texts, cut around the span, with carets under
the flagged part; `--format concise` prints the first lines only.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from checker.finding import Finding, Severity
from checker.output.excerpt import Excerpt, excerpt, source_span, target_span
from checker.report import Report

__all__ = ["concise_chunks", "render_concise", "render_text", "text_chunks"]

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_LABEL = "  {}: "  # "  source: " and "  target: " are equally wide, so carets line up
_TEXT_WIDTH = 80  # columns of source or target text shown before cutting with "…"


def render_text(report: Report, version: str, color: bool = False, show_source: bool = True) -> str:
    """Every finding, the source and target under it unless `show_source` is False."""
    return "".join(text_chunks(report, version, color, show_source))


def render_concise(report: Report, version: str, color: bool = False) -> str:
    """One line per finding: for scripts, editors' problem matchers and narrow logs."""
    return render_text(report, version, color, show_source=False)


def text_chunks(
    report: Report, version: str, color: bool = False, show_source: bool = True
) -> Iterator[str]:
    """`render_text` a finding at a time (written as made: they may be many); the
    summary line is the last chunk."""
    for f in report.each():
        lines = [_headline(f, color)]
        if show_source:
            lines.extend(_context(f, color))
            lines.append("")
        yield "\n".join(lines) + "\n"
    yield _summary_line(report) + "\n"


def concise_chunks(report: Report, version: str, color: bool = False) -> Iterator[str]:
    return text_chunks(report, version, color, show_source=False)


def _headline(f: Finding, color: bool) -> str:
    where = f"{f.path}:{f.line}:{f.column}:"
    code = f.rule
    if color:
        where = click.style(where, bold=True)
        code = click.style(code, fg=_COLORS[f.severity], bold=True)
    hint = f" [fix: {f.suggestion}]" if f.fixable and f.suggestion else ""
    return f"{where} {code} {f.message}{hint}"


def _context(f: Finding, color: bool) -> list[str]:
    """The source (when there is one) and the target, each with carets if a span is known."""
    lines: list[str] = []
    if f.source:
        lines.extend(_marked("source", f.source, source_span(f), f.severity, color))
    span = target_span(f)
    if span == (0, len(f.target)):
        span = None  # carets under the whole text would say nothing
    lines.extend(_marked("target", f.target, span, f.severity, color))
    return lines


def _marked(
    label: str, text: str, span: tuple[int, int] | None, severity: Severity, color: bool
) -> list[str]:
    prefix = _LABEL.format(label)
    if color:
        prefix = click.style(prefix, dim=True)
    if not text:
        return [prefix + "(empty)"]
    shown = excerpt(text, span or (0, 0), _TEXT_WIDTH)
    if span is None:
        return [prefix + shown.line]
    return [prefix + _styled(shown, severity, color), _carets(label, shown, severity, color)]


def _styled(shown: Excerpt, severity: Severity, color: bool) -> str:
    if not color:
        return shown.line
    marked = click.style(shown.marked, fg=_COLORS[severity], bold=True)
    return shown.before + marked + shown.after


def _carets(label: str, shown: Excerpt, severity: Severity, color: bool) -> str:
    carets = "^" * max(shown.width, 1)  # an empty span (an insertion point) still gets one
    if color:
        carets = click.style(carets, fg=_COLORS[severity], bold=True)
    return " " * (len(_LABEL.format(label)) + shown.pad) + carets


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _severity_count(count: int, severity: str) -> str:
    """ "2 warnings", "1 error", but "3 info": info is not a countable noun."""
    return f"{count} info" if severity == "info" else _plural(count, severity)


def _summary_line(report: Report) -> str:
    summary = report.summary()
    scope = f"in {_plural(report.files, 'file')} ({_plural(report.segments, 'segment')})"
    if summary["findings"]:
        parts = ", ".join(_severity_count(n, sev) for sev, n in summary["by_severity"].items())
        line = f"Found {_plural(summary['findings'], 'finding')} ({parts}) {scope}."
    else:
        line = f"No findings {scope}."
    if report.errors:
        line += f" {_plural(len(report.errors), 'input error')}, reported on stderr."
    return line
