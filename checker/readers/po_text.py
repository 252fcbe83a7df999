"""A catalog's text, decoded as it is read: fileio's encoding policy, never the whole file.

The bytes are read twice. The first pass only decodes and keeps nothing, so a
binary file or a byte the encoding rejects is reported (by fileio, naming its
line) before any entry is checked, exactly as when the file was decoded
whole. The second pass decodes a megabyte at a time and hands out blocks of
whole lines; a line ends at LF, CRLF or a lone CR, as fileio counts them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Generator, Iterator
from typing import BinaryIO

from checker.readers.fileio import bom_encoding, decode, read_bytes
from glossary.errors import InputError

__all__ = ["catalog_blocks", "catalog_lines"]

_CHUNK = 1 << 20  # bytes decoded at a time
_HEAD = 1 << 20  # where the header's charset is looked for
_CHARSET = re.compile(rb"Content-Type:[^\"\\]*charset=([\w.:-]+)")
_BOM = "\ufeff"


def catalog_lines(path: str) -> Generator[str, None, None]:
    """The lines of the catalog at `path`, without line endings, one by one."""
    for block in catalog_blocks(path):
        yield from block.split("\n")[:-1]


def catalog_blocks(path: str) -> Iterator[str]:
    """The text of the catalog at `path` in blocks of whole lines, each ending with "\n".

    The encoding is a byte order mark's, else the charset the header declares
    (looked for in the first megabyte: the header is the first entry), else
    UTF-8. Anything that does not decode that way goes to fileio's `decode`,
    which raises its error or (an undeclared legacy encoding) decodes the file
    whole. Line endings become "\n" (one is added to a last line without one)
    and a byte order mark is dropped.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", path) from None
    with handle:
        head = handle.read(_HEAD)
        marked = bom_encoding(head)
        declared = _charset(head)
        encoding = marked or declared or "utf-8"
        # A byte order mark makes NUL bytes text (UTF-16/32), as in fileio.
        if _decodes(handle, head, encoding, refuse_nul=marked is None):
            handle.seek(0)
            yield from _blocks(handle, encoding, path)
            return
    text = decode(read_bytes(path), path, declared)
    if text:
        yield text if text.endswith("\n") else text + "\n"


def _charset(head: bytes) -> str | None:
    """The header's declared charset when Python knows it (a .pot says CHARSET)."""
    match = _CHARSET.search(head)
    if match:
        try:
            return codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            pass
    return None


def _decodes(handle: BinaryIO, head: bytes, encoding: str, refuse_nul: bool) -> bool:
    """True when the whole file decodes with `encoding` (and holds no NUL byte)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    chunk = head
    try:
        while chunk:
            if refuse_nul and b"\0" in chunk:
                return False
            decoder.decode(chunk)
            chunk = handle.read(_CHUNK)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _blocks(handle: BinaryIO, encoding: str, path: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)()
    start = True
    carry = ""  # a CR ending the last chunk: maybe the first half of a CRLF
    pending: list[str] = []  # the pieces of the unfinished last line
    while True:
        chunk = handle.read(_CHUNK)
        try:
            text = carry + decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:  # the file changed since the first pass
            decode(read_bytes(path), path)
            raise InputError("the file changed while it was read", path) from None
        carry = ""
        if start and text:
            text, start = text.removeprefix(_BOM), False
        if "\r" in text:
            if chunk and text.endswith("\r"):
                text, carry = text[:-1], "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        cut = text.rfind("\n") + 1
        if cut:
            pending.append(text[:cut])
            yield "".join(pending)
            pending = [text[cut:]]
        else:
            pending.append(text)
        if not chunk:
            last = "".join(pending)
            if last:
                yield last + "\n"
            return
