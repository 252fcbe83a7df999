"""`glosscheck score` output: a table for people, or the JSON document of SPEC.md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker.scoring.result import Comparison, ScoreResult, WorstSegment

__all__ = ["FORMATS", "render_json", "render_text"]

_LANGS = {"zh": "Chinese", "en": "English"}


def render_json(result: ScoreResult) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"


def render_text(result: ScoreResult) -> str:
    """Scores table, paired test, signatures, notes and the worst segments."""
    refs = ", ".join(result.references)
    lines = [
        f"{_LANGS[result.source_lang]} → {_LANGS[result.target_lang]}, {result.segments} segments,"
        f" {len(result.references)} reference(s): {refs}",
        "",
        *_score_table(result),
        "",
    ]
    if result.comparison is not None:
        lines += [*_comparison_table(result, result.comparison), ""]
    lines += ["Signatures:", *_signatures(result), ""]
    if result.notes:
        lines += [*(f"Note: {note}." for note in result.notes), ""]
    for system in result.systems:
        if system.worst:
            lines += [f"Lowest sentence chrF, {system.name}:", *_worst(system.worst), ""]
    return "\n".join(lines)


def _score_table(result: ScoreResult) -> list[str]:
    first = result.systems[0].scores
    header = ["system", *(score.name for score in first.values())]
    rows = [[s.name, *(score.formatted() for score in s.scores.values())] for s in result.systems]
    return _table(header, rows)


def _comparison_table(result: ScoreResult, comparison: Comparison) -> list[str]:
    title = (
        f"{comparison.test_name.capitalize()} against {comparison.baseline}"
        f" ({comparison.samples} {'resamples' if comparison.test == 'bs' else 'trials'},"
        f" seed {comparison.seed}); * p < 0.05:"
    )
    rows = []
    for key in comparison.signatures:
        shown = result.systems[0].scores[key]
        for name, results in comparison.results.items():
            paired = results[key]
            interval = (
                ""
                if paired.mean is None or paired.ci is None
                else (f"{paired.mean:.{shown.decimals}f} ± {paired.ci:.{shown.decimals}f}")
            )
            if paired.p_value is None:
                verdict = "baseline"
            else:
                verdict = f"{paired.p_value:.4f}{' *' if paired.p_value < 0.05 else ''}"
            rows.append([shown.name, name, f"{paired.score:.{shown.decimals}f}", interval, verdict])
    return [title, *_table(["metric", "system", "score", "mean ± 95% CI", "p-value"], rows)]


def _signatures(result: ScoreResult) -> list[str]:
    first = result.systems[0].scores
    comparison = result.comparison
    width = max(len(score.name) for score in first.values())
    lines = []
    for key, score in first.items():
        signature = score.signature
        if comparison is not None and key in comparison.signatures:
            signature = comparison.signatures[key]
        lines.append(f"  {score.name:<{width}}  {signature}")
    return lines


def _worst(segments: Sequence[WorstSegment]) -> list[str]:
    lines = []
    for segment in segments:
        lines.append(f"  {segment.path}:{segment.line}  chrF {segment.chrf:.1f}")
        if segment.source is not None:
            lines.append(f"    source:     {segment.source}")
        lines.append(f"    hypothesis: {segment.hypothesis}")
        lines += [f"    reference:  {reference}" for reference in segment.references]
        if segment.term_misses:
            missed = "; ".join(f"{m.source} → {'|'.join(m.expected)}" for m in segment.term_misses)
            lines.append(f"    term misses: {missed}")
    return lines


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell: text left-aligned, numbers right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    numeric = [all(_is_number(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            cell.rjust(width) if is_number else cell.ljust(width)
            for cell, width, is_number in zip(row, widths, numeric, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return cell == "n/a"
    return True


FORMATS = {"text": render_text, "json": render_json}
