"""Marks of the wrong width and Han–Latin spacing: what is flagged, what the fixes make."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from checker.finding import Fix
from checker.widths import fullwidth_marks, halfwidth_marks, separators, spacing_faults


def apply(text: str, fixes: Sequence[Fix]) -> str:
    """Apply non-overlapping fixes, as --fix would."""
    ordered = sorted(fixes, key=lambda f: f.start)
    for a, b in itertools.pairwise(ordered):
        assert a.end <= b.start, f"overlapping fixes {a} {b}"
    for fix in reversed(ordered):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


def fix_halfwidth(text: str, source: str = "") -> str:
    return apply(text, [m.fix for m in halfwidth_marks(text, source)])


def fix_fullwidth(text: str) -> str:
    return apply(text, [m.fix for m in fullwidth_marks(text)])


class TestHalfwidthInChinese:
    @pytest.mark.parametrize(
        ("text", "fixed"),
        [
            ("输入一个有效的值.", "输入一个有效的值。"),
            ("CSRF验证失败. 请求被中断.", "CSRF验证失败。请求被中断。"),
            ("你确定吗?", "你确定吗？"),
            ("太好了!", "太好了！"),
            ("模型: %(name)s", "模型：%(name)s"),
            ("对象; 其他", "对象；其他"),
            (
                "要删除所选的 %(objects_name)s, 将要求删除",
                "要删除所选的 %(objects_name)s，将要求删除",
            ),
            ("字符 (目前 %(n)d), 然后", "字符（目前 %(n)d），然后"),
            ("大整数(8字节)", "大整数（8字节）"),
            ("**注意**: 内容", "**注意**：内容"),
            ("支持 GPU.", "支持 GPU。"),
            ("请确认.你好", "请确认。你好"),
            ("查看函数：<code>%(f)s</code>. 名字", "查看函数：<code>%(f)s</code>。名字"),
            ("  (注意) 缩进", "  （注意）缩进"),
            ("如果你使用 Django, 那么", "如果你使用 Django，那么"),
        ],
    )
    def test_marks_that_punctuate_chinese_are_fixed(self, text: str, fixed: str) -> None:
        assert fix_halfwidth(text) == fixed
        assert halfwidth_marks(fixed) == []  # fixing twice changes nothing

    @pytest.mark.parametrize(
        "text",
        [
            "使用 Hello, world. 示例",  # an English phrase keeps its punctuation
            "圆周率是 3.14，共 1,000 个，时间 10:30。",  # numbers and times
            "开始输入以筛选...",  # an ellipsis
            "谢谢:) 再见 ;-)",  # emoticons
            "1. 第一项\n2) 第二项",  # list markers
            "使用 http: 协议，或访问 https://例子.cn/a?b=1。",  # a scheme and a URL
            "显卡 (GPU) 和 (500)",  # parentheses around Latin text only
            "参见[文档](docs/a.md)和![图](a.png)",  # Markdown links and images
            "| 列 | 值 |\n|:--|--:|",  # a Markdown table
            "[文档]: https://example.org",  # a Markdown link definition
            "例如 e.g. 这个，或 6 a.m. 之前",  # abbreviations
            "文件 report.pdf 已保存到 百度.com",  # names with a dot
            "运行 `a, b = 1, 2` 后",  # code
            "在 %(class_name)s.allow_future 中",  # a dotted name of placeholders
            "调用 print(你好) 函数",  # a call
            "x&nbsp;中文",  # an HTML entity
            "Referrer-Policy: no-referrer 头",  # an English header name and value
            "无法连接 %s:%s (%s) 的主机",  # host:port
            "未匹配的 [、[^、[:、[. 或 [=",  # regular expression syntax
            "在别名中使用 '!git'",  # a shell alias
            "  -o 文件, --output=文件",  # command-line options
        ],
    )
    def test_marks_that_belong_to_something_else_stay(self, text: str) -> None:
        assert halfwidth_marks(text) == []

    def test_separators_the_source_uses_stay(self) -> None:
        assert separators("yes,no,maybe") == frozenset(",")
        assert separators("Yes, no. Time 10:30, 1,000.") == frozenset()
        assert halfwidth_marks("是,否,也许", "yes,no,maybe") == []
        assert len(halfwidth_marks("是,否,也许")) == 2
        assert halfwidth_marks("-i 跳1:跳2", "-i SKIP1:SKIP2") == []

    def test_a_colon_after_a_placeholder_as_in_the_source_stays(self) -> None:
        assert halfwidth_marks("%s: 无效的选项", "%s: invalid option") == []
        assert halfwidth_marks("f(): 失败", "f(): failed") == []
        assert len(halfwidth_marks("%s: 无效的选项", "Invalid option %s")) == 1
        assert len(halfwidth_marks("%s: 无效的选项")) == 1

    def test_parentheses_are_fixed_in_pairs(self) -> None:
        marks = halfwidth_marks("外键(由相关字段确定)")
        assert [m.fix.replacement for m in marks] == ["（", "）"]
        assert halfwidth_marks("只有左括号(没有右括号") == []

    def test_the_finding_points_at_the_mark_and_the_fix_takes_the_spaces(self) -> None:
        (mark,) = halfwidth_marks("对象 : 值")
        assert (mark.start, mark.end) == (3, 4)
        assert (mark.fix.start, mark.fix.end) == (2, 5)

    def test_trailing_spaces_and_line_breaks_are_kept(self) -> None:
        assert fix_halfwidth("第一行.  \n第二行.") == "第一行。  \n第二行。"


class TestFullwidthInEnglish:
    @pytest.mark.parametrize(
        ("text", "fixed"),
        [
            ("Save the settings，then quit。", "Save the settings, then quit."),
            ("Hello（world）and more", "Hello (world) and more"),
            ("A、B、C", "A, B, C"),
            ("time 10：30 and 1，000", "time 10:30 and 1,000"),
            ("He said「hi」。", "He said “hi”."),
            ("Wait……what——no", "Wait…what—no"),
            ("x ，（y）", "x, (y)"),
            ("end。」Next", "end.” Next"),
            ("Really？！Yes", "Really?! Yes"),
            ("Price：5＄ in total；ok", "Price: 5$ in total; ok"),
        ],
    )
    def test_chinese_marks_become_english_with_english_spacing(self, text: str, fixed: str) -> None:
        assert fix_fullwidth(text) == fixed
        assert fullwidth_marks(fixed) == []

    @pytest.mark.parametrize(
        "text",
        [
            "Use “quotes” and ‘these’ — and an ellipsis…",  # English typography
            "业内人士指出，这类合作能否持续。",  # a Chinese leftover: U102's
            "aimed at 刷新，SOTA",  # next to Han text
            "Run `a，b` or `print（1）`",  # code
            "Show the change log: 变更日志（changelog）",  # a bracket pair goes with Han text
        ],
    )
    def test_english_typography_and_chinese_leftovers_are_not_flagged(self, text: str) -> None:
        assert fullwidth_marks(text) == []


class TestSpacing:
    @pytest.mark.parametrize(
        ("text", "spaced", "unspaced"),
        [
            ("使用GPU加速", "使用 GPU 加速", "使用GPU加速"),
            ("使用 GPU 加速", "使用 GPU 加速", "使用GPU加速"),
            ("第1章和第 2 章", "第 1 章和第 2 章", "第1章和第2章"),
            ("安装 Python3后", "安装 Python3 后", "安装Python3后"),
        ],
    )
    def test_both_styles(self, text: str, spaced: str, unspaced: str) -> None:
        assert apply(text, spacing_faults(text, "space")) == spaced
        assert apply(text, spacing_faults(text, "nospace")) == unspaced
        assert spacing_faults(spaced, "space") == spacing_faults(unspaced, "nospace") == []

    @pytest.mark.parametrize("style", ["space", "nospace"])
    def test_code_placeholders_and_punctuation_are_not_concerned(self, style: str) -> None:
        assert spacing_faults("使用`code`和%(x)s，GPU。", style) == []
