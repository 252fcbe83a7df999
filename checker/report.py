"""The outcome of a run: findings, input errors, counts and the exit status."""

from __future__ import annotations

import heapq
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from checker.finding import Finding, Severity
from glossary.errors import GlosscheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def order(f: Finding) -> tuple[str, int, int, str]:
    """Findings are reported by file and position, then rule; else in the order found."""
    return f.path, f.line, f.column, f.rule


class Sorted:
    """Findings in report order, kept in a temporary file when they are many.

    A million segments make some 100,000 findings, too many to hold (issue 7).
    Up to `_HELD` wait in memory; then they are sorted and written as one run
    of pickled blocks. Reading merges the runs: `heapq.merge` puts equal
    findings in the order added, as one stable sort of them all would.
    `prepare` (the configuration's ignores and severities) runs on each batch.
    """

    _HELD = 10_000  # some 10 MB
    _BLOCK = 500  # findings a pickle: what a run holds in memory while it is read

    def __init__(self, prepare: Callable[[list[Finding]], list[Finding]], spill: bool) -> None:
        self._prepare = prepare
        self._spill = spill  # False: all stay in memory
        self._held: list[Finding] = []  # added, not yet prepared
        self._last: list[Finding] = []  # the last run, prepared and sorted by `done`
        self._runs: list[list[int]] = []  # each written run's blocks, as offsets in the file
        self._file: IO[bytes] | None = None
        self._count = 0

    def extend(self, findings: Iterable[Finding]) -> None:
        self._held.extend(findings)
        if self._spill and len(self._held) >= self._HELD:
            run = self._ready()
            if self._file is None:
                import tempfile  # here: a check with few findings never writes a file

                self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed with self)
            self._file.seek(0, 2)
            blocks = []
            for start in range(0, len(run), self._BLOCK):
                blocks.append(self._file.tell())
                pickle.dump(run[start : start + self._BLOCK], self._file, pickle.HIGHEST_PROTOCOL)
            self._runs.append(blocks)

    def done(self) -> list[Finding] | None:
        """Every finding in: the list of them all, or None when some were written."""
        self._last = self._ready()
        return None if self._runs else self._last

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Finding]:
        return heapq.merge(*map(self._read, self._runs), self._last, key=order)

    def _ready(self) -> list[Finding]:
        run = sorted(self._prepare(self._held), key=order)
        self._held = []
        self._count += len(run)
        return run

    def _read(self, blocks: list[int]) -> Iterator[Finding]:
        assert self._file is not None
        for offset in blocks:
            self._file.seek(offset)  # runs are read in turns
            yield from pickle.load(self._file)


@dataclass
class Report:
    """Everything a run found. The CLI renders it and exits with `exit_status`.

    When many findings were written to disk (`check(..., spill=True)`, for the
    CLI's renderers) they are in `spilled`, not in `findings`: `each()` reads
    them either way.
    """

    findings: list[Finding] = field(default_factory=list)
    errors: list[GlosscheckError] = field(default_factory=list)
    files: int = 0
    segments: int = 0
    # (mtime_ns, size) of each file as it was read: --fix refuses a file changed since
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)
    spilled: Sorted | None = field(default=None, repr=False, compare=False)

    def each(self) -> Iterable[Finding]:
        """The findings in order, from memory or from disk."""
        return self.findings if self.spilled is None else self.spilled

    def count(self) -> int:
        return len(self.findings if self.spilled is None else self.spilled)

    def summary(self) -> dict[str, Any]:
        rules: Counter[str] = Counter()
        severities: Counter[Severity] = Counter()
        for f in self.each():  # one pass: they may be read from disk
            rules[f.rule] += 1
            severities[f.severity] += 1
        return {
            "files": self.files,
            "segments": self.segments,
            "findings": self.count(),
            "by_rule": dict(sorted(rules.items())),
            "by_severity": {
                str(sev): severities[sev]
                for sev in sorted(Severity, reverse=True)
                if severities[sev]
            },
        }

    def exit_status(self, fail_on: Severity | None) -> int:
        """2 for unreadable input, else 1 for a finding at or above `fail_on`."""
        if self.errors:
            return EXIT_ERROR
        if fail_on is not None and any(f.severity >= fail_on for f in self.each()):
            return EXIT_FINDINGS
        return EXIT_OK

    def to_json(self, version: str) -> dict[str, Any]:
        return {
            "tool": "glosscheck",
            "version": version,
            "findings": [f.to_json() for f in self.each()],
            "summary": self.summary(),
        }
