"""The PO reader as it was before the streaming parser: polib, then positions and lint.

Kept only as the reference the equivalence tests compare the streaming
reader with (test_po_equivalence.py): the code of checker/readers/po.py,
po_positions.py and po_lint.py at commit b3a403a, merged into one module.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import polib

from checker.readers.anchors import compact, unescape_with_anchors
from checker.readers.base import Job, ReadOptions
from checker.readers.fileio import decode, encoding_of, read_bytes
from checker.readers.languages import lang_of, resolve_direction
from checker.readers.problems import raise_problems
from checker.readers.suppression import codes_in
from checker.segment import Anchor, Segment
from glossary.errors import InputError

__all__ = ["read"]

# po_positions.py

_KEYWORD = re.compile(r'\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*"')
_CONTINUATION = re.compile(r'\s*"')
# Exactly the escapes polib decodes; others stay as two characters in its text.
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f"}


@dataclass(frozen=True)
class QuotedString:
    """A msgstr as the file writes it: its keyword line, decoded text and anchors."""

    line: int
    text: str
    anchors: tuple[Anchor, ...]


@dataclass
class EntryPositions:
    first_line: int
    msgid_line: int | None = None
    # msgstr index (None for a singular entry) → its string.
    msgstr: dict[int | None, QuotedString] = field(default_factory=dict)


def entry_positions(lines: Sequence[str], first_line: int) -> EntryPositions:
    """Scan from the entry's first line (1-based) to the end of its msgstr strings."""
    found = EntryPositions(first_line)
    chunks: list[tuple[int, str]] | None = None  # (line, raw line) of the open msgstr
    index: int | None = None
    for number in range(max(first_line, 1), len(lines) + 1):
        raw = lines[number - 1]
        keyword = _KEYWORD.match(raw)
        if keyword and keyword.group(1).startswith("msgstr"):
            _close(found, index, chunks)
            index = int(keyword.group(2)) if keyword.group(2) is not None else None
            chunks = [(number, raw)]
        elif keyword and chunks is not None:
            break  # the next entry begins
        elif keyword:
            found.msgid_line = number if keyword.group(1) == "msgid" else found.msgid_line
        elif _CONTINUATION.match(raw):
            if chunks is not None:
                chunks.append((number, raw))
        elif chunks is not None:
            break  # a comment or blank line after the msgstr ends the entry
    _close(found, index, chunks)
    return found


def _close(found: EntryPositions, index: int | None, chunks: list[tuple[int, str]] | None) -> None:
    if chunks:
        found.msgstr[index] = _decode(chunks)


def _decode(chunks: list[tuple[int, str]]) -> QuotedString:
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for number, raw in chunks:
        opening = raw.index('"')
        body = raw.rstrip()[opening + 1 : -1]
        text, chunk_anchors = unescape_with_anchors(
            body, _ESCAPE, _unescape, offset, number, opening + 2
        )
        if text or not anchors:  # an empty chunk ("msgstr \"\"") points nowhere
            anchors += chunk_anchors
        parts.append(text)
        offset += len(text)
    return QuotedString(chunks[0][0], "".join(parts), compact(anchors))


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return _ESCAPED.get(char, char)


# po_lint.py

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


# po.py

_CHARSET = re.compile(rb"Content-Type:[^\"\\]*charset=([\w.:-]+)")
_SYNTAX_ERROR = re.compile(r"\(line (\d+)\)(?::\s*(.*))?", re.DOTALL)
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
# A locale in the path: locale/zh_Hans/LC_MESSAGES/django.po, po/zh_CN.po.
_PATH_LOCALE = re.compile(r"(?:^|[/\\._-])((?:zh|en)(?:[-_][A-Za-z]+)?)(?=[/\\.]|$)")


@dataclass(frozen=True)
class _Catalog:
    """What every entry of one catalog shares."""

    path: str
    lines: Sequence[str]
    source_lang: str
    target_lang: str
    locale: str
    single_form: bool  # nplurals=1 (Chinese): msgstr[0] serves every count
    extra_flags: frozenset[str]
    target_only: bool


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    data = read_bytes(job.path)
    if not data:
        return
    if job.path.lower().endswith(".mo"):
        yield from _read_mo(job.path, options)
        return
    declared = _charset(data)
    lines = decode(data, job.path, declared).split("\n")
    entries = _parse(job.path, encoding_of(data, job.path, declared))
    catalog = _catalog(job.path, lines, entries.metadata, options)
    problems = lint(lines, entries, job.path)
    skipped = _broken_entries(entries, unreadable_lines(lines))
    for entry in entries:
        if not entry.obsolete and entry.msgid and entry.linenum not in skipped:
            yield from _segments(entry, catalog, entry.linenum or 1)
    raise_problems(problems)


def _charset(data: bytes) -> str | None:
    """The header's declared charset when Python knows it (a .pot says CHARSET)."""
    match = _CHARSET.search(data)
    if match:
        name = match.group(1).decode("ascii")
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass
    return None


def _broken_entries(entries: polib.POFile, broken: list[int]) -> set[int]:
    """First lines of the entries holding `broken` lines: polib misread their text."""
    starts = sorted(entry.linenum for entry in entries if entry.linenum)
    skipped = set()
    for line in broken:
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0:
            skipped.add(starts[index])
    return skipped


def _parse(path: str, encoding: str) -> polib.POFile:
    try:
        return polib.pofile(path, encoding=encoding)
    except (OSError, ValueError) as error:
        match = _SYNTAX_ERROR.search(str(error))
        line = int(match.group(1)) if match else None
        detail = (match.group(2) if match else None) or "malformed entry"
        raise InputError(f"PO syntax error: {detail}", path, line) from None


def _catalog(
    path: str, lines: Sequence[str], metadata: Mapping[str, str], options: ReadOptions
) -> _Catalog:
    locale = metadata.get("Language", "").strip() or _path_locale(path)
    if locale and lang_of(locale) is None and not (options.source_lang or options.target_lang):
        raise InputError(
            f"catalog language {locale!r} is neither Chinese nor English;"
            " pass --target-lang to check it anyway",
            path,
        )
    source, target = resolve_direction(
        options.source_lang, options.target_lang, None, lang_of(locale), default_source="en"
    )
    nplurals = _NPLURALS.search(metadata.get("Plural-Forms", ""))
    template = path.lower().endswith(".pot")
    return _Catalog(
        path=path,
        lines=lines,
        source_lang=source,
        target_lang=target,
        locale=locale,
        single_form=nplurals is not None and nplurals.group(1) == "1",
        extra_flags=frozenset({"template"}) if template else frozenset(),
        target_only=options.target_only,
    )


def _path_locale(path: str) -> str:
    """A locale named by the file's path, for catalogs without a Language header."""
    matches = _PATH_LOCALE.findall(os.path.normpath(path))
    return str(matches[-1]) if matches else ""


_Entry = polib.POEntry | polib.MOEntry


def _segments(entry: _Entry, catalog: _Catalog, first_line: int) -> Iterator[Segment]:
    """The entry's segments; `first_line` is where it starts (polib's linenum)."""
    positions = entry_positions(catalog.lines, first_line)
    if not entry.msgid_plural:
        yield _segment(entry, catalog, positions, None, entry.msgid, entry.msgstr)
        return
    single = catalog.single_form or len(entry.msgstr_plural) == 1
    for index, target in sorted(entry.msgstr_plural.items()):
        # gettext checks a form that serves many counts against msgid_plural.
        source = entry.msgid if index == 0 and not single else entry.msgid_plural
        yield _segment(entry, catalog, positions, index, source, target)


def _segment(
    entry: _Entry,
    catalog: _Catalog,
    positions: EntryPositions,
    index: int | None,
    source: str,
    target: str,
) -> Segment:
    key = (f"{entry.msgctxt}\x04" if entry.msgctxt is not None else "") + entry.msgid
    found = positions.msgstr.get(index)
    return Segment(
        source=source,
        target=target,
        source_lang=catalog.source_lang,
        target_lang=catalog.target_lang,
        path=catalog.path,
        line=found.line if found else positions.first_line,
        anchors=found.anchors if found and found.text == target else (),
        key=key if index is None else f"{key}[{index}]",
        source_path=catalog.path,
        source_line=positions.msgid_line,
        target_locale=catalog.locale,
        flags=frozenset(entry.flags) | catalog.extra_flags,
        target_only=catalog.target_only,
        suppressed=codes_in(entry.tcomment or ""),
        meta=_meta(entry, index),
    )


def _meta(entry: _Entry, index: int | None) -> dict[str, str]:
    meta: dict[str, str] = {}
    if entry.msgctxt is not None:
        meta["msgctxt"] = entry.msgctxt
    if index is not None:
        meta.update(msgid=entry.msgid, msgid_plural=entry.msgid_plural, plural_index=str(index))
    if entry.occurrences:
        meta["occurrences"] = " ".join(
            f"{name}:{line}" if line else name for name, line in entry.occurrences
        )
    return meta


def _read_mo(path: str, options: ReadOptions) -> Iterator[Segment]:
    """A compiled catalog: no lines, comments or flags survive compilation.

    Every segment gets line 1 and no anchors; the key tells entries apart.
    """
    try:
        entries = polib.mofile(path)
    except (OSError, ValueError, UnicodeDecodeError, IndexError, struct.error) as error:
        raise InputError(f"not a valid MO file: {error}", path) from None
    catalog = _catalog(path, (), entries.metadata, options)
    for entry in entries:
        if entry.msgid:
            yield from _segments(entry, catalog, 1)
