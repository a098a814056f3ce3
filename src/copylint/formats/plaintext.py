"""Plain text: the prose is the text itself; blank lines separate blocks."""

from __future__ import annotations

import re

from copylint.core.prose import PLAIN_TRAITS, ProseView, Scope, ViewBuilder
from copylint.core.source import Document
from copylint.formats.masks import add_prose

_BLANK_LINES = re.compile(r"\r?\n[ \t\r\f\v]*\n\s*")


class PlainTextFormat:
    """Reads ``.txt`` files (and anything without a known suffix)."""

    name: str = "text"
    suffixes: tuple[str, ...] = (".txt", ".text")
    traits = PLAIN_TRAITS

    def build_view(self, document: Document) -> ProseView:
        builder = ViewBuilder(document)
        position = 0
        for match in _BLANK_LINES.finditer(document.text):
            add_prose(builder, document.text, position, match.start(), Scope.TEXT)
            builder.break_block()
            position = match.end()
        add_prose(builder, document.text, position, len(document.text), Scope.TEXT)
        return builder.build()
