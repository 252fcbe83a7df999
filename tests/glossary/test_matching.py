"""TermIndex: longest match, word boundaries in both scripts, inflection, protected spans."""

from __future__ import annotations

import pytest

from glossary.matching import fold
from glossary.model import Boundary, Concept, Form, Glossary, Status


def concept(zh: str, *en: str, **flags: object) -> Concept:
    forms = [Form(zh, "zh")] if zh else []
    forms += [
        Form(e, "en", Status.PREFERRED if i == 0 else Status.ADMITTED) for i, e in enumerate(en)
    ]
    return Concept(tuple(forms), **flags)  # type: ignore[arg-type]


GLOSSARY = Glossary(
    [
        concept("刷新", "refresh", "update"),
        concept("数据", "data"),
        concept("数据库", "database"),
        concept("模型", "model"),
        concept("大语言模型", "large language model", "LLM"),
        concept("", "Qwen", dnt=True, case_sensitive=True),
        concept("用户名", "username"),
        concept("微调", "fine-tune"),
        concept("图", "graph", boundary=Boundary.CHAR),
    ]
)


def found(text: str, lang: str, **kw: bool) -> list[str]:
    return [m.text for m in GLOSSARY.index(lang).find_all(text, **kw)]


def test_longest_match_wins() -> None:
    assert found("大语言模型和模型", "zh") == ["大语言模型", "模型"]


def test_chinese_term_does_not_match_inside_a_longer_word() -> None:
    # 数据库 is a jieba word: 数据 inside it is not a match, a standalone 数据 is.
    assert found("我们刷新了数据库的数据", "zh") == ["刷新", "数据库", "数据"]
    assert found("大数据库", "zh") == ["数据库"]


def test_char_boundary_term_matches_inside_words() -> None:
    assert found("知识图谱", "zh") == ["图"]


def test_chinese_term_next_to_latin_needs_no_segmentation() -> None:
    assert found("使用Qwen模型", "zh") == ["Qwen", "模型"]


@pytest.mark.parametrize(
    "text",
    [
        "refresh",
        "refreshes",
        "refreshed",
        "refreshing",
        "Refreshing",
        "models",
        "large language models",
        "LLMs",
        "fine-tuned",
        "fine-tuning",
    ],
)
def test_english_inflections_count(text: str) -> None:
    assert found(f"We {text} it.", "en") == [text]


@pytest.mark.parametrize("text", ["refreshment", "remodel", "databases2", "qwenlike", "modelx"])
def test_english_matches_respect_word_boundaries(text: str) -> None:
    assert found(text, "en") == []


def test_english_word_next_to_han_characters_matches() -> None:
    assert found("at刷新 (refreshing) SOTA", "en") == ["refreshing"]


def test_case_sensitive_form_needs_its_case_unless_any_case() -> None:
    assert found("qwen and Qwen", "en") == ["Qwen"]
    matches = GLOSSARY.index("en").find_all("qwen and Qwen", any_case=True)
    assert [(m.text, m.exact_case) for m in matches] == [("qwen", False), ("Qwen", True)]


@pytest.mark.parametrize(
    "text",
    [
        "%(username)s",
        "{username}",
        "{{ username }}",
        "`data`",
        "https://example.com/data/refresh",
        "mail data@example.com",
        '<a class="model">',
    ],
)
def test_nothing_matches_inside_protected_spans(text: str) -> None:
    assert found(text, "en") == []


def test_prose_around_protected_spans_still_matches() -> None:
    assert found("Refresh %(username)s data at https://x.org/data.", "en") == ["Refresh", "data"]


def test_shared_surface_form_reports_every_concept() -> None:
    g = Glossary([concept("刷新", "refresh", "update"), concept("更新", "update")])
    matches = g.find("updates", "en")
    assert sorted(m.concept.label for m in matches) == ["刷新 = refresh", "更新 = update"]
    assert {(m.start, m.end) for m in matches} == {(0, 7)}


def test_offsets_are_code_points_of_the_original_text() -> None:
    text = "İstanbul 通义 refresh"
    (match,) = GLOSSARY.find(text, "en")
    assert text[match.start : match.end] == "refresh"


def test_dnt_form_serves_both_languages() -> None:
    (qwen,) = [c for c in GLOSSARY if c.dnt]
    assert [f.text for f in qwen.forms_in("zh")] == ["Qwen"]


def test_text_in_the_case_of_an_admitted_form_is_right_cased() -> None:
    nvidia = Concept(
        (Form("英伟达", "zh"), Form("NVIDIA", "en"), Form("Nvidia", "en", Status.ADMITTED)),
        case_sensitive=True,
    )
    matches = Glossary([nvidia]).index("en").find_all("Nvidia and nvidia", any_case=True)
    assert [(m.text, m.form.text, m.exact_case) for m in matches] == [
        ("Nvidia", "Nvidia", True),
        ("nvidia", "NVIDIA", False),
    ]


def test_without_chinese_words_a_form_matches_inside_a_longer_word() -> None:
    g = Glossary([concept("用户", "user"), concept("数据", "data"), concept("数据库", "database")])
    assert [m.text for m in g.index("zh").find_all("输入用户名")] == []
    lenient = g.index("zh").find_all("输入用户名", chinese_words=False)
    assert [m.text for m in lenient] == ["用户"]
    # a longer glossary term still wins over the shorter one inside it
    assert [m.text for m in g.index("zh").find_all("大数据库", chinese_words=False)] == ["数据库"]


@pytest.mark.parametrize(
    ("term", "text", "matches"),
    [
        ("刷新", "刷新纪录", True),  # jieba lists the phrase, but 纪录 is a word of its own
        ("目录", "不允许目录索引", True),
        ("网络", "网络安全", True),
        ("数据", "数据库", False),  # a word plus a one-character affix is a new word
        ("文件", "文件夹", False),
        ("用户", "用户名", False),
        ("密码", "密码学", False),
        ("密码", "请输入新密码", True),  # a one-character modifier in front is a word
        ("字段", "该字段必须唯一", True),
    ],
)
def test_compounds_split_only_into_two_words(term: str, text: str, matches: bool) -> None:
    g = Glossary([concept(term, "x")])
    assert bool(g.find(text, "zh")) is matches


def test_phrasal_verbs_and_dnt_acronyms_inflect() -> None:
    g = Glossary(
        [concept("登录", "log in"), concept("", "GPU", dnt=True), concept("", "Qwen", dnt=True)]
    )
    assert [m.text for m in g.find("She logged in with two GPUs; Qwens", "en")] == [
        "logged in",
        "GPUs",
    ]


@pytest.mark.parametrize("text", ["Hello WORLD", "İstanbul", "ΟΔΟΣ ΣΑΣ", "Straße ẞ", "ﬁle Ǆ", ""])
def test_fold_lowers_each_character_in_place(text: str) -> None:
    expected = "".join(low if len(low := c.lower()) == 1 else c for c in text)
    assert fold(text) == expected and len(fold(text)) == len(text)


def test_the_same_text_is_matched_once() -> None:
    index = GLOSSARY.index("en")
    assert index.find_all("Refresh the data") is index.find_all("Refresh the data")
