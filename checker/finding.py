"""What a rule reports: a finding, with position, term and a stable fingerprint."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that `--fail-on` can compare: info < warning < error."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (error, warning, info)") from None


@dataclass(frozen=True)
class TermInfo:
    """The glossary term a finding is about."""

    source: str
    expected: tuple[str, ...]
    found: str | None

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "expected": list(self.expected), "found": self.found}


@dataclass(frozen=True)
class Fix:
    """Replace target[start:end] (offsets in the segment's target text) by `replacement`.

    `line`, `column` and `end_column` place the replaced text in its file and
    `original` is that text, so a fix can be applied to the file and refused
    when the file no longer holds it (0 and "" until a rule fills them in).
    """

    start: int
    end: int
    replacement: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    original: str = ""


@dataclass(frozen=True)
class Finding:
    """One problem at one place; the fields of SPEC.md's JSON output."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    severity: Severity
    message: str
    source: str
    target: str
    term: TermInfo | None = None
    suggestion: str | None = None
    fix: Fix | None = None
    key: str = field(default="", compare=False)  # the segment's key within its file
    detail: str = field(default="", compare=False)  # the flagged text, for the fingerprint

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def fingerprint(self) -> str:
        """Stable under edits elsewhere in the file: content only, no position.

        Neither the line nor the unit's position (a document's block number)
        counts, and the path counts as relative to the working directory, so
        `po/x.po`, `./po/x.po` and its absolute spelling agree. Identical
        findings share a fingerprint; baselines count them.
        """
        term = self.term.to_json() if self.term else None
        path = _fingerprint_path(self.path, os.getcwd())
        parts = (self.rule, path, self.source, self.target, repr(term), self.detail)
        import hashlib  # only fingerprints need it

        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "source": self.source,
            "target": self.target,
            "term": self.term.to_json() if self.term else None,
            "suggestion": self.suggestion,
            "fixable": self.fixable,
            "fingerprint": self.fingerprint,
        }


@lru_cache(maxsize=64)  # a file's findings share their path: relpath cost 20 µs each
def _fingerprint_path(path: str, cwd: str) -> str:
    """`path` relative to `cwd` (the working directory) when absolute, normalised."""
    return os.path.normpath(os.path.relpath(path, cwd) if os.path.isabs(path) else path)
