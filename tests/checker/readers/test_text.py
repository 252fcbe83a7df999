"""Target-only documents: every block a segment without a source."""

from __future__ import annotations

from checker.readers import Job, ReadOptions, read
from checker.segment import Segment
from tests.checker.readers.contract import ReaderContract, fixture


def read_text_job(name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read(Job("text", fixture(name)), options or ReadOptions()))


class TestLoneEnglishContract(ReaderContract):
    reader = "text"
    fixture = "docs/lone.en.md"


class TestChineseArticleContract(ReaderContract):
    reader = "text"
    fixture = "docs/article.md"


class TestPlainTextContract(ReaderContract):
    reader = "text"
    fixture = "docs/notes.zh.txt"


def test_blocks_are_target_only_segments() -> None:
    segments = read_text_job("docs/lone.en.md")
    assert [(s.source, s.target, s.line) for s in segments] == [
        ("", "Release notes", 1),
        ("", "Qwen 2.5 refreshes the leaderboard，with a leftover 刷新.", 3),
    ]
    assert all(s.target_only for s in segments)
    assert {(s.target_lang, s.target_locale) for s in segments} == {("en", "en")}


def test_language_without_suffix_comes_from_the_script() -> None:
    segments = read_text_job("docs/article.md")
    assert {s.target_lang for s in segments} == {"zh"}
    assert [s.meta["block"] for s in segments] == [
        "heading",
        "paragraph",
        "paragraph",
        "blockquote",
        "paragraph",
    ]


def test_target_lang_option_wins() -> None:
    segments = read_text_job("docs/article.md", ReadOptions(target_lang="en"))
    assert {s.target_lang for s in segments} == {"en"}


def test_source_lang_option_does_not_relabel_a_suffixed_file() -> None:
    segments = read_text_job("docs/lone.en.md", ReadOptions(source_lang="en"))
    assert {s.target_lang for s in segments} == {"en"}
