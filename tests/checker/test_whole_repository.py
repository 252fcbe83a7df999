"""Whole-repository runs: --jobs gives the same findings, git's ignores and include/exclude."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

import checker
from checker.cli import main
from checker.config import Config

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"


def test_jobs_give_the_same_findings_in_the_same_order() -> None:
    one = checker.check([CORPORA], config=Config(jobs=1))
    two = checker.check([CORPORA], config=Config(jobs=2))
    assert [f.to_json() for f in one.findings] == [f.to_json() for f in two.findings]
    assert (one.files, one.segments, one.summary()) == (two.files, two.segments, two.summary())
    assert {"T103", "C101"} <= set(one.summary()["by_rule"])  # cross-file rules took part


def test_jobs_zero_means_one_per_core_and_errors_cross_processes(tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests/checker/fixtures/broken.po", tmp_path / "broken.po")
    shutil.copy(ROOT / "tests/checker/fixtures/faulty.po", tmp_path / "faulty.po")
    report = checker.check([tmp_path], config=Config(jobs=0))
    (error,) = report.errors
    assert error.path.endswith("broken.po") and error.line == 8
    assert report.summary()["findings"] == 3


def test_cli_jobs_flag_and_no_progress_bar_when_not_a_terminal() -> None:
    result = CliRunner().invoke(main, ["check", "--jobs", "2", "--format", "json", str(CORPORA)])
    assert json.loads(result.stdout)["summary"]["files"] == 15
    assert "Checking" not in result.stderr


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_a_directory_walk_honours_gitignore(tmp_path: Path) -> None:
    faulty = ROOT / "tests/checker/fixtures/faulty.po"
    (tmp_path / "po").mkdir()
    (tmp_path / "build").mkdir()
    shutil.copy(faulty, tmp_path / "po" / "zh_Hans.po")
    shutil.copy(faulty, tmp_path / "build" / "zh_Hans.po")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    git("init", "-q", cwd=tmp_path)
    report = checker.check([tmp_path])
    assert {Path(f.path).parent.name for f in report.findings} == {"po"}
    assert report.files == 1


def test_include_and_exclude_from_the_configuration(tmp_path: Path) -> None:
    faulty = ROOT / "tests/checker/fixtures/faulty.po"
    for folder in ("po", "vendor"):
        (tmp_path / folder).mkdir()
        shutil.copy(faulty, tmp_path / folder / "zh_Hans.po")
    (tmp_path / "glosscheck.toml").write_text('exclude = ["vendor/*"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)])
    paths = {Path(f["path"]).parent.name for f in json.loads(result.stdout)["findings"]}
    assert paths == {"po"}
    (tmp_path / "glosscheck.toml").write_text('include = ["vendor/*"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)])
    paths = {Path(f["path"]).parent.name for f in json.loads(result.stdout)["findings"]}
    assert paths == {"vendor"}
