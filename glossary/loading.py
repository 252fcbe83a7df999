"""Load one glossary or a stack of them; the default term base ships as package data.

A TSV or CSV glossary, once parsed, is kept in the per-user cache (see
glossary.cache): a pre-commit hook then reads it back in a few milliseconds
instead of parsing a thousand rows again (four times longer). The entry is
used only while the file and this package's code are unchanged.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from functools import cache
from os import PathLike
from pathlib import Path

from glossary.english import inflection_stamp
from glossary.model import LANGUAGES, Glossary

DEFAULT_GLOSSARY = "default.tsv"

# Formats read by this package's code and the standard library alone, so that the
# cache key below sees every change that could change what is read.
_CACHED_EXTENSIONS = (".tsv", ".csv")
_CACHE_FILES = 64  # glossary paths share this many cache files: a clash is only a re-read
# (path as given, absolute path, size and CRC-32 of the file's bytes, _code_version(),
# inflection_stamp(): the indexes kept with the glossary hold English inflections)
_Key = tuple[str, str, int, int, tuple[tuple[str, int, int], ...], str]


def load(*paths: str | PathLike[str]) -> Glossary:
    """Read glossary files and stack them: later files override earlier ones."""
    stacked = Glossary()
    for path in paths:
        stacked = stacked.stack(_read(path))
    return stacked


@cache
def load_default() -> Glossary:
    """The curated default term base (software UI, AI, technology news)."""
    from importlib.resources import as_file, files  # 4 ms of imports a user glossary never needs

    with as_file(files("glossary") / "data" / DEFAULT_GLOSSARY) as path:
        glossary = _read(path)
    glossary.name = "default"
    return glossary


def _read(path: str | PathLike[str]) -> Glossary:
    """formats.load(path), from the cache when it holds this very file."""
    name = os.fspath(path)
    key = _key(name) if name.lower().endswith(_CACHED_EXTENSIONS) else None
    if key is None:  # another format, or a file that formats.load will report
        from glossary import formats

        return formats.load(name)
    from glossary.cache import cache_dir

    slot = zlib.crc32(os.fsencode(key[1])) % _CACHE_FILES
    entry = cache_dir() / f"glossary-{slot:02d}.pickle"
    glossary = _kept(entry, key)
    if glossary is None:
        from glossary import formats

        glossary = formats.load(name)  # a file with an error raises: nothing is kept
        for lang in LANGUAGES:  # kept built: every check needs one or both
            glossary.index(lang)
        _keep(entry, key, glossary)
    return glossary


def _key(name: str) -> _Key | None:
    """What a cache entry must match: the path as given (concepts' origins name it),
    the file's content and this package's code.

    The content, not the modification time: an edit within the file system's
    time resolution keeps the time. A CRC-32 sees every change of up to 32
    bits, and reading and checking a 50 kB glossary takes 0.05 ms.
    """
    code = _code_version()
    if code is None:
        return None
    try:
        data = Path(name).read_bytes()
    except OSError:
        return None
    return (name, os.path.abspath(name), len(data), zlib.crc32(data), code, inflection_stamp())


@cache
def _code_version() -> tuple[tuple[str, int, int], ...] | None:
    """Modification time and size of each module of this package: a new release or
    an edited parser never reads an entry that an older one wrote. None (no cache)
    where the modules are not files (a zip archive)."""
    here = Path(__file__).parent
    found = []
    try:
        for folder in (here, here / "formats"):
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        status = entry.stat()
                        found.append((entry.path, status.st_mtime_ns, status.st_size))
    except OSError:
        return None
    return tuple(sorted(found))


def _kept(entry: Path, key: _Key) -> Glossary | None:
    """The glossary kept under `key`, else None (missing, stale, corrupt or unsafe)."""
    import pickle

    try:
        with open(entry, "rb") as handle:
            status = os.fstat(handle.fileno())
            # A pickle runs code as it loads: only the user's own file, writable by no
            # one else (the cache may fall back to a shared temporary directory).
            getuid = getattr(os, "getuid", None)
            if (getuid and status.st_uid != getuid()) or status.st_mode & 0o022:
                return None
            kept_key, glossary = pickle.load(handle)
    except Exception:  # unpickling fails in many ways (old classes, a cut file): read the file
        return None
    return glossary if kept_key == key and isinstance(glossary, Glossary) else None


def _keep(entry: Path, key: _Key, glossary: Glossary) -> None:
    """Write the entry atomically (a run killed midway leaves the old one or none)."""
    import pickle
    import tempfile

    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".glossary-")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((key, glossary), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except OSError:  # a cache that cannot be written is only slower next time
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
