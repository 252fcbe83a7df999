"""PO compendium glossaries: msgid/msgstr pairs as preferred forms.

The header's Language names the msgstr language: zh (zh_CN, zh_Hans...) or
none means msgid is English and msgstr Chinese; en means the reverse; any
other language is an error. Untranslated, fuzzy and obsolete entries are
skipped (they are not approved translations).

PO has no place for the other fields, so they travel in one extracted
comment holding a JSON object, written only when needed:

    #. glosscheck: {"en": ["refresh", "update"], "en_forbidden": ["brush"], "dnt": true}
    msgid "refresh"
    msgstr "刷新"

Its keys are the TSV column names with the same meaning (form fields are
lists, `dnt`/`case` booleans, the rest strings), and they override what
msgid/msgstr say: `"en": [...]` lists the admitted forms after the
preferred one, and `"zh": []` marks a concept with no Chinese form (a
one-sided DNT term, whose msgstr then repeats the msgid as a DNT
translation does). Other extracted comments become the note when the JSON
gives none. A concept whose msgid repeats an earlier one gets a msgctxt so
the file stays valid for gettext tools; msgctxt is ignored when reading.
"""

from __future__ import annotations

import json
import re

import polib

from glossary.errors import GlossaryError
from glossary.formats.common import ProblemHandler, base_language, decode_text, line_at
from glossary.formats.fields import (
    FIELD_NAMES,
    FieldValue,
    concept_from_fields,
    fields_from_concept,
    form_list,
)
from glossary.model import Concept, Glossary, Origin

MARK = "glosscheck:"
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
_METADATA = {
    "Project-Id-Version": "glosscheck glossary",
    "Language": "zh",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


def read_po(data: bytes, path: str, on_problem: ProblemHandler) -> list[Concept]:
    """Concepts of a PO compendium; malformed entries go to `on_problem`."""
    text = _decode(data, path)
    catalog = _parse(text, path)
    msgid_lang, msgstr_lang = _languages(catalog, text, path)
    concepts: list[Concept] = []
    for entry in catalog:
        if entry.obsolete or entry.fuzzy or not _translation(entry):
            continue
        try:
            concepts.append(_concept(entry, msgid_lang, msgstr_lang, path))
        except GlossaryError as err:
            on_problem(err)
    return concepts


def write_po(glossary: Glossary, path: str) -> bytes:
    """`glossary` as a compendium (msgid English, msgstr Chinese), every field kept."""
    catalog = polib.POFile(wrapwidth=0)  # a wrapped JSON comment would not read back
    catalog.header = "Glossary compendium written by glosscheck."
    catalog.metadata = dict(_METADATA)
    seen: set[tuple[str | None, str]] = set()
    for number, concept in enumerate(glossary, 1):
        entry = _entry(concept)
        if (entry.msgctxt, entry.msgid) in seen:
            entry.msgctxt = f"glosscheck-{number}"
        seen.add((entry.msgctxt, entry.msgid))
        catalog.append(entry)
    return str(catalog).encode("utf-8")


def _decode(data: bytes, path: str) -> str:
    """The file as text, in the charset its header declares (UTF-8 by default)."""
    header = data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]  # the header entry only
    declared = _CHARSET.search(header)
    charset = declared.group(1).decode("ascii") if declared else "utf-8"
    if charset.upper() == "CHARSET":  # the placeholder of a fresh .pot
        charset = "utf-8"
    try:
        return decode_text(data, path, charset)
    except LookupError:
        line = line_at(data, declared.start()) if declared else None
        raise GlossaryError(f"unknown charset {charset!r}", path, line) from None


def _parse(text: str, path: str) -> polib.POFile:
    # polib takes a path or the contents; the added newline keeps a short
    # file from ever being mistaken for the name of an existing file.
    try:
        return polib.pofile(text + "\n", encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as err:
        found = _POLIB_LINE.search(str(err))
        line = int(found.group(1)) if found else None
        detail = found.group(2) if found and found.group(2) else ""
        message = f"PO syntax error: {detail}" if detail else "PO syntax error"
        raise GlossaryError(message, path, line) from None


def _languages(catalog: polib.POFile, text: str, path: str) -> tuple[str, str]:
    """(msgid language, msgstr language) from the header's Language."""
    code = catalog.metadata.get("Language", "").strip()
    lang = base_language(code)
    if lang in ("", "zh"):
        return "en", "zh"
    if lang == "en":
        return "zh", "en"
    line = next((n for n, row in enumerate(text.splitlines(), 1) if '"Language:' in row), None)
    raise GlossaryError(f"Language {code!r}: a compendium must be zh or en", path, line)


def _translation(entry: polib.POEntry) -> str:
    if entry.msgstr:
        return str(entry.msgstr)
    return str(entry.msgstr_plural.get(0, ""))


def _concept(entry: polib.POEntry, msgid_lang: str, msgstr_lang: str, path: str) -> Concept:
    origin = Origin(path, entry.linenum or 1)
    values: dict[str, FieldValue] = {msgid_lang: [entry.msgid], msgstr_lang: [_translation(entry)]}
    fields, others = _comment_fields(entry.comment or "", origin)
    if others and "note" not in fields:
        values["note"] = " ".join(others)
    values.update(fields)
    return concept_from_fields(values, origin)


def _comment_fields(comment: str, origin: Origin) -> tuple[dict[str, FieldValue], list[str]]:
    """(fields of the glosscheck JSON comment, the other comment lines)."""
    lines = comment.splitlines()
    for index, line in enumerate(lines):
        if line.startswith(MARK):
            payload, used = _json_object(line[len(MARK) :], lines[index + 1 :], origin)
            return _checked_fields(payload, origin), lines[:index] + lines[index + 1 + used :]
    return {}, lines


def _json_object(first: str, rest: list[str], origin: Origin) -> tuple[object, int]:
    """The JSON after the mark, and how many following lines it took.

    A tool that re-wrapped comments may have split it over several lines.
    """
    text = first
    for used in range(len(rest) + 1):
        try:
            return json.loads(text), used
        except json.JSONDecodeError as err:
            error = err
        if used < len(rest):
            text = f"{text} {rest[used]}"
    message = f"{MARK} comment is not valid JSON: {error.msg}"
    raise GlossaryError(message, origin.path, origin.line)


def _checked_fields(payload: object, origin: Origin) -> dict[str, FieldValue]:
    def fail(message: str) -> GlossaryError:
        return GlossaryError(f"{MARK} comment: {message}", origin.path, origin.line)

    if not isinstance(payload, dict):
        raise fail("expected a JSON object")
    fields: dict[str, FieldValue] = {}
    for key, value in payload.items():
        if key not in FIELD_NAMES:
            raise fail(f"unknown field {key!r}")
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            fields[key] = [str(item) for item in value]
        elif isinstance(value, str | bool):
            fields[key] = value
        else:
            raise fail(f"{key}: expected text, true/false or a list of texts")
    return fields


def _entry(concept: Concept) -> polib.POEntry:
    fields = fields_from_concept(concept)
    en, zh = form_list(fields, "en"), form_list(fields, "zh")
    msgid, msgstr = (en or zh)[0], (zh or en)[0]
    extra = dict(fields)
    for name, forms, shown in (("en", en, msgid), ("zh", zh, msgstr)):
        if forms == [shown]:
            del extra[name]
        else:
            extra[name] = forms
    comment = f"{MARK} {json.dumps(extra, ensure_ascii=False)}" if extra else ""
    return polib.POEntry(msgid=msgid, msgstr=msgstr, comment=comment)
