"""The format registry: choosing a format, reading files, writing atomically."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.errors import GlossaryError
from glossary.formats import FORMATS, dump, format_for, load
from glossary.model import Concept, Form, Glossary, Status
from tests.glossary.glossary_fixtures import FIXTURES, VALIDATE, full_glossary

ROOT = Path(__file__).resolve().parents[3]


def test_formats_are_listed_with_their_extensions() -> None:
    assert {f.name: f.extensions for f in FORMATS} == {
        "tsv": (".tsv",),
        "csv": (".csv",),
        "yaml": (".yaml", ".yml"),
        "tbx": (".tbx",),
        "po": (".po",),
    }


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        ("a.TSV", None, "tsv"),
        ("a.yml", None, "yaml"),
        ("a.txt", "csv", "csv"),
        ("a.po", "PO", "po"),
    ],
)
def test_format_for(path: str, fmt: str | None, expected: str) -> None:
    assert format_for(path, fmt).name == expected


def test_unknown_extension_is_an_error_naming_the_file() -> None:
    with pytest.raises(GlossaryError, match=r"unknown glossary extension '\.xlsx'") as caught:
        load("terms.xlsx")
    assert caught.value.path == "terms.xlsx"


def test_missing_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot read glossary") as caught:
        load(tmp_path / "missing.tsv")
    assert caught.value.path == str(tmp_path / "missing.tsv")


def test_format_can_be_named_explicitly(tmp_path: Path) -> None:
    copy = tmp_path / "terms.txt"
    copy.write_bytes((FIXTURES / "full.yaml").read_bytes())
    assert load(copy, fmt="yaml").concepts == full_glossary().concepts


def test_glossary_is_named_after_the_file() -> None:
    assert load(FIXTURES / "full.tsv").name == "full"


def test_load_raises_on_the_first_problem_and_collects_all_on_request() -> None:
    with pytest.raises(GlossaryError) as caught:
        load(VALIDATE / "problems.tsv")
    assert caught.value.line == 5
    problems: list[GlossaryError] = []
    glossary = load(VALIDATE / "problems.tsv", on_problem=problems.append)
    assert [p.line for p in problems] == [5, 12]
    assert len(glossary) == 10  # 12 rows, 2 malformed


@pytest.mark.slow
def test_only_the_needed_format_module_is_imported() -> None:
    script = (
        "import sys\n"
        "from glossary.formats import load\n"
        f"load({str(FIXTURES / 'full.tsv')!r})\n"
        "heavy = ['yaml', 'polib', 'xml.sax', 'defusedxml', 'glossary.formats.tbx',\n"
        "         'glossary.formats.yaml_format', 'glossary.formats.po_compendium']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_dump_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "terms.tsv"
    target.write_text("zh\ten\n", encoding="utf-8")
    target.chmod(0o640)
    dump(full_glossary(), target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert load(target).concepts == full_glossary().concepts
    assert os.listdir(tmp_path) == ["terms.tsv"]  # no temporary file left behind


def test_failed_dump_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "terms.tsv"
    target.write_text("zh\ten\n刷新\trefresh\n", encoding="utf-8")
    with pytest.raises(GlossaryError):
        dump(Glossary([Concept((Form("a|b", "en"),))]), target)
    assert target.read_text(encoding="utf-8") == "zh\ten\n刷新\trefresh\n"


def test_dump_refuses_a_concept_without_an_allowed_form(tmp_path: Path) -> None:
    glossary = Glossary([Concept((Form("brush", "en", Status.FORBIDDEN),))])
    with pytest.raises(GlossaryError, match="no preferred or admitted form"):
        dump(glossary, tmp_path / "out.yaml")


def test_dump_into_a_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot write glossary"):
        dump(full_glossary(), tmp_path / "missing" / "out.tsv")
