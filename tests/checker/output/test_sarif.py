"""--format sarif: valid SARIF 2.1.0, every rule described, positions that hold the text."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from checker import Report
from checker.output.sarif import render_sarif, sarif_log
from checker.rules import RULES
from tests.checker.output.reports import BROKEN, FAULTY, FIXTURES, ROOT, check_from_root

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def schema_errors(log: dict[str, Any]) -> list[str]:
    validator = Draft4Validator(SCHEMA)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


@pytest.fixture(scope="module")
def log(mixed_report: Report) -> dict[str, Any]:
    return json.loads(render_sarif(mixed_report, "1.2.3"))


def results_for(log: dict[str, Any], path: str, rule: str) -> list[dict[str, Any]]:
    return [
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"] == rule
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == path
    ]


def text_at(uri: str, region: dict[str, int]) -> str:
    """The file text a single-line region covers, columns counted in code points."""
    line = (ROOT / uri).read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    return line[region["startColumn"] - 1 : region["endColumn"] - 1]


def test_schema_is_the_draft_4_sarif_schema() -> None:
    Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")


def test_log_with_findings_fixes_and_an_input_error_is_valid(log: dict[str, Any]) -> None:
    assert schema_errors(log) == []
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"T101", "T102", "T103", "T104", "T105", "U101"}
    assert any("fixes" in r for r in results)
    assert log["runs"][0]["invocations"][0]["toolExecutionNotifications"]


def test_clean_run_is_valid_and_successful() -> None:
    log = sarif_log(check_from_root("tests/checker/fixtures/clean.po"), "1.2.3")
    assert schema_errors(log) == []
    run = log["runs"][0]
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_driver_describes_every_registered_rule(log: dict[str, Any]) -> None:
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("glosscheck", "1.2.3")
    assert "informationUri" not in driver  # the project has no URL yet; none is invented
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    t102 = driver["rules"][sorted(RULES).index("T102")]
    assert t102["name"] == "term-forbidden"
    assert t102["shortDescription"]["text"] == "The target uses a rendering the glossary forbids."
    assert "Okay:" in t102["fullDescription"]["text"]
    assert "Flagged: 通义实验室发布了新模型。 → Tongyi Laboratory" in t102["help"]["text"]
    assert t102["defaultConfiguration"] == {"level": "error", "enabled": True}
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels["T103"] == "warning" and levels["C102"] == "note"


def test_each_result_points_at_its_rule(log: dict[str, Any]) -> None:
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_result_location_level_and_fingerprint(log: dict[str, Any], mixed_report: Report) -> None:
    (result,) = results_for(log, FAULTY, "U102")
    finding = next(f for f in mixed_report.findings if f.path == FAULTY and f.rule == "U102")
    assert result["level"] == "error"
    assert result["message"]["text"] == finding.message
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": FAULTY, "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 8, "startColumn": 13, "endLine": 8, "endColumn": 21}
    assert text_at(FAULTY, location["region"]) == "password"
    assert result["partialFingerprints"] == {"glosscheck/v1": finding.fingerprint}


def test_info_findings_are_notes(log: dict[str, Any]) -> None:
    (fuzzy,) = results_for(log, f"{FIXTURES}/repeated.po", "U101")
    assert fuzzy["level"] == "note"


def test_fix_replaces_exactly_the_flagged_text(log: dict[str, Any]) -> None:
    fixed = [r for r in log["runs"][0]["results"] if "fixes" in r]
    assert {r["ruleId"] for r in fixed} == {"T102", "T104"}
    assert len(fixed) == 3  # T102 and T104 in the articles, T104 in casing.po
    replaced = {}
    for result in fixed:
        (change,) = result["fixes"][0]["artifactChanges"]
        (replacement,) = change["replacements"]
        old = text_at(change["artifactLocation"]["uri"], replacement["deletedRegion"])
        replaced[old] = replacement["insertedContent"]["text"]
    assert replaced == {"Tongyi Laboratory": "Tongyi Lab", "Bytedance": "ByteDance", "qwen": "Qwen"}


def test_columns_count_code_points_as_the_run_declares(log: dict[str, Any]) -> None:
    """After 𠮷 (outside the BMP) code points and UTF-16 units part: we say which we count."""
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    path = f"{FIXTURES}/supplementary.en.md"
    line = (ROOT / path).read_text(encoding="utf-8").splitlines()[0]
    regions = [
        r["locations"][0]["physicalLocation"]["region"] for r in results_for(log, path, "U102")
    ]
    refresh = next(r for r in regions if text_at(path, r) == "刷新")
    assert refresh["startColumn"] == line.index("刷新") + 1
    utf16_column = len(line[: line.index("刷新")].encode("utf-16-le")) // 2 + 1
    assert refresh["startColumn"] == utf16_column - 1


def test_input_errors_are_tool_notifications(log: dict[str, Any]) -> None:
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "PO syntax error: malformed entry"
    location = notification["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": BROKEN, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 8},
    }


def test_absolute_paths_and_spaces_make_valid_uris(tmp_path: Path) -> None:
    copy = tmp_path / "my catalog.po"
    shutil.copy(ROOT / FAULTY, copy)
    log = sarif_log(check_from_root(copy), "1.2.3")
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {copy.as_uri()} and "%20" in copy.as_uri()
    assert schema_errors(log) == []


@pytest.mark.parametrize(
    ("path_end", "change", "kept"),
    [
        ("casing.po", {"replacement": 'the "Qwen"'}, False),  # PO writes \" here
        ("qwen-benchmark.en.md", {"replacement": 'the "Lab"'}, True),  # Markdown does not
        ("qwen-benchmark.en.md", {"replacement": "Lab\n"}, False),  # nor one over two lines
        ("qwen-benchmark.en.md", {"line": 0}, False),  # no file position recorded
        ("qwen-benchmark.en.md", {"end_column": 99}, False),  # region wider: escapes inside
    ],
)
def test_fix_only_where_sarif_can_say_it_verbatim(
    mixed_report: Report, path_end: str, change: dict[str, Any], kept: bool
) -> None:
    finding = next(f for f in mixed_report.findings if f.fix and f.path.endswith(path_end))
    assert finding.fix is not None
    altered = dataclasses.replace(finding, fix=dataclasses.replace(finding.fix, **change))
    log = sarif_log(Report(findings=[altered]), "1.2.3")
    assert ("fixes" in log["runs"][0]["results"][0]) is kept
    assert schema_errors(log) == []
