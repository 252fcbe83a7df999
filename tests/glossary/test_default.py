"""The default glossary keeps the conventions its README states."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from glossary.loading import load_default
from glossary.model import Status
from glossary.validate import validate

DEFAULT = Path(__file__).parents[2] / "glossary" / "data" / "default.tsv"


def test_it_validates_without_a_problem() -> None:
    assert validate(DEFAULT) == []


def test_a_shared_form_is_a_homograph_preferred_in_one_concept_at_most() -> None:
    owners: dict[tuple[str, str], dict[int, Status]] = defaultdict(dict)
    for concept in load_default():
        for lang in ("zh", "en"):
            for form in concept.allowed(lang):  # iFlytek|iFLYTEK: one concept, one entry
                owners[lang, form.text.casefold()].setdefault(id(concept), form.status)
    shared = {key: by_concept for key, by_concept in owners.items() if len(by_concept) > 1}
    assert all(list(s.values()).count(Status.PREFERRED) <= 1 for s in shared.values())
    # the homographs the README lists, and no other
    assert sorted(text for _, text in shared) == [
        "admin",
        "attention",
        "function",
        "update",
        "删除",
        "确认",
    ]
