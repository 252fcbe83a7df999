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


def test_legacy_chinese_is_detected_by_both_readers(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(b"ok\r\nfine\n" + "请刷新页面。".encode("gb18030") + b"\n")
    assert read_text(str(path)) == "ok\nfine\n请刷新页面。\n"
    assert list(iter_lines(str(path))) == ["ok", "fine", "请刷新页面。"]


def test_mixed_encodings_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("保存\n".encode() + "刷新".encode("gb18030") + b"\n")
    with pytest.raises(InputError, match="mixes encodings") as raised:
        list(iter_lines(str(path)))
    assert raised.value.line == 2


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("刷新\r\n页面".encode("utf-16"))
    assert read_text(str(path)) == "刷新\n页面"
    assert list(iter_lines(str(path))) == ["刷新", "页面"]
