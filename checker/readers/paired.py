"""Paired documents (NAME.zh.md + NAME.en.md, or --pair SRC TGT), aligned block by block.

Blocks (headings, paragraphs, list items, quotes, table cells) are paired
by `alignment.align`: in step when both documents have the same blocks,
else by lengths and anchors. A merged, split, dropped or added block is one
InputError naming both files and lines, and the blocks around it are still
paired and checked. Positions point into the target document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.readers.alignment import Bead, align
from checker.readers.base import Job, ReadOptions
from checker.readers.blocks import Block, document_blocks
from checker.readers.fileio import read_text
from checker.readers.languages import resolve_direction
from checker.readers.names import document_name
from checker.readers.problems import raise_problems
from checker.readers.text import document_lang
from checker.segment import Segment
from glossary.errors import InputError

__all__ = ["read"]


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    if job.partner is None:
        raise ValueError(f"paired job for {job.path} has no partner")
    sources = document_blocks(job.partner, read_text(job.partner))
    targets = document_blocks(job.path, read_text(job.path))
    source_lang, target_lang = _languages(job.partner, sources, job.path, targets, options)
    name = document_name(job.path)
    problems: list[InputError] = []
    consumed = 0  # target blocks aligned so far
    for bead in align(sources, targets):
        if bead.shape != (1, 1):
            consumed = bead.targets[0] if bead.targets else consumed
            problems.append(_mismatch(bead, consumed, job.partner, sources, job.path, targets))
            consumed += len(bead.targets)
            continue
        source, target = sources[bead.sources[0]], targets[bead.targets[0]]
        consumed = bead.targets[0] + 1
        if source.text or target.text:
            yield Segment(
                source=source.text,
                target=target.text,
                source_lang=source_lang,
                target_lang=target_lang,
                path=job.path,
                line=target.line,
                anchors=target.anchors,
                key=f"block:{bead.targets[0] + 1}",
                source_path=job.partner,
                source_line=source.line,
                target_locale=name.code if name else "",
                suppressed=source.suppressed | target.suppressed,
                meta={"block": target.kind},
            )
    raise_problems(problems)


def _mismatch(
    bead: Bead,
    consumed: int,
    source_path: str,
    sources: Sequence[Block],
    target_path: str,
    targets: Sequence[Block],
) -> InputError:
    """One error per merge, split, dropped or added block, naming both files and lines.

    `consumed` counts the target blocks before the bead: a source block with
    no translation is reported at the target line where it would be.
    """
    here = [f"{target_path}:{targets[i].line}" for i in bead.targets]
    there = [f"{source_path}:{sources[i].line}" for i in bead.sources]
    line = targets[bead.targets[0]].line if bead.targets else _line_before(consumed, targets)
    shape = bead.shape
    if shape == (2, 1):
        message = f"blocks {' and '.join(there)} are merged into one here; not checked"
    elif shape == (1, 2):
        message = f"block {there[0]} is split into {' and '.join(here)}; not checked"
    elif shape == (1, 0):
        message = f"block {there[0]} has no translation here; translate it or remove it"
    else:
        message = f"block {here[0]} has no source in {source_path}; remove it or add the source"
    return InputError(f"cannot align with {source_path}: {message}", target_path, line)


def _line_before(consumed: int, targets: Sequence[Block]) -> int:
    if consumed:
        return targets[consumed - 1].line
    return targets[0].line if targets else 1


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
