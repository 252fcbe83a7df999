"""New-term discovery: frequent, specific words and phrases the glossary lacks.

Candidates come from the source side of each direction (jieba words and their
two- and three-word runs in Chinese; words and 2–3-word runs in English).
Each is scored by termhood: C-value (a phrase's frequency minus what longer
candidates containing it account for, weighted by its length in words) times
how much more often it occurs here than in general Chinese, using the word
frequencies of jieba's own dictionary as background. English has no bundled
background, so its termhood is C-value alone over words that are not
function words. Likely translations are the target-side words and phrases
that share most segment pairs with a candidate, ranked by the Dice
coefficient 2·both / (segments with candidate + segments with translation);
the best Dice also weighs the termhood, since terms are translated consistently.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from checker.segment import Segment
from glossary.chinese import Segmenter
from glossary.model import Concept, Form, Glossary, Status
from glossary.text import is_han, mask, protected_spans

Gram = tuple[str, ...]
MAX_WORDS = 3
_NO_TRANSLATION = 0.25  # termhood weight of a candidate with no supported translation

_ZH_STOP_WORDS = (
    "的 了 和 与 及 是 在 有 也 都 而 并 对 将 把 被 从 为 以 等 其 这 那 之 中 上 下 后 前 "
    "个 就 又 还 或 但 不 没 所 要 会 能 该 此 各 每 更 最 很 说 让 于 由 向 给 着 过 到 "
    "这个 一个 我们 他们 你们 它们 已经 可以 进行 通过 没有 以及 并且 表示 其中 如果 因为 所以 "
    "这些 那些 同时 目前 此前 之后 之前 其他 一些 这样 如何 什么 为了 对于 关于 包括 成为 "
    "他 她 它 我 你 年 月 日 第 一 两 二 三 多 大 小 新 号 则 即 并非 仍 已"
)
ZH_STOP = frozenset(_ZH_STOP_WORDS.split())
_EN_STOP_WORDS = (
    "a an the of to in on at for by with from and or but not no nor is are was were be been "
    "being am it its this that these those as if then than so such can could will would "
    "should may might must do does did done has have had having you your yours we our ours "
    "they their theirs he she his her hers i me my us them which who whom whose what when "
    "where how why there here all any each some more most other others into out up down "
    "over under about after before also only just very s t own same both few again once "
    "per via within without between through during while because until against among "
    "one two three first new said says like well still even yet already now"
)
EN_STOP = frozenset(_EN_STOP_WORDS.split())
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]|[A-Za-z]")
_EN_GAP = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Translation:
    """A likely rendering of a candidate, with the counts that support it."""

    text: str
    together: int  # segment pairs holding both the candidate and this text
    segments: int  # segment pairs whose target holds this text
    dice: float


@dataclass(frozen=True)
class Candidate:
    """A word or phrase that looks like a term and that no glossary concept has."""

    text: str
    source_lang: str
    target_lang: str
    frequency: int  # occurrences in the sources
    segments: int  # segment pairs whose source holds it
    termhood: float
    translations: tuple[Translation, ...] = ()
    example: tuple[str, int] = ("", 0)  # path, line of a first occurrence


@dataclass
class _Side:
    """What one direction's segments hold: grams per segment and in all."""

    frequency: Counter[Gram] = field(default_factory=Counter)
    source_sets: list[set[Gram]] = field(default_factory=list)
    target_sets: list[set[str]] = field(default_factory=list)
    target_frequency: Counter[str] = field(default_factory=Counter)
    first_seen: dict[Gram, tuple[str, int]] = field(default_factory=dict)
    tokens: int = 0


def extract(
    segments: Iterable[Segment],
    glossary: Glossary,
    *,
    min_frequency: int = 2,
    limit: int = 30,
    translations: int = 3,
) -> list[Candidate]:
    """Candidate terms per direction, best first (at most `limit` per direction)."""
    sides: dict[tuple[str, str], _Side] = defaultdict(_Side)
    tokenizers = _Tokenizers(glossary)
    for segment in segments:
        if segment.target_only or not segment.source.strip():
            continue
        side = sides[(segment.source_lang, segment.target_lang)]
        _add(side, segment, tokenizers)
    found: list[Candidate] = []
    for (source_lang, target_lang), side in sorted(sides.items()):
        ranked = _ranked(side, source_lang, glossary, min_frequency)
        spread = [(g, score) for g, score in ranked if _spread(side, g) >= min_frequency]
        mined = [_candidate(side, g, s, source_lang, target_lang, translations) for g, s in spread]
        mined.sort(key=lambda c: (-c.termhood, -c.frequency, c.text))
        found.extend(mined[:limit])
    return found


class _Tokenizers:
    """Word runs of a text in either language; jieba is loaded on the first Chinese text."""

    def __init__(self, glossary: Glossary) -> None:
        words = (f.text for c in glossary for f in c.forms_in("zh") if f.text)
        self._segmenter = Segmenter(words)

    def runs(self, text: str, lang: str) -> list[list[str]]:
        """Runs of words not broken by punctuation, code or markup."""
        prose = mask(text, protected_spans(text))
        return self._zh_runs(prose) if lang == "zh" else _en_runs(prose)

    def _zh_runs(self, text: str) -> list[list[str]]:
        runs: list[list[str]] = [[]]
        for start, end in self._segmenter.words(text):
            word = text[start:end]
            if all(is_han(ch) for ch in word):
                runs[-1].append(word)
            elif runs[-1]:
                runs.append([])
        return [run for run in runs if run]


def _en_runs(text: str) -> list[list[str]]:
    runs: list[list[str]] = []
    previous_end = -1
    for match in _EN_WORD.finditer(text):
        joined = previous_end >= 0 and _EN_GAP.fullmatch(text[previous_end : match.start()])
        if not joined:
            runs.append([])
        word = match.group()
        runs[-1].append(word if _is_acronym(word) else word.lower())
        previous_end = match.end()
    return runs


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def grams(runs: Sequence[Sequence[str]], lang: str) -> Iterator[Gram]:
    """Every 1–3-word gram of the runs that could be a term (no function word at an edge)."""
    stop = ZH_STOP if lang == "zh" else EN_STOP
    for run in runs:
        for n in range(1, MAX_WORDS + 1):
            for i in range(len(run) - n + 1):
                gram = tuple(run[i : i + n])
                if gram[0].lower() in stop or gram[-1].lower() in stop:
                    continue
                if len(_join(gram, lang)) >= (2 if lang == "zh" else 3):
                    yield gram


def _join(gram: Gram, lang: str) -> str:
    return ("" if lang == "zh" else " ").join(gram)


def _add(side: _Side, segment: Segment, tokenizers: _Tokenizers) -> None:
    source_runs = tokenizers.runs(segment.source, segment.source_lang)
    side.tokens += sum(len(run) for run in source_runs)
    source_grams = list(grams(source_runs, segment.source_lang))
    side.frequency.update(source_grams)
    side.source_sets.append(set(source_grams))
    for gram in source_grams:
        side.first_seen.setdefault(gram, (segment.path, segment.line))
    target_runs = tokenizers.runs(segment.target, segment.target_lang)
    targets = {_join(g, segment.target_lang) for g in grams(target_runs, segment.target_lang)}
    side.target_sets.append(targets)
    side.target_frequency.update(targets)


def c_values(frequency: Counter[Gram], min_frequency: int) -> dict[Gram, float]:
    """C-value of each gram seen at least `min_frequency` times.

    log2(1 + words) × (f(a) − mean f of the longer grams containing a): a
    word that only ever occurs inside one longer phrase scores 0, so the
    phrase, not its fragment, is the term.
    """
    kept = {g: f for g, f in frequency.items() if f >= min_frequency}
    nested_sum: Counter[Gram] = Counter()
    nested_count: Counter[Gram] = Counter()
    for gram, f in kept.items():
        subgrams = {gram[i : i + n] for n in range(1, len(gram)) for i in range(len(gram) - n + 1)}
        for sub in subgrams & kept.keys():
            nested_sum[sub] += f
            nested_count[sub] += 1
    scores = {}
    for gram, f in kept.items():
        nested = nested_sum[gram] / nested_count[gram] if nested_count[gram] else 0.0
        scores[gram] = math.log2(1 + len(gram)) * (f - nested)
    return scores


def _ranked(
    side: _Side, lang: str, glossary: Glossary, min_frequency: int
) -> list[tuple[Gram, float]]:
    known = _known(glossary, lang)
    scored = []
    for gram, c_value in c_values(side.frequency, min_frequency).items():
        text = _join(gram, lang)
        if c_value <= 0 or text.casefold() in known or _in_glossary(glossary, text, lang):
            continue
        weight = _specificity(gram, side.frequency[gram], side.tokens) if lang == "zh" else 1.0
        scored.append((gram, c_value * weight))
    return sorted(scored, key=lambda item: (-item[1], -side.frequency[item[0]], item[0]))


def _spread(side: _Side, gram: Gram) -> int:
    """In how many segment pairs the gram occurs: one sentence repeating it is not a term."""
    return sum(gram in grams_ for grams_ in side.source_sets)


def _known(glossary: Glossary, lang: str) -> set[str]:
    return {f.text.casefold() for c in glossary for f in c.forms_in(lang)}


def _in_glossary(glossary: Glossary, text: str, lang: str) -> bool:
    """Whether a glossary form (or an inflection of one) spans the whole text."""
    matches = glossary.index(lang).find_all(text, any_case=True, chinese_words=False)
    return any(m.start == 0 and m.end == len(text) for m in matches)


def _specificity(gram: Gram, frequency: int, tokens: int) -> float:
    """log2 of how much likelier the gram is here than in jieba's general dictionary.

    A phrase missing from the dictionary gets the product of its words'
    probabilities (as if they were independent); floored at a small positive
    weight so a frequent general word still ranks below any specific one.
    """
    background, total = _background()
    joined = "".join(gram)
    if joined in background:
        general = (background[joined] + 1) / total
    else:
        general = math.prod((background.get(word, 0) + 1) / total for word in gram)
    here = frequency / max(tokens, 1)
    return max(math.log2(here / general), 0.1)


@cache
def _background() -> tuple[dict[str, int], int]:
    """jieba's dictionary frequencies (word → count) and their total."""
    import jieba

    frequencies: dict[str, int] = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                frequencies[parts[0]] = int(parts[1])
    return frequencies, sum(frequencies.values())


def _candidate(
    side: _Side, gram: Gram, score: float, source_lang: str, target_lang: str, limit: int
) -> Candidate:
    """A scored gram with its translations; a term is translated consistently, so the
    best translation's Dice weighs its termhood (a phrase rendered every which way,
    like "please", is wording, not terminology)."""
    holding = [i for i, grams_ in enumerate(side.source_sets) if gram in grams_]
    found = _translations(side, holding, limit)
    agreement = found[0].dice if found else _NO_TRANSLATION
    return Candidate(
        text=_join(gram, source_lang),
        source_lang=source_lang,
        target_lang=target_lang,
        frequency=side.frequency[gram],
        segments=len(holding),
        termhood=round(score * agreement, 2),
        translations=tuple(found),
        example=side.first_seen[gram],
    )


def _translations(side: _Side, holding: list[int], limit: int) -> list[Translation]:
    """Target texts ranked by Dice over segment pairs; a single shared pair is not evidence."""
    together: Counter[str] = Counter()
    for i in holding:
        together.update(side.target_sets[i])
    needed = min(2, len(holding))
    found = [
        Translation(text, both, side.target_frequency[text], _dice(both, len(holding), side, text))
        for text, both in together.items()
        if both >= needed
    ]
    found.sort(key=lambda t: (-t.dice, -t.together, -len(t.text), t.text))
    return found[:limit]


def _dice(both: int, source_segments: int, side: _Side, text: str) -> float:
    return round(2 * both / (source_segments + side.target_frequency[text]), 3)


def as_glossary(candidates: Iterable[Candidate]) -> Glossary:
    """Candidates as a glossary a person reviews: every form admitted, noted for review.

    Status stays `admitted` (never preferred) and the note starts with
    "candidate: review", so a reviewer promotes forms or deletes rows; the
    counts behind each guess are in the note. Candidates with no translation
    are left out: a concept needs a form in each language to be useful.
    """
    concepts = []
    for c in candidates:
        if not c.translations:
            continue
        forms = [Form(c.text, c.source_lang, Status.ADMITTED)]
        forms += [Form(t.text, c.target_lang, Status.ADMITTED) for t in c.translations]
        evidence = "; ".join(f"{t.text} {t.together}/{c.segments}" for t in c.translations)
        note = (
            f"candidate: review; {c.source_lang}→{c.target_lang} "
            f"frequency {c.frequency}, termhood {c.termhood}; {evidence}"
        )
        concepts.append(Concept(tuple(forms), note=note, domain="candidate"))
    return Glossary(concepts, name="candidates")
