"""F101, F102 and F104: placeholders, markup and addresses that must survive translation."""

from __future__ import annotations

from pathlib import Path

import checker
from checker import Config, Finding
from tests.checker.rules.conftest import Run, segment

FIXTURES = Path(__file__).parent / "fixtures"
PY = frozenset({"python-format"})
BRACE = frozenset({"python-brace-format"})


def flagged(f: Finding) -> str:
    """The text a finding points at (one-line targets)."""
    return f.target[f.column - 1 : f.end_column - 1]


class TestPlaceholderMismatch:
    def test_changed_placeholder_is_one_error_at_the_new_one(self, run: Run) -> None:
        (f,) = run("F101", segment("Delete %(name)s?", "删除 %(nmae)s？", "en-zh", flags=PY))
        assert str(f.severity) == "error" and flagged(f) == "%(nmae)s"
        assert f.message == 'placeholder "%(name)s" changed to "%(nmae)s"'

    def test_missing_and_extra(self, run: Run) -> None:
        (missing,) = run("F101", segment("Hello %(name)s!", "你好！", "en-zh", flags=PY))
        assert "%(name)s" in missing.message and "missing" in missing.message
        assert (missing.column, missing.end_column) == (1, 4)  # the whole target
        (extra,) = run("F101", segment("Hello!", "你好，%(name)s！", "en-zh"))
        assert flagged(extra) == "%(name)s" and "not in the source" in extra.message

    def test_several_differences_are_reported_one_by_one(self, run: Run) -> None:
        found = run("F101", segment("%(a)s and %(b)s", "%(c)s 和 %(d)s", "en-zh", flags=PY))
        assert sorted(f.message.split('"')[1] for f in found) == [
            "%(a)s",
            "%(b)s",
            "%(c)s",
            "%(d)s",
        ]

    def test_reordered_and_repeated_named_placeholders_are_fine(self, run: Run) -> None:
        cases = [
            ("%(count)s of %(total)s", "%(total)s 中的 %(count)s", PY),
            ("Changed {fields} for {name}.", "已修改 {name} 的 {fields}。", BRACE),
            # corpora/django/conf/zh_Hans/django.po:833 says the name twice
            (
                "duplicate %(field_name)s in %(date_field)s",
                "%(field_name)s：%(date_field)s 中的 %(field_name)s 重复",
                PY,
            ),
            ("%s has %d", "%2$d 个在 %1$s", frozenset({"c-format"})),
        ]
        for source, target, flags in cases:
            assert run("F101", segment(source, target, "en-zh", flags=flags)) == [], target

    def test_positional_placeholders_must_keep_order_and_count(self, run: Run) -> None:
        c = frozenset({"c-format"})
        (swapped,) = run("F101", segment("%s has %d files", "%d 个文件在 %s", "en-zh", flags=c))
        assert "change order (%s, %d → %d, %s)" in swapped.message
        (dropped,) = run("F101", segment("%s of %s", "%s", "en-zh", flags=c))
        assert 'placeholder "%s" is missing' in dropped.message

    def test_escaped_percent_and_stray_percent(self, run: Run) -> None:
        ok = segment("Saved 50%% of %(name)s", "已保存 %(name)s 的 50%%", "en-zh", flags=PY)
        assert run("F101", ok) == []
        (stray,) = run(
            "F101", segment("Saved 50%% of %(name)s", "已保存 %(name)s 的 50%", "en-zh", flags=PY)
        )
        assert flagged(stray) == "%" and 'write "%%"' in stray.message
        (space,) = run("F101", segment("50%% off", "50% off", "en-zh", flags=PY))
        assert flagged(space) == "% o" and "percent sign" in space.message

    def test_percent_in_prose_is_not_a_placeholder(self, run: Run) -> None:
        assert run("F101", segment("增长了 50%", "grew by 50%")) == []
        assert run("F101", segment("a 5% rise and 100%d", "增长 5%，100%")) == []

    def test_brace_escapes_and_strays(self, run: Run) -> None:
        escaped = segment(
            "Use {{name}} for {name}", "用 {{name}} 表示 {name}", "en-zh", flags=BRACE
        )
        assert run("F101", escaped) == []
        (stray,) = run("F101", segment("{name} is set", "{name} 已设置 }", "en-zh", flags=BRACE))
        assert flagged(stray) == "}" and 'write "}}"' in stray.message

    def test_flags_decide_what_a_bare_placeholder_is(self, run: Run) -> None:
        unflagged = segment("Use %s in the pattern", "在模式中使用通配符", "en-zh")
        assert len(run("F101", unflagged)) == 1  # alone, %s is a placeholder
        no_format = frozenset({"no-python-format"})
        negated = segment("Use %s in the pattern", "在模式中使用通配符", "en-zh", flags=no_format)
        assert run("F101", negated) == []
        named = segment("Hi %(name)s", "你好", "en-zh", flags=no_format)
        assert len(run("F101", named)) == 1  # dropping a name loses text whatever the flags say

    def test_placeholders_in_urls_and_code_of_prose_are_not_compared(self, run: Run) -> None:
        s = segment('See https://a.org/x%20y and `printf("%d")`', "见 https://a.org/x%20y")
        assert run("F101", s) == []

    def test_plural_form_may_use_either_msgid(self, run: Run) -> None:
        meta = {"msgid": "One result", "msgid_plural": "%(counter)s results", "plural_index": "0"}
        s = segment("One result", "%(counter)s 个结果", "en-zh", flags=PY, meta=meta)
        assert run("F101", s) == []

    def test_both_directions(self, run: Run) -> None:
        assert run("F101", segment("删除 {name}？", "Delete {name}?")) == []
        (f,) = run("F101", segment("删除 {name}？", "Delete {nom}?"))
        assert flagged(f) == "{nom}"

    def test_skips_fuzzy_empty_and_copied_targets(self, run: Run) -> None:
        fuzzy = frozenset({"fuzzy", "python-format"})
        for s in (
            segment("Hi %(name)s", "你好", "en-zh", flags=fuzzy),
            segment("Hi %(name)s", "", "en-zh", flags=PY),
            segment("Hi %(name)s", "Hi %(name)s", "en-zh", flags=PY),
        ):
            assert run("F101", s) == []

    def test_a_catalog_with_flags_from_the_file(self) -> None:
        report = checker.check([FIXTURES / "formats.po"], config=Config(select=("F101",)))
        assert [(f.line, f.column) for f in report.findings] == [(10, 12), (18, 26), (35, 9)]
        assert report.findings[2].message.startswith("placeholders bound by position")


class TestMarkupMismatch:
    def test_missing_tag(self, run: Run) -> None:
        (f,) = run("F102", segment("See the <b>notes</b>.", "参见说明</b>。", "en-zh"))
        assert str(f.severity) == "warning"
        assert f.message == 'tag "<b>" is missing from the translation'

    def test_moved_tags_and_translated_attributes_are_fine(self, run: Run) -> None:
        s = segment(
            '<a href="/x" title="Help">Help</a> for <em>you</em>',
            '为<em>你</em>提供<a href="/x" title="帮助">帮助</a>',
            "en-zh",
        )
        assert run("F102", s) == []

    def test_self_closing_void_elements_match(self, run: Run) -> None:
        assert run("F102", segment("Line<br>break", "换行<br/>")) == []

    def test_changed_tag_name(self, run: Run) -> None:
        (f,) = run("F102", segment("<strong>Note</strong>", "<b>注意</strong>", "en-zh"))
        assert f.message == 'tag "<strong>" changed to "<b>"' and flagged(f) == "<b>"

    def test_markdown_links(self, run: Run) -> None:
        assert run("F102", segment("见[指南](./guide.md)。", "See the [guide](./guide.md).")) == []
        (f,) = run("F102", segment("见[指南](./guide.md)。", "See the guide (./guide.md)."))
        assert f.message == 'link "[指南](./guide.md)" is missing from the translation'
        (g,) = run("F102", segment("见[指南](./guide.md)。", "See the [guide](./intro.md)."))
        assert "changed to" in g.message

    def test_absolute_link_urls_are_f104s(self, run: Run) -> None:
        s = segment("见[文档](https://a.org/zh)。", "See the [docs](https://a.org/en).")
        assert run("F102", s) == []

    def test_inline_code_must_be_identical(self, run: Run) -> None:
        ok = segment("运行 `pip install x`。", "Run `pip install x`.")
        assert run("F102", ok) == []
        (f,) = run("F102", segment("运行 `pip install x`。", "Run `pip install y`."))
        assert f.message == 'inline code "`pip install x`" changed to "`pip install y`"'


class TestUrlMismatch:
    def test_changed_url(self, run: Run) -> None:
        s = segment("Read https://example.com/docs.", "阅读 https://example.org/docs。", "en-zh")
        (f,) = run("F104", s)
        assert str(f.severity) == "warning" and flagged(f) == "https://example.org/docs"

    def test_equivalent_spellings_match(self, run: Run) -> None:
        cases = [
            ("Read https://Example.com/docs/.", "阅读 https://example.com/docs。"),
            ("Read https://example.com/a", "请阅读https://example.com/a了解更多"),
            ("Mail Admin@Example.com", "发邮件给admin@example.com。"),
            ('<a href="https://a.org">site</a>', '<a href="https://a.org">网站</a>'),
        ]
        for source, target in cases:
            assert run("F104", segment(source, target, "en-zh")) == [], target

    def test_missing_address(self, run: Run) -> None:
        (f,) = run("F104", segment("联系 admin@example.com。", "Contact the administrator."))
        assert f.message == 'e-mail address "admin@example.com" is missing from the translation'

    def test_localized_url_is_info(self, run: Run) -> None:
        s = segment(
            "See https://docs.djangoproject.com/en/5.2/",
            "参见 https://docs.djangoproject.com/zh-hans/5.2/",
            "en-zh",
        )
        (f,) = run("F104", s)
        assert str(f.severity) == "info" and "localized" in f.message
        inserted = segment(
            "https://docs.python.org/3/", "https://docs.python.org/zh-cn/3/", "en-zh"
        )
        assert [str(f.severity) for f in run("F104", inserted)] == ["info"]

    def test_urls_in_code_are_compared_as_code(self, run: Run) -> None:
        s = segment("运行 `curl https://a.org`", "Run `curl https://a.org`")
        assert run("F104", s) == []
