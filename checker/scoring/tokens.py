"""Tokens for the terminology metrics: words in English, characters in Chinese.

Window overlap and 1-TERm count words around and inside terms, so they need
tokens. English (and any Latin-script run) splits into words, with inner
hyphens, apostrophes and decimal points kept (fine-tune, don't, 3.5), and
every other symbol is a token of its own. Chinese splits into single Han
characters, as sacrebleu's `zh` tokenizer does for BLEU: this needs no
segmenter, costs nothing, and gives the same tokens whether or not the text
was pre-segmented. Tokens are lower-cased: like TER, the term metrics ignore
letter case of the surrounding words.

The Han ranges are the project's own (glossary.text), never sacrebleu's
(whose Extension-B range is malformed, sacrebleu issue #298).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from glossary.text import HAN_CLASS

__all__ = ["Token", "join_han", "tokenize"]

_HAN = f"[{HAN_CLASS}]"
_WORD_CHAR = rf"[^\W{HAN_CLASS}]"  # a letter, digit or _ of any script except Han
_TOKEN = re.compile(rf"{_HAN}|{_WORD_CHAR}+(?:['’.\-]{_WORD_CHAR}+)*|\S")
_SPACE_BETWEEN_HAN = re.compile(rf"(?<={_HAN})\s+(?={_HAN})")


class Token(NamedTuple):
    """One token: its lower-cased text, where it sits, and whether it is a word."""

    text: str
    start: int
    end: int
    word: bool  # False for punctuation and symbols, which windows skip


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, in order, with their offsets in `text`."""
    tokens = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        word = piece[0].isalnum() or piece[0] == "_"
        tokens.append(Token(piece.lower(), match.start(), match.end(), word))
    return tokens


def join_han(text: str) -> str:
    """`text` without the spaces a word segmenter put between Han characters.

    Chinese references are sometimes pre-segmented ("冠状 病毒"); glossary
    forms are not. Joining makes term matching independent of segmentation.
    """
    return _SPACE_BETWEEN_HAN.sub("", text)
