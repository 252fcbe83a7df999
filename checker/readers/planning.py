"""Turning the paths on the command line into reading jobs.

Directories are searched recursively for known extensions (hidden files and
directories skipped; in a git work tree, what .gitignore ignores too; the
configuration's include/exclude globs applied). NAME.zh.md and NAME.en.md in
one directory form a pair whichever of them was named (a pre-commit hook
passes only the changed one);
a document without a partner is read as target-only text, and a document
without a language in its name is read as interleaved when its blocks
alternate between Chinese and English, else as target-only text if it was
named on the command line (found in a directory, it is not a translation:
a README or a changelog).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch

from checker.readers.base import Job, ReadOptions
from checker.readers.languages import resolve_direction
from checker.readers.names import DocumentName, document_name
from checker.readers.registry import BY_EXTENSION, KNOWN_EXTENSIONS
from glossary.errors import InputError

__all__ = ["plan"]


def plan(paths: Sequence[str], options: ReadOptions) -> list[Job]:
    """The jobs for `paths`, sorted by target path; a missing path raises InputError."""
    jobs: set[Job] = set()
    claimed: set[str] = set()
    listings: dict[str, list[str]] = {}  # directory → its sorted entries, read once
    for source, target in options.pairs:
        for path in (source, target):
            _require(path)
        jobs.add(Job("paired", os.path.normpath(target), os.path.normpath(source)))
        claimed.update(os.path.normpath(path) for path in (source, target))
    for path, named in _expand(paths, options):
        if path not in claimed:
            jobs.update(_jobs_for(path, named, options, claimed, listings))
    return sorted(jobs, key=lambda job: (job.path, job.partner or "", job.reader))


def _require(path: str) -> None:
    if not os.path.exists(path):
        raise InputError("no such file or directory", path)


def _expand(paths: Sequence[str], options: ReadOptions) -> Iterator[tuple[str, bool]]:
    """(path, named on the command line) for each file."""
    for path in paths:
        _require(path)
        if os.path.isdir(path):
            yield from ((found, False) for found in _walk(path, options))
            continue
        extension = os.path.splitext(path)[1].lower()
        if extension not in KNOWN_EXTENSIONS:
            known = " ".join(sorted(KNOWN_EXTENSIONS))
            raise InputError(f"unsupported file type {extension or '(none)'}; known: {known}", path)
        yield os.path.normpath(path), True


def _walk(root: str, options: ReadOptions) -> Iterator[str]:
    """Known files below `root`: not hidden, not ignored by git, kept by include/exclude."""
    for path in sorted(_listed(root)):
        parts = os.path.relpath(path, root).split(os.sep)
        if any(part.startswith(".") for part in parts):
            continue
        if os.path.splitext(path)[1].lower() in KNOWN_EXTENSIONS and _wanted(path, options):
            yield path


def _listed(root: str) -> list[str]:
    """Every file below `root`; in a git work tree, only those git does not ignore."""
    import subprocess  # only for a directory: a hook checking files never pays its 4 ms

    try:
        listing = subprocess.run(
            ["git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8", "surrogateescape")
    except (OSError, subprocess.CalledProcessError):  # no git, or not a repository
        return [
            os.path.normpath(os.path.join(directory, name))
            for directory, _, files in os.walk(root)
            for name in files
        ]
    return [
        os.path.normpath(os.path.join(root, name))
        for name in listing.split("\0")
        if name and os.path.isfile(os.path.join(root, name))
    ]


def _wanted(path: str, options: ReadOptions) -> bool:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(options.root))

    def hit(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch(relative, p) or fnmatch(os.path.basename(path), p) for p in patterns)

    return (not options.include or hit(options.include)) and not hit(options.exclude)


def _jobs_for(
    path: str,
    named: bool,
    options: ReadOptions,
    claimed: set[str],
    listings: dict[str, list[str]],
) -> list[Job]:
    name = document_name(path)
    if name is None:
        return [Job(BY_EXTENSION[os.path.splitext(path)[1].lower()], path)]
    if options.target_only:
        return [Job("text", path)] if named or name.lang else []
    if name.lang is None:
        from checker.readers.interleaved import alternates

        if alternates(path):
            return [Job("interleaved", path)]
        return [Job("text", path)] if named else []
    directory = name.directory or "."
    if directory not in listings:
        listings[directory] = sorted(os.listdir(directory))
    siblings = _siblings(name, listings[directory])
    claimed.update(siblings)
    return _pair_jobs(siblings, options)


def _siblings(name: DocumentName, entries: list[str]) -> dict[str, str]:
    """{path: language} of the documents among `entries` sharing `name`'s stem and extension."""
    found: dict[str, str] = {}
    for entry in entries:
        other = document_name(entry)
        if other and other.lang and other.stem == name.stem and other.extension == name.extension:
            found[os.path.normpath(os.path.join(name.directory, entry))] = other.lang
    return found


def _pair_jobs(siblings: dict[str, str], options: ReadOptions) -> list[Job]:
    """Each target-language document paired with the first source-language one.

    "First" prefers the plainest suffix (NAME.zh.md before NAME.zh-Hant.md);
    documents left without a partner are read as target-only text.
    """
    source_lang, target_lang = resolve_direction(options.source_lang, options.target_lang)
    sources = sorted((path for path, lang in siblings.items() if lang == source_lang), key=len)
    targets = sorted(path for path, lang in siblings.items() if lang == target_lang)
    if not sources:
        return [Job("text", path) for path in targets]
    jobs = [Job("paired", path, sources[0]) for path in targets]
    spare = sources[1:] if targets else sources
    return jobs + [Job("text", path) for path in spare]
