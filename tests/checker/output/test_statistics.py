"""--statistics: a count per rule, most frequent first, [*] where fixes exist."""

from __future__ import annotations

from checker import Report
from checker.output.statistics import render_statistics
from tests.checker.output.reports import check_from_root


def test_counts_by_rule_most_frequent_first(mixed_report: Report) -> None:
    assert render_statistics(mixed_report) == (
        "7  U102  source-leftover\n"
        "3  U101  untranslated\n"
        "2  T101  term-missing\n"
        "2  T104  term-case          [*]\n"
        "1  T102  term-forbidden     [*]\n"
        "1  T103  term-inconsistent\n"
        "1  T105  term-dnt\n"
    )


def test_counts_agree_with_the_summary(mixed_report: Report) -> None:
    rows = [line.split() for line in render_statistics(mixed_report).splitlines()]
    assert {code: int(count) for count, code, *_ in rows} == mixed_report.summary()["by_rule"]


def test_nothing_to_count_prints_nothing() -> None:
    assert render_statistics(check_from_root("tests/checker/fixtures/clean.po")) == ""
