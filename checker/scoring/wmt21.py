"""The WMT 2021 terminology task's annotated files: SGML segments with inline term tags.

The task (statmt.org/wmt21/terminology-task.html; data and scorer in
github.com/mahfuzibnalam/terminology_evaluation, Alam et al., 2021) ships
its source and reference sides as one segment per line::

    <refset setid="tico-19" srclang="any" trglang="fr">
    <doc sysid="ref" docid="CMU_1" genre="terminology" origlang="en">
    <seg id="7"> et votre <term id="330" type="src_original_and_tgt_original"
      src="runny nose" tgt="nez coule-t-il|nez qui coule"> nez coule-t-il </term> ? </seg>

(one line in the file). `src` is the source term, `tgt` the accepted target
forms separated by `|`; the tag wraps the term as it stands in that side's
text. System outputs come as a `tstset` of plain `<seg>` lines. Reading them
here lets glosscheck score a submission with the task's own term lists, so
its numbers can be set beside published ones. Parsed with regular
expressions, line by line, as the format is (no SGML/XML library needed).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from checker.readers.fileio import read_text
from checker.readers.languages import lang_of
from glossary.errors import InputError

__all__ = ["AnnotatedTerm", "WmtFile", "WmtSegment", "read"]

_ROOT = re.compile(r"<(srcset|refset|tstset)\b([^>]*)>")
_SEG = re.compile(r"<seg\b([^>]*)>(.*?)</seg>", re.DOTALL)
_TERM = re.compile(r"<term\b([^>]*)>(.*?)</term>", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class AnnotatedTerm:
    """One `<term>` tag: the source term, its accepted target forms, the text it wraps."""

    term_id: str
    kind: str  # the tag's `type`, e.g. src_original_and_tgt_original
    source: str
    targets: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class WmtSegment:
    seg_id: str
    text: str  # tags removed, entities decoded, white space collapsed
    line: int
    terms: tuple[AnnotatedTerm, ...]


@dataclass(frozen=True)
class WmtFile:
    kind: str  # srcset, refset or tstset
    target_lang: str | None
    segments: tuple[WmtSegment, ...]


def read(path: str) -> WmtFile:
    """The segments of a WMT SGML file, in file order; InputError with the line on bad tags."""
    text = read_text(path)
    root = _ROOT.search(text)
    if root is None:
        raise InputError("not a WMT srcset, refset or tstset file", path, 1)
    attributes = _attributes(root.group(2))
    segments = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "<seg" not in line:
            continue
        found = _SEG.search(line)
        if found is None:
            raise InputError("a <seg> must open and close on one line", path, number)
        segments.append(_segment(found, path, number))
    if not segments:
        raise InputError("no <seg> elements", path, 1)
    return WmtFile(root.group(1), lang_of(attributes.get("trglang")), tuple(segments))


def _segment(found: re.Match[str], path: str, number: int) -> WmtSegment:
    seg_id = _attributes(found.group(1)).get("id")
    if seg_id is None:
        raise InputError("<seg> without an id", path, number)
    body = found.group(2)
    terms = tuple(_term(m, path, number) for m in _TERM.finditer(body))
    return WmtSegment(seg_id, _plain(body), number, terms)


def _term(found: re.Match[str], path: str, number: int) -> AnnotatedTerm:
    attributes = _attributes(found.group(1))
    targets = tuple(t.strip() for t in attributes.get("tgt", "").split("|") if t.strip())
    if not targets:
        raise InputError("<term> without target forms (tgt=)", path, number)
    return AnnotatedTerm(
        term_id=attributes.get("id", ""),
        kind=attributes.get("type", ""),
        source=attributes.get("src", "").strip(),
        targets=targets,
        text=_plain(found.group(2)),
    )


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        found[match.group(1)] = html.unescape(value)
    return found


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", markup)).split())
