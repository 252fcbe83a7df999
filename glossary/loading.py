"""Load one glossary or a stack of them; the default term base ships as package data."""

from __future__ import annotations

from functools import cache
from os import PathLike

from glossary.model import Glossary

DEFAULT_GLOSSARY = "default.tsv"


def load(*paths: str | PathLike[str]) -> Glossary:
    """Read glossary files and stack them: later files override earlier ones."""
    from glossary import formats

    stacked = Glossary()
    for path in paths:
        stacked = stacked.stack(formats.load(path))
    return stacked


@cache
def load_default() -> Glossary:
    """The curated default term base (software UI, AI, technology news)."""
    from importlib.resources import as_file, files  # 4 ms of imports a user glossary never needs

    from glossary import formats

    with as_file(files("glossary") / "data" / DEFAULT_GLOSSARY) as path:
        glossary = formats.load(path)
    glossary.name = "default"
    return glossary
