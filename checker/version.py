"""The installed version of glosscheck, for --version and reports.

Looked up on first use, not at import: importlib.metadata takes 20-30 ms to
import and search, a tenth of a pre-commit hook's run, and `glosscheck check`
with the text formats never shows the version.
"""

from functools import cache


@cache
def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("glosscheck")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"


def __getattr__(name: str) -> str:
    """`from checker.version import VERSION` still works (and looks the version up)."""
    if name == "VERSION":
        return tool_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
