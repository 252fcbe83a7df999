"""The text of an XML file, decoded piece by piece so large TMX files stream.

The encoding comes from a byte order mark (UTF-8, UTF-16 LE/BE), else from
the XML declaration (`encoding="GB18030"` is honoured, as XML says), else
UTF-8. Decoding is strict: a byte that is not valid in that encoding is an
InputError naming its line, before the parser sees it (expat would only
say "not well-formed (invalid token)"). The BOM is dropped and CRLF and
lone CR become LF, so that lines and columns agree with `fileio` and with
what the parser counts.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

from glossary.errors import InputError

__all__ = ["xml_pieces"]

BLOCK = 1 << 16
HEAD = 1024  # the XML declaration and any BOM lie in the first bytes
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# UTF-16 without a BOM still starts with "<" and a NUL byte.
_BOMLESS_UTF16 = ((b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"))
_DECLARED = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")
_LINE_BREAK = re.compile(r"\r\n?|\n")


def xml_pieces(path: str) -> Iterator[str]:
    """The file's text in pieces of about 64 KiB, BOM dropped, every line ending LF."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", path) from None
    with handle:
        yield from _decoded(handle, path)


def _decoded(handle: BinaryIO, path: str) -> Iterator[str]:
    head = handle.read(HEAD)
    encoding, skip = _encoding(head, path)
    decoder = codecs.getincrementaldecoder(encoding)()
    endings = _LineEndings()
    data, final = head[skip:], False
    while not final:
        final = not data
        try:
            text = decoder.decode(data, final)
        except UnicodeDecodeError as error:
            raise _undecodable(error, encoding, endings, path) from None
        piece = endings.normalise(text, final)
        if piece:
            yield piece
        data = handle.read(BLOCK)


def _encoding(head: bytes, path: str) -> tuple[str, int]:
    """(codec name, bytes of BOM to skip) for a file starting with `head`."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    for start, name in _BOMLESS_UTF16:
        if head.startswith(start):
            return name, 0
    declared = _DECLARED.match(head)
    if declared is None:
        return "utf-8", 0
    label = declared.group(1).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        raise InputError(f"unknown encoding {label!r} in the XML declaration", path, 1) from None
    if name.startswith(("utf-16", "utf-32")):
        message = f"the XML declaration says {label} but the file is not {label}; save it as UTF-8"
        raise InputError(message, path, 1)
    return name, 0


class _LineEndings:
    """CRLF and lone CR made LF across pieces (a CR may end one piece, its LF start the next)."""

    def __init__(self) -> None:
        self.line = 1  # the line the next piece starts on
        self.held_cr = False

    def normalise(self, text: str, final: bool) -> str:
        if self.held_cr:
            text = "\r" + text
        self.held_cr = text.endswith("\r") and not final
        if self.held_cr:
            text = text[:-1]
        text = _LINE_BREAK.sub("\n", text)
        self.line += text.count("\n")
        return text


def _undecodable(
    error: UnicodeDecodeError, encoding: str, endings: _LineEndings, path: str
) -> InputError:
    before = error.object[: error.start].decode(encoding, "replace")
    if endings.held_cr:
        before = "\r" + before
    line = endings.line + len(_LINE_BREAK.findall(before))
    name = "UTF-8" if encoding == "utf-8" else encoding
    bad = error.object[error.start]
    hint = " (is the file GB18030 or Big5? save it as UTF-8)" if name == "UTF-8" else ""
    return InputError(f"byte 0x{bad:02x} is not valid {name}{hint}", path, line)
