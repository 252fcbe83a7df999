"""Seeded mutation of real translations: planted faults, and traps.

A *fault* is a change that makes a correct translation wrong in one known way;
the rule named beside it (`Kind.rule`) is the one whose documentation says it
reports that fault, and the fault counts as found when that rule reports a
finding on the mutated segment. A *trap* is a change a careful translator
makes that keeps the translation correct; it counts as flagged when any finding
appears on the segment that the untouched segment did not have.

Each mutation changes one segment's target in one way, so a finding is
attributed cleanly. Which segments are mutated, and where in them, is drawn
from a `random.Random` seeded with the seed, the kind and the direction, so
adding a kind does not reshuffle the others.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from checker.segment import Segment
from glossary.model import Concept, Status
from tests.eval.material import EN_ZH, ZH_EN
from tests.eval.text import (
    SCALES_EN,
    SCALES_ZH,
    WORDS_EN,
    Hit,
    Number,
    Terms,
    has_han,
    masked,
    named,
    numbers,
    placeholders,
    to_chinese,
    to_english,
)

SEED = 20261201
LIMIT = 60  # mutations per kind and direction, when as many segments are eligible
BOTH = (EN_ZH, ZH_EN)
_T = TypeVar("_T")


@dataclass(frozen=True)
class Change:
    """A mutated target, and a short note of what changed."""

    target: str
    note: str


Plant = Callable[[Segment, random.Random, Terms], Change | None]


@dataclass(frozen=True)
class Kind:
    """A kind of fault (with the rule expected to report it) or of trap (rule "")."""

    name: str
    rule: str
    directions: tuple[str, ...]
    plant: Plant

    @property
    def trap(self) -> bool:
        return not self.rule

    @property
    def doc(self) -> str:
        """What the fault or trap is, and why its rule should (or should not) report it."""
        return " ".join((self.plant.__doc__ or "").split())


@dataclass(frozen=True)
class Mutation:
    """One planted fault or trap: the untouched segment and its new target."""

    kind: Kind
    direction: str
    original: Segment
    target: str
    note: str

    @property
    def key(self) -> str:
        """A key of its own, so the mutated copy is told apart from other copies."""
        return f"{self.original.key}\x1f{self.kind.name}"


def _pick(rng: random.Random, items: Iterable[_T]) -> _T | None:
    items = list(items)
    return rng.choice(items) if items else None


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _like(word: str, model: str) -> str:
    """`word` capitalised like `model` (Delete → Remove); after an acronym (AI), as it is."""
    if model.isupper() and len(model) > 1:
        return word
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# --- faults: the target emptied or copied -------------------------------------------------


def emptied(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """Dropped translation: the target emptied, as a merge or a tool leaves a msgstr "".

    U101 reports an empty target.
    """
    return Change("", "target emptied")


def source_copied(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """Target replaced by the source: the text copied over untranslated.

    U101 reports a target equal to a translatable source (U102 leaves copies to U101).
    Eligible: sources with a word to translate (a lower-case English word, or Han text).
    """
    prose = masked(s.source, s.flags)
    if s.source_lang == "en" and not re.search(r"\b[a-z]{3,}\b", prose):
        return None
    if s.source_lang == "zh" and not has_han(prose):
        return None
    return Change(s.source, "target = source")


# --- faults: placeholders and markup ----------------------------------------------------


def placeholder_dropped(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A placeholder of the source dropped from the target (%(name)s, {name}, %s).

    The program's value never shows, or a positional format fails. F101 reports a
    placeholder missing. Eligible: a placeholder the source has and the target uses once.
    """
    found = placeholders(s.target, s.flags)
    in_source = {m.group() for m in placeholders(s.source, s.flags)}
    texts = [m.group() for m in found]
    m = _pick(rng, (m for m in found if texts.count(m.group()) == 1 and m.group() in in_source))
    if m is None:
        return None
    start, end = m.span()
    if s.target[start - 1 : start] == " " and s.target[end : end + 1] == " ":
        end += 1
    return Change(_splice(s.target, start, end, ""), f'dropped "{m.group()}"')


def placeholder_renamed(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A named placeholder misspelt in the target (%(name)s → %(naem)s, {count} → {coutn}).

    Python raises KeyError when it formats the string. F101 reports a placeholder changed.
    """
    in_source = {m.group("name") for m in named(s.source, s.flags)}
    m = _pick(rng, (m for m in named(s.target, s.flags) if m.group("name") in in_source))
    if m is None:
        return None
    name = m.group("name")
    typo = name[:-2] + name[-1] + name[-2] if len(name) > 1 and name[-1] != name[-2] else name + "s"
    if typo in in_source:
        return None
    start, end = m.span("name")
    return Change(_splice(s.target, start, end, typo), f'"{name}" → "{typo}"')


_TAG = re.compile(r"<(?P<name>[A-Za-z][\w-]*)\b[^<>]*?(?P<close>/?)>")
_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s]+)\)")
_INLINE_CODE = re.compile(r"`(?P<text>[^`\n]+)`")


def markup_dropped(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A tag or link dropped: an HTML element's tags (its text kept), a Markdown link
    reduced to its text, or inline code's backticks.

    The markup the source needs is gone. F102 reports tags, links and inline code that
    differ. Eligible: markup of a kind the source has too.
    """
    options = [
        (m.group(), _drop_element(s.target, m))
        for m in _TAG.finditer(s.target)
        if f"<{m.group('name')}" in s.source
    ]
    for pattern, group in ((_LINK, "url"), (_INLINE_CODE, "text")):
        options.extend(
            (m.group(), _splice(s.target, *m.span(), m["text"]))
            for m in pattern.finditer(s.target)
            if m.group(group) in s.source
        )
    chosen = _pick(rng, options)
    return Change(chosen[1], f"dropped {chosen[0]}") if chosen else None


def _drop_element(text: str, opening: re.Match[str]) -> str:
    """`text` without the tag, and without its closing tag if it has one."""
    closing = f"</{opening.group('name')}>"
    end = -1 if opening.group("close") else text.find(closing, opening.end())
    if end >= 0:
        text = _splice(text, end, end + len(closing), "")
    return _splice(text, *opening.span(), "")


# --- faults: numbers ------------------------------------------------------------------


def _changeable(s: Segment, kind: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of numbers of `kind` in the target whose value the source
    holds and the target writes once."""
    source = {n.value for n in numbers(s.source, s.source_lang, s.flags)}
    target = numbers(s.target, s.target_lang, s.flags)
    values = [n.value for n in target]
    return [
        (n.start, n.end, n.value)
        for n in target
        if n.kind == kind and n.value in source and values.count(n.value) == 1
    ]


def _other_value(value: int, avoid: set[int]) -> int:
    new = value + 1
    while new in avoid:
        new += 1
    return new


def number_arabic(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """An Arabic number changed (7 → 8): a typo, or a figure that no longer says the same.

    F103 reports numbers that differ between source and target.
    """
    found = _pick(rng, _changeable(s, "arabic"))
    if found is None:
        return None
    start, end, value = found
    source = {n.value for n in numbers(s.source, s.source_lang, s.flags)}
    new = str(_other_value(value, source))
    return Change(_splice(s.target, start, end, new), f'"{s.target[start:end]}" → "{new}"')


def number_chinese(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A Chinese numeral changed (三 → 四, 百万 → 千万): the count or the scale is wrong.

    F103 normalises Chinese numerals (三 = 3 = three) and reports the difference.
    Eligible: a numeral whose value the source writes (in digits or words).
    """
    found = _pick(rng, _changeable(s, "chinese"))
    if found is None:
        return None
    start, end, value = found
    if value in SCALES_ZH and value * 10 in SCALES_ZH:
        new = SCALES_ZH[value * 10]
    else:
        source = {n.value for n in numbers(s.source, s.source_lang, s.flags)}
        new = to_chinese(_other_value(value, source))
    return Change(_splice(s.target, start, end, new), f'"{s.target[start:end]}" → "{new}"')


def number_word(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """An English number word changed (one → two, million → billion).

    F103 normalises number words and Chinese numerals and reports the difference.
    """
    found = _pick(rng, _changeable(s, "word"))
    if found is None:
        return None
    start, end, value = found
    scales = sorted(SCALES_EN.values())
    if value in scales[:-1]:
        new = next(w for w, v in SCALES_EN.items() if v == scales[scales.index(value) + 1])
    elif value + 1 < len(WORDS_EN):
        new = WORDS_EN[value + 1]
    else:
        return None
    new = _like(new, s.target[start:end])
    return Change(_splice(s.target, start, end, new), f'"{s.target[start:end]}" → "{new}"')


# --- faults: glossary terms --------------------------------------------------------------


def _rendered(s: Segment, terms: Terms) -> list[tuple[Hit, list[Hit]]]:
    """Concepts the source uses (an allowed form) whose allowed rendering the target holds:
    the source's hit, and every target hit of the concept (in prose, not in code)."""
    target = terms.find(masked(s.target, s.flags), s.target_lang)
    pairs = []
    seen: set[int] = set()
    for hit in terms.find(masked(s.source, s.flags), s.source_lang):
        concept = hit.concept
        if hit.form.status is Status.FORBIDDEN or id(concept) in seen:
            continue
        seen.add(id(concept))
        renderings = [t for t in target if t.concept is concept]
        if renderings and all(t.form.status is not Status.FORBIDDEN for t in renderings):
            pairs.append((hit, renderings))
    return pairs


def _replace_hits(text: str, hits: list[Hit], new: str, lang: str) -> str:
    """`text` with each hit replaced by `new` (in its case, with its English ending)."""
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        word = _like(new, hit.text) + hit.suffix if lang == "en" else new
        text = _splice(text, hit.start, hit.end, word)
    return text


def _wrong_renderings() -> dict[str, dict[str, str]]:
    """Plausible but wrong renderings of common terms, keyed by the preferred form.

    Chinese (`right wrong`): mostly Taiwan or Hong Kong usage in a mainland catalog
    (栏位, 资料库), the rest word confusions (模特 for 模型). English (`right: wrong`):
    near-synonyms a glossary rules out.
    """
    pairs = {
        "zh": """密码 密钥|删除 移除|字段 栏位|网站 网页|用户 使用者|模板 范本|文档 说明书|
        电子邮件 电邮|模型 模特|文件 档案|权限 许可|数据 资料|提交 承诺|账户 户头|用户名 使用者名称|
        保存 储存|错误 误差|登录 登入|浏览器 浏览程式|安装 装设|编辑 编修|管理员 管理者|
        服务器 服务端|会话 对谈|消息 讯息|路径 途径|链接 连结|设置 设定|应用程序 程式|数据库 资料库|
        注册 报名|配置 组态|调试 除错|上传 上载|文件夹 资料夹|日志 纪录|退出登录 离开|搜索 搜寻|
        按钮 按键|函数 函式|变量 变数|算法 运算方式|隐私 私隐|发布 释放|教程 教学|社区 社群|
        弹窗 弹出视窗|确认 确定|取消 撤销|上下文 语境|版本 版次|内存 记忆体|网络 网际|软件 程式|
        训练 训育|推理 推论|芯片 晶片|算力 计算能力|开源 开放原始码|参数 叁数|部署 布署|
        初创公司 新创公司|融资 集资|基准测试 基准考试|智能体 智慧体|开发者 开发商|评测 评比""",
        "en": """password: passcode|delete: erase|field: column|website: webpage|user: consumer|
        template: pattern|documentation: manual|email: mail|model: mould|file: document|
        permission: allowance|data: material|commit: promise|account: profile|
        username: nickname|save: store|error: mistake|log in: enter|browser: viewer|
        install: mount|edit: modify|administrator: manager|server: host|session: conversation|
        message: notice|path: route|link: connection|settings: options|app: program|
        database: repository|sign up: enroll|configuration: layout|debug: troubleshoot|
        upload: transfer|folder: catalogue|log: diary|log out: exit|search: look up|
        button: key|function: feature|variable: quantity|algorithm: method|privacy: secrecy|
        release: publication|tutorial: lesson|community: society|confirm: verify|cancel: undo|
        context: background|version: edition|memory: storage|network: net|software: program|
        training: coaching|inference: deduction|chip: wafer|compute: calculating power|
        open source: open code|parameter: figure|deploy: install|startup: new company|
        funding: money|benchmark: yardstick|developer: builder|evaluation: appraisal|
        weights: weighting|agent: intelligent body|large language model: big language model|
        technical report: technology paper|leaderboard: ranking table""",
    }
    table: dict[str, dict[str, str]] = {}
    for lang, text in pairs.items():
        separator = None if lang == "zh" else ":"
        entries = (entry.split(separator, 1) for entry in text.split("|"))
        table[lang] = {right.strip(): wrong.strip() for right, wrong in entries}
    return table


WRONG = _wrong_renderings()


def _allowed_texts(concept: Concept, lang: str) -> set[str]:
    return {f.text.casefold() for f in concept.forms_in(lang)}


def term_wrong(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A glossary term rendered wrongly: every allowed rendering of one term replaced by a
    plausible wrong one (字段 → 栏位, password → passcode).

    T101 reports a source term none of whose allowed renderings is in the target.
    Eligible: terms with a wrong rendering listed in `WRONG`.
    """
    options = []
    for hit, renderings in _rendered(s, terms):
        preferred = hit.concept.preferred(s.target_lang)
        wrong = WRONG[s.target_lang].get(preferred.text if preferred else "")
        if wrong and wrong.casefold() not in _allowed_texts(hit.concept, s.target_lang):
            options.append((hit, renderings, wrong))
    chosen = _pick(rng, options)
    if chosen is None:
        return None
    hit, renderings, wrong = chosen
    new = _replace_hits(s.target, renderings, wrong, s.target_lang)
    if _still_rendered(new, hit.concept, s.target_lang):
        return None  # an allowed form is still there (inside a longer term, say): not wrong
    return Change(new, f'"{renderings[0].text}" → "{wrong}" (for "{hit.text}")')


def _still_rendered(text: str, concept: Concept, lang: str) -> bool:
    """Whether any allowed form of `concept` is in `text`, inside longer terms too
    ("model" in "large language model", 用户 in 用户名)."""
    for form in concept.allowed(lang):
        if has_han(form.text):
            found = form.text in text
        else:
            # a hyphen bounds a word, as for the checker: "password" in "password-based"
            word = rf"(?<![A-Za-z0-9_]){re.escape(form.text)}(?:s|es|d|ed|ing)?(?![A-Za-z0-9_])"
            found = re.search(word, text, re.IGNORECASE) is not None
        if found:
            return True
    return False


def term_forbidden(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A glossary term rendered with a form the glossary forbids (密码 → 口令,
    Tongyi Lab → Tongyi Laboratory).

    T102 reports a forbidden rendering of a term the source uses.
    """
    options = []
    for hit, renderings in _rendered(s, terms):
        for form in hit.concept.forbidden(s.target_lang):
            options.extend((hit, rendering, form.text) for rendering in renderings)
    chosen = _pick(rng, options)
    if chosen is None:
        return None
    hit, rendering, forbidden = chosen
    new = _replace_hits(s.target, [rendering], forbidden, s.target_lang)
    return Change(new, f'"{rendering.text}" → "{forbidden}" (for "{hit.text}")')


def english_left(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """An English word left in the Chinese target: a term's rendering replaced by the
    source's own word ("保存你的密码" → "保存你的password").

    U102 reports English words copied from the source into a Chinese target.
    Eligible: a lower-case source term (not a do-not-translate name) rendered in the target.
    """
    options = [
        (hit, rendering)
        for hit, renderings in _rendered(s, terms)
        for rendering in renderings[:1]
        if not hit.concept.dnt and hit.text.islower()
    ]
    chosen = _pick(rng, options)
    if chosen is None:
        return None
    return _left_over(s, *chosen)


def _left_over(s: Segment, hit: Hit, rendering: Hit) -> Change | None:
    """The rendering replaced by the source's term; not when that copies the whole source."""
    new = _splice(s.target, rendering.start, rendering.end, hit.text)
    if new.strip() == s.source.strip():
        return None  # the target copied from the source: a fault of U101's
    return Change(new, f'"{rendering.text}" → "{hit.text}"')


def han_left(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """Han text left in the English target: a term's rendering replaced by the Chinese
    source term ("Save your password" → "Save your 密码").

    U102 reports Han characters in an English target.
    """
    options = [
        (hit, rendering)
        for hit, renderings in _rendered(s, terms)
        for rendering in renderings[:1]
        if has_han(hit.text)
    ]
    chosen = _pick(rng, options)
    if chosen is None:
        return None
    return _left_over(s, *chosen)


# Renderings of do-not-translate names that a translator might write instead.
DNT_RENDERINGS = {
    "zh": {
        "Django": "姜戈",
        "URL": "网址",
        "JSON": "对象表示法",
        "HTTPS": "安全超文本传输协议",
        "HTTP": "超文本传输协议",
        "HTML": "超文本标记语言",
        "Python": "派森",
        "API": "应用程序接口",
        "GPU": "图形处理器",
        "CPU": "中央处理器",
        "SOTA": "最先进水平",
        "Qwen": "通义千问",
    },
    "en": {
        "URL": "web address",
        "JSON": "object notation",
        "HTTPS": "secure hypertext",
        "HTML": "hypertext markup",
        "API": "programming interface",
        "GPU": "graphics processor",
        "CPU": "central processor",
        "SOTA": "state of the art",
        "Qwen": "Tongyi Qianwen",
        "Hugging Face": "Embracing Face",
        "DeepSeek-R1": "Deep Seek Reasoner",
    },
}


def _dnt_in_target(s: Segment, terms: Terms) -> list[tuple[Hit, list[Hit]]]:
    return [(hit, r) for hit, r in _rendered(s, terms) if hit.concept.dnt]


def dnt_translated(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A do-not-translate name translated (Django → 姜戈, URL → 网址, Qwen → Tongyi Qianwen).

    T105 reports a do-not-translate name of the source missing from the target.
    Eligible: names with a rendering in `DNT_RENDERINGS`.
    """
    options = []
    for hit, renderings in _dnt_in_target(s, terms):
        rendering = DNT_RENDERINGS[s.target_lang].get(hit.form.text)
        if rendering:
            options.append((hit, renderings, rendering))
    chosen = _pick(rng, options)
    if chosen is None:
        return None
    hit, renderings, rendering = chosen
    new = s.target
    for r in sorted(renderings, key=lambda h: h.start, reverse=True):
        new = _splice(new, r.start, r.end, rendering)
    if hit.form.text.casefold() in new.casefold():
        return None
    return Change(new, f'"{hit.form.text}" → "{rendering}"')


def dnt_miscased(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A case-sensitive do-not-translate name in the wrong case (Django → django,
    JSON → Json, Qwen → qwen).

    T104 reports a case-sensitive form written in the wrong letter case.
    """
    options = [
        r
        for hit, renderings in _dnt_in_target(s, terms)
        if hit.concept.case_sensitive
        for r in renderings
    ]
    rendering = _pick(rng, options)
    if rendering is None:
        return None
    text = rendering.text
    new = text.capitalize() if text.isupper() or text.lower() == text else text.lower()
    if new == text:
        return None
    return Change(_splice(s.target, rendering.start, rendering.end, new), f'"{text}" → "{new}"')


# --- faults: typography ------------------------------------------------------------------

_FULLWIDTH = dict(zip("，。：；？！", ",.:;?!", strict=True))
_HALFWIDTH = {ascii: full for full, ascii in _FULLWIDTH.items()}


def ascii_punctuation(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """ASCII punctuation inside Chinese: a full-width mark after Han text made half-width
    ("输入一个有效的值。" → "输入一个有效的值.").

    P101 reports ASCII , . ? ! : ; punctuating Chinese text.
    """
    prose = masked(s.target, s.flags)
    places = [
        i for i, char in enumerate(prose) if char in _FULLWIDTH and i > 0 and has_han(prose[i - 1])
    ]
    i = _pick(rng, places)
    if i is None:
        return None
    mark = _FULLWIDTH[s.target[i]]
    return Change(_splice(s.target, i, i + 1, mark), f'"{s.target[i]}" → "{mark}"')


def fullwidth_punctuation(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """Full-width punctuation in English: an ASCII mark after a word made full-width, as a
    Chinese input method types it ("name, then" → "name，then").

    P102 reports Chinese punctuation in an English target.
    """
    prose = masked(s.target, s.flags)
    places = [
        m.start()
        for m in re.finditer(r"(?<=[A-Za-z])[,.:;?!](?= |$)", prose)
        if prose[m.start() - 2 : m.start()] != ".."
    ]
    i = _pick(rng, places)
    if i is None:
        return None
    mark = _HALFWIDTH[s.target[i]]
    end = i + 2 if s.target[i + 1 : i + 2] == " " else i + 1
    return Change(_splice(s.target, i, end, mark), f'"{s.target[i:end]}" → "{mark}"')


@cache
def _converters() -> tuple[Any, ...]:
    import opencc

    return tuple(opencc.OpenCC(c) for c in ("s2t", "t2s", "tw2s", "hk2s"))


def _traditional(char: str) -> str | None:
    """The Traditional form of a Simplified character, when every conversion back agrees."""
    s2t, *back = _converters()
    traditional: str = s2t.convert(char)
    if traditional == char or any(b.convert(traditional) != char for b in back):
        return None
    return traditional


def traditional_character(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A Traditional character in a Simplified target (用户 → 用戶), as a Taiwan input method
    or a copied phrase brings in.

    P104 reports Traditional characters in a zh_CN/zh_Hans target.
    """
    prose = masked(s.target, s.flags)
    places = [(i, t) for i, char in enumerate(prose) if has_han(char) and (t := _traditional(char))]
    chosen = _pick(rng, places)
    if chosen is None:
        return None
    i, traditional = chosen
    return Change(_splice(s.target, i, i + 1, traditional), f'"{s.target[i]}" → "{traditional}"')


# --- traps: correct rewrites -------------------------------------------------------------


def digit_to_chinese(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """An Arabic number written as the same Chinese numeral (7天 → 七天, 12个 → 十二个,
    150个 → 一百五十个).

    Chinese style often spells counts out; F103 normalises numerals, so nothing should be
    reported. Eligible: a number before a measure word or unit (Han text), not a code
    such as an HTTP status "(500)".
    """

    def eligible(n: Number) -> bool:
        return n.value < 10**8 and has_han(s.target[n.end : n.end + 1])

    return _number_spelt(s, rng, eligible, to_chinese)


def digit_to_word(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A small Arabic number spelt out in English (7 → seven), as English style guides ask.

    F103 normalises number words, so nothing should be reported.
    """
    return _number_spelt(s, rng, lambda n: n.value <= 10, to_english)


def _number_spelt(
    s: Segment, rng: random.Random, eligible: Callable[[Number], bool], spell: Callable[[int], str]
) -> Change | None:
    """One Arabic number of the target that the source has too, spelt out by `spell`."""
    source = {n.value for n in numbers(s.source, s.source_lang, s.flags)}
    found = [
        n
        for n in numbers(s.target, s.target_lang, s.flags)
        if n.kind == "arabic" and n.value in source and eligible(n)
    ]
    n = _pick(rng, found)
    if n is None:
        return None
    new = spell(n.value)
    return Change(
        _splice(s.target, n.start, n.end, new), f'"{s.target[n.start : n.end]}" → "{new}"'
    )


def placeholders_reordered(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """Two named placeholders swapped, as the target language's word order needs
    ("%(a)s of %(b)s" → "%(b)s 的 %(a)s").

    Named placeholders may move (msgfmt -c agrees); F101 should report nothing.
    Placeholders inside inline code are left alone: code is not reworded.
    """
    prose = masked(s.target, s.flags, keep_placeholders=True)
    first: dict[str, re.Match[str]] = {}
    for m in named(s.target, s.flags):
        if prose[m.start()] != " ":
            first.setdefault(m.group(), m)
    if len(first) < 2:
        return None
    a, b = sorted(rng.sample(list(first.values()), 2), key=lambda m: m.start())
    new = s.target[: a.start()] + b.group() + s.target[a.end() : b.start()] + a.group()
    new += s.target[b.end() :]
    return Change(new, f'"{a.group()}" ⇄ "{b.group()}"')


def fullwidth_parentheses(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """ASCII parentheses around Chinese text made full-width ("(8字节)" → "（8字节）").

    That is the Chinese form; P101 asks for it, so nothing new should be reported.
    """
    prose = masked(s.target, s.flags)
    spans = [m.span() for m in re.finditer(r"\(([^()]*)\)", prose) if has_han(m.group(1))]
    span = _pick(rng, spans)
    if span is None:
        return None
    start, end = span
    new = s.target[:start] + "（" + s.target[start + 1 : end - 1] + "）" + s.target[end:]
    return Change(new, f'"{s.target[start:end]}" → "（…）"')


def cjk_latin_spacing(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A space put between Han text and Latin words or digits ("一个JSON对象" →
    "一个 JSON 对象"), the common house style.

    P103 (spacing) is off by default and nothing else cares: nothing should be reported.
    """
    prose = masked(s.target, s.flags)
    han, latin = "\u4e00-\u9fff", "A-Za-z0-9"
    places = [m.end() for m in re.finditer(f"[{han}](?=[{latin}])|[{latin}](?=[{han}])", prose)]
    if not places:
        return None
    new = s.target
    for i in reversed(places):
        new = new[:i] + " " + new[i:]
    return Change(new, f"{len(places)} space(s) inserted")


def admitted_term(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A term rendered with another allowed form of the glossary (账户 → 账号, delete → remove).

    Admitted forms are allowed; T101 and T102 should report nothing (T103, which
    compares files, is not run on mutated copies).
    """
    options = []
    for hit, renderings in _rendered(s, terms):
        if hit.concept.dnt or any(r.suffix not in ("", "s") for r in renderings):
            continue
        used = {r.form.text.casefold() for r in renderings}
        others = [
            f.text for f in hit.concept.allowed(s.target_lang) if f.text.casefold() not in used
        ]
        options.extend((hit, renderings, other) for other in others)
    chosen = _pick(rng, options)
    if chosen is None:
        return None
    hit, renderings, other = chosen
    new = _replace_hits(s.target, renderings, other, s.target_lang)
    return Change(new, f'"{renderings[0].text}" → "{other}"')


# Countable nouns among the glossary's English forms, with their plurals.
PLURALS = dict(
    pair.split("/")
    for pair in [
        "account/accounts",
        "app/apps",
        "benchmark/benchmarks",
        "browser/browsers",
        "button/buttons",
        "chip/chips",
        "database/databases",
        "developer/developers",
        "email/emails",
        "error/errors",
        "field/fields",
        "file/files",
        "folder/folders",
        "function/functions",
        "link/links",
        "message/messages",
        "model/models",
        "parameter/parameters",
        "password/passwords",
        "path/paths",
        "permission/permissions",
        "server/servers",
        "session/sessions",
        "setting/settings",
        "site/sites",
        "startup/startups",
        "template/templates",
        "user/users",
        "username/usernames",
        "variable/variables",
        "version/versions",
        "website/websites",
    ]
)


def term_inflected(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """A glossary noun inflected in the English target (file → files, user → users).

    Chinese does not mark number, so either is a correct translation; term rules match
    inflections, so nothing should be reported. Eligible: the countable nouns of
    `PLURALS`, in the singular.
    """
    options = [
        (r, _like(PLURALS[r.text.lower()], r.text))
        for hit, renderings in _rendered(s, terms)
        for r in renderings
        if not hit.concept.dnt and r.text.lower() in PLURALS
    ]
    chosen = _pick(rng, options)
    if chosen is None:
        return None
    r, plural = chosen
    return Change(_splice(s.target, r.start, r.end, plural), f'"{r.text}" → "{plural}"')


def curly_quotes(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """Straight quotes made curly in English ("x" → “x”, don't → don’t).

    Curly quotes are English typography; P102 says they are fine.
    """
    prose = masked(s.target, s.flags)
    chars = list(s.target)
    doubles = [i for i, c in enumerate(prose) if c == '"']
    for n, i in enumerate(doubles[: len(doubles) // 2 * 2]):
        chars[i] = "“" if n % 2 == 0 else "”"
    for i, c in enumerate(prose):
        if c == "'":
            opening = i == 0 or prose[i - 1] in " ([“"
            chars[i] = "‘" if opening else "’"
    new = "".join(chars)
    return Change(new, "straight quotes → curly") if new != s.target else None


def straight_quotes(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """Curly quotes made straight in English (“x” → "x", don’t → don't).

    Both are English; nothing should be reported.
    """
    prose = masked(s.target, s.flags)
    swap = {"“": '"', "”": '"', "‘": "'", "’": "'"}
    new = "".join(swap.get(p, c) if p == c else c for c, p in zip(s.target, prose, strict=True))
    return Change(new, "curly quotes → straight") if new != s.target else None


def ellipsis(s: Segment, rng: random.Random, terms: Terms) -> Change | None:
    """An English ellipsis written the other way ("..." ↔ "…").

    Both are English; nothing should be reported.
    """
    prose = masked(s.target, s.flags)
    if "..." in prose:
        i = prose.index("...")
        return Change(_splice(s.target, i, i + 3, "…"), '"..." → "…"')
    if "…" in prose:
        i = prose.index("…")
        return Change(_splice(s.target, i, i + 1, "..."), '"…" → "..."')
    return None


FAULTS = (
    Kind("emptied", "U101", BOTH, emptied),
    Kind("source-copied", "U101", BOTH, source_copied),
    Kind("placeholder-dropped", "F101", BOTH, placeholder_dropped),
    Kind("placeholder-renamed", "F101", BOTH, placeholder_renamed),
    Kind("markup-dropped", "F102", BOTH, markup_dropped),
    Kind("number-arabic", "F103", BOTH, number_arabic),
    Kind("number-chinese", "F103", (EN_ZH,), number_chinese),
    Kind("number-word", "F103", (ZH_EN,), number_word),
    Kind("term-wrong", "T101", BOTH, term_wrong),
    Kind("term-forbidden", "T102", BOTH, term_forbidden),
    Kind("dnt-miscased", "T104", BOTH, dnt_miscased),
    Kind("dnt-translated", "T105", BOTH, dnt_translated),
    Kind("english-left", "U102", (EN_ZH,), english_left),
    Kind("han-left", "U102", (ZH_EN,), han_left),
    Kind("ascii-punctuation", "P101", (EN_ZH,), ascii_punctuation),
    Kind("fullwidth-punctuation", "P102", (ZH_EN,), fullwidth_punctuation),
    Kind("traditional-character", "P104", (EN_ZH,), traditional_character),
)
TRAPS = (
    Kind("digit-to-chinese", "", (EN_ZH,), digit_to_chinese),
    Kind("digit-to-word", "", (ZH_EN,), digit_to_word),
    Kind("placeholders-reordered", "", BOTH, placeholders_reordered),
    Kind("fullwidth-parentheses", "", (EN_ZH,), fullwidth_parentheses),
    Kind("cjk-latin-spacing", "", (EN_ZH,), cjk_latin_spacing),
    Kind("admitted-term", "", BOTH, admitted_term),
    Kind("term-inflected", "", (ZH_EN,), term_inflected),
    Kind("curly-quotes", "", (ZH_EN,), curly_quotes),
    Kind("straight-quotes", "", (ZH_EN,), straight_quotes),
    Kind("ellipsis", "", (ZH_EN,), ellipsis),
)
KINDS = FAULTS + TRAPS


def plant_all(
    pools: Mapping[str, list[Segment]],
    flagged: Callable[[str, Segment, str], bool],
    terms: Terms,
    seed: int = SEED,
    limit: int = LIMIT,
) -> list[Mutation]:
    """Up to `limit` mutations of each kind in each direction, in seeded random segments.

    `pools` holds each direction's untouched segments; `flagged(direction, segment, rule)`
    says whether the untouched segment already has a finding of `rule` (such a segment
    cannot show a fault of that rule, so it is not used for one).
    """
    mutations = []
    for kind in KINDS:
        for direction in kind.directions:
            rng = random.Random(f"{seed}:{kind.name}:{direction}")
            candidates = [
                s
                for s in pools[direction]
                if s.target.strip() and not s.fuzzy and not flagged(direction, s, kind.rule)
            ]
            rng.shuffle(candidates)
            planted = 0
            for segment in candidates:
                change = kind.plant(segment, rng, terms)
                if change is None or change.target == segment.target:
                    continue
                mutations.append(Mutation(kind, direction, segment, change.target, change.note))
                planted += 1
                if planted == limit:
                    break
    return mutations
