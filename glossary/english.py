"""English inflection: the surface forms under which a glossary form may appear."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from glossary.cache import WordTable


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


# Part of the cache file's name: raise it when what is computed and kept here changes
# (a word family found another way), so that no user keeps the old answers.
_TABLE_VERSION = 2


@cache
def _words() -> WordTable:
    """Inflections of each word, kept between runs: loading lemminflect's tables
    costs about half a second, more than a whole pre-commit check of one file."""
    return WordTable(f"inflections-{inflection_stamp()}-{_TABLE_VERSION}.json")


@cache
def inflection_stamp() -> str:
    """Which lemminflect is installed: its module file's time and size (another install
    is another stamp), found without importlib.metadata, which costs a pre-commit
    hook 15-20 ms of imports. Names what is cached from it."""
    import os
    from importlib.util import find_spec

    spec = find_spec("lemminflect")
    try:
        status = os.stat(spec.origin) if spec and spec.origin else None
    except OSError:  # pragma: no cover - lemminflect is a dependency
        status = None
    return f"{status.st_mtime_ns}-{status.st_size}" if status else "unknown"


@cache
def _inflections(word: str) -> frozenset[str]:
    return frozenset(_remembered(word, lambda: _lemminflect_forms(word)))


def _lemminflect_forms(word: str) -> set[str]:
    from lemminflect import getAllInflections, getAllInflectionsOOV

    found = {w for forms in getAllInflections(word).values() for w in forms}
    if not found:  # a word lemminflect does not know: treat it as a noun
        found = {w for forms in getAllInflectionsOOV(word, "NOUN").values() for w in forms}
    return found


@cache
def _verb_forms(word: str) -> frozenset[str]:
    def forms() -> set[str]:
        from lemminflect import getAllInflections

        return {w for found in getAllInflections(word, upos="VERB").values() for w in found}

    return frozenset(_remembered(f"verb:{word}", forms))


def _remembered(key: str, compute: Callable[[], Iterable[str]]) -> list[str]:
    """The words kept under `key` from an earlier run, else computed now and kept."""
    known = _words().get(key)
    if known is None:
        known = sorted(compute())
        _words().put(key, known)
    return known


@cache
def is_word(word: str) -> bool:
    """Whether `word` (any case) is English: known to lemminflect, or two known words
    run together (inbox, username, checkbox).

    Names and identifiers (docutils, urlpattern) are not words. A hyphenated
    word is one when all its parts are (no-referrer is not).
    """
    stem = word.lower().replace("’", "'").partition("'")[0]  # don't, user's
    return all(len(part) < 2 or _known(part) for part in stem.split("-"))


def _known(word: str) -> bool:
    def lexical(w: str) -> bool:
        from lemminflect import getAllInflections, getAllLemmas

        return bool(getAllLemmas(w) or getAllInflections(w))

    def known() -> list[str]:
        halves = ((word[:i], word[i:]) for i in range(2, len(word) - 1))
        found = lexical(word) or any(lexical(a) and lexical(b) for a, b in halves)
        return ["yes"] if found else []

    return bool(_remembered(f"known:{word}", known))


# Noun and adjective suffixes that turn a verb into its derivatives (confirm → confirmation).
_SUFFIXES = ("ation", "ion", "ment", "al", "able", "ative", "ality")


@cache
def word_family(word: str) -> frozenset[str]:
    """A lower-case word, its derivatives and all their inflections, as English uses
    them where Chinese keeps one word for every part of speech: 确认 is confirm and
    confirmation, 设置 set and settings, 删除 delete and deletion.

    Only words lemminflect knows count, so no invented form is returned.
    """
    return frozenset(_remembered(f"family:{word}", lambda: _family(word)))


def _family(word: str) -> set[str]:
    from lemminflect import getAllInflections, getAllLemmas

    bases = {word, *(w for lemmas in getAllLemmas(word).values() for w in lemmas)}
    bases.update(w for b in list(bases) for w in getAllLemmas(b).get("VERB", ()))  # setting → set
    for suffix in _SUFFIXES:  # confirmation → confirm, deletion → delete
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            bases.update((stem, stem + "e"))
            if stem.endswith("r"):  # registration → register, administration → administer
                bases.add(stem[:-1] + "er")
    for base in list(bases):  # confirm → confirmation, delete → deletion
        stems = {base, base[:-1] if base.endswith("e") else base}
        if base.endswith("er"):  # register → registration, administer → administration
            stems.add(base[:-2] + "r")
        bases.update(stem + suffix for stem in stems for suffix in _SUFFIXES)
    family = set()
    for base in bases:
        inflections = getAllInflections(base)
        if inflections or getAllLemmas(base):
            family.add(base)
            family.update(w for forms in inflections.values() for w in forms)
    return family


@cache
def singular(word: str) -> str:
    """The singular of a lower-case English noun (users → user, entries → entry), else the word.

    Found among the inflections of the likely stems, so no lemmatizer has to load.
    """
    stems = [word[:-3] + "y"] if word.endswith("ies") else []
    stems += [word[:-2]] if word.endswith("es") else []
    stems += [word[:-1]] if word.endswith("s") else []
    for stem in stems:
        if len(stem) > 1 and word in _inflections(stem):
            return stem
    return word
