"""The outcome of a run: findings, input errors, counts and the exit status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from checker.finding import Finding, Severity
from glossary.errors import GlosscheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class Report:
    """Everything a run found. The CLI renders it and exits with `exit_status`."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[GlosscheckError] = field(default_factory=list)
    files: int = 0
    segments: int = 0
    # (mtime_ns, size) of each file as it was read: --fix refuses a file changed since
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "segments": self.segments,
            "findings": len(self.findings),
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
            "by_severity": {
                str(sev): n
                for sev in sorted(Severity, reverse=True)
                if (n := sum(f.severity == sev for f in self.findings))
            },
        }

    def exit_status(self, fail_on: Severity | None) -> int:
        """2 for unreadable input, else 1 for a finding at or above `fail_on`."""
        if self.errors:
            return EXIT_ERROR
        if fail_on is not None and any(f.severity >= fail_on for f in self.findings):
            return EXIT_FINDINGS
        return EXIT_OK

    def to_json(self, version: str) -> dict[str, Any]:
        return {
            "tool": "glosscheck",
            "version": version,
            "findings": [f.to_json() for f in self.findings],
            "summary": self.summary(),
        }
