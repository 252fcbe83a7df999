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

__all__ = [
    "catalog_blocks",
    "catalog_lines",
    "entry_starts",
    "line_at",
    "splittable_encoding",
    "text_between",
]

_CHUNK = 1 << 20  # bytes decoded at a time
_HEAD = 1 << 20  # where the header's charset is looked for
_CHARSET = re.compile(rb"Content-Type:[^\"\\]*charset=([\w.:-]+)")
_BOM = "\ufeff"
# Encodings in which a newline byte always ends a line: a catalog in one of them
# can be read in parts that start at any line.
_SPLITTABLE = frozenset({"utf-8", "utf-8-sig", "ascii", "gb18030", "gbk", "gb2312", "big5"})
_BLANK_LINES = re.compile(rb"\n(?:[ \t\r]*\n)+")
_WINDOW = 1 << 16  # bytes searched for a blank line where a part should start


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


def splittable_encoding(path: str) -> str | None:
    """The catalog's encoding when it can be read in parts that start at any line: the
    file decodes whole with it (as `catalog_blocks` checks first) and a newline byte
    always ends a line in it. None otherwise, or when the file cannot be read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
            marked = bom_encoding(head)
            encoding = marked or _charset(head) or "utf-8"
            if encoding not in _SPLITTABLE:
                return None
            return encoding if _decodes(handle, head, encoding, marked is None) else None
    except OSError:
        return None


def entry_starts(path: str, targets: list[int]) -> list[tuple[int, int]]:
    """Where to cut the catalog at `path` near each of the byte offsets `targets` (in
    order): the offsets of lines that follow a blank line (mostly the first lines of
    entries), each with the number of lines before it."""
    offsets: list[int] = []
    with open(path, "rb") as handle:
        for target in targets:
            start = max(target, offsets[-1] if offsets else 0)
            handle.seek(start)
            window = handle.read(_WINDOW)
            blank = _BLANK_LINES.search(window)
            if blank is not None and blank.end() < len(window):  # a line follows it
                offsets.append(start + blank.end())
        handle.seek(0)
        starts, lines, read = [], 0, 0
        for offset in offsets:  # each right after a LF: no CRLF is cut in two
            data = handle.read(offset - read)
            lines += data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
            starts.append((offset, lines))
            read = offset
    return starts


def text_between(path: str, encoding: str, start: int, end: int) -> str:
    """The text of bytes `start` to `end` of a catalog that `splittable_encoding` read,
    whole lines, as `catalog_blocks` gives them."""
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # the file changed since it was checked
        decode(read_bytes(path), path)
        raise InputError("the file changed while it was read", path) from None
    if start == 0:
        text = text.removeprefix(_BOM)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def line_at(path: str, encoding: str, offset: int) -> str:
    """The line that starts at byte `offset` of a catalog, without its end."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        text = handle.readline().decode(encoding, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[0]
