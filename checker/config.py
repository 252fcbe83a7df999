"""Settings of a check run, and which rules they select."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.finding import Severity
from checker.rules import RULES, Rule
from glossary.errors import GlosscheckError


@dataclass(frozen=True)
class Config:
    """What a run checks and how; CLI flags map onto these fields one to one."""

    select: tuple[str, ...] = ()  # codes, prefixes (T, T1, T101) or names; empty: defaults
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = Severity.WARNING  # None: never fail on findings
    source_lang: str | None = None
    target_lang: str | None = None
    target_only: bool = False
    allow: tuple[str, ...] = ()  # words allowed to stay untranslated
    pairs: tuple[tuple[str, str], ...] = ()


def _matches(rule: type[Rule], selector: str) -> bool:
    return rule.code.startswith(selector.upper()) or rule.name == selector.lower()


def _check_selectors(selectors: Sequence[str]) -> None:
    for selector in selectors:
        if not any(_matches(rule, selector) for rule in RULES.values()):
            known = ", ".join(sorted(RULES))
            raise GlosscheckError(f"unknown rule code or name {selector!r} (known: {known})")


def selected_rules(config: Config) -> list[type[Rule]]:
    """Rules chosen by --select/--ignore, in code order.

    Without --select every rule that is on by default runs; an explicit
    selection can turn on a rule that is off by default.
    """
    _check_selectors(config.select)
    _check_selectors(config.ignore)
    chosen = []
    for code in sorted(RULES):
        rule = RULES[code]
        if config.select:
            wanted = any(_matches(rule, s) for s in config.select)
        else:
            wanted = rule.default_enabled
        if wanted and not any(_matches(rule, s) for s in config.ignore):
            chosen.append(rule)
    return chosen
