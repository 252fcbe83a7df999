"""--format text: the ruff-style first line, then source and target with carets under the span."""

from __future__ import annotations

import itertools

import click
import pytest

from checker import Finding, Report
from checker.output import FORMATS, Renderer
from checker.output.excerpt import display_width, excerpt, target_span
from checker.output.text import render_concise, render_text
from tests.checker.output.reports import FAULTY, FIXTURES

_LABEL_WIDTH = len("  target: ")


def block(output: str, headline_start: str) -> list[str]:
    """The lines of one finding: its headline and what follows up to the blank line."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(headline_start))
    end = lines.index("", start)
    return lines[start:end]


def under_carets(text_line: str, caret_line: str) -> str:
    """The characters of `text_line` a terminal shows above the carets of `caret_line`."""
    first, last = caret_line.index("^"), len(caret_line)
    shown, column = [], 0
    for char in text_line:
        if first <= column < last:
            shown.append(char)
        column += display_width(char)
    return "".join(shown)


def test_headline_is_unchanged_and_the_texts_follow(mixed_report: Report) -> None:
    output = render_text(mixed_report, "1.2.3")
    assert block(output, f"{FAULTY}:8:13:") == [
        f'{FAULTY}:8:13: U102 English text "password" left in the Chinese translation;'
        ' glossary: "密码"',
        "  source: Save your password",
        "  target: 保存你的password",
        " " * (_LABEL_WIDTH + 8) + "^" * 8,  # 保存你的 takes eight terminal columns
    ]


def test_carets_sit_under_the_flagged_text_for_every_finding(mixed_report: Report) -> None:
    lines = render_text(mixed_report, "1.2.3").splitlines()
    checked = 0
    for index, (text_line, caret_line) in enumerate(itertools.pairwise(lines)):
        if caret_line.strip().startswith("^") and text_line.startswith("  target: "):
            finding = _finding_above(lines, index, mixed_report)
            span = target_span(finding)
            assert span is not None
            assert under_carets(text_line, caret_line) == finding.target[span[0] : span[1]]
            checked += 1
    assert checked == 11  # the 17 findings but the 6 that cover their whole target


def _finding_above(lines: list[str], index: int, report: Report) -> Finding:
    headline = next(line for line in reversed(lines[:index]) if not line.startswith("  "))
    where = headline.split(": ", 1)[0]
    return next(f for f in report.findings if f"{f.path}:{f.line}:{f.column}:" == where + ":")


def test_source_term_is_marked_under_chinese_text(mixed_report: Report) -> None:
    output = render_text(mixed_report, "1.2.3")
    lines = block(output, "corpora/articles/qwen-benchmark.en.md:44:1: T101")
    source, carets = lines[1], lines[2]
    assert under_carets(source, carets) == "智能体"
    assert carets.index("^") == display_width(source[: source.index("智能体")])


def test_same_text_twice_marks_the_occurrence_at_the_column(mixed_report: Report) -> None:
    repeated = [f for f in mixed_report.findings if f.path == f"{FIXTURES}/repeated.po"]
    spans = [target_span(f) for f in repeated if f.rule == "U102"]
    assert spans == [(2, 10), (16, 24)]  # 输入password，再输入一次password


def test_long_text_is_cut_around_the_span(mixed_report: Report) -> None:
    output = render_text(mixed_report, "1.2.3")
    _, _, target, carets = block(output, "corpora/articles/qwen-benchmark.en.md:34:142:")
    assert target.startswith("  target: …") and target.endswith("…")
    assert display_width(target) <= _LABEL_WIDTH + 80
    assert under_carets(target, carets) == "刷新"


def test_excerpt_cuts_chinese_text_by_display_width() -> None:
    text = "前" * 100 + "password" + "后" * 100
    shown = excerpt(text, (100, 108), limit=40)
    assert shown.marked == "password"
    assert shown.before.startswith("…") and shown.after.endswith("…")
    assert display_width(shown.line) <= 40
    assert shown.pad == display_width(shown.before) and shown.width == 8


def test_excerpt_keeps_a_newline_on_one_line() -> None:
    shown = excerpt("第一行\n第二行", (4, 7))
    assert shown.line == "第一行⏎第二行" and shown.pad == 7 and shown.width == 6


def test_span_wider_than_the_limit_is_cut_from_its_start() -> None:
    shown = excerpt("x" * 10 + "错" * 50, (10, 60), limit=20)
    assert (shown.before, shown.pad) == ("…", 1)
    assert shown.marked == "错" * 9 and shown.after == "…"  # 1 + 18 + 1 columns


def test_empty_target_is_named(mixed_report: Report) -> None:
    lines = block(render_text(mixed_report, "1.2.3"), f"{FAULTY}:18:9:")
    assert lines[1:] == ["  source: Delete", "  target: (empty)"]


def test_whole_target_findings_get_no_carets(mixed_report: Report) -> None:
    lines = block(
        render_text(mixed_report, "1.2.3"), "corpora/articles/ai-chip-funding.en.md:38:1:"
    )
    assert len(lines) == 3 and not any("^" in line for line in lines)


def test_color_only_when_asked(mixed_report: Report) -> None:
    plain = render_text(mixed_report, "1.2.3")
    colored = render_text(mixed_report, "1.2.3", color=True)
    assert "\x1b[" not in plain and "\x1b[" in colored
    assert click.unstyle(colored) == plain


@pytest.mark.parametrize("render", [render_concise, FORMATS["concise"]])
def test_concise_form_is_one_line_per_finding(mixed_report: Report, render: Renderer) -> None:
    lines = render(mixed_report, "1.2.3", False).splitlines()
    assert len(lines) == len(mixed_report.findings) + 1
    assert lines[-1].startswith("Found 17 findings")
    full = render_text(mixed_report, "1.2.3").splitlines()
    assert lines[:-1] == [line for line in full if line and not line.startswith("  ")][:-1]


def test_formats_are_registered() -> None:
    assert set(FORMATS) == {"text", "concise", "json", "sarif", "github", "gitlab"}


def test_summary_counts_severities_in_words(mixed_report: Report) -> None:
    assert render_text(mixed_report, "1.2.3").splitlines()[-1] == (
        "Found 17 findings (11 errors, 5 warnings, 1 info) in 7 files (48 segments)."
        " 1 input error, reported on stderr."
    )
