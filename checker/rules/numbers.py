"""Numbers: F103."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.finding import Finding, Severity
from checker.numerals import Number, find_numbers, format_value
from checker.rules.base import Rule, Scan, register
from glossary.text import blank_out, protected_spans

# Not prose: numbers in code, URLs, addresses, tags, placeholders and identifiers
# are other rules' business (file paths are read: 3.2TB/s looks like one).
_HIDDEN = frozenset({"code", "url", "email", "tag", "placeholder", "identifier"})
_NUMERIC = re.compile("[0-9０-９〇零一二两三四五六七八九十百千万亿]")
_DIGIT = re.compile(r"\d")  # what the numeral reader reads as digits: any script's


@register
class NumberMismatch(Rule):
    """Numbers differ between source and target, after normalising numerals and units.

    Chinese numerals and units, English number and scale words, full-width
    digits, thousands separators and percentages are normalised first (三 =
    three = 3, 1.5万 = 15,000, 3.5亿 = 350 million, 百分之五十 = 50%). A value
    need only occur on both sides, however often. Names with digits (Qwen3,
    GPT-4, H20), words such as 一些 or 百度, and numbers in code, URLs and
    placeholders are not compared. Numbers in words or Chinese characters,
    ordinals and month numbers are reported only beside another difference:
    translations drop or rephrase them ("一个模型" → "a model").

    Okay: 融资 3.5亿美元，估值 20亿美元。 → It raised 350 million dollars at a 2 billion valuation.
    F103: 融资 3.5亿美元，估值 20亿美元。 → It raised 530 million dollars at a 2 billion valuation.
    """

    code = "F103"
    name = "number-mismatch"
    severity = Severity.WARNING

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.translated:
            return
        s = scan.segment
        # Without a counterpart only a number in digits is reported (see _differences):
        # when one side has none, the other is read only if it has a digit. English
        # is read first, as it holds a number more rarely than Chinese (一个, 统一).
        sides = [(s.source, s.source_lang), (s.target, s.target_lang)]
        first, second = sides if s.source_lang == "en" else sides[::-1]
        numbers = _numbers(scan, *first)
        if not numbers and not _DIGIT.search(second[0]):
            return
        other = _numbers(scan, *second)
        source, target = (numbers, other) if first is sides[0] else (other, numbers)
        missing, extra = _differences(source, target)
        if not missing and not extra:
            return
        parts = []
        if missing:
            parts.append(f"{_listed(missing)} in the source, not in the translation")
        if extra:
            parts.append(f"{_listed(extra)} in the translation, not in the source")
        span = (extra[0].start, extra[0].end) if extra else None
        detail = " ".join(n.value for n in missing) + "|" + " ".join(n.value for n in extra)
        yield self.finding(s, span, "numbers differ: " + "; ".join(parts), detail=detail)


def _numbers(scan: Scan, text: str, lang: str) -> list[Number]:
    """The numbers of `text`, where it is prose and not a glossary name (零一万物, GPT-4)."""
    hidden = [(s.start, s.end) for s in protected_spans(text) if s.kind in _HIDDEN]
    if _NUMERIC.search(text):  # English number words are in no glossary name
        names = scan.glossary.index(lang).find_all(text, any_case=True, chinese_words=False)
        hidden += [(m.start, m.end) for m in names if _NUMERIC.search(m.text)]
    return find_numbers(blank_out(text, hidden), lang)


def _differences(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """(missing, extra) values, one number each, that are worth reporting.

    A value that occurs on both sides matches, however often. A soft value
    (words, Chinese characters) or a weak one (五 of 五星) that has no match is
    reported only if the other side has an unmatched value too: then it may be
    the one that changed (two boxes → 三选框).
    """
    missing = _unmatched(source, {n.value for n in target})
    extra = _unmatched(target, {n.value for n in source})
    return (
        [n for n in missing if not _soft(source, n.value) or extra],
        [n for n in extra if not _soft(target, n.value) or missing],
    )


def _unmatched(numbers: list[Number], other: set[str]) -> list[Number]:
    first: dict[str, Number] = {}
    for number in numbers:
        if number.value not in other:
            first.setdefault(number.value, number)
    return list(first.values())


def _soft(numbers: list[Number], value: str) -> bool:
    return all(n.soft for n in numbers if n.value == value)  # a weak number is soft too


def _listed(numbers: list[Number]) -> str:
    return ", ".join(format_value(n) for n in numbers)
