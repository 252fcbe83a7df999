"""Punctuation tables, prose masking and sentence-final marks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.punctuation import (
    CLOSING,
    FULL_TO_HALF,
    HALF_TO_FULL,
    NEUTRAL,
    FinalKind,
    _trailer_start,
    final_mark,
    is_abbreviation,
    neutralise,
)


def test_width_tables_cover_the_marks_of_the_rules() -> None:
    assert "".join(HALF_TO_FULL) == ",.?!:;()"
    assert "".join(HALF_TO_FULL.values()) == "，。？！：；（）"
    for full, half in zip("，。？！：；（）", ",.?!:;()", strict=True):
        assert FULL_TO_HALF[full] == half
    assert FULL_TO_HALF["、"] == "," and FULL_TO_HALF["「"] == "“" and FULL_TO_HALF["】"] == "]"
    assert FULL_TO_HALF["……"] == "…" and FULL_TO_HALF["\u3000"] == " "


def test_english_typography_is_not_in_the_full_width_table() -> None:
    assert not set("“”‘’—…") & set(FULL_TO_HALF)
    assert not any(c.isalnum() for c in FULL_TO_HALF)  # full-width letters are not punctuation


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("见 %(name)s.", "见 ."),
        ("运行 `a, b` 后", "运行  后"),
        ("谢谢:) 再见", "谢谢 再见"),
        ("等待...", "等待"),
        ("等待……", "等待"),
        ("x&nbsp;y", "xy"),
        ("[文档](docs/a.md)。", "[文档。"),
        ("![图](a.png)", "[图"),
        ("1. 第一\n2) 第二", " 第一\n 第二"),
        ("[id]: https://x.org", " "),
    ],
)
def test_neutralise_blanks_what_is_not_prose(text: str, kept: str) -> None:
    plain = neutralise(text)
    assert len(plain) == len(text)
    assert plain.replace(NEUTRAL, "") == kept


@pytest.mark.parametrize(
    ("text", "kind", "mark"),
    [
        ("Save.", FinalKind.STATEMENT, "."),
        ("保存。", FinalKind.STATEMENT, "。"),
        ("Delete it?", FinalKind.QUESTION, "?"),
        ("删除吗？", FinalKind.QUESTION, "？"),
        ("Done!", FinalKind.EXCLAMATION, "!"),
        ("Fields:", FinalKind.COLON, ":"),
        ("字段：", FinalKind.COLON, "："),
        ("Loading...", FinalKind.ELLIPSIS, "..."),
        ("加载中……", FinalKind.ELLIPSIS, "……"),
        ("加载中…", FinalKind.ELLIPSIS, "…"),
        ("He said “Stop.”", FinalKind.STATEMENT, "."),
        ("（可选。）", FinalKind.STATEMENT, "。"),
        ("Click <b>here.</b>\n", FinalKind.STATEMENT, "."),
        ("**粗体！**", FinalKind.EXCLAMATION, "！"),
        ("值\xa0。\xa0", FinalKind.STATEMENT, "。"),
        ("Loading ...", FinalKind.ELLIPSIS, "..."),
        ("Sales grew 5%.", FinalKind.STATEMENT, "."),
        ("Use “-” and “.”.", FinalKind.STATEMENT, "."),
        ("No version known!?", FinalKind.QUESTION, "?"),
        ("未知版本！？", FinalKind.QUESTION, "？"),
    ],
)
def test_final_mark(text: str, kind: FinalKind, mark: str) -> None:
    final = final_mark(text)
    assert final is not None and final.kind is kind and final.text == mark
    assert text[final.start : final.start + len(mark)] == mark


@pytest.mark.parametrize(
    "text",
    [
        "Save",
        "Model: %(name)s",
        "Server error (500)",
        "Jan.",
        "6 a.m.",
        "etc.",
        "",
        "  ",
        "Usage: %s [<option> ...] <command>\n",  # <command> is no tag
        "could not start ls-files in ..",  # the parent directory
        "names of letters or '-+.'",  # a quoted symbol
        "an error: ? at start of expression",
        "表示式开头有 ?",
        '语法错误：未预期的 ";"',
        "invalid number after '.'",
        "表示式开头有 {…}",
    ],
)
def test_no_final_mark(text: str) -> None:
    assert final_mark(text) is None


def test_abbreviations_by_list_and_by_shape() -> None:
    assert all(is_abbreviation(w) for w in ("Sept", "jan", "etc", "a.m", "e.g", "U.S"))
    assert not any(is_abbreviation(w) for w in ("Done", "No", "1.2", "v1", "GPU"))


# What final_mark looks through, as one pattern anchored at the end: the definition
# that the backward reading of _trailer_start must agree with.
_TRAILER = re.compile(r"(?:\s|[*~]|</[A-Za-z][^<>]*>|" + f"[{re.escape(''.join(CLOSING))}])+$")
_TRAILER_PIECES = [*"ab .?<>/*~\n\t\u3000", "</b>", "</a x>", "</1>", "</", *sorted(CLOSING)]


@given(st.lists(st.sampled_from(_TRAILER_PIECES), max_size=12).map("".join))
def test_the_trailer_read_backwards_is_the_one_the_pattern_finds(text: str) -> None:
    found = _TRAILER.search(text)
    assert _trailer_start(text) == (found.start() if found else len(text))


@pytest.mark.parametrize(
    ("text", "start"),
    [("Save.”", 5), ("Done.</b> ", 5), ("a </b x", 7), ("x>", 2), ("", 0), ("“ ” **", 1)],
)
def test_trailer_examples(text: str, start: int) -> None:
    assert _trailer_start(text) == start
