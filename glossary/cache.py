"""A per-user cache between runs, so a pre-commit hook does not redo slow work.

jieba's prefix dictionary and English inflections live in
`$XDG_CACHE_HOME/glosscheck` (default `~/.cache/glosscheck`, or the temporary
directory when that cannot be made). A cache file that is missing, corrupt or
from another library version is rebuilt, never trusted.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    folder = Path(base) / "glosscheck"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile

        folder = Path(tempfile.gettempdir())
    return folder


class WordTable:
    """A JSON map of word → words, loaded on first use and written back at exit if it grew."""

    def __init__(self, name: str) -> None:
        self._path = cache_dir() / name
        self._table: dict[str, list[str]] | None = None
        self._dirty = False

    def _loaded(self) -> dict[str, list[str]]:
        if self._table is None:
            import atexit  # imported on first use: most hook runs never open a table
            import json

            try:
                table = json.loads(self._path.read_text(encoding="utf-8"))
                ok = isinstance(table, dict) and all(isinstance(v, list) for v in table.values())
                self._table = table if ok else {}
            except (OSError, ValueError):
                self._table = {}
            atexit.register(self.save)
        return self._table

    def get(self, word: str) -> list[str] | None:
        return self._loaded().get(word)

    def put(self, word: str, words: list[str]) -> None:
        self._loaded()[word] = words
        self._dirty = True

    def save(self) -> None:
        """Write atomically, so a run killed midway leaves the old file or none."""
        if not self._dirty or self._table is None:
            return
        import json
        import tempfile

        try:
            handle, temporary = tempfile.mkstemp(dir=self._path.parent, prefix=".words-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self._table, out, ensure_ascii=False, sort_keys=True)
            os.replace(temporary, self._path)
            self._dirty = False
        except OSError:
            pass  # a cache that cannot be written is only slower next time
