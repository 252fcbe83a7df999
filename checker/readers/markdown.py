"""Prose blocks of a Markdown document, found with markdown-it (CommonMark + tables).

Headings, paragraphs (also inside list items and block quotes) and table
cells are prose; fenced and indented code, HTML blocks and front matter are
not. markdown-it gives each block's lines (`token.map`); the column is found
by locating the parsed content on its file line, and the text is copied from
the file so that columns stay exact.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

from checker.readers.blocks import Block, lines_block
from checker.readers.suppression import markup_suppressions

__all__ = ["markdown_blocks"]

# Container token → block kind; the innermost container decides.
_KINDS = {
    "heading_open": "heading",
    "th_open": "table-cell",
    "td_open": "table-cell",
    "list_item_open": "list-item",
    "blockquote_open": "blockquote",
}
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Block structure only: a block's inline markup is read from its text by the
    # rules, and parsing it here took a fifth of the reading time.
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def markdown_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    suppressions = markup_suppressions(lines)
    tokens = _parser().parse("\n".join(_without_front_matter(lines)))
    blocks: list[Block] = []
    containers: list[str] = []
    cursors: dict[int, int] = {}  # line index → column already used by earlier table cells
    for token in tokens:
        if token.nesting == 1:
            containers.append(token.type)
        elif token.nesting == -1:
            containers.pop()
        elif token.type == "inline" and token.map is not None:
            kind = _kind(containers)
            start = token.map[0]
            pieces = _pieces(token.content, start, lines, cursors if kind == "table-cell" else None)
            blocks.append(lines_block(kind, pieces, suppressions.get(start + 1, frozenset())))
    return blocks


def _kind(containers: list[str]) -> str:
    for container in reversed(containers):
        if container in _KINDS:
            return _KINDS[container]
    return "paragraph"


def _without_front_matter(lines: list[str]) -> list[str]:
    """The lines with a leading YAML/TOML front matter blanked (line numbers kept)."""
    closers = _FENCES.get(lines[0].rstrip()) if lines else None
    if closers is None:
        return lines
    for end in range(1, len(lines)):
        if lines[end].rstrip() in closers:
            return [""] * (end + 1) + lines[end + 1 :]
    return lines


def _pieces(
    content: str, start: int, lines: list[str], cursors: dict[int, int] | None
) -> list[tuple[int, int, str]]:
    """(line, column, verbatim text) for each line of an inline token's content."""
    pieces = []
    for index, content_line in enumerate(content.split("\n")):
        number = start + index
        raw = lines[number] if number < len(lines) else ""
        column, text = _locate(raw, content_line.strip(), cursors, number)
        pieces.append((number + 1, column + 1, text))
    return pieces


def _locate(raw: str, content: str, cursors: dict[int, int] | None, number: int) -> tuple[int, str]:
    """Where `content` stands on its file line (0-based column) and its text there."""
    if cursors is not None:  # table cells: the next match after the previous cell
        begin = cursors.get(number, 0)
        for candidate in (content, content.replace("|", "\\|")):
            found = raw.find(candidate, begin)
            if found >= 0:
                cursors[number] = found + len(candidate)
                return found, candidate
    else:
        # The content ends the line but for a closing "#" run or blanks, so its
        # last occurrence is the one (list markers before it may repeat it).
        found = raw.rfind(content)
        if found >= 0:
            return found, content
    # Not verbatim on the line (markdown-it expanded a tab): point at the text.
    column = len(raw) - len(raw.lstrip(" \t>"))
    return column, content
