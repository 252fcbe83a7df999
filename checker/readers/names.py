"""Document file names that carry a language: NAME.zh.md, NAME.en-US.txt, NAME.zh_Hans.md."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from checker.readers.languages import lang_of

__all__ = ["DOCUMENT_EXTENSIONS", "DocumentName", "document_name"]

DOCUMENT_EXTENSIONS = (".md", ".markdown", ".txt")
_LANG_SUFFIX = re.compile(r"(?P<stem>.+)\.(?P<code>(?:zh|en)(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentName:
    directory: str
    stem: str  # NAME without the language suffix
    code: str  # the suffix as written (zh-Hans), "" when there is none
    lang: str | None  # "zh" | "en" | None
    extension: str  # lower-cased, with the dot


def document_name(path: str) -> DocumentName | None:
    """The parts of a document's name, or None when `path` is not a document."""
    directory, filename = os.path.split(path)
    base, extension = os.path.splitext(filename)
    if extension.lower() not in DOCUMENT_EXTENSIONS:
        return None
    match = _LANG_SUFFIX.fullmatch(base)
    if match is None:
        return DocumentName(directory, base, "", None, extension.lower())
    code = match.group("code")
    return DocumentName(directory, match.group("stem"), code, lang_of(code), extension.lower())
