"""Prose blocks of a document, each with its verbatim text and file position.

Markdown goes through markdown-it (see `markdown.py`); plain text is split
into paragraphs at blank lines. Either way a block's text is copied from the
file line by line (indentation and trailing blanks trimmed, lines joined with
"\\n") and carries an anchor per line, so columns stay exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.readers.suppression import MARKUP_COMMENT, markup_suppressions
from checker.segment import Anchor

__all__ = ["Block", "document_blocks", "lines_block", "plain_blocks"]

_MARKDOWN_CODE = re.compile(r"(`+).+?\1|https?://\S+|<[^>\n]*>|\]\([^)\n]*\)", re.DOTALL)


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item, quote or table cell."""

    kind: str  # heading | paragraph | list-item | blockquote | table-cell
    text: str
    line: int
    anchors: tuple[Anchor, ...]
    suppressed: frozenset[str] = frozenset()

    @property
    def prose(self) -> str:
        """The text without inline code, URLs, tags and link targets (for script detection)."""
        return _MARKDOWN_CODE.sub(" ", self.text)


def lines_block(
    kind: str, pieces: Sequence[tuple[int, int, str]], suppressed: frozenset[str]
) -> Block:
    """A block from (line, column, text) pieces, one per file line."""
    anchors: list[Anchor] = []
    offset = 0
    for line, column, text in pieces:
        anchors.append((offset, line, column))
        offset += len(text) + 1
    text = "\n".join(piece[2] for piece in pieces)
    return Block(kind, text, pieces[0][0], tuple(anchors), suppressed)


def plain_blocks(text: str) -> list[Block]:
    """Paragraphs of a .txt file: runs of non-blank lines."""
    lines = text.split("\n")
    suppressions = markup_suppressions(lines)
    blocks: list[Block] = []
    pieces: list[tuple[int, int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        content = line.strip()
        if content and not MARKUP_COMMENT.fullmatch(line):
            column = len(line) - len(line.lstrip()) + 1
            pieces.append((number, column, content))
            continue
        if pieces:
            codes = suppressions.get(pieces[0][0], frozenset())
            blocks.append(lines_block("paragraph", pieces, codes))
            pieces = []
    return blocks


def document_blocks(path: str, text: str) -> list[Block]:
    """The prose blocks of a Markdown or plain-text document, in file order."""
    if path.lower().endswith(".txt"):
        return plain_blocks(text)
    from checker.readers.markdown import markdown_blocks  # markdown-it loads on first use

    return markdown_blocks(text)
