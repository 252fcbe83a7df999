"""PO compendia: msgid/msgstr pairs, with the other fields in a JSON comment."""

from __future__ import annotations

from pathlib import Path

import polib

from glossary.formats import dump, load
from glossary.model import Concept, Form, Glossary, Status
from tests.glossary.formats.contract import FormatContract
from tests.glossary.glossary_fixtures import FIXTURES, full_glossary


class TestPO(FormatContract):
    suffix = ".po"
    full_lines = (10, 14, 18, 22, 27, 39)
    malformed = (
        ("syntax_error.po", 10, "PO syntax error: unescaped double quote found"),
        ("bad_json.po", 9, "glosscheck: comment is not valid JSON"),
        ("unknown_json_field.po", 6, "unknown field 'colour'"),
        ("bad_dnt_json.po", 9, "dnt: expected yes or no, got 'maybe'"),
        ("french.po", 5, "Language 'fr': a compendium must be zh or en"),
        ("unknown_charset.po", 4, "unknown charset 'KLINGON-8'"),
        ("not_utf8.po", 10, "not valid UTF-8"),
    )
    two_problems = ("malformed/two_problems.po", (6, 13))


def test_fuzzy_untranslated_and_obsolete_entries_are_skipped() -> None:
    concepts = load(FIXTURES / "full.po").concepts
    texts = {form.text for concept in concepts for form in concept.forms}
    assert texts.isdisjoint({"刷子", "not yet translated", "obsolete", "过时"})
    assert len(concepts) == 6


def test_language_en_puts_chinese_in_msgid() -> None:
    refresh, data = load(FIXTURES / "zh_to_en.po")
    assert refresh.forms == (Form("刷新", "zh"), Form("refresh", "en"))
    assert refresh.note == "Translators: the button that reloads a leaderboard"
    assert data.forms == (Form("数据", "zh"), Form("data", "en"))  # from msgstr[0]


def test_declared_charset_is_honoured() -> None:
    (refresh,) = load(FIXTURES / "gb18030.po")
    assert refresh.forms == (
        Form("刷新", "zh"),
        Form("refresh", "en"),
        Form("brush", "en", Status.FORBIDDEN),
    )


def test_writer_output_is_a_plain_compendium(tmp_path: Path) -> None:
    dump(full_glossary(), tmp_path / "out.po")
    catalog = polib.pofile(str(tmp_path / "out.po"))
    assert catalog.metadata["Language"] == "zh"
    pairs = [(e.msgid, e.msgstr) for e in catalog]
    assert pairs[:3] == [("refresh", "刷新"), ("Tongyi Lab", "通义实验室"), ("Qwen", "Qwen")]
    assert pairs[4] == ("账号", "账号")  # a zh-only concept: msgid falls back to zh
    model = catalog[5]
    assert model.comment == 'glosscheck: {"domain": "机器学习", "pos": "noun"}'


def test_writer_needs_no_comment_for_a_plain_pair(tmp_path: Path) -> None:
    dump(Glossary([Concept((Form("刷新", "zh"), Form("refresh", "en")))]), tmp_path / "out.po")
    (entry,) = polib.pofile(str(tmp_path / "out.po"))
    assert (entry.msgid, entry.msgstr, entry.comment) == ("refresh", "刷新", "")


def test_long_comment_is_not_wrapped(tmp_path: Path) -> None:
    note = "a long note " * 20
    glossary = Glossary([Concept((Form("刷新", "zh"), Form("refresh", "en")), note=note.strip())])
    dump(glossary, tmp_path / "out.po")
    comment_lines = [
        line for line in (tmp_path / "out.po").read_text(encoding="utf-8").splitlines()
        if line.startswith("#.")
    ]  # fmt: skip
    assert len(comment_lines) == 1
    assert load(tmp_path / "out.po").concepts == glossary.concepts


def test_repeated_msgid_gets_a_context(tmp_path: Path) -> None:
    glossary = Glossary(
        [
            Concept((Form("银行", "zh"), Form("bank", "en")), domain="finance"),
            Concept((Form("河岸", "zh"), Form("bank", "en")), domain="geography"),
        ]
    )
    dump(glossary, tmp_path / "out.po")
    first, second = polib.pofile(str(tmp_path / "out.po"))
    assert not first.msgctxt
    assert second.msgctxt == "glosscheck-2"
    assert load(tmp_path / "out.po").concepts == glossary.concepts
