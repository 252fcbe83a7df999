"""Anchors for target text that a file stores with escapes or across lines.

An escape such as `\\n` or `""` is two file characters for one character of
text, so after it the column no longer advances with the offset: each escape
gets an anchor just after it, and runs of plain text need none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from checker.segment import Anchor

__all__ = ["compact", "unescape_with_anchors"]


def unescape_with_anchors(
    raw: str,
    escape: re.Pattern[str],
    replace: Callable[[re.Match[str]], str],
    offset: int,
    line: int,
    column: int,
) -> tuple[str, list[Anchor]]:
    """Decode `raw` (starting at `line`:`column`, text offset `offset`).

    Returns the decoded text and anchors for its start and after every escape.
    """
    parts: list[str] = []
    anchors: list[Anchor] = [(offset, line, column)]
    length = 0
    position = 0
    for match in escape.finditer(raw):
        plain = raw[position : match.start()]
        value = replace(match)
        parts += [plain, value]
        length += len(plain) + len(value)
        position = match.end()
        anchors.append((offset + length, line, column + position))
    parts.append(raw[position:])
    return "".join(parts), anchors


def compact(anchors: Iterable[Anchor]) -> tuple[Anchor, ...]:
    """One anchor per offset (the last wins), dropping those the previous implies."""
    result: list[Anchor] = []
    for anchor in anchors:
        if result and result[-1][0] == anchor[0]:
            result.pop()
        if result and _implied(result[-1], anchor):
            continue
        result.append(anchor)
    return tuple(result)


def _implied(previous: Anchor, anchor: Anchor) -> bool:
    offset, line, column = previous
    return anchor[1] == line and anchor[2] == column + anchor[0] - offset
