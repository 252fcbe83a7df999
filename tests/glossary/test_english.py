"""English inflection: surface forms, singulars, and the cache that spares lemminflect."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.english import is_word, singular, surface_forms, word_family


@pytest.mark.parametrize(
    ("word", "expected"),
    [("users", "user"), ("entries", "entry"), ("boxes", "box"), ("types", "type"),
     ("classes", "class"), ("news", "news"), ("data", "data"), ("sat", "sat")],
)  # fmt: skip
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("word", "derivative"),
    [("confirm", "confirmation"), ("delete", "deletion"), ("settings", "set"),
     ("register", "registration"), ("administration", "administrative"),
     ("function", "functionality"), ("registration", "register")],
)  # fmt: skip
def test_word_family_holds_derivatives(word: str, derivative: str) -> None:
    assert derivative in word_family(word)


def test_word_family_invents_no_word() -> None:
    assert "registeration" not in word_family("register")
    assert "enteration" not in word_family("enter")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("header", True),
        ("Refreshing", True),
        ("don't", True),
        ("e-mail", True),
        ("inbox", True),  # in + box
        ("username", True),  # user + name
        ("docutils", False),
        ("urlpattern", False),
        ("no-referrer", False),
        ("PyTorch", False),
    ],
)
def test_is_word(word: str, expected: bool) -> None:
    assert is_word(word) is expected


def test_surface_forms() -> None:
    assert surface_forms("refresh") >= {"refresh", "refreshes", "refreshed", "refreshing"}
    assert surface_forms("log in") >= {"logged in", "logging in"}
    assert surface_forms("GPU") == {"GPU", "GPUs"} and surface_forms("iPhone") == {"iPhone"}
    assert surface_forms("refresh", inflect=False) == {"refresh"}


def test_a_second_run_takes_inflections_from_the_cache(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom glossary.english import surface_forms\n"
        "print(sorted(surface_forms('refresh')), 'lemminflect' in sys.modules)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        ).stdout

    first, second = run(), run()
    assert first.endswith("True\n") and second.endswith("False\n")
    assert first.replace("True", "") == second.replace("False", "")
    assert list((tmp_path / "glosscheck").glob("inflections-*.json"))
