"""Aligning the blocks of two documents by length and anchors, in the Gale–Church manner.

A translation sometimes merges two paragraphs, splits one, or drops or adds
one. Pairing blocks strictly in order would then pair every later block
wrongly, so the blocks are aligned by dynamic programming over "beads":
1-1, 1-0, 0-1, 2-1 and 1-2 blocks. A bead's cost is

- the prior of its shape (Gale & Church 1993: 1-1 is by far the most common,
  merges and splits rarer, deletions rarest), as −log probability;
- how far the two sides' lengths part, Gale–Church's δ: lengths are counted
  in "English letters", a Han character weighing 3 (Chinese text is about a
  third as long in characters as its English translation);
- anchors: numbers, placeholders, inline code and Latin-script names kept as
  they are (do-not-translate names; a reader has no glossary, and any name
  kept verbatim serves) lower the cost when both sides share them and raise
  it when they do not;
- a small cost when a 1-1 bead pairs blocks of different kinds.

The search is restricted to a band around the diagonal, wide enough for the
difference in block counts, so its time grows with n·band, not n².
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from checker.readers.blocks import Block
from glossary.text import is_han, protected_spans

__all__ = ["Bead", "align"]

# −log of Gale & Church's bead priors (1-1 .89, 1-0/0-1 .0099, 2-1/1-2 .089).
_SHAPES: dict[tuple[int, int], float] = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099),
    (0, 1): -math.log(0.0099),
    (2, 1): -math.log(0.089),
    (1, 2): -math.log(0.089),
}
_HAN_WEIGHT = 3  # one Han character ≈ three English letters
_VARIANCE = 6.8  # Gale & Church's s², variance of the length difference per unit
_KIND_COST = 1.0
_ANCHOR_WEIGHT = 2.0
_MIN_BAND = 10
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._+-][A-Za-z0-9]+)*")
_ANCHOR_KINDS = frozenset({"code", "placeholder", "url"})


@dataclass(frozen=True)
class Bead:
    """Indices of the source and target blocks aligned together (0, 1 or 2 on each side)."""

    sources: tuple[int, ...]
    targets: tuple[int, ...]

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.sources), len(self.targets)


class _Side:
    """One document's blocks with their lengths and anchors computed once."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = blocks
        self.lengths = [_length(block.prose) for block in blocks]
        self.anchors = [_anchors(block) for block in blocks]

    def length(self, start: int, count: int) -> int:
        return sum(self.lengths[start : start + count])

    def anchor_set(self, start: int, count: int) -> frozenset[str]:
        return frozenset().union(*self.anchors[start : start + count])


def align(sources: Sequence[Block], targets: Sequence[Block]) -> list[Bead]:
    """The cheapest sequence of beads covering both documents in order."""
    if len(sources) == len(targets) and all(
        s.kind == t.kind for s, t in zip(sources, targets, strict=True)
    ):
        return [Bead((i,), (i,)) for i in range(len(sources))]  # the usual case: in step
    return _Aligner(_Side(sources), _Side(targets)).beads


class _Aligner:
    """The dynamic programme: cost[i][j] aligns the first i source and j target blocks."""

    def __init__(self, source: _Side, target: _Side) -> None:
        self.source, self.target = source, target
        self.rows, self.columns = len(source.blocks), len(target.blocks)
        self.band = max(_MIN_BAND, abs(self.rows - self.columns) + _MIN_BAND)

    def _in_band(self, i: int, j: int) -> bool:
        expected = i * self.columns / self.rows if self.rows else 0
        return abs(j - expected) <= self.band

    @cached_property
    def beads(self) -> list[Bead]:
        cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
        back: dict[tuple[int, int], tuple[int, int]] = {}
        for i in range(self.rows + 1):
            for j in range(self.columns + 1):
                if (i, j) != (0, 0) and (self._in_band(i, j) or (i, j) == self._end):
                    self._relax(i, j, cost, back)
        return self._trace(back)

    @property
    def _end(self) -> tuple[int, int]:
        return self.rows, self.columns

    def _relax(
        self,
        i: int,
        j: int,
        cost: dict[tuple[int, int], float],
        back: dict[tuple[int, int], tuple[int, int]],
    ) -> None:
        best = math.inf
        for di, dj in _SHAPES:
            previous = cost.get((i - di, j - dj))
            if previous is None:
                continue
            total = previous + self._bead_cost(i - di, di, j - dj, dj)
            if total < best:
                best, back[(i, j)] = total, (di, dj)
        if best < math.inf:
            cost[(i, j)] = best

    def _bead_cost(self, i: int, di: int, j: int, dj: int) -> float:
        cost = _SHAPES[(di, dj)]
        if di and dj:
            cost += _length_cost(self.source.length(i, di), self.target.length(j, dj))
            cost += _anchor_cost(self.source.anchor_set(i, di), self.target.anchor_set(j, dj))
        if (di, dj) == (1, 1) and self.source.blocks[i].kind != self.target.blocks[j].kind:
            cost += _KIND_COST
        return cost

    def _trace(self, back: dict[tuple[int, int], tuple[int, int]]) -> list[Bead]:
        beads = []
        i, j = self._end
        while (i, j) != (0, 0):
            di, dj = back[(i, j)]
            beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
            i, j = i - di, j - dj
        return beads[::-1]


def _length(text: str) -> int:
    """Length in English letters: letters and digits count 1, Han characters 3."""
    return sum(_HAN_WEIGHT if is_han(char) else 1 for char in text if char.isalnum())


def _length_cost(source: int, target: int) -> float:
    """−log of how likely so large a length difference is (Gale–Church's two-tailed δ)."""
    mean = (source + target) / 2
    if mean == 0:
        return 0.0
    delta = abs(target - source) / math.sqrt(_VARIANCE * mean)
    probability = math.erfc(delta / math.sqrt(2))
    return -math.log(max(probability, 1e-12))


def _anchors(block: Block) -> frozenset[str]:
    """Numbers, placeholders, inline code, URLs and Latin-script names of a block."""
    text = block.text
    found = {
        text[span.start : span.end] for span in protected_spans(text) if span.kind in _ANCHOR_KINDS
    }
    found.update(number.replace(",", "") for number in _NUMBER.findall(text))
    # Latin words: in Chinese prose these are names kept verbatim; in English
    # prose every word, among which those names must reappear.
    found.update(_NAME.findall(block.prose))
    return frozenset(found)


def _anchor_cost(source: frozenset[str], target: frozenset[str]) -> float:
    """Shared anchors make a bead likelier; anchors of one side missing from the other less.

    Measured against the smaller set: an English block holds many capitalised
    words, a Chinese one only the names it kept, and those are what must match.
    """
    smaller = min(len(source), len(target))
    if smaller == 0:
        return 0.0
    overlap = len(source & target) / smaller
    return _ANCHOR_WEIGHT * (1 - 2 * overlap)
