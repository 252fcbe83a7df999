"""What `score` compares, read from files: one text per segment, aligned across files.

Three kinds of file:

- line-aligned plain text (`.txt`, or any extension the readers do not know,
  such as `newstest.en`): one segment per line, read exactly as sacrebleu's
  command line reads it (lines end at LF, trailing white space is dropped), so
  that our numbers equal its numbers. Only a leading UTF-8 byte order mark is
  dropped, which sacrebleu would keep as part of the first segment;
- bilingual files that `glosscheck check` reads by extension (PO/MO,
  TSV/CSV, JSONL and whatever else its reader registry lists) and Markdown
  documents (paired NAME.zh.md + NAME.en.md, or interleaved): their target
  side, with the source side kept for the terminology metrics;
- the WMT 2021 terminology task's SGML files (`.sgm`, `.sgml`, `.xml`: a
  srcset, refset or tstset), with their term annotations.

Every problem is an InputError naming the file (and line where there is one).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Sequence
from dataclasses import dataclass

from checker.readers import ReadOptions, plan, read
from checker.readers.fileio import read_bytes
from checker.readers.registry import BY_EXTENSION
from checker.scoring import wmt21
from glossary.errors import InputError

__all__ = ["Side", "check_aligned", "from_texts", "load"]

WMT = frozenset({".sgm", ".sgml", ".xml"})
# Every format `check` reads by extension, and Markdown documents; .txt is plain lines here.
BILINGUAL = (frozenset(BY_EXTENSION) | {".md", ".markdown"}) - WMT


@dataclass(frozen=True)
class Side:
    """The segments of one input: texts in order, and where each one stands."""

    path: str
    texts: list[str]
    lines: list[int]
    sources: list[str] | None = None  # a bilingual file's source side
    target_lang: str | None = None  # when the file says it
    keys: list[str] | None = None  # identities to check alignment with (PO msgid, seg id)
    kind: str = "plain"  # plain, wmt, or a bilingual file's extension: keys compare within a kind
    terms: list[tuple[wmt21.AnnotatedTerm, ...]] | None = None  # WMT 2021 annotations

    def __len__(self) -> int:
        return len(self.texts)


def load(path: str, options: ReadOptions) -> Side:
    """One input file as a Side; InputError when it cannot be read or holds nothing."""
    extension = os.path.splitext(path)[1].lower()
    if extension in WMT:
        side = _load_wmt(path)
    elif extension in BILINGUAL:
        side = _load_bilingual(path, options, extension)
    else:
        side = _load_plain(path)
    if not side.texts:
        raise InputError("empty file: no segments to score", path)
    return side


def from_texts(name: str, texts: Sequence[str]) -> Side:
    """A Side made from strings given to the Python API (no file behind it)."""
    return Side(name, list(texts), list(range(1, len(texts) + 1)))


def check_aligned(side: Side, reference: Side) -> None:
    """Raise InputError unless `side` has the reference's segments, in its order."""
    if len(side) != len(reference):
        raise InputError(
            f"{len(side)} segments, but {reference.path} has {len(reference)};"
            " the files must be aligned segment by segment",
            side.path,
        )
    if side.keys is None or reference.keys is None or side.kind != reference.kind:
        return
    for index, (key, other) in enumerate(zip(side.keys, reference.keys, strict=True)):
        if key != other:
            raise InputError(
                f"segment {index + 1} is {key!r}, but at {reference.path}:"
                f"{reference.lines[index]} it is {other!r}",
                side.path,
                side.lines[index],
            )


def _load_plain(path: str) -> Side:
    """Lines as sacrebleu reads them: split at LF, trailing white space (CR too) dropped."""
    data = read_bytes(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("file is UTF-16; save it as UTF-8", path, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"byte 0x{data[error.start]:02x} is not valid UTF-8 (is the file GB18030 or Big5?"
            " save it as UTF-8)",
            path,
            line,
        ) from None
    lines = text.removeprefix("\ufeff").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another
    return Side(path, [line.rstrip() for line in lines], list(range(1, len(lines) + 1)))


def _load_bilingual(path: str, options: ReadOptions, extension: str) -> Side:
    segments = [segment for job in plan([path], options) for segment in read(job, options)]
    sources = [s.source for s in segments]
    return Side(
        path,
        [s.target for s in segments],
        [s.line for s in segments],
        sources=sources if any(sources) else None,  # target-only text has no source side
        target_lang=segments[0].target_lang if segments else None,
        keys=[s.key for s in segments],
        kind=extension,
    )


def _load_wmt(path: str) -> Side:
    parsed = wmt21.read(path)
    segments = parsed.segments
    return Side(
        path,
        [s.text for s in segments],
        [s.line for s in segments],
        target_lang=parsed.target_lang,
        keys=[f"seg {s.seg_id}" for s in segments],
        terms=[s.terms for s in segments] if parsed.kind != "tstset" else None,
        kind="wmt",
    )
