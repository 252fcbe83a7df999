"""The shared hardened parser: the caller's error class, lines, no DTD or entity read."""

from __future__ import annotations

from xml.sax.handler import ContentHandler

import pytest

from glossary.errors import GlossaryError, InputError
from glossary.safe_xml import XmlFeed


class Collector(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def characters(self, content: str) -> None:
        self.text.append(content)


def parse(data: str | bytes, error: type[GlossaryError] | type[InputError]) -> str:
    handler = Collector()
    feed = XmlFeed(handler, "terms.tbx", error)
    feed.feed(data)
    feed.close()
    return "".join(handler.text)


def test_text_and_bytes_parse_and_an_external_dtd_is_skipped() -> None:
    doc = '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<m>刷新</m>'
    assert parse(doc, GlossaryError) == "刷新"
    assert parse(doc.encode("utf-8"), GlossaryError) == "刷新"


@pytest.mark.parametrize("error", [GlossaryError, InputError])
def test_entity_declarations_raise_the_callers_error_with_the_line(
    error: type[GlossaryError] | type[InputError],
) -> None:
    doc = '<?xml version="1.0"?>\n<!DOCTYPE m [\n<!ENTITY x SYSTEM "/etc/passwd">\n]>\n<m>&x;</m>'
    with pytest.raises(error, match="refused: the document declares the entity 'x'") as raised:
        parse(doc, error)
    assert (raised.value.path, raised.value.line) == ("terms.tbx", 3)


def test_malformed_xml_names_line_and_column() -> None:
    message = r"not well-formed XML: mismatched tag \(column 6\)"
    with pytest.raises(InputError, match=message) as raised:
        parse("<m>\n<a></b></m>", InputError)
    assert raised.value.line == 2
