"""Anchors for escaped text."""

from __future__ import annotations

import re

from checker.readers.anchors import compact, unescape_with_anchors

BACKSLASH_ESCAPE = re.compile(r"\\(.)")


def test_each_escape_gets_an_anchor_after_it() -> None:
    text, anchors = unescape_with_anchors(
        r"a\"b\\c", BACKSLASH_ESCAPE, lambda match: match.group(1), 10, 3, 5
    )
    assert text == 'a"b\\c'
    assert anchors == [(10, 3, 5), (12, 3, 8), (14, 3, 11)]


def test_compact_keeps_the_last_anchor_per_offset_and_drops_implied_ones() -> None:
    anchors = [(0, 1, 9), (0, 2, 2), (3, 2, 5), (5, 2, 8)]
    assert compact(anchors) == ((0, 2, 2), (5, 2, 8))
