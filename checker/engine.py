"""Run the selected rules over segments read from files: `checker.check`.

Files are checked one by one, or spread over processes (`jobs`): each file's
segment rules run where the file is read, while the rules that compare files
(T103, C101, C102) see every segment in the main process, in file order, so
the findings are the same whatever the number of processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
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
Progress = Callable[[int, int], None]  # (files done, files in all)


def check(
    inputs: Iterable[Input],
    glossary: Glossary | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check files (paths, directories) or ready-made segments against a glossary.

    Unreadable or malformed files become `Report.errors` (path and line); the
    other files are still checked. Without a glossary, the configuration's
    glossaries are used, else the default one.
    """
    config = config or Config()
    glossary = glossary if glossary is not None else config_glossary(config)
    context = RuleContext(glossary, frozenset(w.casefold() for w in config.allow), config.options)
    rules = [rule(context) for rule in selected_rules(config)]
    report = Report()
    items = list(inputs)
    segments = [i for i in items if isinstance(i, Segment)]
    if segments:
        report.files += len({s.path for s in segments})
        report.segments += len(segments)
        report.findings.extend(f for s in segments for f in _check_segment(s, rules, glossary))
    jobs = _plan([Path(i) for i in items if not isinstance(i, Segment)], config, report)
    for result in _results(jobs, rules, glossary, _options(config), config.jobs, progress):
        _collect(result, rules, glossary, report)
    for rule in rules:
        report.findings.extend(rule.finish())
    report.findings = _configured(report.findings, config)
    report.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return report


def config_glossary(config: Config) -> Glossary:
    """The configuration's glossaries stacked in order; the default one when none is named."""
    from glossary.loading import load, load_default

    if config.glossaries:
        return load(*config.glossaries)
    return Glossary() if config.no_default_glossary else load_default()


def stamp(path: str) -> tuple[int, int]:
    """What tells whether a file changed: its modification time and size."""
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


@dataclass
class FileResult:
    """One file checked: its findings, and its segments for the cross-file rules."""

    job: Job
    stamp: tuple[int, int] | None = None
    count: int = 0
    findings: list[Finding] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # only when checked elsewhere
    error: GlosscheckError | None = None


def check_file(
    job: Job, rules: list[Rule], glossary: Glossary, options: ReadOptions, keep: bool = False
) -> FileResult:
    """Read one file and run `rules` on its segments; a bad file is a result, not a raise.

    `keep` returns the segments too, for cross-file rules run elsewhere.
    """
    result = FileResult(job)
    segments: list[Segment] = []  # what was read before an error is still checked
    try:
        result.stamp = stamp(job.path)
        segments.extend(read(job, options))
    except GlosscheckError as error:
        result.error = error
    except OSError as error:
        result.error = GlosscheckError(error.strerror or str(error), job.path)
    result.count = len(segments)
    result.findings = [f for s in segments for f in _check_segment(s, rules, glossary)]
    if keep:
        result.segments = segments
    return result


def _options(config: Config) -> ReadOptions:
    return ReadOptions(
        config.source_lang,
        config.target_lang,
        config.target_only,
        config.pairs,
        config.include,
        config.exclude,
        config.root,
    )


def _plan(paths: Sequence[Path], config: Config, report: Report) -> list[Job]:
    jobs: dict[Job, None] = {}  # planned path by path, so one bad path spares the rest
    for path in paths:
        try:
            jobs.update(dict.fromkeys(plan([str(path)], _options(config))))
        except GlosscheckError as error:
            report.errors.append(error)
    return list(jobs)


def _gathers(rule: Rule) -> bool:
    """Rules that compare segments across files keep state until `finish`."""
    return type(rule).finish is not Rule.finish


def _results(
    jobs: list[Job],
    rules: list[Rule],
    glossary: Glossary,
    options: ReadOptions,
    processes: int,
    progress: Progress | None,
) -> Iterator[FileResult]:
    """Each job's result, in job order, from this process or from a pool."""
    processes = processes or os.cpu_count() or 1
    if processes == 1 or len(jobs) < 2:
        for done, job in enumerate(jobs, 1):
            yield check_file(job, rules, glossary, options)
            if progress:
                progress(done, len(jobs))
        return
    local = [rule for rule in rules if not _gathers(rule)]
    keep = len(local) < len(rules)
    setup = (local, glossary, options, keep)
    with ProcessPoolExecutor(min(processes, len(jobs)), None, _start_worker, setup) as pool:
        for done, result in enumerate(pool.map(_check_in_worker, jobs), 1):
            yield result
            if progress:
                progress(done, len(jobs))


# A worker process's rules, glossary, options and whether to send segments back.
_WORKER: tuple[list[Rule], Glossary, ReadOptions, bool] | None = None


def _start_worker(local: list[Rule], glossary: Glossary, options: ReadOptions, keep: bool) -> None:
    global _WORKER
    _WORKER = (local, glossary, options, keep)


def _check_in_worker(job: Job) -> FileResult:
    assert _WORKER is not None, "a worker process starts with _start_worker"
    return check_file(job, *_WORKER)


def _collect(result: FileResult, rules: list[Rule], glossary: Glossary, report: Report) -> None:
    report.files += 1
    if result.error:  # a reader's InputProblems holds one error per bad line
        report.errors.extend(getattr(result.error, "problems", None) or [result.error])
    if result.stamp:
        report.stamps[result.job.path] = result.stamp
    report.segments += result.count
    report.findings.extend(result.findings)
    gathering = [rule for rule in rules if _gathers(rule)]
    for segment in result.segments:  # checked in a worker: the cross-file rules look here
        report.findings.extend(_check_segment(segment, gathering, glossary))


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


def _check_segment(segment: Segment, rules: list[Rule], glossary: Glossary) -> Iterator[Finding]:
    scan = Scan(segment, glossary)
    for rule in rules:
        if segment.target_only and rule.needs_source:
            continue
        if rule.code in segment.suppressed or rule.name in segment.suppressed:
            continue
        yield from rule.check(scan)
