"""The project's one exception tree: every error a user sees names a file and line."""

from __future__ import annotations


class GlosscheckError(Exception):
    """A problem with user input or configuration, reported as `path:line: message`."""

    def __init__(self, message: str, path: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self) -> tuple[type[GlosscheckError], tuple[str, str, int | None]]:
        """Keep path and line when an error crosses a process boundary (--jobs)."""
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = self.path
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class GlossaryError(GlosscheckError):
    """A glossary file that cannot be read or is malformed."""


class InputError(GlosscheckError):
    """A checked file that cannot be read or is malformed."""
