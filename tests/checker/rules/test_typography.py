"""P101–P105: punctuation width, Han–Latin spacing, script mix, final punctuation."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import glossary
from checker import Config, Finding, Segment, check
from glossary.errors import GlosscheckError
from tests.checker.rules.conftest import Run, segment

CORPORA = Path(__file__).resolve().parents[3] / "corpora"


def fixed(finding_list: list[Finding], target: str) -> str:
    """The target with every finding's fix applied (right to left, none overlapping)."""
    fixes = sorted((f.fix for f in finding_list if f.fix), key=lambda fix: fix.start)
    assert len(fixes) == len(finding_list)
    for a, b in itertools.pairwise(fixes):
        assert a.end <= b.start
    for fix in reversed(fixes):
        target = target[: fix.start] + fix.replacement + target[fix.end :]
    return target


def flagged(f: Finding) -> str:
    return f.target[f.column - 1 : f.end_column - 1]  # one-line targets anchored at column 1


class TestHalfwidthPunctuation:
    def test_ascii_marks_after_chinese_are_fixed_to_full_width(self, run: Run) -> None:
        target = "请输入正确的用户名和密码. 注意(区分大小写)!"
        s = segment("Enter the username and password. Note (case-sensitive)!", target, "en-zh")
        findings = run("P101", s)
        assert [flagged(f) for f in findings] == [".", "(", ")", "!"]
        assert {str(f.severity) for f in findings} == {"warning"}
        assert '"。"' in findings[0].message and all(f.fixable for f in findings)
        result = fixed(findings, target)
        assert result == "请输入正确的用户名和密码。注意（区分大小写）！"
        assert run("P101", segment(s.source, result, "en-zh")) == []

    @pytest.mark.parametrize(
        "target",
        [
            "使用 Hello, world. 示例",
            "圆周率是 3.14，共 1,000 个，时间 10:30。",
            "开始输入以筛选...",
            "显卡 (GPU) 很快：)",
            "运行 `a, b = 1, 2` 后，访问 https://example.com/a?b=1。",
            "欢迎，%(name)s！请查看 report.pdf。",
        ],
    )
    def test_traps_are_not_flagged(self, run: Run, target: str) -> None:
        assert run("P101", segment("Source text.", target, "en-zh")) == []

    def test_parentheses_can_be_left_to_the_house_style(self, run: Run) -> None:
        s = segment(
            "Foreign key (type determined by related field)", "外键(由相关字段确定)", "en-zh"
        )
        assert len(run("P101", s)) == 2
        assert run("P101", s, options={"P101": {"parentheses": False}}) == []

    def test_a_separator_copied_from_the_source_stays(self, run: Run) -> None:
        assert run("P101", segment("yes,no,maybe", "是,否,也许", "en-zh")) == []
        only = segment("", "是,否,也许", "en-zh", target_only=True)
        assert len(run("P101", only)) == 2  # without a source, a comma after Han is Chinese

    def test_only_chinese_targets_that_are_translations(self, run: Run) -> None:
        assert run("P101", segment("中文。", "Chinese (text).")) == []
        assert run("P101", segment("Save.", "保存.", "en-zh", flags=frozenset({"fuzzy"}))) == []
        assert run("P101", segment("Save.", "", "en-zh")) == []
        assert run("P101", segment("保存.", "保存.", "en-zh")) == []


class TestFullwidthPunctuation:
    def test_chinese_marks_in_english_are_fixed_with_english_spacing(self, run: Run) -> None:
        target = "Save the settings，then quit（now）。"
        findings = run("P102", segment("保存设置，然后退出（现在）。", target))
        assert [flagged(f) for f in findings] == ["，", "（", "）", "。"]
        assert {str(f.severity) for f in findings} == {"warning"}
        result = fixed(findings, target)
        assert result == "Save the settings, then quit (now)."
        assert run("P102", segment("保存设置，然后退出（现在）。", result)) == []

    def test_curly_quotes_are_english(self, run: Run) -> None:
        assert run("P102", segment("点击“保存”。", "Click “Save” and ‘Done’…")) == []

    def test_a_chinese_leftover_is_u102s_not_p102s(self, run: Run) -> None:
        s = segment("旨在刷新纪录，成绩很好。", "aimed at 刷新纪录，with good results.")
        assert run("P102", s) == []
        assert len(run("U102", s)) == 1

    def test_target_only_chinese_paragraph_in_english_file(self, run: Run) -> None:
        s = segment("", "业内人士指出，这类合作能否持续。", target_only=True)
        assert run("P102", s) == []

    def test_only_english_targets(self, run: Run) -> None:
        assert run("P102", segment("Save, then quit.", "保存，然后退出。", "en-zh")) == []


class TestCjkSpacing:
    def test_off_by_default(self, terms: glossary.Glossary) -> None:
        report = check([segment("Use the GPU", "使用GPU", "en-zh")], glossary=terms)
        assert "P103" not in {f.rule for f in report.findings}

    def test_space_style_inserts_a_space(self, run: Run) -> None:
        target = "使用GPU加速第1章"
        findings = run("P103", segment("Use the GPU", target, "en-zh"))
        assert len(findings) == 4 and {str(f.severity) for f in findings} == {"info"}
        assert findings[0].suggestion == "用 G"
        assert fixed(findings, target) == "使用 GPU 加速第 1 章"

    def test_nospace_style_removes_the_space(self, run: Run) -> None:
        target = "使用 GPU 加速，见 `a b`"
        options = {"P103": {"style": "nospace"}}
        findings = run("P103", segment("Use the GPU", target, "en-zh"), options=options)
        assert fixed(findings, target) == "使用GPU加速，见 `a b`"

    def test_an_unknown_style_is_a_configuration_error(self, run: Run) -> None:
        with pytest.raises(GlosscheckError, match="nospace"):
            run("P103", segment("a", "中", "en-zh"), options={"P103": {"style": "tight"}})


class TestScriptMix:
    def test_traditional_characters_in_a_simplified_catalog(self, run: Run) -> None:
        target = "请输入有效的電子郵件地址"
        s = segment("Enter a valid email address", target, "en-zh", target_locale="zh_CN")
        (f,) = run("P104", s)
        assert str(f.severity) == "warning" and not f.fixable
        assert "Traditional" in f.message and "Simplified" in f.message and "zh_CN" in f.message
        assert "電→电" in f.message and "郵→邮" in f.message
        assert flagged(f) == "電子郵"

    @pytest.mark.parametrize(("locale", "rendering"), [("zh_TW", "说→說"), ("zh-HK", "说→説")])
    def test_simplified_characters_in_a_traditional_catalog(
        self, run: Run, locale: str, rendering: str
    ) -> None:
        (f,) = run("P104", segment("Notes", "說明和说明", "en-zh", target_locale=locale))
        assert "Simplified characters in a Traditional" in f.message and rendering in f.message

    def test_traditional_catalog_in_traditional_characters(self, run: Run) -> None:
        target = "台灣的軟體開發者喜歡吃麵，群組裡的人都說這個程式很好用。"
        assert run("P104", segment("x", target, "en-zh", target_locale="zh_TW")) == []

    def test_without_a_locale_only_a_mix_counts(self, run: Run) -> None:
        assert run("P104", segment("x", "這個程式很好用", "en-zh")) == []
        (f,) = run("P104", segment("x", "这个程序很好用，請保存", "en-zh"))
        assert "Traditional characters mixed into Simplified text: 請→请" in f.message
        (tie,) = run("P104", segment("x", "這个", "en-zh"))
        assert tie.message == "Simplified and Traditional characters mixed: 這→这, 个→個"

    def test_glossary_terms_are_written_as_the_glossary_says(self) -> None:
        s = segment("Huawei Ascend chips", "华为昇腾芯片", "en-zh", target_locale="zh_CN")
        report = check([s], glossary=glossary.load_default(), config=Config(select=("P104",)))
        assert report.findings == []

    def test_english_targets_and_code_are_not_concerned(self, run: Run) -> None:
        assert run("P104", segment("這個", "This", target_locale="en")) == []
        s = segment("Run it", "运行 `這個` 程序", "en-zh", target_locale="zh_CN")
        assert run("P104", s) == []

    def test_the_django_catalogs_are_simplified(self) -> None:
        report = check([CORPORA / "django"], config=Config(select=("P104",)))
        assert report.segments > 800 and report.findings == []


class TestEndPunctuation:
    @pytest.mark.parametrize(
        ("source", "target", "direction"),
        [
            ("你确定吗？", "Are you sure?", "zh-en"),
            ("Enter a valid value.", "输入一个有效的值。", "en-zh"),
            ("Enter a valid value.", "输入一个有效的值.", "en-zh"),  # width is P101's
            ("Loading...", "加载中……", "en-zh"),
            ("Choose:", "请选择：", "en-zh"),
            ("Save", "保存", "en-zh"),
            ("Click “Save.”", "点击“保存。”", "en-zh"),
            ("Click <b>here</b>.", "点击<b>这里</b>。\n", "en-zh"),
            ("Jan.", "一月", "en-zh"),  # an abbreviation's full stop
            ("6 a.m.", "上午6点", "en-zh"),
            ("Model: %(name)s", "模型：%(name)s", "en-zh"),
        ],
    )
    def test_matching_ends(self, run: Run, source: str, target: str, direction: str) -> None:
        assert run("P105", segment(source, target, direction)) == []

    def test_a_question_turned_into_a_statement(self, run: Run) -> None:
        (f,) = run("P105", segment("你确定要删除吗？", "Are you sure you want to delete it."))
        assert str(f.severity) == "warning"
        assert "question mark" in f.message and "full stop" in f.message
        assert flagged(f) == "." and f.suggestion == "?"

    def test_a_missing_final_mark_points_where_it_belongs(self, run: Run) -> None:
        (f,) = run("P105", segment("No action selected.", "未选择动作", "en-zh"))
        assert "the translation does not" in f.message and f.suggestion == "。"
        assert (f.column, f.end_column) == (6, 6)

    def test_an_added_final_mark(self, run: Run) -> None:
        (f,) = run("P105", segment("Password reset sent", "密码重置链接已经发送。", "en-zh"))
        assert "the source does not" in f.message and flagged(f) == "。"

    def test_needs_a_source_and_a_translation(self, run: Run) -> None:
        assert run("P105", segment("", "保存。", "en-zh", target_only=True)) == []
        assert run("P105", segment("Save.", "", "en-zh")) == []
        assert run("P105", segment("Save?", "保存", "en-zh", flags=frozenset({"fuzzy"}))) == []


def test_the_sample_articles_have_no_typography_finding() -> None:
    report = check([CORPORA / "articles"], config=Config(select=("P", "L"), ignore=("P103",)))
    assert report.segments == 39 and report.findings == []


def test_target_only_articles_have_no_typography_finding() -> None:
    paths = sorted((CORPORA / "articles").glob("*.en.md"))
    report = check(paths, config=Config(select=("P", "L"), target_only=True))
    assert report.findings == []


def test_rules_run_on_ready_made_segments() -> None:
    s = Segment("Save.", "保存.", "en", "zh", "x.po", 3, target_locale="zh_CN")
    report = check([s], config=Config(select=("P101",)))
    assert [(f.line, f.column, f.rule) for f in report.findings] == [(3, 3, "P101")]
