"""TBX-Basic: statuses, TBX 2008 and 2019 layouts, and hostile XML refused."""

from __future__ import annotations

import time
import urllib.request
import xml.sax
import xml.sax.saxutils
import xml.sax.xmlreader
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring

from glossary.errors import GlossaryError
from glossary.formats import dump, load
from glossary.model import Concept, Form, Glossary, Status
from tests.glossary.formats.contract import FormatContract
from tests.glossary.glossary_fixtures import FIXTURES, MALFORMED, full_glossary

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TestTBX(FormatContract):
    suffix = ".tbx"
    full_lines = (9, 34, 42, 47, 58, 66)
    malformed = (
        ("unknown_status.tbx", 10, "unknown administrativeStatus 'recommendedTerm-admn-sts'"),
        ("no_lang.tbx", 7, "<langSet> without xml:lang"),
        ("no_term.tbx", 8, "<tig> without a term"),
        ("broken.tbx", 7, "not well-formed XML: mismatched tag"),
        ("not_tbx.tbx", 3, "not a TBX file: the root element is <tmx>"),
        ("bad_flag.tbx", 6, "glosscheck-dnt: expected yes or no, got 'perhaps'"),
        ("only_deprecated.tbx", 8, "no zh or en form"),
        ("not_utf8.tbx", 4, "not valid UTF-8"),
        ("billion_laughs.tbx", 3, "refused: the document declares the entity 'lol'"),
        ("external_entity.tbx", 3, "refused: the document declares the entity 'secret'"),
        ("external_parameter_entity.tbx", 3, "refused: the document declares the entity 'remote'"),
        ("deep.tbx", 6, "elements nested more than 64 deep in one entry"),
    )
    two_problems = ("validate/problems.tbx", (8, 19))


@pytest.fixture
def no_fetching(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records and blocks every attempt of the XML parser to open another resource.

    The parser itself goes through `prepare_input_source` once for the
    document, whose bytes are already in hand; any other call would fetch.
    """
    attempts: list[str] = []
    prepare = xml.sax.saxutils.prepare_input_source

    def guarded(source: object, base: str = "") -> xml.sax.xmlreader.InputSource:
        if isinstance(source, xml.sax.xmlreader.InputSource) and source.getByteStream():
            return prepare(source, base)
        attempts.append(repr(source))
        raise AssertionError(f"the parser tried to fetch {source!r}")

    def refuse(url: object, *args: object, **kwargs: object) -> None:
        attempts.append(repr(url))
        raise AssertionError(f"the parser tried to open {url!r}")

    monkeypatch.setattr(xml.sax.saxutils, "prepare_input_source", guarded)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


def test_billion_laughs_is_refused_before_expansion(no_fetching: list[str]) -> None:
    start = time.perf_counter()
    with pytest.raises(GlossaryError) as caught:
        load(MALFORMED / "billion_laughs.tbx")
    assert time.perf_counter() - start < 1.0  # 10^9 "lol"s were never built
    assert "lol" * 10 not in str(caught.value)
    assert no_fetching == []


def test_external_entity_is_refused_without_reading_it(no_fetching: list[str]) -> None:
    with pytest.raises(GlossaryError) as caught:
        load(MALFORMED / "external_entity.tbx")
    assert caught.value.path == str(MALFORMED / "external_entity.tbx")
    assert "TOP SECRET" not in str(caught.value)
    assert no_fetching == []


def test_the_external_entity_fixture_is_a_real_attack() -> None:
    """A careless parser (plain SAX with external entities on) leaks the file."""
    text: list[str] = []

    class Collect(xml.sax.ContentHandler):
        def characters(self, content: str) -> None:
            text.append(content)

    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(Collect())
    parser.parse(str(MALFORMED / "external_entity.tbx"))
    assert "TOP SECRET" in "".join(text)


def test_external_dtd_of_a_tbx_2008_file_is_never_fetched(no_fetching: list[str]) -> None:
    assert b"TBXcoreStructV02.dtd" in (FIXTURES / "full.tbx").read_bytes()
    assert len(load(FIXTURES / "full.tbx")) == 6
    assert no_fetching == []


def test_tbx_2019_layout_is_read() -> None:
    (refresh,) = load(FIXTURES / "tbx2019.tbx")
    assert refresh.forms == (
        Form("刷新", "zh"),
        Form("refresh", "en"),
        Form("brush", "en", Status.FORBIDDEN),
    )
    assert (refresh.domain, refresh.pos) == ("ai", "verb")
    assert refresh.origin is not None and refresh.origin.line == 8


def test_other_languages_are_skipped() -> None:
    concepts = load(FIXTURES / "full.tbx").concepts
    assert all("actualiser" not in {f.text for f in c.forms} for c in concepts)
    assert "ignoré" not in concepts[0].note


def test_writer_emits_tbx_basic_structure(tmp_path: Path) -> None:
    dump(full_glossary(), tmp_path / "out.tbx")
    root = fromstring((tmp_path / "out.tbx").read_bytes())
    assert (root.tag, root.get("type")) == ("martif", "TBX-Basic")
    entries = root.findall("./text/body/termEntry")
    assert len(entries) == 6
    refresh = entries[0]
    assert [ls.get(XML_LANG) for ls in refresh.findall("langSet")] == ["zh", "en"]
    statuses = [
        (tig.findtext("term"), tig.findtext("termNote[@type='administrativeStatus']"))
        for tig in refresh.iter("tig")
    ]
    assert statuses == [
        ("刷新", "preferredTerm-admn-sts"),
        ("refresh", "preferredTerm-admn-sts"),
        ("update", "admittedTerm-admn-sts"),
        ("brush", "deprecatedTerm-admn-sts"),
    ]
    assert refresh.findtext("descrip[@type='subjectField']") == "ai"
    qwen = entries[2]
    assert qwen.findtext("descrip[@type='glosscheck-dnt']") == "yes"
    assert [ls.get(XML_LANG) for ls in qwen.findall("langSet")] == ["en"]


def test_tbx_keeps_several_preferred_forms(tmp_path: Path) -> None:
    glossary = Glossary(
        [Concept((Form("刷新", "zh"), Form("refresh", "en"), Form("reload", "en")))]
    )
    dump(glossary, tmp_path / "out.tbx")
    assert load(tmp_path / "out.tbx").concepts == glossary.concepts
