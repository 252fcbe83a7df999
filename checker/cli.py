"""The `glosscheck` command: parse, call the library, render, exit."""

from __future__ import annotations

import importlib

import click

# Each subcommand's module, imported only when that command runs (or help lists
# it): a pre-commit hook's `glosscheck check` does not pay for the others.
_SUBCOMMANDS = {
    "check": "checker.cli_check:check_command",
    "glossary": "checker.cli_glossary:glossary_group",
    "report": "checker.cli_report:report",
    "score": "checker.cli_score:score",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _SUBCOMMANDS:
            return _subcommand(cmd_name)
        command = super().get_command(ctx, cmd_name)
        if command is None:  # a typo: click suggests the closest of self.commands
            for name in _SUBCOMMANDS:
                self.add_command(_subcommand(name), name)
        return command


def _subcommand(name: str) -> click.Command:
    module, attribute = _SUBCOMMANDS[name].split(":")
    command: click.Command = getattr(importlib.import_module(module), attribute)
    return command


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--version, looking the version up only when asked."""
    if value and not ctx.resilient_parsing:
        from checker.version import tool_version

        click.echo(f"glosscheck, version {tool_version()}", color=ctx.color)
        ctx.exit()


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
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
