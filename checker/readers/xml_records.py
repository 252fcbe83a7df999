"""Stream the records of an XML file: one small tree per record element, with positions.

A TMX file is a long list of `<tu>`, an XLIFF file a list of units: the
handler builds a tree (`xml_nodes.Element`) for each record and hands it
over once closed, so memory follows the largest record, not the file.
Elements outside records (the root, `<file>`, `<group>`) are kept only
while open, as the ancestors of the records inside them.

Positions come from expat (line, and column counted in characters). Start
and end tags inside a record are copied from the text as written, so an
inline code such as `<x id="1"/>` can be shown verbatim; the window of
text they are copied from is trimmed to the record being read.
Parsing itself is `glossary.safe_xml`'s: no entity is expanded, no DTD read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterator
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

from checker.readers.xml_nodes import Element, Record, Text
from checker.readers.xml_text import xml_pieces
from glossary.errors import InputError
from glossary.safe_xml import XmlFeed

__all__ = ["MAX_DEPTH", "records"]

MAX_DEPTH = 64  # inline markup is a few levels deep; this bounds the tree and recursion
_START_TAG = re.compile(r"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")
_END_TAG = re.compile(r"</[^>]*>")
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


RootCheck = Callable[[Element], Collection[str]]
"""Vets the root element (InputError if the file is not of the format) and
returns the tags of the record elements to collect."""


def records(path: str, on_root: RootCheck) -> Iterator[Record]:
    """The file's records in document order, as `on_root` names them.

    An empty (or blank) file has no records; anything else must be
    well-formed XML, else InputError with the parser's line.
    """
    window = _Window()
    handler = _RecordHandler(path, on_root, window)
    feed = XmlFeed(handler, path, InputError)
    blank = True
    for piece in xml_pieces(path):
        blank = blank and piece.isspace()
        window.add(piece)
        feed.feed(piece)
        yield from handler.take()
        # Keep the open record's text; between records keep the last piece, which
        # may end inside the next record's start tag.
        start = handler.open_record_start()
        window.forget_before(window.offset(*start) if start else window.last_piece)
    if not blank:
        feed.close()
        yield from handler.take()


class _Window:
    """The text fed to the parser from some point on, addressed by (line, 0-based column)."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._chunk_starts: list[int] = []  # offset in the file's text of each chunk
        self._end = 0
        self._first_line = 1
        self._line_starts: list[int] = [0]  # offset of each line, from _first_line on

    def add(self, text: str) -> None:
        self._chunks.append(text)
        self._chunk_starts.append(self._end)
        position = text.find("\n")
        while position != -1:
            self._line_starts.append(self._end + position + 1)
            position = text.find("\n", position + 1)
        self._end += len(text)

    def offset(self, line: int, column: int) -> int:
        return self._line_starts[line - self._first_line] + column

    @property
    def last_piece(self) -> int:
        """The offset where the last piece added starts."""
        return self._chunk_starts[-1] if self._chunk_starts else 0

    def forget_before(self, offset: int) -> None:
        """Drop the pieces that end before `offset`, and the lines that end before them."""
        kept = max(bisect.bisect_right(self._chunk_starts, offset) - 1, 0)
        del self._chunks[:kept]
        del self._chunk_starts[:kept]
        if self._chunk_starts:
            lines = max(bisect.bisect_right(self._line_starts, self._chunk_starts[0]) - 1, 0)
            del self._line_starts[:lines]
            self._first_line += lines

    def tag_at(self, line: int, column: int, pattern: re.Pattern[str]) -> str:
        """The tag starting at `line` and `column`, as written ("" if none is)."""
        if line < self._first_line:  # a start tag longer than a piece: not kept
            return ""
        offset = self.offset(line, column)
        index = bisect.bisect_right(self._chunk_starts, offset) - 1
        if index < 0:
            return ""
        text, position = self._chunks[index], offset - self._chunk_starts[index]
        match = pattern.match(text, position)
        while match is None and index + 1 < len(self._chunks):  # a tag across two pieces
            index += 1
            text, position = text[position:] + self._chunks[index], 0
            match = pattern.match(text)
        return match.group() if match else ""


class _RecordHandler(ContentHandler):
    """SAX events → a tree per record; ancestors outside records kept while open."""

    def __init__(self, path: str, on_root: RootCheck, window: _Window) -> None:
        super().__init__()
        self._path = path
        self._on_root = on_root
        self._record_tags: frozenset[str] = frozenset()
        self._root_namespace = ""
        self._scopes: list[dict[str, str]] = [{"xml": _XML_NAMESPACE}]  # prefix → namespace
        self._window = window
        self._where: Locator | None = None
        self._outer: list[Element] = []  # open elements outside records, root first
        self._stack: list[Element] = []  # open elements of the current record
        self._done: list[Record] = []

    def setDocumentLocator(self, locator: Locator) -> None:
        self._where = locator

    def take(self) -> list[Record]:
        """The records closed since the last call."""
        done, self._done = self._done, []
        return done

    def open_record_start(self) -> tuple[int, int] | None:
        """(line, 0-based column) where the record being read starts, if one is."""
        return (self._stack[0].line, self._stack[0].column - 1) if self._stack else None

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        line, column = self._position()
        element = self._element(name, dict(attrs), line, column + 1)
        if not self._stack and element.tag not in self._record_tags:
            if not self._outer:
                self._record_tags = frozenset(self._on_root(element))
            self._outer.append(element)
            return
        if len(self._stack) >= MAX_DEPTH:
            message = f"elements nested more than {MAX_DEPTH} deep in one <{self._stack[0].tag}>"
            raise InputError(message, self._path, line)
        element.start_tag = self._window.tag_at(line, column, _START_TAG)
        if self._stack:
            self._stack[-1].content.append(element)
        self._stack.append(element)

    def endElement(self, name: str) -> None:
        self._scopes.pop()
        if not self._stack:
            self._outer.pop()
            return
        element = self._stack.pop()
        if not element.start_tag.endswith("/>"):
            line, column = self._position()
            element.end_line, element.end_column = line, column + 1
            element.end_tag = self._window.tag_at(line, column, _END_TAG)
        if not self._stack:
            self._done.append(Record(element, tuple(self._outer)))

    def _element(self, name: str, attrs: dict[str, str], line: int, column: int) -> Element:
        """The element, its tag local if it is in the root's namespace (see Element.tag)."""
        scope = self._scopes[-1]
        # xmlns="…" declares the default namespace (prefix ""), xmlns:p="…" the prefix p.
        declared = {
            key.partition(":")[2]: value
            for key, value in attrs.items()
            if key.partition(":")[0] == "xmlns"
        }
        if declared:
            scope = {**scope, **declared}
        self._scopes.append(scope)
        prefix, _, local = name.rpartition(":")
        namespace = scope.get(prefix, "")
        if len(self._scopes) == 2:  # the root
            self._root_namespace = namespace
        tag = local if namespace == self._root_namespace else f"{{{namespace}}}{local}"
        return Element(tag, attrs, line, column, namespace=namespace)

    def characters(self, content: str) -> None:
        if self._stack:
            line, column = self._position()
            self._stack[-1].content.append(Text(content, line, column + 1))

    def skippedEntity(self, name: str) -> None:
        message = f"the entity &{name}; is not defined in the document (a DTD is never read)"
        raise InputError(message, self._path, self._position()[0])

    def _position(self) -> tuple[int, int]:
        """(line, 0-based column) of the event being reported."""
        if self._where is None:
            return 1, 0
        return self._where.getLineNumber() or 1, self._where.getColumnNumber() or 0
