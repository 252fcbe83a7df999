"""The term base: concepts, their forms in each language, and stacking."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.matching import Match, TermIndex

LANGUAGES = ("zh", "en")


class Status(enum.StrEnum):
    """How a form may be used in a translation."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    FORBIDDEN = "forbidden"


class Boundary(enum.StrEnum):
    """Where a match may start and end: on word boundaries or anywhere."""

    WORD = "word"
    CHAR = "char"


@dataclass(frozen=True)
class Origin:
    """Where a concept was defined, for error messages."""

    path: str
    line: int


@dataclass(frozen=True)
class Form:
    """One written form of a concept in one language."""

    text: str
    lang: str
    status: Status = Status.PREFERRED


@dataclass(frozen=True)
class Concept:
    """One concept: its forms in zh and en, and how to match and keep them.

    A `dnt` concept must appear unchanged in the translation; when a DNT
    concept names a form in one language only, that form serves both.
    """

    forms: tuple[Form, ...]
    dnt: bool = False
    case_sensitive: bool = False
    boundary: Boundary = Boundary.WORD
    note: str = ""
    domain: str = ""
    pos: str = ""
    origin: Origin | None = field(default=None, compare=False)
    # forms_in's answers: rules ask for the same forms segment after segment.
    _forms_in: dict[tuple[str, tuple[Status, ...]], tuple[Form, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def forms_in(self, lang: str, *statuses: Status) -> tuple[Form, ...]:
        """Forms in `lang`, in glossary order, optionally only some statuses."""
        found = self._forms_in.get((lang, statuses))
        if found is None:
            found = self._forms_in[lang, statuses] = self._find_forms(lang, statuses)
        return found

    def _find_forms(self, lang: str, statuses: tuple[Status, ...]) -> tuple[Form, ...]:
        found = tuple(f for f in self.forms if f.lang == lang)
        if not found and self.dnt:
            other = tuple(f for f in self.forms if f.lang != lang)
            found = tuple(Form(f.text, lang, f.status) for f in other)
        if statuses:
            found = tuple(f for f in found if f.status in statuses)
        return found

    def allowed(self, lang: str) -> tuple[Form, ...]:
        """Preferred and admitted forms in `lang` (preferred first)."""
        return self.forms_in(lang, Status.PREFERRED, Status.ADMITTED)

    def forbidden(self, lang: str) -> tuple[Form, ...]:
        return self.forms_in(lang, Status.FORBIDDEN)

    def preferred(self, lang: str) -> Form | None:
        """The first preferred form in `lang`, else the first admitted one."""
        allowed = self.allowed(lang)
        return allowed[0] if allowed else None

    @property
    def label(self) -> str:
        """A short human name: the preferred zh and en forms."""
        names = [f.text for lang in LANGUAGES if (f := self.preferred(lang))]
        return " = ".join(dict.fromkeys(names))

    def keys(self) -> set[tuple[str, str]]:
        """(lang, folded text) of each allowed form: what stacking compares."""
        return {
            (f.lang, f.text if self.case_sensitive else f.text.casefold())
            for f in self.forms
            if f.status is not Status.FORBIDDEN
        }


class Glossary:
    """An ordered collection of concepts, searchable in both languages."""

    def __init__(self, concepts: Iterable[Concept] = (), name: str = "") -> None:
        self.concepts: list[Concept] = list(concepts)
        self.name = name
        self._indexes: dict[str, TermIndex] = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled with the indexes built so far (the glossary cache keeps them: building
        both costs a pre-commit hook 25 ms); jieba's tokenizer is loaded again on use."""
        return {"concepts": self.concepts, "name": self.name, "_indexes": dict(self._indexes)}

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def __repr__(self) -> str:
        return f"Glossary({self.name!r}, {len(self)} concepts)"

    def stack(self, later: Glossary) -> Glossary:
        """A new glossary: `later` overrides concepts sharing an allowed form.

        Like config layers: a concept of `later` replaces every concept of
        this glossary that has one of its preferred or admitted forms.
        """
        if not self.concepts:  # loading one glossary: itself, with the indexes it has
            return later
        # The concepts here by key, so that stacking costs the two sizes, not their product.
        here: dict[tuple[str, str], list[int]] = {}
        for i, concept in enumerate(self.concepts):
            keys = concept.keys()
            for key in keys:
                here.setdefault(key, []).append(i)
        replaced: set[int] = set()
        if here:  # loading one glossary stacks it on an empty one: no keys needed
            for concept in later:
                keys = concept.keys()
                for key in keys:
                    replaced.update(here.get(key, ()))
        kept = [c for i, c in enumerate(self.concepts) if i not in replaced]
        return Glossary(kept + later.concepts, name=f"{self.name}+{later.name}".strip("+"))

    def index(self, lang: str) -> TermIndex:
        """The term index for texts in `lang`, built once."""
        index = self._indexes.get(lang)  # asked several times per segment: no import first
        if index is None:
            from glossary.matching import TermIndex

            index = self._indexes[lang] = TermIndex(self, lang)
        return index

    def find(self, text: str, lang: str) -> list[Match]:
        """Every glossary form in `text`, longest match first, no overlaps."""
        return self.index(lang).find_all(text)

    def lookup(self, term: str) -> list[Concept]:
        """Concepts having `term` as a form in either language."""
        folded = term.strip().casefold()
        return [c for c in self if any(f.text.casefold() == folded for f in c.forms)]
