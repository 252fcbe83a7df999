"""A single-pass PO parser: text in, entries out, with where each msgstr stands.

It reads what polib reads, line for line: the same state machine over the
same kinds of line, the same lenient readings (a string missing its closing
quote loses its last character) and the same syntax errors, raised as an
InputError naming the line. In the same pass it records what polib does not
give: the line and raw text of every msgstr string (for columns and --fix),
and the problems polib lets pass, reported to `Lint` as their lines come:

- a quoted string without its closing quote (polib silently misreads it);
- a msgid with no msgstr before the next msgid or the end (polib keeps it).

An entry holding either is marked `unreadable`: its text cannot be trusted.

Speed: almost every entry of a real catalog is regular (comments, then
msgctxt, msgid, msgstr strings, each line exactly `keyword "…"` or `"…"`).
After a complete entry, one regular expression tries to match the whole
next entry; only what it does not match goes line by line through `_Lines`,
the port of polib's state machine. Both leave the parser in the same state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checker.readers.po_lint import Lint
from glossary.errors import InputError

__all__ = ["Entry", "Parser", "parse", "unescape"]

# The escapes polib decodes; any other backslash stays as it is.
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f"}
_UNESCAPED_QUOTE = re.compile(r'([^\\]|^)"')
# A line holding a quoted string: (obsolete mark) (keyword (plural index)) "…
_STRING = re.compile(r'(?:#~\s*)?(msgctxt|msgid_plural|msgid|msgstr)?(?:(?<=msgstr)\[(\d+)\])?\s*"')
_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgstr": "ms", "msgid_plural": "mp"}
_PREVIOUS = {"msgid_plural": "pp", "msgid": "pm", "msgctxt": "pc"}
_COMMENTS = {"#:": "oc", "#,": "fl", "#.": "gc"}

# polib's state machine. The states are kinds of line: st(art), he(ader
# comment), tc (translator comment), gc (extracted comment), oc (occurrences),
# fl(ags), pc/pm/pp (previous msgctxt, msgid, msgid_plural), ct (msgctxt), mi
# (msgid), mp (msgid_plural), ms (msgstr), mx (msgstr[n]); mc, a continuation
# string, keeps the state. _AFTER lists the states each kind may follow.
_ANY = frozenset(
    {"st", "he", "gc", "oc", "fl", "ct", "pc", "pm", "pp", "tc", "ms", "mp", "mx", "mi"}
)
_AFTER = {
    "tc": _ANY - {"ct"},
    "gc": _ANY,
    "oc": _ANY,
    "fl": _ANY,
    "pc": _ANY,
    "pm": _ANY,
    "pp": _ANY,
    "ct": _ANY - {"ct", "mi", "mp"},
    "mi": _ANY - {"mi", "mp"},
    "mp": frozenset({"tc", "gc", "pc", "pm", "pp", "mi"}),
    "ms": frozenset({"mi", "mp", "tc"}),
    "mx": frozenset({"mi", "mx", "mp", "tc"}),
    "mc": frozenset({"ct", "mi", "mp", "ms", "mx", "pm", "pp", "pc"}),
}
# After a msgstr, these kinds of line begin the next entry.
_STARTS = frozenset({"tc", "gc", "oc", "fl", "pc", "pm", "pp", "ct", "mi"})
_MSGSTR = frozenset({"ms", "mx"})

# A regular entry, for the fast path: blank lines, comments (`#`, `# …`, and
# `#. …`, `#: …`, `#, …` with something after them: polib skips them bare),
# then msgctxt, msgid and msgstr strings, each on lines that are exactly
# `keyword "…"` or `"…"`, no quote inside unescaped.
_S = r'[^"\\\n]*(?:\\.[^"\\\n]*)*'
_ENTRY = re.compile(
    rf"""((?:[ \t]*\n)*)
    ((?:\#(?:[ \t][^\n]*|[.:,][ \t]+\S[^\n]*)?\n)*)
    (?:msgctxt[ ]"({_S})"\n((?:"{_S}"\n)*))?
    msgid[ ]"({_S})"\n((?:"{_S}"\n)*)
    (?:msgid_plural[ ]"({_S})"\n((?:"{_S}"\n)*)
       ((?:msgstr\[[0-9]\][ ]"{_S}"\n(?:"{_S}"\n)*)+)
     |msgstr[ ]"({_S})"\n((?:"{_S}"\n)*))
    """,
    re.VERBOSE,
)
_FORM = re.compile(rf'msgstr\[([0-9])\][ ]"({_S})"\n((?:"{_S}"\n)*)')


class Entry:
    """One entry as polib reads it, plus where its msgstr strings stand."""

    obsolete = False
    msgctxt: str | None = None
    msgid = ""
    msgid_plural = ""
    msgstr = ""
    flags: tuple[str, ...] = ()
    tcomment = ""
    occurrences: tuple[str, ...] = ()  # the "file:line" words of its #: comments
    msgid_line: int | None = None
    unreadable = False

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line  # 0 until the file's first entry gets a line
        self.msgstr_plural: dict[int, str] = {}
        # msgstr index (None for a singular entry) → its (line number, raw line)s.
        self.strings: dict[int | None, list[tuple[int, str]]] = {}


def unescape(text: str) -> str:
    """A quoted string's text, decoded as polib decodes it."""
    return _ESCAPE.sub(_unescaped, text) if "\\" in text else text


def _unescaped(match: re.Match[str]) -> str:
    char = match.group(1)
    return _ESCAPED.get(char, char)


def parse(blocks: Iterable[str], lint: Lint) -> Iterator[Entry]:
    """The entries of a catalog's text, given in blocks of whole lines, in file order."""
    parser = Parser(lint)
    for block in blocks:
        yield from parser.feed(block)
    yield from parser.end()


class Parser:
    """`parse` a block at a time, from the file's start or (`resumed`) from the first
    line of an entry, read as if the entries before it had been read."""

    def __init__(self, lint: Lint, lines_before: int = 0, resumed: bool = False) -> None:
        self._lines = _Lines(lint)
        self._number = lines_before  # lines read so far
        self._before: Entry | None = None  # what stands for the entries not read
        if resumed:  # as after a complete entry: the next entry's first line yields this
            self._before = self._lines.entry
            self._lines.state = "ms"

    def feed(self, block: str) -> Iterator[Entry]:
        """The entries that `block` (whole lines) completes."""
        lines, number, before = self._lines, self._number, self._before
        position, size = 0, len(block)
        try:
            while position < size:
                if lines.state in _MSGSTR:  # the last entry is complete: try the next whole
                    match = _ENTRY.match(block, position)
                    if match is not None:
                        if lines.entry is not before:
                            yield lines.entry
                        lines.regular(match, number)
                        number += block.count("\n", position, match.end())
                        position = match.end()
                        continue
                end = block.index("\n", position)
                number += 1
                finished = lines.line(number, block[position:end])
                position = end + 1
                if finished is not None and finished is not before:
                    yield finished
        except _SyntaxError as error:
            raise InputError(
                f"PO syntax error: {error.detail}", lines.lint.path, error.line
            ) from None
        self._number = number

    def begins_entry(self, raw: str) -> bool:
        """Whether line `raw`, read next, would begin an entry after a complete one."""
        line = raw.strip()
        if self._lines.state not in _MSGSTR or not line:
            return False
        try:
            kind = _kind(line, 0)[1]
        except _SyntaxError:
            return False
        return kind is not None and kind[0] in _STARTS

    def cut(self) -> Iterator[Entry]:
        """Before a line that `begins_entry`: the last entry, complete."""
        if self._lines.entry is not self._before:
            yield self._lines.entry

    def end(self) -> Iterator[Entry]:
        """At the end of the file: the last entry, as polib keeps it."""
        last = self._lines.end()
        if last is not None and last is not self._before:
            yield last


def _joined(first: str, more: str) -> str:
    """A string's text from its first line's body and its continuation lines."""
    if more:
        return "".join(unescape(line[1:-1]) for line in [f'"{first}"', *more.split("\n")[:-1]])
    return _ESCAPE.sub(_unescaped, first) if "\\" in first else first


def _chunks(line: int, first: str, more: str) -> list[tuple[int, str]]:
    """(line number, raw line) of a string's keyword line and continuation lines."""
    if more:
        return [(line + n, raw) for n, raw in enumerate([first, *more.split("\n")[:-1]])]
    return [(line, first)]


class _Lines:
    """polib's reading, one line at a time, and what the parser keeps between lines."""

    def __init__(self, lint: Lint) -> None:
        self.lint = lint
        self.entry = Entry(0)
        self.state = "st"
        self.plural_index = 0  # the msgstr[n] a continuation line extends
        self.last_comment = False  # the last non-blank line was a comment
        self.open_msgid: int | None = None  # a msgid line that no msgstr has followed yet
        # Where the entry's msgstr strings stand: the string being continued
        # (None before its first msgstr), and whether their run has ended.
        self.chunks: list[tuple[int, str]] | None = None
        self.strings_done = False

    def regular(self, match: re.Match[str], number: int) -> None:
        """Read a regular entry matched whole by _ENTRY after `number` lines.

        The entry before it must have been complete (state ms or mx): this one
        begins a new entry, as its first line would in `line`.
        """
        groups = match.groups()
        blank, comments, ctxt, ctxt_more, msgid, id_more = groups[:6]
        msgid_plural, plural_more, forms, msgstr, more = groups[6:]
        line = number + 1 + blank.count("\n") if blank else number + 1
        entry = self.entry = Entry(line)
        if comments:
            for comment in comments.split("\n")[:-1]:
                self._comment(entry, comment.strip())
            line += comments.count("\n")
        if ctxt is not None:
            entry.msgctxt = _joined(ctxt, ctxt_more)
            line += 1 + ctxt_more.count("\n") if ctxt_more else 1
        entry.msgid_line = line
        entry.msgid = _joined(msgid, id_more)
        line += 1 + id_more.count("\n") if id_more else 1
        self.last_comment = self.strings_done = False
        if forms is None:
            entry.msgstr = _joined(msgstr, more)
            self.chunks = entry.strings[None] = _chunks(line, f'msgstr "{msgstr}"', more)
            self.state = "ms"
            return
        entry.msgid_plural = _joined(msgid_plural, plural_more)
        line += 1 + plural_more.count("\n")
        for form in _FORM.finditer(forms):
            digit, text, more = form.groups()
            index = int(digit)
            entry.msgstr_plural[index] = _joined(text, more)
            self.chunks = entry.strings[index] = _chunks(line, f'msgstr[{digit}] "{text}"', more)
            line += 1 + more.count("\n")
            self.plural_index = index
        self.state = "mx"

    def _comment(self, entry: Entry, line: str) -> None:
        """A comment line of a regular entry, as `line` would read it."""
        kind = _COMMENTS.get(line[:2], "tc")
        self._store(entry, kind, line + " " if line == "#" else line)

    def line(self, number: int, raw: str) -> Entry | None:
        """Read one line the way polib does; returns the entry it ends, if any."""
        line = raw.strip()
        if not line:
            self._no_string()
            return None
        last_comment, kind = _kind(line, number)
        self.last_comment = last_comment
        if kind is None:  # a line polib skips
            self._no_string()
            return None
        symbol, token, obsolete = kind
        state = self.state
        if state not in _AFTER[symbol]:
            raise _SyntaxError(number)
        if symbol == "tc" and state in ("st", "he"):
            self.state = "he"  # a comment before the first entry belongs to the file
            self._no_string()
            return None
        finished = None
        if symbol == "mc":
            self._continue(unescape(token[1:-1]))
        else:
            if symbol == "mi" and self.open_msgid is not None:
                self._truncated()
            if symbol in _STARTS and state in _MSGSTR:
                finished = self.entry
                self.entry = Entry(number)
                self.chunks, self.strings_done = None, False
            elif not self.entry.first_line:
                self.entry.first_line = number
            self.state = symbol
            self._store(self.entry, symbol, token, obsolete, number)
        string = _STRING.match(line)
        if string is None:
            self._no_string()
        else:
            index = string.group(2)
            self._string(
                number,
                raw,
                line[string.end() - 1 :],
                string.group(1),
                None if index is None else int(index),
                obsolete,
            )
        return finished

    def _store(
        self, entry: Entry, symbol: str, token: str, obsolete: bool = False, number: int = 0
    ) -> None:
        """What a line of kind `symbol` gives the entry; polib's handlers."""
        if symbol == "mi":
            self.open_msgid = number
            entry.obsolete = obsolete
            entry.msgid = unescape(token[1:-1])
        elif symbol == "ms":
            self.open_msgid = None
            entry.msgstr = unescape(token[1:-1])
        elif symbol == "mx":
            self.open_msgid = None
            try:
                index = int(token[7])  # one digit, as polib reads it
            except (IndexError, ValueError):
                raise _SyntaxError(number) from None
            entry.msgstr_plural[index] = unescape(token[token.find('"') + 1 : -1])
            self.plural_index = index
        elif symbol == "ct":
            entry.msgctxt = unescape(token[1:-1])
        elif symbol == "mp":
            entry.msgid_plural = unescape(token[1:-1])
        elif symbol == "tc":
            comment = token.lstrip("#")
            comment = comment[1:] if comment.startswith(" ") else comment
            entry.tcomment = f"{entry.tcomment}\n{comment}" if entry.tcomment else comment
        elif symbol == "fl":
            entry.flags += tuple(flag.strip() for flag in token[3:].split(","))
        elif symbol == "oc":
            entry.occurrences += tuple(token[3:].split())
        # gc, pc, pm, pp: extracted comments and previous strings are not checked.

    def _continue(self, text: str) -> None:
        """A continuation string extends the string its state names."""
        entry, state = self.entry, self.state
        if state == "ms":
            entry.msgstr += text
        elif state == "mi":
            entry.msgid += text
        elif state == "mx":
            entry.msgstr_plural[self.plural_index] += text
        elif state == "ct" and entry.msgctxt is not None:
            entry.msgctxt += text
        elif state == "mp":
            entry.msgid_plural += text
        # pc, pm, pp: previous strings are not kept.

    def _string(
        self,
        number: int,
        raw: str,
        quoted: str,
        keyword: str | None,
        index: int | None,
        obsolete: bool,
    ) -> None:
        """A line holding a quoted string (`quoted`, from its opening quote on).

        Lints it, and notes where the current entry's msgstr strings stand:
        from its first msgstr keyword line through the continuation lines and
        further msgstr[n] lines that follow, up to any other line.
        """
        if not _closes(quoted):
            self.lint.unterminated(number)
            self.entry.unreadable = True
        if obsolete:  # a #~ line holds no string of a current entry
            self._no_string()
        elif self.strings_done:
            pass
        elif keyword is None:  # a continuation line
            if self.chunks is not None:
                self.chunks.append((number, raw))
        elif keyword == "msgstr":
            self.chunks = self.entry.strings[index] = [(number, raw)]
        elif self.chunks is not None:  # a msgctxt or msgid after the msgstr
            self.strings_done = True
        elif keyword == "msgid":
            self.entry.msgid_line = number

    def _no_string(self) -> None:
        """A blank, comment or other line: it ends a run of msgstr strings."""
        if self.chunks is not None:
            self.strings_done = True

    def _truncated(self) -> None:
        assert self.open_msgid is not None
        self.lint.truncated(self.open_msgid)
        self.entry.unreadable = True

    def end(self) -> Entry | None:
        """The last entry, kept as polib keeps it: unless the file ends with a comment."""
        if self.open_msgid is not None:
            self._truncated()
        if self.entry.first_line and not self.last_comment:
            return self.entry
        return None


def _kind(line: str, number: int) -> tuple[bool, tuple[str, str, bool] | None]:
    """A stripped line classified as polib classifies it.

    Returns whether it is a comment, and its (symbol, text after the keyword,
    obsolete), or None for a line polib skips; raises for a line it refuses.
    """
    tokens = line.split(None, 2)
    if tokens[0] == "#~|":
        return True, None
    obsolete = tokens[0] == "#~" and len(tokens) > 1
    if obsolete:
        line = line[3:].strip()
        tokens = tokens[1:]
    word, count = tokens[0], len(tokens)
    comment = word.startswith("#")
    if word in _KEYWORDS and count > 1:
        token = line[len(word) :].lstrip()
        _check_quotes(token, number)
        return comment, (_KEYWORDS[word], token, obsolete)
    if line[0] == '"':
        _check_quotes(line, number)
        return comment, ("mc", line, obsolete)
    if line.startswith("msgstr["):
        return comment, ("mx", line, obsolete)
    if word == "#" or word.startswith("##"):
        return comment, ("tc", line + " " if line == "#" else line, obsolete)
    if word in _COMMENTS:
        return comment, (_COMMENTS[word], line, obsolete) if count > 1 else None
    if word == "#|":
        return comment, (*_previous(tokens, line, number), obsolete)
    raise _SyntaxError(number)


def _previous(tokens: list[str], line: str, number: int) -> tuple[str, str]:
    """A `#|` line (previous msgctxt, msgid…): its kind and text, as polib reads it."""
    if len(tokens) <= 1:
        raise _SyntaxError(number)
    line = line[2:].lstrip()
    if tokens[1].startswith('"'):
        return "mc", line  # polib adds it to whatever string is open
    if len(tokens) == 2:
        raise _SyntaxError(number, "invalid continuation line")
    if tokens[1] not in _PREVIOUS:
        raise _SyntaxError(number, f"unknown keyword {tokens[1]}")
    return _PREVIOUS[tokens[1]], line[len(tokens[1]) :].lstrip()


def _check_quotes(token: str, number: int) -> None:
    """polib refuses a string with a quote inside that no backslash escapes."""
    if token.find('"', 1, -1) >= 0 and _UNESCAPED_QUOTE.search(token[1:-1]):
        raise _SyntaxError(number, "unescaped double quote found")


def _closes(quoted: str) -> bool:
    """True when `quoted` (from its opening quote) ends with an unescaped quote."""
    if len(quoted) < 2 or quoted[-1] != '"':
        return False
    body = quoted[1:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 0


class _SyntaxError(Exception):
    """A line polib refuses; `parse` turns it into an InputError naming the file."""

    def __init__(self, line: int, detail: str = "malformed entry") -> None:
        super().__init__(detail)
        self.line = line
        self.detail = detail
