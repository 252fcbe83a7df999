"""checker: read bilingual files, run the rules, report findings."""

from checker.config import Config
from checker.engine import check
from checker.finding import Finding, Severity, TermInfo
from checker.report import Report
from checker.scoring import score
from checker.segment import Segment

__all__ = ["Config", "Finding", "Report", "Segment", "Severity", "TermInfo", "check", "score"]
