"""`glosscheck check`: settings from the configuration file and the flags, then report."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import click

from checker.cli_errors import guarded
from checker.config import Config
from checker.finding import Severity
from checker.output import FORMATS, chunks
from checker.report import Report
from checker.version import tool_version
from glossary.errors import GlosscheckError

if TYPE_CHECKING:
    from checker.engine import Progress

LANGS = click.Choice(["zh", "en"])
_F = TypeVar("_F", bound=Callable[..., Any])
_BAR_FROM_FILES = 20  # fewer files finish before a bar would help


def _codes(values: Sequence[str]) -> tuple[str, ...]:
    """--select T1,U101 --select T104 → ("T1", "U101", "T104")."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def fail(error: GlosscheckError) -> NoReturn:
    click.echo(f"glosscheck: error: {error}", err=True)
    sys.exit(2)


def settings(paths: Sequence[str], flags: dict[str, Any]) -> Config:
    """The configuration file's settings (named, or found upward), overridden by flags."""
    from checker.configfile import find_config, load_config

    named = flags.pop("config")
    found = named or find_config(paths[0] if paths else os.getcwd())
    config = load_config(found) if found else Config()
    given: dict[str, Any] = {
        "select": _codes(flags["select"]),
        "ignore": _codes(flags["ignore"]),
        "allow": config.allow + flags["allow"],
        "glossaries": flags["glossaries"],
        "pairs": flags["pairs"],
        "source_lang": flags["source_lang"],
        "target_lang": flags["target_lang"],
        "target_only": flags["target_only"] or None,
        "no_default_glossary": flags["no_default_glossary"] or None,
    }
    config = dataclasses.replace(config, **{k: v for k, v in given.items() if v})
    if flags["fail_on"] is not None:
        fail_on = None if flags["fail_on"] == "never" else Severity.parse(flags["fail_on"])
        config = dataclasses.replace(config, fail_on=fail_on)
    return config


def input_options(command: _F) -> _F:
    """The options that choose input, glossary and rules: shared by check and report."""
    options = [
        click.option(
            "--config",
            type=click.Path(),
            metavar="FILE",
            help="Configuration file (default: glosscheck.toml, .glosscheck.toml or "
            "pyproject.toml [tool.glosscheck], found upward from the first path).",
        ),
        click.option(
            "--glossary",
            "glossaries",
            multiple=True,
            type=click.Path(),
            metavar="FILE",
            help="Glossary file (TSV, CSV, YAML, TBX, PO); repeat to stack.",
        ),
        click.option(
            "--no-default-glossary", is_flag=True, help="Do not use the built-in glossary."
        ),
        click.option(
            "--select", multiple=True, metavar="CODES", help="Rules to run: codes or prefixes."
        ),
        click.option("--ignore", multiple=True, metavar="CODES", help="Rules to skip."),
        click.option("--source-lang", type=LANGS, help="Language of the source text."),
        click.option("--target-lang", type=LANGS, help="Language of the target text."),
        click.option(
            "--pair",
            "pairs",
            nargs=2,
            multiple=True,
            type=click.Path(),
            metavar="SRC TGT",
            help="Check two documents as source and translation.",
        ),
        click.option(
            "--allow", multiple=True, metavar="WORD", help="Word allowed to stay untranslated."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@input_options
@click.option("--target-only", is_flag=True, help="Files hold translations only.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lowest severity that fails the run (default: warning).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
    help="Processes to spread files (and a big file's segments) over; 0: one per core.",
)  # fmt: skip
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option(
    "--diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text: with context; concise: one line a finding.",
)
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of findings.")
@click.option(
    "--baseline", type=click.Path(), metavar="FILE", help="Report only findings not in FILE."
)
@click.option(
    "--write-baseline",
    type=click.Path(),
    metavar="FILE",
    help="Record today's findings as accepted in FILE, then exit.",
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), help="Write here.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@guarded
def check_command(paths: tuple[str, ...], **flags: Any) -> None:  # fmt: skip
    """Check translation files and report findings."""
    import checker
    from checker.engine import config_glossary

    fix, diff = flags.pop("fix"), flags.pop("diff")
    output_format, output, quiet = (
        flags.pop("output_format"),
        flags.pop("output"),
        flags.pop("quiet"),
    )
    jobs = flags.pop("jobs")
    baseline, new_baseline = flags.pop("baseline"), flags.pop("write_baseline")
    statistics = flags.pop("statistics")
    if baseline and new_baseline:
        raise click.UsageError("--baseline and --write-baseline do not go together")
    try:
        config = dataclasses.replace(settings(paths, flags), jobs=jobs)
        glossary = config_glossary(config)

        def run_check(spill: bool = False) -> Report:
            with progress_bar() as progress:
                found = checker.check(list(paths), glossary, config, progress, spill=spill)
            return _apply_baseline(found, baseline) if baseline else found

        if new_baseline:
            report = checker.check(list(paths), glossary, config)
            sys.exit(_write_baseline(report, new_baseline))
        # Findings only rendered may wait on disk; a baseline and fixes need them at hand.
        report = run_check(spill=not (baseline or diff or fix))
        if diff:  # like ruff --diff: the diff alone; status 1 when there is something to fix
            sys.exit(_show_fixes(report))
        if fix:
            report = _apply_fixes(report, run_check)
    except GlosscheckError as problem:
        fail(problem)
    if statistics:
        from checker.output import render_statistics

        (output or sys.stdout).write(render_statistics(report))
        _echo_errors(report)
    else:
        _render(report, output_format, output, quiet)
    sys.exit(report.exit_status(config.fail_on))


@contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A bar on stderr for runs over many files, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total >= _BAR_FROM_FILES:
            bar = click.progressbar(length=total, label="Checking", file=sys.stderr)
            bar.__enter__()
        if bar is not None:
            bar.update(done - bar.pos)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _write_baseline(report: Report, path: str) -> int:
    from checker.baseline import write_baseline

    write_baseline(report, path, tool_version=tool_version())
    click.echo(f"Recorded {len(report.findings)} findings in {path}.", err=True)
    _echo_errors(report)
    return 2 if report.errors else 0


def _apply_baseline(report: Report, path: str) -> Report:
    from checker.baseline import apply_baseline

    new = apply_baseline(report, path)
    hidden = len(report.findings) - len(new.findings)
    if hidden:
        click.echo(f"glosscheck: {hidden} accepted findings in {path} not shown", err=True)
    return new


def _echo_errors(report: Report) -> None:
    for error in report.errors:
        click.echo(f"glosscheck: error: {error}", err=True)


def _show_fixes(report: Report) -> int:
    from checker.fixes import apply_fixes

    outcome = apply_fixes(report, write=False)
    click.echo("".join(outcome.diffs), nl=False)
    report.errors.extend(outcome.errors)
    _echo_errors(report)
    if report.errors:
        return 2
    return 1 if outcome.diffs else 0


def _apply_fixes(report: Report, run_check: Callable[[], Report]) -> Report:
    """Fix until nothing changes; returns the report of what is left."""
    from checker.fixes import fix_until_stable

    report, applied, refused = fix_until_stable(report, run_check)
    report.errors.extend(refused)
    click.echo(f"Applied {applied} {'fix' if applied == 1 else 'fixes'}.", err=True)
    return report


def _render(report: Report, output_format: str, output: TextIO | None, quiet: bool) -> None:
    human = output_format in ("text", "concise")
    color = output is None and human and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    version = "" if human else tool_version()  # not shown by text and concise: not looked up
    out = output or sys.stdout
    held = None  # each chunk is written once the next comes: quiet drops the summary line
    for chunk in chunks(output_format, report, version, color):
        if held is not None:
            out.write(held)
        held = chunk
    if held is not None and not (quiet and human):
        out.write(held)
    _echo_errors(report)
