"""checker: read bilingual files, run the rules, report findings."""

from typing import TYPE_CHECKING, Any

from checker.config import Config
from checker.engine import check
from checker.finding import Finding, Severity, TermInfo
from checker.report import Report
from checker.segment import Segment

if TYPE_CHECKING:
    from checker.scoring import score

__all__ = ["Config", "Finding", "Report", "Segment", "Severity", "TermInfo", "check", "score"]


def __getattr__(name: str) -> Any:
    """`checker.score` imports the scoring package on first use: `check` never needs it."""
    if name == "score":
        from checker.scoring import score

        return score
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
