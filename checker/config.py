"""Settings of a check run, and which rules they select."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch

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
    glossaries: tuple[str, ...] = ()  # glossary files, stacked in order
    no_default_glossary: bool = False
    severities: Mapping[str, Severity] = field(default_factory=dict)  # by rule code
    options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)  # by rule code
    # (glob, selectors): findings in files matching the glob are dropped for those rules
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str = "."  # where the configuration file lives; globs are relative to it
    jobs: int = 1  # processes to spread files over; 0: one per core
    include: tuple[str, ...] = ()  # globs a directory walk keeps (empty: every known file)
    exclude: tuple[str, ...] = ()  # globs a directory walk leaves out

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """Selectors that per-file-ignores turn off for `path`."""
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        found: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if fnmatch(rel, pattern) or fnmatch(os.path.basename(path), pattern):
                found.extend(selectors)
        return tuple(found)


def matches(rule: type[Rule], selectors: Sequence[str]) -> bool:
    """Whether any selector (code, prefix such as T1, or name) picks the rule."""
    return any(_matches(rule, s) for s in selectors)


def _matches(rule: type[Rule], selector: str) -> bool:
    return rule.code.startswith(selector.upper()) or rule.name == selector.lower()


def check_selectors(selectors: Sequence[str]) -> None:
    for selector in selectors:
        if not any(_matches(rule, selector) for rule in RULES.values()):
            known = ", ".join(sorted(RULES))
            raise GlosscheckError(f"unknown rule code or name {selector!r} (known: {known})")


def selected_rules(config: Config) -> list[type[Rule]]:
    """Rules chosen by --select/--ignore, in code order.

    Without --select every rule that is on by default runs; an explicit
    selection can turn on a rule that is off by default.
    """
    check_selectors(config.select)
    check_selectors(config.ignore)
    chosen = []
    for code in sorted(RULES):
        rule = RULES[code]
        wanted = matches(rule, config.select) if config.select else rule.default_enabled
        if wanted and not matches(rule, config.ignore):
            chosen.append(rule)
    return chosen
