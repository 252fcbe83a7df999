"""Placeholder extraction: which syntax applies under which gettext flags."""

from __future__ import annotations

import pytest

from checker.placeholders import (
    Mode,
    comparison_keys,
    find_placeholders,
    is_positional,
    modes,
    order_changed,
)

PY = frozenset({"python-format"})
BRACE = frozenset({"python-brace-format"})
C = frozenset({"c-format"})
NONE: frozenset[str] = frozenset()


def texts(text: str, flags: frozenset[str] = NONE) -> list[str]:
    return [t.text for t in find_placeholders(text, flags)]


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (set(), (Mode.LOOSE, Mode.LOOSE, Mode.OFF)),
        ({"python-format"}, (Mode.FULL, Mode.STRICT, Mode.OFF)),
        ({"c-format", "fuzzy"}, (Mode.FULL, Mode.STRICT, Mode.OFF)),
        ({"javascript-format"}, (Mode.FULL, Mode.STRICT, Mode.OFF)),
        ({"python-brace-format"}, (Mode.STRICT, Mode.FULL, Mode.OFF)),
        ({"no-python-format"}, (Mode.STRICT, Mode.LOOSE, Mode.OFF)),
        ({"no-python-brace-format"}, (Mode.LOOSE, Mode.STRICT, Mode.OFF)),
        ({"qt-format"}, (Mode.STRICT, Mode.STRICT, Mode.FULL)),
        ({"fuzzy"}, (Mode.LOOSE, Mode.LOOSE, Mode.OFF)),
    ],
)
def test_modes_follow_the_flags(flags: set[str], expected: tuple[Mode, Mode, Mode]) -> None:
    assert modes(frozenset(flags)) == expected


class TestPrintf:
    def test_python_format_grammar(self) -> None:
        text = "%(name)s has %(count)5.2f, %s, %-10d, %r and 50%% done"
        assert texts(text, PY) == ["%(name)s", "%(count)5.2f", "%s", "%-10d", "%r"]

    def test_c_format_positions_and_lengths(self) -> None:
        assert texts("%1$s %2$lld %zu %.*s", C) == ["%1$s", "%2$lld", "%zu", "%.*s"]

    def test_a_lone_percent_in_a_format_string_is_stray(self) -> None:
        (stray,) = find_placeholders("已完成 50%", PY)
        assert (stray.text, stray.kind, stray.start) == ("%", "stray", 6)
        # "% o" is a real directive (space flag, octal): Python would format it
        assert texts("50% off", PY) == ["% o"]

    def test_prose_counts_only_what_cannot_be_text(self) -> None:
        assert texts("50% off, 100%d, %done, a 5% rise") == []
        assert texts("Hello %s, %(name)s and %1$d") == ["%s", "%(name)s", "%1$d"]
        assert texts("这是可用的%s列表") == ["%s"]  # Han after %s: still alone

    def test_prose_urls_and_code_hold_no_placeholders(self) -> None:
        assert texts("see https://example.com/a%2Fb and `printf('%s')`") == []

    def test_other_kinds_flag_keeps_only_unmistakable_printf(self) -> None:
        assert texts("{name} uses %s and %(x)s", BRACE) == ["{name}", "%(x)s"]
        assert texts("Use %s here", frozenset({"no-python-format"})) == []


class TestBrace:
    def test_brace_format_grammar_and_escapes(self) -> None:
        text = "{name} {0:.2f} {obj.attr!r} {} {{literal}} {width:{fill}>10}"
        found = texts(text, BRACE)
        assert found == ["{name}", "{0:.2f}", "{obj.attr!r}", "{}", "{width:{fill}>10}"]

    def test_single_brace_in_a_brace_format_string_is_stray(self) -> None:
        found = find_placeholders("a } b", BRACE)
        assert [(t.text, t.kind) for t in found] == [("}", "stray")]

    def test_prose_braces(self) -> None:
        assert texts("Hi {name}, item {0}, {} and {a b} {x: y}") == ["{name}", "{0}"]

    def test_double_brace_templates_are_one_variable(self) -> None:
        (a,) = find_placeholders("Hello {{ user.name }}")
        (b,) = find_placeholders("你好 {{user.name}}")
        assert a.kind == b.kind == "template" and a.key == b.key


def test_qt_placeholders_only_with_their_flag() -> None:
    assert texts("%1 of %2", frozenset({"qt-format"})) == ["%1", "%2"]
    assert texts("%1 of %2") == []


class TestComparison:
    def test_numbering_in_the_target_maps_onto_plain_source_placeholders(self) -> None:
        source, target = comparison_keys(
            find_placeholders("%s has %d", C), find_placeholders("%2$d / %1$s", C)
        )
        assert sorted(t.key for t in source) == sorted(t.key for t in target)

    def test_auto_numbered_brace_fields_map_onto_numbers(self) -> None:
        source, target = comparison_keys(
            find_placeholders("{} of {}", BRACE), find_placeholders("{1} / {0}", BRACE)
        )
        assert sorted(t.key for t in source) == ["{0}", "{1}"] == sorted(t.key for t in target)

    def test_order_of_positional_placeholders(self) -> None:
        source = find_placeholders("%s has %d", C)
        assert order_changed(source, find_placeholders("%d: %s", C))
        assert not order_changed(source, find_placeholders("%s 有 %d", C))
        named = find_placeholders("%(a)s %(b)d", PY)
        assert not order_changed(named, find_placeholders("%(b)d %(a)s", PY))

    def test_positional_means_bound_by_position(self) -> None:
        kinds = {t.text: is_positional(t) for t in find_placeholders("%s %(a)s %1$d {}", PY)}
        assert kinds == {"%s": True, "%(a)s": False, "%1$d": False}
        assert [is_positional(t) for t in find_placeholders("{} {0} {x}", BRACE)] == [
            True,
            False,
            False,
        ]
