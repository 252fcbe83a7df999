"""Find every glossary form in a text in one pass.

One Aho–Corasick automaton per language holds every surface form (English
inflections included) folded to lower case. Candidates are then filtered:
never inside protected spans (code, URLs, placeholders, markup), English
words on word boundaries, Chinese words on jieba word boundaries (see
`_LazyBoundaries` for compounds); and the longest candidate wins where two
overlap.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from glossary.chinese import Segmenter
from glossary.english import surface_forms
from glossary.model import Boundary, Concept, Form, Glossary
from glossary.text import has_han, is_han, is_latin_word_char, protected_spans


class Entry(NamedTuple):
    """One glossary form reachable through one surface string."""

    concept: Concept
    form: Form
    variants: frozenset[str]  # the form's own spellings: a text in one has its case


@dataclass(frozen=True)
class Match:
    """A glossary form found in a text at [start, end)."""

    start: int
    end: int
    text: str
    concept: Concept
    form: Form

    @property
    def exact_case(self) -> bool:
        """True when the text has the form's own letter case (or an inflection of it)."""
        return self.text in _variants(self.form.text)


@cache  # one entry per form of a glossary
def _variants(form: str) -> frozenset[str]:
    return frozenset(surface_forms(form))


def fold(text: str) -> str:
    """Lower-case `text` without changing its length, so offsets stay valid."""
    low = text.lower()
    # The same as lowering each character unless one grows (İ → i̇) or a final Σ
    # takes its own form (ς): then character by character.
    if len(low) == len(text) and "\u03a3" not in text:
        return low
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def _inflects(concept: Concept, form: Form) -> bool:
    """English forms inflect; do-not-translate names only as acronyms (GPU → GPUs)."""
    if concept.dnt:  # in either language's index
        return form.text.isupper() and form.text.isalpha()
    return form.lang == "en" and not has_han(form.text)


class TermIndex:
    """All forms of a glossary in one language, searchable in one pass."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        import ahocorasick

        self.lang = lang
        surfaces: dict[str, list[Entry]] = defaultdict(list)
        han_words: set[str] = set()
        for concept in glossary:
            for form in concept.forms_in(lang):
                if not form.text:
                    continue
                for surface in surface_forms(form.text, inflect=_inflects(concept, form)):
                    surfaces[fold(surface)].append(Entry(concept, form, _variants(form.text)))
                if has_han(form.text) and concept.boundary is Boundary.WORD:
                    han_words.add(form.text)
        self._automaton = ahocorasick.Automaton()
        for key, entries in surfaces.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        if surfaces:
            self._automaton.make_automaton()
        self._empty = not surfaces
        self._segmenter = Segmenter(han_words)
        # Several rules ask for the same text's matches: the last answers are kept.
        self._found = lru_cache(maxsize=16)(self._find_all)

    def __getstate__(self) -> dict[str, object]:
        """Pickled (with its glossary, in the glossary cache) without the answers kept."""
        state = dict(self.__dict__)
        del state["_found"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._found = lru_cache(maxsize=16)(self._find_all)

    def find_all(
        self, text: str, *, any_case: bool = False, chinese_words: bool = True
    ) -> list[Match]:
        """Glossary forms in `text`, in text order, longest first where they overlap.

        Forms of case-sensitive concepts match only in their own case unless
        `any_case` (used to find a target written in the wrong case). With
        `chinese_words=False`, Chinese forms match inside longer words too (a
        rendering is present in 目录索引 even though jieba reads it as one word).
        The list is shared with other callers: read it, do not change it.
        """
        if self._empty or not text:
            return []
        return self._found(text, any_case, chinese_words)

    def _find_all(self, text: str, any_case: bool, chinese_words: bool) -> list[Match]:
        candidates = self._candidates(text, any_case, chinese_words)
        if len(candidates) < 2:
            return candidates
        taken = bytearray(len(text))  # a byte per character: cheap on a huge line too
        chosen: list[Match] = []
        for match in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
            same_span = chosen and (chosen[-1].start, chosen[-1].end) == (match.start, match.end)
            if taken.find(1, match.start, match.end) != -1 and not same_span:
                continue  # overlaps a longer match (a same-span one of another concept is kept)
            taken[match.start : match.end] = b"\x01" * (match.end - match.start)
            chosen.append(match)
        return sorted(chosen, key=lambda m: (m.start, m.end))

    def on_word_boundaries(self, text: str, match: Match) -> bool:
        """Whether a match found with `chinese_words=False` also sits on word boundaries."""
        boundaries = _LazyBoundaries(self._segmenter, text)
        return _on_boundaries(text, match.start, match.end, match.concept, boundaries)

    def _candidates(self, text: str, any_case: bool, chinese_words: bool) -> list[Match]:
        # Protected spans come in order without overlaps: the last one starting
        # before a candidate's end is the only one that may cover it.
        spans = [(s.start, s.end) for s in protected_spans(text) if s.end > s.start]
        starts = [start for start, _ in spans]
        boundaries = _LazyBoundaries(self._segmenter, text) if chinese_words else None
        found: dict[tuple[int, int, int], tuple[Match, bool]] = {}
        size = len(text)
        for last, (length, entries) in self._automaton.iter(fold(text)):
            start, end = last + 1 - length, last + 1
            if spans:
                i = bisect.bisect_left(starts, end) - 1
                if i >= 0 and spans[i][1] > start:
                    continue
            if not _latin_edges(text, start, end, size):
                continue  # inside an English word: no entry can match here (most candidates)
            surface = text[start:end]
            for concept, form, variants in entries:
                exact = surface in variants
                if concept.case_sensitive and not any_case and not exact:
                    continue
                if (
                    boundaries is not None
                    and concept.boundary is not Boundary.CHAR
                    and not _han_edges(text, start, end, size, boundaries)
                ):
                    continue  # cuts a Chinese word
                # One match per concept and span: the form whose case the text has.
                key = (start, end, id(concept))
                if key not in found or (exact and not found[key][1]):
                    found[key] = (Match(start, end, surface, concept, form), exact)
        return [match for match, _ in found.values()]


# One-character modifiers that jieba glues to the noun after them: new, old, original,
# this, that, each, every, sub-, all, multi-, single, double, total, vice-.
_MODIFIERS = frozenset("新旧原本该此各每子全多单双总副")


class _LazyBoundaries:
    """Where a Chinese match may start or end in one text, asked of jieba only if needed.

    A cut between two jieba words is a boundary. A cut inside a jieba word is
    one only when it splits the word into two parts of two or more characters
    each: 刷新纪录 is 刷新 + 纪录 (a phrase jieba happens to list), while 数据库,
    用户名 and 大数据 join a word to a one-character affix and make a new word.
    A one-character modifier in front is a word of its own, though: 新密码 is
    新 + 密码, 该字段 is 该 + 字段 (see `_MODIFIERS`).
    """

    def __init__(self, segmenter: Segmenter, text: str) -> None:
        self._segmenter = segmenter
        self._text = text
        self._words: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def __contains__(self, offset: object) -> bool:
        assert isinstance(offset, int)
        if self._words is None:
            self._words = self._segmenter.words(self._text)
            self._starts = [start for start, _ in self._words]
        start, end = self._words[bisect.bisect_right(self._starts, offset) - 1]
        if end - offset >= 2 and offset - start == 1 and self._text[start] in _MODIFIERS:
            return True  # 新密码 is 新 + 密码
        return offset == start or (offset - start >= 2 and end - offset >= 2)


def _on_boundaries(
    text: str, start: int, end: int, concept: Concept, boundaries: _LazyBoundaries | None
) -> bool:
    """Both edges of [start, end) separate words (see the module docstring)."""
    if not _latin_edges(text, start, end, len(text)):
        return False
    if boundaries is None or concept.boundary is Boundary.CHAR:
        return True
    return _han_edges(text, start, end, len(text), boundaries)


def _latin_edges(text: str, start: int, end: int, size: int) -> bool:
    """Neither edge of [start, end) cuts an English word (or a word of another alphabet)."""
    if start > 0 and is_latin_word_char(text[start - 1]) and is_latin_word_char(text[start]):
        return False
    return not (end < size and is_latin_word_char(text[end]) and is_latin_word_char(text[end - 1]))


def _han_edges(text: str, start: int, end: int, size: int, boundaries: _LazyBoundaries) -> bool:
    """Neither edge of [start, end) cuts a Chinese word (see `_LazyBoundaries`)."""
    if start > 0 and is_han(text[start - 1]) and is_han(text[start]) and start not in boundaries:
        return False
    inside = end < size and is_han(text[end]) and is_han(text[end - 1])
    return not (inside and end not in boundaries)
