"""Rule documentation from the rules' own docstrings (`glosscheck rules`)."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from checker.rules.base import RULES, Rule

_EXAMPLE = re.compile(r"^(Okay|[A-Z]\d{3}): (.*?) → (.*)$")


@dataclass(frozen=True)
class Example:
    """One docstring example: `Okay:` must give no finding of the rule, `CODE:` one."""

    expect_finding: bool
    source: str
    target: str


def doc(rule: type[Rule]) -> str:
    return inspect.getdoc(rule) or ""


def summary(rule: type[Rule]) -> str:
    return doc(rule).splitlines()[0] if doc(rule) else ""


def examples(rule: type[Rule]) -> list[Example]:
    found = []
    for line in doc(rule).splitlines():
        if m := _EXAMPLE.match(line.strip()):
            found.append(Example(m.group(1) != "Okay", m.group(2), m.group(3)))
    return found


def summary_table() -> str:
    rows = []
    for code in sorted(RULES):
        rule = RULES[code]
        flags = ("fix" if rule.fixable else "   ") + ("" if rule.default_enabled else " off")
        rows.append(f"{code}  {rule.name:<22} {rule.severity!s:<8} {flags}  {summary(rule)}")
    return "\n".join(rows)


def explain(rule: type[Rule]) -> str:
    head = f"{rule.code} {rule.name}  (severity: {rule.severity}; fixable: "
    head += "yes" if rule.fixable else "no"
    head += "" if rule.default_enabled else "; off by default"
    return f"{head})\n\n{doc(rule)}"
