"""Paired documents: block alignment, code skipping, positions, suppression, errors."""

from __future__ import annotations

import pytest

from checker.readers import Job, ReadOptions, read
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers.contract import ReaderContract, fixture


def read_pair(source: str, target: str, options: ReadOptions | None = None) -> list[Segment]:
    job = Job("paired", fixture(target), fixture(source))
    return list(read(job, options or ReadOptions()))


class TestMarkdownPairContract(ReaderContract):
    reader = "paired"
    fixture = "docs/guide.en.md"
    partner = "docs/guide.zh.md"


class TestTextPairContract(ReaderContract):
    reader = "paired"
    fixture = "docs/notes.en.txt"
    partner = "docs/notes.zh.txt"


class TestLocalePairContract(ReaderContract):
    reader = "paired"
    fixture = "docs/readme.en-US.md"
    partner = "docs/readme.zh-Hans.md"


class TestMarkdownAlignment:
    @pytest.fixture
    def segments(self) -> list[Segment]:
        return read_pair("docs/guide.zh.md", "docs/guide.en.md")

    def test_blocks_align_in_order(self, segments: list[Segment]) -> None:
        assert [(s.meta["block"], s.source, s.target) for s in segments] == [
            ("heading", "快速开始", "Getting started"),
            (
                "paragraph",
                "使用 `glosscheck` 检查译文，\n它会刷新术语表。",
                "Use `glosscheck` to check translations;\nit refreshes the glossary.",
            ),
            ("list-item", "第一项", "First item"),
            ("list-item", "第二项", "Second item"),
            ("blockquote", "引用的段落。", "A quoted paragraph."),
            ("table-cell", "术语", "Term"),
            ("table-cell", "说明", "Meaning"),
            ("table-cell", "刷新", "refresh"),
            ("table-cell", "更新数据", "update the data"),
            ("heading", "结束语", "Closing words"),
            ("paragraph", "最后一段。", "The last paragraph."),
        ]

    def test_code_html_and_front_matter_are_not_prose(self, segments: list[Segment]) -> None:
        text = "\n".join(s.source + s.target for s in segments)
        for skipped in ("print(", "indented code", "缩进代码", "HTML", "title:", "指南"):
            assert skipped not in text

    def test_chinese_is_the_source_and_languages_come_from_suffixes(
        self, segments: list[Segment]
    ) -> None:
        assert {(s.source_lang, s.target_lang) for s in segments} == {("zh", "en")}

    def test_positions_point_into_the_target_file(self, segments: list[Segment]) -> None:
        located = [(s.line, s.locate(0)) for s in segments]
        assert located == [
            (5, (5, 3)),
            (7, (7, 1)),
            (10, (10, 3)),
            (11, (11, 3)),
            (13, (13, 3)),
            (15, (15, 3)),
            (15, (15, 10)),
            (17, (17, 3)),
            (17, (17, 13)),
            (23, (23, 4)),  # "## Closing words ##": after the marker, before the closing run
            (29, (29, 1)),
        ]

    def test_continuation_lines_keep_their_own_column(self, segments: list[Segment]) -> None:
        paragraph = segments[1]
        assert paragraph.locate(paragraph.target.index("it refreshes")) == (8, 3)

    def test_source_side_is_recorded(self, segments: list[Segment]) -> None:
        closing = segments[9]
        assert (closing.source_path, closing.source_line) == (fixture("docs/guide.zh.md"), 24)
        assert closing.key == "block:10"

    def test_comment_in_the_source_suppresses_the_block(self, segments: list[Segment]) -> None:
        assert [s.suppressed for s in segments if s.suppressed] == [frozenset({"T101"})]
        assert segments[9].target == "Closing words"


class TestTextPair:
    def test_paragraphs_at_blank_lines(self) -> None:
        segments = read_pair("docs/notes.zh.txt", "docs/notes.en.txt")
        assert [(s.line, s.locate(0)) for s in segments] == [(1, (1, 1)), (3, (3, 3)), (7, (7, 1))]
        second = segments[1]
        assert second.target == "The first line of the second,\nits second line."
        assert second.locate(second.target.index("its")) == (4, 3)

    def test_comment_in_the_target_suppresses_the_next_paragraph(self) -> None:
        segments = read_pair("docs/notes.zh.txt", "docs/notes.en.txt")
        assert [s.suppressed for s in segments] == [frozenset(), frozenset(), {"P105"}]
        assert all("glosscheck" not in s.target for s in segments)


class TestLanguages:
    def test_locale_suffix_gives_target_locale(self) -> None:
        segments = read_pair("docs/readme.zh-Hans.md", "docs/readme.en-US.md")
        assert {(s.source_lang, s.target_lang, s.target_locale) for s in segments} == {
            ("zh", "en", "en-US")
        }

    def test_english_source_when_asked(self) -> None:
        options = ReadOptions(source_lang="en")
        segments = read_pair("docs/guide.en.md", "docs/guide.zh.md", options)
        assert segments[0].source == "Getting started"
        assert segments[0].target == "快速开始"
        assert segments[0].target_lang == "zh"
        assert segments[-1].locate(0) == (30, 1)

    def test_names_without_suffix_take_languages_from_the_script(self) -> None:
        segments = read_pair("docs/source-without-suffix.md", "docs/target-without-suffix.md")
        assert {(s.source_lang, s.target_lang) for s in segments} == {("zh", "en")}
        assert segments[1].target == "Try again."


class TestMisalignment:
    def test_diverging_kinds_are_aligned_not_refused(self) -> None:
        segments = read_pair("docs/kinds.zh.md", "docs/kinds.en.md")
        assert [(s.source, s.target) for s in segments] == [
            ("标题", "Title as a paragraph"),
            ("段落。", "A paragraph."),
        ]

    def test_different_counts_are_one_error_naming_both_files(self) -> None:
        """Three tiny blocks against two: lengths cannot say which was dropped or merged,
        but the mismatch is one error and the rest is still read."""
        job = Job("paired", fixture("docs/count.en.md"), fixture("docs/count.zh.md"))
        segments: list[Segment] = []
        with pytest.raises(InputError) as raised:
            segments.extend(read(job, ReadOptions()))
        error = raised.value
        assert error.path == fixture("docs/count.en.md")
        assert f"{fixture('docs/count.zh.md')}:" in error.message
        assert not hasattr(error, "problems")
        assert segments and segments[-1].target == "Two."
