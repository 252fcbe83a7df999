"""A bilingual unit: source text, target text, and where the target stands."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field

# (offset in target text, 1-based line, 1-based column) where a run of the
# target text starts in its file; characters after an anchor advance the column.
Anchor = tuple[int, int, int]
_AFTER = float("inf")


@dataclass(frozen=True)
class Segment:
    """One source/target pair as read from a file.

    `path`/`line` name the file and line holding the target text (for a PO
    entry, the msgstr line; for paired documents, the target document).
    `anchors` map offsets in `target` to file positions so findings point
    where a person looks; readers that cannot be exact give one anchor.
    """

    source: str
    target: str
    source_lang: str
    target_lang: str
    path: str
    line: int
    anchors: tuple[Anchor, ...] = ()
    key: str = ""  # identifies the unit within its file (msgctxt+msgid, block index…)
    source_path: str | None = None
    source_line: int | None = None
    target_locale: str = ""  # e.g. zh_Hans, from the PO header or file name
    flags: frozenset[str] = frozenset()  # fuzzy, python-format, …
    target_only: bool = False
    suppressed: frozenset[str] = frozenset()  # rule codes/names ignored inline
    meta: Mapping[str, str] = field(default_factory=dict)

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column) in the file of `offset` in the target text."""
        anchors = self.anchors or ((0, self.line, 1),)
        # The last anchor at or before `offset`: one whose offset equals it sorts before this.
        i = bisect.bisect_right(anchors, (offset, _AFTER, _AFTER)) - 1 if len(anchors) > 1 else 0
        start, line, column = anchors[max(i, 0)]
        return line, column + max(offset - start, 0)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def anchors_for_lines(text: str, first_line: int, first_column: int = 1) -> tuple[Anchor, ...]:
    """Anchors for text copied verbatim from consecutive lines of a file."""
    anchors = [(0, first_line, first_column)]
    for offset, char in enumerate(text):
        if char == "\n":
            anchors.append((offset + 1, anchors[-1][1] + 1, 1))
    return tuple(anchors)
