"""load(): a parsed TSV/CSV glossary is kept in the user's cache, and never trusted stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary import Glossary, GlossaryError, formats, load, loading
from glossary.loading import load_default

TERMS = "zh\ten\tnote\n刷新\trefresh\tUI\n通义实验室\tTongyi Lab\t\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "glosscheck"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths load() parsed (rather than read from the cache)."""
    parsed: list[str] = []
    parse = formats.load

    def counting(path: str, **kwargs: object) -> Glossary:
        parsed.append(path)
        return parse(path)

    monkeypatch.setattr(formats, "load", counting)
    return parsed


def test_a_second_load_reads_the_cache_and_gets_the_same_glossary(
    tmp_path: Path, cache: Path, parses: list[str]
) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text(TERMS, encoding="utf-8")
    first = load(path)
    assert len(list(cache.glob("glossary-*.pickle"))) == 1
    again = load(path)
    assert parses == [str(path)]
    assert again.concepts == first.concepts and again.name == first.name == "terms"
    assert [c.origin for c in again] == [c.origin for c in first]  # origins are compared apart
    assert again.find("Click refresh", "en")[0].concept.note == "UI"
    # both term indexes come back built, and match as the freshly built ones do
    assert sorted(again._indexes) == ["en", "zh"]
    for text, lang in (("我们刷新了通义实验室的纪录", "zh"), ("Tongyi Lab refreshed it", "en")):
        found = [(m.start, m.end, m.concept.label) for m in again.find(text, lang)]
        assert found == [(m.start, m.end, m.concept.label) for m in first.find(text, lang)]
        assert found and all(m.concept in again.concepts for m in again.find(text, lang))


def test_an_edited_file_is_read_again(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text(TERMS, encoding="utf-8")
    load(path)
    path.write_text(TERMS + "模型\tmodel\t\n", encoding="utf-8")
    assert [c.label for c in load(path)][-1] == "模型 = model"
    # The same size and modification time (an edit within the clock's resolution).
    before = path.stat()
    path.write_text(TERMS.replace("UI", "UX") + "模型\tmodel\t\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert load(path).concepts[0].note == "UX"


def test_a_corrupt_or_foreign_entry_is_ignored(
    tmp_path: Path, cache: Path, parses: list[str]
) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text(TERMS, encoding="utf-8")
    load(path)
    (entry,) = cache.glob("glossary-*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])  # cut short
    assert len(load(path)) == 2 and len(parses) == 2
    load(path)
    assert len(parses) == 2  # the entry was written again
    os.chmod(entry, 0o666)  # others may write it: unpickling it could run their code
    assert len(load(path)) == 2 and len(parses) == 3


def test_a_faulty_glossary_raises_every_time_and_nothing_is_kept(
    tmp_path: Path, cache: Path
) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("zh\ten\n刷新\trefresh||update\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(GlossaryError, match="empty form"):
            load(path)
    assert not list(cache.glob("glossary-*"))


def test_other_formats_and_missing_files_are_not_cached(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text("concepts:\n  - zh: 刷新\n    en: refresh\n", encoding="utf-8")
    assert len(load(path)) == 1
    with pytest.raises(GlossaryError, match="cannot read"):
        load(tmp_path / "missing.tsv")
    assert not list(cache.glob("glossary-*"))


def test_no_cache_where_the_code_is_not_in_files(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "_code_version", lambda: None)  # a zip archive
    path = tmp_path / "terms.tsv"
    path.write_text(TERMS, encoding="utf-8")
    assert len(load(path)) == 2
    assert not list(cache.glob("glossary-*"))


def test_the_default_glossary_is_cached_too(cache: Path) -> None:
    load_default.cache_clear()
    try:
        assert load_default().name == "default"
        assert len(list(cache.glob("glossary-*.pickle"))) == 1
    finally:
        load_default.cache_clear()
