"""The behaviour every glossary format must show; each format's tests subclass it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from glossary.errors import GlossaryError
from glossary.formats import dump, load
from tests.glossary.glossary_fixtures import FIXTURES, MALFORMED, full_glossary

# (fixture file under malformed/, line the error must name, text the message must hold)
MalformedCase = tuple[str, int, str]


class FormatContract:
    """Reads `fixtures/full<suffix>`, reports malformed input by line, writes stably."""

    suffix: ClassVar[str]
    full_lines: ClassVar[tuple[int, ...]]  # the line of each concept of the full fixture
    malformed: ClassVar[tuple[MalformedCase, ...]]  # parametrized by conftest.py
    # (file under fixtures/ with two malformed records and a good one, their lines)
    two_problems: ClassVar[tuple[str, tuple[int, int]]]

    def test_reads_every_field(self) -> None:
        assert load(FIXTURES / f"full{self.suffix}").concepts == full_glossary().concepts

    def test_each_concept_knows_its_file_and_line(self) -> None:
        path = FIXTURES / f"full{self.suffix}"
        origins = [concept.origin for concept in load(path)]
        assert [o.line for o in origins if o] == list(self.full_lines)
        assert {o.path for o in origins if o} == {str(path)}

    def test_malformed_input_names_the_line(self, malformed_case: MalformedCase) -> None:
        name, line, fragment = malformed_case
        with pytest.raises(GlossaryError) as caught:
            load(MALFORMED / name)
        assert (caught.value.path, caught.value.line) == (str(MALFORMED / name), line)
        assert fragment in caught.value.message
        assert str(caught.value).startswith(f"{MALFORMED / name}:{line}: ")

    def test_collecting_mode_reports_every_bad_record_and_keeps_the_good(self) -> None:
        name, lines = self.two_problems
        problems: list[GlossaryError] = []
        glossary = load(FIXTURES / name, on_problem=problems.append)
        assert [p.line for p in problems] == list(lines)
        assert len(glossary) >= 1

    def test_writer_reads_back_to_the_same_glossary(self, tmp_path: Path) -> None:
        target = tmp_path / f"copy{self.suffix}"
        dump(full_glossary(), target)
        assert load(target).concepts == full_glossary().concepts

    def test_writer_is_stable(self, tmp_path: Path) -> None:
        first, second = tmp_path / f"a{self.suffix}", tmp_path / f"b{self.suffix}"
        dump(full_glossary(), first)
        dump(load(first), second)
        assert first.read_bytes() == second.read_bytes()

    def test_utf8_byte_order_mark_is_accepted(self, tmp_path: Path) -> None:
        original = (FIXTURES / f"full{self.suffix}").read_bytes()
        target = tmp_path / f"bom{self.suffix}"
        target.write_bytes(b"\xef\xbb\xbf" + original)
        assert load(target).concepts == full_glossary().concepts
