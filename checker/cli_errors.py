"""No traceback reaches a user unless asked: a guard for CLI commands, and `-v`.

Bad input is already reported as `GlosscheckError` with file and line. What
is left is a bug of ours (or an exhausted machine): the user then gets one
line saying what happened and how to get the details, and exit status 2;
`-v/--verbose` lets the traceback through for the bug report.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from glossary.errors import GlosscheckError

__all__ = ["guarded", "internal_error_line"]

_Command = TypeVar("_Command", bound=Callable[..., Any])
# What click and the interpreter use to end a run on purpose: never swallowed.
_PASS_THROUGH = (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit)


def internal_error_line(error: BaseException) -> str:
    """The one line a user sees for an unexpected error: what, and what to do."""
    detail = str(error).splitlines()[0] if str(error) else ""
    what = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return (
        f"glosscheck: internal error: {what}; "
        "rerun with -v for the traceback and report it as a bug"
    )


def guarded(command: _Command) -> _Command:
    """Add `-v/--verbose` to a click command and turn its crashes into one line and status 2.

    Put it directly above the command's function, below its click options.
    """

    @functools.wraps(command)
    def run(*args: Any, verbose: bool = False, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except _PASS_THROUGH:
            raise
        except GlosscheckError as error:
            click.echo(f"glosscheck: error: {error}", err=True)
            sys.exit(2)
        except Exception as error:  # the last line of defence, by design
            if verbose:
                raise
            click.echo(internal_error_line(error), err=True)
            sys.exit(2)

    option = click.option(
        "-v", "--verbose", is_flag=True, help="Show the traceback of an internal error."
    )
    return option(run)  # type: ignore[return-value]
