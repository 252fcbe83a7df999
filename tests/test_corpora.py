"""End to end over corpora/: each planted fault of corpora/articles/PLANTED.md, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

import checker

ARTICLES = Path(__file__).resolve().parent.parent / "corpora" / "articles"
QWEN, CHIP = "qwen-benchmark.en.md", "ai-chip-funding.en.md"

# (file, line, column, rule, flagged text or None): checked by hand against
# PLANTED.md and the files. Findings about a whole block point at its first column.
PAIRED = [
    (CHIP, 5, 41, "U102", "产业基金"),
    (CHIP, 36, 237, "T104", "Bytedance"),
    (CHIP, 38, 1, "U101", None),
    (QWEN, 34, 142, "U102", "刷新"),
    (QWEN, 36, 1, "T105", None),
    (QWEN, 38, 39, "T103", "updated"),
    (QWEN, 42, 13, "T102", "Tongyi Laboratory"),
    (QWEN, 44, 1, "T101", None),
]
TARGET_ONLY = [
    (CHIP, 5, 41, "U102", "产业基金"),
    (CHIP, 36, 237, "T104", "Bytedance"),
    (CHIP, 38, 1, "U102", "业内人士指出，这类合作能否持续，还要看后续的交付情况"),
    (QWEN, 34, 142, "U102", "刷新"),
    (QWEN, 42, 13, "T102", "Tongyi Laboratory"),
]


def observed(report: checker.Report) -> list[tuple[str, int, int, str, str | None]]:
    rows = []
    for f in report.findings:
        lines = Path(f.path).read_text(encoding="utf-8").splitlines()
        flagged = lines[f.line - 1][f.column - 1 : f.end_column - 1] if f.line == f.end_line else ""
        whole_block = f.column == 1 and flagged == lines[f.line - 1]
        rows.append((Path(f.path).name, f.line, f.column, f.rule, None if whole_block else flagged))
    return rows


def test_paired_articles_give_exactly_the_planted_findings() -> None:
    report = checker.check([ARTICLES])
    assert report.errors == []
    assert observed(report) == PAIRED
    assert report.segments == 39


def test_target_only_english_gives_the_findings_that_need_no_source() -> None:
    report = checker.check(
        sorted(ARTICLES.glob("*.en.md")), config=checker.Config(target_only=True)
    )
    assert observed(report) == TARGET_ONLY


@pytest.mark.parametrize("rule", ["T101", "T102", "T103", "T104", "T105", "U101", "U102"])
def test_messages_name_the_term_and_the_fix(rule: str) -> None:
    report = checker.check([ARTICLES])
    (finding,) = [f for f in report.findings if f.rule == rule][:1]
    expected = {
        "T101": ('"智能体"', '"agent"'),
        "T102": ('"Tongyi Laboratory"', '"Tongyi Lab"'),
        "T103": ('"refresh" 3×', '"update" 1×'),
        "T104": ('"Bytedance"', '"ByteDance"'),
        "T105": ('"DeepSeek-R1"', "unchanged"),
        "U101": ("untranslated",),
        "U102": ('"产业基金"',),
    }[rule]
    assert all(part in finding.message for part in expected), finding.message


def test_django_catalogs_are_read_without_errors() -> None:
    report = checker.check([ARTICLES.parent / "django"])
    assert report.errors == [] and report.files == 13 and report.segments > 800


def test_mixed_directions_in_one_run_do_not_disturb_each_other() -> None:
    catalog = Path(__file__).parent / "checker" / "fixtures" / "faulty.po"  # en→zh
    report = checker.check([ARTICLES, catalog])
    articles = [f for f in report.findings if f.path.endswith(".md")]
    assert observed(checker.Report(findings=articles)) == PAIRED
    assert [(f.rule, f.line) for f in report.findings if f.path.endswith(".po")] == [
        ("U102", 8),
        ("U101", 18),
        ("T101", 23),
    ]
