"""Configuration files: found upward, flags override, mistakes named with file and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.configfile import ConfigError, find_config, load_config

CONFIG = Path(__file__).parent / "fixtures" / "config"
PROJECT = CONFIG / "project"


def rules_found(*args: str) -> tuple[int, dict[str, int]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)["summary"]["by_rule"]


def test_found_upward_from_the_checked_path() -> None:
    assert find_config(PROJECT / "po" / "zh_Hans.po") == PROJECT / "pyproject.toml"
    assert find_config(PROJECT / "po") == PROJECT / "pyproject.toml"


def test_settings_select_allow_severity_and_per_file_ignores() -> None:
    # faulty.po has U102 "password" (allowed here), U101 (an error here) and T101.
    status, found = rules_found(str(PROJECT / "po" / "zh_Hans.po"))
    assert found == {"T101": 1, "U101": 1} and status == 1
    status, found = rules_found(str(PROJECT / "legacy" / "old.po"))
    assert found == {"T101": 1}  # U101 ignored for legacy/*.po


def test_flags_override_the_file() -> None:
    status, found = rules_found("--select", "U101", "--fail-on", "never", str(PROJECT / "po"))
    assert found == {"U101": 1} and status == 0


def test_explicit_config_flag() -> None:
    _, found = rules_found(
        "--config", str(PROJECT / "pyproject.toml"), str(CONFIG.parent / "faulty.po")
    )
    assert found == {"T101": 1, "U101": 1}


def test_severity_override_shows_in_the_output() -> None:
    result = CliRunner().invoke(main, ["check", "--format", "json", str(PROJECT / "po")])
    (u101,) = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "U101"]
    assert u101["severity"] == "error"


def test_unknown_key_is_an_error_naming_file_and_key() -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(CONFIG / "bad" / "glosscheck.toml")
    assert "fail_on: unknown key" in str(raised.value)
    assert str(CONFIG / "bad" / "glosscheck.toml") in str(raised.value)
    result = CliRunner().invoke(main, ["check", str(CONFIG / "bad")])
    assert result.exit_code == 2 and "fail_on: unknown key" in result.stderr


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('select = ["X9"]', "select: unknown rule code or name 'X9'"),
        ('select = "T"', "select: expected a list of strings"),
        ("[rules.T999]\nseverity = 'error'", "rules.T999: unknown rule code"),
        (
            "[rules.T101]\nseverity = 'fatal'",
            "rules.T101.severity: expected error, warning or info",
        ),
        ("[rules.T101]\ncolour = 'red'", "rules.T101.colour: unknown option"),
        ('[per-file-ignores]\n"*.po" = ["Q1"]', "per-file-ignores.*.po: unknown rule code"),
        ('target-lang = "fr"', "target-lang: expected one of zh, en"),
        ("select = [", "invalid TOML"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "glosscheck.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert message in str(raised.value) and str(path) in str(raised.value)


def test_glossaries_in_the_config_are_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "terms.tsv").write_text("zh\ten\n删除\tdelete\n", encoding="utf-8")
    (tmp_path / "glosscheck.toml").write_text('glossary = ["terms.tsv"]\n', encoding="utf-8")
    config = load_config(tmp_path / "glosscheck.toml")
    assert config.glossaries == (str(tmp_path / "terms.tsv"),)


def test_a_whole_number_serves_a_float_option(tmp_path: Path) -> None:
    path = tmp_path / "glosscheck.toml"
    path.write_text("[rules.L101]\nmax_ratio = 4\n", encoding="utf-8")
    assert load_config(path).options == {"L101": {"max_ratio": 4.0}}
