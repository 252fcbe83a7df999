"""Han detection: every range tested, checked against the Unicode database, and guesses."""

from __future__ import annotations

import unicodedata

import pytest

from checker.readers.script import guess_lang, han_ratio
from glossary.text import HAN_RANGES, is_han

# Ideographs each range is known to hold, as written in the standard's charts.
SAMPLES = {
    "ideographic number zero": "〇",
    "CJK Unified Ideographs Extension A": "㐀䶵",
    "CJK Unified Ideographs": "一刷新龥",
    "CJK Compatibility Ideographs": "豈",
    "CJK Unified Ideographs Extension B": "𠀀𪛖",
    "CJK Unified Ideographs Extension C": "𪜀",
    "CJK Unified Ideographs Extension D": "𫝀",
    "CJK Unified Ideographs Extension E": "𫠠",
    "CJK Unified Ideographs Extension F": "𬺰",
    "CJK Unified Ideographs Extension I": "\U0002ebf0",
    "CJK Compatibility Ideographs Supplement": "丽",
    "CJK Unified Ideographs Extension G": "𰀀",
    "CJK Unified Ideographs Extension H": "\U00031350",
}


@pytest.mark.parametrize(("first", "last", "name"), HAN_RANGES, ids=[r[2] for r in HAN_RANGES])
def test_range_edges_and_samples_are_han(first: str, last: str, name: str) -> None:
    assert len(first) == len(last) == 1  # a "\u20000"-style slip would make two characters
    assert is_han(first) and is_han(last)
    assert all(is_han(char) for char in SAMPLES[name])
    before, after = chr(ord(first) - 1), chr(ord(last) + 1)
    in_other_range = [f <= c <= la for f, la, _ in HAN_RANGES for c in (before, after)]
    assert is_han(before) == any(in_other_range[0::2])
    assert is_han(after) == any(in_other_range[1::2])


def test_ranges_agree_with_the_unicode_database() -> None:
    """Every assigned ideograph up to Extension H is Han, and nothing else in the ranges."""
    for code in range(0x3000, 0x323B0):
        char = chr(code)
        name = unicodedata.name(char, "")
        ideograph = name.startswith(("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-"))
        if ideograph or code == 0x3007:
            assert is_han(char), f"U+{code:04X} {name}"
        elif name:
            assert not is_han(char), f"U+{code:04X} {name}"


def test_no_han_outside_the_ranges() -> None:
    for char in "\u20000aé，。、「」：？！（）ー가あア":
        assert not is_han(char)


def test_han_ratio_counts_han_against_latin_letters() -> None:
    assert han_ratio("刷新 refresh") == pytest.approx(2 / 9)
    assert han_ratio("刷新") == 1.0
    assert han_ratio("refresh") == 0.0
    assert han_ratio("123 ，。") == 0.0
    assert han_ratio("") == 0.0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("通义实验室发布了新模型。", "zh"),
        ("Tongyi Lab released a new model.", "en"),
        ("Qwen2.5-Max 在 Arena-Hard、LiveBench 上超越 DeepSeek V3。", "zh"),
        ("Qwen2.5-Max 在 Arena-Hard 上超越 DeepSeek V3", "zh"),
        ("我们使用 transformer 架构进行 fine-tuning，在 benchmark 上取得了最好的结果。", "zh"),
        ("The model at刷新 (refreshing) SOTA on MMLU.", "en"),
        ("Tongyi Lab (通义实验室) released Qwen.", "en"),
        ("2024", None),
        ("", None),
    ],
)
def test_guess_lang(text: str, lang: str | None) -> None:
    assert guess_lang(text) == lang
