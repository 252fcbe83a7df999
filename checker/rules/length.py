"""Length rules: L101 (a translation improbably short or long for its source)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from checker.finding import Finding, Severity
from checker.rules.base import Rule, RuleContext, Scan, register
from glossary.errors import GlosscheckError
from glossary.text import HAN_RUN, mask, protected_spans

# One Han character carries about as much as three English letters: the
# median of (English letters − Latin letters kept in the Chinese) / Han
# characters is 2.9 over Django's catalogs, 3.5 over the sample articles and
# 2.7 over 14,000 entries of GNU and Debian zh_CN/zh_TW catalogs.
HAN_WEIGHT = 3.0
_NOT_TEXT = frozenset({"placeholder", "url", "email", "tag"})
_LETTERS = re.compile(r"[^\W_]+")  # \w is what str.isalnum accepts, and "_"


def text_length(text: str) -> float:
    """The length of `text` in English-letter units, comparable across Chinese and English.

    Letters and digits count one, Han characters HAN_WEIGHT; spaces,
    punctuation, URLs, tags and placeholders count nothing, since a
    translation keeps them as they are.
    """
    # Code, paths and identifiers count: a translation copies them (same count
    # on both sides) or translates them (--time-style=时间风格); and `quoted'
    # text of GNU catalogs looks like code.
    prose = mask(text, [span for span in protected_spans(text) if span.kind in _NOT_TEXT])
    han = sum(map(len, HAN_RUN.findall(prose)))
    # Letters and digits once Han text is out: no second pattern with the Han class,
    # which costs milliseconds to compile (see glossary.text.HAN_RUN).
    other = sum(map(len, _LETTERS.findall(HAN_RUN.sub("", prose) if han else prose)))
    return HAN_WEIGHT * han + other


@register
class LengthRatio(Rule):
    """The translation is improbably short or long for its source.

    Lengths are compared in English-letter units (a Han character counts
    as three letters; placeholders, tags, URLs and punctuation not at all),
    and only for sources of at least `min_length` units (default 20), where
    the ratio means something. Correct translations fall between 0.42 and 1.67
    times their source in Django's catalogs and the sample articles, and
    between 0.41 and 2.65 in 17,000 entries of GNU and Debian catalogs; the
    defaults flag below `min_ratio` 0.33 and above `max_ratio` 3: a
    truncated sentence, a paragraph that lost or gained most of its content,
    or blocks paired out of step.

    Okay: 通义实验室发布了新模型，并公开了权重。 → Tongyi Lab released a model and its weights.
    L101: 通义实验室发布了新模型，并公开了权重。 → Tongyi Lab.
    """

    code = "L101"
    name = "length-ratio"
    severity = Severity.INFO
    option_defaults: ClassVar[Mapping[str, object]] = {
        "min_ratio": 0.33,
        "max_ratio": 3.0,
        "min_length": 20,
    }

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self.min_ratio = self._number("min_ratio")
        self.max_ratio = self._number("max_ratio")
        self.min_length = self._number("min_length")
        if not 0 <= self.min_ratio < self.max_ratio:
            raise GlosscheckError(f"{self.code}: min_ratio must be below max_ratio, both ≥ 0")

    def _number(self, name: str) -> float:
        value = self.option(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise GlosscheckError(f"{self.code}: option {name} must be a number, not {value!r}")
        return float(value)

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if not scan.translated:
            return
        source = text_length(s.source)
        if source < self.min_length:
            return
        ratio = text_length(s.target) / source
        if self.min_ratio <= ratio <= self.max_ratio:
            return
        size = "short" if ratio < self.min_ratio else "long"
        yield self.finding(
            s,
            None,
            f"the translation is unusually {size} for its source: {ratio:.2f} times its length "
            f"(expected {self.min_ratio:g}–{self.max_ratio:g})",
            detail=size,
        )
