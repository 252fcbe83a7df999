"""Segment.locate: offsets of the target text to places in its file."""

from __future__ import annotations

from checker.segment import Segment, anchors_for_lines


def naive(segment: Segment, offset: int) -> tuple[int, int]:
    anchors = segment.anchors or ((0, segment.line, 1),)
    before = [a for a in anchors if a[0] <= offset] or [anchors[0]]
    start, line, column = before[-1]
    return line, column + max(offset - start, 0)


def test_locate_finds_the_last_anchor_at_or_before_an_offset() -> None:
    text = "one\ntwo\n\nthree"
    anchors = (*anchors_for_lines(text, 10, 5), (len(text), 20, 1))
    segment = Segment("", text, "en", "zh", "f.po", 10, anchors)
    for offset in range(len(text) + 2):
        assert segment.locate(offset) == naive(segment, offset)
    single = Segment("", text, "en", "zh", "f.po", 7)
    assert [single.locate(i) for i in range(3)] == [(7, 1), (7, 2), (7, 3)]
