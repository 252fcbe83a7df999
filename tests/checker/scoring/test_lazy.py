"""sacrebleu loads only when scores are computed, never for `check` or `--help`."""

from __future__ import annotations

from pathlib import Path

from tests.checker.test_lazy_imports import loaded_after

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEAVY = {"sacrebleu", "sacrebleu.metrics"}


def test_help_and_score_help_load_no_sacrebleu() -> None:
    modules = loaded_after(
        "from click.testing import CliRunner\n"
        "from checker.cli import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "CliRunner().invoke(main, ['score', '--help'])"
    )
    assert not HEAVY & modules


def test_check_loads_no_sacrebleu() -> None:
    modules = loaded_after(f"import checker\nchecker.check([{str(FIXTURES / 'faulty.po')!r}])")
    assert "checker.readers.po" in modules and not HEAVY & modules


def test_score_loads_sacrebleu() -> None:
    modules = loaded_after("import checker\nchecker.score([['a b c']], [['a b d']])")
    assert modules >= HEAVY and "jieba" not in modules
