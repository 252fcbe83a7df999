"""Structural problems polib lets pass in a PO file, each an InputError with its line.

polib reads `msgstr "保存` (no closing quote) as "保" without a word, keeps a
msgid whose msgstr was cut off, accepts two entries with the same msgid and
never looks at the Plural-Forms header. Each of these would make findings
wrong or silently missing, so they are reported; the rest of the catalog is
still checked. The parser reports the first two as it meets their lines, the
others are checked here entry by entry, as the entries stream past.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from glossary.errors import InputError

if TYPE_CHECKING:
    from checker.readers.po_parser import Entry

__all__ = ["Lint", "LintPart", "declared_plurals"]

_PLURAL_FORMS = re.compile(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*[^;]+;?\s*")
# Problems on one line are listed in this order.
_UNTERMINATED, _TRUNCATED, _DUPLICATE, _PLURAL = range(4)


def declared_plurals(metadata: Mapping[str, str]) -> int | None:
    """The number of plural forms a well-formed Plural-Forms header declares."""
    shape = _PLURAL_FORMS.fullmatch(metadata.get("Plural-Forms", ""))
    return int(shape.group(1)) if shape else None


class LintPart(NamedTuple):
    """What the lint of a part of a catalog found, for the process that reads it all."""

    found: list[tuple[int, int, InputError]]  # (line, kind, problem)
    hashes: array[int]  # of the entries' keys, for the duplicates across parts
    lines: array[int]


class Lint:
    """The structural problems of one catalog, collected in one pass.

    A catalog read in parts has a lint for each (`nplurals` from the header the
    first part read); their `part`s add up in one lint, which can tell duplicates
    apart only when it holds every msgid (`repeats_keys`).
    """

    def __init__(self, path: str, size: int = 0, nplurals: int | None = None) -> None:
        self.path = path
        self._found: list[tuple[int, int, InputError]] = []  # (line, kind, problem)
        self._keys = _SeenKeys(size)
        self._nplurals = nplurals

    def unterminated(self, line: int) -> None:
        self._add(_UNTERMINATED, "unterminated string: the closing quote is missing", line)

    def truncated(self, line: int) -> None:
        self._add(_TRUNCATED, "truncated entry: this msgid has no msgstr; add one", line)

    def header(self, metadata: Mapping[str, str], header_line: Callable[[], int | None]) -> None:
        """Check the Plural-Forms header; `header_line` finds its line when it is bad."""
        header = metadata.get("Plural-Forms")
        if header is None:
            return
        shape = _PLURAL_FORMS.fullmatch(header)
        if shape is None:
            self._add(
                _PLURAL,
                f"bad Plural-Forms header {header!r}; expected 'nplurals=N; plural=EXPR;'",
                header_line(),
            )
        else:
            self._nplurals = int(shape.group(1))

    def entry(self, entry: Entry) -> None:
        """Check one entry (any but the header) against the header and those before it."""
        line = entry.first_line
        self._keys.add((entry.msgctxt, entry.msgid, entry.obsolete), line, entry.msgid)
        forms = len(entry.msgstr_plural)
        if (
            entry.msgid_plural
            and self._nplurals is not None
            and not entry.obsolete
            and forms != self._nplurals
        ):
            self._add(
                _PLURAL,
                f"plural entry has {forms} msgstr forms,"
                f" the Plural-Forms header says nplurals={self._nplurals}",
                line,
            )

    def part(self) -> LintPart:
        keys = self._keys
        return LintPart(self._found, keys.hashes, keys.lines)

    def add_part(self, part: LintPart) -> None:
        """Take in what the lint of the next part of the catalog found."""
        self._found += part.found
        self._keys.hashes += part.hashes
        self._keys.lines += part.lines

    def repeats_keys(self) -> bool:
        """Whether two entries of the parts taken in may have the same key (quick)."""
        return len(set(self._keys.hashes)) < len(self._keys.hashes)

    def problems(self) -> list[InputError]:
        """Every problem found, in file order."""
        for line, first, msgid in self._keys.duplicates():
            self._add(
                _DUPLICATE,
                f"duplicate msgid {msgid!r}, first defined at line {first}; merge the two entries",
                line,
            )
        self._found.sort(key=lambda found: found[:2])
        return [problem for _, _, problem in self._found]

    def _add(self, kind: int, message: str, line: int | None) -> None:
        self._found.append((line or 0, kind, InputError(message, self.path, line)))


class _SeenKeys:
    """The (msgctxt, msgid, obsolete) keys seen so far, in about 12 bytes each.

    Holding every key would make a million-entry catalog cost hundreds of
    megabytes. Instead each key's 64-bit hash and line go into two arrays,
    and a Bloom filter over the hashes (two bits a key, a few bits an entry)
    flags the rare key that may have been seen before: those are settled by
    one pass over the arrays at the end. Two different keys with the same
    64-bit hash would pass for duplicates: about one chance in ten million
    for a million entries.
    """

    def __init__(self, size: int) -> None:
        # A bit for every 4 bytes of catalog (about 25 an entry), 8 KiB to 4 MiB.
        self._width = max(16, min(25, (size // 4).bit_length()))
        self._bits = bytearray(1 << (self._width - 3))
        self.hashes = array("q")
        self.lines = array("I")
        self._maybe: dict[int, list[tuple[int, str]]] = {}  # hash → later (line, msgid)

    def add(self, key: tuple[str | None, str, bool], line: int, msgid: str) -> None:
        digest = hash(key)
        mask = (1 << self._width) - 1
        first, second = digest & mask, (digest >> self._width) & mask  # two bits of the hash
        bits = self._bits
        seen = bits[first >> 3] & 1 << (first & 7) and bits[second >> 3] & 1 << (second & 7)
        if seen:
            self._maybe.setdefault(digest, []).append((line, msgid))
        else:
            bits[first >> 3] |= 1 << (first & 7)
            bits[second >> 3] |= 1 << (second & 7)
        self.hashes.append(digest)
        self.lines.append(line)

    def duplicates(self) -> list[tuple[int, int, str]]:
        """(line, line of the first occurrence, msgid) for each key seen again."""
        if not self._maybe:
            return []
        first: dict[int, int] = {}
        for digest, line in zip(self.hashes, self.lines, strict=True):
            if digest in self._maybe and digest not in first:
                first[digest] = line
        return [
            (line, first[digest], msgid)
            for digest, later in self._maybe.items()
            for line, msgid in later
            if line != first[digest]
        ]
