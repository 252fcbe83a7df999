"""TSV and CSV: the canonical glossary format."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import GlossaryError
from glossary.formats import dump, load
from glossary.model import Concept, Form, Glossary, Status
from tests.glossary.formats.contract import FormatContract
from tests.glossary.glossary_fixtures import FIXTURES, MALFORMED, full_glossary

TSV_CASES = (
    ("unknown_column.tsv", 1, "unknown column 'colour'"),
    ("missing_en.tsv", 1, "missing required column 'en'"),
    ("duplicate_column.tsv", 1, "column 'zh' appears twice"),
    ("empty.tsv", 1, "no header row"),
    ("bad_dnt.tsv", 5, "dnt: expected yes or no, got 'maybe'"),
    ("bad_case.tsv", 2, "case: expected yes or no"),
    ("bad_boundary.tsv", 3, "boundary: expected word or char, got 'syllable'"),
    ("empty_form.tsv", 2, "en: empty form"),
    ("trailing_bar.tsv", 3, "zh: empty form"),
    ("no_forms.tsv", 3, "no zh or en form"),
    ("too_many_cells.tsv", 3, "3 cells, but the header names 2 columns"),
    ("not_utf8.tsv", 3, "not valid UTF-8: cannot decode byte 0xca"),
)


class TestTSV(FormatContract):
    suffix = ".tsv"
    full_lines = (3, 4, 5, 8, 9, 10)
    malformed = TSV_CASES
    two_problems = ("validate/problems.tsv", (5, 12))


class TestCSV(FormatContract):
    suffix = ".csv"
    full_lines = (3, 4, 5, 8, 9, 10)
    malformed = (
        ("unclosed_quote.csv", 2, "unclosed or stray quote"),
        ("multiline.csv", 5, "dnt: expected yes or no, got 'perhaps'"),
    )
    two_problems = ("malformed/two_problems.csv", (3, 6))


def test_spec_example_reads_as_documented() -> None:
    refresh, tongyi = load(FIXTURES / "spec_example.tsv")
    assert refresh.forms == (
        Form("刷新", "zh"),
        Form("refresh", "en"),
        Form("update", "en", Status.ADMITTED),
        Form("brush", "en", Status.FORBIDDEN),
    )
    assert refresh.note == 'as in "refresh a benchmark record"'
    assert tongyi.forbidden("en") == (Form("Tongyi Laboratory", "en", Status.FORBIDDEN),)
    assert tongyi.note == ""


def test_dnt_concept_may_give_one_side_only() -> None:
    qwen = load(FIXTURES / "full.tsv").concepts[2]
    assert qwen.forms == (Form("Qwen", "en"),)
    assert qwen.dnt
    assert qwen.preferred("zh") == Form("Qwen", "zh")  # the model copies it


def test_byte_order_mark_and_crlf_keep_line_numbers() -> None:
    concepts = load(FIXTURES / "bom.tsv").concepts
    assert [c.label for c in concepts] == ["刷新 = refresh", "数据 = data"]
    assert [c.origin.line for c in concepts if c.origin] == [2, 4]


def test_quoted_csv_cell_may_span_lines_and_hold_a_hash_line() -> None:
    problems: list[GlossaryError] = []
    (refresh,) = load(MALFORMED / "multiline.csv", on_problem=problems.append)
    assert refresh.note == "a note\n# not a comment: inside quotes\nover three lines"
    assert refresh.origin is not None and refresh.origin.line == 2
    assert [p.line for p in problems] == [5]


def test_rows_of_empty_cells_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("zh,en,note\n刷新,refresh,,,\n,,\n", encoding="utf-8")
    assert [c.label for c in load(path)] == ["刷新 = refresh"]


@pytest.mark.parametrize("suffix", [".tsv", ".csv"])
def test_writer_adds_only_the_optional_columns_in_use(tmp_path: Path, suffix: str) -> None:
    glossary = Glossary([Concept((Form("刷新", "zh"), Form("refresh", "en")), dnt=True)])
    dump(glossary, tmp_path / f"out{suffix}")
    header = (tmp_path / f"out{suffix}").read_text(encoding="utf-8").splitlines()[0]
    assert header == ("zh\ten\tdnt" if suffix == ".tsv" else "zh,en,dnt")


def test_writer_writes_every_column_of_the_full_glossary(tmp_path: Path) -> None:
    dump(full_glossary(), tmp_path / "out.tsv")
    lines = (tmp_path / "out.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == [
        "zh", "en", "zh_forbidden", "en_forbidden", "dnt", "case", "boundary", "note", "domain",
        "pos",
    ]  # fmt: skip
    assert lines[3].split("\t")[:6] == ["", "Qwen", "", "", "yes", "yes"]


def test_csv_keeps_a_line_break_that_tsv_refuses(tmp_path: Path) -> None:
    glossary = Glossary([Concept((Form("刷新", "zh"), Form("refresh", "en")), note="two\nlines")])
    dump(glossary, tmp_path / "out.csv")
    assert load(tmp_path / "out.csv").concepts == glossary.concepts
    with pytest.raises(GlossaryError, match="TSV cells cannot hold tabs or line breaks"):
        dump(glossary, tmp_path / "out.tsv")
    assert not (tmp_path / "out.tsv").exists()


@pytest.mark.parametrize("suffix", [".tsv", ".csv"])
def test_writer_refuses_a_form_holding_the_separator(tmp_path: Path, suffix: str) -> None:
    glossary = Glossary([Concept((Form("A|B testing", "en"),))])
    with pytest.raises(GlossaryError, match="contains '\\|'") as caught:
        dump(glossary, tmp_path / f"out{suffix}")
    assert caught.value.path == str(tmp_path / f"out{suffix}")
