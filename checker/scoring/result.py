"""What `checker.score` returns: scores per system, the paired comparison, the worst segments.

Plain frozen values with a `to_json()` that gives the document of SPEC.md's
`score --format json`. Importing this module loads nothing heavy.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Comparison",
    "MetricScore",
    "PairedResult",
    "ScoreResult",
    "SystemScores",
    "TermMiss",
    "WorstSegment",
]


@dataclass(frozen=True)
class MetricScore:
    """One corpus-level score and how it was made.

    `value` is the full-precision number; `decimals` is how many digits are
    shown (sacrebleu metrics: the `--width`, like sacrebleu's `-w`). `score`
    is the value rounded as sacrebleu's own JSON rounds it.
    """

    key: str  # bleu, chrf, chrf++, ter, term_accuracy, window_overlap_2, …
    name: str  # BLEU, chrF2, chrF2++, TER, TermAcc, …
    value: float | None  # None where nothing could be measured (no terms in the source)
    signature: str
    decimals: int
    details: Mapping[str, Any] = field(default_factory=dict)

    @property
    def score(self) -> float | None:
        if self.value is None:
            return None
        return float(f"{self.value:.{self.decimals}f}")

    def formatted(self) -> str:
        return "n/a" if self.value is None else f"{self.value:.{self.decimals}f}"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "score": self.score, "signature": self.signature, **self.details}


@dataclass(frozen=True)
class TermMiss:
    """A source term whose expected rendering a hypothesis segment lacks."""

    source: str
    expected: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "expected": list(self.expected)}


@dataclass(frozen=True)
class WorstSegment:
    """One of the segments with the lowest sentence-level chrF."""

    index: int  # 1-based position among the segments
    path: str
    line: int  # line in the hypothesis file
    chrf: float
    hypothesis: str
    references: tuple[str, ...]
    source: str | None
    term_misses: tuple[TermMiss, ...] | None  # None when term metrics were not computed

    def to_json(self) -> dict[str, Any]:
        misses = None if self.term_misses is None else [m.to_json() for m in self.term_misses]
        return {
            "segment": self.index,
            "path": self.path,
            "line": self.line,
            "chrf": round(self.chrf, 4),
            "hypothesis": self.hypothesis,
            "references": list(self.references),
            "source": self.source,
            "term_misses": misses,
        }


@dataclass(frozen=True)
class SystemScores:
    name: str
    scores: Mapping[str, MetricScore]  # in the order the metrics were asked for
    worst: tuple[WorstSegment, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "scores": {key: score.to_json() for key, score in self.scores.items()},
            "worst": [w.to_json() for w in self.worst],
        }


@dataclass(frozen=True)
class PairedResult:
    """sacrebleu's paired-test result for one system and metric, as plain floats."""

    score: float
    p_value: float | None
    mean: float | None  # bootstrap estimate of the true score …
    ci: float | None  # … and half the width of its 95% confidence interval

    def to_json(self) -> dict[str, Any]:
        return {
            "score": _plain(self.score),
            "p_value": _plain(self.p_value),
            "mean": _plain(self.mean),
            "ci": _plain(self.ci),
        }


@dataclass(frozen=True)
class Comparison:
    """Paired significance tests of every system against the first (the baseline)."""

    test: str  # "bs" (paired bootstrap resampling) or "ar" (approximate randomization)
    samples: int
    seed: str
    baseline: str
    signatures: Mapping[str, str]  # metric key → signature with the test's settings
    results: Mapping[str, Mapping[str, PairedResult]]  # system → metric key → result

    @property
    def test_name(self) -> str:
        return "paired bootstrap resampling" if self.test == "bs" else "approximate randomization"

    def to_json(self) -> dict[str, Any]:
        return {
            "test": self.test_name,
            "samples": self.samples,
            "seed": self.seed,
            "baseline": self.baseline,
            "signatures": dict(self.signatures),
            "systems": [
                {"name": name, "scores": {k: r.to_json() for k, r in results.items()}}
                for name, results in self.results.items()
            ],
        }


@dataclass(frozen=True)
class ScoreResult:
    """Everything `glosscheck score` reports."""

    systems: tuple[SystemScores, ...]
    comparison: Comparison | None
    source_lang: str
    target_lang: str
    segments: int
    references: tuple[str, ...]
    terms: str | None  # what the term metrics used (glossary name and digest, or wmt21)
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "segments": self.segments,
            "references": list(self.references),
            "terms": self.terms,
            "systems": [s.to_json() for s in self.systems],
            "comparison": None if self.comparison is None else self.comparison.to_json(),
            "notes": list(self.notes),
        }


def _plain(value: float | None) -> float | None:
    """A JSON-safe float: numpy scalars made plain, NaN made null."""
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number
