"""Consistency across every file checked together: C101 and C102."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from checker.finding import Finding, Severity
from checker.rules.base import Groups, Place, Rule, RuleContext, Scan, register
from checker.segment import Segment
from glossary.model import Status
from glossary.text import has_han


def _normal(text: str) -> str:
    """Texts that differ only in spacing or letter case count as the same."""
    return " ".join(text.split()).casefold()


_WORD = re.compile(r"[a-z]+")


def _singular(text: str) -> str:
    """English compared in the singular, without final punctuation, as a bag of
    words: "Users:" = "user", "Password reset" = "Reset password"; a single word by
    its word family: "Deletion" = "delete".

    Chinese has neither plural nor parts of speech, so "user" and "users" sharing
    用户, "Delete" and "Deletion" sharing 删除 are expected; nor does its word
    order follow the English one (重置密码 serves both orders).
    """
    from glossary.english import singular, word_family

    words = _WORD.sub(lambda m: singular(m.group()), _normal(text).rstrip(" .:!?…"))
    if words.isascii() and words.isalpha():  # one word: "Deletion" = "Delete" (删除)
        family = word_family(words)
        return min(family) if words in family else words
    # The same words in another order: "Password reset" = "Reset password" (重置密码)
    return " ".join(sorted(words.split(" ")))


class _Seen(NamedTuple):
    place: Place  # its finding is made only if it is reported: few are
    text: str  # the varying side, as written


class _Grouping(Rule):
    """Groups segments by one side and reports the minority variants of the other.

    Subclasses say which side is the key and which varies; `finish` names the
    majority and every variant with its count and first place.
    """

    segment_only = True

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        self._groups = Groups()  # by key; the varying text tells variants apart

    def key(self, s: Segment) -> tuple[str, ...]:
        raise NotImplementedError

    def varying(self, s: Segment | Place) -> str:
        raise NotImplementedError

    def same(self, text: str) -> str:
        """The form under which two variants count as one: spacing and case aside, and
        English in the singular without final punctuation (Chinese marks neither)."""
        return _singular(text) if not has_han(text) else _normal(text)

    def abbreviates(self, variant: str, majority: str) -> bool:
        """ "Mon" for "Monday", "jan" for "January": one English word cut short."""
        short = self.same(variant)
        return short.isascii() and short.isalpha() and majority.startswith(short)

    def describe(self, variant: str, majority: str, tally: str) -> str:
        raise NotImplementedError

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if scan.translated:
            text = self.varying(s)
            self._groups.add("\0".join(self.key(s)), text, tuple(scan.place))
        return iter(())

    def gathered(self) -> dict[str, Any]:
        return {"rows": self._groups.rows()}

    def merge(self, gathered: Mapping[str, Any]) -> None:
        self._groups.extend(gathered["rows"])

    def finish(self) -> Iterator[Finding]:
        for group in self._groups.multiple():  # most groups have one variant: not read back
            counts: Counter[str] = Counter()
            first: dict[str, _Seen] = {}
            for text, n in group.counts.items():  # in order of first use, like the segments
                counts[self.same(text)] += n
                first.setdefault(self.same(text), _Seen(Place(*group.first[text]), text))
            if len(counts) < 2:
                continue
            majority = counts.most_common(1)[0][0]
            tally = "; ".join(
                f'"{first[v].text}" {n}× (first at {first[v].place.path}:{first[v].place.line})'
                for v, n in counts.most_common()
            )
            usual = first[majority].place
            for item in group:  # read from disk: a group may be big
                place = Place(*item)
                x = _Seen(place, self.varying(place))
                if self.same(x.text) == majority or self.abbreviates(x.text, majority):
                    continue
                if self._term_pair(x.place) and self._term_pair(usual):
                    continue  # both are glossary renderings (Remove, Delete → 删除)
                message = self.describe(x.text, first[majority].text, tally)
                yield self.finding_at(x.place, message, detail=x.text)

    def _term_pair(self, place: Place) -> bool:
        """The whole source is a glossary term and the whole target one of its allowed
        renderings: the glossary says so, and T103 judges the term's consistency."""
        source, target = _bare(place.source), _bare(place.target)
        source_lang, target_lang = ("zh", "en") if has_han(source) else ("en", "zh")
        glossary = self.context.glossary
        whole = (0, len(source))
        senses = {
            id(m.concept)
            for m in glossary.index(source_lang).find_all(source)
            if (m.start, m.end) == whole
        }
        found = glossary.index(target_lang).find_all(target, any_case=True, chinese_words=False)
        return any(
            (m.start, m.end) == (0, len(target))
            and id(m.concept) in senses
            and m.form.status is not Status.FORBIDDEN
            for m in found
        )


def _bare(text: str) -> str:
    """`text` without surrounding spaces and final punctuation ("Delete:" → "Delete")."""
    return text.strip().rstrip(".:!?…。：！？").strip()


def _context(s: Segment) -> str:
    """What keeps equal texts apart: PO context, plural form, and the target's locale
    (zh_CN and zh_TW catalogs checked together are two translations, not one)."""
    locale = s.target_locale.replace("-", "_").casefold()
    return "\x04".join((s.meta.get("msgctxt", ""), s.meta.get("plural_index", ""), locale))


@register
class InconsistentTranslation(_Grouping):
    """The same source text is translated differently in different places.

    Identical sources (ignoring spacing and letter case; a PO context or a
    plural form keeps entries apart) should read the same in the
    translation. English translations of one Chinese text may differ in
    number, case, final colon, abbreviation or word order (用户 → user,
    Users:; 星期一 → Monday, Mon; 重置密码 → Reset password, Password reset).
    Renderings the glossary allows for a source that is one glossary term
    are T103's to judge (删除 → Delete, Remove). Reported at each minority
    translation, naming the majority.

    Okay: 保存 / 保存 → Save / Save
    C101: 保存 / 保存 → Save / Keep
    """

    code = "C101"
    name = "inconsistent-translation"
    severity = Severity.WARNING

    def key(self, s: Segment) -> tuple[str, ...]:
        return (s.source_lang, s.target_lang, _context(s), _normal(s.source))

    def varying(self, s: Segment | Place) -> str:
        return s.target

    def describe(self, variant: str, majority: str, tally: str) -> str:
        return f'translated "{variant}" here but "{majority}" elsewhere: {tally}'


@register
class InconsistentSource(_Grouping):
    """Different source texts share one translation.

    Usually harmless (synonyms), sometimes a sign that one of them was
    copied from the wrong entry; reported at info for a reviewer. Not
    reported where each source is a glossary term that allows the shared
    translation (Remove, Delete → 删除), nor for the same English words in
    another order.

    Okay: 保存 / 删除 → Save / Delete
    C102: 保存 / 删除 → Save / Save
    """

    code = "C102"
    name = "inconsistent-source"
    severity = Severity.INFO

    def key(self, s: Segment) -> tuple[str, ...]:
        return (s.source_lang, s.target_lang, _context(s), _normal(s.target))

    def varying(self, s: Segment | Place) -> str:
        return s.source

    def describe(self, variant: str, majority: str, tally: str) -> str:
        return (
            f'the same translation stands for "{variant}" here and "{majority}" elsewhere: {tally}'
        )
