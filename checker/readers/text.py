"""Target-only documents (a lone NAME.en.md, or --target-only): each block is a segment.

There is no source, so only rules that need none run. The language is
--target-lang, else the file name's suffix, else the complement of
--source-lang, else what the text's script says.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.readers.base import Job, ReadOptions
from checker.readers.blocks import Block, document_blocks
from checker.readers.fileio import read_text
from checker.readers.languages import lang_of, other
from checker.readers.names import document_name
from checker.readers.script import guess_lang
from checker.segment import Segment

__all__ = ["document_lang", "read"]


def read(job: Job, options: ReadOptions) -> Iterator[Segment]:
    blocks = document_blocks(job.path, read_text(job.path))
    name = document_name(job.path)
    lang = (
        lang_of(options.target_lang)
        or (name.lang if name else None)
        or (other(source) if (source := lang_of(options.source_lang)) else None)
        or document_lang(blocks)
        or "en"
    )
    for index, block in enumerate(blocks, start=1):
        if block.text:
            yield Segment(
                source="",
                target=block.text,
                source_lang=other(lang),
                target_lang=lang,
                path=job.path,
                line=block.line,
                anchors=block.anchors,
                key=f"block:{index}",
                target_locale=name.code if name else "",
                target_only=True,
                suppressed=block.suppressed,
                meta={"block": block.kind},
            )


def document_lang(blocks: Sequence[Block]) -> str | None:
    """The language of a whole document's prose, None when it has no letters."""
    return guess_lang("\n".join(block.prose for block in blocks))
