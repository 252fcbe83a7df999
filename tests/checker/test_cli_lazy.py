"""`glosscheck check` runs as a pre-commit hook: it imports what a check needs and no more."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.checker.test_lazy_imports import FIXTURES, loaded_after

FAULTY = str(FIXTURES / "faulty.po")


def test_check_imports_neither_the_other_commands_nor_the_other_formats() -> None:
    modules = loaded_after(
        "from click.testing import CliRunner\n"
        "from checker.cli import main\n"
        f"CliRunner().invoke(main, ['check', {FAULTY!r}])"
    )
    assert {"checker.cli_check", "checker.output.text"} <= modules
    later = {
        "checker.cli_glossary",
        "checker.cli_report",
        "checker.cli_score",
        "checker.scoring",
        "checker.output.sarif",
        "checker.output.gitlab",
        "concurrent.futures.process",  # a process pool: only for --jobs
    }
    assert not later & modules


def test_a_hook_run_reads_its_glossary_from_the_cache_and_imports_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # seen by the child
    terms = tmp_path / "terms.tsv"
    terms.write_text("zh\ten\n刷新\trefresh\n", encoding="utf-8")
    run = (
        "from click.testing import CliRunner\n"
        "from checker.cli import main\n"
        f"CliRunner().invoke(main, ['check', '--no-default-glossary', '--glossary', "
        f"{str(terms)!r}, {FAULTY!r}])"
    )
    assert "glossary.formats" in loaded_after(run)  # parsed once, then kept
    later = {"glossary.formats", "subprocess", "polib"}
    assert not later & loaded_after(run)


def test_help_lists_every_command_and_a_typo_gets_a_suggestion() -> None:
    listed = CliRunner().invoke(main, ["--help"]).output.split("Commands:")[1].split()
    assert {"check", "glossary", "report", "rules", "score"} <= set(listed)
    typo = CliRunner().invoke(main, ["chek"])
    assert typo.exit_code == 2 and "Did you mean 'check'?" in typo.output


def test_version_is_looked_up_when_asked() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.output == f"glosscheck, version {version('glosscheck')}\n"


def test_lazy_attributes_of_the_packages() -> None:
    import checker
    from checker.output import FORMATS, render_sarif
    from checker.scoring import score
    from checker.version import VERSION

    assert checker.score is score and version("glosscheck") == VERSION
    report = checker.check([FAULTY])
    assert FORMATS["sarif"](report, "1.0", False) == render_sarif(report, "1.0", False)
