"""Coverage: each source occurrence classified by how its target renders the concept."""

from __future__ import annotations

from checker.reporting.gather import Coverage, classify
from checker.segment import Segment
from glossary.model import Concept, Form, Glossary, Status

REFRESH = Concept(
    (
        Form("刷新", "zh"),
        Form("refresh", "en"),
        Form("update", "en", Status.ADMITTED),
        Form("brush", "en", Status.FORBIDDEN),
    )
)
UNUSED = Concept((Form("通义实验室", "zh"), Form("Tongyi Lab", "en")))
GLOSSARY = Glossary([REFRESH, UNUSED])


def pair(source: str, target: str, line: int = 1) -> Segment:
    return Segment(source, target, "zh", "en", "a.en.md", line)


def test_each_kind_of_rendering() -> None:
    assert classify(GLOSSARY, REFRESH, pair("刷新纪录", "refreshed the record")) == (
        "preferred",
        "refresh",
    )
    assert classify(GLOSSARY, REFRESH, pair("刷新纪录", "updates the record")) == (
        "admitted",
        "update",
    )
    assert classify(GLOSSARY, REFRESH, pair("刷新纪录", "brush the record")) == (
        "forbidden",
        "brush",
    )
    assert classify(GLOSSARY, REFRESH, pair("刷新纪录", "set a record")) == ("missing", None)


def test_counts_rates_examples_and_unused() -> None:
    coverage = Coverage(GLOSSARY, examples_per_kind=1)
    for line, target in enumerate(["refresh", "refresh", "update", "set", "refresh"], 1):
        coverage.add(pair("刷新", target, line))
    [usage] = coverage.ranked()
    assert usage.occurrences == 5
    assert dict(usage.counts) == {"preferred": 3, "admitted": 1, "missing": 1}
    assert usage.consistency == 3 / 5
    assert usage.compliance == 4 / 5
    assert [e.line for e in usage.examples["preferred"]] == [1]  # capped at examples_per_kind
    assert usage.examples["missing"][0].target == "set"
    assert coverage.unused() == [UNUSED]


def test_worst_concept_comes_first() -> None:
    coverage = Coverage(GLOSSARY)
    coverage.add(pair("刷新", "refresh"))
    coverage.add(pair("通义实验室", "the lab"))
    assert [u.concept for u in coverage.ranked()] == [UNUSED, REFRESH]


def test_a_shared_form_counts_for_the_sense_rendered() -> None:
    confirm = Concept((Form("确认", "zh"), Form("confirm", "en")))
    ensure = Concept(
        (Form("确保", "zh"), Form("确认", "zh", Status.ADMITTED), Form("ensure", "en"))
    )
    coverage = Coverage(Glossary([confirm, ensure]))
    coverage.add(pair("确认密码", "Confirm the password"))
    coverage.add(pair("确认不超过三位", "Ensure there are at most three digits"))
    coverage.add(pair("你确认吗", "Are you sure?"))  # no sense rendered: the first one misses
    counts = {u.concept.label: dict(u.counts) for u in coverage.ranked()}
    assert counts == {
        "确认 = confirm": {"preferred": 1, "missing": 1},
        "确保 = ensure": {"preferred": 1},
    }
