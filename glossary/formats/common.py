"""What every glossary reader shares: problem reporting, decoding, language codes.

Readers report a malformed record (a row, a YAML item, a TBX entry, a PO
entry) through a `ProblemHandler` and go on with the next record. `load()`
passes `raise_problem`, so the first problem stops it; `validate()` passes a
collector, so one run lists every malformed record of a file. Problems that
leave nothing to go on (undecodable bytes, a broken header, XML that is not
well-formed) are raised directly.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from glossary.errors import GlossaryError

ProblemHandler = Callable[[GlossaryError], None]

_LANGUAGE_ALIASES = {"zho": "zh", "chi": "zh", "cmn": "zh", "eng": "en"}


def raise_problem(problem: GlossaryError) -> None:
    """The strict handler used by `load()`: the first problem is fatal."""
    raise problem


def line_at(data: bytes | str, offset: int) -> int:
    """The 1-based line holding `offset` of `data`."""
    if isinstance(data, bytes):
        return data.count(b"\n", 0, offset) + 1
    return data.count("\n", 0, offset) + 1


def decode_text(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """`data` as text, or a GlossaryError naming the line of the first bad byte.

    A UTF-8 byte order mark is dropped: spreadsheet programs write one.
    """
    if codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        hint = " (UTF-16 byte order mark)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        name = "UTF-8" if encoding == "utf-8-sig" else encoding
        message = f"not valid {name}{hint}: cannot decode byte 0x{data[err.start]:02x}"
        raise GlossaryError(message, path, line_at(data, err.start)) from None


def base_language(code: str) -> str:
    """`zh` or `en` for any tag of those languages (zh-CN, zh_Hans, en-US, eng).

    Other languages come back as their lower-cased primary subtag, so callers
    can skip them; an empty code stays empty.
    """
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return _LANGUAGE_ALIASES.get(primary, primary)
