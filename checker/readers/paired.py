"""Paired documents (NAME.zh.md + NAME.en.md, or --pair SRC TGT), aligned block by block.

The two documents must have the same blocks in the same order (headings,
paragraphs, list items, quotes, table cells); where the kinds or counts part
ways the pair is reported as an InputError naming both files, since any
later pairing would be wrong. Positions point into the target document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.readers.base import Job, ReadOptions
from checker.readers.blocks import Block, document_blocks
from checker.readers.fileio import read_text
from checker.readers.languages import resolve_direction
from checker.readers.names import document_name
from checker.readers.text import document_lang
from checker.segment import Segment
from glossary.errors import InputError

__all__ = ["read"]


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    if job.partner is None:
        raise ValueError(f"paired job for {job.path} has no partner")
    sources = document_blocks(job.partner, read_text(job.partner))
    targets = document_blocks(job.path, read_text(job.path))
    _check_alignment(job.partner, sources, job.path, targets)
    source_lang, target_lang = _languages(job.partner, sources, job.path, targets, options)
    name = document_name(job.path)
    for index, (source, target) in enumerate(zip(sources, targets, strict=True), start=1):
        if source.text or target.text:
            yield Segment(
                source=source.text,
                target=target.text,
                source_lang=source_lang,
                target_lang=target_lang,
                path=job.path,
                line=target.line,
                anchors=target.anchors,
                key=f"block:{index}",
                source_path=job.partner,
                source_line=source.line,
                target_locale=name.code if name else "",
                suppressed=source.suppressed | target.suppressed,
                meta={"block": target.kind},
            )


def _check_alignment(
    source_path: str, sources: Sequence[Block], target_path: str, targets: Sequence[Block]
) -> None:
    for index, (source, target) in enumerate(zip(sources, targets, strict=False), start=1):
        if source.kind != target.kind:
            raise InputError(
                f"cannot align with {source_path}: block {index} is a {target.kind} here"
                f" but a {source.kind} at {source_path}:{source.line}",
                target_path,
                target.line,
            )
    if len(sources) == len(targets):
        return
    shared = min(len(sources), len(targets))
    longer_path, longer = (
        (source_path, sources) if len(sources) > len(targets) else (target_path, targets)
    )
    last_line = targets[shared - 1].line if shared else 1
    raise InputError(
        f"cannot align with {source_path}: {len(targets)} blocks here, {len(sources)} there;"
        f" the first block without a partner is at {longer_path}:{longer[shared].line}",
        target_path,
        longer[shared].line if longer is targets else last_line,
    )


def _languages(
    source_path: str,
    sources: Sequence[Block],
    target_path: str,
    targets: Sequence[Block],
    options: ReadOptions,
) -> tuple[str, str]:
    """Options first, then the file names' suffixes, then the documents' scripts."""
    source_name, target_name = document_name(source_path), document_name(target_path)
    source = (source_name.lang if source_name else None) or document_lang(sources)
    target = (target_name.lang if target_name else None) or document_lang(targets)
    if source == target:  # a target still in the source's script says nothing
        target = None
    return resolve_direction(options.source_lang, options.target_lang, source, target)
