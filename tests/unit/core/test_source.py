"""Offsets to lines and columns, and decoding."""

from __future__ import annotations

import codecs

import pytest

from copylint.core.errors import InputError
from copylint.core.source import Document, Position, Span, decode, encode


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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_byte_order_mark_names_the_encoding_and_fixes_write_it_back(encoding: str) -> None:
    mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
        encoding, codecs.BOM_UTF32_LE if encoding == "utf-32-le" else codecs.BOM_UTF32_BE
    )
    data = mark + "Déjà vu — the the end.\r\n".encode(encoding)
    document = decode("a.md", data)
    assert document.text == "Déjà vu — the the end.\r\n"
    assert document.bom and document.encoding == encoding
    assert encode(document, document.text) == data


def test_utf16_without_a_byte_order_mark_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"a.md: looks like UTF-16 without a byte-order mark"):
        decode("a.md", "Plain prose in UTF-16.".encode("utf-16-le"))


def test_a_wrong_byte_order_mark_is_a_clear_error() -> None:
    with pytest.raises(
        InputError, match=r"a.md: its byte-order mark says UTF-16-LE, but the text is not valid UTF-16-LE \(at byte 4\)"
    ):
        decode("a.md", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8")  # an unpaired surrogate


def test_latin1_is_refused_with_the_byte_and_line() -> None:
    with pytest.raises(InputError, match=r"a.txt: not valid UTF-8 \(byte 0xe9 at line 2\)"):
        decode("a.txt", "ok\ncaf\u00e9\n".encode("latin-1"))
