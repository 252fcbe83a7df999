"""The terminology metrics on examples small enough to work out by hand (in the comments)."""

from __future__ import annotations

from pathlib import Path

import pytest

import checker
import glossary
from checker.scoring import ScoreResult

FIXTURES = Path(__file__).parent / "fixtures"
# 模型 = model, 智能体 = agent|AI agent (forbidden: intelligent body),
# 刷新 = refresh|update (forbidden: brush), 工具 = tool, 服务器 = server.
TERMS = glossary.load(FIXTURES / "terms.tsv")


def term_scores(sources: list[str], references: list[str], hypotheses: list[str]) -> ScoreResult:
    return checker.score([references], [hypotheses], source=sources, glossary=TERMS)


def value(result: ScoreResult, key: str) -> float | None:
    return result.systems[0].scores[key].value


def test_term_accuracy_counts_every_expected_occurrence() -> None:
    result = term_scores(
        sources=["智能体可以刷新模型。", "模型和模型。", "智能体调用工具。"],
        references=["x", "x", "x"],  # accuracy does not look at the references
        hypotheses=[
            "The agent can refresh the model.",  # agent, refresh, model: 3 of 3
            "A model.",  # model expected twice, rendered once: 1 of 2
            "The intelligent body calls tools.",  # agent forbidden: 0; tools renders tool: 1 of 2
        ],
    )
    # hits 3 + 1 + 1 = 5, expected 3 + 2 + 2 = 7
    assert result.systems[0].scores["term_accuracy"].details == {"hits": 5, "expected": 7}
    assert value(result, "term_accuracy") == pytest.approx(5 / 7)


def test_window_overlap_compares_the_words_around_each_term() -> None:
    result = term_scores(
        sources=["智能体调用工具。", "刷新页面。"],
        references=["the agent can call tools .", "refresh the page ."],
        hypotheses=["an agent can call many tools .", "reload the page ."],
    )
    # Segment 1, window 2. agent: reference [the | can call], hypothesis [an | can call]:
    #   2 of 3 shared. tools: reference [call can |] (the full stop is skipped),
    #   hypothesis [many call |]: 1 of 2.
    # Segment 2: refresh: reference [| the page], not rendered: 0 of 2.
    # Window 2 = (2 + 1 + 0) / (3 + 2 + 2) = 3/7.
    assert value(result, "window_overlap_2") == pytest.approx(3 / 7)
    # Window 3. agent: [the | can call tools] vs [an | can call many]: 2 of 4.
    # tools: [call can agent |] vs [many call can |]: 2 of 3. refresh: 0 of 2.
    # Window 3 = (2 + 2 + 0) / (4 + 3 + 2) = 4/9.
    assert value(result, "window_overlap_3") == pytest.approx(4 / 9)
    assert result.systems[0].scores["window_overlap_3"].details == {
        "shared_words": 4,
        "window_words": 9,
    }


def test_one_minus_term_weighs_edits_on_term_words_double() -> None:
    result = term_scores(
        sources=["智能体调用工具。", "刷新页面。"],
        references=["the agent calls tools", "refresh the page"],
        hypotheses=["the robot calls tools", "refresh the whole page"],
    )
    # Segment 1: reference weights the=1 agent=2 calls=1 tools=2 (length 6);
    #   agent → robot is a substitution on a term word: 2.
    # Segment 2: weights refresh=2 the=1 page=1 (length 4); "whole" is deleted: 1.
    # 1-TERm = 1 - (2 + 1) / (6 + 4) = 0.7
    assert value(result, "one_minus_term") == pytest.approx(0.7)
    details = result.systems[0].scores["one_minus_term"].details
    assert details == {"weighted_edits": 3, "weighted_length": 10}


def test_chinese_targets_match_as_characters() -> None:
    result = checker.score(
        [["服务器托管该模型。"]],
        [["伺服器托管该模型。"]],
        source=["The server hosts the model."],
        glossary=TERMS,
    )
    # Expected: server → 服务器 (missing: 伺服器 is another word), model → 模型 (there).
    assert value(result, "term_accuracy") == pytest.approx(1 / 2)
    # Tokens are characters. 服务器: reference [| 托 管], not rendered: 0 of 2.
    # 模型: reference [该 管 |] (the 。 is skipped), hypothesis [该 管 |]: 2 of 2.
    assert value(result, "window_overlap_2") == pytest.approx(2 / 4)
    # Reference weights: 服 务 器 = 2 each, 托 管 该 = 1, 模 型 = 2, 。 = 1: length 14.
    # 伺服器 → 服务器: delete 伺 (1), keep 服, insert 务 (2), keep 器: 3 edits.
    assert value(result, "one_minus_term") == pytest.approx(1 - 3 / 14)


def test_several_references_each_segment_takes_the_closest() -> None:
    result = checker.score(
        [["the agent calls tools"], ["an agent uses tools"]],
        [["an agent uses many tools"]],
        source=["智能体调用工具。"],
        glossary=TERMS,
    )
    # Against reference 2 (weights an=1 agent=2 uses=1 tools=2, length 6) only
    # "many" is extra: 1 edit, 1/6. Reference 1 needs more (an→the, uses→calls, many).
    assert value(result, "one_minus_term") == pytest.approx(1 - 1 / 6)


def test_no_expected_terms_gives_no_value_rather_than_zero() -> None:
    result = term_scores(["今天天气很好。"], ["Nice weather today."], ["Nice weather today."])
    scores = result.systems[0].scores
    assert scores["term_accuracy"].value is None
    assert scores["term_accuracy"].to_json()["score"] is None
    assert scores["one_minus_term"].value == pytest.approx(1.0)  # no edits at all


def test_wmt21_annotations_replace_the_glossary() -> None:
    wmt = FIXTURES / "wmt21"
    result = checker.score(
        [wmt / "ref.zh.sgm"], [wmt / "hyp.zh.sgm"], source=wmt / "src.en.sgm", glossary=TERMS
    )
    assert result.terms == "wmt21" and result.target_lang == "zh"
    # Expected: 保存 (seg 1), 服务器 and 模型 (seg 2), 智能体 (seg 4). The system wrote
    # 存储 and 伺服器: 2 of 4.
    assert value(result, "term_accuracy") == pytest.approx(2 / 4)
    # The reference is segmented ("保存 ” 以 保留"); spaces between Han characters go.
    # Window 2: 保存 [击 点 | 以 保] 0 of 4; 服务器 [| 托 管] 0 of 2;
    # 模型 [该 管 |] 2 of 2; 智能体 [发 研 | 调 用] 4 of 4: 6/12.
    assert value(result, "window_overlap_2") == pytest.approx(6 / 12)
    # Weighted lengths 16 + 14 + 6 + 13 = 49; edits: 存储 for 保存 3
    # (insert 保 2, delete 储 1), 伺服器 for 服务器 3: 1 - 6/49.
    assert value(result, "one_minus_term") == pytest.approx(1 - 6 / 49)


def test_worst_segments_list_their_term_misses() -> None:
    result = checker.score(
        [["The agent can call tools.", "Refresh the page."]],
        [["The intelligent body can call tools.", "Refresh the page."]],
        source=["智能体可以调用工具。", "刷新页面。"],
        glossary=TERMS,
        worst=1,
    )
    (worst,) = result.systems[0].worst
    assert worst.index == 1
    assert [(m.source, m.expected) for m in worst.term_misses or ()] == [
        ("智能体", ("agent", "AI agent"))
    ]
