"""The `glosscheck` command: parse, call the library, render, exit."""

from __future__ import annotations

import click

from checker.cli_check import check_command
from checker.cli_glossary import glossary_group
from checker.cli_report import report
from checker.cli_score import score
from checker.version import VERSION


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(VERSION, prog_name="glosscheck")
def main() -> None:
    """Check Chinese–English translations against a term glossary."""


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
main.add_command(score)
main.add_command(check_command)
main.add_command(report)
