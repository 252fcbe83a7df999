"""Interleaved bilingual documents: detection and pairing of adjacent blocks."""

from __future__ import annotations

from checker.readers import Job, ReadOptions, read
from checker.readers.interleaved import alternates
from checker.segment import Segment
from tests.checker.readers.contract import ReaderContract, fixture


def read_interleaved(name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read(Job("interleaved", fixture(name)), options or ReadOptions()))


class TestChineseFirstContract(ReaderContract):
    reader = "interleaved"
    fixture = "docs/bilingual.md"


class TestEnglishFirstContract(ReaderContract):
    reader = "interleaved"
    fixture = "docs/bilingual-en-first.md"


def test_each_chinese_block_pairs_with_the_english_one_after_it() -> None:
    segments = read_interleaved("docs/bilingual.md")
    assert [(s.source, s.target, s.line, s.source_line) for s in segments] == [
        ("双语对照示例", "Bilingual example", 3, 1),
        ("通义实验室发布了新模型。", "Tongyi Lab released a new model.", 7, 5),
        ("这一段没有译文。", "", 9, 9),
        ("模型在基准测试中刷新了记录。", "The model set a new record on the benchmark.", 13, 11),
    ]
    assert {(s.source_lang, s.target_lang) for s in segments} == {("zh", "en")}


def test_a_block_without_translation_is_an_empty_target() -> None:
    lone = read_interleaved("docs/bilingual.md")[2]
    assert lone.meta["unpaired"] == "source"
    assert not lone.target_only
    assert lone.locate(0) == (9, 1)


def test_code_blocks_take_no_part() -> None:
    segments = read_interleaved("docs/bilingual.md")
    assert all("代码块" not in s.source + s.target for s in segments)


def test_english_first_still_has_chinese_source() -> None:
    segments = read_interleaved("docs/bilingual-en-first.md")
    assert [(s.source, s.target, s.line) for s in segments] == [
        ("通义实验室发布了新模型。", "Tongyi Lab released a new model.", 1),
        ("刷新页面。", "Refresh the page.", 6),
    ]


def test_suppression_before_either_block_applies_to_the_pair() -> None:
    segments = read_interleaved("docs/bilingual-en-first.md")
    assert [s.suppressed for s in segments] == [frozenset(), {"U102"}]


def test_source_lang_option_reverses_the_direction() -> None:
    segments = read_interleaved("docs/bilingual.md", ReadOptions(source_lang="en"))
    first = segments[0]
    assert (first.source, first.target, first.line) == ("Bilingual example", "双语对照示例", 1)
    assert (first.source_lang, first.target_lang) == ("en", "zh")
    lone = segments[2]
    assert (lone.source, lone.target, lone.target_only) == ("", "这一段没有译文。", True)
    assert lone.meta["unpaired"] == "target"


def test_alternation_is_detected_from_the_script() -> None:
    assert alternates(fixture("docs/bilingual.md"))
    assert alternates(fixture("docs/bilingual-en-first.md"))
    assert not alternates(fixture("docs/article.md"))  # Chinese with one English quote
    assert not alternates(fixture("docs/target-without-suffix.md"))
