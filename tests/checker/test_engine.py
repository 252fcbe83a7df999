"""The engine: --jobs spreads files, and a big file's segments, over processes
without changing a finding or its order."""

from __future__ import annotations

import pickle
from pathlib import Path

import polib
import pytest

import checker
from checker import engine
from checker.config import Config, selected_rules
from checker.readers import ReadOptions, plan, read
from checker.report import Report, Sorted
from checker.rules import RULES, RuleContext, Scan
from checker.rules.base import Group, Groups
from checker.segment import Segment
from glossary.loading import load_default

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
DJANGO = CORPORA / "django"


def findings(report: Report) -> list[dict[str, object]]:
    return [f.to_json() for f in report.findings]


def same_reports(one: Report, two: Report) -> None:
    assert findings(one) == findings(two)
    assert (one.files, one.segments, one.summary()) == (two.files, two.segments, two.summary())
    assert [repr(e) for e in one.errors] == [repr(e) for e in two.errors]
    assert one.stamps == two.stamps


def big_catalog(path: Path, copies: int) -> Path:
    """The Django catalogs in one file, `copies` times, each copy with its own msgctxt
    but the second, which repeats the first's with a space after each msgid and other
    commas: C101, C102 and T103 then compare entries far apart."""
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_Hans"}
    for copy in range(copies):
        for po in sorted(DJANGO.rglob("*.po")):
            for entry in polib.pofile(str(po)):
                if entry.obsolete:
                    continue
                entry.msgctxt = f"{max(copy - 1, 0)}:{po.relative_to(DJANGO)}:{entry.msgctxt or ''}"
                if copy == 1:
                    entry.msgid += " "  # the same source for C101, not a duplicate
                    entry.msgstr = entry.msgstr.replace("，", ", ")
                catalog.append(entry)
    catalog.save(str(path))
    return path


@pytest.mark.parametrize("how", ["parts", "chunks"])  # a catalog, or any other big file
def test_a_big_file_is_split_over_processes_with_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    path = big_catalog(tmp_path / "big.po", 3)
    monkeypatch.setattr(engine, "_SPLIT_BYTES", 1024)
    monkeypatch.setattr(engine, "_CHUNK", 97)
    monkeypatch.setattr(engine, "_PART_BYTES", 20_000)
    if how == "chunks":
        monkeypatch.setattr(engine, "_parts", lambda job, options, result: [])
    (job,) = plan([str(path)], engine.read_options(Config()))
    assert engine._to_split([job], 2)
    assert (len(engine._parts(job, ReadOptions(), engine.FileResult(job))) > 10) == (how == "parts")
    one = checker.check([path], config=Config(jobs=1))
    two = checker.check([path], config=Config(jobs=2))
    same_reports(one, two)
    assert {"T103", "C101", "C102", "P105"} <= set(one.summary()["by_rule"])


@pytest.mark.parametrize(
    "damaged",
    [
        'msgstr "保存"',  # none
        'msgstr "保存',  # unterminated
        '\n# the translator stopped here"',  # truncated
        'msgstr "保存" x',  # a syntax error: what comes before is still checked
    ],
)
def test_a_catalog_cut_anywhere_gives_the_same_findings_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: str
) -> None:
    """Cut at every line: the parts that start inside an entry are read by the one before."""
    from tests.checker.readers.test_po_parts import ENTRIES, HEADER, cut_everywhere

    entries = ENTRIES.replace("Wrapped", "Save").replace("第二行", "%s 第二行")
    text = HEADER + entries * 3 + entries.replace('msgstr "保存"', damaged, 1) + entries * 2
    path = tmp_path / "zh_CN.po"
    path.write_text(text + 'msgctxt "menu"\nmsgid "Save"\nmsgstr "存储"\n', encoding="utf-8")
    monkeypatch.setattr(engine, "_SPLIT_BYTES", 100)
    one = checker.check([path], config=Config(jobs=1))
    with cut_everywhere():
        two = checker.check([path], config=Config(jobs=2))
    same_reports(one, two)
    assert one.errors and one.findings


def test_files_split_or_whole_give_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    one = checker.check([CORPORA], config=Config(jobs=1))
    monkeypatch.setattr(engine, "_to_split", lambda jobs, processes: set(jobs[::2]))
    monkeypatch.setattr(engine, "_CHUNK", 7)
    two = checker.check([CORPORA], config=Config(jobs=2))
    same_reports(one, two)
    assert {"T103", "C101"} <= set(one.summary()["by_rule"])


def test_without_fork_workers_rebuild_the_glossary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_FORK", False)
    monkeypatch.setattr(engine, "_to_split", lambda jobs, processes: set(jobs[:1]))
    paths = sorted(DJANGO.rglob("*.po"))[:3]
    same_reports(
        checker.check(paths, config=Config(jobs=1)), checker.check(paths, config=Config(jobs=2))
    )


def test_a_small_single_file_is_not_split() -> None:
    job = plan([str(DJANGO / "conf/zh_Hans/django.po")], engine.read_options(Config()))
    assert engine._to_split(job, 2) == set()


@pytest.mark.parametrize("code", ["T103", "C101", "C102"])
def test_what_cross_file_rules_gather_merges_as_if_read_in_one_process(code: str) -> None:
    glossary = load_default()
    options = engine.read_options(Config())
    jobs = plan([str(DJANGO), str(CORPORA / "articles")], options)
    segments = [s for job in jobs for s in read(job, options)]
    # Django's catalogs have no C102 left to report: two sources sharing a translation
    segments += [
        Segment(src, "开启", "en", "zh", "extra.po", n)
        for n, src in enumerate(["Open", "Launch"], 1)
    ]
    context = RuleContext(glossary)
    whole, first, later = (RULES[code](context) for _ in range(3))
    cut = len(segments) // 3
    for rule, part in ((whole, segments), (first, segments[:cut]), (later, segments[cut:])):
        for segment in part:
            list(rule.check(Scan(segment, glossary)))
    first.merge(pickle.loads(pickle.dumps(later.gathered())))  # as a worker sends it
    merged = [f.to_json() for f in first.finish()]
    assert merged == [f.to_json() for f in whole.finish()]
    assert merged  # the corpora give each of them something to report


def test_every_cross_file_rule_is_known_to_gather() -> None:
    rules = [rule(RuleContext(load_default())) for rule in selected_rules(Config())]
    assert {r.code for r in rules if engine._gathers(r)} == {"T103", "C101", "C102"}
    assert {r.code for r in rules if engine._gathers_here(r)} == {"C101", "C102"}


@pytest.mark.parametrize("batch", [3, 1_000])  # written in batches, or all held in memory
@pytest.mark.parametrize("seed", ["same", "other"])  # forked workers, or spawned ones
def test_groups_kept_on_disk_come_back_in_order_across_batches(
    monkeypatch: pytest.MonkeyPatch, batch: int, seed: str
) -> None:
    monkeypatch.setattr(Groups, "_BATCH", batch)  # several batches written, some rows held
    monkeypatch.setattr(Group, "BLOCK", 2)  # a group read back from several blocks
    groups, later = Groups(), Groups()
    rows = ["aX", "bX", "aX", "cX", "bY", "aZ", "dX", "dX", "aX", "aX"]
    for n, (key, variant) in enumerate(rows):
        (groups if n < 5 else later).add(key, variant, ("path", n))
    packed = pickle.loads(pickle.dumps(later.rows()))  # as a worker sends them
    if seed == "other":  # its rows fall in other parts: read back and added one by one
        packed = packed._replace(hashing=packed.hashing + 1)
    groups.extend(packed)
    found = [(g.counts, g.first, list(g), list(g)) for g in groups.multiple()]
    a, b = [("path", n) for n in (0, 2, 5, 8, 9)], [("path", 1), ("path", 4)]
    assert found == [  # groups by first row, variants by first use, items read twice alike
        ({"X": 4, "Z": 1}, {"X": ("path", 0), "Z": ("path", 5)}, a, a),
        ({"X": 1, "Y": 1}, {"X": ("path", 1), "Y": ("path", 4)}, b, b),
    ]
    assert list(pickle.loads(pickle.dumps(groups)).multiple()) == []  # a copy starts empty


def test_findings_written_to_disk_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(DJANGO.rglob("*.po"))[:4]
    held = checker.check(paths)
    monkeypatch.setattr(Sorted, "_HELD", 5)
    monkeypatch.setattr(Sorted, "_BLOCK", 2)
    spilled = checker.check(paths, spill=True)
    assert spilled.findings == [] and spilled.spilled is not None
    assert [f.to_json() for f in spilled.each()] == [f.to_json() for f in held.findings]
    assert spilled.summary() == held.summary() and spilled.count() > 10
