"""gettext catalogs: header language, plurals, flags, positions, suppression, errors."""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from unittest import mock

import polib
import pytest

from checker.readers import Job, ReadOptions, po_text, read
from checker.readers.po_lint import Lint
from checker.readers.po_parser import Entry
from checker.segment import Segment
from glossary.errors import InputError
from tests.checker.readers.contract import ReaderContract, fixture

PO_ESCAPES = {"\n": ("\\n",), '"': ('\\"',), "\\": ("\\\\",), "\t": ("\\t",)}


def read_po(name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read(Job("po", fixture(name)), options or ReadOptions()))


def by_source(segments: list[Segment]) -> dict[str, Segment]:
    return {segment.source: segment for segment in segments}


class TestFeaturesContract(ReaderContract):
    reader = "po"
    fixture = "po/features.po"
    escapes = PO_ESCAPES


class TestDjangoCatalogContract(ReaderContract):
    reader = "po"
    fixture = "po/django-humanize.po"
    escapes = PO_ESCAPES


class TestMoContract(ReaderContract):
    reader = "po"
    fixture = "po/django-humanize.mo"
    text_format = False


class TestHeaderAndLanguages:
    def test_language_header_sets_target_and_locale(self) -> None:
        for segment in read_po("po/features.po"):
            assert (segment.source_lang, segment.target_lang) == ("en", "zh")
            assert segment.target_locale == "zh_Hans"

    def test_english_catalog_has_chinese_source(self) -> None:
        segments = read_po("po/en.po")
        assert {(s.source_lang, s.target_lang, s.target_locale) for s in segments} == {
            ("zh", "en", "en")
        }

    def test_options_override_the_header(self) -> None:
        segments = read_po("po/features.po", ReadOptions(target_lang="en"))
        assert {(s.source_lang, s.target_lang) for s in segments} == {("zh", "en")}

    def test_locale_from_the_path_when_the_header_has_none(self) -> None:
        (segment,) = read_po("po/locale/zh_TW/LC_MESSAGES/app.po")
        assert (segment.target_lang, segment.target_locale) == ("zh", "zh_TW")

    def test_other_languages_are_an_error_unless_overridden(self) -> None:
        with pytest.raises(InputError, match="'fr' is neither Chinese nor English") as raised:
            read_po("po/french.po")
        assert raised.value.path == fixture("po/french.po")
        (segment,) = read_po("po/french.po", ReadOptions(target_lang="zh"))
        assert segment.target == "Actualiser"

    def test_template_entries_are_flagged_and_default_to_chinese(self) -> None:
        (segment,) = read_po("po/template.pot")
        assert segment.target == ""
        assert segment.target_lang == "zh"
        assert "template" in segment.flags


class TestEntries:
    def test_header_and_obsolete_entries_are_skipped(self) -> None:
        sources = [segment.source for segment in read_po("po/features.po")]
        assert sources == [
            "Refresh",
            "Hello, %(name)s",
            "%d files",
            "Open",
            "{count} models",
            "Untranslated",
        ]

    def test_empty_translation_is_kept(self) -> None:
        assert by_source(read_po("po/features.po"))["Untranslated"].target == ""

    def test_fuzzy_and_format_flags(self) -> None:
        segments = by_source(read_po("po/features.po"))
        assert segments["%d files"].flags == {"fuzzy", "c-format"}
        assert segments["%d files"].fuzzy
        assert segments["Hello, %(name)s"].flags == {"python-format"}
        assert segments["{count} models"].flags == {"python-brace-format"}
        assert not segments["Refresh"].flags

    def test_translator_comment_suppresses_codes_and_names(self) -> None:
        segments = by_source(read_po("po/features.po"))
        assert segments["Hello, %(name)s"].suppressed == {"T101", "term-missing"}
        assert segments["Refresh"].suppressed == frozenset()

    def test_key_is_context_and_msgid(self) -> None:
        segments = by_source(read_po("po/features.po"))
        assert segments["Open"].key == "menu\x04Open"
        assert segments["Open"].meta["msgctxt"] == "menu"
        assert segments["Refresh"].key == "Refresh"
        assert segments["Refresh"].meta["occurrences"] == "app/views.py:12"

    def test_multiline_msgstr_is_joined_and_unescaped(self) -> None:
        assert by_source(read_po("po/features.po"))["Open"].target == '打开\n"最近"文件'


class TestPlurals:
    def test_one_segment_per_form_with_singular_and_plural_sources(self) -> None:
        one, many = read_po("po/en.po")
        assert (one.source, one.target, one.key) == ("一个模型", "one model", "一个模型[0]")
        assert (many.source, many.target, many.key) == ("%d 个模型", "%d models", "一个模型[1]")
        assert many.meta["plural_index"] == "1"
        assert (one.line, many.line) == (11, 12)

    def test_single_form_is_checked_against_msgid_plural(self) -> None:
        # nplurals=1: msgstr[0] serves every count, so its placeholders follow msgid_plural.
        segment = by_source(read_po("po/features.po"))["{count} models"]
        assert segment.key == "{count} model[0]"
        assert segment.meta["msgid"] == "{count} model"

    def test_django_plural_source_keeps_its_placeholder(self) -> None:
        segments = read_po("po/django-humanize.po")
        (hours,) = [s for s in segments if s.meta.get("msgid") == "an hour ago"]
        assert hours.source == "%(count)s\xa0hours ago"
        assert hours.target == "%(count)s小时之前"
        assert (hours.line, hours.locate(0)) == (189, (189, 12))


class TestPositions:
    """Lines and columns checked by hand against fixtures/po/features.po."""

    def test_line_is_the_msgstr_keyword_line(self) -> None:
        lines = {s.source: s.line for s in read_po("po/features.po")}
        assert lines == {
            "Refresh": 13,
            "Hello, %(name)s": 18,
            "%d files": 22,
            "Open": 26,
            "{count} models": 33,
            "Untranslated": 36,
        }

    def test_columns_start_after_the_opening_quote(self) -> None:
        segments = by_source(read_po("po/features.po"))
        assert segments["Refresh"].locate(0) == (13, 9)
        assert segments["Refresh"].locate(1) == (13, 10)
        assert segments["{count} models"].locate(0) == (33, 12)
        assert segments["Untranslated"].locate(0) == (36, 9)

    def test_multiline_msgstr_points_into_each_chunk(self) -> None:
        # msgstr ""            line 26
        # "打开\n"             line 27
        # "\"最近\"文件"       line 28
        open_ = by_source(read_po("po/features.po"))["Open"]
        assert open_.locate(0) == (27, 2)
        assert open_.locate(2) == (27, 4)  # the \n escape
        assert open_.locate(3) == (28, 2)  # the \" escape
        assert open_.locate(4) == (28, 4)  # 最, after one escape
        assert open_.locate(7) == (28, 8)  # 文, after two escapes

    def test_source_line_is_the_msgid_line(self) -> None:
        assert by_source(read_po("po/features.po"))["Open"].source_line == 25


class TestMo:
    def test_mo_holds_the_same_translations_as_its_po(self) -> None:
        po = {(s.key, s.source, s.target) for s in read_po("po/django-humanize.po")}
        mo = read_po("po/django-humanize.mo")
        assert {(s.key, s.source, s.target) for s in mo} == po
        assert {(s.line, s.anchors) for s in mo} == {(1, ())}
        assert {s.target_locale for s in mo} == {"zh_CN"}

    def test_truncated_mo_is_an_input_error(self, tmp_path: Path) -> None:
        broken = tmp_path / "broken.mo"
        broken.write_bytes(Path(fixture("po/django-humanize.mo")).read_bytes()[:100])
        with pytest.raises(InputError, match="not a valid MO file") as raised:
            list(read(Job("po", str(broken)), ReadOptions()))
        assert raised.value.path == str(broken)


class TestErrors:
    def test_polib_syntax_error_names_the_line(self) -> None:
        with pytest.raises(InputError, match="unescaped double quote") as raised:
            read_po("po/broken.po")
        assert (raised.value.path, raised.value.line) == (fixture("po/broken.po"), 9)
        assert "Syntax error in po file" not in str(raised.value)

    def test_gb18030_bytes_in_a_utf8_catalog_name_the_line(self) -> None:
        with pytest.raises(InputError, match="not valid UTF-8") as raised:
            read_po("po/gb18030.po")
        assert raised.value.line == 7

    def test_entries_match_polib(self) -> None:
        """Every translation polib sees is read, none invented."""
        catalog = polib.pofile(fixture("po/django-humanize.po"))
        expected = sum(
            len(entry.msgstr_plural) if entry.msgid_plural else 1
            for entry in catalog
            if not entry.obsolete
        )
        assert len(read_po("po/django-humanize.po")) == expected


def test_target_only_option_marks_segments() -> None:
    segments = read_po("po/features.po", ReadOptions(target_only=True))
    assert all(segment.target_only for segment in segments)


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    text = Path(fixture("po/features.po")).read_text(encoding="utf-8")
    catalog = tmp_path / "gb.po"
    catalog.write_bytes(text.replace("charset=UTF-8", "charset=GB18030").encode("gb18030"))
    segments = list(read(Job("po", str(catalog)), ReadOptions()))
    assert [(s.target, s.line, s.anchors) for s in segments] == [
        (s.target, s.line, s.anchors) for s in read_po("po/features.po")
    ]


class TestStreaming:
    """The catalog is read as a stream of entries; what that changes, and what it keeps."""

    def test_entries_before_a_syntax_error_are_read(self) -> None:
        segments: list[Segment] = []
        with pytest.raises(InputError, match="unescaped double quote") as raised:
            segments.extend(read(Job("po", fixture("po/broken.po")), ReadOptions()))
        assert [s.source for s in segments] == ["ok"]
        assert raised.value.line == 9

    def test_memory_does_not_grow_with_the_catalog(self, tmp_path: Path) -> None:
        """Peak memory while reading 5,000 and 25,000 entries: a few bytes more an
        entry (the duplicate check's hashes), where holding the entries took a kilobyte."""
        read_po("po/features.po")  # compiled patterns and caches, before measuring
        peaks = [self.peak(tmp_path, entries) for entries in (5_000, 25_000)]
        assert peaks[1] < 4_000_000
        assert (peaks[1] - peaks[0]) / 20_000 < 50

    @staticmethod
    def peak(folder: Path, entries: int) -> int:
        entry = '#: app.py:1\nmsgctxt "{n}"\nmsgid "Save the file"\nmsgstr "保存文件"\n\n'
        path = folder / f"{entries}.po"
        text = "".join(entry.format(n=n) for n in range(entries))
        path.write_text(f'msgid ""\nmsgstr "Language: zh_CN\\n"\n\n{text}', encoding="utf-8")
        with mock.patch.multiple(po_text, _CHUNK=1 << 16, _HEAD=1 << 16):
            tracemalloc.start()
            assert sum(1 for _ in read(Job("po", str(path)), ReadOptions())) == entries
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        return peak

    def test_the_first_empty_msgid_is_the_header(self, tmp_path: Path) -> None:
        path = tmp_path / "two.po"
        path.write_text(
            'msgid ""\nmsgstr "Language: zh_CN\\n"\n\nmsgid "Save"\nmsgstr "保存"\n\n'
            'msgid ""\nmsgstr "Language: fr\\n"\n',
            encoding="utf-8",
        )
        (segment,) = read(Job("po", str(path)), ReadOptions())
        assert segment.target_locale == "zh_CN"


class TestWithoutHeader:
    """The first entry of a catalog without a header is checked like any other."""

    def write(self, tmp_path: Path, text: str) -> str:
        path = tmp_path / "zh_CN.po"
        path.write_text(text, encoding="utf-8")
        return str(path)

    def test_entries_before_a_late_header_follow_it(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path, 'msgid "Save"\nmsgstr "保存"\n\nmsgid ""\nmsgstr "Language: en\\n"\n'
        )
        (segment,) = read(Job("po", path), ReadOptions())
        assert (segment.target_lang, segment.target_locale, segment.line) == ("en", "en", 2)

    def test_an_unterminated_first_entry_is_skipped(self, tmp_path: Path) -> None:
        path = self.write(tmp_path, 'msgid "Save"\nmsgstr "保存\n\nmsgid "Open"\nmsgstr "打开"\n')
        segments: list[Segment] = []
        with pytest.raises(InputError, match="unterminated string") as raised:
            segments.extend(read(Job("po", path), ReadOptions()))
        assert [s.source for s in segments] == ["Open"]
        assert raised.value.line == 2

    def test_a_duplicate_of_the_first_entry_names_its_line(self, tmp_path: Path) -> None:
        path = self.write(tmp_path, '\nmsgid "Save"\nmsgstr "保存"\n\nmsgid "Save"\nmsgstr "存"\n')
        with pytest.raises(InputError, match="first defined at line 2") as raised:
            list(read(Job("po", path), ReadOptions()))
        assert raised.value.line == 5


def test_a_truncated_last_entry_before_a_comment_skips_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "cut.po"
    path.write_text(
        'msgid ""\nmsgstr "Language: zh_CN\\n"\n\nmsgid "Save"\nmsgstr "保存"\n\n'
        'msgid "Open"\n# the translator stopped here\n',
        encoding="utf-8",
    )
    segments: list[Segment] = []
    with pytest.raises(InputError, match="truncated entry") as raised:
        segments.extend(read(Job("po", str(path)), ReadOptions()))
    assert [s.source for s in segments] == ["Save"]
    assert raised.value.line == 7


def test_duplicates_are_found_among_many_entries(tmp_path: Path) -> None:
    """The duplicate check keeps hashes, not keys: many entries, a small filter, exact answers."""
    lint = Lint("many.po", size=0)  # the smallest filter: many false alarms to settle
    for n in range(30_000):
        entry = Entry(n + 1)
        entry.msgid, entry.msgctxt = f"message {n % 29_990}", "menu" if n % 2 else None
        lint.entry(entry)
    problems = lint.problems()
    assert len(problems) == 10
    assert [p.line for p in problems] == list(range(29_991, 30_001))
    assert "duplicate msgid 'message 0', first defined at line 1;" in problems[0].message
