"""XLIFF 1.2 and 2.x: one segment per `<trans-unit>` (1.2) or per `<segment>` of a `<unit>` (2.x).

The version comes from the root's `version` attribute, else its namespace
(urn:oasis:names:tc:xliff:document:1.2 / 2.0). Languages: --source-lang/
--target-lang, else the file's — `<file source-language target-language>`
in 1.2, `<xliff srcLang trgLang>` in 2.x — where zh-CN, zh-Hant … are
Chinese and en-US … English; a file declaring a third language is an
error unless the options name the direction. The declared target language
(else the target's `xml:lang`) is the segment's `target_locale`.

Units marked `translate="no"` (on the unit or an enclosing `<group>` or
`<file>`) are skipped. A missing `<target>` is an empty target — U101
reports it at the line and column of the `<source>`. States:

- 1.2 `state="new"` or `"needs-translation"` and 2.x `state="initial"`
  (written out; it is only the default) mean the target is not yet a
  translation: it is read as empty, so U101 reports it where its text
  starts, and its draft text is not checked further;
- 1.2 `needs-adaptation`, `needs-l10n` and `needs-review-*` add the flag
  "fuzzy" (a translator asked for review, as a fuzzy PO entry does).

Inline codes: see `xml_inline` (`<g id="1">`/`<x id="2"/>` kept as
written, `<bpt>` native code unescaped, `<mrk>` keeps its text). `key` is
the unit's id (2.x: "unit#segment" when a unit has several segments; "N"
counts units when ids are missing). `meta`: "note" (the unit's `<note>`s,
one per line), "state", "file" (1.2 `original`, 2.x file id), "resname"
(1.2) or "name" (2.x). A note reading `glosscheck: ignore[T101]`
suppresses T101 for the unit.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from checker.readers.base import Job, ReadOptions
from checker.readers.languages import lang_of, resolve_direction
from checker.readers.suppression import codes_in
from checker.readers.xml_inline import inline_text
from checker.readers.xml_nodes import Element, Record
from checker.readers.xml_records import records
from checker.segment import Anchor, Segment
from glossary.errors import InputError

__all__ = ["read"]

_NAMESPACE = "urn:oasis:names:tc:xliff:document:"
_UNTRANSLATED = frozenset({"new", "needs-translation", "initial"})
_NEEDS_WORK = frozenset(
    {
        "needs-adaptation",
        "needs-l10n",
        "needs-review-adaptation",
        "needs-review-l10n",
        "needs-review-translation",
    }
)


class _Declared(NamedTuple):
    """The languages a file declares and the line of the element declaring them."""

    source: str
    target: str
    line: int


@dataclass(frozen=True)
class _Unit:
    """What the segments of one unit share."""

    path: str
    key: str
    source_lang: str
    target_lang: str
    locale: str
    notes: str
    meta: dict[str, str]
    target_only: bool


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    def check_root(root: Element) -> Collection[str]:
        return ("trans-unit",) if _major_version(root, job.path) == 1 else ("unit",)

    for number, record in enumerate(records(job.path, check_root), 1):
        if record.element.tag == "trans-unit":
            yield from _version1(record, number, job.path, options)
        else:
            yield from _version2(record, number, job.path, options)


def _major_version(root: Element, path: str) -> int:
    if root.tag != "xliff":
        raise InputError(f"not an XLIFF file: the root element is <{root.tag}>", path, root.line)
    version = root.attr("version") or root.namespace.removeprefix(_NAMESPACE)
    if version.startswith("1."):
        return 1
    if version.startswith("2."):
        return 2
    message = f"unsupported XLIFF version {version or '(none)'!r}; glosscheck reads 1.2 and 2.x"
    raise InputError(message, path, root.line)


def _version1(record: Record, number: int, path: str, options: ReadOptions) -> Iterator[Segment]:
    unit = record.element
    if record.inherited("translate") == "no":
        return
    file = _enclosing(record, "file")
    target = unit.child("target")
    target_lang_attr = target.attr("xml:lang") if target is not None else ""
    target_code = file.attr("target-language") or target_lang_attr
    meta = {"file": file.attr("original"), "resname": unit.attr("resname")}
    declared = _Declared(file.attr("source-language"), target_code, file.line)
    shared = _shared(unit, number, declared, meta, path, options)
    state = target.attr("state") if target is not None else ""
    flags = frozenset({"fuzzy"}) if state in _NEEDS_WORK else frozenset()
    yield _segment(shared, _source(unit, path), target, state, shared.key, flags)


def _version2(record: Record, number: int, path: str, options: ReadOptions) -> Iterator[Segment]:
    unit = record.element
    if record.inherited("translate") == "no":
        return
    root = record.ancestors[0]
    meta = {"file": _enclosing(record, "file").attr("id"), "name": unit.attr("name")}
    declared = _Declared(root.attr("srcLang"), root.attr("trgLang"), root.line)
    shared = _shared(unit, number, declared, meta, path, options)
    segments = list(unit.children("segment"))
    for index, segment in enumerate(segments, 1):
        key = shared.key
        if len(segments) > 1:
            key = f"{key}#{segment.attr('id') or index}"
        target = segment.child("target")
        state = segment.attr("state")
        yield _segment(shared, _source(segment, path), target, state, key, frozenset())


def _enclosing(record: Record, tag: str) -> Element:
    """The nearest ancestor named `tag`, else the root (whose attributes then count)."""
    return next((a for a in reversed(record.ancestors) if a.tag == tag), record.ancestors[0])


def _source(holder: Element, path: str) -> Element:
    source = holder.child("source")
    if source is None:
        raise InputError(f"<{holder.tag}> without <source>", path, holder.line)
    return source


def _shared(
    unit: Element,
    number: int,
    declared: _Declared,
    meta: dict[str, str],
    path: str,
    options: ReadOptions,
) -> _Unit:
    source_lang, target_lang = _direction(declared, path, options)
    notes = "\n".join(note.text() for note in _notes(unit) if note.text())
    return _Unit(
        path=path,
        key=unit.attr("id") or str(number),
        source_lang=source_lang,
        target_lang=target_lang,
        locale=declared.target,
        notes=notes,
        meta={name: value for name, value in {**meta, "note": notes}.items() if value},
        target_only=options.target_only,
    )


def _notes(unit: Element) -> Iterator[Element]:
    """1.2 keeps `<note>`s in the unit, 2.x in its `<notes>`."""
    yield from unit.children("note")
    for holder in unit.children("notes"):
        yield from holder.children("note")


def _direction(declared: _Declared, path: str, options: ReadOptions) -> tuple[str, str]:
    """(source, target) from the options, else the declared languages (else en → zh)."""
    if options.source_lang or options.target_lang:
        return resolve_direction(options.source_lang, options.target_lang)
    for code in (declared.source, declared.target):
        if code and lang_of(code) is None:
            message = (
                f"language {code!r} is neither Chinese nor English;"
                " pass --source-lang/--target-lang to check the file anyway"
            )
            raise InputError(message, path, declared.line)
    source, target = lang_of(declared.source), lang_of(declared.target)
    return resolve_direction(None, None, source, target, default_source="en")


def _segment(
    unit: _Unit,
    source: Element,
    target: Element | None,
    state: str,
    key: str,
    flags: frozenset[str],
) -> Segment:
    anchors: tuple[Anchor, ...]
    if target is None:  # U101 points at the source, where the translation belongs
        text, anchors, line = "", ((0, source.line, source.column),), source.line
    else:
        text, anchors = inline_text(target)
        line = target.line
        if state in _UNTRANSLATED:
            text, anchors = "", anchors[:1]
    return Segment(
        source=inline_text(source)[0],
        target=text,
        source_lang=unit.source_lang,
        target_lang=unit.target_lang,
        path=unit.path,
        line=line,
        anchors=anchors,
        key=key,
        source_path=unit.path,
        source_line=source.line,
        target_locale=unit.locale or (target.attr("xml:lang") if target is not None else ""),
        flags=flags,
        target_only=unit.target_only,
        suppressed=codes_in(unit.notes),
        meta={**unit.meta, "state": state} if state else unit.meta,
    )
