"""Which terms each translation is expected to use, and where a text uses them.

A segment expects one rendering for every glossary term found in its source
(each occurrence counts: a source that says 模型 twice expects two), or, for
the WMT 2021 task's files, for every `<term>` tag of its source. Concepts
without a target form are not expected; a do-not-translate name expects
itself.

Renderings are found with the glossary's own matcher in the target
language, on the text with spaces between Han characters removed:

- English: on word boundaries, in any letter case unless the concept is
  case-sensitive, inflections included (refresh, refreshed; model, models);
- Chinese: as character strings, also inside a longer word (目录 counts in
  目录索引), as rule T101 does: a rendering is there or it is not, whatever
  a segmenter makes of its neighbours.

Forbidden forms never count. Only the concepts some source segment
expects are looked for, and where two of their renderings overlap the
longest wins (as in `check`): "model" inside "language model" counts for
"model" unless "language model" is itself expected.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from checker.scoring.tokens import join_han
from checker.scoring.wmt21 import AnnotatedTerm
from glossary.matching import TermIndex
from glossary.model import Concept, Form, Glossary, Status

__all__ = ["Expected", "TermPlan", "from_annotations", "from_glossary"]

Spans = dict[int, list[tuple[int, int]]]  # id(concept) → (start, end) of each rendering


@dataclass(frozen=True)
class Expected:
    """One term a segment's translation should render."""

    concept: Concept
    source: str  # the term as the source writes it
    targets: tuple[str, ...]  # accepted renderings, preferred first


class TermPlan:
    """The expected terms of every segment and the matcher that finds their renderings."""

    def __init__(
        self,
        expected: list[tuple[Expected, ...]],
        index: TermIndex,
        target_lang: str,
        description: str,
    ) -> None:
        self.expected = expected
        self.index = index
        self.target_lang = target_lang
        self.description = description  # what the signature says about the term list

    def prepare(self, text: str) -> str:
        """The text as matched and tokenized: Chinese without spaces between Han characters."""
        return join_han(text) if self.target_lang == "zh" else text

    def missing(self, index: int, hypothesis: str) -> list[Expected]:
        """The expected terms of segment `index` that `hypothesis` does not render.

        One entry per missing occurrence: a term expected twice and rendered
        once is listed once.
        """
        found = self.renderings(self.prepare(hypothesis))
        rendered = {concept: len(spans) for concept, spans in found.items()}
        missing = []
        for expected in self.expected[index]:
            key = id(expected.concept)
            if rendered.get(key, 0) > 0:
                rendered[key] -= 1
            else:
                missing.append(expected)
        return missing

    def renderings(self, prepared: str) -> Spans:
        """Where `prepared` renders each concept, in text order (allowed forms only)."""
        found: Spans = defaultdict(list)
        for match in self.index.find_all(prepared, chinese_words=False):
            if match.form.status is not Status.FORBIDDEN:
                found[id(match.concept)].append((match.start, match.end))
        return found


def from_glossary(
    glossary: Glossary, sources: Sequence[str], source_lang: str, target_lang: str
) -> TermPlan:
    """Expected terms: the glossary's terms found in each source segment."""
    source_index = glossary.index(source_lang)
    expected = []
    used: dict[int, Concept] = {}
    for source in sources:
        found = []
        for match in source_index.find_all(source):
            targets = tuple(f.text for f in match.concept.allowed(target_lang))
            if targets:
                found.append(Expected(match.concept, match.text, targets))
                used.setdefault(id(match.concept), match.concept)
        expected.append(tuple(found))
    description = f"{glossary.name or 'glossary'}@{digest(glossary)}"
    # Renderings are looked for among the expected concepts only: fewer candidates to
    # weigh, and a rendering is not lost to an unrelated, longer glossary term.
    index = Glossary(used.values(), name=glossary.name).index(target_lang)
    return TermPlan(expected, index, target_lang, description)


def from_annotations(
    annotations: Sequence[tuple[AnnotatedTerm, ...]], source_lang: str, target_lang: str
) -> TermPlan:
    """Expected terms: each segment's `<term>` tags, their `tgt` forms accepted."""
    concepts: dict[tuple[str, tuple[str, ...]], Concept] = {}
    expected = []
    for terms in annotations:
        found = []
        for term in terms:
            targets = tuple(dict.fromkeys(_join(t, target_lang) for t in term.targets))
            key = (term.source.casefold(), targets)
            if key not in concepts:
                concepts[key] = _concept(term.source, source_lang, targets, target_lang)
            found.append(Expected(concepts[key], term.source or term.text, targets))
        expected.append(tuple(found))
    index = Glossary(concepts.values(), name="wmt21").index(target_lang)
    return TermPlan(expected, index, target_lang, "wmt21")


def digest(glossary: Glossary) -> str:
    """A short hash of the glossary's content, so a signature names the term list used."""
    hashed = hashlib.sha256()
    for concept in glossary:
        flags = f"{concept.dnt}:{concept.case_sensitive}:{concept.boundary}"
        forms = "|".join(f"{f.lang}:{f.status}:{f.text}" for f in concept.forms)
        hashed.update(f"{flags}\t{forms}\n".encode())
    return hashed.hexdigest()[:8]


def _join(text: str, lang: str) -> str:
    return join_han(text) if lang == "zh" else text


def _concept(source: str, source_lang: str, targets: tuple[str, ...], target_lang: str) -> Concept:
    forms = [Form(source, source_lang)] if source else []
    for position, target in enumerate(targets):
        status = Status.PREFERRED if position == 0 else Status.ADMITTED
        forms.append(Form(target, target_lang, status))
    return Concept(tuple(forms))
