"""Reading checked files as text: one decoding policy for every reader.

Every reader goes through here so that line numbers agree across formats: a
line ends at LF, CRLF or a lone CR (what editors and polib count), and a byte
order mark is dropped so columns start at the first visible character.

The policy, in order (see `encoding_of`):

1. a byte order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. a charset the file declares (a PO header) is honoured, and bytes that do
   not fit it are reported with their line: a wrong header is the file's
   bug, and guessing past it would hide it;
3. otherwise UTF-8 when the bytes are valid UTF-8;
4. otherwise GB18030 or Big5, as charset-normalizer judges: legacy Chinese
   files are what a Chinese–English project meets, and restricting the
   detector to those encodings keeps a short GBK line from passing as Korean.

A NUL byte outside UTF-16/32 means a binary file: it is refused with
`BinaryFileError` (an InputError), so the run notes it and goes on.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from glossary.errors import InputError

__all__ = [
    "BinaryFileError",
    "decode",
    "encoding_of",
    "iter_lines",
    "read_bytes",
    "read_text",
]

_NEWLINE = re.compile(r"\r\n?")
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf-16", "utf-32")  # encodings whose text holds NUL bytes
_LEGACY_CHINESE = ["gb18030", "big5", "big5hkscs"]
_UTF8_BOM = "\ufeff"
_ADVICE = "save it as UTF-8"


class BinaryFileError(InputError):
    """A file that is not text (it holds a NUL byte): skipped, the run goes on."""


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", path) from None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark at the start of `data` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def encoding_of(data: bytes, path: str, declared: str | None = None) -> str:
    """The encoding to read `data` with, by the policy in the module docstring.

    Raises BinaryFileError for binary data, InputError when nothing fits.
    """
    marked = bom_encoding(data)
    if marked:
        return marked
    _refuse_binary(data, path)
    if declared:
        return declared
    if _is_utf8(data):
        return "utf-8"
    return _detected(data, path) or "utf-8"  # utf-8 then reports the first bad byte


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """The text of `data` with a BOM dropped and every line ending made LF.

    `encoding` is a charset the file declares; without one it is found by
    `encoding_of`. Bytes that do not fit raise InputError naming their line.
    """
    chosen = encoding_of(data, path, encoding)
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, chosen, path, declared=encoding) from None
    return _NEWLINE.sub("\n", text.removeprefix(_UTF8_BOM))


def read_text(path: str, encoding: str | None = None) -> str:
    return decode(read_bytes(path), path, encoding)


def iter_lines(path: str) -> Iterator[str]:
    """The file's lines without line endings, decoded one by one (for large tables).

    UTF-8 is decoded line by line, which keeps memory flat and lets an error
    name its exact line (UTF-8 never uses the bytes of CR or LF inside a
    character). A file that turns out not to be UTF-8 is read whole and
    decoded by `decode`'s policy: legacy-encoded tables are small.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", path) from None
    with handle:
        marked = bom_encoding(handle.read(4))
        handle.seek(0)
        if marked and marked != "utf-8-sig":
            yield from _lines(read_text(path))
            return
        yield from _utf8_lines(handle, path)


def _utf8_lines(handle: BinaryIO, path: str) -> Iterator[str]:
    """Lines of a UTF-8 file; on the first line that is not UTF-8, the rest by `decode`."""
    number = 0
    ascii_so_far = True
    for raw in handle:
        for part in _split_cr(raw):
            number += 1
            if b"\0" in part:
                raise _binary(path, number)
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError:
                yield from _rest_decoded(path, number, ascii_so_far)
                return
            ascii_so_far = ascii_so_far and text.isascii()
            yield text.removeprefix(_UTF8_BOM) if number == 1 else text


def _rest_decoded(path: str, number: int, ascii_so_far: bool) -> Iterator[str]:
    """Lines `number`… of a file found not to be UTF-8 at line `number`.

    The lines already given were ASCII, which every candidate encoding reads
    alike; if they held other UTF-8 text the file mixes encodings, and that
    is reported rather than guessed at.
    """
    data = read_bytes(path)
    if not ascii_so_far:
        raise InputError(
            f"line {number} is not UTF-8 but earlier lines are: the file mixes encodings;"
            f" {_ADVICE}",
            path,
            number,
        )
    yield from _lines(decode(data, path))[number - 1 :]


def _lines(text: str) -> list[str]:
    """Lines as the streaming reader gives them: a final line ending starts no line."""
    lines = text.split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def _split_cr(raw: bytes) -> list[bytes]:
    """One LF-terminated chunk as lines, honouring CRLF and lone CR endings."""
    body = raw[:-1] if raw.endswith(b"\n") else raw
    body = body[:-1] if body.endswith(b"\r") else body
    return body.split(b"\r")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detected(data: bytes, path: str) -> str | None:
    """GB18030 or Big5 when charset-normalizer finds either fits `data` well."""
    try:
        from charset_normalizer import from_bytes  # loaded only for non-UTF-8 files
    except ImportError:  # an optional helper: without it such files are refused
        return None
    best = from_bytes(data, cp_isolation=_LEGACY_CHINESE).best()
    return codecs.lookup(best.encoding).name if best is not None else None


def _refuse_binary(data: bytes, path: str) -> None:
    nul = data.find(b"\0")
    if nul >= 0:
        raise _binary(path, data.count(b"\n", 0, nul) + 1)


def _binary(path: str, line: int) -> BinaryFileError:
    return BinaryFileError(
        "binary file (a NUL byte), skipped; if it is UTF-16 text, add a byte order mark"
        f" or {_ADVICE}",
        path,
        line,
    )


def _undecodable(
    data: bytes, error: UnicodeDecodeError, encoding: str, path: str, declared: str | None
) -> InputError:
    """What went wrong, where, and what to do: the line of the first bad byte."""
    line = _line_at(data, error.start, encoding)
    byte = data[error.start] if error.start < len(data) else 0
    name = "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding
    if declared:
        return InputError(
            f"byte 0x{byte:02x} is not valid {name}, the charset the file declares;"
            " correct the declared charset or convert the file to it",
            path,
            line,
        )
    return InputError(
        f"byte 0x{byte:02x} is not valid {name} (is the file GB18030 or Big5? {_ADVICE})",
        path,
        line,
    )


def _line_at(data: bytes, offset: int, encoding: str) -> int:
    """The 1-based line of byte `offset`, counting line feeds in the file's own encoding."""
    if codecs.lookup(encoding).name.startswith(_WIDE):
        prefix = data[:offset].decode(encoding, errors="replace")
        return prefix.count("\n") + 1
    return data.count(b"\n", 0, offset) + 1
