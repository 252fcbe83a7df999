"""Chinese word boundaries from jieba, loaded only when a match needs them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from glossary.cache import cache_dir


def _cache_file() -> str:
    """jieba's prefix-dictionary cache, kept per user so later runs skip the build."""
    return str(cache_dir() / "jieba.cache")


class Segmenter:
    """A private jieba tokenizer that knows the glossary's Chinese terms.

    Private so that adding our terms never changes jieba for other code in the
    same process; built on first use because loading jieba's dictionary costs
    most of a second.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted(set(words))
        self._tokenizer: Any = None

    def __getstate__(self) -> dict[str, object]:
        """Pickled without jieba's tokenizer, which is loaded again on first use."""
        return {"_words": self._words, "_tokenizer": None}

    def _load(self) -> Any:
        import jieba

        jieba.setLogLevel(30)  # logging.WARNING, without importing logging
        tokenizer = jieba.Tokenizer()
        tokenizer.cache_file = _cache_file()
        tokenizer.initialize()
        for word in self._words:
            tokenizer.add_word(word)  # jieba suggests a frequency just high enough
        return tokenizer

    def words(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each jieba word of `text`, in order."""
        if self._tokenizer is None:
            self._tokenizer = self._load()
        return [(start, end) for _w, start, end in self._tokenizer.tokenize(text, HMM=False)]
