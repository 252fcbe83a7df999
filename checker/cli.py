"""The `glosscheck` command: parse, call the library, render, exit."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import NoReturn, TextIO

import click

from checker.cli_glossary import glossary_group, load_glossaries
from checker.finding import Severity
from glossary.errors import GlosscheckError

try:
    VERSION = version("glosscheck")
except PackageNotFoundError:  # running from a source tree that is not installed
    VERSION = "0.0.0"

LANGS = click.Choice(["zh", "en"])


def _codes(values: Sequence[str]) -> tuple[str, ...]:
    """--select T1,U101 --select T104 → ("T1", "U101", "T104")."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def _fail(error: GlosscheckError) -> NoReturn:
    click.echo(f"glosscheck: error: {error}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="glosscheck")
def main() -> None:
    """Check Chinese–English translations against a term glossary."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(),
    metavar="FILE",
    help="Glossary file (TSV, CSV, YAML, TBX, PO); repeat to stack.",
)
@click.option("--no-default-glossary", is_flag=True, help="Do not use the built-in glossary.")
@click.option("--select", multiple=True, metavar="CODES", help="Rules to run: codes or prefixes.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Rules to skip.")
@click.option("--source-lang", type=LANGS, help="Language of the source text.")
@click.option("--target-lang", type=LANGS, help="Language of the target text.")
@click.option("--target-only", is_flag=True, help="Files hold translations only.")
@click.option(
    "--pair",
    "pairs",
    nargs=2,
    multiple=True,
    type=click.Path(),
    metavar="SRC TGT",
    help="Check two documents as source and translation.",
)
@click.option("--allow", multiple=True, metavar="WORD", help="Word allowed to stay untranslated.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="warning",
    show_default=True,
    help="Lowest severity that fails the run.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), help="Write here.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
def check(
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    source_lang: str | None,
    target_lang: str | None,
    target_only: bool,
    pairs: tuple[tuple[str, str], ...],
    allow: tuple[str, ...],
    fail_on: str,
    output_format: str,
    output: TextIO | None,
    quiet: bool,
) -> None:
    """Check translation files and report findings."""
    import checker
    from checker.output import FORMATS

    config = checker.Config(
        select=_codes(select),
        ignore=_codes(ignore),
        fail_on=None if fail_on == "never" else Severity.parse(fail_on),
        source_lang=source_lang,
        target_lang=target_lang,
        target_only=target_only,
        allow=allow,
        pairs=pairs,
    )
    try:
        glossary = load_glossaries(glossaries, no_default_glossary)
        report = checker.check(list(paths), glossary=glossary, config=config)
    except GlosscheckError as problem:
        _fail(problem)
    stream = output or sys.stdout
    color = output is None and output_format == "text" and sys.stdout.isatty()
    rendered = FORMATS[output_format](report, VERSION, color)
    if quiet and output_format == "text":
        rendered = "".join(rendered.splitlines(keepends=True)[:-1])
    stream.write(rendered)
    for error in report.errors:
        click.echo(f"glosscheck: error: {error}", err=True)
    sys.exit(report.exit_status(config.fail_on))


@main.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List the rules, or explain one (by code or name)."""
    from checker.rules import RULES
    from checker.rules.docs import explain, summary_table

    if code is None:
        click.echo(summary_table())
        return
    found = [r for r in RULES.values() if code.upper() == r.code or code.lower() == r.name]
    if not found:
        raise click.UsageError(f"unknown rule {code!r}; `glosscheck rules` lists them")
    click.echo(explain(found[0]))


main.add_command(glossary_group)
