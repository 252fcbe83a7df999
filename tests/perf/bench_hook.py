"""Latency of `glosscheck check` as a pre-commit hook: one 300-entry PO file, 1,000 concepts.

Builds its inputs reproducibly (the first 300 translated entries of Django's
main zh_Hans catalog; the default glossary plus seeded generated concepts up
to 1,000), then times the whole process from start to exit, five runs each:
with an empty cache (the first run on a machine) and with a warm one (every
later run). Run from the repository root:

    python tests/perf/bench_hook.py
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

import glossary
from glossary import formats
from glossary.model import Concept, Form, Glossary

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "corpora" / "django" / "conf" / "zh_Hans" / "django.po"
RUNS = 5


def build_inputs(folder: Path) -> tuple[Path, Path]:
    source = polib.pofile(str(CATALOG))
    catalog = polib.POFile()
    catalog.metadata = source.metadata
    for entry in [e for e in source if e.msgstr and not e.obsolete][:300]:
        catalog.append(entry)
    po = folder / "zh_Hans.po"
    catalog.save(str(po))
    terms = list(glossary.load_default())
    rng = random.Random(2026)
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta"]
    han = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
    for i in range(1000 - len(terms)):
        zh = "".join(rng.choice(han) for _ in range(3)) + str(i)
        en = f"{rng.choice(words)} {rng.choice(words)}{i}"
        terms.append(Concept((Form(zh, "zh"), Form(en, "en"))))
    tsv = folder / "terms.tsv"
    formats.dump(Glossary(terms), tsv)
    return po, tsv


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        po, tsv = build_inputs(folder)
        command = [str(Path(sys.executable).parent / "glosscheck"), "check", "-q",
                   "--no-default-glossary", "--glossary", str(tsv), str(po)]  # fmt: skip
        cold, warm = [], []
        for run in range(RUNS):
            env = {**os.environ, "XDG_CACHE_HOME": str(folder / f"cache-{run}")}
            cold.append(timed(command, env))
            warm.append(timed(command, env))
    print(f"one 300-entry PO file, 1,000-concept glossary, {RUNS} runs each")
    print(f"{'case':<28}{'median s':>10}{'min s':>8}{'max s':>8}")
    for name, times in (("cold cache (first run)", cold), ("warm cache (later runs)", warm)):
        print(f"{name:<28}{statistics.median(times):>10.3f}{min(times):>8.3f}{max(times):>8.3f}")


if __name__ == "__main__":
    main()
