"""Offsets to lines and columns, and decoding."""

from __future__ import annotations

import pytest

from copylint.errors import InputError
from copylint.source import Document, Position, Span, decode


def test_positions_with_crlf_count_code_points_and_ignore_the_carriage_return() -> None:
    document = Document("a.txt", "one\r\ntwo three\r\n")
    offset = document.text.index("three")
    assert document.position(offset) == Position(2, 5)
    assert document.line_text(2) == "two three"


def test_tabs_count_as_one_column() -> None:
    document = Document("a.txt", "\tword")
    assert document.position(1).column == 2


def test_bom_is_not_part_of_the_text() -> None:
    document = decode("a.txt", b"\xef\xbb\xbfhello world")
    assert document.bom
    assert document.text == "hello world"
    assert document.position(document.text.index("world")).column == 7


def test_combining_marks_and_emoji_are_code_points() -> None:
    text = "nai\u0308ve 👍 ok"
    document = Document("a.txt", text)
    ok = text.index("ok")
    assert document.position(ok).column == ok + 1 == 10
    # UTF-16 counts the emoji as two units
    assert document.utf16_column(ok) == 11


def test_text_after_multibyte_characters() -> None:
    document = decode("a.txt", "Baker’s “Anora” a a".encode())
    offset = document.text.index("a a")
    assert document.position(offset) == Position(1, len("Baker’s “Anora” ") + 1)


def test_position_at_end_of_text_and_empty_document() -> None:
    document = Document("a.txt", "ab\n")
    assert document.position(3) == Position(2, 1)
    assert Document("e.txt", "").position(0) == Position(1, 1)


def test_invalid_utf8_names_the_file_and_the_line() -> None:
    with pytest.raises(InputError, match=r"latin\.txt: not valid UTF-8 \(byte 0xe9 at line 2\)"):
        decode("latin.txt", b"first\ncaf\xe9\n")


def test_binary_file_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode("image.md", b"\x89PNG\r\n\x1a\n\x00\x00")


def test_span_rejects_reversed_ranges() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)
    assert Span(1, 3).overlaps(Span(2, 4))
    assert not Span(1, 2).overlaps(Span(2, 4))
