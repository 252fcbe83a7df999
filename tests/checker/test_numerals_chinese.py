"""Chinese numerals to values: checker.numerals.chinese_numeral.

The expected values were checked by hand, and against cn2an 0.5.24 (the
library it replaced) in its "normal" mode: the two agree on these, on every
string of up to five numeral characters and 点, and on about 400,000
spellings of random numbers and their mutations.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.numerals import chinese_numeral, find_numbers


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三", "3"),
        ("两", "2"),
        ("零", "0"),
        ("〇", "0"),
        ("十", "10"),
        ("一十", "10"),
        ("十五", "15"),
        ("二十", "20"),
        ("二十五", "25"),
        ("一百", "100"),
        ("一百零五", "105"),
        ("一百一十", "110"),
        ("一百五十", "150"),
        ("一千", "1000"),
        ("一千零五", "1005"),
        ("一千零五十", "1050"),
        ("三千五百", "3500"),
        ("一万", "10000"),
        ("一万零五", "10005"),
        ("十万", "100000"),
        ("二十一万零五", "210005"),
        ("三千五百万", "35000000"),
        ("一亿", "100000000"),
        ("一亿两千万", "120000000"),
        ("一亿零五万", "100050000"),
        ("十亿", "1000000000"),
        ("两万亿", "2000000000000"),
        ("一万亿零五", "1000000000005"),
        ("五千万亿", "5000000000000000"),
        ("九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", "9999999999999999"),
        # digits alone are read as digits
        ("二〇二六", "2026"),
        ("一二三", "123"),
        ("零一", "1"),
        # decimals and signs
        ("一点五", "1.5"),
        ("三点一四", "3.14"),
        ("二十点五", "20.5"),
        ("零点零五", "0.05"),
        ("一亿点一", "100000000.1"),
        ("负三", "-3"),
        ("负一点五", "-1.5"),
        # shortened forms: a missing 零 or 一, a 零 too many
        ("一百十", "110"),
        ("一千零十", "1010"),
        ("一千五十", "1050"),
        ("一万五百", "10500"),
        ("一万零五千", "15000"),
        # spoken forms: the unit after the last digit left out
        ("一百五", "150"),
        ("三百四", "340"),
        ("一千五", "1500"),
        ("两千三", "2300"),
        ("一万二", "12000"),
        ("十三万六", "136000"),
        ("十一万三", "113000"),
    ],
)
def test_values(numeral: str, value: str) -> None:
    assert chinese_numeral(numeral) == Decimal(value)


@pytest.mark.parametrize(
    "numeral",
    [
        "三四十",  # 30 or 40
        "十二三",  # 12 or 13
        "一五一十",  # 一五一十 "in full detail"
        "十十",
        "千五",
        "百五",
        "零十",
        "一百零一十五",
        "一千零五百",
        "一亿五千",  # no unit left out after 亿
        "一亿二",
        "一万亿二",
        "一亿亿",  # units alone multiply (亿亿), a digit before them does not
        "一万万",
        "一点五万",  # a unit after the point
        "三点五点六",
        "点五",
        "负",
        "",
        "三个",
        "3",
    ],
)
def test_not_one_number(numeral: str) -> None:
    assert chinese_numeral(numeral) is None


def test_units_alone_multiply_in_text() -> None:
    values = [n.value for n in find_numbers("百万、万亿、亿亿、十万亿", "zh")]
    assert values == ["1000000", "1000000000000", "10000000000000000", "10000000000000"]


_DIGITS = "零一二三四五六七八九"


def _spell(n: int) -> str:
    """The standard spelling of 0 <= n < 10^16: 1050 = 一千零五十, 100005 = 十万零五."""
    spelled = _joined(n, 10**8, "亿", lambda part: _joined(part, 10**4, "万", _spell_group))
    if n == 0:
        return "零"
    return spelled[1:] if spelled.startswith("一十") else spelled  # 十五, not 一十五


def _joined(n: int, size: int, unit: str, spell: Callable[[int], str]) -> str:
    """n as its part above `size` with `unit` after it, then the part below (零 between
    the two when the part below does not start at the place right under `unit`)."""
    high, low = divmod(n, size)
    if not high:
        return spell(low)
    gap = "零" if 0 < low < size // 10 else ""
    return spell(high) + unit + gap + (spell(low) if low else "")


def _spell_group(n: int) -> str:
    """1 <= n < 10^4, with 零 for the places skipped between two digits: 1005 = 一千零五."""
    spelled, skipped = "", False
    for digit, unit in zip(f"{n:04d}", ("千", "百", "十", ""), strict=True):
        if digit == "0":
            skipped = bool(spelled)
        else:
            spelled += ("零" if skipped else "") + _DIGITS[int(digit)] + unit
            skipped = False
    return spelled


@pytest.mark.parametrize(
    ("n", "spelled"),
    [(10, "十"), (15, "十五"), (110, "一百一十"), (1005, "一千零五"), (10500, "一万零五百"),
     (100005, "十万零五"), (120000000, "一亿两千万".replace("两", "二")),
     (1000000000005, "一万亿零五")],
)  # fmt: skip
def test_the_speller_of_the_next_test(n: int, spelled: str) -> None:
    assert _spell(n) == spelled


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_standard_spellings_read_back(n: int) -> None:
    assert chinese_numeral(_spell(n)) == n
