"""The rule catalogue. Importing this package registers every rule."""

from checker.rules import consistency, formatting, length, numbers, terms, typography, untranslated
from checker.rules.base import RULES, Rule, RuleContext, Scan

__all__ = [
    "RULES",
    "Rule",
    "RuleContext",
    "Scan",
    "consistency",
    "formatting",
    "length",
    "numbers",
    "terms",
    "typography",
    "untranslated",
]
