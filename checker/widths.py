"""Where a punctuation mark's width is wrong, and the spacing between Han and Latin text.

P101 (ASCII marks in Chinese), P102 (Chinese marks in English) and P103
(spacing) share these. Each fault comes with its fix: offsets into the
original text and the replacement.

The hard part is P101: Chinese text legitimately holds ASCII marks inside
numbers (3.14, 1,000, 10:30), English phrases ("Hello, world."), file names,
ellipses, emoticons and Markdown syntax. A mark is flagged only when it
punctuates Chinese: it follows Han text, or it stands between non-English
text and Han text, or it ends a single English word embedded in a Chinese
sentence ("支持 GPU.").
"""

from __future__ import annotations

import enum
import re
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from checker.finding import Fix
from checker.punctuation import (
    CLOSING,
    FULL_TO_HALF,
    HALF_TO_FULL,
    NEUTRAL,
    OPENING,
    is_abbreviation,
    neutralise,
)
from glossary.text import HAN_CLASS, has_han, is_han, is_latin_word_char, mask, protected_spans

__all__ = ["WrongMark", "fullwidth_marks", "halfwidth_marks", "separators", "spacing_faults"]


@dataclass(frozen=True)
class WrongMark:
    """A mark at target[start:end] and the fix, which may take in spaces around it."""

    start: int
    end: int
    fix: Fix


class _Side(enum.Enum):
    HAN = "han"
    LATIN = "latin"
    OTHER = "other"
    EDGE = "edge"  # start or end of the text or of a line


_SPACES = " \t"
_EMPHASIS = "*_`"
_SKIP_LEFT = frozenset(_SPACES + NEUTRAL + _EMPHASIS) | CLOSING
_SKIP_RIGHT = frozenset(_SPACES + NEUTRAL + _EMPHASIS) | OPENING
# URL schemes, whose colon is part of them.
_SCHEMES = frozenset(["http", "https", "ftp", "ftps", "file", "mailto", "tel", "data", "ssh"])


def _nearest(plain: str, i: int, step: int, skip: frozenset[str]) -> str:
    """The first character from `i` in direction `step` that is not in `skip` ("" at an end)."""
    while 0 <= i < len(plain) and plain[i] in skip:
        i += step
    return plain[i] if 0 <= i < len(plain) else ""


def _side(plain: str, i: int, step: int, skip: frozenset[str]) -> _Side:
    """What the nearest meaningful character from `i` in direction `step` is."""
    char = _nearest(plain, i, step, skip)
    if char in ("", "\n"):
        return _Side.EDGE
    if is_han(char):
        return _Side.HAN
    return _Side.LATIN if is_latin_word_char(char) else _Side.OTHER


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "FW"


def _word_before(plain: str, i: int) -> tuple[str, bool]:
    """The non-Chinese word that ends at `i`, and whether Han text comes right before it."""
    j = i
    while j > 0 and plain[j - 1] in CLOSING:
        j -= 1
    start = j
    while start > 0 and plain[start - 1] not in " \t\n" + NEUTRAL and not _wide(plain[start - 1]):
        start -= 1
    k = start
    while k > 0 and plain[k - 1] in _SPACES:
        k -= 1
    return plain[start:j], k > 0 and is_han(plain[k - 1])


def _ends_chinese_sentence(plain: str, i: int) -> bool:
    """For . ? ! : — does the mark end (or introduce) Chinese text?"""
    left = _side(plain, i - 1, -1, _SKIP_LEFT)
    right = _side(plain, i + 1, 1, _SKIP_RIGHT)
    if left is _Side.HAN:
        return True
    if left is _Side.LATIN:  # only after one English word inside a Chinese sentence
        word, after_han = _word_before(plain, i)
        bare = word.rstrip(".")
        abbreviation = plain[i] == "." and is_abbreviation(bare)
        if not after_han or abbreviation or (plain[i] == ":" and bare.lower() in _SCHEMES):
            return False
        return right in (_Side.HAN, _Side.EDGE)
    if left is _Side.OTHER and not _wide(_nearest(plain, i - 1, -1, _SKIP_LEFT)):
        return False  # after an ASCII symbol: "[." of a regular expression
    return right is _Side.HAN


@cache  # compiled on first use: the Han class costs milliseconds (see glossary.text.HAN_RUN)
def _option() -> re.Pattern[str]:
    return re.compile(f"\\s*--?[A-Za-z{HAN_CLASS}]")


def _chinese_clause(plain: str, i: int) -> bool:
    """For , and ; — does the mark separate clauses of Chinese text?"""
    if _option().match(plain, i + 1):
        return False  # a list of command-line options: "-o 文件, --output=文件"
    left = _side(plain, i - 1, -1, _SKIP_LEFT)
    return _Side.HAN in (left, _side(plain, i + 1, 1, _SKIP_RIGHT))


def _in_token(plain: str, i: int) -> bool:
    """A mark inside a token (3.14, 1,000, %s:%d, report.pdf, !git) or standing alone."""
    before, after = plain[i - 1 : i], plain[i + 1 : i + 2]
    if after and (is_latin_word_char(after) or after == NEUTRAL) and plain[i] in ".?!":
        return True  # report.pdf, 百度.com, %(cls)s.name, '!git'
    if after == "=" and plain[i] in "?!":
        return True  # an operator: !=, ?=
    glued = [c for c in (before, after) if c and c not in " \t\n" and not _wide(c)]
    alone = plain[i] != ":" and not (before + after).strip(" \t\n")
    return len(glued) == 2 or alone  # or a symbol standing on its own: "用 +、- 或 ? 标注"


_SENTENCE_MARK = re.compile("[,.?!:;]")
_ASCII_MARK = re.compile("[,.?!:;()]")


def _marks(plain: str, kept: Callable[[int], bool]) -> set[int]:
    """Offsets of the ASCII , . ? ! : ; that punctuate Chinese text."""
    found = set()
    for m in _SENTENCE_MARK.finditer(plain):
        i, char = m.start(), m.group()
        if _in_token(plain, i) or kept(i):
            continue
        wrong = _chinese_clause(plain, i) if char in ",;" else _ends_chinese_sentence(plain, i)
        if wrong:
            found.add(i)
    return found


_CALL = re.compile(r"[a-z_][a-z0-9_.]*$")
_SYNTAX_INSIDE = re.compile(r"\(\s*--?[A-Za-z]|\(\s")  # "(-m <消息>)", "( 表达式 )"


def _parentheses(plain: str, source: str) -> set[int]:
    """Offsets of both parentheses of each pair that encloses Han text.

    Left alone: a pair around Latin text only, "(GPU)" or "(500)"; a call
    such as print(…); an unpaired ")" of a list item; and syntax in usage
    texts: "(( 表达式 ))", "[(<组> | <远程>)]", "(-m <消息>)", or
    "( 表达式 )" where the source also writes "( ".
    """
    found: set[int] = set()
    stack: list[int] = []
    for m in _PARENTHESIS.finditer(plain):
        i, char = m.start(), m.group()
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            start = stack.pop()
            if _prose_pair(plain, start, i, source):
                found |= {start, i}
    return found


_PARENTHESIS = re.compile("[()]")


def _prose_pair(plain: str, start: int, end: int, source: str) -> bool:
    if not any(is_han(c) for c in plain[start + 1 : end]) or _CALL.search(plain[:start]):
        return False
    if plain[start - 1 : start] in ("(", "[", "|") or ")" in plain[end + 1 : end + 2]:
        return False  # (( … )), [(-m <消息>)], a | (b c)
    syntax = _SYNTAX_INSIDE.match(plain, start)
    return syntax is None or (syntax.group().startswith("( ") and "( " not in source)


_SEPARATOR = re.compile("[,;:]")


def separators(source: str) -> frozenset[str]:
    """The marks , ; : that `source` uses between two words without a space (a,b).

    Prose puts a space after them; without one they are data ("yes,no,maybe")
    that a translation must keep as they are.
    """
    plain = neutralise(source)
    found = set()
    for m in _SEPARATOR.finditer(plain, 1, len(plain) - 1):
        i, char = m.start(), m.group()
        before, after = plain[i - 1], plain[i + 1]
        attached = not {before, after} & set(" \t\n")  # a placeholder counts as a word
        if attached and not (before.isdigit() and after.isdigit()):
            found.add(char)
    return frozenset(found)


_WORD_AFTER = re.compile(r"[ \t]*[A-Za-z]{2,}")


def _copied(text: str, plain: str, source: str) -> Callable[[int], bool]:
    """Whether the mark at an offset is a format the source has too.

    A separator the source writes between words ("yes,no,maybe"); a , : ;
    right after a placeholder or code as in the source ("%s: 无效" for
    "%s: invalid", the prefix of an error message); a mark before an English
    word as in the source ("命令; then" for "COMMANDS; then").
    """
    kept: frozenset[str] | None = None  # computed for the first mark that needs it
    span_before = {span.end: span.start for span in protected_spans(text)}

    def copied(i: int) -> bool:
        nonlocal kept
        char = text[i]
        between_words = 0 < i < len(plain) - 1 and not {plain[i - 1], plain[i + 1]} & set(" \t\n")
        if between_words:
            kept = separators(source) if kept is None else kept
            if char in kept:
                return True
        start = span_before.get(i)
        if char in ",:;" and start is not None and text[start : i + 1] in source:
            return True
        word = _WORD_AFTER.match(text, i + 1)
        return word is not None and text[i : word.end()] in source

    return copied


def halfwidth_marks(text: str, source: str = "", parentheses: bool = True) -> list[WrongMark]:
    """ASCII , . ? ! : ; ( ) that punctuate Chinese text, with full-width fixes.

    `source`, when there is one, tells which marks are formats to keep (see
    `_copied`); `parentheses=False` leaves ( ) alone, for house styles that
    keep them half-width. The fix also removes spaces around the mark:
    full-width marks carry their own.
    """
    if not _ASCII_MARK.search(text):
        return []  # the common case: nothing to look at
    plain = neutralise(text)
    marks = _marks(plain, _copied(text, plain, source))
    flagged = marks | (_parentheses(plain, source) if parentheses else set())
    return [WrongMark(i, i + 1, _chinese_fix(text, i, flagged)) for i in sorted(flagged)]


def _chinese_fix(text: str, i: int, flagged: set[int]) -> Fix:
    """The full-width mark for text[i], taking in the spaces around it on its line."""
    start, end = i, i + 1
    while end < len(text) and text[end] in _SPACES:
        end += 1
    if end == len(text) or text[end] == "\n":
        end = i + 1  # trailing spaces of a line are not ours to remove
    while start > 0 and text[start - 1] in _SPACES:
        start -= 1
    if start == 0 or text[start - 1] == "\n" or start - 1 in flagged:
        start = i  # indentation, or spaces already taken by the mark before
    return Fix(start, end, HALF_TO_FULL[text[i]])


# ---- P102: Chinese marks in English text -------------------------------------------

_SINGLE_FULL = "".join(sorted(k for k in FULL_TO_HALF if len(k) == 1))
_WIDE_PUNCT = frozenset(_SINGLE_FULL) | frozenset("“”‘’…—")
_SPACE_AFTER = frozenset(",.?!:;")
_OPEN_ASCII = frozenset("([{“‘")
_CLOSE_ASCII = frozenset(")]}”’")


def _protected_plain(text: str) -> str:
    return mask(text, protected_spans(text), NEUTRAL)


def _near_han(plain: str, start: int, end: int) -> bool:
    """Han text next to the mark, across spaces and other Chinese punctuation."""
    left_of, right_of = _neighbours(plain)
    left = left_of[start - 1] if start > 0 else -1
    right = right_of[end] if end < len(plain) else len(plain)
    return (left >= 0 and is_han(plain[left])) or (right < len(plain) and is_han(plain[right]))


@lru_cache(maxsize=2)
def _neighbours(plain: str) -> tuple[array[int], array[int]]:
    """For each offset, the nearest character at or before / at or after it that is
    not a space or Chinese punctuation (-1 / len when none): one pass each way, so
    a long run of marks costs its length, not its square."""
    skip = _WIDE_PUNCT | frozenset(_SPACES)
    left_of, last = array("q", bytes(8 * len(plain))), -1
    for i, char in enumerate(plain):
        last = last if char in skip else i
        left_of[i] = last
    right_of, last = array("q", bytes(8 * len(plain))), len(plain)
    for i in range(len(plain) - 1, -1, -1):
        last = last if plain[i] in skip else i
        right_of[i] = last
    return left_of, right_of


_FULL_PAIRS = {"（": "）", "【": "】", "「": "」", "『": "』", "《": "》", "〈": "〉", "〔": "〕"}


# P102's patterns read English targets only: compiled when the first one comes.
@cache
def _full_mark() -> re.Pattern[str]:
    return re.compile(f"……+|——+|[{re.escape(_SINGLE_FULL)}]")


@cache
def _full_bracket() -> re.Pattern[str]:
    return re.compile(f"[{''.join(_FULL_PAIRS)}{''.join(_FULL_PAIRS.values())}]")


def _chinese_brackets(plain: str) -> set[int]:
    """Offsets of both brackets of each full-width pair that touches Han text.

    A bracket pair goes with its content: "日志（changelog）" is Chinese text
    as a whole, although the closing bracket follows a Latin word.
    """
    closers = {close: open_ for open_, close in _FULL_PAIRS.items()}
    found: set[int] = set()
    stack: list[int] = []
    for m in _full_bracket().finditer(plain):
        i, char = m.start(), m.group()
        if char in _FULL_PAIRS:
            stack.append(i)
        elif char in closers and stack and plain[stack[-1]] == closers[char]:
            start = stack.pop()
            inside = plain[start + 1 : i]
            if _near_han(plain, start, start + 1) or _near_han(plain, i, i + 1) or has_han(inside):
                found |= {start, i}
    return found


def fullwidth_marks(text: str) -> list[WrongMark]:
    """Chinese punctuation in English text, with ASCII fixes and English spacing.

    Marks next to Han text are skipped, brackets in pairs: that Chinese text
    is a leftover (U102) and its punctuation goes with it.
    """
    if not _full_mark().search(text):
        return []  # most English texts
    plain = _protected_plain(text)
    chinese = _chinese_brackets(plain)
    result = []
    for m in _full_mark().finditer(plain):
        if m.start() in chinese or _near_han(plain, m.start(), m.end()):
            continue
        replacement = FULL_TO_HALF[m.group()[:2] if len(m.group()) > 1 else m.group()]
        result.append(WrongMark(m.start(), m.end(), _english_fix(text, m.span(), replacement)))
    return result


def _english_fix(text: str, span: tuple[int, int], ascii_mark: str) -> Fix:
    """Replace a mark by its ASCII form with the spaces English puts around it."""
    start, end = span
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if ascii_mark in _SPACE_AFTER or ascii_mark in _CLOSE_ASCII:
        start = _take_spaces_left(text, start)
        opener = after in _OPEN_ASCII or after in OPENING - {'"', "'"}
        digits = before.isdigit() and after.isdigit()  # 10：30, 1，000
        wants_space = after.isalnum() or (ascii_mark in _SPACE_AFTER and opener)
        return Fix(start, end, ascii_mark + (" " if wants_space and not digits else ""))
    if ascii_mark in _OPEN_ASCII:
        end = _take_spaces_right(text, end)
        wants_space = before.isalnum() or before in CLOSING - {'"', "'"}
        return Fix(start, end, (" " if wants_space else "") + ascii_mark)
    return Fix(start, end, ascii_mark)


def _take_spaces_left(text: str, start: int) -> int:
    """Extend over spaces before `start` when a word precedes them ("word ，")."""
    i = start
    while i > 0 and text[i - 1] in _SPACES:
        i -= 1
    return i if i < start and i > 0 and text[i - 1].isalnum() else start


def _take_spaces_right(text: str, end: int) -> int:
    """Extend over spaces after `end` when a word follows them ("（ word")."""
    i = end
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i if i > end and i < len(text) and text[i].isalnum() else end


# ---- P103: spacing between Han and Latin text ---------------------------------------

_LATIN_ALNUM = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # not × ÷


# P103 is off by default: its patterns, each with the Han class twice, are compiled
# only when it runs (see glossary.text.HAN_RUN).
@cache
def _touching() -> re.Pattern[str]:
    return re.compile(
        f"(?<=[{HAN_CLASS}])(?=[{_LATIN_ALNUM}])|(?<=[{_LATIN_ALNUM}])(?=[{HAN_CLASS}])"
    )


@cache
def _spaced() -> re.Pattern[str]:
    return re.compile(
        f"(?<=[{HAN_CLASS}])[ \t]+(?=[{_LATIN_ALNUM}])|(?<=[{_LATIN_ALNUM}])[ \t]+(?=[{HAN_CLASS}])"
    )


def spacing_faults(text: str, style: str) -> list[Fix]:
    """Where Han text meets Latin letters or digits against `style`.

    "space": one space is wanted between them (the fix inserts it);
    "nospace": none is (the fix removes the spaces). Code, URLs and
    placeholders do not count, nor does text next to punctuation.
    """
    plain = _protected_plain(text)
    if style == "space":
        return [Fix(m.start(), m.start(), " ") for m in _touching().finditer(plain)]
    return [Fix(m.start(), m.end(), "") for m in _spaced().finditer(plain)]
