"""TSV and CSV tables: headers, languages, row lines, quoted cells, errors."""

from __future__ import annotations

import pytest

from checker.readers import Job, ReadOptions, read
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers.contract import ReaderContract, fixture

CSV_ESCAPES = {'"': ('""',)}  # a doubled quote inside a quoted field


def read_table(reader: str, name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read(Job(reader, fixture(name)), options or ReadOptions()))


class TestTsvContract(ReaderContract):
    reader = "tsv"
    fixture = "table/pairs.tsv"


class TestTsvCodesContract(ReaderContract):
    reader = "tsv"
    fixture = "table/codes.tsv"


class TestCsvContract(ReaderContract):
    reader = "csv"
    fixture = "table/quoted.csv"
    escapes = CSV_ESCAPES


class TestTsv:
    def test_source_target_header_with_extra_columns_as_meta(self) -> None:
        segments = read_table("tsv", "table/pairs.tsv")
        assert [(s.line, s.key, s.source, s.target, dict(s.meta)) for s in segments] == [
            (2, "row:1", "Refresh the page", "刷新页面", {"note": "toolbar"}),
            (3, "row:2", 'Open "recent" files', '打开"最近"文件', {"note": "menu"}),
        ]
        assert segments[1].locate(0) == (3, 21)

    def test_direction_follows_the_script_when_nothing_names_it(self) -> None:
        assert {(s.source_lang, s.target_lang) for s in read_table("tsv", "table/pairs.tsv")} == {
            ("en", "zh")
        }
        assert {(s.source_lang, s.target_lang) for s in read_table("tsv", "table/guess.tsv")} == {
            ("zh", "en")
        }

    def test_options_name_the_languages_of_source_and_target(self) -> None:
        segments = read_table("tsv", "table/guess.tsv", ReadOptions(target_lang="zh"))
        assert {(s.source_lang, s.target_lang) for s in segments} == {("en", "zh")}

    def test_language_code_header_first_column_is_the_source(self) -> None:
        segments = read_table("tsv", "table/codes.tsv")
        assert [(s.line, s.source, s.target, s.meta["id"]) for s in segments] == [
            (2, "刷新页面", "Refresh the page", "1"),
            (4, "通义实验室", "Tongyi Lab", "2"),  # the blank line 3 is skipped
        ]
        assert {(s.source_lang, s.target_lang, s.target_locale) for s in segments} == {
            ("zh", "en", "en-US")
        }

    def test_source_lang_option_picks_the_other_column(self) -> None:
        segments = read_table("tsv", "table/codes.tsv", ReadOptions(source_lang="en"))
        assert (segments[0].source, segments[0].target) == ("Refresh the page", "刷新页面")
        assert (segments[0].target_locale, segments[0].locate(0)) == ("zh-CN", (2, 3))

    def test_wrong_column_count_names_the_row(self) -> None:
        with pytest.raises(InputError, match="row has 2 fields, the header has 3") as raised:
            read_table("tsv", "table/bad-columns.tsv")
        assert raised.value.line == 3

    def test_header_without_known_columns_is_an_error(self) -> None:
        with pytest.raises(InputError, match="header must name") as raised:
            read_table("tsv", "table/bad-header.tsv")
        assert raised.value.line == 1


class TestCsv:
    """Columns checked by hand against fixtures/table/quoted.csv."""

    def test_rows_start_where_the_row_starts(self) -> None:
        segments = read_table("csv", "table/quoted.csv")
        assert [(s.line, s.source, s.target) for s in segments] == [
            (2, "Refresh", "刷新"),
            (3, 'Say "hi"', '说"你好"'),
            (4, "Two\nlines", "两行\n文字"),
            (7, "plain", ""),
        ]

    def test_doubled_quotes_keep_later_columns_right(self) -> None:
        quoted = read_table("csv", "table/quoted.csv")[1]
        assert [quoted.locate(offset) for offset in range(5)] == [
            (3, 15),
            (3, 16),
            (3, 18),
            (3, 19),
            (3, 20),
        ]

    def test_multiline_cell_points_at_each_line(self) -> None:
        multiline = read_table("csv", "table/quoted.csv")[2]
        assert multiline.locate(0) == (5, 9)
        assert multiline.locate(3) == (6, 1)

    def test_bad_quoting_names_the_line(self) -> None:
        with pytest.raises(InputError, match="CSV syntax error") as raised:
            read_table("csv", "table/bad-quote.csv")
        assert raised.value.line == 3
