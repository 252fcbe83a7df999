"""The command line: exit statuses, JSON shape, errors that name file and line."""

from __future__ import annotations

import json
import os
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import glossary
from checker.cli import main
from checker.report import Sorted
from glossary.loading import DEFAULT_GLOSSARY

FIXTURES = Path(__file__).parent / "fixtures"
FAULTY, CLEAN, BROKEN = (str(FIXTURES / n) for n in ("faulty.po", "clean.po", "broken.po"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def as_json(*args: str) -> tuple[int, dict[str, Any]]:
    status, out, _ = run("check", "--format", "json", *args)
    return status, json.loads(out)


def test_findings_exit_1_clean_exit_0() -> None:
    assert run("check", FAULTY)[0] == 1
    status, out, _ = run("check", CLEAN)
    assert status == 0 and "No findings" in out


def test_text_lines_point_at_the_msgstr() -> None:
    _, out, _ = run("check", FAULTY)
    assert f'{FAULTY}:8:13: U102 English text "password" left in the Chinese translation' in out
    assert f"{FAULTY}:18:9: U101 empty translation" in out
    # a finding about a whole wrapped msgstr points at its keyword line
    assert f'{FAULTY}:23:1: T101 "agents" should be translated as' in out


def test_json_document_has_the_spec_fields() -> None:
    status, doc = as_json(FAULTY)
    assert status == 1
    assert set(doc) >= {"tool", "version", "findings", "summary"} and doc["tool"] == "glosscheck"
    finding = doc["findings"][0]
    assert set(finding) == {
        "path", "line", "column", "end_line", "end_column", "rule", "name", "severity",
        "message", "source", "target", "term", "suggestion", "fixable", "fingerprint",
    }  # fmt: skip
    assert doc["summary"] == {
        "files": 1,
        "segments": 5,
        "findings": 3,
        "by_rule": {"T101": 1, "U101": 1, "U102": 1},
        "by_severity": {"error": 2, "warning": 1},
    }


def test_fail_on_sets_the_threshold() -> None:
    assert run("check", "--select", "U101", "--fail-on", "error", FAULTY)[0] == 0
    assert run("check", "--select", "U101", "--fail-on", "warning", FAULTY)[0] == 1
    assert run("check", "--fail-on", "never", FAULTY)[0] == 0


def test_select_and_ignore_by_prefix_and_name() -> None:
    _, doc = as_json("--select", "U", "--ignore", "source-leftover", FAULTY)
    assert doc["summary"]["by_rule"] == {"U101": 1}
    _, doc = as_json("--select", "T1,U102", FAULTY)
    assert doc["summary"]["by_rule"] == {"T101": 1, "U102": 1}


def test_unknown_rule_code_is_a_usage_error() -> None:
    status, _, err = run("check", "--select", "X999", FAULTY)
    assert status == 2 and "X999" in err


def test_broken_file_is_reported_with_line_and_others_still_checked() -> None:
    status, out, err = run("check", "--format", "json", BROKEN, FAULTY)
    assert status == 2
    assert f"{BROKEN}:" in err and "Traceback" not in err
    doc = json.loads(out)
    assert doc["summary"]["findings"] == 3  # faulty.po was still checked
    (error,) = doc["errors"]
    assert error["path"] == BROKEN and isinstance(error["line"], int)


def test_missing_file_is_reported_and_others_still_checked() -> None:
    status, out, err = run("check", str(FIXTURES / "nope.po"), FAULTY)
    assert status == 2 and "nope.po" in err and "U102" in out


def test_glossary_flag_replaces_the_default_and_stacks() -> None:
    terms = FIXTURES.parent / "rules" / "fixtures" / "glossary.tsv"
    _, doc = as_json("--no-default-glossary", "--select", "T101", FAULTY)
    assert doc["findings"] == []
    _, doc = as_json("--glossary", str(terms), "--select", "U102", FAULTY)
    assert doc["findings"][0]["suggestion"] == '"密码"'


def test_allow_keeps_a_word() -> None:
    _, doc = as_json("--allow", "password", FAULTY)
    assert doc["summary"]["by_rule"] == {"T101": 1, "U101": 1}


def test_rules_lists_and_explains() -> None:
    status, out, _ = run("rules")
    assert status == 0 and "T101  term-missing" in out
    status, out, _ = run("rules", "U102")
    assert status == 0 and "Okay:" in out and "U102:" in out
    assert run("rules", "Z1")[0] == 2


def test_glossary_lookup_from_either_language() -> None:
    status, out, _ = run("glossary", "lookup", "刷新")
    assert status == 0 and "en preferred refresh" in out
    status, out, _ = run("glossary", "lookup", "Refresh")
    assert status == 0 and "zh preferred 刷新" in out
    assert run("glossary", "lookup", "no-such-term")[0] == 1


def test_glossary_validate_and_convert(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("zh\ten\tdnt\n刷新\trefresh\tmaybe\n", encoding="utf-8")
    status, out, _ = run("glossary", "validate", str(bad))
    assert status == 1 and f"{bad}:2:" in out
    out_file = tmp_path / "default.yaml"
    default = str(files("glossary") / "data" / DEFAULT_GLOSSARY)
    assert run("glossary", "convert", default, str(out_file))[0] == 0
    assert [c.forms for c in glossary.load(out_file)] == [c.forms for c in glossary.load(default)]


def test_fingerprints_survive_a_block_added_above_in_a_document(tmp_path: Path) -> None:
    import shutil

    import checker

    articles = Path(__file__).resolve().parents[2] / "corpora" / "articles"
    for name in ("ai-chip-funding.zh.md", "ai-chip-funding.en.md"):
        shutil.copy(articles / name, tmp_path / name)
    before = {f.fingerprint for f in checker.check([tmp_path]).findings}
    for name, heading in (("zh", "# 新标题"), ("en", "# A new heading")):
        path = tmp_path / f"ai-chip-funding.{name}.md"
        path.write_text(heading + "\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = {f.fingerprint for f in checker.check([tmp_path]).findings}
    assert before == after and len(before) == 3


def test_fingerprint_does_not_depend_on_how_the_path_is_spelled() -> None:
    import checker

    relative = checker.check(["./" + os.path.relpath(FAULTY)]).findings
    absolute = checker.check([str(Path(FAULTY).resolve())]).findings
    assert [f.fingerprint for f in relative] == [f.fingerprint for f in absolute]


def test_statistics_replace_the_findings() -> None:
    status, out, _ = run("check", "--statistics", FAULTY)
    assert status == 1
    assert out.splitlines() == [
        "1  T101  term-missing",
        "1  U101  untranslated",
        "1  U102  source-leftover",
    ]


def test_baseline_round_trip_through_the_cli(tmp_path: Path) -> None:
    baseline = str(tmp_path / "baseline.json")
    status, _, err = run("check", "--write-baseline", baseline, FAULTY)
    assert status == 0 and "Recorded 3 findings" in err
    status, out, err = run("check", "--baseline", baseline, FAULTY)
    assert status == 0 and "No findings" in out and "3 accepted findings" in err
    assert run("check", "--baseline", baseline, "--write-baseline", baseline, FAULTY)[0] == 2


def test_machine_formats_through_the_cli() -> None:
    status, out, _ = run("check", "--format", "sarif", FAULTY)
    assert status == 1 and json.loads(out)["version"] == "2.1.0"
    status, out, _ = run("check", "--format", "github", FAULTY)
    assert out.splitlines()[0].startswith(f"::error file={FAULTY},line=8,col=13,")
    status, out, _ = run("check", "--format", "concise", FAULTY)
    assert out.splitlines()[0].startswith(f"{FAULTY}:8:13: U102 ")


@pytest.mark.parametrize(
    "flags",
    [
        ("--format", "json"),
        ("--format", "text"),
        ("--format", "concise", "-q"),
        ("--format", "sarif"),
        ("--format", "gitlab"),
        ("--format", "github"),
        ("--statistics",),
        ("--jobs", "2", "--format", "json"),
    ],
)
def test_findings_written_to_disk_render_as_held(
    flags: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(FIXTURES), str(Path(__file__).parents[2] / "corpora" / "django" / "conf")]
    held = run("check", *paths, *flags)
    monkeypatch.setattr(Sorted, "_HELD", 7)  # many small runs, some blocks of one finding
    monkeypatch.setattr(Sorted, "_BLOCK", 3)
    assert run("check", *paths, *flags) == held
    assert held[1].count("\n") > 5  # enough findings for several runs
