"""Markdown and plain-text blocks: kinds, verbatim text, columns, front matter."""

from __future__ import annotations

from pathlib import Path

from checker.readers.blocks import document_blocks
from checker.readers.fileio import read_text
from tests.checker.readers.contract import fixture


def blocks_of(name: str) -> list[tuple[str, int, str]]:
    path = fixture(name)
    return [(b.kind, b.line, b.text) for b in document_blocks(path, read_text(path))]


def test_front_matter_is_not_a_block() -> None:
    assert blocks_of("docs/guide.en.md")[0] == ("heading", 5, "Getting started")


def test_table_cells_with_equal_text_get_their_own_columns(tmp_path: Path) -> None:
    table = tmp_path / "table.md"
    table.write_text("| a | a |\n|---|---|\n| x \\| y | x |\n", encoding="utf-8")
    blocks = document_blocks(str(table), read_text(str(table)))
    assert [(b.text, b.anchors[0]) for b in blocks] == [
        ("a", (0, 1, 3)),
        ("a", (0, 1, 7)),
        ("x \\| y", (0, 3, 3)),
        ("x", (0, 3, 12)),
    ]


def test_ordered_list_item_repeating_its_marker(tmp_path: Path) -> None:
    document = tmp_path / "list.md"
    document.write_text("1. 1\n", encoding="utf-8")
    (block,) = document_blocks(str(document), read_text(str(document)))
    assert (block.kind, block.text, block.anchors) == ("list-item", "1", ((0, 1, 4),))


def test_prose_leaves_out_code_and_links() -> None:
    path = fixture("docs/guide.zh.md")
    paragraph = document_blocks(path, read_text(path))[1]
    assert "glosscheck" in paragraph.text
    assert "glosscheck" not in paragraph.prose
