"""gettext catalogs: .po/.pot streamed through our own parser, .mo read with polib.

One segment per translation (per msgstr[n] for plural entries); the header
and obsolete entries are skipped, empty translations are kept. The target
language is the `Language` header's (zh_Hans → zh, kept as target_locale),
the source the other language, unless --source-lang/--target-lang say so.

A .po file is read as a stream of entries (po_text decodes lines, po_parser
turns them into entries), so memory does not grow with the catalog; the
structural problems found on the way are raised after the last segment.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass

from checker.readers.base import Job, ReadOptions
from checker.readers.fileio import read_bytes
from checker.readers.languages import lang_of, resolve_direction
from checker.readers.po_lint import Lint
from checker.readers.po_parser import Entry, parse
from checker.readers.po_positions import locate
from checker.readers.po_text import catalog_blocks, catalog_lines
from checker.readers.problems import raise_problems
from checker.readers.suppression import codes_in
from checker.segment import Segment
from glossary.errors import InputError

__all__ = ["read"]

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
# A locale in the path: locale/zh_Hans/LC_MESSAGES/django.po, po/zh_CN.po.
_PATH_LOCALE = re.compile(r"(?:^|[/\\._-])((?:zh|en)(?:[-_][A-Za-z]+)?)(?=[/\\.]|$)")
_NO_FLAGS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Catalog:
    """What every entry of one catalog shares."""

    path: str
    source_lang: str
    target_lang: str
    locale: str
    single_form: bool  # nplurals=1 (Chinese): msgstr[0] serves every count
    extra_flags: frozenset[str]
    target_only: bool


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    if job.path.lower().endswith(".mo"):
        yield from _read_mo(job.path, options)
        return
    try:
        size = os.path.getsize(job.path)
    except OSError:
        size = 0  # opening the file reports it
    lint = Lint(job.path, size)
    stream = _Stream(job.path, options, lint)
    for entry in parse(catalog_blocks(job.path), lint):
        yield from stream.add(entry)
    yield from stream.end()
    raise_problems(lint.problems())


class _Stream:
    """Entries in, segments out, once the header says what the catalog is.

    The header is the first entry with msgid "" (gettext writes it first);
    entries before it, if any, wait for it or for the end of the file.
    """

    def __init__(
        self, path: str, options: ReadOptions, lint: Lint, catalog: _Catalog | None = None
    ) -> None:
        self.path = path
        self.options = options
        self.lint = lint
        self.catalog = catalog  # given: the header was read elsewhere (a part of the file)
        self.waiting: list[Entry] | None = None if catalog else []  # None once it is known
        self.refused: InputError | None = None  # the catalog's language is not ours

    def add(self, entry: Entry) -> Iterable[Segment]:
        """The segments of one entry (a list: this runs for every entry)."""
        if self.catalog is not None:
            self.lint.entry(entry)
            if entry.unreadable or entry.obsolete or not entry.msgid:
                return []
            return _segments(entry, self.catalog)
        if self.waiting is None:  # the catalog was refused
            return []
        if entry.obsolete or entry.msgid:
            self.waiting.append(entry)
            return []
        return self._start(_metadata(entry.msgstr))

    def end(self) -> Iterable[Segment]:
        segments = self._start({}) if self.waiting is not None else ()
        if self.refused is not None:
            raise self.refused
        return segments

    def _start(self, metadata: Mapping[str, str]) -> Iterable[Segment]:
        """Read the header's metadata; gives the segments of the entries that waited."""
        waiting, self.waiting = self.waiting or [], None
        try:
            self.catalog = _catalog(self.path, metadata, self.options)
        except InputError as error:
            self.refused = error  # raised at the end: a syntax error would come first
            return ()
        self.lint.header(metadata, lambda: plural_forms_line(self.path))
        return (segment for entry in waiting for segment in self.add(entry))


def plural_forms_line(path: str) -> int | None:
    """The first line naming Plural-Forms (read again: only a bad header needs it)."""
    with closing(catalog_lines(path)) as lines:
        return next((n for n, text in enumerate(lines, 1) if "Plural-Forms:" in text), None)


def _metadata(msgstr: str) -> dict[str, str]:
    """The header's `Key: value` lines; a line without a colon continues the last value."""
    metadata: dict[str, str] = {}
    key = None
    for line in msgstr.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            key = name
            metadata[key] = value.strip()
        elif key is not None:
            metadata[key] += "\n" + line.strip()
    return metadata


def _catalog(path: str, metadata: Mapping[str, str], options: ReadOptions) -> _Catalog:
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
        source_lang=source,
        target_lang=target,
        locale=locale,
        single_form=nplurals is not None and nplurals.group(1) == "1",
        extra_flags=frozenset({"template"}) if template else _NO_FLAGS,
        target_only=options.target_only,
    )


def _path_locale(path: str) -> str:
    """A locale named by the file's path, for catalogs without a Language header."""
    matches = _PATH_LOCALE.findall(os.path.normpath(path))
    return str(matches[-1]) if matches else ""


def _segments(entry: Entry, catalog: _Catalog) -> list[Segment]:
    if not entry.msgid_plural:
        return [_segment(entry, catalog, None, entry.msgid, entry.msgstr)]
    single = catalog.single_form or len(entry.msgstr_plural) == 1
    segments = []
    for index, target in sorted(entry.msgstr_plural.items()):
        # gettext checks a form that serves many counts against msgid_plural.
        source = entry.msgid if index == 0 and not single else entry.msgid_plural
        segments.append(_segment(entry, catalog, index, source, target))
    return segments


def _segment(
    entry: Entry, catalog: _Catalog, index: int | None, source: str, target: str
) -> Segment:
    key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
    chunks = entry.strings.get(index)
    # The msgstr line and its characters' columns; the entry's line without one.
    line, anchors = locate(chunks, target) if chunks else (entry.first_line, ())
    return Segment(
        source=source,
        target=target,
        source_lang=catalog.source_lang,
        target_lang=catalog.target_lang,
        path=catalog.path,
        line=line,
        anchors=anchors,
        key=key if index is None else f"{key}[{index}]",
        source_path=catalog.path,
        source_line=entry.msgid_line,
        target_locale=catalog.locale,
        flags=frozenset(entry.flags) | catalog.extra_flags if entry.flags else catalog.extra_flags,
        target_only=catalog.target_only,
        suppressed=codes_in(entry.tcomment) if entry.tcomment else _NO_FLAGS,
        meta=_meta(entry, index),
    )


def _meta(entry: Entry, index: int | None) -> dict[str, str]:
    meta: dict[str, str] = {}
    if entry.msgctxt is not None:
        meta["msgctxt"] = entry.msgctxt
    if index is not None:
        meta.update(msgid=entry.msgid, msgid_plural=entry.msgid_plural, plural_index=str(index))
    if entry.occurrences:
        meta["occurrences"] = " ".join(entry.occurrences)
    return meta


def _read_mo(path: str, options: ReadOptions) -> Iterator[Segment]:
    """A compiled catalog: no lines, comments or flags survive compilation.

    Every segment gets line 1 and no anchors; the key tells entries apart.
    """
    import polib  # only for .mo files: a .po file is read without it

    if not read_bytes(path):
        return
    try:
        entries = polib.mofile(path)
    except (OSError, ValueError, UnicodeDecodeError, IndexError, struct.error) as error:
        raise InputError(f"not a valid MO file: {error}", path) from None
    catalog = _catalog(path, entries.metadata, options)
    for compiled in entries:
        if compiled.msgid:
            entry = Entry(1)
            entry.msgctxt = compiled.msgctxt
            entry.msgid, entry.msgstr = compiled.msgid, compiled.msgstr
            entry.msgid_plural, entry.msgstr_plural = compiled.msgid_plural, compiled.msgstr_plural
            yield from _segments(entry, catalog)
