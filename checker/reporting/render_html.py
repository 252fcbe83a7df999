"""The report as one self-contained HTML page: inline CSS, inline SVG charts, a little script.

Nothing is fetched from the network (no fonts, scripts or images), so the
file can be mailed, archived as a CI artifact or opened offline. Tables sort
on a click of their header and filter from a search box; the page reflows on
a phone and prints without the controls.
"""

from __future__ import annotations

from html import escape
from string import Template
from typing import Any

from checker.reporting.render_md import percent

COLOURS = {
    "preferred": "#2e7d32",
    "admitted": "#1565c0",
    "forbidden": "#c62828",
    "missing": "#ef6c00",
}
CHART_ROWS = 15

PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Glossary report</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .8rem; min-width: 8rem; }
.card b { display: block; font-size: 1.4rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
svg { width: 100%; height: auto; } svg text { font: 11px system-ui, sans-serif; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border-bottom: 1px solid #eee; padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f5f5f5; cursor: pointer; white-space: nowrap; user-select: none; }
th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
input.filter { width: 100%; max-width: 24rem; padding: .35rem; margin: .3rem 0; }
.bad { color: #c62828; font-weight: 600; }
.legend span { display: inline-block; margin-right: .8rem; }
.legend i { display: inline-block; width: .8em; height: .8em; margin-right: .25em; }
details { margin: .2rem 0; } .pair { color: #555; font-size: .9em; }
@media (max-width: 600px) { body { padding: .5rem; font-size: 14px; }
  th, td { padding: .25rem; } }
@media print { input.filter, .noprint { display: none; }
  body { max-width: none; font-size: 10pt; } tr, figure { break-inside: avoid; }
  details { display: block; } h2 { break-after: avoid; } }
</style>
</head>
<body>
<h1>Glossary report</h1>
<p>$tool $version · glossary: $glossary</p>
<div class="cards">$cards</div>
$errors
<h2>Charts</h2>
<p class="legend">$legend</p>
<div class="charts">$charts</div>
<h2 id="concepts">Concepts, worst first</h2>
$concepts
<h2 id="leftovers">Untranslated leftovers (U102)</h2>
$leftovers
<h2 id="files">Findings by file</h2>
$files
<h2 id="candidates">Candidate new terms</h2>
$candidates
<h2 id="unused">Concepts never used ($unused_count)</h2>
<p>$unused</p>
<script>
// Sort a table by the clicked column (numbers by data-v), and filter rows by text.
function cellValue(row, i) {
  var c = row.cells[i];
  var v = c.getAttribute("data-v");
  return v !== null ? parseFloat(v) : c.textContent.trim().toLowerCase();
}
function sortBy(th) {
  var table = th.closest("table"), i = th.cellIndex, body = table.tBodies[0];
  var asc = th.getAttribute("aria-sort") !== "ascending";
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
    h.removeAttribute("aria-sort");
  });
  th.setAttribute("aria-sort", asc ? "ascending" : "descending");
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = cellValue(a, i), y = cellValue(b, i);
    return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
  });
  rows.forEach(function (r) { body.appendChild(r); });
}
function filterRows(input) {
  var words = input.value.toLowerCase();
  var body = document.getElementById(input.getAttribute("data-table")).tBodies[0];
  Array.prototype.forEach.call(body.rows, function (r) {
    r.hidden = words !== "" && r.textContent.toLowerCase().indexOf(words) < 0;
  });
}
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () { sortBy(th); });
});
document.querySelectorAll("input.filter").forEach(function (input) {
  input.addEventListener("input", function () { filterRows(input); });
});
</script>
</body>
</html>
""")


def render_html(data: dict[str, Any]) -> str:
    """The whole page; every text from the corpus is escaped."""
    s = data["summary"]
    return PAGE.substitute(
        tool=escape(data["tool"]),
        version=escape(data["version"]),
        glossary=escape(
            f"{data['glossary']['name'] or 'default'}, {data['glossary']['concepts']} concepts"
        ),
        cards=_cards(s),
        errors="".join(f'<p class="bad">Unreadable: {escape(e)}</p>' for e in data["errors"]),
        legend=" ".join(
            f'<span><i style="background:{c}"></i>{k}</span>' for k, c in COLOURS.items()
        ),
        charts=_charts(data),
        concepts=_concepts_table(data["concepts"]),
        leftovers=_leftovers_table(data["leftovers"]),
        files=_files_table(data["findings"]["by_file"]),
        candidates=_candidates_table(data["candidates"]),
        unused_count=len(data["unused"]),
        unused=escape(", ".join(data["unused"])),
    )


def _cards(s: dict[str, Any]) -> str:
    values = [
        ("Files", s["files"]),
        ("Segments", s["segments"]),
        ("Findings", s["findings"]),
        ("Term uses", s["term_occurrences"]),
        *((f"{kind.capitalize()}", n) for kind, n in s["renderings"].items()),
        ("Compliance", percent(s["compliance"])),
        ("Consistency", percent(s["consistency"])),
        ("Concepts used", s["concepts_used"]),
        ("Never used", s["concepts_unused"]),
    ]
    return "".join(f'<div class="card"><b>{escape(str(v))}</b>{k}</div>' for k, v in values)


def _charts(data: dict[str, Any]) -> str:
    used = sorted(data["concepts"], key=lambda u: -u["occurrences"])[:CHART_ROWS]
    usage = [(u["concept"], [(COLOURS[k], n) for k, n in u["counts"].items()]) for u in used]
    worst = data["concepts"][:CHART_ROWS]
    consistency = [(u["concept"], [("#6a1b9a", round(u["consistency"] * 100))]) for u in worst]
    rules = [
        (f"{r['rule']} {r['name']}", [("#455a64", r["count"])]) for r in data["findings"]["by_rule"]
    ]
    return "".join(
        [
            _figure("Term usage (most used concepts)", "chart-usage", usage),
            _figure("Consistency % (worst concepts)", "chart-consistency", consistency, 100),
            _figure("Findings by rule", "chart-rules", rules),
        ]
    )


def _figure(
    title: str, ident: str, rows: list[tuple[str, list[tuple[str, int]]]], scale: int = 0
) -> str:
    """A horizontal stacked bar chart as inline SVG, with the numbers written beside the bars."""
    label_w, bar_w, row_h = 150, 230, 18
    top = scale or max((sum(n for _, n in parts) for _, parts in rows), default=1) or 1
    height = row_h * max(len(rows), 1) + 4
    shapes = []
    for i, (label, parts) in enumerate(rows):
        y = i * row_h + 2
        shapes.append(
            f'<text x="{label_w - 4}" y="{y + 12}" text-anchor="end">{escape(_short(label))}</text>'
        )
        x = float(label_w)
        for colour, n in parts:
            width = bar_w * n / top
            if width > 0:
                shapes.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_h - 4}"'
                    f' fill="{colour}"><title>{n}</title></rect>'
                )
            x += width
        total = sum(n for _, n in parts)
        shapes.append(f'<text x="{x + 3:.1f}" y="{y + 12}">{total}</text>')
    svg = (
        f'<svg id="{ident}" viewBox="0 0 {label_w + bar_w + 40} {height}" role="img"'
        f' aria-label="{escape(title)}">{"".join(shapes)}</svg>'
    )
    return f"<figure><figcaption>{escape(title)}</figcaption>{svg}</figure>"


def _short(text: str, width: int = 22) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(ident: str, header: list[str], rows: list[list[Any]]) -> str:
    """A sortable, filterable table; numbers carry data-v so they sort as numbers."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    search = (
        f'<input class="filter" type="search" placeholder="Filter rows…"'
        f' data-table="{ident}" aria-label="Filter {ident}">'
    )
    return (
        f'{search}<div class="scroll"><table id="{ident}" class="sortable">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _cell(value: Any) -> str:
    if isinstance(value, Raw):
        sort = f' data-v="{value.sort}"' if value.sort is not None else ""
        return f"<td{sort}>{value.html}</td>"
    if isinstance(value, int | float):
        shown = escape(str(value))
        return f'<td class="num" data-v="{value}">{shown}</td>'
    return f"<td>{escape(str(value))}</td>"


class Raw:
    """Cell content that is already HTML (built from escaped parts)."""

    def __init__(self, html: str, sort: float | None = None) -> None:
        self.html = html
        self.sort = sort


def _concepts_table(concepts: list[dict[str, Any]]) -> str:
    rows = []
    for u in concepts:
        c = u["counts"]
        rows.append(
            [
                u["concept"],
                u["direction"],
                u["occurrences"],
                c["preferred"],
                c["admitted"],
                c["forbidden"],
                c["missing"],
                Raw(_rate(u["consistency"]), u["consistency"]),
                Raw(_details(u)),
            ]
        )
    header = [
        "Concept",
        "Dir.",
        "Uses",
        "Preferred",
        "Admitted",
        "Forbidden",
        "Missing",
        "Consistency",
        "Forms used and examples",
    ]
    return _table("concepts-table", header, rows)


def _rate(rate: float) -> str:
    css = ' class="bad"' if rate < 0.8 else ""
    return f"<span{css}>{percent(rate)}</span>"


def _details(u: dict[str, Any]) -> str:
    forms = escape(", ".join(f"{k} ×{n}" for k, n in u["forms"].items()) or "—")
    items = "".join(
        f"<li><code>{escape(e['path'])}:{e['line']}</code> <b>{escape(e['rendering'])}</b>"
        f"{escape(' (' + e['found'] + ')') if e['found'] else ''}"
        f'<div class="pair">{escape(e["source"])}<br>{escape(e["target"])}</div></li>'
        for e in u["examples"]
    )
    return f"{forms}<details><summary>examples</summary><ul>{items}</ul></details>"


def _leftovers_table(rows: list[dict[str, Any]]) -> str:
    return _table(
        "leftovers-table",
        ["Text", "Count", "Suggestion", "Where"],
        [[r["text"], r["count"], r["suggestion"] or "", ", ".join(r["places"])] for r in rows],
    )


def _files_table(rows: list[dict[str, Any]]) -> str:
    return _table(
        "files-table",
        ["File", "Findings", "By rule"],
        [
            [f["path"], f["count"], ", ".join(f"{k} {n}" for k, n in f["by_rule"].items())]
            for f in rows
        ],
    )


def _candidates_table(rows: list[dict[str, Any]]) -> str:
    return _table(
        "candidates-table",
        ["Term", "Dir.", "Frequency", "Termhood", "Likely translations (together/segments, Dice)"],
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
