"""Inline suppression comments: `glosscheck: ignore[T101,term-missing]`."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["MARKUP_COMMENT", "codes_in", "markup_suppressions"]

_DIRECTIVE = re.compile(r"glosscheck:\s*ignore\[([^\]]*)\]")
# A line holding nothing but `<!-- glosscheck: ignore[...] -->` (maybe inside a quote).
MARKUP_COMMENT = re.compile(r"[\s>]*<!--\s*glosscheck:\s*ignore\[([^\]]*)\]\s*-->\s*")
_RULE_CODE = re.compile(r"[A-Za-z]+[0-9]+")


def codes_in(comment: str) -> frozenset[str]:
    """Rule codes (upper-cased) and rule names (lower-cased) named in `comment`."""
    names: set[str] = set()
    for match in _DIRECTIVE.finditer(comment):
        names.update(_normalise(item) for item in match.group(1).split(",") if item.strip())
    return frozenset(names)


def markup_suppressions(lines: Sequence[str]) -> dict[int, frozenset[str]]:
    """{line number: codes} for the line after each `<!-- glosscheck: ignore[…] -->` line."""
    found: dict[int, frozenset[str]] = {}
    for number, line in enumerate(lines, start=1):
        match = MARKUP_COMMENT.fullmatch(line)
        if match:
            found[number + 1] = codes_in(line)
    return found


def _normalise(item: str) -> str:
    item = item.strip()
    return item.upper() if _RULE_CODE.fullmatch(item) else item.lower()
