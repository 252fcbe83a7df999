"""Scoring translations against references: sacrebleu's metrics and the terminology metrics.

`score(...)` is the library behind `glosscheck score`. This package's
`__init__` imports nothing heavy: sacrebleu (and numpy) load when `score`
runs, so `glosscheck check` and `--help` never pay for them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.scoring.result import (
    Comparison,
    MetricScore,
    PairedResult,
    ScoreResult,
    SystemScores,
    TermMiss,
    WorstSegment,
)

if TYPE_CHECKING:
    from glossary.model import Glossary

__all__ = [
    "Comparison",
    "MetricScore",
    "PairedResult",
    "ScoreResult",
    "SystemScores",
    "TermMiss",
    "WorstSegment",
    "score",
]

TextInput = str | os.PathLike[str] | Sequence[str]


def score(
    references: Sequence[TextInput],
    hypotheses: Sequence[TextInput],
    *,
    source: TextInput | None = None,
    glossary: Glossary | None = None,
    target_lang: str | None = None,
    tokenize: str | None = None,
    metrics: Sequence[str] | None = None,
    paired: str | None = None,
    paired_samples: int = 0,
    worst: int = 0,
    width: int = 1,
    names: Sequence[str] | None = None,
) -> ScoreResult:
    """Score hypotheses (systems) against references, corpus-level, as sacrebleu would.

    Each reference, hypothesis and the source is a path (line-aligned text,
    a bilingual file whose target side is used, or a WMT 2021 SGML file) or
    a list of strings, one per segment; all must have the same segments.

    - `metrics`: any of "bleu", "chrf", "chrf++", "ter", "term"; by default
      BLEU, chrF and TER, plus the terminology metrics when there is a source
      (`source`, a bilingual reference, or WMT annotations) and a glossary.
    - `glossary`: the term base for the terminology metrics; None means the
      default glossary, an empty `Glossary()` none. WMT 2021 annotations,
      when the source or a reference has them, take its place.
    - `target_lang`: "zh" or "en"; else what a bilingual reference says,
      else guessed from the reference's script. It picks BLEU's tokenizer
      (`zh` or `13a`, unless `tokenize` names one) and TER's settings.
    - `paired`: "bs" (paired bootstrap resampling) or "ar" (approximate
      randomization) of every system against the first, with
      `paired_samples` resamples or trials (0: sacrebleu's defaults).
    - `worst`: list that many segments with the lowest sentence chrF.
    - `width`: decimals of the sacrebleu scores, like sacrebleu's `-w`.
    - `names`: system names for the hypotheses (default: their paths).

    Raises `glossary.errors.InputError` (naming file and line) for unreadable
    or misaligned inputs and `GlosscheckError` for impossible requests.
    """
    from checker.scoring.pipeline import run

    return run(
        references,
        hypotheses,
        source=source,
        glossary=glossary,
        target_lang=target_lang,
        tokenize=tokenize,
        metrics=metrics,
        paired=paired,
        paired_samples=paired_samples,
        worst=worst,
        width=width,
        names=names,
    )
