"""`glosscheck score`: sacrebleu's metrics and the terminology metrics, from the command line.

A thin layer over `checker.score`: parse, call, render, exit (0 on success,
2 on unreadable or misaligned input and impossible requests, the message
naming file and line). sacrebleu loads only when the command runs.
"""

from __future__ import annotations

import sys
from typing import TextIO

import click

from glossary.errors import GlosscheckError

# BLEU tokenizers that need no extra package (sacrebleu's ja-mecab, ko-mecab
# and spm ones do).
TOKENIZERS = ("13a", "zh", "intl", "char", "none")
METRICS = ("bleu", "chrf", "chrf++", "ter", "term")


def _metrics(
    _context: click.Context, _parameter: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...] | None:
    """--metrics bleu,chrf --metrics ter → ("bleu", "chrf", "ter"); None when not given."""
    names = tuple(m.strip().lower() for v in value for m in v.split(",") if m.strip())
    unknown = [name for name in names if name not in METRICS]
    if unknown:
        raise click.BadParameter(f"unknown metric {unknown[0]!r}; known: {', '.join(METRICS)}")
    return names or None


@click.command()
@click.option(
    "--ref",
    "references",
    multiple=True,
    required=True,
    type=click.Path(),
    help="Reference translation; repeat for several.",
)
@click.option(
    "--hyp",
    "hypotheses",
    multiple=True,
    required=True,
    type=click.Path(),
    help="System output; repeat to compare systems (the first is the baseline).",
)
@click.option("--src", "source", type=click.Path(), help="Source text, for the term metrics.")
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(),
    metavar="FILE",
    help="Glossary for the term metrics; repeat to stack (default: the built-in one).",
)
@click.option("--no-default-glossary", is_flag=True, help="Do not use the built-in glossary.")
@click.option(
    "--target-lang", type=click.Choice(["zh", "en"]), help="Language of the translations."
)
@click.option(
    "--tokenize",
    type=click.Choice(TOKENIZERS),
    help="BLEU tokenizer (default: zh for Chinese, else 13a).",
)
@click.option(
    "--metrics",
    multiple=True,
    callback=_metrics,
    metavar="LIST",
    help="Comma-separated: bleu, chrf, chrf++, ter, term (default: bleu,chrf,ter[,term]).",
)
@click.option("--paired-bs", is_flag=True, help="Paired bootstrap resampling test.")
@click.option("--paired-ar", is_flag=True, help="Paired approximate randomization test.")
@click.option(
    "--paired-n",
    type=click.IntRange(min=1),
    help="Bootstrap resamples (1000) or AR trials (10000).",
)
@click.option(
    "--worst", type=click.IntRange(min=0), default=0, help="Show the N lowest-chrF segments."
)
@click.option(
    "--width",
    type=click.IntRange(0, 10),
    default=1,
    show_default=True,
    help="Decimals of BLEU, chrF, TER (sacrebleu -w).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), help="Write here.")
def score(
    references: tuple[str, ...],
    hypotheses: tuple[str, ...],
    source: str | None,
    glossaries: tuple[str, ...],
    no_default_glossary: bool,
    target_lang: str | None,
    tokenize: str | None,
    metrics: tuple[str, ...] | None,
    paired_bs: bool,
    paired_ar: bool,
    paired_n: int | None,
    worst: int,
    width: int,
    output_format: str,
    output: TextIO | None,
) -> None:
    """Score translations against references: BLEU, chrF, TER and term metrics."""
    from checker.scoring import score as score_files
    from checker.scoring.render import FORMATS
    from glossary.loading import load
    from glossary.model import Glossary

    if paired_bs and paired_ar:
        raise click.UsageError("--paired-bs and --paired-ar exclude each other")
    try:
        result = score_files(
            references,
            hypotheses,
            source=source,
            # None: the default glossary, loaded only if the term metrics run.
            glossary=load(*glossaries)
            if glossaries
            else Glossary()
            if no_default_glossary
            else None,
            target_lang=target_lang,
            tokenize=tokenize,
            metrics=metrics,
            paired="bs" if paired_bs else "ar" if paired_ar else None,
            paired_samples=paired_n or 0,
            worst=worst,
            width=width,
        )
    except GlosscheckError as error:
        click.echo(f"glosscheck: error: {error}", err=True)
        sys.exit(2)
    (output or sys.stdout).write(FORMATS[output_format](result))
