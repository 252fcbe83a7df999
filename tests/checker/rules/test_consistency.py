"""C101 and C102: consistency across every segment checked together."""

from __future__ import annotations

from pathlib import Path

import glossary
from checker import Config, Finding, Segment, check
from tests.checker.rules.conftest import Run, segment


class TestInconsistentTranslation:
    def test_minority_translation_named_with_the_majority(self, run: Run) -> None:
        segs = [segment("保存", "Save"), segment("保存", "Save"), segment("保存", "Keep")]
        (f,) = run("C101", *segs)
        assert f.target == "Keep" and '"Save" 2×' in f.message and '"Keep" 1×' in f.message

    def test_spacing_and_case_do_not_count(self, run: Run) -> None:
        assert run("C101", segment("保存", "Save"), segment(" 保存", "save ")) == []

    def test_a_po_context_or_plural_form_keeps_entries_apart(self, run: Run) -> None:
        segs = [
            segment("May", "五月", "en-zh", meta={"msgctxt": "month"}),
            segment("May", "可以", "en-zh", meta={"msgctxt": "verb"}),
        ]
        assert run("C101", *segs) == []

    def test_two_locales_are_two_translations(self, run: Run) -> None:
        segs = [
            segment("Save", "保存", "en-zh", target_locale="zh_CN"),
            segment("Save", "儲存", "en-zh", target_locale="zh_TW"),
        ]
        assert run("C101", *segs) == []

    def test_english_number_case_colon_abbreviation_and_word_family_do_not_count(
        self, run: Run
    ) -> None:
        segs = [
            segment("用户", "user"),
            segment("用户", "Users:"),
            segment("星期一", "Monday"),
            segment("星期一", "Mon"),
            segment("删除", "Delete"),
            segment("删除", "Deletion"),
        ]
        assert run("C101", *segs) == []
        (f,) = run("C101", *segs, segment("删除", "Delete"), segment("删除", "Remove"))
        assert f.target == "Remove"

    def test_untranslated_and_fuzzy_entries_are_left_out(self, run: Run) -> None:
        segs = [
            segment("Save", "保存", "en-zh"),
            segment("Save", "", "en-zh"),
            segment("Save", "存", "en-zh", flags=frozenset({"fuzzy"})),
        ]
        assert run("C101", *segs) == []


class TestInconsistentSource:
    def test_different_sources_one_translation_is_info(self, run: Run) -> None:
        segs = [segment("Delete", "删除", "en-zh"), segment("Delete", "删除", "en-zh"),
                segment("Remove", "删除", "en-zh")]  # fmt: skip
        (f,) = run("C102", *segs)
        assert str(f.severity) == "info" and '"Remove" here and "Delete" elsewhere' in f.message

    def test_plural_punctuation_and_abbreviation_are_the_same_source(self, run: Run) -> None:
        segs = [
            segment("user", "用户", "en-zh"),
            segment("Users:", "用户", "en-zh"),
            segment("Monday", "星期一", "en-zh"),
            segment("Monday", "星期一", "en-zh"),
            segment("Mon", "星期一", "en-zh"),
        ]
        assert run("C102", *segs) == []


class TestWhatTheGlossaryAndWordOrderAllow:
    def test_renderings_the_glossary_allows_are_not_reported(self, tmp_path: Path) -> None:
        path = tmp_path / "g.tsv"
        path.write_text("zh\ten\n删除\tdelete\n移除|删除\tremove\n", encoding="utf-8")
        terms = glossary.load(path)
        forward = [segment("Delete", "删除", "en-zh"), segment("Delete:", "删除", "en-zh"),
                   segment("Remove", "删除", "en-zh")]  # fmt: skip
        backward = [segment("删除", "Delete"), segment("删除", "Delete"), segment("删除", "Remove")]
        assert _findings("C102", terms, *forward) == []
        assert _findings("C101", terms, *backward) == []
        # not a glossary rendering: still reported
        (f,) = _findings("C102", terms, *forward, segment("Erase", "删除", "en-zh"))
        assert '"Erase"' in f.message

    def test_the_same_english_words_in_another_order_are_one_text(self, run: Run) -> None:
        forward = [segment("Reset password", "重置密码", "en-zh"),
                   segment("Password reset", "重置密码", "en-zh")]  # fmt: skip
        assert run("C102", *forward) == []
        assert (
            run(
                "C101", segment("重置密码", "Reset password"), segment("重置密码", "Password reset")
            )
            == []
        )
        (f,) = run(
            "C101", segment("重置密码", "Reset password"), segment("重置密码", "Reset the password")
        )
        assert f.target == "Reset the password"


def _findings(code: str, terms: glossary.Glossary, *segments: Segment) -> list[Finding]:
    return check(segments, glossary=terms, config=Config(select=(code,))).findings
