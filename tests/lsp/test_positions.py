"""Code-point spans to LSP ranges in each position encoding."""

from __future__ import annotations

import pytest
from lsprotocol import types

from copylint.core.source import Document, Span
from copylint.lsp.positions import UTF8, UTF16, UTF32, to_range, units


@pytest.mark.parametrize(
    ("text", "utf8", "utf16", "utf32"),
    [("plain", 5, 5, 5), ("café", 5, 4, 4), ("😀", 4, 2, 1), ("a𝔘b", 6, 4, 3), ("", 0, 0, 0)],
)
def test_units_count_each_encodings_code_units(text: str, utf8: int, utf16: int, utf32: int) -> None:
    assert (units(text, UTF8), units(text, UTF16), units(text, UTF32)) == (utf8, utf16, utf32)


def test_a_range_on_a_later_line_counts_only_that_lines_text() -> None:
    document = Document("draft.md", "😀😀 first\r\nnaïve 😀 teh end\n")
    start = document.text.index("teh")
    span = Span(start, start + 3)
    line, before = 1, "naïve 😀 "
    for encoding in (UTF8, UTF16, UTF32):
        first = units(before, encoding)
        assert to_range(document, span, encoding) == types.Range(
            start=types.Position(line=line, character=first), end=types.Position(line=line, character=first + 3)
        )
    assert to_range(document, span, UTF16).start.character == 9
    assert to_range(document, span, UTF8).start.character == 12
