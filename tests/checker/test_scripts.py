"""Simplified/Traditional classification from OpenCC's tables, on real text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.scripts import Script, _forms_of, _ocd2_values, classify, expected_script

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"
ARTICLES = Path(__file__).resolve().parents[2] / "corpora" / "articles"


@pytest.mark.parametrize(
    ("locale", "script"),
    [
        ("zh", Script.SIMPLIFIED),
        ("zh_CN", Script.SIMPLIFIED),
        ("zh-Hans", Script.SIMPLIFIED),
        ("zh_SG", Script.SIMPLIFIED),
        ("zh_TW", Script.TRADITIONAL),
        ("zh-hant", Script.TRADITIONAL),
        ("ZH-HK", Script.TRADITIONAL),
        ("zh_MO", Script.TRADITIONAL),
        ("zh-Hant-CN", Script.TRADITIONAL),  # the script part wins over the region
        ("zh_Hans_HK", Script.SIMPLIFIED),
        ("en", None),
        ("", None),
        ("zh_Latn", None),
    ],
)
def test_expected_script_of_a_locale(locale: str, script: Script | None) -> None:
    assert expected_script(locale) is script


def traditional_lines() -> list[str]:
    text = (FIXTURES / "zh_Hant.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_traditional_text_has_no_simplified_characters() -> None:
    lines = traditional_lines()
    assert len(lines) > 15
    for line in lines:
        assert classify(line, [Script.SIMPLIFIED]) == [], line
        assert classify(line, [Script.TRADITIONAL]), line


def test_simplified_articles_have_no_traditional_character() -> None:
    found = []
    for path in sorted(ARTICLES.glob("*.zh.md")):
        found += classify(path.read_text(encoding="utf-8"))
    assert {c.script for c in found} == {Script.SIMPLIFIED} and len(found) > 100


@pytest.mark.parametrize("text", ["皇后", "公里", "台北", "吃", "群", "只有", "下面", "山峰"])
def test_characters_both_scripts_use_are_neutral(text: str) -> None:
    assert classify(text) == []


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("引用占位符", Script.SIMPLIFIED),  # 占 stands for 佔 and for 占
        ("法律准许", Script.SIMPLIFIED),  # 准 for 準 and 准
        ("需要干预", Script.SIMPLIFIED),  # 干 for 幹, 乾 and 干
        ("斗胆", Script.SIMPLIFIED),
        ("华为昇腾", Script.TRADITIONAL),  # 昇 is kept in names
        ("乾坤", Script.TRADITIONAL),
        ("由於", Script.TRADITIONAL),  # 於 is a Simplified surname
    ],
)
def test_a_character_that_is_also_a_form_of_the_other_script_is_neutral(
    text: str, script: Script
) -> None:
    """OpenCC's character tables list it among the other script's candidates."""
    assert all(c.char not in "占准干斗昇乾於" for c in classify(text, [script]))


def test_mixed_text_names_each_character_with_its_counterparts() -> None:
    found = classify("请输入有效的電子邮件地址", [Script.TRADITIONAL])
    assert [(c.offset, c.char, c.counterparts) for c in found] == [(6, "電", ("电", "电", "电"))]
    by_script = {c.char: c.script for c in classify("為了发现")}
    assert by_script == {"為": Script.TRADITIONAL, "发": Script.SIMPLIFIED, "现": Script.SIMPLIFIED}
    (say,) = classify("说明", [Script.SIMPLIFIED])
    assert say.counterparts == ("說", "說", "説")  # standard, Taiwan, Hong Kong


def test_the_phrase_decides_a_conversion() -> None:
    (hair,) = [c for c in classify("头发", [Script.SIMPLIFIED]) if c.char == "发"]
    assert hair.counterparts[0] == "髮"  # 發 on its own, 髮 in 头发


def test_opencc_character_tables_are_read() -> None:
    """The candidates of OpenCC's STCharacters/TSCharacters, read from its .ocd2 files."""
    traditional, simplified = _forms_of(Script.TRADITIONAL), _forms_of(Script.SIMPLIFIED)
    assert len(traditional) > 4000 and len(simplified) > 4000
    assert {"佔", "占", "發", "髮", "後", "后"} <= traditional and "发" not in traditional
    assert {"升", "昇", "干", "乾", "于", "於"} <= simplified and "發" not in simplified


def test_a_file_that_is_not_ocd2_gives_no_candidates() -> None:
    assert _ocd2_values(b"OPENCC_MARISA_0.2.5" + bytes(range(256)) * 4) == []
    assert _ocd2_values(b"") == []


def opencc_loaded_after(code: str, cache: Path) -> bool:
    probe = f"import sys\n{code}\nprint('opencc' in sys.modules)"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    run = [sys.executable, "-c", probe]
    out = subprocess.run(run, capture_output=True, text=True, check=True, env=env)
    return out.stdout.strip() == "True"


def test_opencc_loads_only_for_chinese_targets_and_new_characters(tmp_path: Path) -> None:
    assert not opencc_loaded_after(
        "from checker.scripts import classify\nassert classify('plain English, 123') == []",
        tmp_path,
    )
    articles = str(ARTICLES)  # Chinese sources, English targets
    assert not opencc_loaded_after(f"import checker\nchecker.check([{articles!r}])", tmp_path)
    django = str(ARTICLES.parent / "django" / "contrib" / "sites")
    assert opencc_loaded_after(f"import checker\nchecker.check([{django!r}])", tmp_path)
    # The verdicts on its characters were kept: the next run needs no OpenCC.
    assert not opencc_loaded_after(f"import checker\nchecker.check([{django!r}])", tmp_path)
    # A Traditional character in a Simplified text: converted in its phrase for the finding.
    mixed = (
        "from checker.scripts import Script, classify\nclassify('電子邮件', [Script.TRADITIONAL])"
    )
    assert opencc_loaded_after(mixed, tmp_path)


def test_kept_verdicts_give_the_same_classification(tmp_path: Path) -> None:
    """A second process, which reads the verdicts back, finds what the first found."""
    probe = (
        "from checker.scripts import classify\n"
        "print([(c.offset, c.char, c.script.value, c.counterparts)"
        " for c in classify('為了发现電子邮件，说明头发乾坤')])"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert runs[0].returncode == 0 and runs[0].stdout == runs[1].stdout
    assert list((tmp_path / "glosscheck").glob("scripts-*.json"))
