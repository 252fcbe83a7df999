"""Where a CSV field's text stands in the file, across quotes, `""` and line breaks."""

from __future__ import annotations

from checker.readers.anchors import compact
from checker.segment import Anchor

__all__ = ["field_anchors"]


def field_anchors(raw_lines: list[str], line: int, index: int, value: str) -> tuple[Anchor, ...]:
    """Anchors for field `index` of the row in `raw_lines` (starting at `line`).

    Returns () when re-reading the raw text does not give back `value` (the
    csv module accepted something unusual): the row's line is then all we know.
    """
    text = "\n".join(raw_lines)
    start = _field_start(text, index)
    if start is None:
        return ()
    line += text.count("\n", 0, start)
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    if text.startswith('"', start):
        decoded, anchors = _quoted(text, start + 1, line, column + 1)
    else:
        end = text.find(",", start)
        decoded, anchors = text[start : end if end >= 0 else len(text)], [(0, line, column)]
    return compact(anchors) if decoded == value else ()


def _field_start(text: str, index: int) -> int | None:
    position = 0
    for _ in range(index):
        if text.startswith('"', position):
            position = _after_quoted(text, position + 1)
        comma = text.find(",", position)
        if comma < 0:
            return None
        position = comma + 1
    return position


def _after_quoted(text: str, position: int) -> int:
    """The offset after the closing quote of a field whose text starts at `position`."""
    while True:
        quote = text.find('"', position)
        if quote < 0:
            return len(text)
        if not text.startswith('""', quote):
            return quote + 1
        position = quote + 2


def _quoted(text: str, position: int, line: int, column: int) -> tuple[str, list[Anchor]]:
    """Decode a quoted field from `position` (just after its opening quote)."""
    chars: list[str] = []
    anchors: list[Anchor] = [(0, line, column)]
    while position < len(text):
        char = text[position]
        if char == '"' and not text.startswith('""', position):
            break
        chars.append(char)
        position += 2 if char == '"' else 1
        if char == "\n":
            line, column = line + 1, 1
            anchors.append((len(chars), line, column))
        else:
            column += 2 if char == '"' else 1
            if char == '"':  # two characters in the file, one in the text
                anchors.append((len(chars), line, column))
    return "".join(chars), anchors
