"""--statistics: how many findings each rule made, most frequent first (like ruff's)."""

from __future__ import annotations

from collections import Counter

from checker.report import Report

__all__ = ["render_statistics"]


def render_statistics(report: Report) -> str:
    """`count  CODE  name  [*]` lines, `[*]` when some of that rule's findings can be fixed.

    Sorted by count, then code, so the rules worth a look (or an --ignore)
    come first; columns are aligned so the output reads as a table. Empty
    when there is nothing to count, so scripts can test for output.
    """
    counts = Counter(f.rule for f in report.each())
    if not counts:
        return ""
    names = {f.rule: f.name for f in report.each()}
    fixable = {f.rule for f in report.each() if f.fixable}
    count_width = len(str(max(counts.values())))
    code_width = max(len(code) for code in counts)
    name_width = max(len(names[code]) for code in counts)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "[*]" if code in fixable else ""
        row = f"{count:>{count_width}}  {code:<{code_width}}  {names[code]:<{name_width}}  {mark}"
        lines.append(row.rstrip())
    return "\n".join(lines) + "\n"
