"""The contract every reader keeps; each reader's test class subclasses ReaderContract.

A subclass names its reader and a fixture (plus a partner for pairs). The
contract then checks that reading yields Segments whose lines lie in the
file and whose anchors point at each target character where it stands in
the file — also after the file gains a BOM and CRLF line endings — that an
empty file yields nothing, and that an undecodable byte is an InputError
naming its line.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

import pytest

from checker.readers import Job, ReadOptions, read
from checker.segment import Segment
from glossary.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(relative: str) -> str:
    return str(FIXTURES / relative)


def file_lines(path: str) -> list[str]:
    """The file's lines as an editor shows them (BOM dropped, any line ending)."""
    return Path(path).read_text(encoding="utf-8-sig").splitlines()


class ReaderContract:
    reader: ClassVar[str]
    fixture: ClassVar[str]  # relative to fixtures/: the file holding the target text
    partner: ClassVar[str | None] = None  # the source document of a pair
    options: ClassVar[ReadOptions] = ReadOptions()
    # How the format spells a target character that it escapes (PO "\\n", CSV '""').
    escapes: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    text_format: ClassVar[bool] = True  # False for binary files (.mo)

    def job(self, directory: Path | None = None) -> Job:
        """The job for the fixture, or for its copies in `directory`."""
        path, partner = fixture(self.fixture), self.partner and fixture(self.partner)
        if directory is not None:
            path = str(directory / Path(path).name)
            partner = partner and str(directory / Path(partner).name)
        return Job(self.reader, path, partner)

    def segments(self, job: Job | None = None) -> list[Segment]:
        return list(read(job or self.job(), self.options))

    def copy_fixtures(self, directory: Path) -> Job:
        for name in filter(None, (self.fixture, self.partner)):
            shutil.copy(fixture(name), directory)
        return self.job(directory)

    def test_yields_segments(self) -> None:
        segments = self.segments()
        assert segments
        assert all(isinstance(segment, Segment) for segment in segments)
        assert all(segment.path == self.job().path for segment in segments)

    def test_lines_lie_within_the_file(self) -> None:
        count = len(file_lines(self.job().path)) if self.text_format else 1
        for segment in self.segments():
            assert 1 <= segment.line <= count

    def test_offset_zero_points_at_the_first_target_character(self) -> None:
        if not self.text_format:
            pytest.skip("a binary file has no columns")
        for segment in self.segments():
            if segment.target:
                self.assert_located(segment, file_lines(segment.path), 0)

    def test_every_target_character_is_located(self) -> None:
        if not self.text_format:
            pytest.skip("a binary file has no columns")
        for segment in self.segments():
            self.assert_all_located(segment, file_lines(segment.path))

    def test_bom_and_crlf_change_nothing_but_bytes(self, tmp_path: Path) -> None:
        if not self.text_format:
            pytest.skip("a binary file has no BOM or line endings")
        job = self.copy_fixtures(tmp_path)
        for name in filter(None, (job.path, job.partner)):
            data = Path(name).read_bytes().replace(b"\n", b"\r\n")
            Path(name).write_bytes(b"\xef\xbb\xbf" + data)
        plain = [(s.target, s.line, s.anchors) for s in self.segments()]
        converted = self.segments(job)
        assert [(s.target, s.line, s.anchors) for s in converted] == plain
        for segment in converted:
            self.assert_all_located(segment, file_lines(segment.path))

    def test_empty_file_yields_nothing(self, tmp_path: Path) -> None:
        job = self.job(tmp_path)
        for name in filter(None, (job.path, job.partner)):
            Path(name).write_bytes(b"")
        assert self.segments(job) == []

    def test_undecodable_byte_is_an_error_naming_its_line(self, tmp_path: Path) -> None:
        if not self.text_format:
            pytest.skip("a binary file is not decoded as text")
        job = self.copy_fixtures(tmp_path)
        line = self.segments(job)[0].line
        lines = Path(job.path).read_bytes().split(b"\n")
        lines[line - 1] += b"\xff"
        Path(job.path).write_bytes(b"\n".join(lines))
        with pytest.raises(InputError) as raised:
            self.segments(job)
        assert (raised.value.path, raised.value.line) == (job.path, line)

    def assert_all_located(self, segment: Segment, lines: list[str]) -> None:
        for offset, char in enumerate(segment.target):
            if char != "\n" or self.escapes.get("\n"):
                self.assert_located(segment, lines, offset)

    def assert_located(self, segment: Segment, lines: list[str], offset: int) -> None:
        line, column = segment.locate(offset)
        text = lines[line - 1][column - 1 :]
        char = segment.target[offset]
        spellings = (char, *self.escapes.get(char, ()))
        assert text.startswith(spellings), (
            f"offset {offset} ({char!r}) of {segment.key!r} located at {line}:{column},"
            f" where the file has {text[:8]!r}"
        )
