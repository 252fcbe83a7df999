"""YAML glossaries: the TSV fields, one mapping per concept.

    concepts:
      - zh: 刷新
        en: [refresh, update]      # a list, or one string with '|' as in TSV
        en_forbidden: brush
        note: as in "refresh a benchmark record"
      - en: Qwen
        dnt: yes

Keys are the TSV column names (`zh`, `en`, `zh_forbidden`, `en_forbidden`,
`dnt`, `case`, `boundary`, `note`, `domain`, `pos`); the first allowed form
is the preferred one. The file is composed with PyYAML's SafeLoader and
never constructed: values are read from the node tree, so only plain YAML
tags are accepted, `yes` stays the text a user wrote, and every error names
the line of the offending key or item.
"""

from __future__ import annotations

import re

import yaml

from glossary.errors import GlossaryError
from glossary.formats.common import ProblemHandler, decode_text, line_at
from glossary.formats.fields import (
    FIELD_NAMES,
    FORM_FIELDS,
    FieldValue,
    concept_from_fields,
    fields_from_concept,
)
from glossary.model import Concept, Glossary, Origin

_TAG = "tag:yaml.org,2002:"
_NULL = _TAG + "null"
_PLAIN_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
_STATUS_KEY = re.compile(r"(zh|en)_(\w+)")
_HEADER = "# glosscheck glossary (see glossary/formats/yaml_format.py)\n"


def read_yaml(data: bytes, path: str, on_problem: ProblemHandler) -> list[Concept]:
    """Concepts of a YAML glossary; malformed items go to `on_problem`."""
    root = _compose(decode_text(data, path), path)
    concepts: list[Concept] = []
    for node in _concept_nodes(root, path):
        try:
            concepts.append(_concept(node, path))
        except GlossaryError as err:
            on_problem(err)
    return concepts


def write_yaml(glossary: Glossary, path: str) -> bytes:
    """`glossary` as YAML: one form as a string, several as a list."""
    items = [_item(fields_from_concept(concept)) for concept in glossary]
    text = yaml.safe_dump(
        {"concepts": items},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
    )
    return (_HEADER + text).encode("utf-8")


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _compose(text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        message = f"YAML syntax error: {err.problem or err.context}"
        raise GlossaryError(message, path, line) from None
    except yaml.reader.ReaderError as err:
        line = line_at(text, err.position)
        raise GlossaryError(f"YAML error: {err.reason}", path, line) from None
    except yaml.YAMLError as err:
        raise GlossaryError(f"YAML error: {err}", path) from None


def _concept_nodes(root: yaml.Node | None, path: str) -> list[yaml.Node]:
    """The items of the top-level `concepts:` list."""
    expected = "expected a mapping with a 'concepts' list"
    if root is None:
        raise GlossaryError(f"empty YAML glossary: {expected}", path, 1)
    if not isinstance(root, yaml.MappingNode):
        raise GlossaryError(expected, path, _line(root))
    concepts: list[yaml.Node] | None = None
    for key, value in root.value:
        if _scalar(key, path) != "concepts":
            message = f"unknown top-level key {key.value!r}; {expected}"
            raise GlossaryError(message, path, _line(key))
        if concepts is not None:
            raise GlossaryError("key 'concepts' appears twice", path, _line(key))
        if not isinstance(value, yaml.SequenceNode):
            raise GlossaryError("'concepts' must be a list of mappings", path, _line(value))
        concepts = list(value.value)
    if concepts is None:
        raise GlossaryError(expected, path, _line(root))
    return concepts


def _concept(node: yaml.Node, path: str) -> Concept:
    if not isinstance(node, yaml.MappingNode):
        raise GlossaryError("expected a mapping of fields for each concept", path, _line(node))
    values: dict[str, FieldValue] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = _key(key_node, path)
        if key in values:
            raise GlossaryError(f"key {key!r} appears twice", path, _line(key_node))
        values[key] = _value(key, value_node, path)
        lines[key] = _line(key_node)
    return concept_from_fields(values, Origin(path, _line(node)), lines)


def _key(node: yaml.Node, path: str) -> str:
    key = _scalar(node, path)
    if key in FIELD_NAMES:
        return key
    status = _STATUS_KEY.fullmatch(key)
    if status:
        message = (
            f"unknown status {status.group(2)!r} in key {key!r}: a form is allowed "
            f"({status.group(1)}) or forbidden ({status.group(1)}_forbidden)"
        )
    else:
        message = f"unknown key {key!r}; known keys: {', '.join(FIELD_NAMES)}"
    raise GlossaryError(message, path, _line(node))


def _value(key: str, node: yaml.Node, path: str) -> FieldValue:
    _check_tag(node, path)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path)
    if isinstance(node, yaml.SequenceNode) and key in FORM_FIELDS:
        return [_scalar(item, path) for item in node.value]
    wanted = "text or a list of forms" if key in FORM_FIELDS else "a single value"
    raise GlossaryError(f"{key}: expected {wanted}", path, _line(node))


def _scalar(node: yaml.Node, path: str) -> str:
    """The text a scalar node holds as written (null is empty)."""
    _check_tag(node, path)
    if not isinstance(node, yaml.ScalarNode):
        raise GlossaryError("expected text, not a list or mapping", path, _line(node))
    return "" if node.tag == _NULL else str(node.value)


def _check_tag(node: yaml.Node, path: str) -> None:
    if node.tag not in _PLAIN_TAGS:
        raise GlossaryError(f"unsupported YAML tag {node.tag!r}", path, _line(node))


def _item(fields: dict[str, FieldValue]) -> dict[str, FieldValue]:
    """Fields for YAML: a single form as a string, unless it holds a '|'."""
    item = dict(fields)
    for name in FORM_FIELDS:
        forms = item.get(name)
        if isinstance(forms, list) and len(forms) == 1 and "|" not in forms[0]:
            item[name] = forms[0]
    return item
