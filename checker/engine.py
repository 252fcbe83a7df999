"""Run the selected rules over segments read from files: `checker.check`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from os import PathLike
from pathlib import Path

from checker.config import Config, selected_rules
from checker.finding import Finding
from checker.readers import Job, ReadOptions, plan, read
from checker.report import Report
from checker.rules import Rule, RuleContext, Scan
from checker.segment import Segment
from glossary.errors import GlosscheckError
from glossary.model import Glossary

Input = str | PathLike[str] | Segment


def check(
    inputs: Iterable[Input],
    glossary: Glossary | None = None,
    config: Config | None = None,
) -> Report:
    """Check files (paths, directories) or ready-made segments against a glossary.

    Unreadable or malformed files become `Report.errors` (path and line); the
    other files are still checked. Without a glossary the default one is used.
    """
    from glossary.loading import load_default

    config = config or Config()
    glossary = glossary if glossary is not None else load_default()
    context = RuleContext(glossary, frozenset(w.casefold() for w in config.allow))
    rules = [rule(context) for rule in selected_rules(config)]
    report = Report()
    items = list(inputs)
    paths = [Path(i) for i in items if not isinstance(i, Segment)]
    segments = [i for i in items if isinstance(i, Segment)]
    options = ReadOptions(config.source_lang, config.target_lang, config.target_only, config.pairs)
    for batch in _batches(paths, segments, options, report):
        for segment in batch:
            report.segments += 1
            report.findings.extend(_check_segment(segment, rules, glossary))
    for rule in rules:
        report.findings.extend(rule.finish())
    report.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return report


def _batches(
    paths: Sequence[Path], segments: list[Segment], options: ReadOptions, report: Report
) -> Iterator[Iterable[Segment]]:
    """Segments grouped by file; a file that fails to read is recorded, not raised."""
    if segments:
        report.files += len({s.path for s in segments})
        yield segments
    if not paths:
        return
    jobs: dict[Job, None] = {}  # planned path by path, so one bad path spares the rest
    for path in paths:
        try:
            jobs.update(dict.fromkeys(plan([str(path)], options)))
        except GlosscheckError as error:
            report.errors.append(error)
    for job in jobs:
        report.files += 1
        try:
            yield list(read(job, options))
        except GlosscheckError as error:
            report.errors.append(error)
        except OSError as error:
            report.errors.append(GlosscheckError(error.strerror or str(error), job.path))


def _check_segment(segment: Segment, rules: list[Rule], glossary: Glossary) -> Iterator[Finding]:
    scan = Scan(segment, glossary)
    for rule in rules:
        if segment.target_only and rule.needs_source:
            continue
        if rule.code in segment.suppressed or rule.name in segment.suppressed:
            continue
        yield from rule.check(scan)
