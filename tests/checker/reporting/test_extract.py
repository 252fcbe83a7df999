"""Term mining on corpora/: real terms the default glossary lacks come out on top."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from checker.readers import ReadOptions, plan, read
from checker.reporting.extract import Candidate, as_glossary, c_values, extract, grams
from checker.segment import Segment
from glossary import formats
from glossary.loading import load, load_default

ROOT = Path(__file__).resolve().parents[3]


def segments(path: Path) -> list[Segment]:
    options = ReadOptions()
    return [s for job in plan([str(path)], options) for s in read(job, options)]


@pytest.fixture(scope="module")
def articles() -> list[Candidate]:
    return extract(segments(ROOT / "corpora" / "articles"), load_default())


@pytest.fixture(scope="module")
def django() -> list[Candidate]:
    return extract(segments(ROOT / "corpora" / "django"), load_default())


def top(candidates: list[Candidate], n: int) -> list[str]:
    return [c.text for c in candidates[:n]]


def test_zh_terms_checked_by_hand_rank_in_the_top_ten(articles: list[Candidate]) -> None:
    """开源模型 open-source model, 启衡微电子 the startup, 推理芯片 inference chip,
    峰值算力 peak compute, 模型权重 model weights: none is in the default glossary."""
    assert {"开源模型", "启衡微电子", "推理芯片", "峰值算力", "模型权重"} <= set(top(articles, 10))
    assert all(c.source_lang == "zh" and c.target_lang == "en" for c in articles)


def test_zh_candidates_carry_their_translation(articles: list[Candidate]) -> None:
    by_text = {c.text: c for c in articles}
    assert by_text["启衡微电子"].translations[0].text == "qiheng microelectronics"
    assert by_text["峰值算力"].translations[0].text == "peak compute"
    assert by_text["模型权重"].translations[0].text == "model weights"


def test_en_terms_checked_by_hand_rank_in_the_top_fifteen(django: list[Candidate]) -> None:
    """Django's UI vocabulary: password reset, page, view, format, domain name."""
    assert {"password reset", "page", "view", "format"} <= set(top(django, 15))
    by_text = {c.text: c for c in django}
    assert by_text["page"].translations[0].text == "页面"
    assert by_text["format"].translations[0].text == "格式"
    assert "重置" in [t.text for t in by_text["password reset"].translations]


def test_known_terms_and_function_words_are_not_candidates(
    articles: list[Candidate], django: list[Candidate]
) -> None:
    texts = {c.text for c in articles + django}
    assert not texts & {"模型", "基准", "password", "user", "the", "的", "please enter"}


def test_c_value_gives_nothing_to_a_word_seen_only_inside_a_phrase() -> None:
    frequency = Counter({("启衡",): 3, ("启衡", "微电子"): 3, ("芯片",): 5, ("推理", "芯片"): 2})
    scores = c_values(frequency, 2)
    assert scores[("启衡",)] == 0
    assert scores[("启衡", "微电子")] > 0
    assert scores[("芯片",)] == 3  # 5 − the 2 inside 推理芯片, times log2(2)


def test_grams_skip_function_words_at_the_edges() -> None:
    found = {" ".join(g) for g in grams([["reset", "the", "password"]], "en")}
    assert found == {"reset", "reset the password", "password"}


@pytest.mark.parametrize("suffix", [".tsv", ".yaml", ".tbx"])
def test_candidates_write_a_glossary_that_loads(
    articles: list[Candidate], tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"candidates{suffix}"
    formats.dump(as_glossary(articles[:5]), path)
    loaded = load(path)
    assert len(loaded) == 5
    first = loaded.concepts[0]
    assert first.note.startswith("candidate: review")
    assert first.forms_in("zh")[0].text == articles[0].text
