"""XLIFF 1.2 and 2.x: versions, languages, states, skipped units, inline codes, positions.

Lines and columns below were counted by hand against fixtures/xliff/.
"""

from __future__ import annotations

import pytest

import checker
from checker.finding import Severity
from checker.readers import Job, ReadOptions, read
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers.contract import ReaderContract, fixture
from tests.checker.readers.test_tmx import XML_ESCAPES


def read_xliff(name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read(Job("xliff", fixture(name)), options or ReadOptions()))


def by_key(name: str, options: ReadOptions | None = None) -> dict[str, Segment]:
    return {segment.key: segment for segment in read_xliff(name, options)}


class TestXliff12Contract(ReaderContract):
    reader = "xliff"
    fixture = "xliff/app-1.2.xlf"
    escapes = XML_ESCAPES


class TestXliff20Contract(ReaderContract):
    reader = "xliff"
    fixture = "xliff/news-2.0.xlf"
    escapes = XML_ESCAPES


def test_xliff_1_2_units_with_inline_codes() -> None:
    segments = read_xliff("xliff/app-1.2.xlf")
    assert [(s.key, s.line, s.source, s.target) for s in segments] == [
        ("refresh", 10, "Refresh the page", "刷新页面"),
        (
            "save",
            15,
            'Click <g id="1" ctype="bold">Save</g> to keep & close.<x id="2" ctype="lb"/>',
            '点击<g id="1" ctype="bold">保存</g>以保留并关闭。<x id="2" ctype="lb"/>',
        ),
        ("welcome", 19, "Hello, {name}! Welcome to Qwen.", "你好，{name}！欢迎使用 Qwen。"),
        (
            "docs-link",
            23,
            'Read the <a href="/docs">documentation</a>.',
            '阅读<a href="/docs">文档</a>。',
        ),
        ("delete-account", 26, "Delete account", ""),
        ("sign-out", 35, "Sign out", ""),
        ("settings", 45, "Settings", "设置"),  # not the <alt-trans> target
    ]
    assert {(s.source_lang, s.target_lang, s.target_locale) for s in segments} == {
        ("en", "zh", "zh-CN")
    }


def test_xliff_1_2_states_flags_and_meta() -> None:
    segments = by_key("xliff/app-1.2.xlf")
    assert segments["save"].fuzzy  # needs-review-translation
    assert not segments["settings"].fuzzy  # signed-off
    assert dict(segments["refresh"].meta) == {
        "file": "settings.html",
        "resname": "toolbar.refresh",
        "note": "Toolbar button.",
        "state": "translated",
    }
    assert segments["sign-out"].meta["state"] == "needs-translation"
    assert "brand" not in segments and "licence" not in segments  # translate="no", own or group's


def test_missing_target_is_empty_and_located_at_the_source() -> None:
    missing = by_key("xliff/app-1.2.xlf")["delete-account"]
    assert (missing.target, missing.line, missing.locate(0)) == ("", 26, (26, 9))
    assert missing.meta["note"] == "Not translated yet: no target."
    unit = by_key("xliff/news-2.0.xlf")["u6"]
    assert (unit.target, unit.line, unit.locate(0)) == ("", 58, (58, 9))


def test_an_untranslated_state_empties_the_target_where_its_text_starts() -> None:
    draft = by_key("xliff/app-1.2.xlf")["sign-out"]  # state="needs-translation"
    assert (draft.target, draft.locate(0)) == ("", (35, 43))
    initial = by_key("xliff/news-2.0.xlf")["u3"]  # state="initial"
    assert (initial.target, initial.locate(0), initial.meta["state"]) == ("", (35, 17), "initial")


def test_columns_in_xliff_1_2_skip_native_code_tags() -> None:
    link = by_key("xliff/app-1.2.xlf")["docs-link"]
    assert link.locate(0) == (23, 17)  # after "        <target>"
    assert link.locate(2) == (23, 31)  # "<" of '<a href…>' is the "&" of "&lt;"
    assert link.locate(link.target.index("文档")) == (23, 59)


def test_xliff_2_segments_units_and_inline_codes() -> None:
    segments = read_xliff("xliff/news-2.0.xlf")
    assert [(s.key, s.line, s.target) for s in segments] == [
        ("u1", 11, "Tongyi Laboratory released a new generation of large models."),
        (
            "u2#s1",
            22,
            'The model set new records on <pc id="1" dataRefStart="d1" dataRefEnd="d2">'
            "several benchmarks</pc>.",
        ),
        ("u2#s2", 29, 'The launch was held in Hangzhou.<ph id="2" dataRef="d3"/>'),
        ("u3", 35, ""),
        ("u4", 47, 'The research team <sc id="3"/>released<ec startRef="3"/> the model weights.'),
        ("u6", 58, ""),
    ]
    assert {(s.source_lang, s.target_lang, s.target_locale) for s in segments} == {
        ("zh", "en", "en-US")
    }
    assert segments[4].source == '研究团队<sc id="3"/>公开了<ec startRef="3"/>模型权重。'


def test_xliff_2_notes_names_and_states_in_meta() -> None:
    segments = by_key("xliff/news-2.0.xlf")
    assert dict(segments["u1"].meta) == {
        "file": "f1",
        "name": "headline",
        "note": "Headline of a wire report.",
        "state": "translated",
    }
    assert "state" not in segments["u4"].meta
    assert not any(s.fuzzy for s in segments.values())


def test_version_from_the_namespace_and_prefixed_elements() -> None:
    segments = read_xliff("xliff/prefixed-1.2.xliff")
    assert [(s.key, s.source, s.target, s.fuzzy) for s in segments] == [
        ("open", "Open <x:g id='1'>file</x:g>", "打开<x:g id='1'>文件</x:g>", True),
    ]


def test_options_override_the_declared_languages() -> None:
    segments = read_xliff("xml-malformed/french-german.xlf", ReadOptions(target_lang="zh"))
    assert [(s.source_lang, s.target_lang, s.target) for s in segments] == [("en", "zh", "Öffnen")]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("xml-malformed/version-3.xlf", 2, "unsupported XLIFF version '3.0'"),
        ("xml-malformed/html.tmx", 2, "not an XLIFF file: the root element is <html>"),
        ("xml-malformed/french-german.xlf", 3, "language 'fr-FR' is neither Chinese nor English"),
        ("xml-malformed/no-source.xlf", 5, "<segment> without <source>"),
        ("xml-malformed/truncated.xlf", 9, "not well-formed XML: no element found"),
        ("xml-malformed/deep.xlf", 7, "elements nested more than 64 deep in one <trans-unit>"),
    ],
)
def test_malformed_files_are_errors_naming_the_line(name: str, line: int, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        read_xliff(name)
    assert (raised.value.path, raised.value.line) == (fixture(name), line)


def test_check_reports_untranslated_units_and_forbidden_terms_at_their_lines() -> None:
    report = checker.check([fixture("xliff/app-1.2.xlf")])
    assert report.errors == []
    untranslated = [(f.line, f.column, f.severity) for f in report.findings if f.rule == "U101"]
    assert untranslated == [
        (15, 50, Severity.INFO),  # needs-review-translation: fuzzy
        (26, 9, Severity.WARNING),  # no <target>: at the <source>
        (35, 43, Severity.WARNING),  # needs-translation
    ]
    news = checker.check([fixture("xliff/news-2.0.xlf")])
    forbidden = [(f.line, f.column, f.end_column) for f in news.findings if f.rule == "T102"]
    assert forbidden == [(11, 17, 34)]  # "Tongyi Laboratory" for 通义实验室
