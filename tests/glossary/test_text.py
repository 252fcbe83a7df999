"""Character classes and protected spans (Han ranges: tests/checker/readers/test_script.py)."""

from __future__ import annotations

import random

import glossary.text as text_module
from glossary.text import blank_out, has_han, is_han, is_latin_word_char, mask, protected_spans


def test_the_sacrebleu_extension_b_bug_is_not_ours() -> None:
    # sacrebleu writes '\u20000', i.e. U+2000 then "0": a space and a digit are not Han.
    assert not has_han("\u2000" + "0")
    assert is_han("\U00020000")


def test_latin_word_chars_exclude_han() -> None:
    assert is_latin_word_char("a") and is_latin_word_char("é") and is_latin_word_char("_")
    assert not is_latin_word_char("中") and not is_latin_word_char("-")


def test_protected_spans_kinds_and_url_trailing_punctuation() -> None:
    text = "See https://example.com/a. Use `x` or %(name)s, {0:.2f} and <b>bold</b>; mail a@b.org"
    kinds = [(text[s.start : s.end], s.kind) for s in protected_spans(text)]
    assert kinds == [
        ("https://example.com/a", "url"),
        ("`x`", "code"),
        ("%(name)s", "placeholder"),
        ("{0:.2f}", "placeholder"),
        ("<b>", "tag"),
        ("</b>", "tag"),
        ("a@b.org", "email"),
    ]


def test_percent_in_prose_is_not_a_placeholder() -> None:
    assert protected_spans("50% of users") == ()


def test_paths_and_code_identifiers_are_protected() -> None:
    text = "例如“/about/contact/”或 flatpages/page.html；allow_empty 和 obj.get_url() 不是 x.y"
    spans = [text[s.start : s.end] for s in protected_spans(text)]
    assert spans == ["/about/contact/", "flatpages/page.html", "allow_empty", "obj.get_url()"]


def test_a_slash_between_han_words_is_not_a_path() -> None:
    assert protected_spans("刷新/refresh") == ()


def test_a_curly_quote_ends_a_url() -> None:
    text = "such as “https://example.com/a” or ‘www.x.org’"
    urls = [text[s.start : s.end] for s in protected_spans(text)]
    assert urls == ["https://example.com/a", "www.x.org"]


def test_urls_and_emails_next_to_han_text() -> None:
    text = "访问https://qwen.ai/docs。或 HTTPS://X.ORG了解，联系我们qa@example.com。https://例子.cn/刷新"
    spans = [(text[s.start : s.end], s.kind) for s in protected_spans(text)]
    assert spans == [
        ("https://qwen.ai/docs", "url"),
        ("HTTPS://X.ORG", "url"),
        ("qa@example.com", "email"),
        ("https://例子.cn/刷新", "url"),
    ]


def test_identifier_glued_to_han_text() -> None:
    text = "对象不包含get_absolute_url()方法"
    assert [text[s.start : s.end] for s in protected_spans(text)] == ["get_absolute_url()"]


def test_mask_and_blank_out_keep_offsets_whatever_the_ranges() -> None:
    text = "abcdefghij"
    assert blank_out(text, [(6, 8), (1, 3), (2, 4), (2, 3)], "#") == "a###ef##ij"
    assert blank_out(text, []) is text
    assert mask(text, ()) is text
    assert mask("see `x` here", protected_spans("see `x` here")) == "see     here"


def test_protected_spans_are_shared_and_immutable() -> None:
    text = "Use `x` or %(name)s"
    assert protected_spans(text) is protected_spans(text)
    assert isinstance(protected_spans(text), tuple)


def test_the_quick_look_for_protected_text_misses_nothing() -> None:
    # protected_spans skips texts without ` @ < % { / _ "()" or "www.": the full
    # patterns must then find nothing either.
    rng = random.Random(7)
    alphabet = "aw W.:-()[]`@<>%{}/_ 中文1é"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        spans = [m.span() for m in text_module._PROTECTED_RE.finditer(text)]
        assert bool(spans) <= bool(text_module._MAYBE_PROTECTED.search(text)), text
