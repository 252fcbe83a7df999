"""Simplified or Traditional: which Chinese script a text's characters belong to.

The answer comes from OpenCC's conversion tables, not from a hand-made list.
A character counts as *Traditional* only when every Traditional→Simplified
conversion (OpenCC's standard, Taiwan and Hong Kong tables) changes it, both
on its own and in the phrase around it, and OpenCC's character table does
not also list it as a Simplified form; *Simplified* likewise the other way.
Everything else is neutral. Being this strict keeps real text clean: one
Simplified character often stands for several Traditional ones, itself
among them (占 for 佔 and 占, 干 for 幹, 乾 and 干, 后 for 後 and 后), and
the reverse (昇 is Simplified in names, 乾 in 乾坤); 吃 and 群 are what
Taiwan writes although OpenCC's standard Traditional prefers 喫 and 羣.

OpenCC loads on the first call (a few tens of milliseconds), once per process;
its verdict on each character is kept between runs (see `_judgements`).
"""

from __future__ import annotations

import enum
import functools
import os
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from glossary.cache import WordTable
from glossary.text import HAN_RUN

__all__ = ["Script", "ScriptChar", "classify", "expected_script"]


class Script(enum.Enum):
    SIMPLIFIED = "Simplified"
    TRADITIONAL = "Traditional"

    @property
    def other(self) -> Script:
        return Script.TRADITIONAL if self is Script.SIMPLIFIED else Script.SIMPLIFIED


# OpenCC configurations that turn a text *away* from a script: a character
# that all of them change belongs to that script.
_AWAY_FROM = {
    Script.TRADITIONAL: ("t2s", "tw2s", "hk2s"),
    Script.SIMPLIFIED: ("s2t", "s2tw", "s2hk"),
}
# OpenCC's character table towards a script: every candidate it lists is a
# character of that script (STCharacters lists 占 → 佔 占: 占 is Traditional too).
_CHARACTER_TABLE = {Script.TRADITIONAL: "STCharacters.ocd2", Script.SIMPLIFIED: "TSCharacters.ocd2"}

# Locale parts (lower case) that name a script or a region; the script part wins.
_SCRIPT_PARTS = {"hant": Script.TRADITIONAL, "hans": Script.SIMPLIFIED}
_REGION_PARTS = {
    "tw": Script.TRADITIONAL,
    "hk": Script.TRADITIONAL,
    "mo": Script.TRADITIONAL,
    "cn": Script.SIMPLIFIED,
    "sg": Script.SIMPLIFIED,
    "my": Script.SIMPLIFIED,
}
_CHINESE = {"zh", "zho", "chi", "cmn"}


@functools.lru_cache(maxsize=64)  # asked once per segment, of a few locales
def expected_script(locale: str) -> Script | None:
    """The script a locale is written in: zh_TW, zh-Hant, zh_HK → Traditional;
    zh_CN, zh_Hans, zh_SG and plain zh → Simplified; anything else None."""
    parts = [p for p in re.split(r"[-_@.]", locale.strip().lower()) if p]
    if not parts or parts[0] not in _CHINESE:
        return None
    for table in (_SCRIPT_PARTS, _REGION_PARTS):
        found = {table[p] for p in parts[1:] if p in table}
        if len(found) == 1:
            return found.pop()
    return Script.SIMPLIFIED if len(parts) == 1 else None


@dataclass(frozen=True)
class ScriptChar:
    """A character that only one script uses, at `offset`, with its renderings in the other.

    `counterparts` has one entry per conversion of `_AWAY_FROM[script]`, in
    that order (standard, Taiwan, Hong Kong).
    """

    offset: int
    char: str
    script: Script
    counterparts: tuple[str, ...]


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@functools.cache
def _converter(config: str) -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC(config)
    return converter


@functools.cache
def _alone(config: str, char: str) -> str:
    """`char` converted on its own, without a phrase around it."""
    return str(_converter(config).convert(char))


def _in_context(config: str, text: str) -> str:
    """`text` converted; positions line up because OpenCC's script tables map
    one character to one, and a run that would not line up is left as it was."""
    converted = str(_converter(config).convert(text))
    if len(converted) == len(text):
        return converted
    chars = list(text)
    for run in HAN_RUN.finditer(text):
        done = str(_converter(config).convert(run.group()))
        if len(done) == len(run.group()):
            chars[run.start() : run.end()] = done
    return "".join(chars)


def _ocd2_values(data: bytes) -> list[str]:
    """The candidates stored in an OpenCC .ocd2 dictionary, without its keys.

    The file is a header, a marisa trie of the keys, then the values: item
    count and byte length (uint32), the \\0-terminated strings, then per item
    its value count and each value's byte length (uint16), up to the end of
    the file. The trie's size is not recorded, so the values are found as
    the one offset from which that layout ends exactly at the end.
    """
    size = len(data)
    for start in range(len(b"OPENCC_MARISA_0.2.5"), size - 8):
        count, total = struct.unpack_from("<II", data, start)
        table = start + 8 + total
        if not count or not 4 * count <= size - table <= 64 * count:
            continue
        cursor, lengths = table, 0
        for _ in range(count):
            if cursor + 2 > size:
                break
            (values,) = struct.unpack_from("<H", data, cursor)
            if cursor + 2 + 2 * values > size:
                break
            lengths += sum(struct.unpack_from(f"<{values}H", data, cursor + 2))
            cursor += 2 + 2 * values
        if cursor == size and lengths == total:
            strings = data[start + 8 : table].split(b"\0")
            return [s.decode("utf-8") for s in strings if s]
    return []


@functools.cache
def _forms_of(script: Script) -> frozenset[str]:
    """Characters OpenCC's character table offers as forms of `script`.

    Empty if the installed OpenCC keeps its tables elsewhere or in another
    format; the classification then lacks this safeguard and may count a
    character that both scripts use.
    """
    import opencc

    path = Path(opencc.__file__).parent / "clib" / "share" / "opencc" / _CHARACTER_TABLE[script]
    try:
        values = _ocd2_values(path.read_bytes())
    except (OSError, struct.error, UnicodeDecodeError):
        return frozenset()
    return frozenset(c for value in values for c in value)


def _may_be_only(script: Script, char: str) -> bool:
    """Whether `char` may belong to `script` alone: so it does unless a phrase keeps it."""
    if any(_alone(config, char) == char for config in _AWAY_FROM[script]):
        return False  # changed only inside a phrase: neutral on its own
    return char not in _forms_of(script.other)


# Raise it when _may_be_only judges differently, so that no user keeps old answers.
_JUDGEMENTS_VERSION = 1


@functools.cache
def _judgements() -> WordTable:
    """_may_be_only's answers, kept between runs: loading OpenCC's converters costs
    about 10 ms, and a pre-commit hook's catalog rarely has a character not seen
    before. Keyed by the installed OpenCC (its package's modification time), which
    is found without importing it."""
    from importlib.util import find_spec

    spec = find_spec("opencc")
    stamp = os.stat(spec.origin).st_mtime_ns if spec and spec.origin else 0
    return WordTable(f"scripts-{stamp}-{_JUDGEMENTS_VERSION}.json")


def _judged_only(script: Script, char: str) -> bool:
    """_may_be_only(script, char), from an earlier run when one judged it."""
    key = f"{script.value}:{char}"
    kept = _judgements().get(key)
    if kept is None:
        kept = ["only"] if _may_be_only(script, char) else []
        _judgements().put(key, kept)
    return bool(kept)


# Characters already judged, and those kept as suspects, per script: each text then
# costs two set operations, and only a character new to this process a look-up.
_JUDGED: dict[Script, set[str]] = {script: set() for script in Script}
_SUSPECT: dict[Script, set[str]] = {script: set() for script in Script}


def _suspects(script: Script, chars: set[str]) -> set[str]:
    """The characters of `chars` that may belong to `script` alone."""
    new = chars - _JUDGED[script]
    if new:
        _SUSPECT[script].update(c for c in new if _judged_only(script, c))
        _JUDGED[script].update(new)
    return chars & _SUSPECT[script]


def classify(text: str, scripts: Sequence[Script] = tuple(Script)) -> list[ScriptChar]:
    """Characters of `text` that belong to one of `scripts` only, in order.

    Ask for one script to load only the three converters it needs.
    """
    if not HAN_RUN.search(text):
        return []
    found: dict[int, ScriptChar] = {}
    claimed_twice: set[int] = set()
    chars = set("".join(HAN_RUN.findall(text)))
    for script in scripts:
        suspects = _suspects(script, chars)
        if not suspects:
            continue  # most texts: no conversion needed to know
        offsets = [
            offset
            for run in HAN_RUN.finditer(text)
            for offset in range(run.start(), run.end())
            if text[offset] in suspects
        ]
        converted = [_in_context(config, text) for config in _AWAY_FROM[script]]
        for offset in offsets:
            renderings = tuple(c[offset] for c in converted)
            if text[offset] in renderings:
                continue  # some standard keeps it in this phrase
            if offset in found:
                claimed_twice.add(offset)
            found[offset] = ScriptChar(offset, text[offset], script, renderings)
    return [found[offset] for offset in sorted(found) if offset not in claimed_twice]
