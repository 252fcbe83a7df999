"""--format gitlab: a Code Quality report that GitLab's documented format accepts."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from checker import Report
from checker.cli import main
from checker.output.gitlab import INPUT_ERROR_CHECK, gitlab_issues, render_gitlab
from tests.checker.output.reports import BROKEN, FAULTY, FIXTURES, ROOT, check_from_root

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "gitlab-code-quality.schema.json").read_text()
)
CLEAN = "tests/checker/fixtures/clean.po"
REPEATED = f"{FIXTURES}/repeated.po"


def schema_errors(issues: Any) -> list[str]:
    validator = Draft202012Validator(SCHEMA)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(issues)]


@pytest.fixture(scope="module")
def issues(mixed_report: Report) -> list[dict[str, Any]]:
    return list(json.loads(render_gitlab(mixed_report, "1.2.3")))


def issues_for(issues: list[dict[str, Any]], path: str, rule: str) -> list[dict[str, Any]]:
    return [
        i
        for i in issues
        if i["location"]["path"] == path and i["check_name"] == f"glosscheck/{rule}"
    ]


def test_schema_is_a_valid_schema_that_rejects_a_missing_field() -> None:
    """The schema is not vacuous: it turns down an issue without a fingerprint."""
    Draft202012Validator.check_schema(SCHEMA)
    issue = {"description": "d", "check_name": "c", "severity": "minor", "location": {"path": "a"}}
    assert schema_errors([issue])  # no fingerprint, no line
    issue.update(fingerprint="f", location={"path": "a", "lines": {"begin": 1}})
    assert schema_errors([issue]) == []


def test_report_with_findings_and_an_input_error_is_valid(issues: list[dict[str, Any]]) -> None:
    assert schema_errors(issues) == []
    checks = {i["check_name"] for i in issues}
    assert {"glosscheck/T101", "glosscheck/T104", "glosscheck/U101", INPUT_ERROR_CHECK} <= checks


def test_clean_run_is_an_empty_array() -> None:
    assert render_gitlab(check_from_root(CLEAN), "1.2.3") == "[]\n"


def test_every_fingerprint_is_unique(issues: list[dict[str, Any]]) -> None:
    """GitLab's widget folds issues that share a fingerprint into one entry."""
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(fingerprints) == len(set(fingerprints))


def test_identical_findings_keep_glosscheck_fingerprint_then_count(
    issues: list[dict[str, Any]], mixed_report: Report
) -> None:
    twins = [f for f in mixed_report.findings if f.path == REPEATED and f.rule == "U102"]
    assert len(twins) == 2 and twins[0].fingerprint == twins[1].fingerprint
    first, second = issues_for(issues, REPEATED, "U102")
    assert first["fingerprint"] == twins[0].fingerprint
    assert second["fingerprint"] == f"{twins[0].fingerprint}-2"


def test_severities_map_onto_gitlab_scale(issues: list[dict[str, Any]]) -> None:
    assert {i["severity"] for i in issues_for(issues, FAULTY, "U102")} == {"major"}  # error
    assert {i["severity"] for i in issues_for(issues, FAULTY, "U101")} == {"minor"}  # warning
    assert {i["severity"] for i in issues_for(issues, REPEATED, "U101")} == {"info"}  # fuzzy


def test_issue_names_rule_message_and_lines(issues: list[dict[str, Any]]) -> None:
    (leftover,) = issues_for(issues, FAULTY, "U102")
    assert leftover["description"] == (
        'U102 source-leftover: English text "password" left in the Chinese translation;'
        ' glossary: "密码"'
    )
    assert leftover["location"] == {"path": FAULTY, "lines": {"begin": 8, "end": 8}}
    (missing,) = issues_for(issues, FAULTY, "T101")
    assert missing["location"]["lines"] == {"begin": 23, "end": 25}  # a wrapped msgstr


def test_fixable_finding_says_its_fix(issues: list[dict[str, Any]]) -> None:
    (casing,) = issues_for(issues, f"{FIXTURES}/casing.po", "T104")
    assert casing["description"].endswith("[fix: Qwen]")


def test_unreadable_input_is_a_critical_issue_at_its_line(issues: list[dict[str, Any]]) -> None:
    (broken,) = [i for i in issues if i["check_name"] == INPUT_ERROR_CHECK]
    assert broken["severity"] == "critical"
    assert broken["location"] == {"path": BROKEN, "lines": {"begin": 8, "end": 8}}
    assert broken["description"] == "not checked: PO syntax error: malformed entry"


def test_absolute_paths_become_relative_to_the_project(tmp_path: Path) -> None:
    """GitLab wants paths relative to the project, where the job runs."""
    copy = tmp_path / "po" / "zh_Hans.po"
    copy.parent.mkdir()
    shutil.copy(ROOT / FAULTY, copy)
    report = check_from_root(copy)
    with contextlib.chdir(tmp_path):
        paths = {i["location"]["path"] for i in gitlab_issues(report)}
    assert paths == {"po/zh_Hans.po"}


def cli(*args: str) -> tuple[int, str]:
    with contextlib.chdir(ROOT):
        result = CliRunner().invoke(main, ["check", "--format", "gitlab", *args])
    return result.exit_code, result.stdout


def test_exit_statuses_through_the_cli(tmp_path: Path) -> None:
    """As every format: 1 with findings, 0 clean, 2 for an unreadable input."""
    status, out = cli(FAULTY)
    assert status == 1 and schema_errors(json.loads(out)) == []
    assert cli(CLEAN) == (0, "[]\n")
    status, out = cli(BROKEN)
    assert status == 2 and json.loads(out)[0]["check_name"] == INPUT_ERROR_CHECK


def test_report_file_has_no_byte_order_mark(tmp_path: Path) -> None:
    """GitLab's parser rejects a report that starts with a BOM."""
    target = tmp_path / "gl-code-quality-report.json"
    status, _ = cli("-o", str(target), FAULTY)
    data = target.read_bytes()
    assert status == 1 and data.startswith(b"[") and not data.startswith(b"\xef\xbb\xbf")
    assert schema_errors(json.loads(data)) == []
