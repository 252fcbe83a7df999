"""The one registry of readers: name → extensions and a lazily imported read function.

A reader module is imported only when a file needs it, so checking a .po
file never loads markdown-it. To add a format, write a module with
`read(job, options)` and add one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.readers.base import Reader
from checker.readers.names import DOCUMENT_EXTENSIONS

__all__ = ["BY_EXTENSION", "KNOWN_EXTENSIONS", "READERS", "ReaderEntry", "reader"]


@dataclass(frozen=True)
class ReaderEntry:
    name: str
    # Files chosen by extension alone; documents (.md/.txt) are planned by name.
    extensions: tuple[str, ...]
    load: Callable[[], Reader]


def _po() -> Reader:
    from checker.readers import po

    return po.read


def _tsv() -> Reader:
    from checker.readers import tabular

    return tabular.read_tsv


def _csv() -> Reader:
    from checker.readers import tabular

    return tabular.read_csv


def _jsonl() -> Reader:
    from checker.readers import jsonl

    return jsonl.read


def _tmx() -> Reader:
    from checker.readers import tmx

    return tmx.read


def _xliff() -> Reader:
    from checker.readers import xliff

    return xliff.read


def _paired() -> Reader:
    from checker.readers import paired

    return paired.read


def _interleaved() -> Reader:
    from checker.readers import interleaved

    return interleaved.read


def _text() -> Reader:
    from checker.readers import text

    return text.read


READERS: dict[str, ReaderEntry] = {
    entry.name: entry
    for entry in (
        ReaderEntry("po", (".po", ".pot", ".mo"), _po),
        ReaderEntry("tsv", (".tsv",), _tsv),
        ReaderEntry("csv", (".csv",), _csv),
        ReaderEntry("jsonl", (".jsonl",), _jsonl),
        ReaderEntry("tmx", (".tmx",), _tmx),
        ReaderEntry("xliff", (".xlf", ".xliff"), _xliff),
        ReaderEntry("paired", (), _paired),
        ReaderEntry("interleaved", (), _interleaved),
        ReaderEntry("text", (), _text),
    )
}
BY_EXTENSION: dict[str, str] = {
    extension: entry.name for entry in READERS.values() for extension in entry.extensions
}
KNOWN_EXTENSIONS = frozenset(BY_EXTENSION) | frozenset(DOCUMENT_EXTENSIONS)


def reader(name: str) -> Reader:
    """The read function registered as `name` (KeyError names the known ones)."""
    try:
        entry = READERS[name]
    except KeyError:
        raise KeyError(f"no reader {name!r}; known: {', '.join(sorted(READERS))}") from None
    return entry.load()
