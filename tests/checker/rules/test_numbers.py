"""F103: numbers that differ after normalisation, and the many that only look different."""

from __future__ import annotations

import pytest

from tests.checker.rules.conftest import Run, segment


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # corpora/articles/ai-chip-funding: Chinese units against English scale words
        (
            "融资 3.5亿美元，估值超过 20亿美元。",
            "It raised 350 million dollars, valued above 2 billion.",
        ),
        ("三个模型", "three models"),
        ("三个模型", "3 models"),
        ("二〇二六年", "in 2026"),
        ("2025年", "in 2025"),
        ("1.5万", "15,000"),
        ("1.5万", "15 thousand"),
        ("3.8千亿", "380 billion"),
        ("百分之五十", "50%"),
        ("增长了 40%", "grew by 40 percent"),
        ("１２３ 个", "123"),
        ("1,200 TFLOPS", "1200 TFLOPS"),
        ("百度和腾讯", "Baidu and Tencent"),
        ("一些模型一样好，统一部署，唯一的问题", "Some are as good; deploy as one; the only issue"),
        ("万一失败，一起重试", "If it fails, retry together"),
        ("这十分重要", "This is very important"),
        ("一个模型", "a model"),  # a soft 1 that English drops
        ("两者都区分大小写", "Both are case-sensitive"),
        ("第一个", "the first"),
        ("Qwen3 和 GPT-4 在 H20 上以 FP8 运行", "Qwen3 and GPT-4 run on H20 in FP8"),
        ("带宽 3.2TB/s，96GB 内存", "3.2TB/s of bandwidth, 96GB of memory"),
        ("版本 v2.0", "version v2.0"),
        (
            "访问 https://a.org/v3/2025 或运行 `sleep 10`",
            "See https://a.org/v3/2025, run `sleep 10`",
        ),
        ("2025年3月5日", "March 5, 2025"),
        ("下午3点", "at 3:00 p.m."),
        ("2025 年的第一季度和 2025 年底", "the first quarter of 2025 and the end of that year"),
        ("截至 2025 年 6 月底", "as of the end of June 2025"),
        ("第 3 章", "Chapter 3"),
    ],
)
def test_equal_numbers_zh_en(run: Run, source: str, target: str) -> None:
    assert run("F103", segment(source, target)) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Upload 3 files", "上传三个文件"),
        ("Upload 3 files", "上传 3 个文件"),
        ("Ensure 1,200 rows", "确保 1200 行"),
        ("350 million users", "3.5亿用户"),
        ("Grew by 50%", "增长了百分之五十"),
        ("Enter 50% of %(value)s", "输入 %(value)s 的 50%"),
        ("%(value)s million", "%(value)s 百万"),  # corpora/django humanize
        ("%(value)s quadrillion", "%(value)s 1000的5次方"),
        ("Page 3 of 10", "第 3 页，共 10 页"),
        ("in the 21st century", "在 21 世纪"),
        ("a 5-star rating", "五星评分"),
        ("Top 10 models", "前十名模型"),
    ],
)
def test_equal_numbers_en_zh(run: Run, source: str, target: str) -> None:
    assert run("F103", segment(source, target, "en-zh")) == []


def test_changed_number(run: Run) -> None:
    (f,) = run("F103", segment("融资金额为 3.5亿美元。", "It raised 530 million US dollars."))
    assert str(f.severity) == "warning"
    assert f.message == (
        "numbers differ: 3.5亿 (= 350,000,000) in the source, not in the translation; "
        "530 million (= 530,000,000) in the translation, not in the source"
    )
    assert f.target[f.column - 1 : f.end_column - 1] == "530 million"


def test_missing_number_covers_the_whole_target(run: Run) -> None:
    (f,) = run("F103", segment("Keep 7 days of logs", "保留日志", "en-zh"))
    assert f.message == "numbers differ: 7 in the source, not in the translation"
    assert (f.column, f.end_column) == (1, 5)


def test_extra_number(run: Run) -> None:
    (f,) = run("F103", segment("Delete the logs", "删除 30 天的日志", "en-zh"))
    assert "30 in the translation, not in the source" in f.message


def test_changed_number_in_words(run: Run) -> None:
    (f,) = run("F103", segment("三个模型", "five models"))
    assert "三 (= 3)" in f.message and "five (= 5)" in f.message


def test_soft_numbers_are_reported_beside_a_hard_difference(run: Run) -> None:
    (f,) = run("F103", segment("Three models", "4 个模型", "en-zh"))
    assert "Three (= 3)" in f.message and "4 in the translation" in f.message


def test_weak_numbers_are_reported_beside_another_difference(run: Run) -> None:
    # 三 before 选框 (not a measure word) is weak: alone it is never reported...
    assert run("F103", segment("Pick a box", "点三选框", "en-zh")) == []
    # ... but it is when the source's number went missing (djangojs.po: 两选框 → 三选框)
    (f,) = run("F103", segment("between the two boxes", "在三选框之间", "en-zh"))
    assert "two (= 2)" in f.message and "三 (= 3)" in f.message


def test_a_scale_word_after_a_placeholder(run: Run) -> None:
    assert run("F103", segment("%(value)s million", "%(value)s 百万", "en-zh")) == []
    (f,) = run("F103", segment("%(value)s million", "%(value)s 千万", "en-zh"))
    assert "千万 (= 10,000,000)" in f.message
    assert run("F103", segment("Never forget it", "千万不要忘记", "en-zh")) == []


def test_percent_is_not_a_plain_number(run: Run) -> None:
    (f,) = run("F103", segment("增长了 40%", "grew by 40 points"))
    assert "40%" in f.message


def test_humanize_scale_error_in_django(run: Run) -> None:
    """corpora/django/contrib/humanize/zh_Hans/django.po:110: a quintillion is 1000^6."""
    (f,) = run("F103", segment("%(value)s quintillion", "%(value)s 1000的4次方", "en-zh"))
    assert "quintillion (= 1×10^18)" in f.message and "1000的4次方" in f.message


def test_glossary_names_with_numerals_are_not_numbers(run: Run) -> None:
    # 零一万物 = 01.AI is a default-glossary name; the fixture glossary lacks it
    import glossary
    from checker import Config, check

    s = segment("零一万物发布了新模型", "01.AI released a new model")
    report = check([s], glossary=glossary.load_default(), config=Config(select=("F103",)))
    assert report.findings == []


def test_repeats_need_not_match(run: Run) -> None:
    assert run("F103", segment("2025 年和 2025 年底", "in 2025 and at the end of that year")) == []


def test_skips_fuzzy_empty_and_copied_targets(run: Run) -> None:
    for s in (
        segment("Keep 7 days", "保留 8 天", "en-zh", flags=frozenset({"fuzzy"})),
        segment("Keep 7 days", "", "en-zh"),
        segment("Keep 7 days", "Keep 7 days", "en-zh"),
    ):
        assert run("F103", s) == []
