"""The text of a TMX `<seg>` or an XLIFF `<source>`/`<target>`, inline markup included.

Rules compare source and target as plain strings, so inline elements are
written into the text in the form those rules understand:

- codes that carry the document's native code — `<bpt>`, `<ept>`, `<ph>`,
  `<it>`, `<ut>` of TMX and XLIFF 1.2 — become that code, unescaped:
  `<bpt i="1">&lt;b&gt;</bpt>` is `<b>` and `<ph>{name}</ph>` is `{name}`,
  so F102 (markup) and F101 (placeholders) compare what the original
  document holds; translatable `<sub>` text inside stays text;
- codes without native code — XLIFF 1.2 `<g>`, `<x/>`, `<bx/>`, `<ex/>`,
  XLIFF 2 `<pc>`, `<ph/>`, `<sc/>`, `<ec/>`, an empty TMX `<ph/>`, and
  any element not listed here — keep their tags exactly as written in the
  file (`<g id="1">…</g>`, `<x id="2"/>`), so a code dropped or added in
  the target shows as a markup difference;
- annotations — TMX `<hi>`, XLIFF `<mrk>`, `<sm/>`, `<em/>` — mark text,
  not the document: their tags are dropped and their text kept;
- XLIFF 2 `<cp hex="…"/>` is the character it stands for.

Every piece of text gets an anchor where it stands in the file, so offset
0 is the first character of the element's content and an escaped "&lt;"
is located at its "&".
"""

from __future__ import annotations

from checker.readers.anchors import compact
from checker.readers.xml_nodes import Element, Text
from checker.segment import Anchor, anchors_for_lines

__all__ = ["ANNOTATIONS", "NATIVE_CODE", "inline_text"]

NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})
ANNOTATIONS = frozenset({"hi", "mrk", "sub", "sm", "em"})


class _TextBuilder:
    def __init__(self, line: int, column: int) -> None:
        self.parts: list[str] = []
        self.anchors: list[Anchor] = [(0, line, column)]
        self.length = 0

    def add(self, text: str, line: int, column: int) -> None:
        for offset, at_line, at_column in anchors_for_lines(text, line, column):
            self.anchors.append((self.length + offset, at_line, at_column))
        self.parts.append(text)
        self.length += len(text)


def inline_text(element: Element) -> tuple[str, tuple[Anchor, ...]]:
    """The element's text as described above, with anchors into the file.

    An empty element gets one anchor: where its content would begin.
    """
    builder = _TextBuilder(*element.content_start())
    _add_content(builder, element)
    return "".join(builder.parts), compact(builder.anchors)


def _add_content(builder: _TextBuilder, element: Element) -> None:
    for node in element.content:
        if isinstance(node, Text):
            builder.add(node.value, node.line, node.column)
        elif node.tag in ANNOTATIONS or (node.tag in NATIVE_CODE and node.content):
            _add_content(builder, node)
        elif node.tag == "cp":
            builder.add(_code_point(node), node.line, node.column)
        else:
            builder.add(node.start_tag, node.line, node.column)
            _add_content(builder, node)
            if node.end_tag:
                builder.add(node.end_tag, node.end_line, node.end_column)


def _code_point(element: Element) -> str:
    """The character of `<cp hex="FFFE"/>`; the tag as written if `hex` is not a code point."""
    try:
        return chr(int(element.attrs.get("hex", ""), 16))
    except (ValueError, OverflowError):
        return element.start_tag
