"""Every format converts to every other without losing a field."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from glossary.formats import FORMATS, dump, load
from tests.glossary.glossary_fixtures import FIXTURES, full_glossary

SUFFIXES = [fmt.extensions[0] for fmt in FORMATS]


@pytest.mark.parametrize(("first", "second"), list(itertools.product(SUFFIXES, SUFFIXES)))
def test_convert_without_losing_a_field(tmp_path: Path, first: str, second: str) -> None:
    dump(full_glossary(), tmp_path / f"a{first}")
    dump(load(tmp_path / f"a{first}"), tmp_path / f"b{second}")
    result = load(tmp_path / f"b{second}")
    expected = full_glossary()
    for got, want in zip(result, expected, strict=True):
        assert got.forms == want.forms
        assert (got.dnt, got.case_sensitive, got.boundary) == (
            want.dnt,
            want.case_sensitive,
            want.boundary,
        )
        assert (got.note, got.domain, got.pos) == (want.note, want.domain, want.pos)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_hand_written_fixtures_agree(suffix: str) -> None:
    """The full fixture of each format, written by hand, holds the same glossary."""
    assert load(FIXTURES / f"full{suffix}").concepts == load(FIXTURES / "full.tsv").concepts
