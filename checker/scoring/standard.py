"""BLEU, chrF, chrF++ and TER from sacrebleu, set up as its command line sets them up.

Nothing is re-implemented: the metric objects are sacrebleu's, built with
the references once (sacrebleu caches their n-grams), and a corpus score is
sacrebleu's `_aggregate_and_compute` over sacrebleu's per-segment statistics
— exactly what `Metric.corpus_score` does. Keeping the statistics lets a
sentence-level chrF be read from the same numbers (`sentence_scores`)
instead of scoring every segment a second time.

Choices by target language:

- BLEU's tokenizer is `zh` for a Chinese target and `13a` otherwise, unless
  the caller names one (sacrebleu's `-tok`);
- TER on Chinese uses `normalized=True, asian_support=True`: without both,
  unsegmented Chinese is one "word" per sentence and TER is about 100, and
  `asian_support` alone changes nothing (sacrebleu issue #229). The TER
  signature then reads `norm:yes|asian:yes`;
- chrF++ adds word bigrams split on white space, so on Chinese it depends on
  whether the text was segmented; we score the text as given (as sacrebleu
  does), so the number equals sacrebleu's on the same files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics.base import Metric, Score

__all__ = [
    "STANDARD_METRICS",
    "build",
    "corpus_score",
    "details",
    "sentence_scores",
    "signature",
    "statistics",
]

STANDARD_METRICS = ("bleu", "chrf", "chrf++", "ter")


def build(
    key: str, target_lang: str, tokenize: str | None, references: list[list[str]] | None
) -> Metric:
    """The sacrebleu metric for `key`, with the references cached (unless None)."""
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    chinese = target_lang == "zh"
    if key == "bleu":
        return BLEU(tokenize=tokenize or ("zh" if chinese else "13a"), references=references)
    if key == "chrf":
        return CHRF(references=references)
    if key == "chrf++":
        return CHRF(word_order=2, references=references)
    if key == "ter":
        return TER(normalized=chinese, asian_support=chinese, references=references)
    raise ValueError(f"unknown metric {key!r}; known: {', '.join(STANDARD_METRICS)}")


def statistics(metric: Metric, hypotheses: Sequence[str]) -> list[list[Any]]:
    """sacrebleu's per-segment statistics of `hypotheses` against the cached references."""
    return list(metric._extract_corpus_statistics(hypotheses, None))


def corpus_score(metric: Metric, stats: list[list[Any]]) -> Score:
    """The corpus score from per-segment statistics, as `Metric.corpus_score` computes it."""
    score: Score = metric._aggregate_and_compute(stats)
    return score


def sentence_scores(metric: Metric, stats: list[list[Any]]) -> list[float]:
    """Each segment's own score, from the same statistics (equal to `sentence_score`)."""
    return [float(metric._compute_score_from_stats(row).score) for row in stats]


def signature(metric: Metric) -> str:
    """The long form of sacrebleu's signature, as its command line prints it."""
    return metric.get_signature().format(short=False)


def details(score: Score) -> dict[str, Any]:
    """What sacrebleu reports beside the number: BLEU's precisions and lengths, TER's edits."""
    found: dict[str, Any] = {}
    for name in ("counts", "totals", "precisions", "bp", "sys_len", "ref_len", "num_edits"):
        if hasattr(score, name):
            value = getattr(score, name)
            found[name] = list(value) if isinstance(value, list) else value
    ref_length = getattr(score, "ref_length", None)
    if ref_length is not None:
        found["ref_length"] = float(ref_length)
    if getattr(score, "_verbose", ""):
        found["verbose_score"] = score._verbose
    return found
