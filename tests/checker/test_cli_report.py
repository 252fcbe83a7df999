"""`glosscheck report` and `glosscheck glossary extract` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from glossary.loading import load

ARTICLES = str(Path(__file__).resolve().parents[2] / "corpora" / "articles")


def test_report_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["report", ARTICLES, "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["files"] == 2
    labels = [u["concept"] for u in data["concepts"]]
    assert "通义实验室 = Tongyi Lab" in labels
    lab = data["concepts"][labels.index("通义实验室 = Tongyi Lab")]
    assert lab["counts"]["forbidden"] == 1  # "Tongyi Laboratory", planted in qwen-benchmark
    assert result.output == ""  # quiet when stderr is not a terminal


def test_report_markdown_and_html_to_stdout() -> None:
    md = CliRunner().invoke(main, ["report", ARTICLES, "--candidates", "0"])
    assert md.exit_code == 0
    assert md.output.startswith("# Glossary report")
    assert "## Candidate new terms" not in md.output
    html = CliRunner().invoke(main, ["report", ARTICLES, "--format", "html"])
    assert html.output.startswith("<!DOCTYPE html>")


def test_report_of_a_missing_path_fails_with_status_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nope.po")])
    assert result.exit_code == 2


def test_extract_prints_and_writes_a_loadable_glossary(tmp_path: Path) -> None:
    out = tmp_path / "candidates.tsv"
    result = CliRunner().invoke(
        main, ["glossary", "extract", ARTICLES, "--limit", "8", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "启衡微电子\t7\t" in result.output
    loaded = load(out)
    assert 0 < len(loaded) <= 8
    assert all(c.note.startswith("candidate: review") for c in loaded)
