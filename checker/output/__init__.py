"""Renderers of a check report, one module per --format.

Every renderer is `render(report, version, color) -> str`. None of them
imports anything heavier than the standard library and click, so all are
imported here; `--statistics` has its own `render_statistics(report)`.
"""

from collections.abc import Callable

from checker.output.github import render_github
from checker.output.gitlab import render_gitlab
from checker.output.json_format import render_json
from checker.output.sarif import render_sarif
from checker.output.statistics import render_statistics
from checker.output.text import render_concise, render_text
from checker.report import Report

Renderer = Callable[[Report, str, bool], str]

FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "gitlab": render_gitlab,
}

__all__ = [
    "FORMATS",
    "Renderer",
    "render_concise",
    "render_github",
    "render_gitlab",
    "render_json",
    "render_sarif",
    "render_statistics",
    "render_text",
]
