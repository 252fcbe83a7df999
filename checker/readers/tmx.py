"""TMX translation memories (1.4, and the `lang` attribute of 1.1): one segment per zh–en pair.

A `<tu>` holds variants (`<tuv>`), each in the language of its `xml:lang`
(or `lang`): zh, zh-CN, zh-Hans, zh_TW … are Chinese, en, en-US … English,
and variants in other languages are skipped. The source language is
--source-lang (or the complement of --target-lang), else the unit's
`srclang`, else the header's, else — `srclang="*all*"` or a third
language — the language of the unit's first Chinese or English variant.

Each target-language variant gives one segment (a unit with zh-CN and
zh-TW gives two), against the source variant whose code is the srclang,
else the first of the source language. A unit without both languages is
skipped: a multilingual memory holds many units that are no zh–en pair,
and TMX has no untranslated units. An empty `<seg/>` is kept as an empty
target, which U101 reports.

Inline codes: see `xml_inline` (`<bpt>&lt;b&gt;</bpt>` is `<b>`, `<hi>`
keeps its text). `key` is the `tuid`, else "tu:N" (the unit's 1-based
number), with "@" and the locale added when a unit has several targets;
`line` is the target `<seg>`'s; `meta` holds "note" (the unit's and the
target variant's `<note>`s, one per line) and "prop:TYPE" for each
`<prop>`. A note reading `glosscheck: ignore[T101]` suppresses T101 there.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from checker.readers.base import Job, ReadOptions
from checker.readers.languages import lang_of, resolve_direction
from checker.readers.suppression import codes_in
from checker.readers.xml_inline import inline_text
from checker.readers.xml_nodes import Element
from checker.readers.xml_records import records
from checker.segment import Segment
from glossary.errors import InputError

__all__ = ["read"]


@dataclass(frozen=True)
class _Variant:
    lang: str  # "zh" or "en"
    code: str  # as written: "zh-CN"
    tuv: Element
    seg: Element


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    header_srclang = ""
    number = 0

    def check_root(root: Element) -> Collection[str]:
        if root.tag != "tmx":
            message = f"not a TMX file: the root element is <{root.tag}>"
            raise InputError(message, job.path, root.line)
        return ("header", "tu")

    for record in records(job.path, check_root):
        if record.element.tag == "header":
            header_srclang = record.element.attr("srclang")
            continue
        number += 1
        yield from _unit_segments(record.element, number, header_srclang, job.path, options)


def _unit_segments(
    tu: Element, number: int, header_srclang: str, path: str, options: ReadOptions
) -> Iterator[Segment]:
    variants = list(_variants(tu, path))
    srclang = tu.attr("srclang") or header_srclang
    declared = lang_of(srclang) or (variants[0].lang if variants else None)
    source_lang, target_lang = resolve_direction(options.source_lang, options.target_lang, declared)
    sources = [v for v in variants if v.lang == source_lang]
    targets = [v for v in variants if v.lang == target_lang]
    if not sources or not targets:
        return
    source = next((v for v in sources if v.code.lower() == srclang.lower()), sources[0])
    key = tu.attr("tuid") or f"tu:{number}"
    for target in targets:
        target_key = f"{key}@{target.code}" if len(targets) > 1 else key
        yield _segment(tu, source, target, target_key, path, options)


def _variants(tu: Element, path: str) -> Iterator[_Variant]:
    """The unit's Chinese and English variants, in document order."""
    for tuv in tu.children("tuv"):
        code = tuv.attr("xml:lang", "lang")
        if not code:
            raise InputError("<tuv> without xml:lang", path, tuv.line)
        lang = lang_of(code)
        if lang is None:
            continue
        seg = tuv.child("seg")
        if seg is None:
            raise InputError(f'<tuv xml:lang="{code}"> without <seg>', path, tuv.line)
        yield _Variant(lang, code, tuv, seg)


def _segment(
    tu: Element, source: _Variant, target: _Variant, key: str, path: str, options: ReadOptions
) -> Segment:
    text, anchors = inline_text(target.seg)
    notes = "\n".join(
        note.text() for note in (*tu.children("note"), *target.tuv.children("note")) if note.text()
    )
    meta = {"note": notes} if notes else {}
    for prop in (*tu.children("prop"), *target.tuv.children("prop")):
        meta[f"prop:{prop.attr('type')}"] = prop.text()
    return Segment(
        source=inline_text(source.seg)[0],
        target=text,
        source_lang=source.lang,
        target_lang=target.lang,
        path=path,
        line=target.seg.line,
        anchors=anchors,
        key=key,
        source_path=path,
        source_line=source.seg.line,
        target_locale=target.code,
        target_only=options.target_only,
        suppressed=codes_in(notes),
        meta=meta,
    )
