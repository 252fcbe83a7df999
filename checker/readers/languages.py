"""Language codes and which side of a bilingual input is source and which target."""

from __future__ import annotations

import re

__all__ = ["LANGS", "lang_of", "other", "resolve_direction"]

LANGS = ("zh", "en")
# zh, zh-CN, zh_Hans, zh-Hant-TW, en, en-US, en_GB …; "zho"/"eng" are ISO 639-2.
_CODE = re.compile(r"(zh|zho|chi|cmn|en|eng)(?:[-_@][A-Za-z0-9]+)*", re.IGNORECASE)


def lang_of(code: str | None) -> str | None:
    """ "zh" or "en" for a language code or locale, None for anything else."""
    if not code:
        return None
    match = _CODE.fullmatch(code.strip())
    if match is None:
        return None
    return "en" if match.group(1).lower().startswith("en") else "zh"


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def resolve_direction(
    option_source: str | None,
    option_target: str | None,
    file_source: str | None = None,
    file_target: str | None = None,
    default_source: str = "zh",
) -> tuple[str, str]:
    """(source, target): --source-lang/--target-lang first, then what the file says.

    When only one side is known the other is its complement: glosscheck pairs
    Chinese with English and nothing else.
    """
    for source, target in (
        (lang_of(option_source), lang_of(option_target)),
        (file_source, file_target),
    ):
        if source and target:
            return source, target
        if source:
            return source, other(source)
        if target:
            return other(target), target
    return default_source, other(default_source)
