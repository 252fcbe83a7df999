"""Where a msgstr's text stands in the file: its line and the column of each character.

The parser keeps the raw lines of each msgstr string (its keyword line and
continuation lines); they are decoded here only for the entries that become
segments. An escape (`\\n`, `\\"`) is two file characters for one of text,
so each escape gets an anchor after it; a chunk without one needs a single
anchor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.readers.anchors import compact, unescape_with_anchors
from checker.segment import Anchor

__all__ = ["locate"]

# Exactly the escapes polib decodes; others stay as two characters in its text.
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f"}


def locate(chunks: Sequence[tuple[int, str]], text: str) -> tuple[int, tuple[Anchor, ...]]:
    """The line of a msgstr given its (line number, raw line) chunks, the keyword
    line first, and anchors for `text` at its characters (none if the file's
    text is not `text`: an unusual layout, of which only the line is trusted)."""
    number, raw = chunks[0]
    if len(chunks) == 1 and "\\" not in raw:  # the common case: one line, no escape
        opening = raw.index('"')
        same = raw.rstrip()[opening + 1 : -1] == text
        return number, ((0, number, opening + 2),) if same else ()
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for number, raw in chunks:
        opening = raw.index('"')
        body = raw.rstrip()[opening + 1 : -1]
        part, chunk_anchors = unescape_with_anchors(
            body, _ESCAPE, _unescape, offset, number, opening + 2
        )
        if part or not anchors:  # an empty chunk ("msgstr \"\"") points nowhere
            anchors += chunk_anchors
        parts.append(part)
        offset += len(part)
    return chunks[0][0], compact(anchors) if "".join(parts) == text else ()


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return _ESCAPED.get(char, char)
