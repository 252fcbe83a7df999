"""Markdown, JSON and HTML carry the same facts; the HTML page fetches nothing."""

from __future__ import annotations

import json
import re
from typing import Any

from checker.reporting.render_html import render_html
from checker.reporting.render_json import render_json
from checker.reporting.render_md import render_md


def test_json_is_the_whole_report(corpus_report: dict[str, Any]) -> None:
    data = json.loads(render_json(corpus_report))
    assert data == json.loads(json.dumps(corpus_report))
    summary = data["summary"]
    assert summary["term_occurrences"] == sum(summary["renderings"].values())
    assert summary["findings"] == sum(r["count"] for r in data["findings"]["by_rule"])
    assert data["concepts"][0]["counts"]["missing"] >= data["concepts"][-1]["counts"]["missing"]


def test_markdown_and_html_show_the_same_facts(corpus_report: dict[str, Any]) -> None:
    md, html = render_md(corpus_report), render_html(corpus_report)
    worst = corpus_report["concepts"][0]
    leftover = corpus_report["leftovers"][0]
    candidate = corpus_report["candidates"][0]
    for text in (worst["concept"], leftover["text"], candidate["text"], "T101"):
        assert text in md
        assert text in html
    assert f"findings: {corpus_report['summary']['findings']}" in md
    for usage in corpus_report["concepts"]:  # every concept, not only the worst
        assert usage["concept"] in md


def test_html_is_self_contained(corpus_report: dict[str, Any]) -> None:
    html = render_html(corpus_report)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "fetch(" not in html
    assert html.count("<svg") == 3
    assert "@media print" in html and 'name="viewport"' in html


def test_corpus_text_is_escaped(corpus_report: dict[str, Any]) -> None:
    data = json.loads(json.dumps(corpus_report))
    data["unused"] = ["<script>alert(1)</script>"]
    assert "<script>alert(1)" not in render_html(data)
