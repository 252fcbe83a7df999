"""Renderers of a check report, one module per --format.

Every renderer is `render(report, version, color) -> str`, and `chunks`
gives each format's output a piece at a time, so that a report's findings
are never all held as text; `--statistics` has its own
`render_statistics(report)`. A format's module is imported when the format
renders (SARIF's pulls in the rule documentation): a pre-commit hook printing
text does not pay for the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from typing import TYPE_CHECKING, Any

from checker.report import Report

if TYPE_CHECKING:
    from checker.output.github import render_github
    from checker.output.gitlab import render_gitlab
    from checker.output.json_format import render_json
    from checker.output.sarif import render_sarif
    from checker.output.statistics import render_statistics
    from checker.output.text import render_concise, render_text

Renderer = Callable[[Report, str, bool], str]

# The module of each renderer, under checker.output.
_MODULES = {
    "render_text": "text",
    "render_concise": "text",
    "render_json": "json_format",
    "render_sarif": "sarif",
    "render_github": "github",
    "render_gitlab": "gitlab",
    "render_statistics": "statistics",
}


def _renderer(name: str) -> Renderer:
    """A renderer that imports its module when it first renders."""

    def render(report: Report, version: str, color: bool = False) -> str:
        renderer: Renderer = getattr(import_module(f"checker.output.{_MODULES[name]}"), name)
        return renderer(report, version, color)

    return render


# Every format also gives its output in chunks, written as made: it may be long.
Chunks = Callable[[Report, str, bool], Iterator[str]]
_CHUNKS = {
    "text": "text_chunks",
    "concise": "concise_chunks",
    "json": "json_chunks",
    "sarif": "sarif_chunks",
    "github": "github_chunks",
    "gitlab": "gitlab_chunks",
}
_MODULES.update(
    text_chunks="text",
    concise_chunks="text",
    json_chunks="json_format",
    sarif_chunks="sarif",
    github_chunks="github",
    gitlab_chunks="gitlab",
)


def chunks(output_format: str, report: Report, version: str, color: bool) -> Iterator[str]:
    """The output in chunks; for text and concise, the summary line is the last one."""
    name = _CHUNKS[output_format]
    made: Chunks = getattr(import_module(f"checker.output.{_MODULES[name]}"), name)
    yield from made(report, version, color)


FORMATS: dict[str, Renderer] = {
    "text": _renderer("render_text"),
    "concise": _renderer("render_concise"),
    "json": _renderer("render_json"),
    "sarif": _renderer("render_sarif"),
    "github": _renderer("render_github"),
    "gitlab": _renderer("render_gitlab"),
}


def __getattr__(name: str) -> Any:
    """`from checker.output import render_sarif` imports that module then."""
    if name in _MODULES:
        return getattr(import_module(f"checker.output.{_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "Renderer",
    "chunks",
    "render_concise",
    "render_github",
    "render_gitlab",
    "render_json",
    "render_sarif",
    "render_statistics",
    "render_text",
]
