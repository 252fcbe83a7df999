"""Interleaved bilingual documents (双语对照): blocks alternating Chinese and English.

Each block's language is guessed from its script; blocks are then paired in
the order the document uses (Chinese then English, or the reverse — whichever
pairs more blocks), each with the block right after it. Chinese is the source
unless --source-lang/--target-lang say otherwise. A source block left without
a partner becomes a segment with an empty target (a missing translation); a
target block without one is checked as target-only text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from checker.readers.base import Job, ReadOptions
from checker.readers.blocks import Block, document_blocks
from checker.readers.fileio import read_text
from checker.readers.languages import resolve_direction
from checker.readers.script import guess_lang
from checker.segment import Segment
from glossary.errors import InputError

__all__ = ["MIN_PAIRED_SHARE", "alternates", "read"]

# A document counts as interleaved when pairs cover this share of its blocks;
# a Chinese article quoting one English paragraph stays target-only text.
MIN_PAIRED_SHARE = 0.6


@dataclass(frozen=True)
class _Labelled:
    index: int  # 1-based position among all the document's blocks
    block: Block
    lang: str


def alternates(path: str) -> bool:
    """Whether the document's blocks alternate between the two languages.

    A file that cannot be read is not interleaved here; reading it reports why.
    """
    try:
        labelled = _labelled(document_blocks(path, read_text(path)))
    except InputError:
        return False
    paired = sum(2 for group in _groups(labelled) if len(group) == 2)
    return paired > 0 and paired >= MIN_PAIRED_SHARE * len(labelled)


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    labelled = _labelled(document_blocks(job.path, read_text(job.path)))
    source_lang, target_lang = resolve_direction(options.source_lang, options.target_lang)
    for group in _groups(labelled):
        source = next((item for item in group if item.lang == source_lang), None)
        target = next((item for item in group if item.lang == target_lang), None)
        yield _segment(job.path, source, target, source_lang, target_lang)


def _labelled(blocks: Sequence[Block]) -> list[_Labelled]:
    """The blocks with a language; empty cells and bare numbers have none."""
    found = []
    for index, block in enumerate(blocks, start=1):
        lang = guess_lang(block.prose)
        if block.text and lang:
            found.append(_Labelled(index, block, lang))
    return found


def _groups(labelled: Sequence[_Labelled]) -> list[tuple[_Labelled, ...]]:
    """Pairs and lone blocks, in document order, for the better of the two orders."""
    zh_first = _pair_in_order(labelled, "zh")
    en_first = _pair_in_order(labelled, "en")
    return en_first if len(en_first) < len(zh_first) else zh_first


def _pair_in_order(labelled: Sequence[_Labelled], first: str) -> list[tuple[_Labelled, ...]]:
    groups: list[tuple[_Labelled, ...]] = []
    position = 0
    while position < len(labelled):
        current = labelled[position]
        following = labelled[position + 1] if position + 1 < len(labelled) else None
        if current.lang == first and following is not None and following.lang != first:
            groups.append((current, following))
            position += 2
        else:
            groups.append((current,))
            position += 1
    return groups


def _segment(
    path: str,
    source: _Labelled | None,
    target: _Labelled | None,
    source_lang: str,
    target_lang: str,
) -> Segment:
    """A pair, or a lone block: the anchors are the target's, else the source's."""
    located = target or source
    assert located is not None  # every group holds at least one block
    meta = {"block": located.block.kind}
    if source is None or target is None:
        meta["unpaired"] = "target" if target else "source"
    return Segment(
        source=source.block.text if source else "",
        target=target.block.text if target else "",
        source_lang=source_lang,
        target_lang=target_lang,
        path=path,
        line=located.block.line,
        anchors=located.block.anchors[:1] if target is None else located.block.anchors,
        key=f"block:{located.index}",
        source_path=path,
        source_line=source.block.line if source else None,
        target_only=source is None,
        suppressed=(source.block.suppressed if source else frozenset())
        | (target.block.suppressed if target else frozenset()),
        meta=meta,
    )
