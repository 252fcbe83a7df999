"""Small, independent text helpers for planting faults: placeholders, code spans,
numbers and glossary terms.

They are written here rather than borrowed from `checker`, so that a blind spot
of the checker (a placeholder syntax it misses, a term it does not match) shows
as a miss in the evaluation instead of quietly shrinking what gets planted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from glossary.model import Concept, Form, Glossary
from glossary.text import HAN_CLASS

HAN = re.compile(f"[{HAN_CLASS}]")
PRINTF_FLAGS = frozenset({"python-format", "c-format", "javascript-format"})

_PRINTF = re.compile(
    r"%%|%(?:\d+\$)?(?:\((?P<name>[A-Za-z_][\w.]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?"
    r"[sdiouxXeEfFgGcr]"
)
_NAMED_PRINTF = re.compile(r"%\((?P<name>[A-Za-z_][\w.]*)\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgG]")
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<name>[A-Za-z_]\w*|\d*)(?:![rsa])?(?::[^{}]*)?\}")
# Not prose: tags, inline code, URLs, Markdown link destinations, template tags.
_CODE = re.compile(
    r"<[^<>\n]+>|`[^`\n]+`|https?://[^\s<>\"“”）)]+|\]\([^)\s]*\)|\{\{[^{}]*\}\}|\{%[^{}]*%\}"
)


def placeholders(text: str, flags: frozenset[str]) -> list[re.Match[str]]:
    """The format placeholders of `text`, by the syntax its gettext flags declare.

    Without a flag only named printf placeholders (`%(name)s`) count: they cannot be prose.
    """
    if "python-brace-format" in flags:
        found = _BRACE.finditer(text)
    elif flags & PRINTF_FLAGS:
        found = _PRINTF.finditer(text)
    else:
        found = _NAMED_PRINTF.finditer(text)
    return [m for m in found if m.group() not in ("%%", "{{", "}}")]


def named(text: str, flags: frozenset[str]) -> list[re.Match[str]]:
    """Placeholders bound by name (`%(name)s`, `{name}`), which may move freely."""
    return [
        m for m in placeholders(text, flags) if m.group("name") and not m.group("name").isdigit()
    ]


def masked(text: str, flags: frozenset[str], *, keep_placeholders: bool = False) -> str:
    """`text` with placeholders and code blanked out, same length: what is prose."""
    chars = list(text)
    spans = [m.span() for m in _CODE.finditer(text)]
    if not keep_placeholders:
        spans += [m.span() for m in placeholders(text, flags)]
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


# --- numbers ---------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"
_CN_VALUES = {**{c: i for i, c in enumerate(_DIGITS)}, "〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
# Scale words on their own (百万 = million), as Django's humanize catalog writes them.
SCALES_ZH = {
    10**5: "十万",
    10**6: "百万",
    10**7: "千万",
    10**8: "亿",
    10**9: "十亿",
    10**10: "百亿",
    10**11: "千亿",
    10**12: "万亿",
    10**13: "十万亿",
}
# fmt: off
WORDS_EN = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]
# fmt: on
SCALES_EN = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
SCALES_EN["trillion"] = 10**12

_ARABIC = re.compile(r"(?<![A-Za-z0-9_.,:/-])\d+(?:[.,]\d+)*(?![A-Za-z0-9_-]|[.,:]\d)")
# Chinese numerals, except where they are words (一些, 一下, 统一, 唯一), ordinals
# (第三), weekdays (星期一) or the article-like 一个.
_CHINESE = re.compile(
    r"(?<![第周统唯期拜零〇一二两三四五六七八九十百千万亿])[零〇一二两三四五六七八九十百千万亿]++"
    r"(?![些下起样般致旦直切律同定个])"
)
_WORD = re.compile(r"\b(?:" + "|".join(WORDS_EN + list(SCALES_EN)) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int
    kind: str  # "arabic", "chinese" or "word"


def numbers(text: str, lang: str, flags: frozenset[str]) -> list[Number]:
    """Integers written in the prose of `text`: Arabic digits, Chinese numerals or English words."""
    prose = masked(text, flags)
    found = [
        Number(m.start(), m.end(), int(m.group()), "arabic")
        for m in _ARABIC.finditer(prose)
        if m.group().isdigit()
    ]
    if lang == "zh":
        for m in _CHINESE.finditer(prose):
            value = parse_chinese(m.group())
            if value is not None:
                found.append(Number(m.start(), m.end(), value, "chinese"))
    else:
        for m in _WORD.finditer(prose):
            word = m.group().lower()
            value = SCALES_EN.get(word, WORDS_EN.index(word) if word in WORDS_EN else 0)
            found.append(Number(m.start(), m.end(), value, "word"))
    return found


def parse_chinese(numeral: str) -> int | None:
    """三 = 3, 二十三 = 23, 一百五十 = 150, 百万 = 1,000,000, 万亿 = 10^12; None if not a number."""
    total, section, digit = 0, 0, None
    for char in numeral:
        if char in _CN_VALUES:
            if digit is not None:
                return None  # 一二: digits in a row are not a number we write
            digit = _CN_VALUES[char]
        elif char in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:
            total = ((total + section + (digit or 0)) or 1) * _CN_BIG[char]
            section, digit = 0, None
    return total + section + (digit or 0)


def to_chinese(value: int) -> str:
    """The Chinese numeral for 0 ≤ value < 10^8, as written: 12 = 十二, 105 = 一百零五."""
    if value < 10:
        return _DIGITS[value]
    if value < 20:
        return "十" + (_DIGITS[value - 10] if value > 10 else "")
    if value >= 10**4:
        high, low = divmod(value, 10**4)
        rest = "" if not low else ("零" if low < 1000 else "") + _below_10000(low)
        return _below_10000(high) + "万" + rest
    return _below_10000(value)


def _below_10000(value: int) -> str:
    text, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit:
            text += ("零" if zero and text else "") + _DIGITS[digit] + name
            zero = False
        else:
            zero = True
    return text


def to_english(value: int) -> str:
    return WORDS_EN[value]


# --- glossary terms --------------------------------------------------------------------

_EDGE = "A-Za-z0-9_-"


@dataclass(frozen=True)
class Hit:
    """A glossary form found in a text; `suffix` is an English ending after it (s, ed, ing)."""

    concept: Concept
    form: Form
    start: int
    end: int
    text: str
    suffix: str


class Terms:
    """The glossary's forms found by plain matching: English on word boundaries with
    regular endings, Chinese as substrings, the longest form first where they overlap."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._entries: dict[str, dict[str, list[tuple[Concept, Form]]]] = {}
        self._patterns: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}
        for lang in ("en", "zh"):
            entries: dict[str, list[tuple[Concept, Form]]] = {}
            for concept in glossary:
                for form in concept.forms_in(lang):
                    if form.text:
                        entries.setdefault(form.text.casefold(), []).append((concept, form))
            self._entries[lang] = entries
            latin = sorted((t for t in entries if not has_han(t)), key=len, reverse=True)
            han = sorted((t for t in entries if has_han(t)), key=len, reverse=True)
            ending = "(?P<suffix>s|es|d|ed|ing)?" if lang == "en" else "(?P<suffix>s)?"
            self._patterns[lang] = (
                _alternation(latin, f"(?<![{_EDGE}])(?P<base>", f"){ending}(?![{_EDGE}])"),
                _alternation(han, "(?P<base>", ")(?P<suffix>)"),
            )

    def find(self, text: str, lang: str) -> tuple[Hit, ...]:
        """Allowed and forbidden forms in `text`; forms of case-sensitive concepts in their case."""
        return _find(self, text, lang)

    def _hits(self, text: str, lang: str) -> Iterator[Hit]:
        for pattern in self._patterns[lang]:
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                base = m.group("base")
                for concept, form in self._entries[lang][base.casefold()][:1]:
                    if concept.case_sensitive and base != form.text:
                        continue
                    yield Hit(concept, form, m.start(), m.end(), m.group(), m.group("suffix") or "")


@lru_cache(maxsize=20_000)
def _find(terms: Terms, text: str, lang: str) -> tuple[Hit, ...]:
    chosen: list[Hit] = []
    for hit in sorted(terms._hits(text, lang), key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return tuple(sorted(chosen, key=lambda h: h.start))


def _alternation(forms: list[str], before: str, after: str) -> re.Pattern[str] | None:
    if not forms:
        return None
    return re.compile(before + "|".join(re.escape(f) for f in forms) + after, re.IGNORECASE)
