"""T101–T105: true positives and the traps around them."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from checker import Config, Finding, Segment, check
from tests.checker.rules.conftest import Run, segment


class TestTermMissing:
    def test_reports_the_source_term_and_expected_forms(self, run: Run) -> None:
        (f,) = run("T101", segment("智能体可以调用工具。", "Intelligent bodies can call tools."))
        assert (f.rule, f.name, str(f.severity)) == ("T101", "term-missing", "error")
        assert f.term is not None
        assert (f.term.source, f.term.expected, f.term.found) == ("智能体", ("agent",), None)
        assert (f.path, f.line) == ("t.po", 7)

    def test_admitted_form_and_inflection_satisfy_it(self, run: Run) -> None:
        assert run("T101", segment("刷新了纪录", "updated the record")) == []
        assert run("T101", segment("智能体们", "the agents")) == []

    def test_en_to_zh_direction(self, run: Run) -> None:
        assert run("T101", segment("Save the database", "保存数据库", "en-zh")) == []
        (f,) = run("T101", segment("Save the database", "存储数据库", "en-zh"))
        assert f.term is not None and f.term.source == "Save"

    def test_english_derivatives_render_a_chinese_word(self, run: Run) -> None:
        # Chinese keeps one word for verb and noun: 确认 is confirm and confirmation.
        assert run("T101", segment("密码确认", "Password confirmation")) == []
        assert run("T101", segment("设置密码", "Set password")) == []
        assert run("T101", segment("你尚未保存变更。", "You have unsaved changes.")) == []
        assert run("T101", segment("超级用户", "superuser")) == []  # a compound
        # ... unless the compound is a glossary term of its own
        (f,) = run("T101", segment("用户名已被用户使用", "The username is taken by a consumer"))
        assert f.term is not None and f.term.source == "用户"
        (f,) = run("T101", segment("密码确认", "Password check"))
        assert f.term is not None and f.term.source == "确认"

    def test_a_noun_term_used_as_a_verb_is_not_the_term(self, run: Run) -> None:
        assert run("T101", segment("Please file a bug report", "请提交错误报告", "en-zh")) == []
        assert run("T101", segment("by setting a password", "通过设定密码", "en-zh")) == []
        assert run("T101", segment("请设置密码", "Choose a password")) == []  # 请 + verb
        assert run("T101", segment("密码已设置了", "The password is chosen")) == []
        (f,) = run("T101", segment("文件于昨日删除", "Deleted yesterday"))  # 于: still a noun
        assert f.term is not None and f.term.source == "文件"
        (f,) = run("T101", segment("设置页面", "Options page"))
        assert f.term is not None and f.term.source == "设置"
        (f,) = run("T101", segment("Open a file", "打开一个资料", "en-zh"))
        assert f.term is not None and f.term.source == "file"

    def test_a_placeholder_name_is_not_a_rendering(self, run: Run) -> None:
        (f,) = run("T101", segment("Save %(save_id)s", "储存 %(save_id)s", "en-zh"))
        assert f.term is not None and f.term.source == "Save"

    def test_term_inside_a_placeholder_is_not_a_term(self, run: Run) -> None:
        assert run("T101", segment("Hello %(username)s", "你好 %(username)s", "en-zh")) == []
        assert run("T101", segment("Hello {username}", "你好 {username}", "en-zh")) == []

    def test_shorter_term_inside_a_longer_word_is_not_expected(self, run: Run) -> None:
        # 数据 inside 数据库 must not demand "data" in the target.
        assert run("T101", segment("连接数据库", "Connect to the database")) == []

    def test_empty_copied_and_fuzzy_targets_are_left_to_u101(self, run: Run) -> None:
        assert run("T101", segment("智能体", "")) == []
        assert run("T101", segment("智能体", "智能体")) == []
        assert run("T101", segment("智能体", "bodies", flags=frozenset({"fuzzy"}))) == []

    def test_forbidden_rendering_is_left_to_t102(self, run: Run) -> None:
        assert run("T101", segment("通义实验室发布", "Tongyi Laboratory released")) == []

    def test_inline_suppression(self, run: Run) -> None:
        s = segment("智能体", "bodies", suppressed=frozenset({"T101"}))
        assert run("T101", s) == []
        s = segment("智能体", "bodies", suppressed=frozenset({"term-missing"}))
        assert run("T101", s) == []


class TestTermForbidden:
    def test_forbidden_form_where_the_source_term_occurs(self, run: Run) -> None:
        (f,) = run(
            "T102", segment("通义实验室发布了新模型。", "Tongyi Laboratory released a model.")
        )
        assert f.suggestion == "Tongyi Lab" and f.fixable
        assert (f.column, f.end_column) == (1, 18)
        assert f.term is not None and f.term.found == "Tongyi Laboratory"

    def test_not_without_the_source_term(self, run: Run) -> None:
        assert run("T102", segment("他在画画。", "He used a brush.")) == []

    def test_anywhere_in_target_only_text(self, run: Run) -> None:
        s = segment("", "Press brush to reload.", target_only=True)
        (f,) = run("T102", s)
        assert f.suggestion == "refresh"


HOMOGRAPHS = """zh\ten
确认\tconfirm
确保|确认\tensure|make sure
删除\tdelete
移除|删除\tremove
"""


@pytest.fixture
def homographs(tmp_path: Path) -> glossary.Glossary:
    path = tmp_path / "homographs.tsv"
    path.write_text(HOMOGRAPHS, encoding="utf-8")
    return glossary.load(path)


def _findings(code: str, terms: glossary.Glossary, *segments: Segment) -> list[Finding]:
    return check(segments, glossary=terms, config=Config(select=(code,))).findings


class TestHomographs:
    """A source form that two concepts share (确认 = confirm, and 确认 = ensure)."""

    def test_one_sense_rendered_is_enough(self, homographs: glossary.Glossary) -> None:
        for target in ("Confirm the password", "Ensure there are no more than 3 digits"):
            assert _findings("T101", homographs, segment("确认密码", target)) == []
        # a derivative of one sense's form counts too
        assert _findings("T101", homographs, segment("密码确认", "Password confirmation")) == []
        assert _findings("T101", homographs, segment("删除", "Deletion")) == []

    def test_no_sense_rendered_is_one_finding_naming_all(
        self, homographs: glossary.Glossary
    ) -> None:
        (f,) = _findings(
            "T101", homographs, segment("你确认想要删除吗？", "Are you sure? Delete it?")
        )
        assert f.term is not None
        assert (f.term.source, f.term.expected) == ("确认", ("confirm", "ensure", "make sure"))

    def test_each_sense_is_counted_apart_for_consistency(
        self, homographs: glossary.Glossary
    ) -> None:
        segs = [
            segment("删除", "Delete", key="1"),
            segment("删除", "Delete", key="2"),
            segment("删除排序", "Remove from sorting", key="3"),
        ]
        assert _findings("T103", homographs, *segs) == []


class TestTermInconsistent:
    def test_minority_rendering_is_reported_with_counts(self, run: Run) -> None:
        segs = [
            segment("刷新页面", "Refresh the page", key="1"),
            segment("刷新列表", "Refresh the list", key="2"),
            segment("刷新纪录", "Update the record", key="3"),
        ]
        (f,) = run("T103", *segs)
        assert f.target == "Update the record"
        assert '"refresh" 2×' in f.message and '"update" 1×' in f.message
        assert f.suggestion == "refresh"

    def test_one_rendering_throughout_is_consistent(self, run: Run) -> None:
        segs = [segment("刷新页面", "Refresh the page"), segment("刷新列表", "refreshing the list")]
        assert run("T103", *segs) == []

    def test_one_term_is_one_source_form(self, run: Run) -> None:
        segs = [
            segment("Open the app", "打开应用", "en-zh", key="1"),
            segment("Open the application", "打开应用程序", "en-zh", key="2"),
        ]
        assert run("T103", *segs) == []
        segs.append(segment("Close the apps", "关闭应用程序", "en-zh", key="3"))
        (f,) = run("T103", *segs)  # a tie: the preferred form is the majority
        assert f.key == "1" and '"应用程序" 1×' in f.message

    def test_spellings_and_parts_of_speech_of_one_word_are_one_rendering(self, run: Run) -> None:
        segs = [
            segment("设置已保存", "Settings saved", key="1"),
            segment("修改设置", "Change the setting", key="2"),
            segment("用户名", "User name", key="3"),
            segment("新用户名", "New username", key="4"),
        ]
        assert run("T103", *segs) == []

    def test_a_clipped_word_is_the_same_rendering(self, tmp_path: Path) -> None:
        path = tmp_path / "g.tsv"
        path.write_text("zh\ten\n管理\tadministration|admin\n网站\twebsite|site\n", "utf-8")
        terms = glossary.load(path)
        segs = [
            segment("站点管理", "Site administration", key="1"),
            segment("管理文档", "Admin documentation", key="2"),
            segment("本网站", "this web site", key="3"),
            segment("网站名称", "Site name", key="4"),
        ]
        assert _findings("T103", terms, *segs) == []


class TestTermCase:
    def test_wrong_case_of_a_case_sensitive_name(self, run: Run) -> None:
        (f,) = run("T104", segment("Qwen 模型", "the qwen model"))
        assert f.suggestion == "Qwen" and (f.column, f.end_column) == (5, 9)

    def test_an_acronym_is_not_a_miscased_plural(self, run: Run) -> None:
        assert run("T104", segment("使用 HTTPS 连接", "Connect over HTTPS", "zh-en")) == []
        (f,) = run("T104", segment("使用 HTTP 连接", "Connect over http", "zh-en"))
        assert f.suggestion == "HTTP"

    def test_right_case_and_case_insensitive_terms_pass(self, run: Run) -> None:
        assert run("T104", segment("Qwen 模型", "the Qwen model")) == []
        assert run("T104", segment("刷新", "REFRESH")) == []

    def test_target_only_checks_dnt_names(self, run: Run) -> None:
        (f,) = run("T104", segment("", "Push to Github.", target_only=True))
        assert f.suggestion == "GitHub"


class TestTermDnt:
    def test_dnt_name_missing_from_target(self, run: Run) -> None:
        (f,) = run("T105", segment("Qwen 刷新了纪录。", "Tongyi set a new record."))
        assert f.term is not None and f.term.expected == ("Qwen",)

    def test_dnt_name_kept_or_only_miscased(self, run: Run) -> None:
        assert run("T105", segment("Qwen 刷新了纪录。", "Qwen set a new record.")) == []
        assert run("T105", segment("Qwen 刷新了纪录。", "qwen set a new record.")) == []

    def test_dnt_in_en_to_zh(self, run: Run) -> None:
        assert run("T105", segment("Call the API", "调用 API", "en-zh")) == []
        (f,) = run("T105", segment("Call the API", "调用接口", "en-zh"))
        assert f.rule == "T105"


class TestChineseTargets:
    def test_rendering_inside_a_longer_chinese_word_counts(self, run: Run) -> None:
        # jieba reads 数据库表 as one word; 数据库 is still the rendering of "database".
        assert run("T101", segment("Open the database table", "打开数据库表", "en-zh")) == []


class TestTermForbiddenAmbiguous:
    def test_a_form_forbidden_by_two_disagreeing_concepts_is_not_fixable(self) -> None:
        from checker import Config, check
        from glossary.model import Concept, Form, Glossary, Status

        def concept(zh: str, en: str) -> Concept:
            return Concept((Form(zh, "zh"), Form(en, "en"), Form("stuff", "en", Status.FORBIDDEN)))

        terms = Glossary([concept("材料", "material"), concept("东西", "thing")])
        report = check(
            [segment("材料和东西", "stuff and stuff")],
            glossary=terms,
            config=Config(select=("T102",)),
        )
        assert len(report.findings) == 2  # one per span
        assert all(f.suggestion is None and not f.fixable for f in report.findings)
        assert '"material" or "thing"' in report.findings[0].message


class TestTermForbiddenFix:
    def test_exact_forbidden_form_gets_a_fix_an_inflected_one_only_a_suggestion(
        self, run: Run
    ) -> None:
        (exact,) = run("T102", segment("", "Press brush now.", target_only=True))
        assert exact.fix is not None and exact.fix.replacement == "refresh"
        (inflected,) = run("T102", segment("", "It brushes the page.", target_only=True))
        assert inflected.fix is None and inflected.suggestion == "refresh"
