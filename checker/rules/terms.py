"""Glossary rules: T101–T105."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from checker.finding import Finding, Fix, Severity, TermInfo
from checker.rules.base import Groups, Place, Rule, RuleContext, Scan, place_of, quoted, register
from checker.segment import Segment
from glossary.english import is_word, surface_forms, word_family
from glossary.matching import Match, fold
from glossary.model import Concept, Form, Status
from glossary.text import prose


def _concepts(matches: list[Match]) -> dict[int, Match]:
    """First match of each concept, keyed by concept identity."""
    found: dict[int, Match] = {}
    for match in matches:
        found.setdefault(id(match.concept), match)
    return found


def _expected(concept: Concept, lang: str) -> tuple[str, ...]:
    return tuple(f.text for f in concept.allowed(lang))


_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
# Before a Chinese word, these make it a verb (请设置, 已设置, 可以应用到); after it, aspect
# particles do (设置了). 于 and 到 do not: 文件于昨日删除, 上传文件到服务器.
_VERB_ADVERBS = ("请", "已", "未", "被", "可以", "能够", "无法", "不能", "需要")
_PARTICLES = frozenset("了着过")
# Words that follow a verb, never a noun: "file a bug report", "by setting a password".
_DETERMINERS = frozenset(
    ["a", "an", "the", "your", "my", "our", "their", "his", "her", "its", "this", "these", "those"]
)


def _derivative_in(concept: Concept, target: str, terms: list[Match]) -> bool:
    """An English target uses a derivative of an allowed one-word form: confirmation
    for confirm, set for setting, unsaved for save, or a compound of it: codename for
    code, superuser for user. Chinese words serve as verb and noun alike, so 确认 is
    rightly rendered either way. A compound that is another glossary term (username)
    renders that term, not this one."""
    words = _english_words(target)
    other_terms = {m.text.lower() for m in terms if m.concept is not concept}
    compounds = words - other_terms
    for form in (f.text.lower() for f in concept.allowed("en") if f.text.isalpha()):
        if words & word_family(form) or any(_compound_of(w, form) for w in compounds):
            return True
    return False


@lru_cache(maxsize=8)  # asked for each concept a translation leaves unrendered
def _english_words(text: str) -> frozenset[str]:
    """The lower-case words of an English text's prose, and each without an "un-"."""
    words = {w.lower() for w in _ENGLISH_WORD.findall(prose(text))}
    return frozenset(words | {w[2:] for w in words if w.startswith("un")})


def _compound_of(word: str, part: str) -> bool:
    """`word` is `part` run together with another English word (codename, superuser)."""
    if len(word) < len(part) + 2:
        return False
    if word.startswith(part):
        return is_word(word[len(part) :])
    return word.endswith(part) and is_word(word[: -len(part)])


def _used_as_verb(source: str, match: Match, lang: str) -> bool:
    """A noun term (the glossary's `pos`) used as a verb is not the noun meant: in
    English followed by an article or a possessive ("file a bug report"), in Chinese
    after a verb adverb or before an aspect particle (可以应用到 = can be applied to,
    已设置 = has been set)."""
    if match.concept.pos.lower() not in ("noun", "n") or " " in match.text:
        return False
    if lang == "zh":
        after = source[match.end : match.end + 1]
        return source[: match.start].endswith(_VERB_ADVERBS) or after in _PARTICLES
    following = _ENGLISH_WORD.match(source[match.end :].lstrip(" "))
    return following is not None and following.group().lower() in _DETERMINERS


@register
class TermMissing(Rule):
    """A glossary term in the source has none of its allowed translations in the target.

    The source uses a glossary term, but the target contains neither its
    preferred nor an admitted rendering (inflections count: "refreshed"
    renders "refresh"). Where concepts share a source form (确认 = confirm,
    and 确认 = make sure), the rendering of any one of them will do.
    Do-not-translate names are T105's, forbidden renderings T102's, and a
    source term copied into the target U102's.

    Okay: 智能体可以调用工具。 → Agents can call tools.
    T101: 智能体可以调用工具。 → Intelligent bodies can call tools.
    """

    code = "T101"
    name = "term-missing"
    severity = Severity.ERROR

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.translated:
            return
        s = scan.segment
        # Concepts the target renders, with an allowed form or a forbidden one (T102's).
        present = {id(m.concept) for m in scan.target_terms}
        # The concepts of each source span: a form that several share (确认 = confirm,
        # and 确认 = ensure) needs one sense rendered, and is reported once.
        at: dict[tuple[int, int], list[Concept]] = {}
        reported: set[tuple[int, int]] = set()
        folded: str | None = None  # the target's prose in lower case, once needed
        for match in _concepts(scan.source_terms).values():
            concept, span = match.concept, (match.start, match.end)
            if id(concept) in present or concept.dnt or span in reported:
                continue  # most terms: rendered
            if not concept.allowed(s.target_lang):
                continue
            if not at:  # only for a segment that leaves a term unrendered
                for m in scan.source_terms:
                    at.setdefault((m.start, m.end), []).append(m.concept)
            senses = [concept, *(c for c in at[span] if c is not concept)]
            if any(id(sense) in present for sense in senses):
                continue
            if folded is None:
                folded = prose(s.target).casefold()
            if match.text.casefold() in folded:
                continue  # left untranslated: U102 reports it with the translation
            if _used_as_verb(s.source, match, s.source_lang):  # not the noun meant
                continue
            if s.target_lang == "en" and any(  # confirmation renders 确认 (confirm)
                _derivative_in(sense, s.target, scan.target_terms) for sense in senses
            ):
                continue
            reported.add(span)
            expected = tuple(dict.fromkeys(e for c in senses for e in _expected(c, s.target_lang)))
            yield self.finding(
                s,
                None,
                f'"{match.text}" should be translated as {quoted(expected)}',
                term=TermInfo(match.text, expected, None),
                detail=match.text,
            )


@register
class TermForbidden(Rule):
    """The target uses a rendering the glossary forbids.

    Where the concept's term occurs in the source (anywhere, for target-only
    text), a form marked forbidden is an error; the fix replaces it with the
    preferred form, unless concepts that disagree share the forbidden form.

    Okay: 通义实验室发布了新模型。 → Tongyi Lab released a new model.
    T102: 通义实验室发布了新模型。 → Tongyi Laboratory released a new model.
    """

    code = "T102"
    name = "term-forbidden"
    severity = Severity.ERROR
    fixable = True
    needs_source = False

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if not scan.checkable:
            return
        index = scan.glossary.index(s.target_lang)
        by_span: dict[tuple[int, int], list[Match]] = defaultdict(list)
        for match in scan.target_terms:
            if match.form.status is not Status.FORBIDDEN:
                continue
            if not s.target_only and id(match.concept) not in scan.source_concepts:
                continue
            if index.on_word_boundaries(s.target, match):  # a word of its own, not a part
                by_span[match.start, match.end].append(match)
        for matches in by_span.values():
            yield self._forbidden(s, matches)

    def _forbidden(self, s: Segment, matches: list[Match]) -> Finding:
        """One finding per span; fixable only when every concept there prefers one form."""
        match = matches[0]
        expected = tuple(
            dict.fromkeys(e for m in matches for e in _expected(m.concept, s.target_lang))
        )
        preferred = {f.text for m in matches if (f := m.concept.preferred(s.target_lang))}
        return self.finding(
            s,
            (match.start, match.end),
            f'"{match.text}" is a forbidden rendering; use {quoted(expected)}',
            term=TermInfo(_source_form(match.concept, s.source_lang), expected, match.text),
            suggestion=next(iter(preferred)) if len(preferred) == 1 else None,
            fix=_replacement(match, preferred),
            detail=match.text,
        )


def _replacement(match: Match, preferred: set[str]) -> Fix | None:
    """A safe fix: one preferred form, and the text is the forbidden form itself.

    An inflected forbidden form ("brushes") is not rewritten: the preferred
    form would need the same inflection, which is a person's call.
    """
    if len(preferred) != 1 or fold(match.text) != fold(match.form.text):
        return None
    return Fix(match.start, match.end, next(iter(preferred)))


def _source_form(concept: Concept, lang: str) -> str:
    preferred = concept.preferred(lang)
    return preferred.text if preferred else concept.label


class _Rendering(NamedTuple):
    """One use of a term, kept until `finish`: where it stands, not a whole finding."""

    place: Place
    term: str  # the source term as written
    text: str  # the rendering as written
    form: str  # the glossary form it matched


@register
class TermInconsistent(Rule):
    """One glossary term is rendered with different allowed forms across the files.

    Both forms may be allowed, but a reader should meet one. One source term
    means one source form, up to inflection and spelling: "app" may be 应用
    and "application" 应用程序 in the same files. Reported at
    each minority rendering, naming the majority (in a tie, the preferred
    form) and every form's count with its first place.

    Okay: 刷新页面。 / 刷新列表。 → Refresh the page. / Refresh the list.
    T103: 刷新页面。 / 刷新列表。 → Refresh the page. / Update the list.
    """

    code = "T103"
    name = "term-inconsistent"
    severity = Severity.WARNING

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        # (concept, target language, source form) → its renderings, in reading order, on
        # disk (issue 7). A concept goes by its position in the glossary: the same in
        # every process.
        self._seen = Groups()
        self._positions: dict[int, int] = {}  # id(concept) → position, once asked
        # id(concept), language → its source groups (by identity: hashing a concept
        # hashes all its forms, and this is asked for every term of every segment).
        self._groups: dict[tuple[int, str], dict[str, str]] = {}

    def _position(self, concept: Concept) -> int:
        if not self._positions:
            concepts = self.context.glossary.concepts
            self._positions = {id(c): n for n, c in enumerate(concepts)}
        return self._positions[id(concept)]

    def gathered(self) -> dict[str, Any]:
        return {"rows": self._seen.rows()}

    def merge(self, gathered: Mapping[str, Any]) -> None:
        self._seen.extend(gathered["rows"])

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.translated:
            return iter(())
        s = scan.segment
        rendered: dict[int, list[Match]] = {}  # id(concept) → its allowed renderings here
        for m in scan.target_terms:
            if m.form.status is not Status.FORBIDDEN:
                rendered.setdefault(id(m.concept), []).append(m)
        for match in _concepts(scan.source_terms).values():
            concept = match.concept
            renderings = rendered.get(id(concept))
            if not renderings or concept.dnt or len({m.form.text for m in renderings}) != 1:
                continue  # nothing, or several forms in one segment: no clear rendering
            rendering = renderings[0]
            place = place_of(s, (rendering.start, rendering.end))
            groups = self._groups.get((id(concept), s.source_lang))
            if groups is None:
                groups = self._groups[id(concept), s.source_lang] = _source_groups(
                    concept, s.source_lang
                )
            source_form = groups[match.form.text]
            number, form = self._position(concept), rendering.form.text
            key = f"{number}\0{s.target_lang}\0{source_form}"
            item = (number, s.target_lang, *place, match.text, rendering.text, form)
            self._seen.add(key, form, item)
        return iter(())

    def finish(self) -> Iterator[Finding]:
        for seen in self._seen.multiple():  # a term rendered one way is not read back
            number, lang = next(iter(seen.first.values()))[:2]
            concept = self.context.glossary.concepts[number]
            counts = Counter(seen.counts)  # forms in order of first use
            group = _variants(counts, lang)
            if len(set(group.values())) < 2:
                continue
            majority = _majority(counts, concept.preferred(lang))
            first_at = {form: f"{item[2]}:{item[3]}" for form, item in seen.first.items()}
            tally = ", ".join(
                f'"{form}" {n}× (first at {first_at[form]})' for form, n in counts.most_common()
            )
            head = f'"{concept.label}" is rendered'
            expected = _expected(concept, lang)
            for item in seen:  # read from disk: a term may be used a million times
                r = _Rendering(Place(*item[2:10]), *item[10:])
                if group[r.form] != group[majority]:
                    yield self.finding_at(
                        r.place,
                        f'{head} "{r.form}" here, "{majority}" elsewhere: {tally}',
                        term=TermInfo(r.term, expected, r.text),
                        suggestion=majority,
                        detail=r.text,
                    )


def _source_groups(concept: Concept, lang: str) -> dict[str, str]:
    """The concept's forms in `lang`, each → the form of its group ("login" → "log in")."""
    return _variants((f.text for f in concept.forms_in(lang)), lang, clippings=False)


def _variants(forms: Iterable[str], lang: str, *, clippings: bool = True) -> dict[str, str]:
    """Each form → the first form it is a variant of. In English, spellings, parts of
    speech and clippings of one word are one rendering: "log in" and "login",
    "e-mail" and "email", "register" and "registration", "admin" and
    "administration", "site" and "web site". Clippings count only among
    renderings: in the source, "app" and "application" may be told apart (应用,
    应用程序)."""
    group: dict[str, str] = {}
    seen: list[tuple[str, str, frozenset[str]]] = []  # (form, letters, word family)
    english = lang == "en"
    clip = english and clippings
    for form in forms:
        letters = "".join(c for c in form.casefold() if c.isalpha())
        family = word_family(letters) if english and letters.isascii() else frozenset()
        family |= {letters}
        same = (
            first
            for first, other, f in seen
            if letters in f or other in family or (clip and _clipped(letters, other))
        )
        group[form] = next(same, form)
        seen.append((form, letters, family))
    return group


def _clipped(a: str, b: str) -> bool:
    """One English rendering is the other cut short: admin for administration, app for
    application, site for website (a compound's head)."""
    short, long = sorted((a, b), key=len)
    cut = long.startswith(short) or long.endswith(short)
    return len(short) >= 3 and short.isascii() and cut


def _majority(counts: Counter[str], preferred: Form | None) -> str:
    """The most used form; in a tie, the glossary's preferred one if it is among them."""
    top = max(counts.values())
    tied = [form for form, n in counts.items() if n == top]
    return preferred.text if preferred and preferred.text in tied else tied[0]


@register
class TermCase(Rule):
    """A case-sensitive glossary form is written in the wrong letter case.

    Brand and product names keep their case ("Qwen", "GitHub", "iOS"). The
    fix rewrites the letters in the glossary's case.

    Okay: Qwen 模型 → the Qwen model
    T104: Qwen 模型 → the qwen model
    """

    code = "T104"
    name = "term-case"
    severity = Severity.WARNING
    fixable = True
    needs_source = False

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if not scan.checkable:
            return
        for match in scan.target_terms:
            concept = match.concept
            if not concept.case_sensitive or match.exact_case:
                continue
            if s.target_only:  # no source: a miscased name, not a lower-case common word
                relevant = concept.dnt or not match.text.islower()
            else:
                relevant = id(concept) in scan.source_concepts
            if not relevant:
                continue
            right = _in_right_case(match)
            if match.text.isupper() and right[:-1].isupper() and right.endswith("s"):
                continue  # HTTPS is an acronym of its own, not a miscased plural of HTTP
            yield self.finding(
                s,
                (match.start, match.end),
                f'"{match.text}" should be written "{right}"',
                term=TermInfo(_source_form(concept, s.source_lang), (right,), match.text),
                fix=Fix(match.start, match.end, right),
                detail=match.text,
            )


def _in_right_case(match: Match) -> str:
    for variant in surface_forms(match.form.text):
        if fold(variant) == fold(match.text):
            return variant
    return match.form.text


@register
class TermDnt(Rule):
    """A do-not-translate name in the source is not kept unchanged in the target.

    Names such as Qwen or GPT-5 stay as they are in every language; a
    translated, transliterated or dropped name is an error.

    Okay: Qwen 刷新了纪录。 → Qwen set a new record.
    T105: Qwen 刷新了纪录。 → Tongyi set a new record.
    """

    code = "T105"
    name = "term-dnt"
    severity = Severity.ERROR

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.translated:
            return
        s = scan.segment
        for match in _concepts(scan.source_terms).values():
            concept = match.concept
            if not concept.dnt or any(m.concept is concept for m in scan.target_terms):
                continue
            yield self.finding(
                s,
                None,
                f'"{match.text}" is a do-not-translate name and must appear unchanged',
                term=TermInfo(match.text, (match.text,), None),
                detail=match.text,
            )
