"""The small parts: tokens, the weighted edit distance, the WMT 2021 reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.scoring import wmt21
from checker.scoring.editdistance import weighted_edits
from checker.scoring.tokens import join_han, tokenize
from glossary.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def test_english_tokens_keep_inner_hyphens_apostrophes_and_decimals() -> None:
    assert words("Fine-tune GPT-4o, don't stop: 3.5x!") == [
        "fine-tune", "gpt-4o", ",", "don't", "stop", ":", "3.5x", "!",
    ]  # fmt: skip


def test_chinese_tokens_are_characters_and_latin_runs_stay_words() -> None:
    assert words("用Qwen2.5调用API。") == ["用", "qwen2.5", "调", "用", "api", "。"]
    # Extension B (U+20000…), where sacrebleu's own range is malformed (issue #298).
    assert words("\U00020000\U0002a6df") == ["\U00020000", "\U0002a6df"]


def test_punctuation_tokens_are_not_words() -> None:
    assert [t.word for t in tokenize("agent , “工具” !")] == [
        True,
        False,
        False,
        True,
        True,
        False,
        False,
    ]


def test_token_offsets_point_into_the_text() -> None:
    text = "The agent"
    assert [(t.start, t.end) for t in tokenize(text)] == [(0, 3), (4, 9)]


def test_join_han_removes_only_spaces_between_han_characters() -> None:
    assert join_han("冠状 病毒 COVID 19 疫苗 。") == "冠状病毒 COVID 19 疫苗 。"


@pytest.mark.parametrize(
    ("hyp", "ref", "weights", "edits"),
    [
        ("a b c", "a b c", [1, 1, 1], 0),
        ("a x c", "a b c", [1, 2, 1], 2),  # substitution of a term word
        ("a c", "a b c", [1, 2, 1], 2),  # term word missing: inserted at its weight
        ("a b b c", "a b c", [1, 2, 1], 1),  # surplus hypothesis word: deleted at 1
        ("", "a b", [2, 1], 3),
        ("a b", "", [], 2),
        # The common prefix must not be matched blindly: matching "model" with the
        # cheap first reference token would force the term token (weight 2) in.
        ("model", "model model", [1, 2], 1),
        ("model", "model model", [2, 1], 1),
        ("c a b", "a b c", [1, 1, 1], 2),  # no shifts: a moved word costs two edits
    ],
)
def test_weighted_edits(hyp: str, ref: str, weights: list[int], edits: int) -> None:
    assert weighted_edits(hyp.split(), ref.split(), weights) == edits


def test_wmt21_source_segments_and_their_terms() -> None:
    parsed = wmt21.read(str(FIXTURES / "wmt21" / "src.en.sgm"))
    assert parsed.kind == "srcset" and parsed.target_lang is None
    assert [s.seg_id for s in parsed.segments] == ["1", "2", "3", "4"]
    last = parsed.segments[3]
    assert last.text == "R&D agents call tools ."  # tags gone, entities decoded
    assert last.line == 7
    (term,) = last.terms
    assert (term.source, term.targets, term.text) == ("agent", ("智能体", "AI智能体"), "agents")
    assert term.kind == "src_lemma_and_tgt_original"


def test_wmt21_reference_gives_the_target_language() -> None:
    parsed = wmt21.read(str(FIXTURES / "wmt21" / "ref.zh.sgm"))
    assert (parsed.kind, parsed.target_lang) == ("refset", "zh")
    assert parsed.segments[0].text == "点击 “ 保存 ” 以 保留 您 的 更改 。"


def test_wmt21_errors_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        wmt21.read(str(FIXTURES / "wmt21" / "broken.zh.sgm"))
    assert raised.value.line == 5 and "must open and close" in raised.value.message
    empty_terms = tmp_path / "bad.sgm"
    empty_terms.write_text(
        '<refset>\n<seg id="1"> <term src="a"> a </term> </seg>\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match="without target forms") as raised:
        wmt21.read(str(empty_terms))
    assert raised.value.line == 2
    (tmp_path / "plain.xml").write_text("<xliff/>\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a WMT"):
        wmt21.read(str(tmp_path / "plain.xml"))
