"""`glosscheck glossary …`: validate, convert and look up glossary files."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from glossary.errors import GlosscheckError
from glossary.model import Concept, Glossary

if TYPE_CHECKING:
    from checker.reporting.extract import Candidate


def load_glossaries(paths: Sequence[str], no_default: bool) -> Glossary:
    """The named glossaries stacked in order; the default one when none is named."""
    from glossary.loading import load, load_default

    if paths:
        return load(*paths)
    return Glossary() if no_default else load_default()


@click.group("glossary")
def glossary_group() -> None:
    """Validate, convert and search glossary files."""


@glossary_group.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
def validate(files: tuple[str, ...]) -> None:
    """Report duplicate, conflicting or malformed entries (exit 1 on errors)."""
    from glossary.validate import validate as validate_file

    errors = 0
    for path in files:
        for problem in validate_file(path):
            click.echo(f"{problem.path}:{problem.line}: {problem.severity}: {problem.message}")
            errors += problem.severity == "error"
    click.echo(f"{errors} error(s) in {len(files)} file(s)", err=True)
    sys.exit(1 if errors else 0)


@glossary_group.command()
@click.argument("source", type=click.Path())
@click.argument("destination", type=click.Path())
def convert(source: str, destination: str) -> None:
    """Convert a glossary between TSV, CSV, YAML, TBX and PO (by extension)."""
    from glossary import formats

    try:
        formats.dump(formats.load(source), destination)
    except GlosscheckError as error:
        click.echo(f"glosscheck: error: {error}", err=True)
        sys.exit(2)


@glossary_group.command()
@click.argument("term")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(), metavar="FILE")
@click.option("--no-default-glossary", is_flag=True)
def lookup(term: str, glossaries: tuple[str, ...], no_default_glossary: bool) -> None:
    """Find the concepts that have TERM as a form, in Chinese or English."""
    try:
        found = load_glossaries(glossaries, no_default_glossary).lookup(term)
    except GlosscheckError as error:
        click.echo(f"glosscheck: error: {error}", err=True)
        sys.exit(2)
    for concept in found:
        click.echo(describe(concept))
    sys.exit(0 if found else 1)


def describe(concept: Concept) -> str:
    """A concept as a person reads it: forms by language and status, then flags."""
    lines = [concept.label]
    for lang in ("zh", "en"):
        for form in concept.forms_in(lang):
            lines.append(f"  {lang} {form.status:<9} {form.text}")
    flags = [
        name
        for name, on in (("dnt", concept.dnt), ("case-sensitive", concept.case_sensitive))
        if on
    ]
    if concept.boundary != "word":
        flags.append(f"boundary={concept.boundary}")
    for label, value in (
        ("flags", ", ".join(flags)),
        ("note", concept.note),
        ("domain", concept.domain),
        ("pos", concept.pos),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    if concept.origin:
        lines.append(f"  defined at {concept.origin.path}:{concept.origin.line}")
    return "\n".join(lines)


@glossary_group.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(),
    metavar="FILE",
    help="Known terms, left out of the candidates (default: the built-in glossary).",
)
@click.option("--no-default-glossary", is_flag=True)
@click.option("--source-lang", type=click.Choice(["zh", "en"]), help="Language of the sources.")
@click.option("--target-lang", type=click.Choice(["zh", "en"]), help="Language of the targets.")
@click.option(
    "--min-frequency",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Fewest segment pairs a candidate must occur in.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="Candidates per direction.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    metavar="FILE",
    help="Write the candidates as a glossary (TSV, CSV, YAML, TBX, PO by extension).",
)
def extract(
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
    source_lang: str | None,
    target_lang: str | None,
    min_frequency: int,
    limit: int,
    output: str | None,
) -> None:
    """Mine candidate terms the glossary lacks, with their likely translations."""
    from glossary import formats

    try:
        known = load_glossaries(glossaries, no_default_glossary)
        found = _mine(paths, known, source_lang, target_lang, min_frequency, limit)
        if output:
            from checker.reporting.extract import as_glossary

            formats.dump(as_glossary(found), output)
    except GlosscheckError as error:
        click.echo(f"glosscheck: error: {error}", err=True)
        sys.exit(2)
    for c in found:
        guesses = ", ".join(
            f"{t.text} ({t.together}/{c.segments}, Dice {t.dice})" for t in c.translations
        )
        click.echo(
            f"{c.source_lang}→{c.target_lang}\t{c.text}\t{c.frequency}\t{c.termhood}\t"
            f"{guesses or '-'}"
        )


def _mine(
    paths: Sequence[str],
    known: Glossary,
    source_lang: str | None,
    target_lang: str | None,
    min_frequency: int,
    limit: int,
) -> list[Candidate]:
    """Read every segment of `paths` and mine them; an unreadable file stops the run."""
    from checker.readers import ReadOptions, plan, read
    from checker.reporting.extract import extract as mine

    options = ReadOptions(source_lang, target_lang)
    segments = [s for job in plan(list(paths), options) for s in read(job, options)]
    return mine(segments, known, min_frequency=min_frequency, limit=limit)
