"""Hardened XML parsing for every reader of XML input: TBX glossaries, TMX and XLIFF.

Built on defusedxml's SAX parser:
a document that declares an entity — the "billion laughs" expansion, an
external entity pointing at a local file or a URL, a parameter entity — is
refused at the declaration, before anything is expanded or read. A DOCTYPE
naming an external DTD (TMX 1.4 and TBX 2008 files usually carry one) is
accepted and the DTD is never fetched: expat is told to go on without it.
Nothing here opens a file or a socket; the caller feeds the text.

Errors come back as the caller's own exception class (`GlossaryError` for
glossaries, `InputError` for checked files) with the parser's line, so a
user reads `path:line: message` and never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from defusedxml.common import DefusedXmlException, EntitiesForbidden
from defusedxml.expatreader import DefusedExpatParser

from glossary.errors import GlosscheckError

__all__ = ["REFUSED", "SafeExpatParser", "XmlFeed"]

REFUSED = "entity declarations are not allowed: they enable entity expansion and external entities"


class SafeExpatParser(DefusedExpatParser):  # type: ignore[misc]
    """defusedxml's parser, but an external DTD subset is skipped, not an error.

    Entity declarations are still refused, so the only external reference
    left is the DTD named by DOCTYPE (context None); returning 1 tells expat
    to go on without reading it, as the standard library does.
    """

    def defused_external_entity_ref_handler(
        self, context: str | None, base: str | None, sysid: str | None, pubid: str | None
    ) -> int:
        if context is None:
            return 1
        result: int = super().defused_external_entity_ref_handler(context, base, sysid, pubid)
        return result


class XmlFeed:
    """A document fed piece by piece to a `SafeExpatParser`, so readers can stream.

    The handler gets the parser as its locator (`getLineNumber()`,
    0-based `getColumnNumber()` counted in characters). Text fed as `str`
    is parsed as such, whatever encoding the XML declaration names: the
    caller has decoded it.
    """

    def __init__(self, handler: ContentHandler, path: str, error: type[GlosscheckError]) -> None:
        self._parser = SafeExpatParser()
        self._parser.setContentHandler(handler)
        handler.setDocumentLocator(self._parser)
        self._path = path
        self._error = error

    def feed(self, data: str | bytes) -> None:
        with self._translated():
            self._parser.feed(data)

    def close(self) -> None:
        """End of input: an unclosed element or an empty document is an error here."""
        with self._translated():
            self._parser.close()

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """The parser's and defusedxml's exceptions as the caller's error with a line."""
        try:
            yield
        except EntitiesForbidden as err:
            message = f"refused: the document declares the entity {err.name!r} ({REFUSED})"
            raise self._error(message, self._path, self._line()) from None
        except DefusedXmlException as err:
            raise self._error(f"refused: {err} ({REFUSED})", self._path, self._line()) from None
        except SAXParseException as err:
            column = err.getColumnNumber()
            where = f" (column {column + 1})" if isinstance(column, int) else ""
            message = f"not well-formed XML: {err.getMessage()}{where}"
            raise self._error(message, self._path, err.getLineNumber()) from None

    def _line(self) -> int:
        line = self._parser.getLineNumber()
        return line if isinstance(line, int) and line > 0 else 1
