"""The real material the evaluation checks, read as segments.

Three bodies of human-made translation, each checked on its own:

- Django's Simplified Chinese catalogs (`corpora/django`), en→zh as written;
- the same catalogs reversed, zh→en: the Chinese msgstr as the source and the
  English msgid as the target (languages swapped, flags kept), so that the
  English-target rules meet real text too;
- the sample articles (`corpora/articles`), zh→en paired Markdown. They hold
  eight planted faults (`corpora/articles/PLANTED.md`), which the untouched
  check reports as real problems.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from checker.readers import ReadOptions, plan, read
from checker.segment import Segment

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = "corpora/django"
ARTICLES = "corpora/articles"

EN_ZH = "en→zh"
ZH_EN = "zh→en"
# The names of the bodies of material, as reviewed.tsv and the table call them.
NAMES = ("catalogs", "reversed-catalogs", "articles")


@dataclass(frozen=True)
class Material:
    """One body of untouched translations, checked on its own."""

    name: str  # short and stable: it is a column of reviewed.tsv
    direction: str
    segments: tuple[Segment, ...]


def read_segments(folder: str) -> list[Segment]:
    """Every segment below `folder` (relative to the repository), with relative paths."""
    options = ReadOptions()
    segments = []
    for job in plan([str(ROOT / folder)], options):
        segments.extend(_relative(s) for s in read(job, options))
    return segments


def _relative(segment: Segment) -> Segment:
    source_path = segment.source_path and os.path.relpath(segment.source_path, ROOT)
    return replace(segment, path=os.path.relpath(segment.path, ROOT), source_path=source_path)


def reverse(segment: Segment) -> Segment:
    """The Chinese msgstr as the source and the English msgid as the target.

    The target now stands on the msgid line; anchors into the msgstr no longer apply.
    """
    return replace(
        segment,
        source=segment.target,
        target=segment.source,
        source_lang=segment.target_lang,
        target_lang=segment.source_lang,
        line=segment.source_line or segment.line,
        anchors=(),
        source_line=segment.line,
        target_locale=segment.source_lang,
    )


def materials() -> list[Material]:
    """The three bodies of material; untranslated catalog entries are not reversed."""
    catalogs = read_segments(CATALOGS)
    reversed_catalogs = [reverse(s) for s in catalogs if s.target.strip()]
    forward, backward, articles = NAMES
    return [
        Material(forward, EN_ZH, tuple(catalogs)),
        Material(backward, ZH_EN, tuple(reversed_catalogs)),
        Material(articles, ZH_EN, tuple(read_segments(ARTICLES))),
    ]
