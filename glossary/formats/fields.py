"""The fields of a concept, shared by every glossary format.

TSV/CSV columns, YAML keys and the JSON that PO comments carry use one
vocabulary, `FIELD_NAMES`, so each format parses only its own syntax and
hands a mapping of field name to raw value to `concept_from_fields`; the
rules for values (yes/no, word/char, `|`-separated forms) live here once.

Forms are kept in a canonical order (zh before en; preferred, admitted,
forbidden) so that the same concept read from any format compares equal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import TypeVar

from glossary.errors import GlossaryError
from glossary.model import LANGUAGES, Boundary, Concept, Form, Origin, Status

FieldValue = str | bool | list[str]

# Form fields: name -> (language, forbidden?). Allowed fields list the
# preferred form first and admitted ones after it.
FORM_FIELDS: dict[str, tuple[str, bool]] = {
    "zh": ("zh", False),
    "en": ("en", False),
    "zh_forbidden": ("zh", True),
    "en_forbidden": ("en", True),
}
FLAG_FIELDS = ("dnt", "case")
TEXT_FIELDS = ("note", "domain", "pos")
FIELD_NAMES = (*FORM_FIELDS, *FLAG_FIELDS, "boundary", *TEXT_FIELDS)

_YES = frozenset({"yes", "true", "1"})
_NO = frozenset({"no", "false", "0", ""})
_STATUS_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.FORBIDDEN: 2}
_T = TypeVar("_T")


def parse_flag(value: FieldValue) -> bool:
    """yes/no, true/false, 1/0 (any case) or empty (no)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
    raise ValueError(f"expected yes or no, got {value!r}")


def parse_boundary(value: FieldValue) -> Boundary:
    """`word` or `char`; empty means the default, `word`."""
    if isinstance(value, str):
        word = value.strip().lower() or Boundary.WORD.value
        if word in {b.value for b in Boundary}:
            return Boundary(word)
    raise ValueError(f"expected word or char, got {value!r}")


def parse_text(value: FieldValue) -> str:
    if isinstance(value, str):
        return value.strip()
    raise ValueError(f"expected text, got {value!r}")


def parse_forms(value: FieldValue, lang: str, forbidden: bool) -> list[Form]:
    """Forms from `a|b|c` text or a list; an empty form is an error, not skipped.

    `refresh||update` or a trailing `|` is almost always a typo that would
    otherwise silently drop a form, so it is reported.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected forms, got {value!r}")
    if isinstance(value, str):
        if not value.strip():
            return []
        texts = [t.strip() for t in value.split("|")]
    else:
        texts = [t.strip() for t in value]
    if not texts:
        return []
    if "" in texts:
        raise ValueError("empty form (two '|' in a row, or a '|' at an end)")
    if forbidden:
        return [Form(t, lang, Status.FORBIDDEN) for t in texts]
    return [Form(texts[0], lang, Status.PREFERRED)] + [
        Form(text, lang, Status.ADMITTED) for text in texts[1:]
    ]


def canonical_order(forms: Iterable[Form]) -> tuple[Form, ...]:
    """zh before en, preferred before admitted before forbidden; stable otherwise."""

    def rank(form: Form) -> tuple[int, int]:
        lang = LANGUAGES.index(form.lang) if form.lang in LANGUAGES else len(LANGUAGES)
        return lang, _STATUS_RANK[form.status]

    return tuple(sorted(forms, key=rank))


def finish_concept(concept: Concept) -> Concept:
    """`concept` with its forms in canonical order; it needs one allowed form."""
    if all(form.status is Status.FORBIDDEN for form in concept.forms):
        origin = concept.origin or Origin("", 0)
        raise GlossaryError(
            "no zh or en form: a concept needs at least one preferred or admitted form",
            origin.path,
            origin.line or None,
        )
    return dataclasses.replace(concept, forms=canonical_order(concept.forms))


def concept_from_fields(
    values: Mapping[str, FieldValue],
    origin: Origin,
    lines: Mapping[str, int] | None = None,
) -> Concept:
    """A concept from field name -> raw value; errors name the field's line.

    `lines` gives a line per field where the format knows it (YAML keys);
    otherwise errors point at `origin.line`.
    """

    def parsed(name: str, parse: Callable[[FieldValue], _T], default: _T) -> _T:
        if name not in values:
            return default
        try:
            return parse(values[name])
        except ValueError as err:
            line = (lines or {}).get(name, origin.line)
            raise GlossaryError(f"{name}: {err}", origin.path, line) from None

    unknown = sorted(set(values) - set(FIELD_NAMES))
    if unknown:
        raise GlossaryError(f"unknown field {unknown[0]!r}", origin.path, origin.line)
    forms: list[Form] = []
    for name, (lang, forbidden) in FORM_FIELDS.items():
        forms += parsed(name, partial(parse_forms, lang=lang, forbidden=forbidden), [])
    concept = Concept(
        forms=tuple(forms),
        dnt=parsed("dnt", parse_flag, False),
        case_sensitive=parsed("case", parse_flag, False),
        boundary=parsed("boundary", parse_boundary, Boundary.WORD),
        note=parsed("note", parse_text, ""),
        domain=parsed("domain", parse_text, ""),
        pos=parsed("pos", parse_text, ""),
        origin=origin,
    )
    return finish_concept(concept)


def fields_from_concept(concept: Concept) -> dict[str, FieldValue]:
    """The non-default fields of `concept`, in `FIELD_NAMES` order.

    Allowed forms list the preferred one first. A concept with several
    preferred forms in one language keeps them all, but formats that mark
    only the first as preferred (TSV, YAML) read the others back as admitted.
    """
    fields: dict[str, FieldValue] = {}
    forms = canonical_order(concept.forms)
    for name, (lang, forbidden) in FORM_FIELDS.items():
        texts = [
            f.text for f in forms if f.lang == lang and (f.status is Status.FORBIDDEN) == forbidden
        ]
        if texts:
            fields[name] = texts
    if concept.dnt:
        fields["dnt"] = True
    if concept.case_sensitive:
        fields["case"] = True
    if concept.boundary is not Boundary.WORD:
        fields["boundary"] = concept.boundary.value
    for name, text in zip(TEXT_FIELDS, (concept.note, concept.domain, concept.pos), strict=True):
        if text:
            fields[name] = text
    return fields


def form_list(fields: Mapping[str, FieldValue], name: str) -> list[str]:
    """The forms of field `name` as a list (empty when absent)."""
    value = fields.get(name, [])
    return value if isinstance(value, list) else []
