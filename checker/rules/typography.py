"""Typography rules: P101–P105 (punctuation width, spacing, script, final marks)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from checker.finding import Finding, Severity
from checker.punctuation import CLOSING, Final, FinalKind, final_mark
from checker.rules.base import Rule, RuleContext, Scan, register
from checker.scripts import Script, ScriptChar, classify, expected_script
from checker.segment import Segment
from checker.widths import fullwidth_marks, halfwidth_marks, spacing_faults
from glossary.errors import GlosscheckError
from glossary.text import has_han, mask, protected_spans


@register
class HalfwidthPunctuation(Rule):
    """ASCII punctuation in Chinese text: use the full-width mark.

    In a Chinese target, , . ? ! : ; and ( ) that punctuate Chinese text
    should be ，。？！：；（）. Marks that belong to something else stay:
    numbers (3.14, 1,000, 10:30), English phrases ("Hello, world."), file
    names, code, placeholders, URLs, ellipses, emoticons, Markdown syntax,
    separators and formats the source uses too ("yes,no,maybe", "%s: …")
    and parentheses around Latin text only, "(GPU)". The fix also drops
    spaces around the mark. Option `parentheses = false` leaves ( ) alone
    for house styles that keep them half-width.

    Okay: Enter a valid value. → 输入一个有效的值。
    P101: Enter a valid value. → 输入一个有效的值.
    """

    code = "P101"
    name = "halfwidth-punctuation"
    severity = Severity.WARNING
    fixable = True
    needs_source = False
    option_defaults: ClassVar[Mapping[str, object]] = {"parentheses": True}

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if s.target_lang != "zh" or not scan.checkable:
            return
        source = "" if s.target_only else s.source
        parentheses = bool(self.option("parentheses"))
        for mark in halfwidth_marks(s.target, source, parentheses):
            char = s.target[mark.start]
            yield self.finding(
                s,
                (mark.start, mark.end),
                f'half-width "{char}" in Chinese text; use "{mark.fix.replacement}"',
                fix=mark.fix,
                detail=f"{mark.start}:{char}",
            )


@register
class FullwidthPunctuation(Rule):
    """Chinese punctuation in English text: use the ASCII mark.

    In an English target, ，。？！：；（）、【】「」《》 and other full-width
    marks become , . ? ! : ; ( ) with English spacing ("a，b" → "a, b").
    Curly quotes “ ” ‘ ’ are English typography and stay. A mark next to
    Han text is part of a Chinese leftover, which U102 reports.

    Okay: 保存设置，然后退出。 → Save the settings, then quit.
    P102: 保存设置，然后退出。 → Save the settings，then quit.
    """

    code = "P102"
    name = "fullwidth-punctuation"
    severity = Severity.WARNING
    fixable = True
    needs_source = False

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if s.target_lang != "en" or not scan.checkable:
            return
        for mark in fullwidth_marks(s.target):
            text = s.target[mark.start : mark.end]
            yield self.finding(
                s,
                (mark.start, mark.end),
                f'full-width "{text}" in English text; use "{mark.fix.replacement.strip() or " "}"',
                fix=mark.fix,
                detail=f"{mark.start}:{text}",
            )


_STYLES = ("space", "nospace")


@register
class CjkSpacing(Rule):
    """Spacing between Han text and Latin letters or digits breaks the house style.

    Off by default: style guides disagree. With the option `style = "space"`
    (the default, as the widely followed Chinese Copywriting Guidelines,
    中文文案排版指北, and this project's sample articles write) one space
    separates Han text from Latin letters and digits ("使用 GPU 加速"); with
    `"nospace"` none does ("使用GPU加速"). Code, URLs, placeholders and text
    next to punctuation are not concerned. The fix inserts or removes the
    space.

    Okay: Use the GPU → 使用 GPU
    P103: Use the GPU → 使用GPU
    """

    code = "P103"
    name = "cjk-spacing"
    severity = Severity.INFO
    fixable = True
    default_enabled = False
    needs_source = False
    option_defaults: ClassVar[Mapping[str, object]] = {"style": "space"}

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        style = self.option("style")
        if style not in _STYLES:
            message = f'option style must be "space" or "nospace", not {style!r}'
            raise GlosscheckError(f"{self.code}: {message}")
        self.style = str(style)

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if s.target_lang != "zh" or not scan.checkable:
            return
        for fix in spacing_faults(s.target, self.style):
            if fix.replacement:
                message = "no space between Han text and Latin text; insert one"
            else:
                message = "space between Han text and Latin text; remove it"
            before, after = s.target[fix.start - 1], s.target[fix.end]
            yield self.finding(
                s,
                (fix.start, fix.end),
                message,
                fix=fix,
                suggestion=before + fix.replacement + after,
                detail=str(fix.start),
            )


@register
class ScriptMix(Rule):
    """Simplified and Traditional characters mixed, or the other script than the file's.

    A zh_CN, zh_Hans, zh_SG or plain zh target is expected in Simplified
    characters, a zh_TW, zh_Hant, zh_HK or zh_MO target in Traditional ones;
    without a locale, a target that mixes the two is reported at its
    minority script. Characters are classified with OpenCC's conversion
    tables, conservatively: characters both scripts use never count (占 is
    Traditional as well as the Simplified form of 佔; 台, 吃 and 群 are
    Taiwan's), nor do glossary terms, code and placeholders.

    Okay: Please enter a valid email address → 请输入有效的电子邮件地址
    P104: Please enter a valid email address → 请输入有效的電子邮件地址
    """

    code = "P104"
    name = "script-mix"
    severity = Severity.WARNING
    needs_source = False

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if s.target_lang != "zh" or not scan.checkable or not has_han(s.target):
            return
        expected = expected_script(s.target_locale)
        prose = _without_code(s.target)
        found = classify(prose, [expected.other] if expected else list(Script))
        if not found:
            return
        terms = {i for m in scan.target_terms for i in range(m.start, m.end)}
        found = [c for c in found if c.offset not in terms]
        wrong, majority = _wrong_script(found, expected)
        if wrong:
            yield self._finding(s, wrong, expected, majority)

    def _finding(
        self, s: Segment, wrong: list[ScriptChar], expected: Script | None, majority: Script | None
    ) -> Finding:
        shown = list({c.char: _rendering(c, s.target_locale) for c in wrong}.items())
        listed = ", ".join(f"{char}→{other}" for char, other in shown[:8])
        listed += ", …" if len(shown) > 8 else ""
        script = wrong[0].script.value
        if expected is not None:
            message = f"{script} characters in a {expected.value} Chinese target"
            message += f" ({s.target_locale}): {listed}"
        elif majority is not None:
            message = f"{script} characters mixed into {majority.value} text: {listed}"
        else:
            message = f"Simplified and Traditional characters mixed: {listed}"
        return self.finding(
            s,
            (wrong[0].offset, wrong[-1].offset + 1),
            message,
            detail="".join(char for char, _ in shown),
        )


def _without_code(text: str) -> str:
    return mask(text, protected_spans(text))


def _wrong_script(
    found: list[ScriptChar], expected: Script | None
) -> tuple[list[ScriptChar], Script | None]:
    """The characters in the wrong script, and the script the text is mostly in.

    With a locale, the other script is wrong. Without one, the script with
    fewer characters is (both, in a tie); a text in one script is fine.
    """
    if expected is not None:
        return [c for c in found if c.script is not expected], expected
    simplified = [c for c in found if c.script is Script.SIMPLIFIED]
    traditional = [c for c in found if c.script is Script.TRADITIONAL]
    if not simplified or not traditional:
        return [], None
    if len(simplified) == len(traditional):
        return found, None
    minority = min(simplified, traditional, key=len)
    return minority, minority[0].script.other


def _rendering(char: ScriptChar, locale: str) -> str:
    """The character in the other script: Taiwan's or Hong Kong's forms where the locale says."""
    if char.script is Script.TRADITIONAL:
        return char.counterparts[0]
    region = locale.lower().replace("-", "_")
    return char.counterparts[2] if region.endswith(("_hk", "_mo")) else char.counterparts[1]


# What a final mark should look like in each target language, for suggestions.
_FINAL_FORMS = {
    "zh": {
        FinalKind.STATEMENT: "。",
        FinalKind.QUESTION: "？",
        FinalKind.EXCLAMATION: "！",
        FinalKind.COLON: "：",
        FinalKind.SEMICOLON: "；",
        FinalKind.ELLIPSIS: "……",
    },
    "en": {
        FinalKind.STATEMENT: ".",
        FinalKind.QUESTION: "?",
        FinalKind.EXCLAMATION: "!",
        FinalKind.COLON: ":",
        FinalKind.SEMICOLON: ";",
        FinalKind.ELLIPSIS: "…",
    },
}


@register
class EndPunctuation(Rule):
    """The source and the translation end with different punctuation.

    A full stop, question mark, exclamation mark, colon, semicolon or
    ellipsis at the end of the source should end the translation too, in
    either width (. = 。, ? = ？, … = ... = ……), and a translation should
    not add one the source lacks. A question turned into a statement, a lost
    colon before a list, or a dropped full stop are what this finds.
    Closing quotes and brackets, markup and white space at the end are
    looked through; width is P101's and P102's business.

    Okay: 你确定要删除吗？ → Are you sure you want to delete it?
    P105: 你确定要删除吗？ → Are you sure you want to delete it.
    """

    code = "P105"
    name = "end-punctuation"
    severity = Severity.WARNING

    def check(self, scan: Scan) -> Iterator[Finding]:
        s = scan.segment
        if not scan.translated or not s.source.strip():
            return
        source, target = final_mark(s.source), final_mark(s.target)
        if (source and source.kind) == (target and target.kind):
            return
        yield self.finding(
            s,
            _span(s.target, target),
            _message(source, target),
            suggestion=_FINAL_FORMS.get(s.target_lang, {}).get(source.kind) if source else None,
            detail=f"{source and source.kind.name}>{target and target.kind.name}",
        )


def _span(target: str, final: Final | None) -> tuple[int, int]:
    """The final mark, or the place where it is missing."""
    if final is not None:
        return final.start, final.start + len(final.text)
    end = len(target.rstrip())
    while end > 0 and target[end - 1] in CLOSING:
        end -= 1
    return end, end


def _message(source: Final | None, target: Final | None) -> str:
    if source is None:
        kind, text = (target.kind.value, target.text) if target else ("", "")
        return f"the translation ends with {kind} ({text}); the source does not"
    if target is None:
        return f"the source ends with {source.kind.value} ({source.text}); the translation does not"
    return (
        f"the source ends with {source.kind.value} ({source.text}), "
        f"the translation with {target.kind.value} ({target.text})"
    )
