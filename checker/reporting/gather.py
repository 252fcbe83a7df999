"""Glossary coverage and consistency, counted segment by segment.

Each source occurrence of a glossary term is classified by what its target
holds: the concept's preferred form, another admitted form, a forbidden form,
or none of them (missing). Counts are kept per concept and direction and only
divided at the end (see `ConceptUsage.consistency`), so that a project-wide
rate is a ratio of sums, never a mean of per-file rates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.segment import Segment
from glossary.model import Concept, Glossary, Status

RENDERINGS = ("preferred", "admitted", "forbidden", "missing")
PROBLEMS = ("forbidden", "missing")


@dataclass(frozen=True)
class Example:
    """One occurrence as a person checks it: where, the sentence pair, what was found."""

    path: str
    line: int
    rendering: str
    found: str | None
    source: str
    target: str


@dataclass
class ConceptUsage:
    """How one concept was rendered in one direction (e.g. zh→en)."""

    concept: Concept
    source_lang: str
    target_lang: str
    counts: Counter[str] = field(default_factory=Counter)  # by rendering kind
    forms: Counter[str] = field(default_factory=Counter)  # target form actually used
    examples: dict[str, list[Example]] = field(default_factory=dict)

    @property
    def occurrences(self) -> int:
        return sum(self.counts.values())

    @property
    def problems(self) -> int:
        return sum(self.counts[k] for k in PROBLEMS)

    @property
    def consistency(self) -> float:
        """Share of occurrences rendered with the single most used target form.

        A missing rendering counts against it, so 1.0 means every occurrence
        uses the same form; compare `compliance` for allowed-or-not.
        """
        top = self.forms.most_common(1)[0][1] if self.forms else 0
        return top / self.occurrences if self.occurrences else 1.0

    @property
    def compliance(self) -> float:
        """Share of occurrences rendered with a preferred or admitted form."""
        good = self.counts["preferred"] + self.counts["admitted"]
        return good / self.occurrences if self.occurrences else 1.0

    @property
    def direction(self) -> str:
        return f"{self.source_lang}→{self.target_lang}"


@dataclass
class Coverage:
    """Usage of every concept of a glossary over a set of segments."""

    glossary: Glossary
    examples_per_kind: int = 3
    usage: dict[tuple[int, str, str], ConceptUsage] = field(default_factory=dict)
    segments: int = 0
    _positions: dict[int, int] = field(default_factory=dict, repr=False)

    def add(self, segment: Segment) -> None:
        """Count the glossary terms of one segment's source and how its target renders them."""
        self.segments += 1
        if segment.target_only or not segment.source.strip():
            return
        source_index = self.glossary.index(segment.source_lang)
        senses: dict[tuple[int, int], list[Concept]] = {}  # concepts of one source span
        seen: set[int] = set()
        for match in source_index.find_all(segment.source):
            if id(match.concept) in seen:
                continue  # a term repeated in one sentence is one occurrence
            seen.add(id(match.concept))
            senses.setdefault((match.start, match.end), []).append(match.concept)
        for concepts in senses.values():
            found = [(c, classify(self.glossary, c, segment)) for c in concepts]
            # A form that concepts share (确认 = confirm, ensure) counts for the sense
            # rendered, as T101 judges it; with none rendered, as the first one missing.
            rendered = [(c, kind) for c, kind in found if kind[0] != "missing"]
            for concept, kind in rendered or found[:1]:
                self._record(segment, concept, kind)

    def _record(
        self, segment: Segment, concept: Concept, kind_found: tuple[str, str | None]
    ) -> None:
        key = (self._position(concept), segment.source_lang, segment.target_lang)
        usage = self.usage.get(key)
        if usage is None:
            usage = ConceptUsage(concept, segment.source_lang, segment.target_lang)
            self.usage[key] = usage
        kind, found = kind_found
        usage.counts[kind] += 1
        if found is not None:
            usage.forms[found] += 1
        kept = usage.examples.setdefault(kind, [])
        if len(kept) < self.examples_per_kind:
            kept.append(
                Example(segment.path, segment.line, kind, found, segment.source, segment.target)
            )

    def _position(self, concept: Concept) -> int:
        if len(self._positions) != len(self.glossary):
            self._positions = {id(c): i for i, c in enumerate(self.glossary)}
        return self._positions[id(concept)]

    def ranked(self) -> list[ConceptUsage]:
        """Worst first: most problem occurrences, then least consistent, then most used."""
        return sorted(
            self.usage.values(),
            key=lambda u: (-u.problems, u.compliance, u.consistency, -u.occurrences),
        )

    def unused(self) -> list[Concept]:
        """Concepts that no source text mentions, in glossary order."""
        used = {position for position, _, _ in self.usage}
        return [c for i, c in enumerate(self.glossary) if i not in used]


def classify(glossary: Glossary, concept: Concept, segment: Segment) -> tuple[str, str | None]:
    """(rendering kind, target form found) of `concept` in the segment's target.

    Chinese forms count inside longer words too (目录 in 目录索引): a reader
    sees the rendering there, even if a word-boundary rule would not.
    """
    lang = segment.target_lang
    matches = glossary.index(lang).find_all(segment.target, any_case=True, chinese_words=False)
    forms = {m.form.text: m.form.status for m in matches if m.concept is concept}
    preferred = concept.preferred(lang)
    if preferred is not None and preferred.text in forms:
        return "preferred", preferred.text
    other = next((text for text, s in forms.items() if s is not Status.FORBIDDEN), None)
    if other is not None:  # a second preferred form, or an admitted one
        return "admitted", other
    found = next((text for text, s in forms.items() if s is Status.FORBIDDEN), None)
    return ("forbidden", found) if found is not None else ("missing", None)
