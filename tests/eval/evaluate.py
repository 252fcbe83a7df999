"""Measure glosscheck's recall and false positives on real catalogs, beside pofilter.

Run from the repository root: `python -m tests.eval [--seed N] [--limit N] [--json OUT]`.
It prints one table:

- **fault** rows: per kind of planted fault and direction, how many were planted
  (n), how many the expected rule reported on the mutated segment (found) and
  the recall; for en→zh, the same for pofilter (a unit counts when it got a
  pofilter test comment that the untouched unit did not have);
- **trap** rows: per correct rewrite, how many segments got a finding the
  untouched segment did not have (flagged), and that share;
- **untouched** rows: per body of material, findings per 1,000 segments, by
  rule, and the false positives: findings that `reviewed.tsv` does not mark
  `real` (unreviewed ones count as false positives); then pofilter's comments
  per 1,000 units of the same en→zh catalogs, by test.

Mutated copies are checked with every default rule except the ones that
compare segments across files (T103, C101, C102): each mutated segment is
checked beside other mutated copies of the same catalog entry, so those rules
would compare a segment with its own copies, and no fault or trap here is
about consistency.

`reviewed.tsv` holds one row per finding on the untouched material: `material`
(catalogs, reversed-catalogs, articles), `rule`, `path`, `line`, `column` (these
five identify the finding), `message` (for the reader), `verdict` (`real`: a
real problem of the original translation; `fp`: a false positive; `?`: not
reviewed yet) and `why`. `--update-reviewed` rewrites it with a `?` row for
every finding that has none, keeping the verdicts already given and dropping
rows whose finding is gone.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import checker
from checker.finding import Finding
from glossary import Glossary, load_default
from tests.eval import pofilter
from tests.eval.material import CATALOGS, EN_ZH, ROOT, ZH_EN, Material, materials
from tests.eval.mutate import KINDS, LIMIT, SEED, Mutation, plant_all
from tests.eval.text import Terms

CROSS_FILE = ("T103", "C101", "C102")
REVIEWED = Path(__file__).with_name("reviewed.tsv")
REVIEW_COLUMNS = ("material", "rule", "path", "line", "column", "message", "verdict", "why")


@dataclass
class KindResult:
    """One kind of fault or trap in one direction: planted, and reported."""

    kind: str
    direction: str
    rule: str  # the expected rule; "" for a trap
    doc: str
    n: int = 0
    hits: int = 0  # faults found, or traps flagged
    pofilter_n: int | None = None  # en→zh only
    pofilter_hits: int | None = None
    examples: list[dict[str, object]] = field(default_factory=list)  # misses, or flagged traps

    @property
    def rate(self) -> float:
        return self.hits / self.n if self.n else 0.0

    @property
    def pofilter_rate(self) -> float | None:
        if not self.pofilter_n or self.pofilter_hits is None:
            return None
        return self.pofilter_hits / self.pofilter_n


@dataclass
class UntouchedResult:
    """Findings on one body of untouched material, and how many are not reviewed real."""

    material: str
    direction: str
    segments: int
    by_rule: dict[str, int]
    false_positives: int  # findings not marked real in reviewed.tsv
    unreviewed: int  # findings with no row in reviewed.tsv at all

    @property
    def findings(self) -> int:
        return sum(self.by_rule.values())

    def per_1000(self, count: int) -> float:
        return 1000 * count / self.segments if self.segments else 0.0


@dataclass
class PofilterUntouched:
    units: int
    by_test: dict[str, int]


@dataclass
class Evaluation:
    seed: int
    limit: int
    faults: list[KindResult]
    traps: list[KindResult]
    untouched: list[UntouchedResult]
    pofilter: PofilterUntouched | None
    stale_reviews: int  # rows of reviewed.tsv whose finding is no longer reported

    def result(self, kind: str, direction: str) -> KindResult:
        return next(
            r for r in self.faults + self.traps if (r.kind, r.direction) == (kind, direction)
        )

    def material(self, name: str) -> UntouchedResult:
        return next(u for u in self.untouched if u.material == name)


def evaluate(seed: int = SEED, limit: int = LIMIT, with_pofilter: bool = True) -> Evaluation:
    """Check the untouched material and the mutated copies, and pofilter beside them."""
    glossary = load_default()
    bodies = materials()
    untouched = {m.name: checker.check(m.segments, glossary, checker.Config()) for m in bodies}
    before: dict[tuple[str, str, str], Counter[str]] = {}
    for m in bodies:
        for f in untouched[m.name].findings:
            before.setdefault((m.direction, f.path, f.key), Counter())[f.rule] += 1

    def flagged(direction: str, segment: checker.Segment, rule: str) -> bool:
        return (
            bool(rule) and before.get((direction, segment.path, segment.key), Counter())[rule] > 0
        )

    pools = {d: [s for m in bodies if m.direction == d for s in m.segments] for d in (EN_ZH, ZH_EN)}
    mutations = plant_all(pools, flagged, Terms(glossary), seed, limit)
    after = _check_mutated(mutations, glossary)
    results = _score(mutations, before, after)
    pofilter_untouched = _pofilter(mutations, results) if with_pofilter else None
    reviews = read_reviews()
    return Evaluation(
        seed=seed,
        limit=limit,
        faults=[r for r in results.values() if r.rule],
        traps=[r for r in results.values() if not r.rule],
        untouched=[_untouched(m, untouched[m.name].findings, reviews) for m in bodies],
        pofilter=pofilter_untouched,
        stale_reviews=_stale(reviews, bodies, untouched),
    )


def _check_mutated(
    mutations: Sequence[Mutation], glossary: Glossary
) -> dict[tuple[str, str, str], list[Finding]]:
    """Findings on each mutated copy, by (direction, path, mutation key)."""
    config = checker.Config(ignore=CROSS_FILE)
    found: dict[tuple[str, str, str], list[Finding]] = {}
    for direction in (EN_ZH, ZH_EN):
        copies = [
            replace(m.original, target=m.target, key=m.key, anchors=())
            for m in mutations
            if m.direction == direction
        ]
        for f in checker.check(copies, glossary, config).findings:
            found.setdefault((direction, f.path, f.key), []).append(f)
    return found


def _score(
    mutations: Sequence[Mutation],
    before: dict[tuple[str, str, str], Counter[str]],
    after: dict[tuple[str, str, str], list[Finding]],
) -> dict[tuple[str, str], KindResult]:
    results = {
        (k.name, d): KindResult(k.name, d, k.rule, k.doc) for k in KINDS for d in k.directions
    }
    for m in mutations:
        result = results[m.kind.name, m.direction]
        findings = after.get((m.direction, m.original.path, m.key), [])
        result.n += 1
        if m.kind.trap:
            untouched = before.get((m.direction, m.original.path, m.original.key), Counter())
            hit = bool(Counter(f.rule for f in findings) - untouched)
        else:
            hit = any(f.rule == m.kind.rule for f in findings)
        result.hits += hit
        if hit == m.kind.trap:  # a missed fault, or a flagged trap
            result.examples.append(_example(m, findings))
    return results


def _example(m: Mutation, findings: Iterable[Finding]) -> dict[str, object]:
    return {
        "path": m.original.path,
        "line": m.original.line,
        "source": m.original.source,
        "target": m.original.target,
        "mutated": m.target,
        "change": m.note,
        "expected": m.kind.rule or "nothing new",
        "reported": [f"{f.rule} {f.message}" for f in findings],
    }


def _pofilter(
    mutations: Sequence[Mutation], results: dict[tuple[str, str], KindResult]
) -> PofilterUntouched:
    """Run pofilter on the untouched and the mutated en→zh catalogs; fill in its hits."""
    en_zh = [m for m in mutations if m.direction == EN_ZH]
    with tempfile.TemporaryDirectory(prefix="glosscheck-eval-") as tmp:
        folder = Path(tmp)
        pofilter.run(ROOT / CATALOGS, folder / "untouched")
        pofilter.write_mutated(en_zh, CATALOGS, folder / "mutated")
        pofilter.run(folder / "mutated", folder / "mutated-out")
        before = pofilter.failures(folder / "untouched")
        after = pofilter.failures(folder / "mutated-out")
    for m in en_zh:
        result = results[m.kind.name, m.direction]
        path, msgctxt, msgid = pofilter.unit_of(m.original, CATALOGS)
        new = after.get((f"{m.kind.name}/{path}", msgctxt, msgid), Counter())
        result.pofilter_n = (result.pofilter_n or 0) + 1
        result.pofilter_hits = (result.pofilter_hits or 0) + bool(
            new - before.get((path, msgctxt, msgid), Counter())
        )
    by_test: Counter[str] = Counter()
    for tests in before.values():
        by_test.update(tests)
    return PofilterUntouched(pofilter.units(ROOT / CATALOGS), dict(by_test.most_common()))


# --- reviewed findings ----------------------------------------------------------------

ReviewKey = tuple[str, str, str, int, int]  # material, rule, path, line, column


def _review_key(material: str, f: Finding) -> ReviewKey:
    return material, f.rule, f.path, f.line, f.column


def read_reviews(path: Path = REVIEWED) -> list[dict[str, str]]:
    """The rows of reviewed.tsv (none when it does not exist)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [dict(zip(REVIEW_COLUMNS, line.split("\t"), strict=False)) for line in lines[1:]]
    return [r for r in rows if r.get("material")]


def _key_of(row: dict[str, str]) -> ReviewKey:
    return row["material"], row["rule"], row["path"], int(row["line"]), int(row["column"])


def _untouched(
    material: Material, findings: list[Finding], reviews: list[dict[str, str]]
) -> UntouchedResult:
    real = Counter(_key_of(r) for r in reviews if r["verdict"] == "real")
    any_row = Counter(_key_of(r) for r in reviews)
    reported = Counter(_review_key(material.name, f) for f in findings)
    matched_real = sum(min(n, real[k]) for k, n in reported.items())
    reviewed = sum(min(n, any_row[k]) for k, n in reported.items())
    return UntouchedResult(
        material=material.name,
        direction=material.direction,
        segments=len(material.segments),
        by_rule=dict(sorted(Counter(f.rule for f in findings).items())),
        false_positives=len(findings) - matched_real,
        unreviewed=len(findings) - reviewed,
    )


def _stale(
    reviews: list[dict[str, str]], bodies: Sequence[Material], reports: dict[str, checker.Report]
) -> int:
    reported = Counter(_review_key(m.name, f) for m in bodies for f in reports[m.name].findings)
    rows = Counter(_key_of(r) for r in reviews)
    return sum(max(0, n - reported[k]) for k, n in rows.items())


def update_reviews(path: Path = REVIEWED) -> int:
    """Rewrite reviewed.tsv: a `?` row for each unreviewed finding; returns how many were added."""
    glossary = load_default()
    old: dict[ReviewKey, list[dict[str, str]]] = {}
    for row in read_reviews(path):
        old.setdefault(_key_of(row), []).append(row)
    rows, added = [], 0
    for m in materials():
        for f in checker.check(m.segments, glossary, checker.Config()).findings:
            kept = old.get(_review_key(m.name, f))
            if kept:
                rows.append(kept.pop(0))
                continue
            added += 1
            rows.append(
                dict(
                    zip(
                        REVIEW_COLUMNS,
                        (
                            m.name,
                            f.rule,
                            f.path,
                            str(f.line),
                            str(f.column),
                            _cell(f.message),
                            "?",
                            "",
                        ),
                        strict=True,
                    )
                )
            )
    lines = ["\t".join(REVIEW_COLUMNS)] + ["\t".join(r[c] for c in REVIEW_COLUMNS) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return added


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", "\\n")


# --- the table --------------------------------------------------------------------------


def table(evaluation: Evaluation) -> str:
    """The one table: faults, traps, untouched material, pofilter beside glosscheck."""
    rows = [("section", "direction", "item", "rule", "n", "count", "rate", "pofilter", "rate")]
    for r in evaluation.faults + evaluation.traps:
        pofilter = _pofilter_cells(r.pofilter_hits, r.pofilter_rate)
        section = "fault" if r.rule else "trap"
        rows.append((section, r.direction, r.kind, r.rule or "-", *_cells(r.n, r.hits), *pofilter))
    for u in evaluation.untouched:
        counts = [("all findings", "-", u.findings), *((k, k, n) for k, n in u.by_rule.items())]
        counts.append(("false positives (not reviewed real)", "-", u.false_positives))
        counts.append(("of which unreviewed", "-", u.unreviewed))
        for item, rule, n in counts:
            cells = (str(u.segments), str(n), f"{u.per_1000(n):.1f}", "", "")
            rows.append(("untouched", u.direction, f"{u.material}: {item}", rule, *cells))
    if evaluation.pofilter:
        pf = evaluation.pofilter
        for test, n in [("all comments", sum(pf.by_test.values())), *pf.by_test.items()]:
            cells = (str(pf.units), "", "", str(n), f"{1000 * n / pf.units:.1f}")
            rows.append(("untouched", EN_ZH, f"catalogs: pofilter {test}", "-", *cells))
    title = (
        f"glosscheck evaluation, seed {evaluation.seed}, up to {evaluation.limit} mutations per"
        " kind. rate: recall (fault), share flagged (trap), per 1,000 segments (untouched)"
    )
    footer = f"reviewed.tsv rows whose finding is no longer reported: {evaluation.stale_reviews}"
    return "\n".join([title, "", *_aligned(rows), "", footer])


def _cells(n: int, count: int) -> tuple[str, str, str]:
    return str(n), str(count), f"{count / n:.3f}" if n else "-"


def _pofilter_cells(hits: int | None, rate: float | None) -> tuple[str, str]:
    return ("", "") if hits is None or rate is None else (str(hits), f"{rate:.3f}")


def _aligned(rows: list[tuple[str, ...]]) -> list[str]:
    """Columns padded to their widest cell; numbers right-aligned; a rule under the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    numeric = {4, 5, 6, 7, 8}
    lines = []
    for row in rows:
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "-" * len(lines[0]))
    return lines


def examples(evaluation: Evaluation, per_kind: int) -> str:
    """Missed faults and flagged traps, `per_kind` of each kind."""
    out = []
    for r in evaluation.faults + evaluation.traps:
        for e in r.examples[:per_kind]:
            out.append(f"{r.direction} {r.kind} ({e['expected']}) {e['path']}:{e['line']}")
            out.append(f"  change:   {e['change']}")
            for name in ("source", "target", "mutated"):
                out.append(f"  {name + ':':9} {e[name]!r}")
            out.extend(f"  reported: {line}" for line in e["reported"] or ["(nothing)"])
    return "\n".join(out)


def to_json(evaluation: Evaluation) -> dict[str, object]:
    data = asdict(evaluation)
    for name in ("faults", "traps"):
        for item, r in zip(data[name], getattr(evaluation, name), strict=True):
            item.update(rate=r.rate, pofilter_rate=r.pofilter_rate)
    for item, u in zip(data["untouched"], evaluation.untouched, strict=True):
        item.update(
            findings=u.findings,
            per_1000={rule: u.per_1000(n) for rule, n in u.by_rule.items()},
            findings_per_1000=u.per_1000(u.findings),
            false_positives_per_1000=u.per_1000(u.false_positives),
        )
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.eval", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument(
        "--limit",
        type=int,
        default=LIMIT,
        help=f"mutations per kind and direction (default {LIMIT})",
    )
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON to OUT")
    parser.add_argument(
        "--examples",
        type=int,
        default=0,
        metavar="N",
        help="print N missed faults and flagged traps of each kind",
    )
    parser.add_argument("--no-pofilter", action="store_true", help="leave pofilter out")
    parser.add_argument(
        "--update-reviewed",
        action="store_true",
        help="add a ? row to reviewed.tsv for each unreviewed finding, then exit",
    )
    args = parser.parse_args(argv)
    if args.update_reviewed:
        print(f"{update_reviews()} row(s) added to {REVIEWED}")
        return 0
    evaluation = evaluate(args.seed, args.limit, with_pofilter=not args.no_pofilter)
    print(table(evaluation))
    if args.examples:
        print()
        print(examples(evaluation, args.examples))
    if args.json:
        Path(args.json).write_text(json.dumps(to_json(evaluation), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
