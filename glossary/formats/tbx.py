"""TBX-Basic glossaries (ISO 30042), read safely and written losslessly.

Reading accepts TBX 2008 (`martif`/`termEntry`/`langSet`/`tig` or `ntig`) and
TBX 2019 (`tbx`/`conceptEntry`/`langSec`/`termSec`). Per entry:

- each `term` in a `zh*` or `en*` language section (zh-CN, zh-Hans, en-US...)
  is a form; sections of other languages are skipped, and an entry with
  no zh or en term at all is skipped too (multilingual term bases);
- `termNote type="administrativeStatus"` (or the older
  "normativeAuthorization") gives its status: preferredTerm-admn-sts →
  preferred, admittedTerm-admn-sts → admitted, deprecatedTerm-admn-sts and
  supersededTerm-admn-sts → forbidden, with or without the `-admn-sts`
  suffix. A term without one is preferred if it is the first of its
  language in the entry, admitted otherwise;
- `descrip type="definition"` and `note` give the note (several are joined
  with "; "), `descrip type="subjectField"` the domain, and the first
  `termNote type="partOfSpeech"` the part of speech;
- glosscheck's own flags are entry-level descrips, written only when they
  differ from the default: `<descrip type="glosscheck-dnt">yes</descrip>`,
  `<descrip type="glosscheck-case">yes</descrip>` and
  `<descrip type="glosscheck-boundary">char</descrip>`.

Parsing goes through defusedxml's SAX parser: a document that declares
entities (the "billion laughs" expansion, external entities) is refused
before any entity is expanded or fetched. A DOCTYPE naming an external DTD,
as TBX 2008 files usually do, is accepted and the DTD is never read.
The SAX parser also gives the line of every element for error messages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

from glossary.errors import GlossaryError
from glossary.formats.common import ProblemHandler, base_language, decode_text
from glossary.formats.fields import canonical_order, finish_concept, parse_boundary, parse_flag
from glossary.model import LANGUAGES, Boundary, Concept, Form, Glossary, Origin, Status
from glossary.safe_xml import XmlFeed

ROOTS = ("martif", "tbx")
ENTRIES = ("termEntry", "conceptEntry")
LANG_SECTIONS = ("langSet", "langSec")
TERM_SECTIONS = ("tig", "ntig", "termSec")
MAX_ENTRY_DEPTH = 64  # TBX entries are a few levels deep; this keeps recursion bounded
STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
_STATUSES = {
    "preferredterm": Status.PREFERRED,
    "admittedterm": Status.ADMITTED,
    "deprecatedterm": Status.FORBIDDEN,
    "supersededterm": Status.FORBIDDEN,
}
_STATUS_NAMES = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.FORBIDDEN: "deprecatedTerm-admn-sts",
}
_T = TypeVar("_T")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


def write_tbx(glossary: Glossary, path: str) -> bytes:
    """`glossary` as TBX-Basic 2008 (`martif`), every field kept (see above)."""
    root = ET.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = ET.SubElement(root, "martifHeader")
    source = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(source, "p").text = "Written by glosscheck"
    xcs = ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", type="XCSURI")
    xcs.text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, concept in enumerate(glossary, 1):
        body.append(_entry_element(concept, number))
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _entry_element(concept: Concept, number: int) -> ET.Element:
    entry = ET.Element("termEntry", id=f"c{number}")
    descrips = {
        "subjectField": concept.domain,
        "glosscheck-dnt": "yes" if concept.dnt else "",
        "glosscheck-case": "yes" if concept.case_sensitive else "",
        "glosscheck-boundary": "" if concept.boundary is Boundary.WORD else concept.boundary.value,
    }
    for kind, value in descrips.items():
        if value:
            ET.SubElement(entry, "descrip", type=kind).text = value
    if concept.note:
        ET.SubElement(entry, "note").text = concept.note
    forms = canonical_order(concept.forms)
    for lang in LANGUAGES:
        in_lang = [form for form in forms if form.lang == lang]
        if in_lang:
            entry.append(_lang_set(lang, in_lang, concept.pos))
    return entry


def _lang_set(lang: str, forms: list[Form], pos: str) -> ET.Element:
    lang_set = ET.Element("langSet", {_XML_LANG: lang})
    for form in forms:
        tig = ET.SubElement(lang_set, "tig")
        ET.SubElement(tig, "term").text = form.text
        if pos:
            ET.SubElement(tig, "termNote", type="partOfSpeech").text = pos
        status = ET.SubElement(tig, "termNote", type="administrativeStatus")
        status.text = _STATUS_NAMES[form.status]
    return lang_set


def read_tbx(data: bytes, path: str, on_problem: ProblemHandler) -> list[Concept]:
    """Concepts of a TBX file; malformed entries go to `on_problem`."""
    _check_encoding(data, path)
    concepts: list[Concept] = []

    def on_entry(entry: _Element) -> None:
        try:
            concept = _concept(entry, path)
        except GlossaryError as err:
            on_problem(err)
            return
        if concept is not None:
            concepts.append(concept)

    _parse(data, path, _EntryHandler(path, on_entry))
    return concepts


@dataclass
class _Element:
    """An element of a TBX entry with the line it starts on."""

    tag: str
    attrs: dict[str, str]
    line: int
    content: list[str | _Element] = field(default_factory=list)

    def text(self) -> str:
        """All character data inside, markup such as `<hi>` dropped."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.content).strip()

    def children(self) -> Iterator[_Element]:
        return (c for c in self.content if isinstance(c, _Element))

    def iter(self, *tags: str) -> Iterator[_Element]:
        """This element and its descendants in document order, or only `tags`."""
        if not tags or self.tag in tags:
            yield self
        for child in self.children():
            yield from child.iter(*tags)


class _EntryHandler(ContentHandler):
    """Builds one small tree per entry and hands it on; the rest is not kept."""

    def __init__(self, path: str, on_entry: Callable[[_Element], None]) -> None:
        super().__init__()
        self._path = path
        self._on_entry = on_entry
        self._stack: list[_Element] = []
        self._depth = 0
        self._where: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self._where = locator

    def _line(self) -> int:
        line = self._where.getLineNumber() if self._where else None
        return line or 1

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        tag = name.rsplit(":", 1)[-1]
        if self._depth == 0 and tag not in ROOTS:
            message = f"not a TBX file: the root element is <{name}>"
            raise GlossaryError(message, self._path, self._line())
        self._depth += 1
        if self._stack or tag in ENTRIES:
            if len(self._stack) >= MAX_ENTRY_DEPTH:
                message = f"elements nested more than {MAX_ENTRY_DEPTH} deep in one entry"
                raise GlossaryError(message, self._path, self._line())
            element = _Element(tag, dict(attrs), self._line())
            if self._stack:
                self._stack[-1].content.append(element)
            self._stack.append(element)

    def endElement(self, name: str) -> None:
        self._depth -= 1
        if self._stack:
            element = self._stack.pop()
            if not self._stack:
                self._on_entry(element)

    def characters(self, content: str) -> None:
        if self._stack:
            self._stack[-1].content.append(content)


def _parse(data: bytes, path: str, handler: _EntryHandler) -> None:
    """Parse with the project's hardened parser (entity declarations refused, no DTD read)."""
    feed = XmlFeed(handler, path, GlossaryError)
    feed.feed(data)
    feed.close()


def _check_encoding(data: bytes, path: str) -> None:
    """Name the bad byte when a UTF-8 file is not UTF-8 (expat only says "invalid token")."""
    declared = _ENCODING.match(data.lstrip(b"\xef\xbb\xbf"))
    if declared is None or declared.group(1).lower() in (b"utf-8", b"utf8"):
        decode_text(data, path)


@dataclass
class _Term:
    text: str
    lang: str
    status: Status | None
    pos: str


def _concept(entry: _Element, path: str) -> Concept | None:
    """The entry's concept, or None when it has no zh or en term."""
    terms = list(_terms(entry, path))
    if not terms:
        return None
    descrips = _descrips(entry)
    flags = {name: descrips.pop(f"glosscheck-{name}", None) for name in ("dnt", "case", "boundary")}
    concept = Concept(
        forms=_forms(terms),
        dnt=_flag(flags["dnt"], path, parse_flag, False),
        case_sensitive=_flag(flags["case"], path, parse_flag, False),
        boundary=_flag(flags["boundary"], path, parse_boundary, Boundary.WORD),
        note="; ".join(dict.fromkeys(_notes(entry))),
        domain=descrips["subjectField"].text() if "subjectField" in descrips else "",
        pos=next((t.pos for t in terms if t.pos), ""),
        origin=Origin(path, entry.line),
    )
    return finish_concept(concept)


def _sections(entry: _Element, path: str) -> Iterator[tuple[str, _Element]]:
    """(zh or en, language section) for the entry's zh and en sections."""
    for section in entry.iter(*LANG_SECTIONS):
        code = section.attrs.get("xml:lang", "")
        if not code:
            raise GlossaryError(f"<{section.tag}> without xml:lang", path, section.line)
        lang = base_language(code)
        if lang in ("zh", "en"):
            yield lang, section


def _terms(entry: _Element, path: str) -> Iterator[_Term]:
    for lang, section in _sections(entry, path):
        for holder in section.iter(*TERM_SECTIONS):
            term = next(holder.iter("term"), None)
            if term is None or not term.text():
                raise GlossaryError(f"<{holder.tag}> without a term", path, holder.line)
            notes = {n.attrs.get("type", ""): n for n in holder.iter("termNote")}
            status = next((notes[t] for t in STATUS_TYPES if t in notes), None)
            pos = notes["partOfSpeech"].text() if "partOfSpeech" in notes else ""
            yield _Term(term.text(), lang, _status(status, path), pos)


def _status(note: _Element | None, path: str) -> Status | None:
    if note is None:
        return None
    value = note.text()
    status = _STATUSES.get(value.lower().removesuffix("-admn-sts"))
    if status is None:
        known = ", ".join(sorted(set(_STATUS_NAMES.values()) | {"supersededTerm-admn-sts"}))
        message = f"unknown administrativeStatus {value!r}; known: {known}"
        raise GlossaryError(message, path, note.line)
    return status


def _forms(terms: list[_Term]) -> tuple[Form, ...]:
    """Forms of the terms; a term without a status is preferred if first of its language."""
    seen: set[str] = set()
    forms = []
    for term in terms:
        default = Status.ADMITTED if term.lang in seen else Status.PREFERRED
        seen.add(term.lang)
        forms.append(Form(term.text, term.lang, term.status or default))
    return tuple(forms)


def _outside_other_languages(entry: _Element) -> Iterator[_Element]:
    """Elements of the entry, minus the sections of languages other than zh and en."""
    yield entry
    for child in entry.children():
        if child.tag in LANG_SECTIONS and base_language(child.attrs.get("xml:lang", "")) not in (
            "zh",
            "en",
        ):
            continue
        yield from _outside_other_languages(child)


def _descrips(entry: _Element) -> dict[str, _Element]:
    """The entry's descrips by type (the first of each), other languages left out."""
    found: dict[str, _Element] = {}
    for element in _outside_other_languages(entry):
        if element.tag == "descrip":
            found.setdefault(element.attrs.get("type", ""), element)
    return found


def _notes(entry: _Element) -> Iterator[str]:
    for element in _outside_other_languages(entry):
        kind = element.attrs.get("type", "")
        is_note = element.tag == "note" or (element.tag == "descrip" and kind == "definition")
        if is_note and element.text():
            yield element.text()


def _flag(element: _Element | None, path: str, parse: Callable[[str], _T], default: _T) -> _T:
    if element is None:
        return default
    try:
        return parse(element.text())
    except ValueError as err:
        kind = element.attrs.get("type", "")
        raise GlossaryError(f"{kind}: {err}", path, element.line) from None
