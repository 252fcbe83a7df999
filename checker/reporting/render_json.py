"""The report as JSON: every fact the other formats show, for scripts."""

from __future__ import annotations

import json
from typing import Any


def render_json(data: dict[str, Any]) -> str:
    """Indented, with Chinese kept readable (no \\u escapes)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
