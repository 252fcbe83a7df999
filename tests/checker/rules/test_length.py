"""L101: translations improbably short or long, measured in English-letter units."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Config, check
from checker.rules.length import HAN_WEIGHT, text_length
from glossary.errors import GlosscheckError
from tests.checker.rules.conftest import Run, segment

CORPORA = Path(__file__).resolve().parents[3] / "corpora"
SOURCE = "通义实验室本周发布了新的开源模型，并公开了模型权重和技术报告。"


def test_length_counts_han_letters_and_digits_but_not_placeholders() -> None:
    assert text_length("模型") == 2 * HAN_WEIGHT
    assert text_length("GPU 2.0, ok!") == 7
    assert text_length("%(name)s {0} https://example.com <b>") == 0
    assert text_length("使用 GPU") == 2 * HAN_WEIGHT + 3


def test_code_paths_and_identifiers_count_as_text() -> None:
    """Copied, they count alike on both sides; translated, they are content."""
    assert text_length("`ls -l` --time-style=时间风格") == 3 + 9 + 4 * HAN_WEIGHT
    assert text_length("Unknown/Install") == 14


def test_a_truncated_translation_is_short(run: Run) -> None:
    (f,) = run("L101", segment(SOURCE, "Tongyi Lab released it."))
    assert str(f.severity) == "info" and "short" in f.message and "0.33–3" in f.message


def test_a_translation_with_extra_content_is_long(run: Run) -> None:
    target = "模型" * 40
    (f,) = run("L101", segment("Enter a valid model name here.", target, "en-zh"))
    assert "long" in f.message


def test_a_complete_translation_is_fine(run: Run) -> None:
    target = (
        "Tongyi Lab released a new open-source model this week and published "
        "the model weights and a technical report."
    )
    assert run("L101", segment(SOURCE, target)) == []


def test_short_sources_are_not_measured(run: Run) -> None:
    assert run("L101", segment("Save the file", "保", "en-zh")) == []


def test_untranslated_and_fuzzy_entries_are_u101s(run: Run) -> None:
    assert run("L101", segment(SOURCE, SOURCE)) == []
    assert run("L101", segment(SOURCE, "Yes.", flags=frozenset({"fuzzy"}))) == []


def test_thresholds_are_options(run: Run) -> None:
    s = segment("Enter a valid value for this field.", "输入有效值。", "en-zh")
    assert run("L101", s) == []
    assert len(run("L101", s, options={"L101": {"min_ratio": 0.8}})) == 1
    assert run("L101", s, options={"L101": {"min_length": 100}}) == []


@pytest.mark.parametrize(
    "options", [{"min_ratio": "low"}, {"min_ratio": 2.0, "max_ratio": 1.0}, {"min_length": True}]
)
def test_bad_options_are_configuration_errors(run: Run, options: dict[str, object]) -> None:
    with pytest.raises(GlosscheckError, match="L101"):
        run("L101", segment(SOURCE, "x"), options={"L101": options})


def test_correct_translations_of_the_corpora_are_not_flagged() -> None:
    report = check([CORPORA / "django", CORPORA / "articles"], config=Config(select=("L101",)))
    assert report.segments > 900 and report.findings == []
