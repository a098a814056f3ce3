"""Plain text: the prose is the text itself; blank lines separate blocks."""

from __future__ import annotations

import re

from copylint.core.prose import PLAIN_TRAITS, ProseView, Scope, ViewBuilder
from copylint.core.source import Document

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
            builder.add(position, match.start(), Scope.TEXT)
            builder.break_block()
            position = match.end()
        builder.add(position, len(document.text), Scope.TEXT)
        return builder.build()
