"""A rule is data plus one method: it reads a segment and yields findings."""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import IO, Any, ClassVar, Generic, NamedTuple, TypeVar, overload

from checker.finding import Finding, Fix, Severity, TermInfo
from checker.segment import Segment
from glossary.matching import Match
from glossary.model import Glossary


@dataclass(frozen=True)
class RuleContext:
    """What every rule may consult: the glossary and the user's settings."""

    glossary: Glossary
    allow: frozenset[str] = frozenset()  # words allowed to stay untranslated (folded)
    options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)  # by rule code


class Place(NamedTuple):
    """Where a finding on a whole target stands, and the texts it quotes.

    What a rule that reports at `finish` keeps of each segment: far less than
    the segment, whose reader's details (anchors, metadata) can go.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    source: str
    target: str
    key: str


def place_of(segment: Segment, span: tuple[int, int] | None = None) -> Place:
    """The place of a finding at `span` of the target of `segment` (the whole target when None)."""
    start, end = span if span is not None else (0, len(segment.target))
    line, column = segment.locate(start)
    if span is None and line != segment.line:  # a wrapped msgstr "" "…": its keyword line
        line, column = segment.line, 1
    end_line, end_column = segment.locate(end)
    s = segment
    return Place(s.path, line, column, end_line, end_column, s.source, s.target, s.key)


class Groups:
    """What a rule reporting at `finish` keeps of each segment: items by key, on disk.

    A temporary file, not dicts of lists in memory: the places of a million
    segments would take gigabytes (issue 7). Rows are written in batches,
    each spread over `_PARTS` parts by the hash of its key, so that a group
    lies in one part and `multiple` reads one part at a time. It gives back
    only the groups whose items have two different variants: the others
    cannot be reported. A copy sent to another process starts empty.
    """

    _BATCH = 5_000  # rows held before they are written
    _PARTS = 256  # `multiple` counts one part at a time: a 256th of the keys

    def __init__(self) -> None:
        self._rows: list[tuple[str, str, tuple[Any, ...]]] = []
        self._batches: list[_Batch] = []  # each written batch: where its parts start
        self._file: IO[bytes] | None = None
        self._count = 0  # rows written: the next row's number

    def add(self, key: str, variant: str, item: tuple[Any, ...]) -> None:
        """An item (strings and numbers) of group `key`, differing from others by `variant`."""
        self._rows.append((key, variant, item))
        if len(self._rows) >= self._BATCH:
            self._write()

    def rows(self) -> Packed:
        """Every row, packed as `_write` writes them: what `Rule.gathered` sends to the
        process that finishes (`extend` there takes them in without reading them)."""
        batches, data = [], b""
        if self._file is not None:
            self._file.seek(0)
            batches, data = list(self._batches), self._file.read()
        if self._rows:
            starts, block = _packed(self._rows, self._count)
            batches.append(_Batch(array("q", (len(data) + s for s in starts)), 0))
            data += block
        return Packed(hash(_PROBE), self._count + len(self._rows), batches, data)

    def extend(self, packed: Packed) -> None:
        """Rows from `rows` of another process, after those added here."""
        if packed.hashing != hash(_PROBE):  # another hash seed: its parts are not ours
            for row in _unpacked(packed):
                self.add(*row)
            return
        self._write()  # the rows held here come first
        if not packed.total:
            return
        file = self._opened()
        offset = file.seek(0, 2)
        file.write(packed.data)
        for starts, numbering in packed.batches:  # numbered after the rows here
            shifted = array("q", (offset + s for s in starts))
            self._batches.append(_Batch(shifted, self._count + numbering))
        self._count += packed.total

    def multiple(self) -> Iterator[Group]:
        """Each group that has two variants or more, in the order of its first item.

        Each part is read for its keys and variants; the groups with several
        are read again with their items, and written with their counts and
        first items, items in blocks (a group may be a tenth of the rows);
        they are read back one at a time. Held meanwhile: three numbers a group.
        """
        if not self._batches:  # every row still held (a hook's check): no file needed
            yield from self._multiple_held()
            return
        import tempfile  # here: a small check never writes a file

        self._write()
        found = array("q")  # (first row's number, offset, size) of each group written
        with tempfile.TemporaryFile() as kept:

            def write(value: Any) -> tuple[int, int]:
                block = marshal.dumps(value)
                return kept.tell(), kept.write(block)

            for part in range(self._PARTS):
                first_variant: dict[str, str] = {}
                rows = self._read(part, items=False)
                several = {k for k, v in rows if first_variant.setdefault(k, v) != v}
                groups: dict[str, tuple[int, dict[str, int], dict[str, Any], list[Any]]] = {}
                held: dict[str, list[tuple[Any, ...]]] = {key: [] for key in several}
                for key, variant, number, item in self._read(part, items=True) if several else ():
                    if key in several:
                        if key not in groups:
                            groups[key] = (number, {}, {}, [])
                        _, counts, first, blocks = groups[key]
                        counts[variant] = counts.get(variant, 0) + 1
                        first.setdefault(variant, item)
                        held[key].append(item)
                        if len(held[key]) == Group.BLOCK:
                            blocks.append(write(held[key]))
                            held[key] = []
                for key, (number, counts, first, blocks) in groups.items():
                    if held[key]:
                        blocks.append(write(held[key]))
                    found.extend((number, *write((counts, first, blocks))))
            for i in sorted(range(0, len(found), 3), key=found.__getitem__):
                kept.seek(found[i + 1])
                yield Group(kept, *marshal.loads(kept.read(found[i + 2])))

    def _multiple_held(self) -> Iterator[Group]:
        """`multiple` for rows that were never written: grouped in memory, in order."""
        groups: dict[str, tuple[dict[str, int], dict[str, tuple[Any, ...]], list[Any]]] = {}
        for key, variant, item in self._rows:
            counts, first, items = groups.setdefault(key, ({}, {}, []))
            counts[variant] = counts.get(variant, 0) + 1
            first.setdefault(variant, item)
            items.append(item)
        for counts, first, items in groups.values():  # in the order of each first item
            if len(counts) > 1:
                yield Group(None, counts, first, [], items)

    def _write(self) -> None:
        """The held rows as a batch: each part's keys and variants, then its numbered items
        (`multiple` reads most parts' keys alone)."""
        if not self._rows:
            return
        starts, block = _packed(self._rows, self._count)
        self._count += len(self._rows)
        self._rows = []
        file = self._opened()
        offset = file.seek(0, 2)
        file.write(block)
        self._batches.append(_Batch(array("q", (offset + s for s in starts)), 0))

    def _opened(self) -> IO[bytes]:
        if self._file is None:
            import tempfile  # here: a small check never writes a file

            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed with self)
        return self._file

    def _read(self, part: int, items: bool) -> Iterator[tuple[Any, ...]]:
        """A part's (key, variant) rows; with `items`, (key, variant, number, item)."""
        for starts, numbering in self._batches:
            heads = self._load(starts, 2 * part)
            if not items:
                yield from heads
                continue
            bodies = self._load(starts, 2 * part + 1)
            for (key, variant), (number, item) in zip(heads, bodies, strict=True):
                yield key, variant, numbering + number, item

    def _load(self, starts: array[int], i: int) -> list[Any]:
        if starts[i + 1] == starts[i]:
            return []
        assert self._file is not None
        self._file.seek(starts[i])
        loaded: list[Any] = marshal.loads(self._file.read(starts[i + 1] - starts[i]))
        return loaded

    def __reduce__(self) -> tuple[type[Groups], tuple[()]]:
        return Groups, ()  # what it wrote stays here: the copy starts empty


_PROBE = "glosscheck"  # its hash tells whether two processes share the hash seed


class _Batch(NamedTuple):
    """A batch on disk: where each part's heads and bodies start, and what to add to
    the row numbers written in it (rows taken in from another process)."""

    starts: array[int]
    numbering: int


class Packed(NamedTuple):
    """The rows of a `Groups` as written, for a `Groups` in another process."""

    hashing: int  # hash(_PROBE) where written: rows fall in the same parts under the same
    total: int  # rows
    batches: list[_Batch]  # offsets in `data`
    data: bytes


def _packed(rows: list[tuple[str, str, tuple[Any, ...]]], first: int) -> tuple[list[int], bytes]:
    """Rows numbered from `first` as one batch: where its parts start, and its bytes."""
    heads: list[list[tuple[str, str]]] = [[] for _ in range(Groups._PARTS)]
    bodies: list[list[tuple[int, tuple[Any, ...]]]] = [[] for _ in range(Groups._PARTS)]
    for number, (key, variant, item) in enumerate(rows, first):
        part = hash(key) % Groups._PARTS
        heads[part].append((key, variant))
        bodies[part].append((number, item))
    blocks = [
        marshal.dumps(block) if block else b""
        for pair in zip(heads, bodies, strict=True)
        for block in pair
    ]
    starts = [0]
    for block in blocks:
        starts.append(starts[-1] + len(block))
    return starts, b"".join(blocks)


def _unpacked(packed: Packed) -> list[tuple[str, str, tuple[Any, ...]]]:
    """Packed rows in their order, read back (from a process with another hash seed)."""
    numbered = []
    for starts, numbering in packed.batches:
        for part in range(len(starts) // 2):
            head, body = (packed.data[starts[i] : starts[i + 1]] for i in (2 * part, 2 * part + 1))
            if head:
                for (key, variant), (number, item) in zip(
                    marshal.loads(head), marshal.loads(body), strict=True
                ):
                    numbered.append((numbering + number, key, variant, item))
    numbered.sort(key=lambda row: row[0])
    return [(key, variant, item) for _, key, variant, item in numbered]


class Group:
    """A group of `Groups.multiple`: each variant's count and first item, in the order
    of first use; iterated, its items in order, read from disk (before the next group)."""

    BLOCK = 1_000  # items a block

    def __init__(
        self,
        file: IO[bytes] | None,
        counts: dict[str, int],
        first: dict[str, tuple[Any, ...]],
        blocks: list[tuple[int, int]],
        items: list[tuple[Any, ...]] | None = None,  # held in memory instead of blocks
    ) -> None:
        self.counts = counts
        self.first = first
        self._file = file
        self._blocks = blocks  # (offset, size)
        self._items = items

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._items is not None:
            yield from self._items
            return
        assert self._file is not None
        for offset, size in self._blocks:
            self._file.seek(offset)
            yield from marshal.loads(self._file.read(size))


_T = TypeVar("_T")


class _once(Generic[_T]):  # a decorator, named like property
    """functools.cached_property without the lock that costs it microseconds a use
    in Python 3.11: a scan is read by one thread."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, scan: None, owner: type) -> _once[_T]: ...
    @overload
    def __get__(self, scan: object, owner: type) -> _T: ...
    def __get__(self, scan: object, owner: type) -> _once[_T] | _T:
        if scan is None:
            return self
        value = scan.__dict__[self._name] = self._compute(scan)
        return value


@dataclass
class Scan:
    """One segment's glossary matches, computed once and shared by all rules."""

    segment: Segment
    glossary: Glossary

    @_once
    def source_terms(self) -> list[Match]:
        if not self.segment.source:
            return []
        return self.glossary.index(self.segment.source_lang).find_all(self.segment.source)

    @_once
    def target_terms(self) -> list[Match]:
        """Renderings present in the target, in any letter case (wrong case is T104's).

        Chinese renderings count even inside a longer word: 目录 is present in
        目录索引, though jieba reads that as one word. Terms the source *requires*
        still sit on word boundaries.
        """
        index = self.glossary.index(self.segment.target_lang)
        return index.find_all(self.segment.target, any_case=True, chinese_words=False)

    @_once
    def source_concepts(self) -> set[int]:
        """Identities of the concepts whose terms the source uses."""
        return {id(m.concept) for m in self.source_terms}

    @_once
    def place(self) -> Place:
        """Where a finding on the whole target stands (shared by C101 and C102)."""
        return place_of(self.segment)

    @_once
    def checkable(self) -> bool:
        """Worth a look for target-side faults: target-only text, or a real translation."""
        return self.segment.target_only or self.translated

    @_once
    def translated(self) -> bool:
        """A target worth checking for terms: present, not a copy, not fuzzy."""
        s = self.segment
        return bool(s.target.strip()) and s.target != s.source and not s.fuzzy


class Rule:
    """Base class. Subclasses set the class attributes and implement `check`.

    The docstring's first line is the summary; its `Okay:` and `CODE:` lines
    are examples (`source → target`) that the test suite runs.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    fixable: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True
    needs_source: ClassVar[bool] = True  # skipped on target-only input
    # `check` reads the segment alone, no glossary match: cheap enough that with
    # --jobs the process reading a big file runs it there (C101, C102).
    segment_only: ClassVar[bool] = False

    def __init__(self, context: RuleContext) -> None:
        self.context = context

    # Options a rule accepts from `[rules.CODE]` in the configuration, with defaults.
    option_defaults: ClassVar[Mapping[str, object]] = {}

    def option(self, name: str) -> object:
        """The configured value of one of this rule's options, else its default."""
        return self.context.options.get(self.code, {}).get(name, self.option_defaults[name])

    def check(self, scan: Scan) -> Iterator[Finding]:
        raise NotImplementedError

    def finish(self) -> Iterator[Finding]:
        """Findings that need every segment first (consistency across files)."""
        return iter(())

    # A rule with `finish` keeps what it needs in dicts of lists that `check` appends
    # to in segment order: then what other processes gathered from later segments
    # merges into it (`--jobs`) as if this process had read them. A rule that keeps
    # anything else overrides both methods.

    def gathered(self) -> dict[str, Any]:
        """What `check` kept for `finish`, to send to the process that finishes."""
        return {name: value for name, value in vars(self).items() if name != "context"}

    def merge(self, gathered: Mapping[str, Any]) -> None:
        """Take in what this rule gathered in another process, from later segments."""
        for name, kept in gathered.items():
            mine = getattr(self, name)
            for key, items in kept.items():
                mine[key].extend(items)

    def finding(
        self,
        segment: Segment,
        span: tuple[int, int] | None,
        message: str,
        *,
        term: TermInfo | None = None,
        suggestion: str | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
        detail: str = "",
    ) -> Finding:
        """A finding at `span` of the target text (the whole target when None).

        A `fix` is kept only if the rule is fixable; its replacement is the
        default suggestion.
        """
        return self.finding_at(
            place_of(segment, span),
            message,
            term=term,
            suggestion=suggestion if suggestion is not None or fix is None else fix.replacement,
            fix=_placed(fix, segment) if fix and self.fixable else None,
            severity=severity,
            detail=detail,
        )

    def finding_at(
        self,
        place: Place,
        message: str,
        *,
        term: TermInfo | None = None,
        suggestion: str | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
        detail: str = "",
    ) -> Finding:
        """A finding at a place kept from a segment (see `Scan.place`)."""
        return Finding(
            path=place.path,
            line=place.line,
            column=place.column,
            end_line=place.end_line,
            end_column=place.end_column,
            rule=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            source=place.source,
            target=place.target,
            term=term,
            suggestion=suggestion,
            fix=fix,
            key=place.key,
            detail=detail,
        )


def _placed(fix: Fix, segment: Segment) -> Fix:
    """The fix with its position in the file and the text it replaces."""
    line, column = segment.locate(fix.start)
    end_line, end_column = segment.locate(fix.end)
    original = segment.target[fix.start : fix.end]
    return replace(fix, line=line, column=column, end_line=end_line, end_column=end_column,
                   original=original)  # fmt: skip


RULES: dict[str, type[Rule]] = {}
_R = TypeVar("_R", bound=type[Rule])


def register(rule: _R) -> _R:
    """Class decorator: add a rule to the registry under its code."""
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} registered twice")
    RULES[rule.code] = rule
    return rule


def quoted(forms: tuple[str, ...] | list[str]) -> str:
    """ "a", "b" or "c" — for messages."""
    items = [f'"{f}"' for f in forms]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
