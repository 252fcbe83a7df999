"""JSON Lines: keys, per-row languages, escapes in positions, errors."""

from __future__ import annotations

import pytest

from checker.readers import Job, ReadOptions, read
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers.contract import ReaderContract, fixture

JSON_ESCAPES = {'"': ('\\"',), "\n": ("\\n",), "\U0001f600": ("\\ud83d\\ude00",)}


def read_jsonl(name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read(Job("jsonl", fixture(name)), options or ReadOptions()))


class TestJsonlContract(ReaderContract):
    reader = "jsonl"
    fixture = "table/rows.jsonl"
    escapes = JSON_ESCAPES


def test_rows_with_extra_keys_as_meta() -> None:
    segments = read_jsonl("table/rows.jsonl")
    assert [(s.line, s.key, s.source, dict(s.meta)) for s in segments] == [
        (1, "row:1", "Refresh the page", {"id": "7"}),
        (2, "row:2", 'Say "hi"', {"domain": "chat"}),
        (4, "row:3", "通义实验室", {}),
        (5, "row:4", "Emoji", {}),
    ]


def test_row_languages_override_the_file_guess() -> None:
    directions = [(s.source_lang, s.target_lang) for s in read_jsonl("table/rows.jsonl")]
    assert directions == [("en", "zh"), ("en", "zh"), ("zh", "en"), ("en", "zh")]


def test_escapes_keep_columns_right() -> None:
    """Columns checked by hand against lines 2 and 5 of fixtures/table/rows.jsonl."""
    quoted, emoji = read_jsonl("table/rows.jsonl")[1], read_jsonl("table/rows.jsonl")[3]
    assert quoted.target == '说"你好"\n好的'
    assert [quoted.locate(i) for i in (0, 1, 2, 4, 5, 6)] == [
        (2, 37),
        (2, 38),
        (2, 40),
        (2, 42),
        (2, 44),
        (2, 46),
    ]
    assert emoji.target == "表情 \U0001f600 结束"
    assert (emoji.locate(3), emoji.locate(4), emoji.locate(5)) == ((5, 35), (5, 47), (5, 48))


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("table/bad-json.jsonl", 3, "invalid JSON: Expecting value"),
        ("table/missing-target.jsonl", 2, '"target" is missing'),
        ("table/not-object.jsonl", 2, "expected a JSON object"),
    ],
)
def test_malformed_lines_are_errors_naming_the_line(name: str, line: int, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        read_jsonl(name)
    assert (raised.value.path, raised.value.line) == (fixture(name), line)
