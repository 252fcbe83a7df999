"""The benchmark of issue 7: glosscheck beside its baselines, in one table.

Not a test (pytest collects only test_*.py). Run it from the repository root::

    python tests/perf/bench.py                      # everything (the 1M case takes minutes)
    python tests/perf/bench.py --skip-1m            # the scale case without 1,000,000 entries
    python tests/perf/bench.py --scale 0.1          # a quick run: every input 10 times smaller
    python tests/perf/bench.py --cases hook,catalog --json bench.json
    python tests/perf/bench.py --cases findings --update-snapshot   # after a change of findings

To measure another tree than the installed one (a commit, beside the working
tree), put it first on the path: `PYTHONPATH=/tmp/tree python tests/perf/bench.py`.

Every command runs as a child process with its bytecode kept (in the work
directory, PYTHONPYCACHEPREFIX, even where PYTHONDONTWRITEBYTECODE is set, as
it is on the development machine): an installed package has its .pyc files.
Each is timed from start to exit with
`time.perf_counter`. Its peak memory is the `ru_maxrss` that `os.wait4`
reports for it: the largest single process of its tree (`--jobs 2` counts its
biggest process, not the sum). A child starts from the peak of the process
that forked it, so each command is started by a small measuring process
(MEASURE, a bare interpreter: no figure is below its size) rather than by the benchmark
itself, which holds its inputs. Ratios use wall time; CPU seconds (user +
system, of the whole child) are shown beside it, as on a shared machine they
tell whether other processes slowed a run.

Inputs are built with fixed seeds, in a temporary directory or in
`--workdir` (kept, and reused while this file is unchanged). glosscheck's
cache (jieba's dictionary, inflections) lives in the work directory and is
warmed before anything is timed.

The glossary (10,000 concepts, used by the catalog, jobs, scale and articles
cases, passed with `--no-default-glossary --glossary G` so that exactly these
concepts are used) is the default glossary (`load_default()`) plus three kinds of
generated concepts:

- mined: an English word of the Django catalogs paired with the jieba word
  that stands in every translation of a source having it ("address" → 地址).
  They match often, in sources and in translations, so they add matches and
  jieba work;
- look-alike: two English words of the corpora ("invalid session") and two
  to four Han characters of the corpora, drawn by frequency, each kept only
  if it occurs nowhere in the corpora: the automaton walks deep into them on
  real text, but they never match, and jieba's cuts of the corpora do not
  change;
- synthetic: as in bench_hook.py, made-up words with a serial number.

Mined and look-alike concepts make half of the generated ones, the synthetic
ones the other half. They must add no finding on corpora/: every candidate is
checked with glosscheck's own matcher (`safe`), and dropped when a concept
then is in a source but not in its translation. Each run prints the findings
of this glossary on corpora/ beside the default glossary's.

Cases (`--cases`, comma-separated; all by default):

- findings: `glosscheck check corpora/articles corpora/django --format json`,
  its findings (rule, path, line, column, message) compared with
  tests/perf/corpora_findings.json (rewritten with `--update-snapshot`):
  optimisations must not change them.
- hook: bench_hook.py's input (a 300-entry PO file, 1,000 concepts); the
  whole `glosscheck check` process, five runs after one warm-up, median,
  beside `pofilter --language=zh_CN` on the same file, timed the same way
  (every pofilter run with `--progress=none`: no progress bar to draw).
  Targets: median < 0.5 s and ≤ 2× pofilter's.
- catalog: 100,000 PO entries, the 921 entries of the 13 Django catalogs
  repeated (plurals, flags and comments kept), each copy of each entry with
  its own msgctxt (copy:file[:original context]) so that none is a
  duplicate; `glosscheck check FILE --format json` with every default rule
  and the 10,000-concept glossary. Baselines: `pofilter --language=zh_CN` on
  the same file, and `polib.pofile(FILE)` in a child process (the parse
  alone, timed inside the child, without interpreter start). Targets:
  throughput ≥ 5× pofilter's, time ≤ 2.5× polib's parse.
- jobs: the same catalog with `--jobs 2` beside `--jobs 1`; the two JSON
  outputs must be identical. Target: ≥ 1.7× faster.
- articles: 200,000 zh→en paragraph pairs, the prose blocks of
  corpora/articles (one block per line, code left out) drawn at random with a
  fixed seed, pairs kept aligned, written as 10 pairs of NAME.zh.md/NAME.en.md
  files, one block a line; `glosscheck check DIR`. Baseline: a plain loop in a child process
  that loads the same glossary and reads the same files, and only calls
  `TermIndex.find_all` (the automaton glosscheck uses) on both sides of
  every pair. Target: ≤ 4× the loop.
- scoring: bench_score.py's corpora (100,000 segment pairs, each direction);
  `glosscheck score --ref R --hyp H --worst 5` beside sacrebleu's own BLEU +
  chrF + TER on the same files. Target: ≤ 1.3×.
- scale: the catalog case at 10,000, 100,000 and 1,000,000 entries (pofilter
  is not run). Targets: linear time, i.e. the time per entry at each size no
  more than 1.2× that at the size before (start-up costs make smaller sizes
  dearer per entry, so growth beyond that is not linear); and peak memory at
  1M ≤ 1.5× that at 100k. `--skip-1m` leaves the largest size out.

A command run twice with the same arguments (the catalog with --jobs 1 is
also the jobs baseline and the 100k scale point) is timed once. `--scale F`
multiplies every entry, pair and segment count (not the glossaries nor the
hook's file) for a quick run; ratios then say little.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

# Run as a script, this file's folder is on sys.path: the two older benchmarks import as modules.
import bench_hook
import bench_score
import polib

import glossary
from glossary import formats
from glossary.model import Concept, Form, Glossary
from glossary.text import is_han

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DJANGO = ROOT / "corpora" / "django"
ARTICLES = ROOT / "corpora" / "articles"
SNAPSHOT = HERE / "corpora_findings.json"
# The translations of corpora/ (not corpora/glossaries/, which glosscheck would read as input).
CORPORA = ("corpora/articles", "corpora/django")
BIN = Path(sys.executable).parent
GLOSSCHECK = str(BIN / "glosscheck")
POFILTER = str(BIN / "pofilter")
SEED = 2026
CONCEPTS = 10_000
CATALOG_ENTRIES = 100_000
SCALE_SIZES = (10_000, 100_000, 1_000_000)
ARTICLE_PAIRS = 200_000
ARTICLE_FILES = 10
SCORE_PAIRS = 100_000
RUNS = 5  # the hook case's timed runs
CASES = ("findings", "hook", "catalog", "jobs", "articles", "scoring", "scale")

# The polib baseline: the parse alone, timed inside the child.
POLIB_PARSE = """
import sys, time
import polib
start = time.perf_counter()
polib.pofile(sys.argv[1])
print(time.perf_counter() - start)
"""
# The articles baseline: every pair's two sides scanned for glossary terms, nothing else.
TERM_SCAN = """
import sys
from pathlib import Path
import glossary
terms = glossary.load(sys.argv[1])
zh_index, en_index = terms.index("zh"), terms.index("en")
found = 0
for zh_path in sorted(Path(sys.argv[2]).glob("*.zh.md")):
    en_path = zh_path.with_name(zh_path.name[: -len(".zh.md")] + ".en.md")
    zh_lines = zh_path.read_text(encoding="utf-8").splitlines()
    en_lines = en_path.read_text(encoding="utf-8").splitlines()
    for zh, en in zip(zh_lines, en_lines):
        if zh:
            found += len(zh_index.find_all(zh)) + len(en_index.find_all(en))
print(found)
"""

# Runs a command (its output to two files) and prints its wall and CPU seconds, peak RSS
# (KiB) and exit code. A small process of its own because a child's ru_maxrss starts at the
# peak of the process that forked it, and the benchmark holds its inputs in memory.
MEASURE = """
import os, subprocess, sys, time
stdout, stderr, *command = sys.argv[1:]
with open(stdout, "wb") as out, open(stderr, "wb") as err:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=out, stderr=err)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
child.returncode = os.waitstatus_to_exitcode(status)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, child.returncode)
"""

STARTED = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - STARTED:7.1f}s] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- measuring


@dataclass
class Run:
    """One measured command."""

    name: str
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak_mib: float
    segments: int
    stdout: str  # path of the captured standard output

    @property
    def rate(self) -> float:
        return self.segments / self.wall


class Runner:
    """Runs commands as child processes and remembers each command's measurement."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = dict(os.environ)  # with main()'s XDG_CACHE_HOME
        # Both tools run with their bytecode, compiled once (in the warm-ups), as an
        # installed package is: without it every run compiles every module again
        # (50 ms of a 300-entry hook check for glosscheck, an editable install).
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        self._done: dict[tuple[str, ...], Run] = {}
        self._count = 0  # numbers the files that capture each child's output

    def run(self, name: str, command: list[str], segments: int) -> Run:
        """Measure `command` once (again only if never run with these arguments)."""
        key = tuple(command)
        if key not in self._done:
            log(f"running {name}: {' '.join(command)[:150]}")
            self._done[key] = self._measure(name, command, segments)
            done = self._done[key]
            log(f"  {done.wall:.2f} s wall, {done.cpu:.2f} s CPU, {done.peak_mib:.0f} MiB peak")
        return self._done[key]

    def _measure(self, name: str, command: list[str], segments: int) -> Run:
        self._count += 1
        stdout = self.folder / f"out-{self._count}.txt"
        stderr = self.folder / f"err-{self._count}.txt"
        wrapped = [sys.executable, "-I", "-S", "-c", MEASURE, str(stdout), str(stderr), *command]
        done = subprocess.run(wrapped, env=self.env, cwd=ROOT, capture_output=True, check=True)
        wall, cpu, peak_kib, code = done.stdout.split()
        errors = stderr.read_text(encoding="utf-8", errors="replace")
        # glosscheck exits 1 when it has findings, and so does Python on an uncaught exception.
        if int(code) not in (0, 1) or "Traceback (most recent call last)" in errors:
            raise RuntimeError(f"{name} exited with {int(code)}:\n{errors[-2000:]}")
        if errors:
            log(f"  {name} wrote {len(errors)} characters on stderr: {errors.splitlines()[:1]}")
        return Run(name, float(wall), float(cpu), int(peak_kib) / 1024, segments, str(stdout))

    def median(self, name: str, command: list[str], segments: int, runs: int) -> Run:
        """One warm-up, then the median of `runs` timed runs (memory: the median too)."""
        self._measure(name, command, segments)
        timed = [self._measure(name, command, segments) for _ in range(runs)]
        log(f"{name}: " + ", ".join(f"{r.wall:.3f}" for r in timed) + " s")
        middle = sorted(timed, key=lambda r: r.wall)[len(timed) // 2]
        peak = statistics.median(r.peak_mib for r in timed)
        return Run(name, middle.wall, middle.cpu, peak, segments, middle.stdout)


@dataclass
class Row:
    """One line of the table: a measured run beside its baseline, and the target."""

    case: str
    run: Run
    baseline: Run | None
    ratio: float | None
    target: str
    met: bool | None


def time_ratio(case: str, run: Run, baseline: Run, limit: float) -> Row:
    ratio = run.wall / baseline.wall
    return Row(case, run, baseline, ratio, f"time ≤ {limit}×", ratio <= limit)


def throughput_ratio(case: str, run: Run, baseline: Run, least: float) -> Row:
    ratio = run.rate / baseline.rate
    return Row(case, run, baseline, ratio, f"throughput ≥ {least}×", ratio >= least)


# ---------------------------------------------------------------------------- inputs


def django_entries() -> list[tuple[int, polib.POEntry]]:
    """(file index, entry) of every non-obsolete entry of the Django catalogs."""
    files = sorted(DJANGO.rglob("*.po"))
    return [
        (i, e) for i, path in enumerate(files) for e in polib.pofile(str(path)) if not e.obsolete
    ]


def article_pairs() -> list[tuple[str, str]]:
    """(zh, en) of each prose block of the articles: one block per line, code left out."""
    pairs = []
    for zh_path in sorted(ARTICLES.glob("*.zh.md")):
        en_path = zh_path.with_name(zh_path.name.replace(".zh.md", ".en.md"))
        zh_lines = zh_path.read_text(encoding="utf-8").splitlines()
        en_lines = en_path.read_text(encoding="utf-8").splitlines()
        assert len(zh_lines) == len(en_lines), f"{zh_path} and {en_path} are not line-aligned"
        in_code = False
        for zh, en in zip(zh_lines, en_lines, strict=True):
            if zh.startswith("```"):
                in_code = not in_code
            elif zh.strip() and not in_code:
                pairs.append((zh, en))
    return pairs


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Build `path` once: through a temporary name, so a killed build is never reused."""
    if not path.exists():
        partial = path.with_name(f"partial-{path.name}")  # same extension: formats.dump reads it
        write(partial)
        partial.replace(path)
    return path


def write_catalog(path: Path, size: int) -> None:
    """The Django entries repeated up to `size`, each copy with a msgctxt of its own."""
    entries = django_entries()
    header = polib.pofile(str(DJANGO / "conf" / "zh_Hans" / "django.po"))
    del header[:]  # its header comment and metadata only
    mark = "\x01COPY\x01"  # rendered once per entry, replaced per copy: polib is slow at 1M
    templates = []
    for file_index, entry in entries:
        context = entry.msgctxt
        entry.msgctxt = mark + (f":{context}" if context else "")
        templates.append((file_index, str(entry)))
    with open(path, "w", encoding="utf-8") as out:
        out.write(str(header) + "\n")
        for n in range(size):
            copy, k = divmod(n, len(templates))
            file_index, text = templates[k]
            out.write(text.replace(mark, f"{copy}:{file_index}", 1) + "\n")


def write_articles(folder: Path, pairs_in_all: int, seed: int) -> None:
    """`pairs_in_all` aligned block pairs in ARTICLE_FILES pairs of files, one block a line."""
    folder.mkdir(exist_ok=True)
    pairs = article_pairs()
    rng = random.Random(seed)
    files = min(ARTICLE_FILES, pairs_in_all)
    for number in range(files):
        count = pairs_in_all // files + (number < pairs_in_all % files)
        chosen = [rng.choice(pairs) for _ in range(count)]
        for lang, side in (("zh", 0), ("en", 1)):
            text = "\n\n".join(pair[side] for pair in chosen) + "\n"
            (folder / f"part{number:02}.{lang}.md").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------- the glossary

_WORD = re.compile(r"[A-Za-z]{3,}")
Pair = tuple[str, str]  # (source, target)


def corpus_pairs() -> tuple[list[Pair], list[Pair]]:
    """(source, target) of each translated catalog entry (en→zh) and article block (zh→en)."""
    catalog = []
    for _, entry in django_entries():
        zh = " ".join([entry.msgstr, *entry.msgstr_plural.values()]).strip()
        if zh:
            catalog.append((f"{entry.msgid} {entry.msgid_plural}", zh))
    return catalog, article_pairs()


def mined_candidates(catalog: list[Pair], taken: set[str]) -> list[Concept]:
    """English word → jieba word pairs that always go together in the catalogs.

    A word (in two sources or more) is proposed with the Chinese word that
    stands in every translation of a source having it, the most specific
    one where several do; `safe` then checks the pair with glosscheck's matcher.
    """
    from glossary.chinese import Segmenter  # after main() has set the cache folder

    segmenter = Segmenter(())
    words, zh_words, both = Counter[str](), Counter[str](), Counter[Pair]()
    for en, zh in catalog:
        ws = {w.lower() for w in _WORD.findall(en)} - taken
        cut = {zh[start:end] for start, end in segmenter.words(zh)}
        zs = {w for w in cut if len(w) > 1 and all(map(is_han, w))} - taken
        words.update(ws)
        zh_words.update(zs)
        both.update((w, z) for w in ws for z in zs)
    best: dict[str, tuple[float, str]] = {}
    for (w, z), n in sorted(both.items()):
        if n == words[w] >= 2 and n / zh_words[z] > best.get(w, (0.0, ""))[0]:
            best[w] = (n / zh_words[z], z)
    unique = {z: w for w, (_, z) in sorted(best.items())}  # one English word per Chinese word
    return [Concept((Form(z, "zh"), Form(w, "en"))) for z, w in unique.items()]


def lookalike_candidates(
    count: int, catalog: list[Pair], articles: list[Pair], taken: set[str], rng: random.Random
) -> list[Concept]:
    """Two English words and 2–4 Han characters of the corpora, by frequency, found nowhere.

    The Chinese form must not occur even inside a word: jieba would then cut
    the text differently and change other concepts' matches.
    """
    english = "\n".join([en for en, _ in catalog] + [en for _, en in articles]).lower()
    chinese = "\n".join([zh for _, zh in catalog] + [zh for zh, _ in articles])
    words = _WORD.findall(english)
    chars = [c for c in chinese if is_han(c)]
    concepts: list[Concept] = []
    while len(concepts) < count:
        en = f"{rng.choice(words)} {rng.choice(words)}"
        zh = "".join(rng.choice(chars) for _ in range(rng.randint(2, 4)))
        if en in english or zh in chinese or en in taken or zh in taken:
            continue
        taken.update((en, zh))
        concepts.append(Concept((Form(zh, "zh"), Form(en, "en"))))
    return concepts


def synthetic_concepts(count: int, rng: random.Random) -> list[Concept]:
    """Made-up forms with a serial number, as bench_hook.py makes them."""
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta"]
    han = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
    concepts = []
    for i in range(count):
        zh = "".join(rng.choice(han) for _ in range(3)) + str(i)
        en = f"{rng.choice(words)} {rng.choice(words)}{i}"
        concepts.append(Concept((Form(zh, "zh"), Form(en, "en"))))
    return concepts


def safe(candidates: list[Concept], real: list[Concept]) -> list[Concept]:
    """The candidates that add no missing-term finding on the corpora, by glosscheck's matcher.

    A concept found in a source (inflected, on word boundaries) must be found
    in its translation too: in the catalogs (en→zh) and in the articles (zh→en).
    A candidate is dropped when it misses, and so is every candidate with a
    form in a pair where a concept newly misses: glosscheck gives jieba the
    glossary's Chinese forms (新密码 as a word hides 密码), and the longest
    match wins where two overlap.
    """
    catalog, articles = corpus_pairs()
    pairs = [(*pair, "en", "zh") for pair in catalog] + [(*pair, "zh", "en") for pair in articles]
    before = _misses(real, pairs)
    while misses := _misses(real + candidates, pairs) - before:
        blamed = {concept for _, concept in misses}
        for i, _ in misses:
            texts = f"{pairs[i][0]}\n{pairs[i][1]}".casefold()
            blamed.update(
                id(c) for c in candidates if any(f.text.casefold() in texts for f in c.forms)
            )
        if not blamed & set(map(id, candidates)):
            break  # nothing left to blame (jieba's word frequencies all shift a little)
        candidates = [c for c in candidates if id(c) not in blamed]
    return candidates


def _misses(
    concepts: list[Concept], pairs: list[tuple[str, str, str, str]]
) -> set[tuple[int, int]]:
    """(pair, concept id) of each concept found in a pair's source but not in its target.

    Searched as glosscheck's rules search (checker.rules.base.Scan): a target
    in any case and, in Chinese, inside longer words too.
    """
    terms = Glossary(concepts)
    missed: set[tuple[int, int]] = set()
    for i, (source, target, source_lang, target_lang) in enumerate(pairs):
        found = {id(m.concept) for m in terms.index(source_lang).find_all(source)}
        rendered = terms.index(target_lang).find_all(target, any_case=True, chinese_words=False)
        found -= {id(m.concept) for m in rendered}
        missed.update((i, concept) for concept in found)
    return missed


def write_glossary(path: Path, size: int, seed: int) -> None:
    """The default glossary, then mined and look-alike concepts (half the rest), then synthetic."""
    from glossary.english import surface_forms  # after main() has set the cache folder

    real = list(glossary.load_default())
    taken = {s.casefold() for c in real for f in c.forms for s in surface_forms(f.text)}
    catalog, articles = corpus_pairs()
    rng = random.Random(seed)
    half = (size - len(real)) // 2
    mined = mined_candidates(catalog, taken)
    lookalike = lookalike_candidates(half + half // 10, catalog, articles, taken, rng)
    kept = set(map(id, safe(mined + lookalike, real)))
    mined = [c for c in mined if id(c) in kept]
    lookalike = [c for c in lookalike if id(c) in kept][: half - len(mined)]
    synthetic = synthetic_concepts(size - len(real) - len(mined) - len(lookalike), rng)
    log(
        f"glossary: {len(real)} default, {len(mined)} mined, {len(lookalike)} look-alike,"
        f" {len(synthetic)} synthetic concepts ({len(kept)} of the candidates were safe)"
    )
    formats.dump(Glossary(real + mined + lookalike + synthetic), path)


# ---------------------------------------------------------------------------- the cases


class Bench:
    """The inputs (built on first use) and the cases, which add rows and checks."""

    def __init__(self, folder: Path, scale: float) -> None:
        self.folder = folder
        self.scale = scale
        self.runner = Runner(folder)
        self.rows: list[Row] = []
        self.checks: dict[str, bool] = {}
        self.notes: list[str] = []
        self._warm = False
        self.default_findings: list[dict[str, object]] | None = None

    def size(self, count: int) -> int:
        return max(1, round(count * self.scale))

    # inputs

    def glossary(self) -> Path:
        path = self.folder / f"glossary-{CONCEPTS}.tsv"
        atomic_write(path, lambda p: write_glossary(p, CONCEPTS, SEED))
        if not self._warm:  # fill glosscheck's cache (jieba, inflections) before timing
            self._warm = True
            self.glossary_findings(path)
        return path

    def catalog(self, size: int) -> Path:
        path = self.folder / f"catalog-{size}.po"
        if not path.exists():
            log(f"building a {size}-entry catalog")
        return atomic_write(path, lambda p: write_catalog(p, size))

    def articles(self) -> Path:
        pairs = self.size(ARTICLE_PAIRS)
        path = self.folder / f"articles-{pairs}"
        if not path.exists():
            log(f"building {pairs} article pairs")
        return atomic_write(path, lambda p: write_articles(p, pairs, SEED))

    def check_catalog(self, size: int, jobs: int = 1) -> Run:
        po, terms = self.catalog(size), self.glossary()
        command = [GLOSSCHECK, "check", str(po), "--no-default-glossary", "--glossary",
                   str(terms), "--format", "json", "--jobs", str(jobs)]  # fmt: skip
        run = self.runner.run(f"glosscheck check --jobs {jobs}", command, size)
        self.valid_output(run, size)
        return run

    def valid_output(self, run: Run, segments: int) -> None:
        """The JSON report of `run` must have no input errors, and every segment."""
        report = json.loads(Path(run.stdout).read_text(encoding="utf-8"))
        if report["errors"]:
            raise RuntimeError(f"{run.name}: input errors, e.g. {report['errors'][:3]}")
        summary = report["summary"]
        if summary["segments"] != segments:
            self.notes.append(f"{run.name}: {summary['segments']} segments, not {segments}")
        log(f"  {summary['segments']} segments, findings {summary['by_rule']}")

    # cases

    def findings(self, update: bool) -> None:
        command = [GLOSSCHECK, "check", *CORPORA, "--format", "json"]
        found = corpora_findings(self.runner.run("findings on corpora", command, 0))
        self.default_findings = found
        if update:
            SNAPSHOT.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", "utf-8")
            log(f"wrote {SNAPSHOT} ({len(found)} findings)")
        snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
        self.checks["corpora findings = snapshot"] = found == snapshot
        if found != snapshot:
            self.notes.append(f"corpora/ findings changed: {changed(snapshot, found)}")
        self.notes.append(f"corpora/, default glossary: {len(found)} findings")

    def glossary_findings(self, terms: Path) -> None:
        """The 10k glossary on corpora/, to show what the generated concepts add."""
        command = [GLOSSCHECK, "check", *CORPORA, "--no-default-glossary", "--glossary",
                   str(terms), "--format", "json"]  # fmt: skip
        found = corpora_findings(self.runner.run("10k glossary on corpora", command, 0))
        note = f"corpora/, {CONCEPTS}-concept glossary: {len(found)} findings"
        if self.default_findings is not None:
            note += f"; beside the default glossary's: {changed(self.default_findings, found)}"
        self.notes.append(note)

    def hook(self) -> None:
        folder = self.folder / "hook"
        folder.mkdir(exist_ok=True)
        po, terms = bench_hook.build_inputs(folder)
        entries = len(polib.pofile(str(po)))
        check = [GLOSSCHECK, "check", "-q", "--no-default-glossary", "--glossary", str(terms),
                 str(po)]  # fmt: skip
        run = self.runner.median("glosscheck check (median)", check, entries, RUNS)
        pofilter = [POFILTER, "--progress=none", "--language=zh_CN", str(po), "-o",
                    str(folder / "pofilter.po")]  # fmt: skip
        base = self.runner.median("pofilter (median)", pofilter, entries, RUNS)
        self.rows.append(Row("hook", run, None, None, "median < 0.5 s", run.wall < 0.5))
        self.rows.append(time_ratio("hook", run, base, 2))

    def catalog_case(self) -> None:
        size = self.size(CATALOG_ENTRIES)
        run, po = self.check_catalog(size), self.catalog(size)
        pofilter = [POFILTER, "--progress=none", "--language=zh_CN", str(po), "-o",
                    str(self.folder / f"pofilter-{size}.po")]  # fmt: skip
        self.warm_pofilter()
        base = self.runner.run("pofilter", pofilter, size)
        self.rows.append(throughput_ratio("catalog", run, base, 5))
        parse_only = [sys.executable, "-c", POLIB_PARSE, str(po)]
        parse = self.runner.run("polib.pofile() parse", parse_only, size)
        parse.wall = float(Path(parse.stdout).read_text())  # timed inside the child
        self.rows.append(time_ratio("catalog", run, parse, 2.5))

    def warm_pofilter(self) -> None:
        """One small pofilter run first, so that a timed one finds its bytecode compiled."""
        small = ROOT / "corpora" / "django" / "contrib" / "flatpages" / "zh_Hans" / "django.po"
        out = self.folder / "pofilter-warm.po"
        command = [POFILTER, "--progress=none", "--language=zh_CN", str(small), "-o", str(out)]
        self.runner.run("pofilter warm-up", command, 1)

    def jobs(self) -> None:
        size = self.size(CATALOG_ENTRIES)
        one, two = self.check_catalog(size, jobs=1), self.check_catalog(size, jobs=2)
        speedup = one.wall / two.wall
        self.rows.append(Row("jobs", two, one, speedup, "speed-up ≥ 1.7×", speedup >= 1.7))
        same = Path(one.stdout).read_bytes() == Path(two.stdout).read_bytes()
        self.checks["--jobs 1 output = --jobs 2 output"] = same

    def articles_case(self) -> None:
        folder, terms = self.articles(), self.glossary()
        pairs = self.size(ARTICLE_PAIRS)
        command = [GLOSSCHECK, "check", str(folder), "--no-default-glossary", "--glossary",
                   str(terms), "--format", "json"]  # fmt: skip
        run = self.runner.run("glosscheck check", command, pairs)
        self.valid_output(run, pairs)
        scan = [sys.executable, "-c", TERM_SCAN, str(terms), str(folder)]
        base = self.runner.run("term-scan loop", scan, pairs)
        log(f"  the loop found {Path(base.stdout).read_text().strip()} term matches")
        self.rows.append(time_ratio("articles", run, base, 4))

    def scoring(self) -> None:
        pairs = self.size(SCORE_PAIRS)
        folder = self.folder / f"scoring-{pairs}"
        folder.mkdir(exist_ok=True)
        for direction in ("zh-en", "en-zh"):
            _, ref, hyp = bench_score.make_corpus(direction, pairs, folder, SEED)
            target = direction.split("-")[1]
            own = [sys.executable, "-c", bench_score.SACREBLEU_ONLY, str(ref), str(hyp), target]
            base = self.runner.run("sacrebleu BLEU+chrF+TER", own, pairs)
            score = [GLOSSCHECK, "score", "--ref", str(ref), "--hyp", str(hyp), "--worst", "5"]
            run = self.runner.run("glosscheck score", score, pairs)
            self.rows.append(time_ratio(f"scoring {direction}", run, base, 1.3))

    def scale_case(self, skip_1m: bool) -> None:
        sizes = [self.size(n) for n in SCALE_SIZES[: 2 if skip_1m else 3]]
        runs = [self.check_catalog(size) for size in sizes]
        self.rows.append(Row(f"scale {sizes[0]:,}", runs[0], None, None, "", None))
        for size, run, before in zip(sizes[1:], runs[1:], runs, strict=False):
            ratio = (run.wall / run.segments) / (before.wall / before.segments)
            target = "time/entry ≤ 1.2× previous size"
            self.rows.append(Row(f"scale {size:,}", run, before, ratio, target, ratio <= 1.2))
        if len(runs) == 3:  # memory: 1M beside 100k
            ratio = runs[2].peak_mib / runs[1].peak_mib
            target = "peak RSS ≤ 1.5×"
            self.rows.append(
                Row(f"scale {sizes[2]:,}", runs[2], runs[1], ratio, target, ratio <= 1.5)
            )


def corpora_findings(run: Run) -> list[dict[str, object]]:
    report = json.loads(Path(run.stdout).read_text(encoding="utf-8"))
    keys = ("rule", "path", "line", "column", "message")
    found = [{k: f[k] for k in keys} for f in report["findings"]]
    return sorted(found, key=lambda f: tuple(str(f[k]) for k in keys))


def changed(before: list[dict[str, object]], after: list[dict[str, object]]) -> str:
    """Per rule, how many findings are gone and how many are new."""
    gone = Counter(str(f["rule"]) for f in before if f not in after)
    new = Counter(str(f["rule"]) for f in after if f not in before)
    return f"gone {dict(sorted(gone.items()))}, new {dict(sorted(new.items()))}"


# ---------------------------------------------------------------------------- the table


def table(rows: Iterable[Row]) -> str:
    head = ("case", "run", "wall s", "CPU s", "seg/s", "µs/seg", "peak MiB", "baseline",
            "wall s", "CPU s", "seg/s", "peak MiB", "ratio", "target", "met")  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        r, b = row.run, row.baseline
        cells = [row.case, r.name, f"{r.wall:.2f}", f"{r.cpu:.2f}", f"{r.rate:,.0f}",
                 f"{1e6 * r.wall / r.segments:.0f}", f"{r.peak_mib:.0f}"]  # fmt: skip
        if b:
            cells += [
                b.name,
                f"{b.wall:.2f}",
                f"{b.cpu:.2f}",
                f"{b.rate:,.0f}",
                f"{b.peak_mib:.0f}",
            ]
        else:
            cells += ["—"] * 5
        cells.append(f"{row.ratio:.2f}×" if row.ratio is not None else "—")
        cells.append(row.target or "—")
        cells.append({True: "yes", False: "NO", None: "—"}[row.met])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(bench: Bench, args: argparse.Namespace, seconds: float) -> None:
    code = Path(glossary.__file__).parent.parent  # another tree with PYTHONPATH=…
    print(f"glosscheck benchmark of {code}: scale {args.scale}, seed {SEED}")
    print()
    print(table(bench.rows))
    print()
    targets = [row.met for row in bench.rows if row.met is not None]
    print(f"targets met: {sum(targets)} of {len(targets)}")
    for name, ok in bench.checks.items():
        print(f"{name}: {'yes' if ok else 'NO'}")
    if bench.checks:
        print(f"findings unchanged: {'yes' if all(bench.checks.values()) else 'no'}")
    for note in bench.notes:
        print(f"note: {note}")
    print(f"benchmark wall time: {seconds:.0f} s")
    if args.json:
        rows = [asdict(row) for row in bench.rows]
        data = {"scale": args.scale, "seed": SEED, "rows": rows, "checks": bench.checks,
                "notes": bench.notes, "seconds": seconds}  # fmt: skip
        Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--cases", default=",".join(CASES), help=f"of {','.join(CASES)}")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every input size")
    parser.add_argument("--skip-1m", action="store_true", help="scale case without 1M entries")
    parser.add_argument("--workdir", type=Path, help="keep the inputs here and reuse them")
    parser.add_argument("--json", help="write the table here as JSON too")
    parser.add_argument("--update-snapshot", action="store_true", help="rewrite " + SNAPSHOT.name)
    args = parser.parse_args()
    cases = args.cases.split(",")
    if unknown := set(cases) - set(CASES):
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as scratch:
        # Inputs are keyed by this file's content: a changed generator never reuses old ones.
        version = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
        folder = (args.workdir or Path(scratch)).resolve() / f"bench-{version}"
        folder.mkdir(parents=True, exist_ok=True)
        # glosscheck's cache (jieba, inflections), for the runs and for building the glossary.
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
        bench = Bench(folder, args.scale)
        if "findings" in cases:
            bench.findings(args.update_snapshot)
        if "hook" in cases:
            bench.hook()
        if "catalog" in cases:
            bench.catalog_case()
        if "jobs" in cases:
            bench.jobs()
        if "articles" in cases:
            bench.articles_case()
        if "scoring" in cases:
            bench.scoring()
        if "scale" in cases:
            bench.scale_case(args.skip_1m)
        report(bench, args, time.perf_counter() - STARTED)


if __name__ == "__main__":
    main()
