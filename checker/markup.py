"""Markup and addresses in a text: HTML/XML tags, Markdown links, inline code, URLs, e-mail.

Spans come from `glossary.text.protected_spans`, so that what the glossary
matcher treats as code, a tag or a URL is what these rules compare.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from checker.tokens import Token
from glossary.text import HAN_RUN, Span, mask, protected_spans

__all__ = ["find_addresses", "find_markup", "language_neutral"]

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)")
_VOID_ELEMENTS = "area base br col embed hr img input link meta param source track wbr"
_VOID = frozenset(_VOID_ELEMENTS.split())  # no content: <br> and <br/> are the same
# [text](destination "title") and ![alt](src); the destination may hold one level of ().
_MD_LINK = re.compile(
    r"(!?)\[[^\[\]\n]*\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_MD_REFERENCE = re.compile(r"(!?)\[[^\[\]\n]+\]\[([^\[\]\n]+)\]")
_ABSOLUTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//|www\.)")
_CLOSING_QUOTES = "\u201d\u2019\u00bb\u203a"  # ” ’ » ›
_IRI_PATH = "/=#?&"  # Han right after these is a path or query of the address itself

# ISO 639-1 codes seen in localized URLs (/en/, /zh-hans/, hl=ja, zh.wikipedia.org).
_LANGUAGE_CODES = (
    "ar bg bn ca cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv ms nb nl no pl pt "
    "ro ru sk sl sr sv th tr uk vi zh"
)
_LANGUAGES = frozenset(_LANGUAGE_CODES.split())
# What every URL and e-mail address of `protected_spans` holds.
_MAYBE_ADDRESS = re.compile(r"://|@|(?i:www)\.")
_LANGUAGE_QUERY = re.compile(r"\b(?:lang|hl|locale|language)=[^&#]*&?", re.IGNORECASE)


def find_markup(text: str) -> list[Token]:
    """Tags (`tag`), Markdown links (`link`) and inline code (`code`), in order.

    A tag's key is its name and whether it opens, closes or closes itself
    (attribute values are F104's business); `<br>` and `<br/>` are one thing.
    A link's key is its destination, with absolute URLs left to F104.
    """
    if "<" not in text and "`" not in text and "[" not in text:
        return []  # no tag, no code, no link
    spans = protected_spans(text)
    tokens = [t for s in spans if s.kind == "tag" and (t := _tag(text, s)).key]
    tokens += [_code(text, s) for s in spans if s.kind == "code"]
    tokens += _links(mask(text, [s for s in spans if s.kind == "code"]), text)
    return sorted({t.start: t for t in tokens}.values(), key=lambda t: t.start)


def _tag(text: str, span: Span) -> Token:
    raw = text[span.start : span.end]
    m = _TAG.match(raw)
    if m is None:
        return Token(raw, span.start, span.end, "", "tag")
    name = m.group(2).lower()
    if name in _VOID:
        key = f"<{name}>"
    elif m.group(1):
        key = f"</{name}>"
    else:
        key = f"<{name}/>" if raw.endswith("/>") else f"<{name}>"
    return Token(raw, span.start, span.end, key, "tag")


def _code(text: str, span: Span) -> Token:
    raw = text[span.start : span.end]
    return Token(raw, span.start, span.end, raw, "code")


def _links(masked: str, text: str) -> list[Token]:
    """Markdown links and images, read where inline code is masked out."""
    tokens = []
    for m in _MD_LINK.finditer(masked):
        destination = "URL" if _ABSOLUTE.match(m.group(2)) else m.group(2)
        key = f"{m.group(1)}[]({destination})"
        tokens.append(Token(text[m.start() : m.end()], m.start(), m.end(), key, "link"))
    for m in _MD_REFERENCE.finditer(masked):
        key = f"{m.group(1)}[][{m.group(2).strip().lower()}]"
        tokens.append(Token(text[m.start() : m.end()], m.start(), m.end(), key, "link"))
    return tokens


def find_addresses(text: str) -> list[Token]:
    """URLs (`url`) and e-mail addresses (`email`), also inside tag attributes, in order.

    Han characters glued to an address are not part of it (Chinese text puts
    no space around 访问https://…了解更多), unless they follow a `/`, `=`, `#`,
    `?` or `&` of the address itself (https://zh.wikipedia.org/wiki/刷新). Keys
    fold what does not matter: the scheme's and host's case, a trailing
    slash, the case of an e-mail address.
    """
    if not _MAYBE_ADDRESS.search(text):
        return []
    scanned = HAN_RUN.sub(_blank_unless_in_address, text)  # offsets unchanged
    found: list[Token] = []
    for span in protected_spans(scanned):
        if span.kind in ("url", "email"):
            found.append(_address(text, span.start, span.end, span.kind))
        elif span.kind == "tag":  # <a href="https://…">: the tag hid the URL from the scan
            offset = span.start + 1
            for sub in protected_spans(scanned[offset : span.end]):
                if sub.kind in ("url", "email"):
                    found.append(_address(text, sub.start + offset, sub.end + offset, sub.kind))
    return found


def _blank_unless_in_address(m: re.Match[str]) -> str:
    before = m.string[m.start() - 1 : m.start()]
    return m.group() if before and before in _IRI_PATH else " " * len(m.group())


def _address(text: str, start: int, end: int, kind: str) -> Token:
    while end > start and text[end - 1] in _CLOSING_QUOTES:  # “https://” in a sentence
        end -= 1
    raw = text[start:end]
    key = raw.lower() if kind == "email" else _url_key(raw)
    return Token(raw, start, end, key, kind)


def _url_key(url: str) -> str:
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
    except ValueError:  # a malformed host such as an unclosed [IPv6
        return url
    key = f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"
    key += f"?{parts.query}" if parts.query else ""
    return key + (f"#{parts.fragment}" if parts.fragment else "")


def language_neutral(key: str) -> str:
    """A URL key without its language marks (/en/, /zh-hans/, hl=ja, zh.wikipedia.org).

    Used to tell a localized link (the page in the reader's language) from a
    different one. Marks are dropped rather than replaced, since a localized
    URL may add one that the original lacks (docs.python.org/3/ →
    docs.python.org/zh-cn/3/).
    """
    scheme, _, rest = key.partition("://")
    host, slash, path = rest.partition("/")
    labels = host.split(".")
    if len(labels) > 2 and _is_language(labels[0]):
        host = ".".join(labels[1:])
    segments = [s for s in path.split("/") if not _is_language(s)]
    neutral = f"{scheme}://{host}{slash}{'/'.join(segments)}"
    return _LANGUAGE_QUERY.sub("", neutral).rstrip("?&")


@cache  # compiled for the first URL that F104 compares: few texts have one
def _language_tag() -> re.Pattern[str]:
    return re.compile(r"([a-z]{2})(?:[-_][a-z]{2,4}){0,2}", re.IGNORECASE)


def _is_language(segment: str) -> bool:
    m = _language_tag().fullmatch(segment)
    return m is not None and m.group(1).lower() in _LANGUAGES
