"""A small tree of one record (a TMX `<tu>`, an XLIFF unit) that remembers where it stood.

Each element keeps its start and end tags exactly as written, and each run
of character data its line and column, so that readers can rebuild the
text of a segment together with anchors that point into the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Element", "Record", "Text"]


@dataclass(frozen=True)
class Text:
    """A run of character data, entity references already replaced."""

    value: str
    line: int
    column: int  # 1-based, where the run starts in the file (at "&lt;" for "<")


@dataclass
class Element:
    # The local name when the element is in the root element's namespace (the
    # format's own: "target"), else "{namespace}name" (an extension's element).
    tag: str
    attrs: dict[str, str]  # names as written: "id", "xml:lang"
    line: int
    column: int  # 1-based column of its "<"
    start_tag: str = ""  # as written in the file, e.g. '<x id="1"/>'
    end_tag: str = ""  # as written, "" for an empty-element tag
    end_line: int = 0
    end_column: int = 0
    namespace: str = ""  # its namespace name (URI), "" for none
    content: list[Element | Text] = field(default_factory=list)

    def children(self, *tags: str) -> Iterator[Element]:
        """Child elements in document order, only those named `tags` if given."""
        for node in self.content:
            if isinstance(node, Element) and (not tags or node.tag in tags):
                yield node

    def child(self, tag: str) -> Element | None:
        return next(self.children(tag), None)

    def text(self) -> str:
        """All character data inside, markup dropped, surrounding space stripped (notes, props)."""
        return "".join(n.value if isinstance(n, Text) else n.text() for n in self.content).strip()

    def attr(self, *names: str) -> str:
        """The value of the first of `names` present with a non-blank value, else ""."""
        return next((self.attrs[n].strip() for n in names if self.attrs.get(n, "").strip()), "")

    def content_start(self) -> tuple[int, int]:
        """(line, column) just after the start tag: where its text begins.

        An empty-element tag (`<target/>`) has no inside: its own position.
        """
        if self.start_tag.endswith("/>"):
            return self.line, self.column
        lines = self.start_tag.split("\n")
        if len(lines) == 1:
            return self.line, self.column + len(self.start_tag)
        return self.line + len(lines) - 1, len(lines[-1]) + 1


@dataclass(frozen=True)
class Record:
    """A record element and the elements it sits in (root first), without their content."""

    element: Element
    ancestors: tuple[Element, ...]

    def inherited(self, name: str) -> str:
        """The attribute `name` from the nearest enclosing element that sets it."""
        for element in (self.element, *reversed(self.ancestors)):
            value = element.attr(name)
            if value:
                return value
        return ""
