"""English inflection: the surface forms under which a glossary form may appear."""

from __future__ import annotations

from functools import cache


def surface_forms(form: str, *, inflect: bool = True) -> set[str]:
    """`form` and its inflections (refresh → refreshes, refreshed, refreshing).

    The last word inflects ("language model" → "language models"; the tail of
    a hyphenated word: "fine-tune" → "fine-tuned"), and a leading verb does
    ("log in" → "logged in"). Acronyms take a plural
    "s" (GPU → GPUs); names with inner capitals (iPhone, GitHub) do not inflect.
    """
    if not inflect:
        return {form}
    head, sep, last = form.rpartition(" ")
    prefix, hyphen, tail = last.rpartition("-")
    if not tail.isalpha() or not tail.isascii():
        return {form}
    stem = head + sep + prefix + hyphen
    if tail.isupper() and len(tail) > 1:
        return {form, f"{stem}{tail}s"}
    if any(c.isupper() for c in tail[1:]):
        return {form}
    variants = {form}
    for word in _inflections(tail.lower()):
        variants.add(stem + (word.capitalize() if tail[0].isupper() else word))
    first, space, rest = form.partition(" ")
    if space and first.isalpha() and first.islower():  # phrasal verbs: log in → logged in
        variants.update(f"{verb} {rest}" for verb in _verb_forms(first))
    return variants


@cache
def _verb_forms(word: str) -> frozenset[str]:
    from lemminflect import getAllInflections

    return frozenset(w for forms in getAllInflections(word, upos="VERB").values() for w in forms)


@cache
def _inflections(word: str) -> frozenset[str]:
    from lemminflect import getAllInflections, getAllInflectionsOOV

    found = {w for forms in getAllInflections(word).values() for w in forms}
    if not found:  # a word lemminflect does not know: treat it as a noun
        found = {w for forms in getAllInflectionsOOV(word, "NOUN").values() for w in forms}
    return frozenset(found)


@cache
def singular(word: str) -> str:
    """The singular of a lower-case English noun (users → user), else the word."""
    from lemminflect import getLemma

    found = getLemma(word, upos="NOUN")
    return str(found[0]) if found else word
