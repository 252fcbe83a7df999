"""Item 2: broken structure is one error per problem, with file and line; the rest is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

import checker
from checker.config import Config
from checker.readers import Job, ReadOptions, read
from checker.readers.alignment import align
from checker.readers.blocks import plain_blocks
from checker.readers.problems import InputProblems
from checker.segment import Segment
from glossary.errors import InputError
from glossary.model import Glossary
from tests.robustness.helpers import fixture


def read_all(reader: str, path: str, partner: str | None = None) -> tuple[list[Segment], str]:
    """The segments read before the error, and the error's text (one line per problem)."""
    segments: list[Segment] = []
    with pytest.raises(InputError) as raised:
        segments.extend(read(Job(reader, path, partner), ReadOptions()))
    return segments, str(raised.value)


def lines_of(error: str) -> list[str]:
    return error.splitlines()


def test_an_unterminated_string_is_reported_and_its_entry_skipped() -> None:
    path = fixture("broken/unterminated.po")
    segments, error = read_all("po", path)
    assert lines_of(error) == [f"{path}:8: unterminated string: the closing quote is missing"]
    assert [s.target for s in segments] == ["打开文件。"]  # not polib's "保"


def test_a_duplicate_msgid_names_both_lines() -> None:
    segments, error = read_all("po", fixture("broken/duplicate.po"))
    assert ":10: duplicate msgid 'Save', first defined at line 7" in error
    assert len(segments) == 2


def test_a_truncated_entry_is_an_error_not_an_empty_translation() -> None:
    path = fixture("broken/truncated.po")
    segments, error = read_all("po", path)
    assert error.startswith(f"{path}:10: truncated entry")
    assert [s.source for s in segments] == ["Save"]


def test_a_bad_plural_header_names_its_line() -> None:
    segments, error = read_all("po", fixture("broken/bad-plural.po"))
    assert ":5: bad Plural-Forms header 'nplurals=one'" in error
    assert segments  # the entries are still checked


def test_a_plural_entry_with_the_wrong_count(tmp_path: Path) -> None:
    text = Path(fixture("broken/bad-plural.po")).read_text(encoding="utf-8")
    path = tmp_path / "count.po"
    path.write_text(text.replace("nplurals=one", "nplurals=1; plural=0;"), encoding="utf-8")
    _, error = read_all("po", str(path))
    assert ":7: plural entry has 2 msgstr forms, the Plural-Forms header says nplurals=1" in error


def test_bad_tsv_rows_are_one_error_each_and_good_rows_are_read() -> None:
    path = fixture("broken/bad-rows.tsv")
    segments, error = read_all("tsv", path)
    assert lines_of(error) == [
        f"{path}:3: row has 1 fields, the header has 2",
        f"{path}:4: row has 3 fields, the header has 2",
    ]
    assert [s.target for s in segments] == ["一。", "三。"]


def test_a_csv_syntax_error_does_not_end_the_file() -> None:
    segments, error = read_all("csv", fixture("broken/bad-rows.csv"))
    assert "CSV syntax error" in error
    assert segments[0].target == "一。"


def test_invalid_jsonl_lines_are_one_error_each() -> None:
    path = fixture("broken/bad-lines.jsonl")
    segments, error = read_all("jsonl", path)
    assert [line.split(": ")[0] for line in lines_of(error)] == [
        f"{path}:2",
        f"{path}:3",
        f"{path}:4",
    ]
    assert [s.target for s in segments] == ["一。", "四。"]


def test_a_merged_paragraph_costs_one_error_and_the_rest_aligns() -> None:
    source, target = fixture("broken/merged.zh.md"), fixture("broken/merged.en.md")
    segments, error = read_all("paired", target, source)
    assert lines_of(error) == [
        f"{target}:5: cannot align with {source}: blocks {source}:5 and {source}:7"
        " are merged into one here; not checked"
    ]
    assert [(s.source_line, s.line) for s in segments] == [(1, 1), (3, 3), (9, 7)]


def test_a_dropped_block_is_reported_where_it_would_be() -> None:
    zh = "第一段讲安装。\n\n第二段讲配置 Qwen 的 3 个选项。\n\n第三段讲如何卸载这个工具。"
    en = "The first part covers installing.\n\nThe third part covers uninstalling the tool."
    beads = align(plain_blocks(zh), plain_blocks(en))
    assert [bead.shape for bead in beads] == [(1, 1), (1, 0), (1, 1)]


def test_anchors_decide_between_equal_lengths() -> None:
    zh = "设置 timeout 为 30。\n\n设置 retries 为 5。\n\n设置 verbose 为真。"
    en = "Set retries to 5.\n\nSet verbose to true."
    beads = align(plain_blocks(zh), plain_blocks(en))
    assert [(bead.sources, bead.targets) for bead in beads] == [
        ((0,), ()),
        ((1,), (0,)),
        ((2,), (1,)),
    ]


def test_every_broken_file_is_an_error_and_every_other_file_is_checked() -> None:
    report = checker.check([fixture("broken"), fixture("encodings")], Glossary(), Config(jobs=1))
    paths = {error.path.rsplit("/", 1)[-1] for error in report.errors}
    assert paths == {
        "bad-lines.jsonl",
        "bad-plural.po",
        "bad-rows.csv",
        "bad-rows.tsv",
        "duplicate.po",
        "malformed.tmx",
        "merged.en.md",
        "truncated.po",
        "unterminated.po",
        "binary.po",
        "wrong-charset.po",
    }
    assert all(error.line for error in report.errors)
    assert not any(isinstance(error, InputProblems) for error in report.errors)
    assert report.segments >= 20


def test_problems_survive_a_process_pool() -> None:
    config = Config(jobs=2)
    report = checker.check([fixture("broken/bad-rows.tsv"), fixture("broken/bad-lines.jsonl")],
                           Glossary(), config)  # fmt: skip
    assert len(report.errors) == 5
