"""Run the selected rules over segments read from files: `checker.check`.

Files are checked one by one, or spread over processes (`jobs`): each file's
segment rules run where the file is read, while the rules that compare files
(T103, C101, C102) take in what each process gathered in the main process, in
file order, so the findings are the same whatever the number of processes.
A big .po catalog is read in parts, each by a worker from its own byte range;
another big file is read here and its segments handed out in chunks.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from checker.config import Config, matches, selected_rules
from checker.finding import Finding
from checker.readers import Job, ReadOptions, plan, read
from checker.report import Report, Sorted
from checker.rules import RULES, Rule, RuleContext, Scan
from checker.segment import Segment
from glossary.errors import GlosscheckError
from glossary.model import LANGUAGES, Glossary

if TYPE_CHECKING:  # a pool is imported only when one runs: a one-file hook never needs it
    from concurrent.futures import Future, ProcessPoolExecutor

    from checker.readers.po_parts import Part, PartEnd, Taken

Input = str | PathLike[str] | Segment
Progress = Callable[[int, int], None]  # (files done, files in all)


def check(
    inputs: Iterable[Input],
    glossary: Glossary | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
    *,
    spill: bool = False,
) -> Report:
    """Check files (paths, directories) or ready-made segments against a glossary.

    Unreadable or malformed files become `Report.errors` (path and line); the
    other files are still checked. Without a glossary, the configuration's
    glossaries are used, else the default one. With `spill`, many findings
    wait in a temporary file, in `Report.spilled` (read with `Report.each`).
    """
    config = config or Config()
    glossary = glossary if glossary is not None else config_glossary(config)
    context = RuleContext(glossary, frozenset(w.casefold() for w in config.allow), config.options)
    rules = [rule(context) for rule in selected_rules(config)]
    report = Report()
    found = Sorted(lambda batch: _configured(batch, config), spill)
    items = list(inputs)
    segments = [i for i in items if isinstance(i, Segment)]
    if segments:
        report.files += len({s.path for s in segments})
        report.segments += len(segments)
        found.extend(f for s in segments for f in _check_segment(s, rules, glossary))
    jobs = _plan([Path(i) for i in items if not isinstance(i, Segment)], config, report)
    with _fewer_collections():
        options = read_options(config)
        for result in _results(jobs, rules, glossary, options, config.jobs, progress, found):
            _collect(result, rules, report, found)
    for rule in rules:
        found.extend(rule.finish())
    kept = found.done()
    if kept is None:
        report.spilled = found
    else:
        report.findings = kept
    return report


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The garbage collector run less often while files are checked.

    Checking makes many short-lived objects and few reference cycles, so the
    default threshold (700 allocations) runs hundreds of collections over a big
    heap (a parsed catalog, the glossary) that free almost nothing: a tenth of
    the time on a large catalog.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 10_000), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


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


# Where the main process puts findings as they come: `Sorted`, or None for the result.
Found = Sorted | None

# What the cross-file rules gathered from some segments in another process,
# by rule code (see `Rule.gathered`).
Gathered = dict[str, dict[str, Any]]


@dataclass
class FileResult:
    """One file checked: its findings, and what the cross-file rules gathered elsewhere."""

    job: Job
    stamp: tuple[int, int] | None = None
    count: int = 0
    findings: list[Finding] = field(default_factory=list)
    gathered: list[Gathered] = field(default_factory=list)  # only when checked elsewhere
    error: GlosscheckError | None = None


def check_file(
    job: Job, rules: list[Rule], glossary: Glossary, options: ReadOptions, found: Found = None
) -> FileResult:
    """Read one file and run `rules` on its segments; a bad file is a result, not a raise.

    Segments are checked as they are read, and not kept. Their findings go to
    `found` when given (a big file's may be too many to hold), else into the result.
    """
    result = FileResult(job)
    into = result.findings if found is None else found
    for segment in _read(job, options, result):  # what was read before an error is still checked
        result.count += 1
        into.extend(_check_segment(segment, rules, glossary))
    return result


def _read(job: Job, options: ReadOptions, result: FileResult) -> Iterator[Segment]:
    """The file's segments; a reading error ends them and goes into `result`."""
    try:
        result.stamp = stamp(job.path)
    except OSError as error:
        result.error = _unreadable(error, job.path)
        return
    yield from _guarded(read(job, options), result)


def _guarded(segments: Iterator[Segment], result: FileResult) -> Iterator[Segment]:
    """`segments` until a reading error, which goes into `result`."""
    try:
        yield from segments
    except GlosscheckError as error:
        result.error = error
    except OSError as error:
        result.error = _unreadable(error, result.job.path)


def _unreadable(error: OSError, path: str) -> GlosscheckError:
    """An operating system's refusal to read a file, as a finding's input error."""
    return GlosscheckError(error.strerror or str(error), path)


def read_options(config: Config) -> ReadOptions:
    """How the readers read files for this configuration (shared with `glosscheck report`)."""
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
            jobs.update(dict.fromkeys(plan([str(path)], read_options(config))))
        except GlosscheckError as error:
            report.errors.append(error)
    return list(jobs)


def _gathers(rule: Rule) -> bool:
    """Rules that compare segments across files keep state until `finish`."""
    return type(rule).finish is not Rule.finish


def _gathers_here(rule: Rule) -> bool:
    """Cross-file rules that the process reading a big file runs on its chunks itself:
    cheaper than sending back all they keep."""
    return _gathers(rule) and rule.segment_only


_CHUNK = 250  # segments per task when a big file is spread over processes
_SPLIT_BYTES = 256 * 1024  # smaller files are not worth splitting
_PART_BYTES = 512 * 1024  # a part of a big catalog (the last few smaller: see po_parts)
_IN_FLIGHT = 4  # tasks per process submitted ahead: enough to keep them busy, not the file


def _results(
    jobs: list[Job],
    rules: list[Rule],
    glossary: Glossary,
    options: ReadOptions,
    processes: int,
    progress: Progress | None,
    found: Found = None,
) -> Iterator[FileResult]:
    """Each job's result, in job order, from this process or from a pool.

    Findings made or received here go to `found` when given (see `check_file`)."""
    processes = processes or os.cpu_count() or 1
    split = _to_split(jobs, processes) if processes > 1 else set()
    if processes == 1 or (len(jobs) < 2 and not split):
        for done, job in enumerate(jobs, 1):
            yield check_file(job, rules, glossary, options, found)
            if progress:
                progress(done, len(jobs))
        return
    size = processes if split else min(processes, len(jobs))
    with _pool(size, rules, glossary, options) as pool:
        setup = (rules, glossary, options)
        results = _spread(jobs, split, pool, setup, processes * _IN_FLIGHT, found)
        for done, result in enumerate(results, 1):
            yield result
            if progress:
                progress(done, len(jobs))


def _to_split(jobs: list[Job], processes: int) -> set[Job]:
    """Files too big to give to one process: one that holds more than a process's share
    of the input. This process reads them and hands their segments out in chunks."""
    sizes = {job: _size(job.path) for job in jobs}
    total = sum(sizes.values())
    return {job for job, size in sizes.items() if size >= _SPLIT_BYTES and size * processes > total}


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it will tell what is wrong


# A task in flight: the result it belongs to, its future (None: the file is read to
# its end) and what it checks: a chunk of segments, a part of a catalog (None at its
# end) with what was taken in of the whole, None for a whole file.
_Work: TypeAlias = "list[Segment] | tuple[Part | None, Taken] | None"
_Task = tuple[FileResult, "Future[Any] | None", _Work]
_Setup = tuple[list[Rule], Glossary, ReadOptions]


def _spread(
    jobs: list[Job],
    split: set[Job],
    pool: ProcessPoolExecutor,
    setup: _Setup,
    ahead: int,
    found: Found = None,
) -> Iterator[FileResult]:
    """Results in job order: small files checked whole by a worker, big catalogs in parts
    read by workers, other big files in chunks read here (their findings into `found`
    when given, part by part, chunk by chunk)."""
    rules, glossary, options = setup
    here = [rule for rule in rules if _gathers_here(rule)]
    gathering = {rule.code: rule for rule in rules if _gathers(rule)}
    tasks: deque[_Task] = deque()

    def submitted() -> Iterator[_Task]:
        for job in jobs:
            result = FileResult(job)
            if job not in split:
                yield result, pool.submit(_check_in_worker, job, None), None
                continue
            parts = _parts(job, options, result)
            if parts:
                taken = _taken(job)
                for part in parts:
                    yield result, pool.submit(_check_part_in_worker, job, part), (part, taken)
                yield result, None, (None, taken)
                continue
            for chunk in _chunks(_read(job, options, result), _CHUNK):
                yield result, pool.submit(_check_in_worker, job, chunk), chunk
            yield result, None, None

    def finished(task: _Task) -> Iterator[FileResult]:
        """The file's result when this task completes it (a whole file, or a big one's end)."""
        result, future, work = task
        into = result.findings if found is None else found
        if isinstance(work, tuple):  # a catalog read in parts
            part, taken = work
            if part is None:
                _end_parts(result, taken)
                yield result
            elif taken.takes(part):
                assert future is not None
                checked, end = future.result()
                _take_part(checked, end, taken, result, into, gathering)
            elif future is not None:
                future.cancel()  # read by the part before, or after an error: not needed
        elif future is None:
            yield result
        elif work is None:
            yield future.result()
        else:
            chunk = work
            result.count += len(chunk)
            into.extend(future.result().findings)
            result.gathered += future.result().gathered
            # In order, after what the files before gathered: as in one process. These
            # findings come after the chunk's others: the same order once sorted.
            into.extend(f for s in chunk for f in _check_segment(s, here, glossary))

    for task in submitted():
        tasks.append(task)
        while len(tasks) > ahead or (tasks and _ready(tasks[0])):
            yield from finished(tasks.popleft())
    while tasks:
        yield from finished(tasks.popleft())


def _parts(job: Job, options: ReadOptions, result: FileResult) -> list[Part]:
    """A big .po catalog's parts for workers to read (none: read it here, in chunks)."""
    if job.reader != "po" or not _FORK:  # parts of a Groups are the same only when forked
        return []
    from checker.readers.po_parts import split

    try:
        result.stamp = stamp(job.path)  # before it is read, as `_read` does
    except OSError:
        return []  # reading it will tell what is wrong
    return split(job, options, _PART_BYTES)


def _taken(job: Job) -> Taken:
    from checker.readers.po_parts import Taken

    return Taken(job.path)


def _take_part(
    checked: FileResult,
    end: PartEnd,
    taken: Taken,
    result: FileResult,
    into: list[Finding] | Sorted,
    gathering: dict[str, Rule],
) -> None:
    """Take in a part of a catalog, in file order (see `Taken`)."""
    result.count += checked.count
    into.extend(checked.findings)
    for gathered in checked.gathered:
        for code, state in gathered.items():
            gathering[code].merge(state)
    result.error = checked.error
    taken.take(end, failed=checked.error is not None)


def _end_parts(result: FileResult, taken: Taken) -> None:
    """The errors of a catalog read in parts, as one process reading it raises them."""
    if result.error:
        return
    try:
        taken.raise_problems()
    except GlosscheckError as error:
        result.error = error
    except OSError as error:
        result.error = _unreadable(error, result.job.path)


def _ready(task: _Task) -> bool:
    future = task[1]
    return future is None or future.done()


def _chunks(segments: Iterator[Segment], size: int) -> Iterator[list[Segment]]:
    chunk: list[Segment] = []
    for segment in segments:
        chunk.append(segment)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_FORK = sys.platform.startswith("linux")  # unsafe on macOS, absent on Windows
# A worker process's rules, glossary and options.
_WORKER: tuple[list[Rule], Glossary, ReadOptions] | None = None


@contextmanager
def _pool(
    processes: int, rules: list[Rule], glossary: Glossary, options: ReadOptions
) -> Iterator[ProcessPoolExecutor]:
    """Worker processes that share this one's rules and glossary.

    Forked where the platform allows: the workers inherit the glossary with
    its indexes built, once, instead of each unpickling and rebuilding them.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER
    if not _FORK:
        setup = (rules, glossary, options)
        with ProcessPoolExecutor(processes, None, _start_worker, setup) as pool:
            yield pool
        return
    for lang in LANGUAGES:  # every check with a glossary needs both, or nearly
        if len(glossary):
            glossary.index(lang)
    _WORKER = (rules, glossary, options)
    try:
        # A worker's collections leave what it inherited alone (gc.freeze): they
        # would walk the whole heap and copy every page they touch.
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, fork, gc.freeze) as pool:
            yield pool
    finally:
        _WORKER = None


def _start_worker(rules: list[Rule], glossary: Glossary, options: ReadOptions) -> None:
    global _WORKER
    _WORKER = (rules, glossary, options)


def _check_in_worker(job: Job, chunk: list[Segment] | None) -> FileResult:
    """Check a whole file, or a chunk of a big one's segments (findings only).

    The cross-file rules start afresh for each task; what they gathered goes
    back, to be merged in order into the main process's. On a chunk, those
    that the main process runs itself are left out.
    """
    assert _WORKER is not None, "a worker process starts with _start_worker or inherits it"
    shared, glossary, options = _WORKER
    if chunk is not None:
        shared = [rule for rule in shared if not _gathers_here(rule)]
    rules = [type(rule)(rule.context) if _gathers(rule) else rule for rule in shared]
    if chunk is None:
        result = check_file(job, rules, glossary, options)
    else:
        result = FileResult(job)
        for segment in chunk:
            result.findings.extend(_check_segment(segment, rules, glossary))
    result.gathered = [{rule.code: rule.gathered() for rule in rules if _gathers(rule)}]
    return result


def _check_part_in_worker(job: Job, part: Part) -> tuple[FileResult, PartEnd]:
    """Read a part of a big catalog and check it: findings, what the cross-file rules
    gathered (they start afresh), and where the part ended."""
    from checker.readers.po_parts import PartEnd, read_part

    assert _WORKER is not None, "a worker process inherits it (parts are read when forked)"
    shared, glossary, options = _WORKER
    rules = [type(rule)(rule.context) if _gathers(rule) else rule for rule in shared]
    result, end = FileResult(job), PartEnd()
    for segment in _guarded(read_part(part, options, end), result):
        result.count += 1
        result.findings.extend(_check_segment(segment, rules, glossary))
    result.gathered = [{rule.code: rule.gathered() for rule in rules if _gathers(rule)}]
    return result, end


def _collect(result: FileResult, rules: list[Rule], report: Report, found: Sorted) -> None:
    report.files += 1
    if result.error:  # a reader's InputProblems holds one error per bad line
        report.errors.extend(getattr(result.error, "problems", None) or [result.error])
    if result.stamp:
        report.stamps[result.job.path] = result.stamp
    report.segments += result.count
    found.extend(result.findings)
    gathering = {rule.code: rule for rule in rules if _gathers(rule)}
    for gathered in result.gathered:  # checked elsewhere: the cross-file rules take it in
        for code, state in gathered.items():
            gathering[code].merge(state)


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


def _check_segment(segment: Segment, rules: list[Rule], glossary: Glossary) -> list[Finding]:
    scan = Scan(segment, glossary)
    found: list[Finding] = []
    exempt = segment.target_only or segment.suppressed  # most segments run every rule
    for rule in rules:
        if exempt and _exempt(segment, rule):
            continue
        found.extend(rule.check(scan))
    return found


def _exempt(segment: Segment, rule: Rule) -> bool:
    if segment.target_only and rule.needs_source:
        return True
    return rule.code in segment.suppressed or rule.name in segment.suppressed
