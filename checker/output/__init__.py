"""Renderers of a check report, one module per --format."""

from checker.output.json_format import render_json
from checker.output.text import render_text

FORMATS = {"text": render_text, "json": render_json}

__all__ = ["FORMATS", "render_json", "render_text"]
