"""Item 1: every encoding a Chinese–English project meets is read, or refused with a line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import checker
from checker.config import Config
from checker.readers.fileio import BinaryFileError, iter_lines, read_text
from glossary.errors import InputError
from glossary.model import Glossary
from tests.robustness.helpers import fixture, read_file

ROOT = Path(__file__).parents[2]

TARGETS_SIMPLIFIED = ["点击保存以保存设置。", "打开文件。"]


@pytest.mark.parametrize(
    ("name", "targets"),
    [
        ("utf8-bom-crlf.tsv", TARGETS_SIMPLIFIED),
        ("utf16-bom.tsv", TARGETS_SIMPLIFIED),
        ("gb18030.tsv", TARGETS_SIMPLIFIED),
        ("big5.tsv", ["點擊儲存以保存設定。", "開啟檔案。"]),
    ],
)
def test_each_encoding_reads_the_same_rows(name: str, targets: list[str]) -> None:
    segments = read_file("tsv", fixture(f"encodings/{name}"))
    assert [s.target for s in segments] == targets
    assert [s.line for s in segments] == [2, 3]
    assert segments[0].source == "Click Save to keep your settings."


def test_mixed_line_endings_count_one_line_each() -> None:
    segments = read_file("tsv", fixture("encodings/mixed-endings.tsv"))
    assert [(s.line, s.target) for s in segments] == [(2, "一。"), (3, "二。"), (4, "三。")]


def test_a_po_header_charset_is_honoured() -> None:
    segments = read_file("po", fixture("encodings/gbk-declared.po"))
    assert [(s.source, s.target, s.line) for s in segments] == [("Open the file.", "打开文件。", 8)]


def test_a_wrong_declared_charset_names_file_and_line() -> None:
    path = fixture("encodings/wrong-charset.po")
    with pytest.raises(InputError, match="the charset the file declares") as raised:
        read_file("po", path)
    assert (raised.value.path, raised.value.line) == (path, 8)


def test_a_binary_file_is_skipped_and_the_others_are_checked() -> None:
    binary, readable = fixture("encodings/binary.po"), fixture("encodings/gb18030.tsv")
    report = checker.check([binary, readable], Glossary(), Config(jobs=1))
    assert len(report.errors) == 1
    assert isinstance(report.errors[0], BinaryFileError)
    assert report.errors[0].path == binary
    assert "skipped" in str(report.errors[0])
    assert report.segments == 2


@pytest.mark.parametrize("name", ["empty.po", "empty.tsv"])
def test_empty_files_have_no_segments_and_no_error(name: str) -> None:
    report = checker.check([fixture(f"encodings/{name}")], Glossary(), Config(jobs=1))
    assert (report.errors, report.segments, report.files) == ([], 0, 1)


def test_nul_in_a_streamed_table_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.tsv"
    path.write_bytes(b"source\ttarget\nOne.\t\xe4\xb8\x80\x00\n")
    with pytest.raises(BinaryFileError) as raised:
        list(iter_lines(str(path)))
    assert raised.value.line == 2


def test_utf32_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf32.txt"
    path.write_bytes("刷新\n页面".encode("utf-32"))
    assert read_text(str(path)) == "刷新\n页面"


def _single_line_run(megabytes: float) -> dict[str, float]:
    command = [sys.executable, "-m", "tests.robustness.single_line", str(megabytes)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def test_a_5mb_single_line_is_checked_in_linear_time_and_memory() -> None:
    """1 MB against 5 MB, every default rule, each in its own process.

    A quadratic regex would make the time ratio ~25; linear is ~5. Memory
    grows with the line (term matches are kept per segment, see the docs
    section for the 50 MB run): bounded here at 100 MB of RSS per MB of text.
    """
    small, big = _single_line_run(1), _single_line_run(5)
    assert small["errors"] == big["errors"] == 0
    assert big["seconds"] < 8 * small["seconds"] + 1.0
    assert big["peak_rss_mb"] - big["rss_before_mb"] < 100 * 5
