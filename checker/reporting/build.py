"""Assemble the report's facts into one JSON-ready dict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from checker.config import Config
from checker.readers import plan, read
from checker.report import Report
from checker.reporting.extract import Candidate, extract
from checker.reporting.gather import RENDERINGS, ConceptUsage, Coverage, Example
from checker.segment import Segment
from glossary.errors import GlosscheckError
from glossary.model import Glossary

Progress = Callable[[int, int], None]
_WORST_FIRST = ("forbidden", "missing", "admitted", "preferred")


def build(
    paths: Sequence[str],
    glossary: Glossary,
    config: Config,
    *,
    examples: int = 3,
    candidates: int = 30,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Check `paths`, then count coverage and mine candidates over the same segments."""
    import checker
    from checker.version import VERSION

    report = checker.check(list(paths), glossary, config, progress)
    coverage = Coverage(glossary, examples)
    kept: list[Segment] = []
    for segment in _segments(paths, config):
        coverage.add(segment)
        kept.append(segment)
    mined = extract(kept, glossary, limit=candidates) if candidates else []
    return {
        "tool": "glosscheck",
        "version": VERSION,
        "glossary": {"name": glossary.name, "concepts": len(glossary)},
        "summary": _summary(report, coverage),
        "concepts": [_usage(u) for u in coverage.ranked()],
        "unused": [c.label for c in coverage.unused()],
        "leftovers": _leftovers(report),
        "findings": _findings(report),
        "candidates": [_candidate(c) for c in mined],
        "errors": [str(e) for e in report.errors],
    }


def _segments(paths: Sequence[str], config: Config) -> Iterator[Segment]:
    """The segments of every readable file; unreadable ones are already in the check's errors."""
    from checker.engine import read_options

    options = read_options(config)
    for path in paths:
        try:
            jobs = plan([path], options)
        except GlosscheckError:
            continue
        for job in jobs:
            try:
                yield from list(read(job, options))
            except (GlosscheckError, OSError):
                continue


def _summary(report: Report, coverage: Coverage) -> dict[str, Any]:
    usages = list(coverage.usage.values())
    totals: Counter[str] = Counter()
    for u in usages:
        totals.update(u.counts)
    occurrences = sum(totals.values())
    top = sum(u.forms.most_common(1)[0][1] for u in usages if u.forms)
    return {
        **report.summary(),
        "concepts_used": len({id(u.concept) for u in usages}),
        "concepts_unused": len(coverage.unused()),
        "term_occurrences": occurrences,
        "renderings": {kind: totals[kind] for kind in RENDERINGS},
        "compliance": _rate(totals["preferred"] + totals["admitted"], occurrences),
        "consistency": _rate(top, occurrences),
    }


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def _usage(u: ConceptUsage) -> dict[str, Any]:
    return {
        "concept": u.concept.label,
        "direction": u.direction,
        "source_forms": [f.text for f in u.concept.forms_in(u.source_lang)],
        "preferred": (p.text if (p := u.concept.preferred(u.target_lang)) else None),
        "occurrences": u.occurrences,
        "counts": {kind: u.counts[kind] for kind in RENDERINGS},
        "forms": dict(u.forms.most_common()),
        "consistency": round(u.consistency, 4),
        "compliance": round(u.compliance, 4),
        "examples": [_example(e) for kind in _WORST_FIRST for e in u.examples.get(kind, [])],
    }


def _example(e: Example) -> dict[str, Any]:
    return {
        "path": e.path,
        "line": e.line,
        "rendering": e.rendering,
        "found": e.found,
        "source": e.source,
        "target": e.target,
    }


def _leftovers(report: Report) -> list[dict[str, Any]]:
    """U102 findings grouped by the text left over, most frequent first."""
    groups: dict[str, list[Any]] = {}
    for f in report.findings:
        if f.rule == "U102":
            groups.setdefault(f.detail or f.message, []).append(f)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        {
            "text": text,
            "count": len(found),
            "suggestion": found[0].suggestion,
            "places": [f"{f.path}:{f.line}" for f in found],
        }
        for text, found in ordered
    ]


def _findings(report: Report) -> dict[str, Any]:
    by_file: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    for f in report.findings:
        by_file.setdefault(f.path, Counter())[f.rule] += 1
        names[f.rule] = f.name
    rules = Counter(f.rule for f in report.findings)
    files = sorted(by_file.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return {
        "by_rule": [
            {"rule": rule, "name": names[rule], "count": n} for rule, n in rules.most_common()
        ],
        "by_file": [
            {"path": path, "count": sum(c.values()), "by_rule": dict(c.most_common())}
            for path, c in files
        ],
    }


def _candidate(c: Candidate) -> dict[str, Any]:
    return {
        "text": c.text,
        "direction": f"{c.source_lang}→{c.target_lang}",
        "frequency": c.frequency,
        "segments": c.segments,
        "termhood": c.termhood,
        "example": f"{c.example[0]}:{c.example[1]}",
        "translations": [
            {"text": t.text, "together": t.together, "segments": t.segments, "dice": t.dice}
            for t in c.translations
        ],
    }
