"""gettext catalogs: .po/.pot read with polib (positions re-scanned), .mo via polib.

One segment per translation (per msgstr[n] for plural entries); the header
and obsolete entries are skipped, empty translations are kept. The target
language is the `Language` header's (zh_Hans → zh, kept as target_locale),
the source the other language, unless --source-lang/--target-lang say so.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import polib

from checker.readers.base import Job, ReadOptions
from checker.readers.fileio import decode, encoding_of, read_bytes
from checker.readers.languages import lang_of, resolve_direction
from checker.readers.po_lint import lint, unreadable_lines
from checker.readers.po_positions import EntryPositions, entry_positions
from checker.readers.problems import raise_problems
from checker.readers.suppression import codes_in
from checker.segment import Segment
from glossary.errors import InputError

__all__ = ["read"]

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
