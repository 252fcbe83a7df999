"""Number normalisation: what is a number in Chinese and English text, and its value."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.numerals import Number, find_numbers, format_value


def values(text: str, lang: str) -> list[str]:
    """Values a rule may report: weak candidates (五 of 五星) only ever match."""
    return [n.value for n in find_numbers(text, lang) if not n.weak]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三个模型", ["3"]),
        ("二〇二六年", ["2026"]),
        ("1.5万", ["15000"]),
        ("3.8千亿", ["380000000000"]),
        ("3.5亿美元", ["350000000"]),
        ("20 亿美元", ["2000000000"]),
        ("1亿2000万", ["120000000"]),
        ("一亿两千万", ["120000000"]),
        ("百分之五十", ["50%"]),
        ("百分之 3.5", ["3.5%"]),
        ("千分之五", ["0.5%"]),
        ("三成", ["30%"]),
        ("40%，40 %，４０％", ["40%", "40%", "40%"]),
        ("１２３", ["123"]),
        ("1,200 TFLOPS", ["1200"]),
        ("一点五倍", ["1.5"]),
        ("两种方式", ["2"]),
        ("十分钟", ["10"]),
        ("十二", ["12"]),
        ("百万、十亿、万亿", ["1000000", "1000000000", "1000000000000"]),
        ("1000的5次方", ["1000000000000000"]),
        ("2025 年", ["2025"]),
        ("三", ["3"]),  # a numeral on its own: msgid "three" → msgstr "三"
    ],
)
def test_chinese_numbers(text: str, expected: list[str]) -> None:
    assert values(text, "zh") == expected


@pytest.mark.parametrize(
    "text",
    [
        "百度",
        "一些、一样、统一、唯一、万一、一起、一直、一般",
        "十分重要",
        "千万不要这样做",
        "周三、星期一",
        "三分之一",
        "数百家、几十个、上千人、十几个",
        "三四个",  # three or four
        "一点儿",
        "零售",
        "一成不变",
    ],
)
def test_chinese_words_with_numeral_characters_are_not_numbers(text: str) -> None:
    assert values(text, "zh") == []


def test_a_lone_numeral_before_a_word_only_may_match() -> None:
    assert values("三大运营商之一", "zh") == ["3"]  # 三大: a measure; 之一: a word
    (five,) = find_numbers("五星评分", "zh")
    assert five.weak and five.value == "5"
    assert values("八折", "zh") == [] and values("7.5折", "zh") == []


def test_ordinals_are_soft_numbers() -> None:
    """第 3 章 is "Chapter 3", the 21st century is 21 世纪; first and third are words."""
    zh = find_numbers("第一，第 3 章", "zh")
    assert [(n.text, n.value, n.soft) for n in zh] == [("一", "1", True), ("3", "3", True)]
    en = find_numbers("the 1st and 21st, first and third", "en")
    assert [(n.text, n.value, n.soft) for n in en] == [("1st", "1", True), ("21st", "21", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("350 million US dollars", ["350000000"]),
        ("2 billion", ["2000000000"]),
        ("3.5 thousand", ["3500"]),
        ("15,000", ["15000"]),
        ("40 percent and 40 per cent", ["40%", "40%"]),
        ("three models", ["3"]),
        ("twenty-five", ["25"]),
        ("three hundred and five", ["305"]),
        ("a million users", ["1000000"]),
        ("twice as fast", ["2"]),
        ("fifty percent", ["50%"]),
        ("quintillion", ["1000000000000000000"]),
        ("96GB, 3.2TB/s, 7nm, 1.6x", ["96", "3.2", "7", "1.6"]),
        ("480B parameters, 256K tokens", ["480000000000", "256000"]),
        ("36T tokens, $2bn", ["36000000000000", "2000000000"]),
        ("a 70B-parameter model", ["70000000000"]),
        ("1,2,3", ["1", "2", "3"]),
        ("at 3:00", ["3"]),
        ("Django 5.2.19", ["5.2.19"]),
        ("2.0 and 86.0", ["2", "86"]),
        ("2024-2025", ["2024", "2025"]),
    ],
)
def test_english_numbers(text: str, expected: list[str]) -> None:
    assert values(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Qwen3, GPT-4, H20, FP8, v2.0, QH-100, Qwen2.5-72B, IPv4, x86",
        "3D, 2FA, 5G, the 1990s",
        "first, third, hundreds of thousands, millions",
        "a model",
    ],
)
def test_names_ordinals_and_vague_words_are_not_numbers(text: str) -> None:
    assert values(text, "en") == []


def test_chinese_names_with_digits_are_not_numbers() -> None:
    assert values("英伟达H20芯片和 Qwen3 模型", "zh") == []


def test_words_and_characters_are_soft_digits_are_not() -> None:
    assert [n.soft for n in find_numbers("三个, 3 个, 1.5万", "zh")] == [True, False, False]
    assert [n.soft for n in find_numbers("three, 3, 350 million", "en")] == [True, False, False]
    (march,) = find_numbers("3月", "zh")  # a month is a name in English ("March")
    assert march.soft


def test_offsets_point_at_the_text_as_given() -> None:
    text = "共有 ３.５亿 元"
    (n,) = find_numbers(text, "zh")
    assert text[n.start : n.end] == n.text == "３.５亿" and n.value == "350000000"


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (Number("1,200", 0, 5, "1200"), "1,200"),
        (Number("50%", 0, 3, "50%"), "50%"),
        (Number("三", 0, 1, "3", True), "三 (= 3)"),
        (Number("3.5亿", 0, 4, "350000000"), "3.5亿 (= 350,000,000)"),
        (Number("quintillion", 0, 11, "1" + "0" * 18, True), "quintillion (= 1×10^18)"),
    ],
)
def test_format_value(number: Number, shown: str) -> None:
    assert format_value(number) == shown


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0１a 三百万 two hundred-and dozen,.%的次方成abc", max_size=30))
@example("two万")  # a word before Han text: once missed by the quick look
def test_the_quick_look_never_drops_a_number(text: str) -> None:
    """find_numbers' early return (no digit, numeral or number word) is exact."""
    import checker.numerals as numerals

    for lang in ("zh", "en"):
        quick = find_numbers(text, lang)
        everything = re.compile("")
        with (
            mock.patch.object(numerals, "_MAY_HOLD_NUMBER_ZH", everything),
            mock.patch.object(numerals, "_MAY_HOLD_NUMBER_EN", everything),
        ):
            assert find_numbers(text, lang) == quick
