"""TMX: languages and direction, variants, inline codes, positions, notes and errors.

Lines and columns below were counted by hand against fixtures/tmx/.
"""

from __future__ import annotations

import pytest

import checker
from checker.readers import Job, ReadOptions, read
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers.contract import ReaderContract, fixture

XML_ESCAPES = {"<": ("&lt;",), ">": ("&gt;",), "&": ("&amp;",), '"': ("&quot;",)}


def read_tmx(name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read(Job("tmx", fixture(name)), options or ReadOptions()))


def by_key(name: str, options: ReadOptions | None = None) -> dict[str, Segment]:
    return {segment.key: segment for segment in read_tmx(name, options)}


class TestTmxSoftwareContract(ReaderContract):
    reader = "tmx"
    fixture = "tmx/software.tmx"
    escapes = XML_ESCAPES


class TestTmxNewsContract(ReaderContract):
    reader = "tmx"
    fixture = "tmx/news.tmx"
    escapes = XML_ESCAPES


def test_one_segment_per_zh_en_pair_with_inline_codes_as_native_code() -> None:
    segments = read_tmx("tmx/software.tmx")
    assert [(s.key, s.line, s.source, s.target) for s in segments] == [
        ("refresh", 12, "Refresh the page", "刷新页面"),
        ("save-bold", 17, "Click <b>Save</b> to keep & close.", "点击<b>保存</b>以保留并关闭。"),
        (
            "welcome@zh-CN",
            21,
            "Hello, {name}!<br/>Welcome to Qwen.",
            "你好，{name}！<br/>欢迎使用 Qwen。",
        ),
        (
            "welcome@zh-TW",
            24,
            "Hello, {name}!<br/>Welcome to Qwen.",
            "你好，{name}！<br/>歡迎使用 Qwen。",
        ),
        ("tu:5", 34, "Not translated yet", ""),
        ("two-lines", 39, "First line\nsecond line", "第一行\n  第二行 <i>斜体"),
    ]
    assert {(s.source_lang, s.target_lang) for s in segments} == {("en", "zh")}
    assert [s.target_locale for s in segments] == ["zh-CN"] * 3 + ["zh-TW"] + ["zh-CN"] * 2


def test_columns_skip_tags_and_count_escapes_in_the_file() -> None:
    save = by_key("tmx/software.tmx")["save-bold"]
    # Line 17: the target <seg> text starts at column 34; "&lt;b&gt;" at 47.
    assert save.locate(0) == (17, 34)
    assert save.locate(2) == (17, 47)  # "<" of "<b>" is the "&" of "&lt;"
    assert save.locate(3) == (17, 51)  # "b"
    assert save.locate(5) == (17, 62)  # "保", after "</bpt>"


def test_a_segment_across_lines_is_located_on_each_line() -> None:
    two = by_key("tmx/software.tmx")["two-lines"]
    assert (two.locate(0), two.locate(4), two.locate(6)) == ((39, 34), (40, 1), (40, 3))
    assert two.locate(two.target.index("<i>")) == (40, 23)


def test_an_empty_seg_is_an_empty_target_located_inside_the_element() -> None:
    empty = by_key("tmx/software.tmx")["tu:5"]
    assert empty.target == ""
    assert empty.locate(0) == (34, 34)  # between <seg> and </seg>


def test_notes_and_props_go_to_meta_and_a_note_can_suppress_rules() -> None:
    segments = by_key("tmx/software.tmx")
    assert dict(segments["refresh"].meta) == {"prop:x-context": "toolbar"}
    assert segments["save-bold"].meta["note"] == "Keep the bold markup around the button name."
    assert segments["welcome@zh-TW"].meta["note"] == "Traditional script for Taiwan."
    assert "note" not in segments["welcome@zh-CN"].meta  # the note is the zh-TW variant's
    assert segments["tu:5"].suppressed == frozenset({"U101"})


def test_header_and_unit_srclang_and_tmx_1_1_lang_attribute() -> None:
    segments = by_key("tmx/news.tmx")
    assert [(s.key, s.source_lang, s.target_lang, s.target_locale) for s in segments.values()] == [
        ("n1", "zh", "en", "en-GB"),  # <tu srclang="zh-CN">
        ("n2", "zh", "en", "en"),  # header *all*: the first variant's language; lang="…"
        ("n3", "zh", "en", "en-US"),  # the German variant is skipped
    ]
    assert segments["n2"].source == "该模型在多项基准测试中刷新了纪录。"
    assert segments["n2"].meta["prop:x-source"] == "wire report"


def test_cdata_is_text_located_after_its_opening() -> None:
    cdata = by_key("tmx/news.tmx")["n3"]
    assert cdata.target == 'Prices fell by 5% ("R&D" excluded).'
    assert cdata.locate(0) == (18, 43)  # after '<seg><![CDATA['


def test_options_override_the_file_direction() -> None:
    segments = read_tmx("tmx/news.tmx", ReadOptions(source_lang="en"))
    first = segments[0]
    assert (first.source_lang, first.target_lang) == ("en", "zh")
    assert first.target == "通义实验室发布了新一代大模型。"
    assert first.line == 7
    only_target = read_tmx("tmx/news.tmx", ReadOptions(target_lang="zh"))
    assert [s.target for s in only_target] == [s.target for s in segments]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("xml-malformed/html.tmx", 2, "not a TMX file: the root element is <html>"),
        ("xml-malformed/no-seg.tmx", 8, '<tuv xml:lang="zh"> without <seg>'),
        ("xml-malformed/no-lang.tmx", 8, "<tuv> without xml:lang"),
        ("xml-malformed/mismatched.tmx", 8, r"not well-formed XML: mismatched tag \(column 35\)"),
        ("xml-malformed/undefined-entity.tmx", 7, "not well-formed XML: undefined entity"),
    ],
)
def test_malformed_files_are_errors_naming_the_line(name: str, line: int, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        read_tmx(name)
    assert (raised.value.path, raised.value.line) == (fixture(name), line)


def test_check_reports_a_forbidden_term_where_it_stands() -> None:
    report = checker.check([fixture("tmx/news.tmx")])
    assert report.errors == []
    forbidden = [(f.line, f.column, f.end_column) for f in report.findings if f.rule == "T102"]
    assert forbidden == [(8, 34, 51)]  # "Tongyi Laboratory" for 通义实验室
    software = checker.check([fixture("tmx/software.tmx")])
    assert [f.rule for f in software.findings if f.rule == "U101"] == []  # a note suppresses it
