"""Code-point offsets to LSP positions in the negotiated encoding.

copylint counts code points; LSP counts UTF-16 code units unless the client offers UTF-8 or
UTF-32. A character outside the Basic Multilingual Plane (an emoji) is one code point, two
UTF-16 units and four UTF-8 bytes, so every column is converted from the line's own text.
"""

from __future__ import annotations

from lsprotocol import types

from copylint.core.source import Document, Span

UTF8, UTF16, UTF32 = types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16, types.PositionEncodingKind.Utf32


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in ``encoding``'s code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def position(document: Document, offset: int, encoding: str) -> types.Position:
    """The LSP position of code-point ``offset``."""
    where = document.position(offset)
    start = document.line_starts[where.line - 1]
    return types.Position(line=where.line - 1, character=units(document.text[start:offset], encoding))


def to_range(document: Document, span: Span, encoding: str) -> types.Range:
    return types.Range(start=position(document, span.start, encoding), end=position(document, span.end, encoding))
