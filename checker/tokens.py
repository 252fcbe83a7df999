"""Comparable pieces of a text (placeholders, tags, URLs) and their multiset difference."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple


class Token(NamedTuple):
    """One piece of a text at [start, end); tokens with equal `key` are the same item.

    `text` is what a person sees in a message; `key` is what is compared (a
    normalised form: `<br/>` and `<br>` share a key, as do `%s` and `%1$s`
    where the other side numbers its placeholders).
    """

    text: str
    start: int
    end: int
    key: str
    kind: str = ""


def unmatched(source: Sequence[Token], target: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """(missing, extra): source tokens the target lacks and target tokens the source lacks.

    Multisets: a placeholder used twice in the source and once in the target
    is missing once. Of several tokens with one key, the later ones are
    unmatched, so a finding points at the copy that is one too many.
    """
    if not source or not target:
        return list(source), list(target)
    missing = _surplus(source, Counter(t.key for t in target))
    extra = _surplus(target, Counter(t.key for t in source))
    return missing, extra


def _surplus(tokens: Sequence[Token], other: Counter[str]) -> list[Token]:
    seen: Counter[str] = Counter()
    surplus = []
    for token in tokens:
        seen[token.key] += 1
        if seen[token.key] > other[token.key]:
            surplus.append(token)
    return surplus
