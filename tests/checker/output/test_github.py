"""--format github: one workflow command per finding, escaped so the runner parses it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from checker import Report
from checker.output.github import escape_message, escape_property, render_github
from tests.checker.output.reports import BROKEN, FAULTY, FIXTURES, ROOT, check_from_root

_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A command as the runner splits it: name, properties at `,` and `=`, message."""
    match = _COMMAND.match(line)
    assert match, line
    pairs = (item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), {key: unescape(value) for key, value in pairs}, unescape(match.group(3))


def test_message_escapes_percent_and_line_breaks_only() -> None:
    assert escape_message("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"


def test_property_also_escapes_its_delimiters() -> None:
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_percent_is_escaped_before_the_escapes_it_introduces() -> None:
    assert escape_property("%3A:") == "%253A%3A"
    assert unescape(escape_property("%3A:")) == "%3A:"


def test_finding_on_one_line_has_columns(mixed_report: Report) -> None:
    lines = render_github(mixed_report, "1.2.3").splitlines()
    assert (
        f"::error file={FAULTY},line=8,col=13,endLine=8,endColumn=21,title=U102 source-leftover"
        '::English text "password" left in the Chinese translation; glossary: "密码"'
    ) in lines


def test_severity_picks_the_command(mixed_report: Report) -> None:
    commands = [parse(line) for line in render_github(mixed_report, "1.2.3").splitlines()]
    by_title = {(props.get("file"), props["title"], name) for name, props, _ in commands}
    assert (FAULTY, "U101 untranslated", "warning") in by_title  # empty translation
    assert (f"{FIXTURES}/repeated.po", "U101 untranslated", "notice") in by_title  # fuzzy: info
    assert (FAULTY, "T101 term-missing", "error") in by_title


def test_finding_over_several_lines_has_no_columns(mixed_report: Report) -> None:
    """GitHub rejects start and end columns on an annotation that spans lines."""
    commands = [parse(line) for line in render_github(mixed_report, "1.2.3").splitlines()]
    (props,) = [
        p for _, p, _ in commands if p["title"] == "T101 term-missing" and p["file"] == FAULTY
    ]
    assert props == {"file": FAULTY, "line": "23", "endLine": "25", "title": "T101 term-missing"}


def test_message_with_colons_survives(mixed_report: Report) -> None:
    commands = [parse(line) for line in render_github(mixed_report, "1.2.3").splitlines()]
    (t103,) = [m for _, p, m in commands if p["title"] == "T103 term-inconsistent"]
    finding = next(f for f in mixed_report.findings if f.rule == "T103")
    assert t103 == finding.message and ": " in t103


def test_input_error_is_an_error_annotation(mixed_report: Report) -> None:
    lines = render_github(mixed_report, "1.2.3").splitlines()
    assert lines[-1] == (
        f"::error file={BROKEN},line=8,title=glosscheck input error"
        "::PO syntax error: malformed entry"
    )
    assert len(lines) == len(mixed_report.findings) + len(mixed_report.errors)


def test_file_name_with_delimiters_is_escaped(tmp_path: Path) -> None:
    copy = tmp_path / "zh,CN:v2.po"
    shutil.copy(ROOT / FAULTY, copy)
    output = render_github(check_from_root(copy), "1.2.3")
    assert "zh%2CCN%3Av2.po" in output
    files = {parse(line)[1]["file"] for line in output.splitlines()}
    assert files == {str(copy)}
