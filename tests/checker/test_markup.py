"""Markup, links, inline code and addresses, and the multiset difference of tokens."""

from __future__ import annotations

from checker.markup import find_addresses, find_markup, language_neutral
from checker.tokens import Token, unmatched


def keys(tokens: list[Token]) -> list[str]:
    return [t.key for t in tokens]


class TestMarkup:
    def test_tags_by_name_and_kind(self) -> None:
        text = '<a href="/x" title="标题">x</a> <B>y</b> <br> <br/> <img src="a.png"/> <x:y/>'
        assert keys(find_markup(text)) == [
            "<a>",
            "</a>",
            "<b>",
            "</b>",
            "<br>",
            "<br>",
            "<img>",
            "<x:y/>",
        ]

    def test_markdown_links_by_destination(self) -> None:
        text = '[guide](./guide.md) ![logo](img/logo.png "Logo") [site](https://a.org) [x][Ref]'
        assert keys(find_markup(text)) == [
            "[](./guide.md)",
            "![](img/logo.png)",
            "[](URL)",
            "[][ref]",
        ]

    def test_inline_code_is_compared_as_written_and_hides_links(self) -> None:
        (code,) = find_markup("运行 `[a](b) <b>` 即可")
        assert code.kind == "code" and code.key == "`[a](b) <b>`"

    def test_comparisons_are_not_tags(self) -> None:
        assert find_markup("if a < 3 and b > 2") == []


class TestAddresses:
    def test_urls_and_emails_with_folded_keys(self) -> None:
        text = "See https://Example.COM/Docs/ or mail Admin@Example.com."
        assert keys(find_addresses(text)) == ["https://example.com/Docs", "admin@example.com"]

    def test_han_glued_to_an_address_is_not_part_of_it(self) -> None:
        text = "请访问https://example.com/a了解更多，或联系admin@example.com获取帮助"
        found = find_addresses(text)
        assert [t.text for t in found] == ["https://example.com/a", "admin@example.com"]
        assert text[found[0].start : found[0].end] == "https://example.com/a"

    def test_han_in_a_path_belongs_to_the_address(self) -> None:
        (url,) = find_addresses("见 https://zh.wikipedia.org/wiki/刷新。")
        assert url.text == "https://zh.wikipedia.org/wiki/刷新"

    def test_urls_inside_tag_attributes_and_quotes(self) -> None:
        found = find_addresses('<a href="https://a.org/x">x</a> starting with “https://b.org”')
        assert [t.text for t in found] == ["https://a.org/x", "https://b.org"]

    def test_language_marks_are_dropped(self) -> None:
        a = language_neutral("https://docs.djangoproject.com/en/5.2/ref")
        b = language_neutral("https://docs.djangoproject.com/zh-hans/5.2/ref")
        assert a == b == "https://docs.djangoproject.com/5.2/ref"
        assert language_neutral("https://docs.python.org/zh-cn/3/") == (
            language_neutral("https://docs.python.org/3/")
        )
        assert language_neutral("https://en.wikipedia.org/x?hl=en&q=1") == (
            "https://wikipedia.org/x?q=1"
        )
        assert language_neutral("https://a.org/api/v2") == "https://a.org/api/v2"


def test_unmatched_is_a_multiset_difference() -> None:
    def tokens(*items: str) -> list[Token]:
        return [Token(k, i, i + 1, k) for i, k in enumerate(items)]

    missing, extra = unmatched(tokens("a", "b", "b", "c"), tokens("c", "b", "d", "d"))
    assert keys(missing) == ["a", "b"] and keys(extra) == ["d", "d"]
    assert extra[0].start == 2  # the copies the source does not have, in target order
