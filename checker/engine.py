"""Run the selected rules over segments read from files: `checker.check`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from os import PathLike
from pathlib import Path

from checker.config import Config, matches, selected_rules
from checker.finding import Finding
from checker.readers import Job, ReadOptions, plan, read
from checker.report import Report
from checker.rules import RULES, Rule, RuleContext, Scan
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
    other files are still checked. Without a glossary, the configuration's
    glossaries are used, else the default one.
    """
    config = config or Config()
    glossary = glossary if glossary is not None else config_glossary(config)
    allow = frozenset(w.casefold() for w in config.allow)
    context = RuleContext(glossary, allow, config.options)
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
    report.findings = _configured(report.findings, config)
    report.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return report


def stamp(path: str) -> tuple[int, int]:
    """What tells whether a file changed: its modification time and size."""
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


def _configured(findings: list[Finding], config: Config) -> list[Finding]:
    """Findings after per-file ignores and severity overrides of the configuration."""
    kept = []
    ignored: dict[str, tuple[str, ...]] = {}
    for f in findings:
        if f.path not in ignored:
            ignored[f.path] = config.ignored_in(f.path)
        if matches(RULES[f.rule], ignored[f.path]):
            continue
        severity = config.severities.get(f.rule)
        kept.append(replace(f, severity=severity) if severity else f)
    return kept


def config_glossary(config: Config) -> Glossary:
    """The configuration's glossaries stacked in order; the default one when none is named."""
    from glossary.loading import load, load_default

    if config.glossaries:
        return load(*config.glossaries)
    return Glossary() if config.no_default_glossary else load_default()


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
            report.stamps[job.path] = stamp(job.path)
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
