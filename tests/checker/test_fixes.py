"""--fix and --diff on a real Django catalog: only the fixed text changes, safely."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker
from checker.cli import main
from checker.fixes import apply_fixes

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "corpora" / "django" / "contrib" / "admin" / "zh_Hans" / "django.po"
FAULTS = {  # line in the catalog: (correct text, faulty text planted there)
    302: ('msgstr "Django 站点管理员"', 'msgstr "django 站点管理员"'),
    305: ('msgstr "Django 管理"', 'msgstr "DJANGO 管理"'),
}


def planted(tmp_path: Path, newline: str = "\n", bom: bool = False) -> Path:
    """A copy of the real catalog with two miscased DNT names (T104, fixable)."""
    lines = CATALOG.read_text(encoding="utf-8").split("\n")
    for number, (good, bad) in FAULTS.items():
        assert lines[number - 1] == good
        lines[number - 1] = bad
    path = tmp_path / "django.po"
    path.write_bytes(("\ufeff" if bom else "").encode() + newline.join(lines).encode("utf-8"))
    return path


def fix(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--select", "T104", *args])
    return result.exit_code, result.stdout, result.stderr


def test_fix_changes_only_the_fixed_strings_and_is_idempotent(tmp_path: Path) -> None:
    path = planted(tmp_path)
    status, out, err = fix("--fix", str(path))
    assert status == 0 and "Applied 2 fixes." in err and "T104" not in out
    assert path.read_bytes() == CATALOG.read_bytes()  # every other byte as it was
    assert fix("--fix", str(path))[0] == 0 and path.read_bytes() == CATALOG.read_bytes()


@pytest.mark.parametrize(("newline", "bom"), [("\r\n", False), ("\n", True)])
def test_line_endings_and_bom_are_kept(tmp_path: Path, newline: str, bom: bool) -> None:
    path = planted(tmp_path, newline, bom)
    fix("--fix", str(path))
    expected = CATALOG.read_text(encoding="utf-8").split("\n")
    assert path.read_bytes() == ("\ufeff" if bom else "").encode() + newline.join(expected).encode(
        "utf-8"
    )


def test_file_mode_is_kept(tmp_path: Path) -> None:
    path = planted(tmp_path)
    os.chmod(path, 0o640)
    fix("--fix", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_diff_shows_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    path = planted(tmp_path)
    before = path.read_bytes()
    status, out, _ = fix("--diff", str(path))
    assert status == 1 and path.read_bytes() == before
    assert '-msgstr "django 站点管理员"\n+msgstr "Django 站点管理员"\n' in out
    assert '-msgstr "DJANGO 管理"\n+msgstr "Django 管理"\n' in out
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n")


def test_a_file_changed_after_the_check_is_refused(tmp_path: Path) -> None:
    path = planted(tmp_path)
    report = checker.check([path], config=checker.Config(select=("T104",)))
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n# edited by someone else\n")
    edited = path.read_bytes()
    outcome = apply_fixes(report, write=True)
    assert outcome.fixed == [] and "changed since it was checked" in str(outcome.errors[0])
    assert path.read_bytes() == edited


def test_a_failure_before_the_rename_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = planted(tmp_path)
    before = path.read_bytes()
    report = checker.check([path], config=checker.Config(select=("T104",)))

    def crash(src: str, dst: str) -> None:
        raise OSError(5, "simulated crash between write and rename")

    monkeypatch.setattr(os, "replace", crash)
    outcome = apply_fixes(report, write=True)
    assert "simulated crash" in str(outcome.errors[0])
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["django.po"]  # no temporary file left behind


def test_fixes_in_markdown_targets(tmp_path: Path) -> None:
    articles = ROOT / "corpora" / "articles"
    for name in ("qwen-benchmark.zh.md", "qwen-benchmark.en.md"):
        shutil.copy(articles / name, tmp_path / name)
    target = tmp_path / "qwen-benchmark.en.md"
    before = target.read_text(encoding="utf-8").split("\n")
    result = CliRunner().invoke(main, ["check", "--select", "T102", "--fix", str(tmp_path)])
    after = target.read_text(encoding="utf-8").split("\n")
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [42] and after[41] == before[41].replace("Tongyi Laboratory", "Tongyi Lab")
    assert result.exit_code == 0
