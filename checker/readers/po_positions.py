"""Where a PO entry's msgid and msgstr strings stand in the file.

polib gives an entry's first line (`linenum`: its first comment or keyword)
but not where the msgstr is, so the lines from there are scanned again. The
text decoded here is compared with polib's by the caller: a mismatch means
an unusual layout, and then only the msgstr line is trusted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.readers.anchors import compact, unescape_with_anchors
from checker.segment import Anchor

__all__ = ["EntryPositions", "QuotedString", "entry_positions"]

_KEYWORD = re.compile(r'\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*"')
_CONTINUATION = re.compile(r'\s*"')
# Exactly the escapes polib decodes; others stay as two characters in its text.
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f"}


@dataclass(frozen=True)
class QuotedString:
    """A msgstr as the file writes it: its keyword line, decoded text and anchors."""

    line: int
    text: str
    anchors: tuple[Anchor, ...]


@dataclass
class EntryPositions:
    first_line: int
    msgid_line: int | None = None
    # msgstr index (None for a singular entry) → its string.
    msgstr: dict[int | None, QuotedString] = field(default_factory=dict)


def entry_positions(lines: Sequence[str], first_line: int) -> EntryPositions:
    """Scan from the entry's first line (1-based) to the end of its msgstr strings."""
    found = EntryPositions(first_line)
    chunks: list[tuple[int, str]] | None = None  # (line, raw line) of the open msgstr
    index: int | None = None
    for number in range(max(first_line, 1), len(lines) + 1):
        raw = lines[number - 1]
        keyword = _KEYWORD.match(raw)
        if keyword and keyword.group(1).startswith("msgstr"):
            _close(found, index, chunks)
            index = int(keyword.group(2)) if keyword.group(2) is not None else None
            chunks = [(number, raw)]
        elif keyword and chunks is not None:
            break  # the next entry begins
        elif keyword:
            found.msgid_line = number if keyword.group(1) == "msgid" else found.msgid_line
        elif _CONTINUATION.match(raw):
            if chunks is not None:
                chunks.append((number, raw))
        elif chunks is not None:
            break  # a comment or blank line after the msgstr ends the entry
    _close(found, index, chunks)
    return found


def _close(found: EntryPositions, index: int | None, chunks: list[tuple[int, str]] | None) -> None:
    if chunks:
        found.msgstr[index] = _decode(chunks)


def _decode(chunks: list[tuple[int, str]]) -> QuotedString:
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for number, raw in chunks:
        opening = raw.index('"')
        body = raw.rstrip()[opening + 1 : -1]
        text, chunk_anchors = unescape_with_anchors(
            body, _ESCAPE, _unescape, offset, number, opening + 2
        )
        if text or not anchors:  # an empty chunk ("msgstr \"\"") points nowhere
            anchors += chunk_anchors
        parts.append(text)
        offset += len(text)
    return QuotedString(chunks[0][0], "".join(parts), compact(anchors))


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return _ESCAPED.get(char, char)
