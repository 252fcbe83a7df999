"""Project reports: glossary coverage and consistency, leftovers, findings, new terms.

`build(paths, glossary, config)` checks the files, reads their segments a
second time for the coverage counts and term mining, and returns one plain
JSON-ready dict; the Markdown, JSON and HTML renderers all draw from it, so
every format carries the same facts.
"""

from __future__ import annotations

from checker.reporting.build import build
from checker.reporting.extract import Candidate, as_glossary, extract
from checker.reporting.gather import ConceptUsage, Coverage

__all__ = ["Candidate", "ConceptUsage", "Coverage", "as_glossary", "build", "extract"]
