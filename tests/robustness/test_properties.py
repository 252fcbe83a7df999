"""Item 4: properties over generated input (hypothesis).

The default run is bounded (50 examples a property); set
GLOSSCHECK_HYPOTHESIS_EXAMPLES=2000 for a long run. Crashers found are kept
as explicit examples (`@example`) and under fixtures/crashers.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import polib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import checker
from checker.config import Config
from checker.fixes import fix_until_stable
from checker.segment import Segment
from glossary.errors import GlossaryError
from glossary.formats import dump, load
from glossary.loading import load_default
from glossary.model import Concept, Form, Glossary, Status

EXAMPLES = int(os.environ.get("GLOSSCHECK_HYPOTHESIS_EXAMPLES", "50"))
BOUNDED = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
DEFAULT = load_default()
CRASHERS = Path(__file__).parent / "fixtures" / "crashers"

# Characters that break naive code: combining marks, a supplementary-plane Han
# character, zero-width and direction marks, full-width punctuation, CR.
ODD = "\u0301\u0308𠮷\u200b\u200c\u200d\ufeff\u200e\u200f\u202e\u2028　，。「」％\r"
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(ODD),
        st.sampled_from("保存设置文件 Save settings file %s {0} <b> `x` 10,000 "),
    ),
    max_size=80,
)


@BOUNDED
@given(TEXT, st.sampled_from(["zh", "en"]))
@example("𠮷\u0301保存\u200bSave", "zh")
@example("\u202eSave\u2028settings\r", "en")
def test_find_never_fails_and_spans_are_in_range(text: str, lang: str) -> None:
    for match in DEFAULT.find(text, lang):
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text


@BOUNDED
@given(TEXT, TEXT, st.booleans())
@example("%(name)s 保存", "保存 %(name", False)
@example("{0} file", "{0 文件\u0301", True)
def test_check_never_fails_on_a_segment(source: str, target: str, zh_first: bool) -> None:
    langs = ("zh", "en") if zh_first else ("en", "zh")
    segment = Segment(source, target, *langs, "generated.po", 1)
    report = checker.check([segment], DEFAULT, Config(jobs=1))
    assert report.errors == []
    for finding in report.findings:
        assert finding.line >= 1


TERM_CHARS = st.sampled_from("abcdefgXYZ数据库保存文件设置 -.()+&'#é\u0301𠮷")
TERM = st.text(TERM_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)


@st.composite
def concepts(draw: st.DrawFn) -> Concept:
    zh = draw(st.lists(TERM, min_size=1, max_size=3, unique=True))
    en = draw(st.lists(TERM, min_size=1, max_size=3, unique=True))
    forms = _forms(zh, "zh") + _forms(en, "en")
    return Concept(forms=forms, note=draw(st.sampled_from(["", "a note", "备注"])))


def _forms(texts: list[str], lang: str) -> tuple[Form, ...]:
    """The first form preferred, the others admitted: what a glossary row means."""
    return tuple(
        Form(text, lang, Status.PREFERRED if i == 0 else Status.ADMITTED)
        for i, text in enumerate(texts)
    )


def _shape(glossary: Glossary) -> list[tuple[object, ...]]:
    """What a glossary file must keep: forms with their status, flags and note."""
    return sorted(
        (tuple((f.text, f.lang, str(f.status)) for f in c.forms), c.dnt, c.case_sensitive, c.note)
        for c in glossary
    )


@BOUNDED
@given(st.lists(concepts(), min_size=1, max_size=5), st.sampled_from(["tsv", "yaml"]))
def test_glossary_write_then_read_keeps_every_concept(items: list[Concept], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"g.{fmt}"
        try:
            dump(Glossary(items), path)
        except GlossaryError as error:  # the writer refuses what would read back otherwise
            assert "cannot start with '#'" in error.message
            return
        once = load(path)
        dump(once, path)
        twice = load(path)
    assert _shape(once) == _shape(twice)
    assert _shape(once) == _shape(Glossary(items))


MSG = st.text(
    st.sampled_from('Save the file settings, %s {0} 10,000 . ! ? ( ) " \\ \t'), max_size=40
)
TRANSLATION = st.text(
    st.sampled_from('保存文件设置, . ! ? ( ) : ; %s {0} 10,000 Save " \\'), max_size=30
)


def test_fixing_adjacent_marks_takes_one_run(tmp_path: Path) -> None:
    """Found by the property below: "件:.件" became "件：.件", then "件：。件" on a second
    run; --fix now checks again and fixes until nothing changes."""
    path = tmp_path / "adjacent-marks.po"
    path.write_bytes((CRASHERS / "adjacent-marks.po").read_bytes())
    _fix(str(path))
    after_first = path.read_bytes()
    _fix(str(path))
    assert path.read_bytes() == after_first


@BOUNDED
@given(st.lists(st.tuples(MSG.filter(str.strip), TRANSLATION), min_size=1, max_size=6))
def test_po_fix_is_idempotent_and_keeps_msgids(entries: list[tuple[str, str]]) -> None:
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"}
    for msgid, msgstr in dict(entries).items():
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "messages.po")
        catalog.save(path)
        first = _fix(path)
        after_first = Path(path).read_bytes()
        _fix(path)
        assert Path(path).read_bytes() == after_first, "a second --fix changed the file"
        assert [e.msgid for e in polib.pofile(path)] == [e.msgid for e in catalog]
        assert first >= 0


def _fix(path: str) -> int:
    def run_check() -> checker.Report:
        return checker.check([path], DEFAULT, Config(jobs=1))

    report = run_check()
    assert report.errors == []
    _, applied, refused = fix_until_stable(report, run_check)
    assert refused == []
    return applied
