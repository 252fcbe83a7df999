"""What must survive translation unchanged: F101 placeholders, F102 markup, F104 addresses."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding, Severity
from checker.markup import find_addresses, find_markup, language_neutral
from checker.placeholders import (
    comparison_keys,
    find_placeholders,
    is_positional,
    order_changed,
)
from checker.rules.base import Rule, Scan, register
from checker.segment import Segment
from checker.tokens import Token, unmatched

_NOUNS = {
    "printf": "placeholder",
    "brace": "placeholder",
    "template": "placeholder",
    "qt": "placeholder",
    "tag": "tag",
    "link": "link",
    "code": "inline code",
    "url": "URL",
    "email": "e-mail address",
}


def _differences(
    rule: Rule, segment: Segment, missing: list[Token], extra: list[Token]
) -> Iterator[Finding]:
    """One finding per difference; a lone change (one out, one in) is one finding.

    An extra item is reported where it stands in the target; a missing one
    has no place there, so its finding covers the whole target.
    """
    if len(missing) == 1 and len(extra) == 1 and "stray" not in (missing[0].kind, extra[0].kind):
        old, new = missing[0], extra[0]
        message = f'{_NOUNS[old.kind]} "{old.text}" changed to "{new.text}"'
        yield rule.finding(segment, (new.start, new.end), message, detail=f"{old.key}→{new.key}")
        return
    for token in extra:
        yield rule.finding(segment, (token.start, token.end), _extra(token), detail=token.key)
    for token in missing:
        message = f'{_NOUNS[token.kind]} "{token.text}" is missing from the translation'
        yield rule.finding(segment, None, message, detail=token.key)


def _extra(token: Token) -> str:
    if token.kind == "stray" and token.text == "%":
        return '"%" starts no placeholder: write "%%" for a percent sign in a format string'
    if token.kind == "stray":
        return f'single "{token.text}" in a brace format string: write "{token.text * 2}"'
    message = f'{_NOUNS[token.kind]} "{token.text}" is not in the source'
    if token.kind == "printf" and token.text.startswith("% "):
        message += ' (a percent sign followed by a space: write "%%" for a percent sign)'
    return message


@register
class PlaceholderMismatch(Rule):
    """A placeholder of the source is missing, changed or added in the translation.

    Knows printf (`%s`, `%(name)s`, `%1$s`, `%%`), brace (`{name}`, `{0:.2f}`,
    `{{`), `{{ name }}` templates and Qt `%1`, and reads a gettext entry's
    flags: `python-format`/`c-format`/`javascript-format` make it a printf
    format string, `python-brace-format` a brace one (escapes apply, and a
    lone `%` or brace is an error). Without a flag, only placeholders that
    cannot be prose count (`%(name)s`, `%1$s`, `{name}`, `{0}`, a `%s` that
    stands alone), so "50% off" is text. Placeholders bound by position
    (`%s`, `{}`) are compared as multisets and must keep their order (number
    them to reorder); named and numbered ones may move and may be repeated
    or used once for many (like msgfmt -c), but none may be dropped, added
    or changed. A plural form may use the placeholders of either msgid.

    Okay: Delete %(name)s and %(count)s more? → 删除 %(name)s 及另外 %(count)s 项？
    F101: Delete %(name)s and %(count)s more? → 删除 %(nmae)s 及另外 %(count)s 项？
    """

    code = "F101"
    name = "placeholder-mismatch"
    severity = Severity.ERROR

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.translated:
            return
        s = scan.segment
        source, target = find_placeholders(s.source, s.flags), find_placeholders(s.target, s.flags)
        if [t.key for t in source] == [t.key for t in target]:
            return  # most entries: none, or the same in the same order
        source, target = comparison_keys(source, target)
        missing, extra = unmatched(source, target)
        # Bound by name or number, a placeholder may be used more or fewer times.
        in_source, in_target = _keys(source), _keys(target)
        missing = [t for t in missing if is_positional(t) or t.key not in in_target]
        extra = [t for t in extra if is_positional(t) or t.key not in in_source]
        plural = _plural_keys(s)
        extra = [t for t in extra if t.key not in plural]
        yield from _differences(self, s, missing, extra)
        if not missing and not extra and order_changed(source, target):
            before = ", ".join(t.text for t in source if is_positional(t))
            after = ", ".join(t.text for t in target if is_positional(t))
            message = (
                f"placeholders bound by position change order ({before} → {after}): "
                'number them to reorder ("%1$s", "{0}")'
            )
            yield self.finding(s, None, message, detail="order")


def _keys(tokens: list[Token]) -> set[str]:
    return {t.key for t in tokens}


def _plural_keys(segment: Segment) -> set[str]:
    """Placeholders of both msgids of a plural entry: any plural form may use them."""
    if "msgid_plural" not in segment.meta:
        return set()
    texts = (segment.meta.get("msgid", ""), segment.meta["msgid_plural"])
    return {t.key for text in texts for t in find_placeholders(text, segment.flags)}


@register
class MarkupMismatch(Rule):
    """HTML/XML tags, Markdown links or inline code differ between source and target.

    Tags are compared by name and kind (opening, closing, self-closing), so
    attributes may be translated (`title="…"`); links by their destination
    (an absolute URL in a link is F104's); inline code must be identical,
    backticks included. All three as multisets: moving a tag or a link to
    where the target language needs it is fine.

    Okay: See the <b>release notes</b>. → 参见<b>发布说明</b>。
    F102: See the <b>release notes</b>. → 参见发布说明</b>。
    """

    code = "F102"
    name = "markup-mismatch"
    severity = Severity.WARNING

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.translated:
            return
        s = scan.segment
        missing, extra = unmatched(find_markup(s.source), find_markup(s.target))
        yield from _differences(self, s, missing, extra)


@register
class UrlMismatch(Rule):
    """URLs or e-mail addresses differ between source and target.

    Compared as multisets, with the scheme and host in any case, with or
    without a trailing slash, and without the punctuation or Chinese text
    around them. A URL that differs only in a language mark (`/en/` →
    `/zh-hans/`, `hl=en` → `hl=zh-CN`, `en.wikipedia.org` →
    `zh.wikipedia.org`) points at the localized page: that is reported at
    info, for a person to confirm that the page exists.

    Okay: Read https://example.com/docs first. → 请先阅读 https://example.com/docs。
    F104: Read https://example.com/docs first. → 请先阅读 https://example.org/docs。
    """

    code = "F104"
    name = "url-mismatch"
    severity = Severity.WARNING

    def check(self, scan: Scan) -> Iterator[Finding]:
        if not scan.translated:
            return
        s = scan.segment
        missing, extra = unmatched(find_addresses(s.source), find_addresses(s.target))
        for old in list(missing):
            new = next((t for t in extra if _localized(old, t)), None)
            if new is not None:
                missing.remove(old)
                extra.remove(new)
                yield self.finding(
                    s,
                    (new.start, new.end),
                    f'URL "{old.text}" localized as "{new.text}": check that the page exists',
                    severity=Severity.INFO,
                    detail=f"{old.key}→{new.key}",
                )
        yield from _differences(self, s, missing, extra)


def _localized(old: Token, new: Token) -> bool:
    return old.kind == new.kind == "url" and language_neutral(old.key) == language_neutral(new.key)
