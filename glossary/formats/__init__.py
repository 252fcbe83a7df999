"""Glossary file formats, chosen by file extension.

    load("terms.tsv") -> Glossary      dump(glossary, "terms.tbx")

| format | extensions    | module                             |
|--------|---------------|------------------------------------|
| tsv    | .tsv          | glossary.formats.tabular (canonical) |
| csv    | .csv          | glossary.formats.tabular           |
| yaml   | .yaml, .yml   | glossary.formats.yaml_format       |
| tbx    | .tbx          | glossary.formats.tbx (TBX-Basic)   |
| po     | .po           | glossary.formats.po_compendium     |

A format's module is imported only when a file of that format is read or
written, so loading a TSV glossary never imports PyYAML, polib or the XML
parser. Every reader takes the file's bytes and reports problems as
GlossaryError with the path and 1-based line, never a raw traceback.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from glossary.errors import GlossaryError
from glossary.formats.common import ProblemHandler, raise_problem
from glossary.model import Concept, Glossary, Status

__all__ = ["FORMATS", "Format", "ProblemHandler", "dump", "format_for", "load"]

Reader = Callable[[bytes, str, ProblemHandler], list[Concept]]
Writer = Callable[[Glossary, str], bytes]
PathArg = str | os.PathLike[str]
_NEW_FILE_MODE = 0o644


@dataclass(frozen=True)
class Format:
    """A glossary format: its name, file extensions, and where its code lives."""

    name: str
    extensions: tuple[str, ...]
    module: str
    reader: str
    writer: str

    def read(self, data: bytes, path: str, on_problem: ProblemHandler) -> list[Concept]:
        """The concepts in `data`; recoverable problems go to `on_problem`."""
        module = importlib.import_module(self.module)
        return cast(Reader, getattr(module, self.reader))(data, path, on_problem)

    def write(self, glossary: Glossary, path: str) -> bytes:
        """`glossary` in this format; `path` only names the file in errors."""
        module = importlib.import_module(self.module)
        return cast(Writer, getattr(module, self.writer))(glossary, path)


FORMATS: tuple[Format, ...] = (
    Format("tsv", (".tsv",), "glossary.formats.tabular", "read_tsv", "write_tsv"),
    Format("csv", (".csv",), "glossary.formats.tabular", "read_csv", "write_csv"),
    Format("yaml", (".yaml", ".yml"), "glossary.formats.yaml_format", "read_yaml", "write_yaml"),
    Format("tbx", (".tbx",), "glossary.formats.tbx", "read_tbx", "write_tbx"),
    Format("po", (".po",), "glossary.formats.po_compendium", "read_po", "write_po"),
)


def format_for(path: PathArg, fmt: str | None = None) -> Format:
    """The format named `fmt`, else the one `path`'s extension stands for."""
    for candidate in FORMATS:
        if fmt is not None and candidate.name == fmt.lower():
            return candidate
        if fmt is None and Path(path).suffix.lower() in candidate.extensions:
            return candidate
    known = ", ".join(ext for f in FORMATS for ext in f.extensions)
    wanted = f"format {fmt!r}" if fmt else f"extension {Path(path).suffix or '(none)'!r}"
    raise GlossaryError(f"unknown glossary {wanted}; known extensions: {known}", os.fspath(path))


def load(
    path: PathArg, *, fmt: str | None = None, on_problem: ProblemHandler | None = None
) -> Glossary:
    """Read a glossary file; raises GlossaryError (path, line) on its first problem.

    With `on_problem`, malformed records (rows, items, entries) are handed
    to it and skipped instead, so a caller can collect them all; problems
    that stop the whole file are still raised.
    """
    name = os.fspath(path)
    chosen = format_for(path, fmt)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise GlossaryError(f"cannot read glossary: {err.strerror or err}", name) from None
    concepts = chosen.read(data, name, on_problem or raise_problem)
    return Glossary(concepts, name=Path(path).stem)


def dump(glossary: Glossary, path: PathArg, *, fmt: str | None = None) -> None:
    """Write `glossary` to `path` in the format its extension names.

    The file is replaced atomically (temp file + rename, mode kept), so a
    failed write leaves the old file as it was.
    """
    name = os.fspath(path)
    for concept in glossary:
        if all(form.status is Status.FORBIDDEN for form in concept.forms):
            texts = ", ".join(form.text for form in concept.forms) or "no forms"
            raise GlossaryError(f"concept ({texts}) has no preferred or admitted form", name)
    data = format_for(path, fmt).write(glossary, name)
    _replace(Path(path), data)


def _replace(path: Path, data: bytes) -> None:
    temp_name = ""
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _NEW_FILE_MODE
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except OSError as err:
        if temp_name:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
        raise GlossaryError(f"cannot write glossary: {err.strerror or err}", str(path)) from None
