"""Placeholders of format strings: printf (`%s`, `%(name)s`, `%1$s`), brace (`{name}`,
`{0:.2f}`), double-brace templates (`{{ name }}`) and Qt (`%1`).

Which syntaxes a text is read with depends on its gettext format flags:

- A flag of the kind (`python-format`, `c-format`, `javascript-format`…
  for printf; `python-brace-format`, `csharp-format` for brace; `qt-format`)
  declares a format string: the whole grammar applies, `%%`, `{{` and `}}` are
  escapes, and a `%` or brace that starts no valid directive is reported
  (`"50% 折扣"` in a python-format string raises at run time).
- Without any format flag (Markdown, TSV, XLIFF, unflagged PO entries) a text
  is prose that may hold placeholders: the unmistakable ones count
  (`%(name)s`, `%1$s`, `{name}`, `{{ name }}`), and so do `%s`/`%d` that stand
  alone (not `50%d`, not `%done`) and numbered fields `{0}`; code spans,
  URLs and e-mail addresses are not looked into (a URL's `%2F` is not a
  placeholder).
- With a flag of another kind, or a `no-…-format` flag, only the
  unmistakable ones count: a translation that drops `%(name)s` has lost text
  whatever the flags say, but a `%s` there is literal text.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from checker.tokens import Token
from glossary.text import mask, protected_spans

__all__ = [
    "Mode",
    "comparison_keys",
    "find_placeholders",
    "is_positional",
    "modes",
    "order_changed",
]


class Mode(enum.Enum):
    """How much of a placeholder syntax applies to a text."""

    OFF = 0
    STRICT = 1  # only unmistakable placeholders (named, numbered)
    LOOSE = 2  # also bare ones that are hard to mistake (%s, {0})
    FULL = 3  # declared format string: full grammar, escapes, stray characters


_PRINTF_KINDS = frozenset(
    {
        "c",
        "objc",
        "python",
        "php",
        "perl",
        "javascript",
        "awk",
        "java-printf",
        "gcc-internal",
        "gfc-internal",
    }
)
_BRACE_KINDS = frozenset({"python-brace", "csharp"})
_QT_KINDS = frozenset({"qt", "qt-plural", "kde"})

_PRINTF_FULL = re.compile(
    r"%(?:(?P<escape>%)"
    r"|(?:\([^()]*\)|[1-9]\d*\$)?[-+ #0']*(?:\*(?:[1-9]\d*\$)?|\d+)?"
    r"(?:\.(?:\*(?:[1-9]\d*\$)?|\d+))?(?:hh|ll|I64|I32|[hlLqjzt])?[diouxXeEfFgGcrsapn]"
    r"|(?P<stray>))"
)
_PRINTF_NAMED = (
    r"%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%[1-9]\d*\$[-+#0']*\d*(?:\.\d+)?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcsp]"
)
# Alone: no letter, digit or % glued before (50%d) or a letter after (%done).
_PRINTF_BARE = (
    r"(?<![A-Za-z0-9%])%[-+#0]*\d*(?:\.\d+)?(?:ll|[hlLqjz])?[sdiuxXeEfgGc](?![A-Za-z0-9])"
)
# Patterns by mode, compiled when a text in that mode comes: a run rarely needs both.
_PRINTF = {
    Mode.STRICT: _PRINTF_NAMED,
    Mode.LOOSE: f"{_PRINTF_NAMED}|{_PRINTF_BARE}",
}

_BRACE_FULL = re.compile(
    r"(?P<escape>\{\{|\}\})"
    r"|\{[^{}!:]*(?:![^{}:]*)?(?::(?:[^{}]|\{[^{}]*\})*)?\}"
    r"|(?P<stray>[{}])"
)
_TEMPLATE = r"(?P<template>\{\{\s*[^{}\s](?:[^{}\n]*?[^{}\s])?\s*\}\})"
_FIELD_TAIL = r"(?:\.[A-Za-z_]\w*|\[\w+\])*(?:![rsa])?(?::[^{}\s]*)?\}(?!\})"
_BRACE = {
    Mode.STRICT: rf"{_TEMPLATE}|(?<!\{{)\{{[A-Za-z_]\w*{_FIELD_TAIL}",
    Mode.LOOSE: rf"{_TEMPLATE}|(?<!\{{)\{{(?:[A-Za-z_]\w*|\d+){_FIELD_TAIL}",
}
_compiled = cache(re.compile)
_QT = re.compile(r"%L?[1-9]\d?")

_NUMBERED_PRINTF = re.compile(r"%(?:\(|[1-9]\d*\$)")
_AUTO_BRACE = re.compile(r"\{[!:}]")
_HIDDEN = frozenset({"code", "url", "email"})


@lru_cache(maxsize=256)  # a catalog has a handful of flag sets
def modes(flags: frozenset[str]) -> tuple[Mode, Mode, Mode]:
    """(printf, brace, qt) modes for a text with these gettext flags."""
    positive = {f.removesuffix("-format") for f in flags if f.endswith("-format")}
    negative = {f.removeprefix("no-") for f in positive if f.startswith("no-")}
    positive -= {f for f in positive if f.startswith("no-")}

    def mode(kinds: frozenset[str]) -> Mode:
        if positive & kinds:
            return Mode.FULL
        return Mode.STRICT if positive or negative & kinds else Mode.LOOSE

    qt = Mode.FULL if positive & _QT_KINDS else Mode.OFF
    return mode(_PRINTF_KINDS), mode(_BRACE_KINDS), qt


def find_placeholders(text: str, flags: frozenset[str] = frozenset()) -> list[Token]:
    """The placeholders of `text`, in order of position.

    Tokens of kind `stray` are a `%` or brace that starts no directive in a
    declared format string; escapes (`%%`, `{{`) yield nothing.
    """
    if "%" not in text and "{" not in text and "}" not in text:
        return []  # every placeholder, escape and stray starts with one of these
    printf, brace, qt = modes(flags)
    if printf is not Mode.FULL and brace is not Mode.FULL:
        hidden = [s for s in protected_spans(text) if s.kind in _HIDDEN]
        text = mask(text, hidden)  # prose: code, URLs and addresses hold no placeholders
    found = _printf(text, printf) + _brace(text, brace)
    if qt is Mode.FULL:
        found += [Token(m.group(), *m.span(), m.group(), "qt") for m in _QT.finditer(text)]
    return sorted(_without_overlaps(found), key=lambda t: t.start)


def _printf(text: str, mode: Mode) -> list[Token]:
    if mode is Mode.FULL:
        return _full_syntax(_PRINTF_FULL, text, "printf")
    pattern = _PRINTF.get(mode)
    if pattern is None:
        return []
    found = _compiled(pattern).finditer(text)
    return [Token(m.group(), *m.span(), m.group(), "printf") for m in found]


def _brace(text: str, mode: Mode) -> list[Token]:
    if mode is Mode.FULL:
        return _full_syntax(_BRACE_FULL, text, "brace")
    pattern = _BRACE.get(mode)
    if pattern is None:
        return []
    return [_brace_token(m) for m in _compiled(pattern).finditer(text)]


def _full_syntax(pattern: re.Pattern[str], text: str, kind: str) -> list[Token]:
    """Placeholders of a flagged format: escapes (%%, {{) skipped, a lone % or brace "stray"."""
    found = []
    for m in pattern.finditer(text):
        if m.group("escape") is None:
            stray = m.group("stray") is not None
            found.append(Token(m.group(), *m.span(), m.group(), "stray" if stray else kind))
    return found


def _brace_token(m: re.Match[str]) -> Token:
    if m.group("template") is not None:  # {{ name }} and {{name}} are one variable
        inner = " ".join(m.group()[2:-2].split())
        return Token(m.group(), *m.span(), "{{ " + inner + " }}", "template")
    return Token(m.group(), *m.span(), m.group(), "brace")


def _without_overlaps(tokens: list[Token]) -> list[Token]:
    """Earlier and longer tokens win: `{%(name)s}` is one printf placeholder, not two."""
    kept: list[Token] = []
    for token in sorted(tokens, key=lambda t: (t.start, -t.end)):
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept


def is_positional(token: Token) -> bool:
    """Bound to an argument by its position (`%s`, `{}`), or a stray `%` or brace:
    how many there are matters, not only which."""
    return token.kind == "stray" or _unnumbered(token)


def _unnumbered(token: Token) -> bool:
    """`%s` or `{}`: bound to arguments by position, not by name or number."""
    if token.kind == "printf":
        return not _NUMBERED_PRINTF.match(token.text)
    return token.kind == "brace" and bool(_AUTO_BRACE.match(token.text))


def _numbered(token: Token) -> bool:
    if token.kind == "printf":
        return bool(re.match(r"%[1-9]\d*\$", token.text))
    return token.kind == "brace" and bool(re.match(r"\{\d", token.text))


def comparison_keys(
    source: Sequence[Token], target: Sequence[Token]
) -> tuple[list[Token], list[Token]]:
    """The two sides with keys that compare like for like.

    A translation may number placeholders that the source leaves unnumbered,
    to reorder them (`%s … %d` → `%2$d … %1$s`, `{} {}` → `{1} {0}`); the
    unnumbered side then gets the numbers its order implies.
    """
    for kind in ("printf", "brace"):
        src = [t for t in source if t.kind == kind]
        tgt = [t for t in target if t.kind == kind]
        if _only(src, _unnumbered) and _only(tgt, _numbered):
            source = _renumbered(source, kind)
        elif _only(src, _numbered) and _only(tgt, _unnumbered):
            target = _renumbered(target, kind)
    return list(source), list(target)


def _only(tokens: list[Token], test: Callable[[Token], bool]) -> bool:
    return bool(tokens) and all(test(t) for t in tokens)


def _renumbered(tokens: Sequence[Token], kind: str) -> list[Token]:
    result = []
    position = 0
    for token in tokens:
        if token.kind == kind and _unnumbered(token):
            position += 1
            if kind == "printf":
                key = f"%{position}${token.text[1:]}"
            else:
                key = f"{{{position - 1}{token.text[1:]}"
            token = token._replace(key=key)
        result.append(token)
    return result


def order_changed(source: Sequence[Token], target: Sequence[Token]) -> bool:
    """Same unnumbered placeholders, different order: `%s … %d` → `%d … %s`.

    They bind to arguments by position, so the translation swaps values (or
    fails on a type). Numbering them (`%2$d … %1$s`) is the way to reorder.
    """
    src = [t.key for t in source if _unnumbered(t)]
    tgt = [t.key for t in target if _unnumbered(t)]
    return Counter(src) == Counter(tgt) and src != tgt
