"""Benchmark: `glosscheck score` against sacrebleu alone on 100,000 segment pairs.

Not a test (pytest does not collect it). Run it from the repository root::

    python tests/perf/bench_score.py            # both directions, 100,000 pairs
    python tests/perf/bench_score.py --pairs 20000 --direction zh-en --repeat 1

For each direction it writes, under a temporary directory, a corpus made
from corpora/scoring/: segment i takes line k of the source, the first
reference and system A, for k drawn with a fixed seed, and the hypothesis is
perturbed (words dropped and adjacent words swapped, also seeded) so that
hardly any two hypotheses are equal. Then it times, each in a fresh process
so that imports and file reading count for both:

- sacrebleu: its Python API, BLEU + chrF + TER corpus scores (the tokenizer
  and TER settings `glosscheck score` chooses for the target language);
- glosscheck: `glosscheck score --ref … --hyp … --worst 5` (BLEU, chrF, TER
  and the five lowest-chrF segments);
- glosscheck + terms: the same with `--src`, adding the four terminology
  metrics (work sacrebleu does not do, shown for information).

and prints a Markdown table of CPU and wall seconds, segments per second,
peak memory and the ratio of CPU time to sacrebleu's. The budget is
glosscheck ≤ 1.3 × sacrebleu.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "scoring"
# Runs the code given as its first argument, then reports on stderr its CPU seconds and
# peak memory (KiB).
MEASURED = """
import resource, sys
code = sys.argv.pop(1)
try:
    exec(compile(code, "<bench>", "exec"), {"__name__": "__main__"})
except SystemExit as stop:
    if stop.code:
        raise
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, file=sys.stderr)
"""
GLOSSCHECK = "from checker.cli import main; main()"
SACREBLEU_ONLY = """
import sys
from sacrebleu.metrics import BLEU, CHRF, TER
ref, hyp, lang = sys.argv[1:4]
refs = [line.rstrip() for line in open(ref, encoding="utf-8")]
hyps = [line.rstrip() for line in open(hyp, encoding="utf-8")]
zh = lang == "zh"
for metric in (BLEU(tokenize="zh" if zh else "13a"), CHRF(), TER(normalized=zh, asian_support=zh)):
    print(metric.corpus_score(hyps, [refs]))
"""


def perturb(words: list[str], rng: random.Random) -> list[str]:
    """Drop about 1 word in 12 and swap about 1 adjacent pair in 8."""
    kept = [w for w in words if rng.random() >= 1 / 12] or words[:1]
    for i in range(len(kept) - 1):
        if rng.random() < 1 / 8:
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return kept


def make_corpus(direction: str, pairs: int, folder: Path, seed: int) -> tuple[Path, Path, Path]:
    source_lang, target_lang = direction.split("-")
    read = lambda name: (CORPUS / direction / name).read_text(encoding="utf-8").splitlines()  # noqa: E731
    sources = read(f"source.{source_lang}")
    refs = read(f"reference.{target_lang}")
    hyps = read(f"system-a.{target_lang}")
    rng = random.Random(seed)
    out = {name: [] for name in ("src", "ref", "hyp")}
    for _ in range(pairs):
        k = rng.randrange(len(refs))
        out["src"].append(sources[k])
        out["ref"].append(refs[k])
        tokens = list(hyps[k]) if target_lang == "zh" else hyps[k].split()
        out["hyp"].append(("" if target_lang == "zh" else " ").join(perturb(tokens, rng)))
    paths = []
    for name, lines in out.items():
        path = folder / f"{direction}.{name}"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], paths[2]


def timed(code: str, arguments: list[str]) -> tuple[float, float, float]:
    """CPU seconds, wall seconds and peak memory (MiB) of `code` in a fresh interpreter.

    CPU time (user + system) is what the ratio uses: on a shared machine the
    wall clock also counts the time other processes held the CPU.
    """
    command = [sys.executable, "-c", MEASURED, code, *arguments]
    start = time.perf_counter()
    done = subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    cpu, peak = done.stderr.split()[-2:]
    return float(cpu), wall, int(peak) / 1024


def bench(
    direction: str, pairs: int, seed: int, repeat: int
) -> list[tuple[str, float, float, float]]:
    """(run, CPU s, wall s, peak MiB) of each run: the fastest of `repeat` tries, interleaved."""
    target_lang = direction.split("-")[1]
    with tempfile.TemporaryDirectory() as tmp:
        src, ref, hyp = make_corpus(direction, pairs, Path(tmp), seed)
        score = ["score", "--ref", str(ref), "--hyp", str(hyp), "--worst", "5"]
        runs = [
            ("sacrebleu (BLEU+chrF+TER)", SACREBLEU_ONLY, [str(ref), str(hyp), target_lang]),
            ("glosscheck score", GLOSSCHECK, score),
            ("glosscheck score --src (+terms)", GLOSSCHECK, [*score, "--src", str(src)]),
        ]
        best: dict[str, tuple[float, float, float]] = {}
        for _ in range(repeat):
            for name, code, arguments in runs:
                measured = timed(code, arguments)
                if name not in best or measured[0] < best[name][0]:
                    best[name] = measured
        return [(name, *best[name]) for name, _, _ in runs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--direction", choices=["zh-en", "en-zh", "both"], default="both")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--repeat", type=int, default=3, help="tries per run; the fastest counts")
    args = parser.parse_args()
    directions = ["zh-en", "en-zh"] if args.direction == "both" else [args.direction]
    print(
        f"{args.pairs} segment pairs per direction, one reference, seed {args.seed},"
        f" fastest of {args.repeat} tries"
    )
    print("| direction | run | CPU s | wall s | segments/s (CPU) | peak MiB | ratio (CPU) |")
    print("|---|---|--:|--:|--:|--:|--:|")
    for direction in directions:
        rows = bench(direction, args.pairs, args.seed, args.repeat)
        baseline = rows[0][1]
        for name, cpu, wall, peak in rows:
            print(
                f"| {direction} | {name} | {cpu:.1f} | {wall:.1f} | {args.pairs / cpu:.0f}"
                f" | {peak:.0f} | {cpu / baseline:.2f}× |"
            )


if __name__ == "__main__":
    main()
