"""Every format written in chunks is byte for byte the document built whole, the old way.

The references dump the whole document with `json.dumps(indent=2)` (or join
every line), as the renderers did before they streamed.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import Report, check
from checker.finding import Finding, Fix, Severity, TermInfo
from checker.output import FORMATS, chunks
from checker.output.github import _finding, _input_error
from checker.output.gitlab import gitlab_issues
from checker.output.sarif import sarif_log
from checker.report import Sorted
from glossary.errors import GlosscheckError, InputError
from tests.checker.output.reports import ARTICLES, BROKEN, FAULTY, FIXTURES, ROOT

VERSION = "1.2.3"


def _dumped(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_whole(report: Report) -> str:
    errors = [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors]
    return _dumped({**report.to_json(VERSION), "errors": errors})


def _github_whole(report: Report) -> str:
    lines = [_finding(f) for f in report.each()]
    lines.extend(_input_error(e) for e in report.errors)
    return "".join(line + "\n" for line in lines)


def _gitlab_whole(report: Report) -> str:
    """The issues in one list, their copies numbered here as the old renderer did."""
    issues = gitlab_issues(report)
    seen: Counter[str] = Counter()
    for issue, f in zip(issues, report.each(), strict=False):  # input errors come last
        seen[f.fingerprint] += 1
        count = seen[f.fingerprint]
        issue["fingerprint"] = f.fingerprint if count == 1 else f"{f.fingerprint}-{count}"
    return _dumped(issues)


WHOLE: dict[str, Callable[[Report], str]] = {
    "json": _json_whole,
    "sarif": lambda report: _dumped(sarif_log(report, VERSION)),
    "github": _github_whole,
    "gitlab": _gitlab_whole,
}


def assert_streamed_as_whole(report: Report, output_format: str) -> None:
    pieces = list(chunks(output_format, report, VERSION, False))
    assert "".join(pieces) == WHOLE[output_format](report)
    assert FORMATS[output_format](report, VERSION, False) == "".join(pieces)


def _finding_of(mixed_report: Report) -> Report:
    """One finding with a term and a fix, in a Han-script file."""
    f = next(f for f in mixed_report.findings if f.term and f.fix)
    return Report(findings=[f], files=1, segments=1)


REPORTS: dict[str, Callable[[Report], Report]] = {
    "empty": lambda _: Report(),
    "only errors": lambda _: Report(
        errors=[InputError("bad «byte»", BROKEN, 8), GlosscheckError("no file")]
    ),
    "one finding": _finding_of,
    "many, with errors": lambda mixed: mixed,
}


@pytest.mark.parametrize("output_format", sorted(WHOLE))
@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_streamed_is_the_whole_document(
    mixed_report: Report, kind: str, output_format: str
) -> None:
    assert_streamed_as_whole(REPORTS[kind](mixed_report), output_format)


def test_mixed_report_has_what_the_comparison_needs(mixed_report: Report) -> None:
    findings = mixed_report.findings
    assert len(findings) > 10 and mixed_report.errors
    assert any(f.fix for f in findings) and any(f.term for f in findings)
    assert any(not f.message.isascii() for f in findings)
    fingerprints = [f.fingerprint for f in findings]
    assert len(set(fingerprints)) < len(fingerprints)  # gitlab's -2 suffixes are exercised


@pytest.mark.parametrize("output_format", sorted(WHOLE))
def test_findings_read_back_from_disk(monkeypatch: pytest.MonkeyPatch, output_format: str) -> None:
    monkeypatch.setattr(Sorted, "_HELD", 5)  # many runs written, merged as they are read
    with contextlib.chdir(ROOT):
        report = check([ARTICLES, FAULTY, BROKEN, str(FIXTURES)], spill=True)
        assert report.spilled is not None and report.count() > 10
        assert_streamed_as_whole(report, output_format)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_PATHS = st.sampled_from(["po/zh.po", "./po/zh.po", "my docs/a b.en.md", "/abs/x.csv", "a,b:c.tmx"])


@st.composite
def _findings(draw: st.DrawFn) -> Finding:
    target = draw(_TEXT)
    start = draw(st.integers(0, len(target)))
    end = draw(st.integers(start, len(target)))
    line = draw(st.integers(1, 3))
    fix = draw(
        st.none()
        | st.builds(
            Fix,
            start=st.just(start),
            end=st.just(end),
            replacement=_TEXT,
            line=st.sampled_from([0, line]),
            column=st.just(1),
            end_line=st.just(line),
            end_column=st.just(1 + end - start),
        )
    )
    term = draw(st.none() | st.builds(TermInfo, _TEXT, st.tuples(_TEXT), st.none() | _TEXT))
    return Finding(
        path=draw(_PATHS),
        line=line,
        column=1,
        end_line=line + draw(st.integers(0, 1)),
        end_column=draw(st.integers(1, 9)),
        rule=draw(st.sampled_from(["T101", "T104", "P101", "X999"])),  # X999: no such rule
        name="a-name",
        severity=draw(st.sampled_from(list(Severity))),
        message=draw(_TEXT),
        source=draw(st.sampled_from(["刷新", "a"])),
        target=target,
        term=term,
        suggestion=draw(st.none() | _TEXT),
        fix=fix,
    )


_ERRORS = st.builds(
    InputError, _TEXT, st.sampled_from(["", "po/zh.po"]), st.none() | st.integers(1)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_findings(), max_size=6), st.lists(_ERRORS, max_size=2))
def test_any_findings_stream_as_the_whole_document(
    findings: list[Finding], errors: list[GlosscheckError]
) -> None:
    findings = findings + findings[:2]  # identical findings: gitlab numbers the copies
    report = Report(findings=findings, errors=errors, files=1, segments=len(findings))
    for output_format in WHOLE:
        assert_streamed_as_whole(report, output_format)
