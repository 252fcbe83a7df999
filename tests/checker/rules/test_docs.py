"""Every registered rule is documented, and its docstring examples hold (pycodestyle style)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary
from checker import Config, Segment, check
from checker.cli import main
from checker.rules import RULES, Rule
from checker.rules.docs import Example, examples, summary
from glossary.text import has_han

README = Path(__file__).resolve().parents[3] / "README.md"


def segments(example: Example) -> list[Segment]:
    """`a / b → x / y` is two segments, checked together (for cross-segment rules)."""
    pairs = zip(example.source.split(" / "), example.target.split(" / "), strict=True)
    result = []
    for i, (source, target) in enumerate(pairs):
        source_lang = "zh" if has_han(source) else "en"
        target_lang = "en" if source_lang == "zh" else "zh"
        result.append(Segment(source, target, source_lang, target_lang, "doc", i + 1))
    return result


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_docs_and_examples(code: str) -> None:
    rule = RULES[code]
    assert summary(rule) and rule.name and rule.__doc__ and len(rule.__doc__) > 120
    kinds = {e.expect_finding for e in examples(rule)}
    assert kinds == {True, False}, f"{code} needs an Okay: and a {code}: example"


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, e) for r in RULES.values() for e in examples(r)],
    ids=lambda v: v.code if isinstance(v, type) else ("bad" if v.expect_finding else "okay"),
)
def test_docstring_example(rule: type[Rule], example: Example) -> None:
    report = check(
        segments(example), glossary=glossary.load_default(), config=Config(select=(rule.code,))
    )
    codes = [f.rule for f in report.findings]
    assert codes == ([rule.code] if example.expect_finding else []), report.findings


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_listed_by_the_cli_and_in_the_readme(code: str) -> None:
    listing = CliRunner().invoke(main, ["rules"]).output
    assert code in listing and RULES[code].name in listing
    explained = CliRunner().invoke(main, ["rules", RULES[code].name]).output
    assert explained.startswith(f"{code} {RULES[code].name}")
    assert f"| {code} " in README.read_text(encoding="utf-8")
