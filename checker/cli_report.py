"""`glosscheck report`: glossary coverage, consistency, leftovers and new terms as a page."""

from __future__ import annotations

import dataclasses
import sys
from typing import Any

import click

from checker.cli_check import fail, input_options, progress_bar, settings
from glossary.errors import GlosscheckError

RENDERERS = ("html", "md", "json")


@click.command("report")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@input_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(RENDERERS),
    default="md",
    show_default=True,
    help="html: one self-contained page; md; json.",
)
@click.option(
    "--examples",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Examples kept per concept and kind of rendering.",
)
@click.option(
    "--candidates",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    help="Candidate new terms per direction (0: skip term mining).",
)
@click.option("-o", "--output", type=click.Path(), metavar="FILE", help="Write here.")
def report(paths: tuple[str, ...], **flags: Any) -> None:
    """Glossary coverage and consistency, leftovers, findings and candidate terms."""
    from checker.engine import config_glossary
    from checker.reporting import build

    output_format, output = flags.pop("output_format"), flags.pop("output")
    examples, candidates = flags.pop("examples"), flags.pop("candidates")
    flags.update(target_only=False, fail_on=None)
    try:
        config = dataclasses.replace(settings(paths, flags), jobs=1)
        glossary = config_glossary(config)
        with progress_bar() as progress:
            data = build(
                paths, glossary, config, examples=examples, candidates=candidates, progress=progress
            )
    except GlosscheckError as problem:
        fail(problem)
    text = render(data, output_format)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    for error in data["errors"]:
        click.echo(f"glosscheck: error: {error}", err=True)
    sys.exit(2 if data["errors"] else 0)


def render(data: dict[str, Any], output_format: str) -> str:
    """The report in one of RENDERERS."""
    if output_format == "html":
        from checker.reporting.render_html import render_html

        return render_html(data)
    if output_format == "json":
        from checker.reporting.render_json import render_json

        return render_json(data)
    from checker.reporting.render_md import render_md

    return render_md(data)
