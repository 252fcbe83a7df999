"""The JSON writer's own indentation agrees with json.dumps(indent=2) byte for byte."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from checker.output.json_format import indented

_SCALARS = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(_VALUES, st.integers(0, 3))
def test_indented_is_what_json_dumps_writes_at_that_depth(value: object, depth: int) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert indented(value, depth) == expected


def test_a_finding_with_a_term_and_unicode() -> None:
    finding = {
        "path": "po/zh.po",
        "line": 3,
        "fixable": False,
        "term": {"source": "刷新", "expected": ["refresh"], "found": None},
        "message": 'a "quoted"\tline\n',
        "empty": [],
    }
    assert indented(finding, 2) == json.dumps(finding, ensure_ascii=False, indent=2).replace(
        "\n", "\n    "
    )
    # As placed in the document: a finding's keys 6 spaces in, its term's 8.
    assert (
        '\n      "term": {\n        "source": "刷新",\n        "expected": [\n          "refresh"\n'
        in (indented(finding, 2))
    )
