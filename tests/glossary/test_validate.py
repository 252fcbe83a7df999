"""`validate`: every problem of a glossary file, each with its line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from glossary.model import Concept, Form, Origin, Status
from glossary.validate import Problem, check_concepts, validate
from tests.glossary.glossary_fixtures import MALFORMED, VALIDATE


def summary(problems: list[Problem]) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity, p.message) for p in problems]


def assert_problems(problems: list[Problem], expected: list[tuple[int, str, str]]) -> None:
    assert [(p.line, p.severity) for p in problems] == [(line, sev) for line, sev, _ in expected]
    for problem, (_, _, fragment) in zip(problems, expected, strict=True):
        assert fragment in problem.message


def test_every_problem_kind_in_a_tsv_file() -> None:
    problems = validate(VALIDATE / "problems.tsv")
    assert {p.path for p in problems} == {str(VALIDATE / "problems.tsv")}
    assert_problems(
        problems,
        [
            (3, "warning", "duplicate of the concept on line 2"),
            (4, "warning", "zh '刷新' is preferred with en 'renew' here "
                           "but with en 'refresh' on line 2"),
            (5, "error", "en: empty form"),
            (6, "error", "en 'Model' is both allowed and forbidden"),
            (7, "warning", "en 'update' is forbidden here but admitted in the concept on line 2"),
            (8, "warning", "zh '帐号' is forbidden here but preferred in the concept on line 9"),
            (9, "warning", "en 'account' is preferred with zh '帐号' here "
                           "but with zh '账号' on line 8"),
            (12, "error", "en: empty form"),
            (13, "warning", "en 'Update' is listed twice"),
        ],
    )  # fmt: skip


def test_unknown_status_key_and_bad_value_in_yaml() -> None:
    assert_problems(
        validate(VALIDATE / "problems.yaml"),
        [
            (4, "error", "unknown status 'deprecated' in key 'en_deprecated'"),
            (9, "error", "boundary: expected word or char"),
            (10, "warning", "duplicate of the concept on line 5"),
        ],
    )


def test_unknown_administrative_statuses_in_tbx() -> None:
    assert_problems(
        validate(VALIDATE / "problems.tbx"),
        [
            (8, "error", "unknown administrativeStatus 'recommendedTerm'"),
            (11, "error", "en 'model' is both allowed and forbidden"),
            (19, "error", "unknown administrativeStatus 'obsolete'"),
        ],
    )


def test_a_clean_glossary_has_no_problem() -> None:
    assert validate(VALIDATE / "clean.tsv") == []


def test_a_file_that_cannot_be_read_is_one_problem(tmp_path: Path) -> None:
    assert summary(validate(MALFORMED / "not_utf8.tsv")) == [
        (3, "error", "not valid UTF-8: cannot decode byte 0xca")
    ]
    (missing,) = validate(tmp_path / "missing.tsv")
    assert (missing.path, missing.line, missing.severity) == (
        str(tmp_path / "missing.tsv"),
        1,
        "error",
    )


def test_problem_is_a_frozen_value_that_prints_like_a_linter() -> None:
    problem = Problem("g.tsv", 3, "warning", "duplicate")
    assert str(problem) == "g.tsv:3: warning: duplicate"
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.line = 4  # type: ignore[misc]


def concept(*forms: Form, line: int, domain: str = "") -> Concept:
    return Concept(tuple(forms), domain=domain, origin=Origin("g.tsv", line))


def test_homonyms_in_different_domains_do_not_conflict() -> None:
    bank = concept(Form("银行", "zh"), Form("bank", "en"), line=2, domain="finance")
    shore = concept(Form("河岸", "zh"), Form("bank", "en"), line=3, domain="geography")
    plain = concept(Form("堤", "zh"), Form("bank", "en"), line=4)
    assert summary(check_concepts([bank, shore])) == []
    assert [p.line for p in check_concepts([bank, plain])] == [4]


def test_case_sensitive_concepts_compare_forms_exactly() -> None:
    apple = Concept(
        (Form("苹果公司", "zh"), Form("Apple", "en")),
        case_sensitive=True,
        origin=Origin("g.tsv", 2),
    )
    fruit = concept(
        Form("苹果", "zh"), Form("apple", "en"), Form("Apple", "en", Status.FORBIDDEN), line=3
    )
    assert [p.message for p in check_concepts([apple, fruit])] == [
        "en 'Apple' is both allowed and forbidden",
    ]
