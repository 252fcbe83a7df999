"""YAML glossaries: the TSV fields, one mapping per concept."""

from __future__ import annotations

from pathlib import Path

from glossary.formats import dump, load
from glossary.model import Concept, Form, Glossary, Status
from tests.glossary.formats.contract import FormatContract
from tests.glossary.glossary_fixtures import FIXTURES


class TestYAML(FormatContract):
    suffix = ".yaml"
    full_lines = (3, 9, 13, 16, 22, 28)
    malformed = (
        ("unknown_key.yaml", 6, "unknown key 'colour'"),
        ("unknown_status_key.yaml", 4, "unknown status 'deprecated' in key 'en_deprecated'"),
        ("bad_boundary.yaml", 7, "boundary: expected word or char, got 'syllable'"),
        ("bad_dnt.yaml", 4, "dnt: expected yes or no, got 'sometimes'"),
        ("empty_form.yaml", 3, "en: empty form"),
        ("syntax_error.yaml", 6, "YAML syntax error"),
        ("python_tag.yaml", 4, "unsupported YAML tag"),
        ("not_a_mapping.yaml", 1, "expected a mapping with a 'concepts' list"),
        ("wrong_top_key.yaml", 1, "unknown top-level key 'glossary'"),
        ("empty.yaml", 1, "empty YAML glossary"),
        ("nested_value.yaml", 4, "note: expected a single value"),
        ("duplicate_key.yaml", 4, "key 'zh' appears twice"),
        ("duplicate_concepts.yaml", 4, "key 'concepts' appears twice"),
        ("not_utf8.yaml", 4, "not valid UTF-8"),
    )
    two_problems = ("validate/problems.yaml", (4, 9))


def test_strings_split_on_bar_lists_do_not_and_yes_stays_text() -> None:
    bar, literal, word = load(FIXTURES / "yaml_forms.yaml")
    assert bar.allowed("en") == (Form("a", "en"), Form("b", "en", Status.ADMITTED))
    assert literal.allowed("en") == (Form("A|B testing", "en"),)
    assert word.allowed("en") == (Form("yes", "en"),)
    assert word.allowed("zh") == (Form("是", "zh"),)


def test_yaml_keeps_a_form_holding_a_bar(tmp_path: Path) -> None:
    glossary = Glossary([Concept((Form("A|B 测试", "zh"), Form("A|B testing", "en")))])
    dump(glossary, tmp_path / "out.yml")
    assert load(tmp_path / "out.yml").concepts == glossary.concepts


def test_writer_uses_a_string_for_one_form_and_a_list_for_several(tmp_path: Path) -> None:
    glossary = Glossary(
        [
            Concept(
                (Form("刷新", "zh"), Form("refresh", "en"), Form("update", "en", Status.ADMITTED))
            )
        ]
    )
    dump(glossary, tmp_path / "out.yaml")
    text = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "- zh: 刷新\n" in text
    assert "  en:\n  - refresh\n  - update\n" in text
