"""What the TMX and XLIFF readers share: hostile XML refused, encodings, streaming.

The hostile fixtures sit beside `secret.txt` and `secret.dtd`; a reader that
opened either would leak "TOP-SECRET" into a segment or an error message,
and the tests also record every file the process opens while reading.
"""

from __future__ import annotations

import builtins
import socket
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.readers import Job, ReadOptions, read, xml_text
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers.contract import fixture

SECRET = "TOP-SECRET"


def read_file(name: str) -> list[Segment]:
    reader = "tmx" if name.endswith(".tmx") else "xliff"
    return list(read(Job(reader, fixture(name)), ReadOptions()))


def positions(segments: list[Segment]) -> list[tuple[object, ...]]:
    return [(s.key, s.source, s.target, s.line, s.anchors, dict(s.meta)) for s in segments]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every path opened through `open` while the test runs."""
    paths: list[str] = []
    real_open = builtins.open

    def recording_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        paths.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", recording_open)
    yield paths


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize(
    ("name", "line", "entity"),
    [
        ("xml-hostile/billion-laughs.tmx", 3, "lol"),
        ("xml-hostile/external-entity.xlf", 3, "secret"),
        ("xml-hostile/parameter-entity.xlf", 3, "dtd"),
    ],
)
def test_entity_declarations_are_refused_before_anything_is_read(
    name: str, line: int, entity: str, opened: list[str], no_network: None
) -> None:
    with pytest.raises(InputError, match=f"refused: the document declares the entity '{entity}'"):
        read_file(name)
    try:
        read_file(name)
    except InputError as error:
        assert (error.path, error.line) == (fixture(name), line)
        assert SECRET not in str(error)
    assert set(opened) == {fixture(name)}


def test_entity_expansion_costs_no_memory() -> None:
    tracemalloc.start()
    try:
        with pytest.raises(InputError):
            read_file("xml-hostile/billion-laughs.tmx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000  # expanded, &lol9; would be a thousand million "lol"s


def test_an_external_dtd_is_never_read(opened: list[str], no_network: None) -> None:
    """secret.dtd would define &greeting;: left unread, the entity is undefined."""
    name = "xml-hostile/external-dtd.tmx"
    with pytest.raises(InputError, match="the entity &greeting; is not defined") as raised:
        read_file(name)
    assert (raised.value.path, raised.value.line) == (fixture(name), 9)
    assert SECRET not in str(raised.value)
    assert set(opened) == {fixture(name)}


def test_a_remote_dtd_is_not_fetched_and_the_file_is_read(no_network: None) -> None:
    segments = read_file("xml-hostile/remote-dtd.tmx")
    assert [(s.source, s.target) for s in segments] == [("Refresh", "刷新")]


@pytest.mark.parametrize(
    ("encoded", "original"),
    [
        ("xml-encodings/software-utf16le.tmx", "tmx/software.tmx"),
        ("xml-encodings/news-utf16be.xlf", "xliff/news-2.0.xlf"),
        ("xml-encodings/news-gb18030.xlf", "xliff/news-2.0.xlf"),
    ],
)
def test_utf16_with_a_bom_and_declared_encodings_read_like_utf8(
    encoded: str, original: str
) -> None:
    assert positions(read_file(encoded)) == positions(read_file(original))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("xml-malformed/declared-utf16.xlf", "the XML declaration says UTF-16 but the file is not"),
        ("xml-malformed/unknown-encoding.tmx", "unknown encoding 'x-klingon'"),
    ],
)
def test_an_impossible_declared_encoding_is_an_error(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        read_file(name)
    assert raised.value.line == 1


def test_a_byte_invalid_in_the_declared_encoding_names_its_line(tmp_path: Path) -> None:
    data = Path(fixture("xml-encodings/news-gb18030.xlf")).read_bytes().split(b"\n")
    data[11] += b"\x80"  # a lone GB18030 lead byte ends line 12
    path = tmp_path / "broken.xlf"
    path.write_bytes(b"\n".join(data))
    with pytest.raises(InputError, match="byte 0x80 is not valid gb18030") as raised:
        list(read(Job("xliff", str(path)), ReadOptions()))
    assert raised.value.line == 12


def test_a_blank_file_has_no_segments(tmp_path: Path) -> None:
    path = tmp_path / "blank.tmx"
    path.write_text("\n  \n", encoding="utf-8")
    assert list(read(Job("tmx", str(path)), ReadOptions())) == []


@pytest.mark.parametrize(
    "name",
    [
        "tmx/software.tmx",
        "tmx/news.tmx",
        "xliff/app-1.2.xlf",
        "xliff/news-2.0.xlf",
        "xml-encodings/software-utf16le.tmx",
        "xml-encodings/news-gb18030.xlf",
    ],
)
def test_tiny_pieces_give_the_same_segments(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieces of 7 bytes split tags, characters and CRLF: streaming must not show."""
    whole = positions(read_file(name))
    newline, crlf = (b"\n\0", b"\r\0\n\0") if "utf16le" in name else (b"\n", b"\r\n")
    copy = tmp_path / Path(name).name
    copy.write_bytes(Path(fixture(name)).read_bytes().replace(newline, crlf))
    monkeypatch.setattr(xml_text, "BLOCK", 7)
    assert positions(read_file(name)) == whole
    reader = "tmx" if name.endswith(".tmx") else "xliff"
    assert positions(list(read(Job(reader, str(copy)), ReadOptions()))) == whole
