"""Punctuation of Chinese and English text: width tables, prose masking, final marks.

Chinese text takes full-width marks (，。？！：；（）), English text ASCII
ones. These tables and helpers are shared by the typography rules (P101,
P102, P105) and anything else that must tell a sentence's end from a
decimal point.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from glossary.text import blank_out, protected_spans

__all__ = [
    "CLOSING",
    "FULL_TO_HALF",
    "HALF_TO_FULL",
    "NEUTRAL",
    "OPENING",
    "Final",
    "FinalKind",
    "final_mark",
    "is_abbreviation",
    "neutralise",
]

# The ASCII marks P101 looks at, and what Chinese text writes instead.
HALF_TO_FULL = {
    ",": "，",
    ".": "。",
    "?": "？",
    "!": "！",
    ":": "：",
    ";": "；",
    "(": "（",
    ")": "）",
}


def _fullwidth_forms() -> dict[str, str]:
    """Full-width ASCII punctuation (U+FF01–FF5E minus letters and digits) → ASCII."""
    table = {}
    for code in range(0xFF01, 0xFF5F):
        char = chr(code)
        if not char.isalnum():
            table[char] = chr(code - 0xFEE0)
    return table


# Chinese punctuation in English text → its English form. Curly quotes “ ” ‘ ’,
# the em dash and the single ellipsis are English typography and not listed.
FULL_TO_HALF = {
    **_fullwidth_forms(),
    "、": ",",
    "。": ".",
    "｡": ".",
    "【": "[",
    "】": "]",
    "〔": "(",
    "〕": ")",
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "《": "“",
    "》": "”",
    "〈": "‘",
    "〉": "’",
    "\u3000": " ",
    "……": "…",
    "——": "—",
}

# Brackets and quotes of either width, by side.
OPENING = frozenset("([{“‘「『《〈【〔（［｛\"'")
CLOSING = frozenset(")]}”’」』》〉】〕）］｝\"'")

# Stands in for text that is not prose (code, placeholders, markup, emoticons):
# the same length, so offsets stay those of the original text.
NEUTRAL = "\x00"

_NOT_PROSE = re.compile(
    r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"  # HTML entities: &nbsp;
    r"|(?<![A-Za-z0-9_(])[:;]-?[()DPp](?![A-Za-z0-9_)])"  # emoticons :) ;-) :D
    r"|\^_*\^"  # ^_^
    r"|\]\([^()\s]*\)"  # a Markdown link's target: [text](target)
    r"|!(?=\[)"  # a Markdown image: ![alt](src)
    r"|(?m:^[ \t]*\[[^\]\n]+\]:)"  # a Markdown link definition: [id]: url
    r"|(?m:^[ \t]*\d{1,3}[.)](?=[ \t]))"  # an ordered-list marker: 1. or 1)
    r"|\.{2,}|…+|\?{2,}"  # an ellipsis, of any width; ??? for an unknown value
    r"|\(\([^()]*\)\)"  # shell arithmetic: (( i++ ))
)


def neutralise(text: str) -> str:
    """`text` with everything that is not prose replaced by NEUTRAL, offsets unchanged.

    Besides code, URLs, placeholders, paths and tags (glossary.text's
    protected spans): HTML entities, emoticons, ellipses, Markdown link
    targets and list markers, shell arithmetic, whose ASCII marks are right
    in any language.
    """
    spans = [(s.start, s.end) for s in protected_spans(text)]
    spans += [m.span() for m in _NOT_PROSE.finditer(text)]
    return blank_out(text, spans, NEUTRAL)


# Words whose full stop belongs to them: Jan. etc. — and a.m., e.g., U.S. by their shape.
_MONTHS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
_ABBREVIATIONS = frozenset(
    [*_MONTHS, "etc", "vs", "cf", "al", "approx", "inc", "ltd", "co", "corp", "mr", "mrs", "dr"]
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def is_abbreviation(word: str) -> bool:
    """Whether `word` followed by a full stop is an abbreviation ("Sept", "a.m", "etc")."""
    return word.lower() in _ABBREVIATIONS or _DOTTED.fullmatch(word) is not None


class FinalKind(enum.Enum):
    """What a sentence-final mark says, whatever its width."""

    STATEMENT = "a full stop"
    QUESTION = "a question mark"
    EXCLAMATION = "an exclamation mark"
    COLON = "a colon"
    SEMICOLON = "a semicolon"
    ELLIPSIS = "an ellipsis"


_FINAL_KINDS = {
    ".": FinalKind.STATEMENT,
    "。": FinalKind.STATEMENT,
    "｡": FinalKind.STATEMENT,
    "．": FinalKind.STATEMENT,
    "?": FinalKind.QUESTION,
    "？": FinalKind.QUESTION,
    "!": FinalKind.EXCLAMATION,
    "！": FinalKind.EXCLAMATION,
    ":": FinalKind.COLON,
    "：": FinalKind.COLON,
    ";": FinalKind.SEMICOLON,
    "；": FinalKind.SEMICOLON,
    "…": FinalKind.ELLIPSIS,
    "⋯": FinalKind.ELLIPSIS,
}
# Trailing text that does not change how a sentence ends: closing quotes and
# brackets, emphasis markers, closing markup tags (an opening one, <command>,
# is more likely a metavariable), white space.
_TRAILING_CHARS = CLOSING | {"*", "~"}
_CLOSING_TAG = re.compile(r"</[A-Za-z][^<>]*>")


_DOTS = (FinalKind.STATEMENT, FinalKind.ELLIPSIS)
_DOT_CHARS = frozenset(".。｡．…⋯")


@dataclass(frozen=True)
class Final:
    """The mark that ends a text: its kind, where it starts and what is written."""

    kind: FinalKind
    start: int
    text: str


def final_mark(text: str) -> Final | None:
    """The sentence-final punctuation of `text`, or None when it ends without one.

    Closing quotes and brackets, emphasis and closing tags after the mark are
    looked through ("Save.”" ends with a full stop); two or more full stops,
    of either width, are an ellipsis. Marks that end no sentence do not
    count: an abbreviation's full stop ("Jan.", "6 a.m."), a mark quoted or
    standing alone as a symbol ('-+.', "“.”", "has ?") and the directory "..".
    """
    end = _trailer_start(text)
    if end == 0 or text[end - 1] not in _FINAL_KINDS:
        return None
    start = end - 1
    while start > 0 and _FINAL_KINDS.get(text[start - 1]) in _DOTS and text[end - 1] in _DOT_CHARS:
        start -= 1
    mark = text[start:end]
    if mark == "." and is_abbreviation(_word_before(text, start)):
        return None  # "Sept.": the full stop ends a word, not a sentence
    before = text[max(start - 2, 0) : start]
    if mark == ".." and (not before or before[-1].isspace() or before[-1] == "/"):
        return None  # the parent directory
    kind = FinalKind.ELLIPSIS if len(mark) > 1 or mark in "…⋯" else _FINAL_KINDS[mark]
    if _quoted(before):
        return None
    if mark.isascii() and kind is not FinalKind.ELLIPSIS and not _ends_words(before[-1:]):
        return None  # a full-width mark is punctuation wherever it stands
    return Final(kind, start, mark)


def _trailer_start(text: str) -> int:
    """Where the trailing quotes, brackets, emphasis, closing tags and blanks begin.

    Read backwards, a character at a time: a pattern anchored at the end ($)
    is tried at every offset of the text, which made long paragraphs slow.
    """
    end = len(text)
    while end:
        char = text[end - 1]
        if char.isspace() or char in _TRAILING_CHARS:
            end -= 1
        elif char == ">" and _CLOSING_TAG.fullmatch(text, start := text.rfind("<", 0, end), end):
            end = start
        else:
            break
    return end


def _quoted(before: str) -> bool:
    """Whether a mark follows an opening quote or bracket: a quoted symbol, ";" or {…}."""
    if not before:
        return False
    if before[-1] in "\"'":  # a straight quote opens after a space
        return len(before) == 1 or before[-2].isspace()
    return before[-1] in OPENING


def _ends_words(char: str) -> bool:
    """Whether a mark after `char` can end a sentence: after words, numbers,
    brackets, quotes and markup, not after a space or a symbol."""
    ends_markup = char in ">`*_"  # </b>. `code`. **bold**.
    after_mark = char in _FINAL_KINDS  # ?! …?
    return (
        char.isalnum() or char in CLOSING or char == "%" or ends_markup or after_mark or _wide(char)
    )


def _wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in "FW" and char not in OPENING


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]
