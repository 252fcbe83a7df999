"""Item 5: errors for people — one line per error with file:line, no traceback without -v."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.cli_errors import guarded, internal_error_line
from glossary.errors import InputError
from tests.robustness.helpers import fixture

ERROR_LINE = re.compile(r"glosscheck: error: (\S+?):(\d+): \S")


def test_a_directory_of_broken_files_exits_2_with_one_line_per_error() -> None:
    result = CliRunner().invoke(
        main, ["check", "--format", "concise", fixture("broken"), fixture("encodings")]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("glosscheck: error")]
    assert len(errors) == 14
    assert all(ERROR_LINE.match(line) for line in errors), errors
    assert "big5.tsv:2:" in result.stdout  # the other files' findings are printed


def _command(raise_what: BaseException) -> click.Command:
    @click.command()
    @guarded
    def command() -> None:
        raise raise_what

    return command


def test_an_internal_error_is_one_line_and_status_2() -> None:
    result = CliRunner().invoke(_command(RuntimeError("boom\nsecond line")), [])
    assert result.exit_code == 2
    assert result.stderr == internal_error_line(RuntimeError("boom")) + "\n"
    assert "Traceback" not in result.stderr


def test_verbose_lets_the_traceback_through() -> None:
    result = CliRunner().invoke(_command(RuntimeError("boom")), ["-v"])
    assert isinstance(result.exception, RuntimeError)


def test_input_errors_keep_their_file_and_line() -> None:
    result = CliRunner().invoke(_command(InputError("bad row", "a.tsv", 3)), [])
    assert (result.exit_code, result.stderr) == (2, "glosscheck: error: a.tsv:3: bad row\n")


@pytest.mark.parametrize("error", [click.UsageError("no"), click.exceptions.Exit(0)])
def test_click_endings_pass_through(error: Exception) -> None:
    result = CliRunner().invoke(_command(error), [])
    assert result.exit_code != 2 or isinstance(error, click.UsageError)
    assert "internal error" not in result.stderr
