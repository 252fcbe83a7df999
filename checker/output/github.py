"""--format github: GitHub Actions workflow commands, shown as annotations on the diff.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message`,
with ::warning for warnings and ::notice for info. The runner parses these
lines from stdout, so a message or property must not contain a raw newline or
(in properties) the `,` and `:` that delimit them: they are %-escaped.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding, Severity
from checker.report import Report
from glossary.errors import GlosscheckError

__all__ = ["escape_message", "escape_property", "github_chunks", "render_github"]

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_message(text: str) -> str:
    """A command's value: `%` first, so the escapes added next are not escaped again."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property's value: as a message, plus the delimiters `:` and `,`."""
    return escape_message(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_message(message)}"


def _position(f: Finding) -> dict[str, object]:
    """Where the annotation goes. Columns only on one line, as GitHub's annotations allow.

    GitHub's docs leave open whether `endColumn` is inclusive; we give it as
    SARIF and our JSON do, one past the span (github/docs#40038 reports it
    behaves that way), so one position means one thing in every format.
    """
    where: dict[str, object] = {"file": f.path, "line": f.line}
    if f.line == f.end_line:
        where.update(col=f.column, endLine=f.end_line, endColumn=f.end_column)
    else:
        where["endLine"] = f.end_line
    return where


def _finding(f: Finding) -> str:
    message = f.message + (f" [fix: {f.suggestion}]" if f.fixable and f.suggestion else "")
    return _command(_COMMANDS[f.severity], {**_position(f), "title": f"{f.rule} {f.name}"}, message)


def _input_error(error: GlosscheckError) -> str:
    where: dict[str, object] = {"file": error.path} if error.path else {}
    if error.path and error.line is not None:
        where["line"] = error.line
    return _command("error", {**where, "title": "glosscheck input error"}, error.message)


def render_github(report: Report, version: str, color: bool = False) -> str:
    return "".join(github_chunks(report, version, color))


def github_chunks(report: Report, version: str, color: bool = False) -> Iterator[str]:
    """One workflow command per finding, then one ::error per unreadable input, a line at a time."""
    for f in report.each():
        yield _finding(f) + "\n"
    for e in report.errors:
        yield _input_error(e) + "\n"
