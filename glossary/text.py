"""Character classes and the spans of a text that are not prose.

Han ranges are written out with explicit escapes (never copied from
sacrebleu, whose Extension-B range is malformed) and unit-tested one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

# (first, last, name) of every block of Han ideographs, plus 〇, which Unicode
# gives the Han script although it sits among the CJK symbols.
HAN_RANGES: tuple[tuple[str, str, str], ...] = (
    ("\u3007", "\u3007", "ideographic number zero"),
    ("\u3400", "\u4dbf", "CJK Unified Ideographs Extension A"),
    ("\u4e00", "\u9fff", "CJK Unified Ideographs"),
    ("\uf900", "\ufaff", "CJK Compatibility Ideographs"),
    ("\U00020000", "\U0002a6df", "CJK Unified Ideographs Extension B"),
    ("\U0002a700", "\U0002b73f", "CJK Unified Ideographs Extension C"),
    ("\U0002b740", "\U0002b81f", "CJK Unified Ideographs Extension D"),
    ("\U0002b820", "\U0002ceaf", "CJK Unified Ideographs Extension E"),
    ("\U0002ceb0", "\U0002ebef", "CJK Unified Ideographs Extension F"),
    ("\U0002ebf0", "\U0002ee5f", "CJK Unified Ideographs Extension I"),
    ("\U0002f800", "\U0002fa1f", "CJK Compatibility Ideographs Supplement"),
    ("\U00030000", "\U0003134f", "CJK Unified Ideographs Extension G"),
    ("\U00031350", "\U000323af", "CJK Unified Ideographs Extension H"),
)
HAN_CLASS = "".join(f"{a}-{b}" if a != b else a for a, b, _ in HAN_RANGES)
# A run of Han characters: the one Han pattern that every module shares. Compiling a
# pattern with HAN_CLASS costs 1.5-2 ms (re's charset optimiser visits each of its
# 28,000 BMP code points), a real part of a pre-commit hook's run: patterns that
# need the class in a context are compiled on first use, where they are used.
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


@lru_cache(maxsize=1 << 16)  # asked of every character next to a match: a lookup beats a regex
def is_han(char: str) -> bool:
    """True for a Han ideograph (any CJK block, including 〇)."""
    return bool(HAN_RUN.fullmatch(char))


@lru_cache(maxsize=1 << 16)  # asked of both characters around every match
def is_latin_word_char(char: str) -> bool:
    """Letters and digits of alphabetic scripts, and `_`: what English words are made of."""
    return (char.isalnum() and not is_han(char)) or char == "_"


def has_han(text: str) -> bool:
    return HAN_RUN.search(text) is not None


class Span(NamedTuple):
    start: int
    end: int
    kind: str


# Ordered: earlier kinds win where two overlap (a URL inside inline code is code).
_PROTECTED = (
    ("code", r"`[^`\n]+`"),
    # A URL may follow Han text directly (访问https://…): no \b, which needs a non-word before.
    (
        "url",
        r"(?:(?<![A-Za-z0-9])(?i:https?|ftp)://|(?<![A-Za-z0-9.])(?i:www)\.)"
        r"[^\s<>\"'`\u2018-\u201f\u3000-\u303f\uff00-\uffef]+",  # curly quotes end it
    ),
    ("email", r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    ("tag", r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>"),
    (
        "placeholder",
        r"%(?:\d+\$)?(?:\([A-Za-z_]\w*\))?[-+#0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa]",
    ),
    # Template tags end before the next "{": a lazy `.*?` here rescanned the rest of
    # the line from every "{{" ("{" * 100_000 took minutes); this scans each char once.
    ("placeholder", r"\{\{[^{}\n]*\}\}|\{%[^{}\n]*?%\}"),
    ("placeholder", r"\{[A-Za-z_0-9.\[\]]*(?:![rsa])?(?::[^{}\n]*)?\}"),
    # File paths and URL paths: /about/contact/, flatpages/page.html, ../x
    # Starts only where a run of path characters starts: starting inside "a.a.a…"
    # too made each start rescan the run (quadratic on "a." * 50_000).
    ("path", r"(?<![\w/.-])(?:\.{0,2}/)?(?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]*"),
    # Identifiers of code: allow_empty, get_absolute_url(), obj.save()
    (
        "identifier",
        r"(?<![A-Za-z0-9_])[A-Za-z0-9]*_[A-Za-z0-9_]*(?:\(\))?"
        r"|(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_.]*\(\)",
    ),
)
_PROTECTED_RE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PROTECTED)))
_TRAILING_URL_PUNCT = ".,;:!?)]}'\""
# What each kind above needs (` : @ < % { / _ "()" "www."): most texts have none of it,
# and this finds that out faster than the patterns, which may start at any letter.
_MAYBE_PROTECTED = re.compile(r"[`@<%{/_]|\(\)|(?i:www)\.")


# Every rule asks for the spans of the same source and target (a dozen times per
# segment): the last texts' spans are kept, as an immutable tuple.
@lru_cache(maxsize=32)
def protected_spans(text: str) -> tuple[Span, ...]:
    """Code, URLs, e-mail addresses, markup tags and placeholders in `text`, in order.

    Nothing inside these spans is prose: no term is matched in them and no
    leftover is reported from them.
    """
    if not _MAYBE_PROTECTED.search(text):
        return ()
    spans = []
    for m in _PROTECTED_RE.finditer(text):
        kind = _PROTECTED[int(m.lastgroup[1:])][0] if m.lastgroup else "other"
        end = _url_end(text, m.start(), m.end()) if kind == "url" else m.end()
        spans.append(Span(m.start(), end, kind))
    return tuple(spans)


def _url_end(text: str, start: int, end: int) -> int:
    """Where a URL really ends: not at a sentence's full stop or closing bracket,
    and not in Han text glued to it (访问https://qwen.ai了解), though a Han path
    or query part (https://例子.cn/刷新) belongs to it."""
    for i in range(start + 1, end):
        if is_han(text[i]) and not is_han(text[i - 1]) and text[i - 1] not in "/=#?&":
            end = i
            break
    while end > start and text[end - 1] in _TRAILING_URL_PUNCT:
        end -= 1
    return end


def overlaps(spans: Sequence[Span], start: int, end: int) -> bool:
    """True when [start, end) overlaps any span."""
    return any(s.start < end and start < s.end for s in spans)


def mask(text: str, spans: Sequence[Span], blank: str = " ") -> str:
    """`text` with every span blanked out by `blank` (one character), offsets unchanged."""
    if not spans:
        return text  # most texts
    return blank_out(text, ((s.start, s.end) for s in spans), blank)


def prose(text: str) -> str:
    """`text` with code, URLs, addresses, markup and placeholders blanked out."""
    return mask(text, protected_spans(text))


def blank_out(text: str, ranges: Iterable[tuple[int, int]], blank: str = " ") -> str:
    """`text` with every [start, end) range replaced by `blank`s, offsets unchanged."""
    pieces: list[str] = []  # slices, not a list of characters: huge lines stay cheap
    done = 0
    for start, end in sorted(ranges):
        start = max(start, done)
        if end > start:
            pieces += (text[done:start], blank * (end - start))
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)
