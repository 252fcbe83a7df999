"""Decoding: BOM, line endings, and errors that name their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.readers.fileio import iter_lines, read_text
from glossary.errors import InputError


def test_bom_and_every_line_ending(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\xef\xbb\xbfone\r\ntwo\rthree\nfour")
    assert read_text(str(path)) == "one\ntwo\nthree\nfour"
    assert list(iter_lines(str(path))) == ["one", "two", "three", "four"]


def test_decode_error_names_the_line_in_both_readers(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(b"ok\r\nfine\n" + "刷新".encode("gb18030") + b"\n")
    for read in (read_text, lambda name: list(iter_lines(name))):
        with pytest.raises(InputError, match="not valid UTF-8") as raised:
            read(str(path))
        assert raised.value.line == 3


def test_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("刷新".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        read_text(str(path))
