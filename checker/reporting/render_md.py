"""The report as GitHub/GitLab-flavoured Markdown: headings, tables, details blocks."""

from __future__ import annotations

from typing import Any


def render_md(data: dict[str, Any], concepts: int | None = None) -> str:
    """Sections in the order a reviewer works: summary, worst concepts, leftovers, findings.

    Every concept is listed unless `concepts` caps the table; examples sit in
    collapsed <details> blocks so the page stays scannable.
    """
    rows = data["concepts"] if concepts is None else data["concepts"][:concepts]
    parts = [
        _summary(data),
        _errors(data["errors"]),
        _concepts(rows, len(data["concepts"])),
        _leftovers(data["leftovers"]),
        _findings(data["findings"]),
        _candidates(data["candidates"]),
        _unused(data["unused"]),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def cell(value: object) -> str:
    """Table-safe text: pipes escaped, line breaks flattened."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def percent(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _summary(data: dict[str, Any]) -> str:
    s = data["summary"]
    r = s["renderings"]
    return "\n".join(
        [
            f"# Glossary report ({data['tool']} {data['version']})",
            "",
            f"- Files: {s['files']}, segments: {s['segments']}, findings: {s['findings']}",
            f"- Glossary: {data['glossary']['concepts']} concepts; "
            f"{s['concepts_used']} used, {s['concepts_unused']} never used",
            f"- Term occurrences: {s['term_occurrences']} — preferred {r['preferred']}, "
            f"admitted {r['admitted']}, forbidden {r['forbidden']}, missing {r['missing']}",
            f"- Compliance: {percent(s['compliance'])}; consistency: {percent(s['consistency'])}",
        ]
    )


def _concepts(rows: list[dict[str, Any]], total: int) -> str:
    table = _table(
        ["Concept", "Dir.", "Uses", "Pref.", "Adm.", "Forb.", "Miss.", "Consistency", "Forms used"],
        [
            [
                u["concept"],
                u["direction"],
                u["occurrences"],
                *u["counts"].values(),
                percent(u["consistency"]),
                ", ".join(f"{k} ×{n}" for k, n in u["forms"].items()),
            ]
            for u in rows
        ],
    )
    examples = [_examples(u) for u in rows]
    shown = f" (worst {len(rows)} of {total})" if total > len(rows) else ""
    return "\n\n".join([f"## Concepts, worst first{shown}", table, *examples])


def _examples(u: dict[str, Any]) -> str:
    lines = [f"<details><summary>{u['concept']} — examples</summary>", ""]
    for e in u["examples"]:
        lines.append(
            f"- `{e['path']}:{e['line']}` **{e['rendering']}**"
            + (f" ({e['found']})" if e["found"] else "")
        )
        lines.append(f"  - source: {cell(e['source'])}")
        lines.append(f"  - target: {cell(e['target'])}")
    return "\n".join([*lines, "", "</details>"])


def _errors(errors: list[str]) -> str:
    if not errors:
        return ""
    return "## Unreadable input\n\n" + "\n".join(f"- {cell(e)}" for e in errors)


def _leftovers(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "## Untranslated leftovers (U102)\n\nNone."
    return "## Untranslated leftovers (U102)\n\n" + _table(
        ["Text", "Count", "Suggestion", "Where"],
        [[r["text"], r["count"], r["suggestion"] or "", ", ".join(r["places"][:5])] for r in rows],
    )


def _findings(findings: dict[str, Any]) -> str:
    by_rule = _table(
        ["Rule", "Name", "Count"], [[r["rule"], r["name"], r["count"]] for r in findings["by_rule"]]
    )
    by_file = _table(
        ["File", "Findings", "By rule"],
        [
            [f["path"], f["count"], ", ".join(f"{k} {n}" for k, n in f["by_rule"].items())]
            for f in findings["by_file"]
        ],
    )
    return f"## Findings by rule\n\n{by_rule}\n\n## Files with the most findings\n\n{by_file}"


def _candidates(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    return "## Candidate new terms\n\n" + _table(
        ["Term", "Dir.", "Freq.", "Termhood", "Likely translations (together/segments, Dice)"],
        [
            [
                c["text"],
                c["direction"],
                c["frequency"],
                c["termhood"],
                "; ".join(
                    f"{t['text']} ({t['together']}/{c['segments']}, {t['dice']})"
                    for t in c["translations"]
                ),
            ]
            for c in rows
        ],
    )


def _unused(labels: list[str]) -> str:
    if not labels:
        return ""
    return f"## Concepts never used ({len(labels)})\n\n" + ", ".join(cell(x) for x in labels)
