"""Apply the findings' fixes to their files: `--fix` writes, `--diff` only shows.

Every edit replaces text within one line at the position a rule recorded,
after checking that the file still holds exactly the text the rule saw, so
nothing else in the file changes: a PO file's other entries stay
byte-identical, line endings and a BOM are kept. A file that changed since
it was checked, or whose edit would cross an escape sequence, is left alone.
Writes are atomic (a temporary file renamed over the original, mode kept).
"""

from __future__ import annotations

import difflib
import json
import os
import stat
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape

from checker.finding import Finding, Fix
from checker.report import Report
from glossary.errors import GlosscheckError

_BOM = "\ufeff"


def _po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _plain(text: str) -> str | None:
    return None if "\n" in text or "\t" in text else text


def _csv(text: str) -> str | None:
    return None if any(c in text for c in '",\n\t') else text


# How a replacement is written into each kind of file; None: it cannot be.
_ESCAPES: dict[str, Callable[[str], str | None]] = {
    ".po": _po_escape,
    ".pot": _po_escape,
    ".jsonl": lambda t: json.dumps(t, ensure_ascii=False)[1:-1],
    ".tmx": xml_escape,
    ".xlf": xml_escape,
    ".xliff": xml_escape,
    ".csv": _csv,
}


@dataclass
class FixOutcome:
    """What applying fixes did: the findings fixed, per-file diffs, files refused."""

    fixed: list[Finding] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    errors: list[GlosscheckError] = field(default_factory=list)


def apply_fixes(report: Report, *, write: bool) -> FixOutcome:
    """Fix what can be fixed safely; with `write=False` only compute the diffs."""
    outcome = FixOutcome()
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        if finding.fix is not None and finding.fix.line:
            by_path[finding.path].append(finding)
    for path, findings in sorted(by_path.items()):
        try:
            _fix_file(path, findings, report.stamps.get(path), write, outcome)
        except GlosscheckError as error:
            outcome.errors.append(error)
        except OSError as error:
            outcome.errors.append(GlosscheckError(f"cannot fix: {error.strerror}", path))
    return outcome


def fix_until_stable(
    report: Report, run_check: Callable[[], Report], rounds: int = 10
) -> tuple[Report, int, list[GlosscheckError]]:
    """Fix, check again, and fix again until nothing changes (like ruff).

    One fix can uncover another ("件:.件": the colon, then the full stop beside
    it), and `--fix` run twice must change nothing the second time. Returns the
    report of what is left, the number of fixes applied and the files refused.
    """
    applied, refused = 0, []
    for _ in range(rounds):  # fixes that keep uncovering fixes past this are a bug
        outcome = apply_fixes(report, write=True)
        applied += len(outcome.fixed)
        refused.extend(outcome.errors)
        if not outcome.fixed:
            break
        report = run_check()
    return report, applied, refused


def _fix_file(
    path: str,
    findings: list[Finding],
    checked: tuple[int, int] | None,
    write: bool,
    outcome: FixOutcome,
) -> None:
    _refuse_if_changed(path, checked)
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise GlosscheckError("cannot fix: the file is not UTF-8", path) from None
    bom = _BOM if text.startswith(_BOM) else ""
    lines = text[len(bom) :].split("\n")
    escape = _ESCAPES.get(os.path.splitext(path)[1].lower(), _plain)
    done = _edit_lines(lines, findings, escape)
    if not done:
        return
    new_text = bom + "\n".join(lines)
    outcome.fixed.extend(done)
    outcome.diffs.append(_diff(path, text, new_text))
    if write:
        _write_atomically(path, new_text.encode("utf-8"), checked)


def _edit_lines(
    lines: list[str], findings: list[Finding], escape: Callable[[str], str | None]
) -> list[Finding]:
    """Apply edits right to left within each line; skip unsafe or overlapping ones."""
    done: list[Finding] = []
    taken: dict[int, int] = {}  # line → leftmost column already edited
    for finding in sorted(findings, key=_position, reverse=True):
        fix = finding.fix
        assert fix is not None
        replacement = escape(fix.replacement)
        if replacement is None or not _applies(lines, fix, taken):
            continue
        row = lines[fix.line - 1]
        lines[fix.line - 1] = row[: fix.column - 1] + replacement + row[fix.end_column - 1 :]
        taken[fix.line] = fix.column
        done.append(finding)
    return done[::-1]


def _position(finding: Finding) -> tuple[int, int]:
    assert finding.fix is not None
    return finding.fix.line, finding.fix.column


def _applies(lines: list[str], fix: Fix, taken: dict[int, int]) -> bool:
    """One line, not overlapping an earlier edit, and the file holds the original text."""
    if fix.end_line != fix.line or not 0 < fix.line <= len(lines):
        return False
    if fix.end_column > taken.get(fix.line, len(lines[fix.line - 1]) + 2):
        return False
    held = lines[fix.line - 1][fix.column - 1 : fix.end_column - 1]
    return held == fix.original


def _refuse_if_changed(path: str, checked: tuple[int, int] | None) -> None:
    status = os.stat(path)
    if checked is not None and (status.st_mtime_ns, status.st_size) != checked:
        raise GlosscheckError("not fixed: the file changed since it was checked", path)


def _diff(path: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _write_atomically(path: str, data: bytes, checked: tuple[int, int] | None) -> None:
    """Write beside the file, keep its mode, then rename over it in one step."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".glosscheck-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        _refuse_if_changed(path, checked)  # a last look: someone may have written meanwhile
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
