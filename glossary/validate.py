"""Check a glossary file and list every problem in it, each with its line.

`validate(path)` reads the file with a collecting problem handler, so every
malformed record is reported (an empty form in `refresh||update`, a bad
yes/no, an unknown TBX administrativeStatus or YAML status key...) and
reading goes on with the next record. It then checks the concepts that
were read, against each other:

| check                                                   | severity |
|---------------------------------------------------------|----------|
| a form both allowed and forbidden in one concept        | error    |
| a form listed twice in one concept                      | warning  |
| a concept with the same forms as an earlier one         | warning  |
| the same preferred form with different preferred        | warning  |
|   translations (homonyms in different domains or parts  |          |
|   of speech are not conflicts)                          |          |
| a form forbidden in one concept but allowed in another  | warning  |

Forms compare case-insensitively unless their concept is case-sensitive.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from glossary.errors import GlossaryError
from glossary.model import LANGUAGES, Concept, Form, Status

__all__ = ["Problem", "Severity", "check_concepts", "validate"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem in a glossary file; `line` is 1 for problems of the whole file."""

    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def validate(path: str | os.PathLike[str], *, fmt: str | None = None) -> list[Problem]:
    """Every problem of the glossary file at `path`, in line order."""
    from glossary.formats import load

    name = os.fspath(path)
    problems: list[Problem] = []

    def collect(error: GlossaryError) -> None:
        problems.append(Problem(error.path or name, error.line or 1, "error", error.message))

    try:
        glossary = load(path, fmt=fmt, on_problem=collect)
    except GlossaryError as error:
        collect(error)
    else:
        problems += check_concepts(glossary.concepts)
    return sorted(problems, key=lambda p: p.line)


def check_concepts(concepts: Sequence[Concept]) -> list[Problem]:
    """The problems between and within concepts that were read without error."""
    checks: tuple[Callable[[Sequence[Concept]], Iterator[Problem]], ...] = (
        _within_concepts,
        _duplicates,
        _conflicts,
        _forbidden_elsewhere,
    )
    return [problem for check in checks for problem in check(concepts)]


def _fold(concept: Concept, text: str) -> str:
    return text if concept.case_sensitive else text.casefold()


def _key(concept: Concept, form: Form) -> tuple[str, str]:
    return form.lang, _fold(concept, form.text)


def _line(concept: Concept) -> int:
    return concept.origin.line if concept.origin else 1


def _problem(concept: Concept, severity: Severity, message: str) -> Problem:
    path = concept.origin.path if concept.origin else ""
    return Problem(path, _line(concept), severity, message)


def _within_concepts(concepts: Sequence[Concept]) -> Iterator[Problem]:
    for concept in concepts:
        seen: dict[tuple[str, str], Form] = {}
        for form in concept.forms:
            key = _key(concept, form)
            earlier = seen.setdefault(key, form)
            if earlier is form:
                continue
            forbidden = {earlier.status, form.status} & {Status.FORBIDDEN}
            if forbidden and earlier.status is not form.status:
                message = f"{form.lang} {form.text!r} is both allowed and forbidden"
                yield _problem(concept, "error", message)
            else:
                yield _problem(concept, "warning", f"{form.lang} {form.text!r} is listed twice")


def _duplicates(concepts: Sequence[Concept]) -> Iterator[Problem]:
    first: dict[frozenset[tuple[str, str, Status]], Concept] = {}
    for concept in concepts:
        forms = frozenset((*_key(concept, f), f.status) for f in concept.forms)
        earlier = first.setdefault(forms, concept)
        if earlier is not concept:
            message = f"duplicate of the concept on line {_line(earlier)} ({concept.label})"
            yield _problem(concept, "warning", message)


def _homonyms(a: Concept, b: Concept) -> bool:
    """Concepts told apart by domain or part of speech (bank: finance / river)."""
    return any(x and y and x != y for x, y in ((a.domain, b.domain), (a.pos, b.pos)))


def _conflicts(concepts: Sequence[Concept]) -> Iterator[Problem]:
    for lang, other in (LANGUAGES, LANGUAGES[::-1]):
        first: dict[str, tuple[Concept, str]] = {}
        for concept in concepts:
            form, rendering = concept.preferred(lang), concept.preferred(other)
            if form is None or rendering is None:
                continue
            earlier, earlier_rendering = first.setdefault(
                _fold(concept, form.text), (concept, rendering.text)
            )
            same = _fold(concept, earlier_rendering) == _fold(concept, rendering.text)
            if earlier is concept or same or _homonyms(earlier, concept):
                continue
            message = (
                f"{lang} {form.text!r} is preferred with {other} {rendering.text!r} here "
                f"but with {other} {earlier_rendering!r} on line {_line(earlier)}"
            )
            yield _problem(concept, "warning", message)


def _forbidden_elsewhere(concepts: Sequence[Concept]) -> Iterator[Problem]:
    allowed: dict[tuple[str, str], tuple[Concept, Form]] = {}
    for concept in concepts:
        for form in concept.allowed("zh") + concept.allowed("en"):
            allowed.setdefault(_key(concept, form), (concept, form))
    for concept in concepts:
        for form in concept.forbidden("zh") + concept.forbidden("en"):
            owner, allowed_form = allowed.get(_key(concept, form), (concept, form))
            if owner is concept:
                continue
            message = (
                f"{form.lang} {form.text!r} is forbidden here but {allowed_form.status.value} "
                f"in the concept on line {_line(owner)} ({owner.label})"
            )
            yield _problem(concept, "warning", message)
