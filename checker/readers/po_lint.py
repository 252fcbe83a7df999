"""Structural problems polib lets pass in a PO file, each an InputError with its line.

polib reads `msgstr "保存` (no closing quote) as "保" without a word, keeps a
msgid whose msgstr was cut off, accepts two entries with the same msgid and
never looks at the Plural-Forms header. Each of these would make findings
wrong or silently missing, so they are reported; the rest of the catalog is
still checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import polib

from glossary.errors import InputError

__all__ = ["broken_lines", "lint", "unreadable_lines"]

# A line holding a quoted string: a keyword line or a continuation, maybe obsolete.
_STRING_LINE = re.compile(r'(?:#~\s*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*"')
_ENTRY_KEYWORD = re.compile(r"(?:#~\s*)?(msgid_plural|msgid|msgstr)\b")
_PLURAL_FORMS = re.compile(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*[^;]+;?\s*")
_TRAILING_BACKSLASHES = re.compile(r"\\*$")


def lint(lines: Sequence[str], entries: polib.POFile, path: str) -> list[InputError]:
    """Every structural problem of the catalog, in file order."""
    problems = [
        InputError("unterminated string: the closing quote is missing", path, number)
        for number in broken_lines(lines)
    ]
    problems += _truncated(lines, path)
    problems += _duplicates(entries, path)
    problems += _plural_problems(lines, entries, path)
    return sorted(problems, key=lambda problem: problem.line or 0)


def broken_lines(lines: Sequence[str]) -> list[int]:
    """The 1-based numbers of lines whose quoted string does not close."""
    return [
        number
        for number, line in enumerate(lines, start=1)
        if _STRING_LINE.match(line.lstrip()) and not _closes(line)
    ]


def unreadable_lines(lines: Sequence[str]) -> list[int]:
    """Lines of entries polib misreads (unterminated strings, msgids cut off): not checked."""
    return broken_lines(lines) + [problem.line or 0 for problem in _truncated(lines, "")]


def _closes(line: str) -> bool:
    """True when the string opened on `line` ends with an unescaped quote."""
    body = line.strip()
    body = body[body.index('"') + 1 :]
    if not body.endswith('"'):
        return False
    backslashes = _TRAILING_BACKSLASHES.search(body[:-1])
    return backslashes is None or len(backslashes.group(0)) % 2 == 0


def _truncated(lines: Sequence[str], path: str) -> list[InputError]:
    """Entries whose msgid is not followed by a msgstr before the next msgid or the end."""
    problems: list[InputError] = []
    open_msgid: int | None = None
    for number, line in enumerate(lines, start=1):
        keyword = _ENTRY_KEYWORD.match(line.lstrip())
        if keyword is None:
            continue
        if keyword.group(1) == "msgid":
            _report_open(open_msgid, path, problems)
            open_msgid = number
        elif keyword.group(1) == "msgstr":
            open_msgid = None
    _report_open(open_msgid, path, problems)
    return problems


def _report_open(msgid_line: int | None, path: str, problems: list[InputError]) -> None:
    if msgid_line is not None:
        problems.append(
            InputError("truncated entry: this msgid has no msgstr; add one", path, msgid_line)
        )


def _duplicates(entries: Iterable[polib.POEntry], path: str) -> list[InputError]:
    """A msgid (with its msgctxt) that appears twice: gettext would refuse the catalog."""
    first: dict[tuple[str | None, str, bool], int] = {}
    problems = []
    for entry in entries:
        key = (entry.msgctxt, entry.msgid, entry.obsolete)
        line = entry.linenum or 0
        if key in first:
            problems.append(
                InputError(
                    f"duplicate msgid {entry.msgid!r}, first defined at line {first[key]};"
                    " merge the two entries",
                    path,
                    line,
                )
            )
        else:
            first[key] = line
    return problems


def _plural_problems(lines: Sequence[str], entries: polib.POFile, path: str) -> list[InputError]:
    """A Plural-Forms header that does not parse, or plural entries with another count."""
    header = entries.metadata.get("Plural-Forms")
    if header is None:
        return []
    line = next((n for n, text in enumerate(lines, 1) if "Plural-Forms:" in text), None)
    shape = _PLURAL_FORMS.fullmatch(header)
    if shape is None:
        return [
            InputError(
                f"bad Plural-Forms header {header!r}; expected 'nplurals=N; plural=EXPR;'",
                path,
                line,
            )
        ]
    expected = int(shape.group(1))
    return [
        InputError(
            f"plural entry has {len(entry.msgstr_plural)} msgstr forms,"
            f" the Plural-Forms header says nplurals={expected}",
            path,
            entry.linenum,
        )
        for entry in entries
        if entry.msgid_plural and not entry.obsolete and len(entry.msgstr_plural) != expected
    ]
