"""Our BLEU, chrF, chrF++ and TER equal what sacrebleu's own command line prints.

sacrebleu runs as `python -m sacrebleu` on corpora/scoring, both directions,
both systems, two references, at its default width (1 decimal) and at 4;
we compare every printed field: name, score, signature and BLEU's details.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import checker
from checker.cli import main

CORPUS = Path(__file__).resolve().parents[3] / "corpora" / "scoring"
FIXTURES = Path(__file__).parent / "fixtures"
DIRECTIONS = {
    # direction: (target language, sacrebleu options that `glosscheck score` chooses for it)
    "zh-en": ("en", ["--tokenize", "13a"]),
    "en-zh": ("zh", ["--tokenize", "zh", "--ter-normalized", "--ter-asian-support"]),
}


def sacrebleu(references: list[Path], hypothesis: Path, *options: str) -> list[dict[str, Any]]:
    """sacrebleu's JSON output for one system (a list even for one metric)."""
    command = [sys.executable, "-m", "sacrebleu", *map(str, references), "-i", str(hypothesis)]
    done = subprocess.run(
        [*command, *options, "--format", "json", "--quiet"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    printed = json.loads(done.stdout)
    return printed if isinstance(printed, list) else [printed]


def comparable(printed: dict[str, Any]) -> dict[str, Any]:
    return {key: printed.get(key) for key in ("name", "score", "signature", "verbose_score")}


@pytest.mark.parametrize("width", [1, 4])
@pytest.mark.parametrize("system", ["system-a", "system-b"])
@pytest.mark.parametrize("direction", sorted(DIRECTIONS))
def test_scores_equal_sacrebleu_command_line(direction: str, system: str, width: int) -> None:
    lang, options = DIRECTIONS[direction]
    refs = [CORPUS / direction / f"reference.{lang}", CORPUS / direction / f"reference2.{lang}"]
    hyp = CORPUS / direction / f"{system}.{lang}"
    widths = ["--width", str(width)]
    expected = sacrebleu(refs, hyp, "--metrics", "bleu", "chrf", "ter", *options, *widths)
    expected += sacrebleu(refs, hyp, "--metrics", "chrf", "--chrf-word-order", "2", *widths)
    result = checker.score(refs, [hyp], metrics=["bleu", "chrf", "ter", "chrf++"], width=width)
    ours = [score.to_json() for score in result.systems[0].scores.values()]
    assert [comparable(s) for s in ours] == [comparable(s) for s in expected]


def test_text_table_prints_the_same_digits() -> None:
    refs = [CORPUS / "en-zh" / "reference.zh", CORPUS / "en-zh" / "reference2.zh"]
    hyp = CORPUS / "en-zh" / "system-b.zh"
    expected = sacrebleu(refs, hyp, "--metrics", "bleu", "chrf", "ter", *DIRECTIONS["en-zh"][1])
    args = ["score", "--ref", str(refs[0]), "--ref", str(refs[1]), "--hyp", str(hyp)]
    out = CliRunner().invoke(main, [*args, "--metrics", "bleu,chrf,ter"]).stdout
    row = next(line for line in out.splitlines() if line.startswith(str(hyp)))
    assert row.split()[1:] == [f"{s['score']:.1f}" for s in expected]
    for printed in expected:
        assert printed["signature"] in out


def test_lines_are_read_as_sacrebleu_reads_them() -> None:
    # CRLF endings, trailing spaces and an empty line in the reference.
    ref, hyp = FIXTURES / "plain" / "ref-crlf.en", FIXTURES / "plain" / "hyp.en"
    expected = sacrebleu([ref], hyp, "--metrics", "bleu", "chrf", "ter", "--width", "4")
    result = checker.score([ref], [hyp], metrics=["bleu", "chrf", "ter"], width=4)
    ours = [score.to_json() for score in result.systems[0].scores.values()]
    assert [comparable(s) for s in ours] == [comparable(s) for s in expected]


def test_paired_bootstrap_equals_sacrebleu() -> None:
    refs = [CORPUS / "zh-en" / "reference.en", CORPUS / "zh-en" / "reference2.en"]
    hyps = [CORPUS / "zh-en" / "system-a.en", CORPUS / "zh-en" / "system-b.en"]
    command = [sys.executable, "-m", "sacrebleu", *map(str, refs), "-i", *map(str, hyps)]
    options = ["-m", "bleu", "chrf", "ter", "--paired-bs", "-f", "text", "-q", "--no-color"]
    printed = subprocess.run([*command, *options], capture_output=True, text=True, check=True)
    # sacrebleu prints "26.1 (26.2 ± 6.1)" per metric and "(p = 0.0010)*" below it.
    cells = re.findall(r"(\d+\.\d) \((\d+\.\d) ± (\d+\.\d)\)", printed.stdout)
    p_values = re.findall(r"\(p = (\d\.\d{4})\)", printed.stdout)
    result = checker.score(refs, hyps, metrics=["bleu", "chrf", "ter"], paired="bs")
    assert result.comparison is not None
    ours = []
    for name in map(str, hyps):
        for key in ("bleu", "chrf", "ter"):
            r = result.comparison.results[name][key]
            assert r.mean is not None and r.ci is not None
            ours.append((f"{r.score:.1f}", f"{r.mean:.1f}", f"{r.ci:.1f}"))
    assert cells == ours
    b = result.comparison.results[str(hyps[1])]
    assert p_values == [f"{b[key].p_value:.4f}" for key in ("bleu", "chrf", "ter")]
    for key, signature in result.comparison.signatures.items():
        assert signature in printed.stdout, key
