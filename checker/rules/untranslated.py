"""Untranslated text: U101 (nothing translated) and U102 (source language left over)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from checker.finding import Finding, Severity
from checker.rules.base import Rule, Scan, quoted, register
from checker.segment import Segment
from glossary.english import is_word, singular
from glossary.model import Concept
from glossary.text import HAN_CLASS, blank_out, has_han, mask, prose, protected_spans


# Han text, with the Chinese punctuation and spaces inside it: one leftover, one finding.
# Compiled on first use: an en→zh check never needs it, and the Han class is slow to compile.
@cache
def _han_text() -> re.Pattern[str]:
    return re.compile(f"[{HAN_CLASS}]+(?:[\\s\u3000-\u303f\uff00-\uffef]*[{HAN_CLASS}]+)*")


# A run of English words: letters, inner apostrophes and hyphens, spaces between.
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Text between a pair of quotes: cited as it is when it holds a name ('Referer header').
_QUOTED = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'|“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|『[^』\n]*』")
# Code written in running text, kept as it is in a translation: command-line options
# (--write-all, -D), configuration sections ([theme]), dotted names (theme.inherit,
# output.txt) and assignments (name=value, language = None).
_CODE_TOKEN = re.compile(
    r"(?<![\w.-])--?[A-Za-z][\w-]*"
    r"|\[[A-Za-z_][\w.-]*\](?!\()"
    r"|(?<![\w.])[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+"
    r"|(?<![\w.])[A-Za-z_]\w*[ \t]*=[ \t]*[^\s,;，。；“”\"']+"
    r"|(?<![\w:]):[A-Za-z][\w-]*:(?![\w:])"  # reST options and roles: :widths:, :ref:
)
# Words that Chinese software text keeps in English by convention.
_KEPT_IN_ENGLISH = frozenset(
    {"blog", "bug", "cookie", "cookies", "emoji", "id", "null", "slug", "token"}
)


def _dnt_masked(scan: Scan, text: str, lang: str) -> str:
    """`text` with do-not-translate names blanked out as well."""
    found = scan.glossary.index(lang).find_all(text, any_case=True, chinese_words=False)
    return blank_out(text, ((m.start, m.end) for m in found if m.concept.dnt))  # no jieba


def translatable(scan: Scan, text: str, lang: str) -> bool:
    """Text with words of its language besides names, code, placeholders and units."""
    rest = _dnt_masked(scan, prose(text), lang)
    if lang == "zh":
        return has_han(rest)
    return any(_ordinary_word(m.group(), rest, m.end()) for m in _LATIN_WORD.finditer(rest))


def _ordinary_word(word: str, text: str, end: int) -> bool:
    """A word of running English: not an acronym, a unit, a name with inner
    capitals (KB, IPv4, PostgreSQL), a format code (ss, uuuuuu) or a letter."""
    if len(word) < 2 or len(set(word.lower())) == 1 or any(c.isupper() for c in word[1:]):
        return False
    return not text[end : end + 1].isdigit()


@register
class Untranslated(Rule):
    """The target is empty, or a copy of a translatable source.

    Fuzzy gettext entries are reported at info: a translator marked them
    for review. A source that is only names, code or placeholders may be
    copied as it is.

    Okay: 保存 → Save
    U101: 保存 → 保存
    """

    code = "U101"
    name = "untranslated"
    severity = Severity.WARNING

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if "template" in s.flags:
            return  # a .pot file is untranslated by design
        if s.fuzzy:
            yield self.finding(s, None, "fuzzy translation: needs review", severity=Severity.INFO)
        elif not s.target.strip():
            yield self.finding(s, None, "empty translation", detail="empty")
        elif s.target.strip() == s.source.strip() and translatable(scan, s.source, s.source_lang):
            yield self.finding(s, None, "target is the untranslated source text", detail="copy")


@register
class SourceLeftover(Rule):
    """Text of the source language is left inside the translation.

    Han characters in an English target ("aimed at刷新 (refreshing) SOTA"),
    or English words in a Chinese target that were copied from the source and
    are not do-not-translate names, acronyms, code, placeholders, URLs or
    allowed words. Words an English dictionary does not know are names or
    identifiers (docutils, urlpattern); a quoted passage holding such a name
    is cited ('Referer header'); a few words are conventionally kept (null,
    cookie, ID, slug, token). When the leftover is a glossary term, the message gives its
    translation.

    Okay: 旨在刷新 SOTA 基准。 → aimed solely at refreshing SOTA benchmarks
    U102: 旨在刷新 SOTA 基准。 → aimed solely at刷新 (refreshing) SOTA benchmarks
    """

    code = "U102"
    name = "source-leftover"
    severity = Severity.ERROR
    needs_source = False
    _terms: frozenset[str] | None = None  # the glossary's English forms, folded

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if not s.target.strip() or s.target == s.source:
            return  # U101's case
        if s.target_lang == "en":
            yield from self._han_left(scan)
        elif s.target_lang == "zh":
            yield from self._english_left(scan)

    def _han_left(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        for run in _han_text().finditer(prose(s.target)):
            terms = scan.glossary.index("zh").find_all(run.group())
            hint = _translations([m.concept for m in terms], "en")
            message = f'Chinese text "{run.group()}" left in the English translation'
            yield self.finding(
                s,
                run.span(),
                message + (f"; glossary: {hint}" if hint else ""),
                suggestion=hint or None,
                detail=run.group(),
            )

    def _english_left(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        text = _prose_words(s.target)
        if not _LATIN_WORD.search(text):
            return  # most Chinese translations: no English word to look at
        text = _without_code(_unquoted(_dnt_masked(scan, text, "zh")))
        source_words = _source_words(s) if not s.target_only else None
        if source_words is not None:  # a value or key quoted in the source stays as it is
            literals = _literals(s.source)
            source_words = {w: v for w, v in source_words.items() if w not in literals}
        for start, end in _runs(text, self._is_leftover_word, source_words):
            words = s.target[start:end]
            terms = scan.glossary.index("en").find_all(words)
            hint = _translations([m.concept for m in terms], "zh")
            message = f'English text "{words}" left in the Chinese translation'
            yield self.finding(
                s,
                (start, end),
                message + (f"; glossary: {hint}" if hint else ""),
                suggestion=hint or None,
                detail=words,
            )

    def _is_leftover_word(self, word: str, source_words: dict[str, str] | None) -> bool:
        """Lower-case words, and capitalised words that start a source sentence.

        Acronyms and names with inner capitals (API, iOS, PostgreSQL) stay; so
        does a capitalised word the source uses mid-sentence (a proper name).
        """
        folded = word.casefold()
        if folded in self.context.allow or folded in _KEPT_IN_ENGLISH:
            return False
        if not _ordinary_word(word, "", 0):
            return False
        if "-" in word and word.islower() and not self._term(folded):
            return False  # sphinx-build, no-index: a translator keeps only names so
        if source_words is None:  # target-only: no source to compare with
            return word.islower() and self._english(word)
        use = source_words.get(folded)
        if use is None:
            return False  # not from the source: not a leftover
        if word.islower() or use == "initial":
            return self._english(word)
        if use == "name":
            return False  # a proper name in the source too
        # Capitalised by the translator: a name (Makefile, Logo), unless a glossary
        # term (Email for email), which has a translation.
        return self._term(folded)

    def _english(self, word: str) -> bool:
        """A dictionary word or a glossary term, not a name or an identifier."""
        return self._term(word.casefold()) or is_word(word)

    def _term(self, folded: str) -> bool:
        """A glossary form in English (folded), or the plural of one."""
        if self._terms is None:
            forms = (f for c in self.context.glossary for f in c.forms_in("en"))
            self._terms = frozenset(f.text.casefold() for f in forms)
        return folded in self._terms or singular(folded) in self._terms


def _unquoted(text: str) -> str:
    """`text` with quoted names blanked out, offsets kept: a quoted passage holding a
    name or an identifier ('Referer header', “Referrer-Policy: no-referrer”) is cited
    as it is; a quoted ordinary word (“remove”) is still a leftover."""

    def blank(m: re.Match[str]) -> str:
        named = any(not is_word(w.group()) for w in _LATIN_WORD.finditer(m.group()))
        return " " * len(m.group()) if named else m.group()

    return _QUOTED.sub(blank, text)


def _without_code(text: str) -> str:
    """`text` with code written in running text blanked out (see `_CODE_TOKEN`)."""
    return _CODE_TOKEN.sub(lambda m: " " * len(m.group()), text)


def _literals(source: str) -> set[str]:
    """Folded words of the source's quoted lower-case passages: values and keys
    ("only" blocks, 'setup', the "name" attribute) that a translation keeps. A
    quoted capitalised word is a UI label (“Remove”), which is translated."""
    return {
        w.group().casefold()
        for q in _QUOTED.finditer(source)
        if not any(c.isupper() for c in q.group())
        for w in _LATIN_WORD.finditer(q.group())
    }


def _source_words(segment: Segment) -> dict[str, str]:
    """Folded source words → how the source uses them: "name" (capitalised
    mid-sentence somewhere), "initial" (capitalised only where a sentence starts)
    or "lower"."""
    source = prose(segment.source)
    words: dict[str, str] = {}
    rank = {"lower": 0, "initial": 1, "name": 2}
    for m in _LATIN_WORD.finditer(source):
        word = m.group()
        use = "lower"
        if word[0].isupper():
            use = "initial" if _starts_sentence(source, m.start()) else "name"
        for key in {word.casefold(), word.casefold().replace("’", "'").partition("'")[0]}:
            if rank[use] >= rank[words.get(key, "lower")]:  # user’s → user too
                words[key] = use
    return words


def _prose_words(text: str) -> str:
    """`prose(text)`, and a word glued to a placeholder blanked too: auto%s and
    %(app)s_admin name things, they are not words."""
    spans = protected_spans(text)
    masked = mask(text, spans)
    if not spans:
        return masked
    placeholders = [s for s in spans if s.kind == "placeholder"]  # a tag's text is prose
    edges = {s.start for s in placeholders} | {s.end for s in placeholders}
    glued = [
        m.span() for m in _LATIN_WORD.finditer(masked) if m.start() in edges or m.end() in edges
    ]
    return blank_out(masked, glued)


def _starts_sentence(text: str, offset: int) -> bool:
    """Nothing but opening quotes or brackets between a sentence end and `offset`."""
    before = text[max(0, offset - 40) : offset].rstrip(" \t\"'“‘(「*#->")
    return not before or before[-1] in ".!?:;\n。！？："


def _runs(
    text: str,
    is_leftover: Callable[[str, dict[str, str] | None], bool],
    source_words: dict[str, str] | None,
) -> list[tuple[int, int]]:
    """Spans of consecutive leftover words separated only by spaces."""
    runs: list[tuple[int, int]] = []
    for m in _LATIN_WORD.finditer(text):
        if not is_leftover(m.group(), source_words):
            continue
        if runs and not text[runs[-1][1] : m.start()].strip(" "):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append(m.span())
    return runs


def _translations(concepts: list[Concept], lang: str) -> str:
    forms = [f.text for c in dict.fromkeys(concepts) if (f := c.preferred(lang))]
    return quoted(forms) if forms else ""
