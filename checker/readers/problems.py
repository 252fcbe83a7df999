"""Several problems of one file, reported together after its readable parts were read.

A reader that meets a bad row or entry records it and goes on, so that one
broken line does not hide the findings of the rest of the file; at the end it
raises `InputProblems`, which the engine turns into one error per problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from glossary.errors import InputError

__all__ = ["InputProblems", "raise_problems", "skipping_bad"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")


class InputProblems(InputError):
    """Every problem found in one file; `problems` holds them in file order."""

    def __init__(self, problems: list[InputError]) -> None:
        first = problems[0]
        super().__init__(first.message, first.path, first.line)
        self.problems = problems

    def __reduce__(self) -> tuple[type[InputProblems], tuple[list[InputError]]]:  # type: ignore[override]
        """Keep every problem when the error crosses a process boundary (--jobs)."""
        return (type(self), (self.problems,))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def raise_problems(problems: list[InputError]) -> None:
    """Raise the problems found, one as itself, several as InputProblems."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputProblems(sorted(problems, key=lambda p: p.line or 0))


def skipping_bad(
    items: Iterable[_In], build: Callable[[_In], _Out], problems: list[InputError]
) -> Iterator[_Out]:
    """`build(item)` for each item; an item whose build raises InputError is noted and skipped."""
    for item in items:
        try:
            yield build(item)
        except InputError as problem:
            problems.append(problem)
