"""Numbers in Chinese and English text, normalised so that a translation's can be compared.

3 = 三 = three, 1.5万 = 15,000 = 15 thousand, 3.5亿 = 350 million, 3.8千亿 = 380
billion, 百分之五十 = 50% = 50 percent, １２３ = 123, 1,200 = 1200, 2.0 = 2,
百万 = million, 1000的5次方 = quadrillion.

What counts as a number (the heuristics; each keeps a word or a name from
being read as a quantity):

- Digits glued to Latin letters before them are part of a name (Qwen3, H20,
  FP8, v2.0, GPT-4, QH-100, Qwen2.5-72B) and are ignored on both sides.
  Digits with letters after them count when the letters are a unit (96GB,
  7nm, 3.2TB/s, 1.6x), a scale (70B = 70 billion, 256K, 36T, $2bn) or an
  ordinal (21st); other suffixes (3D, 2FA, 5G, 1990s) make a name.
- Digits with two dots or more (5.2.19, 192.168.0.1) are compared as text.
  A `00` after a colon (3:00) is not a number of its own.
- Chinese numerals in characters count as a run that works as a number:
  runs with a place unit (二十, 三千五百万, 百万) or of three digits or more
  (二〇二六) always; a lone character (一, 三, 两, 十) before a measure word or
  unit (三个, 两种, 十分钟, 三大) or standing alone. Before another word (五星
  "five-star", 三星 Samsung) it is *weak*: it may match the other side's 5 but
  is reported only beside another difference. Not numbers at all: weekdays
  (周三, 星期一), fractions (三分之一), vague quantities (数百, 几十, 上千, 十几,
  三四 "three or four"), discounts (八折) and words such as 一些, 一样, 统一,
  唯一, 万一, 一起, 十分 "very", 千万 "by all means" (before 不, 别, 要, 记…),
  百度, 一点 "a bit". `chinese_numeral` reads the characters.
- Percentages: 50%, 50 %, ５０％, 50 percent, 百分之五十, 千分之五 (0.5%), 三成 (30%).
- English number words zero … nineteen, twenty … ninety, hundred, dozen,
  twice, thousand … decillion, googol, and their combinations ("three
  hundred and five", "a million"), so 三个模型 → "three models" matches.
  Ordinal words (first, third) are not numbers: "first" renders 首 as often as 第一.
- *Soft* numbers: written in words or Chinese characters, ordinals (第 3,
  21st) and month numbers (3月 is "March"). Translations drop or rephrase
  them ("一个模型" → "a model", "两者" → "both"), so a rule reports them only
  next to other differences (see F103).

Offsets are code points of the text as given; full-width digits are read
in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from glossary.text import has_han

__all__ = ["Number", "chinese_numeral", "find_numbers", "format_value"]


@dataclass(frozen=True)
class Number:
    """A number in a text: where it is, as written, and its normalised value.

    `value` is a canonical string: digits without separators ("350000000",
    "1.5"), a trailing "%" for percentages, or the text itself for
    version-like strings ("5.2.19"). Equal values are the same number.
    """

    text: str
    start: int
    end: int
    value: str
    soft: bool = False  # may be dropped or rephrased in a translation
    weak: bool = False  # may be a number (五星 "five-star") or part of a word; always soft


_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_CN_DIGITS = "〇零一二两三四五六七八九"
_CN_NUMERALS = _CN_DIGITS + "十百千万亿"
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_CN_DIGIT_VALUES = dict(zip(_CN_DIGITS, (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_RUN = f"[{_CN_NUMERALS}](?:[{_CN_NUMERALS}]|点(?=[{_CN_DIGITS}]))*"
_DECIMAL = r"\d+(?:\.\d+)?"

_compiled = cache(re.compile)
_ARABIC = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CN_RUN_RE = re.compile(_CN_RUN)
# Compiled on first use, for a text that has 分之 / 第: each costs half a millisecond to
# compile (their numeral classes span the whole Basic Multilingual Plane).
_PERCENT_ZH = f"([百千])分之\\s?({_DECIMAL}|{_CN_RUN})"
_NOT_A_NUMBER_ZH = re.compile(
    "|".join(
        (
            "(?:星期|礼拜|周)[一二三四五六日天]",  # weekday
            f"(?:{_DECIMAL}|{_CN_RUN})分之(?:{_DECIMAL}|{_CN_RUN})",  # fraction
            f"[数几上成好]{_CN_RUN}|{_CN_RUN}几",  # vague: 数百, 上千, 十几
            f"(?<![{_CN_NUMERALS}])(?:十分(?!钟|之)|一点(?![{_CN_DIGITS}])|一度|一部分"
            f"|一成不变|一五一十|万一|千万(?=[不别要记注小莫勿])|万万|一一|百度|一些|一样|一起"
            f"|一直|一般|一定|一切|一旦"
            f"|一致|统一|唯一|同一|单一|进一步)(?![{_CN_NUMERALS}])",
        )
    )
)
_ORDINAL_ZH = f"第\\s?({_DECIMAL}|{_CN_RUN})"
_CN_UNIT_AFTER = re.compile("\\s?([百千万亿]+)")
_CN_MORE = re.compile(f"({_DECIMAL})([十百千万亿]+)")
# Measure words and units that make a lone numeral a number (三个, 两种, 十分钟, 三大).
_MEASURE_WORDS = (
    "个 位 名 人 种 类 项 次 回 遍 条 张 台 部 本 家 款 件 只 份 篇 句 段 行 列 页 层 级 步 轮 场 "
    "组 批 套 支 枚 颗 块 片 根 道 座 间 辆 架 匹 字 节 章 岁 年 月 日 天 周 号 点 分 秒 刻 倍 成 "
    "元 角 米 克 吨 度 核 卡 大 小时 分钟 星期 季度 英寸 美元 公里 千克 毫秒"
)
_MEASURES = tuple(_MEASURE_WORDS.split())
_NOT_PERCENT_CHENG = "员本果功为立长熟"  # 成员, 成本…: 成 starts a word, not "tenths"

_SUFFIX = re.compile(r"[A-Za-z]+")
_SCALE_SUFFIXES = {
    "k": 10**3,
    "K": 10**3,
    "M": 10**6,
    "mn": 10**6,
    "B": 10**9,
    "bn": 10**9,
    "T": 10**12,
    "tn": 10**12,
}
_UNIT_SUFFIXES = (
    "B KB MB GB TB PB EB KiB MiB GiB TiB kb Mb Gb Tb bit bits bps kbps Kbps Mbps Gbps FLOPS "
    "TFLOPS PFLOPS GFLOPS flops TOPS Hz kHz MHz GHz THz W kW MW GW mW V mV A mA mAh Wh kWh "
    "nm um mm cm m km in ft mi mg g kg t lb lbs oz ns us ms s sec secs min mins h hr hrs px "
    "pt em rem dpi fps x X p dB C F"
)
_UNITS = frozenset(_UNIT_SUFFIXES.split())
_MONTH = re.compile(r"\s?月")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_SHORT_SCALE = "thousand million billion trillion quadrillion quintillion sextillion septillion"
_SHORT_SCALE += " octillion nonillion decillion"
_SCALE_WORDS = {w: 1000 ** (i + 1) for i, w in enumerate(_SHORT_SCALE.split())}
_SCALE_WORDS.update(hundred=100, googol=10**100)
_SCALE_AFTER = re.compile(rf"\s+({'|'.join(_SCALE_WORDS)})\b", re.IGNORECASE)
# 1000的5次方 = 1000^5: how Chinese writes the large scales English has words for.
_POWER = re.compile(r"(\d+)\s?(?:的\s?(\d+)\s?次方|\^(\d+))")
_PERCENT_AFTER = re.compile(r"\s?%|\s?(?:percent|per cent)\b", re.IGNORECASE)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_UNIT_WORDS = _SMALL_NUMBERS.split()
_TENS_WORDS = _TENS.split()
_WORD_VALUES = {w: i for i, w in enumerate(_UNIT_WORDS)}
_WORD_VALUES.update({w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS)})
_WORD = re.compile(r"[A-Za-z]+")
# What every number needs: a digit, a Chinese numeral, or an English number word.
_MAY_HOLD_NUMBER_ZH = re.compile("[0-9０-９〇零一二两三四五六七八九十百千万亿]")
_NUMBER_WORDS = [*_WORD_VALUES, *_SCALE_WORDS, "dozen", "twice"]
# Words end where `_WORD` ends them, at any non-ASCII letter: "two" counts in "two万".
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS)
_MAY_HOLD_NUMBER_EN = re.compile("[0-9０-９]")


def _has_number_word(text: str) -> bool:
    # A set of the words, not a pattern of 45 alternatives: that took 20 µs a paragraph.
    return not _NUMBER_WORD_SET.isdisjoint(map(str.lower, _WORD.findall(text)))


def find_numbers(text: str, lang: str) -> list[Number]:
    """The numbers of `text` (language `zh` or `en`), in order of position."""
    if lang == "zh":
        if not _MAY_HOLD_NUMBER_ZH.search(text):
            return []  # most texts: no digit or numeral at all
    elif not _MAY_HOLD_NUMBER_EN.search(text) and not _has_number_word(text):
        return []  # most texts: no digit or number word at all
    scan = _Scan(text)
    if lang == "zh":
        scan.chinese_percentages()
        scan.chinese_ordinals()
        scan.skip(_NOT_A_NUMBER_ZH)
    scan.powers()
    scan.arabic()
    if lang == "zh":
        scan.chinese_runs()
    else:
        scan.english_words()
    return sorted(scan.found, key=lambda n: n.start)


def format_value(number: Number) -> str:
    """The number for a message: as written, with its value when that says more.

    "3.5亿 (= 350,000,000)", "三 (= 3)", but "1,200" and "50%" as they are.
    """
    value = number.value
    digits = value.removesuffix("%")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits) and float(digits) >= 10_000:
        whole, dot, fraction = digits.partition(".")
        significant = whole.rstrip("0")
        if len(whole) > 15 and not fraction:  # 1000的6次方: 1×10^18
            grouped = f"{significant}×10^{len(whole) - len(significant)}"
        else:
            grouped = f"{int(whole):,}{dot}{fraction}"
        value = grouped + value[len(digits) :]
    plain = number.text.translate(_FULLWIDTH).replace(",", "").replace(" ", "")
    return number.text if plain == value.replace(",", "") else f"{number.text} (= {value})"


def _canonical(value: Decimal) -> str:
    return format(value.normalize(), "f")


class _Taken:
    """Offsets already claimed by a number or a skipped token: a byte per offset,
    so asking whether a span is free costs its length, not the count of spans."""

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) == -1

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        self._mask[start:end] = b"\x01" * (end - start)


class _Scan:
    """One pass over a text: numbers found, and spans already read (by a number or a skip)."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text.translate(_FULLWIDTH)  # same length: offsets hold
        self.found: list[Number] = []
        self.taken = _Taken(len(self.text))

    def free(self, start: int, end: int) -> bool:
        return self.taken.free(start, end)

    def add(
        self, start: int, end: int, value: str, *, soft: bool = False, weak: bool = False
    ) -> None:
        self.taken.append((start, end))
        self.found.append(Number(self.original[start:end], start, end, value, soft, weak))

    def skip(self, pattern: re.Pattern[str]) -> None:
        for m in pattern.finditer(self.text):
            if self.free(*m.span()):
                self.taken.append(m.span())

    def chinese_percentages(self) -> None:
        """百分之五十 = 50%, 千分之五 = 0.5%."""
        if "分之" not in self.text:
            return  # most texts
        for m in _compiled(_PERCENT_ZH).finditer(self.text):
            amount = _decimal(m.group(2))
            if amount is None:
                continue
            if m.group(1) == "千":
                amount /= 10
            self.add(*m.span(), _canonical(amount) + "%", soft=not m.group(2)[0].isdigit())

    def chinese_ordinals(self) -> None:
        """第3章 is "Chapter 3", 第三 may be "third": soft, so either may match."""
        if "第" not in self.text:
            return  # most texts
        for m in _compiled(_ORDINAL_ZH).finditer(self.text):
            value = _decimal(m.group(1))
            if value is not None and self.free(*m.span()):
                self.taken.append((m.start(), m.start(1)))
                self.add(*m.span(1), _canonical(value), soft=True)

    def powers(self) -> None:
        """1000的5次方, 10^100."""
        for m in _POWER.finditer(self.text):
            if self.free(*m.span()) and not _in_name(self.text, m.start()):
                power = int(m.group(1)) ** int(m.group(2) or m.group(3))
                self.add(*m.span(), _canonical(Decimal(power)))

    def arabic(self) -> None:
        for m in _ARABIC.finditer(self.text):
            if not self.free(*m.span()):
                continue
            if _in_name(self.text, m.start()):
                self.taken.append(m.span())
                continue
            for start, end in _parts(m):
                if self.free(start, end):
                    self._arabic_number(start, end, last=end == m.end())

    def _arabic_number(self, start: int, end: int, *, last: bool) -> None:
        digits = self.text[start:end].replace(",", "")
        if digits.count(".") > 1:
            self.add(start, end, digits)  # a version or an address: compared as written
            return
        if self.text[start - 1 : start] == ":" and set(digits) == {"0"}:
            self.taken.append((start, end))  # the minutes of 3:00
            return
        value = Decimal(digits)
        if last:
            read = self._decorations(start, end, value)
            if read is None:
                self.taken.append((start, end))
                return
            end, value_text, soft = read
        else:
            value_text, soft = _canonical(value), False
        self.add(start, end, value_text, soft=soft)

    def _decorations(self, start: int, end: int, value: Decimal) -> tuple[int, str, bool] | None:
        """What follows the digits: a unit, a scale, a percent sign; None: not a number."""
        text = self.text
        if m := _SUFFIX.match(text, end):
            suffix = m.group()
            if suffix in _SCALE_SUFFIXES:
                return m.end(), _canonical(value * _SCALE_SUFFIXES[suffix]), False
            if suffix in _ORDINAL_SUFFIXES:  # 21st century = 21 世纪, 3rd = 第三
                return m.end(), _canonical(value), True
            if suffix in _UNITS and not _decade(value, suffix):
                end = m.end()
            else:
                return None  # a name or a code (3D, 2FA, 5G, 1990s)
        end, value = self._scales(end, value)
        if m := _PERCENT_AFTER.match(text, end):
            return m.end(), _canonical(value) + "%", False
        if text.startswith("折", end):
            return None  # 8折: a price in tenths, not a quantity
        month = bool(_MONTH.match(text, end)) and value == value.to_integral() and 1 <= value <= 12
        return end, _canonical(value), month  # 3月 is March: a name in English

    def _scales(self, end: int, value: Decimal) -> tuple[int, Decimal]:
        """1.5万, 3.8千亿, 1亿2000万, 350 million, 3.5 thousand."""
        text = self.text
        if m := _CN_UNIT_AFTER.match(text, end):
            unit = _unit_product(m.group(1))
            end, value = m.end(), value * unit
            while (more := _CN_MORE.match(text, end)) and _unit_product(more.group(2)) < unit:
                unit = _unit_product(more.group(2))
                end, value = more.end(), value + Decimal(more.group(1)) * unit
        while m := _SCALE_AFTER.match(text, end):
            end, value = m.end(), value * _SCALE_WORDS[m.group(1).lower()]
        return end, value

    def chinese_runs(self) -> None:
        for m in _CN_RUN_RE.finditer(self.text):
            reading = self._reading(m) if self.free(*m.span()) else None
            value = _decimal(m.group()) if reading else None
            if value is not None:
                end, value_text = self._tenths(m.end(), value)
                self.add(m.start(), end, value_text, soft=True, weak=reading == "weak")

    def _reading(self, m: re.Match[str]) -> str | None:
        """ "number", "weak" (a lone numeral before a word: 五星, 三星) or None (not one)."""
        run = m.group()
        if run != "十" and all(c in _CN_UNITS for c in run):  # 百万, 十亿; alone 百 is a word's
            increasing = _unit_values(run) == sorted(_unit_values(run))
            return "number" if len(run) > 1 and increasing else None
        if len(run) == 1:  # 三个, 两种; or a numeral of its own: msgid "three" → msgstr "三"
            alone = not (
                has_han(self.text[m.start() - 1 : m.start()]) or has_han(self.text[m.end() :][:1])
            )
            return "number" if alone or self._measure_after(m.end()) else "weak"
        if any(c in _CN_UNITS or c == "点" for c in run):
            return "number"
        return "number" if len(run) > 2 or "〇" in run or "零" in run else None  # 三四: 3 or 4

    def _measure_after(self, end: int) -> bool:
        if self.text[end : end + 1] in ("多", "余", "来"):
            end += 1
        return self.text.startswith(_MEASURES, end)

    def _tenths(self, end: int, value: Decimal) -> tuple[int, str]:
        """三成 = 30%."""
        after = self.text[end + 1 : end + 2]
        if self.text.startswith("成", end) and (not after or after not in _NOT_PERCENT_CHENG):
            return end + 1, _canonical(value * 10) + "%"
        return end, _canonical(value)

    def english_words(self) -> None:
        if not _has_number_word(self.text):
            return  # digits brought the text here: no need to group all its words
        for group in _word_groups(self.text):
            start, end = group[0].start(), group[-1].end()
            if not self.free(start, end):
                continue
            value = _words_value([w.group().lower() for w in group])
            if value is None:
                continue
            value_text = str(value)
            if m := _PERCENT_AFTER.match(self.text, end):
                end, value_text = m.end(), value_text + "%"
            self.add(start, end, value_text, soft=True)


def _decade(value: Decimal, suffix: str) -> bool:
    """1990s, 2020s: a decade, not seconds."""
    return suffix == "s" and 1000 <= value < 10000 and value % 10 == 0


def _in_name(text: str, start: int) -> bool:
    """Digits at `start` belong to a word that starts with a letter: Qwen3, GPT-4, v2.0."""
    i = start
    while i > 0 and text[i - 1] in _NAME_CHARS:
        i -= 1
    return i < start and text[i].isascii() and text[i].isalpha()


def _parts(m: re.Match[str]) -> list[tuple[int, int]]:
    """1,200 is one number; 1,2,3 (a list) is three."""
    if "," not in m.group() or _THOUSANDS.fullmatch(m.group()):
        return [m.span()]
    parts, start = [], m.start()
    for piece in m.group().split(","):
        parts.append((start, start + len(piece)))
        start += len(piece) + 1
    return parts


def _unit_values(units: str) -> list[int]:
    return [_CN_UNITS[u] for u in units]


def _unit_product(units: str) -> int:
    product = 1
    for unit in units:
        product *= _CN_UNITS[unit]
    return product


def _decimal(numeral: str) -> Decimal | None:
    """Digits or Chinese numerals as a Decimal; None for what is not one number."""
    try:
        return Decimal(numeral)
    except InvalidOperation:
        pass
    if all(c in _CN_UNITS for c in numeral):  # 百万, 万亿: units alone multiply
        return Decimal(_unit_product(numeral))
    return chinese_numeral(numeral)


def chinese_numeral(text: str) -> Decimal | None:
    """The value of a numeral in Chinese characters; None if it is not one number.

    三 = 3, 十五 = 15, 一百零五 = 105, 三千五百万 = 35000000, 两万亿 = 2×10^12,
    二〇二六 = 2026 (digits alone read as digits), 一点五 = 1.5, 负三 = -3, and
    the spoken shortenings 一万二 = 12000, 三百四 = 340, 一千五十 = 1050.
    Vague runs have no value: 三四十 (30 or 40), 十二三 (12 or 13).

    It reads what cn2an 0.5.24 reads in its "normal" mode, with the same
    values (exact where cn2an's floats round): it replaced cn2an, whose
    import alone took 0.15 s, too much for a pre-commit hook.
    """
    whole, _, fraction = text.removeprefix("负").partition("点")
    if not whole or any(c not in _CN_DIGIT_VALUES for c in fraction):
        return None
    if not all(c in _CN_DIGIT_VALUES or c in _CN_UNITS for c in whole):
        return None
    if all(c in _CN_DIGIT_VALUES for c in whole):  # 二〇二六
        value = Decimal(_digits(whole))
    elif len(repaired := _repaired(whole)) in _NUMERAL(repaired, 0):
        value = Decimal(_units_value(repaired))
    elif spoken := _with_last_unit(repaired):
        value = Decimal(_units_value(spoken))
    else:
        return None
    if fraction:
        value += Decimal("0." + _digits(fraction))
    return -value if text.startswith("负") else value


def _digits(numeral: str) -> str:
    return "".join(str(_CN_DIGIT_VALUES[c]) for c in numeral)


def _repaired(whole: str) -> str:
    """Shortened forms written out, as cn2an does before it checks the grammar:
    一千零十 → 一千零一十, 一万零五千 → 一万五千, 一万五百 → 一万零五百,
    一千五十 → 一千零五十, 一百十 → 一百一十."""
    text = whole.replace("零十", "零一十").replace("零百", "零一百")
    text = "".join(
        c
        for i, c in enumerate(text)
        if not (c == "零" and text[i - 1 : i] == "万" and _digit_then(text, i + 1, "千"))
    )
    text = "".join(
        c + "零" if c in "万亿" and _digit_then(text, i + 1, "十百") else c
        for i, c in enumerate(text)
    )
    text = "".join(
        c + "零"
        if c == "千" and (text[i + 1 : i + 2] == "十" or _digit_then(text, i + 1, "十"))
        else c
        for i, c in enumerate(text)
    )
    return text.replace("百十", "百一十").replace("零十", "零一十")


def _digit_then(text: str, i: int, units: str) -> bool:
    """A digit at `i`, then one of `units`."""
    return i + 1 < len(text) and text[i] in _CN_DIGIT_VALUES and text[i + 1] in units


def _with_last_unit(numeral: str) -> str | None:
    """一万二 → 一万二千, 三百四 → 三百四十: the unit a spoken numeral leaves out
    after its last digit (the next below the one before it); None if not such a form."""
    lower = {"百": "十", "千": "百", "万": "千"}.get(numeral[-2:-1])
    if len(numeral) < 3 or lower is None or numeral[-1] not in _CN_DIGIT_VALUES:
        return None
    digits = 0
    for c in numeral[:-1]:  # at most two digits before each unit
        digits = digits + 1 if c in _CN_DIGIT_VALUES else 0
        if digits > 2:
            return None
    return numeral + lower


def _units_value(numeral: str) -> int:
    """The value of digits and units, read right to left as cn2an reads them: a
    digit counts at the unit on its right; 万 and 亿 scale the units on their
    left, and each other (万亿 = 10^12); a leading unit counts one (十五 = 15)."""
    total, unit, scale = 0, 1, 1
    for i, c in enumerate(reversed(numeral)):
        if c in _CN_DIGIT_VALUES:
            total += _CN_DIGIT_VALUES[c] * unit
            continue
        unit = _CN_UNITS[c]
        if unit >= 10**4:  # 万, 亿
            if unit > scale:
                scale = unit
            else:
                scale = unit = unit * scale
        if unit < scale:
            unit *= scale
        if i == len(numeral) - 1:
            total += unit
    return total


# The numerals with units that cn2an's grammar accepts (after the repairs above).
# Each parser maps a start offset to the offsets where a match may end.
_Parser = Callable[[str, int], set[int]]


def _chars(chars: str) -> _Parser:
    return lambda text, i: {i + 1} if i < len(text) and text[i] in chars else set()


def _seq(*parts: _Parser) -> _Parser:
    def parse(text: str, i: int) -> set[int]:
        ends = {i}
        for part in parts:
            ends = {end for start in ends for end in part(text, start)}
        return ends

    return parse


def _alt(*parts: _Parser) -> _Parser:
    return lambda text, i: set().union(*(part(text, i) for part in parts))


def _opt(part: _Parser) -> _Parser:
    return _alt(part, _seq())


_D, _ZERO = _chars("一二两三四五六七八九"), _chars("〇零")
_1_99 = _alt(_seq(_opt(_D), _chars("十"), _opt(_D)), _D)  # 五, 十五, 二十, 二十五
_100_999 = _seq(_D, _chars("百"), _opt(_alt(_seq(_ZERO, _D), _seq(_D, _chars("十"), _opt(_D)))))
_1_999 = _alt(_100_999, _1_99)
_1000_9999 = _seq(_D, _chars("千"), _opt(_alt(_seq(_ZERO, _1_99), _100_999)))
_1_9999 = _alt(_1000_9999, _1_999)
_WAN = _seq(_1_9999, _chars("万"), _opt(_alt(_seq(_ZERO, _1_999), _1000_9999)))
_1_99999999 = _alt(_WAN, _1_9999)
_YI = _seq(_1_99999999, _chars("亿"), _opt(_alt(_seq(_ZERO, _1_99999999), _WAN)))
_NUMERAL = _alt(_ZERO, _YI, _1_99999999)


def _word_groups(text: str) -> list[list[re.Match[str]]]:
    """Runs of English number words joined by spaces, hyphens or "and"."""
    groups: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for word in _WORD.finditer(text):
        lower = word.group().lower()
        joined = bool(current) and text[current[-1].end() : word.start()] in (" ", "-")
        if not joined and current:
            groups.append(current)
            current = []
        if (
            lower in _WORD_VALUES
            or lower in _SCALE_WORDS
            or lower in ("dozen", "twice")
            or (lower in ("a", "an") and not current)
            or (lower == "and" and current and current[-1].group().lower() in _SCALE_WORDS)
        ):
            current.append(word)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return [trimmed for group in groups if (trimmed := _trimmed(group))]


def _trimmed(group: list[re.Match[str]]) -> list[re.Match[str]]:
    """Without a trailing "and", and without a leading "a" that no scale word follows."""
    while group and group[-1].group().lower() in ("and", "a", "an"):
        group = group[:-1]
    leading_article = len(group) > 1 and group[0].group().lower() in ("a", "an")
    if leading_article and group[1].group().lower() not in (*_SCALE_WORDS, "dozen"):
        group = group[1:]
    return group


def _words_value(words: list[str]) -> int | None:
    """three hundred and five = 305, a million = 1000000; None if not one number."""
    if words == ["twice"]:
        return 2
    total, current, last = 0, 0, ""
    for word in words:
        if word in _WORD_VALUES:
            small = _WORD_VALUES[word]
            if last in _UNIT_WORDS or (last in _TENS_WORDS and small >= 10):
                return None  # "one two", "twenty twelve": a list, not one number
            current += small
        elif word in ("hundred", "dozen"):
            current = (current or 1) * (100 if word == "hundred" else 12)
        elif word in _SCALE_WORDS:
            total += (current or 1) * _SCALE_WORDS[word]
            current = 0
        elif word == "twice":
            return None
        last = word
    return total + current
