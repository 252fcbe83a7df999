"""The terminology metrics of the WMT 2021 terminology task, as sacrebleu metrics.

Alam et al., "On the Evaluation of Machine Translation for Terminology
Consistency" (2021), proposed the metrics the WMT 2021 shared task on
machine translation using terminologies reported; their scorer is
`evaluate_term_wmt.py` in github.com/mahfuzibnalam/terminology_evaluation.
We define them as follows (the README's "Scoring translations" section sets
out where the official script differs):

- term accuracy (exact match): Σ min(expected, rendered) / Σ expected over
  every segment and concept: the share of expected term occurrences that
  the hypothesis renders with an accepted form;
- window overlap (windows 2 and 3): for each expected occurrence that the
  reference renders, the w words (punctuation skipped) on each side of it
  in the reference, and the words around the same concept's rendering in
  the hypothesis (paired in text order); the score is Σ shared words /
  Σ reference window words, an occurrence the hypothesis misses sharing
  none;
- 1-TERm: 1 − Σ weighted edits / Σ weighted reference length, where
  reference tokens inside an expected term weigh 2 (editdistance.py).

Every metric keeps per-segment counts and divides their sums (never a mean
of per-segment ratios), which is also what lets sacrebleu's own paired
bootstrap and approximate randomization tests run on them: each metric is a
sacrebleu `Metric` whose statistics are those counts. With several
references, each segment uses the reference that suits the hypothesis best
(highest overlap, fewest weighted edits).
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sacrebleu.metrics.base import Metric, Score, Signature

from checker.scoring.editdistance import weighted_edits
from checker.scoring.terms import TermPlan
from checker.scoring.tokens import tokenize
from checker.version import VERSION

__all__ = ["TERM_METRICS", "TermMetric", "TermScore", "TermScorer"]

TERM_WEIGHT = 2  # the cost of an edit on a term token in 1-TERm
WINDOWS = (2, 3)
# key → (name shown, columns of a statistics row, reported as 1 − ratio)
TERM_METRICS: dict[str, tuple[str, tuple[int, int], bool]] = {
    "term_accuracy": ("TermAcc", (0, 1), False),
    "window_overlap_2": ("WinOvl2", (2, 3), False),
    "window_overlap_3": ("WinOvl3", (4, 5), False),
    "one_minus_term": ("1-TERm", (6, 7), True),
}
Row = tuple[int, int, int, int, int, int, int, int]


Wanted = tuple[tuple[int, int], ...]  # (id(concept), expected occurrences) of one segment
Placed = tuple[tuple[int, tuple[tuple[int, int], ...]], ...]  # id(concept) → token spans


@dataclass(frozen=True, slots=True)
class _Text:
    """A reference or hypothesis as the metrics see it, stored compactly.

    References are kept for the whole run (one per segment and reference), so
    tokens are interned strings in a tuple and the flags and weights are bytes.
    """

    words: tuple[str, ...]  # lower-cased tokens, punctuation included
    is_word: bytes  # 1 for a word, 0 for punctuation (which windows skip)
    placed: Placed  # the first renderings of each expected concept, as (first, last) tokens

    @classmethod
    def of(cls, plan: TermPlan, text: str, wanted: Wanted) -> _Text:
        prepared = plan.prepare(text)
        tokens = tokenize(prepared)
        placed: Placed = ()
        if wanted:
            found = plan.renderings(prepared)
            starts = [t.start for t in tokens]
            placed = tuple(
                (concept, tuple(_token_span(starts, span) for span in found[concept][:count]))
                for concept, count in wanted
                if concept in found
            )
        words = tuple(sys.intern(t.text) for t in tokens)
        return cls(words, bytes(t.word for t in tokens), placed)

    def window(self, span: tuple[int, int], size: int) -> Counter[str]:
        """Up to `size` words on each side of the token span, punctuation skipped."""
        words: Counter[str] = Counter()
        for indexes in (range(span[0] - 1, -1, -1), range(span[1] + 1, len(self.words))):
            taken = 0
            for i in indexes:
                if taken == size:
                    break
                if self.is_word[i]:
                    words[self.words[i]] += 1
                    taken += 1
        return words


def _token_span(starts: list[int], span: tuple[int, int]) -> tuple[int, int]:
    """(first, last) token of a character span."""
    first = max(bisect.bisect_right(starts, span[0]) - 1, 0)
    last = max(bisect.bisect_left(starts, span[1]) - 1, first)
    return first, last


@dataclass(frozen=True, slots=True)
class _Reference:
    text: _Text
    weights: bytes  # TERM_WEIGHT on the tokens of expected terms, else 1
    length: int  # sum of the weights


class TermScorer:
    """Analyses the references once, then counts term statistics for any hypothesis.

    Rows are cached per segment, so the four metrics (and sacrebleu's paired
    tests, which extract statistics again) analyse each hypothesis once.
    """

    def __init__(self, plan: TermPlan, references: Sequence[Sequence[str]]) -> None:
        self.plan = plan
        self.num_refs = len(references)
        self.wanted: list[Wanted] = [
            tuple(Counter(id(e.concept) for e in found).items()) for found in plan.expected
        ]
        self.references = [
            tuple(self._reference(texts[i], self.wanted[i]) for texts in references)
            for i in range(len(plan.expected))
        ]
        self._rows: dict[int, tuple[str, Row]] = {}

    def _reference(self, text: str, wanted: Wanted) -> _Reference:
        analysed = _Text.of(self.plan, text, wanted)
        weights = bytearray([1]) * len(analysed.words)
        for _, spans in analysed.placed:
            for first, last in spans:
                weights[first : last + 1] = bytes([TERM_WEIGHT]) * (last + 1 - first)
        return _Reference(analysed, bytes(weights), sum(weights))

    def row(self, index: int, hypothesis: str) -> Row:
        """(hits, expected, shared₂, window₂, shared₃, window₃, edits, length) of one segment."""
        cached = self._rows.get(index)
        if cached is not None and cached[0] == hypothesis:
            return cached[1]
        wanted = self.wanted[index]
        hyp = _Text.of(self.plan, hypothesis, wanted)
        rendered = {concept: len(spans) for concept, spans in hyp.placed}
        refs = self.references[index]
        row: Row = (
            sum(min(count, rendered.get(concept, 0)) for concept, count in wanted),
            sum(count for _, count in wanted),
            *_best_overlap(hyp, refs, WINDOWS[0]),
            *_best_overlap(hyp, refs, WINDOWS[1]),
            *_fewest_edits(hyp.words, refs),
        )
        self._rows[index] = (hypothesis, row)
        return row


def _overlap(hyp: _Text, ref: _Text, size: int) -> tuple[int, int]:
    shared = total = 0
    hyp_placed = dict(hyp.placed)
    for concept, ref_spans in ref.placed:
        hyp_spans = hyp_placed.get(concept, ())
        for j, span in enumerate(ref_spans):
            context = ref.window(span, size)
            total += sum(context.values())
            if j < len(hyp_spans):
                shared += sum((context & hyp.window(hyp_spans[j], size)).values())
    return shared, total


def _best_overlap(hyp: _Text, refs: Sequence[_Reference], size: int) -> tuple[int, int]:
    best = (0, 0)
    for ref in refs:
        shared, total = _overlap(hyp, ref.text, size)
        if total and (best[1] == 0 or shared * best[1] > best[0] * total):
            best = (shared, total)
    return best


def _fewest_edits(words: Sequence[str], refs: Sequence[_Reference]) -> tuple[int, int]:
    best = (0, 0)
    for ref in refs:
        edits, length = weighted_edits(words, ref.text.words, ref.weights), ref.length
        if best[1] == 0 or edits * best[1] < best[0] * length:
            best = (edits, length)
    return best


class TermScore(Score):
    """A term metric's value (a share, 0 to 1) with the counts it was divided from."""

    def __init__(self, name: str, numerator: float, denominator: float, complement: bool) -> None:
        ratio = numerator / denominator if denominator else float("nan")
        super().__init__(name, 1.0 - ratio if complement else ratio)
        self.numerator = numerator
        self.denominator = denominator


class TermSignature(Signature):
    """sacrebleu's signature fields plus the term list, matching and tokens used."""

    def __init__(self, args: dict[str, Any]) -> None:
        super().__init__(args)
        self._abbr.update({"terms": "t", "match": "m", "tok": "tok", "window": "w", "weight": "wt"})
        for key in ("terms", "match", "tok", "window", "weight"):
            self.info[key] = args.get(key)
        self.info["version"] = f"glosscheck-{args['glosscheck']}"


class TermMetric(Metric):
    """One term metric over a TermScorer's counts, usable by sacrebleu's PairedTest."""

    _SIGNATURE_TYPE = TermSignature

    def __init__(self, scorer: TermScorer, key: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # sacrebleu leaves it unannotated
        self.key = key
        self.name, self._columns, self._complement = TERM_METRICS[key]
        self._scorer = scorer
        self._ref_cache = [{"index": i} for i in range(len(scorer.wanted))]
        self.num_refs = scorer.num_refs
        zh = scorer.plan.target_lang == "zh"
        self.terms = scorer.plan.description
        self.match = "zh-chars" if zh else "en-inflect"
        self.tok = None if key == "term_accuracy" else ("han-chars" if zh else "words")
        self.window = int(key[-1]) if key.startswith("window") else None
        self.weight = TERM_WEIGHT if key == "one_minus_term" else None
        self.glosscheck = VERSION

    def _preprocess_segment(self, sent: str) -> str:
        return sent

    def _extract_reference_info(self, refs: Sequence[str]) -> dict[str, Any]:
        raise NotImplementedError("references are analysed once by TermScorer")

    def _compute_segment_statistics(self, hypothesis: str, ref_kwargs: dict[str, Any]) -> list[Any]:
        row = self._scorer.row(ref_kwargs["index"], hypothesis)
        return [row[self._columns[0]], row[self._columns[1]]]

    def _aggregate_and_compute(self, stats: list[list[Any]]) -> TermScore:
        numerator = denominator = 0.0
        for segment in stats:  # lists, or rows of a numpy array in the paired tests
            numerator += float(segment[0])
            denominator += float(segment[1])
        return self._compute_score_from_stats([numerator, denominator])

    def _compute_score_from_stats(self, stats: list[Any]) -> TermScore:
        return TermScore(self.name, float(stats[0]), float(stats[1]), self._complement)
