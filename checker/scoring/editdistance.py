"""The weighted word edit distance behind 1-TERm.

TERm (Alam et al., 2021) is TER with edits on term words costing more, so
that a translation that gets its terms wrong loses more than one that gets
an ordinary word wrong. Here a reference token carries a weight (2 for a
token of a term, 1 otherwise): inserting it into the hypothesis or
substituting a hypothesis token by it costs its weight; deleting a surplus
hypothesis token costs 1; an equal token costs nothing. Unlike TER there are
no block shifts: a moved phrase costs its deletions and insertions.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["weighted_edits"]


def weighted_edits(hyp: Sequence[str], ref: Sequence[str], weights: Sequence[int]) -> int:
    """The least total cost of edits that turn `hyp` into `ref` (see the module docstring).

    A common prefix and suffix are matched first when that is safe: always
    when every weight is equal, else only over tokens of the highest weight
    (matching a cheap token early could force a dearer one to be inserted).
    """
    heavy = max(weights, default=1)
    uniform = min(weights, default=1) == heavy
    start = 0
    limit = min(len(hyp), len(ref))
    while start < limit and hyp[start] == ref[start] and (uniform or weights[start] == heavy):
        start += 1
    end_h, end_r = len(hyp), len(ref)
    while (
        end_h > start
        and end_r > start
        and hyp[end_h - 1] == ref[end_r - 1]
        and (uniform or weights[end_r - 1] == heavy)
    ):
        end_h -= 1
        end_r -= 1
    return _table(hyp[start:end_h], ref[start:end_r], weights[start:end_r])


def _table(hyp: Sequence[str], ref: Sequence[str], weights: Sequence[int]) -> int:
    """Plain dynamic programming over the untrimmed middle, one row per hypothesis token."""
    previous = [0]
    for weight in weights:
        previous.append(previous[-1] + weight)  # insert every reference token
    for i, token in enumerate(hyp, start=1):
        current = [i]  # delete the first i hypothesis tokens
        left = i
        for j, ref_token in enumerate(ref):
            weight = weights[j]
            diagonal = previous[j] + (0 if token == ref_token else weight)
            left = min(diagonal, previous[j + 1] + 1, left + weight)
            current.append(left)
        previous = current
    return previous[-1]
