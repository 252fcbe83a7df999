"""The HTML report in a real headless Chromium: no console errors, charts, working sort."""

from __future__ import annotations

import base64
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.reporting.render_html import render_html
from tests.checker.reporting.cdp import Browser, chromium

ROOT = Path(__file__).resolve().parents[3]
BINARY = chromium()
pytestmark = pytest.mark.skipif(
    BINARY is None, reason="Chromium is not installed (apt-get install -y chromium)"
)


@pytest.fixture(scope="module")
def page(
    corpus_report: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Browser, str]]:
    """The corpora/ report loaded in a tab: (browser, session id)."""
    assert BINARY is not None
    tmp = tmp_path_factory.mktemp("browser")
    html = tmp / "report.html"
    html.write_text(render_html(corpus_report), encoding="utf-8")
    browser = Browser(BINARY, str(tmp / "profile"))
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
            browser.call(domain, session)
        browser.call("Page.navigate", session, url=html.as_uri())
        browser.wait_for("Page.loadEventFired")
        yield browser, session
    finally:
        browser.close()


def evaluate(browser: Browser, session: str, expression: str) -> Any:
    result = browser.call("Runtime.evaluate", session, expression=expression, returnByValue=True)[
        "result"
    ]
    return result.get("value")


def test_page_has_no_console_errors(page: tuple[Browser, str]) -> None:
    browser, _ = page
    errors = [
        e
        for e in browser.events
        if e.get("method") == "Runtime.exceptionThrown"
        or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
    ]
    assert errors == []


def test_screenshot(page: tuple[Browser, str], tmp_path: Path) -> None:
    """Saved to the test's tmp dir; also to docs/report.png (the README's picture) when
    that is missing or GLOSSCHECK_UPDATE_SCREENSHOT=1, so test runs leave the tree alone."""
    browser, session = page
    data = browser.call("Page.captureScreenshot", session, format="png")["data"]
    png = base64.b64decode(data)
    assert png.startswith(b"\x89PNG")
    shot = tmp_path / "report.png"
    shot.write_bytes(png)
    readme_picture = ROOT / "docs" / "report.png"
    if not readme_picture.exists() or os.environ.get("GLOSSCHECK_UPDATE_SCREENSHOT") == "1":
        readme_picture.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, readme_picture)


def test_tables_and_charts_are_present(page: tuple[Browser, str]) -> None:
    browser, session = page
    counts = evaluate(
        browser,
        session,
        """JSON.stringify({
        charts: document.querySelectorAll("svg rect").length,
        svgs: Array.from(document.querySelectorAll("svg")).map(s => s.id),
        concepts: document.querySelectorAll("#concepts-table tbody tr").length,
        candidates: document.querySelectorAll("#candidates-table tbody tr").length})""",
    )
    found = json.loads(counts)
    assert found["svgs"] == ["chart-usage", "chart-consistency", "chart-rules"]
    assert found["charts"] > 20
    assert found["concepts"] > 100
    assert found["candidates"] >= 30


def test_clicking_a_header_sorts_the_table(page: tuple[Browser, str]) -> None:
    browser, session = page
    first_uses = """parseFloat(document.querySelector("#concepts-table tbody tr")
                    .cells[2].getAttribute("data-v"))"""
    header = 'document.querySelectorAll("#concepts-table th")[2].click()'
    uses = """JSON.stringify(Array.from(document.querySelectorAll("#concepts-table tbody tr"))
              .map(r => r.cells[2].textContent))"""
    most = max(int(v) for v in json.loads(evaluate(browser, session, uses)))
    evaluate(browser, session, header)
    assert evaluate(browser, session, first_uses) == 1  # ascending: a concept used once
    evaluate(browser, session, header)  # second click: descending
    assert evaluate(browser, session, first_uses) == most


def test_filter_hides_rows(page: tuple[Browser, str]) -> None:
    browser, session = page
    shown = evaluate(
        browser,
        session,
        """(() => {
        const box = document.querySelector('input[data-table="concepts-table"]');
        box.value = "tongyi"; box.dispatchEvent(new Event("input"));
        const rows = Array.from(document.querySelectorAll("#concepts-table tbody tr"));
        const visible = rows.filter(r => !r.hidden).map(r => r.cells[0].textContent);
        box.value = ""; box.dispatchEvent(new Event("input"));
        return {visible: visible, total: rows.length}; })()""",
    )
    assert "通义实验室 = Tongyi Lab" in shown["visible"]
    assert "字段 = field" not in shown["visible"]
    assert len(shown["visible"]) < shown["total"] / 2
