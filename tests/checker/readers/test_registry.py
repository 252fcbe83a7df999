"""The registry: every reader named once, loaded on demand."""

from __future__ import annotations

import pytest

from checker.readers.registry import BY_EXTENSION, READERS, reader


def test_every_registered_reader_loads() -> None:
    for name in READERS:
        assert callable(reader(name))


def test_extensions_map_to_readers() -> None:
    assert BY_EXTENSION == {
        ".po": "po",
        ".pot": "po",
        ".mo": "po",
        ".tsv": "tsv",
        ".csv": "csv",
        ".jsonl": "jsonl",
        ".tmx": "tmx",
        ".xlf": "xliff",
        ".xliff": "xliff",
    }


def test_unknown_reader_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known: csv, interleaved"):
        reader("docx")
