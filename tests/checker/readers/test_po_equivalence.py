"""The streaming PO reader reads every catalog exactly as the polib-based reader did.

po_reference.py keeps the reader as it was (polib, then a re-scan for
positions, then the lint). Both read the same files and must give equal
segments (text, positions, anchors, keys, flags, metadata…) and equal
errors: every .po/.pot/.mo of the repository (corpora/django and the test
fixtures), a large catalog built from corpora/django, and catalogs generated
by hypothesis in many layouts, with and without the defects the lint finds.
The new reader is also run with its whole-entry fast path switched off and
with tiny read chunks, so each of its paths is held to the same result.

One difference is by design: a file polib refuses (a syntax error) was
refused whole; now the entries before the bad line are read first. The
error itself is the same.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import polib
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.readers import Job, ReadOptions, po, po_parser, po_text
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers import po_reference

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = int(os.environ.get("GLOSSCHECK_HYPOTHESIS_EXAMPLES", "150"))
Outcome = tuple[list[Segment], str | None]


def outcome(reader: object, path: str, options: ReadOptions | None = None) -> Outcome:
    """The segments a reader yields and the error it ends with, if any."""
    segments: list[Segment] = []
    try:
        segments.extend(reader.read(Job("po", path), options or ReadOptions()))  # type: ignore[attr-defined]
    except InputError as error:
        return segments, str(error)
    return segments, None


@contextmanager
def line_by_line() -> Iterator[None]:
    """The new reader without its whole-entry fast path: polib's state machine only."""
    with mock.patch.object(po_parser, "_ENTRY", re.compile(r"(?!)")):
        yield


@contextmanager
def tiny_chunks() -> Iterator[None]:
    """Decoding a few bytes at a time, so blocks end everywhere (CRLF, UTF-8…)."""
    with mock.patch.object(po_text, "_CHUNK", 5):
        yield


def assert_same(path: str, options: ReadOptions | None = None) -> int:
    """Old and new readers agree on `path` (every path of the new one); returns segments."""
    old = outcome(po_reference, path, options)
    new = outcome(po, path, options)
    with line_by_line():
        slow = outcome(po, path, options)
    with tiny_chunks():
        chunked = outcome(po, path, options)
    assert slow == new
    assert chunked == new
    if old[1] is not None and "PO syntax error" in old[1]:
        # Refused whole before; now what comes before the bad line is read first.
        assert old[0] == []
        assert new[1] == old[1]
        return len(new[0])
    assert new == old
    return len(new[0])


def repository_catalogs() -> list[str]:
    found = [
        str(path)
        for pattern in ("*.po", "*.pot", "*.mo")
        for folder in (ROOT / "corpora", ROOT / "tests")
        for path in folder.rglob(pattern)
    ]
    return sorted(found)


@pytest.mark.parametrize("path", repository_catalogs(), ids=lambda p: os.path.relpath(p, ROOT))
def test_every_catalog_of_the_repository_reads_the_same(path: str) -> None:
    assert_same(path)


def test_options_are_applied_the_same() -> None:
    path = str(ROOT / "tests/checker/readers/fixtures/po/features.po")
    assert_same(path, ReadOptions(target_lang="en", target_only=True))
    assert_same(str(ROOT / "tests/checker/readers/fixtures/po/french.po"), ReadOptions("en", "zh"))


def test_a_large_catalog_reads_the_same(tmp_path: Path) -> None:
    """corpora/django repeated, each copy under its own msgctxt: about 5,500 entries."""
    catalog = polib.POFile(wrapwidth=0)
    sources = sorted((ROOT / "corpora/django").rglob("*.po"))
    catalog.metadata = polib.pofile(str(sources[0])).metadata
    for copy in range(6):
        for number, source in enumerate(sources):
            for entry in polib.pofile(str(source)):
                if entry.msgid and not entry.obsolete:
                    context = f"{copy}:{number}" + (f":{entry.msgctxt}" if entry.msgctxt else "")
                    entry.msgctxt = context
                    catalog.append(entry)
    path = tmp_path / "large.po"
    path.write_text(str(catalog), encoding="utf-8")
    assert assert_same(str(path)) == len(catalog) > 5000


# Generated catalogs: entries rendered with varied layout, then maybe damaged.

# Pieces of a string as the file writes them (escapes included, some unknown to polib).
PIECE = st.sampled_from(
    ["a", "Save", " ", "保存", "文件", '\\"', "\\\\", "\\n", "\\t", "\\q", "%s", "{0}", "#", ":"]
)
PIECE |= st.sampled_from(["msgid ", "\\r", "glosscheck: ignore[T101]", "Plural-Forms:", "　", "é"])
BODY = st.lists(PIECE, max_size=6).map("".join)
WORDS = st.sampled_from(["Save", "the file", "保存", "glosscheck: ignore[P101]", "x", ""])
COMMENT = st.one_of(
    WORDS.map(lambda w: f"# {w}".rstrip() if w else "#"),
    WORDS.map(lambda w: f"#. {w}"),
    st.sampled_from(["#: app.py:12", "#: a.py:3 b.py", "#: ", "#, fuzzy", "#, python-format"]),
    st.sampled_from(["#, fuzzy, c-format", "#,", "## double", '#| msgid "Old"', '#| msgctxt "m"']),
)
SPACE = st.sampled_from(["", "", "", " ", "\t"])  # around a line (polib strips it)
# Lines polib reads in odd ways (or refuses), put anywhere after the header.
ODD = st.sampled_from(
    ['#~| msgid "x"', "#~ #, fuzzy", '#| "cont"', 'msgstr[x] "a"', "#~", "msgid", "##", "#."]
)
ODD |= st.sampled_from(['\u3000msgid "a"', '\x0cmsgstr "b"', '#~ "c"', "#:", "#,", "#~ # c"])
ODD |= st.sampled_from(['msgstr[0]"z"', 'msgstr[12] "q"', '"\\\\"', 'msgctxt "k"', '"a\\"'])
ODD |= st.sampled_from(['msgid_plural "p"', 'msgstr "'])
GAP = st.sampled_from([" ", " ", " ", "\t", "  "])  # between keyword and string


@st.composite
def strings(draw: st.DrawFn, keyword: str) -> list[str]:
    """A keyword and its string, on one line or wrapped over continuation lines.

    A msgid is never empty, even with a closing quote cut off (which loses
    the last character): an entry with msgid "" is a second header, which
    polib and the streaming reader choose differently (the last or the first).
    """
    chunks = draw(st.lists(BODY, min_size=1, max_size=3))
    if keyword == "msgid":
        chunks = [f"{chunk}xy" for chunk in chunks]
    if len(chunks) > 1 and draw(st.booleans()):
        chunks = ["", *chunks]  # msgid "" then the text, as wrapping tools write it
    first = f'{draw(SPACE)}{keyword}{draw(GAP)}"{chunks[0]}"{draw(SPACE)}'
    return [first] + [f'{draw(SPACE)}"{chunk}"{draw(SPACE)}' for chunk in chunks[1:]]


@st.composite
def entries(draw: st.DrawFn, forms: int) -> list[str]:
    lines = draw(st.lists(COMMENT, max_size=3))
    body: list[str] = []
    if draw(st.booleans()):
        body += draw(strings("msgctxt"))
    body += draw(strings("msgid"))
    if draw(st.integers(0, 3)) == 0:
        body += draw(strings("msgid_plural"))
        count = forms + draw(st.sampled_from([0, 0, 0, -1, 1]))
        for index in range(max(count, 0)):
            body += draw(strings(f"msgstr[{index}]"))
    else:
        body += draw(strings("msgstr"))
    if draw(st.integers(0, 5)) == 0:  # obsolete: every line of the entry
        body = [f"#~ {line.strip()}" for line in body]
    return lines + body


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[bytes, str]:
    """A catalog's bytes and file name: a header, entries, maybe defects."""
    forms = draw(st.sampled_from([1, 2]))
    header = [
        'msgid ""',
        'msgstr ""',
        f'"Language: {draw(st.sampled_from(["zh_CN", "zh_Hans", "en", "zh_TW"]))}\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
    ]
    plural = draw(st.sampled_from(["nplurals=N; plural=(n != 1);", "nplurals=one", None]))
    if plural:
        header.append(f'"Plural-Forms: {plural.replace("N", str(forms))}\\n"')
    blocks = [header, *draw(st.lists(entries(forms), max_size=6))]
    if len(blocks) > 2 and draw(st.booleans()):  # the same msgctxt and msgid twice
        blocks.append(list(blocks[draw(st.integers(1, len(blocks) - 1))]))
    lines: list[str] = []
    for block in blocks:
        lines += block + [""] * draw(st.sampled_from([1, 1, 0, 2]))
    damage = draw(st.sampled_from(["none", "none", "unterminated", "truncated", "syntax", "odd"]))
    if damage != "none" and len(lines) > 6:
        at = draw(st.integers(5, len(lines) - 1))
        if damage == "unterminated" and lines[at].rstrip().endswith('"'):
            lines[at] = lines[at].rstrip()[:-1]
        elif damage == "truncated":  # drop the msgstr lines of the entry holding `at`
            lines = [
                line
                for n, line in enumerate(lines)
                if not (n >= at and "msgstr" in line and n < at + 4)
            ]
            # A comment after a cut entry at the end of the file made the old
            # reader skip the entry before it too: a fixed bug, not generated.
            while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
                lines.pop()
        elif damage == "syntax":
            lines.insert(at, draw(st.sampled_from(['msgstr "a"b"', "garbage", '"x" "y"'])))
        else:
            for _ in range(draw(st.integers(1, 4))):
                lines.insert(draw(st.integers(5, len(lines))), draw(ODD))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "gb18030"]))
    if encoding == "gb18030":
        text = text.replace("charset=UTF-8", "charset=GB18030")
    data = text.encode(encoding)
    if encoding == "utf-8" and draw(st.integers(0, 5)) == 0:
        data = b"\xef\xbb\xbf" + data
    return data, draw(st.sampled_from(["messages.po", "messages.po", "template.pot"]))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_generated_catalogs_read_the_same(catalog: tuple[bytes, str]) -> None:
    data, name = catalog
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        assume(not second_headers(str(path)))
        assert_same(str(path))


def second_headers(path: str) -> bool:
    """Whether polib sees more than one entry with msgid "" (a line without a
    msgid makes one): polib takes the last as the header, the streaming reader
    the first, so such catalogs are left out."""
    try:
        catalog = polib.pofile(path)
    except (OSError, ValueError):
        return False
    return any(entry.msgid == "" and not entry.obsolete for entry in catalog)
