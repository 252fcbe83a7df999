"""Reading checked files as text: strict decoding, BOM and CRLF handled, errors with a line.

Every reader goes through here so that line numbers agree across formats: a
line ends at LF, CRLF or a lone CR (what editors and polib count), and a UTF-8
byte order mark is dropped so columns start at the first visible character.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from glossary.errors import InputError

__all__ = ["decode", "iter_lines", "read_bytes", "read_text"]

_NEWLINE = re.compile(r"\r\n?")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF8_BOM = "\ufeff"


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", path) from None


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """The text of `data` with a leading BOM dropped and every line ending made LF."""
    if data.startswith(_UTF16_BOMS):
        raise InputError("file is UTF-16; save it as UTF-8", path, 1)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _undecodable(data[error.start], encoding, path, line) from None
    return _NEWLINE.sub("\n", text.removeprefix(_UTF8_BOM))


def read_text(path: str, encoding: str = "utf-8") -> str:
    return decode(read_bytes(path), path, encoding)


def iter_lines(path: str) -> Iterator[str]:
    """The file's lines without line endings, decoded one by one (for large tables).

    Decoding line by line keeps memory flat and lets a decode error name its
    exact line; UTF-8 never uses the bytes of CR or LF inside a character.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", path) from None
    number = 0
    with handle:
        for raw in handle:
            if number == 0 and raw.startswith(_UTF16_BOMS):
                raise InputError("file is UTF-16; save it as UTF-8", path, 1)
            for part in _split_cr(raw):
                number += 1
                yield _decode_line(part, path, number)


def _split_cr(raw: bytes) -> list[bytes]:
    """One LF-terminated chunk as lines, honouring CRLF and lone CR endings."""
    body = raw[:-1] if raw.endswith(b"\n") else raw
    body = body[:-1] if body.endswith(b"\r") else body
    return body.split(b"\r")


def _decode_line(raw: bytes, path: str, number: int) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = raw[error.start]
        raise InputError(
            f"byte 0x{bad:02x} is not valid UTF-8 (is the file GB18030 or Big5? save it as UTF-8)",
            path,
            number,
        ) from None
    return text.removeprefix(_UTF8_BOM) if number == 1 else text


def _undecodable(byte: int, encoding: str, path: str, line: int) -> InputError:
    name = "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding
    return InputError(
        f"byte 0x{byte:02x} is not valid {name} (is the file GB18030 or Big5? save it as UTF-8)",
        path,
        line,
    )
