"""Parametrizes `FormatContract.test_malformed_input_names_the_line` per format."""

from __future__ import annotations

import pytest


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "malformed_case" in metafunc.fixturenames and metafunc.cls is not None:
        cases = metafunc.cls.malformed
        metafunc.parametrize("malformed_case", cases, ids=[case[0] for case in cases])
