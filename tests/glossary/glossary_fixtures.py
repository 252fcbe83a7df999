"""Paths of the glossary fixtures and the glossary that every `full.*` file holds."""

from __future__ import annotations

from pathlib import Path

from glossary.model import Boundary, Concept, Form, Glossary, Status

FIXTURES = Path(__file__).parent / "fixtures"
MALFORMED = FIXTURES / "malformed"
VALIDATE = FIXTURES / "validate"

A, X = Status.ADMITTED, Status.FORBIDDEN


def full_glossary() -> Glossary:
    """Every field in use: all statuses in both languages, a one-sided DNT
    concept, a zh-only concept, case, boundary char, a non-ASCII note,
    domain and part of speech."""
    return Glossary(
        [
            Concept(
                (
                    Form("刷新", "zh"),
                    Form("refresh", "en"),
                    Form("update", "en", A),
                    Form("brush", "en", X),
                ),
                note='as in "refresh a benchmark record"',
                domain="ai",
                pos="verb",
            ),
            Concept(
                (
                    Form("通义实验室", "zh"),
                    Form("Tongyi Lab", "en"),
                    Form("Tongyi Laboratory", "en", X),
                ),
                case_sensitive=True,
            ),
            Concept((Form("Qwen", "en"),), dnt=True, case_sensitive=True),
            Concept(
                (
                    Form("数据", "zh"),
                    Form("资料", "zh", A),
                    Form("数椐", "zh", X),
                    Form("data", "en"),
                ),
                boundary=Boundary.CHAR,
                note="数据 — «données» ✓ 😀",
                domain="计算机",
            ),
            Concept(
                (Form("账号", "zh"), Form("帐号", "zh", X), Form("帐户", "zh", X)),
                note="用“账号”，不用“帐号”",
                pos="noun",
            ),
            Concept((Form("模型", "zh"), Form("model", "en")), domain="机器学习", pos="noun"),
        ],
        name="full",
    )
