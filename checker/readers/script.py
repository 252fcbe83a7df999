"""Which script a text is written in: Han share and a Chinese/English guess.

The Han ranges are the project's one set, in glossary.text.
"""

from __future__ import annotations

import re

from glossary.text import HAN_RUN

__all__ = ["guess_lang", "han_ratio"]

# Punctuation only Chinese text uses: the CJK symbols block and the full-width
# forms of ASCII punctuation (，。、：；？！（）【】《》「」…).
_CJK_PUNCT = re.compile(
    "[\u3001-\u3006\u3008-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_LATIN_WORD = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f0-9]+")
# A Chinese gloss in ASCII parentheses inside English: "Tongyi Lab (通义实验室)".
_PARENTHESISED = re.compile(r"\([^()]*\)")
# About three Latin letters of English carry what one Han character carries.
_LETTERS_PER_HAN = 3


def han_ratio(text: str) -> float:
    """Han characters / (Han characters + Latin letters); 0.0 when there are neither."""
    han = sum(map(len, HAN_RUN.findall(text)))
    latin = len(_LATIN_LETTER.findall(text))
    return han / (han + latin) if han + latin else 0.0


def guess_lang(text: str) -> str | None:
    """ "zh", "en", or None when the text has no letters of either script.

    Capitalised words, acronyms and words with digits (Qwen2.5, GPT, DeepSeek)
    are names that both languages share, so only all-lowercase words count as
    English evidence; Chinese punctuation counts as Chinese evidence, and a
    gloss in ASCII parentheses does not count. This keeps
    "Qwen2.5-Max 在 Arena-Hard 上超越 DeepSeek V3" Chinese and "the model at刷新
    (refreshing) SOTA" English.
    """
    outside = _PARENTHESISED.sub(" ", text)
    if HAN_RUN.search(outside) or _LATIN_LETTER.search(outside):
        text = outside  # what stands in parentheses is a gloss, not the language
    han = sum(map(len, HAN_RUN.findall(text)))
    if han == 0:
        return "en" if _LATIN_LETTER.search(text) else None
    chinese = han + 2 * len(_CJK_PUNCT.findall(text))
    english = sum(len(word) for word in _LATIN_WORD.findall(text) if word.islower())
    return "zh" if chinese * _LETTERS_PER_HAN >= english else "en"
