"""Heavy parts load only when needed: a hook on an en→zh catalog never pays for jieba."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = Path(__file__).resolve().parents[2] / "corpora" / "articles"


def loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_help_loads_no_heavy_library() -> None:
    modules = loaded_after(
        "from click.testing import CliRunner\n"
        "from checker.cli import main\n"
        "CliRunner().invoke(main, ['--help'])"
    )
    assert not {"jieba", "lemminflect", "polib", "markdown_it", "ahocorasick"} & modules


def test_english_to_chinese_catalog_needs_no_jieba() -> None:
    modules = loaded_after(f"import checker\nchecker.check([{str(FIXTURES / 'faulty.po')!r}])")
    assert "checker.readers.po" in modules and "jieba" not in modules
    assert "polib" not in modules  # our own parser reads .po files; polib reads .mo files


def test_chinese_source_loads_jieba() -> None:
    modules = loaded_after(f"import checker\nchecker.check([{str(ARTICLES)!r}])")
    assert "jieba" in modules
