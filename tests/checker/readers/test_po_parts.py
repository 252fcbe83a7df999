"""A catalog read in parts (--jobs) gives what `po.read` gives reading it whole.

Parts are cut at every line here, so most cuts fall inside entries: the part
before reads on past them, and only the cuts where an entry begins count.
Generated catalogs (with the defects the lint finds, syntax errors, CRLF or
CR line ends, GB18030, byte order marks) and hand-written ones must give the
same segments (positions, keys, flags, suppressions…) and the same errors.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings

from checker.readers import Job, ReadOptions, po, po_parts
from checker.readers.po_parts import PartEnd, Taken, read_part, split
from glossary.errors import InputError
from tests.checker.readers.test_po_equivalence import (
    EXAMPLES,
    Outcome,
    catalogs,
    outcome,
    second_headers,
)


def every_line(path: str, targets: list[int]) -> list[tuple[int, int]]:
    """(offset, lines before) of every line but the first: `entry_starts` at its worst."""
    data = Path(path).read_bytes()
    starts, lines = [], 0
    for offset, byte in enumerate(data[:-1], 1):
        if byte == 10 or (byte == 13 and data[offset] != 10):
            lines += 1
            starts.append((offset, lines))
    return starts


@contextmanager
def cut_everywhere() -> Iterator[None]:
    with mock.patch.object(po_parts, "entry_starts", every_line):
        yield


def in_parts(path: str, options: ReadOptions | None = None) -> Outcome | None:
    """What reading the catalog's parts one by one gives, taken in as the engine takes
    them; None when the catalog is not split."""
    options = options or ReadOptions()
    parts = split(Job("po", path), options, 64)
    if not parts:
        return None
    taken, segments = Taken(path), []
    for part in parts:
        end, read, error = PartEnd(), [], None
        try:
            read.extend(read_part(part, options, end))
        except InputError as raised:
            error = str(raised)
        if taken.takes(part):
            segments += read
            if error is not None:
                return segments, error
            taken.take(end, failed=False)
    try:
        taken.raise_problems()
    except InputError as raised:
        return segments, str(raised)
    return segments, None


def assert_same_in_parts(path: str, options: ReadOptions | None = None) -> None:
    whole = outcome(po, path, options)
    with cut_everywhere():
        parted = in_parts(path, options)
    assert parted is not None
    assert parted == whole
    assert in_parts(path, options) in (whole, None)  # cut where blank lines are


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_generated_catalogs_read_in_parts_the_same(catalog: tuple[bytes, str]) -> None:
    data, name = catalog
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        assume(not second_headers(str(path)))
        whole = outcome(po, str(path))
        with cut_everywhere():
            parted = in_parts(str(path))
        assume(parted is not None)  # a late header, another language…: read whole
        assert parted == whole


HEADER = 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
ENTRIES = """\
# glosscheck: ignore[T101]
#: app.py:1
#, fuzzy
msgctxt "menu"
msgid "Save"
msgstr "保存"

msgid "One file"
msgid_plural "%d files"
msgstr[0] ""
"%d 个文件"

#~ msgid "Old"
#~ msgstr "旧"

#, python-format

msgid "Wrapped"
msgstr ""
"第一行\\n"
"第二行"

"""


def write(tmp_path: Path, text: str, name: str = "zh_CN.po") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_plural_obsolete_wrapped_and_suppressed_entries(tmp_path: Path, newline: str) -> None:
    path = write(tmp_path, (HEADER + ENTRIES * 3).replace("\n", newline))
    assert_same_in_parts(path)
    assert_same_in_parts(path, ReadOptions(target_only=True))
    segments = outcome(po, path)[0]
    assert [s.line for s in segments[:3]] == [11, 15, 24] and len(segments) == 9
    assert segments[0].suppressed and segments[0].fuzzy


@pytest.mark.parametrize(
    ("damaged", "error"),
    [
        ('msgstr "保存', "unterminated string"),  # the closing quote cut off
        ('\n# the translator stopped here"', "truncated entry"),  # the msgstr gone
        ('msgstr "保存" x', "PO syntax error"),
    ],
)
def test_a_malformed_entry_between_parts(tmp_path: Path, damaged: str, error: str) -> None:
    broken = ENTRIES.replace('msgstr "保存"', damaged, 1)
    path = write(tmp_path, HEADER + ENTRIES + broken + ENTRIES)
    assert_same_in_parts(path)
    segments, raised = outcome(po, path)
    assert error in str(raised) and segments


def test_duplicates_in_different_parts_name_the_first(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + ENTRIES + 'msgid "Other"\nmsgstr "其他"\n\n' + ENTRIES)
    assert_same_in_parts(path)
    assert "duplicate msgid 'Save', first defined at line 6;" in str(outcome(po, path)[1])


def test_plural_forms_are_checked_in_every_part(tmp_path: Path) -> None:
    path = write(tmp_path, (HEADER + ENTRIES * 2).replace("nplurals=1", "nplurals=2"))
    assert_same_in_parts(path)
    assert str(outcome(po, path)[1]).count("nplurals=2") == 2


@pytest.mark.parametrize(
    "text",
    [
        'msgid "Save"\nmsgstr "保存"\n\n' + HEADER,  # the header comes late
        HEADER.replace("zh_CN", "fr") + ENTRIES,  # a language we do not check
        HEADER.replace("msgid", "#~ msgid", 1) + ENTRIES,  # an obsolete first entry
    ],
)
def test_catalogs_not_split_are_read_whole(tmp_path: Path, text: str) -> None:
    with cut_everywhere():
        assert split(Job("po", write(tmp_path, text)), ReadOptions(), 64) == []


def test_a_catalog_in_another_encoding_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "utf16.po"
    path.write_bytes((HEADER + ENTRIES).encode("utf-16"))
    with cut_everywhere():
        assert split(Job("po", str(path)), ReadOptions(), 64) == []
    mo = os.path.join(tmp_path, "zh_CN.mo")
    assert split(Job("po", mo), ReadOptions(), 64) == []


def test_cuts_fall_after_blank_lines_near_even_offsets(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + ENTRIES * 40)
    size = os.path.getsize(path)
    starts = po_parts.entry_starts(path, [size // 4, size // 2, size * 3 // 4, size - 1])
    data = Path(path).read_bytes()
    assert len(starts) == 3  # no line after the last target
    for n, (offset, lines) in enumerate(starts, 1):
        assert data[offset - 2 : offset] == b"\n\n" and data[offset] != ord("\n")
        assert lines == data[:offset].count(b"\n")
        assert 0 <= offset - size * n // 4 < len(ENTRIES)


def test_the_last_parts_are_smaller() -> None:
    """Halved: the processes that read the last ones finish nearly together."""
    targets = po_parts._targets(10_000, 1_000)
    sizes = [b - a for a, b in zip([0, *targets], [*targets, 10_000], strict=True)]
    assert sizes == [1_000] * 9 + [500, 250, 125, 125]
    assert po_parts._targets(100, 1_000) == []
