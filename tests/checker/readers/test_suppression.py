"""Inline suppression comments."""

from __future__ import annotations

from checker.readers.suppression import codes_in, markup_suppressions


def test_codes_and_names_are_normalised() -> None:
    assert codes_in("glosscheck: ignore[t101, P101,Term-Missing]") == {
        "T101",
        "P101",
        "term-missing",
    }


def test_text_without_a_directive_suppresses_nothing() -> None:
    assert codes_in("ignore[T101]") == frozenset()
    assert codes_in("glosscheck: ignore[]") == frozenset()


def test_markup_comment_applies_to_the_next_line() -> None:
    lines = [
        "text",
        "<!-- glosscheck: ignore[T101] -->",
        "## Heading",
        "> <!-- glosscheck: ignore[P101] -->",
    ]
    assert markup_suppressions(lines) == {3: {"T101"}, 5: {"P101"}}


def test_a_comment_inside_prose_is_not_a_directive_line() -> None:
    assert markup_suppressions(["See <!-- glosscheck: ignore[T101] --> here"]) == {}
