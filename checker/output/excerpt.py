"""A finding's source and target as one terminal line each, with its span under carets.

Chinese characters take two terminal columns, so carets are placed by display
width (East Asian Width W/F → 2), never by character count. Long texts are cut
around the span with "…" so the marked part stays in view.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from checker.finding import Finding

__all__ = ["Excerpt", "display_width", "excerpt", "source_span", "target_span"]

ELLIPSIS = "…"
_ZERO_WIDTH = {"Mn", "Me", "Cf"}  # combining marks and invisible format characters


def _cell(char: str) -> tuple[str, int]:
    """What to print for one character, and how many terminal columns it takes.

    A newline would break the one-line layout: it is shown as ⏎. Other control
    characters print as a space. Ambiguous-width characters (A) count as one
    column, as in a non-CJK terminal locale.
    """
    if char == "\n":
        return "⏎", 1
    if unicodedata.category(char) == "Cc":
        return " ", 1
    if unicodedata.category(char) in _ZERO_WIDTH:
        return char, 0
    return char, 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    """Terminal columns `text` takes when printed through `excerpt`."""
    return sum(_cell(c)[1] for c in text)


@dataclass(frozen=True)
class Excerpt:
    """A printable line and where its span sits on screen.

    `before`, `marked` and `after` joined are the line (split so a renderer can
    colour the span); `pad` and `width` are the columns before the span and of
    the span, for the caret line.
    """

    before: str
    marked: str
    after: str
    pad: int
    width: int

    @property
    def line(self) -> str:
        return self.before + self.marked + self.after


def _grow_left(widths: list[int], lo: int, room: int) -> tuple[int, int]:
    used = 0
    while lo > 0 and used + widths[lo - 1] <= room:
        lo -= 1
        used += widths[lo]
    return lo, used


def _grow_right(widths: list[int], hi: int, room: int) -> tuple[int, int]:
    used = 0
    while hi < len(widths) and used + widths[hi] <= room:
        used += widths[hi]
        hi += 1
    return hi, used


def _window(widths: list[int], start: int, end: int, limit: int) -> tuple[int, int]:
    """The characters to show: all that fit, the span first, then context on both sides."""
    if sum(widths) <= limit:
        return 0, len(widths)
    budget = limit - 2 * display_width(ELLIPSIS)
    end, used = _grow_right(widths[:end], start, budget)  # a span wider than the budget is cut
    room = budget - used
    lo, left = _grow_left(widths, start, room // 2)
    hi, right = _grow_right(widths, end, room - left)
    lo, _ = _grow_left(widths, lo, room - left - right)
    return lo, hi


def excerpt(text: str, span: tuple[int, int], limit: int = 80) -> Excerpt:
    """`text` cut to about `limit` columns around `span` (code-point offsets into `text`)."""
    cells = [_cell(c) for c in text]
    widths = [w for _, w in cells]
    start, end = max(0, min(span[0], len(text))), max(0, min(span[1], len(text)))
    lo, hi = _window(widths, start, max(start, end), limit)
    end = min(max(start, end), hi)

    def shown(a: int, b: int) -> str:
        return "".join(s for s, _ in cells[a:b])

    before = (ELLIPSIS if lo > 0 else "") + shown(lo, start)
    after = shown(end, hi) + (ELLIPSIS if hi < len(text) else "")
    return Excerpt(before, shown(start, end), after, display_width(before), sum(widths[start:end]))


def _occurrences(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while part and at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _placed_at_finding(finding: Finding) -> bool:
    """The finding's fix replaces exactly the text the finding points at."""
    fix = finding.fix
    here = (finding.line, finding.column, finding.end_line, finding.end_column)
    return fix is not None and (fix.line, fix.column, fix.end_line, fix.end_column) == here


def target_span(finding: Finding) -> tuple[int, int] | None:
    """Offsets of the flagged text in `finding.target`, or None when they cannot be told.

    A finding carries file positions, and a target need not start at column 1
    (a msgstr starts after `msgstr "`, escapes take extra columns), so offsets
    are recovered from what the finding does hold: its fix's offsets when the
    fix is placed where the finding is; the whole target when the finding
    covers it; else the flagged text (term found, or `detail`) in the target,
    the occurrence nearest before the column, since a target's text starts at
    or after column 1 of its line.
    """
    target, width = finding.target, finding.end_column - finding.column
    if finding.fix and _placed_at_finding(finding):
        return finding.fix.start, finding.fix.end
    if finding.line != finding.end_line or width == len(target):
        return 0, len(target)
    for flagged in (finding.term.found if finding.term else None, finding.detail):
        if flagged and len(flagged) == width and (found := _occurrences(target, flagged)):
            before = [at for at in found if at <= finding.column - 1]
            at = before[-1] if before else found[0]
            return at, at + width
    return None


def source_span(finding: Finding) -> tuple[int, int] | None:
    """Where the finding's glossary term stands in the source, if it has one there."""
    if not finding.term or not finding.term.source:
        return None
    term, source = finding.term.source, finding.source
    at = source.find(term)
    if at < 0 and len(source.lower()) == len(source):  # English terms match in any case
        at = source.lower().find(term.lower())
    return (at, at + len(term)) if at >= 0 else None
