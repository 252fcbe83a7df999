"""Rows of a table or JSON Lines file turned into segments, with their languages.

Languages: --source-lang/--target-lang first, then the row's own language
fields, then the file's (header codes), and else the script of the first
rows: the side with the larger share of Han characters is Chinese. With no
Han at all the direction is English → Chinese, as in software catalogs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, islice

from checker.readers.base import ReadOptions
from checker.readers.languages import lang_of, resolve_direction
from checker.readers.script import han_ratio
from checker.segment import Anchor, Segment

__all__ = ["GUESS_SAMPLE", "Row", "row_segments"]

# Rows read ahead to guess the direction when nothing names the languages.
GUESS_SAMPLE = 50


@dataclass(frozen=True)
class Row:
    line: int  # where the row starts
    number: int  # 1-based among the data rows
    source: str
    target: str
    anchors: tuple[Anchor, ...] = ()
    source_lang: str | None = None  # the row's own language fields
    target_lang: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)


def row_segments(
    rows: Iterable[Row],
    path: str,
    options: ReadOptions,
    langs: tuple[str | None, str | None] = (None, None),
    target_locale: str = "",
) -> Iterator[Segment]:
    """Segments for `rows`; `langs` are what the header fixed, if anything."""
    iterator = iter(rows)
    if langs[0] and langs[1]:
        direction = (langs[0], langs[1])
    else:
        sample = list(islice(iterator, GUESS_SAMPLE))
        direction = _file_direction(sample, options)
        iterator = chain(sample, iterator)
    for row in iterator:
        source_lang, target_lang = _row_direction(row, options, direction)
        yield Segment(
            source=row.source,
            target=row.target,
            source_lang=source_lang,
            target_lang=target_lang,
            path=path,
            line=row.line,
            anchors=row.anchors,
            key=f"row:{row.number}",
            source_path=path,
            source_line=row.line,
            target_locale=row.target_lang or target_locale,
            target_only=options.target_only,
            meta=row.meta,
        )


def _file_direction(sample: list[Row], options: ReadOptions) -> tuple[str, str]:
    """The options' direction, else the side with more Han is Chinese, else en → zh."""
    if options.source_lang or options.target_lang:
        return resolve_direction(options.source_lang, options.target_lang)
    unlabelled = [row for row in sample if not (row.source_lang or row.target_lang)]
    source = han_ratio(" ".join(row.source for row in unlabelled))
    target = han_ratio(" ".join(row.target for row in unlabelled))
    return ("zh", "en") if source > target else ("en", "zh")


def _row_direction(row: Row, options: ReadOptions, direction: tuple[str, str]) -> tuple[str, str]:
    source, target = lang_of(row.source_lang), lang_of(row.target_lang)
    if (source or target) and not (options.source_lang or options.target_lang):
        return resolve_direction(None, None, source, target)
    return direction
