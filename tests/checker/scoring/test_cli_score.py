"""`glosscheck score`: the JSON document, the table, every kind of input, errors as messages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sacrebleu.metrics.chrf import CHRF

from checker.cli import main

CORPUS = Path(__file__).resolve().parents[3] / "corpora" / "scoring"
FIXTURES = Path(__file__).parent / "fixtures"
PLAIN = FIXTURES / "plain"
ZH_EN = [
    "--ref",
    str(CORPUS / "zh-en" / "reference.en"),
    "--src",
    str(CORPUS / "zh-en" / "source.zh"),
]
SYSTEMS = [
    "--hyp",
    str(CORPUS / "zh-en" / "system-a.en"),
    "--hyp",
    str(CORPUS / "zh-en" / "system-b.en"),
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["score", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback would reach the user: fail loudly
    return result.exit_code, result.stdout, result.stderr


def as_json(*args: str) -> dict[str, Any]:
    status, out, err = run(*args, "--format", "json")
    assert status == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


def test_json_document_has_the_spec_shape() -> None:
    doc = as_json(*ZH_EN, *SYSTEMS, "--paired-bs", "--worst", "2")
    assert {"systems", "comparison"} <= set(doc)
    first = doc["systems"][0]
    assert set(first) == {"name", "scores", "worst"}
    assert list(first["scores"]) == [
        "bleu", "chrf", "ter",
        "term_accuracy", "window_overlap_2", "window_overlap_3", "one_minus_term",
    ]  # fmt: skip
    for score in first["scores"].values():
        assert {"name", "score", "signature"} <= set(score)
    assert first["scores"]["bleu"]["signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    assert len(first["worst"]) == 2 and first["worst"][0]["chrf"] <= first["worst"][1]["chrf"]
    comparison = doc["comparison"]
    assert comparison["baseline"] == first["name"] and comparison["test"].startswith("paired boot")
    system_b = comparison["systems"][1]["scores"]
    assert all(0 < result["p_value"] < 0.05 for result in system_b.values())


def test_system_b_is_worse_on_terms_in_both_directions() -> None:
    for direction, lang in (("zh-en", "en"), ("en-zh", "zh")):
        folder = CORPUS / direction
        doc = as_json(
            "--ref", str(folder / f"reference.{lang}"),
            "--ref", str(folder / f"reference2.{lang}"),
            "--src", str(folder / f"source.{'zh' if lang == 'en' else 'en'}"),
            "--hyp", str(folder / f"system-a.{lang}"),
            "--hyp", str(folder / f"system-b.{lang}"),
        )  # fmt: skip
        a, b = (system["scores"] for system in doc["systems"])
        assert a["term_accuracy"]["score"] > 0.95 > 0.5 > b["term_accuracy"]["score"]
        assert a["bleu"]["score"] > b["bleu"]["score"] and a["ter"]["score"] < b["ter"]["score"]


def test_text_output_has_table_comparison_signatures_and_worst(tmp_path: Path) -> None:
    target = tmp_path / "scores.txt"
    status, out, _ = run(
        *ZH_EN, *SYSTEMS, "--paired-ar", "--paired-n", "200", "--worst", "1", "-o", str(target)
    )
    assert status == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    header = r"^system +BLEU +chrF2 +TER +TermAcc +WinOvl2 +WinOvl3 +1-TERm$"
    assert re.search(header, text, re.MULTILINE)
    assert "Approximate randomization against" in text and "(200 trials, seed 12345)" in text
    assert "nrefs:1|bs:1000|ar:200|seed:12345|case:mixed|eff:no|tok:13a" in text
    assert "Lowest sentence chrF, " in text and "term misses: " in text


def test_chinese_target_uses_zh_tokenizer_and_character_ter() -> None:
    folder = CORPUS / "en-zh"
    doc = as_json("--ref", str(folder / "reference.zh"), "--hyp", str(folder / "system-a.zh"))
    scores = doc["systems"][0]["scores"]
    assert "tok:zh" in scores["bleu"]["signature"]
    assert "norm:yes|punct:yes|asian:yes" in scores["ter"]["signature"]
    assert "term_accuracy" not in scores  # no source given: no term metrics


def test_worst_segments_need_no_chrf_in_the_metrics() -> None:
    doc = as_json(*ZH_EN, *SYSTEMS[2:], "--metrics", "bleu", "--worst", "3")
    system = doc["systems"][0]
    assert list(system["scores"]) == ["bleu"]
    # System B's three lowest sentence chrF, lowest first, as sacrebleu scores each sentence.
    refs = (CORPUS / "zh-en" / "reference.en").read_text(encoding="utf-8").splitlines()
    hyps = (CORPUS / "zh-en" / "system-b.en").read_text(encoding="utf-8").splitlines()
    sentence = [CHRF().sentence_score(h, [r]).score for h, r in zip(hyps, refs, strict=True)]
    lowest = sorted(range(len(hyps)), key=lambda i: (sentence[i], i))[:3]
    assert [(w["line"], w["chrf"]) for w in system["worst"]] == [
        (i + 1, round(sentence[i], 4)) for i in lowest
    ]
    assert system["worst"][0]["line"] == 25
    assert system["worst"][0]["term_misses"] == [
        {"source": "功耗", "expected": ["power consumption", "power draw"]},
        {"source": "监管机构", "expected": ["regulator"]},
    ]


def test_tokenizer_can_be_overridden() -> None:
    doc = as_json(*ZH_EN, *SYSTEMS[:2], "--tokenize", "intl", "--metrics", "bleu")
    assert list(doc["systems"][0]["scores"]) == ["bleu"]
    assert "tok:intl" in doc["systems"][0]["scores"]["bleu"]["signature"]


@pytest.mark.parametrize("hypothesis", ["po/system.po", "table/system.tsv", "table/system.jsonl"])
def test_bilingual_files_give_their_target_side(hypothesis: str) -> None:
    # The reference catalog's header says zh_CN, and its msgids are the source.
    doc = as_json(
        "--ref", str(FIXTURES / "po" / "reference.po"), "--hyp", str(FIXTURES / hypothesis)
    )
    scores = doc["systems"][0]["scores"]
    assert "tok:zh" in scores["bleu"]["signature"]
    # Save → 保存 (written 存储), server → 服务器, password → 密码 (written 口令),
    # download → 下载, model → 模型: 3 of 5.
    assert scores["term_accuracy"]["score"] == pytest.approx(3 / 5)


def test_paired_documents_give_their_target_side() -> None:
    doc = as_json(
        "--ref", str(FIXTURES / "docs" / "ref" / "guide.en.md"),
        "--hyp", str(FIXTURES / "docs" / "sys" / "guide.en.md"),
        "--glossary", str(FIXTURES / "terms.tsv"),
    )  # fmt: skip
    scores = doc["systems"][0]["scores"]
    # Three blocks; expected 刷新, 智能体, 工具; only "tools" is rendered.
    assert (scores["term_accuracy"]["hits"], scores["term_accuracy"]["expected"]) == (1, 3)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hyp", str(PLAIN / "short.en")], f"{PLAIN / 'short.en'}: 2 segments, but"),
        (["--hyp", str(PLAIN / "empty.en")], f"{PLAIN / 'empty.en'}: empty file"),
        (["--hyp", str(PLAIN / "gb18030.en")], f"{PLAIN / 'gb18030.en'}:2: byte 0xb1 is not valid"),
        (["--hyp", str(PLAIN / "utf16.en")], f"{PLAIN / 'utf16.en'}:1: file is UTF-16"),
        (["--hyp", str(PLAIN / "missing.en")], f"{PLAIN / 'missing.en'}: cannot read file"),
        (["--hyp", str(PLAIN / "hyp.en"), "--src", str(PLAIN / "short.en")], "2 segments, but"),
        (["--hyp", str(PLAIN / "hyp.en"), "--metrics", "term"], "term metrics need the source"),
        (["--hyp", str(PLAIN / "hyp.en"), "--paired-bs"], "a paired test needs at least two"),
        (["--hyp", str(PLAIN / "hyp.en"), "--hyp", str(PLAIN / "hyp.en")], "is given twice"),
        (
            ["--hyp", str(FIXTURES / "wmt21" / "broken.zh.sgm")],
            f"{FIXTURES / 'wmt21' / 'broken.zh.sgm'}:5: a <seg> must open and close on one line",
        ),
    ],
)
def test_bad_input_exits_2_naming_the_file(args: list[str], message: str) -> None:
    status, out, err = run("--ref", str(PLAIN / "ref-crlf.en"), *args)
    assert status == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_misaligned_catalogs_are_refused_at_the_first_difference() -> None:
    reference, reordered = FIXTURES / "po" / "reference.po", FIXTURES / "po" / "reordered.po"
    status, _, err = run("--ref", str(reference), "--hyp", str(reordered))
    assert status == 2
    assert f"{FIXTURES / 'po' / 'reordered.po'}:8: segment 1 is 'The server" in err


def test_usage_errors_exit_2() -> None:
    base = ["--ref", str(PLAIN / "ref-crlf.en"), "--hyp", str(PLAIN / "hyp.en")]
    assert run(*base, "--metrics", "bleu,meteor")[0] == 2
    assert run(*base, "--paired-bs", "--paired-ar")[0] == 2
    assert run("--hyp", str(PLAIN / "hyp.en"))[0] == 2  # no --ref
