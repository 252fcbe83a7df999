"""`checker.score`: read the inputs, score every system, compare, pick the worst segments."""

from __future__ import annotations

import dataclasses
import heapq
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sacrebleu.metrics.base import Metric

from checker.readers import ReadOptions
from checker.readers.languages import lang_of, other
from checker.readers.script import guess_lang
from checker.scoring import TextInput, standard
from checker.scoring.compare import paired_test
from checker.scoring.inputs import Side, check_aligned, from_texts, load
from checker.scoring.result import (
    Comparison,
    MetricScore,
    ScoreResult,
    SystemScores,
    TermMiss,
    WorstSegment,
)
from checker.scoring.term_metrics import TERM_METRICS, TermMetric, TermScore, TermScorer
from checker.scoring.terms import Expected, TermPlan, from_annotations, from_glossary
from checker.scoring.wmt21 import AnnotatedTerm
from glossary.errors import GlosscheckError
from glossary.model import Glossary

__all__ = ["METRIC_NAMES", "TextInput", "run"]

METRIC_NAMES = (*standard.STANDARD_METRICS, "term")
TERM_DECIMALS = 4
_DETAIL_NAMES = {
    "term_accuracy": ("hits", "expected"),
    "window_overlap_2": ("shared_words", "window_words"),
    "window_overlap_3": ("shared_words", "window_words"),
    "one_minus_term": ("weighted_edits", "weighted_length"),
}


@dataclass(frozen=True)
class _Inputs:
    references: list[Side]
    hypotheses: list[Side]
    sources: list[str] | None
    annotations: Sequence[tuple[AnnotatedTerm, ...]] | None
    target_lang: str


def run(
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
    """See `checker.score`, which documents the arguments."""
    asked = None if metrics is None else [m.strip().lower() for m in metrics if m.strip()]
    inputs = _read(references, hypotheses, source, target_lang, names)
    plan = _plan(inputs, glossary) if asked is None or "term" in asked else None
    keys = _metric_keys(asked, plan is not None)
    scored = _Scored([{} for _ in inputs.hypotheses], keep=paired is not None, worst=worst)
    for key in keys:
        if key != "term":
            _score_standard(key, inputs, tokenize, width, scored)
    if plan is not None:
        _score_terms(TermScorer(plan, [side.texts for side in inputs.references]), inputs, scored)
    if worst and not scored.chrf_stats:  # chrF was not asked for: compute it for --worst only
        _score_standard("chrf", inputs, None, width, scored, report=False)
    systems = [
        SystemScores(side.path, scores, _worst(side, i, worst, inputs, scored, plan, glossary))
        for i, (side, scores) in enumerate(zip(inputs.hypotheses, scored.scores, strict=True))
    ]
    return ScoreResult(
        systems=tuple(systems),
        comparison=_compare(inputs, scored.metrics, systems, paired, paired_samples),
        source_lang=other(inputs.target_lang),
        target_lang=inputs.target_lang,
        segments=len(inputs.references[0]),
        references=tuple(side.path for side in inputs.references),
        terms=plan.description if plan is not None else None,
        notes=_notes(keys, inputs.target_lang),
    )


@dataclass
class _Scored:
    """What the metrics produced: scores per system, and what later steps reuse."""

    scores: list[dict[str, MetricScore]]
    keep: bool  # keep the metric objects, for the paired test
    worst: int
    metrics: dict[str, Metric] = field(default_factory=dict)
    chrf_stats: list[list[list[Any]]] = field(default_factory=list)  # per system, for --worst


def _read(
    references: Sequence[TextInput],
    hypotheses: Sequence[TextInput],
    source: TextInput | None,
    target_lang: str | None,
    names: Sequence[str] | None,
) -> _Inputs:
    if not references or not hypotheses:
        raise GlosscheckError("score needs at least one reference and one hypothesis")
    options = ReadOptions(target_lang=target_lang)
    refs = [_side(r, f"reference {i}", options) for i, r in enumerate(references, start=1)]
    hyps = [_side(h, f"System {i}", options) for i, h in enumerate(hypotheses, start=1)]
    if names is not None:
        if len(names) != len(hyps):
            raise GlosscheckError(f"{len(names)} names for {len(hyps)} hypotheses")
        hyps = [dataclasses.replace(h, path=n) for n, h in zip(names, hyps, strict=True)]
    _require_unique([h.path for h in hyps])
    src = _side(source, "source", options) if source is not None else None
    for side in [*refs[1:], *hyps, *([src] if src else [])]:
        check_aligned(side, refs[0])
    sources = (src.sources or src.texts) if src else refs[0].sources
    annotations = (src.terms if src else None) or next((r.terms for r in refs if r.terms), None)
    return _Inputs(refs, hyps, sources, annotations, _target_lang(target_lang, refs))


def _side(value: TextInput, name: str, options: ReadOptions) -> Side:
    if isinstance(value, str | os.PathLike):
        return load(os.fspath(value), options)
    return from_texts(name, value)


def _require_unique(names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise GlosscheckError(f"system {name!r} is given twice; each needs its own name")
        seen.add(name)


def _target_lang(option: str | None, references: list[Side]) -> str:
    """--target-lang, else what a bilingual reference says, else the reference's script."""
    chosen = lang_of(option) or next((r.target_lang for r in references if r.target_lang), None)
    if chosen is None:
        chosen = guess_lang("\n".join(references[0].texts[:2000])) or "en"
    return chosen


def _plan(
    inputs: _Inputs, glossary: Glossary | None, rows: Sequence[int] | None = None
) -> TermPlan | None:
    """The expected terms of every segment (or of `rows` only, in that order).

    None when the inputs cannot give them: no source, no glossary.
    """
    source_lang = other(inputs.target_lang)
    if inputs.annotations is not None:
        annotations = inputs.annotations if rows is None else [inputs.annotations[i] for i in rows]
        return from_annotations(annotations, source_lang, inputs.target_lang)
    if inputs.sources is None:
        return None
    if glossary is None:  # loaded only now that it is needed
        from glossary.loading import load_default

        glossary = load_default()
    if not glossary:
        return None
    sources = inputs.sources if rows is None else [inputs.sources[i] for i in rows]
    return from_glossary(glossary, sources, source_lang, inputs.target_lang)


def _metric_keys(metrics: Sequence[str] | None, terms: bool) -> list[str]:
    """The metrics asked for, in order; by default BLEU, chrF, TER and, when possible, terms."""
    if metrics is None:
        return ["bleu", "chrf", "ter", *(["term"] if terms else [])]
    keys = list(dict.fromkeys(metrics))
    unknown = [k for k in keys if k not in METRIC_NAMES]
    if unknown:
        raise GlosscheckError(f"unknown metric {unknown[0]!r}; known: {', '.join(METRIC_NAMES)}")
    if not keys:
        raise GlosscheckError("no metric selected")
    if "term" in keys and not terms:
        raise GlosscheckError(
            "term metrics need the source text (--src, or a bilingual reference)"
            " and a glossary (or the WMT 2021 task's annotated files)"
        )
    return keys


def _score_standard(
    key: str,
    inputs: _Inputs,
    tokenize: str | None,
    width: int,
    scored: _Scored,
    report: bool = True,
) -> None:
    """One sacrebleu metric over every system.

    Metrics are built one at a time and dropped when done (unless a paired test
    needs them): each caches the references' n-grams or edit tables, and
    holding all of them at once would add their memory up.
    """
    streams = [side.texts for side in inputs.references]
    metric = standard.build(key, inputs.target_lang, tokenize, streams)
    for i, side in enumerate(inputs.hypotheses):
        stats = standard.statistics(metric, side.texts)
        if report:
            scored.scores[i][key] = _metric_score(key, metric, stats, width)
        if key == "chrf" and scored.worst:
            scored.chrf_stats.append(stats)
    if scored.keep and report:
        scored.metrics[key] = metric


def _score_terms(scorer: TermScorer, inputs: _Inputs, scored: _Scored) -> None:
    """The four term metrics, system by system (so each hypothesis is analysed once)."""
    metrics = {key: TermMetric(scorer, key) for key in TERM_METRICS}
    for i, side in enumerate(inputs.hypotheses):
        for key, metric in metrics.items():
            stats = standard.statistics(metric, side.texts)
            scored.scores[i][key] = _metric_score(key, metric, stats, TERM_DECIMALS)
    scored.metrics.update(metrics)


def _metric_score(key: str, metric: Metric, stats: list[list[Any]], decimals: int) -> MetricScore:
    score = standard.corpus_score(metric, stats)
    signature = standard.signature(metric)
    if not isinstance(score, TermScore):
        details = standard.details(score)
        return MetricScore(key, score.name, float(score.score), signature, decimals, details)
    numerator, denominator = _DETAIL_NAMES[key]
    value = None if not score.denominator else float(score.score)
    details = {numerator: int(score.numerator), denominator: int(score.denominator)}
    return MetricScore(key, score.name, value, signature, decimals, details)


def _worst(
    side: Side,
    system: int,
    count: int,
    inputs: _Inputs,
    scored: _Scored,
    plan: TermPlan | None,
    glossary: Glossary | None,
) -> tuple[WorstSegment, ...]:
    """The `count` segments with the lowest sentence chrF (ties: the earlier first).

    Their term misses come from the term metrics' expected terms, or, when
    those did not run, from the expected terms of these segments alone.
    """
    if not count:
        return ()
    chrf = standard.build("chrf", inputs.target_lang, None, None)  # turns statistics into scores
    sentence = standard.sentence_scores(chrf, scored.chrf_stats[system])
    chosen = heapq.nsmallest(count, range(len(sentence)), key=lambda i: (sentence[i], i))
    row = {i: i for i in chosen}  # segment → its row in `plan`
    if plan is None:
        plan = _plan(inputs, glossary, chosen)
        row = {i: position for position, i in enumerate(chosen)}
    picked = []
    for i in chosen:
        missing = None if plan is None else plan.missing(row[i], side.texts[i])
        picked.append(_worst_segment(side, i, sentence[i], inputs, missing))
    return tuple(picked)


def _worst_segment(
    side: Side, i: int, chrf: float, inputs: _Inputs, missing: list[Expected] | None
) -> WorstSegment:
    misses = None if missing is None else tuple(TermMiss(e.source, e.targets) for e in missing)
    return WorstSegment(
        index=i + 1,
        path=side.path,
        line=side.lines[i],
        chrf=chrf,
        hypothesis=side.texts[i],
        references=tuple(r.texts[i] for r in inputs.references),
        source=inputs.sources[i] if inputs.sources is not None else None,
        term_misses=misses,
    )


def _compare(
    inputs: _Inputs,
    built: Mapping[str, Metric],
    systems: list[SystemScores],
    test: str | None,
    samples: int,
) -> Comparison | None:
    """sacrebleu's paired test over every metric that has a value for every system."""
    if test is None:
        return None
    if test not in ("bs", "ar"):
        raise GlosscheckError(f"unknown paired test {test!r}; use 'bs' or 'ar'")
    if len(systems) < 2:
        raise GlosscheckError("a paired test needs at least two hypotheses (--hyp)")
    usable = {
        key: metric
        for key, metric in built.items()
        if all(s.scores[key].value is not None for s in systems)
    }
    names = {key: systems[0].scores[key].name for key in usable}
    named = [(side.path, side.texts) for side in inputs.hypotheses]
    return paired_test(named, usable, names, test, samples)


def _notes(keys: list[str], target_lang: str) -> tuple[str, ...]:
    notes = []
    if target_lang == "zh" and "ter" in keys:
        notes.append("TER on Chinese: normalized and asian_support, so it counts characters")
    if target_lang == "zh" and "chrf++" in keys:
        notes.append(
            "chrF++ on Chinese: its word bigrams split on spaces, so segmenting changes it"
        )
    return tuple(notes)
