"""Baselines: accepted findings stay quiet across edits elsewhere; new ones are reported."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from checker import Report
from checker.baseline import apply_baseline, read_baseline, write_baseline
from glossary.errors import GlosscheckError
from tests.checker.output.reports import FAULTY, FIXTURES, ROOT, check_from_root

NEW_ENTRY = (
    '#. added later, above the accepted findings\nmsgid "Open the file"\nmsgstr "打开file"\n\n'
)


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    copy = tmp_path / "faulty.po"
    shutil.copy(ROOT / FAULTY, copy)
    return copy


def test_round_trip_hides_every_recorded_finding(catalog: Path, tmp_path: Path) -> None:
    report = check_from_root(catalog)
    baseline = tmp_path / "baseline.json"
    write_baseline(report, baseline, tool_version="1.2.3")
    filtered = apply_baseline(check_from_root(catalog), baseline)
    assert filtered.findings == [] and (filtered.files, filtered.segments) == (1, 5)
    assert len(report.findings) == 3  # the input is unchanged


def test_file_records_fingerprints_with_path_rule_and_count(catalog: Path, tmp_path: Path) -> None:
    report = check_from_root(catalog)
    baseline = tmp_path / "baseline.json"
    write_baseline(report, baseline, tool_version="1.2.3")
    document = json.loads(baseline.read_text(encoding="utf-8"))
    assert (document["tool"], document["version"]) == ("glosscheck", "1.2.3")
    first = report.findings[0]
    entry = {"path": str(catalog), "rule": first.rule, "count": 1}
    assert document["fingerprints"][first.fingerprint] == entry
    assert len(document["fingerprints"]) == 3


def test_survives_lines_inserted_above_and_reports_the_new_finding(
    catalog: Path, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    write_baseline(check_from_root(catalog), baseline)
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgid "Save', NEW_ENTRY + 'msgid "Save', 1), encoding="utf-8")
    edited = check_from_root(catalog)
    assert [f.line for f in edited.findings if f.rule == "U101"] == [22]  # was 18: lines moved
    (new,) = apply_baseline(edited, baseline).findings
    assert (new.rule, new.line, new.target) == ("U102", 9, "打开file")


def test_identical_findings_are_counted(tmp_path: Path) -> None:
    report = check_from_root(FIXTURES / "repeated.po")
    twice = [f for f in report.findings if f.rule == "U102"]
    assert len(twice) == 2 and twice[0].fingerprint == twice[1].fingerprint
    baseline = tmp_path / "baseline.json"
    write_baseline(report, baseline)
    assert read_baseline(baseline)[twice[0].fingerprint] == 2
    assert apply_baseline(report, baseline).findings == []
    write_baseline(Report(findings=twice[:1]), baseline)  # accepted once: the second is new
    assert apply_baseline(report, baseline).findings == [twice[1], *report.findings[2:]]


def test_errors_and_counts_are_kept(tmp_path: Path) -> None:
    report = check_from_root(FAULTY, "tests/checker/fixtures/broken.po")
    baseline = tmp_path / "baseline.json"
    write_baseline(report, baseline)
    filtered = apply_baseline(report, baseline)
    assert filtered.errors == report.errors and filtered.files == report.files == 2


def test_rewrite_keeps_the_mode_and_leaves_no_temporary_file(catalog: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{}", encoding="utf-8")
    baseline.chmod(0o600)
    write_baseline(check_from_root(catalog), baseline)
    assert baseline.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "faulty.po"]


def test_unwritable_place_is_an_error_naming_the_file(tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "baseline.json"
    with pytest.raises(GlosscheckError) as caught:
        write_baseline(Report(), target)
    assert caught.value.path == str(target) and "cannot write baseline" in caught.value.message


def test_missing_baseline_is_an_error_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(GlosscheckError) as caught:
        apply_baseline(Report(), missing)
    assert caught.value.path == str(missing) and "cannot read baseline" in caught.value.message


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    broken = tmp_path / "baseline.json"
    broken.write_text('{"tool": "glosscheck",\n "fingerprints": {\n  "abc": {"count": 1,}\n}}\n')
    with pytest.raises(GlosscheckError) as caught:
        read_baseline(broken)
    assert (caught.value.path, caught.value.line) == (str(broken), 3)
    assert str(caught.value).startswith(f"{broken}:3: baseline is not valid JSON")


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ('{"findings": []}', "not a glosscheck baseline"),
        ('{"tool": "glosscheck", "fingerprints": []}', '"fingerprints"'),
        ('{"tool": "glosscheck", "fingerprints": {"abc": {"count": 0}}}', "positive count"),
        ('{"tool": "glosscheck", "fingerprints": {"abc": {"count": true}}}', "positive count"),
    ],
)
def test_other_json_is_not_taken_for_a_baseline(
    tmp_path: Path, content: str, complaint: str
) -> None:
    wrong = tmp_path / "baseline.json"
    wrong.write_text(content, encoding="utf-8")
    with pytest.raises(GlosscheckError, match=complaint) as caught:
        read_baseline(wrong)
    assert caught.value.path == os.fspath(wrong)


def test_undecodable_baseline_names_the_line(tmp_path: Path) -> None:
    wrong = tmp_path / "baseline.json"
    wrong.write_bytes(b'{"tool": "glosscheck",\n"fingerprints": {"\xff": {"count": 1}}}')
    with pytest.raises(GlosscheckError) as caught:
        read_baseline(wrong)
    assert caught.value.line == 2 and "UTF-8" in caught.value.message
