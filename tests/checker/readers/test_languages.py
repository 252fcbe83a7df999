"""Language codes and the precedence of options over what files say."""

from __future__ import annotations

import pytest

from checker.readers.languages import lang_of, resolve_direction


@pytest.mark.parametrize(
    ("code", "lang"),
    [
        ("zh", "zh"),
        ("zh_Hans", "zh"),
        ("zh-Hant-TW", "zh"),
        ("zh_CN", "zh"),
        ("ZH-cn", "zh"),
        ("zho", "zh"),
        ("en", "en"),
        ("en-US", "en"),
        ("en_GB@latin", "en"),
        ("fr", None),
        ("", None),
        (None, None),
        ("zhx", None),
    ],
)
def test_lang_of(code: str | None, lang: str | None) -> None:
    assert lang_of(code) == lang


def test_options_come_before_the_file() -> None:
    assert resolve_direction("en", None, "zh", "en") == ("en", "zh")
    assert resolve_direction(None, "zh", "zh", "en") == ("en", "zh")


def test_file_languages_when_no_options() -> None:
    assert resolve_direction(None, None, "en", "zh") == ("en", "zh")
    assert resolve_direction(None, None, None, "en") == ("zh", "en")


def test_default_direction() -> None:
    assert resolve_direction(None, None) == ("zh", "en")
    assert resolve_direction(None, None, default_source="en") == ("en", "zh")
