"""Planning: directory expansion, pairing by suffix, target-only, interleaved, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.readers import Job, ReadOptions, plan
from glossary.errors import InputError
from tests.checker.readers.contract import fixture

TREE = fixture("tree")


def tree(name: str) -> str:
    return os.path.join(TREE, name)


def test_directory_expansion_pairs_and_skips_hidden_and_unknown() -> None:
    assert plan([TREE], ReadOptions()) == [
        Job("text", tree("alone.en.md")),
        Job("tsv", tree("data.tsv")),
        Job("paired", tree("page.en.md"), tree("page.zh.md")),
        Job("po", tree("sub/app.po")),
    ]


def test_a_document_without_language_is_read_only_when_named() -> None:
    # README.md sits in TREE: a directory walk passes it over (it is no translation).
    assert all("README" not in job.path for job in plan([TREE], ReadOptions()))
    assert plan([tree("README.md")], ReadOptions()) == [Job("text", tree("README.md"))]


def test_naming_either_half_plans_the_pair() -> None:
    expected = [Job("paired", tree("page.en.md"), tree("page.zh.md"))]
    assert plan([tree("page.zh.md")], ReadOptions()) == expected
    assert plan([tree("page.en.md"), tree("page.zh.md")], ReadOptions()) == expected


def test_english_source_makes_the_chinese_document_the_target() -> None:
    assert plan([tree("page.en.md")], ReadOptions(source_lang="en")) == [
        Job("paired", tree("page.zh.md"), tree("page.en.md"))
    ]


def test_target_only_reads_each_document_alone() -> None:
    assert plan([tree("page.en.md"), tree("page.zh.md")], ReadOptions(target_only=True)) == [
        Job("text", tree("page.en.md")),
        Job("text", tree("page.zh.md")),
    ]


def test_explicit_pair() -> None:
    source, target = (
        fixture("docs/source-without-suffix.md"),
        fixture("docs/target-without-suffix.md"),
    )
    options = ReadOptions(pairs=((source, target),))
    assert plan([source, target], options) == [
        Job("paired", os.path.normpath(target), os.path.normpath(source))
    ]


def test_locale_suffixes_pair() -> None:
    assert plan([fixture("docs/readme.en-US.md")], ReadOptions()) == [
        Job("paired", fixture("docs/readme.en-US.md"), fixture("docs/readme.zh-Hans.md"))
    ]


def test_documents_without_suffix_are_interleaved_or_target_only() -> None:
    names = ["docs/bilingual.md", "docs/article.md", "docs/lone.en.md"]
    assert plan([fixture(name) for name in names], ReadOptions()) == [
        Job("text", fixture("docs/article.md")),
        Job("interleaved", fixture("docs/bilingual.md")),
        Job("text", fixture("docs/lone.en.md")),
    ]


def test_plan_is_sorted_and_without_duplicates() -> None:
    jobs = plan([TREE, tree("data.tsv"), TREE + "/"], ReadOptions())
    assert jobs == sorted(set(jobs), key=lambda job: (job.path, job.partner or "", job.reader))
    assert len(jobs) == 4


def test_missing_path_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no such file") as raised:
        plan([tree("nothing.po")], ReadOptions())
    assert raised.value.path == tree("nothing.po")


def test_named_file_of_unknown_type_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"unsupported file type \.rst"):
        plan([tree("notes.rst")], ReadOptions())


def test_undecodable_document_is_planned_and_fails_when_read(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe\xfd")
    assert plan([str(broken)], ReadOptions()) == [Job("text", str(broken))]
