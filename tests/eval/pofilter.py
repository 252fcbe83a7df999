"""The baseline: Translate Toolkit's `pofilter --language=zh_CN`, run as a subprocess.

pofilter writes the units that fail a test to a copy of each catalog, with a
comment `# (pofilter) NAME: …` per failed test. It runs once on the original
catalogs, and once on a folder of mutated copies (one sub-folder per kind of
fault or trap, holding the catalogs that kind changed), so its results sit
beside glosscheck's on the same units.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import polib

from checker.segment import Segment
from tests.eval.material import ROOT
from tests.eval.mutate import Mutation

_COMMENT = re.compile(r"^\(pofilter\) ([\w-]+):", re.MULTILINE)

# A unit of a catalog: (path relative to its catalog folder, msgctxt, msgid).
Unit = tuple[str, str | None, str]


def run(source: Path, output: Path) -> None:
    """pofilter on every catalog below `source`, its failures written below `output`."""
    command = [sys.executable, "-m", "translate.filters.pofilter", "--language=zh_CN"]
    command += ["--progress=none", "-i", str(source), "-o", str(output)]
    subprocess.run(command, check=True, capture_output=True)


def failures(output: Path) -> dict[Unit, Counter[str]]:
    """The tests each unit failed, read from pofilter's output folder."""
    found: dict[Unit, Counter[str]] = {}
    for path in sorted(output.rglob("*.po")):
        relative = path.relative_to(output).as_posix()
        for entry in polib.pofile(str(path)):
            tests = Counter(_COMMENT.findall(entry.tcomment or ""))
            if tests:
                found[relative, entry.msgctxt, entry.msgid] = tests
    return found


def units(folder: Path) -> int:
    """How many translatable units pofilter reads below `folder` (header and obsolete left out)."""
    return sum(
        1 for path in folder.rglob("*.po") for e in polib.pofile(str(path)) if not e.obsolete
    )


def unit_of(segment: Segment, catalogs: str) -> Unit:
    """The catalog unit a segment was read from, its path relative to `catalogs`."""
    relative = Path(segment.path).relative_to(catalogs).as_posix()
    msgid = segment.meta.get("msgid") or segment.key.split("\x04")[-1]
    return relative, segment.meta.get("msgctxt"), msgid


def write_mutated(mutations: Iterable[Mutation], catalogs: str, folder: Path) -> None:
    """Copies of the catalogs with the mutations applied: `folder/KIND/…/django.po`."""
    by_file: dict[tuple[str, str], list[Mutation]] = {}
    for m in mutations:
        by_file.setdefault((m.kind.name, m.original.path), []).append(m)
    for (kind, path), changes in by_file.items():
        catalog = polib.pofile(str(ROOT / path), wrapwidth=0)
        entries = {(e.msgctxt, e.msgid): e for e in catalog}
        for m in changes:
            _, msgctxt, msgid = unit_of(m.original, catalogs)
            entry = entries[msgctxt, msgid]
            if "plural_index" in m.original.meta:
                entry.msgstr_plural[int(m.original.meta["plural_index"])] = m.target
            else:
                entry.msgstr = m.target
        target = folder / kind / Path(path).relative_to(catalogs)
        target.parent.mkdir(parents=True, exist_ok=True)
        catalog.save(str(target))
