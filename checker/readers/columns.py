"""The header of a table (TSV/CSV): which columns hold source, target and languages.

A header names either `source` and `target` (languages then come from the
options, per-row `source_lang`/`target_lang` columns, or the text's script),
or language codes (`zh`/`en`, zh-CN, en_US, zh_Hans …), where the first of
the two is the source unless --source-lang/--target-lang say otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.readers.base import ReadOptions
from checker.readers.languages import lang_of, resolve_direction
from glossary.errors import InputError

__all__ = ["Columns", "columns"]


@dataclass(frozen=True)
class Columns:
    names: tuple[str, ...]
    source: int
    target: int
    # Languages the header fixes; None when the rows or their script must say.
    source_lang: str | None
    target_lang: str | None
    target_locale: str
    source_lang_column: int | None
    target_lang_column: int | None

    def meta(self, cells: list[str]) -> dict[str, str]:
        """The row's other columns, by header name."""
        used = {self.source, self.target, self.source_lang_column, self.target_lang_column}
        return {name: cells[i] for i, name in enumerate(self.names) if i not in used and name}


def columns(header: list[str], options: ReadOptions, path: str, line: int) -> Columns:
    names = tuple(cell.strip() for cell in header)
    lowered = [name.lower() for name in names]
    if "source" in lowered and "target" in lowered:
        return Columns(
            names=names,
            source=lowered.index("source"),
            target=lowered.index("target"),
            source_lang=lang_of(options.source_lang),
            target_lang=lang_of(options.target_lang),
            target_locale="",
            source_lang_column=_find(lowered, "source_lang"),
            target_lang_column=_find(lowered, "target_lang"),
        )
    by_lang: dict[str, int] = {}
    for index, name in enumerate(names):
        lang = lang_of(name)
        if lang and lang not in by_lang:
            by_lang[lang] = index
    if len(by_lang) < 2:
        raise InputError(
            "the header must name `source` and `target` columns, or `zh` and `en` columns",
            path,
            line,
        )
    first = min(by_lang, key=by_lang.__getitem__)
    source_lang, target_lang = resolve_direction(
        options.source_lang, options.target_lang, first, None
    )
    target = by_lang[target_lang]
    return Columns(
        names=names,
        source=by_lang[source_lang],
        target=target,
        source_lang=source_lang,
        target_lang=target_lang,
        target_locale=names[target] if names[target].lower() not in ("zh", "en") else "",
        source_lang_column=None,
        target_lang_column=None,
    )


def _find(names: list[str], name: str) -> int | None:
    return names.index(name) if name in names else None
